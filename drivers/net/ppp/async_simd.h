/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the pure codec (async_hdlc.c, async_fcs.c) needs from the CPU and
 * the kernel to use vector instructions: is the carry-less multiply
 * there, may this context use vector registers, and the per-arch helpers
 * that run inside such a section.  In the kernel the hooks are below;
 * tests/host/kshim.h has the userspace versions.
 *
 * x86-64 (PCLMULQDQ, SSE2, SSSE3: async_simd_x86.h) and arm64 (PMULL and
 * Advanced SIMD: async_simd_arm64.h) have them.  Elsewhere, and on a CPU
 * without the multiply, no SIMD section is ever entered and the codec
 * computes the FCS from tables; where PPP_HDLC_CLMUL stays undefined
 * the stubs at the end stand in for the helpers, never to be called.
 *
 * ppp_hdlc_simd_on (defined in async_fcs.c) switches the vector paths
 * off for a whole module: ppp_async's simd=0 turns it off at load time,
 * so that the benchmark can measure what the vector paths give.  It is
 * a static key: with the default the test is a no-op jump.
 */
#ifndef PPP_ASYNC_SIMD_H
#define PPP_ASYNC_SIMD_H

#if defined(__KERNEL__) && defined(CONFIG_X86_64) && !defined(CONFIG_UML)
#include <asm/cpufeature.h>
#include <asm/fpu/api.h>

#define PPP_HDLC_CLMUL 1

static inline bool ppp_hdlc_cpu_clmul(void)
{
	return boot_cpu_has(X86_FEATURE_PCLMULQDQ) &&
	       boot_cpu_has(X86_FEATURE_SSSE3);
}

static inline void ppp_hdlc_cpu_vec_begin(void)
{
	kernel_fpu_begin();
}

static inline void ppp_hdlc_cpu_vec_end(void)
{
	kernel_fpu_end();
}
#elif defined(__KERNEL__) && defined(CONFIG_ARM64) && \
	defined(CONFIG_KERNEL_MODE_NEON)
#include <asm/cpufeature.h>
#include <asm/neon.h>

#define PPP_HDLC_CLMUL 1

static inline bool ppp_hdlc_cpu_clmul(void)
{
	return cpu_have_named_feature(PMULL);
}

static inline void ppp_hdlc_cpu_vec_begin(void)
{
	kernel_neon_begin();
}

static inline void ppp_hdlc_cpu_vec_end(void)
{
	kernel_neon_end();
}
#endif

#if defined(__KERNEL__) && defined(PPP_HDLC_CLMUL)
#include <linux/jump_label.h>
#include <asm/simd.h>

DECLARE_STATIC_KEY_TRUE(ppp_hdlc_simd_on);

/* For module init only: before any codec state exists. */
static inline void ppp_hdlc_simd_disable(void)
{
	static_branch_disable(&ppp_hdlc_simd_on);
}

static inline bool ppp_hdlc_clmul_present(void)
{
	return static_branch_likely(&ppp_hdlc_simd_on) &&
	       ppp_hdlc_cpu_clmul();
}

/*
 * Enter a section that may use the vector registers: false (and no
 * section) where the kernel cannot save them here, e.g. in a hard
 * interrupt that came in over another such section, and on a CPU
 * without the multiply, which every section may use (the FCS of a
 * frame is folded in the section its runs are scanned in).
 */
static inline bool ppp_hdlc_simd_begin(void)
{
	if (!ppp_hdlc_clmul_present() || !may_use_simd())
		return false;
	ppp_hdlc_cpu_vec_begin();
	return true;
}

static inline void ppp_hdlc_simd_end(void)
{
	ppp_hdlc_cpu_vec_end();
}
#endif

/**
 * struct ppp_hdlc_fcs_k - the multiplies' constants (async_fcs.c)
 * @k191: the fold's, x^191 mod P, bit-reversed as the data is
 * @k127: and x^127 mod P (with @k191, one 16-byte load)
 * @k63: the reduction's, x^63 mod P
 * @mu: the Barrett step's, x^80 / P without its x^64 term
 * @p: and P without x^16, placed for the remainder to come out in bits
 *	64 to 79
 *
 * The helpers take them from memory at fixed offsets: 0, 8, 16, 24, 32.
 */
struct ppp_hdlc_fcs_k {
	u64 k191;
	u64 k127;
	u64 k63;
	u64 mu;
	u64 p;
};

extern const struct ppp_hdlc_fcs_k ppp_hdlc_fcs_k;

#if defined(PPP_HDLC_CLMUL) && defined(__x86_64__)
#include "async_simd_x86.h"
#elif defined(PPP_HDLC_CLMUL) && defined(__aarch64__)
#include "async_simd_arm64.h"
#else
static inline void ppp_hdlc_simd_disable(void)
{
}

static inline bool ppp_hdlc_clmul_present(void)
{
	return false;
}

static inline bool ppp_hdlc_simd_begin(void)
{
	return false;
}

static inline void ppp_hdlc_simd_end(void)
{
}

/* The helpers: never called, as there is no SIMD section. */
static inline u32 fcs_clmul_frame(const u8 *buf, const u8 *mask, u32 init,
				  const u8 *p, size_t blocks)
{
	return 0;
}

static inline size_t copy_plain_vec(u8 *out, const u8 *in, size_t n)
{
	return n;
}

static inline size_t vec_block_ctl(u8 *out, const u8 *in)
{
	return 16;
}
#endif

#endif /* PPP_ASYNC_SIMD_H */
