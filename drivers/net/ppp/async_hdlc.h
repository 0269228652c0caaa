/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The RFC 1662 asynchronous HDLC-like framing codec used by ppp_async.
 *
 * Pure code: no tty, no skb, no lock, no allocation.  The caller owns
 * every buffer and every piece of state, so the same functions run in
 * the line discipline, in KUnit suites and in host-side tests.
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

/* A 256-bit byte map: bit c set means byte c is special. */
struct ppp_hdlc_map {
	u32 bits[8];
};

static inline bool ppp_hdlc_map_test(const struct ppp_hdlc_map *m, u8 c)
{
	return m->bits[c >> 5] & (1U << (c & 31));
}

extern const u16 ppp_hdlc_fcs_table[256];

static inline u16 ppp_hdlc_fcs_byte(u16 fcs, u8 c)
{
	return (fcs >> 8) ^ ppp_hdlc_fcs_table[(fcs ^ c) & 0xff];
}

u16 ppp_hdlc_fcs(u16 fcs, const u8 *buf, size_t len);

/*
 * Transmit map from the 32-bit async map (bytes 0x00-0x1f) and the
 * extended map (all 256 bytes); 7d and 7e are always escaped.
 */
void ppp_hdlc_tx_map(struct ppp_hdlc_map *m, const u32 *xaccm);
/* Receive specials: 7d, 7e and control bytes whose bit is in @raccm. */
void ppp_hdlc_rx_map(struct ppp_hdlc_map *m, u32 raccm);

/*
 * LCP Configure-Request..Code-Reject (codes 1-7) go out as if nothing
 * had been negotiated: every control character escaped, address and
 * control fields present, opening flag sent (RFC 1662 section 7.1).
 * @data starts at the protocol field.
 */
bool ppp_hdlc_lcp_unnegotiated(const u8 *data, size_t len);

/* Encoder: turns one frame into wire bytes, in as many calls as needed. */
struct ppp_hdlc_enc {
	const struct ppp_hdlc_map *map;
	const u8 *data;		/* protocol field + payload */
	u32 len;
	u32 pos;
	u16 fcs;
	u8 head[3];		/* opening flag, address, control */
	u8 headlen;
	u8 headpos;
	u8 tail[2];		/* FCS, little end first */
	u8 stage;
};

/*
 * Start a frame.  @data/@len: protocol field (already compressed if PFC
 * applies) and payload; @addr_ctrl: send ff 03; @open_flag: send the
 * opening flag.  @map must stay valid until the frame is done.
 */
void ppp_hdlc_enc_start(struct ppp_hdlc_enc *e, const struct ppp_hdlc_map *map,
			const u8 *data, u32 len, bool addr_ctrl,
			bool open_flag);
/* Write up to @room bytes of wire data to @out; returns bytes written. */
size_t ppp_hdlc_enc_run(struct ppp_hdlc_enc *e, u8 *out, size_t room);
bool ppp_hdlc_enc_done(const struct ppp_hdlc_enc *e);
/* Worst case wire size of a frame of @len bytes (all escaped). */
static inline size_t ppp_hdlc_enc_max(size_t len)
{
	return 2 * (len + 2 + 2) + 2;
}

/* Decoder: turns wire bytes back into frames. */
enum ppp_hdlc_result {
	PPP_HDLC_MORE,		/* input used up, frame not finished */
	PPP_HDLC_FRAME,		/* a good frame is in buf[0..len) */
	PPP_HDLC_BAD,		/* a frame ended in error; state reset */
	PPP_HDLC_NEED_BUF,	/* a frame starts: give it a buffer */
};

struct ppp_hdlc_dec {
	struct ppp_hdlc_map specials;	/* see ppp_hdlc_rx_map() */
	u8 *buf;		/* caller's frame buffer, or NULL */
	u32 size;
	u32 len;		/* bytes stored, FCS included */
	u16 fcs;
	bool escape;		/* last byte was 7d */
	bool toss;		/* discard until the next flag */
};

void ppp_hdlc_dec_init(struct ppp_hdlc_dec *d, u32 raccm);
/* Hand the decoder a buffer after PPP_HDLC_NEED_BUF (or NULL: toss). */
void ppp_hdlc_dec_set_buf(struct ppp_hdlc_dec *d, u8 *buf, u32 size);
/* Mark the frame in progress bad (a tty error flag on a byte). */
static inline void ppp_hdlc_dec_toss(struct ppp_hdlc_dec *d)
{
	d->toss = true;
}

/*
 * Consume @in until a frame ends or more buffer is needed.  *@used is
 * set to the bytes consumed.  On PPP_HDLC_FRAME the frame (FCS removed)
 * is buf[0..*@flen); the decoder then forgets the buffer.
 */
enum ppp_hdlc_result ppp_hdlc_dec_run(struct ppp_hdlc_dec *d, const u8 *in,
				      size_t n, size_t *used, u32 *flen);

/*
 * Strip the address/control field of a received frame if present.
 * Returns the offset of the protocol field, or -1 if the frame is
 * malformed (ff not followed by 03, or nothing left for a protocol).
 */
int ppp_hdlc_rx_strip(const u8 *buf, u32 len);

#endif /* PPP_ASYNC_HDLC_H */
