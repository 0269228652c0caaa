/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the pure codec (async_hdlc.c) needs from the kernel to use the
 * CPU's carry-less multiply for the FCS: is the instruction there, and
 * may this context use vector registers.  tests/host/kshim.h has the
 * userspace versions.
 *
 * Only x86-64 has one so far (PCLMULQDQ; arm64 PMULL would fit the same
 * three hooks).  Elsewhere PPP_HDLC_CLMUL stays undefined and the codec
 * computes the FCS from tables.
 *
 * ppp_hdlc_simd_on (defined in async_hdlc.c) switches the vector paths
 * off for a whole module: ppp_async's simd=0 turns it off at load time,
 * so that the benchmark can measure what the vector paths give.  It is
 * a static key: with the default the test is a no-op jump.
 */
#ifndef PPP_ASYNC_SIMD_H
#define PPP_ASYNC_SIMD_H

#if defined(CONFIG_X86_64) && !defined(CONFIG_UML)
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
#else
static inline void ppp_hdlc_simd_disable(void)
{
}
#endif

#endif /* PPP_ASYNC_SIMD_H */
