/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: the GSP vGPU plugin's side of the guest RM channel. The checks of
 * what a guest wrote are OS-independent (r535/vgpu_guest_wire.c: also built in
 * userspace for tests/fuzz/fuzz_sim_vgpu_guest.c); serving is
 * vgpu_guest.c.
 */
#ifndef NVSIM_VGPU_GUEST_H
#define NVSIM_VGPU_GUEST_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "kshim.h"
#endif

/**
 * struct nvsim_guest_bufs - a guest's channel buffers, guest-FB offsets
 * @ctrl: control buffer
 * @rsp: response buffer
 * @msg: message buffer
 * @msg_size: its size
 */
struct nvsim_guest_bufs {
	u64 ctrl;
	u64 rsp;
	u64 msg;
	u64 msg_size;
};

/* Control buffer bytes the plugin reads. */
#define NVSIM_GUEST_CTRL_USED	0x70

int nvsim_guest_addr(u64 addr, u64 fb_len, u64 *off, u64 *size);
int nvsim_guest_ctrl_parse(const u8 *ctrl, u64 ctrl_off, u64 fb_len,
			   struct nvsim_guest_bufs *b);
u32 nvsim_guest_hdr_check(const u8 *msg, u64 buf_size);
u32 nvsim_guest_sysinfo_check(const u8 *payload, u64 len, bool *match);


#ifdef __KERNEL__
struct nvsim_gpu;

/**
 * struct nvsim_vgpu_gstate - the plugin's guest channel state of one GFID
 * @up: the guest set its buffers up
 * @bufs: where they are (guest FB offsets)
 * @last: last requestId answered
 * @negotiated: SET_GUEST_SYSTEM_INFO agreed on the version
 * @objs: RM objects the guest allocated
 * @msgs: guest RPCs answered
 */
struct nvsim_vgpu_gstate {
	bool up;
	struct nvsim_guest_bufs bufs;
	u32 last;
	bool negotiated;
	u32 objs;
	u64 msgs;
};

/**
 * struct nvsim_vgpu_target - what the plugin serves a guest with
 * @fb_base: the guest FB in VRAM
 * @fb_len: its size
 * @h_client: the vGPU's RM client (SETUP_CONFIG_PARAMS_AND_INIT)
 * @gs: its guest channel state
 */
struct nvsim_vgpu_target {
	u64 fb_base;
	u64 fb_len;
	u32 h_client;
	struct nvsim_vgpu_gstate *gs;
};

bool nvsim_vgpu_target_get(struct nvsim_gpu *gpu, u32 gfid,
			   struct nvsim_vgpu_target *t);
void nvsim_vgpu_target_put(struct nvsim_gpu *gpu);
void nvsim_vgpu_guest_bad(struct nvsim_gpu *gpu);

int nvsim_vgpu_guest_init(struct nvsim_gpu *gpu);
void nvsim_vgpu_guest_fini(struct nvsim_gpu *gpu);
bool nvsim_vgpu_guest_reg_read(struct nvsim_gpu *gpu, u32 addr, u32 *val);
bool nvsim_vgpu_guest_reg_write(struct nvsim_gpu *gpu, u32 addr, u32 val);
void nvsim_vgpu_guest_doorbell(struct nvsim_gpu *gpu, u32 gfid, u32 handle);
void nvsim_vgpu_guest_serve(struct nvsim_gpu *gpu);
#endif

#endif /* NVSIM_VGPU_GUEST_H */
