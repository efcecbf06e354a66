// SPDX-License-Identifier: GPL-2.0
/* fuzz_vgpu_guest with the decoder compiled against GSP-RM 570.144. */
#define FUZZ_FW_R570 1
#include "fuzz_vgpu_guest.c"
