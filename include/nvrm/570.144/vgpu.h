/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 570.144: vGPU manager controls (NV2080 VGPU_MGR_INTERNAL and the
 * NVA081 VGPU_CONFIG object), the NVA084 host vGPU device and the plugin
 * event. Written from the compiled layout table (570.144 rows of
 * ../shared/gsp-rm-layouts.tsv), facts only, checked by tests/abi. The
 * host <-> plugin channel is version-neutral: ../common/vgpu_plugin.h.
 *
 * What changed since 535.113.01 (OGKM 570.144):
 * - NVA081_CTRL_VGPU_INFO gains placementSize and the homogeneous and
 *   heterogeneous placement-ID lists at its end (0x1358 -> 0x1468 bytes;
 *   src/common/sdk/nvidia/inc/ctrl/ctrla081.h), so PGPU_ADD_VGPU_TYPE
 *   (0x4d608 -> 0x51a08) and GET_VGPU_TYPE_INFO (0x1360 -> 0x1470) grow;
 * - BOOTLOAD_GSP_VGPU_PLUGIN_TASK widens chidOffset to the 0x54 engines of
 *   570 and adds the kernel log and MIG RM heap (in rm.h, 0x1960 -> 0x19d8;
 *   ctrl2080vgpumgrinternal.h);
 * - NVA084_ALLOC_PARAMETERS adds placementId, vgpuDevName,
 *   hMigRmHeapMemory, the kernel log and bGpupLiveMigrationEnabled (0x678
 *   -> 0x6a0; class/cla084.h);
 * - NVA081 control 0x09 is UPDATE_PGPU_INFO (535: MDEV_REGISTER),
 *   NOTIFY_START (0x07) is gone, 0x1b..0x22 are new (ctrla081.h);
 * - NVA084 notifiers: UPDATE_GUEST_OS_TYPE (7) is new, MAXCOUNT 8
 *   (class/cla084_notification.h).
 * Unchanged: the NV2080/NVA081 control numbers nvcore uses, SHUTDOWN and
 * CLEANUP {gfid}, GET_*_VGPU_TYPES, rpc_vgpu_gsp_plugin_triggered_v17_00 and
 * the event number 0x100d.
 */
#ifndef NVRM_570_VGPU_H
#define NVRM_570_VGPU_H

#include "../nvrm_types.h"
#include "../common/vgpu_plugin.h"
#include "rm.h"

/* ctrla081.h */
#define NVA081_MAX_VGPU_PER_PGPU		32
#define NVA081_PLACEMENT_ID_INVALID		0xffff
#define NVA081_CTRL_CMD_VGPU_CONFIG_UPDATE_PGPU_INFO		0xa0810109u
#define NVA081_CTRL_CMD_VGPU_CONFIG_UPDATE_PLACEMENT_INFO	0xa081011bu
#define NVA081_CTRL_CMD_VGPU_CONFIG_GET_CREATABLE_PLACEMENTS	0xa081011cu

/* ---- vGPU type records ---- */

#define NVRM_VGPU_SIGNATURE_SIZE	0x80
#define NVRM_VGPU_EXTRA_PARAMS_SIZE	0x1000
#define NVRM_VGPU_ADAPTER_NAME_SIZE	0x40

struct NVA081_CTRL_VGPU_INFO {
	u32 vgpuType;
	u8 vgpuName[NVA081_VGPU_STRING_BUFFER_SIZE];
	u8 vgpuClass[NVA081_VGPU_STRING_BUFFER_SIZE];
	u8 vgpuSignature[NVRM_VGPU_SIGNATURE_SIZE];
	u8 license[NVRM_VGPU_SIGNATURE_SIZE];
	u32 maxInstance;
	u32 numHeads;
	u32 maxResolutionX;
	u32 maxResolutionY;
	u32 maxPixels;
	u32 frlConfig;
	u32 cudaEnabled;
	u32 eccSupported;
	u32 gpuInstanceSize;
	u32 multiVgpuSupported;
	u64 vdevId;
	u64 pdevId;
	u64 profileSize;
	u64 fbLength;
	u64 gspHeapSize;
	u64 fbReservation;
	u64 mappableVideoSize;
	u32 encoderCapacity;
	u64 bar1Length;
	u32 frlEnable;
	u8 adapterName[NVRM_VGPU_ADAPTER_NAME_SIZE];
	u16 adapterName_Unicode[NVRM_VGPU_ADAPTER_NAME_SIZE];
	u8 shortGpuNameString[NVRM_VGPU_ADAPTER_NAME_SIZE];
	u8 licensedProductName[NVRM_VGPU_SIGNATURE_SIZE];
	u8 vgpuExtraParams[NVRM_VGPU_EXTRA_PARAMS_SIZE];
	u32 ftraceEnable;
	u32 gpuDirectSupported;
	u32 nvlinkP2PSupported;
	u32 multiVgpuExclusive;
	u32 exclusiveType;
	u32 exclusiveSize;
	u32 gpuInstanceProfileId;
	/* new in 570 */
	u32 placementSize;
	u32 homogeneousPlacementCount;
	u32 homogeneousPlacementIds[NVA081_MAX_VGPU_PER_PGPU];
	u32 heterogeneousPlacementCount;
	u32 heterogeneousPlacementIds[NVA081_MAX_VGPU_PER_PGPU];
};

NVRM_CHECK_SIZE(NVA081_CTRL_VGPU_INFO, 0x1468);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, maxInstance, 0x144);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, vdevId, 0x170);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, fbLength, 0x188);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, bar1Length, 0x1b0);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, vgpuExtraParams, 0x33c);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, gpuInstanceProfileId, 0x1354);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, placementSize, 0x1358);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, homogeneousPlacementIds, 0x1360);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, heterogeneousPlacementCount, 0x13e0);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, heterogeneousPlacementIds, 0x13e4);

/* NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE (internal subdevice). */
struct NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS {
	u8 discardVgpuTypes;
	u32 vgpuInfoCount;
	struct NVA081_CTRL_VGPU_INFO vgpuInfo[NVA081_MAX_VGPU_TYPES_PER_PGPU];
};

NVRM_CHECK_SIZE(NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS, 0x51a08);
NVRM_CHECK_OFF(NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS, vgpuInfo, 0x8);

struct NV2080_CTRL_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK_PARAMS {
	u32 gfid;
};

NVRM_CHECK_SIZE(NV2080_CTRL_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK_PARAMS, 0x4);

struct NV2080_CTRL_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP_PARAMS {
	u32 gfid;
};

NVRM_CHECK_SIZE(NV2080_CTRL_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP_PARAMS, 0x4);

/* NVA081 GET_SUPPORTED_VGPU_TYPES / GET_CREATABLE_VGPU_TYPES. */
struct NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPES_PARAMS {
	u32 vgpuConfigState;
	u32 numVgpuTypes;
	u32 vgpuTypes[NVA081_MAX_VGPU_TYPES_PER_PGPU];
};

NVRM_CHECK_SIZE(NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPES_PARAMS, 0x108);

struct NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPE_INFO_PARAMS {
	u32 vgpuType;
	struct NVA081_CTRL_VGPU_INFO vgpuTypeInfo;
};

NVRM_CHECK_SIZE(NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPE_INFO_PARAMS, 0x1470);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPE_INFO_PARAMS, vgpuTypeInfo, 0x8);

/* NVA081 GET_CREATABLE_PLACEMENTS (new in 570). */
struct NVA081_CTRL_VGPU_CONFIG_GET_CREATABLE_PLACEMENTS_PARAMS {
	u32 vgpuTypeId;
	u32 placementSize;
	u32 count;
	u32 placementIds[NVA081_MAX_VGPU_PER_PGPU];
};

NVRM_CHECK_SIZE(NVA081_CTRL_VGPU_CONFIG_GET_CREATABLE_PLACEMENTS_PARAMS, 0x8c);

/* ---- NVA084_KERNEL_HOST_VGPU_DEVICE (class/cla084.h) ---- */

#define NVA084_MAX_VMMU_SEGMENTS	0x180
#define NVRM_VM_UUID_SIZE		16

struct NVA084_ALLOC_PARAMETERS {
	u32 dbdf;
	u32 gfid;
	u32 swizzId;
	u32 vgpuType;
	u32 vmPid;
	u32 numChannels;
	u32 numPluginChannels;
	u16 placementId;
	u32 vmIdType;
	u64 guestVmId[2];
	u8 bDisableDefaultSmcExecPartRestore;
	u32 vgpuDeviceInstanceId;
	u32 hPluginClient;
	u32 numGuestFbHandles;
	u32 guestFbHandleList[NVA084_MAX_VMMU_SEGMENTS];
	u8 vgpuDevName[NVRM_VM_UUID_SIZE];
	u32 hPluginHeapMemory;
	u32 hMigRmHeapMemory;
	u64 ctrlBuffOffset;
	u64 initTaskLogBuffOffset;
	u64 initTaskLogBuffSize;
	u64 vgpuTaskLogBuffOffset;
	u64 vgpuTaskLogBuffSize;
	u64 kernelLogBuffOffset;
	u64 kernelLogBuffSize;
	u8 bDeviceProfilingEnabled;
	u8 bGpupLiveMigrationEnabled;
};

NVRM_CHECK_SIZE(NVA084_ALLOC_PARAMETERS, 0x6a0);
NVRM_CHECK_OFF(NVA084_ALLOC_PARAMETERS, placementId, 0x1c);
NVRM_CHECK_OFF(NVA084_ALLOC_PARAMETERS, guestVmId, 0x28);
NVRM_CHECK_OFF(NVA084_ALLOC_PARAMETERS, guestFbHandleList, 0x48);
NVRM_CHECK_OFF(NVA084_ALLOC_PARAMETERS, vgpuDevName, 0x648);
NVRM_CHECK_OFF(NVA084_ALLOC_PARAMETERS, ctrlBuffOffset, 0x660);
NVRM_CHECK_OFF(NVA084_ALLOC_PARAMETERS, bGpupLiveMigrationEnabled, 0x699);

/* class/cla084_notification.h (570.144): notifiers of a host vGPU device. */
#define NVA084_NOTIFIERS_EVENT_VGPU_PLUGIN_TASK_BOOTLOADED	0
#define NVA084_NOTIFIERS_EVENT_VGPU_PLUGIN_TASK_UNLOADED	1
#define NVA084_NOTIFIERS_EVENT_VGPU_PLUGIN_TASK_CRASHED		2
#define NVA084_NOTIFIERS_EVENT_GUEST_DRIVER_LOADED		3
#define NVA084_NOTIFIERS_EVENT_GUEST_DRIVER_UNLOADED		4
#define NVA084_NOTIFIERS_EVENT_PRINT_ERROR_MESSAGE		5
#define NVA084_NOTIFIERS_EVENT_GUEST_LICENSE_STATE_CHANGED	6
#define NVA084_NOTIFIERS_EVENT_UPDATE_GUEST_OS_TYPE		7
#define NVA084_NOTIFIERS_MAXCOUNT				8

/* VGPU_GSP_PLUGIN_TRIGGERED event payload (same as 535.113.01). */
struct rpc_vgpu_gsp_plugin_triggered_v17_00 {
	u32 gfid;
	u32 notifyIndex;
};

NVRM_CHECK_SIZE(rpc_vgpu_gsp_plugin_triggered_v17_00, 0x8);

#endif /* NVRM_570_VGPU_H */
