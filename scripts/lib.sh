# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the host-side scripts (bash).  Source it; don't run it.

# shellcheck disable=SC2034 # for the scripts that source this file
PPP_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PPP_CACHE_DIR=${PPP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pppstack}
export PPP_CACHE_DIR

# An empty ARCH or CROSS_COMPILE in the environment (make's `export` of an
# unset variable does that) breaks kernel builds; unset means "the host".
[ -n "${ARCH-}" ] || unset ARCH
[ -n "${CROSS_COMPILE-}" ] || unset CROSS_COMPILE

# The architectures the harness boots: the host's (x86_64) and, through
# cross compilers and QEMU's system emulators, Debian's own kernels and
# userspace for three others.  armhf has two kernel flavours with
# different module ABIs (armmp, armmp-lpae): each is its own "arch" here.
PPP_ARCHES_ALL="x86_64 arm64 armhf armhf-lpae mips64el"
PPP_ARCHES_DEFAULT="x86_64 arm64 armhf"
# make check's other-arch boots (ARCH/KERNEL/SET) when ARCHES is not
# given; setup then fetches only these kernels of those arches.
# shellcheck disable=SC2034 # for setup.sh and run-all.sh
PPP_ARCH_LANES_DEFAULT="arm64/6.12/ours arm64/6.12/intree armhf/6.1/ours"

# The Debian architectures of ours that Debian 13 has (it dropped
# mips64el): those whose test images get rp-pppoe 4.0 (scripts/pppoe4.sh).
# shellcheck disable=SC2034 # for setup.sh and run-all.sh
PPP_TRIXIE_DEBS="amd64 arm64 armhf"

# ppp_arches LIST: LIST (words, "all" for every arch, empty for the
# default) checked and expanded, one word each.
ppp_arches() {
	local a out=
	for a in ${1:-$PPP_ARCHES_DEFAULT}; do
		[ "$a" != all ] || { out="$out $PPP_ARCHES_ALL"; continue; }
		case " $PPP_ARCHES_ALL " in
		*" $a "*) out="$out $a" ;;
		*) echo "unknown arch '$a' (want some of: $PPP_ARCHES_ALL, or all)" >&2
		   return 1 ;;
		esac
	done
	# shellcheck disable=SC2005,SC2046,SC2086 # words, deduplicated in order
	echo $(echo $out | tr ' ' '\n' | awk '!seen[$0]++')
}

# ppp_arch ARCH: sets, for ARCH,
#   A_DEB      Debian's architecture name (apt, dpkg)
#   A_FLAVOUR  the kernel flavour (linux-image-<abi>-<flavour>)
#   A_KARCH    the kernel's ARCH= for module builds
#   A_CROSS    CROSS_COMPILE (empty for the host)
#   A_KERNELS  the kernel aliases Debian 12 has for it
#   A_QEMU     the QEMU system emulator and its machine options
#   A_CONSOLE  the guest's console; A_RESULTS its result port (both
#              under /dev): the harness adds a serial port for results
#              after the console (a PCI 16550 where the board has one
#              UART only)
#   A_SMP      vCPUs under TCG
# shellcheck disable=SC2034 # the A_ variables are for the caller
ppp_arch() {
	A_CROSS= A_KERNELS="6.1 6.12" A_SMP=2 A_RESULTS=ttyS1 A_CONSOLE=ttyS0
	case "$1" in
	x86_64)	A_DEB=amd64 A_FLAVOUR=amd64 A_KARCH=x86
		A_QEMU="qemu-system-x86_64" ;;
	arm64)	A_DEB=arm64 A_FLAVOUR=arm64 A_KARCH=arm64
		A_CROSS=aarch64-linux-gnu-
		A_QEMU="qemu-system-aarch64 -M virt -cpu cortex-a57"
		A_CONSOLE=ttyAMA0 A_RESULTS=ttyS0 ;;
	armhf|armhf-lpae)
		A_DEB=armhf A_FLAVOUR=armmp A_KARCH=arm
		[ "$1" = armhf ] || A_FLAVOUR=armmp-lpae
		A_CROSS=arm-linux-gnueabihf-
		# highmem=off: 6.12's PCI host driver refuses the high window
		A_QEMU="qemu-system-arm -M virt,highmem=off -cpu cortex-a15"
		A_CONSOLE=ttyAMA0 A_RESULTS=ttyS0 ;;
	mips64el)
		A_DEB=mips64el A_FLAVOUR=5kc-malta A_KARCH=mips
		A_CROSS=mips64el-linux-gnuabi64- A_KERNELS=6.1 A_SMP=1
		A_QEMU="qemu-system-mips64el -M malta -cpu 5KEc" ;;
	*)	echo "unknown arch '$1' (want one of: $PPP_ARCHES_ALL)" >&2
		return 1 ;;
	esac
}

# ppp_debug_kernel_args ARCH: the kernel command line options every boot
# of ARCH's debug kernel adds (run.sh, kunit.sh).
#   x86_64: no5lvl.  With 5-level paging (QEMU's -cpu max has LA57) the
#   direct map starts at ff11000000000000.  The boot CPU's identify_cpu()
#   clears its feature bits with interrupts on and sets them again; in
#   between, pgtable_l5_enabled() reads false, so KASAN takes every
#   direct-map address for a wild one and reports the first interrupt
#   handler that touches one ("wild-memory-access" in handle_edge_irq()
#   under start_kernel()).  Whether an interrupt lands in that window
#   depends on host load, not on anything the run tests.  With 4-level
#   paging the addresses KASAN checks are the same in either state.
ppp_debug_kernel_args() {
	case "$1" in
	x86_64)	echo no5lvl ;;
	esac
}

# ppp_qemu_results FILE: sets A_RESPORT, the QEMU options (an array) of
# the guest's result port (A_RESULTS: call ppp_arch first), saved to
# FILE: the second serial port where the board has one (x86's ttyS1),
# else a PCI 16550 (arm virt: ttyS0 beside the console's ttyAMA0).
# shellcheck disable=SC2034 # A_RESPORT is for the caller
ppp_qemu_results() {
	if [ "$A_RESULTS" = ttyS0 ]; then
		# shellcheck disable=SC2054 # QEMU's options are comma-separated
		A_RESPORT=(-chardev "file,id=results,path=$1"
			   -device pci-serial,chardev=results)
	else
		A_RESPORT=(-serial "file:$1")
	fi
}

# ppp_base_image ARCH: sets A_BASE, the cached base initramfs of ARCH
# (scripts/qemu/initramfs.sh: the module-independent part of every test
# and bench image), after building it or bringing it up to date.
# shellcheck disable=SC2034 # A_BASE is for the caller
ppp_base_image() {
	A_BASE=$PPP_CACHE_DIR/initramfs-base.cpio.gz
	if [ "$1" != x86_64 ]; then
		ppp_arch "$1" || return 1
		A_BASE=$PPP_CACHE_DIR/initramfs-base-$A_DEB.cpio.gz
	fi
	flock "$A_BASE.lock" "$PPP_TOP/scripts/qemu/initramfs.sh" "$A_BASE" "$1"
}

# The kernels we test: alias -> the Debian meta package naming the exact
# image (and so the exact headers) of that alias, per arch.
# "debug" is not a Debian image: scripts/qemu/debug-kernel.sh builds it
# from linux-source-6.12 (KASAN, lockdep, kmemleak, KUnit; no PPP of its
# own, so only our modules run on it) and fills the same cache layout.
PPP_KERNEL_ALIASES="6.1 6.12"
ppp_kernel_meta() {	# ppp_kernel_meta ALIAS [ARCH]
	local arch=${2:-x86_64}
	ppp_arch "$arch" || return 1
	case "$1" in
	6.1|6.12)
		case " $A_KERNELS " in
		*" $1 "*) ;;
		*) echo "no kernel $1 for $arch in Debian 12 (only: $A_KERNELS)" >&2
		   return 1 ;;
		esac
		if [ "$1" = 6.1 ]; then echo "linux-image-$A_FLAVOUR"
		else echo "linux-image-6.12-$A_FLAVOUR"; fi ;;
	debug)	[ "$arch" = x86_64 ] || { echo "the debug kernel is x86_64 only" >&2; return 1; }
		echo linux-source-6.12 ;;
	*)     echo "unknown kernel '$1' (want one of: $PPP_KERNEL_ALIASES debug)" >&2
	       return 1 ;;
	esac
}

# ppp_kernel_image META ARCH: the linux-image package that META (a
# Debian meta package, ppp_kernel_meta) depends on in the package lists
# apt has (APT_CONFIG names a foreign arch's private configuration).
# Lists without META are an error with a message, not apt-cache's exit
# status alone.
ppp_kernel_image() {
	local deps image
	deps=$(apt-cache depends "$1" 2>/dev/null) || deps=
	image=$(printf '%s\n' "$deps" |
		sed -n 's/^ *Depends: \(linux-image-[^ ]*\).*/\1/p' | head -n1)
	if [ -z "$image" ]; then
		echo "apt-cache knows no $1 for $2" >&2
		return 1
	fi
	echo "$image"
}

# Everything cached for kernel alias $1 of arch $2 (default x86_64):
# kver (the release string), vmlinuz (the image as Debian ships it),
# vmlinux (x86_64: the uncompressed image QEMU boots), mods/*.ko
# (in-tree modules, decompressed), config (the kernel's .config).
# The headers its modules build against: ppp_kernel_kdir.
ppp_kernel_dir() {
	if [ "${2:-x86_64}" = x86_64 ]; then
		echo "$PPP_CACHE_DIR/kernels/$1"
	else
		echo "$PPP_CACHE_DIR/kernels/$2-$1"
	fi
}

# ppp_lane ALIAS [ARCH]: the kernel part of a lane's name (RESULT
# lines, tests/floors.txt): the alias on x86_64, ARCH-ALIAS elsewhere.
ppp_lane() {
	if [ "${2:-x86_64}" = x86_64 ]; then echo "$1"; else echo "$2-$1"; fi
}

# ppp_kernel_kdir ALIAS [ARCH]: the kernel build tree to build modules
# against: the stock kernel's headers, unpacked by setup into
# headers/<kver>/ (never installed on the host), or the debug kernel's
# own build.
ppp_kernel_kdir() {
	local d kver
	d=$(ppp_kernel_dir "$@")
	[ -e "$d/kver" ] || { echo "kernel $1 (${2:-x86_64}) is not in the cache: run 'make setup'" >&2; return 1; }
	kver=$(cat "$d/kver")
	if [ -e "$PPP_CACHE_DIR/headers/$kver/kdir" ]; then
		cat "$PPP_CACHE_DIR/headers/$kver/kdir"
	elif [ -e "$d/kdir" ]; then
		cat "$d/kdir"
	else
		echo "no headers for $kver in the cache: run 'make setup'" >&2
		return 1
	fi
}

# ppp_build_modules ALIAS ARCH OUT [make args...]: our modules for
# kernel ALIAS of ARCH, built in OUT (modules in OUT/drivers/net/ppp/).
# The one way check, demo and bench build them: against exactly that
# kernel's headers, with the arch's cross compiler.
ppp_build_modules() {
	local alias=$1 arch=$2 out=$3 kdir
	shift 3
	kdir=$(ppp_kernel_kdir "$alias" "$arch") || return 1
	ppp_arch "$arch" || return 1
	mkdir -p "$out"
	if [ "$arch" = x86_64 ]; then
		flock "$out.lock" "$PPP_TOP/scripts/build-modules.sh" "$kdir" "$out" "$@"
	else
		flock "$out.lock" "$PPP_TOP/scripts/build-modules.sh" "$kdir" "$out" \
			ARCH="$A_KARCH" CROSS_COMPILE="$A_CROSS" "$@"
	fi
}

# ppp_apt_conf DEBARCH: a private apt configuration (printed: its path)
# that reads the host's own sources for architecture DEBARCH, with its
# own lists and cache: nothing of the host's apt state or dpkg's
# architecture list changes.  `APT_CONFIG=... apt-get download` then
# fetches that architecture's packages.
ppp_apt_conf() {
	local a=$PPP_CACHE_DIR/apt/$1
	mkdir -p "$a/lists/partial" "$a/cache/archives/partial" "$a/state"
	: > "$a/state/status"
	cat > "$a/apt.conf" <<-EOT
	Dir::State::Lists "$a/lists";
	Dir::State::status "$a/state/status";
	Dir::Cache "$a/cache";
	APT::Architecture "$1";
	APT::Architectures { "$1"; };
	APT::Sandbox::User "root";
	Acquire::Languages "none";
	EOT
	echo "$a/apt.conf"
}

# Stage timing: stage NAME; ...; stage_end
_stage_name= _stage_t0=
stage() {
	_stage_name=$1
	_stage_t0=$(date +%s)
	echo "==> $1"
}
stage_end() {
	echo "<== $_stage_name: $(( $(date +%s) - _stage_t0 )) s"
}

# Host suites: ppp_check SUITE NAME STATUS [WHY] prints one check's
# line, "PASS SUITE/NAME" or "FAIL SUITE/NAME: WHY", and counts it;
# ppp_check_tally prints "N passed, M failed" and fails if any failed.
ppp_checks_passed=0 ppp_checks_failed=0
ppp_check() {
	if [ "$3" = 0 ]; then
		echo "PASS $1/$2"
		ppp_checks_passed=$((ppp_checks_passed + 1))
	else
		echo "FAIL $1/$2${4:+: $4}"
		ppp_checks_failed=$((ppp_checks_failed + 1))
	fi
}
ppp_check_tally() {
	echo "$ppp_checks_passed passed, $ppp_checks_failed failed"
	[ "$ppp_checks_failed" = 0 ]
}

# deb_unpack PKG DIR [PKG...]: Debian's packages PKG... fetched into
# DIR/deb and unpacked into DIR/root (nothing is installed); the caller
# removes DIR/deb.  APT_CONFIG, when set, names a foreign arch's apt
# configuration (ppp_apt_conf).
deb_unpack() {
	local dir=$2 pkgs=$1 f
	shift 2
	pkgs="$pkgs $*"
	rm -rf "$dir/deb"
	mkdir -p "$dir/deb"
	# shellcheck disable=SC2086
	(cd "$dir/deb" && apt-get download -qq -o APT::Sandbox::User=root $pkgs) ||
		die "apt-get download$pkgs failed"
	for f in "$dir"/deb/*.deb; do
		dpkg-deb -x "$f" "$dir/root" || die "dpkg-deb -x $f failed"
	done
}

die() {
	echo "error: $*" >&2
	exit 1
}
warn() {
	echo "warning: $*" >&2
}

# copy_with_libs ROOT FILE [DEST]: FILE (at DEST, default FILE) and the
# shared libraries ldd names, into the image tree ROOT.
copy_with_libs() {
	local root=$1 f=$2 dest=${3:-$2} lib
	mkdir -p "$root$(dirname "$dest")"
	cp -L "$f" "$root$dest"
	for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*'); do
		[ -e "$root$lib" ] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

# apt_update: `apt-get update`, tried three times 30 s apart: a Debian
# mirror in the middle of a sync serves index files whose size does not
# match the Release file ("Mirror sync in progress?") for a few minutes.
# Status 1 if every try failed.  APT_CONFIG, if set, selects the lists.
apt_update() {
	local try
	for try in 1 2 3; do
		apt-get update -qq && return 0
		[ "$try" = 3 ] || { warn "apt-get update failed (try $try of 3), again in 30 s"; sleep 30; }
	done
	return 1
}

# trixie_download DIR PKG...: DIR emptied, then Debian 13's packages PKG
# (of architecture TRIXIE_DEB if set, else the host's)
# downloaded (not installed) into DIR/deb through a private apt
# configuration in DIR/apt (trixie_apt_conf); dies if that fails.
# trixie_done DIR drops what only the download needed.
trixie_download() {
	local dir=$1
	shift
	rm -rf "$dir"
	mkdir -p "$dir/deb"
	APT_CONFIG=$(trixie_apt_conf "$dir/apt" "${TRIXIE_DEB:-}")
	export APT_CONFIG
	apt_update || die "apt-get update (private trixie config $APT_CONFIG) failed"
	(cd "$dir/deb" && apt-get download -qq "$@") ||
		die "apt-get download $* (trixie) failed"
}
trixie_done() {
	rm -rf "$1/deb" "$1/apt/cache" "$1/apt/lists"
}

# initramfs_finish ROOT BUSYBOX OUT KEY: the last steps of a test image:
# BUSYBOX (a static busybox of the image's arch) as /bin/busybox with a
# link per applet that does not shadow a real program (the host's
# busybox-static, the same Debian package, lists the applets), the
# device nodes, users and files every image has, then ROOT packed into
# OUT (a gzipped cpio) with KEY beside it in OUT.key.
initramfs_finish() {
	local root=$1 bb=$2 out=$3 key=$4 a
	cp "$bb" "$root/bin/busybox"
	for a in $(/bin/busybox --list-full); do
		[ -e "$root/$a" ] || [ -L "$root/$a" ] || ln -s /bin/busybox "$root/$a"
	done
	ln -s /run "$root/var/run"
	ln -s /run "$root/var/lock"
	mknod "$root/dev/console" c 5 1
	mknod "$root/dev/null" c 1 3
	: > "$root/etc/ppp/options"
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n' \
		> "$root/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
	printf '127.0.0.1 localhost\n' > "$root/etc/hosts"
	(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 > "$out.tmp"
	mv "$out.tmp" "$out"
	echo "$key" > "$out.key"
}

# host_mirror: the URI of the host's Debian archive (not security), the
# same mirror the host already trusts; deb.debian.org if none is found.
host_mirror() {
	local uri
	uri=$(awk 'tolower($1) == "uris:" { u = $2 }
		   tolower($1) == "suites:" && u != "" && $0 !~ /security/ { print u; exit }
		   /^$/ { u = "" }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
	[ -n "$uri" ] || uri=$(awk '$1 == "deb" && $0 !~ /security/ {
			for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
			/etc/apt/sources.list 2>/dev/null || true)
	echo "${uri:-http://deb.debian.org/debian}"
}

# trixie_apt_conf DIR [DEBARCH]: a private apt configuration in DIR that
# sees only Debian 13 (trixie), from the host's mirror, for architecture
# DEBARCH (default the host's), with its own lists and cache; prints the
# path for APT_CONFIG.  The host's own apt sources are
# never touched: with trixie there, an upgrade would pull Debian 13 onto
# the machine.
trixie_apt_conf() {
	local a=$1 deb=${2:-$(dpkg --print-architecture)}
	mkdir -p "$a/sources.list.d" "$a/preferences.d" "$a/lists/partial" \
		"$a/cache/archives/partial"
	cat > "$a/sources.list" <<-EOT
	deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(host_mirror) trixie main
	EOT
	cat > "$a/apt.conf" <<-EOT
	Dir::Etc::SourceList "$a/sources.list";
	Dir::Etc::SourceParts "$a/sources.list.d";
	Dir::Etc::Preferences "$a/preferences";
	Dir::Etc::PreferencesParts "$a/preferences.d";
	Dir::State::Lists "$a/lists";
	Dir::Cache "$a/cache";
	APT::Architecture "$deb";
	APT::Architectures { "$deb"; };
	APT::Sandbox::User "root";
	Acquire::Languages "none";
	EOT
	echo "$a/apt.conf"
}
