// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: hooks and accessors for its test module (nvcore_test.ko).
 *
 * DOC: test interface
 *
 * The transport self-test and the benchmarks are test code and live in
 * nvcore_test.ko, not in nvcore.ko. This file is all nvcore carries for
 * them: a registration point through which the test module learns about
 * GPUs (and puts its debugfs files in each GPU's directory), and a few
 * accessors exported in the NVCORE_INTERNAL namespace so that the test
 * module needs no knowledge of nvcore's structures.
 */
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "nvcore.h"
#include "gsp/gsp.h"
#include "testif.h"

/**
 * struct nvc_test_gpu - a GPU as the test hooks know it
 * @node: entry in &nvc_test_gpus
 * @gpu: the GPU
 * @data: the test module's per-GPU data (NULL while none is registered)
 */
struct nvc_test_gpu {
	struct list_head node;
	struct nvc_gpu *gpu;
	void *data;
};

/* Protects nvc_test_ops_cur, nvc_test_gpus and the hooks' calls. */
static DEFINE_MUTEX(nvc_test_lock);
static const struct nvc_test_ops *nvc_test_ops_cur;
static LIST_HEAD(nvc_test_gpus);

/**
 * nvc_test_gpu_added() - a GPU's debugfs directory exists
 * @gpu: the GPU
 */
void nvc_test_gpu_added(struct nvc_gpu *gpu)
{
	struct nvc_test_gpu *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return;
	t->gpu = gpu;
	mutex_lock(&nvc_test_lock);
	list_add_tail(&t->node, &nvc_test_gpus);
	if (nvc_test_ops_cur)
		t->data = nvc_test_ops_cur->gpu_add(gpu, gpu->dbg);
	mutex_unlock(&nvc_test_lock);
}

/**
 * nvc_test_gpu_removed() - a GPU goes: the test module lets go of it
 * @gpu: the GPU, &nvc_gpu.going set
 */
void nvc_test_gpu_removed(struct nvc_gpu *gpu)
{
	struct nvc_test_gpu *t, *found = NULL;

	mutex_lock(&nvc_test_lock);
	list_for_each_entry(t, &nvc_test_gpus, node) {
		if (t->gpu == gpu) {
			found = t;
			break;
		}
	}
	if (found) {
		if (nvc_test_ops_cur && found->data)
			nvc_test_ops_cur->gpu_remove(gpu, found->data);
		list_del(&found->node);
	}
	mutex_unlock(&nvc_test_lock);
	kfree(found);
}

/**
 * nvc_test_register() - install the test module's hooks
 * @ops: the hooks; @ops->gpu_add runs at once for every GPU present
 *
 * Return: 0, or -EBUSY if hooks are installed already.
 */
int nvc_test_register(const struct nvc_test_ops *ops)
{
	struct nvc_test_gpu *t;

	mutex_lock(&nvc_test_lock);
	if (nvc_test_ops_cur) {
		mutex_unlock(&nvc_test_lock);
		return -EBUSY;
	}
	nvc_test_ops_cur = ops;
	list_for_each_entry(t, &nvc_test_gpus, node)
		t->data = ops->gpu_add(t->gpu, t->gpu->dbg);
	mutex_unlock(&nvc_test_lock);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(nvc_test_register, NVCORE_INTERNAL);

/**
 * nvc_test_unregister() - remove the test module's hooks
 * @ops: the hooks given to nvc_test_register(); @ops->gpu_remove runs for
 *	every GPU first
 */
void nvc_test_unregister(const struct nvc_test_ops *ops)
{
	struct nvc_test_gpu *t;

	mutex_lock(&nvc_test_lock);
	if (nvc_test_ops_cur == ops) {
		list_for_each_entry(t, &nvc_test_gpus, node) {
			if (t->data)
				ops->gpu_remove(t->gpu, t->data);
			t->data = NULL;
		}
		nvc_test_ops_cur = NULL;
	}
	mutex_unlock(&nvc_test_lock);
}
EXPORT_SYMBOL_NS_GPL(nvc_test_unregister, NVCORE_INTERNAL);

/**
 * nvc_test_gsp_get() - hold a GPU's GSP for a test
 * @gpu: the GPU
 *
 * Holds the GSP against replacement by recovery, as the debugfs files do:
 * fails instead of waiting while recovery runs or once the GPU is going.
 * Release with nvc_test_gsp_put().
 *
 * Return: the GSP, or NULL.
 */
struct nvc_gsp *nvc_test_gsp_get(struct nvc_gpu *gpu)
{
	return nvc_dbg_gsp_get(gpu) ? gpu->gsp : NULL;
}
EXPORT_SYMBOL_NS_GPL(nvc_test_gsp_get, NVCORE_INTERNAL);

/**
 * nvc_test_gsp_put() - release what nvc_test_gsp_get() returned
 * @gpu: the GPU
 */
void nvc_test_gsp_put(struct nvc_gpu *gpu)
{
	nvc_dbg_gsp_put(gpu);
}
EXPORT_SYMBOL_NS_GPL(nvc_test_gsp_put, NVCORE_INTERNAL);

/**
 * nvc_test_gpu_going() - is the GPU being removed?
 * @gpu: the GPU
 *
 * Return: true once removal started: long tests stop at their next RPC.
 */
bool nvc_test_gpu_going(const struct nvc_gpu *gpu)
{
	return READ_ONCE(gpu->going);
}
EXPORT_SYMBOL_NS_GPL(nvc_test_gpu_going, NVCORE_INTERNAL);

/**
 * nvc_test_rpc_echo() - one RPC the firmware answers with its payload
 * @gsp: a GSP held with nvc_test_gsp_get()
 * @req: request payload
 * @reply: receives the reply payload
 * @len: size of both (large ones use continuation records both ways)
 * @rpc_result: receives the reply's rpc_result
 *
 * Return: 0 when a reply came (see @rpc_result), else the transport's
 * negative errno.
 */
int nvc_test_rpc_echo(struct nvc_gsp *gsp, const void *req, void *reply,
		      size_t len, u32 *rpc_result)
{
	return nvc_rpc_echo(gsp, req, reply, len, rpc_result);
}
EXPORT_SYMBOL_NS_GPL(nvc_test_rpc_echo, NVCORE_INTERNAL);

/**
 * nvc_test_rm_control() - a raw control on nvcore's own subdevice
 * @gsp: a GSP held with nvc_test_gsp_get()
 * @cmd: control command
 * @params: parameter bytes, in/out
 * @size: their size, sent as is (a test may send another version's size)
 *
 * Return: 0 or the negative errno of GSP-RM's refusal.
 */
int nvc_test_rm_control(struct nvc_gsp *gsp, u32 cmd, void *params, u32 size)
{
	return nvc_rm_control(gsp, gsp->h_client, gsp->h_subdevice, cmd, params,
			      size);
}
EXPORT_SYMBOL_NS_GPL(nvc_test_rm_control, NVCORE_INTERNAL);

/**
 * nvc_test_gsp_boot_ns() - how long this GSP took to boot
 * @gsp: a GSP held with nvc_test_gsp_get()
 *
 * Return: nanoseconds from the start of its boot to INIT_DONE.
 */
u64 nvc_test_gsp_boot_ns(const struct nvc_gsp *gsp)
{
	return gsp->boot_ns;
}
EXPORT_SYMBOL_NS_GPL(nvc_test_gsp_boot_ns, NVCORE_INTERNAL);

/**
 * nvc_test_rpc_spin_us() - the transport's receive spin window
 *
 * Return: microseconds a waiting caller polls before it sleeps (the
 * ping-pong baseline of the benchmarks waits the same way).
 */
unsigned int nvc_test_rpc_spin_us(void)
{
	return nvc_rpc_spin_us();
}
EXPORT_SYMBOL_NS_GPL(nvc_test_rpc_spin_us, NVCORE_INTERNAL);

/**
 * nvc_test_msgq_csum() - the queue element checksum over a buffer
 * @buf: the bytes
 * @len: their number (a partial last word is zero-padded)
 *
 * Return: the checksum the transport computes for every element.
 */
u32 nvc_test_msgq_csum(const void *buf, size_t len)
{
	return nvc_msgq_csum(buf, len);
}
EXPORT_SYMBOL_NS_GPL(nvc_test_msgq_csum, NVCORE_INTERNAL);
