/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: what the objects of the GSP-RM 570.144 layer share
 * (core/gsp/r570/ only).
 */
#ifndef NVC_GSP_R570_H
#define NVC_GSP_R570_H

struct nvc_static_summary;

int nvc_r570_static_info_parse(const void *buf, size_t len,
			       struct nvc_static_summary *out);

#endif /* NVC_GSP_R570_H */
