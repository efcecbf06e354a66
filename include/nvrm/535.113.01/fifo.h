/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 535.113.01: channel groups, GPFIFO channels, copy-engine objects
 * and the USERD / push-buffer formats a client of them writes.
 *
 * Layouts from the compiled layout table ../shared/gsp-rm-layouts.tsv
 * (NV_CHANNEL_ALLOC_PARAMS, NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS,
 * NV_MEMORY_DESC_PARAMS, NVA06C/NVA06F/NVC36F control parameters,
 * Nvc56fControl, NVC46F_* host methods); flag fields from OGKM
 * src/common/sdk/nvidia/inc/nvos.h (NVOS04_FLAGS_*), clb0b5sw.h
 * (NVB0B5_ALLOCATION_PARAMETERS) and g_kernel_channel_nvoc.h
 * (NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_*); facts only.
 */
#ifndef NVRM_535_FIFO_H
#define NVRM_535_FIFO_H

#include "../nvrm_types.h"

/* NV_MEMORY_DESC_PARAMS.addressSpace (g_mem_desc_nvoc.h ADDR_*). */
#define ADDR_SYSMEM					1
#define ADDR_FBMEM					2
/* NV_MEMORY_DESC_PARAMS.cacheAttrib (nv_memory_type.h). */
#define NV_MEMORY_CACHED				0
#define NV_MEMORY_UNCACHED				1

struct NV_MEMORY_DESC_PARAMS {
	u64 base;
	u64 size;
	u32 addressSpace;
	u32 cacheAttrib;
};

NVRM_CHECK_SIZE(NV_MEMORY_DESC_PARAMS, 0x18);
NVRM_CHECK_OFF(NV_MEMORY_DESC_PARAMS, addressSpace, 0x10);

/* NVOS04_FLAGS_* of NV_CHANNEL_ALLOC_PARAMS.flags (nvos.h). */
#define NVOS04_FLAGS_PRIVILEGED_CHANNEL_TRUE		(1u << 5)
#define NVOS04_FLAGS_CHANNEL_USERD_INDEX_VALUE_SHIFT	8	/* 10:8 */
#define NVOS04_FLAGS_CHANNEL_USERD_INDEX_VALUE_MASK	0x7u
#define NVOS04_FLAGS_CHANNEL_USERD_INDEX_FIXED_TRUE	(1u << 11)
#define NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_VALUE_SHIFT 12	/* 20:12 */
#define NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_VALUE_MASK 0x1ffu
#define NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_FIXED_TRUE (1u << 21)

/* NV_CHANNEL_ALLOC_PARAMS.internalFlags (g_kernel_channel_nvoc.h). */
#define NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_PRIVILEGE_USER	0x0
#define NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_PRIVILEGE_ADMIN	0x1
#define NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_PRIVILEGE_KERNEL	0x2
#define NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_ERROR_NOTIFIER_TYPE_SHIFT	2
#define NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_ECC_ERROR_NOTIFIER_TYPE_SHIFT 4
/* enum ErrorNotifierType: UNKNOWN, NONE, CTXDMA, MEMORY. */
#define ERROR_NOTIFIER_TYPE_NONE			1
#define ERROR_NOTIFIER_TYPE_MEMORY			3

/* NV_CHANNELGPFIFO_NOTIFICATION_TYPE_*: entries of the error notifier. */
#define NV_CHANNELGPFIFO_NOTIFICATION_TYPE__SIZE_1	2
/* sizeof(NvNotification): timeStamp u64, info32, info16, status u16. */
#define NVRM_NOTIFICATION_SIZE				16

/* Channels per 4 KiB USERD page (OGKM kernel_channel.c: 1 << 3). */
#define NVRM_CHID_PER_USERD_PAGE			8
#define NVRM_USERD_SIZE					0x200

#define CC_CHAN_ALLOC_IV_SIZE_DWORD			3
#define CC_CHAN_ALLOC_NONCE_SIZE_DWORD			8

struct NV_CHANNEL_ALLOC_PARAMS {
	u32 hObjectError;
	u32 hObjectBuffer;
	u64 gpFifoOffset;
	u32 gpFifoEntries;
	u32 flags;
	u32 hContextShare;
	u32 hVASpace;
	u32 hUserdMemory[8];
	u64 userdOffset[8];
	u32 engineType;
	u32 cid;
	u32 subDeviceId;
	u32 hObjectEccError;
	struct NV_MEMORY_DESC_PARAMS instanceMem;
	struct NV_MEMORY_DESC_PARAMS userdMem;
	struct NV_MEMORY_DESC_PARAMS ramfcMem;
	struct NV_MEMORY_DESC_PARAMS mthdbufMem;
	u32 hPhysChannelGroup;
	u32 internalFlags;
	struct NV_MEMORY_DESC_PARAMS errorNotifierMem;
	struct NV_MEMORY_DESC_PARAMS eccErrorNotifierMem;
	u32 ProcessID;
	u32 SubProcessID;
	u32 encryptIv[CC_CHAN_ALLOC_IV_SIZE_DWORD];
	u32 decryptIv[CC_CHAN_ALLOC_IV_SIZE_DWORD];
	u32 hmacNonce[CC_CHAN_ALLOC_NONCE_SIZE_DWORD];
};

NVRM_CHECK_SIZE(NV_CHANNEL_ALLOC_PARAMS, 0x168);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, gpFifoOffset, 0x8);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, hVASpace, 0x1c);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, userdOffset, 0x40);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, engineType, 0x80);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, instanceMem, 0x90);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, mthdbufMem, 0xd8);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, internalFlags, 0xf4);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, errorNotifierMem, 0xf8);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, ProcessID, 0x128);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, hmacNonce, 0x148);

struct NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS {
	u32 hObjectError;
	u32 hObjectEccError;
	u32 hVASpace;
	u32 engineType;
	u8 bIsCallingContextVgpuPlugin;
	u8 pad[3];
};

NVRM_CHECK_SIZE(NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS, 0x14);
NVRM_CHECK_OFF(NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS, engineType, 0xc);

/* Copy-engine object allocation (clb0b5sw.h); VERSION_1: NV2080 type. */
#define NVB0B5_ALLOCATION_PARAMETERS_VERSION_1		1

struct NVB0B5_ALLOCATION_PARAMETERS {
	u32 version;
	u32 engineType;
};

NVRM_CHECK_SIZE(NVB0B5_ALLOCATION_PARAMETERS, 0x8);

#define NVA06F_CTRL_CMD_BIND				0xa06f0104u

struct NVA06F_CTRL_BIND_PARAMS {
	u32 engineType;
};

NVRM_CHECK_SIZE(NVA06F_CTRL_BIND_PARAMS, 0x4);

struct NVA06C_CTRL_GPFIFO_SCHEDULE_PARAMS {
	u8 bEnable;
	u8 bSkipSubmit;
};

NVRM_CHECK_SIZE(NVA06C_CTRL_GPFIFO_SCHEDULE_PARAMS, 0x2);

struct NVA06F_CTRL_GPFIFO_SCHEDULE_PARAMS {
	u8 bEnable;
	u8 bSkipSubmit;
};

NVRM_CHECK_SIZE(NVA06F_CTRL_GPFIFO_SCHEDULE_PARAMS, 0x2);

struct NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN_PARAMS {
	u32 workSubmitToken;
};

NVRM_CHECK_SIZE(NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN_PARAMS, 0x4);

struct NV2080_CTRL_CE_GET_FAULT_METHOD_BUFFER_SIZE_PARAMS {
	u32 size;
};

/* USERD of a Volta+ GPFIFO channel (clc56f.h Nvc56fControl). */
#define NVC56F_USERD_GP_GET				0x88
#define NVC56F_USERD_GP_PUT				0x8c

/* Doorbell: usermode NOTIFY_CHANNEL_PENDING at the VF-full-phys window. */
#define NVRM_VF_FULL_PHYS_OFFSET			0xb80000
#define NVRM_VF_DOORBELL				0x30090
#define NVC361_NOTIFY_CHANNEL_PENDING			0x90

#endif /* NVRM_535_FIFO_H */
