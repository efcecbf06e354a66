/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libFuzzer body for nvsim's channel-parameter decoders (sim/chanabi.c),
 * included by fuzz_sim_chanabi_r535.c / _r570.c after their version's
 * headers. The first byte picks the decoder, two more a control number
 * variant, the rest are the parameters (any size): a decoder reads only a
 * buffer of exactly its structure's size, so ASan catches any other read.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kshim.h"
#include "chanargs.h"
#include "chanabi.c"

static const u32 fuzz_cmds[] = {
	NVA06C_CTRL_CMD_GPFIFO_SCHEDULE, NVA06F_CTRL_CMD_GPFIFO_SCHEDULE,
	NVA06F_CTRL_CMD_BIND, NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN,
	0x20800101,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nvsim_group_args ga;
	struct nvsim_chan_args ca;
	struct nvsim_ce_args cea;
	struct nvsim_fifo_ctrl c;
	u32 st, cmd;
	void *p;

	if (size < 2)
		return 0;
	/* An exact-size heap copy: any read past it is an ASan report. */
	p = malloc(size - 2 ? size - 2 : 1);
	if (!p)
		return 0;
	memcpy(p, data + 2, size - 2);
	switch (data[0] % 4) {
	case 0:
		st = chanabi_chan_decode(p, size - 2, &ca);
		if (st == NV_OK) {
			if (size - 2 != sizeof(struct NV_CHANNEL_ALLOC_PARAMS))
				abort();
			chanabi_chan_cid(p, ca.gp_entries);
		} else if (st != NV_ERR_INVALID_PARAM_STRUCT) {
			abort();
		}
		break;
	case 1:
		st = chanabi_group_decode(p, size - 2, &ga);
		if (st != NV_OK && st != NV_ERR_INVALID_PARAM_STRUCT)
			abort();
		break;
	case 2:
		st = chanabi_ce_decode(p, size - 2, &cea);
		if (st != NV_OK && st != NV_ERR_INVALID_PARAM_STRUCT)
			abort();
		break;
	default:
		cmd = fuzz_cmds[data[1] % (sizeof(fuzz_cmds) / sizeof(fuzz_cmds[0]))];
		st = chanabi_ctrl_decode(cmd, p, size - 2, &c);
		if (st == NV_OK) {
			c.token = 1;
			chanabi_ctrl_reply(cmd, p, &c);
		}
		break;
	}
	free(p);
	return 0;
}
