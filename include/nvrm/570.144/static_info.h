/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 570.144: GET_GSP_STATIC_INFO reply (GspStaticConfigInfo).
 *
 * Written from ../shared/gsp-rm-facts.md (section 7) and the compiled
 * layout table ../shared/gsp-rm-layouts.tsv; facts only.
 */
#ifndef NVRM_570_STATIC_INFO_H
#define NVRM_570_STATIC_INFO_H

#include "../nvrm_types.h"
#include "rm.h"

/* Request payload of GET_GSP_STATIC_INFO (unused). */
struct rpc_get_gsp_static_info_v14_00 {
	u32 data;
};

NVRM_CHECK_SIZE(rpc_get_gsp_static_info_v14_00, 0x4);

#define NVRM_GPU_NAME_STRING_LENGTH	NV2080_GPU_MAX_NAME_STRING_LENGTH
#define NVRM_ECID_INFO_SIZE		0x18

struct GspStaticConfigInfo {
	u8 grCapsBits[NV0080_CTRL_GR_CAPS_TBL_SIZE];
	struct NV2080_CTRL_GPU_GET_GID_INFO_PARAMS gidInfo;
	struct NV2080_CTRL_BIOS_GET_SKU_INFO_PARAMS SKUInfo;
	struct NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO_PARAMS fbRegionInfoParams;
	struct NV0080_CTRL_GPU_GET_SRIOV_CAPS_PARAMS sriovCaps;
	u32 sriovMaxGfid;
	u32 engineCaps[NVGPU_ENGINE_CAPS_MASK_ARRAY_MAX];
	u8 poisonFuseEnabled;
	u64 fb_length;
	u64 fbio_mask;
	u32 fb_bus_width;
	u32 fb_ram_type;
	u64 fbp_mask;
	u32 l2_cache_size;
	u8 gpuNameString[NVRM_GPU_NAME_STRING_LENGTH];
	u8 gpuShortNameString[NVRM_GPU_NAME_STRING_LENGTH];
	u16 gpuNameString_Unicode[NVRM_GPU_NAME_STRING_LENGTH];
	u8 bGpuInternalSku;
	u8 bIsQuadroGeneric;
	u8 bIsQuadroAd;
	u8 bIsNvidiaNvs;
	u8 bIsVgx;
	u8 bGeforceSmb;
	u8 bIsTitan;
	u8 bIsTesla;
	u8 bIsMobile;
	u8 bIsGc6Rtd3Allowed;
	u8 bIsGc8Rtd3Allowed;
	u8 bIsGcOffRtd3Allowed;
	u8 bIsGcoffLegacyAllowed;
	u8 bIsMigSupported;
	u16 RTD3GC6TotalBoardPower;
	u16 RTD3GC6PerstDelay;
	u64 bar1PdeBase;
	u64 bar2PdeBase;
	u8 bVbiosValid;
	u32 vbiosSubVendor;
	u32 vbiosSubDevice;
	u8 bPageRetirementSupported;
	u8 bSplitVasBetweenServerClientRm;
	u8 bClRootportNeedsNosnoopWAR;
	struct VIRTUAL_DISPLAY_GET_NUM_HEADS_PARAMS displaylessMaxHeads;
	struct VIRTUAL_DISPLAY_GET_MAX_RESOLUTION_PARAMS displaylessMaxResolution;
	u64 displaylessMaxPixels;
	u32 hInternalClient;
	u32 hInternalDevice;
	u32 hInternalSubdevice;
	u8 bSelfHostedMode;
	u8 bAtsSupported;
	u8 bIsGpuUefi;
	u8 bIsEfiInit;
	u8 ecidInfo[NVRM_ECID_INFO_SIZE];	/* opaque ECID records */
	struct {
		u64 nonWprHeapOffset;
		u64 frtsOffset;
	} fwWprLayoutOffset;
};

NVRM_CHECK_SIZE(GspStaticConfigInfo, 0x678);
NVRM_CHECK_OFF(GspStaticConfigInfo, gidInfo, 0x18);
NVRM_CHECK_OFF(GspStaticConfigInfo, SKUInfo, 0x124);
NVRM_CHECK_OFF(GspStaticConfigInfo, fbRegionInfoParams, 0x158);
NVRM_CHECK_OFF(GspStaticConfigInfo, sriovCaps, 0x460);
NVRM_CHECK_OFF(GspStaticConfigInfo, fb_length, 0x4c8);
NVRM_CHECK_OFF(GspStaticConfigInfo, gpuNameString, 0x4ec);
NVRM_CHECK_OFF(GspStaticConfigInfo, bar1PdeBase, 0x600);
NVRM_CHECK_OFF(GspStaticConfigInfo, bar2PdeBase, 0x608);
NVRM_CHECK_OFF(GspStaticConfigInfo, hInternalClient, 0x640);
NVRM_CHECK_OFF(GspStaticConfigInfo, hInternalDevice, 0x644);
NVRM_CHECK_OFF(GspStaticConfigInfo, hInternalSubdevice, 0x648);
NVRM_CHECK_OFF(GspStaticConfigInfo, ecidInfo, 0x650);
NVRM_CHECK_OFF(GspStaticConfigInfo, fwWprLayoutOffset, 0x668);

#endif /* NVRM_570_STATIC_INFO_H */
