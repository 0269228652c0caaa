// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe: what arrives from the wire.  Session frames (0x8864) go to the
 * session's PPP channel, to its relay target, or (before pppd has taken
 * the channel) onto the socket; of the discovery frames (0x8863) only a
 * PADT is looked at, and it ends the session it names.
 *
 * Every header field is checked (pppoe_wire.c) before it is used, and
 * the peer's MAC is read only once the frame is known to have an
 * Ethernet header: a packet socket on a device without one (a tun, an
 * IP-only tunnel) once made the in-tree driver read it from beyond the
 * frame.
 */
#include <linux/etherdevice.h>
#include <linux/ppp_channel.h>
#include "pppoe.h"

/* A frame for PPPOEIOCSFWD: out by the session the relay address names. */
static int pppoe_relay_rcv(struct pppoe_sock *po, struct sk_buff *skb)
{
	struct net *net = sock_net(pppoe_to_sk(po));
	const struct pppoe_addr *to_pa = &po->relay.sa_addr.pppoe;
	struct pppoe_sock *to = NULL;
	struct net_device *dev;

	rcu_read_lock();
	dev = dev_get_by_name_rcu(net, to_pa->dev);
	if (dev)
		to = pppoe_table_get(pppoe_pernet(net), to_pa->sid,
				     to_pa->remote, dev->ifindex);
	rcu_read_unlock();
	if (!to) {
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	/*
	 * The target is pinned by our reference, put on every path (the
	 * in-tree relay had to be fixed for its reference counting); its
	 * device is read under RCU in pppoe_xmit_on(), which is what the
	 * target's unbind waits for before dropping it.
	 */
	pppoe_xmit_on(to, skb);
	sock_put(pppoe_to_sk(to));
	return NET_RX_SUCCESS;
}

/**
 * pppoe_rcv_core - deliver a session frame to its socket
 * @sk: the session's socket; run under bh_lock_sock() or from the
 *      backlog, so sk_state does not change under us
 * @skb: the frame, PPPoE header pulled (data at the PPP protocol)
 *
 * Return: NET_RX_SUCCESS or NET_RX_DROP.
 */
int pppoe_rcv_core(struct sock *sk, struct sk_buff *skb)
{
	struct pppoe_sock *po = pppoe_sk(sk);

	if (sk->sk_state & PPPOX_BOUND) {
		ppp_input(&po->px.chan, skb);
		return NET_RX_SUCCESS;
	}
	if (sk->sk_state & PPPOX_RELAY)
		return pppoe_relay_rcv(po, skb);
	/* Connected, not yet bound: pppox hands these to the channel at
	 * PPPIOCGCHAN.  A socket torn down meanwhile takes nothing.
	 */
	if (!(sk->sk_state & PPPOX_CONNECTED) || sock_queue_rcv_skb(sk, skb)) {
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	return NET_RX_SUCCESS;
}

/* The frame has an Ethernet header to read the peer's MAC from. */
static bool pppoe_has_eth_hdr(const struct sk_buff *skb)
{
	return skb_mac_header_was_set(skb) && skb_mac_header_len(skb) >= ETH_HLEN;
}

/*
 * A frame with a readable header that failed @verdict: counted for the
 * netns and, when its session id and source name a session of ours, for
 * that session too, where ethtool -S on its unit shows it.
 */
static void pppoe_count_bad(struct pppoe_net *pn, struct sk_buff *skb,
			    struct net_device *dev,
			    enum pppoe_hdr_verdict verdict)
{
	struct pppoe_sock *po;

	pppoe_stat_inc(pn, rx_bad_header);
	po = pppoe_table_get(pn, pppoe_hdr(skb)->sid, eth_hdr(skb)->h_source,
			     dev->ifindex);
	if (!po)
		return;
	pppoe_sess_count(po, verdict == PPPOE_HDR_LENGTH ?
			 PPP_LINK_RX_BAD_LENGTH : PPP_LINK_RX_BAD_HEADER);
	sock_put(pppoe_to_sk(po));
}

static int pppoe_rcv(struct sk_buff *skb, struct net_device *dev,
		     struct packet_type *pt, struct net_device *orig_dev)
{
	struct pppoe_net *pn = pppoe_pernet(dev_net(dev));
	enum pppoe_hdr_verdict verdict;
	struct pppoe_sock *po;
	unsigned int plen;

	/* Sent to another station's MAC (a promiscuous device). */
	if (skb->pkt_type == PACKET_OTHERHOST)
		goto drop;
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	/* Too short to name a session: the netns counts it. */
	if (!pppoe_has_eth_hdr(skb) ||
	    !pskb_may_pull(skb, sizeof(struct pppoe_hdr) + 2)) {
		pppoe_stat_inc(pn, rx_bad_header);
		goto drop;
	}
	verdict = pppoe_check_session(skb->data, skb->len, &plen);
	if (verdict != PPPOE_HDR_OK) {
		pppoe_count_bad(pn, skb, dev, verdict);
		goto drop;
	}
	po = pppoe_table_get(pn, pppoe_hdr(skb)->sid, eth_hdr(skb)->h_source,
			     dev->ifindex);
	if (!po) {
		pppoe_stat_inc(pn, rx_unknown_session);
		goto drop;
	}
	/* Anything past the length field is Ethernet padding. */
	skb_pull_rcsum(skb, sizeof(struct pppoe_hdr));
	if (pskb_trim_rcsum(skb, plen)) {
		pppoe_sess_count(po, PPP_LINK_RX_NOBUF);
		sock_put(pppoe_to_sk(po));
		goto drop;
	}
	/* Runs pppoe_rcv_core() and drops our reference. */
	return sk_receive_skb(pppoe_to_sk(po), skb, 0);

drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

/**
 * pppoe_padt_work - end a session its peer terminated
 * @work: the socket's padt_work; the PADT handler holds a socket
 *        reference for it
 *
 * Unbinding unregisters the PPP channel, which sleeps, hence a work item
 * and not the receive path.  The device goes with the channel: the
 * in-tree handler once unbound the channel only and kept its device
 * reference, so that device could never be unregistered afterwards.
 * pppd sees the channel hang up, as with the in-tree driver.
 */
void pppoe_padt_work(struct work_struct *work)
{
	struct pppoe_sock *po = container_of(work, struct pppoe_sock, padt_work);
	struct sock *sk = pppoe_to_sk(po);

	lock_sock(sk);
	pppoe_unbind(po);
	release_sock(sk);
	sk->sk_state_change(sk);
	sock_put(sk);
}

static int pppoe_disc_rcv(struct sk_buff *skb, struct net_device *dev,
			  struct packet_type *pt, struct net_device *orig_dev)
{
	struct pppoe_net *pn = pppoe_pernet(dev_net(dev));
	struct pppoe_sock *po;

	if (skb->pkt_type != PACKET_HOST)
		goto drop;
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	if (!pppoe_has_eth_hdr(skb) ||
	    !pskb_may_pull(skb, sizeof(struct pppoe_hdr)) ||
	    pppoe_check_disc(skb->data, skb->len) != PPPOE_HDR_OK) {
		pppoe_stat_inc(pn, rx_bad_header);
		goto drop;
	}
	if (pppoe_hdr(skb)->code != PADT_CODE)
		goto drop;
	pppoe_stat_inc(pn, rx_padt);
	po = pppoe_table_get(pn, pppoe_hdr(skb)->sid, eth_hdr(skb)->h_source,
			     dev->ifindex);
	if (po)
		pppoe_sess_count(po, PPP_LINK_RX_PADT);
	/* A storm of PADTs queues the work once; the others give back
	 * their reference.
	 */
	if (po && !schedule_work(&po->padt_work))
		sock_put(pppoe_to_sk(po));
drop:
	kfree_skb(skb);
	/* pppoe-server and the plugin read discovery on packet sockets. */
	return NET_RX_SUCCESS;
}

struct packet_type pppoe_ses_ptype __read_mostly = {
	.type	= cpu_to_be16(ETH_P_PPP_SES),
	.func	= pppoe_rcv,
};

struct packet_type pppoe_disc_ptype __read_mostly = {
	.type	= cpu_to_be16(ETH_P_PPP_DISC),
	.func	= pppoe_disc_rcv,
};
