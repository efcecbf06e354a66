# SPDX-License-Identifier: GPL-2.0
#
# Firmware version mismatch: the driver uploads one GSP-RM version's image
# and the GSP runs the other (nvsim fw= forces it, docs/nvsim.md). GSP-RM
# refuses the driver's GSP_SET_SYSTEM_INFO (the other version's size) and
# halts before GSP_INIT_DONE: the probe fails cleanly (no WARN, one error
# message from nvcore), everything unloads, and the GPU boots again with
# the matching version.
# vm-fw: auto

G=/sys/kernel/debug/nvsim/gpu0
bound() { test -e /sys/bus/platform/drivers/nvcore-sim/nvsim-gpu.0; }
other() { if [ "$1" = 535.113.01 ]; then echo 570.144; else echo 535.113.01; fi; }

# The version nvcore picks by itself, and nvsim following the image.
check "auto: load" sh -c "modprobe nvsim && modprobe nvcore"
up=$(cat /sys/bus/platform/devices/nvsim-gpu.0/nvcore/firmware_version 2>/dev/null)
nvcore_fw=$(test -e /sys/module/nvcore/parameters/fw && echo yes)
check "auto: nvcore runs a version nvsim plays" sh -c "[ '$up' = 535.113.01 ] || [ '$up' = 570.144 ]"
check "auto: nvsim runs the uploaded version" sh -c "dmesg | grep -q 'nvsim: GPU 0: GSP-RM $up starts$'"
check "auto: unload" rmmod nvcore nvsim

# $1: what nvcore uploads (empty: its own choice, $up), $2: what nvsim runs.
mismatch() {
	drv=${1:-$up} gsp=$2 tag="$drv image on $2"
	n0=$(dmesg | wc -l)
	check "$tag: nvsim forced" modprobe nvsim fw="$gsp"
	if [ -n "$1" ]; then
		check "$tag: nvcore loads" modprobe nvcore fw="$1"
	else
		check "$tag: nvcore loads" modprobe nvcore
	fi
	check "$tag: probe failed" sh -c "! test -e /sys/bus/platform/drivers/nvcore-sim/nvsim-gpu.0"
	dmesg | tail -n +$((n0 + 1)) >/tmp/mismatch.log
	check "$tag: nvsim ran $gsp" grep -q "GSP-RM $gsp starts (forced by fw=)" /tmp/mismatch.log
	check "$tag: GSP-RM refused the system info and halted" grep -q 'GSP-RM boot failed (-22, code 0xbad00009)' /tmp/mismatch.log
	check "$tag: counted as a boot failure" grep -q '^boot_failures [1-9]' $G/stats
	errs=$(grep -v 'nvsim:' /tmp/mismatch.log | grep -ci 'nvcore.*\(fail\|error\|INIT_DONE\|mismatch\|halt\)')
	echo "    nvcore error lines: $errs"
	grep -v 'nvsim:' /tmp/mismatch.log | grep 'nvcore' | sed 's/^/    | /' | head -n 8
	check "$tag: nvcore says so, briefly" test "$errs" -ge 1 -a "$errs" -le 3
	check "$tag: unload" rmmod nvcore nvsim
	check_eq "$tag: modules gone" "$(grep -cE '^(nvcore|nvsim) ' /proc/modules)" 0
}

mismatch "" "$(other "$up")"
# The other direction needs nvcore to upload the other version (nvcore fw=).
if [ -n "$nvcore_fw" ]; then
	mismatch "$(other "$up")" "$up"
else
	echo "SKIP: mismatch: nvcore has no fw= to upload the other version"
fi

# The GPU is not harmed: it boots again with the matching version.
check "again: load" sh -c "modprobe nvsim && modprobe nvcore"
check "again: bound" bound
check_eq "again: version" "$(cat /sys/bus/platform/devices/nvsim-gpu.0/nvcore/firmware_version)" "$up"
check "again: load nvcore_test" modprobe nvcore_test
check "again: answers RPCs" sh -c 'echo "1 50" >/sys/kernel/debug/nvcore/gpu0/rpc_selftest && grep -q "bad 0 " /sys/kernel/debug/nvcore/gpu0/rpc_selftest'
check "again: unload" rmmod nvcore_test nvcore nvsim
