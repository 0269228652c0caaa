# SPDX-License-Identifier: GPL-2.0
#
# Scenario: a PPP interface created through rtnetlink (RTM_NEWLINK kind
# "ppp" with IFLA_PPP_DEV_FD, what pppd 2.5 does for "ifname") carries
# traffic like one made by PPPIOCNEWUNIT.  Debian's pppd 2.4.9 only
# knows PPPIOCNEWUNIT, so both ends are tests/progs/ppp_unit_link, which
# sets up unit + channel the way pppd does and runs no LCP (ppp_async's
# defaults agree on both ends):
#
#   netns a                                         netns b
#   ppp_unit_link rtnl ppprt0 /tmp/pa               ppp_unit_link newunit
#     | N_PPP                                         | N_PPP
#   pty /tmp/pa <======== socat pty <-> pty ========> pty /tmp/pb
#   ppprt0 192.0.2.1  <------------ PPP ------------>  ppp0 192.0.2.2
#
# Checks: both interfaces exist with the same link attributes (type,
# flags, MTU, queue length, link kind "ppp"); ping, MTU-sized ping,
# 2 MiB a -> b and 1 MiB b -> a with equal sha256; SIOCGPPPSTATS counts
# on the rtnl interface match the peer's; "ip link del" of the rtnl
# interface (dellink) removes it while its fd is still open; both
# programs exit on SIGTERM and no interface is left.
#
# Then pppd makes the named unit itself, `ifname ppprt1 persist holdoff
# 0`, on a link whose peer keeps going away.  pppd 2.5 creates the unit
# over rtnetlink (RTM_NEWLINK, IFLA_IFNAME + IFLA_PPP_DEV_FD, NLM_F_EXCL)
# and gives up on EEXIST; 2.4.9 renames a PPPIOCNEWUNIT unit.  The peer
# is the pty command of pppd a (`pppd notty` in netns b), so each time
# it goes away pppd a closes its unit and makes ppprt1 again at once,
# with a new peer: the name must be free as soon as close() returned.
#
#   netns a                                         netns b
#   pppd ifname ppprt1 persist holdoff 0
#     pty "ip netns exec b pppd notty ..."  ---->  pppd notty (stdin/out)
#   ppprt1 192.0.2.1  <------------ PPP ------------>  ppp0 192.0.2.2
#
# Checks: the link comes back as ppprt1 and pings after each of the
# peer's exits, pppd a never logs "File exists", and it exits on SIGTERM.
#
# Last, what pppd 2.5 does with "ifname wanN persist" and no holdoff, in
# a loop (ppp_rtnl_check reuse N 4: 10,000 rounds, 1,000 on the debug
# kernel, in 4 processes with a name each): close the unit's fd and at
# once create "wanN" again with NLM_F_EXCL.  Not one EEXIST, and the
# name never listed after a close.  No pppd runs there: the pppd 2.5
# lane leaves it out.
S=rtnl-link

fresh_netns a b
pty_pair pa pb
$NSX a ppp_unit_link rtnl ppprt0 /tmp/pa > /tmp/ua.out 2>&1 &
UA=$!
$NSX b ppp_unit_link newunit - /tmp/pb > /tmp/ub.out 2>&1 &
UB=$!
wait_until 10 grep -q '^ppp' /tmp/ua.out && wait_until 10 grep -q '^ppp' /tmp/ub.out
check $S/units-created $? "ppp_unit_link failed" /tmp/ua.out /tmp/ub.out
IFA=$(head -n 1 /tmp/ua.out)
IFB=$(head -n 1 /tmp/ub.out)

# attrs NS IF: the link's attributes, without name, index and state
attrs() {
	ns "$1" $IP -d -o link show dev "$2" 2>/dev/null |
		sed -e 's/^[0-9]*: [^:]*: //' -e 's/state [A-Z]* //' \
		    -e 's/ numtxqueues.*//' -e 's/\\ *$//' -e 's/  */ /g'
}
A=$(attrs a "$IFA")
B=$(attrs b "$IFB")
[ -n "$A" ] && [ "$A" = "$B" ] && echo "$A" | grep -q 'link/ppp' &&
	echo "$A" | grep -q 'POINTOPOINT' && echo "$A" | grep -q ' ppp '
check $S/same-link-attrs $? "rtnl: '$A' / newunit: '$B'"

ns a $IP addr add 192.0.2.1 peer 192.0.2.2 dev "$IFA" &&
	ns a $IP link set "$IFA" up &&
	ns b $IP addr add 192.0.2.2 peer 192.0.2.1 dev "$IFB" &&
	ns b $IP link set "$IFB" up
check $S/configured $? "ip addr/link on $IFA, $IFB failed"

a0=$(ns a ppp_stats "$IFA" opackets)
b0=$(ns b ppp_stats "$IFB" ipackets)
ping_check $S/ping a 192.0.2.2
ping_check $S/ping-mtu a 192.0.2.2 1472
transfer $S/tcp-2M-a-to-b a b 192.0.2.2 2
transfer $S/tcp-1M-b-to-a b a 192.0.2.1 1
a1=$(ns a ppp_stats "$IFA" opackets)
b1=$(ns b ppp_stats "$IFB" ipackets)
[ -n "$a0" ] && [ $((a1 - a0)) -ge 1000 ] && [ $((a1 - a0)) = $((b1 - b0)) ]
check $S/stats-match "$?" "rtnl $IFA sent $((a1 - a0)), $IFB received $((b1 - b0))"

ns a $IP link del "$IFA"
rc=$?
! ns a $IP link show dev "$IFA" > /dev/null 2>&1 && [ $rc = 0 ] && alive $UA
check $S/dellink $? "ip link del $IFA: status $rc, $(ns a $IP -o link show dev "$IFA" 2>&1)"

kill -TERM $UA $UB
wait_until 10 dead $UA && wait_until 10 dead $UB
check $S/programs-exit $? "ppp_unit_link still running" /tmp/ua.out /tmp/ub.out
wait_until 5 no_ppp_ifaces a b
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
stop_pids $UA $UB $SOCAT

# --- pppd makes ppprt1 again after each exit of its peer ----------------
fresh_netns a b
rm -f /tmp/ifa.log /tmp/ifb.log
peer="$IP netns exec b pppd notty local noauth nodetach lcp-restart 1"
peer="$peer maxfail 1 nodefaultroute logfile /tmp/ifb.log"
$NSX a pppd $PPPD_BASE maxfail 0 persist holdoff 0 ifname ppprt1 \
	pty "$peer" 192.0.2.1:192.0.2.2 logfile /tmp/ifa.log &
PA=$!

# ifname_up: ppprt1 (a) and ppp0 (b) have their addresses and ping.
ifname_up() {
	wait_until 30 has_addr a ppprt1 && wait_until 10 has_addr b ppp0 &&
		ns a ping -c 1 -W 5 192.0.2.2 > /dev/null 2>&1
}
# peer_pids: the peer pppd (and its character shunt) in netns b.
peer_pids() {
	$IP netns pids b 2>/dev/null | tr '\n' ' '
}
ifname_up
check $S/ifname-up $? "no link on ppprt1" /tmp/ifa.log /tmp/ifb.log
n=0 bad=
while [ $n -lt 4 ]; do
	n=$((n + 1))
	old=$(peer_pids)
	[ -n "$old" ] || { bad="reconnect $n: no peer pppd in netns b"; break; }
	# shellcheck disable=SC2086
	kill -TERM $old
	# shellcheck disable=SC2086
	for p in $old; do wait_until 15 dead "$p"; done
	ifname_up || { bad="reconnect $n: no link on ppprt1"; break; }
done
# one "Connect: ppprt1 <--> /dev/pts/N" per link: the first and n more
c=$(grep -c 'Connect: ppprt1 ' /tmp/ifa.log)
[ -z "$bad" ] && ! grep -q 'File exists' /tmp/ifa.log && [ "$c" = $((n + 1)) ]
check $S/ifname-persist-peer-exits $? "${bad:-pppd a: $c links for $((n + 1)); $(grep -m1 'File exists' /tmp/ifa.log)}" /tmp/ifa.log /tmp/ifb.log
kill -TERM $PA
wait_until 15 dead $PA
check $S/ifname-pppd-exits $? "pppd a still running" /tmp/ifa.log
# shellcheck disable=SC2046 # a list of pids
stop_pids $PA $(peer_pids)
wait_until 5 no_ppp_ifaces a b && ! ns a $IP link show ppprt1 > /dev/null 2>&1
check $S/ifname-no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n') $(ns a $IP -o link show ppprt1 2>/dev/null)"

# --- close and create the same name at once, 10,000 times ------------
if [ "${PPP_PPPD#2.5}" = "$PPP_PPPD" ]; then
	rounds=10000
	[ -z "$PPP_DEBUG" ] || rounds=1000
	timeout 240 ppp_rtnl_check reuse $rounds 4 > /tmp/reuse.out 2>&1
	rc=$?
	cat /tmp/reuse.out
	check $S/name-reuse-after-close $rc "$(grep FAIL /tmp/reuse.out | head -n 2 | tr '\n' ' ')" /tmp/reuse.out
fi
