#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Which firmware headers each object of a module was compiled against,
# read from Kbuild's dependency records (.<obj>.o.cmd), so an include
# through another header counts too. The rule (core/gsp/fw.h, DOC:
# firmware versions; sim/abi.h, DOC: nvsim firmware versions):
#   <dir>/r<NNN>/...  its version's headers (include/nvrm/<NNN>.*/) and
#                     the common ones;
#   <dir>/common/...  the common ones (include/nvrm/common/, nvrm_types.h);
#   anything else     no firmware header at all.
# One exception, documented in docs/nvsim.md: the vGPU guest buffers of
# include/nvrm/570.144/vgpu_guest.h are used under every version (535
# publishes no layout for them).
# Usage: fwdeps.sh ROOT MODULE [DIR]: checks ROOT/MODULE.mod's objects
# under DIR (default: all). Prints PASS/FAIL lines; exit status 1 on FAIL.
set -uo pipefail
root=$1 mod=$2 dir=${3:-}
list=$root/$mod.mod
if [ ! -f "$list" ]; then
	echo "FAIL: static: $mod: no $mod.mod (build first)"
	exit 1
fi
bad=0 n=0
for o in $(tr ' ' '\n' <"$list"); do
	rel=${o#"$root"/}
	[ -z "$dir" ] || [[ $rel == "$dir"/* ]] || continue
	cmd=$(dirname "$o")/.$(basename "$o").cmd
	if [ ! -f "$cmd" ]; then
		echo "FAIL: static: $mod: no dependency record for $rel"
		bad=1
		continue
	fi
	n=$((n + 1))
	case $rel in
	*/r[0-9][0-9][0-9]/*)
		v=${rel#*/r}; v=${v%%/*}
		allow="^include/nvrm/(nvrm_types\.h|common/|$v\.[^/]*/|570\.144/vgpu_guest\.h$)" ;;
	*/common/*)
		allow='^include/nvrm/(nvrm_types\.h|common/)' ;;
	*)
		allow='^$' ;;
	esac
	# Headers reach each other through "../": name them canonically.
	for h in $(grep -o "$root/include/nvrm/[^ ]*" "$cmd" |
		   xargs -r realpath -m --relative-to="$root" | sort -u); do
		if ! [[ $h =~ $allow ]]; then
			echo "FAIL: static: $mod: $rel depends on $h"
			bad=1
		fi
	done
done
if [ $bad = 0 ]; then
	echo "PASS: static: $mod: firmware headers only where the version layer allows ($n objects${dir:+ under $dir})"
fi
exit $bad
