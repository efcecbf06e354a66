/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NVC_TEST_SIMG_CHECK_H
#define NVC_TEST_SIMG_CHECK_H

#include "fwimage.h"

int nvc_simg_check(const void *image, size_t size);

#endif /* NVC_TEST_SIMG_CHECK_H */
