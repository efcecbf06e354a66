#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: boot the VM, run tests/vm/scenarios/bench.sh, merge what it
# prints into build/bench.json and show it. Boot, transport, event,
# allocation and recovery figures are keyed by GSP-RM version under "fw"
# (one run per version installed); vGPU and nvdrm figures are top level.
set -euo pipefail
. "$(dirname "$0")/common.sh"
"$ROOT/scripts/prepare.sh"
if ! NVTEST_SHOW=1 "$ROOT/scripts/vm.sh" bench 2>"$BUILD/bench.out"; then
	cat "$BUILD/bench.out"
	echo "bench: FAILED (console log: build/vmlogs/bench.log)"
	exit 1
fi
python3 - "$BUILD/bench.out" "$BUILD/bench.json" <<'PY'
import json, sys
# Figures that depend on the firmware come per version, between
# "BENCH-FW VERSION" and "BENCH-FW -": they go under "fw" -> VERSION, each
# beside the baselines measured in the same run. The others stay at the
# top level.
out = {}
cur = out
for line in open(sys.argv[1]):
    if line.startswith("BENCH-FW "):
        v = line.split()[1]
        cur = out if v == "-" else out.setdefault("fw", {}).setdefault(v, {})
    elif line.startswith("BENCH-JSON "):
        cur.update(json.loads(line[len("BENCH-JSON "):]))
    elif line.startswith("BENCH-KV "):
        _, k, v = line.split()
        cur[k] = float(v)
# Event dispatch: nvsim raises -> client handler runs. The GSP-message
# path (RC event, process context) is the headline figure; the non-stall
# interrupt path (atomic context) is reported beside it.
ren = {"rc_p50_us": "event_dispatch_p50_us", "rc_p99_us": "event_dispatch_p99_us",
       "nonstall_p50_us": "event_dispatch_atomic_p50_us",
       "nonstall_p99_us": "event_dispatch_atomic_p99_us"}
for d in [out] + list(out.get("fw", {}).values()):
    for k, v in ren.items():
        if k in d:
            d[v] = d.pop(k)
if not out or not out.get("fw"):
    sys.exit("bench: no result")
json.dump(out, open(sys.argv[2], "w"), indent=2, sort_keys=True)
print(json.dumps(out, indent=2, sort_keys=True))
PY
