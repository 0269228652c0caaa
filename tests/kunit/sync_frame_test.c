// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_synctty_frame: the framing of ppp_synctty (sync_frame.c) - what
 * goes in front of a frame on the way out (address/control, protocol
 * compression, LCP always in full) and what a received frame must look
 * like (address/control present or not, one- or two-byte protocol, no
 * runts, nothing over the MRU).
 *
 * sync_frame.c is compiled into this module directly, as the codec is
 * into ppp_async_test: it has no state and calls nothing.
 */
#include <kunit/test.h>

#include "sync_frame.c"

#define SC_BOTH	(SC_COMP_AC | SC_COMP_PROT)

struct tx_case {
	const char *name;
	u8 data[4];
	unsigned int len;
	unsigned int flags;
	int hdr;		/* ppp_sync_tx_header's return */
	unsigned int pull;
};

static const struct tx_case tx_cases[] = {
	{ "ip-plain", { 0x00, 0x21, 0x45 }, 3, 0, 2, 0 },
	{ "ip-acfc", { 0x00, 0x21, 0x45 }, 3, SC_COMP_AC, 0, 0 },
	{ "ip-pfc", { 0x00, 0x21, 0x45 }, 3, SC_COMP_PROT, 2, 1 },
	{ "ip-acfc-pfc", { 0x00, 0x21, 0x45 }, 3, SC_BOTH, 0, 1 },
	/* a protocol above 0xff keeps both bytes under PFC */
	{ "ipcp-pfc", { 0x80, 0x21, 0x01 }, 3, SC_BOTH, 0, 0 },
	{ "ipv6-acfc-pfc", { 0x00, 0x57, 0x60 }, 3, SC_BOTH, 0, 1 },
	/* LCP Configure-Request .. Code-Reject: always in full */
	{ "lcp-confreq", { 0xc0, 0x21, 0x01 }, 3, SC_BOTH, 2, 0 },
	{ "lcp-coderej", { 0xc0, 0x21, 0x07 }, 3, SC_BOTH, 2, 0 },
	/* Protocol-Reject (8) and Echo (9, 10) follow the options */
	{ "lcp-protrej", { 0xc0, 0x21, 0x08 }, 3, SC_BOTH, 0, 0 },
	{ "lcp-echo", { 0xc0, 0x21, 0x09 }, 3, SC_COMP_AC, 0, 0 },
	{ "lcp-code0", { 0xc0, 0x21, 0x00 }, 3, SC_COMP_AC, 0, 0 },
	/* runts: no room for a protocol field and an LCP code */
	{ "runt-0", { 0 }, 0, 0, -EINVAL, 0 },
	{ "runt-1", { 0x21 }, 1, 0, -EINVAL, 0 },
	{ "runt-2", { 0xc0, 0x21 }, 2, SC_BOTH, -EINVAL, 0 },
};

static void tx_case_desc(const struct tx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tx, tx_cases, tx_case_desc);

static void sync_tx_header(struct kunit *test)
{
	const struct tx_case *c = test->param_value;
	unsigned int pull = 99;

	KUNIT_EXPECT_EQ(test, ppp_sync_tx_header(c->data, c->len, c->flags,
						 &pull), c->hdr);
	KUNIT_EXPECT_EQ(test, pull, c->pull);
}

struct rx_case {
	const char *name;
	u8 head[6];		/* the frame's first bytes; zeros behind */
	unsigned int len;
	unsigned int mru;
	int off;		/* ppp_sync_rx_strip's return */
};

static const struct rx_case rx_cases[] = {
	{ "ip-full", { 0xff, 0x03, 0x00, 0x21, 0x45 }, 24, PPP_MRU, 2 },
	{ "ip-acfc", { 0x00, 0x21, 0x45 }, 22, PPP_MRU, 0 },
	{ "ip-pfc", { 0xff, 0x03, 0x21, 0x45 }, 23, PPP_MRU, 2 },
	{ "ip-acfc-pfc", { 0x21, 0x45 }, 21, PPP_MRU, 0 },
	{ "lcp-full", { 0xff, 0x03, 0xc0, 0x21, 0x01 }, 8, PPP_MRU, 2 },
	/* ff not followed by 03: no address/control, protocol 0xff.. */
	{ "ff-not-03", { 0xff, 0x05, 0x01 }, 3, PPP_MRU, 0 },
	/* protocol only, no information: a frame still */
	{ "proto-only", { 0xff, 0x03, 0x00, 0x21 }, 4, PPP_MRU, 2 },
	{ "proto-only-pfc", { 0x21 }, 1, PPP_MRU, 0 },
	/* runts */
	{ "runt-ac-only", { 0xff, 0x03 }, 2, PPP_MRU, -EINVAL },
	{ "runt-ac-half-proto", { 0xff, 0x03, 0x00 }, 3, PPP_MRU, -EINVAL },
	{ "runt-even-byte", { 0x00 }, 1, PPP_MRU, -EINVAL },
	{ "runt-ff", { 0xff }, 1, PPP_MRU, 0 },	/* odd: PFC protocol 0xff */
	/* the MRU bounds the information field, not the header */
	{ "mru-exact", { 0xff, 0x03, 0x00, 0x21 }, 4 + PPP_MRU, PPP_MRU, 2 },
	{ "mru-plus-1", { 0xff, 0x03, 0x00, 0x21 }, 5 + PPP_MRU, PPP_MRU, -EMSGSIZE },
	{ "mru-exact-acfc-pfc", { 0x21 }, 1 + PPP_MRU, PPP_MRU, 0 },
	{ "mru-plus-1-acfc-pfc", { 0x21 }, 2 + PPP_MRU, PPP_MRU, -EMSGSIZE },
	{ "mru-raised", { 0xff, 0x03, 0x00, 0x21 }, 4 + 9000, 9000, 2 },
	/* two full frames merged: over the MRU */
	{ "merged-two", { 0xff, 0x03, 0x00, 0x21 }, 2 * (4 + 1400), PPP_MRU, -EMSGSIZE },
	{ "oversized-64k", { 0xff, 0x03, 0x00, 0x21 }, 65535, PPP_MRU, -EMSGSIZE },
};

static void rx_case_desc(const struct rx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rx, rx_cases, rx_case_desc);

static void sync_rx_strip(struct kunit *test)
{
	const struct rx_case *c = test->param_value;
	u8 *buf;

	/* exactly len bytes, so KASAN sees any read past the frame */
	buf = kunit_kzalloc(test, max(c->len, 1U), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memcpy(buf, c->head, min_t(unsigned int, c->len, sizeof(c->head)));
	KUNIT_EXPECT_EQ(test, ppp_sync_rx_strip(buf, c->len, c->mru), c->off);
}

/* What goes out comes back in: header and pull undone by the receiver. */
static void sync_round_trip(struct kunit *test)
{
	static const unsigned int flag_sets[] = {
		0, SC_COMP_AC, SC_COMP_PROT, SC_BOTH
	};
	static const u8 frames[][6] = {
		{ 0x00, 0x21, 0x45, 0x00, 0x00, 0x14 },
		{ 0x80, 0x21, 0x01, 0x01, 0x00, 0x04 },
		{ 0xc0, 0x21, 0x09, 0x01, 0x00, 0x08 },
		{ 0xc0, 0x21, 0x01, 0x01, 0x00, 0x04 },
	};
	u8 wire[8];
	unsigned int i, j, pull, n;
	int hdr, off;

	for (i = 0; i < ARRAY_SIZE(flag_sets); i++) {
		for (j = 0; j < ARRAY_SIZE(frames); j++) {
			const u8 *f = frames[j];

			hdr = ppp_sync_tx_header(f, 6, flag_sets[i], &pull);
			KUNIT_ASSERT_GE(test, hdr, 0);
			wire[0] = PPP_ALLSTATIONS;
			wire[1] = PPP_UI;
			memcpy(wire + hdr, f + pull, 6 - pull);
			n = hdr + 6 - pull;
			off = ppp_sync_rx_strip(wire, n, PPP_MRU);
			KUNIT_ASSERT_EQ(test, off, hdr);
			/* a pulled zero byte is what ppp_generic puts back */
			if (pull)
				KUNIT_EXPECT_EQ(test, wire[off], f[1]);
			else
				KUNIT_EXPECT_EQ(test, memcmp(wire + off, f, 6), 0);
		}
	}
}

static struct kunit_case ppp_synctty_frame_cases[] = {
	KUNIT_CASE_PARAM(sync_tx_header, tx_gen_params),
	KUNIT_CASE_PARAM(sync_rx_strip, rx_gen_params),
	KUNIT_CASE(sync_round_trip),
	{}
};

static struct kunit_suite ppp_synctty_frame_suite = {
	.name = "ppp_synctty_frame",
	.test_cases = ppp_synctty_frame_cases,
};

kunit_test_suites(&ppp_synctty_frame_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit suite for the ppp_synctty framing");
