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
check "log: LOGRM has RPC records with hex results" grep -q '^RM [0-9.]* gsp\.c([0-9]*): rpc [0-9]* seq [0-9]* len [0-9]* -> 0$' $D/log_rm
check "log: registry strings not in the logging ELF show as ?" sh -c "grep -q 'registry: [0-9]* entries' $D/log_init"
check_eq "log: raw loginit is the whole 64 KiB buffer" "$(wc -c <$D/loginit)" 65536
put=$(od -An -t u8 -N 8 $D/loginit | tr -d ' ')
sumput=$(sed -n '1s/^LOGINIT: put \([0-9]*\),.*/\1/p' $D/log_init)
check_eq "log: raw buffer starts with the put pointer the decoder saw" "$put" "$sumput"
check_eq "log: raw logrm is 64 KiB" "$(wc -c <$D/logrm)" 65536
check "log: raw files are root-only (0400)" sh -c "stat -c %a $D/logrm | grep -qx 400"
# Fill LOGRM past one wrap: 64 KiB holds ~1300 six-word RPC records.
echo "1 3000" >$D/rpc_selftest
check "log: after a wrap the decoder reports it and decodes the rest" \
	grep -q '^LOGRM: put [0-9]*, [1-9][0-9]* records, wrapped, [0-9]* words not decoded$' $D/log_rm
check "log: no bad metadata after a wrap" sh -c "! grep -q 'bad metadata' $D/log_rm"

check "unload" rmmod nvcore nvsim

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
check "version: one clear message" sh -c "dmesg | tail -n +$((n0 + 1)) | grep -q 'firmware version mismatch (-71): this driver speaks GSP-RM 535.113.01'"
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
