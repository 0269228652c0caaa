/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The RFC 1662 asynchronous HDLC-like framing codec used by ppp_async.
 *
 * Pure code: no tty, no skb, no lock, no allocation.  The caller owns
 * every buffer and every piece of state, so the same functions run in
 * the line discipline, in KUnit suites and in host-side tests
 * (tests/host builds this file, async_hdlc.c and async_fcs.c with a
 * small shim).
 *
 * On the wire a frame is
 *
 *   7e [ff 03] proto payload fcs-lo fcs-hi 7e
 *
 * where every byte in the transmit map (and always 7d and 7e) is sent as
 * 7d followed by the byte XOR 0x20, and the FCS-16 covers everything
 * between the flags before escaping.
 */
#ifndef PPP_ASYNC_HDLC_H
#define PPP_ASYNC_HDLC_H

#define PPP_HDLC_FLAG		0x7e
#define PPP_HDLC_ESCAPE		0x7d
#define PPP_HDLC_TRANS		0x20
#define PPP_HDLC_ADDR		0xff	/* all-stations address */
#define PPP_HDLC_CTRL		0x03	/* unnumbered information */
#define PPP_HDLC_INITFCS	0xffff
#define PPP_HDLC_GOODFCS	0xf0b8	/* residue of a frame with its FCS */

/*
 * Which bytes are special, one byte per value rather than one bit: the
 * byte-at-a-time loops test every byte they move, and a plain load is
 * the cheapest test there is.  Built from the ioctl-style bitmaps by the
 * helpers below.
 *
 * ->words is set when the special bytes are exactly 7d and 7e, which is
 * the map of nearly every link once LCP has agreed async map 0: the
 * codec then tests, copies and checksums plain bytes eight at a time.
 * ->ctl is set when every special byte is a control character (below
 * 0x20), 7d or 7e - the default map, any async map, every receive map:
 * a vector compare then finds the candidates sixteen bytes at a time.
 */
struct ppp_hdlc_map {
	u8 special[256];
	bool words;
	bool ctl;
};

static inline bool ppp_hdlc_map_test(const struct ppp_hdlc_map *m, u8 c)
{
	return m->special[c];
}

u16 ppp_hdlc_fcs(u16 fcs, const u8 *buf, size_t len);
u16 ppp_hdlc_fcs_fast(u16 fcs, const u8 *buf, size_t len);

void ppp_hdlc_tx_map(struct ppp_hdlc_map *m, const u32 *xaccm);
void ppp_hdlc_lcp_map(struct ppp_hdlc_map *m, const u32 *xaccm);
void ppp_hdlc_rx_map(struct ppp_hdlc_map *m, u32 raccm);
bool ppp_hdlc_lcp_unnegotiated(const u8 *data, size_t len);

/**
 * struct ppp_hdlc_enc - encoder state for one frame
 * @map: bytes to escape
 * @data: protocol field + payload (not copied: must outlive the frame)
 * @len: length of @data
 * @pos: bytes of @data encoded so far
 * @fcs: running FCS
 * @head: address and control field, when sent
 * @headlen: bytes in @head
 * @headpos: bytes of @head encoded so far
 * @tail: the two FCS bytes, low first
 * @tailpos: bytes of @tail encoded so far
 * @stage: where the encoder is (private)
 * @open_flag: an opening flag is still owed
 * @fold: @fcs still has @data to take in, run by run; false when it was
 *	computed whole at the start (carry-less multiply)
 * @pend: second half of an escape pair that did not fit (with a marker
 *	bit above it), or 0
 */
struct ppp_hdlc_enc {
	const struct ppp_hdlc_map *map;
	const u8 *data;
	u32 len;
	u32 pos;
	u16 fcs;
	u8 head[2];
	u8 headlen;
	u8 headpos;
	u8 tail[2];
	u8 tailpos;
	u8 stage;
	bool open_flag;
	bool fold;
	u16 pend;
};

void ppp_hdlc_enc_start(struct ppp_hdlc_enc *e, const struct ppp_hdlc_map *map,
			const u8 *data, u32 len, bool addr_ctrl,
			bool open_flag);
/* Flags for ppp_hdlc_enc_frame(). */
#define PPP_HDLC_OPEN_FLAG	0x1	/* send an opening flag */
#define PPP_HDLC_ACFC		0x2	/* omit ff 03 (negotiated ACFC) */
#define PPP_HDLC_PFC		0x4	/* drop a leading 00 of the protocol */

bool ppp_hdlc_enc_frame(struct ppp_hdlc_enc *e, const struct ppp_hdlc_map *map,
			const struct ppp_hdlc_map *lcpmap, const u8 *data,
			u32 len, unsigned int flags);
size_t ppp_hdlc_enc_run(struct ppp_hdlc_enc *e, u8 *out, size_t room);
bool ppp_hdlc_enc_done(const struct ppp_hdlc_enc *e);

/* Worst-case wire size of a frame whose @len bytes all need escaping. */
static inline size_t ppp_hdlc_enc_max(size_t len)
{
	/* flag + escaped (ff 03 + data + FCS) + flag */
	return 1 + 2 * (2 + len + 2) + 1;
}

/**
 * enum ppp_hdlc_result - why ppp_hdlc_dec_run() returned
 * @PPP_HDLC_MORE: input used up, no frame finished
 * @PPP_HDLC_FRAME: a good frame is in the buffer
 * @PPP_HDLC_BAD: a frame ended in error (abort, toss, runt, FCS); the
 *	decoder keeps its buffer for the next frame
 * @PPP_HDLC_NEED_BUF: a frame starts and the decoder has no buffer:
 *	call ppp_hdlc_dec_set_buf(), then run again from where it stopped
 */
enum ppp_hdlc_result {
	PPP_HDLC_MORE,
	PPP_HDLC_FRAME,
	PPP_HDLC_BAD,
	PPP_HDLC_NEED_BUF,
};

/**
 * enum ppp_hdlc_err - why a frame ended in PPP_HDLC_BAD
 * @PPP_HDLC_ERR_NONE: no error (not reported with PPP_HDLC_BAD)
 * @PPP_HDLC_ERR_FCS: the FCS did not check
 * @PPP_HDLC_ERR_RUNT: fewer than three bytes between the flags
 * @PPP_HDLC_ERR_LONG: longer than the buffer (the MRU)
 * @PPP_HDLC_ERR_ABORT: ended by 7d 7e
 * @PPP_HDLC_ERR_NOBUF: the caller had no buffer for it
 * @PPP_HDLC_ERR_LINE: the caller tossed it (a byte the line flagged)
 */
enum ppp_hdlc_err {
	PPP_HDLC_ERR_NONE,
	PPP_HDLC_ERR_FCS,
	PPP_HDLC_ERR_RUNT,
	PPP_HDLC_ERR_LONG,
	PPP_HDLC_ERR_ABORT,
	PPP_HDLC_ERR_NOBUF,
	PPP_HDLC_ERR_LINE,
};

/**
 * struct ppp_hdlc_dec - decoder state
 * @specials: bytes the decoder acts on (see ppp_hdlc_rx_map())
 * @buf: the caller's frame buffer, or NULL
 * @size: its size: frames longer than this (FCS included) are tossed
 * @len: bytes stored so far, FCS included
 * @fcs: running FCS (a u32, as the fold steps of async_fcs.h take it)
 * @defer: the FCS is computed over the buffer when the frame ends, not
 *	byte by byte (where the CPU has a carry-less multiply)
 * @held: a SIMD section opened by ppp_hdlc_dec_hold() is open
 * @escape: the last byte was 7d
 * @toss: discard everything up to the next flag
 * @toss_why: what set @toss from outside (NOBUF, LINE); none means the
 *	frame outgrew the buffer
 * @err: on PPP_HDLC_BAD, why (enum ppp_hdlc_err)
 * @errlen: on PPP_HDLC_BAD, the bytes the frame had stored
 * @skipped: bytes passed over while tossing, for the caller to collect
 *	and clear
 * @mapped: control bytes the receive map discarded, ditto
 */
struct ppp_hdlc_dec {
	struct ppp_hdlc_map specials;
	u8 *buf;
	u32 size;
	u32 len;
	u32 fcs;
	bool defer;
	bool held;
	bool escape;
	bool toss;
	u8 toss_why;
	u8 err;
	u32 errlen;
	u32 skipped;
	u32 mapped;
};

void ppp_hdlc_dec_init(struct ppp_hdlc_dec *d, u32 raccm);
void ppp_hdlc_dec_set_raccm(struct ppp_hdlc_dec *d, u32 raccm);

/**
 * ppp_hdlc_dec_set_buf - give the decoder a frame buffer
 * @d: decoder
 * @buf: buffer, or NULL when none could be had: the frame is then tossed
 * @size: size of @buf; a frame longer than this (FCS included) is tossed
 */
static inline void ppp_hdlc_dec_set_buf(struct ppp_hdlc_dec *d, u8 *buf,
					u32 size)
{
	d->buf = buf;
	d->size = buf ? size : 0;
	if (!buf && !d->toss)
		d->toss_why = PPP_HDLC_ERR_NOBUF;
	if (!buf)
		d->toss = true;
}

/* Mark the frame in progress bad (a tty error flag on one of its bytes). */
static inline void ppp_hdlc_dec_toss(struct ppp_hdlc_dec *d)
{
	if (!d->toss)
		d->toss_why = PPP_HDLC_ERR_LINE;
	d->toss = true;
}

enum ppp_hdlc_result ppp_hdlc_dec_run(struct ppp_hdlc_dec *d, const u8 *in,
				      size_t n, size_t *used, u32 *flen);

void ppp_hdlc_dec_hold(struct ppp_hdlc_dec *d, size_t n);
void ppp_hdlc_dec_release(struct ppp_hdlc_dec *d);

/**
 * ppp_hdlc_rx_strip - check and skip the address/control field
 * @buf: a decoded frame
 * @len: its length (FCS removed)
 *
 * Both forms are accepted: ff 03 present, or compressed away.
 *
 * Return: offset of the protocol field, or -1 if the frame is malformed
 * (ff not followed by 03, or no room left for a protocol field).
 */
static inline int ppp_hdlc_rx_strip(const u8 *buf, u32 len)
{
	u32 off = 0;

	if (len >= 1 && buf[0] == PPP_HDLC_ADDR) {
		if (len < 2 || buf[1] != PPP_HDLC_CTRL)
			return -1;
		off = 2;
	}
	/* A protocol field is one byte (compressed, odd) or two. */
	if (len - off < 1 || (!(buf[off] & 1) && len - off < 2))
		return -1;
	return off;
}

#endif /* PPP_ASYNC_HDLC_H */
