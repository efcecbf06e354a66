/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore client API.
 *
 * DOC: nvcore client API
 *
 * nvcore creates one auxiliary device per GPU and client kind its policy
 * allows: ``nvcore.drm.<gpu>``, ``nvcore.vgpu.<gpu>`` and, for tests,
 * ``nvcore.test.<gpu>``. A client is an &struct auxiliary_driver with an id
 * table naming those devices (so module autoload works); in its probe it
 * calls nvc_client_open() and in its remove nvc_client_close().
 *
 * Everything a client touches is typed and firmware-agnostic: no GSP-RM
 * structure, class or control number appears here, and nothing is a
 * ``void *`` handle. Symbols are exported in the ``NVCORE`` namespace
 * (``MODULE_IMPORT_NS(NVCORE)``).
 *
 * Each client gets its own RM client on the GSP. Resources come from
 * partitions (&struct nvc_partition) with limits; every allocation is
 * checked against its partition and accounted to it. Events about a
 * resource go only to the owner of that resource.
 *
 * Teardown contract: nvcore unbinds every client (their remove runs, and
 * must release everything) before it shuts the GSP down. While the GPU is
 * lost (GSP hang or crash, until recovery) calls fail with -ENODEV; the
 * client's &nvc_client_ops.lost and &nvc_client_ops.recovered callbacks
 * tell it when that starts and ends.
 */
#ifndef NVCORE_NVCORE_H
#define NVCORE_NVCORE_H

#include <linux/auxiliary_bus.h>
#include <linux/types.h>

#include <nvcore/gpu_info.h>
#include <nvcore/mem.h>

#define NVC_AUX_DRM	"drm"
#define NVC_AUX_VGPU	"vgpu"
#define NVC_AUX_TEST	"test"

struct nvc_client;
struct nvc_partition;
struct nvc_event_sub;

/**
 * enum nvc_lost_reason - why the GPU was lost
 * @NVC_LOST_GSP_HANG: an RPC timed out with the GSP consuming nothing, or
 *	the heartbeat stopped
 * @NVC_LOST_GSP_CRASH: the GSP halted
 * @NVC_LOST_PROTOCOL: the GSP's messages could not be parsed any more
 */
enum nvc_lost_reason {
	NVC_LOST_GSP_HANG,
	NVC_LOST_GSP_CRASH,
	NVC_LOST_PROTOCOL,
};

/**
 * struct nvc_client_ops - notifications to a client (process context)
 * @lost: the GPU is lost; the client should stop submitting work. Calls
 *	fail with -ENODEV until @recovered.
 * @recovered: GSP-RM was rebooted and nvcore rebuilt its own state; the
 *	client's RM objects are gone, its partitions and allocations remain.
 *	The client may rebuild what it needs.
 */
struct nvc_client_ops {
	void (*lost)(struct nvc_client *client, enum nvc_lost_reason why);
	void (*recovered)(struct nvc_client *client);
};

struct nvc_client *nvc_client_open(struct auxiliary_device *adev,
				   const struct nvc_client_ops *ops);
void nvc_client_close(struct nvc_client *client);
void nvc_client_set_drvdata(struct nvc_client *client, void *data);
void *nvc_client_get_drvdata(struct nvc_client *client);
const struct nvc_gpu_info *nvc_client_gpu_info(struct nvc_client *client);
struct device *nvc_client_dma_device(struct nvc_client *client);

/**
 * struct nvc_gpu_status - health of the client's GPU
 * @lost: calls fail with -ENODEV until recovery
 * @recoveries: in-place recoveries so far
 */
struct nvc_gpu_status {
	bool lost;
	unsigned int recoveries;
};

void nvc_client_status(struct nvc_client *client, struct nvc_gpu_status *st);

/**
 * enum nvc_fb_query - a value of the frame buffer nvcore can query live
 * @NVC_FB_RAM_SIZE: VRAM size in bytes
 * @NVC_FB_USABLE_SIZE: VRAM usable by clients in bytes
 * @NVC_FB_BAR1_SIZE: BAR1 aperture in bytes
 */
enum nvc_fb_query {
	NVC_FB_RAM_SIZE,
	NVC_FB_USABLE_SIZE,
	NVC_FB_BAR1_SIZE,
};

int nvc_client_fb_query(struct nvc_client *client, enum nvc_fb_query what,
			u64 *value);

#define NVC_MAX_NOTIFIERS	256

int nvc_object_alloc_notifier(struct nvc_client *client, unsigned int notifier,
			      u32 *handle);
int nvc_object_free(struct nvc_client *client, u32 handle);

/**
 * struct nvc_partition_limits - what a partition may hold
 * @vram: bytes of VRAM
 * @chids: channel IDs
 * @bar1: bytes of BAR1 aperture
 * @gfids: GPU function IDs (one per vGPU)
 * @engines: bitmask over the GPU's engine list (&nvc_gpu_info.engines)
 */
struct nvc_partition_limits {
	u64 vram;
	u32 chids;
	u64 bar1;
	u32 gfids;
	u64 engines;
};

struct nvc_partition *nvc_partition_create(struct nvc_client *client,
					   const struct nvc_partition_limits *lim);
void nvc_partition_destroy(struct nvc_partition *part);

/**
 * struct nvc_vram_region - VRAM allocated from a partition
 * @part: owning partition
 * @base: offset of the first byte in VRAM
 * @size: size in bytes
 */
struct nvc_vram_region {
	struct nvc_partition *part;
	u64 base;
	u64 size;
};

/**
 * struct nvc_chid_range - channel IDs allocated from a partition
 * @part: owning partition
 * @first: first channel ID
 * @count: number of channel IDs
 */
struct nvc_chid_range {
	struct nvc_partition *part;
	u32 first;
	u32 count;
};

/**
 * struct nvc_bar1_range - BAR1 aperture allocated from a partition
 * @part: owning partition
 * @offset: offset in BAR1
 * @size: size in bytes
 */
struct nvc_bar1_range {
	struct nvc_partition *part;
	u64 offset;
	u64 size;
};

int nvc_vram_alloc(struct nvc_partition *part, u64 size, u64 align,
		   struct nvc_vram_region *out);
int nvc_vram_free(struct nvc_partition *part, struct nvc_vram_region *r);
int nvc_vram_write(struct nvc_partition *part, u64 base, const void *buf,
		   size_t len);
int nvc_vram_read(struct nvc_partition *part, u64 base, void *buf, size_t len);
int nvc_chid_alloc(struct nvc_partition *part, u32 count,
		   struct nvc_chid_range *out);
int nvc_chid_free(struct nvc_partition *part, struct nvc_chid_range *r);
int nvc_bar1_alloc(struct nvc_partition *part, u64 size,
		   struct nvc_bar1_range *out);
int nvc_bar1_free(struct nvc_partition *part, struct nvc_bar1_range *r);
int nvc_gfid_alloc(struct nvc_partition *part, u32 *gfid);
int nvc_gfid_free(struct nvc_partition *part, u32 gfid);
int nvc_engine_check(struct nvc_partition *part, unsigned int engine);

/**
 * enum nvc_event_kind - kinds of event a client can subscribe to
 * @NVC_EVENT_RC: channel error (robust-channel recovery) on an owned channel
 * @NVC_EVENT_MMU_FAULT: MMU fault attributed to an owned channel
 * @NVC_EVENT_NONSTALL: non-stall (semaphore/fence) interrupt of an owned
 *	engine; delivered in atomic context
 * @NVC_EVENT_DISPLAY: an RM notification (display and other NV2080
 *	notifiers) on an event object the client registered with
 *	nvc_object_alloc_notifier(); delivered to that client's partitions
 *	only. Also named %NVC_EVENT_NOTIFY.
 * @NVC_EVENT_VGPU: the vGPU plugin of an owned GFID fired a notifier
 * @NVC_EVENT_FW_ERROR: firmware error report (Xid) attributed to the client
 * @NVC_EVENT_NR: number of kinds
 */
enum nvc_event_kind {
	NVC_EVENT_RC,
	NVC_EVENT_MMU_FAULT,
	NVC_EVENT_NONSTALL,
	NVC_EVENT_DISPLAY,
	NVC_EVENT_VGPU,
	NVC_EVENT_FW_ERROR,
	NVC_EVENT_NR,
	NVC_EVENT_NOTIFY = NVC_EVENT_DISPLAY,
};

/**
 * struct nvc_event - one event
 * @kind: what happened
 * @chid: channel (RC, MMU fault)
 * @engine: index in &nvc_gpu_info.engines (RC, non-stall)
 * @gfid: GPU function (vGPU)
 * @head: display head, U32_MAX when the event names none (GSP-RM's
 *	notifications do not: a display notifier's @data may)
 * @xid: error code (RC, MMU fault, firmware error)
 * @data: event-specific value: a notification's 32-bit data word; the
 *	notifier index for vGPU events
 * @notifier: notifier index of a notification (NV2080_NOTIFIERS_*) or of
 *	a vGPU event (NVA084_NOTIFIERS_*)
 * @handle: the event object a notification came through (the handle
 *	nvc_object_alloc_notifier() returned)
 */
struct nvc_event {
	enum nvc_event_kind kind;
	u32 chid;
	u32 engine;
	u32 gfid;
	u32 head;
	u32 xid;
	u64 data;
	u32 notifier;
	u32 handle;
};

/**
 * typedef nvc_event_fn - event handler
 * @sub: the subscription
 * @ev: the event (valid for the duration of the call)
 *
 * Called in atomic context for %NVC_EVENT_NONSTALL (fence signalling must
 * not wait for a worker) and in process context for all other kinds.
 */
typedef void (*nvc_event_fn)(struct nvc_event_sub *sub,
			     const struct nvc_event *ev);

struct nvc_event_sub *nvc_event_subscribe(struct nvc_partition *part,
					  unsigned long kinds,
					  nvc_event_fn fn);
void nvc_event_unsubscribe(struct nvc_event_sub *sub);
struct nvc_partition *nvc_event_sub_partition(struct nvc_event_sub *sub);
struct nvc_client *nvc_partition_client(struct nvc_partition *part);

#endif /* NVCORE_NVCORE_H */
