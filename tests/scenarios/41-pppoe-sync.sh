# SPDX-License-Identifier: GPL-2.0
#
# PPPoE in user mode, synchronous (rp-pppoe's -s): the pppoe program does
# no HDLC framing, and pppd's `sync` puts its pty in N_SYNC_PPP
# (ppp_synctty) at both ends; `pppoe -s` puts its end of each pty in
# N_HDLC (the kernel's n_hdlc, which the debug kernel and Debian's
# kernels for arm64, armhf and mips64el have not: SKIP there).  CHAP authentication.
#
#   netns a (client)                        netns b (access concentrator)
#   pppd pty "pppoe -s -I va" sync          pppoe-server -s -I vb
#     | N_SYNC_PPP on a pty                   -> pppd pty "pppoe -s ..." sync
#   pppoe -s -I va                          pppoe -s (session) on vb
#   veth va  <========== Ethernet (PPPoE) ==========>  veth vb
#   ppp0 198.51.100.2  <------ PPP session ------>  ppp0 198.51.100.1
#
# Each read of pppoe's pty is taken as one frame; under load a pty can
# hand two on as one (rp-pppoe's manual warns of it), which the
# receiving end counts as an input error: TCP sends the data again.
#
# Checks: session up with ppp_synctty in use at both ends (its
# reference count: one per tty in N_SYNC_PPP), a ping, the client pppd
# exits on SIGTERM; the 1400-byte ping and the 20 MiB TCP transfer.
# Only with ppp.soak=1 (a SKIP otherwise): under load the pty merges
# frames, and pppoe -s then quits on n_hdlc's EOVERFLOW ("Value too
# large for defined data type"), or pings go unanswered, with the
# in-tree ppp_synctty as with ours: the scenario measures the pty more
# than the line discipline.
S=pppoe-sync
if [ -z "$PPP_SOAK" ]; then
	skip $S/soak-only "pppoe -s over a pty loses frames under load with the in-tree ppp_synctty as with ours: ppp.soak=1 runs it"
	return 0
fi
if [ "$PPP_SYN" = intree ] && ! intree_module ppp_synctty $S/in-tree-module; then
	return 0
fi
if ! grep -q '^n_hdlc ' /proc/modules; then
	if [ ! -e /mods/intree/n_hdlc.ko ]; then
		# the debug kernel, and Debian's arm64, armhf and mips64el ones
		skip $S/n_hdlc "this kernel has no n_hdlc (N_HDLC), which pppoe -s needs"
		return 0
	fi
	load_mod n_hdlc intree > /tmp/insmod.log 2>&1
	check $S/n_hdlc-load $? "no in-tree n_hdlc.ko" /tmp/insmod.log || return 0
fi
PPPOE_SERVER_ARGS=-s
pppoe_up user chap pty "pppoe -s -I va" sync
r=$(cat /sys/module/ppp_synctty/refcnt 2>/dev/null)
[ "${r:-0}" -ge 2 ]
check $S/user-sync-ldisc-in-use $? "ppp_synctty refcnt ${r:-none}, want 2 (client and server ttys)" /tmp/cli.log /tmp/srv.log
ping_check $S/user-ping a 198.51.100.1 56
# pppoe -s takes each N_HDLC read as one frame; when the pty hands it two
# at once (a known N_HDLC/pty coalescing problem of rp-pppoe's sync mode)
# it may give up and end the session: then no transfer can run.
if ping_check $S/user-ping-1400 a 198.51.100.1 1400 && has_addr a ppp0; then
	transfer $S/user-tcp-20M a b 198.51.100.1 20
else
	result $S/user-tcp-20M FAIL "the session is gone" /tmp/cli.log
fi
counters a ca ierrors
counters b cb ierrors
# shellcheck disable=SC2154 # set by counters
[ -n "$PPP_VERBOSE" ] && say "input errors: client $ca_ierrors, server $cb_ierrors"
pppoe_stop
PPPOE_SERVER_ARGS=
