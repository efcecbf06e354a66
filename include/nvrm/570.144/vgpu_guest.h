/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * The channel between a vGPU's guest driver (guest RM) and its GSP vGPU
 * plugin, facts only:
 *
 * - the shared control and response buffers (OGKM 570.144
 *   src/nvidia/inc/kernel/vgpu/dev_vgpu.h, VGPU_GSP_CTRL_BUF_V1 and
 *   VGPU_GSP_RESPONSE_BUF_V1; rows in ../shared/gsp-rm-layouts.tsv) and the
 *   buffer address format (VGPU_GSP_BUF_ADDR_*);
 * - the guest doorbell handles and the scratch registers that carry the
 *   control buffer address (src/nvidia/interface/nv_sriov_defines.h);
 * - the guest's sequence (src/nvidia/src/kernel/vgpu/rpc.c): control and
 *   response buffer of one page each, a message buffer of 128 KiB holding
 *   one rpc_message_header_v03_00 framed RPC; setup writes the control
 *   buffer address to MAILBOX_SCRATCH(GUEST_RPC_HI/LO) and rings the
 *   doorbell with the SETUP handle; a message increments requestId and
 *   rings it with the MESSAGE handle; the guest polls responseId.
 *
 * 535.113.01 publishes none of this (its guest code is not open); nvcore
 * and nvsim use these layouts with either firmware (docs/nvsim.md).
 */
#ifndef NVRM_570_VGPU_GUEST_H
#define NVRM_570_VGPU_GUEST_H

#include "../nvrm_types.h"

/*
 * A VF sees its NV_VIRTUAL_FUNCTION registers at BAR0 offset 0 (OGKM
 * gpuGetVirtRegPhysOffset_TU102); dev_vm.h (ga102).
 */
#define NVRM_VF_PRIV_MAILBOX_SCRATCH(i)		(0x2100 + (i) * 4)
#define NVRM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1	16
#define NVRM_VF_PRIV_DOORBELL			0x2200

/* nv_sriov_defines.h */
#define NV_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE	0
#define NV_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE	1
#define NV_VF_SCRATCH_REGISTER_GUEST_RPC_LO		0x2
#define NV_VF_SCRATCH_REGISTER_GUEST_RPC_HI		0x3

/* dev_vgpu.h: buffer addresses */
#define VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID	0x1		/* bit 0 */
#define VGPU_GSP_BUF_ADDR_V1_APERTURE_SHIFT	1		/* bits 2:1 */
#define VGPU_GSP_BUF_ADDR_V1_APERTURE_MASK	0x3
#define VGPU_GSP_BUF_ADDR_V1_APERTURE_INVALID	0x0
#define VGPU_GSP_BUF_ADDR_V1_APERTURE_SYSMEM	0x1
#define VGPU_GSP_BUF_ADDR_V1_APERTURE_FBMEM	0x2
#define VGPU_GSP_BUF_ADDR_V2_SIZE_SHIFT		3		/* bits 4:3 */
#define VGPU_GSP_BUF_ADDR_V2_SIZE_MASK		0x3
#define VGPU_GSP_BUF_ADDR_V2_SIZE_4K		0x0
#define VGPU_GSP_BUF_ADDR_V2_SIZE_128K		0x1
#define VGPU_GSP_BUF_ADDR_V2_SIZE_2M		0x2
#define VGPU_GSP_BUF_ADDR_V1_PFN_SHIFT		12		/* bits 63:12 */

#define VGPU_GSP_CTRL_BUF_V1_VERSION		1
#define VGPU_GSP_CTRL_BUF_V2_VERSION		2
#define VGPU_GSP_CTRL_BUF_SIZE_V1		4096
#define VGPU_GSP_RESPONSE_BUF_SIZE_V1		4096

struct VGPU_GSP_BUF_INFO {
	u64 addr;
	u64 bar2Offset;
};

NVRM_CHECK_SIZE(VGPU_GSP_BUF_INFO, 0x10);

/* Written by the guest, read by the plugin. */
union VGPU_GSP_CTRL_BUF_V1 {
	struct {
		u32 version;
		u32 requestId;
		struct VGPU_GSP_BUF_INFO responseBuf;
		struct VGPU_GSP_BUF_INFO msgBuf;
		struct VGPU_GSP_BUF_INFO sharedMem;
		struct VGPU_GSP_BUF_INFO eventBuf;
		u32 getEventBuf;
		u32 guestEccStatus;
		u64 sysmemBitMapTablePfn;
		u32 guestOsType;
		u32 requestedGspCaps;
		struct VGPU_GSP_BUF_INFO debugBuf;
	};
	u8 buf[VGPU_GSP_CTRL_BUF_SIZE_V1];
};

static_assert(sizeof(union VGPU_GSP_CTRL_BUF_V1) == 0x1000, "VGPU_GSP_CTRL_BUF_V1 size");
static_assert(offsetof(union VGPU_GSP_CTRL_BUF_V1, requestId) == 0x4, "requestId");
static_assert(offsetof(union VGPU_GSP_CTRL_BUF_V1, responseBuf) == 0x8, "responseBuf");
static_assert(offsetof(union VGPU_GSP_CTRL_BUF_V1, msgBuf) == 0x18, "msgBuf");
static_assert(offsetof(union VGPU_GSP_CTRL_BUF_V1, guestOsType) == 0x58, "guestOsType");
static_assert(offsetof(union VGPU_GSP_CTRL_BUF_V1, debugBuf) == 0x60, "debugBuf");

/* Written by the plugin, read by the guest. */
union VGPU_GSP_RESPONSE_BUF_V1 {
	struct {
		u32 responseId;
		u32 putEventBuf;
		u32 hostEccStatus;
		u32 usmType;
		u32 enabledGspCaps;
	};
	u8 buf[VGPU_GSP_RESPONSE_BUF_SIZE_V1];
};

static_assert(sizeof(union VGPU_GSP_RESPONSE_BUF_V1) == 0x1000, "VGPU_GSP_RESPONSE_BUF_V1 size");
static_assert(offsetof(union VGPU_GSP_RESPONSE_BUF_V1, enabledGspCaps) == 0x10,
	      "enabledGspCaps");

/*
 * SET_GUEST_SYSTEM_INFO (function 1): the guest's RPC version handshake
 * (OGKM 535.113.01 src/nvidia/generated/g_rpc-structures.h; the guest
 * sends its VGX version, the host answers with its own when they differ:
 * src/nvidia/src/kernel/vgpu/rpc.c RmRpcSetGuestSystemInfo). Not in the
 * layout table: pinned by the asserts below.
 */
#define NVRM_GUEST_INFO_BUF_SIZE	0x100

struct rpc_set_guest_system_info_v03_00 {
	u32 vgxVersionMajorNum;
	u32 vgxVersionMinorNum;
	u32 guestDriverVersionBufferLength;
	u32 guestVersionBufferLength;
	u32 guestTitleBufferLength;
	u32 guestClNum;
	char guestDriverVersion[NVRM_GUEST_INFO_BUF_SIZE];
	char guestVersion[NVRM_GUEST_INFO_BUF_SIZE];
	char guestTitle[NVRM_GUEST_INFO_BUF_SIZE];
};

NVRM_CHECK_SIZE(rpc_set_guest_system_info_v03_00, 0x318);
NVRM_CHECK_OFF(rpc_set_guest_system_info_v03_00, guestDriverVersion, 0x18);

/* 535.113.01 src/nvidia/kernel/inc/vgpu/vgpu_version.h */
#define NVRM_VGX_MAJOR_VERSION_535	0x23
#define NVRM_VGX_MINOR_VERSION_535	0x05
/* 570.144 src/nvidia/inc/kernel/vgpu/vgpu_version.h */
#define NVRM_VGX_MAJOR_VERSION_570	0x29
#define NVRM_VGX_MINOR_VERSION_570	0x0c

/* Message buffer sizes the guest uses (RM_PAGE_SIZE, RM_PAGE_SIZE_128K). */
#define NVRM_VGPU_GUEST_MSG_MIN		0x1000
#define NVRM_VGPU_GUEST_MSG_LARGE	0x20000

#endif /* NVRM_570_VGPU_GUEST_H */
