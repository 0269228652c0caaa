# SPDX-License-Identifier: GPL-2.0
#
# Scenario: nftables flowtable offload through kernel-mode PPPoE.  Netns
# a routes between a host (veth ra) and a PPPoE session (pppox/pppoe of
# the module set, ours or in-tree, on veth va, as in 45-pppoe-kernel) with an nft flowtable
# on ra and va.  Offloading a flow asks ppp0 for its forward path
# (ndo_fill_forward_path -> the channel's fill_forward_path): PPPoE
# session N over va.  The flowtable's ingress hook on va then takes the
# session's frames of the flow itself (strips the PPPoE header and
# forwards them to ra): ppp0 receives none of them.  The other way the
# flowtable transmits straight into ppp0.
#
#   netns h (host)      netns a (router, nft flowtable {ra, va})   netns b
#   vh 192.0.2.2 <====> ra 192.0.2.1                               pppoe-server
#                       pppd plugin rp-pppoe.so va (2.5: pppoe.so)
#                       ppp0 198.51.100.2 <---- PPP session ---->  ppp0 198.51.100.1
#                       va <=========== Ethernet (PPPoE) ========> vb
#
# Checks: the netfilter modules load; the session comes up; an 8 MiB TCP
# flow b -> h arrives whole (sha256), conntrack in a marks it [OFFLOAD]
# while it runs, and ppp0 in a receives less than a tenth of its
# segments (without a forward path from ppp0 the flow is offloaded too,
# but as if ppp0 were its input: every segment still comes up through
# pppoe and ppp0).  Skipped where the kernel has no netfilter modules
# (the debug kernel).
S=pppoe-flowtable
if [ ! -e "/mods/$PPP_OE/pppox.ko" ] || [ ! -e /mods/nf/order ]; then
	skip $S/modules-load "no netfilter modules for this kernel (or no $PPP_OE pppox.ko)"
	return 0
fi
: > /tmp/insmod.log
for m in $(cat /mods/nf/order); do
	grep -q "^$m " /proc/modules || load_mod "$m" nf >> /tmp/insmod.log 2>&1 || break
done
load_mod pppox "$PPP_OE" >> /tmp/insmod.log && load_mod pppoe "$PPP_OE" >> /tmp/insmod.log
if ! check $S/modules-load $? "netfilter or $PPP_OE pppox/pppoe modules refused" /tmp/insmod.log; then
	dmesg | tail -n 10
	return 0
fi

pppoe_up flow pap plugin "$PPPOE_PLUGIN" va
fresh_netns h
$IP link add ra netns a mtu 1492 type veth peer name vh netns h mtu 1492
ns a $IP addr add 192.0.2.1/24 dev ra && ns a $IP link set ra up &&
	ns h $IP addr add 192.0.2.2/24 dev vh && ns h $IP link set vh up &&
	ns h $IP route add default via 192.0.2.1 &&
	ns b $IP route add 192.0.2.0/24 dev ppp0 &&
	ns a sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward' &&
	ns a nft -f - <<-EOT
	table inet pppft {
		flowtable ft {
			hook ingress priority 0
			devices = { ra, va }
		}
		chain forward {
			type filter hook forward priority 0; policy accept;
			meta l4proto tcp flow add @ft
		}
	}
	EOT
check $S/router-configured $? "veth, routes, forwarding or nft failed"
ping_check $S/ping-through-router h 198.51.100.1 1400

# tcp_offloaded: conntrack in a lists the flow to port 5001 as offloaded.
tcp_offloaded() {
	ns a conntrack -L -p tcp 2>/dev/null | grep 'dport=5001 ' | grep -q 'OFFLOAD'
}
dd if=/dev/urandom of=/tmp/blob bs=1M count=8 2>/dev/null
segs=$(( 8 * 1048576 / 1452 ))
rm -f /tmp/recv
$NSX h socat -u TCP-LISTEN:5001,reuseaddr OPEN:/tmp/recv,creat,trunc &
rx=$!
wait_until 5 ns h sh -c 'netstat -ltn | grep -q ":5001 "'
i0=$(ns a ppp_stats ppp0 ipackets)
timeout 180 $NSX b socat -u OPEN:/tmp/blob TCP:192.0.2.2:5001 &
tx=$!
wait_until 60 tcp_offloaded
check $S/conntrack-offload $? "no [OFFLOAD] flow to port 5001: $(ns a conntrack -L -p tcp 2>&1 | grep 5001)"
wait_until 180 dead $tx && wait_until 30 dead $rx
i1=$(ns a ppp_stats ppp0 ipackets)
[ "$(sha256sum < /tmp/blob)" = "$(sha256sum < /tmp/recv 2>/dev/null)" ]
check $S/tcp-8M-b-to-h $? "sha256 mismatch: $(wc -c < /tmp/recv 2>/dev/null) bytes arrived"
in=$((i1 - i0))
[ -n "$i0" ] && [ "$in" -lt $((segs / 10)) ]
check $S/rx-bypasses-ppp0 $? "ppp0 received $in frames of a flow of ~$segs segments"
stop_pids $tx $rx
rm -f /tmp/blob /tmp/recv
ns a nft delete table inet pppft
pppoe_stop
$IP netns del h

# Leave nothing on top of ppp_generic; netfilter stays (it holds none).
unload_pppoe $S/pppoe-pppox-unload
