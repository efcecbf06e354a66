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
 *   gpuN/rpc_selftest    write "CALLERS COUNT [BYTES]": run the concurrent RPC
 *                        self-test (the write fails if any RPC did; it is
 *                        killable and stops when the GPU goes); read: the
 *                        GPU's last result
 *   gpuN/bench           write "run": run the benchmarks; read: JSON
 */
#include <linux/debugfs.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "nvcore.h"
#include "gsp/gsp.h"
#include "selftest.h"

#define NVC_DBG_BUF	(192 * 1024)

static struct dentry *nvc_dbg_root;

/**
 * struct nvc_dbg_results - results of the last self-test and benchmark
 *	run of one GPU
 * @lock: protects the two strings
 * @st: last self-test
 * @bench: last benchmark run (JSON)
 */
struct nvc_dbg_results {
	struct mutex lock;
	char st[128];
	char bench[1024];
};

/*
 * Files that look at the GSP hold it for reading; while recovery replaces
 * it they fail with -EBUSY instead of waiting, and once the GPU is going
 * they are refused.
 */
static bool nvc_dbg_gsp_get(struct nvc_gpu *gpu)
{
	if (READ_ONCE(gpu->going) || !down_read_trylock(&gpu->res.rec.gsp_sem))
		return false;
	if (gpu->gsp)
		return true;
	up_read(&gpu->res.rec.gsp_sem);
	return false;
}

static void nvc_dbg_gsp_put(struct nvc_gpu *gpu)
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

static ssize_t nvc_st_write(struct file *f, const char __user *ubuf,
			    size_t len, loff_t *ppos)
{
	struct nvc_gpu *gpu = file_inode(f)->i_private;
	struct nvc_st_result r;
	unsigned int callers, n, size = 64;
	char kbuf[48];
	int ret;

	if (len >= sizeof(kbuf))
		return -EINVAL;
	if (copy_from_user(kbuf, ubuf, len))
		return -EFAULT;
	kbuf[len] = 0;
	if (sscanf(kbuf, "%u %u %u", &callers, &n, &size) < 2 || !callers ||
	    callers > 64 || !n || n > 1000000 || size < 8 || size > SZ_4M)
		return -EINVAL;
	if (!nvc_dbg_gsp_get(gpu))
		return -ENODEV;
	ret = nvc_selftest_rpc(gpu->gsp, callers, n, size, &r);
	nvc_dbg_gsp_put(gpu);
	if (ret && ret != -EINTR && ret != -ENODEV)
		return ret;
	/* The outcome is kept, stopped or not; a bad one fails the write. */
	mutex_lock(&gpu->dbg_res->lock);
	scnprintf(gpu->dbg_res->st, sizeof(gpu->dbg_res->st),
		  "callers %u rpcs %u size %u ok %u bad %u first_err %d ms %llu\n",
		  callers, n, size, r.ok, r.bad, r.first_err, r.ns / 1000000);
	mutex_unlock(&gpu->dbg_res->lock);
	if (ret)
		return ret;
	if (r.bad)
		return r.first_err < 0 ? r.first_err : -EIO;
	return len;
}

static int nvc_st_show(struct seq_file *s, void *unused)
{
	struct nvc_gpu *gpu = s->private;

	mutex_lock(&gpu->dbg_res->lock);
	seq_puts(s, gpu->dbg_res->st);
	mutex_unlock(&gpu->dbg_res->lock);
	return 0;
}

static int nvc_st_open(struct inode *inode, struct file *file)
{
	return single_open(file, nvc_st_show, inode->i_private);
}

static const struct file_operations nvc_st_fops = {
	.owner = THIS_MODULE,
	.open = nvc_st_open,
	.read = seq_read,
	.write = nvc_st_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static ssize_t nvc_bench_write(struct file *f, const char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	struct nvc_gpu *gpu = file_inode(f)->i_private;
	char *text;
	int ret;

	text = kzalloc(sizeof(gpu->dbg_res->bench), GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	if (!nvc_dbg_gsp_get(gpu)) {
		kfree(text);
		return -ENODEV;
	}
	ret = nvc_bench_run(gpu->gsp, text, sizeof(gpu->dbg_res->bench));
	nvc_dbg_gsp_put(gpu);
	if (ret >= 0) {
		mutex_lock(&gpu->dbg_res->lock);
		strscpy(gpu->dbg_res->bench, text, sizeof(gpu->dbg_res->bench));
		mutex_unlock(&gpu->dbg_res->lock);
		ret = len;
	}
	kfree(text);
	return ret;
}

static int nvc_bench_show(struct seq_file *s, void *unused)
{
	struct nvc_gpu *gpu = s->private;

	mutex_lock(&gpu->dbg_res->lock);
	seq_puts(s, gpu->dbg_res->bench);
	mutex_unlock(&gpu->dbg_res->lock);
	return 0;
}

static int nvc_bench_open(struct inode *inode, struct file *file)
{
	return single_open(file, nvc_bench_show, inode->i_private);
}

static const struct file_operations nvc_bench_fops = {
	.owner = THIS_MODULE,
	.open = nvc_bench_open,
	.read = seq_read,
	.write = nvc_bench_write,
	.llseek = seq_lseek,
	.release = single_release,
};

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
	gpu->dbg_res = kzalloc(sizeof(*gpu->dbg_res), GFP_KERNEL);
	if (!gpu->dbg_res)
		return;
	mutex_init(&gpu->dbg_res->lock);
	debugfs_create_file("rpc_selftest", 0600, gpu->dbg, gpu, &nvc_st_fops);
	debugfs_create_file("bench", 0600, gpu->dbg, gpu, &nvc_bench_fops);
}

/**
 * nvc_debugfs_gpu_fini() - remove gpuN/ (waits for readers to finish)
 * @gpu: the GPU; &nvc_gpu.going is set, so self-tests and benchmarks
 *	in progress stop at their next RPC
 */
void nvc_debugfs_gpu_fini(struct nvc_gpu *gpu)
{
	debugfs_remove_recursive(gpu->dbg);
	gpu->dbg = NULL;
	if (gpu->dbg_res)
		mutex_destroy(&gpu->dbg_res->lock);
	kfree(gpu->dbg_res);
	gpu->dbg_res = NULL;
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
