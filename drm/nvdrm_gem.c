// SPDX-License-Identifier: GPL-2.0
/*
 * nvdrm: GEM objects on TTM, the VRAM and system domains, eviction, CPU
 * mappings through BAR1, PRIME.
 *
 * DOC: nvdrm memory management
 *
 * Two TTM domains. VRAM (TTM_PL_VRAM) is one allocation from nvdrm's nvcore
 * partition, of the size the ``vram_mib`` module parameter gives, managed by
 * TTM's range manager; a TTM offset o is VRAM offset vram.base + o. System
 * memory is TTM_PL_SYSTEM, pages from TTM's pool.
 *
 * Eviction: when a VRAM placement finds no room, TTM evicts the least
 * recently used VRAM objects to system memory (evict_flags). A VRAM object
 * that was evicted comes back when it is used: for now that is a CPU fault
 * on its mapping (the fault moves it back, evicting others if needed).
 * A move first waits for the work still using the object (its dma_resv
 * fences), then copies with the copy engine through nvdrm's kernel channel
 * (DOC: nvdrm kernel channel): one physical-mode transfer per run of
 * contiguous DMA addresses of the system pages, all waited for; the
 * object's GPU mappings are rewritten to the new place before the old one
 * is freed. When the kernel channel is missing or dead, a transfer's fence
 * carries an error, or ``evict_ce=0``, the CPU copies through BAR1
 * (nvc_vram_read()/nvc_vram_write()) instead.
 *
 * Scrub: VRAM is zero whenever it is free. A new partition block was
 * scrubbed by nvcore; an object leaving VRAM (evicted or destroyed) has its
 * range filled with zeros by the copy engine (a kernel-channel fill, else
 * nvcore's nvc_vram_fill()) before TTM frees it, after its CPU mappings
 * were unmapped. debugfs ``nvdrm_mm`` counts moves and bytes by path. So a new VRAM object
 * reads as zeros without being cleared, and no object ever sees another's
 * data.
 *
 * CPU mappings: system objects map their pages. VRAM objects map the BAR1
 * page frames nvcore gives (nvc_vram_cpu_pfn(); on nvsim BAR1 is memory
 * aliasing VRAM). TTM unmaps every CPU mapping of an object before it moves.
 * After unplug every mapping was zapped and any access is SIGBUS.
 *
 * PRIME: exporting pins the object in system memory while a device is
 * attached (a VRAM object moves there first); an imported dma-buf becomes a
 * system object whose pages are the exporter's.
 *
 * Locking: each object's dma_resv lock (TTM's reservation) protects its
 * placement and contents during moves; TTM's LRU lock the LRU lists.
 */
#include <linux/dma-buf.h>
#include <linux/highmem.h>
#include <linux/sizes.h>

#include <drm/drm_drv.h>
#include <drm/drm_prime.h>
#include <drm/ttm/ttm_bo_driver.h>
#include <drm/ttm/ttm_range_manager.h>
#include <drm/ttm/ttm_tt.h>

#include <uapi/drm/nvdrm_drm.h>

#include "nvdrm.h"

/* Pages mapped ahead on a fault of a VRAM object. */
#define NVDRM_VRAM_PREFAULT	16

static struct nvdrm_device *bdev_to_ndev(struct ttm_device *bdev)
{
	return container_of(bdev, struct nvdrm_device, bdev);
}

static u64 nvdrm_vram_addr(struct nvdrm_device *ndev, struct ttm_resource *res)
{
	return ndev->vram.base + ((u64)res->start << PAGE_SHIFT);
}

/* ---- TTM device callbacks ---- */

static struct ttm_tt *nvdrm_tt_create(struct ttm_buffer_object *tbo,
				      u32 page_flags)
{
	struct ttm_tt *tt;

	tt = kzalloc(sizeof(*tt), GFP_KERNEL);
	if (!tt)
		return NULL;
	/*
	 * Pages and DMA addresses (the GPU's PTEs use the latter). Asked for
	 * without EXTERNAL, which would give an import no page array for CPU
	 * mappings; imports are marked external once initialised.
	 */
	if (ttm_sg_tt_init(tt, tbo, page_flags & ~TTM_TT_FLAG_EXTERNAL,
			   ttm_cached)) {
		kfree(tt);
		return NULL;
	}
	if (tbo->type == ttm_bo_type_sg)
		tt->page_flags |= TTM_TT_FLAG_EXTERNAL | TTM_TT_FLAG_EXTERNAL_MAPPABLE;
	return tt;
}

static int nvdrm_tt_populate(struct ttm_device *bdev, struct ttm_tt *tt,
			     struct ttm_operation_ctx *ctx)
{
	if (tt->page_flags & TTM_TT_FLAG_EXTERNAL) {
		/* A PRIME import: the exporter's pages, from its sg table. */
		int ret;

		if (!tt->sg)
			return -EINVAL;
		ret = drm_prime_sg_to_page_array(tt->sg, tt->pages,
						 tt->num_pages);
		if (!ret)
			ret = drm_prime_sg_to_dma_addr_array(tt->sg,
							     tt->dma_address,
							     tt->num_pages);
		return ret;
	}
	return ttm_pool_alloc(&bdev->pool, tt, ctx);
}

static void nvdrm_tt_unpopulate(struct ttm_device *bdev, struct ttm_tt *tt)
{
	if (tt->page_flags & TTM_TT_FLAG_EXTERNAL)
		return;
	ttm_pool_free(&bdev->pool, tt);
}

static void nvdrm_tt_destroy(struct ttm_device *bdev, struct ttm_tt *tt)
{
	ttm_tt_fini(tt);
	kfree(tt);
}

static const struct ttm_place nvdrm_sys_place = { .mem_type = TTM_PL_SYSTEM };
static const struct ttm_place nvdrm_vram_place = { .mem_type = TTM_PL_VRAM };

static void nvdrm_evict_flags(struct ttm_buffer_object *tbo,
			      struct ttm_placement *pl)
{
	pl->num_placement = 1;
	pl->placement = &nvdrm_sys_place;
	pl->num_busy_placement = 1;
	pl->busy_placement = &nvdrm_sys_place;
}

static bool evict_ce = true;
module_param(evict_ce, bool, 0644);
MODULE_PARM_DESC(evict_ce, "Move objects between VRAM and system memory and scrub VRAM with the copy engine (default 1; 0: the CPU through BAR1)");

/* Fences of one move waited for together (more: the oldest first). */
#define NVDRM_MOVE_FENCES	16

/* Wait for a copy-engine fence; its error (the channel died) or 0. */
static int nvdrm_fence_done(struct dma_fence *f)
{
	int ret;

	dma_fence_wait(f, false);
	ret = f->error;
	dma_fence_put(f);
	return ret;
}

/*
 * Copy an object's system pages to or from VRAM at @vram with the copy
 * engine through nvdrm's kernel channel: one transfer per run of
 * contiguous DMA addresses, in order on one channel, all waited for.
 * Return: 0, or an error and the copy is not to be trusted (the caller
 * copies with the CPU).
 */
static int nvdrm_copy_ce(struct nvdrm_device *ndev, struct ttm_tt *tt,
			 u64 vram, bool to_vram)
{
	struct dma_fence *fences[NVDRM_MOVE_FENCES] = {};
	unsigned int nf = 0, k;
	pgoff_t i = 0, n;
	int ret = 0, err;

	if (!READ_ONCE(evict_ce) || !tt->dma_address)
		return -EOPNOTSUPP;
	while (i < tt->num_pages) {
		dma_addr_t start = tt->dma_address[i];
		struct nvdrm_kaddr v = {
			.vram = true, .addr = vram + ((u64)i << PAGE_SHIFT),
		};
		struct nvdrm_kaddr sys = { .vram = false, .addr = start };
		struct dma_fence *f;

		for (n = 1; i + n < tt->num_pages && n < (SZ_1G >> PAGE_SHIFT) &&
		     tt->dma_address[i + n] == start + ((u64)n << PAGE_SHIFT); n++)
			;
		if (nf == NVDRM_MOVE_FENCES) {
			err = nvdrm_fence_done(fences[0]);
			ret = ret ?: err;
			memmove(fences, fences + 1, sizeof(*fences) * --nf);
		}
		err = to_vram ?
		      nvdrm_kchan_copy(ndev, &v, &sys, (u64)n << PAGE_SHIFT, &f) :
		      nvdrm_kchan_copy(ndev, &sys, &v, (u64)n << PAGE_SHIFT, &f);
		if (err) {
			ret = err;
			break;
		}
		fences[nf++] = f;
		i += n;
	}
	for (k = 0; k < nf; k++) {
		err = nvdrm_fence_done(fences[k]);
		ret = ret ?: err;
	}
	if (!ret)
		atomic64_add((u64)tt->num_pages << PAGE_SHIFT, &ndev->ce_copied);
	return ret;
}

/*
 * Fill a VRAM range with zeros: the copy engine, else nvcore's fill. On
 * failure say so once (data would leak).
 */
static int nvdrm_vram_scrub(struct nvdrm_device *ndev, struct ttm_resource *res)
{
	u64 len = (u64)res->num_pages << PAGE_SHIFT;
	struct nvdrm_kaddr dst = {
		.vram = true, .addr = nvdrm_vram_addr(ndev, res),
	};
	struct dma_fence *f;
	int ret = -EOPNOTSUPP;

	if (READ_ONCE(evict_ce)) {
		ret = nvdrm_kchan_fill(ndev, &dst, len, 0, &f);
		if (!ret)
			ret = nvdrm_fence_done(f);
		if (!ret)
			atomic64_add(len, &ndev->ce_scrubbed);
	}
	if (ret)
		ret = nvc_vram_fill(ndev->part, dst.addr, len, 0);
	if (ret)
		drm_err_once(ndev->drm, "nvdrm: VRAM scrub failed: %d\n", ret);
	else
		atomic64_add(len, &ndev->scrubbed);
	return ret;
}

/*
 * Copy an object's pages to or from VRAM: the copy engine, else (no
 * kernel channel, it died, or evict_ce=0) the CPU through BAR1.
 */
static int nvdrm_copy_vram(struct nvdrm_device *ndev, struct ttm_tt *tt,
			   u64 vram, bool to_vram)
{
	pgoff_t i;
	int ret;

	if (!nvdrm_copy_ce(ndev, tt, vram, to_vram))
		return 0;
	ret = 0;
	for (i = 0; i < tt->num_pages && !ret; i++) {
		void *p = kmap_local_page(tt->pages[i]);

		if (to_vram)
			ret = nvc_vram_write(ndev->part, vram + i * PAGE_SIZE, p,
					     PAGE_SIZE);
		else
			ret = nvc_vram_read(ndev->part, vram + i * PAGE_SIZE, p,
					    PAGE_SIZE);
		kunmap_local(p);
	}
	if (!ret)
		atomic64_add((u64)tt->num_pages << PAGE_SHIFT, &ndev->cpu_copied);
	return ret;
}

static int nvdrm_bo_move(struct ttm_buffer_object *tbo, bool evict,
			 struct ttm_operation_ctx *ctx,
			 struct ttm_resource *new_mem, struct ttm_place *hop)
{
	struct nvdrm_device *ndev = bdev_to_ndev(tbo->bdev);
	struct nvdrm_bo *bo = container_of(tbo, struct nvdrm_bo, tbo);
	struct ttm_resource *old = tbo->resource;
	int ret;

	if (!old || (old->mem_type == TTM_PL_SYSTEM &&
		     new_mem->mem_type == TTM_PL_SYSTEM)) {
		ttm_bo_move_null(tbo, new_mem);
		return 0;
	}
	/* Work still using the object finishes before its memory moves. */
	ret = ttm_bo_wait_ctx(tbo, ctx);
	if (ret)
		return ret;
	if (old->mem_type == TTM_PL_SYSTEM && new_mem->mem_type == TTM_PL_VRAM) {
		/* Never-populated pages are zeros, as free VRAM is. */
		if (tbo->ttm && ttm_tt_is_populated(tbo->ttm)) {
			ret = nvdrm_copy_vram(ndev, tbo->ttm,
					      nvdrm_vram_addr(ndev, new_mem), true);
			if (ret)
				return ret;
		}
		/* GPU mappings follow before the pages go. */
		nvdrm_vm_bo_update(bo, new_mem);
		atomic64_inc(&ndev->restores);
		ttm_bo_move_sync_cleanup(tbo, new_mem);
		return 0;
	}
	if (old->mem_type == TTM_PL_VRAM && new_mem->mem_type == TTM_PL_SYSTEM) {
		ret = ttm_tt_populate(tbo->bdev, tbo->ttm, ctx);
		if (ret)
			return ret;
		ret = nvdrm_copy_vram(ndev, tbo->ttm, nvdrm_vram_addr(ndev, old),
				      false);
		if (ret)
			return ret;
		/* GPU mappings follow before the VRAM is scrubbed and freed. */
		nvdrm_vm_bo_update(bo, new_mem);
		/* CPU mappings are gone (TTM unmapped them before the move). */
		ret = nvdrm_vram_scrub(ndev, old);
		if (ret)
			return ret;
		if (evict) {
			atomic_inc(&bo->evictions);
			atomic64_inc(&ndev->evictions);
		}
		ttm_bo_move_sync_cleanup(tbo, new_mem);
		return 0;
	}
	return -EINVAL;
}

/* TTM swaps a system object's pages out: its GPU mappings go invalid. */
static void nvdrm_swap_notify(struct ttm_buffer_object *tbo)
{
	nvdrm_vm_bo_update(container_of(tbo, struct nvdrm_bo, tbo), NULL);
}

/* An object's memory is about to be freed: scrub VRAM. */
static void nvdrm_delete_mem_notify(struct ttm_buffer_object *tbo)
{
	struct nvdrm_device *ndev = bdev_to_ndev(tbo->bdev);

	if (tbo->resource && tbo->resource->mem_type == TTM_PL_VRAM)
		nvdrm_vram_scrub(ndev, tbo->resource);
}

static int nvdrm_io_mem_reserve(struct ttm_device *bdev,
				struct ttm_resource *mem)
{
	struct nvdrm_device *ndev = bdev_to_ndev(bdev);

	switch (mem->mem_type) {
	case TTM_PL_SYSTEM:
		return 0;
	case TTM_PL_VRAM:
		mem->bus.offset = nvdrm_vram_addr(ndev, mem);
		mem->bus.is_iomem = true;
		mem->bus.caching = ttm_cached;
		return 0;
	default:
		return -EINVAL;
	}
}

static struct ttm_device_funcs nvdrm_ttm_funcs = {
	.ttm_tt_create = nvdrm_tt_create,
	.ttm_tt_populate = nvdrm_tt_populate,
	.ttm_tt_unpopulate = nvdrm_tt_unpopulate,
	.ttm_tt_destroy = nvdrm_tt_destroy,
	.eviction_valuable = ttm_bo_eviction_valuable,
	.evict_flags = nvdrm_evict_flags,
	.move = nvdrm_bo_move,
	.delete_mem_notify = nvdrm_delete_mem_notify,
	.swap_notify = nvdrm_swap_notify,
	.io_mem_reserve = nvdrm_io_mem_reserve,
};

/* ---- CPU faults ---- */

/* Map pages of a VRAM object through BAR1, from the faulting one on. */
static vm_fault_t nvdrm_vram_fault(struct vm_fault *vmf,
				   struct ttm_buffer_object *tbo)
{
	struct nvdrm_device *ndev = bdev_to_ndev(tbo->bdev);
	struct vm_area_struct *vma = vmf->vma;
	unsigned long addr = vmf->address;
	pgoff_t first, page, last;
	vm_fault_t ret = VM_FAULT_SIGBUS;
	u64 base;

	first = ((addr - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff -
		drm_vma_node_start(&tbo->base.vma_node);
	last = vma_pages(vma) + vma->vm_pgoff -
	       drm_vma_node_start(&tbo->base.vma_node);
	if (first >= tbo->resource->num_pages)
		return VM_FAULT_SIGBUS;
	last = min_t(pgoff_t, last, tbo->resource->num_pages);
	last = min_t(pgoff_t, last, first + NVDRM_VRAM_PREFAULT);
	base = nvdrm_vram_addr(ndev, tbo->resource);

	for (page = first; page < last; page++, addr += PAGE_SIZE) {
		unsigned long pfn;
		bool iomem;
		pgprot_t prot;

		if (nvc_vram_cpu_pfn(ndev->part, base + page * PAGE_SIZE, &pfn,
				     &iomem))
			break;
		prot = iomem ? pgprot_writecombine(vma->vm_page_prot) :
			       vma->vm_page_prot;
		ret = vmf_insert_pfn_prot(vma, addr, pfn, prot);
		if (ret & VM_FAULT_ERROR) {
			/* Only the faulting page's error counts. */
			if (page != first)
				ret = VM_FAULT_NOPAGE;
			break;
		}
	}
	return ret;
}

static vm_fault_t nvdrm_gem_fault(struct vm_fault *vmf)
{
	struct ttm_buffer_object *tbo = vmf->vma->vm_private_data;
	struct nvdrm_bo *bo = container_of(tbo, struct nvdrm_bo, tbo);
	struct drm_device *drm = tbo->base.dev;
	vm_fault_t ret;
	int idx;

	ret = ttm_bo_vm_reserve(tbo, vmf);
	if (ret)
		return ret;

	if (drm_dev_enter(drm, &idx)) {
		/* An evicted VRAM object comes back when it is used. */
		if (bo->domain == NVDRM_GEM_DOMAIN_VRAM && !tbo->pin_count &&
		    tbo->resource->mem_type != TTM_PL_VRAM) {
			struct ttm_operation_ctx ctx = {};

			ttm_bo_validate(tbo, &bo->placement, &ctx);
		}
		if (tbo->resource->mem_type == TTM_PL_VRAM)
			ret = nvdrm_vram_fault(vmf, tbo);
		else
			ret = ttm_bo_vm_fault_reserved(vmf, vmf->vma->vm_page_prot,
						       TTM_BO_VM_NUM_PREFAULT);
		drm_dev_exit(idx);
	} else {
		/*
		 * Unplugged: drm_dev_unplug() zapped every mapping; a later
		 * access gets SIGBUS, never the device's memory or a page
		 * that silently swallows writes.
		 */
		ret = VM_FAULT_SIGBUS;
	}
	if (ret == VM_FAULT_RETRY && !(vmf->flags & FAULT_FLAG_RETRY_NOWAIT))
		return ret;
	dma_resv_unlock(tbo->base.resv);
	return ret;
}

static const struct vm_operations_struct nvdrm_gem_vm_ops = {
	.fault = nvdrm_gem_fault,
	.open = ttm_bo_vm_open,
	.close = ttm_bo_vm_close,
	.access = ttm_bo_vm_access,
};

/* ---- GEM object functions ---- */

static void nvdrm_gem_free(struct drm_gem_object *obj)
{
	ttm_bo_put(&to_nvdrm_bo(obj)->tbo);
}

static int nvdrm_gem_mmap(struct drm_gem_object *obj, struct vm_area_struct *vma)
{
	int ret;

	ret = ttm_bo_mmap_obj(vma, &to_nvdrm_bo(obj)->tbo);
	if (ret)
		return ret;
	/* TTM took its own reference for the mapping. */
	drm_gem_object_put(obj);
	return 0;
}

/* PRIME: pinned in system memory while a device is attached. */
static int nvdrm_gem_pin(struct drm_gem_object *obj)
{
	struct ttm_buffer_object *tbo = &to_nvdrm_bo(obj)->tbo;
	struct ttm_operation_ctx ctx = { .interruptible = true };
	struct ttm_placement pl = {
		.num_placement = 1, .placement = &nvdrm_sys_place,
		.num_busy_placement = 1, .busy_placement = &nvdrm_sys_place,
	};
	int ret;

	ret = ttm_bo_reserve(tbo, true, false, NULL);
	if (ret)
		return ret;
	if (!tbo->pin_count) {
		ret = ttm_bo_validate(tbo, &pl, &ctx);
		if (!ret)
			ret = ttm_tt_populate(tbo->bdev, tbo->ttm, &ctx);
	}
	if (!ret)
		ttm_bo_pin(tbo);
	ttm_bo_unreserve(tbo);
	return ret;
}

static void nvdrm_gem_unpin(struct drm_gem_object *obj)
{
	struct ttm_buffer_object *tbo = &to_nvdrm_bo(obj)->tbo;

	dma_resv_lock(tbo->base.resv, NULL);
	ttm_bo_unpin(tbo);
	dma_resv_unlock(tbo->base.resv);
}

static struct sg_table *nvdrm_gem_get_sg_table(struct drm_gem_object *obj)
{
	struct ttm_buffer_object *tbo = &to_nvdrm_bo(obj)->tbo;

	/* Pinned (attached): system pages, populated. */
	if (!tbo->pin_count || !tbo->ttm || !ttm_tt_is_populated(tbo->ttm))
		return ERR_PTR(-EINVAL);
	return drm_prime_pages_to_sg(obj->dev, tbo->ttm->pages,
				     tbo->ttm->num_pages);
}

static const struct drm_gem_object_funcs nvdrm_gem_funcs = {
	.free = nvdrm_gem_free,
	.mmap = nvdrm_gem_mmap,
	.pin = nvdrm_gem_pin,
	.unpin = nvdrm_gem_unpin,
	.get_sg_table = nvdrm_gem_get_sg_table,
	.vm_ops = &nvdrm_gem_vm_ops,
};

static void nvdrm_bo_destroy(struct ttm_buffer_object *tbo)
{
	struct nvdrm_bo *bo = container_of(tbo, struct nvdrm_bo, tbo);

	if (tbo->base.import_attach)
		drm_prime_gem_destroy(&tbo->base, tbo->sg);
	drm_gem_object_release(&tbo->base);
	kfree(bo);
}

/*
 * A new object. @resv: the exporter's reservation for imports (locked by
 * the caller), else NULL. On failure the object is gone.
 */
static struct nvdrm_bo *nvdrm_bo_create(struct nvdrm_device *ndev, u64 size,
					u32 domain, struct sg_table *sg,
					struct dma_resv *resv)
{
	u32 align = 0;
	struct nvdrm_bo *bo;
	int ret;

	/*
	 * VRAM objects aligned to the largest GPU page their size is a
	 * multiple of, so that VM_BIND can map them with 2 MiB or 64 KiB
	 * pages (the VRAM domain itself starts 2 MiB aligned).
	 */
	if (domain == NVDRM_GEM_DOMAIN_VRAM && !sg) {
		if (IS_ALIGNED(size, SZ_2M))
			align = SZ_2M >> PAGE_SHIFT;
		else if (IS_ALIGNED(size, SZ_64K))
			align = SZ_64K >> PAGE_SHIFT;
	}
	bo = kzalloc(sizeof(*bo), GFP_KERNEL);
	if (!bo)
		return ERR_PTR(-ENOMEM);
	bo->tbo.base.funcs = &nvdrm_gem_funcs;
	drm_gem_private_object_init(ndev->drm, &bo->tbo.base, size);
	bo->domain = domain;
	bo->imported = !!sg;
	INIT_LIST_HEAD(&bo->vmas);
	bo->places[0] = domain == NVDRM_GEM_DOMAIN_VRAM ? nvdrm_vram_place :
							  nvdrm_sys_place;
	bo->placement.num_placement = 1;
	bo->placement.placement = bo->places;
	bo->placement.num_busy_placement = 1;
	bo->placement.busy_placement = bo->places;

	/* On failure TTM drops the object through nvdrm_bo_destroy(). */
	ret = ttm_bo_init_validate(&ndev->bdev, &bo->tbo,
				   sg ? ttm_bo_type_sg : ttm_bo_type_device,
				   &bo->placement, align, true, sg, resv,
				   nvdrm_bo_destroy);
	if (ret)
		return ERR_PTR(ret);
	return bo;
}

/**
 * nvdrm_gem_prime_import_sg_table() - a dma-buf of another device as an object
 * @drm: our device
 * @attach: the attachment
 * @sgt: its mapped pages
 *
 * Return: the object or an ERR_PTR.
 */
struct drm_gem_object *
nvdrm_gem_prime_import_sg_table(struct drm_device *drm,
				struct dma_buf_attachment *attach,
				struct sg_table *sgt)
{
	struct dma_resv *resv = attach->dmabuf->resv;
	struct nvdrm_bo *bo;

	dma_resv_lock(resv, NULL);
	bo = nvdrm_bo_create(nvdrm_dev(drm), attach->dmabuf->size,
			     NVDRM_GEM_DOMAIN_SYSTEM, sgt, resv);
	dma_resv_unlock(resv);
	if (IS_ERR(bo))
		return ERR_CAST(bo);
	return &bo->tbo.base;
}

/* ---- ioctls ---- */

/**
 * nvdrm_ioctl_gem_create() - DRM_IOCTL_NVDRM_GEM_CREATE
 * @drm: device
 * @data: &struct drm_nvdrm_gem_create
 * @file: caller
 *
 * Return: 0 or a negative errno.
 */
int nvdrm_ioctl_gem_create(struct drm_device *drm, void *data,
			   struct drm_file *file)
{
	struct nvdrm_device *ndev = nvdrm_dev(drm);
	struct drm_nvdrm_gem_create *a = data;
	struct nvdrm_bo *bo;
	u64 size;
	int ret;

	if (a->flags || a->pad || a->handle)
		return -EINVAL;
	if (a->domain != NVDRM_GEM_DOMAIN_VRAM &&
	    a->domain != NVDRM_GEM_DOMAIN_SYSTEM)
		return -EINVAL;
	if (!a->size || a->size > U64_MAX - PAGE_SIZE)
		return -EINVAL;
	size = PAGE_ALIGN(a->size);
	if (size >> PAGE_SHIFT > INT_MAX)
		return -E2BIG;
	if (a->domain == NVDRM_GEM_DOMAIN_VRAM && size > ndev->vram.size)
		return -E2BIG;
	if (size > totalram_pages() << PAGE_SHIFT)
		return -ENOMEM;

	bo = nvdrm_bo_create(ndev, size, a->domain, NULL, NULL);
	if (IS_ERR(bo))
		return PTR_ERR(bo) == -ENOSPC ? -ENOMEM : PTR_ERR(bo);
	ret = drm_gem_handle_create(file, &bo->tbo.base, &a->handle);
	/* The handle holds the reference now (or the object goes). */
	drm_gem_object_put(&bo->tbo.base);
	return ret;
}

/**
 * nvdrm_ioctl_gem_mmap_offset() - DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET
 * @drm: device
 * @data: &struct drm_nvdrm_gem_mmap_offset
 * @file: caller
 *
 * Return: 0 or a negative errno.
 */
int nvdrm_ioctl_gem_mmap_offset(struct drm_device *drm, void *data,
				struct drm_file *file)
{
	struct drm_nvdrm_gem_mmap_offset *a = data;
	struct drm_gem_object *obj;

	if (a->pad)
		return -EINVAL;
	obj = drm_gem_object_lookup(file, a->handle);
	if (!obj)
		return -ENOENT;
	a->offset = drm_vma_node_offset_addr(&obj->vma_node);
	drm_gem_object_put(obj);
	return 0;
}

/**
 * nvdrm_ioctl_gem_info() - DRM_IOCTL_NVDRM_GEM_INFO
 * @drm: device
 * @data: &struct drm_nvdrm_gem_info
 * @file: caller
 *
 * Return: 0 or a negative errno.
 */
int nvdrm_ioctl_gem_info(struct drm_device *drm, void *data,
			 struct drm_file *file)
{
	struct drm_nvdrm_gem_info *a = data;
	struct drm_gem_object *obj;
	struct nvdrm_bo *bo;
	int ret;

	if (a->pad || a->reserved)
		return -EINVAL;
	obj = drm_gem_object_lookup(file, a->handle);
	if (!obj)
		return -ENOENT;
	if (obj->funcs != &nvdrm_gem_funcs) {
		drm_gem_object_put(obj);
		return -EINVAL;
	}
	bo = to_nvdrm_bo(obj);
	ret = dma_resv_lock_interruptible(obj->resv, NULL);
	if (!ret) {
		a->size = obj->size;
		a->domain = bo->domain;
		a->current_domain = bo->tbo.resource &&
				    bo->tbo.resource->mem_type == TTM_PL_VRAM ?
				    NVDRM_GEM_DOMAIN_VRAM : NVDRM_GEM_DOMAIN_SYSTEM;
		a->flags = bo->imported ? NVDRM_GEM_INFO_IMPORTED : 0;
		a->evictions = atomic_read(&bo->evictions);
		dma_resv_unlock(obj->resv);
	}
	drm_gem_object_put(obj);
	return ret;
}

/* ---- device ---- */

/**
 * nvdrm_ttm_init() - the TTM device and its VRAM domain
 * @ndev: device with its VRAM allocated
 *
 * Return: 0 or a negative errno.
 */
int nvdrm_ttm_init(struct nvdrm_device *ndev)
{
	struct drm_device *drm = ndev->drm;
	int ret;

	ret = ttm_device_init(&ndev->bdev, &nvdrm_ttm_funcs, drm->dev,
			      drm->anon_inode->i_mapping,
			      drm->vma_offset_manager, false, false);
	if (ret)
		return ret;
	ndev->ttm_ready = true;
	ret = ttm_range_man_init(&ndev->bdev, TTM_PL_VRAM, false,
				 ndev->vram.size >> PAGE_SHIFT);
	if (ret)
		return ret;
	ndev->vram_ready = true;
	return 0;
}

/**
 * nvdrm_ttm_shutdown() - move every object out of VRAM and close it
 * @ndev: device being removed (unplugged: nothing places objects any more)
 *
 * After this nvdrm holds no VRAM and the partition can go.
 */
void nvdrm_ttm_shutdown(struct nvdrm_device *ndev)
{
	struct ttm_resource_manager *man;
	int ret;

	if (!ndev->vram_ready)
		return;
	man = ttm_manager_type(&ndev->bdev, TTM_PL_VRAM);
	ret = ttm_resource_manager_evict_all(&ndev->bdev, man);
	if (ret)
		drm_err(ndev->drm, "nvdrm: VRAM objects not evicted at removal: %d\n",
			ret);
	/* Stops placements in VRAM for good. */
	ttm_range_man_fini(&ndev->bdev, TTM_PL_VRAM);
	ndev->vram_ready = false;
}

/**
 * nvdrm_ttm_fini() - free the TTM device
 * @ndev: device whose last reference is gone (no object left)
 */
void nvdrm_ttm_fini(struct nvdrm_device *ndev)
{
	nvdrm_ttm_shutdown(ndev);
	if (ndev->ttm_ready)
		ttm_device_fini(&ndev->bdev);
	ndev->ttm_ready = false;
}
