// SPDX-License-Identifier: GPL-2.0
/*
 * nvdrm channels and EXEC, end to end on nvsim's copy engine: copies and
 * fills checked byte for byte, ordering across channels with syncobjs,
 * several processes with several channels, a faulting job, a job
 * timeout, a GSP crash with work in flight, the invalid-argument walk of
 * CHANNEL_CREATE / CHANNEL_DESTROY / EXEC, a benchmark and the tour.
 *
 * Usage: nvdrm_exec copy | order | multi N | fault | timeout |
 *	  crash CRASH_FILE RECOVERIES_FILE | inval | bench | tour
 *
 * Push buffers are written here with the class headers' numbers
 * (clc46f.h host methods, clc6b5.h copy-engine methods); the copy-engine
 * object is on subchannel NVDRM_CE_SUBCHANNEL.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/sync_file.h>
#include <xf86drm.h>

#include <uapi/drm/nvdrm_drm.h>

static int failures;

#define CHECK(name, cond, ...)						\
	do {								\
		if (cond) {						\
			printf("PASS: %s\n", name);			\
		} else {						\
			printf("FAIL: %s (", name);			\
			printf(__VA_ARGS__);				\
			printf(")\n");					\
			failures++;					\
		}							\
		fflush(stdout);						\
	} while (0)

/* Host methods (clc46f.h) and copy-engine methods (clc6b5.h). */
#define SEM_ADDR_LO		0x005c
#define SEM_EXECUTE_ACQUIRE	0x0
#define SEM_EXECUTE_RELEASE	0x1
#define CE_SET_SEMAPHORE_A	0x0240
#define CE_LAUNCH_DMA		0x0300
#define CE_OFFSET_IN_UPPER	0x0400
#define CE_OFFSET_OUT_UPPER	0x0408
#define CE_LINE_LENGTH_IN	0x0418
#define CE_SET_REMAP_CONST_A	0x0700
#define CE_SET_REMAP_COMPONENTS	0x0708
#define LAUNCH_NON_PIPELINED	(2u << 0)
#define LAUNCH_FLUSH		(1u << 2)
#define LAUNCH_SEM_ONE_WORD	(1u << 3)
#define LAUNCH_SRC_PITCH	(1u << 7)
#define LAUNCH_DST_PITCH	(1u << 8)
#define LAUNCH_REMAP		(1u << 10)
#define REMAP_CONST_A_4B_1	((4u << 0) | (3u << 16))

#define VA_BASE			(8ull << 30)
#define PB_SIZE			(64 << 10)

static int xioctl(int fd, unsigned long req, void *arg)
{
	int r;

	do {
		r = ioctl(fd, req, arg);
	} while (r == -1 && (errno == EINTR || errno == EAGAIN));
	return r ? -errno : 0;
}

static int open_nvdrm(void)
{
	drmDevicePtr devs[16];
	int n, i, fd = -1;

	n = drmGetDevices2(0, devs, 16);
	for (i = 0; i < n && fd < 0; i++) {
		drmVersionPtr v;

		if (!(devs[i]->available_nodes & (1 << DRM_NODE_RENDER)))
			continue;
		fd = open(devs[i]->nodes[DRM_NODE_RENDER], O_RDWR | O_CLOEXEC);
		if (fd < 0)
			continue;
		v = drmGetVersion(fd);
		if (!v || strcmp(v->name, "nvdrm")) {
			close(fd);
			fd = -1;
		}
		drmFreeVersion(v);
	}
	if (n > 0)
		drmFreeDevices(devs, n);
	if (fd < 0) {
		printf("FAIL: nvdrm/open no nvdrm render node\n");
		exit(1);
	}
	return fd;
}

struct bo {
	uint32_t h;
	uint64_t size;
	uint64_t va;
	uint32_t *map;
};

static int bo_new(int fd, uint32_t vm, uint64_t size, uint32_t domain,
		  uint64_t va, struct bo *b)
{
	struct drm_nvdrm_gem_create c = { .size = size, .domain = domain };
	struct drm_nvdrm_gem_mmap_offset m = {};
	struct drm_nvdrm_vm_bind vb = {};
	int r;

	r = xioctl(fd, DRM_IOCTL_NVDRM_GEM_CREATE, &c);
	if (r)
		return r;
	b->h = c.handle;
	b->size = size;
	b->va = va;
	m.handle = c.handle;
	r = xioctl(fd, DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET, &m);
	if (r)
		return r;
	b->map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, m.offset);
	if (b->map == MAP_FAILED)
		return -errno;
	vb.vm_id = vm;
	vb.op = NVDRM_VM_BIND_OP_MAP;
	vb.handle = c.handle;
	vb.va = va;
	vb.range = size;
	return xioctl(fd, DRM_IOCTL_NVDRM_VM_BIND, &vb);
}

static uint32_t vm_new(int fd)
{
	struct drm_nvdrm_vm_create c = {};

	return xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &c) ? 0 : c.vm_id;
}

static int chan_new(int fd, uint32_t vm, uint32_t engine, uint32_t *id)
{
	struct drm_nvdrm_channel_create c = { .vm_id = vm, .engine = engine };
	int r = xioctl(fd, DRM_IOCTL_NVDRM_CHANNEL_CREATE, &c);

	*id = c.channel_id;
	return r;
}

static int chan_del(int fd, uint32_t id)
{
	struct drm_nvdrm_channel_destroy d = { .channel_id = id };

	return xioctl(fd, DRM_IOCTL_NVDRM_CHANNEL_DESTROY, &d);
}

/* A push-buffer writer over a mapped BO. */
struct pb {
	struct bo *bo;
	uint32_t start;	/* dword index of this push */
	uint32_t cur;
};

static void pb_begin(struct pb *p, struct bo *bo, uint32_t at)
{
	p->bo = bo;
	p->start = p->cur = at;
}

static void pb_mthd(struct pb *p, uint32_t subc, uint32_t mthd, int n, ...)
{
	va_list ap;
	int i;

	p->bo->map[p->cur++] = 1u << 29 | (uint32_t)n << 16 | subc << 13 | mthd >> 2;
	va_start(ap, n);
	for (i = 0; i < n; i++)
		p->bo->map[p->cur++] = va_arg(ap, uint32_t);
	va_end(ap);
}

static void pb_copy(struct pb *p, uint64_t dst, uint64_t src, uint32_t len)
{
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_OFFSET_IN_UPPER, 4,
		(uint32_t)(src >> 32), (uint32_t)src, (uint32_t)(dst >> 32), (uint32_t)dst);
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_LINE_LENGTH_IN, 2, len, 1u);
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_LAUNCH_DMA, 1,
		LAUNCH_NON_PIPELINED | LAUNCH_FLUSH | LAUNCH_SRC_PITCH | LAUNCH_DST_PITCH);
}

static void pb_fill(struct pb *p, uint64_t dst, uint32_t len, uint32_t pattern)
{
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_SET_REMAP_CONST_A, 1, pattern);
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_SET_REMAP_COMPONENTS, 1, REMAP_CONST_A_4B_1);
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_OFFSET_OUT_UPPER, 2,
		(uint32_t)(dst >> 32), (uint32_t)dst);
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_LINE_LENGTH_IN, 2, len / 4, 1u);
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_LAUNCH_DMA, 1,
		LAUNCH_NON_PIPELINED | LAUNCH_FLUSH | LAUNCH_SRC_PITCH |
		LAUNCH_DST_PITCH | LAUNCH_REMAP);
}

/* CE semaphore release of @payload at @va after the previous transfer. */
static void pb_ce_sem(struct pb *p, uint64_t va, uint32_t payload)
{
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_SET_SEMAPHORE_A, 3,
		(uint32_t)(va >> 32), (uint32_t)va, payload);
	pb_mthd(p, NVDRM_CE_SUBCHANNEL, CE_LAUNCH_DMA, 1,
		LAUNCH_FLUSH | LAUNCH_SEM_ONE_WORD);
}

/* Host semaphore acquire (waits until the word at @va equals @payload). */
static void pb_acquire(struct pb *p, uint64_t va, uint32_t payload)
{
	pb_mthd(p, 0, SEM_ADDR_LO, 5, (uint32_t)va, (uint32_t)(va >> 32) & 0xff,
		payload, 0u, SEM_EXECUTE_ACQUIRE);
}

static int pb_exec(int fd, uint32_t ch, struct pb *p, const struct drm_nvdrm_sync *in,
		   uint32_t nin, uint32_t out, uint64_t point)
{
	struct drm_nvdrm_push push = {
		.va = p->bo->va + p->start * 4ull,
		.length = (p->cur - p->start) * 4,
	};
	struct drm_nvdrm_exec e = {
		.channel_id = ch,
		.push_count = 1,
		.push_ptr = (uintptr_t)&push,
		.in_sync_count = nin,
		.in_sync_ptr = nin ? (uintptr_t)in : 0,
		.out_sync = { .handle = out, .point = point },
	};

	return xioctl(fd, DRM_IOCTL_NVDRM_EXEC, &e);
}

/* Wait for a binary syncobj; its fence's status (1 ok, <0 error). */
static int sync_wait(int fd, uint32_t s, int64_t timeout_ms)
{
	struct sync_file_info info = {};
	int sf = -1, r;

	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	r = drmSyncobjWait(fd, &s, 1,
			   ts.tv_sec * 1000000000ll + ts.tv_nsec + timeout_ms * 1000000ll,
			   DRM_SYNCOBJ_WAIT_FLAGS_WAIT_FOR_SUBMIT, NULL);
	if (r)
		return r == -1 ? -errno : r;
	if (drmSyncobjExportSyncFile(fd, s, &sf))
		return -errno;
	r = ioctl(sf, SYNC_IOC_FILE_INFO, &info);
	close(sf);
	return r ? -errno : info.status;
}

static uint32_t syncobj(int fd)
{
	uint32_t s = 0;

	drmSyncobjCreate(fd, 0, &s);
	return s;
}

static void rnd_fill(uint32_t *p, size_t bytes, uint32_t seed)
{
	size_t i;

	for (i = 0; i < bytes / 4; i++) {
		seed = seed * 1664525u + 1013904223u;
		p[i] = seed;
	}
}

static long first_diff(const uint32_t *a, const uint32_t *b, size_t bytes)
{
	size_t i;

	for (i = 0; i < bytes / 4; i++)
		if (a[i] != b[i])
			return (long)i * 4;
	return -1;
}

static long first_not(const uint32_t *a, uint32_t v, size_t bytes)
{
	size_t i;

	for (i = 0; i < bytes / 4; i++)
		if (a[i] != v)
			return (long)i * 4;
	return -1;
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* ---- copies and fills ---- */

static void t_copy(void)
{
	const uint64_t S = 1 << 20;
	int fd = open_nvdrm(), r;
	uint32_t vm = vm_new(fd), ch = 0, s = syncobj(fd), tl = syncobj(fd);
	struct bo pbo = {}, v1 = {}, v2 = {}, sys = {};
	struct pb p;
	uint64_t pt = 0;

	CHECK("copy: VM", vm, "-");
	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (1 << 24), &v1);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (2 << 24), &v2);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE + (3 << 24), &sys);
	CHECK("copy: objects created and bound", !r, "%d", r);
	r = chan_new(fd, vm, 0, &ch);
	CHECK("copy: channel created", !r && ch, "%d", r);
	if (r)
		goto out;

	rnd_fill(v1.map, S, 1);
	memset(v2.map, 0, S);
	pb_begin(&p, &pbo, 0);
	pb_copy(&p, v2.va, v1.va, S);
	r = pb_exec(fd, ch, &p, NULL, 0, s, 0);
	CHECK("copy: EXEC vram->vram", !r, "%d", r);
	r = sync_wait(fd, s, 20000);
	CHECK("copy: fence signalled without error", r == 1, "%d", r);
	CHECK("copy: vram->vram byte for byte", first_diff(v1.map, v2.map, S) < 0,
	      "first difference at %ld", first_diff(v1.map, v2.map, S));

	rnd_fill(sys.map, S, 2);
	pb_begin(&p, &pbo, 256);
	pb_copy(&p, v1.va, sys.va, S);
	r = pb_exec(fd, ch, &p, NULL, 0, tl, ++pt);
	pb_begin(&p, &pbo, 512);
	pb_fill(&p, sys.va + S / 2, S / 2, 0xdeadbeef);
	r = r ?: pb_exec(fd, ch, &p, NULL, 0, tl, ++pt);
	CHECK("copy: two jobs on a timeline syncobj", !r, "%d", r);
	r = drmSyncobjTimelineWait(fd, &tl, &pt, 1, INT64_MAX,
				   DRM_SYNCOBJ_WAIT_FLAGS_WAIT_FOR_SUBMIT, NULL);
	CHECK("copy: timeline point 2 signalled", !r, "%d", r);
	rnd_fill(v2.map, S, 2);	/* the expected data */
	CHECK("copy: system->vram byte for byte", first_diff(v1.map, v2.map, S) < 0,
	      "first difference at %ld", first_diff(v1.map, v2.map, S));
	CHECK("copy: fill of half the system object", first_not(sys.map + S / 8, 0xdeadbeef, S / 2) < 0 &&
	      first_diff(sys.map, v2.map, S / 2) < 0, "fill %ld head %ld",
	      first_not(sys.map + S / 8, 0xdeadbeef, S / 2), first_diff(sys.map, v2.map, S / 2));
	CHECK("copy: channel destroy", !chan_del(fd, ch), "-");
out:
	close(fd);
}

/* ---- ordering across two channels ---- */

static void t_order(void)
{
	const uint64_t S = 4 << 20;
	int fd = open_nvdrm(), r, i, bad = 0;
	uint32_t vm = vm_new(fd), a = 0, b = 0, s1 = syncobj(fd), s2 = syncobj(fd);
	struct bo pbo = {}, x = {}, y = {}, sem = {};
	struct drm_nvdrm_sync in = {};
	struct pb p, q;

	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (1 << 24), &x);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (2 << 24), &y);
	r = r ?: bo_new(fd, vm, 4096, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE + (3 << 24), &sem);
	r = r ?: chan_new(fd, vm, 0, &a);
	r = r ?: chan_new(fd, vm, 0, &b);
	CHECK("order: two channels in one VM", !r, "%d", r);
	if (r)
		goto out;
	for (i = 0; i < 8; i++) {
		uint32_t pat = 0x1000 + i;

		memset(sem.map, 0, 16);
		/* A: fill X, then the CE releases the semaphore. */
		pb_begin(&p, &pbo, 0);
		pb_fill(&p, x.va, S, pat);
		pb_ce_sem(&p, sem.va, pat);
		/* B, after A's fence: copy X to Y and the semaphore word along. */
		pb_begin(&q, &pbo, 1024);
		pb_copy(&q, y.va, x.va, S);
		pb_copy(&q, sem.va + 8, sem.va, 4);
		r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
		in.handle = s1;
		r = r ?: pb_exec(fd, b, &q, &in, 1, s2, 0);
		r = r ?: (sync_wait(fd, s2, 20000) == 1 ? 0 : -EIO);
		if (r || first_not(y.map, pat, S) >= 0 || sem.map[2] != pat)
			bad++;
	}
	CHECK("order: B ran after A every time (Y and the semaphore word as A left them)",
	      !bad, "%d of 8 wrong", bad);
out:
	close(fd);
}

/* ---- processes x channels ---- */

static int multi_child(int nch, int jobs, int id)
{
	const uint64_t S = 256 << 10;
	int fd = open_nvdrm(), r, c, j, bad = 0;
	uint32_t vm = vm_new(fd), ch[8] = {}, s[8];
	struct bo pbo = {}, buf[8] = {};
	struct pb p;

	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	for (c = 0; c < nch && !r; c++) {
		r = bo_new(fd, vm, 2 * S, c & 1 ? NVDRM_GEM_DOMAIN_SYSTEM : NVDRM_GEM_DOMAIN_VRAM,
			   VA_BASE + ((uint64_t)(c + 1) << 24), &buf[c]);
		r = r ?: chan_new(fd, vm, c % 2, &ch[c]);
		s[c] = syncobj(fd);
	}
	if (r) {
		printf("child %d: setup %d\n", id, r);
		return 1;
	}
	for (j = 0; j < jobs; j++) {
		for (c = 0; c < nch; c++) {
			uint32_t pat = id << 24 | c << 16 | j;

			pb_begin(&p, &pbo, (c * 2 + (j & 1)) * 256);
			pb_fill(&p, buf[c].va, S, pat);
			pb_copy(&p, buf[c].va + S, buf[c].va, S);
			r = pb_exec(fd, ch[c], &p, NULL, 0, s[c], 0);
			if (r)
				bad++;
		}
		for (c = 0; c < nch; c++) {
			uint32_t pat = id << 24 | c << 16 | j;

			if (sync_wait(fd, s[c], 30000) != 1 ||
			    first_not(buf[c].map + S / 4, pat, S) >= 0)
				bad++;
		}
	}
	close(fd);
	if (bad)
		printf("child %d: %d bad\n", id, bad);
	return !!bad;
}

static void t_multi(int nproc)
{
	int i, st, bad = 0;
	pid_t pid[16];

	for (i = 0; i < nproc && i < 16; i++) {
		pid[i] = fork();
		if (!pid[i])
			_exit(multi_child(4, 16, i + 1));
	}
	for (i = 0; i < nproc && i < 16; i++)
		if (waitpid(pid[i], &st, 0) != pid[i] || !WIFEXITED(st) || WEXITSTATUS(st))
			bad++;
	CHECK("multi: processes x 4 channels, every job's data checked", !bad,
	      "%d of %d processes failed", bad, nproc);
}

/* ---- a faulting job ---- */

static void t_fault(void)
{
	int fd = open_nvdrm(), r;
	uint32_t vm = vm_new(fd), a = 0, b = 0, s1 = syncobj(fd), s2 = syncobj(fd);
	struct bo pbo = {}, x = {};
	struct pb p;

	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, 1 << 20, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (1 << 24), &x);
	r = r ?: chan_new(fd, vm, 0, &a);
	r = r ?: chan_new(fd, vm, 0, &b);
	CHECK("fault: setup", !r, "%d", r);
	if (r)
		goto out;
	/* A reads from an address nothing is mapped at. */
	pb_begin(&p, &pbo, 0);
	pb_copy(&p, x.va, VA_BASE + (7ull << 30), 4096);
	r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
	CHECK("fault: faulting job submitted", !r, "%d", r);
	r = sync_wait(fd, s1, 20000);
	CHECK("fault: its fence signals with an error", r < 0 && r != -ETIME, "%d", r);
	usleep(100000);
	r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
	CHECK("fault: the channel is dead: EXEC -EIO", r == -EIO, "%d", r);
	pb_begin(&p, &pbo, 256);
	pb_fill(&p, x.va, 1 << 20, 0x5a5a5a5a);
	r = pb_exec(fd, b, &p, NULL, 0, s2, 0);
	r = r ?: sync_wait(fd, s2, 20000);
	CHECK("fault: the other channel still runs", r == 1 &&
	      first_not(x.map, 0x5a5a5a5a, 1 << 20) < 0, "%d", r);
	CHECK("fault: the dead channel can be destroyed", !chan_del(fd, a), "-");
out:
	close(fd);
}

/* ---- a job that never finishes ---- */

static void t_timeout(void)
{
	int fd = open_nvdrm(), r;
	uint32_t vm = vm_new(fd), a = 0, b = 0, s1 = syncobj(fd), s2 = syncobj(fd);
	struct bo pbo = {}, sem = {}, x = {};
	struct pb p;
	double t;

	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, 4096, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE + (1 << 24), &sem);
	r = r ?: bo_new(fd, vm, 1 << 20, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (2 << 24), &x);
	r = r ?: chan_new(fd, vm, 0, &a);
	r = r ?: chan_new(fd, vm, 0, &b);
	CHECK("timeout: setup", !r, "%d", r);
	if (r)
		goto out;
	memset(sem.map, 0, 16);
	pb_begin(&p, &pbo, 0);
	pb_acquire(&p, sem.va, 1);	/* nobody releases it */
	t = now_us();
	r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
	CHECK("timeout: blocked job submitted", !r, "%d", r);
	r = sync_wait(fd, s1, 60000);
	t = (now_us() - t) / 1e6;
	CHECK("timeout: its fence signals with -ETIMEDOUT", r == -ETIMEDOUT, "%d after %.1f s", r, t);
	r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
	CHECK("timeout: the channel was reset: EXEC -EIO", r == -EIO, "%d", r);
	pb_begin(&p, &pbo, 256);
	pb_fill(&p, x.va, 1 << 20, 0x77);
	r = pb_exec(fd, b, &p, NULL, 0, s2, 0);
	r = r ?: sync_wait(fd, s2, 20000);
	CHECK("timeout: the other channel still runs", r == 1 && first_not(x.map, 0x77, 1 << 20) < 0,
	      "%d", r);
out:
	close(fd);
}

/* ---- moving or unbinding an object a running job writes ---- */

static int write_str(const char *path, const char *v)
{
	int f = open(path, O_WRONLY), r;

	if (f < 0)
		return -errno;
	r = write(f, v, strlen(v)) < 0 ? -errno : 0;
	close(f);
	return r;
}

/* Is the job of binary syncobj @s done (signalled) right now? */
static int sync_done(int fd, uint32_t s)
{
	return !drmSyncobjWait(fd, &s, 1, 0, 0, NULL);
}

/* A slow job: @n copies of 1 MiB from @src to @dst, each LAUNCH_DMA delayed. */
static int slow_copy(int fd, uint32_t ch, struct bo *pbo, uint32_t at,
		     uint64_t dst, uint64_t src, int n, uint32_t out)
{
	struct pb p;
	int i;

	pb_begin(&p, pbo, at);
	for (i = 0; i < n; i++)
		pb_copy(&p, dst + ((uint64_t)i << 20), src + ((uint64_t)i << 20), 1 << 20);
	return pb_exec(fd, ch, &p, NULL, 0, out, 0);
}

/*
 * EXEC adds its job's fence to the VM's reservation: an eviction of an
 * object the job writes (VRAM pressure) and an UNMAP of it both wait for
 * the job, whose data is then complete. Without the wait the eviction
 * happens while the job runs (its syncobj not yet signalled when the
 * eviction is seen) and the UNMAP makes the job fault.
 */
static void t_busy(const char *fifo, const char *evict_ce)
{
	const uint64_t S = 8 << 20, P = 4 << 20;
	int fd = open_nvdrm(), r, i, npress = 0, done;
	uint32_t vm = vm_new(fd), ch = 0, s1 = syncobj(fd), s2 = syncobj(fd);
	struct bo pbo = {}, src = {}, x = {}, y = {}, press[20] = {};
	struct drm_nvdrm_gem_info gi = {};
	struct drm_nvdrm_vm_bind vb = {};
	struct drm_nvdrm_gem_create c;
	double t;

	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE + (1 << 24), &src);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (2 << 24), &x);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE + (3 << 24), &y);
	r = r ?: chan_new(fd, vm, 0, &ch);
	CHECK("busy: setup", !r, "%d", r);
	if (r)
		goto out;
	rnd_fill(src.map, S, 7);
	memset(x.map, 0, S);
	memset(y.map, 0, S);
	/* Evictions by the CPU: the kernel channel's copies are not delayed. */
	r = write_str(evict_ce, "0");
	r = r ?: write_str(fifo, "ce_delay_us 50000");
	CHECK("busy: slow copy engine (50 ms per LAUNCH_DMA), CPU evictions", !r, "%d", r);
	if (r)
		goto out;

	/* 1: VRAM pressure evicts x while a job writes it. */
	t = now_us();
	r = slow_copy(fd, ch, &pbo, 0, x.va, src.va, 8, s1);
	CHECK("busy: slow job into the VRAM object submitted", !r, "%d", r);
	for (i = 0; i < 20 && !r; i++) {
		gi.handle = x.h;
		if (xioctl(fd, DRM_IOCTL_NVDRM_GEM_INFO, &gi) || gi.evictions)
			break;
		memset(&c, 0, sizeof(c));
		c.size = P;
		c.domain = NVDRM_GEM_DOMAIN_VRAM;
		if (xioctl(fd, DRM_IOCTL_NVDRM_GEM_CREATE, &c))
			break;
		press[npress++].h = c.handle;
	}
	done = sync_done(fd, s1);
	t = (now_us() - t) / 1e3;
	CHECK("busy: VRAM pressure evicted the object", gi.evictions >= 1,
	      "evictions %u after %d objects", gi.evictions, npress);
	CHECK("busy: the eviction waited for the job (signalled when seen)", done,
	      "job still running after %.0f ms", t);
	r = sync_wait(fd, s1, 20000);
	CHECK("busy: job fence signalled without error", r == 1, "%d", r);
	for (i = 0; i < npress; i++)
		drmCloseBufferHandle(fd, press[i].h);
	CHECK("busy: evicted object holds the job's data byte for byte",
	      first_diff(x.map, src.map, S) < 0, "first difference at %ld",
	      first_diff(x.map, src.map, S));
	printf("  eviction of the busy object after %.0f ms (%d pressure objects)\n", t, npress);

	/* 2: UNMAP of the object a job writes waits for it (no fault). */
	t = now_us();
	r = slow_copy(fd, ch, &pbo, 1024, y.va, src.va, 8, s2);
	CHECK("busy: slow job into the system object submitted", !r, "%d", r);
	vb.vm_id = vm;
	vb.op = NVDRM_VM_BIND_OP_UNMAP;
	vb.va = y.va;
	vb.range = S;
	r = xioctl(fd, DRM_IOCTL_NVDRM_VM_BIND, &vb);
	done = sync_done(fd, s2);
	t = (now_us() - t) / 1e3;
	CHECK("busy: UNMAP while the job runs", !r, "%d", r);
	CHECK("busy: the UNMAP waited for the job (signalled on return)", done,
	      "job still running after %.0f ms", t);
	r = sync_wait(fd, s2, 20000);
	CHECK("busy: job fence signalled without error (no fault)", r == 1, "%d", r);
	CHECK("busy: unbound object holds the job's data byte for byte",
	      first_diff(y.map, src.map, S) < 0, "first difference at %ld",
	      first_diff(y.map, src.map, S));
	printf("  UNMAP of the busy object returned after %.0f ms\n", t);
out:
	write_str(fifo, "ce_delay_us 0");
	write_str(evict_ce, "1");
	close(fd);
}

/* ---- GSP crash with work in flight ---- */

static long read_long(const char *path)
{
	char buf[32] = {};
	int f = open(path, O_RDONLY);
	long v = -1;

	if (f >= 0 && read(f, buf, sizeof(buf) - 1) > 0)
		v = strtol(buf, NULL, 0);
	if (f >= 0)
		close(f);
	return v;
}

static void t_crash(const char *crash, const char *recoveries)
{
	int fd = open_nvdrm(), r, i, cf;
	uint32_t vm = vm_new(fd), a = 0, c = 0, s1 = syncobj(fd), s2 = syncobj(fd);
	long rec0 = read_long(recoveries);
	struct bo pbo = {}, sem = {}, x = {};
	struct pb p;

	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, 4096, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE + (1 << 24), &sem);
	r = r ?: bo_new(fd, vm, 1 << 20, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (2 << 24), &x);
	r = r ?: chan_new(fd, vm, 0, &a);
	CHECK("crash: setup", !r, "%d", r);
	if (r)
		goto out;
	memset(sem.map, 0, 16);
	pb_begin(&p, &pbo, 0);
	pb_acquire(&p, sem.va, 1);
	r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
	CHECK("crash: job in flight", !r && sync_wait(fd, s1, 300) == -ETIME, "%d", r);
	cf = open(crash, O_WRONLY);
	CHECK("crash: GSP crash injected", cf >= 0 && write(cf, "1", 1) == 1, "errno %d", errno);
	if (cf >= 0)
		close(cf);
	r = sync_wait(fd, s1, 60000);
	CHECK("crash: the job's fence signals with -ENODEV", r == -ENODEV, "%d", r);
	for (i = 0; i < 600 && read_long(recoveries) <= rec0; i++)
		usleep(100000);
	CHECK("crash: recovered", read_long(recoveries) > rec0, "-");
	usleep(200000);
	r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
	CHECK("crash: the old channel is lost: EXEC -ENODEV", r == -ENODEV, "%d", r);
	r = chan_new(fd, vm, 0, &c);
	CHECK("crash: a new channel after recovery", !r, "%d", r);
	pb_begin(&p, &pbo, 256);
	pb_fill(&p, x.va, 1 << 20, 0x31415926);
	r = r ?: pb_exec(fd, c, &p, NULL, 0, s2, 0);
	r = r ?: sync_wait(fd, s2, 20000);
	CHECK("crash: the new channel runs work", r == 1 && first_not(x.map, 0x31415926, 1 << 20) < 0,
	      "%d", r);
	CHECK("crash: the lost channel can be destroyed", !chan_del(fd, a), "-");
out:
	close(fd);
}

/* ---- unbinding with a job in flight ---- */

static void t_unplug(const char *unbind, const char *dev)
{
	int fd = open_nvdrm(), r, sf = -1, uf;
	uint32_t vm = vm_new(fd), a = 0, s1 = syncobj(fd);
	struct sync_file_info info = {};
	struct bo pbo = {}, sem = {};
	struct pollfd pfd;
	struct pb p;

	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, 4096, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE + (1 << 24), &sem);
	r = r ?: chan_new(fd, vm, 0, &a);
	CHECK("unplug: setup", !r, "%d", r);
	if (r)
		goto out;
	memset(sem.map, 0, 16);
	pb_begin(&p, &pbo, 0);
	pb_acquire(&p, sem.va, 1);	/* nobody releases it */
	r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
	CHECK("unplug: job in flight", !r && sync_wait(fd, s1, 300) == -ETIME, "%d", r);
	/* The DRM core refuses every ioctl once unplugged: keep the fence. */
	r = drmSyncobjExportSyncFile(fd, s1, &sf);
	CHECK("unplug: the job's fence exported", !r && sf >= 0, "%d", r);
	uf = open(unbind, O_WRONLY);
	r = uf >= 0 && write(uf, dev, strlen(dev)) == (ssize_t)strlen(dev);
	CHECK("unplug: unbound with the job in flight", r, "errno %d", errno);
	if (uf >= 0)
		close(uf);
	pfd.fd = sf;
	pfd.events = POLLIN;
	r = sf >= 0 ? poll(&pfd, 1, 20000) : -1;
	CHECK("unplug: the job's fence signals", r == 1, "%d", r);
	r = sf >= 0 ? ioctl(sf, SYNC_IOC_FILE_INFO, &info) : -1;
	CHECK("unplug: ... with -ENODEV", !r && info.status == -ENODEV, "%d status %d", r,
	      info.status);
	r = pb_exec(fd, a, &p, NULL, 0, s1, 0);
	CHECK("unplug: EXEC afterwards -ENODEV", r == -ENODEV, "%d", r);
	CHECK("unplug: CHANNEL_DESTROY afterwards -ENODEV", chan_del(fd, a) == -ENODEV, "-");
out:
	if (sf >= 0)
		close(sf);
	close(fd);
}

/* ---- invalid arguments ---- */

static void t_inval(void)
{
	int fd = open_nvdrm(), r, bit, bad;
	uint32_t vm = vm_new(fd), ch = 0, s = syncobj(fd);
	uint64_t nce = 0;
	struct drm_nvdrm_get_param gp = { .param = NVDRM_PARAM_COPY_ENGINES };
	struct drm_nvdrm_channel_create cc;
	struct drm_nvdrm_channel_destroy cd;
	struct drm_nvdrm_push push;
	struct drm_nvdrm_sync in;
	struct drm_nvdrm_exec e, e0;
	struct drm_nvdrm_vm_destroy vd = { .vm_id = vm };

	if (!xioctl(fd, DRM_IOCTL_NVDRM_GET_PARAM, &gp))
		nce = gp.value;
	CHECK("inval: copy engines reported", nce > 0, "%" PRIu64, nce);
#define CC(what, field, val, want)						\
	do {									\
		memset(&cc, 0, sizeof(cc));					\
		cc.vm_id = vm;							\
		cc.field = val;							\
		r = xioctl(fd, DRM_IOCTL_NVDRM_CHANNEL_CREATE, &cc);		\
		CHECK("inval: channel_create " what, r == (want), "%d", r);	\
	} while (0)
	CC("vm 0", vm_id, 0, -ENOENT);
	CC("vm unknown", vm_id, 9999, -ENOENT);
	CC("engine out of range", engine, (uint32_t)nce, -EINVAL);
	CC("engine ~0", engine, ~0u, -EINVAL);
	CC("pad", pad, 1, -EINVAL);
	CC("channel_id set on input", channel_id, 1, -EINVAL);
	CC("ce_class set on input", ce_class, 1, -EINVAL);
	for (bad = 0, bit = 0; bit < 32; bit++) {
		memset(&cc, 0, sizeof(cc));
		cc.vm_id = vm;
		cc.flags = 1u << bit;
		bad += xioctl(fd, DRM_IOCTL_NVDRM_CHANNEL_CREATE, &cc) != -EINVAL;
	}
	CHECK("inval: channel_create, each flag bit", !bad, "%d accepted", bad);

	memset(&cd, 0, sizeof(cd));
	r = xioctl(fd, DRM_IOCTL_NVDRM_CHANNEL_DESTROY, &cd);
	CHECK("inval: channel_destroy id 0", r == -ENOENT, "%d", r);
	cd.channel_id = 777;
	r = xioctl(fd, DRM_IOCTL_NVDRM_CHANNEL_DESTROY, &cd);
	CHECK("inval: channel_destroy unknown id", r == -ENOENT, "%d", r);
	cd.pad = 1;
	r = xioctl(fd, DRM_IOCTL_NVDRM_CHANNEL_DESTROY, &cd);
	CHECK("inval: channel_destroy pad", r == -EINVAL, "%d", r);

	r = chan_new(fd, vm, 0, &ch);
	CHECK("inval: a valid channel", !r, "%d", r);
	r = xioctl(fd, DRM_IOCTL_NVDRM_VM_DESTROY, &vd);
	CHECK("inval: vm_destroy of a VM with a channel: -EBUSY", r == -EBUSY, "%d", r);

	memset(&push, 0, sizeof(push));
	push.va = VA_BASE;
	push.length = 64;
	memset(&in, 0, sizeof(in));
	in.handle = s;
	memset(&e0, 0, sizeof(e0));
	e0.channel_id = ch;
	e0.push_count = 1;
	e0.push_ptr = (uintptr_t)&push;
#define EX(what, stmt, want)							\
	do {									\
		struct drm_nvdrm_push sp = push;				\
		struct drm_nvdrm_sync si = in;					\
		e = e0;								\
		stmt;								\
		r = xioctl(fd, DRM_IOCTL_NVDRM_EXEC, &e);			\
		push = sp;							\
		in = si;							\
		CHECK("inval: exec " what, r == (want), "%d", r);		\
	} while (0)
	EX("channel 0", e.channel_id = 0, -ENOENT);
	EX("channel unknown", e.channel_id = 4242, -ENOENT);
	EX("push_count 0", e.push_count = 0, -EINVAL);
	EX("push_count too many", e.push_count = NVDRM_EXEC_MAX_PUSH + 1, -EINVAL);
	EX("push_ptr 0", e.push_ptr = 0, -EINVAL);
	EX("push_ptr unmapped", e.push_ptr = 0x10, -EFAULT);
	EX("in_sync_count too many", (e.in_sync_count = NVDRM_EXEC_MAX_SYNCS + 1,
				      e.in_sync_ptr = (uintptr_t)&in), -EINVAL);
	EX("in_sync_count without pointer", e.in_sync_count = 1, -EINVAL);
	EX("in_sync pointer without count", e.in_sync_ptr = (uintptr_t)&in, -EINVAL);
	EX("in_sync_ptr unmapped", (e.in_sync_count = 1, e.in_sync_ptr = 0x10), -EFAULT);
	EX("in_sync flags", (e.in_sync_count = 1, e.in_sync_ptr = (uintptr_t)&in,
			     in.flags = 1), -EINVAL);
	EX("in_sync handle 0", (e.in_sync_count = 1, e.in_sync_ptr = (uintptr_t)&in,
				in.handle = 0), -EINVAL);
	EX("in_sync unknown handle", (e.in_sync_count = 1, e.in_sync_ptr = (uintptr_t)&in,
				      in.handle = 0xfff0), -ENOENT);
	EX("in_sync point with no fence yet", (e.in_sync_count = 1, e.in_sync_ptr = (uintptr_t)&in,
					       in.point = 5), -EINVAL);
	EX("out_sync flags", (e.out_sync.handle = s, e.out_sync.flags = 1), -EINVAL);
	EX("out_sync point without handle", e.out_sync.point = 3, -EINVAL);
	EX("out_sync unknown handle", e.out_sync.handle = 0xfff0, -ENOENT);
	EX("push flags", push.flags = 1, -EINVAL);
	EX("push length 0", push.length = 0, -EINVAL);
	EX("push length not a multiple of 4", push.length = 6, -EINVAL);
	EX("push length too large", push.length = NVDRM_PUSH_MAX_BYTES + 4, -EINVAL);
	EX("push va misaligned", push.va = VA_BASE + 2, -EINVAL);
	EX("push va below the VA range", push.va = 0x1000, -EINVAL);
	EX("push va at the VA end", push.va = 1ull << 47, -EINVAL);
	EX("push range past the VA end", push.va = (1ull << 47) - 4, -EINVAL);
	for (bad = 0, bit = 0; bit < 32; bit++) {
		e = e0;
		e.flags = 1u << bit;
		bad += xioctl(fd, DRM_IOCTL_NVDRM_EXEC, &e) != -EINVAL;
	}
	CHECK("inval: exec, each flag bit", !bad, "%d accepted", bad);
	CHECK("inval: channel destroy", !chan_del(fd, ch), "-");
	r = chan_del(fd, ch);
	CHECK("inval: channel destroy twice: -ENOENT", r == -ENOENT, "%d", r);
	r = xioctl(fd, DRM_IOCTL_NVDRM_VM_DESTROY, &vd);
	CHECK("inval: vm_destroy once its channel is gone", !r, "%d", r);
	/* Channels left to the close. */
	vm = vm_new(fd);
	CHECK("inval: channels left open at close", !chan_new(fd, vm, 0, &ch) &&
	      !chan_new(fd, vm, 0, &ch), "-");
	close(fd);
}

/* ---- bench ---- */

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void t_bench(void)
{
	/*
	 * nvsim backs at most 64 MiB of written VRAM per GPU (sim/vram.c), so
	 * the 64 MiB VRAM -> VRAM figure is four 16 MiB launches in one job.
	 */
	const uint64_t C = 16ull << 20, M = 64ull << 20;
	const int N = 200, J = 400;
	int fd = open_nvdrm(), r, i, c;
	uint32_t vm = vm_new(fd), ch[4] = {}, s = syncobj(fd), sc[4];
	double lat[200], t, t_ce, t_cpy;
	int st = 0;
	struct bo pbo = {}, src = {}, dst = {}, sem = {};
	struct pb p;
	char *a, *b;

	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, 4096, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE + (1 << 24), &sem);
	r = r ?: bo_new(fd, vm, C, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (1ull << 30), &src);
	r = r ?: bo_new(fd, vm, C, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (2ull << 30), &dst);
	for (c = 0; c < 4 && !r; c++) {
		r = chan_new(fd, vm, c % 2, &ch[c]);
		sc[c] = syncobj(fd);
	}
	CHECK("bench: setup", !r, "%d", r);
	if (r)
		return;
	/* One-semaphore job: EXEC to its fence signalled. */
	pb_begin(&p, &pbo, 0);
	pb_mthd(&p, 0, SEM_ADDR_LO, 5, (uint32_t)sem.va, (uint32_t)(sem.va >> 32),
		1u, 0u, SEM_EXECUTE_RELEASE);
	for (i = 0; i < N; i++) {
		t = now_us();
		r = pb_exec(fd, ch[0], &p, NULL, 0, s, 0);
		r = r ?: (sync_wait(fd, s, 10000) == 1 ? 0 : -EIO);
		lat[i] = now_us() - t;
		if (r)
			break;
	}
	CHECK("bench: one-semaphore jobs", !r, "%d at %d", r, i);
	qsort(lat, N, sizeof(lat[0]), cmp_d);
	printf("BENCH-KV exec_fence_p50_us %.1f\n", lat[N / 2]);
	printf("BENCH-KV exec_fence_p99_us %.1f\n", lat[N * 99 / 100]);
	/* Jobs per second over 4 channels. */
	t = now_us();
	for (i = 0; i < J / 4; i++)
		for (c = 0; c < 4; c++)
			r |= pb_exec(fd, ch[c], &p, NULL, 0, sc[c], 0);
	for (c = 0; c < 4; c++)
		r |= sync_wait(fd, sc[c], 30000) != 1;
	t = (now_us() - t) / 1e6;
	printf("BENCH-KV exec_jobs_s_4ch %.0f\n", J / t);
	/*
	 * 64 MiB VRAM -> VRAM on the copy engine (4 x 16 MiB), beside memcpy
	 * of 64 MiB. The source is filled by the copy engine too; 16 windows
	 * of the result are copied back to system memory and checked.
	 */
	pb_begin(&p, &pbo, 256);
	pb_fill(&p, src.va, C, 0x03030303);
	r = pb_exec(fd, ch[0], &p, NULL, 0, s, 0);
	r = r ?: ((st = sync_wait(fd, s, 150000)) == 1 ? 0 : -EIO);
	pb_begin(&p, &pbo, 512);
	for (i = 0; i < (int)(M / C); i++)
		pb_copy(&p, dst.va, src.va, C);
	t_ce = now_us();
	r = r ?: pb_exec(fd, ch[0], &p, NULL, 0, s, 0);
	r = r ?: ((st = sync_wait(fd, s, 150000)) == 1 ? 0 : -EIO);
	t_ce = (now_us() - t_ce) / 1e6;
	pb_begin(&p, &pbo, 768);
	for (i = 0; i < 16; i++)
		pb_copy(&p, sem.va + 256 + i * 16, dst.va + (C / 16) * i + (C / 16 - 16) * (i & 1), 16);
	memset(sem.map + 64, 0, 16 * 16);
	r = r ?: pb_exec(fd, ch[0], &p, NULL, 0, s, 0);
	r = r ?: ((st = sync_wait(fd, s, 150000)) == 1 ? 0 : -EIO);
	CHECK("bench: 64 MiB copied (4 x 16 MiB), result right (16 windows checked)",
	      !r && first_not(sem.map + 64, 0x03030303, 16 * 16) < 0, "%d, fence status %d", r, st);
	a = malloc(M);
	b = malloc(M);
	memset(a, 1, M);
	memset(b, 2, M);
	t_cpy = now_us();
	for (i = 0; i < 2; i++) {
		memcpy(i & 1 ? a : b, i & 1 ? b : a, M);
		__asm__ volatile("" : : "r"(a), "r"(b) : "memory");
	}
	t_cpy = (now_us() - t_cpy) / 2e6;
	printf("    memcpy check %d\n", a[M / 2] + b[M / 3]);
	printf("BENCH-KV ce_copy_mib_s %.1f\n", 64 / t_ce);
	printf("BENCH-KV memcpy_64mib_user_mib_s %.1f\n", 64 / t_cpy);
	free(a);
	free(b);
	close(fd);
}

/* ---- tour: one copy job from EXEC to its fence ---- */

static void t_tour(void)
{
	const uint64_t S = 64 << 10;
	int fd = open_nvdrm(), r;
	uint32_t vm = vm_new(fd), ch = 0, s = syncobj(fd);
	struct bo pbo = {}, x = {}, y = {};
	struct pb p;
	double t;

	printf("  VM %u created (GSP-RM VA space over nvdrm's page tables)\n", vm);
	r = bo_new(fd, vm, PB_SIZE, NVDRM_GEM_DOMAIN_SYSTEM, VA_BASE, &pbo);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (1 << 24), &x);
	r = r ?: bo_new(fd, vm, S, NVDRM_GEM_DOMAIN_VRAM, VA_BASE + (2 << 24), &y);
	printf("  push buffer (system) at VA %#llx, source and destination (VRAM) at %#llx, %#llx\n",
	       (unsigned long long)pbo.va, (unsigned long long)x.va, (unsigned long long)y.va);
	r = r ?: chan_new(fd, vm, 0, &ch);
	printf("  CHANNEL_CREATE: channel %u on copy engine 0 (group, GPFIFO channel, CE object on GSP-RM)\n",
	       ch);
	CHECK("tour: setup", !r, "%d", r);
	if (r)
		return;
	rnd_fill(x.map, S, 42);
	memset(y.map, 0, S);
	pb_begin(&p, &pbo, 0);
	pb_copy(&p, y.va, x.va, S);
	printf("  push buffer: %u dwords (OFFSET_IN/OUT, LINE_LENGTH_IN, LAUNCH_DMA)\n",
	       p.cur - p.start);
	t = now_us();
	r = pb_exec(fd, ch, &p, NULL, 0, s, 0);
	printf("  EXEC: job queued to drm_sched; run_job writes GP entries + the fence segment,\n"
	       "        GP_PUT into USERD, work-submit token to the doorbell\n");
	r = r ?: sync_wait(fd, s, 20000);
	t = now_us() - t;
	printf("  fence signalled from the CE's non-stall interrupt after %.0f us (status %d)\n", t, r);
	CHECK("tour: copy job done, data checked byte for byte",
	      r == 1 && first_diff(x.map, y.map, S) < 0, "%d", r);
	close(fd);
}

int main(int argc, char **argv)
{
	const char *t = argc > 1 ? argv[1] : "";

	signal(SIGPIPE, SIG_IGN);
	if (!strcmp(t, "copy"))
		t_copy();
	else if (!strcmp(t, "order"))
		t_order();
	else if (!strcmp(t, "multi") && argc > 2)
		t_multi(atoi(argv[2]));
	else if (!strcmp(t, "fault"))
		t_fault();
	else if (!strcmp(t, "timeout"))
		t_timeout();
	else if (!strcmp(t, "crash") && argc > 3)
		t_crash(argv[2], argv[3]);
	else if (!strcmp(t, "busy") && argc > 3)
		t_busy(argv[2], argv[3]);
	else if (!strcmp(t, "unplug") && argc > 3)
		t_unplug(argv[2], argv[3]);
	else if (!strcmp(t, "inval"))
		t_inval();
	else if (!strcmp(t, "bench"))
		t_bench();
	else if (!strcmp(t, "tour"))
		t_tour();
	else {
		fprintf(stderr, "usage: %s copy|order|multi N|fault|timeout|crash C R|busy F E|unplug U D|inval|bench|tour\n",
			argv[0]);
		return 2;
	}
	return failures ? 1 : 0;
}
