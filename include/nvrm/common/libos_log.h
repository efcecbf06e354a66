/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * LIBOS firmware log records and their metadata (every supported version:
 * the LIBOS log format is not part of the RPC ABI; same declarations in
 * OGKM 535.113.01 and 570.144).
 *
 * Facts from OGKM 535.113.01 src/common/uproc/os/common/include/libos_log.h,
 * .../liblogdecode.h and src/common/uproc/os/libos-v3.1.0/lib/liblogdecode.c
 * (libosExtractLog_ReadRecord), src/nvidia/src/kernel/gpu/gsp/kernel_gsp.c
 * (_kgspInitLibosLoggingStructures, _kgspInitLibosLogDecoder) and
 * src/nvidia/generated/g_kernel_gsp_nvoc.h (section names). Not in the
 * compiled layout table: sizes and offsets below follow the declarations
 * (pointers are 64-bit on the GSP's RISC-V core; lineNumber is declared
 * NV_DECLARE_ALIGNED(NvU32, 8)) and are pinned by static_asserts.
 *
 * A log buffer is an array of u64 words. Word 0 is the put pointer: the
 * number of words ever written (monotonic). The other words form a ring of
 * (size / 8 - 1) entries; word number n is stored at index 1 + n % entries.
 * A record, in writing order, is its arguments, the firmware virtual
 * address of its libosLogMetadata, then a timestamp (PTIMER, ns); a reader
 * walks backwards from put. Metadata, format strings, file names and every
 * string a %s argument points to live in the logging sections of the
 * firmware's logging ELF, not in the image the GSP runs.
 */
#ifndef NVRM_COMMON_LIBOS_LOG_H
#define NVRM_COMMON_LIBOS_LOG_H

#include "../nvrm_types.h"

/* Section names (g_kernel_gsp_nvoc.h, kernel_gsp.c, liblogdecode.c). */
#define GSP_VERSION_SECTION_NAME	".fwversion"
#define GSP_LOGGING_SECTION_NAME	".fwlogging"
#define LIBOS_LOG_CONTAINER_SECTION	".fwIsContainerElf"
#define LIBOS_LOG_SECTION_INIT		".fwlogging_init"
#define LIBOS_LOG_SECTION_RM		".fwlogging_rm"

/* liblogdecode.h: at most this many arguments per record. */
#define LIBOS_LOG_MAX_ARGS		20
/* libos_log.h: a metadata whose filename is this is the extended form. */
#define LIBOS_LOG_METADATA_EXTENDED	0x8000000000000000ull

#define LOG_LEVEL_INFO			0
#define LOG_LEVEL_WARNING		1
#define LOG_LEVEL_ERROR			2

/**
 * struct libosLogMetadata - one log call site
 * @filename: firmware VA of the source file name
 * @format: firmware VA of the printf format
 * @lineNumber: source line
 * @argumentCount: arguments of the record (format excluded)
 * @printLevel: LOG_LEVEL_*
 */
struct libosLogMetadata {
	u64 filename;
	u64 format;
	u32 lineNumber;
	u8 argumentCount;
	u8 printLevel;
	u8 pad[2];
};

NVRM_CHECK_SIZE(libosLogMetadata, 0x18);
NVRM_CHECK_OFF(libosLogMetadata, format, 0x8);
NVRM_CHECK_OFF(libosLogMetadata, lineNumber, 0x10);
NVRM_CHECK_OFF(libosLogMetadata, argumentCount, 0x14);
NVRM_CHECK_OFF(libosLogMetadata, printLevel, 0x15);

/**
 * struct libosLogMetadata_extended - call site logging for another task
 * @versionExtended: %LIBOS_LOG_METADATA_EXTENDED
 * @elfSectionName: firmware VA of the other task's logging section name
 * @meta: the metadata proper
 */
struct libosLogMetadata_extended {
	u64 versionExtended;
	u64 elfSectionName;
	struct libosLogMetadata meta;
};

NVRM_CHECK_SIZE(libosLogMetadata_extended, 0x28);
NVRM_CHECK_OFF(libosLogMetadata_extended, meta, 0x10);

#endif /* NVRM_COMMON_LIBOS_LOG_H */
