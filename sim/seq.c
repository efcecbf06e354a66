// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the CPU-sequencer program GSP-RM sends and its verification.
 *
 * DOC: nvsim CPU sequencer
 *
 * The CPU sequencer (GSP_RUN_CPU_SEQUENCER, 0x1002): pre-Hopper GSP-RM
 * needs the CPU to restart its core so that a high-secure binary can run on
 * it (nova-core gsp/sequencer.rs); it sends a program and halts its core.
 * nvsim's program, after the pattern of the programs GSP-RM sends (halt
 * wait, then resume; OGKM kgspExecuteSequencerBuffer_IMPL and
 * kgspExecuteSequencerCommand_TU102 give each opcode's meaning):
 *
 *	REG_STORE          GSP MAILBOX0 into regSaveArea[0]
 *	REG_STORE          GSP MAILBOX1 into regSaveArea[1]
 *	CORE_WAIT_FOR_HALT
 *	REG_POLL           RISC-V active bit (TU102 CORE_SWITCH_RISCV_STATUS bit 0,
 *	                   GA102+ RISCV_CPUCTL bit 7) & mask == 0, 2 s
 *	CORE_RESUME
 *
 * bufferSizeDWord is the buffer's capacity (1024), larger than cmdIndex as
 * OGKM requires. About 1 ms after the driver took the message (its
 * status-queue read pointer passed it), GSP-RM halts its core (CPUCTL
 * HALTED, HALT in IRQSTAT, RISC-V inactive, the BOOT_STAGE_3 handoff bit
 * cleared) and waits up to 10 s to be resumed (sim/regs.c: reset while
 * halted, GSP MAILBOX0/1 = LIBOS address, SEC2 STARTCPU). It then checks that
 * the CPU saw the halt before the reset and wrote the mailboxes after it.
 * If not, GSP-RM stays halted (MAILBOX0 = NVSIM_RM_E_SEQ): no INIT_DONE.
 * Boot fault seq_poll_forever puts 64 REG_POLLs in front that never
 * succeed, with timeout 0xffffffff us (71 minutes each in OGKM's
 * semantics); seq_delay_forever puts 256 DELAY_US of 1 s in front.
 */
#include <linux/slab.h>

#include "nvsim.h"
#include "gsp_priv.h"

#define NVSIM_SEQ_WAIT_MS	10000
#define NVSIM_SEQ_BUF_DW	1024
#define NVSIM_SEQ_FOREVER_POLLS	64
#define NVSIM_SEQ_FOREVER_DELAYS	256
/* The fault prefixes plus the program (16 dwords) fit the buffer. */
static_assert(NVSIM_SEQ_FOREVER_POLLS * 6 + 16 <= NVSIM_SEQ_BUF_DW);
static_assert(NVSIM_SEQ_FOREVER_DELAYS * 2 + 16 <= NVSIM_SEQ_BUF_DW);

static void nvsim_seq_put(u32 *buf, u32 *n, u32 op, u32 a, u32 b, u32 c,
			  u32 d, u32 e, u32 nargs)
{
	u32 args[5] = { a, b, c, d, e }, i;

	buf[(*n)++] = op;
	for (i = 0; i < nargs; i++)
		buf[(*n)++] = args[i];
}

static const char *nvsim_seq_verify(const struct nvsim_seq_obs *o)
{
	if (o->refused)
		return "SEC2 started without a reset and the LIBOS address";
	if (!o->resumed)
		return "never resumed";
	if (!o->halt_seen)
		return "the halt was not waited for";
	if (!o->reset || o->reset < o->halt_seen)
		return "core reset before the halt";
	return NULL;
}

static bool nvsim_seq_settled(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool done;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	done = gpu->regs.obs.resumed || gpu->regs.obs.refused;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return done;
}

int nvsim_rm_sequencer(struct nvsim_gpu *gpu)
{
	enum { HDW = sizeof(struct nvsim_seq_rpc) / 4 };
	const u32 riscv = gpu->chip->libos3 ? NVSIM_GSP_RISCV_CPUCTL :
			  NVSIM_GSP_RISCV_CORE_SWITCH_RISCV_STATUS;
	const u32 active = gpu->chip->libos3 ?
			   NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK :
			   NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK;
	struct nvsim_seq_rpc *hdr;
	unsigned long deadline, flags;
	struct nvsim_seq_obs obs;
	u32 *p, *cmd, n = 0, i;
	const char *bad;
	bool fire;
	int ret = 0;

	p = kzalloc((HDW + NVSIM_SEQ_BUF_DW) * sizeof(u32), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	hdr = (void *)p;
	cmd = p + HDW;
	if (gpu->fw.seq_poll_forever) {
		gpu->fw.seq_poll_forever = false;
		nvsim_logf(gpu, NVSIM_LOGINIT, "boot_fault=seq_poll_forever");
		for (i = 0; i < NVSIM_SEQ_FOREVER_POLLS; i++)
			nvsim_seq_put(cmd, &n, NVSIM_SEQ_OP_REG_POLL,
				      NV_PMC_BOOT_0, ~0u, ~gpu->chip->boot0,
				      0xffffffff, 0x5e1, 5);
	}
	if (gpu->fw.seq_delay_forever) {
		gpu->fw.seq_delay_forever = false;
		nvsim_logf(gpu, NVSIM_LOGINIT, "boot_fault=seq_delay_forever");
		for (i = 0; i < NVSIM_SEQ_FOREVER_DELAYS; i++)
			nvsim_seq_put(cmd, &n, NVSIM_SEQ_OP_DELAY_US,
				      1000000, 0, 0, 0, 0, 1);
	}
	nvsim_seq_put(cmd, &n, NVSIM_SEQ_OP_REG_STORE,
		      NV_PGSP_FALCON_MAILBOX0, 0, 0, 0, 0, 2);
	nvsim_seq_put(cmd, &n, NVSIM_SEQ_OP_REG_STORE,
		      NV_PGSP_FALCON_MAILBOX1, 1, 0, 0, 0, 2);
	nvsim_seq_put(cmd, &n, NVSIM_SEQ_OP_CORE_WAIT_FOR_HALT, 0, 0, 0, 0, 0, 0);
	nvsim_seq_put(cmd, &n, NVSIM_SEQ_OP_REG_POLL, riscv, active, 0,
		      2000000, 0x5e0, 5);
	nvsim_seq_put(cmd, &n, NVSIM_SEQ_OP_CORE_RESUME, 0, 0, 0, 0, 0, 0);
	hdr->bufferSizeDWord = NVSIM_SEQ_BUF_DW;
	hdr->cmdIndex = n;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	memset(&gpu->regs.obs, 0, sizeof(gpu->regs.obs));
	gpu->regs.obs.libos_pa = gpu->fw.libos_pa;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);

	nvsim_logf(gpu, NVSIM_LOGINIT, "sending CPU sequencer (%u dwords)", n);
	ret = nvsim_send_event(gpu, NVSIM_EV_GSP_RUN_CPU_SEQUENCER, p,
			       (HDW + n) * sizeof(u32), true);
	kfree(p);
	if (ret)
		return -EIO;

	/*
	 * GSP-RM halts its own core and waits to be resumed; it does so once
	 * the driver has taken the program (real GSP-RM is slow enough that
	 * the driver has checked the core runs before it halts).
	 */
	deadline = jiffies + msecs_to_jiffies(NVSIM_SEQ_WAIT_MS);
	while (!nvsim_statq_consumed(gpu, gpu->fw.statq_wptr) &&
	       !time_after(jiffies, deadline) && !nvsim_stopping(gpu) &&
	       READ_ONCE(gpu->dma_enabled) && !nvsim_sec2_pending(gpu))
		nvsim_sleep_ms(gpu, 1);
	nvsim_sleep_ms(gpu, 1);
	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.gsp.halted = true;
	gpu->regs.riscv_active = false;
	gpu->regs.bsi_scratch14 &=
		~NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK;
	gpu->regs.obs.suspended = true;
	/* With the halt: a CPU reset after it must find the bit set. */
	fire = nvsim_gsp_irq_set_locked(gpu, NVSIM_FALCON_IRQ_HALT);
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	if (fire)
		nvsim_gsp_irq_fire(gpu);

	deadline = jiffies + msecs_to_jiffies(NVSIM_SEQ_WAIT_MS);
	while (!nvsim_seq_settled(gpu) && !time_after(jiffies, deadline) &&
	       !nvsim_stopping(gpu) && READ_ONCE(gpu->dma_enabled) &&
	       !nvsim_sec2_pending(gpu))
		nvsim_wait(gpu, msecs_to_jiffies(10));

	spin_lock_irqsave(&gpu->reg_lock, flags);
	obs = gpu->regs.obs;
	gpu->regs.obs.suspended = false;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	if (nvsim_stopping(gpu) || !READ_ONCE(gpu->dma_enabled) ||
	    nvsim_sec2_pending(gpu))
		return -EINTR;

	bad = nvsim_seq_verify(&obs);
	if (bad) {
		nvsim_logf(gpu, NVSIM_LOGINIT, "CPU sequencer not carried out: %s", bad);
		pr_warn_ratelimited("nvsim: GPU %u: CPU sequencer not carried out: %s\n",
				    gpu->index, bad);
		return -EPROTO;
	}
	nvsim_logf(gpu, NVSIM_LOGINIT, "CPU sequencer done: GSP-RM resumed");
	return 0;
}
