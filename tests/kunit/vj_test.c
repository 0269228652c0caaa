// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_vj_codec: the VJ header compression codec (vj_codec.c, RFC 1144),
 * compiled into this module: every change mask and special case against
 * hand-written compressed headers, malformed frames, toss and recovery,
 * random connections restored byte for byte, with the header restored
 * in front of the payload or the payload moved up behind it.  Buffers
 * are allocated at their exact size, so KASAN reports any access past a
 * frame.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "vj_codec.c"
#include "vj_pkt.h"
#include "vj_cases.h"

#define VT_BUF		(PPP_VJ_HDR_MAX + 1500)

static u8 *vt_memdup(struct kunit *test, const void *p, size_t n)
{
	u8 *d = kunit_kmalloc(test, n, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, d);
	return memcpy(d, p, n);
}

static struct ppp_vjc *vt_new(struct kunit *test, unsigned int rx,
			      unsigned int tx)
{
	struct ppp_vjc *vj = kunit_kzalloc(test, ppp_vjc_size(rx, tx),
					   GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, vj);
	ppp_vjc_init(vj, rx, tx);
	return vj;
}

/* A frame as sent: its type and bytes after the protocol field. */
struct vt_wire {
	enum ppp_vjc_type type;
	unsigned int len;
	u8 *b;
};

static void vt_tx(struct kunit *test, struct ppp_vjc *vj,
		  const struct vjt_pkt *p, bool cid_ok, struct vt_wire *w)
{
	u8 *big = kunit_kmalloc(test, VT_BUF, GFP_KERNEL);
	unsigned int len, start = 0;
	u8 *pkt;

	KUNIT_ASSERT_NOT_NULL(test, big);
	len = vjt_build(p, big);
	pkt = vt_memdup(test, big, len);	/* exact size, for KASAN */
	kunit_kfree(test, big);
	w->type = ppp_vjc_compress(vj, pkt, len, cid_ok, &start);
	if (w->type == PPP_VJC_COMPRESSED) {
		pkt += start;
		len -= start;
	}
	w->b = vt_memdup(test, pkt, len);
	w->len = len;
}

/*
 * A COMP frame through the receiver, every other one with its room in
 * front (the header goes there, the payload stays) and the others with
 * it after the frame (the payload moves up).  The buffer has exactly
 * that room.  The packet's length, or -1; @out gets it.
 */
static int vt_uncompress(struct kunit *test, struct ppp_vjc *vj,
			 const struct vt_wire *w, u8 *out)
{
	static unsigned int calls;
	unsigned int size = w->len + PPP_VJ_MAX_GROWTH;
	u8 *buf = kunit_kmalloc(test, size, GFP_KERNEL);
	int len, start = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	if (calls++ & 1) {
		memcpy(buf + PPP_VJ_MAX_GROWTH, w->b, w->len);
		len = ppp_vjc_uncompress_room(vj, buf + PPP_VJ_MAX_GROWTH,
					      w->len, PPP_VJ_MAX_GROWTH, 0,
					      &start);
		if (len > 0) {
			KUNIT_EXPECT_LT(test, start, 0);
			KUNIT_EXPECT_EQ(test, start + len, (int)w->len);
			memcpy(out, buf + PPP_VJ_MAX_GROWTH + start, len);
		}
	} else {
		memcpy(buf, w->b, w->len);
		len = ppp_vjc_uncompress(vj, buf, w->len, size);
		if (len > 0)
			memcpy(out, buf, len);
	}
	kunit_kfree(test, buf);
	return len;
}

/* Whether @w comes out of @vj as @p (PPP_VJ_MAX_GROWTH of room). */
static bool vt_rx_is(struct kunit *test, struct ppp_vjc *vj,
		     const struct vt_wire *w, const struct vjt_pkt *p)
{
	u8 *want = kunit_kmalloc(test, VT_BUF, GFP_KERNEL);
	u8 *buf = kunit_kmalloc(test, VT_BUF, GFP_KERNEL);
	unsigned int n;
	u8 *pkt;
	int len;

	KUNIT_ASSERT_NOT_NULL(test, want);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	n = vjt_build(p, want);
	switch (w->type) {
	case PPP_VJC_IP:
		memcpy(buf, w->b, w->len);
		len = w->len;
		break;
	case PPP_VJC_UNCOMPRESSED:
		pkt = vt_memdup(test, w->b, w->len);	/* exact size */
		len = ppp_vjc_remember(vj, pkt, w->len) ? -1 : w->len;
		memcpy(buf, pkt, w->len);
		break;
	default:
		len = vt_uncompress(test, vj, w, buf);
		break;
	}
	return len == n && !memcmp(buf, want, n);
}

static void vt_case_desc(const struct mask_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(vt_mask, mask_cases, vt_case_desc);

/* One packet after the connection's first: type, header, restored. */
static void vj_change_mask(struct kunit *test)
{
	const struct mask_case *c = test->param_value;
	struct ppp_vjc *t = vt_new(test, 16, 16), *r = vt_new(test, 16, 16);
	struct vjt_pkt a, b;
	struct vt_wire w;

	mask_case_pkts(c, &a, &b);
	vt_tx(test, t, &a, true, &w);
	KUNIT_EXPECT_EQ(test, w.type, PPP_VJC_UNCOMPRESSED);
	KUNIT_EXPECT_TRUE(test, vt_rx_is(test, r, &w, &a));

	vt_tx(test, t, &b, true, &w);
	KUNIT_EXPECT_EQ(test, (int)w.type, c->type);
	if (c->type == PPP_VJC_COMPRESSED) {
		KUNIT_EXPECT_EQ(test, w.len - b.data, c->want_len);
		KUNIT_EXPECT_TRUE(test, !memcmp(w.b, c->want, c->want_len));
	}
	KUNIT_EXPECT_TRUE(test, vt_rx_is(test, r, &w, &b));
	KUNIT_EXPECT_EQ(test, r->stats.in_errors, 0);
}

/* Every cut of a compressed header: an error, the slot left as it was. */
static void vj_truncations(struct kunit *test)
{
	struct ppp_vjc *t = vt_new(test, 16, 16), *r = vt_new(test, 16, 16);
	struct vjt_pkt a = vjt_base(), b;
	unsigned int cut;
	struct vt_wire w;

	vt_tx(test, t, &a, false, &w);
	KUNIT_ASSERT_TRUE(test, vt_rx_is(test, r, &w, &a));
	b = vjt_all_deltas(a);
	vt_tx(test, t, &b, false, &w);
	KUNIT_ASSERT_EQ(test, w.type, PPP_VJC_COMPRESSED);
	KUNIT_ASSERT_EQ(test, w.len, 16);
	for (cut = 0; cut < w.len; cut++) {
		u8 *buf = vt_memdup(test, w.b, cut ? cut : 1);

		KUNIT_EXPECT_LT(test, ppp_vjc_uncompress(r, buf, cut, cut), 0);
	}
	KUNIT_EXPECT_EQ(test, r->stats.in_errors, w.len);
	KUNIT_EXPECT_TRUE(test, vt_rx_is(test, r, &w, &b));
}

/* Bad slot ids, a slot never filled, tossing until a slot id. */
static void vj_bad_slots(struct kunit *test)
{
	static const u8 past[] = { 0x44, 16, 0x12, 0x34, 1 };
	static const u8 unset[] = { 0x44, 5, 0x12, 0x34, 1 };
	static const u8 implicit[] = { 0x04, 0x12, 0x34, 1 };
	struct ppp_vjc *t = vt_new(test, 16, 16), *r = vt_new(test, 16, 16);
	struct vjt_pkt a = vjt_base();
	struct vt_wire w;
	u8 *buf;

	vt_tx(test, t, &a, true, &w);
	KUNIT_ASSERT_TRUE(test, vt_rx_is(test, r, &w, &a));
	buf = vt_memdup(test, past, sizeof(past));
	KUNIT_EXPECT_LT(test, ppp_vjc_uncompress(r, buf, 5, 5 + 117), 0);
	memcpy(buf, unset, sizeof(unset));
	KUNIT_EXPECT_LT(test, ppp_vjc_uncompress(r, buf, 5, 5 + 117), 0);
	KUNIT_EXPECT_EQ(test, r->stats.in_errors, 2);
	memcpy(buf, implicit, sizeof(implicit));
	KUNIT_EXPECT_LT(test, ppp_vjc_uncompress(r, buf, 4, 4 + 117), 0);
	KUNIT_EXPECT_EQ(test, r->stats.in_tossed, 1);

	/* The sender's next one carries the slot id (cid_ok off): taken. */
	a.ack += 1;
	a.id += 1;
	vt_tx(test, t, &a, false, &w);
	KUNIT_EXPECT_EQ(test, w.type, PPP_VJC_COMPRESSED);
	KUNIT_EXPECT_TRUE(test, vt_rx_is(test, r, &w, &a));
}

static u64 vt_seed;

static u32 vt_rnd(void)
{
	vt_seed ^= vt_seed >> 12;
	vt_seed ^= vt_seed << 25;
	vt_seed ^= vt_seed >> 27;
	return (vt_seed * 0x2545f4914f6cdd1dULL) >> 32;
}

struct vt_stream {
	const char *name;
	unsigned int rx, tx, conns;
	bool cid_ok;
};

static const struct vt_stream vt_streams[] = {
	{ "1-slot", 1, 1, 2, true },
	{ "4-slots-8-conns", 4, 4, 8, true },
	{ "16-slots-no-cid", 16, 16, 6, false },
	{ "255-slots", 255, 255, 300, true },
	{ "rx-more-than-tx", 255, 3, 5, true },
};

static void vt_stream_desc(const struct vt_stream *s, char *desc)
{
	strscpy(desc, s->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(vt_stream, vt_streams, vt_stream_desc);

/* Random connections through one sender and one receiver. */
static void vj_random_stream(struct kunit *test)
{
	const struct vt_stream *s = test->param_value;
	struct ppp_vjc *t = vt_new(test, 0, s->tx), *r = vt_new(test, s->rx, 0);
	struct vjt_pkt *c = kunit_kcalloc(test, s->conns, sizeof(*c),
					  GFP_KERNEL);
	unsigned int i, k, bad = 0;
	struct vt_wire w;

	KUNIT_ASSERT_NOT_NULL(test, c);
	vt_seed = 0x9e3779b97f4a7c15ULL + s->tx;
	for (i = 0; i < s->conns; i++) {
		c[i] = vjt_base();
		c[i].sport = 1024 + i;
		c[i].seq = vt_rnd();
		c[i].ack = vt_rnd();
	}
	for (i = 0; i < 1000; i++) {
		k = vt_rnd() % 4 ? vt_rnd() % min(s->conns, 3U) :
				   vt_rnd() % s->conns;
		vjt_step(&c[k], vt_rnd);
		vt_tx(test, t, &c[k], s->cid_ok, &w);
		if (!vt_rx_is(test, r, &w, &c[k]))
			bad++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_EQ(test, r->stats.in_errors, 0);
}

static struct kunit_case ppp_vj_codec_cases[] = {
	KUNIT_CASE_PARAM(vj_change_mask, vt_mask_gen_params),
	KUNIT_CASE(vj_truncations),
	KUNIT_CASE(vj_bad_slots),
	KUNIT_CASE_PARAM(vj_random_stream, vt_stream_gen_params),
	{}
};

static struct kunit_suite ppp_vj_codec_suite = {
	.name = "ppp_vj_codec",
	.test_cases = ppp_vj_codec_cases,
};

kunit_test_suites(&ppp_vj_codec_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit suite for the VJ header compression codec");
