# SPDX-License-Identifier: GPL-2.0
#
# Scenario 4: PPPoE in kernel mode on the client.  Debian's own pppox.ko
# and pppoe.ko are loaded on top of whichever ppp_generic is under test:
# they import ppp_register_net_channel, ppp_input, ... so this proves the
# exported channel API (and its modversion CRCs) is the kernel's.  The
# server stays in user mode (Debian's pppoe-server has no -k).  PAP.
#
#   netns a (client)                        netns b (access concentrator)
#   pppd plugin rp-pppoe.so va              pppoe-server -I vb
#     (pppd 2.5: pppoe.so)
#     | PPPoX socket (pppoe.ko)               -> pppd pty "pppoe ..." N_PPP
#   ppp_generic channel                     pppoe (session) on vb
#   veth va  <========== Ethernet (PPPoE) ==========>  veth vb
#   ppp0 198.51.100.2  <------ PPP session ------>  ppp0 198.51.100.1
#
# Checks: pppox + pppoe load, session up and listed in /proc/net/pppoe,
# ping, 20 MiB TCP with equal sha256, the client exits on SIGTERM, then
# pppoe and pppox unload (nothing may be left holding ppp_generic).
# Skipped on the debug kernel (no PPP, so no pppox.ko); on a stock
# kernel a missing pppox.ko or pppoe.ko is a FAIL.
S=pppoe-kernel
intree_module pppox $S/pppox-pppoe-load && intree_module pppoe $S/pppox-pppoe-load ||
	return 0
load_mod pppox intree > /tmp/insmod.log && load_mod pppoe intree >> /tmp/insmod.log
if ! check $S/pppox-pppoe-load $? "in-tree pppox/pppoe refused generic=$PPP_GEN" /tmp/insmod.log; then
	dmesg | tail -n 10
	return 0
fi
pppoe_session kernel pap plugin "$PPPOE_PLUGIN" va
n=$(ns a cat /proc/net/pppoe 2>/dev/null | grep -c va)
[ "$n" -ge 1 ]
check $S/session-in-proc-net-pppoe $? "no session in /proc/net/pppoe of netns a"
pppoe_stop

# Leave nothing on top of ppp_generic: 61-teardown unloads it.
wait_until 10 rmmod pppoe 2>/dev/null && rmmod pppox
check $S/pppoe-pppox-unload $? "in-tree pppoe/pppox would not unload: $(grep -E '^ppp(oe|ox) ' /proc/modules | tr '\n' ' ')"
