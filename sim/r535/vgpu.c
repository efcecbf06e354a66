// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: the GSP-RM vGPU manager and the per-vGPU GSP plugin.
 *
 * DOC: nvsim vGPU plugin
 *
 * Controls (GSP thread, via nvsim_ctrl()):
 *
 * - NV2080 VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE: the host's type table
 *   (NVA081_CTRL_VGPU_INFO records). Each record must have a non-zero
 *   unique id, a NUL-terminated name and class, maxInstance 1..32,
 *   fbLength and gspHeapSize non-zero multiples of 2 MiB, gspHeapSize at
 *   least the plugin's buffers (RFC heap layout) and bar1Length a power of
 *   two; discardVgpuTypes replaces the table, else records are added (a
 *   duplicate id is NV_ERR_INSERT_DUPLICATE_NAME). Refused while any vGPU
 *   runs (NV_ERR_IN_USE).
 * - BOOTLOAD_GSP_VGPU_PLUGIN_TASK: starts the plugin of a GFID. Checked:
 *   gfid 1..chip total_vfs and not in use; the type uploaded and creatable
 *   (see below); numChannels 1..4096 and every non-zero chidOffset of an
 *   engine the chip has with offset + numChannels <= 4096; one to 384 FB
 *   segments, each 2 MiB aligned, inside VRAM, summing to the type's
 *   fbLength and overlapping no other running vGPU's FB or heap; the heap
 *   inside VRAM, gspHeapSize long, overlapping nothing, with the control
 *   buffer and both log buffers inside it; vmPid and swizzId 0. Bad values
 *   are NV_ERR_INVALID_ARGUMENT, a busy GFID NV_ERR_IN_USE, a type that is
 *   not creatable NV_ERR_INSUFFICIENT_RESOURCES. The plugin then writes
 *   GSP_PLUGIN_BOOTLOADED into the control buffer's message_seq_num.
 * - SHUTDOWN_GSP_VGPU_PLUGIN_TASK {gfid}: the plugin stops (running GFID
 *   only, else NV_ERR_INVALID_STATE). VGPU_PLUGIN_CLEANUP {gfid}: frees
 *   the GFID (only after shutdown, else NV_ERR_INVALID_STATE).
 * - NVA081 (VGPU_CONFIG object, under a subdevice, no parameters)
 *   GET_SUPPORTED_VGPU_TYPES: every uploaded type; GET_CREATABLE_VGPU_TYPES:
 *   with no vGPU running, every type; else only the running type (vGPUs of
 *   one GPU are homogeneous, RFC v2 cover letter) while fewer than its
 *   maxInstance run; GET_VGPU_TYPE_INFO {vgpuType}: the record
 *   (NV_ERR_OBJECT_NOT_FOUND for an unknown id).
 *
 * Host channel (fact sheet 9.5): a doorbell write of gfid * 32 + 17 to
 * 0xb82200 queues the GFID for the plugin worker, which reads the control
 * buffer from the heap in VRAM. A sequence number equal to the last one
 * processed is ignored (a repeated doorbell). Version must be 1. Messages:
 * VERSION_NEGOTIATION (negotiates min(version_cpu, 1); version_cpu 0 is
 * NV_ERR_INVALID_ARGUMENT), SETUP_CONFIG_PARAMS_AND_INIT (the type,
 * channel count and the guest function's dbdf must match the bootload; the
 * UUID non-zero; vgpu_device_instance_id an RM client handle; host_cpu_arch
 * 1 or 2; host_page_size a power of two >= 4 KiB; once only), RESET and
 * UPDATE_BME_STATE ({enable, allowed} booleans) after SETUP; anything else
 * NV_ERR_NOT_SUPPORTED. The plugin writes result_code, then
 * message_seq_num_processed.
 *
 * State is per GFID and lives in GSP-RM: a GSP reset or crash forgets all
 * of it (types included). Fault knobs (debugfs gpuN/vgpu_*): never_ready
 * (the next bootloaded plugin never writes its ready marker), plugin_error
 * (the next N messages fail with NV_ERR_GENERIC), slow_ms (every plugin
 * action is delayed by that much).
 *
 * Locking: &nvsim_vgpu.lock protects the type table and every instance;
 * the worker drops it while it sleeps for slow_ms.
 */
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include <nvrm/535.113.01/nvrm.h>
#include <nvrm/570.144/vgpu_guest.h>

#include "../nvsim.h"
#include "../vgpu_guest.h"

#define NVSIM_VGPU_MAX_GFID	32
#define NVSIM_VGPU_CHIDS	4096
#define NVSIM_VGPU_RPC_VERSION	1

enum nvsim_vgpu_state {
	NVSIM_VGPU_FREE,
	NVSIM_VGPU_BOOTING,	/* bootloaded, ready marker not written yet */
	NVSIM_VGPU_READY,	/* plugin runs, not configured */
	NVSIM_VGPU_CONFIGURED,	/* SETUP_CONFIG_PARAMS_AND_INIT done */
	NVSIM_VGPU_SHUTDOWN,	/* task stopped, waiting for cleanup */
};

/**
 * struct nvsim_vgpu_inst - the plugin of one GFID
 * @state: &enum nvsim_vgpu_state
 * @type: vGPU type id
 * @dbdf: guest function
 * @num_channels: channels
 * @fb_base: first FB segment (the only one checked for overlap per segment)
 * @fb_len: FB length in total
 * @heap_base: management heap
 * @heap_len: its length
 * @last_seq: last message sequence number processed
 * @never_ready: this boot does not write the ready marker
 * @messages: messages processed
 * @h_client: the vGPU's RM client (SETUP_CONFIG_PARAMS_AND_INIT)
 * @gs: the guest channel (vgpu_guest.c)
 */
struct nvsim_vgpu_inst {
	int state;
	u32 type;
	u32 dbdf;
	u32 num_channels;
	u64 fb_base;
	u64 fb_len;
	u64 heap_base;
	u64 heap_len;
	u32 last_seq;
	bool never_ready;
	u64 messages;
	u32 h_client;
	struct nvsim_vgpu_gstate gs;
};

/**
 * struct nvsim_vgpu - vGPU manager state of one simulated GPU
 * @gpu: the GPU
 * @lock: protects everything below except the knobs and @pending
 * @types: uploaded type table
 * @nr_types: entries in @types
 * @inst: plugins by GFID (index 0 unused)
 * @pending: GFIDs with a doorbell or a boot to serve (atomic bitops)
 * @work: the plugin worker
 * @never_ready: knob
 * @plugin_error: knob (count)
 * @slow_ms: knob
 * @bad: malformed plugin traffic seen (doorbells, messages)
 * @guest_bad: guest RPC requests refused (vgpu_guest.c)
 */
struct nvsim_vgpu {
	struct nvsim_gpu *gpu;
	struct mutex lock;
	struct NVA081_CTRL_VGPU_INFO *types;
	unsigned int nr_types;
	struct nvsim_vgpu_inst inst[NVSIM_VGPU_MAX_GFID + 1];
	unsigned long pending[BITS_TO_LONGS(NVSIM_VGPU_MAX_GFID + 1)];
	struct work_struct work;
	bool never_ready;
	u32 plugin_error;
	u32 slow_ms;
	u32 bad;
	u32 guest_bad;
};

static void nvsim_vgpu_work(struct work_struct *work);

/**
 * nvsim_vgpu_init() - vGPU manager state of a new GPU
 * @gpu: the GPU
 *
 * Return: 0 or -ENOMEM.
 */
int nvsim_vgpu_init(struct nvsim_gpu *gpu)
{
	struct nvsim_vgpu *vg = kzalloc(sizeof(*vg), GFP_KERNEL);

	if (!vg)
		return -ENOMEM;
	vg->types = kvcalloc(NVA081_MAX_VGPU_TYPES_PER_PGPU, sizeof(*vg->types),
			     GFP_KERNEL);
	if (!vg->types) {
		kfree(vg);
		return -ENOMEM;
	}
	if (nvsim_vgpu_guest_init(gpu)) {
		kvfree(vg->types);
		kfree(vg);
		return -ENOMEM;
	}
	vg->gpu = gpu;
	mutex_init(&vg->lock);
	INIT_WORK(&vg->work, nvsim_vgpu_work);
	gpu->vgpu = vg;
	return 0;
}

/**
 * nvsim_vgpu_debugfs() - the fault knobs, in the GPU's debugfs directory
 * @gpu: the GPU
 */
void nvsim_vgpu_debugfs(struct nvsim_gpu *gpu)
{
	struct nvsim_vgpu *vg = gpu->vgpu;

	if (!vg || IS_ERR_OR_NULL(gpu->dbg))
		return;
	debugfs_create_bool("vgpu_never_ready", 0600, gpu->dbg, &vg->never_ready);
	debugfs_create_u32("vgpu_plugin_error", 0600, gpu->dbg, &vg->plugin_error);
	debugfs_create_u32("vgpu_slow_ms", 0600, gpu->dbg, &vg->slow_ms);
	debugfs_create_u32("vgpu_bad", 0400, gpu->dbg, &vg->bad);
	debugfs_create_u32("vgpu_guest_bad", 0400, gpu->dbg, &vg->guest_bad);
}

/**
 * nvsim_vgpu_fini() - free the state; no doorbell or control may come
 * @gpu: the GPU
 */
void nvsim_vgpu_fini(struct nvsim_gpu *gpu)
{
	struct nvsim_vgpu *vg = gpu->vgpu;

	if (!vg)
		return;
	cancel_work_sync(&vg->work);
	nvsim_vgpu_guest_fini(gpu);
	gpu->vgpu = NULL;
	mutex_destroy(&vg->lock);
	kvfree(vg->types);
	kfree(vg);
}

/**
 * nvsim_vgpu_reset() - GSP-RM went away: every plugin and the types too
 * @gpu: the GPU
 */
void nvsim_vgpu_reset(struct nvsim_gpu *gpu)
{
	struct nvsim_vgpu *vg = gpu->vgpu;

	if (!vg)
		return;
	mutex_lock(&vg->lock);
	memset(vg->inst, 0, sizeof(vg->inst));
	vg->nr_types = 0;
	mutex_unlock(&vg->lock);
}

/* ---- controls ---- */

static const struct NVA081_CTRL_VGPU_INFO *
nvsim_vgpu_type(struct nvsim_vgpu *vg, u32 id)
{
	unsigned int i;

	for (i = 0; i < vg->nr_types; i++)
		if (vg->types[i].vgpuType == id)
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
				 const struct NVA081_CTRL_VGPU_INFO *t)
{
	u32 running_type = 0;
	unsigned int n = nvsim_vgpu_running(vg, &running_type);

	if (!n)
		return t->maxInstance > 0;
	return running_type == t->vgpuType && n < t->maxInstance;
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
	memcpy(&vg->types[base], p->vgpuInfo,
	       p->vgpuInfoCount * sizeof(p->vgpuInfo[0]));
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
	const struct NVA081_CTRL_VGPU_INFO *t;
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
	if (sum != t->fbLength)
		return NV_ERR_INVALID_ARGUMENT;
	if (p->pluginHeapMemoryLength != t->gspHeapSize ||
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
		.type = t->vgpuType,
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
			p->vgpuTypes[n++] = vg->types[i].vgpuType;
	p->numVgpuTypes = n;
	return NV_OK;
}

/**
 * nvsim_vgpu_ctrl_known() - is @cmd a vGPU manager control?
 * @cmd: control command
 *
 * Return: true if nvsim_vgpu_ctrl() serves it.
 */
bool nvsim_vgpu_ctrl_known(u32 cmd)
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
u32 nvsim_vgpu_ctrl(struct nvsim_gpu *gpu, u32 cmd, void *params, u32 size)
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
		const struct NVA081_CTRL_VGPU_INFO *t = nvsim_vgpu_type(vg, p->vgpuType);

		ret = NV_ERR_OBJECT_NOT_FOUND;
		if (t) {
			p->vgpuTypeInfo = *t;
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

/* ---- the plugin: doorbells and messages ---- */

/**
 * nvsim_vgpu_doorbell() - a write to the vGPU doorbell register
 * @gpu: the GPU
 * @val: the value written (gfid * 32 + 17)
 *
 * Any context: only queues the GFID for the worker.
 */
void nvsim_vgpu_doorbell(struct nvsim_gpu *gpu, u32 val)
{
	struct nvsim_vgpu *vg = gpu->vgpu;
	u32 gfid = (val - NVRM_VGPU_DOORBELL_ADD) / 32;

	if (!vg)
		return;
	/* Guest doorbells relayed on the PF (vgpu_guest.c). */
	if (val % 32 == NV_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE ||
	    val % 32 == NV_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE) {
		nvsim_vgpu_guest_doorbell(gpu, val / 32, val % 32);
		return;
	}
	if (val < NVRM_VGPU_DOORBELL_ADD ||
	    (val - NVRM_VGPU_DOORBELL_ADD) % 32 || !gfid ||
	    gfid > NVSIM_VGPU_MAX_GFID) {
		vg->bad++;
		return;
	}
	set_bit(gfid, vg->pending);
	queue_work(system_unbound_wq, &vg->work);
}

static int nvsim_heap_rw(struct nvsim_gpu *gpu, const struct nvsim_vgpu_inst *in,
			 u64 off, void *buf, size_t len, bool write)
{
	if (off > in->heap_len || len > in->heap_len - off)
		return -EINVAL;
	return nvsim_vram_rw(gpu, in->heap_base + off, buf, len, write);
}

static bool nvsim_is_pow2(u64 v)
{
	return v && !(v & (v - 1));
}

/* One message; vg->lock held. Returns the result code. */
static u32 nvsim_vgpu_msg(struct nvsim_vgpu *vg, struct nvsim_vgpu_inst *in,
			  u32 type, u8 *msg)
{
	switch (type) {
	case NVRM_VGPU_CPU_RPC_MSG_VERSION_NEGOTIATION: {
		struct nvrm_vgpu_rpc_version *v = (void *)msg;

		if (!v->version_cpu)
			return NV_ERR_INVALID_ARGUMENT;
		v->version_negotiated = min_t(u32, v->version_cpu,
					      NVSIM_VGPU_RPC_VERSION);
		return NV_OK;
	}
	case NVRM_VGPU_CPU_RPC_MSG_SETUP_CONFIG_PARAMS_AND_INIT: {
		struct nvrm_vgpu_rpc_config *c = (void *)msg;

		if (in->state != NVSIM_VGPU_READY)
			return NV_ERR_INVALID_STATE;
		if (c->vgpu_type != in->type || c->num_channels != in->num_channels ||
		    c->driver_vm_vf_dbdf != in->dbdf ||
		    !memchr_inv(c->vgpu_uuid, 0, sizeof(c->vgpu_uuid)) ||
		    (c->vgpu_device_instance_id & 0xffff0000u) != 0xc1d00000u ||
		    (c->host_cpu_arch != NVRM_VGPU_HOST_CPU_ARCH_AARCH64 &&
		     c->host_cpu_arch != NVRM_VGPU_HOST_CPU_ARCH_X86_64) ||
		    !nvsim_is_pow2(c->host_page_size) || c->host_page_size < SZ_4K)
			return NV_ERR_INVALID_ARGUMENT;
		in->state = NVSIM_VGPU_CONFIGURED;
		in->h_client = c->vgpu_device_instance_id;
		return NV_OK;
	}
	case NVRM_VGPU_CPU_RPC_MSG_RESET:
		if (in->state != NVSIM_VGPU_CONFIGURED)
			return NV_ERR_INVALID_STATE;
		memset(&in->gs, 0, sizeof(in->gs));	/* the guest starts over */
		return NV_OK;
	case NVRM_VGPU_CPU_RPC_MSG_UPDATE_BME_STATE: {
		struct nvrm_vgpu_rpc_bme *b = (void *)msg;

		if (in->state != NVSIM_VGPU_CONFIGURED)
			return NV_ERR_INVALID_STATE;
		return b->enable > 1 || b->allowed > 1 ? NV_ERR_INVALID_ARGUMENT : NV_OK;
	}
	}
	return NV_ERR_NOT_SUPPORTED;
}

/* Serve one GFID; vg->lock held. */
static void nvsim_vgpu_serve(struct nvsim_vgpu *vg, u32 gfid, u8 *msg)
{
	struct nvsim_gpu *gpu = vg->gpu;
	struct nvsim_vgpu_inst *in = &vg->inst[gfid];
	struct nvrm_vgpu_cpu_gsp_ctrl ctrl;
	struct nvrm_vgpu_cpu_gsp_response rsp = {};
	u32 marker = NVRM_GSP_PLUGIN_BOOTLOADED;

	if (in->state == NVSIM_VGPU_BOOTING) {
		if (in->never_ready)
			return;
		if (!nvsim_heap_rw(gpu, in, NVRM_VGPU_HEAP_CTRL_OFF +
				   offsetof(struct nvrm_vgpu_cpu_gsp_ctrl, message_seq_num),
				   &marker, sizeof(marker), true))
			in->state = NVSIM_VGPU_READY;
		return;
	}
	if (in->state != NVSIM_VGPU_READY && in->state != NVSIM_VGPU_CONFIGURED) {
		vg->bad++;	/* a doorbell for a GFID with no plugin */
		return;
	}
	if (nvsim_heap_rw(gpu, in, NVRM_VGPU_HEAP_CTRL_OFF, &ctrl, sizeof(ctrl),
			  false))
		return;
	if (ctrl.message_seq_num == in->last_seq)
		return;		/* nothing new */
	if (ctrl.version != NVRM_VGPU_CPU_GSP_CTRL_BUFF_VERSION ||
	    ctrl.response_buff_offset != NVRM_VGPU_HEAP_RESPONSE_OFF ||
	    ctrl.message_buff_offset != NVRM_VGPU_HEAP_MESSAGE_OFF) {
		rsp.result_code = NV_ERR_INVALID_ARGUMENT;
	} else if (nvsim_heap_rw(gpu, in, NVRM_VGPU_HEAP_MESSAGE_OFF, msg,
				 NVRM_VGPU_BUFF_SIZE, false)) {
		return;
	} else if (vg->plugin_error) {
		vg->plugin_error--;
		rsp.result_code = NV_ERR_GENERIC;
	} else {
		rsp.result_code = nvsim_vgpu_msg(vg, in, ctrl.message_type, msg);
		if (rsp.result_code == NV_OK)
			nvsim_heap_rw(gpu, in, NVRM_VGPU_HEAP_MESSAGE_OFF, msg,
				      NVRM_VGPU_BUFF_SIZE, true);
	}
	if (rsp.result_code)
		vg->bad++;
	in->messages++;
	in->last_seq = ctrl.message_seq_num;
	/* Result first, then the sequence number the host polls. */
	nvsim_heap_rw(gpu, in, NVRM_VGPU_HEAP_RESPONSE_OFF + 4, &rsp.result_code,
		      sizeof(u32), true);
	nvsim_heap_rw(gpu, in, NVRM_VGPU_HEAP_RESPONSE_OFF, &in->last_seq,
		      sizeof(u32), true);
}

static bool nvsim_rm_is_running(struct nvsim_gpu *gpu)
{
	unsigned long flags;
	bool on;

	spin_lock_irqsave(&gpu->reg_lock, flags);
	on = gpu->regs.rm_running;
	spin_unlock_irqrestore(&gpu->reg_lock, flags);
	return on;
}

static void nvsim_vgpu_work(struct work_struct *work)
{
	struct nvsim_vgpu *vg = container_of(work, struct nvsim_vgpu, work);
	unsigned int gfid, slow;
	u8 *msg;

	msg = kmalloc(NVRM_VGPU_BUFF_SIZE, GFP_KERNEL);
	if (!msg)
		return;
	for (gfid = 1; gfid <= NVSIM_VGPU_MAX_GFID; gfid++) {
		if (!test_and_clear_bit(gfid, vg->pending))
			continue;
		slow = READ_ONCE(vg->slow_ms);
		if (slow)
			msleep(slow);
		if (!nvsim_rm_is_running(vg->gpu))
			continue;	/* a dead GSP serves nothing */
		mutex_lock(&vg->lock);
		nvsim_vgpu_serve(vg, gfid, msg);
		mutex_unlock(&vg->lock);
	}
	kfree(msg);
}

/**
 * nvsim_vgpu_target_get() - lock a configured plugin for its guest
 * @gpu: the GPU
 * @gfid: the GFID
 * @t: filled: guest FB, RM client, guest channel state
 *
 * Return: true (locked: nvsim_vgpu_target_put() unlocks) if the GFID's
 * plugin is configured.
 */
bool nvsim_vgpu_target_get(struct nvsim_gpu *gpu, u32 gfid,
			   struct nvsim_vgpu_target *t)
{
	struct nvsim_vgpu *vg = gpu->vgpu;
	struct nvsim_vgpu_inst *in;

	if (!vg || !gfid || gfid > NVSIM_VGPU_MAX_GFID)
		return false;
	mutex_lock(&vg->lock);
	in = &vg->inst[gfid];
	if (in->state != NVSIM_VGPU_CONFIGURED) {
		mutex_unlock(&vg->lock);
		return false;
	}
	t->fb_base = in->fb_base;
	t->fb_len = in->fb_len;
	t->h_client = in->h_client;
	t->gs = &in->gs;
	return true;
}

/**
 * nvsim_vgpu_target_put() - unlock it
 * @gpu: the GPU
 */
void nvsim_vgpu_target_put(struct nvsim_gpu *gpu)
{
	mutex_unlock(&gpu->vgpu->lock);
}

/**
 * nvsim_vgpu_guest_bad() - count a refused guest request
 * @gpu: the GPU
 */
void nvsim_vgpu_guest_bad(struct nvsim_gpu *gpu)
{
	if (gpu->vgpu)
		WRITE_ONCE(gpu->vgpu->guest_bad, READ_ONCE(gpu->vgpu->guest_bad) + 1);
}
