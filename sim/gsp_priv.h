/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: what the GSP-RM files (gsp.c, booter.c, libos.c, queue.c, seq.c)
 * share with each other and nobody else.
 */
#ifndef NVSIM_GSP_PRIV_H
#define NVSIM_GSP_PRIV_H

#include "nvsim.h"

/* GSP-RM halt codes (GSP MAILBOX0) for failures before the queues work. */
#define NVSIM_RM_E_LIBOS	0xbad00001
#define NVSIM_RM_E_LOGS		0xbad00002
#define NVSIM_RM_E_RMARGS	0xbad00003
#define NVSIM_RM_E_SHM		0xbad00004
#define NVSIM_RM_E_CMDQ		0xbad00005
#define NVSIM_RM_E_INIT		0xbad00006
#define NVSIM_RM_E_SEQ		0xbad00007
#define NVSIM_RM_E_ASSERT	0xbad00008
#define NVSIM_RM_E_SYSINFO	0xbad00009
#define NVSIM_RM_E_CRASH	0xbad000ff

/* sim/gsp.c */
bool nvsim_stopping(struct nvsim_gpu *gpu);
bool nvsim_rm_alive(struct nvsim_gpu *gpu);
void nvsim_wait(struct nvsim_gpu *gpu, unsigned long timeout);
void nvsim_sleep_ms(struct nvsim_gpu *gpu, unsigned int ms);
u32 nvsim_delay_reply_ms(struct nvsim_gpu *gpu);
bool nvsim_hung(struct nvsim_gpu *gpu);
int nvsim_take_boot_fault(struct nvsim_gpu *gpu);
bool nvsim_sec2_pending(struct nvsim_gpu *gpu);
bool nvsim_statq_consumed(struct nvsim_gpu *gpu, u32 wptr);

/* sim/queue.c */
int nvsim_shm_rw(struct nvsim_gpu *gpu, u64 off, void *buf, size_t len,
		 bool write);
int nvsim_shm_rd32(struct nvsim_gpu *gpu, u64 off, u32 *val);
int nvsim_shm_wr32(struct nvsim_gpu *gpu, u64 off, u32 val);
bool nvsim_send_posted(struct nvsim_gpu *gpu);
bool nvsim_serve_queue(struct nvsim_gpu *gpu, bool *fatal);

/* sim/booter.c */
void nvsim_booter_unload(struct nvsim_gpu *gpu);
bool nvsim_booter_load(struct nvsim_gpu *gpu, u64 meta_pa);

/* sim/libos.c */
int nvsim_rm_libos(struct nvsim_gpu *gpu, u64 *rmargs_pa,
		   u64 *rmargs_size);
int nvsim_rm_shm(struct nvsim_gpu *gpu, u64 rmargs_pa, u64 rmargs_size);
int nvsim_rm_queues(struct nvsim_gpu *gpu);

/* sim/seq.c */
int nvsim_rm_sequencer(struct nvsim_gpu *gpu);

#endif /* NVSIM_GSP_PRIV_H */
