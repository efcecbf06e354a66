/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GPFIFO entries, push-buffer method headers, host semaphore methods and
 * copy-engine methods (Volta to Ada), for clients that build push buffers.
 *
 * DOC: push-buffer format
 *
 * A hardware format, not a firmware one (like include/nvcore/mmu.h):
 * NVIDIA's class headers clc46f.h / clc56f.h (NVC46F_GP_ENTRY*,
 * NVC46F_DMA_*, host methods) and clc6b5.h / clc7b5.h (copy-engine
 * methods); the layout table's NVC46F_ / NVC6B5_ rows.
 *
 * A GP entry is two words: the push buffer's GPU VA (bits 31:2 in word 0,
 * 39:32 in word 1 bits 7:0) and its length in 32-bit words (word 1 bits
 * 30:10). A method header is (opcode << 29) | (count << 16) |
 * (subchannel << 13) | (method >> 2).
 */
#ifndef NVCORE_PUSHBUF_H
#define NVCORE_PUSHBUF_H

#include <linux/types.h>

#define NVC_PB_SEC_OP_INC		1	/* incrementing */
#define NVC_PB_SEC_OP_NON_INC		3	/* non-incrementing */
#define NVC_PB_SEC_OP_IMMD		4	/* immediate data (13 bits) */

/* The subchannel nvcore binds the copy-engine object to. */
#define NVC_PB_SUBC_CE			4

/* Host methods (NVC46F_*). */
#define NVC_HOST_SET_OBJECT		0x0000
#define NVC_HOST_NON_STALL_INTERRUPT	0x0020
#define NVC_HOST_SEM_ADDR_LO		0x005c
#define NVC_HOST_SEM_ADDR_HI		0x0060
#define NVC_HOST_SEM_PAYLOAD_LO		0x0064
#define NVC_HOST_SEM_PAYLOAD_HI		0x0068
#define NVC_HOST_SEM_EXECUTE		0x006c
#define NVC_HOST_SEM_EXECUTE_RELEASE	0x00000001
#define NVC_HOST_SEM_EXECUTE_RELEASE_WFI (1u << 20)

/* Copy-engine methods (NVC6B5_* = NVC7B5_*). */
#define NVC_CE_SET_SEMAPHORE_A		0x0240
#define NVC_CE_SET_SEMAPHORE_B		0x0244
#define NVC_CE_SET_SEMAPHORE_PAYLOAD	0x0248
#define NVC_CE_SET_SRC_PHYS_MODE	0x0260
#define NVC_CE_SET_DST_PHYS_MODE	0x0264
#define NVC_CE_LAUNCH_DMA		0x0300
#define NVC_CE_OFFSET_IN_UPPER		0x0400
#define NVC_CE_OFFSET_IN_LOWER		0x0404
#define NVC_CE_OFFSET_OUT_UPPER		0x0408
#define NVC_CE_OFFSET_OUT_LOWER		0x040c
#define NVC_CE_PITCH_IN			0x0410
#define NVC_CE_PITCH_OUT		0x0414
#define NVC_CE_LINE_LENGTH_IN		0x0418
#define NVC_CE_LINE_COUNT		0x041c
#define NVC_CE_SET_REMAP_CONST_A	0x0700
#define NVC_CE_SET_REMAP_CONST_B	0x0704
#define NVC_CE_SET_REMAP_COMPONENTS	0x0708

/* SET_*_PHYS_MODE TARGET. */
#define NVC_CE_PHYS_LOCAL_FB		0
#define NVC_CE_PHYS_COHERENT_SYSMEM	1

/* LAUNCH_DMA fields. */
#define NVC_CE_LAUNCH_NON_PIPELINED	(2u << 0)
#define NVC_CE_LAUNCH_FLUSH		(1u << 2)
#define NVC_CE_LAUNCH_SEM_ONE_WORD	(1u << 3)
#define NVC_CE_LAUNCH_INTR_NON_BLOCKING	(2u << 5)
#define NVC_CE_LAUNCH_SRC_PITCH		(1u << 7)
#define NVC_CE_LAUNCH_DST_PITCH		(1u << 8)
#define NVC_CE_LAUNCH_MULTI_LINE	(1u << 9)
#define NVC_CE_LAUNCH_REMAP		(1u << 10)
#define NVC_CE_LAUNCH_SRC_PHYSICAL	(1u << 12)
#define NVC_CE_LAUNCH_DST_PHYSICAL	(1u << 13)

/* SET_REMAP_COMPONENTS: DST_X = CONST_A, 4-byte components, 1 component. */
#define NVC_CE_REMAP_CONST_A_4B_1	((4u << 0) | (3u << 16) | (0u << 20) | (0u << 24))

/**
 * nvc_pb_hdr() - a method header
 * @op: NVC_PB_SEC_OP_*
 * @subc: subchannel
 * @mthd: method byte offset
 * @count: data words that follow (immediate: the 13-bit data)
 *
 * Return: the header word.
 */
static inline u32 nvc_pb_hdr(u32 op, u32 subc, u32 mthd, u32 count)
{
	return op << 29 | (count & 0x1fff) << 16 | (subc & 7) << 13 |
	       ((mthd >> 2) & 0xfff);
}

/**
 * nvc_gp_entry() - a GP entry for a push buffer
 * @va: GPU VA of the push buffer, 4-byte aligned, below 2^40
 * @dwords: its length in 32-bit words (1 to 2^21 - 1)
 * @e: the two words
 */
static inline void nvc_gp_entry(u64 va, u32 dwords, u32 e[2])
{
	e[0] = lower_32_bits(va) & ~3u;
	e[1] = (upper_32_bits(va) & 0xff) | (dwords & 0x1fffff) << 10;
}

#endif /* NVCORE_PUSHBUF_H */
