# SPDX-License-Identifier: GPL-2.0
#
# Scenario: ioctl/syscall fuzzing of /dev/ppp and N_PPP ttys with
# ppp_fuzz (tests/progs/ppp_fuzz.c): 4 threads for 15 s (240 s under
# PPP_SOAK=1) race open/close, NEWUNIT/ATTACH/ATTCHAN/CONNECT/DISCONN/
# BRIDGE, every PPPIOC* and random ioctl numbers with random arguments
# and bad pointers, random reads and writes, raw bytes into N_PPP ptys,
# TIOCSETD/TCFLSH, and a thread hopping into fresh network namespaces.
#
#   ppp_fuzz threads --ioctl/read/write/poll/close--> /dev/ppp fds
#                    --bytes/TIOCSETD/TCFLSH--------> pty pairs (N_PPP)
#
# Checks: the fuzzer finishes (no thread stuck in the kernel); it made
# units and channels, and each kind of call succeeded at least a floor
# of times (so a driver that refuses everything does not pass as
# fuzzed); after it exits every unit is gone and the module reference
# counts are back; a link built afterwards (ppp_race -a tcflush) still
# carries frames.  The harness checks the console for splats after
# every boot.  Figure: calls made.
S=fuzz
. /scenarios/robust.sh
secs=$(soak 15 240)
# Floors of successful calls in a 15 s run, kinds as ppp_fuzz prints
# them: about a twentieth of the least seen on a stock kernel under TCG
# (2026-12: attach 179, ioctl 68, read 221, write 211, tty-ioctl 19,
# rtnl-new 33, rtnl-del 35, sioc 104, units 126, channels 491), so the
# slower debug kernel passes too; a kind the driver refuses outright
# gets 0.  netns (a few calls a run, not the driver's) has none.
FUZZ_MIN_UNITS=5 FUZZ_MIN_CHANS=20
FUZZ_FLOORS="open:50 pty:50 attach:8 ioctl:3 read:10 write:10 tty:50 tty-ioctl:1 tty-read:10 tty-write:10 poll:15 rtnl-new:1 rtnl-del:1 sioc:5"
ref0=$(modref ppp_generic)
aref0=$(modref ppp_async)

timeout $((secs + 120)) ppp_fuzz -t "$secs" -j 4 > /tmp/fuzz.out 2>&1
rc=$?
sed 's/^/   /' /tmp/fuzz.out
check $S/fuzzer-finished $rc "ppp_fuzz exited with status $rc" /tmp/fuzz.out
calls=$(sed -n 's/^fuzz: calls=\([0-9]*\).*/\1/p' /tmp/fuzz.out)
# It fuzzed something: units and channels were made, and each kind of
# call succeeded at least FLOOR times (a driver that refuses every
# ioctl, read or write must not pass as fuzzed).
units=$(sed -n 's/^fuzz: .* units-created=\([0-9]*\).*/\1/p' /tmp/fuzz.out)
chans=$(sed -n 's/^fuzz: .* channels=\([0-9]*\).*/\1/p' /tmp/fuzz.out)
[ "${units:-0}" -ge "$FUZZ_MIN_UNITS" ] && [ "${chans:-0}" -ge "$FUZZ_MIN_CHANS" ]
check $S/units-channels-made $? "units created ${units:-none} (floor $FUZZ_MIN_UNITS), channels ${chans:-none} (floor $FUZZ_MIN_CHANS)"
short=
for kf in $FUZZ_FLOORS; do
	k=${kf%%:*} want=${kf#*:}
	got=$(sed -n "s/^fuzz: kind=$k calls=[0-9]* ok=\([0-9]*\)$/\1/p" /tmp/fuzz.out)
	[ "${got:-0}" -ge "$want" ] || short="$short $k ${got:-none}<$want"
done
[ -z "$short" ]
check $S/ok-calls-per-kind $? "successful calls under the floor:$short"
# Units left in namespaces the fuzzer made go with those namespaces,
# from a workqueue: give it time.
wait_until 30 no_ppp_ifaces
check $S/no-ppp-ifaces-left $? "left behind:$(ppp_ifaces | tr -d ':\n')"
wait_until 20 sh -c "[ \"\$(cat /sys/module/ppp_generic/refcnt)\" = '$ref0' ] &&
	[ \"\$(cat /sys/module/ppp_async/refcnt)\" = '$aref0' ]"
check $S/module-refcounts-back $? "ppp_generic $(modref ppp_generic) (was $ref0), ppp_async $(modref ppp_async) (was $aref0)"
# Still works: a hand-made link carries frames after the flushes.
ppp_race -a tcflush -t 0 -n 1 > /tmp/race.out 2>&1
check $S/link-works-after-fuzz $? "ppp_race -a tcflush failed" /tmp/race.out
say "figures: fuzzer-calls=${calls:-0} seconds=$secs"
figure fuzz-calls "${calls:-0}"
