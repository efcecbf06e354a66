// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: sparse VRAM and the copy engine.
 *
 * DOC: nvsim VRAM
 *
 * The chip's whole framebuffer (struct nvsim_chip.vram_size, up to 48 GiB)
 * is addressable, but only what was written holds memory: an xarray maps a
 * chunk index (offset >> 16) to a 64 KiB chunk allocated on the first write
 * of non-zero data. Memory never written reads as zero. At most
 * NVSIM_VRAM_BACKING_MAX bytes (64 MiB, 1024 chunks) exist per GPU; a write
 * or fill that would need more fails with -ENOMEM before it changes
 * anything.
 *
 * Two views, both in the platform data (include/nvsim/nvsim_bus.h):
 *
 * - vram_rw: the CPU's BAR1 view, any offset and alignment, at most
 *   NVSIM_VRAM_RW_MAX (16 MiB) per call. Writing zeros where no chunk
 *   exists allocates nothing.
 * - ce_fill: a copy-engine memset with a 32-bit pattern, 4-byte aligned.
 *   Pattern 0 frees every chunk the range covers completely and zeroes the
 *   covered part of the others, so scrubbing all of VRAM costs as much as
 *   the memory actually in use. A non-zero pattern is written out, so it is
 *   limited to NVSIM_CE_FILL_MAX (64 MiB, else -E2BIG).
 *
 * - bar1_pfn: the BAR1 aperture as memory for CPU mappings (BAR1 offset x
 *   aliases VRAM offset x, a static BAR1 mapping): the page frame backing
 *   the 4 KiB page of VRAM at an offset, its chunk allocated (zeroed) if
 *   absent. A chunk stays while anything may map it; the driver must
 *   unmap CPU mappings of a range before it scrubs (fills with 0) the
 *   range, since a zero fill that covers a chunk frees it.
 *
 * All run in process context and may sleep; vram.lock serialises them per
 * GPU. Requests come from the driver and are untrusted: ranges are checked
 * overflow-safe against the VRAM size, rejected requests are counted
 * (stats: vram_errors) and never logged. VRAM survives GSP resets and
 * debugfs resets and is freed when the GPU is destroyed.
 */
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "nvsim.h"

#define NVSIM_CHUNK_SHIFT	16
#define NVSIM_CHUNK_SIZE	(1UL << NVSIM_CHUNK_SHIFT)
#define NVSIM_CHUNK_MASK	(NVSIM_CHUNK_SIZE - 1)
#define NVSIM_MAX_CHUNKS	(NVSIM_VRAM_BACKING_MAX >> NVSIM_CHUNK_SHIFT)

/**
 * nvsim_vram_init() - set up an empty VRAM
 * @gpu: the GPU
 */
void nvsim_vram_init(struct nvsim_gpu *gpu)
{
	mutex_init(&gpu->vram.lock);
	xa_init(&gpu->vram.chunks);
	gpu->vram.nr_chunks = 0;
}

/**
 * nvsim_vram_fini() - free all VRAM backing
 * @gpu: the GPU; nothing may access its VRAM any more
 */
void nvsim_vram_fini(struct nvsim_gpu *gpu)
{
	struct nvsim_vram *v = &gpu->vram;
	unsigned long idx;
	void *chunk;

	xa_for_each(&v->chunks, idx, chunk)
		kvfree(chunk);
	xa_destroy(&v->chunks);
	v->nr_chunks = 0;
	atomic64_set(&gpu->stats[NVSIM_S_VRAM_CHUNKS], 0);
	mutex_destroy(&v->lock);
}

/* [offset, offset + len) inside VRAM, without overflow. */
static bool nvsim_vram_range_ok(struct nvsim_gpu *gpu, u64 offset, u64 len)
{
	u64 size = gpu->chip->vram_size;

	return offset <= size && len <= size - offset;
}

static int nvsim_vram_reject(struct nvsim_gpu *gpu, int err)
{
	nvsim_stat_inc(gpu, NVSIM_S_VRAM_ERRORS);
	return err;
}

/* The chunk at @idx, allocated (zeroed) if absent. Caller holds vram.lock. */
static void *nvsim_chunk_get(struct nvsim_gpu *gpu, unsigned long idx)
{
	struct nvsim_vram *v = &gpu->vram;
	void *chunk = xa_load(&v->chunks, idx);

	if (chunk)
		return chunk;
	if (v->nr_chunks >= NVSIM_MAX_CHUNKS)
		return NULL;
	chunk = kvzalloc(NVSIM_CHUNK_SIZE, GFP_KERNEL);
	if (!chunk)
		return NULL;
	if (xa_is_err(xa_store(&v->chunks, idx, chunk, GFP_KERNEL))) {
		kvfree(chunk);
		return NULL;
	}
	v->nr_chunks++;
	atomic64_inc(&gpu->stats[NVSIM_S_VRAM_CHUNKS]);
	return chunk;
}

/* Caller holds vram.lock. */
static void nvsim_chunk_free(struct nvsim_gpu *gpu, unsigned long idx)
{
	void *chunk = xa_erase(&gpu->vram.chunks, idx);

	if (!chunk)
		return;
	kvfree(chunk);
	gpu->vram.nr_chunks--;
	atomic64_dec(&gpu->stats[NVSIM_S_VRAM_CHUNKS]);
}

/* Chunks a write of @buf at @offset must allocate. Caller holds vram.lock. */
static unsigned long nvsim_write_needs(struct nvsim_gpu *gpu, u64 offset,
				       const u8 *buf, size_t len)
{
	unsigned long need = 0;
	size_t n;

	for (; len; offset += n, buf += n, len -= n) {
		n = min_t(u64, len, NVSIM_CHUNK_SIZE - (offset & NVSIM_CHUNK_MASK));
		if (!xa_load(&gpu->vram.chunks, offset >> NVSIM_CHUNK_SHIFT) &&
		    memchr_inv(buf, 0, n))
			need++;
	}
	return need;
}

/**
 * nvsim_vram_rw() - the BAR1 view of VRAM (platform data vram_rw)
 * @gpu: the GPU
 * @offset: VRAM byte offset
 * @buf: kernel buffer
 * @len: bytes, at most NVSIM_VRAM_RW_MAX
 * @write: copy @buf into VRAM, else VRAM into @buf
 *
 * Process context.
 *
 * Return: 0, -EINVAL (range or length) or -ENOMEM (backing limit).
 */
int nvsim_vram_rw(struct nvsim_gpu *gpu, u64 offset, void *buf, size_t len,
		  bool write)
{
	struct nvsim_vram *v = &gpu->vram;
	u8 *p = buf;
	size_t n, total = len;
	void *chunk;
	int ret = 0;

	if (len > NVSIM_VRAM_RW_MAX || !nvsim_vram_range_ok(gpu, offset, len) ||
	    (len && !buf))
		return nvsim_vram_reject(gpu, -EINVAL);
	if (!len)
		return 0;

	mutex_lock(&v->lock);
	if (write && v->nr_chunks + nvsim_write_needs(gpu, offset, p, len) >
		     NVSIM_MAX_CHUNKS) {
		ret = nvsim_vram_reject(gpu, -ENOMEM);
		goto out;
	}
	for (; len; offset += n, p += n, len -= n) {
		unsigned long idx = offset >> NVSIM_CHUNK_SHIFT;
		size_t off = offset & NVSIM_CHUNK_MASK;

		n = min_t(u64, len, NVSIM_CHUNK_SIZE - off);
		chunk = xa_load(&v->chunks, idx);
		if (!write) {
			if (chunk)
				memcpy(p, chunk + off, n);
			else
				memset(p, 0, n);
			continue;
		}
		if (!chunk) {
			if (!memchr_inv(p, 0, n))
				continue;
			chunk = nvsim_chunk_get(gpu, idx);
			if (!chunk) {
				ret = nvsim_vram_reject(gpu, -ENOMEM);
				goto out;
			}
		}
		memcpy(chunk + off, p, n);
	}
	atomic64_add(total, &gpu->stats[NVSIM_S_VRAM_RW_BYTES]);
out:
	mutex_unlock(&v->lock);
	return ret;
}

/**
 * nvsim_vram_pfn() - the page frame behind a BAR1 page (platform data bar1_pfn)
 * @gpu: the GPU
 * @offset: VRAM byte offset (BAR1 aliases VRAM one to one)
 * @pfn: output
 *
 * Process context.
 *
 * Return: 0, -EINVAL (range) or -ENOMEM (backing limit).
 */
int nvsim_vram_pfn(struct nvsim_gpu *gpu, u64 offset, unsigned long *pfn)
{
	void *chunk, *page;

	if (!nvsim_vram_range_ok(gpu, offset, PAGE_SIZE))
		return nvsim_vram_reject(gpu, -EINVAL);
	mutex_lock(&gpu->vram.lock);
	chunk = nvsim_chunk_get(gpu, offset >> NVSIM_CHUNK_SHIFT);
	mutex_unlock(&gpu->vram.lock);
	if (!chunk)
		return nvsim_vram_reject(gpu, -ENOMEM);
	/* kvzalloc of 64 KiB: page-aligned from kmalloc or vmalloc alike. */
	page = chunk + (offset & NVSIM_CHUNK_MASK & PAGE_MASK);
	if (is_vmalloc_addr(page))
		*pfn = vmalloc_to_pfn(page);
	else
		*pfn = page_to_pfn(virt_to_page(page));
	return 0;
}

/* Pattern 0: free covered chunks, zero partly covered ones. Holds vram.lock. */
static void nvsim_ce_zero(struct nvsim_gpu *gpu, u64 offset, u64 len)
{
	u64 end = offset + len;
	unsigned long idx;
	void *chunk;

	xa_for_each_range(&gpu->vram.chunks, idx, chunk,
			  offset >> NVSIM_CHUNK_SHIFT,
			  (end - 1) >> NVSIM_CHUNK_SHIFT) {
		u64 base = (u64)idx << NVSIM_CHUNK_SHIFT;
		u64 lo = max(base, offset);
		u64 hi = min(base + NVSIM_CHUNK_SIZE, end);

		if (lo == base && hi == base + NVSIM_CHUNK_SIZE)
			nvsim_chunk_free(gpu, idx);
		else
			memset(chunk + (lo - base), 0, hi - lo);
		cond_resched();
	}
}

/* Non-zero pattern, @len <= NVSIM_CE_FILL_MAX. Caller holds vram.lock. */
static int nvsim_ce_pattern(struct nvsim_gpu *gpu, u64 offset, u64 len,
			    u32 pattern)
{
	unsigned long first = offset >> NVSIM_CHUNK_SHIFT;
	unsigned long last = (offset + len - 1) >> NVSIM_CHUNK_SHIFT;
	unsigned long idx, present = 0;
	void *chunk;
	u64 n;

	xa_for_each_range(&gpu->vram.chunks, idx, chunk, first, last)
		present++;
	if (gpu->vram.nr_chunks + (last - first + 1 - present) > NVSIM_MAX_CHUNKS)
		return -ENOMEM;

	for (; len; offset += n, len -= n) {
		size_t off = offset & NVSIM_CHUNK_MASK;

		n = min_t(u64, len, NVSIM_CHUNK_SIZE - off);
		chunk = nvsim_chunk_get(gpu, offset >> NVSIM_CHUNK_SHIFT);
		if (!chunk)
			return -ENOMEM;
		memset32(chunk + off, pattern, n / 4);
		cond_resched();
	}
	return 0;
}

/**
 * nvsim_ce_fill() - copy-engine memset of VRAM (platform data ce_fill)
 * @gpu: the GPU
 * @offset: VRAM byte offset, 4-byte aligned
 * @len: bytes, 4-byte aligned
 * @pattern: 32-bit value written to every word
 *
 * Process context.
 *
 * Return: 0, -EINVAL (alignment or range), -E2BIG (non-zero pattern over
 * NVSIM_CE_FILL_MAX) or -ENOMEM (backing limit).
 */
int nvsim_ce_fill(struct nvsim_gpu *gpu, u64 offset, u64 len, u32 pattern)
{
	int ret = 0;

	if ((offset | len) & 3 || !nvsim_vram_range_ok(gpu, offset, len))
		return nvsim_vram_reject(gpu, -EINVAL);
	if (pattern && len > NVSIM_CE_FILL_MAX)
		return nvsim_vram_reject(gpu, -E2BIG);
	if (!len)
		return 0;

	mutex_lock(&gpu->vram.lock);
	if (pattern)
		ret = nvsim_ce_pattern(gpu, offset, len, pattern);
	else
		nvsim_ce_zero(gpu, offset, len);
	mutex_unlock(&gpu->vram.lock);
	if (ret)
		return nvsim_vram_reject(gpu, ret);
	nvsim_stat_inc(gpu, NVSIM_S_CE_FILLS);
	atomic64_add(len, &gpu->stats[NVSIM_S_CE_BYTES]);
	return 0;
}
