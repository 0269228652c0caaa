/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ppp_async: the N_PPP line discipline.  A tty in N_PPP becomes a PPP
 * channel: frames from ppp_generic are HDLC-encoded (async_hdlc.c) and
 * written to the tty; bytes from the tty are decoded into frames and
 * handed to ppp_generic.
 *
 * CONTEXTS AND LOCKS
 *
 *   ->tx.lock (spin, BH)   encoder state, ->tx.tpkt, the output buffer
 *                          and the transmit maps.  Taken by start_xmit
 *                          (BH or process), the receive work (BH),
 *                          TCFLSH and the channel ioctls.
 *   ->rx_lock (spin, BH)   decoder state, ->rxb, ->rbuf, ->mru,
 *                          ->raccm, ->rqueue.  Taken by receive_buf
 *                          (process context, tty flip work), the
 *                          channel ioctls and, to take ->rqueue, the
 *                          deferred work (BH).
 *   ->tx.flags bits        TX_FULL, TX_BUSY, TX_WAKEUP: the transmit
 *                          push loop both disciplines share (ldisc_tx.h);
 *                          async_channel.c supplies the HDLC encoding.
 *
 * The two locks are never held together, except rx_lock inside tx.lock
 * for the LCP Configure-Request checksum (async_lcp.c): order tx, rx.
 *
 * LIFETIME
 *
 * The tty core serialises open, close, ioctl, receive_buf and
 * write_wakeup against each other (ldisc references).  Hangup only
 * drops the frame being written; the close that follows runs in phases:
 *
 *   1. stop the deferred work: no ppp_input() or ppp_output_wakeup()
 *      after it, and nothing can schedule it again (receive_buf and
 *      write_wakeup are excluded by the ldisc change);
 *   2. ppp_unregister_channel(): no start_xmit or channel ioctl after
 *      it, pppd reads EOF;
 *   3. free the skbs and the state.
 */
#ifndef PPP_ASYNC_PRIV_H
#define PPP_ASYNC_PRIV_H

#include <linux/module.h>
#include <linux/tty.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/ppp_defs.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_channel.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/unaligned.h>
#include "async_hdlc.h"
#include "ppp_ldisc.h"
#include "ppp_link_stats.h"

/* Wire bytes produced per encoder run: bounds one tty write. */
#define PPP_ASYNC_OBUF		4096

struct ppp_async {
	struct tty_struct *tty;
	struct ppp_channel chan;
	unsigned int flags;		/* SC_COMP_PROT, SC_COMP_AC: tx.lock */
	unsigned int rbits;		/* SC_RCV_* seen on the line: rx_lock */

	/* transmit: tx.lock */
	struct ppp_ldisc_tx tx;		/* ->tpkt: frame being encoded */
	u32 xaccm[8];			/* extended transmit map */
	struct ppp_hdlc_map txmap;	/* xaccm as an escape map */
	struct ppp_hdlc_map lcpmap;	/* txmap + every control byte */
	struct ppp_hdlc_enc enc;
	unsigned long last_xmit;	/* jiffies, for flag sharing */
	u8 *optr, *olim;		/* unwritten part of obuf */
	int tx_extra;			/* escapes in this frame, so far */
	u64 tx_escaped;			/* ... in all frames sent */
	u8 obuf[PPP_ASYNC_OBUF];

	/* receive: rx_lock */
	spinlock_t rx_lock;
	u32 raccm;
	int mru;
	struct ppp_hdlc_dec dec;
	struct ppp_ldisc_rxbuf rxb;
	u8 *rbuf;			/* buffer the decoder fills */
	bool rx_error;			/* a frame was lost since the last */
	u16 lcp_req_fcs;		/* checksum of our last ConfReq */
	bool lcp_req_valid;
	struct ppp_link_stats lstats;	/* receive causes (async_stats.c) */

	struct sk_buff_head rqueue;	/* decoded frames for ppp_input */
	struct ppp_ldisc_bh bh;		/* frames up, wakeups down */
};

/* async_channel.c */
extern const struct ppp_channel_ops ppp_async_ops;
void ppp_async_init_state(struct ppp_async *ap);
void ppp_async_update_txmaps(struct ppp_async *ap);
void ppp_async_init_deferred(struct ppp_async *ap);
void ppp_async_schedule(struct ppp_async *ap);
void ppp_async_cancel(struct ppp_async *ap);
void ppp_async_flush_output(struct ppp_async *ap);
void ppp_async_input(struct ppp_async *ap, const u8 *buf, const u8 *flags,
		     size_t count);
void ppp_async_free_state(struct ppp_async *ap);

/* async_stats.c */
void ppp_async_count_bad(struct ppp_async *ap);
void ppp_async_register_stats(struct ppp_async *ap);

/* async_lcp.c */
void ppp_async_lcp_peek(struct ppp_async *ap, const u8 *data, size_t len,
			bool inbound);

#endif /* PPP_ASYNC_PRIV_H */
