// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of nvsim's GP-entry and push-buffer decoders (sim/pbdec.h).
 * The expected words are built from the bit positions of OGKM clc46f.h as
 * the layout table gives them (written out here by hand, not through the
 * header's macros), and from nouveau's push-buffer macros
 * (drivers/gpu/drm/nouveau/include/nvif/push906f.h: incrementing header
 * 0x20000000 | count << 16 | subc << 13 | mthd >> 2). Prints "PASS: <name>"
 * or "FAIL: <name> <why>"; exit status 1 if any case failed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "kshim.h"
#include "pbdec.h"

/* Decode @n words; record the methods. Returns the last result. */
static int run(struct nvsim_pb_state *s, const u32 *w, int n,
	       struct nvsim_pb_method *out, int *nout)
{
	int i, r = NVSIM_PB_NONE;

	*nout = 0;
	for (i = 0; i < n; i++) {
		r = nvsim_pb_step(s, w[i], &out[*nout]);
		if (r == NVSIM_PB_METHOD)
			(*nout)++;
		if (r == NVSIM_PB_ERROR || r == NVSIM_PB_END_SEGMENT)
			break;
	}
	return r;
}

static u32 hdr(u32 secop, u32 count, u32 subc, u32 mthd)
{
	return secop << 29 | count << 16 | subc << 13 | mthd >> 2;
}

static int test_gp_entry(void)
{
	struct nvsim_gp_entry g;
	u64 va = 0x12345678900ull;	/* 41 bits: bits 39:0 survive */
	u32 e0 = (u32)va | 1;		/* FETCH_CONDITIONAL */
	u32 e1 = (u32)((va >> 32) & 0xff) | 1u << 9 | 0x1234u << 10 | 1u << 31;

	nvsim_gp_decode(e0, e1, &g);
	T_EQ(g.get, va & 0xfffffffffcull);
	T_EQ(g.length, 0x1234);
	T_EQ(g.subroutine, 1);
	T_EQ(g.sync_wait, 1);
	T_EQ(g.conditional, 1);
	T_EQ(g.opcode, 0);

	/* Maximum length: 21 bits (30:10). */
	nvsim_gp_decode(0, 0x7ffffc00u, &g);
	T_EQ(g.length, 0x1fffff);
	T_EQ(g.sync_wait, 0);

	/* A control entry: length 0, opcode 7:0. */
	nvsim_gp_decode(0, 3, &g);
	T_EQ(g.length, 0);
	T_EQ(g.opcode, NVC46F_GP_ENTRY1_OPCODE_PB_CRC);
	nvsim_gp_decode(0, 1, &g);
	T_EQ(g.opcode, NVC46F_GP_ENTRY1_OPCODE_ILLEGAL);
	/* Low two bits of GET are FETCH and reserved: never part of the VA. */
	nvsim_gp_decode(0xffffffffu, 0xffu, &g);
	T_EQ(g.get, 0xfffffffffcull);
	return 0;
}

static int test_inc(void)
{
	struct nvsim_pb_state s;
	struct nvsim_pb_method m[8];
	/* nouveau-style CE launch: OFFSET_IN_UPPER.. (4 words) on subch 4. */
	u32 w[] = { hdr(1, 4, 4, 0x400), 1, 2, 3, 4 };
	int n;

	nvsim_pb_reset(&s);
	T_EQ(w[0], 0x20048100u);
	T_EQ(run(&s, w, 5, m, &n), NVSIM_PB_METHOD);
	T_EQ(n, 4);
	T_EQ(m[0].method, 0x400);
	T_EQ(m[3].method, 0x40c);
	T_EQ(m[3].data, 4);
	T_EQ(m[2].subch, 4);
	return 0;
}

static int test_noninc_oneinc(void)
{
	struct nvsim_pb_state s;
	struct nvsim_pb_method m[8];
	u32 a[] = { hdr(3, 3, 1, 0x5c), 7, 8, 9 };
	u32 b[] = { hdr(5, 3, 2, 0x5c), 7, 8, 9 };
	int n;

	nvsim_pb_reset(&s);
	run(&s, a, 4, m, &n);
	T_EQ(n, 3);
	T_EQ(m[0].method, 0x5c);
	T_EQ(m[2].method, 0x5c);
	T_EQ(m[1].data, 8);

	nvsim_pb_reset(&s);
	run(&s, b, 4, m, &n);
	T_EQ(n, 3);
	T_EQ(m[0].method, 0x5c);
	T_EQ(m[1].method, 0x60);
	T_EQ(m[2].method, 0x60);
	T_EQ(m[2].subch, 2);
	return 0;
}

static int test_immd(void)
{
	struct nvsim_pb_state s;
	struct nvsim_pb_method m[2];
	u32 w[] = { hdr(4, 0x1abc, 3, 0x20) };
	int n;

	nvsim_pb_reset(&s);
	T_EQ(run(&s, w, 1, m, &n), NVSIM_PB_METHOD);
	T_EQ(n, 1);
	T_EQ(m[0].method, 0x20);
	T_EQ(m[0].data, 0x1abc);
	T_EQ(m[0].subch, 3);
	return 0;
}

static int test_old_formats(void)
{
	struct nvsim_pb_state s;
	struct nvsim_pb_method m[4];
	/* Old incrementing: count 28:18, byte address 12:2 (as bytes). */
	u32 inc[] = { 2u << 18 | 5u << 13 | 0x64, 0x11, 0x22 };
	u32 noninc[] = { 2u << 29 | 2u << 18 | 0x6c, 0x33, 0x44 };
	u32 bad[] = { 2u << 29 | 1u << 16 };
	int n;

	nvsim_pb_reset(&s);
	run(&s, inc, 3, m, &n);
	T_EQ(n, 2);
	T_EQ(m[0].method, 0x64);
	T_EQ(m[1].method, 0x68);
	T_EQ(m[1].subch, 5);

	nvsim_pb_reset(&s);
	run(&s, noninc, 3, m, &n);
	T_EQ(n, 2);
	T_EQ(m[1].method, 0x6c);
	T_EQ(m[1].data, 0x44);

	nvsim_pb_reset(&s);
	T_EQ(run(&s, bad, 1, m, &n), NVSIM_PB_ERROR);
	return 0;
}

static int test_nop_end_reserved(void)
{
	struct nvsim_pb_state s;
	struct nvsim_pb_method m[4];
	u32 nops[] = { 0, 0, hdr(1, 0, 0, 0x100), 0 };
	u32 end[] = { 7u << 29, hdr(4, 1, 0, 0x20) };
	u32 rsv[] = { 6u << 29 };
	int n;

	nvsim_pb_reset(&s);
	T_EQ(run(&s, nops, 4, m, &n), NVSIM_PB_NONE);
	T_EQ(n, 0);
	nvsim_pb_reset(&s);
	T_EQ(run(&s, end, 2, m, &n), NVSIM_PB_END_SEGMENT);
	T_EQ(n, 0);
	nvsim_pb_reset(&s);
	T_EQ(run(&s, rsv, 1, m, &n), NVSIM_PB_ERROR);
	return 0;
}

static int test_subdevice_mask(void)
{
	struct nvsim_pb_state s;
	struct nvsim_pb_method m[4];
	/* SET mask 0x2 (not us), a method, STORE 0x1, USE it, a method. */
	u32 w[] = { 1u << 16 | 0x2u << 4, hdr(4, 1, 0, 0x20),
		    2u << 16 | 0x1u << 4, 3u << 16, hdr(4, 2, 0, 0x20) };
	int n;

	nvsim_pb_reset(&s);
	run(&s, w, 5, m, &n);
	T_EQ(n, 1);
	T_EQ(m[0].data, 2);
	return 0;
}

static int test_split_across_calls(void)
{
	struct nvsim_pb_state s;
	struct nvsim_pb_method m[1];
	int i, got = 0;

	/* A header with 0x1fff data words: state carries word by word. */
	nvsim_pb_reset(&s);
	T_EQ(nvsim_pb_step(&s, hdr(3, 0x1fff, 7, 0x3ffc), m), NVSIM_PB_NONE);
	for (i = 0; i < 0x1fff; i++) {
		T_EQ(nvsim_pb_step(&s, i, m), NVSIM_PB_METHOD);
		T_EQ(m[0].method, 0x3ffc);
		got++;
	}
	T_EQ(got, 0x1fff);
	T_EQ(s.count, 0);
	/* Incrementing past the top of the method space wraps, never overflows. */
	nvsim_pb_reset(&s);
	nvsim_pb_step(&s, hdr(1, 2, 0, 0x3ffc), m);
	nvsim_pb_step(&s, 1, m);
	T_EQ(nvsim_pb_step(&s, 2, m), NVSIM_PB_METHOD);
	T_EQ(m[0].method, 0);
	return 0;
}

int main(void)
{
	RUN(test_gp_entry);
	RUN(test_inc);
	RUN(test_noninc_oneinc);
	RUN(test_immd);
	RUN(test_old_formats);
	RUN(test_nop_end_reserved);
	RUN(test_subdevice_mask);
	RUN(test_split_across_calls);
	return nvt_failed ? 1 : 0;
}
