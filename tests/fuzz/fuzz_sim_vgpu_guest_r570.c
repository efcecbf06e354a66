// SPDX-License-Identifier: GPL-2.0
/* fuzz_sim_vgpu_guest with the plugin's message checks of GSP-RM 570.144. */
#define FUZZ_FW_R570 1
#include "fuzz_sim_vgpu_guest.c"
