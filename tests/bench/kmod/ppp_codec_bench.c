// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_codec_bench: the RFC 1662 codec of ppp_async (async_hdlc.c), timed
 * alone.  On load it encodes and decodes frames of 64, 576 and 1500
 * bytes (random payload under the default ACCM, random with asyncmap 0,
 * every byte escaped), prints one line per case,
 *
 *   BENCH test=codec op=enc|dec size=N mode=M bytes=B ns=T
 *
 * after a line naming the path the codec takes on this CPU,
 *
 *   BENCH test=codec-path path=pclmul-sse2|pmull-neon|generic
 *
 * (the same async_simd.h hooks decide it for ppp_async), and stays
 * loaded doing nothing (rmmod it).  simd=0 switches the vector paths
 * off, as ppp_async's parameter of that name does.  Under QEMU's icount
 * the times are guest instructions.  Decoding checks that every frame came
 * back, so a broken codec cannot look fast.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/random.h>
#include <linux/ktime.h>
#include <linux/sched.h>

#include "async_fcs.c"
#include "async_hdlc.c"

static unsigned int mbytes = 4;
module_param(mbytes, uint, 0444);
MODULE_PARM_DESC(mbytes, "payload MiB per case (default 4)");

static bool simd = true;
module_param(simd, bool, 0444);
MODULE_PARM_DESC(simd, "use the vector paths, as ppp_async's simd (default 1)");

#define NFR	32		/* distinct frames per case, cycled */

static const char *const mode_name[] = { "random", "map0", "worst" };

/* The vector path ppp_hdlc_simd_begin() enters here, if any. */
static const char *codec_path(void)
{
	if (!ppp_hdlc_clmul_present())
		return "generic";
	if (IS_ENABLED(CONFIG_X86_64))
		return "pclmul-sse2";
	if (IS_ENABLED(CONFIG_ARM64))
		return "pmull-neon";
	return "vector";
}

static void fill(u8 *f, size_t size, int mode)
{
	static const u8 esc[] = { 0x7d, 0x7e };
	size_t i;

	get_random_bytes(f, size);
	f[0] = 0x00;
	f[1] = 0x21;
	if (mode == 2)
		for (i = 2; i < size; i++)
			f[i] = (f[i] % 34) < 32 ? f[i] % 32 : esc[f[i] & 1];
}

static int run_case(size_t size, int mode, u8 *frames, u8 *wire,
		    size_t wire_room, u8 *rbuf)
{
	static struct ppp_hdlc_map map, lcpmap;
	static struct ppp_hdlc_enc enc;
	static struct ppp_hdlc_dec dec;
	u32 xaccm[8] = { mode == 1 ? 0 : ~0U, 0, 0, 0x60000000U };
	u64 nfr = div_u64((u64)mbytes << 20, size), i, got = 0;
	size_t wlen = 0, off, used;
	u64 t0, t1;
	u32 flen;

	ppp_hdlc_tx_map(&map, xaccm);
	ppp_hdlc_lcp_map(&lcpmap, xaccm);
	for (i = 0; i < NFR; i++)
		fill(frames + i * size, size, mode);

	/* encode: every frame in full; the wire of the first NFR is kept */
	t0 = ktime_get_ns();
	for (i = 0; i < nfr; i++) {
		u8 *o = i < NFR ? wire + wlen : wire + wire_room - ppp_hdlc_enc_max(1500);

		ppp_hdlc_enc_frame(&enc, &map, &lcpmap, frames + (i % NFR) * size,
				   size, PPP_HDLC_OPEN_FLAG);
		off = 0;
		while (!ppp_hdlc_enc_done(&enc))
			off += ppp_hdlc_enc_run(&enc, o + off, 4096);
		if (i < NFR)
			wlen += off;
		if (!(i & 1023))
			cond_resched();
	}
	t1 = ktime_get_ns();
	pr_info("BENCH test=codec op=enc size=%zu mode=%s bytes=%llu ns=%llu\n",
		size, mode_name[mode], nfr * size, t1 - t0);

	/* decode the kept wire bytes over and over */
	ppp_hdlc_dec_init(&dec, mode == 1 ? 0 : ~0U);
	t0 = ktime_get_ns();
	for (i = 0; i < nfr; i += NFR) {
		const u8 *in = wire;
		size_t n = wlen;

		while (n) {
			enum ppp_hdlc_result r;

			r = ppp_hdlc_dec_run(&dec, in, n, &used, &flen);
			in += used;
			n -= used;
			if (r == PPP_HDLC_NEED_BUF)
				ppp_hdlc_dec_set_buf(&dec, rbuf, 1500 + 8);
			else if (r == PPP_HDLC_FRAME && flen == size + 2)
				got++;
		}
		cond_resched();
	}
	t1 = ktime_get_ns();
	pr_info("BENCH test=codec op=dec size=%zu mode=%s bytes=%llu ns=%llu ok=%d\n",
		size, mode_name[mode], got * size, t1 - t0,
		got == DIV_ROUND_UP_ULL(nfr, NFR) * NFR);
	return 0;
}

static int __init ppp_codec_bench_init(void)
{
	static const size_t sizes[] = { 64, 576, 1500 };
	size_t wire_room = (NFR + 1) * ppp_hdlc_enc_max(1500);
	u8 *frames, *wire, *rbuf;
	int s, m;

	if (!simd)
		ppp_hdlc_simd_disable();
	pr_info("BENCH test=codec-path path=%s\n", codec_path());
	frames = vmalloc(NFR * 1500);
	wire = vmalloc(wire_room);
	rbuf = vmalloc(1500 + 8);
	if (!frames || !wire || !rbuf) {
		vfree(frames);
		vfree(wire);
		vfree(rbuf);
		return -ENOMEM;
	}
	for (m = 0; m < 3; m++)
		for (s = 0; s < ARRAY_SIZE(sizes); s++)
			run_case(sizes[s], m, frames, wire, wire_room, rbuf);
	vfree(frames);
	vfree(wire);
	vfree(rbuf);
	return 0;
}

static void __exit ppp_codec_bench_exit(void)
{
}

module_init(ppp_codec_bench_init);
module_exit(ppp_codec_bench_exit);

MODULE_DESCRIPTION("PPP async codec micro-benchmark (pppstack bench)");
MODULE_LICENSE("GPL");
