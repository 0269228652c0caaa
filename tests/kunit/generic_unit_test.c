// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_generic_unit: units (PPPIOCNEWUNIT, PPPIOCATTACH, close) and the
 * ioctls pppd issues on a unit fd; write() length checks.
 */
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/filter.h>
#include <linux/ppp-comp.h>
#include <linux/workqueue.h>
#include "pgt_util.h"

static bool pgt_dev_exists(int unit)
{
	char name[IFNAMSIZ];
	bool found;

	snprintf(name, sizeof(name), "ppp%d", unit);
	rtnl_lock();
	found = __dev_get_by_name(&init_net, name);
	rtnl_unlock();
	return found;
}

static void unit_create_destroy(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct file *f;
	int unit, got = -1;

	f = pgt_new_unit(t, &unit);
	KUNIT_EXPECT_TRUE(test, pgt_dev_exists(unit));
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, f, PPPIOCGUNIT, &got), 0L);
	KUNIT_EXPECT_EQ(test, got, unit);
	/* A second NEWUNIT on an attached fd is a unit ioctl: ENOTTY. */
	got = -1;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, f, PPPIOCNEWUNIT, &got),
			(long)-ENOTTY);
	pgt_close(t, f);
	KUNIT_EXPECT_FALSE(test, pgt_dev_exists(unit));
}

/* Numbers far above what anything else in the guest uses. */
static void unit_create_numbered(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct file *a = pgt_open(t), *b = pgt_open(t);
	int want = 4000, got;

	got = want;
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(t, a, PPPIOCNEWUNIT, &got), 0L);
	KUNIT_EXPECT_EQ(test, got, want);
	got = want;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, b, PPPIOCNEWUNIT, &got),
			(long)-EEXIST);
	KUNIT_EXPECT_NULL(test, b->private_data);
	/* The number is free again once the owner is gone. */
	pgt_close(t, a);
	got = want;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, b, PPPIOCNEWUNIT, &got), 0L);
	KUNIT_EXPECT_EQ(test, got, want);
}

/* A device that only holds a name (unit_name_taken). */
static netdev_tx_t name_holder_xmit(struct sk_buff *skb,
				    struct net_device *dev)
{
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops name_holder_ops = {
	.ndo_start_xmit = name_holder_xmit,
};

static void name_holder_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &name_holder_ops;
	dev->needs_free_netdev = true;
}

/*
 * A "pppN" name held by another device: a unit created with no number
 * skips N and takes the next number whose name is free, named after
 * it; asking for N fails with EEXIST.
 */
static void unit_name_taken(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct net_device *holder;
	struct file *a, *b, *c;
	char name[IFNAMSIZ];
	int na, nb, want;

	/* every number below na is in use now */
	a = pgt_new_unit(t, &na);
	snprintf(name, sizeof(name), "ppp%d", na + 1);
	holder = alloc_netdev(0, name, NET_NAME_USER, name_holder_setup);
	KUNIT_ASSERT_NOT_NULL(test, holder);
	if (register_netdev(holder)) {
		free_netdev(holder);
		pgt_close(t, a);
		kunit_skip(test, "%s is in use here", name);
	}

	b = pgt_new_unit(t, &nb);
	KUNIT_EXPECT_GT(test, nb, na + 1);
	KUNIT_EXPECT_TRUE(test, pgt_dev_exists(nb));
	snprintf(name, sizeof(name), "ppp%d", nb);
	KUNIT_EXPECT_STREQ(test, pgt_unit(b)->dev->name, name);

	c = pgt_open(t);
	want = na + 1;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, c, PPPIOCNEWUNIT, &want),
			(long)-EEXIST);
	KUNIT_EXPECT_NULL(test, c->private_data);

	pgt_close(t, c);
	pgt_close(t, b);
	pgt_close(t, a);
	unregister_netdev(holder);
}

/* Closing the owner kills the unit; other fds then read EOF. */
static void unit_owner_close(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct file *owner, *other, *late;
	int unit, n;
	char buf[8];

	owner = pgt_new_unit(t, &unit);
	other = pgt_open(t);
	n = unit;
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(t, other, PPPIOCATTACH, &n), 0L);
	/* With no channel and no demand dialling, read says EOF at once. */
	KUNIT_EXPECT_EQ(test, pgt_read(t, other, buf, sizeof(buf)), 0L);
	pgt_close(t, owner);
	KUNIT_EXPECT_FALSE(test, pgt_dev_exists(unit));
	KUNIT_EXPECT_TRUE(test, READ_ONCE(pgt_unit(other)->file.dead));
	KUNIT_EXPECT_EQ(test, pgt_read(t, other, buf, sizeof(buf)), 0L);
	late = pgt_open(t);
	n = unit;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, late, PPPIOCATTACH, &n),
			(long)-ENXIO);
}

/*
 * close() of the owner fd returns with the interface gone and its
 * number free, as in-tree: what pppd does next (a new unit, the same
 * name) must not find them taken.
 */
static void unit_gone_at_close(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct file *f, *g;
	int unit, again;

	f = pgt_new_unit(t, &unit);
	pgt_close_nowait(t, f);
	KUNIT_EXPECT_FALSE(test, pgt_dev_exists(unit));
	g = pgt_open(t);
	again = unit;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, g, PPPIOCNEWUNIT, &again), 0L);
	KUNIT_EXPECT_EQ(test, again, unit);
}

/* How long the references of the held devices below are kept. */
#define PGT_HELD_MS	3000

struct pgt_held {
	struct delayed_work release;
	struct net_device *dev[2];
};

static void pgt_held_release(struct work_struct *work)
{
	struct pgt_held *h = container_of(to_delayed_work(work),
					  struct pgt_held, release);

	dev_put(h->dev[0]);
	dev_put(h->dev[1]);
}

/* Up to @ms for unit @unit's device to leave the device list. */
static bool pgt_wait_dev_gone(int unit, unsigned int ms)
{
	while (pgt_dev_exists(unit) && ms--)
		usleep_range(1000, 2000);
	return !pgt_dev_exists(unit);
}

/*
 * A closed unit's device that does not become free (something holds a
 * reference: "waiting for pppN to become free") keeps only its own
 * teardown waiting: creating a unit meanwhile must not wait for it.
 * Two such devices, one closed after the other's teardown has begun.
 * The references are dropped after PGT_HELD_MS whatever happens, so a
 * creation stuck behind them shows as taking that long.
 */
static void unit_create_while_device_held(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct pgt_held h;
	struct file *a, *b, *c;
	int ua, ub, uc = -1;
	unsigned long t0, ms;
	long err;

	a = pgt_new_unit(t, &ua);
	b = pgt_new_unit(t, &ub);
	h.dev[0] = pgt_unit(a)->dev;
	h.dev[1] = pgt_unit(b)->dev;
	dev_hold(h.dev[0]);
	dev_hold(h.dev[1]);
	INIT_DELAYED_WORK_ONSTACK(&h.release, pgt_held_release);
	schedule_delayed_work(&h.release, msecs_to_jiffies(PGT_HELD_MS));

	pgt_close_nowait(t, a);
	KUNIT_EXPECT_TRUE(test, pgt_wait_dev_gone(ua, 1000));
	pgt_close_nowait(t, b);
	c = pgt_open(t);
	t0 = jiffies;
	err = pgt_ioctl_int(t, c, PPPIOCNEWUNIT, &uc);
	ms = jiffies_to_msecs(jiffies - t0);

	if (cancel_delayed_work_sync(&h.release))
		pgt_held_release(&h.release.work);
	destroy_delayed_work_on_stack(&h.release);
	ppp_unit_remove_flush();
	KUNIT_EXPECT_EQ(test, err, 0L);
	KUNIT_EXPECT_LT_MSG(test, ms, PGT_HELD_MS / 2UL,
			    "PPPIOCNEWUNIT waited for held devices");
}

static atomic_t pgt_post_init_fails = ATOMIC_INIT(0);

/* Fails the next @pgt_post_init_fails registrations of ppp devices. */
static int pgt_post_init_event(struct notifier_block *nb,
			       unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);

	if (event != NETDEV_POST_INIT || dev->type != ARPHRD_PPP ||
	    !atomic_add_unless(&pgt_post_init_fails, -1, 0))
		return NOTIFY_DONE;
	return notifier_from_errno(-EEXIST);
}

/*
 * register_netdevice() failing after the device's ndo_init ran (here
 * NETDEV_POST_INIT, with EEXIST as a sysfs name clash would give): the
 * device cannot be registered again, the unit was shut by ndo_uninit.
 * PPPIOCNEWUNIT fails with that error, as in-tree, rather than trying
 * again with the next number; the next creation works.
 */
static void unit_register_fails_after_init(struct kunit *test)
{
	struct notifier_block nb = { .notifier_call = pgt_post_init_event };
	struct pgt *t = test->priv;
	struct ppp_unit *ppp;
	struct file *f;
	int unit = -1, next;
	long err;

	KUNIT_ASSERT_EQ(test, register_netdevice_notifier(&nb), 0);
	atomic_set(&pgt_post_init_fails, 1);
	f = pgt_open(t);
	err = pgt_ioctl_int(t, f, PPPIOCNEWUNIT, &unit);
	atomic_set(&pgt_post_init_fails, 0);
	unregister_netdevice_notifier(&nb);

	KUNIT_EXPECT_EQ(test, err, (long)-EEXIST);
	ppp = pgt_unit(f);
	KUNIT_EXPECT_NULL(test, ppp);
	if (ppp) {
		/* A second registration went through: nobody owns it. */
		KUNIT_EXPECT_NULL(test, ppp->owner);
		rtnl_lock();
		if (ppp->dev->reg_state == NETREG_REGISTERED)
			unregister_netdevice(ppp->dev);
		rtnl_unlock();
	}
	pgt_new_unit(t, &next);
	KUNIT_EXPECT_TRUE(test, pgt_dev_exists(next));
}

static void unit_unattached_ioctls(struct kunit *test)
{
	struct pgt *t = test->priv;
	struct file *f = pgt_open(t);
	int v = 0x7fff0000;
	char buf[4];

	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, f, PPPIOCGUNIT, &v),
			(long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, f, PPPIOCATTACH, &v),
			(long)-ENXIO);
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, f, PPPIOCATTCHAN, &v),
			(long)-ENXIO);
	KUNIT_EXPECT_EQ(test, pgt_read(t, f, buf, sizeof(buf)), (long)-ENXIO);
	KUNIT_EXPECT_EQ(test, pgt_write(t, f, "\xc0\x21\x01\x01\x00\x04", 6),
			(long)-ENXIO);
}

/* ---- PPPIOCSMRU */

struct int_case {
	const char *name;
	int val;
	long err;
};

static void int_case_desc(const struct int_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

/*
 * Any int is taken, as in-tree; the MRU sizes the decompressor's output
 * buffer, so the unit keeps it within 0..PPP_MAX_MRU.
 */
static const struct int_case mru_cases[] = {
	{ "int_min", INT_MIN, 0 },
	{ "negative", -1, 0 },
	{ "zero", 0, 0 },
	{ "default", PPP_MRU, 0 },
	{ "max", PPP_MAX_MRU, 0 },
	{ "max+1", PPP_MAX_MRU + 1, 0 },
	{ "int_max", INT_MAX, 0 },
};

KUNIT_ARRAY_PARAM(mru, mru_cases, int_case_desc);

static void unit_set_mru(struct kunit *test)
{
	const struct int_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct file *f;
	int unit, v = c->val;

	f = pgt_new_unit(t, &unit);
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, f, PPPIOCSMRU, &v), c->err);
	KUNIT_EXPECT_EQ(test, pgt_unit(f)->mru,
			clamp_t(int, c->val, 0, PPP_MAX_MRU));
}

/*
 * PPPIOCSMRRU: any int, as in-tree.  0 turns multilink receive off; a
 * negative MRRU leaves it on with no frame short enough; above
 * PPP_MAX_MRU is PPP_MAX_MRU (the length check must not overflow).
 */
static void unit_set_mrru(struct kunit *test)
{
	const struct int_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct file *f;
	int unit, v = c->val;

	f = pgt_new_unit(t, &unit);
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, f, PPPIOCSMRRU, &v), c->err);
	KUNIT_EXPECT_EQ(test, pgt_unit(f)->mp.mrru,
			min_t(int, c->val, PPP_MAX_MRU));
}

/* ---- PPPIOCSMAXCID: low 16 bits tx slots - 1, high 16 rx slots - 1 */

static const struct int_case maxcid_cases[] = {
	{ "tx0_rxdefault", 0, 0 },
	{ "tx15_rxdefault", 15, 0 },
	{ "tx254_rx254", (254 << 16) | 254, 0 },
	{ "tx255", 255, -EINVAL },
	{ "tx_ffff", 0xffff, -EINVAL },
	{ "rx255", 255 << 16, -EINVAL },
	/* The rx id is signed, as in-tree: 0xffff is -1, no rx slots. */
	{ "rx_ffff", 0xffff0000, 0 },
	{ "rx_ffff_tx15", 0xffff000f, 0 },
	{ "rx_fffe", 0xfffe0000, -EINVAL },
	{ "rx_8000", 0x80000000, -EINVAL },
	{ "negative", -1, -EINVAL },
};

KUNIT_ARRAY_PARAM(maxcid, maxcid_cases, int_case_desc);

static void unit_set_maxcid(struct kunit *test)
{
	const struct int_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct ppp_vjc *before;
	struct file *f;
	int unit, v = 15;

	f = pgt_new_unit(t, &unit);
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(t, f, PPPIOCSMAXCID, &v), 0L);
	before = pgt_unit(f)->vj;
	KUNIT_ASSERT_NOT_NULL(test, before);
	v = c->val;
	KUNIT_EXPECT_EQ(test, pgt_ioctl_int(t, f, PPPIOCSMAXCID, &v), c->err);
	if (c->err) {
		/* A refused value keeps the old state. */
		KUNIT_EXPECT_PTR_EQ(test, pgt_unit(f)->vj, before);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, pgt_unit(f)->vj);
	KUNIT_EXPECT_EQ(test, (int)pgt_unit(f)->vj->tx_slots,
			(c->val & 0xffff) + 1);
	if (((u32)c->val >> 16) == 0xffff)
		KUNIT_EXPECT_EQ(test, (int)pgt_unit(f)->vj->rx_slots, 0);
	else
		KUNIT_EXPECT_NE(test, (int)pgt_unit(f)->vj->rx_slots, 0);
}

/* ---- PPPIOCSNPMODE / PPPIOCGNPMODE */

struct np_case {
	const char *name;
	int proto;
	long err;
};

static void np_case_desc(const struct np_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct np_case np_cases[] = {
	{ "ip", PPP_IP, 0 },
	{ "ipv6", PPP_IPV6, 0 },
	{ "ipx", PPP_IPX, 0 },
	{ "at", PPP_AT, 0 },
	{ "mpls_uc", PPP_MPLS_UC, 0 },
	{ "mpls_mc", PPP_MPLS_MC, 0 },
	{ "lcp", PPP_LCP, -EINVAL },
	{ "ipcp", PPP_IPCP, -EINVAL },
	{ "vjc", PPP_VJC_COMP, -EINVAL },
	{ "zero", 0, -EINVAL },
	{ "negative", -1, -EINVAL },
};

KUNIT_ARRAY_PARAM(np, np_cases, np_case_desc);

static void unit_npmode(struct kunit *test)
{
	static const enum NPmode modes[] = {
		NPMODE_DROP, NPMODE_ERROR, NPMODE_QUEUE, NPMODE_PASS,
	};
	const struct np_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct npioctl npi;
	struct file *f;
	int unit, i;

	f = pgt_new_unit(t, &unit);
	npi.protocol = c->proto;
	KUNIT_EXPECT_EQ(test, pgt_ioctl(t, f, PPPIOCGNPMODE, &npi, sizeof(npi)),
			c->err);
	if (c->err) {
		npi.mode = NPMODE_DROP;
		KUNIT_EXPECT_EQ(test, pgt_ioctl(t, f, PPPIOCSNPMODE, &npi,
						sizeof(npi)), c->err);
		return;
	}
	KUNIT_EXPECT_EQ(test, npi.mode, NPMODE_PASS);	/* the default */
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		npi.protocol = c->proto;
		npi.mode = modes[i];
		KUNIT_EXPECT_EQ(test, pgt_ioctl(t, f, PPPIOCSNPMODE, &npi,
						sizeof(npi)), 0L);
		npi.mode = -1;
		KUNIT_EXPECT_EQ(test, pgt_ioctl(t, f, PPPIOCGNPMODE, &npi,
						sizeof(npi)), 0L);
		KUNIT_EXPECT_EQ(test, npi.mode, modes[i]);
	}
}

/* ---- PPPIOCSCOMPRESS, against a fake compressor */

#define PGT_CI	0xf0	/* CCP option type nobody else uses */

static atomic_t pgt_comp_live = ATOMIC_INIT(0);
static bool pgt_comp_fail;

static void *pgt_comp_alloc(unsigned char *options, int opt_len)
{
	void *state;

	if (READ_ONCE(pgt_comp_fail))
		return NULL;
	state = kzalloc(16, GFP_KERNEL);
	if (state)
		atomic_inc(&pgt_comp_live);
	return state;
}

static void pgt_comp_free(void *state)
{
	atomic_dec(&pgt_comp_live);
	kfree(state);
}

static struct compressor pgt_comp = {
	.compress_proto	= PGT_CI,
	.comp_alloc	= pgt_comp_alloc,
	.comp_free	= pgt_comp_free,
	.decomp_alloc	= pgt_comp_alloc,
	.decomp_free	= pgt_comp_free,
	.owner		= THIS_MODULE,
};

struct ccp_case {
	const char *name;
	u8 opt[CCP_MAX_OPTION_LENGTH + 2];
	u32 length;
	bool transmit;
	bool fail_alloc;
	long err;
};

static void ccp_case_desc(const struct ccp_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct ccp_case ccp_cases[] = {
	{ "tx_ok", { PGT_CI, 3, 0 }, 3, true, false, 0 },
	{ "rx_ok", { PGT_CI, 3, 0 }, 3, false, false, 0 },
	{ "opt_len_2", { PGT_CI, 2 }, 2, true, false, 0 },
	{ "length_0", { PGT_CI, 2 }, 0, true, false, -EINVAL },
	{ "length_1", { PGT_CI, 2 }, 1, true, false, -EINVAL },
	{ "opt_len_0", { PGT_CI, 0, 0 }, 3, true, false, -EINVAL },
	{ "opt_len_1", { PGT_CI, 1, 0 }, 3, true, false, -EINVAL },
	{ "opt_len_past_end", { PGT_CI, 4, 0 }, 3, true, false, -EINVAL },
	{ "length_max", { PGT_CI, CCP_MAX_OPTION_LENGTH },
	  CCP_MAX_OPTION_LENGTH, true, false, 0 },
	{ "length_max+1", { PGT_CI, 2 }, CCP_MAX_OPTION_LENGTH + 1, true,
	  false, -EFAULT },
	{ "unknown_type", { 0xfe, 3, 0 }, 3, true, false, -EINVAL },
	{ "alloc_fails", { PGT_CI, 3, 0 }, 3, false, true, -ENOBUFS },
};

KUNIT_ARRAY_PARAM(ccp, ccp_cases, ccp_case_desc);

static void unit_set_compress(struct kunit *test)
{
	const struct ccp_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct ppp_option_data data = {};
	u8 __user *uopt = (u8 __user *)t->umem + PAGE_SIZE;
	struct ppp_unit *ppp;
	struct file *f;
	int unit, live;

	KUNIT_ASSERT_EQ(test, ppp_register_compressor(&pgt_comp), 0);
	live = atomic_read(&pgt_comp_live);
	WRITE_ONCE(pgt_comp_fail, c->fail_alloc);
	f = pgt_new_unit(t, &unit);
	ppp = pgt_unit(f);

	KUNIT_ASSERT_EQ(test, copy_to_user(uopt, c->opt, sizeof(c->opt)), 0UL);
	data.ptr = (__u8 __force *)uopt;
	data.length = c->length;
	data.transmit = c->transmit;
	KUNIT_EXPECT_EQ(test, pgt_ioctl(t, f, PPPIOCSCOMPRESS, &data,
					sizeof(data)), c->err);
	if (!c->err) {
		KUNIT_EXPECT_PTR_EQ(test, c->transmit ? ppp->xcomp : ppp->rcomp,
				    &pgt_comp);
		KUNIT_EXPECT_EQ(test, atomic_read(&pgt_comp_live), live + 1);
		/* Setting it again replaces (and frees) the old state. */
		KUNIT_EXPECT_EQ(test, pgt_ioctl(t, f, PPPIOCSCOMPRESS, &data,
						sizeof(data)), 0L);
		KUNIT_EXPECT_EQ(test, atomic_read(&pgt_comp_live), live + 1);
	} else {
		KUNIT_EXPECT_NULL(test, ppp->xcomp);
		KUNIT_EXPECT_NULL(test, ppp->rcomp);
	}
	/* The unit's end frees the state and the module reference. */
	pgt_close(t, f);
	KUNIT_EXPECT_EQ(test, atomic_read(&pgt_comp_live), live);
	WRITE_ONCE(pgt_comp_fail, false);
	ppp_unregister_compressor(&pgt_comp);
}

/* ---- PPPIOCSPASS / PPPIOCSACTIVE */

struct filter_case {
	const char *name;
	unsigned int cmd;
	unsigned short len;
	bool null_prog;
	bool bad_jump;
	long err;
};

static void filter_case_desc(const struct filter_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct filter_case filter_cases[] = {
	{ "pass_len0", PPPIOCSPASS, 0, true, false, 0 },
	{ "active_len0", PPPIOCSACTIVE, 0, true, false, 0 },
	{ "pass_accept_all", PPPIOCSPASS, 1, false, false, 0 },
	{ "active_accept_all", PPPIOCSACTIVE, 1, false, false, 0 },
	{ "pass_null_prog", PPPIOCSPASS, 1, true, false, -EFAULT },
	{ "pass_bad_jump", PPPIOCSPASS, 2, false, true, -EINVAL },
	{ "pass_too_long", PPPIOCSPASS, BPF_MAXINSNS + 1, false, false,
	  -EINVAL },
};

KUNIT_ARRAY_PARAM(filter, filter_cases, filter_case_desc);

static void unit_set_filter(struct kunit *test)
{
	const struct filter_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct sock_filter prog[2] = {
		BPF_STMT(BPF_RET | BPF_K, 0xffffffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_filter __user *uprog = t->umem + PAGE_SIZE;
	struct sock_fprog fp = {};
	struct bpf_prog **slot;
	struct file *f;
	int unit;

	if (c->bad_jump)
		prog[0] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JA, 5, 0, 0);
	f = pgt_new_unit(t, &unit);
	slot = c->cmd == PPPIOCSPASS ? &pgt_unit(f)->pass_filter :
				       &pgt_unit(f)->active_filter;
	KUNIT_ASSERT_EQ(test, copy_to_user(uprog, prog, sizeof(prog)), 0UL);
	fp.len = c->len;
	fp.filter = c->null_prog ? NULL : (struct sock_filter __force *)uprog;
	KUNIT_EXPECT_EQ(test, pgt_ioctl(t, f, c->cmd, &fp, sizeof(fp)), c->err);
	if (c->err || !c->len) {
		KUNIT_EXPECT_NULL(test, *slot);
		return;
	}
	KUNIT_EXPECT_NOT_NULL(test, *slot);
	/* Length 0 removes it again. */
	fp.len = 0;
	fp.filter = NULL;
	KUNIT_EXPECT_EQ(test, pgt_ioctl(t, f, c->cmd, &fp, sizeof(fp)), 0L);
	KUNIT_EXPECT_NULL(test, *slot);
}

/* ---- write() on a unit fd: the length gates come first */

struct wlen_case {
	const char *name;
	size_t len;
	u16 proto;
	long err;	/* 0: the whole length is accepted */
};

static void wlen_case_desc(const struct wlen_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static const struct wlen_case unit_wlen_cases[] = {
	{ "len0", 0, PPP_IP, -EINVAL },
	{ "len1", 1, PPP_IP, -EINVAL },
	{ "len2_proto_only", 2, PPP_IPCP, 0 },
	{ "lcp_truncated", 5, PPP_LCP, -EINVAL },
	{ "lcp_header", 6, PPP_LCP, 0 },
	{ "max", PPP_MAX_MRU + PPP_HDRLEN, PPP_IPCP, 0 },
	{ "max+1", PPP_MAX_MRU + PPP_HDRLEN + 1, PPP_IPCP, -EINVAL },
};

KUNIT_ARRAY_PARAM(unit_wlen, unit_wlen_cases, wlen_case_desc);

static void unit_write_length(struct kunit *test)
{
	const struct wlen_case *c = test->param_value;
	struct pgt *t = test->priv;
	struct file *f;
	u8 *buf;
	int unit;

	buf = kunit_kzalloc(test, c->len + 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	put_unaligned_be16(c->proto, buf);
	f = pgt_new_unit(t, &unit);
	KUNIT_EXPECT_EQ(test, pgt_write(t, f, buf, c->len),
			c->err ? c->err : (long)c->len);
}

static struct kunit_case ppp_generic_unit_cases[] = {
	KUNIT_CASE(unit_create_destroy),
	KUNIT_CASE(unit_create_numbered),
	KUNIT_CASE(unit_name_taken),
	KUNIT_CASE(unit_owner_close),
	KUNIT_CASE(unit_gone_at_close),
	KUNIT_CASE(unit_create_while_device_held),
	KUNIT_CASE(unit_register_fails_after_init),
	KUNIT_CASE(unit_unattached_ioctls),
	KUNIT_CASE_PARAM(unit_set_mru, mru_gen_params),
	KUNIT_CASE_PARAM(unit_set_mrru, mru_gen_params),
	KUNIT_CASE_PARAM(unit_set_maxcid, maxcid_gen_params),
	KUNIT_CASE_PARAM(unit_npmode, np_gen_params),
	KUNIT_CASE_PARAM(unit_set_compress, ccp_gen_params),
	KUNIT_CASE_PARAM(unit_set_filter, filter_gen_params),
	KUNIT_CASE_PARAM(unit_write_length, unit_wlen_gen_params),
	{}
};

static struct kunit_suite ppp_generic_unit_suite = {
	.name = "ppp_generic_unit",
	.init = pgt_init,
	.exit = pgt_exit,
	.test_cases = ppp_generic_unit_cases,
};

kunit_test_suite(ppp_generic_unit_suite);
