/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: channel-object parameters as nvsim's channel code sees them.
 *
 * The running firmware version's code (sim/chanabi.c, compiled per version
 * by sim/rNNN/abi.c) decodes that version's RM-API structures
 * (NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS, NV_CHANNEL_ALLOC_PARAMS,
 * NVB0B5_ALLOCATION_PARAMETERS) into these; sim/chan.c validates and acts
 * on them without reading a firmware header.
 */
#ifndef NVSIM_CHANARGS_H
#define NVSIM_CHANARGS_H

#ifdef __KERNEL__
#include <linux/types.h>
#endif

/* NV_MEMORY_DESC_PARAMS.addressSpace (ADDR_SYSMEM, ADDR_FBMEM, other). */
enum nvsim_aspace {
	NVSIM_ASPACE_OTHER,
	NVSIM_ASPACE_SYS,
	NVSIM_ASPACE_VID,
};

/**
 * struct nvsim_memdesc - a decoded NV_MEMORY_DESC_PARAMS
 * @base: base address
 * @size: size in bytes
 * @aspace: &enum nvsim_aspace
 */
struct nvsim_memdesc {
	u64 base;
	u64 size;
	u32 aspace;
};

/**
 * struct nvsim_group_args - KEPLER_CHANNEL_GROUP_A parameters
 * @h_vas: hVASpace
 * @engine: engineType (NV2080)
 */
struct nvsim_group_args {
	u32 h_vas;
	u32 engine;
};

/**
 * struct nvsim_chan_args - GPFIFO channel parameters
 * @h_ctx_share: hContextShare
 * @h_vas: hVASpace
 * @engine: engineType (NV2080)
 * @gpfifo_va: gpFifoOffset
 * @gp_entries: gpFifoEntries
 * @physical: NVOS04 CHANNEL_TYPE is PHYSICAL
 * @page_fixed: NVOS04 CHANNEL_USERD_INDEX_PAGE_FIXED
 * @idx_fixed: NVOS04 CHANNEL_USERD_INDEX_FIXED
 * @idx: NVOS04 CHANNEL_USERD_INDEX_VALUE
 * @page: NVOS04 CHANNEL_USERD_INDEX_PAGE_VALUE
 * @deny_phys_ce: NVOS04 CHANNEL_DENY_PHYSICAL_MODE_CE
 * @userd_handles: an hUserdMemory[] entry is set
 * @userd: userdMem
 * @inst: instanceMem
 * @ramfc: ramfcMem
 * @notifier: errorNotifierMem
 */
struct nvsim_chan_args {
	u32 h_ctx_share;
	u32 h_vas;
	u32 engine;
	u64 gpfifo_va;
	u32 gp_entries;
	bool physical;
	bool page_fixed;
	bool idx_fixed;
	u32 idx;
	u32 page;
	bool deny_phys_ce;
	bool userd_handles;
	struct nvsim_memdesc userd;
	struct nvsim_memdesc inst;
	struct nvsim_memdesc ramfc;
	struct nvsim_memdesc notifier;
};

/**
 * struct nvsim_ce_args - copy-engine object parameters
 * @known: the parameters' version is one RM knows (0 or 1)
 * @engine: the NV2080 engine type they name (VERSION_0: COPY0 + instance)
 */
struct nvsim_ce_args {
	bool known;
	u32 engine;
};

/* What a channel control asks (struct nvsim_fifo_ctrl.op). */
enum nvsim_fifo_op {
	NVSIM_FIFO_OP_NONE,		/* not a channel control */
	NVSIM_FIFO_OP_GROUP_SCHEDULE,	/* NVA06C GPFIFO_SCHEDULE */
	NVSIM_FIFO_OP_SCHEDULE,		/* NVA06F GPFIFO_SCHEDULE */
	NVSIM_FIFO_OP_BIND,		/* NVA06F BIND */
	NVSIM_FIFO_OP_TOKEN,		/* NVC36F GPFIFO_GET_WORK_SUBMIT_TOKEN */
};

/**
 * struct nvsim_fifo_ctrl - a decoded channel control
 * @op: &enum nvsim_fifo_op
 * @enable: GPFIFO_SCHEDULE bEnable
 * @engine: BIND engineType
 * @token: GET_WORK_SUBMIT_TOKEN reply
 */
struct nvsim_fifo_ctrl {
	u32 op;
	bool enable;
	u32 engine;
	u32 token;
};

#endif /* NVSIM_CHANARGS_H */
