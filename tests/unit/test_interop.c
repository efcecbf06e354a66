// SPDX-License-Identifier: GPL-2.0
/*
 * Interoperability of the two independent codecs: messages nvcore's msgq.c
 * puts into a ring (nvc_msgq_put(), the module's send path) must decode
 * with nvsim's wire.c, and messages wire.c encodes must decode with
 * nvcore's receive path, with the same function, sequence number and
 * payload.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "msgq.h"
#include "msgq_ref.h"
#include "wire.h"

static u8 buf[NVRM_MSG_MAX_SIZE];
static u8 payload[NVRM_RPC_MAX_PAYLOAD];

static void fill(size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		payload[i] = (u8)(i * 31 + seed);
}

static int nvcore_to_nvsim(void)
{
	static const size_t sizes[] = { 0, 1, 8, 4000, 4048, 4049, 65455, 65456 };
	static u8 ring[63 * 0x1000];
	struct nvc_msgq_ring r = { .entries = ring, .count = 63 };
	struct nvsim_wire_msg m;
	unsigned int i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		u32 new_wptr;
		int elems;

		fill(sizes[i], i);
		memset(ring, 0xa5, sizeof(ring));	/* stale contents */
		elems = nvc_msgq_put(&r, 0, 0, 0x4c, 100 + i, 0, payload,
				     sizes[i], &new_wptr);
		T_ASSERT(elems >= 1);
		T_EQ(new_wptr, (u32)elems);
		T_EQ(nvsim_wire_decode(ring, (size_t)elems * 0x1000, &m), NVSIM_WIRE_OK);
		T_EQ(m.function, 0x4c);
		T_EQ(m.seq, 100 + i);
		T_EQ(m.elems, elems);
		T_EQ(m.payload_len, sizes[i]);
		T_ASSERT(!memcmp(m.payload, payload, sizes[i]));
	}
	return 0;
}

static int nvsim_to_nvcore(void)
{
	static const u32 sizes[] = { 0, 4, 4048, 4049, 20000, 65456 };
	struct nvsim_rpc_hdr tmpl = {
		.header_version = NVRM_RPC_HEADER_VERSION,
		.signature = NVRM_RPC_SIGNATURE,
		.function = 0x1004,
	};
	static u8 ring[63 * 0x1000];
	static u8 out[NVRM_MSG_MAX_SIZE];
	struct nvc_msgq_ring r = { .entries = ring, .count = 63 };
	struct nvc_msgq_msg_info info;
	unsigned int i;
	u32 wptr = 60, new_wptr;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t len;

		fill(sizes[i], 7 * i);
		len = nvsim_wire_encode(buf, sizeof(buf), 5 + i, &tmpl, payload,
					sizes[i]);
		T_ASSERT(len && len % 0x1000 == 0);
		/* Place it at the ring's end so that it wraps, then decode. */
		T_EQ(nvc_msgq_write(&r, wptr, wptr, buf, len / 0x1000, &new_wptr), 0);
		T_EQ(nvc_msgq_recv(&r, wptr, new_wptr, out, sizeof(out), &info), 0);
		T_EQ(info.function, 0x1004);
		T_EQ(info.seq, 5 + i);
		T_EQ(info.next_rptr, new_wptr);
		T_EQ(info.rpc_length, 0x20 + sizes[i]);
		T_ASSERT(!memcmp(out + 0x50, payload, sizes[i]));
		wptr = new_wptr;
	}
	return 0;
}

/*
 * nvsim's ogkm535 personality builds a message in place (sim/queue.c
 * nvsim_tx_msg()): header from nvsim_wire_hdr(), payload, zero padding to
 * 8 bytes, the rest of the last page stale, and the checksum over whole
 * elements from nvsim_wire_xor() pieces. nvcore accepts it.
 */
static int nvsim_stale_to_nvcore(void)
{
	static const u32 sizes[] = { 0, 3, 100, 4040, 4048, 9001, 65456 };
	struct nvsim_rpc_hdr tmpl = { .function = 76 };
	static u8 ring[63 * 0x1000];
	static u8 out[NVRM_MSG_MAX_SIZE];
	struct nvc_msgq_ring r = { .entries = ring, .count = 63 };
	struct nvsim_msgq_elem e;
	struct nvc_msgq_msg_info info;
	unsigned int i, k;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		u32 slot = 50 + i, elems;
		size_t used = sizeof(e) + sizes[i], end8 = ALIGN(used, 8);
		u64 body, tail;

		for (k = 0; k < sizeof(ring); k++)
			ring[k] = (u8)(k * 13 + i);	/* earlier messages */
		fill(sizes[i], 3 * i);
		elems = nvsim_wire_hdr(&e, 9 + i, &tmpl, sizes[i]);
		memcpy(buf, &e, sizeof(e));
		memcpy(buf + sizeof(e), payload, sizes[i]);
		memset(buf + used, 0, end8 - used);
		/* The stale rest of the last page, as the ring holds it. */
		for (k = end8; k < elems * 0x1000; k++)
			buf[k] = ring[((slot + k / 0x1000) % 63) * 0x1000 + k % 0x1000];
		body = nvsim_wire_xor(payload, sizes[i]);
		tail = nvsim_wire_xor(buf + end8, elems * 0x1000 - end8);
		e.checkSum = nvsim_wire_fold64(nvsim_wire_xor(&e, sizeof(e)) ^
					       body ^ tail);
		memcpy(buf, &e, sizeof(e));
		T_EQ(nvsim_wire_fold(buf, elems * 0x1000), 0);
		for (k = 0; k < elems; k++)
			memcpy(ring + ((slot + k) % 63) * 0x1000, buf + k * 0x1000,
			       0x1000);
		T_EQ(nvc_msgq_recv(&r, slot, (slot + elems) % 63, out, sizeof(out),
				   &info), 0);
		T_EQ(info.function, 76);
		T_ASSERT(!memcmp(out + 0x50, payload, sizes[i]));
	}
	return 0;
}

int main(void)
{
	RUN(nvcore_to_nvsim);
	RUN(nvsim_to_nvcore);
	RUN(nvsim_stale_to_nvcore);
	return nvt_failed ? 1 : 0;
}
