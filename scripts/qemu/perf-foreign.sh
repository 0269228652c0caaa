#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# perf-foreign.sh DEBARCH ROOT: Debian 12's perf for another arch, with
# its loader and the shared libraries it needs, into the image tree ROOT
# (bench.sh's overlay, for the prof items).  linux-perf and the library
# packages it depends on, recursively, are fetched for DEBARCH once
# (the arch's private apt configuration, as for the test images) and
# unpacked into $PPP_CACHE_DIR/perf/DEBARCH.  Only perf's own ELF
# dependencies go into the image (not Python's or Perl's modules: prof
# runs perf record and perf script).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/foreign-tree.sh"

[ $# = 2 ] || die "usage: $0 DEBARCH ROOT"
# shellcheck disable=SC2034 # root, sys and TRIPLET: foreign-tree.sh's
t=$PPP_CACHE_DIR/perf/$1 root=$2 sys=$PPP_CACHE_DIR/perf/$1/root
if [ ! -e "$t/done" ]; then
	rm -rf "$t"
	APT_CONFIG=$(ppp_apt_conf "$1")
	export APT_CONFIG
	# the shared libraries among the dependencies; not the interpreters'
	# module trees (-stdlib, -minimal) nor data packages (-common)
	pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests \
		--no-conflicts --no-breaks --no-replaces --no-enhances linux-perf |
		grep -v '^ ' | grep -E '^(lib|zlib)' |
		grep -vE -e '-(stdlib|minimal|common)$' | sort -u) ||
		die "no linux-perf for $1 in its package lists (make setup ARCHES=...)"
	echo "perf-foreign: fetching linux-perf for $1 and its libraries"
	# shellcheck disable=SC2086 # one package a word
	deb_unpack linux-perf "$t" $pkgs
	rm -rf "$t/deb"
	touch "$t/done"
fi
# shellcheck disable=SC2034
TRIPLET=$(tree_triplet "$sys")
add /usr/bin/perf
