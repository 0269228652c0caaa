# SPDX-License-Identifier: GPL-2.0
#
# Scenario: up/down soak.
#
# 1. N times: two pppd over a socat pty pair (as in 20-pppd-pty), link
#    up, one ping, link down - by SIGTERM to a (LCP Terminate), by a
#    hangup (socat killed: both read EOF) or by SIGTERM to both, in
#    turn.  N = 4 (a pppd link-up costs 3-8 s under TCG; the whole
#    robustness set has ~2 minutes a boot), 1000 under PPP_SOAK=1,
#    stopping early after 12 minutes (make soak boots every scenario
#    in one VM under a 1-hour limit).
#
#      netns a: pppd /tmp/pa <== socat pty <-> pty ==> pppd /tmp/pb :netns b
#
# 2. for 6 s (120 s under PPP_SOAK=1) the same without pppd, as fast as
#    it goes: ppp_race -a cycle builds pty + N_PPP both ends + two units,
#    passes a frame each way and closes everything.
#
# Checks: every cycle comes up and pings; afterwards no ppp interface is
# left, the ppp_generic/ppp_async reference counts are back where they
# started, and the slab has not grown by more than a loose bound (it is
# compared after a warm-up cycle; kmemleak on the debug kernel is the
# precise check).  Figures: cycles, slab growth in kB.
S=updown
. /scenarios/robust.sh
cycles=$(soak 4 1000)
[ -z "$PPP_DEBUG" ] || [ -n "$PPP_SOAK" ] || cycles=2	# ~50 s a cycle there
fast_secs=$(soak 6 120)
budget=$(soak 600 720)

slab_kb() {
	sync
	echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
	awk '/^Slab:/ { print $2 }' /proc/meminfo
}

uptime_s() { cut -d' ' -f1 /proc/uptime; }

cycle() {	# cycle N: one link up/ping/down; 0 when all went well
	local n=$1 pa pb how ok=0 t0 t1 t2
	t0=$(uptime_s)
	pty_pair pa pb
	$NSX a pppd /tmp/pa $PPPD_BASE 192.0.2.1:192.0.2.2 logfile /tmp/a.log &
	pa=$!
	$NSX b pppd /tmp/pb $PPPD_BASE logfile /tmp/b.log &
	pb=$!
	if ! { wait_until 30 has_addr a ppp0 && wait_until 10 has_addr b ppp0; }; then
		echo "cycle $n: no link"
		ok=1
	elif ! ns a ping -c 1 -W 5 192.0.2.2 >/dev/null 2>&1; then
		echo "cycle $n: no ping reply"
		ok=1
	fi
	t1=$(uptime_s)
	how=$((n % 3))
	case $how in
	0) kill -TERM $pa ;;
	1) kill -9 $SOCAT ;;
	2) kill -TERM $pa $pb ;;
	esac
	if ! { wait_until 15 dead $pa && wait_until 15 dead $pb; }; then
		echo "cycle $n: pppd did not exit (down by method $how)"
		ok=1
	fi
	t2=$(uptime_s)
	stop_pids $pa $pb $SOCAT
	echo "cycle $n: start $t0 up+ping $t1 down($how) $t2 end $(uptime_s)"
	if ! wait_until 10 no_ppp_ifaces a b; then
		echo "cycle $n: left behind:$(ppp_ifaces a b | tr -d ':\n')"
		ok=1
	fi
	return $ok
}

fresh_netns a b
ref0=$(modref ppp_generic)
aref0=$(modref ppp_async)
# warm-up (first-use allocations): a few hand-made links
ppp_race -a cycle -t 0 -n 3 > /dev/null 2>&1
slab0=$(slab_kb)
: > /tmp/updown.log
t0=$(date +%s)
bad=0 done=0
for n in $(seq "$cycles"); do
	cycle "$n" >> /tmp/updown.log 2>&1 || bad=$((bad + 1))
	done=$n
	# keep the logs of a failing cycle only
	[ "$bad" -gt 0 ] || rm -f /tmp/a.log /tmp/b.log
	[ "$bad" -lt 3 ] || break
	[ $(( $(date +%s) - t0 )) -lt "$budget" ] || break
done
t=$(( $(date +%s) - t0 ))
[ "$bad" = 0 ]
check $S/cycles-up-ping-down $? "$bad of $done cycles failed" /tmp/updown.log /tmp/a.log /tmp/b.log
timeout $((fast_secs + 120)) ppp_race -a cycle -t "$fast_secs" -n 1 > /tmp/race.out 2>&1
rc=$?
sed 's/^/   /' /tmp/race.out
check $S/fast-cycles $rc "ppp_race -a cycle exited with status $rc" /tmp/race.out
fast=$(sed -n 's/.*cycle iterations=\([0-9]*\).*/\1/p' /tmp/race.out)
no_ppp_ifaces a b
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
wait_until 10 sh -c "[ \"\$(cat /sys/module/ppp_generic/refcnt)\" = '$ref0' ] &&
	[ \"\$(cat /sys/module/ppp_async/refcnt)\" = '$aref0' ]"
check $S/module-refcounts-back $? "ppp_generic $(modref ppp_generic) (was $ref0), ppp_async $(modref ppp_async) (was $aref0)"
sleep 1		# RCU-deferred frees
slab1=$(slab_kb)
growth=$((slab1 - slab0))
# Loose: caches of the network stack breathe by a few hundred kB; a leak
# of a unit, a channel or a tty per cycle would be >= 4 kB a cycle
# (and a fast cycle makes two units and two channels).
limit=$((1024 + done * 2 + ${fast:-0}))
[ "$growth" -le "$limit" ]
check $S/slab-no-growth $? "Slab grew by $growth kB over $done cycles (limit $limit kB)"
say "figures: cycles=$done failed=$bad seconds=$t fast-cycles=${fast:-0} slab-growth-kb=$growth"
figure updown-cycles "$done"
figure updown-fast-cycles "${fast:-0}"
figure updown-seconds "$t"
figure updown-slab-growth-kb "$growth"
sed "s/^/   /" /tmp/updown.log
