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
 * The callbacks may be called from any context, including hard-IRQ context,
 * and never sleep. They stay valid for as long as the platform device is
 * registered; nvsim unregisters the device (unbinding the driver) before it
 * tears anything down.
 *
 * This header is the only thing nvcore knows about nvsim; nvcore takes no
 * symbol from nvsim.ko and nvsim takes none from nvcore.ko.
 */
#ifndef NVSIM_BUS_H
#define NVSIM_BUS_H

#include <linux/types.h>

#define NVSIM_DEVICE_NAME	"nvsim-gpu"

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
};

#endif /* NVSIM_BUS_H */
