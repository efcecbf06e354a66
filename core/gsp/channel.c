// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP layer: channel groups, GPFIFO channels and copy-engine objects
 * for clients (include/nvcore/channel.h). Version-neutral: the RM objects
 * are the firmware version's (core/gsp/tmpl/fifo.c, compiled into each
 * version that defines NVC_FW_HAS_CHANNELS; struct nvc_fw_ops chan_*).
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
 * Submission: GP_PUT is stored in USERD (Nvc56fControl.GPPut at 0x8c,
 * OGKM src/common/sdk/nvidia/inc/class/clc56f.h) through BAR1, then the
 * token is written to NV_VIRTUAL_FUNCTION_DOORBELL (BAR0 0xb80000 +
 * 0x30090: the usermode NOTIFY_CHANNEL_PENDING register); the version
 * gives these offsets (struct nvc_fw_chan_layout), the same in every
 * supported version.
 *
 * Versions differ here only in the size of NV_CHANNEL_ALLOC_PARAMS and in
 * the number of error-notifier entries (tmpl/fifo.c takes both from the
 * version's headers; each core/gsp/r<NNN>/fw.c says what its version has).
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

#include <nvcore/channel.h>

#include "../nvcore.h"
#include "../client.h"
#include "fw.h"
#include "gsp.h"

#define NVC_CHAN_H_GROUP	0xa06c0000u
#define NVC_CHAN_H_CHAN		0xf1f00000u
#define NVC_CHAN_H_CE		0xb5b50000u

/* Layout of a channel's VRAM allocation. */
#define NVC_CHAN_INST		0x0000
#define NVC_CHAN_INST_SIZE	0x1000
#define NVC_CHAN_RAMFC_SIZE	0x200
#define NVC_CHAN_USERD_PAGE	0x1000
#define NVC_CHAN_USERD_SIZE	0x1000
#define NVC_CHAN_NOTIFIER	0x2000
#define NVC_CHAN_MTHDBUF	0x3000

/**
 * struct nvc_channel - a GPFIFO channel with a copy-engine object
 * @part: owner's partition
 * @ops: the firmware version's ops it was created with
 * @fw: its RM objects (handles, classes, memory, token)
 * @mem: its instance memory, USERD, notifier and method buffer
 * @chids: its channel ID
 * @engine: index in &nvc_gpu_info.engines
 * @gen: &nvc_res.rec.recoveries when created
 */
struct nvc_channel {
	struct nvc_partition *part;
	const struct nvc_fw_ops *ops;
	struct nvc_fw_chan fw;
	struct nvc_vram_region mem;
	struct nvc_chid_range chids;
	unsigned int engine;
	unsigned int gen;
};

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
	const struct nvc_fw_ops *ops = gpu->gsp ? gpu->gsp->fwops : NULL;
	const struct nvc_fw_chan_layout *l;
	struct nvc_partition *vas_part;
	struct nvc_channel *ch;
	struct nvc_fw_chan *fw;
	int ret;

	/* The firmware version's channel ABI (core/gsp/tmpl/fifo.c). */
	if (!ops || !ops->has_channels || !ops->chan_create)
		return ERR_PTR(-EOPNOTSUPP);
	l = ops->chan;
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
	fw = &ch->fw;
	ch->part = part;
	ch->ops = ops;
	ch->engine = args->engine;
	fw->h_vaspace = nvc_vaspace_rm(args->vas, &vas_part, &ch->gen);
	ret = -EINVAL;
	if (vas_part != part)
		goto err_free;
	ret = ops->chan_classes(&gpu->info, &fw->chan_class, &fw->ce_class);
	if (ret)
		goto err_free;

	ret = nvc_chid_alloc(part, 1, &ch->chids);
	if (ret)
		goto err_free;
	fw->chid = ch->chids.first;
	fw->h_client = c->h_client;
	fw->h_group = NVC_CHAN_H_GROUP | fw->chid;
	fw->h_chan = NVC_CHAN_H_CHAN | fw->chid;
	fw->h_ce = NVC_CHAN_H_CE | fw->chid;
	fw->kernel = args->flags & NVC_CHANNEL_KERNEL;
	fw->gpfifo_va = args->gpfifo_va;
	fw->gpfifo_entries = args->gpfifo_entries;

	ret = -ENODEV;
	if (!nvc_chan_enter(gpu, ch->gen))
		goto err_chid;
	/* The version's facts must fit the layout above. */
	ret = -EOPNOTSUPP;
	if (l->chids_per_userd_page * l->userd_size > NVC_CHAN_USERD_SIZE ||
	    l->notifier_size > NVC_CHAN_MTHDBUF - NVC_CHAN_NOTIFIER)
		goto err_exit;
	fw->engine_type = gpu->gsp->engine_types[ch->engine];
	fw->mthdbuf_size = ops->chan_mthdbuf_size(gpu->gsp, c->h_client);
	ret = nvc_vram_alloc(part, NVC_CHAN_MTHDBUF + fw->mthdbuf_size, SZ_64K,
			     &ch->mem);
	if (ret)
		goto err_exit;
	fw->inst = ch->mem.base + NVC_CHAN_INST;
	fw->inst_size = NVC_CHAN_INST_SIZE;
	fw->ramfc_size = NVC_CHAN_RAMFC_SIZE;
	fw->userd = ch->mem.base + NVC_CHAN_USERD_PAGE +
		    (fw->chid % l->chids_per_userd_page) * l->userd_size;
	fw->notifier = ch->mem.base + NVC_CHAN_NOTIFIER;
	fw->mthdbuf = ch->mem.base + NVC_CHAN_MTHDBUF;
	/* Instance block, USERD (GP_GET = GP_PUT = 0) and notifier zeroed. */
	ret = gpu->bus->vram_fill ?
	      gpu->bus->vram_fill(gpu, ch->mem.base, ch->mem.size, 0) :
	      -EOPNOTSUPP;
	if (!ret)
		ret = ops->chan_create(gpu->gsp, fw);
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
		ch->ops->chan_schedule(gpu->gsp, &ch->fw, false);
		nvc_rm_free(gpu->gsp, c->h_client, NVC_H_DEVICE, ch->fw.h_group);
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
	return ch->fw.chid;
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
	return ch->fw.ce_class;
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
	return ch->fw.token;
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
	ret = gpu->bus->vram_rw(gpu, ch->fw.userd + ch->ops->chan->gp_put, &put,
				sizeof(put), true);
	if (ret)
		return ret;
	wmb();	/* GP_PUT before the doorbell */
	nvc_wr32(gpu, ch->ops->chan->doorbell, ch->fw.token);
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
	ret = gpu->bus->vram_rw(gpu, ch->fw.userd + ch->ops->chan->gp_get, &get,
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
	ret = ch->ops->chan_schedule(gpu->gsp, &ch->fw, enable);
	nvc_chan_exit(gpu);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(nvc_channel_schedule, NVCORE);
