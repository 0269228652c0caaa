// SPDX-License-Identifier: GPL-2.0
/*
 * PPP units: creation (PPPIOCNEWUNIT), lookup (PPPIOCATTACH), the ioctls
 * pppd issues on a unit fd, and freeing.
 *
 * Unit numbers live in a per-netns idr.  A number is reserved (pointing
 * at NULL, so lookups miss it) before the net_device is registered and
 * published only once registration succeeded: the idr lock is never held
 * across register_netdevice(), which takes rtnl.  The device's
 * ndo_uninit gives the number back, as in-tree.
 *
 * Closing the owner fd: what userspace sees happens in close(), the
 * waits happen after it.
 *
 * Unregistering a net_device has two parts.  unregister_netdevice_many(),
 * under rtnl, closes the device, unlists it (its name is free from here
 * on), sends RTM_DELLINK and removes it from sysfs; its two
 * synchronize_net() calls are expedited grace periods because rtnl is
 * held.  netdev_run_todo(), run by whoever calls rtnl_unlock(), does the
 * waiting: an rcu_barrier() and then until every reference to the
 * device is gone, before the destructor runs.  That second part is
 * what makes a close of the in-tree driver slow, and one stuck reference
 * ("waiting for pppN to become free") makes it never end.
 *
 * So ppp_unit_remove() hands the unit to ppp_remove_wq and waits on
 * ppp->removed only: ppp_unit_remove_work() takes rtnl, unregisters the
 * device, signals removed, and only then calls rtnl_unlock(), which
 * runs the todo list in the worker.  When close() returns, the name,
 * the number (ndo_uninit) and every listing of the interface are gone,
 * exactly as after an in-tree close; the worker then waits for the
 * references and drops its own reference to the unit (the closer keeps
 * the fd's until its wait is over: complete() may still be touching
 * ->removed when the waiter wakes up).  ppp_remove_wq is unbound and
 * runs its items concurrently, so the waits of one close overlap with
 * the next closes (concurrent rcu_barrier() calls share their grace
 * periods), and a device that never becomes free holds up one worker,
 * not the closes or unit creations that follow: creation never waits
 * for a teardown.  Module exit drains the queue (the destructors run
 * our code).
 *
 * The owner fd is the only one that queues the work, once: ->owner
 * only ever goes from that file to NULL (ppp_unit_make_dead(), under rtnl),
 * so a closer that reads another value is not the owner.  If dellink or
 * the death of the netns unregistered the device first, ->owner is
 * NULL by the time the worker looks, and it only signals and drops its
 * reference: neither the closer nor the worker touches the unit's
 * netns, which may be gone by then.
 */
#include <kunit/visibility.h>
#include "ppp_generic.h"

static struct workqueue_struct *ppp_remove_wq;

static void ppp_unit_remove_work(struct work_struct *work)
{
	struct ppp_unit *ppp = container_of(work, struct ppp_unit, remove_work);

	rtnl_lock();
	if (ppp->owner)		/* else dellink or the netns got there first */
		unregister_netdevice(ppp->dev);
	/* Unlisted: close() may return; our reference keeps ppp. */
	complete(&ppp->removed);
	rtnl_unlock();		/* netdev_run_todo(): waits for the references */
	ppp_file_put(&ppp->file);
}

/**
 * ppp_unit_remove - the fd being closed may own its unit
 * @ppp: the unit the fd is attached to
 * @file: the fd
 *
 * If @file owns the unit, waits until the unit's device is unregistered
 * (see the top of this file); the device's last references may still be
 * waited for after.  The caller then drops the fd's reference, as for
 * any other fd: the work holds a reference of its own, and the unit,
 * with the completion we wait on, stays until both are gone.
 */
void ppp_unit_remove(struct ppp_unit *ppp, struct file *file)
{
	if (READ_ONCE(ppp->owner) != file)
		return;
	ppp_file_get(&ppp->file);	/* the work's, dropped at its end */
	queue_work(ppp_remove_wq, &ppp->remove_work);
	wait_for_completion(&ppp->removed);
}

/*
 * Wait until every close has finished, device freed: in the KUnit suites,
 * which look at what a close freed.
 */
void ppp_unit_remove_flush(void)
{
	flush_workqueue(ppp_remove_wq);
}
EXPORT_SYMBOL_IF_KUNIT(ppp_unit_remove_flush);

int ppp_unit_wq_init(void)
{
	ppp_remove_wq = alloc_workqueue("ppp_remove", WQ_UNBOUND, 0);
	return ppp_remove_wq ? 0 : -ENOMEM;
}

/* Module exit: every fd is closed; wait for the devices they freed. */
void ppp_unit_wq_exit(void)
{
	destroy_workqueue(ppp_remove_wq);
}

/**
 * ppp_unit_make_dead - a unit stops for good, whatever ends it
 * @ppp: the unit, already out of the unit lookups
 *
 * Marks it closing (traffic is dropped), ownerless and dead (readers of
 * its fds see EOF).  Called under rtnl, by the device's ndo_uninit.
 */
void ppp_unit_make_dead(struct ppp_unit *ppp)
{
	ASSERT_RTNL();
	ppp_unit_lock(ppp);
	ppp->closing = true;
	ppp_unit_unlock(ppp);
	WRITE_ONCE(ppp->owner, NULL);
	ppp_file_make_dead(&ppp->file);
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
void ppp_unit_remove_number(struct ppp_unit *ppp)
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

/*
 * Reserve the lowest free number whose "pppN" name is free in the
 * device's netns too (rtnl held, so no name can be taken between the
 * check and register_netdevice()), and give the device that name.
 * Names held by renamed or foreign devices are skipped however many
 * there are, as in-tree.
 */
static int ppp_unit_reserve_any_named(struct ppp_net *pn,
				      struct ppp_unit *ppp)
{
	char *name = ppp->dev->name;
	int unit = 0, err;

	ASSERT_RTNL();
	for (;;) {
		err = ppp_unit_reserve(pn, ppp, unit, true);
		if (err)
			return err;
		snprintf(name, IFNAMSIZ, "ppp%d", ppp->file.index);
		if (!netdev_name_in_use(dev_net(ppp->dev), name))
			return 0;
		unit = ppp->file.index + 1;
		ppp_unit_remove_number(ppp);
		cond_resched();
	}
}

/**
 * ppp_unit_register - give a unit a number and register its device
 * @ppp: the unit, prepared by ppp_unit_init()
 * @unit: requested unit number, or -1 for the lowest free one
 * @keep_name: the device already has the name userspace asked for
 *
 * Otherwise the device is called "ppp<unit>".  With no number requested,
 * "pppN" names already taken by renamed devices make us move on to the
 * next free number, as users of the in-tree driver expect; a requested
 * number whose name is taken fails in register_netdevice() with EEXIST.
 * Called with rtnl held (lock order: rtnl, then units_lock, never the
 * reverse).
 *
 * register_netdevice() is called once, never retried: after a failure
 * past its ndo_init the device cannot be registered again.
 *
 * Return: 0, -EEXIST when the requested number (or its name) is taken,
 * or the errno of the number allocation or of register_netdevice().
 */
int ppp_unit_register(struct ppp_unit *ppp, int unit, bool keep_name)
{
	struct ppp_net *pn = ppp_pernet(ppp->net);
	int err;

	ASSERT_RTNL();
	if (keep_name) {
		err = ppp_unit_reserve(pn, ppp, max(unit, 0), unit < 0);
	} else if (unit < 0) {
		err = ppp_unit_reserve_any_named(pn, ppp);
	} else {
		err = ppp_unit_reserve(pn, ppp, unit, false);
		if (!err)
			snprintf(ppp->dev->name, IFNAMSIZ, "ppp%d", unit);
	}
	if (err)
		return err;
	err = register_netdevice(ppp->dev);
	if (err)
		ppp_unit_remove_number(ppp);
	return err;
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
	INIT_WORK(&ppp->remove_work, ppp_unit_remove_work);
	init_completion(&ppp->removed);
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
	ppp_stats_free(ppp);
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
