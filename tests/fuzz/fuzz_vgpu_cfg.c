// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for a vGPU's emulated PCI config space (vgpu/cfg.c):
 * every byte of it is the guest's.
 *
 * The input is a sequence of 6-byte accesses: offset, size selector
 * (1/2/4/other), read-or-write, and a 32-bit value. After each one the
 * invariants a guest must not break are checked: identity (vendor, device,
 * class, subsystem, header type, status), the capability list (pointer,
 * MSI id, end of list, 64-bit flag), the BARs' fixed type bits and size
 * alignment, and that only writable bits of command and the MSI capability
 * change; a read never returns more than its size, and refused accesses
 * read as all ones and change nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../vgpu/cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BAR0	(16ull << 20)
#define BAR1	(8ull << 30)
#define BAR3	(32ull << 20)

static void check(const struct nvvgpu_cfg *c)
{
	u32 bar0 = nvvgpu_cfg_read(c, PCI_BASE_ADDRESS_0, 4);
	u32 bar1 = nvvgpu_cfg_read(c, PCI_BASE_ADDRESS_1, 4);
	u32 bar2 = nvvgpu_cfg_read(c, PCI_BASE_ADDRESS_2, 4);
	u32 bar3 = nvvgpu_cfg_read(c, PCI_BASE_ADDRESS_3, 4);
	u16 cmd = nvvgpu_cfg_read(c, PCI_COMMAND, 2);
	u16 msi = nvvgpu_cfg_read(c, 0x60 + PCI_MSI_FLAGS, 2);

	if (nvvgpu_cfg_read(c, PCI_VENDOR_ID, 4) != (0x2230u << 16 | 0x10de) ||
	    nvvgpu_cfg_read(c, PCI_CLASS_REVISION, 4) != 0x030200a1 ||
	    nvvgpu_cfg_read(c, PCI_SUBSYSTEM_VENDOR_ID, 4) != (0x1503u << 16 | 0x10de) ||
	    nvvgpu_cfg_read(c, PCI_HEADER_TYPE, 1) != 0 ||
	    nvvgpu_cfg_read(c, PCI_STATUS, 2) != PCI_STATUS_CAP_LIST ||
	    nvvgpu_cfg_read(c, PCI_CAPABILITY_LIST, 1) != 0x60 ||
	    nvvgpu_cfg_read(c, 0x60, 2) != PCI_CAP_ID_MSI ||
	    !(msi & PCI_MSI_FLAGS_64BIT) || (msi & ~(PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_ENABLE)) ||
	    nvvgpu_cfg_read(c, PCI_INTERRUPT_PIN, 1) != 1)
		abort();
	if ((bar0 & 0xf) || (bar0 & (BAR0 - 1)))
		abort();
	if ((bar1 & 0xf) != 0xc || (bar1 & ~0xfu & (u32)(BAR1 - 1)) ||
	    (bar2 & (u32)((BAR1 - 1) >> 32)))
		abort();
	if ((bar3 & 0xf) != 0xc || (bar3 & ~0xfu & (u32)(BAR3 - 1)))
		abort();
	if (cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |
		    PCI_COMMAND_PARITY | PCI_COMMAND_SERR | PCI_COMMAND_INTX_DISABLE))
		abort();
	if (nvvgpu_cfg_read(c, 0x60 + PCI_MSI_ADDRESS_LO, 4) & 3)
		abort();
	if (nvvgpu_cfg_read(c, 0x60 + PCI_MSI_DATA_64, 4) >> 16)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned int sizes[4] = { 1, 2, 4, 3 };
	struct nvvgpu_cfg c, before;
	unsigned int off, sz;
	u32 val, r;

	nvvgpu_cfg_reset(&c, 0x2230, 0x1503, BAR0, BAR1, BAR3);
	check(&c);
	for (; size >= 6; data += 6, size -= 6) {
		off = data[0] | (data[1] & 0x1) << 8;	/* 0..511: past the end too */
		sz = sizes[(data[1] >> 1) & 3];
		memcpy(&val, data + 2, 4);
		before = c;
		if (data[1] & 0x80) {
			nvvgpu_cfg_write(&c, off, sz, val);
			if (!nvvgpu_cfg_access_ok(off, sz) && memcmp(&c, &before, sizeof(c)))
				abort();
		} else {
			r = nvvgpu_cfg_read(&c, off, sz);
			if (!nvvgpu_cfg_access_ok(off, sz) ? r != ~0u :
			    sz < 4 && (r >> (8 * sz)))
				abort();
			if (memcmp(&c, &before, sizeof(c)))
				abort();
		}
		check(&c);
	}
	return 0;
}
