/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Framing counters of one channel, shared by ppp_generic (which shows
 * them: ethtool -S on the unit, summed over its channels, and one row per
 * channel in /proc/net/ppp_channels) and the channel drivers of this tree
 * that keep them (ppp_async; ppp_synctty and pppoe count the causes that
 * apply to their framing and leave the others at zero).
 *
 * A driver counts under the lock it already holds where the event is
 * decided (no atomics on a path that delivers a frame), and hands ppp_generic a reader with
 * ppp_channel_set_link_stats().  The function is looked up with
 * symbol_get(): a driver of ours also loads on the in-tree ppp_generic,
 * which has no such thing, and then simply shows no counters.
 */
#ifndef PPP_LINK_STATS_H
#define PPP_LINK_STATS_H

#include <linux/types.h>

struct ppp_channel;

/**
 * enum ppp_link_stat - one counter per cause; stats.c holds their names
 * @PPP_LINK_RX_FCS: frames with a bad FCS
 * @PPP_LINK_RX_RUNT: frames below the minimum size
 * @PPP_LINK_RX_LONG: frames longer than the MRU
 * @PPP_LINK_RX_ABORT: frames aborted (7d 7e)
 * @PPP_LINK_RX_TOSSED_BYTES: bytes of dropped frames, and bytes skipped
 *	while hunting for a flag
 * @PPP_LINK_RX_MAPPED_BYTES: bytes the receive map discarded
 * @PPP_LINK_RX_LINE_ERRORS: bytes the tty flagged (parity, framing,
 *	overrun, break)
 * @PPP_LINK_RX_NOBUF: frames lost for want of a receive buffer
 * @PPP_LINK_RX_BAD_HEADER: good FCS, bad address/control or protocol field;
 *	PPPoE: version/type not 1/1, code not 0, or a compressed protocol
 * @PPP_LINK_RX_QUEUE_FULL: frames dropped: too many waiting for
 *	ppp_generic (PPPoE: for the session's socket)
 * @PPP_LINK_RX_BAD_LENGTH: PPPoE: the length field is past the frame's
 *	end or does not cover the protocol
 * @PPP_LINK_RX_PADT: PPPoE: PADTs received for the session (it ends)
 * @PPP_LINK_TX_ESCAPED_BYTES: bytes escaping added on transmit
 * @PPP_LINK_TX_DROPPED: frames the channel took from ppp_generic but
 *	could not send (PPPoE: its device gone, no room for the headers)
 * @PPP_LINK_STAT_COUNT: how many there are
 */
enum ppp_link_stat {
	PPP_LINK_RX_FCS,
	PPP_LINK_RX_RUNT,
	PPP_LINK_RX_LONG,
	PPP_LINK_RX_ABORT,
	PPP_LINK_RX_TOSSED_BYTES,
	PPP_LINK_RX_MAPPED_BYTES,
	PPP_LINK_RX_LINE_ERRORS,
	PPP_LINK_RX_NOBUF,
	PPP_LINK_RX_BAD_HEADER,
	PPP_LINK_RX_QUEUE_FULL,
	PPP_LINK_RX_BAD_LENGTH,
	PPP_LINK_RX_PADT,
	PPP_LINK_TX_ESCAPED_BYTES,
	PPP_LINK_TX_DROPPED,
	PPP_LINK_STAT_COUNT
};

/**
 * struct ppp_link_stats - a channel's framing counters
 * @v: one per enum ppp_link_stat
 */
struct ppp_link_stats {
	u64 v[PPP_LINK_STAT_COUNT];
};

/**
 * struct ppp_link_stats_ops - how ppp_generic reads a channel's counters
 * @get: add the channel's counters to @st
 * @describe: write the channel's device (e.g. the tty's name) to @buf
 *
 * Both are called while the channel is registered (ppp_generic makes
 * sure of it), in any context: they must not sleep.
 */
struct ppp_link_stats_ops {
	void (*get)(struct ppp_channel *chan, struct ppp_link_stats *st);
	void (*describe)(struct ppp_channel *chan, char *buf, size_t len);
};

void ppp_channel_set_link_stats(struct ppp_channel *chan,
				const struct ppp_link_stats_ops *ops);

#endif /* PPP_LINK_STATS_H */
