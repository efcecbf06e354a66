// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nvc_msgq_recv(): the input becomes a status queue
 * (entries, msgCount, raw rptr/wptr) as a hostile GSP could leave it.
 *
 * Input: [0] flags (bit0: fix up the checksum of the message at rptr so the
 * copy-out path is reached, bit1: small output buffer), [1] msgCount,
 * [2..5] rptr (LE), [6..9] wptr (LE), [10] output size selector, [11]
 * reserved, [12..] ring bytes placed from entry rptr onwards (wrapping).
 * Every decoded message is also fed to a reassembler, and nvc_msgq_peek() +
 * nvc_msgq_take() into a short destination must agree with nvc_msgq_recv().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "msgq.h"
#include "msgq_ref.h"

#define PG	NVRM_MSGQ_ENTRY_SIZE

static u32 get32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void fix_csum(u8 *mem, u32 count, u32 rptr)
{
	static u8 tmp[NVRM_MSG_MAX_SIZE];
	struct GSP_MSG_QUEUE_ELEMENT *h = (void *)tmp;
	u32 k, slot = rptr, elem;

	memcpy(tmp, mem + (size_t)rptr * PG, PG);
	elem = h->elemCount;
	if (elem < 1 || elem > NVRM_MSG_MAX_ELEMS || elem >= count)
		return;
	for (k = 0; k < elem; k++) {
		memcpy(tmp + (size_t)k * PG, mem + (size_t)slot * PG, PG);
		slot = (slot + 1) % count;
	}
	if (h->rpc.length > NVRM_RPC_MAX_LEN)
		return;
	h->checkSum = 0;
	h->checkSum = nvc_msgq_csum(tmp, ALIGN(NVRM_MSG_HDR_SIZE +
					       h->rpc.length, 8));
	memcpy(mem + (size_t)rptr * PG, tmp, sizeof(*h));
}

/*
 * An accepted message verifies on its own: over the short range of the
 * copy, or (stale tail) over all its pages gathered from the ring.
 */
static bool whole_ok(const struct nvc_msgq_ring *ring, u32 rptr,
		     const u8 *out, u32 elem)
{
	static u8 tmp[NVRM_MSG_MAX_SIZE];
	const struct GSP_MSG_QUEUE_ELEMENT *h = (const void *)out;
	u32 k;

	if (!nvc_msgq_verify(out, ALIGN(NVRM_MSG_HDR_SIZE + h->rpc.length, 8)))
		return true;
	for (k = 0; k < elem; k++)
		memcpy(tmp + (size_t)k * PG,
		       ring->entries + (size_t)((rptr + k) % ring->count) * PG, PG);
	memcpy(tmp, out, sizeof(*h));
	return !nvc_msgq_verify(tmp, (size_t)elem * PG);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static u8 out[NVRM_MSG_MAX_SIZE];
	static u8 reasm_buf[4 * NVC_RPC_CHUNK];
	struct GSP_MSG_QUEUE_ELEMENT ph;
	struct nvc_msgq_msg_info pinfo;
	u8 small[256];
	int pret;
	struct nvc_msgq_msg_info info;
	struct nvc_msgq_ring ring;
	struct nvc_rpc_reasm r;
	u32 count, rptr, wptr, i, start;
	size_t out_size, n, room;
	bool started = false;
	int ret, f, a;
	u8 flags;

	if (size < 12)
		return 0;
	flags = data[0];
	count = data[1] % 72;
	rptr = get32(data + 2);
	wptr = get32(data + 6);
	out_size = (flags & 2) ? (size_t)data[10] * 64 : sizeof(out);
	data += 12;
	size -= 12;

	ring.count = count;
	ring.entries = malloc(count ? (size_t)count * PG : 1);
	if (!ring.entries)
		return 0;
	memset(ring.entries, 0, count ? (size_t)count * PG : 1);
	if (count) {
		start = rptr < count ? rptr : 0;
		room = (size_t)(count - start) * PG;
		n = size < room ? size : room;
		memcpy(ring.entries + (size_t)start * PG, data, n);
		if (size > n)
			memcpy(ring.entries, data + n,
			       size - n < (size_t)start * PG ?
			       size - n : (size_t)start * PG);
	}
	if ((flags & 1) && count >= 2 && count <= NVC_MSGQ_MAX_COUNT &&
	    rptr < count)
		fix_csum(ring.entries, count, rptr);

	f = nvc_msgq_tx_free(count, rptr, wptr);
	a = nvc_msgq_rx_avail(count, rptr, wptr);
	if ((f < 0) != (a < 0) || (f >= 0 && (u32)(f + a) != count - 1))
		abort();

	nvc_rpc_reasm_init(&r, reasm_buf, sizeof(reasm_buf));
	for (i = 0; i < 2 * count + 1; i++) {
		const struct GSP_MSG_QUEUE_ELEMENT *h = (const void *)out;

		/* peek + take into a short destination agrees with recv. */
		if (!nvc_msgq_peek(&ring, rptr, wptr, &ph, &pinfo)) {
			n = min_t(size_t, pinfo.rpc_length - 0x20, data[10]);
			pret = nvc_msgq_take(&ring, rptr, &ph, &pinfo, small, n);
		} else {
			pret = 1;
		}
		ret = nvc_msgq_recv(&ring, rptr, wptr, out, out_size, &info);
		if (pret != 1 && !ret && (pret || memcmp(small, out + 0x50, n)))
			abort();
		if (ret == -EILSEQ || ret == -EOVERFLOW) {
			if (info.next_rptr != (rptr + info.elem_count) % count)
				abort();
		}
		if (ret)
			break;
		if (info.elem_count < 1 || info.elem_count > 16 ||
		    info.elem_count > (u32)a ||
		    info.next_rptr != (rptr + info.elem_count) % count ||
		    info.rpc_length < NVRM_RPC_HDR_SIZE ||
		    NVRM_MSG_HDR_SIZE + info.rpc_length >
		    info.elem_count * PG ||
		    info.msg_size > out_size ||
		    h->elemCount != info.elem_count ||
		    h->rpc.length != info.rpc_length ||
		    h->rpc.function != info.function ||
		    !whole_ok(&ring, rptr, out, info.elem_count))
			abort();

		if (!started) {
			ret = nvc_rpc_reasm_start(&r, info.function, out + 0x50,
						  info.rpc_length - 0x20,
						  (flags & 4) ? 0 : 3 * 0x10000);
			started = true;
		} else {
			ret = nvc_rpc_reasm_feed(&r, info.function, out + 0x50,
						 info.rpc_length - 0x20);
		}
		if (r.have > r.cap || (r.total && r.have > r.total))
			abort();
		rptr = info.next_rptr;
		a = nvc_msgq_rx_avail(count, rptr, wptr);
	}
	free(ring.entries);
	return 0;
}
