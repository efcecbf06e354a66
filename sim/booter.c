// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the SEC2 booter (load and unload): WprMeta checks and the
 * radix3 image read.
 *
 * DOC: nvsim booter
 *
 * Booter (SEC2 STARTCPU with MAILBOX0/1 = WprMeta address): checks
 * GspFwWprMeta (magic, revision, non-zero sizes, fbSize, ordered layout
 * inside the FB, alignments, heap size), walks the radix3 table and verifies
 * the image (NVSIMGSP header, length, chip, FNV-1a 64 checksum), reads the
 * signature and the bootloader. The image header's version string names
 * the GSP-RM version that runs (sim/abi.h) unless module parameter fw=
 * forces one; an image of a version nvsim does not play is refused
 * (NVSIM_BOOTER_E_VERSION). The heap size is checked against the limits of
 * the version that runs. On success: WPR2 = [gspFwWprStart,
 * gspFwWprEnd), WprMeta.verified = 0xa0a0a0a0a0a0a0a0, SEC2 MAILBOX0 = 0,
 * SEC2 HALTED, BSI_SECURE_SCRATCH_14 bit 26, GSP-RM starts. On failure SEC2
 * MAILBOX0 = one of the NVSIM_BOOTER_E_* codes below and SEC2 HALTED.
 * SEC2 STARTCPU with MAILBOX0 = MAILBOX1 = 0xff is the unload booter: it
 * stops GSP-RM if it still runs and clears WPR2.
 */
#include <linux/sizes.h>
#include <linux/slab.h>

#include "nvsim.h"
#include "gsp_priv.h"

/* Booter error codes (SEC2 MAILBOX0). */
enum {
	NVSIM_BOOTER_E_WPR2_SET = 1,
	NVSIM_BOOTER_E_META_READ,
	NVSIM_BOOTER_E_MAGIC,
	NVSIM_BOOTER_E_REVISION,
	NVSIM_BOOTER_E_SIZES,
	NVSIM_BOOTER_E_FBSIZE,
	NVSIM_BOOTER_E_LAYOUT,
	NVSIM_BOOTER_E_ALIGN,
	NVSIM_BOOTER_E_HEAP,
	NVSIM_BOOTER_E_RADIX3,
	NVSIM_BOOTER_E_IMAGE_HDR,
	NVSIM_BOOTER_E_IMAGE_CSUM,
	NVSIM_BOOTER_E_SIGNATURE,
	NVSIM_BOOTER_E_BOOTLOADER,
	NVSIM_BOOTER_E_INJECTED,
	NVSIM_BOOTER_E_VERSION,
};

/* Synthetic image header written by tools/mkgspfw (core/gsp/fwimage.h). */
#define NVSIM_IMG_MAGIC		"NVSIMGSP"
#define NVSIM_IMG_HDR_SIZE	0x40
#define NVSIM_IMG_HDR_VER	1
#define NVSIM_FNV_BASIS		0xcbf29ce484222325ull
#define NVSIM_FNV_PRIME		0x100000001b3ull

struct nvsim_img_hdr {
	char magic[8];
	__le32 hdr_size;
	__le32 hdr_ver;
	__le64 image_size;
	__le64 fnv1a64;
	__le64 seed;
	char version[16];
	char chip[8];
};

static_assert(sizeof(struct nvsim_img_hdr) == NVSIM_IMG_HDR_SIZE);

#define NVSIM_IMAGE_MAX		(1ULL << 30)
#define NVSIM_SIG_MAX		(1u << 20)
#define NVSIM_BL_MAX		(16u << 20)
#define NVSIM_R3_ENTRIES	(NVSIM_GSP_PAGE_SIZE / sizeof(u64))

/* ---- boot ---- */

static u64 nvsim_fnv1a(u64 h, const u8 *p, size_t n)
{
	while (n--) {
		h ^= *p++;
		h *= NVSIM_FNV_PRIME;
	}
	return h;
}

static int nvsim_read_page_table(struct nvsim_gpu *gpu, u64 pa, u64 *out)
{
	unsigned int i;

	if (pa & (NVSIM_GSP_PAGE_SIZE - 1))
		return -EINVAL;
	if (nvsim_dma_read(gpu, pa, out, NVSIM_GSP_PAGE_SIZE))
		return -EFAULT;
	for (i = 0; i < NVSIM_R3_ENTRIES; i++)
		out[i] = le64_to_cpu(out[i]);
	return 0;
}

/* Walk radix3 and verify the image bytes; *abi: the version that runs. */
static int nvsim_booter_image(struct nvsim_gpu *gpu, const struct nvsim_wpr_meta *w,
			      const struct nvsim_abi **abi)
{
	u64 size = w->sizeOfRadix3Elf, npages, done = 0, hash = NVSIM_FNV_BASIS;
	u64 *l1 = NULL, *l2 = NULL;
	struct nvsim_img_hdr hdr = {};
	u32 i, j, nl2;
	u8 *page;
	int ret = NVSIM_BOOTER_E_RADIX3;

	if (size < NVSIM_IMG_HDR_SIZE || size > NVSIM_IMAGE_MAX)
		return NVSIM_BOOTER_E_IMAGE_HDR;
	npages = DIV_ROUND_UP(size, NVSIM_GSP_PAGE_SIZE);
	nl2 = DIV_ROUND_UP(npages, NVSIM_R3_ENTRIES);
	l1 = kmalloc(NVSIM_GSP_PAGE_SIZE, GFP_KERNEL);
	l2 = kmalloc(NVSIM_GSP_PAGE_SIZE, GFP_KERNEL);
	page = kmalloc(NVSIM_GSP_PAGE_SIZE, GFP_KERNEL);
	if (!l1 || !l2 || !page)
		goto out;
	/* Level 0: its first entry is the level-1 page. */
	if (nvsim_read_page_table(gpu, w->sysmemAddrOfRadix3Elf, l1) ||
	    nvsim_read_page_table(gpu, l1[0], l1))
		goto out;
	for (i = 0; i < nl2; i++) {
		if (nvsim_read_page_table(gpu, l1[i], l2))
			goto out;
		for (j = 0; j < NVSIM_R3_ENTRIES && done < size; j++) {
			u32 n = min_t(u64, size - done, NVSIM_GSP_PAGE_SIZE);
			u32 skip = 0;

			if ((l2[j] & (NVSIM_GSP_PAGE_SIZE - 1)) ||
			    nvsim_dma_read(gpu, l2[j], page, n))
				goto out;
			if (!done) {
				memcpy(&hdr, page, sizeof(hdr));
				ret = NVSIM_BOOTER_E_IMAGE_HDR;
				if (memcmp(hdr.magic, NVSIM_IMG_MAGIC, 8) ||
				    le32_to_cpu(hdr.hdr_size) != NVSIM_IMG_HDR_SIZE ||
				    le32_to_cpu(hdr.hdr_ver) != NVSIM_IMG_HDR_VER ||
				    le64_to_cpu(hdr.image_size) != size ||
				    strncmp(hdr.chip, gpu->chip->name, sizeof(hdr.chip)))
					goto out;
				ret = NVSIM_BOOTER_E_RADIX3;
				skip = NVSIM_IMG_HDR_SIZE;
			}
			hash = nvsim_fnv1a(hash, page + skip, n - skip);
			done += n;
			cond_resched();
		}
	}
	ret = hash == le64_to_cpu(hdr.fnv1a64) ? 0 : NVSIM_BOOTER_E_IMAGE_CSUM;
	if (!ret) {
		*abi = gpu->fw_forced ?:
		       nvsim_abi_find(hdr.version,
				      strnlen(hdr.version, sizeof(hdr.version)));
		if (!*abi)
			ret = NVSIM_BOOTER_E_VERSION;
	}
out:
	kfree(page);
	kfree(l2);
	kfree(l1);
	return ret;
}

/* Read a contiguous buffer in pages to prove it is all there. */
static int nvsim_readable(struct nvsim_gpu *gpu, u64 pa, u64 size)
{
	u8 *page = kmalloc(NVSIM_GSP_PAGE_SIZE, GFP_KERNEL);
	int ret = 0;

	if (!page)
		return -ENOMEM;
	while (size && !ret) {
		u32 n = min_t(u64, size, NVSIM_GSP_PAGE_SIZE - (pa & 0xfff));

		ret = nvsim_dma_read(gpu, pa, page, n);
		pa += n;
		size -= n;
	}
	kfree(page);
	return ret;
}

static int nvsim_booter_layout(struct nvsim_gpu *gpu, const struct nvsim_wpr_meta *w)
{
	const u64 fb = w->fbSize;

	if (w->magic != GSP_FW_WPR_META_MAGIC)
		return NVSIM_BOOTER_E_MAGIC;
	if (w->revision != GSP_FW_WPR_META_REVISION)
		return NVSIM_BOOTER_E_REVISION;
	if (!w->sizeOfRadix3Elf || !w->sizeOfBootloader || !w->sizeOfSignature ||
	    !w->frtsSize || !w->gspFwHeapSize || !w->nonWprHeapSize)
		return NVSIM_BOOTER_E_SIZES;
	if (fb != gpu->chip->vram_size)
		return NVSIM_BOOTER_E_FBSIZE;
	/* Every offset and size is below fb (<= 48 GiB), so sums cannot wrap. */
	if (w->nonWprHeapOffset > fb || w->nonWprHeapSize > fb ||
	    w->gspFwWprStart > fb || w->gspFwHeapOffset > fb ||
	    w->gspFwHeapSize > fb || w->gspFwOffset > fb ||
	    w->sizeOfRadix3Elf > fb || w->bootBinOffset > fb ||
	    w->sizeOfBootloader > fb || w->frtsOffset > fb ||
	    w->frtsSize > fb || w->gspFwWprEnd > fb ||
	    w->vgaWorkspaceOffset > fb || w->vgaWorkspaceSize > fb)
		return NVSIM_BOOTER_E_LAYOUT;
	if (w->gspFwRsvdStart != w->nonWprHeapOffset ||
	    w->nonWprHeapOffset + w->nonWprHeapSize > w->gspFwWprStart ||
	    w->gspFwWprStart >= w->gspFwHeapOffset ||
	    w->gspFwHeapOffset + w->gspFwHeapSize > w->gspFwOffset ||
	    w->gspFwOffset + w->sizeOfRadix3Elf > w->bootBinOffset ||
	    w->bootBinOffset + w->sizeOfBootloader > w->frtsOffset ||
	    w->frtsOffset + w->frtsSize > w->gspFwWprEnd ||
	    w->gspFwWprEnd > w->vgaWorkspaceOffset ||
	    w->vgaWorkspaceOffset + w->vgaWorkspaceSize > fb)
		return NVSIM_BOOTER_E_LAYOUT;
	if (!IS_ALIGNED(w->nonWprHeapOffset, SZ_1M) ||
	    !IS_ALIGNED(w->gspFwWprStart, SZ_1M) ||
	    !IS_ALIGNED(w->gspFwHeapOffset, SZ_1M) ||
	    !IS_ALIGNED(w->gspFwOffset, SZ_64K) ||
	    !IS_ALIGNED(w->bootBinOffset, SZ_4K) ||
	    !IS_ALIGNED(w->frtsOffset, SZ_4K) ||
	    !IS_ALIGNED(w->gspFwWprEnd, SZ_4K) ||
	    !IS_ALIGNED(w->vgaWorkspaceOffset, SZ_4K))
		return NVSIM_BOOTER_E_ALIGN;
	return 0;
}

/* GSP-RM heap limits of the version that runs (GSP_FW_HEAP_SIZE_OVERRIDE_*). */
static int nvsim_booter_heap(struct nvsim_gpu *gpu, const struct nvsim_wpr_meta *w,
			     const struct nvsim_abi *abi)
{
	u64 heap_min = gpu->chip->libos3 ? abi->heap_min_libos3 :
			abi->heap_min_libos2;
	u64 heap_max = 1040ULL << 20;

	if (w->gspFwHeapSize < heap_min || w->gspFwHeapSize > heap_max) {
		pr_warn_ratelimited("nvsim: GPU %u: GSP-RM %s: heap of %llu MiB outside [%llu, %llu] MiB\n",
				    gpu->index, abi->version,
				    w->gspFwHeapSize >> 20, heap_min >> 20,
				    heap_max >> 20);
		return NVSIM_BOOTER_E_HEAP;
	}
	return 0;
}

static int nvsim_booter_check(struct nvsim_gpu *gpu, u64 meta_pa,
			      struct nvsim_wpr_meta *w,
			      const struct nvsim_abi **abi)
{
	int ret;

	if (nvsim_dma_read(gpu, meta_pa, w, sizeof(*w)))
		return NVSIM_BOOTER_E_META_READ;
	ret = nvsim_booter_layout(gpu, w);
	if (ret)
		return ret;
	ret = nvsim_booter_image(gpu, w, abi);
	if (ret)
		return ret;
	ret = nvsim_booter_heap(gpu, w, *abi);
	if (ret)
		return ret;
	if (w->sizeOfSignature > NVSIM_SIG_MAX ||
	    nvsim_readable(gpu, w->sysmemAddrOfSignature, w->sizeOfSignature))
		return NVSIM_BOOTER_E_SIGNATURE;
	if (w->sizeOfBootloader > NVSIM_BL_MAX ||
	    w->bootloaderCodeOffset >= w->sizeOfBootloader ||
	    w->bootloaderDataOffset >= w->sizeOfBootloader ||
	    w->bootloaderManifestOffset >= w->sizeOfBootloader ||
	    nvsim_readable(gpu, w->sysmemAddrOfBootloader, w->sizeOfBootloader))
		return NVSIM_BOOTER_E_BOOTLOADER;
	return 0;
}

/* SEC2 is done: report @code in MAILBOX0 and halt. */
static void nvsim_sec2_finish(struct nvsim_gpu *gpu, u32 code)
{
	struct nvsim_falcon *f = &gpu->regs.sec2;
	unsigned long flags;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	f->mailbox0 = code;
	f->halted = true;
	f->irqstat |= NVSIM_FALCON_IRQ_HALT;
	gpu->regs.sec2_start = false;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
}

void nvsim_booter_unload(struct nvsim_gpu *gpu)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.wpr2_lo = 0;
	gpu->regs.wpr2_hi = 0;
	gpu->regs.bsi_scratch14 &=
		~NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	/* A hung GSP-RM instance does not outlive its teardown. */
	spin_lock(&gpu->fault_lock);
	gpu->faults.hang = 0;
	spin_unlock(&gpu->fault_lock);
	nvsim_sec2_finish(gpu, 0);
	pr_info("nvsim: GPU %u: unload booter: WPR2 cleared\n", gpu->index);
}

/* Returns true if GSP-RM was started. */
bool nvsim_booter_load(struct nvsim_gpu *gpu, u64 meta_pa)
{
	struct nvsim_wpr_meta *w = &gpu->fw.wpr;
	const struct nvsim_abi *abi = NULL;
	unsigned long flags;
	bool wpr2_set;
	int code, fault;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	wpr2_set = gpu->regs.wpr2_hi;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);

	fault = nvsim_take_boot_fault(gpu);
	if (fault == NVSIM_BOOT_FAULT_SEQ_POLL_FOREVER ||
	    fault == NVSIM_BOOT_FAULT_SEQ_DELAY_FOREVER) {
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		gpu->fw.seq_poll_forever = fault == NVSIM_BOOT_FAULT_SEQ_POLL_FOREVER;
		gpu->fw.seq_delay_forever = fault == NVSIM_BOOT_FAULT_SEQ_DELAY_FOREVER;
	}
	switch (fault) {
	case NVSIM_BOOT_FAULT_HANG:
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		pr_info("nvsim: GPU %u: boot_fault=hang: the booter never halts\n",
			gpu->index);
		spin_lock_irqsave(&gpu->reg_lock, flags);
		gpu->regs.sec2_start = false;
		spin_unlock_irqrestore(&gpu->reg_lock, flags);
		return false;
	case NVSIM_BOOT_FAULT_BAD_BOOTER:
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		code = NVSIM_BOOTER_E_INJECTED;
		break;
	case NVSIM_BOOT_FAULT_NO_INIT_DONE:
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
		gpu->fw.no_init_done = true;
		fallthrough;
	default:
		code = wpr2_set ? NVSIM_BOOTER_E_WPR2_SET :
		       nvsim_booter_check(gpu, meta_pa, w, &abi);
		break;
	}
	if (code) {
		nvsim_stat_inc(gpu, NVSIM_S_BOOT_FAILURES);
		pr_warn_ratelimited("nvsim: GPU %u: booter failed with code %d\n",
				    gpu->index, code);
		gpu->fw.no_init_done = false;
		gpu->fw.seq_poll_forever = false;
		gpu->fw.seq_delay_forever = false;
		nvsim_sec2_finish(gpu, code);
		return false;
	}
	WRITE_ONCE(gpu->abi, abi);
	pr_info("nvsim: GPU %u: GSP-RM %s starts%s\n", gpu->index, abi->version,
		gpu->fw_forced ? " (forced by fw=)" : "");
	/* Like the real booter, mark the metadata verified (best effort). */
	nvsim_dma_write(gpu, meta_pa + offsetof(struct nvsim_wpr_meta, verified),
			&(u64){ cpu_to_le64(GSP_FW_WPR_META_VERIFIED) }, sizeof(u64));

	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.wpr2_lo = (u32)(w->gspFwWprStart >> NVSIM_WPR2_ADDR_SHIFT) << 4;
	gpu->regs.wpr2_hi = (u32)(w->gspFwWprEnd >> NVSIM_WPR2_ADDR_SHIFT) << 4;
	gpu->regs.bsi_scratch14 |=
		NV_PGC6_BSI_SECURE_SCRATCH_14_BOOT_STAGE_3_HANDOFF__MASK;
	gpu->regs.rm_running = true;
	gpu->regs.gsp_killed = false;
	gpu->regs.riscv_active = true;
	gpu->regs.gsp.halted = false;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	nvsim_sec2_finish(gpu, 0);
	return true;
}
