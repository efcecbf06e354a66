# SPDX-License-Identifier: GPL-2.0
#
# The CPU sequencer and GSP lockdown, as GSP-RM uses them (docs/nvsim.md):
# - nvsim's sequencer program waits for the GSP's halt and resumes it
#   through SEC2; on all three chips the boot only completes if nvcore ran
#   it as OGKM does (nvsim checks the order of halt, reset, mailboxes, SEC2);
# - a program that polls forever (boot_fault seq_poll_forever: 64 polls
#   that never succeed, timeout 0xffffffff us) is abandoned within the
#   per-program budget, probe fails cleanly and the next bind boots;
# - lockdown: while GSP-RM says lockdown is engaged, nvcore touches no GSP
#   interrupt register (nvsim counts violations), also when the GSP's
#   vector fires late, and RPCs keep working around it.
# vm-args: --timeout 400
# vm-personality: no (sequencer and lockdown do not depend on the
# transport personality; passed under strict570 when last checked)

S=/sys/kernel/debug/nvsim/gpu0
D=/sys/kernel/debug/nvcore/gpu0
PD=/sys/bus/platform/devices/nvsim-gpu.0
stat_of() { sed -n "s/^$1 //p" $S/stats; }

for chip in tu102 ga102 ad102; do
	check "$chip: boots through the sequencer (halt wait, resume)" \
		sh -c "modprobe nvsim chip=$chip && modprobe nvcore && test -e $PD/nvcore"
	check "$chip: nvsim saw GSP-RM resumed" \
		sh -c "dmesg | grep -q 'nvsim: GPU 0: CPU sequencer not carried out' && exit 1; exit 0"
	check "$chip: unload" rmmod nvcore nvsim
done

# A program that polls forever (each poll stops at nvcore's 4 s cap and
# abandons the program, as a timed-out poll does in OGKM), and one that
# waits forever in delays that each stay within their cap (stopped by the
# per-program budget): probe fails in bounded time, the next bind boots.
for f in seq_poll_forever:timed.out seq_delay_forever:time.budget.spent; do
	modprobe nvsim chip=ga102
	echo ${f%%:*} >$S/boot_fault
	n0=$(dmesg | grep -c 'CPU sequencer abandoned.*'"${f#*:}")
	t0=$(date +%s)
	modprobe nvcore boot_timeout_ms=3000
	modprobe nvcore_test
	t1=$(date +%s)
	check "${f%%:*}: probe failed" test ! -e $PD/nvcore
	check "${f%%:*}: bounded ($((t1 - t0)) s)" test $((t1 - t0)) -le 20
	check "${f%%:*}: program abandoned (${f#*:})" \
		test "$(dmesg | grep -c 'CPU sequencer abandoned.*'"${f#*:}")" -gt "$n0"
	check "${f%%:*}: then bind boots" \
		sh -c "echo nvsim-gpu.0 >/sys/bus/platform/drivers/nvcore-sim/bind && test -e $PD/nvcore"
	check "${f%%:*}: RPCs work" \
		sh -c "echo '1 100' >$D/rpc_selftest && grep -q 'ok 100 bad 0 ' $D/rpc_selftest"
	[ $f = seq_poll_forever:timed.out ] && rmmod nvcore_test nvcore nvsim
done

# Lockdown: bad arguments refused.
rejects() { ! sh -c "echo '$1' >$S/inject" 2>/dev/null; }
check "lockdown 0 refused" rejects "lockdown 0"
check "lockdown 10001 refused" rejects "lockdown 10001"
check "lockdown without a length refused" rejects "lockdown"

# Five lockdowns while two callers run RPCs.
(echo "2 4000" >$D/rpc_selftest) &
n=0
for i in 1 2 3 4 5; do
	usleep 100000
	echo "lockdown 200" >$S/inject && n=$((n + 1))
	usleep 400000
done
wait
check_eq "five lockdowns injected" "$n" 5
check_eq "nvsim: five lockdowns" "$(stat_of lockdowns)" 5
check_eq "no GSP interrupt register touched during lockdown" "$(stat_of lockdown_violations)" 0
check "RPCs around the lockdowns all answered" grep -q 'ok 8000 bad 0 ' $D/rpc_selftest
check "interrupts still delivered after lockdown" \
	sh -c "i0=\$(sed -n 's/^irqs //p' $D/rpc_stats); echo '1 50' >$D/rpc_selftest; i1=\$(sed -n 's/^irqs //p' $D/rpc_stats); test \$i1 -gt \$i0"
check unload rmmod nvcore_test nvcore nvsim
