#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# pppoe4.sh: fetches Debian 13's rp-pppoe 4.0 (package `pppoe` of the
# suite trixie) into the cache, for the scenarios and the demo that run
# the access concentrator in kernel mode: Debian 12's pppoe-server 3.15
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
# Result, under $PPP_CACHE_DIR/pppoe4/:
#   root/usr/sbin/pppoe-server     rp-pppoe 4.x, with -k and -g
#   version                        the package version, e.g. 4.0-1
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dir=$PPP_CACHE_DIR/pppoe4
stamp=$dir/done
srv=$dir/root/usr/sbin/pppoe-server

if [ -e "$stamp" ] && [ -x "$srv" ]; then
	echo "pppoe-server $(cat "$dir/version") (trixie) cached in $dir"
	exit 0
fi
trixie_download "$dir" pppoe
dpkg-deb -x "$dir"/deb/pppoe_*.deb "$dir/root" || die "dpkg-deb -x pppoe (trixie) failed"
ver=$(dpkg-deb -f "$dir"/deb/pppoe_*.deb Version)
# It must run here, on Debian 12's libc, as it will in the VM, and
# have kernel mode.
usage=$("$srv" -h 2>&1 || true)
case "$usage" in
*"-k "*"kernel-mode"*) ;;
*) die "pppoe-server $ver does not run here or has no -k: $(echo "$usage" | head -n 3)" ;;
esac
echo "$ver" > "$dir/version"
trixie_done "$dir"
touch "$stamp"
echo "pppoe-server $ver (trixie) unpacked into $dir/root"
