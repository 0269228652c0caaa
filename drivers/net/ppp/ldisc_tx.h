/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The transmit side both PPP line disciplines share: ppp_generic hands
 * over one frame at a time; it goes to the tty in as many writes as the
 * tty needs, resumed from the deferred work after each write_wakeup;
 * ppp_generic hears once it is gone.  How a frame becomes bytes on the
 * line is the driver's (struct ppp_ldisc_tx_ops); the rest is here.
 *
 * The functions are inline and each driver passes its own constant ops:
 * the compiler builds one copy per driver and calls the driver's
 * callbacks directly (ppp_async's transmit path is hot).
 *
 * STATE (struct ppp_ldisc_tx)
 *
 *   ->lock (spin, BH)   ->tpkt, and whatever the driver keeps for the
 *                       frame being written (ppp_async: the encoder and
 *                       its output buffer).
 *   ->flags bits        TX_FULL: a frame is taken, ppp_generic waits;
 *                       TX_BUSY: one pusher at a time (see
 *                       ppp_ldisc_tx_push()); TX_WAKEUP: the tty asked
 *                       for more.
 */
#ifndef PPP_LDISC_TX_H
#define PPP_LDISC_TX_H

#include <linux/bitops.h>
#include <linux/lockdep.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/ppp_channel.h>

enum {
	PPP_LDISC_TX_FULL,
	PPP_LDISC_TX_BUSY,
	PPP_LDISC_TX_WAKEUP,
};

/**
 * struct ppp_ldisc_tx - a channel's transmit state
 * @lock: guards @tpkt and the driver's state for it
 * @flags: PPP_LDISC_TX_* bits
 * @tty: the tty frames are written to
 * @tpkt: the frame being written, or NULL
 */
struct ppp_ldisc_tx {
	spinlock_t lock;	/* ->tpkt and the driver's state for it */
	unsigned long flags;
	struct tty_struct *tty;
	struct sk_buff *tpkt;
};

/**
 * struct ppp_ldisc_tx_ops - a driver's framing; all called with ->lock held
 * @start: take the skb as the frame to send: set ->tpkt, or free the
 *	skb and leave ->tpkt NULL to drop it
 * @pending: the bytes ready for the tty (*@buf, return value), 0 if none
 * @written: the tty took the first @sent of them; return true if that
 *	was the last of ->tpkt, which is then consumed
 * @encode: make more bytes of ->tpkt ready (called when none are);
 *	return true once it is all encoded, ->tpkt is then consumed.  NULL
 *	when @pending is the whole frame
 * @discard: forget the bytes ready (hangup, write error, TCFLSH); NULL
 *	if there is nothing to forget but ->tpkt
 */
struct ppp_ldisc_tx_ops {
	void (*start)(struct ppp_ldisc_tx *tx, struct sk_buff *skb);
	unsigned int (*pending)(struct ppp_ldisc_tx *tx, const u8 **buf);
	bool (*written)(struct ppp_ldisc_tx *tx, unsigned int sent);
	bool (*encode)(struct ppp_ldisc_tx *tx);
	void (*discard)(struct ppp_ldisc_tx *tx);
};

static inline void ppp_ldisc_tx_init(struct ppp_ldisc_tx *tx,
				     struct tty_struct *tty)
{
	spin_lock_init(&tx->lock);
	tx->tty = tty;
}

/* ->tpkt is gone (sent or dropped): ppp_generic may hand us the next. */
static inline void ppp_ldisc_tx_frame_done(struct ppp_ldisc_tx *tx)
{
	lockdep_assert_held(&tx->lock);
	tx->tpkt = NULL;
	clear_bit(PPP_LDISC_TX_FULL, &tx->flags);
}

/* ->tpkt is all on its way: free it, ppp_generic may send the next. */
static inline void ppp_ldisc_tx_sent(struct ppp_ldisc_tx *tx)
{
	lockdep_assert_held(&tx->lock);
	consume_skb(tx->tpkt);
	ppp_ldisc_tx_frame_done(tx);
}

/*
 * Throw away the unwritten bytes and the frame being sent.  Returns true
 * if a frame was dropped, so the caller can wake ppp_generic once the
 * lock is released.
 */
static inline bool ppp_ldisc_tx_discard(struct ppp_ldisc_tx *tx,
					const struct ppp_ldisc_tx_ops *ops)
{
	lockdep_assert_held(&tx->lock);
	if (ops->discard)
		ops->discard(tx);
	if (!tx->tpkt)
		return false;
	kfree_skb(tx->tpkt);
	ppp_ldisc_tx_frame_done(tx);
	return true;
}

/*
 * The push loop, entered with ->lock held and TX_BUSY ours; returns with
 * ->lock released.  Writes to the tty until it is full or there is
 * nothing left.  Returns true if a frame was finished (or dropped on a
 * write error), so the caller can wake ppp_generic.
 *
 * The tty calls write_wakeup only while TTY_DO_WRITE_WAKEUP is set: it
 * is set around each write and left set only when the write came up
 * short.  (A pty calls it on every read of its other end, a UART each
 * time its buffer drains: with the bit always set, each of those would
 * run the deferred work for nothing.)
 *
 * TX_BUSY makes this non-reentrant: with both ends of a pty in a PPP
 * discipline, our tty write can run the peer's receive path, whose
 * wakeup can call straight back into us.  Whoever finds TX_BUSY set
 * leaves the work to the holder, who re-checks TX_WAKEUP and ->tpkt
 * after dropping TX_BUSY, still under ->lock, so that no wakeup and no
 * frame started meanwhile is left behind.
 */
static inline bool __ppp_ldisc_tx_push(struct ppp_ldisc_tx *tx,
				       const struct ppp_ldisc_tx_ops *ops)
	__releases(&tx->lock)
{
	struct tty_struct *tty = tx->tty;
	bool stuffed = false, done = false;
	unsigned int len;
	const u8 *buf;
	int sent;

	lockdep_assert_held(&tx->lock);
	for (;;) {
		if (test_and_clear_bit(PPP_LDISC_TX_WAKEUP, &tx->flags))
			stuffed = false;
		len = ops->pending(tx, &buf);
		if (!stuffed && len) {
			set_bit(TTY_DO_WRITE_WAKEUP, &tty->flags);
			sent = tty->ops->write(tty, buf, len);
			if (sent < 0)
				goto drop;	/* e.g. carrier lost */
			if (ops->written(tx, sent)) {
				ppp_ldisc_tx_sent(tx);
				done = true;
			}
			if ((unsigned int)sent < len)
				stuffed = true;
			else	/* all taken: no wakeup wanted */
				clear_bit(TTY_DO_WRITE_WAKEUP, &tty->flags);
			continue;
		}
		if (ops->encode && !len && tx->tpkt) {
			if (ops->encode(tx)) {
				ppp_ldisc_tx_sent(tx);
				done = true;
			}
			continue;
		}
		/* No progress possible: let others in, then re-check. */
		clear_bit(PPP_LDISC_TX_BUSY, &tx->flags);
		if (!test_bit(PPP_LDISC_TX_WAKEUP, &tx->flags) &&
		    (stuffed || !tx->tpkt))
			break;
		if (test_and_set_bit(PPP_LDISC_TX_BUSY, &tx->flags))
			break;
	}
	spin_unlock_bh(&tx->lock);
	return done;

drop:
	clear_bit(PPP_LDISC_TX_BUSY, &tx->flags);
	done = ppp_ldisc_tx_discard(tx, ops);
	spin_unlock_bh(&tx->lock);
	return done;
}

/* The push loop, unless someone runs it already (see above). */
static inline bool ppp_ldisc_tx_push(struct ppp_ldisc_tx *tx,
				     const struct ppp_ldisc_tx_ops *ops)
{
	if (test_and_set_bit(PPP_LDISC_TX_BUSY, &tx->flags))
		return false;
	spin_lock_bh(&tx->lock);
	return __ppp_ldisc_tx_push(tx, ops);
}

/*
 * ppp_channel_ops.start_xmit: 1 = taken, 0 = busy (ppp_generic waits for
 * ppp_output_wakeup()).  The frame is started and pushed under one hold
 * of ->lock: the frame before it is gone in the common case, and one
 * lock round per frame is all the tty's write needs around it.
 */
static inline int ppp_ldisc_tx_send(struct ppp_ldisc_tx *tx,
				    struct sk_buff *skb,
				    const struct ppp_ldisc_tx_ops *ops)
{
	/* Still busy with the last frame: maybe it can go now. */
	if (test_bit(PPP_LDISC_TX_FULL, &tx->flags))
		ppp_ldisc_tx_push(tx, ops);
	if (test_and_set_bit(PPP_LDISC_TX_FULL, &tx->flags))
		return 0;
	spin_lock_bh(&tx->lock);
	ops->start(tx, skb);
	if (!tx->tpkt)
		ppp_ldisc_tx_frame_done(tx);	/* dropped */
	/*
	 * A pusher that holds TX_BUSY re-checks ->tpkt under ->lock before
	 * it lets go (__ppp_ldisc_tx_push()): the frame is not forgotten.
	 */
	if (test_and_set_bit(PPP_LDISC_TX_BUSY, &tx->flags)) {
		spin_unlock_bh(&tx->lock);
		return 1;
	}
	__ppp_ldisc_tx_push(tx, ops);
	return 1;
}

/* TCFLSH on the tty, or hangup: forget what is not written yet. */
static inline void ppp_ldisc_tx_flush(struct ppp_ldisc_tx *tx,
				      struct ppp_channel *chan,
				      const struct ppp_ldisc_tx_ops *ops)
{
	bool done;

	spin_lock_bh(&tx->lock);
	done = ppp_ldisc_tx_discard(tx, ops);
	spin_unlock_bh(&tx->lock);
	if (done)
		ppp_output_wakeup(chan);
}

/* write_wakeup: the tty has room again (the deferred work carries on). */
static inline void ppp_ldisc_tx_wakeup(struct ppp_ldisc_tx *tx)
{
	set_bit(PPP_LDISC_TX_WAKEUP, &tx->flags);
}

/*
 * From the deferred work: write on if the tty asked for more, and tell
 * ppp_generic if a frame went meanwhile.
 */
static inline void ppp_ldisc_tx_resume(struct ppp_ldisc_tx *tx,
				       struct ppp_channel *chan,
				       const struct ppp_ldisc_tx_ops *ops)
{
	if (test_bit(PPP_LDISC_TX_WAKEUP, &tx->flags) &&
	    ppp_ldisc_tx_push(tx, ops))
		ppp_output_wakeup(chan);
}

#endif /* PPP_LDISC_TX_H */
