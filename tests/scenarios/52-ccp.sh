# SPDX-License-Identifier: GPL-2.0
#
# Scenario: CCP compression (RFC 1962) through ppp_generic's compressor
# hooks, with Debian's in-tree compressor modules ppp_deflate.ko and
# bsd_comp.ko loaded on top of the ppp_generic under test (they register
# with ppp_register_compressor, so on ours this also proves the exported
# symbols' versions match):
#
#   netns a: pppd /tmp/pa <== socat pty <-> pty ==> netns b: pppd /tmp/pb
#   ppp0 192.0.2.1  <------ PPP, CCP <deflate 15> ------>  ppp0 192.0.2.2
#
#   deflate    deflate 15 nobsdcomp on both ends (RFC 1979)
#   bsdcomp    bsdcomp 15 nodeflate on both ends (RFC 1977)
#
# Checks per variant: the module loads, link up, CCP up with that method
# (pppd: "... compression enabled"), a 2 MiB transfer of text a -> b
# (compressible) and 1 MiB of random bytes b -> a (incompressible: sent
# as is) with equal sha256, no decompression errors in pppd's logs, and
# SIOCGPPPCSTATS (tests/progs/ppp_stats) sensible: a compressed the
# text to less than half, b decompressed as many packets as a compressed
# (+-2 for a frame in flight when the counters are read).
# The compressor modules are unloaded at the end, so that later
# scenarios' pppd do not negotiate compression by default.
S=ccp

snap() {	# snap NS VAR: ppp0's counters in NS as VAR_<key>
	counters "$1" "$2" c_unc_bytes c_comp_bytes c_comp_packets c_inc_packets \
		 d_unc_bytes d_comp_packets ierrors
}

# 2 MiB of text that deflate/LZW shrink well but not trivially.
seq 1000000 1300000 | head -c 2097152 > /tmp/text

# variant NAME MODULE "OPTIONS" PPPD-NOTICE [KNOWN]: KNOWN, if given,
# explains why pppd may lose compression sync on this variant with the
# in-tree modules too; the counter checks are then a SKIP.
variant() {
	local name=$1 mod=$2 opts=$3 want=$4 known=${5:-} pa pb
	if [ ! -e /mods/intree/$mod.ko ]; then
		skip $S/$name "no /mods/intree/$mod.ko in this image"
		return
	fi
	if ! grep -q "^$mod " /proc/modules; then
		out=$(load_mod $mod intree)
		check $S/$name-insmod $? "insmod $mod.ko on generic=$PPP_GEN: $out" ||
			return
	fi
	pppd_pair "$name" "$opts" "$opts"
	pa=$PA pb=$PB
	wait_until 10 grep -q "$want" /tmp/a.log &&
		wait_until 5 grep -q "$want" /tmp/b.log
	check $S/$name-ccp-up $? "no '$want' in both logs" /tmp/a.log /tmp/b.log

	snap a a0
	snap b b0
	transfer_file $S/$name-text-2M-a-to-b a b 192.0.2.2 /tmp/text 120
	transfer $S/$name-random-1M-b-to-a b a 192.0.2.1 1
	snap a a1
	snap b b1
	[ -n "$PPP_VERBOSE" ] && {
		say "a: $(ns a ppp_stats ppp0 | grep '^[cd]_' | tr '\n' ' ')"
		say "b: $(ns b ppp_stats ppp0 | grep '^[cd]_' | tr '\n' ' ')"
	}
	if [ -n "$known" ] && grep -q 'Lost compression sync' /tmp/a.log /tmp/b.log &&
	   dmesg | grep -q 'bsd_decomp[0-9]*: bad code'; then
		skip $S/$name-compressed "$known"
	else
	! grep -Eiq 'decompression error|compression sync|CCP ResetReq' \
		/tmp/a.log /tmp/b.log
	check $S/$name-no-decomp-errors $? \
		"$(grep -Eih 'decompression error|compression sync|CCP ResetReq' /tmp/a.log /tmp/b.log | head -n 3 | tr '\n' ' ')"
	# shellcheck disable=SC2154
	{
	cu=$((a1_c_unc_bytes - a0_c_unc_bytes))
	cc=$((a1_c_comp_bytes - a0_c_comp_bytes))
	cp=$((a1_c_comp_packets - a0_c_comp_packets))
	dp=$((b1_d_comp_packets - b0_d_comp_packets))
	[ "$cu" -ge 2097152 ] && [ "$cp" -ge 500 ]
	check $S/$name-cstats-a-compressed $? \
		"a: c_unc_bytes +$cu (want >= 2 MiB), c_comp_packets +$cp"
	[ "$cc" -gt 0 ] && [ $((cc * 2)) -lt "$cu" ]
	check $S/$name-cstats-ratio $? "a: $cu bytes in, $cc bytes out"
	# The same, give or take a frame in flight at a snapshot.
	[ "$dp" -ge $((cp - 2)) ] && [ "$dp" -le $((cp + 2)) ]
	check $S/$name-cstats-b-decompressed $? \
		"b: d_comp_packets +$dp, a: c_comp_packets +$cp"
	# Random bytes do not shrink: b sent most of them as they were.
	bi=$((b1_c_inc_packets - b0_c_inc_packets))
	bu=$((b1_c_unc_bytes - b0_c_unc_bytes))
	[ "$bu" -ge 1048576 ] && [ "$bi" -ge 300 ]
	check $S/$name-cstats-b-incompressible $? \
		"b: c_unc_bytes +$bu (want >= 1 MiB), c_inc_packets +$bi"
	[ "$a1_ierrors$b1_ierrors" = 00 ]
	check $S/$name-no-rx-errors $? "ierrors a=$a1_ierrors b=$b1_ierrors"
	}
	fi
	kill -TERM $pa
	wait_until 15 dead $pa && wait_until 15 dead $pb
	check $S/$name-teardown $? "pppd still running" /tmp/a.log /tmp/b.log
	stop_pids $pa $pb $SOCAT
	rmmod $mod
	check $S/$name-rmmod $? "rmmod $mod failed: $(grep "^$mod " /proc/modules)"
}

variant deflate ppp_deflate "deflate 15 nobsdcomp" "Deflate.*compression enabled"
# BSD-Compress: Debian's bsd_comp.ko cannot decompress on 64-bit
# kernels, with the in-tree ppp_generic exactly as with ours: its
# decompressor keeps its bit accumulator in an unsigned long and shifts
# it as if it were 32 bits wide, so from the second code on the bits of
# earlier codes leak in (kdebug 1 shows "bsd_decomp0: bad code 0xae60
# oldcode=0x57": 0xae60 = 0x57 << 9 | 0x60).  It returns
# DECOMP_FATALERROR on the first compressed frame, pppd says "Lost
# compression sync: disabling compression" and the link goes on
# uncompressed.  That case is a SKIP; the link, CCP and transfer checks
# still run.
variant bsdcomp bsd_comp "bsdcomp 15 nodeflate kdebug 1" \
	"BSD-Compress.*compression enabled" \
	"bsd_comp.ko's decompressor fails on 64-bit (in-tree ppp_generic too): pppd lost compression sync, link went on uncompressed"
rm -f /tmp/text
