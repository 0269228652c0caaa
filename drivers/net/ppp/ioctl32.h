/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arguments of the /dev/ppp ioctls that hold a user pointer, as a
 * 32-bit pppd passes them to a 64-bit kernel (ppp_compat_ioctl()), and
 * the ioctl numbers their sizes give.  Every other ioctl argument has
 * the same layout in both.  Kept out of ppp_generic.h: the files that
 * export the channel API must see the in-tree driver's include set only.
 */
#ifndef PPP_IOCTL32_H
#define PPP_IOCTL32_H

#ifdef CONFIG_COMPAT
#include <linux/compat.h>

/* struct sock_fprog: PPPIOCSPASS, PPPIOCSACTIVE */
struct ppp_sock_fprog32 {
	unsigned short len;
	compat_uptr_t filter;
};

#define PPPIOCSPASS32		_IOW('t', 71, struct ppp_sock_fprog32)
#define PPPIOCSACTIVE32		_IOW('t', 70, struct ppp_sock_fprog32)

/* struct ppp_option_data: PPPIOCSCOMPRESS */
struct ppp_option_data32 {
	compat_uptr_t ptr;
	u32 length;
	compat_int_t transmit;
};

#define PPPIOCSCOMPRESS32	_IOW('t', 77, struct ppp_option_data32)
#endif /* CONFIG_COMPAT */

#endif /* PPP_IOCTL32_H */
