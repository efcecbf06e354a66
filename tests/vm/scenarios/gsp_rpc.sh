# SPDX-License-Identifier: GPL-2.0
#
# Transport under load: 8 concurrent callers x 10,000 RPCs, every reply
# checked against its own request; a 1 MiB RPC through continuation
# records both ways; unload and reload ten times with a full boot each time.
# vm-fw: both
# vm-args: --timeout 600

D=/sys/kernel/debug/nvcore/gpu0
check load modprobe nvsim chip=ga102
check nvcore-binds modprobe nvcore
check load-nvcore_test modprobe nvcore_test

echo "8 10000" >$D/rpc_selftest
r=$(cat $D/rpc_selftest)
echo "  selftest: $r"
check "8 callers x 10000 RPCs all answered correctly" sh -c "echo '$r' | grep -q 'size 64 ok 80000 bad 0 '"
echo "2 4 1048576" >$D/rpc_selftest
check "1 MiB RPCs through continuation records, both ways" grep -q 'ok 8 bad 0 ' $D/rpc_selftest
check "no stale replies" grep -q '^stale 0' $D/rpc_stats
check "no timeouts" grep -q '^timeouts 0' $D/rpc_stats
# Bad input to debugfs and sysfs: a clear errno, nothing else.
rejects() { ! sh -c "echo '$2' >$1" 2>/dev/null; }
check "selftest: 0 callers refused" rejects $D/rpc_selftest "0 5"
check "selftest: 65 callers refused" rejects $D/rpc_selftest "65 1"
check "selftest: garbage refused" rejects $D/rpc_selftest "lots"
check "selftest: 5 MiB payload refused" rejects $D/rpc_selftest "1 1 5242880"
G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
check "sysfs clients: unknown kind refused" rejects $G/clients "bogus"
check "sysfs read-only attributes refuse writes" rejects $G/vram_size 1
check "history ring readable" sh -c "test \$(wc -l <$D/rpc_history) -gt 60"
check unload rmmod nvcore_test nvcore nvsim

ok=0
i=0
while [ $i -lt 10 ]; do
	modprobe nvsim chip=ad102 && modprobe nvcore &&
		test "$(cat /sys/bus/platform/devices/nvsim-gpu.0/nvcore/chip)" = ad102 &&
		rmmod nvcore && rmmod nvsim && ok=$((ok + 1))
	i=$((i + 1))
done
check_eq "unload and reload ten times, booting each time" "$ok" 10
