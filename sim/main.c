// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: a simulated GSP-RM GPU.
 *
 * DOC: nvsim device model
 *
 * Each simulated GPU is a platform device named "nvsim-gpu" carrying a
 * &struct nvsim_bus_pdata (see include/nvsim/nvsim_bus.h): BAR0 register
 * callbacks, VRAM callbacks (sim/vram.c), PCI identity and one interrupt.
 * Interrupts come from a private linear irq_domain (the kernel's irq_sim is
 * not exported in 6.1) and are raised from irq_work, so the driver's
 * handler runs in genuine hard-IRQ context exactly as it would for an MSI.
 *
 * A bus notifier tracks whether a driver is bound: nvsim only touches the
 * driver's DMA memory from the moment probing starts until the driver is
 * unbound (or fails to probe), like a function whose bus mastering is
 * switched off when its driver goes away; GSP-RM stops when that happens.
 */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#include "nvsim.h"

static unsigned int gpus = 1;
module_param(gpus, uint, 0444);
MODULE_PARM_DESC(gpus, "Number of simulated GPUs (1-8, default 1)");

static char *chip = "ga102";
module_param(chip, charp, 0444);
MODULE_PARM_DESC(chip, "Simulated chip(s): tu102, ga102 or ad102; a comma-separated list gives one per GPU (default ga102)");

static char *fw = "";
module_param(fw, charp, 0444);
MODULE_PARM_DESC(fw, "GSP-RM version each GPU runs: 535.113.01 or 570.144 whatever image the driver uploads, or auto (the default: the image's version); a comma-separated list gives one per GPU");

/* Firmware versions nvsim plays (sim/abi.h), newest first. */
static const struct nvsim_abi *const nvsim_abis[] = {
	&nvsim_abi_r570,
	&nvsim_abi_r535,
};

static struct nvsim_gpu *nvsim_gpus[NVSIM_MAX_GPUS];
static unsigned int nvsim_ngpus;
static struct irq_domain *nvsim_irq_domain;
static struct fwnode_handle *nvsim_irq_fwnode;

/* The chip of GPU @index: the index-th list element, or the last one. */
static const struct nvsim_chip *nvsim_chip_for(unsigned int index)
{
	const char *p = chip, *end;
	unsigned int i = 0;

	for (;;) {
		end = strchrnul(p, ',');
		if (i == index || !*end)
			return nvsim_chip_lookup(p, end - p);
		p = end + 1;
		i++;
	}
}

/**
 * nvsim_abi_find() - the firmware version nvsim plays for a version string
 * @version: version string, not necessarily NUL-terminated
 * @len: its length
 *
 * Return: the version, or NULL if nvsim does not play it.
 */
const struct nvsim_abi *nvsim_abi_find(const char *version, size_t len)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nvsim_abis); i++)
		if (strlen(nvsim_abis[i]->version) == len &&
		    !memcmp(nvsim_abis[i]->version, version, len))
			return nvsim_abis[i];
	return NULL;
}

/*
 * fw= of GPU @index (the index-th list element, or the last one): NULL in
 * @abi for "auto" or an empty list. Returns -EINVAL for an unknown version.
 */
static int nvsim_fw_for(unsigned int index, const struct nvsim_abi **abi)
{
	const char *p = fw, *end;
	unsigned int i = 0;

	for (;;) {
		end = strchrnul(p, ',');
		if (i == index || !*end)
			break;
		p = end + 1;
		i++;
	}
	*abi = NULL;
	if (end == p || (end - p == 4 && !memcmp(p, "auto", 4)))
		return 0;
	*abi = nvsim_abi_find(p, end - p);
	return *abi ? 0 : -EINVAL;
}

/* The device's id is its GPU index; the slot is live while it is registered. */
static struct nvsim_gpu *nvsim_gpu_from_dev(struct device *dev)
{
	int id = to_platform_device(dev)->id;

	if (id < 0 || id >= NVSIM_MAX_GPUS)
		return NULL;
	return nvsim_gpus[id];
}

static u32 nvsim_bus_rd32(struct device *dev, u32 addr)
{
	struct nvsim_gpu *gpu = nvsim_gpu_from_dev(dev);

	return gpu ? nvsim_reg_read(gpu, addr) : ~0u;
}

static void nvsim_bus_wr32(struct device *dev, u32 addr, u32 val)
{
	struct nvsim_gpu *gpu = nvsim_gpu_from_dev(dev);

	if (gpu)
		nvsim_reg_write(gpu, addr, val);
}

static int nvsim_bus_vram_rw(struct device *dev, u64 offset, void *buf,
			     size_t len, bool write)
{
	struct nvsim_gpu *gpu = nvsim_gpu_from_dev(dev);

	return gpu ? nvsim_vram_rw(gpu, offset, buf, len, write) : -ENODEV;
}

static int nvsim_bus_ce_fill(struct device *dev, u64 offset, u64 len,
			     u32 pattern)
{
	struct nvsim_gpu *gpu = nvsim_gpu_from_dev(dev);

	return gpu ? nvsim_ce_fill(gpu, offset, len, pattern) : -ENODEV;
}

static int nvsim_bus_bar1_pfn(struct device *dev, u64 offset,
			      unsigned long *pfn)
{
	struct nvsim_gpu *gpu = nvsim_gpu_from_dev(dev);

	return gpu ? nvsim_vram_pfn(gpu, offset, pfn) : -ENODEV;
}

/**
 * nvsim_gpu_get() - a GPU by index
 * @index: GPU number
 *
 * GPUs live from module load to module unload; a caller that holds a
 * reference on the module (a debugfs file, a module using nvsim's exports)
 * may use the result until it drops that reference.
 *
 * Return: the GPU or NULL.
 */
struct nvsim_gpu *nvsim_gpu_get(unsigned int index)
{
	if (index >= NVSIM_MAX_GPUS)
		return NULL;
	return READ_ONCE(nvsim_gpus[index]);
}

/*
 * The flow handler drops an interrupt raised while the handler still runs
 * on another CPU. Like a level-triggered line, fire again if the line is
 * still asserted and something was raised during the handler; this repeats
 * at most once per raise, so a driver that leaves a bit pending cannot make
 * it loop.
 */
static void nvsim_irq_work_fn(struct irq_work *work)
{
	struct nvsim_gpu *gpu = container_of(work, struct nvsim_gpu, irq_work);
	int gen = atomic_read(&gpu->irq_gen);

	generic_handle_domain_irq(nvsim_irq_domain, gpu->irq_hwirq);
	if (atomic_read(&gpu->irq_gen) != gen && nvsim_irq_asserted(gpu))
		irq_work_queue(&gpu->irq_work);
}

/**
 * nvsim_raise_irq() - assert the GPU's interrupt line
 * @gpu: the GPU
 *
 * The interrupt is delivered from irq_work, in hard-IRQ context, to
 * whatever handler the driver requested.
 */
void nvsim_raise_irq(struct nvsim_gpu *gpu)
{
	atomic_inc(&gpu->irq_gen);
	irq_work_queue(&gpu->irq_work);
}

/* Follow the driver binding of our devices (see the DOC comment). */
static int nvsim_bus_notify(struct notifier_block *nb, unsigned long action,
			    void *data)
{
	struct platform_device *pdev = to_platform_device(data);
	struct nvsim_gpu *gpu;

	if (strcmp(pdev->name, NVSIM_DEVICE_NAME))
		return NOTIFY_DONE;
	gpu = nvsim_gpu_from_dev(&pdev->dev);
	if (!gpu)
		return NOTIFY_DONE;
	switch (action) {
	case BUS_NOTIFY_BIND_DRIVER:
		nvsim_dma_enable(gpu, true);
		break;
	case BUS_NOTIFY_UNBOUND_DRIVER:
	case BUS_NOTIFY_DRIVER_NOT_BOUND:
		nvsim_dma_enable(gpu, false);
		nvsim_kick(gpu);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block nvsim_bus_nb = {
	.notifier_call = nvsim_bus_notify,
};

static int nvsim_irq_map(struct irq_domain *d, unsigned int virq,
			 irq_hw_number_t hw)
{
	irq_set_chip_and_handler(virq, &dummy_irq_chip, handle_simple_irq);
	irq_set_noprobe(virq);
	return 0;
}

static const struct irq_domain_ops nvsim_irq_domain_ops = {
	.map = nvsim_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

static int nvsim_gpu_create(unsigned int index)
{
	const struct nvsim_chip *c = nvsim_chip_for(index);
	struct platform_device_info info = {
		.name = NVSIM_DEVICE_NAME,
		.id = index,
		.data = NULL,
		.dma_mask = DMA_BIT_MASK(64),
	};
	struct resource res = {};
	const struct nvsim_abi *forced;
	struct nvsim_gpu *gpu;
	int ret;

	if (!c) {
		pr_err("nvsim: unknown chip in '%s' for GPU %u\n", chip, index);
		return -EINVAL;
	}
	if (nvsim_fw_for(index, &forced)) {
		pr_err("nvsim: unknown firmware version in fw='%s' for GPU %u\n",
		       fw, index);
		return -EINVAL;
	}

	gpu = kzalloc(sizeof(*gpu), GFP_KERNEL);
	if (!gpu)
		return -ENOMEM;
	gpu->index = index;
	gpu->personality = nvsim_personality_default();
	gpu->chip = c;
	gpu->fw_forced = forced;
	gpu->abi = forced ? forced : &nvsim_abi_r535;
	gpu->irq_hwirq = index;
	spin_lock_init(&gpu->reg_lock);
	mutex_init(&gpu->dma_lock);
	spin_lock_init(&gpu->fault_lock);
	spin_lock_init(&gpu->event_lock);
	INIT_LIST_HEAD(&gpu->events);
	init_waitqueue_head(&gpu->wq);
	init_completion(&gpu->reset_done);
	hash_init(gpu->rm.objs);
	prandom_seed_state(&gpu->faults.rnd, 0);
	init_irq_work(&gpu->irq_work, nvsim_irq_work_fn);
	nvsim_reg_init(gpu);
	nvsim_vram_init(gpu);
	spin_lock_init(&gpu->mmu.lock);
	mutex_init(&gpu->mmu.query_lock);
	ret = nvsim_vgpu_init(gpu);
	if (ret)
		goto err_vram;
	ret = nvsim_fifo_init(gpu);
	if (ret)
		goto err_free;

	gpu->pdata = (struct nvsim_bus_pdata) {
		.rd32 = nvsim_bus_rd32,
		.wr32 = nvsim_bus_wr32,
		.vendor = 0x10de,
		.device = c->pci_device,
		.subvendor = 0x10de,
		.subdevice = 0x1000 + index,
		.revision = 0xa1,
		.bar0_size = SZ_16M,
		.bar1_size = c->bar1_size,
		.bar3_size = SZ_32M,
		.bdf = (0x10 + index) << 8,
		.vram_rw = nvsim_bus_vram_rw,
		.ce_fill = nvsim_bus_ce_fill,
		.bar1_pfn = nvsim_bus_bar1_pfn,
	};

	gpu->irq = irq_create_mapping(nvsim_irq_domain, gpu->irq_hwirq);
	if (!gpu->irq) {
		ret = -ENXIO;
		goto err_free;
	}
	ret = nvsim_gsp_start(gpu);
	if (ret)
		goto err_irq;
	nvsim_debugfs_gpu_init(gpu);
	nvsim_vgpu_debugfs(gpu);
	res = (struct resource)DEFINE_RES_IRQ_NAMED(gpu->irq, "gsp");

	info.data = &gpu->pdata;
	info.size_data = sizeof(gpu->pdata);
	info.res = &res;
	info.num_res = 1;

	/* Publish before registering: the driver may probe immediately. */
	nvsim_gpus[index] = gpu;
	gpu->pdev = platform_device_register_full(&info);
	if (IS_ERR(gpu->pdev)) {
		ret = PTR_ERR(gpu->pdev);
		goto err_unpublish;
	}
	pr_info("nvsim: GPU %u: %s (BOOT_0 %#010x), %llu MiB VRAM\n",
		index, c->name, c->boot0, c->vram_size >> 20);
	return 0;

err_unpublish:
	nvsim_gpus[index] = NULL;
	nvsim_debugfs_gpu_exit(gpu);
	nvsim_gsp_stop(gpu);
err_irq:
	irq_dispose_mapping(gpu->irq);
err_free:
	nvsim_fifo_fini(gpu);
	nvsim_vgpu_fini(gpu);
err_vram:
	nvsim_vram_fini(gpu);
	kfree(gpu);
	return ret;
}

static void nvsim_gpu_destroy(struct nvsim_gpu *gpu)
{
	nvsim_debugfs_gpu_exit(gpu);
	/* Unbinds the driver first: nothing calls into this GPU after this. */
	platform_device_unregister(gpu->pdev);
	nvsim_gsp_stop(gpu);
	irq_work_sync(&gpu->irq_work);
	nvsim_gpus[gpu->index] = NULL;
	irq_dispose_mapping(gpu->irq);
	nvsim_fifo_fini(gpu);
	nvsim_vgpu_fini(gpu);
	nvsim_vram_fini(gpu);
	kfree(gpu);
}

static int __init nvsim_init(void)
{
	unsigned int i;
	int ret;

	if (gpus < 1 || gpus > NVSIM_MAX_GPUS) {
		pr_err("nvsim: gpus=%u out of range 1-%d\n", gpus, NVSIM_MAX_GPUS);
		return -EINVAL;
	}

	nvsim_irq_fwnode = irq_domain_alloc_named_fwnode("nvsim");
	if (!nvsim_irq_fwnode)
		return -ENOMEM;
	ret = bus_register_notifier(&platform_bus_type, &nvsim_bus_nb);
	if (ret)
		goto err_fwnode;
	nvsim_debugfs_init();
	nvsim_irq_domain = irq_domain_create_linear(nvsim_irq_fwnode,
						    NVSIM_MAX_GPUS,
						    &nvsim_irq_domain_ops, NULL);
	if (!nvsim_irq_domain) {
		ret = -ENOMEM;
		goto err_notifier;
	}

	for (i = 0; i < gpus; i++) {
		ret = nvsim_gpu_create(i);
		if (ret)
			goto err_gpus;
		nvsim_ngpus++;
	}
	return 0;

err_gpus:
	while (nvsim_ngpus)
		nvsim_gpu_destroy(nvsim_gpus[--nvsim_ngpus]);
	irq_domain_remove(nvsim_irq_domain);
err_notifier:
	nvsim_debugfs_exit();
	bus_unregister_notifier(&platform_bus_type, &nvsim_bus_nb);
err_fwnode:
	irq_domain_free_fwnode(nvsim_irq_fwnode);
	return ret;
}

static void __exit nvsim_exit(void)
{
	while (nvsim_ngpus)
		nvsim_gpu_destroy(nvsim_gpus[--nvsim_ngpus]);
	irq_domain_remove(nvsim_irq_domain);
	nvsim_debugfs_exit();
	bus_unregister_notifier(&platform_bus_type, &nvsim_bus_nb);
	irq_domain_free_fwnode(nvsim_irq_fwnode);
}

module_init(nvsim_init);
module_exit(nvsim_exit);

MODULE_DESCRIPTION("nvsim: simulated NVIDIA GSP-RM GPU");
MODULE_LICENSE("GPL");
