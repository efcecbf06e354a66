// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: a simulated GSP-RM GPU.
 *
 * DOC: nvsim device model
 *
 * Each simulated GPU is a platform device named "nvsim-gpu" carrying a
 * &struct nvsim_bus_pdata (see include/nvsim/nvsim_bus.h): BAR0 register
 * callbacks, PCI identity and one interrupt. Interrupts come from a private
 * linear irq_domain (the kernel's irq_sim is not exported in 6.1) and are
 * raised from irq_work, so the driver's handler runs in genuine hard-IRQ
 * context exactly as it would for an MSI.
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

/*
 * BOOT_0: architecture 28:24, implementation 23:20, revision 7:0.
 * BOOT_42: architecture 29:24, implementation 23:20, major 19:16,
 * minor 15:12. All three chips are simulated as revision A1.
 */
static const struct nvsim_chip nvsim_chips[] = {
	{
		.name = "tu102", .boot0 = 0x162000a1, .boot42 = 0x162a1000,
		.pci_device = 0x1e30, .vram_size = 24ULL << 30,
		.bar1_size = 256ULL << 20,
	}, {
		.name = "ga102", .boot0 = 0x172000a1, .boot42 = 0x172a1000,
		.pci_device = 0x2230, .vram_size = 48ULL << 30,
		.bar1_size = 256ULL << 20,
	}, {
		.name = "ad102", .boot0 = 0x192000a1, .boot42 = 0x192a1000,
		.pci_device = 0x26b5, .vram_size = 48ULL << 30,
		.bar1_size = 256ULL << 20,
	},
};

static struct nvsim_gpu *nvsim_gpus[NVSIM_MAX_GPUS];
static unsigned int nvsim_ngpus;
static struct irq_domain *nvsim_irq_domain;
static struct fwnode_handle *nvsim_irq_fwnode;

static const struct nvsim_chip *nvsim_chip_lookup(const char *name, size_t len)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nvsim_chips); i++)
		if (strlen(nvsim_chips[i].name) == len &&
		    !strncmp(nvsim_chips[i].name, name, len))
			return &nvsim_chips[i];
	return NULL;
}

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

static void nvsim_irq_work_fn(struct irq_work *work)
{
	struct nvsim_gpu *gpu = container_of(work, struct nvsim_gpu, irq_work);

	generic_handle_domain_irq(nvsim_irq_domain, gpu->irq_hwirq);
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
	irq_work_queue(&gpu->irq_work);
}

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
	struct nvsim_gpu *gpu;
	int ret;

	if (!c) {
		pr_err("nvsim: unknown chip in '%s' for GPU %u\n", chip, index);
		return -EINVAL;
	}

	gpu = kzalloc(sizeof(*gpu), GFP_KERNEL);
	if (!gpu)
		return -ENOMEM;
	gpu->index = index;
	gpu->chip = c;
	gpu->irq_hwirq = index;
	spin_lock_init(&gpu->reg_lock);
	init_irq_work(&gpu->irq_work, nvsim_irq_work_fn);
	nvsim_reg_init(gpu);

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
	};

	gpu->irq = irq_create_mapping(nvsim_irq_domain, gpu->irq_hwirq);
	if (!gpu->irq) {
		ret = -ENXIO;
		goto err_free;
	}
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
	irq_dispose_mapping(gpu->irq);
err_free:
	kfree(gpu);
	return ret;
}

static void nvsim_gpu_destroy(struct nvsim_gpu *gpu)
{
	/* Unbinds the driver first: nothing calls into this GPU after this. */
	platform_device_unregister(gpu->pdev);
	irq_work_sync(&gpu->irq_work);
	nvsim_gpus[gpu->index] = NULL;
	irq_dispose_mapping(gpu->irq);
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
	nvsim_irq_domain = irq_domain_create_linear(nvsim_irq_fwnode,
						    NVSIM_MAX_GPUS,
						    &nvsim_irq_domain_ops, NULL);
	if (!nvsim_irq_domain) {
		ret = -ENOMEM;
		goto err_fwnode;
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
err_fwnode:
	irq_domain_free_fwnode(nvsim_irq_fwnode);
	return ret;
}

static void __exit nvsim_exit(void)
{
	while (nvsim_ngpus)
		nvsim_gpu_destroy(nvsim_gpus[--nvsim_ngpus]);
	irq_domain_remove(nvsim_irq_domain);
	irq_domain_free_fwnode(nvsim_irq_fwnode);
}

module_init(nvsim_init);
module_exit(nvsim_exit);

MODULE_DESCRIPTION("nvsim: simulated NVIDIA GSP-RM GPU");
MODULE_LICENSE("GPL");
