/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared fixture of the ppp_generic KUnit suites.
 *
 * The suites use ppp_generic.ko as pppd and a channel driver do:
 *
 *   "/dev/ppp fds"  a zeroed struct file per fd, driven through the
 *                   module's own ppp_fops (read/write/ioctl/release),
 *                   with arguments staged in user memory that KUnit maps
 *                   into the test thread (kunit_vm_mmap), so copy_*_user
 *                   and get_user run exactly as for pppd;
 *   "channels"      struct pgt_chan, a fake channel driver whose
 *                   start_xmit queues frames for the test to inspect,
 *                   registered with the exported channel API.
 *
 * Everything a test creates is recorded in its struct pgt and torn down
 * by pgt_exit(), whatever state the test left it in.
 */
#ifndef PGT_UTIL_H
#define PGT_UTIL_H

#include <kunit/test.h>
#include "ppp_generic.h"

#define PGT_MAX_FDS	8
#define PGT_MAX_CHANS	4
/* User memory per test: the largest write() plus room for arguments. */
#define PGT_UMEM_LEN	(PPP_MAX_MRU + PPP_HDRLEN + 2 * PAGE_SIZE)

struct pgt_chan {
	struct ppp_channel chan;
	struct sk_buff_head txq;	/* frames start_xmit accepted */
	bool busy;			/* start_xmit refuses frames */
	bool registered;
};

struct pgt {
	struct kunit *test;
	void __user *umem;
	struct file *fds[PGT_MAX_FDS];
	struct pgt_chan chans[PGT_MAX_CHANS];
	void *ext;			/* a suite's own fixture */
};

int pgt_init(struct kunit *test);
void pgt_exit(struct kunit *test);

/* /dev/ppp fds */
struct file *pgt_open(struct pgt *t);
void pgt_close(struct pgt *t, struct file *f);
void pgt_close_nowait(struct pgt *t, struct file *f);
long pgt_ioctl(struct pgt *t, struct file *f, unsigned int cmd, void *arg,
	       size_t len);
long pgt_ioctl_int(struct pgt *t, struct file *f, unsigned int cmd, int *val);
ssize_t pgt_write(struct pgt *t, struct file *f, const void *buf, size_t len);
ssize_t pgt_read(struct pgt *t, struct file *f, void *buf, size_t len);

/* Opens an fd and creates a unit on it; returns the fd, *unit set. */
struct file *pgt_new_unit(struct pgt *t, int *unit);
struct ppp_unit *pgt_unit(struct file *f);

/* Fake channels */
struct pgt_chan *pgt_chan_register(struct pgt *t);
void pgt_chan_unregister(struct pgt_chan *pc);
struct file *pgt_chan_attach(struct pgt *t, struct pgt_chan *pc);
struct ppp_chan *pgt_pch(struct file *f);

/* Build an skb holding @len bytes of @data after @headroom bytes. */
struct sk_buff *pgt_skb(const void *data, size_t len, unsigned int headroom);

/* Waits up to @ms for atomic @v to reach @want; returns its last value. */
int pgt_wait_atomic(atomic_t *v, int want, unsigned int ms);

#endif /* PGT_UTIL_H */
