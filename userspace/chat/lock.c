// SPDX-License-Identifier: GPL-2.0
/*
 * -l lockfile: a UUCP lock in the HDB format (the PID as ten ASCII
 * characters, right-aligned, and a newline), created exclusively.  A
 * lock whose process no longer exists is stale and is removed.  The
 * lock is removed again only when chat fails (for any reason, signals
 * included); after success it stays for pppd to remove when it is done
 * with the line.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chat.h"

#define LOCK_TRIES 5

static const char *lock_path;

/* Return: the PID in an existing lock file, 0 if unreadable/garbage. */
static long lock_owner(const char *path)
{
	char buf[32];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	long pid = 0;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n == (ssize_t)sizeof(int)) {
		/* old binary lock files: a native int */
		int bin;

		memcpy(&bin, buf, sizeof(bin));
		return bin;
	}
	if (n > 0) {
		char *end;

		buf[n] = '\0';
		pid = strtol(buf, &end, 10);
		if (end == buf)
			pid = 0;
	}
	return pid;
}

static int lock_create(const char *path)
{
	char buf[16];
	int fd, len;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	len = snprintf(buf, sizeof(buf), "%10ld\n", (long)getpid());
	if (write(fd, buf, len) != len) {
		int err = errno;

		close(fd);
		unlink(path);
		errno = err ? err : EIO;
		fatal(CHAT_EXIT_ERROR, "Can't write lock file %s: %m", path);
	}
	close(fd);
	return 0;
}

/**
 * lock_acquire() - take the lock or exit with code 2
 * @path: the lock file
 */
void lock_acquire(const char *path)
{
	int tries;

	for (tries = 0; tries < LOCK_TRIES; tries++) {
		long pid;

		if (lock_create(path) == 0) {
			lock_path = path;
			return;
		}
		if (errno != EEXIST)
			fatal(CHAT_EXIT_ERROR, "Can't create lock file %s: %m",
			      path);
		pid = lock_owner(path);
		if (pid <= 0) {
			fatal(CHAT_EXIT_ERROR,
			      "Can't read pid from lock file %s", path);
		}
		if (pid != getpid() && pid <= 0x7fffffff &&
		    (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			fatal(CHAT_EXIT_ERROR, "Device locked by pid %ld (%s)",
			      pid, path);
		if (unlink(path) < 0 && errno != ENOENT)
			fatal(CHAT_EXIT_ERROR,
			      "Can't remove stale lock file %s: %m", path);
		msgf("Removed stale lock %s (pid %ld)", path, pid);
	}
	fatal(CHAT_EXIT_ERROR, "Can't create lock file %s: too many tries",
	      path);
}

/* Called on failure only: success leaves the lock for pppd. */
void lock_release(void)
{
	if (lock_path) {
		unlink(lock_path);
		lock_path = NULL;
	}
}
