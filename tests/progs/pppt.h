/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pppt.h: what the test programs in tests/progs/ share - the RESULT line
 * format, errno expectations, raw ptys, the HDLC FCS, rtnetlink "ppp"
 * links and /proc/net/pppoe's session count.  Header-only (every program is a single gcc invocation, see
 * scripts/qemu/run.sh); everything is static inline, so a program pays
 * only for what it uses.
 *
 * A program that reports checks defines PPPT_AREA ("ioctl", "proto", ...)
 * before including this: its lines read "RESULT <area>/<name> PASS|FAIL".
 */
#ifndef PPPT_H
#define PPPT_H

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#ifndef N_PPP
#define N_PPP 3
#endif
#ifndef PPPIOCBRIDGECHAN
#define PPPIOCBRIDGECHAN	_IOW('t', 53, int)
#define PPPIOCUNBRIDGECHAN	_IO('t', 52)
#endif

/* "EPERM" for EPERM, "success" for 0. */
static inline const char *ename(int e)
{
	return e ? strerrorname_np(e) : "success";
}

#ifdef PPPT_AREA
static int failures;

/*
 * One check's line: @status is PASS, FAIL or SKIP; unless it passed, the
 * printf-style reason follows.
 */
static inline __attribute__((format(printf, 3, 4)))
void report(const char *name, const char *status, const char *fmt, ...)
{
	va_list ap;

	printf("RESULT " PPPT_AREA "/%s %s", name, status);
	if (fmt && strcmp(status, "PASS")) {
		putchar(' ');
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
	}
	putchar('\n');
	fflush(stdout);
	if (!strcmp(status, "FAIL"))
		failures++;
}

/* report() for a yes/no check. */
#define result(name, ok, ...) \
	report((name), (ok) ? "PASS" : "FAIL", __VA_ARGS__)

/* @ret is what a syscall returned: want -1 with errno @want, or success. */
static inline void expect(const char *name, long ret, int want)
{
	int got = ret < 0 ? errno : 0;

	result(name, got == want, "want %s, got %s (ret %ld)", ename(want),
	       ename(got), ret);
}
#endif /* PPPT_AREA */

/*
 * /dev/ppp, close-on-exec: the fd, or -1 with errno set.  @must: a
 * program that cannot go on without it exits with status 2 instead.
 */
static inline int pppt_open_ppp(bool must)
{
	int fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);

	if (fd < 0 && must) {
		perror("open /dev/ppp");
		exit(2);
	}
	return fd;
}

/* A pty pair, both ends raw (no echo, no line editing); 0 or -1. */
static inline int pppt_open_pty(int *m, int *s)
{
	struct termios tio;

	*m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (*m < 0 || grantpt(*m) || unlockpt(*m))
		return -1;
	*s = open(ptsname(*m), O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (*s < 0)
		return -1;
	tcgetattr(*s, &tio);
	cfmakeraw(&tio);
	tcsetattr(*s, TCSANOW, &tio);
	tcgetattr(*m, &tio);
	cfmakeraw(&tio);
	tcsetattr(*m, TCSANOW, &tio);
	return 0;
}

/*
 * A raw pty pair whose slave is also reachable as the symlink @link (a
 * relay's end for pppd to open); returns the master, the slave in
 * *@slave, or -1.
 */
static inline int pppt_pty_link(const char *link, int *slave)
{
	int m;

	if (pppt_open_pty(&m, slave))
		return -1;
	unlink(link);
	if (symlink(ptsname(m), link))
		return -1;
	return m;
}

/* RFC 1662 FCS-16 over @n bytes, bit by bit (the tests' own reference). */
static inline uint16_t fcs16(const uint8_t *p, size_t n)
{
	uint16_t fcs = 0xffff;

	while (n--) {
		fcs ^= *p++;
		for (int i = 0; i < 8; i++)
			fcs = (fcs & 1) ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
	}
	return fcs;
}

/* --- rtnetlink: RTM_NEWLINK kind "ppp" with IFLA_PPP_DEV_FD ---------- */

struct pppt_nlreq {
	struct nlmsghdr nh;
	struct ifinfomsg ifi;
	char attrs[256];
};

/* Append attribute @type to @r; a nest when @data is NULL and @len 0. */
static inline struct rtattr *pppt_nl_attr(struct pppt_nlreq *r,
					  unsigned short type,
					  const void *data, size_t len)
{
	struct rtattr *rta;

	rta = (void *)((char *)r + NLMSG_ALIGN(r->nh.nlmsg_len));
	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(rta), data, len);
	r->nh.nlmsg_len = NLMSG_ALIGN(r->nh.nlmsg_len) +
			  RTA_ALIGN(rta->rta_len);
	return rta;
}

/*
 * Create interface @ifname (NULL: let the driver name it) of kind "ppp"
 * from the unattached /dev/ppp fd @ppp_fd, as pppd 2.5 does; 0 or -errno.  EBUSY (the driver's trylock
 * of its ioctl mutex) is retried, as pppd does.
 */
static inline int pppt_rtnl_new_ppp(const char *ifname, int ppp_fd)
{
	struct rtattr *info, *data;
	struct pppt_nlreq r;
	char buf[512];
	int s, n, tries;

	for (tries = 0; tries < 50; tries++) {
		memset(&r, 0, sizeof(r));
		r.nh.nlmsg_len = NLMSG_LENGTH(sizeof(r.ifi));
		r.nh.nlmsg_type = RTM_NEWLINK;
		r.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE |
				   NLM_F_EXCL;
		r.ifi.ifi_family = AF_UNSPEC;
		if (ifname)
			pppt_nl_attr(&r, IFLA_IFNAME, ifname,
				     strlen(ifname) + 1);
		info = pppt_nl_attr(&r, IFLA_LINKINFO, NULL, 0);
		pppt_nl_attr(&r, IFLA_INFO_KIND, "ppp", 4);
		data = pppt_nl_attr(&r, IFLA_INFO_DATA, NULL, 0);
		pppt_nl_attr(&r, IFLA_PPP_DEV_FD, &ppp_fd, sizeof(ppp_fd));
		data->rta_len = (char *)&r + r.nh.nlmsg_len - (char *)data;
		info->rta_len = (char *)&r + r.nh.nlmsg_len - (char *)info;

		s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
		if (s < 0)
			return -errno;
		if (send(s, &r, r.nh.nlmsg_len, 0) < 0) {
			n = -errno;
			close(s);
			return n;
		}
		n = recv(s, buf, sizeof(buf), 0);
		close(s);
		if (n < (int)NLMSG_LENGTH(sizeof(struct nlmsgerr)))
			return -EIO;
		n = ((struct nlmsgerr *)NLMSG_DATA((struct nlmsghdr *)buf))->error;
		if (n != -EBUSY)
			return n;
		usleep(20000);
	}
	return -EBUSY;
}

/*
 * Wait up to @ms milliseconds for interface @ifname to go; true once it
 * has.  (Closing a unit's owner fd removes its interface before close()
 * returns; a dellink or a dying netns may take longer.)
 */
static inline bool pppt_wait_if_gone(const char *ifname, int ms)
{
	for (; ms > 0 && if_nametoindex(ifname); ms -= 20)
		usleep(20000);
	return !if_nametoindex(ifname);
}

/*
 * Kernel-mode PPPoE sessions listed in /proc/net/pppoe of the current
 * network namespace (its lines less the header); -1 without the file.
 */
static inline int pppt_pppoe_sessions(void)
{
	char line[256];
	int lines = 0;
	FILE *f = fopen("/proc/net/pppoe", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		lines++;
	fclose(f);
	return lines - 1;
}

#endif /* PPPT_H */
