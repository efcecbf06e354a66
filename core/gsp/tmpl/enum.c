// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: hardware enumeration into struct nvc_gpu_info.
 *
 * DOC: hardware enumeration
 *
 * The chip comes from BOOT_0/BOOT_42 (chip.c), the PCI identity from the
 * bus backend; GSP-RM supplies the rest: the static configuration (name,
 * UUID, VRAM size and usable regions, display heads), FB_GET_INFO_V2 (RAM
 * and BAR1 sizes) and GPU_GET_ENGINES_V2 (the engine list) on nvcore's own
 * subdevice. Replies are validated before they are believed: the FB size
 * must agree between the two sources and engine types must be known.
 */

/* Compiled once per version, from core/gsp/r<NNN>/fw.c (DOC: firmware versions). */

static bool nvc_engine_decode(u32 type, struct nvc_engine *e)
{
	if (type == NV2080_ENGINE_TYPE_GR0) {
		*e = (struct nvc_engine){ NVC_ENGINE_GR, 0 };
	} else if (type >= NV2080_ENGINE_TYPE_COPY0 &&
		   type <= NV2080_ENGINE_TYPE_COPY9) {
		*e = (struct nvc_engine){ NVC_ENGINE_COPY,
					  type - NV2080_ENGINE_TYPE_COPY0 };
	} else if (type >= NV2080_ENGINE_TYPE_NVDEC0 &&
		   type <= NV2080_ENGINE_TYPE_NVDEC7) {
		*e = (struct nvc_engine){ NVC_ENGINE_NVDEC,
					  type - NV2080_ENGINE_TYPE_NVDEC0 };
	} else if (type >= NV2080_ENGINE_TYPE_NVENC0 &&
		   type <= NV2080_ENGINE_TYPE_NVENC2) {
		*e = (struct nvc_engine){ NVC_ENGINE_NVENC,
					  type - NV2080_ENGINE_TYPE_NVENC0 };
	} else if (type >= NV2080_ENGINE_TYPE_NVJPEG0 &&
		   type <= NV2080_ENGINE_TYPE_NVJPEG7) {
		*e = (struct nvc_engine){ NVC_ENGINE_NVJPG,
					  type - NV2080_ENGINE_TYPE_NVJPEG0 };
	} else if (type == NV2080_ENGINE_TYPE_OFA) {
		*e = (struct nvc_engine){ NVC_ENGINE_OFA, 0 };
	} else if (type == NV2080_ENGINE_TYPE_SEC2) {
		*e = (struct nvc_engine){ NVC_ENGINE_SEC2, 0 };
	} else if (type > NV2080_ENGINE_TYPE_NULL &&
		   type < NV2080_ENGINE_TYPE_LAST) {
		*e = (struct nvc_engine){ NVC_ENGINE_OTHER, 0 };
	} else {
		return false;
	}
	return true;
}

static int nvc_enum_engines(struct nvc_gsp *gsp, struct nvc_gpu_info *info)
{
	struct NV2080_CTRL_GPU_GET_ENGINES_V2_PARAMS *p;
	unsigned int i;
	int ret;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = nvc_fw_rm_control(gsp, gsp->h_client, gsp->h_subdevice,
			     NV2080_CTRL_CMD_GPU_GET_ENGINES_V2, p, sizeof(*p));
	if (ret)
		goto out;
	if (p->engineCount > ARRAY_SIZE(p->engineList) ||
	    p->engineCount > NVC_MAX_ENGINES) {
		ret = -EPROTO;
		goto out;
	}
	for (i = 0; i < p->engineCount; i++) {
		struct nvc_engine *e = &info->engines[info->nr_engines];

		if (!nvc_engine_decode(p->engineList[i], e)) {
			ret = -EPROTO;
			goto out;
		}
		gsp->engine_types[info->nr_engines] = p->engineList[i];
		info->nr_engines++;
		if (e->kind == NVC_ENGINE_COPY)
			info->nr_copy_engines++;
	}
out:
	kfree(p);
	return ret;
}

static int nvc_enum_fb(struct nvc_gsp *gsp, struct nvc_gpu_info *info)
{
	static const u32 idx[] = {
		NV2080_CTRL_FB_INFO_INDEX_RAM_SIZE,
		NV2080_CTRL_FB_INFO_INDEX_BAR1_SIZE,
	};
	struct NV2080_CTRL_FB_GET_INFO_V2_PARAMS *p;
	unsigned int i;
	int ret;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->fbInfoListSize = ARRAY_SIZE(idx);
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		p->fbInfoList[i].index = idx[i];
	ret = nvc_fw_rm_control(gsp, gsp->h_client, gsp->h_subdevice,
			     NV2080_CTRL_CMD_FB_GET_INFO_V2, p, sizeof(*p));
	if (ret)
		goto out;
	/* Sizes are in KiB. */
	if ((u64)p->fbInfoList[0].data << 10 != info->vram_size) {
		dev_err(gsp->gpu->dev, "nvcore: FB size mismatch: static info %llu KiB, FB_GET_INFO %u KiB\n",
			info->vram_size >> 10, p->fbInfoList[0].data);
		ret = -EPROTO;
		goto out;
	}
	info->bar1_size = (u64)p->fbInfoList[1].data << 10;
out:
	kfree(p);
	return ret;
}

/*
 * The non-stall vector of each engine, for fence signalling in the IRQ
 * handler, from the kernel interrupt table read with the GSP's stall
 * vector (intr.c, nvc_fw_gsp_vector()). The first entry of a vector wins.
 */
static void nvc_enum_intr(struct nvc_gsp *gsp, struct nvc_gpu_info *info)
{
	unsigned int i, e;

	memset(gsp->vec_engine, 0xff, sizeof(gsp->vec_engine));
	for (i = 0; i < NVC_MAX_ENGINES; i++)
		gsp->nonstall_vec[i] = U32_MAX;
	gsp->nonstall_leaves = 0;

	for (i = 0; i < gsp->nr_intr_table; i++) {
		u32 vec = gsp->intr_table[i].vector;

		for (e = 0; e < info->nr_engines; e++)
			if (gsp->engine_types[e] == gsp->intr_table[i].type)
				break;
		if (e == info->nr_engines || gsp->vec_engine[vec] != 0xff)
			continue;
		gsp->nonstall_vec[e] = vec;
		gsp->vec_engine[vec] = e;
		gsp->nonstall_leaves |= BIT(vec / 32);
	}
}

/**
 * nvc_fw_enumerate() - fill in the hardware configuration of a GPU
 * @gsp: the booted GSP with nvcore's RM client
 * @info: output
 *
 * Return: 0 or a negative errno.
 */
static int nvc_fw_enumerate(struct nvc_gsp *gsp, struct nvc_gpu_info *info)
{
	struct nvc_gpu *gpu = gsp->gpu;
	struct nvc_static_summary *s;
	unsigned int i;
	int ret;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	ret = NVC_FW_SYM(static_info_parse)(gsp->static_info,
				    sizeof(struct GspStaticConfigInfo), s);
	if (ret) {
		dev_err(gpu->dev, "nvcore: invalid GSP static info (%d)\n", ret);
		goto out;
	}

	memset(info, 0, sizeof(*info));
	strscpy(info->chip, gpu->chip.name, sizeof(info->chip));
	info->arch = gpu->chip.arch;
	info->chipset = gpu->chip.chipset;
	info->revision = gpu->chip.revision;
	strscpy(info->name, s->name, sizeof(info->name));
	memcpy(info->uuid, s->uuid, sizeof(info->uuid));
	info->vendor = gpu->pci.vendor;
	info->device = gpu->pci.device;
	info->subvendor = gpu->pci.subvendor;
	info->subdevice = gpu->pci.subdevice;
	info->vram_size = s->fb_length;
	info->vram_usable = s->usable;
	info->nr_vram_regions = s->nr_regions;
	for (i = 0; i < s->nr_regions; i++) {
		info->vram_regions[i].base = s->regions[i].base;
		info->vram_regions[i].size = s->regions[i].size;
		info->vram_regions[i].compressible = s->regions[i].compressible;
		info->vram_regions[i].iso = s->regions[i].iso;
	}
	info->nr_display_heads = s->display_heads;
	strscpy(info->fw_version, gsp->fw_version, sizeof(info->fw_version));

	gsp->h_int_client = s->h_internal_client;
	gsp->h_int_subdevice = s->h_internal_subdevice;
	ret = nvc_enum_fb(gsp, info);
	if (!ret)
		ret = nvc_enum_engines(gsp, info);
	if (!ret)
		nvc_enum_intr(gsp, info);
out:
	kfree(s);
	return ret;
}
