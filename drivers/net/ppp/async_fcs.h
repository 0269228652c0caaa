/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FCS-16 for the RFC 1662 codec, as async_hdlc.c uses it: the table
 * steps inlined into its loops, and the whole-buffer folds of
 * async_fcs.c.  ppp_hdlc_fcs() and ppp_hdlc_fcs_fast() are in
 * async_hdlc.h with the rest of the codec's interface.
 */
#ifndef PPP_ASYNC_FCS_H
#define PPP_ASYNC_FCS_H

/* Slicing tables, generated into async_fcs_table.h (see async_fcs.c). */
extern const u32 ppp_hdlc_fcs_tab[8][256];

/*
 * The steps take and give the FCS in a u32: its value stays below 2^16
 * (the tables' entries do), and the loops then mask nothing.
 */
static inline u32 fcs_byte(u32 fcs, u8 c)
{
	return (fcs >> 8) ^ ppp_hdlc_fcs_tab[0][(fcs ^ c) & 0xff];
}

/* Fold eight bytes, loaded little-endian into @w, into @fcs. */
static inline u32 fcs_word(u32 fcs, u64 w)
{
	const u32 (*t)[256] = ppp_hdlc_fcs_tab;
	u32 lo = (u32)w ^ fcs, hi = w >> 32;

	return t[7][lo & 0xff] ^ t[6][(lo >> 8) & 0xff] ^
	       t[5][(lo >> 16) & 0xff] ^ t[4][lo >> 24] ^
	       t[3][hi & 0xff] ^ t[2][(hi >> 8) & 0xff] ^
	       t[1][(hi >> 16) & 0xff] ^ t[0][hi >> 24];
}

/*
 * Fold four bytes, loaded little-endian into @w, into @fcs, with the
 * first four tables at @t (their addresses: see copy_plain()).
 */
static inline u32 fcs_word32(u32 fcs, u32 w, const u32 *const *t)
{
	u32 v = w ^ fcs;

	return t[3][v & 0xff] ^ t[2][(v >> 8) & 0xff] ^
	       t[1][(v >> 16) & 0xff] ^ t[0][v >> 24];
}

u16 ppp_hdlc_fcs_clmul(u16 fcs, const u8 *buf, size_t len);
bool ppp_hdlc_fcs_bulk(u16 *fcs, const u8 *buf, size_t len);

#endif /* PPP_ASYNC_FCS_H */
