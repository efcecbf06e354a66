// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore PCI bus backend: binds NVIDIA display-class functions.
 *
 * BAR0 is mapped for registers, DMA goes through the DMA API on the PCI
 * function and the interrupt is an MSI (or INTx) vector. Chips nvcore
 * cannot boot are refused in probe with one clear message.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "../nvcore.h"

/**
 * struct nvc_pci_gpu - a GPU on the PCI bus
 * @gpu: the core's GPU object
 * @pdev: the PCI function
 * @bar0: BAR0 register mapping
 */
struct nvc_pci_gpu {
	struct nvc_gpu gpu;
	struct pci_dev *pdev;
	void __iomem *bar0;
};

static u32 nvc_pci_rd32(struct nvc_gpu *gpu, u32 addr)
{
	struct nvc_pci_gpu *pg = container_of(gpu, struct nvc_pci_gpu, gpu);

	if (addr > gpu->pci.bar0_size - 4)
		return ~0u;
	return ioread32(pg->bar0 + addr);
}

static void nvc_pci_wr32(struct nvc_gpu *gpu, u32 addr, u32 val)
{
	struct nvc_pci_gpu *pg = container_of(gpu, struct nvc_pci_gpu, gpu);

	if (addr <= gpu->pci.bar0_size - 4)
		iowrite32(val, pg->bar0 + addr);
}

static const struct nvc_bus_ops nvc_pci_bus_ops = {
	.name = "pci",
	.rd32 = nvc_pci_rd32,
	.wr32 = nvc_pci_wr32,
};

static int nvc_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nvc_pci_gpu *pg;
	int ret;

	pg = kzalloc(sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return -ENOMEM;
	pg->pdev = pdev;

	ret = pci_enable_device_mem(pdev);
	if (ret)
		goto err_free;
	ret = pci_request_region(pdev, 0, "nvcore");
	if (ret)
		goto err_disable;
	pg->gpu.pci = (struct nvc_pci_ids) {
		.vendor = pdev->vendor,
		.device = pdev->device,
		.subvendor = pdev->subsystem_vendor,
		.subdevice = pdev->subsystem_device,
		.revision = pdev->revision,
		.bdf = pci_domain_nr(pdev->bus) << 16 | pdev->bus->number << 8 |
		       pdev->devfn,
		.bar0_size = pci_resource_len(pdev, 0),
		.bar1_size = pci_resource_len(pdev, 1),
		.bar3_size = pci_resource_len(pdev, 3),
		.bar0_base = pci_resource_start(pdev, 0),
		.bar1_base = pci_resource_start(pdev, 1),
		.bar3_base = pci_resource_start(pdev, 3),
	};
	if (pg->gpu.pci.bar0_size < 4) {
		dev_err(&pdev->dev, "nvcore: BAR0 missing\n");
		ret = -ENODEV;
		goto err_region;
	}
	pg->bar0 = pci_iomap(pdev, 0, 0);
	if (!pg->bar0) {
		ret = -ENOMEM;
		goto err_region;
	}
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(47));
	if (ret)
		goto err_unmap;
	pci_set_master(pdev);

	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_LEGACY);
	if (ret < 0)
		goto err_unmap;
	pg->gpu.irq = pci_irq_vector(pdev, 0);
	pg->gpu.dev = &pdev->dev;
	pg->gpu.bus = &nvc_pci_bus_ops;
	pci_set_drvdata(pdev, &pg->gpu);

	ret = nvc_gpu_init(&pg->gpu);
	if (ret)
		goto err_irq;
	return 0;

err_irq:
	pci_free_irq_vectors(pdev);
	pci_clear_master(pdev);
err_unmap:
	pci_iounmap(pdev, pg->bar0);
err_region:
	pci_release_region(pdev, 0);
err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(pg);
	return ret;
}

static void nvc_pci_remove(struct pci_dev *pdev)
{
	struct nvc_gpu *gpu = pci_get_drvdata(pdev);
	struct nvc_pci_gpu *pg = container_of(gpu, struct nvc_pci_gpu, gpu);

	nvc_gpu_fini(&pg->gpu);
	pci_free_irq_vectors(pdev);
	pci_clear_master(pdev);
	pci_iounmap(pdev, pg->bar0);
	pci_release_region(pdev, 0);
	pci_disable_device(pdev);
	kfree(pg);
}

#define NVC_PCI_CLASS(cls) {					\
	.vendor = PCI_VENDOR_ID_NVIDIA, .device = PCI_ANY_ID,		\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID,		\
	.class = (cls) << 8, .class_mask = 0xffff00 }

static const struct pci_device_id nvc_pci_ids[] = {
	NVC_PCI_CLASS(PCI_CLASS_DISPLAY_VGA),
	NVC_PCI_CLASS(PCI_CLASS_DISPLAY_3D),
	{ }
};
MODULE_DEVICE_TABLE(pci, nvc_pci_ids);

static struct pci_driver nvc_pci_driver = {
	.name = "nvcore",
	.id_table = nvc_pci_ids,
	.probe = nvc_pci_probe,
	.remove = nvc_pci_remove,
};

int nvc_pci_backend_register(void)
{
	return pci_register_driver(&nvc_pci_driver);
}

void nvc_pci_backend_unregister(void)
{
	pci_unregister_driver(&nvc_pci_driver);
}
