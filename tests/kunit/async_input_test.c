// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_async_input: what ppp_async does with bytes from the tty besides
 * decoding them - in-band flow control (IXON), and the framing counters
 * each kind of bad frame moves - driven through ppp_async_input() as the
 * line discipline's receive_buf does.
 *
 * The driver's receive side (async_channel.c with the codec, the LCP
 * snooper and the receive buffers) is compiled into this module, as in
 * ppp_async_test.  Its tty is a stand-in: enough of a tty_struct for
 * start_tty() and stop_tty(), whose driver hooks record each call.  The
 * channel is never registered: ppp_input() frees what reaches it.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <linux/tty_driver.h>
#include <linux/tty_flip.h>

#include "async_fcs.c"
#include "async_hdlc.c"
#include "async_lcp.c"
#include "async_shared.c"
#include "async_channel.c"
#define PPP_ASYNC_KUNIT
#include "async_stats.c"

#define AI_XON		0x11	/* tty_std_termios' START_CHAR */
#define AI_XOFF		0x13	/* and STOP_CHAR */
#define AI_CALLS	16

struct ai_ctx {
	struct ppp_async *ap;
	struct tty_struct *tty;
	char calls[AI_CALLS + 1];	/* 'S' stop, 'Q' start, in order */
	int ncalls;
};

static struct ai_ctx *ai_cur;

static void ai_record(char what)
{
	if (ai_cur && ai_cur->ncalls < AI_CALLS)
		ai_cur->calls[ai_cur->ncalls++] = what;
}

static void ai_tty_stop(struct tty_struct *tty)
{
	ai_record('S');
}

static void ai_tty_start(struct tty_struct *tty)
{
	ai_record('Q');
}

static const struct tty_operations ai_tty_ops = {
	.stop	= ai_tty_stop,
	.start	= ai_tty_start,
};

static int ai_init(struct kunit *test)
{
	struct ai_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct tty_struct *tty;
	struct ppp_async *ap;

	KUNIT_ASSERT_NOT_NULL(test, c);
	tty = kunit_kzalloc(test, sizeof(*tty), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tty);
	ap = kunit_kzalloc(test, sizeof(*ap), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ap);

	spin_lock_init(&tty->flow.lock);
	init_waitqueue_head(&tty->write_wait);
	tty->ops = &ai_tty_ops;
	tty->termios = tty_std_termios;		/* IXON, ^Q/^S */

	ap->tty = tty;
	ppp_async_init_state(ap);
	ppp_async_init_deferred(ap);
	ap->chan.private = ap;
	ap->chan.ops = &ppp_async_ops;
	ap->chan.mtu = PPP_MRU;

	c->ap = ap;
	c->tty = tty;
	ai_cur = c;
	test->priv = c;
	return 0;
}

static void ai_exit(struct kunit *test)
{
	struct ai_ctx *c = test->priv;

	ppp_async_cancel(c->ap);
	ppp_async_free_state(c->ap);
	ai_cur = NULL;
}

/* @n bytes from the tty, with their flags (NULL: none flagged). */
static void ai_input(struct kunit *test, const u8 *buf, const u8 *flags,
		     size_t n)
{
	struct ai_ctx *c = test->priv;
	u8 *b = kunit_kmalloc(test, n, GFP_KERNEL), *f = NULL;

	KUNIT_ASSERT_NOT_NULL(test, b);
	memcpy(b, buf, n);
	if (flags) {
		f = kunit_kmalloc(test, n, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, f);
		memcpy(f, flags, n);
	}
	ppp_async_input(c->ap, b, f, n);
}

#define AI_MAX_IN	8

struct ixon_case {
	const char *name;
	u8 in[AI_MAX_IN];
	u8 flags[AI_MAX_IN];	/* all 0: passed as NULL */
	size_t n;
	bool stopped;		/* before */
	bool no_ixon;
	bool raccm_zero;
	const char *calls;	/* expected driver calls */
	bool stopped_after;
};

static void ixon_case_desc(const struct ixon_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct ixon_case ixon_cases[] = {
	{ "stop", { AI_XOFF }, {}, 1, false, .calls = "S",
	  .stopped_after = true },
	{ "start", { AI_XON }, {}, 1, true, .calls = "Q" },
	{ "stop_parity_error", { AI_XOFF }, { TTY_PARITY }, 1, false,
	  .calls = "" },
	{ "start_framing_error", { AI_XON }, { TTY_FRAME }, 1, true,
	  .calls = "", .stopped_after = true },
	{ "break_then_start_stop", { AI_XOFF, AI_XON, AI_XOFF },
	  { TTY_BREAK, 0, 0 }, 3, false, .calls = "S",
	  .stopped_after = true },
	{ "start_overrun_between", { AI_XON, AI_XOFF, AI_XON },
	  { 0, TTY_OVERRUN, 0 }, 3, true, .calls = "Q" },
	{ "inside_frame", { 0x7e, 0xff, 0x7d, 0x23, AI_XOFF, 0xc0 }, {}, 6,
	  false, .calls = "S", .stopped_after = true },
	{ "after_escape", { 0x7d, AI_XOFF }, {}, 2, false, .calls = "S",
	  .stopped_after = true },
	{ "not_in_raccm", { AI_XOFF }, {}, 1, false, .raccm_zero = true,
	  .calls = "" },
	{ "ixon_off", { AI_XOFF }, {}, 1, false, .no_ixon = true,
	  .calls = "" },
};

KUNIT_ARRAY_PARAM(ixon, ixon_cases, ixon_case_desc);

static bool ai_any_flag(const struct ixon_case *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->flags[i])
			return true;
	return false;
}

/* Bytes flagged by the tty are not characters: never flow control. */
static void input_ixon(struct kunit *test)
{
	const struct ixon_case *p = test->param_value;
	struct ai_ctx *c = test->priv;

	c->tty->flow.stopped = p->stopped;
	if (p->no_ixon)
		c->tty->termios.c_iflag &= ~IXON;
	if (p->raccm_zero) {
		c->ap->raccm = 0;
		ppp_hdlc_dec_set_raccm(&c->ap->dec, 0);
	}
	ai_input(test, p->in, ai_any_flag(p) ? p->flags : NULL, p->n);
	KUNIT_EXPECT_STREQ(test, c->calls, p->calls);
	KUNIT_EXPECT_EQ(test, c->tty->flow.stopped, p->stopped_after);
}

/* Configure-Request/Ack, id 9, async map 0. */
#define AI_LCP(code) \
	{ 0xc0, 0x21, code, 0x09, 0x00, 0x0a, 0x02, 0x06, 0x00, 0x00, \
	  0x00, 0x00 }
static const u8 ai_req[] = AI_LCP(1);
static const u8 ai_ack[] = AI_LCP(2);

/* The wire form of ai_ack as the peer sends it: flags, default map. */
static size_t ai_ack_wire(u8 *out, size_t cap)
{
	static const u32 xaccm[8] = { ~0U, 0, 0, 0x60000000 };
	struct ppp_hdlc_map map, lcpmap;
	struct ppp_hdlc_enc e;
	size_t n = 0;

	ppp_hdlc_tx_map(&map, xaccm);
	ppp_hdlc_lcp_map(&lcpmap, xaccm);
	ppp_hdlc_enc_frame(&e, &map, &lcpmap, ai_ack, sizeof(ai_ack),
			   PPP_HDLC_OPEN_FLAG);
	while (!ppp_hdlc_enc_done(&e) && n < cap)
		n += ppp_hdlc_enc_run(&e, out + n, cap - n);
	return n;
}

/*
 * The peer acks our async map 0 and sends XOFF in the same read: the
 * map applies from the byte after the Ack's flag, and 0x13 is then no
 * control character of ours but data.  Before the Ack it still is.
 */
static void input_ixon_confack(struct kunit *test, bool xoff_first)
{
	struct ai_ctx *c = test->priv;
	u8 wire[64];
	size_t n = 0;

	spin_lock_bh(&c->ap->tx.lock);
	ppp_async_lcp_peek(c->ap, ai_req, sizeof(ai_req), false);
	spin_unlock_bh(&c->ap->tx.lock);

	if (xoff_first)
		wire[n++] = AI_XOFF;
	n += ai_ack_wire(wire + n, sizeof(wire) - n - 1);
	if (!xoff_first)
		wire[n++] = AI_XOFF;
	ai_input(test, wire, NULL, n);
	KUNIT_EXPECT_EQ(test, c->ap->raccm, 0U);
	KUNIT_EXPECT_STREQ(test, c->calls, xoff_first ? "S" : "");
}

static void input_ixon_after_confack(struct kunit *test)
{
	input_ixon_confack(test, false);
}

static void input_ixon_before_confack(struct kunit *test)
{
	input_ixon_confack(test, true);
}

/* ---- framing counters */

#define AI_WIRE_MAX	1700

struct count_case {
	const char *name;
	u8 in[16];		/* wire bytes; more follow for "long" */
	unsigned int len;
	unsigned int fill;	/* that many 0x41 before the closing flag */
	int flagged;		/* index of a byte the tty flags, or -1 */
	bool fcs;		/* append a good FCS before the flag */
	enum ppp_link_stat stat;
	u64 tossed;		/* rx_tossed_bytes expected */
};

static void count_case_desc(const struct count_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct count_case count_cases[] = {
	/* ff 03 c0 21 41 42 43 44: 03 escaped, as the default map wants */
	{ "fcs", { 0x7e, 0xff, 0x7d, 0x23, 0xc0, 0x21, 0x41, 0x42, 0x43, 0x44,
		   0x7e }, 11, 0, -1, false, PPP_LINK_RX_FCS, 8 },
	{ "runt", { 0x7e, 0x41, 0x42, 0x7e }, 4, 0, -1, false,
	  PPP_LINK_RX_RUNT, 2 },
	{ "abort", { 0x7e, 0xff, 0x7d, 0x23, 0x7d, 0x7e }, 6, 0, -1, false,
	  PPP_LINK_RX_ABORT, 2 },
	/* 1600 bytes against the default MRU: 1506 stored, 94 skipped */
	{ "over_mru", { 0x7e, 0xff, 0x7d, 0x23 }, 4, 1598, -1, false,
	  PPP_LINK_RX_LONG, 1600 },
	/* the default receive map discards every control character */
	{ "accm_discarded", { 0x7e, 0x01, 0x7e }, 3, 0, -1, false,
	  PPP_LINK_RX_MAPPED_BYTES, 0 },
	/* ff 03 stored, the flagged byte dropped by the tty side, 41 skipped */
	{ "line_error", { 0x7e, 0xff, 0x7d, 0x23, 0x00, 0x41, 0x7e }, 7, 0, 4,
	  false, PPP_LINK_RX_LINE_ERRORS, 3 },
	/* ff not followed by 03; no byte here, FCS (dd 53) included, is special */
	{ "bad_header", { 0x7e, 0xff, 0x41, 0xc0, 0x21, 0x41 }, 6, 0, -1,
	  true, PPP_LINK_RX_BAD_HEADER, 0 },
};

KUNIT_ARRAY_PARAM(count, count_cases, count_case_desc);

/* One bad frame moves its cause's counter by one, and no other cause. */
static void input_counts(struct kunit *test)
{
	const struct count_case *c = test->param_value;
	struct ai_ctx *ctx = test->priv;
	struct ppp_link_stats st = {};
	u8 *wire, *flags = NULL;
	unsigned int n = c->len, i;
	u16 fcs;

	wire = kunit_kzalloc(test, AI_WIRE_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, wire);
	memcpy(wire, c->in, n);
	memset(wire + n, 0x41, c->fill);
	n += c->fill;
	if (c->fcs) {
		fcs = ~ppp_hdlc_fcs(PPP_HDLC_INITFCS, wire + 1, n - 1);
		wire[n++] = fcs & 0xff;		/* plain bytes here */
		wire[n++] = fcs >> 8;
	}
	if (c->fill || c->fcs)
		wire[n++] = PPP_HDLC_FLAG;
	if (c->flagged >= 0) {
		flags = kunit_kzalloc(test, n, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, flags);
		flags[c->flagged] = TTY_PARITY;
	}
	ai_input(test, wire, flags, n);

	ppp_async_get_link_stats(&ctx->ap->chan, &st);
	for (i = 0; i < PPP_LINK_STAT_COUNT; i++) {
		u64 want = i == c->stat ? 1 : 0;

		if (i == PPP_LINK_RX_TOSSED_BYTES)
			want = c->tossed;
		else if (i == PPP_LINK_TX_ESCAPED_BYTES)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, st.v[i], want, "counter %u", i);
	}
}

static struct kunit_case ppp_async_input_cases[] = {
	KUNIT_CASE_PARAM(input_counts, count_gen_params),
	KUNIT_CASE_PARAM(input_ixon, ixon_gen_params),
	KUNIT_CASE(input_ixon_after_confack),
	KUNIT_CASE(input_ixon_before_confack),
	{}
};

static struct kunit_suite ppp_async_input_suite = {
	.name = "ppp_async_input",
	.init = ai_init,
	.exit = ai_exit,
	.test_cases = ppp_async_input_cases,
};

kunit_test_suites(&ppp_async_input_suite);

MODULE_DESCRIPTION("KUnit: ppp_async receive input (flow control)");
MODULE_LICENSE("GPL");
