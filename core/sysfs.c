// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore sysfs: the hardware configuration of each GPU, read-only, in an
 * "nvcore" group on the bus device (documented in docs/sysfs.md).
 */
#include <linux/device.h>
#include <linux/sysfs.h>

#include "nvcore.h"
#include "gsp/gsp.h"

static struct nvc_gpu *nvc_dev_gpu(struct device *dev)
{
	return dev_get_drvdata(dev);
}

#define NVC_ATTR(_name, _fmt, ...)					\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	struct nvc_gpu *gpu = nvc_dev_gpu(dev);				\
	const struct nvc_gpu_info *info = &gpu->info;			\
									\
	(void)info;							\
	return sysfs_emit(buf, _fmt "\n", __VA_ARGS__);			\
}									\
static DEVICE_ATTR_RO(_name)

NVC_ATTR(chip, "%s", info->chip);
NVC_ATTR(architecture, "%s", info->arch == NVC_ARCH_TURING ? "turing" :
	 info->arch == NVC_ARCH_AMPERE ? "ampere" : "ada");
NVC_ATTR(chipset, "0x%03x", info->chipset);
NVC_ATTR(name, "%s", info->name);
NVC_ATTR(uuid, "GPU-%16phN", info->uuid);
NVC_ATTR(pci_ids, "%04x:%04x %04x:%04x", info->vendor, info->device,
	 info->subvendor, info->subdevice);
NVC_ATTR(vram_size, "%llu", info->vram_size);
NVC_ATTR(vram_usable, "%llu", info->vram_usable);
NVC_ATTR(bar1_size, "%llu", info->bar1_size);
NVC_ATTR(copy_engines, "%u", info->nr_copy_engines);
NVC_ATTR(display_heads, "%u", info->nr_display_heads);
NVC_ATTR(firmware_version, "%s", info->fw_version);
NVC_ATTR(bus, "%s", gpu->bus->name);
NVC_ATTR(recoveries, "%u", READ_ONCE(gpu->res.rec.recoveries));
NVC_ATTR(lost, "%d", READ_ONCE(gpu->res.rec.lost));
NVC_ATTR(last_recovery_reason, "%s", gpu->res.rec.recoveries || gpu->res.rec.lost ?
	 nvc_lost_reason_name(gpu->res.rec.lost_reason) : "none");
NVC_ATTR(last_recovery_ms, "%llu.%03llu", gpu->res.rec.recovery_ns / 1000000,
	 (gpu->res.rec.recovery_ns / 1000) % 1000);
NVC_ATTR(boot_us, "%llu", gpu->boot_ns / 1000);

static ssize_t vram_regions_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	const struct nvc_gpu_info *info = &nvc_dev_gpu(dev)->info;
	unsigned int i;
	int len = 0;

	for (i = 0; i < info->nr_vram_regions; i++)
		len += sysfs_emit_at(buf, len, "0x%llx 0x%llx%s%s\n",
				     info->vram_regions[i].base,
				     info->vram_regions[i].size,
				     info->vram_regions[i].compressible ? " compressible" : "",
				     info->vram_regions[i].iso ? " iso" : "");
	return len;
}
static DEVICE_ATTR_RO(vram_regions);

static const char * const nvc_engine_names[] = {
	[NVC_ENGINE_GR] = "gr",
	[NVC_ENGINE_COPY] = "ce",
	[NVC_ENGINE_NVDEC] = "nvdec",
	[NVC_ENGINE_NVENC] = "nvenc",
	[NVC_ENGINE_NVJPG] = "nvjpg",
	[NVC_ENGINE_OFA] = "ofa",
	[NVC_ENGINE_SEC2] = "sec",
	[NVC_ENGINE_OTHER] = "other",
};

static ssize_t engines_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	const struct nvc_gpu_info *info = &nvc_dev_gpu(dev)->info;
	unsigned int i;
	int len = 0;

	for (i = 0; i < info->nr_engines; i++)
		len += sysfs_emit_at(buf, len, "%s%s%u", i ? " " : "",
				     nvc_engine_names[info->engines[i].kind],
				     info->engines[i].instance);
	len += sysfs_emit_at(buf, len, "\n");
	return len;
}
static DEVICE_ATTR_RO(engines);

static struct attribute *nvc_attrs[] = {
	&dev_attr_chip.attr,
	&dev_attr_architecture.attr,
	&dev_attr_chipset.attr,
	&dev_attr_name.attr,
	&dev_attr_uuid.attr,
	&dev_attr_pci_ids.attr,
	&dev_attr_vram_size.attr,
	&dev_attr_vram_usable.attr,
	&dev_attr_vram_regions.attr,
	&dev_attr_bar1_size.attr,
	&dev_attr_engines.attr,
	&dev_attr_copy_engines.attr,
	&dev_attr_display_heads.attr,
	&dev_attr_firmware_version.attr,
	&dev_attr_bus.attr,
	&dev_attr_boot_us.attr,
	&dev_attr_recoveries.attr,
	&dev_attr_lost.attr,
	&dev_attr_last_recovery_reason.attr,
	&dev_attr_last_recovery_ms.attr,
	&nvc_dev_attr_clients.attr,
	NULL
};

static const struct attribute_group nvc_attr_group = {
	.name = "nvcore",
	.attrs = nvc_attrs,
};

/**
 * nvc_sysfs_init() - publish the GPU's configuration in sysfs
 * @gpu: the enumerated GPU; bus backends set the device's drvdata to it
 *
 * Return: 0 or a negative errno.
 */
int nvc_sysfs_init(struct nvc_gpu *gpu)
{
	return sysfs_create_group(&gpu->dev->kobj, &nvc_attr_group);
}

/**
 * nvc_sysfs_fini() - remove what nvc_sysfs_init() created
 * @gpu: the GPU
 */
void nvc_sysfs_fini(struct nvc_gpu *gpu)
{
	sysfs_remove_group(&gpu->dev->kobj, &nvc_attr_group);
}
