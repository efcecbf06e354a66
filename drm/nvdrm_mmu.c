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
 * Page sizes: each page of a mapping is the largest of 2 MiB, 64 KiB and
 * 4 KiB for which the VA, the backing address and the bytes left in the
 * mapping are aligned and the backing is contiguous (VRAM objects are;
 * system pages when TTM's pool gave a large block). A 2 MiB page is a PTE
 * in the PD0 entry itself; 64 KiB pages go in the big-page table and 4 KiB
 * pages in the small-page table of the dual PDE, both tables kept side by
 * side (a zero 64 KiB PTE lets the MMU use the 4 KiB ones). The choice is
 * made again whenever the object moves: rewriting a mapping first
 * invalidates what mapped its range (2 MiB PTE, 64 KiB and 4 KiB PTEs),
 * then writes the new sizes; a 2 MiB PTE frees the tables under it. VRAM
 * objects are placed aligned to 2 MiB or 64 KiB when their size is a
 * multiple of it (nvdrm_gem.c), so big pages are the rule in VRAM.
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
	if (level == NVC_MMU_V2_PD0) {
		pt->big = kcalloc(nvdrm_pt_entries[level], sizeof(*pt->big),
				  GFP_KERNEL);
		pt->huge = bitmap_zalloc(nvdrm_pt_entries[level], GFP_KERNEL);
		if (!pt->big || !pt->huge)
			goto err;
	}
	pt->level = level;
	pt->addr = ndev->pt_heap.base + i * NVDRM_PT_SIZE;
	if (nvc_vram_fill(ndev->part, pt->addr, NVDRM_PT_SIZE, 0))
		goto err;
	set_bit(i, ndev->pt_bitmap);
	return pt;
err:
	bitmap_free(pt->huge);
	kfree(pt->big);
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
	if (pt->big)
		for (i = 0; i < nvdrm_pt_entries[pt->level]; i++)
			nvdrm_pt_free(ndev, pt->big[i]);
	if (!ndev->pt_dead) {
		/* Zero before reuse: a stale entry must never be followed. */
		nvc_vram_fill(ndev->part, pt->addr, NVDRM_PT_SIZE, 0);
		clear_bit((pt->addr - ndev->pt_heap.base) / NVDRM_PT_SIZE,
			  ndev->pt_bitmap);
	}
	bitmap_free(pt->huge);
	kfree(pt->big);
	kfree(pt->child);
	kfree(pt);
}

/* Write PD0 entry @i from its tables: a dual PDE, or zeros if none. */
static int nvdrm_pd0_write(struct nvdrm_device *ndev, struct nvdrm_pt *pd0,
			   unsigned int i)
{
	struct nvdrm_pt *small = pd0->child[i], *big = pd0->big[i];
	u64 e[2] = {};

	if (big)
		e[0] = nvc_mmu_v2_dual_pde_big(NVC_MMU_V2_PDE_APERTURE_VIDEO,
					       big->addr, false);
	if (small)
		e[1] = nvc_mmu_v2_dual_pde_small(NVC_MMU_V2_PDE_APERTURE_VIDEO,
						 small->addr, false);
	return nvc_vram_write(ndev->part, pd0->addr + i * 16, e, 16);
}

/* The child of PDE level @pt for @va, created (its PDE written) if absent. */
static struct nvdrm_pt *nvdrm_pt_child(struct nvdrm_device *ndev,
				       struct nvdrm_pt *pt, u64 va)
{
	unsigned int i = nvc_mmu_v2_index(pt->level, va);
	struct nvdrm_pt *c = pt->child[i];
	u64 pde;

	if (c)
		return c;
	c = nvdrm_pt_new(ndev, pt->level + 1);
	if (!c)
		return NULL;
	pde = nvc_mmu_v2_pde(NVC_MMU_V2_PDE_APERTURE_VIDEO, c->addr, false);
	if (nvc_vram_write(ndev->part, pt->addr + i * 8, &pde, 8)) {
		nvdrm_pt_free(ndev, c);
		return NULL;
	}
	pt->child[i] = c;
	return c;
}

/* The PD0 table for @va, its parents built if @create. Holds pt_lock. */
static struct nvdrm_pt *nvdrm_pd0_walk(struct nvdrm_device *ndev,
				       struct nvdrm_vm *vm, u64 va, bool create)
{
	struct nvdrm_pt *pt = vm->root;

	while (pt && pt->level != NVC_MMU_V2_PD0) {
		if (create)
			pt = nvdrm_pt_child(ndev, pt, va);
		else
			pt = pt->child[nvc_mmu_v2_index(pt->level, va)];
	}
	return pt;
}

/*
 * The 4 KiB (@shift 12) or 64 KiB (16) page table under PD0 entry @i,
 * created and the dual PDE rewritten if absent. The entry must not be a
 * 2 MiB PTE.
 */
static struct nvdrm_pt *nvdrm_pd0_table(struct nvdrm_device *ndev,
					struct nvdrm_pt *pd0, unsigned int i,
					unsigned int shift)
{
	struct nvdrm_pt **slot = shift == NVC_MMU_V2_BIG_SHIFT ? &pd0->big[i] :
								 &pd0->child[i];

	if (*slot)
		return *slot;
	*slot = nvdrm_pt_new(ndev, NVC_MMU_V2_PT);
	if (!*slot)
		return NULL;
	if (nvdrm_pd0_write(ndev, pd0, i)) {
		nvdrm_pt_free(ndev, *slot);
		*slot = NULL;
	}
	return *slot;
}

/*
 * Where page @page of @bo is at @res: its address (or ~0: no backing) and
 * PTE aperture.
 */
static u64 nvdrm_page_addr(struct nvdrm_device *ndev, struct nvdrm_bo *bo,
			   struct ttm_resource *res, pgoff_t page,
			   unsigned int *aperture)
{
	struct ttm_tt *tt = bo->tbo.ttm;

	if (res->mem_type == TTM_PL_VRAM) {
		*aperture = NVC_MMU_V2_PTE_APERTURE_VIDEO;
		return ndev->vram.base + ((u64)(res->start + page) << PAGE_SHIFT);
	}
	*aperture = NVC_MMU_V2_PTE_APERTURE_SYS_COHERENT;
	if (!tt || !ttm_tt_is_populated(tt) || !tt->dma_address ||
	    page >= tt->num_pages)
		return ~0ULL;
	return tt->dma_address[page];
}

/*
 * The largest page (shift) that maps @va, page @page of the object at
 * @res: the VA, the address and the bytes left to @end aligned to it, and
 * the backing contiguous over it (VRAM always is; system pages when the
 * pool gave a large enough block and the DMA addresses follow).
 */
static unsigned int nvdrm_page_shift(struct nvdrm_device *ndev,
				     struct nvdrm_bo *bo,
				     struct ttm_resource *res, u64 va, u64 end,
				     pgoff_t page, u64 addr)
{
	static const unsigned int shifts[] = {
		NVC_MMU_V2_HUGE_SHIFT, NVC_MMU_V2_BIG_SHIFT,
	};
	unsigned int s, ap;
	pgoff_t n, k;

	for (s = 0; s < ARRAY_SIZE(shifts); s++) {
		u64 size = BIT_ULL(shifts[s]);

		if (!IS_ALIGNED(va | addr, size) || end - va < size)
			continue;
		if (res->mem_type == TTM_PL_VRAM)
			return shifts[s];
		n = size >> PAGE_SHIFT;
		for (k = 1; k < n; k++)
			if (nvdrm_page_addr(ndev, bo, res, page + k, &ap) !=
			    addr + (k << PAGE_SHIFT))
				break;
		if (k == n)
			return shifts[s];
	}
	return NVC_MMU_V2_SMALL_SHIFT;
}

/*
 * Invalidate what maps [@va, @end) of @vm: the 2 MiB PTEs the range covers
 * whole, the 64 KiB PTEs it covers whole and its 4 KiB PTEs. Mappings do
 * not overlap, so whatever lies there is the caller's. Holds pt_lock.
 */
static int nvdrm_range_clear(struct nvdrm_device *ndev, struct nvdrm_vm *vm,
			     u64 va, u64 end)
{
	static const u64 zero[2];
	u64 *z;
	int ret = 0;

	z = kzalloc(NVDRM_PT_SIZE, GFP_KERNEL);
	if (!z)
		return -ENOMEM;
	while (va < end && !ret) {
		u64 next = min(ALIGN_DOWN(va, SZ_2M) + SZ_2M, end);
		struct nvdrm_pt *pd0 = nvdrm_pd0_walk(ndev, vm, va, false);
		unsigned int i = nvc_mmu_v2_index(NVC_MMU_V2_PD0, va);
		u64 b0, b1;

		if (!pd0)
			goto next;
		if (test_bit(i, pd0->huge)) {
			if (IS_ALIGNED(va, SZ_2M) && next - va == SZ_2M) {
				clear_bit(i, pd0->huge);
				ret = nvc_vram_write(ndev->part, pd0->addr + i * 16,
						     zero, 16);
			}
			goto next;
		}
		b0 = ALIGN(va, SZ_64K);
		b1 = ALIGN_DOWN(next, SZ_64K);
		if (pd0->big[i] && b0 < b1)
			ret = nvc_vram_write(ndev->part, pd0->big[i]->addr +
					     nvc_mmu_v2_big_index(b0) * 8, z,
					     ((b1 - b0) >> NVC_MMU_V2_BIG_SHIFT) * 8);
		if (pd0->child[i] && !ret)
			ret = nvc_vram_write(ndev->part, pd0->child[i]->addr +
					     nvc_mmu_v2_index(NVC_MMU_V2_PT, va) * 8,
					     z, ((next - va) >> PAGE_SHIFT) * 8);
next:
		va = next;
	}
	kfree(z);
	return ret;
}

/*
 * Map [@va, @end) of @vma, inside one 2 MiB region whose PD0 entry is not a
 * 2 MiB PTE, with 64 KiB and 4 KiB PTEs; @page: the object's page at @va.
 * A run of one size in one table is one write. Holds pt_lock.
 */
static int nvdrm_region_map(struct nvdrm_device *ndev, struct nvdrm_vma *vma,
			    struct ttm_resource *res, struct nvdrm_pt *pd0,
			    u64 va, u64 end, pgoff_t page, u64 *ptes)
{
	unsigned int i = nvc_mmu_v2_index(NVC_MMU_V2_PD0, va), shift = 0, n = 0;
	u64 f = vma->flags & NVDRM_VM_BIND_READ_ONLY ? NVC_MMU_V2_PTE_READ_ONLY : 0;
	struct nvdrm_pt *pt = NULL;
	u64 first = 0;
	int ret = 0;

	/* Not a 2 MiB PTE any more (it was invalidated, or never was). */
	clear_bit(i, pd0->huge);
	while (va < end || n) {
		unsigned int ap = 0, s = 0;
		u64 addr = 0;

		if (va < end) {
			addr = nvdrm_page_addr(ndev, vma->bo, res, page, &ap);
			s = addr == ~0ULL ? NVC_MMU_V2_SMALL_SHIFT :
			    nvdrm_page_shift(ndev, vma->bo, res, va, end, page,
					     addr);
		}
		/* Flush the run when the size changes or at the end. */
		if (n && (s != shift || va >= end)) {
			ret = nvc_vram_write(ndev->part, pt->addr + first * 8,
					     ptes, n * 8);
			if (ret)
				return ret;
			n = 0;
		}
		if (va >= end)
			break;
		if (!n) {
			shift = s;
			pt = nvdrm_pd0_table(ndev, pd0, i, s);
			if (!pt)
				return -ENOMEM;
			first = s == NVC_MMU_V2_BIG_SHIFT ? nvc_mmu_v2_big_index(va) :
			       nvc_mmu_v2_index(NVC_MMU_V2_PT, va);
		}
		ptes[n++] = addr == ~0ULL ? 0 : nvc_mmu_v2_pte(ap, addr, f);
		va += BIT_ULL(s);
		page += BIT(s - PAGE_SHIFT);
	}
	return 0;
}

/*
 * Write the PTEs of @vma for its object at @res (NULL: invalid), each
 * page the largest its alignment and backing allow. @fresh: nothing maps
 * the range yet; else what maps it is invalidated first (the page sizes
 * may change with the placement). Holds the object's resv and pt_lock.
 */
static int nvdrm_vma_write(struct nvdrm_device *ndev, struct nvdrm_vma *vma,
			   struct ttm_resource *res, bool fresh)
{
	u64 va = vma->node.start, end = va + vma->node.size;
	pgoff_t page = vma->offset >> PAGE_SHIFT;
	u64 *ptes;
	int ret = 0;

	if (ndev->pt_dead)
		return 0;
	if (!fresh)
		ret = nvdrm_range_clear(ndev, vma->vm, va, end);
	if (ret || !res)
		return ret;
	ptes = kmalloc(NVDRM_PT_SIZE, GFP_KERNEL);
	if (!ptes)
		return -ENOMEM;
	while (va < end && !ret) {
		u64 next = min(ALIGN_DOWN(va, SZ_2M) + SZ_2M, end);
		struct nvdrm_pt *pd0 = nvdrm_pd0_walk(ndev, vma->vm, va, true);
		unsigned int i = nvc_mmu_v2_index(NVC_MMU_V2_PD0, va), ap;
		u64 addr = nvdrm_page_addr(ndev, vma->bo, res, page, &ap), e[2] = {};

		if (!pd0) {
			ret = -ENOMEM;
			break;
		}
		if (addr != ~0ULL &&
		    nvdrm_page_shift(ndev, vma->bo, res, va, end, page, addr) ==
		    NVC_MMU_V2_HUGE_SHIFT) {
			/* One 2 MiB PTE: the tables under it (ours, invalid) go. */
			nvdrm_pt_free(ndev, pd0->child[i]);
			nvdrm_pt_free(ndev, pd0->big[i]);
			pd0->child[i] = NULL;
			pd0->big[i] = NULL;
			e[0] = nvc_mmu_v2_pte(ap, addr, vma->flags &
					      NVDRM_VM_BIND_READ_ONLY ?
					      NVC_MMU_V2_PTE_READ_ONLY : 0);
			ret = nvc_vram_write(ndev->part, pd0->addr + i * 16, e, 16);
			if (!ret)
				set_bit(i, pd0->huge);
		} else {
			ret = nvdrm_region_map(ndev, vma, res, pd0, va, next, page,
					       ptes);
		}
		page += (next - va) >> PAGE_SHIFT;
		va = next;
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
		if (nvdrm_vma_write(ndev, vma, res, false))
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
		      nvdrm_vma_write(ndev, vma, tbo->resource, true);
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
	nvdrm_vma_write(ndev, vma, NULL, false);
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
	/* 4 KiB pages under PD0 (no user mapping, so never a 2 MiB PTE here). */
	pt = nvdrm_pd0_walk(ndev, vm, va, dma != 0);
	if (pt)
		pt = dma ? nvdrm_pd0_table(ndev, pt, nvc_mmu_v2_index(NVC_MMU_V2_PD0, va),
					   PAGE_SHIFT) :
			   pt->child[nvc_mmu_v2_index(NVC_MMU_V2_PD0, va)];
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
