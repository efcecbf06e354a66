// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: bus-master access to the driver's DMA memory.
 *
 * DOC: nvsim DMA
 *
 * There is no IOMMU in the VM and the DMA API is dma-direct, so a DMA
 * address the driver programs is a physical address. nvsim reaches it page
 * by page, like a bus master would, and trusts nothing: every page must be
 * a valid, non-reserved, low-memory page (pfn_valid()), and accesses are
 * split at page boundaries so that a buffer is only assumed contiguous as far
 * as the caller asked. A failed check fails the access and is counted.
 *
 * Accesses are allowed only while a driver is bound to the device (bus
 * notifier in main.c): after a driver unbinds, its memory may belong to
 * someone else.
 */
#include <linux/mm.h>

#include "nvsim.h"

/* Kernel address of the byte at @pa, or NULL if nvsim must not touch it. */
static void *nvsim_dma_page(u64 pa)
{
	unsigned long pfn;
	struct page *page;

	pfn = (unsigned long)(pa >> PAGE_SHIFT);
	if ((u64)pfn != pa >> PAGE_SHIFT)
		return NULL;
	if (!pfn_valid(pfn))
		return NULL;
	page = pfn_to_page(pfn);
	if (PageReserved(page) || PageHighMem(page))
		return NULL;
	return page_address(page) + offset_in_page(pa);
}

/*
 * Move bytes the way a bus master does, in 64-bit words where both sides
 * allow. Under QEMU TCG, where every test runs, the kernel's memcpy()
 * (rep movs) is emulated slowly: make bench measured 327 MiB/s for it
 * against about 4 GiB/s for a word loop.
 */
static void nvsim_copy(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	if (!(((unsigned long)d | (unsigned long)s) & 7)) {
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(u64 *)d = *(const u64 *)s;
	}
	while (n--)
		*d++ = *s++;
}

static int nvsim_dma_rw(struct nvsim_gpu *gpu, u64 pa, void *buf, size_t len,
			bool write)
{
	int ret = 0;

	mutex_lock(&gpu->dma_lock);
	if (!gpu->dma_enabled) {
		ret = -ENODEV;
		goto out;
	}
	while (len) {
		size_t chunk = min_t(size_t, len, PAGE_SIZE - offset_in_page(pa));
		void *p = nvsim_dma_page(pa);

		if (!p || pa + chunk < pa) {
			ret = -EFAULT;
			break;
		}
		if (write)
			nvsim_copy(p, buf, chunk);
		else
			nvsim_copy(buf, p, chunk);
		buf += chunk;
		pa += chunk;
		len -= chunk;
	}
out:
	mutex_unlock(&gpu->dma_lock);
	if (ret)
		nvsim_stat_inc(gpu, NVSIM_S_DMA_ERRORS);
	return ret;
}

/**
 * nvsim_dma_read() - copy from the driver's memory
 * @gpu: the GPU
 * @pa: DMA address
 * @len: bytes, contiguous in DMA space
 * @buf: destination
 *
 * Return: 0 or a negative errno (nothing valid is in @buf then).
 */
int nvsim_dma_read(struct nvsim_gpu *gpu, u64 pa, void *buf, size_t len)
{
	return nvsim_dma_rw(gpu, pa, buf, len, false);
}

/**
 * nvsim_dma_write() - copy into the driver's memory
 * @gpu: the GPU
 * @pa: DMA address
 * @buf: source
 * @len: bytes, contiguous in DMA space
 *
 * Return: 0 or a negative errno.
 */
int nvsim_dma_write(struct nvsim_gpu *gpu, u64 pa, const void *buf, size_t len)
{
	return nvsim_dma_rw(gpu, pa, (void *)buf, len, true);
}

/* Single, untorn access to a naturally aligned shared word. */
static int nvsim_dma_word(struct nvsim_gpu *gpu, u64 pa, u64 *val,
			  unsigned int size, bool write)
{
	void *p;
	int ret = 0;

	if (pa & (size - 1))
		return -EINVAL;
	mutex_lock(&gpu->dma_lock);
	p = gpu->dma_enabled ? nvsim_dma_page(pa) : NULL;
	if (!p)
		ret = -EFAULT;
	else if (size == 4 && write)
		WRITE_ONCE(*(u32 *)p, (u32)*val);
	else if (size == 4)
		*val = READ_ONCE(*(u32 *)p);
	else if (write)
		WRITE_ONCE(*(u64 *)p, *val);
	else
		*val = READ_ONCE(*(u64 *)p);
	mutex_unlock(&gpu->dma_lock);
	if (ret)
		nvsim_stat_inc(gpu, NVSIM_S_DMA_ERRORS);
	return ret;
}

/**
 * nvsim_dma_rd32() - read a shared 32-bit word (queue pointer)
 * @gpu: the GPU
 * @pa: DMA address, 4-byte aligned
 * @val: where to store the value
 *
 * Return: 0 or a negative errno.
 */
int nvsim_dma_rd32(struct nvsim_gpu *gpu, u64 pa, u32 *val)
{
	u64 v = 0;
	int ret = nvsim_dma_word(gpu, pa, &v, 4, false);

	*val = (u32)v;
	return ret;
}

/**
 * nvsim_dma_wr32() - write a shared 32-bit word (queue pointer)
 * @gpu: the GPU
 * @pa: DMA address, 4-byte aligned
 * @val: value
 *
 * Return: 0 or a negative errno.
 */
int nvsim_dma_wr32(struct nvsim_gpu *gpu, u64 pa, u32 val)
{
	u64 v = val;

	return nvsim_dma_word(gpu, pa, &v, 4, true);
}

/**
 * nvsim_dma_wr64() - write a shared 64-bit word (log put pointer)
 * @gpu: the GPU
 * @pa: DMA address, 8-byte aligned
 * @val: value
 *
 * Return: 0 or a negative errno.
 */
int nvsim_dma_wr64(struct nvsim_gpu *gpu, u64 pa, u64 val)
{
	return nvsim_dma_word(gpu, pa, &val, 8, true);
}

/**
 * nvsim_pages_rw() - access a buffer described by a page list
 * @gpu: the GPU
 * @pte: DMA address of each 4 KiB page of the buffer
 * @npages: entries in @pte
 * @off: byte offset in the buffer
 * @buf: source or destination
 * @len: bytes
 * @write: direction
 *
 * Return: 0, -ERANGE if the range is outside the buffer, or a DMA error.
 */
int nvsim_pages_rw(struct nvsim_gpu *gpu, const u64 *pte, u32 npages,
		   u64 off, void *buf, size_t len, bool write)
{
	int ret;

	if (off > (u64)npages * NVSIM_GSP_PAGE_SIZE ||
	    len > (u64)npages * NVSIM_GSP_PAGE_SIZE - off)
		return -ERANGE;
	while (len) {
		u32 in = off & (NVSIM_GSP_PAGE_SIZE - 1);
		size_t chunk = min_t(size_t, len, NVSIM_GSP_PAGE_SIZE - in);
		u64 pa = pte[off / NVSIM_GSP_PAGE_SIZE] + in;

		ret = write ? nvsim_dma_write(gpu, pa, buf, chunk) :
			      nvsim_dma_read(gpu, pa, buf, chunk);
		if (ret)
			return ret;
		buf += chunk;
		off += chunk;
		len -= chunk;
	}
	return 0;
}

/**
 * nvsim_dma_enable() - allow or forbid DMA to the driver's memory
 * @gpu: the GPU
 * @on: a driver is bound
 *
 * Waits for any access in progress, so that after disabling nvsim touches
 * no memory of the driver. May sleep.
 */
void nvsim_dma_enable(struct nvsim_gpu *gpu, bool on)
{
	mutex_lock(&gpu->dma_lock);
	gpu->dma_enabled = on;
	mutex_unlock(&gpu->dma_lock);
}
