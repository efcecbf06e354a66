#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Packs build/initramfs.cpio: busybox, our modules, the in-tree module
# closure they need (resolved with modprobe against the VM's kernel, then
# depmod), the generated GSP firmware, the guest test programs and the
# scenarios. Output is an uncompressed newc cpio (fast to pack and boot).
set -euo pipefail
. "$(dirname "$0")/common.sh"

IR=$BUILD/initramfs
rm -rf "$IR"
mkdir -p "$IR"/{bin,sbin,etc,proc,sys,dev,tmp,run,host,lib/firmware,tests} \
	"$IR/lib/modules/$KVER/extra"

cp /bin/busybox "$IR/bin/busybox"
ln -s busybox "$IR/bin/sh"

# In-tree modules our stack and the harness may load.
INTREE=(virtio_pci 9pnet_virtio 9p vfio vfio_iommu_type1 mdev nouveau)
# nvdrm's dependencies (gpu-sched: its job scheduler), and vgem for PRIME tests.
INTREE+=(drm ttm vgem gpu-sched)
INTREE+=(${NVTEST_INTREE_MODULES:-})
# One module per call: extra arguments to modprobe are module parameters.
for m in "${INTREE[@]}"; do
	modprobe -d "$KROOT" -S "$KVER" --show-depends "$m"
done | awk '$1 == "insmod" { print $2 }' | sort -u | while read -r ko; do
	rel=${ko#"$KROOT"/}
	mkdir -p "$IR/$(dirname "$rel")"
	cp "$ko" "$IR/$rel"
done
cp "$KROOT/lib/modules/$KVER"/modules.{order,builtin,builtin.modinfo} \
	"$IR/lib/modules/$KVER/" 2>/dev/null || true

for ko in "$ROOT"/*.ko; do
	[ -e "$ko" ] && cp "$ko" "$IR/lib/modules/$KVER/extra/"
done
for ko in "$BUILD"/testmods/*.ko; do
	[ -e "$ko" ] && cp "$ko" "$IR/lib/modules/$KVER/extra/"
done
depmod -b "$IR" "$KVER"

[ -d "$BUILD/fw" ] && cp -a "$BUILD/fw/." "$IR/lib/firmware/"

cp "$ROOT/tests/vm/init" "$IR/init"
chmod +x "$IR/init"
cp "$ROOT/tests/vm/lib.sh" "$IR/tests/"
cp -r "$ROOT/tests/vm/scenarios" "$IR/tests/"
if [ -d "$BUILD/vmbin" ]; then
	cp -r "$BUILD/vmbin" "$IR/tests/bin"
fi

(cd "$IR" && find . -print0 | cpio --null -o -H newc --quiet) >"$BUILD/initramfs.cpio"
