# SPDX-License-Identifier: GPL-2.0
#
# nvsim's channel executor on every chip (docs/nvsim.md "Channels and
# execution"): the debugfs self-test runs three channels through the real
# doorbell register (CE copy, remap fill, CE and host semaphores, non-stall
# interrupts, MMU faults on an unmapped and a read-only page that stop only
# their channel, a second job afterwards), then the fault knobs: a stalled
# channel makes the job time out, unstalling lets the test pass again, a
# slow CE still completes, malformed knob writes are refused. Runs under
# both firmware versions; "abicheck" then shows that the running version's
# RM_ALLOC path of the GPFIFO class takes only its own
# NV_CHANNEL_ALLOC_PARAMS (570.144 refuses 535.113.01's 0x168 bytes with
# NV_ERR_INVALID_PARAM_STRUCT and vice versa).
# vm-fw: both
# vm-args: --timeout 300

S=/sys/kernel/debug/nvsim/gpu0
F=$S/fifo
stat_of() { sed -n "s/^$1 //p" $F; }
selftest() { echo "selftest 0" >$F && sed -n 's/^selftest //p' $F; }

for chip in tu102 ga102 ad102; do
	check "$chip: load" sh -c "modprobe nvsim chip=$chip && modprobe nvcore &&
		test -e $F && test -e /sys/kernel/debug/nvcore/gpu0/rpc_stats"
	r=$(selftest)
	case "$r" in ok*) pass "$chip: self-test ($r)" ;; *) fail "$chip: self-test" "$r" ;; esac
	check "$chip: CE bytes counted" test "$(stat_of ce_bytes)" -ge 16384
	check "$chip: two MMU faults" test "$(stat_of mmu_faults)" -ge 2
	check "$chip: non-stall interrupts" test "$(stat_of nonstall_intr)" -ge 2
	check_eq "$chip: no channel left" "$(stat_of channels)" 0

	# The other version's channel parameters are refused (0x3a).
	fwv=$(cat /sys/bus/platform/devices/nvsim-gpu.0/nvcore/firmware_version)
	r=$(echo "abicheck 0" >$F && sed -n 's/^selftest //p' $F)
	echo "    $r"
	case "$r" in
	"abicheck $fwv:"*" ok") pass "$chip: $fwv takes only its own NV_CHANNEL_ALLOC_PARAMS" ;;
	*) fail "$chip: $fwv takes only its own NV_CHANNEL_ALLOC_PARAMS" "$r" ;;
	esac
	case "$fwv" in
	570.144) check "$chip: 570.144 refuses 535's 0x168 bytes" \
		sh -c "echo '$r' | grep -q '535.113.01 0x168 -> 0x3a '" ;;
	535.113.01) check "$chip: 535.113.01 refuses 570's 0x170 bytes" \
		sh -c "echo '$r' | grep -q '570.144 0x170 -> 0x3a'" ;;
	esac

	# A stalled channel (the self-test's first one takes the top ID) never
	# runs: its job times out.
	echo "stall 4095" >$F
	r=$(selftest)
	case "$r" in "FAIL job 1 did not complete"*) pass "$chip: stalled channel times out" ;;
	*) fail "$chip: stalled channel times out" "$r" ;; esac
	echo "unstall 4095" >$F
	r=$(selftest)
	case "$r" in ok*) pass "$chip: unstalled: passes again" ;; *) fail "$chip: unstalled" "$r" ;; esac

	# Slow CE with seeded jitter: still correct.
	echo 3 >$S/seed
	l0=$(stat_of ce_launches)
	echo "ce_delay_us 20000" >$F && echo "ce_jitter_us 5000" >$F
	r=$(selftest)
	case "$r" in ok*) pass "$chip: slow CE: correct" ;; *) fail "$chip: slow CE" "$r" ;; esac
	check "$chip: slow CE launches counted" test "$(stat_of ce_launches)" -ge $((l0 + 2))
	echo "ce_delay_us 0" >$F && echo "ce_jitter_us 0" >$F

	for bad in "stall 4096" "ce_delay_us 1000001" "bogus 1" "stall" "stall 1 2" "stall -1"; do
		if echo "$bad" >$F 2>/dev/null; then
			fail "$chip: knob '$bad' refused" "accepted"
		else
			pass "$chip: knob '$bad' refused"
		fi
	done
	check "$chip: unload" rmmod nvcore nvsim
done
