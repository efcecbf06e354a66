// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore clients: auxiliary devices, client handles and partitions.
 *
 * DOC: clients and partitions
 *
 * Attach: for each GPU nvcore creates the auxiliary devices its policy
 * allows (module parameter ``clients``, per-GPU sysfs ``nvcore/clients``):
 * ``nvcore.drm.<n>``, ``nvcore.vgpu.<n>``, ``nvcore.test.<n>``. A vGPU host
 * sets ``clients=vgpu`` and gets no DRM device at all.
 *
 * Teardown order (the contract): auxiliary devices are deleted first, which
 * unbinds every client and runs its remove, which closes its handle and
 * destroys its partitions; only then does nvcore stop the heartbeat and
 * recovery and shut GSP-RM down. A client still open at that point is a
 * client bug and is reported.
 *
 * Partitions: creating one reserves a contiguous block of each resource
 * (VRAM, channel IDs, BAR1, GFIDs) from the GPU and an engine mask; the
 * owner's allocations come from its blocks only, so an allocation can
 * neither exceed the partition nor touch another owner's resources, and
 * every free is checked against the partition that made it. VRAM
 * returned to the GPU (partition destroyed) is scrubbed by the copy engine
 * before any other owner can get it.
 */
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <nvrm/535.113.01/nvrm.h>

#include "nvcore.h"
#include "client.h"
#include "gsp/gsp.h"

static char *clients = "drm,vgpu";
module_param(clients, charp, 0444);
MODULE_PARM_DESC(clients, "Client devices to create per GPU: any of drm, vgpu, test (\"vgpu\" alone: vGPU host, no DRM device)");

static const char * const nvc_aux_names[NVC_AUX_KIND_NR] = {
	[NVC_AUX_KIND_DRM] = NVC_AUX_DRM,
	[NVC_AUX_KIND_VGPU] = NVC_AUX_VGPU,
	[NVC_AUX_KIND_TEST] = NVC_AUX_TEST,
};

static unsigned long nvc_parse_policy(const char *s)
{
	unsigned long policy = 0;
	unsigned int i;

	while (s && *s) {
		const char *end = strchrnul(s, ',');

		for (i = 0; i < NVC_AUX_KIND_NR; i++)
			if (strlen(nvc_aux_names[i]) == end - s &&
			    !strncmp(nvc_aux_names[i], s, end - s))
				policy |= BIT(i);
		s = *end ? end + 1 : end;
	}
	return policy;
}

static void nvc_aux_release(struct device *dev)
{
	struct auxiliary_device *adev = to_auxiliary_dev(dev);

	kfree(container_of(adev, struct nvc_aux, adev));
}

static int nvc_aux_add(struct nvc_gpu *gpu, enum nvc_aux_kind kind)
{
	struct nvc_aux *aux;
	int ret;

	aux = kzalloc(sizeof(*aux), GFP_KERNEL);
	if (!aux)
		return -ENOMEM;
	aux->gpu = gpu;
	aux->kind = kind;
	aux->adev.name = nvc_aux_names[kind];
	aux->adev.id = gpu->index;
	aux->adev.dev.parent = gpu->dev;
	aux->adev.dev.release = nvc_aux_release;
	ret = auxiliary_device_init(&aux->adev);
	if (ret) {
		kfree(aux);
		return ret;
	}
	ret = auxiliary_device_add(&aux->adev);
	if (ret) {
		auxiliary_device_uninit(&aux->adev);
		return ret;
	}
	gpu->res.aux[kind] = aux;
	return 0;
}

/**
 * nvc_aux_create() - create the auxiliary devices the policy allows
 * @gpu: the GPU
 *
 * Return: 0 or a negative errno (with none created).
 */
int nvc_aux_create(struct nvc_gpu *gpu)
{
	unsigned int i;
	int ret;

	for (i = 0; i < NVC_AUX_KIND_NR; i++) {
		if (!(gpu->res.policy & BIT(i)))
			continue;
		ret = nvc_aux_add(gpu, i);
		if (ret) {
			nvc_aux_destroy(gpu);
			return ret;
		}
	}
	return 0;
}

/**
 * nvc_aux_shutdown() - delete the auxiliary devices for good (GPU removal)
 * @gpu: the GPU
 *
 * After this the sysfs policy attribute cannot create new ones.
 */
void nvc_aux_shutdown(struct nvc_gpu *gpu)
{
	mutex_lock(&gpu->res.aux_lock);
	gpu->res.aux_dying = true;
	nvc_aux_destroy(gpu);
	mutex_unlock(&gpu->res.aux_lock);
}

/**
 * nvc_aux_destroy() - delete the auxiliary devices, unbinding the clients
 * @gpu: the GPU
 */
void nvc_aux_destroy(struct nvc_gpu *gpu)
{
	int i;

	for (i = NVC_AUX_KIND_NR - 1; i >= 0; i--) {
		struct nvc_aux *aux = gpu->res.aux[i];

		if (!aux)
			continue;
		gpu->res.aux[i] = NULL;
		auxiliary_device_delete(&aux->adev);
		auxiliary_device_uninit(&aux->adev);
	}
}

static ssize_t clients_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct nvc_gpu *gpu = dev_get_drvdata(dev);
	unsigned int i;
	int len = 0;

	for (i = 0; i < NVC_AUX_KIND_NR; i++)
		if (gpu->res.policy & BIT(i))
			len += sysfs_emit_at(buf, len, "%s%s", len ? "," : "",
					     nvc_aux_names[i]);
	len += sysfs_emit_at(buf, len, "\n");
	return len;
}

static ssize_t clients_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct nvc_gpu *gpu = dev_get_drvdata(dev);
	char *s = kstrndup(buf, count, GFP_KERNEL);
	unsigned long policy;
	int ret;

	if (!s)
		return -ENOMEM;
	policy = nvc_parse_policy(strim(s));
	if (!policy && *strim(s) && strcmp(strim(s), "none")) {
		kfree(s);
		return -EINVAL;
	}
	kfree(s);

	/*
	 * Not the device lock: remove holds it while it drains this very
	 * attribute. @aux_lock and @aux_dying order us against remove.
	 */
	mutex_lock(&gpu->res.aux_lock);
	if (gpu->res.aux_dying) {
		ret = -ENODEV;
	} else {
		nvc_aux_destroy(gpu);
		gpu->res.policy = policy;
		ret = nvc_aux_create(gpu);
	}
	mutex_unlock(&gpu->res.aux_lock);
	return ret ?: count;
}

/* nvcore/clients: the per-GPU client policy (sysfs.c lists it). */
struct device_attribute nvc_dev_attr_clients = __ATTR_RW(clients);

/**
 * nvc_client_rm_create() - (re)create a client's RM client on the GSP
 * @c: the client
 *
 * Context: &nvc_res.gsp_sem held (read or write).
 * Return: 0 or a negative errno.
 */
int nvc_client_rm_create(struct nvc_client *c)
{
	return nvc_rm_client_create(c->gpu->gsp, c->h_client, "nvcore-client");
}

/**
 * nvc_client_open() - open nvcore on behalf of a client driver
 * @adev: the auxiliary device the client is probing
 * @ops: its notifications (may be NULL)
 *
 * Creates an RM client on the GSP for it.
 *
 * Return: the client handle or an ERR_PTR (-EINVAL for a device that is
 * not nvcore's, -ENODEV while the GPU is lost).
 */
struct nvc_client *nvc_client_open(struct auxiliary_device *adev,
				   const struct nvc_client_ops *ops)
{
	struct nvc_client *c;
	struct nvc_aux *aux;
	struct nvc_gpu *gpu;
	int ret;

	/* Only nvcore's own auxiliary devices carry this release function. */
	if (!adev || adev->dev.release != nvc_aux_release)
		return ERR_PTR(-EINVAL);
	aux = container_of(adev, struct nvc_aux, adev);
	gpu = aux->gpu;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return ERR_PTR(-ENOMEM);
	c->gpu = gpu;
	c->aux = aux;
	c->ops = ops;
	INIT_LIST_HEAD(&c->partitions);
	xa_init_flags(&c->objects, XA_FLAGS_ALLOC1);
	ret = ida_alloc_range(&gpu->res.client_ids, 1, 0xffff, GFP_KERNEL);
	if (ret < 0)
		goto err_free;
	c->id = ret;
	c->h_client = NVC_H_CLIENT(c->id);

	mutex_lock(&gpu->res.recover_lock);
	ret = -ENODEV;
	if (down_read_trylock(&gpu->res.gsp_sem)) {
		ret = gpu->res.lost ? -ENODEV : nvc_client_rm_create(c);
		if (!ret) {
			mutex_lock(&gpu->res.lock);
			list_add_tail(&c->node, &gpu->res.clients);
			mutex_unlock(&gpu->res.lock);
		}
		up_read(&gpu->res.gsp_sem);
	}
	mutex_unlock(&gpu->res.recover_lock);
	if (ret)
		goto err_id;
	return c;

err_id:
	ida_free(&gpu->res.client_ids, c->id);
err_free:
	kfree(c);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_NS_GPL(nvc_client_open, NVCORE);

/**
 * nvc_client_close() - close a client handle
 * @client: the client; its partitions are destroyed (and their VRAM
 *	scrubbed) and its RM client freed
 */
void nvc_client_close(struct nvc_client *client)
{
	struct nvc_gpu *gpu = client->gpu;
	struct nvc_partition *p, *tmp;

	list_for_each_entry_safe(p, tmp, &client->partitions, node)
		nvc_partition_destroy(p);

	mutex_lock(&gpu->res.recover_lock);
	mutex_lock(&gpu->res.lock);
	list_del(&client->node);
	mutex_unlock(&gpu->res.lock);
	if (down_read_trylock(&gpu->res.gsp_sem)) {
		if (!gpu->res.lost)
			nvc_rm_free(gpu->gsp, client->h_client, 0, client->h_client);
		up_read(&gpu->res.gsp_sem);
	}
	mutex_unlock(&gpu->res.recover_lock);
	nvc_evobj_drop_client(gpu, client->h_client);
	ida_free(&gpu->res.client_ids, client->id);
	xa_destroy(&client->objects);
	kfree(client);
}
EXPORT_SYMBOL_NS_GPL(nvc_client_close, NVCORE);

/**
 * nvc_client_set_drvdata() - attach the client driver's own data
 * @client: the client
 * @data: anything; nvcore never dereferences it
 */
void nvc_client_set_drvdata(struct nvc_client *client, void *data)
{
	client->drvdata = data;
}
EXPORT_SYMBOL_NS_GPL(nvc_client_set_drvdata, NVCORE);

/**
 * nvc_client_get_drvdata() - the data set with nvc_client_set_drvdata()
 * @client: the client
 *
 * Return: the pointer.
 */
void *nvc_client_get_drvdata(struct nvc_client *client)
{
	return client->drvdata;
}
EXPORT_SYMBOL_NS_GPL(nvc_client_get_drvdata, NVCORE);

/**
 * nvc_client_gpu_info() - the GPU's hardware configuration
 * @client: the client
 *
 * Return: a pointer valid while the client is open.
 */
const struct nvc_gpu_info *nvc_client_gpu_info(struct nvc_client *client)
{
	return &client->gpu->info;
}
EXPORT_SYMBOL_NS_GPL(nvc_client_gpu_info, NVCORE);

/**
 * nvc_client_dma_device() - the device to use with the DMA API
 * @client: the client
 *
 * Return: the GPU's bus device.
 */
struct device *nvc_client_dma_device(struct nvc_client *client)
{
	return client->gpu->dev;
}
EXPORT_SYMBOL_NS_GPL(nvc_client_dma_device, NVCORE);

/**
 * nvc_client_status() - health of the client's GPU
 * @client: the client
 * @st: output
 */
void nvc_client_status(struct nvc_client *client, struct nvc_gpu_status *st)
{
	st->lost = READ_ONCE(client->gpu->res.lost);
	st->recoveries = READ_ONCE(client->gpu->res.recoveries);
}
EXPORT_SYMBOL_NS_GPL(nvc_client_status, NVCORE);

/**
 * nvc_client_fb_query() - ask GSP-RM for a frame-buffer value, live
 * @client: the client
 * @what: which value
 * @value: output, in bytes
 *
 * A control call on the client's own RM subdevice.
 *
 * Return: 0, -EINVAL for an unknown @what, -ENODEV while the GPU is lost,
 * or an error from the GSP.
 */
int nvc_client_fb_query(struct nvc_client *client, enum nvc_fb_query what,
			u64 *value)
{
	static const u32 idx[] = {
		[NVC_FB_RAM_SIZE] = NV2080_CTRL_FB_INFO_INDEX_RAM_SIZE,
		[NVC_FB_USABLE_SIZE] = NV2080_CTRL_FB_INFO_INDEX_USABLE_RAM_SIZE,
		[NVC_FB_BAR1_SIZE] = NV2080_CTRL_FB_INFO_INDEX_BAR1_SIZE,
	};
	struct NV2080_CTRL_FB_GET_INFO_V2_PARAMS *p;
	struct nvc_gpu *gpu = client->gpu;
	int ret;

	if (what >= ARRAY_SIZE(idx))
		return -EINVAL;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->fbInfoListSize = 1;
	p->fbInfoList[0].index = idx[what];
	ret = -ENODEV;
	if (down_read_trylock(&gpu->res.gsp_sem)) {
		if (!gpu->res.lost)
			ret = nvc_rm_control(gpu->gsp, client->h_client, NVC_H_SUBDEVICE,
					     NV2080_CTRL_CMD_FB_GET_INFO_V2, p,
					     sizeof(*p));
		up_read(&gpu->res.gsp_sem);
	}
	if (!ret)
		*value = (u64)p->fbInfoList[0].data << 10;
	kfree(p);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_client_fb_query, NVCORE);

/* Object handles of a client: 0xe0000000 | n, below its subdevice. */
#define NVC_OBJ_HANDLE_BASE	0xe0000000u
#define NVC_OBJ_MAX		0xffff

/**
 * nvc_object_alloc_notifier() - have GSP-RM notify the client of an event
 * @client: the client
 * @notifier: GSP-RM notifier index (below %NVC_MAX_NOTIFIERS)
 * @handle: output: the object's handle, for nvc_object_free()
 *
 * Allocates an event object under the client's own RM subdevice and enables
 * repeated notification; GSP-RM's POST_EVENT messages naming this object
 * are then delivered to the client's partitions' %NVC_EVENT_NOTIFY
 * subscriptions (routing: event.c).
 *
 * Return: 0, -EINVAL for a bad notifier, -ENODEV while the GPU is lost,
 * -ENOSPC when the client has too many objects, or an error from the GSP.
 */
int nvc_object_alloc_notifier(struct nvc_client *client, unsigned int notifier,
			      u32 *handle)
{
	struct NV2080_CTRL_EVENT_SET_NOTIFICATION_PARAMS ctl = {};
	struct NV0005_ALLOC_PARAMETERS ev = {};
	struct nvc_gpu *gpu = client->gpu;
	u32 h, id;
	int ret;

	if (notifier >= NVC_MAX_NOTIFIERS)
		return -EINVAL;
	ret = xa_alloc(&client->objects, &id, xa_mk_value(notifier),
		       XA_LIMIT(1, NVC_OBJ_MAX), GFP_KERNEL);
	if (ret)
		return ret == -EBUSY ? -ENOSPC : ret;
	h = NVC_OBJ_HANDLE_BASE | id;
	ev.hParentClient = client->h_client;
	ev.hClass = NV01_EVENT_KERNEL_CALLBACK_EX;
	ev.notifyIndex = NV01_EVENT_CLIENT_RM | notifier;
	ctl.event = notifier;
	ctl.action = NV2080_CTRL_EVENT_SET_NOTIFICATION_ACTION_REPEAT;

	/* Known before GSP-RM can fire it. */
	ret = nvc_evobj_add(gpu, client->h_client, h, notifier);
	if (ret) {
		xa_erase(&client->objects, id);
		return ret;
	}
	ret = -ENODEV;
	if (down_read_trylock(&gpu->res.gsp_sem)) {
		if (!gpu->res.lost) {
			ret = nvc_rm_alloc(gpu->gsp, client->h_client, NVC_H_SUBDEVICE,
					   h, NV01_EVENT_KERNEL_CALLBACK_EX, &ev,
					   sizeof(ev));
			if (!ret) {
				ret = nvc_rm_control(gpu->gsp, client->h_client,
						     NVC_H_SUBDEVICE,
						     NV2080_CTRL_CMD_EVENT_SET_NOTIFICATION,
						     &ctl, sizeof(ctl));
				if (ret)
					nvc_rm_free(gpu->gsp, client->h_client,
						    NVC_H_SUBDEVICE, h);
			}
		}
		up_read(&gpu->res.gsp_sem);
	}
	if (ret) {
		nvc_evobj_del(gpu, client->h_client, h);
		xa_erase(&client->objects, id);
		return ret;
	}
	*handle = h;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvc_object_alloc_notifier, NVCORE);

/**
 * nvc_object_free() - free an object allocated on the client's behalf
 * @client: the client
 * @handle: from nvc_object_alloc_notifier()
 *
 * Return: 0, -ENOENT for a handle the client does not own, -ENODEV while
 * the GPU is lost (the object is gone with the old GSP-RM anyway).
 */
int nvc_object_free(struct nvc_client *client, u32 handle)
{
	struct nvc_gpu *gpu = client->gpu;
	u32 id = handle & ~NVC_OBJ_HANDLE_BASE;
	int ret = -ENODEV;

	if ((handle & NVC_OBJ_HANDLE_BASE) != NVC_OBJ_HANDLE_BASE || !id ||
	    id > NVC_OBJ_MAX || !xa_erase(&client->objects, id))
		return -ENOENT;
	nvc_evobj_del(gpu, client->h_client, handle);
	if (down_read_trylock(&gpu->res.gsp_sem)) {
		if (!gpu->res.lost)
			ret = nvc_rm_free(gpu->gsp, client->h_client, NVC_H_SUBDEVICE,
					  handle);
		up_read(&gpu->res.gsp_sem);
	}
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_object_free, NVCORE);

/* ---- partitions ---- */

/* A block of @size from the GPU pool, and an allocator of @granule in it. */
static int nvc_part_block(struct nvc_range *gpu_r, struct nvc_range *part_r,
			  struct nvc_range_node *nodes, u64 size, u64 granule,
			  u64 *base)
{
	int ret;

	if (!size) {
		*base = 0;
		return 0;
	}
	ret = nvc_range_alloc(gpu_r, size, gpu_r->granule, base);
	if (ret)
		return ret;
	ret = nvc_range_init(part_r, *base, ALIGN(size, gpu_r->granule), granule,
			     nodes, NVC_RANGE_NODES(NVC_PART_MAX_ALLOCS));
	if (ret)
		nvc_range_free(gpu_r, *base);
	return ret;
}

static int nvc_scrub(struct nvc_gpu *gpu, u64 base, u64 size)
{
	if (!size)
		return 0;
	if (!gpu->bus->vram_fill)
		return -EOPNOTSUPP;
	return gpu->bus->vram_fill(gpu, base, size, 0);
}

static void nvc_part_release_blocks(struct nvc_gpu *gpu, struct nvc_partition *p)
{
	struct nvc_res *res = &gpu->res;

	if (p->lim.vram) {
		/* Scrub before anyone else can be given these bytes. */
		if (nvc_scrub(gpu, p->vram_base, p->vram.size))
			dev_err(gpu->dev, "nvcore: VRAM scrub failed: block %#llx+%#llx withheld\n",
				p->vram_base, p->vram.size);
		else
			nvc_range_free(&res->vram, p->vram_base);
	}
	if (p->lim.chids)
		nvc_range_free(&res->chid, p->chid_base);
	if (p->lim.bar1)
		nvc_range_free(&res->bar1, p->bar1_base);
	if (p->lim.gfids)
		nvc_range_free(&res->gfid, p->gfid_base);
}

/**
 * nvc_partition_create() - reserve resources for an owner
 * @client: the owner
 * @lim: how much of each resource (0 for none)
 *
 * Return: the partition, or ERR_PTR(-ENOSPC) when the GPU cannot satisfy a
 * limit, -EINVAL for engines the GPU does not have, -ENOMEM.
 */
struct nvc_partition *nvc_partition_create(struct nvc_client *client,
					   const struct nvc_partition_limits *lim)
{
	struct nvc_gpu *gpu = client->gpu;
	struct nvc_res *res = &gpu->res;
	struct nvc_partition *p;
	u64 base;
	int ret;

	if (gpu->info.nr_engines < 64 &&
	    (lim->engines & ~GENMASK_ULL(gpu->info.nr_engines - 1, 0)))
		return ERR_PTR(-EINVAL);
	p = kvzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return ERR_PTR(-ENOMEM);
	p->client = client;
	p->lim = *lim;
	INIT_LIST_HEAD(&p->subs);

	mutex_lock(&res->lock);
	ret = nvc_part_block(&res->vram, &p->vram, p->nodes[0], lim->vram,
			     SZ_64K, &p->vram_base);
	if (ret)
		goto err;
	ret = nvc_part_block(&res->chid, &p->chid, p->nodes[1], lim->chids, 1,
			     &base);
	if (ret)
		goto err_vram;
	p->chid_base = base;
	ret = nvc_part_block(&res->bar1, &p->bar1, p->nodes[2], lim->bar1,
			     SZ_64K, &p->bar1_base);
	if (ret)
		goto err_chid;
	ret = nvc_part_block(&res->gfid, &p->gfid, p->nodes[3], lim->gfids, 1,
			     &base);
	if (ret)
		goto err_bar1;
	p->gfid_base = base;
	p->id = res->next_part++;
	list_add_tail(&p->node, &client->partitions);
	spin_lock(&res->sub_lock);
	list_add_tail_rcu(&p->rcu_node, &res->parts_rcu);
	spin_unlock(&res->sub_lock);
	mutex_unlock(&res->lock);
	return p;

err_bar1:
	if (lim->bar1)
		nvc_range_free(&res->bar1, p->bar1_base);
err_chid:
	if (lim->chids)
		nvc_range_free(&res->chid, p->chid_base);
err_vram:
	if (lim->vram)
		nvc_range_free(&res->vram, p->vram_base);
err:
	mutex_unlock(&res->lock);
	kvfree(p);
	return ERR_PTR(ret == -ENOMEM ? -ENOSPC : ret);
}
EXPORT_SYMBOL_NS_GPL(nvc_partition_create, NVCORE);

/**
 * nvc_partition_destroy() - release a partition and everything in it
 * @part: the partition; its subscriptions must be gone (they are removed
 *	and waited for here otherwise)
 *
 * Its VRAM block is scrubbed before it returns to the GPU.
 */
void nvc_partition_destroy(struct nvc_partition *part)
{
	struct nvc_gpu *gpu = part->client->gpu;
	struct nvc_res *res = &gpu->res;
	struct nvc_event_sub *s, *tmp;

	spin_lock(&res->sub_lock);
	part->dead = true;
	list_del_rcu(&part->rcu_node);
	spin_unlock(&res->sub_lock);
	list_for_each_entry_safe(s, tmp, &part->subs, node)
		nvc_event_unsubscribe(s);
	synchronize_rcu();
	synchronize_srcu(&res->srcu);

	mutex_lock(&res->lock);
	list_del(&part->node);
	nvc_part_release_blocks(gpu, part);
	mutex_unlock(&res->lock);
	kvfree(part);
}
EXPORT_SYMBOL_NS_GPL(nvc_partition_destroy, NVCORE);

/**
 * nvc_partition_client() - the owner of a partition
 * @part: the partition
 *
 * Return: its client.
 */
struct nvc_client *nvc_partition_client(struct nvc_partition *part)
{
	return part->client;
}
EXPORT_SYMBOL_NS_GPL(nvc_partition_client, NVCORE);

/**
 * nvc_vram_alloc() - allocate VRAM from a partition
 * @part: the partition
 * @size: bytes (rounded up to 64 KiB)
 * @align: alignment, a power of two (at least 64 KiB is used)
 * @out: the region
 *
 * Return: 0, -ENOMEM when the partition has no room, -EINVAL for bad
 * arguments, -ENOSPC when the partition has too many allocations.
 */
int nvc_vram_alloc(struct nvc_partition *part, u64 size, u64 align,
		   struct nvc_vram_region *out)
{
	struct nvc_res *res = &part->client->gpu->res;
	u64 base;
	int ret;

	if (!part->lim.vram)
		return -ENOMEM;
	mutex_lock(&res->lock);
	ret = nvc_range_alloc(&part->vram, size, align ?: 1, &base);
	mutex_unlock(&res->lock);
	if (ret)
		return ret;
	*out = (struct nvc_vram_region){
		.part = part, .base = base, .size = ALIGN(size, SZ_64K),
	};
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvc_vram_alloc, NVCORE);

/**
 * nvc_vram_free() - free VRAM back to its partition
 * @part: the partition the caller owns
 * @r: a region allocated from it
 *
 * Return: 0, -EPERM for a region of another partition, -EINVAL for one
 * not allocated (double free).
 */
int nvc_vram_free(struct nvc_partition *part, struct nvc_vram_region *r)
{
	struct nvc_res *res = &part->client->gpu->res;
	int ret;

	if (r->part != part)
		return -EPERM;
	mutex_lock(&res->lock);
	ret = nvc_range_free(&part->vram, r->base);
	mutex_unlock(&res->lock);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_vram_free, NVCORE);

/* Is [base, base + len) inside one allocation of @part? */
static bool nvc_vram_owned(struct nvc_partition *part, u64 base, size_t len)
{
	const struct nvc_range_node *n;

	if (!len || base + len < base)
		return false;
	nvc_range_for_each_used(&part->vram, n)
		if (base >= n->start && base + len <= n->start + n->size)
			return true;
	return false;
}

static int nvc_vram_rw(struct nvc_partition *part, u64 base, void *buf,
		       size_t len, bool write)
{
	struct nvc_gpu *gpu = part->client->gpu;
	int ret;

	/* Owned for the whole copy: a concurrent free waits for it. */
	mutex_lock(&gpu->res.lock);
	if (!nvc_vram_owned(part, base, len))
		ret = -EPERM;
	else if (!gpu->bus->vram_rw)
		ret = -EOPNOTSUPP;
	else
		ret = gpu->bus->vram_rw(gpu, base, buf, len, write);
	mutex_unlock(&gpu->res.lock);
	return ret;
}

/**
 * nvc_vram_write() - write to VRAM the partition owns
 * @part: the partition
 * @base: VRAM offset
 * @buf: data
 * @len: bytes
 *
 * Return: 0, or -EPERM if the range is not inside one of the partition's
 * allocations.
 */
int nvc_vram_write(struct nvc_partition *part, u64 base, const void *buf,
		   size_t len)
{
	return nvc_vram_rw(part, base, (void *)buf, len, true);
}
EXPORT_SYMBOL_NS_GPL(nvc_vram_write, NVCORE);

/**
 * nvc_vram_read() - read VRAM the partition owns
 * @part: the partition
 * @base: VRAM offset
 * @buf: output
 * @len: bytes
 *
 * Return: 0, or -EPERM if the range is not inside one of the partition's
 * allocations.
 */
int nvc_vram_read(struct nvc_partition *part, u64 base, void *buf, size_t len)
{
	return nvc_vram_rw(part, base, buf, len, false);
}
EXPORT_SYMBOL_NS_GPL(nvc_vram_read, NVCORE);

/**
 * nvc_chid_alloc() - allocate contiguous channel IDs from a partition
 * @part: the partition
 * @count: how many
 * @out: the range
 *
 * Return: 0, -ENOMEM when the partition has no room, -EINVAL for 0.
 */
int nvc_chid_alloc(struct nvc_partition *part, u32 count,
		   struct nvc_chid_range *out)
{
	struct nvc_res *res = &part->client->gpu->res;
	u64 first;
	int ret;

	if (!part->lim.chids)
		return -ENOMEM;
	mutex_lock(&res->lock);
	ret = nvc_range_alloc(&part->chid, count, 1, &first);
	mutex_unlock(&res->lock);
	if (ret)
		return ret;
	*out = (struct nvc_chid_range){ .part = part, .first = first, .count = count };
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvc_chid_alloc, NVCORE);

/**
 * nvc_chid_free() - free channel IDs
 * @part: the partition the caller owns
 * @r: a range allocated from it
 *
 * Return: 0, -EPERM for another partition's range, -EINVAL if not allocated.
 */
int nvc_chid_free(struct nvc_partition *part, struct nvc_chid_range *r)
{
	struct nvc_res *res = &part->client->gpu->res;
	int ret;

	if (r->part != part)
		return -EPERM;
	mutex_lock(&res->lock);
	ret = nvc_range_free(&part->chid, r->first);
	mutex_unlock(&res->lock);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_chid_free, NVCORE);

/**
 * nvc_bar1_alloc() - allocate BAR1 aperture from a partition
 * @part: the partition
 * @size: bytes (rounded up to 64 KiB)
 * @out: the range
 *
 * Return: 0, -ENOMEM when the partition has no room, -EINVAL for 0.
 */
int nvc_bar1_alloc(struct nvc_partition *part, u64 size,
		   struct nvc_bar1_range *out)
{
	struct nvc_res *res = &part->client->gpu->res;
	u64 off;
	int ret;

	if (!part->lim.bar1)
		return -ENOMEM;
	mutex_lock(&res->lock);
	ret = nvc_range_alloc(&part->bar1, size, SZ_64K, &off);
	mutex_unlock(&res->lock);
	if (ret)
		return ret;
	*out = (struct nvc_bar1_range){
		.part = part, .offset = off, .size = ALIGN(size, SZ_64K),
	};
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvc_bar1_alloc, NVCORE);

/**
 * nvc_bar1_free() - free BAR1 aperture
 * @part: the partition the caller owns
 * @r: a range allocated from it
 *
 * Return: 0, -EPERM for another partition's range, -EINVAL if not allocated.
 */
int nvc_bar1_free(struct nvc_partition *part, struct nvc_bar1_range *r)
{
	struct nvc_res *res = &part->client->gpu->res;
	int ret;

	if (r->part != part)
		return -EPERM;
	mutex_lock(&res->lock);
	ret = nvc_range_free(&part->bar1, r->offset);
	mutex_unlock(&res->lock);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_bar1_free, NVCORE);

/**
 * nvc_gfid_alloc() - allocate a GPU function ID (one vGPU)
 * @part: the partition
 * @gfid: output, 1 or more
 *
 * Return: 0 or -ENOMEM when the partition has none left.
 */
int nvc_gfid_alloc(struct nvc_partition *part, u32 *gfid)
{
	struct nvc_res *res = &part->client->gpu->res;
	u64 v;
	int ret;

	if (!part->lim.gfids)
		return -ENOMEM;
	mutex_lock(&res->lock);
	ret = nvc_range_alloc(&part->gfid, 1, 1, &v);
	mutex_unlock(&res->lock);
	if (!ret)
		*gfid = v;
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_gfid_alloc, NVCORE);

/**
 * nvc_gfid_free() - free a GFID
 * @part: the partition the caller owns
 * @gfid: a GFID allocated from it
 *
 * Return: 0, -EPERM for a GFID outside the partition, -EINVAL if not
 * allocated.
 */
int nvc_gfid_free(struct nvc_partition *part, u32 gfid)
{
	struct nvc_res *res = &part->client->gpu->res;
	int ret;

	if (!part->lim.gfids || gfid < part->gfid_base ||
	    gfid >= part->gfid_base + part->lim.gfids)
		return -EPERM;
	mutex_lock(&res->lock);
	ret = nvc_range_free(&part->gfid, gfid);
	mutex_unlock(&res->lock);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_gfid_free, NVCORE);

/**
 * nvc_engine_check() - may the partition use this engine?
 * @part: the partition
 * @engine: index in &nvc_gpu_info.engines
 *
 * Return: 0, -EPERM if the engine is not in the partition, -EINVAL if the
 * GPU has no such engine.
 */
int nvc_engine_check(struct nvc_partition *part, unsigned int engine)
{
	if (engine >= part->client->gpu->info.nr_engines)
		return -EINVAL;
	return engine < 64 && (part->lim.engines & BIT_ULL(engine)) ? 0 : -EPERM;
}
EXPORT_SYMBOL_NS_GPL(nvc_engine_check, NVCORE);

static int nvc_range_show(char *buf, size_t size, const char *what,
			  const struct nvc_range *r)
{
	const struct nvc_range_node *n;
	int len;

	len = scnprintf(buf, size, "  %s [%#llx+%#llx] used %#llx:", what,
			r->base, r->size, nvc_range_bytes_used(r));
	nvc_range_for_each_used(r, n)
		len += scnprintf(buf + len, size - len, " %#llx+%#llx",
				 n->start, n->size);
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}

/**
 * nvc_res_debugfs_show() - the resource map: GPU pools, partitions, usage
 * @gpu: the GPU
 * @buf: output
 * @size: its size
 *
 * Return: bytes written.
 */
int nvc_res_debugfs_show(struct nvc_gpu *gpu, char *buf, size_t size)
{
	struct nvc_res *res = &gpu->res;
	struct nvc_partition *p;
	struct nvc_client *c;
	int len = 0;

	mutex_lock(&res->lock);
	len += scnprintf(buf + len, size - len,
			 "gpu lost %d recoveries %u events_delivered %lld events_dropped %lld\n",
			 res->lost, res->recoveries,
			 (s64)atomic64_read(&res->ev_delivered),
			 (s64)atomic64_read(&res->ev_dropped));
	len += nvc_range_show(buf + len, size - len, "vram", &res->vram);
	len += nvc_range_show(buf + len, size - len, "chid", &res->chid);
	len += nvc_range_show(buf + len, size - len, "bar1", &res->bar1);
	len += nvc_range_show(buf + len, size - len, "gfid", &res->gfid);
	list_for_each_entry(c, &res->clients, node) {
		len += scnprintf(buf + len, size - len, "client %u %s h %#x\n",
				 c->id, dev_name(&c->aux->adev.dev), c->h_client);
		list_for_each_entry(p, &c->partitions, node) {
			len += scnprintf(buf + len, size - len,
					 " partition %u engines %#llx\n", p->id,
					 p->lim.engines);
			if (p->lim.vram)
				len += nvc_range_show(buf + len, size - len, "vram", &p->vram);
			if (p->lim.chids)
				len += nvc_range_show(buf + len, size - len, "chid", &p->chid);
			if (p->lim.bar1)
				len += nvc_range_show(buf + len, size - len, "bar1", &p->bar1);
			if (p->lim.gfids)
				len += nvc_range_show(buf + len, size - len, "gfid", &p->gfid);
		}
	}
	mutex_unlock(&res->lock);
	return len;
}

/**
 * nvc_res_early_init() - locks and lists, before the GSP can raise events
 * @gpu: the GPU
 *
 * Return: 0 or a negative errno.
 */
int nvc_res_early_init(struct nvc_gpu *gpu)
{
	struct nvc_res *res = &gpu->res;

	mutex_init(&res->lock);
	INIT_LIST_HEAD(&res->clients);
	ida_init(&res->client_ids);
	spin_lock_init(&res->sub_lock);
	INIT_LIST_HEAD(&res->parts_rcu);
	spin_lock_init(&res->ev_lock);
	INIT_LIST_HEAD(&res->ev_queue);
	mutex_init(&res->ev_run_lock);
	init_rwsem(&res->gsp_sem);
	mutex_init(&res->recover_lock);
	mutex_init(&res->aux_lock);
	res->policy = nvc_parse_policy(clients);
	return init_srcu_struct(&res->srcu);
}

/**
 * nvc_res_init() - set up the resource pools of a booted GPU
 * @gpu: the enumerated GPU
 *
 * The VRAM pool is the first usable region; channel IDs, BAR1 and GFIDs
 * (1 and up: GFID 0 is the physical function) are whole pools.
 *
 * Return: 0 or a negative errno.
 */
int nvc_res_init(struct nvc_gpu *gpu)
{
	struct nvc_res *res = &gpu->res;
	const struct nvc_vram_region_info *vr;
	int ret;

	if (!gpu->info.nr_vram_regions)
		return -ENODEV;
	vr = &gpu->info.vram_regions[0];
	ret = nvc_range_init(&res->vram, ALIGN(vr->base, SZ_2M),
			     ALIGN_DOWN(vr->base + vr->size, SZ_2M) - ALIGN(vr->base, SZ_2M),
			     SZ_2M, res->nodes[0], NVC_RANGE_NODES(NVC_RES_MAX_PARTS));
	if (!ret)
		ret = nvc_range_init(&res->chid, 0, NVC_GPU_CHIDS, 1, res->nodes[1],
				     NVC_RANGE_NODES(NVC_RES_MAX_PARTS));
	if (!ret)
		ret = nvc_range_init(&res->bar1, 0, ALIGN_DOWN(gpu->info.bar1_size, SZ_64K),
				     SZ_64K, res->nodes[2],
				     NVC_RANGE_NODES(NVC_RES_MAX_PARTS));
	if (!ret)
		ret = nvc_range_init(&res->gfid, 1, NVC_GPU_GFIDS, 1, res->nodes[3],
				     NVC_RANGE_NODES(NVC_RES_MAX_PARTS));
	return ret;
}

/**
 * nvc_res_fini() - free client and resource state
 * @gpu: the GPU; no client may be open any more
 */
void nvc_res_fini(struct nvc_gpu *gpu)
{
	struct nvc_res *res = &gpu->res;

	if (!list_empty(&res->clients))
		dev_err(gpu->dev, "nvcore: a client did not close its handle before removal\n");
	cleanup_srcu_struct(&res->srcu);
	ida_destroy(&res->client_ids);
	mutex_destroy(&res->recover_lock);
	mutex_destroy(&res->lock);
}
