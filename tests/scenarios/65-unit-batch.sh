# SPDX-License-Identifier: GPL-2.0
#
# Scenario: closing many units (drivers/net/ppp/unit.c: the device goes
# during close(), the waits for its references after it) keeps what
# userspace sees.  tests/progs/ppp_unit_batch.c:
#
#   200 units  --close all-->  every ppp%d gone; the next PPPIOCNEWUNIT
#                              gets the lowest number again, a number
#                              just closed can be asked for by number
#   unit fd closed  -->  PPPIOCATTACH to it: ENXIO at once
#   40 x (unshare netns, 2 units, exit): the netns dies with units that
#                              were just closed
#
# (rmmod after all this is the final step of every boot, see init.)
S=unit-batch
n=200
[ -z "$PPP_DEBUG" ] || n=60
out=$(ppp_unit_batch $n 2>&1)
rc=$?
echo "$out"
check $S/close-reuse-attach-netns $rc "$(echo "$out" | grep FAIL | head -n 3 | tr '\n' ' ')"
wait_until 10 no_ppp_ifaces
check $S/no-ppp-ifaces $? "left behind:$(ppp_ifaces | tr -d ':\n')"
