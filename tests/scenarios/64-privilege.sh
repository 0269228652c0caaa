# SPDX-License-Identifier: GPL-2.0
#
# Scenario: privilege.  ppp_priv (tests/progs/ppp_priv.c) as root forks
# children that drop to uid 65534 with no capabilities, some of them in
# new user (+ network) namespaces, and checks what /dev/ppp lets them do:
#
#   65534, no caps ----open----> 0666 copy of c 108 0 : EPERM
#   root-opened fd ---NEWUNIT--> (caller is 65534)     : EPERM
#   65534 in userns+netns -----> opens, units only in its own netns
#   65534 in userns only ------> opens, NEWUNIT/ATTACH : EPERM
#
# (Root without CAP_NET_ADMIN is ppp_ioctl_check's unprivileged-open.)
# The user-namespace checks are SKIP only on a kernel without user
# namespaces (every kernel booted here has them, the debug kernel too);
# a kernel that refuses them to an unprivileged user is a FAIL.
S=privilege
timeout 60 ppp_priv > /tmp/priv.out 2>&1
rc=$?
while read -r tag name status why; do
	case "$tag" in
	RESULT) result "$S/${name#priv/}" "$status" "$why" ;;
	*) echo "$tag $name $status $why" ;;
	esac
done < /tmp/priv.out
grep -q '^RESULT .* FAIL' /tmp/priv.out && rc=0	# already reported
check $S/ppp_priv-exit $rc "ppp_priv exited with status $rc" /tmp/priv.out
