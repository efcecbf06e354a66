// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the GSP static-info parser (core/gsp/tmpl/static_info.c),
 * one binary per firmware version: built as is for 535.113.01 and with
 * -DNVT_FW_R570 for 570.144 (whose GspStaticConfigInfo drops the GPC/TPC/
 * ZCULL arrays and widens fbio/fbp masks, so every field moves).
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "static_info.h"

#ifdef NVT_FW_R570
/* The 570.144 instance of the parser (core/gsp/r570/static_info.c). */
int nvc_r570_static_info_parse(const void *buf, size_t len,
			       struct nvc_static_summary *out);
#define nvc_static_info_parse nvc_r570_static_info_parse
#include "nvrm/570.144/nvrm.h"
/* GspStaticConfigInfo of 570.144 and of the other version, 535.113.01. */
#define NVT_SI_SIZE		0x678
#define NVT_SI_OTHER_SIZE	0x878
#else
/* The 535.113.01 instance of the parser (core/gsp/r535/static_info.c). */
int nvc_r535_static_info_parse(const void *buf, size_t len,
			       struct nvc_static_summary *out);
#define nvc_static_info_parse nvc_r535_static_info_parse
#include "nvrm/535.113.01/nvrm.h"
#define NVT_SI_SIZE		0x878
#define NVT_SI_OTHER_SIZE	0x678
#endif

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
	T_EQ(out.h_internal_client, 0xc1e00004);
	T_EQ(out.h_internal_device, 0xde1d0000);
	T_EQ(out.h_internal_subdevice, 0x5d1d0000);
	T_EQ(out.display_heads, 4);
	return 0;
}

static int reject_length(void)
{
	/* Room for an oversized reply, poisoned past the struct. */
	static u8 big[2 * sizeof(si)];

	T_EQ(sizeof(si), NVT_SI_SIZE);
	good();
	T_EQ(nvc_static_info_parse(&si, sizeof(si) - 1, &out), -EMSGSIZE);
	T_EQ(nvc_static_info_parse(&si, 0, &out), -EMSGSIZE);
	memcpy(big, &si, sizeof(si));
	memset(big + sizeof(si), 0xff, sizeof(big) - sizeof(si));
	T_EQ(nvc_static_info_parse(big, sizeof(si) + 1, &out), -EMSGSIZE);
	T_EQ(nvc_static_info_parse(big, sizeof(big), &out), -EMSGSIZE);
	/* The other version's reply is refused by size, not misread. */
	T_EQ(nvc_static_info_parse(big, NVT_SI_OTHER_SIZE, &out), -EMSGSIZE);
	return 0;
}

static int reject_garbage(void)
{
	good();
	memset(&si, 0xff, sizeof(si));	/* every count and bound maximal */
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	good();
	si.fbRegionInfoParams.numFBRegions = 0xffffffff;
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), -EINVAL);
	return 0;
}

static int regions_all_slots(void)
{
	struct NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO_PARAMS *fr;
	unsigned int i;

	/* The last array slot is read and the count of 16 is accepted. */
	good();
	fr = &si.fbRegionInfoParams;
	fr->numFBRegions = 16;
	memset(fr->fbRegion, 0, sizeof(fr->fbRegion));
	for (i = 0; i < 16; i++) {
		fr->fbRegion[i].base = (u64)(15 - i) << 30;
		fr->fbRegion[i].limit = fr->fbRegion[i].base + (1ULL << 29) - 1;
	}
	T_EQ(nvc_static_info_parse(&si, sizeof(si), &out), 0);
	T_EQ(out.nr_regions, 16);
	T_EQ(out.regions[0].base, 0);
	T_EQ(out.regions[15].base, 15ULL << 30);
	T_EQ(out.usable, 8ULL << 30);
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
	RUN(reject_garbage);
	RUN(regions_all_slots);
	RUN(reject_regions);
	RUN(reject_handles_heads);
	RUN(name_bounded_and_sanitised);
	return nvt_failed ? 1 : 0;
}
