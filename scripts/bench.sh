#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: boot the VM, run tests/vm/scenarios/bench.sh, write the
# JSON it prints to build/bench.json and show it.
set -euo pipefail
. "$(dirname "$0")/common.sh"
"$ROOT/scripts/prepare.sh"
if ! NVTEST_SHOW=1 "$ROOT/scripts/vm.sh" bench 2>"$BUILD/bench.out"; then
	cat "$BUILD/bench.out"
	echo "bench: FAILED (console log: build/vmlogs/bench.log)"
	exit 1
fi
json=$(sed -n 's/^BENCH-JSON //p' "$BUILD/bench.out")
[ -n "$json" ] || { echo "bench: no result"; exit 1; }
echo "$json" | python3 -m json.tool >"$BUILD/bench.json"
cat "$BUILD/bench.json"
