# SPDX-License-Identifier: GPL-2.0
#
# Every nvsim fault-injection knob, survived as specified, with no kernel
# warning (the harness checks the log). Knobs: docs/nvsim.md.
# vm-args: --timeout 600
# vm-personality: yes

S=/sys/kernel/debug/nvsim/gpu0
D=/sys/kernel/debug/nvcore/gpu0
P=/sys/module/nvcore/parameters

stat_of() { sed -n "s/^$1 //p" $D/rpc_stats; }

boot() {
	modprobe nvsim chip=ga102 && modprobe nvcore rpc_timeout_ms=500 boot_timeout_ms=1500 heartbeat_ms=0 &&
		modprobe nvcore_test &&
		test -e $D/rpc_stats
}

check "boot" boot
echo 7 >$S/seed

# Reply delayed below the timeout: answered.
echo 100 >$S/delay_reply_ms
check_eq "delay 100 ms < timeout: answered" "$(rpc1)" ok
# Reply delayed beyond the timeout: -ETIMEDOUT, transport survives, the
# late reply is dropped as stale.
echo 900 >$S/delay_reply_ms
check_eq "delay 900 ms > timeout: -ETIMEDOUT" "$(rpc1)" -110
echo 0 >$S/delay_reply_ms
usleep 600000
check_eq "after the delay: next RPC answered" "$(rpc1)" ok
check "late reply counted stale" test "$(stat_of stale)" -ge 1

G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
# Recovered once more than $1 times (and no longer lost).
recovered_past() { wait_for 20 sh -c "test \$(cat $G/recoveries) -gt $1 -a \$(cat $G/lost) = 0"; }
PERS=$(cat $S/personality)
echo "  personality: $PERS"

# After a reply that never came (dropped, or sent under a repeated seqNum
# that the driver drops as old): with sequence echo the next call is
# answered. Without echo a lost reply looks late: the timed-out caller's
# place absorbs the next reply, that caller (its request consumed) times
# out too, and nvcore recovers rather than risk replies out of step.
after_lost_reply() {
	if [ "$PERS" = echo ]; then
		check_eq "after $1: answered (sequence echo keeps replies in step)" "$(rpc1)" ok
		return
	fi
	b=$(cat $G/recoveries)
	check_eq "after $1 (no echo): next caller times out" "$(rpc1)" -110
	check "after $1 (no echo): replies out of step, recovered" recovered_past $b
	check_eq "after $1 (no echo): reason" "$(cat $G/last_recovery_reason)" protocol
	check_eq "after $1 and recovery: answered" "$(rpc1)" ok
}

echo 1 >$S/drop_reply
check_eq "dropped reply: -ETIMEDOUT" "$(rpc1)" -110
after_lost_reply "drop"

echo 1 >$S/corrupt_csum
check_eq "corrupted checksum: the caller it was for gets -EBADMSG" "$(rpc1)" -74
check "bad checksum counted" test "$(stat_of bad_csum)" -ge 1
check_eq "after bad checksum: answered" "$(rpc1)" ok

echo 1 >$S/repeat_seqnum
check_eq "repeated seqNum: the reply is dropped, caller times out" "$(rpc1)" -110
check "repeated seqNum: dropped by the driver" test "$(stat_of seq_repeat)" -ge 1
after_lost_reply "repeated seqNum"

echo 1 >$S/skip_seqnum
check_eq "skipped seqNum: reply still delivered" "$(rpc1)" ok
check "seqNum gap counted" test "$(stat_of seq_gap)" -ge 1

# Lost interrupts: no spinning, so each reply is found by the periodic
# poll of a sleeping caller, with no interrupt seen for it.
echo 0 >$P/rpc_spin_us
echo 3 >$S/lose_irq
p0=$(stat_of polls)
i0=$(stat_of irqs)
check_eq "lost interrupts: answered anyway" "$(rpc1)$(rpc1)$(rpc1)" okokok
p1=$(stat_of polls)
i1=$(stat_of irqs)
check "lost interrupts: no interrupt seen ($i0 -> $i1)" test "$i1" = "$i0"
check "lost interrupts: found by polling ($p0 -> $p1)" test "$p1" -ge $((p0 + 3))
echo 500 >$P/rpc_spin_us

# Faults that kill the transport: the caller gets -ENODEV, the GPU is
# marked lost and nvcore reboots GSP-RM in place (recoveries counts up).
base=$(cat $G/recoveries)
recovered_to() { wait_for 20 sh -c "test \$(cat $G/recoveries) -ge $(($1 + base)) -a \$(cat $G/lost) = 0"; }

echo 1 >$S/bad_length
check_eq "bad length: transport dead, caller gets -ENODEV" "$(rpc1)" -19
check "bad length: recovered in place" recovered_to 1
check_eq "bad length: reason" "$(cat $G/last_recovery_reason)" protocol
check_eq "after recovery: answered" "$(rpc1)" ok

echo 1 >$S/bad_queue_ptr
check_eq "bad queue pointer: -ENODEV" "$(rpc1)" -19
check "bad queue pointer: recovered" recovered_to 2
check_eq "after recovery: answered" "$(rpc1)" ok

echo 1 >$S/hang
check_eq "GSP hang: caller times out" "$(rpc1)" -110
echo 0 >$S/hang
check "hang: recovered" recovered_to 3
check_eq "hang: reason" "$(cat $G/last_recovery_reason)" gsp-hang
check_eq "after hang recovery: answered" "$(rpc1)" ok

# Crash while 4 callers wait: all of them wake with -ENODEV.
(echo "4 5000" >$D/rpc_selftest) &
usleep 20000
echo 1 >$S/crash
wait
check "crash: waiters woken with -ENODEV" grep -q 'first_err -19' $D/rpc_selftest
check "crash: recovered" recovered_to 4
check_eq "crash: reason" "$(cat $G/last_recovery_reason)" gsp-crash
check_eq "after crash recovery: answered" "$(rpc1)" ok

# A hang with no caller at all is found by the heartbeat.
echo 300 >$P/heartbeat_ms
echo 1 >$S/hang
check "idle hang: heartbeat finds it and recovers" recovered_to 5
echo 0 >$S/hang
echo 0 >$P/heartbeat_ms
check_eq "after heartbeat recovery: answered" "$(rpc1)" ok
check "unload" rmmod nvcore_test nvcore nvsim

# Boot faults: probe fails in bounded time, everything freed, logs kept.
for f in hang bad_booter no_init_done; do
	modprobe nvsim chip=tu102
	echo $f >$S/boot_fault
	t0=$(date +%s)
	modprobe nvcore rpc_timeout_ms=500 boot_timeout_ms=1500
	t1=$(date +%s)
	check "boot fault $f: probe failed" test ! -e /sys/bus/platform/devices/nvsim-gpu.0/nvcore
	check "boot fault $f: bounded ($((t1 - t0)) s)" test $((t1 - t0)) -le 10
	check "boot fault $f: logs kept" grep -q 'GSP boot failed' /sys/kernel/debug/nvcore/last_failed_boot
	check "boot fault $f: unload" rmmod nvcore nvsim
done
