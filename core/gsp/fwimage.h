/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: OS-independent parsers for the GSP-RM firmware files
 * (gsp-<ver>.bin ELF64 and bootloader-<ver>.bin), facts §5.1.
 */
#ifndef NVC_GSP_FWIMAGE_H
#define NVC_GSP_FWIMAGE_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "kcompat.h"
#endif

/* The few ELF64 definitions needed, under our own names. */
#define NVC_ELF_MAG		"\177ELF"
#define NVC_ELF_CLASS64		2
#define NVC_ELF_DATA2LSB	1
#define NVC_ELF_EV_CURRENT	1
#define NVC_ELF_SHT_NOBITS	8
#define NVC_ELF_SHN_LORESERVE	0xff00

/**
 * struct nvc_elf64_ehdr - ELF64 file header (little-endian)
 * @ident: magic, class, data encoding, version, OS ABI, padding
 * @type: object file type
 * @machine: architecture
 * @version: object file version
 * @entry: entry point
 * @phoff: program header table offset
 * @shoff: section header table offset
 * @flags: processor flags
 * @ehsize: size of this header
 * @phentsize: program header entry size
 * @phnum: program header count
 * @shentsize: section header entry size
 * @shnum: section header count
 * @shstrndx: index of the section name string table
 */
struct nvc_elf64_ehdr {
	u8 ident[16];
	u16 type;
	u16 machine;
	u32 version;
	u64 entry;
	u64 phoff;
	u64 shoff;
	u32 flags;
	u16 ehsize;
	u16 phentsize;
	u16 phnum;
	u16 shentsize;
	u16 shnum;
	u16 shstrndx;
};

/**
 * struct nvc_elf64_shdr - ELF64 section header (little-endian)
 * @name: offset of the name in the section name string table
 * @type: section type
 * @flags: section flags
 * @addr: load address
 * @offset: file offset of the contents
 * @size: size of the contents
 * @link: section link
 * @info: extra information
 * @addralign: alignment
 * @entsize: entry size for tables
 */
struct nvc_elf64_shdr {
	u32 name;
	u32 type;
	u64 flags;
	u64 addr;
	u64 offset;
	u64 size;
	u32 link;
	u32 info;
	u64 addralign;
	u64 entsize;
};

/**
 * struct nvc_elf64_phdr - ELF64 program header (little-endian)
 * @type: segment type (1 = PT_LOAD)
 * @flags: segment flags
 * @offset: file offset of the contents
 * @vaddr: virtual address
 * @paddr: physical address
 * @filesz: bytes in the file
 * @memsz: bytes in memory
 * @align: alignment
 */
struct nvc_elf64_phdr {
	u32 type;
	u32 flags;
	u64 offset;
	u64 vaddr;
	u64 paddr;
	u64 filesz;
	u64 memsz;
	u64 align;
};

#define NVC_ELF_PT_LOAD		1

/**
 * struct nvc_fw_bin_hdr - NVIDIA common firmware binary header
 * @bin_magic: 0x10DE
 * @bin_ver: header version
 * @bin_size: size of the whole file
 * @header_offset: offset of the type-specific header (ucode descriptor)
 * @data_offset: offset of the payload
 * @data_size: size of the payload
 */
struct nvc_fw_bin_hdr {
	u32 bin_magic;
	u32 bin_ver;
	u32 bin_size;
	u32 header_offset;
	u32 data_offset;
	u32 data_size;
};

#define NVC_FW_BIN_MAGIC	0x10DEu

/**
 * struct nvc_fw_riscv_desc - RM RISC-V ucode descriptor of the bootloader
 * @version: descriptor version
 * @bootloader_offset: bootloader offset in the payload
 * @bootloader_size: bootloader size
 * @bootloader_param_offset: bootloader parameter offset
 * @bootloader_param_size: bootloader parameter size
 * @riscv_elf_offset: RISC-V ELF offset in the payload
 * @riscv_elf_size: RISC-V ELF size
 * @app_version: changelist of the image
 * @manifest_offset: manifest offset in the payload
 * @manifest_size: manifest size
 * @monitor_data_offset: monitor data offset in the payload
 * @monitor_data_size: monitor data size
 * @monitor_code_offset: monitor code offset in the payload
 * @monitor_code_size: monitor code size
 * @monitor_enabled: nonzero if the monitor is enabled
 * @swbrom_code_offset: SW BROM code offset
 * @swbrom_code_size: SW BROM code size
 * @swbrom_data_offset: SW BROM data offset
 * @swbrom_data_size: SW BROM data size
 * @fb_reserved_size: FB carve-out size
 * @signed_as_code: nonzero if the whole image is signed as code
 *
 * Field order of NVIDIA's RM_RISCV_UCODE_DESC (rmRiscvUcode.h, OGKM),
 * 21 x u32 = 0x54 bytes; offsets are relative to the payload (data_offset).
 */
struct nvc_fw_riscv_desc {
	u32 version;
	u32 bootloader_offset;
	u32 bootloader_size;
	u32 bootloader_param_offset;
	u32 bootloader_param_size;
	u32 riscv_elf_offset;
	u32 riscv_elf_size;
	u32 app_version;
	u32 manifest_offset;
	u32 manifest_size;
	u32 monitor_data_offset;
	u32 monitor_data_size;
	u32 monitor_code_offset;
	u32 monitor_code_size;
	u32 monitor_enabled;
	u32 swbrom_code_offset;
	u32 swbrom_code_size;
	u32 swbrom_data_offset;
	u32 swbrom_data_size;
	u32 fb_reserved_size;
	u32 signed_as_code;
};

/**
 * struct nvc_gsp_fw - sections of a parsed gsp-<ver>.bin
 * @image: .fwimage contents (points into the file)
 * @image_size: its size
 * @sig: chip signature section contents
 * @sig_size: its size
 */
struct nvc_gsp_fw {
	const u8 *image;
	size_t image_size;
	const u8 *sig;
	size_t sig_size;
};

/**
 * struct nvc_gsp_bl - parsed bootloader-<ver>.bin
 * @desc: copy of the RISC-V ucode descriptor
 * @data: payload (points into the file)
 * @data_size: payload size
 */
struct nvc_gsp_bl {
	struct nvc_fw_riscv_desc desc;
	const u8 *data;
	size_t data_size;
};

int nvc_fw_elf_section(const void *elf, size_t size, const char *name,
		       const u8 **sec, size_t *sec_size);
int nvc_fw_elf_for_each(const void *elf, size_t size,
			int (*fn)(void *ctx, const struct nvc_elf64_shdr *sh,
				  const char *name),
			void *ctx);
int nvc_fw_version(const void *elf, size_t size, char *buf, size_t buf_size);
int nvc_fw_image_version(const void *elf, size_t size, const char *requested,
			 char *buf, size_t buf_size, const char **src);
int nvc_fw_gsp_parse(const void *elf, size_t size, const char *sig_name,
		     struct nvc_gsp_fw *fw);
int nvc_fw_bl_parse(const void *file, size_t size, struct nvc_gsp_bl *bl);

/*
 * Synthetic GSP-RM image produced by tools/mkgspfw for nvsim (a real
 * .fwimage has no such header). All fields little-endian:
 *
 *   0x00 magic[8]      "NVSIMGSP" (no NUL)
 *   0x08 hdr_size u32  0x40
 *   0x0C hdr_ver  u32  1
 *   0x10 image_size u64  whole .fwimage length, header included
 *   0x18 fnv1a64 u64   FNV-1a 64 (offset basis 0xcbf29ce484222325, prime
 *                      0x100000001b3) over bytes [0x40, image_size)
 *   0x20 seed u64      seed of the filler
 *   0x28 version[16]   the version string, NUL padded
 *   0x38 chip[8]       "tu102"/"ga102"/"ad102", NUL padded
 *
 * Filler from 0x40: successive little-endian u64 outputs of splitmix64
 * (state += 0x9e3779b97f4a7c15; z = state; z = (z ^ z >> 30) *
 * 0xbf58476d1ce4e5b9; z = (z ^ z >> 27) * 0x94d049bb133111eb; z ^ z >> 31)
 * starting from @seed, truncated to image_size.
 */
#define NVC_SIMG_MAGIC		"NVSIMGSP"
#define NVC_SIMG_HDR_SIZE	0x40u
#define NVC_SIMG_HDR_VER	1u
#define NVC_SIMG_SEED		0x4e56434f52454753ull	/* "NVCOREGS" */
#define NVC_FNV64_BASIS		0xcbf29ce484222325ull
#define NVC_FNV64_PRIME		0x100000001b3ull

/**
 * struct nvc_simg_hdr - header of the synthetic image (see above)
 * @magic: "NVSIMGSP"
 * @hdr_size: 0x40
 * @hdr_ver: 1
 * @image_size: total image bytes
 * @fnv1a64: FNV-1a 64 of the bytes after the header
 * @seed: filler seed
 * @version: firmware version string
 * @chip: chip name
 */
struct nvc_simg_hdr {
	char magic[8];
	u32 hdr_size;
	u32 hdr_ver;
	u64 image_size;
	u64 fnv1a64;
	u64 seed;
	char version[16];
	char chip[8];
};

u64 nvc_fnv1a64(u64 hash, const void *buf, size_t len);

#endif /* NVC_GSP_FWIMAGE_H */
