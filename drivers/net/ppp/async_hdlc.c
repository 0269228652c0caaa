// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 1662 asynchronous HDLC-like framing: FCS-16, escaping, and the
 * encoder and decoder state machines.  See async_hdlc.h for the contract.
 *
 * Both directions move runs of bytes that need no escaping in a tight
 * loop (copy + FCS, one table lookup per byte, one map test per byte)
 * and only drop into the slow path for flags, escapes and mapped
 * control characters, which are rare on a data link.
 */
#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/compiler.h>
#endif
#include "async_hdlc.h"

/* FCS-16 (CRC-CCITT, reflected polynomial 0x8408) lookup table. */
const u16 ppp_hdlc_fcs_table[256] = {
	0x0000, 0x1189, 0x2312, 0x329b, 0x4624, 0x57ad, 0x6536, 0x74bf,
	0x8c48, 0x9dc1, 0xaf5a, 0xbed3, 0xca6c, 0xdbe5, 0xe97e, 0xf8f7,
	0x1081, 0x0108, 0x3393, 0x221a, 0x56a5, 0x472c, 0x75b7, 0x643e,
	0x9cc9, 0x8d40, 0xbfdb, 0xae52, 0xdaed, 0xcb64, 0xf9ff, 0xe876,
	0x2102, 0x308b, 0x0210, 0x1399, 0x6726, 0x76af, 0x4434, 0x55bd,
	0xad4a, 0xbcc3, 0x8e58, 0x9fd1, 0xeb6e, 0xfae7, 0xc87c, 0xd9f5,
	0x3183, 0x200a, 0x1291, 0x0318, 0x77a7, 0x662e, 0x54b5, 0x453c,
	0xbdcb, 0xac42, 0x9ed9, 0x8f50, 0xfbef, 0xea66, 0xd8fd, 0xc974,
	0x4204, 0x538d, 0x6116, 0x709f, 0x0420, 0x15a9, 0x2732, 0x36bb,
	0xce4c, 0xdfc5, 0xed5e, 0xfcd7, 0x8868, 0x99e1, 0xab7a, 0xbaf3,
	0x5285, 0x430c, 0x7197, 0x601e, 0x14a1, 0x0528, 0x37b3, 0x263a,
	0xdecd, 0xcf44, 0xfddf, 0xec56, 0x98e9, 0x8960, 0xbbfb, 0xaa72,
	0x6306, 0x728f, 0x4014, 0x519d, 0x2522, 0x34ab, 0x0630, 0x17b9,
	0xef4e, 0xfec7, 0xcc5c, 0xddd5, 0xa96a, 0xb8e3, 0x8a78, 0x9bf1,
	0x7387, 0x620e, 0x5095, 0x411c, 0x35a3, 0x242a, 0x16b1, 0x0738,
	0xffcf, 0xee46, 0xdcdd, 0xcd54, 0xb9eb, 0xa862, 0x9af9, 0x8b70,
	0x8408, 0x9581, 0xa71a, 0xb693, 0xc22c, 0xd3a5, 0xe13e, 0xf0b7,
	0x0840, 0x19c9, 0x2b52, 0x3adb, 0x4e64, 0x5fed, 0x6d76, 0x7cff,
	0x9489, 0x8500, 0xb79b, 0xa612, 0xd2ad, 0xc324, 0xf1bf, 0xe036,
	0x18c1, 0x0948, 0x3bd3, 0x2a5a, 0x5ee5, 0x4f6c, 0x7df7, 0x6c7e,
	0xa50a, 0xb483, 0x8618, 0x9791, 0xe32e, 0xf2a7, 0xc03c, 0xd1b5,
	0x2942, 0x38cb, 0x0a50, 0x1bd9, 0x6f66, 0x7eef, 0x4c74, 0x5dfd,
	0xb58b, 0xa402, 0x9699, 0x8710, 0xf3af, 0xe226, 0xd0bd, 0xc134,
	0x39c3, 0x284a, 0x1ad1, 0x0b58, 0x7fe7, 0x6e6e, 0x5cf5, 0x4d7c,
	0xc60c, 0xd785, 0xe51e, 0xf497, 0x8028, 0x91a1, 0xa33a, 0xb2b3,
	0x4a44, 0x5bcd, 0x6956, 0x78df, 0x0c60, 0x1de9, 0x2f72, 0x3efb,
	0xd68d, 0xc704, 0xf59f, 0xe416, 0x90a9, 0x8120, 0xb3bb, 0xa232,
	0x5ac5, 0x4b4c, 0x79d7, 0x685e, 0x1ce1, 0x0d68, 0x3ff3, 0x2e7a,
	0xe70e, 0xf687, 0xc41c, 0xd595, 0xa12a, 0xb0a3, 0x8238, 0x93b1,
	0x6b46, 0x7acf, 0x4854, 0x59dd, 0x2d62, 0x3ceb, 0x0e70, 0x1ff9,
	0xf78f, 0xe606, 0xd49d, 0xc514, 0xb1ab, 0xa022, 0x92b9, 0x8330,
	0x7bc7, 0x6a4e, 0x58d5, 0x495c, 0x3de3, 0x2c6a, 0x1ef1, 0x0f78,
};

u16 ppp_hdlc_fcs(u16 fcs, const u8 *buf, size_t len)
{
	while (len--)
		fcs = ppp_hdlc_fcs_byte(fcs, *buf++);
	return fcs;
}

void ppp_hdlc_tx_map(struct ppp_hdlc_map *m, const u32 *xaccm)
{
	memcpy(m->bits, xaccm, sizeof(m->bits));
	m->bits[PPP_HDLC_FLAG >> 5] |= 1U << (PPP_HDLC_FLAG & 31);
	m->bits[PPP_HDLC_ESCAPE >> 5] |= 1U << (PPP_HDLC_ESCAPE & 31);
}

void ppp_hdlc_rx_map(struct ppp_hdlc_map *m, u32 raccm)
{
	memset(m, 0, sizeof(*m));
	m->bits[0] = raccm;
	m->bits[PPP_HDLC_FLAG >> 5] |= 1U << (PPP_HDLC_FLAG & 31);
	m->bits[PPP_HDLC_ESCAPE >> 5] |= 1U << (PPP_HDLC_ESCAPE & 31);
}

bool ppp_hdlc_lcp_unnegotiated(const u8 *data, size_t len)
{
	/* protocol c0 21, then the code; check the length before peeking */
	return len >= 3 && data[0] == 0xc0 && data[1] == 0x21 &&
	       data[2] >= 1 && data[2] <= 7;
}

/* Encoder stages, in order. */
enum {
	ENC_HEAD,		/* flag, address, control */
	ENC_BODY,		/* protocol + payload */
	ENC_FCS,		/* two FCS bytes */
	ENC_CLOSE,		/* closing flag */
	ENC_DONE,
};

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
	if (open_flag)
		e->head[e->headlen++] = PPP_HDLC_FLAG;
	if (addr_ctrl) {
		e->head[e->headlen++] = PPP_HDLC_ADDR;
		e->head[e->headlen++] = PPP_HDLC_CTRL;
		/* ff and 03 are covered by the FCS; the flag is not. */
		e->fcs = ppp_hdlc_fcs_byte(e->fcs, PPP_HDLC_ADDR);
		e->fcs = ppp_hdlc_fcs_byte(e->fcs, PPP_HDLC_CTRL);
	}
	e->stage = ENC_HEAD;
}

bool ppp_hdlc_enc_done(const struct ppp_hdlc_enc *e)
{
	return e->stage == ENC_DONE;
}

/* One byte, escaped if the map says so; room for two is guaranteed. */
static inline u8 *enc_put(const struct ppp_hdlc_map *map, u8 *o, u8 c)
{
	if (ppp_hdlc_map_test(map, c)) {
		*o++ = PPP_HDLC_ESCAPE;
		c ^= PPP_HDLC_TRANS;
	}
	*o++ = c;
	return o;
}

/* The hot loop: payload bytes while at least two bytes of room remain. */
static u8 *enc_body(struct ppp_hdlc_enc *e, u8 *o, u8 *end)
{
	const struct ppp_hdlc_map *map = e->map;
	const u8 *p = e->data + e->pos, *stop;
	u16 fcs = e->fcs;
	size_t n = e->len - e->pos;

	/* Each input byte needs at most two output bytes. */
	if (n > (size_t)(end - o) / 2)
		n = (end - o) / 2;
	stop = p + n;
	while (p < stop) {
		u8 c = *p++;

		fcs = ppp_hdlc_fcs_byte(fcs, c);
		if (unlikely(ppp_hdlc_map_test(map, c))) {
			*o++ = PPP_HDLC_ESCAPE;
			c ^= PPP_HDLC_TRANS;
		}
		*o++ = c;
	}
	e->pos = p - e->data;
	e->fcs = fcs;
	return o;
}

size_t ppp_hdlc_enc_run(struct ppp_hdlc_enc *e, u8 *out, size_t room)
{
	u8 *o = out, *end = out + room;

	while (e->stage != ENC_DONE && end - o >= 2) {
		switch (e->stage) {
		case ENC_HEAD:
			if (e->headpos == e->headlen) {
				e->stage = ENC_BODY;
				break;
			}
			if (e->head[e->headpos] == PPP_HDLC_FLAG && !e->headpos)
				*o++ = PPP_HDLC_FLAG;	/* never escaped */
			else
				o = enc_put(e->map, o, e->head[e->headpos]);
			e->headpos++;
			break;
		case ENC_BODY:
			if (e->pos == e->len) {
				u16 fcs = ~e->fcs;

				e->tail[0] = fcs & 0xff;
				e->tail[1] = fcs >> 8;
				e->pos = 0;
				e->stage = ENC_FCS;
				break;
			}
			o = enc_body(e, o, end);
			break;
		case ENC_FCS:
			o = enc_put(e->map, o, e->tail[e->pos++]);
			if (e->pos == 2)
				e->stage = ENC_CLOSE;
			break;
		case ENC_CLOSE:
			*o++ = PPP_HDLC_FLAG;
			e->stage = ENC_DONE;
			break;
		}
	}
	return o - out;
}

void ppp_hdlc_dec_init(struct ppp_hdlc_dec *d, u32 raccm)
{
	memset(d, 0, sizeof(*d));
	ppp_hdlc_rx_map(&d->specials, raccm);
	d->fcs = PPP_HDLC_INITFCS;
}

void ppp_hdlc_dec_set_buf(struct ppp_hdlc_dec *d, u8 *buf, u32 size)
{
	d->buf = buf;
	d->size = size;
	if (!buf)
		d->toss = true;		/* no memory: drop this frame */
}

/* Start over after a frame ended, good or bad. */
static void dec_reset(struct ppp_hdlc_dec *d)
{
	d->len = 0;
	d->fcs = PPP_HDLC_INITFCS;
	d->escape = false;
	d->toss = false;
}

/* A flag ended the frame: judge it. */
static enum ppp_hdlc_result dec_end(struct ppp_hdlc_dec *d, u32 *flen)
{
	enum ppp_hdlc_result r = PPP_HDLC_BAD;

	if (!d->len && !d->toss && !d->escape)
		return PPP_HDLC_MORE;	/* back-to-back flags: nothing */
	if (d->toss || d->escape)	/* error, or 7d 7e abort */
		goto out;
	if (d->len < 3 || d->fcs != PPP_HDLC_GOODFCS)
		goto out;		/* runt, or bad FCS */
	*flen = d->len - 2;
	d->buf = NULL;			/* it is the caller's now */
	r = PPP_HDLC_FRAME;
out:
	dec_reset(d);
	return r;
}

/* Store one (unescaped) byte; overflow past the buffer tosses. */
static void dec_put(struct ppp_hdlc_dec *d, u8 c)
{
	if (d->len >= d->size) {
		d->toss = true;
		return;
	}
	d->buf[d->len++] = c;
	d->fcs = ppp_hdlc_fcs_byte(d->fcs, c);
}

enum ppp_hdlc_result ppp_hdlc_dec_run(struct ppp_hdlc_dec *d, const u8 *in,
				      size_t n, size_t *used, u32 *flen)
{
	const struct ppp_hdlc_map *sp = &d->specials;
	enum ppp_hdlc_result r;
	size_t i = 0;

	while (i < n) {
		u8 c = in[i];

		if (ppp_hdlc_map_test(sp, c)) {
			i++;
			if (c == PPP_HDLC_FLAG) {
				r = dec_end(d, flen);
				if (r != PPP_HDLC_MORE) {
					*used = i;
					return r;
				}
			} else if (c == PPP_HDLC_ESCAPE) {
				d->escape = true;
			}
			/* else: a control byte in the receive map: noise */
			continue;
		}

		if (d->toss) {		/* skip to the next flag */
			i++;
			continue;
		}
		if (!d->buf) {		/* first byte of a frame */
			*used = i;
			return PPP_HDLC_NEED_BUF;
		}

		if (unlikely(d->escape)) {
			d->escape = false;
			dec_put(d, c ^ PPP_HDLC_TRANS);
			i++;
			continue;
		}

		/* The hot loop: a run of ordinary bytes. */
		{
			u8 *o = d->buf + d->len;
			u8 *lim = d->buf + d->size;
			u16 fcs = d->fcs;

			while (i < n && o < lim) {
				c = in[i];
				if (ppp_hdlc_map_test(sp, c))
					break;
				*o++ = c;
				fcs = ppp_hdlc_fcs_byte(fcs, c);
				i++;
			}
			d->len = o - d->buf;
			d->fcs = fcs;
			if (o == lim && i < n && !ppp_hdlc_map_test(sp, in[i]))
				d->toss = true;	/* longer than the MRU */
		}
	}
	*used = i;
	return PPP_HDLC_MORE;
}

int ppp_hdlc_rx_strip(const u8 *buf, u32 len)
{
	int off = 0;

	if (len >= 1 && buf[0] == PPP_HDLC_ADDR) {
		if (len < 2 || buf[1] != PPP_HDLC_CTRL)
			return -1;
		off = 2;
	}
	/* A protocol field needs one byte (compressed) or two. */
	if (len - off < 1 || (!(buf[off] & 1) && len - off < 2))
		return -1;
	return off;
}
