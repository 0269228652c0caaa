// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_generic_xmit: what a channel gets from a unit for a TCP GSO frame
 * (the unit advertises TSO and checksum offload).  A channel that opted
 * in with ppp_channel_set_tx_offload() gets the segments scatter-gather,
 * summed and marked CHECKSUM_UNNECESSARY; any other gets them linear and
 * summed, as the core makes them for a unit without offloads.  Either
 * way: one frame per segment, the payload in order, a valid checksum,
 * the PPP protocol in front and the unit's tx counters per segment.
 */
#include <linux/ip.h>
#include <linux/tcp.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/tcp.h>
#include "pgt_util.h"
#include "ppp_tx_offload.h"

#define GX_MSS		500
#define GX_SEGS		3
#define GX_HDRS		(sizeof(struct iphdr) + sizeof(struct tcphdr))
#define GX_SADDR	htonl(0xc0000201)	/* 192.0.2.1 */
#define GX_DADDR	htonl(0xc0000202)	/* 192.0.2.2 */

static u8 gx_byte(unsigned int i)
{
	return (u8)(i * 7 + 3);
}

/*
 * A frame as TCP hands it to a device with TSO: headers in the linear
 * part, the payload of GX_SEGS segments in a page, the checksum partial.
 */
static struct sk_buff *gx_gso_skb(struct kunit *test)
{
	unsigned int plen = GX_MSS * GX_SEGS, i;
	struct sk_buff *skb;
	struct tcphdr *th;
	struct iphdr *iph;
	struct page *page;
	u8 *p;

	skb = alloc_skb(LL_MAX_HEADER + GX_HDRS, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, LL_MAX_HEADER);
	page = alloc_page(GFP_KERNEL);
	if (!page)
		kfree_skb(skb);
	KUNIT_ASSERT_NOT_NULL(test, page);
	p = page_address(page);
	for (i = 0; i < plen; i++)
		p[i] = gx_byte(i);

	iph = skb_put_zero(skb, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->protocol = IPPROTO_TCP;
	iph->saddr = GX_SADDR;
	iph->daddr = GX_DADDR;
	iph->tot_len = htons(GX_HDRS + plen);
	iph->frag_off = htons(IP_DF);
	iph->check = ip_fast_csum(iph, iph->ihl);
	th = skb_put_zero(skb, sizeof(*th));
	th->source = htons(40000);
	th->dest = htons(5001);
	th->seq = htonl(1);
	th->doff = 5;
	th->ack = 1;
	th->window = htons(1000);
	skb_fill_page_desc(skb, 0, page, 0, plen);
	skb->len += plen;
	skb->data_len = plen;
	skb->truesize += PAGE_SIZE;

	skb->protocol = htons(ETH_P_IP);
	skb_reset_mac_header(skb);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, sizeof(*iph));
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_transport_header(skb) - skb->head;
	skb->csum_offset = offsetof(struct tcphdr, check);
	th->check = ~tcp_v4_check(sizeof(*th) + plen, GX_SADDR, GX_DADDR, 0);
	skb_shinfo(skb)->gso_size = GX_MSS;
	skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;
	skb_shinfo(skb)->gso_segs = GX_SEGS;
	return skb;
}

/* The TCP checksum of @skb (PPP protocol first) verifies. */
static bool gx_tcp_csum_ok(struct sk_buff *skb)
{
	unsigned int tlen = skb->len - PPP_PROTO_LEN - sizeof(struct iphdr);
	__wsum sum;

	sum = skb_checksum(skb, PPP_PROTO_LEN + sizeof(struct iphdr), tlen, 0);
	return !csum_tcpudp_magic(GX_SADDR, GX_DADDR, tlen, IPPROTO_TCP, sum);
}

struct gx_case {
	const char *name;
	bool offload;		/* the channel opts in */
};

static const struct gx_case gx_cases[] = {
	{ "channel takes offloaded frames", true },
	{ "channel without offload", false },
};

static void gx_case_desc(const struct gx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(gx, gx_cases, gx_case_desc);

static void xmit_gso_segments(struct kunit *test)
{
	const struct gx_case *c = test->param_value;
	struct rtnl_link_stats64 st0, st1;
	netdev_features_t feat;
	u8 *seg = kunit_kzalloc(test, GX_MSS, GFP_KERNEL);
	struct pgt *t = test->priv;
	struct net_device *dev;
	struct pgt_chan *pc;
	struct sk_buff *skb;
	struct file *cfd;
	int unit, i, j;

	KUNIT_ASSERT_NOT_NULL(test, seg);
	dev = pgt_unit(pgt_new_unit(t, &unit))->dev;
	pc = pgt_chan_register(t);
	cfd = pgt_chan_attach(t, pc);
	KUNIT_ASSERT_EQ(test, pgt_ioctl_int(t, cfd, PPPIOCCONNECT, &unit), 0L);
	if (c->offload)
		ppp_channel_set_tx_offload(&pc->chan, true);
	KUNIT_EXPECT_TRUE(test, dev->features & NETIF_F_TSO);
	KUNIT_EXPECT_TRUE(test, dev->features & NETIF_F_HW_CSUM);
	/* The core keeps the offloads only for a channel that takes them. */
	skb = gx_gso_skb(test);
	skb->dev = dev;
	feat = dev->netdev_ops->ndo_features_check(skb, dev, dev->features);
	KUNIT_EXPECT_EQ(test, !!(feat & NETIF_F_TSO), c->offload);
	KUNIT_EXPECT_EQ(test, !!(feat & NETIF_F_HW_CSUM), c->offload);
	/* Any other frame's checksum the core fills in. */
	skb_shinfo(skb)->gso_type = 0;
	skb_shinfo(skb)->gso_size = 0;
	feat = dev->netdev_ops->ndo_features_check(skb, dev, dev->features);
	KUNIT_EXPECT_FALSE(test, feat & NETIF_F_CSUM_MASK);
	skb_shinfo(skb)->gso_size = GX_MSS;
	skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;

	/*
	 * Past that check (or when the channel changed after it) the unit
	 * segments itself, as the channel wants the frames.
	 */
	dev_get_stats(dev, &st0);
	KUNIT_EXPECT_EQ(test, dev->netdev_ops->ndo_start_xmit(skb, dev),
			NETDEV_TX_OK);
	dev_get_stats(dev, &st1);
	KUNIT_EXPECT_EQ(test, st1.tx_packets - st0.tx_packets, (u64)GX_SEGS);
	KUNIT_EXPECT_EQ(test, st1.tx_bytes - st0.tx_bytes,
			(u64)GX_SEGS * (GX_HDRS + GX_MSS));
	KUNIT_ASSERT_EQ(test, skb_queue_len(&pc->txq), (u32)GX_SEGS);
	for (i = 0; i < GX_SEGS; i++) {
		skb = skb_dequeue(&pc->txq);
		KUNIT_EXPECT_EQ(test, skb->len,
				(unsigned int)(PPP_PROTO_LEN + GX_HDRS + GX_MSS));
		KUNIT_EXPECT_EQ(test, get_unaligned_be16(skb->data), PPP_IP);
		KUNIT_EXPECT_FALSE(test, skb_is_gso(skb));
		if (c->offload) {
			/* No copy of the payload; summed and marked so. */
			KUNIT_EXPECT_EQ(test, (int)skb->ip_summed,
					CHECKSUM_UNNECESSARY);
			KUNIT_EXPECT_TRUE(test, skb_is_nonlinear(skb));
		} else {
			KUNIT_EXPECT_NE(test, (int)skb->ip_summed,
					CHECKSUM_PARTIAL);
			KUNIT_EXPECT_FALSE(test, skb_is_nonlinear(skb));
		}
		KUNIT_EXPECT_TRUE(test, gx_tcp_csum_ok(skb));
		KUNIT_EXPECT_EQ(test, skb_copy_bits(skb, PPP_PROTO_LEN + GX_HDRS,
						    seg, GX_MSS), 0);
		for (j = 0; j < GX_MSS && seg[j] == gx_byte(i * GX_MSS + j); j++)
			;
		KUNIT_EXPECT_EQ_MSG(test, j, GX_MSS, "segment %d", i);
		kfree_skb(skb);
	}
}

static struct kunit_case ppp_generic_xmit_cases[] = {
	KUNIT_CASE_PARAM(xmit_gso_segments, gx_gen_params),
	{}
};

static struct kunit_suite ppp_generic_xmit_suite = {
	.name = "ppp_generic_xmit",
	.init = pgt_init,
	.exit = pgt_exit,
	.test_cases = ppp_generic_xmit_cases,
};

kunit_test_suite(ppp_generic_xmit_suite);
