# SPDX-License-Identifier: GPL-2.0
#
# Scenario: a two-link multilink bundle (RFC 1990) between two real
# pppd pairs, through ppp_generic's MP fragmentation and reassembly:
#
#   netns a                                            netns b
#   pppd a1 /tmp/pa1 <=== socat 1: pty <-> pty ===> pppd b1 /tmp/pb1
#   pppd a2 /tmp/pa2 <=== socat 2: pty <-> pty ===> pppd b2 /tmp/pb2
#   ppp1 192.0.2.1 (bundle: 2 channels) <--> ppp2 192.0.2.2 (2 channels)
#
# Every pppd has "multilink mrru 1500"; a's send endpoint IP:192.0.2.1,
# b's IP:192.0.2.2.  Link 1 comes up first and creates the bundle (its
# pppd is the master, IPCP runs there); link 2's pppd then finds the
# bundle in pppd's database (/run/pppd2.tdb, keyed by the peer's name and
# endpoint) and attaches its channel to the unit ("Link attached to").
# Both sides share that database file (one VM), so the two sides use
# distinct endpoints and unit numbers (unit 1 / unit 2): with equal
# ones a's and b's records would collide.
#
#   long    24-bit sequence numbers (pppd's default)
#   short   12-bit sequence numbers (mpshortseq on both ends: <ssnhf>)
#
# Checks per variant: both links up and in one bundle on each side, ping,
# a 2 MiB TCP transfer a -> b with equal sha256 and with both pty pairs
# carrying a share of it; then link 2 drops (its socat is killed: a
# hangup on both of its ptys), its pppd exit, the bundle stays up on
# link 1: ping and 1 MiB b -> a again; SIGTERM to a1 ends everything.
S=multilink

# link_pppds N OPTIONS: pppd on both ends of pty pair N (pa N in netns a,
# pb N in b), a as unit 1 and b as unit 2, one endpoint per side, so that
# every link lands in the same bundle; sets LA and LB to their pids.
link_pppds() {
	# shellcheck disable=SC2086
	$NSX a pppd /tmp/pa$1 $PPPD_BASE debug $2 unit 1 \
		endpoint IP:192.0.2.1 192.0.2.1:192.0.2.2 logfile /tmp/a$1.log &
	LA=$!
	# shellcheck disable=SC2086
	$NSX b pppd /tmp/pb$1 $PPPD_BASE debug $2 unit 2 \
		endpoint IP:192.0.2.2 logfile /tmp/b$1.log &
	LB=$!
}
ML="multilink mrru 1500"

# moved PID: bytes socat PID has read so far
moved() {
	sed -n 's/^rchar: //p' "/proc/$1/io" 2>/dev/null
}

variant() {	# variant NAME "EXTRA-OPTIONS" WANT-IN-a1-LOG
	local name=$1 opts="$ML $2" want=$3 a1 a2 b1 b2 s1 s2 m1 m2 t1 t2
	rm -f /run/pppd2.tdb /tmp/*.log
	fresh_netns a b
	pty_pair pa1 pb1
	s1=$SOCAT
	pty_pair pa2 pb2
	s2=$SOCAT
	link_pppds 1 "$opts"
	a1=$LA b1=$LB
	wait_until 30 has_addr a ppp1 && wait_until 10 has_addr b ppp2
	check $S/$name-link1-up $? "IPCP did not come up on link 1" /tmp/a1.log /tmp/b1.log
	grep -Eq "$want" /tmp/a1.log
	check $S/$name-negotiated $? "no '$want' in a1's log" /tmp/a1.log

	link_pppds 2 "$opts"
	a2=$LA b2=$LB
	wait_until 30 grep -q 'Link attached to ppp1' /tmp/a2.log &&
		wait_until 10 grep -q 'Link attached to ppp2' /tmp/b2.log
	check $S/$name-link2-joins-bundle $? "link 2 did not join the bundles" /tmp/a2.log /tmp/b2.log
	[ "$(ppp_ifaces a b | wc -l)" = 2 ]
	check $S/$name-one-unit-per-side $? "interfaces:$(ppp_ifaces a b | tr -d ':\n')"

	ping_check $S/$name-ping a 192.0.2.2 1400
	m1=$(moved $s1) m2=$(moved $s2)
	transfer $S/$name-tcp-2M-a-to-b a b 192.0.2.2 2
	t1=$(( $(moved $s1) - ${m1:-0} )) t2=$(( $(moved $s2) - ${m2:-0} ))
	say "$name: bytes through pty pair 1: $t1, pair 2: $t2"
	# Fragments go to whichever channel is free: not 50/50, but both.
	# Every kernel booted here has /proc/PID/io (TASK_IO_ACCOUNTING,
	# in the debug kernel's fragment too).
	[ -n "$m1" ] && [ "$t1" -ge 200000 ] && [ "$t2" -ge 200000 ]
	check $S/$name-both-links-carry $? "pty pair 1 moved $t1 bytes, pair 2 $t2${m1:- (no /proc/$s1/io)}"

	# Link 2's line drops.
	stop_pids $s2
	wait_until 15 dead $a2 && wait_until 15 dead $b2
	check $S/$name-link2-pppd-exit $? "link 2's pppd still running after the hangup" /tmp/a2.log /tmp/b2.log
	alive $a1 && alive $b1 && has_addr a ppp1 && has_addr b ppp2
	check $S/$name-bundle-survives $? "bundle went down with link 2" /tmp/a1.log /tmp/b1.log
	ping_check $S/$name-ping-one-link a 192.0.2.2 1400
	transfer $S/$name-tcp-1M-b-to-a-one-link b a 192.0.2.1 1

	kill -TERM $a1
	wait_until 15 dead $a1 && wait_until 15 dead $b1
	check $S/$name-teardown $? "pppd still running" /tmp/a1.log /tmp/b1.log
	wait_until 5 no_ppp_ifaces a b
	check $S/$name-no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
	stop_pids $a1 $a2 $b1 $b2 $s1 $s2
	rm -f /run/pppd2.tdb
}

variant long "" 'rcvd \[LCP ConfAck .*<mrru 1500>'
variant short "mpshortseq" 'rcvd \[LCP ConfAck .*<mrru 1500> <ssnhf>|rcvd \[LCP ConfAck .*<ssnhf>.*<mrru 1500>'
