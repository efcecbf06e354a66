// SPDX-License-Identifier: GPL-2.0
/*
 * Check of a synthetic (mkgspfw) GSP-RM image, for the unit tests and the
 * fuzz target: nvcore itself never needs it (it parses the image as it
 * would NVIDIA's), so it is not in the module.
 */
#include "kcompat.h"
#include "fwimage.h"
#include "simg_check.h"

/**
 * nvc_simg_check() - verify a synthetic (mkgspfw) GSP-RM image
 * @image: .fwimage contents
 * @size: their size
 *
 * Return: 0 if the header is well formed, image_size equals @size and the
 * FNV-1a 64 hash matches; -ENOEXEC if there is no such header, -EINVAL for
 * a size mismatch, -EBADMSG for a hash mismatch.
 */
int nvc_simg_check(const void *image, size_t size)
{
	struct nvc_simg_hdr h;
	const u8 *p = image;

	if (size < sizeof(h))
		return -ENOEXEC;
	memcpy(&h, p, sizeof(h));
	if (memcmp(h.magic, NVC_SIMG_MAGIC, sizeof(h.magic)) ||
	    h.hdr_size != NVC_SIMG_HDR_SIZE || h.hdr_ver != NVC_SIMG_HDR_VER)
		return -ENOEXEC;
	if (h.image_size != size)
		return -EINVAL;
	if (nvc_fnv1a64(NVC_FNV64_BASIS, p + sizeof(h), size - sizeof(h)) !=
	    h.fnv1a64)
		return -EBADMSG;
	return 0;
}
