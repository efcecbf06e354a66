/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: OS-independent GSP-RM message queue transport (every supported
 * GSP-RM version: include/nvrm/common/msgq.h).
 *
 * Pure functions over caller-provided memory: no locking, no allocation,
 * no logging. Built into the kernel module and into the userspace unit
 * tests and fuzz targets.
 */
#ifndef NVC_GSP_MSGQ_H
#define NVC_GSP_MSGQ_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "kcompat.h"
#endif

#include "nvrm/common/msgq.h"

/* Function number of a continuation record (facts §2.5). */
#define NVC_RPC_FN_CONTINUATION		71u
/* Largest payload carried by one message: 0x10000 - 0x30 - 0x20. */
#define NVC_RPC_CHUNK			NVRM_RPC_MAX_PAYLOAD
/* Smallest legal 0x30 + rpc.length: both headers, empty payload. */
#define NVC_MSG_MIN_SIZE		(NVRM_MSG_HDR_SIZE + NVRM_RPC_HDR_SIZE)
/* Byte offset of the RPC payload inside a queue element. */
#define NVC_MSG_PAYLOAD_OFF		NVC_MSG_MIN_SIZE
/* Upper bound accepted for msgCount; the real queues have 63 entries. */
#define NVC_MSGQ_MAX_COUNT		4096u

/* Decoder error codes (see nvc_msgq_peek() and nvc_msgq_take()). */
#define NVC_MSGQ_ENOMSG			EAGAIN
#define NVC_MSGQ_EPTR			EPROTO
#define NVC_MSGQ_EBAD			EBADMSG
#define NVC_MSGQ_ECSUM			EILSEQ
#define NVC_MSGQ_ESMALL			EOVERFLOW

/**
 * struct nvc_msgq_ring - view of the entry array of one queue
 * @entries: address of entry 0 (queue base + entryOff); @count entries of
 *	%NVRM_MSGQ_ENTRY_SIZE bytes each must be mapped there
 * @count: number of entries (msgCount); trusted: the caller validates the
 *	value against its own mapping
 */
struct nvc_msgq_ring {
	u8 *entries;
	u32 count;
};

/**
 * struct nvc_msgq_msg_info - result of decoding one message
 * @next_rptr: read pointer to publish once the caller is done with the copy
 * @elem_count: number of queue entries the message occupies
 * @function: rpc.function
 * @rpc_length: rpc.length (RPC header + payload bytes)
 * @rpc_result: rpc.rpc_result
 * @sequence: rpc.sequence
 * @seq: element seqNum
 * @msg_size: ALIGN(0x30 + rpc_length, 8), the short checksum range
 */
struct nvc_msgq_msg_info {
	u32 next_rptr;
	u32 elem_count;
	u32 function;
	u32 rpc_length;
	u32 rpc_result;
	u32 sequence;
	u32 seq;
	u32 msg_size;
};

void nvc_msgq_hdr_init(struct msgqTxHeader *hdr);

int nvc_msgq_tx_free(u32 count, u32 rptr, u32 wptr);
int nvc_msgq_rx_avail(u32 count, u32 rptr, u32 wptr);
u32 nvc_msgq_elem_count(u32 rpc_length);

u32 nvc_msgq_csum(const void *buf, size_t len);

int nvc_msgq_put(const struct nvc_msgq_ring *ring, u32 rptr, u32 wptr,
		 u32 function, u32 seq, u32 sequence, const void *payload,
		 size_t payload_len, u32 *new_wptr);
int nvc_msgq_peek(const struct nvc_msgq_ring *ring, u32 rptr, u32 wptr,
		  struct GSP_MSG_QUEUE_ELEMENT *hdr,
		  struct nvc_msgq_msg_info *info);
int nvc_msgq_take(const struct nvc_msgq_ring *ring, u32 rptr,
		  const struct GSP_MSG_QUEUE_ELEMENT *hdr,
		  const struct nvc_msgq_msg_info *info, void *dst, size_t len);

/**
 * struct nvc_rpc_split - iterator over the messages of a large RPC
 * @payload: whole payload
 * @len: its length
 * @off: bytes already handed out
 * @function: function of the first message
 * @part: index of the next part (0 = first)
 *
 * Initialise with nvc_rpc_split_init(); fields are private.
 */
struct nvc_rpc_split {
	const u8 *payload;
	size_t len;
	size_t off;
	u32 function;
	u32 part;
};

void nvc_rpc_split_init(struct nvc_rpc_split *s, u32 function,
			const void *payload, size_t len);
bool nvc_rpc_split_next(struct nvc_rpc_split *s, u32 *function,
			const void **chunk, size_t *chunk_len);

#endif /* NVC_GSP_MSGQ_H */
