// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_rtnl_check: creates PPP interfaces through rtnetlink (link kind
 * "ppp", IFLA_PPP_DEV_FD), the way pppd 2.5 does for its "ifname"
 * option, and checks they behave like PPPIOCNEWUNIT ones.  Must pass on
 * the in-tree ppp_generic and on ours.
 *
 * Usage: ppp_rtnl_check [reuse N [LANES]]
 *   no arguments: every check, with a short name-reuse loop;
 *   reuse N: only the name-reuse loop, N rounds in all, spread over
 *   LANES processes (default 1) that each re-create their own name.
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
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/ppp-ioctl.h>
#include <linux/rtnetlink.h>
#define PPPT_AREA "rtnl"
#include "pppt.h"

/* Rounds of the reuse loop run with the other checks, in one lane. */
#define REUSE_SHORT	200
/* Lanes at most: each re-creates its own name, "wan<lane>". */
#define REUSE_MAX_LANES	16

/* What one lane of the reuse loop saw. */
struct reuse_lane {
	int eexist;		/* creates refused with EEXIST */
	int other;		/* ... with another error */
	int other_err;		/* the last such error */
	int listed;		/* closes after which the name was still seen */
};

/*
 * Is @name still visible?  sysfs every time; if_nametoindex() only now
 * and then: for a missing name the kernel tries to load a module
 * ("netdev-NAME"), an exec per call.
 */
static bool name_listed(const char *name, int round)
{
	char path[64];

	snprintf(path, sizeof(path), "/sys/class/net/%s", name);
	if (!access(path, F_OK))
		return true;
	return round % 64 == 0 && if_nametoindex(name);
}

/* One lane: @rounds times create "wan<lane>", close it. */
static void reuse_lane(int lane, int rounds, struct reuse_lane *out)
{
	char name[IFNAMSIZ];
	int i, fd, err;

	snprintf(name, sizeof(name), "wan%d", lane);
	for (i = 0; i < rounds; i++) {
		fd = pppt_open_ppp(true);
		err = pppt_rtnl_new_ppp(name, fd);
		if (err == -EEXIST) {
			out->eexist++;
		} else if (err) {
			out->other++;
			out->other_err = err;
		}
		close(fd);
		out->listed += name_listed(name, i);
	}
}

/*
 * pppd 2.5 with "ifname wan0 persist" and no holdoff: the fd of the old
 * unit is closed and a unit of the same name is asked for at once, with
 * NLM_F_EXCL.  The closed unit's interface, and so its name, must be
 * gone when close() returns: no EEXIST, ever.  @lanes processes do this
 * side by side, each with its own name, @rounds rounds in all (several
 * pppd restarting at once; the in-tree driver waits out a grace period
 * in every close, which lanes overlap).
 */
static void check_name_reuse(int rounds, int lanes)
{
	struct reuse_lane *res, sum = {};
	struct timespec t0, t1;
	char why[160];
	int i;

	res = mmap(NULL, lanes * sizeof(*res), PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (res == MAP_FAILED) {
		result("reuse-setup", 0, "mmap failed");
		return;
	}
	memset(res, 0, lanes * sizeof(*res));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < lanes; i++) {
		if (fork() == 0) {
			reuse_lane(i, rounds / lanes, &res[i]);
			_exit(0);
		}
	}
	while (wait(NULL) > 0)
		;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	for (i = 0; i < lanes; i++) {
		sum.eexist += res[i].eexist;
		sum.other += res[i].other;
		sum.other_err = sum.other_err ?: res[i].other_err;
		sum.listed += res[i].listed;
	}
	rounds = rounds / lanes * lanes;
	printf("rtnl-check: %d rounds of close + same-name create in %d lanes, %.1f s\n",
	       rounds, lanes, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	snprintf(why, sizeof(why), "%d of %d creates got EEXIST, %d another error (%s)",
		 sum.eexist, rounds, sum.other, strerror(-sum.other_err));
	result("reuse-name-after-close", !sum.eexist && !sum.other, "%s", why);
	snprintf(why, sizeof(why), "name still listed after %d of %d closes",
		 sum.listed, rounds);
	result("reuse-name-gone-at-close", !sum.listed, "%s", why);
	munmap(res, lanes * sizeof(*res));
}

int main(int argc, char **argv)
{
	char name[IFNAMSIZ], why[128];
	int fd, fd2, unit, err, ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && argc <= 4 && !strcmp(argv[1], "reuse")) {
		int lanes = argc == 4 ? atoi(argv[3]) : 1;

		if (lanes < 1 || lanes > REUSE_MAX_LANES) {
			fprintf(stderr, "ppp_rtnl_check: 1 to %d lanes\n",
				REUSE_MAX_LANES);
			return 2;
		}
		check_name_reuse(atoi(argv[2]), lanes);
		printf("rtnl-check: %d failures\n", failures);
		return failures ? 1 : 0;
	}
	if (argc != 1) {
		fprintf(stderr, "usage: ppp_rtnl_check [reuse N [LANES]]\n");
		return 2;
	}

	/* Named: the interface gets the name, the fd owns the unit. */
	fd = pppt_open_ppp(true);
	err = pppt_rtnl_new_ppp("pppcheck0", fd);
	snprintf(why, sizeof(why), "newlink: %s", strerror(-err));
	result("named-create", err == 0, "%s", why);
	unit = -1;
	ret = ioctl(fd, PPPIOCGUNIT, &unit);
	result("named-gunit", ret == 0 && unit >= 0, "PPPIOCGUNIT failed");
	result("named-exists", if_nametoindex("pppcheck0") > 0, "no such if");

	/* An attached fd is refused. */
	err = pppt_rtnl_new_ppp("pppcheck1", fd);
	snprintf(why, sizeof(why), "want EBADF, got %s", strerror(-err));
	result("attached-fd-ebadf", err == -EBADF, "%s", why);

	/* Unnamed: the name follows the unit number, as with NEWUNIT. */
	fd2 = pppt_open_ppp(true);
	err = pppt_rtnl_new_ppp(NULL, fd2);
	unit = -1;
	ioctl(fd2, PPPIOCGUNIT, &unit);
	snprintf(name, sizeof(name), "ppp%d", unit);
	snprintf(why, sizeof(why), "err %d, %s missing", err, name);
	result("unnamed-is-pppN", err == 0 && if_nametoindex(name) > 0, "%s", why);

	/* The same unit number cannot be taken again through the ioctl. */
	{
		int fd3 = pppt_open_ppp(true), u = unit;

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

	check_name_reuse(REUSE_SHORT, 1);

	printf("rtnl-check: %d failures\n", failures);
	return failures ? 1 : 0;
}
