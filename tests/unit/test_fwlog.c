// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the LIBOS log decoder (core/gsp/common/fwlog.c): logging ELFs
 * built here and by tools/mkgspfw (test_fwlog FWDIR_CONTAINER FWDIR_PLAIN),
 * records as the firmware writes them, and every malformed case the
 * decoder must survive.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "fwlog.h"
#include "fwlog_build.h"

static const char *fwdir_container, *fwdir_plain;
static u64 ringbuf[64];
static u32 scratch[64];
static char out[8192];

static struct flr ring(u64 entries, u64 put)
{
	struct flr r = { ringbuf, entries, put };

	memset(ringbuf, 0xee, sizeof(ringbuf));
	return r;
}

static size_t dec(const struct nvc_fwlog_elf *le, const struct flr *r,
		  u64 oldest, struct nvc_fwlog_result *res)
{
	return nvc_fwlog_decode(le, "RM", r->ring, r->entries, r->put, oldest,
				scratch, 64, out, sizeof(out), res);
}

static int basic(void)
{
	struct flb b = { .len = 0 };
	struct nvc_fwlog_result res;
	struct nvc_fwlog_elf le;
	struct flr r = ring(32, 0);
	u64 m0, m1, m2, a[2];
	size_t n, len;
	u8 *elf;

	m0 = flb_site(&b, "src/kernel/gpu/gsp/boot.c", 12, "hello\n", 0);
	m1 = flb_site(&b, "rpc.c", 7, "rpc %u -> %#x", 2);
	m2 = flb_site(&b, "", 0, "chip %s", 1);
	a[0] = flb_str(&b, "ga102");
	elf = flb_elf(&b, 0, 0, &len);
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), 0);

	flr_rec(&r, m0, 1500000000ull, NULL, 0);
	flr_rec(&r, m2, 2000001000ull, a, 1);
	a[0] = 76;
	a[1] = 0x1f;
	flr_rec(&r, m1, 3000000000ull, a, 2);
	n = dec(&le, &r, 0, &res);
	T_EQ(n, strlen(out));
	T_ASSERT(!strcmp(out,
		"RM 1.500000 boot.c(12): hello\n"
		"RM 2.000001 unknown(0): chip ga102\n"
		"RM 3.000000 rpc.c(7): rpc 76 -> 0x1f\n"));
	T_EQ(res.records, 3);
	T_EQ(res.lost, 0);
	T_EQ(res.put, 9);
	T_ASSERT(!res.bad_meta && !res.wrapped && !res.truncated);

	/* Nothing written: nothing decoded. */
	r = ring(32, 0);
	T_EQ(dec(&le, &r, 0, &res), 0);
	T_EQ(out[0], 0);
	free(elf);
	return 0;
}

static int conversions(void)
{
	static const struct {
		const char *fmt;
		u8 argc;
		u64 args[6];
		const char *want;
	} c[] = {
		{ "%d %i %u", 3, { (u64)-5, 7, (u64)-1 }, "-5 7 18446744073709551615" },
		{ "%x %X %o %p", 4, { 0xabc, 0xabc, 8, 0x1000 }, "abc ABC 10 0x1000" },
		{ "[%5d|%-5d|%05d]", 3, { 42, 42, 42 }, "[   42|42   |00042]" },
		{ "[%+d|% d|%.3d|%#x|%#o]", 5, { 3, 3, 3, 255, 8 }, "[+3| 3|003|0xff|010]" },
		{ "%lld %hhu %zu %lu", 4, { (u64)-2, 300, 9, 10 }, "-2 300 9 10" },
		{ "%*d|%-*d|%.*s", 6, { 4, 1, 3, 2, 2 }, "" },
		{ "100%% %c%c", 2, { 'o', 'k' }, "100% ok" },
		{ "%.0d|%#x|%5s|", 3, { 0, 0, 0 }, "" },
		{ "a\tb\x01\n", 0, { 0 }, "a b?" },
		{ "%n", 1, { 0 }, "%?" },
		{ "%f", 1, { 0 }, "%?" },
		{ "%1$d", 1, { 0 }, "%?" },
		{ "x %", 0, { 0 }, "x %?" },
		{ "%d %d", 1, { 1 }, "1 <missing argument>" },
		{ "%99999999999d|", 1, { 1 }, "" },
		{ "%s", 1, { 0xdeadbeef }, "(bad-pointer)" },
	};
	struct flb b = { .len = 0 };
	struct nvc_fwlog_result res;
	struct nvc_fwlog_elf le;
	u64 meta[ARRAY_SIZE(c)], hello;
	unsigned int i;
	size_t len;
	u8 *elf;

	for (i = 0; i < ARRAY_SIZE(c); i++)
		meta[i] = flb_site(&b, "f.c", i, c[i].fmt, c[i].argc);
	hello = flb_str(&b, "hello");
	elf = flb_elf(&b, 0, 0, &len);
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), 0);
	for (i = 0; i < ARRAY_SIZE(c); i++) {
		struct flr r = ring(32, 5);
		u64 args[6];
		char want[200];
		const char *got;

		memcpy(args, c[i].args, sizeof(args));
		if (i == 5)
			args[5] = hello;
		if (i == 7)
			args[2] = hello;
		flr_rec(&r, meta[i], 0, args, c[i].argc);
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 1);
		got = strstr(out, "): ");
		T_ASSERT(got);
		got += 3;
		if (i == 5)
			snprintf(want, sizeof(want), "%*d|%-*d|%.*s", 4, 1, 3, 2, 2, "hello");
		else if (i == 7)
			snprintf(want, sizeof(want), "%.0d|%#x|%5s|", 0, 0, "hello");
		else if (i == 14)
			snprintf(want, sizeof(want), "%64d|", 1);
		else
			snprintf(want, sizeof(want), "%s", c[i].want);
		strcat(want, "\n");
		if (strcmp(got, want)) {
			snprintf(nvt_why, sizeof(nvt_why), "case %u: got '%.200s' want '%.200s'",
				 i, got, want);
			return 1;
		}
	}
	free(elf);
	return 0;
}

/* Long output is cut at NVC_FWLOG_MSG_MAX; a line never splits. */
static int limits(void)
{
	struct flb b = { .len = 0 };
	struct nvc_fwlog_result res;
	struct nvc_fwlog_elf le;
	char big[1000];
	u64 m, m2, s;
	size_t len, n;
	u8 *elf;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	s = flb_str(&b, big);
	m = flb_site(&b, "f.c", 1, "%s%s", 2);
	m2 = flb_site(&b, "f.c", 2, "short", 0);
	elf = flb_elf(&b, 0, 0, &len);
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), 0);
	{
		struct flr r = ring(32, 0);
		u64 a[2] = { s, s };

		flr_rec(&r, m, 0, a, 2);
		flr_rec(&r, m2, 0, NULL, 0);
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 2);
		T_ASSERT(strchr(out, '\n') - out < NVC_FWLOG_MSG_MAX + 40);
		T_ASSERT(strstr(out, "): short\n"));
		/* A buffer with room for one line only. */
		n = nvc_fwlog_decode(&le, "RM", r.ring, r.entries, r.put, 0,
				     scratch, 64, out, 300, &res);
		T_EQ(res.records, 1);
		T_ASSERT(res.truncated);
		T_EQ(n, strlen(out));
		T_EQ(out[n - 1], '\n');
		/* Scratch for one record: the newest is kept. */
		nvc_fwlog_decode(&le, "RM", r.ring, r.entries, r.put, 0,
				 scratch, 1, out, sizeof(out), &res);
		T_EQ(res.records, 1);
		T_ASSERT(res.truncated);
		T_ASSERT(strstr(out, "): short\n"));
		T_EQ(res.lost, 4);
	}
	free(elf);
	return 0;
}

static int wrap_and_bounds(void)
{
	struct flb b = { .len = 0 };
	struct nvc_fwlog_result res;
	struct nvc_fwlog_elf le;
	u64 m, a[3] = { 1, 2, 3 };
	unsigned int k;
	size_t len;
	u8 *elf;

	m = flb_site(&b, "w.c", 1, "%u %u %u", 3);
	elf = flb_elf(&b, 0, 0, &len);
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), 0);
	{
		/* 10 records of 5 words in a 12-word ring: 2 whole survive. */
		struct flr r = ring(12, 0);

		for (k = 0; k < 10; k++) {
			a[0] = k;
			flr_rec(&r, m, k, a, 3);
		}
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 2);
		T_ASSERT(res.wrapped);
		T_EQ(res.lost, 2);
		T_ASSERT(strstr(out, "): 8 2 3\n") && strstr(out, "): 9 2 3\n"));
		/* The caller saw put move on by 4 while copying. */
		dec(&le, &r, r.put - 12 + 4, &res);
		T_EQ(res.records, 1);
		T_ASSERT(res.wrapped);
		/* An oldest bound above put decodes nothing. */
		dec(&le, &r, r.put + 100, &res);
		T_EQ(res.records, 0);
	}
	{
		/* A put pointer near 2^64 is just a position. */
		struct flr r = ring(12, ~0ull - 7);

		flr_rec(&r, m, 5, a, 3);
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 1);
	}
	{
		/* Bad metadata stops the walk; newer records survive. */
		struct flr r = ring(40, 0);

		flr_rec(&r, m, 1, a, 3);
		flr_rec(&r, 0x1234, 2, a, 0);
		flr_rec(&r, m, 3, a, 3);
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 1);
		T_ASSERT(res.bad_meta);
		T_EQ(res.lost, 7);
	}
	{
		/* A record that claims to reach before the ring's start. */
		struct flr r = ring(40, 0);

		flr_rec(&r, m, 1, a, 1);
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 0);
		T_ASSERT(res.wrapped);
	}
	{
		/* Metadata straddling the end of the section. */
		struct flr r = ring(40, 0);

		flr_rec(&r, FLB_VA + b.len - 8, 1, NULL, 0);
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 0);
		T_ASSERT(res.bad_meta);
	}
	T_EQ(nvc_fwlog_decode(&le, "RM", ringbuf, 0, 5, 0, scratch, 64, out,
			      sizeof(out), &res), 0);
	free(elf);
	return 0;
}

static int bad_metadata(void)
{
	struct flb b = { .len = 0 };
	struct nvc_fwlog_result res;
	struct nvc_fwlog_elf le;
	struct libosLogMetadata m;
	struct libosLogMetadata_extended mx;
	u64 many, nofmt, ext, unterminated;
	u64 args[25] = { 0 };
	size_t len;
	u8 *elf;

	many = flb_site(&b, "m.c", 1, "many", LIBOS_LOG_MAX_ARGS + 1);
	nofmt = flb_site(&b, "m.c", 2, "x", 0);
	/* Point the format somewhere unmapped. */
	memcpy(&m, b.sec + (nofmt - FLB_VA), sizeof(m));
	m.format = 0x42;
	memcpy(b.sec + (nofmt - FLB_VA), &m, sizeof(m));
	memset(&mx, 0, sizeof(mx));
	mx.versionExtended = LIBOS_LOG_METADATA_EXTENDED;
	mx.elfSectionName = flb_str(&b, ".fwlogging_rm");
	mx.meta.filename = flb_str(&b, "ext.c");
	mx.meta.format = flb_str(&b, "extended %u");
	mx.meta.lineNumber = 9;
	mx.meta.argumentCount = 1;
	ext = flb_add(&b, &mx, sizeof(mx));
	/* A string that runs to the end of the section with no NUL. */
	b.len = (b.len + 7) & ~(size_t)7;
	unterminated = FLB_VA + b.len;
	memset(b.sec + b.len, 'A', 16);
	b.len += 16;
	elf = flb_elf(&b, 0, 0, &len);
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), 0);
	{
		struct flr r = ring(60, 0);

		flr_rec(&r, many, 1, args, LIBOS_LOG_MAX_ARGS + 1);
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 0);
		T_ASSERT(res.bad_meta);
	}
	{
		struct flr r = ring(60, 0);

		args[0] = 77;
		flr_rec(&r, nofmt, 1, NULL, 0);
		flr_rec(&r, ext, 2, args, 1);
		dec(&le, &r, 0, &res);
		T_EQ(res.records, 2);
		T_ASSERT(strstr(out, "m.c(2): (bad format pointer)\n"));
		T_ASSERT(strstr(out, "ext.c(9): extended 77\n"));
	}
	{
		struct flb b2 = { .len = 0 };
		struct flr r = ring(60, 0);
		struct nvc_fwlog_elf le2;
		size_t len2;
		u8 *elf2;
		u64 ms;

		ms = flb_site(&b2, "s.c", 1, "%s", 1);
		b2.len = (b2.len + 7) & ~(size_t)7;
		memset(b2.sec + b2.len, 'B', 8);
		args[0] = FLB_VA + b2.len;
		b2.len += 8;
		elf2 = flb_elf(&b2, 0, 0, &len2);
		T_EQ(nvc_fwlog_elf_init(&le2, elf2, len2), 0);
		flr_rec(&r, ms, 1, args, 1);
		dec(&le2, &r, 0, &res);
		T_ASSERT(strstr(out, "s.c(1): (bad-pointer)\n"));
		free(elf2);
	}
	(void)unterminated;
	free(elf);
	return 0;
}

static int elf_checks(void)
{
	struct flb b = { .len = 0 };
	struct nvc_fwlog_result res;
	struct nvc_fwlog_elf le;
	struct nvc_elf64_ehdr *eh;
	struct nvc_elf64_phdr *ph;
	struct nvc_elf64_shdr *sh;
	u64 m;
	size_t len;
	u8 *elf;

	m = flb_site(&b, "p.c", 3, "seg %u", 1);
	/* Mapped through a PT_LOAD segment only. */
	elf = flb_elf(&b, 1, FLB_VA, &len);
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), 0);
	T_EQ(le.nr, 1);
	{
		struct flr r = ring(16, 0);
		u64 a = 5;

		flr_rec(&r, m, 1, &a, 1);
		dec(&le, &r, 0, &res);
		T_ASSERT(strstr(out, "p.c(3): seg 5\n"));
	}
	eh = (void *)elf;
	ph = (void *)(elf + eh->phoff);
	sh = (void *)(elf + eh->shoff);
	ph->filesz = len;			/* past the end */
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), -EINVAL);
	ph->filesz = b.len;
	ph->memsz = b.len - 1;			/* filesz > memsz */
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), -EINVAL);
	ph->memsz = ~0ull;
	ph->vaddr = ~0ull - 3;			/* wraps */
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), -EINVAL);
	ph->vaddr = FLB_VA;
	eh->phentsize = 55;
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), -EINVAL);
	eh->phentsize = sizeof(*ph);
	eh->phnum = NVC_FWLOG_MAX_PHDRS + 1;
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), -EINVAL);
	eh->phnum = 1;
	eh->phoff = len;
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), -EINVAL);
	eh->phoff = sizeof(*eh);
	sh[1].addr = ~0ull - 3;			/* section wraps */
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), -EINVAL);
	T_EQ(nvc_fwlog_elf_init(&le, elf, 10), -ENOEXEC);
	elf[0] = 0;
	T_EQ(nvc_fwlog_elf_init(&le, elf, len), -ENOEXEC);
	free(elf);
	return 0;
}

/* mkgspfw's images: decode a record of catalogue site 1 both ways. */
static int mkgspfw_images(void)
{
	const char *dirs[2] = { fwdir_container, fwdir_plain };
	const char *tasks[2] = { LIBOS_LOG_SECTION_INIT, LIBOS_LOG_SECTION_RM };
	unsigned int d, t;

	for (d = 0; d < 2; d++) {
		char path[4096];
		struct nvc_fwlog_result res;
		struct nvc_fwlog_elf le;
		struct flr r;
		char ver[64];
		size_t n;
		u8 *file;
		FILE *f;
		u64 a = 0x99;

		snprintf(path, sizeof(path), "%s/nvidia/ga102/gsp/gsp-535.113.01.bin",
			 dirs[d]);
		f = fopen(path, "rb");
		T_ASSERT(f);
		file = malloc(4 << 20);
		T_ASSERT(file);
		n = fread(file, 1, 4 << 20, f);
		fclose(f);
		T_EQ(nvc_fw_version(file, n, ver, sizeof(ver)), 0);
		T_ASSERT(!strcmp(ver, "535.113.01"));
		T_EQ(nvc_fw_version(file, n, ver, 5), -ENOSPC);
		for (t = 0; t < 2; t++) {
			T_EQ(nvc_fwlog_elf_from_image(&le, file, n, tasks[t]), 0);
			r = ring(16, 0);
			/* Site 1: "GSP halted (code %#x): HALT interrupt". */
			flr_rec(&r, 0x7e000000ull + 0x18, 1, &a, 1);
			dec(&le, &r, 0, &res);
			T_EQ(res.records, 1);
			T_ASSERT(strstr(out, "gsp.c(1): GSP halted (code 0x99): HALT interrupt\n"));
		}
		T_EQ(nvc_fwlog_elf_from_image(&le, file, n, ".fwlogging_nope"),
		     d == 0 ? -ENOENT : 0);
		free(file);
	}
	return 0;
}

/* Row 9: the version comes from the image and is cross-checked. */
static int image_version(void)
{
	char path[4096], ver[16];
	const char *src = NULL;
	const u8 *sec, *img;
	size_t n, len, img_len;
	u8 *file;
	FILE *f;

	snprintf(path, sizeof(path), "%s/nvidia/ga102/gsp/gsp-535.113.01.bin",
		 fwdir_container);
	f = fopen(path, "rb");
	T_ASSERT(f);
	file = malloc(4 << 20);
	T_ASSERT(file);
	n = fread(file, 1, 4 << 20, f);
	fclose(f);
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, sizeof(ver), &src), 0);
	T_ASSERT(!strcmp(ver, "535.113.01") && !strcmp(src, ".fwversion"));
	T_EQ(nvc_fw_image_version(file, n, "570.144", ver, sizeof(ver), &src), -EPROTO);
	T_EQ(nvc_fw_elf_section(file, n, ".fwversion", &sec, &len), 0);
	T_EQ(nvc_fw_elf_section(file, n, ".fwimage", &img, &img_len), 0);
	((u8 *)sec)[9] = '2';		/* .fwversion 535.113.02 */
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, sizeof(ver), &src), -EPROTO);
	((u8 *)sec)[9] = '1';
	((u8 *)img)[0x28 + 9] = '2';	/* image header 535.113.02 */
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, sizeof(ver), &src), -EPROTO);
	((u8 *)img)[0x28 + 9] = '1';
	((u8 *)sec)[len - 1] = 'x';	/* no NUL */
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, sizeof(ver), &src), -EINVAL);
	((u8 *)sec)[len - 1] = 0;
	((u8 *)sec)[3] = '\n';		/* not a version character */
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, sizeof(ver), &src), -EINVAL);
	((u8 *)sec)[3] = '.';
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, 4, &src), -EINVAL);
	memset((u8 *)img + 0x28, 'a', 16);	/* header version unterminated */
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, sizeof(ver), &src), -EINVAL);
	free(file);

	/* No .fwversion: the image header, then the file name. */
	snprintf(path, sizeof(path), "%s/nvidia/ga102/gsp/gsp-535.113.01.bin",
		 fwdir_plain);
	f = fopen(path, "rb");
	T_ASSERT(f);
	file = malloc(4 << 20);
	T_ASSERT(file);
	n = fread(file, 1, 4 << 20, f);
	fclose(f);
	T_EQ(nvc_fw_elf_section(file, n, ".fwversion", &sec, &len), 0);
	T_EQ(nvc_fw_elf_section(file, n, ".fwimage", &img, &img_len), 0);
	{
		/* Rename the section: ".fwversion" -> ".fwversioX". */
		u8 *name = memmem(file, n, ".fwversion", 11);

		T_ASSERT(name);
		name[9] = 'X';
	}
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, sizeof(ver), &src), 0);
	T_ASSERT(!strcmp(src, "image header"));
	((u8 *)img)[0] = 'X';		/* not mkgspfw's header */
	T_EQ(nvc_fw_image_version(file, n, "535.113.01", ver, sizeof(ver), &src), 0);
	T_ASSERT(!strcmp(src, "file name") && !strcmp(ver, "535.113.01"));
	free(file);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: test_fwlog FWDIR_CONTAINER FWDIR_PLAIN\n");
		return 2;
	}
	fwdir_container = argv[1];
	fwdir_plain = argv[2];
	RUN(basic);
	RUN(conversions);
	RUN(limits);
	RUN(wrap_and_bounds);
	RUN(bad_metadata);
	RUN(elf_checks);
	RUN(mkgspfw_images);
	RUN(image_version);
	return nvt_failed ? 1 : 0;
}
