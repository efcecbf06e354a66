# SPDX-License-Identifier: GPL-2.0
#
# nvdrm channels and EXEC on nvsim's copy engine (tests/vm/progs/nvdrm_exec.c):
# copies and fills checked byte for byte (VRAM and system memory, binary and
# timeline syncobjs), ordering across two channels through a syncobj (data
# and a copy-engine semaphore), 4 processes x 4 channels, a faulting job
# (RC: only its channel dies), a slow job's object evicted by VRAM pressure
# and unbound while it runs (both wait for the job's fence in the VM's
# reservation; data checked), a job timeout (the channel is reset, the
# other runs), a GSP crash with a job in flight (its fence -ENODEV, the old
# channel lost, a new one works), the invalid-argument walk of
# CHANNEL_CREATE / CHANNEL_DESTROY / EXEC with no kernel log line, and
# nvdrm's kernel channel (physical-mode fill and copies, debugfs hook), and
# unbinding nvdrm with a job in flight (its fence -ENODEV, ioctls -ENODEV).
# vm-fw: both
# vm-args: --ninep --timeout 400

A=/sys/bus/auxiliary/devices
T=/tests/bin/nvdrm_exec
run() { $T "$@" 2>&1; }
nv_render() {
	for r in /sys/class/drm/renderD*; do
		case "$(readlink -f "$r/device")" in */nvsim-gpu.0) return 0 ;; esac
	done
	return 1
}
drm_bound() { test -e $A/nvcore.drm.0/driver && nv_render; }

check "load nvsim (ga102)" modprobe nvsim chip=ga102
check "load nvcore clients=drm" modprobe nvcore clients=drm heartbeat_ms=0
check "load nvdrm (2 s job timeout)" modprobe nvdrm job_timeout_ms=2000
check "nvdrm bound" wait_for 20 drm_bound

n0=$(dmesg | wc -l)
run inval
check_eq "inval: the walk printed no kernel log line" "$(dmesg | tail -n +$((n0 + 1)) | wc -l)" 0
run copy
# The kernel channel (CE copies for eviction): fill, VRAM->VRAM, VRAM->system.
K=$(ls /sys/kernel/debug/dri/*/nvdrm_kchan_test 2>/dev/null | head -n 1)
check "kernel channel: fill and copies checked" sh -c "grep -q '^kchan 0 ' $K"
echo "  $(cat $K)"
run order
run multi 4
run fault
run busy /sys/kernel/debug/nvsim/gpu0/fifo /sys/module/nvdrm/parameters/evict_ce
run timeout
run crash /sys/kernel/debug/nvsim/gpu0/crash /sys/bus/platform/devices/nvsim-gpu.0/nvcore/recoveries
run copy
check "kernel channel: a new one after the GSP crash" sh -c "grep -q '^kchan 0 ' $K"
# Unbind nvdrm with a job in flight: its fence signals -ENODEV, ioctls fail.
DRV=/sys/bus/auxiliary/drivers/nvdrm.drm
run unplug $DRV/unbind nvcore.drm.0
check "unplug: rebind" sh -c "echo nvcore.drm.0 >$DRV/bind"
check "unplug: bound again" wait_for 20 drm_bound
run copy
check "unload" rmmod nvdrm nvcore nvsim
