// SPDX-License-Identifier: GPL-2.0
/*
 * nvdrm: GPU virtual address spaces (VMs) and VM_BIND.
 *
 * DOC: nvdrm VMs
 *
 * A file creates VMs; each keeps its mappings in a &struct drm_mm over
 * [NVDRM_VA_START, NVDRM_VA_END). A mapping holds a reference on its GEM
 * object. VM_BIND checks every argument before it changes anything: page
 * alignment of the address, the object offset and the size; the range
 * inside the object (overflow-safe); the range inside the VM's addresses;
 * no overlap with an existing mapping or with the range GSP-RM keeps for
 * itself, [NVDRM_RM_VA, +NVDRM_RM_VA_SIZE) (MAP), and no mapping
 * straddling either end of the range (UNMAP). Page tables: nvdrm_mmu.c.
 *
 * Locking: &nvdrm_file.lock protects the file's VM table and the mappings
 * of each VM in it.
 */
#include <linux/slab.h>

#include <uapi/drm/nvdrm_drm.h>

#include "nvdrm.h"

#define NVDRM_VM_MAX	1024

static void nvdrm_vma_free(struct nvdrm_vma *vma)
{
	nvdrm_vma_unbind(vma);
	drm_mm_remove_node(&vma->node);
	drm_gem_object_put(&vma->bo->tbo.base);
	kfree(vma);
}

static void nvdrm_vm_free(struct nvdrm_vm *vm)
{
	struct drm_mm_node *node, *next;

	drm_mm_remove_node(&vm->rm_node);
	drm_mm_for_each_node_safe(node, next, &vm->mm)
		nvdrm_vma_free(container_of(node, struct nvdrm_vma, node));
	drm_mm_takedown(&vm->mm);
	nvdrm_vm_hw_fini(vm);
	kfree(vm);
}

/**
 * nvdrm_vm_file_init() - VM state of a new file
 * @nf: the file's state
 */
void nvdrm_vm_file_init(struct nvdrm_file *nf)
{
	mutex_init(&nf->lock);
	xa_init_flags(&nf->vms, XA_FLAGS_ALLOC1);
	xa_init_flags(&nf->chans, XA_FLAGS_ALLOC1);
}

/**
 * nvdrm_vm_file_fini() - destroy a closing file's VMs
 * @nf: the file's state
 */
void nvdrm_vm_file_fini(struct nvdrm_file *nf)
{
	struct nvdrm_vm *vm;
	unsigned long id;

	nvdrm_chan_file_fini(nf);
	xa_for_each(&nf->vms, id, vm)
		nvdrm_vm_free(vm);
	xa_destroy(&nf->vms);
	mutex_destroy(&nf->lock);
}

/**
 * nvdrm_ioctl_vm_create() - DRM_IOCTL_NVDRM_VM_CREATE
 * @drm: device
 * @data: &struct drm_nvdrm_vm_create
 * @file: caller
 *
 * Return: 0, -EINVAL, -ENOSPC (too many VMs) or -ENOMEM.
 */
int nvdrm_ioctl_vm_create(struct drm_device *drm, void *data,
			  struct drm_file *file)
{
	struct nvdrm_file *nf = file->driver_priv;
	struct drm_nvdrm_vm_create *a = data;
	struct nvdrm_vm *vm;
	u32 id;
	int ret;

	if (a->flags || a->vm_id)
		return -EINVAL;
	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm)
		return -ENOMEM;
	drm_mm_init(&vm->mm, NVDRM_VA_START, NVDRM_VA_END - NVDRM_VA_START);
	vm->rm_node.start = NVDRM_RM_VA;
	vm->rm_node.size = NVDRM_RM_VA_SIZE;
	ret = drm_mm_reserve_node(&vm->mm, &vm->rm_node);
	if (!ret)
		ret = nvdrm_vm_hw_init(nvdrm_dev(drm), vm);
	if (ret) {
		if (drm_mm_node_allocated(&vm->rm_node))
			drm_mm_remove_node(&vm->rm_node);
		drm_mm_takedown(&vm->mm);
		kfree(vm);
		return ret;
	}
	mutex_lock(&nf->lock);
	ret = xa_alloc(&nf->vms, &id, vm, XA_LIMIT(1, NVDRM_VM_MAX), GFP_KERNEL);
	mutex_unlock(&nf->lock);
	if (ret) {
		nvdrm_vm_free(vm);
		return ret == -EBUSY ? -ENOSPC : ret;
	}
	a->vm_id = id;
	return 0;
}

/**
 * nvdrm_ioctl_vm_destroy() - DRM_IOCTL_NVDRM_VM_DESTROY
 * @drm: device
 * @data: &struct drm_nvdrm_vm_destroy
 * @file: caller
 *
 * Return: 0, -EINVAL, -ENOENT or -EBUSY (channels use it).
 */
int nvdrm_ioctl_vm_destroy(struct drm_device *drm, void *data,
			   struct drm_file *file)
{
	struct nvdrm_file *nf = file->driver_priv;
	struct drm_nvdrm_vm_destroy *a = data;
	struct nvdrm_vm *vm;

	if (a->pad)
		return -EINVAL;
	mutex_lock(&nf->lock);
	vm = a->vm_id ? xa_load(&nf->vms, a->vm_id) : NULL;
	if (vm && vm->nchans) {
		mutex_unlock(&nf->lock);
		return -EBUSY;
	}
	if (vm)
		xa_erase(&nf->vms, a->vm_id);
	mutex_unlock(&nf->lock);
	if (!vm)
		return -ENOENT;
	nvdrm_vm_free(vm);
	return 0;
}

static int nvdrm_vm_map(struct nvdrm_vm *vm, struct drm_file *file,
			const struct drm_nvdrm_vm_bind *a)
{
	struct drm_gem_object *obj;
	struct nvdrm_vma *vma;
	int ret;

	if (a->flags & ~NVDRM_VM_BIND_READ_ONLY)
		return -EINVAL;
	obj = drm_gem_object_lookup(file, a->handle);
	if (!obj)
		return -ENOENT;
	ret = -EINVAL;
	if (a->bo_offset > obj->size || a->range > obj->size - a->bo_offset)
		goto err_put;
	ret = -ENOMEM;
	vma = kzalloc(sizeof(*vma), GFP_KERNEL);
	if (!vma)
		goto err_put;
	vma->node.start = a->va;
	vma->node.size = a->range;
	vma->vm = vm;
	vma->bo = to_nvdrm_bo(obj);
	vma->offset = a->bo_offset;
	vma->flags = a->flags;
	ret = drm_mm_reserve_node(&vm->mm, &vma->node);
	if (ret) {
		kfree(vma);
		ret = ret == -ENOSPC ? -EEXIST : ret;
		goto err_put;
	}
	ret = nvdrm_vma_bind(vma);
	if (ret) {
		drm_mm_remove_node(&vma->node);
		kfree(vma);
		goto err_put;
	}
	return 0;

err_put:
	drm_gem_object_put(obj);
	return ret;
}

static int nvdrm_vm_unmap(struct nvdrm_vm *vm, const struct drm_nvdrm_vm_bind *a)
{
	u64 end = a->va + a->range;
	struct nvdrm_vma *vma, *tmp;
	struct drm_mm_node *node;
	LIST_HEAD(victims);

	if (a->handle || a->flags || a->bo_offset)
		return -EINVAL;
	drm_mm_for_each_node_in_range(node, &vm->mm, a->va, end) {
		if (node->start < a->va || node->start + node->size > end)
			return -EINVAL;
		list_add_tail(&container_of(node, struct nvdrm_vma, node)->link,
			      &victims);
	}
	if (list_empty(&victims))
		return -ENOENT;
	list_for_each_entry_safe(vma, tmp, &victims, link)
		nvdrm_vma_free(vma);
	return 0;
}

/**
 * nvdrm_ioctl_vm_bind() - DRM_IOCTL_NVDRM_VM_BIND
 * @drm: device
 * @data: &struct drm_nvdrm_vm_bind
 * @file: caller
 *
 * Return: 0 or a negative errno (see &struct drm_nvdrm_vm_bind).
 */
int nvdrm_ioctl_vm_bind(struct drm_device *drm, void *data,
			struct drm_file *file)
{
	struct nvdrm_file *nf = file->driver_priv;
	struct drm_nvdrm_vm_bind *a = data;
	struct nvdrm_vm *vm;
	int ret;

	if (a->op != NVDRM_VM_BIND_OP_MAP && a->op != NVDRM_VM_BIND_OP_UNMAP)
		return -EINVAL;
	if (!a->range || !PAGE_ALIGNED(a->va) || !PAGE_ALIGNED(a->range) ||
	    !PAGE_ALIGNED(a->bo_offset))
		return -EINVAL;
	if (a->va < NVDRM_VA_START || a->va >= NVDRM_VA_END ||
	    a->range > NVDRM_VA_END - a->va)
		return -ERANGE;

	mutex_lock(&nf->lock);
	vm = a->vm_id ? xa_load(&nf->vms, a->vm_id) : NULL;
	if (!vm)
		ret = -ENOENT;
	else if (a->op == NVDRM_VM_BIND_OP_MAP)
		ret = nvdrm_vm_map(vm, file, a);
	else
		ret = nvdrm_vm_unmap(vm, a);
	mutex_unlock(&nf->lock);
	return ret;
}
