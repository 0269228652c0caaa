// SPDX-License-Identifier: GPL-2.0
/*
 * The channel API exported to channel drivers (ppp_async, pppoe, l2tp_ppp,
 * ...), and what pppd does with channels through /dev/ppp: connect one to
 * a unit, disconnect it, bridge two channels together.
 *
 * The prototypes are those of <linux/ppp_channel.h>; see ppp_generic.h for
 * why this file must keep the in-tree include set.
 */
#include "ppp_generic.h"

/* At the end of the file: see there. */
static void ppp_chan_trace_input(struct ppp_chan *pch, int proto,
				 unsigned int len);

/* Returns the channel with a reference held, or NULL. */
struct ppp_chan *ppp_chan_find(struct ppp_net *pn, int index)
{
	struct ppp_chan *pch, *found = NULL;

	spin_lock_bh(&pn->chans_lock);
	list_for_each_entry(pch, &pn->channels, list) {
		if (pch->file.index == index) {
			ppp_file_get(&pch->file);
			found = pch;
			break;
		}
	}
	spin_unlock_bh(&pn->chans_lock);
	return found;
}

static void ppp_chan_free_rcu(struct rcu_head *rcu)
{
	struct ppp_chan *pch = container_of(rcu, struct ppp_chan, rcu);

	/* A late ppp_input() may have queued a frame after unregistration. */
	skb_queue_purge(&pch->file.xq);
	skb_queue_purge(&pch->file.rq);
	put_net_track(pch->chan_net, &pch->ns_tracker);
	kfree(pch->link_final);
	kfree(pch);
}

/* Last reference gone (phase 4, free): once RCU readers are done. */
void ppp_chan_free(struct ppp_chan *pch)
{
	WARN_ON_ONCE(pch->chan);
	WARN_ON_ONCE(pch->ppp);
	call_rcu(&pch->rcu, ppp_chan_free_rcu);
}

/**
 * ppp_register_net_channel - register a channel in a network namespace
 * @net: namespace whose /dev/ppp users may attach to the channel
 * @chan: the driver's channel; ->ops, ->mtu, ->hdrlen, ->private and
 *        optionally ->speed must be set, ->ppp is ours
 *
 * Process context.  The channel gets the next channel index of @net
 * (PPPIOCGCHAN) and pins @net until it is freed.
 *
 * Return: 0, or -ENOMEM.
 */
int ppp_register_net_channel(struct net *net, struct ppp_channel *chan)
{
	struct ppp_net *pn = ppp_pernet(net);
	struct ppp_chan *pch;

	pch = kzalloc(sizeof(*pch), GFP_KERNEL);
	if (!pch)
		return -ENOMEM;

	ppp_file_init(&pch->file, PPP_FILE_CHANNEL);
	pch->file.hdrlen = chan->hdrlen;
	pch->chan = chan;
	pch->mtu = chan->mtu;
	pch->speed = chan->speed;
	pch->chan_net = get_net_track(net, &pch->ns_tracker, GFP_KERNEL);
	init_rwsem(&pch->chan_sem);
	spin_lock_init(&pch->downl);
	rwlock_init(&pch->upl);
	INIT_LIST_HEAD(&pch->clist);
	pch->lastseq = -1;	/* "before" any sequence number */
	chan->ppp = pch;

	spin_lock_bh(&pn->chans_lock);
	pch->file.index = ++pn->last_channel_index;
	list_add_tail(&pch->list, &pn->channels);
	spin_unlock_bh(&pn->chans_lock);
	return 0;
}
EXPORT_SYMBOL(ppp_register_net_channel);

/**
 * ppp_register_channel - register a channel in the caller's namespace
 * @chan: the driver's channel, set up as for ppp_register_net_channel()
 *
 * Return: 0, or -ENOMEM.
 */
int ppp_register_channel(struct ppp_channel *chan)
{
	return ppp_register_net_channel(current->nsproxy->net_ns, chan);
}
EXPORT_SYMBOL(ppp_register_channel);

/**
 * ppp_unregister_channel - the driver is done with a channel
 * @chan: a registered channel (anything else is ignored)
 *
 * Process context.  After return no start_xmit or ioctl of the driver is
 * running or will be called for @chan.  The driver must already have
 * stopped calling ppp_input(), ppp_input_error() and ppp_output_wakeup().
 * pppd, reading the channel's fd, then sees EOF ("hangup").
 */
void ppp_unregister_channel(struct ppp_channel *chan)
{
	struct ppp_chan *pch = chan->ppp;
	struct ppp_net *pn;

	if (!pch)
		return;
	chan->ppp = NULL;

	/* Phase 1: no ioctl (chan_sem) and no transmit (downl) reach @chan. */
	down_write(&pch->chan_sem);
	ppp_chan_keep_link_stats(pch);
	spin_lock_bh(&pch->downl);
	WRITE_ONCE(pch->chan, NULL);
	spin_unlock_bh(&pch->downl);
	up_write(&pch->chan_sem);

	/* Phase 2, remove: unlink it from everything that could find it. */
	ppp_chan_disconnect(pch);
	ppp_chan_unbridge(pch);
	pn = ppp_pernet(pch->chan_net);
	spin_lock_bh(&pn->chans_lock);
	list_del(&pch->list);
	spin_unlock_bh(&pn->chans_lock);

	/* Phase 3, make_dead: its readers see EOF. */
	ppp_file_make_dead(&pch->file);

	/* Phase 4, put: the registration's reference; free after RCU. */
	ppp_file_put(&pch->file);
}
EXPORT_SYMBOL(ppp_unregister_channel);

/**
 * ppp_channel_index - the index pppd attaches to with PPPIOCATTCHAN
 * @chan: a registered channel
 *
 * Return: the index, or -1 if @chan is not registered.
 */
int ppp_channel_index(struct ppp_channel *chan)
{
	struct ppp_chan *pch = chan->ppp;

	return pch ? pch->file.index : -1;
}
EXPORT_SYMBOL(ppp_channel_index);

/**
 * ppp_unit_number - the unit a channel is connected to
 * @chan: a registered channel
 *
 * Return: the unit number, or -1 if not connected.
 */
int ppp_unit_number(struct ppp_channel *chan)
{
	struct ppp_chan *pch = chan->ppp;
	int unit = -1;

	if (pch) {
		read_lock_bh(&pch->upl);
		if (pch->ppp)
			unit = pch->ppp->file.index;
		read_unlock_bh(&pch->upl);
	}
	return unit;
}
EXPORT_SYMBOL(ppp_unit_number);

/**
 * ppp_dev_name - the interface name of the unit a channel is connected to
 * @chan: a registered channel
 *
 * Return: the name (valid while the channel stays connected), or NULL.
 */
char *ppp_dev_name(struct ppp_channel *chan)
{
	struct ppp_chan *pch = chan->ppp;
	char *name = NULL;

	if (pch) {
		read_lock_bh(&pch->upl);
		if (pch->ppp && pch->ppp->dev)
			name = pch->ppp->dev->name;
		read_unlock_bh(&pch->upl);
	}
	return name;
}
EXPORT_SYMBOL(ppp_dev_name);

/* A bridged channel sends what it receives straight out of its peer. */
static bool ppp_chan_bridge_input(struct ppp_chan *pch, struct sk_buff *skb)
{
	struct ppp_chan *peer;
	struct ppp_channel *chan;

	rcu_read_lock();
	peer = rcu_dereference(pch->bridge);
	if (!peer) {
		rcu_read_unlock();
		return false;
	}
	spin_lock_bh(&peer->downl);
	chan = peer->chan;
	if (chan) {
		skb_scrub_packet(skb, !net_eq(pch->chan_net, peer->chan_net));
		if (!chan->ops->start_xmit(chan, skb))
			kfree_skb(skb);
	} else {
		kfree_skb(skb);
	}
	spin_unlock_bh(&peer->downl);
	rcu_read_unlock();
	return true;
}

/*
 * With protocol-field compression the peer may send a one-byte protocol
 * (odd first byte).  Restore the two-byte form, checking the length
 * before each peek.
 */
static bool ppp_expand_proto(struct sk_buff *skb)
{
	if (!pskb_may_pull(skb, 1))
		return false;
	if (skb->data[0] & 0x01) {
		if (skb_cow_head(skb, 1))
			return false;
		*(u8 *)skb_push(skb, 1) = 0;
	}
	return pskb_may_pull(skb, PPP_PROTO_LEN);
}

static void ppp_deliver(struct ppp_unit *ppp, struct sk_buff *skb,
			struct ppp_chan *pch)
{
	spin_lock_bh(&ppp->rlock);
	if (!ppp->closing)
		ppp_receive_frame(ppp, skb, pch);
	else
		kfree_skb(skb);
	spin_unlock_bh(&ppp->rlock);
}

/**
 * ppp_input - a channel received a frame
 * @chan: the channel
 * @skb: the frame: protocol field (1 or 2 bytes) and payload
 *
 * May be called in BH context, not in hard-IRQ context.  Control
 * protocols (LCP, authentication, ...) and everything received on an
 * unconnected channel go to the channel's fd for pppd; the rest to the
 * connected unit.  Consumes @skb.
 */
void ppp_input(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct ppp_chan *pch = chan->ppp;
	int proto;

	if (!pch) {
		kfree_skb(skb);
		return;
	}
	if (ppp_chan_bridge_input(pch, skb))
		return;

	read_lock_bh(&pch->upl);
	if (!ppp_expand_proto(skb)) {
		if (pch->ppp)
			ppp_stat_drop(pch->ppp, PPP_STAT_RX_SHORT, skb->len);
		kfree_skb(skb);
		if (pch->ppp) {
			DEV_STATS_INC(pch->ppp->dev, rx_length_errors);
			spin_lock_bh(&pch->ppp->rlock);
			ppp_receive_error(pch->ppp);
			spin_unlock_bh(&pch->ppp->rlock);
		}
		goto out;
	}
	proto = get_unaligned_be16(skb->data);
	ppp_chan_trace_input(pch, proto, skb->len);
	if (!pch->ppp || proto >= 0xc000 || proto == PPP_CCPFRAG)
		ppp_file_queue_rx(&pch->file, skb);
	else
		ppp_deliver(pch->ppp, skb, pch);
out:
	read_unlock_bh(&pch->upl);
}
EXPORT_SYMBOL(ppp_input);

/**
 * ppp_input_error - a channel lost or dropped received data
 * @chan: the channel
 * @code: reason (unused, kept for the API)
 *
 * Counts a receive error on the connected unit and resets VJ
 * decompression, whose state depends on not missing frames.  BH-safe.
 */
void ppp_input_error(struct ppp_channel *chan, int code)
{
	struct ppp_chan *pch = chan->ppp;

	if (!pch)
		return;
	read_lock_bh(&pch->upl);
	if (pch->ppp) {
		ppp_stat_inc(pch->ppp, PPP_STAT_RX_CHANNEL_ERROR);
		spin_lock_bh(&pch->ppp->rlock);
		ppp_receive_error(pch->ppp);
		spin_unlock_bh(&pch->ppp->rlock);
	}
	read_unlock_bh(&pch->upl);
}
EXPORT_SYMBOL(ppp_input_error);

/*
 * Hand frames to the driver until it says busy.  @skb, a frame written
 * to the channel's fd (or NULL), goes to the driver at once when none
 * waits before it, as multilink fragments do (mp.c), else behind them.
 */
static void __ppp_chan_push(struct ppp_chan *pch, struct sk_buff *skb)
{
	struct ppp_channel *chan;
	struct ppp_unit *ppp;

	spin_lock(&pch->downl);
	chan = pch->chan;
	if (skb && (!chan || !skb_queue_empty(&pch->file.xq) ||
		    !chan->ops->start_xmit(chan, skb)))
		skb_queue_tail(&pch->file.xq, skb);
	if (!chan) {
		skb_queue_purge(&pch->file.xq);
	} else {
		while (!skb_queue_empty(&pch->file.xq) &&
		       (skb = skb_dequeue(&pch->file.xq))) {
			if (!chan->ops->start_xmit(chan, skb)) {
				skb_queue_head(&pch->file.xq, skb);
				break;
			}
		}
	}
	spin_unlock(&pch->downl);

	/* Room again: let the unit send what it holds. */
	ppp = pch->ppp;
	if (ppp && skb_queue_empty(&pch->file.xq))
		__ppp_xmit_process(ppp, NULL);
}

/**
 * ppp_chan_push - send what the channel's fd queued, and @skb after it
 * @pch: the channel
 * @skb: a frame written to the channel's fd, or NULL
 *
 * BH-safe.  Then lets the connected unit send what it holds, if the
 * channel has room.
 */
void ppp_chan_push(struct ppp_chan *pch, struct sk_buff *skb)
{
	struct ppp_unit *ppp;

	read_lock_bh(&pch->upl);
	ppp = pch->ppp;
	if (ppp) {
		/* Counts as transmit on this CPU: see the guard in xmit.c. */
		(*this_cpu_ptr(ppp->xmit_recursion))++;
		__ppp_chan_push(pch, skb);
		(*this_cpu_ptr(ppp->xmit_recursion))--;
	} else {
		__ppp_chan_push(pch, skb);
	}
	read_unlock_bh(&pch->upl);
}

/**
 * ppp_output_wakeup - a channel that refused a frame can take more
 * @chan: the channel
 *
 * BH-safe.  Sends what is queued on the channel, then lets the connected
 * unit resume transmitting.
 */
void ppp_output_wakeup(struct ppp_channel *chan)
{
	struct ppp_chan *pch = chan->ppp;

	if (pch)
		ppp_chan_push(pch, NULL);
}
EXPORT_SYMBOL(ppp_output_wakeup);

/* PPPIOCCONNECT. */
int ppp_chan_connect(struct ppp_chan *pch, int unit)
{
	struct ppp_unit *ppp;
	bool direct = false;
	int hdrlen, err;

	ppp = ppp_unit_find(ppp_pernet(pch->chan_net), unit);
	if (!ppp)
		return -ENXIO;

	write_lock_bh(&pch->upl);
	err = -EINVAL;
	if (pch->ppp || rcu_access_pointer(pch->bridge))
		goto out;

	/* An unregistered channel must never join a unit. */
	spin_lock_bh(&pch->downl);
	if (pch->chan)
		direct = ppp_compat_chan_direct_xmit(pch->chan);
	err = pch->chan ? 0 : -ENOTCONN;
	spin_unlock_bh(&pch->downl);
	if (err)
		goto out;

	ppp_unit_lock(ppp);
	if (ppp->closing) {
		ppp_unit_unlock(ppp);
		err = -ENXIO;
		goto out;
	}
	hdrlen = pch->file.hdrlen + PPP_HDRLEN - PPP_PROTO_LEN;
	/*
	 * The channel's header is room the stack leaves in front
	 * (needed_headroom); hard_header_len stays PPP_HDRLEN, the bytes
	 * GRO compares between frames of one flow (see recv.c).
	 */
	if (hdrlen - PPP_HDRLEN > ppp->dev->needed_headroom)
		ppp->dev->needed_headroom = hdrlen - PPP_HDRLEN;
	if (hdrlen > ppp->file.hdrlen)
		ppp->file.hdrlen = hdrlen;
	if (direct)
		ppp->dev->priv_flags |= IFF_NO_QUEUE;
	list_add_tail_rcu(&pch->clist, &ppp->channels);
	WRITE_ONCE(ppp->n_channels, ppp->n_channels + 1);
	pch->ppp = ppp;		/* keeps the reference from ppp_unit_find() */
	ppp_unit_unlock(ppp);
	write_unlock_bh(&pch->upl);
	return 0;

out:
	write_unlock_bh(&pch->upl);
	ppp_file_put(&ppp->file);
	return err;
}

/* PPPIOCDISCONN, and unregistration. */
int ppp_chan_disconnect(struct ppp_chan *pch)
{
	struct ppp_unit *ppp;

	write_lock_bh(&pch->upl);
	ppp = pch->ppp;
	pch->ppp = NULL;
	write_unlock_bh(&pch->upl);
	if (!ppp)
		return -EINVAL;

	ppp_unit_lock(ppp);
	list_del_rcu(&pch->clist);
	WRITE_ONCE(ppp->n_channels, ppp->n_channels - 1);
	ppp_unit_unlock(ppp);
	/* The last channel gone: the unit's readers see EOF. */
	wake_up_interruptible(&ppp->file.rwait);

	/* Lockless walkers of ppp->channels must be done before the put. */
	synchronize_net();
	/* After the walkers: none counts the channel twice. */
	ppp_unit_take_link_stats(ppp, pch);
	ppp_file_put(&ppp->file);
	return 0;
}

/* Point @pch at @peer; each direction holds a reference to its peer. */
static int ppp_chan_bridge_one(struct ppp_chan *pch, struct ppp_chan *peer)
{
	int err = 0;

	write_lock_bh(&pch->upl);
	if (pch->ppp || rcu_access_pointer(pch->bridge)) {
		err = -EALREADY;
	} else if (!READ_ONCE(pch->chan)) {
		/*
		 * Unregistering: its unbridge may already have run, and a
		 * link made now would pin both channels forever.
		 */
		err = -ENOTCONN;
	} else {
		ppp_file_get(&peer->file);
		rcu_assign_pointer(pch->bridge, peer);
	}
	write_unlock_bh(&pch->upl);
	return err;
}

/* PPPIOCBRIDGECHAN: @peer is referenced by the caller. */
int ppp_chan_bridge(struct ppp_chan *pch, struct ppp_chan *peer)
{
	int err;

	/* In-tree links the channel, then finds it bridged: EALREADY. */
	if (pch == peer)
		return -EALREADY;
	err = ppp_chan_bridge_one(pch, peer);
	if (err)
		return err;
	err = ppp_chan_bridge_one(peer, pch);
	if (err)
		ppp_chan_unbridge(pch);
	return err;
}

/* Clear @pch->bridge; returns the old peer (its reference now ours). */
static struct ppp_chan *ppp_chan_unlink_bridge(struct ppp_chan *pch,
					       struct ppp_chan *expect)
{
	struct ppp_chan *peer;

	write_lock_bh(&pch->upl);
	peer = rcu_dereference_protected(pch->bridge,
					 lockdep_is_held(&pch->upl));
	if (expect && peer != expect)
		peer = NULL;
	if (peer)
		RCU_INIT_POINTER(pch->bridge, NULL);
	write_unlock_bh(&pch->upl);
	return peer;
}

/* PPPIOCUNBRIDGECHAN, and unregistration: undo both directions. */
int ppp_chan_unbridge(struct ppp_chan *pch)
{
	struct ppp_chan *peer, *back;

	peer = ppp_chan_unlink_bridge(pch, NULL);
	if (!peer)
		return -EINVAL;
	/* Only undo the peer's link if it still points back at us. */
	back = ppp_chan_unlink_bridge(peer, pch);

	synchronize_rcu();	/* bridge_input() users of either link */
	if (back)
		ppp_file_put(&back->file);
	ppp_file_put(&peer->file);
	return 0;
}

/**
 * ppp_chan_ioctl - ioctls on a /dev/ppp fd attached to a channel
 * @pch: the channel
 * @cmd: ioctl number
 * @arg: ioctl argument
 *
 * Caller holds ppp_ioctl_mutex.  What we do not handle goes to the
 * driver (for ppp_async: async maps, MRU, flags).
 *
 * Return: 0 or the in-tree driver's errno for the request; for requests
 * we pass on, whatever the channel driver returns (-ENOTTY without one).
 */
long ppp_chan_ioctl(struct ppp_chan *pch, unsigned int cmd,
		    unsigned long arg)
{
	int __user *p = (int __user *)arg;
	struct ppp_channel *chan;
	struct ppp_chan *peer;
	long err;
	int val;

	lockdep_assert_held(&ppp_ioctl_mutex);

	switch (cmd) {
	case PPPIOCCONNECT:
		if (get_user(val, p))
			return -EFAULT;
		return ppp_chan_connect(pch, val);

	case PPPIOCDISCONN:
		return ppp_chan_disconnect(pch);

	case PPPIOCBRIDGECHAN:
		if (get_user(val, p))
			return -EFAULT;
		peer = ppp_chan_find(ppp_pernet(current->nsproxy->net_ns), val);
		if (!peer)
			return -ENXIO;
		err = ppp_chan_bridge(pch, peer);
		ppp_file_put(&peer->file);
		return err;

	case PPPIOCUNBRIDGECHAN:
		return ppp_chan_unbridge(pch);

	default:
		down_read(&pch->chan_sem);
		chan = pch->chan;
		err = -ENOTTY;
		if (chan && chan->ops->ioctl)
			err = chan->ops->ioctl(chan, cmd, arg);
		up_read(&pch->chan_sem);
		return err;
	}
}

/*
 * The tracepoint header defines types the channel API's prototypes reach
 * (struct module's tracepoint table): included before the exports above,
 * it would change their genksyms CRCs from the kernel's, and in-tree
 * channel drivers would no longer load on us.  Hence here, last.
 */
#include "ppp_trace.h"

static void ppp_chan_trace_input(struct ppp_chan *pch, int proto,
				 unsigned int len)
{
	trace_ppp_input(pch->file.index, pch->ppp ? pch->ppp->file.index : -1,
			proto, len);
}
