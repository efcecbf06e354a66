/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: OS-independent range allocator (VRAM, BAR1 aperture, channel IDs,
 * GFIDs). Also built in userspace for unit tests and fuzzing. See the DOC:
 * block in range.c for the design.
 */
#ifndef NVC_ALLOC_RANGE_H
#define NVC_ALLOC_RANGE_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/limits.h>
#else
#include "kcompat.h"
#ifndef U64_MAX
#define U64_MAX		((u64)~0ULL)
#endif
#endif

/*
 * Worst-case number of nodes for @n live allocations: every allocation may
 * be preceded by a free hole, plus the hole at the end.
 */
#define NVC_RANGE_NODES(n)	(2 * (n) + 1)

/**
 * struct nvc_range_node - one extent of the managed range
 * @start: first address of the extent
 * @size: size in bytes, never 0
 * @used: allocated (true) or free (false)
 *
 * Storage is provided by the caller; the contents are private to the
 * allocator except for reading @start and @size while iterating.
 */
struct nvc_range_node {
	u64 start;
	u64 size;
	bool used;
};

/**
 * struct nvc_range - a range allocator
 * @base: first address managed
 * @size: bytes managed (@base + @size may be exactly 2^64)
 * @granule: allocation unit, a power of two
 * @free: bytes currently free
 * @nodes: caller-provided node storage, sorted by @start, tiling the range
 * @nr: nodes in use
 * @cap: capacity of @nodes
 *
 * No internal locking: the caller serialises all calls on one range.
 */
struct nvc_range {
	u64 base;
	u64 size;
	u64 granule;
	u64 free;
	struct nvc_range_node *nodes;
	unsigned int nr;
	unsigned int cap;
};

int nvc_range_init(struct nvc_range *r, u64 base, u64 size, u64 granule,
		   struct nvc_range_node *nodes, unsigned int nr_nodes);
void nvc_range_reset(struct nvc_range *r);
int nvc_range_alloc(struct nvc_range *r, u64 size, u64 align, u64 *out);
int nvc_range_alloc_at(struct nvc_range *r, u64 offset, u64 size);
int nvc_range_free(struct nvc_range *r, u64 offset);
u64 nvc_range_bytes_free(const struct nvc_range *r);
u64 nvc_range_bytes_used(const struct nvc_range *r);
u64 nvc_range_largest_free(const struct nvc_range *r);
const struct nvc_range_node *
nvc_range_next(const struct nvc_range *r, const struct nvc_range_node *prev,
	       bool used);

/**
 * nvc_range_for_each_used() - iterate over allocated extents, by address
 * @r: the range
 * @n: a const struct nvc_range_node * cursor
 *
 * The range must not be modified during the walk.
 */
#define nvc_range_for_each_used(r, n)					\
	for ((n) = nvc_range_next((r), NULL, true); (n);		\
	     (n) = nvc_range_next((r), (n), true))

/**
 * nvc_range_for_each_free() - iterate over free extents, by address
 * @r: the range
 * @n: a const struct nvc_range_node * cursor
 *
 * The range must not be modified during the walk.
 */
#define nvc_range_for_each_free(r, n)					\
	for ((n) = nvc_range_next((r), NULL, false); (n);		\
	     (n) = nvc_range_next((r), (n), false))

#endif /* NVC_ALLOC_RANGE_H */
