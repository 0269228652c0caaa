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
 * TCP segments for the stack go through the unit's GRO context rather
 * than netif_rx(): GRO there merges the segments of a stream, so the
 * stack above handles a few large packets instead of many small ones,
 * and its ACKs thin out accordingly.  The poll runs in softirq on the
 * CPU whose receive path scheduled it, as netif_rx()'s backlog would.
 *
 * The context exists while the device is up (ndo_open to ndo_stop): a
 * unit that is down drops what it receives (ppp_receive_np()), and
 * one that was never brought up costs neither a NAPI set-up at creation
 * nor, where the context would not fit in the device's allocation,
 * its memory.  ->rx_gro is published and cleared under rlock, which
 * the receive path holds from reading it to napi_schedule(): once the
 * clearing section ends, no CPU can queue to the context or schedule
 * its poll, and ndo_stop waits for no grace period on that account.
 */

/* Frames waiting for the poll before more are dropped (netif_rx's default). */
#define PPP_RXQ_MAX	1000

/* Where the GRO context is, chosen once by ppp_rx_gro_layout(). */
static bool ppp_rx_gro_embedded __read_mostly;
/* The private size of a unit's device, for alloc_netdev() and rtnetlink. */
unsigned int ppp_unit_priv_size __read_mostly = sizeof(struct ppp_unit);

/* An embedded context follows the unit in the device's private area. */
#define PPP_RX_GRO_OFFSET \
	ALIGN(sizeof(struct ppp_unit), __alignof__(struct ppp_rx_gro))

/*
 * What alloc_netdev() asks kvzalloc() for, given the private size, is
 * at most the private area after struct net_device rounded up to
 * NETDEV_ALIGN, plus NETDEV_ALIGN - 1 to align the whole (6.1), and at
 * least struct net_device with the private area as its last member
 * (6.12, where the struct's size includes that member's alignment).
 */
static size_t ppp_netdev_bytes_max(size_t priv)
{
	return ALIGN(sizeof(struct net_device), NETDEV_ALIGN) + priv +
	       NETDEV_ALIGN - 1;
}

static size_t ppp_netdev_bytes_min(size_t priv)
{
	return sizeof(struct net_device) + priv;
}

/**
 * ppp_rx_gro_layout - choose where units keep their GRO context
 *
 * In the device's private area if the largest allocation that can
 * make is in the kmalloc bucket of the smallest without it: then it
 * costs no memory, whichever way the kernel sizes a net_device.
 * Otherwise allocated at ndo_open.  Sets ppp_unit_priv_size; called at
 * module load, before any unit can be created.
 */
void __init ppp_rx_gro_layout(void)
{
	size_t with = PPP_RX_GRO_OFFSET + sizeof(struct ppp_rx_gro);
	size_t without = sizeof(struct ppp_unit);

	ppp_rx_gro_embedded =
		kmalloc_size_roundup(ppp_netdev_bytes_max(with)) ==
		kmalloc_size_roundup(ppp_netdev_bytes_min(without));
	if (ppp_rx_gro_embedded)
		ppp_unit_priv_size = with;
	pr_debug(KBUILD_MODNAME ": unit %zu + net_device %zu bytes, GRO context %zu bytes %s\n",
		 without, sizeof(struct net_device), sizeof(struct ppp_rx_gro),
		 ppp_rx_gro_embedded ? "embedded" : "allocated at ndo_open");
}

static int ppp_rx_poll(struct napi_struct *napi, int budget)
{
	struct ppp_rx_gro *gro = container_of(napi, struct ppp_rx_gro, napi);
	struct sk_buff_head batch;
	struct sk_buff *skb;
	int done = 0;

	__skb_queue_head_init(&batch);
	spin_lock(&gro->rxq.lock);
	while (done < budget && (skb = __skb_dequeue(&gro->rxq))) {
		__skb_queue_tail(&batch, skb);
		done++;
	}
	spin_unlock(&gro->rxq.lock);

	while ((skb = __skb_dequeue(&batch)))
		napi_gro_receive(napi, skb);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

/* A zeroed context for ndo_open, or NULL (then frames go to netif_rx()). */
static struct ppp_rx_gro *ppp_rx_gro_get(struct ppp_unit *ppp)
{
	struct ppp_rx_gro *gro;

	if (!ppp_rx_gro_embedded)
		return kzalloc(sizeof(*gro), GFP_KERNEL);
	gro = (void *)ppp + PPP_RX_GRO_OFFSET;
	/*
	 * The last ndo_stop took the NAPI context off the device's RCU
	 * list of them (netpoll walks it without rtnl): no reader may
	 * still be on it when it is cleared and listed again.
	 */
	if (gro->stopped)
		cond_synchronize_rcu(gro->gp);
	memset(gro, 0, sizeof(*gro));
	return gro;
}

/* ndo_open: the context is set up, then published to the receive path. */
void ppp_rx_gro_start(struct ppp_unit *ppp)
{
	struct ppp_rx_gro *gro;

	ASSERT_RTNL();
	gro = ppp_rx_gro_get(ppp);
	if (!gro)
		return;
	skb_queue_head_init(&gro->rxq);
	/* no busy polling: nothing to poll but this queue */
	set_bit(NAPI_STATE_NO_BUSY_POLL, &gro->napi.state);
	netif_napi_add(ppp->dev, &gro->napi, ppp_rx_poll);
	napi_enable(&gro->napi);

	spin_lock_bh(&ppp->rlock);
	ppp->rx_gro = gro;
	spin_unlock_bh(&ppp->rlock);
}

/*
 * ndo_stop (also on the way to unregistration: an up device is closed
 * before ndo_uninit): unpublished under rlock, so no frame is queued
 * and no poll scheduled after it; then a running or scheduled poll is
 * waited for, and what GRO holds and what is queued is dropped.  Frames
 * that arrive before the core clears IFF_UP go to netif_rx().  The NAPI
 * context was on RCU lists: an allocated one is freed a grace period
 * later, an embedded one reused no sooner (ppp_rx_gro_get()).
 */
void ppp_rx_gro_stop(struct ppp_unit *ppp)
{
	struct ppp_rx_gro *gro = ppp->rx_gro;	/* written under rtnl */

	ASSERT_RTNL();
	if (!gro)
		return;
	spin_lock_bh(&ppp->rlock);
	ppp->rx_gro = NULL;
	spin_unlock_bh(&ppp->rlock);

	napi_disable(&gro->napi);
	__netif_napi_del(&gro->napi);
	skb_queue_purge(&gro->rxq);
	if (ppp_rx_gro_embedded) {
		gro->gp = get_state_synchronize_rcu();
		gro->stopped = true;
	} else {
		kfree_rcu(gro, rcu);
	}
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
	struct ppp_rx_gro *gro = ppp->rx_gro;
	struct sk_buff_head *q;
	bool first;

	lockdep_assert_held(&ppp->rlock);
	/* GRO rewrites headers, which a clone shares */
	if (!gro || !(ppp->dev->features & NETIF_F_GRO) ||
	    skb_cloned(skb) || !ppp_rx_is_tcp(skb)) {
		netif_rx(skb);
		return;
	}
	q = &gro->rxq;
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
		napi_schedule(&gro->napi);
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
