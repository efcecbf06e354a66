# SPDX-License-Identifier: GPL-2.0
#
# The nvcore client API end to end, driven through the test client
# nvtest_client.ko (tests/vm/kmod): auxiliary devices and the client
# policy, partitions and their limits, cross-owner refusal, VRAM scrub,
# event routing to owners, detach under an event storm, in-place recovery,
# teardown order, and two small benchmarks.
# vm-fw: both
# vm-args: --timeout 600
# vm-personality: yes

S=/sys/kernel/debug/nvsim/gpu0
D=/sys/kernel/debug/nvcore/gpu0
G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
A=/sys/bus/auxiliary/devices
T=/sys/kernel/debug/nvtest/nvcore.test.0/cmd
MiB=1048576

say() { echo "  $*"; }
# cmd WORDS...: run one test-client command, print its output.
cmd() { echo "$*" >$T && cat $T; }
# field KEY: the word after KEY in stdin.
field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'; }
# val KEY WORDS...: field KEY of command WORDS.
val() { k=$1; shift; cmd "$@" | field "$k"; }
# ev PART KIND: event count of partition PART.
ev() { cmd events | grep "^p$1 " | field "$2"; }
inj() { echo "$*" >$S/inject; }
stat_of() { sed -n "s/^$1 //p" $D/rpc_stats; }
bound() { test -e $A/nvcore.test.0/driver && test -e $T; }

# ---- load, auxiliary devices, client policy
check "load nvsim (ga102)" modprobe nvsim chip=ga102
check "load nvcore clients=test" modprobe nvcore clients=test heartbeat_ms=0 rpc_timeout_ms=500
check "load nvtest_client" modprobe nvtest_client
check_eq "aux: clients=test creates only nvcore.test.0" "$(ls $A | tr '\n' ' ')" "nvcore.test.0 "
check "aux: nvtest_client bound to nvcore.test.0" bound
DRV=$(readlink -f $A/nvcore.test.0/driver)
say "driver: $DRV"
check_eq "aux: driver is nvtest_client's" "$(basename "$DRV")" nvtest_client.test
check "modinfo: nvtest_client depends on nvcore" sh -c "modinfo -F depends nvtest_client | tr ',' '\n' | grep -qx nvcore"
check "modinfo: alias auxiliary:nvcore.test (autoload)" sh -c "modinfo -F alias nvtest_client | grep -qx auxiliary:nvcore.test"

echo vgpu >$G/clients
check_eq "policy: sysfs clients reads vgpu" "$(cat $G/clients)" vgpu
check_eq "policy: vgpu creates only nvcore.vgpu.0 (no DRM, no test device)" "$(ls $A | tr '\n' ' ')" "nvcore.vgpu.0 "
check "policy: test client was unbound (removed)" sh -c "dmesg | grep -q 'nvcore.test.0: nvtest: removed'"
echo test >$G/clients
check_eq "policy: back to test: only nvcore.test.0" "$(ls $A | tr '\n' ' ')" "nvcore.test.0 "
check "policy: nvtest_client rebound automatically" wait_for 5 bound

say "$(cmd info | tr '\n' ' ')"

# ---- partitions, limits, exhaustion
out=$(cmd part_create 0 256M 64 16M 2 0x3)
say "p0: $out"
check_eq "part: p0 created (256M, 64 chids, 16M BAR1, 2 GFIDs, engines 0x3)" "$(echo "$out" | field err)" 0
out=$(cmd part_create 1 256M 64 16M 2 0x4)
say "p1: $out"
check_eq "part: p1 created (engines 0x4)" "$(echo "$out" | field err)" 0
P1_CHID=$(echo "$out" | field chid_base)
for p in 0 1; do
	out=$(cmd exhaust $p vram 64M)
	check_eq "exhaust: p$p vram in 64 MiB units: 4" "$(echo "$out" | field count) $(echo "$out" | field freed)" "4 4"
	out=$(cmd exhaust $p chid 16)
	check_eq "exhaust: p$p chids in 16s: 4" "$(echo "$out" | field count) $(echo "$out" | field freed)" "4 4"
	out=$(cmd exhaust $p gfid 1)
	check_eq "exhaust: p$p gfids: 2" "$(echo "$out" | field count) $(echo "$out" | field freed)" "2 2"
	out=$(cmd exhaust $p bar1 4M)
	check_eq "exhaust: p$p BAR1 in 4 MiB units: 4" "$(echo "$out" | field count) $(echo "$out" | field freed)" "4 4"
done
check_eq "limit: vram_alloc 512 MiB in 256 MiB p0 refused (-ENOMEM)" "$(val err vram_alloc 0 512M 0)" -12
check_eq "limit: chid_alloc 65 in p0 refused (-ENOMEM)" "$(val err chid_alloc 0 65)" -12
# Allocations round to 64 KiB (blocks to 2 MiB): a regression check.
a=$(val base vram_alloc 0 64K 0)
b=$(val base vram_alloc 0 64K 0)
check_eq "granule: two 64 KiB vram_allocs are 64 KiB apart" "$((b - a))" 65536
cmd vram_free 0 "$a" >/dev/null
cmd vram_free 0 "$b" >/dev/null
ram=$(val ram fbquery)
say "GPU VRAM: $((ram / MiB)) MiB"
check_eq "capacity: a partition larger than the GPU's VRAM refused (-ENOSPC)" "$(val err part_create 7 $((ram + 2 * MiB)) 0 0 0 0)" -28
check_eq "capacity: more chids than the GPU has refused (-ENOSPC)" "$(val err part_create 7 0 100000 0 0 0)" -28
check_eq "capacity: an engine the GPU lacks refused (-EINVAL)" "$(val err part_create 7 0 0 0 0 0x8000000000000000)" -22
check "cmd: a bad command fails the write with -EINVAL" sh -c "! echo bogus 1 2 >$T"

# ---- RM objects on the client's behalf
out=$(cmd notifier 5)
check_eq "object: notifier event object allocated on the GSP" "$(echo "$out" | field err)" 0
check_eq "object: freed" "$(echo "$out" | field free)" 0
check_eq "object: second free refused (-ENOENT)" "$(echo "$out" | field refree)" -2
check_eq "object: bad notifier refused (-EINVAL)" "$(val err notifier 300)" -22

# ---- cross-owner refusal
R0=$(val base vram_alloc 0 64M 0)
C0=$(val first chid_alloc 0 4)
G0=$(val gfid gfid_alloc 0)
B0=$(val offset bar1_alloc 0 1M)
C1=$(val first chid_alloc 1 4)
say "p0: vram $R0 chid $C0 gfid $G0 bar1 $B0; p1: chid $C1"
check_eq "owner: p0 frees its region via p1's handle: vram_free_as -EPERM" "$(val err vram_free_as 1 0 "$R0")" -1
check_eq "owner: vram_free of p0's region via p1 -EPERM" "$(val err vram_free 1 "$R0")" -1
check_eq "owner: chid_free of p0's channels via p1 -EPERM" "$(val err chid_free 1 "$C0")" -1
check_eq "owner: gfid_free of p0's GFID via p1 -EPERM" "$(val err gfid_free 1 "$G0")" -1
check_eq "owner: bar1_free of p0's BAR1 via p1 -EPERM" "$(val err bar1_free 1 "$B0")" -1
check_eq "owner: vram_write to p0's region via p1 -EPERM" "$(val err vram_write 1 "$R0" 0x11 4K)" -1
check_eq "owner: vram_read of p0's region via p1 -EPERM" "$(val err vram_read 1 "$R0" 4K)" -1
check_eq "owner: engine_check p1 0 -EPERM" "$(val err engine_check 1 0)" -1
check_eq "owner: engine_check p0 0 ok" "$(val err engine_check 0 0)" 0
check_eq "owner: engine_check p1 2 ok" "$(val err engine_check 1 2)" 0
check_eq "owner: engine_check of an engine the GPU lacks -EINVAL" "$(val err engine_check 0 63)" -22
check_eq "double free: second vram_free -EINVAL" "$(cmd double_free 0 | field free1) $(cmd double_free 0 | field free2)" "0 -22"

# ---- events reach only their owner
check_eq "events: empty kind mask refused (-EINVAL)" "$(val err sub 0 0)" -22
check_eq "events: unknown kind bit refused (-EINVAL)" "$(val err sub 0 0x40)" -22
check_eq "events: subscribe p0 to all kinds" "$(val err sub 0 0x3f)" 0
check_eq "events: subscribe p1 to all kinds" "$(val err sub 1 0x3f)" 0
unk0=$(stat_of unknown_events)
drop0=$(sed -n '1s/.*events_dropped \([0-9]*\).*/\1/p' $D/resources)
check "inject: rc on p0's channel" inj rc "$C0" 13 1
check "events: rc delivered to p0" wait_for 5 sh -c "test \"\$(echo events >$T; grep '^p0 ' $T | awk '{print \$3}')\" = 1"
last=$(cmd events | grep '^p0_last ')
check_eq "events: p0's last rc names chid, xid and engine 0 (GR0)" "$(echo "$last" | field chid) $(echo "$last" | field xid) $(echo "$last" | field engine)" "$C0 13 0"
check "inject: mmu on p1's channel" inj mmu "$C1"
check "inject: nonstall on engine 2 (p1's)" inj nonstall 2
check "inject: vgpu on p0's GFID (plugin notifier 0)" inj vgpu "$G0" 0
check "inject: fwerr with no channel (GPU-wide)" inj fwerr 79 0xffffffff
check "inject: garbage" inj garbage
HC=$(sed -n 's/^client .* nvcore\.test\.0 h \(0x[0-9a-f]*\)$/\1/p' $D/resources)
say "test client's RM client handle: $HC"
NH=$(val handle notifier_alloc 1)
say "event object for notifier 1: $NH"
check "inject: GSP-RM fires notifier 1 of the test client's subdevice" inj notify "$HC" 1 1
# The worker delivers in order: display is the last.
wait_for 5 sh -c "echo events >$T; grep '^p1 ' $T | grep -q 'display 1'"
out=$(cmd events)
echo "$out" | grep -v _last | while read -r l; do say "$l"; done
# The plugin event reaches the GFID's owner under both firmware versions.
pv=1
check_eq "events: p0 got exactly rc 1 mmu 0 nonstall 0 display 1 vgpu $pv fwerr 1" \
	"$(echo "$out" | grep '^p0 ')" "p0 rc 1 mmu 0 nonstall 0 display 1 vgpu $pv fwerr 1"
check_eq "events: p1 got exactly rc 0 mmu 1 nonstall 1 display 1 vgpu 0 fwerr 1" \
	"$(echo "$out" | grep '^p1 ')" "p1 rc 0 mmu 1 nonstall 1 display 1 vgpu 0 fwerr 1"
unk1=$(stat_of unknown_events)
drop1=$(sed -n '1s/.*events_dropped \([0-9]*\).*/\1/p' $D/resources)
say "unknown_events $unk0 -> $unk1, events_dropped $drop0 -> $drop1"
check "events: garbage counted (rpc_stats unknown_events rose)" test "$unk1" -gt "$unk0"
check "events: unknown and short events dropped and counted (2 more)" test "$drop1" -ge $((drop0 + 2))
check_eq "events: unsubscribe p1" "$(val err unsub 1)" 0
inj rc "$P1_CHID" 13 1
inj fwerr 79 0xffffffff
wait_for 5 sh -c "echo events >$T; grep '^p0 ' $T | grep -q 'fwerr 2'"
check_eq "events: unsubscribed p1 gets nothing more" "$(ev 1 rc) $(ev 1 fwerr)" "0 1"

# ---- detach while events fire
inj burst 2000 rc "$C0" 13 1 &
bg=$!
usleep 20000
echo nvcore.test.0 >"$DRV/unbind"
check "detach: unbind during an rc burst" sh -c "! test -e $A/nvcore.test.0/driver"
wait $bg
say "burst: $(grep -E '^(injected|events_sent|tx_dropped_queue_full) ' $S/stats | tr '\n' ' ')"
check "detach: no client left in nvcore" sh -c "! grep -q '^client' $D/resources"
echo nvcore.test.0 >"$DRV/bind"
check "detach: rebind works" bound
check_eq "detach: rebound client works (fbquery)" "$(val err fbquery)" 0

# ---- scrub between owners
# VRAM released by one owner is scrubbed (nvsim's copy engine) before the
# block can go to another.
out=$(cmd part_create 0 256M 64 16M 2 0x3)
check_eq "scrub: p0 created" "$(echo "$out" | field err)" 0
R0=$(val base vram_alloc 0 64M 0)
check_eq "scrub: write 0xab to 1 MiB of p0's region" "$(val err vram_write 0 "$R0" 0xab 1M)" 0
check_eq "scrub: read back: 1 MiB non-zero" "$(val nonzero vram_read 0 "$R0" 1M)" $MiB
check_eq "scrub: destroy p0" "$(val err part_destroy 0)" 0
out=$(cmd part_create 2 256M 64 16M 2 0x3)
check_eq "scrub: p2 created with the same size" "$(echo "$out" | field err)" 0
R2=$(val base vram_alloc 2 64M 0)
check_eq "scrub: p2's region is p0's old one" "$R2" "$R0"
check_eq "scrub: p2 reads zeros (scrubbed)" "$(val nonzero vram_read 2 "$R2" 1M)" 0

# ---- recovery end to end
check_eq "recovery: write 0x5a to p2's region" "$(val err vram_write 2 "$R2" 0x5a 1M)" 0
C2=$(val first chid_alloc 2 8)
recovered() { s=$(cmd status); [ "$(echo "$s" | field lost)" = 0 ] && [ "$(echo "$s" | field recovered_cb)" -ge 1 ]; }
echo 1 >$S/crash
check "recovery: GSP crash recovered (status lost 0, recovered_cb >= 1)" wait_for 30 recovered
st=$(cmd status)
say "status: $st"
check_eq "recovery: lost_cb 1" "$(echo "$st" | field lost_cb)" 1
check_eq "recovery: recovered_cb 1" "$(echo "$st" | field recovered_cb)" 1
check_eq "recovery: last_reason gsp-crash" "$(echo "$st" | field last_reason)" gsp-crash
check_eq "recovery: status recoveries 1" "$(echo "$st" | field recoveries)" 1
check_eq "recovery: sysfs recoveries 1" "$(cat $G/recoveries)" 1
check_eq "recovery: sysfs last_recovery_reason gsp-crash" "$(cat $G/last_recovery_reason)" gsp-crash
check_eq "recovery: fbquery works after (new RM client)" "$(val err fbquery)" 0
check_eq "recovery: p2's allocation and its contents survive" "$(val nonzero vram_read 2 "$R2" 1M)" $MiB
check_eq "recovery: p2's channels still allocated (free ok)" "$(val err chid_free 2 "$C2")" 0
check_eq "recovery: p2's region still allocated (free ok)" "$(val err vram_free 2 "$R2")" 0

# ---- benchmarks (figures for the report)
say "rpc_stats: $(grep -E '^(irqs|polls|irq_mode) ' $D/rpc_stats | tr '\n' ' ')"
out=$(cmd bench_events 200)
echo "$out" | while read -r l; do say "bench_events: $l"; done
check_eq "bench: bench_events 200 ran (err 0, lost 0)" "$(echo "$out" | field err) $(echo "$out" | field lost)" "0 0"
out=$(cmd bench_alloc 20000)
echo "$out" | while read -r l; do say "bench_alloc: $l"; done
check_eq "bench: bench_alloc 20000 ran" "$(echo "$out" | field err)" 0

# ---- teardown order: clients before the GSP
check "teardown: nvcore cannot be unloaded under its client module" sh -c "! rmmod nvcore 2>/dev/null"
n0=$(dmesg | wc -l)
echo nvsim-gpu.0 >/sys/bus/platform/drivers/nvcore-sim/unbind
log=$(dmesg | tail -n +$((n0 + 1)))
l_client=$(echo "$log" | grep -n 'nvcore.test.0: nvtest: removed' | head -n 1 | cut -d: -f1)
l_wpr=$(echo "$log" | grep -n 'nvsim: GPU 0: unload booter: WPR2 cleared' | head -n 1 | cut -d: -f1)
l_gpu=$(echo "$log" | grep -n 'nvcore: GPU 0: removed' | head -n 1 | cut -d: -f1)
say "teardown log lines: client removed $l_client, GSP unloaded $l_wpr, GPU removed $l_gpu"
check "teardown: test client removed before GSP-RM unload and GPU removal" \
	test "${l_client:-999}" -lt "${l_wpr:-0}" -a "${l_wpr:-0}" -lt "${l_gpu:-0}"
check "teardown: no client left open at removal" sh -c "! dmesg | grep -q 'did not close its handle'"
check "teardown: rmmod nvtest_client nvcore nvsim" rmmod nvtest_client nvcore nvsim
