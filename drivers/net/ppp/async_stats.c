// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_async's framing counters (ppp_link_stats.h) and its tracepoint
 * (async_trace.h, instantiated here).  Receive causes are counted under
 * rx_lock, the transmit escape overhead under tx.lock: the locks the
 * paths that decide them already hold.
 */
#include "ppp_async.h"
#include "ppp_link_offer.h"

/*
 * The KUnit suite that compiles this file in leaves the tracepoint to
 * the module: one event may not be defined twice.
 */
#ifdef PPP_ASYNC_KUNIT
static inline bool trace_frame_error_enabled(void)
{
	return false;
}

static inline void trace_frame_error(int chan, int cause, unsigned int len)
{
}
#else
#define CREATE_TRACE_POINTS
#include "async_trace.h"
#endif

static const enum ppp_link_stat ppp_async_err_stat[] = {
	[PPP_HDLC_ERR_FCS]	= PPP_LINK_RX_FCS,
	[PPP_HDLC_ERR_RUNT]	= PPP_LINK_RX_RUNT,
	[PPP_HDLC_ERR_LONG]	= PPP_LINK_RX_LONG,
	[PPP_HDLC_ERR_ABORT]	= PPP_LINK_RX_ABORT,
	[PPP_HDLC_ERR_NOBUF]	= PPP_LINK_RX_NOBUF,
	[PPP_HDLC_ERR_LINE]	= PPP_LINK_RX_LINE_ERRORS,
};

/* Bytes the decoder passed over or discarded since it was last asked. */
static void ppp_async_collect_skipped(struct ppp_async *ap)
{
	struct ppp_hdlc_dec *d = &ap->dec;

	ap->lstats.v[PPP_LINK_RX_TOSSED_BYTES] += d->skipped;
	ap->lstats.v[PPP_LINK_RX_MAPPED_BYTES] += d->mapped;
	d->skipped = 0;
	d->mapped = 0;
}

/**
 * ppp_async_count_bad - the decoder dropped a frame (PPP_HDLC_BAD)
 * @ap: the channel
 *
 * Context: rx_lock held.  A line error is counted per flagged byte where
 * it is seen (ppp_async_input()), not here again.
 */
void ppp_async_count_bad(struct ppp_async *ap)
{
	struct ppp_hdlc_dec *d = &ap->dec;

	lockdep_assert_held(&ap->rx_lock);
	if (d->err < ARRAY_SIZE(ppp_async_err_stat) &&
	    d->err != PPP_HDLC_ERR_NONE && d->err != PPP_HDLC_ERR_LINE)
		ap->lstats.v[ppp_async_err_stat[d->err]]++;
	ap->lstats.v[PPP_LINK_RX_TOSSED_BYTES] += d->errlen;
	ppp_async_collect_skipped(ap);
	/* (the channel index is a call into ppp_generic: only when on) */
	if (trace_frame_error_enabled())
		trace_frame_error(ppp_channel_index(&ap->chan), d->err,
				  d->errlen);
}

static void ppp_async_get_link_stats(struct ppp_channel *chan,
				     struct ppp_link_stats *st)
{
	struct ppp_async *ap = chan->private;
	int i;

	spin_lock_bh(&ap->rx_lock);
	ppp_async_collect_skipped(ap);
	for (i = 0; i < PPP_LINK_STAT_COUNT; i++)
		if (i != PPP_LINK_TX_ESCAPED_BYTES)
			st->v[i] += ap->lstats.v[i];
	spin_unlock_bh(&ap->rx_lock);

	spin_lock_bh(&ap->tx.lock);
	st->v[PPP_LINK_TX_ESCAPED_BYTES] += ap->tx_escaped;
	spin_unlock_bh(&ap->tx.lock);
}

static void ppp_async_describe(struct ppp_channel *chan, char *buf,
			       size_t len)
{
	struct ppp_async *ap = chan->private;

	strscpy(buf, tty_name(ap->tty), len);
}

static const struct ppp_link_stats_ops ppp_async_link_stats_ops = {
	.get		= ppp_async_get_link_stats,
	.describe	= ppp_async_describe,
};

/* Offer the counters to ppp_generic (ppp_link_stats_offer()). */
void ppp_async_register_stats(struct ppp_async *ap)
{
	ppp_link_stats_offer(&ap->chan, &ppp_async_link_stats_ops);
}
