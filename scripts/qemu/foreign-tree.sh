# SPDX-License-Identifier: GPL-2.0
#
# foreign-tree.sh (sourced): files of an unpacked tree of another arch's
# Debian packages, put into an image tree with the loader and the
# shared libraries they need (readelf, resolved inside the unpacked
# tree, following its symlinks there).  The caller sets sys (the
# unpacked root), root (the image tree) and TRIPLET (tree_triplet).
# shellcheck disable=SC2154 # sys and root are the caller's

# tree_triplet SYS: the multiarch triplet of the tree's libc.
tree_triplet() {
	local t
	t=$(basename "$(dirname "$(ls -d "$1"/lib/*/libc.so.6 "$1"/usr/lib/*/libc.so.6 2>/dev/null | head -n1)")")
	[ -n "$t" ] && [ "$t" != . ] || die "no libc.so.6 in $1"
	echo "$t"
}

# in_sys PATH: PATH (absolute, in the target's view) with every symlink
# resolved inside the unpacked tree; prints the target-side path.
in_sys() {
	local p=$1 t n=0
	while [ -L "$sys$p" ] && [ $n -lt 20 ]; do
		t=$(readlink "$sys$p")
		case "$t" in
		/*) p=$t ;;
		*)  p=$(dirname "$p")/$t ;;
		esac
		n=$((n + 1))
	done
	# normalise a/../b without touching the host's file system
	realpath -m -s "$p"
}

# find_lib SONAME: the target-side path of SONAME in the tree.
find_lib() {
	local d
	for d in /lib/$TRIPLET /usr/lib/$TRIPLET /lib /usr/lib; do
		if [ -e "$sys$d/$1" ] || [ -L "$sys$d/$1" ]; then
			echo "$d/$1"
			return 0
		fi
	done
	return 1
}

# add FILE [DEST [SRC]]: the target's FILE (a path in its view; SRC, a
# host path, instead when given) at DEST in the image, with its loader
# and libraries from the tree, recursively.
declare -A have=()
add() {
	local f=$1 dest=${2:-$1} src=${3:-} so lib interp
	[ -z "${have[$dest]:-}" ] || return 0
	have[$dest]=1
	[ -n "$src" ] || src=$sys$(in_sys "$f")
	[ -f "$src" ] || die "$f is not in $sys"
	mkdir -p "$root$(dirname "$dest")"
	cp "$src" "$root$dest"
	interp=$(readelf -l "$src" 2>/dev/null |
		sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')
	[ -z "$interp" ] || add "$interp"
	for so in $(readelf -d "$src" 2>/dev/null |
		    sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		lib=$(find_lib "$so") || die "$f needs $so, which $sys does not have"
		add "$lib"
	done
}
