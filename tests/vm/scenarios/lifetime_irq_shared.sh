# SPDX-License-Identifier: GPL-2.0
#
# The GPU's interrupt line can be shared (the PCI backend falls back to
# INTx, which other functions may share): a second device requests the
# same line with IRQF_SHARED, both handlers run, and the GSP transport
# keeps working beside it and after it leaves.
# Driver lifetime, not firmware behaviour: the default personality only.
# vm-personality: no

D=/sys/kernel/debug/nvcore/gpu0
check boot sh -c "modprobe nvsim chip=ga102 && modprobe nvcore && modprobe nvcore_test"
irq=$(sed -n 's/^ *\([0-9]*\):.*nvcore-gsp.*/\1/p' /proc/interrupts | head -n 1)
check "GSP interrupt found ($irq)" test -n "$irq"
check "a second device shares the line" modprobe nvtest_irqshare irq="$irq"
P=/sys/module/nvtest_irqshare/parameters
check "RPCs answered with the line shared" sh -c "echo '2 500' >$D/rpc_selftest && grep -q 'ok 1000 bad 0 ' $D/rpc_selftest"
check "the other device's handler ran too ($(cat $P/calls 2>/dev/null) calls)" test "$(cat $P/calls 2>/dev/null)" -gt 0
check "the other device leaves" rmmod nvtest_irqshare
check "RPCs answered after it left" sh -c "echo '1 100' >$D/rpc_selftest && grep -q 'ok 100 bad 0 ' $D/rpc_selftest"
check unload rmmod nvcore_test nvcore nvsim
