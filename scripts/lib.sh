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

# host_mirror: the URI of the host's Debian archive (not security), the
# same mirror the host already trusts; deb.debian.org if none is found.
host_mirror() {
	local uri
	uri=$(awk 'tolower($1) == "uris:" { u = $2 }
		   tolower($1) == "suites:" && u != "" && $0 !~ /security/ { print u; exit }
		   /^$/ { u = "" }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
	[ -n "$uri" ] || uri=$(awk '$1 == "deb" && $0 !~ /security/ {
			for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
			/etc/apt/sources.list 2>/dev/null || true)
	echo "${uri:-http://deb.debian.org/debian}"
}

# trixie_apt_conf DIR: a private apt configuration in DIR that sees only
# Debian 13 (trixie), from the host's mirror, with its own lists and
# cache; prints the path for APT_CONFIG.  The host's own apt sources are
# never touched: with trixie there, an upgrade would pull Debian 13 onto
# the machine.
trixie_apt_conf() {
	local a=$1
	mkdir -p "$a/sources.list.d" "$a/preferences.d" "$a/lists/partial" \
		"$a/cache/archives/partial"
	cat > "$a/sources.list" <<-EOT
	deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(host_mirror) trixie main
	EOT
	cat > "$a/apt.conf" <<-EOT
	Dir::Etc::SourceList "$a/sources.list";
	Dir::Etc::SourceParts "$a/sources.list.d";
	Dir::Etc::Preferences "$a/preferences";
	Dir::Etc::PreferencesParts "$a/preferences.d";
	Dir::State::Lists "$a/lists";
	Dir::Cache "$a/cache";
	APT::Architectures { "$(dpkg --print-architecture)"; };
	APT::Sandbox::User "root";
	Acquire::Languages "none";
	EOT
	echo "$a/apt.conf"
}
