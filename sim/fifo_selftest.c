// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: self-test of the channel executor (debugfs gpu<N>/fifo
 * "selftest 0"; the outcome is the "selftest" line of the file).
 *
 * It plays a client without RM objects: page tables in the top 16 MiB of
 * VRAM (GSP-RM's protected region, which no driver writes), encoded with
 * include/nvcore/mmu.h (the clients' encoder; nvsim's walker in sim/mmu.c
 * is its own), three channels on COPY0 with the highest free channel IDs,
 * push buffers built from the NVC46F/NVC5B5 fields, and the real doorbell
 * register path. It checks a CE copy, a remap constant fill, the CE
 * one-word semaphore, a 64-bit host semaphore release with timestamp, the
 * non-stall interrupt count, USERD GP_GET, an MMU fault on an unmapped
 * page and on a read-only page (each stops only its own channel; the
 * error notifier of one is checked) and a
 * second job on the healthy channel afterwards. Errors of these channels
 * are counted, never sent to the driver. Everything is zeroed at the end.
 */
#include <linux/delay.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include <nvcore/mmu.h>

#include "fifo.h"

#define ST_CLIENT	0xc5e1f7e5u
#define ST_VAS		0x5e1f0001u
#define ST_VA		0x100000000ull	/* 4 GiB */
#define ST_PAGES	16
#define ST_RO_PAGE	15
#define ST_UNMAPPED	(ST_VA + 0x20000)

/* Offsets in the self-test's VRAM region. */
#define ST_PD3		0x0000
#define ST_PD2		0x1000
#define ST_PD1		0x2000
#define ST_PD0		0x3000
#define ST_PT		0x4000
#define ST_USERD	0x8000		/* three channels, 0x200 each */
#define ST_NOTIFIER	0x8800		/* B's error notifier (16 bytes) */
#define ST_DATA		0x10000		/* page i at ST_VA + i * 4 KiB */
#define ST_SIZE		(ST_DATA + ST_PAGES * SZ_4K)

/* Pages: GPFIFOs 0-2, push buffers 3-5, semaphores 6, src 7-8, dst 9-10, fill 11-12. */
#define PG(i)		(ST_VA + (i) * SZ_4K)

struct st_ctx {
	struct nvsim_gpu *gpu;
	u64 base;
	char *res;
	size_t len;
};

static int st_wr(struct st_ctx *t, u64 off, const void *p, size_t n)
{
	return nvsim_vram_rw(t->gpu, t->base + off, (void *)p, n, true);
}

static int st_rd(struct st_ctx *t, u64 off, void *p, size_t n)
{
	return nvsim_vram_rw(t->gpu, t->base + off, p, n, false);
}

static int st_wr64(struct st_ctx *t, u64 off, u64 v)
{
	return st_wr(t, off, &v, 8);
}

static u32 st_hdr(u32 op, u32 subc, u32 mthd, u32 count)
{
	return op << 29 | count << 16 | subc << 13 | mthd >> 2;
}

/* Page tables: VA ST_VA + i * 4 KiB -> VRAM base + ST_DATA + i * 4 KiB. */
static int st_tables(struct st_ctx *t)
{
	u64 b = t->base;
	int i, ret;

	ret = st_wr64(t, ST_PD3 + 8 * nvc_mmu_v2_index(NVC_MMU_V2_PD3, ST_VA),
		      nvc_mmu_v2_pde(NVC_MMU_V2_PDE_APERTURE_VIDEO, b + ST_PD2, false));
	ret = ret ?: st_wr64(t, ST_PD2 + 8 * nvc_mmu_v2_index(NVC_MMU_V2_PD2, ST_VA),
			     nvc_mmu_v2_pde(NVC_MMU_V2_PDE_APERTURE_VIDEO, b + ST_PD1, false));
	ret = ret ?: st_wr64(t, ST_PD1 + 8 * nvc_mmu_v2_index(NVC_MMU_V2_PD1, ST_VA),
			     nvc_mmu_v2_pde(NVC_MMU_V2_PDE_APERTURE_VIDEO, b + ST_PD0, false));
	ret = ret ?: st_wr64(t, ST_PD0 + 16 * nvc_mmu_v2_index(NVC_MMU_V2_PD0, ST_VA) + 8,
			     nvc_mmu_v2_dual_pde_small(NVC_MMU_V2_PDE_APERTURE_VIDEO,
						       b + ST_PT, false));
	for (i = 0; i < ST_PAGES && !ret; i++)
		ret = st_wr64(t, ST_PT + 8 * (nvc_mmu_v2_index(NVC_MMU_V2_PT, ST_VA) + i),
			      nvc_mmu_v2_pte(NVC_MMU_V2_PTE_APERTURE_VIDEO,
					     b + ST_DATA + i * SZ_4K,
					     i == ST_RO_PAGE ? NVC_MMU_V2_PTE_READ_ONLY : 0));
	return ret;
}

/* Write a push buffer at data page @pg + @off and GP entry @slot of ring @ring. */
static int st_job(struct st_ctx *t, int ring, u32 slot, int pg, u32 off,
		  const u32 *w, u32 n)
{
	u64 va = PG(pg) + off;
	u32 e[2] = { lower_32_bits(va), (upper_32_bits(va) & 0xff) | n << 10 };
	int ret;

	ret = st_wr(t, ST_DATA + pg * SZ_4K + off, w, 4 * n);
	return ret ?: st_wr(t, ST_DATA + ring * SZ_4K + 8 * slot, e, 8);
}

static void st_kick(struct st_ctx *t, struct nvsim_chan *ch, u32 put)
{
	nvsim_vram_rw(t->gpu, ch->userd_pa + NVSIM_USERD_GP_PUT,
		      &put, 4, true);
	nvsim_reg_write(t->gpu, NVSIM_VF(NV_VIRTUAL_FUNCTION_DOORBELL),
			ch->runlist << 16 | ch->chid);
}

/* Wait up to 5 s for the channel to reach GP_GET @get or die. */
static bool st_wait(struct st_ctx *t, struct nvsim_chan *ch, u32 get,
		    bool want_dead)
{
	int i;
	u32 v = ~0u;

	for (i = 0; i < 5000; i++) {
		if (want_dead ? READ_ONCE(ch->dead) :
		    (!nvsim_vram_rw(t->gpu, ch->userd_pa +
				    NVSIM_USERD_GP_GET, &v, 4,
				    false) && v == get))
			return true;
		usleep_range(1000, 1100);
	}
	return false;
}

static __printf(2, 3) void st_fail(struct st_ctx *t, const char *fmt, ...)
{
	size_t n = scnprintf(t->res, t->len, "FAIL ");
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(t->res + n, t->len - n, fmt, ap);
	va_end(ap);
}

/**
 * nvsim_fifo_selftest() - run the self-test
 * @gpu: the GPU
 * @res: the outcome ("ok ..." or "FAIL ...")
 * @len: its size
 *
 * Process context; the caller serialises self-tests.
 *
 * Return: 0 if it passed, else -EIO.
 */
int nvsim_fifo_selftest(struct nvsim_gpu *gpu, char *res, size_t len)
{
	struct st_ctx tt = { .gpu = gpu, .res = res, .len = len }, *t = &tt;
	struct nvsim_fifo *f = gpu->fifo;
	struct nvsim_chan *a = NULL, *b = NULL, *c = NULL;
	u32 ce = gpu->chip->libos3 ? AMPERE_DMA_COPY_B : TURING_DMA_COPY_A;
	u64 ns0 = atomic64_read(&f->stats[NVSIM_FS_NONSTALL]);
	u64 mmu0 = atomic64_read(&f->stats[NVSIM_FS_MMU_FAULTS]);
	u64 ign0 = atomic64_read(&f->stats[NVSIM_FS_DOORBELLS_BAD]);
	u32 *src = NULL, *buf = NULL, w[64];
	u64 sem[4];
	u32 nt[4];
	int i, n;

	t->base = gpu->chip->vram_size - SZ_16M;
	src = kmalloc(2 * SZ_8K, GFP_KERNEL);
	if (!src) {
		st_fail(t, "no memory");
		goto out;
	}
	buf = src + SZ_8K / 4;
	if (nvsim_ce_fill(gpu, t->base, ST_SIZE, 0) || st_tables(t)) {
		st_fail(t, "cannot write the page tables");
		goto out;
	}
	for (i = 0; i < SZ_8K / 4; i++)
		src[i] = 0x5e1f0000u + i * 2654435761u;
	if (st_wr(t, ST_DATA + 7 * SZ_4K, src, SZ_8K)) {
		st_fail(t, "cannot write the source");
		goto out;
	}
	nvsim_vas_set(gpu, ST_CLIENT, ST_VAS, NV_MMU_VER2_PDE_APERTURE_VIDEO_MEMORY,
		      t->base + ST_PD3);

	a = nvsim_chan_new_raw(gpu, ST_CLIENT, ST_VAS, NV2080_ENGINE_TYPE_COPY0,
			       PG(0), 16, t->base + ST_USERD);
	b = nvsim_chan_new_raw(gpu, ST_CLIENT, ST_VAS, NV2080_ENGINE_TYPE_COPY0,
			       PG(1), 16, t->base + ST_USERD + 0x200);
	c = nvsim_chan_new_raw(gpu, ST_CLIENT, ST_VAS, NV2080_ENGINE_TYPE_COPY0,
			       PG(2), 16, t->base + ST_USERD + 0x400);
	if (!a || !b || !c) {
		st_fail(t, "cannot create channels");
		goto out;
	}
	/* B's error notifier (GSP-RM writes it on RC); B is not running yet. */
	b->notifier_vid = true;
	b->notifier_pa = t->base + ST_NOTIFIER;

	/* Job 1 on A: copy 8 KiB, semaphore + interrupt; fill 8 KiB; host release. */
	n = 0;
	w[n++] = st_hdr(1, 4, NVC46F_SET_OBJECT, 1);
	w[n++] = ce;
	w[n++] = st_hdr(1, 4, NVC5B5_OFFSET_IN_UPPER, 8);
	w[n++] = upper_32_bits(PG(7));
	w[n++] = lower_32_bits(PG(7));
	w[n++] = upper_32_bits(PG(9));
	w[n++] = lower_32_bits(PG(9));
	w[n++] = 0;		/* PITCH_IN */
	w[n++] = 0;		/* PITCH_OUT */
	w[n++] = SZ_8K;		/* LINE_LENGTH_IN */
	w[n++] = 1;		/* LINE_COUNT */
	w[n++] = st_hdr(1, 4, NVC5B5_SET_SEMAPHORE_A, 3);
	w[n++] = upper_32_bits(PG(6));
	w[n++] = lower_32_bits(PG(6));
	w[n++] = 0x1234;
	w[n++] = st_hdr(1, 4, NVC5B5_LAUNCH_DMA, 1);
	w[n++] = 2 | 1 << 2 | 1 << 3 | 2 << 5 | 1 << 7 | 1 << 8;
	w[n++] = st_hdr(1, 4, NVC5B5_SET_REMAP_CONST_A, 3);
	w[n++] = 0xcafef00d;
	w[n++] = 0;
	w[n++] = 4 | 3 << 16;	/* DST_X CONST_A, 4-byte, one component each */
	w[n++] = st_hdr(1, 4, NVC5B5_OFFSET_OUT_UPPER, 2);
	w[n++] = upper_32_bits(PG(11));
	w[n++] = lower_32_bits(PG(11));
	w[n++] = st_hdr(1, 4, NVC5B5_LINE_LENGTH_IN, 1);
	w[n++] = SZ_8K / 4;
	w[n++] = st_hdr(1, 4, NVC5B5_LAUNCH_DMA, 1);
	w[n++] = 2 | 1 << 7 | 1 << 8 | 1 << 10;
	w[n++] = st_hdr(1, 0, NVC46F_SEM_ADDR_LO, 4);
	w[n++] = lower_32_bits(PG(6) + 0x10);
	w[n++] = upper_32_bits(PG(6) + 0x10);
	w[n++] = 0x55667788;
	w[n++] = 0x11223344;
	w[n++] = st_hdr(1, 0, NVC46F_SEM_EXECUTE, 1);
	w[n++] = 1 | 1 << 24 | 1 << 25;
	w[n++] = st_hdr(4, 0, NVC46F_NON_STALL_INTERRUPT, 0);
	if (st_job(t, 0, 0, 3, 0, w, n)) {
		st_fail(t, "cannot write job 1");
		goto out;
	}
	/* B: a release to an unmapped page. C: to the read-only page. */
	n = 0;
	w[n++] = st_hdr(1, 0, NVC46F_SEM_ADDR_LO, 3);
	w[n++] = lower_32_bits(ST_UNMAPPED);
	w[n++] = upper_32_bits(ST_UNMAPPED);
	w[n++] = 1;
	w[n++] = st_hdr(1, 0, NVC46F_SEM_EXECUTE, 1);
	w[n++] = 1;
	if (st_job(t, 1, 0, 4, 0, w, n)) {
		st_fail(t, "cannot write job B");
		goto out;
	}
	w[1] = lower_32_bits(PG(ST_RO_PAGE));
	w[2] = upper_32_bits(PG(ST_RO_PAGE));
	if (st_job(t, 2, 0, 5, 0, w, n)) {
		st_fail(t, "cannot write job C");
		goto out;
	}

	nvsim_reg_write(gpu, NVSIM_VF(NV_VIRTUAL_FUNCTION_DOORBELL), 0x7f0fff);
	st_kick(t, b, 1);
	st_kick(t, c, 1);
	st_kick(t, a, 1);
	if (!st_wait(t, a, 1, false)) {
		st_fail(t, "job 1 did not complete (GP_GET)");
		goto out;
	}
	if (st_rd(t, ST_DATA + 9 * SZ_4K, buf, SZ_8K) || memcmp(buf, src, SZ_8K)) {
		st_fail(t, "copy mismatch");
		goto out;
	}
	if (st_rd(t, ST_DATA + 11 * SZ_4K, buf, SZ_8K)) {
		st_fail(t, "cannot read the fill");
		goto out;
	}
	for (i = 0; i < SZ_8K / 4; i++)
		if (buf[i] != 0xcafef00d) {
			st_fail(t, "fill mismatch at %d: %#x", i, buf[i]);
			goto out;
		}
	if (st_rd(t, ST_DATA + 6 * SZ_4K, sem, sizeof(sem))) {
		st_fail(t, "cannot read semaphores");
		goto out;
	}
	if ((u32)sem[0] != 0x1234 || sem[2] != 0x1122334455667788ull || !sem[3]) {
		st_fail(t, "semaphores %#llx %#llx %#llx", sem[0], sem[2], sem[3]);
		goto out;
	}
	if (atomic64_read(&f->stats[NVSIM_FS_NONSTALL]) < ns0 + 2) {
		st_fail(t, "no non-stall interrupts");
		goto out;
	}
	if (!st_wait(t, b, 0, true) || !st_wait(t, c, 0, true)) {
		st_fail(t, "faulting channels did not stop");
		goto out;
	}
	if (st_rd(t, ST_NOTIFIER, nt, sizeof(nt)) ||
	    nt[2] != ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT ||
	    nt[3] != (0xffff0000u | NV2080_ENGINE_TYPE_COPY0) || !(nt[0] | nt[1])) {
		st_fail(t, "error notifier %#x %#x %#x %#x", nt[0], nt[1], nt[2], nt[3]);
		goto out;
	}
	if (atomic64_read(&f->stats[NVSIM_FS_MMU_FAULTS]) < mmu0 + 2) {
		st_fail(t, "MMU faults not counted");
		goto out;
	}
	if (atomic64_read(&f->stats[NVSIM_FS_DOORBELLS_BAD]) < ign0 + 1) {
		st_fail(t, "a bad doorbell was not ignored");
		goto out;
	}
	if (READ_ONCE(a->dead)) {
		st_fail(t, "a fault in another channel stopped the good one");
		goto out;
	}

	/* Job 2 on A after the faults: a 32-bit release. */
	n = 0;
	w[n++] = st_hdr(3, 0, NVC46F_SEM_ADDR_LO, 1);	/* non-incrementing */
	w[n++] = lower_32_bits(PG(6) + 0x40);
	w[n++] = st_hdr(5, 0, NVC46F_SEM_ADDR_HI, 3);	/* increment-once */
	w[n++] = upper_32_bits(PG(6) + 0x40);
	w[n++] = 0x77;
	w[n++] = 0x77;			/* PAYLOAD_LO twice (increment once) */
	w[n++] = st_hdr(1, 0, NVC46F_SEM_EXECUTE, 1);
	w[n++] = 1;
	if (st_job(t, 0, 1, 3, 0x800, w, n)) {
		st_fail(t, "cannot write job 2");
		goto out;
	}
	st_kick(t, a, 2);
	if (!st_wait(t, a, 2, false)) {
		st_fail(t, "job 2 did not complete");
		goto out;
	}
	if (st_rd(t, ST_DATA + 6 * SZ_4K + 0x40, &i, 4) || i != 0x77) {
		st_fail(t, "job 2 semaphore %#x", i);
		goto out;
	}
	scnprintf(res, len, "ok chids %u %u %u", a->chid, b->chid, c->chid);
out:
	if (a)
		nvsim_chan_remove(a);
	if (b)
		nvsim_chan_remove(b);
	if (c)
		nvsim_chan_remove(c);
	flush_workqueue(f->wq);
	nvsim_vas_forget(gpu, ST_CLIENT, ST_VAS);
	nvsim_ce_fill(gpu, t->base, ST_SIZE, 0);
	kfree(src);
	return strncmp(res, "ok", 2) ? -EIO : 0;
}
