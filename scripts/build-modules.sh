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
# Copy only what Kbuild needs, and only the files whose contents differ
# from the copy's: the copy gets a new mtime, so make rebuilds what they
# feed and keeps the other objects.  (Comparing mtimes instead would mix
# trees: two checkouts, or a file restored from git with an older date,
# would leave a stale copy in place.)
# tests/host/hdlc_vectors.h: the codec's test tables, which the KUnit
# suites share with the host tests.
for d in Kbuild VERSION compat include drivers tests/kunit tests/host/hdlc_vectors.h; do
	[ -e "$top/$d" ] || continue
	# Not the products of an in-tree `make modules` either: its
	# modules.order names that tree's objects (modpost then fails on
	# them), and its format differs between kernels.
	(cd "$top" && find "$d" -type f ! -name '*.o' ! -name '*.ko' \
		! -name '*.cmd' ! -name '*.mod*' ! -name '.*' \
		! -name '*.order' ! -name '*.symvers' ! -name '*.a') |
	while IFS= read -r f; do
		cmp -s "$top/$f" "$out/$f" && continue
		mkdir -p "$out/$(dirname "$f")"
		cp --no-preserve=all "$top/$f" "$out/$f"
	done
done
exec make -C "$kdir" M="$out" "$@" modules
