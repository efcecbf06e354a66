# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: transport benchmarks, each with its baseline from the same
# run, printed as one JSON line for the host.
# vm-check: no
# vm-args: --timeout 900

check load modprobe nvsim chip=ga102
check nvcore-binds modprobe nvcore
check bench-run sh -c 'echo run >/sys/kernel/debug/nvcore/gpu0/bench'
echo "BENCH-JSON $(cat /sys/kernel/debug/nvcore/gpu0/bench)"
check unload rmmod nvcore nvsim
