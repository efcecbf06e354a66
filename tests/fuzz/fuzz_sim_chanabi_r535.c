// SPDX-License-Identifier: GPL-2.0
/* nvsim's channel-parameter decoders, GSP-RM 535.113.01 (fuzz_sim_chanabi.h). */
#include <nvrm/535.113.01/nvrm.h>
#include "fuzz_sim_chanabi.h"
