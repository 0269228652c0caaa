// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe: what leaves for the wire.  The PPP channel's start_xmit (frames
 * from ppp_generic, PPP protocol first), the relay, and sendmsg() on a
 * connected socket all put a session header (version/type 1/1, code 0,
 * the session id, the payload length) and the Ethernet header to the
 * peer in front of the frame.
 */
#include <linux/etherdevice.h>
#include <linux/ppp_channel.h>
#include "pppoe.h"
#include "ppp_tx_offload.h"

/* Puts the headers in front of @skb's @len bytes and sends it on @dev. */
static int pppoe_push_hdrs(struct pppoe_sock *po, struct net_device *dev,
			   struct sk_buff *skb)
{
	unsigned int len = skb->len;
	struct pppoe_hdr *ph;

	/*
	 * Room for the device's own link-layer needs (LL_RESERVED_SPACE:
	 * a VLAN or tunnel device below us wants more than ETH_HLEN; the
	 * in-tree driver once reserved only the Ethernet header) and ours.
	 * skb_cow_head() also unshares a cloned header.
	 */
	if (skb_cow_head(skb, LL_RESERVED_SPACE(dev) + sizeof(*ph)))
		return -ENOMEM;
	ph = skb_push(skb, sizeof(*ph));
	skb_reset_network_header(skb);
	*(u8 *)ph = PPPOE_VER_TYPE;
	ph->code = PPPOE_CODE_SESSION;
	ph->sid = po->px.num;
	ph->length = htons(len);
	skb->protocol = htons(ETH_P_PPP_SES);
	skb->dev = dev;
	if (dev_hard_header(skb, dev, ETH_P_PPP_SES, po->pa.remote, NULL,
			    len) < 0)
		return -EINVAL;
	dev_queue_xmit(skb);
	return 0;
}

/**
 * pppoe_xmit_on - send a PPP frame in @po's session
 * @po: the session
 * @skb: the frame (consumed in every case)
 *
 * From ppp_generic (which guarantees no call is in progress once the
 * channel is unregistered, so sk_state is stable and the socket lock
 * must not be taken here: unbinding holds it while it waits for us) and
 * from the relay, which only holds a socket reference: the device
 * pointer is therefore read under RCU, which pppoe_unbind() waits for
 * before it drops the device.
 *
 * Return: 1, the frame was taken (a dropped frame is never handed back:
 * ppp_generic would send it again, the in-tree driver once freed it twice).
 */
int pppoe_xmit_on(struct pppoe_sock *po, struct sk_buff *skb)
{
	struct sock *sk = pppoe_to_sk(po);
	struct net_device *dev;

	rcu_read_lock();
	dev = rcu_dereference(po->dev);
	if (!dev || sock_flag(sk, SOCK_DEAD) ||
	    !(READ_ONCE(sk->sk_state) & PPPOX_CONNECTED) ||
	    pppoe_push_hdrs(po, dev, skb)) {
		pppoe_sess_count(po, PPP_LINK_TX_DROPPED);
		kfree_skb(skb);
	}
	rcu_read_unlock();
	return 1;
}

static int pppoe_start_xmit(struct ppp_channel *chan, struct sk_buff *skb)
{
	return pppoe_xmit_on(pppoe_sk(chan->private), skb);
}

#ifdef PPP_COMPAT_CHAN_FILL_FORWARD_PATH
/*
 * The unit's ndo_fill_forward_path asks its channel where its frames go:
 * PPPoE session po->px.num to the peer's MAC, out of the session's
 * device.  nftables flowtables then encapsulate and strip the session
 * header themselves.
 */
static int pppoe_fill_forward_path(struct net_device_path_ctx *ctx,
				   struct net_device_path *path,
				   const struct ppp_channel *chan)
{
	struct sock *sk = chan->private;
	struct pppoe_sock *po = pppoe_sk(sk);
	struct net_device *dev;
	int err = -1;

	rcu_read_lock();
	dev = rcu_dereference(po->dev);
	if (dev && !sock_flag(sk, SOCK_DEAD) &&
	    (READ_ONCE(sk->sk_state) & PPPOX_CONNECTED)) {
		path->type = DEV_PATH_PPPOE;
		path->encap.proto = htons(ETH_P_PPP_SES);
		path->encap.id = be16_to_cpu(po->px.num);
		ether_addr_copy(path->encap.h_dest, po->pa.remote);
		ether_addr_copy(ctx->daddr, po->pa.remote);
		path->dev = ctx->dev;
		ctx->dev = dev;
		err = 0;
	}
	rcu_read_unlock();
	return err;
}
#endif

/**
 * pppoe_offer_tx_offload - take the segments of GSO frames as they are
 * @po: a session whose channel was just registered
 *
 * dev_queue_xmit() linearizes a scatter-gather frame for a device without
 * NETIF_F_SG, so our ppp_generic may keep TSO and hand us its segments
 * without a copy of the payload.  A no-op on the in-tree ppp_generic.
 */
void pppoe_offer_tx_offload(struct pppoe_sock *po)
{
	ppp_tx_offload_offer(&po->px.chan);
}

const struct ppp_channel_ops pppoe_chan_ops = {
	.start_xmit = pppoe_start_xmit,
#ifdef PPP_COMPAT_CHAN_FILL_FORWARD_PATH
	.fill_forward_path = pppoe_fill_forward_path,
#endif
};

/**
 * pppoe_sendmsg - send one PPP frame from userspace in the session
 * @sock: a connected PPPoE socket
 * @m: the frame, PPP protocol first
 * @total_len: its length
 *
 * Return: @total_len, or -ENOTCONN, -EMSGSIZE, -ENOMEM, -EFAULT.
 */
int pppoe_sendmsg(struct socket *sock, struct msghdr *m, size_t total_len)
{
	struct sock *sk = sock->sk;
	struct pppoe_sock *po = pppoe_sk(sk);
	struct net_device *dev;
	struct sk_buff *skb;
	int err;

	lock_sock(sk);
	dev = rcu_dereference_protected(po->dev, lockdep_sock_is_held(sk));
	err = -ENOTCONN;
	if (sock_flag(sk, SOCK_DEAD) || !(sk->sk_state & PPPOX_CONNECTED) ||
	    !dev)
		goto out;
	err = -EMSGSIZE;
	if (total_len > dev->mtu + dev->hard_header_len)
		goto out;
	err = -ENOMEM;
	skb = sock_wmalloc(sk, LL_RESERVED_SPACE(dev) + sizeof(struct pppoe_hdr) +
			   total_len + dev->needed_tailroom, 0, GFP_KERNEL);
	if (!skb)
		goto out;
	skb_reserve(skb, LL_RESERVED_SPACE(dev) + sizeof(struct pppoe_hdr));
	skb->priority = READ_ONCE(sk->sk_priority);
	err = memcpy_from_msg(skb_put(skb, total_len), m, total_len);
	if (err < 0) {
		/* Not sent: still ours to free. */
		kfree_skb(skb);
		goto out;
	}
	err = pppoe_push_hdrs(po, dev, skb);
	if (err)
		kfree_skb(skb);
	else
		err = total_len;
out:
	release_sock(sk);
	return err;
}
