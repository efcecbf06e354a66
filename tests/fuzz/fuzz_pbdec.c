// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nvsim's push-buffer decoder (sim/pbdec.h): any
 * bytes, read as GP entries (the first 8 bytes) and push-buffer words.
 * Invariants: every method is in the 14-bit method space (4-byte
 * aligned), its subchannel below 8; the decoder never asks for more than
 * one word at a time and its pending count only goes down by one per data
 * word; a GP entry's VA stays within 40 bits and its length within 21.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kshim.h"
#include "pbdec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nvsim_pb_state s;
	struct nvsim_pb_method m;
	struct nvsim_gp_entry g;
	u32 w[2], prev;
	size_t i;
	int r;

	if (size >= 8) {
		memcpy(w, data, 8);
		nvsim_gp_decode(w[0], w[1], &g);
		if ((g.get & 3) || g.get >> 40 || g.length >> 21 ||
		    (g.length && g.opcode))
			abort();
	}
	nvsim_pb_reset(&s);
	for (i = 0; i + 4 <= size; i += 4) {
		u32 word;

		memcpy(&word, data + i, 4);
		prev = s.count;
		r = nvsim_pb_step(&s, word, &m);
		if (prev && s.count != prev - 1)
			abort();
		if (r == NVSIM_PB_METHOD &&
		    (m.method > 0x3ffc || (m.method & 3) || m.subch > 7))
			abort();
		if (r == NVSIM_PB_ERROR || r == NVSIM_PB_END_SEGMENT)
			nvsim_pb_reset(&s);
		if (s.count > 0x1fff)
			abort();
	}
	return 0;
}
