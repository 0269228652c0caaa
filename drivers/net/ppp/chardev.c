// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/ppp file operations.
 *
 * A freshly opened /dev/ppp is unattached; PPPIOCNEWUNIT, PPPIOCATTACH or
 * PPPIOCATTCHAN (ioctl.c) attach it to a unit or a channel, whose
 * struct ppp_file then holds the queues that read(), write() and poll()
 * work on.  One read() returns one whole frame: the two protocol bytes
 * and the payload, without address and control fields.
 */
#include <kunit/visibility.h>
#include "ppp_generic.h"

/* write() larger than this cannot be a PPP frame (the MRU is 16 bits). */
#define PPP_MAX_WRITE		(PPP_MAX_MRU + PPP_HDRLEN)

void ppp_file_init(struct ppp_file *pf, enum ppp_file_kind kind)
{
	pf->kind = kind;
	skb_queue_head_init(&pf->xq);
	skb_queue_head_init(&pf->rq);
	init_waitqueue_head(&pf->rwait);
	refcount_set(&pf->refcnt, 1);
}

void ppp_file_get(struct ppp_file *pf)
{
	refcount_inc(&pf->refcnt);
}

void ppp_file_put(struct ppp_file *pf)
{
	if (!refcount_dec_and_test(&pf->refcnt))
		return;
	if (pf->kind == PPP_FILE_UNIT)
		ppp_unit_free(ppp_file_unit(pf));
	else
		ppp_chan_free(ppp_file_chan(pf));
}

/* Readers of a dead file get EOF: pppd takes that as "modem hangup". */
void ppp_file_make_dead(struct ppp_file *pf)
{
	WRITE_ONCE(pf->dead, true);
	wake_up_interruptible(&pf->rwait);
}

/*
 * Queue a frame for pppd.  A reader that stopped reading must not pin
 * unbounded memory, so past PPP_MAX_RQLEN the oldest frame goes.
 *
 * A reader sleeps (read(), poll()) only after it found the queue empty,
 * so only a frame that finds it empty wakes the readers, as a pipe
 * does.  The other frames of a burst would each walk the wait queue,
 * where a poller stays until it has run.
 */
void ppp_file_queue_rx(struct ppp_file *pf, struct sk_buff *skb)
{
	struct sk_buff *old = NULL;
	unsigned long flags;
	bool was_empty;

	spin_lock_irqsave(&pf->rq.lock, flags);
	was_empty = skb_queue_empty(&pf->rq);
	__skb_queue_tail(&pf->rq, skb);
	if (skb_queue_len(&pf->rq) > PPP_MAX_RQLEN)
		old = __skb_dequeue(&pf->rq);
	spin_unlock_irqrestore(&pf->rq.lock, flags);
	if (old) {
		if (pf->kind == PPP_FILE_UNIT)
			ppp_stat_drop(ppp_file_unit(pf),
				      PPP_STAT_RX_PPPD_QUEUE_FULL, old->len);
		kfree_skb(old);
	}
	if (was_empty)
		wake_up_interruptible(&pf->rwait);
}

/*
 * A unit with no channel and not looping traffic back to pppd (demand
 * dialling) can never produce a frame: read() says EOF, poll() readable.
 */
static bool ppp_file_idle_unit(struct ppp_file *pf)
{
	struct ppp_unit *ppp;

	if (pf->kind != PPP_FILE_UNIT)
		return false;
	ppp = ppp_file_unit(pf);
	return READ_ONCE(ppp->n_channels) == 0 &&
	       !(READ_ONCE(ppp->flags) & SC_LOOP_TRAFFIC);
}

static int ppp_open(struct inode *inode, struct file *file)
{
	if (!ns_capable(file->f_cred->user_ns, CAP_NET_ADMIN))
		return -EPERM;
	file->private_data = NULL;
	return 0;
}

static int ppp_release(struct inode *inode, struct file *file)
{
	struct ppp_file *pf = file->private_data;

	if (!pf)
		return 0;
	file->private_data = NULL;

	/*
	 * Closing the fd that created a unit destroys its interface before
	 * close() returns; a work item waits for the device's last
	 * references after (unit.c).
	 */
	if (pf->kind == PPP_FILE_UNIT)
		ppp_unit_remove(ppp_file_unit(pf), file);
	ppp_file_put(pf);
	return 0;
}

/* Wait for a frame; NULL with *err set (0 = EOF) when there is none. */
static struct sk_buff *ppp_read_wait(struct ppp_file *pf, bool nonblock,
				     int *err)
{
	DEFINE_WAIT(wait);
	struct sk_buff *skb;

	/* A frame is there (a busy link, most reads): nothing to wait on. */
	skb = skb_dequeue(&pf->rq);
	if (skb)
		return skb;
	for (;;) {
		prepare_to_wait(&pf->rwait, &wait, TASK_INTERRUPTIBLE);
		skb = skb_dequeue(&pf->rq);
		if (skb)
			break;
		*err = 0;
		if (READ_ONCE(pf->dead) || ppp_file_idle_unit(pf))
			break;
		*err = -EAGAIN;
		if (nonblock)
			break;
		*err = -ERESTARTSYS;
		if (signal_pending(current))
			break;
		schedule();
	}
	finish_wait(&pf->rwait, &wait);
	return skb;
}

static ssize_t ppp_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos)
{
	struct ppp_file *pf = file->private_data;
	struct sk_buff *skb;
	ssize_t ret;
	int err;

	if (!pf)
		return -ENXIO;

	skb = ppp_read_wait(pf, file->f_flags & O_NONBLOCK, &err);
	if (!skb)
		return err;

	/* As in-tree: a frame that does not fit is reported and dropped. */
	if (skb->len > count)
		ret = -EOVERFLOW;
	else if (skb_linearize(skb))
		ret = -ENOMEM;
	else if (copy_to_user(buf, skb->data, skb->len))
		ret = -EFAULT;
	else
		ret = skb->len;
	if (ret >= 0)
		consume_skb(skb);	/* delivered: not a drop */
	else
		kfree_skb(skb);
	return ret;
}

/* Userspace LCP frames must carry a full header before anyone peeks. */
static bool ppp_write_frame_ok(const struct sk_buff *skb)
{
	if (get_unaligned_be16(skb->data) != PPP_LCP)
		return true;
	return skb->len >= PPP_PROTO_LEN + 4;
}

/*
 * The skb a write() goes in.  Where it fits in a page, its data is a
 * fragment of the per-CPU pages the network stack carves receive buffers
 * from: kmalloc() clears every block it hands out on kernels built with
 * init_on_alloc on (Debian's), where a fragment page is cleared once,
 * when it is first taken, and carved again once its fragments are freed.
 * The fragment is taken without sleeping; if none is to be had, the data
 * comes from kmalloc() as before, which may.
 */
static struct sk_buff *ppp_write_skb(unsigned int len)
{
	unsigned int size = SKB_DATA_ALIGN(len) +
			    SKB_DATA_ALIGN(sizeof(struct skb_shared_info));
	struct sk_buff *skb;
	void *data;

	if (size <= PAGE_SIZE) {
		data = netdev_alloc_frag(size);
		if (data) {
			skb = build_skb(data, size);
			if (skb)
				return skb;
			skb_free_frag(data);
		}
	}
	return alloc_skb(len, GFP_KERNEL);
}

static ssize_t ppp_write(struct file *file, const char __user *buf,
			 size_t count, loff_t *ppos)
{
	struct ppp_file *pf = file->private_data;
	struct sk_buff *skb;

	if (!pf)
		return -ENXIO;
	if (count < PPP_PROTO_LEN || count > PPP_MAX_WRITE)
		return -EINVAL;

	skb = ppp_write_skb(count + pf->hdrlen);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, pf->hdrlen);
	if (copy_from_user(skb_put(skb, count), buf, count)) {
		kfree_skb(skb);
		return -EFAULT;
	}
	if (!ppp_write_frame_ok(skb)) {
		kfree_skb(skb);
		return -EINVAL;
	}

	if (pf->kind == PPP_FILE_UNIT)
		ppp_xmit_process(ppp_file_unit(pf), skb);
	else
		ppp_chan_push(ppp_file_chan(pf), skb);
	return count;
}

static __poll_t ppp_poll(struct file *file, poll_table *wait)
{
	struct ppp_file *pf = file->private_data;
	__poll_t mask;

	if (!pf)
		return 0;
	poll_wait(file, &pf->rwait, wait);
	mask = EPOLLOUT | EPOLLWRNORM;
	if (!skb_queue_empty_lockless(&pf->rq))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(pf->dead))
		mask |= EPOLLHUP;
	else if (ppp_file_idle_unit(pf))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

const struct file_operations ppp_fops = {
	.owner		= THIS_MODULE,
	.read		= ppp_read,
	.write		= ppp_write,
	.poll		= ppp_poll,
	.unlocked_ioctl	= ppp_ioctl,
#ifdef CONFIG_COMPAT
	.compat_ioctl	= ppp_compat_ioctl,
#endif
	.open		= ppp_open,
	.release	= ppp_release,
	.llseek		= noop_llseek,
};
EXPORT_SYMBOL_IF_KUNIT(ppp_fops);
