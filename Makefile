# SPDX-License-Identifier: GPL-2.0
#
# The targets people use.  The kernel modules themselves are built by
# Kbuild (see ./Kbuild) against KDIR; everything else is a thin wrapper
# around scripts in scripts/ and tests/.  `make help` lists the targets.

# Default target kernel: the stock Debian 6.12 headers that `make setup`
# unpacked into the cache; else the running kernel's build tree.
KDIR ?= $(firstword $(shell bash -c '. scripts/lib.sh && ppp_kernel_kdir 6.12' 2>/dev/null) \
		    /lib/modules/$(shell uname -r)/build)

# Cross builds: make KDIR=... ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
# Export them only when given: an exported empty ARCH stops a plain kernel
# build tree (the debug kernel's) from defaulting to the host's arch.
ifneq ($(ARCH),)
export ARCH
endif
ifneq ($(CROSS_COMPILE),)
export CROSS_COMPILE
endif

# Where installs go (DESTDIR for chat and pppstat, INSTALL_MOD_PATH for
# modules).
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_MOD_PATH ?=

KBUILD := $(MAKE) -C $(KDIR) M=$(CURDIR)

.PHONY: all modules chat pppstat setup setup-clean distclean demo check bench \
	clean install modules_install help kunit chat-check pppstat-check soak \
	style dkms-install dkms-remove deb

all: modules chat pppstat

modules:
	$(KBUILD) modules

chat:
	$(MAKE) -C userspace/chat

pppstat:
	$(MAKE) -C userspace/pppstat

# Installs build and test dependencies (apt-get) and caches the kernels
# (and their headers) of every arch in ARCHES: nothing goes to /boot.
setup:
	scripts/setup.sh

# Removes what setup (and the runs) put into the cache; distclean the
# whole cache (the debug kernel's build too) and the build products.
setup-clean:
	scripts/setup.sh --clean

distclean: clean
	scripts/setup.sh --clean-all

# The main job: boot QEMU with our modules and show a dial-up session
# (DEMO=pppoe: the PPPoE setup in kernel mode).
demo: setup
	scripts/qemu/demo.sh

# Every test: chat on the host, then the QEMU scenarios on every kernel.
check: setup
	tests/run-all.sh

# The long versions: chat's and the VJ decompressor's fuzzers for
# SOAK_FUZZ_SECONDS each, then every scenario with ppp.soak=1 (more
# up/down cycles, longer ioctl fuzzing).
SOAK_FUZZ_SECONDS ?= 600
soak: setup
	$(MAKE) -C userspace/chat fuzz FUZZ_SECONDS=$(SOAK_FUZZ_SECONDS)
	$(MAKE) -C tests/host fuzz FUZZ_SECONDS=$(SOAK_FUZZ_SECONDS)
	PPP_SOAK=1 PPP_QEMU_TIMEOUT=$${PPP_QEMU_TIMEOUT:-10800} KUNIT=0 tests/run-all.sh

# Ours vs the in-tree modules in one QEMU boot per kernel (icount, one
# vCPU, alternating rounds): prints ratios, draws a PNG.  Not part of check.
bench: setup
	scripts/qemu/bench.sh

# KUnit suites on the debug kernel (built and cached on first use);
# KUNIT_ARCH=armhf: on an ARMv7 kernel in qemu-system-arm instead.
KUNIT_ARCH ?= x86_64
kunit: setup
	scripts/qemu/kunit.sh --arch $(KUNIT_ARCH)

# checkpatch --strict, W=1 C=2 (sparse) builds for 6.1 and 6.12,
# shellcheck: ends "N passed, M failed"; CI runs it before check.
style: setup
	scripts/style.sh

chat-check:
	$(MAKE) -C userspace/chat check

pppstat-check:
	$(MAKE) -C userspace/pppstat check

install: chat pppstat
	$(MAKE) -C userspace/chat install PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)
	$(MAKE) -C userspace/pppstat install PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)

modules_install: modules
	$(KBUILD) INSTALL_MOD_DIR=updates INSTALL_MOD_PATH=$(INSTALL_MOD_PATH) \
		modules_install
	depmod $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) -a \
		$$($(MAKE) -s -C $(KDIR) kernelrelease)

# DKMS (dkms.conf): the sources into /usr/src/pppstack-<version>, built
# and installed for the running kernel and, on upgrades, every new one.
dkms-install:
	scripts/dkms.sh install

dkms-remove:
	scripts/dkms.sh remove

# pppstack-dkms_<version>_all.deb in DEBDIR: installing it has DKMS build
# the modules for every installed kernel with headers.
DEBDIR ?= .
deb:
	scripts/dkms.sh deb $(DEBDIR)

clean:
	$(KBUILD) clean
	$(MAKE) -C userspace/chat clean
	$(MAKE) -C userspace/pppstat clean

help:
	@echo 'Targets:'
	@echo '  all              - build the modules, chat and pppstat (default)'
	@echo '  modules          - build the kernel modules against KDIR'
	@echo '  chat             - build userspace/chat/chat'
	@echo '  pppstat          - build userspace/pppstat/pppstat (per-cause link counters)'
	@echo '  setup            - install dependencies (apt-get); unpack kernels, headers and'
	@echo '                     the test images'"'"' userspace of each arch in ARCHES into the'
	@echo '                     cache (no kernel package is installed, /boot is left alone)'
	@echo '  setup-clean      - remove from the cache what setup and the runs put there'
	@echo '  distclean        - clean, and remove the whole cache (debug kernel too)'
	@echo '  demo             - boot QEMU and show a dial-up session over our modules;'
	@echo '                     DEMO=pppoe: the PPPoE setup in kernel mode (pppoe-server -k,'
	@echo '                     discovery packet by packet, CHAP, ping, transfer, PADT)'
	@echo '  check            - run every test (host tests, KUnit lane, QEMU scenarios)'
	@echo '  kunit            - only the KUnit suites on the debug kernel (KUNIT_ARCH=armhf:'
	@echo '                     on an ARMv7 kernel, with the alignment fixup check)'
	@echo '  soak             - long runs: chat and VJ fuzzers, scenarios with ppp.soak=1'
	@echo '  bench            - ours vs in-tree side by side (QEMU icount; ours also with'
	@echo '                     simd=0) + our codec on the real CPU: ratio table + PNG;'
	@echo '                     exits 1 if a run failed; BENCH_ARCH=arm64: on Debian'"'"'s'
	@echo '                     arm64 kernel in qemu-system-aarch64 -cpu max (NEON path)'
	@echo '  style            - checkpatch --strict, W=1 C=2 (sparse) builds for 6.1 and'
	@echo '                     6.12, shellcheck; ends "N passed, M failed" (CI runs it)'
	@echo '  chat-check       - run only the host-side chat tests'
	@echo '  pppstat-check    - run only the host-side pppstat tests'
	@echo '  install          - install chat, pppstat and their man pages under PREFIX (DESTDIR)'
	@echo '  modules_install  - install modules into updates/ and run depmod: modprobe then'
	@echo '                     loads them by alias (/dev/ppp, N_PPP, ip link add type ppp)'
	@echo '  dkms-install     - sources into /usr/src/pppstack-<version>, DKMS builds and'
	@echo '                     installs them (updates/dkms/), and again on kernel upgrades'
	@echo '  dkms-remove      - remove them from DKMS, every kernel, and /usr/src'
	@echo '  deb              - pppstack-dkms_<version>_all.deb (DEBDIR=.): DKMS sources,'
	@echo '                     built and installed by DKMS when the package is installed'
	@echo '  clean            - remove build products'
	@echo 'Variables:'
	@echo '  KDIR=<dir>       - kernel build tree (default: $(KDIR))'
	@echo '  ARCH=, CROSS_COMPILE= - cross-compile for a board'
	@echo '  MODULES=ours|intree   - module set(s): demo (default ours), check (default "ours intree");'
	@echo '                          also generic=ours,async=intree,sync=ours,pppoe=ours etc.'
	@echo '  KERNELS="6.1 6.12 debug" - kernels check boots (KERNEL=6.1 for demo)'
	@echo '  DEMO=dialup|pppoe     - what demo shows (default dialup)'
	@echo '  ARCHES="x86_64 arm64 armhf" - arches setup caches and check boots; all ='
	@echo '                          x86_64 arm64 armhf armhf-lpae mips64el (full matrix)'
	@echo '  ARCH_LANES="arm64/6.12/ours ..." - the other arches'"'"' lanes check boots'
	@echo '  ARCH_SCENARIOS=once|axes|full - scenarios on those lanes (README: Boards)'
	@echo '  DEMO_ARCH=arm64       - the arch demo boots (default x86_64)'
	@echo '  X86_SKIP="6.1/intree 6.12/intree@pppd2.5" - x86 lanes a plain check leaves out'
	@echo '  X86_SPLIT="6.1/ours 6.12/ours" - x86 lanes a plain check gives a share of the'
	@echo '                          scenarios each (X86_SKIP= X86_SPLIT= : the whole matrix)'
	@echo '  PPP_CHECK_PLAN=1      - check prints its VM jobs and their scenarios, runs nothing'
	@echo '  KUNIT=0               - check skips the KUnit lanes (with ARCHES naming armhf, e.g.'
	@echo '                          all, check also runs them on an armhf kernel)'
	@echo '  KUNIT_ARCH=armhf      - the arch make kunit boots (default x86_64)'
	@echo '  SCENARIOS=<glob>[,<glob>] - subset of tests/scenarios/NN-*.sh for check'
	@echo '  PPPD="2.4.9 2.5"      - pppd versions check runs: 2.4.9 everything, 2.5 its lane'
	@echo '  PPPD25_KERNELS=6.12 PPPD25_SCENARIOS="20-pppd-pty ..." - the pppd 2.5 lane (README)'
	@echo '  BENCH_KERNELS="6.1 6.12" BENCH_ROUNDS=6 BENCH_ITEMS=... - bench knobs (README)'
	@echo '  BENCH_PPPOE_SESSIONS=1000 - sessions of the bench'"'"'s pppoe-many item'
	@echo '  BENCH_ARCH=arm64      - the arch bench boots (default x86_64; also armhf,'
	@echo '                          armhf-lpae, mips64el); BENCH_KERNELS: its cached ones'
