/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim's own definitions of the vGPU plugin's channels, the same under
 * every firmware version (the way sim/hw.h holds the hardware formats):
 *
 * - the host <-> plugin channel of the vGPU RFC (Zhi Wang, 2024,
 *   dev_vgpu_gsp.h; nvcore's copy is the common vgpu_plugin.h);
 * - the guest <-> plugin channel: buffers, address format, scratch
 *   registers and doorbell handles (OGKM 570.144 dev_vgpu.h,
 *   nv_sriov_defines.h; nvcore's copy is 570.144's vgpu_guest.h, used
 *   with both versions).
 *
 * Every version's sim/fwabi.c checks each of them against that version's
 * headers (NVSIM_SAME*), so sim/vgpu.c, vgpu_guest.c and
 * vgpu_guest_wire.c include no firmware header. OS-independent.
 */
#ifndef NVSIM_VGPU_WIRE_H
#define NVSIM_VGPU_WIRE_H

#define NVSIM_VF_PRIV_MAILBOX_SCRATCH(i)	(0x2100 + (i) * 4)
#define NVSIM_VF_PRIV_MAILBOX_SCRATCH__SIZE_1	16
#define NVSIM_DOORBELL_NOTIFY_LEAF_VF_RPC_SETUP_HANDLE	0
#define NVSIM_DOORBELL_NOTIFY_LEAF_VF_RPC_MESSAGE_HANDLE	1
#define NVSIM_VF_SCRATCH_REGISTER_GUEST_RPC_LO	0x2
#define NVSIM_VF_SCRATCH_REGISTER_GUEST_RPC_HI	0x3
#define NVSIM_VGPU_GSP_BUF_ADDR_V1_VALIDITY_VALID	0x1
#define NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_SHIFT	1
#define NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_MASK	0x3
#define NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_SYSMEM	0x1
#define NVSIM_VGPU_GSP_BUF_ADDR_V1_APERTURE_FBMEM	0x2
#define NVSIM_VGPU_GSP_BUF_ADDR_V2_SIZE_SHIFT	3
#define NVSIM_VGPU_GSP_BUF_ADDR_V2_SIZE_MASK	0x3
#define NVSIM_VGPU_GSP_BUF_ADDR_V1_PFN_SHIFT	12
#define NVSIM_VGPU_GSP_CTRL_BUF_V1_VERSION	1
#define NVSIM_VGPU_GSP_CTRL_BUF_V2_VERSION	2
#define NVSIM_VGPU_GSP_RESPONSE_BUF_SIZE_V1	4096
#define NVSIM_VGPU_GUEST_MSG_MIN	0x1000
#define NVSIM_VGPU_GUEST_MSG_LARGE	0x20000
/* offsetof(union VGPU_GSP_RESPONSE_BUF_V1, responseId) */
#define NVSIM_GUEST_RSP_RESPONSE_ID	0x0

/* ---- host <-> GSP plugin channel (RFC dev_vgpu_gsp.h, section 9.5) ---- */

/* Written by the plugin into ctrl.message_seq_num once it runs. */
#define NVSIM_GSP_PLUGIN_BOOTLOADED		0x4e654a6f
#define NVSIM_VGPU_CPU_GSP_CTRL_BUFF_VERSION	0x1

/* The management heap, from offset 0. */
#define NVSIM_VGPU_HEAP_CTRL_OFF		0x0
#define NVSIM_VGPU_HEAP_RESPONSE_OFF	0x1000
#define NVSIM_VGPU_HEAP_MESSAGE_OFF	0x2000
#define NVSIM_VGPU_HEAP_MIGRATION_OFF	0x3000
#define NVSIM_VGPU_HEAP_MIGRATION_SIZE	0x200000
#define NVSIM_VGPU_HEAP_ERROR_OFF	0x203000
#define NVSIM_VGPU_HEAP_INIT_LOG_OFF	0x204000
#define NVSIM_VGPU_HEAP_INIT_LOG_SIZE	0x20000
#define NVSIM_VGPU_HEAP_TASK_LOG_OFF	0x224000
#define NVSIM_VGPU_HEAP_TASK_LOG_SIZE	0x40000
#define NVSIM_VGPU_HEAP_COMM_SIZE	0x264000
#define NVSIM_VGPU_BUFF_SIZE		0x1000

/* Doorbell value of a GFID (RFC rpc.c). */
#define NVSIM_VGPU_DOORBELL_VALUE(gfid)	((gfid) * 32 + 17)
#define NVSIM_VGPU_DOORBELL_ADD		17

#define NVSIM_VGPU_UUID_SIZE		16
#define NVSIM_VGPU_MAX_INSTANCES		16

struct nvsim_vgpu_host_info {
	u32 vgpu_type_id;
	u32 host_gpu_pci_id;
	u32 pci_dev_id;
	u8 vgpu_uuid[NVSIM_VGPU_UUID_SIZE];
};


/* Control buffer: CPU plugin writes, GSP plugin reads. */
struct nvsim_vgpu_cpu_gsp_ctrl {
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
	struct nvsim_vgpu_host_info host_info[NVSIM_VGPU_MAX_INSTANCES];
};


/*
 * Response buffer: GSP plugin writes. Only the leading fields are used;
 * the per-head displayless surface records that follow are not modelled.
 */
struct nvsim_vgpu_cpu_gsp_response {
	u32 message_seq_num_processed;
	u32 result_code;
	u32 guest_rpc_version;
	u32 migration_buf_gsp_access_offset;
	u32 migration_state_save_complete;
};


enum nvsim_vgpu_cpu_rpc_msg {
	NVSIM_VGPU_CPU_RPC_MSG_VERSION_NEGOTIATION = 1,
	NVSIM_VGPU_CPU_RPC_MSG_SETUP_CONFIG_PARAMS_AND_INIT = 2,
	NVSIM_VGPU_CPU_RPC_MSG_RESET = 3,
	NVSIM_VGPU_CPU_RPC_MSG_MIGRATION_STOP_WORK = 4,
	NVSIM_VGPU_CPU_RPC_MSG_UPDATE_BME_STATE = 13,
	NVSIM_VGPU_CPU_RPC_MSG_GET_GUEST_INFO = 14,
	NVSIM_VGPU_CPU_RPC_MSG_MAX = 15,
};

struct nvsim_vgpu_rpc_version {
	u32 version_cpu;
	u32 version_negotiated;
};


#define NVSIM_VGPU_HOST_CPU_ARCH_AARCH64	1
#define NVSIM_VGPU_HOST_CPU_ARCH_X86_64	2

/* SETUP_CONFIG_PARAMS_AND_INIT message. */
struct nvsim_vgpu_rpc_config {
	u8 vgpu_uuid[NVSIM_VGPU_UUID_SIZE];
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


struct nvsim_vgpu_rpc_bme {
	u8 enable;
	u8 allowed;
};

#endif /* NVSIM_VGPU_WIRE_H */
