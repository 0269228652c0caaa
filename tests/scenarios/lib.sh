# SPDX-License-Identifier: GPL-2.0
#
# Helpers for the scenarios, sourced inside the test VM (busybox sh).
# A scenario sets S=<name> and reports each check with `check` or
# `result`: "RESULT $S/<check> PASS" or "RESULT $S/<check> FAIL <why>",
# written to fd 3 (the result port) and echoed on the console.
#
# Gotchas (see ../../../shared/reference/qemu-notes.md):
#  - busybox runs its own applets first: call iproute2's ip as $IP;
#  - never background a process through a shell function ($! would be
#    the subshell): use "$NSX ns prog ... &", which execs prog;
#  - PID 1 reaps lazily: "exited" means gone or a zombie (see alive).

IP=/usr/bin/ip			# iproute2's: busybox's ip has no netns
NSX="$IP netns exec"		# $NSX NS CMD...: CMD in namespace NS (execs)
CHAT=/usr/local/bin/chat	# ours if the host built it, else Debian's
[ -x "$CHAT" ] || CHAT=/usr/sbin/chat

# The pppd under test (ppp.pppd=, run.sh --pppd): Debian 12's 2.4.9 in
# /usr/sbin, or Debian 13's 2.5, whose directory goes first in PATH, so
# that every `pppd` a scenario starts (fakemodem's exec too) is that one;
# it is named pppd, so killall and pidof find it.  PPPD is its path
# (pppoe-server -q), PPPOE_PLUGIN the kernel-mode PPPoE plugin's name.
PPPD=/usr/sbin/pppd
# shellcheck disable=SC2034 # used by 45-pppoe-kernel
PPPOE_PLUGIN=rp-pppoe.so
case "$PPP_PPPD" in
2.5*)
	PPPD=/usr/local/pppd-2.5/sbin/pppd
	# shellcheck disable=SC2034
	PPPOE_PLUGIN=pppoe.so
	case ":$PATH:" in
	*":${PPPD%/pppd}:"*) ;;
	*) export PATH="${PPPD%/pppd}:$PATH" ;;
	esac ;;
esac

# Options every pppd in these tests uses: a pty has no modem lines
# (local, nocrtscts); lcp-restart 1 because the first Configure-Request
# is often lost while the peer is still setting up its side.
PPPD_BASE="115200 local nocrtscts noauth nodetach lcp-restart 1 maxfail 1 nodefaultroute"

say() {	# say TEXT: a line for the reader of the console (and the demo)
	echo "== $*"
}

result() {	# result NAME PASS|FAIL [WHY]
	echo "RESULT $1 $2${3:+ $3}" >&3
	echo "RESULT $1 $2${3:+ $3}"
}

skip() {	# skip NAME WHY: a check that cannot run on this kernel/module set
	result "$1" SKIP "$2"
}

# forward_results PREFIX: report the "RESULT <area>/<check> STATUS WHY"
# lines a test program printed on stdin as PREFIX/<area>/<check>; other
# lines go to the console.
forward_results() {
	local tag name status why
	while read -r tag name status why; do
		case "$tag" in
		RESULT) result "$1/$name" "$status" "$why" ;;
		*) echo "$tag $name $status $why" ;;
		esac
	done
}

# check NAME STATUS WHY [LOG...]: PASS when STATUS is 0; on FAIL, the
# tail of each LOG goes to the console, where the host picks it up.
check() {
	local name=$1 rc=$2 why=$3 f
	shift 3
	if [ "$rc" = 0 ]; then
		result "$name" PASS
		return 0
	fi
	result "$name" FAIL "$why"
	for f in "$@"; do
		[ -e "$f" ] || continue
		echo "---- tail of $f"
		tail -n 25 "$f"
	done
	return 1
}

# load_mod NAME ours|intree.  ppp_deflate needs zlib_deflate, a module
# of its own on some kernels (Debian's armhf 6.12); setup caches it then.
load_mod() {
	if [ "$1" = ppp_deflate ] && [ -e /mods/intree/zlib_deflate.ko ] &&
	   ! grep -q '^zlib_deflate ' /proc/modules; then
		insmod /mods/intree/zlib_deflate.ko 2>&1 || return
	fi
	insmod "/mods/$2/$1.ko" 2>&1
}

# load_pppoe CHECK: insmod pppox and pppoe of the set under test
# ($PPP_OE, ppp.modules=...,pppoe=ours|intree) on top of the loaded
# ppp_generic; CHECK passes when both load.  False (after a SKIP on the
# debug kernel, which has no in-tree ones) when they cannot.
load_pppoe() {
	if [ "$PPP_OE" != ours ]; then
		intree_module pppox "$1" && intree_module pppoe "$1" || return 1
	fi
	load_mod pppox "$PPP_OE" > /tmp/insmod.log &&
		load_mod pppoe "$PPP_OE" >> /tmp/insmod.log
	check "$1" $? "pppox/pppoe ($PPP_OE) refused generic=$PPP_GEN" /tmp/insmod.log && return 0
	dmesg | tail -n 10
	return 1
}

# unload_pppoe CHECK: rmmod pppoe and pppox (nothing may still hold them);
# the next scenario may unload ppp_generic.
unload_pppoe() {
	wait_until 10 rmmod pppoe 2>/dev/null && rmmod pppox
	check "$1" $? "pppoe/pppox ($PPP_OE) would not unload: $(grep -E '^ppp(oe|ox) ' /proc/modules | tr '\n' ' ')"
}

# intree_module MOD CHECK: true if the image has the kernel's own MOD.ko.
# If not, CHECK is a SKIP on the debug kernel, which is built without
# PPP (CONFIG_PPP=n) and so cannot have it, and a FAIL on a stock
# kernel, which has it (make setup unpacks it into the cache).
intree_module() {
	[ -e "/mods/intree/$1.ko" ] && return 0
	if [ -n "$PPP_DEBUG" ]; then
		skip "$2" "the debug kernel is built without PPP: no in-tree $1.ko"
	else
		result "$2" FAIL "no /mods/intree/$1.ko on this stock kernel"
	fi
	return 1
}

ns() {	# ns NS CMD...: run CMD in namespace NS (foreground only)
	local n=$1
	shift
	$IP netns exec "$n" "$@"
}

# alive PID: running and not a zombie.
alive() {
	[ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null
}

dead() {
	! alive "$1"
}

# wait_until SECONDS COMMAND...: poll every 0.2 s until COMMAND succeeds.
wait_until() {
	local tries=$(( $1 * 5 ))
	shift
	while [ "$tries" -gt 0 ]; do
		"$@" && return 0
		sleep 0.2
		tries=$((tries - 1))
	done
	return 1
}

has_addr() {	# has_addr NS IF: IF in NS has an IPv4 address (IPCP is up)
	ns "$1" $IP -4 addr show "$2" 2>/dev/null | grep -q "inet "
}

ppp_ifaces() {	# ppp_ifaces NS...: ppp* interfaces in the init and given namespaces
	local n
	$IP -o link show | grep -o ': ppp[0-9]*'
	for n in "$@"; do
		ns "$n" $IP -o link show 2>/dev/null | grep -o ': ppp[0-9]*'
	done
}

no_ppp_ifaces() {
	[ -z "$(ppp_ifaces "$@")" ]
}

fresh_netns() {	# fresh_netns NS...: new, empty namespaces with lo up
	local n
	for n in "$@"; do
		$IP netns del "$n" 2>/dev/null
		$IP netns add "$n"
		ns "$n" $IP link set lo up
	done
}

# veth_ab: fresh netns a and b (fresh_netns) joined by veth va (in a) <->
# vb (in b), both up; veth loaded first if it is not.  False if a step
# failed.
veth_ab() {
	grep -q '^veth ' /proc/modules || load_mod veth intree
	fresh_netns a b
	$IP link add va netns a type veth peer name vb netns b &&
		ns a $IP link set va up && ns b $IP link set vb up
}

# pty_pair A B: two ptys joined by socat, at /tmp/A and /tmp/B, in raw
# mode; sets SOCAT to socat's pid.
pty_pair() {
	rm -f "/tmp/$1" "/tmp/$2"
	socat "pty,link=/tmp/$1,raw,echo=0" "pty,link=/tmp/$2,raw,echo=0" &
	SOCAT=$!
	wait_until 5 test -e "/tmp/$2"
}

# wire_pair A B: pty_pair, but joined by noise_relay (no garbage), which
# keeps every byte it passes on: /tmp/wire.ab is what B read (A's
# transmitter's output), /tmp/wire.ba what A read (tests/progs/hdlc_wire
# reads them).  Sets SOCAT to the relay's pid; stopping it (TERM) closes
# the files.
wire_pair() {
	rm -f "/tmp/$1" "/tmp/$2" /tmp/wire.ab /tmp/wire.ba
	noise_relay -a "/tmp/$1" -b "/tmp/$2" -w /tmp/wire >/dev/null 2>&1 &
	SOCAT=$!
	wait_until 5 test -e "/tmp/$2"
}

# sync_pair A B: pty_pair for pppd's sync mode, joined by sync_relay
# (tests/progs), which writes each frame to the other side by itself
# (socat would hand several on as one).  Sets SOCAT to the relay's pid;
# SIGUSR1 to it merges the next two big frames from A to B.
# The pause behind each frame is longer off x86-64: under TCG those
# guests read their pty more slowly, and back-to-back fragments would
# still reach the reader as one.
sync_pair() {
	local gap=500
	[ "$(uname -m)" = x86_64 ] || gap=2000
	rm -f "/tmp/$1" "/tmp/$2"
	sync_relay -a "/tmp/$1" -b "/tmp/$2" -g $gap >/dev/null 2>&1 &
	SOCAT=$!
	wait_until 5 test -e "/tmp/$2"
}

# pppd_pair NAME "A-OPTIONS" "B-OPTIONS": pppd <-> pppd over a fresh pty
# pair (pty_pair pa pb, or $PAIR pa pb, e.g. PAIR=wire_pair), a
# (192.0.2.1) in netns a and b in netns b, both with `debug` and logs in
# /tmp/a.log and /tmp/b.log; checks $S/NAME-link-up (IPCP up at both
# ends).  Sets PA and PB to the pids.
pppd_pair() {
	local name=$1 aopts=$2 bopts=$3
	fresh_netns a b
	${PAIR:-pty_pair} pa pb
	rm -f /tmp/a.log /tmp/b.log
	# shellcheck disable=SC2086
	$NSX a pppd /tmp/pa $PPPD_BASE debug $aopts 192.0.2.1:192.0.2.2 \
		logfile /tmp/a.log &
	PA=$!
	# shellcheck disable=SC2086
	$NSX b pppd /tmp/pb $PPPD_BASE debug $bopts logfile /tmp/b.log &
	PB=$!
	wait_until 30 has_addr a ppp0 && wait_until 10 has_addr b ppp0
	check $S/$name-link-up $? "IPCP did not come up" /tmp/a.log /tmp/b.log
}

# counters NS VAR KEY...: ppp0's SIOCGPPP*STATS counters KEY... in NS
# (tests/progs/ppp_stats) as shell variables VAR_<key>, 0 if unreadable.
counters() {
	local n=$1 var=$2 k v
	shift 2
	for k in "$@"; do
		# shellcheck disable=SC2034 # read by the eval
		v=$(ns "$n" ppp_stats ppp0 "$k" 2>/dev/null)
		eval "${var}_$k=\${v:-0}"
	done
}

# transfer_file NAME NS_SRC NS_DST ADDR FILE SECONDS: send FILE over TCP
# from NS_SRC to ADDR (in NS_DST) within SECONDS; PASS when the sha256
# of what arrived equals FILE's.
transfer_file() {
	local name=$1 src=$2 dst=$3 addr=$4 file=$5 tmo=$6 rx t0 t sum_tx sum_rx
	sum_tx=$(sha256sum "$file" | cut -d' ' -f1)
	rm -f /tmp/recv
	$NSX "$dst" socat -u TCP-LISTEN:5001,reuseaddr OPEN:/tmp/recv,creat,trunc &
	rx=$!
	wait_until 5 ns "$dst" sh -c 'netstat -ltn | grep -q ":5001 "'
	t0=$(date +%s)
	timeout "$tmo" $NSX "$src" socat -u OPEN:"$file" TCP:"$addr":5001
	wait_until 30 dead "$rx"
	t=$(( $(date +%s) - t0 ))
	kill "$rx" 2>/dev/null
	sum_rx=$(sha256sum /tmp/recv 2>/dev/null | cut -d' ' -f1)
	[ -n "$PPP_VERBOSE" ] &&
		say "sent $(( $(wc -c < "$file") >> 20 )) MiB $src -> $dst ($addr) in ${t} s, sha256 ${sum_tx%"${sum_tx#????????????????}"}... both ends"
	rm -f /tmp/recv
	[ -n "$sum_rx" ] && [ "$sum_tx" = "$sum_rx" ]
	check "$name" $? "sha256 mismatch after ${t} s: sent ${sum_tx%"${sum_tx#????????????????}"} got ${sum_rx:-nothing}"
}

# transfer NAME NS_SRC NS_DST ADDR MB: transfer_file with MB MiB of
# random data.  On the debug kernel, where KASAN makes every byte several
# times dearer, a fifth of MB (at least 1 MiB) goes: that kernel is there
# to catch memory and locking bugs, which do not need the volume; NAME
# keeps the stock kernels' size.
transfer() {
	local mb=$5
	[ -z "$PPP_DEBUG" ] || [ -n "$PPP_SOAK" ] || mb=$(( (mb + 4) / 5 ))
	dd if=/dev/urandom of=/tmp/blob bs=1M count="$mb" 2>/dev/null
	transfer_file "$1" "$2" "$3" "$4" /tmp/blob $((60 + mb * 15))
	local rc=$?
	rm -f /tmp/blob
	return $rc
}

# ping_check NAME NS ADDR [SIZE]: 5 pings, PASS at 0% loss.
ping_check() {
	local name=$1 n=$2 addr=$3 size=${4:-56} out
	out=$(ns "$n" ping -c 5 -i 0.2 -W 5 -s "$size" "$addr" 2>&1)
	[ -n "$PPP_VERBOSE" ] && echo "$out" | tail -n 2
	echo "$out" | grep -q ' 0% packet loss'
	check "$name" $? "$(echo "$out" | grep -m1 'packet loss')"
}

# stop_pids PID...: TERM, wait up to 5 s each, then KILL what is left.
stop_pids() {
	local p
	for p in "$@"; do kill "$p" 2>/dev/null; done
	for p in "$@"; do wait_until 5 dead "$p"; done
	for p in "$@"; do kill -9 "$p" 2>/dev/null; done
	return 0
}

# cleanup_all: what init runs after each scenario.
cleanup_all() {
	local n
	killall pppd pppoe pppoe-server socat iperf3 fakemodem chat 2>/dev/null
	sleep 0.5
	killall -9 pppd pppoe pppoe-server socat iperf3 fakemodem chat 2>/dev/null
	for n in $($IP netns list 2>/dev/null | cut -d' ' -f1); do
		$IP netns del "$n"
	done
	rm -rf /tmp/* /etc/ppp/*-secrets
	return 0
}

# --- PPPoE (scenarios 40, 45) ---------------------------------------------

# pppoe_session NAME pap|chap CLIENT-PPPD-ARGS...: a PPPoE access
# concentrator (pppoe-server running $PPPD, user mode: Debian's build
# has no -k) in netns b on veth vb, a client pppd in netns a on veth va;
# waits for the session (pppoe_up), then ping and a bulk transfer.
# Leaves PC (client pppd pid) and the namespaces for the caller's extra
# checks; pppoe_stop ends it.
pppoe_session() {
	pppoe_up "$@"
	ping_check $S/$1-ping a 198.51.100.1 1400
	transfer $S/$1-tcp-20M a b 198.51.100.1 20
}

# pppoe_up NAME pap|chap CLIENT-PPPD-ARGS...: pppoe_session up to the
# check $S/NAME-up (the session is up), without traffic.  The server
# gets $PPPOE_SERVER_ARGS too (e.g. -s: sync mode, N_SYNC_PPP).  The
# client authenticates as $PPPOE_USER with secret $PPPOE_SECRET (default
# client / s3cret).
pppoe_up() {
	local name=$1 auth=$2 user=${PPPOE_USER:-client} secret=${PPPOE_SECRET:-s3cret}
	shift 2
	veth_ab
	echo "\"$user\" \"server\" \"$secret\" *" > /etc/ppp/$auth-secrets
	chmod 600 /etc/ppp/$auth-secrets
	cat > /etc/ppp/pppoe-server-options <<-EOT
	require-$auth
	name server
	lcp-restart 1
	mtu 1492
	mru 1492
	logfile /tmp/srv.log
	EOT
	rm -f /tmp/srv.log /tmp/cli.log
	# shellcheck disable=SC2086 # PPPOE_SERVER_ARGS: e.g. -s (sync)
	$NSX b pppoe-server -F -q "$PPPD" $PPPOE_SERVER_ARGS -I vb -L 198.51.100.1 \
		-R 198.51.100.2 -N 2 &
	PS=$!
	$NSX a pppd "$@" noauth name "$user" user "$user" remotename server \
		noipdefault nodetach maxfail 1 lcp-restart 1 mtu 1492 mru 1492 \
		logfile /tmp/cli.log &
	PC=$!
	wait_until 40 has_addr a ppp0
	check $S/$name-up $? "no PPPoE session" /tmp/cli.log /tmp/srv.log
	if [ -n "$PPP_VERBOSE" ]; then
		say "PPPoE session ($name mode):"
		ns a $IP -4 addr show ppp0 | sed 's/^/   /'
	fi
}

pppoe_stop() {	# pppoe_stop: end the session, check the client exits
	kill -TERM $PC
	wait_until 15 dead $PC
	check $S/teardown-client-exits $? "client pppd still running" /tmp/cli.log
	stop_pids $PC $PS
	killall pppd pppoe 2>/dev/null
	wait_until 5 no_ppp_ifaces a b
	$IP netns del a
	$IP netns del b
}
