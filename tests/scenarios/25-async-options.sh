# SPDX-License-Identifier: GPL-2.0
#
# Scenario: the async framing options pppd negotiates, one link each,
# same topology as 20-pppd-pty, but the ptys are joined by noise_relay
# (no garbage), which keeps the bytes on the wire for hdlc_wire:
#
#   netns a: pppd /tmp/pa <== noise_relay -w ==> netns b: pppd /tmp/pb
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
# pppd exit on SIGTERM.  Then the wire, each way (a receiver takes an
# escaped byte and either header form whether or not it asked for them,
# so only the wire shows what the transmitter did): IPv4 and VJ frames
# (the pings and the TCP transfer) escape exactly what the variant asks
# (asyncmap0: control characters go raw and nothing but 7d/7e is
# escaped; escape: a sends 'A' only as 7d 61,
# b sends it raw; default: no control character goes raw), their header
# is FF 03 + 2-byte protocol with -ac -pc and the 1-byte compressed form
# otherwise (pppd negotiates both compressions by default), no frame
# has a bad FCS, and LCP Configure..Code-Reject frames have the full
# header with every control character escaped.
S=async-options
PAIR=wire_pair
IPV4=21,2d,2f	# IPv4 and VJ (the TCP transfers are VJ-compressed)

# wire DIR [-b BYTE] PROTO: hdlc_wire's counts for the frames of PROTO in
# /tmp/wire.DIR, as shell variables (frames, badfcs, full_header, pfc,
# raw_ctl, esc_ctl, esc_other, raw_byte, esc_byte); WIRE keeps the line.
wire() {
	local dir=$1 byte=
	shift
	[ "$1" = -b ] && { byte="-b $2"; shift 2; }
	# shellcheck disable=SC2086
	WIRE=$(hdlc_wire $byte /tmp/wire.$dir "$1" 2>&1)
	frames=0 badfcs=1 full_header=0 pfc=0 raw_ctl=0 esc_ctl=0
	esc_other=0 raw_byte=0 esc_byte=0
	echo "$WIRE" | grep -q '^frames=[0-9]' &&
		eval "$(echo "$WIRE" | sed 's/-/_/g')"
}

# wire_header NAME DIR full|compressed: IPv4/VJ frames DIR have that header,
# and no frame on DIR has a bad FCS.
wire_header() {
	wire "$2" $IPV4
	if [ "$3" = full ]; then
		[ "$frames" -gt 0 ] && [ "$full_header" = "$frames" ] && [ "$pfc" = 0 ]
	else
		[ "$frames" -gt 0 ] && [ "$full_header" = 0 ] && [ "$pfc" = "$frames" ]
	fi && [ "$badfcs" = 0 ]
	check $S/$1-wire-$2-header-$3 $? "IPv4/VJ on /tmp/wire.$2: $WIRE"
}

# wire_lcp NAME DIR: LCP Configure..Code-Reject frames as RFC 1662 wants.
wire_lcp() {
	wire "$2" c021
	[ "$frames" -gt 0 ] && [ "$full_header" = "$frames" ] && [ "$pfc" = 0 ] &&
		[ "$raw_ctl" = 0 ]
	check $S/$1-wire-$2-lcp-default-map $? "LCP on /tmp/wire.$2: $WIRE"
}

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
	wire_lcp "$name" ab
	wire_lcp "$name" ba
	"wire_$name" "$name"
}

wire_asyncmap0() {
	local d
	for d in ab ba; do
		wire_header "$1" $d compressed
		wire $d $IPV4
		[ "$raw_ctl" -gt 0 ] && [ "$esc_ctl" = 0 ] && [ "$esc_other" = 0 ]
		check $S/$1-wire-$d-controls-raw $? "IPv4/VJ on /tmp/wire.$d: $WIRE"
	done
}

wire_escape() {
	wire_header "$1" ab compressed
	wire_header "$1" ba compressed
	wire ab -b 0x41 $IPV4
	[ "$raw_byte" = 0 ] && [ "$esc_byte" -gt 0 ] && [ "$raw_ctl" = 0 ] &&
		[ "$esc_other" = 0 ]
	check $S/$1-wire-ab-41-escaped $? "a's IPv4/VJ frames (escape 0x41): $WIRE"
	wire ba -b 0x41 $IPV4
	[ "$raw_byte" -gt 0 ] && [ "$esc_byte" = 0 ] && [ "$raw_ctl" = 0 ]
	check $S/$1-wire-ba-41-raw $? "b's IPv4/VJ frames (no escape option): $WIRE"
}

wire_default() {
	local d
	for d in ab ba; do
		wire_header "$1" $d compressed
		wire $d $IPV4
		[ "$raw_ctl" = 0 ] && [ "$esc_ctl" -gt 0 ] && [ "$esc_other" = 0 ]
		check $S/$1-wire-$d-controls-escaped $? "IPv4/VJ on /tmp/wire.$d: $WIRE"
	done
}

wire_noacpc() {
	wire_header "$1" ab full
	wire_header "$1" ba full
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
