/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore client API: what nvcore found out about a GPU.
 *
 * Firmware-agnostic: nothing here depends on the GSP-RM version, and no
 * GSP-RM structure appears in it.
 */
#ifndef NVCORE_GPU_INFO_H
#define NVCORE_GPU_INFO_H

#include <linux/types.h>

#define NVC_MAX_VRAM_REGIONS	16
#define NVC_MAX_ENGINES		64
#define NVC_GPU_NAME_LEN	64
#define NVC_FW_VERSION_LEN	16

/**
 * enum nvc_arch - GPU architecture
 * @NVC_ARCH_TURING: Turing (TU10x/TU11x)
 * @NVC_ARCH_AMPERE: Ampere (GA10x)
 * @NVC_ARCH_ADA: Ada Lovelace (AD10x)
 */
enum nvc_arch {
	NVC_ARCH_TURING = 0x16,
	NVC_ARCH_AMPERE = 0x17,
	NVC_ARCH_ADA = 0x19,
};

/**
 * enum nvc_engine_kind - kind of an engine
 * @NVC_ENGINE_GR: graphics/compute
 * @NVC_ENGINE_COPY: copy engine
 * @NVC_ENGINE_NVDEC: video decoder
 * @NVC_ENGINE_NVENC: video encoder
 * @NVC_ENGINE_NVJPG: JPEG decoder
 * @NVC_ENGINE_OFA: optical flow accelerator
 * @NVC_ENGINE_SEC2: security engine
 * @NVC_ENGINE_OTHER: anything else
 */
enum nvc_engine_kind {
	NVC_ENGINE_GR,
	NVC_ENGINE_COPY,
	NVC_ENGINE_NVDEC,
	NVC_ENGINE_NVENC,
	NVC_ENGINE_NVJPG,
	NVC_ENGINE_OFA,
	NVC_ENGINE_SEC2,
	NVC_ENGINE_OTHER,
};

/**
 * struct nvc_engine - one engine of the GPU
 * @kind: what it is
 * @instance: instance number within its kind (COPY3 has instance 3)
 */
struct nvc_engine {
	enum nvc_engine_kind kind;
	u8 instance;
};

/**
 * struct nvc_vram_region_info - a region of VRAM usable by clients
 * @base: start, in bytes from the beginning of VRAM
 * @size: size in bytes
 * @compressible: region supports compression
 * @iso: region supports isochronous (display) traffic
 */
struct nvc_vram_region_info {
	u64 base;
	u64 size;
	bool compressible;
	bool iso;
};

/**
 * struct nvc_gpu_info - hardware configuration of one GPU
 * @chip: chip name ("ga102")
 * @arch: architecture
 * @chipset: (architecture << 4) | implementation
 * @revision: chip revision (major << 4 | minor)
 * @name: marketing name reported by the firmware
 * @uuid: GPU UUID
 * @vendor: PCI vendor id
 * @device: PCI device id
 * @subvendor: PCI subsystem vendor id
 * @subdevice: PCI subsystem id
 * @vram_size: total VRAM in bytes
 * @vram_usable: bytes of VRAM in @vram_regions
 * @nr_vram_regions: number of entries in @vram_regions
 * @vram_regions: VRAM usable by clients (firmware reservations excluded)
 * @bar1_size: BAR1 aperture size in bytes
 * @nr_engines: number of entries in @engines
 * @engines: the engines present
 * @nr_copy_engines: number of copy engines among @engines
 * @nr_display_heads: number of display heads
 * @fw_version: GSP-RM firmware version ("535.113.01")
 */
struct nvc_gpu_info {
	char chip[8];
	enum nvc_arch arch;
	u16 chipset;
	u8 revision;
	char name[NVC_GPU_NAME_LEN];
	u8 uuid[16];
	u16 vendor;
	u16 device;
	u16 subvendor;
	u16 subdevice;
	u64 vram_size;
	u64 vram_usable;
	unsigned int nr_vram_regions;
	struct nvc_vram_region_info vram_regions[NVC_MAX_VRAM_REGIONS];
	u64 bar1_size;
	unsigned int nr_engines;
	struct nvc_engine engines[NVC_MAX_ENGINES];
	unsigned int nr_copy_engines;
	unsigned int nr_display_heads;
	char fw_version[NVC_FW_VERSION_LEN];
};

#endif /* NVCORE_GPU_INFO_H */
