/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A channel driver of this tree tells ppp_generic that it takes the
 * segments of a GSO frame as the unit cuts them: scatter-gather, their
 * checksum summed and marked CHECKSUM_UNNECESSARY.  The unit then keeps
 * TSO and segments without copying the payload (xmit.c).
 *
 * Only our ppp_generic has ppp_channel_set_tx_offload(); the drivers also
 * load on the in-tree ppp_generic, hence symbol_get() rather than a
 * link-time dependency: there, frames reach the channel as before.
 */
#ifndef PPP_TX_OFFLOAD_H
#define PPP_TX_OFFLOAD_H

#include <linux/module.h>

struct ppp_channel;

void ppp_channel_set_tx_offload(struct ppp_channel *chan, bool on);

/* For channel drivers (not ppp_generic): no-op on the in-tree module. */
static inline void ppp_tx_offload_offer(struct ppp_channel *chan)
{
	void (*set)(struct ppp_channel *chan, bool on);

	set = symbol_get(ppp_channel_set_tx_offload);
	if (!set)
		return;
	set(chan, true);
	symbol_put(ppp_channel_set_tx_offload);
}

#endif /* PPP_TX_OFFLOAD_H */
