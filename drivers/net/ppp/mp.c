// SPDX-License-Identifier: GPL-2.0
/*
 * Multilink PPP (RFC 1990): one unit, several channels.  Outbound frames
 * are cut into fragments spread over the channels that are free;
 * inbound fragments are put back in sequence order and reassembled.
 *
 * Fragment header, after the PPP_MP protocol field:
 *   long sequence numbers:  [B E 0 0 0 0 0 0] [seq 23..16] [15..8] [7..0]
 *   short (12-bit):         [B E 0 0 s11..s8] [seq 7..0]
 *
 * Transmit runs under the unit's wlock, receive under its rlock; the
 * channel list cannot change under either.
 */
#include "ppp_generic.h"
#include "ppp_trace.h"

#define MP_BEGIN		0x80
#define MP_END			0x40
#define MP_HDRLEN_LONG		(PPP_PROTO_LEN + 4)
#define MP_HDRLEN_SHORT		(PPP_PROTO_LEN + 2)
/* Fragments held for reassembly before we stop waiting for gaps. */
#define MP_MAX_QLEN		128

static bool mp_protocol_compress = true;
module_param(mp_protocol_compress, bool, 0644);
MODULE_PARM_DESC(mp_protocol_compress,
		 "compress the protocol field in multilink fragments");

struct ppp_mp_cb {
	u32 seq;
	u8 bits;
};

#define PPP_MP_CB(skb)	((struct ppp_mp_cb *)(skb)->cb)

static bool seq_before(u32 a, u32 b)
{
	return (s32)(a - b) < 0;
}

/* PPPIOCSFLAGS turning multilink on starts a fresh receive sequence. */
void ppp_mp_flags_changed(struct ppp_unit *ppp, unsigned int old)
{
	lockdep_assert_held(&ppp->rlock);
	if (!(old & SC_MULTILINK) && (ppp->flags & SC_MULTILINK))
		ppp->mp.nextseq = 0;
}

void ppp_mp_set_mrru(struct ppp_unit *ppp, int mrru)
{
	ppp_unit_lock(ppp);
	ppp->mp.mrru = mrru;
	ppp_unit_unlock(ppp);
}

void ppp_mp_init(struct ppp_unit *ppp)
{
	skb_queue_head_init(&ppp->mp.mrq);
}

void ppp_mp_free(struct ppp_unit *ppp)
{
	skb_queue_purge(&ppp->mp.mrq);
}

/* Build one fragment of @flen bytes at @data for channel @pch. */
static struct sk_buff *ppp_mp_fragment(struct ppp_unit *ppp,
				       struct ppp_chan *pch, const u8 *data,
				       int flen, u8 bits, int hdrlen)
{
	struct sk_buff *frag;
	u32 seq = ppp->mp.nxseq;
	u8 *q;

	frag = alloc_skb(pch->file.hdrlen + hdrlen + flen, GFP_ATOMIC);
	if (!frag)
		return NULL;
	skb_reserve(frag, pch->file.hdrlen);
	q = skb_put(frag, hdrlen + flen);
	put_unaligned_be16(PPP_MP, q);
	if (hdrlen == MP_HDRLEN_SHORT) {
		q[2] = bits | ((seq >> 8) & 0x0f);
		q[3] = seq;
	} else {
		q[2] = bits;
		q[3] = seq >> 16;
		q[4] = seq >> 8;
		q[5] = seq;
	}
	memcpy(q + hdrlen, data, flen);
	return frag;
}

/* Send @frag now if the channel is idle, else queue it behind the rest. */
static void ppp_mp_send_fragment(struct ppp_chan *pch,
				 struct ppp_channel *chan, struct sk_buff *frag)
{
	if (!skb_queue_empty(&pch->file.xq) ||
	    !chan->ops->start_xmit(chan, frag))
		skb_queue_tail(&pch->file.xq, frag);
}

/* Next channel after @pch in the unit's list, wrapping around. */
static struct ppp_chan *ppp_mp_next(struct ppp_unit *ppp,
				    struct ppp_chan *pch)
{
	if (list_is_last(&pch->clist, &ppp->channels))
		return list_first_entry(&ppp->channels, struct ppp_chan, clist);
	return list_next_entry(pch, clist);
}

/*
 * Returns false to keep @skb pending (too few channels free), true once
 * it is consumed: sent, queued as fragments, or dropped.
 */
bool ppp_mp_xmit(struct ppp_unit *ppp, struct sk_buff *skb)
{
	int hdrlen = (ppp->flags & SC_MP_XSHORTSEQ) ? MP_HDRLEN_SHORT :
						      MP_HDRLEN_LONG;
	int navail = 0, nfree = 0, nchans = 0, idle = 0, idx, len, fraglen;
	struct ppp_channel *chan;
	struct sk_buff *frag;
	struct ppp_chan *pch;
	u8 bits = MP_BEGIN;
	const u8 *p;
	bool was_idle;
	int flen;

	lockdep_assert_held(&ppp->wlock);
	list_for_each_entry(pch, &ppp->channels, clist) {
		nchans++;
		if (!READ_ONCE(pch->chan))
			continue;
		navail++;
		if (skb_queue_empty(&pch->file.xq))
			nfree++;
	}
	/* Waiting for half the links to drain keeps TCP happier. */
	if (!nfree || nfree < navail / 2)
		return false;

	if (skb_linearize(skb))
		goto drop;
	p = skb->data;
	len = skb->len;
	if (p[0] == 0 && mp_protocol_compress) {
		p++;
		len--;
	}
	fraglen = DIV_ROUND_UP(len, nfree);

	/*
	 * Round-robin from where the last frame stopped: one fragment to
	 * each idle link first, then (if the links' MTUs cut the frame into
	 * more pieces) to any link, queued behind what it already has.
	 */
	idx = ppp->mp.nxchan % nchans;
	pch = list_first_entry(&ppp->channels, struct ppp_chan, clist);
	for (flen = 0; flen < idx; flen++)
		pch = ppp_mp_next(ppp, pch);

	while (len > 0) {
		spin_lock(&pch->downl);
		chan = pch->chan;
		was_idle = skb_queue_empty(&pch->file.xq);
		if (chan && (nfree <= 0 || was_idle)) {
			flen = min3(fraglen, len,
				    max(chan->mtu - (hdrlen - PPP_PROTO_LEN), 4));
			if (flen == len)
				bits |= MP_END;
			frag = ppp_mp_fragment(ppp, pch, p, flen, bits, hdrlen);
			if (!frag) {
				spin_unlock(&pch->downl);
				goto drop;
			}
			trace_ppp_mp_fragment(ppp->file.index, pch->file.index,
					      true, ppp->mp.nxseq, bits, flen);
			ppp_mp_send_fragment(pch, chan, frag);
			if (was_idle)
				nfree--;
			ppp->mp.nxseq++;
			p += flen;
			len -= flen;
			bits = 0;
			idle = 0;
		} else if (++idle > 2 * nchans) {
			/* Every link went away under us. */
			spin_unlock(&pch->downl);
			goto drop;
		}
		spin_unlock(&pch->downl);
		pch = ppp_mp_next(ppp, pch);
		idx = (idx + 1) % nchans;
	}
	ppp->mp.nxchan = idx;
	consume_skb(skb);
	return true;

drop:
	DEV_STATS_INC(ppp->dev, tx_errors);
	ppp->mp.nxseq++;	/* the peer sees a gap and moves on */
	kfree_skb(skb);
	return true;
}

/*
 * Free every queued fragment in front of @stop (NULL: all of them),
 * counting each under @stat.
 */
static void ppp_mp_drop_before(struct ppp_unit *ppp, struct sk_buff *stop,
			       enum ppp_stat stat)
{
	struct sk_buff_head *q = &ppp->mp.mrq;
	struct sk_buff *p;
	bool dropped = false;

	while ((p = skb_peek(q)) && p != stop) {
		__skb_unlink(p, q);
		ppp_stat_drop(ppp, stat, p->len);
		kfree_skb(p);
		dropped = true;
	}
	if (dropped) {
		DEV_STATS_INC(ppp->dev, rx_dropped);
		ppp_receive_error(ppp);
	}
}

/* Unlink head..tail (queue order) and chain them into one frame. */
static struct sk_buff *ppp_mp_join(struct ppp_unit *ppp, struct sk_buff *tail)
{
	struct sk_buff_head *q = &ppp->mp.mrq;
	struct sk_buff *head = __skb_dequeue(q), *p;
	struct sk_buff **next = &skb_shinfo(head)->frag_list;

	while (head != tail) {
		p = __skb_dequeue(q);
		*next = p;
		p->next = NULL;
		next = &p->next;
		head->len += p->len;
		head->data_len += p->len;
		head->truesize += p->truesize;
		if (p == tail)
			break;
	}
	return head;
}

/*
 * The next complete frame from the reassembly queue, if any.  A missing
 * fragment after minseq may still come, so we wait for it; one at or
 * before minseq is lost (every link has moved past it): the partial frame
 * around it is dropped.
 */
static struct sk_buff *ppp_mp_reassemble(struct ppp_unit *ppp)
{
	struct sk_buff_head *q = &ppp->mp.mrq;
	struct sk_buff *p, *tmp, *head = NULL;
	u32 seq = ppp->mp.nextseq;
	int len = 0;

	skb_queue_walk_safe(q, p, tmp) {
		struct ppp_mp_cb *cb = PPP_MP_CB(p);

		if (seq_before(cb->seq, seq)) {
			/* Duplicate or stale. */
			__skb_unlink(p, q);
			ppp_stat_drop(ppp, PPP_STAT_RX_MP_ERROR, p->len);
			kfree_skb(p);
			continue;
		}
		if (cb->seq != seq) {
			/* A gap: wait for it unless every link is past it. */
			if (seq_before(ppp->mp.minseq, seq))
				break;
			ppp_mp_drop_before(ppp, p, PPP_STAT_RX_MP_LOST);
			head = NULL;
			seq = cb->seq;
			ppp->mp.nextseq = seq;
		}
		if (cb->bits & MP_BEGIN) {
			/* an unfinished frame */
			ppp_mp_drop_before(ppp, p, PPP_STAT_RX_MP_LOST);
			head = p;
			len = 0;
		}
		if (!head) {
			/* Middle of a frame whose start is gone. */
			__skb_unlink(p, q);
			ppp_stat_drop(ppp, PPP_STAT_RX_MP_LOST, p->len);
			kfree_skb(p);
			ppp->mp.nextseq = ++seq;
			continue;
		}
		len += p->len;
		if (cb->bits & MP_END) {
			ppp->mp.nextseq = seq + 1;
			if (len <= ppp->mp.mrru + PPP_PROTO_LEN)
				return ppp_mp_join(ppp, p);
			DEV_STATS_INC(ppp->dev, rx_length_errors);
			ppp_mp_drop_before(ppp, tmp == (struct sk_buff *)q ?
					   NULL : tmp, PPP_STAT_RX_MP_OVERFLOW);
			head = NULL;
		}
		seq++;
	}
	return NULL;
}

/* Lowest sequence number every link has reached: gaps below it are lost. */
static void ppp_mp_update_minseq(struct ppp_unit *ppp, u32 seq)
{
	struct ppp_chan *ch;

	list_for_each_entry(ch, &ppp->channels, clist)
		if (seq_before(ch->lastseq, seq))
			seq = ch->lastseq;
	if (seq_before(ppp->mp.minseq, seq))
		ppp->mp.minseq = seq;
}

static void ppp_mp_insert(struct ppp_unit *ppp, struct sk_buff *skb)
{
	struct sk_buff_head *q = &ppp->mp.mrq;
	u32 seq = PPP_MP_CB(skb)->seq;
	struct sk_buff *p;

	skb_queue_walk(q, p)
		if (seq_before(seq, PPP_MP_CB(p)->seq))
			break;
	__skb_queue_before(q, p, skb);
}

/**
 * ppp_mp_receive - a multilink fragment for a unit
 * @ppp: the unit (rlock held)
 * @skb: the fragment, PPP_MP protocol field first
 * @pch: the channel it came in on
 */
void ppp_mp_receive(struct ppp_unit *ppp, struct sk_buff *skb,
		    struct ppp_chan *pch)
{
	int hdrlen = (ppp->flags & SC_MP_SHORTSEQ) ? MP_HDRLEN_SHORT :
						     MP_HDRLEN_LONG;
	u32 mask = hdrlen == MP_HDRLEN_SHORT ? 0xfff : 0xffffff;
	struct ppp_mp_cb *cb = PPP_MP_CB(skb);
	unsigned int flen;
	u32 seq;

	lockdep_assert_held(&ppp->rlock);
	if (!ppp->mp.mrru || !pskb_may_pull(skb, hdrlen + 1))
		goto err;

	if (hdrlen == MP_HDRLEN_SHORT)
		seq = ((skb->data[2] & 0x0f) << 8) | skb->data[3];
	else
		seq = (skb->data[3] << 16) | (skb->data[4] << 8) | skb->data[5];
	cb->bits = skb->data[2] & (MP_BEGIN | MP_END);
	skb_pull(skb, hdrlen);
	flen = skb->len;

	/* The first fragment carries the (maybe compressed) protocol. */
	if ((cb->bits & MP_BEGIN) && (skb->data[0] & 0x01)) {
		if (skb_cow_head(skb, 1))
			goto err;
		*(u8 *)skb_push(skb, 1) = 0;
	}

	/* Widen to 32 bits, as close as possible to minseq. */
	seq |= ppp->mp.minseq & ~mask;
	if ((s32)(ppp->mp.minseq - seq) > (s32)(mask >> 1))
		seq += mask + 1;
	else if ((s32)(seq - ppp->mp.minseq) > (s32)(mask >> 1))
		seq -= mask + 1;
	cb->seq = seq;
	pch->lastseq = seq;
	trace_ppp_mp_fragment(ppp->file.index, pch->file.index, false, seq,
			      cb->bits, flen);

	if (seq_before(seq, ppp->mp.nextseq)) {
		ppp_stat_drop(ppp, PPP_STAT_RX_MP_LOST, skb->len);
		kfree_skb(skb);
		DEV_STATS_INC(ppp->dev, rx_dropped);
		ppp_receive_error(ppp);
		return;
	}
	ppp_mp_update_minseq(ppp, seq);
	ppp_mp_insert(ppp, skb);

	/* Too much held: stop waiting for what precedes the queue. */
	if (skb_queue_len(&ppp->mp.mrq) >= MP_MAX_QLEN) {
		u32 first = PPP_MP_CB(skb_peek(&ppp->mp.mrq))->seq;

		if (seq_before(ppp->mp.minseq, first))
			ppp->mp.minseq = first;
	}

	while ((skb = ppp_mp_reassemble(ppp))) {
		if (pskb_may_pull(skb, PPP_PROTO_LEN)) {
			ppp_receive_nonmp_frame(ppp, skb);
		} else {
			DEV_STATS_INC(ppp->dev, rx_length_errors);
			ppp_stat_drop(ppp, PPP_STAT_RX_SHORT, skb->len);
			kfree_skb(skb);
			ppp_receive_error(ppp);
		}
	}
	return;

err:
	ppp_stat_drop(ppp, PPP_STAT_RX_MP_ERROR, skb->len);
	kfree_skb(skb);
	ppp_receive_error(ppp);
}
