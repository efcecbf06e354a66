/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NVC_SELFTEST_H
#define NVC_SELFTEST_H

#include <linux/types.h>

struct nvc_gpu;
struct nvc_gsp;

/**
 * struct nvc_st_result - outcome of a transport self-test
 * @ok: RPCs answered with exactly their own payload
 * @bad: RPCs that failed or came back wrong
 * @first_err: first errno seen (or -EBADMSG for a wrong reply)
 * @ns: wall time of the whole test
 */
struct nvc_st_result {
	unsigned int ok;
	unsigned int bad;
	int first_err;
	u64 ns;
};

int nvc_selftest_rpc(struct nvc_gpu *gpu, struct nvc_gsp *gsp,
		     unsigned int callers, unsigned int n, size_t size,
		     struct nvc_st_result *res);
int nvc_bench_run(struct nvc_gpu *gpu, struct nvc_gsp *gsp, char *buf,
		  size_t size);

#endif /* NVC_SELFTEST_H */
