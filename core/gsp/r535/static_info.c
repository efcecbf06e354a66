// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: GspStaticConfigInfo parser of GSP-RM 535.113.01 (the shared
 * source tmpl/static_info.c against this version's layout). Also built in
 * userspace for the unit tests and the fuzz target.
 */
#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "kcompat.h"
#endif

#include <nvrm/535.113.01/nvrm.h>

#define NVC_FW_SYM(x)	nvc_r535_##x
#include "../tmpl/static_info.c"
