// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: decoder of what a vGPU's guest writes into its channel with the
 * GSP vGPU plugin (OGKM r570 dev_vgpu.h buffers, rpc_message_header_v
 * framing). Every byte comes from the guest: nothing is trusted, every
 * offset and size is checked overflow-safe against the guest FB.
 * OS-independent; tests/fuzz/fuzz_vgpu_guest.c runs it on arbitrary bytes.
 */

/*
 * Compiled once per version (the RPC function range is the version's):
 * included by core/gsp/r<NNN>/fw.c, and by tests/fuzz/fuzz_vgpu_guest*.c
 * after that version's headers.
 */
#include "../vgpu_guest.h"

static u32 nvc_get32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static u64 nvc_get64(const u8 *p)
{
	return nvc_get32(p) | (u64)nvc_get32(p + 4) << 32;
}

/**
 * nvc_vgpu_guest_addr() - decode a guest buffer address
 * @addr: VGPU_GSP_BUF_ADDR value (validity, aperture, size, page number)
 * @fb_size: the guest FB's size
 * @out: the buffer, as a range of the guest FB
 *
 * Only FB buffers are served: the guest's system memory is not reachable
 * without an IOMMU mapping of the guest (docs/nvsim.md).
 *
 * Return: 0, -EINVAL (not valid, bad aperture or size, outside the FB) or
 * -EOPNOTSUPP (a system-memory buffer).
 */
static int nvc_vgpu_guest_addr(u64 addr, u64 fb_size, struct nvc_vgpu_guest_buf *out)
{
	u32 ap = (addr >> VGPU_GSP_BUF_ADDR_V1_APERTURE_SHIFT) &
		 VGPU_GSP_BUF_ADDR_V1_APERTURE_MASK;
	u32 sz = (addr >> VGPU_GSP_BUF_ADDR_V2_SIZE_SHIFT) &
		 VGPU_GSP_BUF_ADDR_V2_SIZE_MASK;
	u64 off = addr >> VGPU_GSP_BUF_ADDR_V1_PFN_SHIFT << VGPU_GSP_BUF_ADDR_V1_PFN_SHIFT;
	u64 size;

	if (!(addr & VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID))
		return -EINVAL;
	if (ap == VGPU_GSP_BUF_ADDR_V1_APERTURE_SYSMEM)
		return -EOPNOTSUPP;
	if (ap != VGPU_GSP_BUF_ADDR_V1_APERTURE_FBMEM)
		return -EINVAL;
	switch (sz) {
	case VGPU_GSP_BUF_ADDR_V2_SIZE_4K:
		size = 0x1000;
		break;
	case VGPU_GSP_BUF_ADDR_V2_SIZE_128K:
		size = 0x20000;
		break;
	case VGPU_GSP_BUF_ADDR_V2_SIZE_2M:
		size = 0x200000;
		break;
	default:
		return -EINVAL;
	}
	/* Bits 11:5 are reserved: a guest setting them is refused. */
	if (addr & 0xfe0 || off > fb_size || size > fb_size - off ||
	    off & (size - 1))
		return -EINVAL;
	out->off = off;
	out->size = size;
	return 0;
}

static bool nvc_overlap(const struct nvc_vgpu_guest_buf *a,
			const struct nvc_vgpu_guest_buf *b)
{
	return a->off < b->off + b->size && b->off < a->off + a->size;
}

/**
 * nvc_vgpu_guest_ctrl() - check the guest's control buffer
 * @ctrl: its first %NVC_VGPU_GUEST_CTRL_USED bytes
 * @fb_size: the guest FB's size
 * @bufs: @bufs->ctrl set by the caller; @rsp and @msg filled
 *
 * Version 1 or 2; a one-page response buffer and a 4 KiB or 128 KiB
 * message buffer in the guest FB, overlapping neither each other nor the
 * control buffer.
 *
 * Return: 0, -EINVAL or -EOPNOTSUPP (system-memory buffers).
 */
static int nvc_vgpu_guest_ctrl(const void *ctrl, u64 fb_size,
			struct nvc_vgpu_guest_bufs *bufs)
{
	const u8 *c = ctrl;
	u32 version = nvc_get32(c);
	int ret;

	if (version != VGPU_GSP_CTRL_BUF_V1_VERSION &&
	    version != VGPU_GSP_CTRL_BUF_V2_VERSION)
		return -EINVAL;
	ret = nvc_vgpu_guest_addr(nvc_get64(c + 0x8), fb_size, &bufs->rsp);
	if (!ret)
		ret = nvc_vgpu_guest_addr(nvc_get64(c + 0x18), fb_size, &bufs->msg);
	if (ret)
		return ret;
	if (bufs->rsp.size != VGPU_GSP_RESPONSE_BUF_SIZE_V1 ||
	    (bufs->msg.size != NVRM_VGPU_GUEST_MSG_MIN &&
	     bufs->msg.size != NVRM_VGPU_GUEST_MSG_LARGE) ||
	    nvc_overlap(&bufs->rsp, &bufs->msg) ||
	    nvc_overlap(&bufs->rsp, &bufs->ctrl) ||
	    nvc_overlap(&bufs->msg, &bufs->ctrl))
		return -EINVAL;
	return 0;
}

/**
 * nvc_vgpu_guest_msg_check() - check the framing of a guest RPC
 * @hdr: the first %NVC_VGPU_GUEST_HDR bytes of the message buffer
 * @buf_size: the message buffer's size
 *
 * Return: NV_VGPU_MSG_RESULT_SUCCESS, NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT
 * (header version, signature, a length shorter than the header or longer
 * than the buffer) or NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION.
 */
static u32 nvc_vgpu_guest_msg_check(const void *hdr, u64 buf_size)
{
	const u8 *h = hdr;
	u32 len = nvc_get32(h + 0x8);

	if (nvc_get32(h) != NVRM_RPC_HEADER_VERSION ||
	    nvc_get32(h + 0x4) != NV_VGPU_MSG_SIGNATURE_VALID ||
	    len < NVC_VGPU_GUEST_HDR || len > buf_size)
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	if (nvc_get32(h + 0xc) >= NV_VGPU_MSG_FUNCTION_NUM_FUNCTIONS)
		return NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION;
	return NV_VGPU_MSG_RESULT_SUCCESS;
}
