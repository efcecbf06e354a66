// SPDX-License-Identifier: GPL-2.0
/*
 * nvcore: the core driver for NVIDIA GPUs running GSP-RM.
 *
 * DOC: nvcore overview
 *
 * nvcore owns the GPU: it boots GSP-RM and talks to it, enumerates the
 * hardware, partitions shared resources among its clients, handles
 * exceptions and dispatches events. It depends on no DRM and no VFIO code;
 * the DRM and vGPU drivers are clients that bind to auxiliary devices it
 * creates. Two bus backends find GPUs: PCI (real hardware) and sim (the
 * platform devices registered by nvsim.ko). Nothing above the backend knows
 * which one is in use.
 */
#include <linux/module.h>

#include "nvcore.h"

static int __init nvc_init(void)
{
	int ret;

	nvc_debugfs_init();
	ret = nvc_sim_backend_register();
	if (ret)
		goto err_debugfs;
	ret = nvc_pci_backend_register();
	if (ret)
		goto err_sim;
	return 0;

err_sim:
	nvc_sim_backend_unregister();
err_debugfs:
	nvc_debugfs_fini();
	return ret;
}

static void __exit nvc_exit(void)
{
	nvc_pci_backend_unregister();
	nvc_sim_backend_unregister();
	nvc_debugfs_fini();
}

module_init(nvc_init);
module_exit(nvc_exit);

MODULE_DESCRIPTION("nvcore: core driver for NVIDIA GSP-RM GPUs");
MODULE_LICENSE("GPL");
