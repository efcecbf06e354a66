// SPDX-License-Identifier: GPL-2.0
/*
 * Seeds for fuzz_fwlog: the fixed logging ELF's call sites recorded in a
 * ring, in the target's input format (u16 ELF length 0, output size byte,
 * then put, oldest and the ring words). gen_fwlog_seed DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fwlog_build.h"

int main(int argc, char **argv)
{
	u64 va[FLB_FIXED_SITES], ring[64], args[9] = { 1, 2, 3, FLB_VA, 'c', 4, 5, 6, FLB_VA };
	struct flr r = { ring, 62, 0 };
	char path[4096];
	size_t len;
	FILE *f;
	u8 hdr[3] = { 0, 0, 0xff };
	u8 *elf;
	int i;

	if (argc != 2)
		return 2;
	elf = flb_fixed(&len, va);
	free(elf);
	memset(ring, 0, sizeof(ring));
	for (i = 0; i < 5; i++) {
		flr_rec(&r, va[0], 1000 + i, NULL, 0);
		flr_rec(&r, va[1], 2000 + i, args, 9);
		flr_rec(&r, va[2], 3000 + i, args + 6, 3);
	}
	snprintf(path, sizeof(path), "%s/seed-records", argv[1]);
	f = fopen(path, "wb");
	if (!f)
		return 1;
	fwrite(hdr, 1, sizeof(hdr), f);
	fwrite(&r.put, 8, 1, f);
	i = 0;
	fwrite(&(u64){ 0 }, 8, 1, f);
	fwrite(ring, 8, r.entries, f);
	return fclose(f) ? 1 : 0;
}
