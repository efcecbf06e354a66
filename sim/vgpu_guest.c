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
 * them (nvsim_vgpu_guest_serve(); messages in the running version's
 * numbering and layouts, sim/vgpu_guest_rpc.c), for a GFID whose plugin
 * is configured:
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
 *   version is the running firmware's, 535.113.01 0x23.0x05 or 570.144
 *   0x29.0x0c: a guest with another one gets it back with rpc_result_private
 *   GUEST_HOST_DRIVER_MISMATCH, as OGKM's guest expects before it retries);
 *   after it, GSP_RM_ALLOC, GSP_RM_CONTROL and FREE run in the vGPU's own RM
 *   client (the guest's root handle stands for it; the root itself cannot be
 *   allocated or freed; vGPU-manager controls and VGPU_CONFIG objects are
 *   refused with INSUFFICIENT_PERMISSIONS; at most NVSIM_GUEST_MAX_OBJS
 *   objects). Before it they are NV_VGPU_MSG_RESULT_INVALID_STATE; any other
 *   function NV_VGPU_MSG_RESULT_NOT_SUPPORTED. The reply goes into the
 *   message buffer, then responseId.
 *
 * Every refused request counts in vgpu_bad; nothing is logged.
 */
#include <linux/bitops.h>
#include <linux/slab.h>

#include "abi.h"
#include "hw.h"
#include "nvsim.h"
#include "vgpu_guest.h"
#include "vgpu_wire.h"

static_assert(NVSIM_GUEST_SCRATCH == NVSIM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1);



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
	r->buf = kvmalloc(NVSIM_VGPU_GUEST_MSG_LARGE, GFP_KERNEL);
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

static int nvsim_scratch_index(u32 addr)
{
	u32 base = NVSIM_VF(NVSIM_VF_PRIV_MAILBOX_SCRATCH(0));

	if (addr < base || addr >= base + 4 * NVSIM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1)
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
	if (handle == NVSIM_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE) {
		spin_lock_irqsave(&r->lock, flags);
		r->addr[gfid] = (u64)r->scratch[NVSIM_VF_SCRATCH_REGISTER_GUEST_RPC_HI] << 32 |
				r->scratch[NVSIM_VF_SCRATCH_REGISTER_GUEST_RPC_LO];
		spin_unlock_irqrestore(&r->lock, flags);
		set_bit(gfid, r->setup);
	} else {
		set_bit(gfid, r->msg);
	}
	nvsim_kick(gpu);
}

int nvsim_guest_fb_rw(struct nvsim_gpu *gpu, const struct nvsim_vgpu_target *t,
		      u64 off, void *buf, size_t len, bool write)
{
	if (off > t->fb_len || len > t->fb_len - off)
		return -EINVAL;
	return nvsim_vram_rw(gpu, t->fb_base + off, buf, len, write);
}

void nvsim_guest_respond(struct nvsim_gpu *gpu,
			 const struct nvsim_vgpu_target *t,
			 const struct nvsim_guest_bufs *b, u32 req)
{
	nvsim_guest_fb_rw(gpu, t, b->rsp + NVSIM_GUEST_RSP_RESPONSE_ID,
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

	if (!(addr & NVSIM_VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID)) {
		if (!gs->up)
			goto bad;
		b = gs->bufs;
		gs->up = false;
		if (!nvsim_guest_fb_rw(gpu, t, b.ctrl + 4, &req, 4, false))
			nvsim_guest_respond(gpu, t, &b, req);
		return;
	}
	if (nvsim_guest_addr(addr, t->fb_len, &off, &size) || size != 0x1000 ||
	    nvsim_guest_fb_rw(gpu, t, off, ctrl, sizeof(ctrl), false) ||
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
			nvsim_abi_of(gpu)->guest_message(gpu, &t);
		nvsim_vgpu_target_put(gpu);
	}
}
