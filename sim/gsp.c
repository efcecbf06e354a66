// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the SEC2 booter and the GSP-RM firmware thread.
 *
 * DOC: nvsim GSP-RM
 *
 * Each GPU has one kernel thread that plays the booter and GSP-RM
 * (docs/nvsim.md). Register callbacks only record what the driver did and
 * wake it; everything that touches the driver's memory runs here.
 *
 * Booter (SEC2 STARTCPU with MAILBOX0/1 = WprMeta address): checks
 * GspFwWprMeta (magic, revision, non-zero sizes, fbSize, ordered layout
 * inside the FB, alignments, heap size), walks the radix3 table and verifies
 * the image (NVSIMGSP header, length, chip, FNV-1a 64 checksum), reads the
 * signature and the bootloader. On success: WPR2 = [gspFwWprStart,
 * gspFwWprEnd), WprMeta.verified = 0xa0a0a0a0a0a0a0a0, SEC2 MAILBOX0 = 0,
 * SEC2 HALTED, BSI_SECURE_SCRATCH_14 bit 26, GSP-RM starts. On failure SEC2
 * MAILBOX0 = one of the NVSIM_BOOTER_E_* codes below and SEC2 HALTED.
 * SEC2 STARTCPU with MAILBOX0 = MAILBOX1 = 0xff is the unload booter: it
 * stops GSP-RM if it still runs and clears WPR2.
 *
 * GSP-RM boot: LIBOS array (GSP MAILBOX0/1), log buffers, RMARGS, the
 * shared-memory page table, the command-queue header, the status-queue
 * header; then it consumes GSP_SET_SYSTEM_INFO and SET_REGISTRY, runs the
 * CPU sequencer check and sends GSP_INIT_DONE. A failure before the queues
 * work halts the GSP with GSP MAILBOX0 = NVSIM_RM_E_* and the HALT
 * interrupt; a failure after that is reported with OS_ERROR_LOG first.
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
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/random.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "nvsim.h"
#include "wire.h"

/* Booter error codes (SEC2 MAILBOX0). */
enum {
	NVSIM_BOOTER_E_WPR2_SET = 1,
	NVSIM_BOOTER_E_META_READ,
	NVSIM_BOOTER_E_MAGIC,
	NVSIM_BOOTER_E_REVISION,
	NVSIM_BOOTER_E_SIZES,
	NVSIM_BOOTER_E_FBSIZE,
	NVSIM_BOOTER_E_LAYOUT,
	NVSIM_BOOTER_E_ALIGN,
	NVSIM_BOOTER_E_HEAP,
	NVSIM_BOOTER_E_RADIX3,
	NVSIM_BOOTER_E_IMAGE_HDR,
	NVSIM_BOOTER_E_IMAGE_CSUM,
	NVSIM_BOOTER_E_SIGNATURE,
	NVSIM_BOOTER_E_BOOTLOADER,
	NVSIM_BOOTER_E_INJECTED,
};

/* GSP-RM halt codes (GSP MAILBOX0) for failures before the queues work. */
#define NVSIM_RM_E_LIBOS	0xbad00001
#define NVSIM_RM_E_LOGS		0xbad00002
#define NVSIM_RM_E_RMARGS	0xbad00003
#define NVSIM_RM_E_SHM		0xbad00004
#define NVSIM_RM_E_CMDQ		0xbad00005
#define NVSIM_RM_E_INIT		0xbad00006
#define NVSIM_RM_E_SEQ		0xbad00007
#define NVSIM_RM_E_ASSERT	0xbad00008
#define NVSIM_RM_E_CRASH	0xbad000ff

#define NVSIM_IDLE_POLL		msecs_to_jiffies(100)
#define NVSIM_TX_WAIT_MS	1000
#define NVSIM_POSTED_BATCH	64	/* events sent between queue services */
#define NVSIM_CONT_WAIT_MS	1000
#define NVSIM_CONT_GUESS_MS	50
#define NVSIM_INIT_WAIT_MS	5000
#define NVSIM_SEQ_WAIT_MS	10000
#define NVSIM_SEQ_BUF_DW	1024
#define NVSIM_SEQ_FOREVER_POLLS	64
#define NVSIM_SEQ_FOREVER_DELAYS	256
/* The fault prefixes plus the program (16 dwords) fit the buffer. */
static_assert(NVSIM_SEQ_FOREVER_POLLS * 6 + 16 <= NVSIM_SEQ_BUF_DW);
static_assert(NVSIM_SEQ_FOREVER_DELAYS * 2 + 16 <= NVSIM_SEQ_BUF_DW);
#define NVSIM_RPC_CAP		(4u << 20)
#define NVSIM_LIBOS_MAX		(NVRM_GSP_PAGE_SIZE / sizeof(struct LibosMemoryRegionInitArgument))
#define NVSIM_SHM_MAX_PAGES	(NVRM_GSP_PAGE_SIZE / sizeof(u64))
#define NVSIM_IMAGE_MAX		(1ULL << 30)
#define NVSIM_SIG_MAX		(1u << 20)
#define NVSIM_BL_MAX		(16u << 20)
#define NVSIM_R3_ENTRIES	(NVRM_GSP_PAGE_SIZE / sizeof(u64))

/* Synthetic image header written by tools/mkgspfw (core/gsp/fwimage.h). */
#define NVSIM_IMG_MAGIC		"NVSIMGSP"
#define NVSIM_IMG_HDR_SIZE	0x40
#define NVSIM_IMG_HDR_VER	1
#define NVSIM_FNV_BASIS		0xcbf29ce484222325ull
#define NVSIM_FNV_PRIME		0x100000001b3ull

struct nvsim_img_hdr {
	char magic[8];
	__le32 hdr_size;
	__le32 hdr_ver;
	__le64 image_size;
	__le64 fnv1a64;
	__le64 seed;
	char version[16];
	char chip[8];
};

static_assert(sizeof(struct nvsim_img_hdr) == NVSIM_IMG_HDR_SIZE);

enum nvsim_halt {
	NVSIM_HALT_CLEAN,	/* after UNLOADING_GUEST_DRIVER */
	NVSIM_HALT_ERROR,	/* HALT interrupt, MAILBOX0 = code */
	NVSIM_HALT_KILLED,	/* reset, unbind, unload booter: just stop */
};

/* ---- small helpers ---- */

static bool nvsim_sec2_pending(struct nvsim_gpu *gpu);
static bool nvsim_statq_consumed(struct nvsim_gpu *gpu, u32 wptr);

static bool nvsim_stopping(struct nvsim_gpu *gpu)
{
	return kthread_should_stop() || atomic_read(&gpu->reset_req);
}

/* GSP-RM may go on: not stopping, not reset, DMA allowed. */
static bool nvsim_rm_alive(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool alive;

	if (nvsim_stopping(gpu) || !READ_ONCE(gpu->dma_enabled))
		return false;
	spin_lock_irqsave(&gpu->reg_lock, flags);
	alive = gpu->regs.rm_running && !gpu->regs.gsp_killed;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return alive;
}

static bool nvsim_kicked(struct nvsim_gpu *gpu)
{
	return atomic_read(&gpu->kick) || nvsim_stopping(gpu) ||
	       atomic_read(&gpu->crash_req) || atomic_read(&gpu->lockdown_req);
}

/* Sleep until kicked or @timeout jiffies passed. */
static void nvsim_wait(struct nvsim_gpu *gpu, unsigned long timeout)
{
	wait_event_interruptible_timeout(gpu->wq, nvsim_kicked(gpu), timeout);
	atomic_set(&gpu->kick, 0);
}

/* Sleep @ms unless the thread must stop, crash, or lost its driver. */
static void nvsim_sleep_ms(struct nvsim_gpu *gpu, unsigned int ms)
{
	wait_event_interruptible_timeout(gpu->wq, nvsim_stopping(gpu) ||
					 atomic_read(&gpu->crash_req) ||
					 !READ_ONCE(gpu->dma_enabled),
					 msecs_to_jiffies(ms));
}

/**
 * nvsim_fault_take() - consume one occurrence of a count fault
 * @gpu: the GPU
 * @f: the fault
 *
 * Return: true if the fault fires now.
 */
bool nvsim_fault_take(struct nvsim_gpu *gpu, enum nvsim_fault f)
{
	bool fire = false;

	spin_lock(&gpu->fault_lock);
	if (gpu->faults.count[f]) {
		gpu->faults.count[f]--;
		fire = true;
	}
	spin_unlock(&gpu->fault_lock);
	if (fire)
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
	return fire;
}

/**
 * nvsim_fault_rand() - next number from the seeded fault PRNG
 * @gpu: the GPU
 *
 * Return: a pseudo-random u32.
 */
u32 nvsim_fault_rand(struct nvsim_gpu *gpu)
{
	u32 v;

	spin_lock(&gpu->fault_lock);
	v = prandom_u32_state(&gpu->faults.rnd);
	spin_unlock(&gpu->fault_lock);
	return v;
}

static u32 nvsim_delay_reply_ms(struct nvsim_gpu *gpu)
{
	u32 v;

	spin_lock(&gpu->fault_lock);
	v = gpu->faults.delay_reply_ms;
	spin_unlock(&gpu->fault_lock);
	return v;
}

static bool nvsim_hung(struct nvsim_gpu *gpu)
{
	bool v;

	spin_lock(&gpu->fault_lock);
	v = gpu->faults.hang;
	spin_unlock(&gpu->fault_lock);
	return v;
}

static int nvsim_take_boot_fault(struct nvsim_gpu *gpu)
{
	int v;

	spin_lock(&gpu->fault_lock);
	v = gpu->faults.boot_fault;
	gpu->faults.boot_fault = NVSIM_BOOT_FAULT_NONE;
	spin_unlock(&gpu->fault_lock);
	return v;
}

/* ---- shared memory ---- */

static int nvsim_shm_rw(struct nvsim_gpu *gpu, u64 off, void *buf, size_t len,
			bool write)
{
	struct nvsim_shm *shm = &gpu->fw.shm;

	return nvsim_pages_rw(gpu, shm->pte, shm->npages, off, buf, len, write);
}

static int nvsim_shm_rd32(struct nvsim_gpu *gpu, u64 off, u32 *val)
{
	struct nvsim_shm *shm = &gpu->fw.shm;

	if (off + 4 > (u64)shm->npages * NVRM_GSP_PAGE_SIZE)
		return -ERANGE;
	return nvsim_dma_rd32(gpu, shm->pte[off / NVRM_GSP_PAGE_SIZE] +
			      off % NVRM_GSP_PAGE_SIZE, val);
}

static int nvsim_shm_wr32(struct nvsim_gpu *gpu, u64 off, u32 val)
{
	struct nvsim_shm *shm = &gpu->fw.shm;

	if (off + 4 > (u64)shm->npages * NVRM_GSP_PAGE_SIZE)
		return -ERANGE;
	return nvsim_dma_wr32(gpu, shm->pte[off / NVRM_GSP_PAGE_SIZE] +
			      off % NVRM_GSP_PAGE_SIZE, val);
}

static u64 nvsim_entry_off(u32 queue, u32 idx)
{
	return (u64)queue + NVRM_MSGQ_ENTRY_OFF + (u64)idx * NVRM_MSGQ_ENTRY_SIZE;
}

/* ---- halting ---- */

static void nvsim_rm_release(struct nvsim_gpu *gpu)
{
	struct nvsim_fw *fw = &gpu->fw;
	struct nvsim_event *ev, *tmp;
	unsigned int i;
	LIST_HEAD(drop);

	for (i = 0; i < NVSIM_NR_LOGS; i++)
		nvsim_log_release(&fw->logs[i]);
	kvfree(fw->shm.pte);
	memset(&fw->shm, 0, sizeof(fw->shm));
	WRITE_ONCE(fw->init_done, false);
	fw->have_sysinfo = false;
	fw->have_registry = false;
	nvsim_rm_reset(gpu);

	spin_lock(&gpu->event_lock);
	list_splice_init(&gpu->events, &drop);
	gpu->nr_events = 0;
	spin_unlock(&gpu->event_lock);
	list_for_each_entry_safe(ev, tmp, &drop, link)
		kvfree(ev);
}

static void nvsim_rm_halt(struct nvsim_gpu *gpu, enum nvsim_halt how, u32 code)
{
	struct nvsim_falcon *f = &gpu->regs.gsp;
	unsigned long flags;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.rm_running = false;
	gpu->regs.riscv_active = false;
	gpu->regs.obs.suspended = false;
	gpu->regs.lockdown = false;
	gpu->regs.lockdown_enforced = false;
	f->halted = true;
	if (how == NVSIM_HALT_CLEAN)
		f->mailbox0 = NVRM_GSP_UNLOAD_MAILBOX0_DONE;
	else if (how == NVSIM_HALT_ERROR)
		f->mailbox0 = code;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);

	if (how == NVSIM_HALT_ERROR) {
		nvsim_logf(gpu, NVSIM_LOGINTR, "GSP halted (code %#x): HALT interrupt",
			   code);
		nvsim_gsp_irq_set(gpu, NVRM_FALCON_IRQ_HALT);
	}
	nvsim_rm_release(gpu);
}

/* ---- sending ---- */

static bool nvsim_statq_space(struct nvsim_gpu *gpu, u32 elems, int *err)
{
	struct nvsim_fw *fw = &gpu->fw;
	u32 rptr;

	*err = nvsim_shm_rd32(gpu, fw->shm.cmdq + NVRM_MSGQ_RXHDR_OFF, &rptr);
	if (*err)
		return false;
	if (rptr >= NVRM_MSGQ_MSG_COUNT) {
		if (!fw->bad_rptr) {
			fw->bad_rptr = true;
			nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_PTR);
			pr_warn_ratelimited("nvsim: GPU %u: status-queue read pointer %u out of range\n",
					    gpu->index, rptr);
		}
		return false;
	}
	fw->bad_rptr = false;
	return nvsim_ring_free(rptr, fw->statq_wptr, NVRM_MSGQ_MSG_COUNT) >= elems;
}

static const u8 nvsim_zero_page[NVRM_MSGQ_ENTRY_SIZE];

/* Faults that damage a message's header; it stays sealed over @body. */
static void nvsim_tx_damage(struct nvsim_gpu *gpu,
			    struct GSP_MSG_QUEUE_ELEMENT *e, u64 body)
{
	if (nvsim_fault_take(gpu, NVSIM_F_BAD_LENGTH)) {
		switch (nvsim_fault_rand(gpu) % 4) {
		case 0:
			e->elemCount = 0;
			break;
		case 1:
			e->elemCount = cpu_to_le32(NVRM_MSG_MAX_ELEMS + 1);
			break;
		case 2:
			e->rpc.length = cpu_to_le32(NVRM_RPC_HDR_SIZE - 8);
			break;
		default:
			e->rpc.length = cpu_to_le32(le32_to_cpu(e->rpc.length) +
						    NVRM_MSGQ_ENTRY_SIZE);
			break;
		}
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: bad_length seq %u",
			   le32_to_cpu(e->seqNum));
	}
	e->checkSum = 0;
	e->checkSum = cpu_to_le32(nvsim_wire_fold64(nvsim_wire_xor(e, sizeof(*e)) ^
						    body));
	if (nvsim_fault_take(gpu, NVSIM_F_CORRUPT_CSUM)) {
		e->checkSum ^= cpu_to_le32(1u << (nvsim_fault_rand(gpu) % 32));
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: corrupt_csum seq %u",
			   le32_to_cpu(e->seqNum));
	}
}

/*
 * Access bytes [off, off + len) of a message whose first page is status
 * queue entry @slot; pages after the last entry wrap to entry 0.
 */
static int nvsim_statq_rw(struct nvsim_gpu *gpu, u32 slot, u64 off,
			  void *buf, size_t len, bool write)
{
	while (len) {
		u32 k = off / NVRM_MSGQ_ENTRY_SIZE, in = off % NVRM_MSGQ_ENTRY_SIZE;
		size_t n = min_t(size_t, len, NVRM_MSGQ_ENTRY_SIZE - in);
		int err;

		err = nvsim_shm_rw(gpu, nvsim_entry_off(gpu->fw.shm.statq,
					nvsim_ring_advance(slot, k, NVRM_MSGQ_MSG_COUNT)) + in,
				   buf, n, write);
		if (err)
			return err;
		buf += n;
		off += n;
		len -= n;
	}
	return 0;
}

/* XOR of message bytes [off, end) as they are in the status queue now. */
static int nvsim_statq_xor(struct nvsim_gpu *gpu, u32 slot, u64 off, u64 end,
			   u64 *acc)
{
	u8 *tmp = gpu->fw.tx;
	int err;

	*acc = 0;
	if (off >= end)
		return 0;
	err = nvsim_statq_rw(gpu, slot, off, tmp, end - off, false);
	if (!err)
		*acc = nvsim_wire_xor(tmp, end - off);
	return err;
}

/*
 * Put one message (payload <= 0xFFB0) into the status queue, built in
 * place: header, payload, zero padding to the next 8 bytes. The rest of
 * the last page keeps whatever an earlier message left there (ogkm535:
 * OGKM-535 message_queue_cpu.c pads a reused buffer to 8 bytes only and
 * checksums whole elements), or is zeroed and left out of the checksum
 * (echo: 0x30 + rpc.length, as OGKM-570 sums without CC).
 */
static int nvsim_tx_msg(struct nvsim_gpu *gpu,
			const struct rpc_message_header_v03_00 *hdr,
			const void *payload, u32 len, bool wait)
{
	struct nvsim_fw *fw = &gpu->fw;
	u32 elems = nvsim_wire_elems_for(len);
	unsigned long deadline = jiffies + msecs_to_jiffies(NVSIM_TX_WAIT_MS);
	bool stale = nvsim_pers(gpu) != NVSIM_PERS_ECHO;
	struct GSP_MSG_QUEUE_ELEMENT e;
	u64 used, end8, whole, body, tail = 0;
	u32 seq, wptr, shown;
	int err;

	if (!elems)
		return -EINVAL;
	while (!nvsim_statq_space(gpu, elems, &err)) {
		if (err)
			return err;
		if (!wait || time_after(jiffies, deadline) || !nvsim_rm_alive(gpu)) {
			nvsim_stat_inc(gpu, NVSIM_S_TX_DROPPED);
			pr_warn_ratelimited("nvsim: GPU %u: status queue full, message dropped\n",
					    gpu->index);
			return -EBUSY;
		}
		usleep_range(50, 200);
	}

	seq = fw->tx_seq;
	if (nvsim_fault_take(gpu, NVSIM_F_REPEAT_SEQNUM)) {
		seq = fw->tx_seq - 1;
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: repeat_seqnum %u", seq);
	} else if (nvsim_fault_take(gpu, NVSIM_F_SKIP_SEQNUM)) {
		seq = fw->tx_seq + 1;
		fw->tx_seq += 2;
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: skip_seqnum to %u", seq);
	} else {
		fw->tx_seq++;
	}

	wptr = fw->statq_wptr;
	nvsim_wire_hdr(&e, seq, hdr, len);
	used = sizeof(e) + (u64)len;
	end8 = ALIGN(used, 8);
	whole = (u64)elems * NVRM_MSGQ_ENTRY_SIZE;
	body = len ? nvsim_wire_xor(payload, len) : 0;
	if (stale) {
		err = nvsim_statq_xor(gpu, wptr, end8, whole, &tail);
		if (err)
			return err;
		if (tail)
			nvsim_stat_inc(gpu, NVSIM_S_TX_STALE_TAILS);
	}
	nvsim_tx_damage(gpu, &e, body ^ tail);

	err = nvsim_statq_rw(gpu, wptr, 0, &e, sizeof(e), true);
	if (!err && len)
		err = nvsim_statq_rw(gpu, wptr, sizeof(e), (void *)payload, len,
				     true);
	if (!err && end8 > used)
		err = nvsim_statq_rw(gpu, wptr, used, (void *)nvsim_zero_page,
				     end8 - used, true);
	while (!err && !stale && end8 < whole) {
		u64 n = min_t(u64, whole - end8, sizeof(nvsim_zero_page));

		err = nvsim_statq_rw(gpu, wptr, end8, (void *)nvsim_zero_page,
				     n, true);
		end8 += n;
	}
	if (err)
		return err;
	wptr = nvsim_ring_advance(wptr, elems, NVRM_MSGQ_MSG_COUNT);
	wmb();	/* entries before the write pointer */
	fw->statq_wptr = wptr;
	shown = wptr;
	if (nvsim_fault_take(gpu, NVSIM_F_BAD_QUEUE_PTR)) {
		shown = NVRM_MSGQ_MSG_COUNT + nvsim_fault_rand(gpu) % 64;
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: bad_queue_ptr %u", shown);
	}
	err = nvsim_shm_wr32(gpu, fw->shm.statq + offsetof(struct msgqTxHeader,
							   writePtr), shown);
	if (err)
		return err;
	mb();	/* write pointer before the interrupt */
	nvsim_stat_inc(gpu, NVSIM_S_TX_MSGS);

	if (nvsim_fault_take(gpu, NVSIM_F_LOSE_IRQ)) {
		nvsim_logf(gpu, NVSIM_LOGINTR, "fault: lose_irq for seq %u", seq);
		return 0;
	}
	nvsim_gsp_irq_set(gpu, NVRM_FALCON_IRQ_SWGEN0);
	return 0;
}

/* Send a payload of any size: first part plus continuation records. */
static int nvsim_send(struct nvsim_gpu *gpu,
		      const struct rpc_message_header_v03_00 *tmpl,
		      const u8 *payload, u64 len, bool wait)
{
	struct rpc_message_header_v03_00 hdr = *tmpl;
	u32 parts = nvsim_wire_parts(len), p;
	int err;

	for (p = 0; p < parts; p++) {
		u32 chunk = min_t(u64, len, NVSIM_WIRE_MAX_PAYLOAD);

		if (p)
			hdr.function = NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD;
		err = nvsim_tx_msg(gpu, &hdr, payload, chunk, wait);
		if (err)
			return err;
		payload += chunk;
		len -= chunk;
	}
	return 0;
}

/**
 * nvsim_send_event() - send an event message now (GSP thread only)
 * @gpu: the GPU
 * @function: event number (>= 0x1000)
 * @payload: payload
 * @len: payload bytes
 * @wait: wait (bounded) for room in the status queue
 *
 * Return: 0 or a negative errno (the event was dropped).
 */
int nvsim_send_event(struct nvsim_gpu *gpu, u32 function, const void *payload,
		     u32 len, bool wait)
{
	struct rpc_message_header_v03_00 hdr = { .function = function };
	int err;

	if (!gpu->fw.shm.pte)
		return -ENODEV;
	err = nvsim_send(gpu, &hdr, payload, len, wait);
	if (!err)
		nvsim_stat_inc(gpu, NVSIM_S_EVENTS);
	return err;
}

/**
 * nvsim_os_error() - report an error with an OS_ERROR_LOG event
 * @gpu: the GPU
 * @xid: exceptType
 * @fmt: printf format of errString
 *
 * The event is dropped if the status queue has no room (GSP thread only).
 */
void nvsim_os_error(struct nvsim_gpu *gpu, u32 xid, const char *fmt, ...)
{
	struct rpc_os_error_log_v17_00 e = { .exceptType = xid };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e.errString, sizeof(e.errString), fmt, ap);
	va_end(ap);
	nvsim_logf(gpu, NVSIM_LOGRM, "error: Xid %u %.80s", xid, e.errString);
	nvsim_send_event(gpu, NV_VGPU_MSG_EVENT_OS_ERROR_LOG, &e, sizeof(e),
			 false);
}

/**
 * nvsim_rm_accepts_events() - may events be posted now
 * @gpu: the GPU
 *
 * Process context.
 *
 * Return: true if GSP-RM runs, has sent GSP_INIT_DONE, is neither hung
 * (debugfs hang) nor halted or killed, and a driver is bound.
 */
bool nvsim_rm_accepts_events(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool ok;

	if (!READ_ONCE(gpu->fw.init_done) || !READ_ONCE(gpu->dma_enabled) ||
	    nvsim_hung(gpu) || atomic_read(&gpu->crash_req))
		return false;
	spin_lock_irqsave(&gpu->reg_lock, flags);
	ok = gpu->regs.rm_running && !gpu->regs.gsp_killed;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return ok;
}

/**
 * nvsim_post_event() - queue an unsolicited event for the GSP thread to send
 * @gpu: the GPU
 * @function: event number (>= 0x1000)
 * @payload: payload (copied)
 * @len: payload bytes (at most 4 MiB)
 *
 * Process context. The event is sent the next time GSP-RM serves its
 * queues, and dropped if GSP-RM is halted or reset before that. At most
 * NVSIM_MAX_POSTED_EVENTS wait at a time.
 *
 * Return: 0, -EINVAL, -ENOMEM or -EBUSY (too many waiting).
 */
int nvsim_post_event(struct nvsim_gpu *gpu, u32 function, const void *payload,
		     u32 len)
{
	struct nvsim_event *ev;

	if (function < NV_VGPU_MSG_EVENT_FIRST_EVENT || len > NVSIM_RPC_CAP)
		return -EINVAL;
	ev = kvmalloc(struct_size(ev, payload, len), GFP_KERNEL);
	if (!ev)
		return -ENOMEM;
	ev->function = function;
	ev->len = len;
	memcpy(ev->payload, payload, len);
	spin_lock(&gpu->event_lock);
	if (gpu->nr_events >= NVSIM_MAX_POSTED_EVENTS) {
		spin_unlock(&gpu->event_lock);
		kvfree(ev);
		return -EBUSY;
	}
	list_add_tail(&ev->link, &gpu->events);
	gpu->nr_events++;
	spin_unlock(&gpu->event_lock);
	nvsim_kick(gpu);
	return 0;
}

/* Send up to NVSIM_POSTED_BATCH posted events; true if more wait. */
static bool nvsim_send_posted(struct nvsim_gpu *gpu)
{
	struct nvsim_event *ev;
	unsigned int n;

	for (n = 0; n < NVSIM_POSTED_BATCH; n++) {
		spin_lock(&gpu->event_lock);
		ev = list_first_entry_or_null(&gpu->events, struct nvsim_event,
					      link);
		if (ev) {
			list_del(&ev->link);
			gpu->nr_events--;
		}
		spin_unlock(&gpu->event_lock);
		if (!ev)
			return false;
		if (ev->function == NVSIM_EVENT_NOTIFY &&
		    ev->len == sizeof(struct nvsim_notify)) {
			nvsim_notify_fire(gpu, (void *)ev->payload);
			kvfree(ev);
			continue;
		}
		nvsim_logf(gpu, NVSIM_LOGRM, "event %#x posted (%u bytes)",
			   ev->function, ev->len);
		nvsim_send_event(gpu, ev->function, ev->payload, ev->len, true);
		kvfree(ev);
	}
	return true;
}

/* ---- receiving ---- */

enum nvsim_rx {
	NVSIM_RX_NONE,		/* nothing (valid) to process */
	NVSIM_RX_MSG,		/* a valid message is in fw->msg */
	NVSIM_RX_FATAL,		/* shared memory unusable */
};

static int nvsim_cmdq_commit(struct nvsim_gpu *gpu, u32 rptr)
{
	struct nvsim_fw *fw = &gpu->fw;

	mb();	/* done reading entries before releasing them */
	fw->cmdq_rptr = rptr;
	return nvsim_shm_wr32(gpu, fw->shm.statq + NVRM_MSGQ_RXHDR_OFF, rptr);
}

static int nvsim_cmdq_wptr(struct nvsim_gpu *gpu, u32 *wptr)
{
	int err;

	mb();	/* see the producer's latest write pointer and entries */
	err = nvsim_shm_rd32(gpu, gpu->fw.shm.cmdq +
			     offsetof(struct msgqTxHeader, writePtr), wptr);
	rmb();	/* write pointer before the entries it covers */
	return err;
}

/* Function of the next command-queue message, without consuming it. */
static int nvsim_rx_peek_function(struct nvsim_gpu *gpu, u32 *function)
{
	struct nvsim_fw *fw = &gpu->fw;
	u32 wptr;
	__le32 f;
	int err;

	err = nvsim_cmdq_wptr(gpu, &wptr);
	if (err)
		return err;
	if (!nvsim_ring_avail(fw->cmdq_rptr, wptr, NVRM_MSGQ_MSG_COUNT))
		return -EAGAIN;
	err = nvsim_shm_rw(gpu, nvsim_entry_off(fw->shm.cmdq, fw->cmdq_rptr) +
			   offsetof(struct GSP_MSG_QUEUE_ELEMENT, rpc.function),
			   &f, sizeof(f), false);
	*function = le32_to_cpu(f);
	return err;
}

static const char *const nvsim_wire_err_names[] = {
	[NVSIM_WIRE_E_ELEMS] = "bad element count",
	[NVSIM_WIRE_E_LENGTH] = "bad length",
	[NVSIM_WIRE_E_HEADER] = "bad RPC header",
	[NVSIM_WIRE_E_CSUM] = "bad checksum",
};

static void nvsim_rx_reject(struct nvsim_gpu *gpu, enum nvsim_wire_err why,
			    u32 seq)
{
	switch (why) {
	case NVSIM_WIRE_E_CSUM:
		nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_CSUM);
		pr_warn_ratelimited("nvsim: GPU %u: command with bad checksum\n",
				    gpu->index);
		break;
	case NVSIM_WIRE_E_HEADER:
		nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_HEADER);
		pr_warn_ratelimited("nvsim: GPU %u: command with bad RPC header\n",
				    gpu->index);
		break;
	default:
		nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_LENGTH);
		pr_warn_ratelimited("nvsim: GPU %u: command with bad length\n",
				    gpu->index);
		break;
	}
	nvsim_os_error(gpu, GSP_ERROR, "nvsim: command queue message seq %u rejected: %s",
		       seq, nvsim_wire_err_names[why]);
}

/*
 * strict570: a non-zero rpc.sequence must be the previous non-zero one
 * plus 1 (nouveau 90caca3b7264: 570 firmware asserts on out-of-order RPC
 * sequence numbers). The assert halts GSP-RM as a real one does: an
 * OS_ERROR_LOG event, then the HALT interrupt (nvsim_rm_run()).
 */
static bool nvsim_rpc_seq_ok(struct nvsim_gpu *gpu,
			     const struct nvsim_wire_msg *m)
{
	struct nvsim_fw *fw = &gpu->fw;
	u32 seq = le32_to_cpu(m->rpc->sequence), want = fw->rpc_seq + 1;

	if (!seq)
		return true;
	if (nvsim_pers(gpu) == NVSIM_PERS_STRICT570 && fw->rpc_seq &&
	    seq != want) {
		nvsim_stat_inc(gpu, NVSIM_S_SEQ_ASSERTS);
		pr_warn_ratelimited("nvsim: GPU %u: assert: RPC sequence %u, expected %u\n",
				    gpu->index, seq, want);
		nvsim_os_error(gpu, GSP_ERROR, "assert: RPC sequence %u, expected %u (function %u)",
			       seq, want, m->function);
		fw->assert_code = NVSIM_RM_E_ASSERT;
		return false;
	}
	fw->rpc_seq = seq;
	return true;
}

/*
 * Take the next message off the command queue into fw->msg, or, with
 * @into, straight to its final place: the payload lands at @into (the
 * element header is kept in fw->msg; the 0x50 bytes before @into and up to
 * 7 after the payload are borrowed and restored), one copy instead of two.
 */
static enum nvsim_rx nvsim_rx_one(struct nvsim_gpu *gpu,
				  struct nvsim_wire_msg *m, u8 *into)
{
	struct nvsim_fw *fw = &gpu->fw;
	u8 save[sizeof(struct GSP_MSG_QUEUE_ELEMENT)], *buf = fw->msg;
	u32 wptr, avail, elems, rptr, i;
	enum nvsim_wire_err why;
	u64 used;
	int err;

	err = nvsim_cmdq_wptr(gpu, &wptr);
	if (err)
		return NVSIM_RX_FATAL;
	if (wptr >= NVRM_MSGQ_MSG_COUNT) {
		if (!fw->bad_wptr) {
			fw->bad_wptr = true;
			nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_PTR);
			pr_warn_ratelimited("nvsim: GPU %u: command-queue write pointer %u out of range\n",
					    gpu->index, wptr);
			nvsim_os_error(gpu, GSP_ERROR, "nvsim: command-queue write pointer %u out of range",
				       wptr);
		}
		return NVSIM_RX_NONE;
	}
	fw->bad_wptr = false;
	avail = nvsim_ring_avail(fw->cmdq_rptr, wptr, NVRM_MSGQ_MSG_COUNT);
	if (!avail)
		return NVSIM_RX_NONE;

	rptr = fw->cmdq_rptr;
	/* The header once; then only the bytes it says are in use. */
	err = nvsim_shm_rw(gpu, nvsim_entry_off(fw->shm.cmdq, rptr), fw->msg,
			   sizeof(struct GSP_MSG_QUEUE_ELEMENT), false);
	if (err)
		return NVSIM_RX_FATAL;
	if (nvsim_wire_peek_elems(fw->msg, avail, &elems) != NVSIM_WIRE_OK) {
		/* Framing is lost: drop everything the driver queued. */
		nvsim_rx_reject(gpu, NVSIM_WIRE_E_ELEMS,
				le32_to_cpu(((struct GSP_MSG_QUEUE_ELEMENT *)fw->msg)->seqNum));
		return nvsim_cmdq_commit(gpu, wptr) ? NVSIM_RX_FATAL : NVSIM_RX_NONE;
	}
	used = le32_to_cpu(((struct GSP_MSG_QUEUE_ELEMENT *)fw->msg)->rpc.length);
	used = min_t(u64, ALIGN((u64)NVRM_MSG_HDR_SIZE + used, 8),
		     (u64)elems * NVRM_MSGQ_ENTRY_SIZE);
	if (into) {
		buf = into - sizeof(save);
		memcpy(save, buf, sizeof(save));
		memcpy(buf, fw->msg, sizeof(save));
	}
	if (used > sizeof(struct GSP_MSG_QUEUE_ELEMENT)) {
		err = nvsim_shm_rw(gpu, nvsim_entry_off(fw->shm.cmdq, rptr) +
				   sizeof(struct GSP_MSG_QUEUE_ELEMENT),
				   buf + sizeof(struct GSP_MSG_QUEUE_ELEMENT),
				   min_t(u64, used, NVRM_MSGQ_ENTRY_SIZE) -
				   sizeof(struct GSP_MSG_QUEUE_ELEMENT), false);
		if (err)
			goto fatal;
	}
	for (i = 1; i < elems; i++) {
		u64 off = (u64)i * NVRM_MSGQ_ENTRY_SIZE;

		rptr = nvsim_ring_advance(rptr, 1, NVRM_MSGQ_MSG_COUNT);
		if (used <= off)
			continue;
		err = nvsim_shm_rw(gpu, nvsim_entry_off(fw->shm.cmdq, rptr),
				   buf + off,
				   min_t(u64, used - off, NVRM_MSGQ_ENTRY_SIZE), false);
		if (err)
			goto fatal;
	}
	rptr = nvsim_ring_advance(rptr, 1, NVRM_MSGQ_MSG_COUNT);
	if (nvsim_cmdq_commit(gpu, rptr))
		goto fatal;
	nvsim_stat_inc(gpu, NVSIM_S_RX_MSGS);

	why = nvsim_wire_decode(buf, (size_t)elems * NVRM_MSGQ_ENTRY_SIZE, m);
	if (into) {
		/* Keep the header in fw->msg; give the borrowed bytes back. */
		memcpy(fw->msg, buf, sizeof(save));
		memcpy(buf, save, sizeof(save));
		m->rpc = &((struct GSP_MSG_QUEUE_ELEMENT *)fw->msg)->rpc;
	}

	if (why != NVSIM_WIRE_OK) {
		u32 seq = le32_to_cpu(((struct GSP_MSG_QUEUE_ELEMENT *)fw->msg)->seqNum);

		if (seq == fw->rx_seq)
			fw->rx_seq++;
		nvsim_rx_reject(gpu, why, seq);
		return NVSIM_RX_NONE;
	}
	if ((s32)(m->seq - fw->rx_seq) < 0) {
		/* An older message: skip it, as OpenRM's receiver does. */
		nvsim_stat_inc(gpu, NVSIM_S_RX_OLD_SEQ);
		nvsim_logf(gpu, NVSIM_LOGRM, "skipped old seq %u (expected %u)",
			   m->seq, fw->rx_seq);
		return NVSIM_RX_NONE;
	}
	if (m->seq != fw->rx_seq) {
		nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_SEQ);
		pr_warn_ratelimited("nvsim: GPU %u: command seq %u, expected %u\n",
				    gpu->index, m->seq, fw->rx_seq);
		nvsim_os_error(gpu, GSP_ERROR, "nvsim: command seq %u, expected %u",
			       m->seq, fw->rx_seq);
		fw->rx_seq = m->seq + 1;
		return NVSIM_RX_NONE;
	}
	fw->rx_seq++;
	if (!nvsim_rpc_seq_ok(gpu, m))
		return NVSIM_RX_FATAL;
	return NVSIM_RX_MSG;
fatal:
	if (into)
		memcpy(buf, save, sizeof(save));
	return NVSIM_RX_FATAL;
}

/* Expected total payload of a large request, 0 if not derivable. */
static u64 nvsim_large_total(u32 function, const u8 *p, u32 len)
{
	if (function == NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL &&
	    len >= sizeof(struct rpc_gsp_rm_control_v03_00))
		return sizeof(struct rpc_gsp_rm_control_v03_00) +
		       (u64)((const struct rpc_gsp_rm_control_v03_00 *)p)->paramsSize;
	if (function == NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC &&
	    len >= sizeof(struct rpc_gsp_rm_alloc_v03_00))
		return sizeof(struct rpc_gsp_rm_alloc_v03_00) +
		       (u64)((const struct rpc_gsp_rm_alloc_v03_00 *)p)->paramsSize;
	return 0;
}

/*
 * Append continuation records to a full first part. Returns the payload
 * buffer (fw->big, the first part copied in) and its length, or NULL
 * with *len = 0 if the request has to be dropped.
 *
 * For RM_CONTROL and RM_ALLOC the total length follows from paramsSize. For
 * other functions the series ends with the first record that is not full;
 * if the last record was full, a record that does not follow within 50 ms
 * means the payload was an exact multiple of 0xFFB0.
 */
static u8 *nvsim_rx_large(struct nvsim_gpu *gpu, u32 function, u8 *first,
			  u32 first_len, u64 *len, u32 *cap)
{
	u64 total = nvsim_large_total(function, first, first_len);
	unsigned int wait_ms = total ? NVSIM_CONT_WAIT_MS : NVSIM_CONT_GUESS_MS;
	unsigned long deadline = jiffies + msecs_to_jiffies(wait_ms);
	u64 have = first_len, size = NVSIM_RPC_CAP;
	bool too_large = false, last_full = true;
	struct nvsim_wire_msg m;
	u8 *buf;
	u32 next;
	int err;

	/* One buffer for the largest request, kept: no copies on growth. */
	if (!gpu->fw.big)
		gpu->fw.big = kvmalloc(NVSIM_RPC_CAP, GFP_KERNEL);
	buf = gpu->fw.big;
	if (!buf)
		too_large = true;
	else
		memcpy(buf, first, first_len);

	while (total ? have < total : last_full) {
		err = nvsim_rx_peek_function(gpu, &next);
		if (err == -EAGAIN) {
			if (time_after(jiffies, deadline) || !nvsim_rm_alive(gpu))
				break;
			nvsim_wait(gpu, 1);
			continue;
		}
		if (err || next != NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD)
			break;
		/* Straight into place while a whole record still fits. */
		if (nvsim_rx_one(gpu, &m, !too_large &&
				 have + NVSIM_WIRE_MAX_PAYLOAD + 8 <= size ?
				 buf + have : NULL) != NVSIM_RX_MSG) {
			/* A broken record breaks the whole request. */
			too_large = true;
			break;
		}
		deadline = jiffies + msecs_to_jiffies(wait_ms);
		last_full = m.payload_len == NVSIM_WIRE_MAX_PAYLOAD;
		if (too_large || have + m.payload_len > size) {
			too_large = true;
			have += m.payload_len;
			continue;
		}
		if (m.payload != buf + have)
			memcpy(buf + have, m.payload, m.payload_len);
		have += m.payload_len;
	}
	if (too_large) {
		nvsim_stat_inc(gpu, NVSIM_S_RX_TOO_LARGE);
		pr_warn_ratelimited("nvsim: GPU %u: large request (%llu bytes) dropped\n",
				    gpu->index, have);
		nvsim_os_error(gpu, GSP_ERROR, "nvsim: request function %u of %llu bytes dropped",
			       function, have);
		*len = 0;
		return NULL;
	}
	*len = have;
	*cap = size;
	return buf;
}

/* ---- dispatch ---- */

/*
 * The reply to @req: same function; rpc.sequence echoed only by the echo
 * personality (whether GSP-RM echoes it is not in any public source: an
 * assumption, docs/nvsim.md); header-only under terse where OGKM reads
 * nothing but the header.
 */
static void nvsim_reply(struct nvsim_gpu *gpu,
			const struct rpc_message_header_v03_00 *req,
			u32 result, const u8 *payload, u64 len)
{
	struct rpc_message_header_v03_00 hdr = *req;
	u32 delay = nvsim_delay_reply_ms(gpu);
	enum nvsim_personality pers = nvsim_pers(gpu);

	hdr.rpc_result = result;
	hdr.rpc_result_private = result;
	if (pers != NVSIM_PERS_ECHO)
		hdr.sequence = 0;
	if (pers == NVSIM_PERS_TERSE &&
	    (result != NV_OK || hdr.function == NV_VGPU_MSG_FUNCTION_FREE ||
	     hdr.function == NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER))
		len = 0;
	if (delay) {
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		nvsim_sleep_ms(gpu, delay);
	}
	if (nvsim_fault_take(gpu, NVSIM_F_DROP_REPLY)) {
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: drop_reply function %u",
			   hdr.function);
		return;
	}
	if (!nvsim_send(gpu, &hdr, payload, len, true))
		nvsim_stat_inc(gpu, NVSIM_S_REPLIES);
}

/* Returns false if GSP-RM must stop (after UNLOADING_GUEST_DRIVER). */
static bool nvsim_handle(struct nvsim_gpu *gpu, struct nvsim_wire_msg *m)
{
	struct rpc_message_header_v03_00 req = *m->rpc;
	u32 function = m->function, result, reply_len = 0, cap;
	u8 *payload = (u8 *)m->payload, *big = NULL;
	u64 len = m->payload_len;
	bool reply = true, go_on = true;

	if (function == NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD) {
		nvsim_stat_inc(gpu, NVSIM_S_RX_STRAY_CONT);
		nvsim_os_error(gpu, GSP_ERROR, "nvsim: continuation record without a request");
		return true;
	}
	/* The payload lives in fw->msg; space after it is free up to 64 KiB. */
	cap = NVRM_MSG_MAX_SIZE - sizeof(struct GSP_MSG_QUEUE_ELEMENT);
	if (len == NVSIM_WIRE_MAX_PAYLOAD) {
		big = nvsim_rx_large(gpu, function, payload, (u32)len, &len, &cap);
		if (!big)
			return true;
		payload = big;
	}

	switch (function) {
	case NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO:
		reply = false;
		result = nvsim_rpc_sysinfo(gpu, payload, len);
		gpu->fw.have_sysinfo = true;
		break;
	case NV_VGPU_MSG_FUNCTION_SET_REGISTRY:
		reply = false;
		result = nvsim_rpc_registry(gpu, payload, len);
		gpu->fw.have_registry = true;
		break;
	case NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER:
		result = len >= sizeof(struct rpc_unloading_guest_driver_v1F_07) ?
			 NV_OK : NV_ERR_INVALID_PARAM_STRUCT;
		reply_len = len;
		go_on = result != NV_OK;
		break;
	default:
		result = nvsim_rpc_dispatch(gpu, function, payload, len, cap,
					    &reply_len, &reply);
		break;
	}
	if (result != NV_OK)
		nvsim_stat_inc(gpu, NVSIM_S_RPC_ERRORS);
	nvsim_logf(gpu, NVSIM_LOGRM, "rpc %u seq %u len %llu -> %#x%s", function,
		   m->seq, len, result, reply ? "" : " (no reply)");
	if (reply)
		nvsim_reply(gpu, &req, result, payload, reply_len);
	if (!go_on) {
		const struct rpc_unloading_guest_driver_v1F_07 *u = (void *)payload;

		nvsim_logf(gpu, NVSIM_LOGINIT, "unloading (level %u, PM %u): halting",
			   u->newLevel, u->bInPMTransition);
	}
	return go_on;
}

/* Process everything in the command queue. Returns false to stop GSP-RM. */
static bool nvsim_serve_queue(struct nvsim_gpu *gpu, bool *fatal)
{
	struct nvsim_wire_msg m;

	*fatal = false;
	while (nvsim_rm_alive(gpu) && !nvsim_hung(gpu) &&
	       !atomic_read(&gpu->crash_req)) {
		switch (nvsim_rx_one(gpu, &m, NULL)) {
		case NVSIM_RX_NONE:
			return true;
		case NVSIM_RX_FATAL:
			*fatal = true;
			return false;
		case NVSIM_RX_MSG:
			if (!nvsim_handle(gpu, &m))
				return false;
			break;
		}
		if (gpu->fw.assert_code) {
			*fatal = true;
			return false;
		}
	}
	return true;
}

/* ---- boot ---- */

static u64 nvsim_fnv1a(u64 h, const u8 *p, size_t n)
{
	while (n--) {
		h ^= *p++;
		h *= NVSIM_FNV_PRIME;
	}
	return h;
}

static int nvsim_read_page_table(struct nvsim_gpu *gpu, u64 pa, u64 *out)
{
	unsigned int i;

	if (pa & (NVRM_GSP_PAGE_SIZE - 1))
		return -EINVAL;
	if (nvsim_dma_read(gpu, pa, out, NVRM_GSP_PAGE_SIZE))
		return -EFAULT;
	for (i = 0; i < NVSIM_R3_ENTRIES; i++)
		out[i] = le64_to_cpu(out[i]);
	return 0;
}

/* Walk radix3 and verify the image bytes. */
static int nvsim_booter_image(struct nvsim_gpu *gpu, const struct GspFwWprMeta *w)
{
	u64 size = w->sizeOfRadix3Elf, npages, done = 0, hash = NVSIM_FNV_BASIS;
	u64 *l1 = NULL, *l2 = NULL;
	struct nvsim_img_hdr hdr = {};
	u32 i, j, nl2;
	u8 *page;
	int ret = NVSIM_BOOTER_E_RADIX3;

	if (size < NVSIM_IMG_HDR_SIZE || size > NVSIM_IMAGE_MAX)
		return NVSIM_BOOTER_E_IMAGE_HDR;
	npages = DIV_ROUND_UP(size, NVRM_GSP_PAGE_SIZE);
	nl2 = DIV_ROUND_UP(npages, NVSIM_R3_ENTRIES);
	l1 = kmalloc(NVRM_GSP_PAGE_SIZE, GFP_KERNEL);
	l2 = kmalloc(NVRM_GSP_PAGE_SIZE, GFP_KERNEL);
	page = kmalloc(NVRM_GSP_PAGE_SIZE, GFP_KERNEL);
	if (!l1 || !l2 || !page)
		goto out;
	/* Level 0: its first entry is the level-1 page. */
	if (nvsim_read_page_table(gpu, w->sysmemAddrOfRadix3Elf, l1) ||
	    nvsim_read_page_table(gpu, l1[0], l1))
		goto out;
	for (i = 0; i < nl2; i++) {
		if (nvsim_read_page_table(gpu, l1[i], l2))
			goto out;
		for (j = 0; j < NVSIM_R3_ENTRIES && done < size; j++) {
			u32 n = min_t(u64, size - done, NVRM_GSP_PAGE_SIZE);
			u32 skip = 0;

			if ((l2[j] & (NVRM_GSP_PAGE_SIZE - 1)) ||
			    nvsim_dma_read(gpu, l2[j], page, n))
				goto out;
			if (!done) {
				memcpy(&hdr, page, sizeof(hdr));
				ret = NVSIM_BOOTER_E_IMAGE_HDR;
				if (memcmp(hdr.magic, NVSIM_IMG_MAGIC, 8) ||
				    le32_to_cpu(hdr.hdr_size) != NVSIM_IMG_HDR_SIZE ||
				    le32_to_cpu(hdr.hdr_ver) != NVSIM_IMG_HDR_VER ||
				    le64_to_cpu(hdr.image_size) != size ||
				    strncmp(hdr.chip, gpu->chip->name, sizeof(hdr.chip)))
					goto out;
				ret = NVSIM_BOOTER_E_RADIX3;
				skip = NVSIM_IMG_HDR_SIZE;
			}
			hash = nvsim_fnv1a(hash, page + skip, n - skip);
			done += n;
			cond_resched();
		}
	}
	ret = hash == le64_to_cpu(hdr.fnv1a64) ? 0 : NVSIM_BOOTER_E_IMAGE_CSUM;
out:
	kfree(page);
	kfree(l2);
	kfree(l1);
	return ret;
}

/* Read a contiguous buffer in pages to prove it is all there. */
static int nvsim_readable(struct nvsim_gpu *gpu, u64 pa, u64 size)
{
	u8 *page = kmalloc(NVRM_GSP_PAGE_SIZE, GFP_KERNEL);
	int ret = 0;

	if (!page)
		return -ENOMEM;
	while (size && !ret) {
		u32 n = min_t(u64, size, NVRM_GSP_PAGE_SIZE - (pa & 0xfff));

		ret = nvsim_dma_read(gpu, pa, page, n);
		pa += n;
		size -= n;
	}
	kfree(page);
	return ret;
}

static int nvsim_booter_layout(struct nvsim_gpu *gpu, const struct GspFwWprMeta *w)
{
	const u64 fb = w->fbSize;
	u64 heap_min = (gpu->chip->libos3 ?
			GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS3_BAREMETAL_MIN_MB :
			GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS2_MIN_MB) << 20;
	u64 heap_max = 1040ULL << 20;

	if (w->magic != GSP_FW_WPR_META_MAGIC)
		return NVSIM_BOOTER_E_MAGIC;
	if (w->revision != GSP_FW_WPR_META_REVISION)
		return NVSIM_BOOTER_E_REVISION;
	if (!w->sizeOfRadix3Elf || !w->sizeOfBootloader || !w->sizeOfSignature ||
	    !w->frtsSize || !w->gspFwHeapSize || !w->nonWprHeapSize)
		return NVSIM_BOOTER_E_SIZES;
	if (fb != gpu->chip->vram_size)
		return NVSIM_BOOTER_E_FBSIZE;
	/* Every offset and size is below fb (<= 48 GiB), so sums cannot wrap. */
	if (w->nonWprHeapOffset > fb || w->nonWprHeapSize > fb ||
	    w->gspFwWprStart > fb || w->gspFwHeapOffset > fb ||
	    w->gspFwHeapSize > fb || w->gspFwOffset > fb ||
	    w->sizeOfRadix3Elf > fb || w->bootBinOffset > fb ||
	    w->sizeOfBootloader > fb || w->frtsOffset > fb ||
	    w->frtsSize > fb || w->gspFwWprEnd > fb ||
	    w->vgaWorkspaceOffset > fb || w->vgaWorkspaceSize > fb)
		return NVSIM_BOOTER_E_LAYOUT;
	if (w->gspFwRsvdStart != w->nonWprHeapOffset ||
	    w->nonWprHeapOffset + w->nonWprHeapSize > w->gspFwWprStart ||
	    w->gspFwWprStart >= w->gspFwHeapOffset ||
	    w->gspFwHeapOffset + w->gspFwHeapSize > w->gspFwOffset ||
	    w->gspFwOffset + w->sizeOfRadix3Elf > w->bootBinOffset ||
	    w->bootBinOffset + w->sizeOfBootloader > w->frtsOffset ||
	    w->frtsOffset + w->frtsSize > w->gspFwWprEnd ||
	    w->gspFwWprEnd > w->vgaWorkspaceOffset ||
	    w->vgaWorkspaceOffset + w->vgaWorkspaceSize > fb)
		return NVSIM_BOOTER_E_LAYOUT;
	if (!IS_ALIGNED(w->nonWprHeapOffset, SZ_1M) ||
	    !IS_ALIGNED(w->gspFwWprStart, SZ_1M) ||
	    !IS_ALIGNED(w->gspFwHeapOffset, SZ_1M) ||
	    !IS_ALIGNED(w->gspFwOffset, SZ_64K) ||
	    !IS_ALIGNED(w->bootBinOffset, SZ_4K) ||
	    !IS_ALIGNED(w->frtsOffset, SZ_4K) ||
	    !IS_ALIGNED(w->gspFwWprEnd, SZ_4K) ||
	    !IS_ALIGNED(w->vgaWorkspaceOffset, SZ_4K))
		return NVSIM_BOOTER_E_ALIGN;
	if (w->gspFwHeapSize < heap_min || w->gspFwHeapSize > heap_max)
		return NVSIM_BOOTER_E_HEAP;
	return 0;
}

static int nvsim_booter_check(struct nvsim_gpu *gpu, u64 meta_pa,
			      struct GspFwWprMeta *w)
{
	int ret;

	if (nvsim_dma_read(gpu, meta_pa, w, sizeof(*w)))
		return NVSIM_BOOTER_E_META_READ;
	ret = nvsim_booter_layout(gpu, w);
	if (ret)
		return ret;
	ret = nvsim_booter_image(gpu, w);
	if (ret)
		return ret;
	if (w->sizeOfSignature > NVSIM_SIG_MAX ||
	    nvsim_readable(gpu, w->sysmemAddrOfSignature, w->sizeOfSignature))
		return NVSIM_BOOTER_E_SIGNATURE;
	if (w->sizeOfBootloader > NVSIM_BL_MAX ||
	    w->bootloaderCodeOffset >= w->sizeOfBootloader ||
	    w->bootloaderDataOffset >= w->sizeOfBootloader ||
	    w->bootloaderManifestOffset >= w->sizeOfBootloader ||
	    nvsim_readable(gpu, w->sysmemAddrOfBootloader, w->sizeOfBootloader))
		return NVSIM_BOOTER_E_BOOTLOADER;
	return 0;
}

/* SEC2 is done: report @code in MAILBOX0 and halt. */
static void nvsim_sec2_finish(struct nvsim_gpu *gpu, u32 code)
{
	struct nvsim_falcon *f = &gpu->regs.sec2;
	unsigned long flags;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	f->mailbox0 = code;
	f->halted = true;
	f->irqstat |= NVRM_FALCON_IRQ_HALT;
	gpu->regs.sec2_start = false;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
}

static void nvsim_booter_unload(struct nvsim_gpu *gpu)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.wpr2_lo = 0;
	gpu->regs.wpr2_hi = 0;
	gpu->regs.bsi_scratch14 &=
		~NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	/* A hung GSP-RM instance does not outlive its teardown. */
	spin_lock(&gpu->fault_lock);
	gpu->faults.hang = 0;
	spin_unlock(&gpu->fault_lock);
	nvsim_sec2_finish(gpu, 0);
	pr_info("nvsim: GPU %u: unload booter: WPR2 cleared\n", gpu->index);
}

/* Returns true if GSP-RM was started. */
static bool nvsim_booter_load(struct nvsim_gpu *gpu, u64 meta_pa)
{
	struct GspFwWprMeta *w = &gpu->fw.wpr;
	unsigned long flags;
	bool wpr2_set;
	int code, fault;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	wpr2_set = gpu->regs.wpr2_hi;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);

	fault = nvsim_take_boot_fault(gpu);
	if (fault == NVSIM_BOOT_FAULT_SEQ_POLL_FOREVER ||
	    fault == NVSIM_BOOT_FAULT_SEQ_DELAY_FOREVER) {
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		gpu->fw.seq_poll_forever = fault == NVSIM_BOOT_FAULT_SEQ_POLL_FOREVER;
		gpu->fw.seq_delay_forever = fault == NVSIM_BOOT_FAULT_SEQ_DELAY_FOREVER;
	}
	switch (fault) {
	case NVSIM_BOOT_FAULT_HANG:
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		pr_info("nvsim: GPU %u: boot_fault=hang: the booter never halts\n",
			gpu->index);
		spin_lock_irqsave(&gpu->reg_lock, flags);
		gpu->regs.sec2_start = false;
		spin_unlock_irqrestore(&gpu->reg_lock, flags);
		return false;
	case NVSIM_BOOT_FAULT_BAD_BOOTER:
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		code = NVSIM_BOOTER_E_INJECTED;
		break;
	case NVSIM_BOOT_FAULT_NO_INIT_DONE:
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		gpu->fw.no_init_done = true;
		fallthrough;
	default:
		code = wpr2_set ? NVSIM_BOOTER_E_WPR2_SET :
		       nvsim_booter_check(gpu, meta_pa, w);
		break;
	}
	if (code) {
		nvsim_stat_inc(gpu, NVSIM_S_BOOT_FAILURES);
		pr_warn_ratelimited("nvsim: GPU %u: booter failed with code %d\n",
				    gpu->index, code);
		gpu->fw.no_init_done = false;
		gpu->fw.seq_poll_forever = false;
		gpu->fw.seq_delay_forever = false;
		nvsim_sec2_finish(gpu, code);
		return false;
	}
	/* Like the real booter, mark the metadata verified (best effort). */
	nvsim_dma_write(gpu, meta_pa + offsetof(struct GspFwWprMeta, verified),
			&(u64){ cpu_to_le64(GSP_FW_WPR_META_VERIFIED) }, sizeof(u64));

	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.wpr2_lo = (u32)(w->gspFwWprStart >> NVRM_WPR2_ADDR_SHIFT) << 4;
	gpu->regs.wpr2_hi = (u32)(w->gspFwWprEnd >> NVRM_WPR2_ADDR_SHIFT) << 4;
	gpu->regs.bsi_scratch14 |=
		NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK;
	gpu->regs.rm_running = true;
	gpu->regs.gsp_killed = false;
	gpu->regs.riscv_active = true;
	gpu->regs.gsp.halted = false;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	nvsim_sec2_finish(gpu, 0);
	return true;
}

static const u64 nvsim_libos_ids[NVSIM_NR_LOGS + 1] = {
	[NVSIM_LOGINIT] = 0x4c4f47494e4954ull,	/* "LOGINIT" */
	[NVSIM_LOGINTR] = 0x4c4f47494e5452ull,	/* "LOGINTR" */
	[NVSIM_LOGRM] = 0x4c4f47524dull,	/* "LOGRM" */
	[NVSIM_NR_LOGS] = 0x524d41524753ull,	/* "RMARGS" */
};

/* LIBOS array and log buffers; returns the RMARGS region. */
static int nvsim_rm_libos(struct nvsim_gpu *gpu, u64 *rmargs_pa,
			  u64 *rmargs_size)
{
	struct LibosMemoryRegionInitArgument *a;
	u64 pa, found[NVSIM_NR_LOGS + 1][2] = {};
	unsigned long flags;
	unsigned int i, k;
	int ret = -EINVAL;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	pa = (u64)gpu->regs.gsp.mailbox1 << 32 | gpu->regs.gsp.mailbox0;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	gpu->fw.libos_pa = pa;
	if (pa & (NVRM_GSP_PAGE_SIZE - 1))
		return -EINVAL;
	a = kmalloc(NVRM_GSP_PAGE_SIZE, GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	if (nvsim_dma_read(gpu, pa, a, NVRM_GSP_PAGE_SIZE))
		goto out;
	for (i = 0; i < NVSIM_LIBOS_MAX && a[i].id8; i++) {
		for (k = 0; k <= NVSIM_NR_LOGS; k++)
			if (le64_to_cpu(a[i].id8) == nvsim_libos_ids[k])
				break;
		if (k > NVSIM_NR_LOGS)
			continue;	/* not ours (e.g. a vGPU region) */
		if (found[k][1] || a[i].kind != LIBOS_MEMORY_REGION_CONTIGUOUS ||
		    a[i].loc != LIBOS_MEMORY_REGION_LOC_SYSMEM || !a[i].size ||
		    (le64_to_cpu(a[i].pa) & (NVRM_GSP_PAGE_SIZE - 1)))
			goto out;
		found[k][0] = le64_to_cpu(a[i].pa);
		found[k][1] = le64_to_cpu(a[i].size);
	}
	for (k = 0; k <= NVSIM_NR_LOGS; k++)
		if (!found[k][1])
			goto out;
	for (k = 0; k < NVSIM_NR_LOGS; k++) {
		ret = nvsim_log_setup(gpu, &gpu->fw.logs[k], found[k][0],
				      found[k][1]);
		if (ret) {
			ret = -ENOSPC;
			goto out;
		}
	}
	*rmargs_pa = found[NVSIM_NR_LOGS][0];
	*rmargs_size = found[NVSIM_NR_LOGS][1];
	ret = 0;
out:
	kfree(a);
	return ret;
}

static int nvsim_rm_shm(struct nvsim_gpu *gpu, u64 rmargs_pa, u64 rmargs_size)
{
	struct MESSAGE_QUEUE_INIT_ARGUMENTS *q;
	struct GSP_ARGUMENTS_CACHED args;
	struct nvsim_shm *shm = &gpu->fw.shm;
	u64 pt_bytes, region;
	u32 n, i;

	if (rmargs_size < sizeof(args) || rmargs_size > NVRM_GSP_PAGE_SIZE ||
	    nvsim_dma_read(gpu, rmargs_pa, &args, sizeof(args))) {
		nvsim_logf(gpu, NVSIM_LOGINIT, "RMARGS unreadable (size %llu)",
			   rmargs_size);
		return NVSIM_RM_E_RMARGS;
	}
	q = &args.messageQueueInitArguments;
	n = q->pageTableEntryCount;
	pt_bytes = ALIGN((u64)n * sizeof(u64), NVRM_GSP_PAGE_SIZE);
	region = (u64)n * NVRM_GSP_PAGE_SIZE;
	if ((q->sharedMemPhysAddr & (NVRM_GSP_PAGE_SIZE - 1)) ||
	    n < NVRM_SHM_PTE_COUNT || n > NVSIM_SHM_MAX_PAGES ||
	    (q->cmdQueueOffset | q->statQueueOffset) & (NVRM_GSP_PAGE_SIZE - 1) ||
	    q->cmdQueueOffset < pt_bytes || q->statQueueOffset < pt_bytes ||
	    q->cmdQueueOffset > region - NVRM_MSGQ_QUEUE_SIZE ||
	    q->statQueueOffset > region - NVRM_MSGQ_QUEUE_SIZE ||
	    (q->cmdQueueOffset < q->statQueueOffset + NVRM_MSGQ_QUEUE_SIZE &&
	     q->statQueueOffset < q->cmdQueueOffset + NVRM_MSGQ_QUEUE_SIZE)) {
		nvsim_logf(gpu, NVSIM_LOGINIT,
			   "RMARGS: bad queue layout (pages %u cmdq %#llx statq %#llx)",
			   n, q->cmdQueueOffset, q->statQueueOffset);
		return NVSIM_RM_E_RMARGS;
	}
	if (q->locklessCmdQueueOffset || q->locklessStatQueueOffset)
		nvsim_logf(gpu, NVSIM_LOGINIT, "RMARGS: task-ISR queues ignored");
	if (args.srInitArguments.bInPMTransition)
		nvsim_logf(gpu, NVSIM_LOGINIT,
			   "resume from level %u: treated as a cold boot",
			   args.srInitArguments.oldLevel);

	shm->pte = kvmalloc_array(n, sizeof(u64), GFP_KERNEL);
	if (!shm->pte)
		return NVSIM_RM_E_SHM;
	if (nvsim_dma_read(gpu, q->sharedMemPhysAddr, shm->pte, n * sizeof(u64)))
		goto bad;
	for (i = 0; i < n; i++) {
		shm->pte[i] = le64_to_cpu(shm->pte[i]);
		if (!shm->pte[i] || (shm->pte[i] & (NVRM_GSP_PAGE_SIZE - 1)))
			goto bad;
	}
	if (shm->pte[0] != q->sharedMemPhysAddr)
		goto bad;
	shm->npages = n;
	shm->cmdq = q->cmdQueueOffset;
	shm->statq = q->statQueueOffset;
	return 0;
bad:
	nvsim_logf(gpu, NVSIM_LOGINIT, "shared-memory page table invalid");
	kvfree(shm->pte);
	shm->pte = NULL;
	return NVSIM_RM_E_SHM;
}

static int nvsim_rm_queues(struct nvsim_gpu *gpu)
{
	struct nvsim_fw *fw = &gpu->fw;
	struct msgqTxHeader h;

	if (nvsim_shm_rw(gpu, fw->shm.cmdq, &h, sizeof(h), false) ||
	    !nvsim_wire_txhdr_valid(&h)) {
		nvsim_logf(gpu, NVSIM_LOGINIT,
			   "command queue header invalid (ver %u size %#x msg %#x count %u flags %#x)",
			   h.version, h.size, h.msgSize, h.msgCount, h.flags);
		return NVSIM_RM_E_CMDQ;
	}
	fw->rx_seq = 0;
	fw->tx_seq = 0;
	fw->rpc_seq = 0;
	fw->assert_code = 0;
	fw->cmdq_rptr = 0;
	fw->statq_wptr = 0;
	nvsim_wire_txhdr_init(&h);
	if (nvsim_shm_rw(gpu, fw->shm.statq, &h, sizeof(h), true) ||
	    nvsim_shm_wr32(gpu, fw->shm.statq + NVRM_MSGQ_RXHDR_OFF, 0))
		return NVSIM_RM_E_CMDQ;
	wmb();	/* header before anything else GSP-RM does */
	return 0;
}

/* Serve the queue until SYSTEM_INFO and REGISTRY have been consumed. */
static int nvsim_rm_wait_sysinfo(struct nvsim_gpu *gpu)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(NVSIM_INIT_WAIT_MS);
	struct nvsim_fw *fw = &gpu->fw;
	bool fatal;

	while (!fw->have_sysinfo || !fw->have_registry) {
		if (!nvsim_serve_queue(gpu, &fatal) || fatal)
			return -EIO;
		if (fw->have_sysinfo && fw->have_registry)
			break;
		if (time_after(jiffies, deadline) || !nvsim_rm_alive(gpu))
			return -ETIMEDOUT;
		nvsim_wait(gpu, msecs_to_jiffies(10));
	}
	return 0;
}

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

static int nvsim_rm_sequencer(struct nvsim_gpu *gpu)
{
	enum { HDW = sizeof(struct rpc_run_cpu_sequencer_v17_00) / 4 };
	const u32 riscv = gpu->chip->libos3 ? NVRM_GSP_RISCV_CPUCTL :
			  NVRM_GSP_RISCV_CORE_SWITCH_RISCV_STATUS;
	const u32 active = gpu->chip->libos3 ?
			   NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK :
			   NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK;
	struct rpc_run_cpu_sequencer_v17_00 *hdr;
	unsigned long deadline, flags;
	struct nvsim_seq_obs obs;
	u32 *p, *cmd, n = 0, i;
	const char *bad;
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
			nvsim_seq_put(cmd, &n, GSP_SEQ_BUF_OPCODE_REG_POLL,
				      NV_PMC_BOOT_0, ~0u, ~gpu->chip->boot0,
				      0xffffffff, 0x5e1, 5);
	}
	if (gpu->fw.seq_delay_forever) {
		gpu->fw.seq_delay_forever = false;
		nvsim_logf(gpu, NVSIM_LOGINIT, "boot_fault=seq_delay_forever");
		for (i = 0; i < NVSIM_SEQ_FOREVER_DELAYS; i++)
			nvsim_seq_put(cmd, &n, GSP_SEQ_BUF_OPCODE_DELAY_US,
				      1000000, 0, 0, 0, 0, 1);
	}
	nvsim_seq_put(cmd, &n, GSP_SEQ_BUF_OPCODE_REG_STORE,
		      NV_PGSP_FALCON_MAILBOX0, 0, 0, 0, 0, 2);
	nvsim_seq_put(cmd, &n, GSP_SEQ_BUF_OPCODE_REG_STORE,
		      NV_PGSP_FALCON_MAILBOX1, 1, 0, 0, 0, 2);
	nvsim_seq_put(cmd, &n, GSP_SEQ_BUF_OPCODE_CORE_WAIT_FOR_HALT, 0, 0, 0, 0, 0, 0);
	nvsim_seq_put(cmd, &n, GSP_SEQ_BUF_OPCODE_REG_POLL, riscv, active, 0,
		      2000000, 0x5e0, 5);
	nvsim_seq_put(cmd, &n, GSP_SEQ_BUF_OPCODE_CORE_RESUME, 0, 0, 0, 0, 0, 0);
	hdr->bufferSizeDWord = NVSIM_SEQ_BUF_DW;
	hdr->cmdIndex = n;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	memset(&gpu->regs.obs, 0, sizeof(gpu->regs.obs));
	gpu->regs.obs.libos_pa = gpu->fw.libos_pa;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);

	nvsim_logf(gpu, NVSIM_LOGINIT, "sending CPU sequencer (%u dwords)", n);
	ret = nvsim_send_event(gpu, NV_VGPU_MSG_EVENT_GSP_RUN_CPU_SEQUENCER, p,
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
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	nvsim_gsp_irq_set(gpu, NVRM_FALCON_IRQ_HALT);

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

/* Everything between the booter and GSP_INIT_DONE. */
static int nvsim_rm_boot(struct nvsim_gpu *gpu, u32 *code)
{
	bool skip_init_done = gpu->fw.no_init_done;
	struct rpc_init_done_v17_00 done = {};
	u64 rmargs_pa, rmargs_size;
	int ret;

	gpu->fw.no_init_done = false;
	WRITE_ONCE(gpu->fw.init_done, false);
	ret = nvsim_rm_libos(gpu, &rmargs_pa, &rmargs_size);
	if (ret) {
		*code = ret == -ENOSPC ? NVSIM_RM_E_LOGS : NVSIM_RM_E_LIBOS;
		return ret;
	}
	nvsim_logf(gpu, NVSIM_LOGINIT, "nvsim GSP-RM 535.113.01 (%s) starting",
		   gpu->chip->name);
	ret = nvsim_rm_shm(gpu, rmargs_pa, rmargs_size);
	if (!ret)
		ret = nvsim_rm_queues(gpu);
	if (ret) {
		*code = ret;
		return -EINVAL;
	}
	nvsim_logf(gpu, NVSIM_LOGINIT, "queues up: %u shared pages", gpu->fw.shm.npages);
	nvsim_rm_init(gpu);

	*code = NVSIM_RM_E_INIT;
	ret = nvsim_rm_wait_sysinfo(gpu);
	if (ret) {
		nvsim_logf(gpu, NVSIM_LOGINIT, "no GSP_SET_SYSTEM_INFO/SET_REGISTRY (%d)",
			   ret);
		nvsim_os_error(gpu, GSP_ERROR, "nvsim: GSP_SET_SYSTEM_INFO and SET_REGISTRY not received");
		return ret;
	}
	*code = NVSIM_RM_E_SEQ;
	ret = nvsim_rm_sequencer(gpu);
	if (ret)
		return ret;
	if (skip_init_done) {
		nvsim_logf(gpu, NVSIM_LOGINIT, "boot_fault=no_init_done: not sending GSP_INIT_DONE");
		return 0;
	}
	ret = nvsim_send_event(gpu, NV_VGPU_MSG_EVENT_GSP_INIT_DONE, &done,
			       sizeof(done), true);
	if (ret)
		return ret;
	WRITE_ONCE(gpu->fw.init_done, true);
	nvsim_logf(gpu, NVSIM_LOGINIT, "GSP_INIT_DONE sent");
	return 0;
}

static void nvsim_rm_crash(struct nvsim_gpu *gpu)
{
	struct rpc_os_error_log_v17_00 e = { .exceptType = GSP_ERROR };

	nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
	strscpy(e.errString, "GSP crash injected", sizeof(e.errString));
	nvsim_logf(gpu, NVSIM_LOGRM, "crash injected");
	nvsim_send_event(gpu, NV_VGPU_MSG_EVENT_OS_ERROR_LOG, &e, sizeof(e), false);
	nvsim_rm_halt(gpu, NVSIM_HALT_ERROR, NVSIM_RM_E_CRASH);
}

static bool nvsim_sec2_pending(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool v;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	v = gpu->regs.sec2_start;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return v;
}

/**
 * nvsim_lockdown_request() - ask GSP-RM for a lockdown
 * @gpu: the GPU
 * @ms: how long it lasts, 1..10000
 *
 * Return: 0, -EINVAL for a bad length, -ENODEV if GSP-RM does not run,
 * -EBUSY if a lockdown is already pending.
 */
int nvsim_lockdown_request(struct nvsim_gpu *gpu, u32 ms)
{
	if (!ms || ms > 10000)
		return -EINVAL;
	if (!nvsim_rm_accepts_events(gpu))
		return -ENODEV;
	if (atomic_cmpxchg(&gpu->lockdown_req, 0, ms))
		return -EBUSY;
	nvsim_kick(gpu);
	return 0;
}

/* Has the driver consumed the status queue up to @wptr? */
static bool nvsim_statq_consumed(struct nvsim_gpu *gpu, u32 wptr)
{
	u32 rptr;

	if (nvsim_shm_rd32(gpu, gpu->fw.shm.cmdq + NVRM_MSGQ_RXHDR_OFF, &rptr))
		return false;
	return rptr == wptr;
}

static int nvsim_lockdown_notice(struct nvsim_gpu *gpu, bool on)
{
	struct rpc_gsp_lockdown_notice_v17_00 n = { .bLockdownEngaging = on };

	return nvsim_send_event(gpu, NV_VGPU_MSG_EVENT_GSP_LOCKDOWN_NOTICE, &n,
				sizeof(n), true);
}

/*
 * A lockdown (OGKM kernel_gsp.c _kgspRpcGspLockdownNotice): GSP-RM says so
 * with GSP_LOCKDOWN_NOTICE, serves nothing for @ms, then says it is over.
 * From the moment the driver has consumed the notice (its status-queue read
 * pointer passed it) until the end, GSP interrupt-register accesses are
 * violations (sim/regs.c). Once enforced, the falcon's interrupt message is
 * sent once more (a late interrupt the driver must not answer by touching
 * the falcon).
 */
static void nvsim_rm_lockdown(struct nvsim_gpu *gpu, u32 ms)
{
	unsigned long flags, deadline;
	bool consumed = false;

	if (nvsim_lockdown_notice(gpu, true))
		return;
	nvsim_stat_inc(gpu, NVSIM_S_LOCKDOWNS);
	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.lockdown = true;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	nvsim_logf(gpu, NVSIM_LOGRM, "lockdown engaged for %u ms", ms);

	deadline = jiffies + msecs_to_jiffies(ms);
	while (!time_after(jiffies, deadline) && nvsim_rm_alive(gpu) &&
	       !atomic_read(&gpu->crash_req)) {
		if (!consumed && nvsim_statq_consumed(gpu, gpu->fw.statq_wptr)) {
			consumed = true;
			spin_lock_irqsave(&gpu->reg_lock, flags);
			gpu->regs.lockdown_enforced = true;
			spin_unlock_irqrestore(&gpu->reg_lock, flags);
			nvsim_gsp_vector_raise(gpu);
		}
		nvsim_sleep_ms(gpu, 1);
	}
	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.lockdown = false;
	gpu->regs.lockdown_enforced = false;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	nvsim_logf(gpu, NVSIM_LOGRM, "lockdown over (%s)",
		   consumed ? "notice consumed" : "notice not consumed in time");
	nvsim_lockdown_notice(gpu, false);
}

/* GSP-RM from start to halt. */
static void nvsim_rm_run(struct nvsim_gpu *gpu)
{
	u32 code = 0, lockdown_ms;
	bool fatal;
	int ret;

	nvsim_stat_inc(gpu, NVSIM_S_BOOTS);
	ret = nvsim_rm_boot(gpu, &code);
	if (ret) {
		nvsim_stat_inc(gpu, NVSIM_S_BOOT_FAILURES);
		pr_warn_ratelimited("nvsim: GPU %u: GSP-RM boot failed (%d, code %#x)\n",
				    gpu->index, ret, code);
		nvsim_rm_halt(gpu, nvsim_rm_alive(gpu) ? NVSIM_HALT_ERROR :
			      NVSIM_HALT_KILLED, code);
		return;
	}
	for (;;) {
		if (!nvsim_rm_alive(gpu) || nvsim_sec2_pending(gpu)) {
			nvsim_logf(gpu, NVSIM_LOGINIT, "GSP-RM stopped by the host");
			nvsim_rm_halt(gpu, NVSIM_HALT_KILLED, 0);
			return;
		}
		if (atomic_xchg(&gpu->crash_req, 0)) {
			nvsim_rm_crash(gpu);
			return;
		}
		lockdown_ms = atomic_xchg(&gpu->lockdown_req, 0);
		if (lockdown_ms)
			nvsim_rm_lockdown(gpu, lockdown_ms);
		if (nvsim_send_posted(gpu))
			nvsim_kick(gpu);	/* more events: do not sleep */
		if (!nvsim_hung(gpu)) {
			if (!nvsim_serve_queue(gpu, &fatal)) {
				code = gpu->fw.assert_code;
				nvsim_rm_halt(gpu, code ? NVSIM_HALT_ERROR :
					      fatal ? NVSIM_HALT_KILLED :
					      NVSIM_HALT_CLEAN, code);
				return;
			}
		}
		nvsim_wait(gpu, NVSIM_IDLE_POLL);
	}
}

static void nvsim_power_on(struct nvsim_gpu *gpu)
{
	unsigned long flags;

	nvsim_rm_release(gpu);
	spin_lock_irqsave(&gpu->reg_lock, flags);
	nvsim_reg_init(gpu);
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	atomic_set(&gpu->crash_req, 0);
	atomic_set(&gpu->lockdown_req, 0);
	memset(&gpu->fw.wpr, 0, sizeof(gpu->fw.wpr));
	WRITE_ONCE(gpu->fw.init_done, false);
	pr_info("nvsim: GPU %u: reset to power-on state\n", gpu->index);
}

static int nvsim_gsp_thread(void *arg)
{
	struct nvsim_gpu *gpu = arg;
	unsigned long flags;
	u32 mb0, mb1;

	while (!kthread_should_stop()) {
		nvsim_wait(gpu, NVSIM_IDLE_POLL);
		if (atomic_read(&gpu->reset_req)) {
			nvsim_power_on(gpu);
			atomic_set(&gpu->reset_req, 0);
			complete(&gpu->reset_done);
			continue;
		}
		if (atomic_xchg(&gpu->crash_req, 0))
			pr_info("nvsim: GPU %u: crash ignored, GSP-RM is not running\n",
				gpu->index);
		spin_lock_irqsave(&gpu->reg_lock, flags);
		mb0 = gpu->regs.sec2.mailbox0;
		mb1 = gpu->regs.sec2.mailbox1;
		spin_unlock_irqrestore(&gpu->reg_lock, flags);
		if (!nvsim_sec2_pending(gpu))
			continue;
		if (mb0 == NVRM_SEC2_UNLOAD_MAILBOX && mb1 == NVRM_SEC2_UNLOAD_MAILBOX) {
			nvsim_booter_unload(gpu);
			continue;
		}
		if (nvsim_booter_load(gpu, (u64)mb1 << 32 | mb0))
			nvsim_rm_run(gpu);
	}
	nvsim_rm_release(gpu);
	return 0;
}

/**
 * nvsim_gsp_start() - start the GSP thread of a GPU
 * @gpu: the GPU (registers, locks and lists initialised)
 *
 * Return: 0 or a negative errno.
 */
int nvsim_gsp_start(struct nvsim_gpu *gpu)
{
	struct task_struct *t;

	gpu->fw.msg = kvmalloc(NVRM_MSG_MAX_SIZE, GFP_KERNEL);
	gpu->fw.tx = kvmalloc(NVRM_MSG_MAX_SIZE, GFP_KERNEL);
	if (!gpu->fw.msg || !gpu->fw.tx)
		goto err;
	t = kthread_run(nvsim_gsp_thread, gpu, "nvsim-gsp%u", gpu->index);
	if (IS_ERR(t)) {
		kvfree(gpu->fw.msg);
		kvfree(gpu->fw.tx);
		return PTR_ERR(t);
	}
	gpu->task = t;
	return 0;
err:
	kvfree(gpu->fw.msg);
	kvfree(gpu->fw.tx);
	return -ENOMEM;
}

/**
 * nvsim_gsp_stop() - stop the GSP thread and free GSP-RM state
 * @gpu: the GPU; no driver may be bound any more
 */
void nvsim_gsp_stop(struct nvsim_gpu *gpu)
{
	if (gpu->task)
		kthread_stop(gpu->task);
	gpu->task = NULL;
	kvfree(gpu->fw.msg);
	kvfree(gpu->fw.tx);
	kvfree(gpu->fw.big);
	gpu->fw.msg = NULL;
	gpu->fw.tx = NULL;
	gpu->fw.big = NULL;
}
