// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the LIBOS log decoder (core/gsp/fwlog.c). Input:
 * u16 ELF length, the logging ELF, then the log ring as u64 words (the
 * first two are taken as put and the oldest bound). When the ELF does not
 * validate, a fixed valid one is used so the ring is still exercised.
 * Checks: output NUL-terminated, whole lines, inside its buffer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fwlog.h"
#include "fwlog_build.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static u8 *fixed_elf;
static size_t fixed_len;

static void fixed_init(void)
{
	static struct flb b;
	u64 s;

	if (fixed_elf)
		return;
	s = flb_str(&b, "str");
	(void)s;
	flb_site(&b, "a.c", 1, "plain", 0);
	flb_site(&b, "b.c", 2, "%d %u %x %s %c %p %5.3d %-*s %%", 8);
	flb_site(&b, "c.c", 3, "%s%s%s", 3);
	fixed_elf = flb_elf(&b, 0, 0, &fixed_len);
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
	n = nvc_fwlog_decode(&le, "RM", ring, words, put, oldest, scratch,
			     ring[0] & 0x100 ? 3 : 512, out, out_size, &res);
	if (n >= out_size || out[n] || strlen(out) != n ||
	    (n && out[n - 1] != '\n') || res.records > words)
		abort();
	free(ring);
	free(elf);
	return 0;
}
