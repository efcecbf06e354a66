#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.pl (from Debian's linux-source-6.1) over every kernel source
# file of ours. CamelCase (NVIDIA's firmware struct names) is allowed, and
# so are the new-typedef and SPDX-location checks for userspace-shared
# headers.
set -uo pipefail
. "$(dirname "$0")/common.sh"
CP=$BUILD/checkpatch/scripts/checkpatch.pl
[ -x "$CP" ] || { echo "checkpatch.pl missing: run scripts/deps.sh" >&2; exit 1; }
cd "$ROOT"
files=$(git ls-files -co --exclude-standard -- 'core/*.[ch]' 'sim/*.[ch]' \
	'include/*.h' 'drm/*.[ch]' 'vgpu/*.[ch]' 'tests/vm/kmod/*.[ch]' | sort -u)
[ -n "$files" ] || exit 0
rc=0
for f in $files; do
	[ -f "$f" ] || continue
	out=$(perl "$CP" --no-tree --quiet --show-types --max-line-length=100 \
		--ignore CAMELCASE,FILE_PATH_CHANGES,SPDX_LICENSE_TAG -f "$f" 2>&1) || {
		echo "$out"
		rc=1
	}
done
exit $rc
