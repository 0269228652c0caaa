// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_rtnl_check: creates PPP interfaces through rtnetlink (link kind
 * "ppp", IFLA_PPP_DEV_FD), the way pppd 2.5 does for its "ifname"
 * option, and checks they behave like PPPIOCNEWUNIT ones.  Must pass on
 * the in-tree ppp_generic and on ours.
 *
 * Prints one "RESULT rtnl/<check> PASS|FAIL <why>" line per check.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/ppp-ioctl.h>
#include <linux/rtnetlink.h>

static int failures;

static void result(const char *name, int ok, const char *why)
{
	printf("RESULT rtnl/%s %s%s%s\n", name, ok ? "PASS" : "FAIL",
	       ok || !why ? "" : " ", ok || !why ? "" : why);
	if (!ok)
		failures++;
}

struct req {
	struct nlmsghdr nh;
	struct ifinfomsg ifi;
	char attrs[256];
};

static struct rtattr *put_attr(struct req *r, unsigned short type,
			       const void *data, size_t len)
{
	struct rtattr *rta = (void *)((char *)r + NLMSG_ALIGN(r->nh.nlmsg_len));

	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(rta), data, len);
	r->nh.nlmsg_len = NLMSG_ALIGN(r->nh.nlmsg_len) + RTA_ALIGN(rta->rta_len);
	return rta;
}

static void end_nest(struct req *r, struct rtattr *nest)
{
	nest->rta_len = (char *)r + r->nh.nlmsg_len - (char *)nest;
}

/* RTM_NEWLINK kind "ppp"; returns 0 or -errno from the kernel's ack. */
static int newlink(const char *name, int ppp_fd)
{
	struct rtattr *linkinfo, *data;
	struct req r = { 0 };
	char buf[512];
	struct nlmsgerr *err;
	int s, n;

	r.nh.nlmsg_len = NLMSG_LENGTH(sizeof(r.ifi));
	r.nh.nlmsg_type = RTM_NEWLINK;
	r.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE |
			   NLM_F_EXCL;
	r.ifi.ifi_family = AF_UNSPEC;
	if (name)
		put_attr(&r, IFLA_IFNAME, name, strlen(name) + 1);
	linkinfo = put_attr(&r, IFLA_LINKINFO, NULL, 0);
	put_attr(&r, IFLA_INFO_KIND, "ppp", 4);
	data = put_attr(&r, IFLA_INFO_DATA, NULL, 0);
	put_attr(&r, IFLA_PPP_DEV_FD, &ppp_fd, sizeof(ppp_fd));
	end_nest(&r, data);
	end_nest(&r, linkinfo);

	s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (s < 0 || send(s, &r, r.nh.nlmsg_len, 0) < 0)
		return -errno;
	n = recv(s, buf, sizeof(buf), 0);
	close(s);
	if (n < (int)NLMSG_LENGTH(sizeof(*err)))
		return -EIO;
	err = NLMSG_DATA((struct nlmsghdr *)buf);
	return err->error;
}

static int open_ppp(void)
{
	int fd = open("/dev/ppp", O_RDWR);

	if (fd < 0) {
		perror("/dev/ppp");
		exit(2);
	}
	return fd;
}

int main(void)
{
	char name[IFNAMSIZ], why[128];
	int fd, fd2, unit, err, ret;

	setvbuf(stdout, NULL, _IOLBF, 0);

	/* Named: the interface gets the name, the fd owns the unit. */
	fd = open_ppp();
	err = newlink("pppcheck0", fd);
	snprintf(why, sizeof(why), "newlink: %s", strerror(-err));
	result("named-create", err == 0, why);
	unit = -1;
	ret = ioctl(fd, PPPIOCGUNIT, &unit);
	result("named-gunit", ret == 0 && unit >= 0, "PPPIOCGUNIT failed");
	result("named-exists", if_nametoindex("pppcheck0") > 0, "no such if");

	/* An attached fd is refused. */
	err = newlink("pppcheck1", fd);
	snprintf(why, sizeof(why), "want EBADF, got %s", strerror(-err));
	result("attached-fd-ebadf", err == -EBADF, why);

	/* Unnamed: the name follows the unit number, as with NEWUNIT. */
	fd2 = open_ppp();
	err = newlink(NULL, fd2);
	unit = -1;
	ioctl(fd2, PPPIOCGUNIT, &unit);
	snprintf(name, sizeof(name), "ppp%d", unit);
	snprintf(why, sizeof(why), "err %d, %s missing", err, name);
	result("unnamed-is-pppN", err == 0 && if_nametoindex(name) > 0, why);

	/* The same unit number cannot be taken again through the ioctl. */
	{
		int fd3 = open_ppp(), u = unit;

		ret = ioctl(fd3, PPPIOCNEWUNIT, &u);
		result("unit-taken-eexist", ret < 0 && errno == EEXIST,
		       "NEWUNIT on an rtnl unit did not fail with EEXIST");
		close(fd3);
	}

	/* Closing the owner fd deletes the interface. */
	close(fd);
	close(fd2);
	usleep(200000);
	result("close-deletes", if_nametoindex("pppcheck0") == 0 &&
	       if_nametoindex(name) == 0, "interface still there");

	printf("rtnl-check: %d failures\n", failures);
	return failures ? 1 : 0;
}
