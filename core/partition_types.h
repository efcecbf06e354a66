/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore per-GPU partition state: the GPU-level allocators partitions are
 * carved from, and the RCU list events are routed through.
 */
#ifndef NVC_PARTITION_TYPES_H
#define NVC_PARTITION_TYPES_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/srcu.h>

#include "alloc/range.h"

/* Host channels of Turing and later (OGKM dev_fifo.h NV_PCCSR_CHANNEL__SIZE_1). */
#define NVC_GPU_CHIDS		4096
#define NVC_GPU_GFIDS		32
#define NVC_RES_MAX_PARTS	64

/**
 * struct nvc_part_res - per-GPU partition allocators and routing list
 * @next_id: next partition number (under &nvc_res.lock)
 * @vram: GPU-level VRAM blocks handed to partitions (under &nvc_res.lock)
 * @chid: GPU-level channel-ID blocks (under &nvc_res.lock)
 * @bar1: GPU-level BAR1 blocks (under &nvc_res.lock)
 * @gfid: GPU-level GFID blocks, GFID 0 is the physical function (under
 *	&nvc_res.lock)
 * @nodes: storage of the four allocators
 * @sub_lock: serialises writers of the RCU lists @rcu_list and
 *	&nvc_partition.subs
 * @rcu_list: partitions, for event routing under RCU
 * @srcu: readers of subscriptions in process context
 */
struct nvc_part_res {
	unsigned int next_id;
	struct nvc_range vram;
	struct nvc_range chid;
	struct nvc_range bar1;
	struct nvc_range gfid;
	struct nvc_range_node nodes[4][NVC_RANGE_NODES(NVC_RES_MAX_PARTS)];

	spinlock_t sub_lock;
	struct list_head rcu_list;
	struct srcu_struct srcu;
};

#endif /* NVC_PARTITION_TYPES_H */
