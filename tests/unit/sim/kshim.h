/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-ins for the kernel facilities sim/wire.c uses, so the
 * nvsim wire codec builds into tests/unit/sim. Owned by nvsim; independent
 * of nvcore's tests/unit/kcompat.h.
 */
#ifndef NVSIM_TESTS_KSHIM_H
#define NVSIM_TESTS_KSHIM_H

#ifdef __KERNEL__
#error "kshim.h is for userspace builds only"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nvrm/nvrm_types.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the nvsim wire tests assume a little-endian host"
#endif

#define le32_to_cpu(x)	((u32)(x))
#define le64_to_cpu(x)	((u64)(x))
#define cpu_to_le32(x)	((u32)(x))
#define cpu_to_le64(x)	((u64)(x))

#endif /* NVSIM_TESTS_KSHIM_H */
