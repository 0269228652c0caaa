// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 1662 asynchronous HDLC-like framing: FCS-16, escape maps, and the
 * encoder and decoder state machines.  See async_hdlc.h for the layout
 * of a frame.
 *
 * Speed: on a negotiated link (async map 0) almost no byte needs
 * escaping, so both directions work in runs of plain bytes.  When only
 * 7d and 7e are special (struct ppp_hdlc_map ->words) a run goes a word
 * per step (eight bytes, four on a 32-bit CPU): load it, test it for 7d
 * and 7e with a few arithmetic operations, store it, fold it into the
 * FCS (slicing tables).  With any other map the run is scanned a byte at
 * a time against the byte-per-value map, folding as it goes: with the
 * default map (every control character escaped) random data has a
 * special byte every 7.5 bytes, too often for words to pay.  Escapes,
 * flags and mapped control characters drop into a per-byte slow path.
 *
 * Where the CPU has a carry-less multiply (async_simd.h) the FCS is not
 * folded run by run at all: the encoder computes it over the whole
 * frame before it starts, the decoder over its buffer at the closing
 * flag, sixteen bytes a step (async_fcs.c), and the runs only test and
 * copy, sixteen bytes a step too (enc_body_vec(), dec_run_vec()).  That
 * also covers the default map, where control characters are escaped:
 * the vector compare finds them with 7d and 7e, and the escape pairs are
 * written (or, received, undone) right where the run stopped.
 */
#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/compiler.h>
#include <linux/minmax.h>
#include <linux/bitops.h>
#include <linux/unaligned.h>
#endif
#include "async_hdlc.h"
#include "async_fcs.h"
#include "async_simd.h"

/*
 * The word a run of plain bytes is tested, copied and folded in: eight
 * bytes on a 64-bit CPU, four on a 32-bit one.  There a u64 takes two
 * registers for every value, and the fold loop of copy_plain() needed
 * more registers than 32-bit ARM has: it spilled to the stack and took
 * 86 instructions per eight bytes.
 */
#if BITS_PER_LONG == 64
typedef u64 run_word;
#define run_word_load(p)	get_unaligned_le64(p)
#define run_word_store(w, p)	put_unaligned_le64(w, p)
#define run_word_ffs(w)		__ffs64(w)
#define run_word_fold(f, w)	fcs_word(f, w)
#define RUN_WORD_EXACT		1

#define ONES	0x0101010101010101ULL

/*
 * Does @w hold 7d or 7e?  Nonzero if so, and exact as a yes/no answer:
 * (v - ONES) & ~v & (ONES << 7) is nonzero iff v has a zero byte.  With
 * no zero byte nothing borrows, and b - 1 and ~b share a top bit only
 * for b = 0; with one, the lowest zero byte sets its top bit.  Below
 * that byte nothing borrows either, so the lowest bit set is exact too:
 * it is the top bit of the first 7d or 7e.
 */
static inline u64 word_special(u64 w)
{
	u64 f = w ^ (ONES * PPP_HDLC_FLAG), e = w ^ (ONES * PPP_HDLC_ESCAPE);

	return (((f - ONES) & ~f) | ((e - ONES) & ~e)) & (ONES << 7);
}
#else
typedef u32 run_word;
#define run_word_load(p)	get_unaligned_le32(p)
#define run_word_store(w, p)	put_unaligned_le32(w, p)
#define run_word_ffs(w)		__ffs(w)
#define run_word_fold(f, w)	fcs_word32(f, w, tabs)

/*
 * The four tables' addresses for run_word_fold(), each in a register of
 * its own: the compiler otherwise derives them from the first, with an
 * add per lookup (32-bit ARM: 26 instructions per four bytes, 22 so).
 */
static __always_inline void run_word_tabs(const u32 **tabs)
{
	int k;

	for (k = 0; k < 4; k++) {
		tabs[k] = ppp_hdlc_fcs_tab[k];
		OPTIMIZER_HIDE_VAR(tabs[k]);
	}
}

#if defined(__arm__) && __ARM_ARCH >= 6
#define RUN_WORD_EXACT		1

/*
 * Does @w hold 7d or 7e?  The ARMv6 byte-wise subtracts set a GE flag
 * per byte: after w - 7d..7d, then - 02..02, a byte's flag is clear iff
 * it was 7d or 7e (the first took it to 0 or 1).  SEL then puts 02 in
 * place of those bytes, and the XOR with @w leaves them nonzero (7f or
 * 7c) and the others zero: nonzero iff there is one, and the lowest
 * nonzero byte is the first.  Exact; tested for zero, the XOR is a
 * compare of the SEL's result with @w, and the test takes four
 * instructions and two constants (a third, zero, was one register more
 * than the word loops that fold the FCS had to spare).
 */
static inline u32 word_special(u32 w)
{
	u32 t, kept;

	asm("usub8 %0, %2, %3\n\t"
	    "usub8 %0, %0, %4\n\t"
	    "sel %1, %2, %4"
	    : "=&r" (t), "=r" (kept)
	    : "r" (w), "r" (0x7d7d7d7dU), "r" (0x02020202U));
	return kept ^ w;
}
#else
#define RUN_WORD_EXACT		0

/*
 * Might @w hold 7d or 7e?  Nonzero if it holds a byte from 7c to 7f: v
 * = w ^ 7c7c7c7c turns those into 0 to 3, and (v - 04..04) & ~v has
 * the top bit of a byte set iff a byte of v is below 4 (the same
 * argument as for a zero byte, with 4 for 1).  Half the work of two
 * exact compares, and fewer constants to keep in registers; the 7c and
 * 7f it also finds (one word in 32 of random data) are false alarms,
 * which copy_plain() sorts out a byte at a time.
 */
static inline u32 word_special(u32 w)
{
	u32 v = w ^ 0x7c7c7c7cU;

	return (v - 0x04040404U) & ~v & 0x80808080U;
}
#endif
#endif
#define RUN_WORD_BYTES	sizeof(run_word)

/*
 * How copy_plain() treats a run: fold each byte into the FCS, or only
 * copy it (the FCS is done whole, by ppp_hdlc_fcs_bulk()).  Runs in a
 * SIMD section go through enc_body_vec() and dec_run_vec() instead.
 */
enum run_mode {
	RUN_FOLD,
	RUN_COPY,
};

/*
 * The run of plain bytes at the start of @in, at most @n of them:
 * copied to @out and, for RUN_FOLD, folded into *@fcs.  Returns its
 * length.  Inlined with @mode constant, so each caller gets the loop it
 * needs.
 */
static __always_inline size_t copy_plain(const struct ppp_hdlc_map *m,
					 u8 *out, const u8 *in, size_t n,
					 u32 *fcs, enum run_mode mode)
{
	const u8 *special = m->special;
	bool fold = mode == RUN_FOLD;
	u32 f = *fcs;
	size_t i = 0, k;

	/* (pointers, not an index: one register less for 32-bit ARM) */
	if (m->words && n >= RUN_WORD_BYTES) {
		const u8 *p = in, *last = in + n - RUN_WORD_BYTES;
		u8 *o = out;
#if BITS_PER_LONG == 32
		/* (only runs by words fold by them) */
		const u32 *tabs[4];

		run_word_tabs(tabs);
#endif

		for (; p <= last; p += RUN_WORD_BYTES, o += RUN_WORD_BYTES) {
			run_word w = run_word_load(p);
			run_word hit = word_special(w);

			if (hit && !RUN_WORD_EXACT) {
				/*
				 * A candidate: this word a byte at a time.
				 * (One helper for this loop and the tail's
				 * cost 32-bit ARM four spilled constants.)
				 */
				for (k = 0; k < RUN_WORD_BYTES; k++) {
					if (special[p[k]]) {
						*fcs = f;
						return p - in + k;
					}
					o[k] = p[k];
					if (fold)
						f = fcs_byte(f, p[k]);
				}
				continue;	/* a false alarm */
			}
			if (hit && fold)
				break;	/* the byte loop folds up to it */
			/*
			 * Whole word out even on a hit: the bytes from the
			 * special one on are not counted, and are written
			 * over next, or left unused.
			 */
			run_word_store(w, o);
			if (hit)
				return p - in + run_word_ffs(hit) / 8;
			if (fold)
				f = run_word_fold(f, w);
		}
		i = p - in;
	}
	for (k = i; k < n && !special[in[k]]; k++) {
		out[k] = in[k];
		if (fold)
			f = fcs_byte(f, in[k]);
	}
	*fcs = f;
	return k;
}

/*
 * Set ->words (are 7d and 7e the only special bytes?) and ->ctl (are
 * they all control characters, 7d or 7e?).
 */
static void map_set_fast_paths(struct ppp_hdlc_map *m)
{
	unsigned int c;

	m->words = true;
	m->ctl = true;
	for (c = 0; c < 256; c++) {
		bool fixed = c == PPP_HDLC_FLAG || c == PPP_HDLC_ESCAPE;

		if (m->special[c] != fixed)
			m->words = false;
		if (m->special[c] && !fixed && c >= 0x20)
			m->ctl = false;
	}
}

/* Bit @c of a 256-bit map in the ioctl layout (u32 words, LSB first). */
static bool map_bit(const u32 *bits, unsigned int c)
{
	return bits[c >> 5] & (1U << (c & 31));
}

/**
 * ppp_hdlc_tx_map - build the transmit escape map
 * @m: map to fill
 * @xaccm: the 256-bit extended map, as PPPIOCSXASYNCMAP takes it; word 0
 *	is the async map for 0x00-0x1f
 *
 * 0x7d and 0x7e are escaped whatever the map says: unescaped they would
 * end or corrupt the frame.  0x5d and 0x5e are never escaped: their
 * escaped forms, 7d 7d and 7d 7e, would read as a doubled escape and as
 * an abort.
 */
void ppp_hdlc_tx_map(struct ppp_hdlc_map *m, const u32 *xaccm)
{
	unsigned int c;

	for (c = 0; c < 256; c++)
		m->special[c] = map_bit(xaccm, c);
	m->special[PPP_HDLC_FLAG] = 1;
	m->special[PPP_HDLC_ESCAPE] = 1;
	m->special[PPP_HDLC_FLAG ^ PPP_HDLC_TRANS] = 0;
	m->special[PPP_HDLC_ESCAPE ^ PPP_HDLC_TRANS] = 0;
	map_set_fast_paths(m);
}

/**
 * ppp_hdlc_lcp_map - build the escape map for unnegotiated LCP frames
 * @m: map to fill
 * @xaccm: the extended map
 *
 * As ppp_hdlc_tx_map(), plus every control character: LCP negotiation
 * frames must get through before any async map was agreed.
 */
void ppp_hdlc_lcp_map(struct ppp_hdlc_map *m, const u32 *xaccm)
{
	ppp_hdlc_tx_map(m, xaccm);
	memset(m->special, 1, 0x20);
	map_set_fast_paths(m);
}

/**
 * ppp_hdlc_rx_map - build the receive map
 * @m: map to fill
 * @raccm: receive async map: control characters whose bit is set are
 *	line noise (inserted by modems or flow control) and are dropped
 *
 * The decoder acts on exactly these bytes: flag, escape and the mapped
 * control characters.
 */
void ppp_hdlc_rx_map(struct ppp_hdlc_map *m, u32 raccm)
{
	unsigned int c;

	memset(m, 0, sizeof(*m));
	for (c = 0; c < 0x20; c++)
		m->special[c] = (raccm >> c) & 1;
	m->special[PPP_HDLC_FLAG] = 1;
	m->special[PPP_HDLC_ESCAPE] = 1;
	map_set_fast_paths(m);
}

/**
 * ppp_hdlc_lcp_unnegotiated - is this an LCP frame sent with defaults?
 * @data: the frame from its protocol field on
 * @len: its length
 *
 * LCP Configure-Request to Code-Reject (codes 1 to 7) must be sent as if
 * nothing had been negotiated (RFC 1662 section 7.1): every control
 * character escaped, address and control field present, opening flag.
 *
 * Return: true for such a frame.
 */
bool ppp_hdlc_lcp_unnegotiated(const u8 *data, size_t len)
{
	/* protocol c0 21, then the code: check the length before peeking */
	return len >= 3 && data[0] == 0xc0 && data[1] == 0x21 &&
	       data[2] >= 1 && data[2] <= 7;
}

/* ---- encoder ---- */

enum {
	ENC_OPEN,		/* opening flag */
	ENC_HEAD,		/* address, control */
	ENC_BODY,		/* protocol + payload */
	ENC_TAIL,		/* two FCS bytes */
	ENC_CLOSE,		/* closing flag */
	ENC_DONE,
};

/* Marks ->pend as holding a byte. */
#define ENC_PEND	0x100

/**
 * ppp_hdlc_enc_start - set the encoder up for one frame
 * @e: encoder
 * @map: bytes to escape; must stay valid until the frame is done
 * @data: protocol field (already compressed if PFC applies) and payload;
 *	must stay valid until the frame is done
 * @len: length of @data
 * @addr_ctrl: send the ff 03 address and control field
 * @open_flag: send an opening flag
 */
void ppp_hdlc_enc_start(struct ppp_hdlc_enc *e, const struct ppp_hdlc_map *map,
			const u8 *data, u32 len, bool addr_ctrl,
			bool open_flag)
{
	e->map = map;
	e->data = data;
	e->len = len;
	e->pos = 0;
	e->fcs = PPP_HDLC_INITFCS;
	e->headlen = 0;
	e->headpos = 0;
	e->tailpos = 0;
	e->pend = 0;
	e->open_flag = open_flag;
	if (addr_ctrl) {
		e->head[e->headlen++] = PPP_HDLC_ADDR;
		e->head[e->headlen++] = PPP_HDLC_CTRL;
		e->fcs = ppp_hdlc_fcs(e->fcs, e->head, 2);
	}
	/* With the multiplier the FCS is done here and the runs only copy. */
	e->fold = !ppp_hdlc_fcs_bulk(&e->fcs, data, len);
	e->stage = ENC_OPEN;
}

/**
 * ppp_hdlc_enc_frame - set the encoder up for a frame from ppp_generic
 * @e: encoder
 * @map: negotiated escape map
 * @lcpmap: escape map for unnegotiated LCP (see ppp_hdlc_lcp_map())
 * @data: protocol field (two bytes, uncompressed) and payload
 * @len: length of @data, at least 2
 * @flags: PPP_HDLC_OPEN_FLAG, PPP_HDLC_ACFC, PPP_HDLC_PFC
 *
 * Applies the negotiated compressions, except to the LCP frames that
 * ppp_hdlc_lcp_unnegotiated() picks out: those always get an opening
 * flag, ff 03, an uncompressed protocol and @lcpmap.
 *
 * Return: true if the frame was such an LCP frame.
 */
bool ppp_hdlc_enc_frame(struct ppp_hdlc_enc *e, const struct ppp_hdlc_map *map,
			const struct ppp_hdlc_map *lcpmap, const u8 *data,
			u32 len, unsigned int flags)
{
	bool lcp = ppp_hdlc_lcp_unnegotiated(data, len);

	if (lcp) {
		ppp_hdlc_enc_start(e, lcpmap, data, len, true, true);
		return true;
	}
	/* PFC: protocol numbers below 0x100 travel as one (odd) byte. */
	if ((flags & PPP_HDLC_PFC) && len >= 2 && data[0] == 0) {
		data++;
		len--;
	}
	ppp_hdlc_enc_start(e, map, data, len, !(flags & PPP_HDLC_ACFC),
			   flags & PPP_HDLC_OPEN_FLAG);
	return false;
}

/**
 * ppp_hdlc_enc_done - has the whole frame been written out?
 * @e: encoder
 *
 * Return: true once the closing flag has been produced.
 */
bool ppp_hdlc_enc_done(const struct ppp_hdlc_enc *e)
{
	return e->stage == ENC_DONE && !e->pend;
}

/*
 * One byte, escaped if the map says so.  An escape pair that does not
 * fit is split: 7d now, the rest from ->pend at the next run.  Needs at
 * least one byte of room.
 */
static u8 *enc_put(struct ppp_hdlc_enc *e, u8 *o, u8 *end, u8 c)
{
	if (!ppp_hdlc_map_test(e->map, c)) {
		*o++ = c;
		return o;
	}
	*o++ = PPP_HDLC_ESCAPE;
	c ^= PPP_HDLC_TRANS;
	if (o < end)
		*o++ = c;
	else
		e->pend = ENC_PEND | c;	/* c may be 0 (an escaped 0x20) */
	return o;
}

/*
 * Protocol + payload, in alternating runs: plain bytes go through
 * copy_plain(); bytes to escape go out as pairs in a loop of their own,
 * so an all-escaped payload (worst case) costs a table lookup and two
 * stores a byte.  @mode: see copy_plain().
 */
static __always_inline u8 *enc_body_mode(struct ppp_hdlc_enc *e, u8 *o,
					 u8 *end, enum run_mode mode)
{
	bool fold = mode == RUN_FOLD;
	const u8 *special = e->map->special;
	const u8 *p = e->data + e->pos;
	const u8 *stop = e->data + e->len;
	u32 fcs = e->fcs;

	while (p < stop && o < end) {
		size_t n = min_t(size_t, stop - p, end - o);
		size_t i = copy_plain(e->map, o, p, n, &fcs, mode);

		p += i;
		o += i;
		while (p < stop && end - o >= 2 && special[*p]) {
			if (fold)
				fcs = fcs_byte(fcs, *p);
			*o++ = PPP_HDLC_ESCAPE;
			*o++ = *p++ ^ PPP_HDLC_TRANS;
		}
		/* Room for one byte only: enc_put() splits the pair. */
		if (p < stop && end - o == 1 && special[*p]) {
			if (fold)
				fcs = fcs_byte(fcs, *p);
			o = enc_put(e, o, end, *p++);
		}
	}
	e->pos = p - e->data;
	e->fcs = fcs;
	return o;
}

/*
 * Where the vector compare of a block stopped, at @p: true if the byte
 * there is special (else it is a control character outside the map,
 * and plain).  Only the control-map compare stops on such bytes.
 */
static __always_inline bool vec_special(const struct ppp_hdlc_map *m,
					const u8 *p)
{
	return m->words || m->special[*p];
}

/*
 * One step of a vector scan: plain bytes from *@p to *@o, sixteen a
 * step, both moved on past them - with a words map up to its first 7d
 * or 7e before @stop or @lim, with any other ->ctl map for one block
 * (its candidates come every 7.5 bytes in random data).  There must be
 * 16 bytes before each.  Returns true if it stopped at a candidate.
 */
static __always_inline bool vec_scan(const struct ppp_hdlc_map *m, u8 **o,
				     const u8 **p, const u8 *stop,
				     const u8 *lim)
{
	size_t k, blocks = 16;

	if (m->words) {
		blocks = min_t(size_t, stop - *p, lim - *o) & ~(size_t)15;
		k = copy_plain_vec(*o, *p, blocks);
	} else {
		k = vec_block_ctl(*o, *p);
	}
	*o += k;
	*p += k;
	return k < blocks;
}

/*
 * In a SIMD section, with a ->ctl map and the FCS done whole: plain
 * bytes go out sixteen a step, and where the vector compare stops, the
 * special bytes from there on go out escaped in a row.  Stops with
 * fewer than 16 bytes of frame or of room left, for enc_body_mode() to
 * finish.
 */
static u8 *enc_body_vec(struct ppp_hdlc_enc *e, u8 *o, u8 *end)
{
	const struct ppp_hdlc_map *m = e->map;
	const u8 *p = e->data + e->pos;
	const u8 *stop = e->data + e->len;

	/* 16 bytes of frame, and room for 16 plus an escape pair in them */
	while (stop - p >= 16 && end - o >= 17) {
		if (!vec_scan(m, &o, &p, stop, end - 1))
			continue;
		if (!vec_special(m, p)) {
			*o++ = *p++;	/* (already out, with its block) */
			continue;
		}
		do {
			*o++ = PPP_HDLC_ESCAPE;
			*o++ = *p++ ^ PPP_HDLC_TRANS;
		} while (p < stop && end - o >= 2 && m->special[*p]);
	}
	e->pos = p - e->data;
	return o;
}

static u8 *enc_body(struct ppp_hdlc_enc *e, u8 *o, u8 *end, bool simd)
{
	if (e->fold)
		return enc_body_mode(e, o, end, RUN_FOLD);
	if (simd)
		o = enc_body_vec(e, o, end);
	return enc_body_mode(e, o, end, RUN_COPY);
}

/*
 * Advance one stage, producing at most the bytes @end allows; @simd: in
 * a SIMD section, with a ->ctl map.
 */
static u8 *enc_step(struct ppp_hdlc_enc *e, u8 *o, u8 *end, bool simd)
{
	u16 fcs;

	switch (e->stage) {
	case ENC_OPEN:
		if (e->open_flag)
			*o++ = PPP_HDLC_FLAG;
		e->stage = ENC_HEAD;
		break;
	case ENC_HEAD:
		if (e->headpos < e->headlen)
			o = enc_put(e, o, end, e->head[e->headpos++]);
		else
			e->stage = ENC_BODY;
		break;
	case ENC_BODY:
		if (e->pos < e->len)
			return enc_body(e, o, end, simd);
		fcs = ~e->fcs;
		e->tail[0] = fcs & 0xff;	/* sent low byte first */
		e->tail[1] = fcs >> 8;
		e->stage = ENC_TAIL;
		break;
	case ENC_TAIL:
		o = enc_put(e, o, end, e->tail[e->tailpos++]);
		if (e->tailpos == 2)
			e->stage = ENC_CLOSE;
		break;
	case ENC_CLOSE:
		*o++ = PPP_HDLC_FLAG;
		e->stage = ENC_DONE;
		break;
	}
	return o;
}

/**
 * ppp_hdlc_enc_run - produce wire bytes
 * @e: encoder, set up by ppp_hdlc_enc_start()
 * @out: output buffer
 * @room: its size; any size makes progress, even 1
 *
 * Call again with fresh room until ppp_hdlc_enc_done().
 *
 * Return: bytes written to @out.
 */
size_t ppp_hdlc_enc_run(struct ppp_hdlc_enc *e, u8 *out, size_t room)
{
	u8 *o = out, *end = out + room;
	bool simd;

	if (e->pend && o < end) {
		*o++ = e->pend & 0xff;
		e->pend = 0;
	}
	/* Long frames (the FCS done whole) on a ->ctl map: enc_body_vec(). */
	simd = !e->fold && e->map->ctl && e->stage != ENC_DONE &&
	       ppp_hdlc_simd_begin();
	while (e->stage != ENC_DONE && !e->pend && o < end)
		o = enc_step(e, o, end, simd);
	if (simd)
		ppp_hdlc_simd_end();
	return o - out;
}

/* ---- decoder ---- */

/**
 * ppp_hdlc_dec_init - reset a decoder
 * @d: decoder
 * @raccm: receive async map (see ppp_hdlc_rx_map())
 *
 * The decoder starts outside any frame and without a buffer.
 */
void ppp_hdlc_dec_init(struct ppp_hdlc_dec *d, u32 raccm)
{
	memset(d, 0, sizeof(*d));
	ppp_hdlc_rx_map(&d->specials, raccm);
	d->fcs = PPP_HDLC_INITFCS;
	d->defer = ppp_hdlc_clmul_present();
}

/**
 * ppp_hdlc_dec_set_raccm - change the receive async map
 * @d: decoder
 * @raccm: new map; applies from the next byte decoded
 */
void ppp_hdlc_dec_set_raccm(struct ppp_hdlc_dec *d, u32 raccm)
{
	ppp_hdlc_rx_map(&d->specials, raccm);
}

/* Start over after a frame ended, good or bad. */
static void dec_reset(struct ppp_hdlc_dec *d)
{
	d->len = 0;
	d->fcs = PPP_HDLC_INITFCS;
	d->escape = false;
	d->toss = false;
	d->toss_why = PPP_HDLC_ERR_NONE;
}

/* A flag ended the frame: judge it.  @simd: in a SIMD section. */
static enum ppp_hdlc_result dec_end(struct ppp_hdlc_dec *d, u32 *flen,
				    bool simd)
{
	enum ppp_hdlc_result r = PPP_HDLC_BAD;

	if (!d->len && !d->toss && !d->escape)
		return PPP_HDLC_MORE;	/* back-to-back flags: no frame */
	d->errlen = d->len;
	if (d->toss) {			/* error seen */
		d->err = d->toss_why ?: PPP_HDLC_ERR_LONG;
		goto out;
	}
	d->err = PPP_HDLC_ERR_ABORT;	/* 7d 7e */
	if (d->escape)
		goto out;
	d->err = PPP_HDLC_ERR_RUNT;
	if (d->len < 3)
		goto out;
	if (d->defer && simd)
		d->fcs = ppp_hdlc_fcs_clmul(d->fcs, d->buf, d->len);
	else if (d->defer)
		d->fcs = ppp_hdlc_fcs_fast(d->fcs, d->buf, d->len);
	d->err = PPP_HDLC_ERR_FCS;
	if (d->fcs != PPP_HDLC_GOODFCS)
		goto out;
	d->err = PPP_HDLC_ERR_NONE;
	*flen = d->len - 2;
	d->buf = NULL;			/* the caller's now */
	r = PPP_HDLC_FRAME;
out:
	dec_reset(d);
	return r;
}

/* One (unescaped) byte; past the end of the buffer the frame is tossed. */
static void dec_put(struct ppp_hdlc_dec *d, u8 c)
{
	if (d->len >= d->size) {
		d->toss = true;
		return;
	}
	d->buf[d->len++] = c;
	if (!d->defer)
		d->fcs = fcs_byte(d->fcs, c);
}

/*
 * In a SIMD section (FCS deferred, ->ctl map): plain bytes sixteen a
 * step, and at each candidate the vector compare stops on, the escape
 * pairs that start there (7d, then a byte the map lets through) undone
 * in a row; a candidate the map lets through is copied on.  Anything
 * else - a flag, a 7d at the end of @in or before a special byte, a
 * control character in the receive map - is left to the caller's loop,
 * as are the last 15 bytes of @in or of the buffer (copy_plain()).
 * Returns how many bytes of @in were used.
 */
static size_t dec_run_vec(struct ppp_hdlc_dec *d, const u8 *in, size_t n)
{
	const struct ppp_hdlc_map *m = &d->specials;
	u8 *out = d->buf + d->len, *o = out, *end = d->buf + d->size;
	const u8 *p = in, *stop = in + n;
	u32 fcs = 0;		/* not folded here: see dec_end() */
	size_t k;

	while (stop - p >= 16 && end - o >= 16) {
		if (!vec_scan(m, &o, &p, stop, end))
			continue;
		if (!vec_special(m, p)) {
			*o++ = *p++;	/* (already out, with its block) */
			continue;
		}
		while (*p == PPP_HDLC_ESCAPE && stop - p >= 2 &&
		       !m->special[p[1]] && o < end) {
			*o++ = p[1] ^ PPP_HDLC_TRANS;
			p += 2;
			if (p == stop || !m->special[*p])
				break;
		}
		if (p < stop && m->special[*p])
			goto out;	/* the caller's */
	}
	k = copy_plain(m, o, p, min_t(size_t, stop - p, end - o), &fcs,
		       RUN_COPY);
	p += k;
	o += k;
out:
	d->len += o - out;
	if (o == end && p < stop && !m->special[*p])
		d->toss = true;	/* longer than the buffer: skip the rest */
	return p - in;
}

/*
 * At @p, an escape pair the runs undo where it stands: 7d, then a byte
 * the map lets through, and room for it at @o.
 */
static __always_inline bool dec_pair_at(const struct ppp_hdlc_map *m,
					const u8 *p, const u8 *stop,
					const u8 *o, const u8 *end)
{
	return stop - p >= 2 && o < end && *p == PPP_HDLC_ESCAPE &&
	       !m->special[p[1]];
}

/* Undo the escape pair at *@p (dec_pair_at()) into *@o; the byte. */
static __always_inline u8 dec_pair_take(const u8 **p, u8 **o)
{
	u8 c = (*p)[1] ^ PPP_HDLC_TRANS;

	*(*o)++ = c;
	*p += 2;
	return c;
}

#if RUN_WORD_EXACT
/*
 * With the FCS folded as the runs go and only 7d and 7e special (->words),
 * where a word test gives the first special byte exactly: runs a word a
 * step and the escape pairs between them in one loop, from @in up to
 * @stop into *@op up to @end.  The word loop's registers (32-bit ARM: all
 * of them) are set up once per call rather than once per run.  Stops
 * with fewer than a word of bytes or of room left, or at a special byte
 * other than an escape pair's 7d; returns how many bytes of @in were
 * used, *@op moved on past those produced.
 */
static __always_inline size_t dec_fold_words(const struct ppp_hdlc_map *m,
					     u8 **op, u8 *end, const u8 *in,
					     const u8 *stop, u32 *fcs)
{
	const u8 *p = in, *last;
	u8 *o = *op;
	u32 f = *fcs;
	size_t k;
#if BITS_PER_LONG == 32
	const u32 *tabs[4];

	run_word_tabs(tabs);
#endif

	for (;;) {
		size_t lim = min_t(size_t, stop - p, end - o);
		run_word w, hit;

		if (lim < RUN_WORD_BYTES)
			break;
		last = p + lim - RUN_WORD_BYTES;
		do {
			w = run_word_load(p);
			hit = word_special(w);
			if (hit)
				break;
			run_word_store(w, o);
			f = run_word_fold(f, w);
			p += RUN_WORD_BYTES;
			o += RUN_WORD_BYTES;
		} while (p <= last);
		if (!hit)
			continue;	/* (the tail: less than a word) */
		/*
		 * The whole word out: bytes from the special one on are
		 * written over next, or left unused.
		 */
		run_word_store(w, o);
		for (k = run_word_ffs(hit) / 8; k; k--, p++, o++)
			f = fcs_byte(f, *p);
		if (!dec_pair_at(m, p, stop, o, end))
			break;
		f = fcs_byte(f, dec_pair_take(&p, &o));
	}
	*op = o;
	*fcs = f;
	return p - in;
}
#endif

/*
 * Runs of plain bytes into the frame, and the escape pairs between them
 * undone where they stand: with async map 0, 7d pairs come every 128
 * bytes of random data, and a round of ppp_hdlc_dec_run()'s loop for
 * each cost about a fifth of the run before it (32-bit ARM; there
 * dec_fold_words() takes both where it can, the loop below what is
 * left).  Stops at any other special byte, at the end of @in and when
 * the buffer is full.  Returns how many bytes of @in were used.
 */
static __always_inline size_t dec_runs(struct ppp_hdlc_dec *d,
				       const u8 *in, size_t n,
				       enum run_mode mode)
{
	const struct ppp_hdlc_map *m = &d->specials;
	u8 *out = d->buf + d->len, *o = out, *end = d->buf + d->size;
	const u8 *p = in, *stop = in + n;
	u32 fcs = d->fcs;

#if RUN_WORD_EXACT
	if (mode == RUN_FOLD && m->words)
		p += dec_fold_words(m, &o, end, p, stop, &fcs);
#endif
	for (;;) {
		size_t i = copy_plain(m, o, p, min_t(size_t, stop - p, end - o),
				      &fcs, mode);
		u8 c;

		p += i;
		o += i;
		if (!dec_pair_at(m, p, stop, o, end))
			break;
		c = dec_pair_take(&p, &o);
		if (mode == RUN_FOLD)
			fcs = fcs_byte(fcs, c);
	}
	d->fcs = fcs;
	d->len += o - out;
	if (o == end && p < stop && !m->special[*p])
		d->toss = true;	/* longer than the buffer: skip the rest */
	return p - in;
}

/*
 * Runs of plain bytes and escape pairs into the frame; returns how many
 * bytes of @in were used.  @simd: in a SIMD section, with a ->ctl map.
 */
static size_t dec_run_plain(struct ppp_hdlc_dec *d, const u8 *in, size_t n,
			    bool simd)
{
	if (simd)	/* (only with the FCS deferred) */
		return dec_run_vec(d, in, n);
	if (!d->defer)
		return dec_runs(d, in, n, RUN_FOLD);
	return dec_runs(d, in, n, RUN_COPY);
}

/* Act on a flag, an escape or a mapped control character. */
static enum ppp_hdlc_result dec_special(struct ppp_hdlc_dec *d, u8 c,
					u32 *flen, bool simd)
{
	if (c == PPP_HDLC_FLAG)
		return dec_end(d, flen, simd);
	if (c == PPP_HDLC_ESCAPE)
		d->escape = true;
	else	/* a control character in the receive map: noise */
		d->mapped++;
	return PPP_HDLC_MORE;
}

/**
 * ppp_hdlc_dec_run - decode wire bytes
 * @d: decoder
 * @in: bytes from the line
 * @n: how many
 * @used: set to the number of bytes consumed
 * @flen: on PPP_HDLC_FRAME, set to the frame length (FCS removed)
 *
 * Consumes @in until a frame ends or a buffer is needed; call again with
 * the rest.  On PPP_HDLC_FRAME the frame is in the buffer last given to
 * ppp_hdlc_dec_set_buf(), and the decoder no longer holds that buffer.
 * Frames are not checked beyond the FCS: see ppp_hdlc_rx_strip().
 *
 * Return: see enum ppp_hdlc_result.
 */
enum ppp_hdlc_result ppp_hdlc_dec_run(struct ppp_hdlc_dec *d, const u8 *in,
				      size_t n, size_t *used, u32 *flen)
{
	enum ppp_hdlc_result r = PPP_HDLC_MORE;
	bool held = d->held, simd = held && d->specials.ctl;
	bool want = !held && d->defer && d->specials.ctl;
	size_t i = 0;

	while (i < n) {
		u8 c = in[i];

		if (ppp_hdlc_map_test(&d->specials, c)) {
			i++;
			r = dec_special(d, c, flen, simd);
			if (r != PPP_HDLC_MORE)
				break;
		} else if (d->toss) {
			i++;		/* skipping to the next flag */
			d->skipped++;
		} else if (!d->buf) {
			r = PPP_HDLC_NEED_BUF;	/* first byte of a frame */
			break;
		} else if (d->escape) {
			d->escape = false;
			dec_put(d, c ^ PPP_HDLC_TRANS);
			i++;
		} else {
			/*
			 * One section for the rest of the call, opened at
			 * the first long enough run: runs and the FCS at the
			 * flag use it.
			 */
			if (want && !simd && n - i >= 32) {
				simd = ppp_hdlc_simd_begin();
				want = simd;	/* refused: not again */
			}
			i += dec_run_plain(d, in + i, n - i, simd);
		}
	}
	if (simd && !held)
		ppp_hdlc_simd_end();
	*used = i;
	return r;
}

/**
 * ppp_hdlc_dec_hold - open one SIMD section for several runs
 * @d: decoder
 * @n: how many bytes the caller is about to decode
 *
 * Each ppp_hdlc_dec_run() call otherwise opens a section of its own, and
 * a stream of short frames takes one call per frame.  Until
 * ppp_hdlc_dec_release(), the calls use the section opened here, where
 * it is worth it (@n long enough, the FCS deferred) and the CPU lets us.
 * Sections do not nest: in between, the caller must not run anything
 * that might use the vector registers (another codec, a driver's
 * callback); memory it allocates must be taken with GFP_ATOMIC.
 */
void ppp_hdlc_dec_hold(struct ppp_hdlc_dec *d, size_t n)
{
	d->held = n >= 32 && d->defer && ppp_hdlc_simd_begin();
}

/**
 * ppp_hdlc_dec_release - close the section of ppp_hdlc_dec_hold()
 * @d: decoder
 */
void ppp_hdlc_dec_release(struct ppp_hdlc_dec *d)
{
	if (d->held)
		ppp_hdlc_simd_end();
	d->held = false;
}
