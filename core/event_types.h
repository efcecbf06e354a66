/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore per-GPU event delivery state.
 */
#ifndef NVC_EVENT_TYPES_H
#define NVC_EVENT_TYPES_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

/**
 * struct nvc_ev_res - per-GPU event queue and event objects
 * @lock: protects @queue
 * @queue: events waiting for @work
 * @work: delivers process-context events
 * @run_lock: serialises delivery, so events keep their order
 * @wq: ordered workqueue of @work
 * @dropped: events with no owner, malformed or unknown
 * @delivered: handler invocations
 * @objs: event objects registered on GSP-RM, for routing POST_EVENT: key
 *	h_client << 32 | h_event, value xa_mk_value(notifier index); has its
 *	own lock
 */
struct nvc_ev_res {
	spinlock_t lock;
	struct list_head queue;
	struct work_struct work;
	struct mutex run_lock;
	struct workqueue_struct *wq;
	atomic64_t dropped;
	atomic64_t delivered;
	struct xarray objs;
};

#endif /* NVC_EVENT_TYPES_H */
