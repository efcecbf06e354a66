// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the GSP firmware parsers: the input is parsed as a
 * gsp-<ver>.bin ELF64 file (every chip signature name) and as a
 * bootloader-<ver>.bin file, and its version is read. Returned pointers
 * must lie inside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fwimage.h"
#include "simg_check.h"

static void inside(const u8 *base, size_t size, const u8 *p, size_t n)
{
	if (p < base || p > base + size || n > (size_t)(base + size - p))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const sigs[] = {
		".fwsignature_tu10x", ".fwsignature_ga10x",
		".fwsignature_ad10x",
	};
	struct nvc_gsp_fw fw;
	struct nvc_gsp_bl bl;
	const u8 *sec;
	size_t n, i;
	u8 *p;

	/* exact-size copy so that any over-read is caught */
	p = malloc(size ? size : 1);
	if (!p)
		return 0;
	memcpy(p, data, size);

	for (i = 0; i < ARRAY_SIZE(sigs); i++) {
		if (nvc_fw_gsp_parse(p, size, sigs[i], &fw))
			continue;
		inside(p, size, fw.image, fw.image_size);
		inside(p, size, fw.sig, fw.sig_size);
		nvc_simg_check(fw.image, fw.image_size);
	}
	if (!nvc_fw_elf_section(p, size, ".shstrtab", &sec, &n))
		inside(p, size, sec, n);
	{
		const char *src = NULL;
		char ver[16];

		/* The version, when accepted, is a NUL-terminated string. */
		if (!nvc_fw_image_version(p, size, "535.113.01", ver,
					  sizeof(ver), &src) &&
		    (strcmp(ver, "535.113.01") || !src))
			abort();
	}

	if (!nvc_fw_bl_parse(p, size, &bl)) {
		inside(p, size, bl.data, bl.data_size);
		if (bl.desc.manifest_offset + (u64)bl.desc.manifest_size >
		    bl.data_size ||
		    bl.desc.monitor_code_offset +
		    (u64)bl.desc.monitor_code_size > bl.data_size ||
		    bl.desc.monitor_data_offset +
		    (u64)bl.desc.monitor_data_size > bl.data_size)
			abort();
	}
	free(p);
	return 0;
}
