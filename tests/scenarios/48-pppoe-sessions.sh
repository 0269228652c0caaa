# SPDX-License-Identifier: GPL-2.0
#
# Scenario: many kernel-mode PPPoE sessions on one link, bound directly
# by tests/progs/pppoe_sessions (no discovery, no pppd): 64 sessions,
# each with a socket at both ends and its channel on a /dev/ppp fd;
# frames both ways on every session; then the server's interface goes
# down (every server session ends, the client ones stay), then a PADT
# per session from the server ends the client ones.  pppox/pppoe of the
# module set under test.
#
#   netns a (clients)                         netns b (servers)
#   64 x PX_PROTO_OE socket, sid 1..64        64 x PX_PROTO_OE socket
#     channel fd (/dev/ppp)                     channel fd (/dev/ppp)
#   veth va  <====== Ethernet (0x8864, 0x8863) ======>  veth vb
#                                                  ip link set vb down
#
# Checks: the program's (sessions/...), then nothing is left: no ppp
# interface, pppoe and pppox unload (a session or device reference left
# behind would hold them; on the debug kernel kmemleak is scanned after
# the scenario).
S=pppoe-sessions
load_pppoe $S/pppox-pppoe-load || return 0
veth_ab
check $S/veth-up $? "veth pair"
n=64
timeout 120 pppoe_sessions $n a va b vb > /tmp/sessions.out 2>&1
rc=$?
forward_results $S < /tmp/sessions.out
grep -q '^RESULT .* FAIL' /tmp/sessions.out && rc=0	# already reported
check $S/pppoe_sessions-exit $rc "pppoe_sessions exited with status $rc" /tmp/sessions.out
$IP netns del a
$IP netns del b
wait_until 10 no_ppp_ifaces
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces | tr -d ':\n')"
unload_pppoe $S/pppoe-pppox-unload
