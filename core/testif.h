/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: the internal interface its test module (nvcore_test.ko) uses.
 *
 * Symbol namespace NVCORE_INTERNAL: only nvcore_test imports it. Clients
 * use the client API of include/nvcore/ (namespace NVCORE) and nothing
 * here. The types stay opaque: the test module sees GPUs and GSPs only
 * through these functions.
 */
#ifndef NVC_TESTIF_H
#define NVC_TESTIF_H

#include <linux/types.h>

struct dentry;
struct nvc_gpu;
struct nvc_gsp;

/**
 * struct nvc_test_ops - the test module's per-GPU hooks
 * @gpu_add: a GPU's debugfs directory @dir exists (called for every GPU
 *	present at registration and for every GPU probed later); return the
 *	module's per-GPU data, or NULL to skip the GPU
 * @gpu_remove: the GPU goes, or the test module unregisters: remove what
 *	@gpu_add made and free @data. &nvc_gpu.going may be set already, so
 *	long tests stop at their next RPC. Not called for a NULL @data.
 *
 * Both are called in process context under nvcore's test-hook mutex: they
 * may sleep but must not call nvc_test_register()/nvc_test_unregister().
 */
struct nvc_test_ops {
	void *(*gpu_add)(struct nvc_gpu *gpu, struct dentry *dir);
	void (*gpu_remove)(struct nvc_gpu *gpu, void *data);
};

int nvc_test_register(const struct nvc_test_ops *ops);
void nvc_test_unregister(const struct nvc_test_ops *ops);
struct nvc_gsp *nvc_test_gsp_get(struct nvc_gpu *gpu);
void nvc_test_gsp_put(struct nvc_gpu *gpu);
bool nvc_test_gpu_going(const struct nvc_gpu *gpu);
int nvc_test_rpc_echo(struct nvc_gsp *gsp, const void *req, void *reply,
		      size_t len, u32 *rpc_result);
int nvc_test_rm_control(struct nvc_gsp *gsp, u32 cmd, void *params, u32 size);
u64 nvc_test_gsp_boot_ns(const struct nvc_gsp *gsp);
unsigned int nvc_test_rpc_spin_us(void);
u32 nvc_test_msgq_csum(const void *buf, size_t len);

/* nvcore side: debugfs.c tells the hooks about GPUs coming and going. */
void nvc_test_gpu_added(struct nvc_gpu *gpu);
void nvc_test_gpu_removed(struct nvc_gpu *gpu);

#endif /* NVC_TESTIF_H */
