#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kunit.sh [--verbose] [--timeout SECONDS]
#
# The debug-kernel lane: builds (or finds cached) the debug kernel
# (debug-kernel.sh: KUnit, KASAN, lockdep, kmemleak, ...), builds our
# modules and the KUnit modules in tests/kunit against it, boots it in
# QEMU (TCG, no NIC, under timeout), loads ppp_generic, ppp_async, slhc
# (for the VJ interop suite only) and the test modules
# (scripts/qemu/kunit-init), and reports:
#
#   RESULT kunit/<suite>/<case> PASS|FAIL|SKIP [why]   one per test case
#   RESULT kunit/kmemleak/{loaded,unloaded} ...        kmemleak scans
#   RESULT kunit/console/no-splat ...                  lockdep, WARN, BUG,
#                                                      KASAN, hung task ...
#   kunit: N passed, M failed
#
# Exit status 0 only when nothing failed.  Console log and parsed KTAP
# stay in $PPP_CACHE_DIR/runs/kunit/.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

verbose= tmo=900
while [ $# -gt 0 ]; do
	case "$1" in
	--verbose) verbose=1; shift ;;
	--timeout) tmo=$2; shift 2 ;;
	*) die "unknown argument '$1' (see the header of $0)" ;;
	esac
done

# Failing before any test ran still ends with the count line.
fail_early() {
	echo "RESULT kunit/$1 FAIL $2"
	echo "kunit: 0 passed, 1 failed"
	exit 1
}

stage "debug kernel"
dk=$("$PPP_TOP/scripts/qemu/debug-kernel.sh") ||
	fail_early build/debug-kernel "see $PPP_CACHE_DIR/debug/build.log"
eval "$dk"
printf '  %s\n' "bzImage:     $DEBUG_BZIMAGE" "kbuild tree: $DEBUG_KBUILD" \
	"modules:     $DEBUG_MODS" "kernel:      $DEBUG_KVER"
stage_end

stage "modules (ours + KUnit) against the debug kernel"
build=$PPP_CACHE_DIR/build/$DEBUG_KVER
work=$PPP_CACHE_DIR/runs/kunit
# run.sh --kernel debug builds in the same place (ppp_build_modules
# locks it).
ppp_build_modules debug x86_64 "$build" -s -j"$(nproc)" \
	>"$PPP_CACHE_DIR/kunit-build.log" 2>&1 || {
	tail -n 40 "$PPP_CACHE_DIR/kunit-build.log" >&2
	fail_early build/modules "see $PPP_CACHE_DIR/kunit-build.log"
}
rm -rf "$work"
mkdir -p "$work/root"/{bin,sbin,mods,tests,proc,sys,dev,tmp}
cp /bin/busybox "$work/root/bin/busybox"
cp "$DEBUG_MODS/slhc.ko" "$build"/drivers/net/ppp/ppp_generic.ko \
   "$build"/drivers/net/ppp/ppp_async.ko "$work/root/mods/"
cp "$build"/tests/kunit/*.ko "$work/root/tests/"
cp "$PPP_TOP/scripts/qemu/kunit-init" "$work/root/init"
chmod +x "$work/root/init"
(cd "$work/root" && find . | cpio -o -H newc --quiet) | gzip -1 > "$work/initrd.gz"
echo "  modules in $build, test modules: $(cd "$work/root/tests" && echo *.ko)"
stage_end

stage "boot (TCG, timeout ${tmo}s)"
cmdline="console=ttyS0 oops=panic panic=-1 printk.devkmsg=on kmemleak=on"
cmdline+=" loglevel=7 kunit.enable=1"
set +e
timeout --foreground "$tmo" qemu-system-x86_64 \
	-accel tcg,thread=multi -cpu max -smp 2 -m 2048 \
	-nodefaults -no-reboot -display none \
	-kernel "$DEBUG_BZIMAGE" -initrd "$work/initrd.gz" -append "$cmdline" \
	-serial "file:$work/console.log" -nic none
qrc=$?
set -e
echo "  qemu exit $qrc; console: $work/console.log"
[ -z "$verbose" ] || sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' "$work/console.log"
stage_end

suites=$(sed -n 's/^[[:space:]]*\.name = "\([a-z0-9_]*\)",$/\1/p' \
	"$PPP_TOP"/tests/kunit/*.c | sort -u)
rc=0
python3 "$PPP_TOP/scripts/qemu/kunit-report.py" "$work/console.log" \
	"$DEBUG_KUNIT_TOOL" "$work" $suites || rc=$?
if [ $qrc -ne 0 ] && [ $rc -eq 0 ]; then
	echo "RESULT kunit/boot/qemu-exit FAIL exit status $qrc"
	rc=1
fi
exit $rc
