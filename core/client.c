// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore clients: client handles; auxiliary devices are in aux.c,
 * partitions in partition.c.
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


#include "nvcore.h"
#include "client.h"
#include "gsp/gsp.h"


/**
 * nvc_client_rm_create() - (re)create a client's RM client on the GSP
 * @c: the client
 *
 * Context: &nvc_res.rec.gsp_sem held (read or write).
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

	aux = nvc_aux_from_adev(adev);
	if (!aux)
		return ERR_PTR(-EINVAL);
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

	mutex_lock(&gpu->res.rec.lock);
	ret = -ENODEV;
	if (down_read_trylock(&gpu->res.rec.gsp_sem)) {
		ret = gpu->res.rec.lost ? -ENODEV : nvc_client_rm_create(c);
		if (!ret) {
			mutex_lock(&gpu->res.lock);
			list_add_tail(&c->node, &gpu->res.clients);
			mutex_unlock(&gpu->res.lock);
		}
		up_read(&gpu->res.rec.gsp_sem);
	}
	mutex_unlock(&gpu->res.rec.lock);
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

	mutex_lock(&gpu->res.rec.lock);
	mutex_lock(&gpu->res.lock);
	list_del(&client->node);
	mutex_unlock(&gpu->res.lock);
	if (down_read_trylock(&gpu->res.rec.gsp_sem)) {
		if (!gpu->res.rec.lost)
			nvc_rm_free(gpu->gsp, client->h_client, 0, client->h_client);
		up_read(&gpu->res.rec.gsp_sem);
	}
	mutex_unlock(&gpu->res.rec.lock);
	nvc_evobj_drop_client(gpu, client->h_client);
	ida_free(&gpu->res.client_ids, client->id);
	xa_destroy(&client->objects);
	/*
	 * An event reader may still be looking at a partition of this client
	 * (nvc_partition_destroy() does not wait for them) and through it at
	 * the client: wait for those readers before the client goes.
	 */
	synchronize_rcu();
	synchronize_srcu(&gpu->res.part.srcu);
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
	st->lost = READ_ONCE(client->gpu->res.rec.lost);
	st->recoveries = READ_ONCE(client->gpu->res.rec.recoveries);
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
	struct nvc_gpu *gpu = client->gpu;
	int ret;

	if (what > NVC_FB_BAR1_SIZE)
		return -EINVAL;
	ret = -ENODEV;
	if (down_read_trylock(&gpu->res.rec.gsp_sem)) {
		if (!gpu->res.rec.lost)
			ret = nvc_gsp_fb_query(gpu->gsp, client->h_client, what,
					       value);
		up_read(&gpu->res.rec.gsp_sem);
	}
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

	/* Known before GSP-RM can fire it. */
	ret = nvc_evobj_add(gpu, client->h_client, h, notifier);
	if (ret) {
		xa_erase(&client->objects, id);
		return ret;
	}
	ret = -ENODEV;
	if (down_read_trylock(&gpu->res.rec.gsp_sem)) {
		if (!gpu->res.rec.lost)
			ret = nvc_gsp_notifier_alloc(gpu->gsp, client->h_client,
						     h, notifier);
		up_read(&gpu->res.rec.gsp_sem);
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
	if (down_read_trylock(&gpu->res.rec.gsp_sem)) {
		if (!gpu->res.rec.lost)
			ret = nvc_rm_free(gpu->gsp, client->h_client, NVC_H_SUBDEVICE,
					  handle);
		up_read(&gpu->res.rec.gsp_sem);
	}
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_object_free, NVCORE);
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
	spin_lock_init(&res->part.sub_lock);
	INIT_LIST_HEAD(&res->part.rcu_list);
	spin_lock_init(&res->ev.lock);
	INIT_LIST_HEAD(&res->ev.queue);
	mutex_init(&res->ev.run_lock);
	init_rwsem(&res->rec.gsp_sem);
	mutex_init(&res->rec.lock);
	nvc_aux_early_init(gpu);
	return init_srcu_struct(&res->part.srcu);
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
	/* Partitions freed after their grace periods (nvc_partition_destroy()). */
	srcu_barrier(&res->part.srcu);
	rcu_barrier();
	cleanup_srcu_struct(&res->part.srcu);
	ida_destroy(&res->client_ids);
	mutex_destroy(&res->rec.lock);
	mutex_destroy(&res->lock);
}
