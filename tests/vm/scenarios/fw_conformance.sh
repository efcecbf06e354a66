# SPDX-License-Identifier: GPL-2.0
#
# nvcore against GSP-RM behaviours as NVIDIA's firmware shows them (issue 7
# rows 6, 7, 9): binary LIBOS logs decoded with the logging ELF of the
# loaded image, raw buffers in debugfs; events routed by the event objects
# that were registered; the firmware version as the image reports it.

D=/sys/kernel/debug/nvcore/gpu0
S=/sys/kernel/debug/nvsim/gpu0
G=/sys/bus/platform/devices/nvsim-gpu.0/nvcore
say() { echo "  $*"; }

check "load nvsim (ga102)" modprobe nvsim chip=ga102
check "load nvcore" modprobe nvcore clients=test heartbeat_ms=0

# ---- row 7: LIBOS logs
head -n 3 $D/log_init | while read -r l; do say "$l"; done
check "log: LOGINIT decoded with the image's logging ELF" \
	grep -q '^INIT [0-9]*\.[0-9]\{6\} gsp\.c([0-9]*): nvsim GSP-RM 535\.113\.01 (ga102) starting$' $D/log_init
check "log: INIT_DONE record" grep -q 'gsp\.c([0-9]*): GSP_INIT_DONE sent$' $D/log_init
check "log: summary line, nothing lost" grep -q '^LOGINIT: put [1-9][0-9]*, [1-9][0-9]* records, 0 words not decoded$' $D/log_init
head -n 3 $D/log_rm | while read -r l; do say "$l"; done
check "log: LOGRM has RPC records with hex results" grep -q '^RM [0-9.]* queue\.c([0-9]*): rpc [0-9]* seq [0-9]* len [0-9]* -> 0$' $D/log_rm
check "log: registry strings not in the logging ELF show as ?" sh -c "grep -q 'registry: [0-9]* entries' $D/log_init"
check_eq "log: raw loginit is the whole 64 KiB buffer" "$(wc -c <$D/loginit)" 65536
put=$(od -An -t u8 -N 8 $D/loginit | tr -d ' ')
sumput=$(sed -n '1s/^LOGINIT: put \([0-9]*\),.*/\1/p' $D/log_init)
check_eq "log: raw buffer starts with the put pointer the decoder saw" "$put" "$sumput"
check_eq "log: raw logrm is 64 KiB" "$(wc -c <$D/logrm)" 65536
check "log: raw files are root-only (0400)" sh -c "stat -c %a $D/logrm | grep -qx 400"
# Fill LOGRM past one wrap (8191 words): each event GSP-RM sends logs a
# four-word record. rc events on a channel nobody owns are dropped.
for i in 1 2 3; do echo "burst 1000 rc 4000 13 1" >$S/inject; done
check "log: after a wrap the decoder reports it and decodes the rest" \
	wait_for 20 grep -q '^LOGRM: put [0-9]*, [1-9][0-9]* records, wrapped, [0-9]* words not decoded$' $D/log_rm
check "log: no bad metadata after a wrap" sh -c "! grep -q 'bad metadata' $D/log_rm"
check "log: every nvsim call site seen is in the logging ELF (sim/logcat.h)" \
	sh -c "! grep -q 'not in the logging ELF' $D/log_init $D/log_intr $D/log_rm"

# ---- row 6: events routed by the event objects that were registered
T=/sys/kernel/debug/nvtest/nvcore.test.0/cmd
cmd() { echo "$*" >$T && cat $T; }
field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'; }
val() { k=$1; shift; cmd "$@" | field "$k"; }
inj() { echo "$*" >$S/inject; }
last() { cmd events | grep '^p0_last ' | field "$1"; }
count() { cmd events | grep '^p0 ' | field "$1"; }
dropped() { sed -n '1s/.*events_dropped \([0-9]*\).*/\1/p' $D/resources; }
unmatched() { sed -n 's/^notify_unmatched //p' $S/stats; }
check "load nvtest_client" modprobe nvtest_client
check "bound" wait_for 5 test -e $T
check_eq "events: partition" "$(val err part_create 0 64M 16 1M 2 0x1)" 0
check_eq "events: subscribe to everything" "$(val err sub 0 0x3f)" 0
HC=$(sed -n 's/^client .* nvcore\.test\.0 h \(0x[0-9a-f]*\)$/\1/p' $D/resources)
H1=$(val handle notifier_alloc 5)
H2=$(val handle notifier_alloc 5)
H3=$(val handle notifier_alloc 9)
say "client $HC, event objects $H1 $H2 (notifier 5) $H3 (notifier 9)"
check "events: three event objects allocated" test -n "$H1" -a -n "$H2" -a -n "$H3"
u0=$(unmatched)
check "inject: notify 5 (two objects registered it)" inj notify "$HC" 5 77
check "events: one notification per event object" wait_for 5 sh -c "echo events >$T; grep '^p0 ' $T | grep -q 'display 2 '"
check_eq "events: the notification names notifier, handle and data" \
	"$(last notifier) $(last data) $(last head)" "5 77 4294967295"
check "events: through one of the two objects" sh -c "test $(last handle) = $H1 -o $(last handle) = $H2"
check "inject: notify_list 5 (one POST_EVENT, bNotifyList)" inj notify_list "$HC" 5 78
check "events: nvcore notifies every object on the list" wait_for 5 sh -c "echo events >$T; grep '^p0 ' $T | grep -q 'display 4 '"
check "inject: notify 9" inj notify "$HC" 9 79
check "events: notifier 9 through its object" wait_for 5 sh -c "echo events >$T; grep '^p0_last ' $T | grep -q 'handle $H3 data 79'"
d0=$(dropped)
check "inject: notify 6 (registered by no object)" inj notify "$HC" 6 1
check "inject: notify to nvcore's own client (no event objects)" inj notify 0xc1d00000 5 1
check "nvsim: sent nothing for them (notify_unmatched +2)" wait_for 5 sh -c "test \$(sed -n 's/^notify_unmatched //p' $S/stats) -eq $((u0 + 2))"
check "inject: a POST_EVENT naming an unknown event object" inj stale_event "$HC" 0xe000fff0 5
check "inject: a POST_EVENT naming another client's handle" inj stale_event 0xc1d00000 "$H1" 5
check "events: unknown handles counted and dropped (+2)" wait_for 5 sh -c "test \$(sed -n '1s/.*events_dropped \([0-9]*\).*/\1/p' $D/resources) -ge $((d0 + 2))"
check_eq "events: ... and not delivered" "$(count display)" 5
check_eq "events: free one object" "$(val err notifier_free "$H1")" 0
check "inject: notify 5 again" inj notify "$HC" 5 80
check "events: only the remaining object fires" wait_for 5 sh -c "echo events >$T; grep '^p0_last ' $T | grep -q 'handle $H2 data 80'"
check_eq "events: exactly one more" "$(count display)" 6
G0=$(val gfid gfid_alloc 0)
check "inject: vGPU plugin notifier 3 on the partition's GFID" inj vgpu "$G0" 3
check "events: vgpu event with its notifier" wait_for 5 sh -c "echo events >$T; grep '^p0 ' $T | grep -q 'vgpu 1 '"
check_eq "events: vgpu event names GFID and notifier" "$(last gfid) $(last notifier)" "$G0 3"
d0=$(dropped)
check "inject: vGPU notifier 7 (>= NVA084_NOTIFIERS_MAXCOUNT)" inj vgpu "$G0" 7
check "inject: vGPU event for a GFID nobody owns" inj vgpu 31 0
check "events: both dropped and counted" wait_for 5 sh -c "test \$(sed -n '1s/.*events_dropped \([0-9]*\).*/\1/p' $D/resources) -ge $((d0 + 2))"
check_eq "events: vgpu count unchanged" "$(count vgpu)" 1
check "nvsim: inject rejects the old display verb" sh -c "! echo display $HC 1 >$S/inject"
check "unload" rmmod nvtest_client nvcore nvsim

# ---- row 9: the firmware version comes from the image
FWP=/sys/module/firmware_class/parameters/path
check "version: load nvsim again" modprobe nvsim chip=ga102
check "version: nvcore binds" modprobe nvcore clients=test heartbeat_ms=0
check_eq "version: sysfs firmware_version" "$(cat $G/firmware_version)" 535.113.01
check "version: boot message names where the version came from" sh -c "dmesg | grep -q 'GSP-RM 535.113.01 (version from .fwversion) booted'"
check "unload" rmmod nvcore nvsim
echo -n /lib/firmware/nvcore-test/badver >$FWP
n0=$(dmesg | wc -l)
check "version: load nvsim" modprobe nvsim chip=ga102
modprobe nvcore clients=test heartbeat_ms=0
check "version: an image whose .fwversion is 535.113.02 is refused" sh -c "! test -e $G/firmware_version"
check "version: one clear message" sh -c "dmesg | tail -n +$((n0 + 1)) | grep -q 'firmware version mismatch (-71): the image says 535.113.02 (.fwversion), the file name 535.113.01'"
rmmod nvcore nvsim
echo -n /lib/firmware/nvcore-test/nolog >$FWP
check "version: load nvsim" modprobe nvsim chip=ga102
check "version: nvcore binds an image without .fwversion and .fwlogging" modprobe nvcore clients=test heartbeat_ms=0
check_eq "version: taken from the image header" "$(cat $G/firmware_version)" 535.113.01
check "version: boot message says so" sh -c "dmesg | grep -q 'GSP-RM 535.113.01 (version from image header) booted'"
check "log: no logging ELF: summary only" grep -q '^LOGINIT: put [1-9][0-9]*, no logging ELF in the firmware image (-2): raw buffer only$' $D/log_init
check_eq "log: raw buffer still there" "$(wc -c <$D/loginit)" 65536
check "unload" rmmod nvcore nvsim
echo -n "" >$FWP
