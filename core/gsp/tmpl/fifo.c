// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: a version's channel RM objects (DOC: channels on GSP-RM in
 * core/gsp/channel.c), compiled into core/gsp/r<NNN>/fw.c when the version
 * defines NVC_FW_HAS_CHANNELS.
 *
 * The version's differences come from its headers (each
 * core/gsp/r<NNN>/fw.c names them): the size of NV_CHANNEL_ALLOC_PARAMS
 * and the number of channel-notifier entries
 * (NV_CHANNELGPFIFO_NOTIFICATION_TYPE__SIZE_1). The classes, control
 * numbers and the other parameter layouts used here are the same in every
 * supported version (the layout table's rows of each; tests/abi checks
 * each version's header).
 */

#ifdef NVC_FW_HAS_CHANNELS

/* USERD, doorbell: hardware facts of the version's headers. */
static const struct nvc_fw_chan_layout nvc_fw_chan_layout = {
	.userd_size = NVRM_USERD_SIZE,
	.chids_per_userd_page = NVRM_CHID_PER_USERD_PAGE,
	.gp_get = NVC56F_USERD_GP_GET,
	.gp_put = NVC56F_USERD_GP_PUT,
	.doorbell = NVRM_VF_FULL_PHYS_OFFSET + NVRM_VF_DOORBELL,
	.notifier_size = NVRM_NOTIFICATION_SIZE *
			 NV_CHANNELGPFIFO_NOTIFICATION_TYPE__SIZE_1,
};

/* GPFIFO and copy-engine classes of the chip (nouveau's class lists). */
static int nvc_fw_chan_classes(const struct nvc_gpu_info *i, u32 *chan,
			       u32 *ce)
{
	switch (i->arch) {
	case NVC_ARCH_TURING:
		*chan = TURING_CHANNEL_GPFIFO_A;
		*ce = TURING_DMA_COPY_A;
		return 0;
	case NVC_ARCH_AMPERE:
		*chan = AMPERE_CHANNEL_GPFIFO_A;
		*ce = i->chipset == 0x170 ? AMPERE_DMA_COPY_A : AMPERE_DMA_COPY_B;
		return 0;
	case NVC_ARCH_ADA:
		*chan = AMPERE_CHANNEL_GPFIFO_A;
		*ce = AMPERE_DMA_COPY_B;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

/* GPFIFO_SCHEDULE on the group, or on the channel where RM refuses that. */
static int nvc_fw_chan_schedule(struct nvc_gsp *gsp,
				const struct nvc_fw_chan *c, bool enable)
{
	struct NVA06C_CTRL_GPFIFO_SCHEDULE_PARAMS g = { .bEnable = enable };
	struct NVA06F_CTRL_GPFIFO_SCHEDULE_PARAMS ch = { .bEnable = enable };
	int ret;

	ret = nvc_fw_rm_control(gsp, c->h_client, c->h_group,
				NVA06C_CTRL_CMD_GPFIFO_SCHEDULE, &g, sizeof(g));
	if (ret == -EOPNOTSUPP)
		ret = nvc_fw_rm_control(gsp, c->h_client, c->h_chan,
					NVA06F_CTRL_CMD_GPFIFO_SCHEDULE, &ch,
					sizeof(ch));
	return ret;
}

/* Size of the CE fault-method buffer GSP-RM wants (0: none asked). */
static u32 nvc_fw_chan_mthdbuf_size(struct nvc_gsp *gsp, u32 h_client)
{
	struct NV2080_CTRL_CE_GET_FAULT_METHOD_BUFFER_SIZE_PARAMS p = {};

	if (nvc_fw_rm_control(gsp, h_client, NVC_H_SUBDEVICE,
			      NV2080_CTRL_CMD_CE_GET_FAULT_METHOD_BUFFER_SIZE,
			      &p, sizeof(p)))
		return 0;
	/* Bounded: a firmware value is not trusted with our VRAM. */
	return p.size <= SZ_1M ? ALIGN(p.size, SZ_4K) : 0;
}

static struct NV_MEMORY_DESC_PARAMS nvc_fw_vidmem(u64 base, u64 size)
{
	return (struct NV_MEMORY_DESC_PARAMS){
		.base = base, .size = size,
		.addressSpace = ADDR_FBMEM, .cacheAttrib = NV_MEMORY_UNCACHED,
	};
}

/*
 * Group, channel, CE object, BIND, schedule, token (DOC: channels on
 * GSP-RM); on failure nothing is left on the GSP.
 */
static int nvc_fw_chan_create(struct nvc_gsp *gsp, struct nvc_fw_chan *c)
{
	struct NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS grp = {
		.hVASpace = c->h_vaspace,
		.engineType = c->engine_type,
	};
	struct NVB0B5_ALLOCATION_PARAMETERS ce = {
		.version = NVB0B5_ALLOCATION_PARAMETERS_VERSION_1,
		.engineType = c->engine_type,
	};
	struct NVA06F_CTRL_BIND_PARAMS bind = { .engineType = c->engine_type };
	struct NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN_PARAMS tok = {};
	struct NV_CHANNEL_ALLOC_PARAMS *a;
	int ret;

	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	ret = nvc_fw_rm_alloc(gsp, c->h_client, NVC_H_DEVICE, c->h_group,
			      KEPLER_CHANNEL_GROUP_A, &grp, sizeof(grp));
	if (ret)
		goto out;

	a->gpFifoOffset = c->gpfifo_va;
	a->gpFifoEntries = c->gpfifo_entries;
	a->flags = (c->chid % NVRM_CHID_PER_USERD_PAGE)
			<< NVOS04_FLAGS_CHANNEL_USERD_INDEX_VALUE_SHIFT |
		   (c->chid / NVRM_CHID_PER_USERD_PAGE)
			<< NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_VALUE_SHIFT |
		   NVOS04_FLAGS_CHANNEL_USERD_INDEX_PAGE_FIXED_TRUE;
	if (c->kernel)
		a->flags |= NVOS04_FLAGS_PRIVILEGED_CHANNEL_TRUE;
	/* A TSG channel runs in the group's VA space: none of its own. */
	a->hVASpace = 0;
	a->engineType = c->engine_type;
	a->instanceMem = nvc_fw_vidmem(c->inst, c->inst_size);
	a->ramfcMem = nvc_fw_vidmem(c->inst, c->ramfc_size);
	a->userdMem = nvc_fw_vidmem(c->userd, NVRM_USERD_SIZE);
	if (c->mthdbuf_size)
		a->mthdbufMem = nvc_fw_vidmem(c->mthdbuf, c->mthdbuf_size);
	a->errorNotifierMem = nvc_fw_vidmem(c->notifier,
					    nvc_fw_chan_layout.notifier_size);
	a->internalFlags =
		(c->kernel ? NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_PRIVILEGE_KERNEL :
			     NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_PRIVILEGE_USER) |
		ERROR_NOTIFIER_TYPE_MEMORY <<
			NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_ERROR_NOTIFIER_TYPE_SHIFT |
		ERROR_NOTIFIER_TYPE_NONE <<
			NV_KERNELCHANNEL_ALLOC_INTERNALFLAGS_ECC_ERROR_NOTIFIER_TYPE_SHIFT;
	a->ProcessID = task_tgid_nr(current);

	ret = nvc_fw_rm_alloc(gsp, c->h_client, c->h_group, c->h_chan,
			      c->chan_class, a, sizeof(*a));
	if (!ret)
		ret = nvc_fw_rm_alloc(gsp, c->h_client, c->h_chan, c->h_ce,
				      c->ce_class, &ce, sizeof(ce));
	if (!ret) {
		ret = nvc_fw_rm_control(gsp, c->h_client, c->h_chan,
					NVA06F_CTRL_CMD_BIND, &bind,
					sizeof(bind));
		/* GSP-RMs that bind at allocation refuse the control. */
		if (ret == -EOPNOTSUPP)
			ret = 0;
	}
	if (!ret)
		ret = nvc_fw_chan_schedule(gsp, c, true);
	if (!ret)
		ret = nvc_fw_rm_control(gsp, c->h_client, c->h_chan,
					NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN,
					&tok, sizeof(tok));
	if (ret)
		nvc_fw_rm_free(gsp, c->h_client, NVC_H_DEVICE, c->h_group);
	else
		c->token = tok.workSubmitToken;
out:
	kfree(a);
	return ret;
}

#endif /* NVC_FW_HAS_CHANNELS */
