// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: one firmware version's channel-object parameters (sim/chanargs.h).
 *
 * Not compiled on its own: sim/fwabi.c includes it (so sim/rNNN/abi.c
 * compiles it against that version's headers), and the userspace unit and
 * fuzz tests include it after a version's headers. Pure functions on
 * untrusted bytes: a buffer whose size is not this version's structure is
 * NV_ERR_INVALID_PARAM_STRUCT and nothing of it is read. Each version's
 * layouts: OGKM <tag> src/common/sdk/nvidia/inc/alloc/alloc_channel.h
 * (NV_CHANNEL_ALLOC_PARAMS, 0x168 bytes in 535.113.01, 0x170 in 570.144
 * with tpcConfigID appended), class/cla06c.h (channel group), class/
 * clb0b5sw.h (CE), nvos.h (NVOS04_FLAGS_*); tests/abi checks them.
 */

#define NVSIM_CHANABI_FLD(v, f) \
	(((v) >> f##__BIT_LO) & ((2u << (f##__BIT_HI - f##__BIT_LO)) - 1))

static void chanabi_mem(const struct NV_MEMORY_DESC_PARAMS *m,
			struct nvsim_memdesc *out)
{
	out->base = m->base;
	out->size = m->size;
	out->aspace = m->addressSpace == NVRM_ADDR_FBMEM ? NVSIM_ASPACE_VID :
		      m->addressSpace == NVRM_ADDR_SYSMEM ? NVSIM_ASPACE_SYS :
		      NVSIM_ASPACE_OTHER;
}

/* NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS. */
static u32 chanabi_group_decode(const void *buf, u32 size,
				struct nvsim_group_args *out)
{
	const struct NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS *p = buf;

	if (size != sizeof(*p))
		return NV_ERR_INVALID_PARAM_STRUCT;
	out->h_vas = p->hVASpace;
	out->engine = p->engineType;
	return NV_OK;
}

/* NV_CHANNEL_ALLOC_PARAMS of this version. */
static u32 chanabi_chan_decode(const void *buf, u32 size,
			       struct nvsim_chan_args *out)
{
	const struct NV_CHANNEL_ALLOC_PARAMS *p = buf;
	unsigned int i;
	u32 f;

	if (size != sizeof(*p))
		return NV_ERR_INVALID_PARAM_STRUCT;
	memset(out, 0, sizeof(*out));
	f = p->flags;
	out->h_ctx_share = p->hContextShare;
	out->h_vas = p->hVASpace;
	out->engine = p->engineType;
	out->gpfifo_va = p->gpFifoOffset;
	out->gp_entries = p->gpFifoEntries;
	out->physical = NVSIM_CHANABI_FLD(f, NVRM_NVOS04_FLAGS_CHANNEL_TYPE) ==
			NVRM_NVOS04_FLAGS_CHANNEL_TYPE_PHYSICAL;
	out->page_fixed = NVSIM_CHANABI_FLD(f, NVRM_NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_FIXED);
	out->idx_fixed = NVSIM_CHANABI_FLD(f, NVRM_NVOS04_FLAGS_CHANNEL_USERD_INDEX_FIXED);
	out->idx = NVSIM_CHANABI_FLD(f, NVRM_NVOS04_FLAGS_CHANNEL_USERD_INDEX_VALUE);
	out->page = NVSIM_CHANABI_FLD(f, NVRM_NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_VALUE);
	/* NVOS04_FLAGS_CHANNEL_DENY_PHYSICAL_MODE_CE 7:7 (nvos.h). */
	out->deny_phys_ce = f & (1u << 7);
	for (i = 0; i < NVRM_MAX_SUBDEVICES; i++)
		if (p->hUserdMemory[i])
			out->userd_handles = true;
	chanabi_mem(&p->userdMem, &out->userd);
	chanabi_mem(&p->instanceMem, &out->inst);
	chanabi_mem(&p->ramfcMem, &out->ramfc);
	chanabi_mem(&p->errorNotifierMem, &out->notifier);
	return NV_OK;
}

/* NV_CHANNEL_ALLOC_PARAMS.cid: written back on success. */
static void chanabi_chan_cid(void *buf, u32 cid)
{
	((struct NV_CHANNEL_ALLOC_PARAMS *)buf)->cid = cid;
}

/* NVB0B5_ALLOCATION_PARAMETERS. */
static u32 chanabi_ce_decode(const void *buf, u32 size,
			     struct nvsim_ce_args *out)
{
	const struct NVB0B5_ALLOCATION_PARAMETERS *p = buf;

	if (size != sizeof(*p))
		return NV_ERR_INVALID_PARAM_STRUCT;
	out->known = true;
	if (p->version == NVRM_NVB0B5_ALLOCATION_PARAMETERS_VERSION_1)
		out->engine = p->engineType;
	else if (p->version == NVRM_NVB0B5_ALLOCATION_PARAMETERS_VERSION_0)
		out->engine = p->engineType + NV2080_ENGINE_TYPE_COPY0;
	else
		out->known = false;
	return NV_OK;
}

/* enum nvsim_fifo_op of a control number. */
static u32 chanabi_ctrl_op(u32 cmd)
{
	switch (cmd) {
	case NVA06C_CTRL_CMD_GPFIFO_SCHEDULE:
		return NVSIM_FIFO_OP_GROUP_SCHEDULE;
	case NVA06F_CTRL_CMD_GPFIFO_SCHEDULE:
		return NVSIM_FIFO_OP_SCHEDULE;
	case NVA06F_CTRL_CMD_BIND:
		return NVSIM_FIFO_OP_BIND;
	case NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN:
		return NVSIM_FIFO_OP_TOKEN;
	default:
		return NVSIM_FIFO_OP_NONE;
	}
}

/* A channel control's parameters: exact size, then its fields. */
static u32 chanabi_ctrl_decode(u32 cmd, const void *buf, u32 size,
			       struct nvsim_fifo_ctrl *out)
{
	memset(out, 0, sizeof(*out));
	out->op = chanabi_ctrl_op(cmd);
	switch (out->op) {
	case NVSIM_FIFO_OP_GROUP_SCHEDULE: {
		const struct NVA06C_CTRL_GPFIFO_SCHEDULE_PARAMS *p = buf;

		if (size != sizeof(*p))
			return NV_ERR_INVALID_PARAM_STRUCT;
		out->enable = p->bEnable;
		return NV_OK;
	}
	case NVSIM_FIFO_OP_SCHEDULE: {
		const struct NVA06F_CTRL_GPFIFO_SCHEDULE_PARAMS *p = buf;

		if (size != sizeof(*p))
			return NV_ERR_INVALID_PARAM_STRUCT;
		out->enable = p->bEnable;
		return NV_OK;
	}
	case NVSIM_FIFO_OP_BIND: {
		const struct NVA06F_CTRL_BIND_PARAMS *p = buf;

		if (size != sizeof(*p))
			return NV_ERR_INVALID_PARAM_STRUCT;
		out->engine = p->engineType;
		return NV_OK;
	}
	case NVSIM_FIFO_OP_TOKEN:
		if (size != sizeof(struct NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN_PARAMS))
			return NV_ERR_INVALID_PARAM_STRUCT;
		return NV_OK;
	default:
		return NV_ERR_NOT_SUPPORTED;
	}
}

/* The reply of a control chanabi_ctrl_decode() accepted. */
static void chanabi_ctrl_reply(u32 cmd, void *buf,
			       const struct nvsim_fifo_ctrl *c)
{
	if (c->op == NVSIM_FIFO_OP_TOKEN &&
	    chanabi_ctrl_op(cmd) == NVSIM_FIFO_OP_TOKEN)
		((struct NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN_PARAMS *)buf)
			->workSubmitToken = c->token;
}
