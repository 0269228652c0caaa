/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vector helpers of the HDLC codec for arm64: PMULL for the FCS
 * (async_fcs.c), Advanced SIMD compares for the runs of plain bytes
 * (async_hdlc.c).  Included by async_simd.h only.
 *
 * Only inside ppp_hdlc_simd_begin() and _end(), which on arm64 also
 * require PMULL (the crypto extension: not on every core, e.g. not on
 * Cortex-A72 without it).  Every load and store here may be unaligned:
 * arm64 allows that for vector registers on normal memory.
 *
 * NEON has no byte mask move (x86's pmovmskb): a compare result, 0xff
 * per matching byte, is narrowed with a shift by 4 to a 64-bit value
 * with four bits per byte, so the first match is the lowest set bit
 * divided by four.
 *
 * The kernel builds with -mgeneral-regs-only, so the compiler keeps
 * nothing in v registers there; naming them as clobbers is allowed all
 * the same, and a userspace build needs it.
 */
#ifndef PPP_ASYNC_SIMD_ARM64_H
#define PPP_ASYNC_SIMD_ARM64_H

#define NEON_CLOBBERS	"memory", "cc", "v0", "v1", "v2", "v3"

/*
 * The FCS of a frame, by multiplies only (async_fcs.c): the first block
 * is the sixteen bytes at @buf with @init in their first two, shuffled
 * by @mask (TBL); then @blocks (at least 1) blocks at @p are folded in;
 * the state is reduced to eight bytes, and those to their FCS from 0
 * (Barrett).
 */
static inline u32 fcs_clmul_frame(const u8 *buf, const u8 *mask, u32 init,
				  const u8 *p, size_t blocks)
{
	u32 v;

	asm volatile(".arch_extension aes\n\t"
		     "ldr q0, [%[buf]]\n\t"
		     "fmov s1, %w[init]\n\t"
		     "eor v0.16b, v0.16b, v1.16b\n\t"
		     "ldr q1, [%[mask]]\n\t"
		     "tbl v0.16b, {v0.16b}, v1.16b\n\t"
		     "ldr q1, [%[k]]\n"
		     "1:\n\t"
		     "ldr q3, [%[p]], #16\n\t"
		     "pmull v2.1q, v0.1d, v1.1d\n\t"
		     "pmull2 v0.1q, v0.2d, v1.2d\n\t"
		     "eor v0.16b, v0.16b, v2.16b\n\t"
		     "eor v0.16b, v0.16b, v3.16b\n\t"
		     "subs %[n], %[n], #1\n\t"
		     "b.ne 1b\n\t"
		     "ldr d1, [%[k], #16]\n\t"
		     "pmull v2.1q, v0.1d, v1.1d\n\t"
		     "mov v0.d[0], xzr\n\t"
		     "eor v0.16b, v0.16b, v2.16b\n\t"
		     "pmull v2.1q, v0.1d, v1.1d\n\t"
		     "eor v0.16b, v0.16b, v2.16b\n\t"
		     "mov d0, v0.d[1]\n\t"
		     "ldr d1, [%[k], #24]\n\t"
		     "pmull v2.1q, v0.1d, v1.1d\n\t"
		     "shl d2, d2, #1\n\t"
		     "eor v0.8b, v0.8b, v2.8b\n\t"
		     "ldr d1, [%[k], #32]\n\t"
		     "pmull v2.1q, v0.1d, v1.1d\n\t"
		     "umov %w[v], v2.h[4]"
		     : [v] "=r" (v), [p] "+r" (p), [n] "+r" (blocks)
		     : [buf] "r" (buf), [mask] "r" (mask), [init] "r" (init),
		       [k] "r" (&ppp_hdlc_fcs_k)
		     : NEON_CLOBBERS);
	return v;
}

/*
 * The plain bytes at the start of @in, sixteen a step: compare with 7e
 * and with 7d.  @n is a multiple of 16.  Each block is stored whole,
 * hit or not (see copy_plain()).  Returns the offset of the first 7d or
 * 7e, or @n.  In a SIMD section only.
 */
static inline size_t copy_plain_vec(u8 *out, const u8 *in, size_t n)
{
	size_t i = 0;
	u64 hit;

	asm volatile("movi v2.16b, #0x7e\n\t"
		     "movi v3.16b, #0x7d\n"
		     "1:\n\t"
		     "ldr q0, [%[in], %[i]]\n\t"
		     "str q0, [%[out], %[i]]\n\t"
		     "cmeq v1.16b, v0.16b, v2.16b\n\t"
		     "cmeq v0.16b, v0.16b, v3.16b\n\t"
		     "orr v0.16b, v0.16b, v1.16b\n\t"
		     "shrn v0.8b, v0.8h, #4\n\t"
		     "fmov %[hit], d0\n\t"
		     "cbnz %[hit], 2f\n\t"
		     "add %[i], %[i], #16\n\t"
		     "cmp %[i], %[n]\n\t"
		     "b.lo 1b\n"
		     "2:"
		     : [i] "+r" (i), [hit] "=&r" (hit)
		     : [in] "r" (in), [out] "r" (out), [n] "r" (n)
		     : NEON_CLOBBERS);
	return hit ? i + __ffs64(hit) / 4 : i;
}

/*
 * The sixteen bytes at @in, stored to @out; returns the offset of the
 * first that is a control character, 7d or 7e (below 20 unsigned, and
 * two compares), or 16.  In a SIMD section only.
 */
static __always_inline size_t vec_block_ctl(u8 *out, const u8 *in)
{
	u64 hit;

	asm volatile("ldr q0, [%[in]]\n\t"
		     "str q0, [%[out]]\n\t"
		     "movi v1.16b, #0x20\n\t"
		     "movi v2.16b, #0x7d\n\t"
		     "movi v3.16b, #0x7e\n\t"
		     "cmhi v1.16b, v1.16b, v0.16b\n\t"
		     "cmeq v2.16b, v2.16b, v0.16b\n\t"
		     "cmeq v3.16b, v3.16b, v0.16b\n\t"
		     "orr v1.16b, v1.16b, v2.16b\n\t"
		     "orr v1.16b, v1.16b, v3.16b\n\t"
		     "shrn v1.8b, v1.8h, #4\n\t"
		     "fmov %[hit], d1"
		     : [hit] "=r" (hit)
		     : [in] "r" (in), [out] "r" (out)
		     : NEON_CLOBBERS);
	return hit ? __ffs64(hit) / 4 : 16;
}

#endif /* PPP_ASYNC_SIMD_ARM64_H */
