# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: every figure with its baseline from the same run. Prints
# "BENCH-JSON {...}" (transport) and "BENCH-KV key value" lines, the
# firmware-dependent ones inside "BENCH-FW VERSION" ... "BENCH-FW -"; the
# host merges them into build/bench.json (scripts/bench.sh).
# vm-check: no
# vm-args: --timeout 900

# The benchmarked GPU is found by its chip (BENCH_CHIP, default ga102), not
# assumed to be GPU 0: nvsim's and nvcore's numbers of it are looked up in
# sysfs/debugfs after each load.
CHIP=${BENCH_CHIP:-ga102}

# nvsim's index of the GPU of chip $1: the nvsim-gpu.N whose nvcore "chip"
# attribute is $1 (nvcore bound to it).
sim_gpu_of_chip() {
	for d in /sys/bus/platform/devices/nvsim-gpu.*; do
		if [ "$(cat "$d/nvcore/chip" 2>/dev/null)" = "$1" ]; then
			echo "${d##*.}"
			return 0
		fi
	done
	return 1
}

# nvcore's index of the GPU of chip $1 (debugfs nvcore/gpuN/info "chip").
nvc_gpu_of_chip() {
	for f in /sys/kernel/debug/nvcore/gpu*/info; do
		if grep -qx "chip $1" "$f" 2>/dev/null; then
			f=${f%/info}
			echo "${f##*/gpu}"
			return 0
		fi
	done
	return 1
}

# Boot, transport, events, allocation and recovery figures, once per
# GSP-RM version installed (nvidia/$CHIP/gsp/gsp-VERSION.bin), forced with
# nvcore.fw= when nvcore has it (else once, whichever version nvcore
# picks). Each version's figures sit between "BENCH-FW VERSION" and
# "BENCH-FW -" and are measured beside their baselines in the same run.
bench_fw() {
	want=$1
	l=${want:-fw}
	fwarg=
	[ -n "$want" ] && fwarg="fw=$want"
	check "$l: load" modprobe nvsim chip=$CHIP
	check "$l: nvcore-binds" modprobe nvcore clients=test heartbeat_ms=0 $fwarg
	S=$(sim_gpu_of_chip "$CHIP")
	N=$(nvc_gpu_of_chip "$CHIP")
	check "$l: $CHIP found (nvsim GPU ${S:-?}, nvcore GPU ${N:-?})" test -n "$S" -a -n "$N"
	D=/sys/kernel/debug/nvcore/gpu$N
	check "$l: load-nvcore_test" modprobe nvcore_test
	# Module sizes as loaded (bytes, /proc/modules): nvcore carries no
	# test code, nvcore_test carries the self-test and the benchmarks.
	for m in nvcore nvcore_test; do
		echo "BENCH-KV ${m}_module_bytes $(sed -n "s/^$m \([0-9]*\) .*/\1/p" /proc/modules)"
	done
	got=$(sed -n 's/^firmware //p' $D/info)
	[ -n "$want" ] && check_eq "$l: firmware running" "$got" "$want"
	echo "BENCH-FW ${got:-unknown}"
	check "$l: bench-run" sh -c "echo run >$D/bench"
	echo "BENCH-JSON $(cat $D/bench)"

	check "$l: load-test-client" modprobe nvtest_client
	if module_loaded nvtest_client; then
		C=$(ls -d /sys/kernel/debug/nvtest/*/ | head -n 1)cmd
		for cmd in "bench_events 500" "bench_alloc 20000"; do
			echo "$cmd" >"$C" && cat "$C" | tr ' ' '\n' | paste - - |
				while read -r k v; do
					case "$k" in *_us|*_ops_s) echo "BENCH-KV $k $v" ;; esac
				done
		done
		echo 1 >/sys/kernel/debug/nvsim/gpu$S/crash
		G=/sys/bus/platform/devices/nvsim-gpu.$S/nvcore
		if wait_for 30 sh -c "test \$(cat $G/recoveries) -ge 1 -a \$(cat $G/lost) = 0"; then
			echo "BENCH-KV gsp_recovery_ms $(cat $G/last_recovery_ms)"
		fi
		rmmod nvtest_client
	fi
	echo "BENCH-FW -"
	check "$l: unload" rmmod nvcore_test nvcore nvsim
}

fws=$(ls /lib/firmware/nvidia/$CHIP/gsp/ 2>/dev/null | sed -n 's/^gsp-\(.*\)\.bin$/\1/p' | sort -u)
if modinfo nvcore 2>/dev/null | grep -q 'fw:' && [ -n "$fws" ]; then
	echo "  firmware versions: $(echo $fws)"
	for v in $fws; do
		bench_fw "$v"
	done
else
	echo "  nvcore has no fw= parameter: the version it picks only"
	bench_fw ""
fi

# The nvdrm and (top-level) vGPU figures are taken under 535.113.01 when
# nvcore can be told (fw=), as in earlier runs; bench.json says which
# version ("vgpu_drm_fw"). The vGPU figures are taken under 570.144 as well.
cfw=
if modinfo nvcore 2>/dev/null | grep -q 'fw:' && echo "$fws" | grep -qx 535.113.01; then
	cfw=fw=535.113.01
fi
export cfw
echo "BENCH-JSON {\"vgpu_drm_fw\": \"${cfw#fw=}\"}"

# vGPU create (until the VFIO device is open) and destroy over 50, and a
# host-channel round trip to the GSP plugin (a guest bus-master toggle).
# $1: nvcore's fw= argument (empty: nvcore's choice).
bench_vgpu() {
	check "vgpu${1:+-$1}: load" sh -c "modprobe nvsim chip=$CHIP &&
		modprobe nvcore clients=vgpu heartbeat_ms=0 $1 &&
		modprobe vfio_iommu_type1 && modprobe nvvgpu"
	N=$(nvc_gpu_of_chip "$CHIP")
	T=/sys/bus/auxiliary/devices/nvcore.vgpu.$N/mdev_supported_types/nvvgpu-8
	/tests/bin/vgpu_bench $T 50
	# A guest RPC through the GSP plugin (doorbell write to MSI), beside
	# rpc_small_p50_us of the transport figures above.
	GU=44444444-5555-6666-7777-000000000001
	echo $GU >$T/create
	VGPU_FW=$(sed -n 's/^firmware //p' /sys/kernel/debug/nvcore/gpu$N/info) \
		/tests/bin/vgpu_guest bench $GU 200
	echo 1 >/sys/bus/mdev/devices/$GU/remove
	check "vgpu${1:+-$1}: unload" rmmod nvvgpu vfio_iommu_type1 nvcore nvsim
}
bench_vgpu "$cfw"
# Both versions have the vGPU host: 570.144's figures go under
# "fw" -> "570.144" in bench.json, beside that version's transport ones.
if [ -n "$cfw" ] && echo "$fws" | grep -qx 570.144; then
	echo "BENCH-FW 570.144"
	bench_vgpu fw=570.144
	echo "BENCH-FW -"
fi

# nvdrm: writing GEM objects through mmap (system memory, VRAM through
# BAR1) and eviction VRAM -> system by the copy engine (evict_mib_s) and by
# the CPU through BAR1 (evict_cpu_mib_s), beside a userspace memcpy of the
# same size.
check nvdrm-load sh -c "modprobe nvsim chip=$CHIP && modprobe nvcore clients=drm heartbeat_ms=0 $cfw &&
	modprobe nvdrm vram_mib=32"
wait_for 20 test -e /sys/bus/auxiliary/devices/nvcore.drm.$(nvc_gpu_of_chip "$CHIP")/driver
/tests/bin/nvdrm_test bench
check nvdrm-unload rmmod nvdrm nvcore nvsim

# nvdrm channels: EXEC of a one-semaphore job to its signalled fence (beside
# rpc_small_p50_us above), jobs/s over 4 channels, a 64 MiB VRAM->VRAM copy
# on the copy engine (4 x 16 MiB: nvsim backs 64 MiB of VRAM) beside a
# userspace memcpy of 64 MiB.
check nvdrm-exec-load sh -c "modprobe nvsim chip=$CHIP && modprobe nvcore clients=drm heartbeat_ms=0 $cfw &&
	modprobe nvdrm job_timeout_ms=120000"
wait_for 20 test -e /sys/bus/auxiliary/devices/nvcore.drm.$(nvc_gpu_of_chip "$CHIP")/driver
/tests/bin/nvdrm_exec bench
check nvdrm-exec-unload rmmod nvdrm nvcore nvsim
