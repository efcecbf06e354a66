/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore auxiliary devices created for client drivers.
 */
#ifndef NVC_AUX_TYPES_H
#define NVC_AUX_TYPES_H

#include <linux/auxiliary_bus.h>
#include <linux/mutex.h>

struct nvc_gpu;

enum nvc_aux_kind {
	NVC_AUX_KIND_DRM,
	NVC_AUX_KIND_VGPU,
	NVC_AUX_KIND_TEST,
	NVC_AUX_KIND_NR,
};

/**
 * struct nvc_aux - an auxiliary device nvcore created for a client
 * @adev: the auxiliary device
 * @gpu: its GPU
 * @kind: which client kind it is for
 */
struct nvc_aux {
	struct auxiliary_device adev;
	struct nvc_gpu *gpu;
	enum nvc_aux_kind kind;
};

/**
 * struct nvc_aux_res - per-GPU auxiliary devices and creation policy
 * @dev: auxiliary devices created for this GPU
 * @policy: bitmask of enum nvc_aux_kind to create
 * @lock: protects @dev, @policy and @dying against concurrent policy
 *	changes (sysfs) and removal
 * @dying: the GPU is going away: no new auxiliary devices
 */
struct nvc_aux_res {
	struct nvc_aux *dev[NVC_AUX_KIND_NR];
	unsigned long policy;
	struct mutex lock;
	bool dying;
};

#endif /* NVC_AUX_TYPES_H */
