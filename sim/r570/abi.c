// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: GSP-RM 570.144 (sim/abi.h): sim/fwabi.c and sim/rpc.c compiled
 * against include/nvrm/570.144/.
 */
#include <nvrm/570.144/nvrm.h>

#define NVSIM_ABI_VER		570
#define NVSIM_ABI_NAME		nvsim_abi_r570
#define NVSIM_ABI_VERSION	"570.144"

#include "../fwabi.c"
