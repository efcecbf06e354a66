#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boots one VM on build/initramfs.cpio with QEMU (TCG) and Debian's kernel.
#
#   vm.sh SCENARIO       run tests/vm/scenarios/SCENARIO.sh, print its
#                        PASS/FAIL lines prefixed "vm/SCENARIO: ", add
#                        verdicts for a clean kernel log and a finished
#                        run; exit 0 only if all passed
#   vm.sh --shell        interactive shell on the serial console
#
# A scenario may ask for more in a "# vm-args:" line: --ninep (host root
# over virtio-9p), --append "ARGS" (kernel command line), --timeout SECS,
# --qemu "ARGS".
set -euo pipefail
. "$(dirname "$0")/common.sh"

QEMU=qemu-system-x86_64
# no_timer_check: under TCG on a loaded host the kernel's IO-APIC timer
# check can miss its ticks and panic ("IO-APIC + timer doesn't work"), seen
# once in a loaded run; the check proves nothing about our modules.
APPEND="console=ttyS0 loglevel=4 printk.time=1 panic=-1 oops=panic softlockup_panic=0 nokaslr no_timer_check"
QARGS=(-nodefaults -no-user-config -display none -no-reboot
       -accel tcg,thread=multi -cpu max -smp 2 -m 1G
       -kernel "$KROOT/boot/vmlinuz-$KVER" -initrd "$BUILD/initramfs.cpio")
NINEP=(-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap)

if [ "${1:-}" = --shell ]; then
	exec $QEMU "${QARGS[@]}" "${NINEP[@]}" -serial mon:stdio \
		-append "$APPEND nvtest.shell=1 ${NVTEST_APPEND:-}"
fi

scn=$1
file=$ROOT/tests/vm/scenarios/$scn.sh
[ -f "$file" ] || { echo "FAIL: vm/$scn: no such scenario"; exit 1; }
# NVTEST_TAG names a variant run (e.g. an nvsim personality): verdicts and
# the log become NAME@TAG; the guest still runs scenario NAME.
name=$scn${NVTEST_TAG:+@$NVTEST_TAG}

timeout=${NVTEST_TIMEOUT:-180}
extra_append=${NVTEST_APPEND:-}
extra=()
vmargs=$(sed -n 's/^# vm-args: *//p' "$file")
eval "set -- $vmargs"
while [ $# -gt 0 ]; do
	case "$1" in
	--ninep) extra+=("${NINEP[@]}") ;;
	--append) extra_append+=" $2"; shift ;;
	--timeout) timeout=$2; shift ;;
	--qemu) read -r -a q <<<"$2"; extra+=("${q[@]}"); shift ;;
	*) echo "FAIL: vm/$name: bad vm-args '$1'"; exit 1 ;;
	esac
	shift
done

mkdir -p "$BUILD/vmlogs"
log=$BUILD/vmlogs/$name.log
# One boot. A guest whose kernel prints nothing within START_S seconds
# never started (a host-side QEMU hang, seen once in hundreds of boots):
# it is killed and booted once more, and the verdict says so. Nothing of
# ours has run by then, so a retry cannot hide a driver failure.
START_S=${NVTEST_START_S:-60}
boot() {
	rm -f "$log"
	timeout -k 5 "$timeout" $QEMU "${QARGS[@]}" "${extra[@]}" -serial "file:$log" \
		-append "$APPEND nvtest.scenario=$scn $extra_append" </dev/null &
	qpid=$!
	waited=0
	while kill -0 "$qpid" 2>/dev/null; do
		if [ ! -s "$log" ] && [ "$waited" -ge $((START_S * 10)) ]; then
			kill -- "$qpid" 2>/dev/null
			wait "$qpid"
			return 200
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
	wait "$qpid"
}
start=$(date +%s%N)
retried=
set +e
boot
qrc=$?
if [ "$qrc" = 200 ]; then
	retried=" (retried: the first boot printed nothing in ${START_S} s)"
	boot
	qrc=$?
fi
set -e
ms=$((($(date +%s%N) - start) / 1000000))
secs=$((ms / 1000)).$((ms % 1000 / 100))

tr -d '\r' <"$log" >"$log.txt"
mv "$log.txt" "$log"

verdicts() {
if [ -n "${NVTEST_SHOW:-}" ]; then
	awk '/^NVTEST-BEGIN/{p=1; next} /^NVTEST-(DMESG-BEGIN|STATUS)/{p=0} p' "$log" |
		grep -avE '^\[ *[0-9]+\.[0-9]+\]' >&2 || true
fi
# Guest verdict lines (outside the dmesg dump).
awk '/^NVTEST-DMESG-BEGIN/{d=1} /^NVTEST-DMESG-END/{d=0; next} !d' "$log" |
	sed -n -e "s|^PASS: |PASS: vm/$name: |p" -e "s|^FAIL: |FAIL: vm/$name: |p"

# Kernel lines: printk lines carry a "[ seconds]" stamp.
BAD='BUG|WARNING|Oops|refcount|list_del corruption|hung task|blocked for more than|sleeping function called from invalid context|Kernel panic|general protection|KASAN|UBSAN|kernel BUG'
bad=$(grep -aE '^\[ *[0-9]+\.[0-9]+\]' "$log" | grep -aE "$BAD" | sort -u | head -n 5 || true)
if [ -n "$bad" ]; then
	echo "FAIL: vm/$name: kernel-log-clean"
	echo "$bad" | sed 's/^/    /'
else
	echo "PASS: vm/$name: kernel-log-clean"
fi

if grep -aq '^NVTEST-DONE' "$log"; then
	echo "PASS: vm/$name: finished ($secs s)$retried"
else
	echo "FAIL: vm/$name: finished (qemu rc $qrc after $secs s; timeout ${timeout}s; log $log)"
	tail -n 15 "$log" | sed 's/^/    /'
fi
}

out=$(verdicts)
echo "$out"
! grep -q "^FAIL:" <<<"$out"
