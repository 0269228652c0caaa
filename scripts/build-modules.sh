#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# build-modules.sh KDIR OUTDIR [make args...]
#
# Builds the kernel modules of this tree against KDIR in a private copy
# under OUTDIR, so builds for several kernels (and several people) never
# share object files.  Modules end up in OUTDIR/drivers/net/ppp/.
set -eu

[ $# -ge 2 ] || { echo "usage: $0 KDIR OUTDIR [make args...]" >&2; exit 1; }
kdir=$1 out=$2
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)

[ -d "$kdir" ] || { echo "$0: no kernel build tree at $kdir" >&2; exit 1; }
mkdir -p "$out"
# Copy only what Kbuild needs; keep existing objects for incremental builds.
for d in Kbuild compat include drivers tests/kunit; do
	[ -e "$top/$d" ] || continue
	mkdir -p "$out/$(dirname "$d")"
	cp -a --no-preserve=ownership -u "$top/$d" "$out/$(dirname "$d")/"
done
exec make -C "$kdir" M="$out" "$@" modules
