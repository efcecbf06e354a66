// SPDX-License-Identifier: GPL-2.0
/*
 * nvdrm_test: userspace tests of nvdrm's uAPI through libdrm (static).
 *
 *   nvdrm_test enum                 drmGetDevices2() lists nvdrm's nodes
 *   nvdrm_test param CHIPSET MIB    GET_PARAM values
 *   nvdrm_test gem                  GEM in VRAM and system memory, mmap r/w
 *   nvdrm_test prime                PRIME: import from vgem, self-import
 *   nvdrm_test vm                   VM_CREATE/DESTROY, VM_BIND edge cases
 *   nvdrm_test inval                invalid arguments of every ioctl
 *   nvdrm_test openclose N          N open/create/close cycles
 *   nvdrm_test evict FACTOR [cpu]   VRAM overcommitted FACTOR times, checked
 *                                   (moved by the copy engine, or the CPU)
 *   nvdrm_test unplug UNBIND_PATH DEV
 *                                   unbind with fds and mappings open
 *                                   (UNBIND_PATH "!cmd": run cmd instead)
 *   nvdrm_test gpuva MMU_DEBUGFS    page tables walked by nvsim's MMU
 *   nvdrm_test bigpage MMU_DEBUGFS  64 KiB and 2 MiB pages, through eviction
 *   nvdrm_test bench                BENCH-KV lines for make bench
 *   nvdrm_test recover MMU CRASH RECOVERIES
 *                                   a GSP crash with a VM mapped
 *
 * Prints one "PASS: nvdrm/<name>" or "FAIL: nvdrm/<name> why" per check.
 */
#include <errno.h>
#include <glob.h>
#include <setjmp.h>
#include <signal.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xf86drm.h>
#include <drm_mode.h>

#include <uapi/drm/nvdrm_drm.h>

static int failures;

#define CHECK(name, cond, ...)						\
	do {								\
		if (cond) {						\
			printf("PASS: nvdrm/%s\n", name);		\
		} else {						\
			failures++;					\
			printf("FAIL: nvdrm/%s ", name);		\
			printf(__VA_ARGS__);				\
			printf("\n");					\
		}							\
		fflush(stdout);						\
	} while (0)

/* CHECK with a name prefix: "PREFIX: name". */
#define CHECK_P(pfx, name, cond, ...)					\
	do {								\
		char _n[160];						\
									\
		snprintf(_n, sizeof(_n), "%s: %s", pfx, name);		\
		CHECK(_n, cond, __VA_ARGS__);				\
	} while (0)

/* ioctl returning 0 or -errno. */
static int xioctl(int fd, unsigned long req, void *arg)
{
	return drmIoctl(fd, req, arg) ? -errno : 0;
}

/* Open the first node of @type whose driver is @name. */
static int open_driver(const char *name, int type)
{
	drmDevicePtr devs[16];
	int n, i, fd = -1;

	n = drmGetDevices2(0, devs, 16);
	for (i = 0; i < n && fd < 0; i++) {
		drmVersionPtr v;
		int f;

		if (!(devs[i]->available_nodes & (1 << type)))
			continue;
		f = open(devs[i]->nodes[type], O_RDWR | O_CLOEXEC);
		if (f < 0)
			continue;
		v = drmGetVersion(f);
		if (v && !strcmp(v->name, name))
			fd = f;
		else
			close(f);
		drmFreeVersion(v);
	}
	if (n > 0)
		drmFreeDevices(devs, n);
	return fd;
}

static int open_nvdrm(void)
{
	int fd = open_driver("nvdrm", DRM_NODE_RENDER);

	if (fd < 0) {
		printf("FAIL: nvdrm/open no nvdrm render node\n");
		exit(1);
	}
	return fd;
}

static int gem_create(int fd, uint64_t size, uint32_t domain, uint32_t *handle)
{
	struct drm_nvdrm_gem_create c = { .size = size, .domain = domain };
	int ret = xioctl(fd, DRM_IOCTL_NVDRM_GEM_CREATE, &c);

	*handle = c.handle;
	return ret;
}

static int gem_info(int fd, uint32_t handle, struct drm_nvdrm_gem_info *i)
{
	memset(i, 0, sizeof(*i));
	i->handle = handle;
	return xioctl(fd, DRM_IOCTL_NVDRM_GEM_INFO, i);
}

static void *gem_map(int fd, uint32_t handle, size_t size)
{
	struct drm_nvdrm_gem_mmap_offset m = { .handle = handle };
	void *p;

	if (xioctl(fd, DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET, &m))
		return NULL;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, m.offset);
	return p == MAP_FAILED ? NULL : p;
}

static void gem_close(int fd, uint32_t handle)
{
	struct drm_gem_close c = { .handle = handle };

	drmIoctl(fd, DRM_IOCTL_GEM_CLOSE, &c);
}

static uint64_t param(int fd, uint32_t p)
{
	struct drm_nvdrm_get_param g = { .param = p };

	if (xioctl(fd, DRM_IOCTL_NVDRM_GET_PARAM, &g))
		return ~0ull;
	return g.value;
}

static void fill(uint32_t *p, size_t bytes, uint32_t seed)
{
	size_t i;

	for (i = 0; i < bytes / 4; i++)
		p[i] = seed * 2654435761u + (uint32_t)i;
}

/* Index of the first wrong word, or -1. */
static long verify(const uint32_t *p, size_t bytes, uint32_t seed)
{
	size_t i;

	for (i = 0; i < bytes / 4; i++)
		if (p[i] != seed * 2654435761u + (uint32_t)i)
			return i;
	return -1;
}

static long first_nonzero(const uint8_t *p, size_t bytes)
{
	size_t i;

	for (i = 0; i < bytes; i++)
		if (p[i])
			return i;
	return -1;
}

/* ---- enum ---- */

static void t_enum(void)
{
	drmDevicePtr devs[16];
	int n, i, found = -1;

	n = drmGetDevices2(0, devs, 16);
	CHECK("enum: drmGetDevices2 finds devices", n > 0, "n=%d errno=%d", n, errno);
	for (i = 0; i < n; i++) {
		drmVersionPtr v;
		int f;

		printf("    device %d: bus %d nodes %#x render %s\n", i, devs[i]->bustype,
		       devs[i]->available_nodes,
		       devs[i]->available_nodes & (1 << DRM_NODE_RENDER) ?
		       devs[i]->nodes[DRM_NODE_RENDER] : "-");
		if (!(devs[i]->available_nodes & (1 << DRM_NODE_RENDER)))
			continue;
		f = open(devs[i]->nodes[DRM_NODE_RENDER], O_RDWR);
		if (f < 0)
			continue;
		v = drmGetVersion(f);
		if (v && !strcmp(v->name, "nvdrm"))
			found = i;
		drmFreeVersion(v);
		close(f);
	}
	CHECK("enum: nvdrm's render node is among them", found >= 0, "not listed");
	if (found >= 0) {
		drmDevicePtr d = devs[found];

		CHECK("enum: bus is platform (nvsim's device, not auxiliary)",
		      d->bustype == DRM_BUS_PLATFORM, "bustype %d", d->bustype);
		if (d->bustype == DRM_BUS_PLATFORM)
			printf("    platform fullname %s\n",
			       d->businfo.platform->fullname);
	}
	if (n > 0)
		drmFreeDevices(devs, n);
	{
		int fd = open_nvdrm();
		drmVersionPtr v = drmGetVersion(fd);

		CHECK("enum: render node type", drmGetNodeTypeFromFd(fd) == DRM_NODE_RENDER,
		      "type %d", drmGetNodeTypeFromFd(fd));
		CHECK("enum: version is the uAPI version",
		      v && v->version_major == NVDRM_UAPI_MAJOR &&
		      v->version_minor == NVDRM_UAPI_MINOR, "%d.%d",
		      v ? v->version_major : -1, v ? v->version_minor : -1);
		drmFreeVersion(v);
		close(fd);
	}
}

/* ---- param ---- */

static void t_param(unsigned long chipset, unsigned long mib)
{
	int fd = open_nvdrm();
	uint32_t p;

	for (p = 0; p <= NVDRM_PARAM_PCI_ID; p++)
		printf("    param %u = %#" PRIx64 "\n", p, param(fd, p));
	CHECK("param: uapi version", param(fd, NVDRM_PARAM_UAPI_VERSION) == NVDRM_UAPI_VERSION,
	      "%#" PRIx64, param(fd, NVDRM_PARAM_UAPI_VERSION));
	CHECK("param: chipset", param(fd, NVDRM_PARAM_CHIPSET) == chipset, "%#" PRIx64,
	      param(fd, NVDRM_PARAM_CHIPSET));
	CHECK("param: arch is chipset >> 4", param(fd, NVDRM_PARAM_ARCH) == chipset >> 4,
	      "%#" PRIx64, param(fd, NVDRM_PARAM_ARCH));
	CHECK("param: VRAM usable is the partition (vram_mib)",
	      param(fd, NVDRM_PARAM_VRAM_USABLE) == (uint64_t)mib << 20, "%#" PRIx64,
	      param(fd, NVDRM_PARAM_VRAM_USABLE));
	CHECK("param: VRAM size above usable",
	      param(fd, NVDRM_PARAM_VRAM_SIZE) > param(fd, NVDRM_PARAM_VRAM_USABLE), "-");
	CHECK("param: VA range sane",
	      param(fd, NVDRM_PARAM_VA_START) < param(fd, NVDRM_PARAM_VA_END) &&
	      param(fd, NVDRM_PARAM_VA_END) != ~0ull, "-");
	CHECK("param: copy engines", param(fd, NVDRM_PARAM_COPY_ENGINES) >= 1, "-");
	CHECK("param: 4 KiB pages", param(fd, NVDRM_PARAM_PAGE_SIZES) & 4096, "-");
	CHECK("param: PCI vendor NVIDIA", param(fd, NVDRM_PARAM_PCI_ID) >> 16 == 0x10de, "-");
	close(fd);
}

/* ---- gem ---- */

static void t_gem_one(int fd, uint32_t domain, const char *dn)
{
	const size_t size = 3 * 1024 * 1024 + 100;
	const size_t mapped = (size + 4095) & ~4095ul;
	struct drm_nvdrm_gem_info info;
	char name[128];
	uint32_t h, h2;
	void *p, *p2;
	long bad;

	snprintf(name, sizeof(name), "gem %s: create 3 MiB + 100", dn);
	CHECK(name, !gem_create(fd, size, domain, &h) && h, "-");
	snprintf(name, sizeof(name), "gem %s: info (size rounded, domain, not imported)", dn);
	CHECK(name, !gem_info(fd, h, &info) && info.size == mapped &&
	      info.domain == domain && info.current_domain == domain && !info.flags,
	      "size %llu domain %u current %u flags %u", (unsigned long long)info.size,
	      info.domain, info.current_domain, info.flags);
	p = gem_map(fd, h, mapped);
	snprintf(name, sizeof(name), "gem %s: mmap", dn);
	CHECK(name, p, "errno %d", errno);
	if (!p)
		return;
	bad = first_nonzero(p, mapped);
	snprintf(name, sizeof(name), "gem %s: new object reads zeros", dn);
	CHECK(name, bad < 0, "byte %ld non-zero", bad);
	fill(p, mapped, 7);
	bad = verify(p, mapped, 7);
	snprintf(name, sizeof(name), "gem %s: write and read back", dn);
	CHECK(name, bad < 0, "word %ld", bad);
	munmap(p, mapped);
	p2 = gem_map(fd, h, mapped);
	bad = p2 ? verify(p2, mapped, 7) : -2;
	snprintf(name, sizeof(name), "gem %s: contents survive unmap and a second mmap", dn);
	CHECK(name, bad < 0, "word %ld", bad);
	if (p2)
		munmap(p2, mapped);
	snprintf(name, sizeof(name), "gem %s: still in its domain", dn);
	CHECK(name, !gem_info(fd, h, &info) && info.current_domain == domain,
	      "current %u", info.current_domain);
	gem_close(fd, h);
	/* The freed memory was scrubbed: a new object of the same size. */
	gem_create(fd, size, domain, &h2);
	p2 = gem_map(fd, h2, mapped);
	bad = p2 ? first_nonzero(p2, mapped) : -2;
	snprintf(name, sizeof(name), "gem %s: an object after a freed one reads zeros", dn);
	CHECK(name, bad == -1, "byte %ld", bad);
	if (p2)
		munmap(p2, mapped);
	gem_close(fd, h2);
}

static void t_gem(void)
{
	int fd = open_nvdrm();

	t_gem_one(fd, NVDRM_GEM_DOMAIN_VRAM, "vram");
	t_gem_one(fd, NVDRM_GEM_DOMAIN_SYSTEM, "system");
	close(fd);
}

/* ---- prime ---- */

static void t_prime(void)
{
	int fd = open_nvdrm();
	int vg = open_driver("vgem", DRM_NODE_PRIMARY);
	struct drm_mode_create_dumb cd = { .width = 1024, .height = 256, .bpp = 32 };
	struct drm_mode_map_dumb md = {};
	struct drm_nvdrm_gem_info info;
	uint32_t h, h_imp, h_self, h_vg;
	int dmafd, ret;
	void *vp, *np;
	long bad;

	CHECK("prime: vgem present", vg >= 0, "no vgem primary node");
	if (vg < 0)
		return;
	ret = xioctl(vg, DRM_IOCTL_MODE_CREATE_DUMB, &cd);
	CHECK("prime: vgem dumb buffer 1 MiB", !ret && cd.size == 1 << 20, "ret %d size %llu",
	      ret, (unsigned long long)cd.size);
	md.handle = cd.handle;
	ret = xioctl(vg, DRM_IOCTL_MODE_MAP_DUMB, &md);
	vp = ret ? MAP_FAILED : mmap(NULL, cd.size, PROT_READ | PROT_WRITE, MAP_SHARED, vg,
				     md.offset);
	CHECK("prime: vgem mmap", vp != MAP_FAILED, "ret %d errno %d", ret, errno);
	if (vp == MAP_FAILED)
		return;
	fill(vp, cd.size, 42);
	ret = drmPrimeHandleToFD(vg, cd.handle, DRM_CLOEXEC | DRM_RDWR, &dmafd);
	CHECK("prime: vgem export", !ret, "errno %d", errno);
	ret = drmPrimeFDToHandle(fd, dmafd, &h_imp);
	CHECK("prime: nvdrm imports vgem's buffer", !ret, "errno %d", errno);
	CHECK("prime: imported object info", !gem_info(fd, h_imp, &info) &&
	      info.size == cd.size && info.flags == NVDRM_GEM_INFO_IMPORTED &&
	      info.current_domain == NVDRM_GEM_DOMAIN_SYSTEM, "size %llu flags %u",
	      (unsigned long long)info.size, info.flags);
	np = gem_map(fd, h_imp, cd.size);
	bad = np ? verify(np, cd.size, 42) : -2;
	CHECK("prime: nvdrm's mapping of the import sees vgem's data", bad == -1, "word %ld", bad);
	if (np) {
		fill(np, cd.size, 43);
		bad = verify(vp, cd.size, 43);
		CHECK("prime: vgem sees what nvdrm wrote", bad == -1, "word %ld", bad);
		munmap(np, cd.size);
	}
	close(dmafd);
	gem_close(fd, h_imp);

	/* Export ours: self-import gives the same object; vgem imports it. */
	gem_create(fd, 1 << 20, NVDRM_GEM_DOMAIN_VRAM, &h);
	np = gem_map(fd, h, 1 << 20);
	if (np)
		fill(np, 1 << 20, 44);
	ret = drmPrimeHandleToFD(fd, h, DRM_CLOEXEC | DRM_RDWR, &dmafd);
	CHECK("prime: nvdrm export", !ret, "errno %d", errno);
	ret = drmPrimeFDToHandle(fd, dmafd, &h_self);
	CHECK("prime: self-import gives the same handle", !ret && h_self == h,
	      "ret %d handle %u vs %u", ret, h_self, h);
	ret = drmPrimeFDToHandle(vg, dmafd, &h_vg);
	CHECK("prime: vgem imports nvdrm's VRAM object", !ret, "errno %d", errno);
	CHECK("prime: attached export is pinned in system memory",
	      !gem_info(fd, h, &info) && info.current_domain == NVDRM_GEM_DOMAIN_SYSTEM,
	      "current %u", info.current_domain);
	bad = np ? verify(np, 1 << 20, 44) : -2;
	CHECK("prime: contents kept across the move for export", bad == -1, "word %ld", bad);
	if (!ret) {
		void *q = mmap(NULL, 1 << 20, PROT_READ, MAP_SHARED, dmafd, 0);

		bad = q != MAP_FAILED ? verify(q, 1 << 20, 44) : -2;
		CHECK("prime: dma-buf mmap of nvdrm's export reads its data", bad == -1,
		      "word %ld errno %d", bad, errno);
		if (q != MAP_FAILED)
			munmap(q, 1 << 20);
		gem_close(vg, h_vg);
	}
	if (np)
		munmap(np, 1 << 20);
	close(dmafd);
	gem_close(fd, h);
	munmap(vp, cd.size);
	close(vg);
	close(fd);
}

/* ---- vm ---- */

static int vm_bind(int fd, uint32_t vm, uint32_t op, uint32_t h, uint32_t flags,
		   uint64_t va, uint64_t off, uint64_t range)
{
	struct drm_nvdrm_vm_bind b = {
		.vm_id = vm, .op = op, .handle = h, .flags = flags,
		.va = va, .bo_offset = off, .range = range,
	};

	return xioctl(fd, DRM_IOCTL_NVDRM_VM_BIND, &b);
}

static void t_vm(void)
{
	int fd = open_nvdrm(), fd2 = open_nvdrm();
	uint64_t vs = param(fd, NVDRM_PARAM_VA_START), ve = param(fd, NVDRM_PARAM_VA_END);
	struct drm_nvdrm_vm_create c = {};
	struct drm_nvdrm_vm_destroy d = {};
	const uint32_t M = NVDRM_VM_BIND_OP_MAP, U = NVDRM_VM_BIND_OP_UNMAP;
	const uint64_t S = 1 << 20, A = vs + (1ull << 30);
	uint32_t vm, h;
	int r;

	CHECK("vm: create", !xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &c) && c.vm_id, "-");
	vm = c.vm_id;
	gem_create(fd, S, NVDRM_GEM_DOMAIN_VRAM, &h);
	CHECK("vm: map 1 MiB", !(r = vm_bind(fd, vm, M, h, 0, A, 0, S)), "%d", r);
	CHECK("vm: same range again -EEXIST", (r = vm_bind(fd, vm, M, h, 0, A, 0, S)) == -EEXIST, "%d", r);
	CHECK("vm: overlapping start -EEXIST", (r = vm_bind(fd, vm, M, h, 0, A - 4096, 0, 8192)) == -EEXIST, "%d", r);
	CHECK("vm: overlapping end -EEXIST", (r = vm_bind(fd, vm, M, h, 0, A + S - 4096, 0, 8192)) == -EEXIST, "%d", r);
	CHECK("vm: adjacent below ok", !(r = vm_bind(fd, vm, M, h, 0, A - S, 0, S)), "%d", r);
	CHECK("vm: adjacent above read-only ok", !(r = vm_bind(fd, vm, M, h, NVDRM_VM_BIND_READ_ONLY, A + S, 0, S)), "%d", r);
	CHECK("vm: part of the object at an offset", !(r = vm_bind(fd, vm, M, h, 0, A + 8 * S, S - 8192, 8192)), "%d", r);
	CHECK("vm: unaligned va -EINVAL", (r = vm_bind(fd, vm, M, h, 0, A + 16 * S + 1, 0, 4096)) == -EINVAL, "%d", r);
	CHECK("vm: unaligned range -EINVAL", (r = vm_bind(fd, vm, M, h, 0, A + 16 * S, 0, 4095)) == -EINVAL, "%d", r);
	CHECK("vm: unaligned offset -EINVAL", (r = vm_bind(fd, vm, M, h, 0, A + 16 * S, 512, 4096)) == -EINVAL, "%d", r);
	CHECK("vm: zero range -EINVAL", (r = vm_bind(fd, vm, M, h, 0, A + 16 * S, 0, 0)) == -EINVAL, "%d", r);
	CHECK("vm: range beyond the object -EINVAL", (r = vm_bind(fd, vm, M, h, 0, A + 16 * S, 0, 2 * S)) == -EINVAL, "%d", r);
	CHECK("vm: offset beyond the object -EINVAL", (r = vm_bind(fd, vm, M, h, 0, A + 16 * S, 2 * S, 4096)) == -EINVAL, "%d", r);
	CHECK("vm: offset+range overflow -EINVAL", (r = vm_bind(fd, vm, M, h, 0, A + 16 * S, S - 4096, -4096ull)) == -EINVAL || r == -ERANGE, "%d", r);
	CHECK("vm: va below VA_START -ERANGE", (r = vm_bind(fd, vm, M, h, 0, vs - 4096, 0, 4096)) == -ERANGE, "%d", r);
	CHECK("vm: va at VA_END -ERANGE", (r = vm_bind(fd, vm, M, h, 0, ve, 0, 4096)) == -ERANGE, "%d", r);
	CHECK("vm: range past VA_END -ERANGE", (r = vm_bind(fd, vm, M, h, 0, ve - 4096, 0, 8192)) == -ERANGE, "%d", r);
	CHECK("vm: last page of the VA space ok", !(r = vm_bind(fd, vm, M, h, 0, ve - 4096, 0, 4096)), "%d", r);
	CHECK("vm: va+range wraps -ERANGE", (r = vm_bind(fd, vm, M, h, 0, ve - 4096, 0, -4096ull)) == -ERANGE, "%d", r);
	CHECK("vm: unknown handle -ENOENT", (r = vm_bind(fd, vm, M, h + 100, 0, A + 16 * S, 0, 4096)) == -ENOENT, "%d", r);
	CHECK("vm: unknown map flag -EINVAL", (r = vm_bind(fd, vm, M, h, 2, A + 16 * S, 0, 4096)) == -EINVAL, "%d", r);
	CHECK("vm: unknown vm -ENOENT", (r = vm_bind(fd, vm + 7, M, h, 0, A + 16 * S, 0, 4096)) == -ENOENT, "%d", r);
	CHECK("vm: vm id of another file -ENOENT", (r = vm_bind(fd2, vm, M, 1, 0, A + 16 * S, 0, 4096)) == -ENOENT, "%d", r);
	CHECK("vm: unmap straddling a mapping -EINVAL", (r = vm_bind(fd, vm, U, 0, 0, A + 4096, 0, S)) == -EINVAL, "%d", r);
	CHECK("vm: unmap of nothing -ENOENT", (r = vm_bind(fd, vm, U, 0, 0, A + 32 * S, 0, S)) == -ENOENT, "%d", r);
	CHECK("vm: unmap with a handle -EINVAL", (r = vm_bind(fd, vm, U, h, 0, A, 0, S)) == -EINVAL, "%d", r);
	CHECK("vm: unmap one", !(r = vm_bind(fd, vm, U, 0, 0, A, 0, S)), "%d", r);
	CHECK("vm: its range maps again", !(r = vm_bind(fd, vm, M, h, 0, A, 0, S)), "%d", r);
	CHECK("vm: unmap three at once", !(r = vm_bind(fd, vm, U, 0, 0, A - S, 0, 3 * S)), "%d", r);
	CHECK("vm: they are gone", (r = vm_bind(fd, vm, U, 0, 0, A - S, 0, 3 * S)) == -ENOENT, "%d", r);
	/* The object stays alive while mapped, after its handle is closed. */
	gem_close(fd, h);
	d.vm_id = vm;
	CHECK("vm: destroy with mappings left", !xioctl(fd, DRM_IOCTL_NVDRM_VM_DESTROY, &d), "-");
	CHECK("vm: destroy again -ENOENT", xioctl(fd, DRM_IOCTL_NVDRM_VM_DESTROY, &d) == -ENOENT, "-");
	/* A file closed with VMs and mappings cleans up (kmemleak-free log). */
	c.vm_id = 0;
	xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &c);
	gem_create(fd, S, NVDRM_GEM_DOMAIN_SYSTEM, &h);
	CHECK("vm: map then close the file", !vm_bind(fd, c.vm_id, M, h, 0, A, 0, S), "-");
	close(fd);
	close(fd2);
}

/* ---- inval ---- */

#define INVAL(name, req, arg, want) do {				\
		int _r = xioctl(fd, req, arg);				\
		CHECK("inval: " name, _r == (want), "got %d want %d", _r, want); \
	} while (0)

static void t_inval(void)
{
	int fd = open_nvdrm();
	uint32_t h, bit;
	int bad;

	gem_create(fd, 4096, NVDRM_GEM_DOMAIN_SYSTEM, &h);
	{
		struct drm_nvdrm_get_param a = { .param = 0, .pad = 1 };

		INVAL("get_param pad", DRM_IOCTL_NVDRM_GET_PARAM, &a, -EINVAL);
		a.pad = 0;
		a.param = NVDRM_PARAM_PCI_ID + 1;
		INVAL("get_param unknown param", DRM_IOCTL_NVDRM_GET_PARAM, &a, -EINVAL);
		a.param = ~0u;
		INVAL("get_param param ~0", DRM_IOCTL_NVDRM_GET_PARAM, &a, -EINVAL);
		for (bit = 0, bad = 0; bit <= NVDRM_PARAM_PCI_ID; bit++) {
			a.param = bit;
			bad += xioctl(fd, DRM_IOCTL_NVDRM_GET_PARAM, &a) != 0;
		}
		CHECK("inval: get_param every known param succeeds", !bad, "%d failed", bad);
	}
	{
		struct drm_nvdrm_gem_create a;

#define GC(n, field, val, want) do { memset(&a, 0, sizeof(a)); a.size = 4096; \
		a.domain = NVDRM_GEM_DOMAIN_SYSTEM; a.field = val; \
		INVAL("gem_create " n, DRM_IOCTL_NVDRM_GEM_CREATE, &a, want); } while (0)
		GC("size 0", size, 0, -EINVAL);
		GC("size ~0", size, ~0ull, -EINVAL);
		GC("size 2^63", size, 1ull << 63, -E2BIG);
		GC("domain 0", domain, 0, -EINVAL);
		GC("domain both", domain, 3, -EINVAL);
		GC("domain 4", domain, 4, -EINVAL);
		GC("domain ~0", domain, ~0u, -EINVAL);
		GC("handle in", handle, 5, -EINVAL);
		GC("pad", pad, 1, -EINVAL);
		for (bit = 0, bad = 0; bit < 32; bit++) {
			memset(&a, 0, sizeof(a));
			a.size = 4096;
			a.domain = NVDRM_GEM_DOMAIN_SYSTEM;
			a.flags = 1u << bit;
			bad += xioctl(fd, DRM_IOCTL_NVDRM_GEM_CREATE, &a) != -EINVAL;
		}
		CHECK("inval: gem_create each of the 32 flag bits", !bad, "%d accepted", bad);
		memset(&a, 0, sizeof(a));
		a.size = param(fd, NVDRM_PARAM_VRAM_USABLE) + 4096;
		a.domain = NVDRM_GEM_DOMAIN_VRAM;
		INVAL("gem_create VRAM larger than the domain", DRM_IOCTL_NVDRM_GEM_CREATE, &a, -E2BIG);
	}
	{
		struct drm_nvdrm_gem_mmap_offset a = { .handle = h, .pad = 1 };

		INVAL("mmap_offset pad", DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET, &a, -EINVAL);
		a.pad = 0;
		a.handle = 0;
		INVAL("mmap_offset handle 0", DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET, &a, -ENOENT);
		a.handle = h + 1000;
		INVAL("mmap_offset unknown handle", DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET, &a, -ENOENT);
	}
	{
		struct drm_nvdrm_gem_info a = { .handle = h, .pad = 1 };

		INVAL("gem_info pad", DRM_IOCTL_NVDRM_GEM_INFO, &a, -EINVAL);
		a.pad = 0;
		a.reserved = 1;
		INVAL("gem_info reserved", DRM_IOCTL_NVDRM_GEM_INFO, &a, -EINVAL);
		a.reserved = 0;
		a.handle = ~0u;
		INVAL("gem_info unknown handle", DRM_IOCTL_NVDRM_GEM_INFO, &a, -ENOENT);
		a.handle = 0;
		INVAL("gem_info handle 0", DRM_IOCTL_NVDRM_GEM_INFO, &a, -ENOENT);
	}
	{
		struct drm_nvdrm_vm_create a = {};

		for (bit = 0, bad = 0; bit < 32; bit++) {
			a.flags = 1u << bit;
			a.vm_id = 0;
			bad += xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &a) != -EINVAL;
		}
		CHECK("inval: vm_create each of the 32 flag bits", !bad, "%d accepted", bad);
		a.flags = 0;
		a.vm_id = 3;
		INVAL("vm_create vm_id in", DRM_IOCTL_NVDRM_VM_CREATE, &a, -EINVAL);
	}
	{
		struct drm_nvdrm_vm_destroy a = { .vm_id = 1, .pad = 1 };

		INVAL("vm_destroy pad", DRM_IOCTL_NVDRM_VM_DESTROY, &a, -EINVAL);
		a.pad = 0;
		a.vm_id = 0;
		INVAL("vm_destroy id 0", DRM_IOCTL_NVDRM_VM_DESTROY, &a, -ENOENT);
		a.vm_id = ~0u;
		INVAL("vm_destroy id ~0", DRM_IOCTL_NVDRM_VM_DESTROY, &a, -ENOENT);
	}
	{
		struct drm_nvdrm_vm_create c = {};
		struct drm_nvdrm_vm_bind a;
		uint64_t A = param(fd, NVDRM_PARAM_VA_START);

		xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &c);
#define VB(n, field, val, want) do { memset(&a, 0, sizeof(a)); a.vm_id = c.vm_id; \
		a.handle = h; a.va = A; a.range = 4096; a.field = val; \
		INVAL("vm_bind " n, DRM_IOCTL_NVDRM_VM_BIND, &a, want); } while (0)
		VB("op 2", op, 2, -EINVAL);
		VB("op ~0", op, ~0u, -EINVAL);
		VB("vm 0", vm_id, 0, -ENOENT);
		VB("handle 0", handle, 0, -ENOENT);
		VB("va 0", va, 0, -ERANGE);
		VB("va odd", va, A + 1, -EINVAL);
		VB("range 0", range, 0, -EINVAL);
		VB("range odd", range, 4097, -EINVAL);
		VB("bo_offset odd", bo_offset, 1, -EINVAL);
		VB("bo_offset past end", bo_offset, 8192, -EINVAL);
		for (bit = 1, bad = 0; bit < 32; bit++) {
			memset(&a, 0, sizeof(a));
			a.vm_id = c.vm_id;
			a.handle = h;
			a.va = A;
			a.range = 4096;
			a.flags = 1u << bit;
			bad += xioctl(fd, DRM_IOCTL_NVDRM_VM_BIND, &a) != -EINVAL;
		}
		CHECK("inval: vm_bind map, each unknown flag bit (1..31)", !bad, "%d accepted", bad);
		VB("unmap flags", op, NVDRM_VM_BIND_OP_UNMAP, -EINVAL);
		for (bit = 0, bad = 0; bit < 32; bit++) {
			memset(&a, 0, sizeof(a));
			a.vm_id = c.vm_id;
			a.op = NVDRM_VM_BIND_OP_UNMAP;
			a.va = A;
			a.range = 4096;
			a.flags = 1u << bit;
			bad += xioctl(fd, DRM_IOCTL_NVDRM_VM_BIND, &a) != -EINVAL;
		}
		CHECK("inval: vm_bind unmap, each of the 32 flag bits", !bad, "%d accepted", bad);
		memset(&a, 0, sizeof(a));
		a.vm_id = c.vm_id;
		a.op = NVDRM_VM_BIND_OP_UNMAP;
		a.va = A;
		a.range = 4096;
		a.bo_offset = 4096;
		INVAL("vm_bind unmap bo_offset", DRM_IOCTL_NVDRM_VM_BIND, &a, -EINVAL);
		a.bo_offset = 0;
		a.handle = h;
		INVAL("vm_bind unmap handle", DRM_IOCTL_NVDRM_VM_BIND, &a, -EINVAL);
		a.handle = 0;
		INVAL("vm_bind unmap of nothing", DRM_IOCTL_NVDRM_VM_BIND, &a, -ENOENT);
		VB("range wraps the VA space", range, -4096ull, -ERANGE);
		VB("va at 2^63", va, 1ull << 63, -ERANGE);
		VB("vm id ~0", vm_id, ~0u, -ENOENT);
	}
	{
		/* Reserved ioctl numbers and a wrong size. */
		char buf[64] = {};
		int r;

		r = xioctl(fd, DRM_IOWR(DRM_COMMAND_BASE + 0x0a, struct drm_nvdrm_get_param), buf);
		CHECK("inval: unknown ioctl 0x0a", r == -EINVAL, "%d", r);
		r = xioctl(fd, DRM_IOWR(DRM_COMMAND_BASE + 0x3f, struct drm_nvdrm_get_param), buf);
		CHECK("inval: unknown ioctl 0x3f", r == -EINVAL, "%d", r);
	}
	gem_close(fd, h);
	close(fd);
}

/* ---- openclose ---- */

static void t_openclose(int n)
{
	int i, bad = 0;

	for (i = 0; i < n; i++) {
		int fd = open_nvdrm();
		uint32_t h;
		void *p;

		if (gem_create(fd, 65536, i & 1 ? NVDRM_GEM_DOMAIN_VRAM :
			       NVDRM_GEM_DOMAIN_SYSTEM, &h)) {
			bad++;
		} else if ((p = gem_map(fd, h, 65536))) {
			((volatile uint32_t *)p)[i % 16384] = i;
			munmap(p, 65536);
		} else {
			bad++;
		}
		close(fd);
	}
	CHECK("openclose: every cycle created and mapped an object", !bad, "%d failed", bad);
}

/* ---- evict ---- */

#define EVICT_CE_PARAM "/sys/module/nvdrm/parameters/evict_ce"

static int write_str(const char *path, const char *v)
{
	int fd = open(path, O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, v, strlen(v)) == (ssize_t)strlen(v);
	close(fd);
	return ok ? 0 : -1;
}

/* A counter of nvdrm's debugfs nvdrm_mm ("evictions N restores N ..."). */
static long long mm_counter(const char *key)
{
	char buf[512] = "", k[64];
	long long v = -1;
	glob_t g;
	size_t i;

	if (glob("/sys/kernel/debug/dri/*/nvdrm_mm", 0, NULL, &g))
		return -1;
	for (i = 0; i < g.gl_pathc && v < 0; i++) {
		int fd = open(g.gl_pathv[i], O_RDONLY);
		ssize_t n;
		char *p;

		if (fd < 0)
			continue;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n <= 0)
			continue;
		buf[n] = 0;
		snprintf(k, sizeof(k), "%s ", key);
		p = strstr(buf, k);
		if (p)
			v = strtoll(p + strlen(k), NULL, 10);
	}
	globfree(&g);
	return v;
}


/*
 * @cpu: with evict_ce=0 (the CPU through BAR1), else with the copy engine;
 * the debugfs counters say which path moved the bytes.
 */
static void t_evict(int factor, int cpu)
{
	long long ce0 = mm_counter("ce_copied"), cpu0 = mm_counter("cpu_copied");
	long long sc0 = mm_counter("ce_scrubbed");
	int fd = open_nvdrm();
	const size_t S = 1 << 20;
	uint64_t vram = param(fd, NVDRM_PARAM_VRAM_USABLE);
	int n = (int)(vram / S) * factor, i, pass, created = 0;
	uint32_t *h = calloc(n, sizeof(*h));
	struct drm_nvdrm_gem_info info;
	long bad = -1, ev = 0, in_vram = 0;
	int bad_obj = -1;
	const char *pfx = cpu ? "evict-cpu" : "evict";

	if (write_str(EVICT_CE_PARAM, cpu ? "0" : "1"))
		CHECK_P(pfx, "evict_ce set", 0, "errno %d", errno);
	printf("    %d objects of 1 MiB over %" PRIu64 " MiB of VRAM\n", n, vram >> 20);
	for (i = 0; i < n; i++) {
		void *p;

		if (gem_create(fd, S, NVDRM_GEM_DOMAIN_VRAM, &h[i]))
			break;
		created++;
		p = gem_map(fd, h[i], S);
		if (!p)
			break;
		fill(p, S, 1000 + i);
		munmap(p, S);
	}
	CHECK_P(pfx, "created and wrote every object", created == n, "%d of %d", created, n);
	for (pass = 0; pass < 2 && bad < 0; pass++) {
		for (i = 0; i < created && bad < 0; i++) {
			int j = pass ? created - 1 - i : i;
			void *p = gem_map(fd, h[j], S);

			bad = p ? verify(p, S, 1000 + j) : -2;
			if (bad >= 0)
				bad_obj = j;
			if (p)
				munmap(p, S);
		}
	}
	CHECK_P(pfx, "every byte of every object right after eviction and restore",
	      bad < 0, "object %d word %ld", bad_obj, bad);
	for (i = 0; i < created; i++) {
		if (gem_info(fd, h[i], &info))
			continue;
		ev += info.evictions;
		in_vram += info.current_domain == NVDRM_GEM_DOMAIN_VRAM;
	}
	printf("    evictions %ld, objects in VRAM now %ld\n", ev, in_vram);
	CHECK_P(pfx, "objects were evicted (at least one per object over VRAM)",
	      ev >= n - (long)(vram / S), "%ld", ev);
	CHECK_P(pfx, "VRAM holds no more than fits", in_vram <= (long)(vram / S), "%ld", in_vram);
	for (i = 0; i < created; i++)
		gem_close(fd, h[i]);
	/* Everything freed: VRAM is all scrubbed, a full-size object is zeros. */
	{
		uint32_t hz;
		void *p;

		gem_create(fd, vram, NVDRM_GEM_DOMAIN_VRAM, &hz);
		p = gem_map(fd, hz, vram);
		bad = p ? first_nonzero(p, vram) : -2;
		CHECK_P(pfx, "all of VRAM reads zeros after the objects are freed",
		      bad == -1, "byte %ld", bad);
		if (p)
			munmap(p, vram);
		gem_close(fd, hz);
	}
	free(h);
	close(fd);
	{
		long long ce = mm_counter("ce_copied") - ce0;
		long long cc = mm_counter("cpu_copied") - cpu0;
		long long sc = mm_counter("ce_scrubbed") - sc0;

		printf("    moved by the copy engine %lld bytes, by the CPU %lld; CE scrub %lld\n",
		       ce, cc, sc);
		if (cpu)
			CHECK_P(pfx, "evict_ce=0: the CPU moved every byte, the copy engine none",
				cc > 0 && ce == 0, "ce %lld cpu %lld", ce, cc);
		else
			CHECK_P(pfx, "the copy engine moved every byte (no CPU fallback), and scrubbed",
				ce > 0 && cc == 0 && sc > 0, "ce %lld cpu %lld scrub %lld", ce, cc, sc);
	}
	write_str(EVICT_CE_PARAM, "1");
}

/* ---- gpuva: nvsim walks the page tables nvdrm wrote ---- */

static const char *mmu_path;

/* The file's text: VA-space lines, then the last query's result. */
static int mmu_read(char *buf, size_t size)
{
	int fd = open(mmu_path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return 0;
}

/*
 * Page directories of VA spaces that are not the test's own (nvdrm's
 * kernel channel has a VM too), taken by mmu_vas_snap().
 */
static char vas_other[2048];

/*
 * Number of VA spaces whose page directory is not in vas_other; the PDB
 * ("A:ADDR") of the last one in @pdb.
 */
static int mmu_vas(char *pdb, size_t size)
{
	char buf[8192], *l, *save = NULL, key[80];
	int n = 0;

	if (mmu_read(buf, sizeof(buf)))
		return -1;
	for (l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		char *p = strstr(l, " pdb ");

		if (strncmp(l, "vas ", 4) || !p)
			continue;
		snprintf(key, sizeof(key), "<%s>", p + 5);
		if (strstr(vas_other, key))
			continue;
		snprintf(pdb, size, "%s", p + 5);
		n++;
	}
	return n;
}

/* The VA spaces there are now are not the test's (see mmu_vas()). */
static void mmu_vas_snap(void)
{
	char pdb[64];

	vas_other[0] = 0;
	while (mmu_vas(pdb, sizeof(pdb)) > 0 &&
	       strlen(vas_other) + strlen(pdb) + 3 < sizeof(vas_other)) {
		strcat(vas_other, "<");
		strcat(vas_other, pdb);
		strcat(vas_other, ">");
	}
}

/* A VA space with page directory @pdb exists. */
static int mmu_pdb_listed(const char *pdb)
{
	char buf[8192], key[80];

	if (mmu_read(buf, sizeof(buf)))
		return 0;
	snprintf(key, sizeof(key), " pdb %s\n", pdb);
	return strstr(buf, key) != NULL;
}

/* Walk LEN bytes at VA: the result line in @out. */
static int mmu_query(const char *pdb, uint64_t va, uint64_t len, char *out, size_t size)
{
	char cmd[128], buf[8192], *last;
	int fd = open(mmu_path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = snprintf(cmd, sizeof(cmd), "%s %" PRIx64 " %" PRIx64, pdb, va, len);
	if (write(fd, cmd, n) != n) {
		close(fd);
		return -1;
	}
	close(fd);
	if (mmu_read(buf, sizeof(buf)))
		return -1;
	if (strlen(buf) && buf[strlen(buf) - 1] == '\n')
		buf[strlen(buf) - 1] = 0;
	last = strrchr(buf, '\n');
	snprintf(out, size, "%s", last ? last + 1 : buf);
	return 0;
}

static uint64_t sum32(const uint32_t *p, size_t bytes)
{
	uint64_t s = 0;
	size_t i;

	for (i = 0; i < bytes / 4; i++)
		s += p[i];
	return s;
}

static uint64_t field_hex(const char *line, const char *key)
{
	const char *p = strstr(line, key);

	return p ? strtoull(p + strlen(key), NULL, 16) : ~0ull;
}

static void t_gpuva(const char *path)
{
	int fd = open_nvdrm();
	const uint64_t S = 1 << 20;
	uint64_t vs = param(fd, NVDRM_PARAM_VA_START), vram = param(fd, NVDRM_PARAM_VRAM_USABLE);
	uint64_t A = vs + (1ull << 32) + (1ull << 30), B = A + (1ull << 34) + 3 * S;
	struct drm_nvdrm_vm_create c = {};
	struct drm_nvdrm_vm_destroy d = {};
	struct drm_nvdrm_gem_info info;
	uint32_t hv, hs, *pv, *ps, *h;
	char pdb[64], r[256];
	int n, i, nr = (int)(vram / S) + 2;
	uint64_t sum_v;

	mmu_path = path;
	mmu_vas_snap();
	CHECK("gpuva: no VA space of ours before", mmu_vas(pdb, sizeof(pdb)) == 0, "-");
	CHECK("gpuva: vm create", !xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &c), "-");
	n = mmu_vas(pdb, sizeof(pdb));
	CHECK("gpuva: GSP-RM has one VA space with a page directory", n == 1, "%d", n);
	printf("    pdb %s\n", pdb);
	gem_create(fd, S, NVDRM_GEM_DOMAIN_VRAM, &hv);
	CHECK("gpuva: GSP-RM's range [4 GiB, 4.5 GiB) is taken (-EEXIST)",
	      vm_bind(fd, c.vm_id, NVDRM_VM_BIND_OP_MAP, hv, 0, (1ull << 32) + S, 0, 4096) == -EEXIST,
	      "-");
	gem_create(fd, S, NVDRM_GEM_DOMAIN_SYSTEM, &hs);
	pv = gem_map(fd, hv, S);
	ps = gem_map(fd, hs, S);
	if (!pv || !ps) {
		CHECK("gpuva: objects mapped", 0, "-");
		return;
	}
	fill(pv, S, 77);
	fill(ps, S, 78);
	sum_v = sum32(pv, S);
	CHECK("gpuva: map the VRAM object", !vm_bind(fd, c.vm_id, NVDRM_VM_BIND_OP_MAP, hv, 0, A, 0, S), "-");
	CHECK("gpuva: map the system object read-only",
	      !vm_bind(fd, c.vm_id, NVDRM_VM_BIND_OP_MAP, hs, NVDRM_VM_BIND_READ_ONLY, B, 0, S), "-");
	mmu_query(pdb, A, S, r, sizeof(r));
	printf("    %s\n", r);
	CHECK("gpuva: VRAM mapping: video aperture, writable, every word (sum)",
	      strstr(r, "aperture vid") && strstr(r, "ro 0") &&
	      field_hex(r, "sum ") == sum32(pv, S), "%s want sum %" PRIx64, r, sum32(pv, S));
	mmu_query(pdb, B, S, r, sizeof(r));
	printf("    %s\n", r);
	CHECK("gpuva: system mapping: system aperture, read-only, every word (sum)",
	      strstr(r, "aperture sys") && strstr(r, "ro 1") &&
	      field_hex(r, "sum ") == sum32(ps, S), "%s want sum %" PRIx64, r, sum32(ps, S));
	mmu_query(pdb, A + 16 * S, 4096, r, sizeof(r));
	CHECK("gpuva: an unmapped address faults in the walk", strstr(r, "fault"), "%s", r);
	mmu_query(pdb, A + 4096 * 3, 4096, r, sizeof(r));
	CHECK("gpuva: a page inside the mapping is the object's page",
	      field_hex(r, "sum ") == sum32(pv + 3 * 1024, 4096), "%s", r);

	/* Evict the VRAM object: its PTEs must follow to system memory. */
	h = calloc(nr, sizeof(*h));
	for (i = 0; i < nr; i++) {
		uint32_t *p;

		gem_create(fd, S, NVDRM_GEM_DOMAIN_VRAM, &h[i]);
		p = gem_map(fd, h[i], S);
		if (p) {
			fill(p, S, 2000 + i);
			munmap(p, S);
		}
	}
	gem_info(fd, hv, &info);
	CHECK("gpuva: the mapped VRAM object was evicted", info.current_domain ==
	      NVDRM_GEM_DOMAIN_SYSTEM && info.evictions >= 1, "current %u", info.current_domain);
	mmu_query(pdb, A, S, r, sizeof(r));
	printf("    after eviction: %s\n", r);
	CHECK("gpuva: after eviction the VA maps system memory with the same data",
	      strstr(r, "aperture sys") && field_hex(r, "sum ") == sum_v, "%s want %" PRIx64,
	      r, sum_v);
	/* Touch it: restored to VRAM, the PTEs follow again. */
	((volatile uint32_t *)pv)[0] = pv[0];
	gem_info(fd, hv, &info);
	mmu_query(pdb, A, S, r, sizeof(r));
	printf("    after restore: %s\n", r);
	CHECK("gpuva: after restore the VA maps VRAM with the same data",
	      info.current_domain == NVDRM_GEM_DOMAIN_VRAM && strstr(r, "aperture vid") &&
	      field_hex(r, "sum ") == sum_v, "%s current %u", r, info.current_domain);
	for (i = 0; i < nr; i++)
		gem_close(fd, h[i]);
	free(h);

	CHECK("gpuva: unmap the VRAM object", !vm_bind(fd, c.vm_id, NVDRM_VM_BIND_OP_UNMAP, 0, 0, A, 0, S), "-");
	mmu_query(pdb, A, 4096, r, sizeof(r));
	CHECK("gpuva: its VA faults after unmap", strstr(r, "fault"), "%s", r);
	d.vm_id = c.vm_id;
	CHECK("gpuva: vm destroy", !xioctl(fd, DRM_IOCTL_NVDRM_VM_DESTROY, &d), "-");
	CHECK("gpuva: the VA space is gone from GSP-RM", mmu_vas(pdb, sizeof(pdb)) == 0, "-");
	munmap(pv, S);
	munmap(ps, S);
	gem_close(fd, hv);
	gem_close(fd, hs);
	close(fd);
}

/* ---- bigpage: 64 KiB and 2 MiB pages, walked by nvsim's MMU ---- */

/* Walk LEN at VA: its page size and sum, checked against @want_sum. */
static void big_check(const char *name, const char *pdb, uint64_t va, uint64_t len,
		      uint64_t want_page, const char *aperture, uint64_t want_sum)
{
	char r[256];

	mmu_query(pdb, va, len, r, sizeof(r));
	printf("    %s: %s\n", name, r);
	CHECK(name, !strstr(r, "fault") && field_hex(r, "page ") == want_page &&
	      strstr(r, aperture) && field_hex(r, "sum ") == want_sum,
	      "%s (want page %#" PRIx64 " %s sum %#" PRIx64 ")", r, want_page, aperture,
	      want_sum);
}

static void big_fault(const char *name, const char *pdb, uint64_t va)
{
	char r[256];

	mmu_query(pdb, va, 4096, r, sizeof(r));
	CHECK(name, strstr(r, "fault"), "%s", r);
}

static void t_bigpage(const char *path)
{
	int fd = open_nvdrm(), i, nr;
	const uint64_t M = 1 << 20, K64 = 1 << 16, M2 = 2 << 20;
	const uint32_t MAP = NVDRM_VM_BIND_OP_MAP, UNMAP = NVDRM_VM_BIND_OP_UNMAP;
	uint64_t vs = param(fd, NVDRM_PARAM_VA_START), vram = param(fd, NVDRM_PARAM_VRAM_USABLE);
	uint64_t A = (vs + (16ull << 30)) & ~(M2 - 1);
	struct drm_nvdrm_vm_create c = {};
	struct drm_nvdrm_vm_destroy d = {};
	struct drm_nvdrm_gem_info info;
	uint32_t h4, h1, *p4, *p1, *h;
	uint64_t s2m, s1m;
	char pdb[64];
	int r;

	mmu_path = path;
	mmu_vas_snap();
	CHECK("bigpage: GET_PARAM page sizes are 4 KiB, 64 KiB and 2 MiB",
	      param(fd, NVDRM_PARAM_PAGE_SIZES) == (4096 | K64 | M2), "%#" PRIx64,
	      param(fd, NVDRM_PARAM_PAGE_SIZES));
	xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &c);
	if (mmu_vas(pdb, sizeof(pdb)) != 1) {
		CHECK("bigpage: one VA space", 0, "-");
		return;
	}
	gem_create(fd, 4 * M, NVDRM_GEM_DOMAIN_VRAM, &h4);
	gem_create(fd, M, NVDRM_GEM_DOMAIN_VRAM, &h1);
	p4 = gem_map(fd, h4, 4 * M);
	p1 = gem_map(fd, h1, M);
	if (!p4 || !p1) {
		CHECK("bigpage: objects mapped", 0, "-");
		return;
	}
	fill(p4, 4 * M, 301);
	fill(p1, M, 302);

	/* 2 MiB: VA, offset, range and VRAM placement 2 MiB aligned. */
	r = vm_bind(fd, c.vm_id, MAP, h4, 0, A, 0, 4 * M);
	CHECK("bigpage: map 4 MiB at a 2 MiB-aligned VA", !r, "%d", r);
	big_check("bigpage: 2 MiB pages, first half", pdb, A, M2, M2, "aperture vid",
		  sum32(p4, M2));
	big_check("bigpage: 2 MiB pages, a page inside the second half", pdb,
		  A + M2 + 12288, 4096, M2, "aperture vid", sum32(p4 + (M2 + 12288) / 4, 4096));
	/* 64 KiB: the VA only 64 KiB aligned. */
	r = vm_bind(fd, c.vm_id, MAP, h4, 0, A + 64 * M + K64, 0, M);
	CHECK("bigpage: map 1 MiB at a 64 KiB-aligned VA", !r, "%d", r);
	big_check("bigpage: 64 KiB pages", pdb, A + 64 * M + K64, M, K64, "aperture vid",
		  sum32(p4, M));
	/* 2 MiB + 64 KiB at a 2 MiB VA: one 2 MiB page, then a 64 KiB one. */
	r = vm_bind(fd, c.vm_id, MAP, h4, 0, A + 128 * M, 0, M2 + K64);
	CHECK("bigpage: map 2 MiB + 64 KiB at a 2 MiB-aligned VA", !r, "%d", r);
	big_check("bigpage: its first 2 MiB is one page", pdb, A + 128 * M + M2 - 4096, 4096,
		  M2, "aperture vid", sum32(p4 + (M2 - 4096) / 4, 4096));
	big_check("bigpage: its tail is a 64 KiB page", pdb, A + 128 * M + M2, K64, K64,
		  "aperture vid", sum32(p4 + M2 / 4, K64));
	/* 4 KiB: the object offset only 4 KiB aligned. */
	r = vm_bind(fd, c.vm_id, MAP, h4, 0, A + 192 * M, 4096, K64);
	CHECK("bigpage: map 64 KiB at offset 4 KiB", !r, "%d", r);
	big_check("bigpage: 4 KiB pages when the offset is not 64 KiB aligned", pdb,
		  A + 192 * M, K64, 4096, "aperture vid", sum32(p4 + 1024, K64));
	/* 64 KiB and 4 KiB pages side by side under one PD0 entry. */
	r = vm_bind(fd, c.vm_id, MAP, h1, 0, A + 256 * M, 0, K64);
	r |= vm_bind(fd, c.vm_id, MAP, h1, 0, A + 256 * M + K64, K64, 8192);
	r |= vm_bind(fd, c.vm_id, MAP, h1, NVDRM_VM_BIND_READ_ONLY, A + 256 * M + 2 * K64, 0, K64);
	CHECK("bigpage: 64 KiB, 4 KiB and read-only 64 KiB mappings in one 2 MiB region",
	      !r, "%d", r);
	big_check("bigpage: mixed region: the 64 KiB page", pdb, A + 256 * M, K64, K64,
		  "aperture vid", sum32(p1, K64));
	big_check("bigpage: mixed region: the 4 KiB pages", pdb, A + 256 * M + K64, 8192,
		  4096, "aperture vid", sum32(p1 + K64 / 4, 8192));
	big_check("bigpage: mixed region: the read-only 64 KiB page", pdb,
		  A + 256 * M + 2 * K64, K64, K64, "ro 1", sum32(p1, K64));
	big_fault("bigpage: mixed region: past the 4 KiB pages faults", pdb,
		  A + 256 * M + K64 + 8192);
	r = vm_bind(fd, c.vm_id, UNMAP, 0, 0, A + 256 * M, 0, K64);
	CHECK("bigpage: unmap the 64 KiB page", !r, "%d", r);
	big_fault("bigpage: its VA faults (zero 64 KiB PTE, no 4 KiB PTE)", pdb, A + 256 * M);
	big_check("bigpage: the 4 KiB pages beside it still map", pdb, A + 256 * M + K64,
		  8192, 4096, "aperture vid", sum32(p1 + K64 / 4, 8192));
	r = vm_bind(fd, c.vm_id, MAP, h1, 0, A + 256 * M, 4096, 8192);
	CHECK("bigpage: 4 KiB pages where the 64 KiB page was", !r, "%d", r);
	big_check("bigpage: they map through the small-page table", pdb, A + 256 * M, 8192,
		  4096, "aperture vid", sum32(p1 + 1024, 8192));
	/* VM_BIND edge cases around big pages. */
	r = vm_bind(fd, c.vm_id, MAP, h4, 0, A + 320 * M + 4096, 0, M2);
	CHECK("bigpage: 2 MiB range at a 4 KiB-aligned VA maps (small pages)", !r, "%d", r);
	big_check("bigpage: ... with 4 KiB pages", pdb, A + 320 * M + 4096, 4096, 4096,
		  "aperture vid", sum32(p4, 4096));
	r = vm_bind(fd, c.vm_id, MAP, h4, 0, A + 384 * M, 0, 4 * M + 4096);
	CHECK("bigpage: range past a 4 MiB object -EINVAL", r == -EINVAL, "%d", r);
	r = vm_bind(fd, c.vm_id, MAP, h4, 0, A + 64 * M, 0, M2);
	CHECK("bigpage: 2 MiB over a 64 KiB-page mapping -EEXIST", r == -EEXIST, "%d", r);
	r = vm_bind(fd, c.vm_id, UNMAP, 0, 0, A + M2, 0, M2);
	CHECK("bigpage: unmap half of a 2 MiB-page mapping -EINVAL", r == -EINVAL, "%d", r);

	/* Evict the 4 MiB object: 4 KiB system pages or larger, same data. */
	s2m = sum32(p4, M2);
	s1m = sum32(p4, M);
	nr = (int)(vram / M);
	h = calloc(nr, sizeof(*h));
	for (i = 0; i < nr; i++) {
		uint32_t *p;

		gem_create(fd, M, NVDRM_GEM_DOMAIN_VRAM, &h[i]);
		p = gem_map(fd, h[i], M);
		if (p) {
			fill(p, M, 3000 + i);
			munmap(p, M);
		}
	}
	gem_info(fd, h4, &info);
	CHECK("bigpage: the 2 MiB-mapped object was evicted",
	      info.current_domain == NVDRM_GEM_DOMAIN_SYSTEM, "current %u", info.current_domain);
	{
		char rr[256];

		mmu_query(pdb, A, M2, rr, sizeof(rr));
		printf("    after eviction: %s\n", rr);
		CHECK("bigpage: after eviction the 2 MiB VA range maps system memory, same data",
		      strstr(rr, "aperture sys") && field_hex(rr, "sum ") == s2m,
		      "%s", rr);
		mmu_query(pdb, A + 64 * M + K64, M, rr, sizeof(rr));
		CHECK("bigpage: after eviction the 64 KiB mapping maps system memory, same data",
		      strstr(rr, "aperture sys") && field_hex(rr, "sum ") == s1m,
		      "%s", rr);
	}
	for (i = 0; i < nr; i++)
		gem_close(fd, h[i]);
	free(h);
	((volatile uint32_t *)p4)[0] = p4[0];
	gem_info(fd, h4, &info);
	CHECK("bigpage: restored to VRAM", info.current_domain == NVDRM_GEM_DOMAIN_VRAM,
	      "current %u", info.current_domain);
	big_check("bigpage: after restore 2 MiB pages again", pdb, A + M2, M2, M2,
		  "aperture vid", sum32(p4 + M2 / 4, M2));
	big_check("bigpage: after restore the 64 KiB mapping again", pdb, A + 64 * M + K64,
		  M, K64, "aperture vid", sum32(p4, M));
	r = vm_bind(fd, c.vm_id, UNMAP, 0, 0, A, 0, 4 * M);
	CHECK("bigpage: unmap the 2 MiB-page mapping", !r, "%d", r);
	big_fault("bigpage: its VA faults after unmap", pdb, A + M2);
	d.vm_id = c.vm_id;
	CHECK("bigpage: vm destroy", !xioctl(fd, DRM_IOCTL_NVDRM_VM_DESTROY, &d), "-");
	munmap(p4, 4 * M);
	munmap(p1, M);
	gem_close(fd, h4);
	gem_close(fd, h1);
	close(fd);
}

/* ---- bench ---- */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Create and write @n objects of @size in @domain; seconds taken. */
static double bench_fill(int fd, uint32_t *h, int n, size_t size, uint32_t domain)
{
	double t = now_s();
	int i;

	for (i = 0; i < n; i++) {
		void *p;

		gem_create(fd, size, domain, &h[i]);
		p = gem_map(fd, h[i], size);
		if (p) {
			memset(p, 0x5a + i, size);
			munmap(p, size);
		}
	}
	return now_s() - t;
}

static void t_bench(void)
{
	int fd = open_nvdrm(), i, n;
	const size_t S = 1 << 20;
	uint64_t vram = param(fd, NVDRM_PARAM_VRAM_USABLE);
	struct drm_nvdrm_gem_info info;
	double t_sys, t_vram, t_evict, t_evict_cpu, t_cpy;
	uint32_t *h, hbig;
	volatile char *big;
	char *a, *b;

	n = (int)(vram / S);
	h = calloc(2 * n, sizeof(*h));
	/* Baseline: userspace memcpy of the same amount, same run. */
	a = malloc(vram);
	b = malloc(vram);
	memset(a, 1, vram);
	memset(b, 2, vram);
	t_cpy = now_s();
	for (i = 0; i < 4; i++) {
		memcpy(i & 1 ? a : b, i & 1 ? b : a, vram);
		__asm__ volatile("" : : "r"(a), "r"(b) : "memory");
	}
	t_cpy = (now_s() - t_cpy) / 4;
	printf("    memcpy check %d\n", a[vram / 2] + b[vram / 3]);
	free(a);
	free(b);
	t_sys = bench_fill(fd, h, n, S, NVDRM_GEM_DOMAIN_SYSTEM);
	/* Empty VRAM: no eviction. */
	t_vram = bench_fill(fd, h + n, n, S, NVDRM_GEM_DOMAIN_VRAM);
	/*
	 * VRAM full of written objects: one object the size of VRAM evicts
	 * all (placed in VRAM at creation). First with the copy engine, then
	 * VRAM refilled and the same with the CPU (evict_ce=0).
	 */
	write_str(EVICT_CE_PARAM, "1");
	t_evict = now_s();
	gem_create(fd, vram, NVDRM_GEM_DOMAIN_VRAM, &hbig);
	t_evict = now_s() - t_evict;
	gem_info(fd, h[n], &info);
	gem_close(fd, hbig);
	for (i = n; i < 2 * n; i++)
		gem_close(fd, h[i]);
	bench_fill(fd, h + n, n, S, NVDRM_GEM_DOMAIN_VRAM);
	write_str(EVICT_CE_PARAM, "0");
	t_evict_cpu = now_s();
	gem_create(fd, vram, NVDRM_GEM_DOMAIN_VRAM, &hbig);
	t_evict_cpu = now_s() - t_evict_cpu;
	write_str(EVICT_CE_PARAM, "1");
	big = gem_map(fd, hbig, vram);
	if (big)
		big[0] = 1;
	printf("BENCH-KV nvdrm_memcpy_mib_s %.1f\n", vram / S / t_cpy);
	printf("BENCH-KV gem_sys_create_write_mib_s %.1f\n", n / t_sys);
	printf("BENCH-KV gem_vram_create_write_mib_s %.1f\n", n / t_vram);
	if (info.evictions) {
		printf("BENCH-KV evict_mib_s %.1f\n", n / t_evict);
		printf("BENCH-KV evict_cpu_mib_s %.1f\n", n / t_evict_cpu);
	}
	if (big)
		munmap((void *)big, vram);
	gem_close(fd, hbig);
	for (i = 0; i < 2 * n; i++)
		gem_close(fd, h[i]);
	free(h);
	close(fd);
	CHECK("bench: ran (VRAM objects evicted by the full-size one)", info.evictions > 0,
	      "evictions %u", info.evictions);
}

/* ---- recover: a GSP crash and in-place recovery with a VM mapped ---- */

static long read_long(const char *path)
{
	char buf[32] = "";
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	if (read(fd, buf, sizeof(buf) - 1) < 0)
		buf[0] = 0;
	close(fd);
	return strtol(buf, NULL, 0);
}

static void t_recover(const char *mmu, const char *crash, const char *recoveries)
{
	int fd = open_nvdrm(), cfd, i;
	const uint64_t S = 1 << 20;
	uint64_t A = param(fd, NVDRM_PARAM_VA_START) + (8ull << 30);
	struct drm_nvdrm_vm_create c = {};
	struct drm_nvdrm_vm_destroy d = {};
	char pdb[64], pdb2[64], r[256];
	long rec0 = read_long(recoveries);
	uint32_t h, h2, *p;
	uint64_t sum;

	mmu_path = mmu;
	mmu_vas_snap();
	xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &c);
	gem_create(fd, S, NVDRM_GEM_DOMAIN_VRAM, &h);
	p = gem_map(fd, h, S);
	if (!p) {
		CHECK("recover: object mapped", 0, "-");
		return;
	}
	fill(p, S, 99);
	sum = sum32(p, S);
	vm_bind(fd, c.vm_id, NVDRM_VM_BIND_OP_MAP, h, 0, A, 0, S);
	CHECK("recover: one VA space before", mmu_vas(pdb, sizeof(pdb)) == 1, "-");
	cfd = open(crash, O_WRONLY);
	CHECK("recover: GSP crash injected", cfd >= 0 && write(cfd, "1", 1) == 1, "errno %d", errno);
	if (cfd >= 0)
		close(cfd);
	for (i = 0; i < 600 && read_long(recoveries) <= rec0; i++)
		usleep(100000);
	CHECK("recover: nvcore recovered in place", read_long(recoveries) > rec0, "-");
	/* The crash dropped every VA space: wait for ours to come back. */
	for (i = 0; i < 100 && !mmu_pdb_listed(pdb); i++)
		usleep(100000);
	snprintf(pdb2, sizeof(pdb2), "%s", pdb);
	CHECK("recover: nvdrm gave GSP-RM its VA space again, same page directory",
	      mmu_pdb_listed(pdb), "%s not listed", pdb);
	mmu_query(pdb2, A, S, r, sizeof(r));
	CHECK("recover: the mapping still translates to the same data",
	      strstr(r, "aperture vid") && field_hex(r, "sum ") == sum, "%s", r);
	CHECK("recover: ioctls work after recovery",
	      !gem_create(fd, S, NVDRM_GEM_DOMAIN_SYSTEM, &h2), "-");
	CHECK("recover: map after recovery",
	      !vm_bind(fd, c.vm_id, NVDRM_VM_BIND_OP_MAP, h2, 0, A + S, 0, S), "-");
	d.vm_id = c.vm_id;
	CHECK("recover: vm destroy after recovery", !xioctl(fd, DRM_IOCTL_NVDRM_VM_DESTROY, &d), "-");
	CHECK("recover: its VA space is gone", !mmu_pdb_listed(pdb), "-");
	munmap(p, S);
	close(fd);
}

/* ---- unplug ---- */

static sigjmp_buf bus_jmp;

static void on_sigbus(int sig)
{
	(void)sig;
	siglongjmp(bus_jmp, 1);
}

/* Touch one word (write if @wr): 0 if it worked, 1 on SIGBUS. */
static int touch_sigbus(volatile uint32_t *p, int wr)
{
	struct sigaction sa = { .sa_handler = on_sigbus }, old;
	int bus = 0;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &old);
	if (sigsetjmp(bus_jmp, 1)) {
		bus = 1;
	} else if (wr) {
		p[0] = 0x1234;
	} else {
		uint32_t v = p[0];

		__asm__ volatile("" : : "r"(v));
	}
	sigaction(SIGBUS, &old, NULL);
	return bus;
}

/* /proc/modules reference count of @mod, or -1 if not loaded. */
static int mod_refs(const char *mod)
{
	char line[512], name[64];
	FILE *f = fopen("/proc/modules", "r");
	int refs = -1, r;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%63s %*u %d", name, &r) == 2 && !strcmp(name, mod))
			refs = r;
	fclose(f);
	return refs;
}

static void t_unplug(const char *unbind, const char *dev)
{
	int fd = open_nvdrm(), ufd, r, bad;
	uint32_t hv, hs, h;
	uint32_t *pv, *ps, *pv2;
	struct drm_nvdrm_gem_mmap_offset mo = {};
	char name[96];

	gem_create(fd, 1 << 20, NVDRM_GEM_DOMAIN_VRAM, &hv);
	gem_create(fd, 1 << 20, NVDRM_GEM_DOMAIN_SYSTEM, &hs);
	pv = gem_map(fd, hv, 1 << 20);
	ps = gem_map(fd, hs, 1 << 20);
	mo.handle = hv;
	xioctl(fd, DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET, &mo);
	CHECK("unplug: objects mapped before", pv && ps, "-");
	if (!pv || !ps)
		return;
	fill(pv, 1 << 20, 5);
	fill(ps, 1 << 20, 6);
	{
		struct drm_nvdrm_vm_create c = {};

		xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &c);
		vm_bind(fd, c.vm_id, NVDRM_VM_BIND_OP_MAP, hv, 0,
			param(fd, NVDRM_PARAM_VA_START), 0, 1 << 20);
	}
	if (unbind[0] == '!') {
		/* A command (rmmod nvsim): the device goes from under nvcore. */
		r = system(unbind + 1);
		CHECK("unplug: device removed with the fd and mappings open", r == 0,
		      "%s: %d", unbind + 1, r);
	} else {
		ufd = open(unbind, O_WRONLY);
		r = ufd >= 0 ? (int)write(ufd, dev, strlen(dev)) : -1;
		CHECK("unplug: unbind with the fd and mappings open", r == (int)strlen(dev),
		      "errno %d", errno);
		if (ufd >= 0)
			close(ufd);
	}
	/* Every driver ioctl, with valid arguments: -ENODEV. */
	{
		struct drm_nvdrm_get_param g = { .param = NVDRM_PARAM_CHIPSET };
		struct drm_nvdrm_gem_create gc = { .size = 4096,
						   .domain = NVDRM_GEM_DOMAIN_SYSTEM };
		struct drm_nvdrm_gem_mmap_offset m = { .handle = hv };
		struct drm_nvdrm_gem_info gi = { .handle = hv };
		struct drm_nvdrm_vm_create vc = {};
		struct drm_nvdrm_vm_destroy vd = { .vm_id = 1 };
		struct drm_nvdrm_vm_bind vb = {
			.vm_id = 1, .op = NVDRM_VM_BIND_OP_UNMAP,
			.va = param(fd, NVDRM_PARAM_VA_START) + (1 << 20), .range = 4096,
		};

		r = xioctl(fd, DRM_IOCTL_NVDRM_GET_PARAM, &g);
		CHECK("unplug: GET_PARAM -ENODEV", r == -ENODEV, "%d", r);
		r = xioctl(fd, DRM_IOCTL_NVDRM_GEM_CREATE, &gc);
		CHECK("unplug: GEM_CREATE -ENODEV", r == -ENODEV, "%d", r);
		r = xioctl(fd, DRM_IOCTL_NVDRM_GEM_MMAP_OFFSET, &m);
		CHECK("unplug: GEM_MMAP_OFFSET -ENODEV", r == -ENODEV, "%d", r);
		r = xioctl(fd, DRM_IOCTL_NVDRM_GEM_INFO, &gi);
		CHECK("unplug: GEM_INFO -ENODEV", r == -ENODEV, "%d", r);
		r = xioctl(fd, DRM_IOCTL_NVDRM_VM_CREATE, &vc);
		CHECK("unplug: VM_CREATE -ENODEV", r == -ENODEV, "%d", r);
		r = xioctl(fd, DRM_IOCTL_NVDRM_VM_BIND, &vb);
		CHECK("unplug: VM_BIND -ENODEV", r == -ENODEV, "%d", r);
		r = xioctl(fd, DRM_IOCTL_NVDRM_VM_DESTROY, &vd);
		CHECK("unplug: VM_DESTROY -ENODEV", r == -ENODEV, "%d", r);
		r = gem_create(fd, 4096, NVDRM_GEM_DOMAIN_SYSTEM, &h);
		CHECK("unplug: gem_create after unplug -ENODEV", r == -ENODEV, "%d", r);
	}
	/* The mappings were zapped: touching them now is SIGBUS. */
	bad = 0;
	for (r = 0; r < 4; r++) {
		volatile uint32_t *p = r & 1 ? ps : pv;

		bad += !touch_sigbus(p + 4096 * r + 10, r >> 1);
	}
	CHECK("unplug: old mappings (VRAM, system; read, write) SIGBUS", !bad,
	      "%d accesses did not fault", bad);
	pv2 = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_SHARED, fd, mo.offset);
	snprintf(name, sizeof(name), "unplug: a new mmap of an object is refused or SIGBUSes");
	CHECK(name, pv2 == MAP_FAILED || touch_sigbus(pv2, 0), "mapped and readable");
	if (pv2 != MAP_FAILED)
		munmap(pv2, 1 << 20);
	munmap(pv, 1 << 20);
	munmap(ps, 1 << 20);
	gem_close(fd, hv);
	gem_close(fd, hs);
	close(fd);
	CHECK("unplug: fd closed", 1, "-");
	/* Nothing holds nvdrm once the last file is gone (no leaked file). */
	r = mod_refs("nvdrm");
	CHECK("unplug: nvdrm has no reference left after close", r <= 0, "refs %d", r);
}

int main(int argc, char **argv)
{
	const char *t = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(t, "enum"))
		t_enum();
	else if (!strcmp(t, "param") && argc > 3)
		t_param(strtoul(argv[2], NULL, 0), strtoul(argv[3], NULL, 0));
	else if (!strcmp(t, "gem"))
		t_gem();
	else if (!strcmp(t, "prime"))
		t_prime();
	else if (!strcmp(t, "vm"))
		t_vm();
	else if (!strcmp(t, "inval"))
		t_inval();
	else if (!strcmp(t, "openclose") && argc > 2)
		t_openclose(atoi(argv[2]));
	else if (!strcmp(t, "evict") && argc > 2)
		t_evict(atoi(argv[2]), argc > 3 && !strcmp(argv[3], "cpu"));
	else if (!strcmp(t, "gpuva") && argc > 2)
		t_gpuva(argv[2]);
	else if (!strcmp(t, "bigpage") && argc > 2)
		t_bigpage(argv[2]);
	else if (!strcmp(t, "bench"))
		t_bench();
	else if (!strcmp(t, "recover") && argc > 4)
		t_recover(argv[2], argv[3], argv[4]);
	else if (!strcmp(t, "unplug") && argc > 3)
		t_unplug(argv[2], argv[3]);
	else {
		fprintf(stderr, "usage: see the header of nvdrm_test.c\n");
		return 2;
	}
	return failures ? 1 : 0;
}
