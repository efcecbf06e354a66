/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 570.144: boot-time structures (WPR metadata, LIBOS arguments, RM
 * arguments, system information, registry, CPU sequencer) and the common
 * NVIDIA firmware file header.
 *
 * Written from ../shared/gsp-rm-facts.md (section 5) and the compiled
 * layout table ../shared/gsp-rm-layouts.tsv; facts only.
 */
#ifndef NVRM_570_BOOT_H
#define NVRM_570_BOOT_H

#include "../nvrm_types.h"

/**
 * DOC: GSP-RM boot protocol
 *
 * Before GSP-RM runs, the CPU prepares everything it needs in memory:
 *
 * - the GSP-RM ELF image (.fwimage) described by a radix3 page table, the
 *   RISC-V bootloader and the image signature, all in system memory;
 * - a &struct GspFwWprMeta (one page) describing where each of those is and
 *   how the top of video memory is to be carved up (FRTS, boot binary, ELF,
 *   GSP heap, non-WPR heap);
 * - an array of &struct LibosMemoryRegionInitArgument naming the log
 *   buffers and the "RMARGS" page, which holds &struct GSP_ARGUMENTS_CACHED
 *   (where the message queues live, suspend/resume state);
 * - GSP_SET_SYSTEM_INFO (&struct GspSystemInfo) and SET_REGISTRY
 *   (&struct PACKED_REGISTRY_TABLE) already queued in the command queue.
 *
 * The LIBOS array address goes into the GSP falcon mailboxes, the WPR
 * metadata address into the SEC2 mailboxes, and the SEC2 "booter" ucode
 * then sets up WPR2 and starts GSP-RM.  While booting, GSP-RM may send
 * GSP_RUN_CPU_SEQUENCER messages (&struct rpc_run_cpu_sequencer_v17_00):
 * small programs of register writes, polls and delays that the CPU must
 * execute.  GSP_INIT_DONE marks the end of boot.  Shutdown and suspend
 * start with UNLOADING_GUEST_DRIVER.
 */

#define GSP_FW_FLAGS_CLOCK_BOOST			0x1
#define GSP_FW_FLAGS_PPCIE_ENABLED			0x4
#define GSP_FW_FLAGS_RECOVERY_MARGIN_PRESENT		0x2
#define GSP_FW_HEAP_FREE_LIST_MAGIC			0x4845415046524545ull
#define GSP_FW_HEAP_PARAM_BASE_RM_SIZE_GH100		0xe00000
#define GSP_FW_HEAP_PARAM_BASE_RM_SIZE_TU10X		0x800000
#define GSP_FW_HEAP_PARAM_CLIENT_ALLOC_SIZE		0x6000000
#define GSP_FW_HEAP_PARAM_OS_SIZE_LIBOS2		0x0
#define GSP_FW_HEAP_PARAM_OS_SIZE_LIBOS3_BAREMETAL	0x1600000
#define GSP_FW_HEAP_PARAM_OS_SIZE_LIBOS3_VGPU		0x2400000
#define GSP_FW_HEAP_PARAM_SIZE_PER_GB_FB		0x18000
#define GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS2_MAX_MB		0x100
#define GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS2_MIN_MB		0x40
#define GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS3_BAREMETAL_MAX_MB	0x118
#define GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS3_BAREMETAL_MIN_MB	0x58
#define GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS3_VGPU_MAX_MB	0x410
#define GSP_FW_HEAP_SIZE_OVERRIDE_LIBOS3_VGPU_MIN_MB	0x245
#define GSP_FW_HEAP_SIZE_VGPU_DEFAULT			0x24500000
#define GSP_FW_SR_META_INTERNAL_SIZE			0x80
#define GSP_FW_SR_META_MAGIC				0x8a3bb9e6c6c39d93ull
#define GSP_FW_SR_META_REVISION				0x2
#define GSP_FW_WPR_HEAP_FREE_REGION_COUNT		0x80
#define GSP_FW_WPR_META_MAGIC				0xdc3aae21371a60b3ull
#define GSP_FW_WPR_META_REVISION			0x1
#define GSP_FW_WPR_META_VERIFIED			0xa0a0a0a0a0a0a0a0ull
#define LIBOS_MEMORY_REGION_INIT_ARGUMENTS_MAX		0x1000
#define REGISTRY_TABLE_ENTRY_TYPE_BINARY		0x2
#define REGISTRY_TABLE_ENTRY_TYPE_DWORD			0x1
#define REGISTRY_TABLE_ENTRY_TYPE_STRING		0x3
#define REGISTRY_TABLE_ENTRY_TYPE_UNKNOWN		0x0

/* WPR metadata: one 256-byte record, in its own sysmem page. */
struct GspFwWprMeta {
	u64 magic;
	u64 revision;
	u64 sysmemAddrOfRadix3Elf;
	u64 sizeOfRadix3Elf;
	u64 sysmemAddrOfBootloader;
	u64 sizeOfBootloader;
	u64 bootloaderCodeOffset;
	u64 bootloaderDataOffset;
	u64 bootloaderManifestOffset;
	union {
		/* cold boot */
		struct {
			u64 sysmemAddrOfSignature;
			u64 sizeOfSignature;
		};
		/* resume */
		struct {
			u32 gspFwHeapFreeListWprOffset;
			u32 unused0;
			u64 unused1;
		};
	};
	u64 gspFwRsvdStart;
	u64 nonWprHeapOffset;
	u64 nonWprHeapSize;
	u64 gspFwWprStart;
	u64 gspFwHeapOffset;
	u64 gspFwHeapSize;
	u64 gspFwOffset;
	u64 bootBinOffset;
	u64 frtsOffset;
	u64 frtsSize;
	u64 gspFwWprEnd;
	u64 fbSize;
	u64 vgaWorkspaceOffset;
	u64 vgaWorkspaceSize;
	u64 bootCount;
	union {
		struct {
			u64 partitionRpcAddr;
			u16 partitionRpcRequestOffset;
			u16 partitionRpcReplyOffset;
			u32 elfCodeOffset;
			u32 elfDataOffset;
			u32 elfCodeSize;
			u32 elfDataSize;
			u32 lsUcodeVersion;
		};
		struct {
			u32 partitionRpcPadding[4];
			u64 sysmemAddrOfCrashReportQueue;
			u32 sizeOfCrashReportQueue;
			u32 lsUcodeVersionPadding[1];
		};
	};
	u8 gspFwHeapVfPartitionCount;
	u8 flags;	/* GSP_FW_FLAGS_* */
	u8 padding[2];
	u32 pmuReservedSize;
	u64 verified;
};

NVRM_CHECK_SIZE(GspFwWprMeta, 0x100);
NVRM_CHECK_OFF(GspFwWprMeta, sysmemAddrOfSignature, 0x48);
NVRM_CHECK_OFF(GspFwWprMeta, gspFwHeapFreeListWprOffset, 0x48);
NVRM_CHECK_OFF(GspFwWprMeta, gspFwRsvdStart, 0x58);
NVRM_CHECK_OFF(GspFwWprMeta, bootCount, 0xc8);
NVRM_CHECK_OFF(GspFwWprMeta, partitionRpcRequestOffset, 0xd8);
NVRM_CHECK_OFF(GspFwWprMeta, sysmemAddrOfCrashReportQueue, 0xe0);
NVRM_CHECK_OFF(GspFwWprMeta, lsUcodeVersion, 0xec);
NVRM_CHECK_OFF(GspFwWprMeta, gspFwHeapVfPartitionCount, 0xf0);
NVRM_CHECK_OFF(GspFwWprMeta, pmuReservedSize, 0xf4);
NVRM_CHECK_OFF(GspFwWprMeta, verified, 0xf8);

/* Suspend/resume metadata. */
struct GspFwSRMeta {
	u64 magic;
	u64 revision;
	u64 sysmemAddrOfSuspendResumeData;
	u64 sizeOfSuspendResumeData;
	u8 internal[GSP_FW_SR_META_INTERNAL_SIZE];
	u32 flags;
	u32 subrevision;
	u8 padding[88];
};

NVRM_CHECK_SIZE(GspFwSRMeta, 0x100);
NVRM_CHECK_OFF(GspFwSRMeta, internal, 0x20);
NVRM_CHECK_OFF(GspFwSRMeta, padding, 0xa8);

struct GspFwHeapFreeRegion {
	u32 offs;
	u32 length;
};

NVRM_CHECK_SIZE(GspFwHeapFreeRegion, 0x8);

struct GspFwHeapFreeList {
	u64 magic;
	u32 nregions;
	struct GspFwHeapFreeRegion regions[GSP_FW_WPR_HEAP_FREE_REGION_COUNT];
};

NVRM_CHECK_SIZE(GspFwHeapFreeList, 0x410);
NVRM_CHECK_OFF(GspFwHeapFreeList, regions, 0xc);

/* LIBOS boot arguments: an array of these in one page. */
enum LibosMemoryRegionKind {
	LIBOS_MEMORY_REGION_NONE = 0x0,
	LIBOS_MEMORY_REGION_CONTIGUOUS = 0x1,
	LIBOS_MEMORY_REGION_RADIX3 = 0x2,
};

enum LibosMemoryRegionLoc {
	LIBOS_MEMORY_REGION_LOC_NONE = 0x0,
	LIBOS_MEMORY_REGION_LOC_SYSMEM = 0x1,
	LIBOS_MEMORY_REGION_LOC_FB = 0x2,
};

struct LibosMemoryRegionInitArgument {
	u64 id8;	/* up to 8 ASCII chars, first char most significant */
	u64 pa;
	u64 size;
	u8 kind;	/* enum LibosMemoryRegionKind */
	u8 loc;		/* enum LibosMemoryRegionLoc */
};

NVRM_CHECK_SIZE(LibosMemoryRegionInitArgument, 0x20);
NVRM_CHECK_OFF(LibosMemoryRegionInitArgument, kind, 0x18);
NVRM_CHECK_OFF(LibosMemoryRegionInitArgument, loc, 0x19);

/* RMARGS page. */
struct MESSAGE_QUEUE_INIT_ARGUMENTS {
	u64 sharedMemPhysAddr;
	u32 pageTableEntryCount;
	u64 cmdQueueOffset;
	u64 statQueueOffset;
};

NVRM_CHECK_SIZE(MESSAGE_QUEUE_INIT_ARGUMENTS, 0x20);
NVRM_CHECK_OFF(MESSAGE_QUEUE_INIT_ARGUMENTS, cmdQueueOffset, 0x10);
NVRM_CHECK_OFF(MESSAGE_QUEUE_INIT_ARGUMENTS, statQueueOffset, 0x18);

struct GSP_SR_INIT_ARGUMENTS {
	u32 oldLevel;
	u32 flags;
	u8 bInPMTransition;
};

NVRM_CHECK_SIZE(GSP_SR_INIT_ARGUMENTS, 0xc);

struct GSP_ARGUMENTS_CACHED {
	struct MESSAGE_QUEUE_INIT_ARGUMENTS messageQueueInitArguments;
	struct GSP_SR_INIT_ARGUMENTS srInitArguments;
	u32 gpuInstance;
	u8 bDmemStack;
	struct {
		u64 pa;
		u64 size;
	} profilerArgs;
};

NVRM_CHECK_SIZE(GSP_ARGUMENTS_CACHED, 0x48);
NVRM_CHECK_OFF(GSP_ARGUMENTS_CACHED, srInitArguments, 0x20);
NVRM_CHECK_OFF(GSP_ARGUMENTS_CACHED, gpuInstance, 0x2c);
NVRM_CHECK_OFF(GSP_ARGUMENTS_CACHED, bDmemStack, 0x30);
NVRM_CHECK_OFF(GSP_ARGUMENTS_CACHED, profilerArgs, 0x38);

/* GSP_SET_SYSTEM_INFO payload. */
struct BUSINFO {
	u16 deviceID;
	u16 vendorID;
	u16 subdeviceID;
	u16 subvendorID;
	u8 revisionID;
};

NVRM_CHECK_SIZE(BUSINFO, 0xa);
NVRM_CHECK_OFF(BUSINFO, revisionID, 0x8);

/*
 * ACPI method results (_DOD, JT, MUX, _DSM caps).  The nested records are
 * kept opaque: only their sizes and offsets are part of this ABI.
 */
struct ACPI_METHOD_DATA {
	u8 bValid;
	u32 dodMethodData[0x48 / 4];
	u32 jtMethodData[0xc / 4];
	u32 muxMethodData[0x244 / 4];
	u32 capsMethodData[0x8 / 4];
};

NVRM_CHECK_SIZE(ACPI_METHOD_DATA, 0x2a4);
NVRM_CHECK_OFF(ACPI_METHOD_DATA, capsMethodData, 0x29c);
NVRM_CHECK_OFF(ACPI_METHOD_DATA, dodMethodData, 0x4);
NVRM_CHECK_OFF(ACPI_METHOD_DATA, jtMethodData, 0x4c);
NVRM_CHECK_OFF(ACPI_METHOD_DATA, muxMethodData, 0x58);

struct GSP_VF_INFO {
	u32 totalVFs;
	u32 firstVFOffset;
	u64 FirstVFBar0Address;
	u64 FirstVFBar1Address;
	u64 FirstVFBar2Address;
	u8 b64bitBar0;
	u8 b64bitBar1;
	u8 b64bitBar2;
};

NVRM_CHECK_SIZE(GSP_VF_INFO, 0x28);
NVRM_CHECK_OFF(GSP_VF_INFO, FirstVFBar0Address, 0x8);
NVRM_CHECK_OFF(GSP_VF_INFO, b64bitBar0, 0x20);

struct GspSystemInfo {
	u64 gpuPhysAddr;
	u64 gpuPhysFbAddr;
	u64 gpuPhysInstAddr;
	u64 gpuPhysIoAddr;
	u64 nvDomainBusDeviceFunc;
	u64 simAccessBufPhysAddr;
	u64 notifyOpSharedSurfacePhysAddr;
	u64 pcieAtomicsOpMask;
	u64 consoleMemSize;
	u64 maxUserVa;
	u32 pciConfigMirrorBase;
	u32 pciConfigMirrorSize;
	u32 PCIDeviceID;
	u32 PCISubDeviceID;
	u32 PCIRevisionID;
	u32 pcieAtomicsCplDeviceCapMask;
	u8 oorArch;
	u64 clPdbProperties;
	u32 Chipset;
	u8 bGpuBehindBridge;
	u8 bFlrSupported;
	u8 b64bBar0Supported;
	u8 bMnocAvailable;
	u32 chipsetL1ssEnable;
	u8 bUpstreamL0sUnsupported;
	u8 bUpstreamL1Unsupported;
	u8 bUpstreamL1PorSupported;
	u8 bUpstreamL1PorMobileOnly;
	u8 bSystemHasMux;
	u8 upstreamAddressValid;
	struct BUSINFO FHBBusInfo;
	struct BUSINFO chipsetIDInfo;
	struct ACPI_METHOD_DATA acpiMethodData;
	u32 hypervisorType;
	u8 bIsPassthru;
	u64 sysTimerOffsetNs;
	struct GSP_VF_INFO gspVFInfo;
	u8 bIsPrimary;
	u8 isGridBuild;
	struct {
		u32 linkCap;
	} pcieConfigReg;
	u32 gridBuildCsp;
	u8 bPreserveVideoMemoryAllocations;
	u8 bTdrEventSupported;
	u8 bFeatureStretchVblankCapable;
	u8 bEnableDynamicGranularityPageArrays;
	u8 bClockBoostSupported;
	u8 bRouteDispIntrsToCPU;
	u64 hostPageSize;
};

NVRM_CHECK_SIZE(GspSystemInfo, 0x3a0);
NVRM_CHECK_OFF(GspSystemInfo, maxUserVa, 0x48);
NVRM_CHECK_OFF(GspSystemInfo, PCIDeviceID, 0x58);
NVRM_CHECK_OFF(GspSystemInfo, Chipset, 0x78);
NVRM_CHECK_OFF(GspSystemInfo, chipsetL1ssEnable, 0x80);
NVRM_CHECK_OFF(GspSystemInfo, FHBBusInfo, 0x8a);
NVRM_CHECK_OFF(GspSystemInfo, acpiMethodData, 0xa0);
NVRM_CHECK_OFF(GspSystemInfo, hypervisorType, 0x344);
NVRM_CHECK_OFF(GspSystemInfo, gspVFInfo, 0x358);
NVRM_CHECK_OFF(GspSystemInfo, pcieConfigReg, 0x384);
NVRM_CHECK_OFF(GspSystemInfo, hostPageSize, 0x398);

/* Reply-less placeholder used by OpenRM for GSP_SET_SYSTEM_INFO. */
struct rpc_gsp_set_system_info_v17_00 {
	u32 data;
};

NVRM_CHECK_SIZE(rpc_gsp_set_system_info_v17_00, 0x4);

/*
 * SET_REGISTRY payload: header, entries, then NUL-terminated key names and
 * string/binary values.  nameOffset and (for BINARY/STRING) data are byte
 * offsets from the start of the table; for DWORD entries data is the value.
 */
struct PACKED_REGISTRY_ENTRY {
	u32 nameOffset;
	u8 type;	/* REGISTRY_TABLE_ENTRY_TYPE_* */
	u32 data;
	u32 length;
};

NVRM_CHECK_SIZE(PACKED_REGISTRY_ENTRY, 0x10);
NVRM_CHECK_OFF(PACKED_REGISTRY_ENTRY, data, 0x8);

struct PACKED_REGISTRY_TABLE {
	u32 size;
	u32 numEntries;
	struct PACKED_REGISTRY_ENTRY entries[];
};

NVRM_CHECK_SIZE(PACKED_REGISTRY_TABLE, 0x8);
NVRM_CHECK_OFF(PACKED_REGISTRY_TABLE, entries, 0x8);

/* CPU sequencer: identical in every version, ../common/sequencer.h. */
#include "../common/sequencer.h"

/* GSP_INIT_DONE event; the init status is in the RPC header's rpc_result. */
struct rpc_init_done_v17_00 {
	u32 not_used;
};

NVRM_CHECK_SIZE(rpc_init_done_v17_00, 0x4);

/* UNLOADING_GUEST_DRIVER (unload: level 0; suspend: level 3, in PM). */
struct rpc_unloading_guest_driver_v1F_07 {
	u8 bInPMTransition;
	u8 bGc6Entering;
	u32 newLevel;
};

NVRM_CHECK_SIZE(rpc_unloading_guest_driver_v1F_07, 0x8);
NVRM_CHECK_OFF(rpc_unloading_guest_driver_v1F_07, newLevel, 0x4);

/*
 * Common header of NVIDIA firmware files (bootloader, booter_load/unload):
 * six little-endian u32.  Not an NVIDIA-named structure; field names are
 * ours.
 */
#define NVRM_BIN_HDR_MAGIC	0x10de

struct nvrm_bin_hdr {
	u32 bin_magic;		/* NVRM_BIN_HDR_MAGIC */
	u32 bin_ver;
	u32 bin_size;
	u32 header_offset;	/* e.g. RM_RISCV_UCODE_DESC for bootloader */
	u32 data_offset;
	u32 data_size;
};

static_assert(sizeof(struct nvrm_bin_hdr) == 0x18, "nvrm_bin_hdr size");

#endif /* NVRM_570_BOOT_H */
