// SPDX-License-Identifier: GPL-2.0
/* nvsim's channel-parameter decoders, GSP-RM 570.144 (fuzz_sim_chanabi.h). */
#include <nvrm/570.144/nvrm.h>
#include "fuzz_sim_chanabi.h"
