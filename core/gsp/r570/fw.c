// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: the GSP-RM 570.144 layer (DOC: firmware versions, fw.h).
 *
 * Everything here is compiled against include/nvrm/570.144/ only: the
 * shared sources of core/gsp/tmpl/ become this version's code (its struct
 * layouts, RPC and event numbers come from its headers: the GSP_ARGUMENTS_CACHED
 * without lockless-queue offsets, GspSystemInfo with its inserted fields,
 * the widened static info, RC_TRIGGERED with its 570 fields, events from
 * 0x101B renumbered), and the version's differences are defined below.
 *
 * VA spaces (FERMI_VASPACE_A + NV90F1 COPY_SERVER_RESERVED_PDES, same
 * layouts as 535.113.01) and channels (core/gsp/tmpl/fifo.c with 570's
 * 0x170-byte NV_CHANNEL_ALLOC_PARAMS, tpcConfigID appended and left 0: OGKM
 * 570.144 src/common/sdk/nvidia/inc/alloc/alloc_channel.h; and its
 * three-entry channel notifier, KEY_ROTATION_STATUS added: OGKM 570.144
 * src/common/sdk/nvidia/inc/class/cl906f.h) and
 * the vGPU host (core/gsp/tmpl/vgpu_mgr.c with 570's vgpu.h) are
 * implemented.
 */
#include <linux/device.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include <nvrm/570.144/nvrm.h>

#include "../../nvcore.h"
#include "../gsp.h"
#include "../common/msgq.h"
#include "../static_info.h"

#define NVC_FW_SYM(x)		nvc_r570_##x
#define NVC_FW_OPS		nvc_fw_r570
#define NVC_FW_TAG		"r570"
/* LIBOS3 bare-metal OS carve-out (OGKM 570.144 gsp_fw_heap.h). */
#define NVC_FW_HEAP_OS_LIBOS3	GSP_FW_HEAP_PARAM_OS_SIZE_LIBOS3_BAREMETAL
#define NVC_FW_HAS_VASPACE
#define NVC_FW_HAS_CHANNELS
/* The video encoders: NVENC in 570.144's engine_idx.h (MSENC before). */
#define NVC_FW_MC_NVENC0	MC_ENGINE_IDX_NVENC
#define NVC_FW_MC_NVENC2	MC_ENGINE_IDX_NVENC2
/* The vGPU host (tmpl/vgpu_mgr.c); type records carry placements (vgpu.h). */
#define NVC_FW_HAS_VGPU
#define NVC_FW_VGPU_PLACEMENTS

/* cl0005.h NV0005_NOTIFY_INDEX_INDEX (bits 15:0), as in 535.113.01. */
#define NV0005_NOTIFY_INDEX_INDEX_MASK	0xffffu

/*
 * Fields 570.144's GspSystemInfo adds (OGKM 570.144 kernel_gsp.c fills
 * them from the GPU's PCI identity: device << 16 | vendor, subsystem
 * likewise, and the revision).
 */
#define NVC_FW_SYSINFO_EXTRA(si, gpu) do {				\
	(si)->PCIDeviceID = (u32)(gpu)->pci.device << 16 | (gpu)->pci.vendor; \
	(si)->PCISubDeviceID = (u32)(gpu)->pci.subdevice << 16 |	\
			       (gpu)->pci.subvendor;			\
	(si)->PCIRevisionID = (gpu)->pci.revision;			\
} while (0)

#include "r570.h"

/*
 * Events 570.144 sends that nvcore has no use for: NOCAT records and GSP
 * trace updates (nouveau r570 gsp.c drops GSP_POST_NOCAT_RECORD too).
 */
static bool nvc_fw_quiet_event(u32 function)
{
	return function == NV_VGPU_MSG_EVENT_GSP_POST_NOCAT_RECORD ||
	       function == NV_VGPU_MSG_EVENT_UPDATE_GSP_TRACE;
}

#include "../tmpl/rm.c"
#include "../tmpl/boot.c"
#include "../tmpl/intr.c"
#include "../tmpl/events.c"
#include "../tmpl/enum.c"
#include "../tmpl/rmapi.c"
#include "../tmpl/fifo.c"
#include "../tmpl/vgpu_guest_dec.c"
#include "../tmpl/vgpu_guest.c"
#include "../tmpl/vgpu_mgr.c"

#include "../tmpl/ops.c"
