/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: the GSP vGPU plugin's side of the guest RM channel. The checks of
 * what a guest wrote are OS-independent (vgpu_guest_wire.c, and the per-version
 * vgpu_guest_check.c: also built in
 * userspace for tests/fuzz/fuzz_sim_vgpu_guest.c); serving is
 * vgpu_guest.c.
 */
#ifndef NVSIM_VGPU_GUEST_H
#define NVSIM_VGPU_GUEST_H

#ifdef __KERNEL__
#include <linux/spinlock.h>
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
/*
 * The message checks, nvsim_guest_hdr_check() and
 * nvsim_guest_sysinfo_check(), are the firmware version's: static in each
 * version's object (sim/vgpu_guest_check.c, included by sim/fwabi.c).
 */


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

#define NVSIM_GUEST_MAX_GFID	32
#define NVSIM_GUEST_MAX_OBJS	64
/* The VF's MAILBOX_SCRATCH registers (NVRM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1). */
#define NVSIM_GUEST_SCRATCH	16

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
	u32 scratch[NVSIM_GUEST_SCRATCH];
	unsigned long setup[BITS_TO_LONGS(NVSIM_GUEST_MAX_GFID + 1)];
	unsigned long msg[BITS_TO_LONGS(NVSIM_GUEST_MAX_GFID + 1)];
	u64 addr[NVSIM_GUEST_MAX_GFID + 1];
	spinlock_t lock;
	u8 *buf;
};

int nvsim_guest_fb_rw(struct nvsim_gpu *gpu, const struct nvsim_vgpu_target *t,
		      u64 off, void *buf, size_t len, bool write);
void nvsim_guest_respond(struct nvsim_gpu *gpu,
			 const struct nvsim_vgpu_target *t,
			 const struct nvsim_guest_bufs *b, u32 req);
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
