// SPDX-License-Identifier: GPL-2.0
/*
 * The ppp%d net_device: set-up, its operations, statistics and the
 * SIOCGPPP* private ioctls.  The unit is the device's private area, so the
 * two are freed together when the unit's last reference goes (unit.c);
 * so is the unit's receive GRO context where it is embedded there
 * (ppp_rx_gro_layout(), recv.c).
 */
#include "ppp_generic.h"

/*
 * TCP segmentation left to the unit: a channel that opted in gets the
 * segments without a copy of the payload, summed and marked so, the
 * others as before (ppp_netdev_features_check()).  TSO needs checksum
 * offload and scatter-gather: "ethtool -K pppN tx off" (or sg off, tso
 * off) turns it off.  Only where the unit has scatter-gather at all.
 */
#define PPP_NETDEV_OFFLOADS	(PPP_COMPAT_DEV_SG_FEATURES ? \
				 NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_ALL_TSO : 0)

static const struct device_type ppp_type = {
	.name = "ppp",
};

void ppp_netdev_rx_stats(struct ppp_unit *ppp, unsigned int len)
{
	dev_sw_netstats_rx_add(ppp->dev, len);
}

void ppp_netdev_tx_stats(struct ppp_unit *ppp, unsigned int len)
{
	dev_sw_netstats_tx_add(ppp->dev, 1, len);
}

/*
 * The unit counts five of dev->stats' fields (DEV_STATS_INC) and nothing
 * else writes them; the packet and byte counts are per-CPU.  Copying only
 * those five keeps dev_get_stats(), called for every RTM_NEWLINK message,
 * as cheap as in-tree's.
 */
static void ppp_netdev_sum(struct net_device *dev,
			   struct rtnl_link_stats64 *st)
{
	st->rx_errors = DEV_STATS_READ(dev, rx_errors);
	st->tx_errors = DEV_STATS_READ(dev, tx_errors);
	st->rx_dropped = DEV_STATS_READ(dev, rx_dropped);
	st->tx_dropped = DEV_STATS_READ(dev, tx_dropped);
	st->rx_length_errors = DEV_STATS_READ(dev, rx_length_errors);
	dev_fetch_sw_netstats(st, dev->tstats);
}

static void ppp_netdev_get_stats64(struct net_device *dev,
				   struct rtnl_link_stats64 *st)
{
	ppp_netdev_sum(dev, st);
}

/* SIOCGPPPSTATS: the old 32-bit counters pppd 2.4.9 prints at hangup. */
int ppp_netdev_get_stats(struct ppp_unit *ppp, struct ppp_stats *st)
{
	struct rtnl_link_stats64 s64 = {};
	struct ppp_vjc_stats vj = {};

	memset(st, 0, sizeof(*st));
	ppp_netdev_sum(ppp->dev, &s64);
	st->p.ppp_ipackets = s64.rx_packets;
	st->p.ppp_ierrors = s64.rx_errors;
	st->p.ppp_ibytes = s64.rx_bytes;
	st->p.ppp_opackets = s64.tx_packets;
	st->p.ppp_oerrors = s64.tx_errors;
	st->p.ppp_obytes = s64.tx_bytes;

	ppp_vj_stats(ppp, &vj);
	st->vj.vjs_packets = vj.out_compressed + vj.out_uncompressed;
	st->vj.vjs_compressed = vj.out_compressed;
	st->vj.vjs_searches = vj.out_searches;
	st->vj.vjs_misses = vj.out_misses;
	st->vj.vjs_errorin = vj.in_errors;
	st->vj.vjs_tossed = vj.in_tossed;
	st->vj.vjs_uncompressedin = vj.in_uncompressed;
	st->vj.vjs_compressedin = vj.in_compressed;
	return 0;
}

static int ppp_netdev_siocdevprivate(struct net_device *dev, struct ifreq *ifr,
				     void __user *addr, int cmd)
{
	static const char version[] = "2.4.2";	/* what pppd expects */
	struct ppp_unit *ppp = ppp_dev_unit(dev);
	struct ppp_comp_stats cst;
	struct ppp_stats st;

	switch (cmd) {
	case SIOCGPPPSTATS:
		ppp_netdev_get_stats(ppp, &st);
		return copy_to_user(addr, &st, sizeof(st)) ? -EFAULT : 0;

	case SIOCGPPPCSTATS:
		memset(&cst, 0, sizeof(cst));
		ppp_ccp_get_stats(ppp, &cst);
		return copy_to_user(addr, &cst, sizeof(cst)) ? -EFAULT : 0;

	case SIOCGPPPVER:
		return copy_to_user(addr, version, sizeof(version)) ?
		       -EFAULT : 0;

	default:
		return -EINVAL;
	}
}

/* The device holds a unit reference until its destructor runs. */
static int ppp_netdev_init(struct net_device *dev)
{
	struct ppp_unit *ppp = ppp_dev_unit(dev);
	int err;

	err = ppp_compat_tstats_alloc(dev);
	if (err)
		return err;
	netdev_lockdep_set_classes(dev);
	ppp_file_get(&ppp->file);
	return 0;
}

/* Frames go up to the stack only while the device is up (recv.c). */
static int ppp_netdev_open(struct net_device *dev)
{
	ppp_rx_gro_start(ppp_dev_unit(dev));
	return 0;
}

/* Unregistration closes an up device before ndo_uninit runs. */
static int ppp_netdev_stop(struct net_device *dev)
{
	ppp_rx_gro_stop(ppp_dev_unit(dev));
	return 0;
}

/*
 * Unit teardown phase 2, make_dead (see ppp_generic.h): from here on no
 * lookup finds the unit, traffic is dropped and readers see EOF.
 */
static void ppp_netdev_uninit(struct net_device *dev)
{
	struct ppp_unit *ppp = ppp_dev_unit(dev);

	ppp_unit_remove_number(ppp);
	ppp_unit_make_dead(ppp);
}

static void ppp_netdev_destructor(struct net_device *dev)
{
	ppp_compat_tstats_free(dev);
	ppp_file_put(&ppp_dev_unit(dev)->file);
}

#ifdef PPP_COMPAT_CHAN_FILL_FORWARD_PATH
/*
 * Flowtable offload (nft "flow add"): the path out of a unit is that of
 * its one channel, e.g. PPPoE over an Ethernet device.  Runs under
 * rcu_read_lock(): ->channels is an RCU list and a channel's driver
 * struct stays valid for a grace period after ppp_unregister_channel().
 * A bundle has no single path.
 */
static int ppp_netdev_fill_forward_path(struct net_device_path_ctx *ctx,
					struct net_device_path *path)
{
	struct ppp_unit *ppp = ppp_dev_unit(ctx->dev);
	struct ppp_channel *chan;
	struct ppp_chan *pch;

	if (READ_ONCE(ppp->flags) & SC_MULTILINK)
		return -EOPNOTSUPP;
	pch = list_first_or_null_rcu(&ppp->channels, struct ppp_chan, clist);
	if (!pch)
		return -ENODEV;
	chan = READ_ONCE(pch->chan);
	if (!chan)
		return -ENODEV;
	if (!chan->ops->fill_forward_path)
		return -EOPNOTSUPP;
	return chan->ops->fill_forward_path(ctx, path, chan);
}
#endif

/*
 * The unit advertises checksum and TSO offload (ppp_netdev_setup()), but
 * only GSO frames for a unit whose frames go unchanged to a channel that
 * takes segments keep them: ppp_start_xmit() segments and sums those
 * (xmit.c).  For every other frame the core fills in the checksum, and
 * segments, before ppp_start_xmit(), as for a unit without offloads: no
 * channel gets a frame whose checksum is left to a device.
 */
static netdev_features_t ppp_netdev_features_check(struct sk_buff *skb,
						   struct net_device *dev,
						   netdev_features_t features)
{
	if (!skb_is_gso(skb))
		return features & ~NETIF_F_CSUM_MASK;
	if (!ppp_xmit_can_offload(ppp_dev_unit(dev)))
		features &= ~(NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK);
	return features;
}

static const struct net_device_ops ppp_netdev_ops = {
	.ndo_init		= ppp_netdev_init,
	.ndo_uninit		= ppp_netdev_uninit,
	.ndo_open		= ppp_netdev_open,
	.ndo_stop		= ppp_netdev_stop,
	.ndo_start_xmit		= ppp_start_xmit,
	.ndo_siocdevprivate	= ppp_netdev_siocdevprivate,
	.ndo_get_stats64	= ppp_netdev_get_stats64,
	.ndo_features_check	= ppp_netdev_features_check,
#ifdef PPP_COMPAT_CHAN_FILL_FORWARD_PATH
	.ndo_fill_forward_path	= ppp_netdev_fill_forward_path,
#endif
};

void ppp_netdev_setup(struct net_device *dev)
{
	struct ppp_unit *ppp = netdev_priv(dev);
	int i;

	dev->netdev_ops = &ppp_netdev_ops;
	dev->ethtool_ops = &ppp_ethtool_ops;
	SET_NETDEV_DEVTYPE(dev, &ppp_type);
	ppp_compat_tstats_setup(dev);
	ppp_compat_set_lltx(dev);
	/* frames for channels without direct_xmit are linearized (xmit.c) */
	dev->features |= PPP_COMPAT_DEV_SG_FEATURES | PPP_NETDEV_OFFLOADS;
	dev->hw_features |= PPP_COMPAT_DEV_SG_FEATURES | PPP_NETDEV_OFFLOADS;
	dev->hard_header_len = PPP_HDRLEN;
	dev->mtu = PPP_MRU;
	dev->addr_len = 0;
	dev->tx_queue_len = 3;
	dev->type = ARPHRD_PPP;
	dev->flags = IFF_POINTOPOINT | IFF_NOARP | IFF_MULTICAST;
	dev->priv_destructor = ppp_netdev_destructor;
	netif_keep_dst(dev);

	ppp->dev = dev;
	ppp_file_init(&ppp->file, PPP_FILE_UNIT);
	/* room for the address and control bytes a channel may add */
	ppp->file.hdrlen = PPP_HDRLEN - PPP_PROTO_LEN;
	ppp->file.index = -1;
	INIT_LIST_HEAD(&ppp->channels);
	ppp_mp_init(ppp);
	spin_lock_init(&ppp->wlock);
	spin_lock_init(&ppp->rlock);
	ppp->mru = PPP_MRU;
	for (i = 0; i < PPP_NP_COUNT; i++)
		ppp->npmode[i] = NPMODE_PASS;
	ppp->last_xmit = jiffies;
	ppp->last_recv = jiffies;
}

struct net_device *ppp_netdev_alloc(void)
{
	return alloc_netdev(ppp_unit_priv_size, "", NET_NAME_ENUM,
			    ppp_netdev_setup);
}

bool ppp_netdev_is_ppp(const struct net_device *dev)
{
	return dev->netdev_ops == &ppp_netdev_ops;
}

/*
 * A dying netns takes its ppp devices with it, and also the devices of
 * units created in it that were moved to another netns: a unit never
 * outlives the namespace it was made in.  Called under rtnl.
 */
void ppp_netdev_unregister_all(struct net *net, struct list_head *kill)
{
	struct ppp_net *pn = ppp_pernet(net);
	struct net_device *dev, *aux;
	struct ppp_unit *ppp;
	int id;

	ASSERT_RTNL();
	for_each_netdev_safe(net, dev, aux)
		if (ppp_netdev_is_ppp(dev))
			unregister_netdevice_queue(dev, kill);

	mutex_lock(&pn->units_lock);
	idr_for_each_entry(&pn->units, ppp, id)
		if (!net_eq(dev_net(ppp->dev), net))
			unregister_netdevice_queue(ppp->dev, kill);
	mutex_unlock(&pn->units_lock);
}
