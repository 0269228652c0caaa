# SPDX-License-Identifier: GPL-2.0
#
# The usual rp-pppoe setup, both ends in kernel mode.  The access
# concentrator is rp-pppoe 4.0's `pppoe-server -k` (Debian 13's: Debian
# 12's 3.15 has no -k), which answers discovery itself and starts, per
# session, a pppd with the PPPoE plugin named by -g; the client is
# `pppd plugin rp-pppoe.so nic-va user rp-pppoe` (pppd 2.5: pppoe.so).
# CHAP with rp-pppoe/rp-pppoe, as rp-pppoe is usually set up.  The session stage runs in
# the pppoe channel of whichever pppox/pppoe the lane loaded (else the
# lane's set: PPP_OE, ours where the image has it, in-tree otherwise)
# on the ppp_generic under test, at both ends.
#
#   netns a (client)                          netns b (access concentrator)
#   pppd plugin rp-pppoe.so nic-va            pppoe-server -k -I vb -g PLUGIN
#        user rp-pppoe                          `-> pppd plugin PLUGIN nic-vb
#                                                     rp_pppoe_sess ID:MAC
#     | PPPoX socket (pppoe)                      | PPPoX socket (pppoe)
#   ppp_generic channel                       ppp_generic channel
#   veth va 02:00:00:00:46:0a <===== Ethernet =====> veth vb 02:00:00:00:46:0b
#   ppp0 198.51.100.2  <---------- PPP session ---------->  ppp0 198.51.100.1
#                                             tcpdump -i vb: 0x8863 frames
#
# Checks: the modules; session 1: discovery on the wire (captured in
# netns b) is PADI (code 0x09, to the broadcast address, Service-Name),
# PADO (0x07, AC-Name), PADR (0x19), PADS (0x65, a session id), in that
# order; CHAP succeeded; both ends' /proc/net/pppoe list the session
# (the PADS's id, the peer's MAC, the veth); no user-mode `pppoe` ran;
# ping; 20 MiB TCP with equal sha256 (with our ppp_generic merged by
# GRO before b's IP layer, and frame by frame with gro off); 8 MiB with
# GRO on at vb (our pppoe merges the session's segments below ppp0, far
# fewer frames on ppp0 than on vb; equal sha256 with either pppoe); transmit
# offload (ppp0's ethtool -k; a's TCP checksums on va complete, with
# ppp0's offloads on, with its tx/sg off and with va's off; 4 MiB with
# equal sha256 each time); the client hangs up (LCP
# Terminate): the server's session pppd ends, pppoe-server sends its
# PADT (0xa7), neither end lists the session any more, pppoe-server
# stays.  Session 2, a new client of the same pppoe-server: the
# server's session pppd is killed (no LCP Terminate), pppoe-server's
# PADT reaches the client, whose pppoe channel unbinds the session: its
# pppd reports "Modem hangup" and exits (it sends no LCP echoes, so
# only the PADT can end it).  A missing pppoe.ko is a SKIP only on the
# debug kernel.
S=pppoe-server-kernel
SRV4=/usr/local/pppoe4/sbin/pppoe-server
MAC_A=02:00:00:00:46:0a
MAC_B=02:00:00:00:46:0b

# pppoe_kmods_load: pppox and pppoe, unless the lane loaded them; sets
# PPPOE_LOADED to the set loaded here (empty: the lane's own).
pppoe_kmods_load() {
	local set=${PPP_OE:-}
	PPPOE_LOADED=
	grep -q '^pppoe ' /proc/modules && return 0
	if [ -z "$set" ]; then
		set=intree
		[ "$PPP_GEN" = ours ] && [ -e /mods/ours/pppoe.ko ] && set=ours
	fi
	if [ ! -e "/mods/$set/pppoe.ko" ]; then
		if [ -n "$PPP_DEBUG" ]; then
			skip $S/modules-load "no /mods/$set/pppoe.ko (the debug kernel has no PPP)"
		else
			result $S/modules-load FAIL "no /mods/$set/pppoe.ko on this kernel"
		fi
		return 1
	fi
	{ grep -q '^pppox ' /proc/modules || load_mod pppox "$set"; } > /tmp/insmod.log &&
		load_mod pppoe "$set" >> /tmp/insmod.log
	check $S/modules-load $? "pppox/pppoe ($set) refused generic=$PPP_GEN" /tmp/insmod.log ||
		return 1
	PPPOE_LOADED=$set
}

# disc_frames: the discovery frames tcpdump saw on vb, one a line:
# "CODE SESSION SRC DST NAME TAGS", CODE and SESSION read from the
# frame's bytes (PPPoE header after the 14-byte Ethernet header).
disc_frames() {
	awk '/^[0-9]/ { if (hdr != "") print code, sid, src, dst, name, tags
			src = $2; dst = $4; sub(/,$/, "", dst)
			name = $0; sub(/.*PPPoE /, "", name); tags = name
			sub(/ .*/, "", name); sub(/^[^ ]* ?/, "", tags)
			sub(/^\[ses [^]]*\] ?/, "", tags)
			hdr = $0; line = 0; next }
	     /^\t0x/ { line++
			if (line == 1) code = "0x" substr($9, 3, 2)
			if (line == 2) sid = "0x" $2 }
	     END { if (hdr != "") print code, sid, src, dst, name, tags }' /tmp/disc.txt
}

# frame CODE: the first line of disc_frames with that code.
frame() {
	disc_frames | awk -v c="$1" '$1 == c { print; exit }'
}

# proc_session NS DEV MAC: the session id /proc/net/pppoe in NS lists for
# DEV and the peer MAC (as printed: in-tree prints the id in network
# byte order, read as a host number).
proc_session() {
	ns "$1" cat /proc/net/pppoe 2>/dev/null |
		awk -v d="$2" -v m="$3" 'tolower($2) == m && $3 == d { print $1; exit }'
}

no_proc_session() {	# no_proc_session NS DEV MAC
	[ -z "$(proc_session "$@")" ]
}

# same_sid PROC PADS: the /proc/net/pppoe id PROC (hex, 8 digits) names
# the session id PADS (0xNNNN), in either byte order.
same_sid() {
	local p=$((0x$1)) s=$(($2))
	[ "$p" = "$s" ] || [ "$p" = $(( ((s & 255) << 8) | (s >> 8) )) ]
}

# srv_session_pppd: the pid of the pppd pppoe-server started, if any.
srv_session_pppd() {
	local p
	for p in $(pidof pppd); do
		tr '\0' ' ' < /proc/$p/cmdline 2>/dev/null | grep -q 'rp_pppoe_sess' &&
			{ echo "$p"; return 0; }
	done
	return 1
}

# ac_up: netns a and b joined by a veth, the usual secrets and server
# options, tcpdump and pppoe-server -k in b.  Sets PS and PT.
ac_up() {
	rm -f /tmp/srv.log /tmp/disc.txt /tmp/tcpdump.log
	fresh_netns a b
	$IP link add va netns a address $MAC_A type veth peer name vb netns b address $MAC_B
	ns a $IP link set va up
	ns b $IP link set vb up
	# The usual chap-secrets: user and password rp-pppoe, any server.
	echo 'rp-pppoe * rp-pppoe *' > /etc/ppp/chap-secrets
	chmod 600 /etc/ppp/chap-secrets
	# The usual pppoe-server-options, less what has no place in a
	# VM: login (the system's passwords), the DNS servers and the
	# default route; debug for the transcript.
	cat > /etc/ppp/pppoe-server-options <<-EOT
	require-pap
	require-chap
	lcp-echo-interval 10
	lcp-echo-failure 2
	logfile /tmp/srv.log
	debug
	EOT
	# Appending, so that emptying the file starts a new capture.
	$NSX b tcpdump -i vb -n -e -xx -l -Z root 'ether proto 0x8863' \
		>> /tmp/disc.txt 2> /tmp/tcpdump.log &
	PT=$!
	wait_until 10 grep -q 'listening on' /tmp/tcpdump.log
	[ -z "$PPP_VERBOSE" ] ||
		say "netns b: pppoe-server -k -g $PLUGIN_PATH -I vb -L 198.51.100.1 -R 198.51.100.2 -N 64"
	$NSX b $SRV4 -F -k -g "$PLUGIN_PATH" -q "$PPPD" -I vb \
		-L 198.51.100.1 -R 198.51.100.2 -N 64 &
	PS=$!
}

# client_up N: the usual client command in netns a, from a fresh
# capture; checks $S/sessionN-up.  Sets PC.
client_up() {
	rm -f /tmp/cli.log
	: > /tmp/disc.txt
	[ -z "$PPP_VERBOSE" ] ||
		say "netns a: pppd plugin $PPPOE_PLUGIN nic-va user rp-pppoe noauth noipdefault nodetach ..."
	$NSX a pppd plugin "$PPPOE_PLUGIN" nic-va user rp-pppoe noauth \
		noipdefault nodetach maxfail 1 lcp-restart 1 debug \
		logfile /tmp/cli.log &
	PC=$!
	wait_until 40 has_addr a ppp0 && wait_until 10 has_addr b ppp0
	check $S/session$1-up $? "no PPPoE session" /tmp/cli.log /tmp/srv.log /tmp/tcpdump.log
}

# padt_seen SID [FROM TO]: tcpdump saw a PADT (0xa7) for session SID
# (from FROM to TO).
padt_seen() {
	disc_frames | awk -v s="$1" -v f="${2:-}" -v t="${3:-}" \
		'$1 == "0xa7" && $2 == s && (f == "" || $3 == f && $4 == t) { ok = 1 }
		 END { exit !ok }'
}

padt_print() {	# padt_print: the PADTs tcpdump saw, for the transcript
	disc_frames | awk '$1 == "0xa7" { printf "   %s code %s  %s -> %s  session %s\n", $5, $1, $3, $4, $2
		$1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print "        " $0 }'
}

if [ ! -x $SRV4 ]; then
	result $S/pppoe-server-4 FAIL "no $SRV4 in the image (make setup: scripts/pppoe4.sh)"
	return 0
fi
pppoe_kmods_load || return 0
[ -z "$PPP_VERBOSE" ] || say "pppox/pppoe: ${PPPOE_LOADED:-as the lane loaded them} (on ppp_generic: $PPP_GEN); $(pppd --version 2>&1 | head -n 1)"
# -g wants a path: the plugin of the pppd under test (2.4.9 has a
# pppoe.so too, which 2.5 cannot load).
PLUGIN_PATH=/usr/lib/pppd/$("$PPPD" --version 2>&1 | awk '{ print $3; exit }')/$PPPOE_PLUGIN
if [ ! -e "$PLUGIN_PATH" ]; then
	result $S/plugin FAIL "no $PLUGIN_PATH"
	return 0
fi
grep -q '^veth ' /proc/modules || load_mod veth intree

# --- session 1: the client hangs up --------------------------------------
ac_up
client_up 1
padi=$(frame 0x09) pado=$(frame 0x07) padr=$(frame 0x19) pads=$(frame 0x65)
order=$(disc_frames | awk '{ printf "%s ", $1 }')
# A client retransmits PADI (and PADR) when the answer is slow, as it
# may be under emulation, and the server answers each copy: what must
# hold is the order in which each code first appears.
echo "$order" | awk '{
	for (i = 1; i <= NF; i++) if (!($i in at)) at[$i] = i
	ok = ("0x09" in at) && ("0x07" in at) && ("0x19" in at) && ("0x65" in at) &&
	     at["0x09"] == 1 && at["0x09"] < at["0x07"] &&
	     at["0x07"] < at["0x19"] && at["0x19"] < at["0x65"]
	exit !ok }'
check $S/discovery-order $? "discovery frames on vb: ${order:-none} (want the first PADI, PADO, PADR, PADS in that order)" /tmp/disc.txt
echo "$padi" | grep -q "^0x09 0x0000 $MAC_A ff:ff:ff:ff:ff:ff PADI .*\[Service-Name"
check $S/padi-broadcast-service-name $? "PADI: ${padi:-none}"
echo "$pado" | grep -q "^0x07 0x0000 $MAC_B $MAC_A PADO .*\[AC-Name \""
check $S/pado-ac-name $? "PADO: ${pado:-none}"
echo "$padr" | grep -q "^0x19 0x0000 $MAC_A $MAC_B PADR"
check $S/padr $? "PADR: ${padr:-none}"
sid=$(echo "$pads" | awk '{ print $2 }')
echo "$pads" | grep -q "^0x65 0x[0-9a-f]* $MAC_B $MAC_A PADS" && [ "$((sid))" -ne 0 ]
check $S/pads-session-id $? "PADS: ${pads:-none}"
grep -q 'CHAP authentication succeeded' /tmp/cli.log
check $S/chap-rp-pppoe $? "the client's log has no CHAP success" /tmp/cli.log /tmp/srv.log
pa=$(proc_session a va $MAC_B) pb=$(proc_session b vb $MAC_A)
[ -n "$pa" ] && [ -n "$pb" ] && [ "$pa" = "$pb" ] && same_sid "$pa" "$sid"
check $S/proc-net-pppoe-both-ends $? "PADS ${sid:-none}; a: '$pa', b: '$pb'; $(ns a cat /proc/net/pppoe 2>&1 | tr '\n' '|') $(ns b cat /proc/net/pppoe 2>&1 | tr '\n' '|')"
! pidof pppoe > /dev/null
check $S/no-user-mode-pppoe $? "a user-mode pppoe process runs: $(pidof pppoe)"
if [ -n "$PPP_VERBOSE" ]; then
	say "discovery, as tcpdump saw it on vb in netns b (code and session id from the frame's bytes):"
	disc_frames | awk '{ printf "   %-4s code %s  %s -> %s  session %s\n", $5, $1, $3, $4, $2
		$1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print "        " $0 }'
	say "the session pppd that pppoe-server -k started in netns b:"
	p=$(srv_session_pppd) && { tr '\0' ' ' < /proc/$p/cmdline; echo; } |
		fold -s -w 72 | sed 's/^/   /'
	say "CHAP with rp-pppoe/rp-pppoe, from the client's log:"
	grep -iE 'chap|auth' /tmp/cli.log | grep -v '^rcvd\|^sent' | sed 's/^/   /'
	grep -E '^(rcvd|sent) \[CHAP' /tmp/cli.log | sed 's/^/   /'
	say "the addresses:"
	ns a $IP -4 addr show ppp0 | sed 's/^/   a: /'
	ns b $IP -4 addr show ppp0 | sed 's/^/   b: /'
	say "/proc/net/pppoe in netns a and in netns b:"
	ns a cat /proc/net/pppoe | sed 's/^/   a: /'
	ns b cat /proc/net/pppoe | sed 's/^/   b: /'
	say "(the PADS's session $sid, as /proc/net/pppoe prints it: ${pa:-none})"
fi
ping_check $S/ping a 198.51.100.1 1400

# Receive batching: our ppp_generic hands frames for the stack to GRO,
# so the TCP stream's segments reach b's IP layer merged, fewer packets
# than ppp0 received frames; with `ethtool -K ppp0 gro off` each frame
# goes up alone again, as in-tree always does.  The GRO context is set
# up when ppp0 comes up and taken down when it goes down: after a down
# and up, with GRO on again, the segments merge again.
ip_in() {	# ip_in NS: the namespace's IP InReceives
	ns "$1" awk '$1 == "Ip:" { if (!h) { for (i = 2; i <= NF; i++)
		if ($i == "InReceives") c = i; h = 1 } else print $c }' /proc/net/snmp
}
ppp_rx() { ns "$1" cat /sys/class/net/ppp0/statistics/rx_packets; }
gro_tcp() {	# gro_tcp NAME MB: sets GRO_RX (ppp0 frames) and GRO_IP
	local r0 i0
	r0=$(ppp_rx b) i0=$(ip_in b)
	transfer "$1" a b 198.51.100.1 "$2"
	GRO_RX=$(( $(ppp_rx b) - r0 )) GRO_IP=$(( $(ip_in b) - i0 ))
	[ -n "$PPP_VERBOSE" ] &&
		say "b: ppp0 received $GRO_RX frames, IP saw $GRO_IP packets"
}
gro_tcp $S/tcp-20M 20
if [ "$PPP_GEN" = ours ]; then
	[ "$GRO_RX" -gt 100 ] && [ $((GRO_IP * 10)) -lt $((GRO_RX * 9)) ]
	check $S/gro-merges $? "b's IP layer saw $GRO_IP packets for $GRO_RX frames on ppp0"
	ns b ethtool -K ppp0 gro off
	gro_tcp $S/tcp-4M-gro-off 4
	[ "$GRO_RX" -gt 100 ] && [ $((GRO_IP * 10)) -ge $((GRO_RX * 9)) ]
	check $S/gro-off-frame-by-frame $? "gro off: b's IP layer saw $GRO_IP packets for $GRO_RX frames on ppp0"
	ns b ethtool -K ppp0 gro on
	ns b $IP link set ppp0 down && ns b $IP link set ppp0 up
	gro_tcp $S/tcp-4M-after-down-up 4
	[ "$GRO_RX" -gt 100 ] && [ $((GRO_IP * 10)) -lt $((GRO_RX * 9)) ]
	check $S/gro-merges-after-down-up $? \
		"after down, up: b's IP saw $GRO_IP packets for $GRO_RX frames"
else
	skip $S/gro-merges "the in-tree ppp_generic hands each frame up alone"
fi

# GRO below the session: with GRO on at vb and TSO off at va, the veth
# hands what vb receives to GRO as a NIC driver does, and our pppoe
# merges the TCP segments of its bound session
# under their PPPoE header, so ppp0 receives fewer frames than vb did
# (how many fewer depends on how many frames each of vb's NAPI polls
# finds: half as many on an idle machine, 59 % on the debug kernel with
# the host loaded, so the check asks for a tenth fewer, as the one
# above); the data arrives intact (transfer compares sha256), whichever
# ppp_generic is below.  The in-tree pppoe has no GRO offload: its
# frames go up one by one, and the transfer must pass all the same.
veth_rx() { ns "$1" cat "/sys/class/net/$2/statistics/rx_packets"; }
ns a ethtool -K va tso off
ns b ethtool -K vb gro on
r0=$(ppp_rx b) v0=$(veth_rx b vb)
transfer $S/tcp-8M-veth-gro a b 198.51.100.1 8
r1=$(( $(ppp_rx b) - r0 )) v1=$(( $(veth_rx b vb) - v0 ))
if grep -qw pppoe_gro_receive /proc/kallsyms; then
	[ "$v1" -gt 500 ] && [ $((r1 * 10)) -lt $((v1 * 9)) ]
	check $S/veth-gro-merges $? "GRO on vb: vb received $v1 frames, ppp0 $r1"
else
	skip $S/veth-gro-merges "the in-tree pppoe has no GRO offload (vb $v1 frames, ppp0 $r1)"
fi
ns b ethtool -K vb gro off
ns a ethtool -K va tso on

# Transmit offload: our ppp_generic advertises SG, checksum and TSO and,
# for a channel that takes them (our pppoe), segments TCP's GSO frames
# itself, without a copy of the payload.  What leaves on va must still
# carry complete checksums (a capture there sees a's data frames before
# the veth; tcpdump says "correct"): a user-mode PPPoE server reading the
# veth through a packet socket would otherwise pass on frames whose
# checksum was left to a device.  Also with `ethtool -K ppp0 tx off sg
# off`, and with va's own offloads off; the data arrives intact each time.
wire_csum() {	# wire_csum NAME MB: sets WIRE_BAD and WIRE_OK for a's data frames on va
	local pw
	rm -f /tmp/wire.txt /tmp/wire.log
	$NSX a tcpdump -i va -n -vv -l -Z root -c 400 'ether proto 0x8864' \
		> /tmp/wire.txt 2> /tmp/wire.log &
	pw=$!
	wait_until 10 grep -q 'listening on' /tmp/wire.log
	transfer "$1" a b 198.51.100.1 "$2"
	stop_pids $pw
	WIRE_BAD=$(grep -c '198\.51\.100\.2\.[0-9]* > 198\.51\.100\.1\.5001: .*cksum 0x[0-9a-f]* (incorrect' /tmp/wire.txt)
	WIRE_OK=$(grep -c '198\.51\.100\.2\.[0-9]* > 198\.51\.100\.1\.5001: .*cksum 0x[0-9a-f]* (correct)' /tmp/wire.txt)
	[ -n "$PPP_VERBOSE" ] &&
		say "va: a's data frames with the checksum left to the device: $WIRE_BAD, summed: $WIRE_OK"
}
oe_set=${PPPOE_LOADED:-${PPP_OE:-}}
if [ "$PPP_GEN" = ours ]; then
	feat=$(ns a ethtool -k ppp0 2>&1)
	echo "$feat" | grep -q '^tx-checksumming: on' &&
		echo "$feat" | grep -q '^scatter-gather: on' &&
		echo "$feat" | grep -q '^tcp-segmentation-offload: on'
	check $S/offload-features $? "ethtool -k ppp0: $(echo "$feat" | grep -E '^(tx-checksumming|scatter-gather|tcp-segmentation-offload):' | tr '\n' ' ')"
else
	skip $S/offload-features "the in-tree unit has no transmit offloads"
fi
wire_csum $S/tcp-4M-offload 4
[ "$WIRE_OK" -gt 20 ] && [ "$WIRE_BAD" -eq 0 ]
check $S/tx-csum-complete-on-wire $? "a's data frames on va: $WIRE_BAD with a partial checksum, $WIRE_OK summed (generic $PPP_GEN, pppoe ${oe_set:-the lane set})" /tmp/wire.log
if [ "$PPP_GEN" = ours ]; then
	ns a ethtool -K ppp0 tx off sg off
	feat=$(ns a ethtool -k ppp0 2>&1)
	wire_csum $S/tcp-4M-ppp0-tx-sg-off 4
	[ "$WIRE_OK" -gt 20 ] && [ "$WIRE_BAD" -eq 0 ] &&
		echo "$feat" | grep -q '^tcp-segmentation-offload: off'
	check $S/ppp0-tx-off-sums $? "tx sg off: a's data frames on va: $WIRE_BAD with a partial checksum, $WIRE_OK summed; $(echo "$feat" | grep -E '^(tx-checksumming|scatter-gather|tcp-segmentation-offload):' | tr '\n' ' ')"
	ns a ethtool -K ppp0 tx on sg on tso on
else
	skip $S/tcp-4M-ppp0-tx-sg-off "the in-tree unit has no transmit offloads"
	skip $S/ppp0-tx-off-sums "the in-tree unit has no transmit offloads"
fi
ns a ethtool -K va tx off sg off
wire_csum $S/tcp-4M-va-tx-sg-off 4
[ "$WIRE_OK" -gt 20 ] && [ "$WIRE_BAD" -eq 0 ]
check $S/va-tx-off-core-sums $? "va tx sg off: a's data frames on va: $WIRE_BAD with a partial checksum, $WIRE_OK summed"
ns a ethtool -K va tx on sg on

# The client hangs up (LCP Terminate): the server's session pppd ends,
# pppoe-server sends the PADT for it, and both ends let go of the session.
SP=$(srv_session_pppd)
kill -TERM $PC
wait_until 15 dead $PC
check $S/client-hangup-exits $? "client pppd still running" /tmp/cli.log
{ [ -z "$SP" ] || wait_until 15 dead "$SP"; } && wait_until 5 no_proc_session b vb $MAC_A
check $S/server-session-ends $? "server pppd ${SP:-?} or its /proc/net/pppoe entry outlived the hangup" /tmp/srv.log
wait_until 10 padt_seen "$sid"
check $S/padt-after-client-hangup $? "no PADT for session $sid on vb" /tmp/disc.txt
no_proc_session a va $MAC_B
check $S/client-session-gone $? "/proc/net/pppoe in a still lists session $sid"
alive $PS
check $S/pppoe-server-stays $? "pppoe-server exited"
if [ -n "$PPP_VERBOSE" ]; then
	say "hangup from the client (kill -TERM): the server's pppd says"
	grep -iE 'terminat|hangup|connect time' /tmp/srv.log | sed 's/^/   /'
	say "and pppoe-server ends the session with a PADT (on the wire in netns b):"
	padt_print
fi
stop_pids $PC

# Session 2, from the same pppoe-server: its session pppd dies without a
# word on the PPP link (SIGKILL: no LCP Terminate).  pppoe-server sends
# the PADT; the client's pppoe channel takes it for its bound session and
# unbinds it, and the client's pppd sees the hangup at once.  Nothing
# else would end it: the client sends no LCP echo requests.
client_up 2
sid=$(frame 0x65 | awk '{ print $2 }')
SP=$(srv_session_pppd)
[ -n "$SP" ] && kill -KILL "$SP"
wait_until 10 padt_seen "$sid" "$MAC_B" "$MAC_A"
check $S/server-death-padt $? "no PADT $MAC_B -> $MAC_A for session $sid on vb" /tmp/disc.txt
wait_until 10 dead $PC
check $S/padt-ends-client $? "client pppd still running 10 s after the server's PADT" /tmp/cli.log /tmp/disc.txt
grep -q 'Modem hangup' /tmp/cli.log
check $S/padt-is-hangup $? "the client's pppd did not report 'Modem hangup'" /tmp/cli.log
if [ -n "$PPP_VERBOSE" ]; then
	say "session $sid: the server's pppd is killed (no LCP Terminate); pppoe-server's PADT:"
	padt_print
	say "the client's pppd, after the PADT:"
	grep -iE 'terminat|hangup|connect time' /tmp/cli.log | sed 's/^/   /'
fi
stop_pids $PC $PS $PT
wait_until 5 no_ppp_ifaces a b
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
$IP netns del a
$IP netns del b

if [ -n "$PPPOE_LOADED" ]; then
	# Leave nothing on top of ppp_generic: 61-teardown unloads it.
	wait_until 10 rmmod pppoe 2>/dev/null && rmmod pppox
	check $S/pppoe-pppox-unload $? "pppoe/pppox would not unload: $(grep -E '^ppp(oe|ox) ' /proc/modules | tr '\n' ' ')"
fi
