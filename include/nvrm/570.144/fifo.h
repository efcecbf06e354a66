/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 570.144: channel allocation parameters (the part of channels whose
 * layout changed since 535.113.01: NV_CHANNEL_ALLOC_PARAMS gained
 * tpcConfigID at its end).
 *
 * Written from the compiled layout table ../shared/gsp-rm-layouts.tsv;
 * facts only. tests/abi checks every structure defined here against it.
 */
#ifndef NVRM_570_FIFO_H
#define NVRM_570_FIFO_H

#include "../nvrm_types.h"

#define NVRM_MAX_SUBDEVICES		8	/* NV_MAX_SUBDEVICES (OGKM nvlimits.h) */

struct NV_MEMORY_DESC_PARAMS {
	u64 base;
	u64 size;
	u32 addressSpace;
	u32 cacheAttrib;
};

NVRM_CHECK_SIZE(NV_MEMORY_DESC_PARAMS, 0x18);

struct NV_CHANNEL_ALLOC_PARAMS {
	u32 hObjectError;
	u32 hObjectBuffer;
	u64 gpFifoOffset;
	u32 gpFifoEntries;
	u32 flags;
	u32 hContextShare;
	u32 hVASpace;
	u32 hUserdMemory[NVRM_MAX_SUBDEVICES];
	u64 userdOffset[NVRM_MAX_SUBDEVICES];
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
	u32 encryptIv[3];
	u32 decryptIv[3];
	u32 hmacNonce[8];
	u32 tpcConfigID;
};

NVRM_CHECK_SIZE(NV_CHANNEL_ALLOC_PARAMS, 0x170);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, engineType, 0x80);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, instanceMem, 0x90);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, errorNotifierMem, 0xf8);
NVRM_CHECK_OFF(NV_CHANNEL_ALLOC_PARAMS, tpcConfigID, 0x168);

#endif /* NVRM_570_FIFO_H */
