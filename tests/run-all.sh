#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-all.sh: every test - what `make check` (and so CI) runs, after the
# Makefile has run `make setup`.
#
#   1. host-side chat tests: `make -C userspace/chat check`, if that
#      Makefile has a check target (its last line: "N passed, M failed");
#   2. the QEMU scenarios, scripts/qemu/run.sh, for every kernel in
#      KERNELS (default "6.1 6.12") x every module set in MODULE_SETS
#      (default "intree"; MODULES= is accepted as a synonym).
#      SCENARIOS=GLOB limits the scenarios (default: all).
#
# Every RESULT line is one test, as is each boot's console check.  Prints
# a summary table and ends with exactly one line "N passed, M failed";
# exits nonzero if anything failed.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

# The whole script is one brace group: bash parses it completely before
# running it, so editing this file during a run cannot break that run.
{

KERNELS=${KERNELS:-6.1 6.12}
MODULE_SETS=${MODULE_SETS:-${MODULES:-intree}}
SCENARIOS=${SCENARIOS:-*}
logs=$PPP_CACHE_DIR/check
mkdir -p "$logs"
t_start=$(date +%s)
total_pass=0 total_fail=0
table=()

add_row() {	# add_row WHAT PASS FAIL SECONDS
	table+=("$(printf '%-28s %6s %6s %6s s' "$1" "$2" "$3" "$4")")
	total_pass=$((total_pass + $2))
	total_fail=$((total_fail + $3))
}

# 1. chat on the host.
chat_mk=$PPP_TOP/userspace/chat/Makefile
if [ -e "$chat_mk" ] && grep -q '^check:' "$chat_mk"; then
	stage "check: chat (host)"
	t0=$(date +%s)
	rc=0
	make -C "$PPP_TOP/userspace/chat" check 2>&1 | tee "$logs/chat.log" || rc=$?
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/chat.log" | tail -n 1 || true)
	if [ -n "$last" ]; then
		p=${last%% passed*}
		f=${last#*, }
		f=${f%% failed}
		[ "$rc" = 0 ] || [ "$f" != 0 ] || f=1	# failed without saying so
	else
		p=0 f=1
		echo "run-all: chat's check printed no 'N passed, M failed' line (status $rc)"
	fi
	add_row "chat (host)" "$p" "$f" $(( $(date +%s) - t0 ))
	stage_end
fi

# 2. QEMU scenarios.
for k in $KERNELS; do
	for m in $MODULE_SETS; do
		stage "check: QEMU kernel $k, modules $m"
		t0=$(date +%s)
		log=$logs/qemu-$k-${m//[,=]/_}.log
		rc=0
		"$PPP_TOP/scripts/qemu/run.sh" --kernel "$k" --modules "$m" \
			--scenarios "$SCENARIOS" 2>&1 | tee "$log" || rc=$?
		p=$(awk '$1 == "RESULT" && $3 == "PASS"' "$log" | wc -l)
		f=$(awk '$1 == "RESULT" && $3 != "PASS" && $3 != "SKIP"' "$log" | wc -l)
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			echo "run-all: run.sh failed before reporting (status $rc)"
			f=1
		fi
		add_row "qemu $k $m" "$p" "$f" $(( $(date +%s) - t0 ))
		stage_end
	done
done

echo
echo "Summary ($(( $(date +%s) - t_start )) s)"
printf '%-28s %6s %6s %8s\n' "suite" passed failed time
for row in "${table[@]}"; do
	echo "$row"
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
exit
}
