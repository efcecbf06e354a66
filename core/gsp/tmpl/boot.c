// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP layer: the boot-time structures and RPCs of a firmware
 * version: GspFwWprMeta, GSP_ARGUMENTS_CACHED, GSP_SET_SYSTEM_INFO,
 * SET_REGISTRY, GET_GSP_STATIC_INFO and UNLOADING_GUEST_DRIVER (fact sheet
 * §5; the boot sequence itself is core/gsp/common/boot.c, DOC: GSP-RM boot).
 *
 * Compiled once per version, from core/gsp/r<NNN>/fw.c, after that
 * version's headers (DOC: firmware versions). The version defines
 * NVC_FW_HEAP_OS_LIBOS3 (its LIBOS3 bare-metal OS carve-out) and may define
 * NVC_FW_SYSINFO_EXTRA(si, gpu) (fields its GspSystemInfo adds) and
 * NVC_FW_RMARGS_EXTRA(args, gsp) (fields its GSP_ARGUMENTS_CACHED adds).
 */

static const struct nvc_fw_heap nvc_fw_heap = {
	.os_libos2 = GSP_FW_HEAP_PARAM_OS_SIZE_LIBOS2,
	.os_libos3 = NVC_FW_HEAP_OS_LIBOS3,
	.base_rm = GSP_FW_HEAP_PARAM_BASE_RM_SIZE_TU10X,
	.per_gb_fb = GSP_FW_HEAP_PARAM_SIZE_PER_GB_FB,
	.client_alloc = GSP_FW_HEAP_PARAM_CLIENT_ALLOC_SIZE,
	.min_libos2_mb = GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS2_MIN_MB,
	.max_libos2_mb = GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS2_MAX_MB,
	.min_libos3_mb = GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS3_BAREMETAL_MIN_MB,
	.max_libos3_mb = GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS3_BAREMETAL_MAX_MB,
	.wpr_meta_size = sizeof(struct GspFwWprMeta),
};

static void nvc_fw_fill_wpr_meta(struct nvc_gsp *gsp, void *meta)
{
	struct GspFwWprMeta *m = meta;

	memset(m, 0, sizeof(*m));
	m->magic = GSP_FW_WPR_META_MAGIC;
	m->revision = GSP_FW_WPR_META_REVISION;
	m->sysmemAddrOfRadix3Elf = gsp->radix3.dma;
	m->sizeOfRadix3Elf = gsp->image.image_size;
	m->sysmemAddrOfBootloader = gsp->blbuf.dma;
	m->sizeOfBootloader = gsp->bl.data_size;
	m->bootloaderCodeOffset = gsp->bl.desc.monitor_code_offset;
	m->bootloaderDataOffset = gsp->bl.desc.monitor_data_offset;
	m->bootloaderManifestOffset = gsp->bl.desc.manifest_offset;
	m->sysmemAddrOfSignature = gsp->sigbuf.dma;
	m->sizeOfSignature = gsp->image.sig_size;
	m->gspFwRsvdStart = gsp->fb.nonwpr_base;
	m->nonWprHeapOffset = gsp->fb.nonwpr_base;
	m->nonWprHeapSize = gsp->fb.nonwpr_size;
	m->gspFwWprStart = gsp->fb.wpr_start;
	m->gspFwHeapOffset = gsp->fb.heap_base;
	m->gspFwHeapSize = gsp->fb.heap_size;
	m->gspFwOffset = gsp->fb.elf_base;
	m->bootBinOffset = gsp->fb.bl_base;
	m->frtsOffset = gsp->fb.frts_base;
	m->frtsSize = SZ_1M;
	m->gspFwWprEnd = gsp->fb.wpr_end;
	m->fbSize = gsp->fb.size;
	m->vgaWorkspaceOffset = gsp->fb.vga_base;
	m->vgaWorkspaceSize = gsp->fb.size - gsp->fb.vga_base;
}

static u64 nvc_fw_id8(const char *s)
{
	u64 v = 0;

	while (*s)
		v = v << 8 | (u8)*s++;
	return v;
}

static void nvc_fw_libos_entry(struct LibosMemoryRegionInitArgument *a,
			       const char *id, const struct nvc_dma *m)
{
	a->id8 = nvc_fw_id8(id);
	a->pa = m->dma;
	a->size = m->size;
	a->kind = LIBOS_MEMORY_REGION_CONTIGUOUS;
	a->loc = LIBOS_MEMORY_REGION_LOC_SYSMEM;
}

/* The LIBOS argument array: the three log buffers, then RMARGS. */
static void nvc_fw_fill_libos(struct nvc_gsp *gsp, void *va)
{
	static const char * const names[NVC_GSP_NR_LOGS] = {
		"LOGINIT", "LOGINTR", "LOGRM",
	};
	struct LibosMemoryRegionInitArgument *args = va;
	unsigned int i;

	for (i = 0; i < NVC_GSP_NR_LOGS; i++)
		nvc_fw_libos_entry(&args[i], names[i], &gsp->logs[i]);
	nvc_fw_libos_entry(&args[i], "RMARGS", &gsp->rmargs);
}

/* GSP_ARGUMENTS_CACHED: where the message queues are (fact sheet §1.1). */
static void nvc_fw_fill_rmargs(struct nvc_gsp *gsp, void *args)
{
	struct GSP_ARGUMENTS_CACHED *a = args;

	static_assert(sizeof(*a) <= PAGE_SIZE);
	a->messageQueueInitArguments.sharedMemPhysAddr = gsp->shm.dma;
	a->messageQueueInitArguments.pageTableEntryCount = NVRM_SHM_PTE_COUNT;
	a->messageQueueInitArguments.cmdQueueOffset = NVRM_SHM_CMDQ_OFF;
	a->messageQueueInitArguments.statQueueOffset = NVRM_SHM_STATQ_OFF;
#ifdef NVC_FW_RMARGS_EXTRA
	NVC_FW_RMARGS_EXTRA(a, gsp);
#endif
}

static int nvc_fw_queue_sysinfo(struct nvc_gsp *gsp)
{
	struct nvc_gpu *gpu = gsp->gpu;
	struct GspSystemInfo *si;
	int ret;

	si = kzalloc(sizeof(*si), GFP_KERNEL);
	if (!si)
		return -ENOMEM;
	si->gpuPhysAddr = gpu->pci.bar0_base;
	si->gpuPhysFbAddr = gpu->pci.bar1_base;
	si->gpuPhysInstAddr = gpu->pci.bar3_base;
	si->nvDomainBusDeviceFunc = gpu->pci.bdf;
	si->maxUserVa = TASK_SIZE;
	si->pciConfigMirrorBase = 0x088000;
	si->pciConfigMirrorSize = 0x1000;
#ifdef NVC_FW_SYSINFO_EXTRA
	NVC_FW_SYSINFO_EXTRA(si, gpu);
#endif
	ret = nvc_rpc_post(gsp, NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO, si,
			   sizeof(*si));
	kfree(si);
	return ret;
}

static const struct {
	const char *name;
	u32 value;
} nvc_fw_registry[] = {
	{ "RMSecBusResetEnable", 1 },
	{ "RMForcePcieConfigSave", 1 },
};

static int nvc_fw_queue_registry(struct nvc_gsp *gsp)
{
	struct PACKED_REGISTRY_TABLE *t;
	size_t size, str;
	unsigned int i, n = ARRAY_SIZE(nvc_fw_registry);
	int ret;

	size = struct_size(t, entries, n);
	str = size;
	for (i = 0; i < n; i++)
		size += strlen(nvc_fw_registry[i].name) + 1;
	t = kzalloc(size, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->size = size;
	t->numEntries = n;
	for (i = 0; i < n; i++) {
		t->entries[i].nameOffset = str;
		t->entries[i].type = REGISTRY_TABLE_ENTRY_TYPE_DWORD;
		t->entries[i].data = nvc_fw_registry[i].value;
		t->entries[i].length = sizeof(u32);
		strcpy((char *)t + str, nvc_fw_registry[i].name);
		str += strlen(nvc_fw_registry[i].name) + 1;
	}
	ret = nvc_rpc_post(gsp, NV_VGPU_MSG_FUNCTION_SET_REGISTRY, t, size);
	kfree(t);
	return ret;
}

static int nvc_fw_get_static_info(struct nvc_gsp *gsp)
{
	size_t size = sizeof(struct GspStaticConfigInfo);

	gsp->static_info = kvzalloc(size, GFP_KERNEL);
	if (!gsp->static_info)
		return -ENOMEM;
	return nvc_rpc_call(gsp, NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO,
			    gsp->static_info, size, gsp->static_info, size,
			    NULL);
}

static int nvc_fw_unload(struct nvc_gsp *gsp)
{
	struct rpc_unloading_guest_driver_v1F_07 req = {};

	/* OGKM reads nothing of this reply: any length will do. */
	return nvc_rpc_call(gsp, NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER,
			    &req, sizeof(req), NULL, 0, NULL);
}
