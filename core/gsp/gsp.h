/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore GSP layer: boot, transport and RM calls. Only this layer (and
 * nvsim) includes the firmware ABI headers.
 */
#ifndef NVC_GSP_H
#define NVC_GSP_H

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/firmware.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include <nvcore/gpu_info.h>

#include "fwimage.h"
#include "fw.h"

struct nvc_gpu;
struct dentry;
struct msgqTxHeader;
struct msgqRxHeader;

/*
 * RM handles, per GPU (each GSP-RM has its own handle space): client n is
 * NVC_H_CLIENT(n), nvcore's own is n = 0; every client's device and
 * subdevice use the same handles inside their client.
 */
#define NVC_H_CLIENT(n)		(0xc1d00000u | (n))
#define NVC_H_DEVICE		0xde1d0000u
#define NVC_H_SUBDEVICE		0x5d1d0000u
#define NVC_RPC_HIST_LEN	64
#define NVC_GSP_NR_LOGS		3
#define NVC_INTR_VECTORS	256	/* NVRM_INTR_VECTORS */
#define NVC_INTR_LEAVES		(NVC_INTR_VECTORS / 32)
/* Entries of GSP-RM's kernel interrupt table (NV2080_CTRL_INTERNAL_INTR_MAX_TABLE_SIZE). */
#define NVC_INTR_TABLE_MAX	128

/**
 * struct nvc_intr_nonstall - a non-stall vector of GSP-RM's kernel
 *	interrupt table, as read at boot
 * @type: the NV2080 engine type the vector belongs to
 * @vector: its vector in the interrupt tree (< NVC_INTR_VECTORS)
 */
struct nvc_intr_nonstall {
	u32 type;
	u32 vector;
};

/**
 * struct nvc_dma - one DMA-coherent allocation
 * @va: CPU address
 * @dma: bus address
 * @size: size in bytes
 */
struct nvc_dma {
	void *va;
	dma_addr_t dma;
	size_t size;
};

/**
 * struct nvc_rpc_hist - one entry of the RPC history ring
 * @function: RPC function number
 * @sequence: nvcore's sequence number of the call
 * @start_ns: ktime when it was queued
 * @dur_ns: duration until the reply (or the error)
 * @result: 0, a negative errno, or the positive NV_STATUS of the reply
 */
struct nvc_rpc_hist {
	u32 function;
	u32 sequence;
	u64 start_ns;
	u64 dur_ns;
	s32 result;
};

/**
 * struct nvc_rpc_stats - transport counters (debugfs rpc_stats)
 * @sent: messages written to the command queue (parts included)
 * @calls: synchronous calls started
 * @replies: replies matched to a caller
 * @events: unsolicited messages received
 * @timeouts: calls that timed out
 * @stale: replies nobody waited for any more (late, absorbed by a ghost,
 *	or an echoed sequence nobody waits for)
 * @bad_csum: messages dropped for a bad checksum
 * @seq_repeat: messages dropped for a repeated sequence number
 * @seq_gap: sequence numbers skipped by the firmware
 * @unknown_events: events with no handler
 * @irqs: interrupts taken
 * @polls: receive passes made by waiting callers (lost-IRQ insurance)
 */
struct nvc_rpc_stats {
	u64 sent;
	u64 calls;
	u64 replies;
	u64 events;
	u64 timeouts;
	u64 stale;
	u64 bad_csum;
	u64 seq_repeat;
	u64 seq_gap;
	u64 unknown_events;
	atomic64_t irqs;
	atomic64_t polls;
};

struct nvc_rpc_waiter;

/**
 * struct nvc_gsp - the GSP-RM instance of one GPU
 * @gpu: the GPU
 * @shm: page table + command queue + status queue (fact sheet §1.1)
 * @cmdq: command queue TX header (CPU-owned)
 * @cmdq_entries: command queue entries
 * @statq: status queue TX header (GSP-owned)
 * @statq_entries: status queue entries
 * @cmdq_rptr: where GSP reports how far it read the command queue
 * @statq_rptr: where the CPU reports how far it read the status queue
 * @cmdq_lock: serialises senders: command queue writes, @cmdq_wptr,
 *	@tx_seq, @tx_total, @next_sequence
 * @cmdq_wptr: our copy of the command-queue write pointer
 * @tx_seq: next command-queue seqNum
 * @tx_total: command-queue elements written since boot
 * @next_sequence: rpc.sequence of the next numbered message (never 0)
 * @rx_lock: serialises receivers: status queue reads, @rx_seq, @rx_buf,
 *	@rx_rptr, and the reassembly into &nvc_gsp.rx_cont's buffer
 * @rx_seq: next expected status-queue seqNum
 * @rx_rptr: the status-queue read pointer
 * @rx_buf: staging buffer for one incoming message (64 KiB)
 * @rx_cont: caller whose multi-part reply is being reassembled
 * @echo: GSP-RM echoes rpc.sequence in replies (seen once; @rx_lock)
 * @ghost_fed: a ghost absorbed a reply and no caller got one since
 *	(@rx_lock)
 * @wait_lock: protects @waiters, @ghosts, @rx_cont, @dead and @dead_err
 * @waiters: callers waiting for a reply, in queue order
 * @ghosts: places of timed-out callers whose reply may still come, in
 *	queue order
 * @dead: the transport is unusable; callers fail with -ENODEV
 * @dead_err: why (errno)
 * @irq_mode: the interrupt drives receive (after boot)
 * @halted: the GSP reported HALT
 * @spinners: 1 while a waiting caller polls for replies (one at a time)
 * @rx_work: drains the status queue after an interrupt with no caller
 *	waiting
 * @rx_wq: sleeping callers: woken by the interrupt and by receivers
 * @stats: counters; each is written under the lock of the path that
 *	counts it (@cmdq_lock for sent, @wait_lock for calls, @rx_lock for
 *	the receive side) or is atomic
 * @hist_lock: protects @hist and @hist_head
 * @hist: recent RPCs
 * @hist_head: next slot in @hist
 * @fwops: the firmware version's ops (fw.c, DOC: firmware versions)
 * @fw: the GSP firmware file
 * @bl_fw: the bootloader firmware file
 * @image: parsed GSP image and signature
 * @fw_version: the firmware version the image reports
 * @fw_version_src: where @fw_version was read (see nvc_fw_image_version())
 * @bl: parsed bootloader
 * @img_pages: pages holding the image (radix3 level 3)
 * @img_dma: their bus addresses
 * @nr_img_pages: number of image pages
 * @radix3: radix3 levels 0, 1 and 2 in one allocation
 * @blbuf: bootloader payload
 * @sigbuf: image signature
 * @wpr_meta: GspFwWprMeta
 * @libos: LIBOS argument array
 * @logs: LOGINIT, LOGINTR, LOGRM buffers
 * @rmargs: GSP_ARGUMENTS_CACHED
 * @fb: FB layout computed for WPR meta
 * @init_done: GSP_INIT_DONE received
 * @init_status: rpc_result of GSP_INIT_DONE
 * @seq_runs: CPU sequencer programs executed
 * @seq_regsave: REG_STORE save area
 * @boot_ns: probe-to-INIT_DONE time
 * @static_info: GspStaticConfigInfo from GET_GSP_STATIC_INFO (the
 *	version's layout; read only by the version's code)
 * @h_client: nvcore's own RM client
 * @h_device: its device object
 * @h_subdevice: its subdevice object
 * @dbg: debugfs directory of this GPU
 * @engine_types: NV2080 engine type of each entry of &nvc_gpu_info.engines
 * @nonstall_vec: non-stall interrupt vector of each engine (or U32_MAX)
 * @vec_engine: engine of each non-stall vector (0xff: none)
 * @nonstall_leaves: bitmask of interrupt leaf registers in use
 * @intr_table: the non-stall entries of the kernel interrupt table, in its
 *	order, read once per boot with @gsp_vector (the version's gsp_vector
 *	op) and mapped to engines by enumeration
 * @nr_intr_table: entries in @intr_table
 * @irq_lock: protects @leaf_en, @top_en and @lockdown, and serialises the
 *	interrupt handler's register accesses against lockdown changes
 * @gsp_vector: the GSP's stall vector in the interrupt tree (U32_MAX: none)
 * @leaf_en: vectors nvcore enabled, per leaf
 * @top_en: subtrees nvcore enabled
 * @lockdown: GSP lockdown engaged (GSP_LOCKDOWN_NOTICE): the GSP's
 *	interrupt registers must not be touched
 * @lockdowns: lockdown notices that engaged lockdown
 * @h_int_client: GSP-RM's internal client (internal controls)
 * @h_int_subdevice: its subdevice
 */
struct nvc_gsp {
	struct nvc_gpu *gpu;

	struct nvc_dma shm;
	struct msgqTxHeader *cmdq;
	u8 *cmdq_entries;
	struct msgqTxHeader *statq;
	u8 *statq_entries;
	struct msgqRxHeader *cmdq_rptr;
	struct msgqRxHeader *statq_rptr;

	struct mutex cmdq_lock;
	u32 cmdq_wptr;
	u32 tx_seq;
	u64 tx_total;
	u32 next_sequence;

	struct mutex rx_lock;
	u32 rx_seq;
	u32 rx_rptr;
	void *rx_buf;
	struct nvc_rpc_waiter *rx_cont;
	bool echo;
	bool ghost_fed;

	spinlock_t wait_lock;
	struct list_head waiters;
	struct list_head ghosts;
	bool dead;
	int dead_err;

	bool irq_mode;
	bool halted;
	atomic_t spinners;
	struct work_struct rx_work;
	wait_queue_head_t rx_wq;
	struct nvc_rpc_stats stats;

	spinlock_t hist_lock;
	struct nvc_rpc_hist hist[NVC_RPC_HIST_LEN];
	unsigned int hist_head;

	const struct nvc_fw_ops *fwops;
	const struct firmware *fw;
	const struct firmware *bl_fw;
	struct nvc_gsp_fw image;
	char fw_version[NVC_FW_VERSION_LEN];
	const char *fw_version_src;
	struct nvc_gsp_bl bl;
	struct page **img_pages;
	dma_addr_t *img_dma;
	unsigned int nr_img_pages;
	struct nvc_dma radix3;
	struct nvc_dma blbuf;
	struct nvc_dma sigbuf;
	struct nvc_dma wpr_meta;
	struct nvc_dma libos;
	struct nvc_dma logs[NVC_GSP_NR_LOGS];
	struct nvc_dma rmargs;
	struct {
		u64 size, vga_base, frts_base, bl_base, elf_base, heap_base;
		u64 heap_size, wpr_start, wpr_end, nonwpr_base, nonwpr_size;
	} fb;

	struct completion init_done;
	u32 init_status;
	unsigned int seq_runs;
	u32 seq_regsave[8];
	u64 boot_ns;

	void *static_info;
	u32 h_client;
	u32 h_device;
	u32 h_subdevice;

	struct dentry *dbg;
	u32 engine_types[NVC_MAX_ENGINES];
	u32 nonstall_vec[NVC_MAX_ENGINES];
	u8 vec_engine[NVC_INTR_VECTORS];
	u8 nonstall_leaves;
	struct nvc_intr_nonstall intr_table[NVC_INTR_TABLE_MAX];
	unsigned int nr_intr_table;
	spinlock_t irq_lock;
	u32 gsp_vector;
	u32 leaf_en[NVC_INTR_LEAVES];
	u32 top_en;
	bool lockdown;
	unsigned int lockdowns;
	u32 h_int_client;
	u32 h_int_subdevice;
};

/* boot.c */
int nvc_gsp_init(struct nvc_gpu *gpu);
void nvc_gsp_fini(struct nvc_gpu *gpu);
int nvc_gsp_logs_show(struct nvc_gsp *gsp, unsigned int which,
		      char *buf, size_t size);
int nvc_gsp_logs_raw(struct nvc_gsp *gsp, unsigned int which, char *buf,
		     size_t size);

void nvc_gsp_debugfs_init(struct dentry *root);
void nvc_gsp_debugfs_fini(void);

/* The queue element checksum (common/msgq.h, which holds wire layouts). */
u32 nvc_msgq_csum(const void *buf, size_t len);

/* rpc.c */
int nvc_rpc_init(struct nvc_gsp *gsp);
void nvc_rpc_fini(struct nvc_gsp *gsp);
int nvc_rpc_call(struct nvc_gsp *gsp, u32 function, const void *req,
		 size_t req_len, void *reply, size_t reply_len,
		 u32 *rpc_result);
int nvc_rpc_call_len(struct nvc_gsp *gsp, u32 function, const void *req,
		     size_t req_len, void *reply, size_t cap, size_t need,
		     size_t *got, u32 *rpc_result);
int nvc_rpc_post(struct nvc_gsp *gsp, u32 function, const void *req,
		 size_t req_len);
unsigned int nvc_rpc_spin_us(void);
int nvc_rpc_echo(struct nvc_gsp *gsp, const void *req, void *reply,
		 size_t len, u32 *rpc_result);
void nvc_rpc_drain(struct nvc_gsp *gsp);
void nvc_rpc_kill(struct nvc_gsp *gsp, int err, const char *why);
int nvc_rpc_enable_irq(struct nvc_gsp *gsp);
void nvc_rpc_disable_irq(struct nvc_gsp *gsp);
void nvc_rpc_enable_nonstall(struct nvc_gsp *gsp);
void nvc_rpc_lockdown_notice(struct nvc_gsp *gsp, const void *payload,
			     size_t len);
int nvc_rpc_stats_show(struct nvc_gsp *gsp, char *buf, size_t size);
int nvc_rpc_hist_show(struct nvc_gsp *gsp, char *buf, size_t size);

/* seq.c */
int nvc_gsp_run_sequencer(struct nvc_gsp *gsp, const void *payload,
			  size_t len);
int nvc_gsp_boot_riscv(struct nvc_gsp *gsp);
void nvc_gsp_falcon_reset(struct nvc_gsp *gsp);

/* fw.c: RM calls through the GPU's firmware version */
int nvc_rm_alloc(struct nvc_gsp *gsp, u32 h_client, u32 h_parent,
		 u32 h_object, u32 h_class, void *params, u32 params_size);
int nvc_rm_control(struct nvc_gsp *gsp, u32 h_client, u32 h_object, u32 cmd,
		   void *params, u32 params_size);
int nvc_rm_free(struct nvc_gsp *gsp, u32 h_client, u32 h_parent,
		u32 h_object);
int nvc_rm_client_create(struct nvc_gsp *gsp, u32 h_client, const char *name);
int nvc_gsp_ping(struct nvc_gsp *gsp);

int nvc_gsp_enumerate(struct nvc_gsp *gsp, struct nvc_gpu_info *info);

#endif /* NVC_GSP_H */
