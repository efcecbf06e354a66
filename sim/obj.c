// SPDX-License-Identifier: GPL-2.0
/*
 * nvsim: lookup in the RM object tree, for every firmware version's RM
 * (sim/rpc.c) and for the channel code (sim/chan.c). Objects are created
 * and freed by sim/rpc.c on the GSP thread, the only thread that touches
 * the tree.
 */
#include <linux/hashtable.h>

#include "nvsim.h"

/**
 * nvsim_obj_lookup() - find an RM object (GSP thread)
 * @gpu: the GPU
 * @client: client handle
 * @handle: object handle
 *
 * Return: the object or NULL.
 */
struct nvsim_obj *nvsim_obj_lookup(struct nvsim_gpu *gpu, u32 client,
				   u32 handle)
{
	struct nvsim_obj *o;

	hash_for_each_possible(gpu->rm.objs, o, node,
			       nvsim_obj_key(client, handle))
		if (o->client == client && o->handle == handle)
			return o;
	return NULL;
}
