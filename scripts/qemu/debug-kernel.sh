#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# debug-kernel.sh [--quiet] [--arch x86_64|armhf]
#
# Builds (or finds in the cache) a kernel for the KUnit lanes from
# Debian's linux-source-6.12: `make tinyconfig` + a fragment, compiled
# with ccache.
#   x86_64 (default): the debug kernel, scripts/qemu/debug.config
#     (KUnit, KASAN, lockdep, kmemleak, ...);
#   armhf: an ARMv7 kernel for qemu-system-arm -M virt, cross-compiled
#     (ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf-),
#     scripts/qemu/debug-armhf.config (KUnit, UBSAN with the alignment
#     check, the alignment fixup counters; no KASAN or lockdep).
# On success prints where everything is, as shell assignments:
#
#   DEBUG_KERNEL_DIR=...   the cache entry (all of the below live in it)
#   DEBUG_IMAGE=...        the kernel image (bzImage, zImage)
#   DEBUG_BZIMAGE=...      the same (the name from x86_64 days)
#   DEBUG_KBUILD=...       kbuild tree for M= builds (install-extmod-build)
#   DEBUG_MODS=...         in-tree modules we load (slhc.ko)
#   DEBUG_KUNIT_TOOL=...   tools/testing/kunit/kunit.py of that source
#   DEBUG_KVER=...         kernel release (armhf: 6.12.N-armhf)
#
# It also fills $PPP_CACHE_DIR/kernels/debug/ (armhf:
# kernels/armhf-debug/) in the layout scripts/lib.sh expects of a cached
# kernel (vmlinuz, kver, kdir, mods/): x86_64's QEMU scenarios run on it
# with `run.sh --kernel debug`, and ppp_build_modules builds against
# either.
#
# Cache: $PPP_CACHE_DIR/debug/ (armhf: debug-armhf/)
#   linux-source-6.12/   the extracted source, at a FIXED path and built
#                        in place: ccache only hits when the compiler
#                        sees the same paths as last time
#   ccache/              the compiler cache
#   k-<key>/             finished builds, key = hash of the tarball, the
#                        fragment, this recipe and the compiler version
# Cold: x86_64 ~11 min on 2 cores, armhf ~9 CPU-minutes (15-20 min on
# a loaded host); warm (entry exists): a hash of the tarball; new
# fragment with a warm ccache: ~1-2 min.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

quiet= arch=x86_64
while [ $# -gt 0 ]; do
	case "$1" in
	--quiet) quiet=1; shift ;;
	--arch) arch=${2:-}; shift 2 ;;
	*) die "unknown argument '$1' (see the header of $0)" ;;
	esac
done
log() { [ -n "$quiet" ] || echo "debug-kernel: $*" >&2; }

# Per arch: the cache directory, the fragment, the kernel's ARCH (and
# SRCARCH), the cross compiler prefix, the image make builds.
case "$arch" in
x86_64)	name=debug frag=debug.config karch=x86 cross= image=bzImage ;;
armhf)	name=debug-armhf frag=debug-armhf.config karch=arm
	cross=arm-linux-gnueabihf- image=zImage ;;
*)	die "no KUnit kernel for arch '$arch' (x86_64, armhf)" ;;
esac
frag=$PPP_TOP/scripts/qemu/$frag
tarball=${PPP_DEBUG_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
[ -e "$tarball" ] || die "$tarball missing: apt-get install linux-source-6.12 (scripts/deps/debug.txt)"
command -v ccache >/dev/null || die "ccache missing (scripts/deps/debug.txt)"
command -v "${cross}gcc" >/dev/null ||
	die "${cross}gcc missing (scripts/deps/cross.txt: make setup ARCHES=$arch)"

# Bump when the recipe below changes in a way that changes the output.
recipe=2
base=$PPP_CACHE_DIR/$name
src=$base/linux-source-6.12
mkdir -p "$base"

# Hashing 150 MB takes a second; remember it per size+mtime.
tstat=$(stat -c '%s %Y' "$tarball")
if [ "$(sed -n 1p "$base/tarball.sum" 2>/dev/null)" = "$tstat" ]; then
	tsum=$(sed -n 2p "$base/tarball.sum")
else
	tsum=$(sha256sum "$tarball" | cut -d' ' -f1)
	printf '%s\n%s\n' "$tstat" "$tsum" > "$base/tarball.sum"
fi
# (x86_64's key is the one it had before other arches came.)
key=$( { echo "recipe $recipe"; echo "$tsum"; cat "$frag"; "${cross}gcc" --version | head -n1
	 [ "$arch" = x86_64 ] || echo "arch $arch"; } | sha256sum | cut -c1-16)
out=$base/k-$key

publish() {
	# The run.sh layout for a cached kernel, pointing at this entry.
	local k
	k=$(ppp_kernel_dir debug "$arch")
	mkdir -p "$k/mods"
	ln -sfn "$out/$image" "$k/vmlinuz"
	cp "$out/kver" "$k/kver"
	echo "$out/build" > "$k/kdir"
	rm -f "$k"/mods/*.ko
	cp "$out"/mods/*.ko "$k/mods/"
	cat <<-EOF
	DEBUG_KERNEL_DIR=$out
	DEBUG_IMAGE=$out/$image
	DEBUG_BZIMAGE=$out/$image
	DEBUG_KBUILD=$out/build
	DEBUG_MODS=$out/mods
	DEBUG_KUNIT_TOOL=$out/tools/testing/kunit/kunit.py
	DEBUG_KVER=$(cat "$out/kver")
	EOF
}

if [ -e "$out/done" ]; then
	log "cached: $out"
	publish
	exit 0
fi

# One builder at a time per cache (two make runs in one tree corrupt it).
exec 9>"$base/lock"
flock 9

t0=$(date +%s)
# 1. Source at a fixed path; re-extract only when the tarball changed.
if [ "$(cat "$src/.ppp-tarball" 2>/dev/null)" != "$tsum" ]; then
	log "extracting $tarball -> $src"
	rm -rf "$src"
	tar -xJf "$tarball" -C "$base"
	echo "$tsum" > "$src/.ppp-tarball"
fi

# 2. Configure: tinyconfig + our fragment, then check it took.
export CCACHE_DIR=${CCACHE_DIR:-$base/ccache} CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
export CCACHE_BASEDIR=$src CCACHE_NOHASHDIR=1
# Fixed build identity: compile.h then does not change between builds.
export KBUILD_BUILD_TIMESTAMP='2024-01-01' KBUILD_BUILD_USER=ppp KBUILD_BUILD_HOST=pppstack
mk=(make -C "$src" -j"$(nproc)" CC="ccache ${cross}gcc")
[ -z "$cross" ] || mk+=(ARCH="$karch" CROSS_COMPILE="$cross")
"${mk[@]}" -s tinyconfig >/dev/null
(cd "$src" && env ${cross:+ARCH=$karch} ./scripts/kconfig/merge_config.sh -m -Q .config "$frag" >/dev/null)
"${mk[@]}" -s olddefconfig >/dev/null
bad=
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=n) sym=${line%%=*}
		grep -q "^$sym=" "$src/.config" && bad="$bad $line" ;;
	CONFIG_*=*) grep -qx "$line" "$src/.config" || bad="$bad $line" ;;
	esac
done < "$frag"
[ -z "$bad" ] || die "$(basename "$frag") did not apply (dependency missing?):$bad"

# 3. Build everything (M= builds need the full build's Module.symvers).
log "building in $src ($arch; log: $base/build.log)"
"${mk[@]}" all > "$base/build.log" 2>&1 || {
	tail -n 40 "$base/build.log" >&2
	die "kernel build failed (full log: $base/build.log)"
}

# 4. Export: image, kbuild tree, slhc.ko, the KUnit parser.
rm -rf "$out.tmp"
mkdir -p "$out.tmp/mods"
cp "$src/arch/$karch/boot/$image" "$out.tmp/$image"
cp "$src/.config" "$out.tmp/config"
cp "$src/include/config/kernel.release" "$out.tmp/kver"
cp "$src/drivers/net/slip/slhc.ko" "$out.tmp/mods/"
(cd "$src" && srctree=. SRCARCH=$karch CC=gcc HOSTCC=gcc MAKE=make \
	./scripts/package/install-extmod-build "$out.tmp/build")
# kunit.py finds its kernel tree from its own path: keep that layout.
mkdir -p "$out.tmp/tools/testing"
cp -a "$src/tools/testing/kunit" "$out.tmp/tools/testing/kunit"
rm -rf "$out"
mv "$out.tmp" "$out"
touch "$out/done"
# Older entries are dead weight (~100 MB each).
for d in "$base"/k-*; do
	[ "$d" = "$out" ] || rm -rf "$d"
done
log "built in $(( $(date +%s) - t0 )) s: $out"
publish
