#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# pppd25.sh: fetches Debian 13's pppd 2.5 (package `ppp` of the suite
# trixie) into the cache, for the test images' pppd 2.5 lane.  setup.sh
# runs it; idempotent: a second run only looks at a stamp.
#
# A private apt configuration (trixie_apt_conf in lib.sh) knows only
# trixie, from the same mirror as the host's Debian entry, with its own
# lists and cache; `apt-get download` fetches the .debs and `dpkg-deb -x`
# unpacks them.
#
# pppd itself runs against Debian 12's libraries (it needs GLIBC_2.34 and
# the same sonames), but its plugins pppoe.so, pppol2tp.so, radius.so ...
# need GLIBC_2.38 (strlcpy, __isoc23_sscanf): Debian 12 has 2.36.  So
# trixie's libc6 comes too; the images of the pppd 2.5 lane run on it
# (scripts/qemu/run.sh --pppd 2.5), every other library stays Debian 12's.
#
# Result, under $PPP_CACHE_DIR/pppd25/:
#   root/usr/sbin/pppd                 pppd 2.5.x
#   root/usr/lib/pppd/<version>/*.so   its plugins (pppoe.so, not rp-pppoe.so)
#   libc/usr/lib/<triplet>/            trixie's libc6 (ld.so, libc.so.6, ...)
#   version                            the pppd version, e.g. 2.5.2
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dir=$PPP_CACHE_DIR/pppd25
stamp=$dir/done

if [ -e "$stamp" ] && [ -x "$dir/root/usr/sbin/pppd" ] && [ -d "$dir/libc" ]; then
	echo "pppd $(cat "$dir/version") (trixie) cached in $dir"
	exit 0
fi
trixie_download "$dir" ppp libc6
dpkg-deb -x "$dir"/deb/ppp_*.deb "$dir/root" || die "dpkg-deb -x ppp (trixie) failed"
dpkg-deb -x "$dir"/deb/libc6_*.deb "$dir/libc" || die "dpkg-deb -x libc6 (trixie) failed"
ver=$(ls "$dir/root/usr/lib/pppd" | head -n 1)
case "$ver" in
2.5*) ;;
*) die "unpacked ppp from trixie has plugins for '$ver', not 2.5.x" ;;
esac
[ -e "$dir/root/usr/lib/pppd/$ver/pppoe.so" ] || die "ppp $ver has no pppoe.so"
# pppd and its PPPoE plugin must load on trixie's libc and this
# machine's other libraries, as they will in the VM.
lib=$dir/libc/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)
ldso=$(ls "$lib"/ld-linux*.so.* | head -n 1)
run_trixie() { "$ldso" --library-path "$lib:/lib/$(basename "$lib")" "$@" 2>&1; }
run_trixie "$dir/root/usr/sbin/pppd" --version | grep -q "version $ver" ||
	die "pppd $ver does not run here: $(run_trixie "$dir/root/usr/sbin/pppd" --version | head -n 2)"
run_trixie --list "$dir/root/usr/lib/pppd/$ver/pppoe.so" > "$dir/pppoe.so.ldd" ||
	die "pppoe.so does not load on trixie's libc: $(cat "$dir/pppoe.so.ldd")"
echo "$ver" > "$dir/version"
trixie_done "$dir"
touch "$stamp"
echo "pppd $ver (trixie) unpacked into $dir/root"
