/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * <linux/ppp_defs.h> - PPP wire constants and the statistics records
 * exchanged with the PPP driver.  Part of this project's copy of the PPP
 * userspace ABI (with <linux/ppp-ioctl.h> and <linux/if_ppp.h>).
 *
 * Every name, value and structure layout here is the Linux kernel's ABI
 * and must never change; drivers/net/ppp/uapi_check.c proves at build
 * time that they equal the target kernel's, and `make -C include/uapi
 * check` does the same against the host's <linux/...> headers.
 *
 * Userspace can build against this copy by putting include/uapi first on
 * its include path (gcc -I include/uapi ...).
 */
#ifndef _PPPSTACK_UAPI_PPP_DEFS_H
#define _PPPSTACK_UAPI_PPP_DEFS_H

#include <linux/types.h>

/* ----------------------------------------------------------------------
 * Frame geometry (RFC 1661 section 2, RFC 1662 section 3).
 *
 * A PPP frame as the HDLC-like framing sees it is
 *     address(1) control(1) protocol(2) information(<= MRU) FCS(2)
 * The driver's /dev/ppp read() and write() use only protocol + information;
 * the address/control pair is added and removed by the channel.
 */
#define PPP_HDRLEN	4	/* address + control + protocol, uncompressed */
#define PPP_FCSLEN	2	/* 16-bit frame check sequence */
#define PPP_MRU		1500	/* default Maximum-Receive-Unit (information) */

/*
 * Field accessors for a buffer that starts at the address byte, i.e.
 * holds the full 4-byte header.  @p may be any pointer type.
 */
#define PPP_ADDRESS(p)	(((__u8 *)(p))[0])
#define PPP_CONTROL(p)	(((__u8 *)(p))[1])
#define PPP_PROTOCOL(p)	((((__u8 *)(p))[2] << 8) + ((__u8 *)(p))[3])

/* Fixed octets of the HDLC-like framing (RFC 1662). */
#define PPP_ALLSTATIONS	0xff	/* address field: all stations */
#define PPP_UI		0x03	/* control field: unnumbered information */
#define PPP_FLAG	0x7e	/* frame delimiter */
#define PPP_ESCAPE	0x7d	/* control escape: next octet is XORed ... */
#define PPP_TRANS	0x20	/* ... with this value */

/* FCS-16 (RFC 1662 appendix C): start value and residue of a good frame. */
#define PPP_INITFCS	0xffff
#define PPP_GOODFCS	0xf0b8

/* ----------------------------------------------------------------------
 * Protocol field values (IANA "PPP DLL Protocol Numbers").
 *
 * Below 0x8000: datagrams; the kinds the driver knows (IPv4, IPv6, IPX,
 * AppleTalk, MPLS) travel through the ppp network interface.
 * 0x8000-0xbfff: network control protocols, read by pppd from the unit fd.
 * 0xc000 and up: link-level protocols (LCP, authentication, LQR), read by
 * pppd from the channel fd.
 */

/* Network-layer protocols */
#define PPP_IP		0x21	/* IPv4 */
#define PPP_AT		0x29	/* AppleTalk */
#define PPP_IPX		0x2b	/* Novell IPX */
#define PPP_VJC_COMP	0x2d	/* Van Jacobson compressed TCP/IP (RFC 1144) */
#define PPP_VJC_UNCOMP	0x2f	/* Van Jacobson uncompressed TCP/IP */
#define PPP_MP		0x3d	/* Multilink fragment (RFC 1990) */
#define PPP_IPV6	0x57	/* IPv6 */
#define PPP_COMPFRAG	0xfb	/* per-link compressed datagram (RFC 1962) */
#define PPP_COMP	0xfd	/* compressed datagram (RFC 1962) */
#define PPP_MPLS_UC	0x0281	/* MPLS unicast */
#define PPP_MPLS_MC	0x0283	/* MPLS multicast */

/* Network control protocols */
#define PPP_IPCP	0x8021	/* IPv4 Control Protocol */
#define PPP_ATCP	0x8029	/* AppleTalk Control Protocol */
#define PPP_IPXCP	0x802b	/* IPX Control Protocol */
#define PPP_IPV6CP	0x8057	/* IPv6 Control Protocol */
#define PPP_CCPFRAG	0x80fb	/* per-link CCP (below a multilink bundle) */
#define PPP_CCP		0x80fd	/* Compression Control Protocol */
/*
 * Historical value kept for ABI compatibility: it equals PPP_CCP.  (IANA
 * assigns 0x8281 to the MPLS control protocol.)
 */
#define PPP_MPLSCP	0x80fd

/* Link-level protocols */
#define PPP_LCP		0xc021	/* Link Control Protocol */
#define PPP_PAP		0xc023	/* Password Authentication Protocol */
#define PPP_LQR		0xc025	/* Link Quality Report */
#define PPP_CBCP	0xc029	/* Callback Control Protocol */
#define PPP_CHAP	0xc223	/* Challenge Handshake Authentication */

/* ----------------------------------------------------------------------
 * Extended async control character map: one bit per octet value, bit
 * (c & 31) of word (c >> 5); a set bit means "escape c on transmit".
 * Argument of PPPIOCGXASYNCMAP / PPPIOCSXASYNCMAP.
 */
typedef __u32		ext_accm[8];

/*
 * Network-protocol mode, per protocol, for PPPIOCGNPMODE/PPPIOCSNPMODE.
 * The Linux driver only distinguishes PASS from "anything else": every
 * other mode drops the packet, in both directions.
 */
enum NPmode {
	NPMODE_PASS,		/* 0: deliver / transmit normally */
	NPMODE_DROP,		/* 1: discard silently */
	NPMODE_ERROR,		/* 2: discard (historically: fail the send) */
	NPMODE_QUEUE		/* 3: discard (historically: hold for demand dial) */
};

/* ----------------------------------------------------------------------
 * Statistics, returned through the network interface (see the SIOCGPPP*
 * requests in <linux/ppp-ioctl.h>).  All counters are 32-bit and wrap.
 */

/* Link counters; part of struct ppp_stats. */
struct pppstat {
	__u32	ppp_discards;	/* frames discarded */

	__u32	ppp_ibytes;	/* octets received */
	__u32	ppp_ioctects;	/* octets received in good frames */
	__u32	ppp_ipackets;	/* frames received */
	__u32	ppp_ierrors;	/* frames received in error */
	__u32	ppp_ilqrs;	/* link-quality reports received */

	__u32	ppp_obytes;	/* octets sent */
	__u32	ppp_ooctects;	/* octets sent in frames */
	__u32	ppp_opackets;	/* frames sent */
	__u32	ppp_oerrors;	/* frames that failed to go out */
	__u32	ppp_olqrs;	/* link-quality reports sent */
};

/* Van Jacobson TCP/IP header compression counters. */
struct vjstat {
	__u32	vjs_packets;	   /* TCP/IP datagrams sent */
	__u32	vjs_compressed;	   /* ... of which sent compressed */
	__u32	vjs_searches;	   /* connection-state look-ups */
	__u32	vjs_misses;	   /* look-ups that found no state */
	__u32	vjs_uncompressedin; /* VJ-uncompressed datagrams received */
	__u32	vjs_compressedin;  /* VJ-compressed datagrams received */
	__u32	vjs_errorin;	   /* received with an unknown type */
	__u32	vjs_tossed;	   /* received and dropped after an error */
};

/* One direction of a CCP compressor; part of struct ppp_comp_stats. */
struct compstat {
	__u32	unc_bytes;	/* octets sent/received uncompressed */
	__u32	unc_packets;	/* datagrams sent/received uncompressed */
	__u32	comp_bytes;	/* octets after compression */
	__u32	comp_packets;	/* datagrams compressed */
	__u32	inc_bytes;	/* octets found incompressible */
	__u32	inc_packets;	/* datagrams found incompressible */
	__u32	in_count;	/* octets fed to the compressor */
	__u32	bytes_out;	/* octets it produced */
	double	ratio;		/* in_count / bytes_out; the kernel leaves it 0 */
};

/* Result of SIOCGPPPSTATS. */
struct ppp_stats {
	struct pppstat	p;	/* link counters */
	struct vjstat	vj;	/* VJ counters */
};

/* Result of SIOCGPPPCSTATS. */
struct ppp_comp_stats {
	struct compstat	c;	/* transmit (compressor) */
	struct compstat	d;	/* receive (decompressor) */
};

/*
 * PPPIOCGIDLE* result: whole seconds since a network-protocol datagram
 * (protocol < 0x8000) was last sent / received on the unit.  When an
 * active filter is installed (PPPIOCSACTIVE), only datagrams it accepts
 * reset the clock.
 *
 * The ioctl number encodes the size of the record, so the driver tells
 * the fixed-width forms apart: ppp_idle32 and ppp_idle64.  struct ppp_idle
 * uses __kernel_old_time_t ("long"), which makes PPPIOCGIDLE the same
 * request as PPPIOCGIDLE64 on 64-bit ABIs and PPPIOCGIDLE32 on 32-bit ones
 * -- 32-bit programs built with a 64-bit time_t should ask for
 * PPPIOCGIDLE64 explicitly.
 */
struct ppp_idle {
	__kernel_old_time_t xmit_idle;	/* seconds since last send */
	__kernel_old_time_t recv_idle;	/* seconds since last receive */
};

struct ppp_idle32 {
	__s32 xmit_idle;
	__s32 recv_idle;
};

struct ppp_idle64 {
	__s64 xmit_idle;
	__s64 recv_idle;
};

#endif /* _PPPSTACK_UAPI_PPP_DEFS_H */
