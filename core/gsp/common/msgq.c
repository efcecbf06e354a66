// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: OS-independent GSP-RM message queue transport.
 *
 * Written from the protocol description in gsp-rm-facts.md §1-§3.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/barrier.h>
#ifdef __BIG_ENDIAN
#error "nvcore GSP transport assumes a little-endian CPU"
#endif
#else
#include "kcompat.h"
#endif

#include "msgq.h"

/**
 * DOC: GSP message queue protocol
 *
 * The CPU and GSP-RM talk through two rings in one shared sysmem region: the
 * command queue (CPU produces) and the status queue (GSP produces). Each
 * queue starts with a &struct msgqTxHeader written by its producer, followed
 * at rxHdrOff by a &struct msgqRxHeader, and at entryOff by msgCount entries
 * of 4 KiB (63 entries for the 256 KiB queues used by every driver).
 *
 * Pointers count entries, not bytes, and wrap modulo msgCount. Both sides set
 * MSGQ_FLAGS_SWAP_RX, so the read pointer of a queue lives in the RX header
 * of the *other* queue: each side only ever writes to the queue it owns.
 *
 * A producer may fill (rptr + count - wptr - 1) mod count entries: one entry
 * is always left empty so that rptr == wptr unambiguously means "empty". A
 * consumer may read (wptr + count - rptr) mod count entries. Any pointer
 * value >= count is invalid and means the peer is broken; the helpers here
 * report -EPROTO for it rather than computing garbage.
 *
 * A message (&struct GSP_MSG_QUEUE_ELEMENT) is a 0x30-byte element header
 * (checkSum, seqNum, elemCount) followed by a 0x20-byte RPC header and the
 * payload. It occupies elemCount = ceil((0x30 + rpc.length) / 0x1000)
 * consecutive entries, 1 to 16, and may wrap: the page after the last entry
 * is entry 0. The producer copies all pages, issues a write barrier, then
 * publishes writePtr += elemCount. The consumer reads writePtr, issues a read
 * barrier, copies the message out, then publishes readPtr += elemCount. The
 * consumer must advance by elemCount, never by a size derived from
 * rpc.length alone (CVE-2024-58019), and the producer must honour the free
 * count across the wrap (CVE-2024-58018).
 *
 * checkSum is chosen so that XOR-ing all little-endian 64-bit words of the
 * message and folding the result (high ^ low 32 bits) yields zero. The
 * range differs between producers: OGKM-535 message_queue_cpu.c sums whole
 * elements (elemCount * 0x1000) on send and receive and zero-pads only to
 * the next 8 bytes of a reused staging buffer, so a message from GSP-RM can
 * carry stale bytes after its end that the checksum covers; OGKM-570 (non
 * CC) sums 0x30 + rpc.length. nvcore zero-pads and sums whole pages when
 * sending (every checker agrees then) and accepts a received message when
 * either range folds to zero; the tail is never required to be zero.
 *
 * RPCs whose payload exceeds 0xFFB0 bytes are sent as a first message with
 * the original function and 0xFFB0 payload bytes followed by function-71
 * (CONTINUATION_RECORD) messages carrying the rest; large replies arrive the
 * same way and are reassembled straight into the caller's buffer with
 * nvc_msgq_peek() and nvc_msgq_take(), which copy and verify in one pass
 * over the ring.
 *
 * Everything in this file is a pure function over caller memory. The caller
 * serialises access, maps the queues, reads and writes the shared pointers
 * with READ_ONCE()/WRITE_ONCE(), places the barriers and rings the doorbell.
 */

#define NVC_PAGE	NVRM_MSGQ_ENTRY_SIZE

static bool nvc_msgq_ptrs_ok(u32 count, u32 rptr, u32 wptr)
{
	return count >= 2 && count <= NVC_MSGQ_MAX_COUNT &&
	       rptr < count && wptr < count;
}

/**
 * nvc_msgq_hdr_init() - initialise the TX header of a CPU-owned queue
 * @hdr: header to fill (the 256 KiB command queue layout of facts §1.2)
 */
void nvc_msgq_hdr_init(struct msgqTxHeader *hdr)
{
	memset(hdr, 0, sizeof(*hdr));
	hdr->version = NVRM_MSGQ_VERSION;
	hdr->size = NVRM_MSGQ_QUEUE_SIZE;
	hdr->msgSize = NVRM_MSGQ_ENTRY_SIZE;
	hdr->msgCount = NVRM_MSGQ_MSG_COUNT;
	hdr->writePtr = 0;
	hdr->flags = NVRM_MSGQ_FLAGS_SWAP_RX;
	hdr->rxHdrOff = NVRM_MSGQ_RXHDR_OFF;
	hdr->entryOff = NVRM_MSGQ_ENTRY_OFF;
}

/**
 * nvc_msgq_tx_free() - entries a producer may fill
 * @count: msgCount of the queue
 * @rptr: consumer's read pointer
 * @wptr: producer's write pointer
 *
 * One entry always stays empty, so a 63-entry queue holds at most 62.
 *
 * Return: number of free entries, or -EPROTO if a pointer is >= @count (or
 * @count itself is unusable); the caller should treat the peer as broken.
 */
int nvc_msgq_tx_free(u32 count, u32 rptr, u32 wptr)
{
	if (!nvc_msgq_ptrs_ok(count, rptr, wptr))
		return -EPROTO;
	return (rptr + count - wptr - 1) % count;
}

/**
 * nvc_msgq_rx_avail() - entries a consumer may read
 * @count: msgCount of the queue
 * @rptr: consumer's read pointer
 * @wptr: producer's write pointer
 *
 * Return: number of filled entries, or -EPROTO for an invalid pointer.
 */
int nvc_msgq_rx_avail(u32 count, u32 rptr, u32 wptr)
{
	if (!nvc_msgq_ptrs_ok(count, rptr, wptr))
		return -EPROTO;
	return (wptr + count - rptr) % count;
}

/**
 * nvc_msgq_elem_count() - entries needed by a message
 * @rpc_length: rpc.length (RPC header + payload)
 *
 * Return: ceil((0x30 + @rpc_length) / 0x1000); not clamped to 16.
 */
u32 nvc_msgq_elem_count(u32 rpc_length)
{
	return (u32)DIV_ROUND_UP((u64)NVRM_MSG_HDR_SIZE + rpc_length,
				 (u64)NVC_PAGE);
}

/**
 * nvc_msgq_csum() - fold a buffer into the element checksum
 * @buf: bytes to sum
 * @len: their number; a partial last word is zero-padded
 *
 * XORs the little-endian 64-bit words of @buf and folds the result into
 * 32 bits (high ^ low). A message with a correct checkSum sums to 0.
 *
 * Return: the 32-bit folded checksum.
 */
u32 nvc_msgq_csum(const void *buf, size_t len)
{
	const u8 *p = buf;
	u64 acc = 0, w;
	size_t i;

	for (i = 0; i + sizeof(w) <= len; i += sizeof(w)) {
		memcpy(&w, p + i, sizeof(w));
		acc ^= le64_to_cpu(w);
	}
	if (i < len) {
		w = 0;
		memcpy(&w, p + i, len - i);
		acc ^= le64_to_cpu(w);
	}
	return (u32)(acc >> 32) ^ (u32)acc;
}

/**
 * nvc_msgq_peek() - fetch and validate the header of the next message
 * @ring: consumer's ring; its memory may be modified concurrently
 * @rptr: consumer's read pointer
 * @wptr: producer's write pointer, raw value read from shared memory
 * @hdr: returns the header, fetched from the ring once
 * @info: returns the decoded header fields and the next read pointer
 *
 * Safe for any ring contents and any pointer values. Everything returned
 * comes from the single copy in @hdr, which nvc_msgq_take() then uses in
 * place of the ring's header bytes. Nothing is verified against the
 * checksum yet.
 *
 * Return:
 * * 0 - a message is waiting; @hdr and @info are valid
 * * -EAGAIN - ring empty
 * * -EPROTO - @rptr or @wptr invalid (peer broken)
 * * -EBADMSG - elemCount, rpc.length, header_version or signature invalid,
 *   or elemCount larger than the entries available
 */
int nvc_msgq_peek(const struct nvc_msgq_ring *ring, u32 rptr, u32 wptr,
		  struct GSP_MSG_QUEUE_ELEMENT *hdr,
		  struct nvc_msgq_msg_info *info)
{
	u32 elem, len, count = ring->count;
	int avail;

	avail = nvc_msgq_rx_avail(count, rptr, wptr);
	if (avail < 0)
		return -EPROTO;
	if (!avail)
		return -EAGAIN;

	/* Single fetch of the header; only the local copy is used below. */
	memcpy(hdr, ring->entries + (size_t)rptr * NVC_PAGE, sizeof(*hdr));
	barrier();
	elem = hdr->elemCount;
	len = hdr->rpc.length;

	if (elem < 1 || elem > NVRM_MSG_MAX_ELEMS || elem > (u32)avail)
		return -EBADMSG;
	if (len < NVRM_RPC_HDR_SIZE ||
	    len > elem * NVC_PAGE - NVRM_MSG_HDR_SIZE ||
	    nvc_msgq_elem_count(len) != elem)
		return -EBADMSG;
	if (hdr->rpc.header_version != NVRM_RPC_HEADER_VERSION ||
	    hdr->rpc.signature != NVRM_RPC_SIGNATURE)
		return -EBADMSG;

	info->next_rptr = (rptr + elem) % count;
	info->elem_count = elem;
	info->function = hdr->rpc.function;
	info->rpc_length = len;
	info->rpc_result = hdr->rpc.rpc_result;
	info->sequence = hdr->rpc.sequence;
	info->seq = hdr->seqNum;
	info->msg_size = ALIGN((size_t)NVRM_MSG_HDR_SIZE + len, 8);
	return 0;
}

/* XOR-fold @words little-endian words of @src, copying them to @dst. */
static u64 nvc_msgq_fold_copy(u8 *dst, const u8 *src, size_t words)
{
	u64 acc = 0, w;
	size_t i;

	for (i = 0; i < words; i++) {
		memcpy(&w, src + i * sizeof(w), sizeof(w));
		memcpy(dst + i * sizeof(w), &w, sizeof(w));
		acc ^= le64_to_cpu(w);
	}
	return acc;
}

static u64 nvc_msgq_fold(const u8 *src, size_t words)
{
	u64 acc = 0, w;
	size_t i;

	for (i = 0; i < words; i++) {
		memcpy(&w, src + i * sizeof(w), sizeof(w));
		acc ^= le64_to_cpu(w);
	}
	return acc;
}

/*
 * Fold message bytes [off, end) (8-byte aligned offsets inside the
 * message's pages) straight from the ring, copying message bytes
 * [dst_off, dst_off + dst_len) to @dst on the way.
 */
static u64 nvc_msgq_fold_ring(const struct nvc_msgq_ring *ring, u32 rptr,
			      size_t off, size_t end, u8 *dst, size_t dst_off,
			      size_t dst_len)
{
	size_t first = (size_t)(ring->count - rptr) * NVC_PAGE;
	size_t dst_end = dst_off + dst_len;
	u64 acc = 0, w;

	while (off < end) {
		/* The message wraps at most once: pages after the last are 0.. */
		const u8 *src = off < first ?
			ring->entries + (size_t)rptr * NVC_PAGE + off :
			ring->entries + (off - first);
		size_t seg = off < first ? min(end, first) - off : end - off;
		size_t c0, c1, n;

		/* Part before, inside and after the copied range. */
		c0 = clamp(dst_off, off, off + seg);
		c1 = clamp(dst_end, off, off + seg);
		acc ^= nvc_msgq_fold(src, (c0 - off) / 8);
		if (c0 < c1) {
			n = (c1 - c0) / 8;
			acc ^= nvc_msgq_fold_copy(dst + (c0 - dst_off),
						  src + (c0 - off), n);
			c0 += n * 8;
		}
		if (c0 < c1) {
			/* Last partial word of the copy: fold it whole. */
			memcpy(&w, src + (c0 - off), sizeof(w));
			memcpy(dst + (c0 - dst_off), &w, c1 - c0);
			acc ^= le64_to_cpu(w);
			c0 += 8;
		}
		if (c0 < off + seg)
			acc ^= nvc_msgq_fold(src + (c0 - off), (off + seg - c0) / 8);
		off += seg;
	}
	return acc;
}

static u32 nvc_msgq_fold32(u64 acc)
{
	return (u32)(acc >> 32) ^ (u32)acc;
}

/* Zero @n bytes (a multiple of 8) at 8-byte aligned @dst, word by word. */
static void nvc_msgq_zero(u8 *dst, size_t n)
{
	u64 z = 0;
	size_t i;

	for (i = 0; i < n; i += sizeof(z))
		memcpy(dst + i, &z, sizeof(z));
}

/**
 * nvc_msgq_put() - build a message straight into a ring
 * @ring: the producer's ring
 * @rptr: the consumer's read pointer
 * @wptr: the producer's write pointer
 * @function: RPC function
 * @seq: element seqNum
 * @sequence: the RPC header's sequence field
 * @payload: payload (may be NULL when @payload_len is 0)
 * @payload_len: at most %NVC_RPC_CHUNK bytes
 * @new_wptr: the write pointer to publish after a write barrier
 *
 * Produces exactly what building the message in a staging buffer, sealing
 * it and copying its pages into the ring would (the unit tests check it
 * against such a reference, tests/unit/msgq_ref.c), in one pass over the
 * payload: it is copied into the pages word by word and summed on the
 * way (the payload starts 8-byte aligned, the zero padding adds nothing
 * to an XOR fold), then the header goes in with the checksum.
 *
 * Return: elemCount, -E2BIG for a payload too large, -EPROTO for bad
 * pointers, -ENOSPC when the ring has no room.
 */
int nvc_msgq_put(const struct nvc_msgq_ring *ring, u32 rptr, u32 wptr,
		 u32 function, u32 seq, u32 sequence, const void *payload,
		 size_t payload_len, u32 *new_wptr)
{
	const size_t hlen = sizeof(struct GSP_MSG_QUEUE_ELEMENT);
	struct GSP_MSG_QUEUE_ELEMENT hdr;
	u32 rpc_len, elem, k, slot = wptr;
	const u8 *src = payload;
	size_t done = 0;
	u64 acc = 0, w;
	int free;

	if (payload_len > NVC_RPC_CHUNK)
		return -E2BIG;
	free = nvc_msgq_tx_free(ring->count, rptr, wptr);
	if (free < 0)
		return free;
	rpc_len = NVRM_RPC_HDR_SIZE + (u32)payload_len;
	elem = nvc_msgq_elem_count(rpc_len);
	if (elem > (u32)free)
		return -ENOSPC;

	for (k = 0; k < elem; k++) {
		u8 *page = ring->entries + (size_t)slot * NVC_PAGE;
		size_t start = k ? 0 : hlen, room = NVC_PAGE - start;
		size_t n = min(room, payload_len - done), words = n / 8;

		acc ^= nvc_msgq_fold_copy(page + start, src + done, words);
		if (n % 8) {
			/* The last partial word, zero padded. */
			w = 0;
			memcpy(&w, src + done + words * 8, n % 8);
			memcpy(page + start + words * 8, &w, sizeof(w));
			acc ^= le64_to_cpu(w);
			n = ALIGN(n, 8);
		}
		done += min(n, payload_len - done);
		nvc_msgq_zero(page + start + n, room - n);
		if (++slot == ring->count)
			slot = 0;
	}

	memset(&hdr, 0, sizeof(hdr));
	hdr.seqNum = seq;
	hdr.elemCount = elem;
	hdr.rpc.header_version = NVRM_RPC_HEADER_VERSION;
	hdr.rpc.signature = NVRM_RPC_SIGNATURE;
	hdr.rpc.length = rpc_len;
	hdr.rpc.function = function;
	hdr.rpc.rpc_result = NVRM_RPC_RESULT_PENDING;
	hdr.rpc.rpc_result_private = NVRM_RPC_RESULT_PENDING;
	hdr.rpc.sequence = sequence;
	hdr.checkSum = nvc_msgq_fold32(acc ^ nvc_msgq_fold((const u8 *)&hdr,
							   hlen / 8));
	memcpy(ring->entries + (size_t)wptr * NVC_PAGE, &hdr, hlen);
	*new_wptr = slot;
	return elem;
}


/**
 * nvc_msgq_take() - copy out and verify a message found by nvc_msgq_peek()
 * @ring: the consumer's ring
 * @rptr: the read pointer passed to nvc_msgq_peek()
 * @hdr: the header nvc_msgq_peek() returned (used instead of the ring's)
 * @info: the info nvc_msgq_peek() returned
 * @dst: receives the first @len payload bytes (may be NULL if @len is 0)
 * @len: payload bytes to copy, at most rpc.length - 0x20
 *
 * Copies and checksums in one pass over the ring. The whole payload is
 * summed whether copied or not; the message is accepted when the short
 * range (0x30 + rpc.length rounded up to 8) or all elemCount pages fold to
 * zero (see the DOC above). On -EILSEQ @dst may hold damaged bytes.
 *
 * Return: 0, -EINVAL if @len exceeds the payload, -EILSEQ on checksum
 * mismatch.
 */
int nvc_msgq_take(const struct nvc_msgq_ring *ring, u32 rptr,
		  const struct GSP_MSG_QUEUE_ELEMENT *hdr,
		  const struct nvc_msgq_msg_info *info, void *dst, size_t len)
{
	size_t plen = info->rpc_length - NVRM_RPC_HDR_SIZE;
	size_t whole = (size_t)info->elem_count * NVC_PAGE;
	u64 acc;

	if (len > plen)
		return -EINVAL;
	acc = nvc_msgq_fold((const u8 *)hdr, sizeof(*hdr) / 8);
	acc ^= nvc_msgq_fold_ring(ring, rptr, sizeof(*hdr), info->msg_size,
				  dst, NVC_MSG_PAYLOAD_OFF, len);
	if (!nvc_msgq_fold32(acc))
		return 0;
	acc ^= nvc_msgq_fold_ring(ring, rptr, info->msg_size, whole, NULL, 0, 0);
	return nvc_msgq_fold32(acc) ? -EILSEQ : 0;
}

/**
 * nvc_rpc_split_init() - start splitting a payload into messages
 * @s: iterator
 * @function: function of the RPC
 * @payload: whole payload (kept by reference)
 * @len: its length, any size
 */
void nvc_rpc_split_init(struct nvc_rpc_split *s, u32 function,
			const void *payload, size_t len)
{
	s->payload = payload;
	s->len = len;
	s->off = 0;
	s->function = function;
	s->part = 0;
}

/**
 * nvc_rpc_split_next() - next message of a split RPC
 * @s: iterator
 * @function: returns the message's function (original, then 71)
 * @chunk: returns the payload slice
 * @chunk_len: returns its length (<= 0xFFB0)
 *
 * The first call always yields a message, even for an empty payload.
 *
 * Return: true if a message was produced, false when done.
 */
bool nvc_rpc_split_next(struct nvc_rpc_split *s, u32 *function,
			const void **chunk, size_t *chunk_len)
{
	size_t n;

	if (s->part && s->off >= s->len)
		return false;
	n = min_t(size_t, s->len - s->off, NVC_RPC_CHUNK);
	*function = s->part ? NVC_RPC_FN_CONTINUATION : s->function;
	*chunk = s->payload + s->off;
	*chunk_len = n;
	s->off += n;
	s->part++;
	return true;
}
