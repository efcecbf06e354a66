# SPDX-License-Identifier: GPL-2.0
# Shared settings for the harness scripts (sourced, not run).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build
KROOT=${KROOT:-$BUILD/kroot}
read -r KVER KPKGVER <"$KROOT/.kver" || { echo "harness: run scripts/deps.sh first" >&2; exit 1; }
export ROOT BUILD KROOT KVER
