/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ppp_synctty: the N_SYNC_PPP line discipline.  For ttys that carry
 * whole frames - synchronous HDLC cards, devices in sync mode, and
 * rp-pppoe's `pppoe -s` under pppd's pty option: each write to the tty
 * is one frame, each receive_buf call is one frame.  No flags, no
 * escaping, no FCS (the device, if any, does that); only the
 * address/control field and protocol-field compression are ours
 * (sync_frame.c).  What is not framing - the receive buffers, the
 * deferred work, the transmit push loop, the tty-side ioctls - is
 * shared with ppp_async (ppp_ldisc.h).
 *
 * CONTEXTS AND LOCKS
 *
 *   ->tx.lock (spin, BH)   ->tx.tpkt, ->flags and ->xaccm.  Taken by
 *                          start_xmit (BH or process), the deferred work
 *                          (BH), TCFLSH, hangup and the channel ioctls.
 *   ->rx_lock (spin, BH)   ->rxb, ->mru, ->rbits, ->raccm, ->rx_error,
 *                          ->rqueue.  Taken by receive_buf (process
 *                          context), the channel ioctls and, to take
 *                          ->rqueue, the deferred work (BH).
 *   ->tx.flags bits        TX_FULL, TX_BUSY, TX_WAKEUP: the transmit
 *                          push loop both disciplines share (ldisc_tx.h);
 *                          sync_channel.c supplies the framing.
 *
 * The two locks are never held together.
 *
 * LIFETIME: as ppp_async (ppp_async.h).  The tty core serialises open,
 * close, ioctl, receive_buf and write_wakeup.  Hangup drops the frame
 * being written; close stops the deferred work (no ppp_input() after
 * it), then unregisters the channel (no start_xmit or channel ioctl
 * after it, pppd reads EOF), then frees.
 */
#ifndef PPP_SYNCTTY_PRIV_H
#define PPP_SYNCTTY_PRIV_H

#include "ppp_ldisc.h"

struct ppp_sync {
	struct tty_struct *tty;
	struct ppp_channel chan;

	/* transmit: tx.lock */
	struct ppp_ldisc_tx tx;		/* ->tpkt: frame being written */
	unsigned int flags;		/* SC_COMP_PROT, SC_COMP_AC, ... */
	u32 xaccm[8];			/* stored for pppd, not used */

	/* receive: rx_lock */
	spinlock_t rx_lock;
	unsigned int rbits;		/* SC_RCV_* as pppd set them */
	u32 raccm;			/* stored for pppd, not used */
	int mru;
	struct ppp_ldisc_rxbuf rxb;
	bool rx_error;			/* a frame was lost since the last */
	struct ppp_link_stats lstats;	/* receive causes (ethtool -S) */

	struct sk_buff_head rqueue;	/* frames for ppp_input */
	struct ppp_ldisc_bh bh;		/* frames up, wakeups down */
};

/* sync_frame.c: the framing, no state (KUnit: ppp_synctty_frame) */
#define PPP_SYNC_AC_LEN	2	/* ff 03 */
int ppp_sync_tx_header(const u8 *data, unsigned int len, unsigned int flags,
		       unsigned int *pull);
int ppp_sync_rx_strip(const u8 *buf, unsigned int len, unsigned int mru);

/* sync_channel.c */
void ppp_sync_register_stats(struct ppp_sync *sp);
extern const struct ppp_channel_ops ppp_sync_ops;
void ppp_sync_init_state(struct ppp_sync *sp);
void ppp_sync_free_state(struct ppp_sync *sp);
void ppp_sync_flush_output(struct ppp_sync *sp);
void ppp_sync_input(struct ppp_sync *sp, const u8 *buf, const u8 *flags,
		    size_t count);
void ppp_sync_wakeup(struct ppp_sync *sp);
void ppp_sync_init_deferred(struct ppp_sync *sp);

#endif /* PPP_SYNCTTY_PRIV_H */
