#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# dkms.sh: the DKMS side of the modules (dkms.conf at the top of the tree).
#
#   dkms.sh source DIR        the DKMS source tree (what Kbuild needs,
#                             dkms.conf, VERSION) into DIR
#   dkms.sh install           DIR = /usr/src/pppstack-<version>, then
#                             dkms add + install for the running kernel
#                             (and, through AUTOINSTALL, every kernel
#                             installed later); `make dkms-install`
#   dkms.sh remove            dkms remove --all, and the source tree;
#                             `make dkms-remove`
#   dkms.sh deb OUTDIR        OUTDIR/pppstack-dkms_<version>_all.deb: the
#                             source tree in /usr/src, and maintainer
#                             scripts that have DKMS build and install it
#                             when the package is installed (dkms's own
#                             common.postinst, as dh_dkms packages do) and
#                             remove it with the package; `make deb`
#   dkms.sh build KDIR KVER OUTDIR
#                             DKMS's own build (dkms add, dkms build -k
#                             KVER --kernelsourcedir KDIR) in a private DKMS
#                             tree, nothing installed on the host; the
#                             modules it built are copied to OUTDIR (and
#                             kept there until the sources change)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NAME=pppstack
VERSION=$(cat "$PPP_TOP/VERSION")

# What Kbuild reads (as scripts/build-modules.sh copies it), plus the
# DKMS recipe.  tests/kunit and the codec's test vectors are built on a
# kernel with KUnit (the top-level Kbuild asks for them there).
SOURCES="Kbuild VERSION dkms.conf compat include drivers tests/kunit
tests/host/hdlc_vectors.h"

dkms_source() {	# dkms_source DIR
	local dir=$1 f
	mkdir -p "$dir"
	(cd "$PPP_TOP" && git ls-files $SOURCES 2>/dev/null ||
	 find $SOURCES -type f ! -name '*.o' ! -name '*.ko' ! -name '.*' \
		! -name '*.cmd' ! -name '*.mod*' ! -name '*.order' \
		! -name '*.symvers') |
	while IFS= read -r f; do
		mkdir -p "$dir/$(dirname "$f")"
		cp --no-preserve=all "$PPP_TOP/$f" "$dir/$f"
	done
}

dkms_install() {
	local dir=/usr/src/$NAME-$VERSION
	command -v dkms >/dev/null || die "no dkms: apt-get install dkms"
	dkms remove -m "$NAME" -v "$VERSION" --all >/dev/null 2>&1 || true
	rm -rf "$dir"
	dkms_source "$dir"
	dkms add -m "$NAME" -v "$VERSION"
	dkms install -m "$NAME" -v "$VERSION"
}

dkms_remove() {
	command -v dkms >/dev/null || die "no dkms: apt-get install dkms"
	dkms remove -m "$NAME" -v "$VERSION" --all || true
	rm -rf "/usr/src/$NAME-$VERSION"
}

dkms_deb() {	# dkms_deb OUTDIR
	local out=$1 root pkg=$NAME-dkms deb
	root=$(mktemp -d)
	# shellcheck disable=SC2064 # expand now: root is local
	trap "rm -rf '$root'" EXIT
	dkms_source "$root/usr/src/$NAME-$VERSION"
	mkdir -p "$root/DEBIAN" "$root/usr/share/doc/$pkg"
	cp "$PPP_TOP/README.md" "$root/usr/share/doc/$pkg/"
	cat > "$root/DEBIAN/control" <<EOF
Package: $pkg
Version: $VERSION
Architecture: all
Section: kernel
Priority: optional
Maintainer: pppstack <pppstack@localhost>
Depends: dkms (>= 2.1.0.0), make, gcc
Provides: $NAME-modules
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Description: out-of-tree, drop-in PPP stack (DKMS sources)
 ppp_generic (/dev/ppp, ppp%d interfaces) and ppp_async (the N_PPP
 line discipline), drop-ins for the kernel's modules of the same name.
 DKMS builds them for every installed kernel that has its headers and
 installs them under /lib/modules/<kver>/updates/dkms/, where modprobe
 prefers them to the kernel's own.
EOF
	cat > "$root/DEBIAN/postinst" <<EOF
#!/bin/sh
set -e
if [ "\$1" = configure ]; then
	/usr/lib/dkms/common.postinst $NAME $VERSION "" "" "\$2"
fi
EOF
	cat > "$root/DEBIAN/prerm" <<EOF
#!/bin/sh
set -e
case "\$1" in
remove|upgrade|deconfigure)
	dkms remove -m $NAME -v $VERSION --all || true ;;
esac
EOF
	chmod 755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm"
	mkdir -p "$out"
	deb=$out/${pkg}_${VERSION}_all.deb
	dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
	echo "$deb"
}

# dkms_build KDIR KVER OUTDIR: DKMS's build in a private tree, skipped
# when OUTDIR holds the build of the same sources for the same kernel.
dkms_build() {
	local kdir=$1 kver=$2 out=$3 tree m key
	command -v dkms >/dev/null || die "no dkms: apt-get install dkms"
	tree=$(mktemp -d)
	# shellcheck disable=SC2064 # expand now: tree is local
	trap "rm -rf '$tree'" EXIT
	dkms_source "$tree/src/$NAME-$VERSION"
	key=$( { echo "$kver $kdir"; dkms --version;
		 cd "$tree/src" && find . -type f | sort | xargs sha256sum; } |
		sha256sum | cut -c1-16)
	if [ "$(cat "$out/key" 2>/dev/null)" = "$key" ]; then
		echo "dkms.sh: $out: built by DKMS from these sources already"
		return 0
	fi
	mkdir -p "$tree/dkms" "$tree/install"
	set -- --dkmstree "$tree/dkms" --sourcetree "$tree/src" \
		--installtree "$tree/install" -m "$NAME" -v "$VERSION"
	dkms add "$@"
	# No signing: DKMS would make a key pair in /var/lib/dkms on the host
	# for it.  The kernels load unsigned modules (taint only).
	if ! sign_file=/nonexistent dkms build "$@" -k "$kver" \
		--kernelsourcedir "$kdir"; then
		cat "$tree/dkms/$NAME/$VERSION/build/make.log" >&2 || true
		die "dkms build -k $kver failed"
	fi
	rm -rf "$out"
	mkdir -p "$out"
	for m in "$tree/dkms/$NAME/$VERSION/$kver"/*/module/*.ko*; do
		[ -e "$m" ] || die "dkms built no module for $kver"
		cp "$m" "$out/"
	done
	cp "$tree/dkms/$NAME/$VERSION/$kver"/*/log/make.log "$out/" 2>/dev/null || true
	echo "$key" > "$out/key"
}

case "${1:-}" in
source)  [ $# = 2 ] || die "usage: $0 source DIR"; dkms_source "$2" ;;
install) dkms_install ;;
remove)  dkms_remove ;;
deb)     [ $# = 2 ] || die "usage: $0 deb OUTDIR"; dkms_deb "$2" ;;
build)   [ $# = 4 ] || die "usage: $0 build KDIR KVER OUTDIR"; dkms_build "$2" "$3" "$4" ;;
*)       sed -n '4,24s/^# \{0,1\}//p' "$0" >&2; exit 1 ;;
esac
