// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu: VFIO vGPU host client of nvcore.
 *
 * DOC: nvvgpu
 *
 * nvvgpu binds to nvcore's ``nvcore.vgpu.<n>`` auxiliary devices. On each
 * GPU it opens an nvcore client and its vGPU manager, derives four vGPU
 * types from the GPU's VRAM (1-, 2-, 4- and 8-way splits: each vGPU gets
 * 1/N of the usable VRAM, less the plugin's 8 MiB management heap, as guest
 * FB), uploads them to GSP-RM and registers an mdev parent offering them
 * (``mdev_supported_types/nvvgpu-<N>``). ``name`` is the type's name,
 * ``description`` its sizes, ``available_instances`` what GSP-RM says is
 * creatable right now (vGPUs on one GPU are of one type), ``device_api``
 * vfio-pci.
 *
 * Creating an mdev creates a partition of the GPU for it (guest FB plus
 * heap, 512 channel IDs, the heap's BAR1 space, one GFID, every engine)
 * and a vGPU in it through nvcore (which starts its GSP plugin), then
 * registers a VFIO device (vgpu/vfio.c). Removing the mdev waits for the
 * VFIO device to be closed (the holder is asked with the REQ interrupt and
 * its accesses fail from then on), then destroys the vGPU (plugin stopped,
 * memory scrubbed) and the partition.
 *
 * When nvcore loses the GPU every vGPU is marked lost: its user gets the
 * ERR interrupt and every access fails. After the recovery the types are
 * uploaded again; lost vGPUs can only be removed, new ones created.
 *
 * Locking: &nvvgpu.lock protects the device list and the lost state.
 */
#include <linux/auxiliary_bus.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string_helpers.h>

#include "nvvgpu.h"

static const unsigned int nvvgpu_ways[NVVGPU_NR_TYPES] = { 1, 2, 4, 8 };

static struct nvvgpu_type *nvvgpu_to_type(struct mdev_type *mtype)
{
	return container_of(mtype, struct nvvgpu_type, mtype);
}

/* The type table of a GPU: 1/N of its usable VRAM per vGPU. */
static int nvvgpu_types_build(struct nvvgpu *g)
{
	const struct nvc_gpu_info *gi = nvc_client_gpu_info(g->client);
	u64 usable, share, fb;
	unsigned int i;
	char chip[8];

	if (!gi->nr_vram_regions)
		return -ENODEV;
	/* The GPU's pool is the first region, in 2 MiB blocks (core/client.c). */
	usable = gi->vram_regions[0].size;
	if (usable < SZ_4M)
		return -ENODEV;
	usable -= SZ_4M;
	strscpy(chip, gi->chip, sizeof(chip));
	string_upper(chip, chip);
	for (i = 0; i < NVVGPU_NR_TYPES; i++) {
		struct nvvgpu_type *t = &g->types[i];
		struct nvc_vgpu_type *d = &t->desc;

		share = ALIGN_DOWN(div_u64(usable, nvvgpu_ways[i]), SZ_2M);
		if (share <= NVVGPU_HEAP_SIZE + SZ_2M)
			return -ENODEV;
		fb = share - NVVGPU_HEAP_SIZE;
		t->gpu = g;
		snprintf(t->sysfs_name, sizeof(t->sysfs_name), "%u", nvvgpu_ways[i]);
		d->id = nvvgpu_ways[i];
		snprintf(d->name, sizeof(d->name), "%s-%lluQ", chip, fb >> 30);
		strscpy(d->class_name, "Quadro", sizeof(d->class_name));
		d->max_instances = nvvgpu_ways[i];
		d->num_heads = 4;
		d->max_res_x = 7680;
		d->max_res_y = 4320;
		d->fb_length = fb;
		d->heap_length = NVVGPU_HEAP_SIZE;
		d->bar1_length = roundup_pow_of_two(fb);
		d->device_id = gi->device;
		d->subsystem_id = 0x1500 + i;
		t->mtype.sysfs_name = t->sysfs_name;
		t->mtype.pretty_name = d->name;
		g->type_ptrs[i] = &t->mtype;
	}
	return 0;
}

static unsigned int nvvgpu_live_of_type(struct nvvgpu *g, struct nvvgpu_type *t)
{
	struct nvvgpu_dev *nd;
	unsigned int n = 0;

	mutex_lock(&g->lock);
	list_for_each_entry(nd, &g->devs, node)
		n += nd->type == t;
	mutex_unlock(&g->lock);
	return n;
}

static unsigned int nvvgpu_get_available(struct mdev_type *mtype)
{
	struct nvvgpu_type *t = nvvgpu_to_type(mtype);
	u32 ids[NVC_VGPU_MAX_TYPES];
	unsigned int live;
	int i, n;

	n = nvc_vgpu_types_query(t->gpu->mgr, true, ids, ARRAY_SIZE(ids));
	for (i = 0; i < n; i++)
		if (ids[i] == t->desc.id)
			break;
	if (n <= 0 || i == n)
		return 0;
	live = nvvgpu_live_of_type(t->gpu, t);
	return live < t->desc.max_instances ? t->desc.max_instances - live : 0;
}

static ssize_t nvvgpu_show_description(struct mdev_type *mtype, char *buf)
{
	struct nvc_vgpu_type *d = &nvvgpu_to_type(mtype)->desc;

	return sysfs_emit(buf, "%u-way split: framebuffer %llu MiB, heads %u, max resolution %ux%u, max instances %u\n",
			  d->max_instances, d->fb_length >> 20, d->num_heads,
			  d->max_res_x, d->max_res_y, d->max_instances);
}

static int nvvgpu_mdev_probe(struct mdev_device *mdev)
{
	struct nvvgpu_type *t = nvvgpu_to_type(mdev->type);
	struct nvvgpu *g = t->gpu;
	const struct nvc_gpu_info *gi = nvc_client_gpu_info(g->client);
	struct nvc_partition_limits lim = {
		.vram = t->desc.fb_length + t->desc.heap_length,
		.chids = NVC_VGPU_CHIDS,
		.bar1 = t->desc.heap_length,
		.gfids = 1,
		.engines = gi->nr_engines >= 64 ? ~0ULL :
			   GENMASK_ULL(gi->nr_engines - 1, 0),
	};
	struct nvc_vgpu_create_args args = { .type_id = t->desc.id };
	struct nvvgpu_dev *nd;
	int ret;

	if (READ_ONCE(g->lost))
		return -ENODEV;
	nd = vfio_alloc_device(nvvgpu_dev, vdev, &mdev->dev, &nvvgpu_vfio_ops);
	if (IS_ERR(nd))
		return PTR_ERR(nd);
	mutex_init(&nd->lock);
	init_rwsem(&nd->mem_sem);
	mutex_init(&nd->vma_lock);
	INIT_LIST_HEAD(&nd->vmas);
	INIT_LIST_HEAD(&nd->node);
	nd->gpu = g;
	nd->type = t;
	nd->mdev = mdev;
	export_guid(args.uuid, &mdev->uuid);

	nd->part = nvc_partition_create(g->client, &lim);
	if (IS_ERR(nd->part)) {
		ret = PTR_ERR(nd->part);
		goto err_put;
	}
	nd->vgpu = nvc_vgpu_create(g->mgr, nd->part, &args);
	if (IS_ERR(nd->vgpu)) {
		ret = PTR_ERR(nd->vgpu);
		goto err_part;
	}
	nvc_vgpu_get_info(nd->vgpu, &nd->info);
	nvvgpu_dev_cfg_init(nd);

	mutex_lock(&g->lock);
	list_add_tail(&nd->node, &g->devs);
	mutex_unlock(&g->lock);
	ret = vfio_register_emulated_iommu_dev(&nd->vdev);
	if (ret)
		goto err_list;
	dev_set_drvdata(&mdev->dev, nd);
	return 0;

err_list:
	mutex_lock(&g->lock);
	list_del(&nd->node);
	mutex_unlock(&g->lock);
	nvc_vgpu_destroy(nd->vgpu);
err_part:
	nvc_partition_destroy(nd->part);
err_put:
	dev_info_ratelimited(&mdev->dev, "nvvgpu: cannot create a %s vGPU: %d\n",
			     t->desc.name, ret);
	vfio_put_device(&nd->vdev);
	return ret;
}

static void nvvgpu_mdev_remove(struct mdev_device *mdev)
{
	struct nvvgpu_dev *nd = dev_get_drvdata(&mdev->dev);
	struct nvvgpu *g = nd->gpu;

	/* Waits for the user to close the device (asked through .request). */
	vfio_unregister_group_dev(&nd->vdev);
	mutex_lock(&g->lock);
	list_del(&nd->node);
	mutex_unlock(&g->lock);
	nvc_vgpu_destroy(nd->vgpu);
	nvc_partition_destroy(nd->part);
	vfio_put_device(&nd->vdev);
}

static struct mdev_driver nvvgpu_mdev_driver = {
	.device_api = VFIO_DEVICE_API_PCI_STRING,
	.driver = {
		.name = "nvvgpu_mdev",
		.owner = THIS_MODULE,
		.mod_name = KBUILD_MODNAME,
	},
	.probe = nvvgpu_mdev_probe,
	.remove = nvvgpu_mdev_remove,
	.get_available = nvvgpu_get_available,
	.show_description = nvvgpu_show_description,
};

static void nvvgpu_lost(struct nvc_client *client, enum nvc_lost_reason why)
{
	struct nvvgpu *g = nvc_client_get_drvdata(client);
	struct nvvgpu_dev *nd;

	if (!g)
		return;
	mutex_lock(&g->lock);
	WRITE_ONCE(g->lost, true);
	list_for_each_entry(nd, &g->devs, node) {
		mutex_lock(&nd->lock);
		nd->lost = true;
		mutex_unlock(&nd->lock);
		nvvgpu_dev_zap(nd);
		nvvgpu_dev_signal(nd, NVVGPU_IRQ_ERR);
	}
	mutex_unlock(&g->lock);
	dev_warn(&g->adev->dev, "nvvgpu: GPU lost: its vGPUs are lost\n");
}

static int nvvgpu_upload_types(struct nvvgpu *g)
{
	struct nvc_vgpu_type d[NVVGPU_NR_TYPES];
	unsigned int i;

	for (i = 0; i < NVVGPU_NR_TYPES; i++)
		d[i] = g->types[i].desc;
	return nvc_vgpu_types_set(g->mgr, d, NVVGPU_NR_TYPES);
}

static void nvvgpu_recovered(struct nvc_client *client)
{
	struct nvvgpu *g = nvc_client_get_drvdata(client);
	int ret;

	if (!g)
		return;
	/* The type table lived in the old GSP-RM. */
	ret = nvvgpu_upload_types(g);
	if (ret)
		dev_err(&g->adev->dev, "nvvgpu: re-uploading vGPU types failed: %d\n", ret);
	else
		WRITE_ONCE(g->lost, false);
}

static const struct nvc_client_ops nvvgpu_client_ops = {
	.lost = nvvgpu_lost,
	.recovered = nvvgpu_recovered,
};

static int nvvgpu_probe(struct auxiliary_device *adev,
			const struct auxiliary_device_id *id)
{
	struct nvvgpu *g;
	int ret;

	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	g->adev = adev;
	mutex_init(&g->lock);
	INIT_LIST_HEAD(&g->devs);
	g->client = nvc_client_open(adev, &nvvgpu_client_ops);
	if (IS_ERR(g->client)) {
		ret = PTR_ERR(g->client);
		goto err_free;
	}
	g->mgr = nvc_vgpu_mgr_open(g->client);
	if (IS_ERR(g->mgr)) {
		ret = PTR_ERR(g->mgr);
		goto err_client;
	}
	ret = nvvgpu_types_build(g);
	if (!ret)
		ret = nvvgpu_upload_types(g);
	if (ret)
		goto err_mgr;
	nvc_client_set_drvdata(g->client, g);
	ret = mdev_register_parent(&g->parent, &adev->dev, &nvvgpu_mdev_driver,
				   g->type_ptrs, NVVGPU_NR_TYPES);
	if (ret)
		goto err_drvdata;
	auxiliary_set_drvdata(adev, g);
	return 0;

err_drvdata:
	nvc_client_set_drvdata(g->client, NULL);
err_mgr:
	nvc_vgpu_mgr_close(g->mgr);
err_client:
	nvc_client_close(g->client);
err_free:
	dev_err(&adev->dev, "nvvgpu: probe failed: %d\n", ret);
	mutex_destroy(&g->lock);
	kfree(g);
	return ret;
}

static void nvvgpu_remove(struct auxiliary_device *adev)
{
	struct nvvgpu *g = auxiliary_get_drvdata(adev);

	/* Removes every mdev; each removal waits for its VFIO user. */
	mdev_unregister_parent(&g->parent);
	nvc_client_set_drvdata(g->client, NULL);
	nvc_vgpu_mgr_close(g->mgr);
	nvc_client_close(g->client);
	mutex_destroy(&g->lock);
	kfree(g);
}

static const struct auxiliary_device_id nvvgpu_ids[] = {
	{ .name = "nvcore." NVC_AUX_VGPU },
	{ }
};
MODULE_DEVICE_TABLE(auxiliary, nvvgpu_ids);

static struct auxiliary_driver nvvgpu_driver = {
	.probe = nvvgpu_probe,
	.remove = nvvgpu_remove,
	.id_table = nvvgpu_ids,
};

static int __init nvvgpu_init(void)
{
	int ret;

	ret = mdev_register_driver(&nvvgpu_mdev_driver);
	if (ret)
		return ret;
	ret = auxiliary_driver_register(&nvvgpu_driver);
	if (ret)
		mdev_unregister_driver(&nvvgpu_mdev_driver);
	return ret;
}

static void __exit nvvgpu_exit(void)
{
	auxiliary_driver_unregister(&nvvgpu_driver);
	mdev_unregister_driver(&nvvgpu_mdev_driver);
}

module_init(nvvgpu_init);
module_exit(nvvgpu_exit);

MODULE_DESCRIPTION("nvvgpu: VFIO vGPU host client of nvcore");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NVCORE);
