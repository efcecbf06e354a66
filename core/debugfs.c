// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore debugfs: /sys/kernel/debug/nvcore/
 *
 *   last_failed_boot     firmware logs of the last GSP boot that failed
 *   gpuN/info            hardware configuration
 *   gpuN/rpc_stats       transport counters
 *   gpuN/rpc_history     recent RPCs: function, sequence, start, duration, result
 *   gpuN/log_init, log_intr, log_rm   GSP-RM's log buffers, decoded
 *   gpuN/loginit, logintr, logrm      the same buffers, raw (binary)
 *   gpuN/resources       resource map: GPU pools, clients, partitions, usage
 *
 * The test module nvcore_test.ko adds gpuN/rpc_selftest and gpuN/bench
 * (see core/test/main.c and core/testif.c).
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "nvcore.h"
#include "gsp/gsp.h"
#include "testif.h"

#define NVC_DBG_BUF	(192 * 1024)

static struct dentry *nvc_dbg_root;

/**
 * nvc_dbg_gsp_get() - hold the GSP for a debugfs file
 * @gpu: the GPU
 *
 * Files that look at the GSP hold it for reading; while recovery replaces
 * it they fail with -EBUSY instead of waiting, and once the GPU is going
 * they are refused.
 *
 * Return: true with &nvc_res.rec.gsp_sem held for reading and a GSP
 * present, false (nothing held) while recovery replaces it or the GPU goes.
 */
bool nvc_dbg_gsp_get(struct nvc_gpu *gpu)
{
	if (READ_ONCE(gpu->going) || !down_read_trylock(&gpu->res.rec.gsp_sem))
		return false;
	if (gpu->gsp)
		return true;
	up_read(&gpu->res.rec.gsp_sem);
	return false;
}

/**
 * nvc_dbg_gsp_put() - release what nvc_dbg_gsp_get() took
 * @gpu: the GPU
 */
void nvc_dbg_gsp_put(struct nvc_gpu *gpu)
{
	up_read(&gpu->res.rec.gsp_sem);
}

static int nvc_dbg_show(struct seq_file *s,
			int (*fn)(struct nvc_gpu *gpu, char *buf, size_t size))
{
	struct nvc_gpu *gpu = s->private;
	char *buf = kvzalloc(NVC_DBG_BUF, GFP_KERNEL);
	int len;

	if (!buf)
		return -ENOMEM;
	if (!nvc_dbg_gsp_get(gpu)) {
		kvfree(buf);
		return -EBUSY;
	}
	len = fn(gpu, buf, NVC_DBG_BUF);
	nvc_dbg_gsp_put(gpu);
	if (len > 0)
		seq_write(s, buf, len);
	kvfree(buf);
	return 0;
}

static int nvc_info_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	const struct nvc_gpu_info *i = &gpu->info;

	return scnprintf(buf, size,
			 "chip %s\nname %s\nvram %llu\nusable %llu\nregions %u\nengines %u\ncopy_engines %u\nheads %u\nfirmware %s\nboot_us %llu\nbus %s\n",
			 i->chip, i->name, i->vram_size, i->vram_usable,
			 i->nr_vram_regions, i->nr_engines, i->nr_copy_engines,
			 i->nr_display_heads, i->fw_version,
			 gpu->boot_ns / 1000, gpu->bus->name);
}

static int nvc_stats_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	return nvc_rpc_stats_show(gpu->gsp, buf, size);
}

static int nvc_hist_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	return nvc_rpc_hist_show(gpu->gsp, buf, size);
}

static int nvc_log0_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	return nvc_gsp_logs_show(gpu->gsp, 0, buf, size);
}

static int nvc_log1_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	return nvc_gsp_logs_show(gpu->gsp, 1, buf, size);
}

static int nvc_log2_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	return nvc_gsp_logs_show(gpu->gsp, 2, buf, size);
}

static int nvc_raw0_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	return nvc_gsp_logs_raw(gpu->gsp, 0, buf, size);
}

static int nvc_raw1_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	return nvc_gsp_logs_raw(gpu->gsp, 1, buf, size);
}

static int nvc_raw2_fmt(struct nvc_gpu *gpu, char *buf, size_t size)
{
	return nvc_gsp_logs_raw(gpu->gsp, 2, buf, size);
}

#define NVC_DBG_FILE(name)						\
static int name##_show(struct seq_file *s, void *unused)		\
{									\
	return nvc_dbg_show(s, name##_fmt);				\
}									\
DEFINE_SHOW_ATTRIBUTE(name)

NVC_DBG_FILE(nvc_info);
NVC_DBG_FILE(nvc_stats);
NVC_DBG_FILE(nvc_hist);
NVC_DBG_FILE(nvc_log0);
NVC_DBG_FILE(nvc_log1);
NVC_DBG_FILE(nvc_log2);
NVC_DBG_FILE(nvc_raw0);
NVC_DBG_FILE(nvc_raw1);
NVC_DBG_FILE(nvc_raw2);

static int nvc_resources_show(struct seq_file *s, void *unused)
{
	char *buf = kvzalloc(NVC_DBG_BUF, GFP_KERNEL);
	int len;

	if (!buf)
		return -ENOMEM;
	len = nvc_res_debugfs_show(s->private, buf, NVC_DBG_BUF);
	seq_write(s, buf, len);
	kvfree(buf);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nvc_resources);

/**
 * nvc_debugfs_gpu_init() - create gpuN/ for a booted GPU
 * @gpu: the GPU
 */
void nvc_debugfs_gpu_init(struct nvc_gpu *gpu)
{
	char name[16];

	snprintf(name, sizeof(name), "gpu%d", gpu->index);
	gpu->dbg = debugfs_create_dir(name, nvc_dbg_root);
	debugfs_create_file("info", 0444, gpu->dbg, gpu, &nvc_info_fops);
	debugfs_create_file("rpc_stats", 0444, gpu->dbg, gpu, &nvc_stats_fops);
	debugfs_create_file("rpc_history", 0444, gpu->dbg, gpu, &nvc_hist_fops);
	debugfs_create_file("log_init", 0444, gpu->dbg, gpu, &nvc_log0_fops);
	debugfs_create_file("log_intr", 0444, gpu->dbg, gpu, &nvc_log1_fops);
	debugfs_create_file("log_rm", 0444, gpu->dbg, gpu, &nvc_log2_fops);
	debugfs_create_file("loginit", 0400, gpu->dbg, gpu, &nvc_raw0_fops);
	debugfs_create_file("logintr", 0400, gpu->dbg, gpu, &nvc_raw1_fops);
	debugfs_create_file("logrm", 0400, gpu->dbg, gpu, &nvc_raw2_fops);
	debugfs_create_file("resources", 0444, gpu->dbg, gpu, &nvc_resources_fops);
	nvc_test_gpu_added(gpu);
}

/**
 * nvc_debugfs_gpu_fini() - remove gpuN/ (waits for readers to finish)
 * @gpu: the GPU; &nvc_gpu.going is set, so the test module's self-tests
 *	and benchmarks in progress stop at their next RPC
 */
void nvc_debugfs_gpu_fini(struct nvc_gpu *gpu)
{
	nvc_test_gpu_removed(gpu);
	debugfs_remove_recursive(gpu->dbg);
	gpu->dbg = NULL;
}

/**
 * nvc_debugfs_init() - create /sys/kernel/debug/nvcore
 */
void nvc_debugfs_init(void)
{
	nvc_dbg_root = debugfs_create_dir("nvcore", NULL);
	nvc_gsp_debugfs_init(nvc_dbg_root);
}

/**
 * nvc_debugfs_fini() - remove it
 */
void nvc_debugfs_fini(void)
{
	debugfs_remove_recursive(nvc_dbg_root);
	nvc_gsp_debugfs_fini();
}
