# SPDX-License-Identifier: GPL-2.0
#
# Firmware-version selection (core/gsp/fw.c, DOC: firmware versions):
# nvcore.fw= forces a version for all GPUs or per GPU (comma list by GPU
# index); an unknown or absent version is refused cleanly; without it the
# newest image present boots.
# vm-fw: auto

sysfs_of() { cat "/sys/bus/platform/devices/nvsim-gpu.$1/nvcore/$2" 2>/dev/null; }
bound() { test -e "/sys/bus/platform/devices/nvsim-gpu.$1/nvcore/chip"; }
FW=/lib/firmware/nvidia/ga102/gsp

# Without fw= the newest image present boots (570.144 first); with only
# 535.113.01 installed nvcore falls back to it without a warning.
newest=535.113.01
[ -e $FW/gsp-570.144.bin ] && newest=570.144
check "search: load" modprobe nvsim chip=ga102
check "search: nvcore binds" modprobe nvcore
check_eq "search: the newest image present boots" "$(sysfs_of 0 firmware_version)" "$newest"
if [ "$newest" = 535.113.01 ]; then
	check "search: no warning for the absent newer image" sh -c '! dmesg | grep -q "gsp-570.144.bin failed"'
fi
check "search: unload" rmmod nvcore nvsim

check "forced 535: load" modprobe nvsim chip=ga102
check "forced 535: nvcore binds" modprobe nvcore fw=535.113.01
check_eq "forced 535: version" "$(sysfs_of 0 firmware_version)" 535.113.01
check "forced 535: unload" rmmod nvcore nvsim

check "unknown version: load" modprobe nvsim chip=ga102
check "unknown version: module loads" modprobe nvcore fw=1.2.3
check "unknown version: GPU not bound" sh -c '! test -e /sys/bus/platform/devices/nvsim-gpu.0/nvcore/chip'
check "unknown version: said why" sh -c 'dmesg | grep -q "fw=1.2.3: unsupported version for GPU 0"'
check "unknown version: unload" rmmod nvcore nvsim

if [ ! -e $FW/gsp-570.144.bin ]; then
	check "absent image: load" modprobe nvsim chip=ga102
	check "absent image: module loads" modprobe nvcore fw=570.144
	check "absent image: GPU not bound" sh -c '! test -e /sys/bus/platform/devices/nvsim-gpu.0/nvcore/chip'
	check "absent image: unload" rmmod nvcore nvsim
fi

check "per GPU: load two" modprobe nvsim gpus=2 chip=ga102,tu102
check "per GPU: nvcore loads" modprobe nvcore fw=535.113.01,9.9
check "per GPU: gpu0 boots its version" bound 0
check_eq "per GPU: gpu0 version" "$(sysfs_of 0 firmware_version)" 535.113.01
check "per GPU: gpu1 refused" sh -c '! test -e /sys/bus/platform/devices/nvsim-gpu.1/nvcore/chip'
check "per GPU: unload" rmmod nvcore nvsim

check "per GPU, auto entry: load two" modprobe nvsim gpus=2 chip=ga102,tu102
check "per GPU, auto entry: nvcore loads" modprobe nvcore fw=,auto
check "per GPU, auto entry: both bound" sh -c 'test -e /sys/bus/platform/devices/nvsim-gpu.0/nvcore/chip && test -e /sys/bus/platform/devices/nvsim-gpu.1/nvcore/chip'
check "per GPU, auto entry: unload" rmmod nvcore nvsim

# Two GPUs on different versions at once (nvsim runs what each uploads).
if [ -e $FW/gsp-570.144.bin ] && [ -e /lib/firmware/nvidia/tu102/gsp/gsp-570.144.bin ]; then
	check "mixed: load two" modprobe nvsim gpus=2 chip=ga102,tu102
	check "mixed: nvcore loads" modprobe nvcore fw=570.144,535.113.01
	check_eq "mixed: gpu0 on 570.144" "$(sysfs_of 0 firmware_version)" 570.144
	check_eq "mixed: gpu1 on 535.113.01" "$(sysfs_of 1 firmware_version)" 535.113.01
	check_eq "mixed: gpu0 chip" "$(sysfs_of 0 chip)" ga102
	check_eq "mixed: gpu1 chip" "$(sysfs_of 1 chip)" tu102
	check "mixed: gpu0 engines" grep -q ce0 /sys/bus/platform/devices/nvsim-gpu.0/nvcore/engines
	check "mixed: gpu1 engines" grep -q ce0 /sys/bus/platform/devices/nvsim-gpu.1/nvcore/engines
	check "mixed: gpu0 interrupt mode" grep -q '^irq_mode 1' /sys/kernel/debug/nvcore/gpu0/rpc_stats
	check "mixed: gpu1 interrupt mode" grep -q '^irq_mode 1' /sys/kernel/debug/nvcore/gpu1/rpc_stats
	check "mixed: unload" rmmod nvcore nvsim
fi
