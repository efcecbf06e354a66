// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP layer: what the interrupt code needs of a firmware version:
 * the MC engine index map, the GSP's vector from the kernel interrupt
 * table, and GSP_LOCKDOWN_NOTICE. Compiled once per version, from
 * core/gsp/r<NNN>/fw.c, after that version's headers (DOC: firmware
 * versions). The version names its first and third video encoder
 * indices NVC_FW_MC_NVENC0 / NVC_FW_MC_NVENC2 (MSENC in 535, NVENC in 570).
 */

/**
 * nvc_fw_mc_engine_to_nv2080() - NV2080 engine type of an MC engine index
 * @mc_engine_idx: MC_ENGINE_IDX_* of the firmware's version (engine_idx.h)
 *
 * The map nouveau's r535_gsp_intr_get_table keeps: graphics, copy, video
 * decode/encode, JPEG, OFA and SEC2 engines; GSP and the rest have none.
 *
 * Return: NV2080_ENGINE_TYPE_*, or NV2080_ENGINE_TYPE_NULL.
 */
static u32 nvc_fw_mc_engine_to_nv2080(u32 mc_engine_idx)
{
	u32 i = mc_engine_idx;

	if (i >= MC_ENGINE_IDX_GR0 && i <= MC_ENGINE_IDX_GR7)
		return NV2080_ENGINE_TYPE_GR0 + (i - MC_ENGINE_IDX_GR0);
	if (i >= MC_ENGINE_IDX_CE0 && i <= MC_ENGINE_IDX_CE9)
		return NV2080_ENGINE_TYPE_COPY0 + (i - MC_ENGINE_IDX_CE0);
	if (i >= MC_ENGINE_IDX_NVDEC0 && i <= MC_ENGINE_IDX_NVDEC7)
		return NV2080_ENGINE_TYPE_NVDEC0 + (i - MC_ENGINE_IDX_NVDEC0);
	if (i >= NVC_FW_MC_NVENC0 && i <= NVC_FW_MC_NVENC2)
		return NV2080_ENGINE_TYPE_NVENC0 + (i - NVC_FW_MC_NVENC0);
	if (i >= MC_ENGINE_IDX_NVJPEG0 && i <= MC_ENGINE_IDX_NVJPEG7)
		return NV2080_ENGINE_TYPE_NVJPEG0 + (i - MC_ENGINE_IDX_NVJPEG0);
	if (i == MC_ENGINE_IDX_OFA0)
		return NV2080_ENGINE_TYPE_OFA;
	if (i == MC_ENGINE_IDX_SEC2)
		return NV2080_ENGINE_TYPE_SEC2;
	return NV2080_ENGINE_TYPE_NULL;
}

/*
 * INTERNAL_INTR_GET_KERNEL_TABLE, fetched once per boot (fact sheet §1.7):
 * the GSP's stall vector, and the non-stall vector of each engine nvcore
 * knows (engineIdx is an MC_ENGINE_IDX_* value, OGKM engine_idx.h, mapped
 * to NV2080 types as nouveau's r535_gsp_intr_get_table does), kept in
 * gsp->intr_table for enumeration (enum.c) to map to the engine list.
 */
static int nvc_fw_gsp_vector(struct nvc_gsp *gsp)
{
	const struct GspStaticConfigInfo *si = gsp->static_info;
	struct NV2080_CTRL_INTERNAL_INTR_GET_KERNEL_TABLE_PARAMS *p;
	unsigned int i, n = 0;
	int ret;

	BUILD_BUG_ON(ARRAY_SIZE(p->table) > NVC_INTR_TABLE_MAX);
	gsp->nr_intr_table = 0;
	gsp->h_int_client = si->hInternalClient;
	gsp->h_int_subdevice = si->hInternalSubdevice;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = nvc_fw_rm_control(gsp, gsp->h_int_client, gsp->h_int_subdevice,
			     NV2080_CTRL_CMD_INTERNAL_INTR_GET_KERNEL_TABLE, p,
			     sizeof(*p));
	if (ret)
		goto out;
	ret = -EPROTO;
	if (p->tableLen > ARRAY_SIZE(p->table))
		goto out;
	for (i = 0; i < p->tableLen; i++) {
		u32 vec = p->table[i].vectorNonStall;
		u32 type = nvc_fw_mc_engine_to_nv2080(p->table[i].engineIdx);

		if (vec < NVC_INTR_VECTORS && type != NV2080_ENGINE_TYPE_NULL) {
			gsp->intr_table[n].type = type;
			gsp->intr_table[n].vector = vec;
			n++;
		}
		if (p->table[i].engineIdx != MC_ENGINE_IDX_GSP || !ret)
			continue;
		if (p->table[i].vectorStall < NVC_INTR_VECTORS) {
			gsp->gsp_vector = p->table[i].vectorStall;
			ret = 0;
		}
	}
	gsp->nr_intr_table = n;
out:
	if (ret)
		dev_err(gsp->gpu->dev, "nvcore: no usable GSP interrupt vector in the kernel interrupt table (%d)\n",
			ret);
	kfree(p);
	return ret;
}

/* GSP_LOCKDOWN_NOTICE: 1 engaged, 0 disengaged, -EINVAL when short. */
static int nvc_fw_lockdown(const void *payload, size_t len)
{
	const struct rpc_gsp_lockdown_notice_v17_00 *n = payload;

	if (len < sizeof(*n))
		return -EINVAL;
	return n->bLockdownEngaging ? 1 : 0;
}
