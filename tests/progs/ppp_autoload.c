// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_autoload: do what makes the kernel ask modprobe for a PPP module,
 * once, and say what the call returned (05-autoload checks which module
 * got loaded; the call itself may fail once the module is there).
 *
 *   ppp_autoload chardev         open /dev/ppp (char-major-108-0)
 *   ppp_autoload ldisc N         set line discipline N on a pty
 *                                (tty-ldisc-N: 3 N_PPP, 14 N_SYNC_PPP)
 *   ppp_autoload socket PF PROTO socket(PF, SOCK_STREAM, PROTO)
 *                                (net-pf-PF, net-pf-PF-proto-PROTO)
 *   ppp_autoload ccp N           a unit, then PPPIOCSCOMPRESS with CCP
 *                                method N (ppp-compress-N)
 *
 * Exit status 0 when the call succeeded, 1 when it failed (errno on
 * stderr), 2 on bad arguments.
 */
#define _GNU_SOURCE
#include <sys/ioctl.h>
#include <linux/ppp-ioctl.h>
#include "pppt.h"

static int done(const char *what, int ret)
{
	if (ret < 0) {
		fprintf(stderr, "ppp_autoload: %s: %s\n", what, ename(errno));
		return 1;
	}
	return 0;
}

static int do_ldisc(int disc)
{
	int m, s;

	if (pppt_open_pty(&m, &s))
		return done("pty", -1);
	return done("TIOCSETD", ioctl(s, TIOCSETD, &disc));
}

static int do_ccp(int method)
{
	/*
	 * Deflate's form (RFC 1979: window 2^15, method 8, no check): any
	 * method is asked for by number before its options are read.
	 */
	unsigned char opt[4] = { method, 4, 0x78, 0 };
	struct ppp_option_data data = {
		.ptr = opt, .length = sizeof(opt), .transmit = 1,
	};
	int fd, unit = -1;

	fd = pppt_open_ppp(false);
	if (fd < 0)
		return done("open /dev/ppp", -1);
	if (ioctl(fd, PPPIOCNEWUNIT, &unit) < 0)
		return done("PPPIOCNEWUNIT", -1);
	return done("PPPIOCSCOMPRESS", ioctl(fd, PPPIOCSCOMPRESS, &data));
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "chardev"))
		return done("open /dev/ppp", pppt_open_ppp(false));
	if (argc == 3 && !strcmp(argv[1], "ldisc"))
		return do_ldisc(atoi(argv[2]));
	if (argc == 4 && !strcmp(argv[1], "socket"))
		return done("socket", socket(atoi(argv[2]), SOCK_STREAM,
					     atoi(argv[3])));
	if (argc == 3 && !strcmp(argv[1], "ccp"))
		return do_ccp(atoi(argv[2]));
	fprintf(stderr, "usage: ppp_autoload chardev | ldisc N | socket PF PROTO | ccp N\n");
	return 2;
}
