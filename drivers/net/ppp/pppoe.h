/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pppoe: kernel-mode PPPoE sessions (RFC 2516), a PX_PROTO_OE protocol of
 * AF_PPPOX and a PPP channel of ppp_generic.  Discovery (PADI, PADO, PADR,
 * PADS) is userspace's; a session is bound by connect() with the session
 * id, the peer's MAC and the device pppd learnt there.
 *
 * Files:
 *   pppoe_wire.c   header checks on received frames (no state, KUnit)
 *   pppoe_table.c  the per-netns session hash (KUnit)
 *   pppoe_rx.c     0x8864 session frames, 0x8863 PADT, the relay
 *   pppoe_tx.c     the channel: start_xmit, fill_forward_path; sendmsg
 *   pppoe_sock.c   the socket: connect, release, ioctl; device events
 *   pppoe_main.c   module and netns start/stop, /proc/net/pppoe*
 *   pppoe_stats.c  per-session drop counters, shown by ppp_generic
 *
 * Lock order: the socket lock (lock_sock), then pppoe_net.lock (BH).  The
 * receive path takes neither: it finds sessions under RCU and takes a
 * socket reference (sockets are SOCK_RCU_FREE), then hands the frame to
 * sk_receive_skb(), which runs pppoe_rcv_core() under bh_lock_sock or
 * from the backlog.
 *
 * A session's lifetime, all under the socket lock:
 *   connect()  dev held, hashed, channel registered, PPPOX_CONNECTED
 *   PPPIOCGCHAN (pppox.c)                           PPPOX_BOUND too
 *   unbind     channel unregistered (ppp_generic waits for start_xmit),
 *              unhashed, dev pointer cleared, synchronize_net(), dev put:
 *              after the grace period no reader of the old pointer
 *              (relay, fill_forward_path) is left
 * Invariant: a socket is hashed exactly when it holds a device.
 */
#ifndef PPPOE_PRIV_H
#define PPPOE_PRIV_H

#include <linux/if_ether.h>
#include <linux/if_pppox.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/rculist.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <net/sock.h>
#include "ppp_link_stats.h"

#define PPPOE_HASH_BITS		8
#define PPPOE_HASH_SIZE		BIT(PPPOE_HASH_BITS)

/*
 * The causes a session counts (of enum ppp_link_stat): PPP_LINK_RX_NOBUF,
 * _RX_BAD_HEADER, _RX_BAD_LENGTH, _RX_PADT and _TX_DROPPED; pppoe_stats.c
 * maps them to slots.
 */
#define PPPOE_SESS_STAT_SLOTS	5

/* RFC 2516 header, version and type 1; session stage code 0. */
#define PPPOE_VER_TYPE		0x11
#define PPPOE_CODE_SESSION	0x00

/**
 * struct pppoe_sock - a PX_PROTO_OE socket
 * @px: the PPPoX part; first, as pppox.c (ours or in-tree) casts the
 *      struct sock to a struct pppox_sock.  Only ->sk, ->chan and ->num
 *      of it are used.
 * @node: link in pppoe_net.hash while a session is bound; readers under
 *        RCU, writers under pppoe_net.lock
 * @dev: the device of the session (a reference is held), NULL when none;
 *       written under the socket lock and pppoe_net.lock
 * @ifindex: @dev's index, part of the lookup key
 * @pa: session id, peer MAC and device name, as given to connect()
 * @relay: where PPPOEIOCSFWD sends this session's frames
 * @padt_work: tears the session down after a PADT (needs process context)
 * @lstats: frames the session dropped, by cause: one slot per cause a
 *          session can drop for (pppoe_stats.c)
 *
 * @dev, @ifindex, @pa, @relay and @padt_work lie in px.proto, the
 * per-protocol union of struct pppox_sock that neither pppox.c (ours nor
 * the in-tree one) touches: a session's socket is then one object of
 * 1024 bytes (16 cache lines) and not 1216, 192 bytes less for every
 * session of a concentrator.
 */
struct pppoe_sock {
	union {
		struct pppox_sock px;
		struct {
			u8 px_head[offsetof(struct pppox_sock, proto)];
			int ifindex;
			struct pppoe_addr pa;
			struct sockaddr_pppox relay;
			struct work_struct padt_work;
			struct net_device __rcu *dev;
		};
	};
	struct hlist_node node;
	atomic_long_t lstats[PPPOE_SESS_STAT_SLOTS];
};

/* The fields above stay inside px.proto, clear of px.num. */
static_assert(offsetofend(struct pppoe_sock, dev) <=
	      offsetof(struct pppox_sock, num));

/**
 * struct pppoe_stats - per-CPU counters of one netns, read with
 * pppoe_stats_read()
 * @rx_unknown_session: well-formed session frames matching no session
 * @rx_bad_header: 0x8863/0x8864 frames dropped for their header (short,
 *                 length field past the frame, version/type not 1/1,
 *                 session code not 0, compressed PPP protocol)
 * @rx_padt: PADTs received (for a session of ours or not)
 */
struct pppoe_stats {
	unsigned long rx_unknown_session;
	unsigned long rx_bad_header;
	unsigned long rx_padt;
};

/**
 * struct pppoe_net - per-netns state
 * @lock: guards @hash for writers
 * @hash: sessions by (sid, peer MAC, ifindex)
 * @stats: per-CPU receive counters
 */
struct pppoe_net {
	spinlock_t lock;	/* writers of @hash */
	struct hlist_head hash[PPPOE_HASH_SIZE];
	struct pppoe_stats __percpu *stats;
};

static inline struct pppoe_sock *pppoe_sk(struct sock *sk)
{
	return container_of(sk, struct pppoe_sock, px.sk);
}

static inline struct sock *pppoe_to_sk(struct pppoe_sock *po)
{
	return &po->px.sk;
}

/* pppoe_wire.c */
enum pppoe_hdr_verdict {
	PPPOE_HDR_OK,
	PPPOE_HDR_SHORT,	/* shorter than the header (+ protocol) */
	PPPOE_HDR_VER_TYPE,	/* version/type not 1/1 */
	PPPOE_HDR_CODE,		/* session frame with a code other than 0 */
	PPPOE_HDR_LENGTH,	/* length field past the frame's end */
	PPPOE_HDR_PFC,		/* PPP protocol field compressed */
};

enum pppoe_hdr_verdict pppoe_check_session(const void *hdr, unsigned int len,
					   unsigned int *payload_len);
enum pppoe_hdr_verdict pppoe_check_disc(const void *hdr, unsigned int len);

/* pppoe_table.c */
void pppoe_table_init(struct pppoe_net *pn);
bool pppoe_table_empty(struct pppoe_net *pn);
u32 pppoe_hash(__be16 sid, const u8 *addr, int ifindex);
struct pppoe_sock *pppoe_table_find_rcu(struct pppoe_net *pn, __be16 sid,
					const u8 *addr, int ifindex);
struct pppoe_sock *pppoe_table_get(struct pppoe_net *pn, __be16 sid,
				   const u8 *addr, int ifindex);
int pppoe_table_add(struct pppoe_net *pn, struct pppoe_sock *po);
void pppoe_table_del(struct pppoe_net *pn, struct pppoe_sock *po);
struct pppoe_sock *pppoe_table_get_on_dev(struct pppoe_net *pn,
					  const struct net_device *dev);

/* pppoe_rx.c */
extern struct packet_type pppoe_ses_ptype;
extern struct packet_type pppoe_disc_ptype;
int pppoe_rcv_core(struct sock *sk, struct sk_buff *skb);
void pppoe_padt_work(struct work_struct *work);

/* pppoe_tx.c */
extern const struct ppp_channel_ops pppoe_chan_ops;
int pppoe_xmit_on(struct pppoe_sock *po, struct sk_buff *skb);
int pppoe_sendmsg(struct socket *sock, struct msghdr *m, size_t total_len);

/* pppoe_sock.c */
extern struct proto pppoe_sk_proto;
extern const struct pppox_proto pppoe_proto;
extern struct notifier_block pppoe_notifier;
void pppoe_unbind(struct pppoe_sock *po);

/* pppoe_stats.c */
void pppoe_sess_count(struct pppoe_sock *po, enum ppp_link_stat stat);
void pppoe_sess_stats_reset(struct pppoe_sock *po);
void pppoe_offer_link_stats(struct pppoe_sock *po);
void pppoe_offer_tx_offload(struct pppoe_sock *po);

/* pppoe_gro.c: merging the TCP segments of bound sessions in GRO */
#ifdef PPP_COMPAT_GRO
void pppoe_gro_init(void);
void pppoe_gro_exit(void);
#else
static inline void pppoe_gro_init(void) { }
static inline void pppoe_gro_exit(void) { }
#endif

/* pppoe_main.c */
struct pppoe_net *pppoe_pernet(struct net *net);
void pppoe_stats_read(struct net *net, struct pppoe_stats *sum);

/* Receive path (BH): count one event of @field in @pn's counters. */
static inline void pppoe_stat_add(unsigned long __percpu *counter)
{
	this_cpu_inc(*counter);
}

#define pppoe_stat_inc(pn, field)	pppoe_stat_add(&(pn)->stats->field)

#endif /* PPPOE_PRIV_H */
