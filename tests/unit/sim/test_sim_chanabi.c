// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of nvsim's per-version channel-parameter decoders
 * (sim/chanabi.c), built once per firmware version (-DNVSIM_UT_VER=535 or
 * 570, against include/nvrm/<version>/): the version's own structure sizes
 * are decoded field by field, the other version's NV_CHANNEL_ALLOC_PARAMS
 * size (0x168 against 0x170, layout table) and every other wrong size are
 * NV_ERR_INVALID_PARAM_STRUCT, as GSP-RM refuses a parameter size that is
 * not its class's (OGKM rmapiGetClassAllocParamSize, src/nvidia/src/
 * kernel/rmapi/alloc_size.c; nvsim's answer: docs/nvsim.md).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "kshim.h"

#if NVSIM_UT_VER == 570
#include <nvrm/570.144/nvrm.h>
#define OTHER_CHAN_SIZE	0x168	/* 535.113.01 */
#define OWN_CHAN_SIZE	0x170
#elif NVSIM_UT_VER == 535
#include <nvrm/535.113.01/nvrm.h>
#define OTHER_CHAN_SIZE	0x170	/* 570.144 */
#define OWN_CHAN_SIZE	0x168
#else
#error "NVSIM_UT_VER 535 or 570"
#endif

#include "chanargs.h"
#include "chanabi.c"

static int test_chan_sizes(void)
{
	static u8 buf[0x400];
	struct nvsim_chan_args a;
	u32 sz;

	T_EQ(sizeof(struct NV_CHANNEL_ALLOC_PARAMS), OWN_CHAN_SIZE);
	T_EQ(chanabi_chan_decode(buf, OWN_CHAN_SIZE, &a), NV_OK);
	/* The other version's layout, and every other size, are refused. */
	T_EQ(chanabi_chan_decode(buf, OTHER_CHAN_SIZE, &a),
	     NV_ERR_INVALID_PARAM_STRUCT);
	for (sz = 0; sz < sizeof(buf); sz++)
		if (sz != OWN_CHAN_SIZE)
			T_EQ(chanabi_chan_decode(buf, sz, &a),
			     NV_ERR_INVALID_PARAM_STRUCT);
	return 0;
}

static int test_chan_fields(void)
{
	struct NV_CHANNEL_ALLOC_PARAMS p;
	struct nvsim_chan_args a;

	memset(&p, 0, sizeof(p));
	p.gpFifoOffset = 0x1234567000ull;
	p.gpFifoEntries = 512;
	p.hContextShare = 0x11;
	p.hVASpace = 0x22;
	p.engineType = 0x13;
	/* PHYSICAL, index 5 fixed, page 0x1ff fixed, DENY_PHYSICAL_MODE_CE. */
	p.flags = 5u << 8 | 1u << 11 | 0x1ffu << 12 | 1u << 21 | 1u << 7;
	p.userdMem.base = 0x3000;
	p.userdMem.size = 0x200;
	p.userdMem.addressSpace = 2;		/* ADDR_FBMEM */
	p.instanceMem.addressSpace = 1;		/* ADDR_SYSMEM */
	p.ramfcMem.addressSpace = 7;		/* neither */
	p.errorNotifierMem.base = 0x9000;
	p.errorNotifierMem.size = 48;
	T_EQ(chanabi_chan_decode(&p, sizeof(p), &a), NV_OK);
	T_EQ(a.gpfifo_va, 0x1234567000ull);
	T_EQ(a.gp_entries, 512);
	T_EQ(a.h_ctx_share, 0x11);
	T_EQ(a.h_vas, 0x22);
	T_EQ(a.engine, 0x13);
	T_EQ(a.physical, 1);
	T_EQ(a.idx, 5);
	T_EQ(a.idx_fixed, 1);
	T_EQ(a.page, 0x1ff);
	T_EQ(a.page_fixed, 1);
	T_EQ(a.deny_phys_ce, 1);
	T_EQ(a.userd_handles, 0);
	T_EQ(a.userd.base, 0x3000);
	T_EQ(a.userd.size, 0x200);
	T_EQ(a.userd.aspace, NVSIM_ASPACE_VID);
	T_EQ(a.inst.aspace, NVSIM_ASPACE_SYS);
	T_EQ(a.ramfc.aspace, NVSIM_ASPACE_OTHER);
	T_EQ(a.notifier.base, 0x9000);
	T_EQ(a.notifier.size, 48);

	/* CHANNEL_TYPE (1:0) other than PHYSICAL; a USERD memory handle. */
	p.flags = 1;
	p.hUserdMemory[7] = 0x99;
	T_EQ(chanabi_chan_decode(&p, sizeof(p), &a), NV_OK);
	T_EQ(a.physical, 0);
	T_EQ(a.page_fixed, 0);
	T_EQ(a.idx_fixed, 0);
	T_EQ(a.deny_phys_ce, 0);
	T_EQ(a.userd_handles, 1);

	chanabi_chan_cid(&p, 77);
	T_EQ(p.cid, 77);
	return 0;
}

static int test_group_ce(void)
{
	struct NV_CHANNEL_GROUP_ALLOCATION_PARAMETERS g = {
		.hVASpace = 0x5, .engineType = 0x14,
	};
	struct NVB0B5_ALLOCATION_PARAMETERS ce = { .version = 1, .engineType = 0x15 };
	struct nvsim_group_args ga;
	struct nvsim_ce_args ca;

	T_EQ(chanabi_group_decode(&g, sizeof(g), &ga), NV_OK);
	T_EQ(ga.h_vas, 5);
	T_EQ(ga.engine, 0x14);
	T_EQ(chanabi_group_decode(&g, sizeof(g) + 4, &ga),
	     NV_ERR_INVALID_PARAM_STRUCT);
	T_EQ(chanabi_ce_decode(&ce, sizeof(ce), &ca), NV_OK);
	T_EQ(ca.known, 1);
	T_EQ(ca.engine, 0x15);
	ce.version = 0;
	ce.engineType = 2;	/* CE instance 2 */
	T_EQ(chanabi_ce_decode(&ce, sizeof(ce), &ca), NV_OK);
	T_EQ(ca.known, 1);
	T_EQ(ca.engine, NV2080_ENGINE_TYPE_COPY0 + 2);
	ce.version = 2;
	T_EQ(chanabi_ce_decode(&ce, sizeof(ce), &ca), NV_OK);
	T_EQ(ca.known, 0);
	T_EQ(chanabi_ce_decode(&ce, 4, &ca), NV_ERR_INVALID_PARAM_STRUCT);
	return 0;
}

static int test_ctrls(void)
{
	struct NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN_PARAMS tok = {};
	struct NVA06F_CTRL_BIND_PARAMS bind = { .engineType = 0x13 };
	struct NVA06C_CTRL_GPFIFO_SCHEDULE_PARAMS s = { .bEnable = 1 };
	struct nvsim_fifo_ctrl c;

	T_EQ(chanabi_ctrl_decode(NVA06C_CTRL_CMD_GPFIFO_SCHEDULE, &s, sizeof(s), &c),
	     NV_OK);
	T_EQ(c.op, NVSIM_FIFO_OP_GROUP_SCHEDULE);
	T_EQ(c.enable, 1);
	T_EQ(chanabi_ctrl_decode(NVA06F_CTRL_CMD_GPFIFO_SCHEDULE, &s, 1, &c),
	     NV_ERR_INVALID_PARAM_STRUCT);
	T_EQ(chanabi_ctrl_decode(NVA06F_CTRL_CMD_BIND, &bind, sizeof(bind), &c),
	     NV_OK);
	T_EQ(c.op, NVSIM_FIFO_OP_BIND);
	T_EQ(c.engine, 0x13);
	T_EQ(chanabi_ctrl_decode(NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN,
				 &tok, sizeof(tok), &c), NV_OK);
	T_EQ(c.op, NVSIM_FIFO_OP_TOKEN);
	c.token = 0x30007;
	chanabi_ctrl_reply(NVC36F_CTRL_CMD_GPFIFO_GET_WORK_SUBMIT_TOKEN, &tok, &c);
	T_EQ(tok.workSubmitToken, 0x30007);
	T_EQ(chanabi_ctrl_op(0x20800101), NVSIM_FIFO_OP_NONE);
	T_EQ(chanabi_ctrl_decode(0x20800101, &tok, sizeof(tok), &c),
	     NV_ERR_NOT_SUPPORTED);
	return 0;
}

int main(void)
{
	printf("sim chanabi %d:\n", NVSIM_UT_VER);
	RUN(test_chan_sizes);
	RUN(test_chan_fields);
	RUN(test_group_ce);
	RUN(test_ctrls);
	return nvt_failed ? 1 : 0;
}
