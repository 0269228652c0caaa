#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# demo.sh: the main jobs, shown.  Boots stock Debian 6.12 in QEMU with
# our modules (MODULES=intree for Debian's own) and runs one scenario
# with a readable transcript:
#
#   DEMO=dialup (default)  tests/scenarios/30-dialup.sh: chat's dialogue
#       with the (fake) modem, pppd bringing the link up, the addresses,
#       a ping and a transfer across the link, then a hangup;
#   DEMO=pppoe  tests/scenarios/46-pppoe-server-kernel.sh: the usual
#       PPPoE setup in kernel mode (pppoe-server -k, the client's
#       `pppd plugin rp-pppoe.so nic-va user rp-pppoe`): discovery packet
#       by packet as captured in the server's namespace (PADI, PADO,
#       PADR, PADS with the session id), CHAP with rp-pppoe/rp-pppoe,
#       the addresses, a ping and a transfer, /proc/net/pppoe at both
#       ends, then the PADT at hangup.
#
#   make demo                 # or: scripts/qemu/demo.sh
#   make demo DEMO=pppoe
#   MODULES=intree make demo
#   KERNEL=6.1 make demo
#   DEMO_ARCH=arm64 make demo # Debian's arm64 kernel and pppd (setup ARCHES)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
case "${DEMO:-dialup}" in
dialup)	scen='30*' ;;
pppoe)	scen='46*' ;;
*)	echo "demo.sh: unknown DEMO '$DEMO' (dialup or pppoe)" >&2; exit 1 ;;
esac
exec "$top/scripts/qemu/run.sh" --arch "${DEMO_ARCH:-x86_64}" --kernel "${KERNEL:-6.12}" \
	--modules "${MODULES:-ours}" --scenarios "$scen" --verbose
