/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: the guest RM <-> GSP vGPU plugin channel of one vGPU, relayed for
 * a client that emulates the vGPU's BAR0 (tmpl/vgpu_guest.c), and the decoder of
 * what the guest writes (tmpl/vgpu_guest_dec.c, OS-independent: also built in
 * userspace for fuzzing).
 */
#ifndef NVC_GSP_VGPU_GUEST_H
#define NVC_GSP_VGPU_GUEST_H

#ifdef __KERNEL__
#include <linux/mutex.h>
#include <linux/types.h>
#else
#include "kcompat.h"
#endif

/**
 * struct nvc_vgpu_guest_buf - a guest buffer in the vGPU's guest FB
 * @off: byte offset in the guest FB
 * @size: bytes
 */
struct nvc_vgpu_guest_buf {
	u64 off;
	u64 size;
};

/**
 * struct nvc_vgpu_guest_bufs - the guest's channel buffers
 * @ctrl: control buffer (one page)
 * @rsp: response buffer (one page)
 * @msg: message buffer (4 KiB or 128 KiB)
 */
struct nvc_vgpu_guest_bufs {
	struct nvc_vgpu_guest_buf ctrl;
	struct nvc_vgpu_guest_buf rsp;
	struct nvc_vgpu_guest_buf msg;
};

/* Bytes of the control buffer the decoder reads. */
#define NVC_VGPU_GUEST_CTRL_USED	0x70
/* Bytes of an RPC header. */
#define NVC_VGPU_GUEST_HDR		0x20

/*
 * The decoder itself, nvc_vgpu_guest_addr(), nvc_vgpu_guest_ctrl() and
 * nvc_vgpu_guest_msg_check(), is static in each version's object
 * (core/gsp/tmpl/vgpu_guest_dec.c).
 */

#ifdef __KERNEL__
struct nvc_gpu;
struct nvc_vgpu;

/**
 * struct nvc_vgpu_guest - relay state of one vGPU's guest channel
 * @up: the guest set its buffers up
 * @bufs: its buffers (valid when @up)
 * @refused: guest requests refused before reaching the plugin
 */
struct nvc_vgpu_guest {
	bool up;
	struct nvc_vgpu_guest_bufs bufs;
	u64 refused;
};
#endif

#endif /* NVC_GSP_VGPU_GUEST_H */
