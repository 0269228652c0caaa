#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# style.sh: the style checks of `make style` (and of CI, before the tests).
#
#   checkpatch  the kernel's scripts/checkpatch.pl --strict --no-tree on
#               every kernel-side C file (drivers/, compat/, include/,
#               tests/kunit/, tests/bench/kmod/), one check per file.  The
#               script comes from linux-source-6.12: the debug kernel's
#               extracted tree when there is one, else the three files it
#               needs, taken out of /usr/src/linux-source-6.12.tar.xz once
#               into $PPP_CACHE_DIR/checkpatch/.
#   build       `make W=1 C=2` (extra warnings, kernel-doc and sparse on
#               every file) against the stock 6.1 and 6.12 headers, in a
#               fresh directory each time so that every file is compiled
#               and checked; one check per kernel, any warning or error
#               in the log fails it.
#   scripts     shellcheck on every shell script under scripts/ and
#               tests/, one check per file: bash scripts as bash, the
#               guest's busybox scripts (scenarios, init, their lib.sh)
#               as dash, which knows `local` as busybox does; severity warning and above (the
#               guest scripts split unquoted lists on purpose); SC2034
#               (unused variable) not for the guest scripts, which are
#               sourced into one shell, where one sets what another reads.
#
# Each check prints "RESULT style/<tool>/<what> PASS|FAIL [why]" with the
# findings under it; the last line is "N passed, M failed".  Exit status
# 0 only when everything passed.  STYLE_KERNELS (default "6.1 6.12")
# picks the kernels of the build check.
#
# clang-format is not run: the kernel's .clang-format disagrees with
# checkpatch (and with the kernel's own code) on continuation alignment
# and macro lists, so it stays an advisor, as the kernel uses it.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

STYLE_KERNELS=${STYLE_KERNELS:-6.1 6.12}
pass=0 fail=0
out=$PPP_CACHE_DIR/style
mkdir -p "$out"

result() {	# result NAME PASS|FAIL [WHY]
	echo "RESULT style/$1 $2${3:+ $3}"
	if [ "$2" = PASS ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
}

# findings NAME FILE: PASS when FILE is empty, else FAIL and its lines.
findings() {
	local n
	n=$(grep -c . "$2" || true)
	if [ "$n" = 0 ]; then
		result "$1" PASS
	else
		result "$1" FAIL "$n findings"
		sed 's/^/  | /' "$2"
	fi
}

# ---- checkpatch --------------------------------------------------------

# checkpatch_script: prints the path of checkpatch.pl (with spelling.txt
# and const_structs.checkpatch beside it).
checkpatch_script() {
	local src=$PPP_CACHE_DIR/debug/linux-source-6.12/scripts
	local tarball=/usr/src/linux-source-6.12.tar.xz dir=$out/checkpatch f
	if [ -e "$src/checkpatch.pl" ] && [ -e "$src/spelling.txt" ]; then
		echo "$src/checkpatch.pl"
		return
	fi
	if [ ! -e "$dir/scripts/checkpatch.pl" ]; then
		[ -e "$tarball" ] || return 1
		rm -rf "$dir"
		mkdir -p "$dir"
		f=linux-source-6.12/scripts
		tar -xJf "$tarball" -C "$dir" --strip-components=1 \
			"$f/checkpatch.pl" "$f/spelling.txt" \
			"$f/const_structs.checkpatch" >&2 || return 1
	fi
	echo "$dir/scripts/checkpatch.pl"
}

# Types checkpatch may not report for some files, and why:
#  - compat/: the stand-ins restate the kernel's own typedefs
#    (netns_tracker, ...) and keep the kernel's macro signatures, whose
#    arguments an older kernel has no use for;
#  - include/uapi/: byte for byte the kernel's uapi headers (uapi_check.c
#    proves it), macros included;
#  - tests/kunit/: macros that are lists of bytes, spliced into the
#    initializers of test vectors, cannot be parenthesized;
#  - uapi_check.c: a preprocessor table that renames the ABI's names to
#    k_* (CamelCase NPmode included) and expands member lists; its
#    macros are declarations, not expressions or statements;
#  - *_trace.h: TRACE_EVENT() definitions, laid out as the kernel's own
#    include/trace/events/ headers are (arguments on lines after an open
#    parenthesis, TP_* blocks), which checkpatch cannot parse;
#  - ppp_stats.h, stats.c: the drop causes are one X-macro list that
#    expands into an enum, names and per-cause code; an expander uses
#    only some of its arguments and yields list items, not expressions;
#  - pppoe.h: pppoe_stat_inc()'s second argument names a struct member,
#    which cannot be parenthesized.
checkpatch_ignore() {	# checkpatch_ignore FILE: the --ignore list
	case "$1" in
	compat/*) echo NEW_TYPEDEFS,MACRO_ARG_UNUSED ;;
	include/uapi/*) echo MACRO_ARG_REUSE ;;
	tests/kunit/*) echo COMPLEX_MACRO ;;
	drivers/net/ppp/*_trace.h)
		echo OPEN_ENDED_LINE,PARENTHESIS_ALIGNMENT,MACRO_ARG_UNUSED,TRAILING_SEMICOLON ;;
	drivers/net/ppp/ppp_stats.h|drivers/net/ppp/stats.c)
		echo COMPLEX_MACRO,MACRO_ARG_UNUSED,MACRO_ARG_REUSE ;;
	drivers/net/ppp/pppoe.h) echo MACRO_ARG_PRECEDENCE ;;
	drivers/net/ppp/uapi_check.c)
		echo SPACING,CAMELCASE,COMPLEX_MACRO,MACRO_ARG_REUSE,TRAILING_SEMICOLON,MULTISTATEMENT_MACRO_USE_DO_WHILE ;;
	esac
}

style_checkpatch() {
	local cp f ign log=$out/checkpatch.txt
	if ! cp=$(checkpatch_script); then
		result checkpatch/script FAIL "no checkpatch.pl: install linux-source-6.12 (make setup)"
		return
	fi
	for f in $(git -C "$PPP_TOP" ls-files 'drivers/*.[ch]' 'compat/*.h' \
			'include/*.h' 'tests/kunit/*.[ch]' 'tests/bench/kmod/*.[ch]'); do
		ign=$(checkpatch_ignore "$f")
		(cd "$PPP_TOP" && perl "$cp" --no-tree --strict --terse --show-types \
			--quiet --no-summary ${ign:+--ignore "$ign"} -f "$f") \
			> "$log" 2>&1
		findings "checkpatch/$f" "$log"
	done
}

# ---- W=1 C=2 builds ----------------------------------------------------

style_build() {
	local k kdir dir log=$out/build.log
	for k in $STYLE_KERNELS; do
		kdir=$(ppp_kernel_kdir "$k" 2>/dev/null) || kdir=
		if [ -z "$kdir" ] || [ ! -d "$kdir" ]; then
			result "build/$k" FAIL "kernel $k is not in the cache: run 'make setup'"
			continue
		fi
		dir=$out/build-$k
		rm -rf "$dir"
		if ! "$PPP_TOP/scripts/build-modules.sh" "$kdir" "$dir" W=1 C=2 \
			CF=-D__CHECK_ENDIAN__ > "$log" 2>&1; then
			result "build/$k" FAIL "make W=1 C=2 failed"
			tail -n 30 "$log" | sed 's/^/  | /'
			continue
		fi
		# The kernel's own headers are not ours to fix (sparse warns
		# about a flexible array in the uapi if_pppox.h).
		grep -E 'warning:|error:' "$log" | grep -v '/linux-headers-[^/]*/' \
			> "$out/build-findings.txt" || true
		findings "build/$k" "$out/build-findings.txt"
	done
}

# ---- shellcheck --------------------------------------------------------

style_shellcheck() {
	local f sh log=$out/shellcheck.txt
	command -v shellcheck >/dev/null || {
		result shellcheck/tool FAIL "no shellcheck: apt-get install shellcheck (make setup)"
		return
	}
	for f in $(git -C "$PPP_TOP" ls-files scripts tests); do
		case "$f" in
		tests/scenarios/*.sh|scripts/qemu/*init) sh="dash -e SC2034" ;;
		*.sh) sh=bash ;;
		*) continue ;;
		esac
		(cd "$PPP_TOP" && shellcheck -s $sh -S warning -f gcc "$f") \
			> "$log" 2>&1
		findings "shellcheck/$f" "$log"
	done
}

stage "style: checkpatch --strict"
style_checkpatch
stage_end
stage "style: make W=1 C=2 ($STYLE_KERNELS)"
style_build
stage_end
stage "style: shellcheck"
style_shellcheck
stage_end
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
