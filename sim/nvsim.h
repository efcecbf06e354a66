/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: a simulated GSP-RM GPU. Internal definitions.
 */
#ifndef NVSIM_H
#define NVSIM_H

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/hashtable.h>
#include <linux/irq_work.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/prandom.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/xarray.h>

#include <nvsim/nvsim_bus.h>
#include "hw.h"
#include "abi.h"

#define NVSIM_MAX_GPUS		8
#define NVSIM_SCRATCH_COUNT	64
#define NVSIM_QUEUE_HEADS	8
#define NVSIM_INTR_LEAVES	NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF__SIZE_1
/*
 * Interrupt vectors nvsim wires (docs/nvsim.md): engines' non-stall vectors
 * in subtree 0 (the notification subtree of OGKM intrInitSubtreeMap_TU102),
 * the GSP's stall vector in subtree 3 (the stall subtree). The numbers
 * themselves are nvsim's choice: real ones are chip-specific.
 */
#define NVSIM_INTR_VECTOR_NONSTALL_BASE	0x00	/* + engine list index */
#define NVSIM_INTR_VECTOR_GSP		0xe9
#define NVSIM_INTR_SUBTREE_NOTIFY	0
#define NVSIM_INTR_SUBTREE_UVM_OWNED	1
#define NVSIM_INTR_SUBTREE_UVM_SHARED	2
#define NVSIM_INTR_SUBTREE_STALL	3
#define NVSIM_FALCON_INTR_RETRIGGER	NV_PFALCON_FALCON_INTR_RETRIGGER(0)
#define NVSIM_MAX_POSTED_EVENTS	65536	/* queued, not yet sent */

/* Not in the ABI headers (OpenRM values; see the fact sheet). */
#define NVSIM_CTRL_CMD_BIOS_GET_SKU_INFO	0x20800808

/* Internal RM handles reported in static info. */
#define NVSIM_H_INTERNAL_CLIENT		0xc1e00004
#define NVSIM_H_INTERNAL_DEVICE		0xde1d0000
#define NVSIM_H_INTERNAL_SUBDEVICE	0x5d1d0000

/**
 * struct nvsim_chip - static description of a simulated chip (sim/chips.c)
 * @name: chip name, lower case, as in the firmware path (e.g. "tu102")
 * @boot0: value of NV_PMC_BOOT_0
 * @boot42: value of NV_PMC_BOOT_42
 * @pci_device: PCI device id of the board simulated
 * @vram_size: VRAM size in bytes
 * @bar1_size: BAR1 (framebuffer aperture) size in bytes
 * @libos3: GA102 and later: RISC-V CPUCTL active bit, LIBOS3 heap limits
 * @board_name: marketing name (gpuNameString)
 * @short_name: gpuShortNameString
 * @engines: NV2080 engine types present
 * @nr_engines: entries in @engines
 * @classes: chip-specific classes (GET_CLASSLIST adds the common ones)
 * @nr_classes: entries in @classes
 * @total_vfs: SR-IOV virtual functions
 * @gpc_mask: GPCs present
 * @tpc_mask: TPCs present in each GPC
 * @fb_bus_width: memory bus width in bits
 * @l2_cache_size: L2 size in bytes
 * @fbp_mask: FBPs present
 * @board_id: SKU board id
 * @chip_sku: SKU chip string
 * @project: SKU project string
 * @project_sku: SKU project SKU string
 */
struct nvsim_chip {
	const char *name;
	u32 boot0;
	u32 boot42;
	u16 pci_device;
	u64 vram_size;
	u64 bar1_size;
	bool libos3;
	const char *board_name;
	const char *short_name;
	const u32 *engines;
	unsigned int nr_engines;
	const u32 *classes;
	unsigned int nr_classes;
	u32 total_vfs;
	u32 gpc_mask;
	u32 tpc_mask;
	u32 fb_bus_width;
	u32 l2_cache_size;
	u32 fbp_mask;
	u32 board_id;
	const char *chip_sku;
	const char *project;
	const char *project_sku;
};

const struct nvsim_chip *nvsim_chip_lookup(const char *name, size_t len);
unsigned int nvsim_chip_classes(const struct nvsim_chip *c, u32 *out,
				unsigned int max);

/**
 * struct nvsim_falcon - register state of one falcon
 * @irqstat: pending interrupt bits
 * @irqmask: enabled interrupt bits
 * @mailbox0: MAILBOX0
 * @mailbox1: MAILBOX1
 * @os: OS register
 * @dmactl: DMACTL
 * @engine: ENGINE (bit 0 reset)
 * @fbif_ctl: FBIF_CTL
 * @halted: CPUCTL.HALTED
 */
struct nvsim_falcon {
	u32 irqstat;
	u32 irqmask;
	u32 mailbox0;
	u32 mailbox1;
	u32 os;
	u32 dmactl;
	u32 engine;
	u32 fbif_ctl;
	bool halted;
};

/**
 * struct nvsim_seq_obs - what the CPU does while GSP-RM is suspended for
 *	the CPU sequencer (protected by nvsim_gpu.reg_lock)
 * @suspended: GSP-RM halted its core and waits for CORE_RESUME
 * @ev: event counter (orders the events below; 0 = not seen)
 * @halt_seen: the CPU read GSP CPUCTL with HALTED set (CORE_WAIT_FOR_HALT)
 * @reset: GSP ENGINE reset (1 then 0) while suspended
 * @mbox0: GSP MAILBOX0 written with the LIBOS address after @reset
 * @mbox1: the same for MAILBOX1
 * @resumed: the SEC2 STARTCPU that resumed GSP-RM
 * @refused: a SEC2 STARTCPU while suspended that could not resume
 * @libos_pa: the LIBOS argument address of this boot
 */
struct nvsim_seq_obs {
	bool suspended;
	u64 ev;
	u64 halt_seen;
	u64 reset;
	u64 mbox0;
	u64 mbox1;
	u64 resumed;
	u64 refused;
	u64 libos_pa;
};

/* SEC2 MAILBOX0 after a resume that could not happen (nvsim's code). */
#define NVSIM_SEC2_E_RESUME	0x20

/**
 * struct nvsim_regs - BAR0 register state (protected by nvsim_gpu.reg_lock)
 * @gsp: GSP falcon
 * @sec2: SEC2 falcon
 * @scratch: NV_PBUS_SW_SCRATCH(0..63)
 * @wpr2_lo: WPR2_ADDR_LO
 * @wpr2_hi: WPR2_ADDR_HI
 * @bsi_scratch14: NV_PGC6_BSI_SECURE_SCRATCH_14
 * @queue_head: NV_PGSP_QUEUE_HEAD(i)
 * @intr_leaf: NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(i): pending vectors
 * @intr_en: enabled vectors of each leaf (LEAF_EN_SET / LEAF_EN_CLEAR)
 * @intr_top_en: enabled subtrees (TOP_EN_SET(0) / TOP_EN_CLEAR(0))
 * @lockdown: GSP lockdown engaged (GSP_LOCKDOWN_NOTICE sent)
 * @lockdown_enforced: the driver consumed the lockdown notice; from now on
 *	until lockdown ends, touching GSP interrupt registers is a violation
 * @riscv_active: GSP RISC-V core running
 * @engine_reset_pending: GSP ENGINE bit 0 was written 1
 * @sec2_start: SEC2 STARTCPU seen, the booter has not run yet
 * @gsp_killed: the GSP core was reset or stopped while GSP-RM ran
 * @rm_running: GSP-RM runs (a reset kills it)
 * @obs: sequencer observation
 * @gsp_err_mbox: NV_PGSP_MAILBOX(0) and (1), GSP-RM's error mailbox
 */
struct nvsim_regs {
	struct nvsim_falcon gsp;
	struct nvsim_falcon sec2;
	u32 scratch[NVSIM_SCRATCH_COUNT];
	u32 wpr2_lo;
	u32 wpr2_hi;
	u32 bsi_scratch14;
	u32 queue_head[NVSIM_QUEUE_HEADS];
	u32 intr_leaf[NVSIM_INTR_LEAVES];
	u32 intr_en[NVSIM_INTR_LEAVES];
	u32 intr_top_en;
	bool lockdown;
	bool lockdown_enforced;
	bool riscv_active;
	bool engine_reset_pending;
	bool sec2_start;
	bool gsp_killed;
	bool rm_running;
	struct nvsim_seq_obs obs;
	u32 gsp_err_mbox[2];
};

/* Fault knobs that count occurrences (debugfs names in sim/debugfs.c). */
enum nvsim_fault {
	NVSIM_F_DROP_REPLY,
	NVSIM_F_CORRUPT_CSUM,
	NVSIM_F_BAD_LENGTH,
	NVSIM_F_BAD_QUEUE_PTR,
	NVSIM_F_REPEAT_SEQNUM,
	NVSIM_F_SKIP_SEQNUM,
	NVSIM_F_LOSE_IRQ,
	NVSIM_F_NR,
};

/*
 * How GSP-RM refuses system information it cannot read (an assumption,
 * docs/nvsim.md "Firmware-version mismatch"): halt with the HALT interrupt
 * and GSP MAILBOX0 = 0xbad00009; halt silently (no interrupt, mailboxes
 * untouched); keep running and post OGKM-535's error word in
 * NV_PGSP_MAILBOX(0); or keep running and never send GSP_INIT_DONE.
 */
enum nvsim_refusal {
	NVSIM_REFUSE_HALT,
	NVSIM_REFUSE_HALT_QUIET,
	NVSIM_REFUSE_MAILBOX,
	NVSIM_REFUSE_SILENT,
	NVSIM_REFUSE_NR,
};

enum nvsim_boot_fault {
	NVSIM_BOOT_FAULT_NONE,
	NVSIM_BOOT_FAULT_HANG,
	NVSIM_BOOT_FAULT_BAD_BOOTER,
	NVSIM_BOOT_FAULT_NO_INIT_DONE,
	NVSIM_BOOT_FAULT_SEQ_POLL_FOREVER,
	NVSIM_BOOT_FAULT_SEQ_DELAY_FOREVER,
};

/**
 * struct nvsim_faults - fault injection state (protected by nvsim_gpu.fault_lock)
 * @count: remaining occurrences per &enum nvsim_fault
 * @delay_reply_ms: delay every reply by this much while non-zero
 * @hang: stop serving the command queue
 * @boot_fault: &enum nvsim_boot_fault for the next boot
 * @refusal: &enum nvsim_refusal, how GSP-RM refuses unreadable system
 *	information (every boot until changed)
 * @seed: last seed written
 * @rnd: PRNG used wherever a fault picks a victim
 */
struct nvsim_faults {
	u32 count[NVSIM_F_NR];
	u32 delay_reply_ms;
	bool hang;
	int boot_fault;
	int refusal;
	u64 seed;
	struct rnd_state rnd;
};

/* Statistics; see nvsim_stat_names in sim/debugfs.c. */
/**
 * enum nvsim_personality - firmware variant nvsim plays (sim/personality.c)
 * @NVSIM_PERS_OGKM535: OGKM-535 conventions (default)
 * @NVSIM_PERS_STRICT570: ogkm535, asserting on out-of-order rpc.sequence
 * @NVSIM_PERS_ECHO: replies echo rpc.sequence; zero tails, short checksum
 * @NVSIM_PERS_TERSE: ogkm535 with header-only replies where OGKM reads
 *	nothing else
 * @NVSIM_PERS_NR: number of personalities
 */
enum nvsim_personality {
	NVSIM_PERS_OGKM535,
	NVSIM_PERS_STRICT570,
	NVSIM_PERS_ECHO,
	NVSIM_PERS_TERSE,
	NVSIM_PERS_NR,
};

enum nvsim_stat {
	NVSIM_S_RX_MSGS,
	NVSIM_S_TX_MSGS,
	NVSIM_S_RX_BAD_CSUM,
	NVSIM_S_RX_BAD_LENGTH,
	NVSIM_S_RX_BAD_HEADER,
	NVSIM_S_RX_BAD_SEQ,
	NVSIM_S_RX_OLD_SEQ,
	NVSIM_S_RX_BAD_PTR,
	NVSIM_S_RX_STRAY_CONT,
	NVSIM_S_RX_TOO_LARGE,
	NVSIM_S_REPLIES,
	NVSIM_S_EVENTS,
	NVSIM_S_TX_DROPPED,
	NVSIM_S_RPC_UNKNOWN,
	NVSIM_S_RPC_ERRORS,
	NVSIM_S_BAD_INPUT,
	NVSIM_S_DMA_ERRORS,
	NVSIM_S_DOORBELLS,
	NVSIM_S_IRQS,
	NVSIM_S_BOOTS,
	NVSIM_S_BOOT_FAILURES,
	NVSIM_S_OBJECTS_LIVE,
	NVSIM_S_FAULTS_FIRED,
	NVSIM_S_CE_FILLS,
	NVSIM_S_CE_BYTES,
	NVSIM_S_VRAM_RW_BYTES,
	NVSIM_S_VRAM_CHUNKS,
	NVSIM_S_VRAM_ERRORS,
	NVSIM_S_INJECTED,
	NVSIM_S_NONSTALL_IRQS,
	NVSIM_S_LOCKDOWNS,
	NVSIM_S_LOCKDOWN_VIOLATIONS,
	NVSIM_S_SEQ_ASSERTS,
	NVSIM_S_TX_STALE_TAILS,
	NVSIM_S_NOTIFY_UNMATCHED,
	NVSIM_S_NR,
};

/**
 * struct nvsim_log - one LIBOS log buffer (LOGINIT, LOGINTR, LOGRM)
 * @valid: set up and usable
 * @size: buffer bytes
 * @pte: DMA address of every 4 KiB page, as the driver wrote them
 * @npages: entries in @pte
 * @entries: u64 words in the ring (after the put pointer)
 * @put: words written so far
 */
struct nvsim_log {
	bool valid;
	u64 size;
	u64 *pte;
	u32 npages;
	u64 entries;
	u64 put;
};

enum nvsim_log_id {
	NVSIM_LOGINIT,
	NVSIM_LOGINTR,
	NVSIM_LOGRM,
	NVSIM_NR_LOGS,
};

/**
 * struct nvsim_shm - the shared queue memory as GSP-RM sees it
 * @pte: DMA address of every page of the region (the driver's page table)
 * @npages: entries in @pte
 * @cmdq: offset of the command queue
 * @statq: offset of the status queue
 */
struct nvsim_shm {
	u64 *pte;
	u32 npages;
	u32 cmdq;
	u32 statq;
};

/**
 * struct nvsim_obj - one RM object (only the GSP thread touches these)
 * @node: in nvsim_rm.objs
 * @client: client handle
 * @handle: object handle (== @client for the client object)
 * @h_parent: parent handle (== @client for the client object)
 * @cls: class
 * @parent: parent object (NULL for a client)
 * @children: child objects
 * @sibling: in the parent's @children
 * @notify_index: event objects: NV0005 notifyIndex
 * @events: subdevices: events enabled by EVENT_SET_NOTIFICATION
 * @priv: channel groups and channels: sim/chan.c's data (kfree()d with it)
 */
struct nvsim_obj {
	struct hlist_node node;
	u32 client;
	u32 handle;
	u32 h_parent;
	u32 cls;
	struct nvsim_obj *parent;
	struct list_head children;
	struct list_head sibling;
	u32 notify_index;
	DECLARE_BITMAP(events, 256);
	void *priv;
};

#define NVSIM_RM_HASH_BITS	10
#define NVSIM_RM_MAX_OBJECTS	65536

/**
 * struct nvsim_rm - the RM object tree (only the GSP thread touches it)
 * @objs: objects hashed by (client, handle)
 * @count: objects live
 */
struct nvsim_rm {
	DECLARE_HASHTABLE(objs, NVSIM_RM_HASH_BITS);
	unsigned int count;
};

/**
 * struct nvsim_event - an event waiting to be posted by the GSP thread
 * @link: in nvsim_gpu.events
 * @function: event function (>= 0x1000)
 * @len: payload bytes
 * @payload: payload
 */
struct nvsim_event {
	struct list_head link;
	u32 function;
	u32 len;
	u8 payload[];
};

/**
 * struct nvsim_fw - GSP-RM state of one boot (only the GSP thread touches it)
 * @wpr: WprMeta the booter accepted
 * @shm: shared queue memory
 * @logs: log buffers
 * @rx_seq: next expected command-queue seqNum
 * @tx_seq: next status-queue seqNum
 * @rpc_seq: last non-zero rpc.sequence received (0: none since boot)
 * @assert_code: GSP-RM asserted (strict570): halt with this code
 * @cmdq_rptr: how far GSP-RM consumed the command queue
 * @statq_wptr: status-queue write pointer
 * @have_sysinfo: GSP_SET_SYSTEM_INFO consumed
 * @sysinfo_status: what GSP-RM made of it (NV_OK, or GSP-RM's init fails)
 * @have_registry: SET_REGISTRY consumed
 * @init_done: GSP_INIT_DONE sent
 * @no_init_done: boot fault: do not send GSP_INIT_DONE this boot
 * @libos_pa: LIBOS argument array address (GSP MAILBOX0/1 at boot)
 * @seq_poll_forever: boot fault: the sequencer program starts with polls
 *	that never succeed and never time out (in OGKM's semantics)
 * @seq_delay_forever: boot fault: the program starts with 256 one-second
 *	delays
 * @bad_wptr: an invalid command-queue write pointer was reported
 * @bad_rptr: an invalid status-queue read pointer was reported
 * @msg: one message gathered out of the ring (64 KiB)
 * @tx: one message being built (64 KiB)
 * @big: a large request reassembled from continuation records (4 MiB,
 *	allocated on first use, kept until the GPU goes)
 */
struct nvsim_fw {
	struct nvsim_wpr_meta wpr;
	struct nvsim_shm shm;
	struct nvsim_log logs[NVSIM_NR_LOGS];
	u32 rx_seq;
	u32 tx_seq;
	u32 rpc_seq;
	u32 assert_code;
	u32 cmdq_rptr;
	u32 statq_wptr;
	bool have_sysinfo;
	u32 sysinfo_status;
	bool have_registry;
	bool init_done;
	bool no_init_done;
	bool seq_poll_forever;
	bool seq_delay_forever;
	u64 libos_pa;
	bool bad_wptr;
	bool bad_rptr;
	u8 *msg;
	u8 *tx;
	u8 *big;
};

/**
 * struct nvsim_vram - sparse VRAM backing (sim/vram.c)
 * @lock: protects @chunks (the chunk pointers and their contents) and
 *        @nr_chunks; serialises CPU accesses and copy-engine work
 * @chunks: 64 KiB chunks by index (offset >> 16), allocated on first write
 * @nr_chunks: chunks allocated
 */
struct nvsim_vram {
	struct mutex lock;
	struct xarray chunks;
	unsigned long nr_chunks;
};

/**
 * struct nvsim_knob - debugfs file private data
 * @gpu: the GPU
 * @id: &enum nvsim_fault, or -1
 */
struct nvsim_knob {
	struct nvsim_gpu *gpu;
	int id;
};

/* debugfs knobs naming one of a list (sim/debugfs.c nvsim_choices). */
#define NVSIM_CHOICES	2

#define NVSIM_MAX_VAS	64

/**
 * struct nvsim_mmu - VA spaces with a page directory, for the MMU walk
 * @lock: protects @vas (written by the GSP thread, read by debugfs)
 * @vas: client, handle, aperture (0: slot free) and PDB of each VA space
 * @query_lock: serialises debugfs queries and protects @result
 * @result: the last query's answer
 */
struct nvsim_mmu {
	spinlock_t lock;
	struct {
		u32 client;
		u32 handle;
		u32 aperture;
		u64 pdb;
	} vas[NVSIM_MAX_VAS];
	struct mutex query_lock;
	char result[160];
};

/**
 * struct nvsim_gpu - one simulated GPU
 * @index: GPU number, 0-based
 * @chip: the chip it simulates
 * @pdev: the platform device the driver binds to
 * @pdata: platform data handed to the driver (copied by the driver core)
 * @irq_hwirq: hardware IRQ number of this GPU in nvsim's irq domain
 * @irq: Linux IRQ number mapped for @irq_hwirq
 * @irq_work: fires the interrupt in hard-IRQ context
 * @irq_gen: interrupts raised (lets irq_work notice one raised meanwhile)
 * @reg_lock: protects @regs (taken from any context, never sleeps)
 * @regs: register state
 * @dma_lock: protects @dma_enabled and serialises DMA accesses against it
 * @dma_enabled: a driver is bound, DMA may reach its memory
 * @fault_lock: protects @faults
 * @faults: fault injection state
 * @event_lock: protects @events and @nr_events
 * @events: events posted with nvsim_post_event(), not yet sent
 * @nr_events: entries in @events
 * @vram: VRAM backing
 * @personality: &enum nvsim_personality played (READ_ONCE; debugfs writes)
 * @fw_forced: the firmware version module parameter fw= forces (NULL:
 *	the version of the image the driver uploads)
 * @abi: the firmware version GSP-RM runs (set by the booter before it
 *	starts GSP-RM; WRITE_ONCE/READ_ONCE, nvsim_abi_of())
 * @stats: statistics (atomic, no lock)
 * @task: the GSP thread (booter and GSP-RM)
 * @wq: the GSP thread sleeps here
 * @kick: something for the GSP thread to look at
 * @crash_req: debugfs asked for a crash
 * @lockdown_req: inject asked for a lockdown of this many ms (0: none)
 * @reset_req: debugfs asked for a power-on reset
 * @reset_done: completed when a reset was carried out
 * @fw: GSP-RM boot state (GSP thread only)
 * @rm: RM objects (GSP thread only)
 * @dbg: debugfs directory
 * @knobs: debugfs private data of the count knobs and others
 * @choices: debugfs private data of boot_fault and sysinfo_refusal
 * @vgpu: vGPU manager and plugin state (sim/vgpu.c)
 * @mmu: VA spaces (sim/mmu.c)
 * @fifo: channels and their executor (sim/chan.c, sim/fifo.c)
 */
struct nvsim_gpu {
	unsigned int index;
	const struct nvsim_chip *chip;
	struct platform_device *pdev;
	struct nvsim_bus_pdata pdata;
	unsigned int irq_hwirq;
	unsigned int irq;
	struct irq_work irq_work;
	atomic_t irq_gen;

	spinlock_t reg_lock;
	struct nvsim_regs regs;

	struct mutex dma_lock;
	bool dma_enabled;

	spinlock_t fault_lock;
	struct nvsim_faults faults;

	spinlock_t event_lock;
	struct list_head events;
	unsigned int nr_events;

	struct nvsim_vram vram;
	int personality;
	const struct nvsim_abi *fw_forced;
	const struct nvsim_abi *abi;

	atomic64_t stats[NVSIM_S_NR];

	struct task_struct *task;
	wait_queue_head_t wq;
	atomic_t kick;
	atomic_t crash_req;
	atomic_t lockdown_req;
	atomic_t reset_req;
	struct completion reset_done;

	struct nvsim_fw fw;
	struct nvsim_rm rm;

	struct dentry *dbg;
	struct nvsim_knob knobs[NVSIM_F_NR];
	struct nvsim_knob choices[NVSIM_CHOICES];
	struct nvsim_vgpu *vgpu;
	struct nvsim_vgpu_relay *vgpu_relay;
	struct nvsim_mmu mmu;
	struct nvsim_fifo *fifo;
};

/* personality.c */
enum nvsim_personality nvsim_personality_default(void);
const char *nvsim_personality_name(enum nvsim_personality p);
void nvsim_personality_debugfs(struct nvsim_gpu *gpu);
int nvsim_dbg_choice(const char __user *ubuf, size_t len,
		     const char *const *names, size_t n);

static inline enum nvsim_personality nvsim_pers(struct nvsim_gpu *gpu)
{
	return READ_ONCE(gpu->personality);
}

static inline const struct nvsim_abi *nvsim_abi_of(struct nvsim_gpu *gpu)
{
	return READ_ONCE(gpu->abi);
}

static inline void nvsim_stat_inc(struct nvsim_gpu *gpu, enum nvsim_stat s)
{
	atomic64_inc(&gpu->stats[s]);
}

/* main.c */
void nvsim_raise_irq(struct nvsim_gpu *gpu);
struct nvsim_gpu *nvsim_gpu_get(unsigned int index);

/* regs.c */
void nvsim_reg_init(struct nvsim_gpu *gpu);
u32 nvsim_reg_read(struct nvsim_gpu *gpu, u32 addr);
void nvsim_reg_write(struct nvsim_gpu *gpu, u32 addr, u32 val);
void nvsim_gsp_irq_set(struct nvsim_gpu *gpu, u32 bits);
bool nvsim_gsp_irq_set_locked(struct nvsim_gpu *gpu, u32 bits);
void nvsim_gsp_irq_fire(struct nvsim_gpu *gpu);
void nvsim_kick(struct nvsim_gpu *gpu);
void nvsim_intr_vector_set(struct nvsim_gpu *gpu, unsigned int vector);
bool nvsim_irq_asserted(struct nvsim_gpu *gpu);
void nvsim_gsp_vector_raise(struct nvsim_gpu *gpu);

/* dma.c */
int nvsim_dma_read(struct nvsim_gpu *gpu, u64 pa, void *buf, size_t len);
int nvsim_dma_write(struct nvsim_gpu *gpu, u64 pa, const void *buf, size_t len);
int nvsim_dma_rd32(struct nvsim_gpu *gpu, u64 pa, u32 *val);
int nvsim_dma_wr32(struct nvsim_gpu *gpu, u64 pa, u32 val);
int nvsim_dma_wr64(struct nvsim_gpu *gpu, u64 pa, u64 val);
void nvsim_dma_enable(struct nvsim_gpu *gpu, bool on);
int nvsim_pages_rw(struct nvsim_gpu *gpu, const u64 *pte, u32 npages,
		   u64 off, void *buf, size_t len, bool write);

/*
 * Internal "event" queued by inject.c and carried out on the GSP thread:
 * fire an RM notifier (never a wire function number).
 */
#define NVSIM_EVENT_NOTIFY	0x10001u

/**
 * struct nvsim_notify - a notifier to fire (inject "notify")
 * @h_client: client whose event objects are notified
 * @index: notifier index (NV2080_NOTIFIERS_*)
 * @data: POST_EVENT data
 * @list: send one POST_EVENT with bNotifyList set
 */
struct nvsim_notify {
	u32 h_client;
	u32 index;
	u32 data;
	u32 list;
};

void nvsim_notify_fire(struct nvsim_gpu *gpu, const struct nvsim_notify *nt);

/* log.c */
int nvsim_log_setup(struct nvsim_gpu *gpu, struct nvsim_log *log, u64 pa,
		    u64 size);
void nvsim_log_release(struct nvsim_log *log);
__printf(3, 4)
void nvsim_logf(struct nvsim_gpu *gpu, enum nvsim_log_id id,
		const char *fmt, ...);

/* gsp.c */
int nvsim_gsp_start(struct nvsim_gpu *gpu);
void nvsim_gsp_stop(struct nvsim_gpu *gpu);
int nvsim_post_event(struct nvsim_gpu *gpu, u32 function, const void *payload,
		     u32 len);
int nvsim_send_event(struct nvsim_gpu *gpu, u32 function, const void *payload,
		     u32 len, bool wait);
void nvsim_os_error(struct nvsim_gpu *gpu, u32 xid, const char *fmt, ...)
	__printf(3, 4);
bool nvsim_rm_accepts_events(struct nvsim_gpu *gpu);
int nvsim_lockdown_request(struct nvsim_gpu *gpu, u32 ms);
bool nvsim_fault_take(struct nvsim_gpu *gpu, enum nvsim_fault f);
u32 nvsim_fault_rand(struct nvsim_gpu *gpu);

/* rpc.c, fwabi.c: per firmware version, behind struct nvsim_abi */

/* obj.c: the RM object tree (GSP thread) */
static inline u64 nvsim_obj_key(u32 client, u32 handle)
{
	return (u64)client << 32 | handle;
}

struct nvsim_obj *nvsim_obj_lookup(struct nvsim_gpu *gpu, u32 client,
				   u32 handle);

/* vram.c */
void nvsim_vram_init(struct nvsim_gpu *gpu);
void nvsim_vram_fini(struct nvsim_gpu *gpu);
int nvsim_vram_rw(struct nvsim_gpu *gpu, u64 offset, void *buf, size_t len,
		  bool write);
int nvsim_ce_fill(struct nvsim_gpu *gpu, u64 offset, u64 len, u32 pattern);
int nvsim_vram_pfn(struct nvsim_gpu *gpu, u64 offset, unsigned long *pfn);

/* mmu.c */
void nvsim_vas_set(struct nvsim_gpu *gpu, u32 client, u32 handle,
		   u32 aperture, u64 pdb);
void nvsim_vas_forget(struct nvsim_gpu *gpu, u32 client, u32 handle);
void nvsim_vas_reset(struct nvsim_gpu *gpu);
void nvsim_mmu_init(struct nvsim_gpu *gpu);

void nvsim_vas_set(struct nvsim_gpu *gpu, u32 client, u32 handle,
		   u32 aperture, u64 pdb);
int nvsim_mmu_rw(struct nvsim_gpu *gpu, u32 client, u32 vas, u64 va,
		 void *buf, size_t len, bool write, u64 *fault_va);

/* chan.c (channels; sim/fifo.h has the rest) */
struct nvsim_fifo;
int nvsim_fifo_init(struct nvsim_gpu *gpu);
void nvsim_fifo_fini(struct nvsim_gpu *gpu);
void nvsim_fifo_debugfs(struct nvsim_gpu *gpu);
void nvsim_fifo_reset(struct nvsim_gpu *gpu);
bool nvsim_fifo_class(struct nvsim_gpu *gpu, u32 cls);
u32 nvsim_fifo_alloc(struct nvsim_gpu *gpu, struct nvsim_obj *parent,
		     struct nvsim_obj *o, void *params, u32 size);
void nvsim_fifo_free(struct nvsim_gpu *gpu, struct nvsim_obj *o);
bool nvsim_fifo_ctrl_known(struct nvsim_gpu *gpu, struct nvsim_obj *o, u32 cmd);
u32 nvsim_fifo_ctrl(struct nvsim_gpu *gpu, struct nvsim_obj *o, u32 cmd,
		    void *params, u32 size);
bool nvsim_usermode_read(struct nvsim_gpu *gpu, u32 addr, u32 *val);
bool nvsim_usermode_write(struct nvsim_gpu *gpu, u32 addr, u32 val);

/* inject.c */
int nvsim_inject_gpu(struct nvsim_gpu *gpu, const char *cmd);

/* vgpu.c */
int nvsim_vgpu_init(struct nvsim_gpu *gpu);
void nvsim_vgpu_debugfs(struct nvsim_gpu *gpu);
void nvsim_vgpu_fini(struct nvsim_gpu *gpu);
void nvsim_vgpu_reset(struct nvsim_gpu *gpu);
void nvsim_vgpu_doorbell(struct nvsim_gpu *gpu, u32 val);

/* debugfs.c */
void nvsim_debugfs_init(void);
void nvsim_debugfs_exit(void);
void nvsim_debugfs_gpu_init(struct nvsim_gpu *gpu);
void nvsim_debugfs_gpu_exit(struct nvsim_gpu *gpu);

#endif /* NVSIM_H */
