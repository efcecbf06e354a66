# SPDX-License-Identifier: GPL-2.0
#
# Removal stops long operations first: unbind while two debugfs writers run
# the self-test (four threads x 200,000 RPCs) returns within 5 s and both
# writers get an error; a self-test writer dies at once on SIGKILL.
# vm-args: --timeout 300
# Driver lifetime, not firmware behaviour: the default personality only.
# vm-personality: no

D=/sys/kernel/debug/nvcore/gpu0
DRV=/sys/bus/platform/drivers/nvcore-sim
now_cs() { cut -d' ' -f1 /proc/uptime | tr -d .; }

check boot sh -c "modprobe nvsim chip=ga102 && modprobe nvcore && modprobe nvcore_test"
rm -f /tmp/w1 /tmp/w2 /tmp/unbound
(echo "2 200000" >$D/rpc_selftest; echo $? >/tmp/w1) &
(echo "2 200000" >$D/rpc_selftest; echo $? >/tmp/w2) &
sleep 2
c0=$(sed -n 's/^sent //p' $D/rpc_stats)
usleep 200000
c1=$(sed -n 's/^sent //p' $D/rpc_stats)
check "self-test running before unbind ($c0 -> $c1 RPCs sent)" test "$c1" -gt "$c0"
check "writers still busy" test ! -e /tmp/w1 -a ! -e /tmp/w2

t0=$(now_cs)
(echo nvsim-gpu.0 >$DRV/unbind; echo $? >/tmp/unbound) &
wait_for 60 test -e /tmp/unbound
t1=$(now_cs)
dt=$((t1 - t0))
echo "  unbind took $((dt / 100)).$((dt % 100)) s"
check "unbind returned within 5 s ($((dt / 100)).$((dt % 100)) s)" test -e /tmp/unbound -a "$dt" -le 500
check "GPU unbound" test ! -e $DRV/nvsim-gpu.0
wait_for 10 test -e /tmp/w1 -a -e /tmp/w2
check "writer 1 got an error ($(cat /tmp/w1 2>/dev/null))" test -e /tmp/w1 -a "$(cat /tmp/w1 2>/dev/null)" != 0
check "writer 2 got an error ($(cat /tmp/w2 2>/dev/null))" test -e /tmp/w2 -a "$(cat /tmp/w2 2>/dev/null)" != 0

# Killable: a long self-test ends as soon as its writer is killed.
if [ -e /tmp/unbound ]; then
	check rebind sh -c "echo nvsim-gpu.0 >$DRV/bind && test -e $D/rpc_selftest"
	(echo "1 200000" >$D/rpc_selftest) &
	pid=$!
	sleep 1
	t0=$(now_cs)
	kill -9 $pid
	wait_for 10 sh -c "! kill -0 $pid"
	t1=$(now_cs)
	dt=$((t1 - t0))
	check "killed writer gone within 2 s ($((dt / 100)).$((dt % 100)) s)" sh -c "! kill -0 $pid && test $dt -le 200"
	check "GPU answers after the kill" sh -c "echo '1 10' >$D/rpc_selftest"
	check unload rmmod nvcore_test nvcore nvsim
fi
