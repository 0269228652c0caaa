# SPDX-License-Identifier: GPL-2.0
#
# Scenario: up/down soak.
#
# 1. N times: two pppd over a socat pty pair (as in 20-pppd-pty), link
#    up, one ping, link down - by SIGTERM to a (LCP Terminate), by a
#    hangup (socat killed: both read EOF) or by SIGTERM to both, in
#    turn.  The cycles run in L lanes at once, lane K in its own pair
#    of namespaces aK and bK:
#
#      netns aK: pppd /tmp/paK <== socat pty <-> pty ==> pppd /tmp/pbK :netns bK
#
#    N = 4 in 2 lanes (a pppd link-up costs 3-8 s under TCG), 2 on the
#    debug kernel (~50 s a cycle there); under PPP_SOAK=1 (make soak)
#    N = 1000 in 4 lanes, stopping early after 110 minutes (stock
#    kernels need about 30, the debug kernel about 100: 743 took 75).
#    Most of a cycle is waiting (LCP, pppd's start-up, polling), so
#    lanes add up.
#
# 2. for 6 s (120 s under PPP_SOAK=1) the same without pppd, as fast as
#    it goes: ppp_race -a cycle builds pty + N_PPP both ends + two units,
#    passes a frame each way and closes everything.
#
# Checks: every cycle comes up and pings; afterwards no ppp interface is
# left, the ppp_generic/ppp_async reference counts are back where they
# started, and the slab has not grown by more than a loose bound (it is
# compared after a warm-up cycle; on the debug kernel, where KASAN's
# quarantine keeps freed objects in the slab, kmemleak is the check).
# Figures: cycles, slab growth in kB.
S=updown
. /scenarios/robust.sh
cycles=$(soak 4 1000)
[ -z "$PPP_DEBUG" ] || [ -n "$PPP_SOAK" ] || cycles=2
lanes=$(soak 2 4)
fast_secs=$(soak 6 120)
budget=$(soak 600 6600)

slab_kb() {
	sync
	echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
	awk '/^Slab:/ { print $2 }' /proc/meminfo
}

uptime_s() { cut -d' ' -f1 /proc/uptime; }

cycle() {	# cycle LANE N: one link up/ping/down; 0 when all went well
	local l=$1 n=$2 pa pb how ok=0 t0 t1 t2
	t0=$(uptime_s)
	pty_pair "pa$l" "pb$l"
	$NSX "a$l" pppd "/tmp/pa$l" $PPPD_BASE 192.0.2.1:192.0.2.2 \
		logfile "/tmp/a$l.log" &
	pa=$!
	$NSX "b$l" pppd "/tmp/pb$l" $PPPD_BASE logfile "/tmp/b$l.log" &
	pb=$!
	if ! { wait_until 30 has_addr "a$l" ppp0 &&
	       wait_until 10 has_addr "b$l" ppp0; }; then
		echo "cycle $l.$n: no link"
		ok=1
	elif ! ns "a$l" ping -c 1 -W 5 192.0.2.2 >/dev/null 2>&1; then
		echo "cycle $l.$n: no ping reply"
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
		echo "cycle $l.$n: pppd did not exit (down by method $how)"
		ok=1
	fi
	t2=$(uptime_s)
	stop_pids $pa $pb $SOCAT
	echo "cycle $l.$n: start $t0 up+ping $t1 down($how) $t2 end $(uptime_s)"
	if ! wait_until 10 no_ppp_ifaces "a$l" "b$l"; then
		echo "cycle $l.$n: left behind:$(ppp_ifaces "a$l" "b$l" | tr -d ':\n')"
		ok=1
	fi
	return $ok
}

# lane L COUNT: up to COUNT cycles in netns aL and bL (made before the
# first slab reading: a namespace costs ~0.5 MB of slab) until the budget
# is spent or 3 cycles failed; log in /tmp/updownL.log, "DONE BAD" in
# /tmp/updownL.res.
lane() {
	local l=$1 count=$2 n bad=0 done=0
	: > "/tmp/updown$l.log"
	for n in $(seq "$count"); do
		cycle "$l" "$n" >> "/tmp/updown$l.log" 2>&1 || bad=$((bad + 1))
		done=$n
		# keep the logs of a failing cycle only
		[ "$bad" -gt 0 ] || rm -f "/tmp/a$l.log" "/tmp/b$l.log"
		[ "$bad" -lt 3 ] || break
		[ $(( $(date +%s) - t0 )) -lt "$budget" ] || break
	done
	echo "$done $bad" > "/tmp/updown$l.res"
}

for l in $(seq "$lanes"); do
	fresh_netns "a$l" "b$l"
done
ref0=$(modref ppp_generic)
aref0=$(modref ppp_async)
# warm-up (first-use allocations: per-namespace, per-CPU): a few
# hand-made links, and one pppd cycle in each lane at once (not counted)
ppp_race -a cycle -t 0 -n 3 > /dev/null 2>&1
pids=
for l in $(seq "$lanes"); do
	cycle "$l" 0 > /dev/null 2>&1 &
	pids="$pids $!"
done
# shellcheck disable=SC2086
wait $pids
slab0=$(slab_kb)
t0=$(date +%s)
: > /tmp/updown.log
pids=
for l in $(seq "$lanes"); do
	lane "$l" $(( (cycles + lanes - l) / lanes )) &
	pids="$pids $!"
done
# shellcheck disable=SC2086
wait $pids
bad=0 done=0 logs=
for l in $(seq "$lanes"); do
	read -r d b < "/tmp/updown$l.res" || { d=0; b=1; }
	done=$((done + d))
	bad=$((bad + b))
	cat "/tmp/updown$l.log" >> /tmp/updown.log
	logs="$logs /tmp/a$l.log /tmp/b$l.log"
done
t=$(( $(date +%s) - t0 ))
[ "$bad" = 0 ]
# shellcheck disable=SC2086
check $S/cycles-up-ping-down $? "$bad of $done cycles failed ($lanes lanes)" /tmp/updown.log $logs
timeout $((fast_secs + 120)) ppp_race -a cycle -t "$fast_secs" -n 1 > /tmp/race.out 2>&1
rc=$?
sed 's/^/   /' /tmp/race.out
check $S/fast-cycles $rc "ppp_race -a cycle exited with status $rc" /tmp/race.out
fast=$(sed -n 's/.*cycle iterations=\([0-9]*\).*/\1/p' /tmp/race.out)
lns=$($IP netns list | cut -d' ' -f1)
# shellcheck disable=SC2086
no_ppp_ifaces $lns
# shellcheck disable=SC2086
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces $lns | tr -d ':\n')"
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
if [ -n "$PPP_DEBUG" ]; then
	# KASAN's quarantine holds freed objects (up to 1/32 of RAM) in
	# their slabs: 743 soak cycles "grew" 6.9 MB with no kmemleak report.
	skip $S/slab-no-growth "debug kernel: KASAN's quarantine keeps freed objects in the slab (grew $growth kB over $done cycles); kmemleak after the scenario is the leak check"
else
	[ "$growth" -le "$limit" ]
	check $S/slab-no-growth $? "Slab grew by $growth kB over $done cycles (limit $limit kB)"
fi
say "figures: cycles=$done lanes=$lanes failed=$bad seconds=$t fast-cycles=${fast:-0} slab-growth-kb=$growth"
figure updown-cycles "$done"
figure updown-fast-cycles "${fast:-0}"
figure updown-seconds "$t"
figure updown-slab-growth-kb "$growth"
sed "s/^/   /" /tmp/updown.log
