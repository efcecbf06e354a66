/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore client API: GPFIFO channels on a copy engine.
 *
 * DOC: nvcore channels
 *
 * A client that owns a VA space (nvc_vaspace_create()) runs work on a copy
 * engine through a channel: nvc_channel_create() allocates, on GSP-RM and
 * for the client's RM client, a channel group (KEPLER_CHANNEL_GROUP_A) on
 * the engine, a GPFIFO channel of the chip's class in it and the chip's
 * copy-engine object on the channel, then enables scheduling
 * (GPFIFO_SCHEDULE) and asks for the channel's work-submit token. The
 * channel ID comes from the partition's block; instance memory, USERD, the
 * error notifier and the CE fault-method buffer are placed in one VRAM
 * allocation of the partition. The GPFIFO ring is the client's: it lives
 * at a GPU virtual address of the VA space the client maps (before the
 * first nvc_channel_kick()), in memory the client writes.
 *
 * Work: the client writes GP entries (include/nvcore/pushbuf.h) into the
 * ring and calls nvc_channel_kick() with the new GP_PUT: nvcore stores it
 * in USERD and writes the work-submit token to the doorbell (usermode
 * NOTIFY_CHANNEL_PENDING).
 *
 * Events: the copy engine's non-stall interrupt reaches the owner's
 * %NVC_EVENT_NONSTALL subscriptions in hard-IRQ context (the partition
 * must hold the engine); RC_TRIGGERED and MMU faults naming the channel's
 * ID reach its %NVC_EVENT_RC / %NVC_EVENT_MMU_FAULT subscriptions with
 * &nvc_event.chid set (nvc_channel_id()).
 *
 * GSP recovery: the RM objects are gone with the old GSP-RM; calls on a
 * channel created before it fail with -ENODEV and nvc_channel_destroy()
 * then frees only nvcore's side. A new channel works.
 */
#ifndef NVCORE_CHANNEL_H
#define NVCORE_CHANNEL_H

#include <linux/types.h>

struct nvc_partition;
struct nvc_vaspace;
struct nvc_channel;

/* Kernel (privileged) channel: may use physical-mode copies. */
#define NVC_CHANNEL_KERNEL		(1u << 0)

/**
 * struct nvc_channel_args - what a channel is created with
 * @vas: the VA space it runs in (of the same partition)
 * @engine: index in &nvc_gpu_info.engines of a copy engine the partition
 *	holds
 * @gpfifo_va: GPU virtual address of the GPFIFO ring, 8-byte aligned
 * @gpfifo_entries: entries of the ring (8 bytes each), a power of two from
 *	2 to %NVC_CHANNEL_MAX_GPFIFO
 * @flags: %NVC_CHANNEL_KERNEL
 */
struct nvc_channel_args {
	struct nvc_vaspace *vas;
	unsigned int engine;
	u64 gpfifo_va;
	u32 gpfifo_entries;
	u32 flags;
};

#define NVC_CHANNEL_MAX_GPFIFO		(1u << 16)

struct nvc_channel *nvc_channel_create(struct nvc_partition *part,
				       const struct nvc_channel_args *args);
void nvc_channel_destroy(struct nvc_channel *ch);
u32 nvc_channel_id(const struct nvc_channel *ch);
unsigned int nvc_channel_engine(const struct nvc_channel *ch);
u32 nvc_channel_ce_class(const struct nvc_channel *ch);
u32 nvc_channel_token(const struct nvc_channel *ch);
int nvc_channel_kick(struct nvc_channel *ch, u32 gp_put);
int nvc_channel_gp_get(struct nvc_channel *ch, u32 *gp_get);
int nvc_channel_schedule(struct nvc_channel *ch, bool enable);

#endif /* NVCORE_CHANNEL_H */
