// SPDX-License-Identifier: GPL-2.0
/*
 * A "guest" of an nvvgpu vGPU: opens it through the VFIO API (container,
 * group, device) the way a VMM does and checks what a guest would see.
 *
 *   vgpu_guest check UUID DEVID FB_MIB  config space, BARs, BAR1 bounds, MSI and
 *                                 INTx through eventfds, reset
 *   vgpu_guest fill UUID BYTE     write BYTE over the first 1 MiB of BAR1
 *   vgpu_guest expect UUID BYTE   the first 1 MiB of BAR1 reads BYTE
 *   vgpu_guest hold UUID          keep the device open until the REQ
 *                                 interrupt, then check accesses fail, close
 *   vgpu_guest lost UUID          wait for the ERR interrupt, check accesses
 *                                 fail, close
 *
 * Prints "PASS: name" / "FAIL: name why" lines; exits 1 on any failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>

/* The guest driver's view of the registers: the firmware ABI's own. */
#include <nvrm/535.113.01/regs.h>

static int failures;
static const char *tag = "";

#define CHECK(name, cond, ...) do {					\
	if (cond) {							\
		printf("PASS: %s%s\n", tag, name);			\
	} else {							\
		printf("FAIL: %s%s ", tag, name);			\
		printf(__VA_ARGS__);					\
		printf("\n");						\
		failures++;						\
	}								\
} while (0)

struct dev {
	int container, group, fd;
	struct vfio_region_info reg[VFIO_PCI_NUM_REGIONS];
};

static int open_dev(struct dev *d, const char *uuid)
{
	struct vfio_group_status st = { .argsz = sizeof(st) };
	char path[PATH_MAX], link[PATH_MAX], *g;
	unsigned int i;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/mdev/devices/%s/iommu_group", uuid);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		printf("FAIL: %sopen: no iommu_group for %s (%s)\n", tag, uuid,
		       strerror(errno));
		return -1;
	}
	link[n] = 0;
	g = strrchr(link, '/');
	d->container = open("/dev/vfio/vfio", O_RDWR);
	snprintf(path, sizeof(path), "/dev/vfio/%s", g + 1);
	d->group = open(path, O_RDWR);
	if (d->container < 0 || d->group < 0 ||
	    ioctl(d->group, VFIO_GROUP_GET_STATUS, &st) ||
	    !(st.flags & VFIO_GROUP_FLAGS_VIABLE) ||
	    ioctl(d->group, VFIO_GROUP_SET_CONTAINER, &d->container) ||
	    ioctl(d->container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU)) {
		printf("FAIL: %sopen: container/group setup: %s\n", tag, strerror(errno));
		return -1;
	}
	d->fd = ioctl(d->group, VFIO_GROUP_GET_DEVICE_FD, uuid);
	if (d->fd < 0) {
		printf("FAIL: %sopen: device fd: %s\n", tag, strerror(errno));
		return -1;
	}
	for (i = 0; i < VFIO_PCI_NUM_REGIONS; i++) {
		d->reg[i].argsz = sizeof(d->reg[i]);
		d->reg[i].index = i;
		if (ioctl(d->fd, VFIO_DEVICE_GET_REGION_INFO, &d->reg[i]))
			return -1;
	}
	return 0;
}

static void close_dev(struct dev *d)
{
	close(d->fd);
	close(d->group);
	close(d->container);
}

static int rd(struct dev *d, int r, uint64_t off, void *buf, size_t len)
{
	return pread(d->fd, buf, len, d->reg[r].offset + off) == (ssize_t)len ? 0 : -errno;
}

static int wr(struct dev *d, int r, uint64_t off, const void *buf, size_t len)
{
	return pwrite(d->fd, buf, len, d->reg[r].offset + off) == (ssize_t)len ? 0 : -errno;
}

static uint32_t cfg32(struct dev *d, unsigned int off)
{
	uint32_t v = 0xdeadbeef;

	rd(d, VFIO_PCI_CONFIG_REGION_INDEX, off, &v, 4);
	return v;
}

static void cfgw32(struct dev *d, unsigned int off, uint32_t v)
{
	wr(d, VFIO_PCI_CONFIG_REGION_INDEX, off, &v, 4);
}

static int set_trigger(struct dev *d, unsigned int index, int32_t fd)
{
	char buf[sizeof(struct vfio_irq_set) + sizeof(int32_t)];
	struct vfio_irq_set *s = (void *)buf;

	s->argsz = sizeof(buf);
	s->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
	s->index = index;
	s->start = 0;
	s->count = 1;
	memcpy(s->data, &fd, sizeof(fd));
	return ioctl(d->fd, VFIO_DEVICE_SET_IRQS, s);
}

/* Wait up to @ms for the eventfd; returns its count (0: none). */
static uint64_t wait_efd(int efd, int ms)
{
	struct pollfd p = { .fd = efd, .events = POLLIN };
	uint64_t v = 0;

	if (poll(&p, 1, ms) == 1 && read(efd, &v, sizeof(v)) != sizeof(v))
		v = 0;
	return v;
}

static int cmd_check(const char *uuid, unsigned int devid, uint64_t fb)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_irq_info irq = { .argsz = sizeof(irq) };
	struct dev d;
	uint32_t v, pat = 0x5a5a1234, got;
	uint64_t bar1;
	volatile uint32_t *map = MAP_FAILED;
	uint8_t cap, byte;
	int efd, ifd, ret;

	if (open_dev(&d, uuid))
		return 1;
	ret = ioctl(d.fd, VFIO_DEVICE_GET_INFO, &info);
	CHECK("device info: PCI with reset", !ret && (info.flags & VFIO_DEVICE_FLAGS_PCI) &&
	      (info.flags & VFIO_DEVICE_FLAGS_RESET) && info.num_regions == VFIO_PCI_NUM_REGIONS &&
	      info.num_irqs == VFIO_PCI_NUM_IRQS, "flags %#x", info.flags);
	irq.index = VFIO_PCI_MSI_IRQ_INDEX;
	CHECK("irq info: one MSI vector", !ioctl(d.fd, VFIO_DEVICE_GET_IRQ_INFO, &irq) &&
	      irq.count == 1 && (irq.flags & VFIO_IRQ_INFO_EVENTFD), "count %u", irq.count);

	v = cfg32(&d, PCI_VENDOR_ID);
	CHECK("config: vendor 0x10de and the vGPU device id",
	      (v & 0xffff) == 0x10de && v >> 16 == devid, "got %#x", v);
	v = cfg32(&d, PCI_CLASS_REVISION);
	CHECK("config: class 0x030200", v >> 8 == 0x030200, "got %#x", v >> 8);
	CHECK("config: BAR0 region 16 MiB", d.reg[0].size == 16 << 20, "%llu",
	      (unsigned long long)d.reg[0].size);
	cfgw32(&d, PCI_BASE_ADDRESS_0, ~0u);
	v = cfg32(&d, PCI_BASE_ADDRESS_0);
	CHECK("config: BAR0 sizes to 16 MiB, 32-bit memory", v == 0xff000000u, "got %#x", v);
	v = cfg32(&d, PCI_BASE_ADDRESS_1);
	CHECK("config: BAR1 64-bit prefetchable", (v & 0xf) == 0xc, "got %#x", v);
	cfgw32(&d, PCI_BASE_ADDRESS_1, ~0u);
	cfgw32(&d, PCI_BASE_ADDRESS_2, ~0u);
	bar1 = ~(((uint64_t)cfg32(&d, PCI_BASE_ADDRESS_2) << 32 |
		  (cfg32(&d, PCI_BASE_ADDRESS_1) & ~0xfu))) + 1;
	CHECK("config: BAR1 sizing matches its region", bar1 == d.reg[1].size,
	      "sized %#llx region %#llx", (unsigned long long)bar1,
	      (unsigned long long)d.reg[1].size);
	v = cfg32(&d, PCI_BASE_ADDRESS_3);
	CHECK("config: BAR3 64-bit prefetchable, 32 MiB",
	      (v & 0xf) == 0xc && d.reg[3].size == 32 << 20, "got %#x", v);
	cap = cfg32(&d, PCI_CAPABILITY_LIST) & 0xff;
	v = cfg32(&d, cap);
	CHECK("config: MSI capability, 64-bit", (v & 0xff) == PCI_CAP_ID_MSI &&
	      ((v >> 16) & PCI_MSI_FLAGS_64BIT), "cap %#x: %#x", cap, v);
	CHECK("config: vendor id is read-only",
	      (cfgw32(&d, 0, 0x12345678), (cfg32(&d, 0) & 0xffff) == 0x10de), "changed");

	/* BAR1: the guest FB, and nothing past it. */
	CHECK("BAR1: write and read back at 0", !wr(&d, 1, 0, &pat, 4) &&
	      !rd(&d, 1, 0, &got, 4) && got == pat, "got %#x", got);
	CHECK("BAR1: last word of the guest FB is reachable", !rd(&d, 1, fb - 4, &got, 4),
	      "fb %#llx", (unsigned long long)fb);
	CHECK("BAR1: first byte past the guest FB is refused",
	      rd(&d, 1, fb, &got, 1) == -EINVAL, "read past the FB worked");
	CHECK("BAR1: a read straddling the FB end is refused",
	      rd(&d, 1, fb - 2, &got, 4) == -EINVAL, "accepted");
	CHECK("BAR1: past the region is refused", rd(&d, 1, d.reg[1].size, &got, 4) == -EINVAL,
	      "read past the end worked");
	CHECK("BAR0: BOOT_0 names an NVIDIA chip", !rd(&d, 0, 0, &v, 4) && (v >> 24) >= 0x16,
	      "got %#x", v);
	CHECK("BAR0: unaligned access refused", rd(&d, 0, 2, &v, 4) == -EINVAL, "accepted");
	CHECK("config: access past 256 bytes refused",
	      rd(&d, VFIO_PCI_CONFIG_REGION_INDEX, 256, &v, 4) == -EINVAL, "accepted");

	/* MSI through an eventfd: the guest's doorbell interrupts it. */
	efd = eventfd(0, EFD_NONBLOCK);
	ifd = eventfd(0, EFD_NONBLOCK);
	CHECK("MSI: eventfd installed", !set_trigger(&d, VFIO_PCI_MSI_IRQ_INDEX, efd),
	      "%s", strerror(errno));
	v = cfg32(&d, cap);
	cfgw32(&d, cap, v | PCI_MSI_FLAGS_ENABLE << 16);
	v = 1;
	wr(&d, 0, NVRM_VGPU_DOORBELL, &v, 4);
	CHECK("MSI: the doorbell raises it", wait_efd(efd, 2000) == 1, "no interrupt");
	CHECK("MSI: the leaf shows it pending", !rd(&d, 0, NVRM_VF_CPU_INTR_LEAF(0), &v, 4) && (v & 1),
	      "leaf %#x", v);
	v = 1;
	wr(&d, 0, NVRM_VF_CPU_INTR_LEAF(0), &v, 4);
	CHECK("MSI: writing 1 clears it", !rd(&d, 0, NVRM_VF_CPU_INTR_LEAF(0), &v, 4) && !v, "leaf %#x", v);

	/* INTx when MSI is off. */
	v = cfg32(&d, cap);
	cfgw32(&d, cap, v & ~(PCI_MSI_FLAGS_ENABLE << 16));
	CHECK("INTx: eventfd installed", !set_trigger(&d, VFIO_PCI_INTX_IRQ_INDEX, ifd),
	      "%s", strerror(errno));
	v = 1;
	wr(&d, 0, NVRM_VGPU_DOORBELL, &v, 4);
	CHECK("INTx: the doorbell raises it", wait_efd(ifd, 2000) == 1, "no interrupt");
	CHECK("MSI: silent while disabled", wait_efd(efd, 100) == 0, "fired");

	/* BAR1 mmap: the guest FB part of the BAR, its own memory. */
	{
		char ibuf[sizeof(struct vfio_region_info) + 64] = { 0 };
		struct vfio_region_info *ri = (void *)ibuf;
		struct vfio_region_info_cap_sparse_mmap *sp;
		uint64_t area = 0;
		uint32_t w = 0x77777777, x = 0xabcdef01;

		ri->argsz = sizeof(ibuf);
		ri->index = VFIO_PCI_BAR1_REGION_INDEX;
		ret = ioctl(d.fd, VFIO_DEVICE_GET_REGION_INFO, ri);
		sp = (void *)(ibuf + ri->cap_offset);
		if (!ret && ri->cap_offset && sp->header.id == VFIO_REGION_INFO_CAP_SPARSE_MMAP &&
		    sp->nr_areas == 1)
			area = sp->areas[0].size;
		CHECK("BAR1 mmap: sparse area is the guest FB",
		      !ret && (ri->flags & VFIO_REGION_INFO_FLAG_MMAP) && area == fb,
		      "flags %#x area %#llx", ri->flags, (unsigned long long)area);
		map = mmap(NULL, 1 << 21, PROT_READ | PROT_WRITE, MAP_SHARED, d.fd,
			   d.reg[1].offset);
		CHECK("BAR1 mmap: 2 MiB mapped", map != MAP_FAILED, "%s", strerror(errno));
		if (map != MAP_FAILED) {
			map[1024] = w;
			CHECK("BAR1 mmap: a store is seen by pread", !rd(&d, 1, 4096, &got, 4) &&
			      got == w, "got %#x", got);
			wr(&d, 1, 8192, &x, 4);
			CHECK("BAR1 mmap: a pwrite is seen through the mapping", map[2048] == x,
			      "got %#x", map[2048]);
		}
		CHECK("BAR1 mmap: past the guest FB refused",
		      mmap(NULL, 4096, PROT_READ, MAP_SHARED, d.fd, d.reg[1].offset + fb) ==
		      MAP_FAILED, "mapped");
		CHECK("BAR1 mmap: private mapping refused",
		      mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, d.fd, d.reg[1].offset) ==
		      MAP_FAILED, "mapped");
		CHECK("BAR0 mmap refused",
		      mmap(NULL, 4096, PROT_READ, MAP_SHARED, d.fd, d.reg[0].offset) ==
		      MAP_FAILED, "mapped");
	}

	/* Bus mastering goes to the plugin; reset scrubs the FB. */
	v = cfg32(&d, PCI_COMMAND);
	cfgw32(&d, PCI_COMMAND, v | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
	CHECK("config: bus master enabled", cfg32(&d, PCI_COMMAND) & PCI_COMMAND_MASTER, "not set");
	CHECK("reset", !ioctl(d.fd, VFIO_DEVICE_RESET), "%s", strerror(errno));
	CHECK("reset: FB scrubbed", !rd(&d, 1, 0, &got, 4) && got == 0, "got %#x", got);
	if (map != MAP_FAILED) {
		CHECK("reset: the mapping sees the scrubbed memory", map[1024] == 0 && map[2048] == 0,
		      "got %#x %#x", map[1024], map[2048]);
		munmap((void *)map, 1 << 21);
	}
	CHECK("reset: command register cleared", !(cfg32(&d, PCI_COMMAND) & 0xffff), "not cleared");
	byte = 0;
	CHECK("bad ioctl refused", ioctl(d.fd, _IO(VFIO_TYPE, VFIO_BASE + 60), &byte) < 0,
	      "accepted");
	close(efd);
	close(ifd);
	close_dev(&d);
	return failures ? 1 : 0;
}

#define PATTERN_LEN	(1 << 20)

static int cmd_pattern(const char *uuid, int byte, int fill)
{
	static uint8_t buf[PATTERN_LEN];
	struct dev d;
	size_t i;
	int bad = 0;

	if (open_dev(&d, uuid))
		return 1;
	if (fill) {
		memset(buf, byte, sizeof(buf));
		CHECK("fill BAR1", !wr(&d, 1, 0, buf, sizeof(buf)), "%s", strerror(errno));
		memset(buf, 0, sizeof(buf));
		CHECK("fill reads back", !rd(&d, 1, 0, buf, sizeof(buf)) && buf[0] == byte &&
		      buf[sizeof(buf) - 1] == byte, "got %#x", buf[0]);
	} else {
		if (rd(&d, 1, 0, buf, sizeof(buf)))
			bad = -1;
		for (i = 0; !bad && i < sizeof(buf); i++)
			bad = buf[i] != byte;
		CHECK("BAR1 reads the expected bytes", !bad, "byte %zu is %#x, want %#x", i - 1,
		      buf[i ? i - 1 : 0], byte);
	}
	close_dev(&d);
	return failures ? 1 : 0;
}

/* Hold the device until the kernel asks for it (REQ) or reports loss (ERR). */
static int cmd_wait(const char *uuid, unsigned int index, const char *what)
{
	struct dev d;
	uint32_t v;
	int efd;

	if (open_dev(&d, uuid))
		return 1;
	efd = eventfd(0, 0);
	if (set_trigger(&d, index, efd)) {
		printf("FAIL: %s%s: eventfd: %s\n", tag, what, strerror(errno));
		return 1;
	}
	printf("HOLDING %s\n", uuid);
	fflush(stdout);
	CHECK(what, wait_efd(efd, 60000) >= 1, "no interrupt in 60 s");
	CHECK("accesses fail afterwards", rd(&d, VFIO_PCI_CONFIG_REGION_INDEX, 0, &v, 4) == -ENODEV &&
	      rd(&d, 1, 0, &v, 4) == -ENODEV, "an access worked");
	close(efd);
	close_dev(&d);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getenv("VGPU_TAG"))
		tag = getenv("VGPU_TAG");
	if (argc == 5 && !strcmp(argv[1], "check"))
		return cmd_check(argv[2], strtoul(argv[3], NULL, 0),
				 strtoull(argv[4], NULL, 0) << 20);
	if (argc == 4 && !strcmp(argv[1], "fill"))
		return cmd_pattern(argv[2], strtoul(argv[3], NULL, 0), 1);
	if (argc == 4 && !strcmp(argv[1], "expect"))
		return cmd_pattern(argv[2], strtoul(argv[3], NULL, 0), 0);
	if (argc == 3 && !strcmp(argv[1], "hold"))
		return cmd_wait(argv[2], VFIO_PCI_REQ_IRQ_INDEX, "REQ interrupt on removal");
	if (argc == 3 && !strcmp(argv[1], "lost"))
		return cmd_wait(argv[2], VFIO_PCI_ERR_IRQ_INDEX, "ERR interrupt on GPU loss");
	fprintf(stderr, "usage: see the comment at the top of vgpu_guest.c\n");
	return 2;
}
