// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_synctty: the PPP channel side of the line discipline.
 *
 * Transmit: ppp_generic calls ppp_sync_send() with one frame; we put the
 * address/control field on it and write it to the tty in one call.  A
 * tty that takes less is full: the whole frame is written again after
 * its write_wakeup (a sync device takes a frame whole or not at all;
 * the prefix a pty took is lost as a broken frame, the frame itself is
 * not).  The push loop, the wakeups and the flush are shared with
 * ppp_async (ldisc_tx.h); this file gives only the framing.
 *
 * Receive: each receive_buf call is one frame.  It is copied into the
 * shared receive buffers (ldisc_rxbuf.c), queued, and the deferred work
 * (BH) feeds it to ppp_input().
 */
#include "ppp_synctty.h"
#include "ppp_link_offer.h"

void ppp_sync_init_state(struct ppp_sync *sp)
{
	ppp_ldisc_tx_init(&sp->tx, sp->tty);
	spin_lock_init(&sp->rx_lock);
	sp->mru = PPP_MRU;
	sp->xaccm[0] = ~0U;
	sp->xaccm[3] = PPP_LDISC_ALWAYS_ESCAPE_W3;
	sp->raccm = ~0U;
	skb_queue_head_init(&sp->rqueue);
}

void ppp_sync_free_state(struct ppp_sync *sp)
{
	ppp_ldisc_rxbuf_release(&sp->rxb);
	kfree_skb(sp->tx.tpkt);
	skb_queue_purge(&sp->rqueue);
}

/* ---- transmit: the framing; the push loop is ldisc_tx.h's ---- */

/*
 * Give @skb its line header (sync_frame.c) and take it as the frame to
 * write; drop it if it is too short or there is no memory for the
 * header.
 */
static void ppp_sync_start_frame(struct ppp_ldisc_tx *tx, struct sk_buff *skb)
{
	struct ppp_sync *sp = container_of(tx, struct ppp_sync, tx);
	unsigned int pull;
	int hdr;

	lockdep_assert_held(&tx->lock);
	if (skb_linearize(skb))
		goto drop;
	hdr = ppp_sync_tx_header(skb->data, skb->len, sp->flags, &pull);
	if (hdr < 0)
		goto drop;
	skb_pull(skb, pull);
	if (hdr) {
		if (skb_cow_head(skb, hdr))
			goto drop;
		skb_push(skb, hdr);
		skb->data[0] = PPP_ALLSTATIONS;
		skb->data[1] = PPP_UI;
	}
	tx->tpkt = skb;
	return;
drop:
	kfree_skb(skb);
}

/* The whole frame, each time: a sync device takes it whole or not at all. */
static unsigned int ppp_sync_pending(struct ppp_ldisc_tx *tx, const u8 **buf)
{
	lockdep_assert_held(&tx->lock);
	if (!tx->tpkt)
		return 0;
	*buf = tx->tpkt->data;
	return tx->tpkt->len;
}

/*
 * A tty that took less is full: the whole frame goes again after its
 * write_wakeup (the prefix a pty took is lost as a broken frame, the
 * frame itself is not).
 */
static bool ppp_sync_written(struct ppp_ldisc_tx *tx, unsigned int sent)
{
	lockdep_assert_held(&tx->lock);
	return sent >= tx->tpkt->len;
}

static const struct ppp_ldisc_tx_ops ppp_sync_tx_ops = {
	.start		= ppp_sync_start_frame,
	.pending	= ppp_sync_pending,
	.written	= ppp_sync_written,
};

/* ppp_channel_ops.start_xmit: 1 = taken, 0 = busy (we wake up later). */
static int ppp_sync_send(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct ppp_sync *sp = chan->private;

	return ppp_ldisc_tx_send(&sp->tx, skb, &ppp_sync_tx_ops);
}

/* TCFLSH on the tty, or hangup: forget the frame not written yet. */
void ppp_sync_flush_output(struct ppp_sync *sp)
{
	ppp_ldisc_tx_flush(&sp->tx, &sp->chan, &ppp_sync_tx_ops);
}

/* write_wakeup: the tty has room again; carry on from the deferred work. */
void ppp_sync_wakeup(struct ppp_sync *sp)
{
	ppp_ldisc_tx_wakeup(&sp->tx);
	ppp_ldisc_bh_schedule(&sp->bh);
}

/* ---- receive ---- */

/* One frame of @len bytes at @buf: into an skb and onto ->rqueue. */
static void ppp_sync_rx_frame(struct ppp_sync *sp, const u8 *buf,
			      unsigned int len)
{
	unsigned int align;
	struct sk_buff *skb;
	u8 *data;
	int off;

	lockdep_assert_held(&sp->rx_lock);
	off = ppp_sync_rx_strip(buf, len, sp->mru);
	if (off < 0) {
		sp->lstats.v[off == -EMSGSIZE ? PPP_LINK_RX_LONG :
			     PPP_LINK_RX_RUNT]++;
		goto error;
	}
	/* payload on 4 bytes, as ppp_async aligns it */
	align = off ? 0 : 2 + (buf[0] & 1);
	data = ppp_ldisc_rxbuf_get(&sp->rxb, len, align);
	if (!data)
		goto nobuf;
	memcpy(data, buf, len);
	skb = ppp_ldisc_rxbuf_take(&sp->rxb, len,
				   ppp_ldisc_rx_tailroom(buf + off));
	if (!skb)
		goto nobuf;
	skb_pull(skb, off);
	if (ppp_ldisc_rx_queue(&sp->rqueue, skb, &sp->rx_error))
		sp->lstats.v[PPP_LINK_RX_QUEUE_FULL]++;
	return;
nobuf:
	sp->lstats.v[PPP_LINK_RX_NOBUF]++;
error:
	sp->rx_error = true;
}

/**
 * ppp_sync_input - one read's worth of bytes from the tty: one frame
 * @sp: the channel
 * @buf: the bytes
 * @flags: per-byte tty flags (parity, framing, overrun, break), or NULL
 * @count: number of bytes
 *
 * A byte with an error flag spoils the frame.  The loss is reported to
 * ppp_generic (an input error) with the next good frame.
 */
void ppp_sync_input(struct ppp_sync *sp, const u8 *buf, const u8 *flags,
		    size_t count)
{
	bool bad = false;
	size_t i;

	if (flags) {
		for (i = 0; i < count && !bad; i++)
			bad = flags[i];
	}
	spin_lock_bh(&sp->rx_lock);
	if (bad) {
		sp->lstats.v[PPP_LINK_RX_LINE_ERRORS]++;
		sp->rx_error = true;
	} else if (count > U16_MAX) {
		sp->lstats.v[PPP_LINK_RX_LONG]++;
		sp->rx_error = true;
	} else {
		ppp_sync_rx_frame(sp, buf, count);
	}
	/* with BH off: the deferred work runs as rx_lock is let go */
	if (!skb_queue_empty(&sp->rqueue))
		ppp_ldisc_bh_schedule(&sp->bh);
	spin_unlock_bh(&sp->rx_lock);
}

/* ---- deferred work: frames up, wakeups down ---- */

static void ppp_sync_process(struct ppp_ldisc_bh *bh)
{
	struct ppp_sync *sp = container_of(bh, struct ppp_sync, bh);

	ppp_ldisc_rx_deliver(&sp->chan, &sp->rqueue, &sp->rx_lock);
	ppp_ldisc_tx_resume(&sp->tx, &sp->chan, &ppp_sync_tx_ops);
}

void ppp_sync_init_deferred(struct ppp_sync *sp)
{
	ppp_ldisc_bh_init(&sp->bh, ppp_sync_process);
}

/* ---- channel ioctls (through the /dev/ppp channel fd) ---- */

static int ppp_sync_set_flags(struct ppp_sync *sp, int __user *p)
{
	int val;

	if (get_user(val, p))
		return -EFAULT;
	spin_lock_bh(&sp->tx.lock);	/* read by ppp_sync_start_frame() */
	sp->flags = val & ~SC_RCV_BITS;
	spin_unlock_bh(&sp->tx.lock);
	spin_lock_bh(&sp->rx_lock);
	sp->rbits = val & SC_RCV_BITS;
	spin_unlock_bh(&sp->rx_lock);
	return 0;
}

static int ppp_sync_set_mru(struct ppp_sync *sp, int __user *p)
{
	int val;

	if (get_user(val, p))
		return -EFAULT;
	/* The MRU bounds receive buffers: keep it a 16-bit value. */
	if (val > U16_MAX)
		return -EINVAL;
	if (val < PPP_MRU)
		val = PPP_MRU;
	spin_lock_bh(&sp->rx_lock);
	sp->mru = val;
	spin_unlock_bh(&sp->rx_lock);
	return 0;
}

/*
 * The maps mean nothing on a sync line; pppd sets and reads them all
 * the same, so they are kept (the extended one with its fixed bits, as
 * ppp_async shows it).
 */
static int ppp_sync_set_xaccm(struct ppp_sync *sp, void __user *argp)
{
	u32 accm[8];

	if (copy_from_user(accm, argp, sizeof(accm)))
		return -EFAULT;
	accm[2] &= ~PPP_LDISC_NEVER_ESCAPE_W2;
	accm[3] |= PPP_LDISC_ALWAYS_ESCAPE_W3;
	spin_lock_bh(&sp->tx.lock);
	memcpy(sp->xaccm, accm, sizeof(accm));
	spin_unlock_bh(&sp->tx.lock);
	return 0;
}

static int ppp_sync_ioctl(struct ppp_channel *chan, unsigned int cmd,
			  unsigned long arg)
{
	struct ppp_sync *sp = chan->private;
	void __user *argp = (void __user *)arg;
	u32 __user *up = argp;
	u32 accm;

	switch (cmd) {
	case PPPIOCGFLAGS:
		return put_user(sp->flags | sp->rbits, (int __user *)argp);
	case PPPIOCSFLAGS:
		return ppp_sync_set_flags(sp, argp);
	case PPPIOCGASYNCMAP:
		return put_user(sp->xaccm[0], up);
	case PPPIOCSASYNCMAP:
		if (get_user(accm, up))
			return -EFAULT;
		spin_lock_bh(&sp->tx.lock);
		sp->xaccm[0] = accm;
		spin_unlock_bh(&sp->tx.lock);
		return 0;
	case PPPIOCGRASYNCMAP:
		return put_user(sp->raccm, up);
	case PPPIOCSRASYNCMAP:
		if (get_user(accm, up))
			return -EFAULT;
		spin_lock_bh(&sp->rx_lock);
		sp->raccm = accm;
		spin_unlock_bh(&sp->rx_lock);
		return 0;
	case PPPIOCGXASYNCMAP:
		return copy_to_user(argp, sp->xaccm, sizeof(sp->xaccm)) ?
		       -EFAULT : 0;
	case PPPIOCSXASYNCMAP:
		return ppp_sync_set_xaccm(sp, argp);
	case PPPIOCGMRU:
		return put_user(sp->mru, (int __user *)argp);
	case PPPIOCSMRU:
		return ppp_sync_set_mru(sp, argp);
	default:
		return -ENOTTY;
	}
}

const struct ppp_channel_ops ppp_sync_ops = {
	.start_xmit = ppp_sync_send,
	.ioctl      = ppp_sync_ioctl,
};

/* ---- framing counters (ethtool -S, /proc/net/ppp_channels) ---- */

static void ppp_sync_get_link_stats(struct ppp_channel *chan,
				    struct ppp_link_stats *st)
{
	struct ppp_sync *sp = chan->private;
	int i;

	spin_lock_bh(&sp->rx_lock);
	for (i = 0; i < PPP_LINK_STAT_COUNT; i++)
		st->v[i] += sp->lstats.v[i];
	spin_unlock_bh(&sp->rx_lock);
}

static void ppp_sync_describe(struct ppp_channel *chan, char *buf,
			      size_t len)
{
	struct ppp_sync *sp = chan->private;

	strscpy(buf, tty_name(sp->tty), len);
}

static const struct ppp_link_stats_ops ppp_sync_link_stats_ops = {
	.get		= ppp_sync_get_link_stats,
	.describe	= ppp_sync_describe,
};

/* Receive causes are counted under rx_lock, which the paths hold. */
void ppp_sync_register_stats(struct ppp_sync *sp)
{
	ppp_link_stats_offer(&sp->chan, &ppp_sync_link_stats_ops);
}
