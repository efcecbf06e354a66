/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore client API: VRAM a client owns, seen by the CPU and the copy
 * engine.
 *
 * DOC: nvcore VRAM access
 *
 * A client that manages its own VRAM (nvdrm's TTM VRAM domain is one big
 * allocation from its partition, sub-allocated by TTM) needs three things
 * beyond nvc_vram_read() and nvc_vram_write(): a fill (scrubbing freed
 * memory, clearing), and the page frame through which the CPU reaches a
 * page of VRAM, to map it into a process. Both are checked against the
 * partition: the range must lie inside one of its allocations.
 *
 * The CPU reaches VRAM through the BAR1 aperture. nvcore maps BAR1 onto
 * VRAM one to one (BAR1 offset x is VRAM offset x; on nvsim the aperture is
 * memory aliasing its VRAM). A page frame from nvc_vram_cpu_pfn() is valid
 * while the client owns the range and has not filled it with zeros: the
 * client must unmap every CPU mapping of a range before it scrubs or frees
 * it.
 */
#ifndef NVCORE_MEM_H
#define NVCORE_MEM_H

#include <linux/types.h>

struct nvc_partition;

int nvc_vram_fill(struct nvc_partition *part, u64 base, u64 len, u32 pattern);
int nvc_vram_cpu_pfn(struct nvc_partition *part, u64 base, unsigned long *pfn,
		     bool *iomem);

/**
 * DOC: nvcore VA spaces
 *
 * A client that writes its own page tables (include/nvcore/mmu.h) in VRAM
 * it owns tells GSP-RM where they are with nvc_vaspace_create(): nvcore
 * allocates a VA-space object on the GSP for the client and hands it the
 * page-directory levels that cover the range GSP-RM reserves for itself in
 * every VA space, root first (the way nouveau does on GSP-RM). Channels of
 * the client then run in that VA space. Every level must lie in VRAM the
 * partition owns. The object is gone after a GSP recovery; the client
 * creates a new one.
 */

/**
 * struct nvc_vaspace_level - one page-table level handed to GSP-RM
 * @addr: VRAM address of the table
 * @size: bytes of the table
 * @page_shift: lowest VA bit the level indexes with
 */
struct nvc_vaspace_level {
	u64 addr;
	u32 size;
	u32 page_shift;
};

#define NVC_VASPACE_MAX_LEVELS	4

/**
 * struct nvc_vaspace_pdes - the page directory of a VA space
 * @va_lo: first address of the range the levels cover
 * @va_hi: last address of that range (inclusive)
 * @page_size: bytes one entry of the last level covers
 * @nr_levels: entries used in @level (1 to %NVC_VASPACE_MAX_LEVELS)
 * @level: the levels, root (the page directory base) first
 */
struct nvc_vaspace_pdes {
	u64 va_lo;
	u64 va_hi;
	u64 page_size;
	unsigned int nr_levels;
	struct nvc_vaspace_level level[NVC_VASPACE_MAX_LEVELS];
};

struct nvc_vaspace;

struct nvc_vaspace *nvc_vaspace_create(struct nvc_partition *part,
				       const struct nvc_vaspace_pdes *pdes);
void nvc_vaspace_destroy(struct nvc_vaspace *vas);

#endif /* NVCORE_MEM_H */
