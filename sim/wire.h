/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: GSP-RM message-queue wire codec (ring arithmetic, checksum,
 * element encoder and decoder).
 *
 * This is nvsim's own implementation of fact sheet sections 1-3; it shares
 * nothing with nvcore's transport. It builds in the kernel and, for the
 * unit tests, in userspace (tests/unit/sim/kshim.h).
 */
#ifndef NVSIM_WIRE_H
#define NVSIM_WIRE_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "kshim.h"
#endif

#include "hw.h"

/* Payload bytes one message can carry (0xFFB0). */
#define NVSIM_WIRE_MAX_PAYLOAD	NVSIM_RPC_MAX_PAYLOAD

/**
 * enum nvsim_wire_err - why a received message was rejected
 * @NVSIM_WIRE_OK: the message is well formed
 * @NVSIM_WIRE_E_ELEMS: elemCount outside 1..16 or beyond the entries
 *	available in the ring
 * @NVSIM_WIRE_E_LENGTH: rpc.length out of bounds or inconsistent with
 *	elemCount
 * @NVSIM_WIRE_E_HEADER: wrong header_version or signature
 * @NVSIM_WIRE_E_CSUM: the checksum does not fold to zero
 */
enum nvsim_wire_err {
	NVSIM_WIRE_OK = 0,
	NVSIM_WIRE_E_ELEMS,
	NVSIM_WIRE_E_LENGTH,
	NVSIM_WIRE_E_HEADER,
	NVSIM_WIRE_E_CSUM,
};

/**
 * struct nvsim_wire_msg - decoded view of a validated message
 * @seq: element seqNum
 * @elems: number of 4 KiB entries the message occupies
 * @function: rpc.function
 * @rpc: the RPC header inside the message buffer
 * @payload: first payload byte inside the message buffer
 * @payload_len: rpc.length - 0x20
 */
struct nvsim_wire_msg {
	u32 seq;
	u32 elems;
	u32 function;
	const struct nvsim_rpc_hdr *rpc;
	const u8 *payload;
	u32 payload_len;
};

u32 nvsim_wire_fold(const void *buf, size_t len);
u64 nvsim_wire_xor(const void *buf, size_t len);
u32 nvsim_wire_fold64(u64 acc);
u32 nvsim_wire_hdr(struct nvsim_msgq_elem *e, u32 seq,
		   const struct nvsim_rpc_hdr *tmpl,
		   u32 payload_len);
u32 nvsim_ring_free(u32 rptr, u32 wptr, u32 count);
u32 nvsim_ring_avail(u32 rptr, u32 wptr, u32 count);
u32 nvsim_ring_advance(u32 ptr, u32 n, u32 count);
enum nvsim_wire_err nvsim_wire_peek_elems(const void *entry, u32 avail,
					  u32 *elems);
enum nvsim_wire_err nvsim_wire_decode(const void *msg, size_t size,
				      struct nvsim_wire_msg *out);
u32 nvsim_wire_elems_for(u32 payload_len);
size_t nvsim_wire_encode(void *buf, size_t size, u32 seq,
			 const struct nvsim_rpc_hdr *tmpl,
			 const void *payload, u32 payload_len);
void nvsim_wire_reseal(void *msg, size_t size);
u32 nvsim_wire_parts(u64 payload_len);
bool nvsim_wire_txhdr_valid(const struct nvsim_msgq_txhdr *h);
void nvsim_wire_txhdr_init(struct nvsim_msgq_txhdr *h);

#endif /* NVSIM_WIRE_H */
