// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_generic: module start and stop.  Nothing but bringing the parts up
 * in order and down in reverse.
 */
#include "ppp_generic.h"

unsigned int ppp_net_id __read_mostly;
/* Serialises every /dev/ppp ioctl, as in-tree; taken before rtnl. */
DEFINE_MUTEX(ppp_ioctl_mutex);

static struct class *ppp_class;

struct ppp_net *ppp_pernet(struct net *net)
{
	return net_generic(net, ppp_net_id);
}

static __net_init int ppp_net_init(struct net *net)
{
	struct ppp_net *pn = ppp_pernet(net);

	idr_init(&pn->units);
	mutex_init(&pn->units_lock);
	INIT_LIST_HEAD(&pn->channels);
	spin_lock_init(&pn->chans_lock);
	return ppp_stats_proc_init(net);
}

static __net_exit void ppp_net_exit_batch_rtnl(struct list_head *net_list,
					       struct list_head *kill)
{
	struct net *net;

	list_for_each_entry(net, net_list, exit_list)
		ppp_netdev_unregister_all(net, kill);
}

static __net_exit void ppp_net_exit(struct net *net)
{
	struct ppp_net *pn = ppp_pernet(net);

	/* Every unit went with its device; channels pin their netns. */
	WARN_ON_ONCE(!idr_is_empty(&pn->units));
	idr_destroy(&pn->units);
	ppp_stats_proc_exit(net);
}

static struct pernet_operations ppp_net_ops = {
	.init = ppp_net_init,
	.exit = ppp_net_exit,
	.exit_batch_rtnl = ppp_net_exit_batch_rtnl,
	.id   = &ppp_net_id,
	.size = sizeof(struct ppp_net),
};

static int __init ppp_init(void)
{
	struct device *dev;
	int err;

	/* the size of a unit's device, before any can be created */
	ppp_rx_gro_layout();

	err = ppp_unit_wq_init();
	if (err)
		return err;

	err = register_pernet_device(&ppp_net_ops);
	if (err)
		goto err_unit_wq_exit;

	err = register_chrdev(PPP_MAJOR, "ppp", &ppp_fops);
	if (err)
		goto err_unregister_pernet;

	ppp_class = ppp_compat_class_create("ppp");
	if (IS_ERR(ppp_class)) {
		err = PTR_ERR(ppp_class);
		goto err_unregister_chrdev;
	}
	dev = device_create(ppp_class, NULL, MKDEV(PPP_MAJOR, 0), NULL, "ppp");
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto err_destroy_class;
	}

	err = ppp_rtnl_register();
	if (err)
		goto err_destroy_device;

	pr_info("PPP generic driver (out-of-tree)\n");
	return 0;

err_destroy_device:
	device_destroy(ppp_class, MKDEV(PPP_MAJOR, 0));
err_destroy_class:
	class_destroy(ppp_class);
err_unregister_chrdev:
	unregister_chrdev(PPP_MAJOR, "ppp");
err_unregister_pernet:
	unregister_pernet_device(&ppp_net_ops);
err_unit_wq_exit:
	ppp_unit_wq_exit();
	return err;
}

static void __exit ppp_exit(void)
{
	/* Every fd is closed: wait for the devices their closes freed. */
	ppp_unit_wq_exit();
	ppp_rtnl_unregister();
	device_destroy(ppp_class, MKDEV(PPP_MAJOR, 0));
	class_destroy(ppp_class);
	unregister_chrdev(PPP_MAJOR, "ppp");
	unregister_pernet_device(&ppp_net_ops);
	/* Channels are freed from RCU callbacks that run our code. */
	rcu_barrier();
}

module_init(ppp_init);
module_exit(ppp_exit);

MODULE_DESCRIPTION("Generic PPP layer (out-of-tree, drop-in)");
MODULE_LICENSE("GPL");
MODULE_VERSION(PPP_VERSION);
MODULE_ALIAS_CHARDEV(PPP_MAJOR, 0);
MODULE_ALIAS_RTNL_LINK("ppp");
MODULE_ALIAS("devname:ppp");
