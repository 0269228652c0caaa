// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_unit_batch - what closing many units does (unit.c):
 *
 *   1. N units created, all owner fds closed at once: every ppp%d goes
 *      away, and a PPPIOCNEWUNIT right after the closes gets the lowest
 *      number again, as if the devices had gone during close();
 *      a specific number asked for right after its close is granted;
 *   2. units whose netns dies right after their owner closed them (child
 *      processes in their own netns): nothing is left, nothing crashes;
 *   3. PPPIOCATTACH to a unit whose owner just closed fails (ENXIO).
 *
 * Usage: ppp_unit_batch [N]; prints "ppp_unit_batch: ok ..." or the
 * failure, exit status 0 only when every check held.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define PPPIOCNEWUNIT	_IOWR('t', 62, int)
#define PPPIOCATTACH	_IOW('t', 61, int)

static int fails;

static void fail(const char *what)
{
	printf("ppp_unit_batch: FAIL %s (errno %d %s)\n", what, errno,
	       strerror(errno));
	fails++;
}

static int new_unit(int *num)
{
	int fd = open("/dev/ppp", O_RDWR);

	if (fd < 0)
		return -1;
	if (ioctl(fd, PPPIOCNEWUNIT, num) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int gone(int num)
{
	char name[IFNAMSIZ];

	snprintf(name, sizeof(name), "ppp%d", num);
	for (int i = 0; i < 1000; i++) {
		if (!if_nametoindex(name))
			return 1;
		usleep(10000);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 200;
	int *fds = calloc(n, sizeof(int)), *num = calloc(n, sizeof(int));
	struct rlimit rl = { n + 64, n + 64 };
	int lowest = -1, fd, u, i;

	setrlimit(RLIMIT_NOFILE, &rl);
	/* 1. bulk close, then immediate reuse of numbers */
	for (i = 0; i < n; i++) {
		num[i] = -1;
		fds[i] = new_unit(&num[i]);
		if (fds[i] < 0) {
			fail("PPPIOCNEWUNIT");
			return 1;
		}
		if (lowest < 0 || num[i] < lowest)
			lowest = num[i];
	}
	for (i = 0; i < n; i++)
		close(fds[i]);
	u = -1;
	fd = new_unit(&u);
	if (fd < 0)
		fail("PPPIOCNEWUNIT after the closes");
	else if (u != lowest) {
		errno = 0;
		printf("ppp_unit_batch: got unit %d, want %d\n", u, lowest);
		fail("lowest number not reused right after close");
	}
	close(fd);
	u = num[n - 1];
	fd = new_unit(&u);
	if (fd < 0 || u != num[n - 1])
		fail("the number just closed, asked for by number");
	close(fd);
	/* 3. attach to a unit whose owner just closed */
	u = -1;
	fd = new_unit(&u);
	int other = open("/dev/ppp", O_RDWR);

	close(fd);
	if (ioctl(other, PPPIOCATTACH, &u) == 0 || errno != ENXIO)
		fail("PPPIOCATTACH to a closed unit did not fail with ENXIO");
	close(other);
	for (i = 0; i < n; i++)
		if (!gone(num[i])) {
			errno = 0;
			fail("a ppp device outlived its unit by 10 s");
			break;
		}

	/* 2. the netns dies right after its units were closed */
	for (i = 0; i < 40; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			int a = -1, b = -1;

			if (unshare(CLONE_NEWNET))
				_exit(2);
			if (new_unit(&a) < 0 || new_unit(&b) < 0)
				_exit(3);
			_exit(0);	/* closes both; the netns goes with us */
		}
		int st;

		if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) ||
		    WEXITSTATUS(st)) {
			fail("child in its own netns");
			break;
		}
	}
	if (!fails)
		printf("ppp_unit_batch: ok units=%d lowest=%d netns=40\n", n, lowest);
	return fails ? 1 : 0;
}
