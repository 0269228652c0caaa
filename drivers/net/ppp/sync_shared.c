// SPDX-License-Identifier: GPL-2.0
/*
 * The code ppp_async and ppp_synctty share (ppp_ldisc.h), compiled into
 * ppp_synctty: an object file of its own in each module, so
 * that each stays loadable without the other and Kbuild links no object
 * into two modules.
 */
#include "ldisc_glue.c"
#include "ldisc_rxbuf.c"
