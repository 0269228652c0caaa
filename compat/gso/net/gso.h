/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Before 6.4, skb_gso_segment() and friends were declared in
 * <linux/netdevice.h>; this stands in for <net/gso.h> there.
 */
#ifndef PPP_COMPAT_NET_GSO_H
#define PPP_COMPAT_NET_GSO_H

#include <linux/netdevice.h>

#endif /* PPP_COMPAT_NET_GSO_H */
