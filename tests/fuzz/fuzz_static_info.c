// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the GSP static-info parser: any bytes, any length.
 * A summary that parses must be self-consistent. Built for 535.113.01;
 * fuzz_static_info_r570.c builds it for 570.144.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "static_info.h"

#ifdef NVT_FW_R570
/* The 570.144 instance of the parser (core/gsp/r570/static_info.c). */
int nvc_r570_static_info_parse(const void *buf, size_t len,
			       struct nvc_static_summary *out);
#define nvc_static_info_parse nvc_r570_static_info_parse
#else
/* The 535.113.01 instance of the parser (core/gsp/r535/static_info.c). */
int nvc_r535_static_info_parse(const void *buf, size_t len,
			       struct nvc_static_summary *out);
#define nvc_static_info_parse nvc_r535_static_info_parse
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nvc_static_summary s;
	unsigned int i;
	u64 sum = 0;
	u8 *p = malloc(size ? size : 1);

	if (!p)
		return 0;
	memcpy(p, data, size);
	if (!nvc_static_info_parse(p, size, &s)) {
		if (s.nr_regions > NVC_SI_MAX_REGIONS || !memchr(s.name, 0, sizeof(s.name)))
			abort();
		for (i = 0; i < s.nr_regions; i++) {
			if (!s.regions[i].size ||
			    s.regions[i].base + s.regions[i].size > s.fb_length)
				abort();
			if (i && s.regions[i - 1].base + s.regions[i - 1].size >
			    s.regions[i].base)
				abort();
			sum += s.regions[i].size;
		}
		if (sum != s.usable)
			abort();
	}
	free(p);
	return 0;
}
