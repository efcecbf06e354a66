// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: BAR0 register file.
 *
 * DOC: nvsim registers
 *
 * Registers not modelled read as zero and ignore writes, as unimplemented
 * PRI space does on most of the chip; accesses outside BAR0 or unaligned
 * ones read all-ones. The model follows docs/nvsim.md:
 *
 * - GSP (0x110000) and SEC2 (0x840000) falcons: IRQSSET/IRQSCLR/IRQSTAT,
 *   IRQMSET/IRQMCLR/IRQMASK, MAILBOX0/1, OS, CPUCTL (STARTCPU write, HALTED
 *   read), CPUCTL_ALIAS, DMACTL, ENGINE (bit 0 reset: 1 then 0 resets the
 *   core and sets HALTED), FBIF_CTL. Of the falcons only the GSP drives the
 *   GPU's interrupt line: it counts as asserted while IRQSTAT & IRQMASK is
 *   non-zero; the interrupt fires on a 0 to non-zero transition of
 *   IRQSTAT & IRQMASK and on every new SWGEN0 while SWGEN0 is enabled.
 * - SEC2 STARTCPU runs the booter (or, with MAILBOX0 = MAILBOX1 = 0xff, the
 *   unload booter) on the GSP thread; SEC2 HALTED clears on STARTCPU and is
 *   set when the booter is done.
 * - A GSP ENGINE reset while GSP-RM runs kills GSP-RM (except while a CPU
 *   sequencer program that resets the core is expected).
 * - QUEUE_HEAD(i) writes are the doorbell; RISC-V status registers report
 *   the core running (TU102: CORE_SWITCH_STATUS bit 0; GA102+: RISCV_CPUCTL
 *   bit 7); the RISC-V IRQ mask register mirrors the falcon IRQMASK.
 * - Interrupt-tree leaves (NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0..7),
 *   LEAF_EN_SET, LEAF_EN_CLEAR in the 0xb80000 aperture, dev_vm.h): LEAF
 *   reads the pending vectors and clears those written 1; EN_SET and
 *   EN_CLEAR enable and disable the vectors written 1, both read back the
 *   enable mask. Engines' non-stall interrupts set vector 0x80 + the
 *   engine's index in the chip's engine list (nvsim_intr_vector_set(),
 *   debugfs inject "nonstall"). The GPU's interrupt line is asserted while
 *   the GSP falcon's IRQSTAT & IRQMASK or any LEAF & EN is non-zero; the
 *   interrupt fires whenever an enabled vector is set and when enabling a
 *   pending one.
 * - SW_SCRATCH(0..63) is plain storage; WPR2 LO/HI are read-only to the
 *   driver; the PGC6 scratch registers report GFW boot complete, the VRAM
 *   size in MiB (GROUP_42) and the boot stage 3 handoff (BSI scratch 14).
 *
 * The callbacks run in any context, including hard IRQ: they only take
 * reg_lock (a spinlock) and wake the GSP thread with wake_up().
 */
#include <linux/sizes.h>

#include "nvsim.h"

#define NVSIM_GSP		NVRM_FALCON_GSP_BASE
#define NVSIM_SEC2		NVRM_FALCON_SEC2_BASE
#define NVSIM_FALCON_SPAN	0x1000
#define NVSIM_FALCON_ENGINE	0x3c0
#define NVSIM_FALCON_FBIF_CTL	(NVRM_FALCON_FBIF_OFFSET + NV_PFALCON_FBIF_CTL)
#define NVSIM_CPUCTL_STARTCPU	NV_PFALCON_FALCON_CPUCTL_STARTCPU__MASK
#define NVSIM_CPUCTL_HALTED	NV_PFALCON_FALCON_CPUCTL_HALTED__MASK
#define NVSIM_SCRATCH_BASE	NV_PBUS_SW_SCRATCH(0)
#define NVSIM_QHEAD_BASE	NV_PGSP_QUEUE_HEAD(0)
#define NVSIM_LEAF_SPAN		(4 * NVSIM_INTR_LEAVES)

/* Leaf index of @addr in the leaf register array at @base, or -1. */
static int nvsim_leaf_index(u32 addr, u32 base)
{
	return addr >= base && addr < base + NVSIM_LEAF_SPAN ?
	       (addr - base) / 4 : -1;
}

/**
 * nvsim_kick() - tell the GSP thread to look at the state
 * @gpu: the GPU
 *
 * Safe in any context.
 */
void nvsim_kick(struct nvsim_gpu *gpu)
{
	atomic_set(&gpu->kick, 1);
	wake_up(&gpu->wq);
}

/* Caller holds reg_lock; returns true if the interrupt must fire. */
static bool nvsim_gsp_irq_update(struct nvsim_gpu *gpu, u32 old_pending,
				 u32 new_bits)
{
	struct nvsim_falcon *f = &gpu->regs.gsp;
	u32 pending = f->irqstat & f->irqmask;

	if (!old_pending && pending)
		return true;
	return new_bits & f->irqmask & NVRM_FALCON_IRQ_SWGEN0;
}

/**
 * nvsim_irq_asserted() - is the GPU's interrupt line asserted
 * @gpu: the GPU
 *
 * Safe in any context.
 *
 * Return: true while the GSP falcon's IRQSTAT & IRQMASK or any interrupt
 * leaf's pending & enabled vectors are non-zero.
 */
bool nvsim_irq_asserted(struct nvsim_gpu *gpu)
{
	struct nvsim_regs *r = &gpu->regs;
	unsigned long flags;
	unsigned int i;
	bool on;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	on = r->gsp.irqstat & r->gsp.irqmask;
	for (i = 0; i < NVSIM_INTR_LEAVES && !on; i++)
		on = r->intr_leaf[i] & r->intr_en[i];
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return on;
}

/**
 * nvsim_intr_vector_set() - an engine raises an interrupt-tree vector
 * @gpu: the GPU
 * @vector: vector number, below 32 * NVSIM_INTR_LEAVES (others are ignored)
 *
 * Sets the vector pending in its leaf and fires the interrupt if the vector
 * is enabled. Safe in any context.
 */
void nvsim_intr_vector_set(struct nvsim_gpu *gpu, unsigned int vector)
{
	unsigned int leaf = vector / 32;
	u32 bit = BIT(vector % 32);
	unsigned long flags;
	bool fire;

	if (leaf >= NVSIM_INTR_LEAVES)
		return;
	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.intr_leaf[leaf] |= bit;
	fire = gpu->regs.intr_en[leaf] & bit;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	if (fire) {
		nvsim_stat_inc(gpu, NVSIM_S_IRQS);
		nvsim_stat_inc(gpu, NVSIM_S_NONSTALL_IRQS);
		nvsim_raise_irq(gpu);
	}
}

/* Interrupt-tree leaf write; caller holds reg_lock. True: fire. */
static bool nvsim_leaf_write(struct nvsim_gpu *gpu, u32 addr, u32 val)
{
	struct nvsim_regs *r = &gpu->regs;
	int i;
	u32 newly;

	i = nvsim_leaf_index(addr, NVRM_VF_CPU_INTR_LEAF(0));
	if (i >= 0) {
		r->intr_leaf[i] &= ~val;
		return false;
	}
	i = nvsim_leaf_index(addr, NVRM_VF_CPU_INTR_LEAF_EN_SET(0));
	if (i >= 0) {
		newly = val & ~r->intr_en[i] & r->intr_leaf[i];
		r->intr_en[i] |= val;
		return newly;
	}
	i = nvsim_leaf_index(addr, NVRM_VF_CPU_INTR_LEAF_EN_CLEAR(0));
	if (i >= 0)
		r->intr_en[i] &= ~val;
	return false;
}

/**
 * nvsim_gsp_irq_set() - raise interrupt bits in the GSP falcon IRQSTAT
 * @gpu: the GPU
 * @bits: bits to set (SWGEN0, HALT)
 *
 * Fires the interrupt line if the bits are enabled in IRQMASK. Safe in any
 * context.
 */
void nvsim_gsp_irq_set(struct nvsim_gpu *gpu, u32 bits)
{
	struct nvsim_falcon *f = &gpu->regs.gsp;
	unsigned long flags;
	u32 old;
	bool fire;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	old = f->irqstat & f->irqmask;
	f->irqstat |= bits;
	fire = nvsim_gsp_irq_update(gpu, old, bits);
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	if (fire) {
		nvsim_stat_inc(gpu, NVSIM_S_IRQS);
		nvsim_raise_irq(gpu);
	}
}

/* GFW-written FB size: NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE (mag << scale MiB). */
static u32 nvsim_local_memory_range(const struct nvsim_chip *c)
{
	u64 mib = c->vram_size >> 20;
	u32 scale = 0;

	while (mib > 0x3f && !(mib & 1)) {
		mib >>= 1;
		scale++;
	}
	return (u32)(mib << NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE_LOWER_MAG__BIT_LO) |
	       scale;
}

/**
 * nvsim_reg_init() - put the registers into their power-on state
 * @gpu: the GPU
 *
 * Caller holds reg_lock or has exclusive access.
 */
void nvsim_reg_init(struct nvsim_gpu *gpu)
{
	memset(&gpu->regs, 0, sizeof(gpu->regs));
	gpu->regs.gsp.halted = true;
	gpu->regs.sec2.halted = true;
}

static u32 nvsim_falcon_read(struct nvsim_falcon *f, u32 off)
{
	switch (off) {
	case NV_PFALCON_FALCON_IRQSTAT:
		return f->irqstat;
	case NV_PFALCON_FALCON_IRQMASK:
		return f->irqmask;
	case NV_PFALCON_FALCON_MAILBOX0:
		return f->mailbox0;
	case NV_PFALCON_FALCON_MAILBOX1:
		return f->mailbox1;
	case NV_PFALCON_FALCON_OS:
		return f->os;
	case NV_PFALCON_FALCON_CPUCTL:
		return f->halted ? NVSIM_CPUCTL_HALTED : 0;
	case NV_PFALCON_FALCON_DMACTL:
		return f->dmactl;
	case NVSIM_FALCON_ENGINE:
		return f->engine;
	case NVSIM_FALCON_FBIF_CTL:
		return f->fbif_ctl;
	}
	return 0;
}

/* Caller holds reg_lock. */
static u32 nvsim_read_locked(struct nvsim_gpu *gpu, u32 addr)
{
	struct nvsim_regs *r = &gpu->regs;
	const struct nvsim_chip *c = gpu->chip;
	struct nvsim_seq_obs *o = &r->obs;
	unsigned int i;
	int leaf;

	leaf = nvsim_leaf_index(addr, NVRM_VF_CPU_INTR_LEAF(0));
	if (leaf >= 0)
		return r->intr_leaf[leaf];
	leaf = nvsim_leaf_index(addr, NVRM_VF_CPU_INTR_LEAF_EN_SET(0));
	if (leaf < 0)
		leaf = nvsim_leaf_index(addr,
					NVRM_VF_CPU_INTR_LEAF_EN_CLEAR(0));
	if (leaf >= 0)
		return r->intr_en[leaf];
	if (addr >= NVSIM_QHEAD_BASE &&
	    addr < NVSIM_QHEAD_BASE + 8 * NVSIM_QUEUE_HEADS && !(addr & 4))
		return r->queue_head[(addr - NVSIM_QHEAD_BASE) / 8];
	if (addr >= NVSIM_GSP && addr < NVSIM_GSP + NVSIM_FALCON_SPAN)
		return nvsim_falcon_read(&r->gsp, addr - NVSIM_GSP);
	if (addr >= NVSIM_SEC2 && addr < NVSIM_SEC2 + NVSIM_FALCON_SPAN)
		return nvsim_falcon_read(&r->sec2, addr - NVSIM_SEC2);
	if (addr >= NVSIM_SCRATCH_BASE &&
	    addr < NVSIM_SCRATCH_BASE + 4 * NVSIM_SCRATCH_COUNT) {
		i = (addr - NVSIM_SCRATCH_BASE) / 4;
		if (o->armed && i == 3 && o->s3_ready && !o->s3_ok_read)
			o->s3_ok_read = ++o->ev;
		if (o->armed && i == 5 && !o->reset) {
			o->s5_read = ++o->ev;
			o->t_s5_read = ktime_get();
		}
		return r->scratch[i];
	}

	switch (addr) {
	case NV_PMC_BOOT_0:
		return c->boot0;
	case NV_PMC_BOOT_42:
		return c->boot42;
	case NV_PFB_PRI_MMU_WPR2_ADDR_LO:
		return r->wpr2_lo;
	case NV_PFB_PRI_MMU_WPR2_ADDR_HI:
		return r->wpr2_hi;
	case NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_PRIV_LEVEL_MASK:
		return NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_PRIV_LEVEL_MASK_READ_PROTECTION_LEVEL0__MASK;
	case NV_PGC6_AON_SECURE_SCRATCH_GROUP_05(0):
		return NVRM_GFW_BOOT_PROGRESS_COMPLETED;
	case NV_PGC6_AON_SECURE_SCRATCH_GROUP_42:
		return (u32)(c->vram_size >> 20);
	case NV_PGC6_BSI_SECURE_SCRATCH_14:
		return r->bsi_scratch14;
	case NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE:
		return nvsim_local_memory_range(c);
	case NVRM_GSP_RISCV_CORE_SWITCH_RISCV_STATUS:
		return !c->libos3 && r->riscv_active ?
		       NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK : 0;
	case NVRM_GSP_RISCV_CPUCTL:
		return c->libos3 && r->riscv_active ?
		       NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK : 0;
	case NVRM_GSP_RISCV_IRQMASK:
		return r->gsp.irqmask;
	}
	return 0;
}

/**
 * nvsim_reg_read() - BAR0 read callback
 * @gpu: the GPU
 * @addr: byte offset
 *
 * Return: the register value; ~0 outside BAR0 or unaligned.
 */
u32 nvsim_reg_read(struct nvsim_gpu *gpu, u32 addr)
{
	unsigned long flags;
	u32 val;

	if (addr >= SZ_16M || (addr & 3))
		return ~0u;
	spin_lock_irqsave(&gpu->reg_lock, flags);
	val = nvsim_read_locked(gpu, addr);
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return val;
}

/* Common falcon registers. Returns true if the write was handled. */
static bool nvsim_falcon_write(struct nvsim_falcon *f, u32 off, u32 val)
{
	switch (off) {
	case NV_PFALCON_FALCON_IRQSSET:
		f->irqstat |= val;
		return true;
	case NV_PFALCON_FALCON_IRQSCLR:
		f->irqstat &= ~val;
		return true;
	case NV_PFALCON_FALCON_IRQMSET:
		f->irqmask |= val;
		return true;
	case NV_PFALCON_FALCON_IRQMCLR:
		f->irqmask &= ~val;
		return true;
	case NV_PFALCON_FALCON_MAILBOX0:
		f->mailbox0 = val;
		return true;
	case NV_PFALCON_FALCON_MAILBOX1:
		f->mailbox1 = val;
		return true;
	case NV_PFALCON_FALCON_OS:
		f->os = val;
		return true;
	case NV_PFALCON_FALCON_DMACTL:
		f->dmactl = val;
		return true;
	case NVSIM_FALCON_FBIF_CTL:
		f->fbif_ctl = val;
		return true;
	}
	return false;
}

/* GSP falcon; caller holds reg_lock. Returns true to kick the thread. */
static bool nvsim_gsp_write(struct nvsim_gpu *gpu, u32 off, u32 val)
{
	struct nvsim_regs *r = &gpu->regs;
	struct nvsim_seq_obs *o = &r->obs;

	switch (off) {
	case NVSIM_FALCON_ENGINE:
		r->gsp.engine = val;
		if (val & 1) {
			r->engine_reset_pending = true;
			return false;
		}
		if (!r->engine_reset_pending)
			return false;
		/* 1 then 0: the core is reset and halted. */
		r->engine_reset_pending = false;
		r->gsp.halted = true;
		r->riscv_active = false;
		if (o->armed && o->s5_read && !o->reset) {
			o->reset = ++o->ev;
			o->t_reset = ktime_get();
			return false;
		}
		if (r->rm_running) {
			r->gsp_killed = true;
			return true;
		}
		return false;
	case NV_PFALCON_FALCON_CPUCTL:
	case NV_PFALCON_FALCON_CPUCTL_ALIAS:
		if (!(val & NVSIM_CPUCTL_STARTCPU))
			return false;
		if (o->armed && o->reset && !o->start) {
			o->start = ++o->ev;
			r->gsp.halted = false;
			r->riscv_active = true;
		}
		return false;
	}
	nvsim_falcon_write(&r->gsp, off, val);
	return false;
}

/* SEC2 falcon; caller holds reg_lock. Returns true to kick the thread. */
static bool nvsim_sec2_write(struct nvsim_gpu *gpu, u32 off, u32 val)
{
	struct nvsim_regs *r = &gpu->regs;

	switch (off) {
	case NVSIM_FALCON_ENGINE:
		if ((r->sec2.engine & 1) && !(val & 1))
			r->sec2.halted = true;
		r->sec2.engine = val;
		return false;
	case NV_PFALCON_FALCON_CPUCTL:
	case NV_PFALCON_FALCON_CPUCTL_ALIAS:
		if (!(val & NVSIM_CPUCTL_STARTCPU) || r->sec2_start)
			return false;
		r->sec2.halted = false;
		r->sec2_start = true;
		return true;
	}
	nvsim_falcon_write(&r->sec2, off, val);
	return false;
}

static bool nvsim_scratch_write(struct nvsim_gpu *gpu, unsigned int i, u32 val)
{
	struct nvsim_regs *r = &gpu->regs;
	struct nvsim_seq_obs *o = &r->obs;

	r->scratch[i] = val;
	if (!o->armed)
		return false;
	if (i == 1 && !o->s1_write)
		o->s1_write = ++o->ev;
	else if (i == 2 && !o->s2_write)
		o->s2_write = ++o->ev;
	else if (i == 4 && val == o->nonce2 && !o->s4_write) {
		o->s4_write = ++o->ev;
		return true;
	}
	return false;
}

/**
 * nvsim_reg_write() - BAR0 write callback
 * @gpu: the GPU
 * @addr: byte offset
 * @val: value
 */
void nvsim_reg_write(struct nvsim_gpu *gpu, u32 addr, u32 val)
{
	struct nvsim_falcon *f = &gpu->regs.gsp;
	unsigned long flags;
	bool fire = false, kick = false;
	u32 old;

	if (addr >= SZ_16M || (addr & 3))
		return;
	if (addr == NVRM_VGPU_DOORBELL) {
		nvsim_vgpu_doorbell(gpu, val);
		return;
	}

	spin_lock_irqsave(&gpu->reg_lock, flags);
	old = f->irqstat & f->irqmask;
	if (addr >= NVSIM_GSP && addr < NVSIM_GSP + NVSIM_FALCON_SPAN) {
		u32 off = addr - NVSIM_GSP;

		kick = nvsim_gsp_write(gpu, off, val);
		if (off == NV_PFALCON_FALCON_IRQSSET)
			fire = nvsim_gsp_irq_update(gpu, old, val);
		else if (off == NV_PFALCON_FALCON_IRQMSET)
			fire = nvsim_gsp_irq_update(gpu, old, 0);
		if (addr >= NVSIM_QHEAD_BASE &&
		    addr < NVSIM_QHEAD_BASE + 8 * NVSIM_QUEUE_HEADS &&
		    !(addr & 4)) {
			gpu->regs.queue_head[(addr - NVSIM_QHEAD_BASE) / 8] = val;
			nvsim_stat_inc(gpu, NVSIM_S_DOORBELLS);
			kick = true;
		}
	} else if (addr >= NVSIM_SEC2 && addr < NVSIM_SEC2 + NVSIM_FALCON_SPAN) {
		kick = nvsim_sec2_write(gpu, addr - NVSIM_SEC2, val);
	} else if (addr >= NVSIM_SCRATCH_BASE &&
		   addr < NVSIM_SCRATCH_BASE + 4 * NVSIM_SCRATCH_COUNT) {
		kick = nvsim_scratch_write(gpu, (addr - NVSIM_SCRATCH_BASE) / 4,
					   val);
	} else if (addr == NVRM_GSP_RISCV_IRQMASK) {
		f->irqmask = val;
		fire = nvsim_gsp_irq_update(gpu, old, 0);
	} else if (addr >= NVRM_VF_CPU_INTR_LEAF(0) &&
		   addr < NVRM_VF_CPU_INTR_LEAF_EN_CLEAR(0) +
			  NVSIM_LEAF_SPAN) {
		fire = nvsim_leaf_write(gpu, addr, val);
	}
	/* WPR2, BOOT_*, PGC6 and everything else: read-only or unmodelled. */
	spin_unlock_irqrestore(&gpu->reg_lock, flags);

	if (fire) {
		nvsim_stat_inc(gpu, NVSIM_S_IRQS);
		nvsim_raise_irq(gpu);
	}
	if (kick)
		nvsim_kick(gpu);
}
