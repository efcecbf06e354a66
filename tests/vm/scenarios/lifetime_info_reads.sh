# SPDX-License-Identifier: GPL-2.0
#
# The hardware configuration never reads torn or zeroed: every nvcore sysfs
# attribute read in a tight loop during 20 GSP
# recoveries; each read must equal the value before the first crash (the
# recovery counters excepted, which are read but may change).
# vm-args: --timeout 400
# Driver lifetime, not firmware behaviour: the default personality only.
# vm-personality: no

S=/sys/kernel/debug/nvsim/gpu0
G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore

check boot sh -c "modprobe nvsim chip=ga102 && modprobe nvcore clients=none heartbeat_ms=0 && modprobe nvcore_test"
files=
for f in $G/*; do
	case "${f##*/}" in
	recoveries|lost|last_recovery_reason|last_recovery_ms) ;;
	*) files="$files $f" ;;
	esac
done
echo "  comparing:$(for f in $files; do printf ' %s' "${f##*/}"; done)"
rm -f /tmp/stop
/tests/bin/sysfs_stable /tmp/stop $files >/tmp/stable.out 2>&1 &
pid=$!
# Volatile attributes are read too, for their own sake.
(while [ ! -e /tmp/stop ]; do cat $G/recoveries $G/lost $G/last_recovery_reason $G/last_recovery_ms >/dev/null; done) &
i=0
ok=0
while [ $i -lt 20 ]; do
	i=$((i + 1))
	echo 1 >$S/crash
	wait_for 20 sh -c "test \$(cat $G/recoveries) -ge $i -a \$(cat $G/lost) = 0" && ok=$((ok + 1))
done
touch /tmp/stop
wait $pid
rc=$?
wait
sed 's/^/  /' /tmp/stable.out
check_eq "20 recoveries" "$ok" 20
check "every read during the recoveries equals the value before" test "$rc" = 0
check "reads happened" grep -q '^rounds [1-9]' /tmp/stable.out
check "GPU answers after the recoveries" sh -c 'echo "1 10" >/sys/kernel/debug/nvcore/gpu0/rpc_selftest'
check unload rmmod nvcore_test nvcore nvsim
