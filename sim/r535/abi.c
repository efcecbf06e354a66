// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: GSP-RM 535.113.01 (sim/abi.h): sim/fwabi.c and sim/rpc.c compiled
 * against include/nvrm/535.113.01/.
 */
#include <nvrm/535.113.01/nvrm.h>
/* The vGPU guest channel: 570.144's layout under either version. */
#include <nvrm/570.144/vgpu_guest.h>

#define NVSIM_ABI_VER		535
#define NVSIM_ABI_NAME		nvsim_abi_r535
#define NVSIM_ABI_VERSION	"535.113.01"

#include "../fwabi.c"
