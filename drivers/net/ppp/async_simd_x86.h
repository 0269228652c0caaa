/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vector helpers of the HDLC codec for x86-64: PCLMULQDQ for the
 * FCS (async_fcs.c), SSE2 compares for the runs of plain bytes
 * (async_hdlc.c).  Included by async_simd.h only.
 *
 * Only inside ppp_hdlc_simd_begin() and _end().  The kernel is built
 * without SSE, so the compiler never holds anything in xmm registers
 * there and naming them as clobbers is refused; a userspace build must.
 */
#ifndef PPP_ASYNC_SIMD_X86_H
#define PPP_ASYNC_SIMD_X86_H

#ifdef __SSE2__
#define CLMUL_CLOBBERS	"memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3"
#else
#define CLMUL_CLOBBERS	"memory", "cc"
#endif

/*
 * The FCS of a frame, by multiplies only (async_fcs.c): the first block
 * is the sixteen bytes at @buf with @init in their first two, shuffled
 * by @mask (SSSE3, which every CPU with PCLMULQDQ has); then @blocks (at
 * least 1) blocks at @p are folded in; the state is reduced to eight
 * bytes, and those to their FCS from 0 (Barrett).
 */
static inline u32 fcs_clmul_frame(const u8 *buf, const u8 *mask, u32 init,
				  const u8 *p, size_t blocks)
{
	u32 v;

	asm volatile("movdqu (%[buf]), %%xmm0\n\t"
		     "movd %[init], %%xmm1\n\t"
		     "pxor %%xmm1, %%xmm0\n\t"
		     "movdqu (%[mask]), %%xmm1\n\t"
		     "pshufb %%xmm1, %%xmm0\n\t"
		     "movdqu (%[k]), %%xmm1\n"
		     "1:\n\t"
		     "movdqa %%xmm0, %%xmm2\n\t"
		     "pclmulqdq $0x00, %%xmm1, %%xmm0\n\t"
		     "pclmulqdq $0x11, %%xmm1, %%xmm2\n\t"
		     "movdqu (%[p]), %%xmm3\n\t"
		     "pxor %%xmm2, %%xmm0\n\t"
		     "pxor %%xmm3, %%xmm0\n\t"
		     "add $16, %[p]\n\t"
		     "dec %[n]\n\t"
		     "jnz 1b\n\t"
		     "movq 16(%[k]), %%xmm1\n\t"
		     "movdqa %%xmm0, %%xmm2\n\t"
		     "pclmulqdq $0x00, %%xmm1, %%xmm2\n\t"
		     "psrldq $8, %%xmm0\n\t"
		     "pslldq $8, %%xmm0\n\t"
		     "pxor %%xmm2, %%xmm0\n\t"
		     "movdqa %%xmm0, %%xmm2\n\t"
		     "pclmulqdq $0x00, %%xmm1, %%xmm2\n\t"
		     "pxor %%xmm2, %%xmm0\n\t"
		     "psrldq $8, %%xmm0\n\t"
		     "movq 24(%[k]), %%xmm1\n\t"
		     "movdqa %%xmm0, %%xmm2\n\t"
		     "pclmulqdq $0x00, %%xmm1, %%xmm2\n\t"
		     "psllq $1, %%xmm2\n\t"
		     "pxor %%xmm2, %%xmm0\n\t"
		     "movq 32(%[k]), %%xmm1\n\t"
		     "pclmulqdq $0x00, %%xmm1, %%xmm0\n\t"
		     "pextrw $4, %%xmm0, %[v]"
		     : [v] "=r" (v), [p] "+r" (p), [n] "+r" (blocks)
		     : [buf] "r" (buf), [mask] "r" (mask), [init] "r" (init),
		       [k] "r" (&ppp_hdlc_fcs_k)
		     : CLMUL_CLOBBERS);
	return v;
}

/*
 * The plain bytes at the start of @in, sixteen a step (SSE2): compare
 * with 7e and with 7d, one mask bit per byte.  @n is a multiple of 16.
 * Each block is stored whole, hit or not (see copy_plain()).  Returns
 * the offset of the first 7d or 7e, or @n.  In a SIMD section only.
 */
static inline size_t copy_plain_vec(u8 *out, const u8 *in, size_t n)
{
	size_t i = 0;
	u32 hit;

	asm volatile("movd %[f], %%xmm2\n\t"
		     "pshufd $0, %%xmm2, %%xmm2\n\t"
		     "movd %[e], %%xmm3\n\t"
		     "pshufd $0, %%xmm3, %%xmm3\n"
		     "1:\n\t"
		     "movdqu (%[in],%[i]), %%xmm0\n\t"
		     "movdqu %%xmm0, (%[out],%[i])\n\t"
		     "movdqa %%xmm0, %%xmm1\n\t"
		     "pcmpeqb %%xmm2, %%xmm0\n\t"
		     "pcmpeqb %%xmm3, %%xmm1\n\t"
		     "por %%xmm1, %%xmm0\n\t"
		     "pmovmskb %%xmm0, %[hit]\n\t"
		     "test %[hit], %[hit]\n\t"
		     "jnz 2f\n\t"
		     "add $16, %[i]\n\t"
		     "cmp %[n], %[i]\n\t"
		     "jb 1b\n"
		     "2:"
		     : [i] "+r" (i), [hit] "=&r" (hit)
		     : [in] "r" (in), [out] "r" (out), [n] "r" (n),
		       [f] "r" (0x7e7e7e7e), [e] "r" (0x7d7d7d7d)
		     : CLMUL_CLOBBERS);
	return hit ? i + __ffs(hit) : i;
}

/*
 * The sixteen bytes at @in, stored to @out; returns the offset of the
 * first that is a control character, 7d or 7e (min(b, 1f) == b, and two
 * compares), or 16.  In a SIMD section only.
 */
static __always_inline size_t vec_block_ctl(u8 *out, const u8 *in)
{
	/* the bytes it looks for: below 0x20, 7d, 7e */
	static const u8 vec_ctl_consts[3][16] __aligned(16) = {
		{ [0 ... 15] = 0x1f }, { [0 ... 15] = 0x7d },
		{ [0 ... 15] = 0x7e },
	};
	u32 hit;

	asm volatile("movdqu (%[in]), %%xmm0\n\t"
		     "movdqu %%xmm0, (%[out])\n\t"
		     "movdqa %[c1f], %%xmm1\n\t"
		     "pminub %%xmm0, %%xmm1\n\t"
		     "pcmpeqb %%xmm0, %%xmm1\n\t"
		     "movdqa %[c7d], %%xmm2\n\t"
		     "pcmpeqb %%xmm0, %%xmm2\n\t"
		     "pcmpeqb %[c7e], %%xmm0\n\t"
		     "por %%xmm2, %%xmm1\n\t"
		     "por %%xmm1, %%xmm0\n\t"
		     "pmovmskb %%xmm0, %[hit]"
		     : [hit] "=r" (hit)
		     : [in] "r" (in), [out] "r" (out),
		       [c1f] "m" (vec_ctl_consts[0]),
		       [c7d] "m" (vec_ctl_consts[1]),
		       [c7e] "m" (vec_ctl_consts[2])
		     : CLMUL_CLOBBERS);
	return hit ? __ffs(hit) : 16;
}

#endif /* PPP_ASYNC_SIMD_X86_H */
