/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: a simulated GSP-RM GPU. Internal definitions.
 */
#ifndef NVSIM_H
#define NVSIM_H

#include <linux/irq_work.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include <nvsim/nvsim_bus.h>

#define NVSIM_MAX_GPUS	8

/**
 * struct nvsim_chip - static description of a simulated chip
 * @name: chip name, lower case, as in the firmware path (e.g. "tu102")
 * @boot0: value of NV_PMC_BOOT_0
 * @boot42: value of NV_PMC_BOOT_42
 * @pci_device: PCI device id of a board built on this chip
 * @vram_size: VRAM size in bytes
 * @bar1_size: BAR1 (framebuffer aperture) size in bytes
 */
struct nvsim_chip {
	const char *name;
	u32 boot0;
	u32 boot42;
	u16 pci_device;
	u64 vram_size;
	u64 bar1_size;
};

/**
 * struct nvsim_gpu - one simulated GPU
 * @index: GPU number, 0-based
 * @chip: the chip it simulates
 * @pdev: the platform device the driver binds to
 * @pdata: platform data handed to the driver (copied by the driver core)
 * @irq_hwirq: hardware IRQ number of this GPU in nvsim's irq domain
 * @irq: Linux IRQ number mapped for @irq_hwirq
 * @irq_work: fires the interrupt in hard-IRQ context
 * @reg_lock: protects the register state below
 * @irqstat: GSP falcon IRQSTAT (pending interrupt bits)
 * @irqmask: GSP falcon IRQ enable mask
 */
struct nvsim_gpu {
	unsigned int index;
	const struct nvsim_chip *chip;
	struct platform_device *pdev;
	struct nvsim_bus_pdata pdata;
	unsigned int irq_hwirq;
	unsigned int irq;
	struct irq_work irq_work;

	spinlock_t reg_lock;
	u32 irqstat;
	u32 irqmask;
};

void nvsim_raise_irq(struct nvsim_gpu *gpu);

void nvsim_reg_init(struct nvsim_gpu *gpu);
u32 nvsim_reg_read(struct nvsim_gpu *gpu, u32 addr);
void nvsim_reg_write(struct nvsim_gpu *gpu, u32 addr, u32 val);

#endif /* NVSIM_H */
