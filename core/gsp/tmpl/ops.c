// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: a version's ops table (DOC: firmware versions, fw.h), compiled
 * into core/gsp/r<NNN>/fw.c after the other shared sources. The version
 * names it with NVC_FW_OPS and NVC_FW_TAG; NVC_FW_HAS_VGPU,
 * NVC_FW_HAS_VASPACE and NVC_FW_HAS_CHANNELS say which optional ABIs it
 * implements.
 */

const struct nvc_fw_ops NVC_FW_OPS = {
	.tag = NVC_FW_TAG,
	.heap = &nvc_fw_heap,
	.fn_set_system_info = NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO,
	.fn_set_registry = NV_VGPU_MSG_FUNCTION_SET_REGISTRY,
	.fn_nop = NV_VGPU_MSG_FUNCTION_NOP,
	.ev_first = NV_VGPU_MSG_EVENT_FIRST_EVENT,
	.ev_lockdown = NV_VGPU_MSG_EVENT_GSP_LOCKDOWN_NOTICE,
#ifdef NVC_FW_HAS_CHANNELS
	.has_channels = true,
#endif
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
#ifdef NVC_FW_HAS_VASPACE
	.vaspace_alloc = nvc_fw_vaspace_alloc,
#endif
#ifdef NVC_FW_HAS_CHANNELS
	.chan = &nvc_fw_chan_layout,
	.chan_classes = nvc_fw_chan_classes,
	.chan_mthdbuf_size = nvc_fw_chan_mthdbuf_size,
	.chan_create = nvc_fw_chan_create,
	.chan_schedule = nvc_fw_chan_schedule,
#endif
#ifdef NVC_FW_HAS_VGPU
	.vgpu = &nvc_fw_vgpu_ops,
#endif
};
