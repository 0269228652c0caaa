# SPDX-License-Identifier: GPL-2.0
#
# Scenario: pppd's pass-filter, active-filter and idle options, which
# pppd compiles with libpcap and hands to ppp_generic (PPPIOCSPASS,
# PPPIOCSACTIVE; idle time read back with PPPIOCGIDLE):
#
#   netns a: pppd /tmp/pa <== socat pty <-> pty ==> netns b: pppd /tmp/pb
#   ppp0 192.0.2.1  <--------------- PPP --------------->  ppp0 192.0.2.2
#   (filters and idle on a only)
#
#   pass      a: pass-filter 'not icmp'.  pppd(8): packets the filter
#             rejects are silently discarded, both directions.  Pings
#             a -> b and b -> a get no reply, a's 5 echo requests never
#             reach b (b's receive counter grows by less than 5: a late
#             control frame may go by); TCP still passes.
#   idle      a: idle 5.  Pings every 0.5 s are activity: the link is
#             still up after 7 s; once they stop, pppd hangs up within
#             a few seconds ("Terminating connection due to lack of
#             activity") and both pppd exit.
#   active    a: idle 5 active-filter 'not icmp'.  The same pings pass
#             (they get replies) but are not activity: pppd hangs up
#             about 5 s after the link came up, with pings still running.
S=filters-idle

up() {	# up NAME "A-OPTIONS": a fresh link, A=a's pppd pid, B=b's
	local name=$1
	shift
	fresh_netns a b
	pty_pair pa pb
	rm -f /tmp/a.log /tmp/b.log
	# shellcheck disable=SC2086
	$NSX a pppd /tmp/pa $PPPD_BASE debug 192.0.2.1:192.0.2.2 \
		logfile /tmp/a.log "$@" &
	A=$!
	$NSX b pppd /tmp/pb $PPPD_BASE debug logfile /tmp/b.log &
	B=$!
	wait_until 30 has_addr a ppp0 && wait_until 10 has_addr b ppp0
	check $S/$name-link-up $? "IPCP did not come up" /tmp/a.log /tmp/b.log
}

down() {	# down NAME: both pppd gone, pty pair closed
	kill -TERM $A 2>/dev/null
	wait_until 15 dead $A && wait_until 15 dead $B
	check $S/$1-teardown $? "pppd still running" /tmp/a.log /tmp/b.log
	stop_pids $A $B $SOCAT
}

# lost NS ADDR: 5 pings, true when none got a reply
lost() {
	ns "$1" ping -c 5 -i 0.2 -W 1 "$2" 2>&1 | grep -q ' 100% packet loss'
}

# --- pass-filter -----------------------------------------------------------
up pass pass-filter 'not icmp'
before=$(ns b ppp_stats ppp0 ipackets)
lost a 192.0.2.2
check $S/pass-icmp-out-dropped $? "a's pings got replies through pass-filter 'not icmp'"
after=$(ns b ppp_stats ppp0 ipackets)
# 5 echo requests; a control frame (CCP, IPCP) may still go by.
[ -n "$before" ] && [ $((after - before)) -lt 5 ]
check $S/pass-dropped-before-the-wire $? "b received $((after - before)) frames while a sent 5 pings"
lost b 192.0.2.1
check $S/pass-icmp-in-dropped $? "b's pings got replies through a's pass-filter 'not icmp'"
transfer $S/pass-tcp-1M a b 192.0.2.2 1
down pass

# --- idle, pings are activity ------------------------------------------------
up idle idle 5
t0=$(date +%s)
$NSX a ping -q -i 0.5 -w 7 192.0.2.2 > /tmp/ping.log 2>&1 &
P=$!
wait_until 12 dead $P
alive $A && grep -q ' 0% packet loss' /tmp/ping.log
check $S/idle-busy-link-stays-up $? "after $(( $(date +%s) - t0 )) s of pings: pppd $(alive $A && echo up || echo gone); $(grep 'packet loss' /tmp/ping.log)" /tmp/a.log
t0=$(date +%s)
wait_until 15 dead $A
rc=$?
t=$(( $(date +%s) - t0 ))
[ $rc = 0 ] && grep -q 'lack of activity' /tmp/a.log
check $S/idle-quiet-hangs-up $? "pppd a $( [ $rc = 0 ] && echo "exited after $t s" || echo "still up after $t s")" /tmp/a.log
wait_until 10 dead $B
check $S/idle-peer-exits $? "pppd b still running" /tmp/b.log
down idle

# --- active-filter: pings are not activity ----------------------------------
up active idle 5 active-filter 'not icmp'
t0=$(date +%s)
$NSX a ping -i 0.5 -w 20 192.0.2.2 > /tmp/ping.log 2>&1 &
P=$!
wait_until 16 dead $A
rc=$?
t=$(( $(date +%s) - t0 ))
[ $rc = 0 ] && grep -q 'lack of activity' /tmp/a.log
check $S/active-pings-ignored-hangs-up $? "pppd a $( [ $rc = 0 ] && echo "exited after $t s without 'lack of activity'" || echo "still up after $t s of pings")" /tmp/a.log
[ "$t" -ge 4 ]
check $S/active-not-too-early $? "hung up after $t s (idle 5)" /tmp/a.log
replies=$(grep -c 'bytes from' /tmp/ping.log)
[ "$replies" -ge 4 ]
check $S/active-pings-passed $? "only $replies ping replies before the hangup" /tmp/ping.log
stop_pids $P
down active
