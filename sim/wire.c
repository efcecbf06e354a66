// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: GSP-RM message-queue wire codec.
 *
 * DOC: nvsim wire codec
 *
 * Written from the fact sheet (sections 1.2, 1.3, 2 and 3), independently of
 * nvcore's transport:
 *
 * - Ring pointers count 4 KiB entries modulo msgCount; one entry always
 *   stays empty. A pointer >= msgCount is invalid and yields no free and no
 *   available entries.
 * - A message is a 0x30-byte element header, a 0x20-byte RPC header and the
 *   payload, spread over elemCount = ceil((0x30 + rpc.length) / 0x1000)
 *   consecutive entries (1..16).
 * - The checksum is the XOR of all little-endian 64-bit words of the message
 *   (zero padded to 8 bytes), folded to 32 bits (high ^ low); checkSum is
 *   chosen so that the fold over the message including it is zero. nvsim
 *   verifies the driver's messages over 0x30 + rpc.length rounded up to 8
 *   (nova-core leaves stale bytes in the rest of the last page).
 *   nvsim_wire_encode() produces a zero tail, so either range folds to
 *   zero; the GSP thread builds its messages in the ring itself, in the
 *   style of its personality (sim/personality.c).
 *
 * Everything here is pure computation on caller buffers and builds in the
 * kernel and in userspace (tests/unit/sim).
 */
#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/byteorder.h>
#endif

#include "wire.h"

#define NVSIM_ELEM_HDR	NVSIM_MSG_HDR_SIZE			/* 0x30 */
#define NVSIM_RPC_HDR	NVSIM_RPC_HDR_SIZE			/* 0x20 */
#define NVSIM_ENTRY	NVSIM_MSGQ_ENTRY_SIZE			/* 0x1000 */
#define NVSIM_MSG_MAX	NVSIM_MSG_MAX_SIZE			/* 0x10000 */

/**
 * nvsim_wire_fold() - XOR-fold a byte range into the 32-bit GSP checksum
 * @buf: start of the range (any alignment)
 * @len: number of bytes; a partial last word counts as zero padded
 *
 * Return: (high 32 bits) ^ (low 32 bits) of the XOR of all little-endian
 * u64 words of the range.
 */
u32 nvsim_wire_fold(const void *buf, size_t len)
{
	return nvsim_wire_fold64(nvsim_wire_xor(buf, len));
}

/**
 * nvsim_wire_xor() - XOR of the little-endian 64-bit words of a range
 * @buf: start of the range (any alignment)
 * @len: number of bytes; a partial last word counts as zero padded
 *
 * Ranges that start at 8-byte aligned message offsets combine by XOR;
 * nvsim_wire_fold64() turns the result into the checksum fold.
 *
 * Return: the 64-bit XOR.
 */
u64 nvsim_wire_xor(const void *buf, size_t len)
{
	const u8 *p = buf;
	u64 acc = 0, w;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		acc ^= le64_to_cpu(w);
	}
	for (; i < len; i++)
		acc ^= (u64)p[i] << (8 * (i & 7));
	return acc;
}

/**
 * nvsim_wire_fold64() - fold a 64-bit XOR into the 32-bit checksum
 * @acc: XOR of a message's words
 *
 * Return: (high 32 bits) ^ (low 32 bits).
 */
u32 nvsim_wire_fold64(u64 acc)
{
	return (u32)(acc >> 32) ^ (u32)acc;
}

/**
 * nvsim_wire_hdr() - fill the element and RPC headers of a message
 * @e: header to fill (checkSum left 0)
 * @seq: element seqNum
 * @tmpl: RPC header to copy (function, rpc_result, rpc_result_private,
 *	sequence, spare); header_version, signature and length are set here
 * @payload_len: payload size, at most 0xFFB0
 *
 * Return: elemCount, or 0 if the payload does not fit one message.
 */
u32 nvsim_wire_hdr(struct nvsim_msgq_elem *e, u32 seq,
		   const struct nvsim_rpc_hdr *tmpl,
		   u32 payload_len)
{
	u32 elems = nvsim_wire_elems_for(payload_len);

	memset(e, 0, sizeof(*e));
	e->seqNum = cpu_to_le32(seq);
	e->elemCount = cpu_to_le32(elems);
	e->rpc.header_version = cpu_to_le32(NVSIM_RPC_HEADER_VERSION);
	e->rpc.signature = cpu_to_le32(NVSIM_RPC_SIGNATURE);
	e->rpc.length = cpu_to_le32(NVSIM_RPC_HDR + payload_len);
	e->rpc.function = tmpl->function;
	e->rpc.rpc_result = tmpl->rpc_result;
	e->rpc.rpc_result_private = tmpl->rpc_result_private;
	e->rpc.sequence = tmpl->sequence;
	e->rpc.spare = tmpl->spare;
	return elems;
}

/**
 * nvsim_ring_free() - entries a producer may fill
 * @rptr: consumer's read pointer
 * @wptr: producer's write pointer
 * @count: msgCount of the ring
 *
 * Return: free entries (one is always kept empty), 0 if a pointer is
 * invalid.
 */
u32 nvsim_ring_free(u32 rptr, u32 wptr, u32 count)
{
	if (!count || rptr >= count || wptr >= count)
		return 0;
	return (rptr + count - wptr - 1) % count;
}

/**
 * nvsim_ring_avail() - entries a consumer may read
 * @rptr: consumer's read pointer
 * @wptr: producer's write pointer
 * @count: msgCount of the ring
 *
 * Return: filled entries, 0 if a pointer is invalid.
 */
u32 nvsim_ring_avail(u32 rptr, u32 wptr, u32 count)
{
	if (!count || rptr >= count || wptr >= count)
		return 0;
	return (wptr + count - rptr) % count;
}

/**
 * nvsim_ring_advance() - move a ring pointer forward
 * @ptr: current pointer (< @count)
 * @n: entries to advance (<= @count)
 * @count: msgCount of the ring
 *
 * Return: the new pointer, wrapped into 0..@count-1.
 */
u32 nvsim_ring_advance(u32 ptr, u32 n, u32 count)
{
	if (!count)
		return 0;
	ptr %= count;
	n %= count;
	return ptr >= count - n ? ptr - (count - n) : ptr + n;
}

/**
 * nvsim_wire_peek_elems() - read the element count of a message's first entry
 * @entry: the first 4 KiB entry of the message
 * @avail: entries available to the consumer
 * @elems: where to store elemCount
 *
 * Return: %NVSIM_WIRE_OK, or %NVSIM_WIRE_E_ELEMS if elemCount is outside
 * 1..16 or larger than @avail.
 */
enum nvsim_wire_err nvsim_wire_peek_elems(const void *entry, u32 avail,
					  u32 *elems)
{
	const struct nvsim_msgq_elem *e = entry;
	u32 n = le32_to_cpu(e->elemCount);

	*elems = n;
	if (n < 1 || n > NVSIM_MSG_MAX_ELEMS || n > avail)
		return NVSIM_WIRE_E_ELEMS;
	return NVSIM_WIRE_OK;
}

/**
 * nvsim_wire_decode() - validate a received message
 * @msg: the message, its entries copied out of the ring in order
 * @size: bytes at @msg (elemCount * 0x1000 when gathered from a ring)
 * @out: decoded view, valid on success (points into @msg)
 *
 * Checks elemCount, rpc.length bounds and consistency, the checksum over
 * 0x30 + rpc.length rounded up to 8, header_version and signature. The
 * sequence number is returned for the caller to check.
 *
 * Return: %NVSIM_WIRE_OK or the first problem found.
 */
enum nvsim_wire_err nvsim_wire_decode(const void *msg, size_t size,
				      struct nvsim_wire_msg *out)
{
	const struct nvsim_msgq_elem *e = msg;
	u32 elems, len, total;

	if (size < sizeof(*e))
		return NVSIM_WIRE_E_ELEMS;
	elems = le32_to_cpu(e->elemCount);
	if (elems < 1 || elems > NVSIM_MSG_MAX_ELEMS ||
	    (size_t)elems * NVSIM_ENTRY > size)
		return NVSIM_WIRE_E_ELEMS;
	len = le32_to_cpu(e->rpc.length);
	if (len < NVSIM_RPC_HDR || len > NVSIM_MSG_MAX - NVSIM_ELEM_HDR)
		return NVSIM_WIRE_E_LENGTH;
	total = NVSIM_ELEM_HDR + len;
	if ((total + NVSIM_ENTRY - 1) / NVSIM_ENTRY != elems)
		return NVSIM_WIRE_E_LENGTH;
	if (nvsim_wire_fold(msg, (total + 7) & ~7u))
		return NVSIM_WIRE_E_CSUM;
	if (le32_to_cpu(e->rpc.header_version) != NVSIM_RPC_HEADER_VERSION ||
	    le32_to_cpu(e->rpc.signature) != NVSIM_RPC_SIGNATURE)
		return NVSIM_WIRE_E_HEADER;

	out->seq = le32_to_cpu(e->seqNum);
	out->elems = elems;
	out->function = le32_to_cpu(e->rpc.function);
	out->rpc = &e->rpc;
	out->payload = (const u8 *)msg + sizeof(*e);
	out->payload_len = len - NVSIM_RPC_HDR;
	return NVSIM_WIRE_OK;
}

/**
 * nvsim_wire_elems_for() - entries a message with this payload occupies
 * @payload_len: payload bytes (<= 0xFFB0)
 *
 * Return: elemCount, or 0 if the payload does not fit one message.
 */
u32 nvsim_wire_elems_for(u32 payload_len)
{
	if (payload_len > NVSIM_WIRE_MAX_PAYLOAD)
		return 0;
	return (NVSIM_ELEM_HDR + NVSIM_RPC_HDR + payload_len + NVSIM_ENTRY - 1) /
	       NVSIM_ENTRY;
}

/**
 * nvsim_wire_reseal() - recompute the checksum of a built message
 * @msg: message built by nvsim_wire_encode(), possibly edited since
 * @size: whole-entry size of the message
 */
void nvsim_wire_reseal(void *msg, size_t size)
{
	struct nvsim_msgq_elem *e = msg;

	e->checkSum = 0;
	e->checkSum = cpu_to_le32(nvsim_wire_fold(msg, size));
}

/**
 * nvsim_wire_encode() - build one message
 * @buf: destination
 * @size: bytes at @buf
 * @seq: element seqNum
 * @tmpl: RPC header to copy (function, rpc_result, rpc_result_private,
 *	sequence, spare); header_version, signature and length are set here
 * @payload: payload bytes (may be NULL when @payload_len is 0)
 * @payload_len: payload size, at most 0xFFB0
 *
 * The message is zero padded to whole entries and sealed with its checksum.
 *
 * Return: bytes used (elemCount * 0x1000), or 0 if it does not fit.
 */
size_t nvsim_wire_encode(void *buf, size_t size, u32 seq,
			 const struct nvsim_rpc_hdr *tmpl,
			 const void *payload, u32 payload_len)
{
	struct nvsim_msgq_elem *e = buf;
	u32 elems = nvsim_wire_elems_for(payload_len);
	size_t bytes = (size_t)elems * NVSIM_ENTRY;

	size_t used = sizeof(*e) + payload_len;

	if (!elems || bytes > size)
		return 0;
	/* Header and padding zeroed; the payload is copied over its bytes. */
	nvsim_wire_hdr(e, seq, tmpl, payload_len);
	memset((u8 *)buf + used, 0, bytes - used);
	if (payload_len)
		memcpy((u8 *)buf + sizeof(*e), payload, payload_len);
	/* Zero padding adds nothing to the fold: seal the used bytes only. */
	nvsim_wire_reseal(buf, (used + 7) & ~(size_t)7);
	return bytes;
}

/**
 * nvsim_wire_parts() - messages needed for a payload (first + continuations)
 * @payload_len: total payload bytes
 *
 * Return: 1 for payloads up to 0xFFB0, else 1 + the continuation records.
 */
u32 nvsim_wire_parts(u64 payload_len)
{
	if (payload_len <= NVSIM_WIRE_MAX_PAYLOAD)
		return 1;
	return 1 + (u32)((payload_len - NVSIM_WIRE_MAX_PAYLOAD +
			  NVSIM_WIRE_MAX_PAYLOAD - 1) / NVSIM_WIRE_MAX_PAYLOAD);
}

/**
 * nvsim_wire_txhdr_valid() - check a queue TX header against the geometry
 * @h: header as read from shared memory
 *
 * Return: true for version 0, size 0x40000, msgSize 0x1000, msgCount 63,
 * rxHdrOff 0x20, entryOff 0x1000, SWAP_RX set and writePtr < msgCount.
 */
bool nvsim_wire_txhdr_valid(const struct nvsim_msgq_txhdr *h)
{
	return le32_to_cpu(h->version) == NVSIM_MSGQ_VERSION &&
	       le32_to_cpu(h->size) == NVSIM_MSGQ_QUEUE_SIZE &&
	       le32_to_cpu(h->msgSize) == NVSIM_MSGQ_ENTRY_SIZE &&
	       le32_to_cpu(h->msgCount) == NVSIM_MSGQ_MSG_COUNT &&
	       le32_to_cpu(h->rxHdrOff) == NVSIM_MSGQ_RXHDR_OFF &&
	       le32_to_cpu(h->entryOff) == NVSIM_MSGQ_ENTRY_OFF &&
	       (le32_to_cpu(h->flags) & NVSIM_MSGQ_FLAGS_SWAP_RX) &&
	       le32_to_cpu(h->writePtr) < NVSIM_MSGQ_MSG_COUNT;
}

/**
 * nvsim_wire_txhdr_init() - fill a TX header for a 0x40000-byte queue
 * @h: header to fill (writePtr 0)
 */
void nvsim_wire_txhdr_init(struct nvsim_msgq_txhdr *h)
{
	h->version = cpu_to_le32(NVSIM_MSGQ_VERSION);
	h->size = cpu_to_le32(NVSIM_MSGQ_QUEUE_SIZE);
	h->msgSize = cpu_to_le32(NVSIM_MSGQ_ENTRY_SIZE);
	h->msgCount = cpu_to_le32(NVSIM_MSGQ_MSG_COUNT);
	h->writePtr = 0;
	h->flags = cpu_to_le32(NVSIM_MSGQ_FLAGS_SWAP_RX);
	h->rxHdrOff = cpu_to_le32(NVSIM_MSGQ_RXHDR_OFF);
	h->entryOff = cpu_to_le32(NVSIM_MSGQ_ENTRY_OFF);
}
