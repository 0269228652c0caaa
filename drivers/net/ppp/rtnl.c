// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink link kind "ppp": `ip link add ... type ppp` style creation of
 * a unit from an unattached /dev/ppp fd (IFLA_PPP_DEV_FD), which is how
 * pppd 2.5 creates an interface with the name the user asked for in one
 * atomic step.  The fd becomes the unit's owner exactly as after
 * PPPIOCNEWUNIT: closing it deletes the interface.
 */
#include "ppp_generic.h"

static const struct nla_policy ppp_nl_policy[IFLA_PPP_MAX + 1] = {
	[IFLA_PPP_DEV_FD] = { .type = NLA_S32 },
};

static int ppp_nl_validate(struct nlattr *tb[], struct nlattr *data[],
			   struct netlink_ext_ack *extack)
{
	if (!data || !data[IFLA_PPP_DEV_FD])
		return -EINVAL;
	if (nla_get_s32(data[IFLA_PPP_DEV_FD]) < 0)
		return -EBADF;
	return 0;
}

/* Did the request name the interface? Otherwise it becomes ppp<unit>. */
static bool ppp_nl_has_name(struct nlattr *tb[])
{
	return tb[IFLA_IFNAME] && nla_len(tb[IFLA_IFNAME]) &&
	       *(char *)nla_data(tb[IFLA_IFNAME]);
}

static int ppp_nl_create(struct net *src_net, struct net_device *dev,
			 struct nlattr *tb[], struct nlattr *data[])
{
	struct ppp_unit *ppp = ppp_dev_unit(dev);
	struct file *file;
	int err;

	file = fget(nla_get_s32(data[IFLA_PPP_DEV_FD]));
	if (!file)
		return -EBADF;

	/*
	 * rtnl is held and the ioctl path takes ppp_ioctl_mutex before
	 * rtnl: waiting here could deadlock.  pppd retries on EBUSY.
	 */
	if (!mutex_trylock(&ppp_ioctl_mutex)) {
		err = -EBUSY;
		goto out_fput;
	}
	err = -EBADF;
	if (file->f_op != &ppp_fops || file->private_data)
		goto out_unlock;

	err = ppp_unit_init(ppp, src_net, file);
	if (!err)
		err = ppp_unit_register(ppp, -1, ppp_nl_has_name(tb));
	if (err) {
		/* The rtnetlink core frees the device itself. */
		free_percpu(ppp->xmit_recursion);
		ppp->xmit_recursion = NULL;
		ppp_stats_free(ppp);
		goto out_unlock;
	}
	ppp_unit_attach_owner(ppp, file);

out_unlock:
	mutex_unlock(&ppp_ioctl_mutex);
out_fput:
	fput(file);
	return err;
}

#ifdef PPP_COMPAT_NEWLINK_PARAMS
static int ppp_nl_newlink(struct net_device *dev,
			  struct rtnl_newlink_params *params,
			  struct netlink_ext_ack *extack)
{
	return ppp_nl_create(rtnl_newlink_link_net(params), dev, params->tb,
			     params->data);
}
#else
static int ppp_nl_newlink(struct net *src_net, struct net_device *dev,
			  struct nlattr *tb[], struct nlattr *data[],
			  struct netlink_ext_ack *extack)
{
	return ppp_nl_create(src_net, dev, tb, data);
}
#endif

static void ppp_nl_dellink(struct net_device *dev, struct list_head *head)
{
	unregister_netdevice_queue(dev, head);
}

static size_t ppp_nl_get_size(const struct net_device *dev)
{
	return 0;
}

static int ppp_nl_fill_info(struct sk_buff *skb, const struct net_device *dev)
{
	return 0;
}

static struct net *ppp_nl_get_link_net(const struct net_device *dev)
{
	return READ_ONCE(ppp_dev_unit(dev)->net);
}

static struct rtnl_link_ops ppp_link_ops __read_mostly = {
	.kind		= "ppp",
	.maxtype	= IFLA_PPP_MAX,
	.policy		= ppp_nl_policy,
	.setup		= ppp_netdev_setup,
	.validate	= ppp_nl_validate,
	.newlink	= ppp_nl_newlink,
	.dellink	= ppp_nl_dellink,
	.get_size	= ppp_nl_get_size,
	.fill_info	= ppp_nl_fill_info,
	.get_link_net	= ppp_nl_get_link_net,
};

/* Units made by PPPIOCNEWUNIT are "ppp" links too (ip -d link, dellink). */
void ppp_rtnl_set_ops(struct net_device *dev)
{
	dev->rtnl_link_ops = &ppp_link_ops;
}

int ppp_rtnl_register(void)
{
	/* as PPPIOCNEWUNIT's alloc_netdev(): ppp_rx_gro_layout() set it */
	ppp_link_ops.priv_size = ppp_unit_priv_size;
	return rtnl_link_register(&ppp_link_ops);
}

void ppp_rtnl_unregister(void)
{
	rtnl_link_unregister(&ppp_link_ops);
}
