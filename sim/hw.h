/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: what nvsim's version-independent code knows of the hardware and of
 * the parts of the GSP-RM wire protocol every firmware version it plays
 * shares (message queues, RPC header, LIBOS arguments, the CPU sequencer,
 * event payloads that did not change, class and engine numbers, MMU format
 * version 2). nvsim's own definitions, written from the fact sheet and OGKM
 * (dev_falcon_v4.h, dev_vm.h, dev_mmu.h, msgq_priv.h, rpc_headers.h,
 * gsp_fw_wpr_meta.h, libos_init_args.h, gsp_static_config.h).
 *
 * Nothing here may differ between firmware versions: the per-version code
 * (sim/r535/, sim/r570/, which compile sim/fwabi.c against their version's
 * headers) checks every definition below against that version's layout
 * (static asserts; a register macro of the same name that differs is a
 * redefinition the compiler reports). What does differ lives behind
 * struct nvsim_abi (sim/abi.h).
 *
 * Register and class names are NVIDIA's (the hardware manuals' and the
 * class headers'); nvsim-derived constants carry the NVSIM_ prefix.
 */
#ifndef NVSIM_HW_H
#define NVSIM_HW_H

#ifdef __KERNEL__
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>
#else
#include "kshim.h"
#endif

/* boot.h */
#define GSP_FW_WPR_META_MAGIC				0xdc3aae21371a60b3ull
#define GSP_FW_WPR_META_REVISION			0x1
#define GSP_FW_WPR_META_VERIFIED			0xa0a0a0a0a0a0a0a0ull
#define NVSIM_SEQ_REG_SAVE_AREA_SIZE	8

/* events.h */
#define GSP_ERROR					0x78
#define ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT		0x1f
#define ROBUST_CHANNEL_PBDMA_ERROR			0x20
#define NV0005_NOTIFY_INDEX_INDEX_MASK	0xffffu

/* libos_log.h */
#define LIBOS_LOG_MAX_ARGS		20

/* msgq.h */
#define NVSIM_MSGQ_VERSION		0
#define NVSIM_MSGQ_FLAGS_SWAP_RX		1
#define NVSIM_GSP_PAGE_SIZE		0x1000u
#define NVSIM_MSGQ_QUEUE_SIZE		0x40000u
#define NVSIM_MSGQ_ENTRY_SIZE		0x1000u
#define NVSIM_MSGQ_RXHDR_OFF		0x20u
#define NVSIM_MSGQ_ENTRY_OFF		0x1000u
#define NVSIM_MSGQ_MSG_COUNT \
	((NVSIM_MSGQ_QUEUE_SIZE - NVSIM_MSGQ_ENTRY_OFF) / NVSIM_MSGQ_ENTRY_SIZE)
#define NVSIM_SHM_SIZE			0x81000u
#define NVSIM_SHM_PTE_COUNT		(NVSIM_SHM_SIZE / NVSIM_GSP_PAGE_SIZE)
#define NVSIM_MSG_HDR_SIZE		0x30u
#define NVSIM_MSG_MAX_ELEMS		16u
#define NVSIM_MSG_MAX_SIZE		(NVSIM_MSG_MAX_ELEMS * NVSIM_MSGQ_ENTRY_SIZE)
#define NVSIM_RPC_HDR_SIZE		0x20u
#define NVSIM_RPC_MAX_LEN		(NVSIM_MSG_MAX_SIZE - NVSIM_MSG_HDR_SIZE)
#define NVSIM_RPC_MAX_PAYLOAD		(NVSIM_RPC_MAX_LEN - NVSIM_RPC_HDR_SIZE)
#define NVSIM_RPC_HEADER_VERSION		0x03000000u
#define NVSIM_RPC_SIGNATURE		0x43505256u	/* "VRPC" in memory */

/* regs.h */
#define NVSIM_FALCON_GSP_BASE		0x110000
#define NVSIM_FALCON_SEC2_BASE		0x840000
#define NVSIM_RISCV_GSP_BASE		0x111000
#define NVSIM_FALCON_FBIF_OFFSET		0x600	/* NV_PFALCON_FBIF_*: + this */
#define NV_PFALCON_FALCON_CPUCTL				0x100
#define NV_PFALCON_FALCON_CPUCTL_ALIAS				0x130
#define NV_PFALCON_FALCON_CPUCTL_HALTED__MASK			0x10
#define NV_PFALCON_FALCON_CPUCTL_STARTCPU__MASK			0x2
#define NV_PFALCON_FALCON_DMACTL				0x10c
#define NV_PFALCON_FALCON_IRQMCLR				0x14
#define NV_PFALCON_FALCON_IRQSCLR				0x4
#define NV_PFALCON_FALCON_IRQSTAT				0x8
#define NV_PFALCON_FALCON_MAILBOX0				0x40
#define NV_PFALCON_FALCON_MAILBOX1				0x44
#define NV_PFALCON_FALCON_OS					0x80
#define NV_PFALCON_FBIF_CTL					0x24
#define NV_PFB_PRI_MMU_WPR2_ADDR_HI				0x1fa828
#define NV_PFB_PRI_MMU_WPR2_ADDR_LO				0x1fa824
#define NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_PRIV_LEVEL_MASK	0x118128
#define NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_PRIV_LEVEL_MASK_READ_PROTECTION_LEVEL0__MASK	0x1
#define NV_PGC6_AON_SECURE_SCRATCH_GROUP_42			0x1183a4
#define NV_PGC6_BSI_SECURE_SCRATCH_14				0x1180f8
#define NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK	0x4000000
#define NV_PGSP_FALCON_MAILBOX0					0x110040
#define NV_PGSP_FALCON_MAILBOX1					0x110044
#define NV_PMC_BOOT_0						0x0
#define NV_PMC_BOOT_42						0xa00
#define NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS		0x240
#define NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS_ACTIVE_STAT__MASK	0x1
#define NV_PRISCV_RISCV_CPUCTL					0x388
#define NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT__MASK		0x80
#define NV_PGSP_QUEUE_HEAD(i)				(0x110c00 + (i) * 8)
#define NV_PBUS_SW_SCRATCH(i)				(0x1400 + (i) * 4)
/* GSP-RM's error mailbox and error word (OGKM dev_gsp.h, gsp_error.h). */
#define NV_PGSP_MAILBOX(i)				(0x110804 + (i) * 4)
#define NVSIM_GSP_ERROR_TAG_SHIFT		28
#define NVSIM_GSP_ERROR_TAG_VAL			0xe
#define NV_PGC6_AON_SECURE_SCRATCH_GROUP_05(i)		(0x118234 + (i) * 4)
#define NVSIM_GSP_RISCV_CORE_SWITCH_RISCV_STATUS \
	(NVSIM_RISCV_GSP_BASE + NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS)
#define NVSIM_GSP_RISCV_CPUCTL		(NVSIM_RISCV_GSP_BASE + NV_PRISCV_RISCV_CPUCTL)
#define NVSIM_RISCV_IRQMASK		0x2b4
#define NVSIM_GSP_RISCV_IRQMASK		(NVSIM_RISCV_GSP_BASE + NVSIM_RISCV_IRQMASK)
#define NVSIM_FALCON_IRQ_HALT		0x10
#define NVSIM_FALCON_IRQ_SWGEN0		0x40
#define NVSIM_GSP_UNLOAD_MAILBOX0_DONE	0x80000000u
#define NVSIM_SEC2_UNLOAD_MAILBOX	0xff
#define NVSIM_WPR2_ADDR_SHIFT		12
#define NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE		0x100ce0
#define NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE_LOWER_MAG__BIT_LO	4
#define NVSIM_GFW_BOOT_PROGRESS_COMPLETED	0xff
#define NVSIM_VGPU_DOORBELL \
	(NV_VIRTUAL_FUNCTION_FULL_PHYS_OFFSET__BASE + NV_VIRTUAL_FUNCTION_PRIV_DOORBELL)
#define NV_PFALCON_FALCON_IRQSSET		0x000
#define NV_PFALCON_FALCON_IRQMSET		0x010
#define NV_PFALCON_FALCON_IRQMASK		0x018
#define NV_PFALCON_FALCON_INTR_RETRIGGER(i)		(0x3e8 + (i) * 4)
#define NV_PFALCON_FALCON_INTR_RETRIGGER_TRIGGER_TRUE	0x1
#define NV_VIRTUAL_FUNCTION_FULL_PHYS_OFFSET__BASE		0xb80000
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP(i)		(0x1600 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_SET(i)		(0x1608 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_CLEAR(i)	(0x1610 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(i)		(0x1000 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF__SIZE_1		8
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(i)	(0x1200 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(i)	(0x1400 + (i) * 4)
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_TRIGGER		0x1640
#define NV_VIRTUAL_FUNCTION_PRIV_DOORBELL			0x2200
#define NVSIM_VF(off)	(NV_VIRTUAL_FUNCTION_FULL_PHYS_OFFSET__BASE + (off))
#define NVSIM_VF_CPU_INTR_TOP(i)		NVSIM_VF(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP(i))
#define NVSIM_VF_CPU_INTR_TOP_EN_SET(i)	NVSIM_VF(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_SET(i))
#define NVSIM_VF_CPU_INTR_TOP_EN_CLEAR(i) NVSIM_VF(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_CLEAR(i))
#define NVSIM_VF_CPU_INTR_LEAF(i)	NVSIM_VF(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(i))
#define NVSIM_VF_CPU_INTR_LEAF_EN_SET(i)	NVSIM_VF(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(i))
#define NVSIM_VF_CPU_INTR_LEAF_EN_CLEAR(i) NVSIM_VF(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(i))
#define NVSIM_VF_CPU_INTR_LEAF_TRIGGER	NVSIM_VF(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_TRIGGER)
#define NVSIM_INTR_VECTORS		(32 * NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF__SIZE_1)
#define NVSIM_INTR_VECTOR_LEAF(v)	((v) / 32)
#define NVSIM_INTR_VECTOR_BIT(v)		((v) % 32)
#define NVSIM_INTR_LEAF_SUBTREE(l)	((l) / 2)
#define NVSIM_INTR_SUBTREE_BIT(s)	((s) % 32)

/* rm.h */
#define ADA_A						0xc997
#define ADA_COMPUTE_A					0xc9c0
#define AMPERE_B					0xc797
#define AMPERE_CHANNEL_GPFIFO_A				0xc56f
#define AMPERE_COMPUTE_B				0xc7c0
#define AMPERE_DMA_COPY_B				0xc7b5
#define AMPERE_USERMODE_A				0xc561
#define FERMI_CONTEXT_SHARE_A				0x9067
#define FERMI_VASPACE_A					0x90f1
#define GT200_DEBUGGER					0x83de
#define KEPLER_CHANNEL_GROUP_A				0xa06c
#define NV01_CONTEXT_DMA				0x2
#define NV01_DEVICE_0					0x80
#define NV01_EVENT					0x5
#define NV01_EVENT_KERNEL_CALLBACK			0x78
#define NV01_EVENT_KERNEL_CALLBACK_EX			0x7e
#define NV01_EVENT_OS_EVENT				0x79
#define NV01_MEMORY_LIST_SYSTEM				0x81
#define NV01_MEMORY_LOCAL_USER				0x40
#define NV01_MEMORY_SYSTEM				0x3e
#define NV01_MEMORY_VIRTUAL				0x70
#define NV01_ROOT					0x0
#define NV01_ROOT_NON_PRIV				0x1
#define NV04_DISPLAY_COMMON				0x73
#define NV20_SUBDEVICE_0				0x2080
#define NV50_MEMORY_VIRTUAL				0x50a0
#define NV50_P2P					0x503b
#define NVA081_VGPU_CONFIG				0xa081
#define NVA084_KERNEL_HOST_VGPU_DEVICE			0xa084
#define NVC670_DISPLAY					0xc670
#define TURING_A					0xc597
#define TURING_CHANNEL_GPFIFO_A				0xc46f
#define TURING_COMPUTE_A				0xc5c0
#define TURING_DMA_COPY_A				0xc5b5
#define TURING_USERMODE_A				0xc461
#define NV2080_ENGINE_TYPE_GR0				0x1
#define NV2080_ENGINE_TYPE_GR7				0x8
#define NV2080_ENGINE_TYPE_COPY0			0x9
#define NV2080_ENGINE_TYPE_COPY1			0xa
#define NV2080_ENGINE_TYPE_COPY2			0xb
#define NV2080_ENGINE_TYPE_COPY3			0xc
#define NV2080_ENGINE_TYPE_COPY4			0xd
#define NV2080_ENGINE_TYPE_COPY5			0xe
#define NV2080_ENGINE_TYPE_COPY9			0x12
#define NV2080_ENGINE_TYPE_NVDEC0			0x13
#define NV2080_ENGINE_TYPE_NVDEC1			0x14
#define NV2080_ENGINE_TYPE_NVDEC2			0x15
#define NV2080_ENGINE_TYPE_NVDEC3			0x16
#define NV2080_ENGINE_TYPE_NVDEC7			0x1a
#define NV2080_ENGINE_TYPE_NVENC0			0x1b
#define NV2080_ENGINE_TYPE_NVENC1			0x1c
#define NV2080_ENGINE_TYPE_NVENC2			0x1d
#define NV2080_ENGINE_TYPE_SEC2				0x26
#define NV2080_ENGINE_TYPE_NVJPEG0			0x2b
#define NV2080_ENGINE_TYPE_NVJPEG1			0x2c
#define NV2080_ENGINE_TYPE_NVJPEG2			0x2d
#define NV2080_ENGINE_TYPE_NVJPEG3			0x2e
#define NV2080_ENGINE_TYPE_NVJPEG7			0x32
#define NV2080_ENGINE_TYPE_OFA				0x33

/* rpc_funcs.h */
#define NV_OK					0x0
#define NV_ERR_INVALID_ARGUMENT			0x1f
#define NV_ERR_INVALID_PARAM_STRUCT		0x3a
#define NV_ERR_INSUFFICIENT_RESOURCES		0x1a
#define NV_ERR_INVALID_CLASS			0x22
#define NV_ERR_INVALID_OBJECT_HANDLE		0x33
#define NV_ERR_INVALID_STATE			0x40
#define NV_ERR_NO_FREE_FIFOS			0x4f
#define NV_ERR_NO_MEMORY			0x51
#define NV_ERR_NOT_SUPPORTED			0x56
#define NV_ERR_OBJECT_NOT_FOUND			0x57
#define NV_ERR_GENERIC				0xffff

/* vmm.h */
#define NV_MMU_VER2_PDE__SIZE				0x8
#define NV_MMU_VER2_DUAL_PDE__SIZE			0x10
#define NV_MMU_VER2_PTE__SIZE				0x8
#define NV_MMU_VER2_PDE_IS_PTE__BIT_HI			0
#define NV_MMU_VER2_PDE_IS_PTE__BIT_LO			0
#define NV_MMU_VER2_PDE_APERTURE__BIT_HI		2
#define NV_MMU_VER2_PDE_APERTURE__BIT_LO		1
#define NV_MMU_VER2_PDE_APERTURE_INVALID		0x0
#define NV_MMU_VER2_PDE_APERTURE_VIDEO_MEMORY		0x1
#define NV_MMU_VER2_PDE_APERTURE_SYSTEM_COHERENT_MEMORY	0x2
#define NV_MMU_VER2_PDE_APERTURE_SYSTEM_NON_COHERENT_MEMORY 0x3
#define NV_MMU_VER2_PDE_ADDRESS_VID__BIT_HI		0x20
#define NV_MMU_VER2_PDE_ADDRESS_VID__BIT_LO		0x8
#define NV_MMU_VER2_PDE_ADDRESS_SYS__BIT_HI		0x35
#define NV_MMU_VER2_PDE_ADDRESS_SYS__BIT_LO		0x8
#define NV_MMU_VER2_PDE_ADDRESS_SHIFT			0xc
#define NV_MMU_VER2_DUAL_PDE_IS_PTE__BIT_HI		0
#define NV_MMU_VER2_DUAL_PDE_IS_PTE__BIT_LO		0
#define NV_MMU_VER2_DUAL_PDE_APERTURE_BIG__BIT_HI	2
#define NV_MMU_VER2_DUAL_PDE_APERTURE_BIG__BIT_LO	1
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_VID__BIT_HI	0x20
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_VID__BIT_LO	0x4
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_SYS__BIT_HI	0x35
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_SYS__BIT_LO	0x4
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_SHIFT		0x8
#define NV_MMU_VER2_DUAL_PDE_APERTURE_SMALL__BIT_HI	0x42
#define NV_MMU_VER2_DUAL_PDE_APERTURE_SMALL__BIT_LO	0x41
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_SMALL_VID__BIT_HI	0x60
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_SMALL_VID__BIT_LO	0x48
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_SMALL_SYS__BIT_HI	0x75
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_SMALL_SYS__BIT_LO	0x48
#define NV_MMU_VER2_DUAL_PDE_ADDRESS_SHIFT		0xc
#define NV_MMU_VER2_PTE_VALID__BIT_HI			0
#define NV_MMU_VER2_PTE_VALID__BIT_LO			0
#define NV_MMU_VER2_PTE_APERTURE__BIT_HI		2
#define NV_MMU_VER2_PTE_APERTURE__BIT_LO		1
#define NV_MMU_VER2_PTE_APERTURE_VIDEO_MEMORY		0x0
#define NV_MMU_VER2_PTE_APERTURE_PEER_MEMORY		0x1
#define NV_MMU_VER2_PTE_APERTURE_SYSTEM_COHERENT_MEMORY	0x2
#define NV_MMU_VER2_PTE_APERTURE_SYSTEM_NON_COHERENT_MEMORY 0x3
#define NV_MMU_VER2_PTE_VOL__BIT_HI			3
#define NV_MMU_VER2_PTE_VOL__BIT_LO			3
#define NV_MMU_VER2_PTE_PRIVILEGE__BIT_HI		5
#define NV_MMU_VER2_PTE_PRIVILEGE__BIT_LO		5
#define NV_MMU_VER2_PTE_READ_ONLY__BIT_HI		6
#define NV_MMU_VER2_PTE_READ_ONLY__BIT_LO		6
#define NV_MMU_VER2_PTE_ADDRESS_VID__BIT_HI		0x20
#define NV_MMU_VER2_PTE_ADDRESS_VID__BIT_LO		0x8
#define NV_MMU_VER2_PTE_ADDRESS_SYS__BIT_HI		0x35
#define NV_MMU_VER2_PTE_ADDRESS_SYS__BIT_LO		0x8
#define NV_MMU_VER2_PTE_ADDRESS_SHIFT			0xc

/* ---- RPC function and event numbers shared by every version ---- */
enum nvsim_fn {
	NVSIM_FN_NOP = 0x0,
	NVSIM_FN_FREE = 0xa,
	NVSIM_FN_UNLOADING_GUEST_DRIVER = 0x2f,
	NVSIM_FN_GET_GSP_STATIC_INFO = 0x41,
	NVSIM_FN_CONTINUATION_RECORD = 0x47,
	NVSIM_FN_GSP_SET_SYSTEM_INFO = 0x48,
	NVSIM_FN_SET_REGISTRY = 0x49,
	NVSIM_FN_GSP_RM_CONTROL = 0x4c,
	NVSIM_FN_GSP_RM_ALLOC = 0x67,
};

/*
 * Events below 0x101b keep their numbers in 535.113.01 and 570.144; from
 * 0x101b on they moved (struct nvsim_abi.ev_lockdown).
 */
enum nvsim_ev {
	NVSIM_EV_FIRST = 0x1000,
	NVSIM_EV_GSP_INIT_DONE = 0x1001,
	NVSIM_EV_GSP_RUN_CPU_SEQUENCER = 0x1002,
	NVSIM_EV_POST_EVENT = 0x1003,
	NVSIM_EV_RC_TRIGGERED = 0x1004,
	NVSIM_EV_MMU_FAULT_QUEUED = 0x1005,
	NVSIM_EV_OS_ERROR_LOG = 0x1006,
	NVSIM_EV_VGPU_GSP_PLUGIN_TRIGGERED = 0x100d,
};

/* enum LibosMemoryRegionKind / LibosMemoryRegionLoc values nvsim accepts. */
#define NVSIM_LIBOS_REGION_CONTIGUOUS	0x1
#define NVSIM_LIBOS_REGION_LOC_SYSMEM	0x1

/* enum GSP_SEQ_BUF_OPCODE values nvsim's sequencer program uses. */
#define NVSIM_SEQ_OP_REG_POLL		0x2
#define NVSIM_SEQ_OP_DELAY_US		0x3
#define NVSIM_SEQ_OP_REG_STORE		0x4
#define NVSIM_SEQ_OP_CORE_WAIT_FOR_HALT	0x7
#define NVSIM_SEQ_OP_CORE_RESUME	0x8

/* ---- structures (little-endian, naturally aligned) ---- */

/* msgqTxHeader: the header at the start of each queue. */
struct nvsim_msgq_txhdr {
	u32 version;
	u32 size;
	u32 msgSize;
	u32 msgCount;
	u32 writePtr;
	u32 flags;
	u32 rxHdrOff;
	u32 entryOff;
};

static_assert(sizeof(struct nvsim_msgq_txhdr) == 0x20, "nvsim_msgq_txhdr size");

/* rpc_message_header_v03_00 (without its flexible payload). */
struct nvsim_rpc_hdr {
	u32 header_version;
	u32 signature;
	u32 length;
	u32 function;
	u32 rpc_result;
	u32 rpc_result_private;
	u32 sequence;
	u32 spare;		/* union { spare; cpuRmGfid; } */
};

static_assert(sizeof(struct nvsim_rpc_hdr) == NVSIM_RPC_HDR_SIZE, "nvsim_rpc_hdr size");

/* GSP_MSG_QUEUE_ELEMENT: one message, its RPC header at 0x30. */
struct nvsim_msgq_elem {
	u8 authTagBuffer[16];
	u8 aadBuffer[16];
	u32 checkSum;
	u32 seqNum;
	u32 elemCount;
	u32 pad;
	struct nvsim_rpc_hdr rpc;
};

static_assert(sizeof(struct nvsim_msgq_elem) == NVSIM_MSG_HDR_SIZE + NVSIM_RPC_HDR_SIZE,
	      "nvsim_msgq_elem size");
static_assert(offsetof(struct nvsim_msgq_elem, rpc) == NVSIM_MSG_HDR_SIZE, "nvsim_msgq_elem offset");

/* LibosMemoryRegionInitArgument: one entry of the LIBOS argument array. */
struct nvsim_libos_region {
	u64 id8;
	u64 pa;
	u64 size;
	u8 kind;
	u8 loc;
};

static_assert(sizeof(struct nvsim_libos_region) == 0x20, "nvsim_libos_region size");

/* libosLogMetadata: a log call site in the logging ELF. */
struct nvsim_libos_meta {
	u64 filename;
	u64 format;
	u32 lineNumber;
	u8 argumentCount;
	u8 printLevel;
	u8 pad[2];
};

static_assert(sizeof(struct nvsim_libos_meta) == 0x18, "nvsim_libos_meta size");

/*
 * GspFwWprMeta: the fields every version has at the same place (the
 * versions differ only after gspFwHeapVfPartitionCount, in bytes nvsim
 * does not read).
 */
struct nvsim_wpr_meta {
	u64 magic;
	u64 revision;
	u64 sysmemAddrOfRadix3Elf;
	u64 sizeOfRadix3Elf;
	u64 sysmemAddrOfBootloader;
	u64 sizeOfBootloader;
	u64 bootloaderCodeOffset;
	u64 bootloaderDataOffset;
	u64 bootloaderManifestOffset;
	u64 sysmemAddrOfSignature;
	u64 sizeOfSignature;
	u64 gspFwRsvdStart;
	u64 nonWprHeapOffset;
	u64 nonWprHeapSize;
	u64 gspFwWprStart;
	u64 gspFwHeapOffset;
	u64 gspFwHeapSize;
	u64 gspFwOffset;
	u64 bootBinOffset;
	u64 frtsOffset;
	u64 frtsSize;
	u64 gspFwWprEnd;
	u64 fbSize;
	u64 vgaWorkspaceOffset;
	u64 vgaWorkspaceSize;
	u64 bootCount;
	u8 opaque[0x28];	/* partition RPC / crash queue, VF count, ... */
	u64 verified;
};

static_assert(sizeof(struct nvsim_wpr_meta) == 0x100, "nvsim_wpr_meta size");
static_assert(offsetof(struct nvsim_wpr_meta, verified) == 0xf8, "nvsim_wpr_meta offset");

/* rpc_run_cpu_sequencer_v17_00 (commandBuffer follows). */
struct nvsim_seq_rpc {
	u32 bufferSizeDWord;
	u32 cmdIndex;
	u32 regSaveArea[NVSIM_SEQ_REG_SAVE_AREA_SIZE];
};

static_assert(sizeof(struct nvsim_seq_rpc) == 0x28, "nvsim_seq_rpc size");

/* rpc_unloading_guest_driver_v1F_07 */
struct nvsim_unloading {
	u8 bInPMTransition;
	u8 bGc6Entering;
	u32 newLevel;
};

static_assert(sizeof(struct nvsim_unloading) == 0x8, "nvsim_unloading size");

/*
 * rpc_vgpu_gsp_plugin_triggered_v17_00 (VGPU_GSP_PLUGIN_TRIGGERED): the
 * same in 535.113.01 and 570.144 (gsp-rm-layouts.tsv).
 */
struct nvsim_plugin_triggered {
	u32 gfid;
	u32 notifyIndex;
};

static_assert(sizeof(struct nvsim_plugin_triggered) == 0x8, "nvsim_plugin_triggered size");

#endif /* NVSIM_HW_H */
