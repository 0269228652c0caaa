// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_async: the PPP channel side of the line discipline.
 *
 * Transmit: ppp_generic calls ppp_async_send() with one frame; we encode
 * it into obuf a piece at a time and write that to the tty.  When the tty
 * cannot take more it calls write_wakeup later and we carry on from the
 * deferred work, which also tells ppp_generic once the frame is gone.
 *
 * Receive: receive_buf hands us tty bytes; the decoder turns them into
 * frames queued on ->rqueue, and the deferred work (BH) feeds them to
 * ppp_input().  Protocol processing stays out of the tty's own path.
 */
#include "ppp_async.h"
#include <linux/bitops.h>

/*
 * A frame that follows the previous one within flag_time jiffies shares
 * its closing flag; after a longer silence an opening flag is sent first
 * so that line noise collected meanwhile ends up in a frame of its own.
 */
static int flag_time = HZ;
module_param(flag_time, int, 0);
MODULE_PARM_DESC(flag_time,
		 "jiffies of idle line after which a frame gets an opening flag (0: always)");

/*
 * The fixed bits of the extended map (ppp_ldisc.h).  The codec also
 * refuses to escape 0x5d.
 */
#define PPP_ASYNC_NEVER_ESCAPE_W2	PPP_LDISC_NEVER_ESCAPE_W2
#define PPP_ASYNC_ALWAYS_ESCAPE_W3	PPP_LDISC_ALWAYS_ESCAPE_W3

/**
 * ppp_async_update_txmaps - rebuild the escape maps after ->xaccm changed
 * @ap: the channel
 *
 * Context: ->tx.lock held.
 */
void ppp_async_update_txmaps(struct ppp_async *ap)
{
	lockdep_assert_held(&ap->tx.lock);
	ppp_hdlc_tx_map(&ap->txmap, ap->xaccm);
	ppp_hdlc_lcp_map(&ap->lcpmap, ap->xaccm);
}

void ppp_async_init_state(struct ppp_async *ap)
{
	ppp_ldisc_tx_init(&ap->tx, ap->tty);
	spin_lock_init(&ap->rx_lock);
	ap->mru = PPP_MRU;
	ap->xaccm[0] = ~0U;
	ap->xaccm[3] = PPP_ASYNC_ALWAYS_ESCAPE_W3;
	/* not yet visible to anyone: no tx.lock needed */
	ppp_hdlc_tx_map(&ap->txmap, ap->xaccm);
	ppp_hdlc_lcp_map(&ap->lcpmap, ap->xaccm);
	ap->raccm = ~0U;
	ppp_hdlc_dec_init(&ap->dec, ap->raccm);
	ap->optr = ap->obuf;
	ap->olim = ap->obuf;
	/*
	 * The first frame gets an opening flag.  A last_xmit of 0 would
	 * not do: jiffies starts 5 minutes before it wraps, so on a
	 * 32-bit kernel it compares as earlier than 0 + flag_time for the
	 * first 5 minutes after boot (and for half of every 2^32 jiffies
	 * after that), and the first frame would go out without one.
	 */
	ap->last_xmit = jiffies - flag_time;
	skb_queue_head_init(&ap->rqueue);
}

void ppp_async_free_state(struct ppp_async *ap)
{
	ppp_ldisc_rxbuf_release(&ap->rxb);
	kfree_skb(ap->tx.tpkt);
	skb_queue_purge(&ap->rqueue);
}

/* ---- transmit: the framing; the push loop is ldisc_tx.h's ---- */

static struct ppp_async *ppp_async_of(struct ppp_ldisc_tx *tx)
{
	return container_of(tx, struct ppp_async, tx);
}

/*
 * Take @skb as the frame to send and set the encoder up for it.  Frames
 * shorter than a protocol field are dropped.
 */
static void ppp_async_start_frame(struct ppp_ldisc_tx *tx, struct sk_buff *skb)
{
	struct ppp_async *ap = ppp_async_of(tx);
	unsigned int flags = 0;

	lockdep_assert_held(&tx->lock);
	/* A frame needs a protocol field: never peek past a short one. */
	if (skb->len < 2 || skb_linearize(skb)) {
		kfree_skb(skb);
		return;
	}
	if (skb->data[0] == 0xc0 && skb->data[1] == 0x21)
		ppp_async_lcp_peek(ap, skb->data, skb->len, false);

	if (ap->flags & SC_COMP_PROT)
		flags |= PPP_HDLC_PFC;
	if (ap->flags & SC_COMP_AC)
		flags |= PPP_HDLC_ACFC;
	/* After an idle line, a flag first flushes any noise at the peer. */
	if (flag_time == 0 || time_after_eq(jiffies, ap->last_xmit + flag_time))
		flags |= PPP_HDLC_OPEN_FLAG;
	ap->last_xmit = jiffies;
	ppp_hdlc_enc_frame(&ap->enc, &ap->txmap, &ap->lcpmap, skb->data,
			   skb->len, flags);
	/* less the wire bytes without escapes: flags, ff 03, data, FCS */
	ap->tx_extra = -(int)(ap->enc.open_flag + ap->enc.headlen +
			      ap->enc.len + 3);
	tx->tpkt = skb;
}

/* The unwritten part of obuf. */
static unsigned int ppp_async_pending(struct ppp_ldisc_tx *tx, const u8 **buf)
{
	struct ppp_async *ap = ppp_async_of(tx);

	lockdep_assert_held(&tx->lock);
	*buf = ap->optr;
	return ap->olim - ap->optr;
}

/* The frame is done when it is encoded (ppp_async_encode), not here. */
static bool ppp_async_written(struct ppp_ldisc_tx *tx, unsigned int sent)
{
	struct ppp_async *ap = ppp_async_of(tx);

	lockdep_assert_held(&tx->lock);
	ap->optr += sent;
	return false;
}

/*
 * Refill obuf from ->tpkt (obuf is empty).  Returns true once the whole
 * frame has been encoded.
 */
static bool ppp_async_encode(struct ppp_ldisc_tx *tx)
{
	struct ppp_async *ap = ppp_async_of(tx);
	size_t n;

	lockdep_assert_held(&tx->lock);
	n = ppp_hdlc_enc_run(&ap->enc, ap->obuf, sizeof(ap->obuf));
	ap->optr = ap->obuf;
	ap->olim = ap->obuf + n;
	ap->tx_extra += n;
	if (!ppp_hdlc_enc_done(&ap->enc))
		return false;
	ap->tx_escaped += ap->tx_extra;
	return true;
}

/* Throw away the unwritten rest of obuf. */
static void ppp_async_discard(struct ppp_ldisc_tx *tx)
{
	struct ppp_async *ap = ppp_async_of(tx);

	lockdep_assert_held(&tx->lock);
	ap->optr = ap->olim;
}

static const struct ppp_ldisc_tx_ops ppp_async_tx_ops = {
	.start		= ppp_async_start_frame,
	.pending	= ppp_async_pending,
	.written	= ppp_async_written,
	.encode		= ppp_async_encode,
	.discard	= ppp_async_discard,
};

/* ppp_channel_ops.start_xmit: 1 = taken, 0 = busy (we wake up later). */
static int ppp_async_send(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct ppp_async *ap = chan->private;

	return ppp_ldisc_tx_send(&ap->tx, skb, &ppp_async_tx_ops);
}

/* TCFLSH on the tty, or hangup: forget what we have not written yet. */
void ppp_async_flush_output(struct ppp_async *ap)
{
	ppp_ldisc_tx_flush(&ap->tx, &ap->chan, &ppp_async_tx_ops);
}

/* ---- receive ---- */

/* Remember which bit-7 and parity values the line carries (pppd asks). */
static void ppp_async_note_bits(struct ppp_async *ap, const u8 *buf,
				const u8 *flags, size_t count)
{
	unsigned int seen = 0;
	size_t i;

	for (i = 0; i < count; i++) {
		u8 c = buf[i];

		if (flags && flags[i])
			continue;
		seen |= (c & 0x80) ? SC_RCV_B7_1 : SC_RCV_B7_0;
		seen |= (hweight8(c) & 1) ? SC_RCV_ODDP : SC_RCV_EVNP;
	}
	ap->rbits |= seen;
}

/*
 * The decoder starts a frame: give it a buffer with room for the MRU
 * (ldisc_rxbuf.c), aligned so that the payload starts on 4 bytes: a
 * frame starting with ff 03 has four header bytes, else (ACFC) two or -
 * with PFC, odd first byte - one.
 */
static void ppp_async_rx_buffer(struct ppp_async *ap, u8 first)
{
	unsigned int size = ap->mru + PPP_HDRLEN + 2;	/* + FCS */
	unsigned int align = first == PPP_HDLC_ADDR ? 0 : 2 + (first & 1);

	lockdep_assert_held(&ap->rx_lock);
	ap->rbuf = ppp_ldisc_rxbuf_get(&ap->rxb, size, align);
	ppp_hdlc_dec_set_buf(&ap->dec, ap->rbuf, ap->rbuf ? size : 0);
}

/* A good frame of @len bytes is in ap->rbuf: queue it for ppp_input. */
static void ppp_async_rx_frame(struct ppp_async *ap, u32 len)
{
	struct sk_buff *skb;
	int off;

	lockdep_assert_held(&ap->rx_lock);
	/* a protocol field of two bytes, or one odd one, follows @off */
	off = ppp_hdlc_rx_strip(ap->rbuf, len);
	if (off < 0) {
		ap->lstats.v[PPP_LINK_RX_BAD_HEADER]++;
		ap->rx_error = true;	/* the next get abandons the buffer */
		return;
	}
	skb = ppp_ldisc_rxbuf_take(&ap->rxb, len,
				   ppp_ldisc_rx_tailroom(ap->rbuf + off));
	ap->rbuf = NULL;
	if (!skb) {
		ap->lstats.v[PPP_LINK_RX_NOBUF]++;
		ap->rx_error = true;
		return;
	}
	skb_pull(skb, off);
	if (skb->len >= 2 && skb->data[0] == 0xc0 && skb->data[1] == 0x21) {
		ppp_async_lcp_peek(ap, skb->data, skb->len, true);
		/* An acked ACCM applies from the very next byte. */
		ppp_hdlc_dec_set_raccm(&ap->dec, ap->raccm);
	}

	if (ppp_ldisc_rx_queue(&ap->rqueue, skb, &ap->rx_error))
		ap->lstats.v[PPP_LINK_RX_QUEUE_FULL]++;
}

/*
 * In-band flow control (IXON): a START or STOP character the receive map
 * discards acts on the tty.  Bytes the tty flagged as errors never get
 * here: they are nobody's characters.  rx_lock held.
 */
static void ppp_async_ixon(struct ppp_async *ap, const u8 *buf, size_t n)
{
	struct tty_struct *tty = ap->tty;
	size_t i;

	lockdep_assert_held(&ap->rx_lock);
	for (i = 0; i < n; i++) {
		u8 c = buf[i];

		if (c >= 0x20 || !(ap->raccm & (1U << c)))
			continue;
		if (c == START_CHAR(tty))
			start_tty(tty);
		else if (c == STOP_CHAR(tty))
			stop_tty(tty);
	}
}

/*
 * Decode a run of bytes free of tty error flags.  With @ixon, each piece
 * the decoder took is also looked at for flow control, against the
 * receive map of that moment: a Configure-Ack that ends within the run
 * changes the map for the bytes behind it.  rx_lock held.
 */
static void ppp_async_decode(struct ppp_async *ap, const u8 *buf, size_t n,
			     bool ixon)
{
	enum ppp_hdlc_result r;
	size_t used;
	u32 len;

	lockdep_assert_held(&ap->rx_lock);
	while (n) {
		r = ppp_hdlc_dec_run(&ap->dec, buf, n, &used, &len);
		if (ixon)
			ppp_async_ixon(ap, buf, used);
		switch (r) {
		case PPP_HDLC_NEED_BUF:
			ppp_async_rx_buffer(ap, buf[used]);
			break;
		case PPP_HDLC_FRAME:
			ppp_async_rx_frame(ap, len);
			/*
			 * Shared flags: the next frame starts right here.
			 * Its buffer now saves a call that only asks for it.
			 */
			if (used < n && !ppp_hdlc_map_test(&ap->dec.specials,
							   buf[used]))
				ppp_async_rx_buffer(ap, buf[used]);
			break;
		case PPP_HDLC_BAD:
			/* The decoder keeps the buffer for the next frame. */
			ap->rx_error = true;
			ppp_async_count_bad(ap);
			break;
		case PPP_HDLC_MORE:
			break;
		}
		buf += used;
		n -= used;
	}
}

/**
 * ppp_async_input - bytes from the tty
 * @ap: the channel
 * @buf: received bytes
 * @flags: per-byte tty flags (parity, framing, overrun, break), or NULL
 * @count: number of bytes
 *
 * A byte with an error flag spoils the frame it falls in: the decoder
 * discards everything up to the next flag.  It is not acted on either
 * (IXON).
 *
 * The decoder's SIMD section is held over all of @buf: one section, not
 * one per frame.  In between, only the buffer and frame steps run (no
 * vector code, GFP_ATOMIC).  Not with IXON: start_tty() and stop_tty()
 * call into the tty's driver.
 */
void ppp_async_input(struct ppp_async *ap, const u8 *buf, const u8 *flags,
		     size_t count)
{
	bool ixon = I_IXON(ap->tty);
	size_t n;

	spin_lock_bh(&ap->rx_lock);
	if (~ap->rbits & SC_RCV_BITS)
		ppp_async_note_bits(ap, buf, flags, count);

	if (!ixon)
		ppp_hdlc_dec_hold(&ap->dec, count);
	while (count) {
		n = count;
		if (flags) {
			for (n = 0; n < count && !flags[n]; n++)
				;
		}
		ppp_async_decode(ap, buf, n, ixon);
		if (n < count) {
			ap->lstats.v[PPP_LINK_RX_LINE_ERRORS]++;
			ppp_hdlc_dec_toss(&ap->dec);
			n++;		/* the bad byte itself */
		}
		buf += n;
		if (flags)
			flags += n;
		count -= n;
	}
	ppp_hdlc_dec_release(&ap->dec);
	/*
	 * Scheduled with BH off, the deferred work runs as rx_lock is let
	 * go, right here; scheduled after, from process context (the tty's
	 * flip work), it would wake ksoftirqd: a context switch per read.
	 */
	if (!skb_queue_empty(&ap->rqueue))
		ppp_async_schedule(ap);
	spin_unlock_bh(&ap->rx_lock);
}

/* ---- deferred work: frames up, wakeups down ---- */

static void ppp_async_process(struct ppp_ldisc_bh *bh)
{
	struct ppp_async *ap = container_of(bh, struct ppp_async, bh);

	ppp_ldisc_rx_deliver(&ap->chan, &ap->rqueue, &ap->rx_lock);
	ppp_ldisc_tx_resume(&ap->tx, &ap->chan, &ppp_async_tx_ops);
}

void ppp_async_schedule(struct ppp_async *ap)
{
	ppp_ldisc_bh_schedule(&ap->bh);
}

void ppp_async_cancel(struct ppp_async *ap)
{
	ppp_ldisc_bh_cancel(&ap->bh);
}

void ppp_async_init_deferred(struct ppp_async *ap)
{
	ppp_ldisc_bh_init(&ap->bh, ppp_async_process);
}

/* ---- channel ioctls (through the /dev/ppp channel fd) ---- */

static int ppp_async_set_xaccm(struct ppp_async *ap, void __user *argp)
{
	u32 accm[8];

	if (copy_from_user(accm, argp, sizeof(accm)))
		return -EFAULT;
	accm[2] &= ~PPP_ASYNC_NEVER_ESCAPE_W2;
	accm[3] |= PPP_ASYNC_ALWAYS_ESCAPE_W3;
	spin_lock_bh(&ap->tx.lock);
	memcpy(ap->xaccm, accm, sizeof(accm));
	ppp_async_update_txmaps(ap);
	spin_unlock_bh(&ap->tx.lock);
	return 0;
}

static int ppp_async_ioctl(struct ppp_channel *chan, unsigned int cmd,
			   unsigned long arg)
{
	struct ppp_async *ap = chan->private;
	void __user *argp = (void __user *)arg;
	int __user *p = argp;
	u32 accm;
	int val;

	switch (cmd) {
	case PPPIOCGFLAGS:
		return put_user(ap->flags | ap->rbits, p);
	case PPPIOCSFLAGS:
		if (get_user(val, p))
			return -EFAULT;
		spin_lock_bh(&ap->tx.lock);	/* read by the encoder setup */
		ap->flags = val & ~SC_RCV_BITS;
		spin_unlock_bh(&ap->tx.lock);
		spin_lock_bh(&ap->rx_lock);
		ap->rbits = val & SC_RCV_BITS;	/* 0 restarts detection */
		spin_unlock_bh(&ap->rx_lock);
		return 0;

	case PPPIOCGASYNCMAP:
		return put_user(ap->xaccm[0], (u32 __user *)argp);
	case PPPIOCSASYNCMAP:
		if (get_user(accm, (u32 __user *)argp))
			return -EFAULT;
		spin_lock_bh(&ap->tx.lock);
		ap->xaccm[0] = accm;
		ppp_async_update_txmaps(ap);
		spin_unlock_bh(&ap->tx.lock);
		return 0;

	case PPPIOCGRASYNCMAP:
		return put_user(ap->raccm, (u32 __user *)argp);
	case PPPIOCSRASYNCMAP:
		if (get_user(accm, (u32 __user *)argp))
			return -EFAULT;
		spin_lock_bh(&ap->rx_lock);
		ap->raccm = accm;
		ppp_hdlc_dec_set_raccm(&ap->dec, accm);
		spin_unlock_bh(&ap->rx_lock);
		return 0;

	case PPPIOCGXASYNCMAP:
		return copy_to_user(argp, ap->xaccm, sizeof(ap->xaccm)) ?
		       -EFAULT : 0;
	case PPPIOCSXASYNCMAP:
		return ppp_async_set_xaccm(ap, argp);

	case PPPIOCGMRU:
		return put_user(ap->mru, p);
	case PPPIOCSMRU:
		if (get_user(val, p))
			return -EFAULT;
		/* The MRU sizes receive buffers: keep it a 16-bit value. */
		if (val > U16_MAX)
			return -EINVAL;
		if (val < PPP_MRU)
			val = PPP_MRU;
		spin_lock_bh(&ap->rx_lock);
		ap->mru = val;
		spin_unlock_bh(&ap->rx_lock);
		return 0;

	default:
		return -ENOTTY;
	}
}

const struct ppp_channel_ops ppp_async_ops = {
	.start_xmit = ppp_async_send,
	.ioctl      = ppp_async_ioctl,
};
