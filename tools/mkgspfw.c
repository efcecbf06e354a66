// SPDX-License-Identifier: GPL-2.0
/*
 * mkgspfw - generate synthetic GSP-RM firmware files for nvsim and tests.
 *
 *   mkgspfw --chip tu102|ga102|ad102 --outdir DIR [--image-size BYTES]
 *
 * writes DIR/nvidia/<chip>/gsp/gsp-535.113.01.bin (ELF64 with .fwimage,
 * .fwsignature_<family> and .shstrtab) and bootloader-535.113.01.bin (bin
 * header + RM RISC-V ucode descriptor + payload). Output is a pure function
 * of the arguments. The .fwimage layout is documented in core/gsp/fwimage.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fwimage.h"

#define FW_VERSION	"535.113.01"
#define SIG_SIZE	256u
#define IMG_OFF		0x1000u
#define BL_HDR_OFF	0x20u
#define BL_DATA_OFF	0x100u
#define BL_DATA_SIZE	0x1000u

static const struct {
	const char *chip;
	const char *family;
} chips[] = {
	{ "tu102", "tu10x" },
	{ "ga102", "ga10x" },
	{ "ad102", "ad10x" },
};

static u64 splitmix64(u64 *state)
{
	u64 z;

	*state += 0x9e3779b97f4a7c15ull;
	z = *state;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static void fill(u8 *p, size_t len, u64 seed)
{
	u64 state = seed, v;
	size_t i;

	for (i = 0; i < len; i += sizeof(v)) {
		v = splitmix64(&state);
		memcpy(p + i, &v, len - i < sizeof(v) ? len - i : sizeof(v));
	}
}

static int mkdirs(const char *path)
{
	char buf[4096];
	size_t i;

	if (strlen(path) >= sizeof(buf))
		return -ENAMETOOLONG;
	strcpy(buf, path);
	for (i = 1; buf[i]; i++) {
		if (buf[i] != '/')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0755) && errno != EEXIST)
			return -errno;
		buf[i] = '/';
	}
	if (mkdir(buf, 0755) && errno != EEXIST)
		return -errno;
	return 0;
}

static int write_file(const char *dir, const char *name, const u8 *p,
		      size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f) {
		perror(path);
		return -1;
	}
	if (fwrite(p, 1, len, f) != len || fclose(f)) {
		perror(path);
		return -1;
	}
	return 0;
}

static u8 *make_image(const char *chip, size_t size)
{
	struct nvc_simg_hdr h;
	u8 *img = calloc(1, size);

	if (!img)
		return NULL;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, NVC_SIMG_MAGIC, sizeof(h.magic));
	h.hdr_size = NVC_SIMG_HDR_SIZE;
	h.hdr_ver = NVC_SIMG_HDR_VER;
	h.image_size = size;
	h.seed = NVC_SIMG_SEED;
	strncpy(h.version, FW_VERSION, sizeof(h.version) - 1);
	strncpy(h.chip, chip, sizeof(h.chip) - 1);
	fill(img + sizeof(h), size - sizeof(h), h.seed);
	h.fnv1a64 = nvc_fnv1a64(NVC_FNV64_BASIS, img + sizeof(h),
				size - sizeof(h));
	memcpy(img, &h, sizeof(h));
	return img;
}

static int make_gsp(const char *dir, const char *chip, const char *family,
		    size_t img_size)
{
	struct nvc_elf64_shdr sh[4];
	struct nvc_elf64_ehdr eh;
	char strtab[64];
	size_t sig_off, str_off, str_len, sh_off, total;
	size_t name_img, name_sig, name_str;
	u8 *file, *img;
	int ret;

	memset(strtab, 0, sizeof(strtab));
	name_img = 1;
	strcpy(strtab + name_img, ".fwimage");
	name_sig = name_img + strlen(".fwimage") + 1;
	snprintf(strtab + name_sig, sizeof(strtab) - name_sig,
		 ".fwsignature_%s", family);
	name_str = name_sig + strlen(strtab + name_sig) + 1;
	strcpy(strtab + name_str, ".shstrtab");
	str_len = name_str + strlen(".shstrtab") + 1;

	sig_off = ALIGN(IMG_OFF + img_size, (size_t)0x100);
	str_off = sig_off + SIG_SIZE;
	sh_off = ALIGN(str_off + str_len, (size_t)8);
	total = sh_off + sizeof(sh);

	file = calloc(1, total);
	img = make_image(chip, img_size);
	if (!file || !img) {
		free(file);
		free(img);
		return -1;
	}

	memset(&eh, 0, sizeof(eh));
	memcpy(eh.ident, NVC_ELF_MAG, 4);
	eh.ident[4] = NVC_ELF_CLASS64;
	eh.ident[5] = NVC_ELF_DATA2LSB;
	eh.ident[6] = NVC_ELF_EV_CURRENT;
	eh.type = 1;		/* ET_REL */
	eh.machine = 243;	/* EM_RISCV */
	eh.version = NVC_ELF_EV_CURRENT;
	eh.shoff = sh_off;
	eh.ehsize = sizeof(eh);
	eh.shentsize = sizeof(sh[0]);
	eh.shnum = 4;
	eh.shstrndx = 3;

	memset(sh, 0, sizeof(sh));
	sh[1].name = name_img;
	sh[1].type = 1;		/* SHT_PROGBITS */
	sh[1].offset = IMG_OFF;
	sh[1].size = img_size;
	sh[1].addralign = 0x1000;
	sh[2].name = name_sig;
	sh[2].type = 1;
	sh[2].offset = sig_off;
	sh[2].size = SIG_SIZE;
	sh[2].addralign = 0x100;
	sh[3].name = name_str;
	sh[3].type = 3;		/* SHT_STRTAB */
	sh[3].offset = str_off;
	sh[3].size = str_len;
	sh[3].addralign = 1;

	memcpy(file, &eh, sizeof(eh));
	memcpy(file + IMG_OFF, img, img_size);
	fill(file + sig_off, SIG_SIZE, NVC_SIMG_SEED ^ 0x5349474eull);
	memcpy(file + str_off, strtab, str_len);
	memcpy(file + sh_off, sh, sizeof(sh));

	ret = write_file(dir, "gsp-" FW_VERSION ".bin", file, total);
	free(file);
	free(img);
	return ret;
}

static int make_bootloader(const char *dir)
{
	struct nvc_fw_riscv_desc d;
	struct nvc_fw_bin_hdr h;
	u8 file[BL_DATA_OFF + BL_DATA_SIZE];

	memset(file, 0, sizeof(file));
	memset(&h, 0, sizeof(h));
	h.bin_magic = NVC_FW_BIN_MAGIC;
	h.bin_ver = 1;
	h.bin_size = sizeof(file);
	h.header_offset = BL_HDR_OFF;
	h.data_offset = BL_DATA_OFF;
	h.data_size = BL_DATA_SIZE;

	memset(&d, 0, sizeof(d));
	d.version = 1;
	d.bootloader_offset = 0;
	d.bootloader_size = 0x800;
	d.riscv_elf_offset = 0;
	d.riscv_elf_size = BL_DATA_SIZE;
	d.app_version = 0x535113;
	d.monitor_code_offset = 0;
	d.monitor_code_size = 0x800;
	d.monitor_data_offset = 0x800;
	d.monitor_data_size = 0x400;
	d.manifest_offset = 0xc00;
	d.manifest_size = 0x400;
	d.monitor_enabled = 1;

	memcpy(file, &h, sizeof(h));
	memcpy(file + BL_HDR_OFF, &d, sizeof(d));
	fill(file + BL_DATA_OFF, BL_DATA_SIZE, NVC_SIMG_SEED ^ 0x424cull);
	return write_file(dir, "bootloader-" FW_VERSION ".bin", file,
			  sizeof(file));
}

static int print_usage(void)
{
	fprintf(stderr,
		"usage: mkgspfw --chip tu102|ga102|ad102 --outdir DIR [--image-size BYTES]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *chip = NULL, *outdir = NULL, *family = NULL;
	size_t img_size = 1u << 20;
	char dir[4096];
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--chip") && i + 1 < argc) {
			chip = argv[++i];
		} else if (!strcmp(argv[i], "--outdir") && i + 1 < argc) {
			outdir = argv[++i];
		} else if (!strcmp(argv[i], "--image-size") && i + 1 < argc) {
			char *end;

			img_size = strtoull(argv[++i], &end, 0);
			if (*end || img_size < NVC_SIMG_HDR_SIZE ||
			    img_size > (1ull << 30))
				return print_usage();
		} else {
			return print_usage();
		}
	}
	if (!chip || !outdir)
		return print_usage();
	for (i = 0; i < (int)ARRAY_SIZE(chips); i++)
		if (!strcmp(chip, chips[i].chip))
			family = chips[i].family;
	if (!family)
		return print_usage();

	snprintf(dir, sizeof(dir), "%s/nvidia/%s/gsp", outdir, chip);
	ret = mkdirs(dir);
	if (ret) {
		fprintf(stderr, "mkgspfw: %s: %s\n", dir, strerror(-ret));
		return 1;
	}
	if (make_gsp(dir, chip, family, img_size) || make_bootloader(dir))
		return 1;
	return 0;
}
