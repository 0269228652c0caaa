// SPDX-License-Identifier: GPL-2.0
/*
 * bench_hdlc: our RFC 1662 codec (drivers/net/ppp/async_hdlc.c) on the
 * real CPU, against a byte-at-a-time reference written here from the
 * RFC (section 4 and the FCS table of its appendix C.2).
 *
 * In the QEMU benchmark every guest instruction costs the same (icount),
 * so a 16-byte vector compare or a carry-less multiply costs what a byte
 * load costs, and saving the vector registers costs no more than its
 * instruction count.  This program shows what the vector paths give on
 * real hardware: per frame size (64, 576, 1500 bytes, protocol field
 * included) and data kind (random payload with the default async map,
 * random with async map 0, every payload byte one that must be escaped),
 * encode and decode, for the reference, ours with the vector paths off
 * (as ppp_async simd=0) and ours as built.
 *
 * Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID: time spent
 * preempted on a busy machine is not counted), the least of REPS runs.
 * MB/s counts frame bytes (protocol + payload), 10^6 per MB.
 *
 * Before timing, every case is cross-checked: ours must produce the
 * reference's wire bytes exactly, and both decoders must give back every
 * frame.  A mismatch prints FAIL and the exit status is 1.
 *
 *   bench_hdlc [MS]   MS: minimum ms of CPU per timed run (default 20)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "async_hdlc.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define REPS	5
#define NFR	32		/* distinct frames per case, cycled */
#define MAXF	1500
#define WIRE_ROOM	(NFR * (1 + 2 * (2 + MAXF + 2) + 1))

bool host_clmul;		/* kshim.h: the vector paths on or off */

/* ---- the reference, from RFC 1662 alone ---------------------------- */

static u16 ref_tab[256];

/* RFC 1662 C.2: the table for x^0 + x^5 + x^12 + x^16, bits reversed. */
static void ref_init(void)
{
	for (unsigned int b = 0; b < 256; b++) {
		unsigned int v = b;

		for (int i = 0; i < 8; i++)
			v = (v & 1) ? (v >> 1) ^ 0x8408 : v >> 1;
		ref_tab[b] = v;
	}
}

static inline u16 ref_fcs(u16 fcs, u8 c)
{
	return (fcs >> 8) ^ ref_tab[(fcs ^ c) & 0xff];
}

static inline u8 *ref_put(u8 *o, u8 c, const u32 *xaccm)
{
	if (xaccm[c >> 5] & (1U << (c & 31))) {
		*o++ = PPP_HDLC_ESCAPE;
		c ^= PPP_HDLC_TRANS;
	}
	*o++ = c;
	return o;
}

/* Flag, ff 03, @data, FCS, flag, every byte escaped per @xaccm. */
static size_t ref_encode(u8 *out, const u8 *data, size_t len,
			 const u32 *xaccm)
{
	static const u8 hdr[2] = { PPP_HDLC_ADDR, PPP_HDLC_CTRL };
	u16 fcs = PPP_HDLC_INITFCS;
	u8 *o = out;
	size_t i;

	*o++ = PPP_HDLC_FLAG;
	for (i = 0; i < 2; i++) {
		fcs = ref_fcs(fcs, hdr[i]);
		o = ref_put(o, hdr[i], xaccm);
	}
	for (i = 0; i < len; i++) {
		fcs = ref_fcs(fcs, data[i]);
		o = ref_put(o, data[i], xaccm);
	}
	fcs ^= 0xffff;
	o = ref_put(o, fcs & 0xff, xaccm);
	o = ref_put(o, fcs >> 8, xaccm);
	*o++ = PPP_HDLC_FLAG;
	return o - out;
}

/*
 * Decode @n wire bytes; each good frame (ff 03 + data, FCS stripped)
 * goes to @buf and is counted if it is @want bytes long.  Control
 * characters in @raccm are dropped as the RFC says (inserted by DCEs).
 */
static unsigned long ref_decode(const u8 *in, size_t n, u32 raccm, u8 *buf,
				size_t want)
{
	unsigned long good = 0;
	size_t len = 0;
	u16 fcs = PPP_HDLC_INITFCS;
	int esc = 0, toss = 0;

	for (size_t i = 0; i < n; i++) {
		u8 c = in[i];

		if (c == PPP_HDLC_FLAG) {
			if (len && !toss && !esc && len >= 4 &&
			    fcs == PPP_HDLC_GOODFCS && len - 4 == want)
				good++;
			len = 0;
			fcs = PPP_HDLC_INITFCS;
			esc = 0;
			toss = 0;
			continue;
		}
		if (c < 0x20 && (raccm & (1U << c)))
			continue;
		if (c == PPP_HDLC_ESCAPE) {
			esc = 1;
			continue;
		}
		if (esc) {
			c ^= PPP_HDLC_TRANS;
			esc = 0;
		}
		if (len >= MAXF + 4) {
			toss = 1;
			continue;
		}
		buf[len++] = c;
		fcs = ref_fcs(fcs, c);
	}
	return good;
}

/* ---- ours ---------------------------------------------------------- */

static size_t our_encode(u8 *out, const u8 *data, size_t len,
			 const struct ppp_hdlc_map *map)
{
	struct ppp_hdlc_enc e;
	size_t off = 0;

	ppp_hdlc_enc_start(&e, map, data, len, true, true);
	while (!ppp_hdlc_enc_done(&e))
		off += ppp_hdlc_enc_run(&e, out + off, WIRE_ROOM - off);
	return off;
}

static unsigned long our_decode(const u8 *in, size_t n, u32 raccm, u8 *buf,
				size_t want)
{
	struct ppp_hdlc_dec d;
	unsigned long good = 0;
	size_t used;
	u32 flen;

	ppp_hdlc_dec_init(&d, raccm);
	while (n) {
		enum ppp_hdlc_result r = ppp_hdlc_dec_run(&d, in, n, &used,
							  &flen);

		in += used;
		n -= used;
		if (r == PPP_HDLC_NEED_BUF)
			ppp_hdlc_dec_set_buf(&d, buf, MAXF + 8);
		else if (r == PPP_HDLC_FRAME && flen == want + 2)
			good++;
	}
	return good;
}

/* ---- cases --------------------------------------------------------- */

enum kind { RANDOM, MAP0, WORST, KINDS };
static const char *const kind_name[KINDS] = { "random", "map0", "worst" };
enum impl { REF, NOSIMD, OURS, IMPLS };

static u32 rnd_state = 20261204;

static u8 rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 16;
}

/* @size bytes: protocol 0x0021, then the payload of @kind. */
static void make_frame(u8 *f, size_t size, enum kind kind)
{
	static const u8 esc[] = { PPP_HDLC_ESCAPE, PPP_HDLC_FLAG };

	f[0] = 0x00;
	f[1] = 0x21;
	for (size_t i = 2; i < size; i++) {
		u8 r = rnd();

		f[i] = kind != WORST ? r : (r % 34) < 32 ? r % 32 : esc[r & 1];
	}
}

struct bcase {
	size_t size;
	enum kind kind;
	u32 xaccm[8];
	u32 raccm;
	struct ppp_hdlc_map map;
	u8 frames[NFR][MAXF];
	u8 wire[WIRE_ROOM];	/* the NFR frames' reference encoding */
	size_t wlen;
};

static u8 scratch[WIRE_ROOM], rbuf[MAXF + 8];
size_t bench_sink;	/* results land here, so no loop is optimised away */

static double cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void set_impl(enum impl im)
{
#ifdef PPP_HDLC_CLMUL
	host_clmul = im == OURS && host_cpu_clmul();
#else
	host_clmul = false;
#endif
}

/* Encode @iters frames with @im; returns the CPU ns. */
static double run_enc(struct bcase *c, enum impl im, unsigned long iters)
{
	double t0 = cpu_ns();
	size_t n = 0;

	for (unsigned long i = 0; i < iters; i++) {
		const u8 *f = c->frames[i % NFR];

		n += im == REF ? ref_encode(scratch, f, c->size, c->xaccm) :
				 our_encode(scratch, f, c->size, &c->map);
	}
	bench_sink = n;
	return cpu_ns() - t0;
}

/* Decode the NFR frames @iters / NFR times with @im; returns CPU ns. */
static double run_dec(struct bcase *c, enum impl im, unsigned long iters)
{
	double t0 = cpu_ns();
	unsigned long good = 0;

	for (unsigned long i = 0; i < iters; i += NFR)
		good += im == REF ?
			ref_decode(c->wire, c->wlen, c->raccm, rbuf, c->size) :
			our_decode(c->wire, c->wlen, c->raccm, rbuf, c->size);
	bench_sink = good;
	return cpu_ns() - t0;
}

static int failures;

static void fail(struct bcase *c, const char *what)
{
	printf("FAIL %zu B %s: %s\n", c->size, kind_name[c->kind], what);
	failures++;
}

/* Ours must match the reference byte for byte, and decode back. */
static void cross_check(struct bcase *c)
{
	for (enum impl im = NOSIMD; im < IMPLS; im++) {
		set_impl(im);
		for (int i = 0; i < NFR; i++) {
			size_t n = our_encode(scratch, c->frames[i], c->size,
					      &c->map);
			size_t m = ref_encode(scratch + WIRE_ROOM / 2,
					      c->frames[i], c->size, c->xaccm);

			if (n != m || memcmp(scratch, scratch + WIRE_ROOM / 2, n)) {
				fail(c, im == OURS ? "encoder differs from the reference" :
				     "encoder (vector paths off) differs from the reference");
				break;	/* once per case is enough */
			}
		}
		if (our_decode(c->wire, c->wlen, c->raccm, rbuf, c->size) != NFR)
			fail(c, im == OURS ? "decoder lost frames" :
			     "decoder (vector paths off) lost frames");
		if (memcmp(rbuf + 2, c->frames[NFR - 1], c->size))
			fail(c, "decoder's last frame differs from what was sent");
	}
	if (ref_decode(c->wire, c->wlen, c->raccm, rbuf, c->size) != NFR)
		fail(c, "the reference decoder lost frames");
}

/* CPU ns per frame: the least of REPS runs of about @min_ns each. */
static double per_frame(struct bcase *c, enum impl im, int dec, double min_ns)
{
	unsigned long iters = NFR;
	double t, best = 0;

	set_impl(im);
	/* grow the run until it takes min_ns (also warms the caches) */
	while ((t = dec ? run_dec(c, im, iters) : run_enc(c, im, iters)) < min_ns)
		iters *= 2;
	for (int r = 0; r < REPS; r++) {
		t = dec ? run_dec(c, im, iters) : run_enc(c, im, iters);
		if (!r || t < best)
			best = t;
	}
	return best / iters;
}

static void cpu_model(char *out, size_t room)
{
	char line[256];
	FILE *f = fopen("/proc/cpuinfo", "r");

	snprintf(out, room, "unknown CPU");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *v = strchr(line, ':');

		if (!strncmp(line, "model name", 10) && v) {
			snprintf(out, room, "%s", v + 2);
			out[strcspn(out, "\n")] = 0;
			break;
		}
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	static const size_t sizes[] = { 64, 576, 1500 };
	static struct bcase c;
	double min_ns = (argc > 1 ? atof(argv[1]) : 20) * 1e6;
	char model[128];
	int vec = 0;

#ifdef PPP_HDLC_CLMUL
	vec = host_cpu_clmul();
#endif
	ref_init();
	cpu_model(model, sizeof(model));
	printf("host codec: %s; vector paths %s\n", model,
	       vec ? "available (PCLMULQDQ or PMULL)" :
		     "not available here: ours = simd=0");
	printf("CPU time per frame (least of %d runs) and MB/s of frame bytes;\n"
	       "ref = byte-at-a-time RFC 1662\n", REPS);
	printf("%-3s %4s %-6s | %9s %9s %9s | %7s %7s %7s | %8s %8s\n",
	       "op", "size", "kind", "ref ns", "simd=0 ns", "ours ns",
	       "ref", "simd=0", "ours", "ours/ref", "vec gain");
	for (int k = 0; k < KINDS; k++) {
		for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
			memset(&c, 0, sizeof(c));
			c.size = sizes[s];
			c.kind = k;
			c.xaccm[0] = k == MAP0 ? 0 : 0xffffffff;
			c.xaccm[3] = 0x60000000;	/* 7d 7e */
			c.raccm = c.xaccm[0];
			ppp_hdlc_tx_map(&c.map, c.xaccm);
			for (int i = 0; i < NFR; i++) {
				make_frame(c.frames[i], c.size, k);
				/* shared flags: drop each frame's opening one after the first */
				size_t n = ref_encode(scratch, c.frames[i], c.size, c.xaccm);

				memcpy(c.wire + c.wlen, scratch + !!i, n - !!i);
				c.wlen += n - !!i;
			}
			cross_check(&c);
			for (int dec = 0; dec < 2; dec++) {
				double ns[IMPLS];

				for (enum impl im = REF; im < IMPLS; im++)
					ns[im] = per_frame(&c, im, dec, min_ns);
				printf("%-3s %4zu %-6s | %9.0f %9.0f %9.0f | "
				       "%7.0f %7.0f %7.0f | %8.2f %8.2f\n",
				       dec ? "dec" : "enc", c.size, kind_name[k],
				       ns[REF], ns[NOSIMD], ns[OURS],
				       c.size * 1e3 / ns[REF], c.size * 1e3 / ns[NOSIMD],
				       c.size * 1e3 / ns[OURS], ns[OURS] / ns[REF],
				       ns[NOSIMD] / ns[OURS]);
			}
		}
	}
	printf("MB/s columns: ref, simd=0, ours; ours/ref: time ratio (lower is\n"
	       "faster); vec gain: simd=0 time / ours time\n");
	if (failures) {
		printf("host codec: FAILED: %d cross-check failures\n", failures);
		return 1;
	}
	printf("host codec: cross-check against the reference passed\n");
	return 0;
}
