/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VJ test cases shared by the host tests (tests/host/test_vj.c) and the
 * KUnit suites (tests/kunit/vj_test.c, vj_interop_test.c): one packet
 * after a connection's first, with the compressed header RFC 1144 (and
 * slhc, where the RFC leaves a choice) writes for it; and a random walk
 * of a TCP connection.  Include after vj_pkt.h and vj_codec.h.
 */
#ifndef PPP_VJ_CASES_H
#define PPP_VJ_CASES_H

#define UNCOMP	PPP_VJC_UNCOMPRESSED
#define COMP	PPP_VJC_COMPRESSED

struct mask_case {
	const char *name;
	int dseq, dack, dwin, did;	/* did: id moves by 1 + did */
	u8 flags;			/* added to ACK */
	u16 urp;
	void (*mut)(struct vjt_pkt *first, struct vjt_pkt *next);
	int type;
	u8 want[24];			/* mask, TCP checksum, deltas */
	unsigned int want_len;
	bool not_slhc;	/* slhc compresses it: its receiver gets it wrong */
};

static inline void m_pure_ack_first(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->data = 0;
	b->data = 50;
}

static inline void m_pure_acks(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->data = 0;
	b->data = 0;
}

static inline void m_ttl(struct vjt_pkt *a, struct vjt_pkt *b) { b->ttl = 63; }
static inline void m_tos(struct vjt_pkt *a, struct vjt_pkt *b) { b->tos = 0x10; }
static inline void m_df(struct vjt_pkt *a, struct vjt_pkt *b) { b->frag = 0x4000; }
static inline void m_evil(struct vjt_pkt *a, struct vjt_pkt *b) { b->frag = 0x8000; }
static inline void m_ece(struct vjt_pkt *a, struct vjt_pkt *b) { b->flags |= VJT_F_ECE; }
static inline void m_cwr(struct vjt_pkt *a, struct vjt_pkt *b) { b->flags |= VJT_F_CWR; }
static inline void m_res(struct vjt_pkt *a, struct vjt_pkt *b) { b->tcp_res = 1; }

static inline void m_ipopt_same(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->ihl = 7;
	b->ihl = 7;
}

static inline void m_ipopt_changed(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->ihl = 7;
	b->ihl = 7;
	b->opt_fill = 1;
}

static inline void m_tcpopt_same(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->doff = 8;
	b->doff = 8;	/* e.g. timestamps */
}

static inline void m_tcpopt_changed(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->doff = 8;
	b->doff = 8;
	b->opt_fill = 3;
}

static inline void m_doff_changed(struct vjt_pkt *a, struct vjt_pkt *b)
{
	b->doff = 6;
}

static inline void m_max_options(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->ihl = 15;
	b->ihl = 15;
	a->doff = 15;
	b->doff = 15;
}

static inline void m_id_wrap(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->id = 0xffff;
	b->id = 0;
}

static inline void m_win_wrap(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->win = 0xfff0;
	b->win = 0x0010;	/* + 0x20 mod 2^16 */
}

static inline void m_seq_wrap(struct vjt_pkt *a, struct vjt_pkt *b)
{
	a->seq = 0xffffff00;
	b->seq = 0x00000100;	/* + 0x200 mod 2^32 */
}

/* 0x12, 0x34 in the headers: the next packet's TCP checksum. */
static const struct mask_case mask_cases[] = {
	{ "A", .dack = 5, .type = COMP, .want = { 0x04, 0x12, 0x34, 5 }, .want_len = 4 },
	{ "W", .dwin = 300, .type = COMP,
	  .want = { 0x02, 0x12, 0x34, 0, 0x01, 0x2c }, .want_len = 6 },
	{ "W-down", .dwin = -1, .type = COMP,
	  .want = { 0x02, 0x12, 0x34, 0, 0xff, 0xff }, .want_len = 6 },
	{ "W-wrap", .mut = m_win_wrap, .type = COMP,
	  .want = { 0x02, 0x12, 0x34, 0x20 }, .want_len = 4 },
	{ "S", .dseq = 1000, .type = COMP,
	  .want = { 0x08, 0x12, 0x34, 0, 0x03, 0xe8 }, .want_len = 6 },
	{ "S-1", .dseq = 1, .type = COMP, .want = { 0x08, 0x12, 0x34, 1 }, .want_len = 4 },
	{ "S-255", .dseq = 255, .type = COMP,
	  .want = { 0x08, 0x12, 0x34, 0xff }, .want_len = 4 },
	{ "S-256", .dseq = 256, .type = COMP,
	  .want = { 0x08, 0x12, 0x34, 0, 1, 0 }, .want_len = 6 },
	{ "S-65535", .dseq = 0xffff, .type = COMP,
	  .want = { 0x08, 0x12, 0x34, 0, 0xff, 0xff }, .want_len = 6 },
	{ "S-65536", .dseq = 0x10000, .type = UNCOMP },
	{ "S-back", .dseq = -1, .type = UNCOMP },
	{ "S-wrap", .mut = m_seq_wrap, .type = COMP,
	  .want = { 0x08, 0x12, 0x34, 0, 2, 0 }, .want_len = 6 },
	{ "A-65535", .dack = 0xffff, .type = COMP,
	  .want = { 0x04, 0x12, 0x34, 0, 0xff, 0xff }, .want_len = 6 },
	{ "A-65536", .dack = 0x10000, .type = UNCOMP },
	{ "A-back", .dack = -20, .type = UNCOMP },
	{ "U", .flags = VJT_F_URG, .urp = 7, .type = COMP,
	  .want = { 0x01, 0x12, 0x34, 7 }, .want_len = 4 },
	{ "U-zero", .flags = VJT_F_URG, .urp = 0, .type = COMP,
	  .want = { 0x01, 0x12, 0x34, 0, 0, 0 }, .want_len = 6 },
	{ "UA", .flags = VJT_F_URG, .urp = 700, .dack = 5, .type = COMP,
	  .want = { 0x05, 0x12, 0x34, 0, 0x02, 0xbc, 5 }, .want_len = 7 },
	{ "urp-without-U", .urp = 9, .dack = 1, .type = UNCOMP },
	{ "I", .dack = 1, .did = 4, .type = COMP,
	  .want = { 0x24, 0x12, 0x34, 1, 5 }, .want_len = 5 },
	{ "I-same", .dack = 1, .did = -1, .type = COMP,
	  .want = { 0x24, 0x12, 0x34, 1, 0, 0, 0 }, .want_len = 7 },
	{ "I-back", .dack = 1, .did = -2, .type = COMP,
	  .want = { 0x24, 0x12, 0x34, 1, 0, 0xff, 0xff }, .want_len = 7 },
	{ "I-wrap", .dack = 1, .mut = m_id_wrap, .type = COMP,
	  .want = { 0x24, 0x12, 0x34, 1, 1 }, .want_len = 5 },
	{ "P", .dack = 1, .flags = VJT_F_PSH, .type = COMP,
	  .want = { 0x14, 0x12, 0x34, 1 }, .want_len = 4 },
	{ "SA-echo", .dseq = 100, .dack = 100, .type = COMP,
	  .want = { 0x0b, 0x12, 0x34 }, .want_len = 3 },
	{ "SA-echo-P-I", .dseq = 100, .dack = 100, .did = 2,
	  .flags = VJT_F_PSH, .type = COMP,
	  .want = { 0x3b, 0x12, 0x34, 3 }, .want_len = 4 },
	{ "S-data", .dseq = 100, .type = COMP, .want = { 0x0f, 0x12, 0x34 }, .want_len = 3 },
	{ "SA-unequal", .dseq = 100, .dack = 99, .type = COMP,
	  .want = { 0x0c, 0x12, 0x34, 99, 100 }, .want_len = 5 },
	{ "SWU-literal", .flags = VJT_F_URG, .urp = 1, .dwin = 1, .dseq = 5,
	  .type = UNCOMP },
	{ "SAWU-literal", .flags = VJT_F_URG, .urp = 1, .dwin = 1, .dseq = 5,
	  .dack = 1, .type = UNCOMP },
	{ "UWA-I-P", .flags = VJT_F_URG | VJT_F_PSH, .urp = 2, .dwin = 3,
	  .dack = 4, .did = 5, .type = COMP,
	  .want = { 0x37, 0x12, 0x34, 2, 3, 4, 6 }, .want_len = 7 },
	{ "WAS-I-P", .flags = VJT_F_PSH, .dwin = 3, .dack = 4, .dseq = 5,
	  .did = 5, .type = COMP,
	  .want = { 0x3e, 0x12, 0x34, 3, 4, 5, 6 }, .want_len = 7 },
	{ "UAS-I", .flags = VJT_F_URG, .urp = 2, .dack = 4, .dseq = 5,
	  .did = 5, .type = COMP,
	  .want = { 0x2d, 0x12, 0x34, 2, 4, 5, 6 }, .want_len = 7 },
	{ "nothing-moved", .type = UNCOMP },
	{ "nothing-moved-P", .flags = VJT_F_PSH, .type = UNCOMP },
	{ "data-after-pure-ack", .mut = m_pure_ack_first, .type = COMP,
	  .want = { 0x00, 0x12, 0x34 }, .want_len = 3 },
	{ "pure-ack-again", .mut = m_pure_acks, .type = UNCOMP },
	{ "ttl", .dack = 1, .mut = m_ttl, .type = UNCOMP },
	{ "tos", .dack = 1, .mut = m_tos, .type = UNCOMP },
	{ "df", .dack = 1, .mut = m_df, .type = UNCOMP },
	{ "ip-reserved-flag", .dack = 1, .mut = m_evil, .type = UNCOMP,
	  .not_slhc = true },
	{ "ece", .dack = 1, .mut = m_ece, .type = UNCOMP,
	  .not_slhc = true },
	{ "cwr", .dack = 1, .mut = m_cwr, .type = UNCOMP,
	  .not_slhc = true },
	{ "tcp-reserved", .dack = 1, .mut = m_res, .type = UNCOMP,
	  .not_slhc = true },
	{ "ip-options-same", .dack = 1, .mut = m_ipopt_same, .type = COMP,
	  .want = { 0x04, 0x12, 0x34, 1 }, .want_len = 4 },
	{ "ip-options-changed", .dack = 1, .mut = m_ipopt_changed,
	  .type = UNCOMP },
	{ "tcp-options-same", .dack = 1, .mut = m_tcpopt_same, .type = COMP,
	  .want = { 0x04, 0x12, 0x34, 1 }, .want_len = 4 },
	{ "tcp-options-changed", .dack = 1, .mut = m_tcpopt_changed,
	  .type = UNCOMP },
	{ "tcp-header-grew", .dack = 1, .mut = m_doff_changed, .type = UNCOMP },
	{ "longest-headers", .dack = 1, .mut = m_max_options, .type = COMP,
	  .want = { 0x04, 0x12, 0x34, 1 }, .want_len = 4 },
};

static inline void mask_case_pkts(const struct mask_case *c,
				  struct vjt_pkt *a, struct vjt_pkt *b)
{
	*a = vjt_base();
	*b = *a;
	b->csum = 0x1234;
	if (c->mut)
		c->mut(a, b);
	b->seq += c->dseq;
	b->ack += c->dack;
	b->win += c->dwin;
	if (c->mut != m_id_wrap)
		b->id = a->id + 1 + c->did;
	b->flags |= c->flags;
	b->urp = c->urp;
}

/*
 * One step of a connection: retransmission, echo, window moves, urgent
 * data (if vjt_step_urg), id jumps, big acks, bulk data; sometimes PSH,
 * a TTL or option change, ECE (if vjt_step_ece).
 */
static bool vjt_step_urg = true, vjt_step_ece = true;

static inline void vjt_step(struct vjt_pkt *p, u32 (*rnd)(void))
{
	u32 r = rnd();

	p->id++;
	p->flags = VJT_F_ACK;
	switch (r % 10) {
	case 0:			/* retransmission */
		break;
	case 1:			/* echo */
		p->seq += p->data;
		p->ack += p->data;
		break;
	case 2:			/* window */
		p->win += (rnd() % 2000) - 1000;
		break;
	case 3:			/* urgent data */
		if (!vjt_step_urg)
			break;
		p->flags |= VJT_F_URG;
		p->urp = rnd() % 3 ? rnd() % 300 : 0;
		p->seq += p->data;
		break;
	case 4:			/* id jumps */
		p->id += rnd() % 70000;
		p->seq += p->data;
		break;
	case 5:			/* big ack */
		p->ack += rnd() % 0x18000;
		break;
	default:		/* bulk */
		p->seq += p->data;
		p->ack += rnd() % 3 ? 0 : rnd() % 3000;
		break;
	}
	if (!(p->flags & VJT_F_URG))
		p->urp = rnd() % 20 ? p->urp : rnd();
	if (rnd() % 4 == 0)
		p->flags |= VJT_F_PSH;
	if (rnd() % 30 == 0)
		p->ttl = 32 + rnd() % 2;
	if (rnd() % 50 == 0)
		p->doff = 5 + rnd() % 11;
	if (rnd() % 50 == 0)
		p->opt_fill = rnd();
	if (vjt_step_ece && rnd() % 60 == 0)
		p->flags |= VJT_F_ECE;	/* slhc would send it compressed */
	p->data = rnd() % 4 ? rnd() % 1400 : 0;
	p->csum = rnd();
}

#endif /* PPP_VJ_CASES_H */
