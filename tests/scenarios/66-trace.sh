# SPDX-License-Identifier: GPL-2.0
#
# Scenario: the counters and tracepoints a user reaches for when a link
# misbehaves.  pppd <-> pppd through noise_relay (as 60-noise), the ppp
# and ppp_async trace events enabled through tracefs in the init netns.
#
#   netns a                                              netns b
#   pppd /tmp/pa  <== noise_relay ==(+ garbage)==>  pppd /tmp/pb
#   ppp0 192.0.2.1  <------------ PPP link ------------>  ppp0 192.0.2.2
#
#   /sys/kernel/tracing/events/{ppp,ppp_async}/*   /proc/net/ppp_channels
#
# Checks (our ppp_generic and ppp_async; SKIPs with an in-tree module):
# the four events exist with the fields of their format files; pings
# a -> b give ppp_input (proto 0x0021, b's unit and channel) and
# ppp_xmit events; garbage from the relay gives ppp_async:frame_error
# events naming a cause; pings into b's ppp0 while it is down give
# ppp:ppp_drop with cause rx_if_down and a location in ppp_generic;
# b's /proc/net/ppp_channels has its channel connected to its unit on a
# pts; pppstat in b shows the unit's line and the framing causes, and
# with -i the changes; trace-cmd (Debian's, libtraceevent: what perf
# uses too) records the drop events and prints their cause by name;
# Debian's perf (perf record -e 'pp?:*', perf script) does the same
# through perf_event_open and shows ppp_input's fields (x86_64 image
# only: a SKIP where the image has no perf).  Then a two-link multilink
# bundle (as 56-multilink, pty pairs joined by socat): 1400-byte pings
# a -> b give ppp:ppp_mp_fragment events, a's sent (first and last
# fragments, on both of its channels) and b's received.
S=trace
. /scenarios/robust.sh
T=/sys/kernel/tracing

CHECKS="events-exist format-fields input-event xmit-event frame-error-event
drop-event proc-channels pppstat pppstat-interval trace-cmd perf
mp-bundle mp-fragment-tx mp-fragment-rx"
skip_all() {	# skip_all WHY [BUT]: a SKIP for every check but BUT
	for c in $CHECKS; do
		[ "$c" = "$2" ] || skip "$S/$c" "$1"
	done
}
ev() {	# ev SYSTEM/EVENT VALUE: enable (1) or disable (0) one event
	echo "$2" > "$T/events/$1/enable"
}
fields() {	# fields EVENT: its own field names, as the format file says
	sed -n 's/^[[:space:]]*field:[^;]* \([a-z_]*\);.*/\1/p' "$T/events/$1/format" |
		grep -v '^common_' | tr '\n' ' '
}

# Debian's perf: the same drop, and the frames that caused it, recorded
# through perf_event_open (-a: the events come from softirq context).
# perf's event parser reads a bare "ppp" as the modifier "ppp" (precise
# level 3), and 'ppp:*' is then a syntax error: the system is written as
# the glob pp?, which names only ppp.
perf_check() {
	if ! command -v perf >/dev/null; then
		skip $S/perf "no perf in this image (Debian's linux-perf is in the x86_64 one)"
		return
	fi
	ns b $IP link set ppp0 down
	perf record -q -e 'pp?:*' -a -o /tmp/perf.data \
		$IP netns exec a ping -c 3 -i 0.2 -W 1 192.0.2.2 > /tmp/perf.log 2>&1
	ns b $IP link set ppp0 up
	perf script -i /tmp/perf.data > /tmp/perf.txt 2>> /tmp/perf.log
	say "perf script: $(grep -c 'ppp:' /tmp/perf.txt) ppp events"
	grep -Eq "ppp:ppp_drop: unit=$unit cause=rx_if_down len=[1-9][0-9]* location=" /tmp/perf.txt &&
		grep -Eq "ppp:ppp_input: chan=$chan unit=$unit proto=0x0021 len=[1-9]" /tmp/perf.txt
	check $S/perf $? "perf script: $(grep -m3 'ppp:' /tmp/perf.txt | tr '\n' '|') $(head -n 3 /tmp/perf.log | tr '\n' '|')"
}

# mp_pppds N: the pppds of bundle link N, pty pair mpaN <-> mpbN; a is
# unit 1, b unit 2, one endpoint per side (see 56-multilink).
mp_pppds() {
	# shellcheck disable=SC2086
	$NSX a pppd /tmp/mpa$1 $PPPD_BASE debug multilink mrru 1500 unit 1 \
		endpoint IP:192.0.2.1 192.0.2.1:192.0.2.2 logfile /tmp/mpa$1.log &
	MP_PIDS="$MP_PIDS $!"
	# shellcheck disable=SC2086
	$NSX b pppd /tmp/mpb$1 $PPPD_BASE debug multilink mrru 1500 unit 2 \
		endpoint IP:192.0.2.2 logfile /tmp/mpb$1.log &
	MP_PIDS="$MP_PIDS $!"
}

# Multilink fragments, each way, through ppp:ppp_mp_fragment.
mp_check() {
	local tx rx
	MP_PIDS=
	rm -f /run/pppd2.tdb
	fresh_netns a b
	pty_pair mpa1 mpb1
	MP_PIDS="$MP_PIDS $SOCAT"
	pty_pair mpa2 mpb2
	MP_PIDS="$MP_PIDS $SOCAT"
	mp_pppds 1
	wait_until 30 has_addr a ppp1 && wait_until 10 has_addr b ppp2 &&
		mp_pppds 2 &&
		wait_until 30 grep -q 'Link attached to ppp1' /tmp/mpa2.log &&
		wait_until 10 grep -q 'Link attached to ppp2' /tmp/mpb2.log
	if check $S/mp-bundle $? "no two-link bundle" /tmp/mpa1.log /tmp/mpa2.log; then
		echo > $T/trace
		ev ppp/ppp_mp_fragment 1
		echo 1 > $T/tracing_on
		ns a ping -c 5 -i 0.2 -W 2 -s 1400 192.0.2.2 >/dev/null 2>&1
		echo 0 > $T/tracing_on
		ev ppp/ppp_mp_fragment 0
		cat $T/trace > /tmp/mp-trace.txt
		echo > $T/trace
		tx=$(sed -n 's/.*: ppp_mp_fragment: unit=1 chan=\([0-9]*\) dir=tx seq=[0-9]* flags=\(B\|E\) len=[1-9].*/\1 \2/p' /tmp/mp-trace.txt | sort -u)
		rx=$(sed -n 's/.*: ppp_mp_fragment: unit=2 chan=[0-9]* dir=rx seq=[0-9]* flags=\(B\|E\) len=[1-9].*/\1/p' /tmp/mp-trace.txt | sort -u)
		say "multilink: $(grep -c 'dir=tx' /tmp/mp-trace.txt) fragments sent, $(grep -c 'dir=rx' /tmp/mp-trace.txt) received"
		# First and last fragments, and on two channels.
		echo "$tx" | grep -q ' B$' && echo "$tx" | grep -q ' E$' &&
			[ "$(echo "$tx" | cut -d' ' -f1 | sort -u | wc -l)" = 2 ]
		check $S/mp-fragment-tx $? "a's fragments (chan flags): $(echo "$tx" | tr '\n' ' ') $(grep -m3 ': ppp_mp_fragment:' /tmp/mp-trace.txt | tr '\n' '|')"
		[ "$(echo "$rx" | tr '\n' ' ')" = "B E " ]
		check $S/mp-fragment-rx $? "b's fragments (flags): $(echo "$rx" | tr '\n' ' ') $(grep -m3 'dir=rx' /tmp/mp-trace.txt | tr '\n' '|')"
	else
		skip $S/mp-fragment-tx "no bundle"
		skip $S/mp-fragment-rx "no bundle"
	fi
	# shellcheck disable=SC2086
	stop_pids $MP_PIDS
	rm -f /run/pppd2.tdb
	wait_until 10 no_ppp_ifaces a b
}

# The scenario proper, a function: it may stop early, the script still
# runs to its last line.
trace_main() {
	[ -d $T/events ] || mount -t tracefs nodev $T 2>/dev/null
	EVENTS="ppp/ppp_input ppp/ppp_xmit ppp/ppp_drop ppp_async/frame_error
ppp/ppp_mp_fragment"
	missing=
	for e in $EVENTS; do
		[ -e "$T/events/$e/format" ] || missing="$missing $e"
	done
	[ -z "$missing" ]
	if ! check $S/events-exist $? "no$missing under $T/events ($(ls $T/events 2>&1 | head -c 200))"; then
		skip_all "no trace events" events-exist
		return
	fi

	f_in=$(fields ppp/ppp_input) f_x=$(fields ppp/ppp_xmit)
	f_d=$(fields ppp/ppp_drop) f_e=$(fields ppp_async/frame_error)
	f_mp=$(fields ppp/ppp_mp_fragment)
	[ "$f_in" = "chan unit proto len " ] && [ "$f_x" = "unit proto len chan " ] &&
		[ "$f_d" = "unit cause len location " ] && [ "$f_e" = "chan cause len " ] &&
		[ "$f_mp" = "unit chan tx seq flags len " ]
	check $S/format-fields $? "ppp_input: $f_in; ppp_xmit: $f_x; ppp_drop: $f_d; frame_error: $f_e; ppp_mp_fragment: $f_mp"

	relay_link -d ab -i 20
	rc=$?
	echo 0 > $T/tracing_on
	echo > $T/trace
	echo 4096 > $T/buffer_size_kb
	for e in $EVENTS; do ev "$e" 1; done
	echo 1 > $T/tracing_on

	# Data both ways, then garbage into what b reads, then b's ppp0 down.
	[ $rc = 0 ] && ns a ping -c 5 -i 0.2 -W 2 192.0.2.2 >/dev/null 2>&1
	kill -USR1 $RELAY
	ns a ping -c 20 -i 0.1 -W 1 192.0.2.2 >/dev/null 2>&1
	kill -USR1 $RELAY
	ns b $IP link set ppp0 down
	ns a ping -c 3 -i 0.2 -W 1 192.0.2.2 >/dev/null 2>&1
	ns b $IP link set ppp0 up
	echo 0 > $T/tracing_on
	for e in $EVENTS; do ev "$e" 0; done
	cat $T/trace > /tmp/trace.txt
	echo > $T/trace
	say "trace: $(grep -c ': ppp_input:' /tmp/trace.txt) ppp_input, $(grep -c ': ppp_xmit:' /tmp/trace.txt) ppp_xmit, $(grep -c ': ppp_drop:' /tmp/trace.txt) ppp_drop, $(grep -c ': frame_error:' /tmp/trace.txt) frame_error"

	# b's unit and channel, from its channel table.
	row=$(ns b cat /proc/net/ppp_channels 2>/dev/null | awk 'NR > 1 && $4 == "unit"' | head -n 1)
	chan=$(echo "$row" | awk '{ print $1 }') unit=$(echo "$row" | awk '{ print $2 }')
	ns b cat /proc/net/ppp_channels > /tmp/chans.txt 2>&1
	head -n 1 /tmp/chans.txt | grep -q '^index unit device state rx_fcs_errors ' &&
		[ -n "$chan" ] && echo "$row" | awk '{ exit !($3 ~ /^pts/) }'
	check $S/proc-channels $? "b's /proc/net/ppp_channels: $(head -c 400 /tmp/chans.txt)"

	grep -q ": ppp_input: chan=$chan unit=$unit proto=0x0021 len=[1-9]" /tmp/trace.txt
	check $S/input-event $? "no ppp_input of chan=$chan unit=$unit proto=0x0021: $(grep -m2 ': ppp_input:' /tmp/trace.txt)"
	grep -q ": ppp_xmit: unit=$unit proto=0x0021 len=[1-9][0-9]* chan=$chan" /tmp/trace.txt
	check $S/xmit-event $? "no ppp_xmit of unit=$unit proto=0x0021 chan=$chan: $(grep -m2 ': ppp_xmit:' /tmp/trace.txt)"
	grep -Eq ": frame_error: chan=$chan cause=(fcs|runt|over_mru|abort) len=[0-9]" /tmp/trace.txt
	check $S/frame-error-event $? "no frame_error on chan=$chan: $(grep -m2 ': frame_error:' /tmp/trace.txt)"
	grep -q ": ppp_drop: unit=$unit cause=rx_if_down len=[1-9][0-9]* location=.*\[ppp_generic\]" /tmp/trace.txt
	check $S/drop-event $? "no ppp_drop rx_if_down on unit $unit: $(grep -m2 ': ppp_drop:' /tmp/trace.txt)"

	out=$(ns b pppstat 2>&1)
	echo "$out" | grep -q '^ppp0  line pts' &&
		echo "$out" | grep -Eq '^  (rx_fcs_errors|rx_aborts|rx_runts|rx_over_mru) +[1-9]' &&
		echo "$out" | grep -q "^channel $chan  unit $unit  pts"
	check $S/pppstat $? "pppstat in b: $(echo "$out" | head -n 12 | tr '\n' '|')"

	# -i: b's counters move while a pings through garbage.
	ns b pppstat -u -i 1 -n 3 > /tmp/pppstat.txt 2>&1 &
	st=$!
	kill -USR1 $RELAY
	ns a ping -c 15 -i 0.1 -W 1 192.0.2.2 >/dev/null 2>&1
	kill -USR1 $RELAY
	wait $st
	grep -Eq '^  [a-z_]+ +[0-9]+  \+[1-9]' /tmp/pppstat.txt && grep -q '^--- ' /tmp/pppstat.txt
	check $S/pppstat-interval $? "pppstat -i 1 -n 3: $(head -n 12 /tmp/pppstat.txt | tr '\n' '|')"

	# Debian's trace-cmd: record while b's ppp0 is down, report by name.
	ns b $IP link set ppp0 down
	trace-cmd record -e ppp:ppp_drop -e ppp:ppp_input -o /tmp/trace.dat \
		$IP netns exec a ping -c 3 -i 0.2 -W 1 192.0.2.2 > /tmp/trace-cmd.log 2>&1
	ns b $IP link set ppp0 up
	trace-cmd report -i /tmp/trace.dat > /tmp/report.txt 2>&1
	grep -Eq "ppp_drop: +unit=$unit cause=rx_if_down len=[1-9][0-9]* location=" /tmp/report.txt
	check $S/trace-cmd $? "trace-cmd report: $(grep -m3 'ppp_' /tmp/report.txt | tr '\n' '|') $(tail -n 3 /tmp/trace-cmd.log | tr '\n' '|')"

	perf_check

	relay_stop
	mp_check
}

if [ "$PPP_GEN" = ours ] && [ "$PPP_ASY" = ours ]; then
	trace_main
else
	skip_all "our ppp_generic and ppp_async only (generic=$PPP_GEN async=$PPP_ASY)"
fi
