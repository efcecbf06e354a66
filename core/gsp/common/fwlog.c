// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: OS-independent decoder of GSP-RM's binary LIBOS logs.
 *
 * DOC: LIBOS log decoding
 *
 * GSP-RM does not write text. Each of its log buffers (LOGINIT, LOGINTR,
 * LOGRM) holds a put pointer and a ring of u64 words; a record is its
 * arguments, the firmware VA of a libosLogMetadata, then a timestamp
 * (include/nvrm/common/libos_log.h; OGKM liblogdecode.c). The
 * metadata, the format strings and the strings %s arguments point to are
 * in the logging ELF that comes with the firmware (the .fwlogging section;
 * for a container ELF, its per-task .fwlogging_init / .fwlogging_rm
 * sections), never in the running image.
 *
 * Both the buffer (written by the GSP) and the logging ELF (read from
 * disk) are untrusted. The ELF is validated once; every VA is looked up in
 * a bounded table of ranges with overflow-safe checks; strings must end
 * inside the range they start in. The walk goes backwards from put as
 * OGKM's does and stops at the first word that is overwritten or not yet
 * covered ("wrapped"), at metadata that does not map or claims more than
 * LIBOS_LOG_MAX_ARGS arguments ("bad metadata"), or when scratch space
 * runs out. Records are then printed oldest first, one line each, with
 * our own printf subset: flags "-+ #0", width and precision (digits or
 * '*', clamped), length modifiers accepted and ignored (arguments are
 * 64-bit, as in OGKM), conversions d i u x X o p c s and %%; anything else
 * ends the record with "%?". %s prints a string of the logging ELF or
 * "(bad-pointer)". Control characters become '?' so a record is one line.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#else
#include "kcompat.h"
#endif

#include "nvrm/common/libos_log.h"
#include "../fwimage.h"
#include "fwlog.h"

#define NVC_FWLOG_WIDTH_MAX	64
#define NVC_FWLOG_PREC_MAX	NVC_FWLOG_MSG_MAX
#define NVC_FWLOG_LINE_MAX	(NVC_FWLOG_MSG_MAX + 96)

static int nvc_fwlog_add_map(struct nvc_fwlog_elf *le, u64 va, u64 off,
			     u64 len)
{
	if (!len)
		return 0;
	if (le->nr >= NVC_FWLOG_MAX_MAPS)
		return -E2BIG;
	le->map[le->nr].va = va;
	le->map[le->nr].off = off;
	le->map[le->nr].len = len;
	le->nr++;
	return 0;
}

static int nvc_fwlog_sec_cb(void *ctx, const struct nvc_elf64_shdr *sh,
			    const char *name)
{
	struct nvc_fwlog_elf *le = ctx;

	(void)name;
	if (sh->type == NVC_ELF_SHT_NOBITS || !sh->addr)
		return 0;
	/* A range that wraps the address space cannot be looked up safely. */
	if (sh->size && sh->addr + sh->size - 1 < sh->addr)
		return -EINVAL;
	return nvc_fwlog_add_map(le, sh->addr, sh->offset, sh->size);
}

static int nvc_fwlog_noop_cb(void *ctx, const struct nvc_elf64_shdr *sh,
			     const char *name)
{
	(void)ctx;
	(void)sh;
	(void)name;
	return 0;
}

/**
 * nvc_fwlog_elf_init() - validate a logging ELF and index its VA ranges
 * @le: filled in
 * @elf: the logging ELF (kept by reference)
 * @size: its size
 *
 * Return: 0, -ENOEXEC if this is not an ELF64 file, -EINVAL for anything
 * out of bounds, -E2BIG for more than %NVC_FWLOG_MAX_MAPS ranges.
 */
int nvc_fwlog_elf_init(struct nvc_fwlog_elf *le, const void *elf,
		       size_t size)
{
	struct nvc_elf64_ehdr eh;
	struct nvc_elf64_phdr ph;
	const u8 *p = elf;
	int ret;
	u32 i;

	memset(le, 0, sizeof(*le));
	le->elf = p;
	le->size = size;
	/* Validates the file header and every section. */
	ret = nvc_fw_elf_for_each(elf, size, nvc_fwlog_noop_cb, NULL);
	if (ret)
		return ret;
	memcpy(&eh, p, sizeof(eh));
	if (eh.phnum && (eh.phentsize != sizeof(ph) ||
			 eh.phnum > NVC_FWLOG_MAX_PHDRS || eh.phoff > size ||
			 (u64)eh.phnum * sizeof(ph) > size - eh.phoff))
		return -EINVAL;
	/* Segments first: they are searched before sections. */
	for (i = 0; i < eh.phnum; i++) {
		memcpy(&ph, p + eh.phoff + (u64)i * sizeof(ph), sizeof(ph));
		if (ph.type != NVC_ELF_PT_LOAD || !ph.filesz)
			continue;
		if (ph.offset > size || ph.filesz > size - ph.offset ||
		    ph.filesz > ph.memsz ||
		    ph.vaddr + ph.filesz - 1 < ph.vaddr)
			return -EINVAL;
		ret = nvc_fwlog_add_map(le, ph.vaddr, ph.offset, ph.filesz);
		if (ret)
			return ret;
	}
	return nvc_fw_elf_for_each(elf, size, nvc_fwlog_sec_cb, le);
}

struct nvc_fwlog_find {
	const char *name;
	bool found;
};

static int nvc_fwlog_find_cb(void *ctx, const struct nvc_elf64_shdr *sh,
			     const char *name)
{
	struct nvc_fwlog_find *f = ctx;

	(void)sh;
	if (!strcmp(name, f->name))
		f->found = true;
	return 0;
}

/**
 * nvc_fwlog_elf_from_image() - the logging ELF of one task of a firmware
 * @le: filled in
 * @fw: a firmware ELF with a .fwlogging section (gsp-<ver>.bin as
 *	mkgspfw writes it, or NVIDIA's gsp_log_*.bin)
 * @fw_size: its size
 * @task_section: ".fwlogging_init" or ".fwlogging_rm"
 *
 * .fwlogging holds the logging ELF. If that ELF is a container (it has a
 * .fwIsContainerElf section) the task's own logging ELF is its section
 * @task_section; otherwise every task shares it (OGKM liblogdecode.c,
 * libosLogInit).
 *
 * Return: 0, -ENOENT if there is no logging ELF for the task, or an error
 * of nvc_fwlog_elf_init().
 */
int nvc_fwlog_elf_from_image(struct nvc_fwlog_elf *le, const void *fw,
			     size_t fw_size, const char *task_section)
{
	struct nvc_fwlog_find f = { .name = LIBOS_LOG_CONTAINER_SECTION };
	const u8 *log, *task;
	size_t log_size, task_size;
	int ret;

	memset(le, 0, sizeof(*le));
	ret = nvc_fw_elf_section(fw, fw_size, GSP_LOGGING_SECTION_NAME, &log,
				 &log_size);
	if (ret)
		return ret;
	ret = nvc_fw_elf_for_each(log, log_size, nvc_fwlog_find_cb, &f);
	if (ret)
		return ret;
	if (!f.found)
		return nvc_fwlog_elf_init(le, log, log_size);
	ret = nvc_fw_elf_section(log, log_size, task_section, &task,
				 &task_size);
	if (ret)
		return ret;
	return nvc_fwlog_elf_init(le, task, task_size);
}

/* @len bytes at firmware address @va, or NULL. */
static const u8 *nvc_fwlog_map(const struct nvc_fwlog_elf *le, u64 va,
			       u64 len)
{
	unsigned int i;

	for (i = 0; i < le->nr; i++) {
		const struct nvc_fwlog_map *m = &le->map[i];

		if (va < m->va || va - m->va >= m->len)
			continue;
		if (len > m->len - (va - m->va))
			return NULL;
		return le->elf + m->off + (va - m->va);
	}
	return NULL;
}

/* The NUL-terminated string at @va, inside one range, or NULL. */
static const char *nvc_fwlog_str(const struct nvc_fwlog_elf *le, u64 va)
{
	unsigned int i;

	for (i = 0; i < le->nr; i++) {
		const struct nvc_fwlog_map *m = &le->map[i];
		const u8 *s;

		if (va < m->va || va - m->va >= m->len)
			continue;
		s = le->elf + m->off + (va - m->va);
		return memchr(s, 0, m->len - (va - m->va)) ? (const char *)s :
		       NULL;
	}
	return NULL;
}

/*
 * The metadata at @va (plain or extended form), copied, or false. The
 * extended form is recognised as OGKM does: its first word is the marker
 * and does not map as a string.
 */
static bool nvc_fwlog_meta(const struct nvc_fwlog_elf *le, u64 va,
			   struct libosLogMetadata *m)
{
	struct libosLogMetadata_extended mx;
	const u8 *p;

	p = nvc_fwlog_map(le, va, sizeof(*m));
	if (!p)
		return false;
	memcpy(m, p, sizeof(*m));
	if (m->filename == LIBOS_LOG_METADATA_EXTENDED &&
	    !nvc_fwlog_str(le, m->filename)) {
		p = nvc_fwlog_map(le, va, sizeof(mx));
		if (!p)
			return false;
		memcpy(&mx, p, sizeof(mx));
		*m = mx.meta;
	}
	return m->argumentCount <= LIBOS_LOG_MAX_ARGS;
}

/* One output line under construction. */
struct nvc_fwlog_line {
	char buf[NVC_FWLOG_LINE_MAX];
	size_t len;
	size_t cap;
};

static void nvc_fwlog_putc(struct nvc_fwlog_line *ln, char c)
{
	if (ln->len >= ln->cap)
		return;
	if (c == '\n' || c == '\t')
		c = ' ';
	else if ((u8)c < 0x20 || (u8)c >= 0x7f)
		c = '?';
	ln->buf[ln->len++] = c;
}

static void nvc_fwlog_puts(struct nvc_fwlog_line *ln, const char *s,
			   size_t n)
{
	while (n-- && *s)
		nvc_fwlog_putc(ln, *s++);
}

static void nvc_fwlog_pad(struct nvc_fwlog_line *ln, char c, int n)
{
	while (n-- > 0)
		nvc_fwlog_putc(ln, c);
}

static void nvc_fwlog_putu(struct nvc_fwlog_line *ln, u64 v)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = '0' + v % 10;
		v /= 10;
	} while (v);
	while (n)
		nvc_fwlog_putc(ln, tmp[--n]);
}

#define NVC_FL_LEFT	0x1
#define NVC_FL_PLUS	0x2
#define NVC_FL_SPACE	0x4
#define NVC_FL_ALT	0x8
#define NVC_FL_ZERO	0x10

/* One integer conversion; @conv is d, i, u, x, X, o or p. */
static void nvc_fwlog_int(struct nvc_fwlog_line *ln, char conv, u64 arg,
			  unsigned int fl, int width, int prec)
{
	const char *digits = conv == 'X' ? "0123456789ABCDEF" :
			     "0123456789abcdef";
	unsigned int base = 10;
	const char *prefix = "";
	char tmp[24], sign = 0;
	int n = 0, zeros, total;
	u64 mag = arg;

	if (conv == 'd' || conv == 'i') {
		if ((s64)arg < 0) {
			mag = -arg;
			sign = '-';
		} else if (fl & NVC_FL_PLUS) {
			sign = '+';
		} else if (fl & NVC_FL_SPACE) {
			sign = ' ';
		}
	} else if (conv == 'x' || conv == 'X' || conv == 'p') {
		base = 16;
		if (conv == 'p')
			fl |= NVC_FL_ALT;
		if ((fl & NVC_FL_ALT) && mag)
			prefix = conv == 'X' ? "0X" : "0x";
	} else if (conv == 'o') {
		base = 8;
		if ((fl & NVC_FL_ALT) && mag)
			prefix = "0";
	}
	if (mag || prec != 0) {
		do {
			tmp[n++] = digits[mag % base];
			mag /= base;
		} while (mag);
	}
	zeros = prec > n ? prec - n : 0;
	total = (sign ? 1 : 0) + (int)strlen(prefix) + zeros + n;
	if ((fl & NVC_FL_ZERO) && !(fl & NVC_FL_LEFT) && prec < 0 &&
	    width > total) {
		zeros += width - total;
		total = width;
	}
	if (!(fl & NVC_FL_LEFT))
		nvc_fwlog_pad(ln, ' ', width - total);
	if (sign)
		nvc_fwlog_putc(ln, sign);
	nvc_fwlog_puts(ln, prefix, 2);
	nvc_fwlog_pad(ln, '0', zeros);
	while (n)
		nvc_fwlog_putc(ln, tmp[--n]);
	if (fl & NVC_FL_LEFT)
		nvc_fwlog_pad(ln, ' ', width - total);
}

/* Digits of a width or precision, clamped to @max. */
static int nvc_fwlog_num(const char **s, int max)
{
	int v = 0;

	while (**s >= '0' && **s <= '9') {
		if (v <= max)
			v = v * 10 + (**s - '0');
		(*s)++;
	}
	return v > max ? max : v;
}

/* Format one record's message into @ln. */
static void nvc_fwlog_format(struct nvc_fwlog_line *ln,
			     const struct nvc_fwlog_elf *le, const char *fmt,
			     const u64 *args, u32 argc)
{
	size_t end = ln->len + NVC_FWLOG_MSG_MAX;
	const char *s = fmt;
	u32 ai = 0;

	if (end < ln->cap)
		ln->cap = end;
	while (*s) {
		unsigned int fl = 0;
		int width = 0, prec = -1;
		bool more = true;
		char conv;

		if (*s != '%') {
			/* A final newline ends the line; it is not printed. */
			if (!(*s == '\n' && !s[1]))
				nvc_fwlog_putc(ln, *s);
			s++;
			continue;
		}
		s++;
		if (*s == '%') {
			nvc_fwlog_putc(ln, '%');
			s++;
			continue;
		}
		while (more) {
			switch (*s) {
			case '-':
				fl |= NVC_FL_LEFT;
				break;
			case '+':
				fl |= NVC_FL_PLUS;
				break;
			case ' ':
				fl |= NVC_FL_SPACE;
				break;
			case '#':
				fl |= NVC_FL_ALT;
				break;
			case '0':
				fl |= NVC_FL_ZERO;
				break;
			default:
				more = false;
				continue;
			}
			s++;
		}
		if (*s == '*') {
			s64 w;

			if (ai >= argc)
				goto missing;
			w = (s64)args[ai++];
			if (w < 0) {
				fl |= NVC_FL_LEFT;
				w = w < -NVC_FWLOG_WIDTH_MAX ? NVC_FWLOG_WIDTH_MAX : -w;
			}
			width = w > NVC_FWLOG_WIDTH_MAX ? NVC_FWLOG_WIDTH_MAX : (int)w;
			s++;
		} else {
			width = nvc_fwlog_num(&s, NVC_FWLOG_WIDTH_MAX);
		}
		if (*s == '.') {
			s++;
			if (*s == '*') {
				s64 p;

				if (ai >= argc)
					goto missing;
				p = (s64)args[ai++];
				prec = p < 0 ? -1 : p > NVC_FWLOG_PREC_MAX ?
				       NVC_FWLOG_PREC_MAX : (int)p;
				s++;
			} else {
				prec = nvc_fwlog_num(&s, NVC_FWLOG_PREC_MAX);
			}
		}
		while (*s == 'h' || *s == 'l' || *s == 'L' || *s == 'q' ||
		       *s == 'j' || *s == 'z' || *s == 't')
			s++;
		conv = *s;
		switch (conv) {
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
		case 'p': case 'c': case 's':
			break;
		default:
			nvc_fwlog_puts(ln, "%?", 2);
			return;
		}
		s++;
		if (ai >= argc)
			goto missing;
		if (conv == 'c') {
			if (!(fl & NVC_FL_LEFT))
				nvc_fwlog_pad(ln, ' ', width - 1);
			nvc_fwlog_putc(ln, (char)args[ai]);
			if (fl & NVC_FL_LEFT)
				nvc_fwlog_pad(ln, ' ', width - 1);
		} else if (conv == 's') {
			const char *str = nvc_fwlog_str(le, args[ai]);
			size_t n;

			if (!str)
				str = "(bad-pointer)";
			n = strnlen(str, prec < 0 ? NVC_FWLOG_PREC_MAX : prec);
			if (!(fl & NVC_FL_LEFT))
				nvc_fwlog_pad(ln, ' ', width - (int)n);
			nvc_fwlog_puts(ln, str, n);
			if (fl & NVC_FL_LEFT)
				nvc_fwlog_pad(ln, ' ', width - (int)n);
		} else {
			nvc_fwlog_int(ln, conv, args[ai], fl, width, prec);
		}
		ai++;
	}
	return;
missing:
	nvc_fwlog_puts(ln, "<missing argument>", NVC_FWLOG_MSG_MAX);
}

/* Append @n bytes if they fit entirely. */
static bool nvc_fwlog_emit(char *out, size_t out_size, size_t *len,
			   const char *s, size_t n)
{
	if (*len >= out_size || n > out_size - *len - 1)
		return false;
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = 0;
	return true;
}

static const char *nvc_fwlog_basename(const char *path)
{
	const char *b = path;

	for (; *path; path++)
		if (*path == '/')
			b = path + 1;
	return *b ? b : "unknown";
}

/**
 * nvc_fwlog_decode() - decode a snapshot of one LIBOS log buffer
 * @le: the task's logging ELF
 * @task: prefix of each line ("INIT", "INTR", "RM")
 * @ring: the buffer's ring: its words 1 .. @entries (word 0 is put)
 * @entries: ring size in words (buffer size / 8 - 1)
 * @put: the put pointer to decode up to
 * @oldest: the oldest word number known not to be overwritten (the
 *	caller's bound for what changed while it copied the ring)
 * @scratch: @nscratch words of scratch space (one per record)
 * @nscratch: its size
 * @out: text output, always NUL-terminated
 * @out_size: its size (> 0)
 * @res: what was found
 *
 * Return: bytes written to @out (without the NUL).
 */
size_t nvc_fwlog_decode(const struct nvc_fwlog_elf *le, const char *task,
			const u64 *ring, u64 entries, u64 put, u64 oldest,
			u32 *scratch, size_t nscratch, char *out,
			size_t out_size, struct nvc_fwlog_result *res)
{
	struct libosLogMetadata m;
	size_t nrec = 0, len = 0;
	u64 i, lo;

	memset(res, 0, sizeof(*res));
	res->put = put;
	out[0] = 0;
	if (!entries)
		return 0;
	lo = put > entries ? put - entries : 0;
	if (oldest > lo)
		lo = oldest;
	if (lo > put)
		lo = put;

	/* Backwards: find where each record starts. */
	i = put;
	while (i > lo) {
		if (i - lo < 2) {
			res->wrapped = true;
			break;
		}
		if (!nvc_fwlog_meta(le, ring[(i - 2) % entries], &m)) {
			res->bad_meta = true;
			break;
		}
		if (i - 2 - lo < m.argumentCount) {
			res->wrapped = true;
			break;
		}
		if (nrec >= nscratch) {
			res->truncated = true;
			break;
		}
		i -= 2 + m.argumentCount;
		scratch[nrec++] = (u32)(put - i);
	}
	res->lost = i - lo;

	/* Forwards: print them, oldest first. */
	while (nrec) {
		u64 start = put - scratch[nrec - 1];
		u64 end = nrec > 1 ? put - scratch[nrec - 2] : put;
		u64 args[LIBOS_LOG_MAX_ARGS], ts;
		u32 argc = (u32)(end - start - 2), k;
		struct nvc_fwlog_line ln;
		const char *fmt, *file;

		nrec--;
		for (k = 0; k < argc; k++)
			args[k] = ring[(start + k) % entries];
		/* The same snapshot: this cannot fail where the walk did not. */
		if (!nvc_fwlog_meta(le, ring[(start + argc) % entries], &m))
			break;
		ts = ring[(start + argc + 1) % entries];
		fmt = nvc_fwlog_str(le, m.format);
		file = nvc_fwlog_str(le, m.filename);

		ln.len = 0;
		ln.cap = sizeof(ln.buf) - 1;
		nvc_fwlog_puts(&ln, task, 16);
		nvc_fwlog_putc(&ln, ' ');
		nvc_fwlog_putu(&ln, ts / 1000000000);
		nvc_fwlog_putc(&ln, '.');
		nvc_fwlog_int(&ln, 'u', (ts % 1000000000) / 1000, NVC_FL_ZERO,
			      6, -1);
		nvc_fwlog_putc(&ln, ' ');
		nvc_fwlog_puts(&ln, nvc_fwlog_basename(file ?: ""), 64);
		nvc_fwlog_putc(&ln, '(');
		nvc_fwlog_putu(&ln, m.lineNumber);
		nvc_fwlog_puts(&ln, "): ", 3);
		if (fmt)
			nvc_fwlog_format(&ln, le, fmt, args, argc);
		else
			nvc_fwlog_puts(&ln, "(bad format pointer)", 32);
		ln.buf[ln.len++] = '\n';
		if (!nvc_fwlog_emit(out, out_size, &len, ln.buf, ln.len)) {
			res->truncated = true;
			break;
		}
		res->records++;
	}
	return len;
}
