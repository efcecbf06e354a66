// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of nvsim's wire codec (sim/wire.c): checksum, ring arithmetic,
 * element encode/decode and queue headers. Prints "PASS: <name>" or
 * "FAIL: <name> <why>" per case; exit status 1 if any case failed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "wire.h"

static char why[256];
static int failed;

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			snprintf(why, sizeof(why), "%s:%d: %s",		\
				 __FILE__, __LINE__, #cond);		\
			return 1;					\
		}							\
	} while (0)

#define RUN(fn)								\
	do {								\
		why[0] = '\0';						\
		if (fn()) {						\
			printf("FAIL: %s %s\n", #fn, why);		\
			failed++;					\
		} else {						\
			printf("PASS: %s\n", #fn);			\
		}							\
	} while (0)

static u8 buf[0x10000 + 64];
static u8 payload[0x20000];

/* Reference: byte i contributes rotated left by 8 * (i mod 8). */
static u32 ref_fold(const u8 *p, size_t len)
{
	u64 acc = 0;
	size_t i;

	for (i = 0; i < len; i++)
		acc ^= (u64)p[i] << (8 * (i % 8));
	return (u32)(acc >> 32) ^ (u32)acc;
}

static u64 rng = 0x123456789abcdefull;

static u32 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u32)rng;
}

static int fold_matches_reference(void)
{
	size_t len;
	u32 i;

	for (i = 0; i < sizeof(payload); i++)
		payload[i] = (u8)rnd();
	for (len = 0; len < 200; len++)
		CHECK(nvsim_wire_fold(payload + 1, len) == ref_fold(payload + 1, len));
	CHECK(nvsim_wire_fold(payload, 0x10000) == ref_fold(payload, 0x10000));
	CHECK(nvsim_wire_fold(payload, 0) == 0);
	return 0;
}

static int ring_arith(void)
{
	CHECK(nvsim_ring_free(0, 0, 63) == 62);
	CHECK(nvsim_ring_avail(0, 0, 63) == 0);
	CHECK(nvsim_ring_free(5, 4, 63) == 0);
	CHECK(nvsim_ring_avail(5, 4, 63) == 62);
	CHECK(nvsim_ring_avail(60, 2, 63) == 5);
	CHECK(nvsim_ring_free(60, 2, 63) == 57);
	CHECK(nvsim_ring_free(63, 0, 63) == 0);
	CHECK(nvsim_ring_avail(0, 63, 63) == 0);
	CHECK(nvsim_ring_avail(0xffffffff, 1, 63) == 0);
	CHECK(nvsim_ring_free(1, 2, 0) == 0);
	CHECK(nvsim_ring_advance(60, 3, 63) == 0);
	CHECK(nvsim_ring_advance(60, 5, 63) == 2);
	CHECK(nvsim_ring_advance(0, 62, 63) == 62);
	CHECK(nvsim_ring_advance(62, 63, 63) == 62);
	CHECK(nvsim_ring_advance(3, 0, 63) == 3);
	CHECK(nvsim_ring_advance(5, 5, 0) == 0);
	return 0;
}

static int encode_decode_roundtrip(void)
{
	static const u32 lens[] = { 0, 1, 7, 8, 0xfb0, 0xfb1, 0x1fb0, 0x1fb1,
				    0x8000, 0xffaf, 0xffb0 };
	struct nvsim_rpc_hdr t = {
		.function = 76, .rpc_result = 0x56,
		.rpc_result_private = 0x56, .sequence = 0xabcd1234,
	};
	struct nvsim_wire_msg m;
	unsigned int i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		size_t n = nvsim_wire_encode(buf, sizeof(buf), 40 + i, &t,
					     payload, lens[i]);
		u32 elems;

		CHECK(n == (size_t)nvsim_wire_elems_for(lens[i]) * 0x1000);
		CHECK(n == ((0x50 + lens[i] + 0xfff) / 0x1000) * 0x1000);
		CHECK(nvsim_wire_fold(buf, n) == 0);
		CHECK(nvsim_wire_peek_elems(buf, 63, &elems) == NVSIM_WIRE_OK);
		CHECK(elems * 0x1000 == n);
		CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_OK);
		CHECK(m.seq == 40 + i);
		CHECK(m.function == 76);
		CHECK(m.payload_len == lens[i]);
		CHECK(m.rpc->sequence == 0xabcd1234);
		CHECK(m.rpc->rpc_result == 0x56);
		CHECK(!memcmp(m.payload, payload, lens[i]));
	}
	CHECK(nvsim_wire_encode(buf, sizeof(buf), 0, &t, payload, 0xffb1) == 0);
	CHECK(nvsim_wire_encode(buf, 0x1000, 0, &t, payload, 0x1000) == 0);
	return 0;
}

/* nova-core style producers leave stale bytes after the message. */
static int stale_tail_accepted(void)
{
	struct nvsim_rpc_hdr t = { .function = 10 };
	struct nvsim_wire_msg m;
	size_t n = nvsim_wire_encode(buf, sizeof(buf), 1, &t, payload, 100);

	CHECK(n == 0x1000);
	memset(buf + 0x50 + 104, 0xa5, n - 0x50 - 104);
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_OK);
	/* ... but not inside the covered range (last partial word). */
	buf[0x50 + 101] ^= 1;
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_CSUM);
	return 0;
}

static int decode_rejects(void)
{
	struct nvsim_rpc_hdr t = { .function = 0 };
	struct nvsim_msgq_elem *e = (void *)buf;
	struct nvsim_wire_msg m;
	size_t n;
	u32 elems;

	n = nvsim_wire_encode(buf, sizeof(buf), 3, &t, payload, 0x1800);
	CHECK(n == 0x2000);
	CHECK(nvsim_wire_decode(buf, 0x1000, &m) == NVSIM_WIRE_E_ELEMS);
	CHECK(nvsim_wire_decode(buf, 0x40, &m) == NVSIM_WIRE_E_ELEMS);
	CHECK(nvsim_wire_peek_elems(buf, 1, &elems) == NVSIM_WIRE_E_ELEMS);

	e->elemCount = 0;
	nvsim_wire_reseal(buf, n);
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_ELEMS);
	CHECK(nvsim_wire_peek_elems(buf, 63, &elems) == NVSIM_WIRE_E_ELEMS);
	e->elemCount = 17;
	CHECK(nvsim_wire_peek_elems(buf, 63, &elems) == NVSIM_WIRE_E_ELEMS);
	e->elemCount = 1;
	nvsim_wire_reseal(buf, n);
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_LENGTH);

	n = nvsim_wire_encode(buf, sizeof(buf), 3, &t, payload, 16);
	e->rpc.length = 0x1f;
	nvsim_wire_reseal(buf, n);
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_LENGTH);
	e->rpc.length = 0xffd1;
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_LENGTH);
	e->rpc.length = 0xffffffff;
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_LENGTH);

	n = nvsim_wire_encode(buf, sizeof(buf), 3, &t, payload, 16);
	e->checkSum ^= 0x100;
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_CSUM);
	e->checkSum ^= 0x100;
	buf[0x50 + 3] ^= 0x80;
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_CSUM);

	n = nvsim_wire_encode(buf, sizeof(buf), 3, &t, payload, 16);
	e->rpc.signature = 0x12345678;
	nvsim_wire_reseal(buf, n);
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_HEADER);
	n = nvsim_wire_encode(buf, sizeof(buf), 3, &t, payload, 16);
	e->rpc.header_version = 0x02000000;
	nvsim_wire_reseal(buf, n);
	CHECK(nvsim_wire_decode(buf, n, &m) == NVSIM_WIRE_E_HEADER);
	return 0;
}

static int parts(void)
{
	CHECK(nvsim_wire_parts(0) == 1);
	CHECK(nvsim_wire_parts(0xffb0) == 1);
	CHECK(nvsim_wire_parts(0xffb1) == 2);
	CHECK(nvsim_wire_parts(2 * 0xffb0) == 2);
	CHECK(nvsim_wire_parts(2 * 0xffb0 + 1) == 3);
	CHECK(nvsim_wire_parts(4u << 20) == 65);
	CHECK(nvsim_wire_elems_for(0xffb0) == 16);
	CHECK(nvsim_wire_elems_for(0xffb1) == 0);
	CHECK(nvsim_wire_elems_for(0xfb0) == 1);
	CHECK(nvsim_wire_elems_for(0xfb1) == 2);
	return 0;
}

static int txhdr(void)
{
	struct nvsim_msgq_txhdr h;

	memset(&h, 0xff, sizeof(h));
	nvsim_wire_txhdr_init(&h);
	CHECK(nvsim_wire_txhdr_valid(&h));
	CHECK(h.msgCount == 63 && h.entryOff == 0x1000 && h.rxHdrOff == 0x20);
	h.writePtr = 62;
	CHECK(nvsim_wire_txhdr_valid(&h));
	h.writePtr = 63;
	CHECK(!nvsim_wire_txhdr_valid(&h));
	h.writePtr = 0;
	h.flags = 0;
	CHECK(!nvsim_wire_txhdr_valid(&h));
	nvsim_wire_txhdr_init(&h);
	h.msgCount = 64;
	CHECK(!nvsim_wire_txhdr_valid(&h));
	nvsim_wire_txhdr_init(&h);
	h.version = 1;
	CHECK(!nvsim_wire_txhdr_valid(&h));
	return 0;
}

/* Garbage never crashes the decoder (ASan/UBSan watch the accesses). */
static int garbage_decode(void)
{
	struct nvsim_wire_msg m;
	unsigned int i, j;
	u32 elems;

	for (i = 0; i < 20000; i++) {
		size_t size = (rnd() % 17) * 0x1000 + (rnd() % 3) * 8;
		u8 *p;

		if (size > 0x10000)
			size = 0x10000;
		p = malloc(size ? size : 1);
		CHECK(p);
		for (j = 0; j < size; j++)
			p[j] = (u8)rnd();
		if (size >= sizeof(struct nvsim_msgq_elem) && (i & 1)) {
			struct nvsim_msgq_elem *e = (void *)p;

			e->elemCount = rnd() % 18;
			e->rpc.length = rnd() % 0x11000;
		}
		if (size >= 0x1000)
			(void)nvsim_wire_peek_elems(p, rnd() % 64, &elems);
		if (nvsim_wire_decode(p, size, &m) == NVSIM_WIRE_OK)
			CHECK(m.payload + m.payload_len <= p + size);
		free(p);
	}
	return 0;
}

int main(void)
{
	RUN(fold_matches_reference);
	RUN(ring_arith);
	RUN(encode_decode_roundtrip);
	RUN(stale_tail_accepted);
	RUN(decode_rejects);
	RUN(parts);
	RUN(txhdr);
	RUN(garbage_decode);
	return failed ? 1 : 0;
}
