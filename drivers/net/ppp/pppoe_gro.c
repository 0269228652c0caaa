// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe: GRO for session frames.  A NIC driver (or a veth with GRO on)
 * hands its frames to napi_gro_receive(); with this offload the TCP
 * segments of one of our sessions are merged there, under their PPPoE
 * header, before the packet handler runs.  pppoe_rcv(), ppp_input() and
 * the unit then handle one frame for a whole burst instead of one per
 * segment.
 *
 * Only frames that will end in ppp_input() are merged: sent to this
 * host, for a session that is ours (the table has its sid, peer MAC and
 * the receiving device's ifindex) and bound to a PPP channel, carrying
 * IPv4 or IPv6 with TCP in it and no padding, on a device without an
 * rx_handler (a bridge, bond or macvlan port would pass the frame on to
 * somewhere that expects wire-sized frames: there is no GSO for PPPoE
 * to cut it up again).  Everything else, discovery, relayed sessions
 * and those a user-mode pppoe reads from a packet socket included, goes
 * up as it came.  The merged frame's length field is rewritten to cover it all,
 * so pppoe_rcv() checks it like any other.
 */
#include <linux/etherdevice.h>
#include <linux/if_pppox.h>
#include <linux/ipv6.h>
#include <linux/ppp_defs.h>
#include <net/gro.h>
#include "pppoe.h"

#ifdef PPP_COMPAT_GRO

/* The session header and the PPP protocol field after it. */
#define PPPOE_GRO_HLEN	(sizeof(struct pppoe_hdr) + 2)
/* Looked at: those and the first 20 bytes of IP, which any TCP has. */
#define PPPOE_GRO_PEEK	(PPPOE_GRO_HLEN + sizeof(struct iphdr))

/* The inner protocol's ethertype for a PPP protocol GRO may merge. */
static __be16 pppoe_gro_type(__be16 proto)
{
	switch (proto) {
	case htons(PPP_IP):
		return htons(ETH_P_IP);
	case htons(PPP_IPV6):
		return htons(ETH_P_IPV6);
	}
	return 0;
}

/*
 * TCP in the IP header @ip.  The caller fetched it with the PPPoE header
 * in one skb_gro_header(): a second fetch may pull the frame into a new
 * head and leave the first pointer dangling.
 */
static bool pppoe_gro_is_tcp(const u8 *ip, __be16 type)
{
	if (type == htons(ETH_P_IP))
		return ip[offsetof(struct iphdr, protocol)] == IPPROTO_TCP;
	return ip[offsetof(struct ipv6hdr, nexthdr)] == IPPROTO_TCP;
}

/* A session of ours, bound to a PPP channel, on the receiving device. */
static bool pppoe_gro_session(struct sk_buff *skb, __be16 sid)
{
	struct net_device *dev = skb->dev;
	struct pppoe_sock *po;

	if (!skb_mac_header_was_set(skb) || skb_mac_header_len(skb) < ETH_HLEN)
		return false;
	po = pppoe_table_find_rcu(pppoe_pernet(dev_net(dev)), sid,
				  eth_hdr(skb)->h_source, dev->ifindex);
	return po && (READ_ONCE(pppoe_to_sk(po)->sk_state) & PPPOX_BOUND);
}

static struct sk_buff *pppoe_gro_receive(struct list_head *head,
					 struct sk_buff *skb)
{
	const struct packet_offload *ptype;
	unsigned int off = skb_gro_offset(skb);
	struct sk_buff *pp = NULL, *p;
	const struct pppoe_hdr *ph;
	__be16 proto, type;
	int flush = 1;

	ph = skb_gro_header(skb, off + PPPOE_GRO_PEEK, off);
	if (!ph || skb->pkt_type != PACKET_HOST ||
	    *(const u8 *)ph != PPPOE_VER_TYPE ||
	    ph->code != PPPOE_CODE_SESSION ||
	    ntohs(ph->length) != skb_gro_len(skb) - sizeof(*ph) ||
	    rcu_access_pointer(skb->dev->rx_handler))
		goto out;
	proto = *(const __be16 *)(ph + 1);
	type = pppoe_gro_type(proto);
	if (!type || !pppoe_gro_is_tcp((const u8 *)ph + PPPOE_GRO_HLEN, type) ||
	    !pppoe_gro_session(skb, ph->sid))
		goto out;
	ptype = gro_find_receive_by_type(type);
	if (!ptype)
		goto out;
	flush = 0;

	/*
	 * Held frames of another session or protocol are another flow; the
	 * merge must keep the 16-bit length field, which only a raised
	 * gro_ipv4_max_size could take past.
	 */
	list_for_each_entry(p, head, list) {
		const struct pppoe_hdr *ph2;

		if (!NAPI_GRO_CB(p)->same_flow)
			continue;
		ph2 = (const struct pppoe_hdr *)(p->data + off);
		if (ph2->sid != ph->sid || *(const __be16 *)(ph2 + 1) != proto) {
			NAPI_GRO_CB(p)->same_flow = 0;
			continue;
		}
		if (p->len + skb_gro_len(skb) - PPPOE_GRO_HLEN > U16_MAX)
			NAPI_GRO_CB(skb)->flush = 1;
	}

	skb_gro_pull(skb, PPPOE_GRO_HLEN);
	skb_gro_postpull_rcsum(skb, ph, PPPOE_GRO_HLEN);
	pp = call_gro_receive(ptype->callbacks.gro_receive, head, skb);
out:
	skb_gro_flush_final(skb, pp, flush);
	return pp;
}

static int pppoe_gro_complete(struct sk_buff *skb, int nhoff)
{
	struct pppoe_hdr *ph = (struct pppoe_hdr *)(skb->data + nhoff);
	const struct packet_offload *ptype;
	__be16 type = pppoe_gro_type(*(__be16 *)(ph + 1));
	int err = -ENOENT;

	ptype = gro_find_complete_by_type(type);
	if (ptype)
		err = ptype->callbacks.gro_complete(skb, nhoff + PPPOE_GRO_HLEN);
	ph->length = htons(skb->len - nhoff - sizeof(*ph));
	return err;
}

static struct packet_offload pppoe_ses_offload __read_mostly = {
	.type = cpu_to_be16(ETH_P_PPP_SES),
	.priority = 10,
	.callbacks = {
		.gro_receive = pppoe_gro_receive,
		.gro_complete = pppoe_gro_complete,
	},
};

void pppoe_gro_init(void)
{
	dev_add_offload(&pppoe_ses_offload);
}

/* Waits (synchronize_net()) until no CPU is in the callbacks. */
void pppoe_gro_exit(void)
{
	dev_remove_offload(&pppoe_ses_offload);
}

#endif /* PPP_COMPAT_GRO */
