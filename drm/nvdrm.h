/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvdrm: the DRM client of nvcore. Internal definitions.
 */
#ifndef NVDRM_H
#define NVDRM_H

#include <linux/auxiliary_bus.h>
#include <linux/mutex.h>
#include <linux/xarray.h>

#include <drm/drm_device.h>
#include <drm/drm_file.h>
#include <drm/drm_gem.h>
#include <drm/drm_mm.h>
#include <drm/gpu_scheduler.h>
#include <drm/ttm/ttm_bo_api.h>
#include <drm/ttm/ttm_device.h>
#include <drm/ttm/ttm_placement.h>

#include <nvcore/nvcore.h>

/**
 * struct nvdrm_device - one nvdrm instance (one GPU)
 * @drm: the DRM device, parented on the GPU's own bus device
 * @adev: the auxiliary device nvdrm is bound to
 * @client: nvcore handle
 * @info: copy of the GPU's configuration, taken at probe
 * @part: nvdrm's partition (NULL once removed)
 * @vram: the VRAM of the partition TTM manages (the VRAM domain)
 * @bdev: the TTM device
 * @ttm_ready: @bdev was initialised (and needs finalising)
 * @vram_ready: the VRAM manager was initialised
 * @evictions: VRAM-to-system moves by eviction
 * @restores: system-to-VRAM moves
 * @scrubbed: bytes of VRAM scrubbed before reuse
 * @ce_scrubbed: of those, bytes filled by the kernel channel
 * @ce_copied: bytes moved between VRAM and system memory by the copy engine
 * @cpu_copied: bytes moved by the CPU through BAR1 (the fallback)
 * @pt_heap: VRAM of the partition for page tables
 * @pt_bitmap: used 4 KiB tables of @pt_heap
 * @pt_count: tables in @pt_heap
 * @pt_lock: protects @pt_bitmap, @vms, the VMs' table trees and @pt_dead
 * @pt_dead: removed: the heap and VA spaces are gone, write nothing
 * @vms: every VM with a VA space (&nvdrm_vm.dev_link)
 * @ev_sub: nvcore events of the partition (non-stall, RC, MMU faults)
 * @chan_lock: serialises writers of @chans
 * @chans: every channel (RCU list, read in the interrupt path)
 * @jobs: jobs run
 * @timeouts: jobs timed out
 * @rc_events: channel errors (RC, MMU fault) received
 * @kvm: the kernel VM of @kchan
 * @kchan: the kernel channel (DOC: nvdrm kernel channel) or NULL
 * @kchan_lock: serialises kernel jobs, protects @kchan, @kvm, @kchan_dead
 * @kchan_seg: next kernel push segment
 * @kchan_dead: removed: no kernel channel any more
 */
struct nvdrm_device {
	struct drm_device *drm;
	struct auxiliary_device *adev;
	struct nvc_client *client;
	struct nvc_gpu_info info;
	struct nvc_partition *part;
	struct nvc_vram_region vram;
	struct ttm_device bdev;
	bool ttm_ready;
	bool vram_ready;
	atomic64_t evictions;
	atomic64_t restores;
	atomic64_t scrubbed;
	atomic64_t ce_scrubbed;
	atomic64_t ce_copied;
	atomic64_t cpu_copied;
	struct nvc_vram_region pt_heap;
	unsigned long *pt_bitmap;
	unsigned long pt_count;
	struct mutex pt_lock;
	bool pt_dead;
	struct list_head vms;
	struct nvc_event_sub *ev_sub;
	struct mutex chan_lock;
	struct list_head chans;
	atomic64_t jobs;
	atomic64_t timeouts;
	atomic64_t rc_events;
	struct nvdrm_vm *kvm;
	struct nvdrm_chan *kchan;
	struct mutex kchan_lock;
	unsigned int kchan_seg;
	bool kchan_dead;
};

static inline struct nvdrm_device *nvdrm_dev(struct drm_device *drm)
{
	return drm->dev_private;
}

/**
 * struct nvdrm_bo - a GEM object on TTM
 * @tbo: the TTM buffer object (its GEM object is @tbo.base)
 * @places: TTM placements: [0] preferred
 * @placement: placement over @places
 * @domain: NVDRM_GEM_DOMAIN_* asked for at creation
 * @imported: a PRIME import (pages belong to the exporter)
 * @evictions: times evicted from VRAM
 * @vmas: its mappings in VMs (&nvdrm_vma.bo_link; under the resv lock)
 */
struct nvdrm_bo {
	struct ttm_buffer_object tbo;
	struct ttm_place places[1];
	struct ttm_placement placement;
	u32 domain;
	bool imported;
	atomic_t evictions;
	struct list_head vmas;
};

static inline struct nvdrm_bo *to_nvdrm_bo(struct drm_gem_object *obj)
{
	return container_of(obj, struct nvdrm_bo, tbo.base);
}

/**
 * struct nvdrm_file - per-open-file state
 * @lock: protects @vms, @chans, the mappings of every VM in it and
 *	their channel counts
 * @vms: VMs by id
 * @chans: channels by id
 */
struct nvdrm_file {
	struct mutex lock;
	struct xarray vms;
	struct xarray chans;
};

/**
 * struct nvdrm_pt - one page table (any level) in the page-table heap
 * @addr: its VRAM address
 * @level: enum nvc_mmu_v2_level
 * @child: the tables its entries point to (NULL for the last level; in
 *	PD0 the 4 KiB-page tables)
 * @big: PD0 only: the 64 KiB-page tables
 * @huge: PD0 only: entries that are 2 MiB PTEs (no table under them)
 */
struct nvdrm_pt {
	u64 addr;
	unsigned int level;
	struct nvdrm_pt **child;
	struct nvdrm_pt **big;
	unsigned long *huge;
};

struct nvc_vaspace;

/**
 * struct nvdrm_vm - a GPU virtual address space
 * @mm: its mappings (and GSP-RM's range, @rm_node)
 * @rm_node: the range GSP-RM keeps for itself
 * @ndev: its device
 * @root: page directory (PD3)
 * @vas: the GSP-RM VA space object over @root (NULL: none, e.g. after a
 *	GSP recovery that could not re-create it)
 * @pdes: what @vas was given (to re-create it after a GSP recovery)
 * @dev_link: entry in &nvdrm_device.vms
 * @nchans: channels using it (under the file lock)
 * @chan_slots: kernel-memory slots of its channels below NVDRM_VA_START
 */
struct nvdrm_vm {
	struct drm_mm mm;
	struct drm_mm_node rm_node;
	struct nvdrm_device *ndev;
	struct nvdrm_pt *root;
	struct nvc_vaspace *vas;
	struct nvc_vaspace_pdes pdes;
	struct list_head dev_link;
	unsigned int nchans;
	DECLARE_BITMAP(chan_slots, 60);
};

struct nvc_channel;

/**
 * struct nvdrm_chan - a channel (see DOC: nvdrm channels and jobs)
 * @ref: references: the file's table and each job
 * @ndev: its device
 * @vm: its VM
 * @slot: its slot of kernel memory in @vm
 * @engine_idx: its engine, index in &nvc_gpu_info.engines
 * @kva: GPU VA of its kernel memory
 * @kmem: CPU address of its kernel memory
 * @kdma: DMA address of its kernel memory
 * @dma_dev: device of @kdma (a reference)
 * @fence_lock: protects @pending, @dead and the fences' state
 * @pending: hardware fences not yet signalled, in seqno order
 * @fence_ctx: fence context
 * @seqno: last seqno given (run_job)
 * @gp_put: next GP entry (run_job)
 * @dead: 0, or the error it died with
 * @hw_lock: protects @ch
 * @ch: the nvcore channel (NULL once released)
 * @chid: its channel ID (events name it)
 * @sched: its scheduler
 * @entity: its scheduler entity
 * @dev_link: entry in &nvdrm_device.chans
 */
struct nvdrm_chan {
	struct kref ref;
	struct nvdrm_device *ndev;
	struct nvdrm_vm *vm;
	unsigned int slot;
	unsigned int engine_idx;
	u64 kva;
	void *kmem;
	dma_addr_t kdma;
	struct device *dma_dev;
	spinlock_t fence_lock;
	struct list_head pending;
	u64 fence_ctx;
	u32 seqno;
	u32 gp_put;
	int dead;
	struct mutex hw_lock;
	struct nvc_channel *ch;
	u32 chid;
	struct drm_gpu_scheduler sched;
	struct drm_sched_entity entity;
	struct list_head dev_link;
};

/**
 * struct nvdrm_kaddr - a physical address for kernel copies
 * @vram: @addr is an offset in VRAM (else a DMA address of system memory)
 * @addr: the address
 */
struct nvdrm_kaddr {
	bool vram;
	u64 addr;
};

/**
 * struct nvdrm_vma - one mapping
 * @node: its range in &nvdrm_vm.mm
 * @link: entry in a list of mappings being removed
 * @bo_link: entry in &nvdrm_bo.vmas
 * @vm: its VM
 * @bo: the object mapped (a GEM reference)
 * @offset: offset of the range in @bo
 * @flags: NVDRM_VM_BIND_* map flags
 */
struct nvdrm_vma {
	struct drm_mm_node node;
	struct list_head link;
	struct list_head bo_link;
	struct nvdrm_vm *vm;
	struct nvdrm_bo *bo;
	u64 offset;
	u32 flags;
};

/* GPU virtual addresses a VM accepts. */
#define NVDRM_VA_START		(1ULL << 20)
#define NVDRM_VA_END		(1ULL << 47)
/* GSP-RM's own range in every VA space: no mapping may use it. */
#define NVDRM_RM_VA		(4ULL << 30)
#define NVDRM_RM_VA_SIZE	(512ULL << 20)

/* nvdrm_gem.c */
int nvdrm_ttm_init(struct nvdrm_device *ndev);
void nvdrm_ttm_shutdown(struct nvdrm_device *ndev);
void nvdrm_ttm_fini(struct nvdrm_device *ndev);
struct drm_gem_object *
nvdrm_gem_prime_import_sg_table(struct drm_device *drm,
				struct dma_buf_attachment *attach,
				struct sg_table *sgt);
int nvdrm_ioctl_gem_create(struct drm_device *drm, void *data,
			   struct drm_file *file);
int nvdrm_ioctl_gem_mmap_offset(struct drm_device *drm, void *data,
				struct drm_file *file);
int nvdrm_ioctl_gem_info(struct drm_device *drm, void *data,
			 struct drm_file *file);

/* nvdrm_mmu.c */
int nvdrm_pt_heap_init(struct nvdrm_device *ndev);
void nvdrm_pt_shutdown(struct nvdrm_device *ndev);
void nvdrm_pt_recovered(struct nvdrm_device *ndev);
void nvdrm_pt_heap_fini(struct nvdrm_device *ndev);
int nvdrm_vm_hw_init(struct nvdrm_device *ndev, struct nvdrm_vm *vm);
void nvdrm_vm_hw_fini(struct nvdrm_vm *vm);
int nvdrm_vma_bind(struct nvdrm_vma *vma);
void nvdrm_vma_unbind(struct nvdrm_vma *vma);
void nvdrm_vm_bo_update(struct nvdrm_bo *bo, struct ttm_resource *res);
int nvdrm_vm_map_kernel(struct nvdrm_vm *vm, u64 va, dma_addr_t dma, u64 size);

/* nvdrm_chan.c */
void nvdrm_chan_event(struct nvc_event_sub *sub, const struct nvc_event *ev);
struct nvdrm_chan *nvdrm_chan_create(struct nvdrm_device *ndev,
				     struct nvdrm_vm *vm, u32 ce, bool kernel);
void nvdrm_chan_destroy(struct nvdrm_chan *c);
void nvdrm_chan_unplug(struct nvdrm_device *ndev);
void nvdrm_chan_lost_all(struct nvdrm_device *ndev);
void nvdrm_chan_file_fini(struct nvdrm_file *nf);
int nvdrm_ioctl_channel_create(struct drm_device *drm, void *data,
			       struct drm_file *file);
int nvdrm_ioctl_channel_destroy(struct drm_device *drm, void *data,
				struct drm_file *file);
int nvdrm_ioctl_exec(struct drm_device *drm, void *data, struct drm_file *file);
void nvdrm_kchan_init(struct nvdrm_device *ndev);
void nvdrm_kchan_fini(struct nvdrm_device *ndev);
int nvdrm_kchan_copy(struct nvdrm_device *ndev, const struct nvdrm_kaddr *dst,
		     const struct nvdrm_kaddr *src, u64 size,
		     struct dma_fence **fence);
int nvdrm_kchan_fill(struct nvdrm_device *ndev, const struct nvdrm_kaddr *dst,
		     u64 size, u32 pattern, struct dma_fence **fence);
int nvdrm_kchan_selftest(struct nvdrm_device *ndev);

/* nvdrm_vm.c */
void nvdrm_vm_file_init(struct nvdrm_file *nf);
void nvdrm_vm_file_fini(struct nvdrm_file *nf);
int nvdrm_ioctl_vm_create(struct drm_device *drm, void *data,
			  struct drm_file *file);
int nvdrm_ioctl_vm_destroy(struct drm_device *drm, void *data,
			   struct drm_file *file);
int nvdrm_ioctl_vm_bind(struct drm_device *drm, void *data,
			struct drm_file *file);

#endif /* NVDRM_H */
