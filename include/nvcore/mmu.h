/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GPU MMU page-table format, version 2 (Pascal to Ada: Turing, Ampere
 * and Ada GPUs run it), for clients that write their own page tables.
 *
 * DOC: MMU format version 2
 *
 * A hardware format, not a firmware one: it is the same whatever GSP-RM
 * version runs, so it lives in the client API where any client (nvdrm
 * today) can reuse it. Field positions follow NVIDIA's dev_mmu.h
 * (NV_MMU_VER2_*; the layout table's MMU rows), level geometry nouveau's
 * gp100 VMM descriptors (drivers/gpu/drm/nouveau/nvkm/subdev/mmu/vmmgp100.c).
 *
 * A 49-bit virtual address is translated through five levels:
 *
 * ====== ========= ======= ============ =======================================
 * level  VA bits   entries entry bytes  entry
 * ====== ========= ======= ============ =======================================
 * PD3    48:47     4       8            PDE (the root, the page directory base)
 * PD2    46:38     512     8            PDE
 * PD1    37:29     512     8            PDE
 * PD0    28:21     256     16           dual PDE (64 KiB and 4 KiB tables), or
 *                                       a 2 MiB PTE
 * PT     20:12     512     8            4 KiB PTE (small-page table)
 * PT     20:16     32      8            64 KiB PTE (big-page table)
 * ====== ========= ======= ============ =======================================
 *
 * Every table is naturally aligned to 4 KiB here (the hardware wants
 * 256-byte alignment for the big-page table and 4 KiB for the others;
 * the root only needs 32 bytes).
 *
 * Page sizes: a PD0 entry either maps 2 MiB itself (bit 0, IS_PTE, set:
 * its low 64 bits are a PTE, the high 64 bits zero) or is a dual PDE that
 * points at up to two tables covering the same 2 MiB: the big-page table
 * (low word, 32 PTEs of 64 KiB; the VA space's big page size must be
 * 64 KiB) and the small-page table (high word, 512 PTEs of 4 KiB). The MMU
 * reads the big-page PTE first: valid, it maps 64 KiB; all zero, the
 * small-page PTE decides; not valid but PRIVILEGE set, the 4 KiB PTEs
 * under it are ignored (nouveau vmmgp100.c gp100_vmm_lpt_invalid and the
 * LPTE state machine of nvkm/subdev/mmu/vmm.c).
 */
#ifndef NVCORE_MMU_H
#define NVCORE_MMU_H

#include <linux/bits.h>
#include <linux/types.h>

#define NVC_MMU_V2_VA_BITS		49

/**
 * enum nvc_mmu_v2_level - the levels, root first
 * @NVC_MMU_V2_PD3: root
 * @NVC_MMU_V2_PD2: second
 * @NVC_MMU_V2_PD1: third
 * @NVC_MMU_V2_PD0: dual PDE level (or 2 MiB PTEs)
 * @NVC_MMU_V2_PT: 4 KiB (or 64 KiB) PTEs
 * @NVC_MMU_V2_LEVELS: number of levels
 */
enum nvc_mmu_v2_level {
	NVC_MMU_V2_PD3,
	NVC_MMU_V2_PD2,
	NVC_MMU_V2_PD1,
	NVC_MMU_V2_PD0,
	NVC_MMU_V2_PT,
	NVC_MMU_V2_LEVELS,
};

/* Lowest VA bit each level indexes with (4 KiB pages), and its width. */
static inline unsigned int nvc_mmu_v2_shift(enum nvc_mmu_v2_level l)
{
	static const u8 shift[NVC_MMU_V2_LEVELS] = { 47, 38, 29, 21, 12 };

	return shift[l];
}

static inline unsigned int nvc_mmu_v2_bits(enum nvc_mmu_v2_level l)
{
	static const u8 bits[NVC_MMU_V2_LEVELS] = { 2, 9, 9, 8, 9 };

	return bits[l];
}

/* Page sizes (shifts) the format maps. */
#define NVC_MMU_V2_SMALL_SHIFT		12	/* 4 KiB */
#define NVC_MMU_V2_BIG_SHIFT		16	/* 64 KiB */
#define NVC_MMU_V2_HUGE_SHIFT		21	/* 2 MiB, a PD0 PTE */
#define NVC_MMU_V2_PAGE_SIZES		(BIT_ULL(NVC_MMU_V2_SMALL_SHIFT) | \
					 BIT_ULL(NVC_MMU_V2_BIG_SHIFT) | \
					 BIT_ULL(NVC_MMU_V2_HUGE_SHIFT))
/* Entries of the big-page (64 KiB) table under one PD0 entry. */
#define NVC_MMU_V2_BIG_ENTRIES		32

/* Index of @va in a big-page table. */
static inline unsigned int nvc_mmu_v2_big_index(u64 va)
{
	return (va >> NVC_MMU_V2_BIG_SHIFT) & (NVC_MMU_V2_BIG_ENTRIES - 1);
}

/* Entry size in bytes of a level. */
static inline unsigned int nvc_mmu_v2_entry_size(enum nvc_mmu_v2_level l)
{
	return l == NVC_MMU_V2_PD0 ? 16 : 8;
}

/* Index of @va in a table of level @l. */
static inline unsigned int nvc_mmu_v2_index(enum nvc_mmu_v2_level l, u64 va)
{
	return (va >> nvc_mmu_v2_shift(l)) & (BIT(nvc_mmu_v2_bits(l)) - 1);
}

/* Apertures of a PDE (NV_MMU_VER2_PDE_APERTURE_*). */
#define NVC_MMU_V2_PDE_APERTURE_INVALID		0
#define NVC_MMU_V2_PDE_APERTURE_VIDEO		1
#define NVC_MMU_V2_PDE_APERTURE_SYS_COHERENT	2
#define NVC_MMU_V2_PDE_APERTURE_SYS_NONCOHERENT	3

/* Apertures of a PTE (NV_MMU_VER2_PTE_APERTURE_*). */
#define NVC_MMU_V2_PTE_APERTURE_VIDEO		0
#define NVC_MMU_V2_PTE_APERTURE_PEER		1
#define NVC_MMU_V2_PTE_APERTURE_SYS_COHERENT	2
#define NVC_MMU_V2_PTE_APERTURE_SYS_NONCOHERENT	3

/* PDE fields (NV_MMU_VER2_PDE_*). */
#define NVC_MMU_V2_PDE_IS_PTE		BIT_ULL(0)
#define NVC_MMU_V2_PDE_APERTURE_SHIFT	1
#define NVC_MMU_V2_PDE_VOL		BIT_ULL(3)
#define NVC_MMU_V2_PDE_NO_ATS		BIT_ULL(5)
#define NVC_MMU_V2_PDE_ADDR_SHIFT	8	/* address >> 12, bits 53:8 */

/* PTE fields (NV_MMU_VER2_PTE_*). */
#define NVC_MMU_V2_PTE_VALID		BIT_ULL(0)
#define NVC_MMU_V2_PTE_APERTURE_SHIFT	1
#define NVC_MMU_V2_PTE_VOL		BIT_ULL(3)
#define NVC_MMU_V2_PTE_ENCRYPTED	BIT_ULL(4)
#define NVC_MMU_V2_PTE_PRIVILEGE	BIT_ULL(5)
#define NVC_MMU_V2_PTE_READ_ONLY	BIT_ULL(6)
#define NVC_MMU_V2_PTE_ATOMIC_DISABLE	BIT_ULL(7)
#define NVC_MMU_V2_PTE_ADDR_SHIFT	8	/* address >> 12, bits 53:8 */
#define NVC_MMU_V2_PTE_KIND_SHIFT	56

/* Dual PDE (PD0): the 64 KiB table in the low word, the 4 KiB one high. */
#define NVC_MMU_V2_DUAL_BIG_ADDR_SHIFT	4	/* address >> 8, bits 32:4 */
#define NVC_MMU_V2_DUAL_SMALL_ADDR_SHIFT 8	/* address >> 12, bits 96:72 */

/**
 * nvc_mmu_v2_pde() - a PDE pointing at a table
 * @aperture: NVC_MMU_V2_PDE_APERTURE_*
 * @addr: the table's address, 4 KiB aligned
 * @vol: volatile (uncached) for system-memory tables
 *
 * Return: the entry.
 */
static inline u64 nvc_mmu_v2_pde(unsigned int aperture, u64 addr, bool vol)
{
	return ((u64)aperture << NVC_MMU_V2_PDE_APERTURE_SHIFT) |
	       (vol ? NVC_MMU_V2_PDE_VOL : 0) |
	       ((addr >> 12) << NVC_MMU_V2_PDE_ADDR_SHIFT);
}

/**
 * nvc_mmu_v2_dual_pde_small() - the high word of a dual PDE (4 KiB table)
 * @aperture: NVC_MMU_V2_PDE_APERTURE_*
 * @addr: the 4 KiB-page table's address, 4 KiB aligned
 * @vol: volatile
 *
 * The low word (64 KiB table) is 0 (invalid) when no big pages are used.
 *
 * Return: bits 127:64 of the entry.
 */
static inline u64 nvc_mmu_v2_dual_pde_small(unsigned int aperture, u64 addr,
					    bool vol)
{
	return ((u64)aperture << 1) | (vol ? BIT_ULL(3) : 0) |
	       ((addr >> 12) << NVC_MMU_V2_DUAL_SMALL_ADDR_SHIFT);
}

/**
 * nvc_mmu_v2_dual_pde_big() - the low word of a dual PDE (64 KiB table)
 * @aperture: NVC_MMU_V2_PDE_APERTURE_*
 * @addr: the 64 KiB-page table's address, 256-byte aligned
 * @vol: volatile
 *
 * Return: bits 63:0 of the entry (IS_PTE clear).
 */
static inline u64 nvc_mmu_v2_dual_pde_big(unsigned int aperture, u64 addr,
					  bool vol)
{
	return ((u64)aperture << 1) | (vol ? BIT_ULL(3) : 0) |
	       ((addr >> 8) << NVC_MMU_V2_DUAL_BIG_ADDR_SHIFT);
}

/* A big-page PTE that tells the MMU to ignore the 4 KiB PTEs under it. */
#define NVC_MMU_V2_LPTE_NO_SMALL	NVC_MMU_V2_PTE_PRIVILEGE

/**
 * nvc_mmu_v2_pte() - a valid PTE
 * @aperture: NVC_MMU_V2_PTE_APERTURE_*
 * @addr: the page's address (aligned to the page size)
 * @flags: NVC_MMU_V2_PTE_VOL, _PRIVILEGE, _READ_ONLY, ...
 *
 * The same encoding serves 4 KiB and 64 KiB PTEs and, as the low word of a
 * PD0 entry (VALID is IS_PTE), 2 MiB PTEs.
 *
 * Return: the entry (kind 0: pitch).
 */
static inline u64 nvc_mmu_v2_pte(unsigned int aperture, u64 addr, u64 flags)
{
	return NVC_MMU_V2_PTE_VALID |
	       ((u64)aperture << NVC_MMU_V2_PTE_APERTURE_SHIFT) | flags |
	       ((addr >> 12) << NVC_MMU_V2_PTE_ADDR_SHIFT);
}

#endif /* NVCORE_MMU_H */
