# SPDX-License-Identifier: GPL-2.0
#
# The /dev/ppp userspace contract, checked by the C programs in
# tests/progs/ named ppp_*_check (ioctl errnos, rtnetlink "ppp"
# links, per-netns units...).  Each prints its own
# "RESULT <area>/<check> PASS|FAIL" lines; they are reported here as
# contract/<area>/<check>.  A program that dies or times out is a failure.
#
#   ppp_*_check --ioctl/read/write/poll--> /dev/ppp (units, channels)
#                                             ^
#                                    N_PPP ldisc on a pty
S=contract
for prog in /usr/local/bin/ppp_*_check; do
	[ -x "$prog" ] || continue
	name=$(basename "$prog")
	timeout 60 "$prog" > /tmp/$name.out 2>&1
	rc=$?
	forward_results $S < /tmp/$name.out
	grep -q '^RESULT .* FAIL' /tmp/$name.out && rc=0	# already reported
	check $S/$name-exit $rc "$name exited with status $rc" /tmp/$name.out
done
