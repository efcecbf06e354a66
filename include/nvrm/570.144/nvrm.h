/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 570.144 firmware ABI: umbrella header.
 *
 * Written from ../shared/gsp-rm-facts.md and ../shared/gsp-rm-layouts.tsv
 * (facts only).  tests/abi checks every structure here against the
 * compiled layout table.
 */
#ifndef NVRM_570_NVRM_H
#define NVRM_570_NVRM_H

#include "../nvrm_types.h"
#include "msgq.h"
#include "rpc_funcs.h"
#include "boot.h"
#include "rm.h"
#include "static_info.h"
#include "events.h"
#include "regs.h"
#include "vgpu.h"
#include "vgpu_guest.h"
#include "vmm.h"
#include "fifo.h"

#endif /* NVRM_570_NVRM_H */
