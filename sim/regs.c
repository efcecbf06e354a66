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
 *   core, clears IRQSTAT and sets HALTED), FBIF_CTL. The GSP falcon's
 *   interrupt output is wired to the interrupt tree: it sets the GSP's stall
 *   vector pending on a 0 to non-zero transition of IRQSTAT & IRQMASK, on
 *   every new SWGEN0 while SWGEN0 is enabled, and when INTR_RETRIGGER(0) is
 *   written while IRQSTAT & IRQMASK is non-zero (OGKM
 *   kflcnIntrRetrigger_GA100: the falcon re-sends its interrupt message).
 * - SEC2 STARTCPU runs the booter (or, with MAILBOX0 = MAILBOX1 = 0xff, the
 *   unload booter) on the GSP thread; SEC2 HALTED clears on STARTCPU and is
 *   set when the booter is done.
 * - A GSP ENGINE reset while GSP-RM runs kills GSP-RM, except while GSP-RM
 *   is suspended for the CPU sequencer (it halted its own core and waits
 *   for CORE_RESUME); SEC2 STARTCPU in that state (mailboxes other than the
 *   unload booter's 0xff) is the resume: it succeeds when the core was reset
 *   and GSP MAILBOX0/1 then written with the LIBOS address (sets BOOT_STAGE_3
 *   handoff, SEC2 MAILBOX0 = 0, the core runs again), else SEC2 MAILBOX0 =
 *   NVSIM_SEC2_E_RESUME. GSP CPUCTL STARTCPU from the CPU does nothing.
 * - QUEUE_HEAD(i) writes are the doorbell; RISC-V status registers report
 *   the core running (TU102: CORE_SWITCH_STATUS bit 0; GA102+: RISCV_CPUCTL
 *   bit 7); the RISC-V IRQ mask register mirrors the falcon IRQMASK.
 * - NV_PGSP_MAILBOX(0/1) (OGKM dev_gsp.h) is plain storage GSP-RM writes
 *   its error word to when it refuses its system information that way
 *   (sysinfo_refusal=mailbox, sim/gsp.c); a power-on reset clears it.
 * - The interrupt tree of the NV_VIRTUAL_FUNCTION aperture (OGKM dev_vm.h,
 *   macros in sim/hw.h): LEAF(0..7) holds pending vectors
 *   (write 1 to clear), LEAF_EN_SET / LEAF_EN_CLEAR enable / disable the
 *   vectors written 1 (both read back the enable mask), TOP(0) is read-only
 *   and derived: subtree s (leaves 2s, 2s+1) is pending when one of its
 *   leaves has an enabled pending vector; TOP_EN_SET(0) / TOP_EN_CLEAR(0)
 *   enable / disable subtrees (both read back the enable mask). TOP(1) and
 *   the other index-1 registers do not exist (__SIZE_1 is 1). The GPU's
 *   interrupt line is asserted while TOP(0) & TOP_EN is non-zero; the
 *   interrupt fires whenever a vector is set pending that is enabled in its
 *   leaf and subtree, and when enabling (at either level) makes a pending
 *   vector reach the CPU. Engines' non-stall interrupts set vector
 *   NVSIM_INTR_VECTOR_NONSTALL_BASE + the engine's index in the chip's
 *   engine list (nvsim_intr_vector_set(), debugfs inject "nonstall").
 * - GSP lockdown (OGKM kernel_gsp.c _kgspRpcGspLockdownNotice): once the
 *   driver has consumed the lockdown notice, every access to a GSP interrupt
 *   register (falcon 0x000-0x01c, INTR_RETRIGGER, the RISC-V IRQ mask) is a
 *   violation until lockdown ends: counted, reads return 0, writes are
 *   dropped.
 * - SW_SCRATCH(0..63) is plain storage; WPR2 LO/HI are read-only to the
 *   driver; the PGC6 scratch registers report GFW boot complete, the VRAM
 *   size in MiB (GROUP_42) and the boot stage 3 handoff (BSI scratch 14).
 *
 * The callbacks run in any context, including hard IRQ: they only take
 * reg_lock (a spinlock) and wake the GSP thread with wake_up().
 */
#include <linux/sizes.h>

#include "nvsim.h"
#include "vgpu_guest.h"

#define NVSIM_GSP		NVSIM_FALCON_GSP_BASE
#define NVSIM_SEC2		NVSIM_FALCON_SEC2_BASE
#define NVSIM_FALCON_SPAN	0x1000
#define NVSIM_FALCON_ENGINE	0x3c0
#define NVSIM_FALCON_FBIF_CTL	(NVSIM_FALCON_FBIF_OFFSET + NV_PFALCON_FBIF_CTL)
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

/* TOP(0): subtrees with an enabled pending vector. Caller holds reg_lock. */
static u32 nvsim_intr_top(const struct nvsim_regs *r)
{
	unsigned int l;
	u32 top = 0;

	for (l = 0; l < NVSIM_INTR_LEAVES; l++)
		if (r->intr_leaf[l] & r->intr_en[l])
			top |= BIT(NVSIM_INTR_SUBTREE_BIT(NVSIM_INTR_LEAF_SUBTREE(l)));
	return top;
}

/* Subtree bit of leaf @l in TOP / TOP_EN. */
static u32 nvsim_leaf_top_bit(unsigned int l)
{
	return BIT(NVSIM_INTR_SUBTREE_BIT(NVSIM_INTR_LEAF_SUBTREE(l)));
}

/* Set @vector pending; true if it reaches the CPU. Caller holds reg_lock. */
static bool nvsim_vector_set_locked(struct nvsim_regs *r, unsigned int vector)
{
	unsigned int l = NVSIM_INTR_VECTOR_LEAF(vector);
	u32 bit = BIT(NVSIM_INTR_VECTOR_BIT(vector));

	if (l >= NVSIM_INTR_LEAVES)
		return false;
	r->intr_leaf[l] |= bit;
	return (r->intr_en[l] & bit) && (r->intr_top_en & nvsim_leaf_top_bit(l));
}

/*
 * The GSP falcon's interrupt output: true when it sends an interrupt
 * message into the tree (0 to non-zero IRQSTAT & IRQMASK, or a new SWGEN0
 * while enabled). Caller holds reg_lock.
 */
static bool nvsim_gsp_irq_update(struct nvsim_gpu *gpu, u32 old_pending,
				 u32 new_bits)
{
	struct nvsim_falcon *f = &gpu->regs.gsp;
	u32 pending = f->irqstat & f->irqmask;

	if (!old_pending && pending)
		return true;
	return new_bits & f->irqmask & NVSIM_FALCON_IRQ_SWGEN0;
}

/* The GSP falcon sends its message: its stall vector goes pending. */
static bool nvsim_gsp_pulse_locked(struct nvsim_gpu *gpu)
{
	return nvsim_vector_set_locked(&gpu->regs, NVSIM_INTR_VECTOR_GSP);
}

/**
 * nvsim_irq_asserted() - is the GPU's interrupt line asserted
 * @gpu: the GPU
 *
 * Safe in any context.
 *
 * Return: true while TOP(0) & TOP_EN is non-zero.
 */
bool nvsim_irq_asserted(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool on;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	on = nvsim_intr_top(&gpu->regs) & gpu->regs.intr_top_en;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return on;
}

/**
 * nvsim_intr_vector_set() - an engine raises an interrupt-tree vector
 * @gpu: the GPU
 * @vector: vector number, below NVSIM_INTR_VECTORS (others are ignored)
 *
 * Sets the vector pending in its leaf and fires the interrupt if the vector
 * is enabled in its leaf and its subtree. Safe in any context.
 */
void nvsim_intr_vector_set(struct nvsim_gpu *gpu, unsigned int vector)
{
	unsigned long flags;
	bool fire;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	fire = nvsim_vector_set_locked(&gpu->regs, vector);
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	if (fire) {
		nvsim_stat_inc(gpu, NVSIM_S_IRQS);
		nvsim_stat_inc(gpu, NVSIM_S_NONSTALL_IRQS);
		nvsim_raise_irq(gpu);
	}
}

/* Interrupt-tree register write; caller holds reg_lock. True: fire. */
static bool nvsim_tree_write(struct nvsim_gpu *gpu, u32 addr, u32 val)
{
	struct nvsim_regs *r = &gpu->regs;
	u32 newly, top;
	int i;

	i = nvsim_leaf_index(addr, NVSIM_VF_CPU_INTR_LEAF(0));
	if (i >= 0) {
		r->intr_leaf[i] &= ~val;
		return false;
	}
	i = nvsim_leaf_index(addr, NVSIM_VF_CPU_INTR_LEAF_EN_SET(0));
	if (i >= 0) {
		newly = val & ~r->intr_en[i] & r->intr_leaf[i];
		r->intr_en[i] |= val;
		return newly && (r->intr_top_en & nvsim_leaf_top_bit(i));
	}
	i = nvsim_leaf_index(addr, NVSIM_VF_CPU_INTR_LEAF_EN_CLEAR(0));
	if (i >= 0) {
		r->intr_en[i] &= ~val;
		return false;
	}
	if (addr == NVSIM_VF_CPU_INTR_TOP_EN_SET(0)) {
		top = nvsim_intr_top(r);
		newly = val & ~r->intr_top_en & top;
		r->intr_top_en |= val;
		return newly;
	}
	if (addr == NVSIM_VF_CPU_INTR_TOP_EN_CLEAR(0))
		r->intr_top_en &= ~val;
	return false;
}

/* Interrupt-tree register read; caller holds reg_lock. */
static bool nvsim_tree_read(struct nvsim_gpu *gpu, u32 addr, u32 *val)
{
	struct nvsim_regs *r = &gpu->regs;
	int i;

	i = nvsim_leaf_index(addr, NVSIM_VF_CPU_INTR_LEAF(0));
	if (i >= 0) {
		*val = r->intr_leaf[i];
		return true;
	}
	i = nvsim_leaf_index(addr, NVSIM_VF_CPU_INTR_LEAF_EN_SET(0));
	if (i < 0)
		i = nvsim_leaf_index(addr, NVSIM_VF_CPU_INTR_LEAF_EN_CLEAR(0));
	if (i >= 0) {
		*val = r->intr_en[i];
		return true;
	}
	if (addr == NVSIM_VF_CPU_INTR_TOP(0)) {
		*val = nvsim_intr_top(r);
		return true;
	}
	if (addr == NVSIM_VF_CPU_INTR_TOP_EN_SET(0) ||
	    addr == NVSIM_VF_CPU_INTR_TOP_EN_CLEAR(0)) {
		*val = r->intr_top_en;
		return true;
	}
	return false;
}

static bool nvsim_tree_addr(u32 addr)
{
	return addr >= NVSIM_VF_CPU_INTR_LEAF(0) &&
	       addr < NVSIM_VF_CPU_INTR_LEAF_TRIGGER + 4;
}

/* A GSP interrupt register (status, mask, retrigger): lockdown-protected. */
static bool nvsim_gsp_intr_reg(u32 addr)
{
	return (addr >= NVSIM_GSP && addr < NVSIM_GSP + 0x20) ||
	       addr == NVSIM_GSP + NVSIM_FALCON_INTR_RETRIGGER ||
	       addr == NVSIM_GSP_RISCV_IRQMASK;
}

/* Caller holds reg_lock. True: the access must not happen. */
static bool nvsim_lockdown_violation(struct nvsim_gpu *gpu, u32 addr, bool write)
{
	if (!gpu->regs.lockdown_enforced || !nvsim_gsp_intr_reg(addr))
		return false;
	nvsim_stat_inc(gpu, NVSIM_S_LOCKDOWN_VIOLATIONS);
	pr_warn_ratelimited("nvsim: GPU %u: %s of GSP interrupt register %#x during lockdown\n",
			    gpu->index, write ? "write" : "read", addr);
	return true;
}

/**
 * nvsim_gsp_vector_raise() - the GSP's stall vector goes pending again
 * @gpu: the GPU
 *
 * A late interrupt message from the GSP falcon, whatever IRQSTAT holds
 * (used during lockdown). Safe in any context.
 */
void nvsim_gsp_vector_raise(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool fire;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	fire = nvsim_gsp_pulse_locked(gpu);
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	if (fire) {
		nvsim_stat_inc(gpu, NVSIM_S_IRQS);
		nvsim_raise_irq(gpu);
	}
}

/**
 * nvsim_gsp_irq_set_locked() - raise GSP falcon interrupt bits, reg_lock held
 * @gpu: the GPU
 * @bits: bits to set (SWGEN0, HALT)
 *
 * For a caller that changes the core's state and raises its interrupt in
 * one step (a halt and its HALT bit), so that a CPU reset of the core in
 * between cannot clear the bit before it is set.
 *
 * Return: true if the caller must nvsim_gsp_irq_fire() after unlocking.
 */
bool nvsim_gsp_irq_set_locked(struct nvsim_gpu *gpu, u32 bits)
{
	struct nvsim_falcon *f = &gpu->regs.gsp;
	u32 old;

	lockdep_assert_held(&gpu->reg_lock);
	old = f->irqstat & f->irqmask;
	f->irqstat |= bits;
	if (nvsim_gsp_irq_update(gpu, old, bits))
		return nvsim_gsp_pulse_locked(gpu);
	return false;
}

/**
 * nvsim_gsp_irq_fire() - deliver what nvsim_gsp_irq_set_locked() asked for
 * @gpu: the GPU
 */
void nvsim_gsp_irq_fire(struct nvsim_gpu *gpu)
{
	nvsim_stat_inc(gpu, NVSIM_S_IRQS);
	nvsim_raise_irq(gpu);
}

/**
 * nvsim_gsp_irq_set() - raise interrupt bits in the GSP falcon IRQSTAT
 * @gpu: the GPU
 * @bits: bits to set (SWGEN0, HALT)
 *
 * The falcon sends its interrupt into the tree if the bits are enabled in
 * IRQMASK (see nvsim_gsp_irq_update()). Safe in any context.
 */
void nvsim_gsp_irq_set(struct nvsim_gpu *gpu, u32 bits)
{
	unsigned long flags;
	bool fire;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	fire = nvsim_gsp_irq_set_locked(gpu, bits);
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	if (fire)
		nvsim_gsp_irq_fire(gpu);
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
	u32 val;

	if (nvsim_lockdown_violation(gpu, addr, false))
		return 0;
	if (nvsim_tree_read(gpu, addr, &val))
		return val;
	if (nvsim_vgpu_guest_reg_read(gpu, addr, &val))
		return val;
	if (addr >= NVSIM_QHEAD_BASE &&
	    addr < NVSIM_QHEAD_BASE + 8 * NVSIM_QUEUE_HEADS && !(addr & 4))
		return r->queue_head[(addr - NVSIM_QHEAD_BASE) / 8];
	if (addr == NVSIM_GSP + NV_PFALCON_FALCON_CPUCTL && o->suspended &&
	    r->gsp.halted && !o->halt_seen)
		o->halt_seen = ++o->ev;
	if (addr == NV_PGSP_MAILBOX(0) || addr == NV_PGSP_MAILBOX(1))
		return r->gsp_err_mbox[addr == NV_PGSP_MAILBOX(1)];
	if (addr >= NVSIM_GSP && addr < NVSIM_GSP + NVSIM_FALCON_SPAN)
		return nvsim_falcon_read(&r->gsp, addr - NVSIM_GSP);
	if (addr >= NVSIM_SEC2 && addr < NVSIM_SEC2 + NVSIM_FALCON_SPAN)
		return nvsim_falcon_read(&r->sec2, addr - NVSIM_SEC2);
	if (addr >= NVSIM_SCRATCH_BASE &&
	    addr < NVSIM_SCRATCH_BASE + 4 * NVSIM_SCRATCH_COUNT) {
		i = (addr - NVSIM_SCRATCH_BASE) / 4;
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
		return NVSIM_GFW_BOOT_PROGRESS_COMPLETED;
	case NV_PGC6_AON_SECURE_SCRATCH_GROUP_42:
		return (u32)(c->vram_size >> 20);
	case NV_PGC6_BSI_SECURE_SCRATCH_14:
		return r->bsi_scratch14;
	case NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE:
		return nvsim_local_memory_range(c);
	case NVSIM_GSP_RISCV_CORE_SWITCH_RISCV_STATUS:
		return !c->libos3 && r->riscv_active ?
		       NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK : 0;
	case NVSIM_GSP_RISCV_CPUCTL:
		return c->libos3 && r->riscv_active ?
		       NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK : 0;
	case NVSIM_GSP_RISCV_IRQMASK:
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
	if (nvsim_usermode_read(gpu, addr, &val))	/* sim/chan.c */
		return val;
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
		r->gsp.irqstat = 0;
		r->riscv_active = false;
		/* GSP-RM is suspended (sequencer): a reset does not kill it. */
		if (o->suspended) {
			if (!o->reset)
				o->reset = ++o->ev;
			return false;
		}
		if (r->rm_running) {
			r->gsp_killed = true;
			return true;
		}
		return false;
	case NV_PFALCON_FALCON_CPUCTL:
	case NV_PFALCON_FALCON_CPUCTL_ALIAS:
		/* Only the booter starts GSP-RM (no unsigned code runs). */
		return false;
	case NV_PFALCON_FALCON_MAILBOX0:
		if (o->suspended && o->reset && val == lower_32_bits(o->libos_pa))
			o->mbox0 = ++o->ev;
		break;
	case NV_PFALCON_FALCON_MAILBOX1:
		if (o->suspended && o->reset && val == upper_32_bits(o->libos_pa))
			o->mbox1 = ++o->ev;
		break;
	}
	nvsim_falcon_write(&r->gsp, off, val);
	return false;
}

/*
 * SEC2 started while GSP-RM is suspended for the CPU sequencer: resume it
 * (OGKM kgspExecuteSequencerCommand_TU102, CORE_RESUME) if the CPU reset the
 * halted core and gave it its LIBOS arguments again; else refuse with
 * NVSIM_SEC2_E_RESUME. Caller holds reg_lock.
 */
static void nvsim_sec2_resume(struct nvsim_gpu *gpu)
{
	struct nvsim_regs *r = &gpu->regs;
	struct nvsim_seq_obs *o = &r->obs;

	if (o->reset && o->mbox0 > o->reset && o->mbox1 > o->reset) {
		o->resumed = ++o->ev;
		o->suspended = false;
		r->sec2.mailbox0 = 0;
		r->bsi_scratch14 |=
			NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK;
		r->gsp.halted = false;
		r->riscv_active = true;
	} else {
		o->refused = ++o->ev;
		r->sec2.mailbox0 = NVSIM_SEC2_E_RESUME;
	}
	r->sec2.halted = true;
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
		if (r->obs.suspended &&
		    !(r->sec2.mailbox0 == NVSIM_SEC2_UNLOAD_MAILBOX &&
		      r->sec2.mailbox1 == NVSIM_SEC2_UNLOAD_MAILBOX)) {
			nvsim_sec2_resume(gpu);
			return true;
		}
		r->sec2.halted = false;
		r->sec2_start = true;
		return true;
	}
	nvsim_falcon_write(&r->sec2, off, val);
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
	if (nvsim_usermode_write(gpu, addr, val))	/* sim/chan.c */
		return;
	if (addr == NVSIM_VGPU_DOORBELL) {
		nvsim_vgpu_doorbell(gpu, val);
		return;
	}
	if (nvsim_vgpu_guest_reg_write(gpu, addr, val))
		return;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	old = f->irqstat & f->irqmask;
	if (nvsim_lockdown_violation(gpu, addr, true)) {
		/* dropped */
	} else if (addr == NV_PGSP_MAILBOX(0) || addr == NV_PGSP_MAILBOX(1)) {
		gpu->regs.gsp_err_mbox[addr == NV_PGSP_MAILBOX(1)] = val;
	} else if (addr >= NVSIM_GSP && addr < NVSIM_GSP + NVSIM_FALCON_SPAN) {
		u32 off = addr - NVSIM_GSP;

		kick = nvsim_gsp_write(gpu, off, val);
		if (off == NV_PFALCON_FALCON_IRQSSET)
			fire = nvsim_gsp_irq_update(gpu, old, val);
		else if (off == NV_PFALCON_FALCON_IRQMSET)
			fire = nvsim_gsp_irq_update(gpu, old, 0);
		else if (off == NVSIM_FALCON_INTR_RETRIGGER && gpu->chip->libos3)
			fire = (val & NV_PFALCON_FALCON_INTR_RETRIGGER_TRIGGER_TRUE) &&
			       (f->irqstat & f->irqmask);
		fire = fire && nvsim_gsp_pulse_locked(gpu);
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
		gpu->regs.scratch[(addr - NVSIM_SCRATCH_BASE) / 4] = val;
	} else if (addr == NVSIM_GSP_RISCV_IRQMASK) {
		f->irqmask = val;
		fire = nvsim_gsp_irq_update(gpu, old, 0) &&
		       nvsim_gsp_pulse_locked(gpu);
	} else if (nvsim_tree_addr(addr)) {
		fire = nvsim_tree_write(gpu, addr, val);
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
