#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# setup.sh: installs what building and testing need on Debian 12 and
# caches the test kernels.  Idempotent: a second run takes seconds.
#
#  - packages: every name listed in scripts/deps/*.txt (apt-get);
#  - for each kernel alias (6.1, 6.12): the exact image the Debian meta
#    package depends on is fetched with `apt-get download` and unpacked
#    with dpkg-deb into the cache (nothing goes to /boot); the matching
#    linux-headers package is installed (/usr/src/linux-headers-<kver>),
#    so image, headers and in-tree modules always agree;
#  - Debian 13's pppd 2.5 and libc6 for the test images' pppd 2.5 lane,
#    through a private apt configuration (scripts/pppd25.sh: the host's
#    apt sources stay Debian 12's);
#  - Debian 13's rp-pppoe 4.0 pppoe-server (kernel mode: -k, -g), the
#    same way (scripts/pppoe4.sh).
#
# Cache: ${PPP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pppstack}
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "setup needs root (apt-get, dpkg)"
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$PPP_CACHE_DIR"
t_start=$(date +%s)

# apt-get update once; again only after a day (new kernel ABIs appear).
stage "setup: apt-get update"
stamp=$PPP_CACHE_DIR/apt-updated
if [ ! -e "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440)" ]; then
	apt-get update -qq || die "apt-get update failed"
	touch "$stamp"
fi
stage_end

is_installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

stage "setup: packages from scripts/deps/*.txt"
pkgs=$(sed 's/#.*//' "$PPP_TOP"/scripts/deps/*.txt | tr -s ' \t' '\n' | sort -u)
missing=
for p in $pkgs; do
	is_installed "$p" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "installing:$missing"
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing ||
		die "apt-get install failed for:$missing"
fi
stage_end

stage "setup: pppd 2.5 (Debian 13) for the test images"
"$PPP_TOP/scripts/pppd25.sh" || die "fetching pppd 2.5 failed"
stage_end

stage "setup: rp-pppoe 4.0 (Debian 13) for the test images"
"$PPP_TOP/scripts/pppoe4.sh" || die "fetching rp-pppoe 4.0 failed"
stage_end

# In-tree modules the harness may load, as paths under kernel/.
INTREE_MODS="drivers/net/slip/slhc drivers/net/ppp/ppp_generic
drivers/net/ppp/ppp_async drivers/net/ppp/pppox drivers/net/ppp/pppoe
drivers/net/ppp/ppp_deflate drivers/net/ppp/bsd_comp drivers/net/veth"

# Netfilter modules for 47-pppoe-flowtable (nftables flowtable offload), in
# load order.  Cached apart from the kernel (nfmods/<kver>/), so that a
# kernel cached before this list existed needs no new fetch of its own.
NF_MODS="crypto/crc32c_generic lib/libcrc32c net/netfilter/nfnetlink
net/ipv4/netfilter/nf_defrag_ipv4 net/ipv6/netfilter/nf_defrag_ipv6
net/netfilter/nf_conntrack net/netfilter/nf_tables net/netfilter/nft_ct
net/netfilter/nf_flow_table net/netfilter/nf_flow_table_inet
net/netfilter/nft_flow_offload net/netfilter/nf_conntrack_netlink"

# The in-tree ppp_synctty (N_SYNC_PPP), against which ours is run, and
# n_hdlc (N_HDLC), which rp-pppoe's `pppoe -s` puts on its end of the
# pty: cached apart from the kernel (syncmods/<kver>/) like the
# netfilter modules.
SYNC_MODS="drivers/net/ppp/ppp_synctty drivers/tty/n_hdlc"

# deb_unpack PKG DIR: Debian's package PKG fetched into DIR/deb and
# unpacked into DIR/root (nothing is installed); the caller removes both.
deb_unpack() {
	mkdir -p "$2/deb"
	(cd "$2/deb" && apt-get download -qq -o APT::Sandbox::User=root "$1") ||
		die "apt-get download $1 failed"
	dpkg-deb -x "$2"/deb/*.deb "$2/root" || die "dpkg-deb -x $1 failed"
}

# unpack_mods ROOT KVER OUT LIST: the modules LIST (paths under kernel/,
# no suffix) of the unpacked image ROOT, decompressed into OUT.
unpack_mods() {
	local root=$1 kver=$2 out=$3 m f
	for m in $4; do
		f=$(ls "$root/lib/modules/$kver/kernel/$m".ko* 2>/dev/null | head -n1)
		[ -n "$f" ] || { echo "note: $m is not a module in $kver"; continue; }
		case "$f" in
		*.xz)  xz -dc "$f" ;;
		*.zst) zstd -qdc "$f" ;;
		*)     cat "$f" ;;
		esac > "$out/$(basename "$m").ko" ||
			die "cannot decompress $f"
	done
}

# nf_mods IMAGE KVER [ROOT]: NF_MODS of package IMAGE into nfmods/KVER/,
# from ROOT if the image is unpacked there already, else fetched for it.
nf_mods() {
	local nf=$PPP_CACHE_DIR/nfmods/$2 root=${3:-}
	[ ! -e "$nf/done" ] || return 0
	rm -rf "$nf"
	mkdir -p "$nf/mods"
	if [ -z "$root" ]; then
		echo "fetching $1 for its netfilter modules"
		deb_unpack "$1" "$nf"
		root=$nf/root
	fi
	unpack_mods "$root" "$2" "$nf/mods" "$NF_MODS"
	echo "$NF_MODS" | tr -s ' \n' '\n' | xargs -n1 basename > "$nf/order"
	rm -rf "$nf/root" "$nf/deb"
	touch "$nf/done"
}

# sync_mods IMAGE KVER [ROOT]: SYNC_MODS of package IMAGE into
# syncmods/KVER/, from ROOT if the image is unpacked there already.
sync_mods() {
	local sm=$PPP_CACHE_DIR/syncmods/$2 root=${3:-}
	[ ! -e "$sm/done" ] || return 0
	rm -rf "$sm"
	mkdir -p "$sm/mods"
	if [ -z "$root" ]; then
		echo "fetching $1 for its ppp_synctty and n_hdlc"
		deb_unpack "$1" "$sm"
		root=$sm/root
	fi
	unpack_mods "$root" "$2" "$sm/mods" "$SYNC_MODS"
	rm -rf "$sm/root" "$sm/deb"
	touch "$sm/done"
}

# extract_vmlinux BZIMAGE OUT: the uncompressed ELF kernel inside a
# bzImage.  QEMU boots it directly (PVH entry), skipping the in-guest
# decompressor, which is slow under TCG.
extract_vmlinux() {
	local img=$1 out=$2 magic tool off
	for magic in '\xfd7zXZ\x00:xz' '\x28\xb5\x2f\xfd:zstd' '\x1f\x8b\x08:gzip'; do
		tool=${magic##*:}
		for off in $(LC_ALL=C grep -obUaP "${magic%:*}" "$img" | cut -d: -f1); do
			tail -c +$((off + 1)) "$img" | $tool -dc 2>/dev/null > "$out" || true
			if [ "$(head -c 4 "$out" | od -An -tx1 | tr -d ' ')" = 7f454c46 ]; then
				return 0
			fi
		done
	done
	rm -f "$out"
	return 1
}

for alias in $PPP_KERNEL_ALIASES; do
	stage "setup: kernel $alias"
	kdir=$(ppp_kernel_dir "$alias")
	meta=$(ppp_kernel_meta "$alias")
	image=$(apt-cache depends "$meta" 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[^ ]*\).*/\1/p' | head -n1)
	[ -n "$image" ] || die "cannot resolve the image package behind $meta (apt-cache depends $meta)"
	kver=${image#linux-image-}
	if [ ! -e "$kdir/$kver.done" ]; then
		echo "fetching $image"
		rm -rf "$kdir"
		mkdir -p "$kdir/mods"
		deb_unpack "$image" "$kdir"
		cp "$kdir/root/boot/vmlinuz-$kver" "$kdir/vmlinuz"
		unpack_mods "$kdir/root" "$kver" "$kdir/mods" "$INTREE_MODS"
		nf_mods "$image" "$kver" "$kdir/root"
		sync_mods "$image" "$kver" "$kdir/root"
		rm -rf "$kdir/root" "$kdir/deb"
		echo "$kver" > "$kdir/kver"
		touch "$kdir/$kver.done"
	fi
	if [ ! -e "$kdir/vmlinux" ] && [ ! -e "$kdir/no-vmlinux" ]; then
		extract_vmlinux "$kdir/vmlinuz" "$kdir/vmlinux" || {
			echo "note: no vmlinux found inside $kver's bzImage; booting the bzImage"
			touch "$kdir/no-vmlinux"
		}
	fi
	hdr=linux-headers-$kver
	if ! is_installed "$hdr"; then
		apt-get install -y -qq --no-install-recommends "$hdr" ||
			die "apt-get install $hdr failed"
	fi
	echo "/usr/src/$hdr" > "$kdir/kdir"
	nf_mods "$image" "$kver"
	sync_mods "$image" "$kver"
	echo "kernel $alias = $kver (headers /usr/src/$hdr)"
	stage_end
done
echo "setup: done in $(( $(date +%s) - t_start )) s"
