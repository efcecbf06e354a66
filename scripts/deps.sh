#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# One dependency step for `make run`, `make check` and `make bench`.
#
# 1. Installs the Debian packages the build and the VM harness need, only
#    when some are missing (one `apt-get update` + `apt-get install`).
# 2. Fetches the kernel image whose ABI matches the installed
#    linux-headers-amd64 from the same apt state, and unpacks it into
#    build/kroot without installing it (no update-initramfs: seconds, not
#    minutes). build/kroot/.kver records "KVER VERSION".
#
# Quiet when everything is present; one clear message on failure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KROOT=${KROOT:-$ROOT/build/kroot}

die() { echo "deps: $*" >&2; exit 1; }

PKGS=(linux-headers-amd64 qemu-system-x86 busybox-static kmod cpio
      libdrm-dev libdrm-tests clang libclang-rt-14-dev mdevctl make gcc
      python3 xz-utils linux-source-6.1)

missing=()
for p in "${PKGS[@]}"; do
	st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$st" = installed ] || missing+=("$p")
done

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

if [ ${#missing[@]} -gt 0 ]; then
	echo "deps: installing ${missing[*]}"
	$SUDO apt-get update -qq >/dev/null || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null ||
		die "apt-get install ${missing[*]} failed"
fi

# The headers package pins the kernel ABI: linux-headers-<KVER> (= <VER>).
dep=$(dpkg-query -W -f='${Depends}' linux-headers-amd64) ||
	die "linux-headers-amd64 is not installed"
KVER=$(sed -n 's/^linux-headers-\([^ ]*\) (= \(.*\))$/\1/p' <<<"$dep")
VER=$(sed -n 's/^linux-headers-\([^ ]*\) (= \(.*\))$/\2/p' <<<"$dep")
[ -n "$KVER" ] && [ -n "$VER" ] || die "cannot parse linux-headers-amd64 Depends: '$dep'"
[ -d "/usr/src/linux-headers-$KVER" ] || die "/usr/src/linux-headers-$KVER missing"

if [ "$(cat "$KROOT/.kver" 2>/dev/null)" != "$KVER $VER" ]; then
	echo "deps: fetching linux-image-$KVER=$VER into $KROOT"
	rm -rf "$KROOT" "$KROOT.tmp"
	mkdir -p "$KROOT.tmp/deb"
	(cd "$KROOT.tmp/deb" && apt-get download -qq "linux-image-$KVER=$VER" >/dev/null 2>&1) || {
		$SUDO apt-get update -qq >/dev/null || true
		(cd "$KROOT.tmp/deb" && apt-get download -qq "linux-image-$KVER=$VER") ||
			die "cannot download linux-image-$KVER=$VER (headers and image must come from the same apt state)"
	}
	dpkg-deb -x "$KROOT.tmp/deb"/linux-image-*.deb "$KROOT.tmp/root" ||
		die "cannot unpack linux-image-$KVER"
	rm -rf "$KROOT.tmp/deb"
	mv "$KROOT.tmp/root" "$KROOT"
	rmdir "$KROOT.tmp"
	depmod -b "$KROOT" "$KVER" || die "depmod on $KROOT failed"
	echo "$KVER $VER" >"$KROOT/.kver"
fi
[ -f "$KROOT/boot/vmlinuz-$KVER" ] || die "$KROOT/boot/vmlinuz-$KVER missing"

# checkpatch.pl from Debian's 6.1 source tarball (for `make checkpatch`).
CP=$ROOT/build/checkpatch
if [ ! -x "$CP/scripts/checkpatch.pl" ]; then
	mkdir -p "$CP"
	tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$CP" --strip-components=1 \
		--wildcards '*/scripts/checkpatch.pl' '*/scripts/spelling.txt' \
		'*/scripts/const_structs.checkpatch' || die "cannot extract checkpatch.pl"
fi
exit 0
