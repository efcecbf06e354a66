# SPDX-License-Identifier: GPL-2.0 OR MIT
#
# ABI layout check: include/nvrm/<version>/ against the compiled layout
# table.  Include from the top-level Makefile and add abi-check to "check".
# Override NVRM_LAYOUT_TSV to point at another copy of the table.

NVRM_LAYOUT_TSV ?= ../shared/gsp-rm-layouts.tsv
ABI_VERSIONS ?= 535.113.01 570.144
ABI_BUILD ?= build
ABI_CC ?= cc

abi-check: $(foreach v,$(ABI_VERSIONS),abi-check-$(v))

abi-check-%: FORCE
	@mkdir -p $(ABI_BUILD)
	python3 tests/abi/gen_layout_check.py --cc $(ABI_CC) \
		$(NVRM_LAYOUT_TSV) $* > $(ABI_BUILD)/abi_$*.c
	$(ABI_CC) -std=gnu11 -Wall -Werror -Iinclude $(ABI_BUILD)/abi_$*.c \
		-o $(ABI_BUILD)/abi_$*
	$(ABI_BUILD)/abi_$* -q

# Every ABI header must also compile on its own (userspace).
abi-headers:
	@set -e; for h in include/nvrm/*/*.h; do \
		gcc -std=gnu11 -fsyntax-only -Wall -Wextra -Werror -Iinclude \
			-x c $$h; \
	done

.PHONY: abi-check abi-headers FORCE
FORCE:
