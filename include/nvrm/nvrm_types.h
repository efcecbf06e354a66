/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * Fixed-width types for the GSP-RM firmware ABI headers.
 *
 * The ABI headers are shared by nvcore's GSP layer, nvsim and the userspace
 * unit tests and fuzz targets, so they must build both in the kernel and in
 * a hosted C11 environment.
 */
#ifndef NVRM_TYPES_H
#define NVRM_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/build_bug.h>
#include <linux/stddef.h>
#else
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;
#endif

/* Every wire structure is naturally aligned little-endian data. */
#define NVRM_CHECK_SIZE(type, size) \
	static_assert(sizeof(struct type) == (size), #type " size")
#define NVRM_CHECK_OFF(type, field, off) \
	static_assert(offsetof(struct type, field) == (off), #type "." #field)

#endif /* NVRM_TYPES_H */
