// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the GSP-RM firmware thread: power-on, boot, run loop, lockdown,
 * crash, start and stop.
 *
 * DOC: nvsim GSP-RM
 *
 * Each GPU has one kernel thread that plays the booter and GSP-RM
 * (docs/nvsim.md). Register callbacks only record what the driver did and
 * wake it; everything that touches the driver's memory runs here.
 *
 * The booter lives in sim/booter.c, the LIBOS/shared-memory setup in
 * sim/libos.c, the message queues in sim/queue.c and the CPU sequencer in
 * sim/seq.c.
 *
 * GSP-RM boot: LIBOS array (GSP MAILBOX0/1), log buffers, RMARGS, the
 * shared-memory page table, the command-queue header, the status-queue
 * header; then it consumes GSP_SET_SYSTEM_INFO and SET_REGISTRY, runs the
 * CPU sequencer check and sends GSP_INIT_DONE. A failure before the queues
 * work halts the GSP with GSP MAILBOX0 = NVSIM_RM_E_* and the HALT
 * interrupt; a failure after that is reported with OS_ERROR_LOG first.
 */
#include <linux/kthread.h>
#include <linux/random.h>
#include <linux/slab.h>

#include "nvsim.h"
#include "vgpu_guest.h"
#include "gsp_priv.h"

#define NVSIM_IDLE_POLL		msecs_to_jiffies(100)
#define NVSIM_INIT_WAIT_MS	5000

enum nvsim_halt {
	NVSIM_HALT_CLEAN,	/* after UNLOADING_GUEST_DRIVER */
	NVSIM_HALT_ERROR,	/* HALT interrupt, MAILBOX0 = code */
	NVSIM_HALT_KILLED,	/* reset, unbind, unload booter: just stop */
	NVSIM_HALT_QUIET,	/* halted, no interrupt, mailboxes untouched */
};

/* nvsim_rm_boot(): GSP-RM runs on but sends no GSP_INIT_DONE. */
#define NVSIM_RM_NO_INIT_DONE	1

/* ---- small helpers ---- */

bool nvsim_stopping(struct nvsim_gpu *gpu)
{
	return kthread_should_stop() || atomic_read(&gpu->reset_req);
}

/* GSP-RM may go on: not stopping, not reset, DMA allowed. */
bool nvsim_rm_alive(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool alive;

	if (nvsim_stopping(gpu) || !READ_ONCE(gpu->dma_enabled))
		return false;
	spin_lock_irqsave(&gpu->reg_lock, flags);
	alive = gpu->regs.rm_running && !gpu->regs.gsp_killed;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return alive;
}

static bool nvsim_kicked(struct nvsim_gpu *gpu)
{
	return atomic_read(&gpu->kick) || nvsim_stopping(gpu) ||
	       atomic_read(&gpu->crash_req) || atomic_read(&gpu->lockdown_req);
}

/* Sleep until kicked or @timeout jiffies passed. */
void nvsim_wait(struct nvsim_gpu *gpu, unsigned long timeout)
{
	wait_event_interruptible_timeout(gpu->wq, nvsim_kicked(gpu), timeout);
	atomic_set(&gpu->kick, 0);
}

/* Sleep @ms unless the thread must stop, crash, or lost its driver. */
void nvsim_sleep_ms(struct nvsim_gpu *gpu, unsigned int ms)
{
	wait_event_interruptible_timeout(gpu->wq, nvsim_stopping(gpu) ||
					 atomic_read(&gpu->crash_req) ||
					 !READ_ONCE(gpu->dma_enabled),
					 msecs_to_jiffies(ms));
}

/**
 * nvsim_fault_take() - consume one occurrence of a count fault
 * @gpu: the GPU
 * @f: the fault
 *
 * Return: true if the fault fires now.
 */
bool nvsim_fault_take(struct nvsim_gpu *gpu, enum nvsim_fault f)
{
	bool fire = false;

	spin_lock(&gpu->fault_lock);
	if (gpu->faults.count[f]) {
		gpu->faults.count[f]--;
		fire = true;
	}
	spin_unlock(&gpu->fault_lock);
	if (fire)
		nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
	return fire;
}

/**
 * nvsim_fault_rand() - next number from the seeded fault PRNG
 * @gpu: the GPU
 *
 * Return: a pseudo-random u32.
 */
u32 nvsim_fault_rand(struct nvsim_gpu *gpu)
{
	u32 v;

	spin_lock(&gpu->fault_lock);
	v = prandom_u32_state(&gpu->faults.rnd);
	spin_unlock(&gpu->fault_lock);
	return v;
}

u32 nvsim_delay_reply_ms(struct nvsim_gpu *gpu)
{
	u32 v;

	spin_lock(&gpu->fault_lock);
	v = gpu->faults.delay_reply_ms;
	spin_unlock(&gpu->fault_lock);
	return v;
}

bool nvsim_hung(struct nvsim_gpu *gpu)
{
	bool v;

	spin_lock(&gpu->fault_lock);
	v = gpu->faults.hang;
	spin_unlock(&gpu->fault_lock);
	return v;
}

int nvsim_take_boot_fault(struct nvsim_gpu *gpu)
{
	int v;

	spin_lock(&gpu->fault_lock);
	v = gpu->faults.boot_fault;
	gpu->faults.boot_fault = NVSIM_BOOT_FAULT_NONE;
	spin_unlock(&gpu->fault_lock);
	return v;
}

/* ---- halting ---- */

static void nvsim_rm_release(struct nvsim_gpu *gpu)
{
	struct nvsim_fw *fw = &gpu->fw;
	struct nvsim_event *ev, *tmp;
	unsigned int i;
	LIST_HEAD(drop);

	for (i = 0; i < NVSIM_NR_LOGS; i++)
		nvsim_log_release(&fw->logs[i]);
	kvfree(fw->shm.pte);
	memset(&fw->shm, 0, sizeof(fw->shm));
	WRITE_ONCE(fw->init_done, false);
	fw->have_sysinfo = false;
	fw->have_registry = false;
	nvsim_abi_of(gpu)->rm_reset(gpu);

	spin_lock(&gpu->event_lock);
	list_splice_init(&gpu->events, &drop);
	gpu->nr_events = 0;
	spin_unlock(&gpu->event_lock);
	list_for_each_entry_safe(ev, tmp, &drop, link)
		kvfree(ev);
}

static void nvsim_rm_halt(struct nvsim_gpu *gpu, enum nvsim_halt how, u32 code)
{
	struct nvsim_falcon *f = &gpu->regs.gsp;
	unsigned long flags;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.rm_running = false;
	gpu->regs.riscv_active = false;
	gpu->regs.obs.suspended = false;
	gpu->regs.lockdown = false;
	gpu->regs.lockdown_enforced = false;
	f->halted = true;
	if (how == NVSIM_HALT_CLEAN)
		f->mailbox0 = NVSIM_GSP_UNLOAD_MAILBOX0_DONE;
	else if (how == NVSIM_HALT_ERROR)
		f->mailbox0 = code;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);

	if (how == NVSIM_HALT_ERROR) {
		nvsim_logf(gpu, NVSIM_LOGINTR, "GSP halted (code %#x): HALT interrupt",
			   code);
		nvsim_gsp_irq_set(gpu, NVSIM_FALCON_IRQ_HALT);
	}
	nvsim_rm_release(gpu);
}

/* Serve the queue until SYSTEM_INFO and REGISTRY have been consumed. */
static int nvsim_rm_wait_sysinfo(struct nvsim_gpu *gpu)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(NVSIM_INIT_WAIT_MS);
	struct nvsim_fw *fw = &gpu->fw;
	bool fatal;

	while (!fw->have_sysinfo || !fw->have_registry) {
		if (!nvsim_serve_queue(gpu, &fatal) || fatal)
			return -EIO;
		if (fw->have_sysinfo && fw->have_registry)
			break;
		if (time_after(jiffies, deadline) || !nvsim_rm_alive(gpu))
			return -ETIMEDOUT;
		nvsim_wait(gpu, msecs_to_jiffies(10));
	}
	return 0;
}

/*
 * The system information was refused: the way of sysinfo_refusal. A halt
 * returns an error (*code 0: no HALT interrupt, mailboxes untouched); the
 * other ways return NVSIM_RM_NO_INIT_DONE: GSP-RM runs on, without
 * GSP_INIT_DONE.
 */
static int nvsim_rm_refuse(struct nvsim_gpu *gpu, u32 *code)
{
	unsigned long flags;
	int how;

	spin_lock(&gpu->fault_lock);
	how = gpu->faults.refusal;
	spin_unlock(&gpu->fault_lock);
	switch (how) {
	case NVSIM_REFUSE_HALT_QUIET:
		*code = 0;
		return -EINVAL;
	case NVSIM_REFUSE_MAILBOX:
		/* OGKM-535 gsp_error.h: TAG 0xe, TASK 0, REASON 0, CODE 9. */
		spin_lock_irqsave(&gpu->reg_lock, flags);
		gpu->regs.gsp_err_mbox[0] = NVSIM_GSP_ERROR_TAG_VAL <<
					    NVSIM_GSP_ERROR_TAG_SHIFT |
					    (NVSIM_RM_E_SYSINFO & 0xff);
		gpu->regs.gsp_err_mbox[1] = 0;
		spin_unlock_irqrestore(&gpu->reg_lock, flags);
		return NVSIM_RM_NO_INIT_DONE;
	case NVSIM_REFUSE_SILENT:
		return NVSIM_RM_NO_INIT_DONE;
	}
	*code = NVSIM_RM_E_SYSINFO;
	return -EINVAL;
}

/* Everything between the booter and GSP_INIT_DONE. */
static int nvsim_rm_boot(struct nvsim_gpu *gpu, u32 *code)
{
	bool skip_init_done = gpu->fw.no_init_done;
	u8 done[NVSIM_EV_SMALL];
	u64 rmargs_pa, rmargs_size;
	unsigned long flags;
	int ret;

	gpu->fw.no_init_done = false;
	WRITE_ONCE(gpu->fw.init_done, false);
	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.gsp_err_mbox[0] = 0;	/* a new GSP-RM: no error yet */
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	ret = nvsim_rm_libos(gpu, &rmargs_pa, &rmargs_size);
	if (ret) {
		*code = ret == -ENOSPC ? NVSIM_RM_E_LOGS : NVSIM_RM_E_LIBOS;
		return ret;
	}
	nvsim_logf(gpu, NVSIM_LOGINIT, "nvsim GSP-RM %s (%s) starting",
		   nvsim_abi_of(gpu)->version, gpu->chip->name);
	ret = nvsim_rm_shm(gpu, rmargs_pa, rmargs_size);
	if (!ret)
		ret = nvsim_rm_queues(gpu);
	if (ret) {
		*code = ret;
		return -EINVAL;
	}
	nvsim_logf(gpu, NVSIM_LOGINIT, "queues up: %u shared pages", gpu->fw.shm.npages);
	nvsim_abi_of(gpu)->rm_init(gpu);

	*code = NVSIM_RM_E_INIT;
	ret = nvsim_rm_wait_sysinfo(gpu);
	if (ret) {
		nvsim_logf(gpu, NVSIM_LOGINIT, "no GSP_SET_SYSTEM_INFO/SET_REGISTRY (%d)",
			   ret);
		nvsim_os_error(gpu, GSP_ERROR, "nvsim: GSP_SET_SYSTEM_INFO and SET_REGISTRY not received");
		return ret;
	}
	/*
	 * GSP-RM cannot initialise from system information it could not read
	 * (e.g. another version's GspSystemInfo). How it shows that is not
	 * public (docs/nvsim.md): it halts, with or without the HALT
	 * interrupt, or goes on without GSP_INIT_DONE, with or without an
	 * error word in NV_PGSP_MAILBOX(0) (nvsim_rm_refuse()).
	 */
	if (gpu->fw.sysinfo_status != NV_OK) {
		nvsim_logf(gpu, NVSIM_LOGINIT, "%s",
			   "GSP_SET_SYSTEM_INFO refused: GSP-RM init failed");
		return nvsim_rm_refuse(gpu, code);
	}
	*code = NVSIM_RM_E_SEQ;
	ret = nvsim_rm_sequencer(gpu);
	if (ret)
		return ret;
	if (skip_init_done) {
		nvsim_logf(gpu, NVSIM_LOGINIT, "boot_fault=no_init_done: not sending GSP_INIT_DONE");
		return 0;
	}
	ret = nvsim_send_event(gpu, NVSIM_EV_GSP_INIT_DONE, done,
			       nvsim_abi_of(gpu)->enc_init_done(done), true);
	if (ret)
		return ret;
	WRITE_ONCE(gpu->fw.init_done, true);
	nvsim_logf(gpu, NVSIM_LOGINIT, "GSP_INIT_DONE sent");
	return 0;
}

static void nvsim_rm_crash(struct nvsim_gpu *gpu)
{
	u8 e[NVSIM_EV_BUF];
	u32 len = nvsim_abi_of(gpu)->enc_os_error(e, GSP_ERROR, 0, "GSP crash injected");

	nvsim_stat_inc(gpu, NVSIM_S_FAULTS_FIRED);
	nvsim_logf(gpu, NVSIM_LOGRM, "crash injected");
	nvsim_send_event(gpu, NVSIM_EV_OS_ERROR_LOG, e, len, false);
	nvsim_rm_halt(gpu, NVSIM_HALT_ERROR, NVSIM_RM_E_CRASH);
}

bool nvsim_sec2_pending(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool v;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	v = gpu->regs.sec2_start;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return v;
}

/**
 * nvsim_lockdown_request() - ask GSP-RM for a lockdown
 * @gpu: the GPU
 * @ms: how long it lasts, 1..10000
 *
 * Return: 0, -EINVAL for a bad length, -ENODEV if GSP-RM does not run,
 * -EBUSY if a lockdown is already pending.
 */
int nvsim_lockdown_request(struct nvsim_gpu *gpu, u32 ms)
{
	if (!ms || ms > 10000)
		return -EINVAL;
	if (!nvsim_rm_accepts_events(gpu))
		return -ENODEV;
	if (atomic_cmpxchg(&gpu->lockdown_req, 0, ms))
		return -EBUSY;
	nvsim_kick(gpu);
	return 0;
}

/* Has the driver consumed the status queue up to @wptr? */
bool nvsim_statq_consumed(struct nvsim_gpu *gpu, u32 wptr)
{
	u32 rptr;

	if (nvsim_shm_rd32(gpu, gpu->fw.shm.cmdq + NVSIM_MSGQ_RXHDR_OFF, &rptr))
		return false;
	return rptr == wptr;
}

static int nvsim_lockdown_notice(struct nvsim_gpu *gpu, bool on)
{
	const struct nvsim_abi *abi = nvsim_abi_of(gpu);
	u8 n[NVSIM_EV_SMALL];

	return nvsim_send_event(gpu, abi->ev_lockdown, n,
				abi->enc_lockdown(n, on), true);
}

/*
 * A lockdown (OGKM kernel_gsp.c _kgspRpcGspLockdownNotice): GSP-RM says so
 * with GSP_LOCKDOWN_NOTICE, serves nothing for @ms, then says it is over.
 * From the moment the driver has consumed the notice (its status-queue read
 * pointer passed it) until the end, GSP interrupt-register accesses are
 * violations (sim/regs.c). Once enforced, the falcon's interrupt message is
 * sent once more (a late interrupt the driver must not answer by touching
 * the falcon).
 */
static void nvsim_rm_lockdown(struct nvsim_gpu *gpu, u32 ms)
{
	unsigned long flags, deadline;
	bool consumed = false;

	if (nvsim_lockdown_notice(gpu, true))
		return;
	nvsim_stat_inc(gpu, NVSIM_S_LOCKDOWNS);
	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.lockdown = true;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	nvsim_logf(gpu, NVSIM_LOGRM, "lockdown engaged for %u ms", ms);

	deadline = jiffies + msecs_to_jiffies(ms);
	while (!time_after(jiffies, deadline) && nvsim_rm_alive(gpu) &&
	       !atomic_read(&gpu->crash_req)) {
		if (!consumed && nvsim_statq_consumed(gpu, gpu->fw.statq_wptr)) {
			consumed = true;
			spin_lock_irqsave(&gpu->reg_lock, flags);
			gpu->regs.lockdown_enforced = true;
			spin_unlock_irqrestore(&gpu->reg_lock, flags);
			nvsim_gsp_vector_raise(gpu);
		}
		nvsim_sleep_ms(gpu, 1);
	}
	spin_lock_irqsave(&gpu->reg_lock, flags);
	gpu->regs.lockdown = false;
	gpu->regs.lockdown_enforced = false;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	nvsim_logf(gpu, NVSIM_LOGRM, "lockdown over (%s)",
		   consumed ? "notice consumed" : "notice not consumed in time");
	nvsim_lockdown_notice(gpu, false);
}

/* GSP-RM from start to halt. */
static void nvsim_rm_run(struct nvsim_gpu *gpu)
{
	u32 code = 0, lockdown_ms;
	bool fatal;
	int ret;

	nvsim_stat_inc(gpu, NVSIM_S_BOOTS);
	ret = nvsim_rm_boot(gpu, &code);
	if (ret == NVSIM_RM_NO_INIT_DONE) {
		/* Refused the system information but runs on (serves RPCs). */
		nvsim_stat_inc(gpu, NVSIM_S_BOOT_FAILURES);
		pr_warn_ratelimited("nvsim: GPU %u: GSP-RM boot failed (no GSP_INIT_DONE, error mailbox %#x)\n",
				    gpu->index, gpu->regs.gsp_err_mbox[0]);
	} else if (ret) {
		nvsim_stat_inc(gpu, NVSIM_S_BOOT_FAILURES);
		pr_warn_ratelimited("nvsim: GPU %u: GSP-RM boot failed (%d, code %#x)\n",
				    gpu->index, ret, code);
		nvsim_rm_halt(gpu, !nvsim_rm_alive(gpu) ? NVSIM_HALT_KILLED :
			      code ? NVSIM_HALT_ERROR : NVSIM_HALT_QUIET, code);
		return;
	}
	for (;;) {
		if (!nvsim_rm_alive(gpu) || nvsim_sec2_pending(gpu)) {
			nvsim_logf(gpu, NVSIM_LOGINIT, "GSP-RM stopped by the host");
			nvsim_rm_halt(gpu, NVSIM_HALT_KILLED, 0);
			return;
		}
		if (atomic_xchg(&gpu->crash_req, 0)) {
			nvsim_rm_crash(gpu);
			return;
		}
		lockdown_ms = atomic_xchg(&gpu->lockdown_req, 0);
		if (lockdown_ms)
			nvsim_rm_lockdown(gpu, lockdown_ms);
		if (nvsim_send_posted(gpu))
			nvsim_kick(gpu);	/* more events: do not sleep */
		if (!nvsim_hung(gpu)) {
			if (!nvsim_serve_queue(gpu, &fatal)) {
				code = gpu->fw.assert_code;
				nvsim_rm_halt(gpu, code ? NVSIM_HALT_ERROR :
					      fatal ? NVSIM_HALT_KILLED :
					      NVSIM_HALT_CLEAN, code);
				return;
			}
		}
		nvsim_vgpu_guest_serve(gpu);
		nvsim_wait(gpu, NVSIM_IDLE_POLL);
	}
}

static void nvsim_power_on(struct nvsim_gpu *gpu)
{
	unsigned long flags;

	nvsim_rm_release(gpu);
	spin_lock_irqsave(&gpu->reg_lock, flags);
	nvsim_reg_init(gpu);
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	atomic_set(&gpu->crash_req, 0);
	atomic_set(&gpu->lockdown_req, 0);
	memset(&gpu->fw.wpr, 0, sizeof(gpu->fw.wpr));
	WRITE_ONCE(gpu->fw.init_done, false);
	pr_info("nvsim: GPU %u: reset to power-on state\n", gpu->index);
}

static int nvsim_gsp_thread(void *arg)
{
	struct nvsim_gpu *gpu = arg;
	unsigned long flags;
	u32 mb0, mb1;
	bool pending;

	while (!kthread_should_stop()) {
		nvsim_wait(gpu, NVSIM_IDLE_POLL);
		if (atomic_read(&gpu->reset_req)) {
			nvsim_power_on(gpu);
			atomic_set(&gpu->reset_req, 0);
			complete(&gpu->reset_done);
			continue;
		}
		if (atomic_xchg(&gpu->crash_req, 0))
			pr_info("nvsim: GPU %u: crash ignored, GSP-RM is not running\n",
				gpu->index);
		/*
		 * One snapshot: the CPU writes the mailboxes before it starts
		 * SEC2, so mailboxes read with the start seen under the same
		 * lock are the ones that go with it (read apart, a start that
		 * landed in between used stale mailboxes).
		 */
		spin_lock_irqsave(&gpu->reg_lock, flags);
		pending = gpu->regs.sec2_start;
		mb0 = gpu->regs.sec2.mailbox0;
		mb1 = gpu->regs.sec2.mailbox1;
		spin_unlock_irqrestore(&gpu->reg_lock, flags);
		if (!pending)
			continue;
		if (mb0 == NVSIM_SEC2_UNLOAD_MAILBOX && mb1 == NVSIM_SEC2_UNLOAD_MAILBOX) {
			nvsim_booter_unload(gpu);
			continue;
		}
		if (nvsim_booter_load(gpu, (u64)mb1 << 32 | mb0))
			nvsim_rm_run(gpu);
	}
	nvsim_rm_release(gpu);
	return 0;
}

/**
 * nvsim_gsp_start() - start the GSP thread of a GPU
 * @gpu: the GPU (registers, locks and lists initialised)
 *
 * Return: 0 or a negative errno.
 */
int nvsim_gsp_start(struct nvsim_gpu *gpu)
{
	struct task_struct *t;

	gpu->fw.msg = kvmalloc(NVSIM_MSG_MAX_SIZE, GFP_KERNEL);
	gpu->fw.tx = kvmalloc(NVSIM_MSG_MAX_SIZE, GFP_KERNEL);
	if (!gpu->fw.msg || !gpu->fw.tx)
		goto err;
	t = kthread_run(nvsim_gsp_thread, gpu, "nvsim-gsp%u", gpu->index);
	if (IS_ERR(t)) {
		kvfree(gpu->fw.msg);
		kvfree(gpu->fw.tx);
		return PTR_ERR(t);
	}
	gpu->task = t;
	return 0;
err:
	kvfree(gpu->fw.msg);
	kvfree(gpu->fw.tx);
	return -ENOMEM;
}

/**
 * nvsim_gsp_stop() - stop the GSP thread and free GSP-RM state
 * @gpu: the GPU; no driver may be bound any more
 */
void nvsim_gsp_stop(struct nvsim_gpu *gpu)
{
	if (gpu->task)
		kthread_stop(gpu->task);
	gpu->task = NULL;
	kvfree(gpu->fw.msg);
	kvfree(gpu->fw.tx);
	kvfree(gpu->fw.big);
	gpu->fw.msg = NULL;
	gpu->fw.tx = NULL;
	gpu->fw.big = NULL;
}
