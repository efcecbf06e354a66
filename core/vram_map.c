// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: VRAM fills, CPU page frames and VA spaces for clients
 * (include/nvcore/mem.h).
 */
#include <linux/idr.h>
#include <linux/log2.h>
#include <linux/module.h>
#include <linux/slab.h>


#include <nvcore/mem.h>

#include "nvcore.h"
#include "client.h"
#include "gsp/gsp.h"

/* Is [base, base + len) inside one allocation of @part? Holds res->lock. */
static bool nvc_vram_map_owned(struct nvc_partition *part, u64 base, u64 len)
{
	struct nvc_res *res = &part->client->gpu->res;
	const struct nvc_range_node *n;
	bool ok = false;

	if (!len || base + len < base)
		return false;
	mutex_lock(&res->lock);
	if (part->lim.vram)
		nvc_range_for_each_used(&part->vram, n)
			if (base >= n->start && base + len <= n->start + n->size) {
				ok = true;
				break;
			}
	mutex_unlock(&res->lock);
	return ok;
}

/**
 * nvc_vram_fill() - fill VRAM the partition owns with a 32-bit pattern
 * @part: the partition
 * @base: VRAM offset, 4-byte aligned
 * @len: bytes, a multiple of 4
 * @pattern: value for every 32-bit word (0 scrubs)
 *
 * Done by a copy engine; returns once the fill is complete.
 *
 * Context: process context, may sleep.
 * Return: 0, -EINVAL for a misaligned range, -EPERM if the range is not
 * inside one of the partition's allocations, -EOPNOTSUPP if the bus cannot
 * fill, or an error from the device.
 */
int nvc_vram_fill(struct nvc_partition *part, u64 base, u64 len, u32 pattern)
{
	struct nvc_gpu *gpu = part->client->gpu;

	if ((base | len) & 3)
		return -EINVAL;
	if (!nvc_vram_map_owned(part, base, len))
		return -EPERM;
	if (!gpu->bus->vram_fill)
		return -EOPNOTSUPP;
	return gpu->bus->vram_fill(gpu, base, len, pattern);
}
EXPORT_SYMBOL_NS_GPL(nvc_vram_fill, NVCORE);

/**
 * nvc_vram_cpu_pfn() - page frame through which the CPU reaches VRAM
 * @part: the partition
 * @base: VRAM offset of the page (rounded down to a page)
 * @pfn: output: page frame number to map
 * @iomem: output: true if the frame is device memory (map write-combined),
 *	false if it is system memory (nvsim: map cached)
 *
 * Context: process context, may sleep.
 * Return: 0, -EPERM if the page is not inside one of the partition's
 * allocations, -EOPNOTSUPP if the bus has no CPU-mappable BAR1, or an error
 * from the device.
 */
int nvc_vram_cpu_pfn(struct nvc_partition *part, u64 base, unsigned long *pfn,
		     bool *iomem)
{
	struct nvc_gpu *gpu = part->client->gpu;

	base &= PAGE_MASK;
	if (!nvc_vram_map_owned(part, base, PAGE_SIZE))
		return -EPERM;
	if (!gpu->bus->vram_pfn)
		return -EOPNOTSUPP;
	return gpu->bus->vram_pfn(gpu, base, pfn, iomem);
}
EXPORT_SYMBOL_NS_GPL(nvc_vram_cpu_pfn, NVCORE);

/**
 * struct nvc_vaspace - a VA space object on the GSP for a client
 * @part: the owner's partition
 * @handle: RM handle, under the client's device
 * @id: the low bits of @handle
 * @gen: &nvc_res.rec.recoveries when it was created: after a recovery the
 *	object is gone with the old GSP-RM
 */
struct nvc_vaspace {
	struct nvc_partition *part;
	u32 handle;
	u32 id;
	unsigned int gen;
};

/* VA-space handles: unique per client, below its device. */
#define NVC_VAS_HANDLE_BASE	0xa5000000u
static DEFINE_IDA(nvc_vas_ida);

/**
 * nvc_vaspace_create() - a GSP-RM VA space over the client's page tables
 * @part: the partition owning the page tables
 * @pdes: the page directory (see DOC: nvcore VA spaces)
 *
 * Allocates a FERMI_VASPACE_A object under the client's RM device and tells
 * GSP-RM its page-directory levels (NV90F1 COPY_SERVER_RESERVED_PDES).
 *
 * Context: process context, may sleep.
 * Return: the VA space, or ERR_PTR: -EINVAL for a malformed @pdes, -EPERM
 * for a level outside the partition's VRAM, -ENODEV while the GPU is lost,
 * or an error from the GSP.
 */
struct nvc_vaspace *nvc_vaspace_create(struct nvc_partition *part,
				       const struct nvc_vaspace_pdes *pdes)
{
	struct nvc_client *c = part->client;
	struct nvc_gpu *gpu = c->gpu;
	struct nvc_vaspace *vas;
	unsigned int i;
	int ret;

	if (!pdes->nr_levels || pdes->nr_levels > NVC_VASPACE_MAX_LEVELS ||
	    pdes->va_lo > pdes->va_hi || !is_power_of_2(pdes->page_size))
		return ERR_PTR(-EINVAL);
	for (i = 0; i < pdes->nr_levels; i++) {
		const struct nvc_vaspace_level *l = &pdes->level[i];

		if (!l->size || l->page_shift >= 64 || !IS_ALIGNED(l->addr, 32))
			return ERR_PTR(-EINVAL);
		if (!nvc_vram_map_owned(part, l->addr, l->size))
			return ERR_PTR(-EPERM);
	}

	vas = kzalloc(sizeof(*vas), GFP_KERNEL);
	ret = -ENOMEM;
	if (!vas)
		goto err_free;
	ret = ida_alloc_range(&nvc_vas_ida, 1, 0xffffff, GFP_KERNEL);
	if (ret < 0)
		goto err_free;
	vas->id = ret;
	vas->handle = NVC_VAS_HANDLE_BASE | vas->id;
	vas->part = part;

	ret = -ENODEV;
	if (down_read_trylock(&gpu->res.rec.gsp_sem)) {
		if (!gpu->res.rec.lost) {
			vas->gen = gpu->res.rec.recoveries;
			ret = nvc_gsp_vaspace_alloc(gpu->gsp, c->h_client,
						    vas->handle, pdes);
		}
		up_read(&gpu->res.rec.gsp_sem);
	}
	if (ret)
		goto err_id;
	return vas;

err_id:
	ida_free(&nvc_vas_ida, vas->id);
err_free:
	kfree(vas);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_NS_GPL(nvc_vaspace_create, NVCORE);

/**
 * nvc_vaspace_destroy() - free a VA space
 * @vas: from nvc_vaspace_create(); its page tables may be freed afterwards
 *
 * While the GPU is lost, or after a recovery since it was created, the
 * object is already gone with the old GSP-RM: only the handle is freed.
 */
void nvc_vaspace_destroy(struct nvc_vaspace *vas)
{
	struct nvc_client *c = vas->part->client;
	struct nvc_gpu *gpu = c->gpu;

	if (down_read_trylock(&gpu->res.rec.gsp_sem)) {
		if (!gpu->res.rec.lost && gpu->res.rec.recoveries == vas->gen)
			nvc_rm_free(gpu->gsp, c->h_client, NVC_H_DEVICE, vas->handle);
		up_read(&gpu->res.rec.gsp_sem);
	}
	ida_free(&nvc_vas_ida, vas->id);
	kfree(vas);
}
EXPORT_SYMBOL_NS_GPL(nvc_vaspace_destroy, NVCORE);

/**
 * nvc_vaspace_rm() - the RM object of a VA space, for nvcore's own use
 * @vas: the VA space
 * @part: output: its partition
 * @gen: output: &nvc_res.rec.recoveries when it was created
 *
 * Return: its RM handle (under the client's device).
 */
u32 nvc_vaspace_rm(const struct nvc_vaspace *vas, struct nvc_partition **part,
		   unsigned int *gen)
{
	*part = vas->part;
	*gen = vas->gen;
	return vas->handle;
}
