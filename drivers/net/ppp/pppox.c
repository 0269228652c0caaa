// SPDX-License-Identifier: GPL-2.0
/*
 * pppox: the AF_PPPOX (24) socket family.  It owns nothing but a table of
 * protocols (PX_PROTO_OE: pppoe, PX_PROTO_OL2TP: l2tp_ppp, PX_PROTO_PPTP:
 * pptp), hands socket() to the protocol's create(), and answers the
 * ioctls every PPPoX protocol shares (PPPIOCGCHAN, PPPIOCGUNIT).
 *
 * A drop-in for the in-tree pppox.ko: the exports keep the prototypes of
 * <linux/if_pppox.h> and work on its struct pppox_sock, so the in-tree
 * pppoe, l2tp_ppp and pptp could register here, and our pppoe on the
 * in-tree pppox.
 */

/*
 * Same include set as the in-tree pppox.c: genksyms computes the CRC of
 * each export from the types visible here, and a protocol module built
 * against the kernel only loads if those CRCs are the kernel's.
 */
#include <linux/string.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/compat.h>
#include <linux/errno.h>
#include <linux/netdevice.h>
#include <linux/net.h>
#include <linux/init.h>
#include <linux/if_pppox.h>
#include <linux/ppp_defs.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_channel.h>
#include <linux/kmod.h>

#include <net/sock.h>

#include <linux/uaccess.h>

/*
 * The registered protocols.  Writers take pppox_protos_lock; pppox_create()
 * reads a slot and pins its module under the same lock, so an unregister
 * racing a socket() never leaves create() running in a freed module.
 */
static DEFINE_SPINLOCK(pppox_protos_lock);
static const struct pppox_proto *pppox_protos[PX_MAX_PROTO + 1];

static bool pppox_proto_valid(int proto_num)
{
	return proto_num >= 0 && proto_num <= PX_MAX_PROTO;
}

/**
 * register_pppox_proto - make a PPPoX protocol available to socket()
 * @proto_num: PX_PROTO_OE, PX_PROTO_OL2TP or PX_PROTO_PPTP
 * @pp: its create() and ioctl() (called under the socket lock) and owner
 *
 * Return: 0, -EINVAL for a number out of range, -EALREADY if taken.
 */
int register_pppox_proto(int proto_num, const struct pppox_proto *pp)
{
	int err = 0;

	if (!pppox_proto_valid(proto_num))
		return -EINVAL;
	spin_lock(&pppox_protos_lock);
	if (pppox_protos[proto_num])
		err = -EALREADY;
	else
		pppox_protos[proto_num] = pp;
	spin_unlock(&pppox_protos_lock);
	return err;
}
EXPORT_SYMBOL(register_pppox_proto);

/**
 * unregister_pppox_proto - stop offering a PPPoX protocol to socket()
 * @proto_num: the number given to register_pppox_proto()
 *
 * Sockets already made keep working: each holds its protocol's module.
 */
void unregister_pppox_proto(int proto_num)
{
	if (!pppox_proto_valid(proto_num))
		return;
	spin_lock(&pppox_protos_lock);
	pppox_protos[proto_num] = NULL;
	spin_unlock(&pppox_protos_lock);
}
EXPORT_SYMBOL(unregister_pppox_proto);

/**
 * pppox_unbind_sock - detach a PPPoX socket from its PPP channel
 * @sk: the socket, locked by the caller (lock_sock)
 *
 * If the socket is connected or bound, its channel is unregistered from
 * ppp_generic (which waits for start_xmit and ioctl calls in progress on
 * it) and the socket becomes PPPOX_DEAD.  Process context.
 */
void pppox_unbind_sock(struct sock *sk)
{
	if (!(sk->sk_state & (PPPOX_BOUND | PPPOX_CONNECTED)))
		return;
	ppp_unregister_channel(&pppox_sk(sk)->chan);
	sk->sk_state = PPPOX_DEAD;
}
EXPORT_SYMBOL(pppox_unbind_sock);

/*
 * PPPIOCGCHAN: pppd asks for the channel index to attach it to /dev/ppp.
 * From then on the socket is bound: frames go to ppp_input(), and the
 * socket itself is no longer readable.  Frames the protocol's receive
 * path queued on the socket before it saw PPPOX_BOUND would be stranded
 * there, so once every receiver in flight is done (synchronize_net())
 * they are handed to the channel too.
 */
static int pppox_get_chan(struct sock *sk, int __user *argp)
{
	struct pppox_sock *po = pppox_sk(sk);
	struct sk_buff *skb;

	sock_owned_by_me(sk);
	if (!(sk->sk_state & PPPOX_CONNECTED))
		return -ENOTCONN;
	if (put_user(ppp_channel_index(&po->chan), argp))
		return -EINVAL;
	sk->sk_state |= PPPOX_BOUND;
	synchronize_net();
	while ((skb = skb_dequeue(&sk->sk_receive_queue))) {
		skb_orphan(skb);
		ppp_input(&po->chan, skb);
	}
	return 0;
}

static int pppox_get_unit(struct sock *sk, int __user *argp)
{
	int unit;

	if (!(sk->sk_state & PPPOX_CONNECTED))
		return -ENOTCONN;
	unit = ppp_unit_number(&pppox_sk(sk)->chan);
	if (unit < 0)
		return -ENXIO;
	return put_user(unit, argp) ? -EFAULT : 0;
}

/**
 * pppox_ioctl - the ioctl() of every PPPoX socket
 * @sock: the socket
 * @cmd: PPPIOCGCHAN and PPPIOCGUNIT are answered here, everything else
 *       by the protocol's ioctl()
 * @arg: user pointer
 *
 * Takes the socket lock around the whole call.
 *
 * Return: 0 or a negative errno (-ENOTTY for an unknown @cmd).
 */
int pppox_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	const struct pppox_proto *pp;
	struct sock *sk = sock->sk;
	int rc;

	lock_sock(sk);
	switch (cmd) {
	case PPPIOCGCHAN:
		rc = pppox_get_chan(sk, (int __user *)arg);
		break;
	case PPPIOCGUNIT:
		rc = pppox_get_unit(sk, (int __user *)arg);
		break;
	default:
		/* The socket pins its protocol's module: pp stays valid. */
		pp = READ_ONCE(pppox_protos[sk->sk_protocol]);
		rc = pp && pp->ioctl ? pp->ioctl(sock, cmd, arg) : -ENOTTY;
		break;
	}
	release_sock(sk);
	return rc;
}
EXPORT_SYMBOL(pppox_ioctl);

#ifdef CONFIG_COMPAT
/**
 * pppox_compat_ioctl - pppox_ioctl() for 32-bit callers
 * @sock: the socket
 * @cmd: as pppox_ioctl(); PPPOEIOCSFWD's number carries the size of a
 *       size_t, so the 32-bit one is translated
 * @arg: 32-bit user pointer
 *
 * Return: as pppox_ioctl().
 */
int pppox_compat_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	if (cmd == PPPOEIOCSFWD32)
		cmd = PPPOEIOCSFWD;
	return pppox_ioctl(sock, cmd, (unsigned long)compat_ptr(arg));
}
EXPORT_SYMBOL(pppox_compat_ioctl);
#endif

/* Returns the protocol with its module pinned, or NULL. */
static const struct pppox_proto *pppox_proto_get(int protocol)
{
	const struct pppox_proto *pp;

	spin_lock(&pppox_protos_lock);
	pp = pppox_protos[protocol];
	if (pp && !try_module_get(pp->owner))
		pp = NULL;
	spin_unlock(&pppox_protos_lock);
	return pp;
}

static int pppox_create(struct net *net, struct socket *sock, int protocol,
			int kern)
{
	const struct pppox_proto *pp;
	int rc;

	if (!pppox_proto_valid(protocol))
		return -EPROTOTYPE;
	pp = pppox_proto_get(protocol);
	if (!pp) {
		/* net-pf-24-proto-0 is pppoe's alias, as in-tree. */
		request_module("net-pf-%d-proto-%d", PF_PPPOX, protocol);
		pp = pppox_proto_get(protocol);
	}
	if (!pp)
		return -EPROTONOSUPPORT;
	/* create() makes the socket hold the module (sock->ops->owner). */
	rc = pp->create(net, sock, kern);
	module_put(pp->owner);
	return rc;
}

static const struct net_proto_family pppox_family = {
	.family	= PF_PPPOX,
	.create	= pppox_create,
	.owner	= THIS_MODULE,
};

static int __init pppox_init(void)
{
	return sock_register(&pppox_family);
}

static void __exit pppox_exit(void)
{
	sock_unregister(PF_PPPOX);
}

module_init(pppox_init);
module_exit(pppox_exit);

MODULE_DESCRIPTION("PPP over X socket family (AF_PPPOX), drop-in for the in-tree pppox");
MODULE_LICENSE("GPL");
MODULE_ALIAS_NETPROTO(PF_PPPOX);
MODULE_VERSION(PPP_VERSION);
