// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_async: watching LCP go by.
 *
 * pppd negotiates the async map and MRU with LCP and only tells us the
 * result afterwards, with ioctls.  Frames that follow the peer's
 * Configure-Ack immediately would be framed with the wrong map in
 * between.  So we look at the LCP frames ourselves and switch exactly at
 * the boundary:
 *
 *   we send Configure-Request   remember a checksum of it
 *   we receive Configure-Ack    forget the checksum; if it was that of
 *                               the Ack (same identifier and options),
 *                               apply its MRU and async map to what we
 *                               receive
 *   we send Configure-Ack       apply its MRU and async map to what we
 *                               send (the peer's receive side)
 *
 * Any Configure-Ack received uses the remembered Request up, as in the
 * in-tree driver: after an Ack of some other Request (a late one, or a
 * peer acking what we never sent) the maps stay as they are until pppd
 * sets them, even if an Ack of our last Request follows.
 *
 * Every length is checked before it is used: these bytes come from the
 * wire or from any process that can write to the channel.
 */
#include "ppp_async.h"

#define LCP_CONFREQ		1
#define LCP_CONFACK		2
#define LCP_OPT_MRU		1
#define LCP_OPT_ASYNCMAP	2
#define LCP_HDRLEN		4	/* code, id, length */

struct lcp_opts {
	bool has_mru, has_accm;
	u16 mru;
	u32 accm;
};

/* Walk an option list; stops at the first malformed option. */
static void lcp_parse_opts(const u8 *p, size_t left, struct lcp_opts *o)
{
	memset(o, 0, sizeof(*o));
	while (left >= 2) {
		u8 type = p[0], olen = p[1];

		if (olen < 2 || olen > left)
			return;
		if (type == LCP_OPT_MRU && olen >= 4) {
			o->has_mru = true;
			o->mru = get_unaligned_be16(p + 2);
		} else if (type == LCP_OPT_ASYNCMAP && olen >= 6) {
			o->has_accm = true;
			o->accm = get_unaligned_be32(p + 2);
		}
		p += olen;
		left -= olen;
	}
}

/* Checksum of a packet from its identifier on (code excluded). */
static u16 lcp_fcs(const u8 *pkt, size_t len)
{
	if (len < 2)
		return PPP_HDLC_INITFCS;
	return ppp_hdlc_fcs(PPP_HDLC_INITFCS, pkt + 1, len - 1);
}

/* The options of a Configure-Request/Ack of @plen bytes at @pkt. */
static void lcp_opts(const u8 *pkt, size_t plen, struct lcp_opts *o)
{
	if (plen > LCP_HDRLEN)
		lcp_parse_opts(pkt + LCP_HDRLEN, plen - LCP_HDRLEN, o);
	else
		memset(o, 0, sizeof(*o));
}

/* A Configure-Ack came in: does it ack the Request we sent last? */
static bool lcp_acks_our_request(struct ppp_async *ap, const u8 *pkt,
				 size_t plen)
{
	bool ours;

	lockdep_assert_held(&ap->rx_lock);
	ours = ap->lcp_req_valid && lcp_fcs(pkt, plen) == ap->lcp_req_fcs;
	/* one Ack, of whatever Request, ends the wait */
	ap->lcp_req_valid = false;
	return ours;
}

/**
 * ppp_async_lcp_peek - act on an LCP frame going by
 * @ap: the channel
 * @data: the frame from its protocol field (c0 21) on
 * @len: its length
 * @inbound: direction
 *
 * A frame shorter than its length field says is ignored; one whose
 * length field is below the header's size is taken at that length.
 *
 * Outbound: called with tx.lock held.  Inbound: with rx_lock held.
 */
void ppp_async_lcp_peek(struct ppp_async *ap, const u8 *data, size_t len,
			bool inbound)
{
	struct lcp_opts o;
	size_t plen;
	u16 fcs;

	if (inbound)
		lockdep_assert_held(&ap->rx_lock);
	else
		lockdep_assert_held(&ap->tx.lock);
	if (len < 2 + LCP_HDRLEN)
		return;
	data += 2;
	len -= 2;
	plen = get_unaligned_be16(data + 2);
	if (plen > len)
		return;		/* truncated, or a lying length */

	switch (data[0]) {
	case LCP_CONFREQ:
		if (inbound)
			return;
		fcs = lcp_fcs(data, plen);
		spin_lock_bh(&ap->rx_lock);
		ap->lcp_req_fcs = fcs;
		ap->lcp_req_valid = true;
		spin_unlock_bh(&ap->rx_lock);
		return;

	case LCP_CONFACK:
		lcp_opts(data, plen, &o);
		if (!inbound) {
			/* What we acked is what the peer can receive. */
			if (o.has_mru)
				ap->chan.mtu = o.mru;
			if (o.has_accm) {
				ap->xaccm[0] = o.accm;
				ppp_async_update_txmaps(ap);
			}
			return;
		}
		if (!lcp_acks_our_request(ap, data, plen))
			return;
		/* RFC 1661: 1500-byte frames must always be accepted. */
		if (o.has_mru)
			ap->mru = max_t(int, o.mru, PPP_MRU);
		if (o.has_accm)
			ap->raccm = o.accm;
		return;
	}
}
