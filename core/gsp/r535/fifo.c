// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP layer: channel groups, GPFIFO channels and copy-engine objects
 * for clients (include/nvcore/channel.h).
 *
 * DOC: channels on GSP-RM
 *
 * The flow follows what a GSP-RM client does (OGKM kernel_channel.c
 * kchannelConstruct for the GSP-client side; nouveau's r535 fifo code):
 *
 * 1. KEPLER_CHANNEL_GROUP_A under the client's device with
 *    NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS {hVASpace, engineType} (the
 *    copy engine's NV2080 engine type);
 * 2. the chip's GPFIFO class (TURING_/AMPERE_CHANNEL_GPFIFO_A) under the
 *    group with NV_CHANNEL_ALLOC_PARAMS: the ring's VA (gpFifoOffset) and
 *    entries, no hVASpace (kchannelConstruct refuses an explicit VA space
 *    for a channel in a group: it runs in the group's), engineType, the channel ID in the USERD index
 *    flags (page = chid / 8, index = chid % 8, page fixed, as OGKM's GSP
 *    client sets them), instance memory (4 KiB; RAMFC its first 512
 *    bytes), USERD (512 bytes), the CE fault-method buffer and an error
 *    notifier (ERROR_NOTIFIER_TYPE_MEMORY, two NvNotification entries),
 *    all in one VRAM allocation of the client's partition (ADDR_FBMEM);
 * 3. the chip's copy-engine class under the channel with
 *    NVB0B5_ALLOCATION_PARAMETERS {VERSION_1, engineType};
 * 4. NVA06F_CTRL_CMD_BIND {engineType} on the channel (nouveau r535),
 *    then GPFIFO_SCHEDULE {bEnable} on the group (NVA06C) or, where GSP-RM
 *    refuses it there, on the channel (NVA06F): both are GSP-RM controls;
 * 5. NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN on the channel: the value
 *    the doorbell takes.
 *
 * Submission: GP_PUT is stored in USERD (Nvc56fControl.GPPut at 0x8c)
 * through BAR1, then the token is written to NV_VIRTUAL_FUNCTION_DOORBELL
 * (BAR0 0xb80000 + 0x30090: the usermode NOTIFY_CHANNEL_PENDING register,
 * layout table reg-tu102 rows).
 *
 * Handles: group 0xa06c0000 | chid, channel 0xf1f00000 | chid (nouveau's
 * scheme), CE object 0xb5b50000 | chid; channel IDs are unique on the GPU,
 * so the handles are unique in the client. Freeing the group frees the
 * channel and the CE object with it (RM frees children with a parent).
 */
#include <linux/io.h>
#include <linux/log2.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include <nvrm/535.113.01/nvrm.h>

#include <nvcore/channel.h>

#include "../../nvcore.h"
#include "../../client.h"
#include "../gsp.h"

#define NVC_CHAN_H_GROUP	0xa06c0000u
#define NVC_CHAN_H_CHAN		0xf1f00000u
#define NVC_CHAN_H_CE		0xb5b50000u

/* Layout of a channel's VRAM allocation. */
#define NVC_CHAN_INST		0x0000
#define NVC_CHAN_INST_SIZE	0x1000
#define NVC_CHAN_RAMFC_SIZE	0x200
#define NVC_CHAN_USERD_PAGE	0x1000
#define NVC_CHAN_NOTIFIER	0x2000
#define NVC_CHAN_MTHDBUF	0x3000

/**
 * struct nvc_channel - a GPFIFO channel with a copy-engine object
 * @part: owner's partition
 * @vas_handle: RM handle of its VA space
 * @mem: its instance memory, USERD, notifier and method buffer
 * @chids: its channel ID
 * @chid: channel ID
 * @engine: index in &nvc_gpu_info.engines
 * @engine_type: NV2080 engine type of @engine
 * @chan_class: GPFIFO class
 * @ce_class: copy-engine class
 * @token: work-submit token (doorbell value)
 * @userd: VRAM address of its USERD
 * @gen: &nvc_res.rec.recoveries when created
 */
struct nvc_channel {
	struct nvc_partition *part;
	u32 vas_handle;
	struct nvc_vram_region mem;
	struct nvc_chid_range chids;
	u32 chid;
	unsigned int engine;
	u32 engine_type;
	u32 chan_class;
	u32 ce_class;
	u32 token;
	u64 userd;
	unsigned int gen;
};

/* GPFIFO and copy-engine classes of the chip (nouveau's class lists). */
static int nvc_chan_classes(const struct nvc_gpu_info *i, u32 *chan, u32 *ce)
{
	switch (i->arch) {
	case NVC_ARCH_TURING:
		*chan = TURING_CHANNEL_GPFIFO_A;
		*ce = TURING_DMA_COPY_A;
		return 0;
	case NVC_ARCH_AMPERE:
		*chan = AMPERE_CHANNEL_GPFIFO_A;
		*ce = i->chipset == 0x170 ? AMPERE_DMA_COPY_A : AMPERE_DMA_COPY_B;
		return 0;
	case NVC_ARCH_ADA:
		*chan = AMPERE_CHANNEL_GPFIFO_A;
		*ce = AMPERE_DMA_COPY_B;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

/* Take the GSP for a call on @ch; false (-ENODEV) when lost or stale. */
static bool nvc_chan_enter(struct nvc_gpu *gpu, unsigned int gen)
{
	if (!down_read_trylock(&gpu->res.rec.gsp_sem))
		return false;
	if (gpu->res.rec.lost || gpu->res.rec.recoveries != gen) {
		up_read(&gpu->res.rec.gsp_sem);
		return false;
	}
	return true;
}

static void nvc_chan_exit(struct nvc_gpu *gpu)
{
	up_read(&gpu->res.rec.gsp_sem);
}

static int nvc_chan_schedule(struct nvc_gsp *gsp, struct nvc_channel *ch,
			     u32 h_client, bool enable)
{
	struct NVA06C_CTRL_GPFIFO_SCHEDULE_PARAMS g = { .bEnable = enable };
	struct NVA06F_CTRL_GPFIFO_SCHEDULE_PARAMS c = { .bEnable = enable };
	int ret;

	ret = nvc_rm_control(gsp, h_client, NVC_CHAN_H_GROUP | ch->chid,
			     NVA06C_CTRL_CMD_GPFIFO_SCHEDULE, &g, sizeof(g));
	if (ret == -EOPNOTSUPP)
		ret = nvc_rm_control(gsp, h_client, NVC_CHAN_H_CHAN | ch->chid,
				     NVA06F_CTRL_CMD_GPFIFO_SCHEDULE, &c,
				     sizeof(c));
	return ret;
}

/* The RM objects of @ch; on failure nothing is left on the GSP. */
static int nvc_chan_rm_create(struct nvc_gpu *gpu, struct nvc_channel *ch,
			      u32 h_client, const struct nvc_channel_args *args,
			      u32 mthdbuf)
{
	struct NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS grp = {
		.hVASpace = ch->vas_handle,
		.engineType = ch->engine_type,
	};
	struct NVB0B5_ALLOCATION_PARAMETERS ce = {
		.version = NVB0B5_ALLOCATION_PARAMETERS_VERSION_1,
		.engineType = ch->engine_type,
	};
	struct NVA06F_CTRL_BIND_PARAMS bind = { .engineType = ch->engine_type };
	struct NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN_PARAMS tok = {};
	bool kernel = args->flags & NVC_CHANNEL_KERNEL;
	struct NV_CHANNEL_ALLOC_PARAMS *a;
	struct nvc_gsp *gsp = gpu->gsp;
	u32 h_group = NVC_CHAN_H_GROUP | ch->chid;
	u32 h_chan = NVC_CHAN_H_CHAN | ch->chid;
	u64 mem = ch->mem.base;
	int ret;

	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	ret = nvc_rm_alloc(gsp, h_client, NVC_H_DEVICE, h_group,
			   KEPLER_CHANNEL_GROUP_A, &grp, sizeof(grp));
	if (ret)
		goto out;

	a->gpFifoOffset = args->gpfifo_va;
	a->gpFifoEntries = args->gpfifo_entries;
	a->flags = (ch->chid % NVRM_CHID_PER_USERD_PAGE)
			<< NVOS04_FLAGS_CHANNEL_USERD_INDEX_VALUE_SHIFT |
		   (ch->chid / NVRM_CHID_PER_USERD_PAGE)
			<< NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_VALUE_SHIFT |
		   NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_FIXED_TRUE;
	if (kernel)
		a->flags |= NVOS04_FLAGS_PRIVILEGED_CHANNEL_TRUE;
	/* A TSG channel runs in the group's VA space: none of its own. */
	a->hVASpace = 0;
	a->engineType = ch->engine_type;
	a->instanceMem = (struct NV_MEMORY_DESC_PARAMS){
		.base = mem + NVC_CHAN_INST, .size = NVC_CHAN_INST_SIZE,
		.addressSpace = ADDR_FBMEM, .cacheAttrib = NV_MEMORY_UNCACHED,
	};
	a->ramfcMem = (struct NV_MEMORY_DESC_PARAMS){
		.base = mem + NVC_CHAN_INST, .size = NVC_CHAN_RAMFC_SIZE,
		.addressSpace = ADDR_FBMEM, .cacheAttrib = NV_MEMORY_UNCACHED,
	};
	a->userdMem = (struct NV_MEMORY_DESC_PARAMS){
		.base = ch->userd, .size = NVRM_USERD_SIZE,
		.addressSpace = ADDR_FBMEM, .cacheAttrib = NV_MEMORY_UNCACHED,
	};
	if (mthdbuf)
		a->mthdbufMem = (struct NV_MEMORY_DESC_PARAMS){
			.base = mem + NVC_CHAN_MTHDBUF, .size = mthdbuf,
			.addressSpace = ADDR_FBMEM,
			.cacheAttrib = NV_MEMORY_UNCACHED,
		};
	a->errorNotifierMem = (struct NV_MEMORY_DESC_PARAMS){
		.base = mem + NVC_CHAN_NOTIFIER,
		.size = NVRM_NOTIFICATION_SIZE *
			NV_CHANNELGPFIFO_NOTIFICATION_TYPE__SIZE_1,
		.addressSpace = ADDR_FBMEM, .cacheAttrib = NV_MEMORY_UNCACHED,
	};
	a->internalFlags =
		(kernel ? NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_PRIVILEGE_KERNEL :
			  NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_PRIVILEGE_USER) |
		ERROR_NOTIFIER_TYPE_MEMORY <<
			NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_ERROR_NOTIFIER_TYPE_SHIFT |
		ERROR_NOTIFIER_TYPE_NONE <<
			NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_ECC_ERROR_NOTIFIER_TYPE_SHIFT;
	a->ProcessID = task_tgid_nr(current);

	ret = nvc_rm_alloc(gsp, h_client, h_group, h_chan, ch->chan_class, a,
			   sizeof(*a));
	if (!ret)
		ret = nvc_rm_alloc(gsp, h_client, h_chan, NVC_CHAN_H_CE | ch->chid,
				   ch->ce_class, &ce, sizeof(ce));
	if (!ret) {
		ret = nvc_rm_control(gsp, h_client, h_chan, NVA06F_CTRL_CMD_BIND,
				     &bind, sizeof(bind));
		/* GSP-RMs that bind at allocation refuse the control. */
		if (ret == -EOPNOTSUPP)
			ret = 0;
	}
	if (!ret)
		ret = nvc_chan_schedule(gsp, ch, h_client, true);
	if (!ret)
		ret = nvc_rm_control(gsp, h_client, h_chan,
				     NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN,
				     &tok, sizeof(tok));
	if (ret)
		nvc_rm_free(gsp, h_client, NVC_H_DEVICE, h_group);
	else
		ch->token = tok.workSubmitToken;
out:
	kfree(a);
	return ret;
}

/* Size of the CE fault-method buffer GSP-RM wants (0: none asked). */
static u32 nvc_chan_mthdbuf_size(struct nvc_gsp *gsp, u32 h_client)
{
	struct NV2080_CTRL_CE_GET_FAULT_METHOD_BUFFER_SIZE_PARAMS p = {};

	if (nvc_rm_control(gsp, h_client, NVC_H_SUBDEVICE,
			   NV2080_CTRL_CMD_CE_GET_FAULT_METHOD_BUFFER_SIZE,
			   &p, sizeof(p)))
		return 0;
	/* Bounded: a firmware value is not trusted with our VRAM. */
	return p.size <= SZ_1M ? ALIGN(p.size, SZ_4K) : 0;
}

/**
 * nvc_channel_create() - a channel on a copy engine (see DOC: nvcore channels)
 * @part: the owner's partition: holds the engine, a free channel ID and
 *	64 KiB of VRAM or more
 * @args: VA space, engine, GPFIFO ring
 *
 * Context: process context, may sleep.
 * Return: the channel, or ERR_PTR: -EINVAL for bad @args (not a copy
 * engine, ring size, alignment, VA space of another partition), -EPERM
 * for an engine outside the partition, -ENOMEM / -ENOSPC when the
 * partition has no channel ID or VRAM left, -ENODEV while the GPU is lost
 * or for a VA space from before a recovery, -EOPNOTSUPP on a chip without
 * these classes or a firmware version without them in nvcore, or an error
 * from GSP-RM.
 */
struct nvc_channel *nvc_channel_create(struct nvc_partition *part,
				       const struct nvc_channel_args *args)
{
	struct nvc_client *c = part->client;
	struct nvc_gpu *gpu = c->gpu;
	struct nvc_partition *vas_part;
	struct nvc_channel *ch;
	u32 mthdbuf;
	int ret;

	/* GSP-RM 535.113.01's channel ABI (this file is its layer's). */
	if (gpu->gsp && !gpu->gsp->fwops->has_channels)
		return ERR_PTR(-EOPNOTSUPP);
	if (!args->vas || args->flags & ~NVC_CHANNEL_KERNEL ||
	    args->gpfifo_entries < 2 ||
	    args->gpfifo_entries > NVC_CHANNEL_MAX_GPFIFO ||
	    !is_power_of_2(args->gpfifo_entries) ||
	    !IS_ALIGNED(args->gpfifo_va, 8) || !args->gpfifo_va)
		return ERR_PTR(-EINVAL);
	ret = nvc_engine_check(part, args->engine);
	if (ret)
		return ERR_PTR(ret);
	if (gpu->info.engines[args->engine].kind != NVC_ENGINE_COPY)
		return ERR_PTR(-EINVAL);

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return ERR_PTR(-ENOMEM);
	ch->part = part;
	ch->engine = args->engine;
	ch->vas_handle = nvc_vaspace_rm(args->vas, &vas_part, &ch->gen);
	ret = -EINVAL;
	if (vas_part != part)
		goto err_free;
	ret = nvc_chan_classes(&gpu->info, &ch->chan_class, &ch->ce_class);
	if (ret)
		goto err_free;

	ret = nvc_chid_alloc(part, 1, &ch->chids);
	if (ret)
		goto err_free;
	ch->chid = ch->chids.first;

	ret = -ENODEV;
	if (!nvc_chan_enter(gpu, ch->gen))
		goto err_chid;
	ch->engine_type = gpu->gsp->engine_types[ch->engine];
	mthdbuf = nvc_chan_mthdbuf_size(gpu->gsp, c->h_client);
	ret = nvc_vram_alloc(part, NVC_CHAN_MTHDBUF + mthdbuf, SZ_64K, &ch->mem);
	if (ret)
		goto err_exit;
	ch->userd = ch->mem.base + NVC_CHAN_USERD_PAGE +
		    (ch->chid % NVRM_CHID_PER_USERD_PAGE) * NVRM_USERD_SIZE;
	/* Instance block, USERD (GP_GET = GP_PUT = 0) and notifier zeroed. */
	ret = gpu->bus->vram_fill ?
	      gpu->bus->vram_fill(gpu, ch->mem.base, ch->mem.size, 0) :
	      -EOPNOTSUPP;
	if (!ret)
		ret = nvc_chan_rm_create(gpu, ch, c->h_client, args, mthdbuf);
	if (ret)
		goto err_mem;
	nvc_chan_exit(gpu);
	return ch;

err_mem:
	nvc_vram_free(part, &ch->mem);
err_exit:
	nvc_chan_exit(gpu);
err_chid:
	nvc_chid_free(part, &ch->chids);
err_free:
	kfree(ch);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_create, NVCORE);

/**
 * nvc_channel_destroy() - free a channel
 * @ch: from nvc_channel_create()
 *
 * Scheduling is disabled and the channel group freed on GSP-RM (the
 * channel and its CE object go with it), then its VRAM (scrubbed) and
 * channel ID return to the partition. While the GPU is lost, or after a
 * recovery since @ch was created, only nvcore's side is freed.
 *
 * Context: process context, may sleep.
 */
void nvc_channel_destroy(struct nvc_channel *ch)
{
	struct nvc_client *c = ch->part->client;
	struct nvc_gpu *gpu = c->gpu;

	if (nvc_chan_enter(gpu, ch->gen)) {
		nvc_chan_schedule(gpu->gsp, ch, c->h_client, false);
		nvc_rm_free(gpu->gsp, c->h_client, NVC_H_DEVICE,
			    NVC_CHAN_H_GROUP | ch->chid);
		nvc_chan_exit(gpu);
	}
	if (gpu->bus->vram_fill)
		gpu->bus->vram_fill(gpu, ch->mem.base, ch->mem.size, 0);
	nvc_vram_free(ch->part, &ch->mem);
	nvc_chid_free(ch->part, &ch->chids);
	kfree(ch);
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_destroy, NVCORE);

/**
 * nvc_channel_id() - the channel ID (as events name it)
 * @ch: the channel
 *
 * Return: its ID.
 */
u32 nvc_channel_id(const struct nvc_channel *ch)
{
	return ch->chid;
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_id, NVCORE);

/**
 * nvc_channel_engine() - the channel's engine
 * @ch: the channel
 *
 * Return: its index in &nvc_gpu_info.engines (as non-stall events name it).
 */
unsigned int nvc_channel_engine(const struct nvc_channel *ch)
{
	return ch->engine;
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_engine, NVCORE);

/**
 * nvc_channel_ce_class() - the copy-engine class bound on the channel
 * @ch: the channel
 *
 * Push buffers select it with the host SET_OBJECT method on a subchannel.
 *
 * Return: the class number (0xc5b5, 0xc6b5 or 0xc7b5).
 */
u32 nvc_channel_ce_class(const struct nvc_channel *ch)
{
	return ch->ce_class;
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_ce_class, NVCORE);

/**
 * nvc_channel_token() - the channel's work-submit token
 * @ch: the channel
 *
 * Return: the value nvc_channel_kick() writes to the doorbell.
 */
u32 nvc_channel_token(const struct nvc_channel *ch)
{
	return ch->token;
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_token, NVCORE);

/**
 * nvc_channel_kick() - publish new GP entries and ring the doorbell
 * @ch: the channel
 * @gp_put: index after the last entry written (below the ring's entries)
 *
 * The GP entries must be visible to the GPU before the call (the caller
 * orders its writes to the ring before it; this stores GP_PUT and then
 * writes the doorbell).
 *
 * Context: process context, may sleep.
 * Return: 0, -ENODEV while the GPU is lost or after a recovery since the
 * channel was created, or an error of the BAR1 write.
 */
int nvc_channel_kick(struct nvc_channel *ch, u32 gp_put)
{
	struct nvc_gpu *gpu = ch->part->client->gpu;
	__le32 put = cpu_to_le32(gp_put);
	int ret;

	if (READ_ONCE(gpu->res.rec.lost) ||
	    READ_ONCE(gpu->res.rec.recoveries) != ch->gen)
		return -ENODEV;
	ret = gpu->bus->vram_rw(gpu, ch->userd + NVC56F_USERD_GP_PUT, &put,
				sizeof(put), true);
	if (ret)
		return ret;
	wmb();	/* GP_PUT before the doorbell */
	nvc_wr32(gpu, NVRM_VF_FULL_PHYS_OFFSET + NVRM_VF_DOORBELL, ch->token);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_kick, NVCORE);

/**
 * nvc_channel_gp_get() - the GPU's GP_GET of the channel
 * @ch: the channel
 * @gp_get: output
 *
 * Context: process context, may sleep.
 * Return: 0, -ENODEV as nvc_channel_kick(), or an error of the BAR1 read.
 */
int nvc_channel_gp_get(struct nvc_channel *ch, u32 *gp_get)
{
	struct nvc_gpu *gpu = ch->part->client->gpu;
	__le32 get;
	int ret;

	if (READ_ONCE(gpu->res.rec.lost) ||
	    READ_ONCE(gpu->res.rec.recoveries) != ch->gen)
		return -ENODEV;
	ret = gpu->bus->vram_rw(gpu, ch->userd + NVC56F_USERD_GP_GET, &get,
				sizeof(get), false);
	if (!ret)
		*gp_get = le32_to_cpu(get);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_gp_get, NVCORE);

/**
 * nvc_channel_schedule() - enable or disable scheduling of the channel
 * @ch: the channel
 * @enable: true to let it run, false to take it off the runlist
 *
 * Context: process context, may sleep.
 * Return: 0, -ENODEV as nvc_channel_kick(), or an error from GSP-RM.
 */
int nvc_channel_schedule(struct nvc_channel *ch, bool enable)
{
	struct nvc_client *c = ch->part->client;
	struct nvc_gpu *gpu = c->gpu;
	int ret;

	if (!nvc_chan_enter(gpu, ch->gen))
		return -ENODEV;
	ret = nvc_chan_schedule(gpu->gsp, ch, c->h_client, enable);
	nvc_chan_exit(gpu);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_schedule, NVCORE);
