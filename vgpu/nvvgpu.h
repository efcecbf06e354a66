/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: the VFIO vGPU host client of nvcore. Internal definitions.
 */
#ifndef NVVGPU_H
#define NVVGPU_H

#include <linux/eventfd.h>
#include <linux/mdev.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/vfio.h>

#include <nvcore/nvcore.h>
#include <nvcore/vgpu.h>

#include "cfg.h"

/* 1-, 2-, 4- and 8-way splits of the GPU. */
#define NVVGPU_NR_TYPES		4
#define NVVGPU_HEAP_SIZE	(8ULL << 20)
#define NVVGPU_BAR0_SIZE	(16ULL << 20)
#define NVVGPU_BAR3_SIZE	(32ULL << 20)
#define NVVGPU_NR_SCRATCH	16

/**
 * struct nvvgpu_type - one mdev type
 * @mtype: the mdev core's type object
 * @sysfs_name: its directory suffix ("1", "2", "4", "8")
 * @desc: the type as uploaded to GSP-RM
 * @gpu: the GPU it belongs to
 */
struct nvvgpu_type {
	struct mdev_type mtype;
	char sysfs_name[8];
	struct nvc_vgpu_type desc;
	struct nvvgpu *gpu;
};

/**
 * struct nvvgpu - nvvgpu on one GPU (the mdev parent)
 * @adev: the auxiliary device nvcore created
 * @client: nvcore client
 * @mgr: vGPU manager
 * @parent: mdev parent
 * @types: the types offered
 * @type_ptrs: the same, as the mdev core wants them
 * @lock: protects @devs and the lost state of every device in it
 * @devs: vGPUs (&struct nvvgpu_dev)
 * @lost: the GPU is lost (between the lost and recovered callbacks)
 */
struct nvvgpu {
	struct auxiliary_device *adev;
	struct nvc_client *client;
	struct nvc_vgpu_mgr *mgr;
	struct mdev_parent parent;
	struct nvvgpu_type types[NVVGPU_NR_TYPES];
	struct mdev_type *type_ptrs[NVVGPU_NR_TYPES];
	struct mutex lock;
	struct list_head devs;
	bool lost;
};

enum nvvgpu_irq {
	NVVGPU_IRQ_INTX,
	NVVGPU_IRQ_MSI,
	NVVGPU_IRQ_ERR,
	NVVGPU_IRQ_REQ,
	NVVGPU_IRQ_NR,
};

/**
 * struct nvvgpu_dev - one vGPU, a VFIO device
 * @vdev: the VFIO device (first: vfio_alloc_device() wants it at 0)
 * @node: in &nvvgpu.devs
 * @gpu: its GPU
 * @type: its type
 * @mdev: its mdev
 * @part: its partition of the GPU
 * @vgpu: the vGPU in nvcore
 * @info: where it lives
 * @lock: protects @cfg, @intx_masked, @leaf, @scratch, @trig, @revoked, @lost
 * @cfg: emulated PCI configuration space
 * @trig: eventfd per &enum nvvgpu_irq (NULL: none)
 * @intx_masked: INTx masked by the user
 * @leaf: the guest's pending interrupt bits (BAR0 interrupt leaf 0)
 * @scratch: the guest's mailbox scratch registers
 * @guest_refused: guest doorbells refused (the write failed)
 * @revoked: the device is being removed: accesses fail
 * @lost: the GPU was lost under it: accesses fail until it is destroyed
 * @irqs: interrupts delivered
 * @mem_sem: readers: BAR1 page faults; writer: whoever changes what the
 *	mappings may see (reset)
 * @vma_lock: protects @vmas
 * @vmas: the user's BAR1 mappings (&struct nvvgpu_vma), to zap them
 */
struct nvvgpu_dev {
	struct vfio_device vdev;
	struct list_head node;
	struct nvvgpu *gpu;
	struct nvvgpu_type *type;
	struct mdev_device *mdev;
	struct nvc_partition *part;
	struct nvc_vgpu *vgpu;
	struct nvc_vgpu_info info;
	struct mutex lock;
	struct nvvgpu_cfg cfg;
	struct eventfd_ctx *trig[NVVGPU_IRQ_NR];
	bool intx_masked;
	u32 leaf;
	u32 scratch[NVVGPU_NR_SCRATCH];
	u64 guest_refused;
	bool revoked;
	bool lost;
	u64 irqs;
	struct rw_semaphore mem_sem;
	struct mutex vma_lock;
	struct list_head vmas;
};

/**
 * struct nvvgpu_vma - one BAR1 mapping
 * @node: in &nvvgpu_dev.vmas
 * @vma: the mapping
 */
struct nvvgpu_vma {
	struct list_head node;
	struct vm_area_struct *vma;
};

extern const struct vfio_device_ops nvvgpu_vfio_ops;

void nvvgpu_dev_cfg_init(struct nvvgpu_dev *nd);
void nvvgpu_dev_signal(struct nvvgpu_dev *nd, enum nvvgpu_irq which);
void nvvgpu_dev_zap(struct nvvgpu_dev *nd);

#endif /* NVVGPU_H */
