// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: the vGPU manager's exported entry points (DOC: vGPU manager in
 * core/gsp/tmpl/vgpu_mgr.c). Each one hands over to the implementation of
 * the GPU's firmware version (&nvc_fw_ops.vgpu), so no firmware structure
 * is seen here; a version without one refuses the manager (-EOPNOTSUPP).
 */
#include <linux/err.h>
#include <linux/module.h>

#include <nvcore/nvcore.h>
#include <nvcore/vgpu.h>

#include "nvcore.h"
#include "client.h"
#include "gsp/gsp.h"
#include "gsp/fw.h"
#include "gsp/vgpu_mgr.h"

unsigned int nvc_vgpu_ready_timeout_ms = 10000;
module_param_named(vgpu_ready_timeout_ms, nvc_vgpu_ready_timeout_ms, uint, 0644);
MODULE_PARM_DESC(vgpu_ready_timeout_ms, "Wait for a vGPU plugin to start (ms, default 10000)");

unsigned int nvc_vgpu_msg_timeout_ms = 120000;
module_param_named(vgpu_msg_timeout_ms, nvc_vgpu_msg_timeout_ms, uint, 0644);
MODULE_PARM_DESC(vgpu_msg_timeout_ms, "Wait for a vGPU plugin message reply (ms, default 120000)");

unsigned int nvc_vgpu_guest_timeout_ms = 5000;
module_param_named(vgpu_guest_timeout_ms, nvc_vgpu_guest_timeout_ms, uint, 0644);
MODULE_PARM_DESC(vgpu_guest_timeout_ms,
		 "Wait for the plugin's answer to a guest RPC (ms, default 5000)");

/**
 * nvc_vgpu_mgr_open() - the vGPU manager of a client
 * @client: an open client (one manager per client)
 *
 * The manager speaks the vGPU host ABI of the firmware version the GPU
 * runs (&nvc_fw_ops.vgpu: r535 and r570 both have one); a
 * version without one refuses the manager.
 *
 * Return: the manager or an ERR_PTR (-EOPNOTSUPP: not on this firmware,
 * -ENODEV: no GSP, -ENOMEM).
 */
struct nvc_vgpu_mgr *nvc_vgpu_mgr_open(struct nvc_client *client)
{
	const struct nvc_fw_vgpu_ops *ops;
	struct nvc_vgpu_mgr *mgr;

	if (!client->gpu->gsp)
		return ERR_PTR(-ENODEV);
	ops = client->gpu->gsp->fwops->vgpu;
	if (!ops)
		return ERR_PTR(-EOPNOTSUPP);
	mgr = ops->mgr_open(client);
	if (!IS_ERR(mgr))
		mgr->ops = ops;
	return mgr;
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_mgr_open, NVCORE);

/**
 * nvc_vgpu_mgr_close() - release a manager
 * @mgr: the manager; every vGPU must have been destroyed
 */
void nvc_vgpu_mgr_close(struct nvc_vgpu_mgr *mgr)
{
	mgr->ops->mgr_close(mgr);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_mgr_close, NVCORE);

/**
 * nvc_vgpu_guest_regs() - BAR0 offsets of the registers a vGPU's guest uses
 * @mgr: the vGPU manager
 * @regs: filled with the offsets
 *
 * A VF sees its NV_VIRTUAL_FUNCTION registers from BAR0 offset 0 (OGKM
 * gpuGetVirtRegPhysOffset_TU102): the interrupt leaf and doorbell of
 * dev_vm.h, the mailbox scratch registers that carry the guest's RPC
 * buffer address (nv_sriov_defines.h); NV_PMC_BOOT_0 (dev_boot.h).
 */
void nvc_vgpu_guest_regs(struct nvc_vgpu_mgr *mgr, struct nvc_vgpu_guest_regs *regs)
{
	mgr->ops->guest_regs(mgr, regs);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_guest_regs, NVCORE);

/**
 * nvc_vgpu_types_set() - upload the host's vGPU type table to GSP-RM
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
int nvc_vgpu_types_set(struct nvc_vgpu_mgr *mgr, const struct nvc_vgpu_type *types, unsigned int n)
{
	return mgr->ops->types_set(mgr, types, n);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_types_set, NVCORE);

/**
 * nvc_vgpu_types_query() - what GSP-RM supports, or can create now
 * @mgr: the manager
 * @creatable: creatable now (else: supported at all)
 * @ids: output
 * @max: room in @ids
 *
 * Return: the number of ids written, or a negative errno.
 */
int nvc_vgpu_types_query(struct nvc_vgpu_mgr *mgr, bool creatable, u32 *ids, unsigned int max)
{
	return mgr->ops->types_query(mgr, creatable, ids, max);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_types_query, NVCORE);

/**
 * nvc_vgpu_create() - create a vGPU and start its GSP plugin
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
struct nvc_vgpu *nvc_vgpu_create(struct nvc_vgpu_mgr *mgr,
				 struct nvc_partition *part,
				 const struct nvc_vgpu_create_args *args)
{
	return mgr->ops->create(mgr, part, args);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_create, NVCORE);

/**
 * nvc_vgpu_destroy() - stop a vGPU's plugin and free it
 * @vgpu: the vGPU; its FB and heap are scrubbed before they are freed
 */
void nvc_vgpu_destroy(struct nvc_vgpu *vgpu)
{
	vgpu->mgr->ops->destroy(vgpu);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_destroy, NVCORE);

/**
 * nvc_vgpu_get_info() - where a vGPU lives
 * @vgpu: the vGPU
 * @info: output
 */
void nvc_vgpu_get_info(struct nvc_vgpu *vgpu, struct nvc_vgpu_info *info)
{
	vgpu->mgr->ops->get_info(vgpu, info);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_get_info, NVCORE);

/**
 * nvc_vgpu_lost() - did the vGPU's plugin die (GPU lost or recovered since)?
 * @vgpu: the vGPU
 *
 * Return: true if it can only be destroyed.
 */
bool nvc_vgpu_lost(struct nvc_vgpu *vgpu)
{
	return vgpu->mgr->ops->lost(vgpu);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_lost, NVCORE);

/**
 * nvc_vgpu_fb_rw() - access the vGPU's guest FB
 * @vgpu: the vGPU
 * @offset: offset in the guest FB
 * @buf: kernel buffer
 * @len: bytes
 * @write: into the FB
 *
 * Return: 0, -EINVAL outside the guest FB, -ENODEV when the vGPU is lost.
 */
int nvc_vgpu_fb_rw(struct nvc_vgpu *vgpu, u64 offset, void *buf, size_t len, bool write)
{
	return vgpu->mgr->ops->fb_rw(vgpu, offset, buf, len, write);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_fb_rw, NVCORE);

/**
 * nvc_vgpu_fb_scrub() - zero the vGPU's guest FB with the copy engine
 * @vgpu: the vGPU
 *
 * Return: 0 or a negative errno.
 */
int nvc_vgpu_fb_scrub(struct nvc_vgpu *vgpu)
{
	return vgpu->mgr->ops->fb_scrub(vgpu);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_fb_scrub, NVCORE);

/**
 * nvc_vgpu_plugin_msg() - send one host channel message to the plugin
 * @vgpu: the vGPU
 * @msg: which
 * @arg: its argument (%NVC_VGPU_MSG_BME: 1 to enable)
 *
 * Return: 0, -EINVAL for an unknown message, -ENODEV when the vGPU is
 * lost, -ETIMEDOUT, or the plugin's error.
 */
int nvc_vgpu_plugin_msg(struct nvc_vgpu *vgpu, enum nvc_vgpu_msg msg, u32 arg)
{
	return vgpu->mgr->ops->plugin_msg(vgpu, msg, arg);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_plugin_msg, NVCORE);

/**
 * nvc_vgpu_fb_pfn() - page frame of a guest FB page, for a CPU mapping
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
int nvc_vgpu_fb_pfn(struct nvc_vgpu *vgpu, u64 offset, unsigned long *pfn, bool *iomem)
{
	return vgpu->mgr->ops->fb_pfn(vgpu, offset, pfn, iomem);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_fb_pfn, NVCORE);

/**
 * nvc_vgpu_guest_doorbell() - relay a guest's doorbell to its GSP plugin
 * @vgpu: the vGPU
 * @handle: the value the guest wrote to its doorbell (SETUP 0, MESSAGE 1)
 * @scratch: the guest's RPC buffer address, from its mailbox scratch
 *	registers (&nvc_vgpu_guest_regs.rpc_hi : .rpc_lo)
 *
 * Everything the guest wrote is checked first (gsp/vgpu_guest.c); the
 * call returns once the plugin answered into the guest's buffers.
 *
 * Return: 0, -EINVAL (a request that cannot be answered: unknown handle,
 * bad buffer address or control buffer, message before setup),
 * -EOPNOTSUPP (buffers in system memory), -ETIMEDOUT, -ENODEV (lost).
 */
int nvc_vgpu_guest_doorbell(struct nvc_vgpu *vgpu, u32 handle, u64 scratch)
{
	return vgpu->mgr->ops->guest_doorbell(vgpu, handle, scratch);
}
EXPORT_SYMBOL_NS_GPL(nvc_vgpu_guest_doorbell, NVCORE);
