/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TCP/IP packets for the VJ tests (host tests, KUnit suites): a packet is
 * described by its fields and built with a right IP checksum and tot_len,
 * which is what a VJ receiver restores.  Header-only (static functions),
 * included by tests/host/test_vj.c and the VJ KUnit suites here.
 */
#ifndef PPP_VJ_PKT_H
#define PPP_VJ_PKT_H

struct vjt_pkt {
	u32 saddr, daddr;
	u16 sport, dport;
	u32 seq, ack;
	u16 win, urp, id;
	u8 flags;		/* TCP flags byte; ACK unless a case says */
	u8 tos, ttl;
	u16 frag;		/* DF, reserved bit, MF, offset */
	u8 proto;		/* 0: TCP */
	u8 version;		/* 0: 4 */
	u8 ihl, doff;		/* words; 0: 5 */
	u8 tcp_res;		/* low nibble of the doff byte */
	u8 opt_fill;		/* option bytes are opt_fill + index */
	u16 data;		/* payload bytes */
	u16 csum;		/* TCP checksum (not checked by VJ) */
};

#define VJT_F_FIN	0x01
#define VJT_F_SYN	0x02
#define VJT_F_RST	0x04
#define VJT_F_PSH	0x08
#define VJT_F_ACK	0x10
#define VJT_F_URG	0x20
#define VJT_F_ECE	0x40
#define VJT_F_CWR	0x80

static inline void vjt_put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static inline void vjt_put32(u8 *p, u32 v)
{
	vjt_put16(p, v >> 16);
	vjt_put16(p + 2, v);
}

static inline u16 vjt_get16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

/* Ones' complement sum, written independently of the codec's. */
static inline u16 vjt_csum(const u8 *p, unsigned int len)
{
	u32 sum = 0;

	while (len > 1) {
		sum += p[0] << 8 | p[1];
		p += 2;
		len -= 2;
	}
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return ~sum & 0xffff;
}

/* Builds @p into @buf (room for 120 + data bytes); returns its length. */
static inline unsigned int vjt_build(const struct vjt_pkt *p, u8 *buf)
{
	unsigned int ihl = (p->ihl ? p->ihl : 5) * 4;
	unsigned int doff = (p->doff ? p->doff : 5) * 4;
	unsigned int len = ihl + doff + p->data, i;
	u8 *tcp = buf + ihl;

	memset(buf, 0, ihl + doff);
	buf[0] = (p->version ? p->version : 4) << 4 | ihl / 4;
	buf[1] = p->tos;
	vjt_put16(buf + 2, len);
	vjt_put16(buf + 4, p->id);
	vjt_put16(buf + 6, p->frag);
	buf[8] = p->ttl ? p->ttl : 64;
	buf[9] = p->proto ? p->proto : 6;
	vjt_put32(buf + 12, p->saddr);
	vjt_put32(buf + 16, p->daddr);
	for (i = 20; i < ihl; i++)
		buf[i] = p->opt_fill + i;
	vjt_put16(buf + 10, vjt_csum(buf, ihl));

	vjt_put16(tcp, p->sport);
	vjt_put16(tcp + 2, p->dport);
	vjt_put32(tcp + 4, p->seq);
	vjt_put32(tcp + 8, p->ack);
	tcp[12] = doff / 4 << 4 | (p->tcp_res & 0x0f);
	tcp[13] = p->flags;
	vjt_put16(tcp + 14, p->win);
	vjt_put16(tcp + 16, p->csum);
	vjt_put16(tcp + 18, p->urp);
	for (i = 20; i < doff; i++)
		tcp[i] = p->opt_fill + 0x40 + i;
	for (i = 0; i < p->data; i++)
		tcp[doff + i] = (u8)(p->seq + i);
	return len;
}

/* The first packet of a connection in the tests: 100 bytes of data. */
static inline struct vjt_pkt vjt_base(void)
{
	struct vjt_pkt p = {
		.saddr = 0xc0000201, .daddr = 0xc0000202,	/* 192.0.2.1/2 */
		.sport = 40000, .dport = 5001,
		.seq = 1000000, .ack = 2000000, .win = 29200, .id = 100,
		.flags = VJT_F_ACK, .data = 100, .csum = 0xbeef,
	};

	return p;
}

/*
 * The segment after @a with every field that has a delta changed (URG,
 * window, ack, id; no data, so the sequence stays): the longest
 * compressed header, 16 bytes.
 */
static inline struct vjt_pkt vjt_all_deltas(struct vjt_pkt a)
{
	a.flags |= VJT_F_URG | VJT_F_PSH;
	a.urp = 300;
	a.win += 400;
	a.ack += 500;
	a.id += 700;
	a.data = 0;
	return a;
}

#endif /* PPP_VJ_PKT_H */
