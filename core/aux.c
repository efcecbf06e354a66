// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore auxiliary devices: the per-GPU client policy (module parameter
 * ``clients``, sysfs ``nvcore/clients``) and the auxiliary devices it
 * creates. See "DOC: clients and partitions" in client.c.
 */
#include <linux/module.h>
#include <linux/slab.h>

#include "nvcore.h"
#include "client.h"

static char *clients = "drm,vgpu";
module_param(clients, charp, 0444);
MODULE_PARM_DESC(clients, "Client devices to create per GPU: any of drm, vgpu, test (\"vgpu\" alone: vGPU host, no DRM device)");

static const char * const nvc_aux_names[NVC_AUX_KIND_NR] = {
	[NVC_AUX_KIND_DRM] = NVC_AUX_DRM,
	[NVC_AUX_KIND_VGPU] = NVC_AUX_VGPU,
	[NVC_AUX_KIND_TEST] = NVC_AUX_TEST,
};

static unsigned long nvc_parse_policy(const char *s)
{
	unsigned long policy = 0;
	unsigned int i;

	while (s && *s) {
		const char *end = strchrnul(s, ',');

		for (i = 0; i < NVC_AUX_KIND_NR; i++)
			if (strlen(nvc_aux_names[i]) == end - s &&
			    !strncmp(nvc_aux_names[i], s, end - s))
				policy |= BIT(i);
		s = *end ? end + 1 : end;
	}
	return policy;
}

static void nvc_aux_release(struct device *dev)
{
	struct auxiliary_device *adev = to_auxiliary_dev(dev);

	kfree(container_of(adev, struct nvc_aux, adev));
}

static int nvc_aux_add(struct nvc_gpu *gpu, enum nvc_aux_kind kind)
{
	struct nvc_aux *aux;
	int ret;

	aux = kzalloc(sizeof(*aux), GFP_KERNEL);
	if (!aux)
		return -ENOMEM;
	aux->gpu = gpu;
	aux->kind = kind;
	aux->adev.name = nvc_aux_names[kind];
	aux->adev.id = gpu->index;
	aux->adev.dev.parent = gpu->dev;
	aux->adev.dev.release = nvc_aux_release;
	ret = auxiliary_device_init(&aux->adev);
	if (ret) {
		kfree(aux);
		return ret;
	}
	ret = auxiliary_device_add(&aux->adev);
	if (ret) {
		auxiliary_device_uninit(&aux->adev);
		return ret;
	}
	gpu->res.aux.dev[kind] = aux;
	return 0;
}

/**
 * nvc_aux_create() - create the auxiliary devices the policy allows
 * @gpu: the GPU
 *
 * Return: 0 or a negative errno (with none created).
 */
int nvc_aux_create(struct nvc_gpu *gpu)
{
	unsigned int i;
	int ret;

	for (i = 0; i < NVC_AUX_KIND_NR; i++) {
		if (!(gpu->res.aux.policy & BIT(i)))
			continue;
		ret = nvc_aux_add(gpu, i);
		if (ret) {
			nvc_aux_destroy(gpu);
			return ret;
		}
	}
	return 0;
}

/**
 * nvc_aux_shutdown() - delete the auxiliary devices for good (GPU removal)
 * @gpu: the GPU
 *
 * After this the sysfs policy attribute cannot create new ones.
 */
void nvc_aux_shutdown(struct nvc_gpu *gpu)
{
	mutex_lock(&gpu->res.aux.lock);
	gpu->res.aux.dying = true;
	nvc_aux_destroy(gpu);
	mutex_unlock(&gpu->res.aux.lock);
}

/**
 * nvc_aux_destroy() - delete the auxiliary devices, unbinding the clients
 * @gpu: the GPU
 */
void nvc_aux_destroy(struct nvc_gpu *gpu)
{
	int i;

	for (i = NVC_AUX_KIND_NR - 1; i >= 0; i--) {
		struct nvc_aux *aux = gpu->res.aux.dev[i];

		if (!aux)
			continue;
		gpu->res.aux.dev[i] = NULL;
		auxiliary_device_delete(&aux->adev);
		auxiliary_device_uninit(&aux->adev);
	}
}

static ssize_t clients_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct nvc_gpu *gpu = dev_get_drvdata(dev);
	unsigned int i;
	int len = 0;

	for (i = 0; i < NVC_AUX_KIND_NR; i++)
		if (gpu->res.aux.policy & BIT(i))
			len += sysfs_emit_at(buf, len, "%s%s", len ? "," : "",
					     nvc_aux_names[i]);
	len += sysfs_emit_at(buf, len, "\n");
	return len;
}

static ssize_t clients_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct nvc_gpu *gpu = dev_get_drvdata(dev);
	char *s = kstrndup(buf, count, GFP_KERNEL);
	unsigned long policy;
	int ret;

	if (!s)
		return -ENOMEM;
	policy = nvc_parse_policy(strim(s));
	if (!policy && *strim(s) && strcmp(strim(s), "none")) {
		kfree(s);
		return -EINVAL;
	}
	kfree(s);

	/*
	 * Not the device lock: remove holds it while it drains this very
	 * attribute. @aux.lock and @aux.dying order us against remove.
	 */
	mutex_lock(&gpu->res.aux.lock);
	if (gpu->res.aux.dying) {
		ret = -ENODEV;
	} else {
		nvc_aux_destroy(gpu);
		gpu->res.aux.policy = policy;
		ret = nvc_aux_create(gpu);
	}
	mutex_unlock(&gpu->res.aux.lock);
	return ret ?: count;
}

/* nvcore/clients: the per-GPU client policy (sysfs.c lists it). */
struct device_attribute nvc_dev_attr_clients = __ATTR_RW(clients);

/**
 * nvc_aux_early_init() - auxiliary-device lock and policy of a new GPU
 * @gpu: the GPU
 */
void nvc_aux_early_init(struct nvc_gpu *gpu)
{
	mutex_init(&gpu->res.aux.lock);
	gpu->res.aux.policy = nvc_parse_policy(clients);
}

/**
 * nvc_aux_from_adev() - nvcore's auxiliary device behind @adev
 * @adev: an auxiliary device, may be NULL
 *
 * Return: the &struct nvc_aux, or NULL if @adev is not one nvcore created.
 */
struct nvc_aux *nvc_aux_from_adev(struct auxiliary_device *adev)
{
	/* Only nvcore's own auxiliary devices carry this release function. */
	if (!adev || adev->dev.release != nvc_aux_release)
		return NULL;
	return container_of(adev, struct nvc_aux, adev);
}
