// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: VA spaces (FERMI_VASPACE_A) and the MMU's page-table walk.
 *
 * DOC: nvsim MMU
 *
 * FERMI_VASPACE_A under a device: NV_VASPACE_ALLOCATION_PARAMETERS of the
 * exact size; index must be NV_VASPACE_ALLOCATION_INDEX_GPU_NEW and
 * bigPageSize 0 (default), 64 KiB or 128 KiB, else NV_ERR_INVALID_ARGUMENT.
 *
 * NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES on it: numLevelsToCopy
 * 1 to GMMU_FMT_MAX_LEVELS; virtAddrLo <= virtAddrHi; pageSize a power of
 * two; each level a non-zero size, aperture 1 (video memory) with the
 * table inside VRAM, or 2/3 (system memory), page shift below 64; anything
 * else NV_ERR_INVALID_ARGUMENT. Level 0 is the root of the client's page
 * tables: nvsim records it as the VA space's page directory base (PDB),
 * as GSP-RM uses it to find the root when it builds a channel's instance
 * block. hSubDevice is not checked (nouveau leaves it 0).
 *
 * The walk follows the MMU format version 2 with the NV_MMU_VER2_* field
 * positions of dev_mmu.h (sim/hw.h; its own decoder: clients
 * encode with include/nvcore/mmu.h): PD3, PD2, PD1 (8-byte PDEs: aperture
 * 0 is a fault), PD0 (16-byte dual PDE: bit 0 makes the low word a 2 MiB
 * PTE; else the 64 KiB table in the low word, whose PTE maps if valid,
 * hands over to the 4 KiB table in the high word if all zero and faults
 * otherwise), then the PTE (valid bit, aperture, read-only, privilege).
 * Assumption (docs/nvsim.md): the big-page table holds 64 KiB pages (32
 * entries) whatever bigPageSize the VA space was allocated with.
 * Table reads go to VRAM or to system memory by DMA address; a video
 * address outside VRAM is a fault.
 *
 * debugfs gpu<N>/mmu: reading lists the VA spaces with a PDB ("vas CLIENT
 * HANDLE pdb APERTURE:ADDR"), then the result of the last query. Writing
 * "APERTURE:PDB VA LEN" walks LEN bytes (at most 16 MiB) from VA and
 * records "va .. aperture .. pa .. ro .. priv .. sum .." (sum: the 32-bit
 * words read through the translation, added up) or "fault LEVEL at VA".
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/log2.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "nvsim.h"

#define FLD(v, f)	(((v) >> f##__BIT_LO) & GENMASK_ULL(f##__BIT_HI - f##__BIT_LO, 0))

/**
 * nvsim_vas_set() - record a VA space's page directory base
 * @gpu: the GPU
 * @client: its client
 * @handle: the VA space
 * @aperture: aperture of the root table (NV_MMU_VER2_PDE_APERTURE_*)
 * @pdb: address of the root table
 *
 * Called by the per-version COPY_SERVER_RESERVED_PDES (sim/fwabi.c) once
 * it has checked the parameters.
 */
void nvsim_vas_set(struct nvsim_gpu *gpu, u32 client, u32 handle,
		   u32 aperture, u64 pdb)
{
	struct nvsim_mmu *m = &gpu->mmu;
	int i, free = -1;

	spin_lock(&m->lock);
	for (i = 0; i < NVSIM_MAX_VAS; i++) {
		if (m->vas[i].aperture && m->vas[i].client == client &&
		    m->vas[i].handle == handle)
			break;
		if (!m->vas[i].aperture && free < 0)
			free = i;
	}
	if (i == NVSIM_MAX_VAS)
		i = free;
	if (i >= 0) {
		m->vas[i].client = client;
		m->vas[i].handle = handle;
		m->vas[i].aperture = aperture;
		m->vas[i].pdb = pdb;
	}
	spin_unlock(&m->lock);
}

/**
 * nvsim_vas_forget() - a VA space object was freed
 * @gpu: the GPU
 * @client: its client
 * @handle: its handle
 */
void nvsim_vas_forget(struct nvsim_gpu *gpu, u32 client, u32 handle)
{
	struct nvsim_mmu *m = &gpu->mmu;
	int i;

	spin_lock(&m->lock);
	for (i = 0; i < NVSIM_MAX_VAS; i++)
		if (m->vas[i].client == client && m->vas[i].handle == handle)
			m->vas[i].aperture = 0;
	spin_unlock(&m->lock);
}

/**
 * nvsim_vas_reset() - every VA space is gone (RM reset)
 * @gpu: the GPU
 */
void nvsim_vas_reset(struct nvsim_gpu *gpu)
{
	spin_lock(&gpu->mmu.lock);
	memset(gpu->mmu.vas, 0, sizeof(gpu->mmu.vas));
	spin_unlock(&gpu->mmu.lock);
}

/* Read @len bytes of a page-table or page at (@aperture, @addr). */
static int nvsim_mmu_read(struct nvsim_gpu *gpu, bool vid, u64 addr, void *buf,
			  size_t len)
{
	if (vid)
		return nvsim_vram_rw(gpu, addr, buf, len, false);
	return nvsim_dma_read(gpu, addr, buf, len);
}

/**
 * struct nvsim_xlate - a translation
 * @vid: the page is in video memory (else system memory)
 * @pa: its address
 * @page: page size
 * @ro: read-only
 * @priv: privileged
 * @level: level that faulted (on failure)
 */
struct nvsim_xlate {
	bool vid;
	u64 pa;
	u64 page;
	bool ro;
	bool priv;
	int level;
};

/* Aperture field of a PDE to (valid, video). */
static bool nvsim_pde_target(u64 aperture, bool *vid)
{
	*vid = aperture == NV_MMU_VER2_PDE_APERTURE_VIDEO_MEMORY;
	return aperture != NV_MMU_VER2_PDE_APERTURE_INVALID;
}

static u64 nvsim_pde_addr(u64 pde, bool vid)
{
	return (vid ? FLD(pde, NV_MMU_VER2_PDE_ADDRESS_VID) :
		      FLD(pde, NV_MMU_VER2_PDE_ADDRESS_SYS)) <<
	       NV_MMU_VER2_PDE_ADDRESS_SHIFT;
}

/* Decode a PTE covering @page bytes. */
static int nvsim_pte(u64 pte, u64 page, u64 va, struct nvsim_xlate *x)
{
	u64 ap = FLD(pte, NV_MMU_VER2_PTE_APERTURE);

	if (!FLD(pte, NV_MMU_VER2_PTE_VALID))
		return -EFAULT;
	if (ap == NV_MMU_VER2_PTE_APERTURE_PEER_MEMORY)
		return -ENXIO;	/* no peer GPU: a bad aperture */
	x->vid = ap == NV_MMU_VER2_PTE_APERTURE_VIDEO_MEMORY;
	x->pa = ((x->vid ? FLD(pte, NV_MMU_VER2_PTE_ADDRESS_VID) :
			   FLD(pte, NV_MMU_VER2_PTE_ADDRESS_SYS)) <<
		 NV_MMU_VER2_PTE_ADDRESS_SHIFT) + (va & (page - 1));
	x->page = page;
	x->ro = FLD(pte, NV_MMU_VER2_PTE_READ_ONLY);
	x->priv = FLD(pte, NV_MMU_VER2_PTE_PRIVILEGE);
	return 0;
}

/*
 * PD3, PD2, PD1 and the PD0 entry (dual PDE or 2 MiB PTE) for @va into @e,
 * the aperture of the PD0 table into @pd0_vid. 0, or -EFAULT with
 * @x->level the level that faulted.
 */
static int nvsim_mmu_pd0(struct nvsim_gpu *gpu, bool pdb_vid, u64 pdb, u64 va,
			 u64 e[2], bool *pd0_vid, struct nvsim_xlate *x)
{
	static const u8 shift[4] = { 47, 38, 29, 21 };
	static const u8 bits[4] = { 2, 9, 9, 8 };
	u64 table = pdb;
	bool vid = pdb_vid;
	int l;

	if (va >> 49)
		goto fault0;
	for (l = 0; l < 3; l++) {
		u64 idx = (va >> shift[l]) & GENMASK_ULL(bits[l] - 1, 0);

		x->level = l;
		if (nvsim_mmu_read(gpu, vid, table + idx * NV_MMU_VER2_PDE__SIZE,
				   e, NV_MMU_VER2_PDE__SIZE))
			return -EFAULT;
		if (FLD(e[0], NV_MMU_VER2_PDE_IS_PTE) ||
		    !nvsim_pde_target(FLD(e[0], NV_MMU_VER2_PDE_APERTURE), &vid))
			return -EFAULT;
		table = nvsim_pde_addr(e[0], vid);
	}
	/* PD0: a dual PDE, or a 2 MiB PTE. */
	x->level = 3;
	if (nvsim_mmu_read(gpu, vid, table + ((va >> shift[3]) & 0xff) *
			   NV_MMU_VER2_DUAL_PDE__SIZE, e, NV_MMU_VER2_DUAL_PDE__SIZE))
		return -EFAULT;
	*pd0_vid = vid;
	return 0;
fault0:
	x->level = 0;
	return -EFAULT;
}

/* The PTE under the dual PDE (or 2 MiB PTE) @e of PD0 for @va. */
static int nvsim_mmu_leaf(struct nvsim_gpu *gpu, const u64 *pde, bool vid,
			  u64 va, struct nvsim_xlate *x)
{
	u64 table, e[2] = { pde[0], pde[1] };

	x->level = 3;
	if (FLD(e[0], NV_MMU_VER2_DUAL_PDE_IS_PTE))
		return nvsim_pte(e[0], SZ_2M, va, x);
	x->level = 4;
	/*
	 * The big-page half first: a valid 64 KiB PTE maps; an all-zero one
	 * hands over to the small-page table; any other invalid one (PRIV:
	 * "no 4 KiB PTEs here", VOL: sparse) stops the walk (nouveau
	 * vmmgp100.c gp100_vmm_lpt_invalid, vmm.c's LPTE states).
	 */
	if (nvsim_pde_target(FLD(e[0], NV_MMU_VER2_DUAL_PDE_APERTURE_BIG), &vid)) {
		u64 hi = vid ? NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_VID__BIT_HI :
			       NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_SYS__BIT_HI;
		u64 lo = NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_SYS__BIT_LO, lpte;

		table = ((e[0] >> lo) & GENMASK_ULL(hi - lo, 0)) <<
			NV_MMU_VER2_DUAL_PDE_ADDRESS_BIG_SHIFT;
		if (nvsim_mmu_read(gpu, vid, table + ((va >> 16) & 0x1f) *
				   NV_MMU_VER2_PTE__SIZE, &lpte, NV_MMU_VER2_PTE__SIZE))
			return -EFAULT;
		if (FLD(lpte, NV_MMU_VER2_PTE_VALID))
			return nvsim_pte(lpte, SZ_64K, va, x);
		if (lpte)
			return -EFAULT;
	}
	/* The small-page half: bits 127:64 in e[1]. */
	if (nvsim_pde_target((e[1] >> (NV_MMU_VER2_DUAL_PDE_APERTURE_SMALL__BIT_LO - 64)) & 3,
			     &vid)) {
		u64 lo = NV_MMU_VER2_DUAL_PDE_ADDRESS_SMALL_VID__BIT_LO - 64;
		u64 hi = vid ? NV_MMU_VER2_DUAL_PDE_ADDRESS_SMALL_VID__BIT_HI - 64 :
			       NV_MMU_VER2_DUAL_PDE_ADDRESS_SMALL_SYS__BIT_HI - 64;

		table = ((e[1] >> lo) & GENMASK_ULL(hi - lo, 0)) <<
			NV_MMU_VER2_DUAL_PDE_ADDRESS_SHIFT;
		if (nvsim_mmu_read(gpu, vid, table + ((va >> 12) & 0x1ff) * 8, e, 8))
			return -EFAULT;
		return nvsim_pte(e[0], SZ_4K, va, x);
	}
	return -EFAULT;
}

/**
 * nvsim_mmu_translate() - walk the page tables for one address
 * @gpu: the GPU
 * @pdb_vid: the root is in video memory
 * @pdb: the root's address
 * @va: virtual address (49 bits)
 * @x: output
 *
 * Process context.
 *
 * Return: 0, or -EFAULT with @x->level the level that faulted (0 root, 4
 * the page table).
 */
static int nvsim_mmu_translate(struct nvsim_gpu *gpu, bool pdb_vid, u64 pdb,
			       u64 va, struct nvsim_xlate *x)
{
	u64 e[2];
	bool vid;

	return nvsim_mmu_pd0(gpu, pdb_vid, pdb, va, e, &vid, x) ?:
	       nvsim_mmu_leaf(gpu, e, vid, va, x);
}

/**
 * nvsim_mmu_rw() - access GPU virtual memory through a VA space's tables
 * @gpu: the GPU
 * @client: the VA space's client
 * @vas: the VA space handle (its PDB from COPY_SERVER_RESERVED_PDES)
 * @va: GPU virtual address
 * @buf: data
 * @len: bytes
 * @write: write (else read)
 * @fault_va: set to the first address that failed
 *
 * Every page is translated through the tables in VRAM or system memory as
 * the driver wrote them (nothing is cached between calls: a driver that
 * rewrites a PTE sees the effect at the next access, as after a TLB
 * invalidate; within one call PD3..PD0 are read once per 2 MiB). Process
 * context.
 *
 * Return: 0; -EFAULT for an unmapped address (no PDB, an invalid PDE or
 * PTE); -EACCES for a write to a read-only page; -ENXIO for a bad
 * aperture (peer memory, a video address outside VRAM, a DMA address the
 * device may not reach); -ENOMEM when nvsim's VRAM backing is exhausted.
 */
int nvsim_mmu_rw(struct nvsim_gpu *gpu, u32 client, u32 vas, u64 va,
		 void *buf, size_t len, bool write, u64 *fault_va)
{
	struct nvsim_mmu *m = &gpu->mmu;
	u64 pdb = 0, region = ~0ull, pde[2];
	struct nvsim_xlate x;
	bool pd0_vid = false;
	u32 ap = 0;
	int i, ret;

	spin_lock(&m->lock);
	for (i = 0; i < NVSIM_MAX_VAS; i++)
		if (m->vas[i].aperture && m->vas[i].client == client &&
		    m->vas[i].handle == vas) {
			ap = m->vas[i].aperture;
			pdb = m->vas[i].pdb;
			break;
		}
	spin_unlock(&m->lock);
	*fault_va = va;
	if (!ap)
		return -EFAULT;
	while (len) {
		size_t n;

		/*
		 * PD3..PD0 are walked once per 2 MiB of the access (the tables
		 * do not change under one access); the PTE level every page.
		 */
		if (va >> 21 != region) {
			ret = nvsim_mmu_pd0(gpu, ap == NV_MMU_VER2_PDE_APERTURE_VIDEO_MEMORY,
					    pdb, va, pde, &pd0_vid, &x);
			if (ret)
				return ret;
			region = va >> 21;
		}
		ret = nvsim_mmu_leaf(gpu, pde, pd0_vid, va, &x);
		if (ret)
			return ret;
		if (write && x.ro)
			return -EACCES;
		n = min_t(u64, len, x.page - (va & (x.page - 1)));
		if (x.vid) {
			if (x.pa >= gpu->chip->vram_size ||
			    n > gpu->chip->vram_size - x.pa)
				return -ENXIO;
			ret = nvsim_vram_rw(gpu, x.pa, buf, n, write);
			if (ret)
				return ret == -ENOMEM ? -ENOMEM : -ENXIO;
		} else {
			ret = write ? nvsim_dma_write(gpu, x.pa, buf, n) :
				      nvsim_dma_read(gpu, x.pa, buf, n);
			if (ret)
				return -ENXIO;
		}
		buf += n;
		va += n;
		len -= n;
		*fault_va = va;
	}
	return 0;
}

/* ---- debugfs ---- */

static ssize_t nvsim_mmu_read_fops(struct file *f, char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct nvsim_gpu *gpu = f->private_data;
	struct nvsim_mmu *m = &gpu->mmu;
	size_t size = 8192, len = 0;
	ssize_t ret;
	char *buf;
	int i;

	buf = kzalloc(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	spin_lock(&m->lock);
	for (i = 0; i < NVSIM_MAX_VAS; i++)
		if (m->vas[i].aperture)
			len += scnprintf(buf + len, size - len,
					 "vas %#x %#x pdb %u:%#llx\n",
					 m->vas[i].client, m->vas[i].handle,
					 m->vas[i].aperture, m->vas[i].pdb);
	spin_unlock(&m->lock);
	mutex_lock(&m->query_lock);
	len += scnprintf(buf + len, size - len, "%s", m->result);
	mutex_unlock(&m->query_lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, buf, len);
	kfree(buf);
	return ret;
}

static ssize_t nvsim_mmu_write_fops(struct file *f, const char __user *ubuf,
				    size_t count, loff_t *ppos)
{
	struct nvsim_gpu *gpu = f->private_data;
	struct nvsim_mmu *m = &gpu->mmu;
	struct nvsim_xlate x0 = {}, x;
	u64 pdb, va, len, done, sum = 0;
	unsigned int ap;
	char cmd[96];
	int ret = 0;
	u32 w;

	if (count >= sizeof(cmd))
		return -EINVAL;
	if (copy_from_user(cmd, ubuf, count))
		return -EFAULT;
	cmd[count] = 0;
	if (sscanf(cmd, "%u:%llx %llx %llx", &ap, &pdb, &va, &len) != 4 ||
	    !ap || ap > 3 || !len || len > SZ_16M || (va | len) & 3)
		return -EINVAL;

	mutex_lock(&m->query_lock);
	for (done = 0; done < len; done += 4) {
		ret = nvsim_mmu_translate(gpu, ap == 1, pdb, va + done, &x);
		if (!ret)
			ret = nvsim_mmu_read(gpu, x.vid, x.pa, &w, 4) ? -EFAULT : 0;
		if (ret)
			break;
		if (!done)
			x0 = x;
		sum += w;
	}
	if (ret)
		scnprintf(m->result, sizeof(m->result), "fault %d at %#llx\n",
			  x.level, va + done);
	else
		scnprintf(m->result, sizeof(m->result),
			  "va %#llx aperture %s pa %#llx page %#llx ro %d priv %d sum %#llx\n",
			  va, x0.vid ? "vid" : "sys", x0.pa, x0.page, x0.ro,
			  x0.priv, sum);
	mutex_unlock(&m->query_lock);
	return count;
}

static const struct file_operations nvsim_mmu_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = nvsim_mmu_read_fops,
	.write = nvsim_mmu_write_fops,
	.llseek = default_llseek,
};

/**
 * nvsim_mmu_init() - the debugfs file (the locks are set up with the GPU)
 * @gpu: the GPU (its debugfs directory exists)
 */
void nvsim_mmu_init(struct nvsim_gpu *gpu)
{
	debugfs_create_file("mmu", 0600, gpu->dbg, gpu, &nvsim_mmu_fops);
}
