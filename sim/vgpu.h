/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: vGPU manager and plugin state (sim/vgpu.c), shared with the
 * per-version controls that fill it (sim/vgpu_ctrl.c, compiled by each
 * sim/rNNN/abi.c). nvsim's own types: no firmware structure.
 */
#ifndef NVSIM_VGPU_H
#define NVSIM_VGPU_H

#include <linux/mutex.h>
#include <linux/workqueue.h>

#include "vgpu_guest.h"

#define NVSIM_VGPU_MAX_GFID	32
#define NVSIM_VGPU_CHIDS	4096
#define NVSIM_VGPU_RPC_VERSION	1
/* Type table size (NVA081_MAX_VGPU_TYPES_PER_PGPU, the same in every version). */
#define NVSIM_VGPU_MAX_TYPES	64
/* Largest NVA081_CTRL_VGPU_INFO of the versions (570.144: 0x1468). */
#define NVSIM_VGPU_REC_MAX	0x1468

/**
 * struct nvsim_vgpu_type - an uploaded vGPU type
 * @id: vgpuType
 * @max_instance: maxInstance
 * @fb_len: fbLength
 * @heap_len: gspHeapSize
 * @rec: the NVA081_CTRL_VGPU_INFO record as uploaded, in the layout of the
 *	version that runs (GET_VGPU_TYPE_INFO returns it)
 */
struct nvsim_vgpu_type {
	u32 id;
	u32 max_instance;
	u64 fb_len;
	u64 heap_len;
	u8 rec[NVSIM_VGPU_REC_MAX];
};

enum nvsim_vgpu_state {
	NVSIM_VGPU_FREE,
	NVSIM_VGPU_BOOTING,	/* bootloaded, ready marker not written yet */
	NVSIM_VGPU_READY,	/* plugin runs, not configured */
	NVSIM_VGPU_CONFIGURED,	/* SETUP_CONFIG_PARAMS_AND_INIT done */
	NVSIM_VGPU_SHUTDOWN,	/* task stopped, waiting for cleanup */
};

/**
 * struct nvsim_vgpu_inst - the plugin of one GFID
 * @state: &enum nvsim_vgpu_state
 * @type: vGPU type id
 * @dbdf: guest function
 * @num_channels: channels
 * @fb_base: first FB segment (the only one checked for overlap per segment)
 * @fb_len: FB length in total
 * @heap_base: management heap
 * @heap_len: its length
 * @last_seq: last message sequence number processed
 * @never_ready: this boot does not write the ready marker
 * @messages: messages processed
 * @h_client: the vGPU's RM client (SETUP_CONFIG_PARAMS_AND_INIT)
 * @gs: the guest channel (vgpu_guest.c)
 */
struct nvsim_vgpu_inst {
	int state;
	u32 type;
	u32 dbdf;
	u32 num_channels;
	u64 fb_base;
	u64 fb_len;
	u64 heap_base;
	u64 heap_len;
	u32 last_seq;
	bool never_ready;
	u64 messages;
	u32 h_client;
	struct nvsim_vgpu_gstate gs;
};

/**
 * struct nvsim_vgpu - vGPU manager state of one simulated GPU
 * @gpu: the GPU
 * @lock: protects everything below except the knobs and @pending
 * @types: uploaded type table
 * @nr_types: entries in @types
 * @inst: plugins by GFID (index 0 unused)
 * @pending: GFIDs with a doorbell or a boot to serve (atomic bitops)
 * @work: the plugin worker
 * @never_ready: knob
 * @plugin_error: knob (count)
 * @slow_ms: knob
 * @bad: malformed plugin traffic seen (doorbells, messages)
 * @guest_bad: guest RPC requests refused (vgpu_guest.c)
 */
struct nvsim_vgpu {
	struct nvsim_gpu *gpu;
	struct mutex lock;
	struct nvsim_vgpu_type *types;
	unsigned int nr_types;
	struct nvsim_vgpu_inst inst[NVSIM_VGPU_MAX_GFID + 1];
	unsigned long pending[BITS_TO_LONGS(NVSIM_VGPU_MAX_GFID + 1)];
	struct work_struct work;
	bool never_ready;
	u32 plugin_error;
	u32 slow_ms;
	u32 bad;
	u32 guest_bad;
};

#endif /* NVSIM_VGPU_H */
