// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: GSP-RM firmware log buffers (LOGINIT, LOGINTR, LOGRM).
 *
 * DOC: LIBOS log records
 *
 * GSP-RM logs in binary, as LIBOS does (OGKM libos_log.h, liblogdecode.c;
 * layouts in sim/hw.h, checked per version). Each log region is one
 * DMA buffer of ``size`` bytes allocated by the driver, which puts the DMA
 * address of every 4 KiB page after word 0 (OGKM kernel_gsp.c,
 * _kgspInitLibosLoggingStructures); nvsim reads that page list when the
 * buffer is set up and then owns the buffer:
 *
 * - word 0 is put: the number of u64 words ever written (0 at each boot);
 * - the other size / 8 - 1 words are a ring; word n goes to index
 *   1 + n % (size / 8 - 1), so the first records overwrite the page list;
 * - a record is its arguments (each a u64), the firmware VA of its
 *   libosLogMetadata, then a timestamp (ktime_get_ns(); real firmware uses
 *   PTIMER ns);
 * - nvsim writes the record's words, issues a write barrier, then stores
 *   put.
 *
 * The metadata VA is that of the call site in sim/logcat.h, whose logging
 * ELF tools/mkgspfw writes into the firmware's .fwlogging section. Call
 * sites keep the printf-style nvsim_logf(), checked by the compiler; the
 * call site is found in the catalogue by its format, and the arguments
 * are fetched with the types the format names. A string argument is logged as the VA of
 * the same string in the catalogue (a real firmware's %s arguments point
 * into its logging ELF), "?" if it is not there; a call site that is not
 * catalogued logs site 0 instead.
 *
 * LOGINIT gets boot-stage messages, LOGRM one record per RPC handled
 * (function, sequence, length, result) and errors, LOGINTR interrupt
 * faults.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "nvsim.h"
#include "logcat.h"

#define NVSIM_LOG_MAX_SIZE	(16u << 20)
#define NVSIM_LOG_MAX_WORDS	(LIBOS_LOG_MAX_ARGS + 2)

/**
 * nvsim_log_setup() - take a log buffer into use
 * @gpu: the GPU
 * @log: log state to fill
 * @pa: DMA address of the buffer (LIBOS argument pa)
 * @size: bytes (LIBOS argument size)
 *
 * Reads and checks the page list and resets put to 0.
 *
 * Return: 0 or a negative errno (the log stays unusable).
 */
int nvsim_log_setup(struct nvsim_gpu *gpu, struct nvsim_log *log, u64 pa,
		    u64 size)
{
	u32 npages, i;
	u64 *pte;
	int ret;

	nvsim_log_release(log);
	if (!size || size > NVSIM_LOG_MAX_SIZE ||
	    (size & (NVSIM_GSP_PAGE_SIZE - 1)) || (pa & (NVSIM_GSP_PAGE_SIZE - 1)))
		return -EINVAL;
	npages = size / NVSIM_GSP_PAGE_SIZE;
	/* The page list must fit in the buffer after put. */
	if (8 + 8 * (u64)npages > size)
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
		if (pte[i] & (NVSIM_GSP_PAGE_SIZE - 1))
			goto err;
	}
	ret = nvsim_dma_wr64(gpu, pa, 0);
	if (ret)
		goto err;
	log->pte = pte;
	log->npages = npages;
	log->size = size;
	log->entries = size / 8 - 1;
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

static int nvsim_log_site(const char *fmt)
{
	int i;

	for (i = 1; i < NVSIM_LOG_NR_SITES; i++)
		if (!strcmp(nvsim_log_sites[i].fmt, fmt))
			return i;
	return 0;
}

/* The firmware VA of @s in the catalogue's strings, else that of "?". */
static u64 nvsim_log_str_va(const char *s)
{
	int i;

	for (i = 0; i < NVSIM_LOG_NR_STRINGS; i++)
		if (!strcmp(nvsim_log_strings[i], s))
			return NVSIM_LOG_STR_VA + (u64)NVSIM_LOG_STR_SLOT * i;
	return NVSIM_LOG_STR_VA;
}

/* Words [put, put + n) of the ring, in at most two page-list writes. */
static int nvsim_log_write(struct nvsim_gpu *gpu, struct nvsim_log *log,
			   const __le64 *w, u32 n)
{
	u64 idx = log->put % log->entries;
	u32 first = min_t(u64, n, log->entries - idx);
	int ret;

	ret = nvsim_pages_rw(gpu, log->pte, log->npages, 8 + idx * 8, (void *)w,
			     first * 8, true);
	if (!ret && first < n)
		ret = nvsim_pages_rw(gpu, log->pte, log->npages, 8,
				     (void *)(w + first), (n - first) * 8, true);
	return ret;
}

/*
 * The next argument of a conversion, fetched with the type printf would
 * use: length modifier @lm ('H' hh, 'h', 'l', 'L' ll, 'z', 'j', 't' or 0).
 */
static u64 nvsim_log_arg(va_list *ap, char conv, char lm)
{
	bool sgn = conv == 'd' || conv == 'i';

	if (conv == 's' || conv == 'p')
		return (unsigned long)va_arg(*ap, void *);
	switch (lm) {
	case 'l':
		return sgn ? (u64)va_arg(*ap, long) : va_arg(*ap, unsigned long);
	case 'L':
	case 'j':
		return sgn ? (u64)va_arg(*ap, long long) :
			     va_arg(*ap, unsigned long long);
	case 'z':
	case 't':
		return sgn ? (u64)va_arg(*ap, ssize_t) : va_arg(*ap, size_t);
	default:
		return sgn ? (u64)va_arg(*ap, int) : va_arg(*ap, unsigned int);
	}
}

/*
 * Fetch the arguments of @fmt (a catalogued format, so one nvsim_logf()'s
 * own format-checked one) into @w; strings become catalogue VAs.
 */
static unsigned int nvsim_log_args(const char *fmt, va_list *ap, __le64 *w,
				   unsigned int max)
{
	unsigned int n = 0;
	char lm;

	for (; *fmt; fmt++) {
		if (*fmt != '%')
			continue;
		if (*++fmt == '%')
			continue;
		lm = 0;
		for (; *fmt && !nvsim_log_is_conv(*fmt); fmt++) {
			if (*fmt == '*' && n < max)
				w[n++] = cpu_to_le64((u64)va_arg(*ap, int));
			else if (*fmt == 'l' || *fmt == 'h')
				lm = lm == *fmt ? (*fmt == 'l' ? 'L' : 'H') : *fmt;
			else if (*fmt == 'z' || *fmt == 'j' || *fmt == 't')
				lm = *fmt;
		}
		if (!*fmt || n >= max)
			break;
		if (*fmt == 's')
			w[n++] = cpu_to_le64(nvsim_log_str_va(va_arg(*ap,
								     const char *)));
		else
			w[n++] = cpu_to_le64(nvsim_log_arg(ap, *fmt, lm));
	}
	return n;
}

/**
 * nvsim_logf() - append one LIBOS record to a firmware log
 * @gpu: the GPU
 * @id: which log
 * @fmt: printf format of a call site catalogued in sim/logcat.h
 *
 * Each argument becomes one u64 word of the record (see "LIBOS log
 * records" above). Does nothing if the log is not set up. Called from the
 * GSP thread only.
 */
void nvsim_logf(struct nvsim_gpu *gpu, enum nvsim_log_id id,
		const char *fmt, ...)
{
	struct nvsim_log *log = &gpu->fw.logs[id];
	__le64 w[NVSIM_LOG_MAX_WORDS];
	unsigned long long smask;
	unsigned int argc, n;
	va_list ap;
	int s;

	if (!log->valid || !log->entries)
		return;
	s = nvsim_log_site(fmt);
	argc = nvsim_log_fmt_args(nvsim_log_sites[s].fmt, &smask);
	if (!s || argc > LIBOS_LOG_MAX_ARGS) {
		/* Site 0: "... (%u arguments dropped)". */
		w[0] = cpu_to_le64(nvsim_log_fmt_args(fmt, &smask));
		s = 0;
		argc = 1;
	} else {
		va_start(ap, fmt);
		n = nvsim_log_args(fmt, &ap, w, LIBOS_LOG_MAX_ARGS);
		va_end(ap);
		if (n != argc)
			return;
	}
	w[argc] = cpu_to_le64(NVSIM_LOG_VA + (u64)NVSIM_LOG_META_SIZE * s);
	w[argc + 1] = cpu_to_le64(ktime_get_ns());
	if (argc + 2 > log->entries ||
	    nvsim_log_write(gpu, log, w, argc + 2))
		goto broken;
	smp_wmb();	/* record before put */
	log->put += argc + 2;
	if (nvsim_dma_wr64(gpu, log->pte[0], log->put))
		goto broken;
	return;

broken:
	log->valid = false;
}
