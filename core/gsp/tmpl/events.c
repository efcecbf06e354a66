// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP events: unsolicited GSP→CPU messages.
 *
 * DOC: GSP event dispatch
 *
 * The receiver (see rpc.c) hands every message with a function number at or
 * above NV_VGPU_MSG_EVENT_FIRST_EVENT to its version's event(), in process
 * context with the receive lock held. Payloads are untrusted: every handler
 * checks the length before it reads a field. Boot events (the CPU
 * sequencer, INIT_DONE) are handled here; others are counted, logged where
 * useful and dropped.
 */

/*
 * Compiled once per version, from core/gsp/r<NNN>/fw.c, after that
 * version's headers (DOC: firmware versions). The version may define
 * NVC_FW_HAS_VGPU (its vGPU plugin events are decoded) and defines
 * nvc_fw_quiet_event() (further events it sends that are dropped silently).
 */

/* Xid of an MMU fault (nverror.h ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT). */
#define NVRM_XID_MMU_FAULT	31

/*
 * OS_ERROR_LOG. Before GSP_INIT_DONE the first one is kept in
 * gsp->boot_error instead: the boot wait (boot.c) puts it into its one line
 * when GSP-RM stops, or logs it once booted.
 */
static void nvc_gsp_os_error_log(struct nvc_gsp *gsp, const void *payload,
				 size_t len)
{
	const struct rpc_os_error_log_v17_00 *e = payload;
	bool booting = !completion_done(&gsp->init_done);
	char text[sizeof(e->errString) + 1];

	if (len < sizeof(*e)) {
		if (booting && !gsp->boot_error[0])
			snprintf(gsp->boot_error, sizeof(gsp->boot_error),
				 "short OS_ERROR_LOG event (%zu bytes)", len);
		else if (!booting)
			dev_warn_ratelimited(gsp->gpu->dev,
					     "nvcore: short OS_ERROR_LOG event (%zu bytes)\n",
					     len);
		return;
	}
	memcpy(text, e->errString, sizeof(e->errString));
	text[sizeof(e->errString)] = 0;
	if (booting) {
		if (!gsp->boot_error[0])
			snprintf(gsp->boot_error, sizeof(gsp->boot_error),
				 "GSP error: Xid %u: %s", e->exceptType, text);
		return;
	}
	dev_err_ratelimited(gsp->gpu->dev, "nvcore: GSP error: Xid %u chid %u: %s\n",
			    e->exceptType, e->chid, text);
}

/* Engine list index of an NV2080 engine type, or U32_MAX. */
static u32 nvc_gsp_engine_index(struct nvc_gsp *gsp, u32 type)
{
	unsigned int i;

	for (i = 0; i < gsp->gpu->info.nr_engines; i++)
		if (gsp->engine_types[i] == type)
			return i;
	return U32_MAX;
}

static void nvc_gsp_ev_dropped(struct nvc_gsp *gsp, u32 function, size_t len)
{
	atomic64_inc(&gsp->gpu->res.ev.dropped);
	dev_dbg_ratelimited(gsp->gpu->dev, "nvcore: GSP event %#x (%zu bytes) dropped\n",
			    function, len);
}

static void nvc_gsp_rc(struct nvc_gsp *gsp, const void *payload, size_t len)
{
	const struct rpc_rc_triggered_v17_02 *rc = payload;
	struct nvc_event ev = {};

	if (len < sizeof(*rc)) {
		nvc_gsp_ev_dropped(gsp, NV_VGPU_MSG_EVENT_RC_TRIGGERED, len);
		return;
	}
	ev.kind = rc->exceptType == NVRM_XID_MMU_FAULT ? NVC_EVENT_MMU_FAULT :
		  NVC_EVENT_RC;
	ev.chid = rc->chid;
	ev.xid = rc->exceptType;
	ev.engine = nvc_gsp_engine_index(gsp, rc->nv2080EngineType);
	nvc_event_post(gsp->gpu, &ev, 0);
}

/*
 * POST_EVENT (rpc_post_event_v17_00): routed by the event object it names
 * (OGKM kernel_gsp.c, _kgspRpcPostEvent; event.c). eventData begins at
 * 0x1d, inside the 0x20-byte struct: accept a message at least as long as
 * the struct whose eventDataSize fits after 0x1d (nouveau checks sizeof +
 * eventDataSize, a stricter reading; both are taken).
 */
static void nvc_gsp_post_event(struct nvc_gsp *gsp, const void *payload,
			       size_t len)
{
	const struct rpc_post_event_v17_00 *pe = payload;

	if (len < sizeof(*pe) ||
	    pe->eventDataSize > len - offsetof(typeof(*pe), eventData)) {
		nvc_gsp_ev_dropped(gsp, NV_VGPU_MSG_EVENT_POST_EVENT, len);
		return;
	}
	nvc_evobj_notify(gsp->gpu, pe->hClient, pe->hEvent,
			 pe->notifyIndex & NV0005_NOTIFY_INDEX_INDEX_MASK,
			 pe->data, pe->bNotifyList);
}

#ifdef NVC_FW_HAS_VGPU
/*
 * VGPU_GSP_PLUGIN_TRIGGERED {gfid, notifyIndex}: to the owner of the GFID
 * (OGKM _kgspRpcVgpuGspPluginTriggered); an index OGKM would assert on
 * (>= NVA084_NOTIFIERS_MAXCOUNT) is dropped.
 */
static void nvc_gsp_plugin_triggered(struct nvc_gsp *gsp, const void *payload,
				     size_t len)
{
	const struct rpc_vgpu_gsp_plugin_triggered_v17_00 *vt = payload;
	struct nvc_event ev = {
		.kind = NVC_EVENT_VGPU,
		.chid = U32_MAX,
		.engine = U32_MAX,
		.head = U32_MAX,
	};

	if (len < sizeof(*vt) || vt->notifyIndex >= NVA084_NOTIFIERS_MAXCOUNT) {
		nvc_gsp_ev_dropped(gsp, NV_VGPU_MSG_EVENT_VGPU_GSP_PLUGIN_TRIGGERED,
				   len);
		return;
	}
	ev.gfid = vt->gfid;
	ev.notifier = vt->notifyIndex;
	ev.data = vt->notifyIndex;
	nvc_event_post(gsp->gpu, &ev, 0);
}
#endif

/**
 * nvc_fw_event() - handle one unsolicited GSP message
 * @gsp: the GSP
 * @function: NV_VGPU_MSG_EVENT_*
 * @rpc_result: rpc_result of its RPC header
 * @payload: payload (after the RPC header), untrusted
 * @len: payload length
 *
 * Boot events are handled here; events about resources are validated,
 * translated into &struct nvc_event and queued for their owner (event.c);
 * malformed and unknown ones are counted and dropped.
 * Context: process, @gsp->rx_lock held.
 */
static void nvc_fw_event(struct nvc_gsp *gsp, u32 function, u32 rpc_result,
		   const void *payload, size_t len)
{
	struct nvc_event ev = {};

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
		if (len >= sizeof(struct rpc_os_error_log_v17_00)) {
			const struct rpc_os_error_log_v17_00 *e = payload;

			ev.kind = NVC_EVENT_FW_ERROR;
			ev.xid = e->exceptType;
			ev.chid = e->chid;
			nvc_event_post(gsp->gpu, &ev, 0);
		} else {
			nvc_gsp_ev_dropped(gsp, function, len);
		}
		break;
	case NV_VGPU_MSG_EVENT_RC_TRIGGERED:
		nvc_gsp_rc(gsp, payload, len);
		break;
	case NV_VGPU_MSG_EVENT_POST_EVENT:
		nvc_gsp_post_event(gsp, payload, len);
		break;
#ifdef NVC_FW_HAS_VGPU
	case NV_VGPU_MSG_EVENT_VGPU_GSP_PLUGIN_TRIGGERED:
		nvc_gsp_plugin_triggered(gsp, payload, len);
		break;
#endif
	case NV_VGPU_MSG_EVENT_GSP_LOCKDOWN_NOTICE:
		/* Applied by the receiver (nvc_rpc_lockdown_notice()). */
		break;
	case NV_VGPU_MSG_EVENT_MMU_FAULT_QUEUED:
		/* The attributed fault came as RC_TRIGGERED (Xid 31). */
	case NV_VGPU_MSG_EVENT_UCODE_LIBOS_PRINT:
	case NV_VGPU_MSG_EVENT_PERF_BRIDGELESS_INFO_UPDATE:
		break;
	default:
		if (nvc_fw_quiet_event(function))
			break;
		gsp->stats.unknown_events++;
		nvc_gsp_ev_dropped(gsp, function, len);
		break;
	}
}
