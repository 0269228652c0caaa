# SPDX-License-Identifier: GPL-2.0
#
# Scenario 2: dial-up.  pppd runs chat as its connect script; chat talks
# a fake Hayes modem into a connection; the modem then execs the
# answering pppd on its end of the line.
#
#   netns a (caller)                            netns b (modem + ISP)
#   pppd /tmp/pa connect "chat ..."             fakemodem -l /tmp/pb
#     chat: ATZ        ----------------------->   OK
#           ATDT5551234 ---------------------->   CONNECT 115200
#                                                 exec pppd (on the tty)
#   pty /tmp/pa <======= socat pty <-> pty =======> pty /tmp/pb
#   ppp0 192.0.2.1   <--------- PPP link --------->  ppp0 192.0.2.2
#
# Checks: link up, ping, a 20 MiB transfer; hangup: the answering pppd
# dies (kill -9), the line goes away, and the caller's pppd must read EOF
# ("Modem hangup") and exit.  Then chat alone against a modem that is
# busy (exit 4: ABORT string #1 matched) and one that never answers
# (exit 3: timeout).
S=dialup
CHAT_SCRIPT="ABORT BUSY ABORT 'NO CARRIER' '' ATZ OK ATDT5551234 CONNECT"
say "chat is $CHAT"

fresh_netns a b
pty_pair pa pb
$NSX b fakemodem -l /tmp/pb -m ok -- pppd $PPPD_BASE logfile /tmp/b.log \
	2>/tmp/modem.log &
PM=$!
$NSX a pppd /tmp/pa $PPPD_BASE connect "$CHAT -v -s $CHAT_SCRIPT" \
	192.0.2.1:192.0.2.2 logfile /tmp/a.log &
PA=$!
wait_until 40 has_addr a ppp0 && wait_until 10 has_addr b ppp0
check $S/link-up $? "no link" /tmp/modem.log /tmp/a.log /tmp/b.log
if [ -n "$PPP_VERBOSE" ]; then
	say "the modem's side of the dialogue:"
	sed 's/^/   /' /tmp/modem.log
	say "the caller's pppd log (chat's dialogue, LCP, IPCP):"
	grep -v '^rcvd\|^sent' /tmp/a.log | sed 's/^/   /'
	say "the link in netns a:"
	ns a $IP -4 addr show ppp0 | sed 's/^/   /'
fi
ping_check $S/ping a 192.0.2.2
transfer $S/tcp-20M a b 192.0.2.2 20

# Hangup: the answering side dies and the line drops (socat, which holds
# both ptys, goes away: the caller's tty sees a hangup).
kill -9 $PM
wait_until 5 dead $PM
kill $SOCAT
wait_until 15 dead $PA
check $S/hangup-caller-exits $? "pppd a still running after the line went away" /tmp/a.log
grep -q "Modem hangup" /tmp/a.log
check $S/hangup-is-eof $? "pppd a did not report 'Modem hangup'" /tmp/a.log
wait_until 5 no_ppp_ifaces a b
check $S/hangup-no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
if [ -n "$PPP_VERBOSE" ]; then
	say "after the hangup, the caller's pppd says:"
	grep -i 'hangup\|terminated\|connect time' /tmp/a.log | sed 's/^/   /'
fi
stop_pids $PA $PM $SOCAT

# chat_exit MODE: chat against a fake modem in MODE; prints chat's status.
chat_exit() {
	local fm rc
	pty_pair ca cb
	fakemodem -l /tmp/cb -m "$1" 2>>/tmp/modem-$1.log &
	fm=$!
	eval "$CHAT -t 2 $CHAT_SCRIPT" </tmp/ca >/tmp/ca 2>/dev/null
	rc=$?
	stop_pids $fm $SOCAT
	echo $rc
}
rc=$(chat_exit busy)
[ "$rc" = 4 ]
check $S/chat-busy-exit-4 $? "chat exited $rc" /tmp/modem-busy.log
rc=$(chat_exit noanswer)
[ "$rc" = 3 ]
check $S/chat-noanswer-exit-3 $? "chat exited $rc" /tmp/modem-noanswer.log
