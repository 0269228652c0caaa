// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_generic_rx: where ppp_input() sends a frame - the channel's queue
 * (control protocols, or no unit), the unit's queue (NCPs, CCP) or the
 * network stack (network protocols in NPMODE_PASS on an up interface) -
 * protocol-field decompression of short frames, the queue bound, what a
 * fatal decompressor error lets through, and a pass filter that cannot
 * run for lack of memory.
 *
 * Fixture: unit U (fd), channel C (fake driver, fd) connected to U, and a
 * packet tap on U's device counting what reaches the stack.
 */
#include <linux/if_ether.h>
#include <linux/filter.h>
#include <linux/ppp-comp.h>
#include <kunit/static_stub.h>
#include "pgt_util.h"

struct rxt {
	struct pgt *t;
	struct file *ufd, *cfd;
	struct pgt_chan *pc;
	struct ppp_unit *ppp;
	struct packet_type tap;
	atomic_t tapped;
	bool tap_added;
};

static int rxt_tap_rcv(struct sk_buff *skb, struct net_device *dev,
		       struct packet_type *pt, struct net_device *orig)
{
	struct rxt *r = container_of(pt, struct rxt, tap);

	atomic_inc(&r->tapped);
	kfree_skb(skb);
	return NET_RX_SUCCESS;
}

static int rxt_init(struct kunit *test)
{
	struct pgt *t;
	struct rxt *r;
	int unit, v, err;

	err = pgt_init(test);
	if (err)
		return err;
	t = test->priv;
	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->t = t;
	r->ufd = pgt_new_unit(t, &unit);
	r->ppp = pgt_unit(r->ufd);
	r->pc = pgt_chan_register(t);
	r->cfd = pgt_chan_attach(t, r->pc);
	v = unit;
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(t, r->cfd, PPPIOCCONNECT, &v), 0L);

	rtnl_lock();
	err = dev_open(r->ppp->dev, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, err, 0);

	r->tap.type = htons(ETH_P_IP);
	r->tap.dev = r->ppp->dev;
	r->tap.func = rxt_tap_rcv;
	dev_add_pack(&r->tap);
	r->tap_added = true;
	t->ext = r;
	return 0;
}

static struct rxt *rxt_get(struct kunit *test)
{
	struct pgt *t = test->priv;

	KUNIT_ASSERT_NOT_NULL(test, t->ext);
	return t->ext;
}

static void rxt_exit(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct rxt *r = t ? t->ext : NULL;

	if (r && r->tap_added)
		dev_remove_pack(&r->tap);
	pgt_exit(test);
}

static void rxt_set_npmode(struct rxt *r, int proto, enum NPmode mode)
{
	struct npioctl npi = { .protocol = proto, .mode = mode };

	KUNIT_ASSERT_EQ(r->t->test,
			pgt_ioctl(r->t, r->ufd, PPPIOCSNPMODE, &npi, sizeof(npi)),
			0L);
}

static void rxt_set_up(struct rxt *r, bool up)
{
	rtnl_lock();
	if (up)
		dev_open(r->ppp->dev, NULL);
	else
		dev_close(r->ppp->dev);
	rtnl_unlock();
}

enum rx_dest { TO_CHAN, TO_UNIT, TO_STACK, DROPPED };

struct route_case {
	const char *name;
	u8 frame[24];
	unsigned int len;
	unsigned int headroom;
	enum NPmode ipmode;	/* for PPP_IP (0 = NPMODE_PASS) */
	bool down;		/* interface down */
	bool unconnected;	/* PPPIOCDISCONN first */
	enum rx_dest dest;
	u8 proto_hi;		/* expected first two bytes queued */
	u8 proto_lo;
};

static void route_case_desc(const struct route_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

#define IPHDR	0x45, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00, 0x40, 0x11, \
		0x00, 0x00, 0xc6, 0x33, 0x64, 0x01, 0xc6, 0x33, 0x64, 0x02

static const struct route_case route_cases[] = {
	/* Control protocols: the channel's fd, for pppd's LCP/auth. */
	{ "lcp", { 0xc0, 0x21, 0x01, 0x01, 0x00, 0x04 }, 6, 0, 0, false, false,
	  TO_CHAN, 0xc0, 0x21 },
	{ "pap", { 0xc0, 0x23, 0x01, 0x01, 0x00, 0x04 }, 6, 0, 0, false, false,
	  TO_CHAN, 0xc0, 0x23 },
	{ "chap", { 0xc2, 0x23, 0x01, 0x01, 0x00, 0x04 }, 6, 0, 0, false,
	  false, TO_CHAN, 0xc2, 0x23 },
	{ "ccpfrag", { 0x80, 0xfb, 0x01 }, 3, 0, 0, false, false, TO_CHAN,
	  0x80, 0xfb },
	/* NCPs and CCP: the unit's fd. */
	{ "ipcp", { 0x80, 0x21, 0x01, 0x01, 0x00, 0x04 }, 6, 0, 0, false,
	  false, TO_UNIT, 0x80, 0x21 },
	{ "ipv6cp", { 0x80, 0x57, 0x01, 0x01, 0x00, 0x04 }, 6, 0, 0, false,
	  false, TO_UNIT, 0x80, 0x57 },
	{ "ccp_termreq", { 0x80, 0xfd, 0x05, 0x01, 0x00, 0x04 }, 6, 0, 0,
	  false, false, TO_UNIT, 0x80, 0xfd },
	{ "unknown_np", { 0x00, 0x3f, 0x01 }, 3, 0, 0, false, false, TO_UNIT,
	  0x00, 0x3f },
	/* Network protocols: the stack, when the unit lets them in. */
	{ "ip_pass", { 0x00, 0x21, IPHDR }, 22, 0, NPMODE_PASS, false, false,
	  TO_STACK },
	{ "ip_drop", { 0x00, 0x21, IPHDR }, 22, 0, NPMODE_DROP, false, false,
	  DROPPED },
	{ "ip_error", { 0x00, 0x21, IPHDR }, 22, 0, NPMODE_ERROR, false, false,
	  DROPPED },
	{ "ip_queue", { 0x00, 0x21, IPHDR }, 22, 0, NPMODE_QUEUE, false, false,
	  DROPPED },
	{ "ip_if_down", { 0x00, 0x21, IPHDR }, 22, 0, NPMODE_PASS, true, false,
	  DROPPED },
	/* Not connected: everything is pppd's, even IP. */
	{ "ip_unconnected", { 0x00, 0x21, IPHDR }, 22, 0, NPMODE_PASS, false,
	  true, TO_CHAN, 0x00, 0x21 },
	{ "ipcp_unconnected", { 0x80, 0x21, 0x01, 0x01, 0x00, 0x04 }, 6, 0, 0,
	  false, true, TO_CHAN, 0x80, 0x21 },
	/* Protocol-field compression: a one-byte (odd) protocol. */
	{ "pfc_ip", { 0x21, IPHDR }, 21, 0, NPMODE_PASS, false, false,
	  TO_STACK },
	{ "pfc_ip_headroom", { 0x21, IPHDR }, 21, 16, NPMODE_PASS, false, false,
	  TO_STACK },
	{ "pfc_ipcp_is_not_pfc", { 0x80, 0x21, 0x01 }, 3, 0, 0, false, false,
	  TO_UNIT, 0x80, 0x21 },
	{ "pfc_1byte_odd_unit", { 0x3f }, 1, 0, 0, false, false, TO_UNIT,
	  0x00, 0x3f },
	{ "pfc_1byte_odd_chan", { 0x3f }, 1, 0, 0, false, true, TO_CHAN,
	  0x00, 0x3f },
	{ "pfc_1byte_ip_no_payload", { 0x21 }, 1, 0, NPMODE_DROP, false, false,
	  DROPPED },
	/* Frames too short for any protocol field. */
	{ "empty", { }, 0, 0, 0, false, false, DROPPED },
	{ "empty_unconnected", { }, 0, 0, 0, false, true, DROPPED },
	{ "1byte_even", { 0x00 }, 1, 0, 0, false, false, DROPPED },
	{ "1byte_even_c0", { 0xc0 }, 1, 0, 0, false, true, DROPPED },
	{ "2byte_lcp_no_payload", { 0xc0, 0x21 }, 2, 0, 0, false, false,
	  TO_CHAN, 0xc0, 0x21 },
	{ "2byte_ipcp_no_payload", { 0x80, 0x21 }, 2, 0, 0, false, false,
	  TO_UNIT, 0x80, 0x21 },
};

KUNIT_ARRAY_PARAM(route, route_cases, route_case_desc);

static void rx_route(struct kunit *test)
{
	const struct route_case *c = test->param_value;
	struct rxt *r = rxt_get(test);
	struct sk_buff_head *chq = &pgt_pch(r->cfd)->file.rq;
	struct sk_buff_head *unq = &r->ppp->file.rq;
	unsigned long errs;
	struct sk_buff *skb;
	int tapped;

	if (c->unconnected)
		KUNIT_ASSERT_EQ(test, pgt_ioctl(r->t, r->cfd, PPPIOCDISCONN,
						NULL, 0), 0L);
	rxt_set_npmode(r, PPP_IP, c->ipmode);
	if (c->down)
		rxt_set_up(r, false);
	errs = DEV_STATS_READ(r->ppp->dev, rx_length_errors);

	skb = pgt_skb(c->frame, c->len, c->headroom);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	ppp_input(&r->pc->chan, skb);

	tapped = pgt_wait_atomic(&r->tapped, 1,
				 c->dest == TO_STACK ? 1000 : 20);
	KUNIT_EXPECT_EQ(test, tapped, c->dest == TO_STACK ? 1 : 0);
	KUNIT_EXPECT_EQ(test, skb_queue_len(chq), c->dest == TO_CHAN ? 1U : 0U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(unq), c->dest == TO_UNIT ? 1U : 0U);
	/* No protocol field at all: a length error on the unit. */
	if (c->len < 2 && !(c->len && (c->frame[0] & 1)))
		KUNIT_EXPECT_EQ(test, DEV_STATS_READ(r->ppp->dev,
						     rx_length_errors),
				errs + !c->unconnected);

	/* What pppd reads: the two-byte protocol, then the payload. */
	if (c->dest == TO_CHAN || c->dest == TO_UNIT) {
		u8 buf[32];
		unsigned int skip = c->frame[0] & 1 ? 1 : 2;
		ssize_t n = pgt_read(r->t, c->dest == TO_CHAN ? r->cfd : r->ufd,
				     buf, sizeof(buf));

		KUNIT_ASSERT_GE(test, n, 2L);
		KUNIT_EXPECT_EQ(test, buf[0], c->proto_hi);
		KUNIT_EXPECT_EQ(test, buf[1], c->proto_lo);
		KUNIT_EXPECT_EQ(test, (unsigned int)n, c->len - skip + 2);
		if (n > 2)
			KUNIT_EXPECT_EQ(test, memcmp(buf + 2, c->frame + skip,
						     n - 2), 0);
	}
}

/*
 * A reader that stops reading pins at most 32 frames, as with the in-tree
 * ppp_generic (its PPP_MAX_RQLEN).  The number is written out, not taken
 * from our header, so that a change of the limit fails here.
 */
#define RXT_MAX_RQLEN	32

struct bound_case {
	const char *name;
	u16 proto;
	bool to_unit;
	int frames;
};

static void bound_case_desc(const struct bound_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct bound_case bound_cases[] = {
	{ "chan_31", PPP_LCP, false, 31 },
	{ "chan_32", PPP_LCP, false, 32 },
	{ "chan_33", PPP_LCP, false, 33 },
	{ "chan_100", PPP_LCP, false, 100 },
	{ "unit_33", PPP_IPCP, true, 33 },
	{ "unit_100", PPP_IPCP, true, 100 },
};

KUNIT_ARRAY_PARAM(bound, bound_cases, bound_case_desc);

static void rx_queue_bound(struct kunit *test)
{
	const struct bound_case *c = test->param_value;
	struct rxt *r = rxt_get(test);
	struct file *f = c->to_unit ? r->ufd : r->cfd;
	int i, kept = min(c->frames, RXT_MAX_RQLEN);
	u8 frame[8] = { c->proto >> 8, c->proto & 0xff, 0x01, 0, 0, 6 };
	u8 buf[16];

	for (i = 0; i < c->frames; i++) {
		put_unaligned_be16(i, frame + 6);
		ppp_input(&r->pc->chan, pgt_skb(frame, sizeof(frame), 0));
	}
	KUNIT_EXPECT_EQ(test, skb_queue_len(&((struct ppp_file *)
					      f->private_data)->rq),
			(u32)kept);
	/* The oldest went: pppd reads the newest, in order. */
	for (i = c->frames - kept; i < c->frames; i++) {
		KUNIT_ASSERT_EQ(test, pgt_read(r->t, f, buf, sizeof(buf)),
				(long)sizeof(frame));
		KUNIT_EXPECT_EQ(test, get_unaligned_be16(buf + 6), (u16)i);
	}
	KUNIT_EXPECT_EQ(test, pgt_read(r->t, f, buf, sizeof(buf)),
			(long)-EAGAIN);
}

/* A frame that does not fit the reader's buffer is reported and dropped. */
static void rx_read_too_small(struct kunit *test)
{
	static const u8 lcp[] = { 0xc0, 0x21, 0x09, 0x01, 0x00, 0x08,
				  1, 2, 3, 4 };
	struct rxt *r = rxt_get(test);
	u8 buf[16];

	ppp_input(&r->pc->chan, pgt_skb(lcp, sizeof(lcp), 0));
	KUNIT_EXPECT_EQ(test, pgt_read(r->t, r->cfd, buf, sizeof(lcp) - 1),
			(long)-EOVERFLOW);
	KUNIT_EXPECT_EQ(test, pgt_read(r->t, r->cfd, buf, sizeof(buf)),
			(long)-EAGAIN);
}

/* Once the unit is going away its traffic is dropped, LCP still flows. */
static void rx_unit_closing(struct kunit *test)
{
	static const u8 ip[] = { 0x00, 0x21, IPHDR };
	static const u8 ipcp[] = { 0x80, 0x21, 0x01, 0x01, 0x00, 0x04 };
	static const u8 lcp[] = { 0xc0, 0x21, 0x01, 0x01, 0x00, 0x04 };
	struct rxt *r = rxt_get(test);
	struct ppp_unit *ppp = r->ppp;

	/* Keep the unit's memory while the channel still points at it. */
	dev_remove_pack(&r->tap);
	r->tap_added = false;
	pgt_close(r->t, r->ufd);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(ppp->closing));
	ppp_input(&r->pc->chan, pgt_skb(ip, sizeof(ip), 0));
	ppp_input(&r->pc->chan, pgt_skb(ipcp, sizeof(ipcp), 0));
	ppp_input(&r->pc->chan, pgt_skb(lcp, sizeof(lcp), 0));
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ppp->file.rq), 0U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&pgt_pch(r->cfd)->file.rq), 1U);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->tapped), 0);
}

/* ---- After a fatal decompressor error, against a fake compressor */

#define RXT_CI	0xf1	/* CCP option type nobody else uses */

static void *rxt_comp_alloc(unsigned char *options, int opt_len)
{
	return kzalloc(16, GFP_KERNEL);
}

static void rxt_comp_free(void *state)
{
	kfree(state);
}

static int rxt_decomp_init(void *state, unsigned char *options, int opt_len,
			   int unit, int hdrlen, int mru, int debug)
{
	return 1;
}

static void rxt_decomp_reset(void *state)
{
}

/* Like MPPE when it loses its key state: nothing more can be decrypted. */
static int rxt_decompress(void *state, unsigned char *ibuf, int isize,
			  unsigned char *obuf, int osize)
{
	return DECOMP_FATALERROR;
}

static struct compressor rxt_comp = {
	.compress_proto	= RXT_CI,
	.decomp_alloc	= rxt_comp_alloc,
	.decomp_free	= rxt_comp_free,
	.decomp_init	= rxt_decomp_init,
	.decomp_reset	= rxt_decomp_reset,
	.decompress	= rxt_decompress,
	.owner		= THIS_MODULE,
};

static void rxt_unregister_comp(void *comp)
{
	ppp_unregister_compressor(comp);
}

static int rxt_flags(struct rxt *r)
{
	int v = 0;

	KUNIT_EXPECT_EQ(r->t->test, pgt_ioctl_int(r->t, r->ufd, PPPIOCGFLAGS,
						  &v), 0L);
	return v;
}

/* CCP as pppd runs it: receive compressor set, CCP open, peer's Ack. */
static void rxt_ccp_up(struct rxt *r, int flags)
{
	static const u8 ack[] = { 0x80, 0xfd, CCP_CONFACK, 1, 0, 6,
				  RXT_CI, 2 };
	struct kunit *test = r->t->test;
	u8 __user *uopt = (u8 __user *)r->t->umem + PAGE_SIZE;
	struct ppp_option_data data = {};
	u8 opt[2] = { RXT_CI, 2 };
	u8 buf[16];

	KUNIT_ASSERT_EQ(test, copy_to_user(uopt, opt, sizeof(opt)), 0UL);
	data.ptr = (__u8 __force *)uopt;
	data.length = sizeof(opt);
	KUNIT_ASSERT_EQ(test, pgt_ioctl(r->t, r->ufd, PPPIOCSCOMPRESS, &data,
					sizeof(data)), 0L);
	flags |= SC_CCP_OPEN;
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(r->t, r->ufd, PPPIOCSFLAGS,
					    &flags), 0L);
	ppp_input(&r->pc->chan, pgt_skb(ack, sizeof(ack), 2));
	KUNIT_ASSERT_EQ(test, pgt_read(r->t, r->ufd, buf, sizeof(buf)),
			(long)sizeof(ack));
	flags |= SC_CCP_UP;
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(r->t, r->ufd, PPPIOCSFLAGS,
					    &flags), 0L);
	KUNIT_ASSERT_TRUE(test, rxt_flags(r) & SC_DECOMP_RUN);
}

struct fatal_case {
	const char *name;
	bool must_comp;		/* SC_MUST_COMP: nothing in the clear */
};

static void fatal_case_desc(const struct fatal_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct fatal_case fatal_cases[] = {
	{ "must_comp_drops_all", true },
	{ "may_pass_clear", false },
};

KUNIT_ARRAY_PARAM(fatal, fatal_cases, fatal_case_desc);

/*
 * Once the decompressor has failed for good, a unit that must decompress
 * drops every frame (in-tree behaviour: a broken MPPE or deflate must not
 * let cleartext in).  Without SC_MUST_COMP the failed frame goes to pppd
 * as the error indication and frames in the clear still pass.
 */
static void rx_after_fatal_decomp_error(struct kunit *test)
{
	static const u8 comp[] = { 0x00, 0xfd, 0x00, 0x01, 0xaa, 0xbb };
	static const u8 ipcp[] = { 0x80, 0x21, 0x01, 0x01, 0x00, 0x04 };
	static const u8 ip[] = { 0x00, 0x21, IPHDR };
	const struct fatal_case *c = test->param_value;
	struct rxt *r = rxt_get(test);
	struct sk_buff_head *unq = &r->ppp->file.rq;
	unsigned long errs;
	int tapped, err;

	KUNIT_ASSERT_EQ(test, ppp_register_compressor(&rxt_comp), 0);
	err = kunit_add_action_or_reset(test, rxt_unregister_comp, &rxt_comp);
	KUNIT_ASSERT_EQ(test, err, 0);
	rxt_ccp_up(r, c->must_comp ? SC_MUST_COMP : 0);

	ppp_input(&r->pc->chan, pgt_skb(comp, sizeof(comp), 2));
	KUNIT_EXPECT_TRUE(test, rxt_flags(r) & SC_DC_FERROR);
	KUNIT_EXPECT_EQ(test, skb_queue_len(unq), c->must_comp ? 0U : 1U);
	skb_queue_purge(unq);

	errs = DEV_STATS_READ(r->ppp->dev, rx_errors);
	ppp_input(&r->pc->chan, pgt_skb(ip, sizeof(ip), 2));
	ppp_input(&r->pc->chan, pgt_skb(ipcp, sizeof(ipcp), 2));
	tapped = pgt_wait_atomic(&r->tapped, 1, c->must_comp ? 20 : 1000);
	KUNIT_EXPECT_EQ(test, tapped, c->must_comp ? 0 : 1);
	KUNIT_EXPECT_EQ(test, skb_queue_len(unq), c->must_comp ? 0U : 1U);
	KUNIT_EXPECT_EQ(test, DEV_STATS_READ(r->ppp->dev, rx_errors),
			errs + (c->must_comp ? 2 : 0));
}

/* ---- A pass filter that cannot run for lack of memory */

static int rxt_own_head_fails(struct sk_buff *skb)
{
	return -ENOMEM;
}

struct nomem_case {
	const char *name;
	bool inbound;
	bool fail;		/* ppp_filter_own_head() fails */
};

static void nomem_case_desc(const struct nomem_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct nomem_case nomem_cases[] = {
	{ "rx_no_memory_dropped", true, true },
	{ "rx_passes", true, false },
	{ "tx_no_memory_dropped", false, true },
	{ "tx_passes", false, false },
};

KUNIT_ARRAY_PARAM(nomem, nomem_cases, nomem_case_desc);

/*
 * The direction tag goes in front of the frame, which needs the head to
 * be ours; when that cannot be had, the frame is dropped and counted
 * (an rx error, as in-tree, or a tx error), never let past the filter.
 */
static void rx_filter_no_memory(struct kunit *test)
{
	static const struct sock_filter pass_all[] = {
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
	};
	static const u8 ip[] = { 0x00, 0x21, IPHDR };
	const struct nomem_case *c = test->param_value;
	struct rxt *r = rxt_get(test);
	void __user *uprog = (u8 __user *)r->t->umem + PAGE_SIZE;
	struct net_device *dev = r->ppp->dev;
	struct sock_fprog prog = {
		.len = ARRAY_SIZE(pass_all),
		.filter = (struct sock_filter __force *)uprog,
	};
	unsigned long errs;
	bool passed;

	KUNIT_ASSERT_EQ(test, copy_to_user(uprog, pass_all, sizeof(pass_all)),
			0UL);
	KUNIT_ASSERT_EQ(test, pgt_ioctl(r->t, r->ufd, PPPIOCSPASS, &prog,
					sizeof(prog)), 0L);
	if (c->fail)
		kunit_activate_static_stub(test, ppp_filter_own_head,
					   rxt_own_head_fails);

	if (c->inbound) {
		errs = DEV_STATS_READ(dev, rx_errors);
		ppp_input(&r->pc->chan, pgt_skb(ip, sizeof(ip), 2));
		passed = pgt_wait_atomic(&r->tapped, 1, c->fail ? 20 : 1000);
		KUNIT_EXPECT_EQ(test, DEV_STATS_READ(dev, rx_errors),
				errs + c->fail);
	} else {
		errs = DEV_STATS_READ(dev, tx_errors);
		KUNIT_ASSERT_EQ(test, pgt_write(r->t, r->ufd, ip, sizeof(ip)),
				(ssize_t)sizeof(ip));
		passed = skb_queue_len(&r->pc->txq);
		KUNIT_EXPECT_EQ(test, DEV_STATS_READ(dev, tx_errors),
				errs + c->fail);
	}
	KUNIT_EXPECT_EQ(test, passed, !c->fail);
}

static struct kunit_case ppp_generic_rx_cases[] = {
	KUNIT_CASE_PARAM(rx_route, route_gen_params),
	KUNIT_CASE_PARAM(rx_queue_bound, bound_gen_params),
	KUNIT_CASE(rx_read_too_small),
	KUNIT_CASE(rx_unit_closing),
	KUNIT_CASE_PARAM(rx_after_fatal_decomp_error, fatal_gen_params),
	KUNIT_CASE_PARAM(rx_filter_no_memory, nomem_gen_params),
	{}
};

static struct kunit_suite ppp_generic_rx_suite = {
	.name = "ppp_generic_rx",
	.init = rxt_init,
	.exit = rxt_exit,
	.test_cases = ppp_generic_rx_cases,
};

kunit_test_suite(ppp_generic_rx_suite);
