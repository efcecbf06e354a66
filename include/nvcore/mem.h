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

#endif /* NVCORE_MEM_H */
