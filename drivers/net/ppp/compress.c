// SPDX-License-Identifier: GPL-2.0
/*
 * CCP (RFC 1962) data compression framework.  Compressor modules
 * (ppp_deflate, bsd_comp, ppp_mppe) register here; pppd picks one per
 * direction with PPPIOCSCOMPRESS, and we watch the CCP frames going by
 * to start and stop (de)compression exactly at the negotiation points.
 */
#include "ppp_generic.h"
#include "ioctl32.h"

struct ppp_comp_entry {
	struct list_head list;
	struct compressor *comp;
};

static LIST_HEAD(ppp_comp_list);
static DEFINE_SPINLOCK(ppp_comp_lock);

static struct ppp_comp_entry *ppp_comp_lookup(int proto)
{
	struct ppp_comp_entry *ce;

	lockdep_assert_held(&ppp_comp_lock);
	list_for_each_entry(ce, &ppp_comp_list, list)
		if (ce->comp->compress_proto == proto)
			return ce;
	return NULL;
}

/**
 * ppp_register_compressor - make a compression method available
 * @cp: the compressor; one per CCP option type
 *
 * Return: 0, -EEXIST if the type is taken, or -ENOMEM.
 */
int ppp_register_compressor(struct compressor *cp)
{
	struct ppp_comp_entry *ce;
	int err = 0;

	ce = kmalloc(sizeof(*ce), GFP_KERNEL);
	if (!ce)
		return -ENOMEM;
	ce->comp = cp;
	spin_lock(&ppp_comp_lock);
	if (ppp_comp_lookup(cp->compress_proto))
		err = -EEXIST;
	else
		list_add(&ce->list, &ppp_comp_list);
	spin_unlock(&ppp_comp_lock);
	if (err)
		kfree(ce);
	return err;
}
EXPORT_SYMBOL(ppp_register_compressor);

/**
 * ppp_unregister_compressor - withdraw a compression method
 * @cp: a compressor passed to ppp_register_compressor()
 */
void ppp_unregister_compressor(struct compressor *cp)
{
	struct ppp_comp_entry *ce;

	spin_lock(&ppp_comp_lock);
	ce = ppp_comp_lookup(cp->compress_proto);
	if (ce && ce->comp == cp)
		list_del(&ce->list);
	else
		ce = NULL;
	spin_unlock(&ppp_comp_lock);
	kfree(ce);
}
EXPORT_SYMBOL(ppp_unregister_compressor);

/* The compressor for a CCP option type, with a module reference. */
static struct compressor *ppp_comp_get(int proto)
{
	struct compressor *cp = NULL;
	struct ppp_comp_entry *ce;

	spin_lock(&ppp_comp_lock);
	ce = ppp_comp_lookup(proto);
	if (ce && try_module_get(ce->comp->owner))
		cp = ce->comp;
	spin_unlock(&ppp_comp_lock);
	return cp;
}

static void ppp_comp_put(struct compressor *cp, void *state, bool xmit)
{
	if (!state)
		return;
	if (xmit)
		cp->comp_free(state);
	else
		cp->decomp_free(state);
	module_put(cp->owner);
}

static int ppp_ccp_fetch(void __user *arg, bool compat,
			 struct ppp_option_data *data)
{
#ifdef CONFIG_COMPAT
	if (compat) {
		struct ppp_option_data32 d32;

		if (copy_from_user(&d32, arg, sizeof(d32)))
			return -EFAULT;
		data->ptr = compat_ptr(d32.ptr);
		data->length = d32.length;
		data->transmit = d32.transmit;
		return 0;
	}
#endif
	return copy_from_user(data, arg, sizeof(*data)) ? -EFAULT : 0;
}

/* PPPIOCSCOMPRESS: errnos as in-tree (pppd tells ENOBUFS from others). */
int ppp_ccp_set_compress(struct ppp_unit *ppp, void __user *arg, bool compat)
{
	unsigned char opt[CCP_MAX_OPTION_LENGTH];
	struct ppp_option_data data;
	struct compressor *cp, *ocp;
	void *state, *ostate;
	int err;

	err = ppp_ccp_fetch(arg, compat, &data);
	if (err)
		return err;
	if (data.length > CCP_MAX_OPTION_LENGTH)
		return -EFAULT;
	if (copy_from_user(opt, data.ptr, data.length))
		return -EFAULT;
	if (data.length < 2 || opt[1] < 2 || opt[1] > data.length)
		return -EINVAL;

	cp = ppp_comp_get(opt[0]);
	if (!cp) {
		request_module("ppp-compress-%d", opt[0]);
		cp = ppp_comp_get(opt[0]);
	}
	if (!cp)
		return -EINVAL;

	state = data.transmit ? cp->comp_alloc(opt, data.length) :
				cp->decomp_alloc(opt, data.length);
	if (!state) {
		module_put(cp->owner);
		return -ENOBUFS;
	}

	ppp_unit_lock(ppp);
	if (data.transmit) {
		ppp->xstate &= ~SC_COMP_RUN;
		ocp = ppp->xcomp;
		ostate = ppp->xc_state;
		ppp->xcomp = cp;
		ppp->xc_state = state;
	} else {
		ppp->rstate &= ~SC_DECOMP_RUN;
		ocp = ppp->rcomp;
		ostate = ppp->rc_state;
		ppp->rcomp = cp;
		ppp->rc_state = state;
	}
	ppp_unit_unlock(ppp);
	ppp_comp_put(ocp, ostate, data.transmit);
	return 0;
}

/* CCP closed (or unit gone): free both directions. */
void ppp_ccp_closed(struct ppp_unit *ppp)
{
	void *xstate, *rstate;

	ppp_unit_lock(ppp);
	ppp->flags &= ~(SC_CCP_OPEN | SC_CCP_UP);
	ppp->xstate = 0;
	ppp->rstate = 0;
	xstate = ppp->xc_state;
	rstate = ppp->rc_state;
	ppp->xc_state = NULL;
	ppp->rc_state = NULL;
	ppp_unit_unlock(ppp);
	ppp_comp_put(ppp->xcomp, xstate, true);
	ppp_comp_put(ppp->rcomp, rstate, false);
}

/* A Configure-Ack: start (de)compressing with the agreed options. */
static void ppp_ccp_confack(struct ppp_unit *ppp, struct sk_buff *skb,
			    bool inbound)
{
	unsigned char *dp;
	int len;

	if ((ppp->flags & (SC_CCP_OPEN | SC_CCP_UP)) != SC_CCP_OPEN)
		return;
	len = CCP_LENGTH(skb->data + PPP_PROTO_LEN);
	if (len < CCP_HDRLEN || !pskb_may_pull(skb, len + PPP_PROTO_LEN))
		return;
	dp = skb->data + PPP_PROTO_LEN + CCP_HDRLEN;
	len -= CCP_HDRLEN;
	if (len < CCP_OPT_MINLEN || len < CCP_OPT_LENGTH(dp))
		return;

	if (inbound && ppp->rc_state) {
		if (ppp->rcomp->decomp_init(ppp->rc_state, dp, len,
					    ppp->file.index, 0, ppp->mru,
					    ppp->debug)) {
			ppp->rstate |= SC_DECOMP_RUN;
			ppp->rstate &= ~(SC_DC_ERROR | SC_DC_FERROR);
		}
	} else if (!inbound && ppp->xc_state) {
		if (ppp->xcomp->comp_init(ppp->xc_state, dp, len,
					  ppp->file.index, 0, ppp->debug))
			ppp->xstate |= SC_COMP_RUN;
	}
}

/**
 * ppp_ccp_peek - follow CCP negotiation in a frame going by
 * @ppp: the unit (wlock held outbound, rlock inbound)
 * @skb: a PPP_CCP frame, protocol field first
 * @inbound: direction
 */
void ppp_ccp_peek(struct ppp_unit *ppp, struct sk_buff *skb, bool inbound)
{
	if (!pskb_may_pull(skb, PPP_PROTO_LEN + CCP_HDRLEN))
		return;

	switch (CCP_CODE(skb->data + PPP_PROTO_LEN)) {
	case CCP_CONFREQ:
		/* A request renegotiates what its sender will receive. */
		if (inbound)
			ppp->xstate &= ~SC_COMP_RUN;
		else
			ppp->rstate &= ~SC_DECOMP_RUN;
		break;
	case CCP_TERMREQ:
	case CCP_TERMACK:
		ppp->xstate &= ~SC_COMP_RUN;
		ppp->rstate &= ~SC_DECOMP_RUN;
		break;
	case CCP_CONFACK:
		ppp_ccp_confack(ppp, skb, inbound);
		break;
	case CCP_RESETREQ:
		/* pppd asks the peer to reset after a decompression error */
		if (!inbound)
			ppp_stat_inc(ppp, PPP_STAT_TX_CCP_RESETREQ);
		break;
	case CCP_RESETACK:
		if (!(ppp->flags & SC_CCP_UP))
			break;
		if (inbound && ppp->rc_state &&
		    (ppp->rstate & SC_DECOMP_RUN)) {
			ppp->rcomp->decomp_reset(ppp->rc_state);
			ppp->rstate &= ~SC_DC_ERROR;
		} else if (!inbound && ppp->xc_state &&
			   (ppp->xstate & SC_COMP_RUN)) {
			ppp->xcomp->comp_reset(ppp->xc_state);
		}
		break;
	}
}

/*
 * Transmit, wlock held: returns the frame to send or NULL (@skb freed).
 * Compressors expect the address/control bytes in front of the protocol,
 * so they are given two bytes of headroom to look at.
 */
struct sk_buff *ppp_ccp_compress(struct ppp_unit *ppp, struct sk_buff *skb)
{
	int room = ppp->dev->mtu + ppp->xcomp->comp_extra + PPP_HDRLEN;
	int reserve = ppp->dev->needed_headroom;
	struct sk_buff *out;
	int len;

	if (!ppp->xc_state)
		return skb;
	if (!(ppp->flags & SC_CCP_UP) && (ppp->flags & SC_MUST_COMP)) {
		if (net_ratelimit())
			netdev_err(ppp->dev, "compression required but down: frame dropped\n");
		goto drop;
	}
	if (skb_linearize(skb) || skb_cow_head(skb, PPP_HDRLEN - PPP_PROTO_LEN))
		goto drop;

	out = alloc_skb(room + max(reserve, 0), GFP_ATOMIC);
	if (!out)
		goto drop;
	skb_reserve(out, max(reserve, 0));
	len = ppp->xcomp->compress(ppp->xc_state, skb->data - 2, out->data,
				   skb->len + 2, room);
	if (len > 0 && (ppp->flags & SC_CCP_UP)) {
		consume_skb(skb);
		skb_put(out, len);
		skb_pull(out, 2);
		return out;
	}
	consume_skb(out);
	if (len == 0)
		return skb;	/* incompressible, or CCP not up yet */
	/* < 0: e.g. MPPE refuses to send in the clear */
	if (net_ratelimit())
		netdev_err(ppp->dev, "compressor dropped frame\n");
drop:
	kfree_skb(skb);
	return NULL;
}

/*
 * Receive, rlock held.  Returns the frame to go on with (decompressed,
 * or as it was on error: pppd sees the CCP error through it), or NULL.
 */
struct sk_buff *ppp_ccp_decompress(struct ppp_unit *ppp, struct sk_buff *skb)
{
	int room = ppp->mru + PPP_HDRLEN;
	struct sk_buff *ns;
	int len;

	if (!ppp->rc_state || (ppp->rstate & (SC_DC_ERROR | SC_DC_FERROR)))
		return skb;
	if (!pskb_may_pull(skb, skb->len) || skb_cow_head(skb, 2))
		goto err;

	if (get_unaligned_be16(skb->data) != PPP_COMP) {
		/* Uncompressed: the decompressor may track it anyway. */
		if (ppp->rcomp->incomp)
			ppp->rcomp->incomp(ppp->rc_state, skb->data - 2,
					   skb->len + 2);
		return skb;
	}

	if (ppp->rcomp->compress_proto == CI_MPPE)
		room++;
	ns = dev_alloc_skb(room);
	if (!ns)
		goto err;
	len = ppp->rcomp->decompress(ppp->rc_state, skb->data - 2,
				     skb->len + 2, ns->data, room);
	if (len < 0) {
		if (len == DECOMP_FATALERROR)
			ppp->rstate |= SC_DC_FERROR;
		kfree_skb(ns);
		goto err;
	}
	consume_skb(skb);
	skb_put(ns, len);
	skb_pull(ns, 2);
	return ns;

err:
	ppp_stat_inc(ppp, PPP_STAT_RX_CCP);
	ppp->rstate |= SC_DC_ERROR;
	ppp_receive_error(ppp);
	return skb;
}

int ppp_ccp_get_stats(struct ppp_unit *ppp, struct ppp_comp_stats *cst)
{
	ppp_unit_lock(ppp);
	if (ppp->xc_state)
		ppp->xcomp->comp_stat(ppp->xc_state, &cst->c);
	if (ppp->rc_state)
		ppp->rcomp->decomp_stat(ppp->rc_state, &cst->d);
	ppp_unit_unlock(ppp);
	return 0;
}
