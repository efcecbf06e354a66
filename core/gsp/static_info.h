/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: parser of GSP-RM's static configuration (GET_GSP_STATIC_INFO).
 * OS-independent: also built in userspace for unit tests and fuzzing.
 */
#ifndef NVC_GSP_STATIC_INFO_H
#define NVC_GSP_STATIC_INFO_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "kcompat.h"
#endif

#define NVC_SI_MAX_REGIONS	16
#define NVC_SI_NAME_LEN		64

/**
 * struct nvc_si_region - a VRAM region clients may use
 * @base: first byte
 * @size: size in bytes
 * @compressible: supports compression
 * @iso: supports isochronous traffic
 */
struct nvc_si_region {
	u64 base;
	u64 size;
	bool compressible;
	bool iso;
};

/**
 * struct nvc_static_summary - what nvcore keeps of the static info
 * @name: GPU name, NUL-terminated
 * @uuid: GPU UUID (first 16 bytes of the GID)
 * @fb_length: VRAM size in bytes
 * @nr_regions: entries in @regions
 * @regions: usable VRAM regions, sorted, non-overlapping, inside VRAM
 * @usable: sum of their sizes
 * @h_internal_client: GSP-RM's internal client handle
 * @h_internal_device: its device
 * @h_internal_subdevice: its subdevice
 * @display_heads: number of display heads
 */
struct nvc_static_summary {
	char name[NVC_SI_NAME_LEN];
	u8 uuid[16];
	u64 fb_length;
	unsigned int nr_regions;
	struct nvc_si_region regions[NVC_SI_MAX_REGIONS];
	u64 usable;
	u32 h_internal_client;
	u32 h_internal_device;
	u32 h_internal_subdevice;
	u32 display_heads;
};

/*
 * The parser exists once per firmware version (core/gsp/r<NNN>/
 * static_info.c, from tmpl/static_info.c): nvc_r<NNN>_static_info_parse(),
 * reached through the version's ops (enumerate).
 */

#endif /* NVC_GSP_STATIC_INFO_H */
