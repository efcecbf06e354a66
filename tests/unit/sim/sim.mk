# SPDX-License-Identifier: GPL-2.0
#
# nvsim wire codec unit test (userspace, ASan + UBSan). Include from
# tests/unit/Makefile or run alone from the repository root:
#   make -f tests/unit/sim/sim.mk OUT=build/unit sim-unit

OUT ?= build/unit
CC ?= cc
NVSIM_UT_CFLAGS := -std=gnu11 -O1 -g -fsanitize=address,undefined \
	-fno-sanitize-recover=all -Wall -Wextra -Werror \
	-Iinclude -Itests/unit/sim -Isim
NVSIM_UT_DEPS := sim/wire.c sim/wire.h tests/unit/sim/kshim.h \
	tests/unit/sim/test_sim_wire.c sim/hw.h \
	include/nvrm/nvrm_types.h

$(OUT)/test_sim_wire: $(NVSIM_UT_DEPS)
	@mkdir -p $(OUT)
	$(CC) $(NVSIM_UT_CFLAGS) -o $@ tests/unit/sim/test_sim_wire.c sim/wire.c

$(OUT)/test_sim_pbdec: tests/unit/sim/test_sim_pbdec.c sim/pbdec.h sim/hwclass.h \
		tests/unit/test.h
	@mkdir -p $(OUT)
	$(CC) $(NVSIM_UT_CFLAGS) -Itests/unit -o $@ tests/unit/sim/test_sim_pbdec.c

# The per-version channel-parameter decoders, once per firmware version.
$(OUT)/test_sim_chanabi_%: tests/unit/sim/test_sim_chanabi.c sim/chanabi.c \
		sim/chanargs.h tests/unit/test.h $(wildcard include/nvrm/*/*.h)
	@mkdir -p $(OUT)
	$(CC) $(NVSIM_UT_CFLAGS) -Itests/unit -DNVSIM_UT_VER=$* -o $@ \
		tests/unit/sim/test_sim_chanabi.c

sim-unit: $(OUT)/test_sim_wire $(OUT)/test_sim_pbdec \
		$(OUT)/test_sim_chanabi_535 $(OUT)/test_sim_chanabi_570
	$(OUT)/test_sim_wire
	$(OUT)/test_sim_pbdec
	$(OUT)/test_sim_chanabi_535
	$(OUT)/test_sim_chanabi_570

.PHONY: sim-unit
