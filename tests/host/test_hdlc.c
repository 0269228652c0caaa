// SPDX-License-Identifier: GPL-2.0
/*
 * Host-side tests of the pure RFC 1662 codec (drivers/net/ppp/async_hdlc.c).
 *
 * The codec is checked against a deliberately naive reference written
 * here from the RFC alone: bit-at-a-time FCS, byte-at-a-time escaping
 * from the 32-bit word maps.  Two implementations agreeing on random
 * input is the point; the table vectors in hdlc_vectors.h pin both to
 * known values.
 *
 *   test_hdlc            all unit tests, then "N passed, M failed"
 *   test_hdlc fuzz N     N random decoder runs (for the ASan/UBSan build)
 */
#include <stdio.h>
#include <stdlib.h>
#include "async_hdlc.h"
#include "hdlc_vectors.h"

#include "check.h"

/* Checks that would run millions of times count once per test instead. */
#define QUIET_CHECK(ok, cond)	do { if (!(cond)) ok = false; } while (0)

#define MRU		1500
#define FRAME_MAX	(MRU + 4 + 2)	/* ff 03 proto(2) info FCS(2) */

/* ---- deterministic PRNG (xorshift64*), so failures reproduce ---- */

static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static u32 rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (rng_state * 0x2545f4914f6cdd1dULL) >> 32;
}

static void rnd_fill(u8 *p, size_t n)
{
	while (n--)
		*p++ = rnd();
}

/* ---- the naive reference ---- */

static u16 ref_fcs(u16 fcs, const u8 *p, size_t n)
{
	int b;

	while (n--) {
		fcs ^= *p++;
		for (b = 0; b < 8; b++)
			fcs = (fcs >> 1) ^ ((fcs & 1) ? 0x8408 : 0);
	}
	return fcs;
}

/* 5d and 5e escaped would read 7d 7d (double escape) and 7d 7e (abort). */
static bool ref_escaped(const u32 *xaccm, u8 c)
{
	if (c == 0x5d || c == 0x5e)
		return false;
	return c == 0x7d || c == 0x7e || (xaccm[c >> 5] >> (c & 31)) & 1;
}

static size_t ref_put(u8 *o, const u32 *xaccm, u8 c)
{
	if (ref_escaped(xaccm, c)) {
		o[0] = 0x7d;
		o[1] = c ^ 0x20;
		return 2;
	}
	o[0] = c;
	return 1;
}

/* The whole frame at once, as RFC 1662 section 4 describes it. */
static size_t ref_encode(u8 *out, const u32 *xaccm, const u8 *data,
			 size_t len, bool addr_ctrl, bool open_flag)
{
	static const u8 ac[2] = { 0xff, 0x03 };
	u16 fcs = 0xffff;
	size_t o = 0, i;

	if (open_flag)
		out[o++] = 0x7e;
	if (addr_ctrl) {
		o += ref_put(out + o, xaccm, 0xff);
		o += ref_put(out + o, xaccm, 0x03);
		fcs = ref_fcs(fcs, ac, 2);
	}
	for (i = 0; i < len; i++)
		o += ref_put(out + o, xaccm, data[i]);
	fcs = ~ref_fcs(fcs, data, len);
	o += ref_put(out + o, xaccm, fcs & 0xff);
	o += ref_put(out + o, xaccm, fcs >> 8);
	out[o++] = 0x7e;
	return o;
}

/* ---- helpers around the codec ---- */

/* Encode in pieces of at most @chunk bytes (0: random 1..64). */
static size_t enc_all(u8 *out, size_t cap, struct ppp_hdlc_enc *e,
		      size_t chunk)
{
	size_t o = 0;
	int guard = 0;

	while (!ppp_hdlc_enc_done(e) && o < cap && guard++ < 100000) {
		size_t room = chunk ? chunk : 1 + rnd() % 64;

		if (room > cap - o)
			room = cap - o;
		o += ppp_hdlc_enc_run(e, out + o, room);
	}
	return o;
}

static size_t enc_frame(u8 *out, size_t cap, const u32 *xaccm,
			const u8 *data, size_t len, bool addr_ctrl,
			bool open_flag, size_t chunk)
{
	struct ppp_hdlc_map map;
	struct ppp_hdlc_enc e;

	ppp_hdlc_tx_map(&map, xaccm);
	ppp_hdlc_enc_start(&e, &map, data, len, addr_ctrl, open_flag);
	return enc_all(out, cap, &e, chunk);
}

#define MAX_FRAMES	64

struct dec_out {
	int frames, bad;
	u32 len[MAX_FRAMES];
	u8 *buf[MAX_FRAMES];
	u8 bufs[MAX_FRAMES][FRAME_MAX];
	u32 bufsize;
	int next;		/* next free buffer */
	bool nomem;		/* answer NEED_BUF with NULL */
	int err;		/* why the last bad frame was bad */
};

static void dec_out_init(struct dec_out *r, u32 bufsize)
{
	memset(r, 0, sizeof(*r));
	r->bufsize = bufsize;
}

/* The third pass: each feed in one section, as ppp_async_input() does. */
static bool host_hold;

/* Feed @in to @d, one call per chunk of the given sizes. */
static void dec_feed(struct ppp_hdlc_dec *d, struct dec_out *r, const u8 *in,
		     size_t n)
{
	size_t used;
	u32 flen;

	if (host_hold)
		ppp_hdlc_dec_hold(d, n);
	while (n) {
		switch (ppp_hdlc_dec_run(d, in, n, &used, &flen)) {
		case PPP_HDLC_NEED_BUF:
			if (r->nomem || r->next >= MAX_FRAMES) {
				ppp_hdlc_dec_set_buf(d, NULL, 0);
				break;
			}
			ppp_hdlc_dec_set_buf(d, r->bufs[r->next++],
					     r->bufsize);
			break;
		case PPP_HDLC_FRAME:
			if (r->frames < MAX_FRAMES) {
				r->len[r->frames] = flen;
				r->buf[r->frames] = d->buf ? NULL :
						    r->bufs[r->next - 1];
			}
			r->frames++;
			break;
		case PPP_HDLC_BAD:
			r->bad++;
			r->err = d->err;
			break;
		case PPP_HDLC_MORE:
			break;
		}
		in += used;
		n -= used;
	}
	ppp_hdlc_dec_release(d);
}

static void dec_chunks(struct ppp_hdlc_dec *d, struct dec_out *r,
		       const u8 *in, size_t n, size_t chunk)
{
	while (n) {
		size_t c = chunk ? chunk : 1 + rnd() % 97;

		if (c > n)
			c = n;
		dec_feed(d, r, in, c);
		in += c;
		n -= c;
	}
}

/* The frame in @r at index @i is @data/@len behind an optional ff 03. */
static bool frame_is(struct dec_out *r, int i, const u8 *hdr, size_t hlen,
		     const u8 *data, size_t len)
{
	if (i >= r->frames || !r->buf[i] || r->len[i] != hlen + len)
		return false;
	return !memcmp(r->buf[i], hdr, hlen) &&
	       !memcmp(r->buf[i] + hlen, data, len);
}

static const u32 map_default[8] = { 0xffffffff, 0, 0, 0x60000000 };
static const u32 map_zero[8] = { 0, 0, 0, 0x60000000 };
static const u32 map_none[8];
static const u32 map_full[8] = { ~0U, ~0U, ~0U, ~0U, ~0U, ~0U, ~0U, ~0U };
static const u8 ac[2] = { 0xff, 0x03 };

/* ---- FCS ---- */

static void test_fcs_vectors(void)
{
	size_t i;

	cur_test = "fcs-vectors";
	for (i = 0; i < ARRAY_SIZE(hdlc_fcs_vectors); i++) {
		const struct hdlc_fcs_vector *v = &hdlc_fcs_vectors[i];
		u16 f = ~ppp_hdlc_fcs(PPP_HDLC_INITFCS, v->data, v->len);

		CHECK(f == v->fcs, "%s: %04x want %04x", v->name, f, v->fcs);
		CHECK((u16)~ref_fcs(0xffff, v->data, v->len) == v->fcs,
		      "reference disagrees on %s", v->name);
	}
}

/* Every byte value at every position of the 8-byte slices, any offset. */
static void test_fcs_tables(void)
{
	u8 buf[64 + 8];
	bool ok = true;
	int v, pos, len, off;

	cur_test = "fcs-tables";
	for (len = 0; len <= 40; len++) {
		for (off = 0; off < 8; off++) {
			for (v = 0; v < 256; v++) {
				rnd_fill(buf, sizeof(buf));
				for (pos = 0; pos < len; pos += 7)
					buf[off + pos] = v;
				QUIET_CHECK(ok, ppp_hdlc_fcs(0xffff, buf + off, len) ==
						ref_fcs(0xffff, buf + off, len));
				QUIET_CHECK(ok, ppp_hdlc_fcs(v * 257, buf + off, len) ==
						ref_fcs(v * 257, buf + off, len));
			}
		}
	}
	CHECK(ok, "sliced FCS differs from the bitwise one");
}

/* RFC 1662 section C.2: a frame followed by its FCS leaves 0xf0b8. */
static void test_fcs_residue(void)
{
	u8 buf[300];
	bool ok = true;
	int len;

	cur_test = "fcs-residue";
	for (len = 0; len < 290; len++) {
		u16 f;

		rnd_fill(buf, len);
		f = ~ppp_hdlc_fcs(PPP_HDLC_INITFCS, buf, len);
		buf[len] = f & 0xff;
		buf[len + 1] = f >> 8;
		QUIET_CHECK(ok, ppp_hdlc_fcs(PPP_HDLC_INITFCS, buf, len + 2) ==
				PPP_HDLC_GOODFCS);
	}
	CHECK(ok, "good-FCS residue not reached");
}

/* ---- encoder ---- */

static void test_frame_vectors(void)
{
	u8 out[512], ref[512];
	size_t i, n, rn;

	cur_test = "frame-vectors";
	for (i = 0; i < ARRAY_SIZE(hdlc_frame_vectors); i++) {
		const struct hdlc_frame_vector *v = &hdlc_frame_vectors[i];
		u32 xaccm[8] = { v->xaccm0, 0, 0, 0x60000000 };

		n = enc_frame(out, sizeof(out), xaccm, v->data, v->len,
			      v->addr_ctrl, true, 4096);
		rn = ref_encode(ref, xaccm, v->data, v->len, v->addr_ctrl,
				true);
		CHECK(n == rn && !memcmp(out, ref, n), "%s: reference", v->name);
		if (v->wire)
			CHECK(n == v->wire_len && !memcmp(out, v->wire, n),
			      "%s: wire bytes", v->name);
	}
}

/* Which bytes come out escaped under each map: all 256 values. */
static void check_escapes(const char *name, const u32 *xaccm,
			  bool (*want)(u8 c))
{
	u8 data[256], out[2048];
	struct ppp_hdlc_map map;
	struct ppp_hdlc_enc e;
	size_t n, i, o;
	bool ok = true;

	cur_test = name;
	for (i = 0; i < 256; i++)
		data[i] = i;
	ppp_hdlc_tx_map(&map, xaccm);
	ppp_hdlc_enc_start(&e, &map, data, 256, false, false);
	n = enc_all(out, sizeof(out), &e, sizeof(out));
	CHECK(ppp_hdlc_enc_done(&e), "frame not finished");
	for (i = 0, o = 0; i < 256 && o < n; i++) {
		bool esc = out[o] == 0x7d;

		QUIET_CHECK(ok, esc == want(i));
		QUIET_CHECK(ok, out[o + esc] == (esc ? i ^ 0x20 : i));
		o += 1 + esc;
	}
	CHECK(ok && i == 256, "escape set differs");
}

static bool esc_default(u8 c)
{
	return c < 0x20 || c == 0x7d || c == 0x7e;
}

static bool esc_zero(u8 c)
{
	return c == 0x7d || c == 0x7e;
}

static bool esc_full(u8 c)
{
	return c != 0x5d && c != 0x5e;
}

static bool esc_ext(u8 c)
{
	/* asyncmap 0xffffffff + escape 0x41,0x7e,0xff (pppd's "escape") */
	return c < 0x20 || c == 0x41 || c == 0x7d || c == 0x7e || c == 0xff;
}

static void test_escape_maps(void)
{
	u32 ext[8] = { 0xffffffff, 0, 0x00000002, 0x60000000,
		       0, 0, 0, 0x80000000 };

	check_escapes("escape-default-accm", map_default, esc_default);
	check_escapes("escape-asyncmap-0", map_zero, esc_zero);
	check_escapes("escape-full-map", map_full, esc_full);
	check_escapes("escape-extended-map", ext, esc_ext);
	/* 7d and 7e are escaped even when the caller's map forgets them */
	check_escapes("escape-empty-map", map_none, esc_zero);
}

/* LCP codes 1-7 go out with ff 03, a flag and every control escaped. */
static void test_lcp_unnegotiated(void)
{
	u8 frame[12] = { 0xc0, 0x21, 0, 1, 0, 10, 0x02, 0x06, 0, 0, 0, 0 };
	u8 out[64], ref[64];
	struct ppp_hdlc_map map, lcpmap;
	struct ppp_hdlc_enc e;
	unsigned int all = PPP_HDLC_ACFC | PPP_HDLC_PFC;
	size_t n, rn;
	int code;

	cur_test = "lcp-unnegotiated";
	ppp_hdlc_tx_map(&map, map_zero);
	ppp_hdlc_lcp_map(&lcpmap, map_zero);
	for (code = 0; code <= 12; code++) {
		bool want = code >= 1 && code <= 7;
		bool lcp;

		frame[2] = code;
		lcp = ppp_hdlc_enc_frame(&e, &map, &lcpmap, frame,
					 sizeof(frame), all);
		n = enc_all(out, sizeof(out), &e, sizeof(out));
		CHECK(lcp == want, "code %d classified %d", code, lcp);
		if (want)
			rn = ref_encode(ref, map_default, frame, sizeof(frame),
					true, true);
		else
			rn = ref_encode(ref, map_zero, frame, sizeof(frame),
					false, false);
		CHECK(n == rn && !memcmp(out, ref, n), "code %d wire bytes",
		      code);
	}
	/* other protocols are never treated as LCP negotiation */
	frame[0] = 0x80;
	frame[2] = 1;
	CHECK(!ppp_hdlc_lcp_unnegotiated(frame, sizeof(frame)), "IPCP as LCP");
}

/* Frames of 0..3 bytes, from buffers of exactly that size (ASan sees). */
static void test_short_frames(void)
{
	static const u8 src[3] = { 0xc0, 0x21, 0x01 };
	struct ppp_hdlc_map map, lcpmap;
	struct ppp_hdlc_enc e;
	u8 out[64], ref[64];
	size_t len, n, rn;

	cur_test = "short-frames";
	ppp_hdlc_tx_map(&map, map_default);
	ppp_hdlc_lcp_map(&lcpmap, map_default);
	for (len = 0; len <= 3; len++) {
		u8 *data = malloc(len ? len : 1);

		memcpy(data, src, len);
		CHECK(ppp_hdlc_lcp_unnegotiated(data, len) == (len == 3),
		      "len %zu", len);
		ppp_hdlc_enc_frame(&e, &map, &lcpmap, data, len,
				   PPP_HDLC_PFC | PPP_HDLC_ACFC);
		n = enc_all(out, sizeof(out), &e, 1);
		CHECK(ppp_hdlc_enc_done(&e), "len %zu unfinished", len);
		rn = ref_encode(ref, map_default, data, len, len == 3,
				len == 3);
		CHECK(n == rn && !memcmp(out, ref, n), "len %zu bytes", len);
		ppp_hdlc_enc_start(&e, &map, data, len, true, true);
		n = enc_all(out, sizeof(out), &e, 2);
		rn = ref_encode(ref, map_default, data, len, true, true);
		CHECK(n == rn && !memcmp(out, ref, n), "len %zu start", len);
		free(data);
	}
}

/* PFC strips a leading 00, ACFC the ff 03; neither for odd protocols. */
static void test_compression(void)
{
	static const u8 ip[4] = { 0x00, 0x21, 0x45, 0x00 };
	static const u8 ipcp[4] = { 0x80, 0x21, 0x01, 0x01 };
	struct ppp_hdlc_map map, lcpmap;
	struct ppp_hdlc_enc e;
	u8 out[64], ref[64];
	size_t n, rn;

	cur_test = "pfc-acfc";
	ppp_hdlc_tx_map(&map, map_zero);
	ppp_hdlc_lcp_map(&lcpmap, map_zero);
	ppp_hdlc_enc_frame(&e, &map, &lcpmap, ip, 4,
			   PPP_HDLC_PFC | PPP_HDLC_ACFC);
	n = enc_all(out, sizeof(out), &e, 64);
	rn = ref_encode(ref, map_zero, ip + 1, 3, false, false);
	CHECK(n == rn && !memcmp(out, ref, n), "ip pfc+acfc");
	ppp_hdlc_enc_frame(&e, &map, &lcpmap, ip, 4, PPP_HDLC_OPEN_FLAG);
	n = enc_all(out, sizeof(out), &e, 64);
	rn = ref_encode(ref, map_zero, ip, 4, true, true);
	CHECK(n == rn && !memcmp(out, ref, n), "ip uncompressed");
	ppp_hdlc_enc_frame(&e, &map, &lcpmap, ipcp, 4, PPP_HDLC_PFC);
	n = enc_all(out, sizeof(out), &e, 64);
	rn = ref_encode(ref, map_zero, ipcp, 4, true, false);
	CHECK(n == rn && !memcmp(out, ref, n), "ipcp keeps its protocol");
}

/* Any output room, down to one byte, gives the same bytes. */
static void test_bounded_output(void)
{
	u8 data[600], out[1400], ref[1400];
	size_t room, n, rn;
	bool ok = true;

	cur_test = "bounded-output";
	rnd_fill(data, sizeof(data));
	data[0] = 0x7d;
	data[599] = 0x20;	/* escaped as 7d 00 under the extended map */
	{
		u32 xaccm[8] = { 0xffffffff, 1, 0, 0x60000000 };

		rn = ref_encode(ref, xaccm, data, sizeof(data), true, true);
		for (room = 1; room <= 70; room++) {
			n = enc_frame(out, sizeof(out), xaccm, data,
				      sizeof(data), true, true, room);
			QUIET_CHECK(ok, n == rn && !memcmp(out, ref, n));
		}
	}
	CHECK(ok, "chunked encoding differs");
}

/* ---- decoder ---- */

static void test_split_everywhere(void)
{
	static const u8 payload[] = { 0x00, 0x21, 0x45, 0x7e, 0x7d, 0x11,
				      0x13, 0x00, 0xff, 0x03, 0x5e, 0x20 };
	u8 wire[128];
	struct ppp_hdlc_dec d;
	static struct dec_out r;
	size_t n, k, j;
	bool ok = true;

	cur_test = "split-everywhere";
	n = ref_encode(wire, map_default, payload, sizeof(payload), true,
		       true);
	for (k = 0; k <= n; k++) {
		for (j = k; j <= n; j++) {
			ppp_hdlc_dec_init(&d, 0xffffffff);
			dec_out_init(&r, FRAME_MAX);
			dec_feed(&d, &r, wire, k);
			dec_feed(&d, &r, wire + k, j - k);
			dec_feed(&d, &r, wire + j, n - j);
			QUIET_CHECK(ok, r.frames == 1 && r.bad == 0);
			QUIET_CHECK(ok, frame_is(&r, 0, ac, 2, payload,
						 sizeof(payload)));
		}
	}
	CHECK(ok, "a split changed the decoded frame");
	/* one byte at a time */
	ppp_hdlc_dec_init(&d, 0xffffffff);
	dec_out_init(&r, FRAME_MAX);
	dec_chunks(&d, &r, wire, n, 1);
	CHECK(r.frames == 1 && frame_is(&r, 0, ac, 2, payload,
					 sizeof(payload)), "bytewise");
}

/* Build "good frame, garbage, good frame" and count what comes out. */
static void run_case(const char *name, const u8 *bad, size_t blen,
		     u32 raccm, u32 bufsize, int want_bad, int want_err)
{
	static const u8 p1[] = { 0xc0, 0x21, 0x09, 0x01, 0x00, 0x08, 1, 2,
				 3, 4 };
	static const u8 p2[] = { 0x00, 0x21, 0x45, 0x00, 0x00, 0x14 };
	u8 wire[4096];
	struct ppp_hdlc_dec d;
	static struct dec_out r;
	size_t n = 0;

	cur_test = name;
	n += ref_encode(wire + n, map_default, p1, sizeof(p1), true, true);
	if (blen)
		memcpy(wire + n, bad, blen);
	n += blen;
	n += ref_encode(wire + n, map_default, p2, sizeof(p2), true, true);
	ppp_hdlc_dec_init(&d, raccm);
	dec_out_init(&r, bufsize);
	dec_feed(&d, &r, wire, n);
	CHECK(r.frames == 2, "frames %d", r.frames);
	CHECK(r.bad == want_bad, "bad %d want %d", r.bad, want_bad);
	CHECK(!want_bad || r.err == want_err, "cause %d want %d", r.err,
	      want_err);
	CHECK(frame_is(&r, 0, ac, 2, p1, sizeof(p1)), "first frame");
	CHECK(frame_is(&r, 1, ac, 2, p2, sizeof(p2)), "second frame");
}

static void test_errors(void)
{
	static const u8 abort1[] = { 0x01, 0x02, 0x03, 0x7d, 0x7e };
	static const u8 abort2[] = { 0x7d, 0x7e };
	static const u8 runt1[] = { 0x55, 0x7e };
	static const u8 runt2[] = { 0x55, 0x66, 0x7e };
	/* an empty frame: just its FCS (00 00, escaped), which is good */
	static const u8 runt3[] = { 0x7d, 0x20, 0x7d, 0x20, 0x7e };
	static const u8 flags[] = { 0x7e, 0x7e, 0x7e, 0x7e };
	static const u8 lone_esc[] = { 0x7d, 0x7d, 0x7d, 0x41, 0x7e };
	static const u8 noise[] = { 0x11, 0x13, 0x11, 0x7e, 0x00, 0x7e };
	u8 big[4000];	/* 2000 escaped bytes: over FRAME_MAX either way */
	u8 badfcs[64];
	u8 badfcs_payload[] = { 0x00, 0x21, 1, 2, 3 };
	size_t n;

	run_case("clean", NULL, 0, ~0U, FRAME_MAX, 0, 0);
	run_case("abort-7d-7e", abort1, sizeof(abort1), ~0U, FRAME_MAX, 1,
		 PPP_HDLC_ERR_ABORT);
	run_case("abort-alone", abort2, sizeof(abort2), ~0U, FRAME_MAX, 1,
		 PPP_HDLC_ERR_ABORT);
	run_case("runt-1", runt1, sizeof(runt1), ~0U, FRAME_MAX, 1,
		 PPP_HDLC_ERR_RUNT);
	run_case("runt-2", runt2, sizeof(runt2), ~0U, FRAME_MAX, 1,
		 PPP_HDLC_ERR_RUNT);
	run_case("runt-good-fcs", runt3, sizeof(runt3), ~0U, FRAME_MAX, 1,
		 PPP_HDLC_ERR_RUNT);
	run_case("flag-runs", flags, sizeof(flags), ~0U, FRAME_MAX, 0, 0);
	/* 7d 7d 7d 41: escapes collapse, 0x61 is one byte: a runt */
	run_case("lone-escapes", lone_esc, sizeof(lone_esc), ~0U, FRAME_MAX,
		 1, PPP_HDLC_ERR_RUNT);
	/* raw XON/XOFF/NUL in the receive map vanish, between flags too */
	run_case("raccm-noise", noise, sizeof(noise), ~0U, FRAME_MAX, 0, 0);

	memset(big, 0x55, sizeof(big));
	big[sizeof(big) - 1] = 0x7e;
	run_case("oversize", big, sizeof(big), ~0U, FRAME_MAX, 1,
		 PPP_HDLC_ERR_LONG);
	/* overflow inside an escape sequence too */
	for (n = 0; n + 1 < sizeof(big); n += 2) {
		big[n] = 0x7d;
		big[n + 1] = 0x31;
	}
	big[sizeof(big) - 1] = 0x7e;
	run_case("oversize-escaped", big, sizeof(big), ~0U, FRAME_MAX, 1,
		 PPP_HDLC_ERR_LONG);

	n = ref_encode(badfcs, map_default, badfcs_payload,
		       sizeof(badfcs_payload), true, false);
	badfcs[3] ^= 0x04;
	run_case("bad-fcs", badfcs, n, ~0U, FRAME_MAX, 1, PPP_HDLC_ERR_FCS);
}

/* A control character the map does not drop is data: FCS breaks. */
static void test_raccm(void)
{
	static const u8 p[] = { 0x00, 0x21, 0x45, 0x00, 0x11, 0x13 };
	u8 wire[64], noisy[80];
	struct ppp_hdlc_dec d;
	static struct dec_out r;
	size_t n, i, m = 0;

	cur_test = "raccm";
	/* sent with map 0: 11 and 13 are raw on the wire */
	n = ref_encode(wire, map_zero, p, sizeof(p), true, true);
	ppp_hdlc_dec_init(&d, 0);
	dec_out_init(&r, FRAME_MAX);
	dec_feed(&d, &r, wire, n);
	CHECK(r.frames == 1 && frame_is(&r, 0, ac, 2, p, sizeof(p)),
	      "raw controls kept with raccm 0");
	ppp_hdlc_dec_init(&d, 1U << 0x11 | 1U << 0x13);
	dec_out_init(&r, FRAME_MAX);
	dec_feed(&d, &r, wire, n);
	CHECK(r.frames == 0 && r.bad == 1, "raw controls dropped -> bad FCS");
	/* sent escaped, plus raw noise inserted everywhere: still good */
	n = ref_encode(wire, map_default, p, sizeof(p), true, true);
	for (i = 0; i < n; i++) {
		noisy[m++] = wire[i];
		if (i + 1 < n)
			noisy[m++] = (i & 1) ? 0x11 : 0x13;
	}
	ppp_hdlc_dec_init(&d, 1U << 0x11 | 1U << 0x13);
	dec_out_init(&r, FRAME_MAX);
	dec_feed(&d, &r, noisy, m);
	CHECK(r.frames == 1 && r.bad == 0 &&
	      frame_is(&r, 0, ac, 2, p, sizeof(p)), "noise dropped");
	/* changing the map mid-stream takes effect at the next byte */
	ppp_hdlc_dec_init(&d, 0);
	dec_out_init(&r, FRAME_MAX);
	dec_feed(&d, &r, noisy, 1);
	ppp_hdlc_dec_set_raccm(&d, 1U << 0x11 | 1U << 0x13);
	dec_feed(&d, &r, noisy + 1, m - 1);
	CHECK(r.frames == 1, "map switched mid-frame");
}

/* No buffer (allocation failed): the frame is lost, the next is fine. */
static void test_nomem(void)
{
	static const u8 p[] = { 0x00, 0x21, 0x45 };
	u8 wire[64];
	struct ppp_hdlc_dec d;
	static struct dec_out r;
	size_t n;

	cur_test = "no-buffer";
	n = ref_encode(wire, map_default, p, sizeof(p), true, true);
	ppp_hdlc_dec_init(&d, ~0U);
	dec_out_init(&r, FRAME_MAX);
	r.nomem = true;
	dec_feed(&d, &r, wire, n);
	CHECK(r.frames == 0 && r.bad == 1, "frames %d bad %d", r.frames,
	      r.bad);
	CHECK(r.err == PPP_HDLC_ERR_NOBUF, "cause %d", r.err);
	r.nomem = false;
	dec_feed(&d, &r, wire, n);
	CHECK(r.frames == 1 && frame_is(&r, 0, ac, 2, p, sizeof(p)),
	      "recovered");
}

static void test_rx_strip(void)
{
	static const struct {
		u8 b[4];
		u32 len;
		int want;
	} v[] = {
		{ { 0xff, 0x03, 0x00, 0x21 }, 4, 2 },
		{ { 0xff, 0x03, 0x21 }, 3, 2 },		/* ACFC off, PFC */
		{ { 0x00, 0x21 }, 2, 0 },		/* ACFC */
		{ { 0x21 }, 1, 0 },			/* ACFC + PFC */
		{ { 0xff, 0x05, 0x00, 0x21 }, 4, -1 },	/* bad control */
		{ { 0xff }, 1, -1 },
		{ { 0xff, 0x03 }, 2, -1 },		/* no protocol */
		{ { 0xff, 0x03, 0x00 }, 3, -1 },	/* half a protocol */
		{ { 0x00 }, 1, -1 },
		{ { 0 }, 0, -1 },
	};
	size_t i;

	cur_test = "rx-strip";
	for (i = 0; i < ARRAY_SIZE(v); i++) {
		u8 *b = malloc(v[i].len ? v[i].len : 1);

		memcpy(b, v[i].b, v[i].len);
		CHECK(ppp_hdlc_rx_strip(b, v[i].len) == v[i].want, "case %zu",
		      i);
		free(b);
	}
}

/* Every length 0..MRU, random maps, random chunking both ways. */
static void test_round_trips(void)
{
	static u8 data[FRAME_MAX], wire[2 * FRAME_MAX + 16],
		  ref[2 * FRAME_MAX + 16];
	static struct dec_out r;
	struct ppp_hdlc_dec d;
	bool ok = true, ok_ref = true;
	size_t len, n, rn;

	cur_test = "round-trips";
	for (len = 0; len <= MRU + 2; len++) {
		u32 xaccm[8];
		bool addr = rnd() & 1;
		int i;

		for (i = 0; i < 8; i++)
			xaccm[i] = (rnd() & 3) ? 0 : rnd();
		if (rnd() & 1)
			xaccm[0] = ~0U;
		rnd_fill(data, len);
		n = enc_frame(wire, sizeof(wire), xaccm, data, len, addr, true,
			      0);
		rn = ref_encode(ref, xaccm, data, len, addr, true);
		QUIET_CHECK(ok_ref, n == rn && !memcmp(wire, ref, n));

		ppp_hdlc_dec_init(&d, 0);
		dec_out_init(&r, len + 4);
		dec_chunks(&d, &r, wire, n, 0);
		if (len + (addr ? 2 : 0) >= 1 &&
		    !(r.frames == 1 && r.bad == 0 &&
		      frame_is(&r, 0, ac, addr ? 2 : 0, data, len))) {
			if (ok)
				printf("first failure: len %zu addr %d frames %d bad %d\n",
				       len, addr, r.frames, r.bad);
			ok = false;
		}
	}
	CHECK(ok_ref, "encoder differs from the reference");
	CHECK(ok, "decoded frame differs");
}

/*
 * @wire (@n bytes: the frame @data/@len, escaped with @xaccm) into a
 * decoder buffer of half its size: tossed; then a 2-byte frame, which
 * fits, comes through on its own.
 */
static bool tossed_alone(const u8 *wire, size_t n, const u32 *xaccm,
			 u32 raccm, const u8 *data, size_t len, bool addr)
{
	static struct dec_out r;
	struct ppp_hdlc_dec d;
	u8 small[16];

	ppp_hdlc_dec_init(&d, raccm);
	dec_out_init(&r, len / 2);
	dec_chunks(&d, &r, wire, n, n);
	n = ref_encode(small, xaccm, data, 2, addr, false);
	dec_chunks(&d, &r, small, n, n);
	return r.bad == 1 && r.frames == 1 &&
	       frame_is(&r, 0, ac, addr ? 2 : 0, data, 2);
}

/*
 * The word-at-a-time path (maps whose only special bytes are 7d and 7e):
 * payloads of near misses (7c, 7f, 5d, 5e, fd, fe, ...) with 7d and 7e
 * at every offset of a word, at several densities, long and short
 * frames, whole-buffer and random chunking, and a frame longer than the
 * decoder's buffer.  The encoder must match the reference; the decoder
 * must return every frame.
 */
static void test_word_runs(void)
{
	static const u8 near[] = { 0x7c, 0x7f, 0x5d, 0x5e, 0xfd, 0xfe, 0x3d,
				   0x3e, 0x00, 0x01, 0x7b, 0x80, 0xff, 0x20 };
	static const unsigned int density[] = { 0, 500, 50, 5 };
	static const u32 map_7f[8] = { 0, 0, 0, 0x80000000 };
	static u8 data[FRAME_MAX], wire[2 * FRAME_MAX + 16],
		  ref[2 * FRAME_MAX + 16];
	static struct dec_out r;
	struct ppp_hdlc_map map;
	struct ppp_hdlc_dec d;
	bool ok_ref = true, ok_dec = true, ok_toss = true;
	int it;

	cur_test = "word-runs";
	ppp_hdlc_tx_map(&map, map_zero);
	CHECK(map.words, "async map 0: word path off");
	ppp_hdlc_tx_map(&map, map_none);
	CHECK(map.words, "empty map: word path off");
	ppp_hdlc_tx_map(&map, map_default);
	CHECK(!map.words, "default map: word path on");
	ppp_hdlc_tx_map(&map, map_7f);
	CHECK(!map.words, "map with 7f: word path on");
	ppp_hdlc_lcp_map(&map, map_zero);
	CHECK(!map.words, "LCP map: word path on");
	ppp_hdlc_rx_map(&map, 0);
	CHECK(map.words, "raccm 0: word path off");
	ppp_hdlc_rx_map(&map, 1);
	CHECK(!map.words, "raccm 1: word path on");

	for (it = 0; it < 2000; it++) {
		size_t len = (it & 1) ? 1400 + rnd() % (MRU - 1400 + 1) :
					rnd() % 41;
		unsigned int dens = density[rnd() % 4];
		const u32 *xaccm = (it & 6) ? map_zero : map_7f;
		size_t i, n, rn;
		bool addr = rnd() & 1;

		for (i = 0; i < len; i++) {
			data[i] = near[rnd() % sizeof(near)];
			if (dens && rnd() % dens == 0)
				data[i] = (rnd() & 1) ? 0x7d : 0x7e;
		}
		n = enc_frame(wire, sizeof(wire), xaccm, data, len, addr, true,
			      (it & 8) ? 4096 : 0);
		rn = ref_encode(ref, xaccm, data, len, addr, true);
		QUIET_CHECK(ok_ref, n == rn && !memcmp(wire, ref, n));

		ppp_hdlc_dec_init(&d, 0);
		dec_out_init(&r, len + 4);
		dec_chunks(&d, &r, wire, n, (it & 16) ? n : 0);
		if (len + (addr ? 2 : 0) >= 1)
			QUIET_CHECK(ok_dec, r.frames == 1 && r.bad == 0 &&
				    frame_is(&r, 0, ac, addr ? 2 : 0, data,
					     len));

		if (len >= 16)
			QUIET_CHECK(ok_toss, tossed_alone(wire, n, xaccm, 0, data,
							  len, addr));
	}
	CHECK(ok_ref, "encoder differs from the reference");
	CHECK(ok_dec, "decoded frame differs");
	CHECK(ok_toss, "an over-long frame was not tossed alone");
}

/*
 * The vector path for maps of control characters (->ctl: the default
 * map, any async map, every receive map).  Payloads of near misses
 * around 1f/20 and 7d/7e plus random bytes at several densities, async
 * maps from none to all, including the default and XON/XOFF; the
 * decoder's receive map a subset of what was escaped, so the raw
 * control characters left on the wire are candidates it must keep, and
 * raw noise from its map inserted anywhere, which it must drop.  Long,
 * medium and short frames, random and whole-buffer chunking, and a
 * buffer too short.  The encoder must match the reference.
 */
static void test_ctl_runs(void)
{
	static const u8 near[] = { 0x00, 0x01, 0x0f, 0x10, 0x11, 0x13, 0x1e,
				   0x1f, 0x20, 0x21, 0x3f, 0x5d, 0x5e, 0x7c,
				   0x7d, 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0xfd,
				   0xfe, 0xff };
	static const u32 w0s[] = { ~0U, 0x000a0000, 0, 0x80000001 };
	static const u32 map_xon[8] = { 0x000a0000, 0, 0, 0x60000000 };
	static u8 data[FRAME_MAX], wire[2 * FRAME_MAX + 16],
		  ref[2 * FRAME_MAX + 16], noisy[4 * FRAME_MAX + 32];
	static struct dec_out r;
	struct ppp_hdlc_map map;
	struct ppp_hdlc_dec d;
	bool ok_ref = true, ok_dec = true, ok_noise = true, ok_toss = true;
	int it;

	cur_test = "ctl-runs";
	ppp_hdlc_tx_map(&map, map_default);
	CHECK(map.ctl && !map.words, "default map: vector path off");
	ppp_hdlc_tx_map(&map, map_xon);
	CHECK(map.ctl, "XON/XOFF map: vector path off");
	ppp_hdlc_tx_map(&map, map_zero);
	CHECK(map.ctl && map.words, "async map 0");
	ppp_hdlc_lcp_map(&map, map_zero);
	CHECK(map.ctl, "LCP map: vector path off");
	ppp_hdlc_tx_map(&map, map_full);
	CHECK(!map.ctl, "extended map: vector path on");
	ppp_hdlc_rx_map(&map, ~0U);
	CHECK(map.ctl, "raccm ~0: vector path off");

	for (it = 0; it < 3000; it++) {
		static const size_t lens[] = { 1500, 600, 130, 40 };
		size_t len = lens[it & 3] - rnd() % (lens[it & 3] / 4 + 1);
		unsigned int dens = (it >> 2) % 4;
		u32 xaccm[8] = { w0s[(it >> 4) % 4], 0, 0, 0x60000000 };
		u32 raccm;
		size_t i, n, rn, m;
		bool addr = rnd() & 1;

		if ((it >> 4) % 4 == 3)
			xaccm[0] = rnd();
		raccm = xaccm[0] & rnd();
		for (i = 0; i < len; i++)
			data[i] = dens == 0 ? rnd() :
				  rnd() % (dens + 1) ? near[rnd() % sizeof(near)] :
				  rnd();
		n = enc_frame(wire, sizeof(wire), xaccm, data, len, addr, true,
			      (it & 64) ? 4096 : 0);
		rn = ref_encode(ref, xaccm, data, len, addr, true);
		QUIET_CHECK(ok_ref, n == rn && !memcmp(wire, ref, n));

		ppp_hdlc_dec_init(&d, raccm);
		dec_out_init(&r, len + 4);
		dec_chunks(&d, &r, wire, n, (it & 128) ? n : 0);
		QUIET_CHECK(ok_dec, r.frames == 1 && r.bad == 0 &&
			    frame_is(&r, 0, ac, addr ? 2 : 0, data, len));

		/* raw noise from the receive map, between any two bytes */
		if (raccm) {
			for (i = 0, m = 0; i < n; i++) {
				noisy[m++] = wire[i];
				while (i + 1 < n && m + n - i < sizeof(noisy) &&
				       rnd() % 4 == 0) {
					u8 c = rnd() % 32;

					if (raccm & (1U << c))
						noisy[m++] = c;
				}
			}
			ppp_hdlc_dec_init(&d, raccm);
			dec_out_init(&r, len + 4);
			dec_chunks(&d, &r, noisy, m, (it & 256) ? m : 0);
			QUIET_CHECK(ok_noise, r.frames == 1 && r.bad == 0 &&
				    frame_is(&r, 0, ac, addr ? 2 : 0, data,
					     len));
		}

		if (len >= 32)
			QUIET_CHECK(ok_toss, tossed_alone(wire, n, xaccm, raccm,
							  data, len, addr));
	}
	CHECK(ok_ref, "encoder differs from the reference");
	CHECK(ok_dec, "decoded frame differs");
	CHECK(ok_noise, "noise from the receive map not dropped");
	CHECK(ok_toss, "an over-long frame was not tossed alone");
}

/* Back-to-back frames sharing flags (flag_time), in one buffer. */
static void test_shared_flags(void)
{
	u8 data[5][40], wire[1024];
	struct ppp_hdlc_dec d;
	static struct dec_out r;
	size_t n = 0;
	int i;
	bool ok = true;

	cur_test = "shared-flags";
	for (i = 0; i < 5; i++) {
		rnd_fill(data[i], 40);
		n += ref_encode(wire + n, map_zero, data[i], 40, i & 1, i == 0);
	}
	ppp_hdlc_dec_init(&d, 0);
	dec_out_init(&r, FRAME_MAX);
	dec_chunks(&d, &r, wire, n, 0);
	CHECK(r.frames == 5 && r.bad == 0, "frames %d bad %d", r.frames,
	      r.bad);
	for (i = 0; i < 5 && i < r.frames; i++)
		QUIET_CHECK(ok, frame_is(&r, i, ac, (i & 1) ? 2 : 0, data[i],
					 40));
	CHECK(ok, "frame contents");
}

/*
 * A run stops right behind the flag that ends a frame, so the caller can
 * switch the receive map there (an LCP Configure-Ack) and look at the
 * bytes before it with the old map (IXON): the next frame, sent with map
 * 0 and carrying a raw 13, is then decoded with 13 in the map - dropped,
 * so its FCS fails.  Short and long frames (word and vector runs).
 */
static void test_frame_boundary(void)
{
	static const size_t lens[] = { 4, 40, 300 };
	u8 a[300], b[300], wire[1300];
	struct ppp_hdlc_dec d;
	static struct dec_out r;
	size_t na, n, used, k;
	u32 flen;
	int i;

	cur_test = "frame-boundary";
	for (k = 0; k < ARRAY_SIZE(lens); k++) {
		rnd_fill(a, lens[k]);
		rnd_fill(b, lens[k]);
		b[lens[k] / 2] = 0x13;
		na = ref_encode(wire, map_zero, a, lens[k], true, true);
		n = na + ref_encode(wire + na, map_zero, b, lens[k], true,
				    false);
		for (i = 0; i < 2; i++) {
			ppp_hdlc_dec_init(&d, 0);
			dec_out_init(&r, FRAME_MAX);
			ppp_hdlc_dec_set_buf(&d, r.bufs[r.next++], FRAME_MAX);
			CHECK(ppp_hdlc_dec_run(&d, wire + 1, n - 1, &used,
					       &flen) == PPP_HDLC_FRAME &&
			      used == na - 1, "len %zu: run ends at the flag",
			      lens[k]);
			if (i)
				ppp_hdlc_dec_set_raccm(&d, 1U << 0x13);
			dec_feed(&d, &r, wire + na, n - na);
			CHECK(r.frames == !i && r.bad == i,
			      "len %zu, %s: frames %d bad %d", lens[k],
			      i ? "map switched" : "map kept", r.frames,
			      r.bad);
		}
	}
}

/* ---- fuzz: random and mutated input must never break the decoder ---- */

static int fuzz(long iters)
{
	static u8 in[8192], payload[FRAME_MAX];
	static struct dec_out r;
	struct ppp_hdlc_dec d;
	long it;

	cur_test = "fuzz";
	for (it = 0; it < iters; it++) {
		size_t n = rnd() % sizeof(in), i, k;
		u32 bufsize = 1 + rnd() % FRAME_MAX;

		if (rnd() & 1) {
			rnd_fill(in, n);
		} else {	/* valid frames, then mutations */
			size_t len = rnd() % 300;

			rnd_fill(payload, len);
			n = 0;
			while (n + 2 * len + 16 < sizeof(in))
				n += ref_encode(in + n, map_default, payload,
						len, rnd() & 1, rnd() & 1);
			for (k = rnd() % 16; k; k--) {
				static const u8 evil[] = { 0x7d, 0x7e, 0x11,
							   0xff, 0x00 };
				i = rnd() % n;
				in[i] = (rnd() & 1) ? evil[rnd() % 5] : rnd();
			}
		}
		ppp_hdlc_dec_init(&d, rnd());
		dec_out_init(&r, bufsize);
		r.nomem = !(rnd() % 8);
		dec_chunks(&d, &r, in, n, 0);
		for (i = 0; i < (size_t)r.frames && i < MAX_FRAMES; i++) {
			if (r.len[i] + 2 > bufsize || !r.buf[i]) {
				printf("FAIL fuzz: frame %zu len %u buf %u\n",
				       i, r.len[i], bufsize);
				return 1;
			}
			if (ppp_hdlc_fcs(0xffff, r.buf[i], r.len[i] + 2) !=
			    PPP_HDLC_GOODFCS) {
				printf("FAIL fuzz: frame %zu bad FCS\n", i);
				return 1;
			}
			ppp_hdlc_rx_strip(r.buf[i], r.len[i]);
		}
	}
	printf("fuzz: %ld iterations, no faults\n", iters);
	return 0;
}

/*
 * The carry-less multiply FCS against the bitwise one: every length
 * around the block size and the threshold, every alignment, initial
 * values with every bit pattern.
 */
static void test_fcs_fast(void)
{
	u8 buf[700 + 16];
	bool ok = true;
	int len, off, k;

	cur_test = "fcs-fast";
	for (len = 0; len <= 700; len++) {
		for (off = 0; off < 16; off++) {
			u16 init = k = rnd();

			rnd_fill(buf, sizeof(buf));
			QUIET_CHECK(ok, ppp_hdlc_fcs_fast(init, buf + off, len) ==
					ref_fcs(init, buf + off, len));
		}
	}
	/* All-ones and all-zero blocks: carries through every lane. */
	for (k = 0; k < 2; k++) {
		memset(buf, k ? 0xff : 0, sizeof(buf));
		for (len = 120; len <= 700; len += 17)
			QUIET_CHECK(ok, ppp_hdlc_fcs_fast(0xffff, buf, len) ==
					ref_fcs(0xffff, buf, len));
	}
	CHECK(ok, "fast FCS differs from the bitwise one");
}

static void run_all(void)
{
	test_fcs_vectors();
	test_fcs_tables();
	test_fcs_residue();
	test_frame_vectors();
	test_escape_maps();
	test_lcp_unnegotiated();
	test_short_frames();
	test_compression();
	test_bounded_output();
	test_split_everywhere();
	test_errors();
	test_raccm();
	test_nomem();
	test_rx_strip();
	test_round_trips();
	test_word_runs();
	test_ctl_runs();
	test_shared_flags();
	test_frame_boundary();
	test_fcs_fast();
}

bool host_clmul;

int main(int argc, char **argv)
{
#ifdef PPP_HDLC_CLMUL
	bool clmul = host_cpu_clmul();
#else
	bool clmul = false;
#endif

	if (argc > 1 && !strcmp(argv[1], "fuzz")) {
		host_clmul = clmul;
		return fuzz(argc > 2 ? atol(argv[2]) : 20000);
	}

	/* Every test with the table FCS, then again with the multiplier. */
	printf("FCS from tables\n");
	run_all();
	if (clmul) {
		printf("FCS by carry-less multiply\n");
		host_clmul = true;
		run_all();
		printf("FCS by carry-less multiply, one section per feed\n");
		host_hold = true;
		run_all();
	} else {
		printf("no carry-less multiply on this host: one pass only\n");
	}

	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
