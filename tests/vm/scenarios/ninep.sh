# SPDX-License-Identifier: GPL-2.0
#
# The host root over virtio-9p (read-only): host-built dynamic programs run
# in the guest against the guest's kernel (libdrm tools, mdevctl, ...).
# vm-args: --ninep

check "mount host root" mount_host
check "host root is read-only" sh -c '! touch /host/nvtest-probe 2>/dev/null'
check_eq "a host dynamic binary runs on the guest kernel" \
	"$(chroot /host /bin/sh -c 'uname -r')" "$(uname -r)"
check "libdrm's modetest is there" test -x /host/usr/bin/modetest
check "mdevctl runs" chroot /host /usr/bin/mdevctl types
check "unmount" umount_host
