// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu: PCI configuration space of a vGPU.
 *
 * DOC: nvvgpu config space
 *
 * 256 bytes: vendor 0x10de, the vGPU's device and subsystem ids, class
 * 0x030200 (3D controller), a type-0 header, BAR0 32-bit memory, BAR1 and
 * BAR3 64-bit prefetchable memory, interrupt pin A, one MSI capability
 * (64-bit, one vector) at 0x60 ending the list. Every byte written is the
 * guest's: only these bits change, everything else is read-only: command
 * (I/O, memory, bus master, parity, SERR, INTx disable), the BARs (sizing:
 * the size's low bits read back as zero, the type bits as fixed), the
 * interrupt line, the MSI enable bit, message address (dword aligned) and
 * data. Accesses are 1, 2 or 4 bytes, naturally aligned, inside the 256
 * bytes (nvvgpu_cfg_access_ok()); tests/fuzz/fuzz_vgpu_cfg.c checks these
 * invariants against arbitrary access sequences.
 */
#ifdef __KERNEL__
#include <linux/string.h>
#else
#include <string.h>
#endif

#include "cfg.h"

#define NVVGPU_CMD_WMASK	(PCI_COMMAND_IO | PCI_COMMAND_MEMORY | \
				 PCI_COMMAND_MASTER | PCI_COMMAND_PARITY | \
				 PCI_COMMAND_SERR | PCI_COMMAND_INTX_DISABLE)
#define NVVGPU_VENDOR_NVIDIA	0x10de
#define NVVGPU_CLASS_3D		0x0302

static void nvvgpu_put16(u8 *p, u16 v)
{
	p[0] = v;
	p[1] = v >> 8;
}

/**
 * nvvgpu_cfg_reset() - config space at reset
 * @c: the config space
 * @device: PCI device id
 * @subsystem: PCI subsystem id
 * @bar0: BAR0 size (32-bit memory), a power of two
 * @bar1: BAR1 size (64-bit prefetchable), a power of two
 * @bar3: BAR3 size (64-bit prefetchable), a power of two
 */
void nvvgpu_cfg_reset(struct nvvgpu_cfg *c, u16 device, u16 subsystem,
		      u64 bar0, u64 bar1, u64 bar3)
{
	u8 *b = c->b;

	memset(c, 0, sizeof(*c));
	nvvgpu_put16(b + PCI_VENDOR_ID, NVVGPU_VENDOR_NVIDIA);
	nvvgpu_put16(b + PCI_DEVICE_ID, device);
	nvvgpu_put16(b + PCI_STATUS, PCI_STATUS_CAP_LIST);
	b[PCI_REVISION_ID] = 0xa1;
	nvvgpu_put16(b + PCI_CLASS_DEVICE, NVVGPU_CLASS_3D);
	b[PCI_HEADER_TYPE] = PCI_HEADER_TYPE_NORMAL;
	nvvgpu_put16(b + PCI_SUBSYSTEM_VENDOR_ID, NVVGPU_VENDOR_NVIDIA);
	nvvgpu_put16(b + PCI_SUBSYSTEM_ID, subsystem);
	b[PCI_CAPABILITY_LIST] = NVVGPU_MSI_CAP;
	b[PCI_INTERRUPT_PIN] = 1;
	b[NVVGPU_MSI_CAP + PCI_CAP_LIST_ID] = PCI_CAP_ID_MSI;
	b[NVVGPU_MSI_CAP + PCI_CAP_LIST_NEXT] = 0;
	nvvgpu_put16(b + NVVGPU_MSI_CAP + PCI_MSI_FLAGS, PCI_MSI_FLAGS_64BIT);
	c->bar_size[0] = bar0;
	c->bar_size[1] = bar1;
	c->bar_size[3] = bar3;
	c->bar[1] = PCI_BASE_ADDRESS_MEM_TYPE_64 | PCI_BASE_ADDRESS_MEM_PREFETCH;
	c->bar[3] = PCI_BASE_ADDRESS_MEM_TYPE_64 | PCI_BASE_ADDRESS_MEM_PREFETCH;
}

/**
 * nvvgpu_cfg_access_ok() - is this an access the emulation serves?
 * @off: offset
 * @size: bytes
 *
 * Return: true for 1, 2 or 4 naturally aligned bytes inside the space.
 */
bool nvvgpu_cfg_access_ok(unsigned int off, unsigned int size)
{
	return (size == 1 || size == 2 || size == 4) && !(off & (size - 1)) &&
	       off < NVVGPU_CFG_SIZE && size <= NVVGPU_CFG_SIZE - off;
}

static bool nvvgpu_is_bar(unsigned int dw)
{
	return dw >= PCI_BASE_ADDRESS_0 && dw <= PCI_BASE_ADDRESS_5;
}

static u32 nvvgpu_cfg_rd32(const struct nvvgpu_cfg *c, unsigned int dw)
{
	const u8 *b = c->b + dw;

	if (nvvgpu_is_bar(dw))
		return c->bar[(dw - PCI_BASE_ADDRESS_0) / 4];
	return b[0] | b[1] << 8 | b[2] << 16 | (u32)b[3] << 24;
}

/**
 * nvvgpu_cfg_read() - read config space
 * @c: the config space
 * @off: offset (nvvgpu_cfg_access_ok())
 * @size: 1, 2 or 4
 *
 * Return: the value, or all ones for an access that is not served.
 */
u32 nvvgpu_cfg_read(const struct nvvgpu_cfg *c, unsigned int off,
		    unsigned int size)
{
	u32 v;

	if (!nvvgpu_cfg_access_ok(off, size))
		return ~0u;
	v = nvvgpu_cfg_rd32(c, off & ~3u) >> ((off & 3) * 8);
	return size == 4 ? v : v & ((1u << (8 * size)) - 1);
}

static void nvvgpu_bar_write(struct nvvgpu_cfg *c, unsigned int i, u32 val)
{
	u64 size = c->bar_size[i];

	if (size) {
		if (i == 0) {
			c->bar[0] = val & ~(u32)(size - 1) & PCI_BASE_ADDRESS_MEM_MASK;
		} else {
			c->bar[i] = (val & ~(u32)(size - 1) & PCI_BASE_ADDRESS_MEM_MASK) |
				    PCI_BASE_ADDRESS_MEM_TYPE_64 |
				    PCI_BASE_ADDRESS_MEM_PREFETCH;
		}
	} else if (i > 0 && c->bar_size[i - 1] &&
		   (c->bar[i - 1] & PCI_BASE_ADDRESS_MEM_TYPE_64)) {
		/* Upper half of a 64-bit BAR. */
		c->bar[i] = val & ~(u32)((c->bar_size[i - 1] - 1) >> 32);
	}
}

/**
 * nvvgpu_cfg_write() - a guest write to config space
 * @c: the config space
 * @off: offset (an access nvvgpu_cfg_access_ok() refuses is ignored)
 * @size: 1, 2 or 4
 * @val: the value (its low @size bytes)
 */
void nvvgpu_cfg_write(struct nvvgpu_cfg *c, unsigned int off, unsigned int size,
		      u32 val)
{
	unsigned int dw = off & ~3u, sh = (off & 3) * 8, i;
	u32 mask, old, wmask = 0, new;

	if (!nvvgpu_cfg_access_ok(off, size))
		return;
	mask = (size == 4 ? ~0u : (1u << (8 * size)) - 1) << sh;
	old = nvvgpu_cfg_rd32(c, dw);
	val = (old & ~mask) | ((val << sh) & mask);
	if (nvvgpu_is_bar(dw)) {
		nvvgpu_bar_write(c, (dw - PCI_BASE_ADDRESS_0) / 4, val);
		return;
	}
	switch (dw) {
	case PCI_COMMAND:
		wmask = NVVGPU_CMD_WMASK;
		break;
	case PCI_INTERRUPT_LINE:
		wmask = 0xff;
		break;
	case NVVGPU_MSI_CAP:
		wmask = (u32)PCI_MSI_FLAGS_ENABLE << 16;
		break;
	case NVVGPU_MSI_CAP + PCI_MSI_ADDRESS_LO:
		wmask = ~3u;
		break;
	case NVVGPU_MSI_CAP + PCI_MSI_ADDRESS_HI:
		wmask = ~0u;
		break;
	case NVVGPU_MSI_CAP + PCI_MSI_DATA_64:
		wmask = 0xffff;
		break;
	}
	new = (old & ~wmask) | (val & wmask);
	for (i = 0; i < 4; i++)
		c->b[dw + i] = new >> (8 * i);
}

/**
 * nvvgpu_cfg_msi_on() - has the guest enabled MSI?
 * @c: the config space
 *
 * Return: true if so.
 */
bool nvvgpu_cfg_msi_on(const struct nvvgpu_cfg *c)
{
	return c->b[NVVGPU_MSI_CAP + PCI_MSI_FLAGS] & PCI_MSI_FLAGS_ENABLE;
}
