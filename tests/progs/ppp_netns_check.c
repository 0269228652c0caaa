// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_netns_check: units and channels belong to the network namespace
 * that created them.  Unit numbers and channel indexes are per
 * namespace, an fd cannot attach across namespaces, a unit whose
 * namespace goes away dies (its fds read EOF), and its owner fd can
 * still be closed once the namespace has been freed (run on the debug
 * kernel, where KASAN reports a read of the freed namespace).  Must pass
 * on the in-tree modules and on ours.  Needs ppp_generic + ppp_async,
 * root.
 *
 * Prints one "RESULT netns/<check> PASS|FAIL <why>" line per check.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <linux/ppp-ioctl.h>
#define PPPT_AREA "netns"
#include "pppt.h"

static int new_unit(int fd, int unit)
{
	return ioctl(fd, PPPIOCNEWUNIT, &unit) < 0 ? -errno : unit;
}

/* An N_PPP pty slave; returns its channel index, or -1. */
static int ppp_tty_channel(int *master, int *slave)
{
	int ldisc = N_PPP, chan = -1;

	*master = posix_openpt(O_RDWR | O_NOCTTY);
	if (*master < 0 || grantpt(*master) || unlockpt(*master))
		return -1;
	*slave = open(ptsname(*master), O_RDWR | O_NOCTTY);
	if (*slave < 0 || ioctl(*slave, TIOCSETD, &ldisc) < 0 ||
	    ioctl(*slave, PPPIOCGCHAN, &chan) < 0)
		return -1;
	return chan;
}

/*
 * Child in a fresh netns: the parent's unit number and channel index
 * mean nothing here.  Exit status is a bit mask of failed checks.
 */
static int child_checks(int parent_unit, int parent_chan, int parent_unitfd)
{
	int fd, val, bad = 0;

	if (unshare(CLONE_NEWNET))
		return 0x80;
	fd = pppt_open_ppp(true);
	val = parent_unit;
	if (ioctl(fd, PPPIOCATTACH, &val) == 0 || errno != ENXIO)
		bad |= 1;
	val = parent_chan;
	if (ioctl(fd, PPPIOCATTCHAN, &val) == 0 || errno != ENXIO)
		bad |= 2;
	/* The same number is free here: per-namespace unit table. */
	if (new_unit(fd, parent_unit) != parent_unit)
		bad |= 4;
	/* An fd inherited from the parent's namespace still works. */
	if (ioctl(parent_unitfd, PPPIOCGUNIT, &val) || val != parent_unit)
		bad |= 8;
	close(fd);
	return bad;
}

/* Send / receive one fd over a unix socket. */
static int send_fd(int sock, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

static int recv_fd(int sock)
{
	char cbuf[CMSG_SPACE(sizeof(int))], x;
	struct iovec iov = { .iov_base = &x, .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c;
	int fd;

	if (recvmsg(sock, &msg, 0) != 1)
		return -1;
	c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_type != SCM_RIGHTS)
		return -1;
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

/* Namespaces whose unit fds outlive them in check_netns_death(). */
#define DEAD_NETNS	4
/*
 * cleanup_net() frees a dead namespace's struct net only after its
 * rcu_barrier(), well after the units died with it: this long.
 */
#define NETNS_FREE_WAIT_S	8

/*
 * A child makes a unit in a fresh netns, hands the owner fd to us and
 * exits: the namespace dies, the unit with it.  Returns the fd, or -1.
 */
static int unit_fd_from_dying_netns(void)
{
	int sv[2], status, fd;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		if (unshare(CLONE_NEWNET))
			_exit(1);
		fd = pppt_open_ppp(true);
		if (new_unit(fd, -1) < 0 || send_fd(sv[1], fd))
			_exit(2);
		_exit(0);
	}
	close(sv[1]);
	fd = recv_fd(sv[0]);
	waitpid(pid, &status, 0);
	close(sv[0]);
	return fd;
}

/*
 * A unit lives in the namespace that made it: once that namespace is
 * gone, our fds to its units must see POLLHUP and read EOF.  They are
 * closed only after the struct net itself has been freed: closing the
 * owner fd of such a unit must not touch its namespace any more (on a
 * KASAN kernel a read of the freed net is reported).
 */
static void check_netns_death(void)
{
	struct pollfd pfd[DEAD_NETNS];
	int i, n, hup = 0, eof = 0, gunit = 0, ifindex = 0;
	char buf[8];

	for (n = 0; n < DEAD_NETNS; n++) {
		pfd[n].fd = unit_fd_from_dying_netns();
		pfd[n].events = POLLIN;
		if (pfd[n].fd < 0)
			break;
	}
	if (n < DEAD_NETNS) {
		result("dead-netns-setup", 0, "no fd from child");
		while (n--)
			close(pfd[n].fd);
		return;
	}
	/*
	 * Namespace teardown runs from a workqueue: give it time.  A unit
	 * without channels polls readable anyway, so wait for POLLHUP.
	 */
	for (int t = 0; t < 100 && hup < DEAD_NETNS; t++) {
		usleep(100000);
		poll(pfd, DEAD_NETNS, 0);
		for (i = 0, hup = 0; i < DEAD_NETNS; i++)
			hup += !!(pfd[i].revents & POLLHUP);
	}
	for (i = 0; i < DEAD_NETNS; i++) {
		eof += read(pfd[i].fd, buf, sizeof(buf)) == 0;
		gunit += ioctl(pfd[i].fd, PPPIOCGUNIT, &ifindex) == 0;
	}
	result("dead-netns-pollhup", hup == DEAD_NETNS,
	       "unit still alive after its netns died");
	result("dead-netns-read-eof", eof == DEAD_NETNS,
	       "read did not return EOF");
	result("dead-netns-gunit-still-answers", gunit == DEAD_NETNS,
	       "ioctl on a dead unit failed");
	sleep(NETNS_FREE_WAIT_S);
	for (i = 0; i < DEAD_NETNS; i++)
		close(pfd[i].fd);
	/* A close that read the freed net may not crash here: KASAN tells. */
	result("dead-netns-close-after-free", 1, NULL);
}

int main(void)
{
	int fd, unit, master, slave, chan, status;
	char why[64];
	pid_t pid;

	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = pppt_open_ppp(true);
	unit = new_unit(fd, -1);
	chan = ppp_tty_channel(&master, &slave);
	if (unit < 0 || chan < 0) {
		result("setup", 0, "no unit or channel");
		return 1;
	}

	pid = fork();
	if (pid == 0)
		_exit(child_checks(unit, chan, fd));
	waitpid(pid, &status, 0);
	status = WIFEXITED(status) ? WEXITSTATUS(status) : 0xff;
	snprintf(why, sizeof(why), "child status 0x%x", status);
	result("unshare", !(status & 0x80), "%s", why);
	result("attach-other-netns-enxio", !(status & 0x81), "%s", why);
	result("attchan-other-netns-enxio", !(status & 0x82), "%s", why);
	result("unit-numbers-per-netns", !(status & 0x84), "%s", why);
	result("inherited-fd-works", !(status & 0x88), "%s", why);

	check_netns_death();

	close(slave);
	close(master);
	close(fd);
	printf("netns-check: %d failures\n", failures);
	return failures ? 1 : 0;
}
