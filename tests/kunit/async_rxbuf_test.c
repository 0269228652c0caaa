// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_async_rxbuf: the receive buffers of ppp_async and ppp_synctty
 * (ldisc_rxbuf.c) - frames carved out of pages, each charged at least its share of the
 * page it pins, a page used again once its skbs are gone, frames too big
 * for a page in skbs of their own, and skbs that outlive the channel.
 *
 * ldisc_rxbuf.c is compiled into this module directly, as the codec is
 * into ppp_async_test.  Every skb a case makes is written over and read
 * back whole, so KASAN reports a buffer that overlaps another's, or that
 * is used after its page went.
 */
#include <kunit/test.h>
#include <linux/skbuff.h>
#include <linux/mm.h>

#include "ldisc_rxbuf.c"

#define RT_SIZE		(PPP_MRU + PPP_HDRLEN + 2)	/* as ppp_async asks */
#define RT_MAX		128	/* skbs a case keeps */

/*
 * Memory an skb keeps alive against what it is charged.  The in-tree
 * driver's skbs (netdev_alloc_skb(), MRU 1500: 2176 bytes of truesize
 * each, from 32 KiB page-fragment pages) pin up to 15 times their
 * truesize; ours must do no worse, for any frame length.
 */
#define RT_PIN_MAX	16

struct rt_ctx {
	struct ppp_ldisc_rxbuf rb;
	struct sk_buff *skbs[RT_MAX];
	int n;
};

static int rt_init(struct kunit *test)
{
	struct rt_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	test->priv = c;
	return 0;
}

static void rt_free_skbs(struct rt_ctx *c)
{
	while (c->n)
		kfree_skb(c->skbs[--c->n]);
}

static void rt_exit(struct kunit *test)
{
	struct rt_ctx *c = test->priv;

	rt_free_skbs(c);
	ppp_ldisc_rxbuf_release(&c->rb);
}

/* Fill @len bytes at @p with a pattern of @seed. */
static void rt_fill(u8 *p, unsigned int len, u8 seed)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		p[i] = seed + i * 7;
}

static bool rt_check(const u8 *p, unsigned int len, u8 seed)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		if (p[i] != (u8)(seed + i * 7))
			return false;
	return true;
}

/*
 * Decode a "frame" of @len bytes (a pattern) the way ppp_async does:
 * get a buffer, write into it, take the skb.  The skb is kept in the
 * context, or freed at once if @keep is false.
 */
static struct sk_buff *rt_frame(struct kunit *test, unsigned int len,
				unsigned int align, unsigned int tail,
				bool keep)
{
	struct rt_ctx *c = test->priv;
	struct sk_buff *skb;
	u8 *buf, seed = c->n + len;

	buf = ppp_ldisc_rxbuf_get(&c->rb, RT_SIZE, align);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	/* the decoder may write all of the room it was given */
	memset(buf, 0xa5, RT_SIZE);
	rt_fill(buf, len, seed);
	skb = ppp_ldisc_rxbuf_take(&c->rb, len, tail);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_PTR_EQ(test, skb->data, buf);
	KUNIT_EXPECT_EQ(test, skb->len, len);
	KUNIT_EXPECT_TRUE(test, rt_check(skb->data, len, seed));
	KUNIT_EXPECT_GE(test, skb_headroom(skb), NET_SKB_PAD + align);
	KUNIT_EXPECT_GE(test, skb_tailroom(skb), tail);
	if (!keep) {
		kfree_skb(skb);
		return NULL;
	}
	KUNIT_ASSERT_LT(test, c->n, RT_MAX);
	c->skbs[c->n++] = skb;
	return skb;
}

/* Every kept skb still holds its own pattern: no two overlap. */
static void rt_check_all(struct kunit *test)
{
	struct rt_ctx *c = test->priv;
	int i;

	for (i = 0; i < c->n; i++) {
		struct sk_buff *skb = c->skbs[i];

		KUNIT_EXPECT_TRUE_MSG(test, rt_check(skb->data, skb->len,
						     i + skb->len),
				      "skb %d of %d", i, c->n);
	}
}

/* The least room an skb of @page may take before its shared info. */
static unsigned int rt_share(struct page *page)
{
	return page_size(page) / RT_PIN_MAX - PPP_LDISC_SHINFO;
}

/*
 * Frames follow each other in one page, each skb the size it needs or
 * its share of the page, whichever is more.
 */
static void rxbuf_dense(struct kunit *test)
{
	static const unsigned int lens[] = { 1, 3, 40, 64, 100, 576, 1500,
					     1504, 2, 577 };
	struct rt_ctx *c = test->priv;
	struct sk_buff *prev = NULL, *skb;
	struct page *page = NULL;
	int i;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		skb = rt_frame(test, lens[i], i % 4 == 3 ? 0 : i % 4, 0, true);
		KUNIT_EXPECT_TRUE(test, skb->head_frag);
		if (!page)
			page = virt_to_head_page(skb->head);
		KUNIT_EXPECT_PTR_EQ(test, virt_to_head_page(skb->head), page);
		KUNIT_EXPECT_LE(test, skb->truesize,
				SKB_TRUESIZE(max(SKB_DATA_ALIGN(NET_SKB_PAD +
								3 + lens[i]),
						 rt_share(page))));
		if (prev)	/* right behind the last one's shared info */
			KUNIT_EXPECT_PTR_EQ(test, skb->head,
					    skb_end_pointer(prev) +
					    PPP_LDISC_SHINFO);
		prev = skb;
	}
	rt_check_all(test);
	/* the page: ours, plus one reference per skb */
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1 + c->n);
}

/* The payload behind the header lands on 4 bytes, whatever the header. */
static void rxbuf_align(struct kunit *test)
{
	/* align 0: ff 03 + 2-byte protocol; 2: protocol only; 3: PFC */
	static const unsigned int hdr[4] = { 4, 0, 2, 1 };
	unsigned int align;
	struct sk_buff *skb;

	for (align = 0; align <= 3; align++) {
		if (align == 1)
			continue;
		skb = rt_frame(test, 100 + align, align, 0, true);
		KUNIT_EXPECT_TRUE_MSG(test,
				      IS_ALIGNED((unsigned long)skb->data +
						 hdr[align], 4),
				      "align %u", align);
	}
}

/* Tailroom asked for (VJ) is there, and the next frame does not use it. */
static void rxbuf_tailroom(struct kunit *test)
{
	struct sk_buff *a, *b;

	a = rt_frame(test, 300, 2, PPP_LDISC_RX_TAILROOM, true);
	b = rt_frame(test, 300, 2, 0, true);
	KUNIT_EXPECT_GE(test, skb_tailroom(a), PPP_LDISC_RX_TAILROOM);
	memset(skb_put(a, PPP_LDISC_RX_TAILROOM), 0x5a, PPP_LDISC_RX_TAILROOM);
	KUNIT_EXPECT_TRUE(test, rt_check(b->data, b->len, 1 + b->len));
	KUNIT_EXPECT_TRUE(test, rt_check(a->data, 300, (u8)(0 + 300)));
}

/* A buffer handed out again before take is the same one. */
static void rxbuf_get_again(struct kunit *test)
{
	struct rt_ctx *c = test->priv;
	u8 *a, *b;

	a = ppp_ldisc_rxbuf_get(&c->rb, RT_SIZE, 2);
	b = ppp_ldisc_rxbuf_get(&c->rb, RT_SIZE, 2);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
}

/*
 * Carve @len-byte frames until the page is retired; the last one is the
 * first of the page that follows.  Returns the frames carved.
 */
static int rt_fill_page(struct kunit *test, unsigned int len, bool keep)
{
	struct rt_ctx *c = test->priv;
	struct page *page = c->rb.page;
	unsigned int off;
	int n = 0;

	do {
		KUNIT_ASSERT_LT(test, n, RT_MAX);
		off = c->rb.off;
		rt_frame(test, len, 2, 0, keep);
		n++;
	} while (c->rb.page == page && c->rb.off > off);
	return n;
}

/* With every skb freed, a full page is carved again from its start. */
static void rxbuf_reuse_idle(struct kunit *test)
{
	struct rt_ctx *c = test->priv;
	struct page *page;

	rt_frame(test, 1500, 2, 0, false);
	page = c->rb.page;
	rt_fill_page(test, 1500, false);
	KUNIT_EXPECT_PTR_EQ(test, c->rb.page, page);
	KUNIT_EXPECT_NULL(test, c->rb.spare);
}

/*
 * Skbs still held: the full page becomes the spare and a new one is
 * taken; once the spare's skbs are gone, it comes back when the new
 * page is full in turn.
 */
static void rxbuf_reuse_spare(struct kunit *test)
{
	struct rt_ctx *c = test->priv;
	struct page *a, *b;
	int n;

	rt_frame(test, 1500, 2, 0, false);
	a = c->rb.page;
	n = rt_fill_page(test, 1500, true);
	KUNIT_EXPECT_GT(test, n, 8);	/* 32 KiB of ~1.9 KiB buffers */
	b = c->rb.page;
	KUNIT_EXPECT_PTR_NE(test, b, a);
	KUNIT_EXPECT_PTR_EQ(test, c->rb.spare, a);
	rt_check_all(test);
	rt_free_skbs(c);
	KUNIT_EXPECT_EQ(test, page_ref_count(a), 1);

	rt_fill_page(test, 1500, true);	/* b's skbs stay */
	KUNIT_EXPECT_PTR_EQ(test, c->rb.page, a);
	KUNIT_EXPECT_PTR_EQ(test, c->rb.spare, b);
	rt_check_all(test);
}

/*
 * Neither page free: the old spare is let go (its skbs keep it) and a
 * fresh page is taken; the skbs of all three stay intact.
 */
static void rxbuf_no_reuse(struct kunit *test)
{
	struct rt_ctx *c = test->priv;
	struct page *a, *b;

	rt_frame(test, 1500, 2, 0, false);
	a = c->rb.page;
	rt_fill_page(test, 1500, true);
	b = c->rb.page;
	rt_fill_page(test, 1500, true);
	KUNIT_EXPECT_PTR_NE(test, c->rb.page, a);
	KUNIT_EXPECT_PTR_NE(test, c->rb.page, b);
	KUNIT_EXPECT_PTR_EQ(test, c->rb.spare, b);
	rt_frame(test, 700, 0, 0, true);
	rt_check_all(test);
}

/* Skbs outlive the buffers they came from: release, then use them. */
static void rxbuf_release_first(struct kunit *test)
{
	struct rt_ctx *c = test->priv;
	int i;

	for (i = 0; i < 20; i++)
		rt_frame(test, 64 + i * 70, i & 2, 0, true);
	ppp_ldisc_rxbuf_release(&c->rb);
	KUNIT_EXPECT_NULL(test, c->rb.page);
	KUNIT_EXPECT_NULL(test, c->rb.spare);
	rt_check_all(test);
	for (i = 0; i < c->n; i++)
		memset(c->skbs[i]->data, 0, c->skbs[i]->len);
	rt_free_skbs(c);	/* the last one frees the page */
}

/* A frame too big for a page gets an skb of its own. */
static void rxbuf_big_mru(struct kunit *test)
{
	struct rt_ctx *c = test->priv;
	unsigned int size = 65535 + PPP_HDRLEN + 2, len = 40000;
	struct sk_buff *skb;
	u8 *buf;

	buf = ppp_ldisc_rxbuf_get(&c->rb, size, 3);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_NULL(test, c->rb.page);
	memset(buf, 0xa5, size);
	rt_fill(buf, len, 9);
	skb = ppp_ldisc_rxbuf_take(&c->rb, len, PPP_LDISC_RX_TAILROOM);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_PTR_EQ(test, skb->data, buf);
	KUNIT_EXPECT_EQ(test, skb->len, len);
	KUNIT_EXPECT_TRUE(test, rt_check(skb->data, len, 9));
	KUNIT_EXPECT_GE(test, skb_tailroom(skb), PPP_LDISC_RX_TAILROOM);
	kfree_skb(skb);
	/* and an abandoned one is freed by the next get (kmemleak) */
	KUNIT_EXPECT_NOT_NULL(test, ppp_ldisc_rxbuf_get(&c->rb, size, 0));
	KUNIT_EXPECT_NOT_NULL(test, ppp_ldisc_rxbuf_get(&c->rb, RT_SIZE, 0));
	KUNIT_EXPECT_NULL(test, c->rb.skb);
}

/* Frame lengths for the charge cases: RT_PIN_MAX above. */
static const unsigned int rt_pin_lens[] = { 1, 40, 64, 100, 300, 576, 1000,
					    1500, 1504 };

static void rt_pin_desc(const unsigned int *len, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "len_%u", *len);
}

KUNIT_ARRAY_PARAM(rt_pin, rt_pin_lens, rt_pin_desc);

/* One skb held, its page's others gone: truesize vs the page it pins. */
static void rxbuf_truesize_vs_pin(struct kunit *test)
{
	unsigned int len = *(const unsigned int *)test->param_value;
	struct sk_buff *skb;
	struct page *page;

	rt_frame(test, len, 2, 0, false);
	skb = rt_frame(test, len, 2, 0, true);
	rt_frame(test, len, 2, 0, false);
	page = virt_to_head_page(skb->head);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 2);	/* ours + skb */
	KUNIT_EXPECT_LE_MSG(test, page_size(page), RT_PIN_MAX * skb->truesize,
			    "a %u-byte frame, truesize %u, pins %lu bytes", len,
			    skb->truesize, page_size(page));
}

/*
 * A page full of frames: no more than RT_PIN_MAX of them, and together
 * charged no more than the page (besides their struct sk_buff).
 */
static void rxbuf_page_share(struct kunit *test)
{
	unsigned int len = *(const unsigned int *)test->param_value;
	struct rt_ctx *c = test->priv;
	unsigned long charged = 0;
	struct page *page;
	int i, n;

	rt_frame(test, len, 2, 0, false);	/* frame 1, freed */
	page = c->rb.page;
	n = rt_fill_page(test, len, true) - 1;	/* the last is the next page's */
	KUNIT_EXPECT_LE(test, 1 + n, RT_PIN_MAX);	/* frames on the page */
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_PTR_EQ(test, virt_to_head_page(c->skbs[i]->head),
				    page);
		charged += c->skbs[i]->truesize -
			   SKB_DATA_ALIGN(sizeof(struct sk_buff));
	}
	KUNIT_EXPECT_LE(test, charged, page_size(page));
	rt_check_all(test);
}

static struct kunit_case ppp_async_rxbuf_cases[] = {
	KUNIT_CASE(rxbuf_dense),
	KUNIT_CASE(rxbuf_align),
	KUNIT_CASE(rxbuf_tailroom),
	KUNIT_CASE(rxbuf_get_again),
	KUNIT_CASE(rxbuf_reuse_idle),
	KUNIT_CASE(rxbuf_reuse_spare),
	KUNIT_CASE(rxbuf_no_reuse),
	KUNIT_CASE(rxbuf_release_first),
	KUNIT_CASE(rxbuf_big_mru),
	KUNIT_CASE_PARAM(rxbuf_truesize_vs_pin, rt_pin_gen_params),
	KUNIT_CASE_PARAM(rxbuf_page_share, rt_pin_gen_params),
	{}
};

static struct kunit_suite ppp_async_rxbuf_suite = {
	.name = "ppp_async_rxbuf",
	.init = rt_init,
	.exit = rt_exit,
	.test_cases = ppp_async_rxbuf_cases,
};

kunit_test_suites(&ppp_async_rxbuf_suite);

MODULE_DESCRIPTION("KUnit: ppp_async receive buffers");
MODULE_LICENSE("GPL");
