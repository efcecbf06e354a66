// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP transport: RPCs over the two shared-memory queues.
 *
 * DOC: GSP RPC transport
 *
 * The command queue carries CPU→GSP messages, the status queue GSP→CPU
 * messages (fact sheet §1–§3; the ring and element codec live in msgq.c).
 *
 * Senders serialise on @cmdq_lock; a payload larger than one message goes
 * out as a first part plus continuation records without interleaving.
 * A synchronous caller is put on the waiter list *before* its message
 * becomes visible to the GSP, with a per-GPU sequence number written into
 * the RPC header's ``sequence`` field; GSP-RM answers in the request's own
 * buffer, so the reply carries it back and is matched to its caller by
 * (function, sequence). A reply nobody waits for any more (its caller timed
 * out) is counted as stale and dropped, never delivered to another caller.
 *
 * Receivers serialise on @rx_lock. Whoever holds it drains the status
 * queue: replies complete their waiters, multi-part replies are reassembled
 * into the caller's buffer, and unsolicited events (function >= 0x1000) go
 * to the event dispatcher in process context. During boot callers poll.
 * After boot the GSP interrupt (SWGEN0) queues @rx_work; a waiting caller
 * first spins briefly, draining the queue itself (no wake-up on the fast
 * path; one caller at a time polls, draining replies for all, while the
 * others sleep; real GSP-RM controls take about 100 us, and under QEMU a
 * 200 us window measured 150-175 us p50 against 29 us for 500 us, hence
 * the 500 us default), then sleeps in 10 ms slices and drains once per
 * slice, so a lost interrupt costs latency, not a reply.
 *
 * Timeouts are time-based (rpc_timeout_ms). A caller that times out gets
 * -ETIMEDOUT; if the GSP consumed nothing from the command queue during the
 * whole wait it is hung and the transport is declared dead. A dead
 * transport (hang, HALT interrupt, a status queue that cannot be parsed)
 * completes every waiter at once with -ENODEV and refuses new calls.
 *
 * Lock order: @cmdq_lock, then @rx_lock, then @wait_lock (a spinlock,
 * never held across sleeping or copying), then @hist_lock.
 */
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <nvrm/535.113.01/nvrm.h>

#include "../nvcore.h"
#include "gsp.h"

static unsigned int rpc_timeout_ms = 2000;
module_param(rpc_timeout_ms, uint, 0644);
MODULE_PARM_DESC(rpc_timeout_ms, "GSP RPC timeout in milliseconds (default 2000)");

static unsigned int rpc_spin_us = 500;
module_param(rpc_spin_us, uint, 0644);
MODULE_PARM_DESC(rpc_spin_us, "How long one waiting caller polls for replies before sleeping (default 500)");

#define NVC_RPC_SLICE_MS	10

#ifndef NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF
/* Interrupt-tree leaf registers (pending W1C, enable set/clear). */
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(i)		(0xb81000 + 4 * (i))
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(i)	(0xb81400 + 4 * (i))
#define NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(i)	(0xb81600 + 4 * (i))
#endif
#define NVC_MSG_BUF_SIZE	NVRM_MSG_MAX_SIZE

/**
 * struct nvc_rpc_waiter - a caller waiting for its reply
 * @node: entry in &nvc_gsp.waiters while unclaimed
 * @function: function of the call
 * @sequence: sequence number of the call
 * @reply: where the reply payload goes
 * @reply_len: capacity of @reply; on success the payload length received
 * @reasm: reassembly state for a multi-part reply
 * @rpc_result: rpc_result of the reply
 * @status: 0, or the errno that ended the wait
 * @done: completed by the receiver or by nvc_rpc_kill()
 */
struct nvc_rpc_waiter {
	struct list_head node;
	u32 function;
	u32 sequence;
	void *reply;
	size_t reply_len;
	struct nvc_rpc_reasm reasm;
	u32 rpc_result;
	int status;
	struct completion done;
};

static void nvc_rpc_hist_add(struct nvc_gsp *gsp, u32 function, u32 sequence,
			     ktime_t start, s32 result)
{
	struct nvc_rpc_hist *h;
	unsigned long flags;

	spin_lock_irqsave(&gsp->hist_lock, flags);
	h = &gsp->hist[gsp->hist_head++ % NVC_RPC_HIST_LEN];
	h->function = function;
	h->sequence = sequence;
	h->start_ns = ktime_to_ns(start);
	h->dur_ns = ktime_to_ns(ktime_sub(ktime_get(), start));
	h->result = result;
	spin_unlock_irqrestore(&gsp->hist_lock, flags);
}

#define NVC_RPC_HIST_DUMP	16

static void nvc_rpc_hist_dump(struct nvc_gsp *gsp)
{
	struct nvc_rpc_hist copy[NVC_RPC_HIST_DUMP];
	unsigned int head, n, i;
	unsigned long flags;

	spin_lock_irqsave(&gsp->hist_lock, flags);
	head = gsp->hist_head;
	n = min_t(unsigned int, head, NVC_RPC_HIST_DUMP);
	for (i = 0; i < n; i++)
		copy[i] = gsp->hist[(head - n + i) % NVC_RPC_HIST_LEN];
	spin_unlock_irqrestore(&gsp->hist_lock, flags);

	dev_info(gsp->gpu->dev, "nvcore: last %u GSP RPCs (function seq duration_us result):\n", n);
	for (i = 0; i < n; i++)
		dev_info(gsp->gpu->dev, "nvcore:   %#x %u %llu %d\n",
			 copy[i].function, copy[i].sequence,
			 copy[i].dur_ns / 1000, copy[i].result);
}

/**
 * nvc_rpc_kill() - declare the transport dead and wake every waiter
 * @gsp: the GSP
 * @err: why, as an errno (kept for diagnostics)
 * @why: one-line reason for the log
 *
 * Every waiting caller, including one whose multi-part reply is being
 * reassembled, returns -ENODEV; later calls fail at once with -ENODEV.
 * Context: process; @gsp->rx_lock held.
 */
void nvc_rpc_kill(struct nvc_gsp *gsp, int err, const char *why)
{
	struct nvc_rpc_waiter *w, *tmp;
	unsigned long flags;

	lockdep_assert_held(&gsp->rx_lock);

	spin_lock_irqsave(&gsp->wait_lock, flags);
	if (gsp->dead) {
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		return;
	}
	gsp->dead = true;
	gsp->dead_err = err;
	list_for_each_entry_safe(w, tmp, &gsp->waiters, node) {
		list_del_init(&w->node);
		w->status = -ENODEV;
		complete(&w->done);
	}
	w = gsp->rx_cont;
	gsp->rx_cont = NULL;
	if (w) {
		w->status = -ENODEV;
		complete(&w->done);
	}
	spin_unlock_irqrestore(&gsp->wait_lock, flags);
	wake_up_all(&gsp->rx_wq);

	dev_err(gsp->gpu->dev, "nvcore: GSP transport dead (%d): %s\n", err, why);
	if (err != -ESHUTDOWN)
		nvc_gpu_lost(gsp->gpu, err == -ETIMEDOUT ? NVC_LOST_GSP_HANG :
			     err == -EIO ? NVC_LOST_GSP_CRASH : NVC_LOST_PROTOCOL);
}

/* Deliver a reply (first part) to its caller. */
static void nvc_rpc_reply(struct nvc_gsp *gsp,
			  const struct GSP_MSG_QUEUE_ELEMENT *msg,
			  const struct nvc_msgq_msg_info *info)
{
	const void *payload = (const u8 *)msg + NVC_MSG_PAYLOAD_OFF;
	size_t plen = info->rpc_length - NVRM_RPC_HDR_SIZE;
	struct nvc_rpc_waiter *w = NULL, *it;
	unsigned long flags;
	size_t total;
	int ret;

	spin_lock_irqsave(&gsp->wait_lock, flags);
	list_for_each_entry(it, &gsp->waiters, node) {
		if (it->sequence == msg->rpc.sequence &&
		    it->function == info->function) {
			w = it;
			list_del_init(&w->node);
			break;
		}
	}
	spin_unlock_irqrestore(&gsp->wait_lock, flags);

	if (!w) {
		gsp->stats.stale++;
		return;
	}

	w->rpc_result = info->rpc_result;
	if (plen > w->reply_len) {
		w->status = -EMSGSIZE;
		complete(&w->done);
		wake_up_all(&gsp->rx_wq);
		return;
	}
	/* A full message announces continuation records up to reply_len. */
	total = plen;
	if (plen == NVC_RPC_CHUNK && w->reply_len > plen)
		total = w->reply_len;
	nvc_rpc_reasm_init(&w->reasm, w->reply, w->reply_len);
	ret = nvc_rpc_reasm_start(&w->reasm, info->function, payload, plen,
				  total);
	if (ret == NVC_RPC_REASM_MORE) {
		spin_lock_irqsave(&gsp->wait_lock, flags);
		gsp->rx_cont = w;
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		return;
	}
	w->status = ret ? -EPROTO : 0;
	w->reply_len = w->reasm.have;
	gsp->stats.replies++;
	complete(&w->done);
	wake_up_all(&gsp->rx_wq);
}

/* Append a continuation record to the reply being reassembled. */
static void nvc_rpc_cont(struct nvc_gsp *gsp,
			 const struct nvc_msgq_msg_info *info)
{
	const void *payload = (const u8 *)gsp->rx_buf + NVC_MSG_PAYLOAD_OFF;
	size_t plen = info->rpc_length - NVRM_RPC_HDR_SIZE;
	struct nvc_rpc_waiter *w;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&gsp->wait_lock, flags);
	w = gsp->rx_cont;
	spin_unlock_irqrestore(&gsp->wait_lock, flags);
	if (!w) {
		gsp->stats.stale++;
		return;
	}

	ret = nvc_rpc_reasm_feed(&w->reasm, info->function, payload, plen);
	if (ret == NVC_RPC_REASM_MORE)
		return;

	spin_lock_irqsave(&gsp->wait_lock, flags);
	gsp->rx_cont = NULL;
	spin_unlock_irqrestore(&gsp->wait_lock, flags);
	w->status = ret ? -EPROTO : 0;
	w->reply_len = w->reasm.have;
	gsp->stats.replies++;
	complete(&w->done);
	wake_up_all(&gsp->rx_wq);
}

/* A non-continuation message arrived while a reply was incomplete. */
static void nvc_rpc_cont_abort(struct nvc_gsp *gsp)
{
	struct nvc_rpc_waiter *w;
	unsigned long flags;

	spin_lock_irqsave(&gsp->wait_lock, flags);
	w = gsp->rx_cont;
	gsp->rx_cont = NULL;
	spin_unlock_irqrestore(&gsp->wait_lock, flags);
	if (w) {
		dev_warn_ratelimited(gsp->gpu->dev,
				     "nvcore: GSP interleaved a message into a multi-part reply\n");
		w->status = -EPROTO;
		complete(&w->done);
		wake_up_all(&gsp->rx_wq);
	}
}

static void nvc_rpc_rx_locked(struct nvc_gsp *gsp)
{
	struct nvc_msgq_ring ring = {
		.entries = gsp->statq_entries,
		.count = NVRM_MSGQ_MSG_COUNT,
	};
	struct GSP_MSG_QUEUE_ELEMENT *msg = gsp->rx_buf;
	struct nvc_msgq_msg_info info;
	u32 wptr;
	int ret;

	lockdep_assert_held(&gsp->rx_lock);

	while (!READ_ONCE(gsp->dead)) {
		wptr = READ_ONCE(gsp->statq->writePtr);
		/* See the peer's entries no earlier than its write pointer. */
		smp_rmb();
		ret = nvc_msgq_recv(&ring, gsp->rx_rptr, wptr, gsp->rx_buf,
				    NVC_MSG_BUF_SIZE, &info);
		if (ret == -EAGAIN)
			break;
		if (ret == -EILSEQ) {
			/* Intact framing, damaged contents: skip it. */
			gsp->stats.bad_csum++;
			dev_warn_ratelimited(gsp->gpu->dev,
					     "nvcore: GSP message with bad checksum dropped\n");
		} else if (ret) {
			nvc_rpc_kill(gsp, ret, ret == -EPROTO ?
				     "status queue pointers out of range" :
				     "malformed status queue message");
			break;
		}

		/* Entries copied out; hand them back before dispatching. */
		gsp->rx_rptr = info.next_rptr;
		/* Our copy is complete before the GSP may reuse the entries. */
		smp_mb();
		WRITE_ONCE(gsp->statq_rptr->readPtr, gsp->rx_rptr);
		if (ret)
			continue;

		if (info.seq != gsp->rx_seq) {
			if ((s32)(info.seq - gsp->rx_seq) < 0) {
				gsp->stats.seq_repeat++;
				dev_warn_ratelimited(gsp->gpu->dev,
						     "nvcore: GSP message with repeated seqNum %u dropped\n",
						     info.seq);
				continue;
			}
			gsp->stats.seq_gap++;
			dev_warn_ratelimited(gsp->gpu->dev,
					     "nvcore: GSP seqNum jumped from %u to %u\n",
					     gsp->rx_seq, info.seq);
		}
		gsp->rx_seq = info.seq + 1;

		if (info.function == NVC_RPC_FN_CONTINUATION) {
			nvc_rpc_cont(gsp, &info);
			continue;
		}
		nvc_rpc_cont_abort(gsp);
		if (info.function >= NV_VGPU_MSG_EVENT_FIRST_EVENT) {
			gsp->stats.events++;
			nvc_gsp_event(gsp, info.function, info.rpc_result,
				      (u8 *)msg + NVC_MSG_PAYLOAD_OFF,
				      info.rpc_length - NVRM_RPC_HDR_SIZE);
			continue;
		}
		nvc_rpc_reply(gsp, msg, &info);
	}
}

/**
 * nvc_rpc_drain() - receive everything in the status queue
 * @gsp: the GSP
 *
 * Context: process; takes @gsp->rx_lock.
 */
void nvc_rpc_drain(struct nvc_gsp *gsp)
{
	mutex_lock(&gsp->rx_lock);
	nvc_rpc_rx_locked(gsp);
	if (READ_ONCE(gsp->halted))
		nvc_rpc_kill(gsp, -EIO, "GSP halted");
	mutex_unlock(&gsp->rx_lock);
}

static void nvc_rpc_rx_work(struct work_struct *work)
{
	struct nvc_gsp *gsp = container_of(work, struct nvc_gsp, rx_work);

	nvc_rpc_drain(gsp);
	nvc_event_deliver_now(gsp->gpu);
}

static void nvc_rpc_try_drain(struct nvc_gsp *gsp)
{
	if (mutex_trylock(&gsp->rx_lock)) {
		nvc_rpc_rx_locked(gsp);
		mutex_unlock(&gsp->rx_lock);
	}
}

/* Messages wait in the status queue (a hint: read without the lock). */
static bool nvc_rpc_rx_pending(struct nvc_gsp *gsp)
{
	return READ_ONCE(gsp->statq->writePtr) != READ_ONCE(gsp->rx_rptr);
}

static u32 nvc_rpc_gsp_rptr(struct nvc_gsp *gsp)
{
	return READ_ONCE(gsp->cmdq_rptr->readPtr);
}

/* Put one message in the ring; waits (time-bounded) for ring space. */
static int nvc_rpc_push_locked(struct nvc_gsp *gsp, u32 function,
			       u32 sequence, const void *chunk, size_t len,
			       ktime_t end)
{
	struct nvc_msgq_ring ring = {
		.entries = gsp->cmdq_entries,
		.count = NVRM_MSGQ_MSG_COUNT,
	};
	u32 new_wptr;
	int ret;

	lockdep_assert_held(&gsp->cmdq_lock);

	for (;;) {
		if (READ_ONCE(gsp->dead))
			return -ENODEV;
		ret = nvc_msgq_put(&ring, nvc_rpc_gsp_rptr(gsp), gsp->cmdq_wptr,
				   function, gsp->tx_seq, sequence, chunk, len,
				   &new_wptr);
		if (ret != -ENOSPC)
			break;
		if (ktime_after(ktime_get(), end))
			return -ETIMEDOUT;
		usleep_range(10, 50);
	}
	if (ret < 0)
		return ret;

	/* Entries are visible before the write pointer. */
	wmb();
	gsp->cmdq_wptr = new_wptr;
	WRITE_ONCE(gsp->cmdq->writePtr, new_wptr);
	/* The pointer is visible before the doorbell rings. */
	mb();
	nvc_wr32(gsp->gpu, NV_PGSP_QUEUE_HEAD(0), 0);
	gsp->tx_seq++;
	gsp->stats.sent++;
	return 0;
}

static int nvc_rpc_send(struct nvc_gsp *gsp, u32 function, u32 sequence,
			const void *payload, size_t len)
{
	ktime_t end = ktime_add_ms(ktime_get(), rpc_timeout_ms);
	struct nvc_rpc_split split;
	const void *chunk;
	size_t chunk_len;
	u32 fn;
	int ret = 0;

	mutex_lock(&gsp->cmdq_lock);
	nvc_rpc_split_init(&split, function, payload, len);
	while (nvc_rpc_split_next(&split, &fn, &chunk, &chunk_len)) {
		ret = nvc_rpc_push_locked(gsp, fn, sequence, chunk, chunk_len,
					  end);
		if (ret)
			break;
	}
	mutex_unlock(&gsp->cmdq_lock);

	if (ret == -ETIMEDOUT || ret == -EPROTO) {
		/* The GSP stopped consuming, or a series is cut short. */
		mutex_lock(&gsp->rx_lock);
		nvc_rpc_kill(gsp, ret, ret == -ETIMEDOUT ?
			     "command queue full: GSP not consuming" :
			     "command queue pointers out of range");
		mutex_unlock(&gsp->rx_lock);
		ret = -ENODEV;
	}
	return ret;
}

/**
 * nvc_rpc_post() - send an RPC that has no reply
 * @gsp: the GSP
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: payload
 * @req_len: payload length (may exceed one message)
 *
 * Return: 0, -ENODEV on a dead transport, -ETIMEDOUT if the queue stayed
 * full, or another negative errno.
 */
int nvc_rpc_post(struct nvc_gsp *gsp, u32 function, const void *req,
		 size_t req_len)
{
	if (READ_ONCE(gsp->dead))
		return -ENODEV;
	return nvc_rpc_send(gsp, function, 0, req, req_len);
}

static int nvc_rpc_wait(struct nvc_gsp *gsp, struct nvc_rpc_waiter *w,
			u32 rptr_at_send, u32 wptr_at_send)
{
	ktime_t start = ktime_get();
	ktime_t spin_end = ktime_add_us(start, rpc_spin_us);
	ktime_t end = ktime_add_ms(start, rpc_timeout_ms);
	bool spinner = !atomic_cmpxchg(&gsp->spinners, 0, 1);
	unsigned long flags;
	bool hung;
	s64 left;

	for (;;) {
		ktime_t now;

		if (completion_done(&w->done))
			break;
		now = ktime_get();
		if (ktime_after(now, end))
			break;
		if (spinner && !ktime_before(now, spin_end)) {
			atomic_set(&gsp->spinners, 0);
			spinner = false;
		}
		if (!READ_ONCE(gsp->irq_mode) || spinner) {
			nvc_rpc_try_drain(gsp);
			if (completion_done(&w->done))
				break;
			if (spinner)
				cpu_relax();
			else
				usleep_range(5, 20);
			continue;
		}
		left = ktime_ms_delta(end, now);
		/*
		 * Sleep until a receiver completed us or the interrupt says
		 * messages are waiting (we drain them ourselves: one wake-up
		 * instead of two); the slice bounds a lost interrupt.
		 */
		wait_event_timeout(gsp->rx_wq, completion_done(&w->done) ||
				   nvc_rpc_rx_pending(gsp),
				   msecs_to_jiffies(clamp_t(s64, left, 1,
							    NVC_RPC_SLICE_MS)));
		if (completion_done(&w->done))
			break;
		atomic64_inc(&gsp->stats.polls);
		nvc_rpc_try_drain(gsp);
	}
	if (spinner)
		atomic_set(&gsp->spinners, 0);
	if (completion_done(&w->done))
		return 0;

	/* Timed out: detach under rx_lock so no receiver still holds us. */
	mutex_lock(&gsp->rx_lock);
	spin_lock_irqsave(&gsp->wait_lock, flags);
	if (completion_done(&w->done)) {
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		mutex_unlock(&gsp->rx_lock);
		return 0;
	}
	if (!list_empty(&w->node))
		list_del_init(&w->node);
	if (gsp->rx_cont == w)
		gsp->rx_cont = NULL;
	spin_unlock_irqrestore(&gsp->wait_lock, flags);

	gsp->stats.timeouts++;
	hung = nvc_rpc_gsp_rptr(gsp) == rptr_at_send &&
	       rptr_at_send != wptr_at_send;
	dev_err_ratelimited(gsp->gpu->dev,
			    "nvcore: GSP RPC %#x (seq %u) timed out after %u ms%s\n",
			    w->function, w->sequence, rpc_timeout_ms,
			    hung ? "; GSP consumed nothing: hung" : "");
	if (gsp->stats.timeouts == 1)
		nvc_rpc_hist_dump(gsp);
	if (hung)
		nvc_rpc_kill(gsp, -ETIMEDOUT, "GSP not consuming the command queue");
	mutex_unlock(&gsp->rx_lock);
	return -ETIMEDOUT;
}

/**
 * nvc_rpc_call() - send an RPC and wait for its reply
 * @gsp: the GSP
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: request payload
 * @req_len: its length (may exceed one message: continuation records)
 * @reply: buffer for the reply payload
 * @reply_len: its size: the reply is expected to be exactly this long
 * @rpc_result: if not NULL, the reply's rpc_result
 *
 * Any number of callers may call concurrently.
 *
 * Return: 0 when a reply of @reply_len bytes arrived (check @rpc_result),
 * -ETIMEDOUT, -ENODEV when the transport is or becomes dead, -EPROTO for a
 * malformed reply, -EMSGSIZE for a reply of another length.
 * Context: process, may sleep.
 */
int nvc_rpc_call(struct nvc_gsp *gsp, u32 function, const void *req,
		 size_t req_len, void *reply, size_t reply_len,
		 u32 *rpc_result)
{
	struct nvc_rpc_waiter w = {
		.function = function,
		.reply = reply,
		.reply_len = reply_len,
	};
	ktime_t start = ktime_get();
	u32 rptr, wptr;
	unsigned long flags;
	int ret;

	might_sleep();
	init_completion(&w.done);
	INIT_LIST_HEAD(&w.node);

	spin_lock_irqsave(&gsp->wait_lock, flags);
	if (gsp->dead) {
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		return -ENODEV;
	}
	w.sequence = gsp->next_sequence++;
	if (!gsp->next_sequence)
		gsp->next_sequence = 1;
	list_add_tail(&w.node, &gsp->waiters);
	gsp->stats.calls++;
	spin_unlock_irqrestore(&gsp->wait_lock, flags);

	ret = nvc_rpc_send(gsp, function, w.sequence, req, req_len);
	rptr = nvc_rpc_gsp_rptr(gsp);
	wptr = READ_ONCE(gsp->cmdq_wptr);
	if (ret) {
		spin_lock_irqsave(&gsp->wait_lock, flags);
		if (!list_empty(&w.node))
			list_del_init(&w.node);
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		goto out;
	}

	ret = nvc_rpc_wait(gsp, &w, rptr, wptr);
	if (!ret)
		ret = w.status;
	if (!ret && w.reply_len != reply_len)
		ret = -EMSGSIZE;
	if (!ret && rpc_result)
		*rpc_result = w.rpc_result;
out:
	nvc_rpc_hist_add(gsp, function, w.sequence, start,
			 ret ? ret : (s32)w.rpc_result);
	return ret;
}

/* Non-stall vectors: dispatch fence events right here, in hard IRQ. */
static bool nvc_rpc_irq_nonstall(struct nvc_gsp *gsp)
{
	unsigned long leaves = gsp->nonstall_leaves, pend;
	unsigned int leaf, bit;
	bool any = false;

	for_each_set_bit(leaf, &leaves, NVC_INTR_LEAVES) {
		pend = nvc_rd32(gsp->gpu, NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(leaf));
		if (!pend)
			continue;
		nvc_wr32(gsp->gpu, NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(leaf), pend);
		any = true;
		for_each_set_bit(bit, &pend, 32) {
			u8 engine = gsp->vec_engine[leaf * 32 + bit];

			if (engine != 0xff)
				nvc_event_nonstall(gsp->gpu, engine);
		}
	}
	return any;
}

static irqreturn_t nvc_rpc_irq(int irq, void *arg)
{
	struct nvc_gsp *gsp = arg;
	bool nonstall;
	u32 stat;

	nonstall = nvc_rpc_irq_nonstall(gsp);
	stat = nvc_rd32(gsp->gpu, NVRM_FALCON_GSP_BASE + NV_PFALCON_FALCON_IRQSTAT);
	stat &= NV_PFALCON_FALCON_IRQSTAT_SWGEN0__MASK |
		NV_PFALCON_FALCON_IRQSTAT_HALT__MASK;
	if (!stat)
		return nonstall ? IRQ_HANDLED : IRQ_NONE;
	nvc_wr32(gsp->gpu, NVRM_FALCON_GSP_BASE + NV_PFALCON_FALCON_IRQSCLR, stat);
	if (stat & NV_PFALCON_FALCON_IRQSTAT_HALT__MASK)
		WRITE_ONCE(gsp->halted, true);
	atomic64_inc(&gsp->stats.irqs);
	/* A sleeping caller drains for itself; otherwise the worker does. */
	if (!list_empty(&gsp->waiters) && !(stat & NV_PFALCON_FALCON_IRQSTAT_HALT__MASK))
		wake_up_all(&gsp->rx_wq);
	else
		queue_work(system_highpri_wq, &gsp->rx_work);
	return IRQ_HANDLED;
}

static void nvc_rpc_nonstall_enable(struct nvc_gsp *gsp, bool on)
{
	unsigned int e, vec;

	for (e = 0; e < gsp->gpu->info.nr_engines; e++) {
		vec = gsp->nonstall_vec[e];
		if (vec >= NVC_INTR_VECTORS)
			continue;
		nvc_wr32(gsp->gpu, on ? NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(vec / 32) :
			 NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(vec / 32),
			 BIT(vec % 32));
	}
}

/**
 * nvc_rpc_enable_nonstall() - route engines' non-stall interrupts to us
 * @gsp: the GSP, interrupt mode on, vectors enumerated
 */
void nvc_rpc_enable_nonstall(struct nvc_gsp *gsp)
{
	nvc_rpc_nonstall_enable(gsp, true);
}

/**
 * nvc_rpc_enable_irq() - switch receive from polling to the interrupt
 * @gsp: the GSP
 *
 * Return: 0 or a negative errno from request_irq().
 */
int nvc_rpc_enable_irq(struct nvc_gsp *gsp)
{
	int ret;

	/* Shared: the PCI backend may fall back to an INTx line. */
	ret = request_irq(gsp->gpu->irq, nvc_rpc_irq, IRQF_SHARED, "nvcore-gsp", gsp);
	if (ret)
		return ret;
	WRITE_ONCE(gsp->irq_mode, true);
	nvc_wr32(gsp->gpu, NVRM_FALCON_GSP_BASE + NV_PFALCON_FALCON_IRQMSET,
		 NV_PFALCON_FALCON_IRQSTAT_SWGEN0__MASK |
		 NV_PFALCON_FALCON_IRQSTAT_HALT__MASK);
	/* Anything that arrived before the mask was set. */
	queue_work(system_highpri_wq, &gsp->rx_work);
	return 0;
}

/**
 * nvc_rpc_disable_irq() - stop interrupt-driven receive
 * @gsp: the GSP
 */
void nvc_rpc_disable_irq(struct nvc_gsp *gsp)
{
	if (!gsp->irq_mode)
		return;
	nvc_wr32(gsp->gpu, NVRM_FALCON_GSP_BASE + NV_PFALCON_FALCON_IRQMCLR,
		 ~0u);
	nvc_rpc_nonstall_enable(gsp, false);
	free_irq(gsp->gpu->irq, gsp);
	cancel_work_sync(&gsp->rx_work);
	WRITE_ONCE(gsp->irq_mode, false);
}

/**
 * nvc_rpc_init() - set up the transport state (not the queues)
 * @gsp: the GSP
 *
 * Return: 0 or -ENOMEM.
 */
int nvc_rpc_init(struct nvc_gsp *gsp)
{
	mutex_init(&gsp->cmdq_lock);
	mutex_init(&gsp->rx_lock);
	spin_lock_init(&gsp->wait_lock);
	spin_lock_init(&gsp->hist_lock);
	INIT_LIST_HEAD(&gsp->waiters);
	INIT_WORK(&gsp->rx_work, nvc_rpc_rx_work);
	init_waitqueue_head(&gsp->rx_wq);
	gsp->next_sequence = 1;
	gsp->rx_buf = kvzalloc(NVC_MSG_BUF_SIZE, GFP_KERNEL);
	if (!gsp->rx_buf)
		return -ENOMEM;
	return 0;
}

/**
 * nvc_rpc_fini() - free the transport state
 * @gsp: the GSP; the transport must be idle (no callers, IRQ disabled)
 */
void nvc_rpc_fini(struct nvc_gsp *gsp)
{
	mutex_lock(&gsp->rx_lock);
	nvc_rpc_kill(gsp, -ESHUTDOWN, "shut down");
	mutex_unlock(&gsp->rx_lock);
	kvfree(gsp->rx_buf);
	mutex_destroy(&gsp->cmdq_lock);
	mutex_destroy(&gsp->rx_lock);
}

/**
 * nvc_rpc_stats_show() - format the transport counters
 * @gsp: the GSP
 * @buf: output
 * @size: its size
 *
 * Return: bytes written.
 */
int nvc_rpc_stats_show(struct nvc_gsp *gsp, char *buf, size_t size)
{
	struct nvc_rpc_stats *s = &gsp->stats;

	return scnprintf(buf, size,
			 "sent %llu\ncalls %llu\nreplies %llu\nevents %llu\ntimeouts %llu\nstale %llu\nbad_csum %llu\nseq_repeat %llu\nseq_gap %llu\nunknown_events %llu\nirqs %llu\npolls %llu\ndead %d\nirq_mode %d\n",
			 s->sent, s->calls, s->replies, s->events, s->timeouts,
			 s->stale, s->bad_csum, s->seq_repeat, s->seq_gap,
			 s->unknown_events, (u64)atomic64_read(&s->irqs),
			 (u64)atomic64_read(&s->polls),
			 READ_ONCE(gsp->dead), READ_ONCE(gsp->irq_mode));
}

/**
 * nvc_rpc_hist_show() - format the RPC history, oldest first
 * @gsp: the GSP
 * @buf: output
 * @size: its size
 *
 * Return: bytes written.
 */
int nvc_rpc_hist_show(struct nvc_gsp *gsp, char *buf, size_t size)
{
	unsigned int head, i, n;
	unsigned long flags;
	int len = 0;

	spin_lock_irqsave(&gsp->hist_lock, flags);
	head = gsp->hist_head;
	n = min_t(unsigned int, head, NVC_RPC_HIST_LEN);
	len += scnprintf(buf + len, size - len, "function sequence start_ns duration_ns result\n");
	for (i = head - n; i != head; i++) {
		struct nvc_rpc_hist *h = &gsp->hist[i % NVC_RPC_HIST_LEN];

		len += scnprintf(buf + len, size - len, "%#x %u %llu %llu %d\n",
				 h->function, h->sequence, h->start_ns,
				 h->dur_ns, h->result);
	}
	spin_unlock_irqrestore(&gsp->hist_lock, flags);
	return len;
}
