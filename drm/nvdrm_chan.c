// SPDX-License-Identifier: GPL-2.0
/*
 * nvdrm: channels on a copy engine, EXEC through drm_sched, job fences.
 *
 * DOC: nvdrm channels and jobs
 *
 * A channel is an nvcore channel (include/nvcore/channel.h) in one of the
 * file's VMs, plus 16 KiB of kernel memory (system memory, DMA-coherent)
 * mapped into that VM below %NVDRM_VA_START, where no user mapping can
 * go, at slot k of the VM (0x10000 + k * 0x4000):
 *
 * ======= ================================================================
 * offset  content
 * ======= ================================================================
 * 0x0000  the GPFIFO ring, 512 entries
 * 0x1000  the fence semaphore (32-bit, released by the host)
 * 0x1100  the init segment: SET_OBJECT of the CE class on subchannel 4
 * 0x2000  fence segments, 32 bytes each (128): semaphore release of the
 *         job's seqno with WFI, then NON_STALL_INTERRUPT
 * 0x3000  kernel copy segments, 128 bytes each (32), for kernel jobs
 * ======= ================================================================
 *
 * A job is one GP entry per push buffer plus its fence segment. At most
 * %NVDRM_HW_JOBS jobs are on the GPU at once (drm_sched's credit limit),
 * so ring entries and segments are reused only after their job finished.
 *
 * Fences: the hardware fence of a job signals in the non-stall interrupt
 * of the channel's copy engine, which nvcore delivers in hard-IRQ context:
 * the handler reads the semaphore (plain memory) and signals every pending
 * fence at or below it, under the channel's fence lock. No worker runs on
 * that path.
 *
 * Errors: an RC or MMU fault naming the channel's ID, a job timeout
 * (drm_sched's timeout handler: scheduling of the channel is disabled,
 * the "reset") and a GPU loss kill the channel: every pending fence, and
 * the scheduler fence of its job, gets the error (-EIO, -ETIMEDOUT,
 * -ENODEV) and signals; jobs not yet run complete with it at once, and
 * EXEC fails until the channel is destroyed.
 *
 * Locking: &nvdrm_file.lock protects the file's channel table and the VMs'
 * channel counts; &nvdrm_device.chan_lock the device's channel list (an
 * RCU list for the interrupt path); &nvdrm_chan.fence_lock the pending
 * fences and the fences' state; ring writes happen only in the
 * scheduler's run_job (one at a time per channel).
 */
#include <linux/dma-fence.h>
#include <linux/dma-mapping.h>
#include <linux/rculist.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include <drm/drm_syncobj.h>
#include <drm/gpu_scheduler.h>

#include <nvcore/channel.h>
#include <nvcore/pushbuf.h>

#include <uapi/drm/nvdrm_drm.h>

#include "nvdrm.h"

#define NVDRM_CHAN_KMEM		SZ_16K
#define NVDRM_CHAN_VA_BASE	0x10000ULL
#define NVDRM_CHAN_PER_VM	((NVDRM_VA_START - NVDRM_CHAN_VA_BASE) / NVDRM_CHAN_KMEM)
#define NVDRM_GP_ENTRIES	512
#define NVDRM_SEM_OFF		0x1000
#define NVDRM_INIT_OFF		0x1100
#define NVDRM_FENCE_OFF		0x2000
#define NVDRM_FENCE_SEG		32
#define NVDRM_FENCE_SEGS	128
#define NVDRM_KPUSH_OFF		0x3000
#define NVDRM_KPUSH_SEG		128
#define NVDRM_KPUSH_SEGS	32
#define NVDRM_HW_JOBS		8
#define NVDRM_CHAN_MAX		64

static_assert(NVDRM_CHAN_PER_VM == 60);

static_assert(NVDRM_HW_JOBS * (NVDRM_EXEC_MAX_PUSH + 1) <= NVDRM_GP_ENTRIES);

static unsigned int job_timeout_ms = 10000;
module_param(job_timeout_ms, uint, 0444);
MODULE_PARM_DESC(job_timeout_ms, "Job timeout in ms; a job running longer resets its channel (default 10000)");

/**
 * struct nvdrm_fence - hardware fence of a job
 * @base: the fence (lock: &nvdrm_chan.fence_lock)
 * @link: entry in &nvdrm_chan.pending
 * @finished: the scheduler's finished fence of the job (a reference), to
 *	carry the error (6.1's scheduler does not copy it)
 */
struct nvdrm_fence {
	struct dma_fence base;
	struct list_head link;
	struct dma_fence *finished;
};

/**
 * struct nvdrm_job - one submission
 * @base: the scheduler job
 * @chan: its channel (a reference)
 * @npush: push buffers in @push
 * @push: GPU VA and length in words of each
 * @out_sync: syncobj to receive the fence (a reference) or NULL
 * @out_point: its timeline point (0: binary)
 * @chain: preallocated timeline node for @out_point
 */
struct nvdrm_job {
	struct drm_sched_job base;
	struct nvdrm_chan *chan;
	unsigned int npush;
	struct {
		u64 va;
		u32 dwords;
	} push[NVDRM_EXEC_MAX_PUSH];
	struct drm_syncobj *out_sync;
	u64 out_point;
	struct dma_fence_chain *chain;
};

static struct nvdrm_chan *to_chan(struct drm_gpu_scheduler *s)
{
	return container_of(s, struct nvdrm_chan, sched);
}

static const char *nvdrm_fence_driver(struct dma_fence *f)
{
	return "nvdrm";
}

static const char *nvdrm_fence_timeline(struct dma_fence *f)
{
	return "channel";
}

static void nvdrm_fence_release(struct dma_fence *f)
{
	struct nvdrm_fence *nf = container_of(f, struct nvdrm_fence, base);

	dma_fence_put(nf->finished);
	dma_fence_free(f);
}

static const struct dma_fence_ops nvdrm_fence_ops = {
	.get_driver_name = nvdrm_fence_driver,
	.get_timeline_name = nvdrm_fence_timeline,
	.release = nvdrm_fence_release,
};

static void nvdrm_chan_get(struct nvdrm_chan *c)
{
	kref_get(&c->ref);
}

static void nvdrm_chan_free(struct kref *ref);

static void nvdrm_chan_put(struct nvdrm_chan *c)
{
	kref_put(&c->ref, nvdrm_chan_free);
}

/* Signal fences up to the semaphore. Holds fence_lock. */
static void nvdrm_chan_signal_locked(struct nvdrm_chan *c)
{
	u32 done = READ_ONCE(*(u32 *)(c->kmem + NVDRM_SEM_OFF));
	struct nvdrm_fence *f, *tmp;

	list_for_each_entry_safe(f, tmp, &c->pending, link) {
		if ((s32)(done - (u32)f->base.seqno) < 0)
			break;
		list_del_init(&f->link);
		dma_fence_signal_locked(&f->base);
		dma_fence_put(&f->base);
	}
}

/* Kill @c: every pending fence signals with @err. Any context. */
static void nvdrm_chan_kill_fences(struct nvdrm_chan *c, int err)
{
	struct nvdrm_fence *f, *tmp;
	unsigned long flags;

	spin_lock_irqsave(&c->fence_lock, flags);
	if (!c->dead)
		c->dead = err;
	/* What finished before the error keeps its success. */
	nvdrm_chan_signal_locked(c);
	list_for_each_entry_safe(f, tmp, &c->pending, link) {
		list_del_init(&f->link);
		if (f->finished && !dma_fence_is_signaled(f->finished))
			dma_fence_set_error(f->finished, err);
		dma_fence_set_error(&f->base, err);
		dma_fence_signal_locked(&f->base);
		dma_fence_put(&f->base);
	}
	spin_unlock_irqrestore(&c->fence_lock, flags);
}

/**
 * nvdrm_chan_event() - nvcore event handler of the device's partition
 * @sub: the subscription
 * @ev: the event
 *
 * Non-stall: hard IRQ, fences of every channel on the engine. RC and MMU
 * faults: process context, the channel named dies.
 */
void nvdrm_chan_event(struct nvc_event_sub *sub, const struct nvc_event *ev)
{
	struct nvc_client *client = nvc_partition_client(nvc_event_sub_partition(sub));
	struct nvdrm_device *ndev = nvc_client_get_drvdata(client);
	struct nvdrm_chan *c;
	unsigned long flags;

	if (!ndev)
		return;
	rcu_read_lock();
	list_for_each_entry_rcu(c, &ndev->chans, dev_link) {
		if (ev->kind == NVC_EVENT_NONSTALL) {
			if (c->engine_idx != ev->engine)
				continue;
			spin_lock_irqsave(&c->fence_lock, flags);
			nvdrm_chan_signal_locked(c);
			spin_unlock_irqrestore(&c->fence_lock, flags);
		} else if (c->chid == ev->chid) {
			drm_dbg(ndev->drm, "nvdrm: channel %u: Xid %u\n",
				ev->chid, ev->xid);
			atomic64_inc(&ndev->rc_events);
			nvdrm_chan_kill_fences(c, -EIO);
		}
	}
	rcu_read_unlock();
}

/* Write @n dwords into the kernel memory at @off. */
static void nvdrm_kwrite(struct nvdrm_chan *c, u32 off, const u32 *d, unsigned int n)
{
	memcpy(c->kmem + off, d, n * 4);
}

static void nvdrm_gp_push(struct nvdrm_chan *c, u64 va, u32 dwords)
{
	u32 e[2];

	nvc_gp_entry(va, dwords, e);
	nvdrm_kwrite(c, (c->gp_put % NVDRM_GP_ENTRIES) * 8, e, 2);
	c->gp_put = (c->gp_put + 1) % NVDRM_GP_ENTRIES;
}

static struct dma_fence *nvdrm_run_job(struct drm_sched_job *sj)
{
	struct nvdrm_job *job = container_of(sj, struct nvdrm_job, base);
	struct nvdrm_chan *c = job->chan;
	u64 sem = c->kva + NVDRM_SEM_OFF;
	struct nvdrm_fence *f;
	unsigned long flags;
	unsigned int i;
	u32 seg[8], seqno, off;
	int ret;

	if (READ_ONCE(c->dead))
		return ERR_PTR(READ_ONCE(c->dead));
	f = kzalloc(sizeof(*f), GFP_NOWAIT);
	if (!f)
		return ERR_PTR(-ENOMEM);
	seqno = ++c->seqno;
	dma_fence_init(&f->base, &nvdrm_fence_ops, &c->fence_lock, c->fence_ctx,
		       seqno);
	INIT_LIST_HEAD(&f->link);
	f->finished = dma_fence_get(&sj->s_fence->finished);

	for (i = 0; i < job->npush; i++)
		nvdrm_gp_push(c, job->push[i].va, job->push[i].dwords);
	off = NVDRM_FENCE_OFF + (seqno % NVDRM_FENCE_SEGS) * NVDRM_FENCE_SEG;
	seg[0] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, 0, NVC_HOST_SEM_ADDR_LO, 5);
	seg[1] = lower_32_bits(sem);
	seg[2] = upper_32_bits(sem) & 0xff;
	seg[3] = seqno;
	seg[4] = 0;
	seg[5] = NVC_HOST_SEM_EXECUTE_RELEASE | NVC_HOST_SEM_EXECUTE_RELEASE_WFI;
	seg[6] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, 0, NVC_HOST_NON_STALL_INTERRUPT, 1);
	seg[7] = 0;
	nvdrm_kwrite(c, off, seg, 8);
	nvdrm_gp_push(c, c->kva + off, 8);

	spin_lock_irqsave(&c->fence_lock, flags);
	dma_fence_get(&f->base);
	list_add_tail(&f->link, &c->pending);
	spin_unlock_irqrestore(&c->fence_lock, flags);

	wmb();	/* ring and segments before GP_PUT */
	mutex_lock(&c->hw_lock);
	ret = c->ch ? nvc_channel_kick(c->ch, c->gp_put) : -ENODEV;
	mutex_unlock(&c->hw_lock);
	if (ret)
		nvdrm_chan_kill_fences(c, ret == -ENODEV ? -ENODEV : -EIO);
	atomic64_inc(&c->ndev->jobs);
	return &f->base;
}

static enum drm_gpu_sched_stat nvdrm_timedout_job(struct drm_sched_job *sj)
{
	struct nvdrm_chan *c = to_chan(sj->sched);
	struct drm_sched_job *j;

	drm_sched_stop(&c->sched, sj);
	/* The reset: off the runlist; its work will not complete. */
	mutex_lock(&c->hw_lock);
	if (!READ_ONCE(c->dead) && c->ch)
		nvc_channel_schedule(c->ch, false);
	mutex_unlock(&c->hw_lock);
	list_for_each_entry(j, &c->sched.pending_list, list)
		if (!dma_fence_is_signaled(&j->s_fence->finished))
			dma_fence_set_error(&j->s_fence->finished, -ETIMEDOUT);
	nvdrm_chan_kill_fences(c, -ETIMEDOUT);
	atomic64_inc(&c->ndev->timeouts);
	drm_sched_start(&c->sched, true);
	return DRM_GPU_SCHED_STAT_NOMINAL;
}

static void nvdrm_free_job(struct drm_sched_job *sj)
{
	struct nvdrm_job *job = container_of(sj, struct nvdrm_job, base);

	drm_sched_job_cleanup(sj);
	nvdrm_chan_put(job->chan);
	kfree(job);
}

static const struct drm_sched_backend_ops nvdrm_sched_ops = {
	.run_job = nvdrm_run_job,
	.timedout_job = nvdrm_timedout_job,
	.free_job = nvdrm_free_job,
};

/* Map the channel's kernel memory into its VM and write the init segment. */
static int nvdrm_chan_kmem_init(struct nvdrm_chan *c)
{
	u32 init[2];

	init[0] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_HOST_SET_OBJECT, 1);
	init[1] = nvc_channel_ce_class(c->ch);
	nvdrm_kwrite(c, NVDRM_INIT_OFF, init, 2);
	nvdrm_gp_push(c, c->kva + NVDRM_INIT_OFF, 2);
	wmb();	/* segment and GP entry before GP_PUT */
	return nvc_channel_kick(c->ch, c->gp_put);
}

/* Copy-engine index (among COPY engines) -> index in the engine list. */
static int nvdrm_ce_engine(struct nvdrm_device *ndev, u32 ce)
{
	unsigned int i, n = 0;

	for (i = 0; i < ndev->info.nr_engines; i++) {
		if (ndev->info.engines[i].kind != NVC_ENGINE_COPY)
			continue;
		if (n++ == ce)
			return i;
	}
	return -EINVAL;
}

/**
 * nvdrm_chan_create() - a channel in a VM
 * @ndev: the device
 * @vm: the VM (its owner keeps it alive while the channel lives)
 * @ce: copy engine (index among the copy engines)
 * @kernel: a kernel channel (privileged)
 *
 * Return: the channel or an ERR_PTR.
 */
struct nvdrm_chan *nvdrm_chan_create(struct nvdrm_device *ndev,
				     struct nvdrm_vm *vm, u32 ce, bool kernel)
{
	struct drm_sched_init_args sargs = {
		.ops = &nvdrm_sched_ops,
		.credit_limit = NVDRM_HW_JOBS,
		.hang_limit = 0,
		.timeout = msecs_to_jiffies(job_timeout_ms ?: 1),
		.name = "nvdrm-ce",
		.dev = ndev->drm->dev,
	};
	struct drm_gpu_scheduler *sl[1];
	struct nvc_channel_args a = {};
	struct nvdrm_chan *c;
	int eng, slot, ret;

	eng = nvdrm_ce_engine(ndev, ce);
	if (eng < 0)
		return ERR_PTR(-EINVAL);
	slot = find_first_zero_bit(vm->chan_slots, NVDRM_CHAN_PER_VM);
	if (slot >= NVDRM_CHAN_PER_VM)
		return ERR_PTR(-ENOSPC);
	if (!vm->vas)
		return ERR_PTR(-ENODEV);
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return ERR_PTR(-ENOMEM);
	kref_init(&c->ref);
	c->ndev = ndev;
	c->vm = vm;
	c->slot = slot;
	c->engine_idx = eng;
	c->kva = NVDRM_CHAN_VA_BASE + (u64)slot * NVDRM_CHAN_KMEM;
	spin_lock_init(&c->fence_lock);
	INIT_LIST_HEAD(&c->pending);
	INIT_LIST_HEAD(&c->dev_link);
	mutex_init(&c->hw_lock);
	c->fence_ctx = dma_fence_context_alloc(1);
	c->dma_dev = get_device(nvc_client_dma_device(ndev->client));
	c->kmem = dma_alloc_coherent(c->dma_dev, NVDRM_CHAN_KMEM, &c->kdma,
				     GFP_KERNEL);
	ret = -ENOMEM;
	if (!c->kmem)
		goto err_free;
	ret = nvdrm_vm_map_kernel(vm, c->kva, c->kdma, NVDRM_CHAN_KMEM);
	if (ret)
		goto err_dma;

	a.vas = vm->vas;
	a.engine = eng;
	a.gpfifo_va = c->kva;
	a.gpfifo_entries = NVDRM_GP_ENTRIES;
	a.flags = kernel ? NVC_CHANNEL_KERNEL : 0;
	c->ch = nvc_channel_create(ndev->part, &a);
	if (IS_ERR(c->ch)) {
		ret = PTR_ERR(c->ch);
		goto err_unmap;
	}
	c->chid = nvc_channel_id(c->ch);
	ret = nvdrm_chan_kmem_init(c);
	if (ret)
		goto err_chan;
	ret = drm_sched_init(&c->sched, &sargs);
	if (ret)
		goto err_chan;
	sl[0] = &c->sched;
	ret = drm_sched_entity_init(&c->entity, DRM_SCHED_PRIORITY_NORMAL, sl, 1,
				    NULL);
	if (ret)
		goto err_sched;
	set_bit(slot, vm->chan_slots);
	mutex_lock(&ndev->chan_lock);
	list_add_tail_rcu(&c->dev_link, &ndev->chans);
	mutex_unlock(&ndev->chan_lock);
	return c;

err_sched:
	drm_sched_fini(&c->sched);
err_chan:
	nvc_channel_destroy(c->ch);
err_unmap:
	nvdrm_vm_map_kernel(vm, c->kva, 0, NVDRM_CHAN_KMEM);
err_dma:
	dma_free_coherent(c->dma_dev, NVDRM_CHAN_KMEM, c->kmem, c->kdma);
err_free:
	put_device(c->dma_dev);
	kfree(c);
	return ERR_PTR(ret);
}

/* Last reference: the scheduler is gone, nothing is pending. */
static void nvdrm_chan_free(struct kref *ref)
{
	struct nvdrm_chan *c = container_of(ref, struct nvdrm_chan, ref);

	dma_free_coherent(c->dma_dev, NVDRM_CHAN_KMEM, c->kmem, c->kdma);
	put_device(c->dma_dev);
	kfree(c);
}

/* Take the nvcore channel away: pending fences get @err. */
static void nvdrm_chan_hw_release(struct nvdrm_chan *c, int err)
{
	mutex_lock(&c->hw_lock);
	if (c->ch)
		nvc_channel_schedule(c->ch, false);
	nvdrm_chan_kill_fences(c, err);
	if (c->ch)
		nvc_channel_destroy(c->ch);
	c->ch = NULL;
	mutex_unlock(&c->hw_lock);
}

/**
 * nvdrm_chan_destroy() - wait for a channel's jobs (bounded) and free it
 * @c: the channel, out of every table
 */
void nvdrm_chan_destroy(struct nvdrm_chan *c)
{
	struct nvdrm_device *ndev = c->ndev;

	drm_sched_entity_destroy(&c->entity);
	mutex_lock(&ndev->chan_lock);
	list_del_rcu(&c->dev_link);
	mutex_unlock(&ndev->chan_lock);
	synchronize_rcu();
	/* Off the GPU: whatever is still pending will not complete. */
	nvdrm_chan_hw_release(c, -ECANCELED);
	drm_sched_fini(&c->sched);
	nvdrm_vm_map_kernel(c->vm, c->kva, 0, NVDRM_CHAN_KMEM);
	clear_bit(c->slot, c->vm->chan_slots);
	nvdrm_chan_put(c);
}

/**
 * nvdrm_chan_unplug() - the device goes: every channel leaves the GPU
 * @ndev: the device, unplugged (no ioctl runs)
 *
 * Channels of files still open keep their software state until closed.
 */
void nvdrm_chan_unplug(struct nvdrm_device *ndev)
{
	struct nvdrm_chan *c;

	mutex_lock(&ndev->kchan_lock);
	ndev->kchan_dead = true;
	nvdrm_kchan_fini(ndev);
	mutex_unlock(&ndev->kchan_lock);
	mutex_lock(&ndev->chan_lock);
	list_for_each_entry(c, &ndev->chans, dev_link)
		nvdrm_chan_hw_release(c, -ENODEV);
	mutex_unlock(&ndev->chan_lock);
}

/**
 * nvdrm_chan_lost_all() - the GPU was lost or reset: every channel dies
 * @ndev: the device
 */
void nvdrm_chan_lost_all(struct nvdrm_device *ndev)
{
	struct nvdrm_chan *c;

	rcu_read_lock();
	list_for_each_entry_rcu(c, &ndev->chans, dev_link)
		nvdrm_chan_kill_fences(c, -ENODEV);
	rcu_read_unlock();
}

/* Job for @c with @npush pushes; the caller fills and arms it. */
static struct nvdrm_job *nvdrm_job_new(struct nvdrm_chan *c, void *owner)
{
	struct nvdrm_job *job;
	int ret;

	job = kzalloc(sizeof(*job), GFP_KERNEL);
	if (!job)
		return ERR_PTR(-ENOMEM);
	ret = drm_sched_job_init(&job->base, &c->entity, owner);
	if (ret) {
		kfree(job);
		return ERR_PTR(ret);
	}
	nvdrm_chan_get(c);
	job->chan = c;
	return job;
}

static void nvdrm_job_abort(struct nvdrm_job *job)
{
	drm_sched_job_cleanup(&job->base);
	nvdrm_chan_put(job->chan);
	if (job->out_sync)
		drm_syncobj_put(job->out_sync);
	kfree(job->chain);
	kfree(job);
}

/* Arm and push; returns the job's finished fence (a reference). */
static struct dma_fence *nvdrm_job_submit(struct nvdrm_job *job)
{
	struct dma_fence *done;

	drm_sched_job_arm(&job->base);
	done = dma_fence_get(&job->base.s_fence->finished);
	if (job->out_sync) {
		if (job->chain)
			drm_syncobj_add_point(job->out_sync, job->chain, done,
					      job->out_point);
		else
			drm_syncobj_replace_fence(job->out_sync, done);
		drm_syncobj_put(job->out_sync);
		job->out_sync = NULL;
		job->chain = NULL;
	}
	drm_sched_entity_push_job(&job->base);
	return done;
}

static int nvdrm_sync_check(const struct drm_nvdrm_sync *s)
{
	return s->flags ? -EINVAL : 0;
}

/**
 * nvdrm_ioctl_exec() - DRM_IOCTL_NVDRM_EXEC
 * @drm: device
 * @data: &struct drm_nvdrm_exec
 * @file: caller
 *
 * Return: 0 or a negative errno (see &struct drm_nvdrm_exec).
 */
int nvdrm_ioctl_exec(struct drm_device *drm, void *data, struct drm_file *file)
{
	struct nvdrm_file *nf = file->driver_priv;
	struct drm_nvdrm_exec *a = data;
	struct drm_nvdrm_push push[NVDRM_EXEC_MAX_PUSH];
	struct drm_nvdrm_sync *in = NULL;
	struct dma_fence *fence;
	struct nvdrm_job *job;
	struct nvdrm_chan *c;
	unsigned int i;
	int ret;

	if (a->flags || !a->push_count || a->push_count > NVDRM_EXEC_MAX_PUSH ||
	    a->in_sync_count > NVDRM_EXEC_MAX_SYNCS || !a->push_ptr ||
	    (a->in_sync_count && !a->in_sync_ptr) ||
	    (!a->in_sync_count && a->in_sync_ptr) ||
	    nvdrm_sync_check(&a->out_sync) ||
	    (!a->out_sync.handle && a->out_sync.point))
		return -EINVAL;
	if (copy_from_user(push, u64_to_user_ptr(a->push_ptr),
			   a->push_count * sizeof(push[0])))
		return -EFAULT;
	for (i = 0; i < a->push_count; i++) {
		const struct drm_nvdrm_push *p = &push[i];

		if (p->flags || !p->length || p->length % 4 ||
		    p->length > NVDRM_PUSH_MAX_BYTES || p->va % 4 ||
		    p->va < NVDRM_VA_START || p->va >= NVDRM_VA_END ||
		    p->length > NVDRM_VA_END - p->va)
			return -EINVAL;
	}
	if (a->in_sync_count) {
		in = kvmalloc_array(a->in_sync_count, sizeof(*in), GFP_KERNEL);
		if (!in)
			return -ENOMEM;
		ret = -EFAULT;
		if (copy_from_user(in, u64_to_user_ptr(a->in_sync_ptr),
				   a->in_sync_count * sizeof(*in)))
			goto out_in;
		ret = -EINVAL;
		for (i = 0; i < a->in_sync_count; i++)
			if (nvdrm_sync_check(&in[i]) || !in[i].handle)
				goto out_in;
	}

	mutex_lock(&nf->lock);
	c = a->channel_id ? xa_load(&nf->chans, a->channel_id) : NULL;
	if (c)
		nvdrm_chan_get(c);
	mutex_unlock(&nf->lock);
	ret = -ENOENT;
	if (!c)
		goto out_in;
	ret = READ_ONCE(c->dead);
	if (ret) {
		ret = ret == -ENODEV ? -ENODEV : -EIO;
		goto out_chan;
	}

	job = nvdrm_job_new(c, file);
	if (IS_ERR(job)) {
		ret = PTR_ERR(job);
		goto out_chan;
	}
	job->npush = a->push_count;
	for (i = 0; i < a->push_count; i++) {
		job->push[i].va = push[i].va;
		job->push[i].dwords = push[i].length / 4;
	}
	for (i = 0; i < a->in_sync_count; i++) {
		ret = drm_syncobj_find_fence(file, in[i].handle, in[i].point, 0,
					     &fence);
		if (ret)
			goto out_job;
		ret = drm_sched_job_add_dependency(&job->base, fence);
		if (ret)
			goto out_job;
	}
	if (a->out_sync.handle) {
		ret = -ENOENT;
		job->out_sync = drm_syncobj_find(file, a->out_sync.handle);
		if (!job->out_sync)
			goto out_job;
		job->out_point = a->out_sync.point;
		if (job->out_point) {
			ret = -ENOMEM;
			job->chain = dma_fence_chain_alloc();
			if (!job->chain)
				goto out_job;
		}
	}
	fence = nvdrm_job_submit(job);
	dma_fence_put(fence);
	ret = 0;
	goto out_chan;

out_job:
	nvdrm_job_abort(job);
out_chan:
	nvdrm_chan_put(c);
out_in:
	kvfree(in);
	return ret;
}

/**
 * nvdrm_ioctl_channel_create() - DRM_IOCTL_NVDRM_CHANNEL_CREATE
 * @drm: device
 * @data: &struct drm_nvdrm_channel_create
 * @file: caller
 *
 * Return: 0 or a negative errno (see &struct drm_nvdrm_channel_create).
 */
int nvdrm_ioctl_channel_create(struct drm_device *drm, void *data,
			       struct drm_file *file)
{
	struct nvdrm_device *ndev = nvdrm_dev(drm);
	struct nvdrm_file *nf = file->driver_priv;
	struct drm_nvdrm_channel_create *a = data;
	struct nvdrm_chan *c;
	struct nvdrm_vm *vm;
	u32 id;
	int ret;

	if (a->flags || a->pad || a->channel_id || a->ce_class ||
	    a->engine >= ndev->info.nr_copy_engines)
		return -EINVAL;
	mutex_lock(&nf->lock);
	vm = a->vm_id ? xa_load(&nf->vms, a->vm_id) : NULL;
	if (!vm) {
		ret = -ENOENT;
		goto out;
	}
	c = nvdrm_chan_create(ndev, vm, a->engine, false);
	if (IS_ERR(c)) {
		ret = PTR_ERR(c);
		if (ret != -ENOSPC && ret != -ENOMEM && ret != -ENODEV &&
		    ret != -EINVAL)
			drm_dbg(drm, "nvdrm: channel create: %d\n", ret);
		goto out;
	}
	ret = xa_alloc(&nf->chans, &id, c, XA_LIMIT(1, NVDRM_CHAN_MAX), GFP_KERNEL);
	if (ret) {
		nvdrm_chan_destroy(c);
		ret = ret == -EBUSY ? -ENOSPC : ret;
		goto out;
	}
	vm->nchans++;
	a->channel_id = id;
	a->ce_class = nvc_channel_ce_class(c->ch);
out:
	mutex_unlock(&nf->lock);
	return ret;
}

/**
 * nvdrm_ioctl_channel_destroy() - DRM_IOCTL_NVDRM_CHANNEL_DESTROY
 * @drm: device
 * @data: &struct drm_nvdrm_channel_destroy
 * @file: caller
 *
 * Return: 0, -EINVAL or -ENOENT.
 */
int nvdrm_ioctl_channel_destroy(struct drm_device *drm, void *data,
				struct drm_file *file)
{
	struct nvdrm_file *nf = file->driver_priv;
	struct drm_nvdrm_channel_destroy *a = data;
	struct nvdrm_chan *c;

	if (a->pad)
		return -EINVAL;
	mutex_lock(&nf->lock);
	c = a->channel_id ? xa_erase(&nf->chans, a->channel_id) : NULL;
	if (c) {
		c->vm->nchans--;
		nvdrm_chan_destroy(c);
	}
	mutex_unlock(&nf->lock);
	return c ? 0 : -ENOENT;
}

/**
 * nvdrm_chan_file_fini() - destroy a closing file's channels
 * @nf: the file's state (before its VMs go)
 */
void nvdrm_chan_file_fini(struct nvdrm_file *nf)
{
	struct nvdrm_chan *c;
	unsigned long id;

	mutex_lock(&nf->lock);
	xa_for_each(&nf->chans, id, c) {
		xa_erase(&nf->chans, id);
		c->vm->nchans--;
		nvdrm_chan_destroy(c);
	}
	mutex_unlock(&nf->lock);
	xa_destroy(&nf->chans);
}

/*
 * DOC: nvdrm kernel channel
 *
 * nvdrm keeps one channel of its own, in a kernel VM with no mappings,
 * created on first use (and again after a GPU reset killed it), for
 * copies the driver makes: nvdrm_kchan_copy() and
 * nvdrm_kchan_fill() run physical-mode copy-engine transfers (VRAM
 * addresses in nvdrm's partition, or DMA addresses of system memory) and
 * return a fence that signals when the transfer is done (with an error if
 * the channel died; a later call then fails with -EIO or -ENODEV: the
 * caller falls back to a CPU copy). Kernel jobs go through the same
 * scheduler as user jobs, in order.
 */

/* The kernel channel, created on first use and again after it died. */
static struct nvdrm_chan *nvdrm_kchan_get(struct nvdrm_device *ndev)
{
	struct nvdrm_vm *vm;
	struct nvdrm_chan *c;
	int ret;

	lockdep_assert_held(&ndev->kchan_lock);
	c = ndev->kchan;
	if (c && !READ_ONCE(c->dead))
		return c;
	if (c && READ_ONCE(c->dead) != -ENODEV)
		return ERR_PTR(-EIO);	/* faulted: CPU copies from now on */
	nvdrm_kchan_fini(ndev);
	if (!ndev->info.nr_copy_engines)
		return ERR_PTR(-ENODEV);
	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm)
		return ERR_PTR(-ENOMEM);
	drm_mm_init(&vm->mm, NVDRM_VA_START, NVDRM_VA_END - NVDRM_VA_START);
	ret = nvdrm_vm_hw_init(ndev, vm);
	if (ret)
		goto err_vm;
	c = nvdrm_chan_create(ndev, vm, 0, true);
	if (IS_ERR(c)) {
		ret = PTR_ERR(c);
		goto err_hw;
	}
	ndev->kvm = vm;
	ndev->kchan = c;
	return c;

err_hw:
	nvdrm_vm_hw_fini(vm);
err_vm:
	drm_mm_takedown(&vm->mm);
	kfree(vm);
	return ERR_PTR(ret);
}

static int nvdrm_kchan_job(struct nvdrm_device *ndev, const u32 *pb,
			   unsigned int n, struct dma_fence **fence)
{
	struct nvdrm_job *job;
	struct nvdrm_chan *c;
	int ret = 0;
	u32 off;

	mutex_lock(&ndev->kchan_lock);
	c = ndev->kchan_dead ? ERR_PTR(-ENODEV) : nvdrm_kchan_get(ndev);
	if (IS_ERR(c)) {
		ret = PTR_ERR(c);
		goto out;
	}
	job = nvdrm_job_new(c, ndev);
	if (IS_ERR(job)) {
		ret = PTR_ERR(job);
		goto out;
	}
	/* At most NVDRM_HW_JOBS run; a segment is reused 32 jobs later. */
	off = NVDRM_KPUSH_OFF + (ndev->kchan_seg++ % NVDRM_KPUSH_SEGS) * NVDRM_KPUSH_SEG;
	nvdrm_kwrite(c, off, pb, n);
	job->npush = 1;
	job->push[0].va = c->kva + off;
	job->push[0].dwords = n;
	*fence = nvdrm_job_submit(job);
out:
	mutex_unlock(&ndev->kchan_lock);
	return ret;
}

static void nvdrm_kaddr_mode(u32 *pb, unsigned int *n, u32 mthd,
			     const struct nvdrm_kaddr *k)
{
	pb[(*n)++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, mthd, 1);
	pb[(*n)++] = k->vram ? NVC_CE_PHYS_LOCAL_FB : NVC_CE_PHYS_COHERENT_SYSMEM;
}

/**
 * nvdrm_kchan_copy() - copy with the copy engine (physical addresses)
 * @ndev: the device
 * @dst: destination: VRAM address (&nvc_vram_region.base + offset, in
 *	nvdrm's partition) or DMA address of system memory
 * @src: source, likewise
 * @size: bytes, a multiple of 4, below 4 GiB
 * @fence: output: signals when the copy is done (a reference)
 *
 * Return: 0, -EINVAL, or -EIO / -ENODEV when the kernel channel is dead
 * (use the CPU).
 */
int nvdrm_kchan_copy(struct nvdrm_device *ndev, const struct nvdrm_kaddr *dst,
		     const struct nvdrm_kaddr *src, u64 size,
		     struct dma_fence **fence)
{
	u32 pb[32];
	unsigned int n = 0;

	if (!size || size % 4 || size > U32_MAX)
		return -EINVAL;
	nvdrm_kaddr_mode(pb, &n, NVC_CE_SET_SRC_PHYS_MODE, src);
	nvdrm_kaddr_mode(pb, &n, NVC_CE_SET_DST_PHYS_MODE, dst);
	pb[n++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_CE_OFFSET_IN_UPPER, 4);
	pb[n++] = upper_32_bits(src->addr);
	pb[n++] = lower_32_bits(src->addr);
	pb[n++] = upper_32_bits(dst->addr);
	pb[n++] = lower_32_bits(dst->addr);
	pb[n++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_CE_LINE_LENGTH_IN, 2);
	pb[n++] = size;
	pb[n++] = 1;
	pb[n++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_CE_LAUNCH_DMA, 1);
	pb[n++] = NVC_CE_LAUNCH_NON_PIPELINED | NVC_CE_LAUNCH_FLUSH |
		  NVC_CE_LAUNCH_SRC_PITCH | NVC_CE_LAUNCH_DST_PITCH |
		  NVC_CE_LAUNCH_SRC_PHYSICAL | NVC_CE_LAUNCH_DST_PHYSICAL;
	return nvdrm_kchan_job(ndev, pb, n, fence);
}

/**
 * nvdrm_kchan_fill() - fill with the copy engine (physical address)
 * @ndev: the device
 * @dst: destination: VRAM address (in nvdrm's partition) or DMA address
 * @size: bytes, a multiple of 4, below 16 GiB
 * @pattern: 32-bit value of every word
 * @fence: output: signals when the fill is done (a reference)
 *
 * Return: as nvdrm_kchan_copy().
 */
int nvdrm_kchan_fill(struct nvdrm_device *ndev, const struct nvdrm_kaddr *dst,
		     u64 size, u32 pattern, struct dma_fence **fence)
{
	u32 pb[32];
	unsigned int n = 0;

	if (!size || size % 4 || size / 4 > U32_MAX)
		return -EINVAL;
	nvdrm_kaddr_mode(pb, &n, NVC_CE_SET_DST_PHYS_MODE, dst);
	pb[n++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_CE_SET_REMAP_CONST_A, 1);
	pb[n++] = pattern;
	pb[n++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_CE_SET_REMAP_COMPONENTS, 1);
	pb[n++] = NVC_CE_REMAP_CONST_A_4B_1;
	pb[n++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_CE_OFFSET_OUT_UPPER, 2);
	pb[n++] = upper_32_bits(dst->addr);
	pb[n++] = lower_32_bits(dst->addr);
	pb[n++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_CE_LINE_LENGTH_IN, 2);
	pb[n++] = size / 4;
	pb[n++] = 1;
	pb[n++] = nvc_pb_hdr(NVC_PB_SEC_OP_INC, NVC_PB_SUBC_CE, NVC_CE_LAUNCH_DMA, 1);
	pb[n++] = NVC_CE_LAUNCH_NON_PIPELINED | NVC_CE_LAUNCH_FLUSH |
		  NVC_CE_LAUNCH_SRC_PITCH | NVC_CE_LAUNCH_DST_PITCH |
		  NVC_CE_LAUNCH_REMAP | NVC_CE_LAUNCH_DST_PHYSICAL;
	return nvdrm_kchan_job(ndev, pb, n, fence);
}

/**
 * nvdrm_kchan_init() - set up the kernel channel's state (the channel
 *	itself is created on first use)
 * @ndev: the device
 */
void nvdrm_kchan_init(struct nvdrm_device *ndev)
{
	mutex_init(&ndev->kchan_lock);
}

/**
 * nvdrm_kchan_fini() - free the kernel channel and VM
 * @ndev: the device
 */
void nvdrm_kchan_fini(struct nvdrm_device *ndev)
{
	struct nvdrm_vm *vm = ndev->kvm;

	if (ndev->kchan)
		nvdrm_chan_destroy(ndev->kchan);
	ndev->kchan = NULL;
	if (!vm)
		return;
	nvdrm_vm_hw_fini(vm);
	drm_mm_takedown(&vm->mm);
	kfree(vm);
	ndev->kvm = NULL;
}

/**
 * nvdrm_kchan_selftest() - the kernel channel end to end
 * @ndev: the device
 *
 * Fills 64 KiB of VRAM, copies it to VRAM and to system memory with the
 * kernel channel and checks both on the CPU (debugfs ``nvdrm_kchan_test``).
 *
 * Return: 0, -EIO on a wrong byte, or the error of a step.
 */
int nvdrm_kchan_selftest(struct nvdrm_device *ndev)
{
	struct device *dev = nvc_client_dma_device(ndev->client);
	struct nvc_vram_region a = {}, b = {};
	struct nvdrm_kaddr ka, kb, ks;
	struct dma_fence *f1 = NULL, *f2 = NULL, *f3 = NULL;
	const u32 n = SZ_64K;
	dma_addr_t sdma;
	u32 *sys, *buf;
	long t;
	int ret, i;

	buf = kvmalloc(n, GFP_KERNEL);
	sys = dma_alloc_coherent(dev, n, &sdma, GFP_KERNEL);
	ret = -ENOMEM;
	if (!buf || !sys)
		goto out;
	memset(sys, 0, n);
	ret = nvc_vram_alloc(ndev->part, n, SZ_64K, &a);
	if (ret)
		goto out;
	ret = nvc_vram_alloc(ndev->part, n, SZ_64K, &b);
	if (ret)
		goto out_a;
	ka = (struct nvdrm_kaddr){ .vram = true, .addr = a.base };
	kb = (struct nvdrm_kaddr){ .vram = true, .addr = b.base };
	ks = (struct nvdrm_kaddr){ .vram = false, .addr = sdma };
	ret = nvdrm_kchan_fill(ndev, &ka, n, 0xc0ffee11, &f1);
	if (!ret)
		ret = nvdrm_kchan_copy(ndev, &kb, &ka, n, &f2);
	if (!ret)
		ret = nvdrm_kchan_copy(ndev, &ks, &kb, n, &f3);
	if (ret)
		goto out_b;
	t = dma_fence_wait_timeout(f3, true, 20 * HZ);
	ret = t < 0 ? t : !t ? -ETIMEDOUT : f3->error;
	if (!ret && (f1->error || f2->error))
		ret = f1->error ?: f2->error;
	if (ret)
		goto out_b;
	ret = nvc_vram_read(ndev->part, b.base, buf, n);
	for (i = 0; !ret && i < n / 4; i++)
		if (buf[i] != 0xc0ffee11 || sys[i] != 0xc0ffee11)
			ret = -EIO;
out_b:
	if (f1)
		dma_fence_wait(f1, false);
	if (f2)
		dma_fence_wait(f2, false);
	if (f3)
		dma_fence_wait(f3, false);
	nvc_vram_free(ndev->part, &b);
out_a:
	nvc_vram_free(ndev->part, &a);
out:
	dma_fence_put(f1);
	dma_fence_put(f2);
	dma_fence_put(f3);
	if (sys)
		dma_free_coherent(dev, n, sys, sdma);
	kvfree(buf);
	return ret;
}
