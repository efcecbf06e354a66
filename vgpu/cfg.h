/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: PCI configuration space of a vGPU, as the guest sees it.
 * OS-independent (built in userspace by tests/fuzz/fuzz_vgpu_cfg.c).
 */
#ifndef NVVGPU_CFG_H
#define NVVGPU_CFG_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stdint.h>
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
#endif
#include <linux/pci_regs.h>

#define NVVGPU_CFG_SIZE		256
#define NVVGPU_MSI_CAP		0x60
#define NVVGPU_BARS		6

/**
 * struct nvvgpu_cfg - emulated config space
 * @b: the bytes (BAR registers excepted)
 * @bar: BAR registers as programmed (sizing included)
 * @bar_size: size of each BAR, 0 for none; a 64-bit BAR's size is in its
 *	low register's slot and its high register's slot is 0
 */
struct nvvgpu_cfg {
	u8 b[NVVGPU_CFG_SIZE];
	u32 bar[NVVGPU_BARS];
	u64 bar_size[NVVGPU_BARS];
};

void nvvgpu_cfg_reset(struct nvvgpu_cfg *c, u16 device, u16 subsystem,
		      u64 bar0, u64 bar1, u64 bar3);
bool nvvgpu_cfg_access_ok(unsigned int off, unsigned int size);
u32 nvvgpu_cfg_read(const struct nvvgpu_cfg *c, unsigned int off,
		    unsigned int size);
void nvvgpu_cfg_write(struct nvvgpu_cfg *c, unsigned int off, unsigned int size,
		      u32 val);
bool nvvgpu_cfg_msi_on(const struct nvvgpu_cfg *c);

#endif /* NVVGPU_CFG_H */
