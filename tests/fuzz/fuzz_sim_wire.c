// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nvsim's decoder of driver-written messages: any
 * bytes. A message that decodes must lie inside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nvsim_wire_msg m;
	u8 *p = malloc(size ? size : 1);
	u32 elems;

	if (!p)
		return 0;
	memcpy(p, data, size);
	if (size >= 0x50)
		nvsim_wire_peek_elems(p, 16, &elems);
	if (nvsim_wire_decode(p, size, &m) == NVSIM_WIRE_OK) {
		if (m.payload < p || m.payload + m.payload_len > p + size ||
		    (size_t)m.elems * 0x1000 > size)
			abort();
	}
	free(p);
	return 0;
}
