/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: GP-entry and push-buffer method-header decoders.
 *
 * Pure functions on untrusted words, shared by the simulated PBDMA
 * (sim/fifo.c), the unit tests (tests/unit/sim) and the fuzz target
 * (tests/fuzz/fuzz_pbdec.c). Field positions: NVC46F_GP_ENTRY* and
 * NVC46F_DMA_* of sim/hwclass.h (OGKM src/common/sdk/nvidia/inc/class/
 * clc46f.h, checked against each firmware version's headers by
 * sim/rNNN/abi.c); NVC56F (Ampere, Ada) has the same formats.
 */
#ifndef NVSIM_PBDEC_H
#define NVSIM_PBDEC_H

#ifdef __KERNEL__
#include <linux/types.h>
#endif

#include "hwclass.h"

#define NVSIM_FLD(v, f) \
	(((v) >> f##__BIT_LO) & ((2ull << (f##__BIT_HI - f##__BIT_LO)) - 1))

/**
 * struct nvsim_gp_entry - one decoded GP entry
 * @get: push-buffer segment GPU VA (40 bits, 4-byte aligned)
 * @length: segment length in 32-bit words (0: a control entry)
 * @opcode: control entry opcode (NVC46F_GP_ENTRY1_OPCODE_*)
 * @subroutine: LEVEL_SUBROUTINE
 * @sync_wait: SYNC_WAIT
 * @conditional: FETCH_CONDITIONAL
 */
struct nvsim_gp_entry {
	u64 get;
	u32 length;
	u32 opcode;
	u8 subroutine;
	u8 sync_wait;
	u8 conditional;
};

static inline void nvsim_gp_decode(u32 e0, u32 e1, struct nvsim_gp_entry *g)
{
	g->get = (NVSIM_FLD((u64)e0, NVC46F_GP_ENTRY0_GET) << 2) |
		 (NVSIM_FLD((u64)e1, NVC46F_GP_ENTRY1_GET_HI) << 32);
	g->length = NVSIM_FLD(e1, NVC46F_GP_ENTRY1_LENGTH);
	g->opcode = g->length ? 0 : NVSIM_FLD(e1, NVC46F_GP_ENTRY1_OPCODE);
	g->subroutine = NVSIM_FLD(e1, NVC46F_GP_ENTRY1_LEVEL) ==
			NVC46F_GP_ENTRY1_LEVEL_SUBROUTINE;
	g->sync_wait = NVSIM_FLD(e1, NVC46F_GP_ENTRY1_SYNC) ==
		       NVC46F_GP_ENTRY1_SYNC_WAIT;
	g->conditional = NVSIM_FLD(e0, NVC46F_GP_ENTRY0_FETCH) ==
			 NVC46F_GP_ENTRY0_FETCH_CONDITIONAL;
}

enum nvsim_pb_mode {
	NVSIM_PB_INC,		/* address + 1 after every data word */
	NVSIM_PB_NONINC,	/* the same address for every data word */
	NVSIM_PB_ONEINC,	/* address + 1 after the first data word only */
};

/**
 * struct nvsim_pb_state - decoder state carried between words
 * @count: data words still expected for the current header
 * @method: byte address of the next method
 * @subch: its subchannel
 * @mode: &enum nvsim_pb_mode
 * @first: the next data word is the header's first
 * @mask: subdevice mask (SET_SUB_DEV_MASK), 12 bits
 * @use_mask: methods go to subdevices in @mask only (USE_SUB_DEV_MASK);
 *	nvsim is subdevice 0
 * @stored: STORE_SUB_DEV_MASK value
 */
struct nvsim_pb_state {
	u32 count;
	u32 method;
	u8 subch;
	u8 mode;
	u8 first;
	u8 use_mask;
	u16 mask;
	u16 stored;
};

/**
 * struct nvsim_pb_method - one method to execute
 * @subch: subchannel (0..7)
 * @method: byte address
 * @data: the data word
 */
struct nvsim_pb_method {
	u32 subch;
	u32 method;
	u32 data;
};

enum nvsim_pb_result {
	NVSIM_PB_NONE,		/* a header, a NOP or a masked method */
	NVSIM_PB_METHOD,	/* @out holds a method to execute */
	NVSIM_PB_END_SEGMENT,	/* END_PB_SEGMENT: ignore the rest */
	NVSIM_PB_ERROR,		/* reserved opcode: a PBDMA error */
};

static inline void nvsim_pb_reset(struct nvsim_pb_state *s)
{
	*s = (struct nvsim_pb_state){ .mask = 0xfff, .stored = 0xfff };
}

/* Does the current subdevice mask let methods reach subdevice 0? */
static inline int nvsim_pb_active(const struct nvsim_pb_state *s)
{
	return !s->use_mask || (s->mask & 1);
}

static inline void nvsim_pb_header(struct nvsim_pb_state *s, u32 w, u32 mode,
				   u32 addr_dw, u32 count)
{
	s->count = count;
	s->method = addr_dw << 2;
	s->subch = NVSIM_FLD(w, NVC46F_DMA_METHOD_SUBCHANNEL);
	s->mode = mode;
	s->first = 1;
}

/**
 * nvsim_pb_step() - decode one push-buffer word
 * @s: decoder state
 * @w: the word
 * @out: the method, for NVSIM_PB_METHOD
 *
 * Return: &enum nvsim_pb_result.
 */
static inline int nvsim_pb_step(struct nvsim_pb_state *s, u32 w,
				struct nvsim_pb_method *out)
{
	u32 op;

	if (s->count) {
		out->subch = s->subch;
		out->method = s->method;
		out->data = w;
		s->count--;
		if (s->mode == NVSIM_PB_INC ||
		    (s->mode == NVSIM_PB_ONEINC && s->first))
			s->method = (s->method + 4) & 0x3ffc;
		s->first = 0;
		return nvsim_pb_active(s) ? NVSIM_PB_METHOD : NVSIM_PB_NONE;
	}

	op = NVSIM_FLD(w, NVC46F_DMA_SEC_OP);
	switch (op) {
	case NVC46F_DMA_SEC_OP_INC_METHOD:
	case NVC46F_DMA_SEC_OP_NON_INC_METHOD:
	case NVC46F_DMA_SEC_OP_ONE_INC:
		nvsim_pb_header(s, w, op == NVC46F_DMA_SEC_OP_INC_METHOD ? NVSIM_PB_INC :
				op == NVC46F_DMA_SEC_OP_NON_INC_METHOD ? NVSIM_PB_NONINC :
				NVSIM_PB_ONEINC,
				NVSIM_FLD(w, NVC46F_DMA_METHOD_ADDRESS),
				NVSIM_FLD(w, NVC46F_DMA_METHOD_COUNT));
		return NVSIM_PB_NONE;
	case NVC46F_DMA_SEC_OP_IMMD_DATA_METHOD:
		out->subch = NVSIM_FLD(w, NVC46F_DMA_METHOD_SUBCHANNEL);
		out->method = NVSIM_FLD(w, NVC46F_DMA_METHOD_ADDRESS) << 2;
		out->data = NVSIM_FLD(w, NVC46F_DMA_IMMD_DATA);
		return nvsim_pb_active(s) ? NVSIM_PB_METHOD : NVSIM_PB_NONE;
	case NVC46F_DMA_SEC_OP_GRP0_USE_TERT:
		switch (NVSIM_FLD(w, NVC46F_DMA_TERT_OP)) {
		case NVC46F_DMA_TERT_OP_GRP0_INC_METHOD:
			/* Old format: byte address 12:2, count 28:18 (0: NOP). */
			nvsim_pb_header(s, w, NVSIM_PB_INC, (w >> 2) & 0x7ff,
					(w >> 18) & 0x7ff);
			return NVSIM_PB_NONE;
		case NVC46F_DMA_TERT_OP_GRP0_SET_SUB_DEV_MASK:
			s->mask = (w >> 4) & 0xfff;
			s->use_mask = 1;
			return NVSIM_PB_NONE;
		case NVC46F_DMA_TERT_OP_GRP0_STORE_SUB_DEV_MASK:
			s->stored = (w >> 4) & 0xfff;
			return NVSIM_PB_NONE;
		default:	/* USE_SUB_DEV_MASK */
			s->mask = s->stored;
			s->use_mask = 1;
			return NVSIM_PB_NONE;
		}
	case NVC46F_DMA_SEC_OP_GRP2_USE_TERT:
		if (NVSIM_FLD(w, NVC46F_DMA_TERT_OP) !=
		    NVC46F_DMA_TERT_OP_GRP2_NON_INC_METHOD)
			return NVSIM_PB_ERROR;
		nvsim_pb_header(s, w, NVSIM_PB_NONINC, (w >> 2) & 0x7ff,
				(w >> 18) & 0x7ff);
		return NVSIM_PB_NONE;
	case NVC46F_DMA_SEC_OP_END_PB_SEGMENT:
		return NVSIM_PB_END_SEGMENT;
	default:	/* RESERVED6 */
		return NVSIM_PB_ERROR;
	}
}

#endif /* NVSIM_PBDEC_H */
