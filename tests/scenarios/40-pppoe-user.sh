# SPDX-License-Identifier: GPL-2.0
#
# PPPoE in user mode (rp-pppoe: pppoe-server and the pppoe client).
# Both ends run the `pppoe` program under pppd's pty option, so every session
# frame also crosses ppp_async on a pty.  CHAP authentication.
#
#   netns a (client)                        netns b (access concentrator)
#   pppd pty "pppoe -I va"                  pppoe-server -I vb
#     | N_PPP on a pty                        -> pppd pty "pppoe ..." N_PPP
#   pppoe -I va                             pppoe (session) on vb
#   veth va  <========== Ethernet (PPPoE) ==========>  veth vb
#   ppp0 198.51.100.2  <------ PPP session ------>  ppp0 198.51.100.1
#
# Checks: session up, ping (1400 bytes), 20 MiB TCP with equal sha256,
# the client pppd exits on SIGTERM.
S=pppoe-user
pppoe_session user chap pty "pppoe -I va"
pppoe_stop
