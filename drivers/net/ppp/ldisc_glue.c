// SPDX-License-Identifier: GPL-2.0
/*
 * The channel glue both PPP line disciplines share: the deferred work
 * that carries received frames up to ppp_generic, and the tty-side
 * ioctls and read/write stubs.
 */
#include "ppp_ldisc.h"

/* ---- deferred work ---- */

#ifdef PPP_COMPAT_BH_WQ
static void ppp_ldisc_bh_work(struct work_struct *work)
{
	struct ppp_ldisc_bh *bh = container_of(work, struct ppp_ldisc_bh, work);

	bh->fn(bh);
}

void ppp_ldisc_bh_init(struct ppp_ldisc_bh *bh,
		       void (*fn)(struct ppp_ldisc_bh *bh))
{
	bh->fn = fn;
	INIT_WORK(&bh->work, ppp_ldisc_bh_work);
}

void ppp_ldisc_bh_schedule(struct ppp_ldisc_bh *bh)
{
	queue_work(system_bh_wq, &bh->work);
}

/* Returns once the work is neither queued nor running. */
void ppp_ldisc_bh_cancel(struct ppp_ldisc_bh *bh)
{
	cancel_work_sync(&bh->work);
}
#else
static void ppp_ldisc_bh_tasklet(struct tasklet_struct *t)
{
	struct ppp_ldisc_bh *bh = from_tasklet(bh, t, tsk);

	bh->fn(bh);
}

void ppp_ldisc_bh_init(struct ppp_ldisc_bh *bh,
		       void (*fn)(struct ppp_ldisc_bh *bh))
{
	bh->fn = fn;
	tasklet_setup(&bh->tsk, ppp_ldisc_bh_tasklet);
}

void ppp_ldisc_bh_schedule(struct ppp_ldisc_bh *bh)
{
	tasklet_schedule(&bh->tsk);
}

/* Returns once the tasklet is neither scheduled nor running. */
void ppp_ldisc_bh_cancel(struct ppp_ldisc_bh *bh)
{
	tasklet_kill(&bh->tsk);
}
#endif

/* ---- receive ---- */

/*
 * From the deferred work: every queued frame up to ppp_generic.  The
 * queue is taken whole under @rx_lock, so the frames of a burst cost
 * one lock round, not one each.
 */
void ppp_ldisc_rx_deliver(struct ppp_channel *chan,
			  struct sk_buff_head *q, spinlock_t *rx_lock)
{
	struct sk_buff_head batch;
	struct sk_buff *skb;

	__skb_queue_head_init(&batch);
	spin_lock_bh(rx_lock);
	skb_queue_splice_init(q, &batch);
	spin_unlock_bh(rx_lock);
	while ((skb = __skb_dequeue(&batch))) {
		if (skb->cb[0])
			ppp_input_error(chan, 0);
		ppp_input(chan, skb);
	}
}

/* ---- the tty side ---- */

/**
 * ppp_ldisc_tty_ioctl - the tty ioctls both disciplines answer alike
 * @tty: the tty
 * @chan: its PPP channel
 * @cmd: the ioctl
 * @arg: its argument
 *
 * The channel's index and unit for pppd, no bytes to read, and termios
 * and friends, which keep working while the discipline is attached.
 * TCFLSH is the caller's: it drops its own output first.
 *
 * Return: 0 or a negative errno.
 */
int ppp_ldisc_tty_ioctl(struct tty_struct *tty, struct ppp_channel *chan,
			unsigned int cmd, unsigned long arg)
{
	int __user *p = (int __user *)arg;

	switch (cmd) {
	case PPPIOCGCHAN:
		return put_user(ppp_channel_index(chan), p);
	case PPPIOCGUNIT:
		return put_user(ppp_unit_number(chan), p);
	case FIONREAD:
		return put_user(0, p);
	default:
		return tty_mode_ioctl(tty, cmd, arg);
	}
}

/* Data goes through /dev/ppp, never through the tty's read/write. */
ssize_t ppp_ldisc_tty_read(struct tty_struct *tty, struct file *file,
			   u8 *buf, size_t count, void **cookie,
			   unsigned long offset)
{
	return -EAGAIN;
}

ssize_t ppp_ldisc_tty_write(struct tty_struct *tty, struct file *file,
			    const u8 *buf, size_t count)
{
	return -EAGAIN;
}
