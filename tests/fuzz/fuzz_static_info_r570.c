// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the 570.144 static-info parser
 * (core/gsp/r570/static_info.c): the checks of fuzz_static_info.c.
 */
#define NVT_FW_R570 1
#include "fuzz_static_info.c"
