// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu: the VFIO device of a vGPU.
 *
 * DOC: nvvgpu VFIO device
 *
 * A vfio-pci device (standard VFIO UAPI, no private ioctl) with the
 * identity of an NVIDIA vGPU: vendor 0x10de, the GPU's device id with the
 * type's subsystem id, class 0x030200 (3D controller), BAR0 16 MiB 32-bit
 * registers, BAR1 64-bit prefetchable = the vGPU's guest FB (the BAR is the
 * type's power-of-two size; bytes past the FB are refused), BAR3 64-bit
 * prefetchable 32 MiB, INTx pin A and one MSI capability (64-bit). Regions
 * are at index << 40 of the device file, as vfio-pci has them.
 *
 * Config space: 256 bytes; writable are command (I/O, memory, bus master,
 * SERR, parity, INTx disable), the BARs (with sizing), the interrupt line
 * and the MSI enable bit, address and data. A change of the bus-master bit
 * is sent to the GSP plugin (UPDATE_BME_STATE).
 *
 * BAR0 (offsets from nvc_vgpu_guest_regs(), a VF's own register space
 * from offset 0): BOOT_0 reads the chip's id; the vGPU's interrupt leaf
 * (NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0)) reads pending bits and clears
 * those written 1; the mailbox scratch registers read back what the guest
 * wrote; a write to the doorbell (NV_VIRTUAL_FUNCTION_PRIV_DOORBELL) is the
 * guest's request to its GSP plugin (SETUP or MESSAGE handle, the RPC
 * buffer address in the scratch registers): nvcore checks it and relays it
 * (nvc_vgpu_guest_doorbell()), the write returns once the plugin answered
 * into the guest's buffers, then bit 0 of the leaf is set and the guest is
 * interrupted (MSI when enabled, else INTx). A request that cannot be
 * answered fails the write (-EINVAL; -EOPNOTSUPP for buffers in system
 * memory) and interrupts nobody. Other registers read 0 and ignore
 * writes. Only aligned 4-byte accesses.
 *
 * BAR1 reads and writes reach only the vGPU's guest FB (nvcore checks the
 * range against the vGPU's own allocation). BAR1 can be mmapped over the
 * guest FB part (a sparse-mmap capability says which part): pages are
 * faulted in from the vGPU's own VRAM only; reset, removal and GPU loss
 * zap every mapping first, and later faults see the new state (or
 * SIGBUS once the device is revoked or lost). BAR3 reads 0.
 *
 * Interrupts through eventfds: INTx (automasked, unmask ioctl), MSI (one
 * vector), ERR (the GPU was lost) and REQ (the device is being removed).
 * VFIO_DEVICE_RESET sends RESET to the plugin, scrubs the guest FB and
 * resets config space and interrupt state.
 *
 * Every user-supplied offset, size and index is checked; failures are
 * -EINVAL (or -ENODEV once the device is revoked or lost), never logged.
 *
 * Locking: &nvvgpu_dev.lock protects the emulated state and the eventfds.
 */
#include <linux/eventfd.h>
#include <linux/delay.h>
#include <linux/file.h>
#include <linux/mm.h>
#include <linux/pci_ids.h>
#include <linux/pci_regs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vfio.h>

#include "nvvgpu.h"

#define NVVGPU_OFFSET_SHIFT	40
#define NVVGPU_OFFSET_MASK	((1ULL << NVVGPU_OFFSET_SHIFT) - 1)
#define NVVGPU_RW_CHUNK		SZ_64K

static struct nvvgpu_dev *to_nd(struct vfio_device *vdev)
{
	return container_of(vdev, struct nvvgpu_dev, vdev);
}

static u64 nvvgpu_bar_size(struct nvvgpu_dev *nd, unsigned int bar)
{
	switch (bar) {
	case VFIO_PCI_BAR0_REGION_INDEX:
		return NVVGPU_BAR0_SIZE;
	case VFIO_PCI_BAR1_REGION_INDEX:
		return nd->type->desc.bar1_length;
	case VFIO_PCI_BAR3_REGION_INDEX:
		return NVVGPU_BAR3_SIZE;
	}
	return 0;
}

/**
 * nvvgpu_dev_cfg_init() - config space and interrupt state at reset
 * @nd: the device
 */
void nvvgpu_dev_cfg_init(struct nvvgpu_dev *nd)
{
	nvvgpu_cfg_reset(&nd->cfg, nd->type->desc.device_id,
			 nd->type->desc.subsystem_id, NVVGPU_BAR0_SIZE,
			 nd->type->desc.bar1_length, NVVGPU_BAR3_SIZE);
	nd->intx_masked = false;
	nd->leaf = 0;
	memset(nd->scratch, 0, sizeof(nd->scratch));
}

/* One naturally aligned access of 1, 2 or 4 bytes. */
static int nvvgpu_cfg_rw1(struct nvvgpu_dev *nd, char __user *ubuf,
			  size_t count, unsigned int off, bool write)
{
	u32 val = 0, old_cmd, new_cmd;

	if (write && copy_from_user(&val, ubuf, count))
		return -EFAULT;

	mutex_lock(&nd->lock);
	old_cmd = nvvgpu_cfg_read(&nd->cfg, PCI_COMMAND, 2);
	if (write)
		nvvgpu_cfg_write(&nd->cfg, off, count, val);
	else
		val = nvvgpu_cfg_read(&nd->cfg, off, count);
	new_cmd = nvvgpu_cfg_read(&nd->cfg, PCI_COMMAND, 2);
	mutex_unlock(&nd->lock);

	if ((old_cmd ^ new_cmd) & PCI_COMMAND_MASTER)
		nvc_vgpu_plugin_msg(nd->vgpu, NVC_VGPU_MSG_BME,
				    !!(new_cmd & PCI_COMMAND_MASTER));
	if (!write && copy_to_user(ubuf, &val, count))
		return -EFAULT;
	return 0;
}

/* Any length: split into the largest naturally aligned pieces. */
static ssize_t nvvgpu_cfg_rw(struct nvvgpu_dev *nd, char __user *ubuf,
			     size_t count, u64 pos, bool write)
{
	size_t done = 0, n;
	int ret;

	if (pos >= NVVGPU_CFG_SIZE || count > NVVGPU_CFG_SIZE - pos)
		return -EINVAL;
	while (done < count) {
		unsigned int off = pos + done;

		if (!(off & 3) && count - done >= 4)
			n = 4;
		else if (!(off & 1) && count - done >= 2)
			n = 2;
		else
			n = 1;
		ret = nvvgpu_cfg_rw1(nd, ubuf + done, n, off, write);
		if (ret)
			return done ?: ret;
		done += n;
	}
	return done;
}

/**
 * nvvgpu_dev_signal() - deliver an interrupt to the device's user
 * @nd: the device
 * @which: INTx or MSI (the guest's interrupt: MSI when enabled), ERR, REQ
 */
void nvvgpu_dev_signal(struct nvvgpu_dev *nd, enum nvvgpu_irq which)
{
	struct eventfd_ctx *t = NULL;

	mutex_lock(&nd->lock);
	if (which == NVVGPU_IRQ_INTX || which == NVVGPU_IRQ_MSI) {
		if (nvvgpu_cfg_msi_on(&nd->cfg)) {
			t = nd->trig[NVVGPU_IRQ_MSI];
		} else if (!(nvvgpu_cfg_read(&nd->cfg, PCI_COMMAND, 2) &
			     PCI_COMMAND_INTX_DISABLE) && !nd->intx_masked) {
			t = nd->trig[NVVGPU_IRQ_INTX];
			if (t)
				nd->intx_masked = true;	/* automasked */
		}
	} else {
		t = nd->trig[which];
	}
	if (t) {
		eventfd_signal(t, 1);
		nd->irqs++;
	}
	mutex_unlock(&nd->lock);
}

static ssize_t nvvgpu_bar0_rw(struct nvvgpu_dev *nd, char __user *ubuf,
			      size_t count, u64 off, bool write)
{
	const struct nvc_gpu_info *gi = nvc_client_gpu_info(nd->gpu->client);
	struct nvc_vgpu_guest_regs regs;
	unsigned int nr_scratch;
	bool ring = false;
	u64 addr = 0;
	u32 val = 0, handle = 0;
	int ret;

	if (count != 4 || (off & 3) || off >= NVVGPU_BAR0_SIZE)
		return -EINVAL;
	if (write && copy_from_user(&val, ubuf, 4))
		return -EFAULT;
	nvc_vgpu_guest_regs(nd->gpu->mgr, &regs);
	nr_scratch = min_t(u32, regs.nr_scratch, NVVGPU_NR_SCRATCH);
	mutex_lock(&nd->lock);
	if (off == regs.boot0) {
		if (!write)
			val = (u32)(gi->chipset >> 4) << 24 |
			      (u32)(gi->chipset & 0xf) << 20 | gi->revision;
	} else if (off == regs.intr_leaf0) {
		if (write)
			nd->leaf &= ~val;
		else
			val = nd->leaf;
	} else if (off >= regs.scratch0 && off < regs.scratch0 + 4ULL * nr_scratch) {
		if (write)
			nd->scratch[(off - regs.scratch0) / 4] = val;
		else
			val = nd->scratch[(off - regs.scratch0) / 4];
	} else if (off == regs.doorbell) {
		if (write) {
			addr = (u64)nd->scratch[(regs.rpc_hi - regs.scratch0) / 4] << 32 |
			       nd->scratch[(regs.rpc_lo - regs.scratch0) / 4];
			handle = val;
			ring = true;
		}
		val = 0;
	} else if (!write) {
		val = 0;
	}
	mutex_unlock(&nd->lock);
	if (ring) {
		/* Checked and relayed by nvcore; returns once answered. */
		ret = nvc_vgpu_guest_doorbell(nd->vgpu, handle, addr);
		if (ret) {
			mutex_lock(&nd->lock);
			nd->guest_refused++;
			mutex_unlock(&nd->lock);
			return ret;
		}
		mutex_lock(&nd->lock);
		nd->leaf |= BIT(0);
		mutex_unlock(&nd->lock);
		nvvgpu_dev_signal(nd, NVVGPU_IRQ_MSI);
	}
	if (!write && copy_to_user(ubuf, &val, 4))
		return -EFAULT;
	return 4;
}

static ssize_t nvvgpu_bar1_rw(struct nvvgpu_dev *nd, char __user *ubuf,
			      size_t count, u64 off, bool write)
{
	size_t done = 0, n;
	void *buf;
	int ret = 0;

	if (off >= nd->info.fb_size || count > nd->info.fb_size - off)
		return -EINVAL;
	buf = kvmalloc(min_t(size_t, count, NVVGPU_RW_CHUNK), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (done < count) {
		n = min_t(size_t, count - done, NVVGPU_RW_CHUNK);
		if (write && copy_from_user(buf, ubuf + done, n)) {
			ret = -EFAULT;
			break;
		}
		ret = nvc_vgpu_fb_rw(nd->vgpu, off + done, buf, n, write);
		if (ret)
			break;
		if (!write && copy_to_user(ubuf + done, buf, n)) {
			ret = -EFAULT;
			break;
		}
		done += n;
	}
	kvfree(buf);
	return done ?: ret;
}

static bool nvvgpu_dead(struct nvvgpu_dev *nd)
{
	bool dead;

	mutex_lock(&nd->lock);
	dead = nd->revoked || nd->lost;
	mutex_unlock(&nd->lock);
	return dead || nvc_vgpu_lost(nd->vgpu);
}

static ssize_t nvvgpu_rw(struct vfio_device *vdev, char __user *ubuf,
			 size_t count, loff_t *ppos, bool write)
{
	struct nvvgpu_dev *nd = to_nd(vdev);
	u64 pos = *ppos, off = pos & NVVGPU_OFFSET_MASK;
	unsigned int index = pos >> NVVGPU_OFFSET_SHIFT;
	ssize_t ret;

	if (*ppos < 0 || !count)
		return -EINVAL;
	if (nvvgpu_dead(nd))
		return -ENODEV;
	switch (index) {
	case VFIO_PCI_CONFIG_REGION_INDEX:
		ret = nvvgpu_cfg_rw(nd, ubuf, count, off, write);
		break;
	case VFIO_PCI_BAR0_REGION_INDEX:
		ret = nvvgpu_bar0_rw(nd, ubuf, count, off, write);
		break;
	case VFIO_PCI_BAR1_REGION_INDEX:
		ret = nvvgpu_bar1_rw(nd, ubuf, count, off, write);
		break;
	case VFIO_PCI_BAR3_REGION_INDEX:
		if (off >= NVVGPU_BAR3_SIZE || count > NVVGPU_BAR3_SIZE - off)
			return -EINVAL;
		ret = count;
		if (!write && clear_user(ubuf, count))
			ret = -EFAULT;
		break;
	default:
		return -EINVAL;
	}
	if (ret > 0)
		*ppos += ret;
	return ret;
}

static ssize_t nvvgpu_read(struct vfio_device *vdev, char __user *buf,
			   size_t count, loff_t *ppos)
{
	return nvvgpu_rw(vdev, buf, count, ppos, false);
}

static ssize_t nvvgpu_write(struct vfio_device *vdev, const char __user *buf,
			    size_t count, loff_t *ppos)
{
	return nvvgpu_rw(vdev, (char __user *)buf, count, ppos, true);
}

/* BAR1: only the guest FB part of the BAR can be mapped. */
static long nvvgpu_region_info_sparse(struct nvvgpu_dev *nd, unsigned long arg,
				      struct vfio_region_info *info)
{
	struct {
		struct vfio_region_info_cap_sparse_mmap h;
		struct vfio_region_sparse_mmap_area area;
	} cap = {
		.h.header.id = VFIO_REGION_INFO_CAP_SPARSE_MMAP,
		.h.header.version = 1,
		.h.nr_areas = 1,
		.area.offset = 0,
		.area.size = nd->info.fb_size,
	};
	unsigned long minsz = offsetofend(struct vfio_region_info, offset);

	if (info->argsz < sizeof(*info) + sizeof(cap)) {
		info->argsz = sizeof(*info) + sizeof(cap);
		info->cap_offset = 0;
	} else {
		info->cap_offset = sizeof(*info);
		if (copy_to_user((void __user *)arg + sizeof(*info), &cap, sizeof(cap)))
			return -EFAULT;
	}
	return copy_to_user((void __user *)arg, info, minsz) ? -EFAULT : 0;
}

static long nvvgpu_region_info(struct nvvgpu_dev *nd, unsigned long arg)
{
	struct vfio_region_info info;
	unsigned long minsz = offsetofend(struct vfio_region_info, offset);

	if (copy_from_user(&info, (void __user *)arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz)
		return -EINVAL;
	info.cap_offset = 0;
	info.offset = (u64)info.index << NVVGPU_OFFSET_SHIFT;
	info.flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
	switch (info.index) {
	case VFIO_PCI_CONFIG_REGION_INDEX:
		info.size = NVVGPU_CFG_SIZE;
		break;
	case VFIO_PCI_BAR1_REGION_INDEX:
		info.size = nvvgpu_bar_size(nd, info.index);
		info.flags |= VFIO_REGION_INFO_FLAG_MMAP | VFIO_REGION_INFO_FLAG_CAPS;
		return nvvgpu_region_info_sparse(nd, arg, &info);
	case VFIO_PCI_BAR0_REGION_INDEX:
	case VFIO_PCI_BAR3_REGION_INDEX:
		info.size = nvvgpu_bar_size(nd, info.index);
		break;
	default:
		if (info.index >= VFIO_PCI_NUM_REGIONS)
			return -EINVAL;
		info.size = 0;
		info.flags = 0;
		break;
	}
	return copy_to_user((void __user *)arg, &info, minsz) ? -EFAULT : 0;
}

static unsigned int nvvgpu_irq_count(unsigned int index)
{
	switch (index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
	case VFIO_PCI_MSI_IRQ_INDEX:
	case VFIO_PCI_ERR_IRQ_INDEX:
	case VFIO_PCI_REQ_IRQ_INDEX:
		return 1;
	}
	return 0;
}

static long nvvgpu_irq_info(unsigned long arg)
{
	struct vfio_irq_info info;
	unsigned long minsz = offsetofend(struct vfio_irq_info, count);

	if (copy_from_user(&info, (void __user *)arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz || info.index >= VFIO_PCI_NUM_IRQS)
		return -EINVAL;
	info.count = nvvgpu_irq_count(info.index);
	info.flags = info.count ? VFIO_IRQ_INFO_EVENTFD : 0;
	if (info.index == VFIO_PCI_INTX_IRQ_INDEX)
		info.flags |= VFIO_IRQ_INFO_MASKABLE | VFIO_IRQ_INFO_AUTOMASKED;
	else if (info.count)
		info.flags |= VFIO_IRQ_INFO_NORESIZE;
	return copy_to_user((void __user *)arg, &info, minsz) ? -EFAULT : 0;
}

static int nvvgpu_irq_slot(unsigned int index)
{
	switch (index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
		return NVVGPU_IRQ_INTX;
	case VFIO_PCI_MSI_IRQ_INDEX:
		return NVVGPU_IRQ_MSI;
	case VFIO_PCI_ERR_IRQ_INDEX:
		return NVVGPU_IRQ_ERR;
	case VFIO_PCI_REQ_IRQ_INDEX:
		return NVVGPU_IRQ_REQ;
	}
	return -EINVAL;
}

/* Install (fd >= 0) or remove (fd -1) the eventfd of @slot. */
static int nvvgpu_set_trigger(struct nvvgpu_dev *nd, int slot, s32 fd)
{
	struct eventfd_ctx *ctx = NULL, *old;

	if (fd >= 0) {
		ctx = eventfd_ctx_fdget(fd);
		if (IS_ERR(ctx))
			return PTR_ERR(ctx);
	} else if (fd != -1) {
		return -EINVAL;
	}
	mutex_lock(&nd->lock);
	old = nd->trig[slot];
	nd->trig[slot] = ctx;
	if (slot == NVVGPU_IRQ_INTX)
		nd->intx_masked = false;
	mutex_unlock(&nd->lock);
	if (old)
		eventfd_ctx_put(old);
	return 0;
}

static long nvvgpu_set_irqs(struct nvvgpu_dev *nd, unsigned long arg)
{
	unsigned long minsz = offsetofend(struct vfio_irq_set, count);
	struct vfio_irq_set hdr;
	size_t data_size = 0;
	u32 action;
	s32 fd;
	u8 b;
	int slot, ret;

	if (copy_from_user(&hdr, (void __user *)arg, minsz))
		return -EFAULT;
	if (hdr.index >= VFIO_PCI_NUM_IRQS)
		return -EINVAL;
	ret = vfio_set_irqs_validate_and_prepare(&hdr, nvvgpu_irq_count(hdr.index),
						 VFIO_PCI_NUM_IRQS, &data_size);
	if (ret)
		return ret;
	slot = nvvgpu_irq_slot(hdr.index);
	if (slot < 0)
		return -EINVAL;
	action = hdr.flags & VFIO_IRQ_SET_ACTION_TYPE_MASK;

	if (action == VFIO_IRQ_SET_ACTION_MASK ||
	    action == VFIO_IRQ_SET_ACTION_UNMASK) {
		if (slot != NVVGPU_IRQ_INTX)
			return -EINVAL;
		if (hdr.flags & VFIO_IRQ_SET_DATA_BOOL) {
			if (copy_from_user(&b, (void __user *)(arg + minsz), 1))
				return -EFAULT;
			if (!b)
				return 0;
		} else if (!(hdr.flags & VFIO_IRQ_SET_DATA_NONE)) {
			return -EINVAL;
		}
		mutex_lock(&nd->lock);
		nd->intx_masked = action == VFIO_IRQ_SET_ACTION_MASK;
		mutex_unlock(&nd->lock);
		return 0;
	}
	/* ACTION_TRIGGER */
	if (hdr.flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		if (!hdr.count)
			return nvvgpu_set_trigger(nd, slot, -1);
		if (copy_from_user(&fd, (void __user *)(arg + minsz), sizeof(fd)))
			return -EFAULT;
		return nvvgpu_set_trigger(nd, slot, fd);
	}
	if (hdr.flags & VFIO_IRQ_SET_DATA_NONE) {
		if (!hdr.count)
			return nvvgpu_set_trigger(nd, slot, -1);
		nvvgpu_dev_signal(nd, slot);
		return 0;
	}
	if (hdr.flags & VFIO_IRQ_SET_DATA_BOOL) {
		if (copy_from_user(&b, (void __user *)(arg + minsz), 1))
			return -EFAULT;
		if (b)
			nvvgpu_dev_signal(nd, slot);
		return 0;
	}
	return -EINVAL;
}

static int nvvgpu_reset(struct nvvgpu_dev *nd)
{
	int ret;

	/* No mapping may keep pages the scrub is about to give back. */
	down_write(&nd->mem_sem);
	nvvgpu_dev_zap(nd);
	ret = nvc_vgpu_plugin_msg(nd->vgpu, NVC_VGPU_MSG_RESET, 0);
	if (!ret)
		ret = nvc_vgpu_fb_scrub(nd->vgpu);
	mutex_lock(&nd->lock);
	nvvgpu_dev_cfg_init(nd);
	mutex_unlock(&nd->lock);
	up_write(&nd->mem_sem);
	return ret;
}

static long nvvgpu_ioctl(struct vfio_device *vdev, unsigned int cmd,
			 unsigned long arg)
{
	struct nvvgpu_dev *nd = to_nd(vdev);
	unsigned long minsz;

	switch (cmd) {
	case VFIO_DEVICE_GET_INFO: {
		struct vfio_device_info info;

		minsz = offsetofend(struct vfio_device_info, num_irqs);
		if (copy_from_user(&info, (void __user *)arg, minsz))
			return -EFAULT;
		if (info.argsz < minsz)
			return -EINVAL;
		info.flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET;
		info.num_regions = VFIO_PCI_NUM_REGIONS;
		info.num_irqs = VFIO_PCI_NUM_IRQS;
		return copy_to_user((void __user *)arg, &info, minsz) ? -EFAULT : 0;
	}
	case VFIO_DEVICE_GET_REGION_INFO:
		return nvvgpu_region_info(nd, arg);
	case VFIO_DEVICE_GET_IRQ_INFO:
		return nvvgpu_irq_info(arg);
	case VFIO_DEVICE_SET_IRQS:
		return nvvgpu_set_irqs(nd, arg);
	case VFIO_DEVICE_RESET:
		if (nvvgpu_dead(nd))
			return -ENODEV;
		return nvvgpu_reset(nd);
	}
	return -ENOTTY;
}

/* ---- BAR1 mappings ---- */

static void nvvgpu_vma_track(struct vm_area_struct *vma)
{
	struct nvvgpu_dev *nd = vma->vm_private_data;
	struct nvvgpu_vma *v;

	if (!nd)
		return;
	v = kmalloc(sizeof(*v), GFP_KERNEL);
	if (!v) {
		/* Untracked, so it could not be zapped: it maps nothing. */
		vma->vm_private_data = NULL;
		return;
	}
	v->vma = vma;
	mutex_lock(&nd->vma_lock);
	list_add(&v->node, &nd->vmas);
	mutex_unlock(&nd->vma_lock);
}

static void nvvgpu_vma_close(struct vm_area_struct *vma)
{
	struct nvvgpu_dev *nd = vma->vm_private_data;
	struct nvvgpu_vma *v;

	if (!nd)
		return;
	mutex_lock(&nd->vma_lock);
	list_for_each_entry(v, &nd->vmas, node)
		if (v->vma == vma) {
			list_del(&v->node);
			kfree(v);
			break;
		}
	mutex_unlock(&nd->vma_lock);
}

static vm_fault_t nvvgpu_vma_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct nvvgpu_dev *nd = vma->vm_private_data;
	u64 off = (vmf->pgoff & ((1ULL << (NVVGPU_OFFSET_SHIFT - PAGE_SHIFT)) - 1))
		  << PAGE_SHIFT;
	unsigned long pfn;
	vm_fault_t ret = VM_FAULT_SIGBUS;
	bool iomem;

	if (!nd)
		return VM_FAULT_SIGBUS;
	/* A reset is replacing the memory: retry the access afterwards. */
	if (!down_read_trylock(&nd->mem_sem))
		return VM_FAULT_NOPAGE;
	if (!READ_ONCE(nd->revoked) && !READ_ONCE(nd->lost) &&
	    !nvc_vgpu_fb_pfn(nd->vgpu, off, &pfn, &iomem))
		ret = vmf_insert_pfn_prot(vma, vmf->address, pfn, iomem ?
					  pgprot_writecombine(vma->vm_page_prot) :
					  vma->vm_page_prot);
	up_read(&nd->mem_sem);
	return ret;
}

static const struct vm_operations_struct nvvgpu_vm_ops = {
	.open = nvvgpu_vma_track,
	.close = nvvgpu_vma_close,
	.fault = nvvgpu_vma_fault,
};

/**
 * nvvgpu_dev_zap() - remove every page of the user's BAR1 mappings
 * @nd: the device
 *
 * Later accesses fault again. An mm being torn down (or changing its
 * mappings) is waited for rather than locked against: its close of our
 * mapping needs @vma_lock.
 */
void nvvgpu_dev_zap(struct nvvgpu_dev *nd)
{
	struct nvvgpu_vma *v;

again:
	mutex_lock(&nd->vma_lock);
	list_for_each_entry(v, &nd->vmas, node) {
		struct vm_area_struct *vma = v->vma;

		if (!mmap_read_trylock(vma->vm_mm)) {
			mutex_unlock(&nd->vma_lock);
			usleep_range(100, 200);
			goto again;
		}
		zap_vma_ptes(vma, vma->vm_start, vma->vm_end - vma->vm_start);
		mmap_read_unlock(vma->vm_mm);
	}
	mutex_unlock(&nd->vma_lock);
}

static int nvvgpu_mmap(struct vfio_device *vdev, struct vm_area_struct *vma)
{
	struct nvvgpu_dev *nd = to_nd(vdev);
	u64 index = vma->vm_pgoff >> (NVVGPU_OFFSET_SHIFT - PAGE_SHIFT);
	u64 off = (vma->vm_pgoff &
		   ((1ULL << (NVVGPU_OFFSET_SHIFT - PAGE_SHIFT)) - 1)) << PAGE_SHIFT;
	u64 size = vma->vm_end - vma->vm_start;

	if (index != VFIO_PCI_BAR1_REGION_INDEX || !(vma->vm_flags & VM_SHARED) ||
	    off >= nd->info.fb_size || size > nd->info.fb_size - off)
		return -EINVAL;
	if (nvvgpu_dead(nd))
		return -ENODEV;
	/* 6.1 has no vm_flags_set(). */
	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP |
			 VM_DONTCOPY;
	vma->vm_ops = &nvvgpu_vm_ops;
	vma->vm_private_data = nd;
	nvvgpu_vma_track(vma);
	return 0;
}

static int nvvgpu_open_device(struct vfio_device *vdev)
{
	struct nvvgpu_dev *nd = to_nd(vdev);

	if (nvvgpu_dead(nd))
		return -ENODEV;
	mutex_lock(&nd->lock);
	nvvgpu_dev_cfg_init(nd);
	mutex_unlock(&nd->lock);
	return 0;
}

static void nvvgpu_close_device(struct vfio_device *vdev)
{
	struct nvvgpu_dev *nd = to_nd(vdev);
	unsigned int i;

	for (i = 0; i < NVVGPU_IRQ_NR; i++)
		nvvgpu_set_trigger(nd, i, -1);
}

/* Removal waits for the user: ask it to close, and refuse its accesses. */
static void nvvgpu_request(struct vfio_device *vdev, unsigned int count)
{
	struct nvvgpu_dev *nd = to_nd(vdev);
	bool asked;

	mutex_lock(&nd->lock);
	nd->revoked = true;
	asked = nd->trig[NVVGPU_IRQ_REQ];
	mutex_unlock(&nd->lock);
	nvvgpu_dev_zap(nd);
	if (asked)
		nvvgpu_dev_signal(nd, NVVGPU_IRQ_REQ);
	else if (!count)
		dev_notice(&nd->mdev->dev, "nvvgpu: removal waits for the device's user to close it\n");
}

static void nvvgpu_release(struct vfio_device *vdev)
{
	struct nvvgpu_dev *nd = to_nd(vdev);

	mutex_destroy(&nd->vma_lock);
	mutex_destroy(&nd->lock);
	vfio_free_device(vdev);
}

const struct vfio_device_ops nvvgpu_vfio_ops = {
	.name = "nvvgpu",
	.release = nvvgpu_release,
	.open_device = nvvgpu_open_device,
	.close_device = nvvgpu_close_device,
	.read = nvvgpu_read,
	.write = nvvgpu_write,
	.ioctl = nvvgpu_ioctl,
	.mmap = nvvgpu_mmap,
	.request = nvvgpu_request,
};
