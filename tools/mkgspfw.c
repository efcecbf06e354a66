// SPDX-License-Identifier: GPL-2.0
/*
 * mkgspfw - generate synthetic GSP-RM firmware files for nvsim and tests.
 *
 *   mkgspfw --chip tu102|ga102|ad102 --outdir DIR [--image-size BYTES]
 *           [--log-elf container|plain|none] [--fwversion STRING|none]
 *           [--version 535.113.01|570.144|all]
 *
 * writes, for each firmware version (default: all), DIR/nvidia/<chip>/gsp/
 * gsp-<version>.bin (ELF64 with .fwimage, .fwsignature_<family>,
 * .fwversion, .fwlogging and .shstrtab) and bootloader-<version>.bin (bin
 * header + RM RISC-V ucode descriptor + payload). The image header names
 * the version (nvsim runs that version's GSP-RM, sim/abi.h); --fwversion
 * overrides only the .fwversion section. Output is a pure function of the
 * arguments. The .fwimage layout is documented in core/gsp/fwimage.h.
 * The two versions' files differ in the version strings, the bootloader's
 * appVersion and the image bytes (seeded by the version); the logging ELF
 * is the same (nvsim's log call sites do not depend on the version).
 *
 * .fwversion holds the version string and its NUL, as OGKM expects
 * (kernel_gsp.c, _kgspFwContainerVerifyVersion). .fwlogging holds the
 * logging ELF: NVIDIA ships it in gsp_log_<family>.bin with its own
 * .fwversion (nv-firmware.h, kernel_gsp.c _kgspInitLibosLogDecoder); here it
 * travels in the one firmware file nvcore loads. By default it is a
 * container (a .fwIsContainerElf section, then one logging ELF per task in
 * .fwlogging_init and .fwlogging_rm, OGKM liblogdecode.c); "plain" makes
 * it one logging ELF shared by every task. Each logging ELF has one
 * section, .logging, at NVSIM_LOG_VA with the metadata and strings of
 * sim/logcat.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fwimage.h"
#include "nvrm/535.113.01/libos_log.h"
#include "../sim/logcat.h"

#define SIG_SIZE	256u
#define IMG_OFF		0x1000u
#define BL_HDR_OFF	0x20u
#define BL_DATA_OFF	0x100u
#define BL_DATA_SIZE	0x1000u

/* Firmware versions, with the bootloader appVersion of each. */
static const struct {
	const char *version;
	u32 app_version;
} versions[] = {
	{ "535.113.01", 0x535113 },
	{ "570.144", 0x570144 },
};

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

/*
 * One section for build_elf(): a NULL @name makes it unnamed; @data NULL
 * with a @size leaves it zero; @align 0 means 8.
 */
struct sec {
	const char *name;
	u32 type;
	u64 addr;
	const u8 *data;
	size_t size;
	size_t align;
};

static size_t sec_align(const struct sec *s)
{
	return s->align ? s->align : 8;
}

/*
 * An ELF64 relocatable file holding @secs (plus the null section and
 * .shstrtab at section index @str_idx, 1..n + 1), each aligned as asked
 * after the header. Caller frees.
 */
static u8 *build_elf(const struct sec *secs, int n, int str_idx, size_t *len)
{
	struct nvc_elf64_shdr *sh;
	struct nvc_elf64_ehdr eh;
	size_t off, str_len = 1, str_off, sh_off, total;
	u8 *file;
	int i;

	for (i = 0; i < n; i++)
		if (secs[i].name)
			str_len += strlen(secs[i].name) + 1;
	str_len += strlen(".shstrtab") + 1;
	off = sizeof(eh);
	for (i = 0; i < n; i++)
		off = ALIGN(off, sec_align(&secs[i])) + secs[i].size;
	str_off = off;
	sh_off = ALIGN(str_off + str_len, (size_t)8);
	total = sh_off + (size_t)(n + 2) * sizeof(*sh);
	file = calloc(1, total);
	sh = calloc(n + 2, sizeof(*sh));
	if (!file || !sh) {
		free(file);
		free(sh);
		return NULL;
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
	eh.shentsize = sizeof(*sh);
	eh.shnum = n + 2;
	eh.shstrndx = str_idx;
	memcpy(file, &eh, sizeof(eh));

	off = sizeof(eh);
	str_len = 1;
	for (i = 0; i < n; i++) {
		int k = i + 1 < str_idx ? i + 1 : i + 2;

		off = ALIGN(off, sec_align(&secs[i]));
		if (secs[i].name) {
			sh[k].name = str_len;
			strcpy((char *)file + str_off + str_len, secs[i].name);
			str_len += strlen(secs[i].name) + 1;
		}
		sh[k].type = secs[i].type;
		sh[k].flags = secs[i].addr ? 2 : 0;	/* SHF_ALLOC */
		sh[k].addr = secs[i].addr;
		sh[k].offset = off;
		sh[k].size = secs[i].size;
		sh[k].addralign = sec_align(&secs[i]);
		if (secs[i].size && secs[i].data)
			memcpy(file + off, secs[i].data, secs[i].size);
		off += secs[i].size;
	}
	sh[str_idx].name = str_len;
	strcpy((char *)file + str_off + str_len, ".shstrtab");
	str_len += strlen(".shstrtab") + 1;
	sh[str_idx].type = 3;	/* SHT_STRTAB */
	sh[str_idx].offset = str_off;
	sh[str_idx].size = str_len;
	sh[str_idx].addralign = 1;
	memcpy(file + sh_off, sh, (size_t)(n + 2) * sizeof(*sh));
	free(sh);
	*len = total;
	return file;
}

/*
 * The .logging section of one logging ELF (layout in sim/logcat.h): the
 * metadata array, the %s string slots, then the formats and file names.
 */
static u8 *make_logging(size_t *len)
{
	size_t n = NVSIM_LOG_NR_SITES, strs = NVSIM_LOG_NR_STRINGS;
	size_t off, size = n * NVSIM_LOG_META_SIZE + strs * NVSIM_LOG_STR_SLOT;
	u8 *sec;
	size_t i;

	for (i = 0; i < n; i++)
		size += strlen(nvsim_log_sites[i].fmt) + 1 +
			strlen(nvsim_log_sites[i].file) + 1;
	sec = calloc(1, size);
	if (!sec)
		return NULL;
	for (i = 0; i < strs; i++) {
		if (strlen(nvsim_log_strings[i]) >= NVSIM_LOG_STR_SLOT) {
			free(sec);
			return NULL;
		}
		strcpy((char *)sec + n * NVSIM_LOG_META_SIZE +
		       i * NVSIM_LOG_STR_SLOT, nvsim_log_strings[i]);
	}
	off = n * NVSIM_LOG_META_SIZE + strs * NVSIM_LOG_STR_SLOT;
	for (i = 0; i < n; i++) {
		struct libosLogMetadata m;
		unsigned long long smask;

		memset(&m, 0, sizeof(m));
		m.format = NVSIM_LOG_VA + off;
		strcpy((char *)sec + off, nvsim_log_sites[i].fmt);
		off += strlen(nvsim_log_sites[i].fmt) + 1;
		m.filename = NVSIM_LOG_VA + off;
		strcpy((char *)sec + off, nvsim_log_sites[i].file);
		off += strlen(nvsim_log_sites[i].file) + 1;
		m.lineNumber = i;	/* the site number: see sim/logcat.h */
		m.argumentCount = nvsim_log_fmt_args(nvsim_log_sites[i].fmt, &smask);
		m.printLevel = nvsim_log_sites[i].level;
		if (m.argumentCount > LIBOS_LOG_MAX_ARGS) {
			free(sec);
			return NULL;
		}
		memcpy(sec + i * NVSIM_LOG_META_SIZE, &m, sizeof(m));
	}
	*len = size;
	return sec;
}

/* The logging ELF: container (per-task ELFs) or plain. Caller frees. */
static u8 *make_log_elf(int container, size_t *len)
{
	size_t log_len, task_len;
	u8 *log, *task, *out;
	struct sec s[3];
	static const u8 one = 1;

	log = make_logging(&log_len);
	if (!log)
		return NULL;
	s[0] = (struct sec){ ".logging", 1, NVSIM_LOG_VA, log, log_len, 0 };
	task = build_elf(s, 1, 2, &task_len);
	free(log);
	if (!task || !container) {
		*len = task_len;
		return task;
	}
	s[0] = (struct sec){ LIBOS_LOG_CONTAINER_SECTION, 1, 0, &one, 1, 0 };
	s[1] = (struct sec){ LIBOS_LOG_SECTION_INIT, 1, 0, task, task_len, 0 };
	s[2] = (struct sec){ LIBOS_LOG_SECTION_RM, 1, 0, task, task_len, 0 };
	out = build_elf(s, 3, 4, len);
	free(task);
	return out;
}

static u8 *make_image(const char *chip, const char *version, size_t size)
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
	h.seed = NVC_SIMG_SEED ^ nvc_fnv1a64(NVC_FNV64_BASIS,
					     (const u8 *)version,
					     strlen(version));
	if (!strcmp(version, versions[0].version))
		h.seed = NVC_SIMG_SEED;	/* 535's images as they always were */
	strncpy(h.version, version, sizeof(h.version) - 1);
	strncpy(h.chip, chip, sizeof(h.chip) - 1);
	fill(img + sizeof(h), size - sizeof(h), h.seed);
	h.fnv1a64 = nvc_fnv1a64(NVC_FNV64_BASIS, img + sizeof(h),
				size - sizeof(h));
	memcpy(img, &h, sizeof(h));
	return img;
}

/*
 * gsp-<version>.bin: .fwimage (at 0x1000, page aligned), the signature,
 * .shstrtab (section 3), .fwversion (the string and its NUL; empty and
 * unnamed with --fwversion none, kept so that .fwlogging keeps its index)
 * and .fwlogging (unless --log-elf none).
 */
static int make_gsp(const char *dir, const char *chip, const char *family,
		    const char *version, size_t img_size, int log_elf,
		    const char *fwversion)
{
	char sig_name[32], file_name[64];
	struct sec s[4];
	size_t log_len = 0, len;
	u8 *img, *log = NULL, *file, sig[SIG_SIZE];
	int ret, n = 0;

	img = make_image(chip, version, img_size);
	if (log_elf)
		log = make_log_elf(log_elf == 2, &log_len);
	if (!img || (log_elf && !log)) {
		free(img);
		free(log);
		return -1;
	}
	snprintf(sig_name, sizeof(sig_name), ".fwsignature_%s", family);
	fill(sig, SIG_SIZE, NVC_SIMG_SEED ^ 0x5349474eull);
	s[n++] = (struct sec){ ".fwimage", 1, 0, img, img_size, IMG_OFF };
	s[n++] = (struct sec){ sig_name, 1, 0, sig, SIG_SIZE, 0x100 };
	if (fwversion || log_elf)
		s[n++] = (struct sec){ fwversion ? GSP_VERSION_SECTION_NAME : NULL,
				       1, 0, (const u8 *)fwversion,
				       fwversion ? strlen(fwversion) + 1 : 0, 1 };
	if (log_elf)
		s[n++] = (struct sec){ GSP_LOGGING_SECTION_NAME, 1, 0, log,
				       log_len, 8 };
	file = build_elf(s, n, 3, &len);
	free(img);
	free(log);
	if (!file)
		return -1;
	snprintf(file_name, sizeof(file_name), "gsp-%s.bin", version);
	ret = write_file(dir, file_name, file, len);
	free(file);
	return ret;
}

static int make_bootloader(const char *dir, const char *version,
			   u32 app_version)
{
	char file_name[64];
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
	d.app_version = app_version;
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
	snprintf(file_name, sizeof(file_name), "bootloader-%s.bin", version);
	return write_file(dir, file_name, file, sizeof(file));
}

static int print_usage(void)
{
	fprintf(stderr,
		"usage: mkgspfw --chip tu102|ga102|ad102 --outdir DIR [--image-size BYTES]\n"
		"               [--log-elf container|plain|none] [--fwversion STRING|none]\n"
		"               [--version 535.113.01|570.144|all]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *chip = NULL, *outdir = NULL, *family = NULL;
	const char *fwversion = "", *only = NULL;
	int log_elf = 2, made = 0;
	size_t img_size = 1u << 20;
	char dir[4096];
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--chip") && i + 1 < argc) {
			chip = argv[++i];
		} else if (!strcmp(argv[i], "--outdir") && i + 1 < argc) {
			outdir = argv[++i];
		} else if (!strcmp(argv[i], "--log-elf") && i + 1 < argc) {
			i++;
			if (!strcmp(argv[i], "container"))
				log_elf = 2;
			else if (!strcmp(argv[i], "plain"))
				log_elf = 1;
			else if (!strcmp(argv[i], "none"))
				log_elf = 0;
			else
				return print_usage();
		} else if (!strcmp(argv[i], "--fwversion") && i + 1 < argc) {
			fwversion = argv[++i];
			if (!strcmp(fwversion, "none"))
				fwversion = NULL;
		} else if (!strcmp(argv[i], "--version") && i + 1 < argc) {
			only = argv[++i];
			if (!strcmp(only, "all"))
				only = NULL;
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
	for (i = 0; i < (int)ARRAY_SIZE(versions); i++) {
		const char *v = versions[i].version;

		if (only && strcmp(only, v))
			continue;
		/* --fwversion "" (not given): the version's own string. */
		if (make_gsp(dir, chip, family, v, img_size, log_elf,
			     fwversion && !*fwversion ? v : fwversion) ||
		    make_bootloader(dir, v, versions[i].app_version))
			return 1;
		made++;
	}
	return made ? 0 : print_usage();
}
