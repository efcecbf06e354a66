// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP events: unsolicited GSP→CPU messages.
 *
 * DOC: GSP event dispatch
 *
 * The receiver (see rpc.c) hands every message with a function number at or
 * above NV_VGPU_MSG_EVENT_FIRST_EVENT to nvc_gsp_event(), in process
 * context with the receive lock held. Payloads are untrusted: every handler
 * checks the length before it reads a field. Boot events (the CPU
 * sequencer, INIT_DONE) are handled here; others are counted, logged where
 * useful and dropped.
 */
#include <linux/device.h>

#include <nvrm/535.113.01/nvrm.h>

#include "../nvcore.h"
#include "gsp.h"

static void nvc_gsp_os_error_log(struct nvc_gsp *gsp, const void *payload,
				 size_t len)
{
	const struct rpc_os_error_log_v17_00 *e = payload;
	char text[sizeof(e->errString) + 1];

	if (len < sizeof(*e)) {
		dev_warn_ratelimited(gsp->gpu->dev,
				     "nvcore: short OS_ERROR_LOG event (%zu bytes)\n", len);
		return;
	}
	memcpy(text, e->errString, sizeof(e->errString));
	text[sizeof(e->errString)] = 0;
	dev_err_ratelimited(gsp->gpu->dev, "nvcore: GSP error: Xid %u chid %u: %s\n",
			    e->exceptType, e->chid, text);
}

/**
 * nvc_gsp_event() - handle one unsolicited GSP message
 * @gsp: the GSP
 * @function: NV_VGPU_MSG_EVENT_*
 * @rpc_result: rpc_result of its RPC header
 * @payload: payload (after the RPC header), untrusted
 * @len: payload length
 *
 * Context: process, @gsp->rx_lock held.
 */
void nvc_gsp_event(struct nvc_gsp *gsp, u32 function, u32 rpc_result,
		   const void *payload, size_t len)
{
	lockdep_assert_held(&gsp->rx_lock);

	switch (function) {
	case NV_VGPU_MSG_EVENT_GSP_INIT_DONE:
		gsp->init_status = rpc_result;
		complete(&gsp->init_done);
		break;
	case NV_VGPU_MSG_EVENT_GSP_RUN_CPU_SEQUENCER:
		if (nvc_gsp_run_sequencer(gsp, payload, len))
			gsp->stats.unknown_events++;
		break;
	case NV_VGPU_MSG_EVENT_OS_ERROR_LOG:
		nvc_gsp_os_error_log(gsp, payload, len);
		break;
	case NV_VGPU_MSG_EVENT_MMU_FAULT_QUEUED:
	case NV_VGPU_MSG_EVENT_RC_TRIGGERED:
	case NV_VGPU_MSG_EVENT_POST_EVENT:
	case NV_VGPU_MSG_EVENT_UCODE_LIBOS_PRINT:
	case NV_VGPU_MSG_EVENT_PERF_BRIDGELESS_INFO_UPDATE:
	case NV_VGPU_MSG_EVENT_GSP_SEND_USER_SHARED_DATA:
		break;
	default:
		gsp->stats.unknown_events++;
		dev_dbg_ratelimited(gsp->gpu->dev, "nvcore: unknown GSP event %#x (%zu bytes)\n",
				    function, len);
		break;
	}
}
