// SPDX-License-Identifier: GPL-2.0
/*
 * Van Jacobson TCP/IP header compression (RFC 1144) on a unit: the skb
 * side of the codec in vj_codec.c.  pppd turns it on with PPPIOCSMAXCID
 * and SC_COMP_TCP once IPCP agreed on it; SC_NO_TCP_CCID says the peer
 * wants a slot id in every compressed packet.  The transmit half of the
 * state is used under wlock, the receive half under rlock; replacing or
 * reading the whole state takes both (ppp_unit_lock).
 */
#include "ppp_generic.h"

/*
 * PPPIOCSMAXCID: low 16 bits = highest transmit slot id; high 16 bits,
 * a signed number = highest receive slot id, 0 meaning the default 15
 * and -1 (0xffff) no receive slots.  Like slhc, 0 to 255 slots a way are
 * taken, anything else refused; the old state is kept until the new one
 * exists.
 */
int ppp_vj_set_maxcid(struct ppp_unit *ppp, int val)
{
	int rx = val >> 16, tx = val & 0xffff;
	struct ppp_vjc *vj, *old;

	if (!rx)
		rx = 15;
	if (rx + 1 < 0 || rx + 1 > PPP_VJ_MAX_SLOTS ||
	    tx + 1 > PPP_VJ_MAX_SLOTS)
		return -EINVAL;
	vj = kvzalloc(ppp_vjc_size(rx + 1, tx + 1), GFP_KERNEL);
	if (!vj)
		return -ENOMEM;
	ppp_vjc_init(vj, rx + 1, tx + 1);

	ppp_unit_lock(ppp);
	old = ppp->vj;
	ppp->vj = vj;
	ppp_unit_unlock(ppp);
	kvfree(old);
	return 0;
}

void ppp_vj_free(struct ppp_unit *ppp)
{
	kvfree(ppp->vj);
	ppp->vj = NULL;
}

/* A frame was lost or bad: COMP frames need a slot id again. */
void ppp_vj_toss(struct ppp_unit *ppp)
{
	lockdep_assert_held(&ppp->rlock);
	if (ppp->vj)
		ppp_vjc_toss(ppp->vj);
}

/* The counters SIOCGPPPSTATS reports; zero without VJ state. */
void ppp_vj_stats(struct ppp_unit *ppp, struct ppp_vjc_stats *out)
{
	ppp_unit_lock(ppp);
	if (ppp->vj)
		*out = ppp->vj->stats;
	ppp_unit_unlock(ppp);
}

/* Bytes of the IP packet in @skb the codec reads: its headers at most. */
static unsigned int ppp_vj_hdr_len(const struct sk_buff *skb)
{
	return min_t(unsigned int, skb->len - PPP_PROTO_LEN, PPP_VJ_HDR_MAX);
}

/*
 * Transmit, wlock held, @skb a PPP_IP frame: compresses in place (a
 * compressed header is shorter than the one it replaces) and returns the
 * frame to send, or NULL after freeing @skb.  TCP's clones share only the
 * payload, so making the header writable seldom copies.
 */
struct sk_buff *ppp_vj_compress(struct ppp_unit *ppp, struct sk_buff *skb)
{
	unsigned int len = ppp_vj_hdr_len(skb), start;

	lockdep_assert_held(&ppp->wlock);
	if (skb_ensure_writable(skb, PPP_PROTO_LEN + len)) {
		kfree_skb(skb);
		return NULL;
	}
	switch (ppp_vjc_compress(ppp->vj, skb->data + PPP_PROTO_LEN, len,
				 !(ppp->flags & SC_NO_TCP_CCID), &start)) {
	case PPP_VJC_IP:
		break;
	case PPP_VJC_UNCOMPRESSED:
		put_unaligned_be16(PPP_VJC_UNCOMP, skb->data);
		break;
	case PPP_VJC_COMPRESSED:
		skb_pull(skb, start);
		put_unaligned_be16(PPP_VJC_COMP, skb->data);
		break;
	}
	return skb;
}

/* PPP_VJC_UNCOMP: the headers fill their slot; the frame goes up as IP. */
static struct sk_buff *ppp_vj_remember(struct ppp_unit *ppp,
				       struct sk_buff *skb)
{
	unsigned int len = ppp_vj_hdr_len(skb);

	if (skb_ensure_writable(skb, PPP_PROTO_LEN + len) ||
	    ppp_vjc_remember(ppp->vj, skb->data + PPP_PROTO_LEN, len)) {
		kfree_skb(skb);
		return NULL;
	}
	skb->ip_summed = CHECKSUM_NONE;	/* the protocol byte changed */
	put_unaligned_be16(PPP_IP, skb->data);
	return skb;
}

/*
 * PPP_VJC_COMP: the codec restores the header in place, in front of the
 * payload where the headroom allows (channels leave NET_SKB_PAD, which
 * a header without options fits in), else with the payload moved up by
 * as much as PPP_VJ_MAX_GROWTH; a frame with neither room is copied.
 */
static struct sk_buff *ppp_vj_uncompress(struct ppp_unit *ppp,
					 struct sk_buff *skb)
{
	unsigned int before;
	struct sk_buff *ns;
	int len, start;

	if (!pskb_may_pull(skb, skb->len))
		goto drop;
	before = PPP_VJ_RX_FRONT ? skb_headroom(skb) : 0;
	if (skb_cloned(skb) || (skb_tailroom(skb) < PPP_VJ_MAX_GROWTH &&
				before < PPP_VJ_MAX_GROWTH)) {
		ns = dev_alloc_skb(skb->len + PPP_VJ_MAX_GROWTH);
		if (!ns)
			goto drop;
		skb_reserve(ns, 2);
		skb_copy_bits(skb, 0, skb_put(ns, skb->len), skb->len);
		consume_skb(skb);
		skb = ns;
		before = 0;
	}
	skb->ip_summed = CHECKSUM_NONE;

	/* The protocol field stays in front of the IP header: not room. */
	len = ppp_vjc_uncompress_room(ppp->vj, skb->data + PPP_PROTO_LEN,
				      skb->len - PPP_PROTO_LEN, before,
				      skb_tailroom(skb), &start);
	if (len < 0)
		goto drop;
	if (start < 0)
		skb_push(skb, -start);
	len += PPP_PROTO_LEN;
	if (len > skb->len)
		skb_put(skb, len - skb->len);
	else
		skb_trim(skb, len);
	put_unaligned_be16(PPP_IP, skb->data);
	return skb;

drop:
	kfree_skb(skb);
	return NULL;
}

/*
 * Receive, rlock held: returns the frame with a full IP header and
 * protocol PPP_IP, or NULL after freeing @skb.
 */
struct sk_buff *ppp_vj_decompress(struct ppp_unit *ppp, struct sk_buff *skb,
				  int proto)
{
	lockdep_assert_held(&ppp->rlock);
	if (!ppp->vj || (ppp->flags & SC_REJ_COMP_TCP)) {
		kfree_skb(skb);
		return NULL;
	}
	if (proto == PPP_VJC_UNCOMP)
		return ppp_vj_remember(ppp, skb);
	return ppp_vj_uncompress(ppp, skb);
}
