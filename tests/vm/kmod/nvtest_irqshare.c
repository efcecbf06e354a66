// SPDX-License-Identifier: GPL-2.0
/*
 * nvtest_irqshare: a second device on the GPU's interrupt line, as on a
 * PCI INTx line shared with another function. Loading it requests the
 * line given by ``irq`` with IRQF_SHARED; ``calls`` counts how often its
 * handler ran. It never claims an interrupt.
 */
#include <linux/atomic.h>
#include <linux/interrupt.h>
#include <linux/module.h>

static int irq = -1;
module_param(irq, int, 0444);
MODULE_PARM_DESC(irq, "Linux interrupt number to share");

static atomic_t nvtest_calls = ATOMIC_INIT(0);

static int nvtest_calls_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&nvtest_calls));
}

static const struct kernel_param_ops nvtest_calls_ops = {
	.get = nvtest_calls_get,
};
module_param_cb(calls, &nvtest_calls_ops, NULL, 0444);
MODULE_PARM_DESC(calls, "Times the handler ran");

static irqreturn_t nvtest_irq(int irq, void *arg)
{
	atomic_inc(&nvtest_calls);
	return IRQ_NONE;
}

static int __init nvtest_irqshare_init(void)
{
	if (irq < 0)
		return -EINVAL;
	return request_irq(irq, nvtest_irq, IRQF_SHARED, "nvtest-irqshare",
			   &nvtest_calls);
}

static void __exit nvtest_irqshare_exit(void)
{
	free_irq(irq, &nvtest_calls);
}

module_init(nvtest_irqshare_init);
module_exit(nvtest_irqshare_exit);
MODULE_DESCRIPTION("nvcore test: share the GPU's interrupt line");
MODULE_LICENSE("GPL");
