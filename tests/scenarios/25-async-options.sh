# SPDX-License-Identifier: GPL-2.0
#
# Scenario: the async framing options pppd negotiates, one link each,
# same topology as 20-pppd-pty:
#
#   netns a: pppd /tmp/pa <== socat pty <-> pty ==> netns b: pppd /tmp/pb
#   ppp0 192.0.2.1  <--------------- PPP --------------->  ppp0 192.0.2.2
#
#   asyncmap0   asyncmap 0 on both ends: no control character escaped
#   escape      asyncmap 0xffffffff and escape 0x41,0x7e: every control
#               character and 'A' escaped (0x7e is escaped anyway)
#   default     default-asyncmap: no ACCM negotiation, all of 0x00-0x1f
#               escaped for the whole link
#   noacpc      -ac -pc on a: full FF 03 header, 2-byte protocol field
#
# Checks per variant: link up, LCP agreed what we asked for (from pppd's
# debug log), ping 0% loss with an MTU-sized packet full of the bytes the
# variant escapes (or not), a 4 MiB TCP transfer with equal sha256, both
# pppd exit on SIGTERM.
S=async-options

# variant NAME PATTERN "A-OPTIONS" "B-OPTIONS" WANT [UNWANTED]: WANT must
# and UNWANTED must not match a line of a's debug log.
variant() {
	local name=$1 pat=$2 aopts=$3 bopts=$4 want=$5 bad=${6:-} pa pb
	pppd_pair "$name" "$aopts" "$bopts"
	pa=$PA pb=$PB
	grep -Eq "$want" /tmp/a.log && ! { [ -n "$bad" ] && grep -Eq "$bad" /tmp/a.log; }
	check $S/$name-negotiated $? "pppd's log: want '$want'${bad:+, not '$bad'}" /tmp/a.log
	out=$(ns a ping -c 3 -i 0.2 -W 5 -s 1472 -p "$pat" 192.0.2.2 2>&1)
	echo "$out" | grep -q ' 0% packet loss'
	check $S/$name-ping-pattern-$pat $? "$(echo "$out" | grep -m1 'packet loss')"
	transfer $S/$name-tcp-4M a b 192.0.2.2 4
	kill -TERM $pa
	wait_until 15 dead $pa && wait_until 15 dead $pb
	check $S/$name-teardown $? "pppd still running" /tmp/a.log /tmp/b.log
	stop_pids $pa $pb $SOCAT
}

variant asyncmap0 00 "asyncmap 0" "asyncmap 0" \
	'rcvd \[LCP ConfAck .*<asyncmap 0x0>'
# 0xffffffff is LCP's default map, so pppd leaves the option out.
variant escape 41 "asyncmap 0xffffffff escape 0x41,0x7e" "asyncmap 0xffffffff" \
	'rcvd \[LCP ConfAck' 'LCP Conf(Req|Ack).*asyncmap'
variant default 11 "default-asyncmap" "default-asyncmap" \
	'rcvd \[LCP ConfAck' 'LCP Conf(Req|Ack).*asyncmap'
variant noacpc 7d "-ac -pc" "" \
	'sent \[LCP ConfReq .*<asyncmap 0x0>' 'sent \[LCP ConfReq.*(pcomp|accomp)'
