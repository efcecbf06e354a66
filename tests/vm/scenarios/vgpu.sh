# SPDX-License-Identifier: GPL-2.0
#
# nvvgpu end to end on nvsim: vGPU types through GSP-RM, mdev create and
# remove, the VFIO device as a guest sees it (tests/vm/progs/vgpu_guest.c),
# isolation and scrubbing, create/destroy x100, plugin fault knobs, removal
# while open, GSP crash with vGPUs alive, bad input.
# vm-fw: both
# vm-args: --timeout 600

S=/sys/kernel/debug/nvsim/gpu0
G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
A=/sys/bus/auxiliary/devices/nvcore.vgpu.0
T=$A/mdev_supported_types
P=/sys/module/nvcore/parameters
GUEST=/tests/bin/vgpu_guest
U1=11111111-2222-3333-4444-000000000001
U2=11111111-2222-3333-4444-000000000002
U3=11111111-2222-3333-4444-000000000003

create() { echo "$2" >"$T/nvvgpu-$1/create"; }
remove() { echo 1 >"/sys/bus/mdev/devices/$1/remove"; }
avail() { cat "$T/nvvgpu-$1/available_instances"; }
all_avail() { echo "$(avail 1) $(avail 2) $(avail 4) $(avail 8)"; }
fb_mib() { sed -n 's/.*framebuffer \([0-9]*\) MiB.*/\1/p' "$T/nvvgpu-$1/description"; }
guest() { "$GUEST" "$@"; }

check "load nvsim, nvcore (vGPU host policy), vfio" sh -c \
	'modprobe nvsim chip=ga102 && modprobe nvcore clients=vgpu heartbeat_ms=0 &&
	 modprobe vfio_iommu_type1 && modprobe nvvgpu'
check "nvvgpu bound to nvcore.vgpu.0" test -e $A/driver
# The guest driver speaks the host firmware's version (VGX version, layouts).
export VGPU_FW=$(cat $G/firmware_version)
check "firmware version known" test -n "$VGPU_FW"

# A vGPU-manager control in the other firmware version's layout is refused
# the way RM refuses a wrong parameter size (NV_ERR_INVALID_PARAM_STRUCT:
# EINVAL); in its own size it is served (an empty PGPU_ADD_VGPU_TYPE adds
# nothing). Sizes: NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS of
# 535.113.01 (0x4d608) and 570.144 (0x51a08).
R=/sys/kernel/debug/nvcore/gpu0/rm_control
case $VGPU_FW in
570.*) own=0x51a08 other=0x4d608 ;;
*) own=0x4d608 other=0x51a08 ;;
esac
check "load nvcore_test" modprobe nvcore_test
check "ADD_VGPU_TYPE in $VGPU_FW's size served" sh -c "echo '20804003 $own' >$R"
check "ADD_VGPU_TYPE in the other version's size refused (EINVAL)" sh -c \
	"(echo '20804003 $other' >$R) 2>&1 | grep -q 'Invalid argument'"
check "unload nvcore_test" rmmod nvcore_test
check "no DRM module loaded" sh -c '! grep -qE "^drm " /proc/modules'
check_eq "four types" "$(ls $T | tr '\n' ' ')" "nvvgpu-1 nvvgpu-2 nvvgpu-4 nvvgpu-8 "
for n in 1 2 4 8; do
	check_eq "type $n: device_api" "$(cat $T/nvvgpu-$n/device_api)" vfio-pci
	check "type $n: name" grep -qE '^GA102-[0-9]+Q$' $T/nvvgpu-$n/name
	check "type $n: description" grep -q "^$n-way split: framebuffer" $T/nvvgpu-$n/description
done
check_eq "available before any vGPU" "$(all_avail)" "1 2 4 8"

# Junk and over-capacity input is refused with an errno, nothing created.
check "create: junk UUID refused" sh -c "! echo not-a-uuid >$T/nvvgpu-4/create"
check "create: empty write refused" sh -c "! echo >$T/nvvgpu-4/create"
check "create: unknown type has no directory" test ! -e $T/nvvgpu-3

check "create a 4-way vGPU" create 4 $U1
check "its mdev exists" test -e /sys/bus/mdev/devices/$U1
check_eq "available with one 4-way vGPU (homogeneous)" "$(all_avail)" "0 0 3 0"
check "create: a duplicate UUID refused" sh -c "! echo $U1 >$T/nvvgpu-4/create"
check "create: another type refused while a 4-way runs" sh -c "! echo $U2 >$T/nvvgpu-1/create"

# The guest's view.
DEV=0x$(cut -d' ' -f1 $G/pci_ids | cut -d: -f2)
VGPU_TAG="guest: " guest check $U1 $DEV "$(fb_mib 4)"
# The guest RPC channel to the GSP plugin (OGKM vgpu/rpc.c): handshake, RM
# calls in the vGPU's client, a malformed-message walk with no kernel log.
n0=$(dmesg | wc -l)
VGPU_TAG="guest rpc: " guest rpc $U1
check_eq "guest RPC walk: no kernel log line" "$(dmesg | wc -l)" "$n0"
check_eq "nvsim's plugin refused exactly the 4 bad RPCs that reached it" \
	"$(cat $S/vgpu_guest_bad)" 4

check "remove it" remove $U1
check_eq "available after removal" "$(all_avail)" "1 2 4 8"

# Capacity: 8 of the 8-way type, not 9.
ok=1
for i in 1 2 3 4 5 6 7 8; do
	create 8 11111111-2222-3333-5555-00000000000$i || ok=0
done
check_eq "eight 8-way vGPUs" "$ok$(avail 8)" "10"
check "a ninth is refused" sh -c "! echo $U3 >$T/nvvgpu-8/create"
for i in 1 2 3 4 5 6 7 8; do remove 11111111-2222-3333-5555-00000000000$i; done
check_eq "all removed" "$(ls /sys/bus/mdev/devices | wc -l)" 0

# Isolation: two vGPUs at once see only their own memory; a destroyed
# vGPU's memory reaches the next tenant scrubbed.
check "two vGPUs" sh -c "echo $U1 >$T/nvvgpu-8/create && echo $U2 >$T/nvvgpu-8/create"
VGPU_TAG="A: " guest fill $U1 0xa5
VGPU_TAG="B: " guest fill $U2 0x3c
VGPU_TAG="A after B wrote: " guest expect $U1 0xa5
VGPU_TAG="B after A wrote: " guest expect $U2 0x3c
VGPU_TAG="rpc2: " guest rpc2 $U1 $U2
remove $U2
remove $U1
check "same memory, new tenant" create 8 $U3
VGPU_TAG="new tenant: " guest expect $U3 0
remove $U3

# create / destroy x100
n=0
t0=$(date +%s)
for i in $(seq 1 100); do
	create 8 $U1 && remove $U1 && n=$((n + 1))
done
check_eq "create/destroy x100" "$n" 100
echo "  create/destroy x100: $(($(date +%s) - t0)) s"

# The benchmark program, briefly (make bench runs it over 50).
/tests/bin/vgpu_bench $T/nvvgpu-8 5 | sed -n 's/^BENCH-KV /  /p; /^PASS\|^FAIL/p'

# Plugin fault knobs.
echo 1000 >$P/vgpu_ready_timeout_ms
echo Y >$S/vgpu_never_ready
check "plugin never ready: create fails" sh -c "! echo $U1 >$T/nvvgpu-2/create"
check_eq "  ... and leaves nothing behind" "$(all_avail)" "1 2 4 8"
echo 1 >$S/vgpu_plugin_error
check "plugin error: create fails" sh -c "! echo $U1 >$T/nvvgpu-2/create"
check_eq "  ... and leaves nothing behind" "$(all_avail)" "1 2 4 8"
echo 300 >$S/vgpu_slow_ms
check "slow plugin (300 ms per action): create works" create 2 $U1
echo 0 >$S/vgpu_slow_ms
remove $U1
echo 10000 >$P/vgpu_ready_timeout_ms

# Removal while the VFIO device is open: the holder gets REQ, its accesses
# fail, it closes, the removal completes.
create 4 $U1
VGPU_TAG="holder: " guest hold $U1 >/tmp/hold.out &
hp=$!
wait_for 10 grep -q HOLDING /tmp/hold.out
check "remove while open completes" remove $U1
wait $hp
cat /tmp/hold.out | grep -E '^(PASS|FAIL)'
check "gone" test ! -e /sys/bus/mdev/devices/$U1

# GSP crash with a vGPU open: the user gets ERR, accesses fail; after
# recovery the lost vGPU is removed and a new one works.
create 4 $U1
VGPU_TAG="crash: " guest lost $U1 >/tmp/lost.out &
lp=$!
wait_for 10 grep -q HOLDING /tmp/lost.out
echo 1 >$S/crash
wait $lp
cat /tmp/lost.out | grep -E '^(PASS|FAIL)'
check "recovered" wait_for 30 sh -c "test \$(cat $G/recoveries) -ge 1 -a \$(cat $G/lost) = 0"
check "lost vGPU removed" remove $U1
check_eq "types back after recovery" "$(all_avail)" "1 2 4 8"
check "new vGPU after recovery" create 4 $U2
VGPU_TAG="after recovery: " guest check $U2 $DEV "$(fb_mib 4)"
remove $U2

# Unbinding nvvgpu, then nvcore, with a vGPU open: the holder is asked
# to close, and the unbind completes.
create 8 $U1
VGPU_TAG="unbind nvvgpu: " guest hold $U1 >/tmp/hold2.out &
hp=$!
wait_for 10 grep -q HOLDING /tmp/hold2.out
check "unbind nvvgpu with a vGPU open completes" sh -c \
	"echo nvcore.vgpu.0 >/sys/bus/auxiliary/drivers/nvvgpu/unbind"
wait $hp
cat /tmp/hold2.out | grep -E '^(PASS|FAIL)'
check "rebind nvvgpu" sh -c "echo nvcore.vgpu.0 >/sys/bus/auxiliary/drivers/nvvgpu/bind"
check_eq "types back after rebind" "$(all_avail)" "1 2 4 8"
create 8 $U2
VGPU_TAG="unbind nvcore: " guest hold $U2 >/tmp/hold3.out &
hp=$!
wait_for 10 grep -q HOLDING /tmp/hold3.out
check "unbind nvcore with a vGPU open completes" sh -c \
	"echo nvsim-gpu.0 >/sys/bus/platform/drivers/nvcore-sim/unbind"
wait $hp
cat /tmp/hold3.out | grep -E '^(PASS|FAIL)'
check "rmmod nvvgpu" rmmod nvvgpu
check "nvsim saw no bad plugin traffic except the injected error" test "$(cat $S/vgpu_bad)" -le 1
check "unload" rmmod nvcore nvsim
