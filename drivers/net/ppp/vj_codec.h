/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Van Jacobson TCP/IP header compression (RFC 1144): the codec alone.
 * No skbs, no locks, no allocation: the caller owns a struct ppp_vjc of
 * ppp_vjc_size() bytes and serialises each direction.  The compressor
 * writes what the kernel's slhc writes for the same packets and state, so
 * either end of a link may be slhc; the exceptions are packets slhc
 * itself would restore wrongly (see vj_codec.c).  Compiled into
 * ppp_generic.ko, the KUnit suites and the host tests (tests/host).
 */
#ifndef PPP_VJ_CODEC_H
#define PPP_VJ_CODEC_H

/* Slot ids travel in one byte; pppd asks for at most 255 slots a way. */
#define PPP_VJ_MAX_SLOTS		255
/* The longest IP and TCP headers (ihl and doff are 15 words at most). */
#define PPP_VJ_IP_MAX		60
#define PPP_VJ_TCP_MAX		60
#define PPP_VJ_HDR_MAX		(PPP_VJ_IP_MAX + PPP_VJ_TCP_MAX)
/*
 * A compressed header is at least change mask and TCP checksum (3 bytes)
 * and restores at most PPP_VJ_HDR_MAX: the most a packet grows by.
 */
#define PPP_VJ_MAX_GROWTH	(PPP_VJ_HDR_MAX - 3)
#ifdef __KERNEL__
/*
 * Whether the receiver restores a header in front of the payload, in
 * the buffer's headroom (ppp_vjc_uncompress_room()), rather than moving
 * the payload up behind it: the IP header then starts wherever that
 * puts it.  64-bit CPUs with cheap unaligned access (x86-64, arm64) do;
 * the others keep the IP header where the channel aligned it.
 */
#define PPP_VJ_RX_FRONT \
	(IS_ENABLED(CONFIG_64BIT) && \
	 IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS))
#endif

/* tx_last before the first packet: no slot has that id. */
#define PPP_VJ_NO_SLOT		0xff

/* What ppp_vjc_compress() made of a packet. */
enum ppp_vjc_type {
	PPP_VJC_IP,		/* send unchanged, as PPP_IP */
	PPP_VJC_UNCOMPRESSED,	/* PPP_VJC_UNCOMP: byte 9 holds the slot id */
	PPP_VJC_COMPRESSED,	/* PPP_VJC_COMP: starts *start bytes in */
};

/*
 * Counters, named after slhc's (sls_o_*, sls_i_*); SIOCGPPPSTATS reports
 * them as struct vjstat.
 */
struct ppp_vjc_stats {
	u32 out_compressed;	/* COMP packets sent */
	u32 out_uncompressed;	/* UNCOMP packets sent */
	u32 out_searches;	/* slots looked at beyond the first */
	u32 out_misses;		/* connections that took over a slot */
	u32 out_tcp;		/* TCP sent as plain IP */
	u32 out_other;		/* non-TCP IP */
	u32 in_compressed;	/* COMP packets received, good or not */
	u32 in_uncompressed;	/* UNCOMP packets taken */
	u32 in_errors;		/* bad COMP packets, bad slot ids */
	u32 in_tossed;		/* COMP packets dropped after an error */
	u32 in_runts;		/* UNCOMP packets too short for their headers */
	u32 in_bad_csum;	/* UNCOMP packets with a bad IP checksum */
};

/* One connection: its last IP and TCP headers, options included. */
struct ppp_vjc_slot {
	u8 ip[PPP_VJ_IP_MAX];
	u8 tcp[PPP_VJ_TCP_MAX];
	u8 next;		/* transmit: the next less recently used */
	bool valid;		/* receive: an UNCOMP packet filled it */
};

struct ppp_vjc {
	struct ppp_vjc_stats stats;
	u16 rx_slots;
	u16 tx_slots;
	u8 tx_oldest;		/* least recently used transmit slot */
	u8 tx_last;		/* slot id last sent, PPP_VJ_NO_SLOT at first */
	u8 rx_last;		/* slot id last received */
	bool rx_toss;		/* drop COMP packets without a slot id */
	struct ppp_vjc_slot slot[];	/* rx_slots, then tx_slots of them */
};

size_t ppp_vjc_size(unsigned int rx_slots, unsigned int tx_slots);
void ppp_vjc_init(struct ppp_vjc *vj, unsigned int rx_slots,
		  unsigned int tx_slots);
enum ppp_vjc_type ppp_vjc_compress(struct ppp_vjc *vj, u8 *pkt,
				   unsigned int len, bool cid_ok,
				   unsigned int *start);
int ppp_vjc_uncompress(struct ppp_vjc *vj, u8 *buf, unsigned int len,
		       unsigned int size);
int ppp_vjc_uncompress_room(struct ppp_vjc *vj, u8 *buf, unsigned int len,
			    unsigned int before, unsigned int after,
			    int *start);
int ppp_vjc_remember(struct ppp_vjc *vj, u8 *pkt, unsigned int len);
void ppp_vjc_toss(struct ppp_vjc *vj);

#endif /* PPP_VJ_CODEC_H */
