# SPDX-License-Identifier: GPL-2.0
#
# The PCI backend on a device it cannot boot: QEMU's edu device (not an
# NVIDIA GPU) is handed to nvcore through new_id. Probe must refuse it with
# one clear message, leave it unbound and keep the kernel log clean.
# vm-args: --qemu "-device edu"

check load-nvcore modprobe nvcore
check edu-present sh -c 'grep -l 0x11e8 /sys/bus/pci/devices/*/device'
echo "1234 11e8" >/sys/bus/pci/drivers/nvcore/new_id 2>/dev/null
dev=$(dirname "$(grep -l 0x11e8 /sys/bus/pci/devices/*/device | head -n 1)")
check "edu left unbound" test ! -e "$dev/driver"
check "one clear refusal message" sh -c 'dmesg | grep -q "nvcore: unsupported chip (BOOT_0 0x010000ed\|nvcore: GPU not responding"'
check_eq "refusal logged once" "$(dmesg | grep -c 'nvcore: unsupported chip\|nvcore: GPU not responding')" 1
check unload rmmod nvcore
