// SPDX-License-Identifier: GPL-2.0
/*
 * The line (stdin/stdout) and time.
 *
 * Every wait is a ppoll() against a CLOCK_MONOTONIC deadline; there is no
 * SIGALRM.  SIGINT, SIGTERM and SIGHUP stay blocked except inside ppoll()
 * (and around the blocking open of an @file), so a signal is noticed at
 * a well-defined point and turned into exit code 2 through fatal(), which
 * restores the terminal and removes the lock file.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "chat.h"

static volatile sig_atomic_t sig_caught;
static sigset_t wait_mask;	/* the mask to use while waiting */
static sigset_t chat_sigs;
static struct termios saved_tty;
static int have_saved_tty;

static void sig_handler(int signo)
{
	sig_caught = signo;
}

static void sig_set(int signo, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(signo, &sa, NULL);
}

void sig_init(void)
{
	sigemptyset(&chat_sigs);
	sigaddset(&chat_sigs, SIGINT);
	sigaddset(&chat_sigs, SIGTERM);
	sigaddset(&chat_sigs, SIGHUP);
	sigprocmask(SIG_BLOCK, &chat_sigs, &wait_mask);
	sigdelset(&wait_mask, SIGINT);
	sigdelset(&wait_mask, SIGTERM);
	sigdelset(&wait_mask, SIGHUP);
	sig_set(SIGINT, sig_handler);
	sig_set(SIGTERM, sig_handler);
	sig_set(SIGHUP, sig_handler);
}

/* HANGUP OFF ignores SIGHUP (the call-back case), ON restores it. */
void sig_hangup(int on)
{
	sig_set(SIGHUP, on ? sig_handler : SIG_IGN);
}

void sig_unblock(void)
{
	sigprocmask(SIG_UNBLOCK, &chat_sigs, NULL);
}

void sig_block(void)
{
	sigprocmask(SIG_BLOCK, &chat_sigs, NULL);
}

void sig_check(void)
{
	int signo = sig_caught;

	if (!signo)
		return;
	sig_caught = 0;
	fatal(CHAT_EXIT_ERROR, "%s", signo == SIGINT ? "SIGINT" :
	      signo == SIGTERM ? "SIGTERM" : "SIGHUP");
}

/*
 * Like pppd's chat we only adjust what we must and rely on pppd having
 * put the line in raw mode: no output processing, no local modes, a
 * read returns after one byte.
 */
void tty_setup(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) < 0)
		fatal(CHAT_EXIT_ERROR, "Can't get terminal parameters: %m");
	saved_tty = t;
	have_saved_tty = 1;
	t.c_iflag |= IGNBRK | ISTRIP | IGNPAR;
	t.c_oflag = 0;
	t.c_lflag = 0;
	t.c_cc[VERASE] = 0;
	t.c_cc[VKILL] = 0;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) < 0)
		fatal(CHAT_EXIT_ERROR, "Can't set terminal parameters: %m");
}

/* Return: 0, or -1 (errno set) if the saved settings could not be put
 * back (typically because the line was hung up).
 */
int tty_restore(void)
{
	if (!have_saved_tty)
		return 0;
	have_saved_tty = 0;
	return tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
}

void deadline_set(struct timespec *dl, int seconds)
{
	clock_gettime(CLOCK_MONOTONIC, dl);
	dl->tv_sec += seconds;
}

static void deadline_add_ms(struct timespec *dl, long ms)
{
	clock_gettime(CLOCK_MONOTONIC, dl);
	dl->tv_sec += ms / 1000;
	dl->tv_nsec += (ms % 1000) * 1000000L;
	if (dl->tv_nsec >= 1000000000L) {
		dl->tv_sec++;
		dl->tv_nsec -= 1000000000L;
	}
}

static int ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* Time left until @dl, never negative; returns 0 once it has passed. */
static int remaining(const struct timespec *dl, struct timespec *rem)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!ts_before(&now, dl)) {
		rem->tv_sec = 0;
		rem->tv_nsec = 0;
		return 0;
	}
	rem->tv_sec = dl->tv_sec - now.tv_sec;
	rem->tv_nsec = dl->tv_nsec - now.tv_nsec;
	if (rem->tv_nsec < 0) {
		rem->tv_sec--;
		rem->tv_nsec += 1000000000L;
	}
	return 1;
}

int deadline_passed(const struct timespec *dl)
{
	struct timespec rem;

	return dl && !remaining(dl, &rem);
}

/*
 * Wait for @fd (none if negative) to become ready, or for @dl (never if
 * NULL).  Return: 1 ready, 0 deadline reached, -1 poll error.
 */
static int wait_fd(int fd, short events, const struct timespec *dl,
		   short *revents)
{
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = events };
		struct timespec rem;
		int left = 1, r;

		if (dl)
			left = remaining(dl, &rem);
		r = ppoll(fd >= 0 ? &pfd : NULL, fd >= 0 ? 1 : 0,
			  dl ? &rem : NULL, &wait_mask);
		if (r < 0 && errno != EINTR)
			return -1;
		sig_check();
		if (r > 0 && revents)
			*revents = pfd.revents;
		if (r > 0)
			return 1;
		if (r == 0 && !left)
			return 0;
	}
}

/* Return: the byte (7 bits, as chat always strips parity), TTY_EOF on
 * end of file or error, TTY_TIMEOUT when @dl passes.
 */
int tty_getc(const struct timespec *dl)
{
	for (;;) {
		unsigned char c;
		ssize_t n;
		short rev = 0;
		int r = wait_fd(STDIN_FILENO, POLLIN, dl, &rev);

		if (r == 0)
			return TTY_TIMEOUT;
		if (r < 0)
			return TTY_EOF;
		n = read(STDIN_FILENO, &c, 1);
		if (n == 1)
			return c & 0x7f;
		if (n == 0) {
			/*
			 * pppd's chat is usually blocked in read() when the
			 * line hangs up and gets EIO, silently; only say
			 * something for an end of file without a hang-up.
			 */
			if (!(rev & POLLHUP))
				msgf("warning: read() on stdin returned 0");
			return TTY_EOF;
		}
		if (errno != EINTR && errno != EAGAIN)
			return TTY_EOF;
	}
}

/* Sleep @ms, but not past @dl.  Return: 1 slept fully, 0 cut by @dl. */
int tty_sleep(long ms, const struct timespec *dl)
{
	struct timespec end;

	deadline_add_ms(&end, ms);
	if (dl && ts_before(dl, &end)) {
		wait_fd(-1, 0, dl, NULL);
		return 0;
	}
	wait_fd(-1, 0, &end, NULL);
	return 1;
}

/* Return: 0 written, TTY_TIMEOUT when @dl passes, -1 on error (errno). */
int tty_putc(int c, const struct timespec *dl)
{
	char ch = (char)c;

	for (;;) {
		int r = wait_fd(STDOUT_FILENO, POLLOUT, dl, NULL);
		ssize_t n;

		if (r == 0)
			return TTY_TIMEOUT;
		if (r < 0)
			return -1;
		n = write(STDOUT_FILENO, &ch, 1);
		if (n == 1)
			return 0;
		if (n == 0 || (errno != EINTR && errno != EAGAIN))
			return -1;
	}
}

void tty_break(void)
{
	tcsendbreak(STDIN_FILENO, 0);
}
