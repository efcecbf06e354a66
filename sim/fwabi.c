// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: one GSP-RM firmware version's side of nvsim (sim/abi.h).
 *
 * Not compiled on its own: sim/rNNN/abi.c includes the version's firmware
 * headers, defines NVSIM_ABI_VER (535, 570), NVSIM_ABI_NAME and
 * NVSIM_ABI_VERSION, then includes this file, which includes sim/rpc.c
 * (the RM objects and controls). Everything here therefore sees that
 * version's structures: where versions differ in more than sizes, an
 * "#if NVSIM_ABI_VER" block says how.
 */
#ifndef NVSIM_ABI_VER
#error "compiled through sim/rNNN/abi.c only"
#endif

#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "nvsim.h"

/*
 * nvsim's own definitions (sim/hw.h) are this version's: the structures
 * below by size and offsets, the numbers by value; a register macro of
 * sim/hw.h that this version's regs.h defines differently is reported by
 * the compiler as a redefinition.
 */
#define NVSIM_SAME(own, theirs) \
	static_assert(sizeof(struct own) == sizeof(struct theirs), #own)
#define NVSIM_SAME_VAL(theirs, own) \
	static_assert((long long)(theirs) == (long long)(own), #own)
#define NVSIM_SAME_OFF(own, theirs, f) \
	static_assert(offsetof(struct own, f) == offsetof(struct theirs, f), \
		      #own "." #f)

NVSIM_SAME(nvsim_msgq_txhdr, msgqTxHeader);
NVSIM_SAME_OFF(nvsim_msgq_txhdr, msgqTxHeader, writePtr);
NVSIM_SAME_OFF(nvsim_msgq_txhdr, msgqTxHeader, rxHdrOff);
NVSIM_SAME_OFF(nvsim_msgq_txhdr, msgqTxHeader, entryOff);
NVSIM_SAME(nvsim_msgq_elem, GSP_MSG_QUEUE_ELEMENT);
NVSIM_SAME_OFF(nvsim_msgq_elem, GSP_MSG_QUEUE_ELEMENT, checkSum);
NVSIM_SAME_OFF(nvsim_msgq_elem, GSP_MSG_QUEUE_ELEMENT, elemCount);
NVSIM_SAME_OFF(nvsim_msgq_elem, GSP_MSG_QUEUE_ELEMENT, rpc);
NVSIM_SAME(nvsim_rpc_hdr, rpc_message_header_v03_00);
NVSIM_SAME_OFF(nvsim_rpc_hdr, rpc_message_header_v03_00, function);
NVSIM_SAME_OFF(nvsim_rpc_hdr, rpc_message_header_v03_00, rpc_result);
NVSIM_SAME_OFF(nvsim_rpc_hdr, rpc_message_header_v03_00, sequence);
NVSIM_SAME(nvsim_libos_region, LibosMemoryRegionInitArgument);
NVSIM_SAME_OFF(nvsim_libos_region, LibosMemoryRegionInitArgument, size);
NVSIM_SAME_OFF(nvsim_libos_region, LibosMemoryRegionInitArgument, kind);
NVSIM_SAME_OFF(nvsim_libos_region, LibosMemoryRegionInitArgument, loc);
NVSIM_SAME(nvsim_wpr_meta, GspFwWprMeta);
NVSIM_SAME_OFF(nvsim_wpr_meta, GspFwWprMeta, sysmemAddrOfSignature);
NVSIM_SAME_OFF(nvsim_wpr_meta, GspFwWprMeta, gspFwRsvdStart);
NVSIM_SAME_OFF(nvsim_wpr_meta, GspFwWprMeta, gspFwHeapSize);
NVSIM_SAME_OFF(nvsim_wpr_meta, GspFwWprMeta, fbSize);
NVSIM_SAME_OFF(nvsim_wpr_meta, GspFwWprMeta, vgaWorkspaceSize);
NVSIM_SAME_OFF(nvsim_wpr_meta, GspFwWprMeta, bootCount);
NVSIM_SAME_OFF(nvsim_wpr_meta, GspFwWprMeta, verified);
NVSIM_SAME(nvsim_seq_rpc, rpc_run_cpu_sequencer_v17_00);
NVSIM_SAME_OFF(nvsim_seq_rpc, rpc_run_cpu_sequencer_v17_00, regSaveArea);
NVSIM_SAME(nvsim_unloading, rpc_unloading_guest_driver_v1F_07);
NVSIM_SAME_OFF(nvsim_unloading, rpc_unloading_guest_driver_v1F_07, newLevel);
NVSIM_SAME_VAL(GSP_SEQ_BUF_OPCODE_REG_POLL, NVSIM_SEQ_OP_REG_POLL);
NVSIM_SAME_VAL(GSP_SEQ_BUF_OPCODE_DELAY_US, NVSIM_SEQ_OP_DELAY_US);
NVSIM_SAME_VAL(GSP_SEQ_BUF_OPCODE_REG_STORE, NVSIM_SEQ_OP_REG_STORE);
NVSIM_SAME_VAL(GSP_SEQ_BUF_OPCODE_CORE_WAIT_FOR_HALT, NVSIM_SEQ_OP_CORE_WAIT_FOR_HALT);
NVSIM_SAME_VAL(GSP_SEQ_BUF_OPCODE_CORE_RESUME, NVSIM_SEQ_OP_CORE_RESUME);
NVSIM_SAME_VAL(LIBOS_MEMORY_REGION_CONTIGUOUS, NVSIM_LIBOS_REGION_CONTIGUOUS);
NVSIM_SAME_VAL(LIBOS_MEMORY_REGION_LOC_SYSMEM, NVSIM_LIBOS_REGION_LOC_SYSMEM);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_NOP, NVSIM_FN_NOP);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_FREE, NVSIM_FN_FREE);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER, NVSIM_FN_UNLOADING_GUEST_DRIVER);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO, NVSIM_FN_GET_GSP_STATIC_INFO);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD, NVSIM_FN_CONTINUATION_RECORD);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO, NVSIM_FN_GSP_SET_SYSTEM_INFO);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_SET_REGISTRY, NVSIM_FN_SET_REGISTRY);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, NVSIM_FN_GSP_RM_CONTROL);
NVSIM_SAME_VAL(NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC, NVSIM_FN_GSP_RM_ALLOC);
NVSIM_SAME_VAL(NV_VGPU_MSG_EVENT_FIRST_EVENT, NVSIM_EV_FIRST);
NVSIM_SAME_VAL(NV_VGPU_MSG_EVENT_GSP_INIT_DONE, NVSIM_EV_GSP_INIT_DONE);
NVSIM_SAME_VAL(NV_VGPU_MSG_EVENT_GSP_RUN_CPU_SEQUENCER, NVSIM_EV_GSP_RUN_CPU_SEQUENCER);
NVSIM_SAME_VAL(NV_VGPU_MSG_EVENT_POST_EVENT, NVSIM_EV_POST_EVENT);
NVSIM_SAME_VAL(NV_VGPU_MSG_EVENT_RC_TRIGGERED, NVSIM_EV_RC_TRIGGERED);
NVSIM_SAME_VAL(NV_VGPU_MSG_EVENT_MMU_FAULT_QUEUED, NVSIM_EV_MMU_FAULT_QUEUED);
NVSIM_SAME_VAL(NV_VGPU_MSG_EVENT_OS_ERROR_LOG, NVSIM_EV_OS_ERROR_LOG);
NVSIM_SAME_VAL(NV_VGPU_MSG_EVENT_VGPU_GSP_PLUGIN_TRIGGERED, NVSIM_EV_VGPU_GSP_PLUGIN_TRIGGERED);
NVSIM_SAME_VAL(NVRM_MSGQ_VERSION, NVSIM_MSGQ_VERSION);
NVSIM_SAME_VAL(NVRM_MSGQ_FLAGS_SWAP_RX, NVSIM_MSGQ_FLAGS_SWAP_RX);
NVSIM_SAME_VAL(NVRM_GSP_PAGE_SIZE, NVSIM_GSP_PAGE_SIZE);
NVSIM_SAME_VAL(NVRM_MSGQ_QUEUE_SIZE, NVSIM_MSGQ_QUEUE_SIZE);
NVSIM_SAME_VAL(NVRM_MSGQ_ENTRY_SIZE, NVSIM_MSGQ_ENTRY_SIZE);
NVSIM_SAME_VAL(NVRM_MSGQ_RXHDR_OFF, NVSIM_MSGQ_RXHDR_OFF);
NVSIM_SAME_VAL(NVRM_MSGQ_ENTRY_OFF, NVSIM_MSGQ_ENTRY_OFF);
NVSIM_SAME_VAL(NVRM_MSGQ_MSG_COUNT, NVSIM_MSGQ_MSG_COUNT);
NVSIM_SAME_VAL(NVRM_SHM_PTE_COUNT, NVSIM_SHM_PTE_COUNT);
NVSIM_SAME_VAL(NVRM_MSG_HDR_SIZE, NVSIM_MSG_HDR_SIZE);
NVSIM_SAME_VAL(NVRM_MSG_MAX_ELEMS, NVSIM_MSG_MAX_ELEMS);
NVSIM_SAME_VAL(NVRM_RPC_HDR_SIZE, NVSIM_RPC_HDR_SIZE);
NVSIM_SAME_VAL(NVRM_RPC_MAX_PAYLOAD, NVSIM_RPC_MAX_PAYLOAD);
NVSIM_SAME_VAL(NVRM_RPC_HEADER_VERSION, NVSIM_RPC_HEADER_VERSION);
NVSIM_SAME_VAL(NVRM_RPC_SIGNATURE, NVSIM_RPC_SIGNATURE);
NVSIM_SAME_VAL(NVRM_SEQ_REG_SAVE_AREA_SIZE, NVSIM_SEQ_REG_SAVE_AREA_SIZE);
NVSIM_SAME_VAL(NVRM_FALCON_GSP_BASE, NVSIM_FALCON_GSP_BASE);
NVSIM_SAME_VAL(NVRM_FALCON_SEC2_BASE, NVSIM_FALCON_SEC2_BASE);
NVSIM_SAME_VAL(NVRM_RISCV_GSP_BASE, NVSIM_RISCV_GSP_BASE);
NVSIM_SAME_VAL(NVRM_FALCON_FBIF_OFFSET, NVSIM_FALCON_FBIF_OFFSET);
NVSIM_SAME_VAL(NVRM_RISCV_IRQMASK, NVSIM_RISCV_IRQMASK);
NVSIM_SAME_VAL(NVRM_FALCON_IRQ_HALT, NVSIM_FALCON_IRQ_HALT);
NVSIM_SAME_VAL(NVRM_FALCON_IRQ_SWGEN0, NVSIM_FALCON_IRQ_SWGEN0);
NVSIM_SAME_VAL(NVRM_GSP_UNLOAD_MAILBOX0_DONE, NVSIM_GSP_UNLOAD_MAILBOX0_DONE);
NVSIM_SAME_VAL(NVRM_SEC2_UNLOAD_MAILBOX, NVSIM_SEC2_UNLOAD_MAILBOX);
NVSIM_SAME_VAL(NVRM_WPR2_ADDR_SHIFT, NVSIM_WPR2_ADDR_SHIFT);
NVSIM_SAME_VAL(NVRM_GFW_BOOT_PROGRESS_COMPLETED, NVSIM_GFW_BOOT_PROGRESS_COMPLETED);
NVSIM_SAME_VAL(NVRM_VGPU_DOORBELL, NVSIM_VGPU_DOORBELL);
NVSIM_SAME_VAL(NVRM_VF_CPU_INTR_TOP(0), NVSIM_VF_CPU_INTR_TOP(0));
NVSIM_SAME_VAL(NVRM_VF_CPU_INTR_LEAF(3), NVSIM_VF_CPU_INTR_LEAF(3));
NVSIM_SAME_VAL(NVRM_VF_CPU_INTR_LEAF_EN_SET(3), NVSIM_VF_CPU_INTR_LEAF_EN_SET(3));
NVSIM_SAME_VAL(NVRM_VF_CPU_INTR_LEAF_EN_CLEAR(3), NVSIM_VF_CPU_INTR_LEAF_EN_CLEAR(3));
NVSIM_SAME_VAL(NVRM_VF_CPU_INTR_TOP_EN_SET(0), NVSIM_VF_CPU_INTR_TOP_EN_SET(0));
NVSIM_SAME_VAL(NVRM_VF_CPU_INTR_TOP_EN_CLEAR(0), NVSIM_VF_CPU_INTR_TOP_EN_CLEAR(0));
NVSIM_SAME_VAL(NVRM_VF_CPU_INTR_LEAF_TRIGGER, NVSIM_VF_CPU_INTR_LEAF_TRIGGER);
NVSIM_SAME_VAL(NVRM_INTR_VECTORS, NVSIM_INTR_VECTORS);

/*
 * Hardware class formats of nvsim's channel executor (sim/hwclass.h): a
 * macro there that this version's fifo.h defines differently is a
 * redefinition; the USERD and doorbell facts are asserted here.
 */
#include "hwclass.h"

NVSIM_SAME_VAL(sizeof(struct Nvc46fControl), NVSIM_USERD_SIZE);
NVSIM_SAME_VAL(sizeof(struct Nvc56fControl), NVSIM_USERD_SIZE);
NVSIM_SAME_VAL(offsetof(struct Nvc46fControl, Get), NVSIM_USERD_GET);
NVSIM_SAME_VAL(offsetof(struct Nvc46fControl, GetHi), NVSIM_USERD_GET_HI);
NVSIM_SAME_VAL(offsetof(struct Nvc46fControl, GPGet), NVSIM_USERD_GP_GET);
NVSIM_SAME_VAL(offsetof(struct Nvc46fControl, GPPut), NVSIM_USERD_GP_PUT);
NVSIM_SAME_VAL(offsetof(struct Nvc56fControl, GPGet), NVSIM_USERD_GP_GET);
NVSIM_SAME_VAL(offsetof(struct Nvc56fControl, GPPut), NVSIM_USERD_GP_PUT);
NVSIM_SAME_VAL(NVRM_CHANNELS_PER_USERD_PAGE, NVSIM_CHID_PER_USERD_PAGE);
NVSIM_SAME_VAL(NVRM_VF_DOORBELL_VECTOR__BIT_HI, NVSIM_DOORBELL_VECTOR__BIT_HI);
NVSIM_SAME_VAL(NVRM_VF_DOORBELL_VECTOR__BIT_LO, NVSIM_DOORBELL_VECTOR__BIT_LO);
NVSIM_SAME_VAL(NVRM_VF_DOORBELL_RUNLIST_ID__BIT_HI, NVSIM_DOORBELL_RUNLIST_ID__BIT_HI);
NVSIM_SAME_VAL(NVRM_VF_DOORBELL_RUNLIST_ID__BIT_LO, NVSIM_DOORBELL_RUNLIST_ID__BIT_LO);
NVSIM_SAME_VAL(NVRM_VF_FULL_PHYS_OFFSET, NV_VIRTUAL_FUNCTION_FULL_PHYS_OFFSET__BASE);

/* Channel-object parameters of this version (sim/chanargs.h). */
#include "chanabi.c"

/* ---- engines ---- */

/*
 * RM_ENGINE_TYPE of an NV2080 engine type. RM numbers more copy engines
 * than NV2080 (20 against 10), which shifts every later type; 570 also
 * has a fourth NVENC, which shifts everything after NVENC once more
 * (RM_ENGINE_TYPE_SEC2 0x30 in 535, 0x31 in 570).
 */
static u32 fwabi_engine_to_rm(u32 t)
{
#if NVSIM_ABI_VER >= 570
	const u32 after_nvenc = 11;
#else
	const u32 after_nvenc = 10;
#endif
	if (t >= NV2080_ENGINE_TYPE_GR0 && t <= NV2080_ENGINE_TYPE_COPY9)
		return t;
	if (t >= NV2080_ENGINE_TYPE_NVDEC0 && t <= NV2080_ENGINE_TYPE_NVENC2)
		return t + 10;
	if (t == NV2080_ENGINE_TYPE_SEC2)
		return RM_ENGINE_TYPE_SEC2;
	if (t >= NV2080_ENGINE_TYPE_NVJPEG0 && t <= NV2080_ENGINE_TYPE_OFA)
		return t + after_nvenc;
	return RM_ENGINE_TYPE_NULL;
}

/* MC engine index (INTR_GET_KERNEL_TABLE.engineIdx, OGKM engine_idx.h). */
static u32 fwabi_engine_to_mc(u32 t)
{
	if (t >= NV2080_ENGINE_TYPE_GR0 && t <= NV2080_ENGINE_TYPE_GR7)
		return MC_ENGINE_IDX_GRn(t - NV2080_ENGINE_TYPE_GR0);
	if (t >= NV2080_ENGINE_TYPE_COPY0 && t <= NV2080_ENGINE_TYPE_COPY9)
		return MC_ENGINE_IDX_CE(t - NV2080_ENGINE_TYPE_COPY0);
	if (t >= NV2080_ENGINE_TYPE_NVDEC0 && t <= NV2080_ENGINE_TYPE_NVDEC7)
		return MC_ENGINE_IDX_NVDECn(t - NV2080_ENGINE_TYPE_NVDEC0);
#if NVSIM_ABI_VER >= 570
	if (t >= NV2080_ENGINE_TYPE_NVENC0 && t <= NV2080_ENGINE_TYPE_NVENC2)
		return MC_ENGINE_IDX_NVENCn(t - NV2080_ENGINE_TYPE_NVENC0);
#else
	if (t >= NV2080_ENGINE_TYPE_NVENC0 && t <= NV2080_ENGINE_TYPE_NVENC2)
		return MC_ENGINE_IDX_MSENCn(t - NV2080_ENGINE_TYPE_NVENC0);
#endif
	if (t >= NV2080_ENGINE_TYPE_NVJPEG0 && t <= NV2080_ENGINE_TYPE_NVJPEG7)
		return MC_ENGINE_IDX_NVJPEGn(t - NV2080_ENGINE_TYPE_NVJPEG0);
	if (t == NV2080_ENGINE_TYPE_OFA)
		return MC_ENGINE_IDX_OFA0;
	if (t == NV2080_ENGINE_TYPE_SEC2)
		return MC_ENGINE_IDX_SEC2;
	return MC_ENGINE_IDX_NULL;
}

/* ---- VA spaces: the parameters (sim/mmu.c keeps the tables) ---- */

static u32 fwabi_vas_alloc_check(const void *params)
{
	const struct NV_VASPACE_ALLOCATION_PARAMETERS *a = params;

	if (a->index != NV_VASPACE_ALLOCATION_INDEX_GPU_NEW)
		return NV_ERR_INVALID_ARGUMENT;
	if (a->bigPageSize && a->bigPageSize != SZ_64K && a->bigPageSize != SZ_128K)
		return NV_ERR_INVALID_ARGUMENT;
	return NV_OK;
}

static u32 fwabi_vas_copy_pdes(struct nvsim_gpu *gpu, u32 client, u32 handle,
			       const void *params)
{
	const struct NV90F1_CTRL_VASPACE_COPY_SERVER_RESERVED_PDES_PARAMS *p = params;
	u64 vram = gpu->chip->vram_size;
	unsigned int i;

	if (!p->numLevelsToCopy || p->numLevelsToCopy > GMMU_FMT_MAX_LEVELS ||
	    p->virtAddrLo > p->virtAddrHi || !is_power_of_2(p->pageSize))
		return NV_ERR_INVALID_ARGUMENT;
	for (i = 0; i < p->numLevelsToCopy; i++) {
		const struct NV90F1_CTRL_VASPACE_COPY_SERVER_RESERVED_PDES_LEVEL *l =
			&p->levels[i];

		if (!l->size || l->pageShift >= 64 || !l->aperture ||
		    l->aperture > NV_MMU_VER2_PDE_APERTURE_SYSTEM_NON_COHERENT_MEMORY)
			return NV_ERR_INVALID_ARGUMENT;
		if (l->aperture == NV_MMU_VER2_PDE_APERTURE_VIDEO_MEMORY &&
		    (l->physAddress > vram || l->size > vram - l->physAddress))
			return NV_ERR_INVALID_ARGUMENT;
	}
	nvsim_vas_set(gpu, client, handle, p->levels[0].aperture,
		      p->levels[0].physAddress);
	return NV_OK;
}

#include "vgpu_ctrl.c"
#include "rpc.c"
#include "vgpu_guest_check.c"
#include "vgpu_guest_rpc.c"

/* ---- boot: RMARGS ---- */

static int fwabi_rmargs(const void *buf, u64 size, struct nvsim_rmargs *out,
			const char **why)
{
	const struct GSP_ARGUMENTS_CACHED *a = buf;
	const struct MESSAGE_QUEUE_INIT_ARGUMENTS *q = &a->messageQueueInitArguments;

	if (size < sizeof(*a)) {
		*why = "smaller than GSP_ARGUMENTS_CACHED";
		return -EINVAL;
	}
	out->shm_pa = q->sharedMemPhysAddr;
	out->npages = q->pageTableEntryCount;
	out->cmdq = q->cmdQueueOffset;
	out->statq = q->statQueueOffset;
#if NVSIM_ABI_VER < 570
	/* 570 dropped the task-ISR (lockless) queues. */
	if (q->locklessCmdQueueOffset || q->locklessStatQueueOffset)
		*why = "task-ISR queues ignored";
#endif
	if (a->srInitArguments.bInPMTransition)
		*why = "a resume treated as a cold boot";
	return 0;
}

/* ---- events ---- */

static u32 fwabi_enc_rc(void *buf, u32 chid, u32 xid, u32 engine)
{
	struct rpc_rc_triggered_v17_02 *e = buf;

	static_assert(sizeof(*e) <= NVSIM_EV_BUF);
	memset(e, 0, sizeof(*e));
	e->nv2080EngineType = engine;
	e->chid = chid;
	e->exceptType = xid;
	e->scope = RC_NOTIFIER_SCOPE_CHANNEL;
	/* 570: gfid 0 (the PF), exceptLevel 0, no MMU address, no journal. */
	return sizeof(*e);
}

static u32 fwabi_enc_os_error(void *buf, u32 xid, u32 chid, const char *msg)
{
	struct rpc_os_error_log_v17_00 *e = buf;

	static_assert(sizeof(*e) <= NVSIM_EV_BUF);
	memset(e, 0, sizeof(*e));
	e->exceptType = xid;
	e->runlistId = 0;
	e->chid = chid;
	strscpy(e->errString, msg, sizeof(e->errString));
	return sizeof(*e);
}

static u32 fwabi_enc_post_event(void *buf, u32 h_client, u32 h_event,
				u32 index, u32 data, bool list)
{
	struct rpc_post_event_v17_00 *e = buf;

	static_assert(sizeof(*e) <= NVSIM_EV_SMALL);
	memset(e, 0, sizeof(*e));
	e->hClient = h_client;
	e->hEvent = h_event;
	e->notifyIndex = index;
	e->data = data;
	e->bNotifyList = list;
	return sizeof(*e);
}

NVSIM_SAME(nvsim_plugin_triggered, rpc_vgpu_gsp_plugin_triggered_v17_00);
NVSIM_SAME_OFF(nvsim_plugin_triggered, rpc_vgpu_gsp_plugin_triggered_v17_00,
	       notifyIndex);

static u32 fwabi_enc_plugin(void *buf, u32 gfid, u32 index)
{
	struct nvsim_plugin_triggered *e = buf;

	static_assert(sizeof(*e) <= NVSIM_EV_SMALL);
	memset(e, 0, sizeof(*e));
	e->gfid = gfid;
	e->notifyIndex = index;
	return sizeof(*e);
}

static u32 fwabi_enc_lockdown(void *buf, bool on)
{
	struct rpc_gsp_lockdown_notice_v17_00 *e = buf;

	static_assert(sizeof(*e) <= NVSIM_EV_SMALL);
	memset(e, 0, sizeof(*e));
	e->bLockdownEngaging = on;
	return sizeof(*e);
}

static u32 fwabi_enc_init_done(void *buf)
{
	struct rpc_init_done_v17_00 *e = buf;

	static_assert(sizeof(*e) <= NVSIM_EV_SMALL);
	memset(e, 0, sizeof(*e));
	return sizeof(*e);
}

/* Expected total payload of a large request, 0 if not derivable. */
static u64 fwabi_large_total(u32 function, const u8 *p, u32 len)
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

const struct nvsim_abi NVSIM_ABI_NAME = {
	.version = NVSIM_ABI_VERSION,
	.num_functions = NV_VGPU_MSG_FUNCTION_NUM_FUNCTIONS,
	.ev_lockdown = NV_VGPU_MSG_EVENT_GSP_LOCKDOWN_NOTICE,
	.heap_min_libos2 = (u64)GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS2_MIN_MB << 20,
	.heap_min_libos3 =
		(u64)GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS3_BAREMETAL_MIN_MB << 20,
	.rmargs = fwabi_rmargs,
	.sysinfo = fwabi_sysinfo,
	.registry = fwabi_registry,
	.dispatch = fwabi_dispatch,
	.rm_init = fwabi_rm_init,
	.rm_reset = fwabi_rm_reset,
	.large_total = fwabi_large_total,
	.enc_rc = fwabi_enc_rc,
	.enc_os_error = fwabi_enc_os_error,
	.enc_post_event = fwabi_enc_post_event,
	.enc_plugin = fwabi_enc_plugin,
	.guest_message = nvsim_guest_message,
	.enc_lockdown = fwabi_enc_lockdown,
	.enc_init_done = fwabi_enc_init_done,
	.engine_to_rm = fwabi_engine_to_rm,
	.chan_alloc_size = sizeof(struct NV_CHANNEL_ALLOC_PARAMS),
	.group_decode = chanabi_group_decode,
	.chan_decode = chanabi_chan_decode,
	.chan_cid = chanabi_chan_cid,
	.ce_decode = chanabi_ce_decode,
	.fifo_ctrl_op = chanabi_ctrl_op,
	.fifo_ctrl_decode = chanabi_ctrl_decode,
	.fifo_ctrl_reply = chanabi_ctrl_reply,
};
