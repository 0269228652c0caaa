/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for <kunit/static_stub.h> on kernels older than KUnit static
 * stubs: calls are never redirected, as on a kernel without KUnit.  No
 * KUnit suite of this tree is built for such kernels.
 */
#ifndef PPP_COMPAT_KUNIT_STATIC_STUB_H
#define PPP_COMPAT_KUNIT_STATIC_STUB_H

#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...) do {} while (0)

#endif /* PPP_COMPAT_KUNIT_STATIC_STUB_H */
