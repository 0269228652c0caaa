/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Why ppp_generic dropped or diverted a frame: one per-CPU counter per
 * cause on each unit, shown by ethtool -S on the unit's device (stats.c)
 * together with its channels' framing counters (ppp_link_stats.h).
 *
 * Counting is one atomic increment on the path that decided the fate of
 * the frame, whatever lock is or is not held there.  The counters are
 * allocated at the unit's first count: most units never count anything,
 * and a per-CPU block allocated with every unit made pcpu_alloc() a
 * third of the per-CPU work of creating one.  These events are rare and
 * each already costs a freed frame, so a shared cache line is no cost
 * worth a per-CPU block.  ppp_stat_drop() also fires the ppp:ppp_drop
 * tracepoint, counters or not.
 *
 * PPP_STATS(S, SE) lists the causes, the last with SE: the enum, the
 * ethtool names and the tracepoint's symbols are all made from it.
 */
#ifndef PPP_STATS_H
#define PPP_STATS_H

#define PPP_STATS(S, SE)						\
	S(TX_UNKNOWN_PROTO,	tx_unknown_proto)			\
	S(TX_NP_DROP,		tx_npmode_drop)				\
	S(TX_NP_QUEUE,		tx_npmode_queue)			\
	S(TX_NP_ERROR,		tx_npmode_error)			\
	S(TX_FILTERED,		tx_filtered)				\
	S(TX_CCP,		tx_ccp_errors)				\
	S(TX_DEMAND_FULL,	tx_demand_queue_full)			\
	S(TX_NO_CHANNEL,	tx_no_channel)				\
	S(TX_RECURSION,		tx_recursion)				\
	S(TX_CCP_RESETREQ,	tx_ccp_reset_requests)			\
	S(RX_SHORT,		rx_no_protocol)				\
	S(RX_CHANNEL_ERROR,	rx_channel_errors)			\
	S(RX_NP_DROP,		rx_npmode_drop)				\
	S(RX_NP_QUEUE,		rx_npmode_queue)			\
	S(RX_NP_ERROR,		rx_npmode_error)			\
	S(RX_IF_DOWN,		rx_if_down)				\
	S(RX_FILTERED,		rx_filtered)				\
	S(RX_UNKNOWN_PROTO,	rx_unknown_proto)			\
	S(RX_PPPD_QUEUE_FULL,	rx_pppd_queue_full)			\
	S(RX_VJ,		rx_vj_errors)				\
	S(RX_CCP,		rx_ccp_errors)				\
	S(RX_CCP_MUST_COMP,	rx_ccp_must_comp)			\
	S(RX_MP_ERROR,		rx_mp_errors)				\
	S(RX_MP_LOST,		rx_mp_lost)				\
	SE(RX_MP_OVERFLOW,	rx_mp_overflow)

#define PPP_STAT_ENUM(id, name)		PPP_STAT_##id,

enum ppp_stat {
	PPP_STATS(PPP_STAT_ENUM, PPP_STAT_ENUM)
	PPP_STAT_COUNT
};

/* Per unit, allocated at its first count (stats.c). */
struct ppp_unit_stats {
	atomic_long_t n[PPP_STAT_COUNT];
};

struct ppp_unit;
struct ppp_chan;
struct net_device;
struct seq_file;

/* stats.c */
extern const struct ethtool_ops ppp_ethtool_ops;
void ppp_stats_free(struct ppp_unit *ppp);
void ppp_stat_inc(struct ppp_unit *ppp, enum ppp_stat stat);
void ppp_stat_drop(struct ppp_unit *ppp, enum ppp_stat stat,
		   unsigned int len);
enum ppp_stat ppp_stat_npmode(enum NPmode mode, bool rx);
unsigned long ppp_stat_read(struct ppp_unit *ppp, enum ppp_stat stat);
void ppp_chan_keep_link_stats(struct ppp_chan *pch);
void ppp_unit_take_link_stats(struct ppp_unit *ppp, struct ppp_chan *pch);
int ppp_stats_proc_init(struct net *net);
void ppp_stats_proc_exit(struct net *net);

#endif /* PPP_STATS_H */
