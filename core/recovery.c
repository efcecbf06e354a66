// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore exceptions: GPU lost, in-place GSP recovery, heartbeat.
 *
 * DOC: GSP recovery
 *
 * A channel error (RC) is an event for the channel's owner only (event.c);
 * the GPU carries on. A GSP hang (an RPC timed out while the GSP consumed
 * nothing, including the periodic heartbeat RPC), a GSP crash (HALT) or an
 * unparseable status queue kill the transport (gsp/rpc.c), which wakes
 * every waiter with -ENODEV and schedules recovery:
 *
 * 1. mark the GPU lost (API calls fail with -ENODEV) and tell every client
 *    (&nvc_client_ops.lost);
 * 2. take the GSP for writing, which waits for in-flight calls to return;
 * 3. tear the dead GSP down without talking to it, let the unload booter
 *    clear WPR2, reset the falcon and boot GSP-RM again from scratch;
 * 4. rebuild nvcore's RM state: its own client and each client's RM
 *    client (partitions and allocations are nvcore's and survive);
 * 5. clear the lost state, count the recovery and tell every client it may
 *    rebuild its own (&nvc_client_ops.recovered).
 *
 * NVIDIA's driver needs a GPU reset after a GSP RPC timeout (Xid 119 then
 * 154); here the GSP is rebooted in place. If the reboot fails the GPU
 * stays lost until the driver is rebound. @rec.lock keeps the client
 * list stable for the whole sequence: open and close wait for it, so a
 * client callback must not open or close a client.
 */
#include <linux/module.h>
#include <linux/slab.h>


#include "nvcore.h"
#include "client.h"
#include "gsp/gsp.h"

static unsigned int heartbeat_ms = 1000;
module_param(heartbeat_ms, uint, 0644);
MODULE_PARM_DESC(heartbeat_ms, "GSP heartbeat period in ms; a missed heartbeat is a hang (0: off; default 1000)");

static const char * const nvc_lost_names[] = {
	[NVC_LOST_GSP_HANG] = "gsp-hang",
	[NVC_LOST_GSP_CRASH] = "gsp-crash",
	[NVC_LOST_PROTOCOL] = "protocol",
};

/**
 * nvc_lost_reason_name() - printable reason
 * @why: the reason
 *
 * Return: a constant string.
 */
const char *nvc_lost_reason_name(enum nvc_lost_reason why)
{
	return why < ARRAY_SIZE(nvc_lost_names) ? nvc_lost_names[why] : "unknown";
}

/**
 * nvc_gpu_lost() - the transport died: schedule recovery
 * @gpu: the GPU
 * @why: why
 *
 * Context: any (called with the GSP receive lock held).
 */
void nvc_gpu_lost(struct nvc_gpu *gpu, enum nvc_lost_reason why)
{
	struct nvc_res *res = &gpu->res;
	unsigned long flags;

	/* Under @arm_lock: once nvc_recovery_fini() disarmed, nothing queues. */
	spin_lock_irqsave(&gpu->arm_lock, flags);
	if (gpu->recover_armed && !READ_ONCE(res->rec.recovering)) {
		res->rec.lost_ns = ktime_get_ns();
		res->rec.lost_reason = why;
		WRITE_ONCE(res->rec.lost, true);
		schedule_work(&res->rec.work);
	}
	spin_unlock_irqrestore(&gpu->arm_lock, flags);
}

/* Queue the heartbeat in @ms unless recovery is disarmed (GPU going). */
static void nvc_hb_arm(struct nvc_gpu *gpu, unsigned int ms)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->arm_lock, flags);
	if (gpu->recover_armed)
		mod_delayed_work(system_wq, &gpu->res.rec.hb_work, msecs_to_jiffies(ms));
	spin_unlock_irqrestore(&gpu->arm_lock, flags);
}

static void nvc_recover_work(struct work_struct *work)
{
	struct nvc_res *res = container_of(work, struct nvc_res, rec.work);
	struct nvc_gpu *gpu = container_of(res, struct nvc_gpu, res);
	struct nvc_client *c;
	int ret;

	mutex_lock(&res->rec.lock);
	if (!READ_ONCE(gpu->recover_armed))
		goto out;
	dev_err(gpu->dev, "nvcore: GPU %d lost (%s): recovering GSP-RM in place\n",
		gpu->index, nvc_lost_reason_name(res->rec.lost_reason));
	list_for_each_entry(c, &res->clients, node)
		if (c->ops && c->ops->lost)
			c->ops->lost(c, res->rec.lost_reason);

	down_write(&res->rec.gsp_sem);
	WRITE_ONCE(res->rec.recovering, true);
	nvc_gsp_fini(gpu);
	ret = nvc_gsp_init(gpu);
	if (!ret)
		list_for_each_entry(c, &res->clients, node) {
			ret = nvc_client_rm_create(c);
			if (ret)
				break;
		}
	if (!ret) {
		WRITE_ONCE(res->rec.lost, false);
		res->rec.recoveries++;
	}
	WRITE_ONCE(res->rec.recovering, false);
	up_write(&res->rec.gsp_sem);
	if (ret) {
		dev_err(gpu->dev, "nvcore: GPU %d recovery failed (%d): it stays lost\n",
			gpu->index, ret);
		goto out;
	}

	list_for_each_entry(c, &res->clients, node)
		if (c->ops && c->ops->recovered)
			c->ops->recovered(c);
	res->rec.recovery_ns = ktime_get_ns() - res->rec.lost_ns;
	dev_info(gpu->dev, "nvcore: GPU %d recovered in %llu ms (recovery %u)\n",
		 gpu->index, res->rec.recovery_ns / 1000000, res->rec.recoveries);
	nvc_hb_arm(gpu, heartbeat_ms ?: 1000);
out:
	mutex_unlock(&res->rec.lock);
}

static void nvc_hb_work(struct work_struct *work)
{
	struct nvc_res *res = container_of(to_delayed_work(work), struct nvc_res,
					   rec.hb_work);
	struct nvc_gpu *gpu = container_of(res, struct nvc_gpu, res);

	if (!READ_ONCE(gpu->recover_armed))
		return;
	if (heartbeat_ms && down_read_trylock(&res->rec.gsp_sem)) {
		/* A hang is detected and handled inside the call. */
		if (!res->rec.lost)
			nvc_gsp_ping(gpu->gsp);
		up_read(&res->rec.gsp_sem);
	}
	/* Off (0) still re-checks the setting once a second. */
	if (!READ_ONCE(res->rec.lost))
		nvc_hb_arm(gpu, heartbeat_ms ?: 1000);
}

/**
 * nvc_recovery_init() - arm recovery and the heartbeat
 * @gpu: the booted GPU
 */
void nvc_recovery_init(struct nvc_gpu *gpu)
{
	struct nvc_res *res = &gpu->res;

	INIT_WORK(&res->rec.work, nvc_recover_work);
	INIT_DELAYED_WORK(&res->rec.hb_work, nvc_hb_work);
	spin_lock_irq(&gpu->arm_lock);
	gpu->recover_armed = true;
	spin_unlock_irq(&gpu->arm_lock);
	nvc_hb_arm(gpu, heartbeat_ms ?: 1000);
}

/**
 * nvc_recovery_fini() - disarm them and wait for any in progress
 * @gpu: the GPU
 *
 * Once disarmed nothing queues either work again (nvc_gpu_lost() and
 * nvc_hb_arm() look under @arm_lock), so the recovery is waited for first
 * (it ends by re-arming the heartbeat when still armed), the heartbeat
 * second: neither can outlive the GPU.
 */
void nvc_recovery_fini(struct nvc_gpu *gpu)
{
	struct nvc_res *res = &gpu->res;

	spin_lock_irq(&gpu->arm_lock);
	gpu->recover_armed = false;
	spin_unlock_irq(&gpu->arm_lock);
	cancel_work_sync(&res->rec.work);
	cancel_delayed_work_sync(&res->rec.hb_work);
}
