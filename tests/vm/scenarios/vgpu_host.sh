# SPDX-License-Identifier: GPL-2.0
#
# The minimal vGPU host: nvsim + nvcore (clients=vgpu) + nvvgpu, no DRM.
# Reports the /proc/modules footprint of nvcore + nvvgpu + vfio + mdev
# beside Debian's nouveau stack loaded in the same VM; drives vGPUs with
# mdevctl and opens one with QEMU's vfio-pci (host tools over 9p).
# vm-fw: both
# vm-args: --ninep --timeout 400

A=/sys/bus/auxiliary/devices/nvcore.vgpu.0
T=$A/mdev_supported_types
U1=22222222-3333-4444-5555-000000000001
U2=22222222-3333-4444-5555-000000000002

# msize, mod_names, mods_added: tests/vm/lib.sh.

check "load the vGPU host stack" sh -c \
	'modprobe nvsim chip=ga102 && modprobe nvcore clients=vgpu &&
	 modprobe vfio_iommu_type1 && modprobe nvvgpu'
check "no DRM device created" test ! -e /sys/bus/auxiliary/devices/nvcore.drm.0
check "drm.ko is not loaded" sh -c '! grep -qE "^drm(_[a-z_]+)? " /proc/modules'
check "no graphics module at all" sh -c '! grep -qE "^(drm|ttm|nouveau|drm_kms_helper) " /proc/modules'
host=$(msize nvcore nvvgpu vfio mdev)
iommu=$(msize vfio_iommu_type1)
echo "  footprint nvcore+nvvgpu+vfio+mdev: $host bytes (nvcore $(msize nvcore), nvvgpu $(msize nvvgpu), vfio $(msize vfio), mdev $(msize mdev)); vfio_iommu_type1 $iommu"

check "mount host root" mount_host
check "mdevctl types lists the vGPU types" sh -c \
	"chroot /host /usr/bin/mdevctl types | grep -q nvvgpu-8"
check "mdevctl start" chroot /host /usr/bin/mdevctl start -u $U1 -p nvcore.vgpu.0 --type nvvgpu-8
check "mdevctl list shows it" sh -c "chroot /host /usr/bin/mdevctl list | grep -q $U1"
check_eq "available_instances follows" "$(cat $T/nvvgpu-8/available_instances)" 7
if [ -x /host/usr/bin/qemu-system-x86_64 ]; then
	echo "info pci" | timeout 60 chroot /host /usr/bin/qemu-system-x86_64 \
		-S -nodefaults -display none -machine q35 -m 64 -monitor stdio \
		-device vfio-pci,sysfsdev=/sys/bus/mdev/devices/$U1 >/tmp/qemu.out 2>&1
	check "QEMU opens the vGPU with vfio-pci and lists it" \
		grep -qiE '3D controller.*10de|10de.*3D controller|Class 0302.*10de' /tmp/qemu.out
	grep -iE '3D|10de|BAR|error|vfio' /tmp/qemu.out | sed 's/^/    qemu: /' | head -n 12
fi
check "mdevctl stop" chroot /host /usr/bin/mdevctl stop -u $U1
check "sysfs create still works beside mdevctl" sh -c "echo $U2 >$T/nvvgpu-8/create"
check "sysfs remove" sh -c "echo 1 >/sys/bus/mdev/devices/$U2/remove"
umount_host

fw=$(cat /sys/bus/platform/devices/nvsim-gpu.0/nvcore/firmware_version)
check "unload the vGPU host stack" rmmod nvvgpu vfio_iommu_type1 nvcore nvsim
# The nouveau comparison does not depend on the firmware: once, under 535.
if [ "$fw" != 535.113.01 ]; then
	echo "  firmware $fw: nouveau footprint comparison skipped (done under 535.113.01)"
	exit 0
fi
before=$(mod_names)
check "nouveau is in the initramfs closure and loads" modprobe nouveau
added=$(mods_added "$before")
nouveau=$(msize $added)
echo "  footprint nouveau stack: $nouveau bytes ($added)"
if [ "$nouveau" -gt 0 ]; then
	pct=$((host * 1000 / nouveau))
	echo "  footprint ratio: $((pct / 10)).$((pct % 10))% of the nouveau stack"
	echo "BENCH-KV footprint_vgpu_host_bytes $host"
	echo "BENCH-KV footprint_nouveau_stack_bytes $nouveau"
	check "vGPU host footprint <= 15% of the nouveau stack" test "$pct" -le 150
fi
check "unload nouveau" modprobe -r nouveau
