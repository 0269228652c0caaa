#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# autoload-tree.sh OVERLAY KERNEL GLOBS
#
# What 05-autoload needs in the test image, when GLOBS selects it: our
# modules as DKMS built them for KERNEL (scripts/dkms.sh build: dkms
# build -k <kver> against the cached headers), with their srcversions,
# and kmod (modprobe, depmod, lsmod, modinfo, rmmod), all under
# OVERLAY/autoload/:
#   updates/*.ko*      DKMS's modules, installed by the scenario into
#                      /lib/modules/<kver>/updates/dkms/
#   srcversions        "<module> <srcversion>" of each
#   sbin/kmod + links  Debian's kmod (busybox's modprobe reads no
#                      modules.alias of ours); its libraries go to
#                      OVERLAY's /lib
# The image has no /lib/modules otherwise: the scenario makes one for
# its own run only, so no other scenario sees a module autoloaded.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

[ $# = 3 ] || die "usage: $0 OVERLAY KERNEL GLOBS"
overlay=$1 kernel=$2 glob=$3

# Split the globs with globbing off, then expand each under tests/scenarios.
want=$(IFS=,; set -f
	for g in $glob; do
		set +f
		for f in "$PPP_TOP"/tests/scenarios/$g.sh; do
			[ "$(basename "$f")" != 05-autoload.sh ] || echo yes
		done
		set -f
	done)
[ -n "$want" ] || exit 0

kdir=$(ppp_kernel_kdir "$kernel") || exit 1
kver=$(cat "$(ppp_kernel_dir "$kernel")/kver")
out=$PPP_CACHE_DIR/dkms/$kver
mkdir -p "$PPP_CACHE_DIR/dkms"
if ! flock "$out.lock" "$PPP_TOP/scripts/dkms.sh" build "$kdir" "$kver" "$out" \
	> "$out.log" 2>&1; then
	tail -n 30 "$out.log" >&2
	die "DKMS's build for $kver failed (log: $out.log)"
fi

dst=$overlay/autoload
mkdir -p "$dst/updates" "$dst/sbin"
cp "$out"/*.ko* "$dst/updates/"
for m in "$dst/updates"/*.ko*; do
	n=$(basename "$m")
	echo "${n%%.ko*} $(modinfo -F srcversion "$m")"
done > "$dst/srcversions"
copy_with_libs "$overlay" "$(command -v kmod)" /autoload/sbin/kmod
for t in modprobe depmod lsmod modinfo rmmod; do
	ln -sf kmod "$dst/sbin/$t"
done
