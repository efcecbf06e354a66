/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore internals of the client API: auxiliary devices, clients,
 * partitions, events and recovery.
 */
#ifndef NVC_CLIENT_H
#define NVC_CLIENT_H

#include <linux/auxiliary_bus.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/srcu.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include <nvcore/nvcore.h>

#include "alloc/range.h"

struct nvc_gpu;

enum nvc_aux_kind {
	NVC_AUX_KIND_DRM,
	NVC_AUX_KIND_VGPU,
	NVC_AUX_KIND_TEST,
	NVC_AUX_KIND_NR,
};

/**
 * struct nvc_aux - an auxiliary device nvcore created for a client
 * @adev: the auxiliary device
 * @gpu: its GPU
 * @kind: which client kind it is for
 */
struct nvc_aux {
	struct auxiliary_device adev;
	struct nvc_gpu *gpu;
	enum nvc_aux_kind kind;
};

/**
 * struct nvc_client - a client driver instance bound to one GPU
 * @node: entry in &nvc_res.clients
 * @gpu: its GPU
 * @aux: the auxiliary device it bound to
 * @ops: its notifications
 * @drvdata: the client's own data
 * @id: client number (low bits of its RM client handle)
 * @h_client: its RM client on the GSP
 * @partitions: its partitions (under &nvc_res.lock)
 * @objects: handles of RM objects allocated on its behalf
 */
struct nvc_client {
	struct list_head node;
	struct nvc_gpu *gpu;
	struct nvc_aux *aux;
	const struct nvc_client_ops *ops;
	void *drvdata;
	u32 id;
	u32 h_client;
	struct list_head partitions;
	struct xarray objects;
};

#define NVC_PART_MAX_ALLOCS	256

/**
 * struct nvc_partition - resources reserved for one owner
 * @node: entry in &nvc_client.partitions
 * @rcu_node: entry in &nvc_res.parts_rcu (event routing, RCU)
 * @client: owner
 * @id: partition number (debugfs)
 * @lim: limits
 * @vram_base: start of the VRAM block
 * @chid_base: first channel ID of the block
 * @bar1_base: start of the BAR1 block
 * @gfid_base: first GFID of the block
 * @vram: allocator inside the VRAM block
 * @chid: allocator inside the channel-ID block
 * @bar1: allocator inside the BAR1 block
 * @gfid: allocator inside the GFID block
 * @nodes: storage of the four allocators
 * @subs: event subscriptions (RCU list, written under &nvc_res.sub_lock)
 * @dead: being destroyed: no more events
 */
struct nvc_partition {
	struct list_head node;
	struct list_head rcu_node;
	struct nvc_client *client;
	unsigned int id;
	struct nvc_partition_limits lim;
	u64 vram_base;
	u32 chid_base;
	u64 bar1_base;
	u32 gfid_base;
	struct nvc_range vram;
	struct nvc_range chid;
	struct nvc_range bar1;
	struct nvc_range gfid;
	struct nvc_range_node nodes[4][NVC_RANGE_NODES(NVC_PART_MAX_ALLOCS)];
	struct list_head subs;
	bool dead;
};

/**
 * struct nvc_event_sub - one subscription
 * @node: entry in &nvc_partition.subs
 * @part: the partition whose resources it covers
 * @kinds: bitmask of enum nvc_event_kind
 * @fn: handler
 */
struct nvc_event_sub {
	struct list_head node;
	struct nvc_partition *part;
	unsigned long kinds;
	nvc_event_fn fn;
};

/* Host channels of Turing and later (OGKM dev_fifo.h NV_PCCSR_CHANNEL__SIZE_1). */
#define NVC_GPU_CHIDS		4096
#define NVC_GPU_GFIDS		32
#define NVC_RES_MAX_PARTS	64

/**
 * struct nvc_res - per-GPU client and resource state
 * @lock: protects @clients, the GPU-level allocators below, every
 *	partition's allocators and lists, and @next_part; held across VRAM
 *	copies and scrubs, so memory changes owner only between them
 * @clients: open clients
 * @client_ids: client numbers in use
 * @next_part: next partition number
 * @vram: GPU-level VRAM blocks handed to partitions
 * @chid: GPU-level channel-ID blocks
 * @bar1: GPU-level BAR1 blocks
 * @gfid: GPU-level GFID blocks (GFID 0 is the physical function)
 * @nodes: storage of the four allocators
 * @sub_lock: serialises writers of the RCU lists @parts_rcu and
 *	&nvc_partition.subs
 * @parts_rcu: partitions, for event routing under RCU
 * @srcu: readers of subscriptions in process context
 * @ev_lock: protects @ev_queue
 * @ev_queue: events waiting for @ev_work
 * @ev_work: delivers process-context events
 * @ev_run_lock: serialises delivery, so events keep their order
 * @ev_wq: ordered workqueue of @ev_work
 * @ev_dropped: events with no owner, malformed or unknown
 * @ev_delivered: handler invocations
 * @evobjs: event objects registered on GSP-RM, for routing POST_EVENT: key
 *	h_client << 32 | h_event, value xa_mk_value(notifier index); has its
 *	own lock
 * @aux: auxiliary devices created for this GPU
 * @policy: bitmask of enum nvc_aux_kind to create
 * @aux_lock: protects @aux, @policy and @aux_dying against concurrent
 *	policy changes (sysfs) and removal
 * @aux_dying: the GPU is going away: no new auxiliary devices
 * @gsp_sem: readers: calls that use the GSP (trylock: a call during
 *	recovery fails with -ENODEV); writer: recovery
 * @lost: GPU lost, calls fail with -ENODEV
 * @lost_reason: why
 * @recoveries: recoveries completed
 * @recover_work: recovery
 * @recovery_ns: duration of the last recovery (hang seen to clients told)
 * @lost_ns: when the GPU was last lost
 * @recover_lock: held by recovery; client open and close take it too, so
 *	the client list is stable while recovery walks it
 * @recovering: recovery in progress (a death during reboot is its own
 *	failure, not a new recovery)
 * @hb_work: heartbeat
 */
struct nvc_res {
	struct mutex lock;
	struct list_head clients;
	struct ida client_ids;
	unsigned int next_part;
	struct nvc_range vram;
	struct nvc_range chid;
	struct nvc_range bar1;
	struct nvc_range gfid;
	struct nvc_range_node nodes[4][NVC_RANGE_NODES(NVC_RES_MAX_PARTS)];

	spinlock_t sub_lock;
	struct list_head parts_rcu;
	struct srcu_struct srcu;

	spinlock_t ev_lock;
	struct list_head ev_queue;
	struct work_struct ev_work;
	struct mutex ev_run_lock;
	struct workqueue_struct *ev_wq;
	atomic64_t ev_dropped;
	atomic64_t ev_delivered;
	struct xarray evobjs;

	struct nvc_aux *aux[NVC_AUX_KIND_NR];
	unsigned long policy;
	struct mutex aux_lock;
	bool aux_dying;

	struct rw_semaphore gsp_sem;
	bool lost;
	enum nvc_lost_reason lost_reason;
	unsigned int recoveries;
	struct work_struct recover_work;
	u64 recovery_ns;
	u64 lost_ns;
	struct mutex recover_lock;
	bool recovering;
	struct delayed_work hb_work;
};

int nvc_res_early_init(struct nvc_gpu *gpu);
int nvc_res_init(struct nvc_gpu *gpu);
void nvc_res_fini(struct nvc_gpu *gpu);
int nvc_aux_create(struct nvc_gpu *gpu);
void nvc_aux_destroy(struct nvc_gpu *gpu);
void nvc_aux_shutdown(struct nvc_gpu *gpu);
int nvc_client_rm_create(struct nvc_client *c);

void nvc_event_post(struct nvc_gpu *gpu, const struct nvc_event *ev,
		    u32 h_client);
void nvc_event_nonstall(struct nvc_gpu *gpu, unsigned int engine);
void nvc_event_flush(struct nvc_gpu *gpu);
void nvc_event_deliver_now(struct nvc_gpu *gpu);
int nvc_evobj_add(struct nvc_gpu *gpu, u32 h_client, u32 h_event, u32 index);
void nvc_evobj_del(struct nvc_gpu *gpu, u32 h_client, u32 h_event);
void nvc_evobj_drop_client(struct nvc_gpu *gpu, u32 h_client);
void nvc_evobj_notify(struct nvc_gpu *gpu, u32 h_client, u32 h_event,
		      u32 index, u32 data, bool list);

void nvc_gpu_lost(struct nvc_gpu *gpu, enum nvc_lost_reason why);
const char *nvc_lost_reason_name(enum nvc_lost_reason why);
void nvc_recovery_init(struct nvc_gpu *gpu);
void nvc_recovery_fini(struct nvc_gpu *gpu);
int nvc_event_init(struct nvc_gpu *gpu);
void nvc_event_fini(struct nvc_gpu *gpu);
extern struct device_attribute nvc_dev_attr_clients;
int nvc_res_debugfs_show(struct nvc_gpu *gpu, char *buf, size_t size);

#endif /* NVC_CLIENT_H */
