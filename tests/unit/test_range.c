// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the range allocator (core/alloc/range.c).
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "range.h"

#define KiB	(1ULL << 10)
#define MiB	(1ULL << 20)
#define GiB	(1ULL << 30)

static struct nvc_range_node nodes[4096];
static struct nvc_range r;

/* Structural invariants; returns 0 or the failing line. */
static int check(const struct nvc_range *rr)
{
	u64 next = rr->base, free = 0, len = 0;
	unsigned int i;

	if (!rr->nr || rr->nr > rr->cap)
		return __LINE__;
	for (i = 0; i < rr->nr; i++) {
		const struct nvc_range_node *n = &rr->nodes[i];

		if (n->start != next || !n->size)
			return __LINE__;
		if ((n->start | n->size) & (rr->granule - 1))
			return __LINE__;
		if (i && !n->used && !rr->nodes[i - 1].used)
			return __LINE__;	/* not coalesced */
		if (n->size - 1 > U64_MAX - n->start)
			return __LINE__;
		len += n->size;
		if (!n->used)
			free += n->size;
		next = n->start + n->size;	/* may wrap to 0 at the end */
	}
	if (len != rr->size || free != rr->free)
		return __LINE__;
	if (nvc_range_bytes_free(rr) + nvc_range_bytes_used(rr) != rr->size)
		return __LINE__;
	return 0;
}

#define T_CHECK(rr)	T_EQ(check(rr), 0)

/* Snapshot of the whole state, to prove a failed call changed nothing. */
struct snap {
	struct nvc_range r;
	struct nvc_range_node n[64];
};

static void take(struct snap *s, const struct nvc_range *rr)
{
	s->r = *rr;
	memcpy(s->n, rr->nodes, rr->nr * sizeof(rr->nodes[0]));
}

static int same(const struct snap *s, const struct nvc_range *rr)
{
	return !memcmp(&s->r, rr, sizeof(*rr)) &&
	       !memcmp(s->n, rr->nodes, rr->nr * sizeof(rr->nodes[0]));
}

static unsigned int nr_free_extents(const struct nvc_range *rr)
{
	const struct nvc_range_node *n;
	unsigned int c = 0;

	nvc_range_for_each_free(rr, n)
		c++;
	return c;
}

static int init_params(void)
{
	T_EQ(nvc_range_init(&r, 0, 0, 4096, nodes, 8), -EINVAL);
	T_EQ(nvc_range_init(&r, 0, 1 * MiB, 0, nodes, 8), -EINVAL);
	T_EQ(nvc_range_init(&r, 0, 1 * MiB, 3000, nodes, 8), -EINVAL);
	T_EQ(nvc_range_init(&r, 0, 1 * MiB, 4096, nodes, 0), -EINVAL);
	T_EQ(nvc_range_init(&r, 0, 1 * MiB, 4096, NULL, 8), -EINVAL);
	T_EQ(nvc_range_init(&r, 512, 1 * MiB, 4096, nodes, 8), -EINVAL);
	T_EQ(nvc_range_init(&r, 0, 1 * MiB + 512, 4096, nodes, 8), -EINVAL);
	/* Beyond 2^64. */
	T_EQ(nvc_range_init(&r, U64_MAX - 4095, 8192, 4096, nodes, 8), -EINVAL);
	/* Exactly up to 2^64 is fine. */
	T_EQ(nvc_range_init(&r, U64_MAX - 8191, 8192, 4096, nodes, 8), 0);
	T_CHECK(&r);
	T_EQ(nvc_range_init(&r, 1 * GiB, 1 * GiB, 64 * KiB, nodes, 8), 0);
	T_CHECK(&r);
	T_EQ(nvc_range_bytes_free(&r), 1 * GiB);
	T_EQ(nvc_range_bytes_used(&r), 0);
	T_EQ(nvc_range_largest_free(&r), 1 * GiB);
	/* Granule 1: channel IDs. */
	T_EQ(nvc_range_init(&r, 0, 4096, 1, nodes, 8), 0);
	T_CHECK(&r);
	return 0;
}

static int basic_alloc_free(void)
{
	u64 a, b, c;

	T_EQ(nvc_range_init(&r, 1 * GiB, 1 * GiB, 4 * KiB, nodes, 64), 0);
	T_EQ(nvc_range_alloc(&r, 1 * MiB, 4 * KiB, &a), 0);
	T_EQ(a, 1 * GiB);
	T_EQ(nvc_range_alloc(&r, 100, 1, &b), 0);	/* rounds to 4 KiB */
	T_EQ(b, 1 * GiB + 1 * MiB);
	T_EQ(nvc_range_alloc(&r, 8 * KiB, 4 * KiB, &c), 0);
	T_EQ(c, b + 4 * KiB);
	T_EQ(nvc_range_bytes_used(&r), 1 * MiB + 12 * KiB);
	T_CHECK(&r);
	T_EQ(nvc_range_free(&r, b), 0);
	T_CHECK(&r);
	T_EQ(nvc_range_bytes_used(&r), 1 * MiB + 8 * KiB);
	/* First fit: the hole left by b is reused. */
	T_EQ(nvc_range_alloc(&r, 4 * KiB, 4 * KiB, &b), 0);
	T_EQ(b, 1 * GiB + 1 * MiB);
	T_EQ(nvc_range_free(&r, a), 0);
	T_EQ(nvc_range_free(&r, b), 0);
	T_EQ(nvc_range_free(&r, c), 0);
	T_CHECK(&r);
	T_EQ(r.nr, 1);
	T_EQ(nvc_range_bytes_free(&r), 1 * GiB);
	T_EQ(nvc_range_alloc(&r, 0, 4096, &a), -EINVAL);
	T_EQ(nvc_range_alloc(&r, 2 * GiB, 4096, &a), -ENOMEM);
	return 0;
}

static int alignment(void)
{
	static const u64 aligns[] = { 1, 4 * KiB, 64 * KiB, 128 * KiB,
				      2 * MiB, 32 * MiB, 512 * MiB };
	u64 a, sz;
	unsigned int i;
	int ret;

	/* A base that is only granule aligned makes alignment non-trivial. */
	T_EQ(nvc_range_init(&r, 3 * 64 * KiB, 4 * GiB, 64 * KiB, nodes,
			    ARRAY_SIZE(nodes)), 0);
	for (i = 0; i < 1000; i++) {
		u64 al = aligns[i % ARRAY_SIZE(aligns)];

		sz = (i * 7919 % 64 + 1) * 12 * KiB;
		ret = nvc_range_alloc(&r, sz, al, &a);
		if (ret == -ENOMEM)
			break;
		T_EQ(ret, 0);
		T_EQ(a & (64 * KiB - 1), 0);
		T_EQ(a & (al - 1), 0);
		T_ASSERT(a >= r.base && a - r.base + sz <= r.size);
	}
	T_CHECK(&r);
	nvc_range_reset(&r);
	/* 2 MiB alignment on a 64 KiB granule, back to back. */
	for (i = 0; i < 16; i++) {
		T_EQ(nvc_range_alloc(&r, 64 * KiB, 2 * MiB, &a), 0);
		T_EQ(a % (2 * MiB), 0);
		T_EQ(a, (u64)(i + 1) * 2 * MiB);
	}
	T_CHECK(&r);
	T_EQ(nvc_range_alloc(&r, 64 * KiB, 0, &a), -EINVAL);
	T_EQ(nvc_range_alloc(&r, 64 * KiB, 3 * MiB, &a), -EINVAL);
	T_EQ(nvc_range_alloc(&r, 64 * KiB, (1ULL << 63) + 1, &a), -EINVAL);
	/* Alignment larger than anything in range: no fit. */
	T_EQ(nvc_range_alloc(&r, 64 * KiB, 1ULL << 63, &a), -ENOMEM);
	T_CHECK(&r);
	return 0;
}

static int exhaustion(void)
{
	u64 a[64], x;
	unsigned int i;

	T_EQ(nvc_range_init(&r, 0, 64 * 64 * KiB, 64 * KiB, nodes, 256), 0);
	for (i = 0; i < 64; i++) {
		T_EQ(nvc_range_alloc(&r, 64 * KiB, 64 * KiB, &a[i]), 0);
		T_EQ(a[i], i * 64 * KiB);
	}
	T_EQ(nvc_range_bytes_free(&r), 0);
	T_EQ(nvc_range_largest_free(&r), 0);
	T_EQ(nvc_range_alloc(&r, 64 * KiB, 64 * KiB, &x), -ENOMEM);
	T_EQ(nvc_range_alloc(&r, 1, 1, &x), -ENOMEM);
	T_EQ(nvc_range_free(&r, a[37]), 0);
	T_EQ(nvc_range_alloc(&r, 64 * KiB, 64 * KiB, &x), 0);
	T_EQ(x, a[37]);
	T_EQ(nvc_range_alloc(&r, 64 * KiB, 64 * KiB, &x), -ENOMEM);
	T_CHECK(&r);
	return 0;
}

static int fragmentation(void)
{
	u64 a[128], x;
	unsigned int i;

	T_EQ(nvc_range_init(&r, 1 * GiB, 128 * MiB, 4 * KiB, nodes, 512), 0);
	for (i = 0; i < 128; i++)
		T_EQ(nvc_range_alloc(&r, 1 * MiB, 4 * KiB, &a[i]), 0);
	for (i = 0; i < 128; i += 2)
		T_EQ(nvc_range_free(&r, a[i]), 0);
	T_CHECK(&r);
	T_EQ(nvc_range_bytes_free(&r), 64 * MiB);
	T_EQ(nvc_range_largest_free(&r), 1 * MiB);
	T_EQ(nr_free_extents(&r), 64);
	T_EQ(nvc_range_alloc(&r, 2 * MiB, 4 * KiB, &x), -ENOMEM);
	for (i = 1; i < 128; i += 2)
		T_EQ(nvc_range_free(&r, a[i]), 0);
	T_CHECK(&r);
	T_EQ(r.nr, 1);
	T_EQ(nr_free_extents(&r), 1);
	T_EQ(r.nodes[0].start, 1 * GiB);
	T_EQ(r.nodes[0].size, 128 * MiB);
	T_EQ(nvc_range_largest_free(&r), 128 * MiB);
	T_EQ(nvc_range_alloc(&r, 128 * MiB, 4 * KiB, &x), 0);
	T_EQ(x, 1 * GiB);
	return 0;
}

static int bad_free(void)
{
	struct snap s;
	u64 a, b, c;

	T_EQ(nvc_range_init(&r, 1 * MiB, 1 * MiB, 4 * KiB, nodes, 64), 0);
	T_EQ(nvc_range_alloc(&r, 16 * KiB, 4 * KiB, &a), 0);
	T_EQ(nvc_range_alloc(&r, 16 * KiB, 4 * KiB, &b), 0);
	T_EQ(nvc_range_alloc(&r, 16 * KiB, 4 * KiB, &c), 0);
	T_EQ(nvc_range_free(&r, b), 0);
	take(&s, &r);
	T_EQ(nvc_range_free(&r, b), -EINVAL);		/* double free */
	T_ASSERT(same(&s, &r));
	T_EQ(nvc_range_free(&r, a + 4 * KiB), -EINVAL);	/* interior */
	T_EQ(nvc_range_free(&r, a + 1), -EINVAL);	/* interior, unaligned */
	T_EQ(nvc_range_free(&r, c + 12 * KiB), -EINVAL);
	T_EQ(nvc_range_free(&r, c + 16 * KiB), -EINVAL);	/* free tail */
	T_EQ(nvc_range_free(&r, 0), -EINVAL);		/* below base */
	T_EQ(nvc_range_free(&r, 2 * MiB), -EINVAL);	/* just past end */
	T_EQ(nvc_range_free(&r, U64_MAX), -EINVAL);
	T_ASSERT(same(&s, &r));
	T_EQ(nvc_range_free(&r, a), 0);
	T_EQ(nvc_range_free(&r, a), -EINVAL);		/* double, coalesced */
	T_EQ(nvc_range_free(&r, c), 0);
	T_EQ(nvc_range_free(&r, c), -EINVAL);
	T_CHECK(&r);
	T_EQ(r.nr, 1);
	return 0;
}

static int alloc_at_collisions(void)
{
	struct snap s;
	u64 x;

	T_EQ(nvc_range_init(&r, 1 * MiB, 1 * MiB, 4 * KiB, nodes, 64), 0);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 64 * KiB, 64 * KiB), 0);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 256 * KiB, 64 * KiB), 0);
	take(&s, &r);
	/* Same, overlapping start, overlapping end, covering, inside. */
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 64 * KiB, 64 * KiB), -EBUSY);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 120 * KiB, 64 * KiB), -EBUSY);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 32 * KiB, 64 * KiB), -EBUSY);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB, 512 * KiB), -EBUSY);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 68 * KiB, 4 * KiB), -EBUSY);
	/* Spanning the free gap between the two. */
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 124 * KiB, 136 * KiB), -EBUSY);
	/* Invalid: outside, misaligned, zero, overflowing. */
	T_EQ(nvc_range_alloc_at(&r, 0, 4 * KiB), -EINVAL);
	T_EQ(nvc_range_alloc_at(&r, 2 * MiB - 4 * KiB, 8 * KiB), -EINVAL);
	T_EQ(nvc_range_alloc_at(&r, 2 * MiB, 4 * KiB), -EINVAL);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 1, 4 * KiB), -EINVAL);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB, 0), -EINVAL);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB, U64_MAX), -EINVAL);
	T_EQ(nvc_range_alloc_at(&r, U64_MAX - 4095, 4 * KiB), -EINVAL);
	T_ASSERT(same(&s, &r));
	/* Exactly filling the gap and the edges works. */
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 128 * KiB, 128 * KiB), 0);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB, 64 * KiB), 0);
	T_EQ(nvc_range_alloc_at(&r, 2 * MiB - 4 * KiB, 1), 0);
	T_CHECK(&r);
	/* alloc avoids reserved ranges. */
	T_EQ(nvc_range_alloc(&r, 8 * KiB, 4 * KiB, &x), 0);
	T_EQ(x, 1 * MiB + 320 * KiB);
	T_EQ(nvc_range_free(&r, 1 * MiB + 128 * KiB), 0);
	T_EQ(nvc_range_free(&r, 1 * MiB + 64 * KiB), 0);
	T_EQ(nvc_range_alloc_at(&r, 1 * MiB + 64 * KiB, 192 * KiB), 0);
	T_CHECK(&r);
	return 0;
}

static int node_exhaustion(void)
{
	struct snap s;
	u64 a, x;

	/* 3 nodes: one allocation with holes either side, at most. */
	T_EQ(nvc_range_init(&r, 0, 1 * MiB, 4 * KiB, nodes, 3), 0);
	T_EQ(nvc_range_alloc_at(&r, 512 * KiB, 4 * KiB), 0);
	T_EQ(r.nr, 3);
	take(&s, &r);
	T_EQ(nvc_range_alloc(&r, 4 * KiB, 4 * KiB, &x), -ENOSPC);
	T_EQ(nvc_range_alloc_at(&r, 4 * KiB, 4 * KiB), -ENOSPC);
	T_ASSERT(same(&s, &r));
	/* An exact fit (no split) needs no node. */
	T_EQ(nvc_range_alloc_at(&r, 516 * KiB, 508 * KiB), 0);
	T_EQ(r.nr, 3);
	T_EQ(nvc_range_free(&r, 516 * KiB), 0);
	T_EQ(nvc_range_free(&r, 512 * KiB), 0);
	T_EQ(r.nr, 1);

	/*
	 * NVC_RANGE_NODES(n) always suffices for n allocations; here every
	 * allocation is preceded by an alignment hole, the worst case.
	 */
	T_EQ(nvc_range_init(&r, 4 * KiB, 1 * MiB, 4 * KiB, nodes,
			    NVC_RANGE_NODES(8)), 0);
	for (a = 0; a < 8; a++)
		T_EQ(nvc_range_alloc(&r, 4 * KiB, 64 * KiB, &x), 0);
	T_EQ(r.nr, NVC_RANGE_NODES(8));
	T_EQ(nvc_range_alloc(&r, 4 * KiB, 64 * KiB, &x), -ENOSPC);
	/* Free never needs a node, even with the array full. */
	T_EQ(nvc_range_free(&r, 64 * KiB), 0);
	T_CHECK(&r);
	return 0;
}

static int overflow_edges(void)
{
	u64 top = U64_MAX - 1 * MiB + 1;	/* last MiB of the space */
	u64 x;

	T_EQ(nvc_range_init(&r, top, 1 * MiB, 4 * KiB, nodes, 64), 0);
	T_EQ(nvc_range_alloc(&r, U64_MAX, 1, &x), -EINVAL);
	T_EQ(nvc_range_alloc(&r, U64_MAX - 4094, 1, &x), -EINVAL);
	T_EQ(nvc_range_alloc(&r, U64_MAX - 4095, 1, &x), -ENOMEM);
	T_EQ(nvc_range_alloc(&r, 2 * MiB, 1, &x), -ENOMEM);
	/* The last granule, up to 2^64 exactly. */
	T_EQ(nvc_range_alloc_at(&r, U64_MAX - 4095, 4 * KiB), 0);
	T_EQ(nvc_range_alloc_at(&r, U64_MAX - 4095, 8 * KiB), -EINVAL);
	T_EQ(nvc_range_alloc_at(&r, U64_MAX - 4095, U64_MAX), -EINVAL);
	T_EQ(nvc_range_alloc_at(&r, top, 1 * MiB), -EBUSY);
	T_EQ(nvc_range_alloc_at(&r, top, 1 * MiB - 4 * KiB), 0);
	T_EQ(nvc_range_bytes_free(&r), 0);
	T_EQ(nvc_range_free(&r, U64_MAX - 4095), 0);
	T_EQ(nvc_range_alloc(&r, 4 * KiB, 4 * KiB, &x), 0);
	T_EQ(x, U64_MAX - 4095);
	T_EQ(nvc_range_free(&r, x), 0);
	/* An alignment rounding past 2^64 must not wrap around to 0. */
	T_EQ(nvc_range_alloc(&r, 4 * KiB, 2 * MiB, &x), -ENOMEM);
	T_EQ(nvc_range_free(&r, top), 0);
	T_CHECK(&r);
	T_EQ(r.nr, 1);
	T_EQ(nvc_range_alloc(&r, 4 * KiB, 1ULL << 63, &x), -ENOMEM);

	/* The top half of the space, 2^63 bytes. */
	T_EQ(nvc_range_init(&r, 1ULL << 63, 1ULL << 63, 1ULL << 32, nodes,
			    64), 0);
	T_EQ(nvc_range_alloc(&r, 1ULL << 62, 1ULL << 62, &x), 0);
	T_EQ(x, 1ULL << 63);
	T_EQ(nvc_range_alloc(&r, 1ULL << 62, 1ULL << 62, &x), 0);
	T_EQ(x, 3ULL << 62);
	T_EQ(nvc_range_bytes_free(&r), 0);
	T_EQ(nvc_range_bytes_used(&r), 1ULL << 63);
	T_EQ(nvc_range_free(&r, 1ULL << 63), 0);
	T_EQ(nvc_range_free(&r, 3ULL << 62), 0);
	T_EQ(nvc_range_alloc(&r, 1ULL << 63, 1, &x), 0);
	T_EQ(x, 1ULL << 63);
	T_CHECK(&r);
	/* The whole space but the first granule. */
	T_EQ(nvc_range_init(&r, 4096, U64_MAX - 4095, 4096, nodes, 64), 0);
	T_EQ(nvc_range_alloc(&r, U64_MAX - 4095, 4096, &x), 0);
	T_EQ(x, 4096);
	T_EQ(nvc_range_bytes_free(&r), 0);
	T_CHECK(&r);
	return 0;
}

static int iterate_and_reset(void)
{
	const struct nvc_range_node *n;
	u64 x, want[] = { 0, 64 * KiB, 192 * KiB };
	unsigned int i = 0;

	T_EQ(nvc_range_init(&r, 0, 1 * MiB, 64 * KiB, nodes, 64), 0);
	T_EQ(nvc_range_alloc_at(&r, 192 * KiB, 64 * KiB), 0);
	T_EQ(nvc_range_alloc(&r, 64 * KiB, 1, &x), 0);
	T_EQ(nvc_range_alloc(&r, 64 * KiB, 1, &x), 0);
	nvc_range_for_each_used(&r, n) {
		T_ASSERT(i < ARRAY_SIZE(want));
		T_EQ(n->start, want[i]);
		T_EQ(n->size, 64 * KiB);
		i++;
	}
	T_EQ(i, 3);
	i = 0;
	nvc_range_for_each_free(&r, n) {
		T_EQ(n->start, i ? 256 * KiB : 128 * KiB);
		T_EQ(n->size, i ? 768 * KiB : 64 * KiB);
		i++;
	}
	T_EQ(i, 2);
	nvc_range_reset(&r);
	T_CHECK(&r);
	T_EQ(r.nr, 1);
	T_EQ(nvc_range_bytes_free(&r), 1 * MiB);
	i = 0;
	nvc_range_for_each_used(&r, n)
		i++;
	T_EQ(i, 0);
	T_EQ(nvc_range_free(&r, 0), -EINVAL);
	return 0;
}

/*
 * Randomised model check: a bitmap at granule resolution (0 = free, else
 * the granule count of the allocation starting there, or ~0 for the rest
 * of it) predicts every result, including the exact first-fit address and
 * -ENOSPC from the node budget.
 */
#define M_GRAN		4096ULL
#define M_NG		512
#define M_BASE		(0x1234ULL * M_GRAN)	/* not 64 KiB aligned */
#define M_INNER		0xffffffffu

static u32 model[M_NG], trial[M_NG];
static u64 rng = 0x9e3779b97f4a7c15ULL;

static u64 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Nodes needed to represent @m: each allocation plus each free run. */
static unsigned int m_extents(const u32 *m)
{
	unsigned int g, c = 0;

	for (g = 0; g < M_NG; g++)
		if ((m[g] && m[g] != M_INNER) || (!m[g] && (!g || m[g - 1])))
			c++;
	return c;
}

static bool m_free(const u32 *m, unsigned int g, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (m[g + i])
			return false;
	return true;
}

static void m_set(u32 *m, unsigned int g, unsigned int n)
{
	unsigned int i;

	m[g] = n;
	for (i = 1; i < n; i++)
		m[g + i] = M_INNER;
}

/* Expected result of placing @n granules at @g, given @cap nodes. */
static int m_place(unsigned int g, unsigned int n, unsigned int cap)
{
	memcpy(trial, model, sizeof(model));
	m_set(trial, g, n);
	if (m_extents(trial) > cap)
		return -ENOSPC;
	memcpy(model, trial, sizeof(model));
	return 0;
}

static int m_compare(void)
{
	const struct nvc_range_node *n;
	u64 free = 0, run = 0, largest = 0;
	unsigned int g;

	T_CHECK(&r);
	for (g = 0; g < M_NG; g++) {
		if (!model[g]) {
			free += M_GRAN;
			run += M_GRAN;
			if (run > largest)
				largest = run;
		} else {
			run = 0;
		}
	}
	T_EQ(nvc_range_bytes_free(&r), free);
	T_EQ(nvc_range_largest_free(&r), largest);
	T_EQ(r.nr, m_extents(model));
	nvc_range_for_each_used(&r, n) {
		g = (n->start - M_BASE) / M_GRAN;
		T_EQ(model[g], n->size / M_GRAN);
	}
	return 0;
}

static int model_run(unsigned int cap, unsigned int ops)
{
	unsigned int i, g, k, ng;
	u64 size, align, x, off;
	int ret, want;

	T_EQ(nvc_range_init(&r, M_BASE, M_NG * M_GRAN, M_GRAN, nodes, cap), 0);
	memset(model, 0, sizeof(model));
	for (i = 0; i < ops; i++) {
		k = rnd() % 100;
		/* Mostly small, some large; sometimes not granule multiples. */
		size = (rnd() % 4 ? rnd() % 16 + 1 : rnd() % 200 + 1) * M_GRAN;
		if (rnd() % 4 == 0)
			size -= rnd() % M_GRAN;
		ng = (size + M_GRAN - 1) / M_GRAN;
		if (k < 45) {
			align = 1ULL << (rnd() % 22);
			want = -ENOMEM;
			for (g = 0; g + ng <= M_NG; g++) {
				x = M_BASE + g * M_GRAN;
				if ((x & (align - 1)) || !m_free(model, g, ng))
					continue;
				want = m_place(g, ng, cap);
				break;
			}
			ret = nvc_range_alloc(&r, size, align, &off);
			T_EQ(ret, want);
			if (!ret)
				T_EQ(off, x);
		} else if (k < 60) {
			g = rnd() % (M_NG + 8);
			off = M_BASE + (u64)g * M_GRAN;
			if (g + ng > M_NG)
				want = -EINVAL;
			else if (!m_free(model, g, ng))
				want = -EBUSY;
			else
				want = m_place(g, ng, cap);
			T_EQ(nvc_range_alloc_at(&r, off, size), want);
		} else if (k < 97) {
			/* Free a live allocation, or anything at random. */
			g = rnd() % M_NG;
			if (rnd() % 8) {
				for (k = 0; k < M_NG; k++) {
					ng = (g + k) % M_NG;
					if (model[ng] && model[ng] != M_INNER)
						break;
				}
				g = ng;
			}
			off = M_BASE + (u64)g * M_GRAN;
			if (rnd() % 16 == 0)
				off += rnd() % M_GRAN;
			want = (off % M_GRAN || !model[g] ||
				model[g] == M_INNER) ? -EINVAL : 0;
			T_EQ(nvc_range_free(&r, off), want);
			if (!want) {
				ng = model[g];
				memset(&model[g], 0, ng * sizeof(model[0]));
			}
		} else if (k < 98) {
			nvc_range_reset(&r);
			memset(model, 0, sizeof(model));
		} else {
			/* Garbage offsets outside the range. */
			off = rnd() % 2 ? rnd() : M_BASE - M_GRAN;
			if (off < M_BASE || off >= M_BASE + M_NG * M_GRAN)
				T_EQ(nvc_range_free(&r, off), -EINVAL);
		}
		if (m_compare())
			return 1;
	}
	return 0;
}

static int model_check(void)
{
	return model_run(ARRAY_SIZE(nodes), 20000);
}

static int model_check_few_nodes(void)
{
	return model_run(9, 20000) || model_run(2, 2000) ||
	       model_run(NVC_RANGE_NODES(16), 20000);
}

int main(void)
{
	RUN(init_params);
	RUN(basic_alloc_free);
	RUN(alignment);
	RUN(exhaustion);
	RUN(fragmentation);
	RUN(bad_free);
	RUN(alloc_at_collisions);
	RUN(node_exhaustion);
	RUN(overflow_edges);
	RUN(iterate_and_reset);
	RUN(model_check);
	RUN(model_check_few_nodes);
	return nvt_failed ? 1 : 0;
}
