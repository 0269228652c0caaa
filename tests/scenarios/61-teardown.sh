# SPDX-License-Identifier: GPL-2.0
#
# Scenario: teardown races.
#
# 1. ppp_race (tests/progs/ppp_race.c): links built by hand on a pty
#    whose both ends run N_PPP, frames written into both units and both
#    channels from several threads, while the main thread hangs the
#    line up, closes one end's fds, tcflushes, disconnects/reconnects,
#    unregisters the channel (TIOCSETD N_TTY), closes a unit's owner fd
#    while its channel delivers, or bridges/unbridges two links.
#
#      unit u1 - channel (N_PPP, pty master) <~~> (N_PPP, pty slave) channel - unit u2
#
# 2. real pppd over noise_relay (no garbage), 8 MiB of TCP under way:
#    kill -9 pppd a, kill -9 pppd b, or (PPP_SOAK=1 only; 60-noise ends
#    that way anyway) kill -9 the relay (both pty masters close: a
#    hangup).  After a hangup both pppd must exit by
#    themselves (EOF = "Modem hangup"); after a kill the survivor exits
#    on SIGTERM.  Nothing may be left: no ppp interface, the module
#    reference count back where it started.
#
#      netns a: pppd /tmp/pa <== noise_relay ==> pppd /tmp/pb :netns b
#
# 3. rmmod: refused while a link is up (checked during the first kill-a
#    round) and while a /dev/ppp fd is open, accepted once everything
#    is closed; the modules are loaded again.
#
# Loops: ppp_race for 8 s (180 s under PPP_SOAK=1), the pppd kinds once
# each (5 times, with the hangup kind, under PPP_SOAK=1).
S=teardown
. /scenarios/robust.sh
ref0=$(modref ppp_generic)
aref0=$(modref ppp_async)

# --- 1. C-level races ---------------------------------------------------
secs=$(soak 8 180)
[ -z "$PPP_DEBUG" ] || [ -n "$PPP_SOAK" ] || secs=4	# 2 rounds minimum anyway
timeout $((secs + 180)) ppp_race -t "$secs" > /tmp/race.out 2>&1
rc=$?
grep -v '^race: .* iteration [0-9]*: ' /tmp/race.out | sed 's/^/   /'
check $S/ppp-race $rc "ppp_race exited with status $rc" /tmp/race.out
iters=$(sed -n 's/.*total-iterations=\([0-9]*\).*/\1/p' /tmp/race.out)
wait_until 10 no_ppp_ifaces
check $S/ppp-race-no-ppp-ifaces $? "left behind:$(ppp_ifaces | tr -d ':\n')"

# --- 2. pppd killed / line hung up mid-transfer ----------------------------
loops=$(soak 1 5)
kinds="kill-a kill-b"
[ -z "$PPP_SOAK" ] || kinds="$kinds hangup"	# else 60-noise's teardown
kills=0
for i in $(seq "$loops"); do
	for kind in $kinds; do
		relay_link
		if ! check $S/$kind-link-up $? "no link" /tmp/a.log /tmp/b.log; then
			relay_stop
			continue
		fi
		if [ "$i$kind" = 1kill-a ]; then
			# part of 3.: nothing unloads under a live link
			! rmmod ppp_async 2>/dev/null
			check $S/rmmod-async-refused-while-link-up $? "rmmod ppp_async succeeded under a live N_PPP tty"
			! rmmod ppp_generic 2>/dev/null
			check $S/rmmod-generic-refused-while-link-up $? "rmmod ppp_generic succeeded under live units"
		fi
		bulk_start
		sleep 1
		case $kind in
		kill-a) kill -9 $PA; survivor=$PB ;;
		kill-b) kill -9 $PB; survivor=$PA ;;
		hangup) kill -9 $RELAY ;;
		esac
		kills=$((kills + 1))
		if [ $kind = hangup ]; then
			# EOF on the channel: both see "Modem hangup"
			wait_until 15 dead $PA && wait_until 15 dead $PB
			check $S/$kind-both-pppd-exit-$i $? "pppd still running after the hangup" /tmp/a.log /tmp/b.log
		else
			kill -TERM $survivor
			wait_until 15 dead $survivor
			check $S/$kind-survivor-exits-$i $? "the other pppd still running" /tmp/a.log /tmp/b.log
		fi
		stop_pids $TX $RX
		relay_stop
		no_ppp_ifaces a b
		check $S/$kind-no-ppp-ifaces-$i $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
		$IP netns del a
		$IP netns del b
		rm -f /tmp/blob
	done
done
# Unregistering units and freeing channels may finish after the last
# close; give the references a moment to come home.
wait_until 10 sh -c "[ \"\$(cat /sys/module/ppp_generic/refcnt)\" = '$ref0' ]"
check $S/module-refcount-back $? "ppp_generic refcnt $(modref ppp_generic), was $ref0"
say "figures: race-iterations=${iters:-0} pppd-kills=$kills"
figure teardown-race-iterations "${iters:-0}"
figure teardown-pppd-kills "$kills"

# --- 3. rmmod while in use, and after ------------------------------------
exec 7<>/dev/ppp
wait_until 10 sh -c "[ \"\$(cat /sys/module/ppp_async/refcnt)\" = '$aref0' ]"
rmmod ppp_async
check $S/rmmod-async-after-close $? "rmmod ppp_async failed: refcnt $(modref ppp_async), was $aref0"
! rmmod ppp_generic 2>/dev/null
check $S/rmmod-generic-refused-while-fd-open $? "rmmod ppp_generic succeeded with /dev/ppp open"
exec 7>&-
# ppp_synctty holds ppp_generic too: it goes first (no tty uses it).
! grep -q '^ppp_synctty ' /proc/modules || rmmod ppp_synctty
rmmod ppp_generic
check $S/rmmod-generic-after-close $? "rmmod ppp_generic failed: refcnt $(modref ppp_generic)"
grep -q '^ppp_generic ' /proc/modules || load_mod ppp_generic "$PPP_GEN"
grep -q '^ppp_async ' /proc/modules || load_mod ppp_async "$PPP_ASY"
grep -q '^ppp_synctty ' /proc/modules || [ ! -e "/mods/$PPP_SYN/ppp_synctty.ko" ] ||
	load_mod ppp_synctty "$PPP_SYN"
grep -q '^ppp_async ' /proc/modules && [ -c /dev/ppp ]
check $S/modules-reloaded $? "could not load the modules again: $(grep ppp /proc/modules)"
