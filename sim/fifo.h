/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: channels, the simulated PBDMA and the copy engine. Internal.
 */
#ifndef NVSIM_FIFO_H
#define NVSIM_FIFO_H

#include <linux/kref.h>
#include <linux/workqueue.h>

/*
 * Firmware-free: hardware formats are sim/hwclass.h's; the RM-API
 * parameters of channels are decoded by the running version's code
 * (sim/chanabi.c) into the nvsim_*_args structures below.
 */
#include "nvsim.h"
#include "hwclass.h"
#include "pbdec.h"

/* Channel IDs per GPU (core/partition_types.h NVC_GPU_CHIDS; TU102 PCCSR). */
#define NVSIM_MAX_CHIDS		4096
#define NVSIM_SUBCHANNELS	8

/**
 * struct nvsim_ce_regs - copy-engine class state of one subchannel
 * @offset_in: OFFSET_IN_UPPER/LOWER
 * @offset_out: OFFSET_OUT_UPPER/LOWER
 * @pitch_in: PITCH_IN
 * @pitch_out: PITCH_OUT
 * @line_length: LINE_LENGTH_IN
 * @line_count: LINE_COUNT
 * @sem_addr: SET_SEMAPHORE_A/B
 * @sem_payload: SET_SEMAPHORE_PAYLOAD (and _UPPER on NVC7B5)
 * @remap_a: SET_REMAP_CONST_A
 * @remap_b: SET_REMAP_CONST_B
 * @remap: SET_REMAP_COMPONENTS
 * @src_phys: SET_SRC_PHYS_MODE
 * @dst_phys: SET_DST_PHYS_MODE
 * @render_off: SET_RENDER_ENABLE_C mode FALSE (transfers are skipped)
 */
struct nvsim_ce_regs {
	u64 offset_in;
	u64 offset_out;
	u32 pitch_in;
	u32 pitch_out;
	u32 line_length;
	u32 line_count;
	u64 sem_addr;
	u64 sem_payload;
	u32 remap_a;
	u32 remap_b;
	u32 remap;
	u32 src_phys;
	u32 dst_phys;
	bool render_off;
};

/**
 * struct nvsim_chan - one GPFIFO channel
 * @ref: references (the channel table, the worker while it runs it)
 * @gpu: the GPU
 * @client: RM client
 * @handle: RM handle of the channel object
 * @cls: channel class
 * @chid: channel ID
 * @runlist: runlist ID (nvsim: the engine's index in the chip's list)
 * @engine: NV2080 engine type it runs on
 * @engine_idx: that engine's index in the chip's engine list
 * @vas: RM handle of its VA space (the group's if it is in one)
 * @gpfifo_va: GPFIFO ring GPU VA
 * @gp_entries: entries in the ring (a power of two)
 * @userd_vid: USERD is in VRAM (else system memory)
 * @userd_pa: USERD address
 * @deny_phys_ce: NVOS04 CHANNEL_DENY_PHYSICAL_MODE_CE
 * @quiet: a self-test channel: errors are counted, no event is sent
 * @notifier_vid: the error notifier is in VRAM (else system memory)
 * @notifier_pa: its address (0: none)
 * @enabled: GPFIFO_SCHEDULE bEnable (fifo.lock)
 * @pending: a doorbell rang since the worker last looked (fifo.lock)
 * @dead: RC'd or freed: executes nothing more (fifo.lock)
 * @queued: on the worker's pending list, which holds a reference (fifo.lock)
 * @link: in nvsim_fifo.pend or nvsim_fifo.blocked (fifo.lock)
 * @ce_cls: copy-engine class objects allocated on the channel (GSP thread)
 * @gp_get: next GP entry (worker only, from here down)
 * @seg: the GP entry being executed
 * @seg_pos: words of @seg done
 * @in_seg: @seg is valid
 * @pb: method decoder state
 * @subch_cls: class bound to each subchannel by SET_OBJECT (0: none)
 * @sem_va: host SEM_ADDR_LO/HI
 * @sem_payload: host SEM_PAYLOAD_LO/HI
 * @ce: copy-engine state per subchannel
 */
struct nvsim_chan {
	struct kref ref;
	struct nvsim_gpu *gpu;
	u32 client;
	u32 handle;
	u32 cls;
	u32 chid;
	u32 runlist;
	u32 engine;
	u32 engine_idx;
	u32 vas;
	u64 gpfifo_va;
	u32 gp_entries;
	bool userd_vid;
	u64 userd_pa;
	bool deny_phys_ce;
	bool quiet;
	bool notifier_vid;
	u64 notifier_pa;
	bool enabled;
	bool pending;
	bool dead;
	bool queued;
	struct list_head link;
	u32 ce_cls;

	u32 gp_get;
	struct nvsim_gp_entry seg;
	u32 seg_pos;
	bool in_seg;
	struct nvsim_pb_state pb;
	u32 subch_cls[NVSIM_SUBCHANNELS];
	u64 sem_va;
	u64 sem_payload;
	struct nvsim_ce_regs ce[NVSIM_SUBCHANNELS];
};

/* Counters of the fifo debugfs file. */
enum nvsim_fifo_stat {
	NVSIM_FS_DOORBELLS,
	NVSIM_FS_DOORBELLS_BAD,
	NVSIM_FS_GP_ENTRIES,
	NVSIM_FS_METHODS,
	NVSIM_FS_SEM_RELEASES,
	NVSIM_FS_CE_LAUNCHES,
	NVSIM_FS_CE_BYTES,
	NVSIM_FS_NONSTALL,
	NVSIM_FS_STALL_INTR,
	NVSIM_FS_MMU_FAULTS,
	NVSIM_FS_RC,
	NVSIM_FS_NR,
};

/**
 * struct nvsim_fifo - the GPU's channels and their executor
 * @gpu: the GPU
 * @lock: protects @chans, @pend, @blocked, each channel's
 *	@enabled/@pending/@dead/@queued/@link, @stalled and the knobs below
 *	(taken from the doorbell's MMIO path: irqsave)
 * @chans: channels by ID (a reference each)
 * @pend: channels to run
 * @blocked: channels waiting on a semaphore acquire (retried every jiffy)
 * @nr_chans: channels allocated
 * @wq: nvsim's own worker (ordered)
 * @work: runs pending channels
 * @retry: re-runs channels blocked on a semaphore acquire
 * @stalled: channel IDs the "stall" knob holds (never executed)
 * @ce_delay_us: "slow CE": delay every LAUNCH_DMA by this much
 * @ce_jitter_us: plus a random 0..jitter (from the GPU's seeded PRNG)
 * @stats: &enum nvsim_fifo_stat counters
 * @test_lock: serialises self-tests, protects @test_result
 * @test_result: the last self-test's outcome ("ok ..." or "FAIL ...")
 */
struct nvsim_fifo {
	struct nvsim_gpu *gpu;
	spinlock_t lock;
	struct nvsim_chan **chans;
	struct list_head pend;
	struct list_head blocked;
	unsigned int nr_chans;
	struct workqueue_struct *wq;
	struct work_struct work;
	struct delayed_work retry;
	unsigned long *stalled;
	u32 ce_delay_us;
	u32 ce_jitter_us;
	atomic64_t stats[NVSIM_FS_NR];
	struct mutex test_lock;
	char test_result[160];
};

static inline void nvsim_fs_add(struct nvsim_gpu *gpu, enum nvsim_fifo_stat s,
				u64 n)
{
	atomic64_add(n, &gpu->fifo->stats[s]);
}

/* chan.c */
void nvsim_chan_put(struct nvsim_chan *ch);
void nvsim_chan_kick_locked(struct nvsim_fifo *f, struct nvsim_chan *ch);
int nvsim_engine_index(struct nvsim_gpu *gpu, u32 nv2080_type);

/* fifo.c */
void nvsim_fifo_work(struct work_struct *work);
void nvsim_fifo_retry(struct work_struct *work);
void nvsim_fifo_drain(struct nvsim_fifo *f);
void nvsim_chan_rc(struct nvsim_chan *ch, u32 xid, bool mmu_fault,
		   const char *why, u64 va);
int nvsim_chan_mem_rw(struct nvsim_chan *ch, u64 va, void *buf, size_t len,
		      bool write);
int nvsim_chan_phys_rw(struct nvsim_chan *ch, u32 target, u64 pa, void *buf,
		       size_t len, bool write);
u64 nvsim_ptimer_ns(void);

struct nvsim_chan *nvsim_chan_new_raw(struct nvsim_gpu *gpu, u32 client,
				      u32 vas, u32 engine, u64 gpfifo_va,
				      u32 entries, u64 userd_vram);
void nvsim_chan_remove(struct nvsim_chan *ch);

/* fifo_selftest.c */
int nvsim_fifo_selftest(struct nvsim_gpu *gpu, char *res, size_t len);

/* ce.c */
int nvsim_ce_method(struct nvsim_chan *ch, u32 subch, u32 method, u32 data);

#endif /* NVSIM_FIFO_H */
