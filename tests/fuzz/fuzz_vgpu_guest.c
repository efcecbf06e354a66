// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nvcore's decoder of what a vGPU guest writes into
 * its channel with the GSP plugin (core/gsp/tmpl/vgpu_guest_dec.c, compiled
 * against 535.113.01, or 570.144 with FUZZ_FW_R570: fuzz_vgpu_guest_r570): the RPC
 * buffer address from the scratch registers, the control buffer and the
 * RPC header are all the guest's bytes.
 *
 * Input: 8 bytes of address, 8 of guest FB size, then a control buffer
 * and an RPC header (zero-padded). Checked: an accepted buffer lies inside
 * the FB, is aligned to its size and has a size the protocol knows; the
 * three buffers of an accepted control buffer do not overlap; an accepted
 * header's length fits the message buffer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vgpu_guest.h"
#ifdef FUZZ_FW_R570
#include "nvrm/570.144/nvrm.h"
#else
#include "nvrm/535.113.01/nvrm.h"
#include "nvrm/570.144/vgpu_guest.h"
#endif
/* The decoder as that version's object compiles it (static functions). */
#include "tmpl/vgpu_guest_dec.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int overlap(const struct nvc_vgpu_guest_buf *a, const struct nvc_vgpu_guest_buf *b)
{
	return a->off < b->off + b->size && b->off < a->off + a->size;
}

static void check_buf(const struct nvc_vgpu_guest_buf *b, u64 fb)
{
	if (b->size != 0x1000 && b->size != 0x20000 && b->size != 0x200000)
		abort();
	if (b->off > fb || b->size > fb - b->off || (b->off & (b->size - 1)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	u8 ctrl[NVC_VGPU_GUEST_CTRL_USED] = { 0 }, hdr[NVC_VGPU_GUEST_HDR] = { 0 };
	struct nvc_vgpu_guest_bufs bufs = { 0 };
	u64 addr = 0, fb = 0;
	size_t n;

	if (size < 16)
		return 0;
	memcpy(&addr, data, 8);
	memcpy(&fb, data + 8, 8);
	data += 16;
	size -= 16;
	n = size < sizeof(ctrl) ? size : sizeof(ctrl);
	memcpy(ctrl, data, n);
	data += n;
	size -= n;
	memcpy(hdr, data, size < sizeof(hdr) ? size : sizeof(hdr));

	if (nvc_vgpu_guest_addr(addr, fb, &bufs.ctrl) == 0) {
		check_buf(&bufs.ctrl, fb);
		if (nvc_vgpu_guest_ctrl(ctrl, fb, &bufs) == 0) {
			check_buf(&bufs.rsp, fb);
			check_buf(&bufs.msg, fb);
			if (bufs.rsp.size != 0x1000 || bufs.msg.size == 0x200000 ||
			    overlap(&bufs.rsp, &bufs.msg) || overlap(&bufs.rsp, &bufs.ctrl) ||
			    overlap(&bufs.msg, &bufs.ctrl))
				abort();
			if (nvc_vgpu_guest_msg_check(hdr, bufs.msg.size) ==
			    NV_VGPU_MSG_RESULT_SUCCESS) {
				u32 len;

				memcpy(&len, hdr + 8, 4);
				if (len < NVC_VGPU_GUEST_HDR || len > bufs.msg.size)
					abort();
			}
		}
	}
	return 0;
}
