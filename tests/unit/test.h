/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal test harness: each case returns 0 on success; on failure the
 * ASSERT macros record the reason and return 1. RUN() prints one line
 * "PASS: <name>" or "FAIL: <name> <why>" per case.
 */
#ifndef NVC_TESTS_TEST_H
#define NVC_TESTS_TEST_H

#include <stdio.h>

static char nvt_why[512];
static int nvt_failed;

#define T_ASSERT(cond)							\
	do {								\
		if (!(cond)) {						\
			snprintf(nvt_why, sizeof(nvt_why),		\
				 "%s:%d: %s", __FILE__, __LINE__, #cond); \
			return 1;					\
		}							\
	} while (0)

#define T_EQ(a, b)							\
	do {								\
		long long _a = (long long)(a), _b = (long long)(b);	\
		if (_a != _b) {						\
			snprintf(nvt_why, sizeof(nvt_why),		\
				 "%s:%d: %s == %lld, expected %s == %lld", \
				 __FILE__, __LINE__, #a, _a, #b, _b);	\
			return 1;					\
		}							\
	} while (0)

#define RUN(fn)								\
	do {								\
		nvt_why[0] = '\0';					\
		if (fn()) {						\
			printf("FAIL: %s %s\n", #fn, nvt_why);		\
			nvt_failed++;					\
		} else {						\
			printf("PASS: %s\n", #fn);			\
		}							\
		fflush(stdout);						\
	} while (0)

#endif /* NVC_TESTS_TEST_H */
