// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore GSP layer: RM object allocation, control calls and free.
 *
 * DOC: RM calls over RPC
 *
 * GSP_RM_ALLOC, GSP_RM_CONTROL and FREE carry NVOS-style parameter blocks
 * (fact sheet §6). Replies are read the way OGKM's CPU side reads them
 * (src/nvidia/kernel/vgpu/nv/rpc.c): a non-zero rpc_result is the failure
 * and nothing else of the reply is read (it may be header-only); with
 * rpc_result 0 the operation's own NV_STATUS is in the block's status
 * field: a failing control comes back that way (rpcRmApiControl_GSP copies
 * the params out on error only for COPYOUT_ON_ERROR controls, which nvcore
 * does not request), and parameters are copied back only on success, from
 * a reply that must then carry them all. A reply longer than the request
 * is accepted (the extra bytes are ignored). NV_STATUS codes become errnos
 * here so that nothing above the GSP layer sees them.
 */

/* Compiled once per version, from core/gsp/r<NNN>/fw.c (DOC: firmware versions). */

/* Upper bound on control parameters: what GSP-RM accepts in one call. */
#define NVC_RM_PARAMS_MAX	(4u << 20)
/* OGKM-535 ctrl2080gpu.h NV2080_CTRL_GPU_INFO_INDEX_MINOR_REVISION_EXT. */
#define NVC_GPU_INFO_INDEX_MINOR_REVISION_EXT	0x4

/*
 * One RM call: @hdr (the NVOS-style block, @hdr_len bytes, with its own
 * status at @status_off) followed by @params; the reply is the same block
 * with outputs filled in, and @params are copied back only on success.
 */
static int nvc_fw_rm_rpc(struct nvc_gsp *gsp, u32 function, const void *hdr,
		      size_t hdr_len, size_t status_off, void *params,
		      u32 params_size)
{
	size_t len = hdr_len + params_size, got = 0;
	u32 result, status;
	u8 *req;
	int ret;

	if (params_size > NVC_RM_PARAMS_MAX)
		return -E2BIG;
	req = kvzalloc(len, GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	memcpy(req, hdr, hdr_len);
	if (params_size)
		memcpy(req + hdr_len, params, params_size);

	/*
	 * The status is all a reply must carry, except that a reply too
	 * large for one message only ends with its last continuation record:
	 * it must be read whole (PGPU_ADD_VGPU_TYPE is 317 KiB both ways).
	 */
	ret = nvc_rpc_call_len(gsp, function, req, len, req, len,
			       len > NVC_RPC_CHUNK ? len : status_off + sizeof(status),
			       &got, &result);
	if (!ret && result)
		ret = nvc_nv_status_to_errno(result);
	if (!ret) {
		memcpy(&status, req + status_off, sizeof(status));
		ret = nvc_nv_status_to_errno(status);
	}
	if (!ret && got < len)
		ret = -EPROTO;	/* success, but the outputs are missing */
	if (!ret && params_size)
		memcpy(params, req + hdr_len, params_size);
	kvfree(req);
	return ret;
}

/**
 * nvc_fw_rm_alloc() - allocate an RM object on the GSP
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
static int nvc_fw_rm_alloc(struct nvc_gsp *gsp, u32 h_client, u32 h_parent,
		 u32 h_object, u32 h_class, void *params, u32 params_size)
{
	struct rpc_gsp_rm_alloc_v03_00 hdr = {
		.hClient = h_client,
		.hParent = h_parent,
		.hObject = h_object,
		.hClass = h_class,
		.paramsSize = params_size,
	};

	return nvc_fw_rm_rpc(gsp, NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC, &hdr,
			  sizeof(hdr), offsetof(typeof(hdr), status), params,
			  params_size);
}

/**
 * nvc_fw_rm_control() - issue an RM control call on the GSP
 * @gsp: the GSP
 * @h_client: client handle
 * @h_object: target object
 * @cmd: control command
 * @params: parameters, in/out
 * @params_size: their size
 *
 * Return: 0 or a negative errno.
 */
static int nvc_fw_rm_control(struct nvc_gsp *gsp, u32 h_client, u32 h_object, u32 cmd,
		   void *params, u32 params_size)
{
	struct rpc_gsp_rm_control_v03_00 hdr = {
		.hClient = h_client,
		.hObject = h_object,
		.cmd = cmd,
		.paramsSize = params_size,
	};

	return nvc_fw_rm_rpc(gsp, NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, &hdr,
			  sizeof(hdr), offsetof(typeof(hdr), status), params,
			  params_size);
}

/**
 * nvc_fw_rm_free() - free an RM object (and its children) on the GSP
 * @gsp: the GSP
 * @h_client: client handle
 * @h_parent: parent handle
 * @h_object: object to free (the client itself frees the whole client)
 *
 * Return: 0 or a negative errno.
 */
static int nvc_fw_rm_free(struct nvc_gsp *gsp, u32 h_client, u32 h_parent, u32 h_object)
{
	struct rpc_free_v03_00 req = {
		.params = {
			.hRoot = h_client,
			.hObjectParent = h_parent,
			.hObjectOld = h_object,
		},
	};
	u32 result;
	int ret;

	/*
	 * OGKM's rpcRmApiFree_GSP reads only rpc_result: the reply may be
	 * header-only (then req.params.status keeps the 0 we sent).
	 */
	ret = nvc_rpc_call_len(gsp, NV_VGPU_MSG_FUNCTION_FREE, &req,
			       sizeof(req), &req, sizeof(req), 0, NULL,
			       &result);
	if (!ret)
		ret = nvc_nv_status_to_errno(result ?: req.params.status);
	return ret;
}

/**
 * nvc_fw_client_create() - an RM client with its device and subdevice
 * @gsp: the GSP
 * @h_client: the client handle (0xc1d00000 | client number)
 * @name: process name recorded by GSP-RM
 *
 * The device and subdevice get %NVC_H_DEVICE and %NVC_H_SUBDEVICE inside
 * the client's handle space. On failure nothing is left allocated.
 *
 * Return: 0 or a negative errno.
 */
static int nvc_fw_client_create(struct nvc_gsp *gsp, u32 h_client, const char *name)
{
	struct NV0000_ALLOC_PARAMETERS *root;
	struct NV0080_ALLOC_PARAMETERS dev = { .hClientShare = h_client };
	struct NV2080_ALLOC_PARAMETERS sub = {};
	int ret;

	root = kzalloc(sizeof(*root), GFP_KERNEL);
	if (!root)
		return -ENOMEM;
	root->hClient = h_client;
	root->processID = ~0u;
	strscpy(root->processName, name, sizeof(root->processName));
	ret = nvc_fw_rm_alloc(gsp, h_client, h_client, h_client, NV01_ROOT, root,
			   sizeof(*root));
	kfree(root);
	if (ret)
		return ret;
	ret = nvc_fw_rm_alloc(gsp, h_client, h_client, NVC_H_DEVICE, NV01_DEVICE_0,
			   &dev, sizeof(dev));
	if (!ret)
		ret = nvc_fw_rm_alloc(gsp, h_client, NVC_H_DEVICE, NVC_H_SUBDEVICE,
				   NV20_SUBDEVICE_0, &sub, sizeof(sub));
	if (ret)
		nvc_fw_rm_free(gsp, h_client, 0, h_client);
	return ret;
}

/**
 * nvc_fw_ping() - a cheap real control as a liveness check
 * @gsp: the booted GSP
 *
 * NV2080_CTRL_CMD_GPU_GET_INFO_V2 for one index on nvcore's subdevice: a
 * control every GSP-RM answers without touching hardware state. No NVIDIA
 * driver sends NOP (function 0) to GSP-RM. Any answer counts, whatever its
 * NV_STATUS; a hang is detected (and the transport killed) inside the call.
 *
 * Return: 0 if GSP-RM answered, else the transport's errno.
 */
static int nvc_fw_ping(struct nvc_gsp *gsp)
{
	struct {
		struct rpc_gsp_rm_control_v03_00 hdr;
		struct NV2080_CTRL_GPU_GET_INFO_V2_PARAMS p;
	} *req;
	u32 result;
	int ret;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->hdr.hClient = gsp->h_client;
	req->hdr.hObject = gsp->h_subdevice;
	req->hdr.cmd = NV2080_CTRL_CMD_GPU_GET_INFO_V2;
	req->hdr.paramsSize = sizeof(req->p);
	req->p.gpuInfoListSize = 1;
	req->p.gpuInfoList[0].index = NVC_GPU_INFO_INDEX_MINOR_REVISION_EXT;
	ret = nvc_rpc_call_len(gsp, NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, req,
			       sizeof(*req), req, sizeof(*req), 0, NULL,
			       &result);
	kfree(req);
	return ret;
}
