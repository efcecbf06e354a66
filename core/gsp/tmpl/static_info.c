// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: parser of GSP-RM's static configuration.
 *
 * DOC: GSP static configuration
 *
 * GET_GSP_STATIC_INFO returns GspStaticConfigInfo (fact sheet §7). It comes
 * from the firmware and is treated as untrusted: the length must be exact,
 * strings are bounded, and the FB region table is checked (count within
 * the array, base <= limit, inside fb_length, no overlaps) before any of
 * it is used. Usable regions are those neither reserved nor protected.
 * The parser has no kernel dependencies; tests/fuzz fuzzes it.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/string.h>
#else
#include "kcompat.h"
#endif

#include "../static_info.h"

/*
 * Compiled once per version by core/gsp/r<NNN>/static_info.c, after that
 * version's headers, as nvc_r<NNN>_static_info_parse() (NVC_FW_SYM).
 */
int NVC_FW_SYM(static_info_parse)(const void *buf, size_t len,
				  struct nvc_static_summary *out);

static void nvc_si_copy_str(char *dst, const u8 *src, size_t n)
{
	size_t i;

	for (i = 0; i < n - 1 && src[i]; i++)
		dst[i] = (src[i] >= 0x20 && src[i] < 0x7f) ? src[i] : '?';
	dst[i] = 0;
}

/**
 * nvc_r<NNN>_static_info_parse() - validate and summarise GspStaticConfigInfo
 * @buf: the reply payload
 * @len: its length
 * @out: the summary
 *
 * Return: 0, -EMSGSIZE for a wrong length, -EINVAL for inconsistent
 * contents.
 */
int NVC_FW_SYM(static_info_parse)(const void *buf, size_t len,
				  struct nvc_static_summary *out)
{
	const struct GspStaticConfigInfo *si = buf;
	const struct NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO_PARAMS *fr;
	unsigned int i, j, n;

	if (len != sizeof(*si))
		return -EMSGSIZE;
	memset(out, 0, sizeof(*out));

	nvc_si_copy_str(out->name, si->gpuNameString, sizeof(out->name));
	if (si->gidInfo.length >= sizeof(out->uuid) &&
	    si->gidInfo.length <= sizeof(si->gidInfo.data))
		memcpy(out->uuid, si->gidInfo.data, sizeof(out->uuid));
	out->fb_length = si->fb_length;
	if (!out->fb_length)
		return -EINVAL;

	fr = &si->fbRegionInfoParams;
	if (fr->numFBRegions > NVRM_FB_REGION_INFO_MAX_ENTRIES)
		return -EINVAL;
	n = 0;
	for (i = 0; i < fr->numFBRegions; i++) {
		const struct NV2080_CTRL_CMD_FB_GET_FB_REGION_FB_REGION_INFO *r =
			&fr->fbRegion[i];
		struct nvc_si_region nr;

		if (r->base > r->limit || r->limit >= out->fb_length)
			return -EINVAL;
		if (r->reserved || r->bProtected)
			continue;
		nr.base = r->base;
		nr.size = r->limit - r->base + 1;
		nr.compressible = r->supportCompressed;
		nr.iso = r->supportISO;
		/* Insert sorted by base. */
		for (j = n; j > 0 && out->regions[j - 1].base > nr.base; j--)
			out->regions[j] = out->regions[j - 1];
		out->regions[j] = nr;
		n++;
	}
	for (i = 1; i < n; i++)
		if (out->regions[i - 1].base + out->regions[i - 1].size >
		    out->regions[i].base)
			return -EINVAL;
	out->nr_regions = n;
	for (i = 0; i < n; i++)
		out->usable += out->regions[i].size;

	out->h_internal_client = si->hInternalClient;
	out->h_internal_device = si->hInternalDevice;
	out->h_internal_subdevice = si->hInternalSubdevice;
	if (!out->h_internal_client || !out->h_internal_subdevice)
		return -EINVAL;
	out->display_heads = si->displaylessMaxHeads.numHeads;
	if (out->display_heads > 16)
		return -EINVAL;
	return 0;
}
