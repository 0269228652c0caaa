# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the host-side scripts (bash).  Source it; don't run it.

# shellcheck disable=SC2034 # for the scripts that source this file
PPP_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PPP_CACHE_DIR=${PPP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pppstack}
export PPP_CACHE_DIR

# An empty ARCH or CROSS_COMPILE in the environment (make's `export` of an
# unset variable does that) breaks kernel builds; unset means "the host".
[ -n "${ARCH-}" ] || unset ARCH
[ -n "${CROSS_COMPILE-}" ] || unset CROSS_COMPILE

# The kernels we test: alias -> the Debian meta package naming the exact
# image (and so the exact headers) of that alias.
# "debug" is not a Debian image: scripts/qemu/debug-kernel.sh builds it
# from linux-source-6.12 (KASAN, lockdep, kmemleak, KUnit; no PPP of its
# own, so only our modules run on it) and fills the same cache layout.
PPP_KERNEL_ALIASES="6.1 6.12"
ppp_kernel_meta() {
	case "$1" in
	6.1)   echo linux-image-amd64 ;;
	6.12)  echo linux-image-6.12-amd64 ;;
	debug) echo linux-source-6.12 ;;
	*)     echo "unknown kernel '$1' (want one of: $PPP_KERNEL_ALIASES debug)" >&2
	       return 1 ;;
	esac
}

# Everything cached for kernel alias $1: kver (the release string),
# kdir (its headers), vmlinux (the uncompressed image QEMU boots),
# vmlinuz (the original), mods/*.ko (in-tree modules, decompressed).
ppp_kernel_dir() {
	echo "$PPP_CACHE_DIR/kernels/$1"
}

# Stage timing: stage NAME; ...; stage_end
_stage_name= _stage_t0=
stage() {
	_stage_name=$1
	_stage_t0=$(date +%s)
	echo "==> $1"
}
stage_end() {
	echo "<== $_stage_name: $(( $(date +%s) - _stage_t0 )) s"
}

die() {
	echo "error: $*" >&2
	exit 1
}

# copy_with_libs ROOT FILE [DEST]: FILE (at DEST, default FILE) and the
# shared libraries ldd names, into the image tree ROOT.
copy_with_libs() {
	local root=$1 f=$2 dest=${3:-$2} lib
	mkdir -p "$root$(dirname "$dest")"
	cp -L "$f" "$root$dest"
	for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*'); do
		[ -e "$root$lib" ] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}
