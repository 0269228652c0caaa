/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * <linux/if_ppp.h> - compatibility name.  Programs written for older
 * kernels include this; everything now lives in <linux/ppp-ioctl.h>
 * (requests and flags) and <linux/ppp_defs.h> (constants, statistics).
 * Part of this project's copy of the PPP userspace ABI.
 */
#ifndef _PPPSTACK_UAPI_IF_PPP_H
#define _PPPSTACK_UAPI_IF_PPP_H

#include <linux/ppp-ioctl.h>

#endif /* _PPPSTACK_UAPI_IF_PPP_H */
