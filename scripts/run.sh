#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make run`: boot the VM with the whole stack on nvsim and show what it is
# doing (tests/vm/scenarios/tour.sh).
set -euo pipefail
. "$(dirname "$0")/common.sh"
"$ROOT/scripts/prepare.sh"
echo "== nvcore tour: booting Debian $KVER under QEMU (TCG) =="
if NVTEST_SHOW=1 "$ROOT/scripts/vm.sh" tour >"$BUILD/tour.verdict"; then
	echo "== tour finished: $(grep -c '^PASS' "$BUILD/tour.verdict") checks passed, kernel log clean =="
else
	grep '^FAIL' "$BUILD/tour.verdict"
	echo "== tour FAILED (console log: build/vmlogs/tour.log) =="
	exit 1
fi
