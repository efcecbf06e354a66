# SPDX-License-Identifier: GPL-2.0
#
# A VRAM copy stays owned for its whole length: a thread of the test
# client reads a 48 MiB region while another frees it ~1 ms later,
# allocates it again and overwrites its end; the read must return only
# what was there before the free (nvtest_client vram_rw_race).

T=/sys/kernel/debug/nvtest/nvcore.test.0/cmd
cmd() { echo "$*" >$T && cat $T; }
field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'; }

check boot sh -c "modprobe nvsim chip=ga102 && modprobe nvcore clients=test heartbeat_ms=0 && modprobe nvtest_client"
check "test client bound" wait_for 5 test -e $T
check_eq "partition with 64 MiB of VRAM" "$(cmd part_create 0 64M 0 0 0 0x1 | field err)" 0
res=$(cmd vram_rw_race 0 48M 10)
echo "  vram_rw_race: $res"
check_eq "ten rounds ran" "$(echo "$res" | field err) $(echo "$res" | field rounds)" "0 10"
check "reads raced with the free ($(echo "$res" | field read_ok) of 10 started first)" test "$(echo "$res" | field read_ok)" -ge 1
check_eq "the region came back at the same place" "$(echo "$res" | field moved)" 0
check_eq "no read returned bytes written after its free" "$(echo "$res" | field torn)" 0
check_eq "partition destroyed" "$(cmd part_destroy 0 | field err)" 0
check unload rmmod nvtest_client nvcore nvsim
