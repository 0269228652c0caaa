# SPDX-License-Identifier: GPL-2.0
#
# Scenario: Van Jacobson TCP/IP header compression (RFC 1144) through
# ppp_generic's VJ code, negotiated by IPCP between two real pppd:
#
#   netns a: pppd /tmp/pa <== socat pty <-> pty ==> netns b: pppd /tmp/pb
#   ppp0 192.0.2.1  <---- PPP, IPCP <compress VJ ..> ---->  ppp0 192.0.2.2
#
#   default    pppd's default on both ends: VJ with 16 slots and
#              slot-id compression (<compress VJ 0f 01>)
#   slots4     a asks for 4 slots and no slot-id compression
#              (vj-max-slots 4 novjccomp: <compress VJ 03 00>), so b
#              transmits with PPPIOCSMAXCID tx id 3 and SC_NO_TCP_CCID
#
# Checks per variant: link up with the VJ option acked, a 2 MiB TCP
# transfer a -> b and 1 MiB b -> a with equal sha256, and the VJ
# counters of SIOCGPPPSTATS (tests/progs/ppp_stats) moving: a compressed
# what b decompressed and the other way round, no VJ receive errors, no
# receive errors on the interface.  Bad PPPIOCSMAXCID values are checked
# by ppp_proto_check in 10-contract.
S=vj

snap() {	# snap NS VAR: ppp0's counters in NS as VAR_<key>
	counters "$1" "$2" vj_packets vj_compressed vj_compressedin vj_uncompressedin \
		 vj_errorin ierrors opackets ipackets
}

# grew NAME A B MIN: check that A - B >= MIN.
grew() {
	[ $(( $2 - $3 )) -ge "$4" ]
	check "$S/$1" $? "$(( $2 - $3 )) < $4"
}

# mostly NAME C1 C0 P1 P0: at least 80 % of the packets (P1 - P0) went
# compressed (C1 - C0).
mostly() {
	local c=$(( $2 - $3 )) p=$(( $4 - $5 ))
	[ "$p" -gt 0 ] && [ $(( c * 100 )) -ge $(( p * 80 )) ]
	check "$S/$1" $? "$c of $p compressed"
}

variant() {	# variant NAME "A-OPTIONS" "B-OPTIONS" WANT-IN-A-LOG
	local name=$1 aopts=$2 bopts=$3 want=$4 pa pb
	pppd_pair "$name" "$aopts" "$bopts"
	pa=$PA pb=$PB
	grep -Eq "$want" /tmp/a.log
	check $S/$name-negotiated $? "no '$want' in a's log" /tmp/a.log

	# No TCP timestamps: VJ sends a segment uncompressed whenever its
	# TCP options differ from the last one's, and a timestamp changes
	# every millisecond, so with them the share of compressed segments
	# followed the guest's speed (473 of ~1400 on a slow debug boot).
	ns a sh -c 'echo 0 > /proc/sys/net/ipv4/tcp_timestamps'
	ns b sh -c 'echo 0 > /proc/sys/net/ipv4/tcp_timestamps'

	snap a a0
	snap b b0
	transfer $S/$name-tcp-2M-a-to-b a b 192.0.2.2 2
	transfer $S/$name-tcp-1M-b-to-a b a 192.0.2.1 1
	snap a a1
	snap b b1
	[ -n "$PPP_VERBOSE" ] && {
		say "a: $(ns a ppp_stats ppp0 | grep '^vj_' | tr '\n' ' ')"
		say "b: $(ns b ppp_stats ppp0 | grep '^vj_' | tr '\n' ' ')"
	}
	# 2 MiB a -> b and 1 MiB b -> a, each way ACKed: well over 1000
	# TCP packets from a and 500 from b go through VJ (6.12: a 1855,
	# b 1536; the debug kernel: a 1178, b 1277).  Without timestamps
	# nearly all go compressed: 99 % on 6.12, 93-99 % on the debug
	# kernel, whose retransmissions go uncompressed, as they must.
	# shellcheck disable=SC2154
	{
	grew $name-a-compressed "$a1_vj_compressed" "$a0_vj_compressed" 500
	grew $name-b-decompressed "$b1_vj_compressedin" "$b0_vj_compressedin" 500
	grew $name-b-compressed "$b1_vj_compressed" "$b0_vj_compressed" 300
	grew $name-a-decompressed "$a1_vj_compressedin" "$a0_vj_compressedin" 300
	mostly $name-a-mostly-compressed "$a1_vj_compressed" "$a0_vj_compressed" \
		"$a1_vj_packets" "$a0_vj_packets"
	mostly $name-b-mostly-compressed "$b1_vj_compressed" "$b0_vj_compressed" \
		"$b1_vj_packets" "$b0_vj_packets"
	# Every compressed frame a sent, b decompressed (a lossless pty).
	[ $((a1_vj_compressed - a0_vj_compressed)) = \
	  $((b1_vj_compressedin - b0_vj_compressedin)) ]
	check $S/$name-a-to-b-counts-match $? \
		"a compressed $((a1_vj_compressed - a0_vj_compressed)), b decompressed $((b1_vj_compressedin - b0_vj_compressedin))"
	[ "$a1_vj_errorin$b1_vj_errorin$a1_ierrors$b1_ierrors" = 0000 ]
	check $S/$name-no-errors $? \
		"vj_errorin a=$a1_vj_errorin b=$b1_vj_errorin, ierrors a=$a1_ierrors b=$b1_ierrors"
	}
	kill -TERM $pa
	wait_until 15 dead $pa && wait_until 15 dead $pb
	check $S/$name-teardown $? "pppd still running" /tmp/a.log /tmp/b.log
	stop_pids $pa $pb $SOCAT
}

variant default "" "" 'rcvd \[IPCP ConfAck .*<compress VJ 0f 01>'
variant slots4 "vj-max-slots 4 novjccomp" "" \
	'rcvd \[IPCP ConfAck .*<compress VJ 03 00>'
