// SPDX-License-Identifier: GPL-2.0
/*
 * Receive, from ppp_input() (channel.c) on: decompression, VJ, then either
 * the network stack or the unit's queue for pppd.  Everything here runs
 * under the unit's rlock with BH disabled.
 */
#include <linux/ipv6.h>
#include "ppp_generic.h"

/* A frame was lost: count it and resync VJ, which relies on every frame. */
void ppp_receive_error(struct ppp_unit *ppp)
{
	lockdep_assert_held(&ppp->rlock);
	DEV_STATS_INC(ppp->dev, rx_errors);
	ppp_vj_toss(ppp);
}

/*
 * TCP segments for the stack go through the unit's NAPI context rather
 * than netif_rx(): GRO there merges the segments of a stream, so the
 * stack above handles a few large packets instead of many small ones,
 * and its ACKs thin out accordingly.  The poll runs in softirq on the
 * CPU whose receive path scheduled it, as netif_rx()'s backlog would.
 */

/* Frames waiting for the poll before more are dropped (netif_rx's default). */
#define PPP_RXQ_MAX	1000

static int ppp_rx_poll(struct napi_struct *napi, int budget)
{
	struct ppp_unit *ppp = container_of(napi, struct ppp_unit, napi);
	struct sk_buff_head batch;
	struct sk_buff *skb;
	int done = 0;

	__skb_queue_head_init(&batch);
	spin_lock(&ppp->rxq.lock);
	while (done < budget && (skb = __skb_dequeue(&ppp->rxq))) {
		__skb_queue_tail(&batch, skb);
		done++;
	}
	spin_unlock(&ppp->rxq.lock);

	while ((skb = __skb_dequeue(&batch)))
		napi_gro_receive(napi, skb);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

/* ndo_init: the NAPI context lives as long as the device's registration. */
void ppp_rx_napi_init(struct ppp_unit *ppp)
{
	skb_queue_head_init(&ppp->rxq);
	/* no busy polling: nothing to poll but this queue */
	set_bit(NAPI_STATE_NO_BUSY_POLL, &ppp->napi.state);
	netif_napi_add(ppp->dev, &ppp->napi, ppp_rx_poll);
	napi_enable(&ppp->napi);
}

/*
 * ndo_uninit, once the unit is closing (nothing is queued any more):
 * waits for a running poll, drops what GRO holds and what is queued.
 * The core waits for an RCU grace period before the device, and the
 * NAPI context in it, is freed.
 */
void ppp_rx_napi_stop(struct ppp_unit *ppp)
{
	ASSERT_RTNL();
	napi_disable(&ppp->napi);
	__netif_napi_del(&ppp->napi);
	skb_queue_purge(&ppp->rxq);
}

/*
 * TCP over IPv4 or IPv6 (no extension headers): what GRO can merge.
 * Other traffic, UDP first, would only pay for GRO's look at it, a
 * tenth more CPU per MB for UDP through a unit; it goes up as in-tree's.
 */
static bool ppp_rx_is_tcp(const struct sk_buff *skb)
{
	const u8 *proto;
	int off;
	u8 buf;

	switch (skb->protocol) {
	case htons(ETH_P_IP):
		off = offsetof(struct iphdr, protocol);
		break;
	case htons(ETH_P_IPV6):
		off = offsetof(struct ipv6hdr, nexthdr);
		break;
	default:
		return false;
	}
	proto = skb_header_pointer(skb, off, sizeof(buf), &buf);
	return proto && *proto == IPPROTO_TCP;
}

static void ppp_rx_to_stack(struct ppp_unit *ppp, struct sk_buff *skb)
{
	struct sk_buff_head *q = &ppp->rxq;
	bool first;

	/* GRO rewrites headers, which a clone shares */
	if (!(ppp->dev->features & NETIF_F_GRO) || skb_cloned(skb) ||
	    !ppp_rx_is_tcp(skb)) {
		netif_rx(skb);
		return;
	}
	spin_lock(&q->lock);
	if (skb_queue_len(q) >= PPP_RXQ_MAX) {
		spin_unlock(&q->lock);
		dev_core_stats_rx_dropped_inc(ppp->dev);
		kfree_skb(skb);
		return;
	}
	first = skb_queue_empty(q);
	__skb_queue_tail(q, skb);
	spin_unlock(&q->lock);
	if (first)
		napi_schedule(&ppp->napi);
}

/* Hand a network-protocol frame to the stack, if the unit lets it in. */
static void ppp_receive_np(struct ppp_unit *ppp, struct sk_buff *skb, int np)
{
	struct net_device *dev = ppp->dev;
	enum NPmode mode;
	bool active;
	int pass;

	pass = ppp_filter_pass(ppp, skb, true, &active);
	if (pass <= 0) {
		if (!pass)
			ppp_stat_drop(ppp, PPP_STAT_RX_FILTERED, skb->len);
		kfree_skb(skb);
		if (pass < 0)
			ppp_receive_error(ppp);	/* counted as in-tree */
		return;
	}
	if (active)
		ppp->last_recv = jiffies;

	mode = READ_ONCE(ppp->npmode[np]);
	if (!(dev->flags & IFF_UP) || mode != NPMODE_PASS) {
		ppp_stat_drop(ppp, !(dev->flags & IFF_UP) ? PPP_STAT_RX_IF_DOWN :
			      ppp_stat_npmode(mode, true), skb->len);
		kfree_skb(skb);
		return;
	}

	skb_pull_rcsum(skb, PPP_PROTO_LEN);
	skb->dev = dev;
	skb->protocol = ppp_np_ethertype(np);
	skb_reset_mac_header(skb);
	skb_scrub_packet(skb, !net_eq(ppp->net, dev_net(dev)));
	ppp_rx_to_stack(ppp, skb);
}

/**
 * ppp_receive_nonmp_frame - a whole (not multilink-fragmented) frame
 * @ppp: the unit (rlock held)
 * @skb: the frame, starting with a two-byte protocol field
 */
void ppp_receive_nonmp_frame(struct ppp_unit *ppp, struct sk_buff *skb)
{
	unsigned int len;
	int proto, np;

	lockdep_assert_held(&ppp->rlock);

	if (ppp->rstate & SC_DECOMP_RUN) {
		skb = ppp_ccp_decompress(ppp, skb);
		if (!skb)
			goto err;
	}
	/*
	 * The decompressor failed for good (pppd sees SC_DC_FERROR and
	 * closes CCP) and nothing may come in uncompressed: with MPPE that
	 * would let cleartext in.  Every frame is dropped until then, CCP
	 * included, and counted as an error, as in-tree.
	 */
	if ((ppp->flags & SC_MUST_COMP) && (ppp->rstate & SC_DC_FERROR)) {
		ppp_stat_drop(ppp, PPP_STAT_RX_CCP_MUST_COMP, skb->len);
		goto drop;
	}

	proto = get_unaligned_be16(skb->data);
	if (proto == PPP_VJC_COMP || proto == PPP_VJC_UNCOMP) {
		len = skb->len;
		skb = ppp_vj_decompress(ppp, skb, proto);
		if (!skb) {
			ppp_stat_drop(ppp, PPP_STAT_RX_VJ, len);
			goto err;
		}
		proto = PPP_IP;
	} else if (proto == PPP_CCP) {
		ppp_ccp_peek(ppp, skb, true);
	}

	ppp_netdev_rx_stats(ppp, skb->len - PPP_PROTO_LEN);

	np = ppp_np_index(proto);
	/*
	 * pppd answers these with a Protocol-Reject; a compressed frame
	 * here is a failed decompression, counted as such.
	 */
	if (np < 0 && proto < 0x8000 && proto != PPP_COMP)
		ppp_stat_inc(ppp, PPP_STAT_RX_UNKNOWN_PROTO);
	if (np < 0)
		ppp_file_queue_rx(&ppp->file, skb);	/* NCPs, CCP: pppd */
	else
		ppp_receive_np(ppp, skb, np);
	return;

drop:
	kfree_skb(skb);
err:
	ppp_receive_error(ppp);
}

/**
 * ppp_receive_frame - a frame for a unit
 * @ppp: the unit (rlock held)
 * @skb: the frame, starting with a two-byte protocol field
 * @pch: the channel it came in on
 */
void ppp_receive_frame(struct ppp_unit *ppp, struct sk_buff *skb,
		       struct ppp_chan *pch)
{
	lockdep_assert_held(&ppp->rlock);
	skb_checksum_complete_unset(skb);
	if (get_unaligned_be16(skb->data) == PPP_MP)
		ppp_mp_receive(ppp, skb, pch);
	else
		ppp_receive_nonmp_frame(ppp, skb);
}
