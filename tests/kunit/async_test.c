// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_async_hdlc: the RFC 1662 codec (async_hdlc.c) - FCS-16, escape
 * maps, encoder, decoder, address/control stripping.
 * ppp_async_lcp: the LCP snooper (async_lcp.c) that switches maps and
 * MRU at the Configure-Ack.
 *
 * Both files are pure or nearly so, and compiled into this module
 * directly: their static helpers are in reach and ppp_async.ko is not
 * needed.  Every buffer handed to the code under test is allocated at its
 * exact length, so KASAN reports any read past a frame.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/random.h>

#include "async_fcs.c"
#include "async_hdlc.c"
#include "async_lcp.c"
/* The tables the host tests (tests/host/test_hdlc.c) check too. */
#include "../host/hdlc_vectors.h"

#define AT_MRU		1500
#define AT_BUF		(AT_MRU + 2 + 2)	/* ff 03 + FCS */

/* ---- helpers */

/* Bit-at-a-time FCS-16 (reflected 0x1021), independent of the tables. */
static u16 at_fcs_ref(u16 fcs, const u8 *p, size_t len)
{
	int i;

	while (len--) {
		fcs ^= *p++;
		for (i = 0; i < 8; i++)
			fcs = fcs & 1 ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
	}
	return fcs;
}

static u32 at_rand(u32 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static u8 *at_dup(struct kunit *test, const void *p, size_t len)
{
	u8 *b = kunit_kmalloc(test, len ? len : 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, b);
	memcpy(b, p, len);
	return b;
}

/* Encode a whole frame, @room bytes per run; returns the wire length. */
static size_t at_encode(struct ppp_hdlc_enc *e, u8 *out, size_t cap,
			size_t room)
{
	size_t n = 0, got;

	while (!ppp_hdlc_enc_done(e) && n < cap) {
		got = ppp_hdlc_enc_run(e, out + n, min(room, cap - n));
		if (!got)
			break;
		n += got;
	}
	return n;
}

#define AT_MAX_FRAMES	16

/* Collects what a decoder makes of a byte stream. */
struct at_dec {
	struct ppp_hdlc_dec d;
	u32 bufsize;
	u8 *buf;			/* the buffer the decoder holds */
	int nframes, nbad;
	u32 flen[AT_MAX_FRAMES];
	u8 *frames[AT_MAX_FRAMES];
	bool hold;			/* feed in one held SIMD section */
	int held;			/* feeds whose section was held */
	int npool;			/* buffers taken before the section */
	u8 *pool[AT_MAX_FRAMES + 1];
};

static void at_dec_init(struct kunit *test, struct at_dec *h, u32 raccm,
			u32 bufsize)
{
	memset(h, 0, sizeof(*h));
	ppp_hdlc_dec_init(&h->d, raccm);
	h->bufsize = bufsize;
}

/* Give back the buffers of a finished run (they are kunit-managed). */
static void at_dec_release(struct kunit *test, struct at_dec *h)
{
	int i;

	for (i = 0; i < h->nframes; i++)
		kunit_kfree(test, h->frames[i]);
	if (h->buf)
		kunit_kfree(test, h->buf);
	while (h->npool)
		kunit_kfree(test, h->pool[--h->npool]);
	h->nframes = 0;
	h->buf = NULL;
}

/*
 * A held section may not sleep, and kunit_kmalloc() can: the buffers a
 * feed may need (one per frame still to come) are taken before it.
 */
static void at_fill_pool(struct kunit *test, struct at_dec *h)
{
	while (h->npool < AT_MAX_FRAMES + 1 - h->nframes) {
		/* Exact size: KASAN catches a write past it. */
		h->pool[h->npool] = kunit_kmalloc(test, h->bufsize, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, h->pool[h->npool]);
		h->npool++;
	}
}

/*
 * Decode @in as the channel does.  With ->hold, all of it in the one
 * section of ppp_hdlc_dec_hold(): nothing in the loop may sleep or abort
 * the test, so a failure is noted and asserted after the release.
 */
static void at_feed(struct kunit *test, struct at_dec *h, const u8 *in,
		    size_t n)
{
	const char *why = NULL;
	enum ppp_hdlc_result r;
	size_t used;
	u32 flen;
	int spins = 0;

	at_fill_pool(test, h);
	if (h->hold) {
		ppp_hdlc_dec_hold(&h->d, n);
		h->held += h->d.held;
	}
	while (n && !why) {
		used = 0;
		r = ppp_hdlc_dec_run(&h->d, in, n, &used, &flen);
		if (used > n) {
			why = "used more bytes than it was given";
			break;
		}
		in += used;
		n -= used;
		switch (r) {
		case PPP_HDLC_NEED_BUF:
			if (!h->npool) {
				why = "more buffers asked for than frames";
				break;
			}
			h->buf = h->pool[--h->npool];
			ppp_hdlc_dec_set_buf(&h->d, h->buf, h->bufsize);
			break;
		case PPP_HDLC_FRAME:
			if (h->nframes >= AT_MAX_FRAMES) {
				why = "more frames than expected";
				break;
			}
			if (flen > h->bufsize) {
				why = "a frame longer than its buffer";
				break;
			}
			h->flen[h->nframes] = flen;
			h->frames[h->nframes++] = h->buf;
			h->buf = NULL;
			break;
		case PPP_HDLC_BAD:
			h->nbad++;
			break;
		case PPP_HDLC_MORE:
			break;
		}
		/* Each call must consume input or change state. */
		if (!used && r == PPP_HDLC_MORE && ++spins > 4)
			why = "the decoder made no progress";
		else if (used)
			spins = 0;
	}
	ppp_hdlc_dec_release(&h->d);
	KUNIT_ASSERT_FALSE_MSG(test, h->d.held, "section still held");
	KUNIT_ASSERT_TRUE_MSG(test, !why, "%s", why);
}

/* The unnegotiated-LCP map for async map @w0 (no extended bits). */
static void at_lcp_map(struct ppp_hdlc_map *m, u32 w0)
{
	u32 x[8] = { w0 };

	ppp_hdlc_lcp_map(m, x);
}

static void at_map(struct ppp_hdlc_map *m, u32 w0, const u32 *ext)
{
	u32 x[8] = { w0 };
	int i;

	if (ext)
		for (i = 1; i < 8; i++)
			x[i] = ext[i];
	ppp_hdlc_tx_map(m, x);
}

/* ---- FCS */

static void fcs_vector_desc(const struct hdlc_fcs_vector *v, char *desc)
{
	strscpy(desc, v->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(fcs, hdlc_fcs_vectors, fcs_vector_desc);

static void hdlc_fcs_vectors_test(struct kunit *test)
{
	const struct hdlc_fcs_vector *v = test->param_value;
	u8 *b = at_dup(test, v->data, v->len);
	u16 fcs = ppp_hdlc_fcs(PPP_HDLC_INITFCS, b, v->len);
	u8 *whole;

	/* The table holds the value sent on the wire: the complement. */
	KUNIT_EXPECT_EQ(test, (u16)~fcs, v->fcs);
	KUNIT_EXPECT_EQ(test, (u16)~at_fcs_ref(PPP_HDLC_INITFCS, b, v->len),
			v->fcs);
	/* RFC 1662: data plus its complemented FCS leaves the good residue. */
	whole = kunit_kmalloc(test, v->len + 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, whole);
	memcpy(whole, b, v->len);
	whole[v->len] = v->fcs & 0xff;
	whole[v->len + 1] = v->fcs >> 8;
	KUNIT_EXPECT_EQ(test, ppp_hdlc_fcs(PPP_HDLC_INITFCS, whole, v->len + 2),
			(u16)PPP_HDLC_GOODFCS);
}

/*
 * The 8-bytes-per-step path agrees with the bitwise one at every length,
 * alignment and split point.
 */
static void hdlc_fcs_sliced(struct kunit *test)
{
	u8 *buf = kunit_kmalloc(test, 80, GFP_KERNEL);
	size_t len, off, cut;
	u32 s = 1;
	u16 head;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (len = 0; len < 80; len++)
		buf[len] = at_rand(&s);
	for (off = 0; off < 8; off++)
		for (len = 0; off + len <= 80; len++) {
			u16 ref = at_fcs_ref(0xffff, buf + off, len);

			KUNIT_ASSERT_EQ(test, ppp_hdlc_fcs(0xffff, buf + off, len),
					ref);
			for (cut = 0; cut <= len; cut += 5) {
				head = ppp_hdlc_fcs(0xffff, buf + off, cut);
				KUNIT_ASSERT_EQ(test,
						ppp_hdlc_fcs(head, buf + off + cut,
							     len - cut), ref);
			}
		}
}

/*
 * The carry-less multiply FCS (where the CPU has one) agrees with the
 * bitwise one at every length around its threshold and block size,
 * every alignment, from process context and with bottom halves off (as
 * the transmit path runs it).
 */
static void hdlc_fcs_fast(struct kunit *test)
{
	u8 *buf = kunit_kmalloc(test, 600 + 16, GFP_KERNEL);
	size_t len, off;
	u32 s = 7;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	kunit_info(test, "carry-less multiply: %s\n",
		   ppp_hdlc_clmul_present() ? "yes" : "no");
	for (len = 0; len < 600 + 16; len++)
		buf[len] = at_rand(&s);
	for (off = 0; off < 16; off++)
		for (len = 0; off + len <= 600; len++) {
			u16 init = at_rand(&s), ref, got;

			ref = at_fcs_ref(init, buf + off, len);
			got = ppp_hdlc_fcs_fast(init, buf + off, len);
			KUNIT_ASSERT_EQ(test, got, ref);
			local_bh_disable();
			got = ppp_hdlc_fcs_fast(init, buf + off, len);
			local_bh_enable();
			KUNIT_ASSERT_EQ(test, got, ref);
		}
}

/* ---- escaping */

struct esc_case {
	const char *name;
	u32 accm;
	bool ext;		/* add the extended bytes below */
	bool full;		/* every one of the 256 bits */
};

static void esc_case_desc(const struct esc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct esc_case esc_cases[] = {
	{ "default_accm", 0xffffffff, false, false },
	{ "asyncmap_0", 0, false, false },
	{ "xon_xoff", 0x000a0000, false, false },
	{ "full_map", 0xffffffff, false, true },
	{ "extended", 0, true, false },
};

KUNIT_ARRAY_PARAM(esc, esc_cases, esc_case_desc);

/*
 * Extended map: 0x91/0x93 (XON/XOFF with parity), 0xff, and 0x5d/0x5e,
 * which must never be escaped whatever the map says.
 */
static void at_esc_map(const struct esc_case *c, u32 *x)
{
	memset(x, c->full ? 0xff : 0, 8 * sizeof(u32));
	x[0] = c->full ? 0xffffffff : c->accm;
	if (c->ext) {
		x[0x91 >> 5] |= BIT(0x91 & 31) | BIT(0x93 & 31);
		x[0xff >> 5] |= BIT(0xff & 31);
		x[0x5d >> 5] |= BIT(0x5d & 31) | BIT(0x5e & 31);
	}
}

static bool at_should_escape(const u32 *x, u8 c)
{
	if (c == 0x7d || c == 0x7e)
		return true;
	if (c == 0x5d || c == 0x5e)
		return false;
	return x[c >> 5] & BIT(c & 31);
}

static void hdlc_escape_maps(struct kunit *test)
{
	const struct esc_case *c = test->param_value;
	struct ppp_hdlc_map *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	struct ppp_hdlc_enc e;
	struct at_dec h;
	u8 *data, *wire;
	size_t n, i, cap = ppp_hdlc_enc_max(256 + 2);
	u32 x[8];
	u8 raw;

	KUNIT_ASSERT_NOT_NULL(test, m);
	at_esc_map(c, x);
	ppp_hdlc_tx_map(m, x);
	for (i = 0; i < 256; i++)
		KUNIT_EXPECT_EQ_MSG(test, ppp_hdlc_map_test(m, i),
				    at_should_escape(x, i), "byte %02zx", i);

	/* A frame holding every byte value, protocol 00 21. */
	data = kunit_kmalloc(test, 258, GFP_KERNEL);
	wire = kunit_kmalloc(test, cap, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, data);
	KUNIT_ASSERT_NOT_NULL(test, wire);
	data[0] = 0x00;
	data[1] = 0x21;
	for (i = 0; i < 256; i++)
		data[2 + i] = i;
	ppp_hdlc_enc_start(&e, m, data, 258, true, true);
	n = at_encode(&e, wire, cap, cap);
	KUNIT_ASSERT_TRUE(test, ppp_hdlc_enc_done(&e));
	KUNIT_ASSERT_GE(test, n, (size_t)2);
	KUNIT_EXPECT_EQ(test, wire[0], (u8)0x7e);
	KUNIT_EXPECT_EQ(test, wire[n - 1], (u8)0x7e);
	for (i = 1; i < n - 1; i++) {
		KUNIT_ASSERT_NE_MSG(test, wire[i], (u8)0x7e, "flag inside at %zu", i);
		if (wire[i] == 0x7d) {
			KUNIT_ASSERT_LT(test, i + 1, n - 1);
			raw = wire[i + 1] ^ 0x20;
			KUNIT_EXPECT_TRUE_MSG(test, at_should_escape(x, raw),
					      "escaped %02x needlessly", raw);
			i++;
		} else {
			KUNIT_EXPECT_FALSE_MSG(test, at_should_escape(x, wire[i]),
					       "%02x sent raw", wire[i]);
		}
	}
	/* And back, by a receiver that drops nothing. */
	at_dec_init(test, &h, 0, AT_BUF);
	at_feed(test, &h, wire, n);
	KUNIT_ASSERT_EQ(test, h.nframes, 1);
	KUNIT_EXPECT_EQ(test, h.nbad, 0);
	KUNIT_ASSERT_EQ(test, h.flen[0], 260U);
	KUNIT_EXPECT_EQ(test, memcmp(h.frames[0] + 2, data, 258), 0);
}

/* ---- whole frames from the shared table: wire bytes, and back */

static void frame_vector_desc(const struct hdlc_frame_vector *v, char *desc)
{
	strscpy(desc, v->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(frame_vec, hdlc_frame_vectors, frame_vector_desc);

static void hdlc_frame_vectors_test(struct kunit *test)
{
	const struct hdlc_frame_vector *v = test->param_value;
	struct ppp_hdlc_map *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	u32 x[8] = { v->xaccm0, 0, 0, 0x60000000 };
	size_t n, cap = ppp_hdlc_enc_max(v->len);
	u8 *data = at_dup(test, v->data, v->len);
	u8 *wire = kunit_kmalloc(test, cap, GFP_KERNEL);
	u32 hlen = v->addr_ctrl ? 2 : 0;
	struct ppp_hdlc_enc e;
	struct at_dec h;

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_NOT_NULL(test, wire);
	ppp_hdlc_tx_map(m, x);
	ppp_hdlc_enc_start(&e, m, data, v->len, v->addr_ctrl, true);
	n = at_encode(&e, wire, cap, cap);
	KUNIT_ASSERT_TRUE(test, ppp_hdlc_enc_done(&e));
	if (v->wire) {
		KUNIT_ASSERT_EQ(test, n, (size_t)v->wire_len);
		KUNIT_EXPECT_EQ(test, memcmp(wire, v->wire, n), 0);
	}
	at_dec_init(test, &h, 0, AT_BUF);
	at_feed(test, &h, wire, n);
	KUNIT_ASSERT_EQ(test, h.nframes, 1);
	KUNIT_EXPECT_EQ(test, h.nbad, 0);
	KUNIT_ASSERT_EQ(test, h.flen[0], hlen + v->len);
	KUNIT_EXPECT_EQ(test, memcmp(h.frames[0] + hlen, v->data, v->len), 0);
}

/* ---- small frames to the encoder: exact wire bytes */

struct small_case {
	const char *name;
	u8 data[3];
	u32 len;
	bool accm0;		/* else the default map */
	unsigned int flags;
	u8 wire[12];
	size_t wlen;
};

static void small_case_desc(const struct small_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

#define OF	PPP_HDLC_OPEN_FLAG
static const struct small_case small_cases[] = {
	{ "len0_default", {}, 0, false, OF,
	  { 0x7e, 0xff, 0x7d, 0x23, 0x7d, 0x3c, 0xc2, 0x7e }, 8 },
	{ "len0_acfc_noflag", {}, 0, true, PPP_HDLC_ACFC,
	  { 0x00, 0x00, 0x7e }, 3 },
	{ "len1_default", { 0x21 }, 1, false, OF,
	  { 0x7e, 0xff, 0x7d, 0x23, 0x21, 0xdc, 0x7d, 0x3a, 0x7e }, 9 },
	{ "len1_pfc_is_noop", { 0x21 }, 1, true, PPP_HDLC_ACFC | PPP_HDLC_PFC,
	  { 0x21, 0xf3, 0xc0, 0x7e }, 4 },
	{ "len2_default", { 0x00, 0x21 }, 2, false, OF,
	  { 0x7e, 0xff, 0x7d, 0x23, 0x7d, 0x20, 0x21, 0xe3, 0xe6, 0x7e }, 10 },
	{ "len2_pfc_acfc", { 0x00, 0x21 }, 2, true,
	  OF | PPP_HDLC_ACFC | PPP_HDLC_PFC, { 0x7e, 0x21, 0xf3, 0xc0, 0x7e }, 5 },
	{ "len3_default", { 0x80, 0x21, 0x01 }, 3, false, OF,
	  { 0x7e, 0xff, 0x7d, 0x23, 0x80, 0x21, 0x7d, 0x21, 0x6e, 0x38, 0x7e },
	  11 },
	{ "len3_acfc_pfc_not_applicable", { 0x80, 0x21, 0x01 }, 3, true,
	  OF | PPP_HDLC_ACFC | PPP_HDLC_PFC,
	  { 0x7e, 0x80, 0x21, 0x01, 0x42, 0xe1, 0x7e }, 7 },
};

KUNIT_ARRAY_PARAM(small, small_cases, small_case_desc);

static void hdlc_encode_small(struct kunit *test)
{
	const struct small_case *c = test->param_value;
	struct ppp_hdlc_map *m = kunit_kzalloc(test, 2 * sizeof(*m), GFP_KERNEL);
	u8 *data = at_dup(test, c->data, c->len);
	struct ppp_hdlc_enc e;
	u8 wire[32], slow[32];
	size_t n, room;

	KUNIT_ASSERT_NOT_NULL(test, m);
	at_map(&m[0], c->accm0 ? 0 : 0xffffffff, NULL);
	at_lcp_map(&m[1], c->accm0 ? 0 : 0xffffffff);
	KUNIT_EXPECT_FALSE(test, ppp_hdlc_enc_frame(&e, &m[0], &m[1], data,
						    c->len, c->flags));
	n = at_encode(&e, wire, sizeof(wire), sizeof(wire));
	KUNIT_EXPECT_TRUE(test, ppp_hdlc_enc_done(&e));
	KUNIT_ASSERT_EQ(test, n, c->wlen);
	KUNIT_EXPECT_EQ(test, memcmp(wire, c->wire, n), 0);
	/* Any room size gives the same bytes, escape pairs split or not. */
	for (room = 1; room <= 3; room++) {
		ppp_hdlc_enc_frame(&e, &m[0], &m[1], data, c->len, c->flags);
		KUNIT_EXPECT_EQ(test, at_encode(&e, slow, sizeof(slow), room), n);
		KUNIT_EXPECT_EQ(test, memcmp(slow, wire, n), 0);
	}
}

/* ---- LCP codes 1-7 go out as if nothing had been negotiated */

static const int lcp_codes[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

static void lcp_code_desc(const int *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "code_%d", *c);
}

KUNIT_ARRAY_PARAM(lcp_code, lcp_codes, lcp_code_desc);

static void hdlc_lcp_unnegotiated(struct kunit *test)
{
	const int code = *(const int *)test->param_value;
	bool special = code >= 1 && code <= 7;
	struct ppp_hdlc_map *m = kunit_kzalloc(test, 2 * sizeof(*m), GFP_KERNEL);
	/* Config-Request id 1 with ACCM 0: every control byte in it. */
	u8 frame[] = { 0xc0, 0x21, code, 0x01, 0x00, 0x0a,
		       0x02, 0x06, 0x00, 0x00, 0x00, 0x00 };
	u8 *data = at_dup(test, frame, sizeof(frame));
	u8 wire[64];
	struct ppp_hdlc_enc e;
	size_t n, i;

	KUNIT_ASSERT_NOT_NULL(test, m);
	at_map(&m[0], 0, NULL);
	at_lcp_map(&m[1], 0);
	KUNIT_EXPECT_EQ(test, ppp_hdlc_lcp_unnegotiated(data, sizeof(frame)),
			special);
	KUNIT_EXPECT_EQ(test,
			ppp_hdlc_enc_frame(&e, &m[0], &m[1], data, sizeof(frame),
					   PPP_HDLC_ACFC | PPP_HDLC_PFC),
			special);
	n = at_encode(&e, wire, sizeof(wire), sizeof(wire));
	KUNIT_ASSERT_TRUE(test, ppp_hdlc_enc_done(&e));
	if (!special) {
		/* Negotiated framing: no flag owed, no ff 03, raw zeros. */
		KUNIT_EXPECT_EQ(test, wire[0], (u8)0xc0);
		return;
	}
	KUNIT_ASSERT_GE(test, n, (size_t)6);
	KUNIT_EXPECT_EQ(test, wire[0], (u8)0x7e);
	KUNIT_EXPECT_EQ(test, wire[1], (u8)0xff);
	KUNIT_EXPECT_EQ(test, wire[2], (u8)0x7d);
	KUNIT_EXPECT_EQ(test, wire[3], (u8)0x23);
	KUNIT_EXPECT_EQ(test, wire[4], (u8)0xc0);	/* protocol not compressed */
	KUNIT_EXPECT_EQ(test, wire[5], (u8)0x21);
	for (i = 1; i < n - 1; i++)
		KUNIT_EXPECT_GE_MSG(test, wire[i], (u8)0x20,
				    "control byte %02x raw at %zu", wire[i], i);
	/* Too short to carry a code: not special. */
	KUNIT_EXPECT_FALSE(test, ppp_hdlc_lcp_unnegotiated(data, 2));
}

/* ---- decoder */

/* A small set of frames, encoded back to back into one stream. */
static size_t at_stream(struct kunit *test, u8 *wire, size_t cap,
			const struct ppp_hdlc_map *m)
{
	static const u8 f1[] = { 0xc0, 0x21, 0x01, 0x01, 0x00, 0x04 };
	static const u8 f2[] = { 0x00, 0x21, 0x7e, 0x7d, 0x11, 0x00, 0xff };
	static const u8 f3[] = { 0x21 };
	const u8 *fr[] = { f1, f2, f3 };
	const size_t fl[] = { sizeof(f1), sizeof(f2), sizeof(f3) };
	struct ppp_hdlc_enc e;
	size_t n = 0;
	int i;

	for (i = 0; i < 3; i++) {
		ppp_hdlc_enc_start(&e, m, fr[i], fl[i], true, i == 0);
		n += at_encode(&e, wire + n, cap - n, cap - n);
		KUNIT_ASSERT_TRUE(test, ppp_hdlc_enc_done(&e));
	}
	return n;
}

static void hdlc_decode_every_split(struct kunit *test)
{
	struct ppp_hdlc_map *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	struct at_dec *whole, *split;
	u8 wire[128];
	size_t n, cut, cut2;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, m);
	whole = kunit_kzalloc(test, sizeof(*whole), GFP_KERNEL);
	split = kunit_kzalloc(test, sizeof(*split), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, whole);
	KUNIT_ASSERT_NOT_NULL(test, split);
	at_map(m, 0xffffffff, NULL);
	n = at_stream(test, wire, sizeof(wire), m);
	at_dec_init(test, whole, 0, AT_BUF);
	at_feed(test, whole, wire, n);
	KUNIT_ASSERT_EQ(test, whole->nframes, 3);
	KUNIT_EXPECT_EQ(test, whole->nbad, 0);

	/* Every pair of cut points: three chunks. */
	for (cut = 0; cut <= n; cut++)
		for (cut2 = cut; cut2 <= n; cut2++) {
			at_dec_release(test, split);
			at_dec_init(test, split, 0, AT_BUF);
			at_feed(test, split, wire, cut);
			at_feed(test, split, wire + cut, cut2 - cut);
			at_feed(test, split, wire + cut2, n - cut2);
			KUNIT_ASSERT_EQ_MSG(test, split->nframes, 3,
					    "cuts %zu %zu", cut, cut2);
			KUNIT_ASSERT_EQ(test, split->nbad, 0);
			for (i = 0; i < 3; i++) {
				KUNIT_ASSERT_EQ(test, split->flen[i],
						whole->flen[i]);
				KUNIT_ASSERT_EQ(test,
						memcmp(split->frames[i],
						       whole->frames[i],
						       whole->flen[i]), 0);
			}
		}
	/* And one byte at a time. */
	at_dec_init(test, split, 0, AT_BUF);
	for (cut = 0; cut < n; cut++)
		at_feed(test, split, wire + cut, 1);
	KUNIT_EXPECT_EQ(test, split->nframes, 3);
}

struct dec_case {
	const char *name;
	u8 in[40];
	size_t len;
	u32 raccm;
	u32 bufsize;
	int frames;
	int bad;
	u32 flen;	/* of the first frame */
};

static void dec_case_desc(const struct dec_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

/* ff 03 c0 21 01 01 00 04, escaped under the default map, + FCS d1 b5. */
#define GOOD	0xff, 0x7d, 0x23, 0xc0, 0x21, 0x7d, 0x21, 0x7d, 0x21, \
		0x7d, 0x20, 0x7d, 0x24
#define GOOD_FCS 0xd1, 0xb5
/* 00 21 41..4a + FCS under asyncmap 0: one plain run, nothing escaped. */
#define PLAIN	0x00, 0x21, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, \
		0x49, 0x4a, 0xbf, 0x81
static const struct dec_case dec_cases[] = {
	{ "good", { 0x7e, GOOD, GOOD_FCS, 0x7e }, 17, 0, AT_BUF, 1, 0, 8 },
	{ "good_no_open_flag", { GOOD, GOOD_FCS, 0x7e }, 16, 0, AT_BUF, 1, 0,
	  8 },
	{ "flags_only", { 0x7e, 0x7e, 0x7e, 0x7e }, 4, 0, AT_BUF, 0, 0 },
	{ "abort", { 0x7e, GOOD, 0x7d, 0x7e }, 16, 0, AT_BUF, 0, 1 },
	{ "abort_then_good", { 0x7e, 0xff, 0x7d, 0x7e, GOOD, GOOD_FCS, 0x7e },
	  20, 0, AT_BUF, 1, 1, 8 },
	{ "runt_1", { 0x7e, 0x21, 0x7e }, 3, 0, AT_BUF, 0, 1 },
	{ "runt_2", { 0x7e, 0x21, 0x00, 0x7e }, 4, 0, AT_BUF, 0, 1 },
	{ "bad_fcs", { 0x7e, GOOD, 0xd1, 0xb4, 0x7e }, 17, 0, AT_BUF, 0, 1 },
	{ "bit_flip", { 0x7e, 0xff, 0x7d, 0x23, 0xc1, 0x21, 0x7d, 0x21, 0x7d,
	  0x21, 0x7d, 0x20, 0x7d, 0x24, GOOD_FCS, 0x7e }, 17, 0, AT_BUF, 0, 1 },
	{ "oversize", { 0x7e, GOOD, GOOD_FCS, 0x7e, GOOD, GOOD_FCS, 0x7e },
	  33, 0, 9, 0, 2 },
	{ "oversize_plain_run", { 0x7e, PLAIN, 0x7e, PLAIN, 0x7e }, 31, 0, 5,
	  0, 2 },
	{ "plain_run_exact_size", { 0x7e, PLAIN, 0x7e }, 16, 0, 14, 1, 0, 12 },
	{ "exact_size", { 0x7e, GOOD, GOOD_FCS, 0x7e }, 17, 0, 10, 1, 0, 8 },
	/* Noise bytes in the receive map are dropped, wherever they are. */
	{ "raccm_drops_xon", { 0x7e, 0xff, 0x11, 0x7d, 0x23, 0xc0, 0x21, 0x13,
	  0x7d, 0x21, 0x7d, 0x21, 0x7d, 0x20, 0x7d, 0x24, GOOD_FCS, 0x11,
	  0x7e }, 20, 0x000a0000, AT_BUF, 1, 0, 8 },
	{ "raccm_0_keeps_xon", { 0x7e, 0xff, 0x11, 0x7d, 0x23, 0xc0, 0x21,
	  0x7d, 0x21, 0x7d, 0x21, 0x7d, 0x20, 0x7d, 0x24, GOOD_FCS, 0x7e },
	  18, 0, AT_BUF, 0, 1 },
	/* An escaped noise byte is data, not noise. */
	{ "raccm_escaped_is_data", { 0x7e, 0x7d, 0x31, 0x7e }, 4, 0x000a0000,
	  AT_BUF, 0, 1 },
};

KUNIT_ARRAY_PARAM(dec, dec_cases, dec_case_desc);

static void hdlc_decode_errors(struct kunit *test)
{
	const struct dec_case *c = test->param_value;
	u8 *in = at_dup(test, c->in, c->len);
	struct at_dec *h = kunit_kzalloc(test, sizeof(*h), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, h);
	at_dec_init(test, h, c->raccm, c->bufsize);
	at_feed(test, h, in, c->len);
	KUNIT_EXPECT_EQ(test, h->nbad, c->bad);
	KUNIT_ASSERT_EQ(test, h->nframes, c->frames);
	if (c->frames) {
		KUNIT_EXPECT_EQ(test, h->flen[0], c->flen);
		/* None of the first bytes here is sent escaped. */
		KUNIT_EXPECT_EQ(test, h->frames[0][0],
				c->in[c->in[0] == 0x7e ? 1 : 0]);
	}
}

/* A tty error flag, or no buffer: the frame is tossed, the next is fine. */
static void hdlc_decode_toss(struct kunit *test)
{
	static const u8 frame[] = { 0x7e, GOOD, GOOD_FCS, 0x7e };
	struct at_dec *h = kunit_kzalloc(test, sizeof(*h), GFP_KERNEL);
	enum ppp_hdlc_result r;
	size_t used;
	u32 flen;

	KUNIT_ASSERT_NOT_NULL(test, h);
	at_dec_init(test, h, 0, AT_BUF);
	at_feed(test, h, frame, 5);
	ppp_hdlc_dec_toss(&h->d);
	at_feed(test, h, frame + 5, sizeof(frame) - 5);
	KUNIT_EXPECT_EQ(test, h->nframes, 0);
	KUNIT_EXPECT_EQ(test, h->nbad, 1);
	at_feed(test, h, frame + 1, sizeof(frame) - 1);
	KUNIT_EXPECT_EQ(test, h->nframes, 1);

	/* No buffer could be had. */
	at_dec_init(test, h, 0, AT_BUF);
	r = ppp_hdlc_dec_run(&h->d, frame, sizeof(frame), &used, &flen);
	KUNIT_ASSERT_EQ(test, r, PPP_HDLC_NEED_BUF);
	ppp_hdlc_dec_set_buf(&h->d, NULL, 0);
	r = ppp_hdlc_dec_run(&h->d, frame + used, sizeof(frame) - used, &used,
			     &flen);
	KUNIT_EXPECT_EQ(test, r, PPP_HDLC_BAD);
}

/* ---- address/control */

struct strip_case {
	const char *name;
	u8 buf[4];
	u32 len;
	int off;
};

static void strip_case_desc(const struct strip_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct strip_case strip_cases[] = {
	{ "empty", {}, 0, -1 },
	{ "ff_alone", { 0xff }, 1, -1 },
	{ "ff_03_no_proto", { 0xff, 0x03 }, 2, -1 },
	{ "ff_05", { 0xff, 0x05, 0xc0, 0x21 }, 4, -1 },
	{ "ff_03_pfc", { 0xff, 0x03, 0x21 }, 3, 2 },
	{ "ff_03_even_short", { 0xff, 0x03, 0xc0 }, 3, -1 },
	{ "ff_03_lcp", { 0xff, 0x03, 0xc0, 0x21 }, 4, 2 },
	{ "acfc_lcp", { 0xc0, 0x21 }, 2, 0 },
	{ "acfc_pfc", { 0x21 }, 1, 0 },
	{ "acfc_even_short", { 0x00 }, 1, -1 },
};

KUNIT_ARRAY_PARAM(strip, strip_cases, strip_case_desc);

static void hdlc_rx_strip(struct kunit *test)
{
	const struct strip_case *c = test->param_value;
	u8 *b = at_dup(test, c->buf, c->len);

	KUNIT_EXPECT_EQ(test, ppp_hdlc_rx_strip(b, c->len), c->off);
}

/* ---- round trip: every length 0..MRU, random contents */

struct rt_case {
	const char *name;
	u32 accm;
	unsigned int flags;
	size_t room;		/* encoder run size, 0 = random */
};

static void rt_case_desc(const struct rt_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct rt_case rt_cases[] = {
	{ "default_map", 0xffffffff, OF, 4096 },
	{ "asyncmap_0_acfc_pfc", 0, OF | PPP_HDLC_ACFC | PPP_HDLC_PFC, 4096 },
	{ "default_map_random_room", 0xffffffff, OF, 0 },
};

KUNIT_ARRAY_PARAM(rt, rt_cases, rt_case_desc);

static void hdlc_round_trip(struct kunit *test)
{
	const struct rt_case *c = test->param_value;
	struct ppp_hdlc_map *m = kunit_kzalloc(test, 2 * sizeof(*m), GFP_KERNEL);
	size_t cap = ppp_hdlc_enc_max(AT_MRU + 2);
	u8 *wire = kunit_kmalloc(test, cap, GFP_KERNEL);
	struct at_dec *h = kunit_kzalloc(test, sizeof(*h), GFP_KERNEL);
	struct ppp_hdlc_enc e;
	u32 s = 0x12345678, len, i;
	size_t n, room;
	u8 *data;
	int off;

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_NOT_NULL(test, wire);
	KUNIT_ASSERT_NOT_NULL(test, h);
	at_map(&m[0], c->accm, NULL);
	at_lcp_map(&m[1], c->accm);
	for (len = 0; len <= AT_MRU; len++) {
		data = kunit_kmalloc(test, len ? len : 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, data);
		for (i = 0; i < len; i++)
			data[i] = at_rand(&s);
		/* A valid protocol field (first octet even, last odd). */
		if (len >= 2) {
			data[0] &= ~1;
			data[1] |= 1;
		}
		if (len >= 2 && (at_rand(&s) & 1))
			data[0] = 0;
		/* 00 ff is reserved: compressed, it would read as ff 03. */
		if (len >= 2 && !data[0] && data[1] == 0xff)
			data[1] = 0xfd;
		room = c->room ? c->room : 1 + at_rand(&s) % 64;
		if (len >= 2)
			ppp_hdlc_enc_frame(&e, &m[0], &m[1], data, len, c->flags);
		else
			ppp_hdlc_enc_start(&e, &m[0], data, len,
					   !(c->flags & PPP_HDLC_ACFC), true);
		n = at_encode(&e, wire, cap, room);
		KUNIT_ASSERT_TRUE_MSG(test, ppp_hdlc_enc_done(&e), "len %u", len);
		KUNIT_ASSERT_LE(test, n, ppp_hdlc_enc_max(len));

		at_dec_init(test, h, 0, AT_BUF);
		at_feed(test, h, wire, n);
		if (!len && (c->flags & PPP_HDLC_ACFC)) {
			/* Nothing but an FCS on the wire: a runt. */
			KUNIT_EXPECT_EQ(test, h->nframes, 0);
			KUNIT_EXPECT_EQ(test, h->nbad, 1);
			kunit_kfree(test, data);
			continue;
		}
		KUNIT_ASSERT_EQ_MSG(test, h->nframes, 1, "len %u", len);
		KUNIT_ASSERT_EQ(test, h->nbad, 0);
		off = ppp_hdlc_rx_strip(h->frames[0], h->flen[0]);
		if (len >= 2) {
			/* PFC may have dropped the leading zero. */
			bool pfc = (c->flags & PPP_HDLC_PFC) && !data[0] &&
				   !ppp_hdlc_lcp_unnegotiated(data, len);

			KUNIT_ASSERT_GE_MSG(test, off, 0, "len %u", len);
			KUNIT_ASSERT_EQ_MSG(test, h->flen[0] - off,
					    len - pfc, "len %u", len);
			KUNIT_ASSERT_EQ_MSG(test,
					    memcmp(h->frames[0] + off, data + pfc,
						   len - pfc), 0, "len %u", len);
		}
		at_dec_release(test, h);
		kunit_kfree(test, data);
	}
}

/*
 * A stream of frames with shared flags, decoded in one held section per
 * chunk (as ppp_async_input() does), at random cuts, gives what the
 * decoder gives with a section per call.
 */
static void hdlc_decode_held(struct kunit *test)
{
	const struct rt_case *c = test->param_value;
	struct ppp_hdlc_map *m = kunit_kzalloc(test, 2 * sizeof(*m), GFP_KERNEL);
	size_t cap = AT_MAX_FRAMES * ppp_hdlc_enc_max(AT_MRU);
	u8 *wire = kunit_kmalloc(test, cap, GFP_KERNEL);
	u8 *data = kunit_kmalloc(test, AT_MRU, GFP_KERNEL);
	struct at_dec *plain = kunit_kzalloc(test, sizeof(*plain), GFP_KERNEL);
	struct at_dec *held = kunit_kzalloc(test, sizeof(*held), GFP_KERNEL);
	struct ppp_hdlc_enc e;
	u32 s = 0x9e3779b9, len, i;
	size_t n, off, k;
	int round, f, holds = 0;

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_NOT_NULL(test, wire);
	KUNIT_ASSERT_NOT_NULL(test, data);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_ASSERT_NOT_NULL(test, held);
	at_map(&m[0], c->accm, NULL);
	at_lcp_map(&m[1], c->accm);
	for (round = 0; round < 16; round++) {
		n = 0;
		for (f = 0; f < AT_MAX_FRAMES; f++) {
			/* Odd rounds: short frames, many to a chunk. */
			len = 2 + at_rand(&s) % (round & 1 ? 96 : AT_MRU - 1);
			for (i = 0; i < len; i++)
				data[i] = at_rand(&s);
			data[0] = 0;
			data[1] |= 1;
			ppp_hdlc_enc_frame(&e, &m[0], &m[1], data, len,
					   (c->flags & ~OF) | (f ? 0 : OF));
			n += at_encode(&e, wire + n, cap - n, cap - n);
			KUNIT_ASSERT_TRUE(test, ppp_hdlc_enc_done(&e));
		}
		at_dec_init(test, plain, c->accm, AT_BUF);
		at_feed(test, plain, wire, n);
		KUNIT_ASSERT_EQ(test, plain->nframes, AT_MAX_FRAMES);
		KUNIT_ASSERT_EQ(test, plain->nbad, 0);

		at_dec_init(test, held, c->accm, AT_BUF);
		held->hold = true;
		for (off = 0; off < n; off += k) {
			k = 1 + at_rand(&s) % (round & 2 ? 64 : 4096);
			k = min(k, n - off);
			at_feed(test, held, wire + off, k);
		}
		holds += held->held;
		KUNIT_ASSERT_EQ_MSG(test, held->nframes, AT_MAX_FRAMES,
				    "round %d", round);
		KUNIT_ASSERT_EQ(test, held->nbad, 0);
		for (f = 0; f < AT_MAX_FRAMES; f++) {
			KUNIT_ASSERT_EQ(test, held->flen[f], plain->flen[f]);
			KUNIT_ASSERT_EQ_MSG(test,
					    memcmp(held->frames[f],
						   plain->frames[f],
						   plain->flen[f]), 0,
					    "round %d frame %d", round, f);
		}
		at_dec_release(test, plain);
		at_dec_release(test, held);
	}
	/* Where the CPU has the vector path, the sections were held. */
	KUNIT_EXPECT_EQ(test, holds > 0, ppp_hdlc_clmul_present());
}

static struct kunit_case ppp_async_hdlc_cases[] = {
	KUNIT_CASE_PARAM(hdlc_fcs_vectors_test, fcs_gen_params),
	KUNIT_CASE(hdlc_fcs_sliced),
	KUNIT_CASE(hdlc_fcs_fast),
	KUNIT_CASE_PARAM(hdlc_escape_maps, esc_gen_params),
	KUNIT_CASE_PARAM(hdlc_frame_vectors_test, frame_vec_gen_params),
	KUNIT_CASE_PARAM(hdlc_encode_small, small_gen_params),
	KUNIT_CASE_PARAM(hdlc_lcp_unnegotiated, lcp_code_gen_params),
	KUNIT_CASE(hdlc_decode_every_split),
	KUNIT_CASE_PARAM(hdlc_decode_errors, dec_gen_params),
	KUNIT_CASE(hdlc_decode_toss),
	KUNIT_CASE_PARAM(hdlc_rx_strip, strip_gen_params),
	KUNIT_CASE_PARAM(hdlc_round_trip, rt_gen_params),
	KUNIT_CASE_PARAM(hdlc_decode_held, rt_gen_params),
	{}
};

static struct kunit_suite ppp_async_hdlc_suite = {
	.name = "ppp_async_hdlc",
	.test_cases = ppp_async_hdlc_cases,
};

/* ================= ppp_async_lcp ================= */

/* Stands in for async_channel.c's: counts calls, rebuilds the maps. */
static int at_txmaps_updates;

void ppp_async_update_txmaps(struct ppp_async *ap)
{
	at_txmaps_updates++;
	ppp_hdlc_tx_map(&ap->txmap, ap->xaccm);
	ppp_hdlc_lcp_map(&ap->lcpmap, ap->xaccm);
}

static int lcp_init(struct kunit *test)
{
	struct ppp_async *ap = kunit_kzalloc(test, sizeof(*ap), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ap);
	spin_lock_init(&ap->tx.lock);
	spin_lock_init(&ap->rx_lock);
	ap->mru = PPP_MRU;
	ap->raccm = ~0U;
	ap->xaccm[0] = ~0U;
	ap->chan.mtu = PPP_MRU;
	at_txmaps_updates = 0;
	test->priv = ap;
	return 0;
}

/* Peek at an exact-size copy, as the driver would see it. */
static void at_peek(struct kunit *test, const u8 *frame, size_t len,
		    bool inbound)
{
	struct ppp_async *ap = test->priv;
	u8 *b = at_dup(test, frame, len);

	if (inbound) {
		spin_lock_bh(&ap->rx_lock);
		ppp_async_lcp_peek(ap, b, len, inbound);
		spin_unlock_bh(&ap->rx_lock);
	} else {
		spin_lock_bh(&ap->tx.lock);
		ppp_async_lcp_peek(ap, b, len, inbound);
		spin_unlock_bh(&ap->tx.lock);
	}
}

/* Configure-Request/Ack, id 7, MRU 1000 or 4000, ACCM 0x000a0000. */
#define LCP(code, mru_hi, mru_lo) \
	{ 0xc0, 0x21, code, 0x07, 0x00, 0x0e, \
	  0x01, 0x04, mru_hi, mru_lo, 0x02, 0x06, 0x00, 0x0a, 0x00, 0x00 }
static const u8 req_small[] = LCP(1, 0x03, 0xe8);
static const u8 ack_small[] = LCP(2, 0x03, 0xe8);
static const u8 req_big[] = LCP(1, 0x0f, 0xa0);
static const u8 ack_big[] = LCP(2, 0x0f, 0xa0);

struct lcp_case {
	const char *name;
	const u8 *req;		/* we send it first, if set */
	const u8 *ack;		/* then this comes in */
	int mru;		/* ... and these are the results */
	u32 raccm;
};

static void lcp_case_desc(const struct lcp_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct lcp_case lcp_cases[] = {
	{ "ack_applies", req_big, ack_big, 4000, 0x000a0000 },
	{ "mru_never_below_1500", req_small, ack_small, PPP_MRU, 0x000a0000 },
	{ "ack_of_other_request", req_small, ack_big, PPP_MRU, ~0U },
	{ "ack_without_request", NULL, ack_big, PPP_MRU, ~0U },
	{ "request_inbound_ignored", NULL, req_big, PPP_MRU, ~0U },
};

KUNIT_ARRAY_PARAM(lcp, lcp_cases, lcp_case_desc);

static void lcp_confack_inbound(struct kunit *test)
{
	const struct lcp_case *c = test->param_value;
	struct ppp_async *ap = test->priv;

	if (c->req)
		at_peek(test, c->req, sizeof(req_big), false);
	at_peek(test, c->ack, sizeof(ack_big), true);
	KUNIT_EXPECT_EQ(test, ap->mru, c->mru);
	KUNIT_EXPECT_EQ(test, ap->raccm, c->raccm);
	/* Our receive side only: the transmit map is untouched. */
	KUNIT_EXPECT_EQ(test, ap->xaccm[0], ~0U);
	KUNIT_EXPECT_EQ(test, at_txmaps_updates, 0);
	/* A second Ack of the same request changes nothing more. */
	ap->mru = 1234;
	at_peek(test, c->ack, sizeof(ack_big), true);
	KUNIT_EXPECT_EQ(test, ap->mru, 1234);
}

static void lcp_confack_outbound(struct kunit *test)
{
	struct ppp_async *ap = test->priv;

	at_peek(test, ack_big, sizeof(ack_big), false);
	KUNIT_EXPECT_EQ(test, ap->chan.mtu, 4000);
	KUNIT_EXPECT_EQ(test, ap->xaccm[0], 0x000a0000U);
	KUNIT_EXPECT_EQ(test, at_txmaps_updates, 1);
	KUNIT_EXPECT_TRUE(test, ppp_hdlc_map_test(&ap->txmap, 0x11));
	KUNIT_EXPECT_FALSE(test, ppp_hdlc_map_test(&ap->txmap, 0x01));
	/* Receive side untouched. */
	KUNIT_EXPECT_EQ(test, ap->mru, PPP_MRU);
	KUNIT_EXPECT_EQ(test, ap->raccm, ~0U);
}

/* Malformed option lists and lying lengths: ignored, no read past. */
struct bad_lcp_case {
	const char *name;
	u8 frame[20];
	size_t len;
	bool applies;
	int mru;
};

static void bad_lcp_case_desc(const struct bad_lcp_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct bad_lcp_case bad_lcp_cases[] = {
	{ "proto_only", { 0xc0, 0x21 }, 2 },
	{ "header_short", { 0xc0, 0x21, 0x02, 0x07, 0x00 }, 5 },
	{ "length_past_end", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x10, 0x01, 0x04,
	  0x0f, 0xa0 }, 10 },
	{ "length_below_header", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x03 }, 6 },
	{ "no_options", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x04 }, 6, true,
	  PPP_MRU },
	{ "option_len_0", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x08, 0x01, 0x00,
	  0x0f, 0xa0 }, 10, true, PPP_MRU },
	{ "option_len_1", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x08, 0x01, 0x01,
	  0x0f, 0xa0 }, 10, true, PPP_MRU },
	{ "option_past_end", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x08, 0x01, 0x05,
	  0x0f, 0xa0 }, 10, true, PPP_MRU },
	{ "mru_option_short", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x07, 0x01, 0x03,
	  0x0f }, 9, true, PPP_MRU },
	{ "accm_option_short", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x09, 0x02,
	  0x05, 0x00, 0x00, 0x00 }, 11, true, PPP_MRU },
	{ "odd_byte_after_mru", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x09, 0x01,
	  0x04, 0x0f, 0xa0, 0x02 }, 11, true, 4000 },
	{ "trailing_bytes_after_length", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x08,
	  0x01, 0x04, 0x0f, 0xa0, 0xde, 0xad }, 12, true, 4000 },
};

KUNIT_ARRAY_PARAM(bad_lcp, bad_lcp_cases, bad_lcp_case_desc);

static void lcp_malformed(struct kunit *test)
{
	const struct bad_lcp_case *c = test->param_value;
	struct ppp_async *ap = test->priv;
	u8 *req = at_dup(test, c->frame, c->len);

	/* Make it "our" request by sending the same bytes as code 1. */
	if (c->len >= 3) {
		req[2] = 1;
		at_peek(test, req, c->len, false);
	}
	at_peek(test, c->frame, c->len, true);
	KUNIT_EXPECT_EQ(test, ap->raccm, ~0U);	/* no ACCM in any of them */
	KUNIT_EXPECT_EQ(test, ap->mru, c->applies ? c->mru : PPP_MRU);
	/* Outbound too: nothing applied from a frame that is not whole. */
	at_peek(test, c->frame, c->len, false);
	KUNIT_EXPECT_EQ(test, ap->xaccm[0], ~0U);
}

/* Every truncation of a good Ack: only the whole one applies. */
static void lcp_truncations(struct kunit *test)
{
	struct ppp_async *ap = test->priv;
	size_t len;

	for (len = 0; len <= sizeof(ack_big); len++) {
		lcp_init(test);
		ap = test->priv;
		at_peek(test, req_big, sizeof(req_big), false);
		at_peek(test, ack_big, len, true);
		KUNIT_EXPECT_EQ_MSG(test, ap->mru,
				    len == sizeof(ack_big) ? 4000 : PPP_MRU,
				    "len %zu", len);
	}
}

/*
 * Any Configure-Ack received uses up the Request we sent: after it, an
 * Ack of that Request changes nothing (in-tree behaviour).  Frames the
 * snooper cannot take as a Configure-Ack leave the Request waiting.
 */
struct forget_case {
	const char *name;
	u8 frame[16];
	size_t len;
	bool inbound;
	bool forgets;
};

static void forget_case_desc(const struct forget_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct forget_case forget_cases[] = {
	{ "ack_of_other_request", LCP(2, 0x03, 0xe8), 16, true, true },
	{ "ack_of_other_id", { 0xc0, 0x21, 0x02, 0x08, 0x00, 0x0e, 0x01, 0x04,
	  0x0f, 0xa0, 0x02, 0x06, 0x00, 0x0a, 0x00, 0x00 }, 16, true, true },
	{ "ack_no_options", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x04 }, 6, true,
	  true },
	{ "ack_length_below_header", { 0xc0, 0x21, 0x02, 0x07, 0x00, 0x02 },
	  6, true, true },
	{ "ack_truncated", LCP(2, 0x0f, 0xa0), 12, true, false },
	{ "ack_header_short", { 0xc0, 0x21, 0x02, 0x07, 0x00 }, 5, true,
	  false },
	{ "nak_inbound", LCP(3, 0x03, 0xe8), 16, true, false },
	{ "request_inbound", LCP(1, 0x03, 0xe8), 16, true, false },
	{ "ack_outbound", LCP(2, 0x03, 0xe8), 16, false, false },
};

KUNIT_ARRAY_PARAM(forget, forget_cases, forget_case_desc);

static void lcp_ack_forgets_request(struct kunit *test)
{
	const struct forget_case *c = test->param_value;
	struct ppp_async *ap = test->priv;

	at_peek(test, req_big, sizeof(req_big), false);
	at_peek(test, c->frame, c->len, c->inbound);
	KUNIT_EXPECT_EQ(test, ap->mru, PPP_MRU);
	KUNIT_EXPECT_EQ(test, ap->raccm, ~0U);
	/* now the Ack of what we sent */
	at_peek(test, ack_big, sizeof(ack_big), true);
	KUNIT_EXPECT_EQ(test, ap->mru, c->forgets ? PPP_MRU : 4000);
	KUNIT_EXPECT_EQ(test, ap->raccm, c->forgets ? ~0U : 0x000a0000U);
}

/* A late Ack of an earlier Request: the Request sent again still counts. */
static void lcp_late_ack_then_resend(struct kunit *test)
{
	struct ppp_async *ap = test->priv;

	at_peek(test, req_small, sizeof(req_small), false);
	at_peek(test, req_big, sizeof(req_big), false);
	at_peek(test, ack_small, sizeof(ack_small), true);
	KUNIT_EXPECT_EQ(test, ap->mru, PPP_MRU);
	at_peek(test, req_big, sizeof(req_big), false);
	at_peek(test, ack_big, sizeof(ack_big), true);
	KUNIT_EXPECT_EQ(test, ap->mru, 4000);
	KUNIT_EXPECT_EQ(test, ap->raccm, 0x000a0000U);
}

static struct kunit_case ppp_async_lcp_cases[] = {
	KUNIT_CASE_PARAM(lcp_confack_inbound, lcp_gen_params),
	KUNIT_CASE(lcp_confack_outbound),
	KUNIT_CASE_PARAM(lcp_malformed, bad_lcp_gen_params),
	KUNIT_CASE(lcp_truncations),
	KUNIT_CASE_PARAM(lcp_ack_forgets_request, forget_gen_params),
	KUNIT_CASE(lcp_late_ack_then_resend),
	{}
};

static struct kunit_suite ppp_async_lcp_suite = {
	.name = "ppp_async_lcp",
	.init = lcp_init,
	.test_cases = ppp_async_lcp_cases,
};

kunit_test_suites(&ppp_async_hdlc_suite, &ppp_async_lcp_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit suites for the ppp_async codec and LCP snooper");
