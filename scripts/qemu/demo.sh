#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# demo.sh: the main job, shown.  Boots stock Debian 6.12 in QEMU with our
# modules (MODULES=intree for Debian's own), and runs the dial-up
# scenario (tests/scenarios/30-dialup.sh) with a readable transcript:
# chat's dialogue with the (fake) modem, pppd bringing the link up, the
# addresses, a ping and a transfer across the link, then a hangup.
#
#   make demo                 # or: scripts/qemu/demo.sh
#   MODULES=intree make demo
#   KERNEL=6.1 make demo
#   DEMO_ARCH=arm64 make demo # Debian's arm64 kernel and pppd (setup ARCHES)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/scripts/qemu/run.sh" --arch "${DEMO_ARCH:-x86_64}" --kernel "${KERNEL:-6.12}" \
	--modules "${MODULES:-ours}" --scenarios '30*' --verbose
