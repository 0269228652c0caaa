#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check.sh: functions of scripts/lib.sh that setup and the runs depend
# on, each against fake tools on PATH, on the host, installing nothing.
#
#   ppp_kernel_image: a meta package's linux-image dependency; package
#   lists without the meta package (a failed or partial apt-get update)
#   give a message and status 1, also under set -e and pipefail, where
#   apt-cache's own status would otherwise end the caller silently.
#   ppp_debug_kernel_args: x86-64's debug kernel boots with 4-level
#   paging (no5lvl), in run.sh's debug lanes and in kunit.sh, and other
#   arches get nothing.
#
# One line per check, "N passed, M failed" last.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"

ok() { ppp_check scripts "$@"; }	# ok NAME STATUS [WHY]

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
# apt-cache as Debian's answers "depends" for a package in its lists,
# and as it fails (status 100) for one it does not know.
cat > "$tmp/bin/apt-cache" <<'FAKE'
#!/bin/sh
[ "$1" = depends ] || exit 2
case "$2" in
linux-image-6.12-armmp)
	echo "linux-image-6.12-armmp"
	echo "  Depends: linux-image-6.12.118+deb12-armmp (= 6.12.118-1~deb12u1)"
	echo "  Depends: linux-base" ;;
*)	echo "E: No packages found" >&2
	exit 100 ;;
esac
FAKE
chmod +x "$tmp/bin/apt-cache"

# run SHELL-CODE: the code in a bash with lib.sh sourced, set -eu and
# pipefail as in setup.sh, the fake tools first on PATH; stdout, stderr
# and status into $tmp/{out,err,rc}.
run() {
	PATH="$tmp/bin:$PATH" bash -c 'set -euo pipefail
		. "$1/scripts/lib.sh"
		eval "$2"' sh "$top" "$1" > "$tmp/out" 2> "$tmp/err"
	echo $? > "$tmp/rc"
}

run 'ppp_kernel_image linux-image-6.12-armmp armhf'
[ "$(cat "$tmp/rc")" = 0 ] && [ "$(cat "$tmp/out")" = linux-image-6.12.118+deb12-armmp ]
ok kernel-image/found $? "status $(cat "$tmp/rc"), printed '$(cat "$tmp/out")'"

run 'ppp_kernel_image linux-image-6.12-mips64el-none mips64el'
[ "$(cat "$tmp/rc")" = 1 ] && [ ! -s "$tmp/out" ]
ok kernel-image/missing-status $? "status $(cat "$tmp/rc"), printed '$(cat "$tmp/out")'"
grep -q 'linux-image-6.12-mips64el-none' "$tmp/err" && grep -q mips64el "$tmp/err"
ok kernel-image/missing-message $? "stderr: $(cat "$tmp/err")"

# The caller goes on to its own message: the failure is a status it
# can test, not the end of the script.
run 'if ! i=$(ppp_kernel_image linux-image-none amd64); then echo handled; fi'
[ "$(cat "$tmp/rc")" = 0 ] && [ "$(cat "$tmp/out")" = handled ]
ok kernel-image/caller-handles $? "status $(cat "$tmp/rc"), printed '$(cat "$tmp/out")'"

# The debug kernel's boots: both scripts that boot it add the options.
run 'echo "x86_64=[$(ppp_debug_kernel_args x86_64)] arm64=[$(ppp_debug_kernel_args arm64)] armhf=[$(ppp_debug_kernel_args armhf)]"'
[ "$(cat "$tmp/out")" = "x86_64=[no5lvl] arm64=[] armhf=[]" ]
ok debug-kernel-args/values $? "printed '$(cat "$tmp/out")', status $(cat "$tmp/rc")"
for f in run.sh kunit.sh; do
	grep -q 'cmdline+=.*\$(ppp_debug_kernel_args "\$arch")' "$top/scripts/qemu/$f"
	ok "debug-kernel-args/$f" $? "scripts/qemu/$f does not add ppp_debug_kernel_args to the debug kernel's command line"
done

ppp_check_tally
