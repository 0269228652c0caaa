// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe: module and netns start and stop, and the /proc/net files.
 * A drop-in for the in-tree pppoe.ko: same module name and alias
 * (net-pf-24-proto-0, which pppox requests on socket(AF_PPPOX, ...,
 * PX_PROTO_OE)), same socket ABI, same /proc/net/pppoe.
 */
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include "pppoe.h"

static unsigned int pppoe_net_id __read_mostly;

struct pppoe_net *pppoe_pernet(struct net *net)
{
	return net_generic(net, pppoe_net_id);
}

/**
 * pppoe_stats_read - the receive counters of a netns, summed over CPUs
 * @net: the namespace
 * @sum: filled in
 */
void pppoe_stats_read(struct net *net, struct pppoe_stats *sum)
{
	struct pppoe_net *pn = pppoe_pernet(net);
	const struct pppoe_stats *s;
	int cpu;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		s = per_cpu_ptr(pn->stats, cpu);
		sum->rx_unknown_session += READ_ONCE(s->rx_unknown_session);
		sum->rx_bad_header += READ_ONCE(s->rx_bad_header);
		sum->rx_padt += READ_ONCE(s->rx_padt);
	}
}

#ifdef CONFIG_PROC_FS
static struct pppoe_sock *pppoe_seq_idx(struct pppoe_net *pn, loff_t pos)
{
	struct pppoe_sock *po;
	int i;

	for (i = 0; i < PPPOE_HASH_SIZE; i++)
		hlist_for_each_entry(po, &pn->hash[i], node)
			if (!pos--)
				return po;
	return NULL;
}

static void *pppoe_seq_start(struct seq_file *seq, loff_t *pos)
	__acquires(&pn->lock)
{
	struct pppoe_net *pn = pppoe_pernet(seq_file_net(seq));

	spin_lock_bh(&pn->lock);
	return *pos ? pppoe_seq_idx(pn, *pos - 1) : SEQ_START_TOKEN;
}

static void *pppoe_seq_next(struct seq_file *seq, void *v, loff_t *pos)
{
	++*pos;
	return pppoe_seq_idx(pppoe_pernet(seq_file_net(seq)), *pos - 1);
}

static void pppoe_seq_stop(struct seq_file *seq, void *v)
	__releases(&pn->lock)
{
	spin_unlock_bh(&pppoe_pernet(seq_file_net(seq))->lock);
}

static int pppoe_seq_show(struct seq_file *seq, void *v)
{
	struct pppoe_sock *po = v;

	if (v == SEQ_START_TOKEN) {
		seq_puts(seq, "Id       Address              Device\n");
		return 0;
	}
	/*
	 * The id is printed as the in-tree driver prints it, the raw
	 * network-order value (session 1 reads 00000100 on little-endian
	 * machines), so that tools parsing the file read the same.
	 */
	seq_printf(seq, "%08X %pM %8s\n", (__force u16)po->pa.sid,
		   po->pa.remote, po->pa.dev);
	return 0;
}

static const struct seq_operations pppoe_seq_ops = {
	.start	= pppoe_seq_start,
	.next	= pppoe_seq_next,
	.stop	= pppoe_seq_stop,
	.show	= pppoe_seq_show,
};

static int pppoe_stats_show(struct seq_file *seq, void *v)
{
	struct pppoe_stats s;

	pppoe_stats_read(seq_file_single_net(seq), &s);
	seq_printf(seq, "rx_unknown_session %lu\nrx_bad_header %lu\nrx_padt %lu\n",
		   s.rx_unknown_session, s.rx_bad_header, s.rx_padt);
	return 0;
}

static int pppoe_proc_init(struct net *net)
{
	if (!proc_create_net("pppoe", 0444, net->proc_net, &pppoe_seq_ops,
			     sizeof(struct seq_net_private)))
		return -ENOMEM;
	if (!proc_create_net_single("pppoe_stats", 0444, net->proc_net,
				    pppoe_stats_show, NULL)) {
		remove_proc_entry("pppoe", net->proc_net);
		return -ENOMEM;
	}
	return 0;
}

static void pppoe_proc_exit(struct net *net)
{
	remove_proc_entry("pppoe_stats", net->proc_net);
	remove_proc_entry("pppoe", net->proc_net);
}
#else
static int pppoe_proc_init(struct net *net) { return 0; }
static void pppoe_proc_exit(struct net *net) { }
#endif

static __net_init int pppoe_net_init(struct net *net)
{
	struct pppoe_net *pn = pppoe_pernet(net);
	int err;

	pppoe_table_init(pn);
	pn->stats = alloc_percpu(struct pppoe_stats);
	if (!pn->stats)
		return -ENOMEM;
	err = pppoe_proc_init(net);
	if (err)
		free_percpu(pn->stats);
	return err;
}

/*
 * A pernet subsystem, not a pernet device (as in-tree): its exit runs
 * after every device of the dying netns is gone, so no frame can still
 * be counted in the per-CPU counters freed here.  Every socket pins its
 * netns, and a session only uses a device of its socket's netns: the
 * table is empty by now.
 */
static __net_exit void pppoe_net_exit(struct net *net)
{
	struct pppoe_net *pn = pppoe_pernet(net);

	pppoe_proc_exit(net);
	WARN_ON_ONCE(!pppoe_table_empty(pn));
	free_percpu(pn->stats);
}

static struct pernet_operations pppoe_net_ops = {
	.init = pppoe_net_init,
	.exit = pppoe_net_exit,
	.id   = &pppoe_net_id,
	.size = sizeof(struct pppoe_net),
};

static int __init pppoe_init(void)
{
	int err;

	err = register_pernet_subsys(&pppoe_net_ops);
	if (err)
		return err;
	err = proto_register(&pppoe_sk_proto, 0);
	if (err)
		goto err_unregister_pernet;
	/* Device events before any session can exist. */
	err = register_netdevice_notifier(&pppoe_notifier);
	if (err)
		goto err_unregister_proto;
	dev_add_pack(&pppoe_ses_ptype);
	dev_add_pack(&pppoe_disc_ptype);
	pppoe_gro_init();
	/* Last: from here on socket() can make sessions. */
	err = register_pppox_proto(PX_PROTO_OE, &pppoe_proto);
	if (err)
		goto err_remove_packs;
	return 0;

err_remove_packs:
	pppoe_gro_exit();
	dev_remove_pack(&pppoe_disc_ptype);
	dev_remove_pack(&pppoe_ses_ptype);
	unregister_netdevice_notifier(&pppoe_notifier);
err_unregister_proto:
	proto_unregister(&pppoe_sk_proto);
err_unregister_pernet:
	unregister_pernet_subsys(&pppoe_net_ops);
	return err;
}

/* Every socket holds the module: none is left when this runs. */
static void __exit pppoe_exit(void)
{
	unregister_pppox_proto(PX_PROTO_OE);
	/* No CPU is in its callbacks after this, and none looks up a table. */
	pppoe_gro_exit();
	dev_remove_pack(&pppoe_disc_ptype);
	dev_remove_pack(&pppoe_ses_ptype);
	unregister_netdevice_notifier(&pppoe_notifier);
	proto_unregister(&pppoe_sk_proto);
	unregister_pernet_subsys(&pppoe_net_ops);
}

module_init(pppoe_init);
module_exit(pppoe_exit);

MODULE_DESCRIPTION("PPP over Ethernet sessions (RFC 2516), drop-in for the in-tree pppoe");
MODULE_LICENSE("GPL");
MODULE_ALIAS_NET_PF_PROTO(PF_PPPOX, PX_PROTO_OE);
MODULE_VERSION(PPP_VERSION);
