// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_priv: who may use /dev/ppp.  (ppp_ioctl_check already proves that
 * root without CAP_NET_ADMIN gets EPERM; this adds the rest.)
 *
 *   nobody-eperm       uid 65534 with no capabilities opening a 0666
 *                      copy of the device node (so file permissions
 *                      pass and the driver decides): EPERM
 *   nobody-dev-ppp     the same on /dev/ppp itself (0600): EACCES
 *   passed-fd          an fd root opened, used after the process
 *                      dropped to 65534: open checked the opener, but
 *                      the unattached ioctls check the caller again
 *                      (CAP_NET_ADMIN over the caller's netns, as
 *                      in-tree): PPPIOCNEWUNIT gives EPERM
 *   userns/open        65534 in a new user + network namespace (as
 *                      `unshare -Urn`) holds CAP_NET_ADMIN there: opens
 *   userns/newunit     and makes a unit - in its own netns: the init
 *                      netns gains no interface
 *   userns/no-attach   the init netns' unit number means nothing there
 *   userns/no-attchan  nor does an init-netns channel index
 *   userns-only/..     65534 in a new user namespace but the init netns
 *                      (as `unshare -Ur`): open works (capable in its
 *                      own userns), PPPIOCNEWUNIT and PPPIOCATTACH give
 *                      EPERM: no units in a netns it does not own
 *
 * Prints "RESULT priv/<check> PASS|FAIL|SKIP <why>"; SKIP only when the
 * kernel has no user namespaces (unshare: EINVAL).  Any other failure to
 * make them (EPERM: unprivileged ones not allowed; ENOSPC; a failed
 * uid_map write) is a FAIL: every kernel the tests boot allows them.
 * Needs root, ppp_generic + ppp_async.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/ppp-ioctl.h>
#define PPPT_AREA "priv"
#include "pppt.h"

#define NODE "/tmp/ppp-priv-node"
#define NOBODY 65534

/* Become uid/gid 65534 with no capabilities at all. */
static int become_nobody(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2] = { 0 };

	if (setgroups(0, NULL) || setgid(NOBODY) || setuid(NOBODY))
		return -1;
	/* the uid change made us non-dumpable: /proc/self/uid_map is root's */
	prctl(PR_SET_DUMPABLE, 1);
	/* setuid() from root clears the sets already; be explicit */
	return syscall(SYS_capset, &hdr, data);
}

/* Run @fn in a child; its exit status, or -1 if it died. */
static int in_child(int (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Child exit codes: 0 = as wanted, 100 + errno otherwise. */
static int nobody_open(void *path)
{
	int fd;

	if (become_nobody())
		return 99;
	fd = open(path, O_RDWR);
	if (fd >= 0)
		return 98;
	return errno == (strcmp(path, NODE) ? EACCES : EPERM) ? 0 : 100 + errno;
}

static int passed_fd(void *arg)
{
	int fd = *(int *)arg, unit = -1;

	if (become_nobody())
		return 99;
	if (ioctl(fd, PPPIOCNEWUNIT, &unit) == 0)
		return 98;
	return errno == EPERM ? 0 : 100 + errno;
}

static int count_ppp_ifaces(void)
{
	DIR *d = opendir("/sys/class/net");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += !strncmp(e->d_name, "ppp", 3);
	closedir(d);
	return n;
}

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -1;
}

/*
 * As uid 65534, unshare @flags (a new user namespace, maybe more) and map
 * ourselves to root in it: 0, or the child's exit code for the parent
 * (199: could not drop to 65534; 200 + errno: the namespace step).
 */
static int enter_userns(int flags)
{
	if (become_nobody())
		return 199;
	if (unshare(flags))
		return 200 + errno;
	if (write_file("/proc/self/setgroups", "deny") ||
	    write_file("/proc/self/uid_map", "0 65534 1") ||
	    write_file("/proc/self/gid_map", "0 65534 1"))
		return 200 + errno;
	return 0;
}

/*
 * The userns child: exit 200 + errno if the namespaces cannot be made
 * (SKIP), else a bit mask of failed checks.  Reports the unit it made
 * through @pipefd so the parent can look at its own netns meanwhile.
 */
struct userns_arg {
	int init_unit, init_chan, pipe_w, go_r;
};

static int userns_child(void *p)
{
	struct userns_arg *a = p;
	int fd, fd2, unit, bad = 0, v;
	char c;

	v = enter_userns(CLONE_NEWUSER | CLONE_NEWNET);
	if (v)
		return v;
	fd = open(NODE, O_RDWR);
	if (fd < 0)
		return 1;	/* userns/open failed: nothing else to do */
	unit = -1;
	if (ioctl(fd, PPPIOCNEWUNIT, &unit) < 0)
		bad |= 2;
	v = unit;
	if (write(a->pipe_w, &v, sizeof(v)) != sizeof(v))
		bad |= 2;
	/* wait until the parent has counted its interfaces */
	if (read(a->go_r, &c, 1) != 1)
		bad |= 2;
	fd2 = open(NODE, O_RDWR);
	v = a->init_unit;
	if (fd2 < 0 || ioctl(fd2, PPPIOCATTACH, &v) == 0 || errno != ENXIO) {
		/* unless our own unit happens to have that number */
		if (!(fd2 >= 0 && v == unit))
			bad |= 8;
	}
	if (fd2 >= 0)
		close(fd2);
	fd2 = open(NODE, O_RDWR);
	v = a->init_chan;
	if (fd2 < 0 || ioctl(fd2, PPPIOCATTCHAN, &v) == 0 || errno != ENXIO)
		bad |= 16;
	if (fd2 >= 0)
		close(fd2);
	close(fd);
	return bad;
}

/* User namespace only, init netns: exit 0 if as wanted, else a mask. */
static int userns_only_child(void *p)
{
	int init_unit = *(int *)p, fd, unit = -1, bad = 0;

	bad = enter_userns(CLONE_NEWUSER);
	if (bad)
		return bad;
	fd = open(NODE, O_RDWR);
	if (fd < 0)
		return 1;
	if (ioctl(fd, PPPIOCNEWUNIT, &unit) == 0 || errno != EPERM)
		bad |= 2;
	unit = init_unit;
	if (ioctl(fd, PPPIOCATTACH, &unit) == 0 || errno != EPERM)
		bad |= 4;
	close(fd);
	return bad;
}

/*
 * A child that could not make its namespaces (status >= 199): report
 * @name as SKIP if the kernel has none, else as FAIL.
 */
static void report_no_userns(const char *name, int status)
{
	if (status - 200 == EINVAL) {
		report(name, "SKIP", "no user namespaces in this kernel (EINVAL)");
		return;
	}
	if (status == 199) {
		report(name, "FAIL", "could not become 65534");
		return;
	}
	report(name, "FAIL", "65534 could not make its user namespace: %s",
	       ename(status - 200));
}

static void check_userns_only(void)
{
	int ufd = open("/dev/ppp", O_RDWR), unit = -1, st;

	ioctl(ufd, PPPIOCNEWUNIT, &unit);
	st = in_child(userns_only_child, &unit);
	if (st >= 199) {
		report_no_userns("userns-only/open", st);
	} else {
		report("userns-only/open", st == 1 ? "FAIL" : "PASS",
		       "65534 in its own user namespace could not open the node");
		if (st != 1) {
			report("userns-only/newunit-eperm", st & 2 ? "FAIL" : "PASS",
			       "PPPIOCNEWUNIT in the init netns did not fail with EPERM");
			report("userns-only/attach-eperm", st & 4 ? "FAIL" : "PASS",
			       "PPPIOCATTACH in the init netns did not fail with EPERM");
		}
	}
	close(ufd);
}

static void check_userns(void)
{
	struct userns_arg a;
	int ufd, m, s, ld = N_PPP, p[2], go[2], status, before, after, v;
	pid_t pid;

	ufd = open("/dev/ppp", O_RDWR);
	a.init_unit = -1;
	a.init_chan = -1;
	ioctl(ufd, PPPIOCNEWUNIT, &a.init_unit);
	m = posix_openpt(O_RDWR | O_NOCTTY);
	grantpt(m);
	unlockpt(m);
	s = open(ptsname(m), O_RDWR | O_NOCTTY);
	if (s >= 0 && ioctl(s, TIOCSETD, &ld) == 0)
		ioctl(s, PPPIOCGCHAN, &a.init_chan);
	if (pipe(p) || pipe(go))
		return;
	a.pipe_w = p[1];
	a.go_r = go[0];
	before = count_ppp_ifaces();
	pid = fork();
	if (pid == 0)
		_exit(userns_child(&a));
	close(p[1]);
	close(go[0]);
	v = -1;
	if (read(p[0], &v, sizeof(v)) == sizeof(v)) {
		after = count_ppp_ifaces();
		if (write(go[1], "g", 1) != 1)
			after = -1;
	} else {
		after = before;
	}
	close(go[1]);
	close(p[0]);
	waitpid(pid, &status, 0);
	status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (status >= 199) {
		report_no_userns("userns/open", status);
		goto out;
	}
	report("userns/open", status == 1 ? "FAIL" : "PASS",
	       "65534 in its own user+net namespace could not open /dev/ppp");
	if (status == 1)
		goto out;
	report("userns/newunit", status & 2 ? "FAIL" : "PASS",
	       "PPPIOCNEWUNIT failed in the user namespace");
	report("userns/unit-in-own-netns", after == before ? "PASS" : "FAIL",
	       "init netns went from %d to %d ppp interfaces", before, after);
	report("userns/no-attach-init-unit", status & 8 ? "FAIL" : "PASS",
	       "PPPIOCATTACH to the init netns' unit %d did not fail with ENXIO",
	       a.init_unit);
	report("userns/no-attchan-init-channel", status & 16 ? "FAIL" : "PASS",
	       "PPPIOCATTCHAN to the init netns' channel %d did not fail with ENXIO",
	       a.init_chan);
out:
	close(s);
	close(m);
	close(ufd);
}

int main(void)
{
	int st, fd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	alarm(50);
	unlink(NODE);
	if (mknod(NODE, S_IFCHR | 0666, makedev(108, 0)) || chmod(NODE, 0666)) {
		report("setup", "FAIL", "mknod %s: %s", NODE, ename(errno));
		return 1;
	}
	st = in_child(nobody_open, NODE);
	report("nobody-eperm", st == 0 ? "PASS" : "FAIL",
	       "child status %d (%s)", st, st >= 100 ? ename(st - 100) : "-");
	st = in_child(nobody_open, "/dev/ppp");
	report("nobody-dev-ppp-eacces", st == 0 ? "PASS" : "FAIL",
	       "child status %d (%s)", st, st >= 100 ? ename(st - 100) : "-");
	fd = open("/dev/ppp", O_RDWR);
	st = in_child(passed_fd, &fd);
	report("passed-fd-newunit-eperm", st == 0 ? "PASS" : "FAIL",
	       "child status %d (%s)", st, st >= 100 ? ename(st - 100) : "-");
	close(fd);
	check_userns();
	check_userns_only();
	unlink(NODE);
	printf("priv: %d failures\n", failures);
	return failures ? 1 : 0;
}
