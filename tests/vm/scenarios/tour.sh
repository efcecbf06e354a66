# SPDX-License-Identifier: GPL-2.0
#
# `make run`: a short, readable tour of what the stack is doing. Also run
# by `make check`, so the tour cannot silently break.
# vm-personality: yes

say() { echo "  $*"; }
G0=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
G1=/sys/bus/platform/devices/nvsim-gpu.1/nvcore

echo "-- 1. nvsim: two simulated GSP-RM GPUs appear (an RTX A6000 and a Quadro RTX 6000)"
check tour-load-nvsim modprobe nvsim gpus=2 chip=ga102,tu102
for d in /sys/bus/platform/devices/nvsim-gpu.*; do
	say "$(basename "$d"): simulated GPU registered, waiting for a driver"
done

echo "-- 2. nvcore binds, boots GSP-RM 535.113.01 on each GPU and enumerates it"
check tour-load-nvcore modprobe nvcore clients=vgpu
check tour-load-nvcore_test modprobe nvcore_test
dmesg | sed -n 's/.*\(nvcore: GPU [0-9]: .*\)/\1/p; s/.*\(nvcore: GSP-RM .*booted.*\)/\1/p' |
	while read -r l; do say "$l"; done

echo "-- 3. what GPU 0 looks like (sysfs $G0)"
for a in name chip architecture pci_ids uuid vram_size vram_usable bar1_size engines copy_engines display_heads firmware_version boot_us; do
	say "$(printf '%-17s' $a) $(cat $G0/$a)"
done
say "$(printf '%-17s' vram_regions) $(cat $G0/vram_regions | tr '\n' ';')"

echo "-- 4. the RPC transport after boot (debugfs nvcore/gpu0/rpc_stats)"
say "$(grep -E '^(sent|replies|events|irqs|timeouts) ' /sys/kernel/debug/nvcore/gpu0/rpc_stats | tr '\n' ' ')"
echo "   8 callers x 500 NOP RPCs, every reply checked against its request:"
check tour-selftest-write sh -c 'echo "8 500" >/sys/kernel/debug/nvcore/gpu0/rpc_selftest'
say "$(cat /sys/kernel/debug/nvcore/gpu0/rpc_selftest)"
check tour-selftest-all-ok grep -q '^callers 8 rpcs 500 size 64 ok 4000 bad 0 ' /sys/kernel/debug/nvcore/gpu0/rpc_selftest
echo "   GSP-RM's own log (LOGINIT), first lines:"
head -n 4 /sys/kernel/debug/nvcore/gpu0/log_init | while read -r l; do say "$l"; done

echo "-- 5. clients: vGPU-host policy (clients=vgpu) creates no DRM device"
for d in /sys/bus/auxiliary/devices/*; do say "auxiliary device $(basename "$d")"; done
check_eq tour-no-drm-device "$(ls /sys/bus/auxiliary/devices | grep -c drm)" 0
say "loaded modules: $(cut -d' ' -f1 /proc/modules | tr '\n' ' ')(no drm, no vfio)"

echo "-- 6. a GSP crash on GPU 1 is recovered in place"
echo 1 >/sys/kernel/debug/nvsim/gpu1/crash
if wait_for 20 sh -c "test \$(cat $G1/recoveries) -ge 1 -a \$(cat $G1/lost) = 0"; then
	say "GPU 1: recovered ($(cat $G1/last_recovery_reason)) in $(cat $G1/last_recovery_ms) ms; recoveries $(cat $G1/recoveries)"
	pass tour-recovery
else
	fail tour-recovery "GPU 1 not recovered"
fi

echo "-- 7. module footprint (/proc/modules): the desktop stack beside the vGPU host"
while read -r name size refs deps _; do
	case "$name" in nvcore|nvsim) say "$name: $size bytes, depends on: ${deps%,}";; esac
done </proc/modules
# vGPU host: nvvgpu and what it pulls in (clients=vgpu already), no DRM.
before=$(mod_names)
check tour-load-vgpu-host modprobe -a vfio_iommu_type1 nvvgpu
vh_mods="nvcore $(mods_added "$before")"
vh=$(msize $vh_mods)
check tour-vgpu-host-no-drm sh -c '! grep -qE "^(drm|ttm) " /proc/modules'
check tour-unload-vgpu-host rmmod nvvgpu vfio_iommu_type1
# Desktop: GPU 0's policy switched to a DRM client, nvdrm and what it pulls.
before=$(mod_names)
check tour-clients-drm sh -c "echo drm >$G0/clients"
check tour-load-nvdrm modprobe nvdrm
dk_mods="nvcore $(mods_added "$before")"
dk=$(msize $dk_mods)
check tour-desktop-has-drm sh -c 'grep -qE "^drm " /proc/modules'
say "$(printf '%-10s %9s  %s' stack bytes modules)"
say "$(printf '%-10s %9s  %s' desktop "$dk" "$dk_mods")"
say "$(printf '%-10s %9s  %s' vGPU-host "$vh" "$vh_mods")"
check tour-unload-nvdrm rmmod nvdrm

echo "-- 8. unloading: clients first, then GSP-RM shuts down (UNLOADING_GUEST_DRIVER, WPR2 torn down)"
check tour-unload rmmod nvcore_test nvcore nvsim

echo "-- 9. desktop stack: nvdrm runs a copy job on the copy engine, from EXEC to the signalled fence"
check tour-drm-load sh -c 'modprobe nvsim chip=ga102 && modprobe nvcore clients=drm heartbeat_ms=0 && modprobe nvdrm'
wait_for 20 sh -c 'ls /sys/bus/auxiliary/devices/nvcore.drm.0/driver >/dev/null 2>&1'
/tests/bin/nvdrm_exec tour 2>&1 | sed 's/^PASS: /PASS: tour-exec: /; s/^FAIL: /FAIL: tour-exec: /'
say "nvcore events delivered: $(sed -n 's/.*events_delivered \([0-9]*\).*/\1/p' /sys/kernel/debug/nvcore/gpu0/resources 2>/dev/null | head -n 1)"
check tour-drm-unload rmmod nvdrm nvcore nvsim
