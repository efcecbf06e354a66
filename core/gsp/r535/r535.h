/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvcore: what the objects of the GSP-RM 535.113.01 layer share
 * (core/gsp/r535/ only).
 */
#ifndef NVC_GSP_R535_H
#define NVC_GSP_R535_H

struct nvc_static_summary;

int nvc_r535_static_info_parse(const void *buf, size_t len,
			       struct nvc_static_summary *out);

#endif /* NVC_GSP_R535_H */
