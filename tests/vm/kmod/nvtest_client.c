// SPDX-License-Identifier: GPL-2.0
/*
 * nvtest_client: a test client of the nvcore client API.
 *
 * Binds to the auxiliary device ``nvcore.test.<n>`` and exposes
 * /sys/kernel/debug/nvtest/<device>/cmd: write one command line, read back
 * its output as "key value" pairs (the output of the last command). An
 * unknown command or bad arguments make the write fail with -EINVAL; an
 * error of nvcore is reported as "err -ERRNO" in the output.
 *
 * Partitions are named by small ids (0..NVTEST_MAX_PARTS - 1) chosen by the
 * caller. Commands:
 *
 *   part_create ID VRAM CHIDS BAR1 GFIDS ENGINES  part_destroy ID
 *   vram_alloc ID SIZE ALIGN   vram_free ID BASE   vram_free_as ID OWNER BASE
 *   vram_write ID BASE BYTE LEN   vram_read ID BASE LEN
 *   chid_alloc ID COUNT   chid_free ID FIRST   gfid_alloc ID
 *   gfid_free ID GFID   bar1_alloc ID SIZE   bar1_free ID OFFSET
 *   engine_check ID ENGINE   exhaust ID vram|chid|gfid|bar1 SIZE
 *   double_free ID   sub ID KINDMASK   unsub ID   events   events_clear
 *   status   fbquery   info   notifier N   notifier_alloc N   notifier_free H
 *   bench_events N   bench_alloc N   vram_rw_race ID SIZE ROUNDS
 *
 * Sizes accept K/M/G suffixes; numbers may be hexadecimal (0x).
 */
#include <linux/auxiliary_bus.h>
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/genalloc.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <nvcore/nvcore.h>
#include <nvsim/nvsim_bus.h>

#define NVTEST_MAX_PARTS	8
#define NVTEST_OUT_SIZE		4096
#define NVTEST_CMD_MAX		256
#define NVTEST_MAX_ARGS		8
#define NVTEST_RW_CHUNK		SZ_1M
#define NVTEST_EXHAUST_MAX	4096
#define NVTEST_BENCH_MAX	100000
/* genalloc baseline: a fake address range, never dereferenced. */
#define NVTEST_POOL_BASE	SZ_1G

enum nvtest_res_kind {
	NVTEST_RES_VRAM,
	NVTEST_RES_CHID,
	NVTEST_RES_BAR1,
	NVTEST_RES_GFID,
};

/* One allocation made through a partition. */
struct nvtest_res {
	struct list_head node;
	enum nvtest_res_kind kind;
	union {
		struct nvc_vram_region vram;
		struct nvc_chid_range chid;
		struct nvc_bar1_range bar1;
		u32 gfid;
	};
};

/**
 * struct nvtest_part - one partition slot
 * @part: the partition or NULL; written under &nvtest_dev.lock, read
 *	locklessly (READ_ONCE) by event handlers to find their slot
 * @sub: its subscription or NULL (under &nvtest_dev.lock)
 * @res: its allocations, &struct nvtest_res (under &nvtest_dev.lock)
 * @count: events received per kind
 * @last_lock: protects @last; taken by atomic (non-stall) handlers
 * @last: the last event received
 */
struct nvtest_part {
	struct nvc_partition *part;
	struct nvc_event_sub *sub;
	struct list_head res;
	atomic_t count[NVC_EVENT_NR];
	spinlock_t last_lock;	/* protects @last (atomic handlers) */
	struct nvc_event last;
};

/**
 * struct nvtest_dev - state of one bound test device
 * @adev: the auxiliary device
 * @client: its nvcore client
 * @dir: debugfs directory
 * @lock: serialises commands; protects the slots' lists and @out
 * @parts: partition slots named by the commands
 * @bench: private slot of bench_events
 * @out: output of the last command
 * @out_len: its length
 * @lost_cb: lost callbacks received
 * @recovered_cb: recovered callbacks received
 * @last_reason: reason of the last lost callback, -1 for none
 * @bench_armed: the next matching event ends a bench_events round
 * @bench_kind: the kind of event bench_events waits for
 * @bench_t1: when the handler saw it (valid after @bench_done)
 * @bench_done: completed by the handler
 */
struct nvtest_dev {
	struct auxiliary_device *adev;
	struct nvc_client *client;
	struct dentry *dir;
	struct mutex lock;	/* serialises commands; slot lists, @out */
	struct nvtest_part parts[NVTEST_MAX_PARTS];
	struct nvtest_part bench;
	char *out;
	size_t out_len;
	atomic_t lost_cb;
	atomic_t recovered_cb;
	int last_reason;
	atomic_t bench_armed;
	int bench_kind;
	ktime_t bench_t1;
	struct completion bench_done;
};

static struct dentry *nvtest_dbg_root;

static const char * const nvtest_kind_names[NVC_EVENT_NR] = {
	[NVC_EVENT_RC] = "rc",
	[NVC_EVENT_MMU_FAULT] = "mmu",
	[NVC_EVENT_NONSTALL] = "nonstall",
	[NVC_EVENT_DISPLAY] = "display",
	[NVC_EVENT_VGPU] = "vgpu",
	[NVC_EVENT_FW_ERROR] = "fwerr",
};

static const char * const nvtest_reason_names[] = {
	[NVC_LOST_GSP_HANG] = "gsp-hang",
	[NVC_LOST_GSP_CRASH] = "gsp-crash",
	[NVC_LOST_PROTOCOL] = "protocol",
};

static __printf(2, 3) void nvtest_out(struct nvtest_dev *nd, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	nd->out_len += vscnprintf(nd->out + nd->out_len,
				  NVTEST_OUT_SIZE - nd->out_len, fmt, args);
	va_end(args);
}

/* ---- callbacks ---- */

static void nvtest_lost(struct nvc_client *client, enum nvc_lost_reason why)
{
	struct nvtest_dev *nd = nvc_client_get_drvdata(client);

	if (!nd)
		return;
	WRITE_ONCE(nd->last_reason, why);
	atomic_inc(&nd->lost_cb);
}

static void nvtest_recovered(struct nvc_client *client)
{
	struct nvtest_dev *nd = nvc_client_get_drvdata(client);

	if (nd)
		atomic_inc(&nd->recovered_cb);
}

static const struct nvc_client_ops nvtest_ops = {
	.lost = nvtest_lost,
	.recovered = nvtest_recovered,
};

/*
 * Event handler of every subscription. Runs in atomic context for
 * non-stall events: atomics and a spinlock only.
 */
static void nvtest_event(struct nvc_event_sub *sub, const struct nvc_event *ev)
{
	struct nvc_partition *part = nvc_event_sub_partition(sub);
	struct nvtest_dev *nd = nvc_client_get_drvdata(nvc_partition_client(part));
	struct nvtest_part *tp = NULL;
	unsigned long flags;
	unsigned int i;

	if (ev->kind >= NVC_EVENT_NR)
		return;
	/* A slot's @part is stable while its subscription exists. */
	for (i = 0; i < NVTEST_MAX_PARTS; i++)
		if (READ_ONCE(nd->parts[i].part) == part)
			tp = &nd->parts[i];
	if (READ_ONCE(nd->bench.part) == part)
		tp = &nd->bench;
	if (!tp)
		return;

	atomic_inc(&tp->count[ev->kind]);
	spin_lock_irqsave(&tp->last_lock, flags);
	tp->last = *ev;
	spin_unlock_irqrestore(&tp->last_lock, flags);

	if (tp == &nd->bench && ev->kind == READ_ONCE(nd->bench_kind) &&
	    atomic_xchg(&nd->bench_armed, 0)) {
		nd->bench_t1 = ktime_get();
		complete(&nd->bench_done);
	}
}

/* ---- partition slots ---- */

static void nvtest_slot_init(struct nvtest_part *tp, struct nvc_partition *p)
{
	unsigned int k;

	for (k = 0; k < NVC_EVENT_NR; k++)
		atomic_set(&tp->count[k], 0);
	memset(&tp->last, 0, sizeof(tp->last));
	INIT_LIST_HEAD(&tp->res);
	tp->sub = NULL;
	WRITE_ONCE(tp->part, p);
}

/* Caller holds &nvtest_dev.lock (or the device is going away). */
static void nvtest_slot_destroy(struct nvtest_part *tp)
{
	struct nvc_partition *p = tp->part;
	struct nvtest_res *r, *tmp;

	if (!p)
		return;
	if (tp->sub) {
		/* Returns once no handler of it runs any more. */
		nvc_event_unsubscribe(tp->sub);
		tp->sub = NULL;
	}
	WRITE_ONCE(tp->part, NULL);
	/* The partition's allocations go with it. */
	list_for_each_entry_safe(r, tmp, &tp->res, node) {
		list_del(&r->node);
		kfree(r);
	}
	nvc_partition_destroy(p);
}

static int nvtest_id(const char *s, unsigned int *id)
{
	if (kstrtouint(s, 0, id) || *id >= NVTEST_MAX_PARTS)
		return -EINVAL;
	return 0;
}

/* An existing partition slot named by @s. */
static int nvtest_slot(struct nvtest_dev *nd, const char *s,
		       struct nvtest_part **tp)
{
	unsigned int id;

	if (nvtest_id(s, &id) || !nd->parts[id].part)
		return -EINVAL;
	*tp = &nd->parts[id];
	return 0;
}

static int nvtest_u64(const char *s, u64 *v)
{
	return kstrtou64(s, 0, v) ? -EINVAL : 0;
}

static int nvtest_u32(const char *s, u32 *v)
{
	return kstrtou32(s, 0, v) ? -EINVAL : 0;
}

/* A size: a number with an optional K, M or G suffix. */
static int nvtest_size(const char *s, u64 *v)
{
	char *end;

	*v = memparse(s, &end);
	return end == s || *end ? -EINVAL : 0;
}

static struct nvtest_res *nvtest_res_new(enum nvtest_res_kind kind)
{
	struct nvtest_res *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (r)
		r->kind = kind;
	return r;
}

static bool nvtest_res_match(const struct nvtest_res *r,
			     enum nvtest_res_kind kind, u64 key)
{
	if (r->kind != kind)
		return false;
	switch (kind) {
	case NVTEST_RES_VRAM:
		return r->vram.base == key;
	case NVTEST_RES_CHID:
		return r->chid.first == key;
	case NVTEST_RES_BAR1:
		return r->bar1.offset == key;
	case NVTEST_RES_GFID:
		return r->gfid == key;
	}
	return false;
}

/* An allocation of @tp's first, else of any slot. */
static struct nvtest_res *nvtest_res_find(struct nvtest_dev *nd,
					  struct nvtest_part *tp,
					  enum nvtest_res_kind kind, u64 key)
{
	struct nvtest_res *r;
	unsigned int i;

	list_for_each_entry(r, &tp->res, node)
		if (nvtest_res_match(r, kind, key))
			return r;
	for (i = 0; i < NVTEST_MAX_PARTS; i++) {
		if (!nd->parts[i].part || &nd->parts[i] == tp)
			continue;
		list_for_each_entry(r, &nd->parts[i].res, node)
			if (nvtest_res_match(r, kind, key))
				return r;
	}
	return NULL;
}

/* ---- commands ---- */

static int nvtest_cmd_part_create(struct nvtest_dev *nd, char **argv)
{
	struct nvc_partition_limits lim = {};
	struct nvc_vram_region vr;
	struct nvc_chid_range cr;
	struct nvc_bar1_range br;
	struct nvc_partition *p;
	struct nvtest_part *tp;
	unsigned int id;
	u32 gfid;

	if (nvtest_id(argv[1], &id) || nvtest_size(argv[2], &lim.vram) ||
	    nvtest_u32(argv[3], &lim.chids) || nvtest_size(argv[4], &lim.bar1) ||
	    nvtest_u32(argv[5], &lim.gfids) || nvtest_u64(argv[6], &lim.engines))
		return -EINVAL;
	tp = &nd->parts[id];
	if (tp->part) {
		nvtest_out(nd, "err %d\n", -EBUSY);
		return 0;
	}
	p = nvc_partition_create(nd->client, &lim);
	if (IS_ERR(p)) {
		nvtest_out(nd, "err %ld\n", PTR_ERR(p));
		return 0;
	}
	nvtest_slot_init(tp, p);

	/* The blocks' bases: the first allocation of an empty partition. */
	nvtest_out(nd, "err 0");
	if (lim.vram && !nvc_vram_alloc(p, SZ_64K, 0, &vr)) {
		nvtest_out(nd, " vram_base 0x%llx", vr.base);
		nvc_vram_free(p, &vr);
	}
	if (lim.chids && !nvc_chid_alloc(p, 1, &cr)) {
		nvtest_out(nd, " chid_base %u", cr.first);
		nvc_chid_free(p, &cr);
	}
	if (lim.bar1 && !nvc_bar1_alloc(p, SZ_64K, &br)) {
		nvtest_out(nd, " bar1_base 0x%llx", br.offset);
		nvc_bar1_free(p, &br);
	}
	if (lim.gfids && !nvc_gfid_alloc(p, &gfid)) {
		nvtest_out(nd, " gfid_base %u", gfid);
		nvc_gfid_free(p, gfid);
	}
	nvtest_out(nd, "\n");
	return 0;
}

static int nvtest_cmd_part_destroy(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;

	if (nvtest_slot(nd, argv[1], &tp))
		return -EINVAL;
	nvtest_slot_destroy(tp);
	nvtest_out(nd, "err 0\n");
	return 0;
}

static int nvtest_cmd_vram_alloc(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;
	struct nvtest_res *r;
	u64 size, align;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_size(argv[2], &size) ||
	    nvtest_size(argv[3], &align))
		return -EINVAL;
	r = nvtest_res_new(NVTEST_RES_VRAM);
	if (!r)
		return -ENOMEM;
	ret = nvc_vram_alloc(tp->part, size, align, &r->vram);
	if (ret) {
		kfree(r);
		nvtest_out(nd, "err %d\n", ret);
		return 0;
	}
	list_add_tail(&r->node, &tp->res);
	nvtest_out(nd, "err 0 base 0x%llx size %llu\n", r->vram.base,
		   r->vram.size);
	return 0;
}

static int nvtest_cmd_vram_free(struct nvtest_dev *nd, char **argv)
{
	struct nvc_vram_region tmp;
	struct nvtest_part *tp;
	struct nvtest_res *r;
	u64 base;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_u64(argv[2], &base))
		return -EINVAL;
	r = nvtest_res_find(nd, tp, NVTEST_RES_VRAM, base);
	if (!r) {
		/* Not one of ours: let nvcore judge it. */
		tmp = (struct nvc_vram_region){ .part = tp->part, .base = base };
		ret = nvc_vram_free(tp->part, &tmp);
	} else {
		ret = nvc_vram_free(tp->part, &r->vram);
		if (!ret) {
			list_del(&r->node);
			kfree(r);
		}
	}
	nvtest_out(nd, "err %d\n", ret);
	return 0;
}

/* Free OWNER's region while passing partition ID. */
static int nvtest_cmd_vram_free_as(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp, *owner;
	struct nvtest_res *r;
	bool found = false;
	u64 base;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_slot(nd, argv[2], &owner) ||
	    nvtest_u64(argv[3], &base))
		return -EINVAL;
	list_for_each_entry(r, &owner->res, node) {
		if (nvtest_res_match(r, NVTEST_RES_VRAM, base)) {
			found = true;
			break;
		}
	}
	if (!found) {
		nvtest_out(nd, "err %d\n", -ENOENT);
		return 0;
	}
	ret = nvc_vram_free(tp->part, &r->vram);
	if (!ret) {
		list_del(&r->node);
		kfree(r);
	}
	nvtest_out(nd, "err %d\n", ret);
	return 0;
}

static int nvtest_cmd_vram_write(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;
	u64 base, len, done;
	size_t chunk;
	u32 byte;
	int ret = 0;
	u8 *buf;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_u64(argv[2], &base) ||
	    nvtest_u32(argv[3], &byte) || byte > 0xff ||
	    nvtest_size(argv[4], &len))
		return -EINVAL;
	buf = kvmalloc(min_t(u64, len, NVTEST_RW_CHUNK) ?: 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, byte, min_t(u64, len, NVTEST_RW_CHUNK));
	for (done = 0; done < len && !ret; done += chunk) {
		chunk = min_t(u64, len - done, NVTEST_RW_CHUNK);
		ret = nvc_vram_write(tp->part, base + done, buf, chunk);
	}
	kvfree(buf);
	nvtest_out(nd, "err %d\n", ret);
	return 0;
}

static int nvtest_cmd_vram_read(struct nvtest_dev *nd, char **argv)
{
	u64 base, len, done, sum = 0, nonzero = 0;
	struct nvtest_part *tp;
	size_t chunk, i;
	int ret = 0;
	u8 *buf;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_u64(argv[2], &base) ||
	    nvtest_size(argv[3], &len))
		return -EINVAL;
	buf = kvmalloc(min_t(u64, len, NVTEST_RW_CHUNK) ?: 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (done = 0; done < len && !ret; done += chunk) {
		chunk = min_t(u64, len - done, NVTEST_RW_CHUNK);
		ret = nvc_vram_read(tp->part, base + done, buf, chunk);
		for (i = 0; !ret && i < chunk; i++) {
			sum += buf[i];
			nonzero += !!buf[i];
		}
	}
	kvfree(buf);
	if (ret)
		nvtest_out(nd, "err %d\n", ret);
	else
		nvtest_out(nd, "err 0 sum %llu nonzero %llu\n", sum, nonzero);
	return 0;
}

static int nvtest_cmd_chid_alloc(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;
	struct nvtest_res *r;
	u32 count;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_u32(argv[2], &count))
		return -EINVAL;
	r = nvtest_res_new(NVTEST_RES_CHID);
	if (!r)
		return -ENOMEM;
	ret = nvc_chid_alloc(tp->part, count, &r->chid);
	if (ret) {
		kfree(r);
		nvtest_out(nd, "err %d\n", ret);
		return 0;
	}
	list_add_tail(&r->node, &tp->res);
	nvtest_out(nd, "err 0 first %u count %u\n", r->chid.first,
		   r->chid.count);
	return 0;
}

static int nvtest_cmd_chid_free(struct nvtest_dev *nd, char **argv)
{
	struct nvc_chid_range tmp;
	struct nvtest_part *tp;
	struct nvtest_res *r;
	u32 first;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_u32(argv[2], &first))
		return -EINVAL;
	r = nvtest_res_find(nd, tp, NVTEST_RES_CHID, first);
	if (!r) {
		tmp = (struct nvc_chid_range){
			.part = tp->part, .first = first, .count = 1,
		};
		ret = nvc_chid_free(tp->part, &tmp);
	} else {
		ret = nvc_chid_free(tp->part, &r->chid);
		if (!ret) {
			list_del(&r->node);
			kfree(r);
		}
	}
	nvtest_out(nd, "err %d\n", ret);
	return 0;
}

static int nvtest_cmd_gfid_alloc(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;
	struct nvtest_res *r;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp))
		return -EINVAL;
	r = nvtest_res_new(NVTEST_RES_GFID);
	if (!r)
		return -ENOMEM;
	ret = nvc_gfid_alloc(tp->part, &r->gfid);
	if (ret) {
		kfree(r);
		nvtest_out(nd, "err %d\n", ret);
		return 0;
	}
	list_add_tail(&r->node, &tp->res);
	nvtest_out(nd, "err 0 gfid %u\n", r->gfid);
	return 0;
}

static int nvtest_cmd_gfid_free(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;
	struct nvtest_res *r;
	u32 gfid;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_u32(argv[2], &gfid))
		return -EINVAL;
	ret = nvc_gfid_free(tp->part, gfid);
	if (!ret) {
		list_for_each_entry(r, &tp->res, node) {
			if (nvtest_res_match(r, NVTEST_RES_GFID, gfid)) {
				list_del(&r->node);
				kfree(r);
				break;
			}
		}
	}
	nvtest_out(nd, "err %d\n", ret);
	return 0;
}

static int nvtest_cmd_bar1_alloc(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;
	struct nvtest_res *r;
	u64 size;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_size(argv[2], &size))
		return -EINVAL;
	r = nvtest_res_new(NVTEST_RES_BAR1);
	if (!r)
		return -ENOMEM;
	ret = nvc_bar1_alloc(tp->part, size, &r->bar1);
	if (ret) {
		kfree(r);
		nvtest_out(nd, "err %d\n", ret);
		return 0;
	}
	list_add_tail(&r->node, &tp->res);
	nvtest_out(nd, "err 0 offset 0x%llx size %llu\n", r->bar1.offset,
		   r->bar1.size);
	return 0;
}

static int nvtest_cmd_bar1_free(struct nvtest_dev *nd, char **argv)
{
	struct nvc_bar1_range tmp;
	struct nvtest_part *tp;
	struct nvtest_res *r;
	u64 off;
	int ret;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_u64(argv[2], &off))
		return -EINVAL;
	r = nvtest_res_find(nd, tp, NVTEST_RES_BAR1, off);
	if (!r) {
		tmp = (struct nvc_bar1_range){ .part = tp->part, .offset = off };
		ret = nvc_bar1_free(tp->part, &tmp);
	} else {
		ret = nvc_bar1_free(tp->part, &r->bar1);
		if (!ret) {
			list_del(&r->node);
			kfree(r);
		}
	}
	nvtest_out(nd, "err %d\n", ret);
	return 0;
}

static int nvtest_cmd_engine_check(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;
	u32 engine;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_u32(argv[2], &engine))
		return -EINVAL;
	nvtest_out(nd, "err %d\n", nvc_engine_check(tp->part, engine));
	return 0;
}

/* Allocate @size units of @kind until failure, then free them all. */
static int nvtest_cmd_exhaust(struct nvtest_dev *nd, char **argv)
{
	enum nvtest_res_kind kind;
	struct nvtest_res *units;
	struct nvtest_part *tp;
	unsigned int n, freed = 0;
	int ret = 0;
	u64 size;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_size(argv[3], &size))
		return -EINVAL;
	if (!strcmp(argv[2], "vram"))
		kind = NVTEST_RES_VRAM;
	else if (!strcmp(argv[2], "chid"))
		kind = NVTEST_RES_CHID;
	else if (!strcmp(argv[2], "gfid"))
		kind = NVTEST_RES_GFID;
	else if (!strcmp(argv[2], "bar1"))
		kind = NVTEST_RES_BAR1;
	else
		return -EINVAL;
	if (kind == NVTEST_RES_CHID && size > U32_MAX)
		return -EINVAL;

	units = kvcalloc(NVTEST_EXHAUST_MAX, sizeof(*units), GFP_KERNEL);
	if (!units)
		return -ENOMEM;
	for (n = 0; n < NVTEST_EXHAUST_MAX; n++) {
		switch (kind) {
		case NVTEST_RES_VRAM:
			ret = nvc_vram_alloc(tp->part, size, 0, &units[n].vram);
			break;
		case NVTEST_RES_CHID:
			ret = nvc_chid_alloc(tp->part, size, &units[n].chid);
			break;
		case NVTEST_RES_GFID:
			ret = nvc_gfid_alloc(tp->part, &units[n].gfid);
			break;
		case NVTEST_RES_BAR1:
			ret = nvc_bar1_alloc(tp->part, size, &units[n].bar1);
			break;
		}
		if (ret)
			break;
	}
	nvtest_out(nd, "count %u err %d\n", n, ret);

	while (n--) {
		switch (kind) {
		case NVTEST_RES_VRAM:
			ret = nvc_vram_free(tp->part, &units[n].vram);
			break;
		case NVTEST_RES_CHID:
			ret = nvc_chid_free(tp->part, &units[n].chid);
			break;
		case NVTEST_RES_GFID:
			ret = nvc_gfid_free(tp->part, units[n].gfid);
			break;
		case NVTEST_RES_BAR1:
			ret = nvc_bar1_free(tp->part, &units[n].bar1);
			break;
		}
		freed += !ret;
	}
	nvtest_out(nd, "freed %u\n", freed);
	kvfree(units);
	return 0;
}

static int nvtest_cmd_double_free(struct nvtest_dev *nd, char **argv)
{
	struct nvc_vram_region r;
	struct nvtest_part *tp;
	int ret, free1, free2;

	if (nvtest_slot(nd, argv[1], &tp))
		return -EINVAL;
	ret = nvc_vram_alloc(tp->part, SZ_64K, 0, &r);
	if (ret) {
		nvtest_out(nd, "alloc %d\n", ret);
		return 0;
	}
	free1 = nvc_vram_free(tp->part, &r);
	free2 = nvc_vram_free(tp->part, &r);
	nvtest_out(nd, "alloc 0 free1 %d free2 %d\n", free1, free2);
	return 0;
}

static int nvtest_cmd_sub(struct nvtest_dev *nd, char **argv)
{
	struct nvc_event_sub *sub;
	struct nvtest_part *tp;
	unsigned long kinds;

	if (nvtest_slot(nd, argv[1], &tp) || kstrtoul(argv[2], 0, &kinds))
		return -EINVAL;
	if (tp->sub) {
		nvtest_out(nd, "err %d\n", -EBUSY);
		return 0;
	}
	sub = nvc_event_subscribe(tp->part, kinds, nvtest_event);
	if (IS_ERR(sub)) {
		nvtest_out(nd, "err %ld\n", PTR_ERR(sub));
		return 0;
	}
	tp->sub = sub;
	nvtest_out(nd, "err 0\n");
	return 0;
}

static int nvtest_cmd_unsub(struct nvtest_dev *nd, char **argv)
{
	struct nvtest_part *tp;

	if (nvtest_slot(nd, argv[1], &tp))
		return -EINVAL;
	if (!tp->sub) {
		nvtest_out(nd, "err %d\n", -ENOENT);
		return 0;
	}
	nvc_event_unsubscribe(tp->sub);
	tp->sub = NULL;
	nvtest_out(nd, "err 0\n");
	return 0;
}

static int nvtest_cmd_events(struct nvtest_dev *nd, char **argv)
{
	struct nvc_event last;
	struct nvtest_part *tp;
	unsigned long flags;
	unsigned int i, k;

	for (i = 0; i < NVTEST_MAX_PARTS; i++) {
		tp = &nd->parts[i];
		if (!tp->part)
			continue;
		nvtest_out(nd, "p%u", i);
		for (k = 0; k < NVC_EVENT_NR; k++)
			nvtest_out(nd, " %s %d", nvtest_kind_names[k],
				   atomic_read(&tp->count[k]));
		spin_lock_irqsave(&tp->last_lock, flags);
		last = tp->last;
		spin_unlock_irqrestore(&tp->last_lock, flags);
		nvtest_out(nd, "\np%u_last chid %u engine %u gfid %u head %u xid %u notifier %u handle 0x%x data %llu\n",
			   i, last.chid, last.engine, last.gfid, last.head,
			   last.xid, last.notifier, last.handle, last.data);
	}
	return 0;
}

static int nvtest_cmd_events_clear(struct nvtest_dev *nd, char **argv)
{
	unsigned int i, k;

	for (i = 0; i < NVTEST_MAX_PARTS; i++)
		for (k = 0; k < NVC_EVENT_NR; k++)
			atomic_set(&nd->parts[i].count[k], 0);
	nvtest_out(nd, "err 0\n");
	return 0;
}

static int nvtest_cmd_status(struct nvtest_dev *nd, char **argv)
{
	int why = READ_ONCE(nd->last_reason);
	struct nvc_gpu_status st;

	nvc_client_status(nd->client, &st);
	nvtest_out(nd, "lost %d recoveries %u lost_cb %d recovered_cb %d last_reason %s\n",
		   st.lost, st.recoveries, atomic_read(&nd->lost_cb),
		   atomic_read(&nd->recovered_cb),
		   why < 0 ? "none" : (unsigned int)why < ARRAY_SIZE(nvtest_reason_names) ?
		   nvtest_reason_names[why] : "unknown");
	return 0;
}

static int nvtest_cmd_fbquery(struct nvtest_dev *nd, char **argv)
{
	u64 ram = 0, usable = 0, bar1 = 0;
	int ret;

	ret = nvc_client_fb_query(nd->client, NVC_FB_RAM_SIZE, &ram);
	if (!ret)
		ret = nvc_client_fb_query(nd->client, NVC_FB_USABLE_SIZE, &usable);
	if (!ret)
		ret = nvc_client_fb_query(nd->client, NVC_FB_BAR1_SIZE, &bar1);
	nvtest_out(nd, "err %d ram %llu usable %llu bar1 %llu\n", ret, ram,
		   usable, bar1);
	return 0;
}

/* notifier N: allocate an RM event object, free it, free it again. */
static int nvtest_cmd_notifier(struct nvtest_dev *nd, char **argv)
{
	int ret, free1 = 0, free2 = 0;
	u32 n, h = 0;

	if (nvtest_u32(argv[1], &n))
		return -EINVAL;
	ret = nvc_object_alloc_notifier(nd->client, n, &h);
	if (!ret) {
		free1 = nvc_object_free(nd->client, h);
		free2 = nvc_object_free(nd->client, h);
	}
	nvtest_out(nd, "err %d handle 0x%x free %d refree %d\n", ret, h, free1,
		   free2);
	return 0;
}

/* notifier_alloc N: allocate an RM event object and keep it. */
static int nvtest_cmd_notifier_alloc(struct nvtest_dev *nd, char **argv)
{
	u32 n, h = 0;
	int ret;

	if (nvtest_u32(argv[1], &n))
		return -EINVAL;
	ret = nvc_object_alloc_notifier(nd->client, n, &h);
	nvtest_out(nd, "err %d handle 0x%x\n", ret, h);
	return 0;
}

/* notifier_free H: free an event object of notifier_alloc. */
static int nvtest_cmd_notifier_free(struct nvtest_dev *nd, char **argv)
{
	u32 h;

	if (nvtest_u32(argv[1], &h))
		return -EINVAL;
	nvtest_out(nd, "err %d\n", nvc_object_free(nd->client, h));
	return 0;
}

static int nvtest_cmd_info(struct nvtest_dev *nd, char **argv)
{
	const struct nvc_gpu_info *info = nvc_client_gpu_info(nd->client);

	nvtest_out(nd, "chip %s\nengines %u\ncopy_engines %u\n", info->chip,
		   info->nr_engines, info->nr_copy_engines);
	nvtest_out(nd, "vram %llu\nvram_usable %llu\nbar1 %llu\n",
		   info->vram_size, info->vram_usable, info->bar1_size);
	nvtest_out(nd, "heads %u\nfirmware %s\n", info->nr_display_heads,
		   info->fw_version);
	return 0;
}

static int nvtest_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* Percentile @pct of @n sorted latencies, as "us.fraction". */
static void nvtest_out_pct(struct nvtest_dev *nd, const char *what,
			   const u64 *lat, unsigned int n, unsigned int pct)
{
	u64 ns = n ? lat[(u64)(n - 1) * pct / 100] : 0;

	nvtest_out(nd, " %s_p%u_us %llu.%03llu", what, pct, ns / 1000, ns % 1000);
}

/*
 * One series of bench_events: inject @cmd @n times; each round ends when
 * the handler saw an event of @kind on the bench slot.
 */
static int nvtest_bench_series(struct nvtest_dev *nd,
			       int (*inject)(unsigned int gpu, const char *cmd),
			       const char *what, int kind, const char *cmd,
			       u64 *lat, unsigned int n, unsigned int *lost)
{
	unsigned int i, got = 0;
	ktime_t t0;
	int ret = 0;

	WRITE_ONCE(nd->bench_kind, kind);
	for (i = 0; i < n; i++) {
		reinit_completion(&nd->bench_done);
		atomic_set(&nd->bench_armed, 1);
		t0 = ktime_get();
		ret = inject(nd->adev->id, cmd);
		if (ret) {
			atomic_set(&nd->bench_armed, 0);
			break;
		}
		if (!wait_for_completion_timeout(&nd->bench_done, HZ)) {
			atomic_set(&nd->bench_armed, 0);
			(*lost)++;
			continue;
		}
		lat[got++] = ktime_to_ns(ktime_sub(nd->bench_t1, t0));
	}
	sort(lat, got, sizeof(*lat), nvtest_cmp_u64, NULL);
	nvtest_out(nd, "%s_n %u", what, got);
	nvtest_out_pct(nd, what, lat, got, 50);
	nvtest_out_pct(nd, what, lat, got, 99);
	nvtest_out(nd, "\n");
	return ret;
}

static int nvtest_cmd_bench_events(struct nvtest_dev *nd, char **argv)
{
	const struct nvc_gpu_info *info = nvc_client_gpu_info(nd->client);
	int (*inject)(unsigned int gpu, const char *cmd);
	struct nvc_partition_limits lim = { .chids = 16 };
	struct nvtest_part *tp = &nd->bench;
	struct nvc_event_sub *sub;
	struct nvc_chid_range cr;
	struct nvc_partition *p;
	unsigned int n, lost = 0;
	char cmd[32];
	u64 *lat;
	int ret;

	if (kstrtouint(argv[1], 0, &n) || !n || n > NVTEST_BENCH_MAX)
		return -EINVAL;
	lim.engines = info->nr_engines >= 64 ? U64_MAX :
		      GENMASK_ULL(info->nr_engines - 1, 0);

	/* nvsim's injector, if nvsim is loaded; no hard dependency on it. */
	inject = symbol_get(nvsim_inject);
	if (!inject) {
		nvtest_out(nd, "err %d\n", -ENOENT);
		return 0;
	}
	ret = -ENOMEM;
	lat = kvmalloc_array(n, sizeof(*lat), GFP_KERNEL);
	if (!lat)
		goto out_put;
	p = nvc_partition_create(nd->client, &lim);
	if (IS_ERR(p)) {
		ret = PTR_ERR(p);
		goto out_free;
	}
	nvtest_slot_init(tp, p);
	ret = nvc_chid_alloc(p, 1, &cr);
	if (ret)
		goto out_part;
	sub = nvc_event_subscribe(p, BIT(NVC_EVENT_RC) | BIT(NVC_EVENT_NONSTALL),
				  nvtest_event);
	if (IS_ERR(sub)) {
		ret = PTR_ERR(sub);
		goto out_part;
	}
	tp->sub = sub;

	snprintf(cmd, sizeof(cmd), "rc %u 13 1", cr.first);
	ret = nvtest_bench_series(nd, inject, "rc", NVC_EVENT_RC, cmd, lat, n,
				  &lost);
	if (!ret)
		ret = nvtest_bench_series(nd, inject, "nonstall",
					  NVC_EVENT_NONSTALL, "nonstall 0", lat,
					  n, &lost);
	nvtest_out(nd, "lost %u\n", lost);

out_part:
	/* Unsubscribes, frees the channel IDs with the partition. */
	nvtest_slot_destroy(tp);
out_free:
	kvfree(lat);
out_put:
	symbol_put(nvsim_inject);
	nvtest_out(nd, "err %d\n", ret);
	return 0;
}

static u64 nvtest_ops_s(unsigned int n, ktime_t t0)
{
	u64 ns = ktime_to_ns(ktime_sub(ktime_get(), t0)) ?: 1;

	return div64_u64((u64)n * NSEC_PER_SEC, ns);
}

static int nvtest_cmd_bench_alloc(struct nvtest_dev *nd, char **argv)
{
	struct nvc_partition_limits lim = { .vram = SZ_64M };
	struct nvc_vram_region r;
	struct nvc_partition *p;
	struct gen_pool *pool;
	u64 nvc_ops, gp_ops;
	unsigned long addr;
	unsigned int i, n;
	ktime_t t0;
	int ret;

	if (kstrtouint(argv[1], 0, &n) || !n)
		return -EINVAL;
	p = nvc_partition_create(nd->client, &lim);
	if (IS_ERR(p)) {
		nvtest_out(nd, "err %ld\n", PTR_ERR(p));
		return 0;
	}
	pool = gen_pool_create(ilog2(SZ_64K), NUMA_NO_NODE);
	if (!pool) {
		ret = -ENOMEM;
		goto out_part;
	}
	ret = gen_pool_add(pool, NVTEST_POOL_BASE, SZ_64M, NUMA_NO_NODE);
	if (ret)
		goto out_pool;

	t0 = ktime_get();
	for (i = 0; i < n; i++) {
		ret = nvc_vram_alloc(p, SZ_64K, 0, &r);
		if (!ret)
			ret = nvc_vram_free(p, &r);
		if (ret)
			goto out_pool;
	}
	nvc_ops = nvtest_ops_s(n, t0);

	t0 = ktime_get();
	for (i = 0; i < n; i++) {
		addr = gen_pool_alloc(pool, SZ_64K);
		if (!addr) {
			ret = -ENOMEM;
			goto out_pool;
		}
		gen_pool_free(pool, addr, SZ_64K);
	}
	gp_ops = nvtest_ops_s(n, t0);
	nvtest_out(nd, "vram_alloc_free_ops_s %llu genalloc_ops_s %llu\n",
		   nvc_ops, gp_ops);

out_pool:
	gen_pool_destroy(pool);
out_part:
	nvc_partition_destroy(p);
	nvtest_out(nd, "err %d\n", ret);
	return 0;
}

/* One round of vram_rw_race: a thread reads a region the caller frees. */
struct nvtest_race {
	struct nvc_partition *part;
	struct nvc_vram_region r;
	u8 *buf;
	int ret;
	struct completion started;
	struct completion done;
};

static int nvtest_race_reader(void *arg)
{
	struct nvtest_race *rc = arg;

	complete(&rc->started);
	rc->ret = nvc_vram_read(rc->part, rc->r.base, rc->buf, rc->r.size);
	kthread_complete_and_exit(&rc->done, 0);
}

/*
 * vram_rw_race ID SIZE ROUNDS: fill SIZE bytes (at most 64 MiB, more than
 * one bus transfer) with 0x5a and let a thread read them while this one,
 * ~1 ms later, frees them, allocates them again and writes 0xa5 over the
 * last transfer's worth. A read that succeeded must hold only 0x5a:
 * "torn" counts reads that returned bytes written after their region was
 * freed ("moved": rounds where the region came back elsewhere).
 */
static int nvtest_cmd_vram_rw_race(struct nvtest_dev *nd, char **argv)
{
	unsigned int rounds, i, read_ok = 0, torn = 0, moved = 0;
	struct nvc_vram_region again;
	struct nvtest_race *rc;
	struct nvtest_part *tp;
	struct task_struct *t;
	u64 size, tail, base;
	int ret = 0;
	u8 *pat;

	if (nvtest_slot(nd, argv[1], &tp) || nvtest_size(argv[2], &size) ||
	    !size || size > SZ_64M || nvtest_u32(argv[3], &rounds) ||
	    !rounds || rounds > 1000)
		return -EINVAL;
	tail = min_t(u64, size, NVSIM_VRAM_RW_MAX);
	rc = kzalloc(sizeof(*rc), GFP_KERNEL);
	if (!rc)
		return -ENOMEM;
	rc->buf = kvmalloc(size, GFP_KERNEL);
	pat = kvmalloc(size, GFP_KERNEL);
	if (!rc->buf || !pat) {
		ret = -ENOMEM;
		goto out;
	}
	rc->part = tp->part;
	for (i = 0; i < rounds && !ret; i++) {
		ret = nvc_vram_alloc(tp->part, size, 0, &rc->r);
		if (ret)
			break;
		memset(pat, 0x5a, size);
		ret = nvc_vram_write(tp->part, rc->r.base, pat, size);
		if (ret) {
			nvc_vram_free(tp->part, &rc->r);
			break;
		}
		base = rc->r.base;
		init_completion(&rc->started);
		init_completion(&rc->done);
		t = kthread_run(nvtest_race_reader, rc, "nvtest-race");
		if (IS_ERR(t)) {
			nvc_vram_free(tp->part, &rc->r);
			ret = PTR_ERR(t);
			break;
		}
		wait_for_completion(&rc->started);
		usleep_range(1000, 2000);
		ret = nvc_vram_free(tp->part, &rc->r);
		if (!ret)
			ret = nvc_vram_alloc(tp->part, size, 0, &again);
		if (!ret) {
			moved += again.base != base;
			memset(pat, 0xa5, tail);
			ret = nvc_vram_write(tp->part, again.base + size - tail,
					     pat, tail);
			nvc_vram_free(tp->part, &again);
		}
		wait_for_completion(&rc->done);
		if (!rc->ret) {
			read_ok++;
			torn += !!memchr_inv(rc->buf, 0x5a, size);
		}
	}
out:
	kvfree(pat);
	kvfree(rc->buf);
	kfree(rc);
	nvtest_out(nd, "err %d rounds %u read_ok %u torn %u moved %u\n", ret, i,
		   read_ok, torn, moved);
	return 0;
}

struct nvtest_cmd {
	const char *name;
	unsigned int nargs;
	int (*fn)(struct nvtest_dev *nd, char **argv);
};

static const struct nvtest_cmd nvtest_cmds[] = {
	{ "part_create", 6, nvtest_cmd_part_create },
	{ "part_destroy", 1, nvtest_cmd_part_destroy },
	{ "vram_alloc", 3, nvtest_cmd_vram_alloc },
	{ "vram_free", 2, nvtest_cmd_vram_free },
	{ "vram_free_as", 3, nvtest_cmd_vram_free_as },
	{ "vram_write", 4, nvtest_cmd_vram_write },
	{ "vram_read", 3, nvtest_cmd_vram_read },
	{ "chid_alloc", 2, nvtest_cmd_chid_alloc },
	{ "chid_free", 2, nvtest_cmd_chid_free },
	{ "gfid_alloc", 1, nvtest_cmd_gfid_alloc },
	{ "gfid_free", 2, nvtest_cmd_gfid_free },
	{ "bar1_alloc", 2, nvtest_cmd_bar1_alloc },
	{ "bar1_free", 2, nvtest_cmd_bar1_free },
	{ "engine_check", 2, nvtest_cmd_engine_check },
	{ "exhaust", 3, nvtest_cmd_exhaust },
	{ "double_free", 1, nvtest_cmd_double_free },
	{ "sub", 2, nvtest_cmd_sub },
	{ "unsub", 1, nvtest_cmd_unsub },
	{ "events", 0, nvtest_cmd_events },
	{ "events_clear", 0, nvtest_cmd_events_clear },
	{ "status", 0, nvtest_cmd_status },
	{ "fbquery", 0, nvtest_cmd_fbquery },
	{ "info", 0, nvtest_cmd_info },
	{ "notifier", 1, nvtest_cmd_notifier },
	{ "notifier_alloc", 1, nvtest_cmd_notifier_alloc },
	{ "notifier_free", 1, nvtest_cmd_notifier_free },
	{ "bench_events", 1, nvtest_cmd_bench_events },
	{ "bench_alloc", 1, nvtest_cmd_bench_alloc },
	{ "vram_rw_race", 3, nvtest_cmd_vram_rw_race },
};

/* Caller holds &nvtest_dev.lock. */
static int nvtest_run(struct nvtest_dev *nd, char *line)
{
	char *argv[NVTEST_MAX_ARGS + 1];
	unsigned int argc = 0, i;
	char *tok;
	int ret;

	while ((tok = strsep(&line, " \t\n")) != NULL) {
		if (!*tok)
			continue;
		if (argc == ARRAY_SIZE(argv))
			return -EINVAL;
		argv[argc++] = tok;
	}
	nd->out_len = 0;
	nd->out[0] = '\0';
	if (!argc)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(nvtest_cmds); i++) {
		if (strcmp(argv[0], nvtest_cmds[i].name))
			continue;
		if (argc != nvtest_cmds[i].nargs + 1)
			return -EINVAL;
		ret = nvtest_cmds[i].fn(nd, argv);
		if (ret) {
			nd->out_len = 0;
			nd->out[0] = '\0';
		}
		return ret;
	}
	return -EINVAL;
}

static ssize_t nvtest_cmd_write(struct file *file, const char __user *ubuf,
				size_t len, loff_t *ppos)
{
	struct nvtest_dev *nd = file->private_data;
	char *buf;
	int ret;

	if (len >= NVTEST_CMD_MAX)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	mutex_lock(&nd->lock);
	ret = nvtest_run(nd, buf);
	mutex_unlock(&nd->lock);
	kfree(buf);
	return ret ? ret : len;
}

static ssize_t nvtest_cmd_read(struct file *file, char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	struct nvtest_dev *nd = file->private_data;
	ssize_t ret;

	mutex_lock(&nd->lock);
	ret = simple_read_from_buffer(ubuf, len, ppos, nd->out, nd->out_len);
	mutex_unlock(&nd->lock);
	return ret;
}

static const struct file_operations nvtest_cmd_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = nvtest_cmd_read,
	.write = nvtest_cmd_write,
	.llseek = default_llseek,
};

/* ---- auxiliary driver ---- */

static int nvtest_probe(struct auxiliary_device *adev,
			const struct auxiliary_device_id *id)
{
	struct nvtest_dev *nd;
	unsigned int i;
	int ret;

	nd = kzalloc(sizeof(*nd), GFP_KERNEL);
	if (!nd)
		return -ENOMEM;
	nd->out = kzalloc(NVTEST_OUT_SIZE, GFP_KERNEL);
	if (!nd->out) {
		ret = -ENOMEM;
		goto err_free;
	}
	nd->adev = adev;
	mutex_init(&nd->lock);
	for (i = 0; i < NVTEST_MAX_PARTS; i++) {
		spin_lock_init(&nd->parts[i].last_lock);
		INIT_LIST_HEAD(&nd->parts[i].res);
	}
	spin_lock_init(&nd->bench.last_lock);
	INIT_LIST_HEAD(&nd->bench.res);
	init_completion(&nd->bench_done);
	nd->last_reason = -1;

	nd->client = nvc_client_open(adev, &nvtest_ops);
	if (IS_ERR(nd->client)) {
		ret = PTR_ERR(nd->client);
		dev_err(&adev->dev, "nvtest: nvc_client_open failed (%d)\n", ret);
		goto err_out;
	}
	nvc_client_set_drvdata(nd->client, nd);
	auxiliary_set_drvdata(adev, nd);

	nd->dir = debugfs_create_dir(dev_name(&adev->dev), nvtest_dbg_root);
	debugfs_create_file("cmd", 0600, nd->dir, nd, &nvtest_cmd_fops);
	dev_info(&adev->dev, "nvtest: bound to GPU %u\n", adev->id);
	return 0;

err_out:
	mutex_destroy(&nd->lock);
	kfree(nd->out);
err_free:
	kfree(nd);
	return ret;
}

static void nvtest_remove(struct auxiliary_device *adev)
{
	struct nvtest_dev *nd = auxiliary_get_drvdata(adev);
	unsigned int i;

	/* Waits for a command in progress; no new one can start. */
	debugfs_remove_recursive(nd->dir);

	mutex_lock(&nd->lock);
	for (i = 0; i < NVTEST_MAX_PARTS; i++)
		nvtest_slot_destroy(&nd->parts[i]);
	mutex_unlock(&nd->lock);
	nvc_client_close(nd->client);

	dev_info(&adev->dev, "nvtest: removed\n");
	mutex_destroy(&nd->lock);
	kfree(nd->out);
	kfree(nd);
}

static const struct auxiliary_device_id nvtest_id_table[] = {
	{ .name = "nvcore." NVC_AUX_TEST },
	{}
};
MODULE_DEVICE_TABLE(auxiliary, nvtest_id_table);

static struct auxiliary_driver nvtest_driver = {
	.name = "test",
	.probe = nvtest_probe,
	.remove = nvtest_remove,
	.id_table = nvtest_id_table,
};

static int __init nvtest_init(void)
{
	int ret;

	nvtest_dbg_root = debugfs_create_dir("nvtest", NULL);
	ret = auxiliary_driver_register(&nvtest_driver);
	if (ret)
		debugfs_remove_recursive(nvtest_dbg_root);
	return ret;
}
module_init(nvtest_init);

static void __exit nvtest_exit(void)
{
	auxiliary_driver_unregister(&nvtest_driver);
	debugfs_remove_recursive(nvtest_dbg_root);
}
module_exit(nvtest_exit);

MODULE_DESCRIPTION("nvcore test client (client API exerciser)");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NVCORE);
MODULE_IMPORT_NS(NVSIM);
