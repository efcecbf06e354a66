/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvsim: the catalogue of GSP-RM log call sites, shared by nvsim (which
 * writes binary LIBOS records) and tools/mkgspfw (which writes their
 * metadata into the firmware ELF's .fwlogging section). This is how
 * NVIDIA's firmware and its logging ELF relate: both are built from the
 * same call sites (OGKM libos_log.h). nvcore never sees this file: it
 * decodes records with the metadata it finds in the image it loaded.
 *
 * Layout of the logging section (firmware VAs; an nvsim assumption, the
 * real addresses are whatever the firmware link put there):
 *
 *   NVSIM_LOG_VA + 0x18 * i        libosLogMetadata of call site i
 *   NVSIM_LOG_STR_VA + 64 * j      string j of NVSIM_LOG_STRINGS, NUL padded
 *   after the strings              file names and formats, packed
 *
 * Site 0 stands for a call whose format is not catalogued (its one
 * argument is the number of arguments dropped). A %s argument must be one
 * of NVSIM_LOG_STRINGS, as a real firmware's %s must point into its
 * logging ELF; any other string is logged as the "?" entry.
 */
#ifndef NVSIM_LOGCAT_H
#define NVSIM_LOGCAT_H

#define NVSIM_LOG_VA		0x7e000000ull
#define NVSIM_LOG_META_SIZE	0x18
#define NVSIM_LOG_STR_SLOT	64

/**
 * struct nvsim_log_site - one catalogued log call site
 * @file: source file
 * @level: LOG_LEVEL_* (0 info, 1 warning, 2 error)
 * @fmt: printf format, byte for byte as at the call site
 */
struct nvsim_log_site {
	const char *file;
	unsigned char level;
	const char *fmt;
};

static const struct nvsim_log_site nvsim_log_sites[] = {
	{ "sim/log.c", 1, "log call not in the logging ELF (%u arguments dropped)" },
	{ "sim/gsp.c", 2, "GSP halted (code %#x): HALT interrupt" },
	{ "sim/queue.c", 1, "fault: bad_length seq %u" },
	{ "sim/queue.c", 1, "fault: corrupt_csum seq %u" },
	{ "sim/queue.c", 1, "fault: repeat_seqnum %u" },
	{ "sim/queue.c", 1, "fault: skip_seqnum to %u" },
	{ "sim/queue.c", 1, "fault: bad_queue_ptr %u" },
	{ "sim/queue.c", 1, "fault: lose_irq for seq %u" },
	{ "sim/queue.c", 2, "error: Xid %u %.80s" },
	{ "sim/queue.c", 0, "event %#x posted (%u bytes)" },
	{ "sim/queue.c", 1, "skipped old seq %u (expected %u)" },
	{ "sim/queue.c", 1, "fault: drop_reply function %u" },
	{ "sim/queue.c", 0, "rpc %u seq %u len %llu -> %#x%s" },
	{ "sim/queue.c", 0, "unloading (level %u, PM %u): halting" },
	{ "sim/libos.c", 2, "RMARGS unreadable (size %llu)" },
	{ "sim/libos.c", 2, "RMARGS: bad queue layout (pages %u cmdq %#llx statq %#llx)" },
	{ "sim/libos.c", 0, "RMARGS: %s" },
	{ "sim/libos.c", 2, "shared-memory page table invalid" },
	{ "sim/libos.c", 2, "command queue header invalid (ver %u size %#x msg %#x count %u flags %#x)" },
	{ "sim/seq.c", 0, "sending CPU sequencer (%u dwords)" },
	{ "sim/gsp.c", 0, "nvsim GSP-RM %s (%s) starting" },
	{ "sim/gsp.c", 0, "queues up: %u shared pages" },
	{ "sim/gsp.c", 2, "no GSP_SET_SYSTEM_INFO/SET_REGISTRY (%d)" },
	{ "sim/gsp.c", 1, "boot_fault=no_init_done: not sending GSP_INIT_DONE" },
	{ "sim/gsp.c", 0, "GSP_INIT_DONE sent" },
	{ "sim/gsp.c", 2, "crash injected" },
	{ "sim/gsp.c", 0, "GSP-RM stopped by the host" },
	{ "sim/rpc.c", 2, "%s" },
	{ "sim/rpc.c", 0, "system info: BDF %#llx%s, maxUserVa %#llx" },
	{ "sim/rpc.c", 0, "registry: %.64s=%u" },
	{ "sim/rpc.c", 0, "registry: %u entries" },
	{ "sim/inject.c", 0, "event object %#x/%#x: notify %u posted" },
	{ "sim/seq.c", 1, "boot_fault=seq_poll_forever" },
	{ "sim/seq.c", 1, "boot_fault=seq_delay_forever" },
	{ "sim/seq.c", 2, "CPU sequencer not carried out: %s" },
	{ "sim/seq.c", 0, "CPU sequencer done: GSP-RM resumed" },
	{ "sim/gsp.c", 0, "lockdown engaged for %u ms" },
	{ "sim/gsp.c", 0, "lockdown over (%s)" },
};

/* Strings a %s argument may name (each at most 63 characters). */
static const char *const nvsim_log_strings[] = {
	"?",
	"",
	"tu102",
	"ga102",
	"ad102",
	" (no reply)",
	" (not ours)",
	"GSP_SET_SYSTEM_INFO has the wrong size",
	"GSP_SET_SYSTEM_INFO: bad config mirror or maxUserVa",
	"SET_REGISTRY table malformed",
	"SEC2 started without a reset and the LIBOS address",
	"never resumed",
	"the halt was not waited for",
	"core reset before the halt",
	"notice consumed",
	"notice not consumed in time",
	"535.113.01",
	"570.144",
	"smaller than GSP_ARGUMENTS_CACHED",
	"task-ISR queues ignored",
	"a resume treated as a cold boot",
	"GSP_SET_SYSTEM_INFO refused: GSP-RM init failed",
};

#define NVSIM_LOG_NR_SITES	ARRAY_SIZE(nvsim_log_sites)
#define NVSIM_LOG_NR_STRINGS	ARRAY_SIZE(nvsim_log_strings)
#define NVSIM_LOG_STR_VA \
	(NVSIM_LOG_VA + (unsigned long long)NVSIM_LOG_META_SIZE * NVSIM_LOG_NR_SITES)

static inline int nvsim_log_is_conv(char c)
{
	switch (c) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
	case 'c': case 's': case 'p': case 'n': case 'a': case 'A':
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
		return 1;
	}
	return 0;
}

/*
 * Arguments a format consumes, and which of them are %s (bit n set:
 * argument n is a string). Conversions as C printf; '*' takes one.
 */
static inline unsigned int nvsim_log_fmt_args(const char *f,
					      unsigned long long *smask)
{
	unsigned int n = 0;

	*smask = 0;
	for (; *f; f++) {
		if (*f != '%')
			continue;
		if (*++f == '%')
			continue;
		for (; *f && !nvsim_log_is_conv(*f); f++)
			if (*f == '*')
				n++;
		if (!*f)
			break;
		if (*f == 's' && n < 64)
			*smask |= 1ull << n;
		n++;
	}
	return n;
}

#endif /* NVSIM_LOGCAT_H */
