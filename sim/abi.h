/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: the firmware version a simulated GSP-RM plays.
 *
 * DOC: nvsim firmware versions
 *
 * Everything in which GSP-RM 535.113.01 and 570.144 differ sits behind
 * one &struct nvsim_abi per version: the booter's heap limits, the RM
 * arguments (GSP_ARGUMENTS_CACHED), GSP_SET_SYSTEM_INFO, the RM object
 * tree with its controls and static info, the event numbers and payloads.
 * Each table is built by sim/rNNN/abi.c, which compiles sim/fwabi.c and
 * sim/rpc.c against the version's headers in include/nvrm (nothing else
 * in nvsim includes a firmware header; sim/fwabi.c also compiles the vGPU
 * controls and guest RPCs, sim/vgpu_ctrl.c, sim/vgpu_guest_check.c and
 * sim/vgpu_guest_rpc.c, while the plugin's channels use nvsim's own
 * sim/vgpu_wire.h, checked there), so every size nvsim checks and every
 * structure it writes is that version's. Adding a version: a new sim/rNNN/abi.c, an
 * entry in nvsim_abis[] (sim/main.c) and the #if blocks where the new
 * version's layout differs.
 *
 * Which version runs: the one the booter finds in the image header the
 * driver uploaded (tools/mkgspfw writes it), unless the module parameter
 * fw= forces one for the GPU (a mismatch: the image says one version, the
 * GSP runs the other, and refuses the driver's structures the way that
 * version would).
 */
#ifndef NVSIM_ABI_H
#define NVSIM_ABI_H

#include <linux/types.h>

#include "chanargs.h"

struct nvsim_gpu;
struct nvsim_vgpu_target;

/* Largest event payload an encoder writes (OS_ERROR_LOG of 570: 0x110). */
#define NVSIM_EV_BUF	0x200
/* Room for the small ones (POST_EVENT, plugin, lockdown, init done). */
#define NVSIM_EV_SMALL	0x40

/**
 * struct nvsim_rmargs - what GSP-RM takes from GSP_ARGUMENTS_CACHED
 * @shm_pa: sharedMemPhysAddr (the page table's first page)
 * @npages: pageTableEntryCount
 * @cmdq: cmdQueueOffset
 * @statq: statQueueOffset
 */
struct nvsim_rmargs {
	u64 shm_pa;
	u32 npages;
	u64 cmdq;
	u64 statq;
};

/**
 * struct nvsim_abi - one GSP-RM firmware version
 * @version: its version string ("535.113.01")
 * @num_functions: NV_VGPU_MSG_FUNCTION_NUM_FUNCTIONS
 * @ev_lockdown: NV_VGPU_MSG_EVENT_GSP_LOCKDOWN_NOTICE
 * @heap_min_libos2: smallest GSP-RM heap on a LIBOS2 chip (bytes)
 * @heap_min_libos3: smallest GSP-RM heap on a LIBOS3 chip, bare metal
 * @rmargs: decode and check RMARGS (the region's bytes); 0 or -EINVAL
 * @sysinfo: consume GSP_SET_SYSTEM_INFO; NV_OK or the NV_STATUS refusing it
 * @registry: consume SET_REGISTRY; NV_OK or an NV_STATUS
 * @dispatch: run one RPC (see nvsim_rpc_dispatch in sim/rpc.c)
 * @rm_init: create the internal client, device and subdevice
 * @rm_reset: free every RM object
 * @large_total: expected payload of a large request (0 if not derivable)
 * @enc_rc: RC_TRIGGERED payload; returns its length
 * @enc_os_error: OS_ERROR_LOG payload with @msg as errString
 * @enc_post_event: POST_EVENT payload
 * @enc_plugin: VGPU_GSP_PLUGIN_TRIGGERED payload (NULL: none in this
 *	version)
 * @enc_lockdown: GSP_LOCKDOWN_NOTICE payload
 * @enc_init_done: GSP_INIT_DONE payload
 * @engine_to_rm: RM_ENGINE_TYPE of an NV2080 engine type (0: none)
 * @chan_alloc_size: sizeof(NV_CHANNEL_ALLOC_PARAMS) (sim/chan.c)
 * @group_decode: KEPLER_CHANNEL_GROUP_A parameters (sim/chanabi.c): NV_OK,
 *	or NV_ERR_INVALID_PARAM_STRUCT for a size not this version's
 * @chan_decode: GPFIFO channel parameters, likewise
 * @chan_cid: write the channel's cid back into its parameters
 * @ce_decode: copy-engine object parameters, likewise
 * @fifo_ctrl_op: &enum nvsim_fifo_op of a control number
 * @fifo_ctrl_decode: a channel control's parameters (size, fields)
 * @fifo_ctrl_reply: write a channel control's reply
 * @guest_message: serve one relayed guest RPC (sim/vgpu_guest_rpc.c)
 */
struct nvsim_abi {
	const char *version;
	u32 num_functions;
	u32 ev_lockdown;
	u64 heap_min_libos2;
	u64 heap_min_libos3;
	int (*rmargs)(const void *buf, u64 size, struct nvsim_rmargs *out,
		      const char **why);
	u32 (*sysinfo)(struct nvsim_gpu *gpu, const u8 *p, u64 len);
	u32 (*registry)(struct nvsim_gpu *gpu, const u8 *p, u64 len);
	u32 (*dispatch)(struct nvsim_gpu *gpu, u32 function, u8 *payload,
			u64 len, u64 cap, u32 *reply_len, bool *reply);
	void (*rm_init)(struct nvsim_gpu *gpu);
	void (*rm_reset)(struct nvsim_gpu *gpu);
	u64 (*large_total)(u32 function, const u8 *p, u32 len);
	u32 (*enc_rc)(void *buf, u32 chid, u32 xid, u32 engine);
	u32 (*enc_os_error)(void *buf, u32 xid, u32 chid, const char *msg);
	u32 (*enc_post_event)(void *buf, u32 h_client, u32 h_event, u32 index,
			      u32 data, bool list);
	u32 (*enc_plugin)(void *buf, u32 gfid, u32 index);
	u32 (*enc_lockdown)(void *buf, bool on);
	u32 (*enc_init_done)(void *buf);
	u32 (*engine_to_rm)(u32 nv2080_type);
	u32 chan_alloc_size;
	u32 (*group_decode)(const void *p, u32 size,
			    struct nvsim_group_args *out);
	u32 (*chan_decode)(const void *p, u32 size,
			   struct nvsim_chan_args *out);
	void (*chan_cid)(void *p, u32 cid);
	u32 (*ce_decode)(const void *p, u32 size, struct nvsim_ce_args *out);
	u32 (*fifo_ctrl_op)(u32 cmd);
	u32 (*fifo_ctrl_decode)(u32 cmd, const void *p, u32 size,
				struct nvsim_fifo_ctrl *out);
	void (*fifo_ctrl_reply)(u32 cmd, void *p,
				const struct nvsim_fifo_ctrl *c);
	void (*guest_message)(struct nvsim_gpu *gpu,
			      struct nvsim_vgpu_target *t);
};

extern const struct nvsim_abi nvsim_abi_r535;
extern const struct nvsim_abi nvsim_abi_r570;

const struct nvsim_abi *nvsim_abi_find(const char *version, size_t len);

#endif /* NVSIM_ABI_H */
