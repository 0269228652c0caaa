# SPDX-License-Identifier: GPL-2.0
#
# Scenario: kernel-mode PPPoE (pppox/pppoe of the module set under test)
# against hostile input and teardown races, driven by
# tests/progs/pppoe_hostile.  A session (sid 1) is bound in netns a on
# va; a packet socket in netns b on vb writes raw frames to it.
#
#   netns a                                    netns b
#   PX_PROTO_OE socket, channel fd             AF_PACKET socket
#   veth va  <======= crafted 0x8864 / 0x8863 frames =======  veth vb
#
# Checks (hostile/...): every kind of bad session frame is dropped (and
# counted in /proc/net/pppoe_stats with our pppoe): short, length field
# past the frame or under 2, version/type not 1/1, code not 0,
# compressed protocol, unknown session, wrong source or destination MAC;
# random frames (fuzz) leave the session working; the bad frames and
# the fuzz again with GRO on at va (hostile/gro/...); a PADT storm for
# other sessions leaves it up, PADTs for it end it once; a relay
# (PPPOEIOCSFWD) from one session to another, and back off; with our
# ppp_generic and pppoe, bad frames for a session on a unit show per
# cause in ethtool -S and the channel's /proc/net/ppp_channels row
# (counted; SKIP otherwise: the in-tree modules have neither); va deleted
# while 16 sessions carry traffic: all end and the deletion does not
# hang; connect() racing veth creation and deletion; netns b deleted
# (which takes va with it) and netns a deleted while a process still
# holds its sessions.  Then no ppp interface is left and pppoe and pppox
# unload.
S=pppoe-hostile
load_pppoe $S/pppox-pppoe-load || return 0

hostile() {	# hostile MODE [ARG]: one pppoe_hostile run, its checks reported
	local rc t0
	t0=$(date +%s)
	timeout 120 pppoe_hostile "$1" a va b vb ${2:+"$2"} > /tmp/hostile.out 2>&1
	rc=$?
	echo "pppoe_hostile $1: $(( $(date +%s) - t0 )) s"
	forward_results "$S${HOSTILE_TAG:+/$HOSTILE_TAG}" < /tmp/hostile.out
	grep -q '^RESULT .* FAIL' /tmp/hostile.out && rc=0	# already reported
	check "$S/${HOSTILE_TAG:+$HOSTILE_TAG/}$1-exit" $rc "pppoe_hostile $1 exited with status $rc" /tmp/hostile.out
}

fuzz_s=10 storm=20000 rounds=40
# KASAN and lockdep make every frame and ip(8) call several times dearer.
[ -z "$PPP_DEBUG" ] || { fuzz_s=5 storm=2000 rounds=8; }
[ -z "$PPP_SOAK" ] || { fuzz_s=300 storm=200000 rounds=1000; }
veth_ab
check $S/veth-up $? "veth pair"
hostile frames
hostile counted 50
hostile fuzz $fuzz_s
# The same frames through GRO: with GRO on at va and TSO off at vb, the
# veth hands what va receives to GRO, as a NIC driver does, and our
# pppoe's GRO offload (none in-tree) looks at every session frame before
# pppoe_rcv() does.  Results under hostile/gro/.
ns a ethtool -K va gro on && ns b ethtool -K vb tso off
check $S/gro-on $? "ethtool -K va gro on, vb tso off"
HOSTILE_TAG=gro
hostile frames
hostile fuzz $fuzz_s
HOSTILE_TAG=
ns a ethtool -K va gro off
ns b ethtool -K vb tso on
hostile padt $storm
hostile relay
hostile unreg 16
veth_ab
hostile race $rounds

# netns b deleted under live sessions: vb goes with it, and va (its veth
# peer) with vb, so the 8 sessions in a end with their device.
veth_ab
pppoe_hostile hold a va - - 8 > /tmp/hold.out 2>&1 &
hold=$!
wait_until 20 grep -q READY /tmp/hold.out
$IP netns del b
wait_until 40 dead $hold
check $S/netns-del-peer $? "pppoe_hostile hold still running 40 s after netns b went" /tmp/hold.out
forward_results $S < /tmp/hold.out

# netns a deleted while the process in it holds 8 sessions, killed at
# once: the namespace dies as the sockets close.
veth_ab
pppoe_hostile hold a va - - 8 > /tmp/hold.out 2>&1 &
hold=$!
wait_until 20 grep -q READY /tmp/hold.out
check $S/netns-del-own-bound $? "no sessions bound" /tmp/hold.out
$IP netns del a
kill -9 $hold
wait_until 10 dead $hold
$IP netns del b
wait_until 10 no_ppp_ifaces
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces | tr -d ':\n')"
unload_pppoe $S/pppoe-pppox-unload
