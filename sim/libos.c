// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: GSP-RM's LIBOS init arguments (log buffers, RMARGS),
 * GSP_ARGUMENTS_CACHED, the shared-memory page table and the queue
 * headers it sets up at boot (the "GSP-RM boot" steps of DOC: nvsim GSP-RM).
 */
#include <linux/slab.h>

#include "nvsim.h"
#include "gsp_priv.h"
#include "wire.h"

#define NVSIM_LIBOS_MAX		(NVSIM_GSP_PAGE_SIZE / sizeof(struct nvsim_libos_region))
#define NVSIM_SHM_MAX_PAGES	(NVSIM_GSP_PAGE_SIZE / sizeof(u64))

static const u64 nvsim_libos_ids[NVSIM_NR_LOGS + 1] = {
	[NVSIM_LOGINIT] = 0x4c4f47494e4954ull,	/* "LOGINIT" */
	[NVSIM_LOGINTR] = 0x4c4f47494e5452ull,	/* "LOGINTR" */
	[NVSIM_LOGRM] = 0x4c4f47524dull,	/* "LOGRM" */
	[NVSIM_NR_LOGS] = 0x524d41524753ull,	/* "RMARGS" */
};

/* LIBOS array and log buffers; returns the RMARGS region. */
int nvsim_rm_libos(struct nvsim_gpu *gpu, u64 *rmargs_pa,
		   u64 *rmargs_size)
{
	struct nvsim_libos_region *a;
	u64 pa, found[NVSIM_NR_LOGS + 1][2] = {};
	unsigned long flags;
	unsigned int i, k;
	int ret = -EINVAL;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	pa = (u64)gpu->regs.gsp.mailbox1 << 32 | gpu->regs.gsp.mailbox0;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	gpu->fw.libos_pa = pa;
	if (pa & (NVSIM_GSP_PAGE_SIZE - 1))
		return -EINVAL;
	a = kmalloc(NVSIM_GSP_PAGE_SIZE, GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	if (nvsim_dma_read(gpu, pa, a, NVSIM_GSP_PAGE_SIZE))
		goto out;
	for (i = 0; i < NVSIM_LIBOS_MAX && a[i].id8; i++) {
		for (k = 0; k <= NVSIM_NR_LOGS; k++)
			if (le64_to_cpu(a[i].id8) == nvsim_libos_ids[k])
				break;
		if (k > NVSIM_NR_LOGS)
			continue;	/* not ours (e.g. a vGPU region) */
		if (found[k][1] || a[i].kind != NVSIM_LIBOS_REGION_CONTIGUOUS ||
		    a[i].loc != NVSIM_LIBOS_REGION_LOC_SYSMEM || !a[i].size ||
		    (le64_to_cpu(a[i].pa) & (NVSIM_GSP_PAGE_SIZE - 1)))
			goto out;
		found[k][0] = le64_to_cpu(a[i].pa);
		found[k][1] = le64_to_cpu(a[i].size);
	}
	for (k = 0; k <= NVSIM_NR_LOGS; k++)
		if (!found[k][1])
			goto out;
	for (k = 0; k < NVSIM_NR_LOGS; k++) {
		ret = nvsim_log_setup(gpu, &gpu->fw.logs[k], found[k][0],
				      found[k][1]);
		if (ret) {
			ret = -ENOSPC;
			goto out;
		}
	}
	*rmargs_pa = found[NVSIM_NR_LOGS][0];
	*rmargs_size = found[NVSIM_NR_LOGS][1];
	ret = 0;
out:
	kfree(a);
	return ret;
}

int nvsim_rm_shm(struct nvsim_gpu *gpu, u64 rmargs_pa, u64 rmargs_size)
{
	struct nvsim_shm *shm = &gpu->fw.shm;
	struct nvsim_rmargs ra, *q = &ra;
	const char *why = NULL;
	u64 pt_bytes, region;
	u32 n, i;
	u8 *args;
	int ret;

	if (rmargs_size > NVSIM_GSP_PAGE_SIZE)
		goto unreadable;
	args = kmalloc(rmargs_size, GFP_KERNEL);
	if (!args)
		return NVSIM_RM_E_RMARGS;
	ret = nvsim_dma_read(gpu, rmargs_pa, args, rmargs_size);
	if (!ret)
		ret = nvsim_abi_of(gpu)->rmargs(args, rmargs_size, &ra, &why);
	kfree(args);
	if (why)
		nvsim_logf(gpu, NVSIM_LOGINIT, "RMARGS: %s", why);
	if (ret)
		goto unreadable;
	n = q->npages;
	pt_bytes = ALIGN((u64)n * sizeof(u64), NVSIM_GSP_PAGE_SIZE);
	region = (u64)n * NVSIM_GSP_PAGE_SIZE;
	if ((q->shm_pa & (NVSIM_GSP_PAGE_SIZE - 1)) ||
	    n < NVSIM_SHM_PTE_COUNT || n > NVSIM_SHM_MAX_PAGES ||
	    (q->cmdq | q->statq) & (NVSIM_GSP_PAGE_SIZE - 1) ||
	    q->cmdq < pt_bytes || q->statq < pt_bytes ||
	    q->cmdq > region - NVSIM_MSGQ_QUEUE_SIZE ||
	    q->statq > region - NVSIM_MSGQ_QUEUE_SIZE ||
	    (q->cmdq < q->statq + NVSIM_MSGQ_QUEUE_SIZE &&
	     q->statq < q->cmdq + NVSIM_MSGQ_QUEUE_SIZE)) {
		nvsim_logf(gpu, NVSIM_LOGINIT,
			   "RMARGS: bad queue layout (pages %u cmdq %#llx statq %#llx)",
			   n, q->cmdq, q->statq);
		return NVSIM_RM_E_RMARGS;
	}

	shm->pte = kvmalloc_array(n, sizeof(u64), GFP_KERNEL);
	if (!shm->pte)
		return NVSIM_RM_E_SHM;
	if (nvsim_dma_read(gpu, q->shm_pa, shm->pte, n * sizeof(u64)))
		goto bad;
	for (i = 0; i < n; i++) {
		shm->pte[i] = le64_to_cpu(shm->pte[i]);
		if (!shm->pte[i] || (shm->pte[i] & (NVSIM_GSP_PAGE_SIZE - 1)))
			goto bad;
	}
	if (shm->pte[0] != q->shm_pa)
		goto bad;
	shm->npages = n;
	shm->cmdq = q->cmdq;
	shm->statq = q->statq;
	return 0;
unreadable:
	nvsim_logf(gpu, NVSIM_LOGINIT, "RMARGS unreadable (size %llu)",
		   rmargs_size);
	return NVSIM_RM_E_RMARGS;
bad:
	nvsim_logf(gpu, NVSIM_LOGINIT, "shared-memory page table invalid");
	kvfree(shm->pte);
	shm->pte = NULL;
	return NVSIM_RM_E_SHM;
}

int nvsim_rm_queues(struct nvsim_gpu *gpu)
{
	struct nvsim_fw *fw = &gpu->fw;
	struct nvsim_msgq_txhdr h;

	if (nvsim_shm_rw(gpu, fw->shm.cmdq, &h, sizeof(h), false) ||
	    !nvsim_wire_txhdr_valid(&h)) {
		nvsim_logf(gpu, NVSIM_LOGINIT,
			   "command queue header invalid (ver %u size %#x msg %#x count %u flags %#x)",
			   h.version, h.size, h.msgSize, h.msgCount, h.flags);
		return NVSIM_RM_E_CMDQ;
	}
	fw->rx_seq = 0;
	fw->tx_seq = 0;
	fw->rpc_seq = 0;
	fw->assert_code = 0;
	fw->cmdq_rptr = 0;
	fw->statq_wptr = 0;
	nvsim_wire_txhdr_init(&h);
	if (nvsim_shm_rw(gpu, fw->shm.statq, &h, sizeof(h), true) ||
	    nvsim_shm_wr32(gpu, fw->shm.statq + NVSIM_MSGQ_RXHDR_OFF, 0))
		return NVSIM_RM_E_CMDQ;
	wmb();	/* header before anything else GSP-RM does */
	return 0;
}
