// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: the GSP-RM 535.113.01 layer (DOC: firmware versions, fw.h).
 *
 * Everything here is compiled against include/nvrm/535.113.01/ only: the
 * shared sources of core/gsp/tmpl/ become this version's code, and the
 * version's differences are the definitions below.
 */
#include <linux/device.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include <nvrm/535.113.01/nvrm.h>
/* The guest channel buffers: 570.144's, under either version (docs/nvsim.md). */
#include <nvrm/570.144/vgpu_guest.h>

#include "../../nvcore.h"
#include "../gsp.h"
#include "../common/msgq.h"
#include "../static_info.h"

#define NVC_FW_SYM(x)		nvc_r535_##x
#define NVC_FW_OPS		nvc_fw_r535
#define NVC_FW_TAG		"r535"
/* LIBOS3 bare-metal OS carve-out (OGKM 535 gsp_fw_heap.h). */
#define NVC_FW_HEAP_OS_LIBOS3	GSP_FW_HEAP_PARAM_OS_SIZE_LIBOS3
#define NVC_FW_HAS_VGPU
#define NVC_FW_HAS_VASPACE
#define NVC_FW_HAS_CHANNELS
#define NVC_FW_MC_NVENC0	MC_ENGINE_IDX_MSENC
#define NVC_FW_MC_NVENC2	MC_ENGINE_IDX_MSENC2

#include "r535.h"

/* Events this version sends that nvcore has no use for. */
static bool nvc_fw_quiet_event(u32 function)
{
	return function == NV_VGPU_MSG_EVENT_GSP_SEND_USER_SHARED_DATA;
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
