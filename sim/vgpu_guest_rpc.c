// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the guest RPCs a vGPU plugin serves (DOC: nvsim vGPU guest
 * channel, sim/vgpu_guest.c), in one firmware version's RPC numbering and
 * structures: included by sim/fwabi.c, compiled per version by
 * sim/rNNN/abi.c, reached through &nvsim_abi.guest_message.
 */
#include "vgpu_guest.h"

/*
 * A guest's RM call, served by the RM object tree of the firmware version
 * GSP-RM runs (its dispatcher, as for the host's own RPCs).
 */
static u32 nvsim_vg_rm(struct nvsim_gpu *gpu, u32 function, u8 *p, u64 len)
{
	u32 reply_len;
	bool reply;

	return nvsim_abi_of(gpu)->dispatch(gpu, function, p, len, len,
					   &reply_len, &reply);
}

/* GSP_RM_ALLOC / GSP_RM_CONTROL / FREE in the vGPU's client. */
static u32 nvsim_guest_rm(struct nvsim_gpu *gpu, struct nvsim_vgpu_target *t,
			  u32 fn, u8 *p, u32 len)
{
	u32 v = t->h_client, g, st;

	switch (fn) {
	case NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC: {
		struct rpc_gsp_rm_alloc_v03_00 *a = (void *)p;
		u32 parent;

		if (len < sizeof(*a))
			return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
		g = a->hClient;
		parent = a->hParent;
		if (a->hClass == NV01_ROOT || a->hClass == NVA081_VGPU_CONFIG ||
		    !a->hObject || a->hObject == g || a->hObject == v) {
			a->status = NV_ERR_INSUFFICIENT_PERMISSIONS;
			return NV_VGPU_MSG_RESULT_SUCCESS;
		}
		if (t->gs->objs >= NVSIM_GUEST_MAX_OBJS) {
			a->status = NV_ERR_INSUFFICIENT_RESOURCES;
			return NV_VGPU_MSG_RESULT_SUCCESS;
		}
		a->hClient = v;
		if (parent == g)
			a->hParent = v;
		st = nvsim_vg_rm(gpu, NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC, p, len);
		a->hClient = g;
		a->hParent = parent;
		if (st == NV_OK)
			t->gs->objs++;
		return NV_VGPU_MSG_RESULT_SUCCESS;
	}
	case NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL: {
		struct rpc_gsp_rm_control_v03_00 *c = (void *)p;
		u32 obj;

		if (len < sizeof(*c))
			return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
		if (nvsim_vgpu_ctrl_known(c->cmd)) {
			c->status = NV_ERR_INSUFFICIENT_PERMISSIONS;
			return NV_VGPU_MSG_RESULT_SUCCESS;
		}
		g = c->hClient;
		obj = c->hObject;
		c->hClient = v;
		if (obj == g)
			c->hObject = v;
		nvsim_vg_rm(gpu, NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, p, len);
		c->hClient = g;
		c->hObject = obj;
		return NV_VGPU_MSG_RESULT_SUCCESS;
	}
	case NV_VGPU_MSG_FUNCTION_FREE: {
		struct rpc_free_v03_00 *f = (void *)p;
		u32 parent;

		if (len < sizeof(*f))
			return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
		g = f->params.hRoot;
		parent = f->params.hObjectParent;
		if (f->params.hObjectOld == g || f->params.hObjectOld == v) {
			f->params.status = NV_ERR_INSUFFICIENT_PERMISSIONS;
			return NV_VGPU_MSG_RESULT_SUCCESS;
		}
		f->params.hRoot = v;
		if (parent == g)
			f->params.hObjectParent = v;
		st = nvsim_vg_rm(gpu, NV_VGPU_MSG_FUNCTION_FREE, p, len);
		f->params.hRoot = g;
		f->params.hObjectParent = parent;
		if (st == NV_OK && t->gs->objs)
			t->gs->objs--;
		return NV_VGPU_MSG_RESULT_SUCCESS;
	}
	}
	return NV_VGPU_MSG_RESULT_NOT_SUPPORTED;
}

static void nvsim_guest_message(struct nvsim_gpu *gpu,
				struct nvsim_vgpu_target *t)
{
	struct nvsim_vgpu_relay *r = gpu->vgpu_relay;
	struct nvsim_vgpu_gstate *gs = t->gs;
	struct rpc_message_header_v03_00 *h = (void *)r->buf;
	u32 req, result, len, fn;
	bool match = false;

	if (!gs->up || nvsim_guest_fb_rw(gpu, t, gs->bufs.ctrl + 4, &req, 4, false))
		goto bad;
	if (req == gs->last)
		return;		/* a repeated doorbell */
	if (nvsim_guest_fb_rw(gpu, t, gs->bufs.msg, r->buf, sizeof(*h), false))
		goto bad;
	result = nvsim_guest_hdr_check(r->buf, gs->bufs.msg_size);
	len = sizeof(*h);
	if (result == NV_VGPU_MSG_RESULT_SUCCESS) {
		len = h->length;
		fn = h->function;
		if (nvsim_guest_fb_rw(gpu, t, gs->bufs.msg, r->buf, len, false))
			goto bad;
		/* The guest may change the buffer meanwhile: use this copy. */
		h->length = len;
		h->rpc_result_private = NV_VGPU_MSG_RESULT_SUCCESS;
		if (fn == NV_VGPU_MSG_FUNCTION_SET_GUEST_SYSTEM_INFO) {
			result = nvsim_guest_sysinfo_check(r->buf + sizeof(*h),
							   len - sizeof(*h), &match);
			if (result == NV_VGPU_MSG_RESULT_SUCCESS) {
				struct rpc_set_guest_system_info_v03_00 *g =
					(void *)(r->buf + sizeof(*h));

				gs->negotiated = match;
				if (!match) {
					g->vgxVersionMajorNum = NVSIM_VGX_MAJOR;
					g->vgxVersionMinorNum = NVSIM_VGX_MINOR;
					h->rpc_result_private =
						NV_VGPU_MSG_RESULT_GUEST_HOST_DRIVER_MISMATCH;
				}
			}
		} else if (fn == NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC ||
			   fn == NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL ||
			   fn == NV_VGPU_MSG_FUNCTION_FREE) {
			result = gs->negotiated ?
				 nvsim_guest_rm(gpu, t, fn, r->buf + sizeof(*h),
						len - sizeof(*h)) :
				 NV_VGPU_MSG_RESULT_INVALID_STATE;
		} else {
			result = NV_VGPU_MSG_RESULT_NOT_SUPPORTED;
		}
	}
	if (result != NV_VGPU_MSG_RESULT_SUCCESS)
		nvsim_vgpu_guest_bad(gpu);
	h->rpc_result = result;
	gs->last = req;
	gs->msgs++;
	/* The reply, then responseId (the guest polls it). */
	if (result == NV_VGPU_MSG_RESULT_SUCCESS)
		nvsim_guest_fb_rw(gpu, t, gs->bufs.msg, r->buf, len, true);
	else
		nvsim_guest_fb_rw(gpu, t, gs->bufs.msg + offsetof(struct rpc_message_header_v03_00,
							    rpc_result),
			    &result, sizeof(result), true);
	nvsim_guest_respond(gpu, t, &gs->bufs, req);
	return;
bad:
	nvsim_vgpu_guest_bad(gpu);
}

