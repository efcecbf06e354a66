// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: bring-up and tear-down of one GPU, independent of the bus.
 */
#include <linux/idr.h>
#include <linux/module.h>

#include "nvcore.h"
#include "gsp/gsp.h"

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

	spin_lock_init(&gpu->arm_lock);
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

	ret = nvc_res_early_init(gpu);
	if (ret)
		goto err_ida;
	ret = nvc_gsp_init(gpu);
	if (ret)
		goto err_early;
	gpu->boot_ns = gpu->gsp->boot_ns;
	ret = nvc_res_init(gpu);
	if (ret)
		goto err_res;
	ret = nvc_event_init(gpu);
	if (ret)
		goto err_res;
	ret = nvc_sysfs_init(gpu);
	if (ret)
		goto err_res;
	nvc_debugfs_gpu_init(gpu);
	nvc_recovery_init(gpu);
	ret = nvc_aux_create(gpu);
	if (ret)
		goto err_recovery;
	dev_info(gpu->dev, "nvcore: GPU %d: %s, %llu MiB VRAM (%llu MiB usable in %u regions), %u engines (%u copy), %u display heads\n",
		 gpu->index, gpu->info.name, gpu->info.vram_size >> 20,
		 gpu->info.vram_usable >> 20, gpu->info.nr_vram_regions,
		 gpu->info.nr_engines, gpu->info.nr_copy_engines,
		 gpu->info.nr_display_heads);
	return 0;

err_recovery:
	nvc_aux_shutdown(gpu);
	nvc_recovery_fini(gpu);
	nvc_debugfs_gpu_fini(gpu);
	nvc_sysfs_fini(gpu);
err_res:
	nvc_gsp_fini(gpu);
	nvc_event_fini(gpu);
err_early:
	nvc_res_fini(gpu);
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
	/* Teardown contract: clients first, then the GSP. */
	nvc_aux_shutdown(gpu);
	nvc_recovery_fini(gpu);
	nvc_debugfs_gpu_fini(gpu);
	nvc_sysfs_fini(gpu);
	nvc_gsp_fini(gpu);
	nvc_event_fini(gpu);
	nvc_res_fini(gpu);
	dev_info(gpu->dev, "nvcore: GPU %d: removed\n", gpu->index);
	ida_free(&nvc_gpu_ida, gpu->index);
}
