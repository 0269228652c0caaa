// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_proto_check: the parts of the protocol-feature contract that need
 * no peer (VJ slot ids, rtnl units), for the in-tree ppp_generic and
 * ours alike:
 *
 *   maxcid/.. PPPIOCSMAXCID: low 16 bits = highest transmit slot id,
 *             high 16 bits = highest receive slot id (0 = 15, 0xffff
 *             = none); VJ (slhc and ours) has at most 255 slots each way, so ids
 *             >= 255 and other negative values are refused with EINVAL,
 *             and a refused value leaves the unit usable (VJ counters
 *             still readable).
 *   rtnl/..   a unit created with RTM_NEWLINK kind "ppp" and
 *             IFLA_PPP_DEV_FD takes the same unit ioctls as a
 *             PPPIOCNEWUNIT one, a channel connects to it by number and
 *             its netdev answers SIOCGPPPSTATS / SIOCGPPPVER.
 *
 * Needs ppp_generic and ppp_async loaded, root, and a devpts.
 * Prints one "RESULT proto/<check> PASS|FAIL <why>" line per check.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#include <linux/if_link.h>
#include <linux/if_ppp.h>
#include <linux/netlink.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_defs.h>
#include <linux/rtnetlink.h>
#define PPPT_AREA "proto"
#include "pppt.h"

static int unit_ifname(int unit_fd, char *name)
{
	int unit = -1;

	if (ioctl(unit_fd, PPPIOCGUNIT, &unit) < 0)
		return -1;
	snprintf(name, IFNAMSIZ, "ppp%d", unit);
	return unit;
}

/* SIOCGPPPSTATS on @ifname; returns 0 or -errno. */
static int get_stats(const char *ifname, struct ppp_stats *st)
{
	struct ifreq ifr;
	int s, ret;

	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	ifr.ifr_data = (void *)st;
	ret = ioctl(s, SIOCGPPPSTATS, &ifr) < 0 ? -errno : 0;
	close(s);
	return ret;
}

struct maxcid_case {
	const char *name;
	int val;
	int err;
};

static const struct maxcid_case maxcid_cases[] = {
	{ "default", 0, 0 },			/* tx 0 (1 slot), rx 15 */
	{ "tx15", 15, 0 },			/* pppd's default */
	{ "tx254-rx254", (254 << 16) | 254, 0 },	/* the largest */
	{ "tx255", 255, EINVAL },
	{ "rx255", (255 << 16) | 15, EINVAL },
	{ "tx65535", 0xffff, EINVAL },
	/*
	 * rx id 0xffff with a small tx id is taken as "no receive slots"
	 * (the in-tree driver shifts the int arithmetically and reads
	 * rx -1): ppp_ioctl_check's unit/smaxcid-rx-none.
	 */
	{ "minus1", -1, EINVAL },
	{ "intmin", (int)0x80000000, EINVAL },
	{ "tx256-rx1", (1 << 16) | 256, EINVAL },
	{ "after-refusals", 15 << 16 | 15, 0 },	/* still settable */
};

/* @ifname: the unit's interface, NULL for "ppp<unit>". */
static void check_maxcid(int fd, const char *prefix, const char *ifname)
{
	char name[64], pppn[IFNAMSIZ];
	struct ppp_stats st;
	unsigned int i;
	int val, err;

	for (i = 0; i < sizeof(maxcid_cases) / sizeof(maxcid_cases[0]); i++) {
		snprintf(name, sizeof(name), "%s/%s", prefix,
			 maxcid_cases[i].name);
		val = maxcid_cases[i].val;
		expect(name, ioctl(fd, PPPIOCSMAXCID, &val),
		       maxcid_cases[i].err);
	}
	/* VJ on with the state that survived the refusals. */
	val = SC_COMP_TCP;
	snprintf(name, sizeof(name), "%s/sflags-comp-tcp", prefix);
	expect(name, ioctl(fd, PPPIOCSFLAGS, &val), 0);
	memset(&st, 0xff, sizeof(st));
	if (!ifname)
		ifname = unit_ifname(fd, pppn) < 0 ? "?" : pppn;
	err = get_stats(ifname, &st);
	snprintf(name, sizeof(name), "%s/vj-stats-readable", prefix);
	result(name, !err && st.vj.vjs_packets == 0 &&
	       st.vj.vjs_compressedin == 0,
	       "SIOCGPPPSTATS %s: %s, vj packets %u in %u", ifname,
	       strerror(-err), st.vj.vjs_packets, st.vj.vjs_compressedin);
}

/* A pty slave in N_PPP and its channel fd; returns the channel fd. */
static int pty_channel(int *master, int *tty)
{
	int ldisc = N_PPP, chan = -1, cfd;

	*master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (*master < 0 || grantpt(*master) || unlockpt(*master))
		return -1;
	*tty = open(ptsname(*master), O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (*tty < 0 || ioctl(*tty, TIOCSETD, &ldisc) < 0 ||
	    ioctl(*tty, PPPIOCGCHAN, &chan) < 0)
		return -1;
	cfd = pppt_open_ppp(true);
	if (ioctl(cfd, PPPIOCATTCHAN, &chan) < 0) {
		close(cfd);
		return -1;
	}
	return cfd;
}

static void check_rtnl_unit(void)
{
	char ifname[IFNAMSIZ], want[IFNAMSIZ] = "ppprtchk0";
	int fd, cfd = -1, master = -1, tty = -1, unit, val, err;
	struct npioctl npi = { .protocol = PPP_IP, .mode = NPMODE_PASS };
	struct ppp_idle idle;
	struct ppp_stats st;
	struct ifreq ifr;
	char ver[32] = "";
	int s;

	fd = pppt_open_ppp(true);
	err = pppt_rtnl_new_ppp(want, fd);
	result("rtnl/create", err == 0, "RTM_NEWLINK: %s", strerror(-err));
	if (err) {
		close(fd);
		return;
	}
	unit = unit_ifname(fd, ifname);
	result("rtnl/gunit", unit >= 0, "PPPIOCGUNIT: %s", strerror(errno));
	result("rtnl/ifindex", if_nametoindex(want) > 0, "no %s", want);

	/* The unit ioctls pppd issues on a fresh unit. */
	val = 1500;
	expect("rtnl/smru", ioctl(fd, PPPIOCSMRU, &val), 0);
	val = SC_COMP_TCP;
	expect("rtnl/sflags", ioctl(fd, PPPIOCSFLAGS, &val), 0);
	val = 0;
	expect("rtnl/gflags", ioctl(fd, PPPIOCGFLAGS, &val), 0);
	result("rtnl/gflags-value", val == SC_COMP_TCP, "flags %#x", val);
	expect("rtnl/snpmode", ioctl(fd, PPPIOCSNPMODE, &npi), 0);
	expect("rtnl/gidle", ioctl(fd, PPPIOCGIDLE, &idle), 0);
	check_maxcid(fd, "rtnl/maxcid", want);

	/* A channel connects to it by unit number, and disconnects. */
	cfd = pty_channel(&master, &tty);
	result("rtnl/channel", cfd >= 0, "pty channel: %s", strerror(errno));
	if (cfd >= 0) {
		val = unit;
		expect("rtnl/connect", ioctl(cfd, PPPIOCCONNECT, &val), 0);
		expect("rtnl/connect-again", ioctl(cfd, PPPIOCCONNECT, &val),
		       EINVAL);
		expect("rtnl/disconnect", ioctl(cfd, PPPIOCDISCONN), 0);
	}

	/* Its netdev is a PPP one: private ioctls by the rtnl name. */
	memset(&st, 0, sizeof(st));
	err = get_stats(want, &st);
	result("rtnl/siocgpppstats", err == 0, "%s", strerror(-err));
	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", want);
	ifr.ifr_data = ver;
	err = ioctl(s, SIOCGPPPVER, &ifr) < 0 ? errno : 0;
	result("rtnl/siocgpppver", !err && !strcmp(ver, "2.4.2"),
	       "%s, version '%.31s'", strerror(err), ver);
	close(s);

	if (cfd >= 0)
		close(cfd);
	if (tty >= 0)
		close(tty);
	if (master >= 0)
		close(master);
	close(fd);
	result("rtnl/close-deletes", pppt_wait_if_gone(want, 2000),
	       "%s still there after 2 s", want);
}

int main(void)
{
	int fd, unit = -1;

	setvbuf(stdout, NULL, _IOLBF, 0);

	fd = pppt_open_ppp(true);
	if (ioctl(fd, PPPIOCNEWUNIT, &unit) < 0) {
		perror("PPPIOCNEWUNIT");
		return 2;
	}
	check_maxcid(fd, "maxcid", NULL);
	close(fd);

	check_rtnl_unit();

	printf("proto-check: %d failures\n", failures);
	return failures ? 1 : 0;
}
