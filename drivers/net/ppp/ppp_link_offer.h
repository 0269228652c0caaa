/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How a channel driver of this tree hands its framing counters to
 * ppp_generic (ppp_link_stats.h).  Only ours has
 * ppp_channel_set_link_stats(); the drivers also load on the in-tree
 * ppp_generic, hence symbol_get() rather than a link-time dependency:
 * there, the counters are simply not shown.  Not included by
 * ppp_generic itself.
 */
#ifndef PPP_LINK_OFFER_H
#define PPP_LINK_OFFER_H

#include <linux/module.h>
#include "ppp_link_stats.h"

static inline void ppp_link_stats_offer(struct ppp_channel *chan,
					const struct ppp_link_stats_ops *ops)
{
	void (*set)(struct ppp_channel *chan,
		    const struct ppp_link_stats_ops *ops);

	set = symbol_get(ppp_channel_set_link_stats);
	if (!set)
		return;
	set(chan, ops);
	symbol_put(ppp_channel_set_link_stats);
}

#endif /* PPP_LINK_OFFER_H */
