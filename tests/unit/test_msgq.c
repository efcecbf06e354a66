// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for core/gsp/common/msgq.c (and the reference codec of msgq_ref.c):
 * ring arithmetic, checksum, encode and decode, decoder rejections,
 * CVE-2024-58019/58018 regressions and large RPC continuation records.
 */
#include <stdlib.h>
#include <string.h>

#include "msgq.h"
#include "msgq_ref.h"
#include "test.h"

#define PG	NVRM_MSGQ_ENTRY_SIZE
#define COUNT	NVRM_MSGQ_MSG_COUNT
#define CHUNK	NVC_RPC_CHUNK

static u8 ring_mem[COUNT * PG];
static struct nvc_msgq_ring ring = { ring_mem, COUNT };
static u8 stage[NVRM_MSG_MAX_SIZE];
static u8 out[NVRM_MSG_MAX_SIZE];

static void pattern(u8 *p, size_t n, u32 seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (u8)(seed * 31u + i * 7u + (i >> 8) + (i >> 16));
}

static struct GSP_MSG_QUEUE_ELEMENT *elem_at(u32 slot)
{
	return (struct GSP_MSG_QUEUE_ELEMENT *)(ring_mem + (size_t)slot * PG);
}

/* Encode and write one message; returns elemCount or a negative errno. */
static int produce(u32 rptr, u32 *wptr, u32 fn, u32 seq, const void *payload,
		   size_t len)
{
	u32 nw = ~0u;
	int elem, ret;

	elem = nvc_msgq_encode(stage, sizeof(stage), fn, seq, payload, len);
	if (elem < 0)
		return elem;
	ret = nvc_msgq_write(&ring, rptr, *wptr, stage, elem, &nw);
	if (ret)
		return ret;
	*wptr = nw;
	return elem;
}

static void reset_ring(void)
{
	memset(ring_mem, 0xcc, sizeof(ring_mem));
}

/* ---- ring arithmetic ---- */

static int ring_arith_basic(void)
{
	T_EQ(nvc_msgq_tx_free(COUNT, 0, 0), 62);
	T_EQ(nvc_msgq_rx_avail(COUNT, 0, 0), 0);
	T_EQ(nvc_msgq_tx_free(COUNT, 0, 1), 61);
	T_EQ(nvc_msgq_rx_avail(COUNT, 0, 1), 1);
	/* Full: wptr one behind rptr leaves the always-empty slot. */
	T_EQ(nvc_msgq_tx_free(COUNT, 10, 9), 0);
	T_EQ(nvc_msgq_rx_avail(COUNT, 10, 9), 62);
	T_EQ(nvc_msgq_tx_free(COUNT, 0, 62), 0);
	T_EQ(nvc_msgq_rx_avail(COUNT, 0, 62), 62);
	return 0;
}

static int ring_arith_wrap(void)
{
	u32 r, w;

	/* wptr < rptr: producer wrapped. */
	T_EQ(nvc_msgq_tx_free(COUNT, 40, 10), 29);
	T_EQ(nvc_msgq_rx_avail(COUNT, 40, 10), 33);
	T_EQ(nvc_msgq_tx_free(COUNT, 62, 0), 61);
	T_EQ(nvc_msgq_rx_avail(COUNT, 62, 0), 1);
	for (r = 0; r < COUNT; r++) {
		for (w = 0; w < COUNT; w++) {
			int f = nvc_msgq_tx_free(COUNT, r, w);
			int a = nvc_msgq_rx_avail(COUNT, r, w);

			T_ASSERT(f >= 0 && a >= 0);
			T_EQ(f + a, COUNT - 1);
			T_EQ(a, (w >= r) ? w - r : w + COUNT - r);
		}
	}
	return 0;
}

static int ring_arith_invalid(void)
{
	T_EQ(nvc_msgq_tx_free(COUNT, COUNT, 0), -EPROTO);
	T_EQ(nvc_msgq_tx_free(COUNT, 0, COUNT), -EPROTO);
	T_EQ(nvc_msgq_rx_avail(COUNT, 0xffffffff, 0), -EPROTO);
	T_EQ(nvc_msgq_rx_avail(COUNT, 0, 0x80000000), -EPROTO);
	T_EQ(nvc_msgq_rx_avail(0, 0, 0), -EPROTO);
	T_EQ(nvc_msgq_tx_free(1, 0, 0), -EPROTO);
	T_EQ(nvc_msgq_tx_free(NVC_MSGQ_MAX_COUNT + 1, 0, 0), -EPROTO);
	T_EQ(nvc_msgq_tx_free(2, 1, 1), 1);
	return 0;
}

static int elem_count(void)
{
	T_EQ(nvc_msgq_elem_count(0x20), 1);
	T_EQ(nvc_msgq_elem_count(0xfd0), 1);
	T_EQ(nvc_msgq_elem_count(0xfd1), 2);
	T_EQ(nvc_msgq_elem_count(0x1fd0), 2);
	T_EQ(nvc_msgq_elem_count(0xffd0), 16);
	T_EQ(nvc_msgq_elem_count(0xffd1), 17);
	T_EQ(nvc_msgq_elem_count(0xffffffff), 0x100001);
	return 0;
}

static int hdr_init_check(void)
{
	struct msgqTxHeader h;
	u32 count = 0;

	nvc_msgq_hdr_init(&h);
	T_EQ(h.size, 0x40000);
	T_EQ(h.msgCount, 63);
	T_EQ(h.flags, 1);
	T_EQ(nvc_msgq_hdr_check(&h, 0x40000, &count), 0);
	T_EQ(count, 63);
	T_EQ(nvc_msgq_hdr_check(&h, 0x3f000, &count), -EPROTO);
	h.msgCount = 64;
	T_EQ(nvc_msgq_hdr_check(&h, 0x40000, &count), -EPROTO);
	nvc_msgq_hdr_init(&h);
	h.msgSize = 0x2000;
	T_EQ(nvc_msgq_hdr_check(&h, 0x40000, &count), -EPROTO);
	nvc_msgq_hdr_init(&h);
	h.entryOff = 0x1800;
	T_EQ(nvc_msgq_hdr_check(&h, 0x40000, &count), -EPROTO);
	return 0;
}

/* ---- checksum ---- */

static int csum_vectors(void)
{
	/* LE words 0x0123456789abcdef and 0x1111111122222222. */
	static const u8 v1[16] = {
		0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01,
		0x22, 0x22, 0x22, 0x22, 0x11, 0x11, 0x11, 0x11,
	};
	static const u8 v2[12] = {
		0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01,
		0xaa, 0xbb, 0xcc, 0xdd,
	};
	static const u8 v3[3] = { 1, 2, 3 };
	u8 v4[16];

	T_EQ(nvc_msgq_csum(v1, 0), 0);
	/* 0x01234567 ^ 0x89abcdef */
	T_EQ(nvc_msgq_csum(v1, 8), 0x88888888);
	/* (0x01234567^0x11111111) ^ (0x89abcdef^0x22222222) */
	T_EQ(nvc_msgq_csum(v1, 16), 0xbbbbbbbb);
	/* partial word zero-padded: lo ^= 0xddccbbaa */
	T_EQ(nvc_msgq_csum(v2, 12), 0x55443322);
	T_EQ(nvc_msgq_csum(v3, 3), 0x00030201);
	/* equal words cancel */
	memcpy(v4, v1, 8);
	memcpy(v4 + 8, v1, 8);
	T_EQ(nvc_msgq_csum(v4, 16), 0);
	return 0;
}

static int csum_roundtrip(void)
{
	u8 payload[300];
	size_t i, size;
	int elem;

	pattern(payload, sizeof(payload), 5);
	memset(stage, 0xaa, sizeof(stage));
	elem = nvc_msgq_encode(stage, sizeof(stage), 10, 3, payload,
			       sizeof(payload));
	T_EQ(elem, 1);
	/* 0x50 + 300 = 380 bytes, summed up to 384 */
	size = ALIGN(0x30 + 0x20 + sizeof(payload), 8);
	T_EQ(size, 384);
	T_EQ(nvc_msgq_verify(stage, size), 0);
	T_EQ(nvc_msgq_verify(stage, PG), 0);
	/* whole-page sum (what an OGKM-535 receiver checks) is also zero */
	T_EQ(nvc_msgq_csum(stage, PG), 0);
	T_EQ(nvc_msgq_verify(stage, size - 1), -EOVERFLOW);

	/* every single-bit flip of the covered range is detected */
	for (i = 0; i < size; i++) {
		u8 bit = (u8)(1u << (i % 8));
		int ret;

		stage[i] ^= bit;
		ret = nvc_msgq_verify(stage, PG);
		stage[i] ^= bit;
		if (i >= 0x38 && i < 0x3c) {
			/* rpc.length: range changes, still rejected */
			T_ASSERT(ret != 0);
		} else {
			T_EQ(ret, -EILSEQ);
		}
	}
	T_EQ(nvc_msgq_verify(stage, PG), 0);
	return 0;
}

/* ---- encode ---- */

static int encode_fields(void)
{
	struct GSP_MSG_QUEUE_ELEMENT *h = (void *)stage;
	u8 payload[0xfb1];
	size_t i;
	int elem;

	pattern(payload, sizeof(payload), 9);
	memset(stage, 0xaa, sizeof(stage));
	elem = nvc_msgq_encode(stage, sizeof(stage), 0x48, 77, payload,
			       sizeof(payload));
	T_EQ(elem, 2);
	T_EQ(h->elemCount, 2);
	T_EQ(h->seqNum, 77);
	T_EQ(h->pad, 0);
	T_EQ(h->rpc.header_version, 0x03000000);
	T_EQ(h->rpc.signature, 0x43505256);
	T_ASSERT(!memcmp(&h->rpc.signature, "VRPC", 4));
	T_EQ(h->rpc.length, 0x20 + sizeof(payload));
	T_EQ(h->rpc.function, 0x48);
	T_EQ(h->rpc.rpc_result, 0xffffffff);
	T_EQ(h->rpc.rpc_result_private, 0xffffffff);
	T_EQ(h->rpc.sequence, 0);
	T_EQ(h->rpc.u.spare, 0);
	for (i = 0; i < 32; i++)
		T_EQ(stage[i], 0);
	T_ASSERT(!memcmp(stage + 0x50, payload, sizeof(payload)));
	for (i = 0x50 + sizeof(payload); i < 2 * PG; i++)
		T_EQ(stage[i], 0);
	T_EQ(stage[2 * PG], 0xaa);
	T_EQ(nvc_msgq_csum(stage, 2 * PG), 0);

	/* in-place payload (payload == NULL) */
	memset(stage, 0, sizeof(stage));
	memcpy(stage + NVC_MSG_PAYLOAD_OFF, payload, 100);
	T_EQ(nvc_msgq_encode(stage, sizeof(stage), 1, 0, NULL, 100), 1);
	T_ASSERT(!memcmp(stage + 0x50, payload, 100));
	T_EQ(nvc_msgq_verify(stage, PG), 0);
	return 0;
}

static int encode_errors(void)
{
	T_EQ(nvc_msgq_encode(stage, sizeof(stage), 1, 0, NULL, CHUNK + 1),
	     -E2BIG);
	T_EQ(nvc_msgq_encode(stage, sizeof(stage), 1, 0, NULL, CHUNK), 16);
	T_EQ(nvc_msgq_encode(stage, 2 * PG - 1, 1, 0, NULL, 0xfb1), -ENOSPC);
	T_EQ(nvc_msgq_encode(stage, 2 * PG, 1, 0, NULL, 0xfb1), 2);
	return 0;
}

/* ---- encode/decode round trips ---- */

static int roundtrip_one(size_t len, u32 start)
{
	static u8 payload[CHUNK];
	struct nvc_msgq_msg_info info;
	u32 wptr = start, expect;
	int elem, ret;

	reset_ring();
	pattern(payload, len, (u32)len + start);
	elem = produce(start, &wptr, 0x1234, 42, payload, len);
	T_EQ(elem, nvc_msgq_elem_count(0x20 + (u32)len));
	expect = (start + elem) % COUNT;
	T_EQ(wptr, expect);
	/* producer never touches the slot at wptr (always-empty rule) */
	T_EQ(elem_at(wptr)->checkSum, 0xcccccccc);

	memset(out, 0x55, sizeof(out));
	memset(&info, 0, sizeof(info));
	ret = nvc_msgq_recv(&ring, start, wptr, out, sizeof(out), &info);
	T_EQ(ret, 0);
	T_EQ(info.next_rptr, expect);
	T_EQ(info.elem_count, elem);
	T_EQ(info.function, 0x1234);
	T_EQ(info.rpc_length, 0x20 + len);
	T_EQ(info.rpc_result, 0xffffffff);
	T_EQ(info.seq, 42);
	T_EQ(info.msg_size, ALIGN(0x50 + len, 8));
	T_ASSERT(!memcmp(out + 0x50, payload, len));
	T_ASSERT(!memcmp(out, stage, 0x30 + info.rpc_length));
	/* the slot after the message is empty again */
	T_EQ(nvc_msgq_recv(&ring, info.next_rptr, wptr, out, sizeof(out),
			   &info), -EAGAIN);
	return 0;
}

static int roundtrip_sizes(const u32 *starts, size_t nstarts)
{
	static const size_t lens[] = {
		0, 1, 7, 8, 0xfb0, 0xfb1, 0x1000, 0x1fb0, 0x1fb1, 0x7777,
		CHUNK - 1, CHUNK,
	};
	size_t i, j;

	for (i = 0; i < nstarts; i++)
		for (j = 0; j < ARRAY_SIZE(lens); j++)
			if (roundtrip_one(lens[j], starts[i])) {
				size_t n = strlen(nvt_why);

				snprintf(nvt_why + n, sizeof(nvt_why) - n,
					 " [len %#zx start %u]", lens[j],
					 starts[i]);
				return 1;
			}
	return 0;
}

static int roundtrip_1page(void)
{
	T_EQ(roundtrip_one(0, 0), 0);
	T_EQ(roundtrip_one(1, 3), 0);
	T_EQ(roundtrip_one(8, 30), 0);
	T_EQ(roundtrip_one(0xfb0, 62), 0);
	return 0;
}

static int roundtrip_all_sizes(void)
{
	static const u32 s[] = { 0, 30 };

	return roundtrip_sizes(s, ARRAY_SIZE(s));
}

static int roundtrip_2page(void)
{
	T_EQ(roundtrip_one(0xfb1, 0), 0);
	T_EQ(roundtrip_one(0x1fb0, 17), 0);
	return 0;
}

static int roundtrip_16page(void)
{
	T_EQ(roundtrip_one(CHUNK, 0), 0);
	T_EQ(roundtrip_one(CHUNK, 47), 0);	/* ends exactly at slot 62 */
	return 0;
}

static int roundtrip_wrap(void)
{
	static const u32 s[] = { 62, 61, 55, 50, 48 };
	u32 wptr = 62;
	int elem;

	/* page 1 of a 2-page message at slot 62 lands in slot 0 */
	reset_ring();
	pattern(out, 0x1000, 3);
	elem = produce(62, &wptr, 7, 1, out, 0x1000);
	T_EQ(elem, 2);
	T_EQ(wptr, 1);
	T_ASSERT(!memcmp(ring_mem + 62 * PG, stage, PG));
	T_ASSERT(!memcmp(ring_mem, stage + PG, PG));
	/* 16 pages from slot 55: 8 at the end, 8 from slot 0 */
	T_EQ(roundtrip_one(CHUNK, 55), 0);
	return roundtrip_sizes(s, ARRAY_SIZE(s));
}

/* ---- decoder rejections ---- */

static int put_msg(u32 slot, size_t len)
{
	u32 wptr = slot;

	pattern(out, len, 11);
	return produce(slot, &wptr, 5, 0, out, len);
}

static void reseal_at(u32 slot, u32 elem)
{
	memcpy(stage, ring_mem + (size_t)slot * PG, (size_t)elem * PG);
	((struct GSP_MSG_QUEUE_ELEMENT *)stage)->checkSum = 0;
	((struct GSP_MSG_QUEUE_ELEMENT *)stage)->checkSum =
		nvc_msgq_csum(stage, (size_t)elem * PG);
	memcpy(ring_mem + (size_t)slot * PG, stage, (size_t)elem * PG);
}

static int recv_rejections(void)
{
	struct nvc_msgq_msg_info info;
	u32 r = 5;

	reset_ring();
	/* empty ring */
	T_EQ(nvc_msgq_recv(&ring, 5, 5, out, sizeof(out), &info), -EAGAIN);
	/* invalid pointers */
	T_EQ(put_msg(r, 100), 1);
	T_EQ(nvc_msgq_recv(&ring, 63, 6, out, sizeof(out), &info), -EPROTO);
	T_EQ(nvc_msgq_recv(&ring, 5, 63, out, sizeof(out), &info), -EPROTO);
	T_EQ(nvc_msgq_recv(&ring, 5, ~0u, out, sizeof(out), &info), -EPROTO);
	T_EQ(nvc_msgq_recv(&ring, 5, 6, out, sizeof(out), &info), 0);

	/* elemCount 0, 17, and more than available */
	elem_at(r)->elemCount = 0;
	reseal_at(r, 1);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info),
	     -EBADMSG);
	elem_at(r)->elemCount = 17;
	T_EQ(nvc_msgq_recv(&ring, r, r + 40, out, sizeof(out), &info),
	     -EBADMSG);
	T_EQ(put_msg(r, 0x1800), 2);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info),
	     -EBADMSG);
	T_EQ(nvc_msgq_recv(&ring, r, r + 2, out, sizeof(out), &info), 0);

	/* rpc.length inconsistent with elemCount, or too small */
	T_EQ(put_msg(r, 0x1800), 2);
	elem_at(r)->rpc.length = 0x100;		/* would be 1 page */
	reseal_at(r, 2);
	T_EQ(nvc_msgq_recv(&ring, r, r + 2, out, sizeof(out), &info),
	     -EBADMSG);
	elem_at(r)->rpc.length = 0x1fd1;	/* would be 3 pages */
	reseal_at(r, 2);
	T_EQ(nvc_msgq_recv(&ring, r, r + 3, out, sizeof(out), &info),
	     -EBADMSG);
	elem_at(r)->rpc.length = 0x1f;		/* below 0x50 total */
	elem_at(r)->elemCount = 1;
	reseal_at(r, 1);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info),
	     -EBADMSG);
	elem_at(r)->rpc.length = 0xffffffe0;	/* 0x30 + len wraps u32 */
	reseal_at(r, 1);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info),
	     -EBADMSG);

	/* header_version and signature */
	T_EQ(put_msg(r, 100), 1);
	elem_at(r)->rpc.header_version = 0x02000000;
	reseal_at(r, 1);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info),
	     -EBADMSG);
	T_EQ(put_msg(r, 100), 1);
	elem_at(r)->rpc.signature = 0x43505257;
	reseal_at(r, 1);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info),
	     -EBADMSG);

	/* checksum: next_rptr still reported so the caller can skip */
	T_EQ(put_msg(r, 0x1800), 2);
	ring_mem[(r + 1) * PG + 0x10] ^= 0x40;
	memset(&info, 0, sizeof(info));
	T_EQ(nvc_msgq_recv(&ring, r, r + 2, out, sizeof(out), &info), -EILSEQ);
	T_EQ(info.next_rptr, r + 2);
	/* element checkSum field itself */
	T_EQ(put_msg(r, 100), 1);
	elem_at(r)->checkSum ^= 1;
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info), -EILSEQ);

	/* output buffer too small */
	T_EQ(put_msg(r, 100), 1);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, 0x50 + 99, &info),
	     -EOVERFLOW);
	T_EQ(info.msg_size, 0x50 + 104);
	T_EQ(info.next_rptr, r + 1);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, 0x50 + 104, &info), 0);

	/* stale bytes after the message (nova-core style) are accepted */
	T_EQ(put_msg(r, 100), 1);
	memset(ring_mem + r * PG + 0x50 + 104, 0x5a, PG - 0x50 - 104);
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info), 0);
	/* ... but not inside the 8-byte-rounded tail */
	ring_mem[r * PG + 0x50 + 101] = 1;
	T_EQ(nvc_msgq_recv(&ring, r, r + 1, out, sizeof(out), &info), -EILSEQ);
	return 0;
}

/* ---- CVE-2024-58019: read pointer advances by elemCount ---- */

static int cve_2024_58019_two_page(void)
{
	struct nvc_msgq_msg_info info;
	u8 payload[0x1800];
	u32 wptr = 20;

	reset_ring();
	pattern(payload, sizeof(payload), 1);
	T_EQ(produce(20, &wptr, 0x1001, 0, payload, sizeof(payload)), 2);
	T_EQ(produce(20, &wptr, 0x1002, 1, payload, 64), 1);
	T_EQ(wptr, 23);

	T_EQ(nvc_msgq_recv(&ring, 20, wptr, out, sizeof(out), &info), 0);
	T_EQ(info.function, 0x1001);
	T_EQ(info.next_rptr, 22);	/* exactly 2, not 1 */
	/* the wrong advance (by one page) finds no valid header */
	T_EQ(nvc_msgq_recv(&ring, 21, wptr, out, sizeof(out), &info),
	     -EBADMSG);
	T_EQ(nvc_msgq_recv(&ring, 22, wptr, out, sizeof(out), &info), 0);
	T_EQ(info.function, 0x1002);
	T_EQ(info.seq, 1);
	T_EQ(info.next_rptr, 23);
	T_ASSERT(!memcmp(out + 0x50, payload, 64));
	return 0;
}

static int cve_2024_58019_mixed_wrap(void)
{
	static const size_t lens[] = {
		0x100, 0x1000, 0x20, 0x2fb0, 0xfb1, CHUNK, 0x1fb0, 0, 0x5000,
		0xfb0, 0x1000, 0x8000,
	};
	static u8 payload[CHUNK];
	struct nvc_msgq_msg_info info;
	u32 rptr = 50, wptr = 50, sent = 0, got = 0, wraps = 0, iter = 0;
	int elem;

	reset_ring();
	while (got < 400) {
		T_ASSERT(++iter < 10000);	/* no progress */
		/* produce as much as fits */
		while (sent < 400) {
			size_t len = lens[sent % ARRAY_SIZE(lens)];

			pattern(payload, len, sent);
			elem = produce(rptr, &wptr, 0x2000 + sent, sent,
				       payload, len);
			if (elem == -ENOSPC)
				break;
			T_ASSERT(elem > 0);
			sent++;
		}
		/* consume two messages */
		for (int k = 0; k < 2 && got < sent; k++) {
			size_t len = lens[got % ARRAY_SIZE(lens)];
			u32 e = nvc_msgq_elem_count(0x20 + (u32)len);

			T_EQ(nvc_msgq_recv(&ring, rptr, wptr, out, sizeof(out),
					   &info), 0);
			T_EQ(info.function, 0x2000 + got);
			T_EQ(info.seq, got);
			T_EQ(info.rpc_length, 0x20 + len);
			T_EQ(info.elem_count, e);
			T_EQ(info.next_rptr, (rptr + e) % COUNT);
			pattern(payload, len, got);
			T_ASSERT(!memcmp(out + 0x50, payload, len));
			if (info.next_rptr < rptr)
				wraps++;
			rptr = info.next_rptr;
			got++;
		}
	}
	T_EQ(nvc_msgq_recv(&ring, rptr, wptr, out, sizeof(out), &info),
	     -EAGAIN);
	T_ASSERT(wraps >= 10);
	return 0;
}

/* ---- CVE-2024-58018: producer free space across the wrap ---- */

static u8 snap[COUNT * PG];

/* Are entries [rptr, wptr) identical to the snapshot? */
static int unread_intact(u32 rptr, u32 wptr)
{
	u32 s;

	for (s = rptr; s != wptr; s = (s + 1) % COUNT)
		if (memcmp(ring_mem + (size_t)s * PG, snap + (size_t)s * PG,
			   PG))
			return 0;
	return 1;
}

static int cve_2024_58018_wrapped_space(void)
{
	u32 rptr = 40, wptr = 10, nw = 0;
	int elem;

	reset_ring();
	pattern(ring_mem, sizeof(ring_mem), 77);
	memcpy(snap, ring_mem, sizeof(snap));
	T_EQ(nvc_msgq_tx_free(COUNT, rptr, wptr), 29);
	/* [wptr, end) is 53 pages but only 29 are free: 16+16 refused */
	elem = nvc_msgq_encode(stage, sizeof(stage), 1, 0, NULL, CHUNK);
	T_EQ(elem, 16);
	T_EQ(nvc_msgq_write(&ring, rptr, wptr, stage, 16, &nw), 0);
	T_EQ(nw, 26);
	wptr = nw;
	T_ASSERT(unread_intact(rptr, 10));
	T_EQ(nvc_msgq_write(&ring, rptr, wptr, stage, 16, &nw), -ENOSPC);
	T_EQ(nw, 26);
	T_ASSERT(!memcmp(ring_mem + 26 * PG, snap + 26 * PG, 37 * PG));
	T_EQ(nvc_msgq_write(&ring, rptr, wptr, stage, 13, &nw), 0);
	T_EQ(nw, 39);
	T_EQ(nvc_msgq_tx_free(COUNT, rptr, nw), 0);
	T_ASSERT(unread_intact(rptr, 10));
	return 0;
}

static int cve_2024_58018_fill_capacity(void)
{
	static const size_t pages[] = { 16, 16, 16, 14 };
	struct nvc_msgq_msg_info info;
	u32 rptr = 20, wptr = 20, nw, i;
	int elem;

	reset_ring();
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		size_t len = pages[i] * PG - 0x50;

		memcpy(snap, ring_mem, sizeof(snap));
		pattern(out, len, i);
		elem = produce(rptr, &wptr, 0x100 + i, i, out, len);
		T_EQ(elem, pages[i]);
		T_ASSERT(unread_intact(rptr, (wptr + COUNT - elem) % COUNT));
	}
	T_EQ(wptr, (20 + 62) % COUNT);
	T_EQ(nvc_msgq_tx_free(COUNT, rptr, wptr), 0);
	T_EQ(nvc_msgq_rx_avail(COUNT, rptr, wptr), 62);

	/* one more page is refused and nothing is overwritten */
	memcpy(snap, ring_mem, sizeof(snap));
	nw = 0xdead;
	T_EQ(nvc_msgq_encode(stage, sizeof(stage), 9, 9, NULL, 0), 1);
	T_EQ(nvc_msgq_write(&ring, rptr, wptr, stage, 1, &nw), -ENOSPC);
	T_EQ(nw, 0xdead);
	T_ASSERT(!memcmp(snap, ring_mem, sizeof(snap)));

	/* everything reads back intact */
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		T_EQ(nvc_msgq_recv(&ring, rptr, wptr, out, sizeof(out), &info),
		     0);
		T_EQ(info.function, 0x100 + i);
		T_EQ(info.elem_count, pages[i]);
		rptr = info.next_rptr;
		/* space reappears as the consumer advances */
		T_EQ(nvc_msgq_tx_free(COUNT, rptr, wptr),
		     62 - nvc_msgq_rx_avail(COUNT, rptr, wptr));
	}
	T_EQ(rptr, wptr);
	return 0;
}

static int cve_2024_58018_random(void)
{
	struct nvc_msgq_msg_info info;
	u32 rptr = 0, wptr = 0, seed = 12345, n;
	int elem, refused = 0;

	reset_ring();
	for (n = 0; n < 3000; n++) {
		seed = seed * 1103515245u + 12345u;
		if ((seed >> 16) % 3) {
			size_t len = (seed >> 8) % (CHUNK + 1);
			int before = nvc_msgq_tx_free(COUNT, rptr, wptr);

			memcpy(snap, ring_mem, sizeof(snap));
			elem = produce(rptr, &wptr, n, n, NULL, len);
			if (elem == -ENOSPC) {
				refused++;
				T_ASSERT((int)nvc_msgq_elem_count(0x20 + len) >
					 before);
				T_ASSERT(!memcmp(snap, ring_mem, sizeof(snap)));
			} else {
				T_ASSERT(elem > 0 && elem <= before);
				T_ASSERT(unread_intact(rptr,
					(wptr + COUNT - elem) % COUNT));
			}
		} else {
			int ret = nvc_msgq_recv(&ring, rptr, wptr, out,
						sizeof(out), &info);

			if (ret == -EAGAIN) {
				T_EQ(rptr, wptr);
				continue;
			}
			T_EQ(ret, 0);
			rptr = info.next_rptr;
		}
	}
	T_ASSERT(refused > 10);
	return 0;
}

/* ---- continuation records ---- */

static int split_check(size_t len)
{
	struct nvc_rpc_split s;
	u8 *payload = malloc(len + 1), *cat = malloc(len + 1);
	const void *chunk;
	size_t clen, off = 0, n = 0;
	u32 fn;
	int rc = 1;

	if (!payload || !cat)
		goto out;
	pattern(payload, len, (u32)len);
	nvc_rpc_split_init(&s, 76, payload, len);
	while (nvc_rpc_split_next(&s, &fn, &chunk, &clen)) {
		if (fn != (n ? NVC_RPC_FN_CONTINUATION : 76u) ||
		    clen > CHUNK || (off + clen < len && clen != CHUNK) ||
		    chunk != payload + off) {
			snprintf(nvt_why, sizeof(nvt_why),
				 "part %zu: fn %u len %#zx", n, fn, clen);
			goto out;
		}
		memcpy(cat + off, chunk, clen);
		off += clen;
		n++;
	}
	if (off != len || n != nvc_rpc_split_count(len) ||
	    memcmp(cat, payload, len)) {
		snprintf(nvt_why, sizeof(nvt_why),
			 "len %#zx: got %zu bytes in %zu parts", len, off, n);
		goto out;
	}
	rc = 0;
out:
	free(payload);
	free(cat);
	return rc;
}

static int split_sizes(void)
{
	static const size_t lens[] = {
		0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK,
		2 * CHUNK + 1, 1 << 20,
	};
	size_t i;

	T_EQ(nvc_rpc_split_count(0), 1);
	T_EQ(nvc_rpc_split_count(CHUNK), 1);
	T_EQ(nvc_rpc_split_count(CHUNK + 1), 2);
	T_EQ(nvc_rpc_split_count(2 * CHUNK), 2);
	T_EQ(nvc_rpc_split_count(2 * CHUNK + 1), 3);
	T_EQ(nvc_rpc_split_count(1 << 20), 17);
	for (i = 0; i < ARRAY_SIZE(lens); i++)
		if (split_check(lens[i]))
			return 1;
	return 0;
}

/*
 * Send @len bytes through the ring as first part + continuations (the
 * producer waits for the consumer like a real one would) and reassemble
 * them on the receive side. @derive: reassemble without a known total.
 */
static int ring_transfer(size_t len, bool derive)
{
	u8 *payload = malloc(len + 1), *dst = malloc(len + CHUNK);
	struct nvc_msgq_msg_info info;
	struct nvc_rpc_reasm r;
	struct nvc_rpc_split s;
	u32 rptr = 60, wptr = 60, fn, seq = 0, msgs = 0;
	const void *chunk;
	size_t clen;
	bool pending, started = false;
	int ret = 1, st = NVC_RPC_REASM_MORE;

	if (!payload || !dst)
		goto out;
	reset_ring();
	pattern(payload, len, 99);
	nvc_rpc_split_init(&s, 0x20, payload, len);
	nvc_rpc_reasm_init(&r, dst, len + CHUNK);
	pending = nvc_rpc_split_next(&s, &fn, &chunk, &clen);
	while (pending || rptr != wptr) {
		if (pending) {
			int e = produce(rptr, &wptr, fn, seq, chunk, clen);

			if (e > 0) {
				seq++;
				pending = nvc_rpc_split_next(&s, &fn, &chunk,
							     &clen);
				continue;
			}
			if (e != -ENOSPC)
				goto fail;
		}
		/* ring full (or all sent): let the consumer run */
		if (nvc_msgq_recv(&ring, rptr, wptr, out, sizeof(out), &info))
			goto fail;
		rptr = info.next_rptr;
		msgs++;
		if (!started) {
			st = nvc_rpc_reasm_start(&r, info.function, out + 0x50,
						 info.rpc_length - 0x20,
						 derive ? 0 : len);
			started = true;
		} else {
			st = nvc_rpc_reasm_feed(&r, info.function, out + 0x50,
						info.rpc_length - 0x20);
		}
		if (st < 0)
			goto fail;
	}
	if (derive && len % CHUNK == 0 && len) {
		/* derived mode needs an empty terminator in this case */
		if (st != NVC_RPC_REASM_MORE)
			goto fail;
		st = nvc_rpc_reasm_feed(&r, NVC_RPC_FN_CONTINUATION, NULL, 0);
	}
	if (st != 0 || r.have != len || r.function != 0x20 ||
	    msgs != nvc_rpc_split_count(len) || memcmp(dst, payload, len))
		goto fail;
	ret = 0;
	goto out;
fail:
	snprintf(nvt_why, sizeof(nvt_why),
		 "len %#zx derive %d: st %d have %#zx msgs %u", len, derive, st,
		 r.have, msgs);
out:
	free(payload);
	free(dst);
	return ret;
}

static int continuation_ring_boundaries(void)
{
	static const size_t lens[] = {
		1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK,
		2 * CHUNK + 1,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		if (ring_transfer(lens[i], false))
			return 1;
		if (ring_transfer(lens[i], true))
			return 1;
	}
	return 0;
}

static int continuation_1mib(void)
{
	if (ring_transfer(1 << 20, false))
		return 1;
	return ring_transfer(1 << 20, true);
}

static int reply_over_64k(void)
{
	/* a 200000-byte reply: 4 messages, total > 64 KiB */
	if (ring_transfer(200000, false))
		return 1;
	return ring_transfer(200000, true);
}

static int reasm_rejections(void)
{
	static u8 buf[4 * CHUNK], part[CHUNK + 1];
	struct nvc_rpc_reasm r;

	nvc_rpc_reasm_init(&r, buf, sizeof(buf));
	/* not started */
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, 10), -EINVAL);
	/* a continuation cannot start a reply */
	T_EQ(nvc_rpc_reasm_start(&r, 71, part, CHUNK, 0), -ENOMSG);
	/* total larger than the buffer */
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, CHUNK, sizeof(buf) + 1),
	     -ENOSPC);
	/* first part larger than one message can carry */
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, CHUNK + 1, 0), -EINVAL);
	/* first part beyond expected total */
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, 100, 99), -EOVERFLOW);

	/* unexpected function in the middle; state is dead afterwards */
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, CHUNK, 2 * CHUNK),
	     NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 76, part, 10), -ENOMSG);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, 10), -EINVAL);

	/* overflow beyond the expected total */
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, CHUNK, CHUNK + 100),
	     NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, 101), -EOVERFLOW);
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, CHUNK, CHUNK + 100),
	     NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, 100), 0);
	T_EQ(r.have, CHUNK + 100);
	/* finished: further continuations are rejected */
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, 1), -EINVAL);
	/* oversized continuation */
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, CHUNK, 3 * CHUNK),
	     NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, CHUNK + 1), -EOVERFLOW);

	/* too many parts: 2 allowed for a 2*CHUNK total */
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, 100, 2 * CHUNK),
	     NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, 100), NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, 100), -E2BIG);
	/* endless empty continuations are bounded too */
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, CHUNK, 0), NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, CHUNK), NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, CHUNK), NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, CHUNK), NVC_RPC_REASM_MORE);
	/* derived mode: buffer (4 chunks) full, a 5th part cannot fit */
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, CHUNK), -E2BIG);
	nvc_rpc_reasm_init(&r, buf, 2 * CHUNK + 10);
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, CHUNK, 0), NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, CHUNK), NVC_RPC_REASM_MORE);
	T_EQ(nvc_rpc_reasm_feed(&r, 71, part, 11), -ENOSPC);

	/* single-part replies complete immediately */
	nvc_rpc_reasm_init(&r, buf, sizeof(buf));
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, 100, 100), 0);
	T_EQ(nvc_rpc_reasm_start(&r, 76, part, 100, 0), 0);
	T_EQ(r.total, 100);
	return 0;
}

/*
 * nvc_msgq_put() must leave the ring byte-identical to encode + sequence +
 * seal + write, for every size class and across the wrap, over stale data.
 */
static int put_matches_encode_write(void)
{
	static const size_t sizes[] = { 0, 1, 7, 8, 9, 4000, 4048, 4049, 8143,
					8144, 20000, 65455, 65456 };
	static u8 ring_a[63 * 4096], ring_b[63 * 4096], stage[0x10000], pl[0x10000];
	struct nvc_msgq_ring a = { .entries = ring_a, .count = 63 };
	struct nvc_msgq_ring b = { .entries = ring_b, .count = 63 };
	unsigned int i, j;
	u32 wptr = 50;

	for (i = 0; i < sizeof(pl); i++)
		pl[i] = (u8)(i * 7 + 3);
	memset(ring_a, 0xaa, sizeof(ring_a));
	memset(ring_b, 0xaa, sizeof(ring_b));
	for (j = 0; j < 3; j++) {
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			struct GSP_MSG_QUEUE_ELEMENT *h = (void *)stage;
			u32 wa, wb, seq = i + 100 * j, sq = 0x1000 + i;
			int ea, eb;

			ea = nvc_msgq_put(&a, wptr, wptr, 0x4c, seq, sq, pl,
					  sizes[i], &wa);
			eb = nvc_msgq_encode(stage, sizeof(stage), 0x4c, seq, pl,
					     sizes[i]);
			T_EQ(ea, eb);
			h->rpc.sequence = sq;
			T_EQ(nvc_msgq_seal(stage, sizeof(stage)), eb);
			T_EQ(nvc_msgq_write(&b, wptr, wptr, stage, eb, &wb), 0);
			T_EQ(wa, wb);
			T_ASSERT(!memcmp(ring_a, ring_b, sizeof(ring_a)));
			wptr = wa;
		}
	}
	/* Full ring and oversize payload are refused. */
	T_EQ(nvc_msgq_put(&a, 5, 4, 0, 0, 0, pl, 0, &wptr), -ENOSPC);
	T_EQ(nvc_msgq_put(&a, 0, 0, 0, 0, 0, pl, 65457, &wptr), -E2BIG);
	T_EQ(nvc_msgq_put(&a, 63, 0, 0, 0, 0, pl, 1, &wptr), -EPROTO);
	return 0;
}

/* ---- stale tails (OGKM-535 producer) and take() into place ---- */

/*
 * Place a message the way OGKM-535's message_queue_cpu.c sends one: the
 * staging buffer is reused, zero-padded to the next 8 bytes only, and the
 * checksum covers all elemCount pages, stale bytes included. With
 * @whole false the checksum covers 0x30 + rpc.length only (OGKM-570).
 */
static u32 put_stale(u32 slot, size_t len, u32 seed, bool whole)
{
	struct GSP_MSG_QUEUE_ELEMENT *h = (void *)stage;
	u32 used = NVRM_MSG_HDR_SIZE + NVRM_RPC_HDR_SIZE + (u32)len, k;
	u32 elem = nvc_msgq_elem_count(NVRM_RPC_HDR_SIZE + (u32)len);

	pattern(stage, sizeof(stage), seed ^ 0x5a5a);	/* the stale bytes */
	memset(h, 0, sizeof(*h));
	h->seqNum = seed;
	h->elemCount = elem;
	h->rpc.header_version = NVRM_RPC_HEADER_VERSION;
	h->rpc.signature = NVRM_RPC_SIGNATURE;
	h->rpc.length = NVRM_RPC_HDR_SIZE + (u32)len;
	h->rpc.function = 76;
	pattern(stage + sizeof(*h), len, seed);
	memset(stage + used, 0, ALIGN(used, 8) - used);
	h->checkSum = nvc_msgq_csum(stage, whole ? (size_t)elem * PG :
				    ALIGN(used, 8));
	for (k = 0; k < elem; k++)
		memcpy(ring_mem + (size_t)((slot + k) % COUNT) * PG,
		       stage + (size_t)k * PG, PG);
	return elem;
}

static int stale_tail_accepted(void)
{
	static const size_t lens[] = { 0, 1, 7, 8, 100, 4000, 4048, 4049,
				       9000, CHUNK };
	struct nvc_msgq_msg_info info;
	size_t i;
	u32 elem;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		struct GSP_MSG_QUEUE_ELEMENT *h = (void *)stage;
		size_t short_len;

		reset_ring();
		elem = put_stale(60, lens[i], (u32)i + 1, true);
		short_len = ALIGN(NVRM_MSG_HDR_SIZE + h->rpc.length, 8);
		/* The short range alone does not fold to zero here... */
		if (short_len < (size_t)elem * PG)
			T_EQ(nvc_msgq_verify(stage, short_len), -EILSEQ);
		/* ...all pages do, and the receiver accepts it. */
		T_EQ(nvc_msgq_verify(stage, (size_t)elem * PG), 0);
		T_EQ(nvc_msgq_recv(&ring, 60, (60 + elem) % COUNT, out,
				   sizeof(out), &info), 0);
		T_ASSERT(!memcmp(out + NVC_MSG_PAYLOAD_OFF,
				 stage + NVC_MSG_PAYLOAD_OFF, lens[i]));
		/* The stale tail is covered: damage in it is caught. */
		if (short_len < (size_t)elem * PG) {
			size_t off = (size_t)elem * PG - 1;

			ring_mem[(size_t)((60 + off / PG) % COUNT) * PG +
				 off % PG] ^= 0x10;
			T_EQ(nvc_msgq_recv(&ring, 60, (60 + elem) % COUNT, out,
					   sizeof(out), &info), -EILSEQ);
		}
		/* A short-range checksum with a stale tail (OGKM-570). */
		reset_ring();
		elem = put_stale(61, lens[i], (u32)i + 7, false);
		T_EQ(nvc_msgq_recv(&ring, 61, (61 + elem) % COUNT, out,
				   sizeof(out), &info), 0);
	}
	return 0;
}

static int take_into_place(void)
{
	static u8 dst[CHUNK + 64];
	struct GSP_MSG_QUEUE_ELEMENT hdr;
	struct nvc_msgq_msg_info info;
	u32 elem;
	size_t n;

	reset_ring();
	elem = put_stale(55, CHUNK, 3, true);	/* wraps: 16 pages from 55 */
	T_EQ(nvc_msgq_peek(&ring, 55, (55 + elem) % COUNT, &hdr, &info), 0);
	T_EQ(info.function, 76u);
	T_EQ(info.elem_count, elem);
	for (n = 0; n <= CHUNK; n += n < 64 ? 1 : 4093) {
		memset(dst, 0xee, sizeof(dst));
		T_EQ(nvc_msgq_take(&ring, 55, &hdr, &info, dst, n), 0);
		T_ASSERT(!memcmp(dst, stage + NVC_MSG_PAYLOAD_OFF, n));
		T_EQ(dst[n], 0xee);	/* nothing written past @len */
	}
	T_EQ(nvc_msgq_take(&ring, 55, &hdr, &info, dst, CHUNK + 1), -EINVAL);
	T_EQ(nvc_msgq_take(&ring, 55, &hdr, &info, NULL, 0), 0);
	/* The header used is the fetched copy, not the ring's. */
	elem_at(55)->rpc.function = 77;
	T_EQ(nvc_msgq_take(&ring, 55, &hdr, &info, dst, 10), 0);
	hdr.rpc.function = 77;
	T_EQ(nvc_msgq_take(&ring, 55, &hdr, &info, dst, 10), -EILSEQ);
	return 0;
}

int main(void)
{
	RUN(ring_arith_basic);
	RUN(ring_arith_wrap);
	RUN(ring_arith_invalid);
	RUN(elem_count);
	RUN(hdr_init_check);
	RUN(csum_vectors);
	RUN(csum_roundtrip);
	RUN(encode_fields);
	RUN(encode_errors);
	RUN(roundtrip_1page);
	RUN(roundtrip_2page);
	RUN(roundtrip_16page);
	RUN(roundtrip_all_sizes);
	RUN(roundtrip_wrap);
	RUN(recv_rejections);
	RUN(cve_2024_58019_two_page);
	RUN(cve_2024_58019_mixed_wrap);
	RUN(cve_2024_58018_wrapped_space);
	RUN(cve_2024_58018_fill_capacity);
	RUN(cve_2024_58018_random);
	RUN(split_sizes);
	RUN(continuation_ring_boundaries);
	RUN(continuation_1mib);
	RUN(reply_over_64k);
	RUN(reasm_rejections);
	RUN(put_matches_encode_write);
	RUN(stale_tail_accepted);
	RUN(take_into_place);
	return nvt_failed ? 1 : 0;
}
