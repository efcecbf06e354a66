// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the simulated chips.
 *
 * DOC: nvsim chips
 *
 * BOOT_0: architecture 28:24, implementation 23:20, major revision 7:4,
 * minor revision 3:0. BOOT_42: architecture 29:24, implementation 23:20,
 * major 19:16, minor 15:12 (nova-core regs.rs; chipset = architecture << 4
 * | implementation). All three chips are simulated as revision A1.
 *
 * Engines are NV2080 engine types, classes come from the fact sheet (6.1)
 * and the display class of each generation. Boards: TU102 Quadro RTX 6000,
 * GA102 RTX A6000, AD102 L40; four display heads each.
 */
#include <linux/kernel.h>
#include <linux/string.h>

#include "nvsim.h"

/* Classes every simulated chip has. */
static const u32 nvsim_common_classes[] = {
	NV01_ROOT, NV01_ROOT_NON_PRIV, NV01_CONTEXT_DMA, NV01_EVENT,
	NV01_MEMORY_SYSTEM, NV01_MEMORY_LOCAL_USER, NV01_MEMORY_VIRTUAL,
	NV04_DISPLAY_COMMON, NV01_EVENT_KERNEL_CALLBACK,
	NV01_EVENT_OS_EVENT, NV01_EVENT_KERNEL_CALLBACK_EX,
	NV01_DEVICE_0, NV01_MEMORY_LIST_SYSTEM, NV20_SUBDEVICE_0,
	NV50_MEMORY_VIRTUAL, NV50_P2P, GT200_DEBUGGER,
	FERMI_CONTEXT_SHARE_A, FERMI_VASPACE_A, KEPLER_CHANNEL_GROUP_A,
};

#define NVSIM_NVC570_DISPLAY	0xc570
#define NVSIM_NVC770_DISPLAY	0xc770

static const u32 nvsim_tu102_classes[] = {
	TURING_USERMODE_A, TURING_CHANNEL_GPFIFO_A, TURING_A,
	TURING_DMA_COPY_A, TURING_COMPUTE_A, NVSIM_NVC570_DISPLAY,
};

static const u32 nvsim_ga102_classes[] = {
	AMPERE_USERMODE_A, AMPERE_CHANNEL_GPFIFO_A, AMPERE_B,
	AMPERE_DMA_COPY_B, AMPERE_COMPUTE_B, NVC670_DISPLAY,
	NVA081_VGPU_CONFIG, NVA084_KERNEL_HOST_VGPU_DEVICE,
};

static const u32 nvsim_ad102_classes[] = {
	AMPERE_USERMODE_A, AMPERE_CHANNEL_GPFIFO_A, ADA_A,
	AMPERE_DMA_COPY_B, ADA_COMPUTE_A, NVSIM_NVC770_DISPLAY,
	NVA081_VGPU_CONFIG, NVA084_KERNEL_HOST_VGPU_DEVICE,
};

static const u32 nvsim_tu102_engines[] = {
	NV2080_ENGINE_TYPE_GR0,
	NV2080_ENGINE_TYPE_COPY0, NV2080_ENGINE_TYPE_COPY1,
	NV2080_ENGINE_TYPE_COPY2, NV2080_ENGINE_TYPE_COPY3,
	NV2080_ENGINE_TYPE_COPY4,
	NV2080_ENGINE_TYPE_NVDEC0, NV2080_ENGINE_TYPE_NVENC0,
	NV2080_ENGINE_TYPE_SEC2,
};

static const u32 nvsim_ga102_engines[] = {
	NV2080_ENGINE_TYPE_GR0,
	NV2080_ENGINE_TYPE_COPY0, NV2080_ENGINE_TYPE_COPY1,
	NV2080_ENGINE_TYPE_COPY2, NV2080_ENGINE_TYPE_COPY3,
	NV2080_ENGINE_TYPE_COPY4,
	NV2080_ENGINE_TYPE_NVDEC0, NV2080_ENGINE_TYPE_NVDEC1,
	NV2080_ENGINE_TYPE_NVENC0, NV2080_ENGINE_TYPE_NVJPEG0,
	NV2080_ENGINE_TYPE_SEC2,
};

static const u32 nvsim_ad102_engines[] = {
	NV2080_ENGINE_TYPE_GR0,
	NV2080_ENGINE_TYPE_COPY0, NV2080_ENGINE_TYPE_COPY1,
	NV2080_ENGINE_TYPE_COPY2, NV2080_ENGINE_TYPE_COPY3,
	NV2080_ENGINE_TYPE_COPY4, NV2080_ENGINE_TYPE_COPY5,
	NV2080_ENGINE_TYPE_NVDEC0, NV2080_ENGINE_TYPE_NVDEC1,
	NV2080_ENGINE_TYPE_NVDEC2, NV2080_ENGINE_TYPE_NVDEC3,
	NV2080_ENGINE_TYPE_NVENC0, NV2080_ENGINE_TYPE_NVENC1,
	NV2080_ENGINE_TYPE_NVENC2,
	NV2080_ENGINE_TYPE_NVJPEG0, NV2080_ENGINE_TYPE_NVJPEG1,
	NV2080_ENGINE_TYPE_NVJPEG2, NV2080_ENGINE_TYPE_NVJPEG3,
	NV2080_ENGINE_TYPE_OFA, NV2080_ENGINE_TYPE_SEC2,
};

static const struct nvsim_chip nvsim_chips[] = {
	{
		.name = "tu102", .boot0 = 0x162000a1, .boot42 = 0x162a1000,
		.pci_device = 0x1e30, .vram_size = 24ULL << 30,
		.bar1_size = 256ULL << 20, .libos3 = false,
		.board_name = "Quadro RTX 6000", .short_name = "TU102",
		.engines = nvsim_tu102_engines,
		.nr_engines = ARRAY_SIZE(nvsim_tu102_engines),
		.classes = nvsim_tu102_classes,
		.nr_classes = ARRAY_SIZE(nvsim_tu102_classes),
		.total_vfs = 0, .gpc_mask = 0x3f, .tpc_mask = 0x3f,
		.fb_bus_width = 384, .l2_cache_size = 6 << 20,
		.fbp_mask = 0xfff, .board_id = 0x1204,
		.chip_sku = "400", .project = "G150", .project_sku = "0500",
	}, {
		.name = "ga102", .boot0 = 0x172000a1, .boot42 = 0x172a1000,
		.pci_device = 0x2230, .vram_size = 48ULL << 30,
		.bar1_size = 256ULL << 20, .libos3 = true,
		.board_name = "NVIDIA RTX A6000", .short_name = "GA102",
		.engines = nvsim_ga102_engines,
		.nr_engines = ARRAY_SIZE(nvsim_ga102_engines),
		.classes = nvsim_ga102_classes,
		.nr_classes = ARRAY_SIZE(nvsim_ga102_classes),
		.total_vfs = 32, .gpc_mask = 0x7f, .tpc_mask = 0x3f,
		.fb_bus_width = 384, .l2_cache_size = 6 << 20,
		.fbp_mask = 0xfff, .board_id = 0x1459,
		.chip_sku = "875", .project = "G133", .project_sku = "0500",
	}, {
		.name = "ad102", .boot0 = 0x192000a1, .boot42 = 0x192a1000,
		.pci_device = 0x26b5, .vram_size = 48ULL << 30,
		.bar1_size = 256ULL << 20, .libos3 = true,
		.board_name = "NVIDIA L40", .short_name = "AD102",
		.engines = nvsim_ad102_engines,
		.nr_engines = ARRAY_SIZE(nvsim_ad102_engines),
		.classes = nvsim_ad102_classes,
		.nr_classes = ARRAY_SIZE(nvsim_ad102_classes),
		.total_vfs = 32, .gpc_mask = 0xfff, .tpc_mask = 0x3f,
		.fb_bus_width = 384, .l2_cache_size = 96 << 20,
		.fbp_mask = 0xfff, .board_id = 0x1597,
		.chip_sku = "895", .project = "G133", .project_sku = "0215",
	},
};

/**
 * nvsim_chip_lookup() - find a chip by name
 * @name: chip name (not necessarily NUL terminated)
 * @len: length of @name
 *
 * Return: the chip or NULL.
 */
const struct nvsim_chip *nvsim_chip_lookup(const char *name, size_t len)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nvsim_chips); i++)
		if (strlen(nvsim_chips[i].name) == len &&
		    !strncmp(nvsim_chips[i].name, name, len))
			return &nvsim_chips[i];
	return NULL;
}

/**
 * nvsim_chip_classes() - the class list of a chip
 * @c: the chip
 * @out: where to store the classes
 * @max: room in @out
 *
 * Return: the number of classes stored (common ones first).
 */
unsigned int nvsim_chip_classes(const struct nvsim_chip *c, u32 *out,
				unsigned int max)
{
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(nvsim_common_classes) && n < max; i++)
		out[n++] = nvsim_common_classes[i];
	for (i = 0; i < c->nr_classes && n < max; i++)
		out[n++] = c->classes[i];
	return n;
}
