// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_vj_slhc: our VJ codec (vj_codec.c, compiled in) against the
 * kernel's slhc, both directions.  For the same packets and state the
 * compressed frames must be equal byte for byte, and each side's
 * receiver must restore the other's frames to the packets that went in.
 * The one difference is on purpose: packets whose TCP flags (ECE, CWR),
 * TCP reserved bits or IP reserved flag changed, which slhc compresses
 * and its own receiver then restores with the old bits; ours sends them
 * uncompressed, and this suite shows slhc's receiver getting them wrong.
 *
 * Built only where the kernel has slhc (CONFIG_SLHC: the debug kernel
 * has SLIP=m); the only module here that needs it.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <net/slhc_vj.h>

#include "vj_codec.c"
#include "vj_pkt.h"
#include "vj_cases.h"

#define VS_ROOM		(PPP_VJ_HDR_MAX + 1500 + 128)

/* One end of a link for each implementation. */
struct vs_pair {
	struct ppp_vjc *ours;
	struct slcompress *slhc;
};

static void vs_free_slhc(void *p)
{
	slhc_free(p);
}

static void vs_init(struct kunit *test, struct vs_pair *e, unsigned int rx,
		    unsigned int tx)
{
	e->ours = kunit_kzalloc(test, ppp_vjc_size(rx, tx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, e->ours);
	ppp_vjc_init(e->ours, rx, tx);
	e->slhc = slhc_init(rx, tx);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(e->slhc));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vs_free_slhc,
							e->slhc), 0);
}

struct vs_frame {
	int type;
	unsigned int len;
	u8 b[VS_ROOM];
};

static void vs_tx_ours(struct ppp_vjc *vj, const u8 *pkt, unsigned int len,
		       bool cid_ok, struct vs_frame *f)
{
	unsigned int start = 0;

	memcpy(f->b, pkt, len);
	f->type = ppp_vjc_compress(vj, f->b, len, cid_ok, &start);
	f->len = len;
	if (f->type == PPP_VJC_COMPRESSED) {
		f->len -= start;
		memmove(f->b, f->b + start, f->len);
	}
}

/* slhc's output in the same form: type, bytes after the protocol. */
static void vs_tx_slhc(struct slcompress *comp, const u8 *pkt,
		       unsigned int len, bool cid_ok, struct vs_frame *f)
{
	u8 *in = kmemdup(pkt, len, GFP_KERNEL), *cp = in;
	int n;

	if (!in) {
		f->type = -1;
		return;
	}
	n = slhc_compress(comp, in, len, f->b, &cp, cid_ok);
	if (cp == in) {
		f->type = PPP_VJC_IP;
		memcpy(f->b, in, len);
		f->len = len;
	} else if (f->b[0] & SL_TYPE_COMPRESSED_TCP) {
		f->type = PPP_VJC_COMPRESSED;
		f->b[0] &= ~SL_TYPE_COMPRESSED_TCP;
		f->len = n;
	} else {
		f->type = PPP_VJC_UNCOMPRESSED;
		f->b[0] = in[0];
		f->len = n;
	}
	kfree(in);
}

/* A frame through our receiver; the packet's length or -1. */
static int vs_rx_ours(struct ppp_vjc *vj, struct vs_frame *f)
{
	switch (f->type) {
	case PPP_VJC_IP:
		return f->len;
	case PPP_VJC_UNCOMPRESSED:
		return ppp_vjc_remember(vj, f->b, f->len) ? -1 : f->len;
	default:
		return ppp_vjc_uncompress(vj, f->b, f->len, VS_ROOM);
	}
}

static int vs_rx_slhc(struct slcompress *comp, struct vs_frame *f)
{
	switch (f->type) {
	case PPP_VJC_IP:
		return f->len;
	case PPP_VJC_UNCOMPRESSED:
		return slhc_remember(comp, f->b, f->len) > 0 ? f->len : -1;
	default:
		return slhc_uncompress(comp, f->b, f->len) ?: -1;
	}
}

/*
 * One packet through both compressors, then each frame through the other
 * side's receiver.  Returns whether all of it held; @same says whether
 * the frames are to be equal.
 */
static bool vs_packet(struct kunit *test, struct vs_pair *tx,
		      struct vs_pair *rx, const struct vjt_pkt *p,
		      bool cid_ok, bool same)
{
	struct vs_frame *a = kunit_kmalloc(test, sizeof(*a), GFP_KERNEL);
	struct vs_frame *b = kunit_kmalloc(test, sizeof(*b), GFP_KERNEL);
	u8 *pkt = kunit_kmalloc(test, VS_ROOM, GFP_KERNEL);
	unsigned int len;
	bool ok = true;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, pkt);
	len = vjt_build(p, pkt);
	vs_tx_ours(tx->ours, pkt, len, cid_ok, a);
	vs_tx_slhc(tx->slhc, pkt, len, cid_ok, b);
	if (same && (a->type != b->type || a->len != b->len ||
		     memcmp(a->b, b->b, a->len))) {
		kunit_info(test, "ours type %d len %u, slhc type %d len %u: %*ph / %*ph",
			   a->type, a->len, b->type, b->len,
			   min(a->len, 24U), a->b, min(b->len, 24U), b->b);
		ok = false;
	}
	/* ours -> slhc, slhc -> ours */
	if (vs_rx_slhc(rx->slhc, a) != len || memcmp(a->b, pkt, len)) {
		kunit_info(test, "slhc did not restore ours (type %d)", a->type);
		ok = false;
	}
	if (same && (vs_rx_ours(rx->ours, b) != len || memcmp(b->b, pkt, len))) {
		kunit_info(test, "ours did not restore slhc's (type %d)", b->type);
		ok = false;
	}
	kunit_kfree(test, a);
	kunit_kfree(test, b);
	kunit_kfree(test, pkt);
	return ok;
}

static void vs_case_desc(const struct mask_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(vs_mask, mask_cases, vs_case_desc);

/* Each change-mask case: equal frames, restored across. */
static void vj_slhc_change_mask(struct kunit *test)
{
	const struct mask_case *c = test->param_value;
	struct vs_pair tx, rx;
	struct vjt_pkt a, b;

	vs_init(test, &tx, 16, 16);
	vs_init(test, &rx, 16, 16);
	mask_case_pkts(c, &a, &b);
	KUNIT_EXPECT_TRUE(test, vs_packet(test, &tx, &rx, &a, true, true));
	if (!c->not_slhc) {
		KUNIT_EXPECT_TRUE(test, vs_packet(test, &tx, &rx, &b, true,
						  true));
		return;
	}
	/* ours: uncompressed, restored by slhc; slhc: compressed, wrong. */
	KUNIT_EXPECT_TRUE(test, vs_packet(test, &tx, &rx, &b, true, false));
	{
		struct vs_frame *f = kunit_kmalloc(test, sizeof(*f), GFP_KERNEL);
		u8 *pkt = kunit_kmalloc(test, VS_ROOM, GFP_KERNEL);
		struct vs_pair s;
		unsigned int len;

		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_ASSERT_NOT_NULL(test, pkt);
		vs_init(test, &s, 16, 16);
		vs_init(test, &rx, 16, 16);
		len = vjt_build(&a, pkt);
		vs_tx_slhc(s.slhc, pkt, len, true, f);
		vs_rx_slhc(rx.slhc, f);
		len = vjt_build(&b, pkt);
		vs_tx_slhc(s.slhc, pkt, len, true, f);
		KUNIT_EXPECT_EQ(test, f->type, PPP_VJC_COMPRESSED);
		KUNIT_EXPECT_EQ(test, vs_rx_slhc(rx.slhc, f), (int)len);
		KUNIT_EXPECT_NE(test, memcmp(f->b, pkt, len), 0);
	}
}

struct vs_stream {
	const char *name;
	unsigned int slots, conns;
	bool cid_ok;
	u64 seed;
};

static const struct vs_stream vs_streams[] = {
	{ "1-slot-2-conns", 1, 2, true, 1 },
	{ "2-slots-3-conns", 2, 3, true, 2 },
	{ "4-slots-8-conns", 4, 8, true, 3 },
	{ "16-slots-no-cid", 16, 20, false, 4 },
	{ "16-slots-3-conns", 16, 3, true, 5 },
	{ "255-slots-300-conns", 255, 300, true, 6 },
};

static void vs_stream_desc(const struct vs_stream *s, char *desc)
{
	strscpy(desc, s->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(vs_stream, vs_streams, vs_stream_desc);

static u64 vs_seed;

static u32 vs_rnd(void)
{
	vs_seed ^= vs_seed >> 12;
	vs_seed ^= vs_seed << 25;
	vs_seed ^= vs_seed >> 27;
	return (vs_seed * 0x2545f4914f6cdd1dULL) >> 32;
}

/*
 * A generated TCP/IP stream over many connections (slot reuse, misses,
 * retransmissions, window and id jumps, options changing): no ECN bits,
 * and no urgent data (slhc's receiver keeps URG set through a special
 * case that follows an urgent packet).
 */
static void vj_slhc_stream(struct kunit *test)
{
	const struct vs_stream *s = test->param_value;
	struct vjt_pkt *c = kunit_kcalloc(test, s->conns, sizeof(*c),
					  GFP_KERNEL);
	unsigned int i, k, bad = 0;
	struct vs_pair tx, rx;

	KUNIT_ASSERT_NOT_NULL(test, c);
	vs_init(test, &tx, s->slots, s->slots);
	vs_init(test, &rx, s->slots, s->slots);
	vs_seed = 0x9e3779b97f4a7c15ULL * s->seed;
	vjt_step_urg = false;
	vjt_step_ece = false;
	for (i = 0; i < s->conns; i++) {
		c[i] = vjt_base();
		c[i].sport = 1024 + i;
		c[i].daddr += i >> 8;
		c[i].seq = vs_rnd();
		c[i].ack = vs_rnd();
		c[i].id = vs_rnd();
		c[i].ihl = vs_rnd() % 8 ? 5 : 5 + vs_rnd() % 11;
	}
	for (i = 0; i < 2000 && bad < 5; i++) {
		k = vs_rnd() % 4 ? vs_rnd() % min(s->conns, 3U) :
				   vs_rnd() % s->conns;
		vjt_step(&c[k], vs_rnd);
		if (!vs_packet(test, &tx, &rx, &c[k], s->cid_ok, true)) {
			kunit_info(test, "packet %u, connection %u", i, k);
			bad++;
		}
	}
	vjt_step_urg = true;
	vjt_step_ece = true;
	KUNIT_EXPECT_EQ(test, bad, 0);
	/* The counters agree too. */
	KUNIT_EXPECT_EQ(test, tx.ours->stats.out_compressed,
			tx.slhc->sls_o_compressed);
	KUNIT_EXPECT_EQ(test, tx.ours->stats.out_uncompressed,
			tx.slhc->sls_o_uncompressed);
	KUNIT_EXPECT_EQ(test, tx.ours->stats.out_searches,
			tx.slhc->sls_o_searches);
	KUNIT_EXPECT_EQ(test, tx.ours->stats.out_misses,
			tx.slhc->sls_o_misses);
	KUNIT_EXPECT_EQ(test, rx.ours->stats.in_compressed,
			rx.slhc->sls_i_compressed);
	KUNIT_EXPECT_EQ(test, rx.ours->stats.in_uncompressed,
			rx.slhc->sls_i_uncompressed);
	KUNIT_EXPECT_EQ(test, rx.ours->stats.in_errors, 0);
	KUNIT_EXPECT_EQ(test, rx.slhc->sls_i_error, 0);
}

static struct kunit_case ppp_vj_slhc_cases[] = {
	KUNIT_CASE_PARAM(vj_slhc_change_mask, vs_mask_gen_params),
	KUNIT_CASE_PARAM(vj_slhc_stream, vs_stream_gen_params),
	{}
};

static struct kunit_suite ppp_vj_slhc_suite = {
	.name = "ppp_vj_slhc",
	.test_cases = ppp_vj_slhc_cases,
};

kunit_test_suites(&ppp_vj_slhc_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit suite: our VJ codec against the kernel's slhc");
