#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh: ours vs the in-tree PPP modules, side by side in one boot per
# kernel (`make bench`; not part of `make check`).
#
# For each kernel in BENCH_KERNELS of BENCH_ARCH it boots one VM with
# instruction counting and one vCPU (-accel tcg,thread=single -cpu max
# -smp 1 -icount shift=0,sleep=off,align=off: guest time is guest
# instructions, so the figures are CPU work, immune to host load; the
# arch's own QEMU, machine, console and result port: ppp_arch in
# scripts/lib.sh), whose /init
# (scripts/qemu/bench-init) runs a warm-up round of every set, then
# BENCH_ROUNDS rounds of: the in-tree set, ours, ours with simd=0
# (loaded, measured, unloaded in turn; the order reversed every round).
# The host item runs tests/host's bench_hdlc on the real CPU.  Then
# scripts/qemu/bench-report.py prints medians, spreads and the median
# of the per-round ratios ours/in-tree against the targets, counts
# failed runs (then exits 1 and prints FAILED), and draws a PNG chart
# (gnuplot).
#
# Another arch (arm64, armhf, armhf-lpae, mips64el): Debian's kernel,
# in-tree modules and userland of that arch (make setup ARCHES=...), our
# modules, the codec module and pppbench cross-built.  -cpu max gives
# arm64 PMULL and Advanced SIMD, so the codec's NEON path runs; the
# report names the path each set took.  Items that cannot run there are
# skipped with the reason: host (it times the host's CPU), pppoe-kernel
# where Debian 13 has no rp-pppoe 4.0 for the arch (mips64el),
# pppoe-sync where the kernel has no n_hdlc module (arm64).  prof and
# manyprof run the arch's own perf (perf-foreign.sh).
#
# Knobs (environment):
#   BENCH_ARCH      x86_64 (default) | arm64 | armhf | armhf-lpae | mips64el
#   BENCH_KERNELS   kernels (default: those of BENCH_ARCH in the cache;
#                   x86_64: 6.1 6.12, arm64: 6.12 after a plain make setup)
#   BENCH_ROUNDS    rounds (default 6; an odd number is rounded up, so
#                   that each set runs first as often as last)
#   BENCH_ITEMS     ldisc codec vj units link pppoe pppoe-sync pppoe-kernel
#                   pppoe-many host (default: all);
#                   unitprof, unitprof-create, unitmem, prof and manyprof
#                   (profiles, see bench-init) only when named
#   BENCH_UNITS     units created/destroyed (default 10000)
#   BENCH_UNITPROF_DEPTH  unitprof, unitprof-create: call depth traced
#                   (default 5)
#   BENCH_UNITPROF_TREE  unitprof-create: the roots of its call tree
#                   (default ppp_open ppp_ioctl)
#   BENCH_UNITPROF_ROOTS  unitprof-create: functions timed alone (default
#                   ppp_open ppp_ioctl alloc_netdev_mqs register_netdevice)
#   BENCH_LDISC_KB  payload KiB per line-discipline case (default 256)
#   BENCH_LDISC_DIRS   ldisc directions (default "tx tx2p rx"; tx2p: tx
#                   with writer and reader in two processes)
#   BENCH_LDISC_SIZES  ldisc frame sizes (default "64 576 1500")
#   BENCH_LDISC_MODES  ldisc modes (default "random map0 worst sync")
#   BENCH_LINK_MB   MiB per TCP transfer of link, pppoe, pppoe-sync (default 2)
#   BENCH_PPPOE_KERNEL_MB  pppoe-kernel: MiB per TCP transfer (default
#                   64: at about 1 Gbit/s iperf3's start - exec, its
#                   random buffer - was a tenth of a 16 MiB run and spread
#                   in-tree's figures by up to 40 %; at 64 MiB by 1-2 %)
#   BENCH_PPPOE_KERNEL_GRO  pppoe-kernel: on (default) has the veth
#                   hand what it receives to GRO, as a NIC driver does
#                   (ethtool -K gro on tso off at both ends); off leaves
#                   the veth's netif_rx()
#   BENCH_PPPOE_SESSIONS  pppoe-many: kernel-mode PPPoE sessions bound at
#                   once by tests/progs/pppoe_many (default 1000; the
#                   item also runs 1 session for the scaling figure)
#   BENCH_PPPOE_MANY_KB  pppoe-many: UDP KiB each way (default 4096)
#   BENCH_SYNC_WINDOW  pppoe-sync: socket buffers each way at both ends
#                   (as iperf3 -w; default 1K: one frame in flight, see
#                   bench-init; 0: the kernel's own, and a pty's merged
#                   frames end the session)
#   BENCH_PROF_KB   prof: payload KiB per ldisc case (default 8192)
#   BENCH_PROF_CASES  prof: what it profiles: ldisc cases DIR:SIZE:MODE,
#                   units, units-create (creation alone, BENCH_UNITS
#                   units), link, pppoe, pppoe-kernel, pppoe-sync (both
#                   ways; needs n_hdlc) (default "tx:1500:map0 rx:1500:map0
#                   tx:576:map0 rx:576:map0 tx:64:map0 rx:64:map0 units
#                   link pppoe")
#   BENCH_PROF_MB   prof: MiB of the profiled TCP transfer (default 8)
#   BENCH_PROF_HZ   prof: perf samples per second of guest time (default 10000)
#   BENCH_TIMEOUT   seconds per VM (default 3600)
#   BENCH_JOBS      VMs booted at the same time (default 2)
#   BENCH_OUT       output directory (default $PPP_CACHE_DIR/bench)
#
# Output: the table on stdout; in $PPP_CACHE_DIR/bench/: per-kernel run
# directories (console.log, results.log; another arch's named
# <arch>-<kernel>), host.txt, report.txt, bench.png; with prof,
# prof-<kernel>.txt (the profiles of prof, unitprof-create and unitmem,
# cut out of the console log).  Exit status 1 if any run failed.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
{

arch=${BENCH_ARCH:-x86_64}
ppp_arch "$arch" || exit 1
kernels=${BENCH_KERNELS:-}
if [ -z "$kernels" ]; then
	# the arch's kernels that setup cached
	for k in $A_KERNELS; do
		[ ! -e "$(ppp_kernel_dir "$k" "$arch")/kver" ] || kernels+=" $k"
	done
	kernels=${kernels# }
	[ -n "$kernels" ] || die "no $arch kernel in the cache: run 'make setup ARCHES=$arch'"
fi
rounds=${BENCH_ROUNDS:-6}
items=${BENCH_ITEMS:-ldisc codec vj units link pppoe pppoe-sync pppoe-kernel pppoe-many host}
# drop_item ITEM WHY: ITEM left out of this run, with the reason
drop_item() {
	case " $items " in
	*" $1 "*)
		echo "bench.sh: $arch: $1 skipped: $2"
		items=$(echo $items | tr ' ' '\n' | grep -vx -e "$1" | tr '\n' ' ')
		items=${items% } ;;
	esac
}
if [ "$arch" != x86_64 ]; then
	drop_item host "it times the codec on this machine's CPU (x86_64), not $arch's"
	[ -e "$PPP_CACHE_DIR/pppoe4-$A_DEB/done" ] ||
		drop_item pppoe-kernel "no rp-pppoe 4.0 (kernel mode) for $A_DEB in the cache (Debian 13 has it for $PPP_TRIXIE_DEBS)"
fi
# the host item runs here; the VM gets the rest
host=
case " $items " in *" host "*) host=1 ;; esac
items=$(echo $items | tr ' ' '\n' | grep -vx host | tr '\n' ' ')
items=${items% }
# The profile items: not compared, so any number of rounds, and no
# warm-up (bench-init gets the list as ppp.profiles).
profiles="prof unitprof unitprof-create unitmem manyprof"
# shellcheck disable=SC2046 # words: one -e per profile item
if [ $((rounds % 2)) = 1 ] &&
   echo $items | tr ' ' '\n' | grep -qvx $(printf -- '-e %s ' $profiles); then
	rounds=$((rounds + 1))
	echo "bench.sh: $rounds rounds (an even number: the set order alternates)"
fi
units=${BENCH_UNITS:-10000}
ldisc_kb=${BENCH_LDISC_KB:-256}
ldisc_dirs=${BENCH_LDISC_DIRS:-tx tx2p rx}
ldisc_sizes=${BENCH_LDISC_SIZES:-64 576 1500}
ldisc_modes=${BENCH_LDISC_MODES:-random map0 worst sync}
prof_cases=${BENCH_PROF_CASES:-tx:1500:map0 rx:1500:map0 tx:576:map0 rx:576:map0 tx:64:map0 rx:64:map0 units link pppoe}
link_mb=${BENCH_LINK_MB:-2}
pppoek_mb=${BENCH_PPPOE_KERNEL_MB:-64}
pppoek_gro=${BENCH_PPPOE_KERNEL_GRO:-on}
sync_window=${BENCH_SYNC_WINDOW:-1K}
pppoe_sessions=${BENCH_PPPOE_SESSIONS:-1000}
pppoe_many_kb=${BENCH_PPPOE_MANY_KB:-4096}
prof_kb=${BENCH_PROF_KB:-8192}
prof_mb=${BENCH_PROF_MB:-8}
prof_hz=${BENCH_PROF_HZ:-10000}
tmo=${BENCH_TIMEOUT:-3600}
jobs=${BENCH_JOBS:-2}
out=${BENCH_OUT:-$PPP_CACHE_DIR/bench}
mkdir -p "$out"
exec 9>"$out.lock"
flock 9

# gnuplot draws the chart; installed here (not a test dependency).
if ! command -v gnuplot >/dev/null; then
	echo "bench.sh: installing gnuplot-nox"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q gnuplot-nox \
		>"$out/apt.log" 2>&1 || echo "bench.sh: no gnuplot (see $out/apt.log): no chart"
fi

# prof runs Debian's perf inside the guest: installed here too, and only
# then (it and its libraries go into the bench image only for prof);
# another arch's, with its libraries, fetched by perf-foreign.sh.
prof=
case " $items " in *" prof "*|*" manyprof "*) prof=1 ;; esac
# (linux-base may leave a wrapper script there: the binary is an ELF)
if [ -n "$prof" ] && [ "$arch" = x86_64 ] &&
   ! head -c 4 /usr/bin/perf 2>/dev/null | grep -q ELF; then
	echo "bench.sh: installing linux-perf"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q linux-perf \
		>"$out/apt-perf.log" 2>&1 || die "no perf for prof (see $out/apt-perf.log)"
fi

# The benchmark program, compiled for the guest (another arch's with its
# cross compiler, linked statically: nothing to match in the image).
cc="gcc -O2 -Wall"
pppbench=$out/pppbench
pppoe_many=$out/pppoe_many
if [ "$arch" != x86_64 ]; then
	cc="${A_CROSS}gcc -O2 -Wall -static"
	pppbench=$out/pppbench-$A_DEB
	pppoe_many=$out/pppoe_many-$A_DEB
fi
$cc -o "$pppbench" "$PPP_TOP/tests/bench/pppbench.c" ||
	die "cannot compile tests/bench/pppbench.c ($arch)"
# pppoe-many's session binder: a test program (tests/progs, pppt.h)
$cc -o "$pppoe_many" "$PPP_TOP/tests/progs/pppoe_many.c" ||
	die "cannot compile tests/progs/pppoe_many.c ($arch)"
# the codec and VJ modules' build: the same kernel make as our modules'
kmake=()
[ "$arch" = x86_64 ] || kmake=(ARCH="$A_KARCH" CROSS_COMPILE="$A_CROSS")

ppp_base_image "$arch" || die "building the base initramfs ($arch) failed"
base=$A_BASE

# The VM: the arch's QEMU and machine with the most capable CPU model
# (x86: PCLMULQDQ; arm64: PMULL and Advanced SIMD), one vCPU, icount.
# pauth-impdef: arm64's pointer authentication with QEMU's cheap hash
# instead of the architected one (same guest instructions, less host
# time).
qemu="$(echo "$A_QEMU" | sed 's/ -cpu [^ ]*//') -cpu max"
[ "$arch" != arm64 ] || qemu+=",pauth-impdef=on"

# boot_vm KERNEL WORKDIR IMAGE CMDLINE: one benchmark VM, to the end.
boot_vm() {
	local k=$1 work=$2 image=$3 cmdline=$4 t0 qrc=0
	: > "$work/console.log"
	: > "$work/results.log"
	ppp_qemu_results "$work/results.log"
	t0=$(date +%s)
	# shellcheck disable=SC2086 # $qemu: the emulator and its options
	timeout --foreground "$tmo" $qemu \
		-accel tcg,thread=single -smp 1 \
		-icount shift=0,sleep=off,align=off \
		-m 2048 -nodefaults -no-reboot -display none -nic none \
		-kernel "$image" -initrd "$work/initrd.gz" -append "$cmdline" \
		-serial "file:$work/console.log" "${A_RESPORT[@]}" \
		</dev/null || qrc=$?
	sed -i 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\x1bc//g; s/\r$//' "$work/console.log"
	tr -d '\r' < "$work/results.log" > "$work/results.txt"
	echo "bench.sh: $k: VM done in $(( $(date +%s) - t0 )) s (qemu exit $qrc)"
	grep -qx END "$work/results.txt" ||
		echo "bench.sh: $k: the VM did not finish (partial results; console: $work/console.log)"
	# prof's tables, out of the console log
	sed -n -e '/^---- prof (/,/^---- prof end/p' \
	       -e '/^---- unitprof-create (/,/^---- unitprof-create end/p' \
	       -e '/^---- unitmem (/,/^---- unitmem end/p' \
		"$work/console.log" > "$out/prof-$k.txt"
	[ -s "$out/prof-$k.txt" ] || rm -f "$out/prof-$k.txt"
}
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

results=()
lanes=
[ -n "$items" ] || kernels=
for k in $kernels; do
	ppp_kernel_meta "$k" "$arch" >/dev/null || exit 1
	kdir=$(ppp_kernel_dir "$k" "$arch")
	lane=$(ppp_lane "$k" "$arch")
	[ -e "$kdir/kver" ] || die "kernel $k ($arch) is not in the cache: run 'make setup ARCHES=$arch'"
	[ -d "$kdir/mods" ] || die "kernel $k has no in-tree modules (bench needs stock kernels)"
	kver=$(cat "$kdir/kver")
	headers=$(ppp_kernel_kdir "$k" "$arch") || die "no headers for kernel $k ($arch): run 'make setup'"
	work=$out/$lane
	lanes+=" $lane"
	rm -rf "$work"
	mkdir -p "$work/overlay"/{mods/ours,mods/intree,mods/bench,scenarios,usr/local/bin}

	# Our modules, exactly as run.sh builds them (shared build dir).
	build=$PPP_CACHE_DIR/build/$kver
	ppp_build_modules "$k" "$arch" "$build" >"$work/build.log" 2>&1 || {
		tail -n 30 "$work/build.log" >&2
		die "building our modules against $headers failed"
	}
	cp "$build"/drivers/net/ppp/{ppp_generic,ppp_async,ppp_synctty}.ko "$work/overlay/mods/ours/"
	# Our pppox/pppoe where the tree builds them (pppoe-kernel: without
	# them, the ours set runs the in-tree ones on our ppp_generic).
	find "$build/drivers/net/ppp" \( -name pppox.ko -o -name pppoe.ko \) \
		-exec cp {} "$work/overlay/mods/ours/" \;
	cp "$kdir"/mods/*.ko "$work/overlay/mods/intree/"
	# the in-tree ppp_synctty and n_hdlc (setup.sh: syncmods/<kver>/)
	sm=$PPP_CACHE_DIR/syncmods/$kver
	[ ! -e "$sm/done" ] || cp "$sm"/mods/*.ko "$work/overlay/mods/intree/"
	# pppoe -s needs the N_HDLC line discipline
	kitems=$items
	case " $items " in
	*" pppoe-sync "*)
		if [ ! -e "$work/overlay/mods/intree/n_hdlc.ko" ]; then
			echo "bench.sh: $lane: pppoe-sync skipped: the kernel has no n_hdlc module (pppoe -s needs it)"
			kitems=$(echo $items | tr ' ' '\n' | grep -vx pppoe-sync | tr '\n' ' ')
			kitems=${kitems% }
		fi ;;
	esac

	# The codec benchmark module: a private copy of the files it needs.
	kb=$out/kmod-build/$kver
	mkdir -p "$kb/tests/bench" "$kb/drivers/net"
	cp -a -u "$PPP_TOP/compat" "$kb/"
	cp -a -u "$PPP_TOP/drivers/net/ppp" "$kb/drivers/net/"
	cp -a -u "$PPP_TOP/tests/bench/kmod" "$kb/tests/bench/"
	if make -C "$headers" M="$kb/tests/bench/kmod" "${kmake[@]}" modules \
		>"$work/kmod.log" 2>&1; then
		cp "$kb/tests/bench/kmod/ppp_codec_bench.ko" "$work/overlay/mods/bench/"
		cp "$kb/tests/bench/kmod/ppp_vj_bench.ko" "$work/overlay/mods/bench/"
	else
		echo "bench.sh: ppp_codec_bench.ko did not build (see $work/kmod.log)"
	fi

	cp "$pppbench" "$work/overlay/usr/local/bin/pppbench"
	cp "$pppoe_many" "$work/overlay/usr/local/bin/pppoe_many"
	if [ -n "$prof" ] && [ "$arch" = x86_64 ]; then
		copy_with_libs "$work/overlay" /usr/bin/perf
	elif [ -n "$prof" ]; then
		"$PPP_TOP/scripts/qemu/perf-foreign.sh" "$A_DEB" "$work/overlay"
	fi
	cp "$PPP_TOP/tests/scenarios/lib.sh" "$work/overlay/scenarios/"
	cp "$PPP_TOP/scripts/qemu/bench-init" "$work/overlay/init"
	chmod +x "$work/overlay/init"
	# bench-init's settings: in the image (/ppp.args), as for run.sh,
	# not on the kernel command line, which some boards cut short.
	pargs="ppp.results=$A_RESULTS"
	pargs+=" ppp.rounds=$rounds ppp.items=$(echo $kitems | tr ' ' ,)"
	pargs+=" ppp.profiles=$(echo $profiles | tr ' ' ,)"
	pargs+=" ppp.units=$units ppp.ldisc_kb=$ldisc_kb ppp.link_mb=$link_mb ppp.pppoek_mb=$pppoek_mb ppp.pppoek_gro=$pppoek_gro"
	pargs+=" ppp.sync_window=$sync_window"
	pargs+=" ppp.ldisc_dirs=$(echo $ldisc_dirs | tr ' ' ,)"
	pargs+=" ppp.ldisc_sizes=$(echo $ldisc_sizes | tr ' ' ,)"
	pargs+=" ppp.ldisc_modes=$(echo $ldisc_modes | tr ' ' ,)"
	pargs+=" ppp.prof_cases=$(echo $prof_cases | tr ' ' ,)"
	pargs+=" ppp.pppoe_sessions=$pppoe_sessions ppp.pppoe_many_kb=$pppoe_many_kb"
	pargs+=" ppp.unitprof_depth=${BENCH_UNITPROF_DEPTH:-5}"
	[ -z "${BENCH_UNITPROF_TREE:-}" ] ||
		pargs+=" ppp.unitprof_tree=$(echo $BENCH_UNITPROF_TREE | tr ' ' ,)"
	[ -z "${BENCH_UNITPROF_ROOTS:-}" ] ||
		pargs+=" ppp.unitprof_roots=$(echo $BENCH_UNITPROF_ROOTS | tr ' ' ,)"
	pargs+=" ppp.prof_kb=$prof_kb ppp.prof_mb=$prof_mb ppp.prof_hz=$prof_hz"
	echo "$pargs" > "$work/overlay/ppp.args"
	(cd "$work/overlay" && find . | cpio -o -H newc --quiet) | gzip -1 \
		> "$work/overlay.cpio.gz"
	cat "$base" "$work/overlay.cpio.gz" > "$work/initrd.gz"

	image=$kdir/vmlinux
	[ -e "$image" ] || image=$kdir/vmlinuz
	cmdline="console=$A_CONSOLE oops=panic panic=-1 printk.time=1 quiet"
	echo "bench.sh: $lane ($kver): $rounds rounds of: $kitems ($qemu, icount, 1 vCPU)"
	# BENCH_JOBS VMs at once: icount figures do not depend on host load.
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
	boot_vm "$lane" "$work" "$image" "$cmdline" &
	results+=("$lane=$work/results.txt")
done
wait

# The codec on the real CPU, after the VMs (which would slow it down).
hostarg=()
if [ -n "$host" ]; then
	echo "bench.sh: host codec benchmark (tests/host bench_hdlc, real CPU)"
	make -s -C "$PPP_TOP/tests/host" bench >"$out/host.txt" 2>&1 ||
		echo "bench.sh: the host codec benchmark failed (see $out/host.txt)"
	hostarg=(--host "$out/host.txt")
fi

/usr/bin/python3 "$PPP_TOP/scripts/qemu/bench-report.py" --png "$out/bench.png" \
	--arch "$arch ($qemu)" "${hostarg[@]}" "${results[@]}" | tee "$out/report.txt"
rc=${PIPESTATUS[0]}
for k in $lanes; do
	if [ -e "$out/prof-$k.txt" ]; then
		echo "profiles ($k): $out/prof-$k.txt" | tee -a "$out/report.txt"
	fi
done
exit "$rc"
}
