/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: the firmware-version layer (one ops table per GSP-RM version).
 *
 * DOC: firmware versions
 *
 * GSP-RM changes its wire ABI with every branch (struct layouts, RPC and
 * event numbers, boot arguments). nvcore keeps the code that knows a
 * version's ABI in one directory per version, core/gsp/r<NNN>/, compiled
 * against that version's header directory under include/nvrm only, behind
 * a &struct nvc_fw_ops. core/gsp/fw.c holds the one table of supported
 * versions, newest first, and picks one per GPU at probe from the
 * firmware images present (module parameter ``fw`` forces one).
 *
 * Code that reads the same in every version lives once in core/gsp/tmpl/
 * and is compiled into each version directory's object (each instance
 * against its own headers, so a layout that differs is caught by that
 * version's compiler and static_asserts, never silently shared);
 * a version directory overrides what differs.
 *
 * Wire layouts that are byte-identical in every supported version (queue
 * element, RPC header, sequencer, NV_STATUS, LIBOS log records, the GSP's
 * registers) have their own header directory, include/nvrm's "common",
 * checked by tests/abi against every version's rows. The transport built
 * on them (boot, message queues, RPC, sequencer, firmware logs) is
 * core/gsp/common/, the one directory for "every version": when a version
 * changes one of those layouts, the code using it moves into the version
 * directories.
 *
 * The rule, checked by the static tier on the compiler's dependency files:
 * an object under core/gsp/r<NNN>/ depends on its version's headers and the
 * common ones, an object under core/gsp/common/ on the common ones only,
 * and no other object of nvcore on any firmware header. Everything else
 * speaks nvcore's own types through this header and gsp.h.
 */
#ifndef NVC_GSP_FW_H
#define NVC_GSP_FW_H

#include <linux/types.h>

struct nvc_gsp;
struct nvc_gpu_info;
struct nvc_vaspace_pdes;

/**
 * struct nvc_fw_heap - GSP-RM heap sizing of a version (fact sheet §5.3)
 * @os_libos2: OS carve-out on LIBOS2 (Turing)
 * @os_libos3: OS carve-out on LIBOS3 (bare metal)
 * @base_rm: base RM size
 * @per_gb_fb: bytes per GiB of VRAM
 * @client_alloc: client allocation reserve
 * @min_libos2_mb: clamp, LIBOS2, MiB
 * @max_libos2_mb: clamp, LIBOS2, MiB
 * @min_libos3_mb: clamp, LIBOS3 bare metal, MiB
 * @max_libos3_mb: clamp, LIBOS3 bare metal, MiB
 * @wpr_meta_size: sizeof(GspFwWprMeta)
 */
struct nvc_fw_heap {
	u64 os_libos2;
	u64 os_libos3;
	u64 base_rm;
	u64 per_gb_fb;
	u64 client_alloc;
	u32 min_libos2_mb, max_libos2_mb;
	u32 min_libos3_mb, max_libos3_mb;
	u32 wpr_meta_size;
};

/**
 * struct nvc_fw_chan - a channel's RM objects as nvcore lays them out
 * (core/gsp/channel.c fills it, the version's @chan_create sends it)
 * @h_client: RM client
 * @h_group: handle of its channel group (under the client's device)
 * @h_chan: handle of the GPFIFO channel (under the group)
 * @h_ce: handle of the copy-engine object (under the channel)
 * @h_vaspace: the group's VA space
 * @chid: channel ID (USERD index flags, page fixed)
 * @engine_type: NV2080 engine type of the copy engine
 * @chan_class: GPFIFO class
 * @ce_class: copy-engine class
 * @kernel: a privileged (kernel) channel
 * @gpfifo_va: GPU VA of the GPFIFO ring
 * @gpfifo_entries: its entries
 * @inst: VRAM address of the instance block (RAMFC at its start)
 * @inst_size: its size
 * @ramfc_size: RAMFC size
 * @userd: VRAM address of the channel's USERD
 * @notifier: VRAM address of the error notifier
 * @mthdbuf: VRAM address of the CE fault-method buffer
 * @mthdbuf_size: its size (0: none)
 * @token: out: the work-submit token
 */
struct nvc_fw_chan {
	u32 h_client;
	u32 h_group;
	u32 h_chan;
	u32 h_ce;
	u32 h_vaspace;
	u32 chid;
	u32 engine_type;
	u32 chan_class;
	u32 ce_class;
	bool kernel;
	u64 gpfifo_va;
	u32 gpfifo_entries;
	u64 inst;
	u32 inst_size;
	u32 ramfc_size;
	u64 userd;
	u64 notifier;
	u64 mthdbuf;
	u32 mthdbuf_size;
	u32 token;
};

/**
 * struct nvc_fw_chan_layout - a version's USERD and doorbell facts
 * @userd_size: bytes of one channel's USERD
 * @chids_per_userd_page: channels per 4 KiB USERD page
 * @gp_get: offset of GP_GET in USERD
 * @gp_put: offset of GP_PUT in USERD
 * @doorbell: BAR0 offset of the usermode doorbell
 * @notifier_size: bytes of the error notifier (every notification entry)
 */
struct nvc_fw_chan_layout {
	u32 userd_size;
	u32 chids_per_userd_page;
	u32 gp_get;
	u32 gp_put;
	u32 doorbell;
	u32 notifier_size;
};

/**
 * struct nvc_fw_ops - what nvcore needs to know of one GSP-RM version
 * @tag: short name of the version directory ("r535")
 * @heap: heap sizing constants
 * @fn_set_system_info: function number of GSP_SET_SYSTEM_INFO (sent with
 *	rpc.sequence 0, like SET_REGISTRY)
 * @fn_set_registry: function number of SET_REGISTRY
 * @fn_nop: function number of NOP (self-test only)
 * @ev_first: first event number (unsolicited messages are >= it)
 * @ev_lockdown: event number of GSP_LOCKDOWN_NOTICE
 * @has_channels: the version's channel ABI is implemented
 * @fill_wpr_meta: fill GspFwWprMeta at @meta
 * @fill_libos: fill the LIBOS argument array at @va (a page)
 * @fill_rmargs: fill GSP_ARGUMENTS_CACHED at @args (a zeroed page)
 * @queue_sysinfo: queue GSP_SET_SYSTEM_INFO before the GSP runs
 * @queue_registry: queue SET_REGISTRY before the GSP runs
 * @get_static_info: fetch GET_GSP_STATIC_INFO into gsp->static_info
 * @unload: send UNLOADING_GUEST_DRIVER
 * @event: decode and dispatch one unsolicited message (rx_lock held)
 * @lockdown: decode GSP_LOCKDOWN_NOTICE: 1 engaged, 0 not, -EINVAL short
 * @gsp_vector: find the GSP's stall vector (INTR_GET_KERNEL_TABLE)
 * @enumerate: static info and RM queries into &struct nvc_gpu_info
 * @rm_alloc: GSP_RM_ALLOC
 * @rm_control: GSP_RM_CONTROL
 * @rm_free: FREE
 * @client_create: NV01_ROOT client + NV01_DEVICE_0 + NV20_SUBDEVICE_0
 * @ping: a cheap real control (heartbeat)
 * @fb_query: NV2080 FB_GET_INFO_V2 for one &enum nvc_fb_query
 * @notifier_alloc: NV0005 event object + EVENT_SET_NOTIFICATION (repeat)
 * @vaspace_alloc: FERMI_VASPACE_A + COPY_SERVER_RESERVED_PDES
 * @chan: USERD and doorbell facts (with has_channels)
 * @chan_classes: GPFIFO and copy-engine classes of the chip
 * @chan_mthdbuf_size: CE fault-method buffer size GSP-RM asks (0: none)
 * @chan_create: channel group, channel, CE object, BIND, schedule, token
 * @chan_schedule: GPFIFO_SCHEDULE of the channel's group (or channel)
 * @vgpu: the vGPU manager (core/gsp/vgpu_mgr.h), NULL if not implemented
 */
struct nvc_fw_vgpu_ops;

struct nvc_fw_ops {
	const char *tag;
	const struct nvc_fw_heap *heap;
	u32 fn_set_system_info;
	u32 fn_set_registry;
	u32 fn_nop;
	u32 ev_first;
	u32 ev_lockdown;
	bool has_channels;

	void (*fill_wpr_meta)(struct nvc_gsp *gsp, void *meta);
	void (*fill_libos)(struct nvc_gsp *gsp, void *va);
	void (*fill_rmargs)(struct nvc_gsp *gsp, void *args);
	int (*queue_sysinfo)(struct nvc_gsp *gsp);
	int (*queue_registry)(struct nvc_gsp *gsp);
	int (*get_static_info)(struct nvc_gsp *gsp);
	int (*unload)(struct nvc_gsp *gsp);

	void (*event)(struct nvc_gsp *gsp, u32 function, u32 rpc_result,
		      const void *payload, size_t len);
	int (*lockdown)(const void *payload, size_t len);
	int (*gsp_vector)(struct nvc_gsp *gsp);
	int (*enumerate)(struct nvc_gsp *gsp, struct nvc_gpu_info *info);

	int (*rm_alloc)(struct nvc_gsp *gsp, u32 h_client, u32 h_parent,
			u32 h_object, u32 h_class, void *params,
			u32 params_size);
	int (*rm_control)(struct nvc_gsp *gsp, u32 h_client, u32 h_object,
			  u32 cmd, void *params, u32 params_size);
	int (*rm_free)(struct nvc_gsp *gsp, u32 h_client, u32 h_parent,
		       u32 h_object);
	int (*client_create)(struct nvc_gsp *gsp, u32 h_client,
			     const char *name);
	int (*ping)(struct nvc_gsp *gsp);

	int (*fb_query)(struct nvc_gsp *gsp, u32 h_client, unsigned int what,
			u64 *value);
	int (*notifier_alloc)(struct nvc_gsp *gsp, u32 h_client, u32 h_event,
			      u32 notifier);
	int (*vaspace_alloc)(struct nvc_gsp *gsp, u32 h_client, u32 h_vaspace,
			     const struct nvc_vaspace_pdes *pdes);

	const struct nvc_fw_chan_layout *chan;
	int (*chan_classes)(const struct nvc_gpu_info *info, u32 *chan,
			    u32 *ce);
	u32 (*chan_mthdbuf_size)(struct nvc_gsp *gsp, u32 h_client);
	int (*chan_create)(struct nvc_gsp *gsp, struct nvc_fw_chan *c);
	int (*chan_schedule)(struct nvc_gsp *gsp, const struct nvc_fw_chan *c,
			     bool enable);
	const struct nvc_fw_vgpu_ops *vgpu;
};

/**
 * struct nvc_fw_version - one supported GSP-RM version
 * @version: the version string of its images (gsp-<version>.bin)
 * @ops: its ops table
 */
struct nvc_fw_version {
	const char *version;
	const struct nvc_fw_ops *ops;
};

extern const struct nvc_fw_ops nvc_fw_r535;
extern const struct nvc_fw_ops nvc_fw_r570;

int nvc_fw_request(struct nvc_gsp *gsp);
void nvc_fw_other_versions(struct nvc_gsp *gsp, char *buf, size_t size);
int nvc_nv_status_to_errno(u32 status);

/* Firmware-independent RM calls (fw.c, through the GPU's ops). */
int nvc_gsp_fb_query(struct nvc_gsp *gsp, u32 h_client, unsigned int what,
		     u64 *value);
int nvc_gsp_notifier_alloc(struct nvc_gsp *gsp, u32 h_client, u32 h_event,
			   u32 notifier);
int nvc_gsp_vaspace_alloc(struct nvc_gsp *gsp, u32 h_client, u32 h_vaspace,
			  const struct nvc_vaspace_pdes *pdes);

#endif /* NVC_GSP_FW_H */
