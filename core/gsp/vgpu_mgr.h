/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: the vGPU manager's objects, shared by the version-neutral entry
 * points (core/gsp/vgpu.c) and each firmware version's implementation
 * (core/gsp/tmpl/vgpu_mgr.c, compiled into core/gsp/r<NNN>/fw.c when the
 * version defines NVC_FW_HAS_VGPU). No firmware structure in here.
 */
#ifndef NVC_GSP_VGPU_MGR_H
#define NVC_GSP_VGPU_MGR_H

#include <linux/list.h>
#include <linux/mutex.h>

#include <nvcore/vgpu.h>

#include "vgpu_guest.h"

struct nvc_fw_vgpu_ops;

/**
 * struct nvc_vgpu_mgr - a client's vGPU manager
 * @ops: the firmware version's vGPU code (core/gsp/tmpl/vgpu_mgr.c)
 * @client: the client
 * @gpu: its GPU
 * @lock: protects @types, @nr_types, @vgpus, @config_gen
 * @relay_lock: keeps the PF scratch registers to one guest relay at a time
 * @types: the uploaded type table
 * @nr_types: entries in @types
 * @vgpus: live vGPUs
 * @config_gen: recoveries count when the VGPU_CONFIG object was allocated,
 *	-1 if there is none
 */
struct nvc_vgpu_mgr {
	const struct nvc_fw_vgpu_ops *ops;
	struct nvc_client *client;
	struct nvc_gpu *gpu;
	struct mutex lock;
	struct mutex relay_lock;
	struct nvc_vgpu_type types[NVC_VGPU_MAX_TYPES];
	unsigned int nr_types;
	struct list_head vgpus;
	long config_gen;
};

/**
 * struct nvc_vgpu - one vGPU
 * @node: in &nvc_vgpu_mgr.vgpus
 * @mgr: its manager
 * @part: the partition it lives in
 * @type: its type
 * @fb: guest FB
 * @heap: management heap
 * @chids: channel IDs
 * @bar1: BAR1 space of the heap
 * @gfid: GPU function id
 * @client_id: number of its RM client
 * @h_client: its RM client
 * @gen: recoveries count when it was created
 * @msg_lock: serialises host channel calls, protects @seq
 * @seq: last message sequence number
 * @plugin_version: negotiated channel version
 * @guest_lock: serialises the guest channel relay, protects @guest
 * @guest: relay state of the guest channel (gsp/vgpu_guest.c)
 */
struct nvc_vgpu {
	struct list_head node;
	struct nvc_vgpu_mgr *mgr;
	struct nvc_partition *part;
	struct nvc_vgpu_type type;
	struct nvc_vram_region fb;
	struct nvc_vram_region heap;
	struct nvc_chid_range chids;
	struct nvc_bar1_range bar1;
	u32 gfid;
	u32 client_id;
	u32 h_client;
	unsigned int gen;
	struct mutex msg_lock;
	u32 seq;
	u32 plugin_version;
	struct mutex guest_lock;
	struct nvc_vgpu_guest guest;
};

/**
 * struct nvc_fw_vgpu_ops - one firmware version's vGPU manager
 *
 * One member per exported nvc_vgpu_*() entry point (core/gsp/vgpu.c),
 * same arguments and meaning; @mgr_open leaves &nvc_vgpu_mgr.ops to the
 * caller.
 */
struct nvc_fw_vgpu_ops {
	struct nvc_vgpu_mgr *(*mgr_open)(struct nvc_client *client);
	void (*mgr_close)(struct nvc_vgpu_mgr *mgr);
	void (*guest_regs)(struct nvc_vgpu_mgr *mgr, struct nvc_vgpu_guest_regs *regs);
	int (*types_set)(struct nvc_vgpu_mgr *mgr, const struct nvc_vgpu_type *types, unsigned int n);
	int (*types_query)(struct nvc_vgpu_mgr *mgr, bool creatable, u32 *ids, unsigned int max);
	struct nvc_vgpu *(*create)(struct nvc_vgpu_mgr *mgr,
				   struct nvc_partition *part,
				   const struct nvc_vgpu_create_args *args);
	void (*destroy)(struct nvc_vgpu *vgpu);
	void (*get_info)(struct nvc_vgpu *vgpu, struct nvc_vgpu_info *info);
	bool (*lost)(struct nvc_vgpu *vgpu);
	int (*fb_rw)(struct nvc_vgpu *vgpu, u64 offset, void *buf, size_t len, bool write);
	int (*fb_scrub)(struct nvc_vgpu *vgpu);
	int (*plugin_msg)(struct nvc_vgpu *vgpu, enum nvc_vgpu_msg msg, u32 arg);
	int (*fb_pfn)(struct nvc_vgpu *vgpu, u64 offset, unsigned long *pfn, bool *iomem);
	int (*guest_doorbell)(struct nvc_vgpu *vgpu, u32 handle, u64 scratch);
};

/* Module parameters (core/gsp/vgpu.c). */
extern unsigned int nvc_vgpu_ready_timeout_ms;
extern unsigned int nvc_vgpu_msg_timeout_ms;
extern unsigned int nvc_vgpu_guest_timeout_ms;

#endif /* NVC_GSP_VGPU_MGR_H */
