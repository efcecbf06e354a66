// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore vGPU manager: vGPU types, vGPU creation through the GSP vGPU
 * plugin, and the host <-> plugin channel.
 *
 * DOC: vGPU manager
 *
 * The sequence follows NVIDIA's vGPU RFC (fact sheet section 9; RFC
 * drivers/vfio/pci/nvidia-vgpu/{vgpu_mgr.c,vgpu.c,rpc.c}), with nvcore
 * doing the GSP-RM side so that no firmware structure reaches the client:
 *
 * Types: the host's type table is uploaded with
 * NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE (discarding what was
 * there) on the client's RM subdevice; what is supported and creatable is
 * read back through an NVA081_VGPU_CONFIG object allocated under that
 * subdevice.
 *
 * Create: in the caller's partition allocate the guest FB (one contiguous
 * block), the management heap, 512 channel IDs, BAR1 space for the heap
 * and one GFID; scrub FB and heap; allocate a per-vGPU RM client; send
 * BOOTLOAD_GSP_VGPU_PLUGIN_TASK with the FB segment, the heap and its
 * buffer offsets, and the channel offset for every engine of the partition;
 * wait for the plugin's ready marker in the control buffer; then run
 * VERSION_NEGOTIATION and SETUP_CONFIG_PARAMS_AND_INIT over the host
 * channel. Destroy: SHUTDOWN_GSP_VGPU_PLUGIN_TASK, VGPU_PLUGIN_CLEANUP,
 * free the RM client, scrub FB and heap, free everything.
 *
 * Host channel (section 9.5): buffers at the start of the heap, which the
 * CPU reaches through BAR1. A call writes the message into the message
 * buffer, the type and then an incremented sequence number into the
 * control buffer, rings the doorbell (GFID * 32 + 17 at 0xb82200, read
 * back), and polls the response buffer until the plugin reports that
 * sequence processed; then the result code and the message buffer are
 * read back. On the sim bus the BAR1 view of VRAM is the bus's vram_rw,
 * so the heap's BAR1 range is reserved for accounting only.
 *
 * Timeouts are module parameters (core/gsp/vgpu.c) (RFC: 10 s for the plugin to start, 120 s
 * per message); the GPU being lost aborts any wait at once.
 *
 * Locking: &nvc_vgpu_mgr.lock protects the manager's type table, vGPU list
 * and VGPU_CONFIG object; &nvc_vgpu.msg_lock serialises one vGPU's host
 * channel. GSP-RM calls hold &nvc_res.rec.gsp_sem for reading only for the
 * call itself; the waits above do not hold it.
 */
#include <linux/delay.h>
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvcore/nvcore.h>
#include <nvcore/vgpu.h>

#include "nvcore.h"
#include "client.h"
#include "gsp/gsp.h"
#include "gsp/vgpu_guest.h"
#include "gsp/vgpu_mgr.h"

/* Compiled once per version, from core/gsp/r<NNN>/fw.c (NVC_FW_HAS_VGPU). */

/* Handle of the VGPU_CONFIG object under the client's subdevice. */
#define NVC_H_VGPU_CONFIG	0xa0810000u
/* Host channel protocol version nvcore speaks (assumption, docs/nvsim.md). */
#define NVC_VGPU_RPC_VERSION	1


/* Take the GSP for one call: -ENODEV while lost or recovering. */
static int nvc_vgpu_gsp_get(struct nvc_gpu *gpu)
{
	if (!down_read_trylock(&gpu->res.rec.gsp_sem))
		return -ENODEV;
	if (gpu->res.rec.lost) {
		up_read(&gpu->res.rec.gsp_sem);
		return -ENODEV;
	}
	return 0;
}

static void nvc_vgpu_gsp_put(struct nvc_gpu *gpu)
{
	up_read(&gpu->res.rec.gsp_sem);
}

static int nvc_vgpu_ctrl(struct nvc_vgpu_mgr *mgr, u32 h_object, u32 cmd,
			 void *params, u32 size)
{
	struct nvc_gpu *gpu = mgr->gpu;
	int ret;

	ret = nvc_vgpu_gsp_get(gpu);
	if (ret)
		return ret;
	ret = nvc_rm_control(gpu->gsp, mgr->client->h_client, h_object, cmd,
			     params, size);
	nvc_vgpu_gsp_put(gpu);
	return ret;
}

/**
 * nvc_fw_vgpu_mgr_open() - the vGPU manager of a client
 * @client: an open client (one manager per client)
 *
 * This version's manager (&nvc_fw_vgpu_ops); core/gsp/vgpu.c sets
 * &nvc_vgpu_mgr.ops.
 *
 * Return: the manager or an ERR_PTR (-ENOMEM).
 */
static struct nvc_vgpu_mgr *nvc_fw_vgpu_mgr_open(struct nvc_client *client)
{
	struct nvc_vgpu_mgr *mgr;

	mgr = kzalloc(sizeof(*mgr), GFP_KERNEL);
	if (!mgr)
		return ERR_PTR(-ENOMEM);
	mgr->client = client;
	mgr->gpu = client->gpu;
	mutex_init(&mgr->lock);
	mutex_init(&mgr->relay_lock);
	INIT_LIST_HEAD(&mgr->vgpus);
	mgr->config_gen = -1;
	return mgr;
}

/**
 * nvc_fw_vgpu_mgr_close() - release a manager
 * @mgr: the manager; every vGPU must have been destroyed
 */
static void nvc_fw_vgpu_mgr_close(struct nvc_vgpu_mgr *mgr)
{
	struct nvc_gpu *gpu = mgr->gpu;

	WARN_ON(!list_empty(&mgr->vgpus));
	if (mgr->config_gen == READ_ONCE(gpu->res.rec.recoveries) &&
	    !nvc_vgpu_gsp_get(gpu)) {
		nvc_rm_free(gpu->gsp, mgr->client->h_client, NVC_H_SUBDEVICE,
			    NVC_H_VGPU_CONFIG);
		nvc_vgpu_gsp_put(gpu);
	}
	mutex_destroy(&mgr->relay_lock);
	mutex_destroy(&mgr->lock);
	kfree(mgr);
}

/**
 * nvc_fw_vgpu_guest_regs() - BAR0 offsets of the registers a vGPU's guest uses
 * @mgr: the vGPU manager
 * @regs: filled with the offsets
 *
 * A VF sees its NV_VIRTUAL_FUNCTION registers from BAR0 offset 0 (OGKM
 * gpuGetVirtRegPhysOffset_TU102): the interrupt leaf and doorbell of
 * dev_vm.h, the mailbox scratch registers that carry the guest's RPC
 * buffer address (nv_sriov_defines.h); NV_PMC_BOOT_0 (dev_boot.h).
 */
static void nvc_fw_vgpu_guest_regs(struct nvc_vgpu_mgr *mgr,
			 struct nvc_vgpu_guest_regs *regs)
{
	regs->boot0 = NV_PMC_BOOT_0;
	regs->intr_leaf0 = NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0);
	regs->doorbell = NVRM_VF_PRIV_DOORBELL;
	regs->scratch0 = NVRM_VF_PRIV_MAILBOX_SCRATCH(0);
	regs->nr_scratch = NVRM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1;
	regs->rpc_lo = NVRM_VF_PRIV_MAILBOX_SCRATCH(NV_VF_SCRATCH_REGISTER_GUEST_RPC_LO);
	regs->rpc_hi = NVRM_VF_PRIV_MAILBOX_SCRATCH(NV_VF_SCRATCH_REGISTER_GUEST_RPC_HI);
}

/* The VGPU_CONFIG object, (re)allocated after a recovery. mgr->lock held. */
static int nvc_vgpu_config_obj(struct nvc_vgpu_mgr *mgr)
{
	struct nvc_gpu *gpu = mgr->gpu;
	unsigned int gen;
	int ret;

	ret = nvc_vgpu_gsp_get(gpu);
	if (ret)
		return ret;
	gen = gpu->res.rec.recoveries;
	if (mgr->config_gen != gen) {
		ret = nvc_rm_alloc(gpu->gsp, mgr->client->h_client, NVC_H_SUBDEVICE,
				   NVC_H_VGPU_CONFIG, NVA081_VGPU_CONFIG, NULL, 0);
		if (!ret)
			mgr->config_gen = gen;
	}
	nvc_vgpu_gsp_put(gpu);
	return ret;
}

static bool nvc_vgpu_str_ok(const char *s, size_t size)
{
	return s[0] && strnlen(s, size) < size;
}

static void nvc_vgpu_type_to_rm(const struct nvc_vgpu_type *t,
				const struct nvc_gpu_info *gi,
				struct NVA081_CTRL_VGPU_INFO *r)
{
	unsigned int i;

	r->vgpuType = t->id;
	strscpy(r->vgpuName, t->name, sizeof(r->vgpuName));
	strscpy(r->vgpuClass, t->class_name, sizeof(r->vgpuClass));
	r->maxInstance = t->max_instances;
	r->numHeads = t->num_heads;
	r->maxResolutionX = t->max_res_x;
	r->maxResolutionY = t->max_res_y;
	r->maxPixels = t->max_res_x * t->max_res_y;
	r->multiVgpuSupported = 1;
	r->vdevId = (u64)t->device_id << 16 | t->subsystem_id;
	r->pdevId = gi->device;
	r->profileSize = t->fb_length;
	r->fbLength = t->fb_length;
	r->gspHeapSize = t->heap_length;
	r->mappableVideoSize = t->bar1_length;
	r->bar1Length = t->bar1_length;
	strscpy(r->adapterName, t->name, sizeof(r->adapterName));
	for (i = 0; i < sizeof(r->adapterName) && r->adapterName[i]; i++)
		r->adapterName_Unicode[i] = r->adapterName[i];
	strscpy(r->shortGpuNameString, gi->chip, sizeof(r->shortGpuNameString));
#ifdef NVC_FW_VGPU_PLACEMENTS
	/*
	 * Homogeneous placements as OGKM r570 kernel_vgpu_mgr.c lays them
	 * out: placementSize is the profile size in GiB (0: placements not
	 * supported), placement j starts at j * placementSize, one per
	 * instance. No heterogeneous placements (one type at a time).
	 */
	r->placementSize = t->fb_length >> 30;
	if (r->placementSize) {
		r->homogeneousPlacementCount = min_t(u32, t->max_instances,
						     NVA081_MAX_VGPU_PER_PGPU);
		for (i = 0; i < r->homogeneousPlacementCount; i++)
			r->homogeneousPlacementIds[i] = i * r->placementSize;
	}
#endif
}

static bool nvc_vgpu_is_lost(struct nvc_vgpu *v);

/* No vGPU whose plugin still runs? mgr->lock held. */
static bool nvc_vgpu_all_lost(struct nvc_vgpu_mgr *mgr)
{
	struct nvc_vgpu *v;

	list_for_each_entry(v, &mgr->vgpus, node)
		if (!nvc_vgpu_is_lost(v))
			return false;
	return true;
}

/**
 * nvc_fw_vgpu_types_set() - upload the host's vGPU type table to GSP-RM
 * @mgr: the manager
 * @types: the types (ids unique and non-zero, names set, sizes non-zero
 *	multiples of 2 MiB, heap large enough for the plugin's buffers)
 * @n: how many (at most %NVC_VGPU_MAX_TYPES)
 *
 * Replaces the previous table. Also to be called after a recovery: the
 * table lives in GSP-RM.
 *
 * Return: 0, -EINVAL for a bad table, -EBUSY while vGPUs run, -ENODEV
 * while the GPU is lost, or an error from GSP-RM.
 */
static int nvc_fw_vgpu_types_set(struct nvc_vgpu_mgr *mgr,
		       const struct nvc_vgpu_type *types, unsigned int n)
{
	struct NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS *p;
	const struct nvc_gpu_info *gi = &mgr->gpu->info;
	unsigned int i, j;
	int ret;

	if (n > NVC_VGPU_MAX_TYPES)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		const struct nvc_vgpu_type *t = &types[i];

		if (!t->id || !nvc_vgpu_str_ok(t->name, sizeof(t->name)) ||
		    !nvc_vgpu_str_ok(t->class_name, sizeof(t->class_name)) ||
		    !t->max_instances || !t->fb_length ||
		    !IS_ALIGNED(t->fb_length, SZ_2M) ||
		    !IS_ALIGNED(t->heap_length, SZ_2M) ||
		    t->heap_length < NVRM_VGPU_HEAP_COMM_SIZE ||
		    !is_power_of_2(t->bar1_length))
			return -EINVAL;
		for (j = 0; j < i; j++)
			if (types[j].id == t->id)
				return -EINVAL;
	}
	p = kvzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->discardVgpuTypes = 1;
	p->vgpuInfoCount = n;
	for (i = 0; i < n; i++)
		nvc_vgpu_type_to_rm(&types[i], gi, &p->vgpuInfo[i]);

	mutex_lock(&mgr->lock);
	ret = -EBUSY;
	if (nvc_vgpu_all_lost(mgr))
		ret = nvc_vgpu_ctrl(mgr, NVC_H_SUBDEVICE,
				    NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE,
				    p, sizeof(*p));
	if (!ret) {
		memcpy(mgr->types, types, n * sizeof(*types));
		mgr->nr_types = n;
	}
	mutex_unlock(&mgr->lock);
	kvfree(p);
	return ret;
}

/**
 * nvc_fw_vgpu_types_query() - what GSP-RM supports, or can create now
 * @mgr: the manager
 * @creatable: creatable now (else: supported at all)
 * @ids: output
 * @max: room in @ids
 *
 * Return: the number of ids written, or a negative errno.
 */
static int nvc_fw_vgpu_types_query(struct nvc_vgpu_mgr *mgr, bool creatable, u32 *ids,
			 unsigned int max)
{
	struct NVA081_CTRL_VGPU_CONFIG_GET_VGPU_TYPES_PARAMS *p;
	unsigned int n;
	int ret;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	mutex_lock(&mgr->lock);
	ret = nvc_vgpu_config_obj(mgr);
	if (!ret)
		ret = nvc_vgpu_ctrl(mgr, NVC_H_VGPU_CONFIG, creatable ?
				    NVA081_CTRL_CMD_VGPU_CONFIG_GET_CREATABLE_VGPU_TYPES :
				    NVA081_CTRL_CMD_VGPU_CONFIG_GET_SUPPORTED_VGPU_TYPES,
				    p, sizeof(*p));
	mutex_unlock(&mgr->lock);
	if (!ret) {
		/* The firmware's answer is checked like any input. */
		n = min_t(u32, p->numVgpuTypes, ARRAY_SIZE(p->vgpuTypes));
		n = min(n, max);
		memcpy(ids, p->vgpuTypes, n * sizeof(u32));
		ret = n;
	}
	kfree(p);
	return ret;
}

/* ---- host channel ---- */

static int nvc_vgpu_heap_rw(struct nvc_vgpu *v, u64 off, void *buf,
			    size_t len, bool write)
{
	struct nvc_gpu *gpu = v->mgr->gpu;

	if (off > v->heap.size || len > v->heap.size - off)
		return -EINVAL;
	if (!gpu->bus->vram_rw)
		return -EOPNOTSUPP;
	return gpu->bus->vram_rw(gpu, v->heap.base + off, buf, len, write);
}

static int nvc_vgpu_heap_rd32(struct nvc_vgpu *v, u64 off, u32 *val)
{
	return nvc_vgpu_heap_rw(v, off, val, sizeof(*val), false);
}

static int nvc_vgpu_heap_wr32(struct nvc_vgpu *v, u64 off, u32 val)
{
	return nvc_vgpu_heap_rw(v, off, &val, sizeof(val), true);
}

/* Lost since this vGPU was created (its plugin died with GSP-RM)? */
static bool nvc_vgpu_is_lost(struct nvc_vgpu *v)
{
	struct nvc_res *res = &v->mgr->gpu->res;

	return READ_ONCE(res->rec.lost) || READ_ONCE(res->rec.recoveries) != v->gen;
}

/* Poll a heap word until it equals @want: 0, -ETIMEDOUT or -ENODEV. */
static int nvc_vgpu_poll(struct nvc_vgpu *v, u64 off, u32 want,
			 unsigned int timeout_ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(timeout_ms);
	unsigned int spins = 0;
	u32 val;
	int ret;

	for (;;) {
		ret = nvc_vgpu_heap_rd32(v, off, &val);
		if (ret)
			return ret;
		if (val == want)
			return 0;
		if (nvc_vgpu_is_lost(v))
			return -ENODEV;
		if (time_after(jiffies, end))
			return -ETIMEDOUT;
		if (++spins < 50)
			usleep_range(20, 50);
		else
			usleep_range(500, 1000);
	}
}

static void nvc_vgpu_doorbell(struct nvc_vgpu *v)
{
	struct nvc_gpu *gpu = v->mgr->gpu;

	nvc_wr32(gpu, NVRM_VGPU_DOORBELL, NVRM_VGPU_DOORBELL_VALUE(v->gfid));
	nvc_rd32(gpu, NVRM_VGPU_DOORBELL);
}

/*
 * One host channel call: @data (@len bytes) into the message buffer, and
 * @out_len bytes of it back into @data afterwards. v->msg_lock held.
 */
static int nvc_vgpu_call(struct nvc_vgpu *v, u32 type, void *data, u32 len,
			 u32 out_len)
{
	struct nvrm_vgpu_cpu_gsp_response rsp;
	u32 seq = v->seq + 1;
	int ret;

	if (len > NVRM_VGPU_BUFF_SIZE || out_len > NVRM_VGPU_BUFF_SIZE)
		return -EINVAL;
	if (nvc_vgpu_is_lost(v))
		return -ENODEV;
	ret = nvc_vgpu_heap_rw(v, NVRM_VGPU_HEAP_MESSAGE_OFF, data, len, true);
	if (!ret)
		ret = nvc_vgpu_heap_wr32(v, NVRM_VGPU_HEAP_CTRL_OFF +
					 offsetof(struct nvrm_vgpu_cpu_gsp_ctrl, message_type),
					 type);
	if (!ret)
		ret = nvc_vgpu_heap_wr32(v, NVRM_VGPU_HEAP_CTRL_OFF +
					 offsetof(struct nvrm_vgpu_cpu_gsp_ctrl, message_seq_num),
					 seq);
	if (ret)
		return ret;
	v->seq = seq;
	nvc_vgpu_doorbell(v);
	ret = nvc_vgpu_poll(v, NVRM_VGPU_HEAP_RESPONSE_OFF +
			    offsetof(struct nvrm_vgpu_cpu_gsp_response,
				     message_seq_num_processed),
			    seq, nvc_vgpu_msg_timeout_ms);
	if (ret)
		return ret;
	ret = nvc_vgpu_heap_rw(v, NVRM_VGPU_HEAP_RESPONSE_OFF, &rsp, sizeof(rsp),
			       false);
	if (ret)
		return ret;
	if (rsp.result_code)
		return nvc_nv_status_to_errno(rsp.result_code) ?: -EIO;
	if (out_len)
		ret = nvc_vgpu_heap_rw(v, NVRM_VGPU_HEAP_MESSAGE_OFF, data, out_len,
				       false);
	return ret;
}

/* After the ready marker: the control buffer's fixed fields. */
static int nvc_vgpu_channel_init(struct nvc_vgpu *v,
				 const struct nvc_vgpu_create_args *args)
{
	struct nvc_gpu *gpu = v->mgr->gpu;
	struct nvrm_vgpu_cpu_gsp_ctrl *ctrl;
	struct nvrm_vgpu_rpc_version ver = { .version_cpu = NVC_VGPU_RPC_VERSION };
	struct nvrm_vgpu_rpc_config *cfg;
	int ret;

	ctrl = kzalloc(sizeof(*ctrl), GFP_KERNEL);
	cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);
	if (!ctrl || !cfg) {
		ret = -ENOMEM;
		goto out;
	}
	/* The sequence number is left as the plugin's marker until the first call. */
	ctrl->version = NVRM_VGPU_CPU_GSP_CTRL_BUFF_VERSION;
	ctrl->message_seq_num = NVRM_GSP_PLUGIN_BOOTLOADED;
	ctrl->response_buff_offset = NVRM_VGPU_HEAP_RESPONSE_OFF;
	ctrl->message_buff_offset = NVRM_VGPU_HEAP_MESSAGE_OFF;
	ctrl->migration_buff_offset = NVRM_VGPU_HEAP_MIGRATION_OFF;
	ctrl->error_buff_offset = NVRM_VGPU_HEAP_ERROR_OFF;
	ctrl->attached_vgpu_count = 1;
	ctrl->host_info[0].vgpu_type_id = v->type.id;
	ctrl->host_info[0].host_gpu_pci_id = gpu->pci.bdf;
	ctrl->host_info[0].pci_dev_id = (u32)v->type.device_id << 16 |
					v->type.subsystem_id;
	memcpy(ctrl->host_info[0].vgpu_uuid, args->uuid, NVRM_VGPU_UUID_SIZE);
	v->seq = NVRM_GSP_PLUGIN_BOOTLOADED;

	mutex_lock(&v->msg_lock);
	ret = nvc_vgpu_heap_rw(v, NVRM_VGPU_HEAP_CTRL_OFF, ctrl, sizeof(*ctrl),
			       true);
	if (!ret)
		ret = nvc_vgpu_call(v, NVRM_VGPU_CPU_RPC_MSG_VERSION_NEGOTIATION,
				    &ver, sizeof(ver), sizeof(ver));
	if (!ret && (!ver.version_negotiated ||
		     ver.version_negotiated > NVC_VGPU_RPC_VERSION))
		ret = -EPROTO;
	if (!ret) {
		v->plugin_version = ver.version_negotiated;
		memcpy(cfg->vgpu_uuid, args->uuid, sizeof(cfg->vgpu_uuid));
		cfg->dbdf = gpu->pci.bdf;
		cfg->driver_vm_vf_dbdf = args->dbdf;
		cfg->vgpu_device_instance_id = v->h_client;
		cfg->vgpu_type = v->type.id;
		cfg->num_channels = v->chids.count;
		cfg->host_cpu_arch = IS_ENABLED(CONFIG_ARM64) ?
				     NVRM_VGPU_HOST_CPU_ARCH_AARCH64 :
				     NVRM_VGPU_HOST_CPU_ARCH_X86_64;
		cfg->host_page_size = PAGE_SIZE;
		ret = nvc_vgpu_call(v, NVRM_VGPU_CPU_RPC_MSG_SETUP_CONFIG_PARAMS_AND_INIT,
				    cfg, sizeof(*cfg), 0);
	}
	mutex_unlock(&v->msg_lock);
out:
	kfree(cfg);
	kfree(ctrl);
	return ret;
}

/* NV2080 engine type of an engine of the GPU, 0 if it has none. */
static u32 nvc_vgpu_engine_type(const struct nvc_engine *e)
{
	switch (e->kind) {
	case NVC_ENGINE_GR:
		return e->instance ? 0 : NV2080_ENGINE_TYPE_GR0;
	case NVC_ENGINE_COPY:
		return NV2080_ENGINE_TYPE_COPY0 + e->instance;
	case NVC_ENGINE_NVDEC:
		return NV2080_ENGINE_TYPE_NVDEC0 + e->instance;
	case NVC_ENGINE_NVENC:
		return NV2080_ENGINE_TYPE_NVENC0 + e->instance;
	case NVC_ENGINE_NVJPG:
		return NV2080_ENGINE_TYPE_NVJPEG0 + e->instance;
	case NVC_ENGINE_OFA:
		return NV2080_ENGINE_TYPE_OFA;
	case NVC_ENGINE_SEC2:
		return NV2080_ENGINE_TYPE_SEC2;
	default:
		return 0;
	}
}

static int nvc_vgpu_bootload(struct nvc_vgpu *v,
			     const struct nvc_vgpu_create_args *args)
{
	struct NV2080_CTRL_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK_PARAMS *p;
	const struct nvc_gpu_info *gi = &v->mgr->gpu->info;
	unsigned int i;
	int ret;

	p = kvzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->dbdf = args->dbdf;
	p->gfid = v->gfid;
	p->vgpuType = v->type.id;
	p->numChannels = v->chids.count;
	for (i = 0; i < gi->nr_engines; i++) {
		u32 t = nvc_vgpu_engine_type(&gi->engines[i]);

		if (t && t < NV2080_GPU_MAX_ENGINES &&
		    !nvc_engine_check(v->part, i))
			p->chidOffset[t] = v->chids.first;
	}
	p->numGuestFbSegments = 1;
	p->guestFbPhysAddrList[0] = v->fb.base;
	p->guestFbLengthList[0] = v->fb.size;
	p->pluginHeapMemoryPhysAddr = v->heap.base;
	p->pluginHeapMemoryLength = v->heap.size;
	p->ctrlBuffOffset = NVRM_VGPU_HEAP_CTRL_OFF;
	p->initTaskLogBuffOffset = NVRM_VGPU_HEAP_INIT_LOG_OFF;
	p->initTaskLogBuffSize = NVRM_VGPU_HEAP_INIT_LOG_SIZE;
	p->vgpuTaskLogBuffOffset = NVRM_VGPU_HEAP_TASK_LOG_OFF;
	p->vgpuTaskLogBuffSize = NVRM_VGPU_HEAP_TASK_LOG_SIZE;
	ret = nvc_vgpu_ctrl(v->mgr, NVC_H_SUBDEVICE,
			    NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK,
			    p, sizeof(*p));
	kvfree(p);
	return ret;
}

/* SHUTDOWN then CLEANUP; nothing to do if the plugin died with GSP-RM. */
static void nvc_vgpu_plugin_stop(struct nvc_vgpu *v)
{
	struct NV2080_CTRL_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK_PARAMS s = {
		.gfid = v->gfid,
	};
	struct NV2080_CTRL_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP_PARAMS c = {
		.gfid = v->gfid,
	};
	struct nvc_gpu *gpu = v->mgr->gpu;

	if (nvc_vgpu_is_lost(v))
		return;
	if (nvc_vgpu_ctrl(v->mgr, NVC_H_SUBDEVICE,
			  NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK,
			  &s, sizeof(s)))
		dev_warn_ratelimited(gpu->dev, "nvcore: vGPU %u: plugin shutdown failed\n",
				     v->gfid);
	if (nvc_vgpu_ctrl(v->mgr, NVC_H_SUBDEVICE,
			  NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP,
			  &c, sizeof(c)))
		dev_warn_ratelimited(gpu->dev, "nvcore: vGPU %u: plugin cleanup failed\n",
				     v->gfid);
}

static int nvc_vgpu_scrub(struct nvc_gpu *gpu, const struct nvc_vram_region *r)
{
	if (!gpu->bus->vram_fill)
		return -EOPNOTSUPP;
	return gpu->bus->vram_fill(gpu, r->base, r->size, 0);
}

static void nvc_vgpu_rm_client_free(struct nvc_vgpu *v)
{
	struct nvc_gpu *gpu = v->mgr->gpu;

	if (!nvc_vgpu_is_lost(v) && !nvc_vgpu_gsp_get(gpu)) {
		nvc_rm_free(gpu->gsp, v->h_client, 0, v->h_client);
		nvc_vgpu_gsp_put(gpu);
	}
	ida_free(&gpu->res.client_ids, v->client_id);
}

/* Give back what the partition lent; the FB and heap are scrubbed first. */
static void nvc_vgpu_release_res(struct nvc_vgpu *v)
{
	struct nvc_gpu *gpu = v->mgr->gpu;

	if (v->gfid)
		nvc_gfid_free(v->part, v->gfid);
	if (v->bar1.size)
		nvc_bar1_free(v->part, &v->bar1);
	if (v->chids.count)
		nvc_chid_free(v->part, &v->chids);
	if (v->heap.size) {
		if (nvc_vgpu_scrub(gpu, &v->heap))
			dev_err(gpu->dev, "nvcore: vGPU heap scrub failed\n");
		nvc_vram_free(v->part, &v->heap);
	}
	if (v->fb.size) {
		if (nvc_vgpu_scrub(gpu, &v->fb))
			dev_err(gpu->dev, "nvcore: vGPU FB scrub failed\n");
		nvc_vram_free(v->part, &v->fb);
	}
}

/**
 * nvc_fw_vgpu_create() - create a vGPU and start its GSP plugin
 * @mgr: the manager
 * @part: a partition of the manager's client with room for the type's FB
 *	and heap, %NVC_VGPU_CHIDS channel IDs, the heap's BAR1 space and one
 *	GFID; its engine mask is the vGPU's
 * @args: type, UUID, guest-visible function
 *
 * Return: the vGPU, or ERR_PTR: -EINVAL (unknown type, foreign
 * partition), -ENOMEM/-ENOSPC (partition too small), -ETIMEDOUT (the
 * plugin did not start), -ENODEV (GPU lost) or an error from GSP-RM or the
 * plugin. On failure nothing is left allocated.
 */
static struct nvc_vgpu *nvc_fw_vgpu_create(struct nvc_vgpu_mgr *mgr,
				 struct nvc_partition *part,
				 const struct nvc_vgpu_create_args *args)
{
	struct nvc_gpu *gpu = mgr->gpu;
	struct nvc_vgpu *v;
	unsigned int i;
	int ret;

	if (nvc_partition_client(part) != mgr->client)
		return ERR_PTR(-EINVAL);
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return ERR_PTR(-ENOMEM);
	v->mgr = mgr;
	v->part = part;
	mutex_init(&v->msg_lock);
	mutex_init(&v->guest_lock);
	INIT_LIST_HEAD(&v->node);

	mutex_lock(&mgr->lock);
	ret = -EINVAL;
	for (i = 0; i < mgr->nr_types; i++)
		if (mgr->types[i].id == args->type_id)
			break;
	if (i < mgr->nr_types) {
		v->type = mgr->types[i];
		ret = 0;
	}
	mutex_unlock(&mgr->lock);
	if (ret)
		goto err_free;
	v->gen = READ_ONCE(gpu->res.rec.recoveries);

	ret = nvc_vram_alloc(part, v->type.fb_length, SZ_2M, &v->fb);
	if (!ret)
		ret = nvc_vram_alloc(part, v->type.heap_length, SZ_2M, &v->heap);
	if (!ret)
		ret = nvc_chid_alloc(part, NVC_VGPU_CHIDS, &v->chids);
	if (!ret)
		ret = nvc_bar1_alloc(part, v->type.heap_length, &v->bar1);
	if (!ret)
		ret = nvc_gfid_alloc(part, &v->gfid);
	if (ret)
		goto err_res;
	/* Scrub on create too: nothing of a previous tenant survives. */
	ret = nvc_vgpu_scrub(gpu, &v->fb);
	if (!ret)
		ret = nvc_vgpu_scrub(gpu, &v->heap);
	if (ret)
		goto err_res;

	ret = ida_alloc_range(&gpu->res.client_ids, 1, 0xffff, GFP_KERNEL);
	if (ret < 0)
		goto err_res;
	v->client_id = ret;
	v->h_client = NVC_H_CLIENT(v->client_id);
	ret = nvc_vgpu_gsp_get(gpu);
	if (!ret) {
		ret = nvc_rm_client_create(gpu->gsp, v->h_client, "nvcore-vgpu");
		nvc_vgpu_gsp_put(gpu);
	}
	if (ret) {
		ida_free(&gpu->res.client_ids, v->client_id);
		goto err_res;
	}

	ret = nvc_vgpu_bootload(v, args);
	if (ret)
		goto err_client;
	ret = nvc_vgpu_poll(v, NVRM_VGPU_HEAP_CTRL_OFF +
			    offsetof(struct nvrm_vgpu_cpu_gsp_ctrl, message_seq_num),
			    NVRM_GSP_PLUGIN_BOOTLOADED, nvc_vgpu_ready_timeout_ms);
	if (!ret)
		ret = nvc_vgpu_channel_init(v, args);
	if (ret)
		goto err_plugin;

	mutex_lock(&mgr->lock);
	list_add_tail(&v->node, &mgr->vgpus);
	mutex_unlock(&mgr->lock);
	return v;

err_plugin:
	dev_info_ratelimited(gpu->dev, "nvcore: vGPU plugin for GFID %u failed to start: %d\n",
			     v->gfid, ret);
	nvc_vgpu_plugin_stop(v);
err_client:
	nvc_vgpu_rm_client_free(v);
err_res:
	nvc_vgpu_release_res(v);
err_free:
	mutex_destroy(&v->guest_lock);
	mutex_destroy(&v->msg_lock);
	kfree(v);
	return ERR_PTR(ret);
}

/**
 * nvc_fw_vgpu_destroy() - stop a vGPU's plugin and free it
 * @vgpu: the vGPU; its FB and heap are scrubbed before they are freed
 */
static void nvc_fw_vgpu_destroy(struct nvc_vgpu *vgpu)
{
	struct nvc_vgpu_mgr *mgr = vgpu->mgr;

	mutex_lock(&mgr->lock);
	list_del(&vgpu->node);
	mutex_unlock(&mgr->lock);
	nvc_vgpu_plugin_stop(vgpu);
	nvc_vgpu_rm_client_free(vgpu);
	nvc_vgpu_release_res(vgpu);
	mutex_destroy(&vgpu->guest_lock);
	mutex_destroy(&vgpu->msg_lock);
	kfree(vgpu);
}

/**
 * nvc_fw_vgpu_get_info() - where a vGPU lives
 * @vgpu: the vGPU
 * @info: output
 */
static void nvc_fw_vgpu_get_info(struct nvc_vgpu *vgpu, struct nvc_vgpu_info *info)
{
	*info = (struct nvc_vgpu_info){
		.gfid = vgpu->gfid,
		.fb_base = vgpu->fb.base,
		.fb_size = vgpu->fb.size,
		.heap_base = vgpu->heap.base,
		.heap_size = vgpu->heap.size,
		.bar1_offset = vgpu->bar1.offset,
		.chid_first = vgpu->chids.first,
		.chid_count = vgpu->chids.count,
		.plugin_version = vgpu->plugin_version,
	};
}

/**
 * nvc_fw_vgpu_lost() - did the vGPU's plugin die (GPU lost or recovered since)?
 * @vgpu: the vGPU
 *
 * Return: true if it can only be destroyed.
 */
static bool nvc_fw_vgpu_lost(struct nvc_vgpu *vgpu)
{
	return nvc_vgpu_is_lost(vgpu);
}

/**
 * nvc_fw_vgpu_fb_rw() - access the vGPU's guest FB
 * @vgpu: the vGPU
 * @offset: offset in the guest FB
 * @buf: kernel buffer
 * @len: bytes
 * @write: into the FB
 *
 * Return: 0, -EINVAL outside the guest FB, -ENODEV when the vGPU is lost.
 */
static int nvc_fw_vgpu_fb_rw(struct nvc_vgpu *vgpu, u64 offset, void *buf, size_t len,
		   bool write)
{
	if (offset > vgpu->fb.size || len > vgpu->fb.size - offset)
		return -EINVAL;
	if (nvc_vgpu_is_lost(vgpu))
		return -ENODEV;
	return write ? nvc_vram_write(vgpu->part, vgpu->fb.base + offset, buf, len) :
	       nvc_vram_read(vgpu->part, vgpu->fb.base + offset, buf, len);
}

/**
 * nvc_fw_vgpu_fb_scrub() - zero the vGPU's guest FB with the copy engine
 * @vgpu: the vGPU
 *
 * Return: 0 or a negative errno.
 */
static int nvc_fw_vgpu_fb_scrub(struct nvc_vgpu *vgpu)
{
	return nvc_vgpu_scrub(vgpu->mgr->gpu, &vgpu->fb);
}

/**
 * nvc_fw_vgpu_plugin_msg() - send one host channel message to the plugin
 * @vgpu: the vGPU
 * @msg: which
 * @arg: its argument (%NVC_VGPU_MSG_BME: 1 to enable)
 *
 * Return: 0, -EINVAL for an unknown message, -ENODEV when the vGPU is
 * lost, -ETIMEDOUT, or the plugin's error.
 */
static int nvc_fw_vgpu_plugin_msg(struct nvc_vgpu *vgpu, enum nvc_vgpu_msg msg, u32 arg)
{
	struct nvrm_vgpu_rpc_bme bme = { .enable = !!arg, .allowed = 1 };
	int ret;

	mutex_lock(&vgpu->msg_lock);
	switch (msg) {
	case NVC_VGPU_MSG_RESET:
		ret = nvc_vgpu_call(vgpu, NVRM_VGPU_CPU_RPC_MSG_RESET, NULL, 0, 0);
		/* The plugin forgot the guest's buffers: so does the relay. */
		mutex_lock(&vgpu->guest_lock);
		vgpu->guest.up = false;
		mutex_unlock(&vgpu->guest_lock);
		break;
	case NVC_VGPU_MSG_BME:
		ret = nvc_vgpu_call(vgpu, NVRM_VGPU_CPU_RPC_MSG_UPDATE_BME_STATE,
				    &bme, sizeof(bme), 0);
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&vgpu->msg_lock);
	return ret;
}

/**
 * nvc_fw_vgpu_fb_pfn() - page frame of a guest FB page, for a CPU mapping
 * @vgpu: the vGPU
 * @offset: page-aligned offset in the guest FB
 * @pfn: output
 * @iomem: output: device memory (map write-combined), else system memory
 *
 * The frame stays valid until the vGPU's FB is scrubbed (reset, destroy):
 * the caller removes its mappings before it asks for a scrub.
 *
 * Return: 0, -EINVAL outside the guest FB, -ENODEV when the vGPU is lost,
 * -EOPNOTSUPP when the bus cannot map VRAM.
 */
static int nvc_fw_vgpu_fb_pfn(struct nvc_vgpu *vgpu, u64 offset, unsigned long *pfn,
		    bool *iomem)
{
	struct nvc_gpu *gpu = vgpu->mgr->gpu;

	if (!IS_ALIGNED(offset, PAGE_SIZE) || offset >= vgpu->fb.size)
		return -EINVAL;
	if (nvc_vgpu_is_lost(vgpu))
		return -ENODEV;
	if (!gpu->bus->vram_pfn)
		return -EOPNOTSUPP;
	return gpu->bus->vram_pfn(gpu, vgpu->fb.base + offset, pfn, iomem);
}

/**
 * nvc_fw_vgpu_guest_doorbell() - relay a guest's doorbell to its GSP plugin
 * @vgpu: the vGPU
 * @handle: the value the guest wrote to its doorbell (SETUP 0, MESSAGE 1)
 * @scratch: the guest's RPC buffer address, from its mailbox scratch
 *	registers (&nvc_fw_vgpu_guest_regs.rpc_hi : .rpc_lo)
 *
 * Everything the guest wrote is checked first (gsp/vgpu_guest.c); the
 * call returns once the plugin answered into the guest's buffers.
 *
 * Return: 0, -EINVAL (a request that cannot be answered: unknown handle,
 * bad buffer address or control buffer, message before setup),
 * -EOPNOTSUPP (buffers in system memory), -ETIMEDOUT, -ENODEV (lost).
 */
static int nvc_fw_vgpu_guest_doorbell(struct nvc_vgpu *vgpu, u32 handle, u64 scratch)
{
	int ret;

	mutex_lock(&vgpu->guest_lock);
	ret = nvc_gsp_vgpu_guest_ring(vgpu->mgr->gpu, vgpu, vgpu->gfid,
				      &vgpu->mgr->relay_lock, &vgpu->guest,
				      handle, scratch, nvc_vgpu_guest_timeout_ms);
	mutex_unlock(&vgpu->guest_lock);
	return ret;
}

static const struct nvc_fw_vgpu_ops nvc_fw_vgpu_ops = {
	.mgr_open = nvc_fw_vgpu_mgr_open,
	.mgr_close = nvc_fw_vgpu_mgr_close,
	.guest_regs = nvc_fw_vgpu_guest_regs,
	.types_set = nvc_fw_vgpu_types_set,
	.types_query = nvc_fw_vgpu_types_query,
	.create = nvc_fw_vgpu_create,
	.destroy = nvc_fw_vgpu_destroy,
	.get_info = nvc_fw_vgpu_get_info,
	.lost = nvc_fw_vgpu_lost,
	.fb_rw = nvc_fw_vgpu_fb_rw,
	.fb_scrub = nvc_fw_vgpu_fb_scrub,
	.plugin_msg = nvc_fw_vgpu_plugin_msg,
	.fb_pfn = nvc_fw_vgpu_fb_pfn,
	.guest_doorbell = nvc_fw_vgpu_guest_doorbell,
};
