/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test helper: build small logging ELFs and LIBOS log rings for the
 * fwlog decoder's unit tests and fuzz target.
 */
#ifndef NVC_TESTS_FWLOG_BUILD_H
#define NVC_TESTS_FWLOG_BUILD_H

#include <stdlib.h>
#include <string.h>

#include "kcompat.h"
#include "fwimage.h"
#include "nvrm/535.113.01/libos_log.h"

#define FLB_VA		0x10000000ull
#define FLB_SEC_MAX	4096

/* The contents of one .logging section being built at FLB_VA. */
struct flb {
	u8 sec[FLB_SEC_MAX];
	size_t len;
};

/* Append bytes; returns their VA. */
static inline u64 flb_add(struct flb *b, const void *p, size_t n)
{
	u64 va;

	b->len = (b->len + 7) & ~(size_t)7;
	if (b->len + n > sizeof(b->sec))
		abort();
	va = FLB_VA + b->len;
	memcpy(b->sec + b->len, p, n);
	b->len += n;
	return va;
}

static inline u64 flb_str(struct flb *b, const char *s)
{
	return flb_add(b, s, strlen(s) + 1);
}

/* A call site: returns the VA of its metadata. */
static inline u64 flb_site(struct flb *b, const char *file, u32 line,
			   const char *fmt, u8 argc)
{
	struct libosLogMetadata m;

	memset(&m, 0, sizeof(m));
	m.filename = flb_str(b, file);
	m.format = flb_str(b, fmt);
	m.lineNumber = line;
	m.argumentCount = argc;
	return flb_add(b, &m, sizeof(m));
}

/*
 * An ELF with the section at FLB_VA as ".logging" (and, with @phdr, a
 * PT_LOAD segment mapping it at @phdr_va instead). Caller frees.
 */
static inline u8 *flb_elf(const struct flb *b, int phdr, u64 phdr_va,
			  size_t *len)
{
	static const char names[] = "\0.logging\0.shstrtab";
	struct nvc_elf64_shdr sh[3];
	struct nvc_elf64_phdr ph;
	struct nvc_elf64_ehdr eh;
	size_t off_ph = sizeof(eh), off_sec, off_str, off_sh, total;
	u8 *f;

	off_sec = off_ph + (phdr ? sizeof(ph) : 0);
	off_str = off_sec + b->len;
	off_sh = (off_str + sizeof(names) + 7) & ~(size_t)7;
	total = off_sh + sizeof(sh);
	f = calloc(1, total);
	if (!f)
		abort();
	memset(&eh, 0, sizeof(eh));
	memcpy(eh.ident, NVC_ELF_MAG, 4);
	eh.ident[4] = NVC_ELF_CLASS64;
	eh.ident[5] = NVC_ELF_DATA2LSB;
	eh.ident[6] = NVC_ELF_EV_CURRENT;
	eh.shoff = off_sh;
	eh.ehsize = sizeof(eh);
	eh.shentsize = sizeof(sh[0]);
	eh.shnum = 3;
	eh.shstrndx = 2;
	if (phdr) {
		eh.phoff = off_ph;
		eh.phentsize = sizeof(ph);
		eh.phnum = 1;
		memset(&ph, 0, sizeof(ph));
		ph.type = NVC_ELF_PT_LOAD;
		ph.offset = off_sec;
		ph.vaddr = phdr_va;
		ph.filesz = b->len;
		ph.memsz = b->len;
		memcpy(f + off_ph, &ph, sizeof(ph));
	}
	memset(sh, 0, sizeof(sh));
	sh[1].name = 1;
	sh[1].type = 1;
	sh[1].addr = phdr ? 0 : FLB_VA;
	sh[1].offset = off_sec;
	sh[1].size = b->len;
	sh[2].name = 10;
	sh[2].type = 3;
	sh[2].offset = off_str;
	sh[2].size = sizeof(names);
	memcpy(f, &eh, sizeof(eh));
	memcpy(f + off_sec, b->sec, b->len);
	memcpy(f + off_str, names, sizeof(names));
	memcpy(f + off_sh, sh, sizeof(sh));
	*len = total;
	return f;
}

/* A ring being written as the firmware does. */
struct flr {
	u64 *ring;
	u64 entries;
	u64 put;
};

static inline void flr_word(struct flr *r, u64 w)
{
	r->ring[r->put % r->entries] = w;
	r->put++;
}

/* One record: arguments, metadata VA, timestamp. */
static inline void flr_rec(struct flr *r, u64 meta, u64 ts, const u64 *args,
			   unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		flr_word(r, args[i]);
	flr_word(r, meta);
	flr_word(r, ts);
}

/*
 * The fuzz target's fallback logging ELF (and its seed generator's): three
 * call sites; @va returns their metadata VAs.
 */
#define FLB_FIXED_SITES	3

static inline u8 *flb_fixed(size_t *len, u64 va[FLB_FIXED_SITES])
{
	static struct flb b;

	b.len = 0;
	flb_str(&b, "str");
	va[0] = flb_site(&b, "a.c", 1, "plain", 0);
	va[1] = flb_site(&b, "b.c", 2, "%d %u %x %s %c %p %5.3d %-*s %%", 9);
	va[2] = flb_site(&b, "c.c", 3, "%s%s%s", 3);
	return flb_elf(&b, 0, 0, len);
}

#endif /* NVC_TESTS_FWLOG_BUILD_H */
