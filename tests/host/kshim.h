/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of the kernel's types and helpers to compile the pure
 * codec (drivers/net/ppp/async_hdlc.c) in userspace.  Force-included
 * with -include; anything the codec starts using from the kernel must
 * show up here, which keeps it honest about being pure.
 */
#ifndef PPP_HOST_KSHIM_H
#define PPP_HOST_KSHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define min(a, b)	((a) < (b) ? (a) : (b))
#define min_t(t, a, b)	((t)(a) < (t)(b) ? (t)(a) : (t)(b))

static inline u32 get_unaligned_le32(const void *p)
{
	const u8 *b = p;

	return b[0] | b[1] << 8 | b[2] << 16 | (u32)b[3] << 24;
}

#endif /* PPP_HOST_KSHIM_H */
