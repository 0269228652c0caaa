// SPDX-License-Identifier: GPL-2.0
/*
 * Host-side tests of the VJ codec (drivers/net/ppp/vj_codec.c), RFC 1144.
 *
 * Expected compressed headers are written out by hand from the RFC's
 * encoding (and slhc's choices where the RFC leaves one: an id that wraps
 * is sent as a delta of 1); every compressed packet is also taken back
 * through the receiver and must come out as the packet that went in.
 *
 *   test_vj            all tests, then "N passed, M failed"
 *   test_vj fuzz N     N random streams and garbage frames (ASan build)
 */
#include <stdio.h>
#include <stdlib.h>
#include "vj_codec.h"
#include "vj_pkt.h"
#include "vj_cases.h"

#include "check.h"

#define BUF		(PPP_VJ_HDR_MAX + 2048)

static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static u32 rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (rng_state * 0x2545f4914f6cdd1dULL) >> 32;
}

static struct ppp_vjc *vj_new(unsigned int rx, unsigned int tx)
{
	struct ppp_vjc *vj = malloc(ppp_vjc_size(rx, tx));

	ppp_vjc_init(vj, rx, tx);
	return vj;
}

static void hex(const char *what, const u8 *p, unsigned int n)
{
	printf("  %s:", what);
	while (n--)
		printf(" %02x", *p++);
	printf("\n");
}

/* A frame on the wire: its type and bytes after the protocol field. */
struct wire {
	enum ppp_vjc_type type;
	unsigned int len;
	u8 b[BUF];
};

static void tx(struct ppp_vjc *vj, const struct vjt_pkt *p, bool cid_ok,
	       struct wire *w)
{
	unsigned int start = 0;

	w->len = vjt_build(p, w->b);
	w->type = ppp_vjc_compress(vj, w->b, w->len, cid_ok, &start);
	if (w->type == PPP_VJC_COMPRESSED) {
		w->len -= start;
		memmove(w->b, w->b + start, w->len);
	}
}

/*
 * Room before a COMP frame for its header (ppp_vjc_uncompress_room()):
 * 0 in the first pass, where the payload moves up, PPP_VJ_MAX_GROWTH in
 * the second, where the header goes in front of it.
 */
static unsigned int rx_before;

/* ppp_vjc_uncompress() or, with rx_before, the header in front. */
static int rx_comp(struct ppp_vjc *vj, const u8 *frame, unsigned int len,
		   u8 *out)
{
	static u8 room[PPP_VJ_MAX_GROWTH + BUF];
	int n, start = 1;

	if (!rx_before) {
		memcpy(out, frame, len);
		return ppp_vjc_uncompress(vj, out, len, BUF);
	}
	memcpy(room + rx_before, frame, len);
	n = ppp_vjc_uncompress_room(vj, room + rx_before, len, rx_before, 0,
				    &start);
	if (n < 0)
		return n;
	/* in front, and ending where the frame did: the payload stayed */
	if (start >= 0 || start + n != (int)len)
		return -2;
	memcpy(out, room + rx_before + start, n);
	return n;
}

/* Receives @w; returns the packet's length in @out, or -1. */
static int rx(struct ppp_vjc *vj, const struct wire *w, u8 *out)
{
	switch (w->type) {
	case PPP_VJC_IP:
		memcpy(out, w->b, w->len);
		return w->len;
	case PPP_VJC_UNCOMPRESSED:
		memcpy(out, w->b, w->len);
		return ppp_vjc_remember(vj, out, w->len) ? -1 : (int)w->len;
	default:
		return rx_comp(vj, w->b, w->len, out);
	}
}

/* Whether @w comes out of @vj as packet @p. */
static bool rx_is(struct ppp_vjc *vj, const struct wire *w,
		  const struct vjt_pkt *p)
{
	u8 want[BUF], got[BUF];
	unsigned int n = vjt_build(p, want);
	int len = rx(vj, w, got);

	if (len == (int)n && !memcmp(want, got, n))
		return true;
	printf("  restored %d bytes, want %u\n", len, n);
	if (len > 0)
		hex("got ", got, len < 60 ? len : 60);
	hex("want", want, n < 60 ? n : 60);
	return false;
}

/* ---- change masks: one packet after the connection's first */

static void test_change_masks(void)
{
	static struct wire w;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mask_cases); i++) {
		const struct mask_case *c = &mask_cases[i];
		struct ppp_vjc *t = vj_new(16, 16), *r = vj_new(16, 16);
		struct vjt_pkt a, b;

		cur_test = c->name;
		mask_case_pkts(c, &a, &b);
		tx(t, &a, true, &w);
		CHECK(w.type == UNCOMP && w.b[9] == 0, "first: type %d", w.type);
		CHECK(rx_is(r, &w, &a), "first packet restored");

		tx(t, &b, true, &w);
		CHECK(w.type == c->type, "type %d, want %d", w.type, c->type);
		if (c->type == COMP) {
			unsigned int hl = w.len - b.data;

			CHECK(hl == c->want_len && !memcmp(w.b, c->want, hl),
			      "compressed header");
			if (hl != c->want_len || memcmp(w.b, c->want, hl)) {
				hex("got ", w.b, hl);
				hex("want", c->want, c->want_len);
			}
		}
		CHECK(rx_is(r, &w, &b), "next packet restored");
		CHECK(t->stats.out_compressed + t->stats.out_uncompressed == 2 &&
		      r->stats.in_errors == 0, "counters");
		free(t);
		free(r);
	}
}

/* ---- packets VJ leaves alone */

struct plain_case {
	const char *name;
	void (*mut)(struct vjt_pkt *p);
	int cut;		/* bytes removed from the end */
	bool tcp, other;	/* which counter moves */
};

static void p_udp(struct vjt_pkt *p) { p->proto = 17; }
static void p_mf(struct vjt_pkt *p) { p->frag = 0x2000; }
static void p_offset(struct vjt_pkt *p) { p->frag = 0x0010; }
static void p_syn(struct vjt_pkt *p) { p->flags |= VJT_F_SYN; }
static void p_fin(struct vjt_pkt *p) { p->flags |= VJT_F_FIN; }
static void p_rst(struct vjt_pkt *p) { p->flags |= VJT_F_RST; }
static void p_noack(struct vjt_pkt *p) { p->flags = VJT_F_PSH; }
static void p_v6(struct vjt_pkt *p) { p->version = 6; }
static void p_ihl4(struct vjt_pkt *p) { p->ihl = 4; }
static void p_doff4(struct vjt_pkt *p) { p->doff = 4; }
static void p_nodata(struct vjt_pkt *p) { p->data = 0; }
static void p_longtcp(struct vjt_pkt *p) { p->data = 0; p->doff = 15; }

static const struct plain_case plain_cases[] = {
	{ "udp", p_udp, .other = true },
	{ "more-fragments", p_mf, .tcp = true },
	{ "fragment-offset", p_offset, .tcp = true },
	{ "syn", p_syn, .tcp = true },
	{ "fin", p_fin, .tcp = true },
	{ "rst", p_rst, .tcp = true },
	{ "no-ack", p_noack, .tcp = true },
	{ "ipv6-version", p_v6, 0, false, false },
	{ "ihl-4", p_ihl4, 0, false, false },
	{ "doff-4", p_doff4, 0, false, false },
	{ "19-bytes", p_nodata, .cut = 21 },
	{ "tcp-header-cut", p_nodata, .cut = 1 },
	{ "tcp-options-cut", p_longtcp, .cut = 1, .tcp = true },
};

static void test_left_alone(void)
{
	unsigned int i, start, len;
	u8 pkt[BUF], copy[BUF];

	for (i = 0; i < ARRAY_SIZE(plain_cases); i++) {
		const struct plain_case *c = &plain_cases[i];
		struct ppp_vjc *t = vj_new(16, 16);
		struct vjt_pkt p = vjt_base();

		cur_test = c->name;
		c->mut(&p);
		len = vjt_build(&p, pkt) - c->cut;
		memcpy(copy, pkt, len);
		CHECK(ppp_vjc_compress(t, pkt, len, true, &start) == PPP_VJC_IP,
		      "sent as IP");
		CHECK(!memcmp(pkt, copy, len), "packet untouched");
		CHECK(t->stats.out_tcp == c->tcp && t->stats.out_other == c->other &&
		      !t->stats.out_compressed && !t->stats.out_uncompressed,
		      "counters tcp %u other %u", t->stats.out_tcp,
		      t->stats.out_other);
		free(t);
	}

	cur_test = "no-transmit-slots";
	{
		struct ppp_vjc *t = vj_new(16, 0);
		struct vjt_pkt p = vjt_base();

		len = vjt_build(&p, pkt);
		CHECK(ppp_vjc_compress(t, pkt, len, true, &start) == PPP_VJC_IP,
		      "sent as IP");
		free(t);
	}
}

/* ---- slots */

static struct vjt_pkt conn(unsigned int i)
{
	struct vjt_pkt p = vjt_base();

	p.sport = 1024 + i;
	p.daddr += i >> 8;
	return p;
}

/* Connections get slots 0, 1, ... then the least recently used. */
static void test_slot_order(void)
{
	static const unsigned int counts[] = { 1, 2, 3, 16, 255 };
	static struct wire w;
	unsigned int k, i, n;

	for (k = 0; k < ARRAY_SIZE(counts); k++) {
		struct ppp_vjc *t, *r;
		struct vjt_pkt p;

		n = counts[k];
		t = vj_new(n, n);
		r = vj_new(n, n);
		cur_test = "slot-order";
		for (i = 0; i < n; i++) {
			p = conn(i);
			tx(t, &p, true, &w);
			CHECK(w.type == UNCOMP && w.b[9] == i,
			      "%u slots: conn %u took slot %u", n, i, w.b[9]);
			CHECK(rx_is(r, &w, &p), "restored");
		}
		CHECK(t->stats.out_misses == n &&
		      t->stats.out_searches == n * (n - 1),
		      "%u slots: misses %u searches %u", n,
		      t->stats.out_misses, t->stats.out_searches);

		/* Connection 0 again: compressed when it kept its slot. */
		p = conn(0);
		p.ack += 1;
		p.id++;
		tx(t, &p, true, &w);
		CHECK(w.type == COMP && (n == 1 ? w.b[0] == 0x04 :
		      w.b[0] == (0x04 | 0x40) && w.b[1] == 0),
		      "%u slots: conn 0 again: type %d %02x %02x", n, w.type,
		      w.b[0], w.b[1]);
		CHECK(rx_is(r, &w, &p), "restored");

		/* A new one takes the least recently used: 1 (0 if alone). */
		p = conn(n);
		tx(t, &p, true, &w);
		CHECK(w.type == UNCOMP && w.b[9] == (n > 1 ? 1 : 0),
		      "%u slots: new conn took %u", n, w.b[9]);
		CHECK(rx_is(r, &w, &p), "restored");
		free(t);
		free(r);
	}
}

/* The ring after a hit in the middle, at the end, at the front. */
static void test_slot_lru(void)
{
	static const unsigned int use[] = { 2, 0, 3, 3, 1, 0 };
	static struct wire w;
	struct ppp_vjc *t = vj_new(4, 4);
	struct vjt_pkt p[5];
	unsigned int i, lru[4] = { 0, 1, 2, 3 }, j, k;

	cur_test = "slot-lru";
	for (i = 0; i < 4; i++) {
		p[i] = conn(i);
		tx(t, &p[i], true, &w);
	}
	/* Model: lru[0] least recently used; a use moves to the end. */
	for (i = 0; i < ARRAY_SIZE(use); i++) {
		p[use[i]].ack++;
		p[use[i]].id++;
		tx(t, &p[use[i]], true, &w);
		CHECK(w.type == COMP, "use %u", use[i]);
		for (j = 0; lru[j] != use[i]; j++)
			;
		for (k = j; k < 3; k++)
			lru[k] = lru[k + 1];
		lru[3] = use[i];
	}
	p[4] = conn(4);
	tx(t, &p[4], true, &w);
	CHECK(w.type == UNCOMP && w.b[9] == lru[0],
	      "new connection took %u, least recently used %u", w.b[9], lru[0]);
	free(t);
}

/* With cid_ok, a slot id goes only with a change of connection. */
static void test_slot_id_compression(void)
{
	static const unsigned int order[] = { 0, 0, 1, 1, 0, 1, 1 };
	static struct wire w;
	int ok;

	for (ok = 0; ok < 2; ok++) {
		struct ppp_vjc *t = vj_new(16, 16), *r = vj_new(16, 16);
		struct vjt_pkt p[2] = { conn(0), conn(1) };
		unsigned int i, last = 0;

		cur_test = ok ? "cid-compressed" : "cid-always";
		tx(t, &p[0], ok, &w);
		rx_is(r, &w, &p[0]);
		tx(t, &p[1], ok, &w);
		rx_is(r, &w, &p[1]);
		last = 1;
		for (i = 0; i < ARRAY_SIZE(order); i++) {
			struct vjt_pkt *q = &p[order[i]];
			bool c;

			q->ack += 3;
			q->id++;
			tx(t, q, ok, &w);
			c = w.b[0] & 0x40;
			CHECK(w.type == COMP && c == (!ok || order[i] != last),
			      "packet %u: C %d", i, c);
			CHECK(!c || w.b[1] == order[i], "slot id %u", w.b[1]);
			CHECK(rx_is(r, &w, q), "restored");
			last = order[i];
		}
		free(t);
		free(r);
	}
}

/*
 * An urgent packet, then bulk data sent as a special case: the receiver
 * must clear URG (the special cases carry no U; slhc's receiver keeps the
 * URG of the packet before).
 */
static void test_urg_then_special(void)
{
	static struct wire w;
	struct ppp_vjc *t = vj_new(16, 16), *r = vj_new(16, 16);
	struct vjt_pkt p = vjt_base();

	cur_test = "urg-then-special";
	tx(t, &p, true, &w);
	CHECK(rx_is(r, &w, &p), "first");
	p.seq += p.data;
	p.id++;
	p.flags |= VJT_F_URG;
	p.urp = 5;
	tx(t, &p, true, &w);
	CHECK(w.type == COMP && w.b[0] == 0x09 && rx_is(r, &w, &p),
	      "urgent: U and S");
	p.seq += p.data;
	p.id++;
	p.flags &= ~VJT_F_URG;
	tx(t, &p, true, &w);
	CHECK(w.type == COMP && w.b[0] == 0x0f && rx_is(r, &w, &p),
	      "special D restored without URG");
	p.seq += p.data;
	p.ack += p.data;
	p.id++;
	p.flags |= VJT_F_URG;
	tx(t, &p, true, &w);
	CHECK(rx_is(r, &w, &p), "urgent again");
	p.seq += p.data;
	p.ack += p.data;
	p.id++;
	p.flags &= ~VJT_F_URG;
	tx(t, &p, true, &w);
	CHECK(w.type == COMP && w.b[0] == 0x0b && rx_is(r, &w, &p),
	      "special I restored without URG");
	free(t);
	free(r);
}

/* ---- receive: the IP checksum */

/*
 * One connection's packets with their ids counting through every value
 * and two lengths in turn: the restored IP checksums meet every header
 * sum, carries past 16 bits included, and must be the bytes the sender
 * had.
 */
static void test_csum_sweep(void)
{
	struct ppp_vjc *t = vj_new(16, 16), *r = vj_new(16, 16);
	struct vjt_pkt p = vjt_base();
	unsigned int i, comp = 0, bad = 0;
	static struct wire w;

	cur_test = "csum-sweep";
	for (i = 0; i <= 0x10000 && bad < 3; i++) {
		p.data = i & 1 ? 37 : 100;
		tx(t, &p, true, &w);
		comp += w.type == COMP;
		if (!rx_is(r, &w, &p))
			bad++;
		p.seq += p.data;
		p.id++;
	}
	CHECK(!bad, "packet %u not restored", i - 1);
	CHECK(comp == 0x10000, "%u of 65537 went compressed", comp);
	free(t);
	free(r);
}

/* ---- receive: errors, toss, bounds */

/* A receiver whose slot 0 holds the base packet; returns it. */
static struct ppp_vjc *rx_ready(struct vjt_pkt *base)
{
	struct ppp_vjc *r = vj_new(16, 16);
	u8 pkt[BUF];
	unsigned int n;

	*base = vjt_base();
	n = vjt_build(base, pkt);
	pkt[9] = 0;
	if (ppp_vjc_remember(r, pkt, n))
		printf("%s: remember failed\n", __func__);
	return r;
}

/* The base packet with ack + 1, id + 1, sent with slot id 0. */
static void good_next(struct wire *w, struct vjt_pkt *want)
{
	static const u8 hdr[] = { 0x44, 0, 0xbe, 0xef, 1 };
	u8 pkt[BUF];
	unsigned int n;

	*want = vjt_base();
	want->ack++;
	want->id++;
	n = vjt_build(want, pkt);
	w->type = COMP;
	memcpy(w->b, hdr, sizeof(hdr));
	memcpy(w->b + sizeof(hdr), pkt + 40, n - 40);
	w->len = sizeof(hdr) + n - 40;
}

struct bad_case {
	const char *name;
	u8 b[16];
	unsigned int len;
};

static const struct bad_case bad_cases[] = {
	{ "empty", { 0 }, 0 },
	{ "mask-only", { 0x04 }, 1 },
	{ "mask-checksum-cut", { 0x04, 0x12 }, 2 },
	{ "slot-id-past-end", { 0x44, 16, 0x12, 0x34, 1 }, 5 },
	{ "slot-id-255", { 0x44, 255, 0x12, 0x34, 1 }, 5 },
	{ "slot-never-filled", { 0x44, 5, 0x12, 0x34, 1 }, 5 },
	{ "checksum-cut", { 0x44, 0, 0x12 }, 3 },
	{ "A-missing", { 0x44, 0, 0x12, 0x34 }, 4 },
	{ "A-long-cut", { 0x44, 0, 0x12, 0x34, 0, 1 }, 6 },
	{ "U-cut", { 0x41, 0, 0x12, 0x34 }, 4 },
	{ "W-cut", { 0x42, 0, 0x12, 0x34, 0 }, 5 },
	{ "S-cut", { 0x48, 0, 0x12, 0x34, 0, 0 }, 6 },
	{ "I-cut", { 0x64, 0, 0x12, 0x34, 1 }, 5 },
	{ "UWA-I-cut", { 0x77, 0, 0x12, 0x34, 1, 2, 3 }, 7 },
};

static void test_bad_frames(void)
{
	static struct wire w;
	unsigned int i;
	u8 out[BUF];

	for (i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct vjt_pkt base, want;
		struct ppp_vjc *r = rx_ready(&base);

		cur_test = c->name;
		memcpy(out, c->b, c->len);
		CHECK(ppp_vjc_uncompress(r, out, c->len, BUF) < 0, "refused");
		CHECK(r->stats.in_errors == 1 && r->stats.in_compressed == 1,
		      "errors %u", r->stats.in_errors);
		/* Tossing: no slot id, no packet. */
		w.b[0] = 0x04;
		w.b[1] = 0x12;
		w.b[2] = 0x34;
		w.b[3] = 1;
		w.len = 4;
		CHECK(ppp_vjc_uncompress(r, w.b, w.len, BUF) < 0 &&
		      r->stats.in_tossed == 1, "tossed after the error");
		/* The slot is as it was: the next good packet is exact. */
		good_next(&w, &want);
		CHECK(rx_is(r, &w, &want), "slot untouched");
		free(r);
	}
}

/* Every cut of a compressed header is an error and leaves the slot. */
static void test_truncation_sweep(void)
{
	static struct wire w;
	struct ppp_vjc *t = vj_new(16, 16), *r = vj_new(16, 16);
	struct vjt_pkt a = vjt_base(), b;
	unsigned int cut, hl;
	u8 out[BUF];

	cur_test = "truncation";
	tx(t, &a, false, &w);
	rx_is(r, &w, &a);
	b = vjt_all_deltas(a);
	tx(t, &b, false, &w);
	hl = w.len;
	CHECK(w.type == COMP && hl == 16, "16-byte header, got %u", hl);
	for (cut = 0; cut < hl; cut++) {
		memcpy(out, w.b, cut);
		CHECK(ppp_vjc_uncompress(r, out, cut, BUF) < 0, "cut at %u", cut);
	}
	CHECK(r->stats.in_errors == hl, "errors %u", r->stats.in_errors);
	CHECK(rx_is(r, &w, &b), "whole one restored");
	free(t);
	free(r);
}

static void test_toss_and_recovery(void)
{
	static struct wire w[4];
	struct ppp_vjc *t = vj_new(16, 16), *r = vj_new(16, 16);
	struct vjt_pkt p[4];
	u8 out[BUF];
	int i;

	cur_test = "lost-frame";
	p[0] = vjt_base();
	for (i = 1; i < 4; i++) {
		p[i] = p[i - 1];
		p[i].seq += 100;	/* bulk data: SPECIAL_D */
		p[i].id++;
	}
	for (i = 0; i < 4; i++)
		tx(t, &p[i], true, &w[i]);
	CHECK(w[0].type == UNCOMP && w[1].type == COMP && w[1].len == 103,
	      "stream");
	CHECK(rx_is(r, &w[0], &p[0]) && rx_is(r, &w[1], &p[1]), "in order");
	/* w[2] is lost: the channel reports it, the receiver tosses. */
	ppp_vjc_toss(r);
	memcpy(out, w[3].b, w[3].len);
	CHECK(ppp_vjc_uncompress(r, out, w[3].len, BUF) < 0 &&
	      r->stats.in_tossed == 1, "next one tossed");
	/* TCP retransmits p[2]: backwards for the sender: uncompressed. */
	tx(t, &p[2], true, &w[2]);
	CHECK(w[2].type == UNCOMP, "retransmission uncompressed");
	CHECK(rx_is(r, &w[2], &p[2]), "resynchronised");
	p[3].id = p[2].id + 1;
	tx(t, &p[3], true, &w[3]);
	CHECK(w[3].type == COMP && rx_is(r, &w[3], &p[3]), "and on");

	cur_test = "out-of-order";
	for (i = 1; i < 4; i++) {
		p[i] = p[i - 1];
		p[i].seq += 100;
		p[i].id++;
		tx(t, &p[i], true, &w[i]);
	}
	/* VJ cannot see reordering (TCP's checksum would): wrong header. */
	CHECK(rx(r, &w[2], out) > 0, "reordered: decodes, to another header");
	CHECK(rx(r, &w[1], out) > 0, "older one decodes too");
	ppp_vjc_toss(r);
	CHECK(rx(r, &w[3], out) < 0, "tossed after the error");
	tx(t, &p[3], true, &w[3]);	/* retransmission */
	CHECK(w[3].type == UNCOMP && rx_is(r, &w[3], &p[3]), "resynchronised");
	free(t);
	free(r);
}

struct remember_case {
	const char *name;
	unsigned int len;	/* 0: the whole packet */
	u8 ihl, doff, slot;
	bool bad_csum;
	u8 errors, runts, bad;
};

static const struct remember_case remember_cases[] = {
	{ "good", .slot = 3 },
	{ "good-last-slot", .slot = 15 },
	{ "19-bytes", .len = 19, .runts = 1 },
	{ "ihl-4", .ihl = 4, .runts = 1 },
	{ "ihl-0", .ihl = 0x10, .runts = 1 },	/* 0x10: ihl field 0 */
	{ "tcp-cut", .len = 39, .runts = 1 },
	{ "ip-options-cut", .ihl = 15, .len = 70, .runts = 1 },
	{ "bad-checksum", .bad_csum = true, .bad = 1 },
	{ "slot-16", .slot = 16, .errors = 1 },
	{ "slot-255", .slot = 255, .errors = 1 },
	{ "doff-4", .doff = 4, .runts = 1 },
	{ "tcp-options-cut", .doff = 15, .len = 79, .runts = 1 },
	{ "longest-headers", .ihl = 15, .doff = 15, .slot = 1 },
};

static void test_remember(void)
{
	unsigned int i, n;
	u8 pkt[BUF];

	for (i = 0; i < ARRAY_SIZE(remember_cases); i++) {
		const struct remember_case *c = &remember_cases[i];
		struct ppp_vjc *r = vj_new(16, 16);
		struct vjt_pkt p = vjt_base();
		bool good = !c->errors && !c->runts && !c->bad;

		cur_test = c->name;
		p.ihl = c->ihl & 0x0f;
		p.doff = c->doff;
		p.data = 0;
		n = vjt_build(&p, pkt);
		if (c->ihl == 0x10)
			pkt[0] = 0x40;
		/* vjt_build's checksum is for protocol TCP, as it must be. */
		pkt[9] = c->slot;
		if (c->bad_csum)
			pkt[10] ^= 1;
		if (c->len)
			n = c->len;
		CHECK((ppp_vjc_remember(r, pkt, n) == 0) == good, "result");
		CHECK(r->stats.in_errors == c->errors &&
		      r->stats.in_runts == c->runts &&
		      r->stats.in_bad_csum == c->bad &&
		      r->stats.in_uncompressed == good,
		      "errors %u runts %u bad %u", r->stats.in_errors,
		      r->stats.in_runts, r->stats.in_bad_csum);
		CHECK(good || r->rx_toss, "tossing after a bad one");
		CHECK(!good || (pkt[9] == 6 && r->slot[c->slot].valid &&
				r->rx_last == c->slot && !r->rx_toss),
		      "slot filled, protocol back to TCP");
		free(r);
	}
}

/* Slot counts at the ends: 0 receive slots, sizes, 255. */
static void test_slot_counts(void)
{
	struct ppp_vjc *r = vj_new(0, 1);
	struct vjt_pkt p = vjt_base();
	u8 pkt[BUF] = { 0x44, 0, 0x12, 0x34, 1 };
	unsigned int n;

	cur_test = "slot-counts";
	CHECK(ppp_vjc_size(256, 1) == 0 && ppp_vjc_size(1, 256) == 0 &&
	      ppp_vjc_size(255, 255) > 0 && ppp_vjc_size(0, 0) > 0, "sizes");
	CHECK(ppp_vjc_uncompress(r, pkt, 5, BUF) < 0 &&
	      r->stats.in_errors == 1, "no receive slots: COMP refused");
	n = vjt_build(&p, pkt);
	pkt[9] = 0;
	CHECK(ppp_vjc_remember(r, pkt, n) < 0 && r->stats.in_errors == 2,
	      "no receive slots: UNCOMP refused");
	free(r);
}

/* Room: the longest headers from the shortest frame grow it the most. */
static void test_growth(void)
{
	struct ppp_vjc *r = vj_new(16, 16);
	struct vjt_pkt p = vjt_base();
	u8 pkt[BUF], frame[8];
	unsigned int n;

	cur_test = "growth";
	p.ihl = 15;
	p.doff = 15;
	p.data = 0;
	n = vjt_build(&p, pkt);
	CHECK(n == PPP_VJ_HDR_MAX, "120-byte headers");
	pkt[9] = 2;
	CHECK(ppp_vjc_remember(r, pkt, n) == 0, "remembered");
	/* c: mask 0 with the slot, checksum: 4 bytes, 116 more needed. */
	memcpy(frame, (u8[]){ 0x40, 2, 0, 0 }, 4);
	memcpy(pkt, frame, 4);
	CHECK(ppp_vjc_uncompress(r, pkt, 4, 4 + 115) < 0, "one byte short");
	memcpy(pkt, frame, 4);
	CHECK(ppp_vjc_uncompress(r, pkt, 4, 4 + 116) == 120, "exact room");
	/* No slot id: 3 bytes restore 120, the most: PPP_VJ_MAX_GROWTH. */
	memcpy(pkt, (u8[]){ 0x00, 0, 0 }, 3);
	CHECK(ppp_vjc_uncompress(r, pkt, 3, 3 + PPP_VJ_MAX_GROWTH) == 120,
	      "PPP_VJ_MAX_GROWTH is enough");
	/* An IP length past 65535 is refused, not wrapped. */
	{
		static u8 big[70000];

		memcpy(big, (u8[]){ 0x00, 0, 0 }, 3);
		CHECK(ppp_vjc_uncompress(r, big, 3 + 65535 - 120, 70000) ==
		      65535, "65535 fits");
		memcpy(big, (u8[]){ 0x40, 2, 0, 0 }, 4);
		CHECK(ppp_vjc_uncompress(r, big, 4 + 65536 - 120, 70000) < 0,
		      "65536 refused");
	}
	/* In front: 4 bytes used, 116 more before them; else moved up. */
	{
		static u8 room[BUF];
		u8 *at = room + 200;
		int start = 1;

		memcpy(at, frame, 4);
		CHECK(ppp_vjc_uncompress_room(r, at, 4, 116, 0, &start) ==
		      120 && start == -116, "exact room in front");
		memcpy(at, frame, 4);
		CHECK(ppp_vjc_uncompress_room(r, at, 4, 115, 116, &start) ==
		      120 && start == 0, "one byte short in front: moved up");
		memcpy(at, frame, 4);
		CHECK(ppp_vjc_uncompress_room(r, at, 4, 115, 115, &start) < 0,
		      "short on both sides");
	}
	free(r);
}

/* ---- random streams: every packet restored exactly */

struct conn_state {
	struct vjt_pkt p;
	bool open;
};

static int random_streams(unsigned int rounds, unsigned int pkts, bool quiet)
{
	static struct wire w;
	static struct conn_state c[300];
	unsigned int round, i, bad = 0;

	for (round = 0; round < rounds; round++) {
		unsigned int tslots = 1 + rnd() % 255, nconn = 1 + rnd() % 300;
		unsigned int rslots = tslots + rnd() % (256 - tslots);
		struct ppp_vjc *t = vj_new(rnd() % 256, tslots);
		struct ppp_vjc *r = vj_new(rslots, rnd() % 256);
		bool cid_ok = rnd() & 1;

		if (nconn > 300)
			nconn = 300;
		for (i = 0; i < nconn; i++) {
			c[i].p = conn(i);
			c[i].p.seq = rnd();
			c[i].p.ack = rnd();
			c[i].p.id = rnd();
			c[i].p.ihl = rnd() % 8 ? 5 : 5 + rnd() % 11;
		}
		for (i = 0; i < pkts; i++) {
			/* Mostly a few busy connections. */
			unsigned int k = rnd() % 4 ? rnd() % (nconn < 4 ? nconn : 4) :
						     rnd() % nconn;

			vjt_step(&c[k].p, rnd);
			tx(t, &c[k].p, cid_ok, &w);
			if (!rx_is(r, &w, &c[k].p)) {
				bad++;
				if (!quiet)
					printf("round %u packet %u conn %u type %d\n",
					       round, i, k, w.type);
			}
		}
		if (r->stats.in_errors || r->stats.in_tossed)
			bad++;
		free(t);
		free(r);
	}
	return bad;
}

static void test_random_streams(void)
{
	cur_test = "random-streams";
	CHECK(random_streams(40, 400, false) == 0, "every packet restored");
}

/* ---- garbage for the receiver (also the fuzz mode) */

static int garbage(unsigned long iters)
{
	static u8 buf[BUF];
	struct ppp_vjc *r = vj_new(16, 16);
	unsigned long i;

	for (i = 0; i < iters; i++) {
		unsigned int len = rnd() % 160, k, size;
		int n;

		for (k = 0; k < len; k++)
			buf[k] = rnd();
		if (rnd() % 4 == 0 && len >= 20)
			buf[0] = 0x40 | (buf[0] & 0x0f);	/* IPv4-ish */
		size = len + rnd() % (PPP_VJ_MAX_GROWTH + 10);
		switch (rnd() % 4) {
		case 0:
			n = ppp_vjc_remember(r, buf, len);
			break;
		case 1:
			n = ppp_vjc_uncompress(r, buf, len, size);
			if (n > (int)size)
				return 1;
			break;
		case 2: {
			/* the frame PPP_VJ_MAX_GROWTH into room[] */
			static u8 room[PPP_VJ_MAX_GROWTH + BUF];
			unsigned int before = rnd() % (PPP_VJ_MAX_GROWTH + 1);
			int start = 0;

			memcpy(room + PPP_VJ_MAX_GROWTH, buf, len);
			n = ppp_vjc_uncompress_room(r, room + PPP_VJ_MAX_GROWTH,
						    len, before, size - len,
						    &start);
			if (n >= 0 && (start < -(int)before ||
				       start + n > (int)size))
				return 1;
			break;
		}
		default:
			ppp_vjc_toss(r);
			n = 0;
			break;
		}
		(void)n;
	}
	free(r);
	return 0;
}

static void test_garbage(void)
{
	cur_test = "garbage";
	CHECK(garbage(20000) == 0, "no result past the room");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "fuzz")) {
		long n = atol(argv[2]);

		if (garbage(n * 10) || random_streams(n / 1000 + 1, 500, false))
			return 1;
		printf("fuzz: %ld garbage frames, streams all restored\n", n * 10);
		return 0;
	}
	/* Everything twice: the payload moved up, the header in front. */
	for (rx_before = 0; rx_before <= PPP_VJ_MAX_GROWTH;
	     rx_before += PPP_VJ_MAX_GROWTH) {
		test_change_masks();
		test_left_alone();
		test_slot_order();
		test_slot_lru();
		test_slot_id_compression();
		test_urg_then_special();
		test_csum_sweep();
		test_bad_frames();
		test_truncation_sweep();
		test_toss_and_recovery();
		test_remember();
		test_slot_counts();
		test_random_streams();
	}
	test_growth();
	test_garbage();
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
