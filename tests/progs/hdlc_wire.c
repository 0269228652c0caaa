// SPDX-License-Identifier: GPL-2.0
/*
 * hdlc_wire: what a PPP sender put on an async line, from a capture of
 * the raw bytes (noise_relay -w).  A receiver accepts an escaped byte
 * whether or not its map asked for it, and either header form, so only
 * the wire shows whether the transmitter obeyed the negotiated ACCM and
 * header compression.
 *
 * usage: hdlc_wire [-b BYTE] FILE PROTO[,PROTO...]
 *
 * Splits FILE at flags (0x7e), undoes the escapes (RFC 1662), checks
 * each frame's FCS and looks at the frames of the protocols PROTO (hex,
 * e.g. 21,2d,2f for IPv4 and VJ; c021 takes only LCP Configure-Request
 * .. Code-Reject, codes 1-7, which are always sent with the full header
 * and every control character escaped).  One line out:
 *
 *   frames=N       frames of those protocols with a good FCS
 *   badfcs=N       frames of any protocol with a bad FCS, or aborted
 *   full-header=N  of those N, how many began with FF 03
 *   pfc=N          how many had a 1-byte protocol field
 *   raw-ctl=N      bytes 0x00-0x1f sent as they are
 *   esc-ctl=N      bytes 0x00-0x1f sent escaped (7d, byte ^ 0x20)
 *   esc-other=N    other escaped bytes, 7d, 7e and BYTE left out
 *   raw-byte=N     BYTE (-b) sent as it is
 *   esc-byte=N     BYTE sent escaped
 *
 * Counts cover the whole frame: header, payload and FCS.  Exit 0, or
 * 1 when FILE cannot be read.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pppt.h"

struct tally {
	unsigned long frames, badfcs, full_header, pfc;
	unsigned long raw_ctl, esc_ctl, esc_other, raw_byte, esc_byte;
};

/* A frame as received: decoded bytes, and which of them came escaped. */
struct frame {
	uint8_t data[70000];
	bool esc[70000];
	size_t len;
	bool aborted;
};

/* Protocol of a decoded frame (without its FCS), or -1 if too short. */
static long frame_proto(const struct frame *f, size_t n, bool *ac, bool *pfc)
{
	size_t i = 0;

	*pfc = false;
	*ac = n >= 2 && f->data[0] == 0xff && f->data[1] == 0x03;
	if (*ac)
		i = 2;
	if (i >= n)
		return -1;
	*pfc = f->data[i] & 1;
	if (*pfc)
		return f->data[i];
	if (i + 1 >= n)
		return -1;
	return f->data[i] << 8 | f->data[i + 1];
}

#define MAX_PROTOS 8
static long protos[MAX_PROTOS];
static int nprotos;

static bool wanted(const struct frame *f, size_t n, long proto, bool ac,
		   bool pfc)
{
	size_t code = (ac ? 2 : 0) + (pfc ? 1 : 2);
	int i;

	for (i = 0; i < nprotos && protos[i] != proto; i++)
		;
	if (i == nprotos)
		return false;
	if (proto != 0xc021)
		return true;
	return code < n && f->data[code] >= 1 && f->data[code] <= 7;
}

static void count(struct tally *t, const struct frame *f, int byte)
{
	size_t n;
	bool ac, pfc;
	long proto;

	if (!f->len)
		return;
	if (f->aborted || f->len < 4 ||
	    fcs16(f->data, f->len) != 0xf0b8) {
		t->badfcs++;
		return;
	}
	n = f->len - 2;
	proto = frame_proto(f, n, &ac, &pfc);
	if (!wanted(f, n, proto, ac, pfc))
		return;
	t->frames++;
	t->full_header += ac;
	t->pfc += pfc;
	for (size_t i = 0; i < f->len; i++) {
		uint8_t c = f->data[i];

		if (byte >= 0 && c == byte) {
			if (f->esc[i])
				t->esc_byte++;
			else
				t->raw_byte++;
		} else if (c < 0x20) {
			if (f->esc[i])
				t->esc_ctl++;
			else
				t->raw_ctl++;
		} else if (f->esc[i] && c != 0x7d && c != 0x7e) {
			t->esc_other++;
		}
	}
}

int main(int argc, char **argv)
{
	static struct frame f;
	struct tally t = { 0 };
	bool escaped = false;
	int c, byte = -1;
	char *p;
	FILE *in;

	while ((c = getopt(argc, argv, "b:")) != -1) {
		if (c != 'b') {
			fprintf(stderr, "usage: %s [-b BYTE] FILE PROTO\n", argv[0]);
			return 2;
		}
		byte = strtol(optarg, NULL, 0) & 0xff;
	}
	if (argc - optind != 2) {
		fprintf(stderr, "usage: %s [-b BYTE] FILE PROTO\n", argv[0]);
		return 2;
	}
	for (p = argv[optind + 1]; *p && nprotos < MAX_PROTOS; p += *p == ',')
		protos[nprotos++] = strtol(p, &p, 16);
	in = fopen(argv[optind], "rb");
	if (!in) {
		perror(argv[optind]);
		return 1;
	}
	while ((c = getc(in)) != EOF) {
		if (c == 0x7e) {
			f.aborted = escaped;
			count(&t, &f, byte);
			f.len = 0;
			escaped = false;
			continue;
		}
		if (c == 0x7d) {
			escaped = true;
			continue;
		}
		if (f.len < sizeof(f.data)) {
			f.data[f.len] = escaped ? c ^ 0x20 : c;
			f.esc[f.len] = escaped;
			f.len++;
		}
		escaped = false;
	}
	fclose(in);
	printf("frames=%lu badfcs=%lu full-header=%lu pfc=%lu raw-ctl=%lu esc-ctl=%lu esc-other=%lu raw-byte=%lu esc-byte=%lu\n",
	       t.frames, t.badfcs, t.full_header, t.pfc, t.raw_ctl, t.esc_ctl,
	       t.esc_other, t.raw_byte, t.esc_byte);
	return 0;
}
