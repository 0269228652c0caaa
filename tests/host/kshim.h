/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of the kernel's types and helpers to compile the pure
 * codecs (drivers/net/ppp/async_hdlc.c, vj_codec.c) in userspace.  Force-included
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

#define BITS_PER_LONG	(__SIZEOF_LONG__ * 8)

/* as the kernel's: the compiler forgets what it knew of @var */
#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define min(a, b)	((a) < (b) ? (a) : (b))
#define min_t(t, a, b)	((t)(a) < (t)(b) ? (t)(a) : (t)(b))

static inline u64 le64_host(u64 v)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return __builtin_bswap64(v);
#else
	return v;
#endif
}

static inline u64 get_unaligned_le64(const void *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return le64_host(v);
}

static inline void put_unaligned_le64(u64 v, void *p)
{
	v = le64_host(v);
	memcpy(p, &v, sizeof(v));
}

static inline u32 get_unaligned_le32(const void *p)
{
	const u8 *b = p;

	return (u32)b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0];
}

static inline void put_unaligned_le32(u32 v, void *p)
{
	u8 *b = p;

	b[0] = v;
	b[1] = v >> 8;
	b[2] = v >> 16;
	b[3] = v >> 24;
}

static inline u16 get_unaligned_be16(const void *p)
{
	const u8 *b = p;

	return b[0] << 8 | b[1];
}

static inline u32 get_unaligned_be32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
}

static inline void put_unaligned_be16(u16 v, void *p)
{
	u8 *b = p;

	b[0] = v >> 8;
	b[1] = v;
}

static inline void put_unaligned_be32(u32 v, void *p)
{
	u8 *b = p;

	b[0] = v >> 24;
	b[1] = v >> 16;
	b[2] = v >> 8;
	b[3] = v;
}

/* Index of the lowest set bit; @v must not be 0. */
static inline unsigned int __ffs64(u64 v)
{
	return __builtin_ctzll(v);
}

static inline unsigned long __ffs(unsigned long v)
{
	return __builtin_ctzl(v);
}

#define __aligned(x)	__attribute__((__aligned__(x)))
#define __uninitialized

#ifndef __always_inline		/* glibc's sys/cdefs.h has one */
#define __always_inline	inline __attribute__((__always_inline__))
#endif

/*
 * The carry-less multiply FCS and the vector scans
 * (drivers/net/ppp/async_simd.h has the kernel's hooks).  On x86-64 and
 * arm64 the tests switch them with host_clmul so that both ways of
 * computing the FCS run; test_hdlc.c sets it, from host_cpu_clmul().
 */
#if defined(__x86_64__) || defined(__aarch64__)
#define PPP_HDLC_CLMUL 1

#ifdef __aarch64__
#include <sys/auxv.h>
#include <asm/hwcap.h>
#endif

extern bool host_clmul;

/* Does this CPU have the multiply the vector paths use? */
static inline bool host_cpu_clmul(void)
{
#ifdef __x86_64__
	return __builtin_cpu_supports("pclmul") &&
	       __builtin_cpu_supports("ssse3");
#else
	return getauxval(AT_HWCAP) & HWCAP_PMULL;
#endif
}

static inline bool ppp_hdlc_clmul_present(void)
{
	return host_clmul;
}

static inline bool ppp_hdlc_simd_begin(void)
{
	return host_clmul;
}

static inline void ppp_hdlc_simd_end(void)
{
}
#endif

#endif /* PPP_HOST_KSHIM_H */
