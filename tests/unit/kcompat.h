/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-ins for the few kernel facilities used by the
 * OS-independent nvcore GSP code (core/gsp/common/msgq.c, core/gsp/fwimage.c),
 * so the same sources build into the unit tests and fuzz targets.
 */
#ifndef NVC_TESTS_KCOMPAT_H
#define NVC_TESTS_KCOMPAT_H

#ifdef __KERNEL__
#error "kcompat.h is for userspace builds only"
#endif

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nvrm/nvrm_types.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "nvcore userspace builds assume a little-endian host"
#endif

#ifndef U32_MAX
#define U32_MAX		((u32)~0U)
#endif

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

/* Compiler barrier, as in the kernel. */
#define barrier()	do { __asm__ __volatile__("" : : : "memory"); } while (0)
/* SMP barriers map onto C11 fences: acquire, release, full. */
#define smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)

/* Single, untorn accesses to shared memory (volatile, as in the kernel). */
#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); \
		     (void)(&_a == &_b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); \
		     (void)(&_a == &_b); _a > _b ? _a : _b; })
#define min_t(t, a, b)	min((t)(a), (t)(b))
#define max_t(t, a, b)	max((t)(a), (t)(b))
#define clamp(v, lo, hi)	min(max(v, lo), hi)

#define ALIGN(x, a)	(((x) + ((__typeof__(x))(a) - 1)) & \
			 ~((__typeof__(x))(a) - 1))
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define check_add_overflow(a, b, d)	__builtin_add_overflow(a, b, d)
#define check_mul_overflow(a, b, d)	__builtin_mul_overflow(a, b, d)

/* The queue and firmware formats are little-endian, as is the host. */
#define le16_to_cpu(x)	((u16)(x))
#define le32_to_cpu(x)	((u32)(x))
#define le64_to_cpu(x)	((u64)(x))
#define cpu_to_le32(x)	((u32)(x))
#define cpu_to_le64(x)	((u64)(x))

#endif /* NVC_TESTS_KCOMPAT_H */
