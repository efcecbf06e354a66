// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: channel groups, GPFIFO channels, copy-engine objects, their
 * controls and the usermode doorbell.
 *
 * DOC: nvsim channels
 *
 * GSP-RM's side of channel allocation, validated as OGKM 535.113.01 and
 * 570.144 do (the parameters are decoded by the running version's
 * sim/chanabi.c into sim/chanargs.h structures; this file reads no
 * firmware header)
 * (src/nvidia/src/kernel/gpu/fifo/kernel_channel.c kchannelConstruct_IMPL,
 * kernel_channel_group_api.c kchangrpapiConstruct_IMPL, kernel_fifo.c
 * kfifoChidMgrAllocChid_IMPL, arch/maxwell/kernel_channel_gm107.c
 * kchannelAllocHwID_GM107); nouveau's r535 fifo (drivers/gpu/drm/nouveau/
 * nvkm/engine/fifo/r535.c) is the client model: it passes instance memory,
 * USERD, RAMFC and method buffer as physical memory descriptors and picks
 * the channel ID through the USERD index flags.
 *
 * KEPLER_CHANNEL_GROUP_A under a device, NV_CHANNEL_GROUP_ALLOCATION_
 * PARAMETERS: hVASpace 0 or a FERMI_VASPACE_A of the same device (else
 * NV_ERR_OBJECT_NOT_FOUND); on GA10x/AD10x (per-runlist channel RAM) the
 * engineType must be an engine of the chip (NV_ERR_INVALID_ARGUMENT).
 *
 * The chip's GPFIFO class (TURING_CHANNEL_GPFIFO_A, AMPERE_CHANNEL_GPFIFO_A)
 * under a device or a channel group, NV_CHANNEL_ALLOC_PARAMS:
 * - flags CHANNEL_TYPE must be PHYSICAL (NV_ERR_NOT_SUPPORTED);
 * - hContextShare and hVASpace both set: NV_ERR_INVALID_ARGUMENT; under a
 *   device a context share is NV_ERR_INVALID_ARGUMENT (a non-TSG channel),
 *   under a group nvsim models no FERMI_CONTEXT_SHARE_A: NV_ERR_OBJECT_NOT_FOUND;
 * - under a group hVASpace must be 0 (NV_ERR_INVALID_ARGUMENT) and the VA
 *   space is the group's; under a device hVASpace names the VA space
 *   (NV_ERR_OBJECT_NOT_FOUND if it is none; 0: NV_ERR_INVALID_STATE,
 *   *assumption*: nvsim has no device-default VA space);
 * - engineType: an engine of the chip (NV_ERR_INVALID_ARGUMENT); in a
 *   group whose engineType is set, the same (NV_ERR_INVALID_ARGUMENT);
 * - the channel ID: USERD_INDEX_PAGE_FIXED with USERD_INDEX_FIXED is
 *   NV_ERR_INVALID_STATE; PAGE_FIXED asks for page * 8 + index; an ID in
 *   use or out of range is NV_ERR_NO_MEMORY (a fixed-address heap
 *   allocation failing); without PAGE_FIXED GSP-RM picks the lowest free
 *   ID (with INDEX_FIXED, one whose low 3 bits are the index);
 * - *assumptions* (a hardware requirement OGKM leaves to HAL code we did
 *   not trace): gpFifoEntries a power of two from 2 to 2^20 and
 *   gpFifoOffset 8-byte aligned and non-zero, else NV_ERR_INVALID_ARGUMENT;
 *   userdMem of at least 0x200 bytes, 512-byte aligned, in VRAM (inside
 *   it) or system memory; instanceMem at least 4 KiB, 4 KiB aligned, in
 *   VRAM; ramfcMem (if given) inside instanceMem; errorNotifierMem (if
 *   given) at least 16 bytes. Else NV_ERR_INVALID_ARGUMENT. nvsim models
 *   no memory objects, so hUserdMemory must be 0 (NV_ERR_INVALID_OBJECT_HANDLE).
 * - cid is written back (a counter, as OGKM's pSys->currentCid).
 *
 * Copy-engine class of the chip (TURING_DMA_COPY_A, AMPERE_DMA_COPY_B)
 * under a channel of a copy engine, NVB0B5_ALLOCATION_PARAMETERS version 1
 * with the channel's engineType, or version 0 with its CE instance
 * (NV_ERR_INVALID_ARGUMENT otherwise); one per channel
 * (NV_ERR_INSUFFICIENT_RESOURCES).
 *
 * Controls: NVA06C GPFIFO_SCHEDULE on a group (every channel of it),
 * NVA06F GPFIFO_SCHEDULE and BIND (engineType must be the channel's) on a
 * channel, NVC36F GPFIFO_GET_WORK_SUBMIT_TOKEN on a channel: the token is
 * runlist << 16 | chid (NV_CTRL_VF_DOORBELL_RUNLIST_ID 22:16 / _VECTOR 11:0,
 * kfifoGenerateWorkSubmitToken_TU102/_GA100). nvsim's runlist of an engine
 * is its index in the chip's engine list (*assumption*: real IDs come from
 * the device info table). bSkipSubmit is accepted and ignored.
 *
 * Doorbell: a write of a work-submit token to NV_VIRTUAL_FUNCTION_DOORBELL
 * (BAR0 0xb80000 + 0x30090, the usermode page's NOTIFY_CHANNEL_PENDING;
 * OGKM kfifoUpdateUsermodeDoorbell_TU102) marks the channel pending and
 * queues nvsim's worker; nothing else runs in the MMIO path. A token for no
 * channel, another runlist or a dead channel is counted and ignored, as
 * hardware ignores it. NVC361_TIME_0/1 (+0x80/+0x84) read PTIMER in ns.
 */
#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/log2.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "fifo.h"

#define NVSIM_USERMODE_BASE	NVSIM_VF(NV_VIRTUAL_FUNCTION_DOORBELL - \
					 NVC361_NOTIFY_CHANNEL_PENDING)
#define NVSIM_GP_ENTRIES_MAX	(1u << 20)

#define F(v, f)	NVSIM_FLD(v, f)

/**
 * struct nvsim_fifo_obj - RM-side data of a channel group or channel
 * @group_engine: groups: their engineType (0: not set)
 * @group_vas: groups: their VA space handle
 * @chan: channels: the channel (a reference)
 */
struct nvsim_fifo_obj {
	u32 group_engine;
	u32 group_vas;
	struct nvsim_chan *chan;
};

static atomic_t nvsim_cid = ATOMIC_INIT(0);

u64 nvsim_ptimer_ns(void)
{
	return ktime_get_ns();
}

/**
 * nvsim_engine_index() - index of an engine in the chip's list
 * @gpu: the GPU
 * @nv2080_type: NV2080 engine type
 *
 * Return: the index, or -1 if the chip has no such engine.
 */
int nvsim_engine_index(struct nvsim_gpu *gpu, u32 nv2080_type)
{
	unsigned int i;

	if (!nv2080_type)
		return -1;
	for (i = 0; i < gpu->chip->nr_engines; i++)
		if (gpu->chip->engines[i] == nv2080_type)
			return i;
	return -1;
}

static bool nvsim_is_ce(u32 t)
{
	return t >= NV2080_ENGINE_TYPE_COPY0 && t <= NV2080_ENGINE_TYPE_COPY9;
}

/* The chip's GPFIFO and copy-engine classes. */
static u32 nvsim_gpfifo_class(struct nvsim_gpu *gpu)
{
	return gpu->chip->libos3 ? AMPERE_CHANNEL_GPFIFO_A : TURING_CHANNEL_GPFIFO_A;
}

static u32 nvsim_ce_class(struct nvsim_gpu *gpu)
{
	return gpu->chip->libos3 ? AMPERE_DMA_COPY_B : TURING_DMA_COPY_A;
}

/* GA100 and later have per-runlist channel RAM (kfifoIsPerRunlistChramSupportedInHw). */
static bool nvsim_per_runlist_chram(struct nvsim_gpu *gpu)
{
	return gpu->chip->libos3;
}

/**
 * nvsim_fifo_class() - is @cls one of the classes this file allocates?
 * @gpu: the GPU
 * @cls: class
 *
 * Return: true for KEPLER_CHANNEL_GROUP_A, the chip's GPFIFO class and its
 * copy-engine class.
 */
bool nvsim_fifo_class(struct nvsim_gpu *gpu, u32 cls)
{
	return cls == KEPLER_CHANNEL_GROUP_A || cls == nvsim_gpfifo_class(gpu) ||
	       cls == nvsim_ce_class(gpu);
}

static void nvsim_chan_release(struct kref *ref)
{
	kfree(container_of(ref, struct nvsim_chan, ref));
}

void nvsim_chan_put(struct nvsim_chan *ch)
{
	kref_put(&ch->ref, nvsim_chan_release);
}

/**
 * nvsim_chan_kick_locked() - put a channel on the worker's pending list
 * @f: the GPU's fifo (lock held)
 * @ch: the channel
 *
 * The caller queues the worker after unlocking.
 */
void nvsim_chan_kick_locked(struct nvsim_fifo *f, struct nvsim_chan *ch)
{
	lockdep_assert_held(&f->lock);
	ch->pending = true;
	if (ch->queued || ch->dead)
		return;
	ch->queued = true;
	kref_get(&ch->ref);
	list_add_tail(&ch->link, &f->pend);
}

static bool nvsim_mem_ok(struct nvsim_gpu *gpu, const struct nvsim_memdesc *m,
			 u64 min, u64 align, bool vid_only)
{
	if (m->size < min || !IS_ALIGNED(m->base, align))
		return false;
	if (m->aspace == NVSIM_ASPACE_VID)
		return m->base < gpu->chip->vram_size &&
		       m->size <= gpu->chip->vram_size - m->base;
	return !vid_only && m->aspace == NVSIM_ASPACE_SYS &&
	       m->base + m->size > m->base;
}

/* Pick or check the channel ID (kfifoChidMgrAllocChid_IMPL). fifo.lock held. */
static int nvsim_chid_pick(struct nvsim_fifo *f, const struct nvsim_chan_args *a,
			   u32 *chid)
{
	u32 idx = a->idx;
	u32 c;

	if (a->page_fixed) {
		c = a->page * NVSIM_CHID_PER_USERD_PAGE + idx;
		if (c >= NVSIM_MAX_CHIDS || f->chans[c])
			return NV_ERR_NO_MEMORY;
		*chid = c;
		return NV_OK;
	}
	for (c = 0; c < NVSIM_MAX_CHIDS; c++) {
		if (a->idx_fixed && c % NVSIM_CHID_PER_USERD_PAGE != idx)
			continue;
		if (!f->chans[c]) {
			*chid = c;
			return NV_OK;
		}
	}
	return NV_ERR_NO_FREE_FIFOS;
}

static u32 nvsim_alloc_group(struct nvsim_gpu *gpu, struct nvsim_obj *parent,
			     const struct nvsim_group_args *p,
			     struct nvsim_fifo_obj *fo)
{
	struct nvsim_obj *vas;

	if (p->h_vas) {
		vas = nvsim_obj_lookup(gpu, parent->client, p->h_vas);
		if (!vas || vas->cls != FERMI_VASPACE_A || vas->parent != parent)
			return NV_ERR_OBJECT_NOT_FOUND;
	}
	if (nvsim_per_runlist_chram(gpu) && nvsim_engine_index(gpu, p->engine) < 0)
		return NV_ERR_INVALID_ARGUMENT;
	if (p->engine && nvsim_engine_index(gpu, p->engine) < 0)
		return NV_ERR_INVALID_ARGUMENT;
	fo->group_engine = p->engine;
	fo->group_vas = p->h_vas;
	return NV_OK;
}

static u32 nvsim_alloc_channel(struct nvsim_gpu *gpu, struct nvsim_obj *parent,
			       u32 handle, u32 cls,
			       const struct nvsim_chan_args *p,
			       struct nvsim_fifo_obj *fo, u32 *cid)
{
	struct nvsim_fifo *f = gpu->fifo;
	struct nvsim_obj *vas;
	struct nvsim_chan *ch;
	u32 engine, vash, chid, st;
	int idx;

	if (!p->physical)
		return NV_ERR_NOT_SUPPORTED;
	if (p->h_ctx_share && p->h_vas)
		return NV_ERR_INVALID_ARGUMENT;
	engine = p->engine;
	if (parent->cls == KEPLER_CHANNEL_GROUP_A) {
		const struct nvsim_fifo_obj *g = parent->priv;

		if (p->h_ctx_share)
			return NV_ERR_OBJECT_NOT_FOUND;
		if (p->h_vas)
			return NV_ERR_INVALID_ARGUMENT;
		if (g->group_engine && engine && engine != g->group_engine)
			return NV_ERR_INVALID_ARGUMENT;
		if (g->group_engine)
			engine = g->group_engine;
		vash = g->group_vas;
		if (!vash)
			return NV_ERR_INVALID_STATE;
	} else {
		if (p->h_ctx_share)
			return NV_ERR_INVALID_ARGUMENT;
		if (!p->h_vas)
			return NV_ERR_INVALID_STATE;
		vas = nvsim_obj_lookup(gpu, parent->client, p->h_vas);
		if (!vas || vas->cls != FERMI_VASPACE_A || vas->parent != parent)
			return NV_ERR_OBJECT_NOT_FOUND;
		vash = p->h_vas;
	}
	idx = nvsim_engine_index(gpu, engine);
	if (idx < 0)
		return NV_ERR_INVALID_ARGUMENT;
	if (p->userd_handles)
		return NV_ERR_INVALID_OBJECT_HANDLE;
	if (!is_power_of_2(p->gp_entries) || p->gp_entries < 2 ||
	    p->gp_entries > NVSIM_GP_ENTRIES_MAX || !p->gpfifo_va ||
	    (p->gpfifo_va & 7) || p->gpfifo_va >> 49)
		return NV_ERR_INVALID_ARGUMENT;
	if (!nvsim_mem_ok(gpu, &p->userd, NVSIM_USERD_SIZE, NVSIM_USERD_SIZE, false) ||
	    !nvsim_mem_ok(gpu, &p->inst, SZ_4K, SZ_4K, true))
		return NV_ERR_INVALID_ARGUMENT;
	if (p->ramfc.size &&
	    (p->ramfc.aspace != p->inst.aspace ||
	     p->ramfc.base < p->inst.base ||
	     p->ramfc.size > p->inst.size ||
	     p->ramfc.base - p->inst.base >
	     p->inst.size - p->ramfc.size))
		return NV_ERR_INVALID_ARGUMENT;
	if (p->notifier.size &&
	    !nvsim_mem_ok(gpu, &p->notifier, 16, 1, false))
		return NV_ERR_INVALID_ARGUMENT;

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return NV_ERR_NO_MEMORY;
	kref_init(&ch->ref);
	ch->gpu = gpu;
	ch->client = parent->client;
	ch->handle = handle;
	ch->cls = cls;
	ch->engine = engine;
	ch->engine_idx = idx;
	ch->runlist = idx;
	ch->vas = vash;
	ch->gpfifo_va = p->gpfifo_va;
	ch->gp_entries = p->gp_entries;
	ch->userd_vid = p->userd.aspace == NVSIM_ASPACE_VID;
	ch->userd_pa = p->userd.base;
	ch->deny_phys_ce = p->deny_phys_ce;
	if (p->notifier.size) {
		ch->notifier_vid = p->notifier.aspace == NVSIM_ASPACE_VID;
		ch->notifier_pa = p->notifier.base;
	}
	nvsim_pb_reset(&ch->pb);

	spin_lock_irq(&f->lock);
	st = nvsim_chid_pick(f, p, &chid);
	if (st == NV_OK) {
		ch->chid = chid;
		f->chans[chid] = ch;
		f->nr_chans++;
	}
	spin_unlock_irq(&f->lock);
	if (st != NV_OK) {
		kfree(ch);
		return st;
	}
	fo->chan = ch;
	*cid = atomic_inc_return(&nvsim_cid);
	return NV_OK;
}

static u32 nvsim_alloc_ce(struct nvsim_gpu *gpu, struct nvsim_obj *parent,
			  u32 cls, const struct nvsim_ce_args *p)
{
	const struct nvsim_fifo_obj *fo = parent->priv;
	struct nvsim_chan *ch = fo->chan;

	if (!nvsim_is_ce(ch->engine) || !p->known || p->engine != ch->engine)
		return NV_ERR_INVALID_ARGUMENT;
	if (READ_ONCE(ch->ce_cls))
		return NV_ERR_INSUFFICIENT_RESOURCES;
	WRITE_ONCE(ch->ce_cls, cls);
	return NV_OK;
}

/**
 * nvsim_fifo_alloc() - allocate a channel group, channel or CE object
 * @gpu: the GPU
 * @parent: parent object
 * @o: the new object (in the tree; freed by the caller on failure)
 * @params: parameters
 * @size: their size
 *
 * GSP thread.
 *
 * Return: an NV_STATUS.
 */
u32 nvsim_fifo_alloc(struct nvsim_gpu *gpu, struct nvsim_obj *parent,
		     struct nvsim_obj *o, void *params, u32 size)
{
	const struct nvsim_abi *abi = nvsim_abi_of(gpu);
	struct nvsim_group_args ga;
	struct nvsim_chan_args ca;
	struct nvsim_ce_args cea;
	struct nvsim_fifo_obj *fo;
	u32 st, cid = 0;

	/* The parent first, then this version's parameter size (decoders). */
	if (o->cls == KEPLER_CHANNEL_GROUP_A) {
		if (parent->cls != NV01_DEVICE_0)
			return NV_ERR_INVALID_CLASS;
		st = abi->group_decode(params, size, &ga);
	} else if (o->cls == nvsim_gpfifo_class(gpu)) {
		if (parent->cls != NV01_DEVICE_0 &&
		    parent->cls != KEPLER_CHANNEL_GROUP_A)
			return NV_ERR_INVALID_CLASS;
		st = abi->chan_decode(params, size, &ca);
	} else {
		if (parent->cls != nvsim_gpfifo_class(gpu))
			return NV_ERR_INVALID_CLASS;
		st = abi->ce_decode(params, size, &cea);
		return st != NV_OK ? st : nvsim_alloc_ce(gpu, parent, o->cls, &cea);
	}
	if (st != NV_OK)
		return st;

	fo = kzalloc(sizeof(*fo), GFP_KERNEL);
	if (!fo)
		return NV_ERR_NO_MEMORY;
	if (o->cls == KEPLER_CHANNEL_GROUP_A)
		st = nvsim_alloc_group(gpu, parent, &ga, fo);
	else
		st = nvsim_alloc_channel(gpu, parent, o->handle, o->cls, &ca, fo,
					 &cid);
	if (st != NV_OK) {
		kfree(fo);
		return st;
	}
	if (o->cls != KEPLER_CHANNEL_GROUP_A)
		abi->chan_cid(params, cid);
	o->priv = fo;
	return NV_OK;
}

/**
 * nvsim_fifo_free() - an object of a class of this file is freed
 * @gpu: the GPU
 * @o: the object (its children are already gone)
 *
 * GSP thread. A channel stops at once; the worker may still hold a
 * reference until it notices.
 */
void nvsim_fifo_free(struct nvsim_gpu *gpu, struct nvsim_obj *o)
{
	struct nvsim_fifo_obj *fo = o->priv;
	struct nvsim_fifo *f = gpu->fifo;
	struct nvsim_chan *ch;

	if (o->cls == nvsim_ce_class(gpu) && o->parent && o->parent->priv) {
		fo = o->parent->priv;
		WRITE_ONCE(fo->chan->ce_cls, 0);
		return;
	}
	if (!fo)
		return;
	ch = fo->chan;
	if (ch) {
		spin_lock_irq(&f->lock);
		ch->dead = true;
		if (f->chans[ch->chid] == ch) {
			f->chans[ch->chid] = NULL;
			f->nr_chans--;
		}
		spin_unlock_irq(&f->lock);
		nvsim_chan_put(ch);
	}
	kfree(fo);
	o->priv = NULL;
}

/**
 * nvsim_fifo_reset() - GSP-RM lost every channel (reboot, reset)
 * @gpu: the GPU
 *
 * The tree reset frees objects without per-object hooks (and their priv
 * data with kfree()): the channels are dropped from the table here.
 */
void nvsim_fifo_reset(struct nvsim_gpu *gpu)
{
	struct nvsim_fifo *f = gpu->fifo;
	unsigned int i;

	if (!f)
		return;
	for (i = 0; i < NVSIM_MAX_CHIDS; i++) {
		struct nvsim_chan *ch;

		spin_lock_irq(&f->lock);
		ch = f->chans[i];
		f->chans[i] = NULL;
		if (ch) {
			ch->dead = true;
			f->nr_chans--;
		}
		spin_unlock_irq(&f->lock);
		if (ch)
			nvsim_chan_put(ch);
	}
}

/**
 * nvsim_chan_new_raw() - a scheduled channel without RM objects (self-test)
 * @gpu: the GPU
 * @client: client of @vas
 * @vas: VA space handle (nvsim_vas_set())
 * @engine: NV2080 copy-engine type
 * @gpfifo_va: ring VA
 * @entries: ring entries (a power of two)
 * @userd_vram: USERD in VRAM
 *
 * Takes the highest free channel ID; errors are counted, not reported.
 *
 * Return: the channel with a reference for the caller, or NULL.
 */
struct nvsim_chan *nvsim_chan_new_raw(struct nvsim_gpu *gpu, u32 client,
				      u32 vas, u32 engine, u64 gpfifo_va,
				      u32 entries, u64 userd_vram)
{
	struct nvsim_fifo *f = gpu->fifo;
	struct nvsim_chan *ch;
	int idx = nvsim_engine_index(gpu, engine), c;

	if (idx < 0 || !nvsim_is_ce(engine))
		return NULL;
	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return NULL;
	kref_init(&ch->ref);
	ch->gpu = gpu;
	ch->client = client;
	ch->vas = vas;
	ch->cls = nvsim_gpfifo_class(gpu);
	ch->engine = engine;
	ch->engine_idx = idx;
	ch->runlist = idx;
	ch->gpfifo_va = gpfifo_va;
	ch->gp_entries = entries;
	ch->userd_vid = true;
	ch->userd_pa = userd_vram;
	ch->quiet = true;
	ch->enabled = true;
	ch->ce_cls = nvsim_ce_class(gpu);
	nvsim_pb_reset(&ch->pb);
	spin_lock_irq(&f->lock);
	for (c = NVSIM_MAX_CHIDS - 1; c >= 0 && f->chans[c]; c--)
		;
	if (c >= 0) {
		ch->chid = c;
		f->chans[c] = ch;
		f->nr_chans++;
		kref_get(&ch->ref);
	}
	spin_unlock_irq(&f->lock);
	if (c < 0) {
		kfree(ch);
		return NULL;
	}
	return ch;
}

/**
 * nvsim_chan_remove() - stop a channel of nvsim_chan_new_raw() and drop it
 * @ch: the channel (the caller's reference is dropped too)
 */
void nvsim_chan_remove(struct nvsim_chan *ch)
{
	struct nvsim_fifo *f = ch->gpu->fifo;
	bool table = false;

	spin_lock_irq(&f->lock);
	ch->dead = true;
	if (f->chans[ch->chid] == ch) {
		f->chans[ch->chid] = NULL;
		f->nr_chans--;
		table = true;
	}
	spin_unlock_irq(&f->lock);
	if (table)
		nvsim_chan_put(ch);
	nvsim_chan_put(ch);
}

/* ---- controls ---- */

/**
 * nvsim_fifo_ctrl_known() - does this file serve @cmd on @o?
 * @gpu: the GPU
 * @o: the target object
 * @cmd: the control
 *
 * Return: true for the controls listed in the DOC block on their classes.
 */
bool nvsim_fifo_ctrl_known(struct nvsim_gpu *gpu, struct nvsim_obj *o, u32 cmd)
{
	u32 op = nvsim_abi_of(gpu)->fifo_ctrl_op(cmd);

	if (o->cls == KEPLER_CHANNEL_GROUP_A)
		return op == NVSIM_FIFO_OP_GROUP_SCHEDULE;
	if (o->cls == nvsim_gpfifo_class(gpu))
		return op == NVSIM_FIFO_OP_SCHEDULE || op == NVSIM_FIFO_OP_BIND ||
		       op == NVSIM_FIFO_OP_TOKEN;
	return false;
}

static void nvsim_chan_enable(struct nvsim_gpu *gpu, struct nvsim_chan *ch,
			      bool on)
{
	struct nvsim_fifo *f = gpu->fifo;

	spin_lock_irq(&f->lock);
	ch->enabled = on;
	if (on)
		nvsim_chan_kick_locked(f, ch);	/* work may already be in GP_PUT */
	spin_unlock_irq(&f->lock);
	if (on)
		queue_work(f->wq, &f->work);
}

/**
 * nvsim_fifo_ctrl() - serve a control of nvsim_fifo_ctrl_known()
 * @gpu: the GPU
 * @o: the target
 * @cmd: the control
 * @params: parameters
 * @size: their size
 *
 * Return: an NV_STATUS.
 */
u32 nvsim_fifo_ctrl(struct nvsim_gpu *gpu, struct nvsim_obj *o, u32 cmd,
		    void *params, u32 size)
{
	const struct nvsim_abi *abi = nvsim_abi_of(gpu);
	struct nvsim_fifo_obj *fo = o->priv;
	struct nvsim_fifo_ctrl c = {};
	struct nvsim_obj *child;
	u32 st;

	st = abi->fifo_ctrl_decode(cmd, params, size, &c);
	if (st != NV_OK)
		return st;
	switch (c.op) {
	case NVSIM_FIFO_OP_GROUP_SCHEDULE:
		list_for_each_entry(child, &o->children, sibling)
			if (child->priv &&
			    ((struct nvsim_fifo_obj *)child->priv)->chan)
				nvsim_chan_enable(gpu, ((struct nvsim_fifo_obj *)child->priv)->chan,
						  c.enable);
		return NV_OK;
	case NVSIM_FIFO_OP_SCHEDULE:
		nvsim_chan_enable(gpu, fo->chan, c.enable);
		return NV_OK;
	case NVSIM_FIFO_OP_BIND:
		return c.engine == fo->chan->engine ? NV_OK :
		       NV_ERR_INVALID_ARGUMENT;
	case NVSIM_FIFO_OP_TOKEN:
		c.token = fo->chan->runlist << NVSIM_DOORBELL_RUNLIST_ID__BIT_LO |
			  fo->chan->chid;
		abi->fifo_ctrl_reply(cmd, params, &c);
		return NV_OK;
	}
	return NV_ERR_NOT_SUPPORTED;
}

/* ---- doorbell ---- */

/**
 * nvsim_usermode_read() - a read of the usermode page
 * @gpu: the GPU
 * @addr: BAR0 offset
 * @val: the value
 *
 * Return: true if @addr is in the usermode page (NVC361).
 */
bool nvsim_usermode_read(struct nvsim_gpu *gpu, u32 addr, u32 *val)
{
	u64 t;

	if (addr < NVSIM_USERMODE_BASE ||
	    addr >= NVSIM_USERMODE_BASE + NVC361_NV_USERMODE__SIZE)
		return false;
	t = nvsim_ptimer_ns();
	switch (addr - NVSIM_USERMODE_BASE) {
	case NVC361_TIME_0:
		*val = lower_32_bits(t);
		break;
	case NVC361_TIME_1:
		*val = upper_32_bits(t);
		break;
	default:
		*val = 0;
	}
	return true;
}

/**
 * nvsim_usermode_write() - a write to the usermode page
 * @gpu: the GPU
 * @addr: BAR0 offset
 * @val: the value
 *
 * NOTIFY_CHANNEL_PENDING with a work-submit token marks the channel
 * pending and queues the worker. Any context.
 *
 * Return: true if @addr is in the usermode page.
 */
bool nvsim_usermode_write(struct nvsim_gpu *gpu, u32 addr, u32 val)
{
	struct nvsim_fifo *f = gpu->fifo;
	struct nvsim_chan *ch;
	unsigned long flags;
	u32 chid, rl;
	bool ok = false;

	if (addr < NVSIM_USERMODE_BASE ||
	    addr >= NVSIM_USERMODE_BASE + NVC361_NV_USERMODE__SIZE)
		return false;
	if (addr - NVSIM_USERMODE_BASE != NVC361_NOTIFY_CHANNEL_PENDING || !f)
		return true;
	chid = F(val, NVSIM_DOORBELL_VECTOR);
	rl = F(val, NVSIM_DOORBELL_RUNLIST_ID);
	spin_lock_irqsave(&f->lock, flags);
	ch = chid < NVSIM_MAX_CHIDS ? f->chans[chid] : NULL;
	if (ch && ch->runlist == rl && !ch->dead &&
	    !(val & ~(GENMASK(22, 16) | GENMASK(11, 0)))) {
		nvsim_chan_kick_locked(f, ch);
		ok = true;
	}
	spin_unlock_irqrestore(&f->lock, flags);
	nvsim_fs_add(gpu, ok ? NVSIM_FS_DOORBELLS : NVSIM_FS_DOORBELLS_BAD, 1);
	if (ok)
		queue_work(f->wq, &f->work);
	return true;
}

/* ---- debugfs "fifo": counters, channels and fault knobs ---- */

static const char *const nvsim_fs_names[NVSIM_FS_NR] = {
	[NVSIM_FS_DOORBELLS] = "doorbells",
	[NVSIM_FS_DOORBELLS_BAD] = "doorbells_ignored",
	[NVSIM_FS_GP_ENTRIES] = "gp_entries",
	[NVSIM_FS_METHODS] = "methods",
	[NVSIM_FS_SEM_RELEASES] = "sem_releases",
	[NVSIM_FS_CE_LAUNCHES] = "ce_launches",
	[NVSIM_FS_CE_BYTES] = "ce_bytes",
	[NVSIM_FS_NONSTALL] = "nonstall_intr",
	[NVSIM_FS_STALL_INTR] = "stall_intr",
	[NVSIM_FS_MMU_FAULTS] = "mmu_faults",
	[NVSIM_FS_RC] = "rc",
};

/*
 * "abicheck": offer nvsim_fifo_alloc() (the RM_ALLOC path of the GPU's
 * GPFIFO class) a zeroed NV_CHANNEL_ALLOC_PARAMS of every version nvsim
 * plays, under a device. The running version's size must get past the size
 * check (and fail later: NV_ERR_INVALID_STATE, no VA space named); any
 * other version's size must be NV_ERR_INVALID_PARAM_STRUCT. Touches no RM
 * object: the parent and the object are on the stack.
 */
static void nvsim_fifo_abicheck(struct nvsim_gpu *gpu, char *res, size_t len)
{
	static const struct nvsim_abi *const abis[] = {
		&nvsim_abi_r535, &nvsim_abi_r570,
	};
	const struct nvsim_abi *own = nvsim_abi_of(gpu);
	struct nvsim_obj dev = { .cls = NV01_DEVICE_0 };
	size_t n = 0;
	unsigned int i;
	bool ok = true;

	n += scnprintf(res + n, len - n, "abicheck %s:", own->version);
	for (i = 0; i < ARRAY_SIZE(abis); i++) {
		struct nvsim_obj o = { .cls = nvsim_gpfifo_class(gpu) };
		u32 size = abis[i]->chan_alloc_size, st, want;
		void *buf = kzalloc(size, GFP_KERNEL);

		if (!buf) {
			ok = false;
			break;
		}
		INIT_LIST_HEAD(&dev.children);
		INIT_LIST_HEAD(&o.children);
		o.parent = &dev;
		st = nvsim_fifo_alloc(gpu, &dev, &o, buf, size);
		kfree(o.priv);
		kfree(buf);
		want = size == own->chan_alloc_size ? NV_ERR_INVALID_STATE :
		       NV_ERR_INVALID_PARAM_STRUCT;
		ok &= st == want;
		n += scnprintf(res + n, len - n, " %s %#x -> %#x%s",
			       abis[i]->version, size, st,
			       st == want ? "" : " (wrong)");
	}
	scnprintf(res + n, len - n, ok ? " ok" : " FAIL");
}

static ssize_t nvsim_fifo_dbg_read(struct file *file, char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct nvsim_gpu *gpu = file->private_data;
	struct nvsim_fifo *f = gpu->fifo;
	size_t size = 16384, len = 0;
	unsigned int i, shown = 0;
	ssize_t ret;
	char *buf;

	buf = kvzalloc(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (i = 0; i < NVSIM_FS_NR; i++)
		len += scnprintf(buf + len, size - len, "%s %lld\n",
				 nvsim_fs_names[i], atomic64_read(&f->stats[i]));
	mutex_lock(&f->test_lock);
	if (f->test_result[0])
		len += scnprintf(buf + len, size - len, "selftest %s\n",
				 f->test_result);
	mutex_unlock(&f->test_lock);
	spin_lock_irq(&f->lock);
	len += scnprintf(buf + len, size - len,
			 "channels %u\nce_delay_us %u\nce_jitter_us %u\n",
			 f->nr_chans, f->ce_delay_us, f->ce_jitter_us);
	for (i = 0; i < NVSIM_MAX_CHIDS && shown < 64; i++) {
		struct nvsim_chan *ch = f->chans[i];

		if (!ch)
			continue;
		shown++;
		len += scnprintf(buf + len, size - len,
				 "chan %u client %#x handle %#x engine %#x runlist %u%s%s%s\n",
				 ch->chid, ch->client, ch->handle, ch->engine,
				 ch->runlist, ch->enabled ? " enabled" : "",
				 ch->dead ? " dead" : "",
				 test_bit(i, f->stalled) ? " stalled" : "");
	}
	spin_unlock_irq(&f->lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, buf, len);
	kvfree(buf);
	return ret;
}

static ssize_t nvsim_fifo_dbg_write(struct file *file, const char __user *ubuf,
				    size_t count, loff_t *ppos)
{
	struct nvsim_gpu *gpu = file->private_data;
	struct nvsim_fifo *f = gpu->fifo;
	char cmd[64], word[16], extra;
	u32 v;

	if (!count || count >= sizeof(cmd))
		return -EINVAL;
	if (copy_from_user(cmd, ubuf, count))
		return -EFAULT;
	cmd[count] = 0;
	if (sscanf(cmd, "%15s %u %c", word, &v, &extra) != 2)
		return -EINVAL;
	if (!strcmp(word, "selftest")) {
		mutex_lock(&f->test_lock);
		nvsim_fifo_selftest(gpu, f->test_result, sizeof(f->test_result));
		mutex_unlock(&f->test_lock);
		return count;
	}
	if (!strcmp(word, "abicheck")) {
		mutex_lock(&f->test_lock);
		nvsim_fifo_abicheck(gpu, f->test_result, sizeof(f->test_result));
		mutex_unlock(&f->test_lock);
		return count;
	}
	spin_lock_irq(&f->lock);
	if (!strcmp(word, "stall") && v < NVSIM_MAX_CHIDS) {
		set_bit(v, f->stalled);
	} else if (!strcmp(word, "unstall") && v < NVSIM_MAX_CHIDS) {
		clear_bit(v, f->stalled);
		if (f->chans[v])
			nvsim_chan_kick_locked(f, f->chans[v]);
	} else if (!strcmp(word, "ce_delay_us") && v <= 1000000) {
		f->ce_delay_us = v;
	} else if (!strcmp(word, "ce_jitter_us") && v <= 1000000) {
		f->ce_jitter_us = v;
	} else {
		spin_unlock_irq(&f->lock);
		return -EINVAL;
	}
	spin_unlock_irq(&f->lock);
	queue_work(f->wq, &f->work);
	return count;
}

static const struct file_operations nvsim_fifo_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = nvsim_fifo_dbg_read,
	.write = nvsim_fifo_dbg_write,
	.llseek = default_llseek,
};

/**
 * nvsim_fifo_debugfs() - create gpu<N>/fifo
 * @gpu: the GPU (its debugfs directory exists)
 */
void nvsim_fifo_debugfs(struct nvsim_gpu *gpu)
{
	if (gpu->fifo)
		debugfs_create_file("fifo", 0600, gpu->dbg, gpu, &nvsim_fifo_fops);
}

/**
 * nvsim_fifo_init() - set up the channel table and the worker
 * @gpu: the GPU
 *
 * Return: 0 or -ENOMEM.
 */
int nvsim_fifo_init(struct nvsim_gpu *gpu)
{
	struct nvsim_fifo *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->gpu = gpu;
	spin_lock_init(&f->lock);
	mutex_init(&f->test_lock);
	INIT_LIST_HEAD(&f->pend);
	INIT_LIST_HEAD(&f->blocked);
	f->chans = kvcalloc(NVSIM_MAX_CHIDS, sizeof(*f->chans), GFP_KERNEL);
	f->stalled = bitmap_zalloc(NVSIM_MAX_CHIDS, GFP_KERNEL);
	f->wq = alloc_ordered_workqueue("nvsim%u_fifo", 0, gpu->index);
	if (!f->chans || !f->stalled || !f->wq)
		goto err;
	INIT_WORK(&f->work, nvsim_fifo_work);
	INIT_DELAYED_WORK(&f->retry, nvsim_fifo_retry);
	gpu->fifo = f;
	return 0;
err:
	if (f->wq)
		destroy_workqueue(f->wq);
	bitmap_free(f->stalled);
	kvfree(f->chans);
	kfree(f);
	return -ENOMEM;
}

/**
 * nvsim_fifo_fini() - stop the worker and drop every channel
 * @gpu: the GPU (GSP-RM stopped: nothing allocates any more)
 */
void nvsim_fifo_fini(struct nvsim_gpu *gpu)
{
	struct nvsim_fifo *f = gpu->fifo;

	if (!f)
		return;
	nvsim_fifo_reset(gpu);
	cancel_delayed_work_sync(&f->retry);
	cancel_work_sync(&f->work);
	destroy_workqueue(f->wq);
	nvsim_fifo_drain(f);
	bitmap_free(f->stalled);
	kvfree(f->chans);
	kfree(f);
	gpu->fifo = NULL;
}
