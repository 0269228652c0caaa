#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# setup.sh: installs what building and testing need on Debian 12 and
# caches the test kernels.  Idempotent: a second run takes seconds.
#
#  - packages: every name listed in scripts/deps/*.txt (apt-get): build
#    tools, cross compilers, QEMU;
#  - for each arch in ARCHES (default: x86_64 arm64 armhf; "all" adds
#    armhf-lpae and mips64el) and each kernel alias (6.1, 6.12; mips64el
#    6.1 only): the exact image the Debian meta package depends on, its
#    linux-headers, their -common part and the amd64 linux-kbuild are
#    fetched with `apt-get download` and unpacked with dpkg-deb into the
#    cache.  Nothing of it is installed: no kernel lands in /boot, no
#    initramfs is generated, dpkg's package list stays as it was.  The
#    unpacked headers are made self-contained (their scripts/ and tools/
#    links and the -common include point inside the cache), so image,
#    headers and in-tree modules always agree;
#  - for each foreign arch: Debian 12's userspace for its test images
#    (pppd, rp-pppoe, iperf3, socat, iproute2, busybox ... and the
#    libraries they need), unpacked into userland/<debian arch>/, through
#    a private apt configuration per arch (the host's sources, its own
#    lists: `dpkg --add-architecture` is not needed);
#  - Debian 13's pppd 2.5 and libc6 for the test images' pppd 2.5 lane,
#    through a private apt configuration (scripts/pppd25.sh: the host's
#    apt sources stay Debian 12's);
#  - Debian 13's rp-pppoe 4.0 pppoe-server (kernel mode: -k, -g), the
#    same way (scripts/pppoe4.sh), for x86_64 and for each foreign arch
#    Debian 13 has (PPP_TRIXIE_DEBS: not mips64el).
#
# `make setup-clean` (scripts/setup.sh --clean) removes all of it from
# the cache again, `make distclean` (--clean-all) the whole cache with
# the debug kernel's build; the packages of scripts/deps/*.txt stay
# installed.
#
# Cache: ${PPP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pppstack}
set -euo pipefail
. "$(dirname "$0")/lib.sh"

case "${1:-}" in
--clean)
	# What setup put into the cache, and what the runs made of it
	# (builds, test programs, images, logs); the debug kernel's build
	# (make check, make kunit) stays.
	shopt -s nullglob
	for d in "$PPP_CACHE_DIR"/{kernels,headers,nfmods,syncmods,userland,apt,pppd25,pppoe4,build,progs,perf} \
		 "$PPP_CACHE_DIR"/{progs-*,pppoe4-*,runs,check,initramfs-base*,apt-updated,kvm-verdict} \
		 "$PPP_CACHE_DIR"/*.lock; do
		echo "removing $d"
		rm -rf "$d"
	done
	exit 0 ;;
--clean-all)
	# The whole cache, the debug kernel's build too.
	case "$(cd "$PPP_CACHE_DIR" 2>/dev/null && pwd -P)" in
	""|/|"$HOME") die "not removing '$PPP_CACHE_DIR'" ;;
	esac
	echo "removing $PPP_CACHE_DIR"
	rm -rf "$PPP_CACHE_DIR"
	exit 0 ;;
esac
[ "$(id -u)" = 0 ] || die "setup needs root (apt-get, dpkg)"
arches_given=${ARCHES:-}
ARCHES=$(ppp_arches "${ARCHES:-}") || exit 1
# Without ARCHES, the other arches' kernels are those make check's
# default lanes boot (ARCH_LANES, if given, names them instead).
lanes=
[ -n "$arches_given" ] || lanes=${ARCH_LANES:-$PPP_ARCH_LANES_DEFAULT}
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$PPP_CACHE_DIR"
t_start=$(date +%s)

# host_kernels: the host's installed kernel images and /boot's files.
# Setup must leave both as they were: it is checked at its end.
host_kernels() {
	dpkg-query -W -f='${Package} ${Version} ${db:Status-Abbrev}\n' 'linux-image*' \
		2>/dev/null | awk '$3 ~ /^i/' || true
	ls -l --time-style=+%s /boot 2>/dev/null || true
}
kernels_before=$(host_kernels)
# The package lists whose update failed (Debian arch names).
stale_lists=

# apt-get update once; again only after a day (new kernel ABIs appear).
stage "setup: apt-get update"
# lists_ok DIR: DIR holds at least one Packages index (an older one is
# good enough to go on with).
lists_ok() {
	compgen -G "$1/*Packages*" >/dev/null
}
# A foreign arch's lists are fetched on its first use, then daily.
for a in $ARCHES; do
	[ "$a" != x86_64 ] || continue
	ppp_arch "$a"
	lists_ok "$PPP_CACHE_DIR/apt/$A_DEB/lists" || rm -f "$PPP_CACHE_DIR/apt-updated"
done
stamp=$PPP_CACHE_DIR/apt-updated
if [ ! -e "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440)" ]; then
	# A failed daily refresh falls back to the lists there are, with a
	# warning, and is tried again on the next run; with no lists at all
	# it stops setup.
	if ! apt_update; then
		lists_ok /var/lib/apt/lists || die "apt-get update failed"
		warn "apt-get update failed: going on with the package lists there are"
		stale_lists+=" amd64"
	fi
	for a in $ARCHES; do
		[ "$a" != x86_64 ] || continue
		ppp_arch "$a"
		conf=$(ppp_apt_conf "$A_DEB")
		if ! APT_CONFIG=$conf apt_update; then
			lists_ok "$PPP_CACHE_DIR/apt/$A_DEB/lists" ||
				die "apt-get update ($A_DEB, private configuration) failed"
			warn "apt-get update ($A_DEB) failed: going on with the package lists there are"
			stale_lists+=" $A_DEB"
		fi
	done
	[ -n "$stale_lists" ] || touch "$stamp"
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

# In-tree modules the harness may load, as paths under kernel/.  A
# kernel's cache entry records this list; when the list changes, the
# next setup fetches the entry again.  zlib_deflate is built in on most
# of Debian's kernels; armhf 6.12 has it as a module, which ppp_deflate
# needs.
INTREE_MODS="drivers/net/slip/slhc drivers/net/ppp/ppp_generic
drivers/net/ppp/ppp_async drivers/net/ppp/pppox drivers/net/ppp/pppoe
drivers/net/ppp/ppp_deflate drivers/net/ppp/bsd_comp drivers/net/veth
lib/zlib_deflate/zlib_deflate"

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

# unpack_mods ROOT KVER OUT LIST: the modules LIST (paths under kernel/,
# no suffix) of the unpacked image ROOT, decompressed into OUT.
unpack_mods() {
	local root=$1 kver=$2 out=$3 m f
	for m in $4; do
		f=$(ls "$root/lib/modules/$kver/kernel/$m".ko* 2>/dev/null | head -n1) || true
		[ -n "$f" ] || { echo "note: $m is not a module in $kver"; continue; }
		case "$f" in
		*.xz)  xz -dc "$f" ;;
		*.zst) zstd -qdc "$f" ;;
		*)     cat "$f" ;;
		esac > "$out/$(basename "$m").ko" ||
			die "cannot decompress $f"
	done
}

# image_mods IMAGE KVER [ROOT]: the modules of package IMAGE kept apart
# from the kernel's cache entry: NF_MODS into nfmods/KVER/ (with their
# load order) and SYNC_MODS into syncmods/KVER/.  From ROOT if the image
# is unpacked there already, else fetched once for both.
image_mods() {
	local nf=$PPP_CACHE_DIR/nfmods/$2 sm=$PPP_CACHE_DIR/syncmods/$2
	local root=${3:-} tmp=
	[ ! -e "$nf/done" ] || [ ! -e "$sm/done" ] || return 0
	if [ -z "$root" ]; then
		echo "fetching $1 for its netfilter, ppp_synctty and n_hdlc modules"
		tmp=$PPP_CACHE_DIR/image-mods
		rm -rf "$tmp"
		deb_unpack "$1" "$tmp"
		root=$tmp/root
	fi
	if [ ! -e "$nf/done" ]; then
		rm -rf "$nf"
		mkdir -p "$nf/mods"
		unpack_mods "$root" "$2" "$nf/mods" "$NF_MODS"
		echo "$NF_MODS" | tr -s ' \n' '\n' | xargs -n1 basename > "$nf/order"
		touch "$nf/done"
	fi
	if [ ! -e "$sm/done" ]; then
		rm -rf "$sm"
		mkdir -p "$sm/mods"
		unpack_mods "$root" "$2" "$sm/mods" "$SYNC_MODS"
		touch "$sm/done"
	fi
	[ -z "$tmp" ] || rm -rf "$tmp"
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

# headers_unpack KVER: linux-headers-KVER, its -common part and the
# host's (amd64) linux-kbuild they name, unpacked into headers/KVER/
# (the kdir file there names the build tree).  The amd64 kbuild's
# fixdep, modpost and friends build modules for every target arch.
# Debian's trees point scripts/ and tools/ at /usr/lib/linux-kbuild-*
# and include the -common Makefile by absolute path: both are
# redirected into the unpacked tree.
headers_unpack() {
	local kver=$1 h=$PPP_CACHE_DIR/headers/$1 deps common kbuild src l
	[ ! -e "$h/done" ] || return 0
	rm -rf "$h"
	mkdir -p "$h"
	deps=$(apt-cache depends "linux-headers-$kver" 2>/dev/null |
		sed -n 's/^ *|\{0,1\}Depends: \(linux-[^ ]*\).*/\1/p')
	common=$(echo "$deps" | grep -m1 '^linux-headers-.*-common') ||
		die "cannot resolve the -common headers of linux-headers-$kver"
	kbuild=$(echo "$deps" | grep -m1 '^linux-kbuild-') ||
		die "cannot resolve the linux-kbuild of linux-headers-$kver"
	echo "fetching linux-headers-$kver, $common, $kbuild (amd64)"
	deb_unpack "linux-headers-$kver" "$h" "$common"
	(unset APT_CONFIG; deb_unpack "$kbuild" "$h")
	rm -rf "$h/deb"
	src=$h/root/usr/src
	[ -d "$src/linux-headers-$kver" ] || die "linux-headers-$kver has no /usr/src/linux-headers-$kver"
	for d in "$src/linux-headers-$kver" "$src/${common#linux-headers-}" \
		 "$src/$common"; do
		[ -d "$d" ] || continue
		for l in scripts tools; do
			[ -L "$d/$l" ] || continue
			ln -sfn "../../lib/$kbuild/$l" "$d/$l"
			[ -e "$d/$l/" ] || die "$d/$l: no $l in $kbuild"
		done
	done
	sed -i "s|^include /usr/src/|include $src/|" "$src/linux-headers-$kver/Makefile"
	echo "$src/linux-headers-$kver" > "$h/kdir"
	touch "$h/done"
}

# setup_kernel ALIAS ARCH: the image, in-tree modules and headers of
# kernel ALIAS for ARCH in the cache.
setup_kernel() {
	local alias=$1 arch=$2 kdir meta image kver boot
	kdir=$(ppp_kernel_dir "$alias" "$arch")
	meta=$(ppp_kernel_meta "$alias" "$arch") || exit 1
	if ! image=$(ppp_kernel_image "$meta" "$arch"); then
		ppp_arch "$arch"
		case " $stale_lists " in
		*" $A_DEB "*)
			die "kernel $alias ($arch): the update of the $A_DEB package lists failed above, so they are old or incomplete; run make setup again when Debian's mirror answers" ;;
		esac
		die "kernel $alias ($arch): Debian 12's package lists have no $meta"
	fi
	kver=${image#linux-image-}
	if [ "$(cat "$kdir/$kver.done" 2>/dev/null)" != "$INTREE_MODS" ]; then
		echo "fetching $image"
		rm -rf "$kdir"
		mkdir -p "$kdir/mods"
		deb_unpack "$image" "$kdir"
		# x86, arm: vmlinuz-*; mips: an ELF vmlinux-*
		boot=$kdir/root/boot/vmlinuz-$kver
		[ -e "$boot" ] || boot=$kdir/root/boot/vmlinux-$kver
		[ -e "$boot" ] || die "$image has no /boot/vmlinu[xz]-$kver"
		cp "$boot" "$kdir/vmlinuz"
		cp "$kdir/root/boot/config-$kver" "$kdir/config" 2>/dev/null || true
		unpack_mods "$kdir/root" "$kver" "$kdir/mods" "$INTREE_MODS"
		image_mods "$image" "$kver" "$kdir/root"
		rm -rf "$kdir/root" "$kdir/deb"
		echo "$kver" > "$kdir/kver"
		echo "$INTREE_MODS" > "$kdir/$kver.done"
	fi
	if [ "$arch" = x86_64 ] && [ ! -e "$kdir/vmlinux" ] && [ ! -e "$kdir/no-vmlinux" ]; then
		extract_vmlinux "$kdir/vmlinuz" "$kdir/vmlinux" || {
			echo "note: no vmlinux found inside $kver's bzImage; booting the bzImage"
			touch "$kdir/no-vmlinux"
		}
	fi
	headers_unpack "$kver"
	image_mods "$image" "$kver"
	echo "kernel $alias ($arch) = $kver (headers $(cat "$PPP_CACHE_DIR/headers/$kver/kdir"))"
}

# What the foreign test images run: Debian 12's packages for that arch,
# unpacked (scripts/qemu/initramfs.sh picks the files).  A library one
# of them needs and no unpacked package has is looked up by its soname
# among the host's installed packages (the same package names on every
# arch), fetched and unpacked, until nothing is missing.
USERLAND_PKGS="busybox-static ppp pppoe iperf3 socat iproute2 nftables
conntrack ethtool tcpdump trace-cmd libc6 libssl3"

# elf_needs ROOT: the sonames the ELF files under ROOT need and ROOT
# does not have.
elf_needs() {
	local root=$1
	find "$root" -type f \( -perm -u+x -o -name '*.so*' \) -print0 |
	xargs -0 -r readelf -d 2>/dev/null |
		sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u |
	while read -r so; do
		[ -n "$(find "$root/lib" "$root/usr/lib" -name "$so" 2>/dev/null | head -n1)" ] ||
			echo "$so"
	done
}

userland_unpack() {	# userland_unpack DEBARCH
	local u=$PPP_CACHE_DIR/userland/$1 todo so p
	# done holds the package list it was made from: a new list remakes it
	[ "$(cat "$u/done" 2>/dev/null)" != "$(echo $USERLAND_PKGS)" ] || return 0
	rm -rf "$u"
	mkdir -p "$u"
	todo=$USERLAND_PKGS
	for _ in 1 2 3 4 5 6 7 8; do
		echo "fetching ($1):$todo"
		# shellcheck disable=SC2086
		deb_unpack "" "$u" $todo
		# shellcheck disable=SC2086 # one package a line
		printf '%s\n' $todo >> "$u/packages"
		todo=
		for so in $(elf_needs "$u/root"); do
			p=$(dpkg -S "*/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/$so" 2>/dev/null |
				head -n1 | cut -d: -f1 | cut -d, -f1)
			[ -n "$p" ] || die "$1 userland: no host package has $so, to fetch for $1"
			grep -qx "$p" "$u/packages" 2>/dev/null ||
				case " $todo " in *" $p "*) ;; *) todo="$todo $p" ;; esac
		done
		[ -n "$todo" ] || break
	done
	[ -z "$todo" ] || die "$1 userland: libraries still missing after 8 rounds:$todo"
	rm -rf "$u/deb"
	echo $USERLAND_PKGS > "$u/done"
}

for arch in $ARCHES; do
	if [ "$arch" = x86_64 ]; then
		unset APT_CONFIG
	else
		ppp_arch "$arch"
		APT_CONFIG=$(ppp_apt_conf "$A_DEB")
		export APT_CONFIG
	fi
	ppp_arch "$arch"
	kernels=$A_KERNELS
	if [ -n "$lanes" ] && [ "$arch" != x86_64 ]; then
		kernels=$(echo "$lanes" | tr ' ' '\n' | awk -F/ -v a="$arch" '$1 == a { print $2 }' | sort -u)
		[ -n "$kernels" ] || continue
	fi
	for alias in $kernels; do
		stage "setup: kernel $alias ($arch)"
		setup_kernel "$alias" "$arch"
		stage_end
	done
	if [ "$arch" != x86_64 ]; then
		stage "setup: $arch userland ($A_DEB)"
		userland_unpack "$A_DEB"
		stage_end
		case " $PPP_TRIXIE_DEBS " in
		*" $A_DEB "*)
			stage "setup: rp-pppoe 4.0 (Debian 13, $A_DEB) for the test images"
			"$PPP_TOP/scripts/pppoe4.sh" "$A_DEB" ||
				die "fetching rp-pppoe 4.0 ($A_DEB) failed"
			stage_end ;;
		esac
	fi
done
unset APT_CONFIG
if [ "$(host_kernels)" != "$kernels_before" ]; then
	diff <(echo "$kernels_before") <(host_kernels) >&2 || true
	die "setup changed the host's installed kernels or /boot (see the diff above)"
fi
echo "setup: the host's kernel images and /boot are as before"
echo "setup: done in $(( $(date +%s) - t_start )) s"
