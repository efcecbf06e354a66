/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore client API: the vGPU manager.
 *
 * DOC: vGPU manager API
 *
 * What a vGPU host client (nvvgpu) needs from GSP-RM, typed: no firmware
 * structure, control number or handle crosses this interface.
 *
 * - Types: the host describes the vGPU types it offers
 *   (&struct nvc_vgpu_type) and uploads them with nvc_vgpu_types_set();
 *   GSP-RM then says which are supported and which can be created now
 *   (nvc_vgpu_types_query()).
 * - Instances: nvc_vgpu_create() builds one vGPU inside a partition the
 *   caller created for it: guest FB (one contiguous VRAM block), 512
 *   channel IDs, one GFID, the management heap reached through BAR1, a
 *   per-vGPU RM client, the GSP plugin task (bootloaded and waited for),
 *   and the host <-> plugin channel initialised (version negotiation,
 *   configuration). nvc_vgpu_destroy() shuts the plugin down, cleans it up,
 *   scrubs and frees everything.
 * - Guest memory: nvc_vgpu_fb_rw(), nvc_vgpu_fb_scrub() and
 *   nvc_vgpu_fb_pfn() (a page frame for a CPU mapping) reach only the
 *   vGPU's own guest FB, bounds-checked.
 * - Plugin messages: nvc_vgpu_plugin_msg() runs one message of the host
 *   channel (reset, bus-master state, ...).
 * - Guest channel: a client emulating the vGPU's BAR0 hands each doorbell
 *   its guest rings to nvc_vgpu_guest_doorbell(), which checks what the
 *   guest wrote and relays it to the GSP plugin (offsets of the guest's
 *   registers: nvc_vgpu_guest_regs()).
 *
 * While the GPU is lost every call fails with -ENODEV; a vGPU created
 * before a recovery stays lost (its plugin died with GSP-RM) until it is
 * destroyed, and destroying it then frees only host-side resources.
 */
#ifndef NVCORE_VGPU_H
#define NVCORE_VGPU_H

#include <linux/types.h>

struct nvc_client;
struct nvc_partition;
struct nvc_vgpu_mgr;
struct nvc_vgpu;

#define NVC_VGPU_NAME_LEN	32
#define NVC_VGPU_MAX_TYPES	64
#define NVC_VGPU_UUID_LEN	16
#define NVC_VGPU_CHIDS		512

/**
 * struct nvc_vgpu_type - one vGPU type (profile) the host offers
 * @id: type id, non-zero, unique on the GPU
 * @name: name shown to users ("GA102-12Q"), NUL-terminated
 * @class_name: class ("Quadro", "Compute"), NUL-terminated
 * @max_instances: vGPUs of this type one GPU can hold
 * @num_heads: display heads
 * @max_res_x: largest horizontal resolution
 * @max_res_y: largest vertical resolution
 * @fb_length: guest frame buffer in bytes (a multiple of 2 MiB)
 * @heap_length: GSP plugin management heap in bytes (a multiple of 2 MiB)
 * @bar1_length: the guest's BAR1 aperture in bytes (a power of two)
 * @device_id: PCI device id the guest sees
 * @subsystem_id: PCI subsystem id the guest sees
 */
struct nvc_vgpu_type {
	u32 id;
	char name[NVC_VGPU_NAME_LEN];
	char class_name[NVC_VGPU_NAME_LEN];
	u32 max_instances;
	u32 num_heads;
	u32 max_res_x;
	u32 max_res_y;
	u64 fb_length;
	u64 heap_length;
	u64 bar1_length;
	u16 device_id;
	u16 subsystem_id;
};

struct nvc_vgpu_mgr *nvc_vgpu_mgr_open(struct nvc_client *client);
void nvc_vgpu_mgr_close(struct nvc_vgpu_mgr *mgr);

int nvc_vgpu_types_set(struct nvc_vgpu_mgr *mgr,
		       const struct nvc_vgpu_type *types, unsigned int n);
int nvc_vgpu_types_query(struct nvc_vgpu_mgr *mgr, bool creatable, u32 *ids,
			 unsigned int max);

/**
 * struct nvc_vgpu_guest_regs - BAR0 offsets of the registers a guest uses
 * @boot0: the chip identification register (NV_PMC_BOOT_0)
 * @intr_leaf0: the first CPU interrupt leaf of the virtual-function
 *	interrupt tree (pending bits, write 1 to clear)
 * @doorbell: the virtual-function doorbell
 * @scratch0: the first mailbox scratch register
 * @nr_scratch: how many there are (4 bytes apart)
 * @rpc_lo: the scratch register with the low half of the guest's RPC
 *	buffer address
 * @rpc_hi: the one with the high half
 *
 * Offsets in the vGPU's own BAR0, from the firmware ABI nvcore speaks, so
 * that a client emulating a vGPU's BAR0 writes none of them by hand.
 */
struct nvc_vgpu_guest_regs {
	u32 boot0;
	u32 intr_leaf0;
	u32 doorbell;
	u32 scratch0;
	u32 nr_scratch;
	u32 rpc_lo;
	u32 rpc_hi;
};

void nvc_vgpu_guest_regs(struct nvc_vgpu_mgr *mgr,
			 struct nvc_vgpu_guest_regs *regs);

/**
 * struct nvc_vgpu_create_args - what a new vGPU is
 * @type_id: an uploaded type
 * @uuid: the vGPU's UUID (the mdev UUID)
 * @dbdf: the guest-visible function, (domain << 16) | (bus << 8) | devfn
 */
struct nvc_vgpu_create_args {
	u32 type_id;
	u8 uuid[NVC_VGPU_UUID_LEN];
	u32 dbdf;
};

/**
 * struct nvc_vgpu_info - where a vGPU lives
 * @gfid: its GPU function id
 * @fb_base: guest FB, VRAM offset
 * @fb_size: guest FB size in bytes
 * @heap_base: management heap, VRAM offset
 * @heap_size: management heap size
 * @bar1_offset: where the heap is mapped in the GPU's BAR1
 * @chid_first: first channel id
 * @chid_count: channel ids (%NVC_VGPU_CHIDS)
 * @plugin_version: version the plugin negotiated
 */
struct nvc_vgpu_info {
	u32 gfid;
	u64 fb_base;
	u64 fb_size;
	u64 heap_base;
	u64 heap_size;
	u64 bar1_offset;
	u32 chid_first;
	u32 chid_count;
	u32 plugin_version;
};

struct nvc_vgpu *nvc_vgpu_create(struct nvc_vgpu_mgr *mgr,
				 struct nvc_partition *part,
				 const struct nvc_vgpu_create_args *args);
void nvc_vgpu_destroy(struct nvc_vgpu *vgpu);
void nvc_vgpu_get_info(struct nvc_vgpu *vgpu, struct nvc_vgpu_info *info);
bool nvc_vgpu_lost(struct nvc_vgpu *vgpu);

int nvc_vgpu_fb_rw(struct nvc_vgpu *vgpu, u64 offset, void *buf, size_t len,
		   bool write);
int nvc_vgpu_fb_scrub(struct nvc_vgpu *vgpu);
int nvc_vgpu_fb_pfn(struct nvc_vgpu *vgpu, u64 offset, unsigned long *pfn,
		    bool *iomem);

/**
 * enum nvc_vgpu_msg - host channel messages a client may send
 * @NVC_VGPU_MSG_RESET: the guest reset the device
 * @NVC_VGPU_MSG_BME: the guest changed bus mastering (@arg: 1 enabled)
 */
enum nvc_vgpu_msg {
	NVC_VGPU_MSG_RESET,
	NVC_VGPU_MSG_BME,
};

int nvc_vgpu_plugin_msg(struct nvc_vgpu *vgpu, enum nvc_vgpu_msg msg,
			u32 arg);
int nvc_vgpu_guest_doorbell(struct nvc_vgpu *vgpu, u32 handle, u64 scratch);

#endif /* NVCORE_VGPU_H */
