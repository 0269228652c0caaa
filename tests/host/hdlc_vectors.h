/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test vectors for the RFC 1662 codec, as plain tables with no test
 * framework in them, so that the host tests (test_hdlc.c) and the KUnit
 * suite ppp_async_hdlc (tests/kunit/async_test.c: KUNIT_ARRAY_PARAM over
 * these arrays, hdlc_fcs_vectors_test and hdlc_frame_vectors_test) check
 * the same facts.  scripts/build-modules.sh copies this file along with
 * tests/kunit.
 */
#ifndef PPP_HDLC_VECTORS_H
#define PPP_HDLC_VECTORS_H

/* FCS-16 over @data: @fcs is the value sent on the wire (complemented). */
struct hdlc_fcs_vector {
	const char *name;
	const u8 *data;
	u32 len;
	u16 fcs;
};

static const u8 hdlc_vec_digits[] = "123456789";
static const u8 hdlc_vec_lcp_hdr[] = { 0xff, 0x03, 0xc0, 0x21 };
static const u8 hdlc_vec_zero[1];

static const struct hdlc_fcs_vector hdlc_fcs_vectors[] = {
	/* The CRC-16/X.25 check value: HDLC's FCS-16 of "123456789". */
	{ "check-123456789", hdlc_vec_digits, 9, 0x906e },
	{ "empty", hdlc_vec_zero, 0, 0x0000 },
	{ "one-zero-byte", hdlc_vec_zero, 1, 0xf078 },
	{ "ff03c021", hdlc_vec_lcp_hdr, 4, 0x2c49 },
};

/* One frame on the wire, from flag to flag, and what it decodes to. */
struct hdlc_frame_vector {
	const char *name;
	u32 xaccm0;		/* transmit async map for 0x00-0x1f */
	bool addr_ctrl;
	const u8 *data;		/* protocol + payload */
	u32 len;
	const u8 *wire;
	u32 wire_len;
};

/* LCP Echo-Request id 1, magic 0: not a negotiation frame. */
static const u8 hdlc_vec_echo[] = { 0xc0, 0x21, 0x09, 0x01, 0x00, 0x08,
				    0x00, 0x00, 0x00, 0x00 };
static const u8 hdlc_vec_echo_wire_ffff[] = {
	0x7e, 0xff, 0x7d, 0x23, 0xc0, 0x21, 0x7d, 0x29, 0x7d, 0x21,
	0x7d, 0x20, 0x7d, 0x28, 0x7d, 0x20, 0x7d, 0x20, 0x7d, 0x20,
	0x7d, 0x20, 0x6e, 0xf1, 0x7e,
};
static const u8 hdlc_vec_echo_wire_0[] = {
	0x7e, 0xff, 0x03, 0xc0, 0x21, 0x09, 0x01, 0x00, 0x08,
	0x00, 0x00, 0x00, 0x00, 0x6e, 0xf1, 0x7e,
};
/* An IP frame full of specials, ACFC on. */
static const u8 hdlc_vec_ip[] = { 0x00, 0x21, 0x7e, 0x7d, 0x5e, 0x5d, 0x11 };

static const struct hdlc_frame_vector hdlc_frame_vectors[] = {
	{ "echo-default-accm", 0xffffffff, true, hdlc_vec_echo,
	  sizeof(hdlc_vec_echo), hdlc_vec_echo_wire_ffff,
	  sizeof(hdlc_vec_echo_wire_ffff) },
	{ "echo-accm-0", 0, true, hdlc_vec_echo, sizeof(hdlc_vec_echo),
	  hdlc_vec_echo_wire_0, sizeof(hdlc_vec_echo_wire_0) },
	{ "ip-specials-acfc", 0, false, hdlc_vec_ip, sizeof(hdlc_vec_ip),
	  NULL, 0 },	/* wire computed by the reference encoder */
};

#endif /* PPP_HDLC_VECTORS_H */
