// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: bring-up and tear-down of one GPU, independent of the bus.
 */
#include <linux/idr.h>
#include <linux/module.h>

#include "nvcore.h"

static DEFINE_IDA(nvc_gpu_ida);

/**
 * nvc_gpu_init() - bring up a GPU found by a bus backend
 * @gpu: GPU with @dev, @bus, @irq and @pci filled in by the backend
 *
 * Return: 0 on success or a negative errno; on failure everything this
 * function acquired has been released.
 */
int nvc_gpu_init(struct nvc_gpu *gpu)
{
	int ret;

	ret = ida_alloc(&nvc_gpu_ida, GFP_KERNEL);
	if (ret < 0)
		return ret;
	gpu->index = ret;

	ret = nvc_chip_identify(gpu);
	if (ret)
		goto err_ida;

	dev_info(gpu->dev, "nvcore: GPU %d: %s (chipset %#x rev %#x) on the %s bus, PCI %04x:%04x\n",
		 gpu->index, gpu->chip.name, gpu->chip.chipset,
		 gpu->chip.revision, gpu->bus->name, gpu->pci.vendor,
		 gpu->pci.device);
	return 0;

err_ida:
	ida_free(&nvc_gpu_ida, gpu->index);
	return ret;
}

/**
 * nvc_gpu_fini() - tear down what nvc_gpu_init() set up
 * @gpu: the GPU
 */
void nvc_gpu_fini(struct nvc_gpu *gpu)
{
	dev_info(gpu->dev, "nvcore: GPU %d: removed\n", gpu->index);
	ida_free(&nvc_gpu_ida, gpu->index);
}
