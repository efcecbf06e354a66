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
#include "aux_types.h"
#include "event_types.h"
#include "partition_types.h"
#include "recovery_types.h"

struct nvc_gpu;

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
 * @rcu_node: entry in &nvc_res.part.rcu_list (event routing, RCU)
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
 * @subs: event subscriptions (RCU list, written under &nvc_res.part.sub_lock)
 * @dead: being destroyed: no more events
 * @rcu: frees the partition once no RCU or SRCU event reader can see it
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
	struct rcu_head rcu;
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

/**
 * struct nvc_res - per-GPU client and resource state
 * @lock: protects @clients, @part (its allocators and @part.next_id),
 *	every partition's allocators and lists; held across VRAM copies and
 *	scrubs, so memory changes owner only between them
 * @clients: open clients
 * @client_ids: client numbers in use
 * @part: partition allocators and event-routing list (partition_types.h)
 * @ev: event queue and event objects (event_types.h)
 * @aux: auxiliary devices and their policy (aux_types.h)
 * @rec: loss, recovery and heartbeat (recovery_types.h)
 */
struct nvc_res {
	struct mutex lock;
	struct list_head clients;
	struct ida client_ids;
	struct nvc_part_res part;
	struct nvc_ev_res ev;
	struct nvc_aux_res aux;
	struct nvc_rec_res rec;
};

int nvc_res_early_init(struct nvc_gpu *gpu);
int nvc_res_init(struct nvc_gpu *gpu);
void nvc_res_fini(struct nvc_gpu *gpu);
void nvc_aux_early_init(struct nvc_gpu *gpu);
struct nvc_aux *nvc_aux_from_adev(struct auxiliary_device *adev);
int nvc_aux_create(struct nvc_gpu *gpu);
void nvc_aux_destroy(struct nvc_gpu *gpu);
void nvc_aux_shutdown(struct nvc_gpu *gpu);
int nvc_client_rm_create(struct nvc_client *c);

void nvc_event_post(struct nvc_gpu *gpu, const struct nvc_event *ev,
		    u32 h_client);
void nvc_event_nonstall(struct nvc_gpu *gpu, unsigned int engine);
void nvc_event_deliver_now(struct nvc_gpu *gpu);
int nvc_evobj_add(struct nvc_gpu *gpu, u32 h_client, u32 h_event, u32 index);
void nvc_evobj_del(struct nvc_gpu *gpu, u32 h_client, u32 h_event);
void nvc_evobj_drop_client(struct nvc_gpu *gpu, u32 h_client);
void nvc_evobj_notify(struct nvc_gpu *gpu, u32 h_client, u32 h_event,
		      u32 index, u32 data, bool list);

void nvc_gpu_lost(struct nvc_gpu *gpu, enum nvc_lost_reason why);

struct nvc_vaspace;
u32 nvc_vaspace_rm(const struct nvc_vaspace *vas, struct nvc_partition **part,
		   unsigned int *gen);
const char *nvc_lost_reason_name(enum nvc_lost_reason why);
void nvc_recovery_init(struct nvc_gpu *gpu);
void nvc_recovery_fini(struct nvc_gpu *gpu);
int nvc_event_init(struct nvc_gpu *gpu);
void nvc_event_fini(struct nvc_gpu *gpu);
extern struct device_attribute nvc_dev_attr_clients;
int nvc_res_debugfs_show(struct nvc_gpu *gpu, char *buf, size_t size);

#endif /* NVC_CLIENT_H */
