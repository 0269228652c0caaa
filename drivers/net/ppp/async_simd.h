/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the pure codec (async_hdlc.c, async_fcs.c) needs from the CPU and
 * the kernel to use vector instructions: is the carry-less multiply
 * there, may this context use vector registers, and the per-arch helpers
 * that run inside such a section.  In the kernel the hooks are below;
 * tests/host/kshim.h has the userspace versions.
 *
 * Only x86-64 has them so far (PCLMULQDQ and SSE2: async_simd_x86.h).
 * Elsewhere PPP_HDLC_CLMUL stays undefined, the stubs at the end stand
 * in (the SIMD section is never entered, so the helpers are never
 * called) and the codec computes the FCS from tables.
 *
 * ppp_hdlc_simd_on (defined in async_fcs.c) switches the vector paths
 * off for a whole module: ppp_async's simd=0 turns it off at load time,
 * so that the benchmark can measure what the vector paths give.  It is
 * a static key: with the default the test is a no-op jump.
 */
#ifndef PPP_ASYNC_SIMD_H
#define PPP_ASYNC_SIMD_H

#if defined(__KERNEL__) && defined(CONFIG_X86_64) && !defined(CONFIG_UML)
#include <linux/jump_label.h>
#include <asm/cpufeature.h>
#include <asm/fpu/api.h>
#include <asm/simd.h>

#define PPP_HDLC_CLMUL 1

DECLARE_STATIC_KEY_TRUE(ppp_hdlc_simd_on);

/* For module init only: before any codec state exists. */
static inline void ppp_hdlc_simd_disable(void)
{
	static_branch_disable(&ppp_hdlc_simd_on);
}

static inline bool ppp_hdlc_clmul_present(void)
{
	return static_branch_likely(&ppp_hdlc_simd_on) &&
	       boot_cpu_has(X86_FEATURE_PCLMULQDQ);
}

/*
 * Enter a section that may use the xmm registers: false (and no section)
 * where the kernel cannot save them here, e.g. in a hard interrupt that
 * came in over another such section.
 */
static inline bool ppp_hdlc_simd_begin(void)
{
	if (!static_branch_likely(&ppp_hdlc_simd_on) || !may_use_simd())
		return false;
	kernel_fpu_begin();
	return true;
}

static inline void ppp_hdlc_simd_end(void)
{
	kernel_fpu_end();
}
#endif

/* The fold's constants: x^191 and x^127 mod P, reversed (async_fcs.c). */
#define PPP_HDLC_FCS_K191	0xa95d000000000000ULL
#define PPP_HDLC_FCS_K127	0x7eea000000000000ULL

#ifdef PPP_HDLC_CLMUL
#include "async_simd_x86.h"
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
static inline void fcs_fold_clmul(u8 *st, const u8 *p, size_t blocks)
{
}

static inline size_t copy_plain_vec(u8 *out, const u8 *in, size_t n)
{
	return n;
}

static inline u32 vec_block_ctl(u8 *out, const u8 *in)
{
	return 0;
}
#endif

#endif /* PPP_ASYNC_SIMD_H */
