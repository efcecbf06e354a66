// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the CPU-sequencer program parser: any message
 * bytes. The walk must stay inside the message and terminate.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "seqparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nvc_seq_iter it;
	struct nvc_seq_cmd c;
	unsigned int steps = 0;
	u8 *p = malloc(size ? size : 1);

	if (!p)
		return 0;
	memcpy(p, data, size);
	if (!nvc_seq_begin(&it, p, size)) {
		while (nvc_seq_next(&it, &c) == 1) {
			if (it.i > it.n || c.nargs > NVC_SEQ_MAX_ARGS ||
			    (const u8 *)(it.cmd + it.i) > p + size || ++steps > size)
				abort();
		}
	}
	free(p);
	return 0;
}
