/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore per-GPU loss, recovery and heartbeat state.
 */
#ifndef NVC_RECOVERY_TYPES_H
#define NVC_RECOVERY_TYPES_H

#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include <nvcore/nvcore.h>

/**
 * struct nvc_rec_res - per-GPU recovery state
 * @gsp_sem: readers: calls that use the GSP (trylock: a call during
 *	recovery fails with -ENODEV); writer: recovery
 * @lost: GPU lost, calls fail with -ENODEV
 * @lost_reason: why
 * @recoveries: recoveries completed
 * @work: recovery
 * @recovery_ns: duration of the last recovery (hang seen to clients told)
 * @lost_ns: when the GPU was last lost
 * @lock: held by recovery; client open and close take it too, so the
 *	client list is stable while recovery walks it
 * @recovering: recovery in progress (a death during reboot is its own
 *	failure, not a new recovery)
 * @hb_work: heartbeat
 */
struct nvc_rec_res {
	struct rw_semaphore gsp_sem;
	bool lost;
	enum nvc_lost_reason lost_reason;
	unsigned int recoveries;
	struct work_struct work;
	u64 recovery_ns;
	u64 lost_ns;
	struct mutex lock;
	bool recovering;
	struct delayed_work hb_work;
};

#endif /* NVC_RECOVERY_TYPES_H */
