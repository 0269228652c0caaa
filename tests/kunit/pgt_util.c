// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture and helpers of the ppp_generic KUnit suites: see pgt_util.h.
 */
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/uaccess.h>
#include "pgt_util.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

int pgt_init(struct kunit *test)
{
	struct pgt *t;
	unsigned long addr;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->test = test;
	addr = kunit_vm_mmap(test, NULL, 0, PGT_UMEM_LEN,
			     PROT_READ | PROT_WRITE,
			     MAP_ANONYMOUS | MAP_PRIVATE, 0);
	KUNIT_ASSERT_NE_MSG(test, addr, 0UL, "no user memory for the test");
	t->umem = (void __user *)addr;
	test->priv = t;
	return 0;
}

/*
 * Undo whatever the test left: channel fds and unit fds are closed,
 * channels unregistered, in the order that exercises the most code
 * (fds first, so unregistration finds channels still connected).
 */
void pgt_exit(struct kunit *test)
{
	struct pgt *t = test->priv;
	int i;

	if (!t)
		return;
	for (i = 0; i < PGT_MAX_FDS; i++)
		if (t->fds[i])
			pgt_close(t, t->fds[i]);
	for (i = 0; i < PGT_MAX_CHANS; i++) {
		if (!t->chans[i].chan.ops)
			continue;	/* never used */
		pgt_chan_unregister(&t->chans[i]);
		skb_queue_purge(&t->chans[i].txq);
	}
	/* Channels are freed after a grace period: let KASAN see it. */
	rcu_barrier();
}

struct file *pgt_open(struct pgt *t)
{
	struct file *f;
	int i;

	for (i = 0; i < PGT_MAX_FDS; i++)
		if (!t->fds[i])
			break;
	KUNIT_ASSERT_LT_MSG(t->test, i, PGT_MAX_FDS, "out of fake fds");
	f = kunit_kzalloc(t->test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t->test, f);
	f->f_flags = O_RDWR | O_NONBLOCK;
	f->f_op = &ppp_fops;
	t->fds[i] = f;
	return f;
}

/*
 * close(): what the VFS does on the last fput of a /dev/ppp file.  The
 * device of a unit the fd owned is gone when this returns; the wait for
 * its last references and the freeing may still be under way (unit.c).
 */
void pgt_close_nowait(struct pgt *t, struct file *f)
{
	int i;

	for (i = 0; i < PGT_MAX_FDS; i++)
		if (t->fds[i] == f)
			t->fds[i] = NULL;
	ppp_fops.release(NULL, f);
}

/* close(), then wait until whatever the close let go of is freed. */
void pgt_close(struct pgt *t, struct file *f)
{
	pgt_close_nowait(t, f);
	ppp_unit_remove_flush();
}

long pgt_ioctl(struct pgt *t, struct file *f, unsigned int cmd, void *arg,
	       size_t len)
{
	long ret;

	KUNIT_ASSERT_LE(t->test, len, (size_t)PAGE_SIZE);
	if (len)
		KUNIT_ASSERT_EQ(t->test, copy_to_user(t->umem, arg, len), 0UL);
	ret = ppp_fops.unlocked_ioctl(f, cmd, (unsigned long)t->umem);
	if (len)
		KUNIT_ASSERT_EQ(t->test, copy_from_user(arg, t->umem, len), 0UL);
	return ret;
}

long pgt_ioctl_int(struct pgt *t, struct file *f, unsigned int cmd, int *val)
{
	return pgt_ioctl(t, f, cmd, val, sizeof(*val));
}

ssize_t pgt_write(struct pgt *t, struct file *f, const void *buf, size_t len)
{
	KUNIT_ASSERT_LE(t->test, len, (size_t)PGT_UMEM_LEN);
	if (len)
		KUNIT_ASSERT_EQ(t->test, copy_to_user(t->umem, buf, len), 0UL);
	return ppp_fops.write(f, t->umem, len, NULL);
}

ssize_t pgt_read(struct pgt *t, struct file *f, void *buf, size_t len)
{
	ssize_t n;

	KUNIT_ASSERT_LE(t->test, len, (size_t)PGT_UMEM_LEN);
	n = ppp_fops.read(f, t->umem, len, NULL);
	if (n > 0)
		KUNIT_ASSERT_EQ(t->test, copy_from_user(buf, t->umem, n), 0UL);
	return n;
}

struct file *pgt_new_unit(struct pgt *t, int *unit)
{
	struct file *f = pgt_open(t);
	long err;

	*unit = -1;
	err = pgt_ioctl_int(t, f, PPPIOCNEWUNIT, unit);
	KUNIT_ASSERT_EQ_MSG(t->test, err, 0L, "PPPIOCNEWUNIT");
	KUNIT_ASSERT_GE(t->test, *unit, 0);
	return f;
}

struct ppp_unit *pgt_unit(struct file *f)
{
	struct ppp_file *pf = f->private_data;

	if (!pf || pf->kind != PPP_FILE_UNIT)
		return NULL;
	return ppp_file_unit(pf);
}

struct ppp_chan *pgt_pch(struct file *f)
{
	struct ppp_file *pf = f->private_data;

	if (!pf || pf->kind != PPP_FILE_CHANNEL)
		return NULL;
	return ppp_file_chan(pf);
}

static int pgt_start_xmit(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct pgt_chan *pc = container_of(chan, struct pgt_chan, chan);

	if (READ_ONCE(pc->busy))
		return 0;
	skb_queue_tail(&pc->txq, skb);
	return 1;
}

static int pgt_chan_ioctl(struct ppp_channel *chan, unsigned int cmd,
			  unsigned long arg)
{
	return -ENOTTY;
}

static const struct ppp_channel_ops pgt_chan_ops = {
	.start_xmit	= pgt_start_xmit,
	.ioctl		= pgt_chan_ioctl,
};

struct pgt_chan *pgt_chan_register(struct pgt *t)
{
	struct pgt_chan *pc = NULL;
	int i;

	for (i = 0; i < PGT_MAX_CHANS; i++) {
		if (!t->chans[i].registered && !t->chans[i].chan.ops) {
			pc = &t->chans[i];
			break;
		}
	}
	KUNIT_ASSERT_NOT_NULL_MSG(t->test, pc, "out of fake channels");
	skb_queue_head_init(&pc->txq);
	pc->chan.ops = &pgt_chan_ops;
	pc->chan.mtu = PPP_MRU;
	pc->chan.hdrlen = 2;
	KUNIT_ASSERT_EQ(t->test,
			ppp_register_net_channel(&init_net, &pc->chan), 0);
	pc->registered = true;
	return pc;
}

void pgt_chan_unregister(struct pgt_chan *pc)
{
	if (!pc->registered)
		return;
	pc->registered = false;
	ppp_unregister_channel(&pc->chan);
}

/* Open an fd and PPPIOCATTCHAN it to @pc. */
struct file *pgt_chan_attach(struct pgt *t, struct pgt_chan *pc)
{
	struct file *f = pgt_open(t);
	int idx = ppp_channel_index(&pc->chan);

	KUNIT_ASSERT_GE(t->test, idx, 0);
	KUNIT_ASSERT_EQ_MSG(t->test, pgt_ioctl_int(t, f, PPPIOCATTCHAN, &idx),
			    0L, "PPPIOCATTCHAN");
	return f;
}

struct sk_buff *pgt_skb(const void *data, size_t len, unsigned int headroom)
{
	struct sk_buff *skb = alloc_skb(headroom + len, GFP_KERNEL);

	if (!skb)
		return NULL;
	skb_reserve(skb, headroom);
	skb_put_data(skb, data, len);
	return skb;
}

int pgt_wait_atomic(atomic_t *v, int want, unsigned int ms)
{
	while (atomic_read(v) < want && ms--)
		usleep_range(1000, 2000);
	return atomic_read(v);
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit suites for ppp_generic");
