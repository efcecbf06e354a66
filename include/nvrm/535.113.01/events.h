/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 535.113.01: payloads of unsolicited GSP to CPU messages (events),
 * UPDATE_BAR_PDE, Xid numbers and RM engine types.
 *
 * Written from ../shared/gsp-rm-facts.md (sections 4, 8) and the compiled
 * layout table ../shared/gsp-rm-layouts.tsv; facts only.
 */
#ifndef NVRM_535_EVENTS_H
#define NVRM_535_EVENTS_H

#include "../nvrm_types.h"

/* Xid numbers (exceptType). */
#define EXCESSIVE_SBE_INTERRUPTS			0x5c
#define GSP_ERROR					0x78
#define GSP_RPC_TIMEOUT					0x77
#define INFOROM_PAGE_RETIREMENT_EVENT			0x3f
#define NVLINK_ERROR					0x4a
#define PMU_BREAKPOINT					0x3d
#define PMU_HALT_ERROR					0x3e
#define ROBUST_CHANNEL_CONTAINED_ERROR			0x5e
#define ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT		0x1f
#define ROBUST_CHANNEL_GPU_ECC_DBE			0x30
#define ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS	0x4f
#define ROBUST_CHANNEL_GR_CLASS_ERROR			0x45
#define ROBUST_CHANNEL_GR_EXCEPTION			0xd
#define ROBUST_CHANNEL_NVDEC0_ERROR			0x44
#define ROBUST_CHANNEL_PBDMA_ERROR			0x20
#define ROBUST_CHANNEL_PREEMPTIVE_REMOVAL		0x2d
#define ROBUST_CHANNEL_RESETCHANNEL_VERIF_ERROR		0x2b
#define ROBUST_CHANNEL_UNCONTAINED_ERROR		0x5f

/* RM-internal engine types (differ from NV2080_ENGINE_TYPE_*). */
enum RM_ENGINE_TYPE {
	RM_ENGINE_TYPE_NULL = 0x0,
	RM_ENGINE_TYPE_GR0 = 0x1,
	RM_ENGINE_TYPE_COPY0 = 0x9,
	RM_ENGINE_TYPE_SEC2 = 0x30,
	RM_ENGINE_TYPE_HOST = 0x31,
	RM_ENGINE_TYPE_LAST = 0x3e,
};

enum RC_NOTIFIER_SCOPE {
	RC_NOTIFIER_SCOPE_CHANNEL = 0x0,
	RC_NOTIFIER_SCOPE_TSG = 0x1,
};

/* POST_EVENT: eventData starts at 0x1d, before the end of the struct. */
struct rpc_post_event_v17_00 {
	u32 hClient;
	u32 hEvent;
	u32 notifyIndex;
	u32 data;
	u16 info16;
	u32 status;
	u32 eventDataSize;
	u8 bNotifyList;
	u8 eventData[];
};

NVRM_CHECK_SIZE(rpc_post_event_v17_00, 0x20);
NVRM_CHECK_OFF(rpc_post_event_v17_00, info16, 0x10);
NVRM_CHECK_OFF(rpc_post_event_v17_00, status, 0x14);
NVRM_CHECK_OFF(rpc_post_event_v17_00, bNotifyList, 0x1c);
NVRM_CHECK_OFF(rpc_post_event_v17_00, eventData, 0x1d);

/*
 * NV0005 notifyIndex: the notifier index in bits 15:0 (cl0005.h
 * NV0005_NOTIFY_INDEX_INDEX); GSP-RM names it stripped of the flags
 * (event_notification.c registerEventNotification), as POST_EVENT's
 * notifyIndex does.
 */
#define NV0005_NOTIFY_INDEX_INDEX_MASK	0xffffu

/*
 * VGPU_GSP_PLUGIN_TRIGGERED (rpc_vgpu_gsp_plugin_triggered_v17_00, in
 * vgpu.h): the vGPU plugin task of gfid fired notifier notifyIndex
 * (kernel_gsp.c _kgspRpcVgpuGspPluginTriggered, gpu_rmapi.c
 * gpuGspPluginTriggeredEvent).
 */

/* cla084_notification.h (535.113.01): notifiers of a host vGPU device. */
#define NVA084_NOTIFIERS_EVENT_VGPU_PLUGIN_TASK_BOOTLOADED	0
#define NVA084_NOTIFIERS_EVENT_VGPU_PLUGIN_TASK_UNLOADED	1
#define NVA084_NOTIFIERS_EVENT_VGPU_PLUGIN_TASK_CRASHED		2
#define NVA084_NOTIFIERS_EVENT_GUEST_DRIVER_LOADED		3
#define NVA084_NOTIFIERS_EVENT_GUEST_DRIVER_UNLOADED		4
#define NVA084_NOTIFIERS_EVENT_PRINT_ERROR_MESSAGE		5
#define NVA084_NOTIFIERS_EVENT_GUEST_LICENSE_STATE_CHANGED	6
#define NVA084_NOTIFIERS_MAXCOUNT				7

/* RC_TRIGGERED (same name in both releases, different layout). */
struct rpc_rc_triggered_v17_02 {
	u32 nv2080EngineType;
	u32 chid;
	u32 exceptType;
	u32 scope;	/* enum RC_NOTIFIER_SCOPE */
	u16 partitionAttributionId;
};

NVRM_CHECK_SIZE(rpc_rc_triggered_v17_02, 0x14);
NVRM_CHECK_OFF(rpc_rc_triggered_v17_02, exceptType, 0x8);
NVRM_CHECK_OFF(rpc_rc_triggered_v17_02, partitionAttributionId, 0x10);

#define NVRM_OS_ERROR_LOG_STRING_SIZE	256

struct rpc_os_error_log_v17_00 {
	u32 exceptType;
	u32 runlistId;
	u32 chid;
	char errString[NVRM_OS_ERROR_LOG_STRING_SIZE];
};

NVRM_CHECK_SIZE(rpc_os_error_log_v17_00, 0x10c);
NVRM_CHECK_OFF(rpc_os_error_log_v17_00, errString, 0xc);

struct rpc_ucode_libos_print_v1E_08 {
	u32 ucodeEngDesc;	/* class id in 31:8, instance in 7:0 */
	u32 libosPrintBufSize;
	u8 libosPrintBuf[];
};

NVRM_CHECK_SIZE(rpc_ucode_libos_print_v1E_08, 0x8);
NVRM_CHECK_OFF(rpc_ucode_libos_print_v1E_08, libosPrintBuf, 0x8);

struct rpc_gsp_lockdown_notice_v17_00 {
	u8 bLockdownEngaging;
};

NVRM_CHECK_SIZE(rpc_gsp_lockdown_notice_v17_00, 0x1);

struct rpc_perf_bridgeless_info_update_v17_00 {
	u64 bBridgeless;
};

NVRM_CHECK_SIZE(rpc_perf_bridgeless_info_update_v17_00, 0x8);

/* UPDATE_BAR_PDE (CPU to GSP function 70). */
enum NV_RPC_UPDATE_PDE_BAR_TYPE {
	NV_RPC_UPDATE_PDE_BAR_1 = 0x0,
	NV_RPC_UPDATE_PDE_BAR_2 = 0x1,
};

struct UpdateBarPde_v15_00 {
	u32 barType;	/* enum NV_RPC_UPDATE_PDE_BAR_TYPE */
	u64 entryValue;
	u64 entryLevelShift;
};

NVRM_CHECK_SIZE(UpdateBarPde_v15_00, 0x18);
NVRM_CHECK_OFF(UpdateBarPde_v15_00, entryValue, 0x8);
NVRM_CHECK_OFF(UpdateBarPde_v15_00, entryLevelShift, 0x10);

struct rpc_update_bar_pde_v15_00 {
	struct UpdateBarPde_v15_00 info;
};

NVRM_CHECK_SIZE(rpc_update_bar_pde_v15_00, 0x18);

#endif /* NVRM_535_EVENTS_H */
