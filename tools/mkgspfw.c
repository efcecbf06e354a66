// SPDX-License-Identifier: GPL-2.0
/*
 * mkgspfw - generate synthetic GSP-RM firmware files for nvsim and tests.
 *
 *   mkgspfw --chip tu102|ga102|ad102 --outdir DIR [--image-size BYTES]
 *           [--log-elf container|plain|none] [--fwversion STRING|none]
 *
 * writes DIR/nvidia/<chip>/gsp/gsp-535.113.01.bin (ELF64 with .fwimage,
 * .fwsignature_<family>, .shstrtab, .fwversion and .fwlogging) and
 * bootloader-535.113.01.bin (bin header + RM RISC-V ucode descriptor +
 * payload). Output is a pure function of the arguments. The .fwimage
 * layout is documented in core/gsp/fwimage.h.
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

/* One section for build_elf(). */
struct sec {
	const char *name;
	u32 type;
	u64 addr;
	const u8 *data;
	size_t size;
};

/*
 * An ELF64 relocatable file holding @secs (plus the null section and
 * .shstrtab), each 8-byte aligned after the header. Caller frees.
 */
static u8 *build_elf(const struct sec *secs, int n, size_t *len)
{
	struct nvc_elf64_shdr *sh;
	struct nvc_elf64_ehdr eh;
	size_t off, str_len = 1, str_off, sh_off, total;
	u8 *file;
	int i;

	for (i = 0; i < n; i++)
		str_len += strlen(secs[i].name) + 1;
	str_len += strlen(".shstrtab") + 1;
	off = sizeof(eh);
	for (i = 0; i < n; i++)
		off = ALIGN(off, (size_t)8) + secs[i].size;
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
	eh.shstrndx = n + 1;
	memcpy(file, &eh, sizeof(eh));

	off = sizeof(eh);
	str_len = 1;
	for (i = 0; i < n; i++) {
		off = ALIGN(off, (size_t)8);
		sh[i + 1].name = str_len;
		strcpy((char *)file + str_off + str_len, secs[i].name);
		str_len += strlen(secs[i].name) + 1;
		sh[i + 1].type = secs[i].type;
		sh[i + 1].flags = secs[i].addr ? 2 : 0;	/* SHF_ALLOC */
		sh[i + 1].addr = secs[i].addr;
		sh[i + 1].offset = off;
		sh[i + 1].size = secs[i].size;
		sh[i + 1].addralign = 8;
		if (secs[i].size)
			memcpy(file + off, secs[i].data, secs[i].size);
		off += secs[i].size;
	}
	sh[n + 1].name = str_len;
	strcpy((char *)file + str_off + str_len, ".shstrtab");
	str_len += strlen(".shstrtab") + 1;
	sh[n + 1].type = 3;	/* SHT_STRTAB */
	sh[n + 1].offset = str_off;
	sh[n + 1].size = str_len;
	sh[n + 1].addralign = 1;
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
	s[0] = (struct sec){ ".logging", 1, NVSIM_LOG_VA, log, log_len };
	task = build_elf(s, 1, &task_len);
	free(log);
	if (!task || !container) {
		*len = task_len;
		return task;
	}
	s[0] = (struct sec){ LIBOS_LOG_CONTAINER_SECTION, 1, 0, &one, 1 };
	s[1] = (struct sec){ LIBOS_LOG_SECTION_INIT, 1, 0, task, task_len };
	s[2] = (struct sec){ LIBOS_LOG_SECTION_RM, 1, 0, task, task_len };
	out = build_elf(s, 3, len);
	free(task);
	return out;
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
		    size_t img_size, int log_elf, const char *fwversion)
{
	struct nvc_elf64_shdr sh[6];
	struct nvc_elf64_ehdr eh;
	char strtab[96];
	size_t sig_off, str_off, str_len, sh_off, total, ver_off, ver_len = 0;
	size_t name_img, name_sig, name_str, name_ver, name_log;
	size_t log_off, log_len = 0;
	u8 *file, *img, *log = NULL;
	int ret, nsec = 4;

	memset(strtab, 0, sizeof(strtab));
	name_img = 1;
	strcpy(strtab + name_img, ".fwimage");
	name_sig = name_img + strlen(".fwimage") + 1;
	snprintf(strtab + name_sig, sizeof(strtab) - name_sig,
		 ".fwsignature_%s", family);
	name_str = name_sig + strlen(strtab + name_sig) + 1;
	strcpy(strtab + name_str, ".shstrtab");
	name_ver = name_str + strlen(".shstrtab") + 1;
	strcpy(strtab + name_ver, GSP_VERSION_SECTION_NAME);
	name_log = name_ver + strlen(GSP_VERSION_SECTION_NAME) + 1;
	strcpy(strtab + name_log, GSP_LOGGING_SECTION_NAME);
	str_len = name_log + strlen(GSP_LOGGING_SECTION_NAME) + 1;

	if (fwversion) {
		ver_len = strlen(fwversion) + 1;
		nsec = 5;
	}
	if (log_elf) {
		log = make_log_elf(log_elf == 2, &log_len);
		if (!log)
			return -1;
		nsec = 6;
	}
	sig_off = ALIGN(IMG_OFF + img_size, (size_t)0x100);
	str_off = sig_off + SIG_SIZE;
	ver_off = str_off + str_len;
	log_off = ALIGN(ver_off + ver_len, (size_t)8);
	sh_off = ALIGN(log_off + log_len, (size_t)8);
	total = sh_off + nsec * sizeof(sh[0]);

	file = calloc(1, total);
	img = make_image(chip, img_size);
	if (!file || !img) {
		free(file);
		free(img);
		free(log);
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
	eh.shnum = nsec;
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
	/* .fwversion: the string and its NUL (an empty one if not wanted). */
	sh[4].name = name_ver;
	sh[4].type = 1;
	sh[4].offset = ver_off;
	sh[4].size = ver_len;
	sh[4].addralign = 1;
	sh[5].name = name_log;
	sh[5].type = 1;
	sh[5].offset = log_off;
	sh[5].size = log_len;
	sh[5].addralign = 8;
	if (!fwversion && log_elf) {
		/* Keep section 5 at its index: an unnamed empty section 4. */
		sh[4].name = 0;
	}

	memcpy(file, &eh, sizeof(eh));
	memcpy(file + IMG_OFF, img, img_size);
	fill(file + sig_off, SIG_SIZE, NVC_SIMG_SEED ^ 0x5349474eull);
	memcpy(file + str_off, strtab, str_len);
	if (fwversion)
		memcpy(file + ver_off, fwversion, ver_len);
	if (log)
		memcpy(file + log_off, log, log_len);
	memcpy(file + sh_off, sh, nsec * sizeof(sh[0]));

	ret = write_file(dir, "gsp-" FW_VERSION ".bin", file, total);
	free(file);
	free(img);
	free(log);
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
		"usage: mkgspfw --chip tu102|ga102|ad102 --outdir DIR [--image-size BYTES]\n"
		"               [--log-elf container|plain|none] [--fwversion STRING|none]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *chip = NULL, *outdir = NULL, *family = NULL;
	const char *fwversion = FW_VERSION;
	int log_elf = 2;
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
	if (make_gsp(dir, chip, family, img_size, log_elf, fwversion) ||
	    make_bootloader(dir))
		return 1;
	return 0;
}
