#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# initramfs.sh OUT.cpio.gz [ARCH]
#
# Builds the module-independent part of the test VM's root file system:
#   /bin/busybox + a link per applet     (the shell, coreutils, insmod, ...)
#   /usr/sbin/pppd + /usr/lib/pppd/*/    (Debian's real pppd, rp-pppoe.so)
#   /usr/sbin/chat                       (Debian's chat; ours, when it
#                                         builds, is /usr/local/bin/chat)
#   pppoe, pppoe-server, iperf3, socat
#   nft, conntrack                       (47-pppoe-flowtable)
#   tcpdump                              (the PPPoE demo's discovery capture)
#   /usr/local/pppoe4/sbin/pppoe-server  Debian 13's rp-pppoe 4.0, which has
#                                         kernel mode (-k, -g; scripts/pppoe4.sh)
#   ethtool                              (ethtool -S/-i on ppp units: 60-noise)
#   trace-cmd                            (the ppp trace events as Debian's
#                                         tools read them: 66-trace)
#   perf                                 (Debian's linux-perf: the same
#                                         events through perf_event_open,
#                                         66-trace; x86_64 only)
#   /usr/bin/ip                          (iproute2's: busybox's ip has no
#                                         netns - always call it by path)
#   /usr/local/pppd-2.5/sbin/pppd        Debian 13's pppd 2.5 (scripts/pppd25.sh),
#   /usr/lib/pppd/2.5.*/*.so              when cached, and its plugins; named
#                                         pppd so that killall and pidof find it
#   OpenSSL's legacy provider            pppd 2.5 loads it (MD4, DES: MS-CHAP)
#   every shared library these need (found with ldd)
#   /etc/ppp/options, empty              (Debian's says auth, crtscts, lock)
#
# ARCH (default x86_64, the host's) other than the host's: the same
# files, from that arch's Debian packages which setup.sh unpacked into
# userland/<debian arch>/root; shared libraries found by walking
# readelf -d inside that tree (the host's ldd cannot read them), plus
# the arch's dynamic loader.  pppd 2.5 is x86_64 only.
#
# Rebuilt only when an input changes (package versions or this script).
# run.sh appends a second, per-run archive with /init, the scenarios, the
# modules and the test programs.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

[ $# = 1 ] || [ $# = 2 ] || die "usage: $0 OUT.cpio.gz [ARCH]"
out=$1 arch=${2:-x86_64}
if [ "$arch" != x86_64 ]; then
	ppp_arch "$arch" || exit 1
	exec "$(dirname "$0")/initramfs-foreign.sh" "$out" "$PPP_CACHE_DIR/userland/$A_DEB"
fi
bins="/usr/sbin/pppd /usr/sbin/pppoe /usr/sbin/pppoe-server /usr/sbin/chat
/usr/bin/iperf3 /usr/bin/socat /usr/sbin/nft /usr/sbin/conntrack
/usr/bin/tcpdump /usr/sbin/ethtool /usr/bin/trace-cmd /usr/bin/perf"
plugins=$(ls /usr/lib/pppd/*/*.so) || die "no pppd plugins: is ppp installed?"

# pppd 2.5, when setup.sh has cached it (the lane needing it checks).
p25=$PPP_CACHE_DIR/pppd25
p25ver=
[ ! -e "$p25/done" ] || p25ver=$(cat "$p25/version")
# rp-pppoe 4.0's pppoe-server (setup.sh caches it; the scenarios check).
p4=$PPP_CACHE_DIR/pppoe4
p4ver=
[ ! -e "$p4/done" ] || p4ver=$(cat "$p4/version")
legacy=$(dpkg -L libssl3 2>/dev/null | grep '/ossl-modules/legacy\.so$' | head -n 1)

key=$( { dpkg-query -W busybox-static ppp pppoe iperf3 socat iproute2 libc6 libssl3 \
	nftables conntrack tcpdump ethtool trace-cmd linux-perf
	 echo "pppd25=$p25ver pppoe4=$p4ver"; sha256sum "$0"; } | sha256sum | cut -c1-16)
if [ -e "$out" ] && [ "$(cat "$out.key" 2>/dev/null)" = "$key" ]; then
	exit 0
fi
echo "initramfs: building the base image"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,lib,lib64,etc/ppp} \
	"$root"/{dev,proc,sys,tmp,run,var,root,mnt}

for b in $bins $plugins; do
	copy_with_libs "$root" "$b"
done
copy_with_libs "$root" "$(readlink -f /usr/sbin/ip)" /usr/bin/ip
if [ -n "$p25ver" ]; then
	copy_with_libs "$root" "$p25/root/usr/sbin/pppd" /usr/local/pppd-2.5/sbin/pppd
	mkdir -p "$root/usr/lib/pppd"
	cp -a "$p25/root/usr/lib/pppd/$p25ver" "$root/usr/lib/pppd/"
fi
if [ -n "$p4ver" ]; then
	copy_with_libs "$root" "$p4/root/usr/sbin/pppoe-server" \
		/usr/local/pppoe4/sbin/pppoe-server
fi
if [ -n "$legacy" ]; then
	mkdir -p "$root$(dirname "$legacy")"
	cp "$legacy" "$root$legacy"
fi

# busybox and its applet links, the common files; packed.
initramfs_finish "$root" /bin/busybox "$out" "$key"
