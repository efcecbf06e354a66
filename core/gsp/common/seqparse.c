// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: parser of GSP_RUN_CPU_SEQUENCER programs (fact sheet §5.9).
 *
 * The program arrives in a firmware message and is untrusted: the command
 * count must fit both the message and the announced buffer size, every
 * opcode must be known and its payload complete. Only the walk is here;
 * seq.c checks operands (register offsets, save-area slots) and runs the
 * commands.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#else
#include "kcompat.h"
#endif

#include "nvrm/common/sequencer.h"
#include "seqparse.h"

/* Payload dwords of each opcode. */
static const u8 nvc_seq_len[] = {
	[GSP_SEQ_BUF_OPCODE_REG_WRITE] = 2,
	[GSP_SEQ_BUF_OPCODE_REG_MODIFY] = 3,
	[GSP_SEQ_BUF_OPCODE_REG_POLL] = 5,
	[GSP_SEQ_BUF_OPCODE_DELAY_US] = 1,
	[GSP_SEQ_BUF_OPCODE_REG_STORE] = 2,
	[GSP_SEQ_BUF_OPCODE_CORE_RESET] = 0,
	[GSP_SEQ_BUF_OPCODE_CORE_START] = 0,
	[GSP_SEQ_BUF_OPCODE_CORE_WAIT_FOR_HALT] = 0,
	[GSP_SEQ_BUF_OPCODE_CORE_RESUME] = 0,
};

/**
 * nvc_seq_begin() - start walking a sequencer message
 * @it: iterator
 * @payload: rpc_run_cpu_sequencer_v17_00 and its command buffer (a
 *	private copy; it must stay valid while @it is used)
 * @len: payload length
 *
 * Return: 0, or -EBADMSG for a message too short or a command count beyond
 * the message or the announced buffer.
 */
int nvc_seq_begin(struct nvc_seq_iter *it, const void *payload, size_t len)
{
	const struct rpc_run_cpu_sequencer_v17_00 *seq = payload;

	if (len < sizeof(*seq))
		return -EBADMSG;
	if (seq->cmdIndex > (len - sizeof(*seq)) / 4 ||
	    seq->cmdIndex > seq->bufferSizeDWord)
		return -EBADMSG;
	it->cmd = seq->commandBuffer;
	it->n = seq->cmdIndex;
	it->i = 0;
	return 0;
}

/**
 * nvc_seq_next() - decode the next command
 * @it: iterator
 * @c: the command
 *
 * Return: 1 with @c filled, 0 at the end of the program, -EINVAL for an
 * unknown opcode, -EBADMSG for a command cut short. After an error the
 * program must be abandoned.
 */
int nvc_seq_next(struct nvc_seq_iter *it, struct nvc_seq_cmd *c)
{
	u32 op;

	if (it->i >= it->n)
		return 0;
	op = it->cmd[it->i];
	if (op >= ARRAY_SIZE(nvc_seq_len))
		return -EINVAL;
	if (nvc_seq_len[op] > it->n - it->i - 1)
		return -EBADMSG;
	c->op = op;
	c->nargs = nvc_seq_len[op];
	memset(c->arg, 0, sizeof(c->arg));
	memcpy(c->arg, &it->cmd[it->i + 1], c->nargs * sizeof(u32));
	it->i += 1 + c->nargs;
	return 1;
}

/**
 * nvc_seq_poll_done() - has a REG_POLL reached its value
 * @val: the register's value
 * @mask: the command's mask
 * @want: the command's value, compared as is: a value with bits outside
 *	@mask never matches (OGKM kgspExecuteSequencerBuffer_IMPL waits while
 *	(val & mask) != want)
 *
 * Return: true when the poll is done.
 */
bool nvc_seq_poll_done(u32 val, u32 mask, u32 want)
{
	return (val & mask) == want;
}
