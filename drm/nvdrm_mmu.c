// SPDX-License-Identifier: GPL-2.0
/*
 * nvdrm: GPU page tables in the MMU format version 2, written by nvdrm in
 * its own VRAM, and the GSP-RM VA space over them.
 *
 * DOC: nvdrm page tables
 *
 * nvdrm owns the VRAM of its partition and writes its own page tables
 * (anchors: the split RFC's answer to the VM_BIND locking question), in
 * the format of include/nvcore/mmu.h. Tables come from a page-table heap:
 * a second VRAM allocation of the partition (``pt_mib``), cut in 4 KiB
 * tables, each filled with zeros (invalid entries) before use. Every table
 * is written through BAR1 (nvc_vram_write()).
 *
 * A VM has a root (PD3) and tables created as mappings need them; tables
 * stay until the VM is destroyed. Creating a VM also builds the PD3, PD2
 * and PD1 tables over the range GSP-RM reserves for itself in every VA
 * space, [4 GiB, 4.5 GiB) (OGKM vaStartServerRMOwned and
 * SPLIT_VAS_SERVER_RM_MANAGED_VA_SIZE), which no mapping may use, and
 * hands them to GSP-RM with the VA space object (nvc_vaspace_create(), the
 * way nouveau's r535 VMM does): level 0 is the page directory base.
 *
 * PTEs: a VRAM object's pages with the video aperture and their VRAM
 * address, a system-memory object's pages with the coherent system
 * aperture and their DMA address; read-only mappings set READ_ONLY. When an
 * object moves (eviction, restore, export pinning) its PTEs in every VM are
 * rewritten to the new place before the old memory is freed; when TTM
 * swaps a system object out they are invalidated.
 *
 * Locking: an object's dma_resv lock protects its list of mappings
 * (&nvdrm_bo.vmas) and the PTEs of those mappings; &nvdrm_device.pt_lock
 * protects the heap, the list of VMs, the VMs' table trees and
 * &nvdrm_device.pt_dead. Order: file lock, then dma_resv, then pt_lock.
 * After removal (pt_dead) nothing is written any more: the heap went back
 * with the partition and the VA spaces were destroyed.
 */
#include <linux/bitmap.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include <drm/ttm/ttm_tt.h>

#include <nvcore/mmu.h>

#include <uapi/drm/nvdrm_drm.h>

#include "nvdrm.h"

#define NVDRM_PT_SIZE		SZ_4K

static const unsigned int nvdrm_pt_entries[NVC_MMU_V2_LEVELS] = {
	4, 512, 512, 256, 512,
};

/**
 * nvdrm_pt_heap_init() - set up the page-table heap
 * @ndev: device with &nvdrm_device.pt_heap allocated
 *
 * Return: 0 or -ENOMEM.
 */
int nvdrm_pt_heap_init(struct nvdrm_device *ndev)
{
	ndev->pt_count = ndev->pt_heap.size / NVDRM_PT_SIZE;
	ndev->pt_bitmap = bitmap_zalloc(ndev->pt_count, GFP_KERNEL);
	if (!ndev->pt_bitmap)
		return -ENOMEM;
	mutex_init(&ndev->pt_lock);
	INIT_LIST_HEAD(&ndev->vms);
	return 0;
}

/* A zeroed table from the heap. Holds pt_lock. */
static struct nvdrm_pt *nvdrm_pt_new(struct nvdrm_device *ndev,
				     enum nvc_mmu_v2_level level)
{
	struct nvdrm_pt *pt;
	unsigned long i;

	i = find_first_zero_bit(ndev->pt_bitmap, ndev->pt_count);
	if (i >= ndev->pt_count)
		return NULL;
	pt = kzalloc(sizeof(*pt), GFP_KERNEL);
	if (!pt)
		return NULL;
	if (level != NVC_MMU_V2_PT) {
		pt->child = kcalloc(nvdrm_pt_entries[level], sizeof(*pt->child),
				    GFP_KERNEL);
		if (!pt->child)
			goto err;
	}
	pt->level = level;
	pt->addr = ndev->pt_heap.base + i * NVDRM_PT_SIZE;
	if (nvc_vram_fill(ndev->part, pt->addr, NVDRM_PT_SIZE, 0))
		goto err;
	set_bit(i, ndev->pt_bitmap);
	return pt;
err:
	kfree(pt->child);
	kfree(pt);
	return NULL;
}

/* Free a table tree. Holds pt_lock; the heap may be gone (pt_dead). */
static void nvdrm_pt_free(struct nvdrm_device *ndev, struct nvdrm_pt *pt)
{
	unsigned int i;

	if (!pt)
		return;
	if (pt->child)
		for (i = 0; i < nvdrm_pt_entries[pt->level]; i++)
			nvdrm_pt_free(ndev, pt->child[i]);
	if (!ndev->pt_dead) {
		/* Zero before reuse: a stale entry must never be followed. */
		nvc_vram_fill(ndev->part, pt->addr, NVDRM_PT_SIZE, 0);
		clear_bit((pt->addr - ndev->pt_heap.base) / NVDRM_PT_SIZE,
			  ndev->pt_bitmap);
	}
	kfree(pt->child);
	kfree(pt);
}

/* The child of @pt for @va, created (and its PDE written) if absent. */
static struct nvdrm_pt *nvdrm_pt_child(struct nvdrm_device *ndev,
				       struct nvdrm_pt *pt, u64 va)
{
	unsigned int i = nvc_mmu_v2_index(pt->level, va);
	struct nvdrm_pt *c = pt->child[i];
	u64 pde[2] = {};
	int ret;

	if (c)
		return c;
	c = nvdrm_pt_new(ndev, pt->level + 1);
	if (!c)
		return NULL;
	if (pt->level == NVC_MMU_V2_PD0) {
		/* Dual PDE: no 64 KiB table, the 4 KiB one in the high word. */
		pde[1] = nvc_mmu_v2_dual_pde_small(NVC_MMU_V2_PDE_APERTURE_VIDEO,
						   c->addr, false);
		ret = nvc_vram_write(ndev->part, pt->addr + i * 16, pde, 16);
	} else {
		pde[0] = nvc_mmu_v2_pde(NVC_MMU_V2_PDE_APERTURE_VIDEO, c->addr,
					false);
		ret = nvc_vram_write(ndev->part, pt->addr + i * 8, pde, 8);
	}
	if (ret) {
		nvdrm_pt_free(ndev, c);
		return NULL;
	}
	pt->child[i] = c;
	return c;
}

/* The page table (last level) for @va, built if @create. Holds pt_lock. */
static struct nvdrm_pt *nvdrm_pt_walk(struct nvdrm_device *ndev,
				      struct nvdrm_vm *vm, u64 va, bool create)
{
	struct nvdrm_pt *pt = vm->root;

	while (pt && pt->level != NVC_MMU_V2_PT) {
		if (create)
			pt = nvdrm_pt_child(ndev, pt, va);
		else
			pt = pt->child[nvc_mmu_v2_index(pt->level, va)];
	}
	return pt;
}

/* PTE of page @page of @bo at @res, or 0 if it has no backing. */
static u64 nvdrm_pte(struct nvdrm_device *ndev, struct nvdrm_bo *bo,
		     struct ttm_resource *res, pgoff_t page, u32 flags)
{
	struct ttm_tt *tt = bo->tbo.ttm;
	u64 f = flags & NVDRM_VM_BIND_READ_ONLY ? NVC_MMU_V2_PTE_READ_ONLY : 0;

	if (res->mem_type == TTM_PL_VRAM)
		return nvc_mmu_v2_pte(NVC_MMU_V2_PTE_APERTURE_VIDEO,
				      ndev->vram.base +
				      ((u64)(res->start + page) << PAGE_SHIFT), f);
	if (!tt || !ttm_tt_is_populated(tt) || !tt->dma_address)
		return 0;
	return nvc_mmu_v2_pte(NVC_MMU_V2_PTE_APERTURE_SYS_COHERENT,
			      tt->dma_address[page], f);
}

/*
 * Write the PTEs of @vma for its object at @res (NULL: invalid). Holds the
 * object's resv and pt_lock. A run inside one page table is one write.
 */
static int nvdrm_vma_write(struct nvdrm_device *ndev, struct nvdrm_vma *vma,
			   struct ttm_resource *res)
{
	u64 va = vma->node.start, end = va + vma->node.size;
	pgoff_t page = vma->offset >> PAGE_SHIFT;
	u64 *ptes;
	int ret = 0;

	if (ndev->pt_dead)
		return 0;
	ptes = kmalloc(NVDRM_PT_SIZE, GFP_KERNEL);
	if (!ptes)
		return -ENOMEM;
	while (va < end && !ret) {
		unsigned int first = nvc_mmu_v2_index(NVC_MMU_V2_PT, va), n;
		struct nvdrm_pt *pt = nvdrm_pt_walk(ndev, vma->vm, va, true);

		if (!pt) {
			ret = -ENOMEM;
			break;
		}
		for (n = 0; first + n < 512 && va + ((u64)n << PAGE_SHIFT) < end; n++)
			ptes[n] = res ? nvdrm_pte(ndev, vma->bo, res, page + n,
						  vma->flags) : 0;
		ret = nvc_vram_write(ndev->part, pt->addr + first * 8, ptes, n * 8);
		va += (u64)n << PAGE_SHIFT;
		page += n;
	}
	kfree(ptes);
	return ret;
}

/**
 * nvdrm_vm_bo_update() - rewrite the PTEs of every mapping of an object
 * @bo: the object (its resv held)
 * @res: where it is about to be or is (NULL: invalidate)
 */
void nvdrm_vm_bo_update(struct nvdrm_bo *bo, struct ttm_resource *res)
{
	struct nvdrm_device *ndev = nvdrm_dev(bo->tbo.base.dev);
	struct nvdrm_vma *vma;

	if (list_empty(&bo->vmas))
		return;
	mutex_lock(&ndev->pt_lock);
	list_for_each_entry(vma, &bo->vmas, bo_link)
		if (nvdrm_vma_write(ndev, vma, res))
			drm_err_ratelimited(ndev->drm, "nvdrm: PTE update failed\n");
	mutex_unlock(&ndev->pt_lock);
}

/**
 * nvdrm_vma_bind() - write a new mapping's PTEs and link it to its object
 * @vma: the mapping (node, object, offset and flags set)
 *
 * Return: 0 or a negative errno (nothing linked).
 */
int nvdrm_vma_bind(struct nvdrm_vma *vma)
{
	struct nvdrm_device *ndev = vma->vm->ndev;
	struct ttm_buffer_object *tbo = &vma->bo->tbo;
	struct ttm_operation_ctx ctx = { .interruptible = true };
	int ret;

	ret = dma_resv_lock_interruptible(tbo->base.resv, NULL);
	if (ret)
		return ret;
	/* System memory gets its pages (and DMA addresses) now. */
	if (tbo->resource->mem_type != TTM_PL_VRAM) {
		if (!tbo->ttm)
			ret = -EINVAL;
		else
			ret = ttm_tt_populate(tbo->bdev, tbo->ttm, &ctx);
	}
	if (!ret) {
		mutex_lock(&ndev->pt_lock);
		ret = ndev->pt_dead ? -ENODEV :
		      nvdrm_vma_write(ndev, vma, tbo->resource);
		mutex_unlock(&ndev->pt_lock);
	}
	if (!ret)
		list_add_tail(&vma->bo_link, &vma->bo->vmas);
	dma_resv_unlock(tbo->base.resv);
	return ret;
}

/**
 * nvdrm_vma_unbind() - clear a mapping's PTEs and unlink it
 * @vma: a bound mapping
 */
void nvdrm_vma_unbind(struct nvdrm_vma *vma)
{
	struct nvdrm_device *ndev = vma->vm->ndev;
	struct dma_resv *resv = vma->bo->tbo.base.resv;

	dma_resv_lock(resv, NULL);
	mutex_lock(&ndev->pt_lock);
	nvdrm_vma_write(ndev, vma, NULL);
	mutex_unlock(&ndev->pt_lock);
	list_del(&vma->bo_link);
	dma_resv_unlock(resv);
}

/**
 * nvdrm_vm_hw_init() - page directory and GSP-RM VA space of a new VM
 * @ndev: the device
 * @vm: the VM (its address allocator set up, GSP-RM's range reserved)
 *
 * Return: 0 or a negative errno (nothing left allocated).
 */
int nvdrm_vm_hw_init(struct nvdrm_device *ndev, struct nvdrm_vm *vm)
{
	struct nvc_vaspace_pdes pdes = {
		.va_lo = NVDRM_RM_VA,
		.va_hi = NVDRM_RM_VA + NVDRM_RM_VA_SIZE - 1,
		.page_size = NVDRM_RM_VA_SIZE,
		.nr_levels = 3,
	};
	struct nvdrm_pt *pt;
	struct nvc_vaspace *vas;
	int ret = -ENOMEM, l;

	vm->ndev = ndev;
	mutex_lock(&ndev->pt_lock);
	if (ndev->pt_dead) {
		ret = -ENODEV;
		goto err_unlock;
	}
	vm->root = nvdrm_pt_new(ndev, NVC_MMU_V2_PD3);
	if (!vm->root)
		goto err_unlock;
	/* PD3 -> PD2 -> PD1 over GSP-RM's range: the levels it is given. */
	for (pt = vm->root, l = 0; l < 3; l++) {
		pdes.level[l].addr = pt->addr;
		pdes.level[l].size = nvdrm_pt_entries[l] * 8;
		pdes.level[l].page_shift = nvc_mmu_v2_shift(l);
		if (l < 2) {
			pt = nvdrm_pt_child(ndev, pt, NVDRM_RM_VA);
			if (!pt)
				goto err_free;
		}
	}
	mutex_unlock(&ndev->pt_lock);

	vm->pdes = pdes;
	vas = nvc_vaspace_create(ndev->part, &pdes);
	if (IS_ERR(vas)) {
		ret = PTR_ERR(vas);
		mutex_lock(&ndev->pt_lock);
		goto err_free;
	}
	mutex_lock(&ndev->pt_lock);
	vm->vas = vas;
	list_add_tail(&vm->dev_link, &ndev->vms);
	mutex_unlock(&ndev->pt_lock);
	return 0;

err_free:
	nvdrm_pt_free(ndev, vm->root);
	vm->root = NULL;
err_unlock:
	mutex_unlock(&ndev->pt_lock);
	return ret;
}

/**
 * nvdrm_vm_hw_fini() - free a VM's VA space and page tables
 * @vm: the VM, with no mapping left
 */
void nvdrm_vm_hw_fini(struct nvdrm_vm *vm)
{
	struct nvdrm_device *ndev = vm->ndev;
	struct nvc_vaspace *vas;

	mutex_lock(&ndev->pt_lock);
	if (vm->root)
		list_del(&vm->dev_link);
	vas = vm->vas;
	vm->vas = NULL;
	mutex_unlock(&ndev->pt_lock);
	/* GSP-RM lets go of the tables before they are freed. */
	if (vas)
		nvc_vaspace_destroy(vas);
	mutex_lock(&ndev->pt_lock);
	nvdrm_pt_free(ndev, vm->root);
	vm->root = NULL;
	mutex_unlock(&ndev->pt_lock);
}

/**
 * nvdrm_pt_shutdown() - the device is going: VA spaces and heap go
 * @ndev: the device, unplugged, VRAM objects already evicted
 *
 * VMs of files still open keep their software state; nothing is written
 * to the (returned) heap any more.
 */
void nvdrm_pt_shutdown(struct nvdrm_device *ndev)
{
	struct nvdrm_vm *vm;

	if (!ndev->pt_bitmap)
		return;
	mutex_lock(&ndev->pt_lock);
	list_for_each_entry(vm, &ndev->vms, dev_link)
		if (vm->vas) {
			nvc_vaspace_destroy(vm->vas);
			vm->vas = NULL;
		}
	ndev->pt_dead = true;
	mutex_unlock(&ndev->pt_lock);
}

/**
 * nvdrm_pt_recovered() - GSP-RM was rebooted: give every VM a VA space again
 * @ndev: the device
 *
 * The page tables in VRAM survived (VRAM keeps its contents); only the
 * GSP-RM objects are gone. A VM whose VA space cannot be re-created
 * keeps its mappings but has no VA space (logged once).
 */
void nvdrm_pt_recovered(struct nvdrm_device *ndev)
{
	struct nvc_vaspace *vas;
	struct nvdrm_vm *vm;

	mutex_lock(&ndev->pt_lock);
	list_for_each_entry(vm, &ndev->vms, dev_link) {
		if (ndev->pt_dead)
			break;
		if (vm->vas)
			nvc_vaspace_destroy(vm->vas);	/* the handle only */
		vas = nvc_vaspace_create(ndev->part, &vm->pdes);
		if (IS_ERR(vas)) {
			drm_err_once(ndev->drm, "nvdrm: VA space not re-created after recovery: %ld\n",
				     PTR_ERR(vas));
			vas = NULL;
		}
		vm->vas = vas;
	}
	mutex_unlock(&ndev->pt_lock);
}

/**
 * nvdrm_pt_heap_fini() - free the heap's bookkeeping
 * @ndev: the device, all VMs gone
 */
void nvdrm_pt_heap_fini(struct nvdrm_device *ndev)
{
	bitmap_free(ndev->pt_bitmap);
	ndev->pt_bitmap = NULL;
}

/**
 * nvdrm_vm_map_kernel() - map nvdrm's own system memory into a VM
 * @vm: the VM
 * @va: GPU VA, page-aligned, below %NVDRM_VA_START (no user mapping there)
 * @dma: DMA address of physically contiguous memory, or 0 to unmap
 * @size: bytes, page-aligned, inside one page table
 *
 * Return: 0, -EINVAL, -ENODEV after removal, -ENOMEM.
 */
int nvdrm_vm_map_kernel(struct nvdrm_vm *vm, u64 va, dma_addr_t dma, u64 size)
{
	struct nvdrm_device *ndev = vm->ndev;
	unsigned int first = nvc_mmu_v2_index(NVC_MMU_V2_PT, va), n;
	u64 ptes[16];
	struct nvdrm_pt *pt;
	int ret;

	n = size >> PAGE_SHIFT;
	if (!PAGE_ALIGNED(va) || !PAGE_ALIGNED(size) || !n ||
	    n > ARRAY_SIZE(ptes) || va + size > NVDRM_VA_START ||
	    first + n > nvdrm_pt_entries[NVC_MMU_V2_PT])
		return -EINVAL;
	mutex_lock(&ndev->pt_lock);
	ret = -ENODEV;
	if (ndev->pt_dead || !vm->root)
		goto out;
	ret = -ENOMEM;
	pt = nvdrm_pt_walk(ndev, vm, va, dma != 0);
	if (!pt) {
		ret = dma ? -ENOMEM : 0;
		goto out;
	}
	for (ret = 0; ret < n; ret++)
		ptes[ret] = dma ? nvc_mmu_v2_pte(NVC_MMU_V2_PTE_APERTURE_SYS_COHERENT,
						 dma + ((u64)ret << PAGE_SHIFT),
						 NVC_MMU_V2_PTE_VOL) : 0;
	ret = nvc_vram_write(ndev->part, pt->addr + first * 8, ptes, n * 8);
out:
	mutex_unlock(&ndev->pt_lock);
	return ret;
}
