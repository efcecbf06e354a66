// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: GSP-RM RPC service, RM object tree and controls.
 *
 * Compiled once per firmware version, through sim/fwabi.c, against that
 * version's headers (sim/abi.h): every size checked and every structure
 * written below is the version's; "#if NVSIM_ABI_VER" marks where the
 * versions differ in more than sizes.
 *
 * DOC: nvsim RPC service
 *
 * Every function runs on the GSP thread with the request payload in a
 * buffer it may overwrite: replies are the request with outputs filled in
 * (fact sheet section 3). Functions:
 *
 * - NOP (0): answered at once, payload echoed, any size (nvsim's own
 *   echo service for the driver's self-test; no NVIDIA driver sends NOP,
 *   and what GSP-RM does with it is not public).
 * - FREE (10): frees an object and its subtree (a client: everything).
 * - GET_GSP_STATIC_INFO (65): GspStaticConfigInfo of the chip.
 * - GSP_RM_CONTROL (76), GSP_RM_ALLOC (103): see below.
 * - anything else: rpc_result NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION.
 *
 * Objects: NV01_ROOT (hClient == hParent == hObject), NV01_DEVICE_0 under a
 * client (deviceId 0), NV20_SUBDEVICE_0 under a device (subDeviceId 0),
 * NV01_EVENT_KERNEL_CALLBACK(_EX)/OS_EVENT under a subdevice. The internal
 * client, device and subdevice exist from boot and cannot be freed. Handles
 * are unique per client. At most 65536 objects per GPU.
 *
 * Status codes: unknown client NV_ERR_INVALID_CLIENT; unknown parent
 * NV_ERR_INVALID_OBJECT_PARENT; unknown object NV_ERR_INVALID_OBJECT_HANDLE;
 * zero new handle NV_ERR_INVALID_OBJECT_NEW; duplicate handle
 * NV_ERR_INSERT_DUPLICATE_NAME; unknown class or wrong parent class
 * NV_ERR_INVALID_CLASS; a class of the chip that is not modelled
 * NV_ERR_NOT_SUPPORTED; params size not the structure's, or paramsSize past
 * the payload, NV_ERR_INVALID_PARAM_STRUCT; bad field values
 * NV_ERR_INVALID_ARGUMENT; object limit NV_ERR_NO_MEMORY; freeing internal
 * objects NV_ERR_INSUFFICIENT_PERMISSIONS. For ALLOC and FREE the same
 * code goes into the payload status and rpc_result (OGKM's
 * rpcRmApiAlloc_GSP and rpcRmApiFree_GSP see a failure only in
 * rpc_result); a control's status goes into its params only, with
 * rpc_result NV_OK (OGKM rpcRmApiControl_GSP, COPYOUT_ON_ERROR).
 *
 * Controls (cmd >> 16 must be the target's class, else NV_ERR_NOT_SUPPORTED;
 * paramsSize must equal the parameter structure): NV0080 GPU_GET_CLASSLIST
 * (count only) and GPU_GET_CLASSLIST_V2; NV2080 GPU_GET_INFO_V2 (all values
 * 0), GPU_GET_GID_INFO, GPU_GET_ENGINES_V2, FB_GET_INFO_V2, FB_GET_FB_REGION_INFO,
 * EVENT_SET_NOTIFICATION, BIOS_GET_SKU_INFO and INTERNAL_INTR_GET_KERNEL_TABLE
 * (internal subdevice only); NV90F1 VASPACE_COPY_SERVER_RESERVED_PDES
 * (sim/mmu.c, as is FERMI_VASPACE_A under a device); channel groups,
 * GPFIFO channels, copy-engine objects and their controls: sim/chan.c;
 * others NV_ERR_NOT_SUPPORTED.
 *
 * INTERNAL_INTR_GET_KERNEL_TABLE: first the GSP entry (engineIdx
 * MC_ENGINE_IDX_GSP, stall vector NVSIM_INTR_VECTOR_GSP, no non-stall
 * vector), then one entry per engine of the chip that has an MC engine
 * index, in the chip's engine order (sim/chips.c): engineIdx = its
 * MC_ENGINE_IDX_* (OGKM engine_idx.h, fwabi_engine_to_mc()), pmcIntrMask 0,
 * vectorStall 0xffffffff (none), vectorNonStall =
 * NVSIM_INTR_VECTOR_NONSTALL_BASE + the engine's list index (the vector
 * debugfs inject "nonstall" raises); subtreeMap gives the category subtrees
 * of OGKM intrInitSubtreeMap_TU102 (notification 0, UVM owned 1, UVM shared
 * 2, engines 3).
 */
/* Space GSP-RM keeps for itself between usable FB and the non-WPR heap. */
#define NVSIM_FB_RM_RESERVED	(64ULL << 20)
#define NVSIM_INTR_VECTOR_NONE	0xffffffffu
/*
 * NV2080_INTR_CATEGORY_* (OGKM ctrl2080internal.h): index into subtreeMap,
 * an array of { u8 subtreeStart, u8 subtreeEnd } kept opaque in rm.h.
 */
#define NVSIM_INTR_CAT_ENGINE		1
#define NVSIM_INTR_CAT_NOTIFY		2
#define NVSIM_INTR_CAT_UVM_OWNED	5
#define NVSIM_INTR_CAT_UVM_SHARED	6
#define NVSIM_GID_FORMAT_BINARY	0x2
#define NVSIM_GID_BINARY_LEN	16
#define NVSIM_MAX_EVENTS	256

/* ---- object tree ---- */

static struct nvsim_obj *nvsim_obj_find(struct nvsim_gpu *gpu, u32 client,
					u32 handle)
{
	return nvsim_obj_lookup(gpu, client, handle);	/* sim/obj.c */
}

static struct nvsim_obj *nvsim_obj_new(struct nvsim_gpu *gpu, u32 client,
				       u32 handle, struct nvsim_obj *parent,
				       u32 cls)
{
	struct nvsim_obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	if (!o)
		return NULL;
	o->client = client;
	o->handle = handle;
	o->h_parent = parent ? parent->handle : handle;
	o->cls = cls;
	o->parent = parent;
	INIT_LIST_HEAD(&o->children);
	INIT_LIST_HEAD(&o->sibling);
	if (parent)
		list_add_tail(&o->sibling, &parent->children);
	hash_add(gpu->rm.objs, &o->node, nvsim_obj_key(client, handle));
	gpu->rm.count++;
	atomic64_set(&gpu->stats[NVSIM_S_OBJECTS_LIVE], gpu->rm.count);
	return o;
}

/* Depth is bounded by the class rules (client > device > subdevice > event). */
static void nvsim_obj_free(struct nvsim_gpu *gpu, struct nvsim_obj *o)
{
	struct nvsim_obj *c, *tmp;

	list_for_each_entry_safe(c, tmp, &o->children, sibling)
		nvsim_obj_free(gpu, c);
	if (o->cls == FERMI_VASPACE_A)
		nvsim_vas_forget(gpu, o->client, o->handle);
	if (nvsim_fifo_class(gpu, o->cls))
		nvsim_fifo_free(gpu, o);
	list_del(&o->sibling);
	hash_del(&o->node);
	kfree(o);
	gpu->rm.count--;
	atomic64_set(&gpu->stats[NVSIM_S_OBJECTS_LIVE], gpu->rm.count);
}

/**
 * fwabi_rm_reset() - free every RM object
 * @gpu: the GPU
 */
static void fwabi_rm_reset(struct nvsim_gpu *gpu)
{
	struct hlist_node *tmp;
	struct nvsim_obj *o;
	unsigned int bkt;

	nvsim_fifo_reset(gpu);
	hash_for_each_safe(gpu->rm.objs, bkt, tmp, o, node) {
		hash_del(&o->node);
		kfree(o->priv);
		kfree(o);
	}
	gpu->rm.count = 0;
	atomic64_set(&gpu->stats[NVSIM_S_OBJECTS_LIVE], 0);
	nvsim_vgpu_reset(gpu);
	nvsim_vas_reset(gpu);
}

/**
 * fwabi_rm_init() - create GSP-RM's internal client, device and subdevice
 * @gpu: the GPU
 */
static void fwabi_rm_init(struct nvsim_gpu *gpu)
{
	struct nvsim_obj *c, *d;

	fwabi_rm_reset(gpu);
	c = nvsim_obj_new(gpu, NVSIM_H_INTERNAL_CLIENT, NVSIM_H_INTERNAL_CLIENT,
			  NULL, NV01_ROOT);
	d = c ? nvsim_obj_new(gpu, c->client, NVSIM_H_INTERNAL_DEVICE, c,
			      NV01_DEVICE_0) : NULL;
	if (d)
		nvsim_obj_new(gpu, c->client, NVSIM_H_INTERNAL_SUBDEVICE, d,
			      NV20_SUBDEVICE_0);
}

static bool nvsim_is_event_class(u32 cls)
{
	return cls == NV01_EVENT_KERNEL_CALLBACK || cls == NV01_EVENT_OS_EVENT ||
	       cls == NV01_EVENT_KERNEL_CALLBACK_EX;
}

static bool nvsim_chip_has_class(struct nvsim_gpu *gpu, u32 cls)
{
	u32 classes[NV0080_CTRL_GPU_CLASSLIST_MAX_SIZE];
	unsigned int i, n;

	n = nvsim_chip_classes(gpu->chip, classes, ARRAY_SIZE(classes));
	for (i = 0; i < n; i++)
		if (classes[i] == cls)
			return true;
	return false;
}

/* Channel groups, channels, CE objects: sim/chan.c validates. */
static u32 nvsim_alloc_fifo(struct nvsim_gpu *gpu, struct nvsim_obj *parent,
			    u32 h_object, u32 cls, void *params, u32 size)
{
	struct nvsim_obj *o;
	u32 st;

	if (nvsim_obj_find(gpu, parent->client, h_object))
		return NV_ERR_INSERT_DUPLICATE_NAME;
	o = nvsim_obj_new(gpu, parent->client, h_object, parent, cls);
	if (!o)
		return NV_ERR_NO_MEMORY;
	st = nvsim_fifo_alloc(gpu, parent, o, params, size);
	if (st != NV_OK)
		nvsim_obj_free(gpu, o);
	return st;
}

static u32 nvsim_alloc_obj(struct nvsim_gpu *gpu, u32 h_client, u32 h_parent,
			   u32 h_object, u32 cls, const u8 *params, u32 size)
{
	struct nvsim_obj *client, *parent, *o;
	u32 want_parent, want_size;

	if (gpu->rm.count >= NVSIM_RM_MAX_OBJECTS)
		return NV_ERR_NO_MEMORY;
	if (cls == NV01_ROOT) {
		if (!h_object)
			return NV_ERR_INVALID_OBJECT_NEW;
		if (h_client != h_object || h_parent != h_object)
			return NV_ERR_INVALID_OBJECT_PARENT;
		if (nvsim_obj_find(gpu, h_object, h_object))
			return NV_ERR_INSERT_DUPLICATE_NAME;
		if (size != sizeof(struct NV0000_ALLOC_PARAMETERS))
			return NV_ERR_INVALID_PARAM_STRUCT;
		return nvsim_obj_new(gpu, h_object, h_object, NULL, cls) ?
		       NV_OK : NV_ERR_NO_MEMORY;
	}

	client = nvsim_obj_find(gpu, h_client, h_client);
	if (!client)
		return NV_ERR_INVALID_CLIENT;
	parent = nvsim_obj_find(gpu, h_client, h_parent);
	if (!parent)
		return NV_ERR_INVALID_OBJECT_PARENT;
	if (!h_object)
		return NV_ERR_INVALID_OBJECT_NEW;

	switch (cls) {
	case NV01_DEVICE_0:
		want_parent = NV01_ROOT;
		want_size = sizeof(struct NV0080_ALLOC_PARAMETERS);
		break;
	case NV20_SUBDEVICE_0:
		want_parent = NV01_DEVICE_0;
		want_size = sizeof(struct NV2080_ALLOC_PARAMETERS);
		break;
	case NV01_EVENT_KERNEL_CALLBACK:
	case NV01_EVENT_OS_EVENT:
	case NV01_EVENT_KERNEL_CALLBACK_EX:
		want_parent = NV20_SUBDEVICE_0;
		want_size = sizeof(struct NV0005_ALLOC_PARAMETERS);
		break;
	case NVA081_VGPU_CONFIG:	/* sim/vgpu.c; no parameters */
		want_parent = NV20_SUBDEVICE_0;
		want_size = 0;
		break;
	case FERMI_VASPACE_A:	/* sim/mmu.c */
		want_parent = NV01_DEVICE_0;
		want_size = sizeof(struct NV_VASPACE_ALLOCATION_PARAMETERS);
		break;
	default:
		if (nvsim_fifo_class(gpu, cls))	/* sim/chan.c */
			return nvsim_alloc_fifo(gpu, parent, h_object, cls,
						(void *)params, size);
		return nvsim_chip_has_class(gpu, cls) ? NV_ERR_NOT_SUPPORTED :
		       NV_ERR_INVALID_CLASS;
	}
	if (parent->cls != want_parent)
		return NV_ERR_INVALID_CLASS;
	if (nvsim_obj_find(gpu, h_client, h_object))
		return NV_ERR_INSERT_DUPLICATE_NAME;
	if (size != want_size)
		return NV_ERR_INVALID_PARAM_STRUCT;

	if (cls == NV01_DEVICE_0 &&
	    ((const struct NV0080_ALLOC_PARAMETERS *)params)->deviceId)
		return NV_ERR_INVALID_ARGUMENT;
	if (cls == NV20_SUBDEVICE_0 &&
	    ((const struct NV2080_ALLOC_PARAMETERS *)params)->subDeviceId)
		return NV_ERR_INVALID_ARGUMENT;
	if (cls == FERMI_VASPACE_A && fwabi_vas_alloc_check(params))
		return NV_ERR_INVALID_ARGUMENT;
	if (nvsim_is_event_class(cls)) {
		const struct NV0005_ALLOC_PARAMETERS *e = (const void *)params;

		if (e->hClass != cls || (e->notifyIndex & 0xffff) >= NVSIM_MAX_EVENTS)
			return NV_ERR_INVALID_ARGUMENT;
	}
	o = nvsim_obj_new(gpu, h_client, h_object, parent, cls);
	if (!o)
		return NV_ERR_NO_MEMORY;
	if (nvsim_is_event_class(cls))
		o->notify_index = ((const struct NV0005_ALLOC_PARAMETERS *)params)->notifyIndex;
	return NV_OK;
}

static u32 nvsim_rpc_alloc(struct nvsim_gpu *gpu, u8 *p, u64 len)
{
	struct rpc_gsp_rm_alloc_v03_00 *a = (void *)p;
	u32 status;

	if (len < sizeof(*a))
		return NV_ERR_INVALID_PARAM_STRUCT;
	if (a->paramsSize > len - sizeof(*a))
		status = NV_ERR_INVALID_PARAM_STRUCT;
	else
		status = nvsim_alloc_obj(gpu, a->hClient, a->hParent, a->hObject,
					 a->hClass, a->params, a->paramsSize);
	a->status = status;
	return status;
}

static u32 nvsim_rpc_free(struct nvsim_gpu *gpu, u8 *p, u64 len)
{
	struct rpc_free_v03_00 *f = (void *)p;
	struct nvsim_obj *o;
	u32 status;

	if (len < sizeof(*f))
		return NV_ERR_INVALID_PARAM_STRUCT;
	o = nvsim_obj_find(gpu, f->params.hRoot, f->params.hObjectOld);
	if (!nvsim_obj_find(gpu, f->params.hRoot, f->params.hRoot))
		status = NV_ERR_INVALID_CLIENT;
	else if (!o)
		status = NV_ERR_INVALID_OBJECT_HANDLE;
	else if (o->client == NVSIM_H_INTERNAL_CLIENT &&
		 (o->handle == NVSIM_H_INTERNAL_CLIENT ||
		  o->handle == NVSIM_H_INTERNAL_DEVICE ||
		  o->handle == NVSIM_H_INTERNAL_SUBDEVICE))
		status = NV_ERR_INSUFFICIENT_PERMISSIONS;
	else
		status = NV_OK;
	if (status == NV_OK)
		nvsim_obj_free(gpu, o);
	f->params.status = status;
	return status;
}

/* ---- chip data ---- */

/* Deterministic per GPU: a splitmix64 stream from the chip and index. */
static void nvsim_uuid(struct nvsim_gpu *gpu, u8 out[NVSIM_GID_BINARY_LEN])
{
	u64 s = ((u64)gpu->chip->boot0 << 32) ^ (0x6e7673696dull + gpu->index);
	unsigned int i, k;

	for (i = 0; i < 2; i++) {
		u64 z = (s += 0x9e3779b97f4a7c15ull);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
		z ^= z >> 31;
		for (k = 0; k < 8; k++)
			out[i * 8 + k] = (u8)(z >> (8 * k));
	}
	out[6] = (out[6] & 0x0f) | 0x40;	/* RFC 4122 version 4 */
	out[8] = (out[8] & 0x3f) | 0x80;
}

static void nvsim_fb_layout(struct nvsim_gpu *gpu, u64 *usable_end,
			    u64 *rsvd_start)
{
	u64 vram = gpu->chip->vram_size;
	u64 rsvd = gpu->fw.wpr.gspFwRsvdStart;

	if (!rsvd || rsvd > vram || rsvd < 2 * NVSIM_FB_RM_RESERVED)
		rsvd = vram - (512ULL << 20);
	*rsvd_start = rsvd;
	*usable_end = ALIGN_DOWN(rsvd - NVSIM_FB_RM_RESERVED, SZ_2M);
}

static void nvsim_fill_regions(struct nvsim_gpu *gpu,
			       struct NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO_PARAMS *r)
{
	struct NV2080_CTRL_CMD_FB_GET_FB_REGION_FB_REGION_INFO *e = r->fbRegion;
	u64 usable_end, rsvd;

	nvsim_fb_layout(gpu, &usable_end, &rsvd);
	memset(r, 0, sizeof(*r));
	r->numFBRegions = 2;
	e[0].base = 0;
	e[0].limit = usable_end - 1;
	e[0].performance = 100;
	e[0].supportCompressed = 1;
	e[0].supportISO = 1;
	e[1].base = rsvd;
	e[1].limit = gpu->chip->vram_size - 1;
	e[1].reserved = gpu->chip->vram_size - rsvd;
	e[1].bProtected = 1;
}

static void nvsim_fill_sku(struct nvsim_gpu *gpu,
			   struct NV2080_CTRL_BIOS_GET_SKU_INFO_PARAMS *s)
{
	const struct nvsim_chip *c = gpu->chip;

	memset(s, 0, sizeof(*s));
	s->BoardID = c->board_id;
	strscpy(s->chipSKU, c->chip_sku, sizeof(s->chipSKU));
	strscpy(s->project, c->project, sizeof(s->project));
	strscpy(s->projectSKU, c->project_sku, sizeof(s->projectSKU));
	strscpy(s->CDP, "N/A", sizeof(s->CDP));
}

static void nvsim_static_info(struct nvsim_gpu *gpu,
			      struct GspStaticConfigInfo *si)
{
	const struct nvsim_chip *c = gpu->chip;
	u64 usable_end, rsvd;
	unsigned int i, n __maybe_unused = 0;

	nvsim_fb_layout(gpu, &usable_end, &rsvd);
	memset(si, 0, sizeof(*si));
	si->gidInfo.flags = NVSIM_GID_FORMAT_BINARY;
	si->gidInfo.length = NVSIM_GID_BINARY_LEN;
	nvsim_uuid(gpu, si->gidInfo.data);
#if NVSIM_ABI_VER < 570	/* 570 dropped the GPC, TPC, ZCULL and SM info */
	si->gpcInfo.gpcMask = c->gpc_mask;
	for (i = 0; i < MAX_GPC_COUNT; i++) {
		if (!(c->gpc_mask & BIT(i)))
			continue;
		si->tpcInfo[n].gpcId = i;
		si->tpcInfo[n].tpcMask = c->tpc_mask;
		si->zcullInfo[n].gpcId = i;
		si->zcullInfo[n].zcullMask = c->tpc_mask;
		n++;
	}
#endif
	nvsim_fill_sku(gpu, &si->SKUInfo);
	nvsim_fill_regions(gpu, &si->fbRegionInfoParams);
	si->sriovCaps.totalVFs = c->total_vfs;
	si->sriovCaps.firstVfOffset = c->total_vfs ? 4 : 0;
	si->sriovCaps.bar0Size = c->total_vfs ? SZ_16M : 0;
	si->sriovCaps.bar1Size = c->total_vfs ? SZ_1G : 0;
	si->sriovCaps.bar2Size = c->total_vfs ? SZ_32M : 0;
	si->sriovCaps.b64bitBar1 = 1;
	si->sriovCaps.b64bitBar2 = 1;
	si->sriovMaxGfid = c->total_vfs;
	for (i = 0; i < c->nr_engines; i++) {
		u32 t = fwabi_engine_to_rm(c->engines[i]);

		if (t && t < 32 * NVGPU_ENGINE_CAPS_MASK_ARRAY_MAX)
			si->engineCaps[t / 32] |= BIT(t % 32);
	}
#if NVSIM_ABI_VER < 570
	si->SM_info.version = c->libos3 ? 0x800 : 0x705;
	si->SM_info.regBankCount = 4;
	si->SM_info.regBankRegCount = 16384;
	si->SM_info.maxWarpsPerSM = c->libos3 ? 48 : 32;
	si->SM_info.maxThreadsPerWarp = 32;
	si->SM_info.maxSPPerSM = c->libos3 ? 128 : 64;
	si->SM_info.rtCoreCount = 1;
#endif
	si->fb_length = c->vram_size;
	si->fbio_mask = c->fbp_mask;
	si->fb_bus_width = c->fb_bus_width;
	si->fbp_mask = c->fbp_mask;
	si->l2_cache_size = c->l2_cache_size;
	strscpy(si->gpuNameString, c->board_name, sizeof(si->gpuNameString));
	strscpy(si->gpuShortNameString, c->short_name,
		sizeof(si->gpuShortNameString));
	for (i = 0; c->board_name[i] && i < NVRM_GPU_NAME_STRING_LENGTH - 1; i++)
		si->gpuNameString_Unicode[i] = (u8)c->board_name[i];
	si->bIsQuadroGeneric = !c->total_vfs || c->pci_device == 0x2230;
	si->bIsTesla = c->pci_device == 0x26b5;
	si->bar1PdeBase = usable_end + SZ_2M;
	si->bar2PdeBase = usable_end + SZ_4M;
	si->bVbiosValid = 1;
	si->vbiosSubVendor = gpu->pdata.subvendor;
	si->vbiosSubDevice = gpu->pdata.subdevice;
	si->bPageRetirementSupported = 1;
	si->displaylessMaxHeads.numHeads = 4;
	si->displaylessMaxHeads.maxNumHeads = 4;
	si->displaylessMaxResolution.maxHResolution = 5120;
	si->displaylessMaxResolution.maxVResolution = 2880;
	si->displaylessMaxPixels = 5120 * 2880;
	si->hInternalClient = NVSIM_H_INTERNAL_CLIENT;
	si->hInternalDevice = NVSIM_H_INTERNAL_DEVICE;
	si->hInternalSubdevice = NVSIM_H_INTERNAL_SUBDEVICE;
}

/* ---- controls ---- */

static u32 nvsim_fb_info(struct nvsim_gpu *gpu, u32 index, u32 *data)
{
	const struct nvsim_chip *c = gpu->chip;
	u64 usable_end, rsvd;

	nvsim_fb_layout(gpu, &usable_end, &rsvd);
	switch (index) {
	case NV2080_CTRL_FB_INFO_INDEX_RAM_SIZE:
	case NV2080_CTRL_FB_INFO_INDEX_TOTAL_RAM_SIZE:
		*data = c->vram_size >> 10;
		break;
	case NV2080_CTRL_FB_INFO_INDEX_HEAP_SIZE:
	case NV2080_CTRL_FB_INFO_INDEX_USABLE_RAM_SIZE:
	case NV2080_CTRL_FB_INFO_INDEX_MAPPABLE_HEAP_SIZE:
	case NV2080_CTRL_FB_INFO_INDEX_HEAP_FREE:
	case NV2080_CTRL_FB_INFO_INDEX_LARGEST_FREE_REGION_SIZE_KB:
		*data = usable_end >> 10;
		break;
	case NV2080_CTRL_FB_INFO_INDEX_BAR1_SIZE:
	case NV2080_CTRL_FB_INFO_INDEX_BAR1_AVAIL_SIZE:
	case NV2080_CTRL_FB_INFO_INDEX_BAR1_MAX_CONTIGUOUS_AVAIL_SIZE:
		*data = c->bar1_size >> 10;
		break;
	case NV2080_CTRL_FB_INFO_INDEX_BUS_WIDTH:
		*data = c->fb_bus_width;
		break;
	case NV2080_CTRL_FB_INFO_INDEX_L2CACHE_SIZE:
		*data = c->l2_cache_size;
		break;
	case NV2080_CTRL_FB_INFO_INDEX_FBP_MASK:
	case NV2080_CTRL_FB_INFO_INDEX_PARTITION_MASK:
		*data = c->fbp_mask;
		break;
	case NV2080_CTRL_FB_INFO_INDEX_FBP_COUNT:
	case NV2080_CTRL_FB_INFO_INDEX_PARTITION_COUNT:
		*data = hweight32(c->fbp_mask);
		break;
	default:	/* FB_IS_BROKEN, HEAP_BASE_KB, ...: 0 */
		*data = 0;
		break;
	}
	return index > NV2080_CTRL_FB_INFO_INDEX_MAX ? NV_ERR_INVALID_ARGUMENT : NV_OK;
}

/* Parameter size of each modelled control. */
static const struct {
	u32 cmd;
	u32 size;
} nvsim_ctrl_sizes[] = {
	{ NV0080_CTRL_CMD_GPU_GET_CLASSLIST,
	  sizeof(struct NV0080_CTRL_GPU_GET_CLASSLIST_PARAMS) },
	{ NV0080_CTRL_CMD_GPU_GET_CLASSLIST_V2,
	  sizeof(struct NV0080_CTRL_GPU_GET_CLASSLIST_V2_PARAMS) },
	{ NV2080_CTRL_CMD_GPU_GET_INFO_V2,
	  sizeof(struct NV2080_CTRL_GPU_GET_INFO_V2_PARAMS) },
	{ NV2080_CTRL_CMD_GPU_GET_GID_INFO,
	  sizeof(struct NV2080_CTRL_GPU_GET_GID_INFO_PARAMS) },
	{ NV2080_CTRL_CMD_GPU_GET_ENGINES_V2,
	  sizeof(struct NV2080_CTRL_GPU_GET_ENGINES_V2_PARAMS) },
	{ NV2080_CTRL_CMD_FB_GET_INFO_V2,
	  sizeof(struct NV2080_CTRL_FB_GET_INFO_V2_PARAMS) },
	{ NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO,
	  sizeof(struct NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO_PARAMS) },
	{ NV2080_CTRL_CMD_EVENT_SET_NOTIFICATION,
	  sizeof(struct NV2080_CTRL_EVENT_SET_NOTIFICATION_PARAMS) },
	{ NVSIM_CTRL_CMD_BIOS_GET_SKU_INFO,
	  sizeof(struct NV2080_CTRL_BIOS_GET_SKU_INFO_PARAMS) },
	{ NV2080_CTRL_CMD_INTERNAL_INTR_GET_KERNEL_TABLE,
	  sizeof(struct NV2080_CTRL_INTERNAL_INTR_GET_KERNEL_TABLE_PARAMS) },
	{ NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES,
	  sizeof(struct NV90F1_CTRL_VASPACE_COPY_SERVER_RESERVED_PDES_PARAMS) },
};

static void nvsim_subtree(struct NV2080_CTRL_INTERNAL_INTR_GET_KERNEL_TABLE_PARAMS *p,
			  unsigned int category, u8 subtree)
{
	p->subtreeMap[2 * category] = subtree;
	p->subtreeMap[2 * category + 1] = subtree;
}

static u32 nvsim_ctrl(struct nvsim_gpu *gpu, struct nvsim_obj *o, u32 cmd,
		      void *params, u32 size)
{
	u32 classes[NV0080_CTRL_GPU_CLASSLIST_MAX_SIZE];
	const struct nvsim_chip *c = gpu->chip;
	unsigned int i, n;

	if (nvsim_fifo_ctrl_known(gpu, o, cmd))	/* sim/chan.c */
		return nvsim_fifo_ctrl(gpu, o, cmd, params, size);
	if (cmd >> 16 != o->cls)
		return NV_ERR_NOT_SUPPORTED;
	if (nvsim_vgpu_ctrl_known(cmd))		/* sim/vgpu_ctrl.c */
		return nvsim_vgpu_ctrl(gpu, cmd, params, size);
	for (i = 0; i < ARRAY_SIZE(nvsim_ctrl_sizes); i++)
		if (nvsim_ctrl_sizes[i].cmd == cmd)
			break;
	if (i == ARRAY_SIZE(nvsim_ctrl_sizes))
		return NV_ERR_NOT_SUPPORTED;
	if (size != nvsim_ctrl_sizes[i].size)
		return NV_ERR_INVALID_PARAM_STRUCT;

	switch (cmd) {
	case NV0080_CTRL_CMD_GPU_GET_CLASSLIST: {
		struct NV0080_CTRL_GPU_GET_CLASSLIST_PARAMS *p = params;

		p->numClasses = nvsim_chip_classes(c, classes, ARRAY_SIZE(classes));
		return p->classList ? NV_ERR_INVALID_POINTER : NV_OK;
	}
	case NV0080_CTRL_CMD_GPU_GET_CLASSLIST_V2: {
		struct NV0080_CTRL_GPU_GET_CLASSLIST_V2_PARAMS *p = params;

		memset(p, 0, sizeof(*p));
		p->numClasses = nvsim_chip_classes(c, p->classList,
						   ARRAY_SIZE(p->classList));
		return NV_OK;
	}
	case NV2080_CTRL_CMD_GPU_GET_INFO_V2: {
		struct NV2080_CTRL_GPU_GET_INFO_V2_PARAMS *p = params;

		if (p->gpuInfoListSize > NV2080_CTRL_GPU_INFO_MAX_LIST_SIZE)
			return NV_ERR_INVALID_ARGUMENT;
		for (i = 0; i < p->gpuInfoListSize; i++)
			p->gpuInfoList[i].data = 0;
		return NV_OK;
	}
	case NV2080_CTRL_CMD_GPU_GET_GID_INFO: {
		struct NV2080_CTRL_GPU_GET_GID_INFO_PARAMS *p = params;
		u8 id[NVSIM_GID_BINARY_LEN];

		nvsim_uuid(gpu, id);
		memset(p->data, 0, sizeof(p->data));
		if (p->flags & NVSIM_GID_FORMAT_BINARY) {
			memcpy(p->data, id, sizeof(id));
			p->length = sizeof(id);
		} else {
			p->length = 1 + snprintf((char *)p->data, sizeof(p->data),
						 "GPU-%*phN-%*phN-%*phN-%*phN-%*phN",
						 4, id, 2, id + 4, 2, id + 6,
						 2, id + 8, 6, id + 10);
		}
		return NV_OK;
	}
	case NV2080_CTRL_CMD_GPU_GET_ENGINES_V2: {
		struct NV2080_CTRL_GPU_GET_ENGINES_V2_PARAMS *p = params;

		memset(p, 0, sizeof(*p));
		p->engineCount = c->nr_engines;
		memcpy(p->engineList, c->engines, c->nr_engines * sizeof(u32));
		return NV_OK;
	}
	case NV2080_CTRL_CMD_FB_GET_INFO_V2: {
		struct NV2080_CTRL_FB_GET_INFO_V2_PARAMS *p = params;
		u32 ret = NV_OK;

		if (p->fbInfoListSize > NV2080_CTRL_FB_INFO_MAX_LIST_SIZE)
			return NV_ERR_INVALID_ARGUMENT;
		for (i = 0; i < p->fbInfoListSize; i++)
			if (nvsim_fb_info(gpu, p->fbInfoList[i].index,
					  &p->fbInfoList[i].data))
				ret = NV_ERR_INVALID_ARGUMENT;
		return ret;
	}
	case NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO:
		nvsim_fill_regions(gpu, params);
		return NV_OK;
	case NV2080_CTRL_CMD_EVENT_SET_NOTIFICATION: {
		struct NV2080_CTRL_EVENT_SET_NOTIFICATION_PARAMS *p = params;

		if (p->event >= NVSIM_MAX_EVENTS ||
		    p->action > NV2080_CTRL_EVENT_SET_NOTIFICATION_ACTION_REPEAT)
			return NV_ERR_INVALID_ARGUMENT;
		if (p->action == NV2080_CTRL_EVENT_SET_NOTIFICATION_ACTION_DISABLE)
			clear_bit(p->event, o->events);
		else
			set_bit(p->event, o->events);
		return NV_OK;
	}
	case NVSIM_CTRL_CMD_BIOS_GET_SKU_INFO:
		nvsim_fill_sku(gpu, params);
		return NV_OK;
	case NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES:
		return fwabi_vas_copy_pdes(gpu, o->client, o->handle, params);
	case NV2080_CTRL_CMD_INTERNAL_INTR_GET_KERNEL_TABLE: {
		struct NV2080_CTRL_INTERNAL_INTR_GET_KERNEL_TABLE_PARAMS *p = params;

		if (o->client != NVSIM_H_INTERNAL_CLIENT ||
		    o->handle != NVSIM_H_INTERNAL_SUBDEVICE)
			return NV_ERR_INSUFFICIENT_PERMISSIONS;
		memset(p, 0, sizeof(*p));
		p->table[0].engineIdx = MC_ENGINE_IDX_GSP;
		p->table[0].vectorStall = NVSIM_INTR_VECTOR_GSP;
		p->table[0].vectorNonStall = NVSIM_INTR_VECTOR_NONE;
		n = 1;
		for (i = 0; i < c->nr_engines && n < ARRAY_SIZE(p->table); i++) {
			u32 mc = fwabi_engine_to_mc(c->engines[i]);

			if (mc == MC_ENGINE_IDX_NULL)
				continue;
			p->table[n].engineIdx = mc;
			p->table[n].vectorStall = NVSIM_INTR_VECTOR_NONE;
			p->table[n].vectorNonStall =
				NVSIM_INTR_VECTOR_NONSTALL_BASE + i;
			n++;
		}
		p->tableLen = n;
		nvsim_subtree(p, NVSIM_INTR_CAT_ENGINE,
			      NVSIM_INTR_SUBTREE_STALL);
		nvsim_subtree(p, NVSIM_INTR_CAT_NOTIFY,
			      NVSIM_INTR_SUBTREE_NOTIFY);
		nvsim_subtree(p, NVSIM_INTR_CAT_UVM_OWNED,
			      NVSIM_INTR_SUBTREE_UVM_OWNED);
		nvsim_subtree(p, NVSIM_INTR_CAT_UVM_SHARED,
			      NVSIM_INTR_SUBTREE_UVM_SHARED);
		return NV_OK;
	}
	}
	return NV_ERR_NOT_SUPPORTED;
}

static u32 nvsim_rpc_control(struct nvsim_gpu *gpu, u8 *p, u64 len)
{
	struct rpc_gsp_rm_control_v03_00 *c = (void *)p;
	struct nvsim_obj *o;
	u32 status;

	if (len < sizeof(*c))
		return NV_ERR_INVALID_PARAM_STRUCT;
	o = nvsim_obj_find(gpu, c->hClient, c->hObject);
	if (c->paramsSize > len - sizeof(*c))
		status = NV_ERR_INVALID_PARAM_STRUCT;
	else if (!nvsim_obj_find(gpu, c->hClient, c->hClient))
		status = NV_ERR_INVALID_CLIENT;
	else if (!o)
		status = NV_ERR_INVALID_OBJECT_HANDLE;
	else
		status = nvsim_ctrl(gpu, o, c->cmd, c->params, c->paramsSize);
	c->status = status;
	/*
	 * The control ran (or was refused): its status is in the params and
	 * the RPC itself succeeded (OGKM kernel/vgpu/nv/rpc.c reads a failing
	 * control's status from the params when rpc_result is 0).
	 */
	return NV_OK;
}

/* ---- boot-time RPCs ---- */

static void nvsim_bad_input(struct nvsim_gpu *gpu, const char *what)
{
	nvsim_stat_inc(gpu, NVSIM_S_BAD_INPUT);
	pr_warn_ratelimited("nvsim: GPU %u: %s\n", gpu->index, what);
	nvsim_logf(gpu, NVSIM_LOGINIT, "%s", what);
	nvsim_os_error(gpu, GSP_ERROR, "nvsim: %s", what);
}

/**
 * fwabi_sysinfo() - consume GSP_SET_SYSTEM_INFO
 * @gpu: the GPU
 * @p: payload
 * @len: payload bytes
 *
 * Return: NV_OK or the NV_STATUS of the problem (also reported with
 * OS_ERROR_LOG; no reply is sent either way).
 */
static u32 fwabi_sysinfo(struct nvsim_gpu *gpu, const u8 *p, u64 len)
{
	const struct GspSystemInfo *s = (const void *)p;

	if (len != sizeof(*s)) {
		nvsim_bad_input(gpu, "GSP_SET_SYSTEM_INFO has the wrong size");
		return NV_ERR_INVALID_PARAM_STRUCT;
	}
	if (s->pciConfigMirrorBase != NVRM_PCI_CONFIG_MIRROR_BASE ||
	    s->pciConfigMirrorSize != NVRM_PCI_CONFIG_MIRROR_SIZE || !s->maxUserVa) {
		nvsim_bad_input(gpu, "GSP_SET_SYSTEM_INFO: bad config mirror or maxUserVa");
		return NV_ERR_INVALID_ARGUMENT;
	}
	nvsim_logf(gpu, NVSIM_LOGINIT, "system info: BDF %#llx%s, maxUserVa %#llx",
		   s->nvDomainBusDeviceFunc,
		   s->nvDomainBusDeviceFunc == gpu->pdata.bdf ? "" : " (not ours)",
		   s->maxUserVa);
	return NV_OK;
}

/* Length of a NUL-terminated string inside [off, end), or -1. */
static int nvsim_strlen_in(const u8 *p, u64 off, u64 end)
{
	u64 i;

	for (i = off; i < end; i++)
		if (!p[i])
			return i - off;
	return -1;
}

/**
 * fwabi_registry() - consume SET_REGISTRY
 * @gpu: the GPU
 * @p: payload (PACKED_REGISTRY_TABLE)
 * @len: payload bytes
 *
 * Accepts both conventions for the table's size field (whole table, or
 * without the 8-byte header). Every offset and string must be in bounds.
 *
 * Return: NV_OK or the NV_STATUS of the problem (no reply is sent).
 */
static u32 fwabi_registry(struct nvsim_gpu *gpu, const u8 *p, u64 len)
{
	const struct PACKED_REGISTRY_TABLE *t = (const void *)p;
	u64 end, first;
	u32 i, n;

	if (len < sizeof(*t))
		goto bad;
	if (t->size == len || (u64)t->size + sizeof(*t) == len)
		end = len;
	else
		goto bad;
	n = t->numEntries;
	if (n > (end - sizeof(*t)) / sizeof(struct PACKED_REGISTRY_ENTRY))
		goto bad;
	first = sizeof(*t) + (u64)n * sizeof(struct PACKED_REGISTRY_ENTRY);
	for (i = 0; i < n; i++) {
		const struct PACKED_REGISTRY_ENTRY *e = &t->entries[i];
		int klen;

		if (e->nameOffset < first || e->nameOffset >= end)
			goto bad;
		klen = nvsim_strlen_in(p, e->nameOffset, end);
		if (klen < 1)
			goto bad;
		switch (e->type) {
		case REGISTRY_TABLE_ENTRY_TYPE_DWORD:
			if (i < 16)
				nvsim_logf(gpu, NVSIM_LOGINIT, "registry: %.64s=%u",
					   p + e->nameOffset, e->data);
			break;
		case REGISTRY_TABLE_ENTRY_TYPE_STRING:
		case REGISTRY_TABLE_ENTRY_TYPE_BINARY:
			if (e->data < first || e->data > end ||
			    e->length > end - e->data)
				goto bad;
			if (e->type == REGISTRY_TABLE_ENTRY_TYPE_STRING &&
			    (!e->length || p[e->data + e->length - 1]))
				goto bad;
			break;
		default:
			goto bad;
		}
	}
	nvsim_logf(gpu, NVSIM_LOGINIT, "registry: %u entries", n);
	return NV_OK;
bad:
	nvsim_bad_input(gpu, "SET_REGISTRY table malformed");
	return NV_ERR_INVALID_PARAM_STRUCT;
}

/**
 * fwabi_dispatch() - run one RPC
 * @gpu: the GPU
 * @function: RPC function
 * @payload: request payload, overwritten with the reply payload
 * @len: request payload bytes
 * @cap: bytes available at @payload
 * @reply_len: reply payload bytes
 * @reply: set to false if no reply is to be sent
 *
 * Return: rpc_result (an NV_STATUS or an NV_VGPU_MSG_RESULT_* code).
 */
static u32 fwabi_dispatch(struct nvsim_gpu *gpu, u32 function, u8 *payload,
			  u64 len, u64 cap, u32 *reply_len, bool *reply)
{
	*reply = true;
	*reply_len = len;
	switch (function) {
	case NV_VGPU_MSG_FUNCTION_NOP:
		return NV_OK;
	case NV_VGPU_MSG_FUNCTION_FREE:
		return nvsim_rpc_free(gpu, payload, len);
	case NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC:
		return nvsim_rpc_alloc(gpu, payload, len);
	case NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL:
		return nvsim_rpc_control(gpu, payload, len);
	case NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO:
		if (cap < sizeof(struct GspStaticConfigInfo))
			return NV_ERR_BUFFER_TOO_SMALL;
		nvsim_static_info(gpu, (void *)payload);
		*reply_len = sizeof(struct GspStaticConfigInfo);
		return NV_OK;
	}
	nvsim_stat_inc(gpu, NVSIM_S_RPC_UNKNOWN);
	return NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION;
}
