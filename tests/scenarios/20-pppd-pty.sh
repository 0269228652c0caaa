# SPDX-License-Identifier: GPL-2.0
#
# Scenario 1: pppd <-> pppd over a pty pair, each end in its own netns.
#
#   netns a                                          netns b
#   pppd /tmp/pa                                     pppd /tmp/pb
#     | N_PPP                                          | N_PPP
#   pty /tmp/pa <====== socat pty <-> pty ======> pty /tmp/pb
#   ppp0 192.0.2.1  <--------- PPP link --------->  ppp0 192.0.2.2
#
# Checks: LCP + IPCP up; ping 0% loss, also MTU-sized (1500 bytes on
# the wire); 20 MiB over TCP a -> b and 4 MiB b -> a with equal sha256
# at both ends; clean teardown: SIGTERM to pppd a terminates the link
# (LCP Terminate-Request), both pppd exit, no ppp interface is left.
# (rmmod of the modules is the final step of every boot, see init.)
S=pppd-pty
fresh_netns a b
pty_pair pa pb
$NSX a pppd /tmp/pa $PPPD_BASE 192.0.2.1:192.0.2.2 logfile /tmp/a.log &
PA=$!
$NSX b pppd /tmp/pb $PPPD_BASE logfile /tmp/b.log &
PB=$!

wait_until 30 has_addr a ppp0 && wait_until 10 has_addr b ppp0
check $S/link-up $? "IPCP did not come up on both ends" /tmp/a.log /tmp/b.log
ping_check $S/ping a 192.0.2.2
ping_check $S/ping-mtu a 192.0.2.2 1472
transfer $S/tcp-20M-a-to-b a b 192.0.2.2 20
transfer $S/tcp-4M-b-to-a b a 192.0.2.1 4

kill -TERM $PA
wait_until 15 dead $PA && wait_until 15 dead $PB
check $S/teardown-both-pppd-exit $? "pppd still running (a: $(alive $PA && echo up || echo gone), b: $(alive $PB && echo up || echo gone))" /tmp/a.log /tmp/b.log
wait_until 5 no_ppp_ifaces a b
check $S/teardown-no-ppp-ifaces $? "left behind:$(ppp_ifaces a b | tr -d ':\n')"
stop_pids $PA $PB $SOCAT
