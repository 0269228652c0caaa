// SPDX-License-Identifier: GPL-2.0
/*
 * Van Jacobson TCP/IP header compression (RFC 1144), IPv4 only.
 *
 * A compressed packet (PPP_VJC_COMP) is: a change mask, the slot id when
 * the mask has C, the TCP checksum, then the deltas of the fields the mask
 * names, in the order U W A S I, each one byte 1-255 or 0 and two bytes.
 * An uncompressed one (PPP_VJC_UNCOMP) is the whole packet with the slot
 * id in place of the IP protocol byte: it (re)fills the receiver's slot.
 *
 * Byte for byte what the kernel's slhc sends, with three exceptions, all
 * cases where slhc's receiver would rebuild a header other than the one
 * sent: a packet whose TCP flags other than PSH and URG, TCP reserved bits
 * or IP reserved flag changed goes uncompressed (they are not in the
 * compressed form); the receiver clears URG in the two special cases (the
 * sender only uses them when URG is clear); and it adds the SPECIAL_I
 * length as the unsigned number it is.
 *
 * Receive never trusts the saved state's lengths more than the packet's:
 * a slot is used only after an UNCOMP packet whose headers were all there
 * filled it, and a bad COMP packet leaves the slot as it was.
 */
#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#endif
#include "vj_codec.h"

/* Change mask bits (RFC 1144, 3.2.2). */
#define VJ_U		0x01	/* urgent pointer */
#define VJ_W		0x02	/* window delta */
#define VJ_A		0x04	/* ack delta */
#define VJ_S		0x08	/* sequence delta */
#define VJ_P		0x10	/* PSH flag */
#define VJ_I		0x20	/* IP id delta other than 1 */
#define VJ_C		0x40	/* slot id follows */
#define VJ_DELTAS	(VJ_U | VJ_W | VJ_A | VJ_S)
/* Masks no sender would write for their own meaning: */
#define VJ_SPECIAL_I	(VJ_S | VJ_W | VJ_U)	/* echo: S and A += data */
#define VJ_SPECIAL_D	(VJ_S | VJ_A | VJ_W | VJ_U) /* bulk: S += data */

/* IPv4 header */
#define VJ_IP_VIHL		0	/* version 4, header length in words */
#define VJ_IP_TOS		1
#define VJ_IP_LEN		2
#define VJ_IP_ID		4
#define VJ_IP_FRAG		6
#define VJ_IP_TTL		8
#define VJ_IP_PROTO		9
#define VJ_IP_CSUM		10
#define VJ_IP_ADDRS		12	/* source, destination */
#define VJ_IP_FRAG_OFFSET	0x3fff	/* MF and the offset: a fragment */
#define VJ_IP_PROTO_TCP		6
#define VJ_IP_MIN		20

/* TCP header */
#define VJ_TCP_PORTS		0	/* source, destination */
#define VJ_TCP_SEQ		4
#define VJ_TCP_ACK		8
#define VJ_TCP_DOFF		12	/* header length in words, reserved bits */
#define VJ_TCP_FLAGS		13
#define VJ_TCP_WIN		14
#define VJ_TCP_CSUM		16
#define VJ_TCP_URP		18
#define VJ_TCP_FIN		0x01
#define VJ_TCP_SYN		0x02
#define VJ_TCP_RST		0x04
#define VJ_TCP_PSH		0x08
#define VJ_TCP_ACKF		0x10
#define VJ_TCP_URG		0x20
#define VJ_TCP_MIN		20

/*
 * The most a compressed header's deltas take: five of 3 bytes (after the
 * mask, the slot id and the checksum).
 */
#define VJ_DELTAS_MAX	(5 * 3)

static unsigned int vj_ihl(const u8 *ip)
{
	return (ip[VJ_IP_VIHL] & 0x0f) * 4;
}

static unsigned int vj_doff(const u8 *tcp)
{
	return (tcp[VJ_TCP_DOFF] >> 4) * 4;
}

static void vj_add16(u8 *p, u32 delta)
{
	put_unaligned_be16(get_unaligned_be16(p) + delta, p);
}

static void vj_add32(u8 *p, u32 delta)
{
	put_unaligned_be32(get_unaligned_be32(p) + delta, p);
}

/* Four bytes as the CPU loads them, at any alignment. */
static __always_inline u32 vj_load32(const u8 *p)
{
	u32 w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/*
 * The IP header checksum of @len bytes (20 or more, a multiple of four)
 * as the two bytes to store: 0 over a header that carries a right one.
 * The ones' complement sum comes out the same in either byte order (RFC
 * 1071), so the header is summed a word at a time as the CPU loads it.
 */
static __always_inline u16 vj_ip_csum(const u8 *ip, unsigned int len)
{
	u64 sum = (u64)vj_load32(ip) + vj_load32(ip + 4) + vj_load32(ip + 8) +
		  vj_load32(ip + 12) + vj_load32(ip + 16);
	unsigned int i;
	u32 s;

	for (i = VJ_IP_MIN; i < len; i += 4)
		sum += vj_load32(ip + i);
	/* 64 bits to 32, then to 16, each carry added back in */
	s = (u32)sum + (u32)(sum >> 32);
	s += s < (u32)sum;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return ~s & 0xffff;
}

/* As vj_ip_csum(), stored into the header's checksum field. */
static void vj_ip_csum_set(u8 *ip, unsigned int len)
{
	u16 c;

	memset(ip + VJ_IP_CSUM, 0, sizeof(c));
	c = vj_ip_csum(ip, len);
	memcpy(ip + VJ_IP_CSUM, &c, sizeof(c));
}

/*
 * Options are whole 32-bit words (ihl and doff count words), at most ten
 * of them, mostly TCP's 12-byte timestamp: they are compared and copied
 * a word at a time, inline, where a call to memcmp() or memcpy() would
 * cost more than the bytes.  Little-endian loads and stores: a plain
 * load and store on the CPUs that matter, and a copy or an equality test
 * on any.  (memcpy() into a slot's array at a varying offset would get a
 * bounds check per word under FORTIFY_SOURCE.)
 */
static __always_inline bool vj_words_differ(const u8 *a, const u8 *b,
					    unsigned int len)
{
	unsigned int i;
	u32 x = 0;

	for (i = 0; i < len; i += 4)
		x |= get_unaligned_le32(a + i) ^ get_unaligned_le32(b + i);
	return x;
}

static __always_inline void vj_copy_words(u8 *to, const u8 *from,
					  unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i += 4)
		put_unaligned_le32(get_unaligned_le32(from + i), to + i);
}

/*
 * A header of @len bytes, at least @fixed: the fixed part is a copy of
 * constant size, which the compiler does with a few moves, then the
 * options.
 */
static __always_inline void vj_copy_hdr(u8 *to, const u8 *from,
					unsigned int len, unsigned int fixed)
{
	memcpy(to, from, fixed);
	if (len > fixed)
		vj_copy_words(to + fixed, from + fixed, len - fixed);
}

/**
 * ppp_vjc_size - bytes a state with these slot counts needs
 * @rx_slots: receive slots, 0 (no VJ receive) to PPP_VJ_MAX_SLOTS
 * @tx_slots: transmit slots, 0 (no VJ transmit) to PPP_VJ_MAX_SLOTS
 *
 * Return: the size, or 0 when a count is out of range.
 */
size_t ppp_vjc_size(unsigned int rx_slots, unsigned int tx_slots)
{
	if (rx_slots > PPP_VJ_MAX_SLOTS || tx_slots > PPP_VJ_MAX_SLOTS)
		return 0;
	return sizeof(struct ppp_vjc) +
	       (rx_slots + tx_slots) * sizeof(struct ppp_vjc_slot);
}

/**
 * ppp_vjc_init - set up a state of ppp_vjc_size() bytes
 * @vj: the state
 * @rx_slots: receive slots (in range)
 * @tx_slots: transmit slots (in range)
 *
 * Transmit slots form a ring, most recently used after tx_oldest; at
 * first slot 0 is the oldest and the ring runs down from the highest id,
 * the order slhc starts from (slot ids on the wire depend on it).
 * Receive drops COMP packets until an UNCOMP one or a slot id arrives.
 */
void ppp_vjc_init(struct ppp_vjc *vj, unsigned int rx_slots,
		  unsigned int tx_slots)
{
	struct ppp_vjc_slot *tx = vj->slot + rx_slots;
	unsigned int i;

	memset(vj, 0, ppp_vjc_size(rx_slots, tx_slots));
	vj->rx_slots = rx_slots;
	vj->tx_slots = tx_slots;
	for (i = 1; i < tx_slots; i++)
		tx[i].next = i - 1;
	if (tx_slots)
		tx[0].next = tx_slots - 1;
	vj->tx_oldest = 0;
	vj->tx_last = PPP_VJ_NO_SLOT;
	vj->rx_toss = true;
}

/* ---- transmit */

static u8 *vj_put_delta(u8 *cp, u16 n)
{
	if (n == 0 || n > 255) {
		*cp++ = 0;
		put_unaligned_be16(n, cp);
		return cp + 2;
	}
	*cp++ = n;
	return cp;
}

static bool vj_same_conn(const struct ppp_vjc_slot *s, const u8 *ip,
			 const u8 *tcp)
{
	/* addresses and ports: three words, no call */
	return vj_load32(s->ip + VJ_IP_ADDRS) == vj_load32(ip + VJ_IP_ADDRS) &&
	       vj_load32(s->ip + VJ_IP_ADDRS + 4) ==
			vj_load32(ip + VJ_IP_ADDRS + 4) &&
	       vj_load32(s->tcp + VJ_TCP_PORTS) == vj_load32(tcp + VJ_TCP_PORTS);
}

/*
 * The slot of this connection, made the most recently used; a new
 * connection takes the least recently used one (*miss set).  Same walk,
 * same counts as slhc: the slot ids on the wire depend on it.
 */
static u8 vj_tx_slot(struct ppp_vjc *vj, const u8 *ip, const u8 *tcp,
		     bool *miss)
{
	struct ppp_vjc_slot *tx = vj->slot + vj->rx_slots;
	u8 oldest = vj->tx_oldest, prev = oldest, id = tx[oldest].next;

	*miss = false;
	while (!vj_same_conn(&tx[id], ip, tcp)) {
		if (id == oldest) {
			/* The oldest slot turns into the newest. */
			vj->stats.out_misses++;
			vj->tx_oldest = prev;
			*miss = true;
			return id;
		}
		prev = id;
		id = tx[id].next;
		vj->stats.out_searches++;
	}
	if (prev == oldest)
		return id;		/* already the newest */
	if (id == oldest) {
		vj->tx_oldest = prev;	/* the oldest: turn the ring */
		return id;
	}
	tx[prev].next = tx[id].next;	/* unlink, put after the oldest */
	tx[id].next = tx[oldest].next;
	tx[oldest].next = id;
	return id;
}

/*
 * Anything the compressed form does not carry must be as the receiver
 * has it: version and lengths, TOS, flags other than MF (a fragment is
 * not compressed at all), TTL, options, TCP flags other than PSH and URG
 * and the TCP reserved bits.
 */
static bool vj_fixed_changed(const struct ppp_vjc_slot *s, const u8 *ip,
			     const u8 *tcp)
{
	unsigned int ihl = vj_ihl(ip), doff = vj_doff(tcp);
	const u8 keep = (u8)~(VJ_TCP_PSH | VJ_TCP_URG);

	return s->ip[VJ_IP_VIHL] != ip[VJ_IP_VIHL] || s->ip[VJ_IP_TOS] != ip[VJ_IP_TOS] ||
	       get_unaligned_be16(s->ip + VJ_IP_FRAG) !=
			get_unaligned_be16(ip + VJ_IP_FRAG) ||
	       s->ip[VJ_IP_TTL] != ip[VJ_IP_TTL] ||
	       s->tcp[VJ_TCP_DOFF] != tcp[VJ_TCP_DOFF] ||
	       (s->tcp[VJ_TCP_FLAGS] & keep) != (tcp[VJ_TCP_FLAGS] & keep) ||
	       (ihl > VJ_IP_MIN &&
		vj_words_differ(s->ip + VJ_IP_MIN, ip + VJ_IP_MIN,
				ihl - VJ_IP_MIN)) ||
	       (doff > VJ_TCP_MIN &&
		vj_words_differ(s->tcp + VJ_TCP_MIN, tcp + VJ_TCP_MIN,
				doff - VJ_TCP_MIN));
}

/*
 * The change mask and deltas (U W A S, and I) of a packet against its
 * slot, written to @cp; -1 when only an UNCOMP packet will do.
 */
static int vj_deltas(const struct ppp_vjc_slot *s, const u8 *ip,
		     const u8 *tcp, unsigned int hlen, u8 *cp)
{
	u32 old_data = get_unaligned_be16(s->ip + VJ_IP_LEN) - hlen;
	u8 *start = cp;
	u32 ds, da;
	u16 dw;
	int mask = 0;

	if (tcp[VJ_TCP_FLAGS] & VJ_TCP_URG) {
		cp = vj_put_delta(cp, get_unaligned_be16(tcp + VJ_TCP_URP));
		mask |= VJ_U;
	} else if (get_unaligned_be16(tcp + VJ_TCP_URP) !=
		   get_unaligned_be16(s->tcp + VJ_TCP_URP)) {
		return -1;	/* urgent pointer moved without URG */
	}
	dw = get_unaligned_be16(tcp + VJ_TCP_WIN) -
	     get_unaligned_be16(s->tcp + VJ_TCP_WIN);
	if (dw) {
		cp = vj_put_delta(cp, dw);
		mask |= VJ_W;
	}
	da = get_unaligned_be32(tcp + VJ_TCP_ACK) -
	     get_unaligned_be32(s->tcp + VJ_TCP_ACK);
	if (da) {
		if (da > 0xffff)
			return -1;
		cp = vj_put_delta(cp, da);
		mask |= VJ_A;
	}
	ds = get_unaligned_be32(tcp + VJ_TCP_SEQ) -
	     get_unaligned_be32(s->tcp + VJ_TCP_SEQ);
	if (ds) {
		if (ds > 0xffff)
			return -1;
		cp = vj_put_delta(cp, ds);
		mask |= VJ_S;
	}

	switch (mask) {
	case 0:
		/*
		 * Nothing moved: data right after a pure ACK goes compressed,
		 * anything else is likely a retransmission, which the
		 * receiver may have missed: resend its header.
		 */
		if (get_unaligned_be16(ip + VJ_IP_LEN) ==
		    get_unaligned_be16(s->ip + VJ_IP_LEN) || old_data)
			return -1;
		break;
	case VJ_SPECIAL_I:
	case VJ_SPECIAL_D:
		return -1;	/* the receiver would read them as specials */
	case VJ_S | VJ_A:
		if (ds == da && ds == old_data) {
			mask = VJ_SPECIAL_I;
			cp = start;
		}
		break;
	case VJ_S:
		if (ds == old_data) {
			mask = VJ_SPECIAL_D;
			cp = start;
		}
		break;
	}

	/* An id that is not the last one plus 1 (wrap included, as slhc). */
	if ((int)get_unaligned_be16(ip + VJ_IP_ID) -
	    (int)get_unaligned_be16(s->ip + VJ_IP_ID) != 1) {
		cp = vj_put_delta(cp, get_unaligned_be16(ip + VJ_IP_ID) -
				  get_unaligned_be16(s->ip + VJ_IP_ID));
		mask |= VJ_I;
	}
	if (tcp[VJ_TCP_FLAGS] & VJ_TCP_PSH)
		mask |= VJ_P;
	return mask << 8 | (cp - start);
}

/* Whether this packet may be sent as VJ at all, and its header length. */
static unsigned int vj_tx_hlen(struct ppp_vjc *vj, const u8 *ip,
			       unsigned int len)
{
	unsigned int ihl, hlen;
	const u8 *tcp;

	if (len < VJ_IP_MIN || ip[VJ_IP_VIHL] >> 4 != 4 || vj_ihl(ip) < VJ_IP_MIN)
		return 0;
	if (ip[VJ_IP_PROTO] != VJ_IP_PROTO_TCP) {
		vj->stats.out_other++;
		return 0;
	}
	if (get_unaligned_be16(ip + VJ_IP_FRAG) & VJ_IP_FRAG_OFFSET) {
		vj->stats.out_tcp++;
		return 0;
	}
	ihl = vj_ihl(ip);
	if (len < ihl + VJ_TCP_MIN)
		return 0;
	tcp = ip + ihl;
	if (vj_doff(tcp) < VJ_TCP_MIN)
		return 0;
	hlen = ihl + vj_doff(tcp);
	if (hlen > len || (tcp[VJ_TCP_FLAGS] & (VJ_TCP_SYN | VJ_TCP_FIN | VJ_TCP_RST)) ||
	    !(tcp[VJ_TCP_FLAGS] & VJ_TCP_ACKF)) {
		vj->stats.out_tcp++;	/* connection set-up or tear-down */
		return 0;
	}
	return hlen;
}

/**
 * ppp_vjc_compress - compress the TCP/IP header of an outgoing packet
 * @vj: the state (transmit side serialised by the caller)
 * @pkt: the IP packet, written in place
 * @len: bytes at @pkt: the packet, or at least its first PPP_VJ_HDR_MAX
 * @cid_ok: the peer accepts packets without a slot id (no SC_NO_TCP_CCID)
 * @start: set for PPP_VJC_COMPRESSED: where the packet now starts
 *
 * Return: PPP_VJC_IP (@pkt unchanged: not TCP, not compressible, or no
 * transmit slots), PPP_VJC_UNCOMPRESSED (byte 9 now holds the slot id) or
 * PPP_VJC_COMPRESSED (the compressed header ends where the TCP header did:
 * the packet is @pkt + *@start up to its end).
 */
enum ppp_vjc_type ppp_vjc_compress(struct ppp_vjc *vj, u8 *pkt,
				   unsigned int len, bool cid_ok,
				   unsigned int *start)
{
	unsigned int hlen, ihl, n, k;
	u8 deltas[VJ_DELTAS_MAX] __uninitialized;
	struct ppp_vjc_slot *s;
	u8 *tcp, *cp, id;
	bool miss, cid;
	u16 csum;
	int d;

	if (!vj->tx_slots)
		return PPP_VJC_IP;
	hlen = vj_tx_hlen(vj, pkt, len);
	if (!hlen)
		return PPP_VJC_IP;
	ihl = vj_ihl(pkt);
	tcp = pkt + ihl;
	id = vj_tx_slot(vj, pkt, tcp, &miss);
	s = &vj->slot[vj->rx_slots + id];

	if (miss || vj_fixed_changed(s, pkt, tcp))
		goto uncompressed;
	d = vj_deltas(s, pkt, tcp, hlen, deltas);
	if (d < 0)
		goto uncompressed;
	memcpy(s->ip, pkt, VJ_IP_MIN);
	memcpy(s->tcp, tcp, VJ_TCP_MIN);

	/*
	 * Mask, maybe the slot id, the TCP checksum, the deltas: written
	 * to end where the TCP header did, over its last bytes (the
	 * checksum among them, read first).
	 */
	csum = get_unaligned_be16(tcp + VJ_TCP_CSUM);
	cid = !cid_ok || vj->tx_last != id;
	n = d & 0xff;
	*start = hlen - (1 + cid + 2 + n);
	cp = pkt + *start;
	*cp++ = (d >> 8) | (cid ? VJ_C : 0);
	if (cid) {
		*cp++ = id;
		vj->tx_last = id;
	}
	put_unaligned_be16(csum, cp);
	cp += 2;
	for (k = 0; k < n; k++)		/* at most 15, mostly none */
		cp[k] = deltas[k];
	vj->stats.out_compressed++;
	return PPP_VJC_COMPRESSED;

uncompressed:
	vj_copy_hdr(s->ip, pkt, ihl, VJ_IP_MIN);
	vj_copy_hdr(s->tcp, tcp, vj_doff(tcp), VJ_TCP_MIN);
	vj->tx_last = id;
	pkt[VJ_IP_PROTO] = id;
	vj->stats.out_uncompressed++;
	return PPP_VJC_UNCOMPRESSED;
}

/* ---- receive */

/**
 * ppp_vjc_toss - drop COMP packets without a slot id from now on
 * @vj: the state
 *
 * After a lost or bad frame the receiver's idea of the current slot
 * cannot be trusted; a slot id or an UNCOMP packet ends the tossing.
 */
void ppp_vjc_toss(struct ppp_vjc *vj)
{
	vj->rx_toss = true;
}

static int vj_rx_error(struct ppp_vjc *vj)
{
	vj->stats.in_errors++;
	vj->rx_toss = true;
	return -1;
}

/* One delta: 1-255 in a byte, else 0 and two bytes; -1 when cut short. */
static int vj_get_delta(const u8 **cp, const u8 *end)
{
	const u8 *p = *cp;

	if (p >= end)
		return -1;
	if (*p) {
		*cp = p + 1;
		return *p;
	}
	if (end - p < 3)
		return -1;
	*cp = p + 3;
	return get_unaligned_be16(p + 1);
}

/*
 * The deltas of a COMP packet, all read before the slot changes: a
 * packet found cut short leaves the slot as it was.
 */
struct vj_rx_deltas {
	u16 urp;
	u16 win;
	u16 ack;
	u16 seq;
	u16 id;
};

/* The deltas @mask names, from *@cp on; false when they run past @end. */
static bool vj_read_deltas(struct vj_rx_deltas *d, unsigned int mask,
			   const u8 **cp, const u8 *end)
{
	int x;

	switch (mask & VJ_DELTAS) {
	case VJ_SPECIAL_I:
	case VJ_SPECIAL_D:
		break;
	default:
		if (mask & VJ_U) {
			x = vj_get_delta(cp, end);
			if (x < 0)
				return false;
			d->urp = x;
		}
		if (mask & VJ_W) {
			x = vj_get_delta(cp, end);
			if (x < 0)
				return false;
			d->win = x;
		}
		if (mask & VJ_A) {
			x = vj_get_delta(cp, end);
			if (x < 0)
				return false;
			d->ack = x;
		}
		if (mask & VJ_S) {
			x = vj_get_delta(cp, end);
			if (x < 0)
				return false;
			d->seq = x;
		}
	}
	x = mask & VJ_I ? vj_get_delta(cp, end) : 1;
	if (x < 0)
		return false;
	d->id = x;
	return true;
}

/*
 * Apply @mask and the deltas @d to a slot's headers @ip/@tcp; @data is
 * the payload length of the slot's last packet.
 */
static void vj_apply(u8 *ip, u8 *tcp, unsigned int mask,
		     const struct vj_rx_deltas *d, u32 data)
{
	u8 flags = tcp[VJ_TCP_FLAGS] & ~(VJ_TCP_PSH | VJ_TCP_URG);

	if (mask & VJ_P)
		flags |= VJ_TCP_PSH;
	switch (mask & VJ_DELTAS) {
	case VJ_SPECIAL_I:
		vj_add32(tcp + VJ_TCP_ACK, data);
		vj_add32(tcp + VJ_TCP_SEQ, data);
		break;
	case VJ_SPECIAL_D:
		vj_add32(tcp + VJ_TCP_SEQ, data);
		break;
	default:
		if (mask & VJ_U) {
			flags |= VJ_TCP_URG;
			put_unaligned_be16(d->urp, tcp + VJ_TCP_URP);
		}
		if (mask & VJ_W)
			vj_add16(tcp + VJ_TCP_WIN, d->win);
		if (mask & VJ_A)
			vj_add32(tcp + VJ_TCP_ACK, d->ack);
		if (mask & VJ_S)
			vj_add32(tcp + VJ_TCP_SEQ, d->seq);
	}
	tcp[VJ_TCP_FLAGS] = flags;
	vj_add16(ip + VJ_IP_ID, d->id);
}

/**
 * ppp_vjc_uncompress_room - restore the TCP/IP header of a COMP packet
 * @vj: the state (receive side serialised by the caller)
 * @buf: the packet after the PPP protocol field, rewritten in place
 * @len: its length
 * @before: bytes writable before @buf
 * @after: bytes writable after the packet (at @buf + @len)
 * @start: set to where the IP packet starts, relative to @buf
 *
 * The restored header goes in front of the payload where @before leaves
 * room for it (*@start is then negative, the payload stays where it is),
 * else the payload moves up to make room after the header (*@start is
 * 0).  A frame's header grows by PPP_VJ_MAX_GROWTH bytes at most, so
 * that much room on either side always suffices.
 *
 * Return: the length of the IP packet, or -1 (counted, and the state
 * tosses until the next slot id): cut short, bad slot id, a slot no
 * UNCOMP packet filled, no room, tossing.
 */
int ppp_vjc_uncompress_room(struct ppp_vjc *vj, u8 *buf, unsigned int len,
			    unsigned int before, unsigned int after,
			    int *start)
{
	unsigned int mask, ihl, hlen, data, id, csum, used;
	const u8 *cp = buf, *end = buf + len;
	struct vj_rx_deltas d = { };
	struct ppp_vjc_slot *s;
	u8 *ip;

	vj->stats.in_compressed++;
	if (len < 3 || !vj->rx_slots)
		return vj_rx_error(vj);
	mask = *cp++;
	if (mask & VJ_C) {
		id = *cp++;
		if (id >= vj->rx_slots || !vj->slot[id].valid)
			return vj_rx_error(vj);
		vj->rx_toss = false;
		vj->rx_last = id;
	} else if (vj->rx_toss) {
		vj->stats.in_tossed++;
		return -1;
	}
	s = &vj->slot[vj->rx_last];
	if (end - cp < 2)
		return vj_rx_error(vj);

	csum = get_unaligned_be16(cp);
	cp += 2;
	if (!vj_read_deltas(&d, mask, &cp, end))
		return vj_rx_error(vj);
	ihl = vj_ihl(s->ip);
	hlen = ihl + vj_doff(s->tcp);
	used = cp - buf;
	data = len - used;
	if (hlen + data > 0xffff)
		return vj_rx_error(vj);
	if (hlen <= used + before)
		ip = buf + used - hlen;		/* in front of the payload */
	else if (hlen + data <= len + after)
		ip = buf;			/* the payload moves up */
	else
		return vj_rx_error(vj);

	/* A good packet: restored in the slot, then copied out. */
	vj_apply(s->ip, s->tcp, mask, &d,
		 get_unaligned_be16(s->ip + VJ_IP_LEN) - hlen);
	put_unaligned_be16(csum, s->tcp + VJ_TCP_CSUM);
	put_unaligned_be16(hlen + data, s->ip + VJ_IP_LEN);
	vj_ip_csum_set(s->ip, ihl);

	if (ip == buf)
		memmove(buf + hlen, cp, data);
	vj_copy_hdr(ip, s->ip, ihl, VJ_IP_MIN);
	vj_copy_hdr(ip + ihl, s->tcp, hlen - ihl, VJ_TCP_MIN);
	*start = ip - buf;
	return hlen + data;
}

/**
 * ppp_vjc_uncompress - restore the TCP/IP header of a COMP packet at @buf
 * @vj: the state (receive side serialised by the caller)
 * @buf: the packet after the PPP protocol field, rewritten in place
 * @len: its length
 * @size: bytes writable at @buf, at least @len; PPP_VJ_MAX_GROWTH more
 *	  always suffice
 *
 * The payload moves up to make room for the header.
 *
 * Return: the length of the IP packet now at @buf, or -1 as for
 * ppp_vjc_uncompress_room().
 */
int ppp_vjc_uncompress(struct ppp_vjc *vj, u8 *buf, unsigned int len,
		       unsigned int size)
{
	int start;

	return ppp_vjc_uncompress_room(vj, buf, len, 0,
				       size > len ? size - len : 0, &start);
}

/**
 * ppp_vjc_remember - take the headers of an UNCOMP packet into its slot
 * @vj: the state (receive side serialised by the caller)
 * @pkt: the packet after the PPP protocol field; its protocol byte (the
 *	 slot id) is set back to TCP
 * @len: bytes at @pkt: the packet, or at least its first PPP_VJ_HDR_MAX
 *
 * Checks in slhc's order, which decides the counter: no receive slots
 * (error), too short for IP (runt), IP header checksum (bad checksum),
 * slot id (error), too short for TCP (runt).
 *
 * Return: 0, or -1 (counted; the state tosses until the next slot id).
 */
int ppp_vjc_remember(struct ppp_vjc *vj, u8 *pkt, unsigned int len)
{
	unsigned int ihl, doff, id;
	struct ppp_vjc_slot *s;
	const u8 *tcp;

	if (!vj->rx_slots)
		return vj_rx_error(vj);
	ihl = len < VJ_IP_MIN ? 0 : vj_ihl(pkt);
	if (ihl < VJ_IP_MIN || len < ihl + VJ_TCP_MIN)
		goto runt;
	id = pkt[VJ_IP_PROTO];
	pkt[VJ_IP_PROTO] = VJ_IP_PROTO_TCP;
	if (vj_ip_csum(pkt, ihl)) {
		vj->stats.in_bad_csum++;
		vj->rx_toss = true;
		return -1;
	}
	if (id >= vj->rx_slots)
		return vj_rx_error(vj);
	tcp = pkt + ihl;
	doff = vj_doff(tcp);
	if (doff < VJ_TCP_MIN || len < ihl + doff)
		goto runt;

	s = &vj->slot[id];
	vj_copy_hdr(s->ip, pkt, ihl, VJ_IP_MIN);
	vj_copy_hdr(s->tcp, tcp, doff, VJ_TCP_MIN);
	s->valid = true;
	vj->rx_last = id;
	vj->rx_toss = false;
	vj->stats.in_uncompressed++;
	return 0;

runt:
	vj->stats.in_runts++;
	vj->rx_toss = true;
	return -1;
}
