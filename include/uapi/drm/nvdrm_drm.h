/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * nvdrm: uAPI of the DRM client of nvcore (NVIDIA GSP-RM GPUs).
 *
 * DOC: nvdrm uAPI
 *
 * A render node. Every ioctl is allowed on render nodes. Every argument
 * struct has explicit padding; fields named ``pad`` or ``reserved`` must be
 * zero and flags the kernel does not know are refused, both with -EINVAL,
 * so that later versions can give them a meaning. The version is
 * %NVDRM_UAPI_VERSION, also the DRM driver's major.minor as
 * ``DRM_IOCTL_VERSION`` reports it and %NVDRM_PARAM_UAPI_VERSION.
 *
 * Memory: a GEM object lives in VRAM (from the VRAM nvdrm holds in its
 * nvcore partition) or in system memory; VRAM objects are moved to system
 * memory when VRAM is full (eviction) and back when used. Objects are
 * mapped into the CPU with the fake offset %DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET
 * returns (VRAM through the BAR1 aperture) and shared with PRIME.
 *
 * GPU virtual memory: a file creates VMs (%DRM_IOCTL_NVDRM_VM_CREATE) and
 * maps ranges of its objects into them at addresses it picks
 * (%DRM_IOCTL_NVDRM_VM_BIND).
 *
 * Channels and submission (uAPI 1.1): a file creates channels on a copy
 * engine, each bound to one of its VMs (%DRM_IOCTL_NVDRM_CHANNEL_CREATE),
 * and submits jobs to them (%DRM_IOCTL_NVDRM_EXEC): push buffers given by
 * GPU virtual address and length in the channel's VM, run in order, after
 * the job's in-syncobjs signalled; the job's fence goes into the
 * out-syncobj (binary, or a timeline point). A channel whose work faulted
 * or was reset (robust-channel recovery, job timeout) is dead: its pending
 * fences signal with an error and further EXECs fail with -EIO until it is
 * destroyed. After a GPU reset (GSP recovery) every channel created before
 * it is lost: further EXECs fail with -ENODEV; new channels work.
 */
#ifndef _UAPI_NVDRM_DRM_H_
#define _UAPI_NVDRM_DRM_H_

#include "drm.h"

#if defined(__cplusplus)
extern "C" {
#endif

/* uAPI version: major << 16 | minor. */
#define NVDRM_UAPI_MAJOR		1
#define NVDRM_UAPI_MINOR		1
#define NVDRM_UAPI_VERSION		((NVDRM_UAPI_MAJOR << 16) | NVDRM_UAPI_MINOR)

#define DRM_NVDRM_GET_PARAM		0x00
#define DRM_NVDRM_GEM_CREATE		0x01
#define DRM_NVDRM_GEM_MMAP_OFFSET	0x02
#define DRM_NVDRM_GEM_INFO		0x03
#define DRM_NVDRM_VM_CREATE		0x04
#define DRM_NVDRM_VM_DESTROY		0x05
#define DRM_NVDRM_VM_BIND		0x06
#define DRM_NVDRM_CHANNEL_CREATE	0x07
#define DRM_NVDRM_CHANNEL_DESTROY	0x08
#define DRM_NVDRM_EXEC			0x09

/**
 * enum drm_nvdrm_param - what %DRM_IOCTL_NVDRM_GET_PARAM can report
 * @NVDRM_PARAM_UAPI_VERSION: %NVDRM_UAPI_VERSION
 * @NVDRM_PARAM_CHIPSET: chipset, (architecture << 4) | implementation
 *	(0x172 for GA102)
 * @NVDRM_PARAM_ARCH: architecture (0x16 Turing, 0x17 Ampere, 0x19 Ada)
 * @NVDRM_PARAM_VRAM_SIZE: total VRAM of the GPU in bytes
 * @NVDRM_PARAM_VRAM_USABLE: bytes of VRAM this device can place objects in
 *	(nvdrm's partition)
 * @NVDRM_PARAM_VA_START: first GPU virtual address a VM accepts
 * @NVDRM_PARAM_VA_END: end (exclusive) of the GPU virtual addresses a VM
 *	accepts
 * @NVDRM_PARAM_COPY_ENGINES: number of copy engines
 * @NVDRM_PARAM_PAGE_SIZES: bitmask of GPU page sizes (bit n: 1 << n bytes)
 * @NVDRM_PARAM_BAR1_SIZE: size of the BAR1 aperture in bytes
 * @NVDRM_PARAM_PCI_ID: PCI vendor << 16 | device
 */
enum drm_nvdrm_param {
	NVDRM_PARAM_UAPI_VERSION = 0,
	NVDRM_PARAM_CHIPSET = 1,
	NVDRM_PARAM_ARCH = 2,
	NVDRM_PARAM_VRAM_SIZE = 3,
	NVDRM_PARAM_VRAM_USABLE = 4,
	NVDRM_PARAM_VA_START = 5,
	NVDRM_PARAM_VA_END = 6,
	NVDRM_PARAM_COPY_ENGINES = 7,
	NVDRM_PARAM_PAGE_SIZES = 8,
	NVDRM_PARAM_BAR1_SIZE = 9,
	NVDRM_PARAM_PCI_ID = 10,
};

/**
 * struct drm_nvdrm_get_param - argument of %DRM_IOCTL_NVDRM_GET_PARAM
 * @param: in: an &enum drm_nvdrm_param (-EINVAL for an unknown one)
 * @pad: must be zero
 * @value: out: the value
 */
struct drm_nvdrm_get_param {
	__u32 param;
	__u32 pad;
	__u64 value;
};

/* Placement of a GEM object. */
#define NVDRM_GEM_DOMAIN_VRAM		(1 << 0)
#define NVDRM_GEM_DOMAIN_SYSTEM		(1 << 1)

/**
 * struct drm_nvdrm_gem_create - argument of %DRM_IOCTL_NVDRM_GEM_CREATE
 * @size: in: bytes, non-zero; rounded up to the page size
 * @domain: in: exactly one of %NVDRM_GEM_DOMAIN_VRAM (preferred placement;
 *	the object may be evicted to system memory and comes back when used)
 *	and %NVDRM_GEM_DOMAIN_SYSTEM
 * @flags: in: none defined, must be zero
 * @handle: out: GEM handle
 * @pad: must be zero
 *
 * A new object reads as zeros. Errors: -EINVAL (fields), -E2BIG (a VRAM
 * object larger than the VRAM nvdrm holds), -ENOMEM.
 */
struct drm_nvdrm_gem_create {
	__u64 size;
	__u32 domain;
	__u32 flags;
	__u32 handle;
	__u32 pad;
};

/**
 * struct drm_nvdrm_gem_mmap_offset - argument of %DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET
 * @handle: in: GEM handle (-ENOENT if none)
 * @pad: must be zero
 * @offset: out: fake offset to pass to mmap() on the DRM fd
 */
struct drm_nvdrm_gem_mmap_offset {
	__u32 handle;
	__u32 pad;
	__u64 offset;
};

/**
 * struct drm_nvdrm_gem_info - argument of %DRM_IOCTL_NVDRM_GEM_INFO
 * @handle: in: GEM handle (-ENOENT if none)
 * @pad: must be zero
 * @size: out: size in bytes
 * @domain: out: placement asked for at creation (imported objects:
 *	%NVDRM_GEM_DOMAIN_SYSTEM)
 * @current_domain: out: where the object is now
 * @flags: out: %NVDRM_GEM_INFO_IMPORTED for a PRIME import
 * @evictions: out: times the object was evicted from VRAM
 * @reserved: must be zero
 */
struct drm_nvdrm_gem_info {
	__u32 handle;
	__u32 pad;
	__u64 size;
	__u32 domain;
	__u32 current_domain;
	__u32 flags;
	__u32 evictions;
	__u64 reserved;
};

#define NVDRM_GEM_INFO_IMPORTED		(1 << 0)

/**
 * struct drm_nvdrm_vm_create - argument of %DRM_IOCTL_NVDRM_VM_CREATE
 * @flags: in: none defined, must be zero
 * @vm_id: out: VM id, non-zero, private to the file
 */
struct drm_nvdrm_vm_create {
	__u32 flags;
	__u32 vm_id;
};

/**
 * struct drm_nvdrm_vm_destroy - argument of %DRM_IOCTL_NVDRM_VM_DESTROY
 * @vm_id: in: VM id (-ENOENT if none); its mappings go with it
 * @pad: must be zero
 */
struct drm_nvdrm_vm_destroy {
	__u32 vm_id;
	__u32 pad;
};

#define NVDRM_VM_BIND_OP_MAP		0
#define NVDRM_VM_BIND_OP_UNMAP		1

/* Map flags. */
#define NVDRM_VM_BIND_READ_ONLY		(1 << 0)

/**
 * struct drm_nvdrm_vm_bind - argument of %DRM_IOCTL_NVDRM_VM_BIND
 * @vm_id: in: VM id (-ENOENT if none)
 * @op: in: %NVDRM_VM_BIND_OP_MAP or %NVDRM_VM_BIND_OP_UNMAP
 * @handle: in: MAP: the GEM object (-ENOENT if none); UNMAP: must be zero
 * @flags: in: MAP: %NVDRM_VM_BIND_READ_ONLY; UNMAP: must be zero
 * @va: in: GPU virtual address, page-aligned
 * @bo_offset: in: MAP: offset in the object, page-aligned; UNMAP: zero
 * @range: in: bytes, non-zero, page-aligned
 *
 * MAP maps [@bo_offset, @bo_offset + @range) of the object at @va. The
 * range must fit in the object (-EINVAL) and [@va, @va + @range) inside
 * [%NVDRM_PARAM_VA_START, %NVDRM_PARAM_VA_END) (-ERANGE) without touching
 * an existing mapping (-EEXIST). UNMAP removes every mapping inside
 * [@va, @va + @range); -ENOENT if there is none, -EINVAL (nothing removed)
 * if a mapping straddles either end.
 *
 * Page sizes (%NVDRM_PARAM_PAGE_SIZES: 4 KiB, 64 KiB, 2 MiB): the kernel
 * maps each page with the largest size the alignment of @va, of the
 * object's current placement and of the rest of the range allow, and picks
 * again when the object moves (eviction, restore). Userspace that wants
 * large pages aligns @va, @bo_offset and @range to 64 KiB or 2 MiB; VRAM
 * objects whose size is a multiple of 64 KiB or 2 MiB are placed so aligned.
 */
struct drm_nvdrm_vm_bind {
	__u32 vm_id;
	__u32 op;
	__u32 handle;
	__u32 flags;
	__u64 va;
	__u64 bo_offset;
	__u64 range;
};

/**
 * struct drm_nvdrm_channel_create - argument of %DRM_IOCTL_NVDRM_CHANNEL_CREATE
 * @vm_id: in: the VM the channel runs in (-ENOENT if none); the VM cannot
 *	be destroyed while channels use it (-EBUSY)
 * @engine: in: copy engine, 0 to %NVDRM_PARAM_COPY_ENGINES - 1
 * @flags: in: none defined, must be zero
 * @channel_id: out: channel id, non-zero, private to the file
 * @ce_class: out: the copy-engine class bound on subchannel
 *	%NVDRM_CE_SUBCHANNEL (0xc5b5 Turing, 0xc6b5 GA100, 0xc7b5 GA10x/Ada):
 *	push buffers send copy-engine methods there
 * @pad: must be zero
 *
 * Errors: -EINVAL (fields), -ENOENT (VM), -ENOSPC (too many channels),
 * -ENOMEM, -ENODEV (GPU lost).
 */
struct drm_nvdrm_channel_create {
	__u32 vm_id;
	__u32 engine;
	__u32 flags;
	__u32 channel_id;
	__u32 ce_class;
	__u32 pad;
};

#define NVDRM_CE_SUBCHANNEL		4

/**
 * struct drm_nvdrm_channel_destroy - argument of %DRM_IOCTL_NVDRM_CHANNEL_DESTROY
 * @channel_id: in: channel id (-ENOENT if none); waits for its jobs
 * @pad: must be zero
 */
struct drm_nvdrm_channel_destroy {
	__u32 channel_id;
	__u32 pad;
};

/**
 * struct drm_nvdrm_push - one push buffer of a job
 * @va: GPU virtual address in the channel's VM, 4-byte aligned, inside
 *	[%NVDRM_PARAM_VA_START, %NVDRM_PARAM_VA_END)
 * @length: bytes, a non-zero multiple of 4, at most %NVDRM_PUSH_MAX_BYTES
 * @flags: none defined, must be zero
 */
struct drm_nvdrm_push {
	__u64 va;
	__u32 length;
	__u32 flags;
};

#define NVDRM_PUSH_MAX_BYTES		(1u << 22)
#define NVDRM_EXEC_MAX_PUSH		31
#define NVDRM_EXEC_MAX_SYNCS		64

/**
 * struct drm_nvdrm_sync - a syncobj a job waits on or signals
 * @handle: syncobj handle (-ENOENT if none)
 * @flags: none defined, must be zero
 * @point: timeline point; 0 for a binary syncobj
 */
struct drm_nvdrm_sync {
	__u32 handle;
	__u32 flags;
	__u64 point;
};

/**
 * struct drm_nvdrm_exec - argument of %DRM_IOCTL_NVDRM_EXEC
 * @channel_id: in: channel id (-ENOENT if none; -EIO if the channel is
 *	dead, -ENODEV if it was lost in a GPU reset)
 * @flags: in: none defined, must be zero
 * @push_count: in: push buffers, 1 to %NVDRM_EXEC_MAX_PUSH
 * @in_sync_count: in: syncobjs to wait for, 0 to %NVDRM_EXEC_MAX_SYNCS
 * @push_ptr: in: user pointer to @push_count &struct drm_nvdrm_push
 * @in_sync_ptr: in: user pointer to @in_sync_count &struct drm_nvdrm_sync
 *	(an unsignalled point with no fence yet: -EINVAL)
 * @out_sync: in: syncobj that receives the job's fence (handle 0: none)
 *
 * The job's fence signals when the GPU has run every push buffer, with an
 * error if the channel died first (-EIO fault or reset, -ETIMEDOUT job
 * timeout, -ENODEV GPU reset).
 */
struct drm_nvdrm_exec {
	__u32 channel_id;
	__u32 flags;
	__u32 push_count;
	__u32 in_sync_count;
	__u64 push_ptr;
	__u64 in_sync_ptr;
	struct drm_nvdrm_sync out_sync;
};

#define DRM_IOCTL_NVDRM_GET_PARAM	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVDRM_GET_PARAM, struct drm_nvdrm_get_param)
#define DRM_IOCTL_NVDRM_GEM_CREATE	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVDRM_GEM_CREATE, struct drm_nvdrm_gem_create)
#define DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVDRM_GEM_MMAP_OFFSET, struct drm_nvdrm_gem_mmap_offset)
#define DRM_IOCTL_NVDRM_GEM_INFO	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVDRM_GEM_INFO, struct drm_nvdrm_gem_info)
#define DRM_IOCTL_NVDRM_VM_CREATE	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVDRM_VM_CREATE, struct drm_nvdrm_vm_create)
#define DRM_IOCTL_NVDRM_VM_DESTROY	DRM_IOW(DRM_COMMAND_BASE + DRM_NVDRM_VM_DESTROY, struct drm_nvdrm_vm_destroy)
#define DRM_IOCTL_NVDRM_VM_BIND		DRM_IOW(DRM_COMMAND_BASE + DRM_NVDRM_VM_BIND, struct drm_nvdrm_vm_bind)
#define DRM_IOCTL_NVDRM_CHANNEL_CREATE	DRM_IOWR(DRM_COMMAND_BASE + DRM_NVDRM_CHANNEL_CREATE, struct drm_nvdrm_channel_create)
#define DRM_IOCTL_NVDRM_CHANNEL_DESTROY	DRM_IOW(DRM_COMMAND_BASE + DRM_NVDRM_CHANNEL_DESTROY, struct drm_nvdrm_channel_destroy)
#define DRM_IOCTL_NVDRM_EXEC		DRM_IOW(DRM_COMMAND_BASE + DRM_NVDRM_EXEC, struct drm_nvdrm_exec)

#if defined(__cplusplus)
}
#endif

#endif /* _UAPI_NVDRM_DRM_H_ */
