// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore_test: self-tests and benchmarks of the GSP transport, driven from
 * debugfs (gpuN/rpc_selftest, gpuN/bench, see main.c) by the VM tests.
 * They reach nvcore only through its test interface (core/testif.h).
 *
 * DOC: transport self-test and benchmarks
 *
 * The self-test runs C kernel threads that each issue N NOP RPCs carrying
 * a payload unique to (thread, call) and check that the reply echoes
 * exactly that payload: a reply delivered to the wrong caller, lost or
 * corrupted is counted as a failure.
 *
 * The benchmarks measure, in one run, each figure next to its baseline:
 * small-RPC latency (one caller and eight) against a bare shared-memory
 * ping-pong between two kernel threads that wait for each other with the
 * transport's own policy (doorbell wake-up; the same spin window, reported
 * as rpc_spin_us; then the same sleep and wake-up), and 1 MiB RPC
 * throughput (continuation records both ways) against memcpy of the same
 * buffer.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/sort.h>
#include <linux/vmalloc.h>

#include "testif.h"
#include "selftest.h"

#define NVC_ST_MAX_CALLERS 64

struct nvc_st_caller {
	struct nvc_gpu *gpu;
	struct nvc_gsp *gsp;
	unsigned int id;
	unsigned int n;
	size_t payload;
	u64 *lat_ns;
	unsigned int ok;
	unsigned int bad;
	int first_err;
	bool stop;
	struct completion done;
};

/* Stop early: the writer was killed, the GPU is going, or the transport died. */
static bool nvc_st_stopped(struct nvc_st_caller *c)
{
	return READ_ONCE(c->stop) || nvc_test_gpu_going(c->gpu);
}

static int nvc_st_caller_fn(void *arg)
{
	struct nvc_st_caller *c = arg;
	u8 *req, *rep;
	unsigned int i;
	u32 result;

	req = kvmalloc(c->payload, GFP_KERNEL);
	rep = kvmalloc(c->payload, GFP_KERNEL);
	if (!req || !rep) {
		c->first_err = -ENOMEM;
		c->bad = c->n;
		goto out;
	}
	for (i = 0; i < c->n; i++) {
		ktime_t t0;
		int ret;

		if (nvc_st_stopped(c)) {
			c->bad += c->n - i;
			if (!c->first_err)
				c->first_err = -EINTR;
			break;
		}
		get_random_bytes(req, c->payload);
		memcpy(req, &c->id, sizeof(c->id));
		memcpy(req + 4, &i, sizeof(i));
		memset(rep, 0, c->payload);
		t0 = ktime_get();
		ret = nvc_test_rpc_echo(c->gsp, req, rep, c->payload, &result);
		if (c->lat_ns)
			c->lat_ns[i] = ktime_to_ns(ktime_sub(ktime_get(), t0));
		if (!ret && !result && !memcmp(req, rep, c->payload)) {
			c->ok++;
		} else {
			c->bad++;
			if (!c->first_err)
				c->first_err = ret ?: -EBADMSG;
			/* A dead transport fails every further call alike. */
			if (ret == -ENODEV) {
				c->bad += c->n - i - 1;
				break;
			}
		}
	}
out:
	kvfree(req);
	kvfree(rep);
	kthread_complete_and_exit(&c->done, 0);
}

static int nvc_st_run(struct nvc_gpu *gpu, struct nvc_gsp *gsp,
		      unsigned int callers,
		      unsigned int n, size_t payload, u64 *lat,
		      struct nvc_st_result *res)
{
	struct nvc_st_caller *c;
	unsigned int i, j, started = 0;
	bool killed = false;
	ktime_t t0;

	if (!callers || callers > NVC_ST_MAX_CALLERS || !n)
		return -EINVAL;
	c = kcalloc(callers, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	t0 = ktime_get();
	for (i = 0; i < callers; i++) {
		struct task_struct *t;

		c[i].gpu = gpu;
		c[i].gsp = gsp;
		c[i].id = i;
		c[i].n = n;
		c[i].payload = payload;
		c[i].lat_ns = lat ? lat + (size_t)i * n : NULL;
		init_completion(&c[i].done);
		t = kthread_run(nvc_st_caller_fn, &c[i], "nvc-st/%u", i);
		if (IS_ERR(t))
			break;
		started++;
	}
	memset(res, 0, sizeof(*res));
	for (i = 0; i < started; i++) {
		/*
		 * Killable: a fatal signal stops every caller at its next RPC
		 * (GPU removal does the same through &nvc_gpu.going), and
		 * then the wait is short.
		 */
		if (killed || wait_for_completion_killable(&c[i].done)) {
			if (!killed)
				for (j = 0; j < started; j++)
					WRITE_ONCE(c[j].stop, true);
			killed = true;
			wait_for_completion(&c[i].done);
		}
		res->ok += c[i].ok;
		res->bad += c[i].bad;
		if (!res->first_err)
			res->first_err = c[i].first_err;
	}
	res->bad += (callers - started) * n;
	res->ns = ktime_to_ns(ktime_sub(ktime_get(), t0));
	kfree(c);
	if (killed)
		return -EINTR;
	return nvc_test_gpu_going(gpu) ? -ENODEV : 0;
}

/**
 * nvc_selftest_rpc() - concurrent NOP RPCs, each reply checked
 * @gpu: the GPU
 * @gsp: its GSP, held with nvc_test_gsp_get()
 * @callers: number of concurrent kernel threads (1-64)
 * @n: RPCs per thread
 * @size: payload bytes per RPC (8 and up; large ones use continuation
 *	records both ways)
 * @res: outcome
 *
 * The callers stop early when the writer gets a fatal signal (-EINTR),
 * when the GPU is being removed (-ENODEV) and when the transport died.
 *
 * Return: 0 when the test ran to its end (see @res for its outcome), else
 * -errno (@res then holds what was done).
 */
int nvc_selftest_rpc(struct nvc_gpu *gpu, struct nvc_gsp *gsp,
		     unsigned int callers, unsigned int n, size_t size,
		     struct nvc_st_result *res)
{
	return nvc_st_run(gpu, gsp, callers, n, size, NULL, res);
}

static int nvc_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static u64 nvc_pct(u64 *v, size_t n, unsigned int pct)
{
	sort(v, n, sizeof(*v), nvc_cmp_u64, NULL);
	return v[min_t(size_t, n - 1, n * pct / 100)];
}

/*
 * The ping-pong baseline: two threads, a shared word each way, and exactly
 * the RPC path's wait policy: the caller rings the server's "doorbell"
 * (a wake-up, as nvsim's doorbell register wakes its GSP thread), then
 * polls for the answer for the transport's spin window (nvc_test_rpc_spin_us())
 * and after that sleeps on a wait queue in 10 ms slices, woken by the
 * server as the GSP interrupt wakes a sleeping caller.
 */
struct nvc_pp {
	struct task_struct *srv;
	wait_queue_head_t srv_wq;
	wait_queue_head_t wq;
	struct completion done;
	unsigned int n;
	u64 *lat;
	u32 req;
	u32 rsp;
	bool stop;
};

static int nvc_pp_server(void *arg)
{
	struct nvc_pp *pp = arg;
	u32 last = 0;

	for (;;) {
		wait_event_interruptible(pp->srv_wq, READ_ONCE(pp->stop) ||
					 READ_ONCE(pp->req) != last);
		if (READ_ONCE(pp->stop) || kthread_should_stop())
			break;
		last = READ_ONCE(pp->req);
		/* Same publication order as a queue write pointer. */
		smp_wmb();
		WRITE_ONCE(pp->rsp, last);
		wake_up_all(&pp->wq);
	}
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

/* The caller side, a kernel thread like the RPC benchmark's callers. */
static int nvc_pp_client(void *arg)
{
	struct nvc_pp *pp = arg;
	unsigned int i, spin_us = nvc_test_rpc_spin_us();

	for (i = 1; i <= pp->n; i++) {
		ktime_t t0 = ktime_get(), spin_end = ktime_add_us(t0, spin_us);

		WRITE_ONCE(pp->req, i);
		/* The doorbell: the request is visible before the wake-up. */
		smp_mb();
		wake_up(&pp->srv_wq);
		while (READ_ONCE(pp->rsp) != i) {
			if (!ktime_before(ktime_get(), spin_end)) {
				while (!wait_event_timeout(pp->wq,
							   READ_ONCE(pp->rsp) == i,
							   msecs_to_jiffies(10)))
					;
				break;
			}
			cpu_relax();
		}
		pp->lat[i - 1] = ktime_to_ns(ktime_sub(ktime_get(), t0));
	}
	kthread_complete_and_exit(&pp->done, 0);
}

static int nvc_bench_pingpong(unsigned int n, u64 *lat)
{
	struct task_struct *t;
	struct nvc_pp *pp;
	int ret = 0;

	pp = kzalloc(sizeof(*pp), GFP_KERNEL);
	if (!pp)
		return -ENOMEM;
	init_waitqueue_head(&pp->srv_wq);
	init_waitqueue_head(&pp->wq);
	init_completion(&pp->done);
	pp->n = n;
	pp->lat = lat;
	pp->srv = kthread_run(nvc_pp_server, pp, "nvc-pingpong");
	if (IS_ERR(pp->srv)) {
		ret = PTR_ERR(pp->srv);
		goto out;
	}
	t = kthread_run(nvc_pp_client, pp, "nvc-pingpong-c");
	if (IS_ERR(t))
		ret = PTR_ERR(t);
	else
		wait_for_completion(&pp->done);
	WRITE_ONCE(pp->stop, true);
	wake_up(&pp->srv_wq);
	kthread_stop(pp->srv);
out:
	kfree(pp);
	return ret;
}

static u64 nvc_bench_memcpy_ns(size_t size, unsigned int reps)
{
	void *a = vmalloc(size), *b = vmalloc(size);
	ktime_t t0;
	unsigned int i;
	u64 ns = 0;

	if (!a || !b)
		goto out;
	memset(a, 0x5a, size);
	memset(b, 0, size);
	t0 = ktime_get();
	for (i = 0; i < reps; i++) {
		memcpy(b, a, size);
		barrier();
	}
	ns = ktime_to_ns(ktime_sub(ktime_get(), t0));
out:
	vfree(a);
	vfree(b);
	return ns;
}

/* The element checksum over @size bytes, @reps times (a transport cost). */
static u64 nvc_bench_csum_ns(size_t size, unsigned int reps)
{
	void *a = vmalloc(size);
	unsigned int i;
	u32 acc = 0;
	ktime_t t0;
	u64 ns;

	if (!a)
		return 0;
	memset(a, 0x5a, size);
	t0 = ktime_get();
	for (i = 0; i < reps; i++)
		acc ^= nvc_test_msgq_csum(a, size);
	ns = ktime_to_ns(ktime_sub(ktime_get(), t0));
	vfree(a);
	return acc == 0x12345678 ? ns + 1 : ns;	/* keep acc live */
}

#define NVC_MIB_S(bytes, ns) ((ns) ? div64_u64((u64)(bytes) * 1000000000ULL, (ns)) >> 20 : 0)

/**
 * nvc_bench_run() - run the transport benchmarks
 * @gpu: the GPU
 * @gsp: its GSP, held with nvc_test_gsp_get()
 * @buf: output, one JSON object
 * @size: its size
 *
 * Return: bytes written or a negative errno.
 */
int nvc_bench_run(struct nvc_gpu *gpu, struct nvc_gsp *gsp, char *buf,
		  size_t size)
{
	const unsigned int n = 2000, n8 = 500, nl = 8;
	u64 p50, p99, p50_8, pp50, large_ns, memcpy_ns, csum_ns, large, mcpy, ratio, lratio;
	struct nvc_st_result r1, r8, rl;
	unsigned int i;
	u64 boot_ns = nvc_test_gsp_boot_ns(gsp);
	u64 *lat;
	int ret;

	lat = kvcalloc(8 * n8 > n ? 8 * n8 : n, sizeof(*lat), GFP_KERNEL);
	if (!lat)
		return -ENOMEM;

	ret = nvc_st_run(gpu, gsp, 1, n, 16, lat, &r1);
	if (ret || r1.bad)
		goto fail;
	p50 = nvc_pct(lat, n, 50);
	p99 = nvc_pct(lat, n, 99);

	ret = nvc_bench_pingpong(n, lat);
	if (ret)
		goto fail;
	pp50 = nvc_pct(lat, n, 50);

	ret = nvc_st_run(gpu, gsp, 8, n8, 16, lat, &r8);
	if (ret || r8.bad)
		goto fail;
	p50_8 = nvc_pct(lat, 8 * n8, 50);

	/* Round trips only: not the test's own payload generation and checks. */
	ret = nvc_st_run(gpu, gsp, 1, nl, SZ_1M, lat, &rl);
	if (ret || rl.bad)
		goto fail;
	for (large_ns = 0, i = 0; i < nl; i++)
		large_ns += lat[i];
	memcpy_ns = nvc_bench_memcpy_ns(SZ_1M, 64);
	csum_ns = nvc_bench_csum_ns(SZ_1M, 16);

	large = NVC_MIB_S((u64)nl * SZ_1M, large_ns);
	mcpy = NVC_MIB_S(64ULL * SZ_1M, memcpy_ns);
	ratio = div64_u64(p50 * 1000, pp50 ?: 1);
	lratio = div64_u64(large * 1000, mcpy ?: 1);
	ret = scnprintf(buf, size, "{\"rpc_small_p50_us\": %llu.%03llu, ",
			p50 / 1000, p50 % 1000);
	ret += scnprintf(buf + ret, size - ret, "\"rpc_small_p99_us\": %llu.%03llu, ",
			 p99 / 1000, p99 % 1000);
	ret += scnprintf(buf + ret, size - ret,
			 "\"rpc_small_p50_us_8callers\": %llu.%03llu, ",
			 p50_8 / 1000, p50_8 % 1000);
	ret += scnprintf(buf + ret, size - ret, "\"ring_pingpong_p50_us\": %llu.%03llu, ",
			 pp50 / 1000, pp50 % 1000);
	ret += scnprintf(buf + ret, size - ret, "\"rpc_spin_us\": %u, ",
			 nvc_test_rpc_spin_us());
	ret += scnprintf(buf + ret, size - ret, "\"rpc_vs_pingpong_ratio\": %llu.%03llu, ",
			 ratio / 1000, ratio % 1000);
	ret += scnprintf(buf + ret, size - ret, "\"rpc_large_mib_s\": %llu, ", large);
	ret += scnprintf(buf + ret, size - ret, "\"memcpy_mib_s\": %llu, ", mcpy);
	ret += scnprintf(buf + ret, size - ret, "\"checksum_mib_s\": %llu, ",
			 NVC_MIB_S(16ULL * SZ_1M, csum_ns));
	ret += scnprintf(buf + ret, size - ret,
			 "\"rpc_large_vs_memcpy_ratio\": %llu.%03llu, ",
			 lratio / 1000, lratio % 1000);
	ret += scnprintf(buf + ret, size - ret, "\"gsp_boot_ms\": %llu.%03llu}\n",
			 boot_ns / 1000000, (boot_ns / 1000) % 1000);
	kvfree(lat);
	return ret;
fail:
	kvfree(lat);
	return ret ?: -EIO;
}
