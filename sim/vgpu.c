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

#include "hw.h"
#include "nvsim.h"
#include "vgpu.h"
#include "vgpu_guest.h"
#include "vgpu_wire.h"

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
	vg->types = kvcalloc(NVSIM_VGPU_MAX_TYPES, sizeof(*vg->types),
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
	u32 gfid = (val - NVSIM_VGPU_DOORBELL_ADD) / 32;

	if (!vg)
		return;
	/* Guest doorbells relayed on the PF (vgpu_guest.c). */
	if (val % 32 == NVSIM_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE ||
	    val % 32 == NVSIM_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE) {
		nvsim_vgpu_guest_doorbell(gpu, val / 32, val % 32);
		return;
	}
	if (val < NVSIM_VGPU_DOORBELL_ADD ||
	    (val - NVSIM_VGPU_DOORBELL_ADD) % 32 || !gfid ||
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
	case NVSIM_VGPU_CPU_RPC_MSG_VERSION_NEGOTIATION: {
		struct nvsim_vgpu_rpc_version *v = (void *)msg;

		if (!v->version_cpu)
			return NV_ERR_INVALID_ARGUMENT;
		v->version_negotiated = min_t(u32, v->version_cpu,
					      NVSIM_VGPU_RPC_VERSION);
		return NV_OK;
	}
	case NVSIM_VGPU_CPU_RPC_MSG_SETUP_CONFIG_PARAMS_AND_INIT: {
		struct nvsim_vgpu_rpc_config *c = (void *)msg;

		if (in->state != NVSIM_VGPU_READY)
			return NV_ERR_INVALID_STATE;
		if (c->vgpu_type != in->type || c->num_channels != in->num_channels ||
		    c->driver_vm_vf_dbdf != in->dbdf ||
		    !memchr_inv(c->vgpu_uuid, 0, sizeof(c->vgpu_uuid)) ||
		    (c->vgpu_device_instance_id & 0xffff0000u) != 0xc1d00000u ||
		    (c->host_cpu_arch != NVSIM_VGPU_HOST_CPU_ARCH_AARCH64 &&
		     c->host_cpu_arch != NVSIM_VGPU_HOST_CPU_ARCH_X86_64) ||
		    !nvsim_is_pow2(c->host_page_size) || c->host_page_size < SZ_4K)
			return NV_ERR_INVALID_ARGUMENT;
		in->state = NVSIM_VGPU_CONFIGURED;
		in->h_client = c->vgpu_device_instance_id;
		return NV_OK;
	}
	case NVSIM_VGPU_CPU_RPC_MSG_RESET:
		if (in->state != NVSIM_VGPU_CONFIGURED)
			return NV_ERR_INVALID_STATE;
		memset(&in->gs, 0, sizeof(in->gs));	/* the guest starts over */
		return NV_OK;
	case NVSIM_VGPU_CPU_RPC_MSG_UPDATE_BME_STATE: {
		struct nvsim_vgpu_rpc_bme *b = (void *)msg;

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
	struct nvsim_vgpu_cpu_gsp_ctrl ctrl;
	struct nvsim_vgpu_cpu_gsp_response rsp = {};
	u32 marker = NVSIM_GSP_PLUGIN_BOOTLOADED;

	if (in->state == NVSIM_VGPU_BOOTING) {
		if (in->never_ready)
			return;
		if (!nvsim_heap_rw(gpu, in, NVSIM_VGPU_HEAP_CTRL_OFF +
				   offsetof(struct nvsim_vgpu_cpu_gsp_ctrl, message_seq_num),
				   &marker, sizeof(marker), true))
			in->state = NVSIM_VGPU_READY;
		return;
	}
	if (in->state != NVSIM_VGPU_READY && in->state != NVSIM_VGPU_CONFIGURED) {
		vg->bad++;	/* a doorbell for a GFID with no plugin */
		return;
	}
	if (nvsim_heap_rw(gpu, in, NVSIM_VGPU_HEAP_CTRL_OFF, &ctrl, sizeof(ctrl),
			  false))
		return;
	if (ctrl.message_seq_num == in->last_seq)
		return;		/* nothing new */
	if (ctrl.version != NVSIM_VGPU_CPU_GSP_CTRL_BUFF_VERSION ||
	    ctrl.response_buff_offset != NVSIM_VGPU_HEAP_RESPONSE_OFF ||
	    ctrl.message_buff_offset != NVSIM_VGPU_HEAP_MESSAGE_OFF) {
		rsp.result_code = NV_ERR_INVALID_ARGUMENT;
	} else if (nvsim_heap_rw(gpu, in, NVSIM_VGPU_HEAP_MESSAGE_OFF, msg,
				 NVSIM_VGPU_BUFF_SIZE, false)) {
		return;
	} else if (vg->plugin_error) {
		vg->plugin_error--;
		rsp.result_code = NV_ERR_GENERIC;
	} else {
		rsp.result_code = nvsim_vgpu_msg(vg, in, ctrl.message_type, msg);
		if (rsp.result_code == NV_OK)
			nvsim_heap_rw(gpu, in, NVSIM_VGPU_HEAP_MESSAGE_OFF, msg,
				      NVSIM_VGPU_BUFF_SIZE, true);
	}
	if (rsp.result_code)
		vg->bad++;
	in->messages++;
	in->last_seq = ctrl.message_seq_num;
	/* Result first, then the sequence number the host polls. */
	nvsim_heap_rw(gpu, in, NVSIM_VGPU_HEAP_RESPONSE_OFF + 4, &rsp.result_code,
		      sizeof(u32), true);
	nvsim_heap_rw(gpu, in, NVSIM_VGPU_HEAP_RESPONSE_OFF, &in->last_seq,
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

	msg = kmalloc(NVSIM_VGPU_BUFF_SIZE, GFP_KERNEL);
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
