// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the vGPU manager's controls (DOC: nvsim vGPU plugin, sim/vgpu.c),
 * in the layouts of one firmware version: included by sim/fwabi.c, which
 * sim/rNNN/abi.c compiles against that version's headers. A control whose
 * parameter size is not this version's is refused with
 * NV_ERR_INVALID_PARAM_STRUCT, as RM's resource server does before any
 * handler runs (OGKM 570.144 src/nvidia/src/libraries/resserv/src/
 * rs_resource.c resControlLookup_IMPL: paramsSize against the exported
 * method's paramSize). 570.144's type records carry placement lists
 * (at most NVA081_MAX_VGPU_PER_PGPU each, else NV_ERR_INVALID_ARGUMENT).
 */
#include "vgpu.h"
#include "vgpu_wire.h"

/* nvsim's own plugin channel definitions (sim/vgpu_wire.h) are this version's. */
NVSIM_SAME_VAL(NVRM_VF_PRIV_MAILBOX_SCRATCH(3), NVSIM_VF_PRIV_MAILBOX_SCRATCH(3));
NVSIM_SAME_VAL(NVRM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1, NVSIM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1);
NVSIM_SAME_VAL(NV_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE, NVSIM_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE);
NVSIM_SAME_VAL(NV_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE, NVSIM_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE);
NVSIM_SAME_VAL(NV_VF_SCRATCH_REGISTER_GUEST_RPC_LO, NVSIM_VF_SCRATCH_REGISTER_GUEST_RPC_LO);
NVSIM_SAME_VAL(NV_VF_SCRATCH_REGISTER_GUEST_RPC_HI, NVSIM_VF_SCRATCH_REGISTER_GUEST_RPC_HI);
NVSIM_SAME_VAL(VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID, NVSIM_VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID);
NVSIM_SAME_VAL(VGPU_GSP_BUF_ADDR_V1_APERTURE_SHIFT, NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_SHIFT);
NVSIM_SAME_VAL(VGPU_GSP_BUF_ADDR_V1_APERTURE_MASK, NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_MASK);
NVSIM_SAME_VAL(VGPU_GSP_BUF_ADDR_V1_APERTURE_SYSMEM, NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_SYSMEM);
NVSIM_SAME_VAL(VGPU_GSP_BUF_ADDR_V1_APERTURE_FBMEM, NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_FBMEM);
NVSIM_SAME_VAL(VGPU_GSP_BUF_ADDR_V2_SIZE_SHIFT, NVSIM_VGPU_GSP_BUF_ADDR_V2_SIZE_SHIFT);
NVSIM_SAME_VAL(VGPU_GSP_BUF_ADDR_V2_SIZE_MASK, NVSIM_VGPU_GSP_BUF_ADDR_V2_SIZE_MASK);
NVSIM_SAME_VAL(VGPU_GSP_BUF_ADDR_V1_PFN_SHIFT, NVSIM_VGPU_GSP_BUF_ADDR_V1_PFN_SHIFT);
NVSIM_SAME_VAL(VGPU_GSP_CTRL_BUF_V1_VERSION, NVSIM_VGPU_GSP_CTRL_BUF_V1_VERSION);
NVSIM_SAME_VAL(VGPU_GSP_CTRL_BUF_V2_VERSION, NVSIM_VGPU_GSP_CTRL_BUF_V2_VERSION);
NVSIM_SAME_VAL(VGPU_GSP_RESPONSE_BUF_SIZE_V1, NVSIM_VGPU_GSP_RESPONSE_BUF_SIZE_V1);
NVSIM_SAME_VAL(NVRM_VGPU_GUEST_MSG_MIN, NVSIM_VGPU_GUEST_MSG_MIN);
NVSIM_SAME_VAL(NVRM_VGPU_GUEST_MSG_LARGE, NVSIM_VGPU_GUEST_MSG_LARGE);
NVSIM_SAME_VAL(NVRM_VGPU_CPU_RPC_MSG_SETUP_CONFIG_PARAMS_AND_INIT, NVSIM_VGPU_CPU_RPC_MSG_SETUP_CONFIG_PARAMS_AND_INIT);
NVSIM_SAME_VAL(NVRM_VGPU_CPU_RPC_MSG_MIGRATION_STOP_WORK, NVSIM_VGPU_CPU_RPC_MSG_MIGRATION_STOP_WORK);
NVSIM_SAME_VAL(NVRM_VGPU_CPU_RPC_MSG_VERSION_NEGOTIATION, NVSIM_VGPU_CPU_RPC_MSG_VERSION_NEGOTIATION);
NVSIM_SAME_VAL(NVRM_VGPU_CPU_RPC_MSG_UPDATE_BME_STATE, NVSIM_VGPU_CPU_RPC_MSG_UPDATE_BME_STATE);
NVSIM_SAME_VAL(NVRM_VGPU_CPU_RPC_MSG_GET_GUEST_INFO, NVSIM_VGPU_CPU_RPC_MSG_GET_GUEST_INFO);
NVSIM_SAME_VAL(NVRM_VGPU_CPU_GSP_CTRL_BUFF_VERSION, NVSIM_VGPU_CPU_GSP_CTRL_BUFF_VERSION);
NVSIM_SAME_VAL(NVRM_VGPU_HOST_CPU_ARCH_AARCH64, NVSIM_VGPU_HOST_CPU_ARCH_AARCH64);
NVSIM_SAME_VAL(NVRM_VGPU_HOST_CPU_ARCH_X86_64, NVSIM_VGPU_HOST_CPU_ARCH_X86_64);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_MIGRATION_SIZE, NVSIM_VGPU_HEAP_MIGRATION_SIZE);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_TASK_LOG_SIZE, NVSIM_VGPU_HEAP_TASK_LOG_SIZE);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_INIT_LOG_SIZE, NVSIM_VGPU_HEAP_INIT_LOG_SIZE);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_MIGRATION_OFF, NVSIM_VGPU_HEAP_MIGRATION_OFF);
NVSIM_SAME_VAL(NVRM_VGPU_CPU_RPC_MSG_RESET, NVSIM_VGPU_CPU_RPC_MSG_RESET);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_INIT_LOG_OFF, NVSIM_VGPU_HEAP_INIT_LOG_OFF);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_RESPONSE_OFF, NVSIM_VGPU_HEAP_RESPONSE_OFF);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_TASK_LOG_OFF, NVSIM_VGPU_HEAP_TASK_LOG_OFF);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_MESSAGE_OFF, NVSIM_VGPU_HEAP_MESSAGE_OFF);
NVSIM_SAME_VAL(NVRM_GSP_PLUGIN_BOOTLOADED, NVSIM_GSP_PLUGIN_BOOTLOADED);
NVSIM_SAME(nvsim_vgpu_cpu_gsp_response, nvrm_vgpu_cpu_gsp_response);
NVSIM_SAME_VAL(NVRM_VGPU_CPU_RPC_MSG_MAX, NVSIM_VGPU_CPU_RPC_MSG_MAX);
NVSIM_SAME_VAL(NVRM_VGPU_DOORBELL_VALUE(3), NVSIM_VGPU_DOORBELL_VALUE(3));
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_ERROR_OFF, NVSIM_VGPU_HEAP_ERROR_OFF);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_COMM_SIZE, NVSIM_VGPU_HEAP_COMM_SIZE);
NVSIM_SAME_VAL(NVRM_VGPU_HEAP_CTRL_OFF, NVSIM_VGPU_HEAP_CTRL_OFF);
NVSIM_SAME_VAL(NVRM_VGPU_MAX_INSTANCES, NVSIM_VGPU_MAX_INSTANCES);
NVSIM_SAME(nvsim_vgpu_cpu_gsp_ctrl, nvrm_vgpu_cpu_gsp_ctrl);
NVSIM_SAME_VAL(NVRM_VGPU_DOORBELL_ADD, NVSIM_VGPU_DOORBELL_ADD);
NVSIM_SAME(nvsim_vgpu_rpc_version, nvrm_vgpu_rpc_version);
NVSIM_SAME(nvsim_vgpu_rpc_config, nvrm_vgpu_rpc_config);
NVSIM_SAME(nvsim_vgpu_host_info, nvrm_vgpu_host_info);
NVSIM_SAME_VAL(NVRM_VGPU_BUFF_SIZE, NVSIM_VGPU_BUFF_SIZE);
NVSIM_SAME_VAL(NVRM_VGPU_UUID_SIZE, NVSIM_VGPU_UUID_SIZE);
NVSIM_SAME(nvsim_vgpu_rpc_bme, nvrm_vgpu_rpc_bme);
static_assert(offsetof(union VGPU_GSP_RESPONSE_BUF_V1, responseId) ==
	      NVSIM_GUEST_RSP_RESPONSE_ID, "responseId");
NVSIM_SAME_OFF(nvsim_vgpu_cpu_gsp_ctrl, nvrm_vgpu_cpu_gsp_ctrl, message_seq_num);
NVSIM_SAME_OFF(nvsim_vgpu_cpu_gsp_ctrl, nvrm_vgpu_cpu_gsp_ctrl, response_buff_offset);
NVSIM_SAME_OFF(nvsim_vgpu_cpu_gsp_ctrl, nvrm_vgpu_cpu_gsp_ctrl, error_buff_offset);
NVSIM_SAME_OFF(nvsim_vgpu_cpu_gsp_ctrl, nvrm_vgpu_cpu_gsp_ctrl, is_migration_in_progress);
NVSIM_SAME_OFF(nvsim_vgpu_cpu_gsp_ctrl, nvrm_vgpu_cpu_gsp_ctrl, attached_vgpu_count);
NVSIM_SAME_OFF(nvsim_vgpu_cpu_gsp_ctrl, nvrm_vgpu_cpu_gsp_ctrl, host_info);
NVSIM_SAME_OFF(nvsim_vgpu_cpu_gsp_response, nvrm_vgpu_cpu_gsp_response, result_code);
NVSIM_SAME_OFF(nvsim_vgpu_rpc_config, nvrm_vgpu_rpc_config, dbdf);
NVSIM_SAME_OFF(nvsim_vgpu_rpc_config, nvrm_vgpu_rpc_config, host_cpu_arch);
NVSIM_SAME_OFF(nvsim_vgpu_rpc_config, nvrm_vgpu_rpc_config, host_page_size);
NVSIM_SAME_OFF(nvsim_vgpu_rpc_config, nvrm_vgpu_rpc_config, rev3);

static_assert(NVA081_MAX_VGPU_TYPES_PER_PGPU == NVSIM_VGPU_MAX_TYPES);
static_assert(sizeof(struct NVA081_CTRL_VGPU_INFO) <= NVSIM_VGPU_REC_MAX);


static const struct nvsim_vgpu_type *
nvsim_vgpu_type(struct nvsim_vgpu *vg, u32 id)
{
	unsigned int i;

	for (i = 0; i < vg->nr_types; i++)
		if (vg->types[i].id == id)
			return &vg->types[i];
	return NULL;
}

static unsigned int nvsim_vgpu_running(struct nvsim_vgpu *vg, u32 *type)
{
	unsigned int g, n = 0;

	for (g = 1; g <= NVSIM_VGPU_MAX_GFID; g++)
		if (vg->inst[g].state != NVSIM_VGPU_FREE) {
			*type = vg->inst[g].type;
			n++;
		}
	return n;
}

static bool nvsim_vgpu_creatable(struct nvsim_vgpu *vg,
				 const struct nvsim_vgpu_type *t)
{
	u32 running_type = 0;
	unsigned int n = nvsim_vgpu_running(vg, &running_type);

	if (!n)
		return t->max_instance > 0;
	return running_type == t->id && n < t->max_instance;
}

static bool nvsim_str_ok(const u8 *s, size_t size)
{
	return s[0] && memchr(s, 0, size);
}

static u32 nvsim_vgpu_check_type(const struct NVA081_CTRL_VGPU_INFO *t)
{
	if (!t->vgpuType || !nvsim_str_ok(t->vgpuName, sizeof(t->vgpuName)) ||
	    !nvsim_str_ok(t->vgpuClass, sizeof(t->vgpuClass)) ||
	    !t->maxInstance || t->maxInstance > NVSIM_VGPU_MAX_GFID ||
	    !t->fbLength || !IS_ALIGNED(t->fbLength, SZ_2M) ||
	    !t->gspHeapSize || !IS_ALIGNED(t->gspHeapSize, SZ_2M) ||
	    t->gspHeapSize < NVRM_VGPU_HEAP_COMM_SIZE ||
	    !is_power_of_2(t->bar1Length))
		return NV_ERR_INVALID_ARGUMENT;
#if NVSIM_ABI_VER >= 570
	/* kernel_vgpu_mgr.c bounds the lists by NVA081_MAX_VGPU_PER_PGPU. */
	if (t->homogeneousPlacementCount > NVA081_MAX_VGPU_PER_PGPU ||
	    t->heterogeneousPlacementCount > NVA081_MAX_VGPU_PER_PGPU)
		return NV_ERR_INVALID_ARGUMENT;
#endif
	return NV_OK;
}

static u32 nvsim_vgpu_add_types(struct nvsim_vgpu *vg,
				const struct NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS *p)
{
	u32 dummy, i, j, base;

	if (p->vgpuInfoCount > NVA081_MAX_VGPU_TYPES_PER_PGPU ||
	    p->discardVgpuTypes > 1)
		return NV_ERR_INVALID_ARGUMENT;
	if (nvsim_vgpu_running(vg, &dummy))
		return NV_ERR_IN_USE;
	base = p->discardVgpuTypes ? 0 : vg->nr_types;
	if (base + p->vgpuInfoCount > NVA081_MAX_VGPU_TYPES_PER_PGPU)
		return NV_ERR_INSUFFICIENT_RESOURCES;
	for (i = 0; i < p->vgpuInfoCount; i++) {
		const struct NVA081_CTRL_VGPU_INFO *t = &p->vgpuInfo[i];

		if (nvsim_vgpu_check_type(t))
			return NV_ERR_INVALID_ARGUMENT;
		for (j = 0; j < i; j++)
			if (p->vgpuInfo[j].vgpuType == t->vgpuType)
				return NV_ERR_INSERT_DUPLICATE_NAME;
		if (!p->discardVgpuTypes && nvsim_vgpu_type(vg, t->vgpuType))
			return NV_ERR_INSERT_DUPLICATE_NAME;
	}
	for (i = 0; i < p->vgpuInfoCount; i++) {
		const struct NVA081_CTRL_VGPU_INFO *t = &p->vgpuInfo[i];
		struct nvsim_vgpu_type *d = &vg->types[base + i];

		d->id = t->vgpuType;
		d->max_instance = t->maxInstance;
		d->fb_len = t->fbLength;
		d->heap_len = t->gspHeapSize;
		memcpy(d->rec, t, sizeof(*t));
	}
	vg->nr_types = base + p->vgpuInfoCount;
	return NV_OK;
}

static bool nvsim_overlap(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

static bool nvsim_vram_inside(struct nvsim_gpu *gpu, u64 base, u64 len)
{
	u64 size = gpu->chip->vram_size;

	return len && base <= size && len <= size - base;
}

/* Does [base, base + len) touch another running plugin's memory? */
static bool nvsim_vgpu_mem_busy(struct nvsim_vgpu *vg, u32 self, u64 base,
				u64 len)
{
	unsigned int g;

	for (g = 1; g <= NVSIM_VGPU_MAX_GFID; g++) {
		const struct nvsim_vgpu_inst *in = &vg->inst[g];

		if (g == self || in->state == NVSIM_VGPU_FREE)
			continue;
		if (nvsim_overlap(base, len, in->fb_base, in->fb_len) ||
		    nvsim_overlap(base, len, in->heap_base, in->heap_len))
			return true;
	}
	return false;
}

static u32 nvsim_vgpu_bootload(struct nvsim_vgpu *vg,
			       const struct NV2080_CTRL_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK_PARAMS *p)
{
	struct nvsim_gpu *gpu = vg->gpu;
	const struct nvsim_chip *c = gpu->chip;
	const struct nvsim_vgpu_type *t;
	struct nvsim_vgpu_inst *in;
	u64 sum = 0;
	unsigned int i, j;

	if (!p->gfid || p->gfid > min_t(u32, c->total_vfs, NVSIM_VGPU_MAX_GFID))
		return NV_ERR_INVALID_ARGUMENT;
	in = &vg->inst[p->gfid];
	if (in->state != NVSIM_VGPU_FREE)
		return NV_ERR_IN_USE;
	t = nvsim_vgpu_type(vg, p->vgpuType);
	if (!t || p->vmPid || p->swizzId || !p->numChannels ||
	    p->numChannels > NVSIM_VGPU_CHIDS)
		return NV_ERR_INVALID_ARGUMENT;
	if (!nvsim_vgpu_creatable(vg, t))
		return NV_ERR_INSUFFICIENT_RESOURCES;
	for (i = 0; i < NV2080_GPU_MAX_ENGINES; i++) {
		bool present = false;

		if (!p->chidOffset[i])
			continue;
		for (j = 0; j < c->nr_engines; j++)
			present |= c->engines[j] == i;
		if (!present || p->chidOffset[i] > NVSIM_VGPU_CHIDS - p->numChannels)
			return NV_ERR_INVALID_ARGUMENT;
	}
	if (!p->numGuestFbSegments ||
	    p->numGuestFbSegments > NVRM_VGPU_MAX_FB_SEGMENTS)
		return NV_ERR_INVALID_ARGUMENT;
	for (i = 0; i < p->numGuestFbSegments; i++) {
		u64 b = p->guestFbPhysAddrList[i], l = p->guestFbLengthList[i];

		if (!IS_ALIGNED(b | l, SZ_2M) || !nvsim_vram_inside(gpu, b, l) ||
		    nvsim_vgpu_mem_busy(vg, p->gfid, b, l) ||
		    nvsim_overlap(b, l, p->pluginHeapMemoryPhysAddr,
				  p->pluginHeapMemoryLength))
			return NV_ERR_INVALID_ARGUMENT;
		sum += l;
	}
	if (sum != t->fb_len)
		return NV_ERR_INVALID_ARGUMENT;
	if (p->pluginHeapMemoryLength != t->heap_len ||
	    !nvsim_vram_inside(gpu, p->pluginHeapMemoryPhysAddr,
			       p->pluginHeapMemoryLength) ||
	    nvsim_vgpu_mem_busy(vg, p->gfid, p->pluginHeapMemoryPhysAddr,
				p->pluginHeapMemoryLength) ||
	    p->ctrlBuffOffset != NVRM_VGPU_HEAP_CTRL_OFF ||
	    p->initTaskLogBuffOffset > p->pluginHeapMemoryLength ||
	    p->initTaskLogBuffSize > p->pluginHeapMemoryLength - p->initTaskLogBuffOffset ||
	    p->vgpuTaskLogBuffOffset > p->pluginHeapMemoryLength ||
	    p->vgpuTaskLogBuffSize > p->pluginHeapMemoryLength - p->vgpuTaskLogBuffOffset)
		return NV_ERR_INVALID_ARGUMENT;

	*in = (struct nvsim_vgpu_inst){
		.state = NVSIM_VGPU_BOOTING,
		.type = t->id,
		.dbdf = p->dbdf,
		.num_channels = p->numChannels,
		.fb_base = p->guestFbPhysAddrList[0],
		.fb_len = sum,
		.heap_base = p->pluginHeapMemoryPhysAddr,
		.heap_len = p->pluginHeapMemoryLength,
		.last_seq = NVRM_GSP_PLUGIN_BOOTLOADED,
		.never_ready = READ_ONCE(vg->never_ready),
	};
	if (in->never_ready)
		WRITE_ONCE(vg->never_ready, false);
	set_bit(p->gfid, vg->pending);
	queue_work(system_unbound_wq, &vg->work);
	return NV_OK;
}

static u32 nvsim_vgpu_types_list(struct nvsim_vgpu *vg, bool creatable,
				 struct NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPES_PARAMS *p)
{
	unsigned int i, n = 0;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < vg->nr_types; i++)
		if (!creatable || nvsim_vgpu_creatable(vg, &vg->types[i]))
			p->vgpuTypes[n++] = vg->types[i].id;
	p->numVgpuTypes = n;
	return NV_OK;
}

/**
 * nvsim_vgpu_ctrl_known() - is @cmd a vGPU manager control?
 * @cmd: control command
 *
 * Return: true if nvsim_vgpu_ctrl() serves it.
 */
static bool nvsim_vgpu_ctrl_known(u32 cmd)
{
	switch (cmd) {
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP:
	case NVA081_CTRL_CMD_VGPU_CONFIG_GET_SUPPORTED_VGPU_TYPES:
	case NVA081_CTRL_CMD_VGPU_CONFIG_GET_CREATABLE_VGPU_TYPES:
	case NVA081_CTRL_CMD_VGPU_CONFIG_GET_VGPU_TYPE_INFO:
		return true;
	}
	return false;
}

static u32 nvsim_vgpu_ctrl_size(u32 cmd)
{
	switch (cmd) {
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE:
		return sizeof(struct NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS);
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK:
		return sizeof(struct NV2080_CTRL_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK_PARAMS);
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK:
		return sizeof(struct NV2080_CTRL_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK_PARAMS);
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP:
		return sizeof(struct NV2080_CTRL_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP_PARAMS);
	case NVA081_CTRL_CMD_VGPU_CONFIG_GET_VGPU_TYPE_INFO:
		return sizeof(struct NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPE_INFO_PARAMS);
	default:
		return sizeof(struct NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPES_PARAMS);
	}
}

/**
 * nvsim_vgpu_ctrl() - serve a vGPU manager control (GSP thread)
 * @gpu: the GPU
 * @cmd: control (nvsim_vgpu_ctrl_known(); the target's class was checked)
 * @params: parameters, in/out
 * @size: their size
 *
 * Return: NV_STATUS.
 */
static u32 nvsim_vgpu_ctrl(struct nvsim_gpu *gpu, u32 cmd, void *params,
			   u32 size)
{
	struct nvsim_vgpu *vg = gpu->vgpu;
	struct nvsim_vgpu_inst *in;
	u32 gfid, ret;

	if (!vg)
		return NV_ERR_NOT_SUPPORTED;
	if (size != nvsim_vgpu_ctrl_size(cmd))
		return NV_ERR_INVALID_PARAM_STRUCT;
	mutex_lock(&vg->lock);
	switch (cmd) {
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE:
		ret = nvsim_vgpu_add_types(vg, params);
		break;
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK:
		ret = nvsim_vgpu_bootload(vg, params);
		break;
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK:
	case NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP:
		gfid = *(u32 *)params;
		ret = NV_ERR_INVALID_ARGUMENT;
		if (!gfid || gfid > NVSIM_VGPU_MAX_GFID)
			break;
		in = &vg->inst[gfid];
		ret = NV_ERR_INVALID_STATE;
		if (cmd == NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP) {
			if (in->state == NVSIM_VGPU_SHUTDOWN) {
				memset(in, 0, sizeof(*in));
				ret = NV_OK;
			}
		} else if (in->state != NVSIM_VGPU_FREE &&
			   in->state != NVSIM_VGPU_SHUTDOWN) {
			in->state = NVSIM_VGPU_SHUTDOWN;
			ret = NV_OK;
		}
		break;
	case NVA081_CTRL_CMD_VGPU_CONFIG_GET_SUPPORTED_VGPU_TYPES:
		ret = nvsim_vgpu_types_list(vg, false, params);
		break;
	case NVA081_CTRL_CMD_VGPU_CONFIG_GET_CREATABLE_VGPU_TYPES:
		ret = nvsim_vgpu_types_list(vg, true, params);
		break;
	case NVA081_CTRL_CMD_VGPU_CONFIG_GET_VGPU_TYPE_INFO: {
		struct NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPE_INFO_PARAMS *p = params;
		const struct nvsim_vgpu_type *t = nvsim_vgpu_type(vg, p->vgpuType);

		ret = NV_ERR_OBJECT_NOT_FOUND;
		if (t) {
			memcpy(&p->vgpuTypeInfo, t->rec, sizeof(p->vgpuTypeInfo));
			ret = NV_OK;
		}
		break;
	}
	default:
		ret = NV_ERR_NOT_SUPPORTED;
	}
	mutex_unlock(&vg->lock);
	return ret;
}

