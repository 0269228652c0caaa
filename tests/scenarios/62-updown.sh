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
# 2. the same without pppd, as fast as it goes: ppp_race -a cycle builds
#    pty + N_PPP both ends + two units, passes a frame each way and
#    closes everything; 50 not counted, then 100, then 900 (1000 and
#    9000 under PPP_SOAK=1; 10 and 30 on the debug kernel).
#
# Checks: every cycle comes up and pings; afterwards no ppp interface is
# left and the ppp_generic/ppp_async reference counts are back where
# they started.  The slab (objects in use, /proc/slabinfo), compared
# after a warm-up cycle, grows by at most 1 MiB in all (what the caches
# breathe, whatever the number of cycles), and by at most 512 bytes a
# fast cycle: the two windows' growths differ by the leak per cycle
# times 800, so a leak of 1 kB a cycle fails and what does not grow
# with the cycles cancels out.  On the debug kernel, where KASAN's
# quarantine keeps freed objects in the slab, both are SKIPs and
# kmemleak after the scenario is the check.
# Figures: cycles, fast cycles, slab growth in kB and per fast cycle.
S=updown
. /scenarios/robust.sh
cycles=$(soak 4 1000)
[ -z "$PPP_DEBUG" ] || [ -n "$PPP_SOAK" ] || cycles=2
lanes=$(soak 2 4)
# fast cycles in the two windows (see 2. below)
n1=$(soak 100 1000)
n2=$(soak 900 9000)
[ -z "$PPP_DEBUG" ] || [ -n "$PPP_SOAK" ] || { n1=10; n2=30; }
budget=$(soak 600 6600)

# slab_snap FILE: /proc/slabinfo once reclaimable caches are dropped,
# RCU-deferred frees have had a moment and every cache is shrunk: that
# flushes the per-CPU slabs, whose free objects /proc/slabinfo would
# otherwise count as in use (tens of kB a cache, a different amount at
# each reading).
slab_snap() {
	local f
	sync
	echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
	sleep 2
	for f in /sys/kernel/slab/*/shrink; do
		echo 1 > "$f" 2>/dev/null
	done
	cat /proc/slabinfo > "$1"
}

# slab_bytes FILE: bytes of the objects in use (active objects x size).
# Not vmap_area: the areas of freed vmalloc memory (each pty's N_TTY
# buffers) stay until the next lazy purge, every few thousand cycles.
slab_bytes() {
	awk 'NR > 2 && $1 != "vmap_area" { n += $2 * $4 }
	     END { printf "%.0f\n", n }' "$1"
}

# slab_top OLD NEW: the five caches whose objects in use grew most.
slab_top() {
	awk 'NR == FNR { if (FNR > 2) a[$1] = $2 * $4; next }
	     FNR > 2 && $2 * $4 > a[$1] {
		printf "%d B %s (%d objects)\n", $2 * $4 - a[$1], $1,
			$2 - a[$1] / $4 }' "$1" "$2" | sort -nr | head -n 5
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
slab_snap /tmp/slab.c0
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
# 2. The fast cycles, in two windows of N1 and N2 cycles: a leak of L
# bytes a cycle grows the slab by L * N in a window, what the caches
# breathe does not depend on N, so the difference of the two windows'
# growths over N2 - N1 cycles is the leak per cycle, whatever the count.
fast_window() {	# fast_window N: N fast cycles; 0 when all went well
	timeout $((n2 * 2 + 120)) ppp_race -a cycle -t 0 -n "$1" \
		> "/tmp/race$1.out" 2>&1
	local rc=$?
	sed 's/^/   /' "/tmp/race$1.out"
	wait_until 10 no_ppp_ifaces
	return $rc
}
# what the pppd cycles left (processes still being reaped, deferred
# frees) settles during cycles that are not counted
ppp_race -a cycle -t 0 -n 50 > /dev/null 2>&1
slab_snap /tmp/slab.w0
fast_window "$n1"
rc1=$?
slab_snap /tmp/slab.w1
fast_window "$n2"
rc2=$?
slab_snap /tmp/slab.w2
[ "$rc1" = 0 ] && [ "$rc2" = 0 ]
check $S/fast-cycles $? "ppp_race -a cycle exited with status $rc1 ($n1 cycles), $rc2 ($n2 cycles)" /tmp/race$n1.out /tmp/race$n2.out
fast=$((n1 + n2))
lns=$($IP netns list | cut -d' ' -f1)
# shellcheck disable=SC2086
no_ppp_ifaces $lns
# shellcheck disable=SC2086
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces $lns | tr -d ':\n')"
wait_until 10 sh -c "[ \"\$(cat /sys/module/ppp_generic/refcnt)\" = '$ref0' ] &&
	[ \"\$(cat /sys/module/ppp_async/refcnt)\" = '$aref0' ]"
check $S/module-refcounts-back $? "ppp_generic $(modref ppp_generic) (was $ref0), ppp_async $(modref ppp_async) (was $aref0)"
slab_snap /tmp/slab.end
growth=$(( ($(slab_bytes /tmp/slab.end) - $(slab_bytes /tmp/slab.c0)) / 1024 ))
g1=$(( $(slab_bytes /tmp/slab.w1) - $(slab_bytes /tmp/slab.w0) ))
g2=$(( $(slab_bytes /tmp/slab.w2) - $(slab_bytes /tmp/slab.w1) ))
# A window that shrank released what earlier phases left (on a slow
# single-CPU board, mips64el, 565 kB went during the first window): a
# leak cannot shrink it, so it counts as no growth, and the leak shows
# whole in the second window's growth.
g1c=$g1
[ "$g1c" -ge 0 ] || g1c=0
per_cycle=$(( (g2 - g1c) / (n2 - n1) ))
echo "slab: pppd cycles +$growth kB in all; fast cycles +$g1 B over $n1, +$g2 B over $n2: $per_cycle B a cycle"
echo "slab: caches that grew most over the $n1 cycles:"
slab_top /tmp/slab.w0 /tmp/slab.w1 | sed 's/^/   /'
echo "slab: caches that grew most over the $n2 cycles:"
slab_top /tmp/slab.w1 /tmp/slab.w2 | sed 's/^/   /'
if [ -n "$PPP_DEBUG" ]; then
	# KASAN's quarantine holds freed objects (up to 1/32 of RAM) in
	# their slabs: 743 soak cycles "grew" 6.9 MB with no kmemleak report.
	skip $S/slab-no-growth "debug kernel: KASAN's quarantine keeps freed objects in the slab (grew $growth kB; $per_cycle B a fast cycle); kmemleak after the scenario is the leak check"
	skip $S/slab-per-cycle "debug kernel: KASAN's quarantine keeps freed objects in the slab; kmemleak after the scenario is the leak check"
else
	# The whole scenario: what the caches breathe (a few hundred kB),
	# whatever the number of cycles.
	[ "$growth" -le 1024 ]
	check $S/slab-no-growth $? "slab grew by $growth kB over $done pppd and $fast fast cycles (limit 1024 kB)"
	# A fast cycle makes a pty pair with N_PPP on both ends, two units
	# and two channels: any of them leaked is >= 1 kB a cycle.
	[ "$per_cycle" -le 512 ]
	check $S/slab-per-cycle $? "slab grows by $per_cycle B a fast cycle (limit 512 B): +$g1 B over $n1 cycles, +$g2 B over $n2"
fi
say "figures: cycles=$done lanes=$lanes failed=$bad seconds=$t fast-cycles=$fast slab-growth-kb=$growth slab-bytes-per-fast-cycle=$per_cycle"
figure updown-cycles "$done"
figure updown-fast-cycles "$fast"
figure updown-seconds "$t"
figure updown-slab-growth-kb "$growth"
figure updown-slab-bytes-per-fast-cycle "$per_cycle"
sed "s/^/   /" /tmp/updown.log
