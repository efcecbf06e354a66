// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: bring-up and tear-down of one GPU, independent of the bus.
 */
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/slab.h>

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
	nvc_recovery_init(gpu);
	/*
	 * The client devices exist before the policy attribute that replaces
	 * them is published, and are made under its lock all the same.
	 */
	mutex_lock(&gpu->res.aux.lock);
	ret = nvc_aux_create(gpu);
	mutex_unlock(&gpu->res.aux.lock);
	if (ret)
		goto err_recovery;
	ret = nvc_sysfs_init(gpu);
	if (ret)
		goto err_aux;
	nvc_debugfs_gpu_init(gpu);
	dev_info(gpu->dev, "nvcore: GPU %d: %s, %llu MiB VRAM (%llu MiB usable in %u regions), %u engines (%u copy), %u display heads\n",
		 gpu->index, gpu->info.name, gpu->info.vram_size >> 20,
		 gpu->info.vram_usable >> 20, gpu->info.nr_vram_regions,
		 gpu->info.nr_engines, gpu->info.nr_copy_engines,
		 gpu->info.nr_display_heads);
	return 0;

err_aux:
	nvc_aux_shutdown(gpu);
err_recovery:
	nvc_recovery_fini(gpu);
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
	/*
	 * Long operations first: a self-test or benchmark stops at its next
	 * RPC, so removing debugfs (which waits for them) is quick. Then
	 * the reverse of nvc_gpu_init(): the teardown contract puts the
	 * clients first and the GSP last.
	 */
	WRITE_ONCE(gpu->going, true);
	nvc_debugfs_gpu_fini(gpu);
	nvc_sysfs_fini(gpu);
	nvc_aux_shutdown(gpu);
	nvc_recovery_fini(gpu);
	nvc_gsp_fini(gpu);
	nvc_event_fini(gpu);
	nvc_res_fini(gpu);
	dev_info(gpu->dev, "nvcore: GPU %d: removed\n", gpu->index);
	ida_free(&nvc_gpu_ida, gpu->index);
}

/**
 * nvc_gpu_enumerate() - enumerate the hardware, publish it once
 * @gpu: the GPU
 * @gsp: its freshly booted GSP
 *
 * The configuration is found aside and copied to &nvc_gpu.info at the
 * first boot only: clients keep pointers to it and sysfs reads it without
 * a lock, so it never changes afterwards. A reboot (recovery) must find
 * the same configuration, or it fails and the GPU stays lost.
 *
 * Return: 0, -EIO for a GPU that came back different, or a negative errno
 * from the enumeration.
 */
int nvc_gpu_enumerate(struct nvc_gpu *gpu, struct nvc_gsp *gsp)
{
	struct nvc_gpu_info *info;
	int ret;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	ret = nvc_gsp_enumerate(gsp, info);
	if (ret)
		goto out;
	if (!gpu->info_published) {
		memcpy(&gpu->info, info, sizeof(*info));
		gpu->info_published = true;
	} else if (memcmp(&gpu->info, info, sizeof(*info))) {
		dev_err(gpu->dev, "nvcore: GPU %d: configuration changed across a GSP-RM reboot\n",
			gpu->index);
		ret = -EIO;
	}
out:
	kfree(info);
	return ret;
}
