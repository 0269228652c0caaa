#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-all.sh: every test - what `make check` (and so CI) runs, after the
# Makefile has run `make setup`.
#
#   1. host-side tests, each ending "N passed, M failed": chat
#      (`make -C userspace/chat check`: unit, differential against
#      Debian's chat, end-to-end, ASan/UBSan, fuzz), pppstat
#      (`make -C userspace/pppstat check`) and the HDLC codec
#      (`make -C tests/host check`); DKMS's own build for 6.1 and 6.12
#      and the .deb (`make -C tests/dkms check`); the harness's shell
#      functions (`make -C tests/scripts check`); the uapi header check
#      (`make -C include/uapi check`) counts as one test;
#   2. the KUnit lane on the debug kernel (scripts/qemu/kunit.sh; the
#      debug kernel is built and cached on first use), unless KUNIT=0;
#      when ARCHES is given and names armhf ("all" does), the same
#      suites on an armhf kernel too (kunit.sh --arch armhf: RESULT
#      kunit-armhf/...; its kernel is built once, before the VM jobs);
#   3. the QEMU scenarios, scripts/qemu/run.sh, for every kernel in
#      KERNELS (default "6.1 6.12 debug") x every module set in
#      MODULE_SETS (default "ours intree"; MODULES= is accepted as a
#      synonym).  The debug kernel has no in-tree PPP: ours only.
#      Without KERNELS, MODULES and ARCHES, X86_SKIP (default
#      "6.1/intree 6.12/intree@pppd2.5") is left out and the lanes of
#      X86_SPLIT (default "6.1/ours 6.12/ours") share the scenarios
#      between them: every scenario still runs on each kernel and with
#      each module set (see below);
#      SCENARIOS=GLOB limits the scenarios (default: all);
#   3b. the other architectures' lanes (run.sh --arch): the words
#      ARCH/KERNEL/SET of ARCH_LANES.  Unset, it holds the default
#      lanes of the arches in ARCHES (default "x86_64 arm64 armhf":
#      arm64/6.12/ours arm64/6.12/intree armhf/6.1/ours), or, when
#      ARCHES is given ("all": x86_64 arm64 armhf armhf-lpae mips64el),
#      every arch x its kernels (those in KERNELS) x MODULE_SETS.  The
#      x86_64 lanes (3, 4, the KUnit lane) run only with x86_64 in
#      ARCHES.  ARCH_SCENARIOS=full runs SCENARIOS on each (the default
#      when ARCHES is given); "once" (the default otherwise) and "axes"
#      give each lane a share (arch_cut below);
#   4. the pppd 2.5 lane: for each version in PPPD (default "2.4.9 2.5")
#      other than Debian 12's 2.4.9, the scenarios PPPD25_SCENARIOS
#      (default: 20-pppd-pty 30-dialup 40-pppoe-user 45-pppoe-kernel
#      46-pppoe-server-kernel 58-rtnl-link 62-updown, those of them
#      SCENARIOS selects) once
#      more, under Debian 13's pppd 2.5 (run.sh --pppd 2.5), on the
#      kernels in both KERNELS and PPPD25_KERNELS (default 6.12), with
#      every module set.  Its RESULT names read <kernel>/<set>@pppd2.5/...
#      PPPD=2.5 runs only this lane, PPPD=2.4.9 skips it.
#   2, 3, 3b and 4 run as VM jobs, PPP_JOBS (default 2) at a time;
#   PPP_CHECK_PLAN=1 prints them, each with its scenarios, and stops.
#
# Every RESULT line is one test, as is each boot's console check.  Prints
# a summary table (passed, failed, skipped per suite), what failed (at
# most 12 lines) and ends with exactly one line "N passed, M failed",
# or "N passed, M failed, K skipped" when K > 0; exits nonzero if
# anything failed.  SKIPs count neither as passed nor as failed; each
# lane's floor of PASS+SKIP results (tests/floors.txt, checked by
# run.sh) makes a run that reports too few of them a FAIL.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

# The whole script is one brace group: bash parses it completely before
# running it, so editing this file during a run cannot break that run.
{

# What a plain make check leaves out or shares, to stay within an hour
# on a fresh 2-core machine; KERNELS, MODULES/MODULE_SETS or ARCHES
# given, or X86_SKIP= X86_SPLIT= , run the whole matrix.
#   X86_SKIP: lanes not run: 6.1/intree (in-tree modules run on 6.12)
#     and 6.12/intree@pppd2.5 (pppd 2.5 runs with ours);
#   X86_SPLIT: lanes that share the scenario list, dealt out in turn:
#     6.1/ours and 6.12/ours (the debug kernel, a 6.12, runs ours with
#     every scenario, and 6.12 the in-tree modules).
x86_defaults=
[ -n "${KERNELS:-}${MODULE_SETS:-}${MODULES:-}${ARCHES:-}" ] || x86_defaults=1
X86_SKIP=${X86_SKIP-${x86_defaults:+6.1/intree 6.12/intree@pppd2.5}}
X86_SPLIT=${X86_SPLIT-${x86_defaults:+6.1/ours 6.12/ours}}
KERNELS=${KERNELS:-6.1 6.12 debug}
arches_given=${ARCHES:-}
ARCHES=$(ppp_arches "${ARCHES:-}") || exit 1
# the default lanes run the cut, ARCHES=... the full matrix
ARCH_SCENARIOS=${ARCH_SCENARIOS:-${arches_given:+full}}
ARCH_SCENARIOS=${ARCH_SCENARIOS:-once}
# Scenarios the other arches' images cannot run yet: 05-autoload (the
# DKMS tree it installs is built for x86_64 only).  On mips64el also
# 46-pppoe-server-kernel: Debian 13, whose rp-pppoe 4.0 it needs, has
# no mips64el (arch_excluded).
ARCH_EXCLUDE=${ARCH_EXCLUDE-05-autoload}
case "$ARCH_SCENARIOS" in
once|axes|full) ;;
*) die "ARCH_SCENARIOS: 'once', 'axes' or 'full', not '$ARCH_SCENARIOS'" ;;
esac
MODULE_SETS=${MODULE_SETS:-${MODULES:-ours intree}}
KUNIT=${KUNIT:-1}
SCENARIOS=${SCENARIOS:-*}
PPPD=${PPPD:-2.4.9 2.5}
PPPD25_KERNELS=${PPPD25_KERNELS:-6.12}
PPPD25_SCENARIOS=${PPPD25_SCENARIOS:-20-pppd-pty 30-dialup 40-pppoe-user 45-pppoe-kernel 46-pppoe-server-kernel 58-rtnl-link 62-updown}
for v in $PPPD; do
	case "$v" in
	2.4.9|2.5) ;;
	*) die "PPPD: unknown pppd version '$v' (2.4.9, 2.5)" ;;
	esac
done
logs=$PPP_CACHE_DIR/check
mkdir -p "$logs"
t_start=$(date +%s)
total_pass=0 total_fail=0 total_skip=0
table=()
failed=()	# what failed, repeated at the end

add_row() {	# add_row WHAT PASS FAIL SKIP SECONDS
	table+=("$(printf '%-28s %6s %6s %7s %6s s' "$1" "$2" "$3" "$4" "$5")")
	total_pass=$((total_pass + $2))
	total_fail=$((total_fail + $3))
	total_skip=$((total_skip + $4))
}

# count_line LOG STATUS: "P F S" from the last "N passed, M failed" or
# "N passed, M failed, K skipped" line of LOG ("0 1 0" when there is
# none); STATUS nonzero with no failure counted counts as one failure.
count_line() {	# count_line LOG STATUS
	local last p f k=0
	last=$(grep -aE '(^|: )[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$1" |
		tail -n 1 || true)
	last=${last##*: }
	if [ -z "$last" ]; then
		echo "run-all: $1 has no 'N passed, M failed' line (status $2)" >&2
		echo "0 1 0"
		return
	fi
	read -r p _ f _ k _ <<< "${last//,/}"
	k=${k:-0}
	[ "$2" = 0 ] || [ "$f" != 0 ] || f=1	# failed without saying so
	echo "$p $f $k"
}

# 2 + 3. The VM jobs: the KUnit lane and one boot per kernel x module
# set, PPP_JOBS (default 2) at a time; under TCG two VMs on two cores
# finish in about 60 % of the time of one after the other.  Each job's
# output goes to its log and is shown whole when the job ends.
jobs_list=()
x86=
case " $ARCHES " in *" x86_64 "*) x86=1 ;; esac
[ -z "$x86" ] || [ "$KUNIT" = 0 ] || jobs_list+=("kunit")
# The armhf KUnit lane: not in a plain check (its kernel is one more
# cold build), with ARCHES=all or any ARCHES naming armhf.
kunit_armhf=
if [ -n "$arches_given" ] && [ "$KUNIT" != 0 ]; then
	case " $ARCHES " in *" armhf "*) kunit_armhf=1 ;; esac
fi
# pppd 2.4.9 runs every scenario; the debug kernel first: it is the
# longest boot.
if [ -n "$x86" ] && [[ " $PPPD " == *" 2.4.9 "* ]]; then
	for k in $KERNELS; do
		[ "$k" = debug ] || continue
		for m in $MODULE_SETS; do
			[ "$m" = ours ] && jobs_list+=("qemu debug ours")
		done
	done
	for k in $KERNELS; do
		[ "$k" != debug ] || continue	# no in-tree PPP in the debug kernel
		for m in $MODULE_SETS; do
			case " $X86_SKIP " in *" $k/$m "*) continue ;; esac
			jobs_list+=("qemu $k $m")
		done
	done
fi

# pppd25_scenarios: the scenarios both SCENARIOS and PPPD25_SCENARIOS
# select (each a list of globs), comma-separated for run.sh.
# shellcheck disable=SC2053 # the right-hand sides are globs
pppd25_scenarios() {
	local f name g h sel lane out=""
	IFS=', ' read -r -a sel <<< "$SCENARIOS"
	IFS=' ' read -r -a lane <<< "$PPPD25_SCENARIOS"
	for f in "$PPP_TOP"/tests/scenarios/[0-9]*.sh; do
		name=$(basename "$f" .sh)
		for g in "${sel[@]}"; do
			[[ $name == $g ]] || continue
			for h in "${lane[@]}"; do
				[[ $name == $h ]] || continue
				out+=${out:+,}$name
				break 2
			done
		done
	done
	echo "$out"
}
pppd25_scen=$(pppd25_scenarios)
if [ -n "$x86" ] && [[ " $PPPD " == *" 2.5 "* ]] && [ -n "$pppd25_scen" ]; then
	for k in $KERNELS; do
		[[ " $PPPD25_KERNELS " == *" $k "* ]] || continue
		for m in $MODULE_SETS; do
			[ "$k" != debug ] || [ "$m" = ours ] || continue
			case " $X86_SKIP " in *" $k/$m@pppd2.5 "*) continue ;; esac
			jobs_list+=("qemu $k $m pppd2.5")
		done
	done
fi

# 3b. The other arches' lanes.
if [ -z "${ARCH_LANES+set}" ]; then
	ARCH_LANES=
	for a in $ARCHES; do
		[ "$a" != x86_64 ] || continue
		if [ -z "$arches_given" ]; then
			ARCH_LANES+=" $(echo "$PPP_ARCH_LANES_DEFAULT" | tr ' ' '\n' |
				grep "^$a/" | tr '\n' ' ')"
			continue
		fi
		ppp_arch "$a"
		for k in $A_KERNELS; do
			[[ " $KERNELS " == *" $k "* ]] || continue
			for m in $MODULE_SETS; do
				ARCH_LANES+=" $a/$k/$m"
			done
		done
	done
fi
read -r -a arch_lanes <<< "$ARCH_LANES"

# scenario_names: the scenarios SCENARIOS selects, in order.
# shellcheck disable=SC2053 # the right-hand sides are globs
scenario_names() {
	local f name g sel
	IFS=', ' read -r -a sel <<< "$SCENARIOS"
	for f in "$PPP_TOP"/tests/scenarios/[0-9]*.sh; do
		name=$(basename "$f" .sh)
		for g in "${sel[@]}"; do
			[[ $name == $g ]] || continue
			echo "$name"
			break
		done
	done
}

# arch_scenario_names: scenario_names less ARCH_EXCLUDE.
arch_scenario_names() {
	scenario_names | grep -vxF -f <(printf '%s\n' $ARCH_EXCLUDE) || true
}

# arch_excluded ARCH: the scenarios ARCH's images cannot run beyond
# ARCH_EXCLUDE (one a line): those whose programs Debian 13 has not for
# ARCH (PPP_TRIXIE_DEBS).
arch_excluded() {
	ppp_arch "$1" >/dev/null || return 0
	case " $PPP_TRIXIE_DEBS " in
	*" $A_DEB "*) ;;
	*) echo 46-pppoe-server-kernel ;;
	esac
}

# arch_cut: under ARCH_SCENARIOS=once or axes, one line per other-arch
# lane (in ARCH_LANES order) with its scenarios, comma-separated.
#   axes: every scenario runs on every arch and on every kernel these
#         lanes have, on as few lanes as that takes: for each scenario
#         in turn, lanes are chosen until its arches and kernels are
#         covered, each time the lane covering the most of what is
#         left, the least loaded of those first; module sets take turns
#         that way.  With the default lanes, armhf/6.1/ours (the only
#         armhf and the only 6.1 lane) runs every scenario and the two
#         arm64 lanes one half each: two lanes' worth.
#   once: every scenario runs once, on the least loaded lane: the
#         scenarios are dealt out in turn (with the default lanes, a
#         third each: one lane's worth).
# x86_64 runs every scenario on each kernel and with each module set.  A
# new scenario finds its lanes by itself: there is no list to keep.
arch_cut() {
	arch_scenario_names | awk -v lanes="$ARCH_LANES" -v mode="$ARCH_SCENARIOS" '
	BEGIN { nl = split(lanes, L, " ") }
	{ S[++ns] = $0 }
	END {
		for (i = 1; i <= nl; i++) {
			split(L[i], f, "/")
			if (mode == "once") { f[1] = "any"; f[2] = "any" }
			V[i, 1] = "a:" f[1]; V[i, 2] = "k:" f[2]
			all["a:" f[1]] = 1; all["k:" f[2]] = 1
			load[i] = 0; out[i] = ""
		}
		for (s = 1; s <= ns; s++) {
			delete need
			for (v in all) need[v] = 1
			while (length(need) > 0) {
				best = 0; bc = 0
				for (i = 1; i <= nl; i++) {
					c = ((V[i, 1] in need) ? 1 : 0) + ((V[i, 2] in need) ? 1 : 0)
					if (c > bc || (c == bc && c > 0 && load[i] < load[best])) {
						best = i; bc = c
					}
				}
				delete need[V[best, 1]]; delete need[V[best, 2]]
				load[best]++
				out[best] = out[best] (out[best] == "" ? "" : ",") S[s]
			}
		}
		for (i = 1; i <= nl; i++) print out[i]
	}'
}
[ "$ARCH_SCENARIOS" = full ] || mapfile -t arch_cuts < <(arch_cut)

# X86_SPLIT: the x86_64 lanes named there that run share the scenarios:
# each scenario goes to a lane whose kernel no other boot runs it on
# (with the defaults: 6.1/ours takes what the armhf 6.1 boot does not
# run), else to the one with the fewest so far.  split_scen[K/M] holds a
# lane's, comma-separated.
declare -A split_scen=() seen=() load=()
split_lanes=()
mapfile -t all_scen < <(scenario_names)
for j in "${jobs_list[@]}"; do
	read -r -a w <<< "$j"
	[ "${w[0]}" = qemu ] || continue
	case " $X86_SPLIT " in
	*" ${w[1]}/${w[2]} "*)
		if [ ${#w[@]} = 3 ]; then
			split_lanes+=("${w[1]}/${w[2]}")
			continue
		fi ;;
	esac
	if [ ${#w[@]} = 4 ]; then
		IFS=, read -r -a lsc <<< "$pppd25_scen"
	else
		lsc=("${all_scen[@]}")
	fi
	for n in "${lsc[@]}"; do seen[${w[1]}/$n]=1; done
done
for i in "${!arch_lanes[@]}"; do
	IFS=/ read -r _ k _ <<< "${arch_lanes[$i]}"
	if [ "$ARCH_SCENARIOS" = full ]; then
		mapfile -t lsc < <(arch_scenario_names)
	else
		IFS=, read -r -a lsc <<< "${arch_cuts[$i]:-}"
	fi
	for n in "${lsc[@]}"; do seen[$k/$n]=1; done
done
if [ ${#split_lanes[@]} -gt 1 ]; then
	for l in "${split_lanes[@]}"; do split_scen[$l]= load[$l]=0; done
	for n in "${all_scen[@]}"; do
		best=
		for l in "${split_lanes[@]}"; do	# a kernel that lacks it
			[ -z "${seen[${l%/*}/$n]:-}" ] || continue
			[ -n "$best" ] && [ "${load[$l]}" -ge "${load[$best]}" ] || best=$l
		done
		if [ -z "$best" ]; then
			for l in "${split_lanes[@]}"; do
				[ -n "$best" ] && [ "${load[$l]}" -ge "${load[$best]}" ] || best=$l
			done
		fi
		split_scen[$best]+=${split_scen[$best]:+,}$n
		load[$best]=$((load[$best] + 1))
		seen[${best%/*}/$n]=1
	done
	for j in "${!jobs_list[@]}"; do
		read -r -a w <<< "${jobs_list[$j]}"
		# fewer scenarios than lanes: nothing left for this one
		if [ ${#w[@]} = 3 ] && [ -n "${split_scen[${w[1]}/${w[2]}]+set}" ] &&
		   [ -z "${split_scen[${w[1]}/${w[2]}]}" ]; then
			unset "jobs_list[$j]"
		fi
	done
	jobs_list=("${jobs_list[@]}")
fi

arch_jobs=()
for i in "${!arch_lanes[@]}"; do
	IFS=/ read -r a k m <<< "${arch_lanes[$i]}"
	ppp_arch "$a" >/dev/null || die "ARCH_LANES: bad arch in '${arch_lanes[$i]}'"
	if [ "$ARCH_SCENARIOS" = full ]; then
		sc=$(arch_scenario_names | paste -sd,)
	else
		sc=${arch_cuts[$i]:-}
	fi
	sc=$(tr , '\n' <<< "$sc" | grep -vxF -f <(arch_excluded "$a") | paste -sd,)
	[ -z "$sc" ] || arch_jobs+=("arch $a $k $m $sc")
done
[ -z "$kunit_armhf" ] || arch_jobs+=("kunit armhf")
# The longest boots first (two at a time, the last to start sets the
# end): the KUnit and debug lanes, then the rest by their number of
# scenarios, an other arch's counting twice (about twice as slow per
# scenario under TCG as x86_64's); the armhf KUnit lane (a few minutes)
# counts as four.
job_weight() {	# job_weight JOB: its scenarios, x2 on another arch
	local -a w
	read -r -a w <<< "$1"
	case "${w[0]}" in
	arch) echo $(( 2 * ($(tr -cd , <<< "${w[4]}" | wc -c) + 1) )) ;;
	kunit) echo $(( ${#w[@]} > 1 ? 4 : 0 )) ;;
	*)	if [ ${#w[@]} = 4 ]; then
			echo $(( $(tr -cd , <<< "$pppd25_scen" | wc -c) + 1 ))
		elif [ -n "${split_scen[${w[1]}/${w[2]}]:-}" ]; then
			echo $(( $(tr -cd , <<< "${split_scen[${w[1]}/${w[2]}]}" | wc -c) + 1 ))
		else
			echo ${#all_scen[@]}
		fi ;;
	esac
}
head_jobs=() tail_jobs=()
for j in "${jobs_list[@]}" "${arch_jobs[@]}"; do
	case "$j" in
	kunit|"qemu debug "*) head_jobs+=("$j") ;;
	*) tail_jobs+=("$(job_weight "$j")	$j") ;;
	esac
done
jobs_list=("${head_jobs[@]}")
if [ ${#tail_jobs[@]} -gt 0 ]; then
	mapfile -t -O ${#jobs_list[@]} jobs_list < <(printf '%s\n' "${tail_jobs[@]}" |
		sort -s -t '	' -rn -k1,1 | cut -f2-)
fi

job_log() {	# job_log JOB: its log file
	local j=$1
	[[ "$j" != arch\ * ]] || j=$(echo "$j" | cut -d' ' -f2-4)
	j=${j// /-}
	echo "$logs/${j//[,=]/_}.log"
}

run_job() {	# run_job JOB: runs it; its log, status and time go to files
	local log t0 rc=0
	log=$(job_log "$1")
	t0=$(date +%s)
	# its words, not globbed: a scenario glob (*) is one of them
	local -a w
	read -r -a w <<< "$1"
	set -- "${w[@]}"
	if [ "$1" = kunit ]; then
		"$PPP_TOP/scripts/qemu/kunit.sh" --arch "${2:-x86_64}" > "$log" 2>&1 || rc=$?
	elif [ "$1" = arch ]; then	# another arch's lane
		"$PPP_TOP/scripts/qemu/run.sh" --arch "$2" --kernel "$3" \
			--modules "$4" --scenarios "$5" > "$log" 2>&1 || rc=$?
	elif [ $# = 4 ]; then	# the pppd 2.5 lane
		"$PPP_TOP/scripts/qemu/run.sh" --kernel "$2" --modules "$3" \
			--pppd "${4#pppd}" --scenarios "$pppd25_scen" \
			> "$log" 2>&1 || rc=$?
	else
		"$PPP_TOP/scripts/qemu/run.sh" --kernel "$2" --modules "$3" \
			--scenarios "${split_scen[$2/$3]:-$SCENARIOS}" \
			> "$log" 2>&1 || rc=$?
	fi
	echo "$rc $(( $(date +%s) - t0 ))" > "$log.status"
}

# PPP_CHECK_PLAN=1: print the VM jobs (with the scenarios of each) and
# stop before running anything.
if [ -n "${PPP_CHECK_PLAN:-}" ]; then
	for j in "${jobs_list[@]}"; do
		read -r -a w <<< "$j"
		if [ ${#w[@]} = 3 ] && [ "${w[0]}" = qemu ]; then
			echo "$j ${split_scen[${w[1]}/${w[2]}]:-$SCENARIOS}"
		elif [ ${#w[@]} = 4 ] && [ "${w[0]}" = qemu ]; then
			echo "$j $pppd25_scen"
		else
			echo "$j"
		fi
	done
	exit 0
fi

# 1. Host-side tests.
host_suite() {	# host_suite NAME DIR
	local t0 rc=0 p f k
	stage "check: $1 (host)"
	t0=$(date +%s)
	make -C "$PPP_TOP/$2" check 2>&1 | tee "$logs/$1.log" || rc=$?
	read -r p f k < <(count_line "$logs/$1.log" "$rc")
	add_row "$1 (host)" "$p" "$f" "$k" $(( $(date +%s) - t0 ))
	[ "$f" = 0 ] || failed+=("$1 (host): $f failed (see $logs/$1.log)")
	stage_end
}
host_suite chat userspace/chat
host_suite pppstat userspace/pppstat
host_suite codecs tests/host
host_suite dkms tests/dkms
host_suite scripts tests/scripts
stage "check: uapi headers (host)"
t0=$(date +%s)
if make -C "$PPP_TOP/include/uapi" check 2>&1 | tee "$logs/uapi.log"; then
	add_row "uapi headers (host)" 1 0 0 $(( $(date +%s) - t0 ))
else
	add_row "uapi headers (host)" 0 1 0 $(( $(date +%s) - t0 ))
	failed+=("uapi headers (host): see $logs/uapi.log")
fi
stage_end

if [ ${#jobs_list[@]} -gt 0 ]; then
	# The debug kernel is built once (11-18 min cold), before any job
	# needs it, so that two jobs do not wait on the same build.
	case " $KERNELS " in *" debug "*) need_debug=1 ;; *) need_debug=$KUNIT ;; esac
	[ -n "$x86" ] || need_debug=0
	if [ "$need_debug" != 0 ]; then
		stage "check: debug kernel (built once, then cached)"
		"$PPP_TOP/scripts/qemu/debug-kernel.sh" > "$logs/debug-kernel.log" 2>&1 ||
			echo "run-all: building the debug kernel failed: see $logs/debug-kernel.log and $PPP_CACHE_DIR/debug/build.log"
		stage_end
	fi
	if [ -n "$kunit_armhf" ]; then
		stage "check: armhf KUnit kernel (built once, then cached)"
		"$PPP_TOP/scripts/qemu/debug-kernel.sh" --arch armhf \
			> "$logs/debug-kernel-armhf.log" 2>&1 ||
			echo "run-all: building the armhf KUnit kernel failed: see $logs/debug-kernel-armhf.log and $PPP_CACHE_DIR/debug-armhf/build.log"
		stage_end
	fi
	stage "check: ${#jobs_list[@]} VM jobs, ${PPP_JOBS:-2} at a time"
	running=0
	for j in "${jobs_list[@]}"; do
		while [ "$running" -ge "${PPP_JOBS:-2}" ]; do
			wait -n || true
			running=$((running - 1))
		done
		rm -f "$(job_log "$j").status"
		echo "run-all: started: $j"
		run_job "$j" &
		running=$((running + 1))
	done
	wait || true
	stage_end
	for j in "${jobs_list[@]}"; do
		log=$(job_log "$j")
		echo
		echo "==> $j ($log)"
		cat "$log"
		read -r rc secs < "$log.status" 2>/dev/null || { rc=1; secs=0; }
		if [[ "$j" == kunit* ]]; then
			read -r p f k < <(count_line "$log" "$rc")
			row="kunit (debug kernel)"
			[ "$j" = kunit ] || row="kunit (${j#kunit } kernel)"
			add_row "$row" "$p" "$f" "$k" "$secs"
			[ "$f" = 0 ] || failed+=("${j// /-}: $f failed (see $log)")
			continue
		fi
		p=$(awk '$1 == "RESULT" && $3 == "PASS"' "$log" | wc -l)
		k=$(awk '$1 == "RESULT" && $3 == "SKIP"' "$log" | wc -l)
		# the failed RESULT lines, without the word RESULT
		mapfile -t fails < <(awk '$1 == "RESULT" && $3 != "PASS" && $3 != "SKIP" { $1 = ""; print substr($0, 2) }' "$log")
		f=${#fails[@]}
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			echo "run-all: run.sh failed before reporting (status $rc)"
			fails=("$j: run.sh failed before reporting (status $rc; see $log)")
			f=1
		fi
		row=$j	# another arch's lane: "qemu arm64-6.12 ours"
		[[ "$j" != arch\ * ]] || row=$(echo "$j" | awk '{ print "qemu " $2 "-" $3 " " $4 }')
		add_row "$row" "$p" "$f" "$k" "$secs"
		failed+=("${fails[@]}")
	done
fi

echo
echo "Summary ($(( $(date +%s) - t_start )) s)"
printf '%-28s %6s %6s %7s %8s\n' "suite" passed failed skipped time
for row in "${table[@]}"; do
	echo "$row"
done
# The failures again, so that the last lines of a red run name them.
if [ ${#failed[@]} -gt 0 ]; then
	echo "failed:"
	printf '  %s\n' "${failed[@]:0:12}"
	[ ${#failed[@]} -le 12 ] || echo "  ... and $(( ${#failed[@]} - 12 )) more"
fi
sk=
[ "$total_skip" = 0 ] || sk=", $total_skip skipped"
echo "$total_pass passed, $total_fail failed$sk"
[ "$total_fail" = 0 ]
exit
}
