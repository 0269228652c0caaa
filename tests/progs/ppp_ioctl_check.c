// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_ioctl_check: checks the /dev/ppp and N_PPP userspace contract -
 * the errno of every ioctl in every fd state, read/write/poll semantics,
 * hangup as EOF and the privilege check - against what the in-tree
 * modules do.  It must pass on the in-tree modules and on ours alike.
 *
 * Needs ppp_generic and ppp_async loaded, root, and a devpts.
 * Prints one "RESULT ioctl/<check> PASS|FAIL <why>" line per check.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_defs.h>
#include <linux/filter.h>
#include <linux/capability.h>
#include <sys/syscall.h>
#define PPPT_AREA "ioctl"
#include "pppt.h"

static void expect_val(const char *name, long got, long want)
{
	result(name, got == want, "want %ld, got %ld", want, got);
}

/* A pty whose slave runs N_PPP: the slave is the tty pppd would hold. */
static int open_ppp_tty(int *master)
{
	int ldisc = N_PPP;
	struct termios tio;
	int m, s;

	m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0 || grantpt(m) || unlockpt(m))
		return -1;
	s = open(ptsname(m), O_RDWR | O_NOCTTY);
	if (s < 0)
		return -1;
	tcgetattr(s, &tio);
	cfmakeraw(&tio);
	tcsetattr(s, TCSANOW, &tio);
	if (ioctl(s, TIOCSETD, &ldisc) < 0) {
		perror("TIOCSETD N_PPP");
		return -1;
	}
	*master = m;
	return s;
}

static void check_unattached(void)
{
	int fd = pppt_open_ppp(true), val = 999;
	char buf[16];
	struct pollfd pfd = { .fd = fd, .events = POLLIN | POLLOUT };

	expect("unattached/read", read(fd, buf, sizeof(buf)), ENXIO);
	expect("unattached/write", write(fd, "\xc0\x21", 2), ENXIO);
	expect_val("unattached/poll", poll(&pfd, 1, 0), 0);
	expect("unattached/attach-missing", ioctl(fd, PPPIOCATTACH, &val),
	       ENXIO);
	val = 99999;
	expect("unattached/attchan-missing", ioctl(fd, PPPIOCATTCHAN, &val),
	       ENXIO);
	expect("unattached/detach", ioctl(fd, PPPIOCDETACH, &val), ENOTTY);
	expect("unattached/gunit", ioctl(fd, PPPIOCGUNIT, &val), ENOTTY);
	expect("unattached/connect", ioctl(fd, PPPIOCCONNECT, &val), ENOTTY);
	expect("unattached/unknown", ioctl(fd, _IO('t', 200), 0), ENOTTY);
	close(fd);
}

static int check_unit(int fd)
{
	int unit = -1, val, other;
	struct npioctl npi;
	struct ppp_idle idle;
	struct sock_fprog prog = { 0 };
	struct ppp_option_data opt;
	unsigned char ccp[40] = { 200, 3, 0 };
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char buf[8];

	expect("unit/newunit", ioctl(fd, PPPIOCNEWUNIT, &unit), 0);
	val = -1;
	expect("unit/gunit", ioctl(fd, PPPIOCGUNIT, &val), 0);
	expect_val("unit/gunit-value", val, unit);

	other = pppt_open_ppp(true);
	val = unit;
	expect("unit/newunit-taken", ioctl(other, PPPIOCNEWUNIT, &val),
	       EEXIST);
	val = unit;
	expect("unit/attach", ioctl(other, PPPIOCATTACH, &val), 0);
	expect("unit/attach-again", ioctl(other, PPPIOCATTACH, &val), ENOTTY);
	close(other);

	val = 1500;
	expect("unit/smru", ioctl(fd, PPPIOCSMRU, &val), 0);
	/* The unit takes any MRU and MRRU, as in-tree. */
	val = -1;
	expect("unit/smru-negative", ioctl(fd, PPPIOCSMRU, &val), 0);
	val = INT_MAX;
	expect("unit/smru-intmax", ioctl(fd, PPPIOCSMRU, &val), 0);
	val = 1500;
	ioctl(fd, PPPIOCSMRU, &val);
	val = -1;
	expect("unit/smrru-negative", ioctl(fd, PPPIOCSMRRU, &val), 0);
	val = INT_MAX;
	expect("unit/smrru-intmax", ioctl(fd, PPPIOCSMRRU, &val), 0);
	val = 0;
	expect("unit/smrru-off", ioctl(fd, PPPIOCSMRRU, &val), 0);
	val = SC_COMP_TCP | SC_CCP_OPEN | SC_COMP_PROT; /* last is not ours */
	expect("unit/sflags", ioctl(fd, PPPIOCSFLAGS, &val), 0);
	val = 0;
	expect("unit/gflags", ioctl(fd, PPPIOCGFLAGS, &val), 0);
	expect_val("unit/gflags-masked", val, SC_COMP_TCP | SC_CCP_OPEN);
	val = 0;
	ioctl(fd, PPPIOCSFLAGS, &val);
	val = 1;
	expect("unit/sdebug", ioctl(fd, PPPIOCSDEBUG, &val), 0);
	val = 0;
	expect("unit/gdebug", ioctl(fd, PPPIOCGDEBUG, &val), 0);
	expect_val("unit/gdebug-value", val, 1);
	val = 0;
	ioctl(fd, PPPIOCSDEBUG, &val);
	expect("unit/gidle", ioctl(fd, PPPIOCGIDLE, &idle), 0);

	npi.protocol = PPP_IP;
	npi.mode = NPMODE_DROP;
	expect("unit/snpmode", ioctl(fd, PPPIOCSNPMODE, &npi), 0);
	npi.mode = NPMODE_PASS;
	expect("unit/gnpmode", ioctl(fd, PPPIOCGNPMODE, &npi), 0);
	expect_val("unit/gnpmode-value", npi.mode, NPMODE_DROP);
	npi.protocol = 0x1234;
	expect("unit/snpmode-badproto", ioctl(fd, PPPIOCSNPMODE, &npi),
	       EINVAL);
	npi.protocol = PPP_IP;
	npi.mode = NPMODE_PASS;
	ioctl(fd, PPPIOCSNPMODE, &npi);

	val = 15;
	expect("unit/smaxcid", ioctl(fd, PPPIOCSMAXCID, &val), 0);
	val = (15 << 16) | 1000;
	expect("unit/smaxcid-toomany", ioctl(fd, PPPIOCSMAXCID, &val), EINVAL);
	/* The receive id is a signed 16-bit number: 0xffff is no slots. */
	val = (int)0xffff000f;
	expect("unit/smaxcid-rx-none", ioctl(fd, PPPIOCSMAXCID, &val), 0);
	val = (int)0xfffe000f;
	expect("unit/smaxcid-rx-negative", ioctl(fd, PPPIOCSMAXCID, &val),
	       EINVAL);
	val = 15;
	ioctl(fd, PPPIOCSMAXCID, &val);

	expect("unit/spass-empty", ioctl(fd, PPPIOCSPASS, &prog), 0);
	expect("unit/sactive-empty", ioctl(fd, PPPIOCSACTIVE, &prog), 0);

	opt.ptr = ccp;
	opt.transmit = 1;
	opt.length = 40;
	expect("unit/scompress-toolong", ioctl(fd, PPPIOCSCOMPRESS, &opt),
	       EFAULT);
	opt.length = 1;
	expect("unit/scompress-short", ioctl(fd, PPPIOCSCOMPRESS, &opt),
	       EINVAL);
	opt.length = 3;
	expect("unit/scompress-unknown", ioctl(fd, PPPIOCSCOMPRESS, &opt),
	       EINVAL);

	expect("unit/detach", ioctl(fd, PPPIOCDETACH, &val), EINVAL);
	expect("unit/connect", ioctl(fd, PPPIOCCONNECT, &val), ENOTTY);
	expect("unit/gchan", ioctl(fd, PPPIOCGCHAN, &val), ENOTTY);

	expect("unit/write-1", write(fd, "\x00", 1), EINVAL);
	expect("unit/write-lcp-short", write(fd, "\xc0\x21\x01\x01\x00", 5),
	       EINVAL);
	expect_val("unit/write-lcp-ok",
		   write(fd, "\xc0\x21\x01\x01\x00\x04", 6), 6);

	/* No channel and no loop-traffic: readable, and read says EOF. */
	expect_val("unit/poll-nochan", poll(&pfd, 1, 0), 1);
	expect_val("unit/read-nochan-eof", read(fd, buf, sizeof(buf)), 0);
	return unit;
}

static void check_channel(int unit)
{
	int master, tty, chan = -1, cfd, val, u;
	unsigned int map;
	char buf[64];
	struct pollfd pfd;

	tty = open_ppp_tty(&master);
	if (tty < 0) {
		result("chan/setup", 0, "no N_PPP tty");
		return;
	}
	expect("tty/gchan", ioctl(tty, PPPIOCGCHAN, &chan), 0);
	u = 7;
	expect("tty/gunit-unconnected", ioctl(tty, PPPIOCGUNIT, &u), 0);
	expect_val("tty/gunit-unconnected-value", u, -1);
	val = 1;
	expect("tty/fionread", ioctl(tty, FIONREAD, &val), 0);
	expect_val("tty/fionread-value", val, 0);
	expect("tty/tcflush", tcflush(tty, TCIOFLUSH), 0);
	expect("tty/read", read(tty, buf, 1), EAGAIN);

	cfd = pppt_open_ppp(true);
	expect("chan/attchan", ioctl(cfd, PPPIOCATTCHAN, &chan), 0);
	expect("chan/disconn-unconnected", ioctl(cfd, PPPIOCDISCONN, 0),
	       EINVAL);
	val = 99999;
	expect("chan/connect-missing", ioctl(cfd, PPPIOCCONNECT, &val), ENXIO);
	expect("chan/bridge-missing", ioctl(cfd, PPPIOCBRIDGECHAN, &val),
	       ENXIO);
	/* To itself: refused, and it stays unbridged (checked next). */
	val = chan;
	expect("chan/bridge-self", ioctl(cfd, PPPIOCBRIDGECHAN, &val),
	       EALREADY);
	expect("chan/unbridge-unbridged", ioctl(cfd, PPPIOCUNBRIDGECHAN, 0),
	       EINVAL);
	expect("chan/detach", ioctl(cfd, PPPIOCDETACH, &val), EINVAL);

	/* Forwarded to ppp_async. */
	val = 0;
	expect("chan/gmru", ioctl(cfd, PPPIOCGMRU, &val), 0);
	expect_val("chan/gmru-default", val, 1500);
	val = 70000;
	expect("chan/smru-toobig", ioctl(cfd, PPPIOCSMRU, &val), EINVAL);
	val = 100;
	expect("chan/smru-small", ioctl(cfd, PPPIOCSMRU, &val), 0);
	ioctl(cfd, PPPIOCGMRU, &val);
	expect_val("chan/smru-small-raised", val, 1500);
	map = 0;
	expect("chan/sasyncmap", ioctl(cfd, PPPIOCSASYNCMAP, &map), 0);
	map = 1;
	expect("chan/gasyncmap", ioctl(cfd, PPPIOCGASYNCMAP, &map), 0);
	expect_val("chan/gasyncmap-value", map, 0);
	expect("chan/raccm", ioctl(cfd, PPPIOCSRASYNCMAP, &map), 0);
	expect("chan/gflags", ioctl(cfd, PPPIOCGFLAGS, &val), 0);
	expect("chan/gunit-forwarded", ioctl(cfd, PPPIOCGUNIT, &val), ENOTTY);
	expect("chan/unknown", ioctl(cfd, _IO('t', 200), 0), ENOTTY);

	expect("chan/connect", ioctl(cfd, PPPIOCCONNECT, &unit), 0);
	expect("chan/connect-again", ioctl(cfd, PPPIOCCONNECT, &unit), EINVAL);
	u = -1;
	ioctl(tty, PPPIOCGUNIT, &u);
	expect_val("tty/gunit-connected", u, unit);
	expect("chan/disconn", ioctl(cfd, PPPIOCDISCONN, 0), 0);
	expect("chan/connect-after-disconn", ioctl(cfd, PPPIOCCONNECT, &unit),
	       0);

	expect("chan/write-1", write(cfd, "\xc0", 1), EINVAL);
	expect("chan/write-lcp-short", write(cfd, "\xc0\x21\x01", 3), EINVAL);
	expect_val("chan/write-lcp", write(cfd, "\xc0\x21\x09\x01\x00\x08"
					   "\x00\x00\x00\x00", 10), 10);
	fcntl(cfd, F_SETFL, O_NONBLOCK);
	expect("chan/read-empty-nonblock", read(cfd, buf, sizeof(buf)),
	       EAGAIN);

	/* Hangup: closing the master kills the ldisc; pppd must see EOF. */
	close(master);
	pfd.fd = cfd;
	pfd.events = POLLIN;
	poll(&pfd, 1, 2000);
	expect_val("chan/hangup-pollhup", !!(pfd.revents & POLLHUP), 1);
	expect_val("chan/hangup-read-eof", read(cfd, buf, sizeof(buf)), 0);
	close(cfd);
	close(tty);
}

/* A unit whose owner fd closed is dead for every other fd on it. */
static void check_unit_death(void)
{
	int owner = pppt_open_ppp(true), other = pppt_open_ppp(true), unit = -1;
	struct pollfd pfd = { .fd = other, .events = POLLIN };
	char buf[8];

	ioctl(owner, PPPIOCNEWUNIT, &unit);
	ioctl(other, PPPIOCATTACH, &unit);
	close(owner);
	poll(&pfd, 1, 1000);
	expect_val("unit/dead-pollhup", !!(pfd.revents & POLLHUP), 1);
	expect_val("unit/dead-read-eof", read(other, buf, sizeof(buf)), 0);
	close(other);
	other = pppt_open_ppp(true);
	expect("unit/dead-attach", ioctl(other, PPPIOCATTACH, &unit), ENXIO);
	close(other);
}

/* Drop CAP_NET_ADMIN from this process, staying root (so DAC passes). */
static int drop_net_admin(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data))
		return -1;
	data[CAP_TO_INDEX(CAP_NET_ADMIN)].effective &=
		~CAP_TO_MASK(CAP_NET_ADMIN);
	data[CAP_TO_INDEX(CAP_NET_ADMIN)].permitted &=
		~CAP_TO_MASK(CAP_NET_ADMIN);
	return syscall(SYS_capset, &hdr, data);
}

/* Without CAP_NET_ADMIN, /dev/ppp does not open. */
static void check_privilege(void)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		if (drop_net_admin())
			_exit(3);
		if (open("/dev/ppp", O_RDWR) >= 0)
			_exit(1);
		_exit(errno == EPERM ? 0 : 2);
	}
	waitpid(pid, &status, 0);
	result("unprivileged-open-eperm",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "child status %d", status);
}

int main(void)
{
	int fd, unit;

	setvbuf(stdout, NULL, _IOLBF, 0);
	check_unattached();
	fd = pppt_open_ppp(true);
	unit = check_unit(fd);
	check_channel(unit);
	close(fd);
	check_unit_death();
	check_privilege();
	printf("ioctl-check: %d failures\n", failures);
	return failures ? 1 : 0;
}
