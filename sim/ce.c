// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the copy engine's class methods.
 *
 * DOC: nvsim copy engine
 *
 * TURING_DMA_COPY_A (NVC5B5) on TU102, AMPERE_DMA_COPY_B (NVC7B5) on GA102
 * and AD102; method offsets and fields from the layout table
 * (sim/hwclass.h; NVC6B5/NVC7B5 share NVC5B5's offsets).
 * State methods: OFFSET_IN/OUT_UPPER (16:0) / _LOWER, PITCH_IN/OUT,
 * LINE_LENGTH_IN, LINE_COUNT, SET_SEMAPHORE_A (16:0) / _B / _PAYLOAD
 * (NVC7B5 also _PAYLOAD_UPPER), SET_REMAP_CONST_A/B, SET_REMAP_COMPONENTS,
 * SET_SRC/DST_PHYS_MODE, SET_RENDER_ENABLE_C (FALSE skips the transfer;
 * the conditional modes are not modelled: a class error).
 *
 * LAUNCH_DMA, in this order:
 * 1. the transfer (DATA_TRANSFER_TYPE PIPELINED or NON_PIPELINED):
 *    pitch layout only (BLOCKLINEAR is not modelled: a class error);
 *    MULTI_LINE_ENABLE copies LINE_COUNT lines of LINE_LENGTH_IN bytes
 *    with PITCH_IN/OUT strides, else one line; SRC/DST_TYPE VIRTUAL goes
 *    through the channel's page tables, PHYSICAL through SET_*_PHYS_MODE
 *    TARGET (local FB, coherent or non-coherent system memory; peer is a
 *    fault; refused on a channel allocated with DENY_PHYSICAL_MODE_CE);
 *    REMAP_ENABLE: LINE_LENGTH_IN counts elements of NUM_SRC_COMPONENTS x
 *    COMPONENT_SIZE bytes in and NUM_DST_COMPONENTS x COMPONENT_SIZE out,
 *    each destination component taken from a source component, CONST_A,
 *    CONST_B or left unwritten (NO_WRITE); the source is read only if a
 *    component names it (a constant fill reads nothing);
 * 2. the semaphore (SET_SEMAPHORE_A/B): SEMAPHORE_TYPE 1 writes the
 *    payload (4 bytes; 8 with NVC7B5 SEMAPHORE_PAYLOAD_SIZE TWO_WORD), 2
 *    writes the payload then the PTIMER ns at +8 (16 bytes);
 *    RELEASE_CONDITIONAL_INTR and SEMAPHORE_REDUCTION are not modelled
 *    (class errors);
 * 3. INTERRUPT_TYPE NON_BLOCKING raises the CE's non-stall vector;
 *    BLOCKING is a stall interrupt GSP-RM serves itself (only counted).
 *
 * *Assumption*: nvsim refuses one launch that moves more than
 * NVSIM_CE_LAUNCH_MAX bytes (a class error), so that a bogus launch cannot
 * keep the worker busy for hours. The transfer is done in 64 KiB pieces;
 * a channel freed meanwhile stops between pieces. Debugfs "fifo" knobs
 * ce_delay_us / ce_jitter_us delay every LAUNCH_DMA (the jitter drawn from
 * the GPU's seeded PRNG).
 */
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "fifo.h"

#define NVSIM_CE_LAUNCH_MAX	SZ_1G
#define NVSIM_CE_PIECE		SZ_64K

static int nvsim_ce_error(struct nvsim_chan *ch, const char *why, u64 what)
{
	nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false, why, what);
	return -EIO;
}

/**
 * struct nvsim_ce_xfer - one side of a transfer
 * @phys: physical addressing
 * @target: SET_*_PHYS_MODE TARGET when @phys
 */
struct nvsim_ce_xfer {
	bool phys;
	u32 target;
};

static int nvsim_ce_rw(struct nvsim_chan *ch, const struct nvsim_ce_xfer *x,
		       u64 addr, void *buf, size_t len, bool write)
{
	if (x->phys)
		return nvsim_chan_phys_rw(ch, x->target, addr, buf, len, write);
	return nvsim_chan_mem_rw(ch, addr, buf, len, write);
}

/* Destination component selectors of SET_REMAP_COMPONENTS. */
static u32 nvsim_remap_sel(u32 remap, unsigned int k)
{
	return (remap >> (4 * k)) & 7;
}

/* Remap @n elements from @in to @out (which holds the old destination). */
static void nvsim_ce_remap(const struct nvsim_ce_regs *r, const u8 *in, u8 *out,
			   u64 n)
{
	u32 cs = NVSIM_FLD(r->remap, NVC5B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE) + 1;
	u32 ns = NVSIM_FLD(r->remap, NVC5B5_SET_REMAP_COMPONENTS_NUM_SRC_COMPONENTS) + 1;
	u32 nd = NVSIM_FLD(r->remap, NVC5B5_SET_REMAP_COMPONENTS_NUM_DST_COMPONENTS) + 1;
	u64 i;
	u32 k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < nd; k++) {
			u32 sel = nvsim_remap_sel(r->remap, k);
			u8 *d = out + (i * nd + k) * cs;

			if (sel <= 3) {
				if (sel < ns)
					memcpy(d, in + (i * ns + sel) * cs, cs);
				else
					memset(d, 0, cs);
			} else if (sel == NVC5B5_SET_REMAP_COMPONENTS_DST_X_CONST_A) {
				memcpy(d, &r->remap_a, min_t(u32, cs, 4));
			} else if (sel == NVC5B5_SET_REMAP_COMPONENTS_DST_X_CONST_B) {
				memcpy(d, &r->remap_b, min_t(u32, cs, 4));
			}	/* NO_WRITE (6) and 7: keep the old bytes */
		}
	}
}

static int nvsim_ce_transfer(struct nvsim_chan *ch, struct nvsim_ce_regs *r,
			     u32 launch)
{
	bool remap = NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_REMAP_ENABLE);
	bool multi = NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_MULTI_LINE_ENABLE);
	struct nvsim_ce_xfer src = {
		.phys = NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_SRC_TYPE) ==
			NVC5B5_LAUNCH_DMA_SRC_TYPE_PHYSICAL,
		.target = r->src_phys & 3,
	};
	struct nvsim_ce_xfer dst = {
		.phys = NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_DST_TYPE) ==
			NVC5B5_LAUNCH_DMA_DST_TYPE_PHYSICAL,
		.target = r->dst_phys & 3,
	};
	u32 cs = 1, ns = 1, nd = 1, lines = multi ? r->line_count : 1, k;
	bool need_src = true, need_old = false;
	u64 in_line, out_line, el_piece, done, line;
	u8 *in = NULL, *out;
	int ret = 0;

	if (NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT) !=
	    NVC5B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH ||
	    NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_DST_MEMORY_LAYOUT) !=
	    NVC5B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH)
		return nvsim_ce_error(ch, "block-linear copy (not modelled)", launch);
	if ((src.phys || dst.phys) && ch->deny_phys_ce)
		return nvsim_ce_error(ch, "physical copy on a channel that denies it",
				      launch);
	if (remap) {
		cs = NVSIM_FLD(r->remap, NVC5B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE) + 1;
		ns = NVSIM_FLD(r->remap, NVC5B5_SET_REMAP_COMPONENTS_NUM_SRC_COMPONENTS) + 1;
		nd = NVSIM_FLD(r->remap, NVC5B5_SET_REMAP_COMPONENTS_NUM_DST_COMPONENTS) + 1;
		need_src = false;
		for (k = 0; k < nd; k++) {
			u32 sel = nvsim_remap_sel(r->remap, k);

			need_src |= sel <= 3;
			need_old |= sel >= NVC5B5_SET_REMAP_COMPONENTS_DST_X_NO_WRITE;
		}
	}
	in_line = (u64)r->line_length * cs * ns;
	out_line = (u64)r->line_length * cs * nd;
	if (!r->line_length || !lines)
		return 0;
	if (out_line * lines > NVSIM_CE_LAUNCH_MAX ||
	    in_line * lines > NVSIM_CE_LAUNCH_MAX)
		return nvsim_ce_error(ch, "copy larger than nvsim's limit", out_line);

	/* Elements per piece: both sides fit NVSIM_CE_PIECE bytes. */
	el_piece = NVSIM_CE_PIECE / (cs * max(ns, nd));
	out = kvmalloc(NVSIM_CE_PIECE, GFP_KERNEL);
	if (need_src)
		in = kvmalloc(NVSIM_CE_PIECE, GFP_KERNEL);
	if (!out || (need_src && !in)) {
		ret = nvsim_ce_error(ch, "out of memory", 0);
		goto out;
	}
	for (line = 0; line < lines && !ret; line++) {
		u64 sa = r->offset_in + line * r->pitch_in;
		u64 da = r->offset_out + line * r->pitch_out;

		for (done = 0; done < r->line_length; done += el_piece) {
			u64 n = min_t(u64, el_piece, r->line_length - done);

			if (READ_ONCE(ch->dead)) {
				ret = -EIO;
				break;
			}
			if (need_src) {
				ret = nvsim_ce_rw(ch, &src, sa + done * cs * ns, in,
						  n * cs * ns, false);
				if (ret)
					break;
			}
			if (!remap) {
				ret = nvsim_ce_rw(ch, &dst, da + done, in, n, true);
			} else {
				if (need_old) {
					ret = nvsim_ce_rw(ch, &dst, da + done * cs * nd,
							  out, n * cs * nd, false);
					if (ret)
						break;
				}
				nvsim_ce_remap(r, in, out, n);
				ret = nvsim_ce_rw(ch, &dst, da + done * cs * nd, out,
						  n * cs * nd, true);
			}
			if (ret)
				break;
			nvsim_fs_add(ch->gpu, NVSIM_FS_CE_BYTES, n * cs * nd);
			cond_resched();
		}
	}
out:
	kvfree(in);
	kvfree(out);
	return ret;
}

static int nvsim_ce_semaphore(struct nvsim_chan *ch, struct nvsim_ce_regs *r,
			      u32 launch)
{
	u32 type = NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_SEMAPHORE_TYPE);
	bool two = ch->ce_cls == AMPERE_DMA_COPY_B &&
		   NVSIM_FLD(launch, NVC7B5_LAUNCH_DMA_SEMAPHORE_PAYLOAD_SIZE) ==
		   NVC7B5_LAUNCH_DMA_SEMAPHORE_PAYLOAD_SIZE_TWO_WORD;
	u64 words[2];

	if (type == NVC5B5_LAUNCH_DMA_SEMAPHORE_TYPE_NONE)
		return 0;
	if (NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_SEMAPHORE_REDUCTION_ENABLE))
		return nvsim_ce_error(ch, "semaphore reduction (not modelled)", launch);
	words[0] = two ? r->sem_payload : (u32)r->sem_payload;
	nvsim_fs_add(ch->gpu, NVSIM_FS_SEM_RELEASES, 1);
	switch (type) {
	case NVC5B5_LAUNCH_DMA_SEMAPHORE_TYPE_RELEASE_ONE_WORD_SEMAPHORE:
		if (r->sem_addr & (two ? 7 : 3))
			return nvsim_ce_error(ch, "misaligned semaphore", r->sem_addr);
		return nvsim_chan_mem_rw(ch, r->sem_addr, words, two ? 8 : 4, true);
	case NVC5B5_LAUNCH_DMA_SEMAPHORE_TYPE_RELEASE_FOUR_WORD_SEMAPHORE:
		if (r->sem_addr & 15)
			return nvsim_ce_error(ch, "misaligned semaphore", r->sem_addr);
		words[1] = nvsim_ptimer_ns();
		if (nvsim_chan_mem_rw(ch, r->sem_addr + 8, &words[1], 8, true))
			return -EIO;
		return nvsim_chan_mem_rw(ch, r->sem_addr, words, 8, true);
	}
	return nvsim_ce_error(ch, "conditional-interrupt semaphore (not modelled)",
			      launch);
}

static int nvsim_ce_launch(struct nvsim_chan *ch, struct nvsim_ce_regs *r,
			   u32 launch)
{
	struct nvsim_fifo *f = ch->gpu->fifo;
	u32 xfer = NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_DATA_TRANSFER_TYPE);
	u32 intr = NVSIM_FLD(launch, NVC5B5_LAUNCH_DMA_INTERRUPT_TYPE);
	u32 delay, jitter;
	int ret;

	nvsim_fs_add(ch->gpu, NVSIM_FS_CE_LAUNCHES, 1);
	spin_lock_irq(&f->lock);
	delay = f->ce_delay_us;
	jitter = f->ce_jitter_us;
	spin_unlock_irq(&f->lock);
	if (jitter)
		delay += nvsim_fault_rand(ch->gpu) % (jitter + 1);
	if (delay)
		usleep_range(delay, delay + 10);

	if (xfer == 3 || intr == 3)
		return nvsim_ce_error(ch, "invalid LAUNCH_DMA", launch);
	if (xfer != NVC5B5_LAUNCH_DMA_DATA_TRANSFER_TYPE_NONE &&
	    r->line_length && !r->render_off) {
		ret = nvsim_ce_transfer(ch, r, launch);
		if (ret)
			return ret;
	}
	ret = nvsim_ce_semaphore(ch, r, launch);
	if (ret)
		return ret;
	if (intr == NVC5B5_LAUNCH_DMA_INTERRUPT_TYPE_NON_BLOCKING) {
		nvsim_fs_add(ch->gpu, NVSIM_FS_NONSTALL, 1);
		nvsim_intr_vector_set(ch->gpu, NVSIM_INTR_VECTOR_NONSTALL_BASE +
					       ch->engine_idx);
	} else if (intr == NVC5B5_LAUNCH_DMA_INTERRUPT_TYPE_BLOCKING) {
		nvsim_fs_add(ch->gpu, NVSIM_FS_STALL_INTR, 1);
	}
	return 0;
}

/**
 * nvsim_ce_method() - one copy-engine class method
 * @ch: the channel
 * @subch: subchannel the class is bound to
 * @method: byte address (>= 0x100)
 * @data: data
 *
 * Return: 0, or -EIO when the channel was RC'd.
 */
int nvsim_ce_method(struct nvsim_chan *ch, u32 subch, u32 method, u32 data)
{
	struct nvsim_ce_regs *r = &ch->ce[subch];

	switch (method) {
	case NVC5B5_OFFSET_IN_UPPER:
		r->offset_in = (r->offset_in & 0xffffffffull) |
			       (u64)NVSIM_FLD(data, NVC5B5_OFFSET_IN_UPPER_UPPER) << 32;
		return 0;
	case NVC5B5_OFFSET_IN_LOWER:
		r->offset_in = (r->offset_in & ~0xffffffffull) | data;
		return 0;
	case NVC5B5_OFFSET_OUT_UPPER:
		r->offset_out = (r->offset_out & 0xffffffffull) |
				(u64)NVSIM_FLD(data, NVC5B5_OFFSET_IN_UPPER_UPPER) << 32;
		return 0;
	case NVC5B5_OFFSET_OUT_LOWER:
		r->offset_out = (r->offset_out & ~0xffffffffull) | data;
		return 0;
	case NVC5B5_PITCH_IN:
		r->pitch_in = data;
		return 0;
	case NVC5B5_PITCH_OUT:
		r->pitch_out = data;
		return 0;
	case NVC5B5_LINE_LENGTH_IN:
		r->line_length = data;
		return 0;
	case NVC5B5_LINE_COUNT:
		r->line_count = data;
		return 0;
	case NVC5B5_SET_SEMAPHORE_A:
		r->sem_addr = (r->sem_addr & 0xffffffffull) |
			      (u64)NVSIM_FLD(data, NVC5B5_SET_SEMAPHORE_A_UPPER) << 32;
		return 0;
	case NVC5B5_SET_SEMAPHORE_B:
		r->sem_addr = (r->sem_addr & ~0xffffffffull) | data;
		return 0;
	case NVC5B5_SET_SEMAPHORE_PAYLOAD:
		r->sem_payload = (r->sem_payload & ~0xffffffffull) | data;
		return 0;
	case NVC7B5_SET_SEMAPHORE_PAYLOAD_UPPER:
		if (ch->ce_cls != AMPERE_DMA_COPY_B)
			break;
		r->sem_payload = (r->sem_payload & 0xffffffffull) | (u64)data << 32;
		return 0;
	case NVC5B5_SET_RENDER_ENABLE_C:
		if ((data & 7) > NVC5B5_SET_RENDER_ENABLE_C_MODE_TRUE)
			return nvsim_ce_error(ch, "conditional render (not modelled)", data);
		r->render_off = (data & 7) == NVC5B5_SET_RENDER_ENABLE_C_MODE_FALSE;
		return 0;
	case NVC5B5_SET_SRC_PHYS_MODE:
		r->src_phys = data;
		return 0;
	case NVC5B5_SET_DST_PHYS_MODE:
		r->dst_phys = data;
		return 0;
	case NVC5B5_SET_REMAP_CONST_A:
		r->remap_a = data;
		return 0;
	case NVC5B5_SET_REMAP_CONST_B:
		r->remap_b = data;
		return 0;
	case NVC5B5_SET_REMAP_COMPONENTS:
		r->remap = data;
		return 0;
	case NVC5B5_LAUNCH_DMA:
		return nvsim_ce_launch(ch, r, data);
	}
	return nvsim_ce_error(ch, "invalid copy-engine method", method);
}
