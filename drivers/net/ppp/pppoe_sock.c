// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe: the PX_PROTO_OE socket.  pppd's PPPoE plugin (rp-pppoe.so,
 * pppoe.so) and pppoe-server -k open one per session after discovery:
 * connect() with (session id, peer MAC, device name) binds the session
 * and registers its PPP channel; PPPIOCGCHAN (pppox.c) gives pppd the
 * channel to attach; connect() with session id 0 or close() ends it.
 * Device events end every session on the device.
 */
#include <linux/etherdevice.h>
#include <linux/ppp_channel.h>
#include <linux/ppp_defs.h>
#include <linux/ppp-ioctl.h>
#include "pppoe.h"

/* The session header and the PPP protocol field take 8 of the MTU. */
#define PPPOE_MTU_OVERHEAD	(sizeof(struct pppoe_hdr) + 2)

static struct net_device *pppoe_dev_locked(struct pppoe_sock *po)
{
	return rcu_dereference_protected(po->dev,
					 lockdep_sock_is_held(pppoe_to_sk(po)));
}

/**
 * pppoe_unbind - end the session of a socket, if it has one
 * @po: the socket, locked (lock_sock)
 *
 * The channel goes first: ppp_generic then has no start_xmit in progress
 * and will start none.  Then the session leaves the table, and the device
 * reference is dropped once every RCU reader of the device pointer (the
 * receive path's relay, fill_forward_path) is done.  Process context.
 */
void pppoe_unbind(struct pppoe_sock *po)
{
	struct sock *sk = pppoe_to_sk(po);
	struct pppoe_net *pn = pppoe_pernet(sock_net(sk));
	struct net_device *dev;

	sock_owned_by_me(sk);
	pppox_unbind_sock(sk);
	spin_lock_bh(&pn->lock);
	pppoe_table_del(pn, po);
	dev = rcu_replace_pointer(po->dev, NULL, lockdep_is_held(&pn->lock));
	spin_unlock_bh(&pn->lock);
	if (dev) {
		synchronize_net();
		dev_put(dev);
	}
}

/* connect() with session id 0, or before binding another session. */
static void pppoe_disconnect(struct pppoe_sock *po)
{
	struct sock *sk = pppoe_to_sk(po);

	pppoe_unbind(po);
	po->ifindex = 0;
	memset(&po->pa, 0, sizeof(po->pa));
	memset(&po->relay, 0, sizeof(po->relay));
	memset(&po->px.chan, 0, sizeof(po->px.chan));
	po->px.num = 0;
	sk->sk_state = PPPOX_NONE;
}

/*
 * Hash the session on @dev, unless @dev is no longer up.  IFF_UP is read
 * under the lock the device-event flush takes to find sessions: the flag
 * is cleared before NETDEV_DOWN is sent, so either the flush comes after
 * us and finds the session, or we see the flag clear.  (A session hashed
 * after the flush would hold the device forever: "unregister_netdevice:
 * waiting for ... to become free".)
 */
static int pppoe_hash_on(struct pppoe_net *pn, struct pppoe_sock *po,
			 struct net_device *dev)
{
	int err = -ENODEV;

	spin_lock_bh(&pn->lock);
	if ((dev->flags & IFF_UP) && dev->reg_state == NETREG_REGISTERED) {
		err = pppoe_table_add(pn, po);
		if (!err)
			rcu_assign_pointer(po->dev, dev);
	}
	spin_unlock_bh(&pn->lock);
	return err;
}

static void pppoe_chan_setup(struct pppoe_sock *po, struct net_device *dev)
{
	struct ppp_channel *chan = &po->px.chan;

	chan->hdrlen = sizeof(struct pppoe_hdr) + dev->hard_header_len;
	chan->mtu = dev->mtu - PPPOE_MTU_OVERHEAD;
	chan->private = pppoe_to_sk(po);
	chan->ops = &pppoe_chan_ops;
	ppp_compat_chan_set_direct_xmit(chan);
}

static int pppoe_bind(struct pppoe_sock *po, const struct pppoe_addr *pa)
{
	struct sock *sk = pppoe_to_sk(po);
	struct net *net = sock_net(sk);
	struct pppoe_net *pn = pppoe_pernet(net);
	struct net_device *dev;
	int err;

	po->pa = *pa;
	/* The name is shown in /proc/net/pppoe: never read past it. */
	po->pa.dev[IFNAMSIZ - 1] = '\0';
	dev = dev_get_by_name(net, po->pa.dev);
	if (!dev) {
		err = -ENODEV;
		goto err_clear;
	}
	po->ifindex = dev->ifindex;
	pppoe_sess_stats_reset(po);
	err = pppoe_hash_on(pn, po, dev);
	if (err)
		goto err_put_dev;
	pppoe_chan_setup(po, dev);
	err = ppp_register_net_channel(net, &po->px.chan);
	if (err) {
		/* Not connected yet: pppoe_unbind() only unhashes, puts dev. */
		pppoe_unbind(po);
		goto err_clear;
	}
	pppoe_offer_link_stats(po);
	pppoe_offer_tx_offload(po);
	sk->sk_state = PPPOX_CONNECTED;
	return 0;

err_put_dev:
	dev_put(dev);
err_clear:
	po->ifindex = 0;
	memset(&po->pa, 0, sizeof(po->pa));
	return err;
}

static int pppoe_connect_locked(struct sock *sk, struct sockaddr *uaddr,
				int alen)
{
	struct sockaddr_pppox *sp = (struct sockaddr_pppox *)uaddr;
	struct pppoe_sock *po = pppoe_sk(sk);
	__be16 sid;
	int err = 0;

	/* Length first: nothing of the address may be read before (the
	 * in-tree driver once read the protocol of a short address).
	 */
	if (alen != sizeof(*sp) || sp->sa_protocol != PX_PROTO_OE)
		return -EINVAL;
	sid = sp->sa_addr.pppoe.sid;
	if ((sk->sk_state & PPPOX_CONNECTED) && sid)
		return -EBUSY;
	if ((sk->sk_state & PPPOX_DEAD) && !sid)
		return -EALREADY;
	if (po->pa.sid)
		pppoe_disconnect(po);
	if (sid)
		err = pppoe_bind(po, &sp->sa_addr.pppoe);
	if (!err)
		po->px.num = sid;
	return err;
}

static int pppoe_connect(struct socket *sock, struct sockaddr *uaddr,
			 int alen, int flags)
{
	struct sock *sk = sock->sk;
	int err;

	lock_sock(sk);
	err = pppoe_connect_locked(sk, uaddr, alen);
	release_sock(sk);
	return err;
}

static int pppoe_release(struct socket *sock)
{
	struct sock *sk = sock->sk;
	struct pppoe_sock *po;

	if (!sk)
		return 0;
	po = pppoe_sk(sk);
	lock_sock(sk);
	pppoe_unbind(po);
	sk->sk_state = PPPOX_DEAD;
	sock_orphan(sk);
	sock->sk = NULL;
	skb_queue_purge(&sk->sk_receive_queue);
	release_sock(sk);
	/*
	 * Unhashed, and pppoe_unbind() waited for the receivers that could
	 * still have found us: no PADT can queue the work any more.  One
	 * already queued holds its own reference; it is cancelled (or
	 * waited for, outside the socket lock it takes) so that no work
	 * item outlives the socket and with it the module.
	 */
	if (cancel_work_sync(&po->padt_work))
		sock_put(sk);
	sock_put(sk);
	return 0;
}

static int pppoe_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sockaddr_pppox sp;

	/* Whole: padding and the unused union bytes would leak stack. */
	memset(&sp, 0, sizeof(sp));
	sp.sa_family = AF_PPPOX;
	sp.sa_protocol = PX_PROTO_OE;
	sp.sa_addr.pppoe = pppoe_sk(sock->sk)->pa;
	memcpy(uaddr, &sp, sizeof(sp));
	return sizeof(sp);
}

static int pppoe_recvmsg(struct socket *sock, struct msghdr *m,
			 size_t total_len, int flags)
{
	struct sock *sk = sock->sk;
	struct sk_buff *skb;
	int err = 0;

	/* Once pppd has the channel, frames go there, not here. */
	if (sk->sk_state & PPPOX_BOUND)
		return -EIO;
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	total_len = min_t(size_t, total_len, skb->len);
	err = skb_copy_datagram_msg(skb, 0, m, total_len);
	if (err) {
		kfree_skb(skb);
		return err;
	}
	consume_skb(skb);
	return total_len;
}

/* PPPOEIOCSFWD: relay this session's frames to another session. */
static int pppoe_set_fwd(struct sock *sk, void __user *argp)
{
	struct pppoe_sock *po = pppoe_sk(sk);
	struct sockaddr_pppox relay;
	struct net_device *dev;
	struct pppoe_sock *to = NULL;

	if (sk->sk_state & (PPPOX_BOUND | PPPOX_DEAD))
		return -EBUSY;
	if (!(sk->sk_state & PPPOX_CONNECTED))
		return -ENOTCONN;
	if (copy_from_user(&relay, argp, sizeof(relay)))
		return -EFAULT;
	if (relay.sa_family != AF_PPPOX || relay.sa_protocol != PX_PROTO_OE)
		return -EINVAL;
	relay.sa_addr.pppoe.dev[IFNAMSIZ - 1] = '\0';
	rcu_read_lock();
	dev = dev_get_by_name_rcu(sock_net(sk), relay.sa_addr.pppoe.dev);
	if (dev)
		to = pppoe_table_get(pppoe_pernet(sock_net(sk)),
				     relay.sa_addr.pppoe.sid,
				     relay.sa_addr.pppoe.remote, dev->ifindex);
	rcu_read_unlock();
	if (!to)
		return -EINVAL;
	sock_put(pppoe_to_sk(to));
	po->relay = relay;
	sk->sk_state |= PPPOX_RELAY;
	return 0;
}

static int pppoe_mru_ioctl(struct sock *sk, unsigned int cmd, int __user *argp)
{
	struct net_device *dev = pppoe_dev_locked(pppoe_sk(sk));
	int mru, val;

	if (!(sk->sk_state & PPPOX_CONNECTED) || !dev)
		return -ENXIO;
	mru = dev->mtu - PPPOE_MTU_OVERHEAD;
	if (cmd == PPPIOCGMRU)
		return put_user(mru, argp) ? -EFAULT : 0;
	if (get_user(val, argp))
		return -EFAULT;
	return val < mru ? 0 : -EINVAL;
}

/* pppox_ioctl() calls this under the socket lock. */
static int pppoe_ioctl(struct socket *sock, unsigned int cmd,
		       unsigned long arg)
{
	struct sock *sk = sock->sk;
	int val;

	sock_owned_by_me(sk);
	switch (cmd) {
	case PPPIOCGMRU:
	case PPPIOCSMRU:
		return pppoe_mru_ioctl(sk, cmd, (int __user *)arg);
	case PPPIOCSFLAGS:
		/* Accepted and ignored, as in-tree. */
		if (copy_from_user(&val, (void __user *)arg, sizeof(val)))
			return -EFAULT;
		return 0;
	case PPPOEIOCSFWD:
		return pppoe_set_fwd(sk, (void __user *)arg);
	case PPPOEIOCDFWD:
		if (!(sk->sk_state & PPPOX_RELAY))
			return -EALREADY;
		sk->sk_state &= ~PPPOX_RELAY;
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct proto_ops pppoe_ops = {
	.family		= AF_PPPOX,
	.owner		= THIS_MODULE,
	.release	= pppoe_release,
	.bind		= sock_no_bind,
	.connect	= pppoe_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= sock_no_accept,
	.getname	= pppoe_getname,
	.poll		= datagram_poll,
	.listen		= sock_no_listen,
	.shutdown	= sock_no_shutdown,
	.sendmsg	= pppoe_sendmsg,
	.recvmsg	= pppoe_recvmsg,
	.mmap		= sock_no_mmap,
	.ioctl		= pppox_ioctl,
#ifdef CONFIG_COMPAT
	.compat_ioctl	= pppox_compat_ioctl,
#endif
};

struct proto pppoe_sk_proto __read_mostly = {
	.name	  = "PPPOE",
	.owner	  = THIS_MODULE,
	.obj_size = sizeof(struct pppoe_sock),
};

static int pppoe_create(struct net *net, struct socket *sock, int kern)
{
	struct pppoe_sock *po;
	struct sock *sk;

	sk = sk_alloc(net, PF_PPPOX, GFP_KERNEL, &pppoe_sk_proto, kern);
	if (!sk)
		return -ENOMEM;
	sock_init_data(sock, sk);
	sock->state = SS_UNCONNECTED;
	sock->ops = &pppoe_ops;
	sk->sk_backlog_rcv = pppoe_rcv_core;
	sk->sk_state = PPPOX_NONE;
	sk->sk_type = SOCK_STREAM;
	sk->sk_family = PF_PPPOX;
	sk->sk_protocol = PX_PROTO_OE;
	/* The receive path looks sockets up under RCU (pppoe_table.c). */
	sock_set_flag(sk, SOCK_RCU_FREE);
	po = pppoe_sk(sk);
	INIT_HLIST_NODE(&po->node);
	RCU_INIT_POINTER(po->dev, NULL);
	INIT_WORK(&po->padt_work, pppoe_padt_work);
	return 0;
}

const struct pppox_proto pppoe_proto = {
	.create	= pppoe_create,
	.ioctl	= pppoe_ioctl,
	.owner	= THIS_MODULE,
};

/*
 * End every session on @dev.  Each socket is locked with no table lock
 * held (the socket lock comes first); the reference taken under the
 * table lock keeps it alive in between, and pppoe_unbind() unhashes it,
 * so the next search does not find it again.  A socket bound meanwhile
 * to another device is left alone.
 */
static void pppoe_flush_dev(struct net_device *dev)
{
	struct pppoe_net *pn = pppoe_pernet(dev_net(dev));
	struct pppoe_sock *po;
	struct sock *sk;

	while ((po = pppoe_table_get_on_dev(pn, dev))) {
		sk = pppoe_to_sk(po);
		lock_sock(sk);
		if (rcu_access_pointer(po->dev) == dev)
			pppoe_unbind(po);
		release_sock(sk);
		sk->sk_state_change(sk);
		sock_put(sk);
	}
}

static int pppoe_device_event(struct notifier_block *nb, unsigned long event,
			      void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);

	switch (event) {
	case NETDEV_CHANGEADDR:
		/* Our MAC is part of the session for the peer. */
	case NETDEV_CHANGEMTU:
		/* LCP negotiated the MRU from the old MTU. */
	case NETDEV_GOING_DOWN:
	case NETDEV_DOWN:
		/*
		 * NETDEV_UNREGISTER too, although a device is always down
		 * before it is unregistered or moved to another netns: a
		 * missed session would pin the device for ever.  (Devices
		 * changing netns under live sessions is what once exposed
		 * the in-tree teardown paths: the session's table is that
		 * of the socket's netns, looked up by sock_net(), never by
		 * the device's netns of the moment.)
		 */
	case NETDEV_UNREGISTER:
		pppoe_flush_dev(dev);
		break;
	}
	return NOTIFY_DONE;
}

struct notifier_block pppoe_notifier = {
	.notifier_call = pppoe_device_event,
};
