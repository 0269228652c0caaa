// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_async: the N_PPP tty line discipline - the tty side.  Opening the
 * discipline (TIOCSETD N_PPP) registers a PPP channel in the caller's
 * network namespace; closing it (TIOCSETD back, or hangup) unregisters
 * it, and pppd reading the channel then sees EOF.
 */
#include "ppp_async.h"
#include "async_simd.h"

/*
 * simd=0: the codec never uses the vector registers (no carry-less
 * multiply FCS, no sixteen-byte scans), as on a CPU without them.  For
 * measuring what they give; read once, at load time.
 */
static bool simd = true;
module_param(simd, bool, 0444);
MODULE_PARM_DESC(simd, "use the CPU's vector instructions in the HDLC codec (default 1)");

static int ppp_asynctty_open(struct tty_struct *tty)
{
	struct ppp_async *ap;
	int err;

	if (!tty->ops->write)
		return -EOPNOTSUPP;

	ap = kzalloc(sizeof(*ap), GFP_KERNEL);
	if (!ap)
		return -ENOMEM;
	ap->tty = tty;
	ppp_async_init_state(ap);
	ppp_async_init_deferred(ap);

	ap->chan.private = ap;
	ap->chan.ops = &ppp_async_ops;
	ap->chan.mtu = PPP_MRU;
	ap->chan.speed = tty_get_baud_rate(tty);
	err = ppp_register_channel(&ap->chan);
	if (err) {
		kfree(ap);
		return err;
	}
	ppp_async_register_stats(ap);
	tty->disc_data = ap;
	tty->receive_room = 65536;
	return 0;
}

/*
 * Teardown.  The tty core guarantees that no receive_buf, write_wakeup
 * or ioctl of ours runs now or later.  Stop the deferred work first, so
 * no ppp_input() can follow; then unregister, after which ppp_generic
 * calls neither start_xmit nor ioctl; then free.
 */
static void ppp_asynctty_close(struct tty_struct *tty)
{
	struct ppp_async *ap = tty->disc_data;

	if (!ap)
		return;
	tty->disc_data = NULL;
	ppp_async_cancel(ap);
	ppp_unregister_channel(&ap->chan);
	ppp_async_free_state(ap);
	kfree(ap);
}

/*
 * The line is gone.  The tty core closes the discipline right after this
 * (that is where the channel goes and pppd sees EOF); here we only drop
 * the frame we were writing, which no write_wakeup will ever finish, and
 * let ppp_generic carry on with its queue.
 */
static void ppp_asynctty_hangup(struct tty_struct *tty)
{
	struct ppp_async *ap = tty->disc_data;

	if (ap)
		ppp_async_flush_output(ap);
}

static int ppp_asynctty_ioctl(struct tty_struct *tty, unsigned int cmd,
			      unsigned long arg)
{
	struct ppp_async *ap = tty->disc_data;

	if (!ap)
		return -ENXIO;
	if (cmd == TCFLSH) {
		/* pppd flushes before TIOCSETD: drop our output too. */
		if (arg == TCIOFLUSH || arg == TCOFLUSH)
			ppp_async_flush_output(ap);
		return n_tty_ioctl_helper(tty, cmd, arg);
	}
	return ppp_ldisc_tty_ioctl(tty, &ap->chan, cmd, arg);
}

static void ppp_asynctty_receive(struct tty_struct *tty,
				 const ppp_ldisc_char_t *buf,
				 const ppp_ldisc_flag_t *flags,
				 ppp_ldisc_count_t count)
{
	struct ppp_async *ap = tty->disc_data;

	if (!ap || count <= 0)
		return;
	ppp_async_input(ap, buf, (const u8 *)flags, count);
	tty_unthrottle(tty);
}

static void ppp_asynctty_wakeup(struct tty_struct *tty)
{
	struct ppp_async *ap = tty->disc_data;

	clear_bit(TTY_DO_WRITE_WAKEUP, &tty->flags);
	if (!ap)
		return;
	ppp_ldisc_tx_wakeup(&ap->tx);
	ppp_async_schedule(ap);
}

static struct tty_ldisc_ops ppp_ldisc = {
	.owner		= THIS_MODULE,
	.num		= N_PPP,
	.name		= "ppp",
	.open		= ppp_asynctty_open,
	.close		= ppp_asynctty_close,
	.hangup		= ppp_asynctty_hangup,
	.read		= ppp_ldisc_tty_read,
	.write		= ppp_ldisc_tty_write,
	.ioctl		= ppp_asynctty_ioctl,
	.receive_buf	= ppp_asynctty_receive,
	.write_wakeup	= ppp_asynctty_wakeup,
};

static int __init ppp_async_init(void)
{
	int err;

	if (!simd)
		ppp_hdlc_simd_disable();
	err = tty_register_ldisc(&ppp_ldisc);
	if (err)
		pr_err("PPP_async: error %d registering line disc.\n", err);
	return err;
}

static void __exit ppp_async_exit(void)
{
	tty_unregister_ldisc(&ppp_ldisc);
}

module_init(ppp_async_init);
module_exit(ppp_async_exit);

MODULE_DESCRIPTION("PPP async serial channel (out-of-tree, drop-in)");
MODULE_LICENSE("GPL");
MODULE_VERSION(PPP_VERSION);
MODULE_ALIAS_LDISC(N_PPP);
