# SPDX-License-Identifier: GPL-2.0
#
# Firmware version mismatch: the driver uploads one GSP-RM version's image
# and the GSP runs the other (nvsim fw= forces it, docs/nvsim.md). GSP-RM
# refuses the driver's GSP_SET_SYSTEM_INFO (the other version's size) and
# halts before GSP_INIT_DONE, or shows it another way (nvsim
# sysinfo_refusal): the probe fails at once, not after the INIT_DONE
# timeout, with exactly one line from nvcore naming both versions and no
# WARN; everything unloads, and the GPU boots again with the matching
# version.
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

# ms since boot (/proc/uptime has centiseconds).
now_ms() { awk '{ printf "%d", $1 * 1000 }' /proc/uptime; }

# $1: what nvcore uploads (empty: its own choice, $up), $2: what nvsim runs,
# $3: how GSP-RM refuses the other version's system information (nvsim
# sysinfo_refusal, docs/nvsim.md), $4: what nvsim logs then.
# nvcore gets 30 s to see INIT_DONE: a stop must be noticed long before
# (QEMU TCG: a good boot takes well under 1 s); "silent" can only time out
# and gets 1.5 s.
mismatch() {
	drv=${1:-$up} gsp=$2 how=$3 tag="$drv image on $2, $3"
	tmo=30000
	[ "$how" = silent ] && tmo=1500
	n0=$(dmesg -r | wc -l)
	check "$tag: nvsim forced" modprobe nvsim fw="$gsp"
	check "$tag: refusal set" sh -c "echo $how >$G/sysinfo_refusal"
	t0=$(now_ms)
	if [ -n "$1" ]; then
		check "$tag: nvcore loads" modprobe nvcore fw="$1" boot_timeout_ms=$tmo
	else
		check "$tag: nvcore loads" modprobe nvcore boot_timeout_ms=$tmo
	fi
	ms=$(($(now_ms) - t0))
	check "$tag: probe failed" sh -c "! test -e /sys/bus/platform/drivers/nvcore-sim/nvsim-gpu.0"
	dmesg -r | tail -n +$((n0 + 1)) >/tmp/mismatch.log
	check "$tag: nvsim ran $gsp" grep -q "GSP-RM $gsp starts (forced by fw=)" /tmp/mismatch.log
	check "$tag: GSP-RM refused the system info ($4)" grep -qF "GSP-RM boot failed ($4)" /tmp/mismatch.log
	check "$tag: counted as a boot failure" grep -q '^boot_failures [1-9]' $G/stats
	# nvcore's own lines at warning level or worse (<0>..<4>).
	grep ': nvcore: ' /tmp/mismatch.log | grep '^<[0-4]>' >/tmp/mismatch.err
	echo "    nvcore lines >= warning: $(wc -l </tmp/mismatch.err), probe to failure: $ms ms"
	sed 's/^/    | /' /tmp/mismatch.err
	check_eq "$tag: exactly one nvcore line" "$(wc -l </tmp/mismatch.err)" 1
	check "$tag: it names nvcore's version ($drv)" grep -qF "nvcore's $drv boot arguments" /tmp/mismatch.err
	check "$tag: and the other ($gsp)" grep -qF "another version ($gsp)" /tmp/mismatch.err
	if [ "$how" = silent ]; then
		check "$tag: waited out its 1.5 s only ($ms ms)" test "$ms" -lt 15000
	else
		check "$tag: noticed at once ($ms ms, INIT_DONE timeout 30 s)" test "$ms" -lt 5000
	fi
	check "$tag: unload" rmmod nvcore nvsim
	check_eq "$tag: modules gone" "$(grep -cE '^(nvcore|nvsim) ' /proc/modules)" 0
}

# Every way GSP-RM may show the refusal (docs/nvsim.md), one direction.
mismatch "" "$(other "$up")" halt "-22, code 0xbad00009"
mismatch "" "$(other "$up")" halt_quiet "-22, code 0x0"
mismatch "" "$(other "$up")" mailbox "no GSP_INIT_DONE, error mailbox 0xe0000009"
mismatch "" "$(other "$up")" silent "no GSP_INIT_DONE, error mailbox 0x0"
# The other direction needs nvcore to upload the other version (nvcore fw=).
if [ -n "$nvcore_fw" ]; then
	mismatch "$(other "$up")" "$up" halt "-22, code 0xbad00009"
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
