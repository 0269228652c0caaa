/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A channel driver of this tree tells ppp_generic that it takes frames
 * as the unit's offloads leave them: scatter-gather and with the
 * transport checksum left to the device (CHECKSUM_PARTIAL).  The unit
 * then hands it the segments of a GSO frame without copying them or
 * summing their payload (xmit.c).
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
