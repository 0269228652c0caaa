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
# Checks: the fuzzer finishes (no thread stuck in the kernel); after it
# exits every unit is gone and the module reference counts are back;
# a link built afterwards (ppp_race -a tcflush) still carries frames.  The harness checks the console for
# splats after every boot.  Figure: calls made.
S=fuzz
. /scenarios/robust.sh
secs=$(soak 15 240)
ref0=$(modref ppp_generic)
aref0=$(modref ppp_async)

timeout $((secs + 120)) ppp_fuzz -t "$secs" -j 4 > /tmp/fuzz.out 2>&1
rc=$?
sed 's/^/   /' /tmp/fuzz.out
check $S/fuzzer-finished $rc "ppp_fuzz exited with status $rc" /tmp/fuzz.out
calls=$(sed -n 's/.*calls=\([0-9]*\).*/\1/p' /tmp/fuzz.out)
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
