/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM, every supported version: the NV_STATUS codes (OGKM
 * nvstatuscodes.h) and RPC result codes nvcore turns into errnos
 * (core/gsp/fw.c, nvc_nv_status_to_errno()).
 *
 * Version-neutral: the same values in 535.113.01 and 570.144 (each
 * version's rm.h / rpc_funcs.h repeats them; tests/abi checks this header
 * against the rows of every version that has them).
 */
#ifndef NVRM_COMMON_STATUS_H
#define NVRM_COMMON_STATUS_H

#define NV_OK					0x0
#define NV_ERR_BUSY_RETRY			0x3
#define NV_ERR_GPU_IS_LOST			0xf
#define NV_ERR_IN_USE				0x17
#define NV_ERR_INSERT_DUPLICATE_NAME		0x19
#define NV_ERR_INSUFFICIENT_PERMISSIONS		0x1b
#define NV_ERR_INSUFFICIENT_RESOURCES		0x1a
#define NV_ERR_INVALID_CLASS			0x22
#define NV_ERR_INVALID_CLIENT			0x23
#define NV_ERR_INVALID_COMMAND			0x24
#define NV_ERR_INVALID_OBJECT_HANDLE		0x33
#define NV_ERR_INVALID_OBJECT_PARENT		0x36
#define NV_ERR_INVALID_STATE			0x40
#define NV_ERR_NO_MEMORY			0x51
#define NV_ERR_NOT_READY			0x55
#define NV_ERR_NOT_SUPPORTED			0x56
#define NV_ERR_OBJECT_NOT_FOUND			0x57
#define NV_ERR_STATE_IN_USE			0x63
#define NV_ERR_GENERIC				0xffff
#define NV_ERR_TIMEOUT				0x65
#define NV_ERR_TIMEOUT_RETRY			0x66
#define NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION		0xff100001u

#endif /* NVRM_COMMON_STATUS_H */
