// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the range allocator (core/alloc/range.c).
 *
 * The input is a header (granule, placement of the range in the 64-bit
 * space, its size in granules, node budget) followed by operations
 * (alloc / alloc_at / free / reset) whose sizes, alignments and offsets
 * come from the bytes, including raw 64-bit values to reach the overflow
 * paths. After every operation the structure is checked (extents sorted,
 * contiguous, non-overlapping, coalesced, free + used == size) and compared
 * with a shadow map at granule resolution that predicts every return code
 * and first-fit address.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "range.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_NG		64
#define INNER		0xffu

struct in {
	const uint8_t *p;
	size_t n;
};

static uint8_t get8(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static u64 get64(struct in *in)
{
	u64 v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | get8(in);
	return v;
}

static struct nvc_range r;
static struct nvc_range_node nodes[16];
static uint8_t model[MAX_NG], trial[MAX_NG];
static unsigned int ng;
static u64 gran;

#define CHECK(c)	do { if (!(c)) abort(); } while (0)

static unsigned int extents(const uint8_t *m)
{
	unsigned int g, c = 0;

	for (g = 0; g < ng; g++)
		if ((m[g] && m[g] != INNER) || (!m[g] && (!g || m[g - 1])))
			c++;
	return c;
}

static int m_free(unsigned int g, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (model[g + i])
			return 0;
	return 1;
}

static int place(unsigned int g, unsigned int n)
{
	unsigned int i;

	memcpy(trial, model, sizeof(model));
	trial[g] = n;
	for (i = 1; i < n; i++)
		trial[g + i] = INNER;
	if (extents(trial) > r.cap)
		return -ENOSPC;
	memcpy(model, trial, sizeof(model));
	return 0;
}

/* Granules needed for @size, or 0 if it is 0 or does not round. */
static u64 granules(u64 size)
{
	if (!size || size > U64_MAX - (gran - 1))
		return 0;
	return (size + gran - 1) / gran;
}

static void check(void)
{
	const struct nvc_range_node *n;
	u64 next = r.base, free = 0, len = 0, largest = 0, mfree = 0;
	unsigned int i, g, nr_used = 0, m_used = 0;

	CHECK(r.nr >= 1 && r.nr <= r.cap);
	for (i = 0; i < r.nr; i++) {
		n = &r.nodes[i];
		CHECK(n->start == next && n->size);
		CHECK(!((n->start | n->size) & (gran - 1)));
		CHECK(n->size - 1 <= U64_MAX - n->start);
		CHECK(!i || n->used || r.nodes[i - 1].used);
		len += n->size;
		if (!n->used) {
			free += n->size;
			if (n->size > largest)
				largest = n->size;
		}
		next = n->start + n->size;
	}
	CHECK(len == r.size && free == r.free);
	CHECK(nvc_range_bytes_free(&r) + nvc_range_bytes_used(&r) == r.size);
	CHECK(nvc_range_largest_free(&r) == largest);

	/* The allocated extents are exactly the model's, hence disjoint. */
	nvc_range_for_each_used(&r, n) {
		g = (n->start - r.base) / gran;
		CHECK(g < ng && model[g] && model[g] != INNER);
		CHECK(n->size == model[g] * gran);
		nr_used++;
	}
	for (g = 0; g < ng; g++) {
		if (!model[g])
			mfree += gran;
		else if (model[g] != INNER)
			m_used++;
	}
	CHECK(nr_used == m_used && mfree == free);
	CHECK(r.nr == extents(model));
}

static void op_alloc(struct in *in)
{
	uint8_t a = get8(in), s = get8(in);
	u64 size, align, out = 0, n, x = 0;
	unsigned int g;
	int want, ret;

	align = a & 0x80 ? (u64)a << 56 | get8(in) : 1ULL << (a & 63);
	size = s & 0x80 ? get64(in) : (u64)(s & 0x7f) * gran - (s & 3);
	n = granules(size);
	if (!n || !align || (align & (align - 1))) {
		want = -EINVAL;
	} else {
		want = -ENOMEM;
		for (g = 0; n <= ng && g + n <= ng; g++) {
			x = r.base + g * gran;
			if ((x & (align - 1)) || !m_free(g, n))
				continue;
			want = place(g, n);
			break;
		}
	}
	ret = nvc_range_alloc(&r, size, align, &out);
	CHECK(ret == want);
	CHECK(ret || out == x);
}

static void op_alloc_at(struct in *in)
{
	uint8_t o = get8(in), s = get8(in);
	u64 size, off, n;
	unsigned int g = 0;
	int want;

	off = o & 0x80 ? get64(in) : r.base + (u64)(o & 0x7f) * gran;
	if ((o & 0xc0) == 0x40)
		off += get8(in);
	size = s & 0x80 ? get64(in) : (u64)(s & 0x7f) * gran - (s & 3);
	n = granules(size);
	if (!n || (off & (gran - 1)) || off < r.base ||
	    (off - r.base) / gran >= ng || n > ng - (off - r.base) / gran) {
		want = -EINVAL;
	} else {
		g = (off - r.base) / gran;
		want = m_free(g, n) ? place(g, n) : -EBUSY;
	}
	CHECK(nvc_range_alloc_at(&r, off, size) == want);
}

static void op_free(struct in *in)
{
	uint8_t o = get8(in);
	u64 off;
	unsigned int g, k = o & 0x3f;
	int want = -EINVAL;

	if (o & 0x80) {
		off = get64(in);
	} else {
		/* The (o % 64)-th live allocation, else an arbitrary granule. */
		for (g = 0; g < ng; g++)
			if (model[g] && model[g] != INNER && !k--)
				break;
		off = r.base + (u64)(g < ng ? g : (o & 0x3f)) * gran;
		if (o & 0x40)
			off += get8(in);
	}
	if (off >= r.base && (off - r.base) / gran < ng &&
	    !(off & (gran - 1))) {
		g = (off - r.base) / gran;
		if (model[g] && model[g] != INNER) {
			memset(&model[g], 0, model[g]);
			want = 0;
		}
	}
	CHECK(nvc_range_free(&r, off) == want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	uint8_t h = get8(&in), b = get8(&in), c = get8(&in);
	unsigned int cap, ops = 0;
	u64 base, len;

	gran = 1ULL << (h % 21);
	ng = (b & 63) + 1;
	cap = (c & 15) + 1;
	len = ng * gran;
	switch (b >> 6) {
	case 0:
		base = 0;
		break;
	case 1:
		base = (u64)get8(&in) * gran;
		break;
	case 2:
		base = 0 - len;		/* ends at 2^64 exactly */
		break;
	default:
		base = (get64(&in) & ~(gran - 1)) % (0 - len);
		break;
	}
	CHECK(nvc_range_init(&r, base, len, gran, nodes, cap) == 0);
	memset(model, 0, sizeof(model));
	check();

	while (in.n && ops++ < 512) {
		switch (get8(&in) % 8) {
		case 0: case 1: case 2:
			op_alloc(&in);
			break;
		case 3: case 4:
			op_alloc_at(&in);
			break;
		case 5: case 6:
			op_free(&in);
			break;
		default:
			if (get8(&in) % 8 == 0) {
				nvc_range_reset(&r);
				memset(model, 0, sizeof(model));
			}
			break;
		}
		check();
	}
	return 0;
}
