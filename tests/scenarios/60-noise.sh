# SPDX-License-Identifier: GPL-2.0
#
# Scenario: a hostile line.  pppd <-> pppd as in 20-pppd-pty, but the
# ptys are joined by noise_relay (tests/progs/noise_relay.c) instead of
# socat, and while bulk TCP crosses the link it injects garbage into
# what pppd b reads: random bytes, 0x7d storms, lone flags, aborts
# (7d 7e), bad-FCS frames, good-FCS frames longer than the MRU, 0-3 byte
# frames, good-FCS junk for IP/VJ/IPv6/CCP and short or unknown LCP.
#
#   netns a                                              netns b
#   pppd /tmp/pa  <== noise_relay ==(+ garbage)==>  pppd /tmp/pb
#   ppp0 192.0.2.1  <------------ PPP link ------------>  ppp0 192.0.2.2
#
# Checks: link up; TCP a -> b and b -> a under noise with equal sha256
# (TCP retransmits what the noise destroyed); both pppd still running
# and IPCP still up afterwards; ping 0% loss once the noise stops; the
# receiver counted at least one error per run of bad-FCS, over-long and
# aborted frames the relay injected (its toss-runs: both drivers count
# one error for all the frames tossed between two good ones, so that is
# the exact lower bound); with our ppp_generic and ppp_async, ethtool -S
# on b's ppp0 shows at least the bad-FCS frames, frames over the MRU,
# aborts, runts and tossed bytes the relay put in whole (its "fcs",
# "over-mru", "aborts", "runts" and "toss-bytes"), and ethtool -i names
# the driver and the tty; then, with 8 MiB under way, the relay is
# killed (both pty masters close: a hangup) and both pppd must exit on
# their own with nothing left behind.  Figures: bytes injected,
# injections, frames tossed (rx errs + frame of b's ppp0).
S=noise
. /scenarios/robust.sh
mb=$(soak 2 16)
interval=$(soak 40 25)
# The debug kernel moves ~5x fewer bytes a second: the same garbage rate
# would drown TCP in retransmits.  Keep the garbage per MiB similar.
if [ -n "$PPP_DEBUG" ]; then
	mb=1
	interval=$(soak 200 100)
fi

relay_link -d ab -i "$interval"
check $S/link-up $? "IPCP did not come up through the relay" \
	/tmp/a.log /tmp/b.log /tmp/relay.log
errs0=$(netdev_stat b ppp0 3)
frame0=$(netdev_stat b ppp0 6)
kill -USR1 $RELAY		# garbage on
transfer $S/tcp-${mb}M-a-to-b-under-noise a b 192.0.2.2 "$mb"
transfer $S/tcp-1M-b-to-a-under-noise b a 192.0.2.1 1
kill -USR1 $RELAY		# garbage off; the relay writes its counters
sleep 1
alive $PA && alive $PB && has_addr a ppp0 && has_addr b ppp0
check $S/link-survived $? "a pppd died or IPCP went down" /tmp/a.log /tmp/b.log
ping_check $S/ping-after-noise a 192.0.2.2 1472
stats=$(cat /tmp/noise.stats 2>/dev/null)
injected=$(echo "$stats" | sed -n 's/.*injected-bytes=\([0-9]*\).*/\1/p')
injections=$(echo "$stats" | sed -n 's/.*injections=\([0-9]*\).*/\1/p')
runs=$(echo "$stats" | sed -n 's/.*toss-runs=\([0-9]*\).*/\1/p')
errs=$(( $(netdev_stat b ppp0 3) - errs0 ))
frame=$(( $(netdev_stat b ppp0 6) - frame0 ))
tossed=$((errs + frame))
say "figures: bytes-injected=${injected:-0} injections=${injections:-0} toss-runs=${runs:-0} frames-tossed=$tossed (rx errs $errs, frame $frame)"
say "relay: $stats"
figure noise-bytes-injected "${injected:-0}"
figure noise-injections "${injections:-0}"
figure noise-frames-tossed "$tossed"
figure noise-toss-runs "${runs:-0}"
[ "${injections:-0}" -gt 0 ] && [ "${runs:-0}" -gt 0 ]
check $S/garbage-injected $? "the relay injected nothing to toss: $stats" /tmp/relay.log
# ppp_async reports a run of tossed frames through ppp_input_error when
# the next good frame arrives; ppp_generic counts it in rx_errors (both
# pairs).  Junk with a good FCS may add errors (VJ, short frames), never
# take any away.
[ "$tossed" -ge "${runs:-0}" ] && [ "$tossed" -gt 0 ]
check $S/errors-counted $? "b's ppp0 counted $tossed receive errors for ${runs:-0} runs of bad-FCS/long/aborted frames ($stats)"

# Per cause: what the relay injected whole, ethtool -S must show at least.
if [ "$PPP_GEN" = ours ] && [ "$PPP_ASY" = ours ]; then
	es=$(ns b ethtool -S ppp0 2>&1)
	say "ethtool -S ppp0 (b): $(echo "$es" | awk 'NF == 2 && $2 != 0 { printf "%s%s ", $1, $2 }')"
	for c in fcs:rx_fcs_errors over-mru:rx_over_mru aborts:rx_aborts \
		 runts:rx_runts toss-bytes:rx_tossed_bytes; do
		want=$(echo "$stats" | sed -n "s/.* ${c%%:*}=\([0-9]*\).*/\1/p")
		got=$(echo "$es" | sed -n "s/^ *${c#*:}: \([0-9]*\)$/\1/p")
		figure "noise-${c#*:}" "${got:-0}"
		[ -n "$want" ] && [ -n "$got" ] && [ "$got" -ge "$want" ] &&
			{ [ "${c%%:*}" != fcs ] || [ "$want" -gt 0 ]; }
		check "$S/ethtool-${c#*:}" $? "ethtool -S says ${c#*:}=${got:-none}, the relay injected ${c%%:*}=${want:-none}"
	done
	ei=$(ns b ethtool -i ppp0 2>&1)
	echo "$ei" | grep -q '^driver: ppp_generic$' &&
		echo "$ei" | grep -q '^bus-info: pts'
	check "$S/ethtool-i" $? "ethtool -i ppp0: $(echo "$ei" | head -n 4 | tr '\n' ' ')"
else
	for c in rx_fcs_errors rx_over_mru rx_aborts rx_runts rx_tossed_bytes i; do
		skip "$S/ethtool-$c" "per-cause counters need our ppp_generic and ppp_async (generic=$PPP_GEN async=$PPP_ASY)"
	done
fi

# The end: a hangup mid-transfer.  The relay dies, both pty masters
# close, both pppd read EOF ("Modem hangup") and exit by themselves.
bulk_start 8
sleep 1
kill -9 $RELAY
wait_until 15 dead $PA && wait_until 15 dead $PB
check $S/hangup-mid-transfer-both-pppd-exit $? "pppd still running after the hangup" /tmp/a.log /tmp/b.log
stop_pids $TX $RX
relay_stop
no_ppp_ifaces a b
check $S/teardown-no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
