#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check.sh PPPSTAT...: pppstat's options, exit codes and output, against
# channel tables in files (-f), for each binary given.  Ends with one
# line "N passed, M failed".
pass=0 fail=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

ok() {	# ok NAME: the last test passed
	pass=$((pass + 1))
}
bad() {	# bad NAME WHY
	echo "FAIL $1: $2"
	fail=$((fail + 1))
}
expect() {	# expect NAME WANT-RC CMD...: exit code WANT-RC; output in $out
	name=$1 want=$2
	shift 2
	out=$("$@" 2>&1)
	rc=$?
	if [ "$rc" = "$want" ]; then ok "$name"; else bad "$name" "exit $rc, want $want: $out"; fi
}
has() {		# has NAME PATTERN: $out matches the grep pattern
	if echo "$out" | grep -q -- "$2"; then ok "$1"; else bad "$1" "no '$2' in: $out"; fi
}
hasnt() {
	if echo "$out" | grep -q -- "$2"; then bad "$1" "'$2' in: $out"; else ok "$1"; fi
}

table() {	# table FILE FCS: a two-channel table
	cat > "$1" <<EOT
index unit device state rx_fcs_errors rx_runts rx_tossed_bytes
1 0 ttyS0 unit $2 0 120
2 -1 pts3 idle 0 0 0
EOT
}

for bin in "$@"; do
	table "$dir/t1" 5
	expect "$bin help" 0 "$bin" -h
	has "$bin help usage" "^usage: pppstat"
	expect "$bin bad option" 1 "$bin" -x
	expect "$bin bad interval" 1 "$bin" -i 0
	has "$bin bad interval named" "-i: bad value '0'"
	expect "$bin bad interval text" 1 "$bin" -i 1s
	expect "$bin count needs interval" 1 "$bin" -n 3
	expect "$bin channels" 0 "$bin" -c -f "$dir/t1"
	has "$bin channels row" "^channel 1  unit 0  ttyS0  unit"
	has "$bin channels fcs" "rx_fcs_errors  *5$"
	has "$bin channels tossed" "rx_tossed_bytes  *120$"
	hasnt "$bin channels zero hidden" "rx_runts"
	expect "$bin channels all" 0 "$bin" -a -c -f "$dir/t1"
	has "$bin channels all zero" "rx_runts  *0$"
	has "$bin channels idle" "^channel 2  unit -1  pts3  idle"
	expect "$bin unit filter" 0 "$bin" -c -f "$dir/t1" ppp0
	hasnt "$bin unit filter other" "^channel 2"
	printf 'garbage\n' > "$dir/bad"
	expect "$bin not a table" 2 "$bin" -c -f "$dir/bad"
	printf 'index unit device state a b\n1 0 x unit 1\n' > "$dir/short"
	expect "$bin short row" 2 "$bin" -c -f "$dir/short"
	expect "$bin no table" 2 "$bin" -c -f "$dir/none"
	# -i: the second sample shows what changed, and by how much
	( sleep 0.5; table "$dir/t1.new" 9; mv "$dir/t1.new" "$dir/t1" ) &
	expect "$bin interval" 0 "$bin" -c -f "$dir/t1" -i 1 -n 2
	wait
	has "$bin interval stamp" "^--- [0-9:]*$"
	has "$bin interval delta" "rx_fcs_errors  *9  +4$"
	n=$(echo "$out" | grep -c "^channel 2")
	[ "$n" = 1 ] && ok "$bin interval unchanged" ||
		bad "$bin interval unchanged" "channel 2 shown $n times: $out"
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
