// SPDX-License-Identifier: GPL-2.0
/*
 * FCS-16 (RFC 1662 section C.2) for the async HDLC codec: eight bytes a
 * step from slicing tables, or sixteen a step by carry-less
 * multiplication where the CPU has one (async_simd.h).
 *
 * Carry-less multiplication: the FCS is the remainder of the message,
 * times x^16, modulo P = x^16 + x^12 + x^5 + 1, with bits taken least
 * significant first.  Sixteen bytes loaded little-endian into a 128-bit
 * vector register then hold the message with its first bit as the
 * highest power: bit i is x^(127 - i).  The state S is such a 128-bit
 * value, equal modulo P to everything folded so far (the initial FCS
 * goes into the first two bytes, as in the byte loop).  Appending a
 * block D makes it S x^128 + D; with S = H x^64 + L (H in the low
 * quadword) that is H (x^192 mod P) + L (x^128 mod P) + D, below 128
 * bits again: two multiplies and two XORs per block.  The product of two
 * bit-reversed quadwords comes out one place short of the register's
 * reading, so the constants (PPP_HDLC_FCS_K191, _K127) are x^191 and
 * x^127 mod P, bit-reversed into their quadword's high end.  The last
 * state goes through the table loop as 16 ordinary bytes (its FCS from
 * 0 is S x^16 mod P), then whatever did not fill a block.
 */
#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#endif
#include "async_hdlc.h"
#include "async_fcs.h"
#include "async_simd.h"
#include "async_fcs_table.h"

#define CLMUL_MIN	128	/* below this the table loop is cheaper */

#if defined(__KERNEL__) && defined(PPP_HDLC_CLMUL)
DEFINE_STATIC_KEY_TRUE(ppp_hdlc_simd_on);
#endif

/**
 * ppp_hdlc_fcs - fold bytes into an FCS-16
 * @fcs: running value (PPP_HDLC_INITFCS to start)
 * @buf: bytes
 * @len: number of bytes
 *
 * Return: the updated FCS.  Over a whole frame including its two FCS
 * bytes the result is PPP_HDLC_GOODFCS.
 */
u16 ppp_hdlc_fcs(u16 fcs, const u8 *buf, size_t len)
{
	while (len >= 8) {
		fcs = fcs_word(fcs, get_unaligned_le64(buf));
		buf += 8;
		len -= 8;
	}
	while (len--)
		fcs = fcs_byte(fcs, *buf++);
	return fcs;
}

/*
 * Fold @len bytes into @fcs, by multiplier from 32 on.  In a SIMD
 * section only.
 */
u16 ppp_hdlc_fcs_clmul(u16 fcs, const u8 *buf, size_t len)
{
	u8 st[16];

	if (len < 32)
		return ppp_hdlc_fcs(fcs, buf, len);
	memcpy(st, buf, sizeof(st));
	st[0] ^= fcs & 0xff;
	st[1] ^= fcs >> 8;
	fcs_fold_clmul(st, buf + 16, len / 16 - 1);
	fcs = ppp_hdlc_fcs(0, st, sizeof(st));
	return ppp_hdlc_fcs(fcs, buf + (len & ~(size_t)15), len & 15);
}

/*
 * Fold @len bytes into *@fcs with the multiplier, in a SIMD section of
 * its own; false, untouched, if the bytes are too few to pay for the
 * section or this CPU or context cannot.
 */
bool ppp_hdlc_fcs_bulk(u16 *fcs, const u8 *buf, size_t len)
{
	if (len < CLMUL_MIN || !ppp_hdlc_simd_begin())
		return false;
	*fcs = ppp_hdlc_fcs_clmul(*fcs, buf, len);
	ppp_hdlc_simd_end();
	return true;
}

/**
 * ppp_hdlc_fcs_fast - fold bytes into an FCS-16, by multiplier if it can
 * @fcs: running value
 * @buf: bytes
 * @len: number of bytes
 *
 * As ppp_hdlc_fcs(), using the CPU's carry-less multiply for long runs
 * where it has one and may use it here.
 *
 * Return: the updated FCS.
 */
u16 ppp_hdlc_fcs_fast(u16 fcs, const u8 *buf, size_t len)
{
	if (!ppp_hdlc_fcs_bulk(&fcs, buf, len))
		fcs = ppp_hdlc_fcs(fcs, buf, len);
	return fcs;
}
