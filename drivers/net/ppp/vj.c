// SPDX-License-Identifier: GPL-2.0
/*
 * Van Jacobson TCP/IP header compression (RFC 1144), through the kernel's
 * slhc module.  pppd turns it on with PPPIOCSMAXCID and SC_COMP_TCP once
 * IPCP agreed on it.
 */
#include "ppp_generic.h"

/* Largest growth of a frame when VJ restores a full TCP/IP header. */
#define PPP_VJ_MAX_GROWTH	128
/* slhc keeps slot ids in a byte. */
#define PPP_VJ_MAX_SLOTS	255

/*
 * PPPIOCSMAXCID: low 16 bits = highest transmit slot id, high 16 bits =
 * highest receive slot id, signed as in-tree (0 meaning the default, 15;
 * 0xffff, i.e. -1, no receive slots: VJ frames received are refused).
 * Out-of-range values are refused; the old state is kept until the new
 * one exists.
 */
int ppp_vj_set_maxcid(struct ppp_unit *ppp, int val)
{
	int tx = val & 0xffff, rx = (s16)((u32)val >> 16);
	struct slcompress *vj, *old;

	if (!rx)
		rx = 15;
	if (tx + 1 > PPP_VJ_MAX_SLOTS || rx + 1 < 0 ||
	    rx + 1 > PPP_VJ_MAX_SLOTS)
		return -EINVAL;
	vj = slhc_init(rx + 1, tx + 1);
	if (IS_ERR_OR_NULL(vj))
		return vj ? PTR_ERR(vj) : -ENOMEM;

	ppp_unit_lock(ppp);
	old = ppp->vj;
	ppp->vj = vj;
	ppp_unit_unlock(ppp);
	if (old)
		slhc_free(old);
	return 0;
}

void ppp_vj_free(struct ppp_unit *ppp)
{
	if (ppp->vj)
		slhc_free(ppp->vj);
	ppp->vj = NULL;
}

void ppp_vj_toss(struct ppp_unit *ppp)
{
	if (ppp->vj)
		slhc_toss(ppp->vj);
}

void ppp_vj_stats(struct ppp_unit *ppp, struct slcompress *out)
{
	ppp_unit_lock(ppp);
	if (ppp->vj)
		*out = *ppp->vj;
	ppp_unit_unlock(ppp);
}

/*
 * Transmit, wlock held: returns the frame to send (maybe @skb itself if
 * it did not compress), or NULL after freeing @skb.
 */
struct sk_buff *ppp_vj_compress(struct ppp_unit *ppp, struct sk_buff *skb)
{
	int headroom = ppp->dev->hard_header_len - PPP_PROTO_LEN;
	unsigned char *start, *cp;
	struct sk_buff *out;
	int len, proto;

	if (skb_linearize(skb))
		goto drop;
	out = alloc_skb(skb->len + headroom, GFP_ATOMIC);
	if (!out)
		goto drop;
	skb_reserve(out, headroom);

	start = skb->data + PPP_PROTO_LEN;
	cp = start;
	len = slhc_compress(ppp->vj, start, skb->len - PPP_PROTO_LEN,
			    out->data + PPP_PROTO_LEN, &cp,
			    !(ppp->flags & SC_NO_TCP_CCID));
	if (cp == start) {
		/* Not TCP, or not worth it: send the original. */
		consume_skb(out);
		return skb;
	}
	if (cp[0] & SL_TYPE_COMPRESSED_TCP) {
		proto = PPP_VJC_COMP;
		cp[0] &= ~SL_TYPE_COMPRESSED_TCP;
	} else {
		proto = PPP_VJC_UNCOMP;
		cp[0] = start[0];	/* slhc put the slot id there */
	}
	consume_skb(skb);
	put_unaligned_be16(proto, skb_put(out, len + PPP_PROTO_LEN));
	return out;

drop:
	kfree_skb(skb);
	return NULL;
}

/*
 * Receive, rlock held: returns the frame with a full IP header and
 * protocol PPP_IP, or NULL after freeing @skb.  slhc works in place on a
 * linear buffer and may grow the header, hence the copy.
 */
struct sk_buff *ppp_vj_decompress(struct ppp_unit *ppp, struct sk_buff *skb,
				  int proto)
{
	struct sk_buff *ns;
	int len;

	if (!ppp->vj || (ppp->flags & SC_REJ_COMP_TCP))
		goto drop;
	if (!pskb_may_pull(skb, skb->len))
		goto drop;

	if (proto == PPP_VJC_UNCOMP) {
		if (slhc_remember(ppp->vj, skb->data + PPP_PROTO_LEN,
				  skb->len - PPP_PROTO_LEN) <= 0)
			goto drop;
		put_unaligned_be16(PPP_IP, skb->data);
		return skb;
	}

	if (skb_tailroom(skb) < PPP_VJ_MAX_GROWTH || skb_cloned(skb)) {
		ns = dev_alloc_skb(skb->len + PPP_VJ_MAX_GROWTH);
		if (!ns)
			goto drop;
		skb_reserve(ns, 2);
		skb_copy_bits(skb, 0, skb_put(ns, skb->len), skb->len);
		consume_skb(skb);
		skb = ns;
	} else {
		skb->ip_summed = CHECKSUM_NONE;
	}

	len = slhc_uncompress(ppp->vj, skb->data + PPP_PROTO_LEN,
			      skb->len - PPP_PROTO_LEN);
	if (len <= 0)
		goto drop;
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
