#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# pppoe4.sh [DEBARCH]: fetches Debian 13's rp-pppoe 4.0 (package `pppoe`
# of the suite trixie; of DEBARCH, default the host's) into the cache,
# for the scenarios and the demo that run the access concentrator in kernel mode: Debian 12's pppoe-server 3.15
# was built without -k; 4.0's has it, and -g names the plugin it gives
# the pppd it starts (2.4.9's rp-pppoe.so or 2.5's pppoe.so).  setup.sh
# runs it; idempotent: a second run only looks at a stamp.
#
# Fetched through a private apt configuration that knows only trixie
# (trixie_apt_conf in lib.sh: the host's apt sources stay Debian 12's),
# with `apt-get download`, unpacked with `dpkg-deb -x`; nothing is
# installed.  Only pppoe-server goes into the test image: it needs
# GLIBC_2.34 at most, so it runs on Debian 12's libc in every lane (the
# package's pppoe and pppoe-relay need 2.38).
#
# Result, under $PPP_CACHE_DIR/pppoe4/ (another arch's: pppoe4-DEBARCH/,
# which initramfs-foreign.sh puts into that arch's images; its GLIBC
# versions and -k are checked without running it):
#   root/usr/sbin/pppoe-server     rp-pppoe 4.x, with -k and -g
#   version                        the package version, e.g. 4.0-1
set -euo pipefail
. "$(dirname "$0")/lib.sh"

host=$(dpkg --print-architecture)
deb=${1:-$host}
dir=$PPP_CACHE_DIR/pppoe4
[ "$deb" = "$host" ] || dir=$PPP_CACHE_DIR/pppoe4-$deb
stamp=$dir/done
srv=$dir/root/usr/sbin/pppoe-server

if [ -e "$stamp" ] && [ -x "$srv" ]; then
	echo "pppoe-server $(cat "$dir/version") (trixie, $deb) cached in $dir"
	exit 0
fi
TRIXIE_DEB=$deb trixie_download "$dir" pppoe
dpkg-deb -x "$dir"/deb/pppoe_*.deb "$dir/root" || die "dpkg-deb -x pppoe (trixie) failed"
ver=$(dpkg-deb -f "$dir"/deb/pppoe_*.deb Version)
if [ "$deb" = "$host" ]; then
	# It must run here, on Debian 12's libc, as it will in the VM, and
	# have kernel mode.
	usage=$("$srv" -h 2>&1 || true)
	case "$usage" in
	*"-k "*"kernel-mode"*) ;;
	*) die "pppoe-server $ver does not run here or has no -k: $(echo "$usage" | head -n 3)" ;;
	esac
else
	# Another arch's: Debian 12's libc (2.36) must do, and it must have
	# kernel mode (its usage text names it).
	glibc=$(readelf -V "$srv" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1)
	[ "$(printf '%s\n' "$glibc" GLIBC_2.36 | sort -V | tail -n1)" = GLIBC_2.36 ] ||
		die "pppoe-server $ver ($deb) needs $glibc, more than Debian 12's 2.36"
	grep -aq 'kernel-mode' "$srv" || die "pppoe-server $ver ($deb) has no -k"
fi
echo "$ver" > "$dir/version"
trixie_done "$dir"
touch "$stamp"
echo "pppoe-server $ver (trixie, $deb) unpacked into $dir/root"
