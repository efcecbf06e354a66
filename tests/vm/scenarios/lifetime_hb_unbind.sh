# SPDX-License-Identifier: GPL-2.0
#
# A GSP crash, then unbind while the recovery runs with no client bound,
# then wait past two heartbeat periods: nothing of the removed GPU may
# still be armed (freed pages are poisoned, so a timer left on them would
# oops). Five rounds.
# vm-args: --append "page_poison=1"

S=/sys/kernel/debug/nvsim/gpu0
G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
DRV=/sys/bus/platform/drivers/nvcore-sim
HB=200

check boot sh -c "modprobe nvsim chip=ga102 && modprobe nvcore clients=none heartbeat_ms=$HB && modprobe nvcore_test"
check_eq "no client device" "$(ls /sys/bus/auxiliary/devices | grep -c nvcore)" 0

inflight=0
rounds=0
i=0
while [ $i -lt 5 ]; do
	i=$((i + 1))
	test -e $G/lost || break
	echo 1 >$S/crash
	n=0
	while [ "$(cat $G/lost)" != 1 ] && [ $n -lt 2000 ]; do n=$((n + 1)); done
	# lost stays 1 until the recovery has rebooted GSP-RM.
	[ "$(cat $G/lost)" = 1 ] && inflight=$((inflight + 1))
	echo nvsim-gpu.0 >$DRV/unbind
	usleep $((HB * 3 * 1000))
	echo nvsim-gpu.0 >$DRV/bind
	wait_for 10 test -e $G/lost && rounds=$((rounds + 1))
done
check_eq "five crash + unbind + rebind rounds" "$rounds" 5
check "unbind came during a recovery ($inflight of 5 rounds)" test "$inflight" -ge 1
check "GPU answers after the last rebind" sh -c 'echo "1 10" >/sys/kernel/debug/nvcore/gpu0/rpc_selftest'
echo nvsim-gpu.0 >$DRV/unbind
usleep $((HB * 3 * 1000))
check unload rmmod nvcore_test nvcore nvsim
