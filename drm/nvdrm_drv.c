// SPDX-License-Identifier: GPL-2.0
/*
 * nvdrm: the DRM client of nvcore.
 *
 * DOC: nvdrm attach
 *
 * nvdrm is an &struct auxiliary_driver for the ``nvcore.drm.<n>`` devices
 * nvcore creates, one per GPU its policy gives a DRM client. In probe it
 * opens nvcore (its own RM client on the GSP), creates a partition with the
 * VRAM its module parameters ask for, hands that VRAM to TTM as the VRAM
 * domain and registers a DRM device with a render node.
 *
 * Parent: the &struct drm_device is parented on the GPU's own bus device
 * (the PCI function, or nvsim's platform device), not on the auxiliary
 * device it binds to. Userspace enumerates DRM devices by their parent's
 * bus: libdrm 2.4.114's drmGetDevices2() knows the pci, usb, platform,
 * host1x and virtio subsystems and silently skips a device whose parent is
 * on the auxiliary bus, so Mesa and drmdevice would not see the GPU at all.
 * Binding and lifetime still follow the auxiliary device: the DRM device
 * is registered in probe and unplugged in remove (drm_dev_unplug()), and
 * holds a reference on its parent for as long as it lives.
 *
 * Render node only: there is no KMS, every ioctl is DRM_RENDER_ALLOW. (The
 * 6.1 DRM core always creates the primary ``card`` node too; nvdrm gives it
 * nothing a render node does not have.)
 *
 * Unplug (nvdrm, nvcore or nvsim unbound with files open): every ioctl and
 * fault runs inside drm_dev_enter(), so after drm_dev_unplug() ioctls fail
 * with -ENODEV and CPU mappings are zapped (a later touch is SIGBUS);
 * objects in VRAM are moved to system memory before the partition
 * goes back to nvcore, and live on until their last reference.
 */
#include <linux/module.h>
#include <linux/sizes.h>

#include <drm/drm_debugfs.h>
#include <drm/drm_drv.h>
#include <drm/drm_gem.h>
#include <drm/drm_ioctl.h>
#include <drm/drm_managed.h>
#include <drm/drm_prime.h>

#include <nvcore/mmu.h>

#include <uapi/drm/nvdrm_drm.h>

#include "nvdrm.h"

static unsigned int vram_mib = 64;
module_param(vram_mib, uint, 0444);
MODULE_PARM_DESC(vram_mib, "VRAM of nvdrm's partition per GPU in MiB (the VRAM domain; default 64)");

static unsigned int chids = 64;
module_param(chids, uint, 0444);
MODULE_PARM_DESC(chids, "Channel IDs of nvdrm's partition per GPU (default 64)");

static unsigned int pt_mib = 2;
module_param(pt_mib, uint, 0444);
MODULE_PARM_DESC(pt_mib, "VRAM for GPU page tables per GPU in MiB (default 2: 512 tables)");

static int nvdrm_ioctl_get_param(struct drm_device *drm, void *data,
				 struct drm_file *file)
{
	struct nvdrm_device *ndev = nvdrm_dev(drm);
	struct drm_nvdrm_get_param *a = data;
	const struct nvc_gpu_info *i = &ndev->info;

	if (a->pad)
		return -EINVAL;
	switch (a->param) {
	case NVDRM_PARAM_UAPI_VERSION:
		a->value = NVDRM_UAPI_VERSION;
		break;
	case NVDRM_PARAM_CHIPSET:
		a->value = i->chipset;
		break;
	case NVDRM_PARAM_ARCH:
		a->value = i->arch;
		break;
	case NVDRM_PARAM_VRAM_SIZE:
		a->value = i->vram_size;
		break;
	case NVDRM_PARAM_VRAM_USABLE:
		a->value = ndev->vram.size;
		break;
	case NVDRM_PARAM_VA_START:
		a->value = NVDRM_VA_START;
		break;
	case NVDRM_PARAM_VA_END:
		a->value = NVDRM_VA_END;
		break;
	case NVDRM_PARAM_COPY_ENGINES:
		a->value = i->nr_copy_engines;
		break;
	case NVDRM_PARAM_PAGE_SIZES:
		a->value = NVC_MMU_V2_PAGE_SIZES;
		break;
	case NVDRM_PARAM_BAR1_SIZE:
		a->value = i->bar1_size;
		break;
	case NVDRM_PARAM_PCI_ID:
		a->value = (u32)i->vendor << 16 | i->device;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

/*
 * Every driver ioctl runs inside drm_dev_enter(): after unplug it fails
 * with -ENODEV, and remove waits for those in flight.
 */
#define NVDRM_IOCTL_GUARDED(name, fn)					\
static int nvdrm_guard_##name(struct drm_device *drm, void *data,	\
			      struct drm_file *file)			\
{									\
	int idx, ret;							\
									\
	if (!drm_dev_enter(drm, &idx))					\
		return -ENODEV;						\
	ret = fn(drm, data, file);					\
	drm_dev_exit(idx);						\
	return ret;							\
}

NVDRM_IOCTL_GUARDED(get_param, nvdrm_ioctl_get_param)
NVDRM_IOCTL_GUARDED(gem_create, nvdrm_ioctl_gem_create)
NVDRM_IOCTL_GUARDED(gem_mmap_offset, nvdrm_ioctl_gem_mmap_offset)
NVDRM_IOCTL_GUARDED(gem_info, nvdrm_ioctl_gem_info)
NVDRM_IOCTL_GUARDED(vm_create, nvdrm_ioctl_vm_create)
NVDRM_IOCTL_GUARDED(vm_destroy, nvdrm_ioctl_vm_destroy)
NVDRM_IOCTL_GUARDED(vm_bind, nvdrm_ioctl_vm_bind)
NVDRM_IOCTL_GUARDED(channel_create, nvdrm_ioctl_channel_create)
NVDRM_IOCTL_GUARDED(channel_destroy, nvdrm_ioctl_channel_destroy)
NVDRM_IOCTL_GUARDED(exec, nvdrm_ioctl_exec)

static const struct drm_ioctl_desc nvdrm_ioctls[] = {
	DRM_IOCTL_DEF_DRV(NVDRM_GET_PARAM, nvdrm_guard_get_param, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_GEM_CREATE, nvdrm_guard_gem_create, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_GEM_MMAP_OFFSET, nvdrm_guard_gem_mmap_offset, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_GEM_INFO, nvdrm_guard_gem_info, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_VM_CREATE, nvdrm_guard_vm_create, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_VM_DESTROY, nvdrm_guard_vm_destroy, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_VM_BIND, nvdrm_guard_vm_bind, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_CHANNEL_CREATE, nvdrm_guard_channel_create, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_CHANNEL_DESTROY, nvdrm_guard_channel_destroy, DRM_RENDER_ALLOW),
	DRM_IOCTL_DEF_DRV(NVDRM_EXEC, nvdrm_guard_exec, DRM_RENDER_ALLOW),
};

static int nvdrm_open(struct drm_device *drm, struct drm_file *file)
{
	struct nvdrm_file *nf;

	nf = kzalloc(sizeof(*nf), GFP_KERNEL);
	if (!nf)
		return -ENOMEM;
	nvdrm_vm_file_init(nf);
	file->driver_priv = nf;
	return 0;
}

static void nvdrm_postclose(struct drm_device *drm, struct drm_file *file)
{
	struct nvdrm_file *nf = file->driver_priv;

	nvdrm_vm_file_fini(nf);
	kfree(nf);
}

/* debugfs: reading runs the kernel channel end to end (a test hook). */
static int nvdrm_kchan_test_show(struct seq_file *m, void *unused)
{
	struct drm_info_node *node = m->private;
	struct drm_device *drm = node->minor->dev;
	struct nvdrm_device *ndev = nvdrm_dev(drm);
	int idx, ret;

	if (!drm_dev_enter(drm, &idx))
		return -ENODEV;
	ret = nvdrm_kchan_selftest(ndev);
	seq_printf(m, "kchan %d jobs %lld timeouts %lld rc %lld\n", ret,
		   (s64)atomic64_read(&ndev->jobs), (s64)atomic64_read(&ndev->timeouts),
		   (s64)atomic64_read(&ndev->rc_events));
	drm_dev_exit(idx);
	return 0;
}

/* debugfs: memory-management counters (moves and bytes by path). */
static int nvdrm_mm_show(struct seq_file *m, void *unused)
{
	struct drm_info_node *node = m->private;
	struct nvdrm_device *ndev = nvdrm_dev(node->minor->dev);

	seq_printf(m, "evictions %lld restores %lld ce_copied %lld cpu_copied %lld scrubbed %lld ce_scrubbed %lld\n",
		   (s64)atomic64_read(&ndev->evictions),
		   (s64)atomic64_read(&ndev->restores),
		   (s64)atomic64_read(&ndev->ce_copied),
		   (s64)atomic64_read(&ndev->cpu_copied),
		   (s64)atomic64_read(&ndev->scrubbed),
		   (s64)atomic64_read(&ndev->ce_scrubbed));
	return 0;
}

static const struct drm_info_list nvdrm_debugfs_list[] = {
	{ "nvdrm_kchan_test", nvdrm_kchan_test_show, 0 },
	{ "nvdrm_mm", nvdrm_mm_show, 0 },
};

static void nvdrm_debugfs_init(struct drm_minor *minor)
{
	drm_debugfs_create_files(nvdrm_debugfs_list, ARRAY_SIZE(nvdrm_debugfs_list),
				 minor->debugfs_root, minor);
}

DEFINE_DRM_GEM_FOPS(nvdrm_fops);

static const struct drm_driver nvdrm_driver = {
	.driver_features = DRIVER_GEM | DRIVER_RENDER | DRIVER_SYNCOBJ |
			   DRIVER_SYNCOBJ_TIMELINE,
	.open = nvdrm_open,
	.postclose = nvdrm_postclose,
	.ioctls = nvdrm_ioctls,
	.num_ioctls = ARRAY_SIZE(nvdrm_ioctls),
	.fops = &nvdrm_fops,
	.debugfs_init = nvdrm_debugfs_init,
	.prime_handle_to_fd = drm_gem_prime_handle_to_fd,
	.prime_fd_to_handle = drm_gem_prime_fd_to_handle,
	.gem_prime_import_sg_table = nvdrm_gem_prime_import_sg_table,
	.gem_prime_mmap = drm_gem_prime_mmap,
	.name = "nvdrm",
	.desc = "DRM client of nvcore (NVIDIA GSP-RM GPUs)",
	.date = "20261201",
	.major = NVDRM_UAPI_MAJOR,
	.minor = NVDRM_UAPI_MINOR,
};

/* Last reference to the DRM device gone: no object is left. */
static void nvdrm_release(struct drm_device *drm, void *arg)
{
	nvdrm_ttm_fini(arg);
	nvdrm_pt_heap_fini(arg);
}

static void nvdrm_part_release(struct nvdrm_device *ndev)
{
	if (!ndev->part)
		return;
	if (ndev->ev_sub)
		nvc_event_unsubscribe(ndev->ev_sub);
	ndev->ev_sub = NULL;
	if (ndev->vram.size)
		nvc_vram_free(ndev->part, &ndev->vram);
	if (ndev->pt_heap.size)
		nvc_vram_free(ndev->part, &ndev->pt_heap);
	nvc_partition_destroy(ndev->part);
	ndev->part = NULL;
}

/* GSP-RM rebooted in place: RM objects are gone, VRAM and partitions kept. */
static void nvdrm_recovered(struct nvc_client *client)
{
	struct nvdrm_device *ndev = nvc_client_get_drvdata(client);

	if (!ndev)
		return;
	/* Every context is lost; VMs get a VA space again, new channels work. */
	nvdrm_chan_lost_all(ndev);
	nvdrm_pt_recovered(ndev);
}

/* GPU lost: work in flight will not complete. */
static void nvdrm_lost(struct nvc_client *client, enum nvc_lost_reason why)
{
	struct nvdrm_device *ndev = nvc_client_get_drvdata(client);

	if (ndev)
		nvdrm_chan_lost_all(ndev);
}

static const struct nvc_client_ops nvdrm_client_ops = {
	.lost = nvdrm_lost,
	.recovered = nvdrm_recovered,
};

static int nvdrm_probe(struct auxiliary_device *adev,
		       const struct auxiliary_device_id *id)
{
	struct nvc_partition_limits lim = {};
	struct nvdrm_device *ndev;
	struct nvc_client *client;
	struct drm_device *drm;
	unsigned int i;
	int ret;

	if (!vram_mib || vram_mib > SZ_1M || !pt_mib || pt_mib > SZ_1K)
		return -EINVAL;
	client = nvc_client_open(adev, &nvdrm_client_ops);
	if (IS_ERR(client))
		return PTR_ERR(client);

	/* Parented on the GPU's device: see DOC: nvdrm attach. */
	drm = drm_dev_alloc(&nvdrm_driver, nvc_client_dma_device(client));
	if (IS_ERR(drm)) {
		ret = PTR_ERR(drm);
		goto err_client;
	}
	ndev = drmm_kzalloc(drm, sizeof(*ndev), GFP_KERNEL);
	if (!ndev) {
		ret = -ENOMEM;
		goto err_drm;
	}
	drm->dev_private = ndev;
	ndev->drm = drm;
	ndev->adev = adev;
	ndev->client = client;
	ndev->info = *nvc_client_gpu_info(client);

	mutex_init(&ndev->chan_lock);
	INIT_LIST_HEAD(&ndev->chans);
	/* Channels: their IDs, the copy engines, 64 KiB of VRAM each. */
	lim.chids = min(chids, 1024u);
	for (i = 0; i < ndev->info.nr_engines && i < 64; i++)
		if (ndev->info.engines[i].kind == NVC_ENGINE_COPY)
			lim.engines |= BIT_ULL(i);
	lim.vram = ((u64)(vram_mib + pt_mib) << 20) + (u64)lim.chids * SZ_64K;
	ndev->part = nvc_partition_create(client, &lim);
	if (IS_ERR(ndev->part)) {
		ret = PTR_ERR(ndev->part);
		ndev->part = NULL;
		dev_err(&adev->dev, "nvdrm: no partition of %u MiB VRAM: %d\n",
			vram_mib, ret);
		goto err_drm;
	}
	ret = nvc_vram_alloc(ndev->part, (u64)vram_mib << 20, SZ_2M, &ndev->vram);
	if (ret) {
		ndev->vram.size = 0;
		goto err_part;
	}
	ret = nvc_vram_alloc(ndev->part, (u64)pt_mib << 20, SZ_64K,
			     &ndev->pt_heap);
	if (ret) {
		ndev->pt_heap.size = 0;
		goto err_part;
	}

	ret = nvdrm_pt_heap_init(ndev);
	if (ret)
		goto err_part;
	ret = drmm_add_action(drm, nvdrm_release, ndev);
	if (ret) {
		nvdrm_pt_heap_fini(ndev);
		goto err_part;
	}
	ret = nvdrm_ttm_init(ndev);
	if (ret)
		goto err_part;
	/* Events name our channels by ID: look them up from here on. */
	nvc_client_set_drvdata(client, ndev);
	ndev->ev_sub = nvc_event_subscribe(ndev->part, BIT(NVC_EVENT_NONSTALL) |
					   BIT(NVC_EVENT_RC) | BIT(NVC_EVENT_MMU_FAULT),
					   nvdrm_chan_event);
	if (IS_ERR(ndev->ev_sub)) {
		ret = PTR_ERR(ndev->ev_sub);
		ndev->ev_sub = NULL;
		goto err_ttm;
	}
	nvdrm_kchan_init(ndev);

	ret = drm_dev_register(drm, 0);
	if (ret)
		goto err_ttm;
	auxiliary_set_drvdata(adev, ndev);
	nvc_client_set_drvdata(client, ndev);
	dev_info(&adev->dev, "nvdrm: %s, %llu MiB VRAM domain, render node %s\n",
		 ndev->info.chip, ndev->vram.size >> 20,
		 drm->render ? dev_name(drm->render->kdev) : "none");
	return 0;

err_ttm:
	nvc_client_set_drvdata(client, NULL);
	nvdrm_ttm_shutdown(ndev);
	nvdrm_pt_shutdown(ndev);
err_part:
	nvdrm_part_release(ndev);
err_drm:
	drm_dev_put(drm);
err_client:
	nvc_client_close(client);
	return ret;
}

static void nvdrm_remove(struct auxiliary_device *adev)
{
	struct nvdrm_device *ndev = auxiliary_get_drvdata(adev);
	struct drm_device *drm = ndev->drm;

	/* No ioctl or fault runs past this; mappings are zapped. */
	drm_dev_unplug(drm);
	/* Channels off the GPU, their fences signalled with -ENODEV. */
	nvdrm_chan_unplug(ndev);
	/* VRAM objects to system memory, the VRAM domain closed. */
	nvdrm_ttm_shutdown(ndev);
	/* VA spaces destroyed, page tables abandoned with the heap. */
	nvdrm_pt_shutdown(ndev);
	nvdrm_part_release(ndev);
	nvc_client_set_drvdata(ndev->client, NULL);
	nvc_client_close(ndev->client);
	ndev->client = NULL;
	dev_info(&adev->dev, "nvdrm: removed\n");
	drm_dev_put(drm);
}

static const struct auxiliary_device_id nvdrm_id_table[] = {
	{ .name = "nvcore." NVC_AUX_DRM },
	{}
};
MODULE_DEVICE_TABLE(auxiliary, nvdrm_id_table);

static struct auxiliary_driver nvdrm_aux_driver = {
	.name = "drm",
	.probe = nvdrm_probe,
	.remove = nvdrm_remove,
	.id_table = nvdrm_id_table,
};
module_auxiliary_driver(nvdrm_aux_driver);

MODULE_DESCRIPTION("nvdrm: DRM client of nvcore for NVIDIA GSP-RM GPUs");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NVCORE);
