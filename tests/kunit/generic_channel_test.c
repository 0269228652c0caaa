// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_generic_channel: a fake channel driver against the channel API and
 * the channel ioctls - registration, PPPIOCATTCHAN, PPPIOCCONNECT,
 * PPPIOCDISCONN, bridging, unregistration and unit death in every order;
 * write() on a channel fd and a busy channel.
 */
#include "pgt_util.h"

/*
 * One lifecycle step.  Every sequence starts with a unit (fd U) and a
 * registered channel; what follows is a table row.
 */
enum pgt_op {
	OP_END,
	OP_ATTACH,	/* open fd C, PPPIOCATTCHAN */
	OP_CONNECT,	/* PPPIOCCONNECT on C to the unit */
	OP_DISCONN,	/* PPPIOCDISCONN on C */
	OP_UNREG,	/* the driver unregisters the channel */
	OP_CLOSE_CHAN,	/* close fd C */
	OP_CLOSE_UNIT,	/* close fd U: the unit dies */
	OP_INPUT,	/* the driver receives an LCP and an IP frame */
	OP_WRITE,	/* pppd writes an LCP frame on C */
};

struct pgt_step {
	enum pgt_op op;
	long err;
};

struct order_case {
	const char *name;
	struct pgt_step steps[10];	/* ends at the first OP_END */
};

static void order_case_desc(const struct order_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

#define S(op)		{ OP_##op, 0 }
#define SE(op, e)	{ OP_##op, -(e) }

static const struct order_case order_cases[] = {
	{ "conn_disc_closechan_unreg_closeunit",
	  { S(ATTACH), S(CONNECT), S(INPUT), S(DISCONN), S(CLOSE_CHAN),
	    S(UNREG), S(CLOSE_UNIT) } },
	{ "conn_unreg_closechan_closeunit",
	  { S(ATTACH), S(CONNECT), S(INPUT), S(UNREG), S(CLOSE_CHAN),
	    S(CLOSE_UNIT) } },
	{ "conn_unreg_closeunit_closechan",
	  { S(ATTACH), S(CONNECT), S(UNREG), S(CLOSE_UNIT), S(CLOSE_CHAN) } },
	{ "conn_closeunit_unreg_closechan",
	  { S(ATTACH), S(CONNECT), S(CLOSE_UNIT), S(INPUT), S(WRITE),
	    S(UNREG), S(CLOSE_CHAN) } },
	{ "conn_closeunit_closechan_unreg",
	  { S(ATTACH), S(CONNECT), S(CLOSE_UNIT), S(CLOSE_CHAN), S(INPUT),
	    S(UNREG) } },
	{ "conn_closechan_unreg_closeunit",
	  { S(ATTACH), S(CONNECT), S(CLOSE_CHAN), S(INPUT), S(UNREG),
	    S(CLOSE_UNIT) } },
	{ "conn_closechan_closeunit_unreg",
	  { S(ATTACH), S(CONNECT), S(CLOSE_CHAN), S(CLOSE_UNIT), S(UNREG) } },
	{ "conn_closeunit_disc",
	  { S(ATTACH), S(CONNECT), S(CLOSE_UNIT), S(DISCONN), S(UNREG),
	    S(CLOSE_CHAN) } },
	{ "unreg_then_disc",
	  { S(ATTACH), S(CONNECT), S(UNREG), SE(DISCONN, EINVAL), S(INPUT),
	    SE(WRITE, 0), S(CLOSE_CHAN), S(CLOSE_UNIT) } },
	{ "unreg_then_connect",
	  { S(ATTACH), S(UNREG), SE(CONNECT, ENOTCONN), S(CLOSE_CHAN),
	    S(CLOSE_UNIT) } },
	{ "unreg_before_attach",
	  { S(UNREG), SE(ATTACH, ENXIO), S(CLOSE_UNIT) } },
	{ "connect_twice",
	  { S(ATTACH), S(CONNECT), SE(CONNECT, EINVAL), S(DISCONN),
	    S(CONNECT), S(UNREG), S(CLOSE_UNIT), S(CLOSE_CHAN) } },
	{ "disconnect_unconnected",
	  { S(ATTACH), SE(DISCONN, EINVAL), S(CLOSE_CHAN), S(UNREG),
	    S(CLOSE_UNIT) } },
	{ "connect_dead_unit",
	  { S(ATTACH), S(CLOSE_UNIT), SE(CONNECT, ENXIO), S(INPUT),
	    S(CLOSE_CHAN), S(UNREG) } },
	{ "closechan_unconnected_then_unreg",
	  { S(ATTACH), S(INPUT), S(CLOSE_CHAN), S(UNREG), S(CLOSE_UNIT) } },
};

KUNIT_ARRAY_PARAM(order, order_cases, order_case_desc);

static const u8 pgt_lcp[] = { 0xc0, 0x21, 0x09, 0x01, 0x00, 0x08,
			      0xde, 0xad, 0xbe, 0xef };	/* Echo-Request */
static const u8 pgt_ip[] = { 0x00, 0x21, 0x45, 0x00, 0x00, 0x14 };

static void chan_lifecycle_order(struct kunit *test)
{
	const struct order_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct file *ufd, *cfd = NULL;
	const struct pgt_step *s;
	struct pgt_chan *pc;
	bool connected = false;
	int unit, v;
	long err;

	ufd = pgt_new_unit(t, &unit);
	pc = pgt_chan_register(t);

	for (s = c->steps; s->op != OP_END; s++) {
		err = 0;
		switch (s->op) {
		case OP_ATTACH:
			cfd = pgt_open(t);
			/* -1 once unregistered: no such channel. */
			v = ppp_channel_index(&pc->chan);
			err = pgt_ioctl_int(t, cfd, PPPIOCATTCHAN, &v);
			break;
		case OP_CONNECT:
			v = unit;
			err = pgt_ioctl_int(t, cfd, PPPIOCCONNECT, &v);
			if (!err)
				connected = true;
			break;
		case OP_DISCONN:
			err = pgt_ioctl(t, cfd, PPPIOCDISCONN, NULL, 0);
			if (!err)
				connected = false;
			break;
		case OP_UNREG:
			pgt_chan_unregister(pc);
			connected = false;
			/* pppd reading the channel sees the hangup. */
			if (cfd && cfd->private_data)
				KUNIT_EXPECT_TRUE(test, READ_ONCE(pgt_pch(cfd)->file.dead));
			break;
		case OP_CLOSE_CHAN:
			pgt_close(t, cfd);
			cfd = NULL;
			break;
		case OP_CLOSE_UNIT:
			pgt_close(t, ufd);
			ufd = NULL;
			break;
		case OP_INPUT:
			/* Not allowed after unregistration: the API says so. */
			if (pc->registered) {
				ppp_input(&pc->chan,
					  pgt_skb(pgt_lcp, sizeof(pgt_lcp), 0));
				ppp_input(&pc->chan,
					  pgt_skb(pgt_ip, sizeof(pgt_ip), 0));
				ppp_input_error(&pc->chan, 0);
				ppp_output_wakeup(&pc->chan);
			}
			break;
		case OP_WRITE:
			err = pgt_write(t, cfd, pgt_lcp, sizeof(pgt_lcp));
			if (err == sizeof(pgt_lcp))
				err = 0;
			break;
		case OP_END:
			break;
		}
		KUNIT_EXPECT_EQ_MSG(test, err, s->err, "step %d (op %d)",
				    (int)(s - c->steps), s->op);
		if (pc->registered)
			KUNIT_EXPECT_EQ_MSG(test, ppp_unit_number(&pc->chan),
					    connected ? unit : -1,
					    "step %d", (int)(s - c->steps));
	}
	/* pgt_exit() closes and unregisters whatever is left. */
}

static void chan_register_index(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct pgt_chan *a, *b;
	int ia, ib;

	a = pgt_chan_register(t);
	b = pgt_chan_register(t);
	ia = ppp_channel_index(&a->chan);
	ib = ppp_channel_index(&b->chan);
	KUNIT_EXPECT_GT(test, ia, 0);
	KUNIT_EXPECT_GT(test, ib, ia);
	KUNIT_EXPECT_EQ(test, ppp_unit_number(&a->chan), -1);
	KUNIT_EXPECT_NULL(test, ppp_dev_name(&a->chan));
	pgt_chan_unregister(a);
	KUNIT_EXPECT_EQ(test, ppp_channel_index(&a->chan), -1);
	KUNIT_EXPECT_EQ(test, ppp_unit_number(&a->chan), -1);
	/* Unregistering twice, or something never registered, is a no-op. */
	ppp_unregister_channel(&a->chan);
	/* Everything on an unregistered channel is ignored. */
	ppp_input(&a->chan, pgt_skb(pgt_lcp, sizeof(pgt_lcp), 0));
	ppp_input_error(&a->chan, 0);
	ppp_output_wakeup(&a->chan);
}

/* Four channels on one unit, unregistered in several orders. */
struct multi_case {
	const char *name;
	int order[PGT_MAX_CHANS];
	bool close_unit_first;
};

static void multi_case_desc(const struct multi_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct multi_case multi_cases[] = {
	{ "forward", { 0, 1, 2, 3 }, false },
	{ "reverse", { 3, 2, 1, 0 }, false },
	{ "middle_out", { 1, 2, 0, 3 }, false },
	{ "unit_first_forward", { 0, 1, 2, 3 }, true },
	{ "unit_first_reverse", { 3, 2, 1, 0 }, true },
};

KUNIT_ARRAY_PARAM(multi, multi_cases, multi_case_desc);

static void chan_many_on_one_unit(struct kunit *test)
{
	const struct multi_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct pgt_chan *pc[PGT_MAX_CHANS];
	struct ppp_unit *ppp;
	struct file *ufd, *cfd;
	int unit, i, v;

	ufd = pgt_new_unit(t, &unit);
	ppp = pgt_unit(ufd);
	for (i = 0; i < PGT_MAX_CHANS; i++) {
		pc[i] = pgt_chan_register(t);
		cfd = pgt_chan_attach(t, pc[i]);
		v = unit;
		KUNIT_ASSERT_EQ(test, pgt_ioctl_int(t, cfd, PPPIOCCONNECT, &v),
				0L);
		/* pppd closes channel fds it no longer needs. */
		if (i & 1)
			pgt_close(t, cfd);
	}
	KUNIT_EXPECT_EQ(test, READ_ONCE(ppp->n_channels), PGT_MAX_CHANS);
	if (c->close_unit_first) {
		pgt_close(t, ufd);
		ppp = NULL;	/* only the channels keep it now */
	}
	for (i = 0; i < PGT_MAX_CHANS; i++) {
		pgt_chan_unregister(pc[c->order[i]]);
		if (ppp)
			KUNIT_EXPECT_EQ(test, READ_ONCE(ppp->n_channels),
					PGT_MAX_CHANS - 1 - i);
	}
}

/* ---- write() on a channel fd reaches the driver unchanged */

struct cwlen_case {
	const char *name;
	size_t len;
	u16 proto;
	long err;
};

static void cwlen_case_desc(const struct cwlen_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct cwlen_case chan_wlen_cases[] = {
	{ "len0", 0, PPP_LCP, -EINVAL },
	{ "len1", 1, PPP_LCP, -EINVAL },
	{ "len2_pap", 2, PPP_PAP, 0 },
	{ "lcp_len2", 2, PPP_LCP, -EINVAL },
	{ "lcp_len5", 5, PPP_LCP, -EINVAL },
	{ "lcp_len6", 6, PPP_LCP, 0 },
	{ "lcp_1500", 1500, PPP_LCP, 0 },
	/* either side of the largest write a 4 KiB page fragment holds */
	{ "lcp_3500", 3500, PPP_LCP, 0 },
	{ "lcp_4000", 4000, PPP_LCP, 0 },
	{ "max", PPP_MAX_MRU + PPP_HDRLEN, PPP_LCP, 0 },
	{ "max+1", PPP_MAX_MRU + PPP_HDRLEN + 1, PPP_LCP, -EINVAL },
};

KUNIT_ARRAY_PARAM(chan_wlen, chan_wlen_cases, cwlen_case_desc);

static void chan_write_length(struct kunit *test)
{
	const struct cwlen_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct pgt_chan *pc;
	struct sk_buff *skb;
	struct file *cfd;
	size_t i;
	u8 *buf;

	buf = kunit_kzalloc(test, c->len + 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	put_unaligned_be16(c->proto, buf);
	for (i = 2; i < c->len; i++)
		buf[i] = i * 7;
	pc = pgt_chan_register(t);
	cfd = pgt_chan_attach(t, pc);
	KUNIT_EXPECT_EQ(test, pgt_write(t, cfd, buf, c->len),
			c->err ? c->err : (long)c->len);
	skb = skb_dequeue(&pc->txq);
	if (c->err) {
		KUNIT_EXPECT_NULL(test, skb);
		kfree_skb(skb);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->len, (unsigned int)c->len);
	KUNIT_EXPECT_EQ(test, memcmp(skb->data, buf, c->len), 0);
	/* Room for the driver's header, as it asked at registration. */
	KUNIT_EXPECT_GE(test, skb_headroom(skb), (unsigned int)pc->chan.hdrlen);
	kfree_skb(skb);
}

/* A driver that refuses a frame gets it again after ppp_output_wakeup. */
static void chan_busy_then_wakeup(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct pgt_chan *pc;
	struct file *cfd;
	int i;

	pc = pgt_chan_register(t);
	cfd = pgt_chan_attach(t, pc);
	WRITE_ONCE(pc->busy, true);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, pgt_write(t, cfd, pgt_lcp, sizeof(pgt_lcp)),
				(long)sizeof(pgt_lcp));
	KUNIT_EXPECT_EQ(test, skb_queue_len(&pc->txq), 0U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&pgt_pch(cfd)->file.xq), 3U);
	WRITE_ONCE(pc->busy, false);
	ppp_output_wakeup(&pc->chan);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&pc->txq), 3U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&pgt_pch(cfd)->file.xq), 0U);
	/* Frames still queued when the driver leaves are freed. */
	WRITE_ONCE(pc->busy, true);
	KUNIT_EXPECT_EQ(test, pgt_write(t, cfd, pgt_lcp, sizeof(pgt_lcp)),
			(long)sizeof(pgt_lcp));
	pgt_chan_unregister(pc);
}

/* ---- PPPIOCBRIDGECHAN: frames received on one go out of the other */

struct bridge_case {
	const char *name;
	bool unbridge;		/* PPPIOCUNBRIDGECHAN before teardown */
	bool unreg_b_first;	/* else A goes first */
};

static void bridge_case_desc(const struct bridge_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct bridge_case bridge_cases[] = {
	{ "unbridge_then_unreg", true, false },
	{ "unreg_a_bridged", false, false },
	{ "unreg_b_bridged", false, true },
};

KUNIT_ARRAY_PARAM(bridge, bridge_cases, bridge_case_desc);

static void chan_bridge(struct kunit *test)
{
	const struct bridge_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct pgt_chan *a, *b, *x;
	struct file *afd, *bfd;
	int v, unit;

	a = pgt_chan_register(t);
	b = pgt_chan_register(t);
	afd = pgt_chan_attach(t, a);
	bfd = pgt_chan_attach(t, b);
	v = ppp_channel_index(&b->chan);
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(t, afd, PPPIOCBRIDGECHAN, &v), 0L);
	/* Already bridged; bridging to itself; connecting a bridged one. */
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, afd, PPPIOCBRIDGECHAN, &v),
			(long)-EALREADY);
	v = ppp_channel_index(&a->chan);
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, afd, PPPIOCBRIDGECHAN, &v),
			(long)-EALREADY);
	pgt_new_unit(t, &unit);
	v = unit;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, afd, PPPIOCCONNECT, &v),
			(long)-EINVAL);

	ppp_input(&a->chan, pgt_skb(pgt_lcp, sizeof(pgt_lcp), 0));
	ppp_input(&b->chan, pgt_skb(pgt_ip, sizeof(pgt_ip), 0));
	KUNIT_EXPECT_EQ(test, skb_queue_len(&b->txq), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&a->txq), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&pgt_pch(afd)->file.rq), 0U);

	if (c->unbridge) {
		KUNIT_EXPECT_EQ(test, pgt_ioctl(t, afd, PPPIOCUNBRIDGECHAN,
						NULL, 0), 0L);
		KUNIT_EXPECT_EQ(test, pgt_ioctl(t, bfd, PPPIOCUNBRIDGECHAN,
						NULL, 0), (long)-EINVAL);
		/* Unbridged: frames go to pppd again. */
		ppp_input(&a->chan, pgt_skb(pgt_lcp, sizeof(pgt_lcp), 0));
		KUNIT_EXPECT_EQ(test, skb_queue_len(&pgt_pch(afd)->file.rq),
				1U);
	}
	x = c->unreg_b_first ? b : a;
	pgt_chan_unregister(x);
	/* The survivor is no longer bridged to the dead one. */
	x = x == a ? b : a;
	ppp_input(&x->chan, pgt_skb(pgt_lcp, sizeof(pgt_lcp), 0));
	KUNIT_EXPECT_EQ(test, skb_queue_len(&pgt_pch(x == a ? afd : bfd)->file.rq),
			c->unbridge && x == a ? 2U : 1U);
}

/* A channel bridged to itself: EALREADY as in-tree, and nothing left. */
static void chan_bridge_self(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct pgt_chan *a;
	struct file *afd;
	int v, unit;

	a = pgt_chan_register(t);
	afd = pgt_chan_attach(t, a);
	v = ppp_channel_index(&a->chan);
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, afd, PPPIOCBRIDGECHAN, &v),
			(long)-EALREADY);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(pgt_pch(afd)->bridge));
	KUNIT_EXPECT_EQ(test, pgt_ioctl(t, afd, PPPIOCUNBRIDGECHAN, NULL, 0),
			(long)-EINVAL);
	/* Still free to join a unit; its frames still reach pppd. */
	pgt_new_unit(t, &unit);
	v = unit;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, afd, PPPIOCCONNECT, &v), 0L);
	ppp_input(&a->chan, pgt_skb(pgt_lcp, sizeof(pgt_lcp), 0));
	KUNIT_EXPECT_EQ(test, skb_queue_len(&pgt_pch(afd)->file.rq), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&a->txq), 0U);
}

static struct kunit_case ppp_generic_channel_cases[] = {
	KUNIT_CASE(chan_register_index),
	KUNIT_CASE_PARAM(chan_lifecycle_order, order_gen_params),
	KUNIT_CASE_PARAM(chan_many_on_one_unit, multi_gen_params),
	KUNIT_CASE_PARAM(chan_write_length, chan_wlen_gen_params),
	KUNIT_CASE(chan_busy_then_wakeup),
	KUNIT_CASE_PARAM(chan_bridge, bridge_gen_params),
	KUNIT_CASE(chan_bridge_self),
	{}
};

static struct kunit_suite ppp_generic_channel_suite = {
	.name = "ppp_generic_channel",
	.init = pgt_init,
	.exit = pgt_exit,
	.test_cases = ppp_generic_channel_cases,
};

kunit_test_suite(ppp_generic_channel_suite);
