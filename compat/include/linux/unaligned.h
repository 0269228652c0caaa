/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for <linux/unaligned.h> on kernels that still keep the
 * unaligned access helpers in <asm/unaligned.h> (before 6.12).  Only on
 * the include path when the probe in compat/Kbuild.include finds the
 * kernel lacks the new header.
 */
#ifndef PPP_COMPAT_LINUX_UNALIGNED_H
#define PPP_COMPAT_LINUX_UNALIGNED_H
#include <asm/unaligned.h>
#endif
