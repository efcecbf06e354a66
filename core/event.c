// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore event dispatch.
 *
 * DOC: event dispatch
 *
 * Clients subscribe a partition to kinds of event. An event names a
 * resource (a channel ID, an engine, a GFID, a display head or an RM
 * client) and is delivered only to subscriptions of the partition that owns
 * it; an event nobody owns is counted and dropped, as is a malformed or
 * unknown one.
 *
 * Context: non-stall (fence) events are dispatched from the GPU's hard
 * interrupt handler under rcu_read_lock(), so a client can signal its
 * fences without waiting for a worker; all other kinds are queued by the
 * GSP receive path and delivered by an ordered workqueue in process
 * context under SRCU, outside every nvcore lock, so handlers may sleep and
 * call back into nvcore. The GSP receive worker delivers directly once it
 * has dropped its lock; a queue drained by a waiting caller is delivered
 * by the event worker. A mutex keeps delivery in arrival order.
 *
 * RM notifications (POST_EVENT) are routed as OGKM's CPU side routes them
 * (kernel_gsp.c, _kgspRpcPostEvent): by the event object they name. nvcore
 * keeps a table of the event objects it allocated on GSP-RM for its
 * clients (handle pair -> notifier index). A POST_EVENT naming an object
 * that is not in the table is counted and dropped; one with bNotifyList
 * clear goes to the object it names, one with bNotifyList set to every
 * object of that client whose notifier index matches. Either way only the
 * client that owns the object receives it.
 *
 * Once nvc_event_unsubscribe() returns no handler of that subscription is
 * running or will run: it unlinks the subscription, then waits for an RCU
 * grace period (atomic deliveries) and an SRCU grace period (process
 * deliveries). A handler must therefore not unsubscribe (itself or any
 * other subscription) nor destroy a partition.
 */
#include <linux/rculist.h>
#include <linux/slab.h>

#include "nvcore.h"
#include "client.h"

struct nvc_event_item {
	struct list_head node;
	struct nvc_event ev;
	u32 h_client;
};

static bool nvc_part_owns(const struct nvc_partition *p,
			  const struct nvc_event *ev, u32 h_client)
{
	const struct nvc_partition_limits *l = &p->lim;

	switch (ev->kind) {
	case NVC_EVENT_RC:
	case NVC_EVENT_MMU_FAULT:
		return l->chids && ev->chid >= p->chid_base &&
		       ev->chid < p->chid_base + l->chids;
	case NVC_EVENT_NONSTALL:
		return ev->engine < 64 && (l->engines & BIT_ULL(ev->engine));
	case NVC_EVENT_VGPU:
		return l->gfids && ev->gfid >= p->gfid_base &&
		       ev->gfid < p->gfid_base + l->gfids;
	case NVC_EVENT_NOTIFY:
		/* The client that owns the event object (nvc_evobj_notify). */
		return p->client->h_client == h_client;
	case NVC_EVENT_FW_ERROR:
		/* Attributed to a channel if it names one, else GPU-wide. */
		if (ev->chid != U32_MAX)
			return l->chids && ev->chid >= p->chid_base &&
			       ev->chid < p->chid_base + l->chids;
		return true;
	default:
		return false;
	}
}

/* Deliver to every subscription of owning partitions. RCU or SRCU held. */
static unsigned int nvc_event_deliver(struct nvc_res *res,
				      const struct nvc_event *ev, u32 h_client)
{
	struct nvc_event_sub *s;
	struct nvc_partition *p;
	unsigned int n = 0;

	list_for_each_entry_rcu(p, &res->part.rcu_list, rcu_node,
				srcu_read_lock_held(&res->part.srcu)) {
		if (READ_ONCE(p->dead) || !nvc_part_owns(p, ev, h_client))
			continue;
		list_for_each_entry_rcu(s, &p->subs, node,
					srcu_read_lock_held(&res->part.srcu)) {
			if (!(s->kinds & BIT(ev->kind)))
				continue;
			s->fn(s, ev);
			n++;
		}
	}
	return n;
}

/**
 * nvc_event_nonstall() - dispatch a non-stall interrupt of an engine
 * @gpu: the GPU
 * @engine: engine index
 *
 * Context: hard IRQ.
 */
void nvc_event_nonstall(struct nvc_gpu *gpu, unsigned int engine)
{
	struct nvc_event ev = { .kind = NVC_EVENT_NONSTALL, .engine = engine };
	unsigned int n;

	rcu_read_lock();
	n = nvc_event_deliver(&gpu->res, &ev, 0);
	rcu_read_unlock();
	if (n)
		atomic64_add(n, &gpu->res.ev.delivered);
	else
		atomic64_inc(&gpu->res.ev.dropped);
}

/* Deliver everything queued, in order. */
static void nvc_event_run(struct nvc_res *res)
{
	struct nvc_event_item *it;
	unsigned int n;
	int idx;

	mutex_lock(&res->ev.run_lock);
	for (;;) {
		spin_lock_irq(&res->ev.lock);
		it = list_first_entry_or_null(&res->ev.queue,
					      struct nvc_event_item, node);
		if (it)
			list_del(&it->node);
		spin_unlock_irq(&res->ev.lock);
		if (!it)
			break;
		idx = srcu_read_lock(&res->part.srcu);
		n = nvc_event_deliver(res, &it->ev, it->h_client);
		srcu_read_unlock(&res->part.srcu, idx);
		if (n)
			atomic64_add(n, &res->ev.delivered);
		else
			atomic64_inc(&res->ev.dropped);
		kfree(it);
	}
	mutex_unlock(&res->ev.run_lock);
}

static void nvc_event_work(struct work_struct *work)
{
	nvc_event_run(container_of(work, struct nvc_res, ev.work));
}

/**
 * nvc_event_deliver_now() - deliver queued events from the caller's context
 * @gpu: the GPU
 *
 * The GSP receive worker calls this after it dropped its lock, which saves
 * the hop to the event worker on the common path.
 * Context: process, no nvcore lock held.
 */
void nvc_event_deliver_now(struct nvc_gpu *gpu)
{
	if (READ_ONCE(gpu->res.ev.wq))
		nvc_event_run(&gpu->res);
}

/**
 * nvc_event_post() - queue an event for process-context delivery
 * @gpu: the GPU
 * @ev: the event (copied)
 * @h_client: RM client that owns the event object (notifications), else 0
 *
 * Context: any; allocation is GFP_ATOMIC, a failure drops and counts it.
 */
void nvc_event_post(struct nvc_gpu *gpu, const struct nvc_event *ev,
		    u32 h_client)
{
	struct nvc_res *res = &gpu->res;
	struct nvc_event_item *it;
	unsigned long flags;

	if (ev->kind >= NVC_EVENT_NR || !res->ev.wq) {
		atomic64_inc(&res->ev.dropped);
		return;
	}
	it = kmalloc(sizeof(*it), GFP_ATOMIC);
	if (!it) {
		atomic64_inc(&res->ev.dropped);
		return;
	}
	it->ev = *ev;
	it->h_client = h_client;
	spin_lock_irqsave(&res->ev.lock, flags);
	list_add_tail(&it->node, &res->ev.queue);
	spin_unlock_irqrestore(&res->ev.lock, flags);
	queue_work(res->ev.wq, &res->ev.work);
}

static unsigned long nvc_evobj_key(u32 h_client, u32 h_event)
{
	static_assert(sizeof(unsigned long) == sizeof(u64));
	return (unsigned long)h_client << 32 | h_event;
}

/**
 * nvc_evobj_add() - record an event object allocated on GSP-RM
 * @gpu: the GPU
 * @h_client: its RM client
 * @h_event: its handle
 * @index: its notifier index (NV0005 notifyIndex without the flags)
 *
 * Call before the object can fire (before EVENT_SET_NOTIFICATION).
 * Return: 0, -EBUSY if the handle is recorded already, -ENOMEM.
 */
int nvc_evobj_add(struct nvc_gpu *gpu, u32 h_client, u32 h_event, u32 index)
{
	return xa_insert(&gpu->res.ev.objs, nvc_evobj_key(h_client, h_event),
			 xa_mk_value(index),
			 GFP_KERNEL);
}

/**
 * nvc_evobj_del() - forget an event object
 * @gpu: the GPU
 * @h_client: its RM client
 * @h_event: its handle
 */
void nvc_evobj_del(struct nvc_gpu *gpu, u32 h_client, u32 h_event)
{
	xa_erase(&gpu->res.ev.objs, nvc_evobj_key(h_client, h_event));
}

/**
 * nvc_evobj_drop_client() - forget every event object of an RM client
 * @gpu: the GPU
 * @h_client: the RM client (being freed)
 */
void nvc_evobj_drop_client(struct nvc_gpu *gpu, u32 h_client)
{
	unsigned long i;
	void *e;

	xa_for_each_range(&gpu->res.ev.objs, i, e,
			  nvc_evobj_key(h_client, 0),
			  nvc_evobj_key(h_client, U32_MAX))
		xa_erase(&gpu->res.ev.objs, i);
}

static void nvc_evobj_post(struct nvc_gpu *gpu, u32 h_client, u32 h_event,
			   u32 index, u32 data)
{
	struct nvc_event ev = {
		.kind = NVC_EVENT_NOTIFY,
		.chid = U32_MAX,
		.engine = U32_MAX,
		.gfid = U32_MAX,
		.head = U32_MAX,
		.data = data,
		.notifier = index,
		.handle = h_event,
	};

	nvc_event_post(gpu, &ev, h_client);
}

/**
 * nvc_evobj_notify() - route one POST_EVENT by the event object it names
 * @gpu: the GPU
 * @h_client: hClient of the message
 * @h_event: hEvent of the message
 * @index: notifyIndex of the message, without flags
 * @data: data of the message
 * @list: bNotifyList of the message
 *
 * Context: any (called from the GSP receive path).
 */
void nvc_evobj_notify(struct nvc_gpu *gpu, u32 h_client, u32 h_event,
		      u32 index, u32 data, bool list)
{
	struct xarray *xa = &gpu->res.ev.objs;
	unsigned int n = 0;
	unsigned long i;
	void *e;

	e = xa_load(xa, nvc_evobj_key(h_client, h_event));
	if (!e) {
		atomic64_inc(&gpu->res.ev.dropped);
		dev_dbg_ratelimited(gpu->dev,
				    "nvcore: POST_EVENT for unknown event object %#x/%#x dropped\n",
				    h_client, h_event);
		return;
	}
	if (!list) {
		nvc_evobj_post(gpu, h_client, h_event, index, data);
		return;
	}
	/* OGKM osEventNotificationWithInfo: every object with the index. */
	xa_for_each_range(xa, i, e, nvc_evobj_key(h_client, 0),
			  nvc_evobj_key(h_client, U32_MAX)) {
		if (xa_to_value(e) != index)
			continue;
		nvc_evobj_post(gpu, h_client, (u32)i, index, data);
		n++;
	}
	if (!n)
		atomic64_inc(&gpu->res.ev.dropped);
}

/**
 * nvc_event_subscribe() - receive events about a partition's resources
 * @part: the partition
 * @kinds: bitmask of BIT(enum nvc_event_kind)
 * @fn: handler; see &typedef nvc_event_fn for its context
 *
 * Return: the subscription, ERR_PTR(-EINVAL) for an empty or unknown kind
 * mask, ERR_PTR(-ENOMEM).
 */
struct nvc_event_sub *nvc_event_subscribe(struct nvc_partition *part,
					  unsigned long kinds,
					  nvc_event_fn fn)
{
	struct nvc_res *res = &part->client->gpu->res;
	struct nvc_event_sub *s;

	if (!fn || !kinds || (kinds & ~GENMASK(NVC_EVENT_NR - 1, 0)))
		return ERR_PTR(-EINVAL);
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	s->part = part;
	s->kinds = kinds;
	s->fn = fn;
	spin_lock(&res->part.sub_lock);
	list_add_tail_rcu(&s->node, &part->subs);
	spin_unlock(&res->part.sub_lock);
	return s;
}
EXPORT_SYMBOL_NS_GPL(nvc_event_subscribe, NVCORE);

/**
 * nvc_event_unsubscribe() - stop receiving events
 * @sub: the subscription
 *
 * When this returns no handler of @sub is running and none will run.
 * Context: process; must not be called from @sub's own handler.
 */
void nvc_event_unsubscribe(struct nvc_event_sub *sub)
{
	struct nvc_res *res = &sub->part->client->gpu->res;

	spin_lock(&res->part.sub_lock);
	list_del_rcu(&sub->node);
	spin_unlock(&res->part.sub_lock);
	synchronize_rcu();
	synchronize_srcu(&res->part.srcu);
	kfree(sub);
}
EXPORT_SYMBOL_NS_GPL(nvc_event_unsubscribe, NVCORE);

/**
 * nvc_event_sub_partition() - the partition of a subscription
 * @sub: the subscription
 *
 * Return: the partition.
 */
struct nvc_partition *nvc_event_sub_partition(struct nvc_event_sub *sub)
{
	return sub->part;
}
EXPORT_SYMBOL_NS_GPL(nvc_event_sub_partition, NVCORE);

/**
 * nvc_event_init() - start the delivery worker
 * @gpu: the GPU
 *
 * Return: 0 or -ENOMEM.
 */
int nvc_event_init(struct nvc_gpu *gpu)
{
	xa_init(&gpu->res.ev.objs);
	INIT_WORK(&gpu->res.ev.work, nvc_event_work);
	gpu->res.ev.wq = alloc_ordered_workqueue("nvcore-ev%d", 0, gpu->index);
	return gpu->res.ev.wq ? 0 : -ENOMEM;
}

/**
 * nvc_event_fini() - stop it, dropping undelivered events
 * @gpu: the GPU
 */
void nvc_event_fini(struct nvc_gpu *gpu)
{
	struct nvc_res *res = &gpu->res;
	struct workqueue_struct *wq = res->ev.wq;
	struct nvc_event_item *it, *tmp;

	if (!wq)
		return;
	res->ev.wq = NULL;
	destroy_workqueue(wq);
	xa_destroy(&res->ev.objs);
	list_for_each_entry_safe(it, tmp, &res->ev.queue, node) {
		list_del(&it->node);
		kfree(it);
	}
}
