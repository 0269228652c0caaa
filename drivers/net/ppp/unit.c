// SPDX-License-Identifier: GPL-2.0
/*
 * PPP units: creation (PPPIOCNEWUNIT), lookup (PPPIOCATTACH), the ioctls
 * pppd issues on a unit fd, and freeing.
 *
 * Unit numbers live in a per-netns idr.  A number is reserved (pointing
 * at NULL, so lookups miss it) before the net_device is registered and
 * published only once registration succeeded: the idr lock is never held
 * across register_netdevice(), which takes rtnl.
 */
#include <kunit/visibility.h>
#include "ppp_generic.h"

/* Attempts at finding a unit whose "pppN" name is free. */
#define PPP_UNIT_NAME_TRIES	32

/*
 * Deferred, batched teardown.
 *
 * Unregistering a net_device costs little CPU but a lot of waiting: each
 * unregister_netdevice() + rtnl_unlock() goes through synchronize_net()
 * twice and an rcu_barrier() in netdev_run_todo(), some 20 ms per device
 * under TCG, paid by every close() of a unit fd in turn.  The same waits
 * cover any number of devices unregistered together, so closing the
 * owner fd does only the part userspace can see and defers the rest:
 *
 *   close (ppp_unit_close_owner(), under rtnl, synchronous): the unit
 *	loses its owner, is hidden from unit lookups (its number stays
 *	reserved, pointing at NULL, so PPPIOCATTACH/PPPIOCCONNECT fail as
 *	after an unregistration), is marked closing (traffic dropped) and
 *	dead (readers of other fds see EOF), and goes on ppp_dying with the
 *	fd's reference;
 *   ppp_teardown_work: takes rtnl, unregisters every device on the list
 *	with one unregister_netdevice_many(), and drops the references
 *	after rtnl_unlock() has run the todo list.  While one batch waits
 *	for its grace periods, the closes that follow fill the next batch.
 *
 * What userspace sees stays the same: the ppp%d device goes away shortly
 * after the close instead of during it, and anything that could notice
 * the difference first finishes the pending teardown: creating a unit
 * (ppp_unit_register() reaps the list under rtnl before it picks a
 * number, so numbers and names are reused exactly as before) and module
 * unload (ppp_unit_teardown_flush()).  A unit whose netns dies, or that
 * rtnl dellink deletes, while it waits on the list is unregistered by
 * that path; the batch then only drops its reference (the device is no
 * longer NETREG_REGISTERED).  The reference keeps the unit, and so the
 * net_device, allocated until then.
 */
static LIST_HEAD(ppp_dying);
static DEFINE_SPINLOCK(ppp_dying_lock);
static void ppp_teardown_work_fn(struct work_struct *work);
static DECLARE_WORK(ppp_teardown_work, ppp_teardown_work_fn);

/*
 * Unregister every queued device (rtnl held).  The units go to @done:
 * the caller drops their references, after rtnl_unlock() if it can.
 */
static void ppp_unit_reap(struct list_head *done)
{
	struct ppp_unit *ppp;
	LIST_HEAD(kill);

	ASSERT_RTNL();
	spin_lock(&ppp_dying_lock);
	list_splice_tail_init(&ppp_dying, done);
	spin_unlock(&ppp_dying_lock);
	list_for_each_entry(ppp, done, dying)
		if (ppp->dev->reg_state == NETREG_REGISTERED)
			unregister_netdevice_queue(ppp->dev, &kill);
	if (!list_empty(&kill))
		unregister_netdevice_many(&kill);
}

static void ppp_unit_put_list(struct list_head *done)
{
	struct ppp_unit *ppp, *tmp;

	list_for_each_entry_safe(ppp, tmp, done, dying) {
		list_del(&ppp->dying);
		ppp_file_put(&ppp->file);
	}
}

static void ppp_teardown_work_fn(struct work_struct *work)
{
	LIST_HEAD(done);

	rtnl_lock();
	ppp_unit_reap(&done);
	rtnl_unlock();		/* runs the todo list: the devices are gone */
	ppp_unit_put_list(&done);
}

/**
 * ppp_unit_close_owner - the owner fd of a unit is being closed
 * @ppp: the unit the fd is attached to
 * @file: the fd
 *
 * Called with rtnl held, which keeps ndo_uninit (dellink, netns exit)
 * away while we look at ->owner.
 *
 * Return: true if @file owned the unit: the unit is dead and queued for
 * unregistration, and the fd's reference now belongs to the queue.
 * False if @file is not (or no longer) the owner: the caller drops its
 * reference as for any other fd.
 */
bool ppp_unit_close_owner(struct ppp_unit *ppp, struct file *file)
{
	struct ppp_net *pn = ppp_pernet(ppp->net);

	ASSERT_RTNL();
	if (ppp->owner != file)
		return false;

	mutex_lock(&pn->units_lock);
	if (ppp->in_idr)
		idr_replace(&pn->units, NULL, ppp->file.index);
	mutex_unlock(&pn->units_lock);
	ppp_unit_shut(ppp);

	spin_lock(&ppp_dying_lock);
	list_add_tail(&ppp->dying, &ppp_dying);
	spin_unlock(&ppp_dying_lock);
	schedule_work(&ppp_teardown_work);
	return true;
}

/*
 * Finish the queued teardowns now, rtnl held: before a unit creation picks
 * a number, and when a netns dies (a queued unit no longer in the unit
 * table might live in another netns than the one it was made in).  The
 * references can be dropped under rtnl: a device that is still being
 * unregistered keeps its own reference until its destructor has run.
 */
void ppp_unit_teardown_now(void)
{
	LIST_HEAD(done);

	ASSERT_RTNL();
	if (list_empty_careful(&ppp_dying))
		return;
	ppp_unit_reap(&done);
	ppp_unit_put_list(&done);
}

/*
 * Finish every queued teardown: at module exit (no fd is left to queue
 * more), and in the KUnit suites, whose close() must be complete.
 */
void ppp_unit_teardown_flush(void)
{
	flush_work(&ppp_teardown_work);
}
EXPORT_SYMBOL_IF_KUNIT(ppp_unit_teardown_flush);

/**
 * ppp_unit_shut - a unit stops for good, whatever ends it
 * @ppp: the unit, already out of the unit lookups
 *
 * Marks it closing (traffic is dropped), ownerless and dead (readers of
 * its fds see EOF).  Called under rtnl, by ppp_unit_close_owner() and by
 * the device's ndo_uninit.
 */
void ppp_unit_shut(struct ppp_unit *ppp)
{
	ASSERT_RTNL();
	ppp_unit_lock(ppp);
	ppp->closing = true;
	ppp_unit_unlock(ppp);
	ppp->owner = NULL;
	ppp_file_kill(&ppp->file);
}

/* Both directions: for state that transmit and receive share. */
void ppp_unit_lock(struct ppp_unit *ppp)
	__acquires(&ppp->wlock) __acquires(&ppp->rlock)
{
	spin_lock_bh(&ppp->wlock);
	spin_lock(&ppp->rlock);
}

void ppp_unit_unlock(struct ppp_unit *ppp)
	__releases(&ppp->rlock) __releases(&ppp->wlock)
{
	spin_unlock(&ppp->rlock);
	spin_unlock_bh(&ppp->wlock);
}

/* Returns the unit with a reference held, or NULL. */
struct ppp_unit *ppp_unit_find(struct ppp_net *pn, int unit)
{
	struct ppp_unit *ppp;

	mutex_lock(&pn->units_lock);
	ppp = idr_find(&pn->units, unit);
	if (ppp)
		ppp_file_get(&ppp->file);
	mutex_unlock(&pn->units_lock);
	return ppp;
}

/* Reserve number @unit, or with @any the lowest free one from @unit on. */
static int ppp_unit_reserve(struct ppp_net *pn, struct ppp_unit *ppp,
			    int unit, bool any)
{
	int id;

	mutex_lock(&pn->units_lock);
	id = idr_alloc(&pn->units, NULL, unit, any ? 0 : unit + 1, GFP_KERNEL);
	if (id >= 0) {
		ppp->file.index = id;
		ppp->in_idr = true;
	}
	mutex_unlock(&pn->units_lock);
	/* pppd retries with -1 on EEXIST, whatever the cause. */
	return id < 0 ? -EEXIST : 0;
}

/* Drop the unit's number; safe to call twice. */
void ppp_unit_release_number(struct ppp_unit *ppp)
{
	struct ppp_net *pn = ppp_pernet(ppp->net);

	mutex_lock(&pn->units_lock);
	if (ppp->in_idr) {
		idr_remove(&pn->units, ppp->file.index);
		ppp->in_idr = false;
	}
	mutex_unlock(&pn->units_lock);
}

static void ppp_unit_publish(struct ppp_unit *ppp)
{
	struct ppp_net *pn = ppp_pernet(ppp->net);

	mutex_lock(&pn->units_lock);
	if (ppp->in_idr)
		idr_replace(&pn->units, ppp, ppp->file.index);
	mutex_unlock(&pn->units_lock);
}

/**
 * ppp_unit_register - give a unit a number and register its device
 * @ppp: the unit, prepared by ppp_unit_init()
 * @unit: requested unit number, or -1 for the lowest free one
 * @keep_name: the device already has the name userspace asked for
 *
 * Otherwise the device is called "ppp<unit>".  With no number requested,
 * a "pppN" name already taken by a renamed device makes us move on to the
 * next free number, as users of the in-tree driver expect.  Called with
 * rtnl held (lock order: rtnl, then units_lock, never the reverse).
 *
 * Return: 0, -EEXIST when the requested number is taken, or the errno of
 * the number allocation or of register_netdevice().
 */
int ppp_unit_register(struct ppp_unit *ppp, int unit, bool keep_name)
{
	struct ppp_net *pn = ppp_pernet(ppp->net);
	bool any = unit < 0;
	int tries, err;

	ASSERT_RTNL();
	/*
	 * Devices of closed units still waiting for their batch hold their
	 * numbers and names: let them go first, as if they had gone at close.
	 */
	ppp_unit_teardown_now();
	if (any)
		unit = 0;
	for (tries = 0; tries < PPP_UNIT_NAME_TRIES; tries++) {
		err = ppp_unit_reserve(pn, ppp, unit, any);
		if (err)
			return err;
		if (!keep_name)
			snprintf(ppp->dev->name, IFNAMSIZ, "ppp%d",
				 ppp->file.index);
		err = register_netdevice(ppp->dev);
		if (!err)
			return 0;
		ppp_unit_release_number(ppp);
		if (err != -EEXIST || !any || keep_name)
			return err;
		unit = ppp->file.index + 1;
	}
	return -EEXIST;
}

/**
 * ppp_unit_init - prepare the unit of a freshly allocated ppp device
 * @ppp: the unit (the device's private area, set up by ppp_netdev_setup())
 * @net: network namespace the unit lives in
 * @file: the /dev/ppp file that will own it
 *
 * Return: 0 or -ENOMEM.
 */
int ppp_unit_init(struct ppp_unit *ppp, struct net *net, struct file *file)
{
	ppp->net = net;
	ppp->owner = file;
	ppp_rtnl_set_ops(ppp->dev);
	ppp->xmit_recursion = alloc_percpu(int);
	return ppp->xmit_recursion ? 0 : -ENOMEM;
}

/* The unit is registered: make it findable and give it to its owner. */
void ppp_unit_attach_owner(struct ppp_unit *ppp, struct file *file)
{
	ppp_unit_publish(ppp);
	file->private_data = &ppp->file;
}

/**
 * ppp_unit_create - create a unit and its ppp%d device (PPPIOCNEWUNIT)
 * @net: network namespace the unit lives in
 * @file: the /dev/ppp file that will own the unit
 * @unitp: in: requested unit number or -1; out: the number given
 *
 * On success the file's reference to the new unit is the one returned in
 * file->private_data.  Caller holds ppp_ioctl_mutex.
 *
 * Return: 0 or a negative errno (-ENOMEM, -EEXIST, ...), as in-tree.
 */
int ppp_unit_create(struct net *net, struct file *file, int *unitp)
{
	struct net_device *dev;
	struct ppp_unit *ppp;
	int err;

	lockdep_assert_held(&ppp_ioctl_mutex);

	dev = ppp_netdev_alloc();
	if (!dev)
		return -ENOMEM;
	dev_net_set(dev, net);
	ppp = ppp_dev_unit(dev);
	err = ppp_unit_init(ppp, net, file);
	if (err) {
		free_netdev(dev);
		return err;
	}

	rtnl_lock();
	err = ppp_unit_register(ppp, *unitp, false);
	rtnl_unlock();
	if (err) {
		ppp_file_put(&ppp->file);	/* frees the device */
		return err;
	}
	ppp_unit_attach_owner(ppp, file);
	*unitp = ppp->file.index;
	return 0;
}

/* Last reference gone: nothing can reach the unit any more. */
void ppp_unit_free(struct ppp_unit *ppp)
{
	WARN_ON_ONCE(ppp->n_channels);
	WARN_ON_ONCE(ppp->in_idr);

	skb_queue_purge(&ppp->file.xq);
	skb_queue_purge(&ppp->file.rq);
	kfree_skb(ppp->xmit_pending);
	ppp_mp_free(ppp);
	ppp_vj_free(ppp);
	ppp_ccp_closed(ppp);
	ppp_filter_free(ppp);
	free_percpu(ppp->xmit_recursion);
	ppp->xmit_recursion = NULL;
	free_netdev(ppp->dev);
}

static int ppp_unit_set_flags(struct ppp_unit *ppp, int val)
{
	unsigned int cleared, old;

	ppp_unit_lock(ppp);
	old = ppp->flags;
	cleared = old & ~val;
	ppp->flags = val & PPP_UNIT_FLAG_BITS;
	ppp_mp_flags_changed(ppp, old);
	ppp_unit_unlock(ppp);

	/* pppd closes CCP by clearing SC_CCP_OPEN: drop the (de)compressors */
	if (cleared & SC_CCP_OPEN)
		ppp_ccp_closed(ppp);
	return 0;
}

static int ppp_unit_npmode(struct ppp_unit *ppp, unsigned int cmd,
			   void __user *argp)
{
	struct npioctl npi;
	int i;

	if (copy_from_user(&npi, argp, sizeof(npi)))
		return -EFAULT;
	i = ppp_np_index(npi.protocol);
	if (i < 0)
		return -EINVAL;

	if (cmd == PPPIOCGNPMODE) {
		npi.mode = READ_ONCE(ppp->npmode[i]);
		if (copy_to_user(argp, &npi, sizeof(npi)))
			return -EFAULT;
		return 0;
	}
	WRITE_ONCE(ppp->npmode[i], npi.mode);
	/* Frames held back by a non-PASS mode may go now. */
	netif_wake_queue(ppp->dev);
	return 0;
}

static int ppp_unit_idle(struct ppp_unit *ppp, unsigned int cmd,
			 void __user *argp)
{
	unsigned long now = jiffies;
	time64_t xmit = (now - READ_ONCE(ppp->last_xmit)) / HZ;
	time64_t recv = (now - READ_ONCE(ppp->last_recv)) / HZ;

	if (cmd == PPPIOCGIDLE32) {
		struct ppp_idle32 idle = { .xmit_idle = xmit,
					   .recv_idle = recv };

		return copy_to_user(argp, &idle, sizeof(idle)) ? -EFAULT : 0;
	}

	struct ppp_idle64 idle = { .xmit_idle = xmit, .recv_idle = recv };

	return copy_to_user(argp, &idle, sizeof(idle)) ? -EFAULT : 0;
}

/**
 * ppp_unit_ioctl - ioctls on a /dev/ppp fd attached to a unit
 * @ppp: the unit
 * @file: the fd's file
 * @cmd: ioctl number
 * @arg: ioctl argument
 *
 * Caller holds ppp_ioctl_mutex.
 *
 * Return: 0 or what the ioctl returns; the in-tree driver's errnos.
 */
long ppp_unit_ioctl(struct ppp_unit *ppp, struct file *file,
		    unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	int __user *p = argp;
	int val;

	lockdep_assert_held(&ppp_ioctl_mutex);

	switch (cmd) {
	case PPPIOCSMRU:
		if (get_user(val, p))
			return -EFAULT;
		/* Any int, as in-tree; it sizes decompressor buffers. */
		WRITE_ONCE(ppp->mru, clamp_t(int, val, 0, PPP_MAX_MRU));
		return 0;

	case PPPIOCSFLAGS:
		if (get_user(val, p))
			return -EFAULT;
		return ppp_unit_set_flags(ppp, val);

	case PPPIOCGFLAGS:
		val = ppp->flags | ppp->xstate | ppp->rstate;
		return put_user(val, p);

	case PPPIOCSCOMPRESS:
		return ppp_ccp_set_compress(ppp, argp, false);

	case PPPIOCGUNIT:
		return put_user(ppp->file.index, p);

	case PPPIOCSDEBUG:
		if (get_user(val, p))
			return -EFAULT;
		ppp->debug = val;
		return 0;

	case PPPIOCGDEBUG:
		return put_user(ppp->debug, p);

	case PPPIOCGIDLE32:
	case PPPIOCGIDLE64:
		return ppp_unit_idle(ppp, cmd, argp);

	case PPPIOCSMAXCID:
		if (get_user(val, p))
			return -EFAULT;
		return ppp_vj_set_maxcid(ppp, val);

	case PPPIOCGNPMODE:
	case PPPIOCSNPMODE:
		return ppp_unit_npmode(ppp, cmd, argp);

	case PPPIOCSPASS:
	case PPPIOCSACTIVE:
		return ppp_filter_set(ppp, cmd, argp, false);

	case PPPIOCSMRRU:
		if (get_user(val, p))
			return -EFAULT;
		/*
		 * Any int, as in-tree: negative keeps multilink receive on
		 * with no frame short enough; the cap keeps the length
		 * check from overflowing.
		 */
		ppp_mp_set_mrru(ppp, min_t(int, val, PPP_MAX_MRU));
		return 0;

	default:
		return -ENOTTY;
	}
}
