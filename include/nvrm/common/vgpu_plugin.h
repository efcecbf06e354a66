/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM, every supported version: the host <-> GSP vGPU plugin channel.
 *
 * Not in a released NVIDIA header: it is the vGPU RFC's (Zhi Wang, 2024,
 * header dev_vgpu_gsp.h, drivers/vfio/pci/nvidia-vgpu/rpc.c); offsets below
 * are derived from its field order with natural alignment and pinned by
 * static asserts. The plugin is the firmware's, but this channel carries
 * no RM-API structure, so nvcore and nvsim speak it unchanged under
 * 535.113.01 and 570.144 (docs/nvsim.md). No TSV rows (tests/abi).
 */
#ifndef NVRM_COMMON_VGPU_PLUGIN_H
#define NVRM_COMMON_VGPU_PLUGIN_H

#include "../nvrm_types.h"

/* ---- host <-> GSP plugin channel (RFC dev_vgpu_gsp.h, section 9.5) ---- */

/* Written by the plugin into ctrl.message_seq_num once it runs. */
#define NVRM_GSP_PLUGIN_BOOTLOADED		0x4e654a6f
#define NVRM_VGPU_CPU_GSP_CTRL_BUFF_VERSION	0x1

/* The management heap, from offset 0. */
#define NVRM_VGPU_HEAP_CTRL_OFF		0x0
#define NVRM_VGPU_HEAP_RESPONSE_OFF	0x1000
#define NVRM_VGPU_HEAP_MESSAGE_OFF	0x2000
#define NVRM_VGPU_HEAP_MIGRATION_OFF	0x3000
#define NVRM_VGPU_HEAP_MIGRATION_SIZE	0x200000
#define NVRM_VGPU_HEAP_ERROR_OFF	0x203000
#define NVRM_VGPU_HEAP_INIT_LOG_OFF	0x204000
#define NVRM_VGPU_HEAP_INIT_LOG_SIZE	0x20000
#define NVRM_VGPU_HEAP_TASK_LOG_OFF	0x224000
#define NVRM_VGPU_HEAP_TASK_LOG_SIZE	0x40000
#define NVRM_VGPU_HEAP_COMM_SIZE	0x264000
#define NVRM_VGPU_BUFF_SIZE		0x1000

/* Doorbell value of a GFID (RFC rpc.c). */
#define NVRM_VGPU_DOORBELL_VALUE(gfid)	((gfid) * 32 + 17)
#define NVRM_VGPU_DOORBELL_ADD		17

#define NVRM_VGPU_UUID_SIZE		16
#define NVRM_VGPU_MAX_INSTANCES		16

struct nvrm_vgpu_host_info {
	u32 vgpu_type_id;
	u32 host_gpu_pci_id;
	u32 pci_dev_id;
	u8 vgpu_uuid[NVRM_VGPU_UUID_SIZE];
};

NVRM_CHECK_SIZE(nvrm_vgpu_host_info, 0x1c);

/* Control buffer: CPU plugin writes, GSP plugin reads. */
struct nvrm_vgpu_cpu_gsp_ctrl {
	u32 version;
	u32 message_type;
	u32 message_seq_num;
	u64 response_buff_offset;
	u64 message_buff_offset;
	u64 migration_buff_offset;
	u64 error_buff_offset;
	u32 migration_buf_cpu_access_offset;
	u8 is_migration_in_progress;
	u32 error_buff_cpu_get_idx;
	u32 attached_vgpu_count;
	struct nvrm_vgpu_host_info host_info[NVRM_VGPU_MAX_INSTANCES];
};

NVRM_CHECK_OFF(nvrm_vgpu_cpu_gsp_ctrl, message_seq_num, 0x8);
NVRM_CHECK_OFF(nvrm_vgpu_cpu_gsp_ctrl, response_buff_offset, 0x10);
NVRM_CHECK_OFF(nvrm_vgpu_cpu_gsp_ctrl, error_buff_offset, 0x28);
NVRM_CHECK_OFF(nvrm_vgpu_cpu_gsp_ctrl, is_migration_in_progress, 0x34);
NVRM_CHECK_OFF(nvrm_vgpu_cpu_gsp_ctrl, attached_vgpu_count, 0x3c);
NVRM_CHECK_OFF(nvrm_vgpu_cpu_gsp_ctrl, host_info, 0x40);
NVRM_CHECK_SIZE(nvrm_vgpu_cpu_gsp_ctrl, 0x200);

/*
 * Response buffer: GSP plugin writes. Only the leading fields are used;
 * the per-head displayless surface records that follow are not modelled.
 */
struct nvrm_vgpu_cpu_gsp_response {
	u32 message_seq_num_processed;
	u32 result_code;
	u32 guest_rpc_version;
	u32 migration_buf_gsp_access_offset;
	u32 migration_state_save_complete;
};

NVRM_CHECK_OFF(nvrm_vgpu_cpu_gsp_response, result_code, 0x4);
NVRM_CHECK_SIZE(nvrm_vgpu_cpu_gsp_response, 0x14);

enum nvrm_vgpu_cpu_rpc_msg {
	NVRM_VGPU_CPU_RPC_MSG_VERSION_NEGOTIATION = 1,
	NVRM_VGPU_CPU_RPC_MSG_SETUP_CONFIG_PARAMS_AND_INIT = 2,
	NVRM_VGPU_CPU_RPC_MSG_RESET = 3,
	NVRM_VGPU_CPU_RPC_MSG_MIGRATION_STOP_WORK = 4,
	NVRM_VGPU_CPU_RPC_MSG_UPDATE_BME_STATE = 13,
	NVRM_VGPU_CPU_RPC_MSG_GET_GUEST_INFO = 14,
	NVRM_VGPU_CPU_RPC_MSG_MAX = 15,
};

struct nvrm_vgpu_rpc_version {
	u32 version_cpu;
	u32 version_negotiated;
};

NVRM_CHECK_SIZE(nvrm_vgpu_rpc_version, 0x8);

#define NVRM_VGPU_HOST_CPU_ARCH_AARCH64	1
#define NVRM_VGPU_HOST_CPU_ARCH_X86_64	2

/* SETUP_CONFIG_PARAMS_AND_INIT message. */
struct nvrm_vgpu_rpc_config {
	u8 vgpu_uuid[NVRM_VGPU_UUID_SIZE];
	u32 dbdf;
	u32 driver_vm_vf_dbdf;
	u32 vgpu_device_instance_id;
	u32 vgpu_type;
	u32 vm_pid;
	u32 swizz_id;
	u32 num_channels;
	u32 num_plugin_channels;
	u32 vmm_cap;
	u32 migration_feature;
	u32 hypervisor_type;
	u32 host_cpu_arch;
	u64 host_page_size;
	u8 rev1[2];
	u8 enable_uvm;
	u8 linux_interrupt_optimization;
	u8 vmm_migration_supported;
	u8 rev2;
	u8 enable_console_vnc;
	u8 use_non_stall_linux_events;
	u32 rev3;
};

NVRM_CHECK_OFF(nvrm_vgpu_rpc_config, dbdf, 0x10);
NVRM_CHECK_OFF(nvrm_vgpu_rpc_config, host_cpu_arch, 0x3c);
NVRM_CHECK_OFF(nvrm_vgpu_rpc_config, host_page_size, 0x40);
NVRM_CHECK_OFF(nvrm_vgpu_rpc_config, rev3, 0x50);
NVRM_CHECK_SIZE(nvrm_vgpu_rpc_config, 0x58);

struct nvrm_vgpu_rpc_bme {
	u8 enable;
	u8 allowed;
};

#endif /* NVRM_COMMON_VGPU_PLUGIN_H */
