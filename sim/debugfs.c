// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: fault injection and statistics in debugfs.
 *
 * DOC: nvsim debugfs
 *
 * /sys/kernel/debug/nvsim/gpu<N>/:
 *
 * seed (rw, u64)
 *	Reseeds the PRNG that picks victims (which bit of a checksum, which
 *	length field, which bad pointer value). Writing the same seed again
 *	reproduces a run.
 * drop_reply, corrupt_csum, bad_length, bad_queue_ptr, repeat_seqnum,
 * skip_seqnum, lose_irq (rw, u32)
 *	Count knobs: the next N occurrences get the fault; reads show what is
 *	left. They act on status-queue (GSP to CPU) messages: drop_reply drops a
 *	reply silently; corrupt_csum flips one bit of checkSum; bad_length sets
 *	elemCount to 0 or 17, or rpc.length too small or one entry too large
 *	(checksum recomputed); bad_queue_ptr publishes an out-of-range writePtr
 *	(63..126; the next message publishes the right one again);
 *	repeat_seqnum reuses the previous seqNum; skip_seqnum skips one;
 *	lose_irq does not raise SWGEN0 for a message.
 * delay_reply_ms (rw, u32)
 *	Every reply is delayed by this many milliseconds while non-zero.
 * hang (rw, 0/1)
 *	While 1 GSP-RM does not consume the command queue (no replies); crash
 *	and reset still work. The unload booter (tearing that GSP-RM instance
 *	down) clears it, so a reboot recovers, as from a real firmware hang.
 * crash (wo)
 *	Writing 1 makes GSP-RM send OS_ERROR_LOG (exceptType 120, "GSP crash
 *	injected") if the queue has room, then halt: GSP MAILBOX0 = 0xbad000ff,
 *	CPUCTL HALTED, HALT in IRQSTAT (interrupt if enabled); it serves
 *	nothing more until the next boot.
 * boot_fault (rw, string)
 *	none, hang (the booter never halts SEC2), bad_booter (the booter fails,
 *	SEC2 MAILBOX0 = 15), no_init_done (everything works but
 *	GSP_INIT_DONE is not sent) or seq_poll_forever (the CPU sequencer
 *	program starts with 64 REG_POLLs that never succeed, timeout
 *	0xffffffff us) or seq_delay_forever (it starts with 256 DELAY_US of
 *	1 s each). Applies once, to the next booter run.
 * sysinfo_refusal (rw, string)
 *	How GSP-RM refuses a GSP_SET_SYSTEM_INFO it cannot read (another
 *	version's, docs/nvsim.md): halt (default: HALT interrupt, GSP
 *	MAILBOX0 = 0xbad00009), halt_quiet (halted, no interrupt, mailboxes
 *	untouched), mailbox (runs on without GSP_INIT_DONE, OGKM-535's error
 *	word in NV_PGSP_MAILBOX(0)) or silent (runs on without
 *	GSP_INIT_DONE). Applies to every boot until changed.
 * stats (ro)
 *	Counters, one "name value" per line. Besides the transport counters:
 *	ce_fills and ce_bytes (copy-engine fills done), vram_rw_bytes (bytes
 *	moved through the BAR1 view), vram_chunks (64 KiB VRAM backing chunks
 *	allocated now), vram_errors (VRAM requests refused), injected
 *	(commands carried out through inject), nonstall_irqs (non-stall
 *	vectors raised while enabled) and notify_unmatched (inject notify
 *	that matched no enabled event object).
 * inject (wo, string)
 *	One injection command per write: rc, mmu, fwerr, notify,
 *	notify_list, stale_event, vgpu, garbage, nonstall or burst (grammar in sim/inject.c and docs/nvsim.md;
 *	the same as nvsim_inject()). The write fails with the command's errno:
 *	-EINVAL if malformed, -ENODEV if an event needs GSP-RM and it does not
 *	run.
 * reset (wo)
 *	Writing 1 returns the GPU to its power-on state (GSP-RM stopped,
 *	registers and WPR2 cleared, objects freed) so a driver can boot it
 *	again. The write returns when the reset is done.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "nvsim.h"

static struct dentry *nvsim_dbg_root;
static DEFINE_MUTEX(nvsim_reset_lock);	/* serialises debugfs resets */

static const char *const nvsim_fault_names[NVSIM_F_NR] = {
	[NVSIM_F_DROP_REPLY] = "drop_reply",
	[NVSIM_F_CORRUPT_CSUM] = "corrupt_csum",
	[NVSIM_F_BAD_LENGTH] = "bad_length",
	[NVSIM_F_BAD_QUEUE_PTR] = "bad_queue_ptr",
	[NVSIM_F_REPEAT_SEQNUM] = "repeat_seqnum",
	[NVSIM_F_SKIP_SEQNUM] = "skip_seqnum",
	[NVSIM_F_LOSE_IRQ] = "lose_irq",
};

static const char *const nvsim_stat_names[NVSIM_S_NR] = {
	[NVSIM_S_RX_MSGS] = "rx_msgs",
	[NVSIM_S_SEQ_ASSERTS] = "seq_asserts",
	[NVSIM_S_TX_STALE_TAILS] = "tx_stale_tails",
	[NVSIM_S_TX_MSGS] = "tx_msgs",
	[NVSIM_S_RX_BAD_CSUM] = "rx_bad_csum",
	[NVSIM_S_RX_BAD_LENGTH] = "rx_bad_length",
	[NVSIM_S_RX_BAD_HEADER] = "rx_bad_header",
	[NVSIM_S_RX_BAD_SEQ] = "rx_bad_seq",
	[NVSIM_S_RX_OLD_SEQ] = "rx_old_seq",
	[NVSIM_S_RX_BAD_PTR] = "bad_queue_ptr",
	[NVSIM_S_RX_STRAY_CONT] = "rx_stray_continuation",
	[NVSIM_S_RX_TOO_LARGE] = "rx_too_large",
	[NVSIM_S_REPLIES] = "replies_sent",
	[NVSIM_S_EVENTS] = "events_sent",
	[NVSIM_S_TX_DROPPED] = "tx_dropped_queue_full",
	[NVSIM_S_RPC_UNKNOWN] = "rpc_unknown_function",
	[NVSIM_S_RPC_ERRORS] = "rpc_errors",
	[NVSIM_S_BAD_INPUT] = "bad_input",
	[NVSIM_S_DMA_ERRORS] = "dma_errors",
	[NVSIM_S_DOORBELLS] = "doorbells",
	[NVSIM_S_IRQS] = "irqs_raised",
	[NVSIM_S_BOOTS] = "boots",
	[NVSIM_S_BOOT_FAILURES] = "boot_failures",
	[NVSIM_S_OBJECTS_LIVE] = "objects_live",
	[NVSIM_S_FAULTS_FIRED] = "faults_fired",
	[NVSIM_S_CE_FILLS] = "ce_fills",
	[NVSIM_S_CE_BYTES] = "ce_bytes",
	[NVSIM_S_VRAM_RW_BYTES] = "vram_rw_bytes",
	[NVSIM_S_VRAM_CHUNKS] = "vram_chunks",
	[NVSIM_S_VRAM_ERRORS] = "vram_errors",
	[NVSIM_S_INJECTED] = "injected",
	[NVSIM_S_NONSTALL_IRQS] = "nonstall_irqs",
	[NVSIM_S_LOCKDOWNS] = "lockdowns",
	[NVSIM_S_LOCKDOWN_VIOLATIONS] = "lockdown_violations",
	[NVSIM_S_NOTIFY_UNMATCHED] = "notify_unmatched",
};

static const char *const nvsim_boot_fault_names[] = {
	[NVSIM_BOOT_FAULT_NONE] = "none",
	[NVSIM_BOOT_FAULT_HANG] = "hang",
	[NVSIM_BOOT_FAULT_BAD_BOOTER] = "bad_booter",
	[NVSIM_BOOT_FAULT_NO_INIT_DONE] = "no_init_done",
	[NVSIM_BOOT_FAULT_SEQ_POLL_FOREVER] = "seq_poll_forever",
	[NVSIM_BOOT_FAULT_SEQ_DELAY_FOREVER] = "seq_delay_forever",
};

static const char *const nvsim_refusal_names[NVSIM_REFUSE_NR] = {
	[NVSIM_REFUSE_HALT] = "halt",
	[NVSIM_REFUSE_HALT_QUIET] = "halt_quiet",
	[NVSIM_REFUSE_MAILBOX] = "mailbox",
	[NVSIM_REFUSE_SILENT] = "silent",
};

static int nvsim_count_get(void *data, u64 *val)
{
	struct nvsim_knob *k = data;

	spin_lock(&k->gpu->fault_lock);
	*val = k->gpu->faults.count[k->id];
	spin_unlock(&k->gpu->fault_lock);
	return 0;
}

static int nvsim_count_set(void *data, u64 val)
{
	struct nvsim_knob *k = data;

	if (val > U32_MAX)
		return -EINVAL;
	spin_lock(&k->gpu->fault_lock);
	k->gpu->faults.count[k->id] = val;
	spin_unlock(&k->gpu->fault_lock);
	return 0;
}

DEFINE_DEBUGFS_ATTRIBUTE(nvsim_count_fops, nvsim_count_get, nvsim_count_set,
			 "%llu\n");

static int nvsim_seed_get(void *data, u64 *val)
{
	struct nvsim_gpu *gpu = data;

	spin_lock(&gpu->fault_lock);
	*val = gpu->faults.seed;
	spin_unlock(&gpu->fault_lock);
	return 0;
}

static int nvsim_seed_set(void *data, u64 val)
{
	struct nvsim_gpu *gpu = data;

	spin_lock(&gpu->fault_lock);
	gpu->faults.seed = val;
	prandom_seed_state(&gpu->faults.rnd, val);
	spin_unlock(&gpu->fault_lock);
	return 0;
}

DEFINE_DEBUGFS_ATTRIBUTE(nvsim_seed_fops, nvsim_seed_get, nvsim_seed_set,
			 "%llu\n");

static int nvsim_delay_get(void *data, u64 *val)
{
	struct nvsim_gpu *gpu = data;

	spin_lock(&gpu->fault_lock);
	*val = gpu->faults.delay_reply_ms;
	spin_unlock(&gpu->fault_lock);
	return 0;
}

static int nvsim_delay_set(void *data, u64 val)
{
	struct nvsim_gpu *gpu = data;

	if (val > 600000)
		return -EINVAL;
	spin_lock(&gpu->fault_lock);
	gpu->faults.delay_reply_ms = val;
	spin_unlock(&gpu->fault_lock);
	return 0;
}

DEFINE_DEBUGFS_ATTRIBUTE(nvsim_delay_fops, nvsim_delay_get, nvsim_delay_set,
			 "%llu\n");

static int nvsim_hang_get(void *data, u64 *val)
{
	struct nvsim_gpu *gpu = data;

	spin_lock(&gpu->fault_lock);
	*val = gpu->faults.hang;
	spin_unlock(&gpu->fault_lock);
	return 0;
}

static int nvsim_hang_set(void *data, u64 val)
{
	struct nvsim_gpu *gpu = data;

	if (val > 1)
		return -EINVAL;
	spin_lock(&gpu->fault_lock);
	gpu->faults.hang = val;
	spin_unlock(&gpu->fault_lock);
	if (val)
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
	nvsim_kick(gpu);
	return 0;
}

DEFINE_DEBUGFS_ATTRIBUTE(nvsim_hang_fops, nvsim_hang_get, nvsim_hang_set,
			 "%llu\n");

static int nvsim_crash_set(void *data, u64 val)
{
	struct nvsim_gpu *gpu = data;

	if (val != 1)
		return -EINVAL;
	atomic_set(&gpu->crash_req, 1);
	nvsim_kick(gpu);
	return 0;
}

DEFINE_DEBUGFS_ATTRIBUTE(nvsim_crash_fops, NULL, nvsim_crash_set, "%llu\n");

static int nvsim_reset_set(void *data, u64 val)
{
	struct nvsim_gpu *gpu = data;
	int ret = 0;

	if (val != 1)
		return -EINVAL;
	mutex_lock(&nvsim_reset_lock);
	reinit_completion(&gpu->reset_done);
	atomic_set(&gpu->reset_req, 1);
	nvsim_kick(gpu);
	if (!wait_for_completion_timeout(&gpu->reset_done, 10 * HZ))
		ret = -ETIMEDOUT;
	mutex_unlock(&nvsim_reset_lock);
	return ret;
}

DEFINE_DEBUGFS_ATTRIBUTE(nvsim_reset_fops, NULL, nvsim_reset_set, "%llu\n");

static int nvsim_stats_show(struct seq_file *s, void *unused)
{
	struct nvsim_gpu *gpu = s->private;
	unsigned int i;

	for (i = 0; i < NVSIM_S_NR; i++)
		seq_printf(s, "%s %lld\n", nvsim_stat_names[i],
			   (long long)atomic64_read(&gpu->stats[i]));
	return 0;
}

DEFINE_SHOW_ATTRIBUTE(nvsim_stats);

static int nvsim_boot_fault_show(struct seq_file *s, void *unused)
{
	struct nvsim_gpu *gpu = s->private;
	int v;

	spin_lock(&gpu->fault_lock);
	v = gpu->faults.boot_fault;
	spin_unlock(&gpu->fault_lock);
	seq_printf(s, "%s\n", nvsim_boot_fault_names[v]);
	return 0;
}

static int nvsim_boot_fault_open(struct inode *inode, struct file *file)
{
	return single_open(file, nvsim_boot_fault_show, inode->i_private);
}

/**
 * nvsim_dbg_choice() - parse a debugfs write naming one of a list
 * @ubuf: the user's bytes
 * @len: their number
 * @names: the choices
 * @n: how many
 *
 * Return: the index of the name written (surrounding blanks ignored),
 * -EINVAL for a name not in @names or a write of 32 bytes or more, -EFAULT.
 */
int nvsim_dbg_choice(const char __user *ubuf, size_t len,
		     const char *const *names, size_t n)
{
	char buf[32];

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	return __sysfs_match_string(names, n, strim(buf));
}

static ssize_t nvsim_boot_fault_write(struct file *file, const char __user *ubuf,
				      size_t len, loff_t *ppos)
{
	struct nvsim_gpu *gpu = ((struct seq_file *)file->private_data)->private;
	int v;

	v = nvsim_dbg_choice(ubuf, len, nvsim_boot_fault_names,
			     ARRAY_SIZE(nvsim_boot_fault_names));
	if (v < 0)
		return v;
	spin_lock(&gpu->fault_lock);
	gpu->faults.boot_fault = v;
	spin_unlock(&gpu->fault_lock);
	return len;
}

static const struct file_operations nvsim_boot_fault_fops = {
	.owner = THIS_MODULE,
	.open = nvsim_boot_fault_open,
	.read = seq_read,
	.write = nvsim_boot_fault_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static int nvsim_refusal_show(struct seq_file *s, void *unused)
{
	struct nvsim_gpu *gpu = s->private;
	int v;

	spin_lock(&gpu->fault_lock);
	v = gpu->faults.refusal;
	spin_unlock(&gpu->fault_lock);
	seq_printf(s, "%s\n", nvsim_refusal_names[v]);
	return 0;
}

static int nvsim_refusal_open(struct inode *inode, struct file *file)
{
	return single_open(file, nvsim_refusal_show, inode->i_private);
}

static ssize_t nvsim_refusal_write(struct file *file, const char __user *ubuf,
				   size_t len, loff_t *ppos)
{
	struct nvsim_gpu *gpu = ((struct seq_file *)file->private_data)->private;
	int v;

	v = nvsim_dbg_choice(ubuf, len, nvsim_refusal_names,
			     ARRAY_SIZE(nvsim_refusal_names));
	if (v < 0)
		return v;
	spin_lock(&gpu->fault_lock);
	gpu->faults.refusal = v;
	spin_unlock(&gpu->fault_lock);
	return len;
}

static const struct file_operations nvsim_refusal_fops = {
	.owner = THIS_MODULE,
	.open = nvsim_refusal_open,
	.read = seq_read,
	.write = nvsim_refusal_write,
	.llseek = seq_lseek,
	.release = single_release,
};

#define NVSIM_INJECT_WRITE_MAX	256

static ssize_t nvsim_inject_write(struct file *file, const char __user *ubuf,
				  size_t len, loff_t *ppos)
{
	struct nvsim_gpu *gpu = file->private_data;
	char *buf;
	int ret;

	if (!len || len >= NVSIM_INJECT_WRITE_MAX)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = nvsim_inject_gpu(gpu, buf);
	kfree(buf);
	return ret ? ret : len;
}

static const struct file_operations nvsim_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = nvsim_inject_write,
	.llseek = no_llseek,
};

/**
 * nvsim_debugfs_gpu_init() - create /sys/kernel/debug/nvsim/gpu<N>
 * @gpu: the GPU
 *
 * debugfs failures are not fatal.
 */
void nvsim_debugfs_gpu_init(struct nvsim_gpu *gpu)
{
	char name[16];
	unsigned int i;

	snprintf(name, sizeof(name), "gpu%u", gpu->index);
	gpu->dbg = debugfs_create_dir(name, nvsim_dbg_root);
	debugfs_create_file_unsafe("seed", 0600, gpu->dbg, gpu, &nvsim_seed_fops);
	for (i = 0; i < NVSIM_F_NR; i++) {
		gpu->knobs[i].gpu = gpu;
		gpu->knobs[i].id = i;
		debugfs_create_file_unsafe(nvsim_fault_names[i], 0600, gpu->dbg,
					   &gpu->knobs[i], &nvsim_count_fops);
	}
	debugfs_create_file_unsafe("delay_reply_ms", 0600, gpu->dbg, gpu,
				   &nvsim_delay_fops);
	debugfs_create_file_unsafe("hang", 0600, gpu->dbg, gpu, &nvsim_hang_fops);
	debugfs_create_file_unsafe("crash", 0200, gpu->dbg, gpu, &nvsim_crash_fops);
	debugfs_create_file_unsafe("reset", 0200, gpu->dbg, gpu, &nvsim_reset_fops);
	debugfs_create_file("boot_fault", 0600, gpu->dbg, gpu,
			    &nvsim_boot_fault_fops);
	debugfs_create_file("sysinfo_refusal", 0600, gpu->dbg, gpu,
			    &nvsim_refusal_fops);
	debugfs_create_file("stats", 0400, gpu->dbg, gpu, &nvsim_stats_fops);
	debugfs_create_file("inject", 0200, gpu->dbg, gpu, &nvsim_inject_fops);
	nvsim_personality_debugfs(gpu);
	nvsim_mmu_init(gpu);
	nvsim_fifo_debugfs(gpu);
}

/**
 * nvsim_debugfs_gpu_exit() - remove a GPU's debugfs directory
 * @gpu: the GPU
 */
void nvsim_debugfs_gpu_exit(struct nvsim_gpu *gpu)
{
	debugfs_remove_recursive(gpu->dbg);
	gpu->dbg = NULL;
}

/**
 * nvsim_debugfs_init() - create /sys/kernel/debug/nvsim
 */
void nvsim_debugfs_init(void)
{
	nvsim_dbg_root = debugfs_create_dir("nvsim", NULL);
}

/**
 * nvsim_debugfs_exit() - remove /sys/kernel/debug/nvsim
 */
void nvsim_debugfs_exit(void)
{
	debugfs_remove_recursive(nvsim_dbg_root);
	nvsim_dbg_root = NULL;
}
