// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the LIBOS log decoder (core/gsp/common/fwlog.c). Input:
 * u16 ELF length, an output size byte, the logging ELF, then u64 words:
 * put, the oldest bound (used when odd), then the ring. When the ELF does not
 * validate, a fixed valid one is used so the ring is still exercised.
 * Checks: output NUL-terminated, whole lines, inside its buffer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fwlog.h"
#include "fwlog_build.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static u8 *fixed_elf;
static size_t fixed_len;

static void fixed_init(void)
{
	u64 va[FLB_FIXED_SITES];

	if (!fixed_elf)
		fixed_elf = flb_fixed(&fixed_len, va);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nvc_fwlog_result res;
	struct nvc_fwlog_elf le;
	static u32 scratch[512];
	static char out[4096];
	size_t elf_len, n, words, out_size;
	u64 *ring, put = 0, oldest = 0;
	u8 *elf;

	fixed_init();
	if (size < 3)
		return 0;
	elf_len = (data[0] | data[1] << 8) % (size - 1);
	out_size = 1 + data[2] % sizeof(out);
	data += 3;
	size -= 3;
	if (elf_len > size)
		elf_len = size;
	elf = malloc(elf_len ? elf_len : 1);
	if (!elf)
		return 0;
	memcpy(elf, data, elf_len);
	if (nvc_fwlog_elf_init(&le, elf, elf_len))
		nvc_fwlog_elf_init(&le, fixed_elf, fixed_len);
	data += elf_len;
	size -= elf_len;
	words = size / 8;
	ring = calloc(words + 2, 8);
	if (!ring) {
		free(elf);
		return 0;
	}
	memcpy(ring, data, words * 8);
	if (words >= 2) {
		put = ring[0];
		oldest = ring[1] & 1 ? ring[1] : 0;
	}
	n = nvc_fwlog_decode(&le, "RM", words > 2 ? ring + 2 : ring,
			     words > 2 ? words - 2 : words, put, oldest, scratch,
			     put & 0x100000 ? 3 : 512, out, out_size, &res);
	if (getenv("FUZZ_FWLOG_SHOW"))
		fprintf(stderr, "records %llu\n", (unsigned long long)res.records);
	if (n >= out_size || out[n] || strlen(out) != n ||
	    (n && out[n - 1] != '\n') || res.records > words)
		abort();
	free(ring);
	free(elf);
	return 0;
}
