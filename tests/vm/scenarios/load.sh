# SPDX-License-Identifier: GPL-2.0
#
# Harness end to end: nvsim registers its device, nvcore binds to it, both
# unload cleanly; then ten load/unload cycles.
# vm-personality: yes

check load-nvsim modprobe nvsim
check nvsim-device-registered test -e /sys/bus/platform/devices/nvsim-gpu.0
check load-nvcore modprobe nvcore
check nvcore-bound test -e /sys/bus/platform/drivers/nvcore-sim/nvsim-gpu.0
check nvcore-identified-chip sh -c "dmesg | grep -q \"nvcore: GPU 0: ga102\""
check unload-nvcore rmmod nvcore
check unload-nvsim rmmod nvsim

ok=0
i=0
while [ $i -lt 10 ]; do
	modprobe nvsim && modprobe nvcore &&
		test -e /sys/bus/platform/drivers/nvcore-sim/nvsim-gpu.0 &&
		rmmod nvcore && rmmod nvsim && ok=$((ok + 1))
	i=$((i + 1))
done
check_eq load-unload-10-cycles "$ok" 10
check_eq modules-gone "$(grep -cE '^(nvcore|nvsim) ' /proc/modules)" 0
