// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP layer: the RM objects and controls nvcore's client API needs
 * (client.c, vram_map.c), marshalled for one firmware version. Callers
 * pass nvcore's own types; the version's structs stay here.
 *
 * Compiled once per version, from core/gsp/r<NNN>/fw.c, after that
 * version's headers (DOC: firmware versions). A version without the
 * VA-space ABI in its headers leaves NVC_FW_HAS_VASPACE undefined.
 */

static int nvc_fw_fb_query(struct nvc_gsp *gsp, u32 h_client,
			   unsigned int what, u64 *value)
{
	static const u32 idx[] = {
		[NVC_FB_RAM_SIZE] = NV2080_CTRL_FB_INFO_INDEX_RAM_SIZE,
		[NVC_FB_USABLE_SIZE] = NV2080_CTRL_FB_INFO_INDEX_USABLE_RAM_SIZE,
		[NVC_FB_BAR1_SIZE] = NV2080_CTRL_FB_INFO_INDEX_BAR1_SIZE,
	};
	struct NV2080_CTRL_FB_GET_INFO_V2_PARAMS *p;
	int ret;

	if (what >= ARRAY_SIZE(idx))
		return -EINVAL;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->fbInfoListSize = 1;
	p->fbInfoList[0].index = idx[what];
	ret = nvc_fw_rm_control(gsp, h_client, NVC_H_SUBDEVICE,
				NV2080_CTRL_CMD_FB_GET_INFO_V2, p, sizeof(*p));
	if (!ret)
		*value = (u64)p->fbInfoList[0].data << 10;
	kfree(p);
	return ret;
}

/* NV0005 event object under the subdevice + repeated notification. */
static int nvc_fw_notifier_alloc(struct nvc_gsp *gsp, u32 h_client,
				 u32 h_event, u32 notifier)
{
	struct NV2080_CTRL_EVENT_SET_NOTIFICATION_PARAMS ctl = {
		.event = notifier,
		.action = NV2080_CTRL_EVENT_SET_NOTIFICATION_ACTION_REPEAT,
	};
	struct NV0005_ALLOC_PARAMETERS ev = {
		.hParentClient = h_client,
		.hClass = NV01_EVENT_KERNEL_CALLBACK_EX,
		.notifyIndex = NV01_EVENT_CLIENT_RM | notifier,
	};
	int ret;

	ret = nvc_fw_rm_alloc(gsp, h_client, NVC_H_SUBDEVICE, h_event,
			      NV01_EVENT_KERNEL_CALLBACK_EX, &ev, sizeof(ev));
	if (ret)
		return ret;
	ret = nvc_fw_rm_control(gsp, h_client, NVC_H_SUBDEVICE,
				NV2080_CTRL_CMD_EVENT_SET_NOTIFICATION, &ctl,
				sizeof(ctl));
	if (ret)
		nvc_fw_rm_free(gsp, h_client, NVC_H_SUBDEVICE, h_event);
	return ret;
}

#ifdef NVC_FW_HAS_VASPACE
/* FERMI_VASPACE_A under the device, then its page directory. */
static int nvc_fw_vaspace_alloc(struct nvc_gsp *gsp, u32 h_client,
				u32 h_vaspace,
				const struct nvc_vaspace_pdes *pdes)
{
	struct NV90F1_CTRL_VASPACE_COPY_SERVER_RESERVED_PDES_PARAMS *ctl;
	struct NV_VASPACE_ALLOCATION_PARAMETERS args = {
		.index = NV_VASPACE_ALLOCATION_INDEX_GPU_NEW,
	};
	unsigned int i;
	int ret;

	if (pdes->nr_levels > ARRAY_SIZE(ctl->levels))
		return -EINVAL;
	ctl = kzalloc(sizeof(*ctl), GFP_KERNEL);
	if (!ctl)
		return -ENOMEM;
	ctl->hSubDevice = NVC_H_SUBDEVICE;
	ctl->pageSize = pdes->page_size;
	ctl->virtAddrLo = pdes->va_lo;
	ctl->virtAddrHi = pdes->va_hi;
	ctl->numLevelsToCopy = pdes->nr_levels;
	for (i = 0; i < pdes->nr_levels; i++) {
		ctl->levels[i].physAddress = pdes->level[i].addr;
		ctl->levels[i].size = pdes->level[i].size;
		ctl->levels[i].aperture = 1;	/* video memory */
		ctl->levels[i].pageShift = pdes->level[i].page_shift;
	}
	ret = nvc_fw_rm_alloc(gsp, h_client, NVC_H_DEVICE, h_vaspace,
			      FERMI_VASPACE_A, &args, sizeof(args));
	if (!ret) {
		ret = nvc_fw_rm_control(gsp, h_client, h_vaspace,
					NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES,
					ctl, sizeof(*ctl));
		if (ret)
			nvc_fw_rm_free(gsp, h_client, NVC_H_DEVICE, h_vaspace);
	}
	kfree(ctl);
	return ret;
}
#endif
