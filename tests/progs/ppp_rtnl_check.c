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
#include "pppt.h"

static int failures;

static void result(const char *name, int ok, const char *why)
{
	printf("RESULT rtnl/%s %s%s%s\n", name, ok ? "PASS" : "FAIL",
	       ok || !why ? "" : " ", ok || !why ? "" : why);
	if (!ok)
		failures++;
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
	err = pppt_rtnl_new_ppp("pppcheck0", fd);
	snprintf(why, sizeof(why), "newlink: %s", strerror(-err));
	result("named-create", err == 0, why);
	unit = -1;
	ret = ioctl(fd, PPPIOCGUNIT, &unit);
	result("named-gunit", ret == 0 && unit >= 0, "PPPIOCGUNIT failed");
	result("named-exists", if_nametoindex("pppcheck0") > 0, "no such if");

	/* An attached fd is refused. */
	err = pppt_rtnl_new_ppp("pppcheck1", fd);
	snprintf(why, sizeof(why), "want EBADF, got %s", strerror(-err));
	result("attached-fd-ebadf", err == -EBADF, why);

	/* Unnamed: the name follows the unit number, as with NEWUNIT. */
	fd2 = open_ppp();
	err = pppt_rtnl_new_ppp(NULL, fd2);
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
	result("close-deletes", pppt_wait_if_gone("pppcheck0", 2000) &&
	       pppt_wait_if_gone(name, 2000), "interface still there after 2 s");

	printf("rtnl-check: %d failures\n", failures);
	return failures ? 1 : 0;
}
