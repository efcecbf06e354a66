// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP boot helpers: the SEC2 booter hand-off and the CPU sequencer.
 *
 * DOC: GSP CPU sequencer
 *
 * GSP-RM cannot touch some registers itself; it sends
 * GSP_RUN_CPU_SEQUENCER with a program of packed commands (one opcode dword,
 * then that opcode's payload dwords; fact sheet §5.9) for the CPU to run.
 * On pre-Hopper GPUs it does so to have its own core restarted (wait for
 * the halt, then CORE_RESUME through SEC2). Each opcode does what OGKM's
 * kgspExecuteSequencerBuffer_IMPL / kgspExecuteSequencerCommand_TU102 do:
 * REG_WRITE, REG_MODIFY (read, clear mask, OR value, write), REG_POLL
 * (until (read & mask) == value, the value compared as sent; timeout in us,
 * 0 = the default 4 s), DELAY_US, REG_STORE (into the program's save area),
 * CORE_RESET (falcon reset, then physical DMA without a context allowed),
 * CORE_START, CORE_WAIT_FOR_HALT (CPUCTL.HALTED), CORE_RESUME (reset the
 * halted falcon, give it the LIBOS arguments again, start SEC2, wait for the
 * boot-stage-3 hand-off, require SEC2 MAILBOX0 == 0, check the RISC-V core
 * runs).
 *
 * The program is untrusted input: the command count is checked against the
 * message, every command against the remaining dwords, register offsets
 * against BAR0, save-area indexes against its size. It runs with the
 * receive lock held, so its time is bounded twice: each poll or delay by
 * its own cap, and the whole program by NVC_SEQ_BUDGET_US; a program that
 * would exceed it is abandoned at that command. An abandoned program is
 * logged once; no reply is sent either way (GSP-RM observes the effects).
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/iopoll.h>

#include <nvrm/common/regs.h>
#include <nvrm/common/sequencer.h>

#include "../../nvcore.h"
#include "../gsp.h"
#include "seqparse.h"

#define NVC_SEQ_POLL_MAX_US	4000000u	/* REG_POLL timeout 0 (nouveau) */
#define NVC_SEQ_DELAY_MAX_US	1000000u
#define NVC_SEQ_BUDGET_US	8000000u	/* one whole program */
#define NVC_FALCON_HALT_US	2000000u
#define NVC_BOOTER_US		2000000u

#define GSP_REG(r)		(NVRM_FALCON_GSP_BASE + (r))
#define SEC2_REG(r)		(NVRM_FALCON_SEC2_BASE + (r))

static int nvc_poll(struct nvc_gsp *gsp, u32 addr, u32 mask, u32 val,
		    u32 timeout_us)
{
	u32 v;

	return read_poll_timeout(nvc_rd32, v, (v & mask) == val, 10,
				 timeout_us, false, gsp->gpu, addr);
}

/**
 * nvc_gsp_falcon_reset() - reset the GSP falcon (stops a running GSP-RM)
 * @gsp: the GSP
 */
void nvc_gsp_falcon_reset(struct nvc_gsp *gsp)
{
	nvc_wr32(gsp->gpu, NV_PGSP_FALCON_ENGINE, 1);
	nvc_wr32(gsp->gpu, NV_PGSP_FALCON_ENGINE, 0);
	nvc_wr32(gsp->gpu, GSP_REG(NVRM_FALCON_FBIF_OFFSET + NV_PFALCON_FBIF_CTL),
		 nvc_rd32(gsp->gpu, GSP_REG(NVRM_FALCON_FBIF_OFFSET +
					    NV_PFALCON_FBIF_CTL)) |
		 NV_PFALCON_FBIF_CTL_ALLOW_PHYS_NO_CTX__MASK);
	nvc_wr32(gsp->gpu, GSP_REG(NV_PFALCON_FALCON_DMACTL), 0);
}

static void nvc_falcon_start(struct nvc_gsp *gsp)
{
	u32 cpuctl = nvc_rd32(gsp->gpu, GSP_REG(NV_PFALCON_FALCON_CPUCTL));

	if (cpuctl & NV_PFALCON_FALCON_CPUCTL_ALIAS_EN__MASK)
		nvc_wr32(gsp->gpu, GSP_REG(NV_PFALCON_FALCON_CPUCTL_ALIAS),
			 NV_PFALCON_FALCON_CPUCTL_ALIAS_STARTCPU__MASK);
	else
		nvc_wr32(gsp->gpu, GSP_REG(NV_PFALCON_FALCON_CPUCTL),
			 NV_PFALCON_FALCON_CPUCTL_STARTCPU__MASK);
}

/**
 * nvc_gsp_boot_riscv() - run the SEC2 booter and start GSP-RM's RISC-V core
 * @gsp: the GSP, with WPR metadata and LIBOS arguments built
 *
 * Return: 0, -ETIMEDOUT if a stage did not finish in time, or -EIO if the
 * booter reported an error or the core did not come up.
 */
int nvc_gsp_boot_riscv(struct nvc_gsp *gsp)
{
	struct nvc_gpu *gpu = gsp->gpu;
	u32 mbox;
	int ret;

	nvc_gsp_falcon_reset(gsp);
	nvc_wr32(gpu, NV_PGSP_FALCON_MAILBOX0, lower_32_bits(gsp->libos.dma));
	nvc_wr32(gpu, NV_PGSP_FALCON_MAILBOX1, upper_32_bits(gsp->libos.dma));

	nvc_wr32(gpu, SEC2_REG(NV_PFALCON_FALCON_MAILBOX0),
		 lower_32_bits(gsp->wpr_meta.dma));
	nvc_wr32(gpu, SEC2_REG(NV_PFALCON_FALCON_MAILBOX1),
		 upper_32_bits(gsp->wpr_meta.dma));
	nvc_wr32(gpu, SEC2_REG(NV_PFALCON_FALCON_CPUCTL),
		 NV_PFALCON_FALCON_CPUCTL_STARTCPU__MASK);

	ret = nvc_poll(gsp, SEC2_REG(NV_PFALCON_FALCON_CPUCTL),
		       NV_PFALCON_FALCON_CPUCTL_HALTED__MASK,
		       NV_PFALCON_FALCON_CPUCTL_HALTED__MASK, NVC_BOOTER_US);
	if (ret) {
		dev_err(gpu->dev, "nvcore: SEC2 booter did not halt\n");
		return ret;
	}
	mbox = nvc_rd32(gpu, SEC2_REG(NV_PFALCON_FALCON_MAILBOX0));
	if (mbox) {
		dev_err(gpu->dev, "nvcore: SEC2 booter failed: error %#x\n", mbox);
		return -EIO;
	}

	nvc_wr32(gpu, GSP_REG(NV_PFALCON_FALCON_OS), gsp->bl.desc.app_version);

	if (gpu->chip.arch == NVC_ARCH_TURING)
		ret = nvc_poll(gsp, NVRM_RISCV_GSP_BASE +
			       NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS,
			       NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK,
			       NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK,
			       NVC_BOOTER_US);
	else
		ret = nvc_poll(gsp, NVRM_RISCV_GSP_BASE + NV_PRISCV_RISCV_CPUCTL,
			       NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK,
			       NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK,
			       NVC_BOOTER_US);
	if (ret) {
		dev_err(gpu->dev, "nvcore: GSP RISC-V core not active after boot\n");
		return -EIO;
	}
	return 0;
}

static bool nvc_seq_reg_ok(struct nvc_gsp *gsp, u32 addr)
{
	return !(addr & 3) && addr <= gsp->gpu->pci.bar0_size - 4;
}

/*
 * CORE_RESUME (OGKM kgspExecuteSequencerCommand_TU102): the halted GSP
 * falcon is reset and gets its LIBOS arguments again; SEC2 resumes GSP-RM.
 */
static int nvc_gsp_resume(struct nvc_gsp *gsp, u32 budget_us)
{
	struct nvc_gpu *gpu = gsp->gpu;
	u32 cpuctl, mbox;
	int ret;

	nvc_gsp_falcon_reset(gsp);
	nvc_wr32(gpu, NV_PGSP_FALCON_MAILBOX0, lower_32_bits(gsp->libos.dma));
	nvc_wr32(gpu, NV_PGSP_FALCON_MAILBOX1, upper_32_bits(gsp->libos.dma));
	cpuctl = nvc_rd32(gpu, SEC2_REG(NV_PFALCON_FALCON_CPUCTL));
	if (cpuctl & NV_PFALCON_FALCON_CPUCTL_ALIAS_EN__MASK)
		nvc_wr32(gpu, SEC2_REG(NV_PFALCON_FALCON_CPUCTL_ALIAS),
			 NV_PFALCON_FALCON_CPUCTL_ALIAS_STARTCPU__MASK);
	else
		nvc_wr32(gpu, SEC2_REG(NV_PFALCON_FALCON_CPUCTL),
			 NV_PFALCON_FALCON_CPUCTL_STARTCPU__MASK);
	ret = nvc_poll(gsp, NV_PGC6_BSI_SECURE_SCRATCH_14,
		       NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK,
		       NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK,
		       min(NVC_BOOTER_US, budget_us));
	mbox = nvc_rd32(gpu, SEC2_REG(NV_PFALCON_FALCON_MAILBOX0));
	if (ret || mbox) {
		dev_err(gpu->dev, "nvcore: SEC2 did not resume GSP-RM (%d, SEC2 MAILBOX0 %#x)\n",
			ret, mbox);
		return ret ?: -EIO;
	}
	/* nouveau also hands the bootloader version over again. */
	nvc_wr32(gpu, GSP_REG(NV_PFALCON_FALCON_OS), gsp->bl.desc.app_version);
	if (gpu->chip.arch == NVC_ARCH_TURING)
		ret = nvc_poll(gsp, NVRM_GSP_RISCV_CORE_SWITCH_RISCV_STATUS,
			       NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK,
			       NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK,
			       min(NVC_BOOTER_US, budget_us));
	else
		ret = nvc_poll(gsp, NVRM_GSP_RISCV_CPUCTL,
			       NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK,
			       NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK,
			       min(NVC_BOOTER_US, budget_us));
	if (ret)
		dev_err(gpu->dev, "nvcore: GSP RISC-V core not active after resume\n");
	return ret;
}

/*
 * Run one command. @left_us is what remains of the program's time budget;
 * a poll or delay gets no more than that (-ETIME when it is spent).
 */
static int nvc_seq_one(struct nvc_gsp *gsp, const struct nvc_seq_cmd *c,
		       u32 left_us)
{
	struct nvc_gpu *gpu = gsp->gpu;
	const u32 *p = c->arg;
	u32 t, v;
	int ret;

	switch (c->op) {
	case GSP_SEQ_BUF_OPCODE_REG_WRITE:
		if (!nvc_seq_reg_ok(gsp, p[0]))
			return -EINVAL;
		nvc_wr32(gpu, p[0], p[1]);
		return 0;
	case GSP_SEQ_BUF_OPCODE_REG_MODIFY:
		if (!nvc_seq_reg_ok(gsp, p[0]))
			return -EINVAL;
		nvc_wr32(gpu, p[0], (nvc_rd32(gpu, p[0]) & ~p[1]) | p[2]);
		return 0;
	case GSP_SEQ_BUF_OPCODE_REG_POLL:
		if (!nvc_seq_reg_ok(gsp, p[0]))
			return -EINVAL;
		t = p[3] ? min(p[3], NVC_SEQ_POLL_MAX_US) : NVC_SEQ_POLL_MAX_US;
		ret = read_poll_timeout(nvc_rd32, v, nvc_seq_poll_done(v, p[1], p[2]),
					10, min(t, left_us), false, gpu, p[0]);
		return ret && t > left_us ? -ETIME : ret;
	case GSP_SEQ_BUF_OPCODE_DELAY_US:
		if (p[0] > left_us)
			return -ETIME;
		fsleep(min(p[0], NVC_SEQ_DELAY_MAX_US));
		return 0;
	case GSP_SEQ_BUF_OPCODE_REG_STORE:
		if (!nvc_seq_reg_ok(gsp, p[0]) ||
		    p[1] >= ARRAY_SIZE(gsp->seq_regsave))
			return -EINVAL;
		gsp->seq_regsave[p[1]] = nvc_rd32(gpu, p[0]);
		return 0;
	case GSP_SEQ_BUF_OPCODE_CORE_RESET:
		nvc_gsp_falcon_reset(gsp);
		return 0;
	case GSP_SEQ_BUF_OPCODE_CORE_START:
		nvc_falcon_start(gsp);
		return 0;
	case GSP_SEQ_BUF_OPCODE_CORE_WAIT_FOR_HALT:
		ret = nvc_poll(gsp, GSP_REG(NV_PFALCON_FALCON_CPUCTL),
			       NV_PFALCON_FALCON_CPUCTL_HALTED__MASK,
			       NV_PFALCON_FALCON_CPUCTL_HALTED__MASK,
			       min(NVC_FALCON_HALT_US, left_us));
		return ret && NVC_FALCON_HALT_US > left_us ? -ETIME : ret;
	case GSP_SEQ_BUF_OPCODE_CORE_RESUME:
		return nvc_gsp_resume(gsp, left_us);
	}
	return -EINVAL;
}

/**
 * nvc_gsp_run_sequencer() - execute a GSP_RUN_CPU_SEQUENCER program
 * @gsp: the GSP
 * @payload: rpc_run_cpu_sequencer_v17_00 and its command buffer, untrusted
 *	(a private copy of the message)
 * @len: payload length
 *
 * Return: 0 when the whole program ran, else a negative errno (logged once,
 * rate-limited).
 */
int nvc_gsp_run_sequencer(struct nvc_gsp *gsp, const void *payload, size_t len)
{
	ktime_t end = ktime_add_us(ktime_get(), NVC_SEQ_BUDGET_US);
	struct nvc_seq_iter it = {};
	struct nvc_seq_cmd c = {};
	const char *why = NULL;
	s64 left;
	int ret;

	ret = nvc_seq_begin(&it, payload, len);
	if (ret) {
		why = "command count beyond the message";
		goto out;
	}
	memset(gsp->seq_regsave, 0, sizeof(gsp->seq_regsave));
	while ((ret = nvc_seq_next(&it, &c)) > 0) {
		left = ktime_us_delta(end, ktime_get());
		if (left <= 0) {
			ret = -ETIME;
			why = "program time budget spent";
			goto out;
		}
		ret = nvc_seq_one(gsp, &c, left);
		if (ret) {
			why = ret == -ETIME ? "program time budget spent" :
			      ret == -ETIMEDOUT ? "timed out" : "bad operand";
			goto out;
		}
	}
	if (ret) {
		why = ret == -EINVAL ? "unknown opcode" : "truncated command";
		goto out;
	}
	gsp->seq_runs++;
	return 0;
out:
	dev_err_ratelimited(gsp->gpu->dev,
			    "nvcore: CPU sequencer abandoned at dword %u (opcode %u): %s\n",
			    it.i, c.op, why);
	return ret;
}
