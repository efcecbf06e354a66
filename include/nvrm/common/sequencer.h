/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM, every supported version: the CPU sequencer program carried by
 * GSP_RUN_CPU_SEQUENCER (OGKM gsp/gsp_init_args.h and rpc_structures.h,
 * rpc_run_cpu_sequencer_v17_00; nouveau r535 gsp.c sequencer).
 *
 * Version-neutral: byte-identical in 535.113.01 and 570.144; tests/abi checks
 * it against the rows of every version.
 */
#ifndef NVRM_COMMON_SEQUENCER_H
#define NVRM_COMMON_SEQUENCER_H

#include "../nvrm_types.h"

/* CPU sequencer (GSP_RUN_CPU_SEQUENCER event). */
enum GSP_SEQ_BUF_OPCODE {
	GSP_SEQ_BUF_OPCODE_REG_WRITE = 0x0,
	GSP_SEQ_BUF_OPCODE_REG_MODIFY = 0x1,
	GSP_SEQ_BUF_OPCODE_REG_POLL = 0x2,
	GSP_SEQ_BUF_OPCODE_DELAY_US = 0x3,
	GSP_SEQ_BUF_OPCODE_REG_STORE = 0x4,
	GSP_SEQ_BUF_OPCODE_CORE_RESET = 0x5,
	GSP_SEQ_BUF_OPCODE_CORE_START = 0x6,
	GSP_SEQ_BUF_OPCODE_CORE_WAIT_FOR_HALT = 0x7,
	GSP_SEQ_BUF_OPCODE_CORE_RESUME = 0x8,
};

struct GSP_SEQ_BUF_PAYLOAD_REG_WRITE {
	u32 addr;
	u32 val;
};

NVRM_CHECK_SIZE(GSP_SEQ_BUF_PAYLOAD_REG_WRITE, 0x8);

struct GSP_SEQ_BUF_PAYLOAD_REG_MODIFY {
	u32 addr;
	u32 mask;
	u32 val;
};

NVRM_CHECK_SIZE(GSP_SEQ_BUF_PAYLOAD_REG_MODIFY, 0xc);

struct GSP_SEQ_BUF_PAYLOAD_REG_POLL {
	u32 addr;
	u32 mask;
	u32 val;
	u32 timeout;
	u32 error;
};

NVRM_CHECK_SIZE(GSP_SEQ_BUF_PAYLOAD_REG_POLL, 0x14);
NVRM_CHECK_OFF(GSP_SEQ_BUF_PAYLOAD_REG_POLL, error, 0x10);

struct GSP_SEQ_BUF_PAYLOAD_DELAY_US {
	u32 val;
};

NVRM_CHECK_SIZE(GSP_SEQ_BUF_PAYLOAD_DELAY_US, 0x4);

struct GSP_SEQ_BUF_PAYLOAD_REG_STORE {
	u32 addr;
	u32 index;
};

NVRM_CHECK_SIZE(GSP_SEQ_BUF_PAYLOAD_REG_STORE, 0x8);

/*
 * Largest-case view of one command.  In the command buffer, commands are
 * packed: the opcode dword is followed only by that opcode's payload.
 */
struct GSP_SEQUENCER_BUFFER_CMD {
	u32 opCode;	/* enum GSP_SEQ_BUF_OPCODE */
	union {
		struct GSP_SEQ_BUF_PAYLOAD_REG_WRITE regWrite;
		struct GSP_SEQ_BUF_PAYLOAD_REG_MODIFY regModify;
		struct GSP_SEQ_BUF_PAYLOAD_REG_POLL regPoll;
		struct GSP_SEQ_BUF_PAYLOAD_DELAY_US delayUs;
		struct GSP_SEQ_BUF_PAYLOAD_REG_STORE regStore;
	} payload;
};

NVRM_CHECK_SIZE(GSP_SEQUENCER_BUFFER_CMD, 0x18);
NVRM_CHECK_OFF(GSP_SEQUENCER_BUFFER_CMD, payload, 0x4);

#define NVRM_SEQ_REG_SAVE_AREA_SIZE	8

struct rpc_run_cpu_sequencer_v17_00 {
	u32 bufferSizeDWord;
	u32 cmdIndex;		/* number of valid dwords in commandBuffer */
	u32 regSaveArea[NVRM_SEQ_REG_SAVE_AREA_SIZE];
	u32 commandBuffer[];
};

NVRM_CHECK_SIZE(rpc_run_cpu_sequencer_v17_00, 0x28);
NVRM_CHECK_OFF(rpc_run_cpu_sequencer_v17_00, regSaveArea, 0x8);
NVRM_CHECK_OFF(rpc_run_cpu_sequencer_v17_00, commandBuffer, 0x28);

#endif /* NVRM_COMMON_SEQUENCER_H */
