/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore internal definitions shared by the bus backends and the core.
 */
#ifndef NVC_CORE_H
#define NVC_CORE_H

#include <linux/device.h>
#include <linux/types.h>

#include <nvcore/gpu_info.h>

#include "client.h"

struct nvc_gpu;
struct nvc_gsp;
struct dentry;

/**
 * struct nvc_bus_ops - what a bus backend provides to the core
 * @name: backend name for logs and sysfs ("pci" or "sim")
 * @rd32: read a 32-bit BAR0 register
 * @wr32: write a 32-bit BAR0 register
 * @vram_rw: copy to or from VRAM through the BAR1 aperture (may sleep;
 *	NULL if the backend cannot)
 * @vram_fill: fill VRAM with a 32-bit pattern using a copy engine (may
 *	sleep; NULL if the backend cannot)
 * @vram_pfn: page frame of the BAR1 page aliasing VRAM at an offset, and
 *	whether it is device memory (may sleep; NULL if the backend cannot)
 *
 * Register accessors may be called from any context and must not sleep.
 * DMA memory is allocated on &nvc_gpu.dev with the DMA API whatever the
 * backend, and the interrupt is the Linux IRQ in &nvc_gpu.irq.
 */
struct nvc_bus_ops {
	const char *name;
	u32 (*rd32)(struct nvc_gpu *gpu, u32 addr);
	void (*wr32)(struct nvc_gpu *gpu, u32 addr, u32 val);
	int (*vram_rw)(struct nvc_gpu *gpu, u64 offset, void *buf, size_t len,
		       bool write);
	int (*vram_fill)(struct nvc_gpu *gpu, u64 offset, u64 len, u32 pattern);
	int (*vram_pfn)(struct nvc_gpu *gpu, u64 offset, unsigned long *pfn,
			bool *iomem);
};

/**
 * struct nvc_chip_id - chip identity decoded from BOOT_0/BOOT_42
 * @name: chip name in lower case, as in firmware paths ("tu102")
 * @arch: architecture code (0x16 Turing, 0x17 Ampere, 0x19 Ada)
 * @impl: implementation within the architecture
 * @chipset: (arch << 4) | impl
 * @revision: major << 4 | minor
 * @fw_family: suffix of the firmware signature section ("tu10x")
 */
struct nvc_chip_id {
	const char *name;
	u8 arch;
	u8 impl;
	u16 chipset;
	u8 revision;
	const char *fw_family;
};

/**
 * struct nvc_pci_ids - PCI identity of the function
 * @vendor: vendor id
 * @device: device id
 * @subvendor: subsystem vendor id
 * @subdevice: subsystem id
 * @revision: revision id
 * @bdf: (domain << 16) | (bus << 8) | devfn
 * @bar0_size: BAR0 size in bytes
 * @bar1_size: BAR1 size in bytes
 * @bar3_size: BAR3 size in bytes
 * @bar0_base: BAR0 bus address (0 on the sim bus)
 * @bar1_base: BAR1 bus address (0 on the sim bus)
 * @bar3_base: BAR3 bus address (0 on the sim bus)
 */
struct nvc_pci_ids {
	u16 vendor;
	u16 device;
	u16 subvendor;
	u16 subdevice;
	u8 revision;
	u32 bdf;
	u64 bar0_size;
	u64 bar1_size;
	u64 bar3_size;
	u64 bar0_base;
	u64 bar1_base;
	u64 bar3_base;
};

/**
 * struct nvc_gpu - one GPU owned by nvcore
 * @dev: the bus device (PCI function or nvsim platform device)
 * @bus: bus backend operations
 * @irq: Linux interrupt number of the GPU
 * @index: nvcore's GPU number
 * @pci: PCI identity
 * @chip: chip identity
 * @gsp: the GSP-RM instance, while booted
 * @info: hardware configuration, set at the first boot and never
 *	changed after (clients and sysfs read it without a lock)
 * @dbg: debugfs directory of the GPU
 * @res: clients, partitions, events and recovery
 * @arm_lock: protects @recover_armed and the queueing of recovery and
 *	heartbeat work (taken in any context)
 * @recover_armed: transport deaths schedule recovery
 * @going: the GPU is being removed: long operations (the test module's
 *	self-tests and benchmarks) stop and new ones are refused
 * @info_published: @info holds the configuration found at the first boot
 * @boot_ns: duration of the first GSP boot (probe to INIT_DONE)
 */
struct nvc_gpu {
	struct device *dev;
	const struct nvc_bus_ops *bus;
	int irq;
	int index;
	struct nvc_pci_ids pci;
	struct nvc_chip_id chip;
	struct nvc_gsp *gsp;
	struct nvc_gpu_info info;
	struct dentry *dbg;
	struct nvc_res res;
	spinlock_t arm_lock;
	bool recover_armed;
	bool going;
	bool info_published;
	u64 boot_ns;
};

static inline u32 nvc_rd32(struct nvc_gpu *gpu, u32 addr)
{
	return gpu->bus->rd32(gpu, addr);
}

static inline void nvc_wr32(struct nvc_gpu *gpu, u32 addr, u32 val)
{
	gpu->bus->wr32(gpu, addr, val);
}

int nvc_chip_identify(struct nvc_gpu *gpu);
int nvc_gpu_init(struct nvc_gpu *gpu);
int nvc_gpu_enumerate(struct nvc_gpu *gpu, struct nvc_gsp *gsp);
void nvc_gpu_fini(struct nvc_gpu *gpu);

int nvc_sysfs_init(struct nvc_gpu *gpu);
void nvc_sysfs_fini(struct nvc_gpu *gpu);
void nvc_debugfs_gpu_init(struct nvc_gpu *gpu);
void nvc_debugfs_gpu_fini(struct nvc_gpu *gpu);
bool nvc_dbg_gsp_get(struct nvc_gpu *gpu);
void nvc_dbg_gsp_put(struct nvc_gpu *gpu);
void nvc_debugfs_init(void);
void nvc_debugfs_fini(void);

int nvc_sim_backend_register(void);
void nvc_sim_backend_unregister(void);
int nvc_pci_backend_register(void);
void nvc_pci_backend_unregister(void);

#endif /* NVC_CORE_H */
