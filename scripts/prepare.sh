#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Builds what the VM needs besides the modules (built by make): host tools,
# the generated GSP firmware, static guest programs, test modules; then
# packs the initramfs.
set -euo pipefail
. "$(dirname "$0")/common.sh"

mkdir -p "$BUILD/tools" "$BUILD/vmbin"
CFLAGS_HOST="-std=gnu11 -O2 -g -Wall -Wextra -Werror -I$ROOT/include -I$ROOT/core/gsp -I$ROOT/tests/unit"

if [ -f "$ROOT/tools/mkgspfw.c" ]; then
	gcc $CFLAGS_HOST -o "$BUILD/tools/mkgspfw" "$ROOT/tools/mkgspfw.c" "$ROOT/core/gsp/fwimage.c"
	rm -rf "$BUILD/fw"
	# Every chip gets the images of both firmware versions (gsp-535.113.01.bin
	# and gsp-570.144.bin with their bootloaders): the VM's /lib/firmware.
	for chip in tu102 ga102 ad102; do
		"$BUILD/tools/mkgspfw" --chip "$chip" --outdir "$BUILD/fw" --version all
	done
	# Variants for fw_conformance (firmware_class.path points at them).
	"$BUILD/tools/mkgspfw" --chip ga102 --outdir "$BUILD/fw/nvcore-test/badver" --fwversion 535.113.02 --version 535.113.01
	"$BUILD/tools/mkgspfw" --chip ga102 --outdir "$BUILD/fw/nvcore-test/nolog" --log-elf none --fwversion none --version 535.113.01
fi

# Static guest programs: tests/vm/progs/NAME.c -> /tests/bin/NAME
for src in "$ROOT"/tests/vm/progs/*.c; do
	[ -e "$src" ] || continue
	gcc -static $CFLAGS_HOST -I/usr/include/libdrm -pthread \
		-o "$BUILD/vmbin/$(basename "$src" .c)" "$src" -ldrm
done

# Test-only kernel modules (tests/vm/kmod), built against the VM kernel.
if [ -f "$ROOT/tests/vm/kmod/Kbuild" ]; then
	mkdir -p "$BUILD/testmods"
	# Always from scratch: kbuild does not notice that nvcore's symbol
	# versions (Module.symvers) changed under an already built module.
	make -s -C "/usr/src/linux-headers-$KVER" M="$ROOT/tests/vm/kmod" clean >/dev/null
	make -s -C "/usr/src/linux-headers-$KVER" M="$ROOT/tests/vm/kmod" W=1 modules >/dev/null
	cp "$ROOT"/tests/vm/kmod/*.ko "$BUILD/testmods/"
fi

"$ROOT/scripts/mkinitramfs.sh"
