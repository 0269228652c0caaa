// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_vj_bench: VJ header compression per packet, our codec (vj_codec.c,
 * #included) and the kernel's slhc side by side.  A benchmark module
 * only, it links against slhc (symbol_get() refuses slhc's non-GPL
 * exports since 6.6); the bench VM loads slhc.ko first.  Prints
 *
 *   BENCH test=vj impl=ours|slhc op=comp|decomp size=N stream=S pkts=P
 *	   ns=T ok=0|1
 *
 * for a bulk TCP stream (segments of N bytes, the acks of the other
 * direction interleaved).  Stream "plain" has no TCP options: each
 * packet is compressed, almost all as the one-byte special case or with
 * a small ack delta.  Streams "ts1" and "ts2" carry the timestamp option
 * (12 bytes, as Linux sends it) on every packet, and the clocks tick
 * every data packet and ack (ts1: a link slower than a packet per
 * millisecond, as dial-up is) or every other one (ts2).  A packet whose
 * options changed goes uncompressed (RFC 1144 sends its headers whole):
 * all of ts1, half of ts2; the other half of ts2 goes compressed, its
 * options compared and restored.  Both see the same packets and state
 * and copy the same bytes per packet: compress restores the headers ours
 * wrote over (slhc writes a copy of the packet); decompress copies the
 * compressed frame into a buffer, with room before and after it as an
 * skb has, which both then restore in place: slhc moves the payload up
 * behind the header, ours does the same or, where the unit does
 * (PPP_VJ_RX_FRONT: 64-bit CPUs with cheap unaligned access), writes the
 * header in front of the payload.  Each restored header is checked
 * against the original, so a broken codec cannot look fast.  Under
 * QEMU's icount the times are guest instructions.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <net/slhc_vj.h>

#include "vj_codec.c"

static unsigned int pkts = 200000;
module_param(pkts, uint, 0444);
MODULE_PARM_DESC(pkts, "packets per case (default 200000)");

#define NPK	64		/* distinct packets, cycled */
#define ROOM	(1500 + PPP_VJ_MAX_GROWTH)
#define FRONT	64		/* room before a frame (NET_SKB_PAD) */

struct vb_impl {
	const char *name;
	void *(*init)(void);
	void (*free)(void *st);
	int (*comp)(void *st, u8 *pkt, int len, u8 *out, u8 **start);
	/* @buf has FRONT bytes before it; *@start: where the packet is */
	int (*decomp)(void *st, u8 *buf, int len, int type, int *start);
};

/* ---- ours */

static void *vb_ours_init(void)
{
	struct ppp_vjc *vj = kzalloc(ppp_vjc_size(16, 16), GFP_KERNEL);

	if (vj)
		ppp_vjc_init(vj, 16, 16);
	return vj;
}

static int vb_ours_comp(void *st, u8 *pkt, int len, u8 *out, u8 **start)
{
	/* in place: @out is not needed */
	unsigned int off = 0;
	int type = ppp_vjc_compress(st, pkt, len, true, &off);

	*start = pkt + off;
	return type;
}

static int vb_ours_decomp(void *st, u8 *buf, int len, int type, int *start)
{
	*start = 0;
	if (type == PPP_VJC_UNCOMPRESSED)
		return ppp_vjc_remember(st, buf, len) ? -1 : len;
	return ppp_vjc_uncompress_room(st, buf, len,
				       PPP_VJ_RX_FRONT ? FRONT : 0,
				       ROOM - len, start);
}

/* ---- slhc */

static void *vb_slhc_init(void)
{
	struct slcompress *c = slhc_init(16, 16);

	return IS_ERR(c) ? NULL : c;
}

static void vb_slhc_free(void *st)
{
	slhc_free(st);
}

static int vb_slhc_comp(void *st, u8 *pkt, int len, u8 *out, u8 **start)
{
	u8 *cp = pkt;

	slhc_compress(st, pkt, len, out, &cp, 1);
	*start = cp;
	if (cp == pkt)
		return PPP_VJC_IP;
	if (out[0] & SL_TYPE_COMPRESSED_TCP) {
		out[0] &= ~SL_TYPE_COMPRESSED_TCP;
		return PPP_VJC_COMPRESSED;
	}
	out[0] = pkt[0];
	return PPP_VJC_UNCOMPRESSED;
}

static int vb_slhc_decomp(void *st, u8 *buf, int len, int type, int *start)
{
	*start = 0;
	if (type == PPP_VJC_UNCOMPRESSED)
		return slhc_remember(st, buf, len) > 0 ? len : -1;
	return slhc_uncompress(st, buf, len) ?: -1;
}

/* ---- the stream */

static void vb_put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void vb_put32(u8 *p, u32 v)
{
	vb_put16(p, v >> 16);
	vb_put16(p + 2, v);
}

/*
 * Packet @i of the stream: even ones data a -> b, odd ones acks b -> a;
 * headers of @hlen bytes: 40, or 52 with the timestamp option, whose
 * clocks tick every @tick packets each way.
 */
static unsigned int vb_build(u8 *p, unsigned int i, unsigned int size,
			     unsigned int hlen, unsigned int tick)
{
	bool ack = i & 1;
	unsigned int len = ack ? hlen : size, n = i / 2;
	u32 sum = 0;
	int k;

	memset(p, 0, hlen);
	p[0] = 0x45;
	vb_put16(p + 2, len);
	vb_put16(p + 4, 1000 + n);
	vb_put16(p + 6, 0x4000);
	p[8] = 64;
	p[9] = 6;
	vb_put32(p + 12, ack ? 0xc0000202 : 0xc0000201);
	vb_put32(p + 16, ack ? 0xc0000201 : 0xc0000202);
	for (k = 0; k < 20; k += 2)
		sum += p[k] << 8 | p[k + 1];
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	vb_put16(p + 10, ~sum);
	vb_put16(p + 20, ack ? 5001 : 40000);
	vb_put16(p + 22, ack ? 40000 : 5001);
	vb_put32(p + 24, ack ? 7000 : 1000000 + n * (size - hlen));
	vb_put32(p + 28, ack ? 1000000 + (n + 1) * (size - hlen) : 7000);
	p[32] = (hlen - 20) / 4 << 4;
	p[33] = 0x10;
	vb_put16(p + 34, 64000);
	vb_put16(p + 36, 0x1234 + i);
	if (hlen > 40) {
		/* NOP NOP TS: each end's clock, and the other's echoed */
		p[40] = 1;
		p[41] = 1;
		p[42] = 8;
		p[43] = 10;
		vb_put32(p + 44, (ack ? 0x20000000 : 0x10000000) + n / tick);
		vb_put32(p + 48, (ack ? 0x10000000 : 0x20000000) + n / tick);
	}
	memset(p + hlen, i, len - hlen);
	return len;
}

struct vb_data {
	u8 pk[NPK][1500];	/* the stream */
	unsigned int plen[NPK];
	unsigned int hlen;	/* its TCP/IP headers' length */
	const char *stream;
	u8 work[NPK][1500];	/* what the compressors get */
	u8 wire[NPK][ROOM];	/* one pass, compressed */
	unsigned int wlen[NPK];
	int wtype[NPK];
	u8 out[ROOM];		/* slhc's output */
	u8 buf[FRONT + ROOM];	/* decompression, at buf + FRONT */
};

/* The compressed frames of one pass over the stream, from a fresh state. */
static void vb_wire(struct vb_data *d)
{
	void *vj = vb_ours_init();
	unsigned int j;
	u8 *start;

	for (j = 0; vj && j < NPK; j++) {
		memcpy(d->work[j], d->pk[j], d->plen[j]);
		d->wtype[j] = vb_ours_comp(vj, d->work[j], d->plen[j], NULL,
					   &start);
		d->wlen[j] = d->plen[j] - (start - d->work[j]);
		memcpy(d->wire[j], start, d->wlen[j]);
	}
	kfree(vj);
}

static void vb_case(const struct vb_impl *im, unsigned int size,
		    struct vb_data *d)
{
	void *tx = im->init(), *rx = im->init();
	unsigned int i, j, good = 0;
	u8 *start, *buf;
	u64 t0, t1;
	int at;

	if (!tx || !rx)
		goto out;
	for (j = 0; j < NPK; j++)
		memcpy(d->work[j], d->pk[j], d->plen[j]);
	t0 = ktime_get_ns();
	for (i = 0; i < pkts; i++) {
		j = i % NPK;
		memcpy(d->work[j], d->pk[j], d->hlen);
		im->comp(tx, d->work[j], d->plen[j], d->out, &start);
		if (!(i & 4095))
			cond_resched();
	}
	t1 = ktime_get_ns();
	pr_info("BENCH test=vj impl=%s op=comp size=%u stream=%s pkts=%u ns=%llu ok=1\n",
		im->name, size, d->stream, pkts, t1 - t0);

	t0 = ktime_get_ns();
	for (i = 0; i < pkts; i++) {
		j = i % NPK;
		buf = d->buf + FRONT;
		memcpy(buf, d->wire[j], d->wlen[j]);
		if (im->decomp(rx, buf, d->wlen[j], d->wtype[j], &at) ==
		    d->plen[j] && !memcmp(buf + at, d->pk[j], d->hlen))
			good++;
		if (!(i & 4095))
			cond_resched();
	}
	t1 = ktime_get_ns();
	pr_info("BENCH test=vj impl=%s op=decomp size=%u stream=%s pkts=%u ns=%llu ok=%d\n",
		im->name, size, d->stream, pkts, t1 - t0, good == pkts);
out:
	if (tx)
		im->free(tx);
	if (rx)
		im->free(rx);
}

static void vb_ours_free(void *st)
{
	kfree(st);
}

static const struct vb_impl vb_ours = {
	"ours", vb_ours_init, vb_ours_free, vb_ours_comp, vb_ours_decomp,
};

static const struct vb_impl vb_slhc = {
	"slhc", vb_slhc_init, vb_slhc_free, vb_slhc_comp, vb_slhc_decomp,
};

static int __init ppp_vj_bench_init(void)
{
	static const unsigned int sizes[] = { 576, 1500 };
	/* packets per tick of the timestamp clocks, each way; 0: no option */
	static const unsigned int ticks[] = { 0, 1, 2 };
	static const char *const names[] = { "plain", "ts1", "ts2" };
	struct vb_data *d = vmalloc(sizeof(*d));
	unsigned int s, j, t;

	if (!d)
		return -ENOMEM;
	for (t = 0; t < ARRAY_SIZE(ticks); t++) {
		d->hlen = ticks[t] ? 52 : 40;
		d->stream = names[t];
		for (s = 0; s < ARRAY_SIZE(sizes); s++) {
			for (j = 0; j < NPK; j++)
				d->plen[j] = vb_build(d->pk[j], j, sizes[s],
						      d->hlen, ticks[t] ?: 1);
			vb_wire(d);
			vb_case(&vb_ours, sizes[s], d);
			vb_case(&vb_slhc, sizes[s], d);
		}
	}
	vfree(d);
	return 0;
}

static void __exit ppp_vj_bench_exit(void)
{
}

module_init(ppp_vj_bench_init);
module_exit(ppp_vj_bench_exit);

MODULE_DESCRIPTION("VJ header compression micro-benchmark, ours vs slhc (pppstack bench)");
MODULE_LICENSE("GPL");
