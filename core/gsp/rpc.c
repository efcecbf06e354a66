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

		/* Lockdown applies before the GSP can see the notice consumed. */
		if (!ret && info.function == NV_VGPU_MSG_EVENT_GSP_LOCKDOWN_NOTICE)
			nvc_rpc_lockdown_notice(gsp, (u8 *)msg + NVC_MSG_PAYLOAD_OFF,
						info.rpc_length - NVRM_RPC_HDR_SIZE);
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

/*
 * DOC: GSP interrupts
 *
 * On Turing and later every interrupt reaches the CPU through the interrupt
 * tree of the NV_VIRTUAL_FUNCTION aperture (OGKM dev_vm.h): a vector v is
 * pending in LEAF(v / 32), reaches TOP when enabled in LEAF_EN, and raises
 * the CPU interrupt when its subtree (leaf / 2) is enabled in TOP_EN. The
 * GSP falcon's interrupt (SWGEN0: a message; HALT) arrives on the GSP's stall
 * vector, which GSP-RM reports in INTERNAL_INTR_GET_KERNEL_TABLE (the entry
 * whose engineIdx is MC_ENGINE_IDX_GSP; nouveau r535_gsp_intr_get_table);
 * engines' non-stall (fence) interrupts arrive on their non-stall vectors.
 * Until the table is known (boot) nvcore polls.
 *
 * nvcore enables exactly the vectors it services, at leaf level, and their
 * subtrees at top level. The handler walks TOP, then the leaves of each
 * pending subtree, clears what it found (write 1 to clear) before servicing
 * it (OGKM intrservClearInterrupt), then for the GSP vector clears the
 * falcon's IRQSTAT bits and, on Ampere and later, asks the falcon to
 * re-send anything still pending (INTR_RETRIGGER, OGKM
 * kflcnIntrRetrigger_GA100). Non-stall vectors are dispatched right in the
 * hard IRQ handler (fences).
 *
 * Lockdown (OGKM kernel_gsp.c _kgspRpcGspLockdownNotice, kgspService_TU102):
 * while GSP_LOCKDOWN_NOTICE says lockdown is engaged, the CPU must not touch
 * the GSP's interrupt registers. The receive path applies the notice before
 * it hands the message's queue entries back (nvc_rpc_lockdown_notice(), under
 * @irq_lock, so no handler is half-way through the falcon registers); the
 * handler then only clears the tree's leaf and lets the receive worker drain
 * the queue (shared memory). When lockdown ends the falcon is serviced once
 * to catch up.
 */

/* Read and acknowledge the GSP falcon's interrupt; @gsp->irq_lock held. */
static u32 nvc_rpc_gsp_irq_ack(struct nvc_gsp *gsp)
{
	u32 stat;

	lockdep_assert_held(&gsp->irq_lock);
	if (gsp->lockdown)
		return 0;
	stat = nvc_rd32(gsp->gpu, NVRM_FALCON_GSP_BASE + NV_PFALCON_FALCON_IRQSTAT);
	stat &= NV_PFALCON_FALCON_IRQSTAT_SWGEN0__MASK |
		NV_PFALCON_FALCON_IRQSTAT_HALT__MASK;
	/* Edge-triggered: clear before (never after) servicing. */
	if (stat)
		nvc_wr32(gsp->gpu, NVRM_FALCON_GSP_BASE + NV_PFALCON_FALCON_IRQSCLR,
			 stat);
	if (gsp->gpu->chip.arch != NVC_ARCH_TURING)
		nvc_wr32(gsp->gpu, NVRM_FALCON_GSP_BASE +
			 NV_PFALCON_FALCON_INTR_RETRIGGER(0),
			 NV_PFALCON_FALCON_INTR_RETRIGGER_TRIGGER_TRUE);
	return stat;
}

/* The GSP's falcon interrupt; @gsp->irq_lock held. */
static void nvc_rpc_irq_gsp(struct nvc_gsp *gsp)
{
	u32 stat = nvc_rpc_gsp_irq_ack(gsp);

	if (stat & NV_PFALCON_FALCON_IRQSTAT_HALT__MASK)
		WRITE_ONCE(gsp->halted, true);
	atomic64_inc(&gsp->stats.irqs);
	/* A sleeping caller drains for itself; otherwise the worker does. */
	if (!list_empty(&gsp->waiters) && !(stat & NV_PFALCON_FALCON_IRQSTAT_HALT__MASK))
		wake_up_all(&gsp->rx_wq);
	else
		queue_work(system_highpri_wq, &gsp->rx_work);
}

static irqreturn_t nvc_rpc_irq(int irq, void *arg)
{
	struct nvc_gsp *gsp = arg;
	unsigned long nonstall[NVC_INTR_LEAVES] = {};
	unsigned int leaf, bit;
	bool gsp_irq = false;
	u32 top, pend;

	spin_lock(&gsp->irq_lock);
	top = nvc_rd32(gsp->gpu, NVRM_VF_CPU_INTR_TOP(0)) & gsp->top_en;
	if (!top) {
		spin_unlock(&gsp->irq_lock);
		return IRQ_NONE;
	}
	for (leaf = 0; leaf < NVC_INTR_LEAVES; leaf++) {
		if (!gsp->leaf_en[leaf] ||
		    !(top & BIT(NVRM_INTR_SUBTREE_BIT(NVRM_INTR_LEAF_SUBTREE(leaf)))))
			continue;
		pend = nvc_rd32(gsp->gpu, NVRM_VF_CPU_INTR_LEAF(leaf)) &
		       gsp->leaf_en[leaf];
		if (!pend)
			continue;
		nvc_wr32(gsp->gpu, NVRM_VF_CPU_INTR_LEAF(leaf), pend);
		if (gsp->gsp_vector < NVC_INTR_VECTORS &&
		    NVRM_INTR_VECTOR_LEAF(gsp->gsp_vector) == leaf &&
		    (pend & BIT(NVRM_INTR_VECTOR_BIT(gsp->gsp_vector)))) {
			pend &= ~BIT(NVRM_INTR_VECTOR_BIT(gsp->gsp_vector));
			gsp_irq = true;
		}
		nonstall[leaf] = pend;
	}
	if (gsp_irq)
		nvc_rpc_irq_gsp(gsp);
	spin_unlock(&gsp->irq_lock);

	/* Fences: dispatched in hard IRQ, outside @irq_lock. */
	for (leaf = 0; leaf < NVC_INTR_LEAVES; leaf++) {
		for_each_set_bit(bit, &nonstall[leaf], 32) {
			u8 engine = gsp->vec_engine[leaf * 32 + bit];

			if (engine != 0xff)
				nvc_event_nonstall(gsp->gpu, engine);
		}
	}
	return IRQ_HANDLED;
}

/* Enable or disable @vec at leaf level and keep TOP_EN in step. */
static void nvc_rpc_vector_enable(struct nvc_gsp *gsp, u32 vec, bool on)
{
	u32 leaf = NVRM_INTR_VECTOR_LEAF(vec), bit = BIT(NVRM_INTR_VECTOR_BIT(vec));
	u32 subtree = NVRM_INTR_LEAF_SUBTREE(leaf);
	u32 top = BIT(NVRM_INTR_SUBTREE_BIT(subtree));
	unsigned long flags;

	if (vec >= NVC_INTR_VECTORS || NVRM_INTR_SUBTREE_TOP(subtree) != 0)
		return;
	spin_lock_irqsave(&gsp->irq_lock, flags);
	if (on) {
		gsp->leaf_en[leaf] |= bit;
		nvc_wr32(gsp->gpu, NVRM_VF_CPU_INTR_LEAF_EN_SET(leaf), bit);
		if (!(gsp->top_en & top)) {
			gsp->top_en |= top;
			nvc_wr32(gsp->gpu, NVRM_VF_CPU_INTR_TOP_EN_SET(0), top);
		}
	} else {
		gsp->leaf_en[leaf] &= ~bit;
		nvc_wr32(gsp->gpu, NVRM_VF_CPU_INTR_LEAF_EN_CLEAR(leaf), bit);
		if ((gsp->top_en & top) && !gsp->leaf_en[2 * subtree] &&
		    !gsp->leaf_en[2 * subtree + 1]) {
			gsp->top_en &= ~top;
			nvc_wr32(gsp->gpu, NVRM_VF_CPU_INTR_TOP_EN_CLEAR(0), top);
		}
	}
	spin_unlock_irqrestore(&gsp->irq_lock, flags);
}

static void nvc_rpc_nonstall_enable(struct nvc_gsp *gsp, bool on)
{
	unsigned int e;

	for (e = 0; e < gsp->gpu->info.nr_engines; e++)
		nvc_rpc_vector_enable(gsp, gsp->nonstall_vec[e], on);
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
 * nvc_mc_engine_to_nv2080() - NV2080 engine type of an MC engine index
 * @mc_engine_idx: MC_ENGINE_IDX_* of the firmware's version (engine_idx.h)
 *
 * The map nouveau's r535_gsp_intr_get_table keeps: graphics, copy, video
 * decode/encode, JPEG, OFA and SEC2 engines; GSP and the rest have none.
 *
 * Return: NV2080_ENGINE_TYPE_*, or NV2080_ENGINE_TYPE_NULL.
 */
u32 nvc_mc_engine_to_nv2080(u32 mc_engine_idx)
{
	u32 i = mc_engine_idx;

	if (i >= MC_ENGINE_IDX_GR0 && i <= MC_ENGINE_IDX_GR7)
		return NV2080_ENGINE_TYPE_GR0 + (i - MC_ENGINE_IDX_GR0);
	if (i >= MC_ENGINE_IDX_CE0 && i <= MC_ENGINE_IDX_CE9)
		return NV2080_ENGINE_TYPE_COPY0 + (i - MC_ENGINE_IDX_CE0);
	if (i >= MC_ENGINE_IDX_NVDEC0 && i <= MC_ENGINE_IDX_NVDEC7)
		return NV2080_ENGINE_TYPE_NVDEC0 + (i - MC_ENGINE_IDX_NVDEC0);
	if (i >= MC_ENGINE_IDX_MSENC && i <= MC_ENGINE_IDX_MSENC2)
		return NV2080_ENGINE_TYPE_NVENC0 + (i - MC_ENGINE_IDX_MSENC);
	if (i >= MC_ENGINE_IDX_NVJPEG0 && i <= MC_ENGINE_IDX_NVJPEG7)
		return NV2080_ENGINE_TYPE_NVJPEG0 + (i - MC_ENGINE_IDX_NVJPEG0);
	if (i == MC_ENGINE_IDX_OFA0)
		return NV2080_ENGINE_TYPE_OFA;
	if (i == MC_ENGINE_IDX_SEC2)
		return NV2080_ENGINE_TYPE_SEC2;
	return NV2080_ENGINE_TYPE_NULL;
}

/* The GSP's stall vector from INTERNAL_INTR_GET_KERNEL_TABLE. */
static int nvc_rpc_gsp_vector(struct nvc_gsp *gsp)
{
	const struct GspStaticConfigInfo *si = gsp->static_info;
	struct NV2080_CTRL_INTERNAL_INTR_GET_KERNEL_TABLE_PARAMS *p;
	unsigned int i;
	int ret;

	gsp->h_int_client = si->hInternalClient;
	gsp->h_int_subdevice = si->hInternalSubdevice;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = nvc_rm_control(gsp, gsp->h_int_client, gsp->h_int_subdevice,
			     NV2080_CTRL_CMD_INTERNAL_INTR_GET_KERNEL_TABLE, p,
			     sizeof(*p));
	if (ret)
		goto out;
	ret = -EPROTO;
	if (p->tableLen > ARRAY_SIZE(p->table))
		goto out;
	for (i = 0; i < p->tableLen; i++) {
		if (p->table[i].engineIdx != MC_ENGINE_IDX_GSP)
			continue;
		if (p->table[i].vectorStall >= NVC_INTR_VECTORS)
			break;
		gsp->gsp_vector = p->table[i].vectorStall;
		ret = 0;
		break;
	}
out:
	if (ret)
		dev_err(gsp->gpu->dev, "nvcore: no usable GSP interrupt vector in the kernel interrupt table (%d)\n",
			ret);
	kfree(p);
	return ret;
}

/**
 * nvc_rpc_enable_irq() - switch receive from polling to the interrupt
 * @gsp: the GSP, booted, with its static info
 *
 * Looks up the GSP's stall vector, then enables the falcon's SWGEN0 and
 * HALT interrupts, the vector and its subtree.
 *
 * Return: 0 or a negative errno.
 */
int nvc_rpc_enable_irq(struct nvc_gsp *gsp)
{
	unsigned long flags;
	int ret;

	ret = nvc_rpc_gsp_vector(gsp);
	if (ret)
		return ret;
	ret = request_irq(gsp->gpu->irq, nvc_rpc_irq, IRQF_SHARED, "nvcore-gsp", gsp);
	if (ret)
		return ret;
	WRITE_ONCE(gsp->irq_mode, true);
	spin_lock_irqsave(&gsp->irq_lock, flags);
	if (!gsp->lockdown)
		nvc_wr32(gsp->gpu, NVRM_FALCON_GSP_BASE + NV_PFALCON_FALCON_IRQMSET,
			 NV_PFALCON_FALCON_IRQSTAT_SWGEN0__MASK |
			 NV_PFALCON_FALCON_IRQSTAT_HALT__MASK);
	spin_unlock_irqrestore(&gsp->irq_lock, flags);
	nvc_rpc_vector_enable(gsp, gsp->gsp_vector, true);
	/* Anything that arrived before the vector was enabled. */
	queue_work(system_highpri_wq, &gsp->rx_work);
	return 0;
}

/**
 * nvc_rpc_disable_irq() - stop interrupt-driven receive
 * @gsp: the GSP
 */
void nvc_rpc_disable_irq(struct nvc_gsp *gsp)
{
	unsigned long flags;
	unsigned int i;

	if (!gsp->irq_mode)
		return;
	spin_lock_irqsave(&gsp->irq_lock, flags);
	if (!gsp->lockdown)
		nvc_wr32(gsp->gpu, NVRM_FALCON_GSP_BASE + NV_PFALCON_FALCON_IRQMCLR,
			 ~0u);
	for (i = 0; i < NVC_INTR_LEAVES; i++)
		if (gsp->leaf_en[i])
			nvc_wr32(gsp->gpu, NVRM_VF_CPU_INTR_LEAF_EN_CLEAR(i),
				 gsp->leaf_en[i]);
	memset(gsp->leaf_en, 0, sizeof(gsp->leaf_en));
	if (gsp->top_en)
		nvc_wr32(gsp->gpu, NVRM_VF_CPU_INTR_TOP_EN_CLEAR(0), gsp->top_en);
	gsp->top_en = 0;
	spin_unlock_irqrestore(&gsp->irq_lock, flags);
	free_irq(gsp->gpu->irq, gsp);
	cancel_work_sync(&gsp->rx_work);
	WRITE_ONCE(gsp->irq_mode, false);
}

/**
 * nvc_rpc_lockdown_notice() - apply a GSP_LOCKDOWN_NOTICE
 * @gsp: the GSP
 * @payload: rpc_gsp_lockdown_notice_v17_00, untrusted
 * @len: its length
 *
 * Called by the receiver before the message's entries go back to the GSP.
 * While lockdown is engaged the interrupt handler leaves the GSP's
 * interrupt registers alone; when it ends, the falcon is serviced once.
 * Context: process, @gsp->rx_lock held.
 */
void nvc_rpc_lockdown_notice(struct nvc_gsp *gsp, const void *payload,
			     size_t len)
{
	const struct rpc_gsp_lockdown_notice_v17_00 *n = payload;
	unsigned long flags;
	bool on, was;

	lockdep_assert_held(&gsp->rx_lock);
	if (len < sizeof(*n)) {
		dev_warn_ratelimited(gsp->gpu->dev,
				     "nvcore: short GSP_LOCKDOWN_NOTICE (%zu bytes)\n", len);
		return;
	}
	on = n->bLockdownEngaging;
	spin_lock_irqsave(&gsp->irq_lock, flags);
	was = gsp->lockdown;
	gsp->lockdown = on;
	if (on && !was)
		gsp->lockdowns++;
	/* Lockdown over: catch up with what the falcon raised meanwhile. */
	if (was && !on && READ_ONCE(gsp->irq_mode))
		nvc_rpc_irq_gsp(gsp);
	spin_unlock_irqrestore(&gsp->irq_lock, flags);
	dev_dbg(gsp->gpu->dev, "nvcore: GSP lockdown %s\n",
		on ? "engaged" : "disengaged");
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
	spin_lock_init(&gsp->irq_lock);
	gsp->gsp_vector = U32_MAX;
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
