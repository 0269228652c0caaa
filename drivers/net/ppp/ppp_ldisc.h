/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the two PPP tty line disciplines share: ppp_async (N_PPP) and
 * ppp_synctty (N_SYNC_PPP).  Both turn a tty into a PPP channel the same
 * way; they differ only in how bytes become frames.
 *
 *   ldisc_tx.h     the transmit push loop, inline: the driver gives
 *                  its framing as callbacks (struct ppp_ldisc_tx_ops)
 *   ldisc_rxbuf.c  receive buffers carved from pages of our own
 *   ldisc_glue.c   the deferred work that hands received frames to
 *                  ppp_input() and pushes output after a write_wakeup,
 *                  and the tty-side ioctls and stubs both answer alike
 *
 * These files are compiled into each module (async_shared.c,
 * sync_shared.c): each module stays a drop-in of its own, loadable
 * without the other.  Nothing here is exported.
 *
 * LOCKS: each channel has a transmit lock (->tx.lock, ldisc_tx.h) and
 * an rx_lock (spin, BH).  The receive buffers are used under the
 * rx_lock; the deferred work takes neither itself (its callback does
 * what it needs).
 */
#ifndef PPP_LDISC_H
#define PPP_LDISC_H

#include <linux/module.h>
#include <linux/tty.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/ppp_defs.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_channel.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include "ppp_link_stats.h"
#include "ldisc_tx.h"

/* Receive status bits pppd reads to diagnose 7-bit or parity lines. */
#define SC_RCV_BITS	(SC_RCV_B7_1 | SC_RCV_B7_0 | SC_RCV_ODDP | SC_RCV_EVNP)

/*
 * Fixed bits of the extended transmit map, as pppd sees them through
 * PPPIOCGXASYNCMAP: 0x5e is never escaped (7d 7e would be an abort),
 * 0x7d and 0x7e always are.
 */
#define PPP_LDISC_NEVER_ESCAPE_W2	0x40000000U	/* 0x5e, word 2 */
#define PPP_LDISC_ALWAYS_ESCAPE_W3	0x60000000U	/* 0x7d, 0x7e, word 3 */

/* Received frames waiting for ppp_input() before we drop the oldest. */
#define PPP_LDISC_MAX_RQLEN	256

/*
 * Tailroom a received frame may need: ppp_generic restores a VJ
 * compressed TCP/IP header in place, growing the frame by up to this.
 */
#define PPP_LDISC_RX_TAILROOM	128

/**
 * struct ppp_ldisc_rxbuf - where received frames are put together
 * @page: page the next buffer is carved from; we hold one reference
 * @spare: the page before it, reused once its skbs are gone; ditto
 * @addr: @page's address (page_address() is a call on 32-bit ARM)
 * @size: @page's size
 * @off: first free byte of @page
 * @head: headroom of the buffer handed out last
 * @skb: that buffer, when it is an skb of its own (see ldisc_rxbuf.c)
 */
struct ppp_ldisc_rxbuf {
	struct page *page;
	struct page *spare;
	u8 *addr;
	unsigned int size;
	unsigned int off;
	unsigned int head;
	struct sk_buff *skb;
};

/**
 * struct ppp_ldisc_bh - the deferred work of a channel (BH context)
 * @fn: what it runs
 *
 * A BH workqueue item where the kernel has them, a tasklet before.
 */
struct ppp_ldisc_bh {
	void (*fn)(struct ppp_ldisc_bh *bh);
#ifdef PPP_COMPAT_BH_WQ
	struct work_struct work;
#else
	struct tasklet_struct tsk;
#endif
};

/* ---- receive: the frames for ppp_input() ---- */

/*
 * Tailroom for a frame whose protocol field is at @proto: ppp_generic
 * restores a VJ-compressed TCP/IP header in place, so such a frame gets
 * the room an MRU-sized buffer would have had; others need none.
 */
static inline unsigned int ppp_ldisc_rx_tailroom(const u8 *proto)
{
	if (proto[0] == PPP_VJC_COMP ||	/* protocol-field-compressed */
	    (proto[0] == 0 && proto[1] == PPP_VJC_COMP))
		return PPP_LDISC_RX_TAILROOM;
	return 0;
}

/*
 * Queue a received frame for ppp_input().  A frame lost before it
 * (*@rx_error) is reported with it, as an input error; a full queue
 * drops its oldest frame, which counts as such a loss.  Called under the
 * channel's rx_lock, which guards @q: the queue's own lock is not taken.
 * Return: true if a frame was dropped for room.
 */
static inline bool ppp_ldisc_rx_queue(struct sk_buff_head *q,
				      struct sk_buff *skb, bool *rx_error)
{
	skb->cb[0] = *rx_error;
	*rx_error = false;
	__skb_queue_tail(q, skb);
	if (skb_queue_len(q) <= PPP_LDISC_MAX_RQLEN)
		return false;
	kfree_skb(__skb_dequeue(q));
	*rx_error = true;
	return true;
}

/* ldisc_rxbuf.c */
u8 *ppp_ldisc_rxbuf_get(struct ppp_ldisc_rxbuf *rb, unsigned int size,
			unsigned int align);
struct sk_buff *ppp_ldisc_rxbuf_take(struct ppp_ldisc_rxbuf *rb,
				     unsigned int len, unsigned int tailroom);
void ppp_ldisc_rxbuf_release(struct ppp_ldisc_rxbuf *rb);

/* ldisc_glue.c */
void ppp_ldisc_bh_init(struct ppp_ldisc_bh *bh,
		       void (*fn)(struct ppp_ldisc_bh *bh));
void ppp_ldisc_bh_schedule(struct ppp_ldisc_bh *bh);
void ppp_ldisc_bh_cancel(struct ppp_ldisc_bh *bh);
void ppp_ldisc_rx_deliver(struct ppp_channel *chan,
			  struct sk_buff_head *q, spinlock_t *rx_lock);
int ppp_ldisc_tty_ioctl(struct tty_struct *tty, struct ppp_channel *chan,
			unsigned int cmd, unsigned long arg);
ssize_t ppp_ldisc_tty_read(struct tty_struct *tty, struct file *file,
			   u8 *buf, size_t count, void **cookie,
			   unsigned long offset);
ssize_t ppp_ldisc_tty_write(struct tty_struct *tty, struct file *file,
			    const u8 *buf, size_t count);

#endif /* PPP_LDISC_H */
