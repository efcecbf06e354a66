// SPDX-License-Identifier: GPL-2.0
/*
 * vGPU create/destroy and plugin round-trip timing.
 *
 *   vgpu_bench TYPE_DIR N
 *
 * N times: write a UUID to TYPE_DIR/create and open the new vGPU through
 * VFIO (container, group, device): "create" is the time until the device
 * fd is open. Close it; write 1 to its remove: "destroy". On the last
 * vGPU, toggle bus mastering in config space N times: each write is a
 * host-channel message to the GSP plugin and back ("plugin msg").
 * Prints "BENCH-KV name value" lines (p50/p99 in ms or us).
 */
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>

#define MAX_N	1000

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pct(double *v, int n, int p)
{
	int i = (n * p + 99) / 100 - 1;

	qsort(v, n, sizeof(*v), cmp);
	return v[i < 0 ? 0 : i];
}

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -1;
}

struct vdev {
	int container, group, fd;
};

static int vopen(struct vdev *d, const char *uuid)
{
	char path[PATH_MAX], link[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/mdev/devices/%s/iommu_group", uuid);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return -1;
	link[n] = 0;
	d->container = open("/dev/vfio/vfio", O_RDWR);
	snprintf(path, sizeof(path), "/dev/vfio/%s", strrchr(link, '/') + 1);
	d->group = open(path, O_RDWR);
	if (d->container < 0 || d->group < 0 ||
	    ioctl(d->group, VFIO_GROUP_SET_CONTAINER, &d->container) ||
	    ioctl(d->container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU))
		return -1;
	d->fd = ioctl(d->group, VFIO_GROUP_GET_DEVICE_FD, uuid);
	return d->fd < 0 ? -1 : 0;
}

static void vclose(struct vdev *d)
{
	close(d->fd);
	close(d->group);
	close(d->container);
}

int main(int argc, char **argv)
{
	static double cr[MAX_N], de[MAX_N], msg[MAX_N];
	char path[PATH_MAX], uuid[64];
	struct vdev d;
	uint64_t cfg_off = (uint64_t)VFIO_PCI_CONFIG_REGION_INDEX << 40;
	uint16_t cmd;
	int n, i;
	double t;

	if (argc != 3 || (n = atoi(argv[2])) < 1 || n > MAX_N) {
		fprintf(stderr, "usage: vgpu_bench TYPE_DIR N\n");
		return 2;
	}
	for (i = 0; i < n; i++) {
		snprintf(uuid, sizeof(uuid), "33333333-4444-5555-6666-%012d", i);
		snprintf(path, sizeof(path), "%s/create", argv[1]);
		t = now_us();
		if (write_file(path, uuid) || vopen(&d, uuid)) {
			printf("FAIL: bench: create %d\n", i);
			return 1;
		}
		cr[i] = (now_us() - t) / 1e3;
		if (i == n - 1) {
			int k;

			for (k = 0; k < n; k++) {
				cmd = k & 1 ? 0 : PCI_COMMAND_MASTER;
				t = now_us();
				if (pwrite(d.fd, &cmd, 2, cfg_off + PCI_COMMAND) != 2) {
					printf("FAIL: bench: config write\n");
					return 1;
				}
				msg[k] = now_us() - t;
			}
		}
		vclose(&d);
		snprintf(path, sizeof(path), "/sys/bus/mdev/devices/%s/remove", uuid);
		t = now_us();
		if (write_file(path, "1")) {
			printf("FAIL: bench: remove %d\n", i);
			return 1;
		}
		de[i] = (now_us() - t) / 1e3;
	}
	printf("BENCH-KV vgpu_create_p50_ms %.2f\n", pct(cr, n, 50));
	printf("BENCH-KV vgpu_create_p99_ms %.2f\n", pct(cr, n, 99));
	printf("BENCH-KV vgpu_destroy_p50_ms %.2f\n", pct(de, n, 50));
	printf("BENCH-KV vgpu_destroy_p99_ms %.2f\n", pct(de, n, 99));
	printf("BENCH-KV vgpu_plugin_msg_p50_us %.1f\n", pct(msg, n, 50));
	printf("BENCH-KV vgpu_plugin_msg_p99_us %.1f\n", pct(msg, n, 99));
	printf("PASS: bench: %d vGPUs created, opened and destroyed\n", n);
	return 0;
}
