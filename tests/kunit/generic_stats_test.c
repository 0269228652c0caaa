// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_generic_stats: every cause ppp_generic counts, made to happen once,
 * moves its counter by one and no other.  Counters are read the way
 * ethtool -S reads them: through the unit device's ethtool_ops.
 *
 * The same event may move device counters ("ip -s link", read through
 * dev_get_stats()): each case names those it moves by one; the others
 * must stay.
 *
 * Fixture: unit U (fd, device up), channel C (fake driver, fd) connected
 * to U.  A case may prepare (e.g. bring CCP up), then its counters are
 * read, then it triggers the event once and they are read again.
 */
#include <linux/ethtool.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/ppp-comp.h>
#include "pgt_util.h"

struct stt {
	struct pgt *t;
	struct file *ufd, *cfd;
	struct pgt_chan *pc;
	struct ppp_unit *ppp;
};

#define IPHDR	0x45, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00, 0x40, 0x11, \
		0x00, 0x00, 0xc6, 0x33, 0x64, 0x01, 0xc6, 0x33, 0x64, 0x02

static const u8 stt_ip[] = { 0x00, 0x21, IPHDR };
static const u8 stt_ipcp[] = { 0x80, 0x21, 0x01, 0x01, 0x00, 0x04 };

static int stt_init(struct kunit *test)
{
	struct pgt *t;
	struct stt *s;
	int unit, v, err;

	err = pgt_init(test);
	if (err)
		return err;
	t = test->priv;
	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	s->t = t;
	s->ufd = pgt_new_unit(t, &unit);
	s->ppp = pgt_unit(s->ufd);
	s->pc = pgt_chan_register(t);
	s->cfd = pgt_chan_attach(t, s->pc);
	v = unit;
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(t, s->cfd, PPPIOCCONNECT, &v), 0L);
	rtnl_lock();
	err = dev_open(s->ppp->dev, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, err, 0);
	t->ext = s;
	return 0;
}

/* ---- what the cases do */

static void stt_npmode(struct stt *s, enum NPmode mode)
{
	struct npioctl npi = { .protocol = PPP_IP, .mode = mode };

	KUNIT_ASSERT_EQ(s->t->test, pgt_ioctl(s->t, s->ufd, PPPIOCSNPMODE,
					      &npi, sizeof(npi)), 0L);
}

static void stt_flags(struct stt *s, int flags)
{
	KUNIT_ASSERT_EQ(s->t->test, pgt_ioctl_int(s->t, s->ufd, PPPIOCSFLAGS,
						  &flags), 0L);
}

static void stt_input(struct stt *s, const u8 *frame, size_t len)
{
	struct sk_buff *skb = pgt_skb(frame, len, 2);

	KUNIT_ASSERT_NOT_NULL(s->t->test, skb);
	ppp_input(&s->pc->chan, skb);
}

/* An IP packet as the stack would send it, with room for the header. */
static struct sk_buff *stt_ip_skb(__be16 ethertype)
{
	struct sk_buff *skb = pgt_skb(stt_ip + 2, sizeof(stt_ip) - 2,
				      PPP_HDRLEN);

	if (skb)
		skb->protocol = ethertype;
	return skb;
}

static void stt_dev_xmit_skb(struct net_device *dev, struct sk_buff *skb)
{
	if (!skb)
		return;
	skb->dev = dev;
	local_bh_disable();
	dev->netdev_ops->ndo_start_xmit(skb, dev);
	local_bh_enable();
}

/* The stack sends a packet of @ethertype out of the unit's device. */
static void stt_dev_xmit(struct net_device *dev, __be16 ethertype)
{
	stt_dev_xmit_skb(dev, stt_ip_skb(ethertype));
}

static void stt_xmit_ip(struct stt *s)
{
	stt_dev_xmit(s->ppp->dev, htons(ETH_P_IP));
}

static void stt_write(struct stt *s, const u8 *frame, size_t len)
{
	KUNIT_ASSERT_EQ(s->t->test, pgt_write(s->t, s->ufd, frame, len),
			(ssize_t)len);
}

/* A pass filter that lets nothing through. */
static void stt_filter_none(struct stt *s)
{
	static const struct sock_filter none[] = {
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	void __user *uprog = (u8 __user *)s->t->umem + PAGE_SIZE;
	struct sock_fprog prog = {
		.len = ARRAY_SIZE(none),
		.filter = (struct sock_filter __force *)uprog,
	};

	KUNIT_ASSERT_EQ(s->t->test, copy_to_user(uprog, none, sizeof(none)),
			0UL);
	KUNIT_ASSERT_EQ(s->t->test, pgt_ioctl(s->t, s->ufd, PPPIOCSPASS, &prog,
					      sizeof(prog)), 0L);
}

static void tx_unknown(struct stt *s)
{
	stt_dev_xmit(s->ppp->dev, htons(ETH_P_ARP));
}

static void tx_np_drop(struct stt *s)
{
	stt_npmode(s, NPMODE_DROP);
	stt_xmit_ip(s);
}

static void tx_np_queue(struct stt *s)
{
	stt_npmode(s, NPMODE_QUEUE);
	stt_xmit_ip(s);
}

static void tx_np_error(struct stt *s)
{
	stt_npmode(s, NPMODE_ERROR);
	stt_xmit_ip(s);
}

static void tx_filtered(struct stt *s)
{
	stt_write(s, stt_ip, sizeof(stt_ip));
}

/* Demand dialling: pppd's queue holds 33 frames, the 34th is dropped. */
static void tx_demand_prep(struct stt *s)
{
	int i;

	stt_flags(s, SC_LOOP_TRAFFIC);
	for (i = 0; i < PPP_MAX_RQLEN + 1; i++)
		stt_write(s, stt_ip, sizeof(stt_ip));
}

static void tx_demand_full(struct stt *s)
{
	stt_write(s, stt_ip, sizeof(stt_ip));
}

static void tx_no_channel_prep(struct stt *s)
{
	KUNIT_ASSERT_EQ(s->t->test, pgt_ioctl(s->t, s->cfd, PPPIOCDISCONN,
					      NULL, 0), 0L);
}

/*
 * A channel whose transmit routes a packet back into the unit, as a
 * tunnel routed over its own unit does.  Runs under spinlocks: the packet
 * is made beforehand.
 */
static struct net_device *stt_loop_dev;
static struct sk_buff *stt_loop_skb;

static int stt_loop_xmit(struct ppp_channel *chan, struct sk_buff *skb)
{
	kfree_skb(skb);
	stt_dev_xmit_skb(stt_loop_dev, stt_loop_skb);
	stt_loop_skb = NULL;
	return 1;
}

static const struct ppp_channel_ops stt_loop_ops = {
	.start_xmit = stt_loop_xmit,
};

static void tx_recursion_prep(struct stt *s)
{
	stt_loop_dev = s->ppp->dev;
	stt_loop_skb = stt_ip_skb(htons(ETH_P_IP));
	KUNIT_ASSERT_NOT_NULL(s->t->test, stt_loop_skb);
	s->pc->chan.ops = &stt_loop_ops;
}

static void tx_ccp_resetreq(struct stt *s)
{
	static const u8 req[] = { 0x80, 0xfd, CCP_RESETREQ, 1, 0, 4 };

	stt_write(s, req, sizeof(req));
}

static void rx_short(struct stt *s)
{
	static const u8 even[] = { 0x00 };

	stt_input(s, even, sizeof(even));
}

static void rx_chan_error(struct stt *s)
{
	ppp_input_error(&s->pc->chan, 0);
}

static void rx_np_drop(struct stt *s)
{
	stt_npmode(s, NPMODE_DROP);
	stt_input(s, stt_ip, sizeof(stt_ip));
}

static void rx_np_queue(struct stt *s)
{
	stt_npmode(s, NPMODE_QUEUE);
	stt_input(s, stt_ip, sizeof(stt_ip));
}

static void rx_np_error(struct stt *s)
{
	stt_npmode(s, NPMODE_ERROR);
	stt_input(s, stt_ip, sizeof(stt_ip));
}

static void rx_if_down(struct stt *s)
{
	rtnl_lock();
	dev_close(s->ppp->dev);
	rtnl_unlock();
	stt_input(s, stt_ip, sizeof(stt_ip));
}

static void rx_filtered(struct stt *s)
{
	stt_input(s, stt_ip, sizeof(stt_ip));
}

static void rx_unknown(struct stt *s)
{
	static const u8 unknown[] = { 0x00, 0x3f, 0x01 };

	stt_input(s, unknown, sizeof(unknown));
}

/* pppd's queue on the unit holds 32 frames: the 33rd pushes one out. */
static void rx_queue_prep(struct stt *s)
{
	int i;

	for (i = 0; i < PPP_MAX_RQLEN; i++)
		stt_input(s, stt_ipcp, sizeof(stt_ipcp));
}

static void rx_queue_full(struct stt *s)
{
	stt_input(s, stt_ipcp, sizeof(stt_ipcp));
}

/* VJ compressed TCP, and no VJ state to restore it from. */
static void rx_vj(struct stt *s)
{
	static const u8 vjc[] = { 0x00, 0x2d, 0x00, 0x01, 0x00, 0x00 };

	stt_input(s, vjc, sizeof(vjc));
}

/* ---- CCP, against a fake decompressor */

#define STT_CI	0xf2	/* CCP option type nobody else uses */

static int stt_decomp_result;

static void *stt_comp_alloc(unsigned char *options, int opt_len)
{
	return kzalloc(16, GFP_KERNEL);
}

static void stt_comp_free(void *state)
{
	kfree(state);
}

static int stt_decomp_init(void *state, unsigned char *options, int opt_len,
			   int unit, int hdrlen, int mru, int debug)
{
	return 1;
}

static void stt_decomp_reset(void *state)
{
}

static int stt_decompress(void *state, unsigned char *ibuf, int isize,
			  unsigned char *obuf, int osize)
{
	return stt_decomp_result;
}

static struct compressor stt_comp = {
	.compress_proto	= STT_CI,
	.decomp_alloc	= stt_comp_alloc,
	.decomp_free	= stt_comp_free,
	.decomp_init	= stt_decomp_init,
	.decomp_reset	= stt_decomp_reset,
	.decompress	= stt_decompress,
	.owner		= THIS_MODULE,
};

static void stt_unregister_comp(void *comp)
{
	ppp_unregister_compressor(comp);
}

/* CCP as pppd runs it: receive compressor set, CCP open, peer's Ack. */
static void stt_ccp_up(struct stt *s, int flags, int result)
{
	static const u8 ack[] = { 0x80, 0xfd, CCP_CONFACK, 1, 0, 6,
				  STT_CI, 2 };
	struct kunit *test = s->t->test;
	u8 __user *uopt = (u8 __user *)s->t->umem + PAGE_SIZE;
	struct ppp_option_data data = {};
	u8 opt[2] = { STT_CI, 2 };
	u8 buf[16];

	stt_decomp_result = result;
	KUNIT_ASSERT_EQ(test, ppp_register_compressor(&stt_comp), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							stt_unregister_comp,
							&stt_comp), 0);
	KUNIT_ASSERT_EQ(test, copy_to_user(uopt, opt, sizeof(opt)), 0UL);
	data.ptr = (__u8 __force *)uopt;
	data.length = sizeof(opt);
	KUNIT_ASSERT_EQ(test, pgt_ioctl(s->t, s->ufd, PPPIOCSCOMPRESS, &data,
					sizeof(data)), 0L);
	stt_flags(s, flags | SC_CCP_OPEN);
	stt_input(s, ack, sizeof(ack));
	KUNIT_ASSERT_EQ(test, pgt_read(s->t, s->ufd, buf, sizeof(buf)),
			(long)sizeof(ack));
	stt_flags(s, flags | SC_CCP_OPEN | SC_CCP_UP);
}

static const u8 stt_comp_frame[] = { 0x00, 0xfd, 0x00, 0x01, 0xaa, 0xbb };

static void rx_ccp_prep(struct stt *s)
{
	stt_ccp_up(s, 0, DECOMP_ERROR);
}

static void rx_ccp(struct stt *s)
{
	stt_input(s, stt_comp_frame, sizeof(stt_comp_frame));
}

/* A fatal error first; then, nothing may come in the clear. */
static void rx_must_comp_prep(struct stt *s)
{
	stt_ccp_up(s, SC_MUST_COMP, DECOMP_FATALERROR);
	stt_input(s, stt_comp_frame, sizeof(stt_comp_frame));
}

static void rx_must_comp(struct stt *s)
{
	stt_input(s, stt_ip, sizeof(stt_ip));
}

/* A compressor that refuses every frame, as MPPE does without its key. */
#define STT_CI_TX	0xf3

static int stt_comp_init(void *state, unsigned char *options, int opt_len,
			 int unit, int opthdr, int debug)
{
	return 1;
}

static void stt_comp_reset(void *state)
{
}

static int stt_compress(void *state, unsigned char *rptr, unsigned char *obuf,
			int isize, int osize)
{
	return -1;
}

static struct compressor stt_xcomp = {
	.compress_proto	= STT_CI_TX,
	.comp_alloc	= stt_comp_alloc,
	.comp_free	= stt_comp_free,
	.comp_init	= stt_comp_init,
	.comp_reset	= stt_comp_reset,
	.compress	= stt_compress,
	.owner		= THIS_MODULE,
};

/* Transmit compressor set, CCP open, pppd's Ack goes out, CCP up. */
static void tx_ccp_prep(struct stt *s)
{
	static const u8 ack[] = { 0x80, 0xfd, CCP_CONFACK, 1, 0, 6,
				  STT_CI_TX, 2 };
	struct kunit *test = s->t->test;
	u8 __user *uopt = (u8 __user *)s->t->umem + PAGE_SIZE;
	struct ppp_option_data data = { .transmit = 1 };
	u8 opt[2] = { STT_CI_TX, 2 };

	KUNIT_ASSERT_EQ(test, ppp_register_compressor(&stt_xcomp), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							stt_unregister_comp,
							&stt_xcomp), 0);
	KUNIT_ASSERT_EQ(test, copy_to_user(uopt, opt, sizeof(opt)), 0UL);
	data.ptr = (__u8 __force *)uopt;
	data.length = sizeof(opt);
	KUNIT_ASSERT_EQ(test, pgt_ioctl(s->t, s->ufd, PPPIOCSCOMPRESS, &data,
					sizeof(data)), 0L);
	stt_flags(s, SC_CCP_OPEN);
	stt_write(s, ack, sizeof(ack));
	stt_flags(s, SC_CCP_OPEN | SC_CCP_UP);
}

static void tx_ccp(struct stt *s)
{
	stt_write(s, stt_ip, sizeof(stt_ip));
}

/* ---- multilink: long sequence numbers, one channel */

#define STT_MP(bits, seq)	0x00, 0x3d, (bits), 0x00, 0x00, (seq)

static void rx_mp_off(struct stt *s)
{
	static const u8 frag[] = { STT_MP(0xc0, 0), 0x80, 0x21, 1, 1, 0, 4 };

	stt_input(s, frag, sizeof(frag));	/* no MRRU set */
}

static void stt_mp_on(struct stt *s, int mrru)
{
	KUNIT_ASSERT_EQ(s->t->test, pgt_ioctl_int(s->t, s->ufd, PPPIOCSMRRU,
						  &mrru), 0L);
	stt_flags(s, SC_MULTILINK);
}

static const u8 stt_frag0[] = { STT_MP(0xc0, 0), 0x80, 0x21, 1, 1, 0, 4 };

static void rx_mp_late_prep(struct stt *s)
{
	stt_mp_on(s, 1500);
	stt_input(s, stt_frag0, sizeof(stt_frag0));
}

/* Fragment 0 again, once the receiver has moved past it. */
static void rx_mp_late(struct stt *s)
{
	stt_input(s, stt_frag0, sizeof(stt_frag0));
}

/* Six bytes of frame, two more than an MRRU of 2 lets through. */
static void rx_mp_overflow_prep(struct stt *s)
{
	stt_mp_on(s, 2);
}

/* A whole frame in one fragment, longer than the MRRU. */
static void rx_mp_overflow(struct stt *s)
{
	stt_input(s, stt_frag0, sizeof(stt_frag0));
}

/* ---- the table */

/* The device counters the unit moves (struct rtnl_link_stats64). */
enum {
	STT_RXE,	/* rx_errors */
	STT_TXE,	/* tx_errors */
	STT_RXD,	/* rx_dropped */
	STT_TXD,	/* tx_dropped */
	STT_RXL,	/* rx_length_errors */
	STT_DEV_COUNT
};

#define RXE	BIT(STT_RXE)
#define TXE	BIT(STT_TXE)
#define RXD	BIT(STT_RXD)
#define TXD	BIT(STT_TXD)
#define RXL	BIT(STT_RXL)

static const char *const stt_dev_names[STT_DEV_COUNT] = {
	"rx_errors", "tx_errors", "rx_dropped", "tx_dropped",
	"rx_length_errors",
};

struct stat_case {
	const char *stat;		/* ethtool -S name */
	void (*prep)(struct stt *s);	/* before the counters are read */
	void (*run)(struct stt *s);	/* makes it happen once */
	unsigned int dev;		/* device counters it moves */
};

static const struct stat_case stat_cases[] = {
	{ "tx_unknown_proto", NULL, tx_unknown, TXD },
	{ "tx_npmode_drop", NULL, tx_np_drop, TXD },
	{ "tx_npmode_queue", NULL, tx_np_queue, TXD },
	{ "tx_npmode_error", NULL, tx_np_error, TXD },
	{ "tx_filtered", stt_filter_none, tx_filtered, 0 },
	{ "tx_demand_queue_full", tx_demand_prep, tx_demand_full, 0 },
	{ "tx_no_channel", tx_no_channel_prep, stt_xmit_ip, 0 },
	{ "tx_recursion", tx_recursion_prep, stt_xmit_ip, 0 },
	{ "tx_ccp_errors", tx_ccp_prep, tx_ccp, TXE },
	{ "tx_ccp_reset_requests", NULL, tx_ccp_resetreq, 0 },
	{ "rx_no_protocol", NULL, rx_short, RXE | RXL },
	{ "rx_channel_errors", NULL, rx_chan_error, RXE },
	{ "rx_npmode_drop", NULL, rx_np_drop, 0 },
	{ "rx_npmode_queue", NULL, rx_np_queue, 0 },
	{ "rx_npmode_error", NULL, rx_np_error, 0 },
	{ "rx_if_down", NULL, rx_if_down, 0 },
	{ "rx_filtered", stt_filter_none, rx_filtered, 0 },
	{ "rx_unknown_proto", NULL, rx_unknown, 0 },
	{ "rx_pppd_queue_full", rx_queue_prep, rx_queue_full, 0 },
	{ "rx_vj_errors", NULL, rx_vj, RXE },
	{ "rx_ccp_errors", rx_ccp_prep, rx_ccp, RXE },
	{ "rx_ccp_must_comp", rx_must_comp_prep, rx_must_comp, RXE },
	{ "rx_mp_errors", NULL, rx_mp_off, RXE },
	{ "rx_mp_lost", rx_mp_late_prep, rx_mp_late, RXE | RXD },
	{ "rx_mp_overflow", rx_mp_overflow_prep, rx_mp_overflow,
	  RXE | RXD | RXL },
};

static void stat_case_desc(const struct stat_case *c, char *desc)
{
	strscpy(desc, c->stat, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(stat, stat_cases, stat_case_desc);

/* ethtool -S: the names and the values, as the ethtool core gets them. */
static u64 *stt_read(struct kunit *test, struct net_device *dev, u8 **names)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_stats es = {};
	int n;
	u64 *v;

	KUNIT_ASSERT_NOT_NULL(test, ops);
	n = ops->get_sset_count(dev, ETH_SS_STATS);
	KUNIT_ASSERT_GT(test, n, 0);
	v = kunit_kcalloc(test, n, sizeof(*v), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	if (names) {
		*names = kunit_kcalloc(test, n, ETH_GSTRING_LEN, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, *names);
		ops->get_strings(dev, ETH_SS_STATS, *names);
	}
	es.n_stats = n;
	rtnl_lock();
	ops->get_ethtool_stats(dev, &es, v);
	rtnl_unlock();
	return v;
}

/* The device counters, as "ip -s link" gets them. */
static void stt_dev_read(struct net_device *dev, u64 *v)
{
	struct rtnl_link_stats64 st;

	dev_get_stats(dev, &st);
	v[STT_RXE] = st.rx_errors;
	v[STT_TXE] = st.tx_errors;
	v[STT_RXD] = st.rx_dropped;
	v[STT_TXD] = st.tx_dropped;
	v[STT_RXL] = st.rx_length_errors;
}

static void stat_moves_by_one(struct kunit *test)
{
	const struct stat_case *c = test->param_value;
	struct stt *s = ((struct pgt *)test->priv)->ext;
	struct net_device *dev = s->ppp->dev;
	u64 dev_before[STT_DEV_COUNT], dev_after[STT_DEV_COUNT];
	int i, n, target = -1;
	u64 *before, *after;
	u8 *names;

	if (c->prep)
		c->prep(s);
	before = stt_read(test, dev, &names);
	stt_dev_read(dev, dev_before);
	c->run(s);
	after = stt_read(test, dev, NULL);
	stt_dev_read(dev, dev_after);
	for (i = 0; i < STT_DEV_COUNT; i++)
		KUNIT_EXPECT_EQ_MSG(test, dev_after[i],
				    dev_before[i] + !!(c->dev & BIT(i)),
				    "device counter %s", stt_dev_names[i]);

	n = dev->ethtool_ops->get_sset_count(dev, ETH_SS_STATS);
	for (i = 0; i < n; i++)
		if (!strcmp(names + i * ETH_GSTRING_LEN, c->stat))
			target = i;
	KUNIT_ASSERT_GE_MSG(test, target, 0, "no counter %s", c->stat);
	KUNIT_EXPECT_EQ(test, after[target], before[target] + 1);
	/* Of ppp_generic's own causes, no other moved. */
	for (i = 0; i < PPP_STAT_COUNT; i++)
		if (i != target)
			KUNIT_EXPECT_EQ_MSG(test, after[i], before[i],
					    "%s moved too",
					    names + i * ETH_GSTRING_LEN);
}

/*
 * A unit that has counted nothing holds no counters (creating one
 * allocates none) and reads zero; its first count allocates them.
 */
static void stats_on_first_count(struct kunit *test)
{
	struct stt *s = ((struct pgt *)test->priv)->ext;
	struct net_device *dev = s->ppp->dev;
	u64 *v;
	int i;

	KUNIT_EXPECT_NULL(test, READ_ONCE(s->ppp->stats));
	v = stt_read(test, dev, NULL);
	for (i = 0; i < PPP_STAT_COUNT; i++)
		KUNIT_EXPECT_EQ(test, v[i], 0ULL);
	tx_unknown(s);
	KUNIT_EXPECT_NOT_NULL(test, READ_ONCE(s->ppp->stats));
	tx_unknown(s);
	v = stt_read(test, dev, NULL);
	KUNIT_EXPECT_EQ(test, v[PPP_STAT_TX_UNKNOWN_PROTO], 2ULL);
}

static struct kunit_case ppp_generic_stats_cases[] = {
	KUNIT_CASE_PARAM(stat_moves_by_one, stat_gen_params),
	KUNIT_CASE(stats_on_first_count),
	{}
};

static struct kunit_suite ppp_generic_stats_suite = {
	.name = "ppp_generic_stats",
	.init = stt_init,
	.exit = pgt_exit,
	.test_cases = ppp_generic_stats_cases,
};

kunit_test_suite(ppp_generic_stats_suite);
