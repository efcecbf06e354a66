/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "hardware" interface between nvsim's simulated GPU and nvcore's sim
 * bus backend.
 *
 * DOC: nvsim bus interface
 *
 * nvsim registers one platform device named NVSIM_DEVICE_NAME per simulated
 * GPU. Its platform data is a &struct nvsim_bus_pdata that describes what a
 * PCI function would: identity (PCI ids) and a BAR0 register window reached
 * through two callbacks instead of MMIO. The GPU's interrupt is the device's
 * first IRQ resource, a real Linux interrupt from an irq_domain owned by
 * nvsim. System memory shared with the simulated GSP is ordinary
 * DMA-coherent memory allocated by the driver on this device; nvsim reads it
 * through the DMA addresses the driver programs, exactly like a bus master.
 *
 * The register callbacks (@rd32, @wr32) may be called from any context,
 * including hard-IRQ context, and never sleep. The VRAM callbacks
 * (@vram_rw, @ce_fill) may sleep: process context only. All callbacks stay
 * valid for as long as the platform device is registered; nvsim unregisters
 * the device (unbinding the driver) before it tears anything down.
 *
 * VRAM is the chip's full framebuffer (16 GiB to 48 GiB) backed sparsely by
 * nvsim: 64 KiB chunks allocated on the first write of non-zero data,
 * memory never written reads as zero, and at most NVSIM_VRAM_BACKING_MAX
 * bytes of chunks exist per GPU (beyond that writes fail with -ENOMEM).
 * VRAM keeps its contents across GSP resets and debugfs power-on resets (as
 * real memory does across a warm reset: that is why it must be scrubbed)
 * and is freed when the GPU is destroyed.
 *
 * This header is the only thing nvcore knows about nvsim; nvcore takes no
 * symbol from nvsim.ko and nvsim takes none from nvcore.ko. The one symbol
 * nvsim exports, nvsim_inject(), is for test modules only.
 */
#ifndef NVSIM_BUS_H
#define NVSIM_BUS_H

#include <linux/types.h>

#define NVSIM_DEVICE_NAME	"nvsim-gpu"

/* Backing memory nvsim allocates for one GPU's VRAM at most. */
#define NVSIM_VRAM_BACKING_MAX	(64ULL << 20)
/* Largest @vram_rw transfer. */
#define NVSIM_VRAM_RW_MAX	(16ULL << 20)
/* Largest @ce_fill with a non-zero pattern. */
#define NVSIM_CE_FILL_MAX	(64ULL << 20)

struct device;

/**
 * struct nvsim_bus_pdata - platform data of an nvsim GPU device
 * @rd32: read a 32-bit BAR0 register at byte offset @addr
 * @wr32: write a 32-bit BAR0 register at byte offset @addr
 * @vendor: PCI vendor id the simulated function reports
 * @device: PCI device id
 * @subvendor: PCI subsystem vendor id
 * @subdevice: PCI subsystem id
 * @revision: PCI revision id
 * @bar0_size: size of the BAR0 register window in bytes
 * @bar1_size: size of the framebuffer aperture (BAR1) in bytes
 * @bar3_size: size of the instance-memory aperture (BAR3) in bytes
 * @bdf: simulated PCI domain/bus/device/function, encoded as
 *       (domain << 16) | (bus << 8) | devfn
 * @vram_rw: the CPU's view of VRAM through the BAR1 aperture: copy @len
 *       bytes between @buf (kernel memory) and VRAM at byte @offset, into
 *       VRAM if @write. Any alignment. Returns 0, -EINVAL if
 *       [@offset, @offset + @len) is not inside the chip's VRAM (overflow
 *       safe) or @len > NVSIM_VRAM_RW_MAX (16 MiB), -ENOMEM if a write
 *       needs backing beyond NVSIM_VRAM_BACKING_MAX (checked before
 *       anything is written; writing zeros to never-written memory needs
 *       none), -ENODEV if @dev is not an nvsim GPU. @len 0 is a no-op.
 *       May sleep.
 * @ce_fill: a copy-engine memset of VRAM: write the 32-bit @pattern to
 *       every 4-byte word of [@offset, @offset + @len). @offset and @len
 *       must be multiples of 4 and the range inside VRAM (else -EINVAL).
 *       Pattern 0 (the scrub between tenants) works for any length up to
 *       the whole VRAM and completes quickly: whole chunks covered are
 *       freed, partially covered ones zeroed. A non-zero @pattern is
 *       refused with -E2BIG if @len > NVSIM_CE_FILL_MAX (64 MiB) and with
 *       -ENOMEM if the backing it needs would exceed NVSIM_VRAM_BACKING_MAX
 *       (checked before anything is written; should the kernel itself run
 *       out of memory, part of the range may be filled). Returns 0 or
 *       -errno (-ENODEV if @dev is not an nvsim GPU); may sleep.
 *       Copy-engine work and CPU accesses are serialised per GPU: a read
 *       after a completed fill sees the fill.
 * @bar1_pfn: the BAR1 aperture as memory, for CPU mappings of VRAM: BAR1
 *       offset x aliases VRAM offset x. Sets *@pfn to the page frame that
 *       backs the 4 KiB page at @offset (page-aligned down), allocating its
 *       64 KiB chunk if absent. Returns 0, -EINVAL if the page is not
 *       inside VRAM, -ENOMEM beyond NVSIM_VRAM_BACKING_MAX, -ENODEV if
 *       @dev is not an nvsim GPU. The frame stays valid until a zero
 *       @ce_fill covers its whole chunk or the GPU is destroyed: the
 *       driver unmaps CPU mappings of a range before scrubbing it. May
 *       sleep.
 */
struct nvsim_bus_pdata {
	u32 (*rd32)(struct device *dev, u32 addr);
	void (*wr32)(struct device *dev, u32 addr, u32 val);
	u16 vendor;
	u16 device;
	u16 subvendor;
	u16 subdevice;
	u8 revision;
	u64 bar0_size;
	u64 bar1_size;
	u64 bar3_size;
	u32 bdf;
	int (*vram_rw)(struct device *dev, u64 offset, void *buf, size_t len,
		       bool write);
	int (*ce_fill)(struct device *dev, u64 offset, u64 len, u32 pattern);
	int (*bar1_pfn)(struct device *dev, u64 offset, unsigned long *pfn);
};

/*
 * Test modules only (not nvcore): inject a GPU event or interrupt, as the
 * debugfs file nvsim/gpu<N>/inject does. See sim/inject.c and
 * docs/nvsim.md for the command grammar. Namespace NVSIM.
 */
int nvsim_inject(unsigned int gpu, const char *cmd);

#endif /* NVSIM_BUS_H */
