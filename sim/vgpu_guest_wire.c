// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: checks of where a vGPU's guest put its channel with the GSP vGPU
 * plugin, as the plugin makes them (its own code, independent of nvcore's
 * relay: docs/nvsim.md). Buffers: OGKM 570.144 dev_vgpu.h (sim/vgpu_wire.h),
 * used under every version; the message checks are per version
 * (vgpu_guest_check.c). OS-independent.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <string.h>
#endif

#include "vgpu_guest.h"
#include "vgpu_wire.h"

static u32 rd32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static u64 rd64(const u8 *p)
{
	return rd32(p) | (u64)rd32(p + 4) << 32;
}

/**
 * nvsim_guest_addr() - a VGPU_GSP_BUF_ADDR in the guest's FB
 * @addr: the address word
 * @fb_len: guest FB size
 * @off: its offset in the guest FB
 * @size: its size
 *
 * Return: 0, -EINVAL, or -EOPNOTSUPP for system memory (not modelled).
 */
int nvsim_guest_addr(u64 addr, u64 fb_len, u64 *off, u64 *size)
{
	static const u64 sizes[] = { 0x1000, 0x20000, 0x200000 };
	u32 ap = (addr >> NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_SHIFT) &
		 NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_MASK;
	u32 sz = (addr >> NVSIM_VGPU_GSP_BUF_ADDR_V2_SIZE_SHIFT) &
		 NVSIM_VGPU_GSP_BUF_ADDR_V2_SIZE_MASK;
	u64 o = addr & ~0xfffULL;

	if (!(addr & NVSIM_VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID))
		return -EINVAL;
	if (ap == NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_SYSMEM)
		return -EOPNOTSUPP;
	if (ap != NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_FBMEM || sz >= 3 ||
	    (addr & 0xfe0) || o > fb_len || sizes[sz] > fb_len - o ||
	    (o & (sizes[sz] - 1)))
		return -EINVAL;
	*off = o;
	*size = sizes[sz];
	return 0;
}

static int nvsim_disjoint(u64 a, u64 al, u64 b, u64 bl)
{
	return a + al <= b || b + bl <= a;
}

/**
 * nvsim_guest_ctrl_parse() - the guest's control buffer at setup
 * @ctrl: its first %NVSIM_GUEST_CTRL_USED bytes
 * @ctrl_off: where it is in the guest FB
 * @fb_len: guest FB size
 * @b: the buffers found
 *
 * Return: 0 or -EINVAL (version, addresses, sizes, overlaps).
 */
int nvsim_guest_ctrl_parse(const u8 *ctrl, u64 ctrl_off, u64 fb_len,
			   struct nvsim_guest_bufs *b)
{
	u64 rsz, msz;
	u32 ver = rd32(ctrl);

	if (ver != NVSIM_VGPU_GSP_CTRL_BUF_V1_VERSION && ver != NVSIM_VGPU_GSP_CTRL_BUF_V2_VERSION)
		return -EINVAL;
	if (nvsim_guest_addr(rd64(ctrl + 0x8), fb_len, &b->rsp, &rsz) ||
	    nvsim_guest_addr(rd64(ctrl + 0x18), fb_len, &b->msg, &msz))
		return -EINVAL;
	if (rsz != NVSIM_VGPU_GSP_RESPONSE_BUF_SIZE_V1 ||
	    (msz != NVSIM_VGPU_GUEST_MSG_MIN && msz != NVSIM_VGPU_GUEST_MSG_LARGE) ||
	    !nvsim_disjoint(b->rsp, rsz, b->msg, msz) ||
	    !nvsim_disjoint(b->rsp, rsz, ctrl_off, 0x1000) ||
	    !nvsim_disjoint(b->msg, msz, ctrl_off, 0x1000))
		return -EINVAL;
	b->ctrl = ctrl_off;
	b->msg_size = msz;
	return 0;
}
