// SPDX-License-Identifier: GPL-2.0
/*
 * Reference message queue codec for the unit tests and fuzz targets.
 *
 * nvcore sends with nvc_msgq_put() (one pass straight into the ring) and
 * receives with nvc_msgq_peek() + nvc_msgq_take(), reassembling large
 * replies in the caller's buffer; it uses its own queue constants rather
 * than reading the peer's TX header. The straightforward versions below
 * (stage, seal, copy pages; copy a whole message out and verify it; a
 * separate reassembler; a TX header check) are not in the module: they are the reference the tests hold
 * the module's code to (test_msgq.c put_matches_encode_write), the codec
 * test_interop.c drives against nvsim's, and what the fuzz seeds are made
 * with.
 */
#include "kcompat.h"
#include "msgq.h"
#include "msgq_ref.h"

#define NVC_PAGE	NVRM_MSGQ_ENTRY_SIZE

/**
 * nvc_msgq_seal() - finish a staged message before it is sent
 * @msg: message whose rpc header (in particular rpc.length) is filled in
 * @buf_size: size of the staging buffer at @msg
 *
 * Zero-pads the message to whole pages, sets elemCount and computes
 * checkSum over all elemCount pages (nouveau style).
 *
 * Return: elemCount, -EINVAL for an illegal rpc.length, -ENOSPC if
 * @buf_size cannot hold the padded message.
 */
int nvc_msgq_seal(void *msg, size_t buf_size)
{
	struct GSP_MSG_QUEUE_ELEMENT *hdr = msg;
	u32 len, elem, used;
	size_t size;

	if (buf_size < sizeof(*hdr))
		return -ENOSPC;
	len = hdr->rpc.length;
	if (len < NVRM_RPC_HDR_SIZE || len > NVRM_RPC_MAX_LEN)
		return -EINVAL;
	elem = nvc_msgq_elem_count(len);
	size = (size_t)elem * NVC_PAGE;
	if (buf_size < size)
		return -ENOSPC;
	used = NVRM_MSG_HDR_SIZE + len;
	memset((u8 *)msg + used, 0, size - used);
	hdr->elemCount = elem;
	hdr->checkSum = 0;
	hdr->checkSum = nvc_msgq_csum(msg, size);
	return elem;
}

/**
 * nvc_msgq_verify() - check the checksum of a received message copy
 * @msg: message copy (element header first)
 * @len: bytes valid at @msg
 *
 * Accepts the message when 0x30 + rpc.length rounded up to 8 bytes folds to
 * zero (OGKM-570, nova-core producers) or, when @len covers them, when all
 * elemCount pages fold to zero (OGKM-535 and nouveau producers, whose
 * checksum covers whatever follows the message in its last page).
 *
 * Return: 0, -EBADMSG for an illegal rpc.length, -EOVERFLOW if @len does
 * not cover the short range, -EILSEQ on checksum mismatch.
 */
int nvc_msgq_verify(const void *msg, size_t len)
{
	struct GSP_MSG_QUEUE_ELEMENT hdr;
	size_t need, whole;
	u32 fold;

	if (len < sizeof(hdr))
		return -EBADMSG;
	memcpy(&hdr, msg, sizeof(hdr));
	if (hdr.rpc.length < NVRM_RPC_HDR_SIZE ||
	    hdr.rpc.length > NVRM_RPC_MAX_LEN)
		return -EBADMSG;
	need = ALIGN((size_t)NVRM_MSG_HDR_SIZE + hdr.rpc.length, 8);
	if (need > len)
		return -EOVERFLOW;
	fold = nvc_msgq_csum(msg, need);
	if (!fold)
		return 0;
	whole = (size_t)hdr.elemCount * NVC_PAGE;
	if (hdr.elemCount < 1 || hdr.elemCount > NVRM_MSG_MAX_ELEMS ||
	    whole < need || whole > len)
		return -EILSEQ;
	return (fold ^ nvc_msgq_csum((const u8 *)msg + need, whole - need)) ?
	       -EILSEQ : 0;
}

/**
 * nvc_msgq_encode() - build a complete message in a staging buffer
 * @buf: staging buffer, at least elemCount * 4 KiB
 * @buf_size: its size
 * @function: rpc.function
 * @seq: element seqNum
 * @payload: payload to copy in, or NULL if it is already at
 *	@buf + %NVC_MSG_PAYLOAD_OFF (it must not otherwise overlap @buf)
 * @payload_len: payload bytes, at most %NVC_RPC_CHUNK
 *
 * Fills the element and RPC headers (rpc_result and rpc_result_private
 * 0xFFFFFFFF, rpc.sequence 0), zero-pads to whole pages and seals.
 *
 * Return: elemCount (1..16), -E2BIG if the payload needs continuation
 * records, -ENOSPC if @buf is too small.
 */
int nvc_msgq_encode(void *buf, size_t buf_size, u32 function, u32 seq,
		    const void *payload, size_t payload_len)
{
	struct GSP_MSG_QUEUE_ELEMENT *hdr = buf;
	u32 rpc_len;

	if (payload_len > NVC_RPC_CHUNK)
		return -E2BIG;
	rpc_len = NVRM_RPC_HDR_SIZE + (u32)payload_len;
	if (buf_size < (size_t)nvc_msgq_elem_count(rpc_len) * NVC_PAGE)
		return -ENOSPC;
	if (payload && payload_len)
		memcpy((u8 *)buf + NVC_MSG_PAYLOAD_OFF, payload, payload_len);

	memset(hdr, 0, sizeof(*hdr));
	hdr->seqNum = seq;
	hdr->rpc.header_version = NVRM_RPC_HEADER_VERSION;
	hdr->rpc.signature = NVRM_RPC_SIGNATURE;
	hdr->rpc.length = rpc_len;
	hdr->rpc.function = function;
	hdr->rpc.rpc_result = NVRM_RPC_RESULT_PENDING;
	hdr->rpc.rpc_result_private = NVRM_RPC_RESULT_PENDING;
	return nvc_msgq_seal(buf, buf_size);
}

/**
 * nvc_msgq_write() - copy a sealed message into a ring
 * @ring: producer's ring
 * @rptr: consumer's read pointer, as read from shared memory
 * @wptr: producer's current write pointer
 * @msg: sealed message (elem_count whole pages)
 * @elem_count: pages in @msg, 1..16
 * @new_wptr: returns the write pointer to publish
 *
 * Copies page k of @msg to entry (@wptr + k) mod count. Does not touch any
 * pointer: the caller issues a write barrier and then publishes @new_wptr.
 *
 * Return: 0, -EPROTO for invalid pointers, -EINVAL for a bad @elem_count,
 * -ENOSPC if fewer than @elem_count entries are free (the caller waits).
 */
int nvc_msgq_write(const struct nvc_msgq_ring *ring, u32 rptr, u32 wptr,
		   const void *msg, u32 elem_count, u32 *new_wptr)
{
	const u8 *src = msg;
	u32 k, slot = wptr;
	int free;

	free = nvc_msgq_tx_free(ring->count, rptr, wptr);
	if (free < 0)
		return free;
	if (elem_count < 1 || elem_count > NVRM_MSG_MAX_ELEMS)
		return -EINVAL;
	if (elem_count > (u32)free)
		return -ENOSPC;

	for (k = 0; k < elem_count; k++) {
		memcpy(ring->entries + (size_t)slot * NVC_PAGE,
		       src + (size_t)k * NVC_PAGE, NVC_PAGE);
		if (++slot == ring->count)
			slot = 0;
	}
	*new_wptr = slot;
	return 0;
}

/**
 * nvc_msgq_recv() - validate and copy out one whole message from a ring
 * @ring: consumer's ring; its memory may be modified concurrently
 * @rptr: consumer's read pointer
 * @wptr: producer's write pointer, raw value read from shared memory
 * @out: destination for the message (element header first)
 * @out_size: size of @out; 0x10000 always suffices
 * @info: returns the decoded header fields and the next read pointer
 *
 * nvc_msgq_peek() followed by nvc_msgq_take() into @out + 0x50: the header
 * in @out is the validated copy, the checksum rules are nvc_msgq_take()'s.
 *
 * @info->next_rptr, elem_count and msg_size are valid when 0, -EOVERFLOW or
 * -EILSEQ is returned (the caller may skip the message); all fields are
 * valid on success. The caller publishes next_rptr after a full barrier.
 *
 * Return: 0, -EAGAIN, -EPROTO, -EBADMSG (see nvc_msgq_peek()), -EILSEQ on
 * checksum mismatch, -EOVERFLOW if @out_size is smaller than
 * @info->msg_size.
 */
int nvc_msgq_recv(const struct nvc_msgq_ring *ring, u32 rptr, u32 wptr,
		  void *out, size_t out_size, struct nvc_msgq_msg_info *info)
{
	struct GSP_MSG_QUEUE_ELEMENT hdr;
	size_t end;
	u32 slot;
	int ret;

	ret = nvc_msgq_peek(ring, rptr, wptr, &hdr, info);
	if (ret)
		return ret;
	if (info->msg_size > out_size)
		return -EOVERFLOW;
	memcpy(out, &hdr, sizeof(hdr));
	ret = nvc_msgq_take(ring, rptr, &hdr, info,
			    (u8 *)out + NVC_MSG_PAYLOAD_OFF,
			    info->rpc_length - NVRM_RPC_HDR_SIZE);
	/* The padding to 8 bytes, as it is in the ring (never across a page). */
	end = NVRM_MSG_HDR_SIZE + info->rpc_length;
	if (end < info->msg_size) {
		slot = (rptr + end / NVC_PAGE) % ring->count;
		memcpy((u8 *)out + end, ring->entries + (size_t)slot * NVC_PAGE +
		       end % NVC_PAGE, info->msg_size - end);
	}
	return ret;
}

/**
 * nvc_msgq_hdr_check() - validate a TX header written by the peer
 * @hdr: header in shared memory (read once)
 * @mapped_size: bytes of the queue the caller has mapped
 * @count: returns msgCount on success
 *
 * Return: 0, or -EPROTO if the header is inconsistent or does not fit.
 */
int nvc_msgq_hdr_check(const struct msgqTxHeader *hdr, u32 mapped_size,
		       u32 *count)
{
	struct msgqTxHeader h;

	memcpy(&h, hdr, sizeof(h));
	barrier();

	if (h.version != NVRM_MSGQ_VERSION || h.msgSize != NVC_PAGE ||
	    h.rxHdrOff != NVRM_MSGQ_RXHDR_OFF)
		return -EPROTO;
	if (h.size > mapped_size || h.entryOff % NVC_PAGE ||
	    h.entryOff < NVRM_MSGQ_RXHDR_OFF + sizeof(struct msgqRxHeader) ||
	    h.entryOff >= h.size)
		return -EPROTO;
	if (h.msgCount != (h.size - h.entryOff) / h.msgSize ||
	    h.msgCount < 2 || h.msgCount > NVC_MSGQ_MAX_COUNT)
		return -EPROTO;
	*count = h.msgCount;
	return 0;
}

/**
 * nvc_rpc_split_count() - messages needed to send a payload
 * @len: payload bytes
 *
 * Return: 1 for up to 0xFFB0 bytes, else 1 + continuation records.
 */
size_t nvc_rpc_split_count(size_t len)
{
	if (len <= NVC_RPC_CHUNK)
		return 1;
	return 1 + DIV_ROUND_UP(len - NVC_RPC_CHUNK, (size_t)NVC_RPC_CHUNK);
}

/**
 * nvc_rpc_reasm_init() - prepare a reassembler
 * @r: reassembler
 * @buf: buffer receiving the concatenated payload
 * @cap: its size (may exceed 64 KiB, e.g. 1 MiB)
 */
void nvc_rpc_reasm_init(struct nvc_rpc_reasm *r, void *buf, size_t cap)
{
	memset(r, 0, sizeof(*r));
	r->buf = buf;
	r->cap = cap;
}

static int nvc_rpc_reasm_step(struct nvc_rpc_reasm *r, const void *payload,
			      size_t len)
{
	if (r->parts >= r->max_parts)
		return -E2BIG;
	if (r->total && len > r->total - r->have)
		return -EOVERFLOW;
	if (len > r->cap - r->have)
		return -ENOSPC;
	if (len)
		memcpy(r->buf + r->have, payload, len);
	r->have += len;
	r->parts++;

	if (r->total ? r->have == r->total : len < NVC_RPC_CHUNK) {
		r->total = r->have;
		r->active = false;
		return 0;
	}
	return NVC_RPC_REASM_MORE;
}

/**
 * nvc_rpc_reasm_start() - feed the first part of a (possibly large) reply
 * @r: reassembler
 * @function: function of the first part; must not be 71
 * @payload: payload of the first part (after its 32-byte RPC header)
 * @len: its length, at most 0xFFB0
 * @total: expected payload total; 0 to derive it: the reply then ends with
 *	the first part shorter than 0xFFB0 bytes (a total that is a multiple
 *	of 0xFFB0 needs an empty last continuation in that mode)
 *
 * At most nvc_rpc_split_count(@total) parts (of @cap when deriving) are
 * accepted. After any error the reassembler is idle and must be restarted.
 *
 * Return: 0 when complete (@r->have bytes in @r->buf), %NVC_RPC_REASM_MORE
 * if continuation records must follow, -ENOMSG if @function is 71, -EINVAL
 * for an oversized part, -ENOSPC if @total (or the data) exceeds the buffer,
 * -EOVERFLOW if @len exceeds @total.
 */
int nvc_rpc_reasm_start(struct nvc_rpc_reasm *r, u32 function,
			const void *payload, size_t len, size_t total)
{
	int ret;

	r->active = false;
	r->have = 0;
	r->parts = 0;
	r->function = function;
	r->total = total;
	if (function == NVC_RPC_FN_CONTINUATION)
		return -ENOMSG;
	if (len > NVC_RPC_CHUNK)
		return -EINVAL;
	if (total > r->cap)
		return -ENOSPC;
	r->max_parts = nvc_rpc_split_count(total ? total : r->cap);
	r->active = true;
	ret = nvc_rpc_reasm_step(r, payload, len);
	if (ret < 0)
		r->active = false;
	return ret;
}

/**
 * nvc_rpc_reasm_feed() - feed a continuation record
 * @r: reassembler, started with nvc_rpc_reasm_start()
 * @function: function of the message; must be 71
 * @payload: its payload (after its 32-byte RPC header)
 * @len: payload length
 *
 * Return: 0 when complete, %NVC_RPC_REASM_MORE if more parts must follow,
 * -EINVAL if no reply is being assembled, -ENOMSG for another function,
 * -EOVERFLOW if the data exceed the expected total (or 0xFFB0 per part),
 * -E2BIG for too many parts, -ENOSPC if the buffer is full.
 */
int nvc_rpc_reasm_feed(struct nvc_rpc_reasm *r, u32 function,
		       const void *payload, size_t len)
{
	int ret;

	if (!r->active)
		return -EINVAL;
	if (function != NVC_RPC_FN_CONTINUATION)
		ret = -ENOMSG;
	else if (len > NVC_RPC_CHUNK)
		ret = -EOVERFLOW;
	else
		ret = nvc_rpc_reasm_step(r, payload, len);
	if (ret < 0)
		r->active = false;
	return ret;
}
