// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nvsim's plugin-side checks of a guest's channel
 * (sim/vgpu_guest_wire.c, and sim/vgpu_guest_check.c compiled against
 * 535.113.01, or 570.144 with FUZZ_FW_R570: fuzz_sim_vgpu_guest_r570),
 * independent of nvcore's relay: addresses, the
 * control buffer, the RPC header and a SET_GUEST_SYSTEM_INFO payload.
 *
 * Input: 8 bytes of address, 8 of FB size, 8 of control-buffer offset,
 * then a control buffer, a header and a payload. Checked: accepted
 * buffers lie inside the FB and do not overlap; an accepted header's
 * length fits the buffer; an accepted payload has terminated strings
 * within their stated lengths.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../sim/vgpu_guest.h"
#ifdef FUZZ_FW_R570
#define NVSIM_ABI_VER	570
#include <nvrm/570.144/rpc_funcs.h>
#include <nvrm/570.144/msgq.h>
#else
#define NVSIM_ABI_VER	535
#include <nvrm/535.113.01/rpc_funcs.h>
#include <nvrm/535.113.01/msgq.h>
#endif
#include <nvrm/570.144/vgpu_guest.h>
/* The message checks as that version's object compiles them. */
#include "../../sim/vgpu_guest_check.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	u8 ctrl[NVSIM_GUEST_CTRL_USED] = { 0 }, hdr[0x20] = { 0 };
	struct nvsim_guest_bufs b;
	u64 addr, fb, coff, off, sz;
	bool match;
	size_t n;

	if (size < 24)
		return 0;
	memcpy(&addr, data, 8);
	memcpy(&fb, data + 8, 8);
	memcpy(&coff, data + 16, 8);
	data += 24;
	size -= 24;
	if (nvsim_guest_addr(addr, fb, &off, &sz) == 0 &&
	    (off > fb || sz > fb - off || (off & (sz - 1))))
		abort();
	n = size < sizeof(ctrl) ? size : sizeof(ctrl);
	memcpy(ctrl, data, n);
	data += n;
	size -= n;
	if (nvsim_guest_ctrl_parse(ctrl, coff, fb, &b) == 0) {
		if (b.rsp > fb || 0x1000 > fb - b.rsp || b.msg > fb ||
		    b.msg_size > fb - b.msg ||
		    (b.rsp < b.msg + b.msg_size && b.msg < b.rsp + 0x1000))
			abort();
	}
	n = size < sizeof(hdr) ? size : sizeof(hdr);
	memcpy(hdr, data, n);
	if (nvsim_guest_hdr_check(hdr, 0x20000) == NV_VGPU_MSG_RESULT_SUCCESS) {
		u32 len;

		memcpy(&len, hdr + 8, 4);
		if (len < 0x20 || len > 0x20000)
			abort();
	}
	data += n;
	size -= n;
	{
		/* A private, exactly sized copy: reads past it are caught. */
		u8 *p = malloc(size ? size : 1);

		memcpy(p, data, size);
		if (nvsim_guest_sysinfo_check(p, size, &match) == NV_VGPU_MSG_RESULT_SUCCESS) {
			const struct rpc_set_guest_system_info_v03_00 *g = (const void *)p;

			if (size < sizeof(*g) ||
			    !memchr(g->guestDriverVersion, 0, sizeof(g->guestDriverVersion)))
				abort();
		}
		free(p);
	}
	return 0;
}
