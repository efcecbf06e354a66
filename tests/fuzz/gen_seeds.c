// SPDX-License-Identifier: GPL-2.0
/*
 * Writes a seed corpus for fuzz_msgq_decode into DIR: rings holding valid
 * messages of 1, 2 and 16 pages, wrapped messages and a continuation
 * series, in the input format described in fuzz_msgq_decode.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msgq.h"
#include "msgq_ref.h"

#define PG	NVRM_MSGQ_ENTRY_SIZE
#define COUNT	NVRM_MSGQ_MSG_COUNT

static u8 ring_mem[COUNT * PG];
static u8 stage[NVRM_MSG_MAX_SIZE];
static u8 payload[4 * NVC_RPC_CHUNK];

static int emit(const char *dir, const char *name, u8 flags, u32 rptr,
		u32 wptr)
{
	u32 pages = (wptr + COUNT - rptr) % COUNT, k;
	char path[4096];
	u8 hdr[12] = { flags, COUNT };
	FILE *f;

	memcpy(hdr + 2, &rptr, 4);
	memcpy(hdr + 6, &wptr, 4);
	hdr[10] = 0xff;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return 1;
	fwrite(hdr, 1, sizeof(hdr), f);
	for (k = 0; k < pages; k++)
		fwrite(ring_mem + (size_t)((rptr + k) % COUNT) * PG, 1, PG, f);
	return fclose(f) ? 1 : 0;
}

static int put(u32 rptr, u32 *wptr, u32 fn, const void *p, size_t len)
{
	struct nvc_msgq_ring ring = { ring_mem, COUNT };
	int elem = nvc_msgq_encode(stage, sizeof(stage), fn, 0, p, len);

	if (elem < 0 || nvc_msgq_write(&ring, rptr, *wptr, stage, elem, wptr))
		return 1;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		u32 start;
		size_t len;
	} one[] = {
		{ "one_page", 0, 100 },
		{ "two_page", 10, 0x1800 },
		{ "sixteen_page", 20, NVC_RPC_CHUNK },
		{ "wrap", 61, 0x3000 },
	};
	struct nvc_rpc_split s;
	const void *chunk;
	size_t i, clen;
	u32 w, fn;

	if (argc != 2)
		return 2;
	for (i = 0; i < sizeof(payload); i++)
		payload[i] = (u8)(i * 13 + (i >> 9));
	for (i = 0; i < ARRAY_SIZE(one); i++) {
		memset(ring_mem, 0, sizeof(ring_mem));
		w = one[i].start;
		if (put(one[i].start, &w, 0x1001, payload, one[i].len) ||
		    emit(argv[1], one[i].name, 0, one[i].start, w))
			return 1;
	}
	/* mixed sequence, and a 3-part large reply */
	memset(ring_mem, 0, sizeof(ring_mem));
	w = 40;
	if (put(40, &w, 0x1002, payload, 0x20) ||
	    put(40, &w, 0x1003, payload, 0x1000) ||
	    put(40, &w, 0x1004, payload, 0x10) ||
	    emit(argv[1], "mixed", 0, 40, w))
		return 1;
	memset(ring_mem, 0, sizeof(ring_mem));
	w = 30;
	nvc_rpc_split_init(&s, 76, payload, 2 * NVC_RPC_CHUNK + 100);
	while (nvc_rpc_split_next(&s, &fn, &chunk, &clen))
		if (put(30, &w, fn, chunk, clen))
			return 1;
	return emit(argv[1], "continuation", 4, 30, w);
}
