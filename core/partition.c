// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore partitions: GPU resource pools, partitions carved from them, the
 * VRAM/channel-ID/BAR1/GFID allocators inside a partition, scrubbing and
 * the resource debugfs map. See "DOC: clients and partitions" in client.c.
 */
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "nvcore.h"
#include "client.h"

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
			nvc_range_free(&res->part.vram, p->vram_base);
	}
	if (p->lim.chids)
		nvc_range_free(&res->part.chid, p->chid_base);
	if (p->lim.bar1)
		nvc_range_free(&res->part.bar1, p->bar1_base);
	if (p->lim.gfids)
		nvc_range_free(&res->part.gfid, p->gfid_base);
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
	ret = nvc_part_block(&res->part.vram, &p->vram, p->nodes[0], lim->vram,
			     SZ_64K, &p->vram_base);
	if (ret)
		goto err;
	ret = nvc_part_block(&res->part.chid, &p->chid, p->nodes[1], lim->chids, 1,
			     &base);
	if (ret)
		goto err_vram;
	p->chid_base = base;
	ret = nvc_part_block(&res->part.bar1, &p->bar1, p->nodes[2], lim->bar1,
			     SZ_64K, &p->bar1_base);
	if (ret)
		goto err_chid;
	ret = nvc_part_block(&res->part.gfid, &p->gfid, p->nodes[3], lim->gfids, 1,
			     &base);
	if (ret)
		goto err_bar1;
	p->gfid_base = base;
	p->id = res->part.next_id++;
	list_add_tail(&p->node, &client->partitions);
	spin_lock(&res->part.sub_lock);
	list_add_tail_rcu(&p->rcu_node, &res->part.rcu_list);
	spin_unlock(&res->part.sub_lock);
	mutex_unlock(&res->lock);
	return p;

err_bar1:
	if (lim->bar1)
		nvc_range_free(&res->part.bar1, p->bar1_base);
err_chid:
	if (lim->chids)
		nvc_range_free(&res->part.chid, p->chid_base);
err_vram:
	if (lim->vram)
		nvc_range_free(&res->part.vram, p->vram_base);
err:
	mutex_unlock(&res->lock);
	kvfree(p);
	return ERR_PTR(ret == -ENOMEM ? -ENOSPC : ret);
}
EXPORT_SYMBOL_NS_GPL(nvc_partition_create, NVCORE);

static void nvc_partition_free_rcu(struct rcu_head *head)
{
	kvfree(container_of(head, struct nvc_partition, rcu));
}

/* An SRCU grace period has passed; wait for an RCU one too. */
static void nvc_partition_free_srcu(struct rcu_head *head)
{
	call_rcu(head, nvc_partition_free_rcu);
}

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

	spin_lock(&res->part.sub_lock);
	part->dead = true;
	list_del_rcu(&part->rcu_node);
	spin_unlock(&res->part.sub_lock);
	/* Each unsubscription waits for the handlers that may still run. */
	list_for_each_entry_safe(s, tmp, &part->subs, node)
		nvc_event_unsubscribe(s);

	/*
	 * Event readers (nvc_event_deliver()) only read the partition's own
	 * fields and skip it once @dead is set, so its blocks can go back
	 * now; the structure itself is freed after both grace periods
	 * instead of waiting for them here (two grace periods were most of
	 * a vGPU destroy). nvc_res_fini() waits for the pending frees.
	 */
	mutex_lock(&res->lock);
	list_del(&part->node);
	nvc_part_release_blocks(gpu, part);
	mutex_unlock(&res->lock);
	call_srcu(&res->part.srcu, &part->rcu, nvc_partition_free_srcu);
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
			 res->rec.lost, res->rec.recoveries,
			 (s64)atomic64_read(&res->ev.delivered),
			 (s64)atomic64_read(&res->ev.dropped));
	len += nvc_range_show(buf + len, size - len, "vram", &res->part.vram);
	len += nvc_range_show(buf + len, size - len, "chid", &res->part.chid);
	len += nvc_range_show(buf + len, size - len, "bar1", &res->part.bar1);
	len += nvc_range_show(buf + len, size - len, "gfid", &res->part.gfid);
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
	ret = nvc_range_init(&res->part.vram, ALIGN(vr->base, SZ_2M),
			     ALIGN_DOWN(vr->base + vr->size, SZ_2M) - ALIGN(vr->base, SZ_2M),
			     SZ_2M, res->part.nodes[0], NVC_RANGE_NODES(NVC_RES_MAX_PARTS));
	if (!ret)
		ret = nvc_range_init(&res->part.chid, 0, NVC_GPU_CHIDS, 1, res->part.nodes[1],
				     NVC_RANGE_NODES(NVC_RES_MAX_PARTS));
	if (!ret)
		ret = nvc_range_init(&res->part.bar1, 0, ALIGN_DOWN(gpu->info.bar1_size, SZ_64K),
				     SZ_64K, res->part.nodes[2],
				     NVC_RANGE_NODES(NVC_RES_MAX_PARTS));
	if (!ret)
		ret = nvc_range_init(&res->part.gfid, 1, NVC_GPU_GFIDS, 1, res->part.nodes[3],
				     NVC_RANGE_NODES(NVC_RES_MAX_PARTS));
	return ret;
}
