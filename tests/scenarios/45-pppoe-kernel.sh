# SPDX-License-Identifier: GPL-2.0
#
# Scenario 4: PPPoE in kernel mode on the client, as rp-pppoe is usually set up
# (CHAP, user rp-pppoe, secret rp-pppoe).  pppox.ko and pppoe.ko of the
# module set under test (ppp.modules=...,pppoe=ours|intree: ours on the
# debug kernel, the only kernel-mode PPPoE there) are loaded on top of
# the ppp_generic under test: they meet only through the exported
# channel API (ppp_register_net_channel, ppp_input, ...), so a mixed set
# (in-tree pppoe on our ppp_generic, ours on the in-tree one) proves
# each side uses nothing else, with the kernel's modversion CRCs.  The
# server stays in user mode (Debian 12's pppoe-server has no -k).
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
# ping, 20 MiB TCP with equal sha256, ppp0's MTU, the client exits on
# SIGTERM, then pppoe and pppox unload (nothing may be left holding
# ppp_generic); with our pppoe also /proc/net/pppoe_stats.  On a stock
# kernel a missing in-tree pppox.ko or pppoe.ko is a FAIL.
S=pppoe-kernel
load_pppoe $S/pppox-pppoe-load || return 0
PPPOE_USER=rp-pppoe PPPOE_SECRET=rp-pppoe
pppoe_session kernel chap plugin "$PPPOE_PLUGIN" va
n=$(ns a cat /proc/net/pppoe 2>/dev/null | grep -c va)
[ "$n" -ge 1 ]
check $S/session-in-proc-net-pppoe $? "no session in /proc/net/pppoe of netns a"
# The channel's MTU is the device's less 8 (session header, protocol):
# veth's 1500 -> 1492, which pppd's "mtu 1492" then leaves as it is.
m=$(ns a cat /sys/class/net/ppp0/mtu 2>/dev/null)
[ "$m" = 1492 ]
check $S/ppp0-mtu $? "ppp0 mtu ${m:-unreadable}, want 1492"
if [ "$PPP_OE" = ours ]; then
	ns a grep -q '^rx_unknown_session [0-9]' /proc/net/pppoe_stats
	check $S/pppoe-stats $? "no /proc/net/pppoe_stats in netns a: $(ns a cat /proc/net/pppoe_stats 2>&1)"
fi
pppoe_stop
unset PPPOE_USER PPPOE_SECRET

# Leave nothing on top of ppp_generic: 61-teardown unloads it.
unload_pppoe $S/pppoe-pppox-unload
