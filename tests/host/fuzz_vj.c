// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the VJ codec's receive side (and the compressor
 * on whatever bytes come along): built with clang, ASan and UBSan by
 * `make fuzz_vj`, run by `make fuzz` (FUZZ_SECONDS) and `make soak`.
 *
 * Input: two bytes of slot counts, then records of an op byte, a length
 * byte and that many bytes: UNCOMP (remember), COMP (uncompress into a
 * buffer of exactly the room the op byte allows, after the frame or on
 * both sides of it), toss, or compress.
 * Every buffer is allocated at its exact size, so ASan sees any access
 * past it; results are checked against the room given.
 */
#include <stdlib.h>
#include "vj_codec.h"

static void op_uncompress(struct ppp_vjc *vj, const u8 *p, unsigned int len,
			  unsigned int before, unsigned int after)
{
	unsigned int size = before + len + after;
	u8 *buf = malloc(size ? size : 1);
	int n, start = 0;

	memcpy(buf + before, p, len);
	if (!before)
		n = ppp_vjc_uncompress(vj, buf, len, len + after);
	else
		n = ppp_vjc_uncompress_room(vj, buf + before, len, before,
					    after, &start);
	/* the packet within the room, [buf - before, buf + len + after) */
	if (n >= 0 && (n < 40 || start < -(int)before ||
		       start + n > (int)(len + after)))
		abort();
	free(buf);
}

static void op_remember(struct ppp_vjc *vj, const u8 *p, unsigned int len)
{
	u8 *buf = malloc(len ? len : 1);

	memcpy(buf, p, len);
	ppp_vjc_remember(vj, buf, len);
	free(buf);
}

static void op_compress(struct ppp_vjc *vj, const u8 *p, unsigned int len,
			bool cid_ok)
{
	u8 *buf = malloc(len ? len : 1);
	unsigned int start = 0;

	memcpy(buf, p, len);
	if (ppp_vjc_compress(vj, buf, len, cid_ok, &start) ==
	    PPP_VJC_COMPRESSED && (start < 21 || start >= len))
		abort();
	free(buf);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	unsigned int rx, tx, op, len;
	struct ppp_vjc *vj;

	if (size < 2)
		return 0;
	rx = data[0] % (PPP_VJ_MAX_SLOTS + 1);
	tx = data[1] % (PPP_VJ_MAX_SLOTS + 1);
	data += 2;
	size -= 2;
	vj = malloc(ppp_vjc_size(rx, tx));
	ppp_vjc_init(vj, rx, tx);
	while (size >= 2) {
		op = data[0];
		len = data[1];
		data += 2;
		size -= 2;
		if (len > size)
			len = size;
		switch (op & 3) {
		case 0:
			op_remember(vj, data, len);
			break;
		case 1:
			if (op & 0x80)	/* room on both sides */
				op_uncompress(vj, data, len, (op & 0x78) * 2,
					      op & 4 ? PPP_VJ_MAX_GROWTH : 0);
			else
				op_uncompress(vj, data, len, 0,
					      op & 4 ? PPP_VJ_MAX_GROWTH : op >> 3);
			break;
		case 2:
			ppp_vjc_toss(vj);
			break;
		default:
			op_compress(vj, data, len, op & 4);
			break;
		}
		data += len;
		size -= len;
	}
	free(vj);
	return 0;
}
