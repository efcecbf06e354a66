# SPDX-License-Identifier: GPL-2.0
#
# Two GPUs on different GSP-RM versions at once: /lib/firmware keeps only
# 535.113.01 for tu102 while ga102 has both, so nvcore picks 535.113.01
# for the TU102 and 570.144 (the newest) for the GA102, and nvsim runs on
# each GPU the version of the image it was given. Both boot, enumerate,
# answer RPCs, serve a client and deliver events with their version's
# numbering and layouts; then both unload and the GPUs boot again.
# vm-fw: auto

sysfs_of() { cat "/sys/bus/platform/devices/nvsim-gpu.$1/nvcore/$2" 2>/dev/null; }
FW=/lib/firmware/nvidia

check "tu102 has only the 535.113.01 image" sh -c "mkdir -p /tmp/fw570 && mv $FW/tu102/gsp/gsp-570.144.bin $FW/tu102/gsp/bootloader-570.144.bin /tmp/fw570/"
check "load" sh -c "modprobe nvsim gpus=2 chip=tu102,ga102 && modprobe nvcore clients=test"
if ! test -e /sys/module/nvcore/parameters/fw; then
	echo "SKIP: fw_mixed: nvcore has no firmware-version layer (fw=)"
	rmmod nvcore nvsim
	exit 0
fi
check "both bound" sh -c "test -e /sys/bus/platform/drivers/nvcore-sim/nvsim-gpu.0 && test -e /sys/bus/platform/drivers/nvcore-sim/nvsim-gpu.1"
check_eq "gpu0 (tu102) runs 535.113.01" "$(sysfs_of 0 firmware_version)" 535.113.01
check_eq "gpu1 (ga102) runs 570.144" "$(sysfs_of 1 firmware_version)" 570.144
check "nvsim ran 535.113.01 on GPU 0" sh -c "dmesg | grep -q 'nvsim: GPU 0: GSP-RM 535.113.01 starts$'"
check "nvsim ran 570.144 on GPU 1" sh -c "dmesg | grep -q 'nvsim: GPU 1: GSP-RM 570.144 starts$'"
check "load nvcore_test" modprobe nvcore_test
for g in 0 1; do
	check "gpu$g: enumerated (vram, engines)" sh -c "test \$(cat /sys/bus/platform/devices/nvsim-gpu.$g/nvcore/vram_size) -gt 0 && grep -q ce0 /sys/bus/platform/devices/nvsim-gpu.$g/nvcore/engines"
	check "gpu$g: answers RPCs" sh -c "echo '2 200' >/sys/kernel/debug/nvcore/gpu$g/rpc_selftest && grep -q 'ok 400 bad 0 ' /sys/kernel/debug/nvcore/gpu$g/rpc_selftest"
	check "gpu$g: no RPC refused by GSP-RM" grep -q '^rpc_errors 0$' /sys/kernel/debug/nvsim/gpu$g/stats
done
check "a test client binds to each" modprobe nvtest_client
for g in 0 1; do
	T=/sys/kernel/debug/nvtest/nvcore.test.$g/cmd
	check "gpu$g: client RM query (fbquery)" sh -c "echo fbquery >$T && grep -q 'err 0' $T"
done
# Events with each version's numbering and layout: RC_TRIGGERED (0x14 bytes
# in 535, 0x30 in 570) and a lockdown (GSP_LOCKDOWN_NOTICE 0x101d in 535,
# 0x101c in 570) reach nvcore on both GPUs and none is unknown to it.
stat() { sed -n "s/^$2 //p" /sys/kernel/debug/nvcore/gpu$1/rpc_stats; }
for g in 0 1; do
	e0=$(stat $g events)
	check "gpu$g: rc event" sh -c "echo 'rc 3 13 1' >/sys/kernel/debug/nvsim/gpu$g/inject"
	check "gpu$g: lockdown" sh -c "echo 'lockdown 20' >/sys/kernel/debug/nvsim/gpu$g/inject"
	sleep 1
	check "gpu$g: events received (rc + 2 lockdown notices)" test "$(stat $g events)" -ge $((e0 + 3))
	check_eq "gpu$g: no unknown event" "$(stat $g unknown_events)" 0
	check_eq "gpu$g: no lockdown violation" "$(sed -n 's/^lockdown_violations //p' /sys/kernel/debug/nvsim/gpu$g/stats)" 0
done
check "unload" rmmod nvtest_client nvcore_test nvcore nvsim
check "reload: both boot again" sh -c "modprobe nvsim gpus=2 chip=tu102,ga102 && modprobe nvcore && test -e /sys/bus/platform/drivers/nvcore-sim/nvsim-gpu.1"
check_eq "reload: gpu1 still 570.144" "$(sysfs_of 1 firmware_version)" 570.144
check "reload: unload" rmmod nvcore nvsim
mv /tmp/fw570/* $FW/tu102/gsp/
