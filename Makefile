# SPDX-License-Identifier: GPL-2.0
#
# The targets people use.  The kernel modules themselves are built by
# Kbuild (see ./Kbuild) against KDIR; everything else is a thin wrapper
# around scripts in scripts/ and tests/.  `make help` lists the targets.

# Default target kernel: the stock Debian 6.12 headers that `make setup`
# installs; else the running kernel's build tree.
KDIR ?= $(firstword $(wildcard /usr/src/linux-headers-6.12*-amd64) \
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

.PHONY: all modules chat pppstat setup demo check bench clean install \
	modules_install help kunit chat-check pppstat-check soak

all: modules chat pppstat

modules:
	$(KBUILD) modules

chat:
	$(MAKE) -C userspace/chat

pppstat:
	$(MAKE) -C userspace/pppstat

# Installs build and test dependencies (apt-get) and caches the kernels.
setup:
	scripts/setup.sh

# The main job: boot QEMU with our modules and show a dial-up session.
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

# KUnit suites on the debug kernel (built and cached on first use).
kunit: setup
	scripts/qemu/kunit.sh

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

clean:
	$(KBUILD) clean
	$(MAKE) -C userspace/chat clean
	$(MAKE) -C userspace/pppstat clean

help:
	@echo 'Targets:'
	@echo '  all              - build ppp_generic.ko, ppp_async.ko, chat and pppstat (default)'
	@echo '  modules          - build the kernel modules against KDIR'
	@echo '  chat             - build userspace/chat/chat'
	@echo '  pppstat          - build userspace/pppstat/pppstat (per-cause link counters)'
	@echo '  setup            - install dependencies (apt-get) and cache kernels'
	@echo '  demo             - boot QEMU and show a dial-up session over our modules'
	@echo '  check            - run every test (host tests, KUnit lane, QEMU scenarios)'
	@echo '  kunit            - only the KUnit suites on the debug kernel'
	@echo '  soak             - long runs: chat and VJ fuzzers, scenarios with ppp.soak=1'
	@echo '  bench            - ours vs in-tree side by side (QEMU icount; ours also with'
	@echo '                     simd=0) + our codec on the real CPU: ratio table + PNG;'
	@echo '                     exits 1 if a run failed'
	@echo '  chat-check       - run only the host-side chat tests'
	@echo '  pppstat-check    - run only the host-side pppstat tests'
	@echo '  install          - install chat, pppstat and their man pages under PREFIX (DESTDIR)'
	@echo '  modules_install  - install modules into updates/ and run depmod'
	@echo '  clean            - remove build products'
	@echo 'Variables:'
	@echo '  KDIR=<dir>       - kernel build tree (default: $(KDIR))'
	@echo '  ARCH=, CROSS_COMPILE= - cross-compile for a board'
	@echo '  MODULES=ours|intree   - module set(s): demo (default ours), check (default "ours intree");'
	@echo '                          also generic=ours,async=intree etc.'
	@echo '  KERNELS="6.1 6.12 debug" - kernels check boots (KERNEL=6.1 for demo)'
	@echo '  KUNIT=0               - check skips the KUnit lane'
	@echo '  SCENARIOS=<glob>[,<glob>] - subset of tests/scenarios/NN-*.sh for check'
	@echo '  PPPD="2.4.9 2.5"      - pppd versions check runs: 2.4.9 everything, 2.5 its lane'
	@echo '  PPPD25_KERNELS=6.12 PPPD25_SCENARIOS="20-pppd-pty ..." - the pppd 2.5 lane (README)'
	@echo '  BENCH_KERNELS="6.1 6.12" BENCH_ROUNDS=6 BENCH_ITEMS=... - bench knobs (README)'
