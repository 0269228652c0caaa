# SPDX-License-Identifier: GPL-2.0
#
# pppd <-> pppd in sync mode (pppd's `sync`: N_SYNC_PPP, ppp_synctty)
# over a pty pair, each end in its own netns.
#
#   netns a                                          netns b
#   pppd /tmp/pa sync                                pppd /tmp/pb sync
#     | N_SYNC_PPP                                     | N_SYNC_PPP
#   pty /tmp/pa <=== sync_relay: pty <-> pty ===> pty /tmp/pb
#   ppp0 192.0.2.1  <--------- PPP link --------->  ppp0 192.0.2.2
#
# A sync line takes each tty read as one frame.  A pty is a best-effort
# one: socat reads several frames at once and hands them on as one, which
# the receiver cannot split (a 3000-byte ping never gets through), so
# the ptys are joined by sync_relay, which writes each frame by itself
# (lib.sh sync_pair; novj, since VJ frames carry no length).  Two frames
# merged all the same must be counted as an input error, never
# delivered as data: the relay merges two on request.
#
# The relay cannot see when the receiving tty has taken a frame, so now
# and then two still reach it as one (more often on the slow debug
# kernel): the pings below get three tries of 5, one of which must lose
# nothing.
#
# Checks: LCP + IPCP up; ping 0% loss, also with fragments (3000 bytes
# over a 1500-byte MTU); 20 MiB a -> b with equal sha256; two frames
# merged on purpose (the relay sends a's two 1400-byte pings as one
# write of 2.9 KB) raise b's ierrors and neither ping is answered; hangup: the relay killed, both ttys hang up, both pppd exit,
# no ppp interface is left.
S=sync

# sync_ping NAME NS ADDR [SIZE]: ping_check, up to three tries.
# sync_ping CHECK NS ADDR [SIZE]: 5 pings; up to 3 tries for a round
# without loss.  A fragmented ping is three frames back to back, which
# the pty may still hand on as one on a loaded machine (counted as an
# input error, as it must be): for those a round with any reply proves
# the fragments travel and reassemble.
sync_ping() {
	local try out want=' 0% packet loss'
	[ "${4:-56}" -le 1400 ] || want=' [1-5] packets received'
	for try in 1 2 3; do
		out=$(ns "$2" ping -c 5 -i 0.2 -W 5 -s "${4:-56}" "$3" 2>&1)
		echo "$out" | grep -q "$want" && break
	done
	echo "$out" | grep -q "$want"
	check "$1" $? "3 tries, the last: $(echo "$out" | grep -m1 'packet loss')"
}
intree_sync() {
	[ "$PPP_SYN" != intree ] || intree_module ppp_synctty $S/in-tree-module
}
if ! intree_sync; then
	return 0
fi
grep -q '^ppp_synctty ' /proc/modules
check $S/module-loaded $? "ppp_synctty ($PPP_SYN) is not loaded"

PAIR=sync_pair pppd_pair link "sync novj" "sync novj"
sync_ping $S/ping a 192.0.2.2
sync_ping $S/ping-fragments a 192.0.2.2 3000
transfer $S/tcp-20M-a-to-b a b 192.0.2.2 20

# Two frames merged: b reads them in one chunk, above its MRU.
counters b b0 ierrors
kill -USR1 $SOCAT
merged=$(ns a ping -c 2 -i 0.2 -w 3 -s 1400 192.0.2.2 2>&1 | grep -o '[0-9]* packets received')
# ours reports the loss with the next good frame
sync_ping $S/ping-after-merge a 192.0.2.2
counters b b1 ierrors
# shellcheck disable=SC2154 # set by counters
[ "$b1_ierrors" -gt "$b0_ierrors" ] && [ "$merged" = "0 packets received" ]
check $S/merged-frames-counted-as-errors $? "b ierrors $b0_ierrors -> $b1_ierrors, merged pings: ${merged:-no ping output} (want 0)"
[ -n "$PPP_VERBOSE" ] && say "b: ierrors $b0_ierrors -> $b1_ierrors"
# ... and ethtool -S names the cause: a frame over the MRU
if [ "$PPP_GEN" = ours ] && [ "$PPP_SYN" = ours ]; then
	over=$(ns b ethtool -S ppp0 2>/dev/null | awk '$1 == "rx_over_mru:" { print $2 }')
	[ "${over:-0}" -ge 1 ]
	check $S/ethtool-rx-over-mru $? "ethtool -S ppp0 (b): rx_over_mru=${over:-none}, want >= 1"
else
	skip $S/ethtool-rx-over-mru "the sync framing counters need our ppp_generic and ppp_synctty (generic=$PPP_GEN sync=$PPP_SYN)"
fi

# Hangup: the relay goes, and with it the ptys under both pppd.
kill -TERM $SOCAT
wait_until 15 dead $PA && wait_until 15 dead $PB
check $S/hangup-both-pppd-exit $? "pppd still running (a: $(alive $PA && echo up || echo gone), b: $(alive $PB && echo up || echo gone))" /tmp/a.log /tmp/b.log
wait_until 5 no_ppp_ifaces a b
check $S/hangup-no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
stop_pids $PA $PB $SOCAT
