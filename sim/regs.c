// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: BAR0 register file.
 *
 * DOC: nvsim registers
 *
 * Registers not modelled read as zero and ignore writes, as unimplemented
 * PRI space does on most of the chip; accesses outside BAR0 read all-ones.
 */
#include <linux/sizes.h>

#include "nvsim.h"

#define NVSIM_PMC_BOOT_0		0x000000
#define NVSIM_PMC_BOOT_42		0x000a00
#define NVSIM_GSP_BASE			0x110000
#define NVSIM_FALCON_IRQSSET		0x000
#define NVSIM_FALCON_IRQSCLR		0x004
#define NVSIM_FALCON_IRQSTAT		0x008
#define NVSIM_FALCON_IRQMSET		0x010
#define NVSIM_FALCON_IRQMCLR		0x014
#define NVSIM_FALCON_IRQMASK		0x018

void nvsim_reg_init(struct nvsim_gpu *gpu)
{
	gpu->irqstat = 0;
	gpu->irqmask = 0;
}

u32 nvsim_reg_read(struct nvsim_gpu *gpu, u32 addr)
{
	unsigned long flags;
	u32 val = 0;

	if (addr >= SZ_16M || (addr & 3))
		return ~0u;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	switch (addr) {
	case NVSIM_PMC_BOOT_0:
		val = gpu->chip->boot0;
		break;
	case NVSIM_PMC_BOOT_42:
		val = gpu->chip->boot42;
		break;
	case NVSIM_GSP_BASE + NVSIM_FALCON_IRQSTAT:
		val = gpu->irqstat;
		break;
	case NVSIM_GSP_BASE + NVSIM_FALCON_IRQMASK:
		val = gpu->irqmask;
		break;
	}
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return val;
}

void nvsim_reg_write(struct nvsim_gpu *gpu, u32 addr, u32 val)
{
	unsigned long flags;
	bool fire = false;

	if (addr >= SZ_16M || (addr & 3))
		return;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	switch (addr) {
	case NVSIM_GSP_BASE + NVSIM_FALCON_IRQSSET:
		gpu->irqstat |= val;
		fire = gpu->irqstat & gpu->irqmask;
		break;
	case NVSIM_GSP_BASE + NVSIM_FALCON_IRQSCLR:
		gpu->irqstat &= ~val;
		break;
	case NVSIM_GSP_BASE + NVSIM_FALCON_IRQMSET:
		gpu->irqmask |= val;
		fire = gpu->irqstat & gpu->irqmask;
		break;
	case NVSIM_GSP_BASE + NVSIM_FALCON_IRQMCLR:
		gpu->irqmask &= ~val;
		break;
	}
	spin_unlock_irqrestore(&gpu->reg_lock, flags);

	if (fire)
		nvsim_raise_irq(gpu);
}
