# SPDX-License-Identifier: GPL-2.0
#
# Scenario: many whole kernel-mode PPPoE links on one veth, bound
# directly by tests/progs/pppoe_many (no discovery, no pppd): 200
# sessions, each with a socket, a channel fd and a ppp unit at both
# ends, connected, IP passing, addressed point to point out of
# 198.18.0.0/15 (RFC 2544's benchmarking range: the documentation
# ranges are too small for a pair of addresses per session) and up;
# UDP datagrams both ways on every session in turn, each checked to
# arrive whole on its own unit; then every fd closed.  pppox/pppoe of
# the module set under test, on the ppp_generic under test.
#
#   netns a                                   netns b
#   200 x PX_PROTO_OE socket, sid 1..200      200 x PX_PROTO_OE socket
#     channel fd -> unit ppp0..ppp199           channel fd -> unit ppp0..
#     198.18.0.i <---- ppp<i-1>, UDP ---->      198.19.0.i
#   veth va  <====== Ethernet (0x8864) ======>  veth vb
#
# Checks: the program's (many/...: setup, /proc/net/pppoe lists all,
# every datagram on its own session, every session and every unit's
# SIOCGPPPSTATS counted traffic both ways, then no unit, channel or
# session left), the program's exit status and its time, and that
# pppoe and pppox unload (on the debug kernel kmemleak is scanned after
# the scenario).
S=pppoe-many
load_pppoe $S/pppox-pppoe-load || return 0
veth_ab
check $S/veth-up $? "veth pair"
n=200
t0=$(date +%s)
# 256 KiB each way: a datagram of 1400 bytes on each session and then some
timeout 240 pppoe_many -m 256 $n a va b vb > /tmp/many.out 2>&1
rc=$?
t=$(( $(date +%s) - t0 ))
forward_results $S < /tmp/many.out
grep -q '^RESULT .* FAIL' /tmp/many.out && rc=0	# already reported
check $S/pppoe_many-exit $rc "pppoe_many exited with status $rc" /tmp/many.out
say "pppoe_many: $n sessions in $t s"
$IP netns del a
$IP netns del b
wait_until 10 no_ppp_ifaces
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces | tr -d ':\n')"
unload_pppoe $S/pppoe-pppox-unload
