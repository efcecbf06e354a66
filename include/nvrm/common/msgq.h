/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM, every supported version: shared-memory message queues, queue
 * elements and the RPC message header.
 *
 * Version-neutral: byte-identical in 535.113.01 and 570.144; tests/abi checks
 * it against the rows of every version (docs/design.md, firmware versions).
 *
 * Written from ../shared/gsp-rm-facts.md (sections 1-3) and the compiled
 * layout table ../shared/gsp-rm-layouts.tsv; facts only.  Struct and field
 * names follow NVIDIA's so that the layout table can be checked against
 * them mechanically (tests/abi).
 */
#ifndef NVRM_COMMON_MSGQ_H
#define NVRM_COMMON_MSGQ_H

#include "../nvrm_types.h"

/**
 * DOC: GSP-RM message queues
 *
 * The CPU and GSP-RM talk through one DMA-coherent system-memory region.
 * Its first page is a table of the DMA addresses of every page of the
 * region (the table page included); then come two rings of equal size:
 * the command queue (CPU to GSP) and the status queue (GSP to CPU).
 *
 * Each ring starts with a producer-owned &struct msgqTxHeader, followed at
 * rxHdrOff by a &struct msgqRxHeader and, from entryOff on, by msgCount
 * fixed-size (4 KiB) entries.  Both sides set %MSGQ_FLAGS_SWAP_RX, which
 * means each side stores its *read* pointer in the RX header of the ring
 * it produces into, so nobody writes into memory owned by the peer.
 * Pointers count entries and wrap at msgCount; one entry is always left
 * free so that "read == write" means empty.
 *
 * A message is one or more consecutive entries.  It starts with a
 * &struct GSP_MSG_QUEUE_ELEMENT (checksum, per-direction sequence number,
 * number of entries used) whose tail is the 32-byte
 * &struct rpc_message_header_v03_00 naming the function and the payload
 * length.  The producer writes the entries, fences, then advances its
 * write pointer and (CPU side) rings the GSP doorbell; GSP signals new
 * status messages with the falcon SWGEN0 interrupt.  Payloads that do not
 * fit in 16 entries are split into CONTINUATION_RECORD messages.
 */

/* Queue geometry used by nouveau, nova-core and OpenRM (no task-ISR pair). */
#define NVRM_MSGQ_VERSION		0
#define NVRM_MSGQ_FLAGS_SWAP_RX		1
#define NVRM_GSP_PAGE_SIZE		0x1000u
#define NVRM_MSGQ_QUEUE_SIZE		0x40000u
#define NVRM_MSGQ_ENTRY_SIZE		0x1000u
#define NVRM_MSGQ_RXHDR_OFF		0x20u
#define NVRM_MSGQ_ENTRY_OFF		0x1000u
#define NVRM_MSGQ_MSG_COUNT \
	((NVRM_MSGQ_QUEUE_SIZE - NVRM_MSGQ_ENTRY_OFF) / NVRM_MSGQ_ENTRY_SIZE)
#define NVRM_SHM_PTE_OFF		0x0u
#define NVRM_SHM_CMDQ_OFF		0x1000u
#define NVRM_SHM_STATQ_OFF		0x41000u
#define NVRM_SHM_SIZE			0x81000u
#define NVRM_SHM_PTE_COUNT		(NVRM_SHM_SIZE / NVRM_GSP_PAGE_SIZE)

/* Element limits (§2.2). */
#define NVRM_MSG_HDR_SIZE		0x30u
#define NVRM_MSG_MAX_ELEMS		16u
#define NVRM_MSG_MAX_SIZE		(NVRM_MSG_MAX_ELEMS * NVRM_MSGQ_ENTRY_SIZE)
#define NVRM_RPC_HDR_SIZE		0x20u
#define NVRM_RPC_MAX_LEN		(NVRM_MSG_MAX_SIZE - NVRM_MSG_HDR_SIZE)
#define NVRM_RPC_MAX_PAYLOAD		(NVRM_RPC_MAX_LEN - NVRM_RPC_HDR_SIZE)

/* RPC header constants (§3). */
#define NVRM_RPC_HEADER_VERSION		0x03000000u
#define NVRM_RPC_SIGNATURE		0x43505256u	/* "VRPC" in memory */
#define NVRM_RPC_RESULT_PENDING		0xFFFFFFFFu

/* Queue parameters, as named by NVIDIA (alignments are log2). */
#define GSP_MSG_QUEUE_ALIGN				0xc
#define GSP_MSG_QUEUE_ELEMENT_ALIGN			0xc
#define GSP_MSG_QUEUE_ELEMENT_HDR_SIZE			0x30
#define GSP_MSG_QUEUE_ELEMENT_SIZE_MAX			0x10000
#define GSP_MSG_QUEUE_ELEMENT_SIZE_MIN			0x1000
#define GSP_MSG_QUEUE_HEADER_ALIGN			0x4
#define GSP_MSG_QUEUE_HEADER_SIZE			0x1000
#define GSP_MSG_QUEUE_RPC_SIZE_MAX			0xffd0
#define MSGQ_FLAGS_SWAP_RX				0x1
#define MSGQ_META_MAX_ALIGN				0xc
#define MSGQ_META_MIN_ALIGN				0x3
#define MSGQ_MSG_SIZE_MIN				0x10
#define MSGQ_VERSION					0x0
#define RM_PAGE_SHIFT					0xc
#define RM_PAGE_SIZE					0x1000

struct msgqTxHeader {
	u32 version;
	u32 size;
	u32 msgSize;
	u32 msgCount;
	u32 writePtr;
	u32 flags;
	u32 rxHdrOff;
	u32 entryOff;
};

NVRM_CHECK_SIZE(msgqTxHeader, 0x20);
NVRM_CHECK_OFF(msgqTxHeader, writePtr, 0x10);
NVRM_CHECK_OFF(msgqTxHeader, entryOff, 0x1c);

struct msgqRxHeader {
	u32 readPtr;
};

NVRM_CHECK_SIZE(msgqRxHeader, 0x4);

/* Last word of the RPC header: spare on bare metal, CPU-RM GFID in vGPU. */
union rpc_message_rpc_union_field_v03_00 {
	u32 spare;
	u32 cpuRmGfid;
};

static_assert(sizeof(union rpc_message_rpc_union_field_v03_00) == 4,
	      "rpc_message_rpc_union_field_v03_00 size");

struct rpc_message_header_v03_00 {
	u32 header_version;
	u32 signature;
	u32 length;
	u32 function;
	u32 rpc_result;
	u32 rpc_result_private;
	u32 sequence;
	union rpc_message_rpc_union_field_v03_00 u;
	u32 rpc_message_data[];
};

NVRM_CHECK_SIZE(rpc_message_header_v03_00, 0x20);
NVRM_CHECK_OFF(rpc_message_header_v03_00, length, 0x8);
NVRM_CHECK_OFF(rpc_message_header_v03_00, function, 0xc);
NVRM_CHECK_OFF(rpc_message_header_v03_00, rpc_result, 0x10);
NVRM_CHECK_OFF(rpc_message_header_v03_00, u, 0x1c);
NVRM_CHECK_OFF(rpc_message_header_v03_00, rpc_message_data, 0x20);

struct GSP_MSG_QUEUE_ELEMENT {
	u8 authTagBuffer[16];
	u8 aadBuffer[16];
	u32 checkSum;
	u32 seqNum;
	u32 elemCount;
	u32 pad;	/* NVIDIA aligns rpc to 8 bytes; always zero */
	struct rpc_message_header_v03_00 rpc;
};

NVRM_CHECK_SIZE(GSP_MSG_QUEUE_ELEMENT, 0x50);
NVRM_CHECK_OFF(GSP_MSG_QUEUE_ELEMENT, checkSum, 0x20);
NVRM_CHECK_OFF(GSP_MSG_QUEUE_ELEMENT, seqNum, 0x24);
NVRM_CHECK_OFF(GSP_MSG_QUEUE_ELEMENT, elemCount, 0x28);
NVRM_CHECK_OFF(GSP_MSG_QUEUE_ELEMENT, rpc, NVRM_MSG_HDR_SIZE);
NVRM_CHECK_OFF(GSP_MSG_QUEUE_ELEMENT, rpc, GSP_MSG_QUEUE_ELEMENT_HDR_SIZE);

#endif /* NVRM_COMMON_MSGQ_H */
