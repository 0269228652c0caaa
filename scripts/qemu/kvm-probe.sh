#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kvm-probe.sh: prints the QEMU accelerator options to use.
#
# /dev/kvm may exist and still be unable to run a stock Debian kernel (on
# these machines it is a nested hypervisor that dies with "emulation
# failure" or hangs), so KVM is tried once with a tiny boot - an init
# that prints a word and powers off - and the verdict is cached in
# $PPP_CACHE_DIR/kvm-verdict (delete it to probe again).  Otherwise TCG.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

verdict=$PPP_CACHE_DIR/kvm-verdict
TCG="-accel tcg,thread=multi -cpu max -smp 2"
KVM="-enable-kvm -cpu host -smp 2"

probe() {
	local kdir tmp ok=1
	[ -r /dev/kvm ] && [ -w /dev/kvm ] || return 1
	kdir=$(ppp_kernel_dir 6.12)
	[ -e "$kdir/vmlinuz" ] || return 1
	tmp=$(mktemp -d)
	mkdir -p "$tmp/r/bin" "$tmp/r/dev"
	cp /bin/busybox "$tmp/r/bin/"
	printf '#!/bin/busybox sh\n/bin/busybox echo KVM-PROBE-OK\n/bin/busybox poweroff -f\n' \
		> "$tmp/r/init"
	chmod +x "$tmp/r/init"
	mknod "$tmp/r/dev/console" c 5 1
	(cd "$tmp/r" && find . | cpio -o -H newc --quiet) | gzip > "$tmp/i.gz"
	# shellcheck disable=SC2086
	( timeout 40 qemu-system-x86_64 $KVM -m 256 -nodefaults -no-reboot \
		-display none -nic none -serial "file:$tmp/console" \
		-kernel "$kdir/vmlinuz" -initrd "$tmp/i.gz" \
		-append "console=ttyS0 panic=-1 rdinit=/init" ) >/dev/null 2>&1 || true
	grep -q KVM-PROBE-OK "$tmp/console" 2>/dev/null && ok=0
	rm -rf "$tmp"
	return $ok
}

if [ ! -s "$verdict" ]; then
	mkdir -p "$PPP_CACHE_DIR"
	echo "kvm-probe: trying KVM once (verdict cached in $verdict)" >&2
	if probe 2>/dev/null; then echo kvm > "$verdict"; else echo tcg > "$verdict"; fi
	echo "kvm-probe: $(cat "$verdict")" >&2
fi
if [ "$(cat "$verdict")" = kvm ]; then echo "$KVM"; else echo "$TCG"; fi
