#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make check: the whole suite against the plain and the ASan+UBSan build,
# the fuzzer for a bounded time (in parallel with the suite), then one
# final line "N passed, M failed".
set -u
cd "$(dirname "$0")/.." || exit 1
PYTHON=${PYTHON:-python3}
FUZZ_SECONDS=${FUZZ_SECONDS:-25}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p fuzz/corpus-run
./fuzz/fuzz_script -max_total_time="$FUZZ_SECONDS" -max_len=4096 \
	-print_final_stats=1 fuzz/corpus-run fuzz/corpus \
	>"$tmp/fuzz.log" 2>&1 &
fuzz_pid=$!

"$PYTHON" tests/run.py --counts "$tmp/suite" ./chat ./chat-asan

fpass=0 ffail=0
if wait "$fuzz_pid"; then
	fpass=1
	echo "ok   fuzz_script ($FUZZ_SECONDS s, $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$tmp/fuzz.log" | grep -o '[0-9]*$') runs)"
else
	ffail=1
	echo "FAIL fuzz_script"
	tail -40 "$tmp/fuzz.log"
fi

set -- $(cat "$tmp/suite" 2>/dev/null || echo 0 1)
passed=$(($1 + fpass))
failed=$(($2 + ffail))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
