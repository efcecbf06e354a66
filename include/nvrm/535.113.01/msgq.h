/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * GSP-RM 535.113.01: shared-memory message queues, queue elements and the RPC
 * message header. Byte-identical in every supported version: the
 * definitions live in ../common/msgq.h (checked against this version's
 * rows of the layout table by tests/abi).
 */
#ifndef NVRM_535_MSGQ_H
#define NVRM_535_MSGQ_H

#include "../common/msgq.h"

#endif /* NVRM_535_MSGQ_H */
