// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe: what a session drops, by cause, as ppp_generic shows it for the
 * session's channel (ethtool -S on the unit, the channel's row of
 * /proc/net/ppp_channels; the names are ppp_link_stats.h's).  Frames
 * that name no session of ours are counted per netns only
 * (/proc/net/pppoe_stats, pppoe_main.c).
 *
 * The counters are atomic: the receive path finds the session under RCU
 * and holds none of its locks, and only frames already being dropped
 * are counted, never one that is delivered.
 */
#include <linux/module.h>
#include <linux/ppp_channel.h>
#include "pppoe.h"
#include "ppp_link_offer.h"

/* enum ppp_link_stat -> slot of pppoe_sock.lstats, + 1 (0: not counted) */
static const u8 pppoe_stat_slot[PPP_LINK_STAT_COUNT] = {
	[PPP_LINK_RX_NOBUF]	 = 1,
	[PPP_LINK_RX_BAD_HEADER] = 2,
	[PPP_LINK_RX_BAD_LENGTH] = 3,
	[PPP_LINK_RX_PADT]	 = 4,
	[PPP_LINK_TX_DROPPED]	 = 5,
};

static_assert(PPPOE_SESS_STAT_SLOTS == 5);

/**
 * pppoe_sess_count - count a frame @po's session dropped
 * @po: the session
 * @stat: why
 *
 * Any context.
 */
void pppoe_sess_count(struct pppoe_sock *po, enum ppp_link_stat stat)
{
	u8 slot = pppoe_stat_slot[stat];

	if (!WARN_ON_ONCE(!slot))
		atomic_long_inc(&po->lstats[slot - 1]);
}

/* A session bound anew starts from zero. */
void pppoe_sess_stats_reset(struct pppoe_sock *po)
{
	int i;

	for (i = 0; i < PPPOE_SESS_STAT_SLOTS; i++)
		atomic_long_set(&po->lstats[i], 0);
}

static void pppoe_get_link_stats(struct ppp_channel *chan,
				 struct ppp_link_stats *st)
{
	struct pppoe_sock *po = pppoe_sk(chan->private);
	struct sock *sk = chan->private;
	int i;

	for (i = 0; i < PPP_LINK_STAT_COUNT; i++)
		if (pppoe_stat_slot[i])
			st->v[i] += atomic_long_read(&po->lstats[pppoe_stat_slot[i] - 1]);
	/* The socket's backlog or receive queue was full (sk_receive_skb). */
	st->v[PPP_LINK_RX_QUEUE_FULL] += atomic_read(&sk->sk_drops);
}

/* "DEV:sidN": the session's device and id, as /proc/net/pppoe has them. */
static void pppoe_describe(struct ppp_channel *chan, char *buf, size_t len)
{
	struct pppoe_sock *po = pppoe_sk(chan->private);

	snprintf(buf, len, "%s:sid%u", po->pa.dev, ntohs(po->pa.sid));
}

static const struct ppp_link_stats_ops pppoe_link_stats_ops = {
	.get		= pppoe_get_link_stats,
	.describe	= pppoe_describe,
};

/**
 * pppoe_offer_link_stats - show the session's counters through ppp_generic
 * @po: a session whose channel was just registered
 *
 * Only ours has ppp_channel_set_link_stats(); this module also loads on
 * the in-tree ppp_generic (hence symbol_get()), which then shows none.
 */
void pppoe_offer_link_stats(struct pppoe_sock *po)
{
	ppp_link_stats_offer(&po->px.chan, &pppoe_link_stats_ops);
}
