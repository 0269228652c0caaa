// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink link kind "ppp" (pppd 2.5's ifname path).  Not yet
 * implemented: pppd falls back to PPPIOCNEWUNIT when the kind is
 * unknown.  See the protocol-features issue.
 */
#include "ppp_generic.h"

int ppp_rtnl_register(void)
{
	return 0;
}

void ppp_rtnl_unregister(void)
{
}
