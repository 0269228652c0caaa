// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_ldisc_tx: the transmit push loop both PPP line disciplines share
 * (ldisc_tx.h), driven through a framing of its own and a stand-in tty
 * whose write takes as many bytes as the test allows, fails, or calls
 * back into the loop the way a pty whose other end is also PPP does.
 *
 * Two framings: "whole" offers each frame in one piece and offers it
 * whole again after a short write (ppp_synctty's way); "chunked"
 * encodes a frame LT_CHUNK bytes at a time into a buffer and writes
 * that (ppp_async's way).  The channel is never registered, so
 * ppp_output_wakeup() does nothing.
 */
#include <kunit/test.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <linux/tty_driver.h>

#include "ppp_ldisc.h"

#define LT_CHUNK	4	/* chunked: bytes per encoder run */
#define LT_WIRE		256	/* what the stand-in tty keeps */
#define LT_ALL		INT_MAX	/* room: take every byte */

struct lt_ctx {
	struct ppp_ldisc_tx tx;
	struct ppp_channel chan;
	struct tty_struct *tty;

	/* the stand-in tty */
	int room;		/* bytes the writes may still take */
	int error;		/* nonzero: the next write fails with it */
	bool reenter;		/* the next write asks for more, re-pushes */
	bool inner_push;	/* what that push returned */
	u8 wire[LT_WIRE];
	size_t wlen;
	int writes;

	/* the chunked framing */
	u8 obuf[LT_CHUNK];
	unsigned int opos, olen;
	unsigned int enc_off;	/* bytes of ->tpkt encoded */
	int encodes;
	int discards;
};

static const struct ppp_ldisc_tx_ops lt_whole_ops;
static const struct ppp_ldisc_tx_ops lt_chunked_ops;

static struct lt_ctx *lt_of(struct ppp_ldisc_tx *tx)
{
	return container_of(tx, struct lt_ctx, tx);
}

/* ---- the stand-in tty ---- */

static ssize_t lt_tty_write(struct tty_struct *tty, const u8 *buf,
			    size_t count)
{
	struct lt_ctx *c = tty->disc_data;
	size_t n = min_t(size_t, count, c->room);

	c->writes++;
	if (c->error) {
		int err = c->error;

		c->error = 0;
		return err;
	}
	n = min_t(size_t, n, LT_WIRE - c->wlen);
	memcpy(c->wire + c->wlen, buf, n);
	c->wlen += n;
	if (c->room != LT_ALL)
		c->room -= n;
	if (c->reenter) {
		/* the peer read what we wrote: its wakeup comes right back */
		c->reenter = false;
		c->room = LT_ALL;
		ppp_ldisc_tx_wakeup(&c->tx);
		c->inner_push = ppp_ldisc_tx_push(&c->tx, &lt_whole_ops);
	}
	return n;
}

static const struct tty_operations lt_tty_ops = {
	.write	= lt_tty_write,
};

/* ---- the whole-frame framing ---- */

/* A frame shorter than two bytes has no protocol field: dropped. */
static void lt_whole_start(struct ppp_ldisc_tx *tx, struct sk_buff *skb)
{
	lockdep_assert_held(&tx->lock);
	if (skb->len < 2) {
		kfree_skb(skb);
		return;
	}
	tx->tpkt = skb;
}

static unsigned int lt_whole_pending(struct ppp_ldisc_tx *tx, const u8 **buf)
{
	lockdep_assert_held(&tx->lock);
	if (!tx->tpkt)
		return 0;
	*buf = tx->tpkt->data;
	return tx->tpkt->len;
}

static bool lt_whole_written(struct ppp_ldisc_tx *tx, unsigned int sent)
{
	lockdep_assert_held(&tx->lock);
	return sent >= tx->tpkt->len;
}

static const struct ppp_ldisc_tx_ops lt_whole_ops = {
	.start		= lt_whole_start,
	.pending	= lt_whole_pending,
	.written	= lt_whole_written,
};

/* ---- the chunked framing ---- */

static void lt_chunked_start(struct ppp_ldisc_tx *tx, struct sk_buff *skb)
{
	lockdep_assert_held(&tx->lock);
	lt_of(tx)->enc_off = 0;
	tx->tpkt = skb;
}

static unsigned int lt_chunked_pending(struct ppp_ldisc_tx *tx,
				       const u8 **buf)
{
	struct lt_ctx *c = lt_of(tx);

	lockdep_assert_held(&tx->lock);
	*buf = c->obuf + c->opos;
	return c->olen - c->opos;
}

static bool lt_chunked_written(struct ppp_ldisc_tx *tx, unsigned int sent)
{
	lockdep_assert_held(&tx->lock);
	lt_of(tx)->opos += sent;
	return false;
}

static bool lt_chunked_encode(struct ppp_ldisc_tx *tx)
{
	struct lt_ctx *c = lt_of(tx);
	unsigned int n = min_t(unsigned int, LT_CHUNK,
			       tx->tpkt->len - c->enc_off);

	lockdep_assert_held(&tx->lock);
	memcpy(c->obuf, tx->tpkt->data + c->enc_off, n);
	c->opos = 0;
	c->olen = n;
	c->enc_off += n;
	c->encodes++;
	return c->enc_off == tx->tpkt->len;
}

static void lt_chunked_discard(struct ppp_ldisc_tx *tx)
{
	struct lt_ctx *c = lt_of(tx);

	lockdep_assert_held(&tx->lock);
	c->opos = c->olen;
	c->discards++;
}

static const struct ppp_ldisc_tx_ops lt_chunked_ops = {
	.start		= lt_chunked_start,
	.pending	= lt_chunked_pending,
	.written	= lt_chunked_written,
	.encode		= lt_chunked_encode,
	.discard	= lt_chunked_discard,
};

/* ---- fixture and helpers ---- */

static int lt_init(struct kunit *test)
{
	struct lt_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct tty_struct *tty;

	KUNIT_ASSERT_NOT_NULL(test, c);
	tty = kunit_kzalloc(test, sizeof(*tty), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tty);
	tty->ops = &lt_tty_ops;
	tty->disc_data = c;
	c->tty = tty;
	c->room = LT_ALL;
	ppp_ldisc_tx_init(&c->tx, tty);
	test->priv = c;
	return 0;
}

static void lt_exit(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	kfree_skb(c->tx.tpkt);
}

/* Frame @id of @len bytes: id, id + 1, ... */
static struct sk_buff *lt_frame(struct kunit *test, u8 id, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	for (i = 0; i < len; i++)
		skb_put_u8(skb, id + i);
	return skb;
}

/* The wire from byte @off on holds frame @id of @len bytes. */
static void lt_expect_frame(struct kunit *test, size_t off, u8 id,
			    unsigned int len)
{
	struct lt_ctx *c = test->priv;
	unsigned int i;

	KUNIT_ASSERT_GE(test, c->wlen, off + len);
	for (i = 0; i < len; i++)
		KUNIT_EXPECT_EQ(test, c->wire[off + i], (u8)(id + i));
}

static int lt_send(struct kunit *test, const struct ppp_ldisc_tx_ops *ops,
		   u8 id, unsigned int len)
{
	struct lt_ctx *c = test->priv;
	struct sk_buff *skb = lt_frame(test, id, len);
	int r = ppp_ldisc_tx_send(&c->tx, skb, ops);

	if (!r)
		kfree_skb(skb);		/* still ppp_generic's */
	return r;
}

static bool lt_flag(struct lt_ctx *c, int bit)
{
	return test_bit(bit, &c->tx.flags);
}

static bool lt_tty_wants_wakeup(struct lt_ctx *c)
{
	return test_bit(TTY_DO_WRITE_WAKEUP, &c->tty->flags);
}

/* The loop is idle: no frame, nothing held, no wakeup wanted. */
static void lt_expect_idle(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	KUNIT_EXPECT_NULL(test, c->tx.tpkt);
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_FULL));
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_BUSY));
	KUNIT_EXPECT_FALSE(test, lt_tty_wants_wakeup(c));
}

/* ---- cases ---- */

/* A tty with room takes the frame in one write; the next may follow. */
static void lt_whole_one_write(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 10, 20), 1);
	KUNIT_EXPECT_EQ(test, c->writes, 1);
	KUNIT_EXPECT_EQ(test, c->wlen, 20);
	lt_expect_frame(test, 0, 10, 20);
	lt_expect_idle(test);
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 50, 8), 1);
	lt_expect_frame(test, 20, 50, 8);
	lt_expect_idle(test);
}

/*
 * A short write leaves the frame held and the tty asked for a wakeup;
 * ppp_generic is told to wait.  After the wakeup the frame goes whole
 * again and the push reports it gone.
 */
static void lt_whole_short_write(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	c->room = 6;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 10, 20), 1);
	KUNIT_EXPECT_EQ(test, c->wlen, 6);
	KUNIT_EXPECT_NOT_NULL(test, c->tx.tpkt);
	KUNIT_EXPECT_TRUE(test, lt_flag(c, PPP_LDISC_TX_FULL));
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_BUSY));
	KUNIT_EXPECT_TRUE(test, lt_tty_wants_wakeup(c));

	/* still full: the next frame is refused (one more try first) */
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 50, 8), 0);
	KUNIT_EXPECT_EQ(test, c->writes, 2);

	c->room = LT_ALL;
	ppp_ldisc_tx_wakeup(&c->tx);
	KUNIT_EXPECT_TRUE(test, ppp_ldisc_tx_push(&c->tx, &lt_whole_ops));
	KUNIT_EXPECT_EQ(test, c->wlen, 26);
	lt_expect_frame(test, 6, 10, 20);
	lt_expect_idle(test);
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_WAKEUP));
}

/* Nothing held: a wakeup finds no work and reports no frame. */
static void lt_wakeup_idle(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	ppp_ldisc_tx_wakeup(&c->tx);
	KUNIT_EXPECT_FALSE(test, ppp_ldisc_tx_push(&c->tx, &lt_whole_ops));
	KUNIT_EXPECT_EQ(test, c->writes, 0);
	lt_expect_idle(test);
}

/* A frame the framing drops is gone at once: ppp_generic goes on. */
static void lt_dropped_at_start(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 10, 1), 1);
	KUNIT_EXPECT_EQ(test, c->writes, 0);
	lt_expect_idle(test);
}

/* A failing write drops the frame, and the push says a frame went. */
static void lt_write_error(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	c->room = 0;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 10, 20), 1);
	KUNIT_EXPECT_TRUE(test, lt_flag(c, PPP_LDISC_TX_FULL));
	c->error = -EIO;
	ppp_ldisc_tx_wakeup(&c->tx);
	KUNIT_EXPECT_TRUE(test, ppp_ldisc_tx_push(&c->tx, &lt_whole_ops));
	KUNIT_EXPECT_NULL(test, c->tx.tpkt);
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_FULL));
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_BUSY));
	c->room = LT_ALL;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 50, 8), 1);
	lt_expect_frame(test, 0, 50, 8);
}

/*
 * The tty's write runs the peer, whose wakeup calls the loop again: the
 * inner call leaves the work to the outer one (no deadlock on the lock)
 * and its wakeup is not lost - the outer loop writes the frame again.
 */
static void lt_reentrant_wakeup(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	c->room = 6;
	c->reenter = true;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 10, 20), 1);
	KUNIT_EXPECT_FALSE(test, c->inner_push);
	KUNIT_EXPECT_EQ(test, c->writes, 2);
	KUNIT_EXPECT_EQ(test, c->wlen, 26);
	lt_expect_frame(test, 6, 10, 20);
	lt_expect_idle(test);
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_WAKEUP));
}

/*
 * A frame sent while another pusher holds TX_BUSY (on another CPU, not
 * yet at the lock) is taken and left to that pusher, which finds it
 * when it gets the lock.
 */
static void lt_send_while_busy(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	set_bit(PPP_LDISC_TX_BUSY, &c->tx.flags);
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_whole_ops, 10, 20), 1);
	KUNIT_EXPECT_EQ(test, c->writes, 0);
	KUNIT_EXPECT_NOT_NULL(test, c->tx.tpkt);
	KUNIT_EXPECT_TRUE(test, lt_flag(c, PPP_LDISC_TX_FULL));

	/* the holder's push, from where it takes the lock */
	spin_lock_bh(&c->tx.lock);
	KUNIT_EXPECT_TRUE(test, __ppp_ldisc_tx_push(&c->tx, &lt_whole_ops));
	KUNIT_EXPECT_EQ(test, c->writes, 1);
	lt_expect_frame(test, 0, 10, 20);
	lt_expect_idle(test);
}

/* Chunked: each encoder run's bytes are written, the frame done last. */
static void lt_chunked_frame(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_chunked_ops, 10, 10), 1);
	KUNIT_EXPECT_EQ(test, c->encodes, 3);
	KUNIT_EXPECT_EQ(test, c->writes, 3);
	KUNIT_EXPECT_EQ(test, c->wlen, 10);
	lt_expect_frame(test, 0, 10, 10);
	lt_expect_idle(test);
}

/* Chunked: a short write resumes at the first byte not taken. */
static void lt_chunked_short_write(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	c->room = 5;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_chunked_ops, 10, 10), 1);
	KUNIT_EXPECT_EQ(test, c->wlen, 5);
	KUNIT_EXPECT_TRUE(test, lt_flag(c, PPP_LDISC_TX_FULL));
	KUNIT_EXPECT_TRUE(test, lt_tty_wants_wakeup(c));

	c->room = LT_ALL;
	ppp_ldisc_tx_wakeup(&c->tx);
	KUNIT_EXPECT_TRUE(test, ppp_ldisc_tx_push(&c->tx, &lt_chunked_ops));
	KUNIT_EXPECT_EQ(test, c->wlen, 10);
	lt_expect_frame(test, 0, 10, 10);
	lt_expect_idle(test);
}

/*
 * Chunked: the last run is encoded (the frame is done, ppp_generic may
 * send the next) before its bytes are all written; they still go out
 * ahead of the next frame's.
 */
static void lt_chunked_tail_then_next(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	c->room = 9;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_chunked_ops, 10, 10), 1);
	KUNIT_EXPECT_NULL(test, c->tx.tpkt);
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_FULL));
	KUNIT_EXPECT_TRUE(test, lt_tty_wants_wakeup(c));

	c->room = LT_ALL;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_chunked_ops, 50, 6), 1);
	KUNIT_EXPECT_EQ(test, c->wlen, 16);
	lt_expect_frame(test, 0, 10, 10);
	lt_expect_frame(test, 10, 50, 6);
	lt_expect_idle(test);
}

/* TCFLSH: the frame and the bytes ready are dropped, ppp_generic goes on. */
static void lt_chunked_flush(struct kunit *test)
{
	struct lt_ctx *c = test->priv;

	c->room = 2;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_chunked_ops, 10, 10), 1);
	KUNIT_EXPECT_TRUE(test, lt_flag(c, PPP_LDISC_TX_FULL));
	ppp_ldisc_tx_flush(&c->tx, &c->chan, &lt_chunked_ops);
	KUNIT_EXPECT_EQ(test, c->discards, 1);
	KUNIT_EXPECT_NULL(test, c->tx.tpkt);
	KUNIT_EXPECT_FALSE(test, lt_flag(c, PPP_LDISC_TX_FULL));

	/* nothing of the old frame follows the next one */
	c->room = LT_ALL;
	KUNIT_EXPECT_EQ(test, lt_send(test, &lt_chunked_ops, 50, 6), 1);
	KUNIT_EXPECT_EQ(test, c->wlen, 8);
	lt_expect_frame(test, 2, 50, 6);
}

static struct kunit_case ppp_ldisc_tx_cases[] = {
	KUNIT_CASE(lt_whole_one_write),
	KUNIT_CASE(lt_whole_short_write),
	KUNIT_CASE(lt_wakeup_idle),
	KUNIT_CASE(lt_dropped_at_start),
	KUNIT_CASE(lt_write_error),
	KUNIT_CASE(lt_reentrant_wakeup),
	KUNIT_CASE(lt_send_while_busy),
	KUNIT_CASE(lt_chunked_frame),
	KUNIT_CASE(lt_chunked_short_write),
	KUNIT_CASE(lt_chunked_tail_then_next),
	KUNIT_CASE(lt_chunked_flush),
	{}
};

static struct kunit_suite ppp_ldisc_tx_suite = {
	.name = "ppp_ldisc_tx",
	.init = lt_init,
	.exit = lt_exit,
	.test_cases = ppp_ldisc_tx_cases,
};

kunit_test_suite(ppp_ldisc_tx_suite);

MODULE_DESCRIPTION("KUnit: the transmit push loop of the PPP line disciplines");
MODULE_LICENSE("GPL");
