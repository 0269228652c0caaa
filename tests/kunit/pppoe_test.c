// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe_wire: the header checks of received PPPoE frames (pppoe_wire.c):
 * every field, every cut of a good header, padding after the payload.
 * pppoe_table: the per-netns session table (pppoe_table.c): the key is
 * the whole triple (sid, peer MAC, ifindex), duplicates are refused,
 * lookups take a reference, removal is idempotent, the flush search
 * finds only the device's sessions.
 *
 * Both files are compiled into this module (pppoe.ko is not needed);
 * the table is exercised on sessions that are bare structs, not
 * sockets: it only reads their key, link and reference count.  Every
 * header handed to the checks is allocated at its exact length, so
 * KASAN reports any read past it.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

#include "pppoe_wire.c"
#include "pppoe_table.c"

/* ---- pppoe_wire */

struct ses_case {
	const char *name;
	u8 bytes[16];
	unsigned int len;
	enum pppoe_hdr_verdict want;
	unsigned int plen;
};

/* 11 00 | sid 00 01 | length | PPP protocol 00 21 | payload */
static const struct ses_case ses_cases[] = {
	{ "good", { 0x11, 0, 0, 1, 0, 4, 0, 0x21, 0xaa, 0xbb }, 10, PPPOE_HDR_OK, 4 },
	{ "good-padded", { 0x11, 0, 0, 1, 0, 2, 0, 0x21, 0, 0, 0, 0 }, 12, PPPOE_HDR_OK, 2 },
	{ "good-lcp", { 0x11, 0, 0x12, 0x34, 0, 2, 0xc0, 0x21 }, 8, PPPOE_HDR_OK, 2 },
	{ "version-2", { 0x21, 0, 0, 1, 0, 2, 0, 0x21 }, 8, PPPOE_HDR_VER_TYPE },
	{ "type-2", { 0x12, 0, 0, 1, 0, 2, 0, 0x21 }, 8, PPPOE_HDR_VER_TYPE },
	{ "ver-type-0", { 0x00, 0, 0, 1, 0, 2, 0, 0x21 }, 8, PPPOE_HDR_VER_TYPE },
	{ "code-padt", { 0x11, 0xa7, 0, 1, 0, 2, 0, 0x21 }, 8, PPPOE_HDR_CODE },
	{ "length-0", { 0x11, 0, 0, 1, 0, 0, 0, 0x21 }, 8, PPPOE_HDR_LENGTH },
	{ "length-1", { 0x11, 0, 0, 1, 0, 1, 0, 0x21 }, 8, PPPOE_HDR_LENGTH },
	{ "length-past-end", { 0x11, 0, 0, 1, 0, 5, 0, 0x21, 1, 2 }, 10, PPPOE_HDR_LENGTH },
	{ "length-max", { 0x11, 0, 0, 1, 0xff, 0xff, 0, 0x21 }, 8, PPPOE_HDR_LENGTH },
	{ "pfc", { 0x11, 0, 0, 1, 0, 3, 0x21, 0x45, 0 }, 9, PPPOE_HDR_PFC },
	{ "short-7", { 0x11, 0, 0, 1, 0, 2, 0 }, 7, PPPOE_HDR_SHORT },
};

static void ses_case_desc(const struct ses_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ses, ses_cases, ses_case_desc);

static void wire_session(struct kunit *test)
{
	const struct ses_case *c = test->param_value;
	unsigned int plen = 0xdead;
	u8 *buf;

	buf = kunit_kmalloc(test, c->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memcpy(buf, c->bytes, c->len);
	KUNIT_EXPECT_EQ(test, pppoe_check_session(buf, c->len, &plen), c->want);
	if (c->want == PPPOE_HDR_OK)
		KUNIT_EXPECT_EQ(test, plen, c->plen);
	else
		KUNIT_EXPECT_EQ(test, plen, 0xdeadU);
}

/* Every cut of a good frame short of header + protocol is SHORT. */
static void wire_session_cuts(struct kunit *test)
{
	static const u8 good[] = { 0x11, 0, 0, 1, 0, 2, 0, 0x21 };
	unsigned int cut, plen;
	u8 *buf;

	for (cut = 0; cut < sizeof(good); cut++) {
		buf = kunit_kmalloc(test, cut ? cut : 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, buf);
		memcpy(buf, good, cut);
		KUNIT_EXPECT_EQ_MSG(test, pppoe_check_session(buf, cut, &plen),
				    PPPOE_HDR_SHORT, "cut at %u", cut);
	}
}

/* The length field against every frame length around it. */
static void wire_session_length_sweep(struct kunit *test)
{
	unsigned int field, len, plen;
	enum pppoe_hdr_verdict want;
	u8 *buf;

	for (len = 8; len <= 40; len++) {
		buf = kunit_kzalloc(test, len, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, buf);
		buf[0] = 0x11;
		buf[3] = 1;
		buf[7] = 0x21;
		for (field = 0; field <= 40; field++) {
			buf[4] = field >> 8;
			buf[5] = field & 0xff;
			want = field >= 2 && field <= len - 6 ? PPPOE_HDR_OK :
			       PPPOE_HDR_LENGTH;
			KUNIT_EXPECT_EQ_MSG(test, pppoe_check_session(buf, len, &plen),
					    want, "len %u field %u", len, field);
		}
	}
}

static void wire_disc(struct kunit *test)
{
	static const u8 padt[] = { 0x11, 0xa7, 0, 1, 0, 0 };
	static const u8 padt_tags[] = { 0x11, 0xa7, 0, 1, 0, 4, 1, 1, 0, 0 };
	u8 *buf;

	buf = kunit_kmalloc(test, sizeof(padt_tags), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memcpy(buf, padt, sizeof(padt));
	KUNIT_EXPECT_EQ(test, pppoe_check_disc(buf, 6), PPPOE_HDR_OK);
	KUNIT_EXPECT_EQ(test, pppoe_check_disc(buf, 5), PPPOE_HDR_SHORT);
	KUNIT_EXPECT_EQ(test, pppoe_check_disc(buf, 0), PPPOE_HDR_SHORT);
	buf[0] = 0x21;
	KUNIT_EXPECT_EQ(test, pppoe_check_disc(buf, 6), PPPOE_HDR_VER_TYPE);
	memcpy(buf, padt_tags, sizeof(padt_tags));
	KUNIT_EXPECT_EQ(test, pppoe_check_disc(buf, 10), PPPOE_HDR_OK);
	KUNIT_EXPECT_EQ(test, pppoe_check_disc(buf, 9), PPPOE_HDR_LENGTH);
}

static struct kunit_case pppoe_wire_cases[] = {
	KUNIT_CASE_PARAM(wire_session, ses_gen_params),
	KUNIT_CASE(wire_session_cuts),
	KUNIT_CASE(wire_session_length_sweep),
	KUNIT_CASE(wire_disc),
	{}
};

static struct kunit_suite pppoe_wire_suite = {
	.name = "pppoe_wire",
	.test_cases = pppoe_wire_cases,
};

/* ---- pppoe_table */

static const u8 mac_a[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x0a };
static const u8 mac_b[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x0b };

static int table_init(struct kunit *test)
{
	struct pppoe_net *pn = kunit_kzalloc(test, sizeof(*pn), GFP_KERNEL);

	if (!pn)
		return -ENOMEM;
	pppoe_table_init(pn);
	test->priv = pn;
	return 0;
}

static struct pppoe_sock *fake_session(struct kunit *test, u16 sid,
				       const u8 *mac, int ifindex)
{
	struct pppoe_sock *po = kunit_kzalloc(test, sizeof(*po), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, po);
	po->pa.sid = htons(sid);
	ether_addr_copy(po->pa.remote, mac);
	po->ifindex = ifindex;
	INIT_HLIST_NODE(&po->node);
	refcount_set(&po->px.sk.sk_refcnt, 1);
	return po;
}

static int add(struct pppoe_net *pn, struct pppoe_sock *po)
{
	int err;

	spin_lock_bh(&pn->lock);
	err = pppoe_table_add(pn, po);
	spin_unlock_bh(&pn->lock);
	return err;
}

static void del(struct pppoe_net *pn, struct pppoe_sock *po)
{
	spin_lock_bh(&pn->lock);
	pppoe_table_del(pn, po);
	spin_unlock_bh(&pn->lock);
}

static struct pppoe_sock *find(struct pppoe_net *pn, u16 sid, const u8 *mac,
			       int ifindex)
{
	struct pppoe_sock *po;

	rcu_read_lock();
	po = pppoe_table_find_rcu(pn, htons(sid), mac, ifindex);
	rcu_read_unlock();
	return po;
}

/* Only the whole triple finds a session. */
static void table_key(struct kunit *test)
{
	struct pppoe_net *pn = test->priv;
	struct pppoe_sock *po = fake_session(test, 7, mac_a, 3);

	KUNIT_ASSERT_EQ(test, add(pn, po), 0);
	KUNIT_EXPECT_PTR_EQ(test, find(pn, 7, mac_a, 3), po);
	KUNIT_EXPECT_NULL(test, find(pn, 8, mac_a, 3));
	KUNIT_EXPECT_NULL(test, find(pn, 7, mac_b, 3));
	KUNIT_EXPECT_NULL(test, find(pn, 7, mac_a, 4));
	KUNIT_EXPECT_NULL(test, find(pn, 0x700, mac_a, 3));	/* byte order */
	del(pn, po);
	KUNIT_EXPECT_TRUE(test, pppoe_table_empty(pn));
}

static void table_duplicates(struct kunit *test)
{
	struct pppoe_net *pn = test->priv;
	struct pppoe_sock *a = fake_session(test, 1, mac_a, 3);
	struct pppoe_sock *same = fake_session(test, 1, mac_a, 3);
	struct pppoe_sock *other_if = fake_session(test, 1, mac_a, 4);
	struct pppoe_sock *other_mac = fake_session(test, 1, mac_b, 3);

	KUNIT_EXPECT_EQ(test, add(pn, a), 0);
	KUNIT_EXPECT_EQ(test, add(pn, same), -EALREADY);
	KUNIT_EXPECT_TRUE(test, hlist_unhashed(&same->node));
	/* Same (sid, MAC) behind two devices: two sessions. */
	KUNIT_EXPECT_EQ(test, add(pn, other_if), 0);
	KUNIT_EXPECT_EQ(test, add(pn, other_mac), 0);
	KUNIT_EXPECT_PTR_EQ(test, find(pn, 1, mac_a, 3), a);
	KUNIT_EXPECT_PTR_EQ(test, find(pn, 1, mac_a, 4), other_if);
	KUNIT_EXPECT_PTR_EQ(test, find(pn, 1, mac_b, 3), other_mac);
	del(pn, a);
	del(pn, a);		/* idempotent */
	del(pn, same);		/* never hashed */
	KUNIT_EXPECT_NULL(test, find(pn, 1, mac_a, 3));
	KUNIT_EXPECT_PTR_EQ(test, find(pn, 1, mac_a, 4), other_if);
	/* Re-added after removal (connect after disconnect). */
	KUNIT_EXPECT_EQ(test, add(pn, a), 0);
	KUNIT_EXPECT_PTR_EQ(test, find(pn, 1, mac_a, 3), a);
	del(pn, a);
	del(pn, other_if);
	del(pn, other_mac);
	KUNIT_EXPECT_TRUE(test, pppoe_table_empty(pn));
}

/* pppoe_table_get() takes a reference; a dying socket is not returned. */
static void table_get_ref(struct kunit *test)
{
	struct pppoe_net *pn = test->priv;
	struct pppoe_sock *po = fake_session(test, 9, mac_b, 2);

	KUNIT_ASSERT_EQ(test, add(pn, po), 0);
	KUNIT_EXPECT_PTR_EQ(test, pppoe_table_get(pn, htons(9), mac_b, 2), po);
	KUNIT_EXPECT_EQ(test, refcount_read(&po->px.sk.sk_refcnt), 2);
	refcount_set(&po->px.sk.sk_refcnt, 0);
	KUNIT_EXPECT_NULL(test, pppoe_table_get(pn, htons(9), mac_b, 2));
	del(pn, po);
}

/* 512 sessions: each found, spread over the buckets, then all removed. */
static void table_many(struct kunit *test)
{
	struct pppoe_net *pn = test->priv;
	struct pppoe_sock **po;
	int i, used = 0;

	po = kunit_kcalloc(test, 512, sizeof(*po), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, po);
	for (i = 0; i < 512; i++) {
		po[i] = fake_session(test, i + 1, i % 2 ? mac_a : mac_b, 1 + i % 3);
		KUNIT_ASSERT_EQ(test, add(pn, po[i]), 0);
	}
	for (i = 0; i < 512; i++)
		KUNIT_EXPECT_PTR_EQ(test, find(pn, i + 1, i % 2 ? mac_a : mac_b,
					       1 + i % 3), po[i]);
	for (i = 0; i < PPPOE_HASH_SIZE; i++)
		used += !hlist_empty(&pn->hash[i]);
	KUNIT_EXPECT_GT(test, used, PPPOE_HASH_SIZE / 2);
	for (i = 0; i < 512; i += 2)
		del(pn, po[i]);
	for (i = 0; i < 512; i++)
		KUNIT_EXPECT_PTR_EQ(test, find(pn, i + 1, i % 2 ? mac_a : mac_b,
					       1 + i % 3), i % 2 ? po[i] : NULL);
	for (i = 1; i < 512; i += 2)
		del(pn, po[i]);
	KUNIT_EXPECT_TRUE(test, pppoe_table_empty(pn));
}

/* The flush search returns the device's sessions only, with a reference. */
static void table_on_dev(struct kunit *test)
{
	struct pppoe_net *pn = test->priv;
	struct net_device *dev1 = (void *)0x1000, *dev2 = (void *)0x2000;
	struct pppoe_sock *a = fake_session(test, 1, mac_a, 1);
	struct pppoe_sock *b = fake_session(test, 2, mac_a, 1);
	struct pppoe_sock *c = fake_session(test, 1, mac_a, 2);
	struct pppoe_sock *got;
	int n = 0;

	RCU_INIT_POINTER(a->dev, dev1);
	RCU_INIT_POINTER(b->dev, dev1);
	RCU_INIT_POINTER(c->dev, dev2);
	KUNIT_ASSERT_EQ(test, add(pn, a), 0);
	KUNIT_ASSERT_EQ(test, add(pn, b), 0);
	KUNIT_ASSERT_EQ(test, add(pn, c), 0);
	/* As the flush does: each one found is unhashed before the next. */
	while ((got = pppoe_table_get_on_dev(pn, dev1))) {
		KUNIT_EXPECT_TRUE(test, got == a || got == b);
		KUNIT_EXPECT_EQ(test, refcount_read(&got->px.sk.sk_refcnt), 2);
		refcount_set(&got->px.sk.sk_refcnt, 1);
		del(pn, got);
		if (++n > 2)
			break;
	}
	KUNIT_EXPECT_EQ(test, n, 2);
	KUNIT_EXPECT_PTR_EQ(test, pppoe_table_get_on_dev(pn, dev2), c);
	del(pn, c);
	KUNIT_EXPECT_TRUE(test, pppoe_table_empty(pn));
}

static struct kunit_case pppoe_table_cases[] = {
	KUNIT_CASE(table_key),
	KUNIT_CASE(table_duplicates),
	KUNIT_CASE(table_get_ref),
	KUNIT_CASE(table_many),
	KUNIT_CASE(table_on_dev),
	{}
};

static struct kunit_suite pppoe_table_suite = {
	.name = "pppoe_table",
	.init = table_init,
	.test_cases = pppoe_table_cases,
};

kunit_test_suites(&pppoe_wire_suite, &pppoe_table_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit suites for pppoe's header checks and session table");
