// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the GSP static-info parser (core/gsp/static_info.c).
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "static_info.h"

/* The 535.113.01 instance of the parser (core/gsp/r535/static_info.c). */
int nvc_r535_static_info_parse(const void *buf, size_t len,
			       struct nvc_static_summary *out);
#define nvc_static_info_parse nvc_r535_static_info_parse
#include "nvrm/535.113.01/nvrm.h"

static struct GspStaticConfigInfo si;
static struct nvc_static_summary out;

static void good(void)
{
	struct NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO_PARAMS *fr = &si.fbRegionInfoParams;

	memset(&si, 0, sizeof(si));
	strcpy((char *)si.gpuNameString, "NVIDIA RTX A6000");
	si.gidInfo.length = 16;
	memset(si.gidInfo.data, 0xab, 16);
	si.fb_length = 48ULL << 30;
	fr->numFBRegions = 3;
	/* Listed out of order; one reserved, one protected. */
	fr->fbRegion[0].base = 1ULL << 30;
	fr->fbRegion[0].limit = (40ULL << 30) - 1;
	fr->fbRegion[0].supportCompressed = 1;
	fr->fbRegion[0].supportISO = 1;
	fr->fbRegion[1].base = 0;
	fr->fbRegion[1].limit = (1ULL << 30) - 1;
	fr->fbRegion[1].supportISO = 1;
	fr->fbRegion[2].base = 40ULL << 30;
	fr->fbRegion[2].limit = (48ULL << 30) - 1;
	fr->fbRegion[2].bProtected = 1;
	si.hInternalClient = 0xc1e00004;
	si.hInternalDevice = 0xde1d0000;
	si.hInternalSubdevice = 0x5d1d0000;
	si.displaylessMaxHeads.numHeads = 4;
}

static int parse_good(void)
{
	good();
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), 0);
	T_ASSERT(!strcmp(out.name, "NVIDIA RTX A6000"));
	T_EQ(out.uuid[15], 0xab);
	T_EQ(out.fb_length, 48ULL << 30);
	T_EQ(out.nr_regions, 2);
	T_EQ(out.regions[0].base, 0);
	T_EQ(out.regions[1].base, 1ULL << 30);
	T_EQ(out.regions[1].compressible, 1);
	T_EQ(out.usable, 40ULL << 30);
	T_EQ(out.h_internal_subdevice, 0x5d1d0000);
	T_EQ(out.display_heads, 4);
	return 0;
}

static int reject_length(void)
{
	good();
	T_EQ(nvc_static_info_parse(&si, sizeof(si) - 1, &out), -EMSGSIZE);
	T_EQ(nvc_static_info_parse(&si, 0, &out), -EMSGSIZE);
	return 0;
}

static int reject_regions(void)
{
	good();
	si.fbRegionInfoParams.numFBRegions = 17;
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	good();
	si.fbRegionInfoParams.fbRegion[0].limit = 48ULL << 30;	/* past FB */
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	good();
	si.fbRegionInfoParams.fbRegion[0].base = 2ULL << 30;	/* base > limit */
	si.fbRegionInfoParams.fbRegion[0].limit = (1ULL << 30);
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	good();
	si.fbRegionInfoParams.fbRegion[1].limit = (2ULL << 30) - 1;	/* overlap */
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	good();
	si.fb_length = 0;
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	return 0;
}

static int reject_handles_heads(void)
{
	good();
	si.hInternalClient = 0;
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	good();
	si.displaylessMaxHeads.numHeads = 17;
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	return 0;
}

static int name_bounded_and_sanitised(void)
{
	good();
	memset(si.gpuNameString, 'A', sizeof(si.gpuNameString));	/* no NUL */
	si.gpuNameString[3] = 0x07;
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), 0);
	T_EQ(strlen(out.name), sizeof(out.name) - 1);
	T_EQ(out.name[3], '?');
	good();
	si.gidInfo.length = 4;	/* too short for a UUID: left zero */
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), 0);
	T_EQ(out.uuid[0], 0);
	return 0;
}

int main(void)
{
	RUN(parse_good);
	RUN(reject_length);
	RUN(reject_regions);
	RUN(reject_handles_heads);
	RUN(name_bounded_and_sanitised);
	return nvt_failed ? 1 : 0;
}
