# SPDX-License-Identifier: GPL-2.0
#
# nvcore: top-level Makefile. `make` builds the modules; `make run`,
# `make check`, `make bench` and `make shell` install what is missing
# (scripts/deps.sh) and drive the QEMU harness. See README.md.

ifneq ($(KERNELRELEASE),)
include $(src)/Kbuild
else

SHELL := /bin/bash
ROOT := $(CURDIR)
BUILD := $(ROOT)/build

# Default kernel tree: the running kernel's build directory if present,
# else Debian's linux-headers-amd64. The VM always uses the Debian one,
# since it boots Debian's matching image.
DEB_KVER = $(shell dpkg-query -W -f='$${Depends}' linux-headers-amd64 2>/dev/null | sed -n 's/^linux-headers-\([^ ]*\) .*/\1/p')
DEB_KDIR = /usr/src/linux-headers-$(DEB_KVER)
RUN_KDIR = /lib/modules/$(shell uname -r)/build
KDIR ?= $(if $(wildcard $(RUN_KDIR)/Makefile),$(RUN_KDIR),$(DEB_KDIR))

.PHONY: all modules clean distclean deps vm-modules tools run shell check bench checkpatch help

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(ROOT) W=1 modules

deps:
	@scripts/deps.sh

# Modules for the VM: always against Debian's headers.
vm-modules: deps
	@$(MAKE) --no-print-directory -C $(DEB_KDIR) M=$(ROOT) W=1 modules >$(BUILD)/kbuild.log 2>&1 || \
		{ cat $(BUILD)/kbuild.log; exit 1; }
	@if grep -E 'warning:|error:' $(BUILD)/kbuild.log; then \
		echo "kbuild: warnings are errors here"; exit 1; fi

run: vm-modules
	@scripts/run.sh

shell: vm-modules
	@scripts/vm.sh --shell

check: vm-modules
	@scripts/check.sh

bench: vm-modules
	@scripts/bench.sh

checkpatch: deps
	@scripts/checkpatch.sh

clean:
	-$(MAKE) -C $(KDIR) M=$(ROOT) clean >/dev/null 2>&1
	rm -rf $(filter-out $(BUILD)/kroot $(BUILD)/checkpatch,$(wildcard $(BUILD)/*))

distclean: clean
	rm -rf $(BUILD)

help:
	@echo "make            build nvcore.ko and nvsim.ko (KDIR=$(KDIR))"
	@echo "make run        boot the VM, load the stack on nvsim, show the tour"
	@echo "make check      all tests: unit, ABI, fuzz, VM scenarios"
	@echo "make bench      benchmarks in the VM -> build/bench.json"
	@echo "make shell      interactive shell in the VM"
	@echo "make checkpatch checkpatch.pl --no-tree -f on our sources"

endif
