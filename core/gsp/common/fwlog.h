/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: OS-independent decoder of GSP-RM's binary LIBOS logs.
 */
#ifndef NVC_GSP_FWLOG_H
#define NVC_GSP_FWLOG_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "kcompat.h"
#endif

#define NVC_FWLOG_MAX_MAPS	32
#define NVC_FWLOG_MAX_PHDRS	64
/* Longest decoded message of one record (the line prefix not counted). */
#define NVC_FWLOG_MSG_MAX	256

/**
 * struct nvc_fwlog_map - one firmware VA range backed by ELF file bytes
 * @va: first virtual address
 * @off: file offset of its first byte
 * @len: bytes
 */
struct nvc_fwlog_map {
	u64 va;
	u64 off;
	u64 len;
};

/**
 * struct nvc_fwlog_elf - a validated logging ELF
 * @elf: file bytes (not copied; must outlive this)
 * @size: their number
 * @map: VA ranges: PT_LOAD segments first, then sections with an address,
 *	searched in that order (OGKM libelf.c, LibosElfMapVirtual)
 * @nr: entries of @map
 */
struct nvc_fwlog_elf {
	const u8 *elf;
	size_t size;
	struct nvc_fwlog_map map[NVC_FWLOG_MAX_MAPS];
	unsigned int nr;
};

/**
 * struct nvc_fwlog_result - what one decode found
 * @put: the put pointer decoded up to
 * @records: records decoded
 * @lost: words before the oldest decoded record that could not be
 *	decoded (overwritten, bad metadata, or no room)
 * @bad_meta: the walk stopped at a metadata pointer that does not map,
 *	or at a metadata with too many arguments
 * @wrapped: the oldest record was partly overwritten
 * @truncated: the output or scratch space ran out
 */
struct nvc_fwlog_result {
	u64 put;
	u64 records;
	u64 lost;
	bool bad_meta;
	bool wrapped;
	bool truncated;
};

int nvc_fwlog_elf_init(struct nvc_fwlog_elf *le, const void *elf,
		       size_t size);
int nvc_fwlog_elf_from_image(struct nvc_fwlog_elf *le, const void *fw,
			     size_t fw_size, const char *task_section);
size_t nvc_fwlog_decode(const struct nvc_fwlog_elf *le, const char *task,
			const u64 *ring, u64 entries, u64 put, u64 oldest,
			u32 *scratch, size_t nscratch, char *out,
			size_t out_size, struct nvc_fwlog_result *res);

#endif /* NVC_GSP_FWLOG_H */
