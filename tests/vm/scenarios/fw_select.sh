# SPDX-License-Identifier: GPL-2.0
#
# Firmware-version selection (core/gsp/fw.c, DOC: firmware versions):
# nvcore.fw= forces a version for all GPUs or per GPU (comma list by GPU
# index); an unknown or absent version is refused cleanly; without it the
# newest image present boots.

sysfs_of() { cat "/sys/bus/platform/devices/nvsim-gpu.$1/nvcore/$2" 2>/dev/null; }
bound() { test -e "/sys/bus/platform/devices/nvsim-gpu.$1/nvcore/chip"; }
FW=/lib/firmware/nvidia/ga102/gsp

# With only 535.113.01 installed, the search (570.144 first) falls back
# to it quietly. (With both installed, which one boots depends on the
# version nvsim plays: the harness's firmware dimension covers that.)
if [ ! -e $FW/gsp-570.144.bin ]; then
	check "search: load" modprobe nvsim chip=ga102
	check "search: nvcore binds" modprobe nvcore
	check_eq "search: falls back to the image present" "$(sysfs_of 0 firmware_version)" 535.113.01
	check "search: no warning for the absent newer image" sh -c '! dmesg | grep -q "gsp-570.144.bin failed"'
	check "search: unload" rmmod nvcore nvsim
fi

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
