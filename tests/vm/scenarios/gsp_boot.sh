# SPDX-License-Identifier: GPL-2.0
#
# GSP-RM boot and hardware enumeration on each simulated chip, then two
# GPUs at once.
# vm-personality: yes
# vm-fw: both

sysfs_of() { cat "/sys/bus/platform/devices/nvsim-gpu.$1/nvcore/$2" 2>/dev/null; }

# The GSP-RM version expected: nvcore.fw= from the command line (make check's
# @fw runs), else, with nvcore's version layer, the newest image present,
# else 535.113.01 (the only version an nvcore without fw= speaks).
want_fw() {
	v=$(tr ' ' '\n' </proc/cmdline | sed -n 's/^nvcore\.fw=//p')
	if [ -z "$v" ] && [ -e /sys/module/nvcore/parameters/fw ]; then
		v=$(ls /lib/firmware/nvidia/$1/gsp/ | sed -n 's/^gsp-\(.*\)\.bin$/\1/p' | sort | tail -n 1)
	fi
	echo "${v:-535.113.01}"
}

boot_chip() {
	chip=$1 vram_gib=$2 ces=$3
	check "$chip: load" modprobe nvsim chip="$chip"
	check "$chip: nvcore binds" modprobe nvcore
	check_eq "$chip: chip" "$(sysfs_of 0 chip)" "$chip"
	check_eq "$chip: firmware" "$(sysfs_of 0 firmware_version)" "$(want_fw "$chip")"
	check "$chip: nvsim runs the version uploaded" sh -c "dmesg | grep 'nvsim: GPU 0: GSP-RM' | tail -n 1 | grep -q 'GSP-RM $(want_fw "$chip") starts$'"
	check_eq "$chip: vram_size" "$(sysfs_of 0 vram_size)" $((vram_gib << 30))
	check_eq "$chip: copy engines" "$(sysfs_of 0 copy_engines)" "$ces"
	check_eq "$chip: display heads" "$(sysfs_of 0 display_heads)" 4
	usable=$(sysfs_of 0 vram_usable)
	check "$chip: usable vram below total" test "$usable" -gt 0 -a "$usable" -lt $((vram_gib << 30))
	check "$chip: engines list gr0 and ce0" sh -c "grep -q 'gr0' /sys/bus/platform/devices/nvsim-gpu.0/nvcore/engines && grep -q 'ce0' /sys/bus/platform/devices/nvsim-gpu.0/nvcore/engines"
	check "$chip: name reported" test -n "$(sysfs_of 0 name)"
	check "$chip: uuid" sh -c "sysfs_of() { cat /sys/bus/platform/devices/nvsim-gpu.0/nvcore/uuid; }; sysfs_of | grep -qE '^GPU-[0-9a-f]{32}$'"
	check "$chip: rpc_stats readable" grep -q '^replies [1-9]' /sys/kernel/debug/nvcore/gpu0/rpc_stats
	check "$chip: interrupt mode" grep -q '^irq_mode 1' /sys/kernel/debug/nvcore/gpu0/rpc_stats
	check "$chip: firmware log" grep -q . /sys/kernel/debug/nvcore/gpu0/log_init
	check "$chip: unload" rmmod nvcore nvsim
}

boot_chip tu102 24 5
boot_chip ga102 48 5
boot_chip ad102 48 6

check "two GPUs: load" modprobe nvsim gpus=2 chip=ga102,tu102
check "two GPUs: nvcore binds both" modprobe nvcore clients=test
check "two GPUs: load nvcore_test" modprobe nvcore_test
check_eq "two GPUs: gpu0 chip" "$(sysfs_of 0 chip)" ga102
check_eq "two GPUs: gpu1 chip" "$(sysfs_of 1 chip)" tu102
# Different runs on each GPU: each keeps its own result.
check "two GPUs: gpu0 answers RPCs" sh -c 'echo "2 200" >/sys/kernel/debug/nvcore/gpu0/rpc_selftest'
check "two GPUs: gpu1 answers RPCs" sh -c 'echo "3 100" >/sys/kernel/debug/nvcore/gpu1/rpc_selftest'
check "two GPUs: gpu0 keeps its own result" grep -q "^callers 2 rpcs 200 size 64 ok 400 bad 0 " /sys/kernel/debug/nvcore/gpu0/rpc_selftest
check "two GPUs: gpu1 keeps its own result" grep -q "^callers 3 rpcs 100 size 64 ok 300 bad 0 " /sys/kernel/debug/nvcore/gpu1/rpc_selftest
check "two GPUs: a test client binds to each" modprobe nvtest_client
for g in 0 1; do
	T=/sys/kernel/debug/nvtest/nvcore.test.$g/cmd
	check "two GPUs: client on GPU $g has its RM client (fbquery)" sh -c "echo fbquery >$T && grep -q 'err 0' $T"
done
check "two GPUs: unload" rmmod nvtest_client nvcore_test nvcore nvsim
