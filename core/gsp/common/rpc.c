// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP transport: RPCs over the two shared-memory queues.
 *
 * DOC: GSP RPC transport
 *
 * The command queue carries CPU→GSP messages, the status queue GSP→CPU
 * messages (fact sheet §1–§3; the ring and element codec live in msgq.c).
 *
 * Sending. Senders serialise on @cmdq_lock; a payload larger than one
 * message goes out as a first part plus continuation records without
 * interleaving. Every message gets the next RPC sequence number in
 * rpc.sequence, assigned under @cmdq_lock in queue order, continuation
 * records included (nouveau 90caca3b7264 "use rpc sequence numbers
 * properly": 570 firmware asserts on out-of-order numbers); the numbers
 * start at 1 after each boot and skip 0. GSP_SET_SYSTEM_INFO and
 * SET_REGISTRY carry 0 and take no number, as nouveau sends them (OGKM's
 * GSP path leaves rpc.sequence 0 for everything: the firmware accepts 0).
 *
 * Matching replies. GSP-RM serves the command queue in order and answers
 * a synchronous RPC with the same function number (OGKM _kgspRpcRecvPoll
 * waits by function number; no NVIDIA CPU path relies on the firmware
 * echoing rpc.sequence). A caller is put on the waiter list, in queue
 * order, under @cmdq_lock before its first message becomes visible. A
 * reply goes to the oldest waiter with its function. When the firmware
 * echoes rpc.sequence (a non-zero value that names a waiter), the reply
 * goes to that waiter, and once one reply matched that way, an echoed
 * number nobody waits for any more is stale.
 *
 * Timeouts. Time-based (rpc_timeout_ms). If the GSP consumed nothing from
 * the command queue during the whole wait, it is hung and the transport is
 * declared dead. Otherwise the caller gets -ETIMEDOUT; without sequence
 * echo its place in the FIFO is kept by a ghost that absorbs its late reply
 * (stale), so later callers stay in step. A reply that is dropped rather
 * than late cannot be told apart without echo: if a ghost absorbed a reply
 * and then another caller whose request GSP-RM consumed times out before
 * any caller got a reply, the replies are presumed out of step and the
 * transport is declared dead (NVC_LOST_PROTOCOL: recovery re-boots GSP-RM).
 *
 * Replies are read by the rule their producer follows (OGKM
 * kernel/vgpu/nv/rpc.c): a reply at least as long as the caller needs is
 * accepted and copied up to the caller's buffer; a reply whose rpc_result
 * is not 0 may be header-only (OGKM reads nothing else then, e.g. for FREE
 * and for the large, one-way ALLOC_MEMORY). Multi-part replies end when
 * they carry what the caller needs (OGKM _issueRpcLarge, nouveau
 * r535_gsp_msgq_recv) or with a part shorter than a full message.
 *
 * Receiving. Receivers serialise on @rx_lock. Whoever holds it drains the
 * status queue: the header of each message is fetched once and validated,
 * then the payload is copied straight from the ring into its destination
 * (the waiter's buffer, at the reassembly offset for continuation records;
 * a staging buffer for events) and checksummed in the same pass. A message
 * with a bad checksum fails the waiter it was addressed to (-EBADMSG).
 * Events (function >= 0x1000) go to the event dispatcher. During boot
 * callers poll. After boot the GSP interrupt (SWGEN0) queues @rx_work; a
 * waiting caller first spins briefly, draining the queue itself (no wake-up
 * on the fast path; one caller at a time polls, draining replies for all,
 * while the others sleep; real GSP-RM controls take about 100 us, and under
 * QEMU a 200 us window measured 150-175 us p50 against 29 us for 500 us,
 * hence the 500 us default), then sleeps in 10 ms slices and drains once
 * per slice, so a lost interrupt costs latency, not a reply.
 *
 * A dead transport (hang, HALT interrupt, a status queue that cannot be
 * parsed) completes every waiter at once with -ENODEV and refuses new
 * calls.
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

#include <nvrm/common/msgq.h>
#include <nvrm/common/regs.h>
#include <nvrm/common/status.h>

#include "../../nvcore.h"
#include "../gsp.h"
#include "msgq.h"

static unsigned int rpc_timeout_ms = 2000;
module_param(rpc_timeout_ms, uint, 0644);
MODULE_PARM_DESC(rpc_timeout_ms, "GSP RPC timeout in milliseconds (default 2000)");

static unsigned int rpc_spin_us = 500;
module_param(rpc_spin_us, uint, 0644);
MODULE_PARM_DESC(rpc_spin_us, "How long one waiting caller polls for replies before sleeping (default 500)");

static unsigned int rpc_test_seq_skip;
module_param(rpc_test_seq_skip, uint, 0600);
MODULE_PARM_DESC(rpc_test_seq_skip, "Test hook: skip this many RPC sequence numbers once (out of order for firmware that checks them)");

#define NVC_RPC_SLICE_MS	10

#define NVC_MSG_BUF_SIZE	NVRM_MSG_MAX_SIZE

/**
 * struct nvc_rpc_waiter - a caller waiting for its reply (or its ghost)
 * @node: entry in &nvc_gsp.waiters (or &nvc_gsp.ghosts) while unclaimed
 * @function: function of the call
 * @seq_first: rpc.sequence of its first message
 * @seq_last: rpc.sequence of its last message (continuation records)
 * @tx_end: command-queue elements sent up to its last one: its place in
 *	queue order
 * @reply: where the reply payload goes (NULL for a ghost)
 * @cap: capacity of @reply
 * @need: payload bytes the caller needs (<= @cap)
 * @have: payload bytes received so far (may exceed @cap)
 * @rpc_result: rpc_result of the reply
 * @status: 0, or the errno that ended the wait
 * @done: completed by the receiver or by nvc_rpc_kill()
 */
struct nvc_rpc_waiter {
	struct list_head node;
	u32 function;
	u32 seq_first;
	u32 seq_last;
	u64 tx_end;
	void *reply;
	size_t cap;
	size_t need;
	size_t have;
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

/* Free the ghosts of timed-out callers. Context: @wait_lock held. */
static void nvc_rpc_ghosts_free(struct nvc_gsp *gsp, struct list_head *out)
{
	list_splice_init(&gsp->ghosts, out);
}

static void nvc_rpc_ghost_list_free(struct list_head *list)
{
	struct nvc_rpc_waiter *w, *tmp;

	list_for_each_entry_safe(w, tmp, list, node) {
		list_del(&w->node);
		kfree(w);
	}
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
	LIST_HEAD(ghosts);

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
	nvc_rpc_ghosts_free(gsp, &ghosts);
	w = gsp->rx_cont;
	gsp->rx_cont = NULL;
	if (w) {
		w->status = -ENODEV;
		complete(&w->done);
	}
	spin_unlock_irqrestore(&gsp->wait_lock, flags);
	nvc_rpc_ghost_list_free(&ghosts);
	wake_up_all(&gsp->rx_wq);

	dev_err(gsp->gpu->dev, "nvcore: GSP transport dead (%d): %s\n", err, why);
	if (err != -ESHUTDOWN)
		nvc_gpu_lost(gsp->gpu, err == -ETIMEDOUT ? NVC_LOST_GSP_HANG :
			     err == -EIO ? NVC_LOST_GSP_CRASH : NVC_LOST_PROTOCOL);
}

/* The waiter list entry of @fn and @seq, or NULL. Context: @wait_lock. */
static struct nvc_rpc_waiter *nvc_rpc_find_seq(struct list_head *list, u32 fn,
					       u32 seq)
{
	struct nvc_rpc_waiter *w;

	list_for_each_entry(w, list, node)
		if (w->function == fn &&
		    seq - w->seq_first <= w->seq_last - w->seq_first)
			return w;
	return NULL;
}

static struct nvc_rpc_waiter *nvc_rpc_find_fn(struct list_head *list, u32 fn)
{
	struct nvc_rpc_waiter *w;

	list_for_each_entry(w, list, node)
		if (w->function == fn)
			return w;
	return NULL;
}

/*
 * Claim the waiter a reply belongs to (see the DOC above); a ghost is
 * freed and reported as NULL with *@ghost set. Context: @rx_lock held.
 */
static struct nvc_rpc_waiter *nvc_rpc_claim(struct nvc_gsp *gsp,
					    const struct nvc_msgq_msg_info *info,
					    bool *ghost)
{
	struct nvc_rpc_waiter *w = NULL, *g = NULL;
	unsigned long flags;

	*ghost = false;
	spin_lock_irqsave(&gsp->wait_lock, flags);
	if (info->sequence) {
		w = nvc_rpc_find_seq(&gsp->waiters, info->function,
				     info->sequence);
		if (w)
			gsp->echo = true;
		else if (gsp->echo)
			goto out;
	}
	if (!w) {
		/* In queue order: the oldest of the waiters and the ghosts. */
		w = nvc_rpc_find_fn(&gsp->waiters, info->function);
		g = nvc_rpc_find_fn(&gsp->ghosts, info->function);
		if (g && (!w || g->tx_end < w->tx_end)) {
			list_del(&g->node);
			gsp->ghost_fed = true;
			*ghost = true;
			w = NULL;
		} else {
			g = NULL;
		}
	}
	if (w)
		list_del_init(&w->node);
out:
	spin_unlock_irqrestore(&gsp->wait_lock, flags);
	kfree(g);
	return w;
}

static void nvc_rpc_finish(struct nvc_gsp *gsp, struct nvc_rpc_waiter *w,
			   int status)
{
	w->status = status;
	if (!status) {
		gsp->stats.replies++;
		gsp->ghost_fed = false;
	}
	complete(&w->done);
	wake_up_all(&gsp->rx_wq);
}

/* A reply (first part) arrived for @w: its payload is already copied. */
static void nvc_rpc_reply(struct nvc_gsp *gsp, struct nvc_rpc_waiter *w,
			  const struct nvc_msgq_msg_info *info, size_t plen)
{
	unsigned long flags;

	w->rpc_result = info->rpc_result;
	w->have = plen;
	if (plen == NVC_RPC_CHUNK && w->have < w->need) {
		/* A full first part: continuation records follow. */
		spin_lock_irqsave(&gsp->wait_lock, flags);
		gsp->rx_cont = w;
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		return;
	}
	nvc_rpc_finish(gsp, w, 0);
}

/* A continuation record arrived for @w: its payload is already copied. */
static void nvc_rpc_cont(struct nvc_gsp *gsp, struct nvc_rpc_waiter *w,
			 size_t plen)
{
	unsigned long flags;

	w->have += plen;
	if (plen == NVC_RPC_CHUNK && w->have < w->need)
		return;
	spin_lock_irqsave(&gsp->wait_lock, flags);
	gsp->rx_cont = NULL;
	spin_unlock_irqrestore(&gsp->wait_lock, flags);
	nvc_rpc_finish(gsp, w, 0);
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
		nvc_rpc_finish(gsp, w, -EPROTO);
	}
}

/* Track the element seqNum; false if the message repeats an old one. */
static bool nvc_rpc_rx_seq(struct nvc_gsp *gsp, u32 seq)
{
	if (seq != gsp->rx_seq) {
		if ((s32)(seq - gsp->rx_seq) < 0) {
			gsp->stats.seq_repeat++;
			dev_warn_ratelimited(gsp->gpu->dev,
					     "nvcore: GSP message with repeated seqNum %u dropped\n",
					     seq);
			return false;
		}
		gsp->stats.seq_gap++;
		dev_warn_ratelimited(gsp->gpu->dev,
				     "nvcore: GSP seqNum jumped from %u to %u\n",
				     gsp->rx_seq, seq);
	}
	gsp->rx_seq = seq + 1;
	return true;
}

static void nvc_rpc_rx_locked(struct nvc_gsp *gsp)
{
	struct nvc_msgq_ring ring = {
		.entries = gsp->statq_entries,
		.count = NVRM_MSGQ_MSG_COUNT,
	};
	struct GSP_MSG_QUEUE_ELEMENT hdr;
	struct nvc_msgq_msg_info info;
	struct nvc_rpc_waiter *w;
	size_t plen, n;
	bool ghost, fresh;
	void *dst;
	u32 wptr;
	int ret;

	lockdep_assert_held(&gsp->rx_lock);

	while (!READ_ONCE(gsp->dead)) {
		wptr = READ_ONCE(gsp->statq->writePtr);
		/* See the peer's entries no earlier than its write pointer. */
		smp_rmb();
		ret = nvc_msgq_peek(&ring, gsp->rx_rptr, wptr, &hdr, &info);
		if (ret == -EAGAIN)
			break;
		if (ret) {
			nvc_rpc_kill(gsp, ret, ret == -EPROTO ?
				     "status queue pointers out of range" :
				     "malformed status queue message");
			break;
		}
		plen = info.rpc_length - NVRM_RPC_HDR_SIZE;

		/* Where the payload goes, decided from the fetched header. */
		w = NULL;
		dst = NULL;
		n = 0;
		ghost = false;
		fresh = nvc_rpc_rx_seq(gsp, info.seq);
		if (!fresh) {
			/* Dropped below; still checksummed for the count. */
		} else if (info.function == NVC_RPC_FN_CONTINUATION) {
			w = gsp->rx_cont;
		} else if (info.function >= gsp->fwops->ev_first) {
			dst = gsp->rx_buf;
			n = plen;
		} else {
			w = nvc_rpc_claim(gsp, &info, &ghost);
		}
		if (w && w->have < w->cap) {
			dst = (u8 *)w->reply + w->have;
			n = min(plen, w->cap - w->have);
		}
		ret = nvc_msgq_take(&ring, gsp->rx_rptr, &hdr, &info, dst, n);

		/* Lockdown applies before the GSP can see the notice consumed. */
		if (!ret && dst == gsp->rx_buf &&
		    info.function == gsp->fwops->ev_lockdown)
			nvc_rpc_lockdown_notice(gsp, gsp->rx_buf, plen);
		/* Entries copied out; hand them back before dispatching. */
		gsp->rx_rptr = info.next_rptr;
		/* Our copy is complete before the GSP may reuse the entries. */
		smp_mb();
		WRITE_ONCE(gsp->statq_rptr->readPtr, gsp->rx_rptr);

		if (ret) {
			/* Intact framing, damaged contents. */
			gsp->stats.bad_csum++;
			dev_warn_ratelimited(gsp->gpu->dev,
					     "nvcore: GSP message with bad checksum dropped\n");
			if (w) {
				if (w == gsp->rx_cont)
					gsp->rx_cont = NULL;
				nvc_rpc_finish(gsp, w, -EBADMSG);
			}
			continue;
		}
		if (!fresh)
			continue;

		if (info.function == NVC_RPC_FN_CONTINUATION) {
			if (w)
				nvc_rpc_cont(gsp, w, plen);
			else
				gsp->stats.stale++;
			continue;
		}
		nvc_rpc_cont_abort(gsp);
		if (info.function >= gsp->fwops->ev_first) {
			gsp->stats.events++;
			gsp->fwops->event(gsp, info.function, info.rpc_result,
					  gsp->rx_buf, plen);
			continue;
		}
		if (w)
			nvc_rpc_reply(gsp, w, &info, plen);
		else
			gsp->stats.stale++;
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

/*
 * Command-queue elements the GSP has consumed since boot. Context:
 * @cmdq_lock held (so @tx_total and @cmdq_wptr agree); the GSP's read
 * pointer never passes our write pointer, and at most msgCount - 1
 * elements are outstanding.
 */
static u64 nvc_rpc_consumed_locked(struct nvc_gsp *gsp)
{
	u32 rptr = nvc_rpc_gsp_rptr(gsp), n = NVRM_MSGQ_MSG_COUNT;

	if (rptr >= n)
		return 0;
	return gsp->tx_total - (gsp->cmdq_wptr + n - rptr) % n;
}

/* Functions nouveau sends without an RPC sequence number. */
static bool nvc_rpc_noseq(struct nvc_gsp *gsp, u32 function)
{
	return function == gsp->fwops->fn_set_system_info ||
	       function == gsp->fwops->fn_set_registry;
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
	gsp->tx_total += ret;
	WRITE_ONCE(gsp->cmdq->writePtr, new_wptr);
	/* The pointer is visible before the doorbell rings. */
	mb();
	nvc_wr32(gsp->gpu, NV_PGSP_QUEUE_HEAD(0), 0);
	gsp->tx_seq++;
	gsp->stats.sent++;
	return 0;
}

/*
 * Send @payload as one RPC. @w (a synchronous caller, or NULL) joins the
 * waiter list in queue order before its first message is visible; then
 * @consumed (if not NULL) is how much of the command queue the GSP had
 * consumed just before.
 */
static int nvc_rpc_send(struct nvc_gsp *gsp, u32 function,
			const void *payload, size_t len,
			struct nvc_rpc_waiter *w, u64 *consumed)
{
	ktime_t end = ktime_add_ms(ktime_get(), rpc_timeout_ms);
	bool noseq = nvc_rpc_noseq(gsp, function);
	struct nvc_rpc_split split;
	unsigned long flags;
	const void *chunk;
	size_t chunk_len;
	u32 fn, seq = 0;
	int ret = 0;

	mutex_lock(&gsp->cmdq_lock);
	if (consumed)
		*consumed = nvc_rpc_consumed_locked(gsp);
	if (!noseq && READ_ONCE(rpc_test_seq_skip)) {
		gsp->next_sequence += xchg(&rpc_test_seq_skip, 0);
		if (!gsp->next_sequence)
			gsp->next_sequence = 1;
	}
	if (w) {
		spin_lock_irqsave(&gsp->wait_lock, flags);
		if (gsp->dead) {
			ret = -ENODEV;
		} else {
			w->seq_first = noseq ? 0 : gsp->next_sequence;
			list_add_tail(&w->node, &gsp->waiters);
			gsp->stats.calls++;
		}
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		if (ret)
			goto out;
	}
	nvc_rpc_split_init(&split, function, payload, len);
	while (nvc_rpc_split_next(&split, &fn, &chunk, &chunk_len)) {
		if (!noseq) {
			seq = gsp->next_sequence++;
			if (!gsp->next_sequence)
				gsp->next_sequence = 1;
		}
		ret = nvc_rpc_push_locked(gsp, fn, seq, chunk, chunk_len, end);
		if (ret)
			break;
	}
	if (w) {
		w->seq_last = seq;
		w->tx_end = gsp->tx_total;
	}
out:
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
	return nvc_rpc_send(gsp, function, req, req_len, NULL, NULL);
}

/* Drop @w from the waiter list; a ghost keeps its place if @ghost. */
static void nvc_rpc_abandon(struct nvc_gsp *gsp, struct nvc_rpc_waiter *w,
			    struct nvc_rpc_waiter *ghost)
{
	if (list_empty(&w->node)) {
		kfree(ghost);
		return;
	}
	list_del_init(&w->node);
	if (!ghost)
		return;
	*ghost = *w;
	ghost->reply = NULL;
	/* Ghosts are kept in queue order too. */
	list_add_tail(&ghost->node, &gsp->ghosts);
}

/* Spin and sleep until @w completes or its time is up (see the DOC). */
static void nvc_rpc_wait_done(struct nvc_gsp *gsp, struct nvc_rpc_waiter *w,
			      ktime_t start)
{
	ktime_t spin_end = ktime_add_us(start, rpc_spin_us);
	ktime_t end = ktime_add_ms(start, rpc_timeout_ms);
	bool spinner = !atomic_cmpxchg(&gsp->spinners, 0, 1);
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
}

/**
 * nvc_rpc_spin_us() - the receive spin window
 *
 * Return: how long (µs) one waiting caller polls before it sleeps; the
 * benchmark baseline uses the same window.
 */
unsigned int nvc_rpc_spin_us(void)
{
	return READ_ONCE(rpc_spin_us);
}

/**
 * nvc_rpc_echo() - a NOP RPC, for the transport tests
 * @gsp: the GSP
 * @req: request payload
 * @reply: receives the reply payload
 * @len: size of both
 * @rpc_result: receives rpc_result
 *
 * nvsim answers NOP with the request's payload; real GSP-RM is never sent
 * one (see nvc_gsp_ping()). Only nvcore_test.ko calls this.
 *
 * Return: as nvc_rpc_call().
 */
int nvc_rpc_echo(struct nvc_gsp *gsp, const void *req, void *reply,
		 size_t len, u32 *rpc_result)
{
	return nvc_rpc_call(gsp, gsp->fwops->fn_nop, req, len, reply,
			    len, rpc_result);
}

static int nvc_rpc_wait(struct nvc_gsp *gsp, struct nvc_rpc_waiter *w,
			u64 consumed_at_send)
{
	struct nvc_rpc_waiter *ghost;
	unsigned long flags;
	bool hung, taken, misstep = false;
	u64 consumed;

	nvc_rpc_wait_done(gsp, w, ktime_get());
	if (completion_done(&w->done))
		return 0;

	/* Timed out. How far did the GSP get? */
	ghost = kmalloc(sizeof(*ghost), GFP_KERNEL);
	mutex_lock(&gsp->cmdq_lock);
	consumed = nvc_rpc_consumed_locked(gsp);
	hung = consumed == consumed_at_send && consumed < gsp->tx_total;
	taken = consumed >= w->tx_end;
	mutex_unlock(&gsp->cmdq_lock);

	/* Detach under rx_lock so no receiver still holds us. */
	mutex_lock(&gsp->rx_lock);
	nvc_rpc_rx_locked(gsp);
	spin_lock_irqsave(&gsp->wait_lock, flags);
	if (completion_done(&w->done)) {
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		mutex_unlock(&gsp->rx_lock);
		kfree(ghost);
		return 0;
	}
	if (gsp->rx_cont == w)
		gsp->rx_cont = NULL;
	if (gsp->echo || hung) {
		nvc_rpc_abandon(gsp, w, NULL);
		kfree(ghost);
	} else {
		/* Without echo, a ghost keeps the FIFO in step. */
		misstep = gsp->ghost_fed && taken;
		nvc_rpc_abandon(gsp, w, ghost);
	}
	spin_unlock_irqrestore(&gsp->wait_lock, flags);

	gsp->stats.timeouts++;
	dev_err_ratelimited(gsp->gpu->dev,
			    "nvcore: GSP RPC %#x (seq %u) timed out after %u ms%s\n",
			    w->function, w->seq_first, rpc_timeout_ms,
			    hung ? "; GSP consumed nothing: hung" : "");
	if (gsp->stats.timeouts == 1)
		nvc_rpc_hist_dump(gsp);
	if (hung)
		nvc_rpc_kill(gsp, -ETIMEDOUT, "GSP not consuming the command queue");
	else if (misstep)
		nvc_rpc_kill(gsp, -EPROTO, "a reply was lost: replies out of step");
	mutex_unlock(&gsp->rx_lock);
	return -ETIMEDOUT;
}

/**
 * nvc_rpc_call_len() - send an RPC and wait for a reply of variable length
 * @gsp: the GSP
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: request payload
 * @req_len: its length (may exceed one message: continuation records)
 * @reply: buffer for the reply payload (may be NULL if @cap is 0)
 * @cap: its size; longer replies are truncated to it
 * @need: payload bytes the reply must carry when its rpc_result is 0
 * @got: if not NULL, the reply's payload length (may exceed @cap)
 * @rpc_result: if not NULL, the reply's rpc_result; if NULL, a non-zero
 *	rpc_result is returned as an errno
 *
 * Any number of callers may call concurrently. A reply whose rpc_result is
 * not 0 may be of any length (header-only included).
 *
 * Return: 0 when a reply arrived, -ETIMEDOUT, -ENODEV when the transport
 * is or becomes dead, -EBADMSG for a reply with a bad checksum, -EPROTO
 * for a malformed multi-part reply, -EMSGSIZE for a successful reply
 * shorter than @need, -EINVAL for @need > @cap.
 * Context: process, may sleep.
 */
int nvc_rpc_call_len(struct nvc_gsp *gsp, u32 function, const void *req,
		     size_t req_len, void *reply, size_t cap, size_t need,
		     size_t *got, u32 *rpc_result)
{
	struct nvc_rpc_waiter w = {
		.function = function,
		.reply = reply,
		.cap = cap,
		.need = need,
	};
	ktime_t start = ktime_get();
	u64 consumed;
	int ret;

	might_sleep();
	if (need > cap)
		return -EINVAL;
	init_completion(&w.done);
	INIT_LIST_HEAD(&w.node);
	if (READ_ONCE(gsp->dead))
		return -ENODEV;

	ret = nvc_rpc_send(gsp, function, req, req_len, &w, &consumed);
	if (ret) {
		unsigned long flags;

		spin_lock_irqsave(&gsp->wait_lock, flags);
		if (!list_empty(&w.node))
			list_del_init(&w.node);
		spin_unlock_irqrestore(&gsp->wait_lock, flags);
		goto out;
	}

	ret = nvc_rpc_wait(gsp, &w, consumed);
	if (!ret)
		ret = w.status;
	if (!ret && got)
		*got = w.have;
	if (!ret && !w.rpc_result && w.have < need)
		ret = -EMSGSIZE;
	if (!ret && rpc_result)
		*rpc_result = w.rpc_result;
	else if (!ret && w.rpc_result)
		ret = nvc_nv_status_to_errno(w.rpc_result);
out:
	nvc_rpc_hist_add(gsp, function, w.seq_first, start,
			 ret ? ret : (s32)w.rpc_result);
	return ret;
}

/**
 * nvc_rpc_call() - send an RPC and wait for its reply
 * @gsp: the GSP
 * @function: NV_VGPU_MSG_FUNCTION_*
 * @req: request payload
 * @req_len: its length (may exceed one message: continuation records)
 * @reply: buffer for the reply payload
 * @reply_len: bytes needed: a successful reply carries at least this many
 *	(more are ignored)
 * @rpc_result: if not NULL, the reply's rpc_result (then a reply with a
 *	non-zero rpc_result may be header-only); if NULL, a non-zero
 *	rpc_result is returned as an errno
 *
 * Return: see nvc_rpc_call_len().
 * Context: process, may sleep.
 */
int nvc_rpc_call(struct nvc_gsp *gsp, u32 function, const void *req,
		 size_t req_len, void *reply, size_t reply_len,
		 u32 *rpc_result)
{
	return nvc_rpc_call_len(gsp, function, req, req_len, reply, reply_len,
				reply_len, NULL, rpc_result);
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

	ret = gsp->fwops->gsp_vector(gsp);
	if (ret)
		return ret;
	/* Shared: the PCI backend may fall back to an INTx line. */
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
 * @payload: the notice (rpc_gsp_lockdown_notice_v17_00), untrusted
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
	unsigned long flags;
	bool was;
	int on;

	lockdep_assert_held(&gsp->rx_lock);
	on = gsp->fwops->lockdown(payload, len);
	if (on < 0) {
		dev_warn_ratelimited(gsp->gpu->dev,
				     "nvcore: short GSP_LOCKDOWN_NOTICE (%zu bytes)\n", len);
		return;
	}
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
	INIT_LIST_HEAD(&gsp->ghosts);
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

/**
 * nvc_nv_status_to_errno() - map an NV_STATUS to a negative errno
 * @status: NV_STATUS (or an NV_VGPU_MSG_RESULT_* code)
 *
 * Return: 0 for NV_OK, else a negative errno.
 */
int nvc_nv_status_to_errno(u32 status)
{
	switch (status) {
	case NV_OK:
		return 0;
	case NV_ERR_NO_MEMORY:
	case NV_ERR_INSUFFICIENT_RESOURCES:
		return -ENOMEM;
	case NV_ERR_NOT_READY:
	case NV_ERR_BUSY_RETRY:
	case NV_ERR_TIMEOUT_RETRY:
	case NV_ERR_IN_USE:
	case NV_ERR_STATE_IN_USE:
		return -EBUSY;
	case NV_ERR_INVALID_OBJECT_HANDLE:
	case NV_ERR_OBJECT_NOT_FOUND:
	case NV_ERR_INVALID_OBJECT_PARENT:
	case NV_ERR_INVALID_CLIENT:
		return -ENOENT;
	case NV_ERR_INSERT_DUPLICATE_NAME:
		return -EEXIST;
	case NV_ERR_NOT_SUPPORTED:
	case NV_ERR_INVALID_CLASS:
	case NV_ERR_INVALID_COMMAND:
	case NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION:
		return -EOPNOTSUPP;
	case NV_ERR_INSUFFICIENT_PERMISSIONS:
		return -EPERM;
	case NV_ERR_TIMEOUT:
		return -ETIMEDOUT;
	case NV_ERR_GPU_IS_LOST:
		return -ENODEV;
	default:
		return -EINVAL;
	}
}
