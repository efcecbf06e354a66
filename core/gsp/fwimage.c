// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: OS-independent parsers for the GSP-RM firmware files.
 *
 * gsp-<ver>.bin is an ELF64 file whose ".fwimage" section is the GSP-RM
 * image and whose ".fwsignature_<family>" section is the chip signature;
 * bootloader-<ver>.bin is an NVIDIA binary header followed by an RM RISC-V
 * ucode descriptor and the payload (facts §5.1). The files come from disk
 * and are validated completely before any pointer into them is returned.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#else
#include "kcompat.h"
#endif

#include "fwimage.h"

static_assert(sizeof(struct nvc_elf64_ehdr) == 64, "nvc_elf64_ehdr size");
static_assert(sizeof(struct nvc_elf64_shdr) == 64, "nvc_elf64_shdr size");
static_assert(sizeof(struct nvc_elf64_phdr) == 56, "nvc_elf64_phdr size");
static_assert(sizeof(struct nvc_fw_bin_hdr) == 24, "nvc_fw_bin_hdr size");
static_assert(sizeof(struct nvc_fw_riscv_desc) == 0x54, "nvc_fw_riscv_desc size");
static_assert(sizeof(struct nvc_simg_hdr) == NVC_SIMG_HDR_SIZE, "nvc_simg_hdr size");

static bool nvc_fw_range_ok(size_t size, u64 off, u64 len)
{
	return off <= size && len <= size - off;
}

/* A payload region: empty is fine unless @required, else inside @limit. */
static bool nvc_fw_region_ok(u32 limit, u32 off, u32 len, bool required)
{
	if (!len)
		return !required;
	return nvc_fw_range_ok(limit, off, len);
}

static void nvc_fw_shdr(const u8 *elf, const struct nvc_elf64_ehdr *eh,
			u32 i, struct nvc_elf64_shdr *sh)
{
	memcpy(sh, elf + eh->shoff + (u64)i * sizeof(*sh), sizeof(*sh));
}

/*
 * Validate the file header, the section header table, every section's
 * extent and every section name. Errors: -ENOEXEC if this is not a
 * little-endian ELF64 file, -EINVAL for anything out of bounds.
 */
static int nvc_fw_elf_check(const u8 *elf, size_t size,
			    struct nvc_elf64_ehdr *eh,
			    struct nvc_elf64_shdr *strtab)
{
	struct nvc_elf64_shdr sh;
	u32 i;

	if (size < sizeof(*eh))
		return -ENOEXEC;
	memcpy(eh, elf, sizeof(*eh));
	if (memcmp(eh->ident, NVC_ELF_MAG, 4) ||
	    eh->ident[4] != NVC_ELF_CLASS64 ||
	    eh->ident[5] != NVC_ELF_DATA2LSB ||
	    eh->ident[6] != NVC_ELF_EV_CURRENT)
		return -ENOEXEC;

	/* shnum == 0 would mean extended numbering: not used by GSP files. */
	if (eh->shentsize != sizeof(sh) || !eh->shnum ||
	    eh->shstrndx >= eh->shnum ||
	    eh->shstrndx >= NVC_ELF_SHN_LORESERVE)
		return -EINVAL;
	if (!nvc_fw_range_ok(size, eh->shoff, (u64)eh->shnum * sizeof(sh)))
		return -EINVAL;

	for (i = 0; i < eh->shnum; i++) {
		nvc_fw_shdr(elf, eh, i, &sh);
		if (sh.type != NVC_ELF_SHT_NOBITS &&
		    !nvc_fw_range_ok(size, sh.offset, sh.size))
			return -EINVAL;
	}

	nvc_fw_shdr(elf, eh, eh->shstrndx, strtab);
	if (strtab->type == NVC_ELF_SHT_NOBITS || !strtab->size)
		return -EINVAL;

	for (i = 0; i < eh->shnum; i++) {
		nvc_fw_shdr(elf, eh, i, &sh);
		if (sh.name >= strtab->size ||
		    !memchr(elf + strtab->offset + sh.name, '\0',
			    strtab->size - sh.name))
			return -EINVAL;
	}
	return 0;
}

/**
 * nvc_fw_elf_section() - find a section of a validated ELF64 file
 * @elf: file contents
 * @size: file size
 * @name: section name, e.g. ".fwimage"
 * @sec: returns a pointer to the section contents inside @elf
 * @sec_size: returns the section size
 *
 * The whole file is validated first: ELF magic, 64-bit class, little
 * endian, section header table in bounds with the expected entry size, a
 * valid e_shstrndx, every section's offset + size inside the file (no
 * overflow) and every name NUL-terminated inside the string table.
 *
 * Return: 0, -ENOEXEC if not a little-endian ELF64 file, -EINVAL for a
 * malformed file or a section of @name without file contents or present
 * more than once, -ENOENT if no section is called @name.
 */
int nvc_fw_elf_section(const void *elf, size_t size, const char *name,
		       const u8 **sec, size_t *sec_size)
{
	struct nvc_elf64_shdr strtab, sh, found;
	struct nvc_elf64_ehdr eh;
	const u8 *p = elf;
	bool have = false;
	int ret;
	u32 i;

	ret = nvc_fw_elf_check(p, size, &eh, &strtab);
	if (ret)
		return ret;

	for (i = 0; i < eh.shnum; i++) {
		nvc_fw_shdr(p, &eh, i, &sh);
		if (strcmp((const char *)p + strtab.offset + sh.name, name))
			continue;
		if (have || sh.type == NVC_ELF_SHT_NOBITS)
			return -EINVAL;
		found = sh;
		have = true;
	}
	if (!have)
		return -ENOENT;
	*sec = p + found.offset;
	*sec_size = found.size;
	return 0;
}

/**
 * nvc_fw_elf_for_each() - visit every section of a validated ELF64 file
 * @elf: file contents
 * @size: file size
 * @fn: called for each section with its header and NUL-terminated name;
 *	a non-zero return stops the walk and is returned
 * @ctx: passed to @fn
 *
 * The file is validated as by nvc_fw_elf_section() first; a section that
 * is not SHT_NOBITS lies inside the file.
 *
 * Return: 0, an error of the validation, or what @fn returned.
 */
int nvc_fw_elf_for_each(const void *elf, size_t size,
			int (*fn)(void *ctx, const struct nvc_elf64_shdr *sh,
				  const char *name),
			void *ctx)
{
	struct nvc_elf64_shdr strtab, sh;
	struct nvc_elf64_ehdr eh;
	const u8 *p = elf;
	int ret;
	u32 i;

	ret = nvc_fw_elf_check(p, size, &eh, &strtab);
	if (ret)
		return ret;
	for (i = 0; i < eh.shnum; i++) {
		nvc_fw_shdr(p, &eh, i, &sh);
		ret = fn(ctx, &sh, (const char *)p + strtab.offset + sh.name);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * nvc_fw_version() - the version a firmware file carries in .fwversion
 * @elf: file contents (gsp-<ver>.bin, or NVIDIA's gsp_log_*.bin)
 * @size: file size
 * @buf: returns the version, NUL-terminated
 * @buf_size: size of @buf
 *
 * OGKM (kernel_gsp.c, _kgspFwContainerVerifyVersion) expects the section
 * to hold the version string and its NUL, nothing else. Accepted: 1 to 63
 * characters of [0-9A-Za-z._-] followed by exactly one NUL.
 *
 * Return: 0, -ENOENT if there is no .fwversion section, -EINVAL if it is
 * malformed, -ENOSPC if @buf is too small, or an ELF error.
 */
int nvc_fw_version(const void *elf, size_t size, char *buf, size_t buf_size)
{
	const u8 *sec;
	size_t len, i;
	int ret;

	ret = nvc_fw_elf_section(elf, size, ".fwversion", &sec, &len);
	if (ret)
		return ret;
	if (len < 2 || len > 64 || sec[len - 1])
		return -EINVAL;
	for (i = 0; i < len - 1; i++) {
		u8 c = sec[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || c == '.' || c == '_' ||
		      c == '-'))
			return -EINVAL;
	}
	if (len > buf_size)
		return -ENOSPC;
	memcpy(buf, sec, len);
	return 0;
}

/**
 * nvc_fw_image_version() - the version a GSP image reports, cross-checked
 * @elf: gsp-<ver>.bin contents
 * @size: its size
 * @requested: the version in the file name nvcore asked for
 * @buf: returns the version (NUL-terminated)
 * @buf_size: size of @buf
 * @src: returns where it came from: ".fwversion", "image header" or
 *	"file name"
 *
 * Two places carry a version: the .fwversion section (NVIDIA's images;
 * OGKM refuses a file whose .fwversion is not its own version,
 * _kgspFwContainerVerifyVersion) and, in mkgspfw's images, the header of
 * .fwimage that the simulated GSP-RM runs. Every one present must be
 * well formed and equal @requested; the first present one is returned,
 * else @requested.
 *
 * Return: 0, -EINVAL for a malformed version, -EPROTO when a version
 * differs from @requested or from the other, or an ELF error.
 */
int nvc_fw_image_version(const void *elf, size_t size, const char *requested,
			 char *buf, size_t buf_size, const char **src)
{
	char hdr_ver[sizeof(((struct nvc_simg_hdr *)0)->version) + 1];
	struct nvc_simg_hdr h;
	const u8 *img;
	size_t img_size;
	bool have_hdr = false;
	int ret;

	ret = nvc_fw_elf_section(elf, size, ".fwimage", &img, &img_size);
	if (ret)
		return ret;
	if (img_size >= sizeof(h)) {
		memcpy(&h, img, sizeof(h));
		if (!memcmp(h.magic, NVC_SIMG_MAGIC, sizeof(h.magic))) {
			memcpy(hdr_ver, h.version, sizeof(h.version));
			hdr_ver[sizeof(h.version)] = 0;
			if (!memchr(h.version, 0, sizeof(h.version)) || !hdr_ver[0])
				return -EINVAL;
			have_hdr = true;
		}
	}
	ret = nvc_fw_version(elf, size, buf, buf_size);
	if (ret == -ENOSPC)
		return -EINVAL;
	if (ret && ret != -ENOENT)
		return ret;
	if (!ret) {
		*src = ".fwversion";
		if (have_hdr && strcmp(buf, hdr_ver))
			return -EPROTO;
	} else if (have_hdr) {
		*src = "image header";
		if (strlen(hdr_ver) >= buf_size)
			return -EINVAL;
		strcpy(buf, hdr_ver);
	} else {
		*src = "file name";
		if (strlen(requested) >= buf_size)
			return -EINVAL;
		strcpy(buf, requested);
	}
	return strcmp(buf, requested) ? -EPROTO : 0;
}

/**
 * nvc_fw_gsp_parse() - locate the image and signature in gsp-<ver>.bin
 * @elf: file contents
 * @size: file size
 * @sig_name: chip signature section, e.g. ".fwsignature_tu10x"
 * @fw: returns pointers into @elf
 *
 * Return: 0, or an error of nvc_fw_elf_section(); an empty .fwimage or
 * signature is -EINVAL.
 */
int nvc_fw_gsp_parse(const void *elf, size_t size, const char *sig_name,
		     struct nvc_gsp_fw *fw)
{
	int ret;

	ret = nvc_fw_elf_section(elf, size, ".fwimage", &fw->image,
				 &fw->image_size);
	if (ret)
		return ret;
	ret = nvc_fw_elf_section(elf, size, sig_name, &fw->sig, &fw->sig_size);
	if (ret)
		return ret;
	if (!fw->image_size || !fw->sig_size)
		return -EINVAL;
	return 0;
}

/**
 * nvc_fw_bl_parse() - parse bootloader-<ver>.bin
 * @file: file contents
 * @size: file size
 * @bl: returns the descriptor and the payload location
 *
 * Checks the binary header magic, that bin_size, the descriptor and the
 * payload lie inside the file, and that the regions the boot code uses
 * (manifest, monitor data, monitor code) are non-empty and inside the
 * payload. The other regions are checked against the payload when their
 * size is nonzero.
 *
 * Return: 0, -ENOEXEC for a bad magic or a file shorter than the header,
 * -EINVAL for any offset or size out of bounds.
 */
int nvc_fw_bl_parse(const void *file, size_t size, struct nvc_gsp_bl *bl)
{
	struct nvc_fw_riscv_desc *d = &bl->desc;
	struct nvc_fw_bin_hdr h;
	const u8 *p = file;

	if (size < sizeof(h))
		return -ENOEXEC;
	memcpy(&h, p, sizeof(h));
	if (h.bin_magic != NVC_FW_BIN_MAGIC)
		return -ENOEXEC;
	if (h.bin_size > size ||
	    !nvc_fw_range_ok(size, h.header_offset, sizeof(*d)) ||
	    !nvc_fw_range_ok(size, h.data_offset, h.data_size) ||
	    !h.data_size)
		return -EINVAL;
	memcpy(d, p + h.header_offset, sizeof(*d));

	if (!nvc_fw_region_ok(h.data_size, d->manifest_offset,
			      d->manifest_size, true) ||
	    !nvc_fw_region_ok(h.data_size, d->monitor_data_offset,
			      d->monitor_data_size, true) ||
	    !nvc_fw_region_ok(h.data_size, d->monitor_code_offset,
			      d->monitor_code_size, true) ||
	    !nvc_fw_region_ok(h.data_size, d->bootloader_offset,
			      d->bootloader_size, false) ||
	    !nvc_fw_region_ok(h.data_size, d->bootloader_param_offset,
			      d->bootloader_param_size, false) ||
	    !nvc_fw_region_ok(h.data_size, d->riscv_elf_offset,
			      d->riscv_elf_size, false) ||
	    !nvc_fw_region_ok(h.data_size, d->swbrom_code_offset,
			      d->swbrom_code_size, false) ||
	    !nvc_fw_region_ok(h.data_size, d->swbrom_data_offset,
			      d->swbrom_data_size, false))
		return -EINVAL;

	bl->data = p + h.data_offset;
	bl->data_size = h.data_size;
	return 0;
}

/**
 * nvc_fnv1a64() - FNV-1a 64-bit hash
 * @hash: running hash (start with %NVC_FNV64_BASIS)
 * @buf: bytes to hash
 * @len: their number
 *
 * Return: the updated hash.
 */
u64 nvc_fnv1a64(u64 hash, const void *buf, size_t len)
{
	const u8 *p = buf;
	size_t i;

	for (i = 0; i < len; i++) {
		hash ^= p[i];
		hash *= NVC_FNV64_PRIME;
	}
	return hash;
}
