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
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include <nvrm/535.113.01/nvrm.h>

#include "../../nvcore.h"
#include "../gsp.h"
#include "../static_info.h"

#define NVC_FW_SYM(x)		nvc_r535_##x
/* LIBOS3 bare-metal OS carve-out (OGKM 535 gsp_fw_heap.h). */
#define NVC_FW_HEAP_OS_LIBOS3	GSP_FW_HEAP_PARAM_OS_SIZE_LIBOS3
#define NVC_FW_HAS_VGPU
#define NVC_FW_HAS_VASPACE
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

const struct nvc_fw_ops nvc_fw_r535 = {
	.tag = "r535",
	.heap = &nvc_fw_heap,
	.fn_set_system_info = NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO,
	.fn_set_registry = NV_VGPU_MSG_FUNCTION_SET_REGISTRY,
	.fn_nop = NV_VGPU_MSG_FUNCTION_NOP,
	.ev_first = NV_VGPU_MSG_EVENT_FIRST_EVENT,
	.ev_lockdown = NV_VGPU_MSG_EVENT_GSP_LOCKDOWN_NOTICE,
	.has_vgpu = true,
	.has_channels = true,
	.fill_wpr_meta = nvc_fw_fill_wpr_meta,
	.fill_libos = nvc_fw_fill_libos,
	.fill_rmargs = nvc_fw_fill_rmargs,
	.queue_sysinfo = nvc_fw_queue_sysinfo,
	.queue_registry = nvc_fw_queue_registry,
	.get_static_info = nvc_fw_get_static_info,
	.unload = nvc_fw_unload,
	.event = nvc_fw_event,
	.lockdown = nvc_fw_lockdown,
	.gsp_vector = nvc_fw_gsp_vector,
	.enumerate = nvc_fw_enumerate,
	.rm_alloc = nvc_fw_rm_alloc,
	.rm_control = nvc_fw_rm_control,
	.rm_free = nvc_fw_rm_free,
	.client_create = nvc_fw_client_create,
	.ping = nvc_fw_ping,
	.fb_query = nvc_fw_fb_query,
	.notifier_alloc = nvc_fw_notifier_alloc,
	.vaspace_alloc = nvc_fw_vaspace_alloc,
};
