/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: parser of GSP_RUN_CPU_SEQUENCER programs. OS-independent: also
 * built in userspace for unit tests and fuzzing.
 */
#ifndef NVC_GSP_SEQPARSE_H
#define NVC_GSP_SEQPARSE_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "kcompat.h"
#endif

#define NVC_SEQ_MAX_ARGS	5

/**
 * struct nvc_seq_cmd - one decoded command
 * @op: GSP_SEQ_BUF_OPCODE_*
 * @nargs: payload dwords used
 * @arg: the payload dwords
 */
struct nvc_seq_cmd {
	u32 op;
	unsigned int nargs;
	u32 arg[NVC_SEQ_MAX_ARGS];
};

/**
 * struct nvc_seq_iter - position in a program
 * @cmd: the command dwords (in the caller's private copy)
 * @n: number of valid dwords
 * @i: next dword
 */
struct nvc_seq_iter {
	const u32 *cmd;
	u32 n;
	u32 i;
};

int nvc_seq_begin(struct nvc_seq_iter *it, const void *payload, size_t len);
int nvc_seq_next(struct nvc_seq_iter *it, struct nvc_seq_cmd *c);
bool nvc_seq_poll_done(u32 val, u32 mask, u32 want);

#endif /* NVC_GSP_SEQPARSE_H */
