# SPDX-License-Identifier: GPL-2.0
#
# Helpers for the robustness scenarios 60-69, sourced after
# lib.sh.  Not a scenario itself: init only runs files named NN-*.sh.

# figure NAME VALUE: a number that is not a result (run.sh sums them
# into its "figures:" line), on the console as "FIGURE <name> <value>".
figure() {
	echo "FIGURE $1 $2"
}

# soak SHORT LONG: the count for this run (LONG under `make soak`).
soak() {
	if [ -n "$PPP_SOAK" ]; then echo "$2"; else echo "$1"; fi
}

# netdev_stat NS IF FIELD: a receive counter of IF from /proc/net/dev
# (FIELD 3 = errs, 4 = drop, 6 = frame), 0 when IF is gone.
netdev_stat() {
	ns "$1" cat /proc/net/dev 2>/dev/null |
		awk -v i="$2:" -v f="$3" '{ sub(/:/, ": ") }
			$1 == i { print $(f + 1); found = 1 }
			END { if (!found) print 0 }'
}

modref() {	# modref MODULE: its reference count, or "gone"
	cat "/sys/module/$1/refcnt" 2>/dev/null || echo gone
}

# relay_link [RELAY-OPTIONS...]: netns a and b, noise_relay between
# /tmp/pa and /tmp/pb, pppd on each; sets RELAY, PA, PB.  Returns when
# IPCP is up on both ends (non-zero if it is not).
relay_link() {
	fresh_netns a b
	rm -f /tmp/pa /tmp/pb /tmp/a.log /tmp/b.log
	noise_relay -a /tmp/pa -b /tmp/pb -o /tmp/noise.stats "$@" \
		>/tmp/relay.log 2>&1 &
	RELAY=$!
	wait_until 5 test -e /tmp/pb
	$NSX a pppd /tmp/pa $PPPD_BASE 192.0.2.1:192.0.2.2 logfile /tmp/a.log &
	PA=$!
	$NSX b pppd /tmp/pb $PPPD_BASE logfile /tmp/b.log &
	PB=$!
	wait_until 30 has_addr a ppp0 && wait_until 10 has_addr b ppp0 &&
		wait_until 10 has_route a 192.0.2.2 &&
		wait_until 10 has_route b 192.0.2.1
}

# has_route NS ADDR: ADDR is reachable from NS (pppd sets the address
# before it brings the interface up: "Network is unreachable" meanwhile).
has_route() {
	ns "$1" $IP route get "$2" >/dev/null 2>&1
}

# relay_stop: end pppd (TERM, then KILL) and the relay, wait for the
# interfaces to go.
relay_stop() {
	stop_pids $PA $PB
	stop_pids $RELAY
	wait_until 10 no_ppp_ifaces a b
}

# bulk_start [MB]: MB (default 8) MiB of TCP a -> 192.0.2.2 in b, in the
# background, into /dev/null; sets RX and TX (stop them with stop_pids).
bulk_start() {
	dd if=/dev/urandom of=/tmp/blob bs=1M count="${1:-8}" 2>/dev/null
	$NSX b socat -u TCP-LISTEN:5001,reuseaddr OPEN:/dev/null &
	RX=$!
	wait_until 5 ns b sh -c 'netstat -ltn | grep -q ":5001 "'
	$NSX a socat -u OPEN:/tmp/blob TCP:192.0.2.2:5001 &
	TX=$!
}
