// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore sim bus backend: binds the platform devices registered by nvsim.
 *
 * Registers are reached through the callbacks in the device's platform data
 * (include/nvsim/nvsim_bus.h); DMA memory and the interrupt are the
 * platform device's own, so the core uses them exactly as on PCI.
 */
#include <linux/dma-mapping.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include <nvsim/nvsim_bus.h>

#include "../nvcore.h"

/**
 * struct nvc_sim_gpu - a GPU on the sim bus
 * @gpu: the core's GPU object
 * @pdata: nvsim's platform data (register callbacks, identity)
 */
struct nvc_sim_gpu {
	struct nvc_gpu gpu;
	const struct nvsim_bus_pdata *pdata;
};

static u32 nvc_sim_rd32(struct nvc_gpu *gpu, u32 addr)
{
	struct nvc_sim_gpu *sg = container_of(gpu, struct nvc_sim_gpu, gpu);

	return sg->pdata->rd32(gpu->dev, addr);
}

static void nvc_sim_wr32(struct nvc_gpu *gpu, u32 addr, u32 val)
{
	struct nvc_sim_gpu *sg = container_of(gpu, struct nvc_sim_gpu, gpu);

	sg->pdata->wr32(gpu->dev, addr, val);
}

/* The BAR1 view of VRAM, in pieces the device accepts. */
static int nvc_sim_vram_rw(struct nvc_gpu *gpu, u64 offset, void *buf,
			   size_t len, bool write)
{
	struct nvc_sim_gpu *sg = container_of(gpu, struct nvc_sim_gpu, gpu);
	size_t done = 0, n;
	int ret;

	if (!sg->pdata->vram_rw)
		return -EOPNOTSUPP;
	while (done < len) {
		n = min_t(size_t, len - done, NVSIM_VRAM_RW_MAX);
		ret = sg->pdata->vram_rw(gpu->dev, offset + done, buf + done, n,
					 write);
		if (ret)
			return ret;
		done += n;
	}
	return 0;
}

static int nvc_sim_vram_fill(struct nvc_gpu *gpu, u64 offset, u64 len,
			     u32 pattern)
{
	struct nvc_sim_gpu *sg = container_of(gpu, struct nvc_sim_gpu, gpu);

	if (!sg->pdata->ce_fill)
		return -EOPNOTSUPP;
	return sg->pdata->ce_fill(gpu->dev, offset, len, pattern);
}

/* nvsim's BAR1 aperture is system memory aliasing its VRAM. */
static int nvc_sim_vram_pfn(struct nvc_gpu *gpu, u64 offset, unsigned long *pfn,
			    bool *iomem)
{
	struct nvc_sim_gpu *sg = container_of(gpu, struct nvc_sim_gpu, gpu);

	if (!sg->pdata->bar1_pfn)
		return -EOPNOTSUPP;
	*iomem = false;
	return sg->pdata->bar1_pfn(gpu->dev, offset, pfn);
}

static const struct nvc_bus_ops nvc_sim_bus_ops = {
	.name = "sim",
	.rd32 = nvc_sim_rd32,
	.wr32 = nvc_sim_wr32,
	.vram_rw = nvc_sim_vram_rw,
	.vram_fill = nvc_sim_vram_fill,
	.vram_pfn = nvc_sim_vram_pfn,
};

static int nvc_sim_probe(struct platform_device *pdev)
{
	const struct nvsim_bus_pdata *pdata = dev_get_platdata(&pdev->dev);
	struct nvc_sim_gpu *sg;
	int irq, ret;

	if (!pdata || !pdata->rd32 || !pdata->wr32) {
		dev_err(&pdev->dev, "nvcore: sim device without bus callbacks\n");
		return -EINVAL;
	}
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;

	sg = kzalloc(sizeof(*sg), GFP_KERNEL);
	if (!sg)
		return -ENOMEM;
	sg->pdata = pdata;
	sg->gpu.dev = &pdev->dev;
	sg->gpu.bus = &nvc_sim_bus_ops;
	sg->gpu.irq = irq;
	sg->gpu.pci = (struct nvc_pci_ids) {
		.vendor = pdata->vendor,
		.device = pdata->device,
		.subvendor = pdata->subvendor,
		.subdevice = pdata->subdevice,
		.revision = pdata->revision,
		.bdf = pdata->bdf,
		.bar0_size = pdata->bar0_size,
		.bar1_size = pdata->bar1_size,
		.bar3_size = pdata->bar3_size,
	};
	platform_set_drvdata(pdev, &sg->gpu);

	ret = nvc_gpu_init(&sg->gpu);
	if (ret) {
		kfree(sg);
		return ret;
	}
	return 0;
}

static int nvc_sim_remove(struct platform_device *pdev)
{
	struct nvc_gpu *gpu = platform_get_drvdata(pdev);
	struct nvc_sim_gpu *sg = container_of(gpu, struct nvc_sim_gpu, gpu);

	nvc_gpu_fini(&sg->gpu);
	kfree(sg);
	return 0;
}

static const struct platform_device_id nvc_sim_ids[] = {
	{ .name = NVSIM_DEVICE_NAME },
	{ }
};
MODULE_DEVICE_TABLE(platform, nvc_sim_ids);

static struct platform_driver nvc_sim_driver = {
	.driver = {
		.name = "nvcore-sim",
	},
	.id_table = nvc_sim_ids,
	.probe = nvc_sim_probe,
	.remove = nvc_sim_remove,
};

int nvc_sim_backend_register(void)
{
	return platform_driver_register(&nvc_sim_driver);
}

void nvc_sim_backend_unregister(void)
{
	platform_driver_unregister(&nvc_sim_driver);
}
