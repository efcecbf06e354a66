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
 *   vgpu_guest rpc UUID           the guest RPC channel to the GSP plugin
 *                                 (OGKM vgpu/rpc.c): setup, version
 *                                 handshake, RM calls, a malformed-message walk
 *   vgpu_guest rpc2 UUID UUID     two guests at once get isolated answers
 *   vgpu_guest bench UUID N       guest message round trips (doorbell write
 *                                 to MSI), BENCH-KV guest_msg_rtt_*
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
#include <time.h>
#include <unistd.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>

/* The guest driver's view of the registers and RPCs: the firmware ABI's own. */
#include <nvrm/535.113.01/nvrm.h>
#include <nvrm/570.144/vgpu_guest.h>

/*
 * The guest driver speaks the version of the firmware the host runs
 * (VGPU_FW, the host's firmware_version): its VGX version (OGKM
 * vgpu_version.h of each release) and the size of GPU_GET_ENGINES_V2
 * (NV2080_GPU_MAX_ENGINES_LIST_SIZE entries: 0x3e in 535.113.01, 0x54 in
 * 570.144; include/nvrm/570.144/rm.h pins 0x154).
 */
#define G_ENGINES_570	0x154
struct g_fw {
	const char *version;
	uint32_t major, minor, engines_size;
};
static const struct g_fw g_fws[] = {
	{ "535.113.01", NVRM_VGX_MAJOR_VERSION_535, NVRM_VGX_MINOR_VERSION_535,
	  sizeof(struct NV2080_CTRL_GPU_GET_ENGINES_V2_PARAMS) },
	{ "570.144", NVRM_VGX_MAJOR_VERSION_570, NVRM_VGX_MINOR_VERSION_570, G_ENGINES_570 },
};
static struct g_fw gv;

#define NVVGPU_MSI_CAP_OFF	0x60	/* the config space's MSI capability */

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


/* ---- the guest RPC channel (OGKM vgpu/rpc.c, dev_vgpu.h) ---- */

/* Buffers in the guest FB, past what the other tests use. */
#define G_CTRL		0x200000ULL
#define G_RSP		0x201000ULL
#define G_MSG		0x220000ULL
#define G_HCLIENT	0xc1e00001u	/* the guest's own root handle */

static uint32_t g_req;

static uint64_t g_addr(uint64_t off, unsigned int size_code)
{
	return off | (uint64_t)size_code << VGPU_GSP_BUF_ADDR_V2_SIZE_SHIFT |
	       VGPU_GSP_BUF_ADDR_V1_APERTURE_FBMEM << VGPU_GSP_BUF_ADDR_V1_APERTURE_SHIFT |
	       VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID;
}

static int bar0_wr(struct dev *d, uint32_t off, uint32_t v)
{
	return wr(d, 0, off, &v, 4);
}

/* Ring the doorbell; 0 or -errno of the write. */
static int g_ring(struct dev *d, uint32_t handle)
{
	return bar0_wr(d, NVRM_VF_PRIV_DOORBELL, handle);
}

static int g_setup_at(struct dev *d, uint64_t ctrl_addr, uint64_t rsp_addr, uint64_t msg_addr)
{
	union VGPU_GSP_CTRL_BUF_V1 c;
	uint32_t rid = 0;

	memset(&c, 0, sizeof(c));
	g_req = 0x100;
	c.version = VGPU_GSP_CTRL_BUF_V2_VERSION;
	c.requestId = g_req;
	c.responseBuf.addr = rsp_addr;
	c.msgBuf.addr = msg_addr;
	if (wr(d, 1, G_CTRL, &c, sizeof(c)) || wr(d, 1, G_RSP, &rid, 4))
		return -EIO;
	bar0_wr(d, NVRM_VF_PRIV_MAILBOX_SCRATCH(NV_VF_SCRATCH_REGISTER_GUEST_RPC_HI),
		ctrl_addr >> 32);
	bar0_wr(d, NVRM_VF_PRIV_MAILBOX_SCRATCH(NV_VF_SCRATCH_REGISTER_GUEST_RPC_LO),
		(uint32_t)ctrl_addr);
	return g_ring(d, NV_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE);
}

/* Set up the channel; returns 0 when the plugin answered. */
static int g_setup(struct dev *d, int check)
{
	uint32_t rid = 0;
	int ret = g_setup_at(d, g_addr(G_CTRL, VGPU_GSP_BUF_ADDR_V2_SIZE_4K),
			     g_addr(G_RSP, VGPU_GSP_BUF_ADDR_V2_SIZE_4K),
			     g_addr(G_MSG, VGPU_GSP_BUF_ADDR_V2_SIZE_128K));

	if (ret) {
		errno = -ret;
		return -1;
	}
	if (check && (rd(d, 1, G_RSP, &rid, 4) || rid != g_req)) {
		errno = EPROTO;
		return -1;
	}
	return 0;
}

/*
 * One RPC: header + @len payload bytes, then the reply back into @payload.
 * Returns rpc_result, or -errno when the doorbell write failed; @priv gets
 * rpc_result_private.
 */
static int64_t g_rpc_raw(struct dev *d, const struct rpc_message_header_v03_00 *h,
			 void *payload, uint32_t len, uint32_t *priv)
{
	static uint8_t buf[0x20000];
	struct rpc_message_header_v03_00 r;
	uint32_t rid = 0;

	memcpy(buf, h, sizeof(*h));
	if (len)
		memcpy(buf + sizeof(*h), payload, len);
	if (wr(d, 1, G_MSG, buf, sizeof(*h) + len))
		return -EIO;
	g_req++;
	wr(d, 1, G_CTRL + 4, &g_req, 4);
	if (g_ring(d, NV_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE))
		return -errno;
	if (rd(d, 1, G_RSP, &rid, 4) || rid != g_req)
		return -EPROTO;
	if (rd(d, 1, G_MSG, &r, sizeof(r)))
		return -EIO;
	if (len && rd(d, 1, G_MSG + sizeof(r), payload, len))
		return -EIO;
	if (priv)
		*priv = r.rpc_result_private;
	return r.rpc_result;
}

static int64_t g_rpc(struct dev *d, uint32_t fn, void *payload, uint32_t len, uint32_t *priv)
{
	struct rpc_message_header_v03_00 h = {
		.header_version = NVRM_RPC_HEADER_VERSION,
		.signature = NV_VGPU_MSG_SIGNATURE_VALID,
		.length = sizeof(h) + len,
		.function = fn,
		.rpc_result = NV_VGPU_MSG_RESULT_RPC_PENDING,
		.rpc_result_private = NV_VGPU_MSG_RESULT_RPC_PENDING,
		.sequence = g_req,
	};

	return g_rpc_raw(d, &h, payload, len, priv);
}

static int64_t g_sysinfo(struct dev *d, uint32_t major, uint32_t minor, uint32_t *priv)
{
	struct rpc_set_guest_system_info_v03_00 g;

	memset(&g, 0, sizeof(g));
	g.vgxVersionMajorNum = major;
	g.vgxVersionMinorNum = minor;
	g.guestDriverVersionBufferLength = 0x100;
	g.guestVersionBufferLength = 0x100;
	g.guestTitleBufferLength = 0x100;
	strcpy(g.guestDriverVersion, "535.113.01");
	strcpy(g.guestVersion, "r535");
	strcpy(g.guestTitle, "nvvgpu test guest");
	return g_rpc(d, NV_VGPU_MSG_FUNCTION_SET_GUEST_SYSTEM_INFO, &g, sizeof(g), priv);
}

/* GSP_RM_ALLOC; returns the RM status or -1 when the RPC failed. */
static int64_t g_alloc(struct dev *d, uint32_t parent, uint32_t obj, uint32_t cls)
{
	struct {
		struct rpc_gsp_rm_alloc_v03_00 a;
		uint8_t p[0x40];
	} m;
	uint32_t psize = cls == NV01_DEVICE_0 ? sizeof(struct NV0080_ALLOC_PARAMETERS) :
			 sizeof(struct NV2080_ALLOC_PARAMETERS);
	int64_t r;

	memset(&m, 0, sizeof(m));
	m.a.hClient = G_HCLIENT;
	m.a.hParent = parent;
	m.a.hObject = obj;
	m.a.hClass = cls;
	m.a.paramsSize = psize;
	r = g_rpc(d, NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC, &m, sizeof(m.a) + psize, NULL);
	return r ? -1 : (int64_t)m.a.status;
}

/* GSP_RM_CONTROL GPU_GET_ENGINES_V2 on @obj; engine count in @n. */
static int64_t g_engines(struct dev *d, uint32_t obj, uint32_t cmd, uint32_t *n)
{
	struct {
		struct rpc_gsp_rm_control_v03_00 c;
		union {
			struct NV2080_CTRL_GPU_GET_ENGINES_V2_PARAMS p;
			uint8_t b[G_ENGINES_570];
		};
	} m;
	int64_t r;

	memset(&m, 0, sizeof(m));
	m.c.hClient = G_HCLIENT;
	m.c.hObject = obj;
	m.c.cmd = cmd;
	m.c.paramsSize = gv.engines_size;
	r = g_rpc(d, NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, &m, sizeof(m.c) + gv.engines_size,
		  NULL);
	if (n)
		*n = m.p.engineCount;
	return r ? -1 : (int64_t)m.c.status;
}

static int64_t g_free(struct dev *d, uint32_t parent, uint32_t obj)
{
	struct rpc_free_v03_00 f = {
		.params = { .hRoot = G_HCLIENT, .hObjectParent = parent, .hObjectOld = obj },
	};
	int64_t r = g_rpc(d, NV_VGPU_MSG_FUNCTION_FREE, &f, sizeof(f), NULL);

	return r ? -1 : (int64_t)f.params.status;
}

/* Setup, handshake, a device and subdevice: a guest ready for RM calls. */
static int g_bringup(struct dev *d)
{
	uint32_t priv = 1;

	return g_setup(d, 1) ||
	       g_sysinfo(d, gv.major, gv.minor, &priv) ||
	       priv || g_alloc(d, G_HCLIENT, 0x1000, NV01_DEVICE_0) ||
	       g_alloc(d, 0x1000, 0x2000, NV20_SUBDEVICE_0) ? -1 : 0;
}

static int cmd_rpc(const char *uuid)
{
	struct rpc_message_header_v03_00 h;
	struct rpc_set_guest_system_info_v03_00 gi;
	struct dev d;
	uint32_t priv = 0, n = 0, maj = 0;
	uint64_t addr;
	int64_t r;
	int efd;

	if (open_dev(&d, uuid))
		return 1;
	efd = eventfd(0, EFD_NONBLOCK);
	set_trigger(&d, VFIO_PCI_MSI_IRQ_INDEX, efd);
	cfgw32(&d, NVVGPU_MSI_CAP_OFF, cfg32(&d, NVVGPU_MSI_CAP_OFF) | PCI_MSI_FLAGS_ENABLE << 16);

	CHECK("rpc: a message before setup is refused", g_ring(&d, 1) == -EINVAL, "accepted");
	CHECK("rpc: setup answered (responseId = requestId)", !g_setup(&d, 1), "%s",
	      strerror(errno));
	CHECK("rpc: setup raised the MSI", wait_efd(efd, 2000) == 1, "no interrupt");
	CHECK("rpc: RM call before the handshake is INVALID_STATE",
	      g_engines(&d, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, NULL) == -1, "served");
	r = g_sysinfo(&d, gv.major + 1, 0, &priv);
	memset(&gi, 0, sizeof(gi));
	rd(&d, 1, G_MSG + sizeof(h), &maj, 4);
	CHECK("rpc: a newer guest gets the host's VGX version back",
	      r == 0 && priv == NV_VGPU_MSG_RESULT_GUEST_HOST_DRIVER_MISMATCH &&
	      maj == gv.major, "result %lld private %#x major %#x",
	      (long long)r, priv, maj);
	r = g_sysinfo(&d, gv.major, gv.minor, &priv);
	CHECK("rpc: SET_GUEST_SYSTEM_INFO with the host's version agrees",
	      r == 0 && priv == 0, "result %lld private %#x", (long long)r, priv);
	CHECK("rpc: the answer raised the MSI", wait_efd(efd, 2000) >= 1, "no interrupt");
	CHECK("rpc: GSP_RM_ALLOC device in the vGPU's client",
	      g_alloc(&d, G_HCLIENT, 0x1000, NV01_DEVICE_0) == 0, "refused");
	CHECK("rpc: GSP_RM_ALLOC subdevice",
	      g_alloc(&d, 0x1000, 0x2000, NV20_SUBDEVICE_0) == 0, "refused");
	r = g_engines(&d, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, &n);
	CHECK("rpc: GSP_RM_CONTROL GPU_GET_ENGINES_V2 answers", r == 0 && n > 0,
	      "status %lld engines %u", (long long)r, n);
	CHECK("rpc: a vGPU-manager control is refused",
	      g_engines(&d, 0x2000, 0x20804003, NULL) == NV_ERR_INSUFFICIENT_PERMISSIONS,
	      "not refused");
	CHECK("rpc: the root handle cannot be freed",
	      g_free(&d, G_HCLIENT, G_HCLIENT) == NV_ERR_INSUFFICIENT_PERMISSIONS, "freed");

	/* Malformed messages: clean rpc_result codes, nothing reaches the kernel log. */
	h = (struct rpc_message_header_v03_00){ .header_version = NVRM_RPC_HEADER_VERSION,
		.signature = 0x12345678, .length = 0x20, .function = 1 };
	CHECK("walk: bad signature", g_rpc_raw(&d, &h, NULL, 0, NULL) ==
	      NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT, "accepted");
	h.signature = NV_VGPU_MSG_SIGNATURE_VALID;
	h.header_version = 0x02000000;
	CHECK("walk: bad header version", g_rpc_raw(&d, &h, NULL, 0, NULL) ==
	      NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT, "accepted");
	h.header_version = NVRM_RPC_HEADER_VERSION;
	h.length = 0x10;
	CHECK("walk: length shorter than the header", g_rpc_raw(&d, &h, NULL, 0, NULL) ==
	      NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT, "accepted");
	h.length = 0x20001;
	CHECK("walk: length past the message buffer", g_rpc_raw(&d, &h, NULL, 0, NULL) ==
	      NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT, "accepted");
	h.length = 0x20;
	h.function = 0x10000;
	CHECK("walk: unknown function", g_rpc_raw(&d, &h, NULL, 0, NULL) ==
	      NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION, "accepted");
	h.function = NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO;
	CHECK("walk: a host-only function is NOT_SUPPORTED", g_rpc_raw(&d, &h, NULL, 0, NULL) ==
	      NV_VGPU_MSG_RESULT_NOT_SUPPORTED, "accepted");
	h.function = NV_VGPU_MSG_FUNCTION_SET_GUEST_SYSTEM_INFO;
	CHECK("walk: a truncated SET_GUEST_SYSTEM_INFO", g_rpc_raw(&d, &h, NULL, 0, NULL) ==
	      NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT, "accepted");
	memset(&gi, 'x', sizeof(gi));
	gi.guestDriverVersionBufferLength = 0x100;
	gi.guestVersionBufferLength = 0x100;
	gi.guestTitleBufferLength = 0x100;
	h.length = sizeof(h) + sizeof(gi);
	CHECK("walk: unterminated strings are INVALID_ARGUMENT",
	      g_rpc_raw(&d, &h, &gi, sizeof(gi), NULL) == NV_VGPU_MSG_RESULT_INVALID_ARGUMENT,
	      "accepted");
	{
		struct { struct rpc_gsp_rm_control_v03_00 c; } m = { { .hClient = G_HCLIENT,
			.hObject = 0x2000, .cmd = NV2080_CTRL_CMD_GPU_GET_ENGINES_V2,
			.paramsSize = 0x7fffffff } };
		r = g_rpc(&d, NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, &m, sizeof(m), NULL);
		CHECK("walk: a control whose params overrun the message is refused",
		      r == 0 && m.c.status == NV_ERR_INVALID_PARAM_STRUCT, "result %lld status %#x",
		      (long long)r, m.c.status);
	}
	CHECK("walk: an unknown doorbell handle fails the write", g_ring(&d, 7) == -EINVAL,
	      "accepted");
	addr = g_addr(G_CTRL, 0) & ~(3ULL << 1);
	addr |= (uint64_t)VGPU_GSP_BUF_ADDR_V1_APERTURE_SYSMEM << 1;
	CHECK("walk: a system-memory control buffer is refused",
	      g_setup_at(&d, addr, g_addr(G_RSP, 0), g_addr(G_MSG, 1)) == -EOPNOTSUPP, "accepted");
	CHECK("walk: a control buffer past the guest FB is refused",
	      g_setup_at(&d, g_addr(1ULL << 40, 0), g_addr(G_RSP, 0), g_addr(G_MSG, 1)) == -EINVAL,
	      "accepted");
	CHECK("walk: a response buffer on the control buffer is refused",
	      g_setup_at(&d, g_addr(G_CTRL, 0), g_addr(G_CTRL, 0), g_addr(G_MSG, 1)) == -EINVAL,
	      "accepted");
	CHECK("walk: reserved address bits are refused",
	      g_setup_at(&d, g_addr(G_CTRL, 0) | 0x20, g_addr(G_RSP, 0), g_addr(G_MSG, 1)) ==
	      -EINVAL, "accepted");
	CHECK("walk: a 2 MiB message buffer is refused",
	      g_setup_at(&d, g_addr(G_CTRL, 0), g_addr(G_RSP, 0), g_addr(0x400000, 2)) == -EINVAL,
	      "accepted");
	CHECK("rpc: the channel still works after the walk (set up again, same objects)",
	      !g_setup(&d, 1) && !g_sysinfo(&d, gv.major,
					     gv.minor, NULL) &&
	      g_engines(&d, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, &n) == 0 && n > 0,
	      "broken");
	CHECK("rpc: GSP_RM_FREE of the device", g_free(&d, G_HCLIENT, 0x1000) == 0, "failed");
	CHECK("rpc: its subdevice went with it",
	      g_engines(&d, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, NULL) ==
	      NV_ERR_INVALID_OBJECT_HANDLE, "still there");
	CHECK("rpc: reset forgets the channel", !ioctl(d.fd, VFIO_DEVICE_RESET) &&
	      g_ring(&d, 1) == -EINVAL, "still set up");
	close(efd);
	close_dev(&d);
	return failures ? 1 : 0;
}

static int cmd_rpc2(const char *u1, const char *u2)
{
	struct dev a, b;
	uint32_t seq_a, seq_b, n = 0;

	if (open_dev(&a, u1) || open_dev(&b, u2))
		return 1;
	CHECK("two guests: A up (device, subdevice)", !g_bringup(&a), "failed");
	CHECK("two guests: B set up and agreed, no objects yet",
	      !g_setup(&b, 1) && !g_sysinfo(&b, gv.major,
					     gv.minor, NULL), "failed");
	CHECK("two guests: B cannot reach A's subdevice",
	      g_engines(&b, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, NULL) ==
	      NV_ERR_INVALID_OBJECT_HANDLE, "reached it");
	CHECK("two guests: B allocates the same handles in its own client",
	      g_alloc(&b, G_HCLIENT, 0x1000, NV01_DEVICE_0) == 0 &&
	      g_alloc(&b, 0x1000, 0x2000, NV20_SUBDEVICE_0) == 0, "refused");
	CHECK("two guests: A's answer", g_engines(&a, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2,
						 &n) == 0 && n > 0, "failed");
	CHECK("two guests: A frees its device; B's stays",
	      g_free(&a, G_HCLIENT, 0x1000) == 0 &&
	      g_engines(&a, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, NULL) ==
	      NV_ERR_INVALID_OBJECT_HANDLE &&
	      g_engines(&b, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, NULL) == 0, "mixed up");
	/* Each answer lands in its own guest's buffer. */
	rd(&a, 1, G_MSG + 0x18, &seq_a, 4);
	rd(&b, 1, G_MSG + 0x18, &seq_b, 4);
	CHECK("two guests: each message buffer holds its own last RPC",
	      seq_a == g_req - 1 || seq_a != seq_b, "a %#x b %#x", seq_a, seq_b);
	close_dev(&a);
	close_dev(&b);
	return failures ? 1 : 0;
}

static int dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int cmd_bench(const char *uuid, int n)
{
	static double t[10000];
	struct timespec s, e;
	struct dev d;
	uint32_t cnt;
	int efd, i, ok = 0;

	if (n < 1 || n > 10000 || open_dev(&d, uuid))
		return 1;
	efd = eventfd(0, 0);
	set_trigger(&d, VFIO_PCI_MSI_IRQ_INDEX, efd);
	cfgw32(&d, NVVGPU_MSI_CAP_OFF, cfg32(&d, NVVGPU_MSI_CAP_OFF) | PCI_MSI_FLAGS_ENABLE << 16);
	if (g_bringup(&d)) {
		printf("FAIL: %sbench: guest bring-up\n", tag);
		return 1;
	}
	wait_efd(efd, 0);
	for (i = 0; i < n; i++) {
		clock_gettime(CLOCK_MONOTONIC, &s);
		if (g_engines(&d, 0x2000, NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, &cnt) ||
		    wait_efd(efd, 5000) < 1)
			break;
		clock_gettime(CLOCK_MONOTONIC, &e);
		t[ok++] = (e.tv_sec - s.tv_sec) * 1e6 + (e.tv_nsec - s.tv_nsec) / 1e3;
	}
	CHECK("bench: guest RPCs answered with an MSI each", ok == n, "%d of %d", ok, n);
	if (ok) {
		qsort(t, ok, sizeof(t[0]), dcmp);
		printf("BENCH-KV guest_msg_rtt_p50_us %.1f\n", t[ok / 2]);
		printf("BENCH-KV guest_msg_rtt_p99_us %.1f\n", t[(ok * 99) / 100 < ok ? (ok * 99) / 100 : ok - 1]);
	}
	close(efd);
	close_dev(&d);
	return failures ? 1 : 0;
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
	CHECK("MSI: a guest RPC setup through the doorbell", !g_setup(&d, 1), "%s",
	      strerror(errno));
	CHECK("MSI: the plugin's answer raises it", wait_efd(efd, 2000) == 1, "no interrupt");
	CHECK("MSI: the leaf shows it pending",
	      !rd(&d, 0, NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0), &v, 4) && (v & 1), "leaf %#x", v);
	v = 1;
	wr(&d, 0, NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0), &v, 4);
	CHECK("MSI: writing 1 clears it",
	      !rd(&d, 0, NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0), &v, 4) && !v, "leaf %#x", v);

	/* INTx when MSI is off. */
	v = cfg32(&d, cap);
	cfgw32(&d, cap, v & ~(PCI_MSI_FLAGS_ENABLE << 16));
	CHECK("INTx: eventfd installed", !set_trigger(&d, VFIO_PCI_INTX_IRQ_INDEX, ifd),
	      "%s", strerror(errno));
	CHECK("INTx: a guest RPC answered", g_sysinfo(&d, gv.major,
						       gv.minor, NULL) == 0,
	      "rpc failed");
	CHECK("INTx: the answer raises it", wait_efd(ifd, 2000) == 1, "no interrupt");
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
	unsigned int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	gv = g_fws[0];
	for (i = 0; getenv("VGPU_FW") && i < sizeof(g_fws) / sizeof(g_fws[0]); i++)
		if (!strcmp(getenv("VGPU_FW"), g_fws[i].version))
			gv = g_fws[i];
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
	if (argc == 3 && !strcmp(argv[1], "rpc"))
		return cmd_rpc(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "rpc2"))
		return cmd_rpc2(argv[2], argv[3]);
	if (argc == 4 && !strcmp(argv[1], "bench"))
		return cmd_bench(argv[2], atoi(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "lost"))
		return cmd_wait(argv[2], VFIO_PCI_ERR_IRQ_INDEX, "ERR interrupt on GPU loss");
	fprintf(stderr, "usage: see the comment at the top of vgpu_guest.c\n");
	return 2;
}
