# SPDX-License-Identifier: GPL-2.0
#
# Helpers for guest scenarios (sourced by /init). A scenario prints one
# "PASS: name" or "FAIL: name why" line per check; the host counts them.

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $*"; }

# check NAME CMD... : PASS if CMD succeeds.
check() {
	name=$1
	shift
	if out=$("$@" 2>&1); then
		pass "$name"
	else
		fail "$name" "($*: $(echo "$out" | tail -n 3 | tr '\n' ' '))"
	fi
}

# check_eq NAME GOT WANT
check_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "got '$2' want '$3'"
	fi
}

# wait_for SECONDS CMD... : retry CMD every 50 ms until it succeeds.
wait_for() {
	n=$(($1 * 20))
	shift
	while [ $n -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		usleep 50000
		n=$((n - 1))
	done
	return 1
}

# Mount the host's root read-only over virtio-9p at /host (scenarios that
# declare "# vm-args: --ninep").
mount_host() {
	modprobe -a virtio_pci 9pnet_virtio 9p || return 1
	mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144,cache=loose \
		hostroot /host || return 1
	for d in dev proc sys; do mount --bind /$d /host/$d; done
	mount -t tmpfs tmpfs /host/tmp
}

umount_host() {
	for d in tmp sys proc dev; do umount /host/$d; done
	umount /host
}

module_loaded() { grep -q "^$1 " /proc/modules; }

# rpc1 [DIR]: one NOP RPC through nvcore_test's self-test in the GPU's
# debugfs directory DIR (default $D); prints "ok" or the errno. The write
# itself must succeed exactly when the RPC did.
rpc1() {
	d=${1:-$D}
	if echo "1 1" >"$d/rpc_selftest" 2>/dev/null; then w=ok; else w=failed; fi
	r=$(cat "$d/rpc_selftest")
	case "$w $r" in
	"ok "*"ok 1 bad 0 "*) echo ok ;;
	"failed "*"ok 1 bad 0 "*) echo "write-failed-but-rpc-ok" ;;
	"ok "*) echo "write-ok-but-rpc-bad" ;;
	*) echo "$r" | sed 's/.*first_err \(-*[0-9]*\).*/\1/' ;;
	esac
}

# Module footprint (tour, vgpu_host). msize MOD...: sum of the /proc/modules
# sizes of the named modules (loaded ones only).
msize() {
	for m in "$@"; do
		awk -v m="$m" '$1 == m { print $2 }' /proc/modules
	done | awk '{ s += $1 } END { print s + 0 }'
}

# mod_names: loaded modules, one a line; mods_added BEFORE: the modules
# loaded now that were not in BEFORE (a mod_names output), space-separated.
mod_names() { awk '{ print $1 }' /proc/modules | sort; }
mods_added() {
	for m in $(mod_names); do
		echo "$1" | grep -qx "$m" || echo "$m"
	done | tr '\n' ' '
}
