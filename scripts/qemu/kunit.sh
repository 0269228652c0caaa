#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kunit.sh [--arch x86_64|armhf] [--verbose] [--timeout SECONDS]
#
# A KUnit lane: builds (or finds cached) the arch's KUnit kernel
# (debug-kernel.sh; x86_64: the debug kernel, KASAN, lockdep, kmemleak,
# ...; armhf: ARMv7 for qemu-system-arm -M virt, UBSAN with the
# alignment check), builds our modules and the KUnit modules in
# tests/kunit against it, boots it in QEMU (TCG, no NIC, under timeout),
# loads ppp_generic, ppp_async, slhc (for the VJ interop suite only) and
# the test modules (scripts/qemu/kunit-init), and reports, LANE being
# kunit on x86_64 and kunit-armhf on armhf:
#
#   RESULT LANE/<suite>/<case> PASS|FAIL|SKIP [why]   one per test case
#   RESULT LANE/kmemleak/{loaded,unloaded} ...        kmemleak scans (only
#                                                     where the kernel has
#                                                     kmemleak: x86_64)
#   RESULT LANE/alignment/{suites,unload} ...         the kernel's alignment
#                                                     fixups (/proc/cpu/
#                                                     alignment, "System:")
#                                                     did not grow while
#                                                     the suites ran and
#                                                     the modules unloaded
#                                                     (armhf)
#   RESULT LANE/console/no-splat ...                  lockdep, WARN, BUG,
#                                                     KASAN, UBSAN, hung
#                                                     task ...
#   kunit: N passed, M failed
#
# Exit status 0 only when nothing failed.  Console log and parsed KTAP
# stay in $PPP_CACHE_DIR/runs/LANE/.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

verbose= tmo=900 arch=x86_64
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=${2:-}; shift 2 ;;
	--verbose) verbose=1; shift ;;
	--timeout) tmo=$2; shift 2 ;;
	*) die "unknown argument '$1' (see the header of $0)" ;;
	esac
done

case "$arch" in
x86_64) lane=kunit kcache=debug ;;
armhf) lane=kunit-armhf kcache=debug-armhf ;;
*) die "no KUnit lane for arch '$arch' (x86_64, armhf)" ;;
esac
ppp_arch "$arch"

# Failing before any test ran still ends with the count line.
fail_early() {
	echo "RESULT $lane/$1 FAIL $2"
	echo "kunit: 0 passed, 1 failed"
	exit 1
}

stage "KUnit kernel ($arch)"
dk=$("$PPP_TOP/scripts/qemu/debug-kernel.sh" --arch "$arch") ||
	fail_early build/debug-kernel "see $PPP_CACHE_DIR/$kcache/build.log"
eval "$dk"
printf '  %s\n' "image:       $DEBUG_IMAGE" "kbuild tree: $DEBUG_KBUILD" \
	"modules:     $DEBUG_MODS" "kernel:      $DEBUG_KVER"
stage_end

stage "modules (ours + KUnit) against that kernel"
build=$PPP_CACHE_DIR/build/$DEBUG_KVER
work=$PPP_CACHE_DIR/runs/$lane
blog=$PPP_CACHE_DIR/$lane-build.log
# run.sh --kernel debug builds in the same place (ppp_build_modules
# locks it).
ppp_build_modules debug "$arch" "$build" -s -j"$(nproc)" >"$blog" 2>&1 || {
	tail -n 40 "$blog" >&2
	fail_early build/modules "see $blog"
}
# PID 1 is busybox: the host's, or the static one of the arch's Debian
# userland that setup unpacked.
busybox=/bin/busybox
[ "$arch" = x86_64 ] || busybox=$PPP_CACHE_DIR/userland/$A_DEB/root/bin/busybox
[ -e "$busybox" ] ||
	fail_early build/busybox "no $busybox: run 'make setup ARCHES=$arch'"
rm -rf "$work"
mkdir -p "$work/root"/{bin,sbin,mods,tests,proc,sys,dev,tmp}
cp "$busybox" "$work/root/bin/busybox"
cp "$DEBUG_MODS/slhc.ko" "$build"/drivers/net/ppp/ppp_generic.ko \
   "$build"/drivers/net/ppp/ppp_async.ko "$work/root/mods/"
cp "$build"/tests/kunit/*.ko "$work/root/tests/"
cp "$PPP_TOP/scripts/qemu/kunit-init" "$work/root/init"
chmod +x "$work/root/init"
(cd "$work/root" && find . | cpio -o -H newc --quiet) | gzip -1 > "$work/initrd.gz"
echo "  modules in $build, test modules: $(cd "$work/root/tests" && echo *.ko)"
stage_end

# What the report checks beyond the suites, from the kernel's own
# config: kmemleak's scans where it has kmemleak, the alignment fixup
# counters where it fixes up unaligned accesses (ARM).
checks=(--lane "$lane")
! grep -qx CONFIG_DEBUG_KMEMLEAK=y "$DEBUG_KERNEL_DIR/config" || checks+=(--kmemleak)
! grep -qx CONFIG_ALIGNMENT_TRAP=y "$DEBUG_KERNEL_DIR/config" || checks+=(--alignment)

stage "boot ($arch, TCG, timeout ${tmo}s)"
cmdline="console=$A_CONSOLE oops=panic panic=-1 printk.devkmsg=on"
[[ " ${checks[*]} " != *" --kmemleak "* ]] || cmdline+=" kmemleak=on"
cmdline+=" loglevel=7 kunit.enable=1 $(ppp_debug_kernel_args "$arch")"
if [ "$arch" = x86_64 ]; then
	# KASAN's shadow and lockdep's tables need room.
	qemu=(qemu-system-x86_64 -cpu max -m 2048)
else
	# shellcheck disable=SC2206 # the emulator and its machine options
	qemu=($A_QEMU -m 1024)
fi
set +e
timeout --foreground "$tmo" "${qemu[@]}" -accel tcg,thread=multi -smp 2 \
	-nodefaults -no-reboot -display none \
	-kernel "$DEBUG_IMAGE" -initrd "$work/initrd.gz" -append "$cmdline" \
	-serial "file:$work/console.log" -nic none
qrc=$?
set -e
echo "  qemu exit $qrc; console: $work/console.log"
[ -z "$verbose" ] || sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' "$work/console.log"
stage_end

suites=$(sed -n 's/^[[:space:]]*\.name = "\([a-z0-9_]*\)",$/\1/p' \
	"$PPP_TOP"/tests/kunit/*.c | sort -u)
rc=0
python3 "$PPP_TOP/scripts/qemu/kunit-report.py" "${checks[@]}" \
	"$work/console.log" "$DEBUG_KUNIT_TOOL" "$work" $suites || rc=$?
if [ $qrc -ne 0 ] && [ $rc -eq 0 ]; then
	echo "RESULT $lane/boot/qemu-exit FAIL exit status $qrc"
	rc=1
fi
exit $rc
