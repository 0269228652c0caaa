// SPDX-License-Identifier: GPL-2.0
/*
 * PPP line disciplines: receive buffers, carved out of pages of our own.
 *
 * The decoder needs its buffer at a frame's first byte, long before the
 * frame's length is known, so the buffer has room for the MRU.  Given an
 * skb of that size each (dev_alloc_skb()), every frame takes a 2 KiB
 * page fragment whatever its length, and the page-fragment cache takes a
 * fresh page every 16 frames: zeroed first, since Debian kernels run
 * with init_on_alloc.  At 576-byte frames that zeroing was a sixth of
 * the receive path's CPU time.
 *
 * Instead a frame is decoded into the free part of a page we hold (32
 * KiB, one compound page).  Once it has ended, build_skb() makes the skb
 * around what it used - headroom, the frame, skb_shared_info right
 * behind it - with a page reference of its own, and the next frame
 * starts behind that.
 *
 * Each skb keeps its whole page alive, however short it is and however
 * long it lives (a slow socket reader, a reassembly queue), so what it
 * is charged (truesize) must not be too small a part of the page.  An
 * skb is carved at least a sixteenth of the page (2 KiB), and so charged
 * at least that: one skb never pins more than 16 times its truesize, as
 * with the in-tree driver, whose netdev_alloc_skb() carves each frame
 * (MRU 1500: 2.1 KiB of truesize) from a 32 KiB page-fragment page.  The
 * skbs of a page together are charged no more than the page (besides
 * their struct sk_buff).  Short frames thus take more of a page than
 * they fill; that costs page turns, and a turn reuses a page (below)
 * without zeroing it.
 *
 * When too little is left for another frame of MRU size the page is
 * retired: it becomes the spare, and the spare it replaces is used again
 * from its start if every skb carved from it has been freed since (a
 * link whose frames are read as they come).  Such a page is not zeroed
 * again; in steady state no page is allocated at all.  Otherwise the old
 * spare is released (its skbs keep it alive) and a fresh page is taken.
 *
 * A frame too big for a page (MRU above about 30 KiB) gets an skb of its
 * own, as does any frame when no page can be had.
 *
 * All of this runs under the channel's rx_lock; the skbs, once built,
 * are on their own: freeing one anywhere just drops its page reference.
 */
#include "ppp_ldisc.h"
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/topology.h>

/* Size of the pages frames are carved from. */
#define PPP_LDISC_RXPAGE_SIZE	SZ_32K
#define PPP_LDISC_RXPAGE_ORDER	get_order(PPP_LDISC_RXPAGE_SIZE)

/* At most this many skbs are carved from one page (see above). */
#define PPP_LDISC_RXPAGE_FRAMES	16

/* Room behind the frame for struct skb_shared_info. */
#define PPP_LDISC_SHINFO	SKB_DATA_ALIGN(sizeof(struct skb_shared_info))

/* Bytes of a page a buffer of @size needs, @align bytes past the pad. */
static unsigned int ppp_ldisc_rxbuf_need(unsigned int size, unsigned int align)
{
	return NET_SKB_PAD + align + size + PPP_LDISC_RX_TAILROOM +
	       PPP_LDISC_SHINFO;
}

/* The least an skb carved from ->page takes of it, and is charged. */
static unsigned int ppp_ldisc_rxbuf_share(struct ppp_ldisc_rxbuf *rb)
{
	return rb->size / PPP_LDISC_RXPAGE_FRAMES;
}

/*
 * Is there room at ->off for a buffer of @need bytes, and for the share
 * the skb made of it will take?  Offsets are multiples of the cache line
 * (SKB_DATA_ALIGN), so what fits @need fits that rounded up as well.
 */
static bool ppp_ldisc_rxbuf_fits(struct ppp_ldisc_rxbuf *rb, unsigned int need)
{
	unsigned int room = max(need, ppp_ldisc_rxbuf_share(rb));

	return rb->off + room <= rb->size;
}

/*
 * May @page be carved again from its start?  Only if no skb holds it (we
 * hand out its references, so none can appear meanwhile), it is big
 * enough, and it is a page the allocator would give us now: not from the
 * emergency reserves, and local.
 */
static bool ppp_ldisc_rxpage_idle(struct page *page, unsigned int need)
{
	return page && page_ref_count(page) == 1 &&
	       page_size(page) >= need && !page_is_pfmemalloc(page) &&
	       page_to_nid(page) == numa_mem_id();
}

static struct page *ppp_ldisc_rxpage_alloc(unsigned int need)
{
	struct page *page;

	page = alloc_pages(GFP_ATOMIC | __GFP_COMP | __GFP_NOWARN |
			   __GFP_NORETRY | __GFP_NOMEMALLOC,
			   PPP_LDISC_RXPAGE_ORDER);
	if (!page && need <= PAGE_SIZE)
		page = alloc_page(GFP_ATOMIC | __GFP_NOWARN);
	return page;
}

/* ->page cannot take a buffer of @need bytes at ->off: get another. */
static bool ppp_ldisc_rxbuf_refill(struct ppp_ldisc_rxbuf *rb,
				   unsigned int need)
{
	struct page *page = rb->page;

	if (ppp_ldisc_rxpage_idle(page, need)) {
		/* every frame of it is gone: start over on it */
	} else if (ppp_ldisc_rxpage_idle(rb->spare, need)) {
		rb->page = rb->spare;
		rb->spare = page;
	} else {
		if (rb->spare)
			put_page(rb->spare);
		rb->spare = page;
		rb->page = ppp_ldisc_rxpage_alloc(need);
	}
	rb->off = 0;
	if (!rb->page)
		return false;
	/* (on 32-bit ARM page_address() is a call: highmem) */
	rb->addr = page_address(rb->page);
	rb->size = page_size(rb->page);
	return ppp_ldisc_rxbuf_fits(rb, need);
}

/**
 * ppp_ldisc_rxbuf_get - a buffer for the frame that starts now
 * @rb: the channel's receive buffers (rx_lock held)
 * @size: room the decoder needs (MRU, address/control, FCS)
 * @align: bytes to skip first, so that the network header is aligned
 *
 * Calling it again before ppp_ldisc_rxbuf_take() abandons the frame in
 * the last buffer: in a page the same room is handed out again, an skb
 * of its own is freed.
 *
 * Return: where the decoder may write @size bytes, or NULL.
 */
u8 *ppp_ldisc_rxbuf_get(struct ppp_ldisc_rxbuf *rb, unsigned int size,
			unsigned int align)
{
	unsigned int need = ppp_ldisc_rxbuf_need(size, align);
	struct sk_buff *skb;

	if (unlikely(rb->skb)) {	/* an abandoned frame's own skb */
		kfree_skb(rb->skb);
		rb->skb = NULL;
	}
	if (need <= PPP_LDISC_RXPAGE_SIZE &&
	    ((rb->page && ppp_ldisc_rxbuf_fits(rb, need)) ||
	     ppp_ldisc_rxbuf_refill(rb, need))) {
		rb->head = NET_SKB_PAD + align;
		return rb->addr + rb->off + rb->head;
	}

	/* too big for a page, or no page: an skb of its own */
	skb = dev_alloc_skb(size + align + PPP_LDISC_RX_TAILROOM);
	if (!skb)
		return NULL;
	skb_reserve(skb, align);
	rb->skb = skb;
	return skb->data;
}

/**
 * ppp_ldisc_rxbuf_take - make an skb of the frame in the buffer
 * @rb: the channel's receive buffers (rx_lock held)
 * @len: the frame's length
 * @tailroom: room to leave behind it, at most PPP_LDISC_RX_TAILROOM
 *
 * After ppp_ldisc_rxbuf_get() returned a buffer and the decoder put a
 * frame of @len bytes at its start.  The buffer is used up either way.
 *
 * Return: the skb, data put; NULL if none could be had (frame lost).
 */
struct sk_buff *ppp_ldisc_rxbuf_take(struct ppp_ldisc_rxbuf *rb,
				     unsigned int len, unsigned int tailroom)
{
	struct sk_buff *skb = rb->skb;
	unsigned int frag;

	if (skb) {
		rb->skb = NULL;
		skb_put(skb, len);
		return skb;
	}
	if (WARN_ON_ONCE(!rb->page))
		return NULL;
	/* what the frame used, or its share of the page if that is more */
	frag = SKB_DATA_ALIGN(rb->head + len + tailroom) + PPP_LDISC_SHINFO;
	frag = max(frag, ppp_ldisc_rxbuf_share(rb));
	skb = build_skb(rb->addr + rb->off, frag);
	if (!skb)
		return NULL;	/* the region serves the next frame */
	get_page(rb->page);
	rb->off += frag;
	skb_reserve(skb, rb->head);
	skb_put(skb, len);
	return skb;
}

/**
 * ppp_ldisc_rxbuf_release - give up the pages (the channel is closing)
 * @rb: the channel's receive buffers
 *
 * Skbs carved earlier keep their pages until they are freed themselves.
 */
void ppp_ldisc_rxbuf_release(struct ppp_ldisc_rxbuf *rb)
{
	kfree_skb(rb->skb);
	rb->skb = NULL;
	if (rb->page)
		put_page(rb->page);
	if (rb->spare)
		put_page(rb->spare);
	rb->page = NULL;
	rb->spare = NULL;
	rb->addr = NULL;
	rb->size = 0;
	rb->off = 0;
}
