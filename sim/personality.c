// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: firmware personalities.
 *
 * DOC: nvsim firmware personalities
 *
 * Where public sources leave GSP-RM's behaviour open, nvsim can play each
 * plausible variant, so that nvcore is tested against all of them rather
 * than against one convention both sides happen to share. The module
 * parameter ``personality=`` sets the default of every GPU, the per-GPU
 * debugfs file ``personality`` changes it at run time (it applies to the
 * next message). docs/nvsim.md lists each behaviour and its source.
 *
 * - ``ogkm535`` (default): status-queue messages are built the way OGKM-535
 *   message_queue_cpu.c builds them: zero-padded to the next 8 bytes only,
 *   the rest of the last page stale, checksum over whole elements; replies
 *   do not echo rpc.sequence (0); a failing control comes back with
 *   rpc_result 0 and the status in its params (OGKM kernel/vgpu/nv/rpc.c);
 *   a failing alloc or free in rpc_result (and the params' status).
 * - ``strict570``: ogkm535, and GSP-RM asserts (halts, as a failed assert
 *   does: OS_ERROR_LOG, then the HALT interrupt) when a non-zero
 *   rpc.sequence is not the previous non-zero one plus 1 (nouveau
 *   90caca3b7264: 570 firmware asserts on out-of-order RPC sequence
 *   numbers; 0, as OGKM and nouveau send for some RPCs, is not checked).
 * - ``echo``: replies echo rpc.sequence; messages are zero-padded to whole
 *   pages and checksummed over 0x30 + rpc.length (OGKM-570 non-CC range).
 * - ``terse``: ogkm535, and every reply whose rpc_result is not 0, and
 *   the replies of FREE and UNLOADING_GUEST_DRIVER, are header-only (OGKM
 *   reads nothing else of those replies).
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "nvsim.h"

static const char *const nvsim_personality_names[NVSIM_PERS_NR] = {
	[NVSIM_PERS_OGKM535] = "ogkm535",
	[NVSIM_PERS_STRICT570] = "strict570",
	[NVSIM_PERS_ECHO] = "echo",
	[NVSIM_PERS_TERSE] = "terse",
};

static enum nvsim_personality nvsim_default_pers = NVSIM_PERS_OGKM535;

static int nvsim_pers_param_set(const char *val, const struct kernel_param *kp)
{
	int v = sysfs_match_string(nvsim_personality_names, val);

	if (v < 0)
		return v;
	nvsim_default_pers = v;
	return 0;
}

static int nvsim_pers_param_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%s\n", nvsim_personality_names[nvsim_default_pers]);
}

static const struct kernel_param_ops nvsim_pers_param_ops = {
	.set = nvsim_pers_param_set,
	.get = nvsim_pers_param_get,
};

module_param_cb(personality, &nvsim_pers_param_ops, NULL, 0444);
MODULE_PARM_DESC(personality, "Firmware personality of every GPU: ogkm535 (default), strict570, echo or terse (docs/nvsim.md)");

/**
 * nvsim_personality_default() - the personality a new GPU starts with
 *
 * Return: the module parameter's value.
 */
enum nvsim_personality nvsim_personality_default(void)
{
	return nvsim_default_pers;
}

/**
 * nvsim_personality_name() - printable name
 * @p: a personality
 *
 * Return: a constant string.
 */
const char *nvsim_personality_name(enum nvsim_personality p)
{
	return p < NVSIM_PERS_NR ? nvsim_personality_names[p] : "?";
}

static ssize_t nvsim_pers_read(struct file *file, char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	struct nvsim_gpu *gpu = file->private_data;
	char buf[16];
	int n;

	n = scnprintf(buf, sizeof(buf), "%s\n",
		      nvsim_personality_name(READ_ONCE(gpu->personality)));
	return simple_read_from_buffer(ubuf, len, ppos, buf, n);
}

static ssize_t nvsim_pers_write(struct file *file, const char __user *ubuf,
				size_t len, loff_t *ppos)
{
	struct nvsim_gpu *gpu = file->private_data;
	int v;

	v = nvsim_dbg_choice(ubuf, len, nvsim_personality_names,
			     ARRAY_SIZE(nvsim_personality_names));
	if (v < 0)
		return v;
	WRITE_ONCE(gpu->personality, v);
	return len;
}

static const struct file_operations nvsim_pers_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = nvsim_pers_read,
	.write = nvsim_pers_write,
	.llseek = default_llseek,
};

/**
 * nvsim_personality_debugfs() - create the GPU's ``personality`` file
 * @gpu: the GPU, its debugfs directory created
 */
void nvsim_personality_debugfs(struct nvsim_gpu *gpu)
{
	debugfs_create_file("personality", 0600, gpu->dbg, gpu,
			    &nvsim_pers_fops);
}
