/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* GSP-RM 535.113.01: LIBOS log records; see ../common/libos_log.h. */
#ifndef NVRM_535_LIBOS_LOG_H
#define NVRM_535_LIBOS_LOG_H

#include "../common/libos_log.h"

#endif /* NVRM_535_LIBOS_LOG_H */
