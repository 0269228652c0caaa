// SPDX-License-Identifier: GPL-2.0
/*
 * Why frames are lost, as users see it: the per-cause counters of a unit
 * (ppp_stats.h) and the framing counters of its channels
 * (ppp_link_stats.h) through ethtool -S on the unit's device, one row
 * per channel in /proc/net/ppp_channels, and the ppp tracepoints
 * (ppp_trace.h), which this file instantiates.
 */
#include "ppp_generic.h"
#include <linux/ethtool.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#define CREATE_TRACE_POINTS
#include "ppp_trace.h"

/* What ethtool -i says; the version of the PPP interface pppd checks. */
#define PPP_DRV_NAME		"ppp_generic"
#define PPP_DRV_VERSION		"2.4.2"

#define PPP_STAT_NAME(id, name)	#name,

static const char ppp_stat_names[PPP_STAT_COUNT][ETH_GSTRING_LEN] = {
	PPP_STATS(PPP_STAT_NAME, PPP_STAT_NAME)
};

/* Counters of the VJ decompressor, kept by the codec itself. */
enum {
	PPP_VJ_STAT_TOSSED,
	PPP_VJ_STAT_COUNT
};

static const char ppp_vj_stat_names[PPP_VJ_STAT_COUNT][ETH_GSTRING_LEN] = {
	"rx_vj_tossed",
};

static const char ppp_link_stat_names[PPP_LINK_STAT_COUNT][ETH_GSTRING_LEN] = {
	[PPP_LINK_RX_FCS]		= "rx_fcs_errors",
	[PPP_LINK_RX_RUNT]		= "rx_runts",
	[PPP_LINK_RX_LONG]		= "rx_over_mru",
	[PPP_LINK_RX_ABORT]		= "rx_aborts",
	[PPP_LINK_RX_TOSSED_BYTES]	= "rx_tossed_bytes",
	[PPP_LINK_RX_MAPPED_BYTES]	= "rx_accm_discarded_bytes",
	[PPP_LINK_RX_LINE_ERRORS]	= "rx_line_errors",
	[PPP_LINK_RX_NOBUF]		= "rx_no_buffer",
	[PPP_LINK_RX_BAD_HEADER]	= "rx_bad_header",
	[PPP_LINK_RX_QUEUE_FULL]	= "rx_channel_queue_full",
	[PPP_LINK_RX_BAD_LENGTH]	= "rx_bad_length",
	[PPP_LINK_RX_PADT]		= "rx_padt",
	[PPP_LINK_TX_ESCAPED_BYTES]	= "tx_escaped_bytes",
	[PPP_LINK_TX_DROPPED]		= "tx_channel_dropped",
};

#define PPP_ETHTOOL_STATS \
	(PPP_STAT_COUNT + PPP_VJ_STAT_COUNT + PPP_LINK_STAT_COUNT)

void ppp_stats_free(struct ppp_unit *ppp)
{
	kfree(ppp->stats);
	ppp->stats = NULL;
}

/*
 * The unit's counters, allocated by the first count in any context.  Two
 * first counts at once allocate two blocks; one is installed, the other
 * freed.  Without memory (GFP_ATOMIC) this count is not kept and the
 * next one tries again; the tracepoint still sees the drop.
 */
static struct ppp_unit_stats *ppp_stats_get(struct ppp_unit *ppp)
{
	/* Acquire: pairs with the release below, so the block reads zeroed. */
	struct ppp_unit_stats *st = smp_load_acquire(&ppp->stats);

	if (likely(st))
		return st;
	st = kzalloc(sizeof(*st), GFP_ATOMIC | __GFP_NOWARN);
	if (!st)
		return NULL;
	/* Release: the zeroed block is published whole. */
	if (cmpxchg_release(&ppp->stats, NULL, st)) {
		kfree(st);
		/* Acquire: another CPU's block, published by its release. */
		st = smp_load_acquire(&ppp->stats);
	}
	return st;
}

/* Count an event that is not a drop (a frame diverted, a request seen). */
void ppp_stat_inc(struct ppp_unit *ppp, enum ppp_stat stat)
{
	struct ppp_unit_stats *st = ppp_stats_get(ppp);

	if (st)
		atomic_long_inc(&st->n[stat]);
}

/**
 * ppp_stat_drop - count a frame ppp_generic dropped
 * @ppp: the unit
 * @stat: why
 * @len: its length, for the ppp:ppp_drop tracepoint
 *
 * Any context.  The tracepoint names the caller as where the frame went.
 */
void ppp_stat_drop(struct ppp_unit *ppp, enum ppp_stat stat,
		   unsigned int len)
{
	ppp_stat_inc(ppp, stat);
	trace_ppp_drop(ppp->file.index, stat, len, (void *)_RET_IP_);
}

/* The counter of a frame an NP mode other than NPMODE_PASS held back. */
enum ppp_stat ppp_stat_npmode(enum NPmode mode, bool rx)
{
	switch (mode) {
	case NPMODE_QUEUE:
		return rx ? PPP_STAT_RX_NP_QUEUE : PPP_STAT_TX_NP_QUEUE;
	case NPMODE_ERROR:
		return rx ? PPP_STAT_RX_NP_ERROR : PPP_STAT_TX_NP_ERROR;
	default:
		return rx ? PPP_STAT_RX_NP_DROP : PPP_STAT_TX_NP_DROP;
	}
}

unsigned long ppp_stat_read(struct ppp_unit *ppp, enum ppp_stat stat)
{
	/* Acquire: pairs with the release in ppp_stats_get(). */
	struct ppp_unit_stats *st = smp_load_acquire(&ppp->stats);

	return st ? atomic_long_read(&st->n[stat]) : 0;
}

/* ---- channels ---- */

/**
 * ppp_channel_set_link_stats - say how to read a channel's framing counters
 * @chan: a registered channel
 * @ops: the reader; must stay valid while @chan is registered
 *
 * For channel drivers that keep struct ppp_link_stats: ethtool -S on the
 * unit then adds them up over its channels, and /proc/net/ppp_channels
 * shows them per channel.  Drivers look this up with symbol_get() (see
 * ppp_link_stats.h).
 */
void ppp_channel_set_link_stats(struct ppp_channel *chan,
				const struct ppp_link_stats_ops *ops)
{
	struct ppp_chan *pch = chan->ppp;

	if (pch)
		WRITE_ONCE(pch->link_ops, ops);
}
EXPORT_SYMBOL_GPL(ppp_channel_set_link_stats);

/*
 * The driver's counters, if it keeps any.  The caller makes sure the
 * driver's channel outlives the call: chan_sem held for reading, or an
 * RCU read section over a unit's channel list (a channel leaves the list
 * and waits for readers before its driver may free it).
 */
static bool ppp_chan_link_stats(struct ppp_chan *pch, struct ppp_link_stats *st,
				char *dev, size_t devlen)
{
	const struct ppp_link_stats_ops *ops = READ_ONCE(pch->link_ops);
	struct ppp_channel *chan = READ_ONCE(pch->chan);

	if (!chan || !ops)
		return false;
	ops->get(chan, st);
	if (dev)
		ops->describe(chan, dev, devlen);
	return true;
}

/**
 * ppp_chan_keep_link_stats - keep a channel's counters past its driver
 * @pch: a channel being unregistered, its driver's channel still set
 *
 * Context: chan_sem held for writing; may sleep.  ppp_unit_take_link_stats()
 * then hands them to the unit the channel leaves.  Without memory for
 * the copy the channel's counters are lost (the unit's sum drops by
 * them); ppp_chan_free() frees the copy.
 */
void ppp_chan_keep_link_stats(struct ppp_chan *pch)
{
	struct ppp_link_stats *st;

	lockdep_assert_held_write(&pch->chan_sem);
	if (!READ_ONCE(pch->link_ops) || pch->link_final)
		return;
	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (st && ppp_chan_link_stats(pch, st, NULL, 0))
		pch->link_final = st;
	else
		kfree(st);
}

/**
 * ppp_unit_take_link_stats - a channel leaves @ppp: keep its counters
 * @ppp: the unit
 * @pch: the channel, already off the unit's list
 *
 * The unit's ethtool -S goes on counting what its channels saw once they
 * are gone (a line hung up, a multilink link dropped, a PPPoE session
 * ended by a PADT): counters that fall back would read as a reset.
 * Process context; takes chan_sem and the unit's locks.
 */
void ppp_unit_take_link_stats(struct ppp_unit *ppp, struct ppp_chan *pch)
{
	struct ppp_link_stats st = {};
	int i;

	down_read(&pch->chan_sem);
	if (!ppp_chan_link_stats(pch, &st, NULL, 0) && pch->link_final)
		st = *pch->link_final;
	up_read(&pch->chan_sem);

	ppp_unit_lock(ppp);
	for (i = 0; i < PPP_LINK_STAT_COUNT; i++)
		ppp->link_gone.v[i] += st.v[i];
	ppp_unit_unlock(ppp);
}

/*
 * The sum over the unit's channels and those that left it; @dev gets the
 * first one's device.
 */
static void ppp_unit_link_stats(struct ppp_unit *ppp, struct ppp_link_stats *st,
				char *dev, size_t devlen)
{
	struct ppp_chan *pch;
	int i;

	rcu_read_lock();
	list_for_each_entry_rcu(pch, &ppp->channels, clist) {
		if (ppp_chan_link_stats(pch, st, dev, devlen))
			dev = NULL;
	}
	rcu_read_unlock();

	ppp_unit_lock(ppp);
	for (i = 0; i < PPP_LINK_STAT_COUNT; i++)
		st->v[i] += ppp->link_gone.v[i];
	ppp_unit_unlock(ppp);
}

/* ---- ethtool ---- */

static void ppp_ethtool_get_drvinfo(struct net_device *dev,
				    struct ethtool_drvinfo *info)
{
	struct ppp_link_stats st = {};

	strscpy(info->driver, PPP_DRV_NAME, sizeof(info->driver));
	strscpy(info->version, PPP_DRV_VERSION, sizeof(info->version));
	/* The line under the unit, e.g. the modem's tty. */
	ppp_unit_link_stats(ppp_dev_unit(dev), &st, info->bus_info,
			    sizeof(info->bus_info));
}

static int ppp_ethtool_get_sset_count(struct net_device *dev, int sset)
{
	return sset == ETH_SS_STATS ? PPP_ETHTOOL_STATS : -EOPNOTSUPP;
}

static void ppp_ethtool_get_strings(struct net_device *dev, u32 sset, u8 *buf)
{
	if (sset != ETH_SS_STATS)
		return;
	memcpy(buf, ppp_stat_names, sizeof(ppp_stat_names));
	buf += sizeof(ppp_stat_names);
	memcpy(buf, ppp_vj_stat_names, sizeof(ppp_vj_stat_names));
	buf += sizeof(ppp_vj_stat_names);
	memcpy(buf, ppp_link_stat_names, sizeof(ppp_link_stat_names));
}

static void ppp_ethtool_get_stats(struct net_device *dev,
				  struct ethtool_stats *es, u64 *data)
{
	struct ppp_unit *ppp = ppp_dev_unit(dev);
	struct ppp_link_stats st = {};
	struct ppp_vjc_stats vj = {};
	int i;

	for (i = 0; i < PPP_STAT_COUNT; i++)
		*data++ = ppp_stat_read(ppp, i);
	ppp_vj_stats(ppp, &vj);
	*data++ = vj.in_tossed;
	ppp_unit_link_stats(ppp, &st, NULL, 0);
	for (i = 0; i < PPP_LINK_STAT_COUNT; i++)
		*data++ = st.v[i];
}

const struct ethtool_ops ppp_ethtool_ops = {
	.get_drvinfo		= ppp_ethtool_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= ppp_ethtool_get_sset_count,
	.get_strings		= ppp_ethtool_get_strings,
	.get_ethtool_stats	= ppp_ethtool_get_stats,
};

/* ---- /proc/net/ppp_channels ---- */

/* The registered channel after index @after, with a reference, or NULL. */
static struct ppp_chan *ppp_chan_next(struct ppp_net *pn, int after)
{
	struct ppp_chan *pch, *next = NULL;

	spin_lock_bh(&pn->chans_lock);
	list_for_each_entry(pch, &pn->channels, list) {
		if (pch->file.index > after &&
		    (!next || pch->file.index < next->file.index))
			next = pch;
	}
	if (next)
		ppp_file_get(&next->file);
	spin_unlock_bh(&pn->chans_lock);
	return next;
}

static const char *ppp_chan_state(struct ppp_chan *pch, int *unit)
{
	const char *state = "idle";

	*unit = -1;
	read_lock_bh(&pch->upl);
	if (pch->ppp) {
		*unit = pch->ppp->file.index;
		state = "unit";
	} else if (rcu_access_pointer(pch->bridge)) {
		state = "bridged";
	}
	read_unlock_bh(&pch->upl);
	return state;
}

static void ppp_chan_show(struct seq_file *seq, struct ppp_chan *pch)
{
	struct ppp_link_stats st = {};
	char dev[64] = "-";
	const char *state;
	int unit, i;

	state = ppp_chan_state(pch, &unit);
	down_read(&pch->chan_sem);
	ppp_chan_link_stats(pch, &st, dev, sizeof(dev));
	up_read(&pch->chan_sem);

	seq_printf(seq, "%d %d %s %s", pch->file.index, unit, dev, state);
	for (i = 0; i < PPP_LINK_STAT_COUNT; i++)
		seq_printf(seq, " %llu", st.v[i]);
	seq_putc(seq, '\n');
}

/*
 * One header line naming the columns, then one row per registered
 * channel of the reader's netns, by index: the unit it is connected to
 * (-1: none), its device (- when its driver does not say), its state
 * (unit, bridged or idle) and its framing counters.
 */
static int ppp_channels_show(struct seq_file *seq, void *v)
{
	struct ppp_net *pn = ppp_pernet(seq_file_single_net(seq));
	struct ppp_chan *pch;
	int i, index = 0;

	seq_puts(seq, "index unit device state");
	for (i = 0; i < PPP_LINK_STAT_COUNT; i++)
		seq_printf(seq, " %s", ppp_link_stat_names[i]);
	seq_putc(seq, '\n');
	while ((pch = ppp_chan_next(pn, index))) {
		index = pch->file.index;
		ppp_chan_show(seq, pch);
		ppp_file_put(&pch->file);
	}
	return 0;
}

int ppp_stats_proc_init(struct net *net)
{
	if (!IS_ENABLED(CONFIG_PROC_FS))
		return 0;
	if (!proc_create_net_single("ppp_channels", 0444, net->proc_net,
				    ppp_channels_show, NULL))
		return -ENOMEM;
	return 0;
}

void ppp_stats_proc_exit(struct net *net)
{
	remove_proc_entry("ppp_channels", net->proc_net);
}
