// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_unit_link: one end of a PPP link without pppd, for comparing a
 * unit made through rtnetlink with one made by PPPIOCNEWUNIT.
 *
 *   ppp_unit_link rtnl IFNAME TTY     RTM_NEWLINK kind "ppp" with
 *                                     IFLA_PPP_DEV_FD (as pppd 2.5 does
 *                                     for its ifname option)
 *   ppp_unit_link newunit - TTY       PPPIOCNEWUNIT (as pppd 2.4.9 does)
 *
 * Puts TTY in N_PPP, attaches its channel, makes the unit, connects the
 * channel to it (MRU 1500, no flags: no VJ, no CCP), prints the
 * interface name and then sleeps until SIGTERM/SIGINT.  There is no LCP:
 * both ends keep ppp_async's defaults (every control character escaped,
 * full address/control and protocol fields), which agree.  Addresses
 * and "up" are the caller's (ip addr add A peer B dev IF).
 *
 * Exit status: 0 after a signal, 1 on usage, 2 on a setup failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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
#include <net/if.h>
#include "pppt.h"

static void die(const char *what)
{
	fprintf(stderr, "ppp_unit_link: %s: %s\n", what, strerror(errno));
	exit(2);
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	stop = 1;
}

int main(int argc, char **argv)
{
	int tty, chan_fd, unit_fd, ldisc = N_PPP, chan = -1, unit = -1, val;
	struct sigaction sa = { .sa_handler = on_signal };
	char ifname[IFNAMSIZ];
	int err;

	if (argc != 4 || (strcmp(argv[1], "rtnl") && strcmp(argv[1], "newunit")) ||
	    strlen(argv[2]) >= IFNAMSIZ) {
		fprintf(stderr, "usage: ppp_unit_link rtnl IFNAME TTY | newunit - TTY\n");
		return 1;
	}
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	tty = open(argv[3], O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (tty < 0)
		die(argv[3]);
	if (ioctl(tty, TIOCSETD, &ldisc) < 0)
		die("TIOCSETD N_PPP");
	if (ioctl(tty, PPPIOCGCHAN, &chan) < 0)
		die("PPPIOCGCHAN");
	chan_fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);
	if (chan_fd < 0 || ioctl(chan_fd, PPPIOCATTCHAN, &chan) < 0)
		die("PPPIOCATTCHAN");

	unit_fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);
	if (unit_fd < 0)
		die("/dev/ppp");
	if (!strcmp(argv[1], "rtnl")) {
		err = pppt_rtnl_new_ppp(argv[2], unit_fd);
		if (err) {
			errno = -err;
			die("RTM_NEWLINK");
		}
		if (ioctl(unit_fd, PPPIOCGUNIT, &unit) < 0)
			die("PPPIOCGUNIT");
		snprintf(ifname, sizeof(ifname), "%s", argv[2]);
	} else {
		if (ioctl(unit_fd, PPPIOCNEWUNIT, &unit) < 0)
			die("PPPIOCNEWUNIT");
		snprintf(ifname, sizeof(ifname), "ppp%d", unit);
	}
	val = 1500;
	if (ioctl(unit_fd, PPPIOCSMRU, &val) < 0)
		die("PPPIOCSMRU");
	val = 0;
	if (ioctl(unit_fd, PPPIOCSFLAGS, &val) < 0)
		die("PPPIOCSFLAGS");
	if (ioctl(chan_fd, PPPIOCCONNECT, &unit) < 0)
		die("PPPIOCCONNECT");

	printf("%s\n", ifname);
	fflush(stdout);
	while (!stop)
		pause();
	close(chan_fd);
	close(unit_fd);
	close(tty);
	return 0;
}
