#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: every test tier, then one summary line "N passed, N failed".
#   static  module dependencies, checkpatch
#   abi     our firmware headers against NVIDIA's compiled layouts
#   unit    userspace unit tests under ASan + UBSan
#   fuzz    short fixed-time libFuzzer runs
#   vm      every scenario in tests/vm/scenarios, one VM boot each
# NVTEST_ONLY="vm unit" restricts tiers; NVTEST_SCENARIOS="a b" scenarios.
# FUZZ_SECS sets the per-target fuzz time (default 10).
# NVTEST_PERSONALITIES="strict570 echo terse" (the default) lists the nvsim
# firmware personalities the VM scenarios run under besides the default
# ogkm535; set it empty to run under ogkm535 only.
# Firmware versions (nvsim runs the version of the image nvcore uploads):
# every scenario runs with nvcore.fw=$NVTEST_FW_DEFAULT (default
# 535.113.01) unless it declares "# vm-fw: auto" (nvcore then picks by
# itself, the newest image present); those declaring "# vm-fw: both" run
# again with nvcore.fw= each version of NVTEST_FWS (default 570.144; empty
# skips). Both need nvcore's version layer (nvcore.ko's fw= parameter).
set -uo pipefail
. "$(dirname "$0")/common.sh"

RES=$BUILD/results.txt
: >"$RES"
tiers=${NVTEST_ONLY:-static abi unit fuzz vm}
pers=${NVTEST_PERSONALITIES-strict570 echo terse}
fws=${NVTEST_FWS-570.144}
fw_default=${NVTEST_FW_DEFAULT-535.113.01}
# nvcore.fw=V for scenario $1's default run, if it applies.
fw_pin() {
	[ -n "$fw_default" ] && [ -n "$nvcore_fw" ] &&
		! grep -q '^# vm-fw: auto' "$ROOT/tests/vm/scenarios/$1.sh" &&
		echo "nvcore.fw=$fw_default"
}
want() { [[ " $tiers " == *" $1 "* ]]; }
emit() { tee -a "$RES" | grep -E '^(PASS|FAIL|SKIP)|^    '; }
t0=$(date +%s)

if want static; then
	echo "== static checks"
	for m in nvcore nvsim; do
		deps=$(modinfo -F depends "$ROOT/$m.ko")
		if grep -qE '(^|,)(drm[a-z_]*|vfio[a-z_]*|mdev)(,|$)' <<<"$deps"; then
			echo "FAIL: static: $m.ko depends on no drm/vfio/mdev (depends: $deps)"
		else
			echo "PASS: static: $m.ko depends on no drm/vfio/mdev"
		fi
	done | emit
	# The vGPU host client needs nvcore, VFIO and mdev, and nothing else.
	deps=$(modinfo -F depends "$ROOT/nvvgpu.ko" | tr ',' '\n' | sort | paste -sd,)
	if [ "$deps" = "mdev,nvcore,vfio" ]; then
		echo "PASS: static: nvvgpu.ko depends on nvcore, vfio and mdev only"
	else
		echo "FAIL: static: nvvgpu.ko depends on nvcore, vfio and mdev only (depends: $deps)"
	fi | emit
	# nvdrm: nvcore and DRM modules only, and no firmware ABI header.
	if [ -f "$ROOT/nvdrm.ko" ]; then
		deps=$(modinfo -F depends "$ROOT/nvdrm.ko")
		if tr ',' '\n' <<<"$deps" | grep -vqxE 'nvcore|drm|ttm|drm_[a-z_]*|gpu-sched'; then
			echo "FAIL: static: nvdrm.ko depends on nvcore and DRM modules only (depends: $deps)"
		else
			echo "PASS: static: nvdrm.ko depends on nvcore and DRM modules only ($deps)"
		fi
		if grep -rn 'nvrm/' "$ROOT/drm"; then
			echo "FAIL: static: nvdrm includes nothing from include/nvrm"
		else
			echo "PASS: static: nvdrm includes nothing from include/nvrm"
		fi
	fi | emit
	# Firmware headers only inside the version layers (scripts/fwdeps.sh).
	for m in nvcore nvcore_test nvdrm nvvgpu nvsim; do
		[ -f "$ROOT/$m.mod" ] && "$ROOT/scripts/fwdeps.sh" "$ROOT" $m | head -n 20
	done | emit
	# Test code lives in nvcore_test.ko, which needs nvcore only.
	if nm "$ROOT/nvcore.ko" | grep -E ' [tTdDbBrR] nvc_(selftest|bench|st|pp)_'; then
		echo "FAIL: static: nvcore.ko holds no self-test or benchmark code"
	else
		echo "PASS: static: nvcore.ko holds no self-test or benchmark code"
	fi | emit
	if [ -f "$ROOT/nvcore_test.ko" ]; then
		deps=$(modinfo -F depends "$ROOT/nvcore_test.ko")
		if [ "$deps" = nvcore ]; then
			echo "PASS: static: nvcore_test.ko depends on nvcore only"
		else
			echo "FAIL: static: nvcore_test.ko depends on nvcore only (depends: $deps)"
		fi | emit
	fi
	if out=$("$ROOT/scripts/checkpatch.sh" 2>&1); then
		echo "PASS: static: checkpatch clean" | emit
	else
		{ echo "FAIL: static: checkpatch clean"; echo "$out" | tail -n 20 | sed 's/^/    /'; } | emit
	fi
fi

if want abi && [ -f "$ROOT/tests/abi/gen_layout_check.py" ]; then
	echo "== abi: header layouts vs gsp-rm-layouts.tsv"
	# The shared fact base beside the checkout, else the copy taken from it.
	TSV=${NVRM_LAYOUTS:-$ROOT/../shared/gsp-rm-layouts.tsv}
	[ -f "$TSV" ] || TSV=$ROOT/tests/abi/gsp-rm-layouts.tsv
	mkdir -p "$BUILD/abi"
	for v in 535.113.01 570.144; do
		[ -d "$ROOT/include/nvrm/$v" ] || continue
		c=$BUILD/abi/abi_$v.c
		if python3 "$ROOT/tests/abi/gen_layout_check.py" "$TSV" "$v" >"$c" &&
		   gcc -std=gnu11 -Wall -Werror -I"$ROOT/include" "$c" -o "${c%.c}" &&
		   out=$("${c%.c}"); then
			echo "PASS: abi: $v $(tail -n 1 <<<"$out")"
		else
			echo "FAIL: abi: $v"
			"${c%.c}" 2>/dev/null | grep FAIL | head -n 10 | sed 's/^/    /'
		fi
	done | emit
fi

if want unit && [ -f "$ROOT/tests/unit/Makefile" ]; then
	echo "== unit (ASan + UBSan)"
	# A target that does not build fails the tier (it would run nothing).
	{ make -s -C "$ROOT" -f tests/unit/Makefile OUT="$BUILD/unit" run 2>&1 ||
		echo "FAIL: unit: make run exited $?"; } | emit
fi

if want fuzz && [ -f "$ROOT/tests/fuzz/Makefile" ]; then
	echo "== fuzz (${FUZZ_SECS:-10} s per target)"
	{ make -s -C "$ROOT" -f tests/fuzz/Makefile OUT="$BUILD/fuzz" SECS="${FUZZ_SECS:-10}" run 2>&1 ||
		echo "FAIL: fuzz: make run exited $?"; } | emit
fi

if want vm; then
	echo "== vm: preparing initramfs"
	if ! "$ROOT/scripts/prepare.sh" >"$BUILD/prepare.log" 2>&1; then
		{ echo "FAIL: vm: prepare"; tail -n 20 "$BUILD/prepare.log" | sed 's/^/    /'; } | emit
	else
		scns=${NVTEST_SCENARIOS:-$(cd "$ROOT/tests/vm/scenarios" &&
			grep -L '^# vm-check: no' *.sh | sed 's/\.sh$//')}
		nvcore_fw=$(modinfo -F parm "$ROOT/nvcore.ko" | grep -q '^fw:' && echo yes)
		for s in $scns; do
			echo "== vm: $s"
			pin=$(fw_pin "$s")
			NVTEST_APPEND="${NVTEST_APPEND:-}${pin:+ $pin}" \
				"$ROOT/scripts/vm.sh" "$s" 2>&1 | emit
		done
		# nvsim's other firmware personalities (docs/nvsim.md): the
		# scenarios that exercise the transport and declare
		# "# vm-personality: yes" (the cheap ones) run again under each;
		# verdicts read vm/NAME@PERS.
		for p in $pers; do
			for s in $scns; do
				grep -q '^# vm-personality: yes' \
					"$ROOT/tests/vm/scenarios/$s.sh" || continue
				echo "== vm: $s@$p"
				pin=$(fw_pin "$s")
				NVTEST_TAG=$p NVTEST_APPEND="${NVTEST_APPEND:+$NVTEST_APPEND }nvsim.personality=$p${pin:+ $pin}" \
					"$ROOT/scripts/vm.sh" "$s" 2>&1 | emit
			done
		done
		# Firmware versions (docs/testing.md): the GSP and client
		# scenarios declaring "# vm-fw: both" run again with nvcore
		# forced to each version of NVTEST_FWS; verdicts read
		# vm/NAME@fwVERSION. Needs nvcore's version layer (fw=).
		for v in $fws; do
			if [ -z "$nvcore_fw" ]; then
				echo "SKIP: vm: firmware $v: nvcore.ko has no fw= parameter" | emit
				break
			fi
			for s in $scns; do
				grep -q '^# vm-fw: both' \
					"$ROOT/tests/vm/scenarios/$s.sh" || continue
				echo "== vm: $s@fw$v"
				NVTEST_TAG=fw$v NVTEST_APPEND="${NVTEST_APPEND:+$NVTEST_APPEND }nvcore.fw=$v" \
					"$ROOT/scripts/vm.sh" "$s" 2>&1 | emit
			done
		done
	fi
fi

p=$(grep -c '^PASS' "$RES")
f=$(grep -c '^FAIL' "$RES")
s=$(grep -c '^SKIP' "$RES")
echo "== $(($(date +%s) - t0)) s"
if [ "$f" -gt 0 ]; then
	echo "failed:"
	grep '^FAIL' "$RES" | sed 's/^/  /'
fi
if [ "$s" -gt 0 ]; then
	echo "$p passed, $f failed, $s skipped"
else
	echo "$p passed, $f failed"
fi
[ "$f" -eq 0 ] && [ "$p" -gt 0 ]
