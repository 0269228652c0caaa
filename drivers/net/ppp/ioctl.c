// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl dispatch for /dev/ppp.  What an ioctl means depends on what the
 * fd is attached to: nothing yet (here), a unit (unit.c) or a channel
 * (channel.c).  All of them run under ppp_ioctl_mutex, as in-tree.
 */
#include "ppp_generic.h"
#include "ioctl32.h"

/* Hand the reference taken by the lookup over to @file: it is attached. */
static void ppp_attach_file(struct file *file, struct ppp_file *pf)
{
	file->private_data = pf;
}

static long ppp_unattached_ioctl(struct net *net, struct file *file,
				 unsigned int cmd, unsigned long arg)
{
	struct ppp_net *pn = ppp_pernet(net);
	int __user *p = (int __user *)arg;
	struct ppp_unit *ppp;
	struct ppp_chan *pch;
	int unit, err;

	/* The fd may have been passed to a process without the right. */
	if (!ns_capable(net->user_ns, CAP_NET_ADMIN))
		return -EPERM;

	switch (cmd) {
	case PPPIOCNEWUNIT:
		if (get_user(unit, p))
			return -EFAULT;
		err = ppp_unit_create(net, file, &unit);
		if (err)
			return err;
		/* The unit stays, as in-tree: close the fd to destroy it. */
		return put_user(unit, p);

	case PPPIOCATTACH:
		if (get_user(unit, p))
			return -EFAULT;
		ppp = ppp_unit_find(pn, unit);
		if (!ppp)
			return -ENXIO;
		ppp_attach_file(file, &ppp->file);
		return 0;

	case PPPIOCATTCHAN:
		if (get_user(unit, p))
			return -EFAULT;
		pch = ppp_chan_find(pn, unit);
		if (!pch)
			return -ENXIO;
		ppp_attach_file(file, &pch->file);
		return 0;

	default:
		return -ENOTTY;
	}
}

long ppp_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct ppp_file *pf;
	long err;

	mutex_lock(&ppp_ioctl_mutex);
	pf = file->private_data;
	if (!pf) {
		err = ppp_unattached_ioctl(current->nsproxy->net_ns, file,
					   cmd, arg);
	} else if (cmd == PPPIOCDETACH) {
		/* Removed in-tree (it let epoll users keep a freed file). */
		pr_warn_once("%s (%d) used obsolete PPPIOCDETACH ioctl\n",
			     current->comm, current->pid);
		err = -EINVAL;
	} else if (pf->kind == PPP_FILE_CHANNEL) {
		err = ppp_chan_ioctl(ppp_file_chan(pf), cmd, arg);
	} else {
		err = ppp_unit_ioctl(ppp_file_unit(pf), file, cmd, arg);
	}
	mutex_unlock(&ppp_ioctl_mutex);
	return err;
}

#ifdef CONFIG_COMPAT
/*
 * 32-bit pppd on a 64-bit kernel: only the ioctls whose argument holds a
 * pointer differ; everything else goes through ppp_ioctl().
 */
long ppp_compat_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = compat_ptr(arg);
	struct ppp_file *pf;
	long err = -ENOIOCTLCMD;

	mutex_lock(&ppp_ioctl_mutex);
	pf = file->private_data;
	if (pf && pf->kind == PPP_FILE_UNIT) {
		switch (cmd) {
		case PPPIOCSPASS32:
			err = ppp_filter_set(ppp_file_unit(pf), PPPIOCSPASS,
					     argp, true);
			break;
		case PPPIOCSACTIVE32:
			err = ppp_filter_set(ppp_file_unit(pf), PPPIOCSACTIVE,
					     argp, true);
			break;
		case PPPIOCSCOMPRESS32:
			err = ppp_ccp_set_compress(ppp_file_unit(pf), argp,
						   true);
			break;
		}
	}
	mutex_unlock(&ppp_ioctl_mutex);

	if (err == -ENOIOCTLCMD)
		err = ppp_ioctl(file, cmd, (unsigned long)argp);
	return err;
}
#endif
