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
# (+-2 for a frame in flight when the counters are read).  bsdcomp is
# an expected failure on 64-bit (see below): instead, the lane must fail
# exactly as the in-tree modules do, and a's compressor is checked on
# pings sent while b's pppd is stopped.  A missing compressor module is
# a FAIL on a stock kernel (a SKIP on the debug kernel, which has no PPP).
# The compressor modules are unloaded at the end, so that later
# scenarios' pppd do not negotiate compression by default.
S=ccp

snap() {	# snap NS VAR: ppp0's counters in NS as VAR_<key>
	counters "$1" "$2" c_unc_bytes c_comp_bytes c_comp_packets c_inc_packets \
		 d_unc_bytes d_comp_packets ierrors
}

# 2 MiB of text that deflate/LZW shrink well but not trivially.
seq 1000000 1300000 | head -c 2097152 > /tmp/text

# ccp_symptom: how decompression failed since the last `dmesg -c`, in
# terms that do not depend on the data: "none", or pppd's "lost
# compression sync" and each kind of bsd_decomp complaint, numbers left
# out, except that a bad code made of the previous code shifted up by 9
# bits and the next one (the decompressor's bit accumulator keeping
# bits it should have dropped) is named as such.
ccp_symptom() {
	local lines
	lines=$( {
		grep -qh 'Lost compression sync' /tmp/a.log /tmp/b.log &&
			echo "pppd: lost compression sync"
		dmesg | sed -n 's/.*\(bsd_decomp\)[0-9]*: /\1: /p' |
		while read -r line; do
			case "$line" in
			"bsd_decomp: bad code 0x"*" oldcode=0x"*)
				# shellcheck disable=SC2086
				set -- $line
				if [ $(($4 >> 9)) = $((${5#oldcode=})) ]; then
					echo "bsd_decomp: bad code = oldcode << 9 | next code"
				else
					echo "bsd_decomp: bad code (other)"
				fi ;;
			*) echo "$line" | sed 's/0x[0-9a-f]*/X/g; s/[0-9][0-9]*/N/g' ;;
			esac
		done
	} | sort -u | tr '\n' ';')
	echo "${lines:-none}"
}

# swap_modules GEN ASYNC: unload ppp_synctty, ppp_async and ppp_generic
# (whichever is loaded), load those of the named sets (ours|intree), and
# the lane's ppp_synctty with the lane's own pair.  The in-tree
# ppp_generic needs the kernel's slhc; ours has VJ of its own, and a
# lane of ours runs without slhc, so it goes again with the in-tree set.
swap_modules() {
	local m
	for m in ppp_synctty ppp_async ppp_generic; do
		grep -q "^$m " /proc/modules || continue
		rmmod $m || return
	done
	if [ "$1" = intree ]; then
		grep -q '^slhc ' /proc/modules || load_mod slhc intree || return
	elif [ "$PPP_GEN" = ours ] && grep -q '^slhc ' /proc/modules; then
		rmmod slhc || return
	fi
	load_mod ppp_generic "$1" && load_mod ppp_async "$2" || return
	[ "$1 $2" = "$PPP_GEN $PPP_ASY" ] || return 0
	[ ! -e "/mods/$PPP_SYN/ppp_synctty.ko" ] || load_mod ppp_synctty "$PPP_SYN"
}

# quiet_pair A B: pty_pair, with IPv6 off in netns a and b first (for the
# ppp0 pppd makes there): nothing crosses the link unless sent, so the
# first compressed frame is one of bsd_blast's.
quiet_pair() {
	local n
	for n in a b; do
		ns $n sh -c 'echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6'
	done
	pty_pair "$@"
}

# bsd_blast: with b's pppd stopped, so that it cannot take CCP down,
# 50 pings of 1400 bytes of 'A' (busybox's ping takes a one-byte
# pattern) a -> b: a's compressor runs on every one of them, whatever
# b's decompressor makes of them; a's counters before and after as
# ab0_* and ab1_*.  Then b's pppd reads what it was sent.
bsd_blast() {
	snap a ab0
	kill -STOP "$PB"
	ns a ping -q -c 50 -i 0.05 -W 1 -s 1400 -p 41 192.0.2.2 >/dev/null 2>&1
	sleep 1
	snap a ab1
	kill -CONT "$PB"
	wait_until 5 grep -q 'Lost compression sync' /tmp/b.log
	return 0
}

# bsd_reference NAME MODULE "OPTIONS" WANT: the in-tree modules on this
# kernel, same boot: ppp_generic and ppp_async swapped for Debian's, a
# link with OPTIONS and bsd_blast; REF gets ccp_symptom's answer
# ("unknown" if the in-tree link could not be made).  The lane's own
# modules are back when it returns.
bsd_reference() {
	local name=$1 mod=$2 opts=$3 want=$4 out
	REF=unknown
	out=$(swap_modules intree intree 2>&1 && load_mod "$mod" intree 2>&1)
	if check $S/$name-intree-reference-load $? "$out"; then
		dmesg -c > /dev/null
		PAIR=quiet_pair pppd_pair "$name-intree-reference" "$opts" "$opts"
		if wait_until 10 grep -q "$want" /tmp/a.log &&
		   wait_until 5 grep -q "$want" /tmp/b.log; then
			bsd_blast
			REF=$(ccp_symptom)
		fi
		stop_pids $PA $PB $SOCAT
		wait_until 10 no_ppp_ifaces a b
	fi
	grep -q "^$mod " /proc/modules && rmmod "$mod"
	out=$(swap_modules "$PPP_GEN" "$PPP_ASY" 2>&1)
	check $S/$name-lane-modules-back $? "$out: $(grep ppp /proc/modules | tr '\n' ' ')"
}

# variant NAME MODULE "OPTIONS" PPPD-NOTICE [KNOWN]: KNOWN, if given,
# explains why the in-tree modules may lose compression sync on this
# variant.  Then the in-tree modules are run first (bsd_reference),
# unless they are the lane's own; the lane runs bsd_blast before its
# transfers and must fail the same way they did: same ccp_symptom.  If
# it did fail, the checks that need a working decompressor give way to
# the compressor's counters over bsd_blast.
variant() {
	local name=$1 mod=$2 opts=$3 want=$4 known=${5:-} pa pb sym
	intree_module "$mod" $S/$name || return
	REF=
	if [ -n "$known" ] && [ "$PPP_GEN$PPP_ASY" != intreeintree ]; then
		bsd_reference "$name" "$mod" "$opts" "$want"
	fi
	if ! grep -q "^$mod " /proc/modules; then
		out=$(load_mod $mod intree)
		check $S/$name-insmod $? "insmod $mod.ko on generic=$PPP_GEN: $out" ||
			return
	fi
	dmesg -c > /dev/null
	if [ -n "$known" ]; then
		PAIR=quiet_pair pppd_pair "$name" "$opts" "$opts"
	else
		pppd_pair "$name" "$opts" "$opts"
	fi
	pa=$PA pb=$PB
	wait_until 10 grep -q "$want" /tmp/a.log &&
		wait_until 5 grep -q "$want" /tmp/b.log
	check $S/$name-ccp-up $? "no '$want' in both logs" /tmp/a.log /tmp/b.log
	[ -z "$known" ] || bsd_blast

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
	# shellcheck disable=SC2154
	{
	cu=$((a1_c_unc_bytes - a0_c_unc_bytes))
	cc=$((a1_c_comp_bytes - a0_c_comp_bytes))
	cp=$((a1_c_comp_packets - a0_c_comp_packets))
	dp=$((b1_d_comp_packets - b0_d_comp_packets))
	}
	sym=$(ccp_symptom)
	if [ -n "$known" ]; then
		say "$name: this lane: $sym; in-tree: ${REF:-this lane}"
		if [ -n "$REF" ]; then
			[ "$sym" = "$REF" ]
			check $S/$name-fails-as-intree $? "this lane: '$sym', in-tree modules: '$REF'"
		fi
	fi
	if [ -n "$known" ] && [ "$sym" != none ]; then
		# The expected failure: b's decompressor gave up on the
		# first compressed frame and CCP went down once b's pppd saw
		# it.  a's compressor worked through bsd_blast meanwhile.
		# shellcheck disable=SC2154
		{
		cu=$((ab1_c_unc_bytes - ab0_c_unc_bytes))
		cc=$((ab1_c_comp_bytes - ab0_c_comp_bytes))
		cp=$((ab1_c_comp_packets - ab0_c_comp_packets))
		}
		say "$name: a compressed $cp frames during bsd_blast: $cu bytes in, $cc out"
		[ "$cp" -ge 45 ] && [ "$cc" -gt 0 ] && [ $((cc * 2)) -lt "$cu" ]
		check $S/$name-cstats-a-compressed-pings $? \
			"a: c_comp_packets +$cp (want >= 45 of 50 pings), $cu bytes in, $cc bytes out"
	else
	! grep -Eiq 'decompression error|compression sync|CCP ResetReq' \
		/tmp/a.log /tmp/b.log
	check $S/$name-no-decomp-errors $? \
		"$(grep -Eih 'decompression error|compression sync|CCP ResetReq' /tmp/a.log /tmp/b.log | head -n 3 | tr '\n' ' ')"
	# shellcheck disable=SC2154
	{
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
# uncompressed.  An expected failure: a lane with any module of ours
# must fail exactly as the in-tree modules did on this kernel a moment
# before (bsd_reference); the link, CCP and transfer checks and what
# the compressor did before CCP went down still count.
variant bsdcomp bsd_comp "bsdcomp 15 nodeflate kdebug 1 noipv6" \
	"BSD-Compress.*compression enabled" \
	"bsd_comp.ko's decompressor fails on 64-bit (in-tree ppp_generic too): pppd lost compression sync, link went on uncompressed"
rm -f /tmp/text
