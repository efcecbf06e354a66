// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: the table of supported GSP-RM versions and the choice of one per
 * GPU (DOC: firmware versions in fw.h). This file and the version
 * directories (core/gsp/r<NNN>/) are the only places in nvcore that name a
 * firmware version.
 *
 * At probe nvcore asks for ``nvidia/<chip>/gsp/gsp-<version>.bin`` of each
 * supported version, newest first, without a warning for a missing one
 * (firmware_request_nowarn()), and boots the first image present. The
 * ``fw`` module parameter forces a version: one for every GPU, or a
 * comma-separated list by GPU index (an empty entry or ``auto`` leaves
 * that GPU to the search). The version nvcore reports (nvc_gpu_info,
 * sysfs) is the one the image carries (nvc_fw_image_version()); an image
 * that reports another version than its name is refused.
 */
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/module.h>
#include <linux/string.h>

#include "../nvcore.h"
#include "gsp.h"
#include "fw.h"

/* Newest first: the order of the search. */
static const struct nvc_fw_version nvc_fw_versions[] = {
	{ "570.144", &nvc_fw_r570 },
	{ "535.113.01", &nvc_fw_r535 },
};

static char *fw;
module_param(fw, charp, 0444);
MODULE_PARM_DESC(fw, "GSP-RM version to boot: one for all GPUs or a comma-separated list by GPU index (570.144, 535.113.01; empty or auto: newest image present)");

/* The version forced for GPU @index: NULL for the search, ERR_PTR if bad. */
static const struct nvc_fw_version *nvc_fw_forced(struct nvc_gpu *gpu)
{
	const char *p = fw, *end;
	char want[NVC_FW_VERSION_LEN];
	unsigned int i;
	int idx = 0;

	if (!p || !*p)
		return NULL;
	/* One entry (no comma) applies to every GPU. */
	if (strchr(p, ',')) {
		for (; idx < gpu->index && p; idx++) {
			p = strchr(p, ',');
			if (p)
				p++;
		}
		if (!p)
			return NULL;
	}
	end = strchrnul(p, ',');
	if (end - p >= (int)sizeof(want))
		return ERR_PTR(-EINVAL);
	memcpy(want, p, end - p);
	want[end - p] = 0;
	strim(want);
	if (!want[0] || !strcmp(want, "auto"))
		return NULL;
	for (i = 0; i < ARRAY_SIZE(nvc_fw_versions); i++)
		if (!strcmp(want, nvc_fw_versions[i].version))
			return &nvc_fw_versions[i];
	return ERR_PTR(-EINVAL);
}

static int nvc_fw_try(struct nvc_gsp *gsp, const struct nvc_fw_version *v,
		      bool forced)
{
	struct nvc_gpu *gpu = gsp->gpu;
	char path[64], sig[32];
	int ret;

	snprintf(path, sizeof(path), "nvidia/%s/gsp/gsp-%s.bin", gpu->chip.name,
		 v->version);
	ret = forced ? request_firmware(&gsp->fw, path, gpu->dev) :
		       firmware_request_nowarn(&gsp->fw, path, gpu->dev);
	if (ret)
		return ret;
	snprintf(sig, sizeof(sig), ".fwsignature_%s", gpu->chip.fw_family);
	ret = nvc_fw_gsp_parse(gsp->fw->data, gsp->fw->size, sig, &gsp->image);
	if (ret) {
		dev_err(gpu->dev, "nvcore: %s is not a valid GSP image (%d)\n", path, ret);
		goto err;
	}
	ret = nvc_fw_image_version(gsp->fw->data, gsp->fw->size, v->version,
				   gsp->fw_version, sizeof(gsp->fw_version),
				   &gsp->fw_version_src);
	if (ret == -EPROTO) {
		dev_err(gpu->dev, "nvcore: %s: firmware version mismatch (%d): the image says %s (%s), the file name %s\n",
			path, ret, gsp->fw_version, gsp->fw_version_src,
			v->version);
		goto err;
	}
	if (ret) {
		dev_err(gpu->dev, "nvcore: %s: firmware version unreadable (%d)\n",
			path, ret);
		goto err;
	}
	gsp->fwops = v->ops;
	dev_dbg(gpu->dev, "nvcore: %s (%s layer)\n", path, v->ops->tag);
	return 0;
err:
	release_firmware(gsp->fw);
	gsp->fw = NULL;
	return ret;
}

/**
 * nvc_fw_request() - load the GSP image and pick its version's ops
 * @gsp: the GSP (gsp->gpu identified)
 *
 * Sets gsp->fw, gsp->image, gsp->fw_version and gsp->fwops.
 *
 * Return: 0; -EINVAL for a bad ``fw`` parameter; -ENOENT when no
 * supported image is present; or the error of the forced or first image
 * found (an invalid image is not skipped over).
 */
int nvc_fw_request(struct nvc_gsp *gsp)
{
	const struct nvc_fw_version *v = nvc_fw_forced(gsp->gpu);
	unsigned int i;
	int ret;

	if (IS_ERR(v)) {
		dev_err(gsp->gpu->dev, "nvcore: fw=%s: unsupported version for GPU %d\n",
			fw, gsp->gpu->index);
		return PTR_ERR(v);
	}
	if (v)
		return nvc_fw_try(gsp, v, true);
	for (i = 0; i < ARRAY_SIZE(nvc_fw_versions); i++) {
		ret = nvc_fw_try(gsp, &nvc_fw_versions[i], false);
		if (ret != -ENOENT)
			return ret;
	}
	dev_err(gsp->gpu->dev, "nvcore: no GSP-RM image for %s (nvidia/%s/gsp/gsp-<version>.bin)\n",
		gsp->gpu->chip.name, gsp->gpu->chip.name);
	return -ENOENT;
}

/**
 * nvc_fw_other_versions() - the supported versions @gsp does not run
 * @gsp: the GSP (its version chosen)
 * @buf: output: the versions, newest first, ", " between them
 * @size: its size
 *
 * For the message of a boot GSP-RM refused (boot.c): a firmware of one of
 * these versions is what refuses another version's boot arguments.
 */
void nvc_fw_other_versions(struct nvc_gsp *gsp, char *buf, size_t size)
{
	unsigned int i;
	size_t n = 0;

	buf[0] = 0;
	for (i = 0; i < ARRAY_SIZE(nvc_fw_versions); i++)
		if (nvc_fw_versions[i].ops != gsp->fwops)
			n += scnprintf(buf + n, size - n, "%s%s", n ? ", " : "",
				       nvc_fw_versions[i].version);
}

/* RM calls, through the GPU's firmware version (gsp.h). */

/**
 * nvc_rm_alloc() - allocate an RM object on the GSP
 * @gsp: the GSP
 * @h_client: client handle (== @h_object for a new client)
 * @h_parent: parent handle
 * @h_object: handle of the new object
 * @h_class: its class
 * @params: class allocation parameters, updated on success (may be NULL
 *	when @params_size is 0)
 * @params_size: their size
 *
 * Return: 0 or a negative errno (from the transport or the NV_STATUS).
 */
int nvc_rm_alloc(struct nvc_gsp *gsp, u32 h_client, u32 h_parent,
		 u32 h_object, u32 h_class, void *params, u32 params_size)
{
	return gsp->fwops->rm_alloc(gsp, h_client, h_parent, h_object, h_class,
				    params, params_size);
}

/**
 * nvc_rm_control() - issue an RM control call on the GSP
 * @gsp: the GSP
 * @h_client: client handle
 * @h_object: target object
 * @cmd: control command
 * @params: parameters, in/out
 * @params_size: their size
 *
 * Return: 0 or a negative errno.
 */
int nvc_rm_control(struct nvc_gsp *gsp, u32 h_client, u32 h_object, u32 cmd,
		   void *params, u32 params_size)
{
	return gsp->fwops->rm_control(gsp, h_client, h_object, cmd, params,
				      params_size);
}

/**
 * nvc_rm_free() - free an RM object (and its children) on the GSP
 * @gsp: the GSP
 * @h_client: client handle
 * @h_parent: parent handle
 * @h_object: object to free (the client itself frees the whole client)
 *
 * Return: 0 or a negative errno.
 */
int nvc_rm_free(struct nvc_gsp *gsp, u32 h_client, u32 h_parent, u32 h_object)
{
	return gsp->fwops->rm_free(gsp, h_client, h_parent, h_object);
}

/**
 * nvc_rm_client_create() - an RM client with its device and subdevice
 * @gsp: the GSP
 * @h_client: the client handle
 * @name: process name recorded by GSP-RM
 *
 * Return: 0 or a negative errno; on failure nothing is left allocated.
 */
int nvc_rm_client_create(struct nvc_gsp *gsp, u32 h_client, const char *name)
{
	return gsp->fwops->client_create(gsp, h_client, name);
}

/**
 * nvc_gsp_ping() - a cheap real control as a liveness check
 * @gsp: the booted GSP
 *
 * Return: 0 if GSP-RM answered, else the transport's errno.
 */
int nvc_gsp_ping(struct nvc_gsp *gsp)
{
	return gsp->fwops->ping(gsp);
}

/**
 * nvc_gsp_enumerate() - static info and RM queries into nvc_gpu_info
 * @gsp: the booted GSP
 * @info: filled in
 *
 * Return: 0 or a negative errno.
 */
int nvc_gsp_enumerate(struct nvc_gsp *gsp, struct nvc_gpu_info *info)
{
	return gsp->fwops->enumerate(gsp, info);
}

/**
 * nvc_gsp_fb_query() - one FB value on the client's subdevice
 * @gsp: the GSP
 * @h_client: the client
 * @what: &enum nvc_fb_query
 * @value: output, bytes
 *
 * Return: 0, -EINVAL for an unknown @what, or a negative errno.
 */
int nvc_gsp_fb_query(struct nvc_gsp *gsp, u32 h_client, unsigned int what,
		     u64 *value)
{
	return gsp->fwops->fb_query(gsp, h_client, what, value);
}

/**
 * nvc_gsp_notifier_alloc() - an event object notifying @notifier
 * @gsp: the GSP
 * @h_client: the client
 * @h_event: handle of the new event object (under the subdevice)
 * @notifier: GSP-RM notifier index
 *
 * Return: 0 or a negative errno; on failure nothing is left allocated.
 */
int nvc_gsp_notifier_alloc(struct nvc_gsp *gsp, u32 h_client, u32 h_event,
			   u32 notifier)
{
	return gsp->fwops->notifier_alloc(gsp, h_client, h_event, notifier);
}

/**
 * nvc_gsp_vaspace_alloc() - a GSP-RM VA space over the client's page tables
 * @gsp: the GSP
 * @h_client: the client
 * @h_vaspace: handle of the new VA space (under the device)
 * @pdes: the page directory, validated by the caller
 *
 * Return: 0, -EOPNOTSUPP if the firmware version has no such call in
 * nvcore yet, or a negative errno; on failure nothing is left allocated.
 */
int nvc_gsp_vaspace_alloc(struct nvc_gsp *gsp, u32 h_client, u32 h_vaspace,
			  const struct nvc_vaspace_pdes *pdes)
{
	if (!gsp->fwops->vaspace_alloc)
		return -EOPNOTSUPP;
	return gsp->fwops->vaspace_alloc(gsp, h_client, h_vaspace, pdes);
}

