// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore_test: nvcore's test module. Adds two files to each GPU's
 * directory /sys/kernel/debug/nvcore/gpuN/ while it is loaded:
 *
 *   rpc_selftest  write "CALLERS COUNT [BYTES]": run the concurrent RPC
 *                 self-test (the write fails if any RPC did; it is
 *                 killable and stops when the GPU goes); read: the GPU's
 *                 last result
 *   bench         write "run": run the benchmarks; read: JSON
 *
 * Production systems do not load it: nvcore.ko carries no test code, only
 * the hooks of core/testif.c this module registers with.
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "testif.h"
#include "selftest.h"

/**
 * struct nvc_tst_gpu - the test files of one GPU
 * @gpu: the GPU
 * @st_file: gpuN/rpc_selftest
 * @bench_file: gpuN/bench
 * @ctrl_file: gpuN/rm_control
 * @lock: protects @st and @bench
 * @st: last self-test result
 * @bench: last benchmark run (JSON)
 */
struct nvc_tst_gpu {
	struct nvc_gpu *gpu;
	struct dentry *st_file;
	struct dentry *bench_file;
	struct dentry *ctrl_file;
	struct mutex lock;
	char st[128];
	char bench[1024];
};

/* A debugfs write of @len bytes as a NUL-terminated string in @kbuf. */
static int nvc_tst_user_str(char *kbuf, size_t size, const char __user *ubuf,
			    size_t len)
{
	if (len >= size)
		return -EINVAL;
	if (copy_from_user(kbuf, ubuf, len))
		return -EFAULT;
	kbuf[len] = 0;
	return 0;
}

static ssize_t nvc_st_write(struct file *f, const char __user *ubuf,
			    size_t len, loff_t *ppos)
{
	struct nvc_tst_gpu *t = file_inode(f)->i_private;
	unsigned int callers, n, size = 64;
	struct nvc_st_result r;
	struct nvc_gsp *gsp;
	char kbuf[48];
	int ret;

	ret = nvc_tst_user_str(kbuf, sizeof(kbuf), ubuf, len);
	if (ret)
		return ret;
	if (sscanf(kbuf, "%u %u %u", &callers, &n, &size) < 2 || !callers ||
	    callers > 64 || !n || n > 1000000 || size < 8 || size > SZ_4M)
		return -EINVAL;
	gsp = nvc_test_gsp_get(t->gpu);
	if (!gsp)
		return -ENODEV;
	ret = nvc_selftest_rpc(t->gpu, gsp, callers, n, size, &r);
	nvc_test_gsp_put(t->gpu);
	if (ret && ret != -EINTR && ret != -ENODEV)
		return ret;
	/* The outcome is kept, stopped or not; a bad one fails the write. */
	mutex_lock(&t->lock);
	scnprintf(t->st, sizeof(t->st),
		  "callers %u rpcs %u size %u ok %u bad %u first_err %d ms %llu\n",
		  callers, n, size, r.ok, r.bad, r.first_err, r.ns / 1000000);
	mutex_unlock(&t->lock);
	if (ret)
		return ret;
	if (r.bad)
		return r.first_err < 0 ? r.first_err : -EIO;
	return len;
}

static ssize_t nvc_bench_write(struct file *f, const char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	struct nvc_tst_gpu *t = file_inode(f)->i_private;
	struct nvc_gsp *gsp;
	char *text;
	int ret;

	text = kzalloc(sizeof(t->bench), GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	gsp = nvc_test_gsp_get(t->gpu);
	if (!gsp) {
		kfree(text);
		return -ENODEV;
	}
	ret = nvc_bench_run(t->gpu, gsp, text, sizeof(t->bench));
	nvc_test_gsp_put(t->gpu);
	if (ret >= 0) {
		mutex_lock(&t->lock);
		strscpy(t->bench, text, sizeof(t->bench));
		mutex_unlock(&t->lock);
		ret = len;
	}
	kfree(text);
	return ret;
}

/*
 * gpuN/rm_control: "<cmd> <size>" (hex) sends that control, zero-filled, to
 * nvcore's subdevice; the write fails with GSP-RM's refusal as an errno.
 * Lets a test send a control in another firmware version's size.
 */
static ssize_t nvc_ctrl_write(struct file *f, const char __user *ubuf,
			      size_t len, loff_t *ppos)
{
	struct nvc_tst_gpu *t = file_inode(f)->i_private;
	struct nvc_gsp *gsp;
	u32 cmd, size;
	char kbuf[48];
	void *p;
	int ret;

	ret = nvc_tst_user_str(kbuf, sizeof(kbuf), ubuf, len);
	if (ret)
		return ret;
	if (sscanf(kbuf, "%x %x", &cmd, &size) != 2 || size > SZ_1M)
		return -EINVAL;
	p = kvzalloc(size ?: 1, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	gsp = nvc_test_gsp_get(t->gpu);
	if (!gsp) {
		kvfree(p);
		return -ENODEV;
	}
	ret = nvc_test_rm_control(gsp, cmd, p, size);
	nvc_test_gsp_put(t->gpu);
	kvfree(p);
	return ret ?: len;
}

static const struct file_operations nvc_ctrl_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = nvc_ctrl_write,
	.llseek = no_llseek,
};

static int nvc_st_show(struct seq_file *s, void *unused)
{
	struct nvc_tst_gpu *t = s->private;

	mutex_lock(&t->lock);
	seq_puts(s, t->st);
	mutex_unlock(&t->lock);
	return 0;
}

static int nvc_bench_show(struct seq_file *s, void *unused)
{
	struct nvc_tst_gpu *t = s->private;

	mutex_lock(&t->lock);
	seq_puts(s, t->bench);
	mutex_unlock(&t->lock);
	return 0;
}

static int nvc_st_open(struct inode *inode, struct file *file)
{
	return single_open(file, nvc_st_show, inode->i_private);
}

static int nvc_bench_open(struct inode *inode, struct file *file)
{
	return single_open(file, nvc_bench_show, inode->i_private);
}

static const struct file_operations nvc_st_fops = {
	.owner = THIS_MODULE,
	.open = nvc_st_open,
	.read = seq_read,
	.write = nvc_st_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static const struct file_operations nvc_bench_fops = {
	.owner = THIS_MODULE,
	.open = nvc_bench_open,
	.read = seq_read,
	.write = nvc_bench_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static void *nvc_tst_gpu_add(struct nvc_gpu *gpu, struct dentry *dir)
{
	struct nvc_tst_gpu *t;

	if (IS_ERR_OR_NULL(dir))
		return NULL;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return NULL;
	t->gpu = gpu;
	mutex_init(&t->lock);
	t->st_file = debugfs_create_file("rpc_selftest", 0600, dir, t,
					 &nvc_st_fops);
	t->bench_file = debugfs_create_file("bench", 0600, dir, t,
					    &nvc_bench_fops);
	t->ctrl_file = debugfs_create_file("rm_control", 0200, dir, t,
					   &nvc_ctrl_fops);
	return t;
}

/* Waits for writers in progress; they stop early once the GPU is going. */
static void nvc_tst_gpu_remove(struct nvc_gpu *gpu, void *data)
{
	struct nvc_tst_gpu *t = data;

	debugfs_remove(t->st_file);
	debugfs_remove(t->bench_file);
	debugfs_remove(t->ctrl_file);
	mutex_destroy(&t->lock);
	kfree(t);
}

static const struct nvc_test_ops nvc_tst_ops = {
	.gpu_add = nvc_tst_gpu_add,
	.gpu_remove = nvc_tst_gpu_remove,
};

static int __init nvc_tst_init(void)
{
	return nvc_test_register(&nvc_tst_ops);
}

static void __exit nvc_tst_exit(void)
{
	nvc_test_unregister(&nvc_tst_ops);
}

module_init(nvc_tst_init);
module_exit(nvc_tst_exit);

MODULE_DESCRIPTION("nvcore_test: transport self-test and benchmarks of nvcore (test only)");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NVCORE_INTERNAL);
