# SPDX-License-Identifier: GPL-2.0
#
# nvcore/clients written in a tight loop while the GPU is bound and
# unbound 30 times: every bind succeeds, and after every unbind no
# auxiliary device of the GPU is left behind.
# vm-args: --timeout 400

G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
DRV=/sys/bus/platform/drivers/nvcore-sim
naux() { ls /sys/bus/auxiliary/devices | grep -c '^nvcore\.'; }

check boot sh -c "modprobe nvsim chip=ga102 && modprobe nvcore clients=drm,vgpu"
echo nvsim-gpu.0 >$DRV/unbind
rm -f /tmp/stop
/tests/bin/sysfs_hammer /tmp/stop $G/clients drm vgpu drm,vgpu test none >/tmp/hammer.out 2>&1 &
pid=$!
bound=0
clean=0
i=0
while [ $i -lt 30 ]; do
	i=$((i + 1))
	echo nvsim-gpu.0 >$DRV/bind 2>/dev/null
	test -e $DRV/nvsim-gpu.0 && test -e $G && bound=$((bound + 1))
	echo nvsim-gpu.0 >$DRV/unbind 2>/dev/null
	n=$(naux)
	if [ "$n" = 0 ]; then
		clean=$((clean + 1))
	else
		echo "  round $i: left behind: $(ls /sys/bus/auxiliary/devices | tr '\n' ' ')"
	fi
done
touch /tmp/stop
wait $pid
sed 's/^/  /' /tmp/hammer.out
check_eq "30 binds succeeded" "$bound" 30
check_eq "no auxiliary device outlived its GPU (30 unbinds)" "$clean" 30
check "the writer got writes in" grep -q 'accepted [1-9]' /tmp/hammer.out
check "no duplicate device" sh -c "! dmesg | grep -q 'duplicate filename'"
check "no failed probe" sh -c "! dmesg | grep -q 'probe.*nvsim-gpu.*failed\|probe of nvsim-gpu.* failed'"
check unload rmmod nvcore nvsim
