// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: GSP-RM firmware log buffers (LOGINIT, LOGINTR, LOGRM).
 *
 * DOC: Log record format
 *
 * Each of the three LIBOS log regions is one DMA buffer of ``size`` bytes
 * (a multiple of 4 KiB) allocated by the driver:
 *
 * ============  ==============================================================
 * offset 0      u64 put: total number of records ever written (monotonic,
 *               starts at 0 for each boot)
 * offset 8      PTE array: one u64 DMA address per 4 KiB page of the buffer,
 *               written by the driver (entry 0 is the buffer's first page)
 * area          8 + 8 * npages, rounded up to 8: the record area, a ring of
 *               nrec = floor((size - area) / 128) records
 * ============  ==============================================================
 *
 * A record is 128 bytes, little-endian::
 *
 *	u64  seq;           record number (the value of put before it)
 *	u64  timestamp_ns;  ktime_get_ns() when written
 *	char text[112];     message, NUL padded (at most 111 characters)
 *
 * Record number n lives at area + (n % nrec) * 128. nvsim writes the record
 * first (through the PTE array), then issues a write barrier, then stores
 * put = n + 1. A reader snapshots put, reads records max(0, put - nrec) ..
 * put - 1, and re-reads put to drop records that were overwritten meanwhile
 * (a record's seq field tells which record a slot holds).
 *
 * LOGINIT gets boot-stage messages, LOGRM one record per RPC handled
 * (function, result) and errors, LOGINTR interrupt-related messages.
 */
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include "nvsim.h"

#define NVSIM_LOG_REC_SIZE	128
#define NVSIM_LOG_TEXT_SIZE	112
#define NVSIM_LOG_MAX_SIZE	(16u << 20)

/**
 * struct nvsim_log_rec - one log record, as stored in the buffer
 * @seq: record number
 * @timestamp_ns: time of writing
 * @text: message, NUL padded
 */
struct nvsim_log_rec {
	__le64 seq;
	__le64 timestamp_ns;
	char text[NVSIM_LOG_TEXT_SIZE];
};

static_assert(sizeof(struct nvsim_log_rec) == NVSIM_LOG_REC_SIZE);

/**
 * nvsim_log_setup() - take a log buffer into use
 * @gpu: the GPU
 * @log: log state to fill
 * @pa: DMA address of the buffer (LIBOS argument pa)
 * @size: bytes (LIBOS argument size)
 *
 * Reads and checks the PTE array and resets put to 0.
 *
 * Return: 0 or a negative errno (the log stays unusable).
 */
int nvsim_log_setup(struct nvsim_gpu *gpu, struct nvsim_log *log, u64 pa,
		    u64 size)
{
	u32 npages, area, i;
	u64 *pte;
	int ret;

	nvsim_log_release(log);
	if (!size || size > NVSIM_LOG_MAX_SIZE ||
	    (size & (NVRM_GSP_PAGE_SIZE - 1)) || (pa & (NVRM_GSP_PAGE_SIZE - 1)))
		return -EINVAL;
	npages = size / NVRM_GSP_PAGE_SIZE;
	area = ALIGN(8 + 8 * npages, 8);
	if ((u64)area + NVSIM_LOG_REC_SIZE > size)
		return -EINVAL;
	pte = kvmalloc_array(npages, sizeof(*pte), GFP_KERNEL);
	if (!pte)
		return -ENOMEM;
	ret = nvsim_dma_read(gpu, pa + 8, pte, (size_t)npages * sizeof(*pte));
	if (ret)
		goto err;
	ret = -EINVAL;
	if (le64_to_cpu(pte[0]) != pa)
		goto err;
	for (i = 0; i < npages; i++) {
		pte[i] = le64_to_cpu(pte[i]);
		if (pte[i] & (NVRM_GSP_PAGE_SIZE - 1))
			goto err;
	}
	ret = nvsim_dma_wr64(gpu, pa, 0);
	if (ret)
		goto err;
	log->pte = pte;
	log->npages = npages;
	log->size = size;
	log->area = area;
	log->nrec = (size - area) / NVSIM_LOG_REC_SIZE;
	log->put = 0;
	log->valid = true;
	return 0;

err:
	kvfree(pte);
	return ret;
}

/**
 * nvsim_log_release() - forget a log buffer
 * @log: log state
 */
void nvsim_log_release(struct nvsim_log *log)
{
	kvfree(log->pte);
	memset(log, 0, sizeof(*log));
}

/**
 * nvsim_logf() - append a record to a firmware log
 * @gpu: the GPU
 * @id: which log
 * @fmt: printf format
 *
 * Does nothing if the log is not set up. Called from the GSP thread only.
 */
void nvsim_logf(struct nvsim_gpu *gpu, enum nvsim_log_id id,
		const char *fmt, ...)
{
	struct nvsim_log *log = &gpu->fw.logs[id];
	struct nvsim_log_rec rec = {};
	va_list ap;
	u64 off;

	if (!log->valid)
		return;
	va_start(ap, fmt);
	vsnprintf(rec.text, sizeof(rec.text), fmt, ap);
	va_end(ap);
	rec.seq = cpu_to_le64(log->put);
	rec.timestamp_ns = cpu_to_le64(ktime_get_ns());

	off = log->area + (log->put % log->nrec) * NVSIM_LOG_REC_SIZE;
	if (nvsim_pages_rw(gpu, log->pte, log->npages, off, &rec, sizeof(rec),
			   true))
		goto broken;
	smp_wmb();	/* record before put */
	log->put++;
	if (nvsim_dma_wr64(gpu, log->pte[0], log->put))
		goto broken;
	return;

broken:
	log->valid = false;
}
