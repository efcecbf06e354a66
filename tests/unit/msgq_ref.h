/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reference message queue codec (tests/unit/msgq_ref.c): test code only,
 * not part of nvcore.ko.
 */
#ifndef NVC_TEST_MSGQ_REF_H
#define NVC_TEST_MSGQ_REF_H

#include "msgq.h"

int nvc_msgq_seal(void *msg, size_t buf_size);
int nvc_msgq_verify(const void *msg, size_t len);
int nvc_msgq_encode(void *buf, size_t buf_size, u32 function, u32 seq,
		    const void *payload, size_t payload_len);
int nvc_msgq_write(const struct nvc_msgq_ring *ring, u32 rptr, u32 wptr,
		   const void *msg, u32 elem_count, u32 *new_wptr);
int nvc_msgq_recv(const struct nvc_msgq_ring *ring, u32 rptr, u32 wptr,
		  void *out, size_t out_size, struct nvc_msgq_msg_info *info);

int nvc_msgq_hdr_check(const struct msgqTxHeader *hdr, u32 mapped_size,
		       u32 *count);
size_t nvc_rpc_split_count(size_t len);

/* Return values of nvc_rpc_reasm_start()/nvc_rpc_reasm_feed() besides 0. */
#define NVC_RPC_REASM_MORE		1
/* Reassembler error codes. */
#define NVC_RPC_REASM_EFUNC		ENOMSG	/* not a continuation */
#define NVC_RPC_REASM_EOVER		EOVERFLOW /* beyond expected total */
#define NVC_RPC_REASM_EPARTS		E2BIG	/* too many parts */
#define NVC_RPC_REASM_ESPACE		ENOSPC	/* buffer too small */
#define NVC_RPC_REASM_ESTATE		EINVAL	/* not started / finished */

/**
 * struct nvc_rpc_reasm - receive-side reassembler for large replies
 * @buf: caller's buffer receiving the concatenated payload
 * @cap: its size
 * @total: expected payload total, 0 while unknown (derived mode)
 * @have: payload bytes assembled so far
 * @function: function of the first part
 * @parts: parts consumed so far
 * @max_parts: parts allowed in total
 * @active: a reply is being assembled
 *
 * Initialise with nvc_rpc_reasm_init(); fields are read-only for callers.
 */
struct nvc_rpc_reasm {
	u8 *buf;
	size_t cap;
	size_t total;
	size_t have;
	u32 function;
	u32 parts;
	u32 max_parts;
	bool active;
};

void nvc_rpc_reasm_init(struct nvc_rpc_reasm *r, void *buf, size_t cap);
int nvc_rpc_reasm_start(struct nvc_rpc_reasm *r, u32 function,
			const void *payload, size_t len, size_t total);
int nvc_rpc_reasm_feed(struct nvc_rpc_reasm *r, u32 function,
		       const void *payload, size_t len);

#endif /* NVC_TEST_MSGQ_REF_H */
