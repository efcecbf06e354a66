// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: checks of a vGPU guest's RPC message as the plugin of one
 * firmware version makes them: rpc_message_header_v03_00 framing against
 * the version's function range (NV_VGPU_MSG_FUNCTION_NUM_FUNCTIONS: 0xcb in
 * 535.113.01, 0xe3 in 570.144) and SET_GUEST_SYSTEM_INFO against its VGX
 * version (OGKM <version> src/nvidia/.../vgpu/vgpu_version.h: 0x23.0x05,
 * 0x29.0x0c). Included by sim/fwabi.c (per version) and by
 * tests/fuzz/fuzz_sim_vgpu_guest*.c, after that version's headers and
 * NVSIM_ABI_VER. OS-independent.
 */
#if NVSIM_ABI_VER >= 570
#define NVSIM_VGX_MAJOR	NVRM_VGX_MAJOR_VERSION_570
#define NVSIM_VGX_MINOR	NVRM_VGX_MINOR_VERSION_570
#else
#define NVSIM_VGX_MAJOR	NVRM_VGX_MAJOR_VERSION_535
#define NVSIM_VGX_MINOR	NVRM_VGX_MINOR_VERSION_535
#endif

static u32 nvsim_g_rd32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

/**
 * nvsim_guest_hdr_check() - framing of the guest's RPC
 * @msg: the first 0x20 bytes of the message buffer
 * @buf_size: the message buffer's size
 *
 * Return: NV_VGPU_MSG_RESULT_SUCCESS or the rpc_result the plugin answers.
 */
static u32 nvsim_guest_hdr_check(const u8 *msg, u64 buf_size)
{
	u32 len = nvsim_g_rd32(msg + 0x8);

	if (nvsim_g_rd32(msg) != NVRM_RPC_HEADER_VERSION ||
	    nvsim_g_rd32(msg + 0x4) != NV_VGPU_MSG_SIGNATURE_VALID ||
	    len < sizeof(struct rpc_message_header_v03_00) || len > buf_size)
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	if (nvsim_g_rd32(msg + 0xc) >= NV_VGPU_MSG_FUNCTION_NUM_FUNCTIONS)
		return NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION;
	return NV_VGPU_MSG_RESULT_SUCCESS;
}

static int nvsim_str_in(const u8 *s, u32 len)
{
	return len && len <= NVRM_GUEST_INFO_BUF_SIZE && memchr(s, 0, len);
}

/**
 * nvsim_guest_sysinfo_check() - a SET_GUEST_SYSTEM_INFO payload
 * @payload: the bytes after the RPC header
 * @len: how many
 * @match: set when the guest's VGX version is the plugin's
 *
 * Each string length at most its buffer and the string terminated inside
 * it (the guest rounds the lengths up to 4 bytes: OGKM rpc.c).
 *
 * Return: NV_VGPU_MSG_RESULT_SUCCESS or INVALID_ARGUMENT /
 * RPC_INVALID_MESSAGE_FORMAT (too short).
 */
static u32 nvsim_guest_sysinfo_check(const u8 *payload, u64 len, bool *match)
{
	const struct rpc_set_guest_system_info_v03_00 *g = (const void *)payload;

	if (len < sizeof(*g))
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	if (!nvsim_str_in((const u8 *)g->guestDriverVersion, nvsim_g_rd32(payload + 0x8)) ||
	    !nvsim_str_in((const u8 *)g->guestVersion, nvsim_g_rd32(payload + 0xc)) ||
	    !nvsim_str_in((const u8 *)g->guestTitle, nvsim_g_rd32(payload + 0x10)))
		return NV_VGPU_MSG_RESULT_INVALID_ARGUMENT;
	*match = nvsim_g_rd32(payload) == NVSIM_VGX_MAJOR &&
		 nvsim_g_rd32(payload + 0x4) == NVSIM_VGX_MINOR;
	return NV_VGPU_MSG_RESULT_SUCCESS;
}
