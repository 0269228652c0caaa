#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check.sh: the DKMS packaging, on the host, installing nothing.
#
#   1. dkms.conf, sourced as DKMS sources it: PACKAGE_VERSION is VERSION,
#      BUILT_MODULE_NAME[] the obj-m modules of drivers/net/ppp/Kbuild,
#      every DEST_MODULE_LOCATION under /updates, AUTOINSTALL=yes;
#   2. for each kernel in DKMS_KERNELS (default: the stock kernels of
#      KERNELS, as make check passes it, else "6.1 6.12"): DKMS's own
#      build (scripts/dkms.sh build: dkms add + dkms build -k <kver>
#      --kernelsourcedir <the cached headers>, in a private DKMS tree),
#      then for every module: built, vermagic of that kernel, and the
#      same srcversion as the harness's build of the same sources
#      (scripts/build-modules.sh).  The modules stay in
#      $PPP_CACHE_DIR/dkms/<kver>/, where 05-autoload takes them from;
#   3. `make deb`: the package holds the sources and dkms.conf in
#      /usr/src/pppstack-<version>/ and its postinst has DKMS build them.
#
# One line per check, "N passed, M failed" last.
set -uo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

if [ -z "${DKMS_KERNELS+set}" ]; then
	DKMS_KERNELS=
	for k in ${KERNELS:-6.1 6.12}; do
		[ "$k" = debug ] || DKMS_KERNELS+=" $k"
	done
fi
ok() { ppp_check dkms "$@"; }	# ok NAME STATUS [WHY]

version=$(cat "$PPP_TOP/VERSION")
kbuild_mods=$(sed -n 's/^obj-m[[:space:]]*+=//p' "$PPP_TOP/drivers/net/ppp/Kbuild" |
	tr ' \t' '\n\n' | sed -n 's/\.o$//p' | sort | tr '\n' ' ')

# 1. dkms.conf, in a subshell that sources it as DKMS does.
conf=$(cd / && bash -c '. "$1"
	echo "name=$PACKAGE_NAME"
	echo "version=$PACKAGE_VERSION"
	echo "autoinstall=$AUTOINSTALL"
	echo "mods=$(printf "%s\n" "${BUILT_MODULE_NAME[@]}" | sort | tr "\n" " ")"
	echo "n=${#BUILT_MODULE_NAME[@]} ${#BUILT_MODULE_LOCATION[@]} ${#DEST_MODULE_LOCATION[@]}"
	for d in "${DEST_MODULE_LOCATION[@]}"; do
		case "$d" in /updates/*|/updates) ;; *) echo "dest=bad:$d" ;; esac
	done' sh "$PPP_TOP/dkms.conf")
get() { echo "$conf" | sed -n "s/^$1=//p"; }
[ "$(get name)" = pppstack ]
ok conf/name $? "PACKAGE_NAME is '$(get name)'"
[ "$(get version)" = "$version" ]
ok conf/version $? "PACKAGE_VERSION '$(get version)', VERSION says '$version'"
[ "$(get autoinstall)" = yes ]
ok conf/autoinstall $? "AUTOINSTALL is '$(get autoinstall)'"
[ -n "$kbuild_mods" ] && [ "$(get mods)" = "$kbuild_mods" ]
ok conf/modules $? "BUILT_MODULE_NAME '$(get mods)', Kbuild's obj-m '$kbuild_mods'"
n=$(get n)
[ "${n%% *}" -gt 0 ] && [ "$n" = "${n%% *} ${n%% *} ${n%% *}" ]
ok conf/arrays $? "BUILT_MODULE_NAME, _LOCATION, DEST_MODULE_LOCATION counts: $n"
[ -z "$(get dest)" ]
ok conf/dest-updates $? "DEST_MODULE_LOCATION not under /updates: $(get dest)"

# 2. DKMS's build per kernel.
for k in $DKMS_KERNELS; do
	# the headers' build tree, as the harness builds against it
	if ! kdir=$(ppp_kernel_kdir "$k" 2>&1); then
		ok "$k/build" 1 "$kdir"
		continue
	fi
	kver=$(cat "$(ppp_kernel_dir "$k")/kver")
	out=$PPP_CACHE_DIR/dkms/$kver
	log=$PPP_CACHE_DIR/dkms/$kver.log
	mkdir -p "$PPP_CACHE_DIR/dkms"
	flock "$out.lock" "$PPP_TOP/scripts/dkms.sh" build "$kdir" "$kver" "$out" \
		> "$log" 2>&1
	ok "$k/build" $? "dkms build -k $kver failed (log: $log)" || continue
	ref=$PPP_CACHE_DIR/build/$kver
	mkdir -p "$ref"
	flock "$ref.lock" "$PPP_TOP/scripts/build-modules.sh" "$kdir" "$ref" \
		> "$log.ref" 2>&1
	ok "$k/harness-build" $? "scripts/build-modules.sh failed (log: $log.ref)"
	for m in $kbuild_mods; do
		ko=$(ls "$out/$m".ko* 2>/dev/null | head -n 1)
		[ -n "$ko" ]
		ok "$k/$m/built" $? "DKMS built no $m.ko" || continue
		vm=$(modinfo -F vermagic "$ko" | cut -d' ' -f1)
		[ "$vm" = "$kver" ]
		ok "$k/$m/vermagic" $? "vermagic '$vm', kernel '$kver'"
		sv=$(modinfo -F srcversion "$ko")
		rv=$(modinfo -F srcversion "$ref/drivers/net/ppp/$m.ko" 2>/dev/null)
		[ -n "$sv" ] && [ "$sv" = "$rv" ]
		ok "$k/$m/srcversion" $? "DKMS's '$sv', the harness's '$rv'"
	done
done

# 3. The Debian package.
debdir=$(mktemp -d)
trap 'rm -rf "$debdir"' EXIT
deb=$("$PPP_TOP/scripts/dkms.sh" deb "$debdir" 2>"$debdir/err")
ok deb/build $? "make deb: $(cat "$debdir/err")"
if [ -n "$deb" ] && [ -e "$deb" ]; then
	[ "$(dpkg-deb -f "$deb" Package Version | tr '\n' ' ')" = \
	  "Package: pppstack-dkms Version: $version " ]
	ok deb/control $? "$(dpkg-deb -f "$deb" Package Version | tr '\n' ' ')"
	dpkg-deb -c "$deb" | awk '{ print $NF }' > "$debdir/list"
	missing=
	for f in dkms.conf VERSION Kbuild drivers/net/ppp/Kbuild \
		compat/Kbuild.include compat/compat.h; do
		grep -qx "./usr/src/pppstack-$version/$f" "$debdir/list" ||
			missing+=" $f"
	done
	[ -z "$missing" ]
	ok deb/sources $? "not in /usr/src/pppstack-$version/:$missing"
	dpkg-deb -I "$deb" postinst | grep -q "common.postinst pppstack $version"
	ok deb/postinst $? "postinst does not run DKMS's common.postinst"
	dpkg-deb -f "$deb" Depends | grep -q dkms
	ok deb/depends $? "the package does not depend on dkms"
fi

ppp_check_tally
