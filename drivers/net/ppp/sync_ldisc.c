// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_synctty: the N_SYNC_PPP tty line discipline - the tty side.
 * Opening the discipline (TIOCSETD N_SYNC_PPP, pppd's `sync` option)
 * registers a PPP channel in the caller's network namespace; closing it
 * (TIOCSETD back, or hangup) unregisters it, and pppd reading the
 * channel then sees EOF.
 */
#include "ppp_synctty.h"

static int ppp_synctty_open(struct tty_struct *tty)
{
	struct ppp_sync *sp;
	int err;

	if (!tty->ops->write)
		return -EOPNOTSUPP;

	sp = kzalloc(sizeof(*sp), GFP_KERNEL);
	if (!sp)
		return -ENOMEM;
	sp->tty = tty;
	ppp_sync_init_state(sp);
	ppp_sync_init_deferred(sp);

	sp->chan.private = sp;
	sp->chan.ops = &ppp_sync_ops;
	sp->chan.mtu = PPP_MRU;
	sp->chan.hdrlen = PPP_SYNC_AC_LEN;	/* room for ff 03 */
	sp->chan.speed = tty_get_baud_rate(tty);
	err = ppp_register_channel(&sp->chan);
	if (err) {
		kfree(sp);
		return err;
	}
	ppp_sync_register_stats(sp);
	tty->disc_data = sp;
	tty->receive_room = 65536;
	return 0;
}

/*
 * Teardown.  The tty core guarantees that no receive_buf, write_wakeup
 * or ioctl of ours runs now or later.  Stop the deferred work first, so
 * no ppp_input() can follow; then unregister, after which ppp_generic
 * calls neither start_xmit nor ioctl; then free.
 */
static void ppp_synctty_close(struct tty_struct *tty)
{
	struct ppp_sync *sp = tty->disc_data;

	if (!sp)
		return;
	tty->disc_data = NULL;
	ppp_ldisc_bh_cancel(&sp->bh);
	ppp_unregister_channel(&sp->chan);
	ppp_sync_free_state(sp);
	kfree(sp);
}

/*
 * The line is gone: drop the frame we were writing, which no
 * write_wakeup will ever finish.  The close that follows unregisters.
 */
static void ppp_synctty_hangup(struct tty_struct *tty)
{
	struct ppp_sync *sp = tty->disc_data;

	if (sp)
		ppp_sync_flush_output(sp);
}

static int ppp_synctty_ioctl(struct tty_struct *tty, unsigned int cmd,
			     unsigned long arg)
{
	struct ppp_sync *sp = tty->disc_data;

	if (!sp)
		return -ENXIO;
	if (cmd == TCFLSH) {
		/* pppd flushes before TIOCSETD: drop our output too. */
		if (arg == TCIOFLUSH || arg == TCOFLUSH)
			ppp_sync_flush_output(sp);
		return n_tty_ioctl_helper(tty, cmd, arg);
	}
	return ppp_ldisc_tty_ioctl(tty, &sp->chan, cmd, arg);
}

static void ppp_synctty_receive(struct tty_struct *tty,
				const ppp_ldisc_char_t *buf,
				const ppp_ldisc_flag_t *flags,
				ppp_ldisc_count_t count)
{
	struct ppp_sync *sp = tty->disc_data;

	if (!sp || count <= 0)
		return;
	ppp_sync_input(sp, buf, (const u8 *)flags, count);
	tty_unthrottle(tty);
}

static void ppp_synctty_wakeup(struct tty_struct *tty)
{
	struct ppp_sync *sp = tty->disc_data;

	clear_bit(TTY_DO_WRITE_WAKEUP, &tty->flags);
	if (sp)
		ppp_sync_wakeup(sp);
}

static struct tty_ldisc_ops ppp_sync_ldisc = {
	.owner		= THIS_MODULE,
	.num		= N_SYNC_PPP,
	.name		= "pppsync",
	.open		= ppp_synctty_open,
	.close		= ppp_synctty_close,
	.hangup		= ppp_synctty_hangup,
	.read		= ppp_ldisc_tty_read,
	.write		= ppp_ldisc_tty_write,
	.ioctl		= ppp_synctty_ioctl,
	.receive_buf	= ppp_synctty_receive,
	.write_wakeup	= ppp_synctty_wakeup,
};

static int __init ppp_synctty_init(void)
{
	int err;

	err = tty_register_ldisc(&ppp_sync_ldisc);
	if (err)
		pr_err("PPP_sync: error %d registering line disc.\n", err);
	return err;
}

static void __exit ppp_synctty_exit(void)
{
	tty_unregister_ldisc(&ppp_sync_ldisc);
}

module_init(ppp_synctty_init);
module_exit(ppp_synctty_exit);

MODULE_DESCRIPTION("PPP synchronous tty channel (out-of-tree, drop-in)");
MODULE_LICENSE("GPL");
MODULE_ALIAS_LDISC(N_SYNC_PPP);
MODULE_VERSION(PPP_VERSION);
