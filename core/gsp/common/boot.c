// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP boot and shutdown.
 *
 * DOC: GSP-RM boot
 *
 * Fact sheet §5.7, SEC2 booter flow (Turing, Ampere, Ada):
 *
 * 1. request the GSP image (ELF, ``.fwimage`` plus the chip family's
 *    signature section) and the RISC-V bootloader;
 * 2. check that WPR2 is not set up already and compute the FB layout
 *    (§5.3) from the VRAM size;
 * 3. build in DMA memory: the radix3 page table of the image, the
 *    bootloader payload, the signature, the three LIBOS log buffers, the
 *    shared queue memory with its page table, GSP_ARGUMENTS_CACHED, the
 *    LIBOS argument array and GspFwWprMeta;
 * 4. queue GSP_SET_SYSTEM_INFO and SET_REGISTRY before the GSP runs;
 * 5. hand the WPR metadata to the SEC2 booter, start GSP-RM's RISC-V core
 *    (seq.c) and poll the status queue for GSP_INIT_DONE, running the CPU
 *    sequencer programs that arrive meanwhile;
 * 6. fetch the static configuration, switch receive to the interrupt and
 *    create nvcore's own RM client, device and subdevice.
 *
 * Every step has a bounded wait. When boot fails, the firmware logs are
 * copied to debugfs (``nvcore/last_failed_boot``) before everything is
 * freed, so the reason can still be read. Shutdown reverses it:
 * UNLOADING_GUEST_DRIVER, wait for the GSP to halt, the unload booter
 * clears WPR2, then memory is freed.
 */
#include <linux/debugfs.h>
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <nvrm/common/libos_log.h>
#include <nvrm/common/msgq.h>
#include <nvrm/common/regs.h>

#include "../../nvcore.h"
#include "../gsp.h"
#include "msgq.h"
#include "../fw.h"
#include "fwlog.h"

static unsigned int boot_timeout_ms = 5000;
module_param(boot_timeout_ms, uint, 0644);
MODULE_PARM_DESC(boot_timeout_ms, "Time GSP-RM has to report INIT_DONE (default 5000)");

#define NVC_LOG_SIZE		SZ_64K
#define NVC_LOG_SUMMARY		128
#define NVC_RADIX3_ENTRIES	512u
#define NVC_GSP_HALT_MAILBOX	0x80000000u
#define NVC_SIG_ALIGN		256

static const char * const nvc_log_names[NVC_GSP_NR_LOGS] = {
	"LOGINIT", "LOGINTR", "LOGRM",
};

/* Firmware logs of the last failed boot, kept for debugfs. */
static DEFINE_MUTEX(nvc_failed_log_lock);	/* protects nvc_failed_log */
static char *nvc_failed_log;

static int nvc_dma_alloc(struct nvc_gsp *gsp, struct nvc_dma *m, size_t size)
{
	m->va = dma_alloc_coherent(gsp->gpu->dev, size, &m->dma, GFP_KERNEL);
	if (!m->va)
		return -ENOMEM;
	m->size = size;
	return 0;
}

static void nvc_dma_free(struct nvc_gsp *gsp, struct nvc_dma *m)
{
	if (m->va)
		dma_free_coherent(gsp->gpu->dev, m->size, m->va, m->dma);
	m->va = NULL;
}

static int nvc_gsp_load_fw(struct nvc_gsp *gsp)
{
	struct nvc_gpu *gpu = gsp->gpu;
	char path[64];
	int ret;

	/* The GSP image, its version and ops (fw.c, DOC: firmware versions). */
	ret = nvc_fw_request(gsp);
	if (ret)
		return ret;

	snprintf(path, sizeof(path), "nvidia/%s/gsp/bootloader-%s.bin",
		 gpu->chip.name, gsp->fw_version);
	ret = request_firmware(&gsp->bl_fw, path, gpu->dev);
	if (ret) {
		dev_err(gpu->dev, "nvcore: cannot load firmware %s (%d)\n", path, ret);
		return ret;
	}
	ret = nvc_fw_bl_parse(gsp->bl_fw->data, gsp->bl_fw->size, &gsp->bl);
	if (ret) {
		dev_err(gpu->dev, "nvcore: %s is not a valid bootloader (%d)\n", path, ret);
		return ret;
	}
	return 0;
}

static void nvc_gsp_free_image(struct nvc_gsp *gsp)
{
	unsigned int i;

	for (i = 0; i < gsp->nr_img_pages; i++) {
		if (!gsp->img_pages[i])
			continue;
		dma_unmap_page(gsp->gpu->dev, gsp->img_dma[i], PAGE_SIZE,
			       DMA_TO_DEVICE);
		__free_page(gsp->img_pages[i]);
	}
	kvfree(gsp->img_pages);
	kvfree(gsp->img_dma);
	gsp->img_pages = NULL;
	gsp->img_dma = NULL;
	gsp->nr_img_pages = 0;
	nvc_dma_free(gsp, &gsp->radix3);
}

/* Image pages one by one (no large contiguous allocation), then radix3. */
static int nvc_gsp_build_radix3(struct nvc_gsp *gsp)
{
	size_t size = gsp->image.image_size;
	unsigned int n = DIV_ROUND_UP(size, PAGE_SIZE), nl2, i;
	u64 *lvl;
	int ret;

	BUILD_BUG_ON(PAGE_SIZE != NVRM_GSP_PAGE_SIZE);
	nl2 = DIV_ROUND_UP(n, NVC_RADIX3_ENTRIES);
	if (!n || nl2 > NVC_RADIX3_ENTRIES)
		return -EFBIG;

	gsp->img_pages = kvcalloc(n, sizeof(*gsp->img_pages), GFP_KERNEL);
	gsp->img_dma = kvcalloc(n, sizeof(*gsp->img_dma), GFP_KERNEL);
	if (!gsp->img_pages || !gsp->img_dma) {
		ret = -ENOMEM;
		goto err;
	}
	gsp->nr_img_pages = n;
	for (i = 0; i < n; i++) {
		size_t off = (size_t)i * PAGE_SIZE;
		struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

		if (!page) {
			ret = -ENOMEM;
			goto err;
		}
		memcpy(page_address(page), gsp->image.image + off,
		       min_t(size_t, PAGE_SIZE, size - off));
		gsp->img_dma[i] = dma_map_page(gsp->gpu->dev, page, 0, PAGE_SIZE,
					       DMA_TO_DEVICE);
		if (dma_mapping_error(gsp->gpu->dev, gsp->img_dma[i])) {
			__free_page(page);
			ret = -ENOMEM;
			goto err;
		}
		gsp->img_pages[i] = page;
	}

	ret = nvc_dma_alloc(gsp, &gsp->radix3, (2 + nl2) * PAGE_SIZE);
	if (ret)
		goto err;
	lvl = gsp->radix3.va;
	lvl[0] = gsp->radix3.dma + PAGE_SIZE;
	lvl += NVC_RADIX3_ENTRIES;
	for (i = 0; i < nl2; i++)
		lvl[i] = gsp->radix3.dma + (2 + i) * PAGE_SIZE;
	lvl += NVC_RADIX3_ENTRIES;
	for (i = 0; i < n; i++)
		lvl[i] = gsp->img_dma[i];
	return 0;

err:
	nvc_gsp_free_image(gsp);
	return ret;
}

/* FB layout from the top of VRAM down (fact sheet §5.3). */
static int nvc_gsp_fb_layout(struct nvc_gsp *gsp)
{
	const struct nvc_fw_heap *hp = gsp->fwops->heap;
	struct nvc_gpu *gpu = gsp->gpu;
	u64 fb = (u64)nvc_rd32(gpu, NV_PGC6_AON_SECURE_SCRATCH_GROUP_42) << 20;
	u64 carve, min, max, heap;
	u32 vga;

	if (!fb) {
		dev_err(gpu->dev, "nvcore: VRAM size unknown (GFW not done?)\n");
		return -ENODEV;
	}
	gsp->fb.size = fb;
	vga = nvc_rd32(gpu, 0x625f04);
	gsp->fb.vga_base = fb - SZ_1M;
	if (vga & BIT(3)) {
		u64 base = (u64)(vga >> 8) << 16;

		if (base < fb && base >= fb - SZ_1M)
			gsp->fb.vga_base = base;
	}
	gsp->fb.wpr_end = ALIGN_DOWN(gsp->fb.vga_base, SZ_128K);
	gsp->fb.frts_base = gsp->fb.wpr_end - SZ_1M;
	gsp->fb.bl_base = ALIGN_DOWN(gsp->fb.frts_base - gsp->bl.data_size, SZ_4K);
	gsp->fb.elf_base = ALIGN_DOWN(gsp->fb.bl_base - gsp->image.image_size,
				      SZ_64K);

	if (gpu->chip.arch == NVC_ARCH_TURING) {
		carve = hp->os_libos2;
		min = (u64)hp->min_libos2_mb << 20;
		max = (u64)hp->max_libos2_mb << 20;
	} else {
		carve = hp->os_libos3;
		min = (u64)hp->min_libos3_mb << 20;
		max = (u64)hp->max_libos3_mb << 20;
	}
	heap = carve + hp->base_rm + ALIGN(hp->per_gb_fb * (fb >> 30), SZ_1M) +
	       ALIGN(hp->client_alloc, SZ_1M);
	gsp->fb.heap_size = clamp(heap, min, max);
	gsp->fb.heap_base = ALIGN_DOWN(gsp->fb.elf_base - gsp->fb.heap_size,
				       SZ_1M);
	gsp->fb.wpr_start = ALIGN_DOWN(gsp->fb.heap_base - hp->wpr_meta_size,
				       SZ_1M);
	gsp->fb.nonwpr_size = SZ_1M;
	gsp->fb.nonwpr_base = gsp->fb.wpr_start - gsp->fb.nonwpr_size;
	return 0;
}

static int nvc_gsp_build_args(struct nvc_gsp *gsp)
{
	unsigned int i, j;
	u64 *pte;
	int ret;

	for (i = 0; i < NVC_GSP_NR_LOGS; i++) {
		ret = nvc_dma_alloc(gsp, &gsp->logs[i], NVC_LOG_SIZE);
		if (ret)
			return ret;
		pte = gsp->logs[i].va;
		for (j = 0; j < NVC_LOG_SIZE / PAGE_SIZE; j++)
			pte[1 + j] = gsp->logs[i].dma + j * PAGE_SIZE;
	}

	ret = nvc_dma_alloc(gsp, &gsp->shm, NVRM_SHM_SIZE);
	if (ret)
		return ret;
	pte = gsp->shm.va;
	for (i = 0; i < NVRM_SHM_PTE_COUNT; i++)
		pte[i] = gsp->shm.dma + i * PAGE_SIZE;
	gsp->cmdq = gsp->shm.va + NVRM_SHM_CMDQ_OFF;
	gsp->statq = gsp->shm.va + NVRM_SHM_STATQ_OFF;
	gsp->cmdq_entries = (u8 *)gsp->cmdq + NVRM_MSGQ_ENTRY_OFF;
	gsp->statq_entries = (u8 *)gsp->statq + NVRM_MSGQ_ENTRY_OFF;
	/* SWAP_RX: each side publishes its read pointer in its own queue. */
	gsp->statq_rptr = (void *)((u8 *)gsp->cmdq + NVRM_MSGQ_RXHDR_OFF);
	gsp->cmdq_rptr = (void *)((u8 *)gsp->statq + NVRM_MSGQ_RXHDR_OFF);
	nvc_msgq_hdr_init(gsp->cmdq);

	ret = nvc_dma_alloc(gsp, &gsp->rmargs, PAGE_SIZE);
	if (ret)
		return ret;
	gsp->fwops->fill_rmargs(gsp, gsp->rmargs.va);

	ret = nvc_dma_alloc(gsp, &gsp->libos, PAGE_SIZE);
	if (ret)
		return ret;
	gsp->fwops->fill_libos(gsp, gsp->libos.va);

	ret = nvc_dma_alloc(gsp, &gsp->blbuf, gsp->bl.data_size);
	if (ret)
		return ret;
	memcpy(gsp->blbuf.va, gsp->bl.data, gsp->bl.data_size);
	ret = nvc_dma_alloc(gsp, &gsp->sigbuf, ALIGN(gsp->image.sig_size, NVC_SIG_ALIGN));
	if (ret)
		return ret;
	memcpy(gsp->sigbuf.va, gsp->image.sig, gsp->image.sig_size);

	ret = nvc_dma_alloc(gsp, &gsp->wpr_meta, PAGE_SIZE);
	if (ret)
		return ret;
	gsp->fwops->fill_wpr_meta(gsp, gsp->wpr_meta.va);
	return 0;
}

static void nvc_gsp_free_args(struct nvc_gsp *gsp)
{
	unsigned int i;

	nvc_dma_free(gsp, &gsp->wpr_meta);
	nvc_dma_free(gsp, &gsp->sigbuf);
	nvc_dma_free(gsp, &gsp->blbuf);
	nvc_dma_free(gsp, &gsp->libos);
	nvc_dma_free(gsp, &gsp->rmargs);
	nvc_dma_free(gsp, &gsp->shm);
	for (i = 0; i < NVC_GSP_NR_LOGS; i++)
		nvc_dma_free(gsp, &gsp->logs[i]);
}

static int nvc_gsp_wait_init_done(struct nvc_gsp *gsp)
{
	ktime_t end = ktime_add_ms(ktime_get(), boot_timeout_ms);

	while (!completion_done(&gsp->init_done)) {
		nvc_rpc_drain(gsp);
		if (READ_ONCE(gsp->dead))
			return -ENODEV;
		if (completion_done(&gsp->init_done))
			break;
		if (ktime_after(ktime_get(), end)) {
			dev_err(gsp->gpu->dev,
				"nvcore: GSP-RM did not report INIT_DONE within %u ms (%u sequencer programs run)\n",
				boot_timeout_ms, gsp->seq_runs);
			return -ETIMEDOUT;
		}
		usleep_range(20, 100);
	}
	if (gsp->init_status) {
		dev_err(gsp->gpu->dev, "nvcore: GSP-RM INIT_DONE with status %#x\n",
			gsp->init_status);
		return -EIO;
	}
	return 0;
}

/* The logging ELF section of each log (OGKM kernel_gsp.c, logInitValues). */
static const char * const nvc_log_sections[NVC_GSP_NR_LOGS] = {
	LIBOS_LOG_SECTION_INIT, LIBOS_LOG_SECTION_RM, LIBOS_LOG_SECTION_RM,
};

static const char * const nvc_log_tasks[NVC_GSP_NR_LOGS] = {
	"INIT", "INTR", "RM",
};

/**
 * nvc_gsp_logs_show() - decode one firmware log buffer
 * @gsp: the GSP
 * @which: 0 LOGINIT, 1 LOGINTR, 2 LOGRM
 * @buf: output
 * @size: its size
 *
 * The buffer is copied first, between two reads of its put pointer, so
 * the decoder (fwlog.c) works on a stable snapshot and skips what the GSP
 * overwrote meanwhile. Records are decoded with the logging ELF of the
 * loaded firmware image; without one only a summary is shown (the raw
 * buffer stays readable in debugfs).
 *
 * Return: bytes written.
 */
int nvc_gsp_logs_show(struct nvc_gsp *gsp, unsigned int which, char *buf,
		      size_t size)
{
	struct nvc_fwlog_result res = {};
	struct nvc_fwlog_elf *le;
	const struct nvc_dma *m;
	u64 put1, put2, entries, oldest;
	char summary[NVC_LOG_SUMMARY];
	u32 *scratch = NULL;
	u64 *snap = NULL;
	size_t len = 0, dlen;
	int ret, n;

	if (which >= NVC_GSP_NR_LOGS || !gsp->logs[which].va || size < 2)
		return 0;
	m = &gsp->logs[which];
	entries = m->size / 8 - 1;
	le = kzalloc(sizeof(*le), GFP_KERNEL);
	snap = kvmalloc(m->size, GFP_KERNEL);
	scratch = kvmalloc_array(entries / 2 + 1, sizeof(*scratch), GFP_KERNEL);
	if (!le || !snap || !scratch)
		goto out;

	put1 = READ_ONCE(*(u64 *)m->va);
	smp_rmb();	/* the GSP writes records before put */
	memcpy(snap, m->va, m->size);
	smp_rmb();	/* the copy before the second look at put */
	put2 = READ_ONCE(*(u64 *)m->va);
	/* Words the GSP may have overwritten while we copied are stale. */
	oldest = max(put1, put2) > entries ? max(put1, put2) - entries : 0;

	ret = gsp->fw ? nvc_fwlog_elf_from_image(le, gsp->fw->data,
						 gsp->fw->size,
						 nvc_log_sections[which]) :
			-ENOENT;
	if (ret) {
		len = scnprintf(buf, size,
				"%s: put %llu, no logging ELF in the firmware image (%d): raw buffer only\n",
				nvc_log_names[which], put1, ret);
		goto out;
	}
	/* Decode after room for the summary line, then put it in front. */
	if (size <= NVC_LOG_SUMMARY)
		goto out;
	dlen = nvc_fwlog_decode(le, nvc_log_tasks[which], snap + 1, entries,
				put1, oldest, scratch, entries / 2 + 1,
				buf + NVC_LOG_SUMMARY, size - NVC_LOG_SUMMARY,
				&res);
	n = scnprintf(summary, sizeof(summary),
		      "%s: put %llu, %llu records%s%s%s, %llu words not decoded\n",
		      nvc_log_names[which], put1, res.records,
		      res.wrapped ? ", wrapped" : "",
		      res.bad_meta ? ", bad metadata" : "",
		      res.truncated ? ", truncated" : "", res.lost);
	memmove(buf + n, buf + NVC_LOG_SUMMARY, dlen + 1);
	memcpy(buf, summary, n);
	len = n + dlen;
out:
	kvfree(scratch);
	kvfree(snap);
	kfree(le);
	return len;
}

/**
 * nvc_gsp_logs_raw() - copy one firmware log buffer as it is
 * @gsp: the GSP
 * @which: 0 LOGINIT, 1 LOGINTR, 2 LOGRM
 * @buf: output
 * @size: its size
 *
 * For offline decoding with the firmware's logging ELF (nouveau exposes
 * the same buffers in debugfs).
 *
 * Return: bytes copied.
 */
int nvc_gsp_logs_raw(struct nvc_gsp *gsp, unsigned int which, char *buf,
		     size_t size)
{
	size_t n;

	if (which >= NVC_GSP_NR_LOGS || !gsp->logs[which].va)
		return 0;
	n = min(size, gsp->logs[which].size);
	memcpy(buf, gsp->logs[which].va, n);
	return n;
}

static int nvc_failed_log_show(struct seq_file *s, void *unused)
{
	mutex_lock(&nvc_failed_log_lock);
	seq_puts(s, nvc_failed_log ?: "");
	mutex_unlock(&nvc_failed_log_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvc_failed_log);

/* Keep the firmware logs of a failed boot (nouveau's keep_gsp_logging). */
static void nvc_gsp_keep_logs(struct nvc_gsp *gsp, int err)
{
	size_t size = 3 * SZ_64K;
	char *text;
	int len, i;

	text = kvzalloc(size, GFP_KERNEL);
	if (!text)
		return;
	len = scnprintf(text, size, "%s: GSP boot failed: %d\n",
			dev_name(gsp->gpu->dev), err);
	for (i = 0; i < NVC_GSP_NR_LOGS; i++)
		len += nvc_gsp_logs_show(gsp, i, text + len, size - len);

	mutex_lock(&nvc_failed_log_lock);
	kvfree(nvc_failed_log);
	nvc_failed_log = text;
	mutex_unlock(&nvc_failed_log_lock);
}

/**
 * nvc_gsp_debugfs_init() - module-wide GSP debugfs files
 * @root: nvcore's debugfs directory
 */
void nvc_gsp_debugfs_init(struct dentry *root)
{
	debugfs_create_file("last_failed_boot", 0400, root, NULL,
			    &nvc_failed_log_fops);
}

/**
 * nvc_gsp_debugfs_fini() - free what the module-wide files show
 */
void nvc_gsp_debugfs_fini(void)
{
	kvfree(nvc_failed_log);
	nvc_failed_log = NULL;
}

static int nvc_gsp_unload(struct nvc_gsp *gsp)
{
	struct nvc_gpu *gpu = gsp->gpu;
	u32 v;
	int ret;

	ret = gsp->fwops->unload(gsp);
	if (ret)
		return ret;
	ret = read_poll_timeout(nvc_rd32, v, v == NVC_GSP_HALT_MAILBOX, 20,
				2000000, false, gpu, NV_PGSP_FALCON_MAILBOX0);
	if (ret)
		return ret;
	return 0;
}

/* The unload booter tears WPR2 down so that the GPU can boot again. */
static int nvc_gsp_booter_unload(struct nvc_gsp *gsp)
{
	struct nvc_gpu *gpu = gsp->gpu;
	u32 v;
	int ret;

	if (!nvc_rd32(gpu, NV_PFB_PRI_MMU_WPR2_ADDR_HI))
		return 0;
	nvc_wr32(gpu, NVRM_FALCON_SEC2_BASE + NV_PFALCON_FALCON_MAILBOX0, 0xff);
	nvc_wr32(gpu, NVRM_FALCON_SEC2_BASE + NV_PFALCON_FALCON_MAILBOX1, 0xff);
	nvc_wr32(gpu, NVRM_FALCON_SEC2_BASE + NV_PFALCON_FALCON_CPUCTL,
		 NV_PFALCON_FALCON_CPUCTL_STARTCPU__MASK);
	ret = read_poll_timeout(nvc_rd32, v, !v, 20, 2000000, false, gpu,
				NV_PFB_PRI_MMU_WPR2_ADDR_HI);
	if (ret)
		dev_err(gpu->dev, "nvcore: unload booter left WPR2 in place\n");
	return ret;
}

static void nvc_gsp_release(struct nvc_gsp *gsp)
{
	/* Nothing on the GPU may touch our memory once it is freed. */
	nvc_gsp_falcon_reset(gsp);
	nvc_rpc_disable_irq(gsp);
	nvc_rpc_fini(gsp);
	nvc_gsp_free_args(gsp);
	nvc_gsp_free_image(gsp);
	release_firmware(gsp->bl_fw);
	release_firmware(gsp->fw);
	kvfree(gsp->static_info);
}

static int nvc_gsp_rm_init(struct nvc_gsp *gsp)
{
	gsp->h_client = NVC_H_CLIENT(0);
	gsp->h_device = NVC_H_DEVICE;
	gsp->h_subdevice = NVC_H_SUBDEVICE;
	return gsp->fwops->client_create(gsp, gsp->h_client, "nvcore");
}

/**
 * nvc_gsp_init() - boot GSP-RM on a GPU and enumerate it
 * @gpu: the GPU, identified, with a working bus backend
 *
 * Return: 0, or a negative errno with every resource released.
 */
int nvc_gsp_init(struct nvc_gpu *gpu)
{
	ktime_t t0 = ktime_get();
	struct nvc_gsp *gsp;
	int ret;

	gsp = kzalloc(sizeof(*gsp), GFP_KERNEL);
	if (!gsp)
		return -ENOMEM;
	gsp->gpu = gpu;
	init_completion(&gsp->init_done);
	ret = nvc_rpc_init(gsp);
	if (ret) {
		kfree(gsp);
		return ret;
	}
	gpu->gsp = gsp;

	if (nvc_rd32(gpu, NV_PFB_PRI_MMU_WPR2_ADDR_HI)) {
		dev_err(gpu->dev, "nvcore: WPR2 already set up: the GPU needs a reset before GSP-RM can boot\n");
		ret = -EBUSY;
		goto err;
	}
	ret = nvc_gsp_load_fw(gsp);
	if (ret)
		goto err;
	ret = nvc_gsp_fb_layout(gsp);
	if (ret)
		goto err;
	ret = nvc_gsp_build_radix3(gsp);
	if (ret)
		goto err;
	ret = nvc_gsp_build_args(gsp);
	if (ret)
		goto err;
	ret = gsp->fwops->queue_sysinfo(gsp);
	if (!ret)
		ret = gsp->fwops->queue_registry(gsp);
	if (ret)
		goto err;

	ret = nvc_gsp_boot_riscv(gsp);
	if (ret)
		goto err_logs;
	ret = nvc_gsp_wait_init_done(gsp);
	if (ret)
		goto err_logs;
	gsp->boot_ns = ktime_to_ns(ktime_sub(ktime_get(), t0));

	ret = gsp->fwops->get_static_info(gsp);
	if (ret) {
		dev_err(gpu->dev, "nvcore: GET_GSP_STATIC_INFO failed (%d)\n", ret);
		goto err_unload;
	}
	ret = nvc_rpc_enable_irq(gsp);
	if (ret)
		goto err_unload;
	ret = nvc_gsp_rm_init(gsp);
	if (ret) {
		dev_err(gpu->dev, "nvcore: cannot create the RM client (%d)\n", ret);
		goto err_unload;
	}
	ret = nvc_gpu_enumerate(gpu, gsp);
	if (ret) {
		dev_err(gpu->dev, "nvcore: hardware enumeration failed (%d)\n", ret);
		goto err_rm;
	}
	nvc_rpc_enable_nonstall(gsp);
	dev_info(gpu->dev, "nvcore: GSP-RM %s (version from %s) booted in %llu us\n",
		 gsp->fw_version, gsp->fw_version_src, gsp->boot_ns / 1000);
	return 0;

err_rm:
	nvc_rm_free(gsp, gsp->h_client, 0, gsp->h_client);
err_unload:
	if (!READ_ONCE(gsp->dead))
		nvc_gsp_unload(gsp);
err_logs:
	nvc_gsp_keep_logs(gsp, ret);
	nvc_gsp_booter_unload(gsp);
err:
	gpu->gsp = NULL;
	nvc_gsp_release(gsp);
	kfree(gsp);
	return ret;
}

/**
 * nvc_gsp_fini() - shut GSP-RM down and free everything nvc_gsp_init() set up
 * @gpu: the GPU
 */
void nvc_gsp_fini(struct nvc_gpu *gpu)
{
	struct nvc_gsp *gsp = gpu->gsp;

	if (!gsp)
		return;
	if (!READ_ONCE(gsp->dead)) {
		nvc_rm_free(gsp, gsp->h_client, 0, gsp->h_client);
		if (nvc_gsp_unload(gsp))
			dev_warn(gpu->dev, "nvcore: GSP-RM did not unload cleanly\n");
	}
	nvc_gsp_booter_unload(gsp);
	gpu->gsp = NULL;
	nvc_gsp_release(gsp);
	kfree(gsp);
}
