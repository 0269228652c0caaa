#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# initramfs-foreign.sh OUT.cpio.gz USERLAND
#
# The base image of initramfs.sh for another architecture: the same
# programs, taken from USERLAND/root, the tree of that arch's Debian
# packages (scripts/setup.sh), with the shared libraries each needs
# (readelf -d, resolved inside the tree, following its symlinks there)
# and the dynamic loader each names; Debian 13's rp-pppoe 4.0
# pppoe-server (kernel mode) as /usr/local/pppoe4/sbin/pppoe-server
# where setup cached it for the arch (scripts/pppoe4.sh DEBARCH).
# Rebuilt when the unpacked package list, that pppoe-server's version or
# this script changes.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/foreign-tree.sh"

[ $# = 2 ] || die "usage: $0 OUT.cpio.gz USERLAND"
out=$1 ul=$2 sys=$2/root
[ -e "$ul/done" ] || die "no userland in $ul: run 'make setup' with this arch in ARCHES"
p4=$PPP_CACHE_DIR/pppoe4-$(basename "$ul")
p4ver=
[ ! -e "$p4/done" ] || p4ver=$(cat "$p4/version")
key=$( { cat "$ul/packages"; ls -l --time-style=+%s "$ul/done"; echo "pppoe4=$p4ver"
	 cat "$0" "$(dirname "$0")/foreign-tree.sh" | sha256sum; } |
	sha256sum | cut -c1-16)
if [ -e "$out" ] && [ "$(cat "$out.key" 2>/dev/null)" = "$key" ]; then
	exit 0
fi
echo "initramfs: building the base image from $ul"

TRIPLET=$(tree_triplet "$sys")

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,lib,etc/ppp} \
	"$root"/{dev,proc,sys,tmp,run,var,root,mnt}

for b in /usr/sbin/pppd /usr/sbin/pppoe /usr/sbin/pppoe-server /usr/sbin/chat \
	 /usr/bin/iperf3 /usr/bin/socat /usr/sbin/nft /usr/sbin/conntrack \
	 /usr/bin/tcpdump /usr/bin/trace-cmd; do
	add "$b"
done
for p in "$sys"/usr/lib/pppd/*/*.so; do
	add "${p#"$sys"}"
done
add "$(in_sys /bin/ip)" /usr/bin/ip
# Debian 12's package puts it in /sbin (the host's merged /usr hides it)
add "$(in_sys /sbin/ethtool)" /usr/sbin/ethtool
# its libraries (libc) are those of Debian 12's tree
[ -z "$p4ver" ] || add /usr/local/pppoe4/sbin/pppoe-server "" \
	"$p4/root/usr/sbin/pppoe-server"
legacy=$(cd "$sys" && ls usr/lib/"$TRIPLET"/ossl-modules/legacy.so 2>/dev/null || true)
[ -z "$legacy" ] || add "/$legacy"

# the target's busybox-static and its applet links, the common files;
# packed.
initramfs_finish "$root" "$sys/bin/busybox" "$out" "$key"
