// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: GSP-RM's side of the message queues: shared-memory access, the
 * status queue (send, events, posted events), the command queue (receive,
 * large-RPC reassembly, dispatch, replies).
 */
#include <linux/delay.h>
#include <linux/slab.h>

#include "nvsim.h"
#include "gsp_priv.h"
#include "wire.h"

#define NVSIM_TX_WAIT_MS	1000
#define NVSIM_POSTED_BATCH	64	/* events sent between queue services */
#define NVSIM_CONT_WAIT_MS	1000
#define NVSIM_CONT_GUESS_MS	50
#define NVSIM_RPC_CAP		(4u << 20)

/* ---- shared memory ---- */

int nvsim_shm_rw(struct nvsim_gpu *gpu, u64 off, void *buf, size_t len,
		 bool write)
{
	struct nvsim_shm *shm = &gpu->fw.shm;

	return nvsim_pages_rw(gpu, shm->pte, shm->npages, off, buf, len, write);
}

int nvsim_shm_rd32(struct nvsim_gpu *gpu, u64 off, u32 *val)
{
	struct nvsim_shm *shm = &gpu->fw.shm;

	if (off + 4 > (u64)shm->npages * NVSIM_GSP_PAGE_SIZE)
		return -ERANGE;
	return nvsim_dma_rd32(gpu, shm->pte[off / NVSIM_GSP_PAGE_SIZE] +
			      off % NVSIM_GSP_PAGE_SIZE, val);
}

int nvsim_shm_wr32(struct nvsim_gpu *gpu, u64 off, u32 val)
{
	struct nvsim_shm *shm = &gpu->fw.shm;

	if (off + 4 > (u64)shm->npages * NVSIM_GSP_PAGE_SIZE)
		return -ERANGE;
	return nvsim_dma_wr32(gpu, shm->pte[off / NVSIM_GSP_PAGE_SIZE] +
			      off % NVSIM_GSP_PAGE_SIZE, val);
}

static u64 nvsim_entry_off(u32 queue, u32 idx)
{
	return (u64)queue + NVSIM_MSGQ_ENTRY_OFF + (u64)idx * NVSIM_MSGQ_ENTRY_SIZE;
}

/* ---- sending ---- */

static bool nvsim_statq_space(struct nvsim_gpu *gpu, u32 elems, int *err)
{
	struct nvsim_fw *fw = &gpu->fw;
	u32 rptr;

	*err = nvsim_shm_rd32(gpu, fw->shm.cmdq + NVSIM_MSGQ_RXHDR_OFF, &rptr);
	if (*err)
		return false;
	if (rptr >= NVSIM_MSGQ_MSG_COUNT) {
		if (!fw->bad_rptr) {
			fw->bad_rptr = true;
			nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_PTR);
			pr_warn_ratelimited("nvsim: GPU %u: status-queue read pointer %u out of range\n",
					    gpu->index, rptr);
		}
		return false;
	}
	fw->bad_rptr = false;
	return nvsim_ring_free(rptr, fw->statq_wptr, NVSIM_MSGQ_MSG_COUNT) >= elems;
}

static const u8 nvsim_zero_page[NVSIM_MSGQ_ENTRY_SIZE];

/* Faults that damage a message's header; it stays sealed over @body. */
static void nvsim_tx_damage(struct nvsim_gpu *gpu,
			    struct nvsim_msgq_elem *e, u64 body)
{
	if (nvsim_fault_take(gpu, NVSIM_F_BAD_LENGTH)) {
		switch (nvsim_fault_rand(gpu) % 4) {
		case 0:
			e->elemCount = 0;
			break;
		case 1:
			e->elemCount = cpu_to_le32(NVSIM_MSG_MAX_ELEMS + 1);
			break;
		case 2:
			e->rpc.length = cpu_to_le32(NVSIM_RPC_HDR_SIZE - 8);
			break;
		default:
			e->rpc.length = cpu_to_le32(le32_to_cpu(e->rpc.length) +
						    NVSIM_MSGQ_ENTRY_SIZE);
			break;
		}
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: bad_length seq %u",
			   le32_to_cpu(e->seqNum));
	}
	e->checkSum = 0;
	e->checkSum = cpu_to_le32(nvsim_wire_fold64(nvsim_wire_xor(e, sizeof(*e)) ^
						    body));
	if (nvsim_fault_take(gpu, NVSIM_F_CORRUPT_CSUM)) {
		e->checkSum ^= cpu_to_le32(1u << (nvsim_fault_rand(gpu) % 32));
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: corrupt_csum seq %u",
			   le32_to_cpu(e->seqNum));
	}
}

/*
 * Access bytes [off, off + len) of a message whose first page is status
 * queue entry @slot; pages after the last entry wrap to entry 0.
 */
static int nvsim_statq_rw(struct nvsim_gpu *gpu, u32 slot, u64 off,
			  void *buf, size_t len, bool write)
{
	while (len) {
		u32 k = off / NVSIM_MSGQ_ENTRY_SIZE, in = off % NVSIM_MSGQ_ENTRY_SIZE;
		size_t n = min_t(size_t, len, NVSIM_MSGQ_ENTRY_SIZE - in);
		int err;

		err = nvsim_shm_rw(gpu, nvsim_entry_off(gpu->fw.shm.statq,
					nvsim_ring_advance(slot, k, NVSIM_MSGQ_MSG_COUNT)) + in,
				   buf, n, write);
		if (err)
			return err;
		buf += n;
		off += n;
		len -= n;
	}
	return 0;
}

/* XOR of message bytes [off, end) as they are in the status queue now. */
static int nvsim_statq_xor(struct nvsim_gpu *gpu, u32 slot, u64 off, u64 end,
			   u64 *acc)
{
	u8 *tmp = gpu->fw.tx;
	int err;

	*acc = 0;
	if (off >= end)
		return 0;
	err = nvsim_statq_rw(gpu, slot, off, tmp, end - off, false);
	if (!err)
		*acc = nvsim_wire_xor(tmp, end - off);
	return err;
}

/*
 * Put one message (payload <= 0xFFB0) into the status queue, built in
 * place: header, payload, zero padding to the next 8 bytes. The rest of
 * the last page keeps whatever an earlier message left there (ogkm535:
 * OGKM-535 message_queue_cpu.c pads a reused buffer to 8 bytes only and
 * checksums whole elements), or is zeroed and left out of the checksum
 * (echo: 0x30 + rpc.length, as OGKM-570 sums without CC).
 */
static int nvsim_tx_msg(struct nvsim_gpu *gpu,
			const struct nvsim_rpc_hdr *hdr,
			const void *payload, u32 len, bool wait)
{
	struct nvsim_fw *fw = &gpu->fw;
	u32 elems = nvsim_wire_elems_for(len);
	unsigned long deadline = jiffies + msecs_to_jiffies(NVSIM_TX_WAIT_MS);
	bool stale = nvsim_pers(gpu) != NVSIM_PERS_ECHO;
	struct nvsim_msgq_elem e;
	u64 used, end8, whole, body, tail = 0;
	u32 seq, wptr, shown;
	int err;

	if (!elems)
		return -EINVAL;
	while (!nvsim_statq_space(gpu, elems, &err)) {
		if (err)
			return err;
		if (!wait || time_after(jiffies, deadline) || !nvsim_rm_alive(gpu)) {
			nvsim_stat_inc(gpu, NVSIM_S_TX_DROPPED);
			pr_warn_ratelimited("nvsim: GPU %u: status queue full, message dropped\n",
					    gpu->index);
			return -EBUSY;
		}
		usleep_range(50, 200);
	}

	seq = fw->tx_seq;
	if (nvsim_fault_take(gpu, NVSIM_F_REPEAT_SEQNUM)) {
		seq = fw->tx_seq - 1;
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: repeat_seqnum %u", seq);
	} else if (nvsim_fault_take(gpu, NVSIM_F_SKIP_SEQNUM)) {
		seq = fw->tx_seq + 1;
		fw->tx_seq += 2;
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: skip_seqnum to %u", seq);
	} else {
		fw->tx_seq++;
	}

	wptr = fw->statq_wptr;
	nvsim_wire_hdr(&e, seq, hdr, len);
	used = sizeof(e) + (u64)len;
	end8 = ALIGN(used, 8);
	whole = (u64)elems * NVSIM_MSGQ_ENTRY_SIZE;
	body = len ? nvsim_wire_xor(payload, len) : 0;
	if (stale) {
		err = nvsim_statq_xor(gpu, wptr, end8, whole, &tail);
		if (err)
			return err;
		if (tail)
			nvsim_stat_inc(gpu, NVSIM_S_TX_STALE_TAILS);
	}
	nvsim_tx_damage(gpu, &e, body ^ tail);

	err = nvsim_statq_rw(gpu, wptr, 0, &e, sizeof(e), true);
	if (!err && len)
		err = nvsim_statq_rw(gpu, wptr, sizeof(e), (void *)payload, len,
				     true);
	if (!err && end8 > used)
		err = nvsim_statq_rw(gpu, wptr, used, (void *)nvsim_zero_page,
				     end8 - used, true);
	while (!err && !stale && end8 < whole) {
		u64 n = min_t(u64, whole - end8, sizeof(nvsim_zero_page));

		err = nvsim_statq_rw(gpu, wptr, end8, (void *)nvsim_zero_page,
				     n, true);
		end8 += n;
	}
	if (err)
		return err;
	wptr = nvsim_ring_advance(wptr, elems, NVSIM_MSGQ_MSG_COUNT);
	wmb();	/* entries before the write pointer */
	fw->statq_wptr = wptr;
	shown = wptr;
	if (nvsim_fault_take(gpu, NVSIM_F_BAD_QUEUE_PTR)) {
		shown = NVSIM_MSGQ_MSG_COUNT + nvsim_fault_rand(gpu) % 64;
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: bad_queue_ptr %u", shown);
	}
	err = nvsim_shm_wr32(gpu, fw->shm.statq + offsetof(struct nvsim_msgq_txhdr,
							   writePtr), shown);
	if (err)
		return err;
	mb();	/* write pointer before the interrupt */
	nvsim_stat_inc(gpu, NVSIM_S_TX_MSGS);

	if (nvsim_fault_take(gpu, NVSIM_F_LOSE_IRQ)) {
		nvsim_logf(gpu, NVSIM_LOGINTR, "fault: lose_irq for seq %u", seq);
		return 0;
	}
	nvsim_gsp_irq_set(gpu, NVSIM_FALCON_IRQ_SWGEN0);
	return 0;
}

/* Send a payload of any size: first part plus continuation records. */
static int nvsim_send(struct nvsim_gpu *gpu,
		      const struct nvsim_rpc_hdr *tmpl,
		      const u8 *payload, u64 len, bool wait)
{
	struct nvsim_rpc_hdr hdr = *tmpl;
	u32 parts = nvsim_wire_parts(len), p;
	int err;

	for (p = 0; p < parts; p++) {
		u32 chunk = min_t(u64, len, NVSIM_WIRE_MAX_PAYLOAD);

		if (p)
			hdr.function = NVSIM_FN_CONTINUATION_RECORD;
		err = nvsim_tx_msg(gpu, &hdr, payload, chunk, wait);
		if (err)
			return err;
		payload += chunk;
		len -= chunk;
	}
	return 0;
}

/**
 * nvsim_send_event() - send an event message now (GSP thread only)
 * @gpu: the GPU
 * @function: event number (>= 0x1000)
 * @payload: payload
 * @len: payload bytes
 * @wait: wait (bounded) for room in the status queue
 *
 * Return: 0 or a negative errno (the event was dropped).
 */
int nvsim_send_event(struct nvsim_gpu *gpu, u32 function, const void *payload,
		     u32 len, bool wait)
{
	struct nvsim_rpc_hdr hdr = { .function = function };
	int err;

	if (!gpu->fw.shm.pte)
		return -ENODEV;
	err = nvsim_send(gpu, &hdr, payload, len, wait);
	if (!err)
		nvsim_stat_inc(gpu, NVSIM_S_EVENTS);
	return err;
}

/**
 * nvsim_os_error() - report an error with an OS_ERROR_LOG event
 * @gpu: the GPU
 * @xid: exceptType
 * @fmt: printf format of errString
 *
 * The event is dropped if the status queue has no room (GSP thread only).
 */
void nvsim_os_error(struct nvsim_gpu *gpu, u32 xid, const char *fmt, ...)
{
	u8 e[NVSIM_EV_BUF];
	char msg[256];
	va_list ap;
	u32 len;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	nvsim_logf(gpu, NVSIM_LOGRM, "error: Xid %u %.80s", xid, msg);
	len = nvsim_abi_of(gpu)->enc_os_error(e, xid, 0, msg);
	nvsim_send_event(gpu, NVSIM_EV_OS_ERROR_LOG, e, len, false);
}

/**
 * nvsim_rm_accepts_events() - may events be posted now
 * @gpu: the GPU
 *
 * Process context.
 *
 * Return: true if GSP-RM runs, has sent GSP_INIT_DONE, is neither hung
 * (debugfs hang) nor halted or killed, and a driver is bound.
 */
bool nvsim_rm_accepts_events(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool ok;

	if (!READ_ONCE(gpu->fw.init_done) || !READ_ONCE(gpu->dma_enabled) ||
	    nvsim_hung(gpu) || atomic_read(&gpu->crash_req))
		return false;
	spin_lock_irqsave(&gpu->reg_lock, flags);
	ok = gpu->regs.rm_running && !gpu->regs.gsp_killed;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return ok;
}

/**
 * nvsim_post_event() - queue an unsolicited event for the GSP thread to send
 * @gpu: the GPU
 * @function: event number (>= 0x1000)
 * @payload: payload (copied)
 * @len: payload bytes (at most 4 MiB)
 *
 * Process context. The event is sent the next time GSP-RM serves its
 * queues, and dropped if GSP-RM is halted or reset before that. At most
 * NVSIM_MAX_POSTED_EVENTS wait at a time.
 *
 * Return: 0, -EINVAL, -ENOMEM or -EBUSY (too many waiting).
 */
int nvsim_post_event(struct nvsim_gpu *gpu, u32 function, const void *payload,
		     u32 len)
{
	struct nvsim_event *ev;

	if (function < NVSIM_EV_FIRST || len > NVSIM_RPC_CAP)
		return -EINVAL;
	ev = kvmalloc(struct_size(ev, payload, len), GFP_KERNEL);
	if (!ev)
		return -ENOMEM;
	ev->function = function;
	ev->len = len;
	memcpy(ev->payload, payload, len);
	spin_lock(&gpu->event_lock);
	if (gpu->nr_events >= NVSIM_MAX_POSTED_EVENTS) {
		spin_unlock(&gpu->event_lock);
		kvfree(ev);
		return -EBUSY;
	}
	list_add_tail(&ev->link, &gpu->events);
	gpu->nr_events++;
	spin_unlock(&gpu->event_lock);
	nvsim_kick(gpu);
	return 0;
}

/* Send up to NVSIM_POSTED_BATCH posted events; true if more wait. */
bool nvsim_send_posted(struct nvsim_gpu *gpu)
{
	struct nvsim_event *ev;
	unsigned int n;

	for (n = 0; n < NVSIM_POSTED_BATCH; n++) {
		spin_lock(&gpu->event_lock);
		ev = list_first_entry_or_null(&gpu->events, struct nvsim_event,
					      link);
		if (ev) {
			list_del(&ev->link);
			gpu->nr_events--;
		}
		spin_unlock(&gpu->event_lock);
		if (!ev)
			return false;
		if (ev->function == NVSIM_EVENT_NOTIFY &&
		    ev->len == sizeof(struct nvsim_notify)) {
			nvsim_notify_fire(gpu, (void *)ev->payload);
			kvfree(ev);
			continue;
		}
		nvsim_logf(gpu, NVSIM_LOGRM, "event %#x posted (%u bytes)",
			   ev->function, ev->len);
		nvsim_send_event(gpu, ev->function, ev->payload, ev->len, true);
		kvfree(ev);
	}
	return true;
}

/* ---- receiving ---- */

enum nvsim_rx {
	NVSIM_RX_NONE,		/* nothing (valid) to process */
	NVSIM_RX_MSG,		/* a valid message is in fw->msg */
	NVSIM_RX_FATAL,		/* shared memory unusable */
};

static int nvsim_cmdq_commit(struct nvsim_gpu *gpu, u32 rptr)
{
	struct nvsim_fw *fw = &gpu->fw;

	mb();	/* done reading entries before releasing them */
	fw->cmdq_rptr = rptr;
	return nvsim_shm_wr32(gpu, fw->shm.statq + NVSIM_MSGQ_RXHDR_OFF, rptr);
}

static int nvsim_cmdq_wptr(struct nvsim_gpu *gpu, u32 *wptr)
{
	int err;

	mb();	/* see the producer's latest write pointer and entries */
	err = nvsim_shm_rd32(gpu, gpu->fw.shm.cmdq +
			     offsetof(struct nvsim_msgq_txhdr, writePtr), wptr);
	rmb();	/* write pointer before the entries it covers */
	return err;
}

/* Function of the next command-queue message, without consuming it. */
static int nvsim_rx_peek_function(struct nvsim_gpu *gpu, u32 *function)
{
	struct nvsim_fw *fw = &gpu->fw;
	u32 wptr;
	__le32 f;
	int err;

	err = nvsim_cmdq_wptr(gpu, &wptr);
	if (err)
		return err;
	if (!nvsim_ring_avail(fw->cmdq_rptr, wptr, NVSIM_MSGQ_MSG_COUNT))
		return -EAGAIN;
	err = nvsim_shm_rw(gpu, nvsim_entry_off(fw->shm.cmdq, fw->cmdq_rptr) +
			   offsetof(struct nvsim_msgq_elem, rpc.function),
			   &f, sizeof(f), false);
	*function = le32_to_cpu(f);
	return err;
}

static const char *const nvsim_wire_err_names[] = {
	[NVSIM_WIRE_E_ELEMS] = "bad element count",
	[NVSIM_WIRE_E_LENGTH] = "bad length",
	[NVSIM_WIRE_E_HEADER] = "bad RPC header",
	[NVSIM_WIRE_E_CSUM] = "bad checksum",
};

static void nvsim_rx_reject(struct nvsim_gpu *gpu, enum nvsim_wire_err why,
			    u32 seq)
{
	switch (why) {
	case NVSIM_WIRE_E_CSUM:
		nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_CSUM);
		pr_warn_ratelimited("nvsim: GPU %u: command with bad checksum\n",
				    gpu->index);
		break;
	case NVSIM_WIRE_E_HEADER:
		nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_HEADER);
		pr_warn_ratelimited("nvsim: GPU %u: command with bad RPC header\n",
				    gpu->index);
		break;
	default:
		nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_LENGTH);
		pr_warn_ratelimited("nvsim: GPU %u: command with bad length\n",
				    gpu->index);
		break;
	}
	nvsim_os_error(gpu, GSP_ERROR, "nvsim: command queue message seq %u rejected: %s",
		       seq, nvsim_wire_err_names[why]);
}

/*
 * strict570: a non-zero rpc.sequence must be the previous non-zero one
 * plus 1 (nouveau 90caca3b7264: 570 firmware asserts on out-of-order RPC
 * sequence numbers). The assert halts GSP-RM as a real one does: an
 * OS_ERROR_LOG event, then the HALT interrupt (nvsim_rm_run()).
 */
static bool nvsim_rpc_seq_ok(struct nvsim_gpu *gpu,
			     const struct nvsim_wire_msg *m)
{
	struct nvsim_fw *fw = &gpu->fw;
	u32 seq = le32_to_cpu(m->rpc->sequence), want = fw->rpc_seq + 1;

	if (!seq)
		return true;
	if (nvsim_pers(gpu) == NVSIM_PERS_STRICT570 && fw->rpc_seq &&
	    seq != want) {
		nvsim_stat_inc(gpu, NVSIM_S_SEQ_ASSERTS);
		pr_warn_ratelimited("nvsim: GPU %u: assert: RPC sequence %u, expected %u\n",
				    gpu->index, seq, want);
		nvsim_os_error(gpu, GSP_ERROR, "assert: RPC sequence %u, expected %u (function %u)",
			       seq, want, m->function);
		fw->assert_code = NVSIM_RM_E_ASSERT;
		return false;
	}
	fw->rpc_seq = seq;
	return true;
}

/*
 * Take the next message off the command queue into fw->msg, or, with
 * @into, straight to its final place: the payload lands at @into (the
 * element header is kept in fw->msg; the 0x50 bytes before @into and up to
 * 7 after the payload are borrowed and restored), one copy instead of two.
 */
static enum nvsim_rx nvsim_rx_one(struct nvsim_gpu *gpu,
				  struct nvsim_wire_msg *m, u8 *into)
{
	struct nvsim_fw *fw = &gpu->fw;
	u8 save[sizeof(struct nvsim_msgq_elem)], *buf = fw->msg;
	u32 wptr, avail, elems, rptr, i;
	enum nvsim_wire_err why;
	u64 used;
	int err;

	err = nvsim_cmdq_wptr(gpu, &wptr);
	if (err)
		return NVSIM_RX_FATAL;
	if (wptr >= NVSIM_MSGQ_MSG_COUNT) {
		if (!fw->bad_wptr) {
			fw->bad_wptr = true;
			nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_PTR);
			pr_warn_ratelimited("nvsim: GPU %u: command-queue write pointer %u out of range\n",
					    gpu->index, wptr);
			nvsim_os_error(gpu, GSP_ERROR, "nvsim: command-queue write pointer %u out of range",
				       wptr);
		}
		return NVSIM_RX_NONE;
	}
	fw->bad_wptr = false;
	avail = nvsim_ring_avail(fw->cmdq_rptr, wptr, NVSIM_MSGQ_MSG_COUNT);
	if (!avail)
		return NVSIM_RX_NONE;

	rptr = fw->cmdq_rptr;
	/* The header once; then only the bytes it says are in use. */
	err = nvsim_shm_rw(gpu, nvsim_entry_off(fw->shm.cmdq, rptr), fw->msg,
			   sizeof(struct nvsim_msgq_elem), false);
	if (err)
		return NVSIM_RX_FATAL;
	if (nvsim_wire_peek_elems(fw->msg, avail, &elems) != NVSIM_WIRE_OK) {
		/* Framing is lost: drop everything the driver queued. */
		nvsim_rx_reject(gpu, NVSIM_WIRE_E_ELEMS,
				le32_to_cpu(((struct nvsim_msgq_elem *)fw->msg)->seqNum));
		return nvsim_cmdq_commit(gpu, wptr) ? NVSIM_RX_FATAL : NVSIM_RX_NONE;
	}
	used = le32_to_cpu(((struct nvsim_msgq_elem *)fw->msg)->rpc.length);
	used = min_t(u64, ALIGN((u64)NVSIM_MSG_HDR_SIZE + used, 8),
		     (u64)elems * NVSIM_MSGQ_ENTRY_SIZE);
	if (into) {
		buf = into - sizeof(save);
		memcpy(save, buf, sizeof(save));
		memcpy(buf, fw->msg, sizeof(save));
	}
	if (used > sizeof(struct nvsim_msgq_elem)) {
		err = nvsim_shm_rw(gpu, nvsim_entry_off(fw->shm.cmdq, rptr) +
				   sizeof(struct nvsim_msgq_elem),
				   buf + sizeof(struct nvsim_msgq_elem),
				   min_t(u64, used, NVSIM_MSGQ_ENTRY_SIZE) -
				   sizeof(struct nvsim_msgq_elem), false);
		if (err)
			goto fatal;
	}
	for (i = 1; i < elems; i++) {
		u64 off = (u64)i * NVSIM_MSGQ_ENTRY_SIZE;

		rptr = nvsim_ring_advance(rptr, 1, NVSIM_MSGQ_MSG_COUNT);
		if (used <= off)
			continue;
		err = nvsim_shm_rw(gpu, nvsim_entry_off(fw->shm.cmdq, rptr),
				   buf + off,
				   min_t(u64, used - off, NVSIM_MSGQ_ENTRY_SIZE), false);
		if (err)
			goto fatal;
	}
	rptr = nvsim_ring_advance(rptr, 1, NVSIM_MSGQ_MSG_COUNT);
	if (nvsim_cmdq_commit(gpu, rptr))
		goto fatal;
	nvsim_stat_inc(gpu, NVSIM_S_RX_MSGS);

	why = nvsim_wire_decode(buf, (size_t)elems * NVSIM_MSGQ_ENTRY_SIZE, m);
	if (into) {
		/* Keep the header in fw->msg; give the borrowed bytes back. */
		memcpy(fw->msg, buf, sizeof(save));
		memcpy(buf, save, sizeof(save));
		m->rpc = &((struct nvsim_msgq_elem *)fw->msg)->rpc;
	}

	if (why != NVSIM_WIRE_OK) {
		u32 seq = le32_to_cpu(((struct nvsim_msgq_elem *)fw->msg)->seqNum);

		if (seq == fw->rx_seq)
			fw->rx_seq++;
		nvsim_rx_reject(gpu, why, seq);
		return NVSIM_RX_NONE;
	}
	if ((s32)(m->seq - fw->rx_seq) < 0) {
		/* An older message: skip it, as OpenRM's receiver does. */
		nvsim_stat_inc(gpu, NVSIM_S_RX_OLD_SEQ);
		nvsim_logf(gpu, NVSIM_LOGRM, "skipped old seq %u (expected %u)",
			   m->seq, fw->rx_seq);
		return NVSIM_RX_NONE;
	}
	if (m->seq != fw->rx_seq) {
		nvsim_stat_inc(gpu, NVSIM_S_RX_BAD_SEQ);
		pr_warn_ratelimited("nvsim: GPU %u: command seq %u, expected %u\n",
				    gpu->index, m->seq, fw->rx_seq);
		nvsim_os_error(gpu, GSP_ERROR, "nvsim: command seq %u, expected %u",
			       m->seq, fw->rx_seq);
		fw->rx_seq = m->seq + 1;
		return NVSIM_RX_NONE;
	}
	fw->rx_seq++;
	if (!nvsim_rpc_seq_ok(gpu, m))
		return NVSIM_RX_FATAL;
	return NVSIM_RX_MSG;
fatal:
	if (into)
		memcpy(buf, save, sizeof(save));
	return NVSIM_RX_FATAL;
}

/*
 * Append continuation records to a full first part. Returns the payload
 * buffer (fw->big, the first part copied in) and its length, or NULL
 * with *len = 0 if the request has to be dropped.
 *
 * For RM_CONTROL and RM_ALLOC the total length follows from paramsSize. For
 * other functions the series ends with the first record that is not full;
 * if the last record was full, a record that does not follow within 50 ms
 * means the payload was an exact multiple of 0xFFB0.
 */
static u8 *nvsim_rx_large(struct nvsim_gpu *gpu, u32 function, u8 *first,
			  u32 first_len, u64 *len, u32 *cap)
{
	u64 total = nvsim_abi_of(gpu)->large_total(function, first, first_len);
	unsigned int wait_ms = total ? NVSIM_CONT_WAIT_MS : NVSIM_CONT_GUESS_MS;
	unsigned long deadline = jiffies + msecs_to_jiffies(wait_ms);
	u64 have = first_len, size = NVSIM_RPC_CAP;
	bool too_large = false, last_full = true;
	struct nvsim_wire_msg m;
	u8 *buf;
	u32 next;
	int err;

	/* One buffer for the largest request, kept: no copies on growth. */
	if (!gpu->fw.big)
		gpu->fw.big = kvmalloc(NVSIM_RPC_CAP, GFP_KERNEL);
	buf = gpu->fw.big;
	if (!buf)
		too_large = true;
	else
		memcpy(buf, first, first_len);

	while (total ? have < total : last_full) {
		err = nvsim_rx_peek_function(gpu, &next);
		if (err == -EAGAIN) {
			if (time_after(jiffies, deadline) || !nvsim_rm_alive(gpu))
				break;
			nvsim_wait(gpu, 1);
			continue;
		}
		if (err || next != NVSIM_FN_CONTINUATION_RECORD)
			break;
		/* Straight into place while a whole record still fits. */
		if (nvsim_rx_one(gpu, &m, !too_large &&
				 have + NVSIM_WIRE_MAX_PAYLOAD + 8 <= size ?
				 buf + have : NULL) != NVSIM_RX_MSG) {
			/* A broken record breaks the whole request. */
			too_large = true;
			break;
		}
		deadline = jiffies + msecs_to_jiffies(wait_ms);
		last_full = m.payload_len == NVSIM_WIRE_MAX_PAYLOAD;
		if (too_large || have + m.payload_len > size) {
			too_large = true;
			have += m.payload_len;
			continue;
		}
		if (m.payload != buf + have)
			memcpy(buf + have, m.payload, m.payload_len);
		have += m.payload_len;
	}
	if (too_large) {
		nvsim_stat_inc(gpu, NVSIM_S_RX_TOO_LARGE);
		pr_warn_ratelimited("nvsim: GPU %u: large request (%llu bytes) dropped\n",
				    gpu->index, have);
		nvsim_os_error(gpu, GSP_ERROR, "nvsim: request function %u of %llu bytes dropped",
			       function, have);
		*len = 0;
		return NULL;
	}
	*len = have;
	*cap = size;
	return buf;
}

/* ---- dispatch ---- */

/*
 * The reply to @req: same function; rpc.sequence echoed only by the echo
 * personality (whether GSP-RM echoes it is not in any public source: an
 * assumption, docs/nvsim.md); header-only under terse where OGKM reads
 * nothing but the header.
 */
static void nvsim_reply(struct nvsim_gpu *gpu,
			const struct nvsim_rpc_hdr *req,
			u32 result, const u8 *payload, u64 len)
{
	struct nvsim_rpc_hdr hdr = *req;
	u32 delay = nvsim_delay_reply_ms(gpu);
	enum nvsim_personality pers = nvsim_pers(gpu);

	hdr.rpc_result = result;
	hdr.rpc_result_private = result;
	if (pers != NVSIM_PERS_ECHO)
		hdr.sequence = 0;
	if (pers == NVSIM_PERS_TERSE &&
	    (result != NV_OK || hdr.function == NVSIM_FN_FREE ||
	     hdr.function == NVSIM_FN_UNLOADING_GUEST_DRIVER))
		len = 0;
	if (delay) {
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		nvsim_sleep_ms(gpu, delay);
	}
	if (nvsim_fault_take(gpu, NVSIM_F_DROP_REPLY)) {
		nvsim_logf(gpu, NVSIM_LOGRM, "fault: drop_reply function %u",
			   hdr.function);
		return;
	}
	if (!nvsim_send(gpu, &hdr, payload, len, true))
		nvsim_stat_inc(gpu, NVSIM_S_REPLIES);
}

/* Returns false if GSP-RM must stop (after UNLOADING_GUEST_DRIVER). */
static bool nvsim_handle(struct nvsim_gpu *gpu, struct nvsim_wire_msg *m)
{
	struct nvsim_rpc_hdr req = *m->rpc;
	u32 function = m->function, result, reply_len = 0, cap;
	u8 *payload = (u8 *)m->payload, *big = NULL;
	u64 len = m->payload_len;
	bool reply = true, go_on = true;

	if (function == NVSIM_FN_CONTINUATION_RECORD) {
		nvsim_stat_inc(gpu, NVSIM_S_RX_STRAY_CONT);
		nvsim_os_error(gpu, GSP_ERROR, "nvsim: continuation record without a request");
		return true;
	}
	/* The payload lives in fw->msg; space after it is free up to 64 KiB. */
	cap = NVSIM_MSG_MAX_SIZE - sizeof(struct nvsim_msgq_elem);
	if (len == NVSIM_WIRE_MAX_PAYLOAD) {
		big = nvsim_rx_large(gpu, function, payload, (u32)len, &len, &cap);
		if (!big)
			return true;
		payload = big;
	}

	switch (function) {
	case NVSIM_FN_GSP_SET_SYSTEM_INFO:
		reply = false;
		result = nvsim_abi_of(gpu)->sysinfo(gpu, payload, len);
		gpu->fw.sysinfo_status = result;
		gpu->fw.have_sysinfo = true;
		break;
	case NVSIM_FN_SET_REGISTRY:
		reply = false;
		result = nvsim_abi_of(gpu)->registry(gpu, payload, len);
		gpu->fw.have_registry = true;
		break;
	case NVSIM_FN_UNLOADING_GUEST_DRIVER:
		result = len >= sizeof(struct nvsim_unloading) ?
			 NV_OK : NV_ERR_INVALID_PARAM_STRUCT;
		reply_len = len;
		go_on = result != NV_OK;
		break;
	default:
		result = nvsim_abi_of(gpu)->dispatch(gpu, function, payload, len, cap,
					    &reply_len, &reply);
		break;
	}
	if (result != NV_OK)
		nvsim_stat_inc(gpu, NVSIM_S_RPC_ERRORS);
	nvsim_logf(gpu, NVSIM_LOGRM, "rpc %u seq %u len %llu -> %#x%s", function,
		   m->seq, len, result, reply ? "" : " (no reply)");
	if (reply)
		nvsim_reply(gpu, &req, result, payload, reply_len);
	if (!go_on) {
		const struct nvsim_unloading *u = (void *)payload;

		nvsim_logf(gpu, NVSIM_LOGINIT, "unloading (level %u, PM %u): halting",
			   u->newLevel, u->bInPMTransition);
	}
	return go_on;
}

/* Process everything in the command queue. Returns false to stop GSP-RM. */
bool nvsim_serve_queue(struct nvsim_gpu *gpu, bool *fatal)
{
	struct nvsim_wire_msg m;

	*fatal = false;
	while (nvsim_rm_alive(gpu) && !nvsim_hung(gpu) &&
	       !atomic_read(&gpu->crash_req)) {
		switch (nvsim_rx_one(gpu, &m, NULL)) {
		case NVSIM_RX_NONE:
			return true;
		case NVSIM_RX_FATAL:
			*fatal = true;
			return false;
		case NVSIM_RX_MSG:
			if (!nvsim_handle(gpu, &m))
				return false;
			break;
		}
		if (gpu->fw.assert_code) {
			*fatal = true;
			return false;
		}
	}
	return true;
}
