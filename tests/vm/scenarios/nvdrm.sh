# SPDX-License-Identifier: GPL-2.0
#
# nvdrm end to end through libdrm and its uAPI (tests/vm/progs/nvdrm_test.c):
# attach and enumeration (drmGetDevices2, drmdevice), GET_PARAM, GEM in
# VRAM and system memory with mmap, PRIME with vgem, VM_BIND edge cases, an
# invalid-argument walk of every ioctl with no kernel log line, VRAM
# overcommitted 3x with every byte checked, GPU page tables walked by
# nvsim's MMU (through eviction and restore), a GSP crash with a VM mapped,
# 200 open/close, unbinding nvdrm, nvcore and removing nvsim with fds and
# mappings open, module reload x10.
# vm-fw: both
# vm-args: --ninep --timeout 400

A=/sys/bus/auxiliary/devices
DRV=/sys/bus/auxiliary/drivers/nvdrm.drm
T=/tests/bin/nvdrm_test
say() { echo "  $*"; }
# run: the test program's PASS/FAIL lines pass through.
run() { $T "$@" 2>&1; }
# nvdrm's render node: the one whose device is the GPU's (vgem has one too).
nv_render() {
	for r in /sys/class/drm/renderD*; do
		case "$(readlink -f "$r/device")" in */nvsim-gpu.0) return 0 ;; esac
	done
	return 1
}
drm_bound() { test -e $A/nvcore.drm.0/driver && nv_render; }

check "load nvsim (ga102)" modprobe nvsim chip=ga102
check "load nvcore clients=drm" modprobe nvcore clients=drm heartbeat_ms=0
check "modinfo: alias auxiliary:nvcore.drm (autoload)" sh -c "modinfo -F alias nvdrm | grep -qx auxiliary:nvcore.drm"
# No udev in the guest: load it by hand.
check "load nvdrm" modprobe nvdrm
check "nvdrm binds nvcore.drm.0 and creates a render node" wait_for 20 drm_bound
check_eq "nvdrm bound to nvcore.drm.0" "$(basename "$(readlink -f $A/nvcore.drm.0/driver)")" nvdrm.drm
check_eq "modinfo: nvdrm depends on nvcore and DRM modules only" \
	"$(modinfo -F depends nvdrm | tr ',' '\n' | grep -vxE 'nvcore|drm|ttm|drm_[a-z_]*|gpu-sched' | wc -l)" 0
R=$(for r in /sys/class/drm/renderD*; do readlink -f $r/device | grep -q nvsim-gpu.0 && basename $r; done | head -n 1)
say "nodes: $(ls /dev/dri | tr '\n' ' ')"
P=$(readlink -f /sys/class/drm/$R/device)
say "render node parent: $P"
check_eq "DRM device parented on the GPU's platform device" "$(basename "$P")" nvsim-gpu.0

run enum
check "mount host root" mount_host
out=$(chroot /host /usr/bin/drmdevice 2>&1)
echo "$out" | grep -E 'renderD|platform|fullname' | head -n 8 | while read -r l; do say "drmdevice: $l"; done
check "drmdevice lists nvdrm's render node on the platform bus" sh -c "echo \"\$1\" | grep -q \"/dev/dri/$R\" && echo \"\$1\" | grep -q 'platform'" _ "$out"
umount_host

run param 0x172 64
run gem
modprobe vgem
run prime
run vm
n0=$(dmesg | wc -l)
run inval
check_eq "inval: the walk printed no kernel log line" "$(dmesg | tail -n +$((n0 + 1)) | wc -l)" 0
run openclose 200

# Overcommit: a small VRAM domain, 3x its size in live objects.
check "reload nvdrm with vram_mib=8" sh -c "rmmod nvdrm && modprobe nvdrm vram_mib=8"
check "nvdrm bound again" wait_for 10 drm_bound
run evict 3
# The same with the CPU copying through BAR1 (the fallback path).
run evict 3 cpu
# GPU page tables, walked by nvsim's MMU (VRAM domain still 8 MiB).
run gpuva /sys/kernel/debug/nvsim/gpu0/mmu
# 64 KiB and 2 MiB pages, chosen by alignment and placement, through eviction.
run bigpage /sys/kernel/debug/nvsim/gpu0/mmu
# A GSP crash with a VM mapped: recovered in place, VA space given again.
run recover /sys/kernel/debug/nvsim/gpu0/mmu /sys/kernel/debug/nvsim/gpu0/crash \
	/sys/bus/platform/devices/nvsim-gpu.0/nvcore/recoveries

# Unbind nvdrm with an fd and mappings open.
run unplug $DRV/unbind nvcore.drm.0
check "unplug: nvdrm unbound" sh -c "! test -e $A/nvcore.drm.0/driver"
check "unplug: rebind" sh -c "echo nvcore.drm.0 >$DRV/bind"
check "unplug: bound again" wait_for 10 drm_bound
check "gem works after rebind" sh -c "! $T gem | grep -q FAIL"

# Reload x10.
ok=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	rmmod nvdrm && modprobe nvdrm && wait_for 10 drm_bound && ok=$((ok + 1))
done
check_eq "reload nvdrm x10" "$ok" 10

# Unbind nvcore from the GPU, then remove nvsim, with fds and mappings open.
run unplug /sys/bus/platform/drivers/nvcore-sim/unbind nvsim-gpu.0
check "unplug nvcore: its auxiliary device is gone" sh -c '! test -e /sys/bus/auxiliary/devices/nvcore.drm.0'
check "unplug nvcore: no render node of the GPU left" sh -c "! readlink -f /sys/class/drm/renderD*/device | grep -q nvsim-gpu"
check "unplug nvcore: rebind nvcore" sh -c "echo nvsim-gpu.0 >/sys/bus/platform/drivers/nvcore-sim/bind"
check "unplug nvcore: nvdrm binds again" wait_for 30 drm_bound
check "unplug nvcore: gem works after rebind" sh -c "! $T gem | grep -q FAIL"
run unplug '!rmmod nvsim' -
check "unplug nvsim: no render node of the GPU left" sh -c "! readlink -f /sys/class/drm/renderD*/device | grep -q nvsim-gpu"
check "teardown: rmmod vgem nvdrm nvcore" rmmod vgem nvdrm nvcore
