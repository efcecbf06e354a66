# SPDX-License-Identifier: GPL-2.0
#
# `make run`: a short, readable tour of what the stack is doing. Also run
# by `make check`, so the tour cannot silently break.

say() { echo "  $*"; }

echo "-- loading nvsim (simulated GSP-RM GPUs: ga102 and tu102)"
check tour-load-nvsim modprobe nvsim gpus=2 chip=ga102,tu102
for d in /sys/bus/platform/devices/nvsim-gpu.*; do
	say "$(basename "$d"): simulated GPU registered"
done

echo "-- loading nvcore"
check tour-load-nvcore modprobe nvcore
dmesg | sed -n 's/.*\(nvcore: GPU.*\)/\1/p' | while read -r l; do say "$l"; done

echo "-- module footprint"
while read -r name size refs deps _; do
	case "$name" in nvcore|nvsim) say "$name: $size bytes, depends on: ${deps%,}";; esac
done </proc/modules

echo "-- unloading"
check tour-unload rmmod nvcore nvsim
