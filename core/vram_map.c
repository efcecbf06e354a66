// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: VRAM fills and CPU page frames for clients (include/nvcore/mem.h).
 */
#include <linux/module.h>

#include <nvcore/mem.h>

#include "nvcore.h"
#include "client.h"

/* Is [base, base + len) inside one allocation of @part? Holds res->lock. */
static bool nvc_vram_map_owned(struct nvc_partition *part, u64 base, u64 len)
{
	struct nvc_res *res = &part->client->gpu->res;
	const struct nvc_range_node *n;
	bool ok = false;

	if (!len || base + len < base)
		return false;
	mutex_lock(&res->lock);
	if (part->lim.vram)
		nvc_range_for_each_used(&part->vram, n)
			if (base >= n->start && base + len <= n->start + n->size) {
				ok = true;
				break;
			}
	mutex_unlock(&res->lock);
	return ok;
}

/**
 * nvc_vram_fill() - fill VRAM the partition owns with a 32-bit pattern
 * @part: the partition
 * @base: VRAM offset, 4-byte aligned
 * @len: bytes, a multiple of 4
 * @pattern: value for every 32-bit word (0 scrubs)
 *
 * Done by a copy engine; returns once the fill is complete.
 *
 * Context: process context, may sleep.
 * Return: 0, -EINVAL for a misaligned range, -EPERM if the range is not
 * inside one of the partition's allocations, -EOPNOTSUPP if the bus cannot
 * fill, or an error from the device.
 */
int nvc_vram_fill(struct nvc_partition *part, u64 base, u64 len, u32 pattern)
{
	struct nvc_gpu *gpu = part->client->gpu;

	if ((base | len) & 3)
		return -EINVAL;
	if (!nvc_vram_map_owned(part, base, len))
		return -EPERM;
	if (!gpu->bus->vram_fill)
		return -EOPNOTSUPP;
	return gpu->bus->vram_fill(gpu, base, len, pattern);
}
EXPORT_SYMBOL_NS_GPL(nvc_vram_fill, NVCORE);

/**
 * nvc_vram_cpu_pfn() - page frame through which the CPU reaches VRAM
 * @part: the partition
 * @base: VRAM offset of the page (rounded down to a page)
 * @pfn: output: page frame number to map
 * @iomem: output: true if the frame is device memory (map write-combined),
 *	false if it is system memory (nvsim: map cached)
 *
 * Context: process context, may sleep.
 * Return: 0, -EPERM if the page is not inside one of the partition's
 * allocations, -EOPNOTSUPP if the bus has no CPU-mappable BAR1, or an error
 * from the device.
 */
int nvc_vram_cpu_pfn(struct nvc_partition *part, u64 base, unsigned long *pfn,
		     bool *iomem)
{
	struct nvc_gpu *gpu = part->client->gpu;

	base &= PAGE_MASK;
	if (!nvc_vram_map_owned(part, base, PAGE_SIZE))
		return -EPERM;
	if (!gpu->bus->vram_pfn)
		return -EOPNOTSUPP;
	return gpu->bus->vram_pfn(gpu, base, pfn, iomem);
}
EXPORT_SYMBOL_NS_GPL(nvc_vram_cpu_pfn, NVCORE);
