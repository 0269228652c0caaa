/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included into every object of this tree (see the top Kbuild).
 * It turns the PPP_COMPAT_* flags set by compat/Kbuild.include into a few
 * helpers so that the .c files stay free of kernel-version tests.  Only
 * macros and types live here (and only <linux/types.h> is pulled in), so
 * including it first costs nothing and changes no exported symbol's CRC.
 */
#ifndef PPP_COMPAT_H
#define PPP_COMPAT_H

#include <linux/types.h>

/* tty_ldisc_ops.receive_buf() argument types. */
#ifdef PPP_COMPAT_LDISC_U8
typedef u8 ppp_ldisc_char_t;
typedef u8 ppp_ldisc_flag_t;
typedef size_t ppp_ldisc_count_t;
#else
typedef unsigned char ppp_ldisc_char_t;
typedef char ppp_ldisc_flag_t;
typedef int ppp_ldisc_count_t;
#endif

/* Lockless transmit: a net_device bit on new kernels, a feature before. */
#ifdef PPP_COMPAT_DEV_LLTX
#define ppp_compat_set_lltx(dev)	((dev)->lltx = true)
#else
#define ppp_compat_set_lltx(dev)	((dev)->features |= NETIF_F_LLTX)
#endif

/*
 * Per-CPU packet and byte counters (dev->tstats): where the core knows
 * dev->pcpu_stat_type (6.6+), it allocates and frees them itself; before,
 * the driver does, in ndo_init and in its destructor.
 */
#ifdef PPP_COMPAT_PCPU_STAT_TYPE
#define ppp_compat_tstats_setup(dev) \
	((dev)->pcpu_stat_type = NETDEV_PCPU_STAT_TSTATS)
#define ppp_compat_tstats_alloc(dev)	0
#define ppp_compat_tstats_free(dev)	do { } while (0)
#else
#define ppp_compat_tstats_setup(dev)	do { } while (0)
#define ppp_compat_tstats_alloc(dev) \
	(((dev)->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats)) ? \
	 0 : -ENOMEM)
#define ppp_compat_tstats_free(dev)	free_percpu((dev)->tstats)
#endif

/* class_create() lost its owner argument in 6.4. */
#ifdef PPP_COMPAT_CLASS_CREATE_NAME_ONLY
#define ppp_compat_class_create(name)	class_create(name)
#else
#define ppp_compat_class_create(name)	class_create(THIS_MODULE, name)
#endif

/*
 * A local the code fills before it reads it, left out of
 * CONFIG_INIT_STACK_ALL_ZERO's zeroing; kernels without the macro zero
 * it as any other.
 */
#ifndef __uninitialized
#define __uninitialized
#endif

/* Tracked netns references (5.17+); plain get/put_net before. */
#ifndef PPP_COMPAT_NET_TRACK
typedef struct {} netns_tracker;
#define get_net_track(net, tracker, gfp)	get_net(net)
#define put_net_track(net, tracker)		put_net(net)
#endif

/* struct ppp_channel.direct_xmit (no qdisc on the unit) is recent. */
#ifdef PPP_COMPAT_CHAN_DIRECT_XMIT
#define ppp_compat_chan_direct_xmit(chan)	((chan)->direct_xmit)
#else
#define ppp_compat_chan_direct_xmit(chan)	false
#endif

/* A channel that takes frames straight from the unit (no qdisc). */
#ifdef PPP_COMPAT_CHAN_DIRECT_XMIT
#define ppp_compat_chan_set_direct_xmit(chan)	((chan)->direct_xmit = true)
#else
#define ppp_compat_chan_set_direct_xmit(chan)	do { } while (0)
#endif

/*
 * Scatter-gather transmit: only where a channel can say it takes
 * nonlinear frames (direct_xmit); the others get them linearized.
 */
#ifdef PPP_COMPAT_CHAN_DIRECT_XMIT
#define PPP_COMPAT_DEV_SG_FEATURES	(NETIF_F_SG | NETIF_F_FRAGLIST)
#else
#define PPP_COMPAT_DEV_SG_FEATURES	0
#endif

#endif /* PPP_COMPAT_H */
