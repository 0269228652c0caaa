#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh --kernel 6.1|6.12|debug [--arch ARCH] [--modules SPEC]
#        [--scenarios GLOBS] [--pppd 2.4.9|2.5] [--verbose]
#
# Boots a stock Debian kernel (cached by `make setup`), or the debug
# kernel (scripts/qemu/debug-kernel.sh: KASAN, lockdep, kmemleak; built
# and cached on first use, our modules only), in QEMU with the
# PPP modules named by SPEC, runs the scenarios tests/scenarios/GLOBS.sh
# (default: all), and prints one line per check,
#     RESULT <kernel>/<spec>/<scenario>/<check> PASS|FAIL [why]
# then a summary.  Exit status 0 only when every check passed.
#
#   ARCH    x86_64 (default) | arm64 | armhf | armhf-lpae | mips64el: the
#           Debian kernel, pppd and tools of that arch (make setup
#           ARCHES=...), our modules and the test programs cross-built,
#           in that arch's QEMU; <kernel> in RESULT names then reads
#           <arch>-<kernel>, e.g. arm64-6.12/ours/...
#   SPEC    ours (default) | intree | generic=ours|intree,async=ours|intree,
#           sync=ours|intree,pppoe=ours|intree (sync: ppp_synctty; pppoe:
#           pppox + pppoe; a module not named: intree)
#   GLOBS   e.g. '30*' or '[23]*' or '20*,45*' (matched against the file names)
#   --pppd  the pppd every scenario runs: 2.4.9 (default, Debian 12's) or
#           2.5 (Debian 13's, on trixie's libc6; RESULT names then read
#           <kernel>/<spec>@pppd2.5/...)
#   --verbose  stream the VM's console while it runs (the demo uses this)
#
# Boot flow:
#   1. our modules, if SPEC uses them: ppp_build_modules (scripts/lib.sh)
#      against the headers of exactly that kernel, in the cache
#   2. test programs (tests/progs/*.c, gcc -O2 -Wall; another arch's
#      cross gcc, linked statically), chat (ours if it builds, else
#      Debian's) and pppstat
#   3. initrd = base image (initramfs.sh, cached) + a per-run archive with
#      /init (scripts/qemu/init), its settings /ppp.args, /scenarios,
#      /mods/{ours,intree,nf}, programs
#   4. qemu: no NIC, under timeout; console (x86: ttyS0) -> console.log,
#      result port (x86: ttyS1; see ppp_arch) -> results.log, both kept
#      in the run directory
#   5. results: RESULT lines, plus one check per boot that the console has
#      no kernel splat (BUG/WARNING/Oops/KASAN/lockdep/hung task)
#
# Environment: PPP_CACHE_DIR (cache), PPP_QEMU_TIMEOUT (default 1500 s;
# 3000 s on the debug kernel), PPP_SOAK=1 (scenarios run their long
# versions: ppp.soak=1 in /ppp.args; `make soak`),
# PPP_RUN_TAG (a name for the run directory, so that two runs of the
# same kernel and module set can go side by side).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

# The whole script is one brace group: bash parses it completely before
# running it, so editing this file during a run cannot break that run.
{

usage() {
	sed -n '4,25s/^# \{0,1\}//p' "$0" >&2
	exit 1
}
kernel= spec=ours glob='*' pppd=2.4.9 verbose= arch=x86_64
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel)    [ $# -ge 2 ] || usage; kernel=$2; shift 2 ;;
	--arch)      [ $# -ge 2 ] || usage; arch=$2; shift 2 ;;
	--modules)   [ $# -ge 2 ] || usage; spec=$2; shift 2 ;;
	--scenarios) [ $# -ge 2 ] || usage; glob=$2; shift 2 ;;
	--pppd)      [ $# -ge 2 ] || usage; pppd=$2; shift 2 ;;
	--verbose)   verbose=1; shift ;;
	-h|--help)   usage ;;
	*) echo "run.sh: unknown argument '$1'" >&2; usage ;;
	esac
done
[ -n "$kernel" ] || usage
ppp_arch "$arch" || exit 1
ppp_kernel_meta "$kernel" "$arch" >/dev/null || exit 1
case "$spec" in
ours|intree) ;;
*) [[ "$spec" =~ ^((generic|async|sync|pppoe)=(ours|intree),?)+$ ]] ||
	die "bad --modules '$spec' (ours, intree, or generic=ours|intree,async=ours|intree,sync=ours|intree,pppoe=ours|intree)" ;;
esac
case "$glob" in *[!A-Za-z0-9_*?.,\[\]-]*) die "bad --scenarios '$glob'" ;; esac
case "$pppd" in
2.4.9) ;;
2.5)	[ "$arch" = x86_64 ] || die "pppd 2.5 runs on x86_64 only"
	p25=$PPP_CACHE_DIR/pppd25
	[ -e "$p25/done" ] || die "pppd 2.5 is not in the cache: run 'make setup' (scripts/pppd25.sh)" ;;
*)	die "bad --pppd '$pppd' (2.4.9 or 2.5)" ;;
esac

if [ "$kernel" = debug ]; then
	[ "$spec" = ours ] || die "the debug kernel has no in-tree PPP modules: --modules ours only"
	"$PPP_TOP/scripts/qemu/debug-kernel.sh" >/dev/null ||
		die "building the debug kernel failed (log: $PPP_CACHE_DIR/debug/build.log)"
fi
kdir=$(ppp_kernel_dir "$kernel" "$arch")
[ -e "$kdir/kver" ] || die "kernel $kernel ($arch) is not in the cache: run 'make setup' (ARCHES=$arch)"
kver=$(cat "$kdir/kver")
lk=$(ppp_lane "$kernel" "$arch")
# The default pppd keeps the plain names; another one is in every
# RESULT name, so that both lanes count separately.
lane=
[ "$pppd" = 2.4.9 ] || lane=@pppd$pppd
label=$lk/$spec$lane
work=$PPP_CACHE_DIR/runs/$lk-${spec//[,=]/_}${lane:+-pppd$pppd}${PPP_RUN_TAG:+-$PPP_RUN_TAG}
mkdir -p "$work"
exec 9>"$work.lock"
flock 9		# one run per kernel+spec at a time; others may run alongside
rm -rf "$work"
mkdir -p "$work/overlay"/{mods/ours,mods/intree,scenarios,usr/local/bin}
t_start=$(date +%s)

# 1. Our modules, when SPEC uses any, built against this kernel's headers.
if [[ "$spec" == *ours* ]]; then
	build=$PPP_CACHE_DIR/build/$kver
	if ! ppp_build_modules "$kernel" "$arch" "$build" >"$work/build.log" 2>&1; then
		tail -n 40 "$work/build.log" >&2
		die "step 1: building our modules for $kver ($arch) failed (log: $work/build.log)"
	fi
	for m in ppp_generic ppp_async ppp_synctty pppox pppoe; do
		[ -e "$build/drivers/net/ppp/$m.ko" ] ||
			die "step 1: $build/drivers/net/ppp/$m.ko was not built"
		cp "$build/drivers/net/ppp/$m.ko" "$work/overlay/mods/ours/"
	done
fi
# 05-autoload: DKMS's build of our modules and kmod, under /autoload.
if [ "$spec" = ours ]; then
	"$PPP_TOP/scripts/qemu/autoload-tree.sh" "$work/overlay" "$kernel" "$glob" ||
		die "step 1: the tree of 05-autoload failed"
fi
cp "$kdir"/mods/*.ko "$work/overlay/mods/intree/"
# The in-tree ppp_synctty and n_hdlc (setup.sh: syncmods/<kver>/).
sm=$PPP_CACHE_DIR/syncmods/$kver
[ ! -e "$sm/done" ] || cp "$sm"/mods/*.ko "$work/overlay/mods/intree/"
# Netfilter modules (setup.sh), for 47-pppoe-flowtable: /mods/nf/order.
nf=$PPP_CACHE_DIR/nfmods/$kver
if [ -e "$nf/done" ]; then
	mkdir -p "$work/overlay/mods/nf"
	cp "$nf"/mods/*.ko "$nf/order" "$work/overlay/mods/nf/"
fi

# 2. Test programs (cached by content: a source, the headers beside it
# and the compiler command, so that work trees checked out at different
# times never share a stale binary) and chat.  Another arch's are linked
# statically: nothing to match in its image's libraries.
progs=$PPP_CACHE_DIR/progs
cc="gcc -O2 -Wall"
if [ "$arch" != x86_64 ]; then
	progs=$PPP_CACHE_DIR/progs-$A_DEB
	cc="${A_CROSS}gcc -O2 -Wall -static"
fi
mkdir -p "$progs"
hdrs=("$PPP_TOP"/tests/progs/*.h)	# what the programs include
for c in "$PPP_TOP"/tests/progs/*.c; do
	[ -e "$c" ] || continue
	bin=$progs/$(basename "$c" .c)
	key=$( { cat "$c" "${hdrs[@]}"; echo "$cc"; } | sha256sum | cut -c1-16)
	# Runs for other kernels may compile the same program: one at a time.
	if [ "$(cat "$bin.key" 2>/dev/null)" != "$key" ]; then
		flock "$progs.lock" sh -c '[ "$(cat "$1.key" 2>/dev/null)" = "$4" ] ||
			{ $3 -o "$1.tmp.$$" "$2" && mv "$1.tmp.$$" "$1" &&
			  echo "$4" > "$1.key"; }' \
			sh "$bin" "$c" "$cc" "$key" 2>"$work/progs.log" || {
			cat "$work/progs.log" >&2
			die "step 2: cannot compile $c"
		}
	fi
	cp "$bin" "$work/overlay/usr/local/bin/"
done
chat=debian
if [ "$arch" != x86_64 ]; then
	# chat's sources, cross-compiled in one go (its Makefile builds in
	# place, for the host)
	csrc=$(sed -n 's/^SRCS[[:space:]]*:=//p' "$PPP_TOP/userspace/chat/Makefile")
	# shellcheck disable=SC2086 # words: the compiler and its options, the sources
	if (cd "$PPP_TOP/userspace/chat" && $cc -D_GNU_SOURCE -o "$progs/chat" $csrc) \
		>"$work/chat.log" 2>&1; then
		cp "$progs/chat" "$work/overlay/usr/local/bin/chat"
		chat=ours
	fi
elif [ -e "$PPP_TOP/userspace/chat/Makefile" ] &&
   flock "$PPP_CACHE_DIR/chat.lock" make -s -C "$PPP_TOP/userspace/chat" chat \
	>"$work/chat.log" 2>&1 &&
   [ -x "$PPP_TOP/userspace/chat/chat" ]; then
	cp "$PPP_TOP/userspace/chat/chat" "$work/overlay/usr/local/bin/chat"
	chat=ours
fi
if [ ! -e "$PPP_TOP/userspace/pppstat/Makefile" ]; then
	:
elif [ "$arch" != x86_64 ]; then
	# cross-compiled in one go, as chat
	psrc=$(sed -n 's/^SRCS[[:space:]]*:=//p' "$PPP_TOP/userspace/pppstat/Makefile")
	# shellcheck disable=SC2086 # words: the compiler and its options, the sources
	(cd "$PPP_TOP/userspace/pppstat" && $cc -D_GNU_SOURCE -o "$progs/pppstat" $psrc) \
		>"$work/pppstat.log" 2>&1 ||
		{ cat "$work/pppstat.log" >&2; die "step 2: cannot build pppstat ($arch)"; }
	cp "$progs/pppstat" "$work/overlay/usr/local/bin/"
else
	flock "$PPP_CACHE_DIR/pppstat.lock" make -s -C "$PPP_TOP/userspace/pppstat" \
		pppstat >"$work/pppstat.log" 2>&1 ||
		{ cat "$work/pppstat.log" >&2; die "step 2: cannot build pppstat"; }
	cp "$PPP_TOP/userspace/pppstat/pppstat" "$work/overlay/usr/local/bin/"
fi
cp "$PPP_TOP"/tests/scenarios/*.sh "$work/overlay/scenarios/"
cp "$PPP_TOP/scripts/qemu/init" "$work/overlay/init"
chmod +x "$work/overlay/init"
if [ "$pppd" = 2.5 ]; then
	# pppd 2.5's plugins need trixie's glibc (2.38 or later): it
	# replaces Debian 12's in this image, where the base image has its
	# libraries and loader.  Every program still runs: glibc is
	# backward compatible.
	multi=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
	mkdir -p "$work/overlay/lib/$multi" "$work/overlay/lib64"
	cp -L "$p25/libc/usr/lib/$multi"/*.so* "$work/overlay/lib/$multi/"
	ldso=$(cd "$p25/libc/usr/lib/$multi" && ls ld-linux*.so.* | head -n 1)
	cp -L "$p25/libc/usr/lib/$multi/$ldso" "$work/overlay/lib64/$ldso"
fi

# What /init is asked to do: in the image, not on the kernel command line,
# which some boards cut short (QEMU's malta passes about 250 bytes).
pargs="ppp.results=$A_RESULTS ppp.modules=$spec ppp.scenarios=$glob ppp.pppd=$pppd"
[ "$kernel" != debug ] || pargs+=" ppp.debug=1"
[ -z "$verbose" ] || pargs+=" ppp.verbose=1"
[ -z "${PPP_SOAK:-}" ] || pargs+=" ppp.soak=1"
echo "$pargs" > "$work/overlay/ppp.args"

# 3. The initrd: cached base + this run's archive, concatenated.
ppp_base_image "$arch" || die "step 3: building the base initramfs failed"
(cd "$work/overlay" && find . | cpio -o -H newc --quiet) | gzip -1 \
	> "$work/overlay.cpio.gz"
cat "$A_BASE" "$work/overlay.cpio.gz" > "$work/initrd.gz"

# 4. Boot.  The uncompressed vmlinux boots faster under TCG.
# Another arch: its own QEMU under TCG, and, where the board has one
# UART (arm virt), a PCI 16550 for the result port.
if [ "$arch" = x86_64 ]; then
	accel=$("$PPP_TOP/scripts/qemu/kvm-probe.sh")
	qemu="qemu-system-x86_64"
else
	accel="-accel tcg,thread=multi -smp $A_SMP"
	qemu=$A_QEMU
fi
ppp_qemu_results "$work/results.log"
image=$kdir/vmlinux
[ -e "$image" ] || image=$kdir/vmlinuz
cmdline="console=$A_CONSOLE oops=panic panic=-1 printk.time=1"
mem=1024 tmo=${PPP_QEMU_TIMEOUT:-1500}
if [ "$kernel" = debug ]; then
	# KASAN's shadow and lockdep's tables need room; everything is
	# several times slower under TCG.
	mem=2048 tmo=${PPP_QEMU_TIMEOUT:-3000}
	cmdline+=" kmemleak=on $(ppp_debug_kernel_args "$arch")"
fi
echo "run.sh: booting $kver ($arch, $label, pppd $pppd, chat: $chat, $(echo "$accel" | cut -d' ' -f1-2))"
boot() {	# boot: one QEMU run; sets qrc
	: > "$work/console.log"
	: > "$work/results.log"
	# shellcheck disable=SC2086
	timeout --foreground "$tmo" $qemu $accel \
		-m $mem -nodefaults -no-reboot -display none -nic none \
		-kernel "$image" -initrd "$work/initrd.gz" -append "$cmdline" \
		-serial "file:$work/console.log" "${A_RESPORT[@]}" \
		</dev/null &
	qpid=$!
	# A background job ignores ^C: take QEMU down with us.
	trap 'kill "$qpid" 2>/dev/null || true' EXIT
	trap 'exit 130' INT TERM
	if [ -n "$verbose" ]; then
		# Stream the console from the moment /init runs (the kernel's
		# boot messages stay in console.log) until QEMU is gone.
		tail -n +1 -f --pid="$qpid" "$work/console.log" |
			sed -u 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\x1bc//g; s/\r$//' |
			sed -u -n '/Run \/init as init/,${/Run \/init as init/d;p}'
		echo
	fi
	qrc=0
	wait "$qpid" || qrc=$?
	trap - EXIT INT TERM
}
boot
# The stock kernels, under multi-threaded TCG, now and then take an
# "Oops: int3" while patching their own text during early boot (QEMU
# runs a stale translation of the patched instruction on the other
# vCPU).  When the kernel dies before /init has run - before any module
# of ours is loaded - boot once more and keep the first console.
if [ ! -s "$work/results.log" ] && ! grep -aq 'Run /init as init' "$work/console.log"; then
	mv "$work/console.log" "$work/console-boot1.log"
	echo "run.sh: the kernel died before /init ran (not our code; see $work/console-boot1.log): booting again"
	boot
fi
elapsed=$(( $(date +%s) - t_start ))

# floor_check: one RESULT line for this lane's floor (tests/floors.txt):
# every scenario that ran must reach its minimum of PASS+SKIP results,
# so that a check that silently stops reporting is a FAIL.  A scenario's
# results are the lines up to its "<scenario>/completed" (init reports
# that one last; teardown/, console/ and floor/ come after the last
# one and count for none).  A subset glob (or comma-separated globs)
# takes the floors of the scenarios it selects, so the floor scales
# with --scenarios; a lane with no column in the file (e.g. a mixed
# module set, or the pppd 2.5 lane) has none, except another arch's,
# which takes x86_64's column of the same kernel and module set (so
# does a "-" in its own column: a scenario not measured there yet).
floor_check() {
	local floors=$PPP_TOP/tests/floors.txt col xcol= f name want got short=
	if [ ! -r "$floors" ]; then
		echo "RESULT $label/floor/pass-skip FAIL no $floors"
		return
	fi
	col=$(awk -v l="$label" '$1 == "scenario" {
		for (i = 2; i <= NF; i++) if ($i == l) print i }' "$floors")
	if [ "$arch" != x86_64 ]; then
		# another arch: where it has no column, or "-" in its
		# column, the same kernel and module set's x86_64 floor (the
		# scenarios report the same checks on every arch)
		xcol=$(awk -v l="$kernel/$spec$lane" '$1 == "scenario" {
			for (i = 2; i <= NF; i++) if ($i == l) print i }' "$floors")
		if [ -z "$col" ]; then
			col=$xcol
			[ -z "$col" ] || echo "run.sh: $label: no column in $floors: x86_64's $kernel/$spec$lane floors" >&2
		fi
	fi
	if [ -z "$col" ]; then
		echo "run.sh: $label: no floor for this lane in $floors" >&2
		return
	fi
	declare -A count=()
	while read -r name got; do
		count[$name]=$got
	done < <(awk -v p="$label/" '$1 == "RESULT" {
		c = substr($2, length(p) + 1)
		if (c ~ /^boot\//) next	# before the first scenario
		if ($3 == "PASS" || $3 == "SKIP") n++
		if (c ~ /^[0-9][^\/]*\/completed$/) {
			sub(/\/completed$/, "", c); print c, n + 0; n = 0 }
	}' "$work/results.txt")
	declare -A seen=()
	# the globs split with globbing off (a bare * would match the
	# working directory's entries), each expanded under tests/scenarios
	for f in $(set -f; IFS=,; for g in $glob; do
			set +f; echo "$PPP_TOP"/tests/scenarios/$g.sh; set -f; done); do
		[ -e "$f" ] || continue
		name=$(basename "$f" .sh)
		[[ "$name" == [0-9]* ]] || continue
		[ -z "${seen[$name]:-}" ] || continue
		seen[$name]=1
		want=$(awk -v s="$name" -v c="$col" '$1 == s { print $c }' "$floors")
		[ "$want" != - ] || [ -z "$xcol" ] ||
			want=$(awk -v s="$name" -v c="$xcol" '$1 == s { print $c }' "$floors")
		got=${count[$name]:-0}
		if [ -z "$want" ]; then
			short+=" $name (no floor in tests/floors.txt)"
		elif [ "$got" -lt "$want" ]; then
			short+=" $name $got<$want"
		fi
	done
	if [ -n "$short" ]; then
		echo "RESULT $label/floor/pass-skip FAIL lane $label under its PASS+SKIP floor:$short"
	else
		echo "RESULT $label/floor/pass-skip PASS"
	fi
}

# 5. Results.
sed -i 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\x1bc//g; s/\r$//' "$work/console.log"
tr -d '\r' < "$work/results.log" |
	sed -n "s|^RESULT \([^ ]*\) \(.*\)|RESULT $label/\1 \2|p" > "$work/results.txt"
if ! grep -qx END <(tr -d '\r' < "$work/results.log"); then
	why="VM did not finish (qemu exit $qrc)"
	[ "$qrc" != 124 ] || why="VM did not finish: timeout after $tmo s"
	echo "RESULT $label/boot/completed FAIL $why" >> "$work/results.txt"
fi
floor_check >> "$work/results.txt"
splat='BUG:|WARNING:|Oops|KASAN|UBSAN|general protection|Kernel panic|possible circular|possible recursive|inconsistent lock|INFO: task .* blocked|soft lockup|hard LOCKUP|kmemleak: [1-9]'
if grep -aE '^\[ *[0-9]+\.[0-9]+\] ' "$work/console.log" | grep -aEq "$splat"; then
	echo "RESULT $label/console/no-splat FAIL kernel splat in the console" >> "$work/results.txt"
else
	echo "RESULT $label/console/no-splat PASS" >> "$work/results.txt"
fi
cat "$work/results.txt"
# The robustness scenarios' figures (FIGURE lines), with the console's
# kernel splats and, on the debug kernel, kmemleak's suspected leaks.
splats=$(grep -aE '^\[ *[0-9]+\.[0-9]+\] ' "$work/console.log" | grep -acE "$splat" || true)
figs=$(sed -n 's/^FIGURE \([^ ]*\) \([^ ]*\).*/\1=\2/p' "$work/console.log" | tr '\n' ' ')
leaks=
if [ "$kernel" = debug ]; then
	leaks=" kmemleak-suspects=$(sed -n 's/.*kmemleak: \([0-9]*\) suspected leaks.*/\1/p' \
		"$work/results.txt" | awk '{ n += $1 } END { print n + 0 }')"
fi
echo "run.sh: $label: figures: ${figs}splats=$splats$leaks"
pass=$(awk '$3 == "PASS"' "$work/results.txt" | wc -l)
fail=$(awk '$3 != "PASS" && $3 != "SKIP"' "$work/results.txt" | wc -l)
skipped=$(awk '$3 == "SKIP"' "$work/results.txt" | wc -l)
if [ "$fail" -gt 0 ]; then
	echo
	echo "---- what the failing checks left on the console ($work/console.log):"
	# Each failing check prints its reason and log tails right after its
	# RESULT line; show that much, up to the next RESULT or scenario.
	awk '/^RESULT .* FAIL/ { on = 1; n = 0 }
	     on && n++ < 60 { print "  | " $0 }
	     on && n > 1 && /^(RESULT |---- scenario)/ { on = 0 }' "$work/console.log"
	if grep -aE '^\[ *[0-9]+\.[0-9]+\] ' "$work/console.log" | grep -aEq "$splat"; then
		echo "---- the first kernel splat:"
		grep -anE "^\[ *[0-9]+\.[0-9]+\] .*($splat)" "$work/console.log" |
			head -n 1 | cut -d: -f1 |
			{ read -r n; tail -n +"$n" "$work/console.log"; } |
			head -n 50 | sed 's/^/  | /'
	elif grep -q '/boot/completed FAIL' "$work/results.txt"; then
		echo "---- the console's last lines:"
		tail -n 30 "$work/console.log" | sed 's/^/  | /'
	fi
fi
sk=
[ "$skipped" = 0 ] || sk=", $skipped skipped"
echo "run.sh: $label: $pass passed, $fail failed$sk ($elapsed s; logs in $work)"
[ "$fail" = 0 ]
exit
}
