// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the CPU-sequencer program parser (core/gsp/common/seqparse.c).
 */
#include <string.h>

#include "test.h"
#include "seqparse.h"
#include "nvrm/535.113.01/nvrm.h"

static u32 msg[64];

static size_t prog(const u32 *cmds, u32 n, u32 bufsize)
{
	struct rpc_run_cpu_sequencer_v17_00 *s = (void *)msg;

	memset(msg, 0, sizeof(msg));
	s->bufferSizeDWord = bufsize;
	s->cmdIndex = n;
	memcpy(s->commandBuffer, cmds, n * 4);
	return sizeof(*s) + n * 4;
}

static int walks_every_opcode(void)
{
	static const u32 p[] = {
		0, 0x1400, 1,			/* REG_WRITE */
		1, 0x1404, 0xff00, 0x1200,	/* REG_MODIFY */
		2, 0x1408, ~0u, 5, 1000, 0x5e0,	/* REG_POLL */
		3, 200,				/* DELAY_US */
		4, 0x140c, 2,			/* REG_STORE */
		5, 6, 7, 8,			/* CORE_RESET/START/WAIT/RESUME */
	};
	static const u32 ops[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
	struct nvc_seq_iter it;
	struct nvc_seq_cmd c;
	unsigned int k = 0;

	T_EQ(nvc_seq_begin(&it, msg, prog(p, 22, 32)), 0);
	while (nvc_seq_next(&it, &c) == 1) {
		T_ASSERT(k < 9);
		T_EQ(c.op, ops[k]);
		if (c.op == 2) {
			T_EQ(c.nargs, 5);
			T_EQ(c.arg[4], 0x5e0);
		}
		k++;
	}
	T_EQ(k, 9);
	T_EQ(it.i, 22);
	return 0;
}

/* REG_POLL compares (value & mask) with the value as sent (OGKM). */
static int poll_compare_exact(void)
{
	T_EQ(nvc_seq_poll_done(0x1234, 0xff, 0x34), 1);
	T_EQ(nvc_seq_poll_done(0x1234, 0xff, 0x35), 0);
	T_EQ(nvc_seq_poll_done(0x80, 0x80, 0), 0);
	T_EQ(nvc_seq_poll_done(0x7f, 0x80, 0), 1);
	/* Bits outside the mask in the value: never done. */
	T_EQ(nvc_seq_poll_done(0x1234, 0xff, 0x1234), 0);
	T_EQ(nvc_seq_poll_done(0xffffffff, 0x0f, 0x1f), 0);
	return 0;
}

static int rejects(void)
{
	static const u32 trunc[] = { 2, 0x1408, ~0u };	/* poll cut short */
	static const u32 unknown[] = { 9 };
	struct nvc_seq_iter it;
	struct nvc_seq_cmd c;

	T_EQ(nvc_seq_begin(&it, msg, 39), -EBADMSG);		/* short header */
	T_EQ(nvc_seq_begin(&it, msg, prog(trunc, 3, 2)), -EBADMSG);	/* > bufsize */
	T_EQ(nvc_seq_begin(&it, msg, prog(trunc, 3, 3) - 4), -EBADMSG); /* > message */
	T_EQ(nvc_seq_begin(&it, msg, prog(trunc, 3, 3)), 0);
	T_EQ(nvc_seq_next(&it, &c), -EBADMSG);
	T_EQ(nvc_seq_begin(&it, msg, prog(unknown, 1, 1)), 0);
	T_EQ(nvc_seq_next(&it, &c), -EINVAL);
	T_EQ(nvc_seq_begin(&it, msg, prog(unknown, 0, 0)), 0);
	T_EQ(nvc_seq_next(&it, &c), 0);
	return 0;
}

int main(void)
{
	RUN(walks_every_opcode);
	RUN(rejects);
	RUN(poll_compare_exact);
	return nvt_failed ? 1 : 0;
}
