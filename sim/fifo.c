// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the simulated PBDMA — GPFIFO, push buffers, host methods, faults.
 *
 * DOC: nvsim channel execution
 *
 * nvsim's own ordered worker (one per GPU) runs the channels a doorbell or
 * a GPFIFO_SCHEDULE enable put on its pending list; the MMIO write only
 * queues. Per channel, as the PBDMA does (OGKM clc46f.h / clc56f.h; the
 * fields are in sim/hwclass.h):
 *
 * - GP_PUT is read from USERD (Nvc46fControl.GPPut at +0x8c, in VRAM or
 *   system memory as userdMem says); a GP_PUT at or past the ring size is a
 *   PBDMA error.
 * - GP entries from GP_GET up to GP_PUT are read through the channel's
 *   page tables at gpFifoOffset + 8 * GP_GET. An entry with a length is a
 *   push-buffer segment (GET 39:2, LENGTH in words); one without is a
 *   control entry: NOP, GP_CRC and PB_CRC are accepted, others are a
 *   PBDMA error. SYNC_WAIT, LEVEL and FETCH_CONDITIONAL need nothing in a
 *   model that executes everything in order.
 * - After every entry GP_GET advances (modulo the ring) and is written to
 *   USERD GPGet, and Get/GetHi get the address after the segment.
 * - Method headers: incrementing, non-incrementing, increment-once,
 *   immediate, the old incrementing / non-incrementing formats, subdevice
 *   masks (nvsim is subdevice 0), END_PB_SEGMENT (sim/pbdec.h). The
 *   decoder state carries over segment boundaries. A reserved opcode is a
 *   PBDMA error.
 * - Methods below 0x100 are host methods (any subchannel): SET_OBJECT
 *   binds the channel's copy-engine class to the subchannel (another class
 *   is an error); NON_STALL_INTERRUPT raises the engine's non-stall vector;
 *   SEM_ADDR_LO/HI (40-bit VA), SEM_PAYLOAD_LO/HI, SEM_EXECUTE with
 *   RELEASE (32- or 64-bit payload; RELEASE_TIMESTAMP writes payload at +0
 *   and the PTIMER ns at +8), ACQUIRE / ACQ_STRICT_GEQ / ACQ_CIRC_GEQ /
 *   ACQ_AND / ACQ_NOR (the channel waits, retried every jiffy) and
 *   REDUCTION (IMIN..DEC); alignment 4 (32-bit), 8 (64-bit) or 16
 *   (timestamp) bytes, else a PBDMA error; WFI and MEM_OP_A..D do nothing
 *   (nvsim executes in order and caches no translation). Any other host
 *   method is a PBDMA error (*assumption*: the host methods nvsim
 *   implements are the ones in the layout table).
 * - Methods from 0x100 go to the class bound on the subchannel (sim/ce.c);
 *   none bound: a PBDMA error.
 *
 * Errors (OGKM's RC path as the CPU sees it): a translation fault
 * (unmapped, read-only write, bad aperture) sends MMU_FAULT_QUEUED (no
 * payload) then RC_TRIGGERED with exceptType 31
 * (ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT); any other channel error sends
 * RC_TRIGGERED with 32 (ROBUST_CHANNEL_PBDMA_ERROR), after writing the
 * channel's error notifier (nvsim_chan_error_notifier()). Both carry the
 * channel's engine type and ID, scope RC_NOTIFIER_SCOPE_CHANNEL. The
 * channel stops for good (it executes nothing until freed); other channels
 * keep running. *Assumption*: class-level errors of the copy engine are
 * reported with Xid 32 as well (the CE's own Xid is not in the layout
 * table).
 */
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "fifo.h"

/* GP entries one channel may run before the worker looks at the others. */
#define NVSIM_GP_BUDGET		64
#define NVSIM_PB_CHUNK_WORDS	1024

enum nvsim_run {
	NVSIM_RUN_IDLE,		/* GP_GET caught up with GP_PUT */
	NVSIM_RUN_MORE,		/* budget used up: run again */
	NVSIM_RUN_BLOCKED,	/* waiting on a semaphore acquire */
	NVSIM_RUN_STOPPED,	/* RC'd or freed */
};

/*
 * GSP-RM writes the channel's error notifier itself (OGKM
 * kernel_rc_notification.c: "GSP has already written to the notifiers"):
 * NvNotification index 0 (NV_CHANNELGPFIFO_NOTIFICATION_TYPE_ERROR) =
 * { timeStamp.nanoseconds[0] = time 63:32, [1] = time 31:0, info32 = the
 * exception type, info16 = the NV2080 engine type, status = 0xffff }
 * (method_notification.c notifyFillNvNotification, krcErrorSetNotifier),
 * status written last.
 */
static void nvsim_chan_error_notifier(struct nvsim_chan *ch, u32 xid)
{
	struct nvsim_gpu *gpu = ch->gpu;
	u64 t = nvsim_ptimer_ns();
	u32 w[4] = { upper_32_bits(t), lower_32_bits(t), xid,
		     (ch->engine & 0xffff) | 0xffffu << 16 };
	int i;

	if (!ch->notifier_pa)
		return;
	for (i = 0; i < 4; i++) {
		u64 pa = ch->notifier_pa + 4 * i;

		if (ch->notifier_vid ? nvsim_vram_rw(gpu, pa, &w[i], 4, true) :
		    nvsim_dma_write(gpu, pa, &w[i], 4))
			return;
	}
}

/**
 * nvsim_chan_rc() - a channel error: report it and stop the channel
 * @ch: the channel
 * @xid: ROBUST_CHANNEL_* exception type
 * @mmu_fault: also send MMU_FAULT_QUEUED (first)
 * @why: what happened (debug log)
 * @va: the address involved, if any
 *
 * Worker context.
 */
void nvsim_chan_rc(struct nvsim_chan *ch, u32 xid, bool mmu_fault,
		   const char *why, u64 va)
{
	struct nvsim_gpu *gpu = ch->gpu;
	struct nvsim_fifo *f = gpu->fifo;
	u8 e[NVSIM_EV_BUF];
	bool was;
	u32 word = 0;

	spin_lock_irq(&f->lock);
	was = ch->dead;
	ch->dead = true;
	spin_unlock_irq(&f->lock);
	if (was)
		return;
	nvsim_fs_add(gpu, NVSIM_FS_RC, 1);
	pr_debug("nvsim: GPU %u: channel %u: %s at %#llx: RC Xid %u\n",
		 gpu->index, ch->chid, why, va, xid);
	if (mmu_fault)
		nvsim_fs_add(gpu, NVSIM_FS_MMU_FAULTS, 1);
	nvsim_chan_error_notifier(ch, xid);
	if (ch->quiet || !nvsim_rm_accepts_events(gpu))
		return;
	if (mmu_fault)
		nvsim_post_event(gpu, NVSIM_EV_MMU_FAULT_QUEUED, &word, 0);
	/* The firmware version's payload (535: 0x14 bytes, 570: 0x30). */
	nvsim_post_event(gpu, NVSIM_EV_RC_TRIGGERED, e,
			 nvsim_abi_of(gpu)->enc_rc(e, ch->chid, xid, ch->engine));
}

/**
 * nvsim_chan_mem_rw() - access the channel's GPU virtual memory
 * @ch: the channel
 * @va: GPU VA
 * @buf: data
 * @len: bytes
 * @write: write (else read)
 *
 * A failure RCs the channel (MMU fault, or PBDMA error when nvsim's VRAM
 * backing is exhausted).
 *
 * Return: 0 or -EIO.
 */
int nvsim_chan_mem_rw(struct nvsim_chan *ch, u64 va, void *buf, size_t len,
		      bool write)
{
	u64 fva;
	int ret;

	ret = nvsim_mmu_rw(ch->gpu, ch->client, ch->vas, va, buf, len, write, &fva);
	if (!ret)
		return 0;
	if (ret == -ENOMEM)
		nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
			      "nvsim VRAM backing exhausted", fva);
	else
		nvsim_chan_rc(ch, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT, true,
			      ret == -EACCES ? "write to a read-only page" :
			      ret == -ENXIO ? "bad aperture" : "unmapped address",
			      fva);
	return -EIO;
}

/**
 * nvsim_chan_phys_rw() - physical access (copy engine physical mode)
 * @ch: the channel
 * @target: SET_*_PHYS_MODE TARGET (0 local FB, 1/2 system memory, 3 peer)
 * @pa: address
 * @buf: data
 * @len: bytes
 * @write: write (else read)
 *
 * A failure RCs the channel as an MMU fault (bad aperture).
 *
 * Return: 0 or -EIO.
 */
int nvsim_chan_phys_rw(struct nvsim_chan *ch, u32 target, u64 pa, void *buf,
		       size_t len, bool write)
{
	struct nvsim_gpu *gpu = ch->gpu;
	int ret = -ENXIO;

	if (target == 0) {
		if (pa < gpu->chip->vram_size && len <= gpu->chip->vram_size - pa)
			ret = nvsim_vram_rw(gpu, pa, buf, len, write);
	} else if (target == 1 || target == 2) {
		ret = write ? nvsim_dma_write(gpu, pa, buf, len) :
			      nvsim_dma_read(gpu, pa, buf, len);
	}
	if (!ret)
		return 0;
	if (ret == -ENOMEM)
		nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
			      "nvsim VRAM backing exhausted", pa);
	else
		nvsim_chan_rc(ch, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT, true,
			      "bad physical aperture", pa);
	return -EIO;
}

static int nvsim_userd_rw(struct nvsim_chan *ch, u32 off, u32 *val, bool write)
{
	struct nvsim_gpu *gpu = ch->gpu;
	u64 pa = ch->userd_pa + off;
	int ret;

	if (ch->userd_vid)
		ret = nvsim_vram_rw(gpu, pa, val, 4, write);
	else
		ret = write ? nvsim_dma_write(gpu, pa, val, 4) :
			      nvsim_dma_read(gpu, pa, val, 4);
	if (ret) {
		nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
			      "USERD access failed", pa);
		return -EIO;
	}
	return 0;
}

static void nvsim_nonstall(struct nvsim_chan *ch)
{
	nvsim_fs_add(ch->gpu, NVSIM_FS_NONSTALL, 1);
	nvsim_intr_vector_set(ch->gpu, NVSIM_INTR_VECTOR_NONSTALL_BASE +
				       ch->engine_idx);
}

/* 0: done, 1: acquire not satisfied, -EIO: RC'd. */
static int nvsim_sem_execute(struct nvsim_chan *ch, u32 data)
{
	bool wide = NVSIM_FLD(data, NVC46F_SEM_EXECUTE_PAYLOAD_SIZE) ==
		    NVC46F_SEM_EXECUTE_PAYLOAD_SIZE_64BIT;
	bool ts = NVSIM_FLD(data, NVC46F_SEM_EXECUTE_RELEASE_TIMESTAMP) ==
		  NVC46F_SEM_EXECUTE_RELEASE_TIMESTAMP_EN;
	u32 op = NVSIM_FLD(data, NVC46F_SEM_EXECUTE_OPERATION);
	u64 va = ch->sem_va, pay = ch->sem_payload, cur = 0, mask, v;
	u32 red = (data >> 27) & 0xf;	/* SEM_EXECUTE_REDUCTION 30:27 */
	size_t n = wide ? 8 : 4;
	u64 stamp[2];

	mask = wide ? ~0ull : 0xffffffffull;
	pay &= mask;
	if ((va & (n - 1)) || (op == NVC46F_SEM_EXECUTE_OPERATION_RELEASE && ts && (va & 15))) {
		nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
			      "misaligned semaphore", va);
		return -EIO;
	}
	if (op == NVC46F_SEM_EXECUTE_OPERATION_RELEASE) {
		nvsim_fs_add(ch->gpu, NVSIM_FS_SEM_RELEASES, 1);
		if (ts) {
			stamp[0] = pay;
			stamp[1] = nvsim_ptimer_ns();
			if (nvsim_chan_mem_rw(ch, va + 8, &stamp[1], 8, true))
				return -EIO;
			return nvsim_chan_mem_rw(ch, va, &stamp[0], 8, true);
		}
		return nvsim_chan_mem_rw(ch, va, &pay, n, true);
	}
	if (op > NVC46F_SEM_EXECUTE_OPERATION_REDUCTION) {
		nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
			      "invalid semaphore operation", va);
		return -EIO;
	}
	if (nvsim_chan_mem_rw(ch, va, &cur, n, false))
		return -EIO;
	cur &= mask;
	switch (op) {
	case NVC46F_SEM_EXECUTE_OPERATION_ACQUIRE:
		return cur == pay ? 0 : 1;
	case NVC46F_SEM_EXECUTE_OPERATION_ACQ_STRICT_GEQ:
		return cur >= pay ? 0 : 1;
	case NVC46F_SEM_EXECUTE_OPERATION_ACQ_CIRC_GEQ:
		return (wide ? (s64)(cur - pay) : (s32)(u32)(cur - pay)) >= 0 ? 0 : 1;
	case NVC46F_SEM_EXECUTE_OPERATION_ACQ_AND:
		return (cur & pay) ? 0 : 1;
	case NVC46F_SEM_EXECUTE_OPERATION_ACQ_NOR:
		return (~(cur | pay) & mask) ? 0 : 1;
	}
	/* REDUCTION (NVC46F_SEM_EXECUTE_REDUCTION_*; signed per FORMAT bit 31). */
	switch (red) {
	case 0:	/* IMIN */
	case 1:	/* IMAX */
		if (!(data >> 31))	/* SIGNED */
			v = (wide ? (s64)cur < (s64)pay : (s32)cur < (s32)pay) == !red ?
			    cur : pay;
		else
			v = (cur < pay) == !red ? cur : pay;
		break;
	case 2:
		v = cur ^ pay;
		break;
	case 3:
		v = cur & pay;
		break;
	case 4:
		v = cur | pay;
		break;
	case 5:
		v = cur + pay;
		break;
	case 6:	/* INC: wraps to 0 past the payload */
		v = cur >= pay ? 0 : cur + 1;
		break;
	case 7:	/* DEC: wraps to the payload at 0 or above it */
		v = (cur == 0 || cur > pay) ? pay : cur - 1;
		break;
	default:
		nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
			      "invalid semaphore reduction", va);
		return -EIO;
	}
	v &= mask;
	return nvsim_chan_mem_rw(ch, va, &v, n, true);
}

/* One method. 0: done, 1: blocked (retry this word), -EIO: RC'd. */
static int nvsim_method(struct nvsim_chan *ch, const struct nvsim_pb_method *m)
{
	u32 d = m->data;

	nvsim_fs_add(ch->gpu, NVSIM_FS_METHODS, 1);
	if (m->method >= 0x100) {
		if (ch->subch_cls[m->subch] &&
		    ch->subch_cls[m->subch] == READ_ONCE(ch->ce_cls))
			return nvsim_ce_method(ch, m->subch, m->method, d);
		nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
			      "method on a subchannel with no object", m->method);
		return -EIO;
	}
	switch (m->method) {
	case NVC46F_SET_OBJECT:
		if (!READ_ONCE(ch->ce_cls) ||
		    NVSIM_FLD(d, NVC46F_SET_OBJECT_NVCLASS) != READ_ONCE(ch->ce_cls)) {
			nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
				      "SET_OBJECT of a class not on the channel", d);
			return -EIO;
		}
		ch->subch_cls[m->subch] = NVSIM_FLD(d, NVC46F_SET_OBJECT_NVCLASS);
		memset(&ch->ce[m->subch], 0, sizeof(ch->ce[m->subch]));
		return 0;
	case NVC46F_NON_STALL_INTERRUPT:
		nvsim_nonstall(ch);
		return 0;
	case NVC46F_SEM_ADDR_LO:
		ch->sem_va = (ch->sem_va & ~0xffffffffull) | (d & ~3u);
		return 0;
	case NVC46F_SEM_ADDR_HI:
		ch->sem_va = (ch->sem_va & 0xffffffffull) |
			     (u64)NVSIM_FLD(d, NVC46F_SEM_ADDR_HI_OFFSET) << 32;
		return 0;
	case NVC46F_SEM_PAYLOAD_LO:
		ch->sem_payload = (ch->sem_payload & ~0xffffffffull) | d;
		return 0;
	case NVC46F_SEM_PAYLOAD_HI:
		ch->sem_payload = (ch->sem_payload & 0xffffffffull) | (u64)d << 32;
		return 0;
	case NVC46F_SEM_EXECUTE:
		return nvsim_sem_execute(ch, d);
	case NVC46F_WFI:
	case NVC46F_MEM_OP_A:
	case NVC46F_MEM_OP_B:
	case NVC46F_MEM_OP_C:
	case NVC46F_MEM_OP_C + 4:	/* MEM_OP_D */
		return 0;
	}
	nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
		      "invalid host method", m->method);
	return -EIO;
}

/* Run the current segment from seg_pos. 0: done, 1: blocked, -EIO. */
static int nvsim_run_segment(struct nvsim_chan *ch, u32 *words)
{
	struct nvsim_gp_entry *g = &ch->seg;

	while (ch->seg_pos < g->length) {
		u32 n = min_t(u32, g->length - ch->seg_pos, NVSIM_PB_CHUNK_WORDS);
		u32 i;

		if (READ_ONCE(ch->dead))
			return -EIO;
		if (nvsim_chan_mem_rw(ch, g->get + 4ull * ch->seg_pos, words,
				      4 * n, false))
			return -EIO;
		for (i = 0; i < n; i++) {
			struct nvsim_pb_state save = ch->pb;
			struct nvsim_pb_method m;
			int r, ret;

			r = nvsim_pb_step(&ch->pb, words[i], &m);
			if (r == NVSIM_PB_ERROR) {
				nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
					      "reserved method header",
					      g->get + 4ull * ch->seg_pos);
				return -EIO;
			}
			if (r == NVSIM_PB_END_SEGMENT) {
				ch->seg_pos = g->length;
				return 0;
			}
			if (r == NVSIM_PB_METHOD) {
				ret = nvsim_method(ch, &m);
				if (ret > 0) {
					ch->pb = save;
					return 1;
				}
				if (ret)
					return ret;
			}
			ch->seg_pos++;
		}
		cond_resched();
	}
	return 0;
}

static enum nvsim_run nvsim_chan_run(struct nvsim_chan *ch, u32 *words)
{
	u32 gp_put, e[2], v;
	unsigned int done = 0;
	int ret;

	if (nvsim_userd_rw(ch, NVSIM_USERD_GP_PUT, &gp_put, false))
		return NVSIM_RUN_STOPPED;
	if (gp_put >= ch->gp_entries) {
		nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
			      "GP_PUT past the ring", gp_put);
		return NVSIM_RUN_STOPPED;
	}
	while (ch->in_seg || ch->gp_get != gp_put) {
		if (READ_ONCE(ch->dead))
			return NVSIM_RUN_STOPPED;
		if (done >= NVSIM_GP_BUDGET)
			return NVSIM_RUN_MORE;
		if (!ch->in_seg) {
			if (nvsim_chan_mem_rw(ch, ch->gpfifo_va + 8ull * ch->gp_get,
					      e, sizeof(e), false))
				return NVSIM_RUN_STOPPED;
			nvsim_gp_decode(e[0], e[1], &ch->seg);
			ch->seg_pos = 0;
			ch->in_seg = true;
			if (!ch->seg.length &&
			    ch->seg.opcode != NVC46F_GP_ENTRY1_OPCODE_NOP &&
			    ch->seg.opcode != NVC46F_GP_ENTRY1_OPCODE_GP_CRC &&
			    ch->seg.opcode != NVC46F_GP_ENTRY1_OPCODE_PB_CRC) {
				nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
					      "illegal GP entry", ch->gp_get);
				return NVSIM_RUN_STOPPED;
			}
		}
		ret = nvsim_run_segment(ch, words);
		if (ret > 0)
			return NVSIM_RUN_BLOCKED;
		if (ret)
			return NVSIM_RUN_STOPPED;
		ch->in_seg = false;
		ch->gp_get = (ch->gp_get + 1) & (ch->gp_entries - 1);
		nvsim_fs_add(ch->gpu, NVSIM_FS_GP_ENTRIES, 1);
		v = lower_32_bits(ch->seg.get + 4ull * ch->seg.length);
		if (nvsim_userd_rw(ch, NVSIM_USERD_GET, &v, true))
			return NVSIM_RUN_STOPPED;
		v = upper_32_bits(ch->seg.get + 4ull * ch->seg.length);
		if (nvsim_userd_rw(ch, NVSIM_USERD_GET_HI, &v, true))
			return NVSIM_RUN_STOPPED;
		v = ch->gp_get;
		if (nvsim_userd_rw(ch, NVSIM_USERD_GP_GET, &v, true))
			return NVSIM_RUN_STOPPED;
		done++;
		/* Caught up: look at GP_PUT again before going idle. */
		if (!ch->in_seg && ch->gp_get == gp_put) {
			if (nvsim_userd_rw(ch, NVSIM_USERD_GP_PUT,
					   &gp_put, false))
				return NVSIM_RUN_STOPPED;
			if (gp_put >= ch->gp_entries) {
				nvsim_chan_rc(ch, ROBUST_CHANNEL_PBDMA_ERROR, false,
					      "GP_PUT past the ring", gp_put);
				return NVSIM_RUN_STOPPED;
			}
		}
	}
	return NVSIM_RUN_IDLE;
}

/**
 * nvsim_fifo_work() - the worker: run every pending channel
 * @work: nvsim_fifo.work
 */
void nvsim_fifo_work(struct work_struct *work)
{
	struct nvsim_fifo *f = container_of(work, struct nvsim_fifo, work);
	struct nvsim_chan *ch;
	enum nvsim_run r;
	bool blocked = false;
	u32 *words;

	words = kmalloc_array(NVSIM_PB_CHUNK_WORDS, sizeof(u32), GFP_KERNEL);
	if (!words) {
		queue_delayed_work(f->wq, &f->retry, 1);
		return;
	}
	for (;;) {
		spin_lock_irq(&f->lock);
		ch = list_first_entry_or_null(&f->pend, struct nvsim_chan, link);
		if (!ch) {
			spin_unlock_irq(&f->lock);
			break;
		}
		list_del_init(&ch->link);
		ch->queued = false;
		if (ch->dead || !ch->enabled || test_bit(ch->chid, f->stalled)) {
			spin_unlock_irq(&f->lock);
			nvsim_chan_put(ch);
			continue;
		}
		ch->pending = false;
		spin_unlock_irq(&f->lock);

		r = nvsim_chan_run(ch, words);

		spin_lock_irq(&f->lock);
		if (r == NVSIM_RUN_MORE) {
			nvsim_chan_kick_locked(f, ch);
		} else if (r == NVSIM_RUN_BLOCKED && !ch->dead && !ch->queued) {
			ch->queued = true;	/* the blocked list keeps our reference */
			list_add_tail(&ch->link, &f->blocked);
			blocked = true;
			ch = NULL;
		} else if (r == NVSIM_RUN_IDLE && ch->pending) {
			nvsim_chan_kick_locked(f, ch);
		}
		spin_unlock_irq(&f->lock);
		if (ch)
			nvsim_chan_put(ch);
	}
	kfree(words);
	if (blocked)
		queue_delayed_work(f->wq, &f->retry, 1);
}

/**
 * nvsim_fifo_retry() - put channels waiting on an acquire back to work
 * @work: nvsim_fifo.retry
 */
void nvsim_fifo_retry(struct work_struct *work)
{
	struct nvsim_fifo *f = container_of(to_delayed_work(work),
					    struct nvsim_fifo, retry);

	spin_lock_irq(&f->lock);
	list_splice_tail_init(&f->blocked, &f->pend);
	spin_unlock_irq(&f->lock);
	queue_work(f->wq, &f->work);
}

/**
 * nvsim_fifo_drain() - drop the references the worker's lists hold
 * @f: the fifo (the worker is stopped)
 */
void nvsim_fifo_drain(struct nvsim_fifo *f)
{
	struct nvsim_chan *ch, *tmp;
	LIST_HEAD(all);

	spin_lock_irq(&f->lock);
	list_splice_init(&f->pend, &all);
	list_splice_init(&f->blocked, &all);
	spin_unlock_irq(&f->lock);
	list_for_each_entry_safe(ch, tmp, &all, link) {
		list_del_init(&ch->link);
		ch->queued = false;
		nvsim_chan_put(ch);
	}
}
