// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_unit_check: how PPPIOCNEWUNIT names a unit when "pppN" names are
 * held by other devices.  In a fresh netns, units 1000..1039 are made
 * and their devices renamed ppp0..ppp39 (what `ip link set ppp1000 name
 * ppp0` does), then:
 *
 *   PPPIOCNEWUNIT(-1)  goes on past every taken name: unit 40, "ppp40";
 *   PPPIOCNEWUNIT(5)   number free, name "ppp5" taken: EEXIST.
 *
 * Must pass on the in-tree modules and on ours.  Needs ppp_generic, root.
 * Prints one "RESULT unit/<check> PASS|FAIL <why>" line per check.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/ppp-ioctl.h>
#define PPPT_AREA "unit"
#include "pppt.h"

/* "pppN" names held by renamed devices: more than any fixed retry count. */
#define TAKEN		40
/* Unit numbers of the renamed devices: far from the names they take. */
#define TAKEN_BASE	1000

/* A unit of number @num on a fresh fd: the fd, or -errno. */
static int new_unit(int *num)
{
	int fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);
	int err;

	if (fd < 0)
		return -errno;
	if (ioctl(fd, PPPIOCNEWUNIT, num) == 0)
		return fd;
	err = -errno;
	close(fd);
	return err;
}

/* Rename interface @from to @to (SIOCSIFNAME); 0 or -errno. */
static int rename_if(int sock, const char *from, const char *to)
{
	struct ifreq ifr = {};

	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", from);
	snprintf(ifr.ifr_newname, IFNAMSIZ, "%s", to);
	return ioctl(sock, SIOCSIFNAME, &ifr) ? -errno : 0;
}

/* Units TAKEN_BASE + i whose devices are renamed ppp<i>; 0 or -1. */
static int take_names(int fds[TAKEN])
{
	char from[IFNAMSIZ], to[IFNAMSIZ];
	int i, num, err, sock;

	sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (sock < 0)
		return -1;
	for (i = 0; i < TAKEN; i++) {
		num = TAKEN_BASE + i;
		fds[i] = new_unit(&num);
		if (fds[i] < 0) {
			result("setup", 0, "PPPIOCNEWUNIT(%d): %s",
			       TAKEN_BASE + i, ename(-fds[i]));
			break;
		}
		snprintf(from, sizeof(from), "ppp%d", num);
		snprintf(to, sizeof(to), "ppp%d", i);
		err = rename_if(sock, from, to);
		if (err) {
			result("setup", 0, "rename %s to %s: %s", from, to,
			       ename(-err));
			break;
		}
	}
	close(sock);
	return i == TAKEN ? 0 : -1;
}

int main(void)
{
	int fds[TAKEN], fd, num, i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	memset(fds, -1, sizeof(fds));
	/* Nothing else in this netns holds a unit number or a name. */
	if (unshare(CLONE_NEWNET)) {
		result("setup", 0, "unshare(CLONE_NEWNET): %s", ename(errno));
		return 1;
	}
	if (take_names(fds) == 0) {
		num = -1;
		fd = new_unit(&num);
		result("newunit-skips-taken-names", fd >= 0 && num == TAKEN,
		       "PPPIOCNEWUNIT(-1): %s, unit %d (want %d)",
		       fd < 0 ? ename(-fd) : "success", num, TAKEN);
		result("newunit-name-follows-number",
		       fd >= 0 && if_nametoindex("ppp40") > 0,
		       "no ppp40 after PPPIOCNEWUNIT(-1)");
		if (fd >= 0)
			close(fd);

		num = 5;
		fd = new_unit(&num);
		result("newunit-number-name-taken-eexist", fd == -EEXIST,
		       "PPPIOCNEWUNIT(5) with ppp5 taken: want EEXIST, got %s",
		       fd < 0 ? ename(-fd) : "success");
		if (fd >= 0)
			close(fd);
	}
	for (i = 0; i < TAKEN; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	printf("unit-check: %d failures\n", failures);
	return failures ? 1 : 0;
}
