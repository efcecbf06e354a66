// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the GSP vGPU plugin's side of the guest RM channel.
 *
 * DOC: nvsim vGPU guest channel
 *
 * A guest driver reaches its plugin through buffers in its guest FB and
 * its VF's scratch and doorbell registers (OGKM 570.144 dev_vgpu.h,
 * nv_sriov_defines.h, vgpu/rpc.c). nvsim has no VFs: the host relays a
 * guest's doorbell on the PF (assumption, docs/nvsim.md): the control
 * buffer address in the PF's MAILBOX_SCRATCH(GUEST_RPC_HI/LO) (0xb82100 +
 * 4 * i, snapshot when the doorbell is written), then gfid * 32 + handle
 * to the PF doorbell (handle 0 SETUP, 1 MESSAGE). The GSP thread serves
 * them (nvsim_vgpu_guest_serve()), for a GFID whose plugin is configured:
 *
 * - SETUP with a valid address: the control buffer (one page, FB aperture,
 *   inside the guest FB) is read and checked (vgpu_guest_wire.c): version
 *   1 or 2, a one-page response buffer and a 4 KiB or 128 KiB message
 *   buffer in the guest FB, no overlaps; then responseId = requestId.
 *   SETUP with an invalid address tears the channel down (answered in the
 *   old buffers). A bad setup is not answered (the guest times out).
 * - MESSAGE, when requestId changed: the rpc_message_header_v03_00 framing
 *   is checked (RPC_INVALID_MESSAGE_FORMAT, RPC_UNKNOWN_FUNCTION), then:
 *   SET_GUEST_SYSTEM_INFO (lengths and strings checked; the plugin's VGX
 *   version is 535.113.01's 0x23.0x05: a guest with another one gets it
 *   back with rpc_result_private GUEST_HOST_DRIVER_MISMATCH, as OGKM's
 *   guest expects before it retries); after it, GSP_RM_ALLOC,
 *   GSP_RM_CONTROL and FREE run in the vGPU's own RM client (the guest's
 *   root handle stands for it; the root itself cannot be allocated or
 *   freed; vGPU-manager controls and VGPU_CONFIG objects are refused with
 *   INSUFFICIENT_PERMISSIONS; at most NVSIM_GUEST_MAX_OBJS objects). Before
 *   it they are NV_VGPU_MSG_RESULT_INVALID_STATE; any other function
 *   NV_VGPU_MSG_RESULT_NOT_SUPPORTED. The reply goes into the message
 *   buffer, then responseId.
 *
 * Every refused request counts in vgpu_bad; nothing is logged.
 */
#include <linux/bitops.h>
#include <linux/slab.h>

#include <nvrm/535.113.01/nvrm.h>

#include "../nvsim.h"
#include "../vgpu_guest.h"
#include <nvrm/570.144/vgpu_guest.h>

#define NVSIM_GUEST_MAX_GFID	32
#define NVSIM_GUEST_MAX_OBJS	64

/**
 * struct nvsim_vgpu_relay - doorbells relayed on the PF
 * @scratch: the PF's MAILBOX_SCRATCH registers
 * @setup: GFIDs with a SETUP to serve (atomic bitops)
 * @msg: GFIDs with a MESSAGE to serve (atomic bitops)
 * @addr: the control buffer address of each pending SETUP
 * @lock: protects @scratch and @addr (MMIO context)
 * @buf: message buffer copy (GSP thread only)
 */
struct nvsim_vgpu_relay {
	u32 scratch[NVRM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1];
	unsigned long setup[BITS_TO_LONGS(NVSIM_GUEST_MAX_GFID + 1)];
	unsigned long msg[BITS_TO_LONGS(NVSIM_GUEST_MAX_GFID + 1)];
	u64 addr[NVSIM_GUEST_MAX_GFID + 1];
	spinlock_t lock;
	u8 *buf;
};

/**
 * nvsim_vgpu_guest_init() - relay state of a new GPU
 * @gpu: the GPU
 *
 * Return: 0 or -ENOMEM.
 */
int nvsim_vgpu_guest_init(struct nvsim_gpu *gpu)
{
	struct nvsim_vgpu_relay *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->buf = kvmalloc(NVRM_VGPU_GUEST_MSG_LARGE, GFP_KERNEL);
	if (!r->buf) {
		kfree(r);
		return -ENOMEM;
	}
	spin_lock_init(&r->lock);
	gpu->vgpu_relay = r;
	return 0;
}

/**
 * nvsim_vgpu_guest_fini() - free it
 * @gpu: the GPU; its GSP thread is stopped
 */
void nvsim_vgpu_guest_fini(struct nvsim_gpu *gpu)
{
	struct nvsim_vgpu_relay *r = gpu->vgpu_relay;

	if (!r)
		return;
	gpu->vgpu_relay = NULL;
	kvfree(r->buf);
	kfree(r);
}

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

static int nvsim_scratch_index(u32 addr)
{
	u32 base = NVRM_VF(NVRM_VF_PRIV_MAILBOX_SCRATCH(0));

	if (addr < base || addr >= base + 4 * NVRM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1)
		return -1;
	return (addr - base) / 4;
}

/**
 * nvsim_vgpu_guest_reg_read() - the PF's mailbox scratch registers
 * @gpu: the GPU
 * @addr: BAR0 offset
 * @val: the value
 *
 * Return: true if @addr is one of them.
 */
bool nvsim_vgpu_guest_reg_read(struct nvsim_gpu *gpu, u32 addr, u32 *val)
{
	struct nvsim_vgpu_relay *r = gpu->vgpu_relay;
	int i = nvsim_scratch_index(addr);

	if (!r || i < 0)
		return false;
	*val = READ_ONCE(r->scratch[i]);
	return true;
}

/**
 * nvsim_vgpu_guest_reg_write() - a write to them
 * @gpu: the GPU
 * @addr: BAR0 offset
 * @val: the value
 *
 * Return: true if @addr is one of them.
 */
bool nvsim_vgpu_guest_reg_write(struct nvsim_gpu *gpu, u32 addr, u32 val)
{
	struct nvsim_vgpu_relay *r = gpu->vgpu_relay;
	unsigned long flags;
	int i = nvsim_scratch_index(addr);

	if (!r || i < 0)
		return false;
	spin_lock_irqsave(&r->lock, flags);
	r->scratch[i] = val;
	spin_unlock_irqrestore(&r->lock, flags);
	return true;
}

/**
 * nvsim_vgpu_guest_doorbell() - a relayed guest doorbell (any context)
 * @gpu: the GPU
 * @gfid: the GFID from the doorbell value
 * @handle: SETUP or MESSAGE
 */
void nvsim_vgpu_guest_doorbell(struct nvsim_gpu *gpu, u32 gfid, u32 handle)
{
	struct nvsim_vgpu_relay *r = gpu->vgpu_relay;
	unsigned long flags;

	if (!r || !gfid || gfid > NVSIM_GUEST_MAX_GFID) {
		nvsim_vgpu_guest_bad(gpu);
		return;
	}
	if (handle == NV_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE) {
		spin_lock_irqsave(&r->lock, flags);
		r->addr[gfid] = (u64)r->scratch[NV_VF_SCRATCH_REGISTER_GUEST_RPC_HI] << 32 |
				r->scratch[NV_VF_SCRATCH_REGISTER_GUEST_RPC_LO];
		spin_unlock_irqrestore(&r->lock, flags);
		set_bit(gfid, r->setup);
	} else {
		set_bit(gfid, r->msg);
	}
	nvsim_kick(gpu);
}

static int nvsim_fb_rw(struct nvsim_gpu *gpu, const struct nvsim_vgpu_target *t,
		       u64 off, void *buf, size_t len, bool write)
{
	if (off > t->fb_len || len > t->fb_len - off)
		return -EINVAL;
	return nvsim_vram_rw(gpu, t->fb_base + off, buf, len, write);
}

static void nvsim_guest_respond(struct nvsim_gpu *gpu,
				const struct nvsim_vgpu_target *t,
				const struct nvsim_guest_bufs *b, u32 req)
{
	nvsim_fb_rw(gpu, t, b->rsp + offsetof(union VGPU_GSP_RESPONSE_BUF_V1, responseId),
		    &req, sizeof(req), true);
}

static void nvsim_guest_setup(struct nvsim_gpu *gpu, struct nvsim_vgpu_target *t,
			      u64 addr)
{
	struct nvsim_vgpu_gstate *gs = t->gs;
	struct nvsim_guest_bufs b;
	u8 ctrl[NVSIM_GUEST_CTRL_USED];
	u64 off, size;
	u32 req;

	if (!(addr & VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID)) {
		if (!gs->up)
			goto bad;
		b = gs->bufs;
		gs->up = false;
		if (!nvsim_fb_rw(gpu, t, b.ctrl + 4, &req, 4, false))
			nvsim_guest_respond(gpu, t, &b, req);
		return;
	}
	if (nvsim_guest_addr(addr, t->fb_len, &off, &size) || size != 0x1000 ||
	    nvsim_fb_rw(gpu, t, off, ctrl, sizeof(ctrl), false) ||
	    nvsim_guest_ctrl_parse(ctrl, off, t->fb_len, &b))
		goto bad;
	req = ctrl[4] | ctrl[5] << 8 | ctrl[6] << 16 | (u32)ctrl[7] << 24;
	gs->bufs = b;
	gs->up = true;
	gs->last = req;
	gs->negotiated = false;
	nvsim_guest_respond(gpu, t, &b, req);
	return;
bad:
	nvsim_vgpu_guest_bad(gpu);
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

static void nvsim_guest_message(struct nvsim_gpu *gpu, struct nvsim_vgpu_target *t)
{
	struct nvsim_vgpu_relay *r = gpu->vgpu_relay;
	struct nvsim_vgpu_gstate *gs = t->gs;
	struct rpc_message_header_v03_00 *h = (void *)r->buf;
	u32 req, result, len, fn;
	bool match = false;

	if (!gs->up || nvsim_fb_rw(gpu, t, gs->bufs.ctrl + 4, &req, 4, false))
		goto bad;
	if (req == gs->last)
		return;		/* a repeated doorbell */
	if (nvsim_fb_rw(gpu, t, gs->bufs.msg, r->buf, sizeof(*h), false))
		goto bad;
	result = nvsim_guest_hdr_check(r->buf, gs->bufs.msg_size);
	len = sizeof(*h);
	if (result == NV_VGPU_MSG_RESULT_SUCCESS) {
		len = h->length;
		fn = h->function;
		if (nvsim_fb_rw(gpu, t, gs->bufs.msg, r->buf, len, false))
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
					g->vgxVersionMajorNum = NVRM_VGX_MAJOR_VERSION_535;
					g->vgxVersionMinorNum = NVRM_VGX_MINOR_VERSION_535;
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
		nvsim_fb_rw(gpu, t, gs->bufs.msg, r->buf, len, true);
	else
		nvsim_fb_rw(gpu, t, gs->bufs.msg + offsetof(struct rpc_message_header_v03_00,
							    rpc_result),
			    &result, sizeof(result), true);
	nvsim_guest_respond(gpu, t, &gs->bufs, req);
	return;
bad:
	nvsim_vgpu_guest_bad(gpu);
}

/**
 * nvsim_vgpu_guest_serve() - serve relayed guest doorbells (GSP thread)
 * @gpu: the GPU
 */
void nvsim_vgpu_guest_serve(struct nvsim_gpu *gpu)
{
	struct nvsim_vgpu_relay *r = gpu->vgpu_relay;
	struct nvsim_vgpu_target t;
	unsigned long flags;
	unsigned int gfid;
	u64 addr;

	if (!r)
		return;
	for (gfid = 1; gfid <= NVSIM_GUEST_MAX_GFID; gfid++) {
		bool setup = test_and_clear_bit(gfid, r->setup);
		bool msg = test_and_clear_bit(gfid, r->msg);

		if (!setup && !msg)
			continue;
		if (!nvsim_vgpu_target_get(gpu, gfid, &t)) {
			nvsim_vgpu_guest_bad(gpu);	/* no configured plugin */
			continue;
		}
		if (setup) {
			spin_lock_irqsave(&r->lock, flags);
			addr = r->addr[gfid];
			spin_unlock_irqrestore(&r->lock, flags);
			nvsim_guest_setup(gpu, &t, addr);
		}
		if (msg)
			nvsim_guest_message(gpu, &t);
		nvsim_vgpu_target_put(gpu);
	}
}
