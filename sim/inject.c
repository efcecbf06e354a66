// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: event and interrupt injection.
 *
 * DOC: nvsim event injection
 *
 * A command is a line of space-separated words; numbers are decimal or
 * 0x-prefixed hexadecimal and must fit 32 bits. Anything else (unknown verb,
 * missing or extra arguments, bad numbers, more than NVSIM_INJECT_MAX - 1
 * characters) is rejected with -EINVAL before anything happens:
 *
 *	rc CHID XID ENGINE	RC_TRIGGERED (rpc_rc_triggered_v17_02):
 *				nv2080EngineType ENGINE, chid CHID,
 *				exceptType XID, scope 0, partitionAttributionId 0
 *	mmu CHID		RC_TRIGGERED with exceptType 31
 *				(ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT) on GR0,
 *				then MMU_FAULT_QUEUED (no payload)
 *	fwerr XID CHID		OS_ERROR_LOG (rpc_os_error_log_v17_00):
 *				exceptType XID, runlistId 0, chid CHID
 *				(0xffffffff: none), errString "injected error"
 *	notify HCLIENT INDEX DATA
 *				GSP-RM fires notifier INDEX of HCLIENT's
 *				subdevice: one POST_EVENT (rpc_post_event_v17_00)
 *				per event object of HCLIENT that is allocated
 *				under a subdevice on which INDEX is enabled
 *				(EVENT_SET_NOTIFICATION) and whose notifyIndex
 *				bits 15:0 are INDEX: hClient, hEvent of the
 *				object, notifyIndex INDEX, data DATA, info16 0,
 *				status 0, eventDataSize 0, bNotifyList 0. None
 *				if nothing matches (counted as notify_unmatched)
 *	notify_list HCLIENT INDEX DATA
 *				the same, but one POST_EVENT with bNotifyList 1
 *				naming the first matching object (OGKM's CPU
 *				side then notifies every object on its list)
 *	stale_event HCLIENT HEVENT INDEX
 *				a POST_EVENT naming HEVENT whether or not it
 *				exists (as when a free races a notification)
 *	vgpu GFID INDEX		VGPU_GSP_PLUGIN_TRIGGERED
 *				(rpc_vgpu_gsp_plugin_triggered_v17_00): gfid
 *				GFID, notifyIndex INDEX (not checked)
 *	garbage			an event with the unknown function 0x1fff and 8
 *				bytes of payload, then an RC_TRIGGERED of 4
 *				bytes (too short)
 *	nonstall ENGINE_INDEX	engine ENGINE_INDEX (its index in the chip's
 *				engine list, -EINVAL if out of range) raises its
 *				non-stall vector NVSIM_INTR_VECTOR_NONSTALL_BASE +
 *				ENGINE_INDEX: pending in
 *				the interrupt-tree leaf, interrupt if enabled
 *	lockdown MS		GSP-RM engages lockdown (GSP_LOCKDOWN_NOTICE
 *				{ bLockdownEngaging 1 }), serves nothing for MS
 *				ms (1..10000), then ends it (notice with 0);
 *				-EBUSY while one is pending. Once the driver
 *				consumed the notice, GSP interrupt-register
 *				accesses count as lockdown_violations and the
 *				GSP's vector is raised once more
 *	burst N CMD...		CMD (not itself a burst) N times, 1 <= N <= 10000
 *
 * Events are posted to the GSP thread (nvsim_post_event()), which sends
 * them through the status queue like any other message (seqNum, checksum,
 * SWGEN0 interrupt, and every status-queue fault knob). They need a running
 * GSP-RM: -ENODEV if it has not sent GSP_INIT_DONE, is hung, crashed or
 * halted, or no driver is bound. "nonstall" is hardware and works whenever
 * the GPU exists. A burst stops at the first error and returns it (earlier
 * repetitions stay done); -EINTR on a fatal signal. Process context.
 */
#include <linux/ctype.h>
#include <linux/hashtable.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "nvsim.h"

#define NVSIM_INJECT_MAX	256	/* command bytes including the NUL */
#define NVSIM_INJECT_WORDS	8
#define NVSIM_BURST_MAX		10000
#define NVSIM_EVENT_UNKNOWN	0x1fff

enum nvsim_inj_op {
	NVSIM_INJ_RC,
	NVSIM_INJ_MMU,
	NVSIM_INJ_FWERR,
	NVSIM_INJ_NOTIFY,
	NVSIM_INJ_NOTIFY_LIST,
	NVSIM_INJ_STALE_EVENT,
	NVSIM_INJ_VGPU,
	NVSIM_INJ_GARBAGE,
	NVSIM_INJ_NONSTALL,
	NVSIM_INJ_LOCKDOWN,
};

static const struct {
	const char *name;
	unsigned int nargs;
} nvsim_inj_ops[] = {
	[NVSIM_INJ_RC] = { "rc", 3 },
	[NVSIM_INJ_MMU] = { "mmu", 1 },
	[NVSIM_INJ_FWERR] = { "fwerr", 2 },
	[NVSIM_INJ_NOTIFY] = { "notify", 3 },
	[NVSIM_INJ_NOTIFY_LIST] = { "notify_list", 3 },
	[NVSIM_INJ_STALE_EVENT] = { "stale_event", 3 },
	[NVSIM_INJ_VGPU] = { "vgpu", 2 },
	[NVSIM_INJ_GARBAGE] = { "garbage", 0 },
	[NVSIM_INJ_NONSTALL] = { "nonstall", 1 },
	[NVSIM_INJ_LOCKDOWN] = { "lockdown", 1 },
};

/**
 * struct nvsim_inj - one parsed command
 * @op: &enum nvsim_inj_op
 * @arg: its numbers in command order
 */
struct nvsim_inj {
	enum nvsim_inj_op op;
	u32 arg[3];
};

/* Decimal or 0x-hex, 32 bits; no sign, no octal, no empty digits. */
static int nvsim_inj_u32(const char *s, u32 *v)
{
	unsigned int base = 10;
	const char *q;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s)
		return -EINVAL;
	for (q = s; *q; q++)
		if (base == 16 ? !isxdigit(*q) : !isdigit(*q))
			return -EINVAL;
	return kstrtou32(s, base, v) ? -EINVAL : 0;
}

/* Parse @nw words into @inj. */
static int nvsim_inj_parse(struct nvsim_gpu *gpu, char **w, unsigned int nw,
			   struct nvsim_inj *inj)
{
	unsigned int op, i;

	if (!nw)
		return -EINVAL;
	for (op = 0; op < ARRAY_SIZE(nvsim_inj_ops); op++)
		if (!strcmp(w[0], nvsim_inj_ops[op].name))
			break;
	if (op == ARRAY_SIZE(nvsim_inj_ops) || nw != 1 + nvsim_inj_ops[op].nargs)
		return -EINVAL;
	inj->op = op;
	for (i = 0; i < nvsim_inj_ops[op].nargs; i++)
		if (nvsim_inj_u32(w[1 + i], &inj->arg[i]))
			return -EINVAL;
	if (op == NVSIM_INJ_NONSTALL && inj->arg[0] >= gpu->chip->nr_engines)
		return -EINVAL;
	return 0;
}

static int nvsim_inj_rc(struct nvsim_gpu *gpu, u32 chid, u32 xid, u32 engine)
{
	u8 e[NVSIM_EV_BUF];

	return nvsim_post_event(gpu, NVSIM_EV_RC_TRIGGERED, e,
				nvsim_abi_of(gpu)->enc_rc(e, chid, xid, engine));
}

/* Events: the GSP thread sends them; GSP-RM must be up. */
static int nvsim_inj_event(struct nvsim_gpu *gpu, const struct nvsim_inj *inj)
{
	static const u8 junk[8] = { 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04 };
	const struct nvsim_abi *abi = nvsim_abi_of(gpu);
	u8 small[NVSIM_EV_SMALL];
	struct nvsim_notify nt;
	u8 *buf;
	u32 word;
	int ret;

	if (!nvsim_rm_accepts_events(gpu))
		return -ENODEV;

	switch (inj->op) {
	case NVSIM_INJ_RC:
		return nvsim_inj_rc(gpu, inj->arg[0], inj->arg[1], inj->arg[2]);
	case NVSIM_INJ_MMU:
		ret = nvsim_inj_rc(gpu, inj->arg[0],
				   ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT,
				   NV2080_ENGINE_TYPE_GR0);
		if (ret)
			return ret;
		word = 0;
		return nvsim_post_event(gpu, NVSIM_EV_MMU_FAULT_QUEUED,
					&word, 0);
	case NVSIM_INJ_FWERR:
		buf = kzalloc(NVSIM_EV_BUF, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		ret = nvsim_post_event(gpu, NVSIM_EV_OS_ERROR_LOG, buf,
				       abi->enc_os_error(buf, inj->arg[0],
							 inj->arg[1],
							 "injected error"));
		kfree(buf);
		return ret;
	case NVSIM_INJ_NOTIFY:
	case NVSIM_INJ_NOTIFY_LIST:
		/* Event objects live on the GSP thread: it resolves them. */
		nt.h_client = inj->arg[0];
		nt.index = inj->arg[1];
		nt.data = inj->arg[2];
		nt.list = inj->op == NVSIM_INJ_NOTIFY_LIST;
		return nvsim_post_event(gpu, NVSIM_EVENT_NOTIFY, &nt, sizeof(nt));
	case NVSIM_INJ_STALE_EVENT:
		buf = small;
		return nvsim_post_event(gpu, NVSIM_EV_POST_EVENT, buf,
					abi->enc_post_event(buf, inj->arg[0],
							    inj->arg[1],
							    inj->arg[2], 0,
							    false));
	case NVSIM_INJ_VGPU:
		if (!abi->enc_plugin)
			return -EOPNOTSUPP;	/* no vGPU in this version */
		buf = small;
		return nvsim_post_event(gpu,
					NVSIM_EV_VGPU_GSP_PLUGIN_TRIGGERED,
					buf, abi->enc_plugin(buf, inj->arg[0],
							     inj->arg[1]));
	case NVSIM_INJ_GARBAGE:
		ret = nvsim_post_event(gpu, NVSIM_EVENT_UNKNOWN, junk,
				       sizeof(junk));
		if (ret)
			return ret;
		word = 0;
		return nvsim_post_event(gpu, NVSIM_EV_RC_TRIGGERED,
					&word, sizeof(word));
	case NVSIM_INJ_LOCKDOWN:
		return nvsim_lockdown_request(gpu, inj->arg[0]);
	case NVSIM_INJ_NONSTALL:
		break;
	}
	return -EINVAL;
}

/**
 * nvsim_notify_fire() - GSP-RM fires a notifier of a client's subdevice
 * @gpu: the GPU
 * @nt: which client, notifier and data
 *
 * Sends POST_EVENT for the client's event objects that are allocated
 * under a subdevice with the notifier enabled and that registered it
 * (see "notify" above). Called on the GSP thread, which owns the objects.
 */
void nvsim_notify_fire(struct nvsim_gpu *gpu, const struct nvsim_notify *nt)
{
	const struct nvsim_abi *abi = nvsim_abi_of(gpu);
	u8 pe[NVSIM_EV_BUF];
	struct nvsim_obj *o;
	unsigned int bkt, sent = 0;
	u32 len;

	hash_for_each(gpu->rm.objs, bkt, o, node) {
		if (o->client != nt->h_client || !o->parent ||
		    o->parent->cls != NV20_SUBDEVICE_0 ||
		    (o->cls != NV01_EVENT_KERNEL_CALLBACK &&
		     o->cls != NV01_EVENT_OS_EVENT &&
		     o->cls != NV01_EVENT_KERNEL_CALLBACK_EX) ||
		    (o->notify_index & NV0005_NOTIFY_INDEX_INDEX_MASK) != nt->index ||
		    nt->index >= 256 || !test_bit(nt->index, o->parent->events))
			continue;
		len = abi->enc_post_event(pe, nt->h_client, o->handle, nt->index,
					  nt->data, nt->list);
		nvsim_logf(gpu, NVSIM_LOGRM, "event object %#x/%#x: notify %u posted",
			   o->client, o->handle, nt->index);
		nvsim_send_event(gpu, NVSIM_EV_POST_EVENT, pe, len, true);
		sent++;
		if (nt->list)
			break;
	}
	if (!sent)
		nvsim_stat_inc(gpu, NVSIM_S_NOTIFY_UNMATCHED);
}

static int nvsim_inj_run(struct nvsim_gpu *gpu, const struct nvsim_inj *inj)
{
	int ret;

	if (inj->op == NVSIM_INJ_NONSTALL) {
		nvsim_intr_vector_set(gpu, NVSIM_INTR_VECTOR_NONSTALL_BASE +
				      inj->arg[0]);
		ret = 0;
	} else {
		ret = nvsim_inj_event(gpu, inj);
	}
	if (!ret)
		nvsim_stat_inc(gpu, NVSIM_S_INJECTED);
	return ret;
}

/**
 * nvsim_inject_gpu() - parse and carry out an injection command
 * @gpu: the GPU
 * @cmd: the command (see the DOC comment above), NUL terminated
 *
 * Process context.
 *
 * Return: 0 or a negative errno.
 */
int nvsim_inject_gpu(struct nvsim_gpu *gpu, const char *cmd)
{
	char buf[NVSIM_INJECT_MAX], *w[NVSIM_INJECT_WORDS], *p = buf;
	unsigned int nw = 0, first = 0, n = 1, i;
	struct nvsim_inj inj;
	int ret;

	if (strscpy(buf, cmd, sizeof(buf)) < 0)
		return -EINVAL;
	for (;;) {
		p = skip_spaces(p);
		if (!*p)
			break;
		if (nw == ARRAY_SIZE(w))
			return -EINVAL;
		w[nw++] = p;
		while (*p && !isspace(*p))
			p++;
		if (*p)
			*p++ = '\0';
	}
	if (nw && !strcmp(w[0], "burst")) {
		if (nw < 3 || nvsim_inj_u32(w[1], &n) || !n ||
		    n > NVSIM_BURST_MAX)
			return -EINVAL;
		first = 2;
	}
	ret = nvsim_inj_parse(gpu, w + first, nw - first, &inj);
	if (ret)
		return ret;

	for (i = 0; i < n; i++) {
		ret = nvsim_inj_run(gpu, &inj);
		if (ret)
			return ret;
		if (n > 1) {
			if (fatal_signal_pending(current))
				return -EINTR;
			cond_resched();
		}
	}
	return 0;
}

/**
 * nvsim_inject() - inject a GPU event or interrupt (for test modules)
 * @gpu: GPU number (0-based, as in /sys/kernel/debug/nvsim/gpu<N>)
 * @cmd: command, NUL terminated, as written to the debugfs file
 *	 nvsim/gpu<N>/inject: see docs/nvsim.md ("Event injection")
 *
 * Process context; may sleep. Nothing is timed here: a caller measuring
 * latency takes its own timestamp before the call.
 *
 * Return: 0; -EINVAL for a malformed command; -ENODEV if there is no such
 * GPU or the command needs a running GSP-RM that is not; -ENOMEM, -EBUSY
 * (too many events waiting) or -EINTR.
 */
int nvsim_inject(unsigned int gpu, const char *cmd)
{
	struct nvsim_gpu *g = nvsim_gpu_get(gpu);

	might_sleep();
	if (!g)
		return -ENODEV;
	if (!cmd)
		return -EINVAL;
	return nvsim_inject_gpu(g, cmd);
}
EXPORT_SYMBOL_NS_GPL(nvsim_inject, NVSIM);
