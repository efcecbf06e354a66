// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: relay of a vGPU guest's channel with its GSP vGPU plugin.
 *
 * DOC: vGPU guest channel relay
 *
 * NVIDIA's guest driver talks to the GSP vGPU plugin through buffers it
 * allocates and two registers of its VF (OGKM src/nvidia/src/kernel/vgpu/
 * rpc.c, dev_vgpu.h, nv_sriov_defines.h): the control buffer address in
 * MAILBOX_SCRATCH(GUEST_RPC_HI/LO) and the doorbell, rung with the SETUP
 * handle (buffers set up, or torn down when the address is not valid) or
 * the MESSAGE handle (one rpc_message_header_v framed RPC in the message
 * buffer, requestId incremented); the plugin answers in the message buffer
 * and writes responseId.
 *
 * With a real VF the doorbell reaches the GSP directly. A client that
 * emulates the VF's BAR0 (nvvgpu's mdev) hands each doorbell to
 * nvc_gsp_vgpu_guest_ring(), which checks what the guest wrote
 * (vgpu_guest_dec.c) and relays it on the PF: for SETUP the control
 * buffer address into the PF's MAILBOX_SCRATCH(GUEST_RPC_HI/LO), then the
 * PF doorbell with gfid * 32 + handle, the value format of the host
 * channel's gfid * 32 + 17 (RFC rpc.c); a lock keeps the scratch registers
 * to one vGPU from the write to the doorbell. This relay, and that the
 * buffers are in the guest FB, are assumptions (docs/nvsim.md). A message
 * whose framing is bad never reaches the plugin: it is answered here with
 * NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT or _RPC_UNKNOWN_FUNCTION in
 * rpc_result, as the plugin would. The relay then polls the guest's
 * response buffer until responseId equals the request.
 *
 * Nothing goes through the host's own RM client: the plugin serves the
 * guest's RPCs in the vGPU's RM client, tagged by the GFID.
 *
 * Compiled once per version, from core/gsp/r<NNN>/fw.c (NVC_FW_HAS_VGPU).
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>

#include <nvcore/vgpu.h>

#include "nvcore.h"
#include "gsp/vgpu_guest.h"

static int nvc_guest_rd32(struct nvc_vgpu *v, u64 off, u32 *val)
{
	return nvc_vgpu_fb_rw(v, off, val, sizeof(*val), false);
}

static int nvc_guest_wr32(struct nvc_vgpu *v, u64 off, u32 val)
{
	return nvc_vgpu_fb_rw(v, off, &val, sizeof(val), true);
}

/* Wait for the plugin: responseId == @req. */
static int nvc_guest_wait(struct nvc_vgpu *v, const struct nvc_vgpu_guest *st,
			  u32 req, unsigned int timeout_ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(timeout_ms);
	unsigned int spins = 0;
	u32 val;
	int ret;

	for (;;) {
		ret = nvc_guest_rd32(v, st->bufs.rsp.off, &val);
		if (ret)
			return ret;
		if (val == req)
			return 0;
		if (nvc_vgpu_lost(v))
			return -ENODEV;
		if (time_after(jiffies, end))
			return -ETIMEDOUT;
		if (++spins < 200)
			usleep_range(10, 20);
		else
			usleep_range(200, 400);
	}
}

static void nvc_guest_doorbell(struct nvc_gpu *gpu, u32 gfid, u32 handle)
{
	nvc_wr32(gpu, NVRM_VGPU_DOORBELL, gfid * 32 + handle);
	nvc_rd32(gpu, NVRM_VGPU_DOORBELL);
}

static int nvc_guest_setup(struct nvc_gpu *gpu, struct nvc_vgpu *v, u32 gfid,
			   struct mutex *relay_lock, struct nvc_vgpu_guest *st,
			   u64 scratch, unsigned int timeout_ms)
{
	struct nvc_vgpu_info info;
	struct nvc_vgpu_guest_bufs bufs = {};
	u8 ctrl[NVC_VGPU_GUEST_CTRL_USED];
	const struct nvc_vgpu_guest *wait_on = st;
	struct nvc_vgpu_guest old = *st;
	u32 req;
	int ret;

	nvc_vgpu_get_info(v, &info);
	if (!(scratch & VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID)) {
		/* Teardown: answered in the buffers set up before. */
		if (!st->up)
			return -EINVAL;
		st->up = false;
		wait_on = &old;
	} else {
		ret = nvc_vgpu_guest_addr(scratch, info.fb_size, &bufs.ctrl);
		if (!ret && bufs.ctrl.size != VGPU_GSP_CTRL_BUF_SIZE_V1)
			ret = -EINVAL;
		if (!ret)
			ret = nvc_vgpu_fb_rw(v, bufs.ctrl.off, ctrl, sizeof(ctrl), false);
		if (!ret)
			ret = nvc_vgpu_guest_ctrl(ctrl, info.fb_size, &bufs);
		if (ret)
			return ret;
		st->bufs = bufs;
		st->up = true;
	}
	ret = nvc_vgpu_fb_rw(v, wait_on->bufs.ctrl.off +
			     offsetof(union VGPU_GSP_CTRL_BUF_V1, requestId),
			     &req, sizeof(req), false);
	if (ret)
		return ret;
	mutex_lock(relay_lock);
	nvc_wr32(gpu, NVRM_VF(NVRM_VF_PRIV_MAILBOX_SCRATCH(NV_VF_SCRATCH_REGISTER_GUEST_RPC_HI)),
		 upper_32_bits(scratch));
	nvc_wr32(gpu, NVRM_VF(NVRM_VF_PRIV_MAILBOX_SCRATCH(NV_VF_SCRATCH_REGISTER_GUEST_RPC_LO)),
		 lower_32_bits(scratch));
	nvc_guest_doorbell(gpu, gfid, NV_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE);
	mutex_unlock(relay_lock);
	ret = nvc_guest_wait(v, wait_on, req, timeout_ms);
	if (ret)
		st->up = false;
	return ret;
}

static int nvc_guest_message(struct nvc_gpu *gpu, struct nvc_vgpu *v, u32 gfid,
			     struct nvc_vgpu_guest *st, unsigned int timeout_ms)
{
	u8 hdr[NVC_VGPU_GUEST_HDR];
	u32 req, result;
	int ret;

	if (!st->up)
		return -EINVAL;
	ret = nvc_guest_rd32(v, st->bufs.ctrl.off +
			     offsetof(union VGPU_GSP_CTRL_BUF_V1, requestId), &req);
	if (!ret)
		ret = nvc_vgpu_fb_rw(v, st->bufs.msg.off, hdr, sizeof(hdr), false);
	if (ret)
		return ret;
	result = nvc_vgpu_guest_msg_check(hdr, st->bufs.msg.size);
	if (result != NV_VGPU_MSG_RESULT_SUCCESS) {
		/* Answered here: the plugin never sees a malformed message. */
		st->refused++;
		ret = nvc_guest_wr32(v, st->bufs.msg.off +
				     offsetof(struct rpc_message_header_v03_00, rpc_result),
				     result);
		if (!ret)
			ret = nvc_guest_wr32(v, st->bufs.rsp.off +
					     offsetof(union VGPU_GSP_RESPONSE_BUF_V1, responseId),
					     req);
		return ret;
	}
	nvc_guest_doorbell(gpu, gfid, NV_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE);
	return nvc_guest_wait(v, st, req, timeout_ms);
}

/**
 * nvc_gsp_vgpu_guest_ring() - relay one guest doorbell to the vGPU plugin
 * @gpu: the GPU
 * @v: the vGPU
 * @gfid: its GFID
 * @relay_lock: serialises the PF scratch registers between vGPUs
 * @st: the vGPU's relay state (caller serialises calls per vGPU)
 * @handle: the value the guest wrote to its doorbell
 * @scratch: its MAILBOX_SCRATCH(GUEST_RPC_HI):(GUEST_RPC_LO)
 * @timeout_ms: how long to wait for the plugin
 *
 * Return: 0 once the plugin (or the relay, for a malformed message)
 * answered; -EINVAL for a request that cannot be answered (unknown handle,
 * bad buffer address or control buffer, message before setup),
 * -EOPNOTSUPP for system-memory buffers, -ETIMEDOUT, -ENODEV.
 */
static int nvc_gsp_vgpu_guest_ring(struct nvc_gpu *gpu, struct nvc_vgpu *v, u32 gfid,
				   struct mutex *relay_lock,
				   struct nvc_vgpu_guest *st, u32 handle,
				   u64 scratch, unsigned int timeout_ms)
{
	int ret = -EINVAL;

	if (nvc_vgpu_lost(v))
		return -ENODEV;
	if (handle == NV_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE)
		ret = nvc_guest_setup(gpu, v, gfid, relay_lock, st, scratch,
				      timeout_ms);
	else if (handle == NV_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE)
		ret = nvc_guest_message(gpu, v, gfid, st, timeout_ms);
	if (ret && ret != -ETIMEDOUT && ret != -ENODEV)
		st->refused++;
	return ret;
}
