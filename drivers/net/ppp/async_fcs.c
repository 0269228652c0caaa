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
 * reading, so the constants (ppp_hdlc_fcs_k: k191, k127) are x^191 and
 * x^127 mod P, bit-reversed into their quadword's high end.
 *
 * A frame whose length is not a multiple of 16 is taken as if zeros
 * came first, which leaves the FCS from 0 as it is: its first block is
 * those zeros and the frame's first (length % 16) bytes, and the blocks
 * end with the frame.  The last state is then reduced, H x^64 + L to
 * H (x^64 mod P) + L (constant k63, x^63 mod P): once
 * leaves H 16 bits, twice none, and what is left is eight bytes V in the
 * high quadword.  Their FCS from 0, V x^16 mod P, is S x^16 mod P.
 *
 * Barrett gets it without a division: with M = x^80 / P (quotient, x^64
 * + M'), the quotient of V x^16 by P is Q = V + (V M' / x^64), and the
 * remainder is the low 16 bits of Q P, that is of Q (P - x^16).  In the
 * bit-reversed reading the first is the low quadword of V M' shifted up
 * by one; the constant of the second (p) is placed so that
 * the remainder comes out as bits 64 to 79 of the product.
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

const struct ppp_hdlc_fcs_k ppp_hdlc_fcs_k = {
	.k191 = 0xa95d000000000000ULL,
	.k127 = 0x7eea000000000000ULL,
	.k63 = 0x042b000000000000ULL,
	.mu = 0xc2cd82058e2c0c88ULL,
	.p = 0x10810ULL,
};

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
	/*
	 * The first block's shuffle: out of @buf's first sixteen bytes,
	 * the frame's first (len % 16) to the block's end, zeros before
	 * them (from 16: as they are)
	 */
	static const u8 shift[32] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	};
	size_t head;

	if (len < 32)
		return ppp_hdlc_fcs(fcs, buf, len);
	if ((len & 15) == 1) {	/* @fcs's second byte would miss the block */
		fcs = fcs_byte(fcs, *buf++);
		len--;
	}
	head = len & 15 ?: 16;
	return fcs_clmul_frame(buf, shift + head, fcs, buf + head,
			       (len - head) / 16);
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
