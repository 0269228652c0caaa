// SPDX-License-Identifier: GPL-2.0
/*
 * Transmit: ppp_start_xmit -> ppp_xmit_process -> ppp_send_frame ->
 * ppp_push -> the channel's start_xmit.
 *
 * A unit sends one frame at a time.  When the channel is busy it keeps
 * the frame in ->xmit_pending and stops the device queue; the channel's
 * ppp_output_wakeup() later pushes the frame and wakes the queue.
 */
#include <net/gso.h>
#include "ppp_generic.h"
#include "ppp_trace.h"
#include "ppp_tx_offload.h"

static const struct {
	u16 proto;
	__be16 ethertype;
} ppp_np_map[PPP_NP_COUNT] = {
	[PPP_NP_IP]	 = { PPP_IP,	  htons(ETH_P_IP) },
	[PPP_NP_IPV6]	 = { PPP_IPV6,	  htons(ETH_P_IPV6) },
	[PPP_NP_IPX]	 = { PPP_IPX,	  htons(ETH_P_IPX) },
	[PPP_NP_AT]	 = { PPP_AT,	  htons(ETH_P_PPPTALK) },
	[PPP_NP_MPLS_UC] = { PPP_MPLS_UC, htons(ETH_P_MPLS_UC) },
	[PPP_NP_MPLS_MC] = { PPP_MPLS_MC, htons(ETH_P_MPLS_MC) },
};

/* Index into ppp->npmode for a PPP protocol number, or -1. */
int ppp_np_index(int proto)
{
	int i;

	for (i = 0; i < PPP_NP_COUNT; i++)
		if (ppp_np_map[i].proto == proto)
			return i;
	return -1;
}

__be16 ppp_np_ethertype(int np)
{
	return ppp_np_map[np].ethertype;
}

static int ppp_np_from_ethertype(__be16 ethertype)
{
	int i;

	for (i = 0; i < PPP_NP_COUNT; i++)
		if (ppp_np_map[i].ethertype == ethertype)
			return i;
	return -1;
}

/**
 * ppp_channel_set_tx_offload - say whether a channel takes segmented frames
 * @chan: a registered channel
 * @on: true if its start_xmit takes scatter-gather frames and hands them
 *	on to a network device as they are (dev_queue_xmit()), their
 *	checksum marked CHECKSUM_UNNECESSARY
 *
 * A unit whose only channel says so, and which neither compresses nor
 * splits frames, keeps TSO: it cuts a GSO frame into segments that share
 * the payload's pages, sums their checksums and marks them summed, so
 * that a receiver behind a virtual link does not sum them again.  Other
 * channels get linear, summed frames, as if the unit had no offloads.
 * Drivers look this up with symbol_get() (see ppp_tx_offload.h): the
 * in-tree ppp_generic has none.
 */
void ppp_channel_set_tx_offload(struct ppp_channel *chan, bool on)
{
	struct ppp_chan *pch = chan->ppp;

	if (pch)
		WRITE_ONCE(pch->file.tx_offload, on);
}
EXPORT_SYMBOL_GPL(ppp_channel_set_tx_offload);

/**
 * ppp_xmit_can_offload - may the unit keep TSO for its channel?
 * @ppp: the unit
 *
 * Only when every frame goes unchanged to one channel whose driver said it
 * takes segmented frames (ppp_channel_set_tx_offload()): multilink cuts
 * frames up, VJ and CCP rewrite them and demand dialling hands them to
 * pppd, all from a linear frame with its checksum filled in.  Read
 * locklessly: a frame that finds the answer changed by the time it is
 * sent is finished in software there (ppp_start_xmit(),
 * ppp_xmit_sw_csum()).
 *
 * Return: true if GSO frames may reach ppp_start_xmit().
 */
bool ppp_xmit_can_offload(struct ppp_unit *ppp)
{
	unsigned int flags = READ_ONCE(ppp->flags);
	struct ppp_chan *pch;
	bool ok;

	if (flags & (SC_MULTILINK | SC_LOOP_TRAFFIC) ||
	    (READ_ONCE(ppp->xstate) & SC_COMP_RUN) ||
	    ((flags & SC_COMP_TCP) && READ_ONCE(ppp->vj)) ||
	    READ_ONCE(ppp->n_channels) != 1)
		return false;
	rcu_read_lock();
	pch = list_first_or_null_rcu(&ppp->channels, struct ppp_chan, clist);
	ok = pch && READ_ONCE(pch->file.tx_offload);
	rcu_read_unlock();
	return ok;
}

/*
 * The segments' checksums were summed here, over data the stack wrote or
 * GRO verified: a receiver at the far end of a virtual link (veth) may
 * skip summing them again.  The bytes are complete, so a reader of the
 * raw frames (a user-mode PPPoE server on a packet socket) sees them
 * right, which it would not with the checksum left to the device.
 */
static void ppp_xmit_mark_summed(struct sk_buff *segs)
{
	struct sk_buff *skb;

	for (skb = segs; skb; skb = skb->next)
		if (skb->ip_summed == CHECKSUM_NONE)
			skb->ip_summed = CHECKSUM_UNNECESSARY;
}

/*
 * A GSO frame (the unit advertises TSO, netdev.c) cut into MTU-sized
 * frames with their checksums summed: sharing the payload's pages when
 * the channel takes that, else linear, as the core would have made them.
 * Return: the list of frames, or NULL after freeing @skb.
 */
static struct sk_buff *ppp_xmit_segment(struct ppp_unit *ppp,
					struct sk_buff *skb)
{
	bool offload = ppp_xmit_can_offload(ppp);
	struct sk_buff *segs;

	/* No link-layer header: the network header is the MAC one. */
	skb_reset_mac_header(skb);
	segs = skb_gso_segment(skb, offload ? NETIF_F_SG : 0);
	if (IS_ERR(segs)) {
		kfree_skb(skb);
		return NULL;
	}
	if (!segs)
		return skb;
	consume_skb(skb);
	if (offload)
		ppp_xmit_mark_summed(segs);
	return segs;
}

/* Puts the PPP protocol field in front of each frame; drops those without room. */
static struct sk_buff *ppp_xmit_add_proto(struct ppp_unit *ppp,
					  struct sk_buff *segs, u16 proto)
{
	struct sk_buff *skb, *next, *head = NULL, **tail = &head;

	skb_list_walk_safe(segs, skb, next) {
		skb_mark_not_on_list(skb);
		if (skb_cow_head(skb, PPP_HDRLEN)) {
			kfree_skb(skb);
			DEV_STATS_INC(ppp->dev, tx_dropped);
			continue;
		}
		put_unaligned_be16(proto, skb_push(skb, PPP_PROTO_LEN));
		*tail = skb;
		tail = &skb->next;
	}
	return head;
}

netdev_tx_t ppp_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct ppp_unit *ppp = ppp_dev_unit(dev);
	enum NPmode mode;
	int np;

	np = ppp_np_from_ethertype(skb->protocol);
	if (np < 0) {
		ppp_stat_drop(ppp, PPP_STAT_TX_UNKNOWN_PROTO, skb->len);
		goto drop;
	}
	/* QUEUE and ERROR behave as DROP, as in-tree. */
	mode = READ_ONCE(ppp->npmode[np]);
	if (mode != NPMODE_PASS) {
		ppp_stat_drop(ppp, ppp_stat_npmode(mode, false), skb->len);
		goto drop;
	}
	skb_scrub_packet(skb, !net_eq(ppp->net, dev_net(dev)));
	if (skb_is_gso(skb)) {
		skb = ppp_xmit_segment(ppp, skb);
		if (!skb) {
			DEV_STATS_INC(dev, tx_dropped);
			return NETDEV_TX_OK;
		}
	}
	skb = ppp_xmit_add_proto(ppp, skb, ppp_np_map[np].proto);
	if (skb)
		ppp_xmit_process(ppp, skb);
	return NETDEV_TX_OK;

drop:
	kfree_skb(skb);
	DEV_STATS_INC(dev, tx_dropped);
	return NETDEV_TX_OK;
}

/*
 * The checksum a frame left to the device (CHECKSUM_PARTIAL), filled in
 * before a path that reads or rewrites the frame and before any channel:
 * a frame's bytes must be complete where they may reach a packet socket
 * (user-mode PPPoE on the far end of a veth).  Only a frame that raced a
 * change of the unit (ppp_netdev_features_check()) gets here with one.
 * Return: 0, or an error and the frame must be dropped.
 */
static int ppp_xmit_sw_csum(struct sk_buff *skb)
{
	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;
	return skb_checksum_help(skb);
}

/* The channel's start_xmit, and the ppp:ppp_xmit event if it took @skb. */
static bool ppp_chan_xmit(struct ppp_unit *ppp, struct ppp_chan *pch,
			  struct ppp_channel *chan, struct sk_buff *skb)
{
	unsigned int len;
	u16 proto;

	if (!trace_ppp_xmit_enabled())
		return chan->ops->start_xmit(chan, skb);
	proto = get_unaligned_be16(skb->data);
	len = skb->len;
	if (!chan->ops->start_xmit(chan, skb))
		return false;
	trace_ppp_xmit(ppp->file.index, proto, len, pch->file.index);
	return true;
}

/*
 * What a channel gets: the checksum filled in, and a linear frame unless
 * it said it takes others.
 */
static int ppp_xmit_finish(struct ppp_chan *pch, struct ppp_channel *chan,
			   struct sk_buff *skb)
{
	if (ppp_xmit_sw_csum(skb))
		return -ENOMEM;
	if (!ppp_compat_chan_direct_xmit(chan) &&
	    !READ_ONCE(pch->file.tx_offload))
		return skb_linearize(skb);
	return 0;
}

/* Hand the pending frame to a channel; caller holds wlock. */
static void ppp_push(struct ppp_unit *ppp)
{
	struct sk_buff *skb = ppp->xmit_pending;
	struct ppp_channel *chan;
	struct ppp_chan *pch;

	lockdep_assert_held(&ppp->wlock);
	if (!skb)
		return;

	pch = list_first_entry_or_null(&ppp->channels, struct ppp_chan, clist);
	if (!pch) {
		/* Nowhere to send it. */
		ppp->xmit_pending = NULL;
		ppp_stat_drop(ppp, PPP_STAT_TX_NO_CHANNEL, skb->len);
		kfree_skb(skb);
		return;
	}
	if (ppp->flags & SC_MULTILINK) {
		/* Fragments are cut from the finished frame. */
		if (ppp_xmit_sw_csum(skb)) {
			ppp->xmit_pending = NULL;
			kfree_skb(skb);
			DEV_STATS_INC(ppp->dev, tx_errors);
			return;
		}
		if (ppp_mp_xmit(ppp, skb))
			ppp->xmit_pending = NULL;
		return;
	}

	spin_lock(&pch->downl);
	chan = pch->chan;
	if (!chan)
		ppp_stat_drop(ppp, PPP_STAT_TX_NO_CHANNEL, skb->len);
	if (!chan || ppp_xmit_finish(pch, chan, skb)) {
		/*
		 * Unregistered under us: the frame is lost with the line; or
		 * the channel needs a linear frame or a checksum filled in
		 * and there is no memory.
		 */
		ppp->xmit_pending = NULL;
		kfree_skb(skb);
	} else if (ppp_chan_xmit(ppp, pch, chan, skb)) {
		ppp->xmit_pending = NULL;
	}
	spin_unlock(&pch->downl);
}

/* Apply filters, VJ and CCP to one frame, then send it or loop it back. */
static void ppp_send_frame(struct ppp_unit *ppp, struct sk_buff *skb)
{
	int proto = get_unaligned_be16(skb->data);
	unsigned int len;
	bool active;
	int pass;

	if (proto < 0x8000) {
		pass = ppp_filter_pass(ppp, skb, false, &active);
		if (pass <= 0) {
			if (!pass)
				ppp_stat_drop(ppp, PPP_STAT_TX_FILTERED,
					      skb->len);
			kfree_skb(skb);
			if (pass < 0)
				goto err;
			return;
		}
		/* Only "active" traffic keeps an idle link up. */
		if (active)
			ppp->last_xmit = jiffies;
	}
	ppp_netdev_tx_stats(ppp, skb->len - PPP_PROTO_LEN);

	/* VJ, CCP and pppd (demand dialling) see the finished frame. */
	if (((ppp->flags & SC_COMP_TCP && ppp->vj) ||
	     (ppp->flags & SC_LOOP_TRAFFIC) || (ppp->xstate & SC_COMP_RUN)) &&
	    ppp_xmit_sw_csum(skb)) {
		kfree_skb(skb);
		goto err;
	}

	if (proto == PPP_IP && ppp->vj && (ppp->flags & SC_COMP_TCP)) {
		skb = ppp_vj_compress(ppp, skb);
		if (!skb)
			goto err;
	} else if (proto == PPP_CCP) {
		ppp_ccp_peek(ppp, skb, false);
	}

	if ((ppp->xstate & SC_COMP_RUN) && proto != PPP_LCP &&
	    proto != PPP_CCP) {
		len = skb->len;
		skb = ppp_ccp_compress(ppp, skb);
		if (!skb) {
			ppp_stat_drop(ppp, PPP_STAT_TX_CCP, len);
			goto err;
		}
	}

	/* Demand dialling: pppd reads the frame that should bring it up. */
	if (ppp->flags & SC_LOOP_TRAFFIC) {
		if (skb_queue_len(&ppp->file.rq) > PPP_MAX_RQLEN) {
			ppp_stat_drop(ppp, PPP_STAT_TX_DEMAND_FULL, skb->len);
			kfree_skb(skb);
			return;
		}
		skb_queue_tail(&ppp->file.rq, skb);
		wake_up_interruptible(&ppp->file.rwait);
		return;
	}

	ppp->xmit_pending = skb;
	ppp_push(ppp);
	return;

err:
	DEV_STATS_INC(ppp->dev, tx_errors);
}

/*
 * Queue @skb (may be NULL, or a list of the frames of one GSO frame) and
 * send while channels accept.  Called with BH disabled, from
 * ppp_xmit_process() and from channel wakeups.  The frames of a list
 * queue together: the device queue stops after them, as after one frame.
 */
void __ppp_xmit_process(struct ppp_unit *ppp, struct sk_buff *skb)
{
	struct sk_buff *next;

	spin_lock(&ppp->wlock);
	if (ppp->closing) {
		spin_unlock(&ppp->wlock);
		kfree_skb_list(skb);
		return;
	}
	ppp_push(ppp);
	/* Nothing waiting: a new frame goes straight out, else behind. */
	skb_list_walk_safe(skb, skb, next) {
		skb_mark_not_on_list(skb);
		if (!ppp->xmit_pending && skb_queue_empty(&ppp->file.xq))
			ppp_send_frame(ppp, skb);
		else
			skb_queue_tail(&ppp->file.xq, skb);
	}
	while (!ppp->xmit_pending && (skb = skb_dequeue(&ppp->file.xq)))
		ppp_send_frame(ppp, skb);

	if (!ppp->xmit_pending && skb_queue_empty(&ppp->file.xq))
		netif_wake_queue(ppp->dev);
	else
		netif_stop_queue(ppp->dev);
	spin_unlock(&ppp->wlock);
}

/*
 * PPP over a tunnel that routes back over the same unit would re-enter
 * here from the channel's start_xmit and deadlock on wlock.  A per-CPU,
 * per-unit counter (also raised by channel pushes) turns that into a
 * dropped frame.
 */
void ppp_xmit_process(struct ppp_unit *ppp, struct sk_buff *skb)
{
	int *depth;

	local_bh_disable();
	depth = this_cpu_ptr(ppp->xmit_recursion);
	if (unlikely(*depth)) {
		local_bh_enable();
		ppp_stat_drop(ppp, PPP_STAT_TX_RECURSION, skb ? skb->len : 0);
		kfree_skb_list(skb);
		if (net_ratelimit())
			netdev_err(ppp->dev, "recursion detected\n");
		return;
	}
	(*depth)++;
	__ppp_xmit_process(ppp, skb);
	(*depth)--;
	local_bh_enable();
}
