/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 535.113.01: vGPU manager controls (NV2080 VGPU_MGR_INTERNAL and
 * the NVA081 VGPU_CONFIG object) and the host <-> GSP vGPU plugin channel.
 *
 * The control structures are written from the compiled layout table
 * (../shared/gsp-rm-layouts.tsv: NVA081_CTRL_VGPU_INFO,
 * NV2080_CTRL_VGPU_MGR_INTERNAL_*, NVA081_CTRL_VGPU_CONFIG_*), facts only,
 * and checked by tests/abi. The host <-> plugin channel, the same in every
 * version, is in ../common/vgpu_plugin.h.
 */
#ifndef NVRM_535_VGPU_H
#define NVRM_535_VGPU_H

#include "../nvrm_types.h"
#include "../common/vgpu_plugin.h"
#include "rm.h"

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
};

NVRM_CHECK_SIZE(NVA081_CTRL_VGPU_INFO, 0x1358);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, maxInstance, 0x144);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, vdevId, 0x170);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, fbLength, 0x188);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, bar1Length, 0x1b0);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, adapterName_Unicode, 0x1fc);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, vgpuExtraParams, 0x33c);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_INFO, gpuInstanceProfileId, 0x1354);

/* NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE (internal subdevice). */
struct NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS {
	u8 discardVgpuTypes;
	u32 vgpuInfoCount;
	struct NVA081_CTRL_VGPU_INFO vgpuInfo[NVA081_MAX_VGPU_TYPES_PER_PGPU];
};

NVRM_CHECK_SIZE(NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS, 0x4d608);
NVRM_CHECK_OFF(NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS, vgpuInfo, 0x8);

struct NV2080_CTRL_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK_PARAMS {
	u32 gfid;
};

NVRM_CHECK_SIZE(NV2080_CTRL_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK_PARAMS, 0x4);

struct NV2080_CTRL_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP_PARAMS {
	u32 gfid;
};

NVRM_CHECK_SIZE(NV2080_CTRL_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP_PARAMS, 0x4);

/*
 * NVA081 (VGPU_CONFIG, parent: subdevice, no allocation parameters; OGKM
 * resource_list.h) GET_SUPPORTED_VGPU_TYPES / GET_CREATABLE_VGPU_TYPES.
 */
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

NVRM_CHECK_SIZE(NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPE_INFO_PARAMS, 0x1360);
NVRM_CHECK_OFF(NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPE_INFO_PARAMS, vgpuTypeInfo, 0x8);

/* VGPU_GSP_PLUGIN_TRIGGERED event payload. */
struct rpc_vgpu_gsp_plugin_triggered_v17_00 {
	u32 gfid;
	u32 notifyIndex;
};

NVRM_CHECK_SIZE(rpc_vgpu_gsp_plugin_triggered_v17_00, 0x8);

#endif /* NVRM_535_VGPU_H */
