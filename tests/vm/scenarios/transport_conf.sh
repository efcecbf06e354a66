# SPDX-License-Identifier: GPL-2.0
#
# Transport conformance under nvsim's firmware personality (the kernel
# command line's nvsim.personality=, default ogkm535; docs/nvsim.md):
# stale message tails covered by whole-element checksums are accepted, RPC
# sequence numbers go out in queue order (strict570 would assert), an
# out-of-order number makes strict570 assert and halt and nvcore recovers,
# the heartbeat is a real control (GSP_RM_CONTROL), not NOP.
# vm-personality: yes

S=/sys/kernel/debug/nvsim/gpu0
D=/sys/kernel/debug/nvcore/gpu0
P=/sys/module/nvcore/parameters
G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
nv() { sed -n "s/^$1 //p" $S/stats; }
st() { sed -n "s/^$1 //p" $D/rpc_stats; }

want=$(tr ' ' '\n' </proc/cmdline | sed -n 's/^nvsim\.personality=//p')
[ -n "$want" ] || want=ogkm535
check load modprobe nvsim chip=ga102
check_eq "personality as on the command line" "$(cat $S/personality)" "$want"
check "personality: an unknown name refused" sh -c "! echo bogus >$S/personality 2>/dev/null"
check "personality: an overlong write refused" sh -c "! echo ogkm535ogkm535ogkm535ogkm535ogkm535ogkm >$S/personality 2>/dev/null"
check "personality: set again by name, blanks ignored" sh -c "echo ' $want ' >$S/personality && test \$(cat $S/personality) = $want"
check "boot_fault: an unknown name refused" sh -c "! echo bogus >$S/boot_fault 2>/dev/null"
check nvcore-binds modprobe nvcore heartbeat_ms=0 rpc_timeout_ms=1000
check load-nvcore_test modprobe nvcore_test

# Concurrent callers, large and small, wrapping the status queue many
# times: every reply right, no checksum failures.
echo "6 300" >$D/rpc_selftest
check "6 callers x 300 RPCs answered correctly" grep -q 'ok 1800 bad 0 ' $D/rpc_selftest
echo "2 2 200000" >$D/rpc_selftest
check "200 KB RPCs (continuation records both ways) answered" grep -q 'ok 4 bad 0 ' $D/rpc_selftest
check_eq "no checksum failures" "$(st bad_csum)" 0
check_eq "no timeouts" "$(st timeouts)" 0
if [ "$want" = echo ]; then
	check_eq "echo: zero tails" "$(nv tx_stale_tails)" 0
else
	check "$want: stale tails sent and accepted" test "$(nv tx_stale_tails)" -gt 0
fi
check_eq "sequence numbers in queue order: no firmware assert" "$(nv seq_asserts)" 0

# An out-of-order RPC sequence number (test hook).
b=$(cat $G/recoveries)
echo 1 >$P/rpc_test_seq_skip
r=$(rpc1)
if [ "$want" = strict570 ]; then
	check_eq "strict570: out-of-order sequence: GSP asserts, caller gets -ENODEV" "$r" -19
	check "strict570: assert counted" test "$(nv seq_asserts)" -ge 1
	check "strict570: dead GSP recovered" wait_for 20 sh -c "test \$(cat $G/recoveries) -gt $b -a \$(cat $G/lost) = 0"
	check_eq "strict570: recovery reason" "$(cat $G/last_recovery_reason)" gsp-crash
	check_eq "strict570: answered after recovery" "$(rpc1)" ok
else
	check_eq "$want: a gap in sequence numbers is accepted" "$r" ok
fi

# The heartbeat: a cheap real control, never NOP (function 0). Off, the
# heartbeat re-reads its period once a second: give it three.
echo 100 >$P/heartbeat_ms
sleep 3
echo 0 >$P/heartbeat_ms
usleep 200000
tail -n 4 $D/rpc_history >/tmp/hb
check "heartbeat sends GSP_RM_CONTROL (76)" sh -c "test \$(grep -c '^0x4c ' /tmp/hb) -eq 4"
check "heartbeat answered" awk '$5 < 0 { bad = 1 } END { exit bad }' /tmp/hb
check unload rmmod nvcore_test nvcore nvsim
