// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: chip identification from NV_PMC_BOOT_0 / NV_PMC_BOOT_42.
 */
#include <linux/bitfield.h>
#include <linux/kernel.h>

#include "nvcore.h"

#define NVC_PMC_BOOT_0			0x000000
#define NVC_PMC_BOOT_42			0x000a00
#define NVC_BOOT_42_ARCH		GENMASK(29, 24)
#define NVC_BOOT_42_IMPL		GENMASK(23, 20)
#define NVC_BOOT_42_MAJOR		GENMASK(19, 16)
#define NVC_BOOT_42_MINOR		GENMASK(15, 12)

static const struct {
	u16 chipset;
	const char *name;
	const char *fw_family;
} nvc_chips[] = {
	{ 0x162, "tu102", "tu10x" },
	{ 0x164, "tu104", "tu10x" },
	{ 0x166, "tu106", "tu10x" },
	{ 0x172, "ga102", "ga10x" },
	{ 0x173, "ga103", "ga10x" },
	{ 0x174, "ga104", "ga10x" },
	{ 0x176, "ga106", "ga10x" },
	{ 0x177, "ga107", "ga10x" },
	{ 0x192, "ad102", "ad10x" },
	{ 0x193, "ad103", "ad10x" },
	{ 0x194, "ad104", "ad10x" },
	{ 0x196, "ad106", "ad10x" },
	{ 0x197, "ad107", "ad10x" },
};

/**
 * nvc_chip_identify() - identify the chip from its boot registers
 * @gpu: the GPU, with a working register backend
 *
 * Return: 0, or -ENODEV (with one log line) for a chip nvcore cannot boot.
 */
int nvc_chip_identify(struct nvc_gpu *gpu)
{
	u32 boot0 = nvc_rd32(gpu, NVC_PMC_BOOT_0);
	u32 boot42 = nvc_rd32(gpu, NVC_PMC_BOOT_42);
	unsigned int i;
	u16 chipset;

	if (boot0 == ~0u || boot42 == ~0u) {
		dev_err(gpu->dev, "nvcore: GPU not responding (BOOT_0 %#010x)\n", boot0);
		return -ENODEV;
	}
	chipset = FIELD_GET(NVC_BOOT_42_ARCH, boot42) << 4 |
		  FIELD_GET(NVC_BOOT_42_IMPL, boot42);

	for (i = 0; i < ARRAY_SIZE(nvc_chips); i++) {
		if (nvc_chips[i].chipset != chipset)
			continue;
		gpu->chip = (struct nvc_chip_id) {
			.name = nvc_chips[i].name,
			.fw_family = nvc_chips[i].fw_family,
			.arch = chipset >> 4,
			.impl = chipset & 0xf,
			.chipset = chipset,
			.revision = FIELD_GET(NVC_BOOT_42_MAJOR, boot42) << 4 |
				    FIELD_GET(NVC_BOOT_42_MINOR, boot42),
		};
		return 0;
	}
	dev_err(gpu->dev,
		"nvcore: unsupported chip (BOOT_0 %#010x BOOT_42 %#010x): not a Turing, Ampere or Ada GPU with GSP-RM\n",
		boot0, boot42);
	return -ENODEV;
}
