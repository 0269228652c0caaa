/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ppp_generic: private definitions shared by the files of the module.
 *
 * The module has three kinds of object:
 *
 *   struct ppp_file  - what a /dev/ppp file descriptor is attached to: the
 *                      queues pppd reads from and writes to.  Embedded in
 *                      both of the others.
 *   struct ppp_unit  - a PPP interface ("unit"): the ppp%d net_device, the
 *                      compression/filter state and the list of channels
 *                      that carry its frames.
 *   struct ppp_chan  - our side of a struct ppp_channel registered by a
 *                      channel driver (ppp_async, pppoe, l2tp, ...).
 *
 * LOCK ORDER (outermost first)
 *
 *   ppp_ioctl_mutex          serialises every ioctl and unit creation
 *   rtnl_lock                register/unregister of the net_device
 *                            (a closer waiting for its remove_work holds
 *                            no lock: the work takes rtnl)
 *   pn->units_lock           per-netns unit table (never held across
 *                            register_netdevice)
 *   pch->upl  (rwlock)       which unit a channel is connected to
 *   unit->wlock              transmit state of a unit
 *   unit->rlock              receive state of a unit
 *   pch->downl               a channel's transmit queue and ->chan
 *   pn->chans_lock           per-netns channel list
 *
 * rtnl_lock is taken with ppp_ioctl_mutex held; the rtnetlink newlink path
 * (rtnl held, wants ppp_ioctl_mutex) therefore only trylocks.
 * pch->chan_sem (rwsem) is taken for reading around calls into the
 * driver's ioctl and for writing when the driver unregisters, so that no
 * ioctl runs into a channel that has gone.
 *
 * LIFETIMES
 *
 * A ppp_file is counted by ->refcnt: one reference for each fd attached to
 * it, one for a unit's net_device, one for each connection between a
 * channel and a unit (the channel holds the unit), and the channel
 * driver's registration for a channel.  The last reference frees it.
 *
 * Teardown has four verbs, for units and channels alike: remove (out of
 * every lookup: device unregistered, number or list entry given back),
 * make_dead (traffic dropped, readers see EOF), put (a reference
 * dropped) and free (the last reference gone).
 *
 * A unit dies in phases (unit.c explains the close design):
 *   1. remove: its owner fd is closed; ppp_unit_remove() queues the
 *      unit's remove_work on ppp_remove_wq, with a reference of its own,
 *      and waits for ->removed; the fd's reference is put after the
 *      wait.  The work takes rtnl and, unless dellink or the death of
 *      the netns got there first (->owner already NULL), unregisters
 *      the device, which runs phase 2;
 *   2. make_dead: under rtnl, unregister_netdevice_many() closes the
 *      device if it is up (->ndo_stop takes the receive GRO context
 *      down, recv.c), unlists it (its name is free), and ->ndo_uninit
 *      gives the number back (ppp_unit_remove_number()), marks the unit
 *      closing and dead, clears ->owner and wakes readers (EOF,
 *      ppp_unit_make_dead()) - no new lookups find it.  The work then
 *      signals ->removed: close() returns, with nothing of the unit
 *      left for userspace to see;
 *   3. put: the work's rtnl_unlock() runs netdev_run_todo(): rcu_barrier(),
 *      then the wait for the device's last references, in the worker,
 *      overlapping the next closes.  The destructor puts the device's
 *      reference, the work its own; the remaining fds and connected
 *      channels put theirs when closed or disconnected;
 *   4. free: the last put frees the unit and its device (ppp_unit_free()).
 *   Neither phase 1 nor 3 touches the unit's netns: it can be freed
 *   before the owner fd is closed.
 *
 * A channel dies in phases, all in ppp_unregister_channel():
 *   1. the driver's ->chan is cleared under chan_sem (write) and downl,
 *      so no start_xmit or ioctl can follow;
 *   2. remove: if connected, it is disconnected from its unit, and
 *      synchronize_net() waits out lockless walkers of the unit's
 *      channel list before the unit's reference is put; if bridged, it
 *      is unbridged, and synchronize_rcu() waits out bridge_input()
 *      users before the peers' references are put; then it is taken off
 *      the per-netns list.  A channel neither connected nor bridged
 *      waits for no grace period here;
 *   3. make_dead: marked dead and its readers woken (EOF);
 *   4. put, free: the registration reference is put; the last reference
 *      frees the channel after an RCU grace period (call_rcu), purging
 *      its queues then, because a late ppp_input() may still have queued
 *      a frame.  Module exit does rcu_barrier() so no callback outlives
 *      the code.
 */
#ifndef PPP_GENERIC_PRIV_H
#define PPP_GENERIC_PRIV_H

/*
 * Same include set as the in-tree ppp_generic.c: genksyms computes the
 * CRC of each exported symbol from the types visible in the file that
 * exports it, and in-tree channel drivers (pppoe, l2tp_ppp) only load on
 * top of us if those CRCs are the kernel's.  Do not trim this list.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/sched/signal.h>
#include <linux/kmod.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/idr.h>
#include <linux/netdevice.h>
#include <linux/poll.h>
#include <linux/ppp_defs.h>
#include <linux/filter.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_channel.h>
#include <linux/ppp-comp.h>
#include <linux/skbuff.h>
#include <linux/rculist.h>
#include <linux/rtnetlink.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/spinlock.h>
#include <linux/rwsem.h>
#include <linux/stddef.h>
#include <linux/device.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/file.h>
#include <linux/unaligned.h>
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <linux/nsproxy.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "vj_codec.h"
#include "ppp_stats.h"
#include "ppp_link_stats.h"

/* Bytes of the PPP protocol field in every frame we queue or pass. */
#define PPP_PROTO_LEN		2

/* The character device pppd opens: /dev/ppp, c 108 0. */
#define PPP_MAJOR		108

/* Frames queued for pppd on one fd before the oldest are dropped. */
#define PPP_MAX_RQLEN		32
/* Largest MRU a user may set: frames are sized from it. */
#define PPP_MAX_MRU		U16_MAX
/* Network protocols with an NP mode (PPPIOCSNPMODE). */
enum ppp_np {
	PPP_NP_IP,
	PPP_NP_IPV6,
	PPP_NP_IPX,
	PPP_NP_AT,
	PPP_NP_MPLS_UC,
	PPP_NP_MPLS_MC,
	PPP_NP_COUNT
};

/* Flags pppd may set with PPPIOCSFLAGS on a unit. */
#define PPP_UNIT_FLAG_BITS	(SC_NO_TCP_CCID | SC_CCP_OPEN | SC_CCP_UP | \
				 SC_LOOP_TRAFFIC | SC_MULTILINK | \
				 SC_MP_SHORTSEQ | SC_MP_XSHORTSEQ | \
				 SC_COMP_TCP | SC_REJ_COMP_TCP | SC_MUST_COMP)

enum ppp_file_kind {
	PPP_FILE_UNIT = 1,
	PPP_FILE_CHANNEL,
};

struct ppp_file {
	enum ppp_file_kind kind;
	struct sk_buff_head xq;		/* frames waiting to be sent */
	struct sk_buff_head rq;		/* frames waiting for read() */
	wait_queue_head_t rwait;	/* readers and pollers */
	refcount_t refcnt;
	int hdrlen;			/* headroom to reserve on write() */
	int index;			/* unit number or channel index */
	bool dead;			/* read() returns EOF once set */
	/*
	 * A channel's: it takes the unit's GSO segments as they are
	 * (ppp_channel_set_tx_offload()).  Here, in padding, rather than in
	 * struct ppp_chan, which would outgrow kmalloc-256.
	 */
	bool tx_offload;
};

/*
 * A unit's receive GRO context (recv.c): frames queued on rxq (under
 * rxq.lock) by the receive path, handed to GRO by napi's poll.  It lives
 * in the device's private area, after the unit, where that keeps the
 * device's allocation in the kmalloc bucket it has without it (64-bit:
 * a net_device and a unit with it stay under 4 KiB); otherwise it is
 * allocated at ndo_open (32-bit ARM: 1600 bytes of net_device and a
 * unit with the context inline would go from 2 KiB to 4 KiB).
 * ppp_rx_gro_layout() decides once, at module load.
 */
struct ppp_rx_gro {
	struct napi_struct napi;
	struct sk_buff_head rxq;
	union {
		/* allocated: freed a grace period after ndo_stop */
		struct rcu_head rcu;
		/* embedded: reused no sooner than a grace period after it */
		struct {
			unsigned long gp;	/* get_state_synchronize_rcu() */
			bool stopped;
		};
	};
};

struct ppp_unit {
	struct ppp_file file;		/* must be first */
	struct file *owner;		/* fd that did PPPIOCNEWUNIT */
	struct work_struct remove_work;	/* unregisters, owner closed (unit.c) */
	struct completion removed;	/* remove_work: device removed */
	bool in_idr;			/* under units_lock */
	struct net_device *dev;
	struct net *net;		/* netns the unit was created in */

	struct list_head channels;	/* connected ppp_chan, RCU list */
	int n_channels;			/* under wlock and rlock */
	bool closing;			/* device going away: drop traffic */

	spinlock_t wlock;		/* transmit side */
	spinlock_t rlock;		/* receive side */
	int __percpu *xmit_recursion;	/* loop guard, see xmit.c */
	struct ppp_unit_stats *stats;	/* drops by cause; NULL: none yet */
	struct ppp_link_stats link_gone; /* of channels that left; wlock+rlock */
	struct sk_buff *xmit_pending;	/* frame a busy channel refused */

	unsigned int flags;		/* SC_* set by pppd */
	unsigned int xstate;		/* SC_COMP_RUN */
	unsigned int rstate;		/* SC_DECOMP_RUN, SC_DC_ERROR ... */
	int mru;
	int debug;
	enum NPmode npmode[PPP_NP_COUNT];

	unsigned long last_xmit;	/* jiffies of last data frame sent */
	unsigned long last_recv;	/* ... and received */

	/* VJ header compression (vj.c) */
	struct ppp_vjc *vj;

	/* CCP compression (compress.c) */
	struct compressor *xcomp;
	void *xc_state;
	struct compressor *rcomp;
	void *rc_state;

	/* Multilink (mp.c): tx fields under wlock, rx fields under rlock */
	struct {
		int mrru;		/* 0: multilink receive off */
		u32 nxseq;		/* next sequence number to send */
		int nxchan;		/* channel to start the next frame on */
		u32 nextseq;		/* next sequence number expected */
		u32 minseq;		/* every link has passed this one */
		struct sk_buff_head mrq; /* fragments waiting to be joined */
	} mp;

	/* Filters (filter.c); written under both locks */
	struct bpf_prog *pass_filter;
	struct bpf_prog *active_filter;

	/*
	 * TCP segments for the stack go through GRO here (recv.c) while
	 * the device is up: set at ndo_open, cleared at ndo_stop, both
	 * under rlock as well as rtnl; NULL: every frame goes to netif_rx().
	 */
	struct ppp_rx_gro *rx_gro;
};

struct ppp_chan {
	struct ppp_file file;		/* must be first */
	struct list_head list;		/* in ppp_net.channels */
	struct ppp_channel *chan;	/* driver's; NULL once unregistered */
	struct rw_semaphore chan_sem;	/* excludes driver ioctl vs unregister */
	spinlock_t downl;		/* xq and ->chan for transmit */
	rwlock_t upl;			/* ->ppp */
	int speed;			/* (fills the hole after upl) */
	struct ppp_unit *ppp;		/* connected unit, or NULL */
	struct list_head clist;		/* in ppp_unit.channels */
	struct ppp_chan __rcu *bridge;	/* bridged peer, or NULL */
	struct net *chan_net;		/* netns, pinned until freed */
	netns_tracker ns_tracker;
	u32 lastseq;			/* multilink: last sequence received */
	int mtu;			/* from the driver at registration */
	const struct ppp_link_stats_ops *link_ops;	/* driver's counters */
	/*
	 * ... as they were at unregistration, or NULL; chan_sem.  Allocated
	 * then: held inline, they took a channel from kmalloc-256 to
	 * kmalloc-512 for every session of a PPPoE concentrator.
	 */
	struct ppp_link_stats *link_final;
	struct rcu_head rcu;
};

/* Per network namespace state. */
struct ppp_net {
	struct idr units;		/* unit number -> ppp_unit */
	struct mutex units_lock;
	struct list_head channels;	/* every registered ppp_chan */
	spinlock_t chans_lock;
	int last_channel_index;
};

static inline struct ppp_unit *ppp_file_unit(struct ppp_file *pf)
{
	return container_of(pf, struct ppp_unit, file);
}

static inline struct ppp_chan *ppp_file_chan(struct ppp_file *pf)
{
	return container_of(pf, struct ppp_chan, file);
}

/* A unit is the private area of its net_device: they share one lifetime. */
static inline struct ppp_unit *ppp_dev_unit(const struct net_device *dev)
{
	return netdev_priv(dev);
}

/* main.c */
extern unsigned int ppp_net_id;
extern struct mutex ppp_ioctl_mutex;
struct ppp_net *ppp_pernet(struct net *net);

/* rtnl.c */
int ppp_rtnl_register(void);
void ppp_rtnl_set_ops(struct net_device *dev);
void ppp_rtnl_unregister(void);

/* chardev.c */
extern const struct file_operations ppp_fops;
void ppp_file_init(struct ppp_file *pf, enum ppp_file_kind kind);
void ppp_file_queue_rx(struct ppp_file *pf, struct sk_buff *skb);
void ppp_file_get(struct ppp_file *pf);
void ppp_file_put(struct ppp_file *pf);
void ppp_file_make_dead(struct ppp_file *pf);

/* ioctl.c */
long ppp_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
long ppp_compat_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/* unit.c */
int ppp_unit_create(struct net *net, struct file *file, int *unitp);
int ppp_unit_init(struct ppp_unit *ppp, struct net *net, struct file *file);
int ppp_unit_register(struct ppp_unit *ppp, int unit, bool keep_name);
void ppp_unit_attach_owner(struct ppp_unit *ppp, struct file *file);
void ppp_unit_remove(struct ppp_unit *ppp, struct file *file);
void ppp_unit_make_dead(struct ppp_unit *ppp);
void ppp_unit_remove_flush(void);
int ppp_unit_wq_init(void);
void ppp_unit_wq_exit(void);
struct ppp_unit *ppp_unit_find(struct ppp_net *pn, int unit);
void ppp_unit_free(struct ppp_unit *ppp);
void ppp_unit_remove_number(struct ppp_unit *ppp);
void ppp_unit_lock(struct ppp_unit *ppp);
void ppp_unit_unlock(struct ppp_unit *ppp);
long ppp_unit_ioctl(struct ppp_unit *ppp, struct file *file,
		    unsigned int cmd, unsigned long arg);

/* netdev.c */
struct net_device *ppp_netdev_alloc(void);
void ppp_netdev_setup(struct net_device *dev);
int ppp_netdev_register(struct ppp_unit *ppp);
void ppp_netdev_unregister_all(struct net *net, struct list_head *kill);
bool ppp_netdev_is_ppp(const struct net_device *dev);
int ppp_netdev_get_stats(struct ppp_unit *ppp, struct ppp_stats *st);
void ppp_netdev_rx_stats(struct ppp_unit *ppp, unsigned int len);
void ppp_netdev_tx_stats(struct ppp_unit *ppp, unsigned int len);

/* channel.c */
struct ppp_chan *ppp_chan_find(struct ppp_net *pn, int index);
int ppp_chan_connect(struct ppp_chan *pch, int unit);
int ppp_chan_disconnect(struct ppp_chan *pch);
int ppp_chan_bridge(struct ppp_chan *pch, struct ppp_chan *pchb);
int ppp_chan_unbridge(struct ppp_chan *pch);
void ppp_chan_free(struct ppp_chan *pch);
void ppp_chan_push(struct ppp_chan *pch, struct sk_buff *skb);
long ppp_chan_ioctl(struct ppp_chan *pch, unsigned int cmd,
		    unsigned long arg);

/* xmit.c */
netdev_tx_t ppp_start_xmit(struct sk_buff *skb, struct net_device *dev);
bool ppp_xmit_can_offload(struct ppp_unit *ppp);
void ppp_xmit_process(struct ppp_unit *ppp, struct sk_buff *skb);
void __ppp_xmit_process(struct ppp_unit *ppp, struct sk_buff *skb);
int ppp_np_index(int proto);
__be16 ppp_np_ethertype(int np);

/* recv.c */
void ppp_receive_error(struct ppp_unit *ppp);
void ppp_receive_frame(struct ppp_unit *ppp, struct sk_buff *skb,
		       struct ppp_chan *pch);
void ppp_receive_nonmp_frame(struct ppp_unit *ppp, struct sk_buff *skb);
extern unsigned int ppp_unit_priv_size;
void ppp_rx_gro_layout(void);
void ppp_rx_gro_start(struct ppp_unit *ppp);
void ppp_rx_gro_stop(struct ppp_unit *ppp);

/* mp.c */
void ppp_mp_init(struct ppp_unit *ppp);
void ppp_mp_free(struct ppp_unit *ppp);
void ppp_mp_set_mrru(struct ppp_unit *ppp, int mrru);
void ppp_mp_flags_changed(struct ppp_unit *ppp, unsigned int old);
bool ppp_mp_xmit(struct ppp_unit *ppp, struct sk_buff *skb);
void ppp_mp_receive(struct ppp_unit *ppp, struct sk_buff *skb,
		    struct ppp_chan *pch);

/* vj.c */
int ppp_vj_set_maxcid(struct ppp_unit *ppp, int val);
void ppp_vj_free(struct ppp_unit *ppp);
struct sk_buff *ppp_vj_compress(struct ppp_unit *ppp, struct sk_buff *skb);
struct sk_buff *ppp_vj_decompress(struct ppp_unit *ppp, struct sk_buff *skb,
				  int proto);
void ppp_vj_toss(struct ppp_unit *ppp);
void ppp_vj_stats(struct ppp_unit *ppp, struct ppp_vjc_stats *out);

/* compress.c */
int ppp_ccp_set_compress(struct ppp_unit *ppp, void __user *arg,
			 bool compat);
void ppp_ccp_peek(struct ppp_unit *ppp, struct sk_buff *skb, bool inbound);
void ppp_ccp_closed(struct ppp_unit *ppp);
struct sk_buff *ppp_ccp_compress(struct ppp_unit *ppp, struct sk_buff *skb);
struct sk_buff *ppp_ccp_decompress(struct ppp_unit *ppp, struct sk_buff *skb);
void ppp_ccp_incomp(struct ppp_unit *ppp, struct sk_buff *skb);
int ppp_ccp_get_stats(struct ppp_unit *ppp, struct ppp_comp_stats *cst);

/* filter.c */
int ppp_filter_set(struct ppp_unit *ppp, unsigned int cmd,
		   void __user *arg, bool compat);
void ppp_filter_free(struct ppp_unit *ppp);
int ppp_filter_own_head(struct sk_buff *skb);
int ppp_filter_pass(struct ppp_unit *ppp, struct sk_buff *skb, bool inbound,
		    bool *active);

#endif /* PPP_GENERIC_PRIV_H */
