#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh: ours vs the in-tree PPP modules, side by side in one boot per
# kernel (`make bench`; not part of `make check`).
#
# For each kernel in BENCH_KERNELS it boots one VM with instruction
# counting and one vCPU (-accel tcg,thread=single -cpu max -smp 1
# -icount shift=0,sleep=off,align=off: guest time is guest instructions,
# so the figures are CPU work, immune to host load), whose /init
# (scripts/qemu/bench-init) runs a warm-up round of every set, then
# BENCH_ROUNDS rounds of: the in-tree set, ours, ours with simd=0
# (loaded, measured, unloaded in turn; the order reversed every round).
# The host item runs tests/host's bench_hdlc on the real CPU.  Then
# scripts/qemu/bench-report.py prints medians, spreads and the median
# of the per-round ratios ours/in-tree against the targets, counts
# failed runs (then exits 1 and prints FAILED), and draws a PNG chart
# (gnuplot).
#
# Knobs (environment):
#   BENCH_KERNELS   kernels (default "6.1 6.12")
#   BENCH_ROUNDS    rounds (default 6; an odd number is rounded up, so
#                   that each set runs first as often as last)
#   BENCH_ITEMS     ldisc codec vj units link pppoe pppoe-sync pppoe-kernel
#                   host (default: all);
#                   unitprof and prof (perf profiles, see bench-init)
#                   only when named
#   BENCH_UNITS     units created/destroyed (default 10000)
#   BENCH_LDISC_KB  payload KiB per line-discipline case (default 256)
#   BENCH_LINK_MB   MiB per iperf3 transfer (default 2)
#   BENCH_SYNC_WINDOW  pppoe-sync: iperf3's TCP window (-w; default 1K:
#                   one frame in flight, see bench-init; 0: iperf3's
#                   own, and a pty's merged frames end the session)
#   BENCH_PROF_KB   prof: payload KiB per ldisc case (default 8192)
#   BENCH_PROF_MB   prof: MiB of the profiled TCP transfer (default 8)
#   BENCH_PROF_HZ   prof: perf samples per second of guest time (default 10000)
#   BENCH_TIMEOUT   seconds per VM (default 3600)
#   BENCH_JOBS      VMs booted at the same time (default 2)
#   BENCH_OUT       output directory (default $PPP_CACHE_DIR/bench)
#
# Output: the table on stdout; in $PPP_CACHE_DIR/bench/: per-kernel run
# directories (console.log, results.log), host.txt, report.txt,
# bench.png; with prof, prof-<kernel>.txt (the profiles, cut out of the
# console log).  Exit status 1 if any run failed.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
{

kernels=${BENCH_KERNELS:-6.1 6.12}
rounds=${BENCH_ROUNDS:-6}
items=${BENCH_ITEMS:-ldisc codec vj units link pppoe pppoe-sync pppoe-kernel host}
# the host item runs here; the VM gets the rest
host=
case " $items " in *" host "*) host=1 ;; esac
items=$(echo $items | tr ' ' '\n' | grep -vx host | tr '\n' ' ')
items=${items% }
# (the profiles alone are not compared: any number of rounds)
if [ $((rounds % 2)) = 1 ] &&
   echo $items | tr ' ' '\n' | grep -qvx -e prof -e unitprof; then
	rounds=$((rounds + 1))
	echo "bench.sh: $rounds rounds (an even number: the set order alternates)"
fi
units=${BENCH_UNITS:-10000}
ldisc_kb=${BENCH_LDISC_KB:-256}
link_mb=${BENCH_LINK_MB:-2}
sync_window=${BENCH_SYNC_WINDOW:-1K}
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
# then (it and its libraries go into the bench image only for prof).
prof=
case " $items " in *" prof "*) prof=1 ;; esac
# (linux-base may leave a wrapper script there: the binary is an ELF)
if [ -n "$prof" ] && ! head -c 4 /usr/bin/perf 2>/dev/null | grep -q ELF; then
	echo "bench.sh: installing linux-perf"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q linux-perf \
		>"$out/apt-perf.log" 2>&1 || die "no perf for prof (see $out/apt-perf.log)"
fi

# The benchmark program, compiled for the guest.
gcc -O2 -Wall -o "$out/pppbench" "$PPP_TOP/tests/bench/pppbench.c" ||
	die "cannot compile tests/bench/pppbench.c"

base=$PPP_CACHE_DIR/initramfs-base.cpio.gz
flock "$base.lock" "$PPP_TOP/scripts/qemu/initramfs.sh" "$base" ||
	die "building the base initramfs failed"

# boot_vm KERNEL WORKDIR IMAGE CMDLINE: one benchmark VM, to the end.
boot_vm() {
	local k=$1 work=$2 image=$3 cmdline=$4 t0 qrc=0
	: > "$work/console.log"
	: > "$work/results.log"
	t0=$(date +%s)
	timeout --foreground "$tmo" qemu-system-x86_64 \
		-accel tcg,thread=single -cpu max -smp 1 \
		-icount shift=0,sleep=off,align=off \
		-m 2048 -nodefaults -no-reboot -display none -nic none \
		-kernel "$image" -initrd "$work/initrd.gz" -append "$cmdline" \
		-serial "file:$work/console.log" -serial "file:$work/results.log" \
		</dev/null || qrc=$?
	sed -i 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\x1bc//g; s/\r$//' "$work/console.log"
	tr -d '\r' < "$work/results.log" > "$work/results.txt"
	echo "bench.sh: $k: VM done in $(( $(date +%s) - t0 )) s (qemu exit $qrc)"
	grep -qx END "$work/results.txt" ||
		echo "bench.sh: $k: the VM did not finish (partial results; console: $work/console.log)"
	# prof's tables, out of the console log
	sed -n '/^---- prof (/,/^---- prof end/p' "$work/console.log" > "$out/prof-$k.txt"
	[ -s "$out/prof-$k.txt" ] || rm -f "$out/prof-$k.txt"
}
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

results=()
[ -n "$items" ] || kernels=
for k in $kernels; do
	kdir=$(ppp_kernel_dir "$k")
	[ -e "$kdir/kver" ] || die "kernel $k is not in the cache: run 'make setup'"
	[ -d "$kdir/mods" ] || die "kernel $k has no in-tree modules (bench needs stock kernels)"
	kver=$(cat "$kdir/kver")
	headers=$(ppp_kernel_kdir "$k") || die "no headers for kernel $k: run 'make setup'"
	work=$out/$k
	rm -rf "$work"
	mkdir -p "$work/overlay"/{mods/ours,mods/intree,mods/bench,scenarios,usr/local/bin}

	# Our modules, exactly as run.sh builds them (shared build dir).
	build=$PPP_CACHE_DIR/build/$kver
	ppp_build_modules "$k" x86_64 "$build" >"$work/build.log" 2>&1 || {
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

	# The codec benchmark module: a private copy of the files it needs.
	kb=$out/kmod-build/$kver
	mkdir -p "$kb/tests/bench" "$kb/drivers/net"
	cp -a -u "$PPP_TOP/compat" "$kb/"
	cp -a -u "$PPP_TOP/drivers/net/ppp" "$kb/drivers/net/"
	cp -a -u "$PPP_TOP/tests/bench/kmod" "$kb/tests/bench/"
	if make -C "$headers" M="$kb/tests/bench/kmod" modules >"$work/kmod.log" 2>&1; then
		cp "$kb/tests/bench/kmod/ppp_codec_bench.ko" "$work/overlay/mods/bench/"
		cp "$kb/tests/bench/kmod/ppp_vj_bench.ko" "$work/overlay/mods/bench/"
	else
		echo "bench.sh: ppp_codec_bench.ko did not build (see $work/kmod.log)"
	fi

	cp "$out/pppbench" "$work/overlay/usr/local/bin/"
	[ -z "$prof" ] || copy_with_libs "$work/overlay" /usr/bin/perf
	cp "$PPP_TOP/tests/scenarios/lib.sh" "$work/overlay/scenarios/"
	cp "$PPP_TOP/scripts/qemu/bench-init" "$work/overlay/init"
	chmod +x "$work/overlay/init"
	(cd "$work/overlay" && find . | cpio -o -H newc --quiet) | gzip -1 \
		> "$work/overlay.cpio.gz"
	cat "$base" "$work/overlay.cpio.gz" > "$work/initrd.gz"

	image=$kdir/vmlinux
	[ -e "$image" ] || image=$kdir/vmlinuz
	cmdline="console=ttyS0 oops=panic panic=-1 printk.time=1 quiet"
	cmdline+=" ppp.rounds=$rounds ppp.items=$(echo $items | tr ' ' ,)"
	cmdline+=" ppp.units=$units ppp.ldisc_kb=$ldisc_kb ppp.link_mb=$link_mb"
	cmdline+=" ppp.sync_window=$sync_window"
	cmdline+=" ppp.prof_kb=$prof_kb ppp.prof_mb=$prof_mb ppp.prof_hz=$prof_hz"
	echo "bench.sh: $k ($kver): $rounds rounds of: $items (icount, 1 vCPU)"
	# BENCH_JOBS VMs at once: icount figures do not depend on host load.
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
	boot_vm "$k" "$work" "$image" "$cmdline" &
	results+=("$k=$work/results.txt")
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
	"${hostarg[@]}" "${results[@]}" | tee "$out/report.txt"
rc=${PIPESTATUS[0]}
for k in $kernels; do
	if [ -e "$out/prof-$k.txt" ]; then
		echo "profiles ($k): $out/prof-$k.txt" | tee -a "$out/report.txt"
	fi
done
exit "$rc"
}
