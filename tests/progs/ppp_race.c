// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_race: teardown races on a PPP link built by hand, without pppd.
 *
 *   unit u1 (fd U1)                                   unit u2 (fd U2)
 *     | PPPIOCCONNECT                                   | PPPIOCCONNECT
 *   channel (fd C1) = N_PPP on the pty master <=> N_PPP on the slave (C2)
 *
 * Writer threads send frames into both units and both channels (IP
 * frames of 2 bytes to 4 KB, LCP echo requests) and reader threads
 * drain every fd, while the main thread does one of these:
 *
 *   hangup      close the pty master mid-transfer; every fd sees EOF
 *   close       close the fds of one end in random order (kill -9 pppd)
 *   tcflush     tcflush(TCIOFLUSH) the tty over and over with frames
 *               queued; afterwards frames must cross the link again
 *   disconn     PPPIOCDISCONN / PPPIOCCONNECT over and over
 *   unregister  TIOCSETD N_TTY on the slave (the channel unregisters
 *               under its fds and connection), then N_PPP again
 *   unitclose   close a unit's owner fd while its channel still
 *               delivers frames and a second fd reads the unit
 *   bridge      two links bridged channel to channel (PPPIOCBRIDGECHAN),
 *               unbridged and torn down while frames cross the bridge
 *   cycle       (only with -a cycle) no race: up, a frame each way, down
 *
 * Rounds over all actions run until -t SECONDS (default 15) have passed,
 * at least -n ROUNDS (default 2).  Prints "race: <action> iterations=N
 * failures=M" per action and "race: total-iterations=N"; exits 1 when a
 * functional check failed (EOF after hangup, link alive after tcflush).
 * Errors of the racing calls themselves are expected and ignored.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_defs.h>
#include "pppt.h"

/* One hand-made link; fds are -1 once closed. */
struct link {
	int m, s;		/* pty master, slave (both N_PPP) */
	int c1, c2;		/* channel fds: master side, slave side */
	int u1, u2;		/* unit owner fds */
	int unit1, unit2;
};

static atomic_int stop_threads;
static unsigned long frames_written, frames_read;

#define MAX_THREADS 16
static pthread_t threads[MAX_THREADS];
static int nthreads;

static int rnd(int n)
{
	return n > 0 ? random() % n : 0;
}

static void msleep(int ms)
{
	usleep(ms * 1000);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void xclose(int *fd)
{
	int f = *fd;

	*fd = -1;
	if (f >= 0)
		close(f);
}

static int set_ldisc(int fd, int ld)
{
	return ioctl(fd, TIOCSETD, &ld);
}

/* Attach a new /dev/ppp fd to the channel of the N_PPP tty @tty. */
static int chan_fd(int tty, int *index)
{
	int idx = -1, fd;

	if (ioctl(tty, PPPIOCGCHAN, &idx) < 0)
		return -1;
	fd = pppt_open_ppp(false);
	if (fd < 0)
		return -1;
	if (ioctl(fd, PPPIOCATTCHAN, &idx) < 0) {
		close(fd);
		return -1;
	}
	if (index)
		*index = idx;
	fcntl(fd, F_SETFL, O_NONBLOCK);
	return fd;
}

static int new_unit(int *unit)
{
	int fd = pppt_open_ppp(false);

	*unit = -1;
	if (fd < 0)
		return -1;
	if (ioctl(fd, PPPIOCNEWUNIT, unit) < 0) {
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, O_NONBLOCK);
	return fd;
}

/*
 * Build a link; with @connect the channels are connected to two new
 * units, otherwise the units are left out (u1 = u2 = -1).
 */
static int link_up(struct link *l, int connect)
{
	memset(l, -1, sizeof(*l));
	if (pppt_open_pty(&l->m, &l->s))
		return -1;
	if (set_ldisc(l->m, N_PPP) || set_ldisc(l->s, N_PPP))
		return -1;
	l->c1 = chan_fd(l->m, NULL);
	l->c2 = chan_fd(l->s, NULL);
	if (l->c1 < 0 || l->c2 < 0)
		return -1;
	if (!connect)
		return 0;
	l->u1 = new_unit(&l->unit1);
	l->u2 = new_unit(&l->unit2);
	if (l->u1 < 0 || l->u2 < 0)
		return -1;
	if (ioctl(l->c1, PPPIOCCONNECT, &l->unit1) ||
	    ioctl(l->c2, PPPIOCCONNECT, &l->unit2))
		return -1;
	return 0;
}

static void link_down(struct link *l)
{
	int *fds[] = { &l->m, &l->s, &l->c1, &l->c2, &l->u1, &l->u2 };
	int n = 6;

	/* random order: every order must be safe */
	while (n) {
		int i = rnd(n);

		xclose(fds[i]);
		fds[i] = fds[--n];
	}
}

/* ---- threads ---- */

struct worker {
	int *fd;	/* watched slot: re-read every time */
	int chan;	/* a channel fd: LCP frames, else IP frames */
};

static struct worker workers[MAX_THREADS];

static void *writer(void *arg)
{
	struct worker *w = arg;
	unsigned char f[4096];
	unsigned int seed = (unsigned long)arg;

	memset(f, 0x45, sizeof(f));
	while (!atomic_load(&stop_threads)) {
		int fd = *(volatile int *)w->fd, len;

		if (fd < 0)
			break;
		for (int burst = 0; burst < 4; burst++) {
			if (w->chan) {
				/* LCP Echo-Request, magic 0 */
				static const unsigned char echo[] = {
					0xc0, 0x21, 0x09, 0x01, 0x00, 0x08,
					0, 0, 0, 0 };
				len = sizeof(echo);
				memcpy(f, echo, len);
			} else {
				int r = rand_r(&seed) % 16;

				len = r == 0 ? 2 : r == 1 ? 1500 + rand_r(&seed) % 2500 :
					2 + rand_r(&seed) % 1500;
				f[0] = 0x00;
				f[1] = 0x21;
			}
			if (write(fd, f, len) == len)
				__atomic_add_fetch(&frames_written, 1,
						   __ATOMIC_RELAXED);
		}
		usleep(1000 + rand_r(&seed) % 2000);
	}
	return NULL;
}

static void *reader(void *arg)
{
	struct worker *w = arg;
	unsigned char buf[8192];

	while (!atomic_load(&stop_threads)) {
		int fd = *(volatile int *)w->fd;
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (fd < 0)
			break;
		if (poll(&pfd, 1, 20) <= 0)
			continue;
		n = read(fd, buf, sizeof(buf));
		if (n > 0)
			__atomic_add_fetch(&frames_read, 1, __ATOMIC_RELAXED);
		else if (n == 0 || (errno != EAGAIN && errno != EINTR))
			msleep(5);	/* dead: EOF until closed */
	}
	return NULL;
}

static void start(void *(*fn)(void *), int *fd, int chan)
{
	struct worker *w = &workers[nthreads];

	w->fd = fd;
	w->chan = chan;
	if (pthread_create(&threads[nthreads], NULL, fn, w) == 0)
		nthreads++;
}

/* Writers into both units and channels, readers on all four. */
static void start_traffic(struct link *l)
{
	atomic_store(&stop_threads, 0);
	nthreads = 0;
	if (l->u1 >= 0) {
		start(writer, &l->u1, 0);
		start(reader, &l->u1, 0);
	}
	if (l->u2 >= 0) {
		start(writer, &l->u2, 0);
		start(reader, &l->u2, 0);
	}
	start(writer, &l->c1, 1);
	start(writer, &l->c2, 1);
	start(reader, &l->c1, 1);
	start(reader, &l->c2, 1);
}

static void stop_traffic(void)
{
	atomic_store(&stop_threads, 1);
	for (int i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	nthreads = 0;
}

/* ---- checks ---- */

/* Wait up to @ms for EOF (read() == 0) on @fd. */
static int sees_eof(int fd, int ms)
{
	char buf[8192];
	double end = now() + ms / 1000.0;

	while (now() < end) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t n;

		poll(&pfd, 1, 50);
		n = read(fd, buf, sizeof(buf));
		if (n == 0)
			return 1;
	}
	return 0;
}

/* Send IPCP-protocol frames into unit fd @from until one comes out of @to. */
static int carries(int from, int to)
{
	static const unsigned char mark[] = { 0x80, 0x21, 0x55, 0xaa, 0x5a,
					      0xa5, 0x01, 0x02, 0x03 };
	unsigned char buf[8192];

	while (read(to, buf, sizeof(buf)) > 0)
		;
	for (int i = 0; i < 10; i++) {
		double end = now() + 0.5;

		if (write(from, mark, sizeof(mark)) != sizeof(mark))
			return 0;
		while (now() < end) {
			struct pollfd pfd = { .fd = to, .events = POLLIN };
			ssize_t n;

			poll(&pfd, 1, 50);
			n = read(to, buf, sizeof(buf));
			if (n == sizeof(mark) && !memcmp(buf, mark, n))
				return 1;
		}
	}
	return 0;
}

static int link_carries(struct link *l)
{
	return carries(l->u1, l->u2);
}

/* ---- actions: each returns the number of failed checks ---- */

static int fail(const char *action, const char *what)
{
	printf("race: %s: %s\n", action, what);
	return 1;
}

static int act_hangup(void)
{
	struct link l;
	int bad = 0;

	if (link_up(&l, 1))
		return link_down(&l), fail("setup", "link_up failed");
	start_traffic(&l);
	msleep(20 + rnd(150));
	xclose(&l.m);	/* hangup of the slave: its ldisc is killed */
	if (!sees_eof(l.c2, 3000))
		bad += fail("hangup", "slave's channel fd did not read EOF");
	/* the master's ldisc goes with the last close of the pair */
	xclose(&l.s);
	if (!sees_eof(l.c1, 3000))
		bad += fail("hangup", "master's channel fd did not read EOF");
	stop_traffic();
	link_down(&l);
	return bad;
}

static int act_close(void)
{
	struct link l;
	int *fds[3];

	if (link_up(&l, 1))
		return link_down(&l), fail("setup", "link_up failed");
	start_traffic(&l);
	msleep(20 + rnd(150));
	/* one end's pppd dies: its tty, channel and unit fds go */
	if (rnd(2)) {
		fds[0] = &l.s; fds[1] = &l.c2; fds[2] = &l.u2;
	} else {
		fds[0] = &l.m; fds[1] = &l.c1; fds[2] = &l.u1;
	}
	for (int n = 3; n; ) {
		int i = rnd(n);

		xclose(fds[i]);
		fds[i] = fds[--n];
		msleep(rnd(10));
	}
	msleep(rnd(50));
	stop_traffic();
	link_down(&l);
	return 0;
}

static int act_tcflush(void)
{
	struct link l;
	int bad;

	if (link_up(&l, 1))
		return link_down(&l), fail("setup", "link_up failed");
	start_traffic(&l);
	for (int i = 0; i < 40; i++) {
		tcflush(rnd(2) ? l.s : l.m, rnd(2) ? TCIOFLUSH : TCOFLUSH);
		usleep(rnd(5000));
	}
	stop_traffic();
	bad = !link_carries(&l) && fail("tcflush", "no frame crossed the link after the flushes");
	link_down(&l);
	return bad;
}

static int act_disconn(void)
{
	struct link l;

	if (link_up(&l, 1))
		return link_down(&l), fail("setup", "link_up failed");
	start_traffic(&l);
	for (int i = 0; i < 30; i++) {
		int fd = rnd(2) ? l.c1 : l.c2;
		int unit = rnd(2) ? l.unit1 : l.unit2;

		ioctl(fd, PPPIOCDISCONN, 0);
		usleep(rnd(3000));
		ioctl(fd, PPPIOCCONNECT, &unit);
		usleep(rnd(3000));
	}
	if (rnd(2))	/* and once while the unit goes away */
		xclose(&l.u2);
	ioctl(l.c2, PPPIOCDISCONN, 0);
	stop_traffic();
	link_down(&l);
	return 0;
}

static int act_unregister(void)
{
	struct link l;
	int bad = 0, idx;

	if (link_up(&l, 1))
		return link_down(&l), fail("setup", "link_up failed");
	start_traffic(&l);
	for (int i = 0; i < 3; i++) {
		msleep(10 + rnd(50));
		set_ldisc(l.s, 0);	/* N_TTY: the channel unregisters */
		msleep(rnd(20));
		set_ldisc(l.s, N_PPP);	/* a new channel, unconnected */
		/* the new channel is unknown to C2; attach-by-index races */
		if (ioctl(l.s, PPPIOCGCHAN, &idx) == 0) {
			int fd = pppt_open_ppp(false);

			if (fd >= 0) {
				if (ioctl(fd, PPPIOCATTCHAN, &idx) == 0)
					ioctl(fd, PPPIOCCONNECT, &l.unit2);
				if (rnd(2))
					set_ldisc(l.s, 0);
				close(fd);
			}
		}
	}
	set_ldisc(l.s, 0);
	/* the old channel fd is dead now */
	if (!sees_eof(l.c2, 3000))
		bad += fail("unregister", "old channel fd did not read EOF");
	stop_traffic();
	link_down(&l);
	return bad;
}

static int act_unitclose(void)
{
	struct link l;
	int other, bad = 0;

	if (link_up(&l, 1))
		return link_down(&l), fail("setup", "link_up failed");
	other = pppt_open_ppp(false);
	if (other < 0 || ioctl(other, PPPIOCATTACH, &l.unit2) < 0) {
		if (other >= 0)
			close(other);
		link_down(&l);
		return 1;
	}
	fcntl(other, F_SETFL, O_NONBLOCK);
	start_traffic(&l);
	start(reader, &other, 0);
	msleep(20 + rnd(150));
	xclose(&l.u2);	/* unit dies while C2 still delivers frames */
	if (!sees_eof(other, 3000))
		bad += fail("unitclose", "second unit fd did not read EOF");
	msleep(rnd(50));
	stop_traffic();
	close(other);
	link_down(&l);
	return bad;
}

static int act_bridge(void)
{
	struct link a, b;
	int ia = -1, ib = -1, bad = 0;

	/* u1 - A.m ~~ A.s (bridged to) B.m ~~ B.s - u2 */
	if (link_up(&a, 1) || link_up(&b, 1)) {
		link_down(&a);
		link_down(&b);
		return 1;
	}
	ioctl(a.c2, PPPIOCDISCONN, 0);
	ioctl(b.c1, PPPIOCDISCONN, 0);
	ioctl(a.s, PPPIOCGCHAN, &ia);
	ioctl(b.m, PPPIOCGCHAN, &ib);
	if (ioctl(a.c2, PPPIOCBRIDGECHAN, &ib))
		bad += fail("bridge", "PPPIOCBRIDGECHAN failed");
	nthreads = 0;
	atomic_store(&stop_threads, 0);
	start(writer, &a.u1, 0);
	start(writer, &b.u2, 0);
	start(reader, &a.u1, 0);
	start(reader, &b.u2, 0);
	start(writer, &a.c2, 1);
	start(writer, &b.c1, 1);
	start(reader, &a.c1, 1);
	start(reader, &b.c2, 1);
	for (int i = 0; i < 10; i++) {
		msleep(rnd(20));
		ioctl(rnd(2) ? a.c2 : b.c1, PPPIOCUNBRIDGECHAN, 0);
		msleep(rnd(20));
		ioctl(rnd(2) ? a.c2 : b.c1, PPPIOCBRIDGECHAN,
		      rnd(2) ? &ib : &ia);
	}
	/* tear one side down while (maybe) bridged */
	switch (rnd(3)) {
	case 0:
		xclose(&b.m);
		break;
	case 1:
		set_ldisc(a.s, 0);
		break;
	default:
		xclose(&a.c2);
		break;
	}
	msleep(rnd(50));
	stop_traffic();
	link_down(&a);
	link_down(&b);
	return bad;
}

/*
 * Not a race: one whole link lifetime (up, a frame each way, down), for
 * up/down soaks.  Only run when asked for with -a cycle.
 */
static int act_cycle(void)
{
	struct link l;
	int bad = 0;

	if (link_up(&l, 1))
		return link_down(&l), fail("setup", "link_up failed");
	if (!carries(l.u1, l.u2) || !carries(l.u2, l.u1))
		bad += fail("cycle", "no frame crossed the link");
	link_down(&l);
	return bad;
}

static const struct {
	const char *name;
	int (*fn)(void);
	int on_request;		/* only with -a NAME */
} actions[] = {
	{ "hangup", act_hangup },
	{ "close", act_close },
	{ "tcflush", act_tcflush },
	{ "disconn", act_disconn },
	{ "unregister", act_unregister },
	{ "unitclose", act_unitclose },
	{ "bridge", act_bridge },
	{ "cycle", act_cycle, 1 },
};
#define N_ACTIONS (int)(sizeof(actions) / sizeof(actions[0]))

int main(int argc, char **argv)
{
	int secs = 15, min_rounds = 2, c, total = 0, failed = 0, rounds = 0;
	int iters[N_ACTIONS] = { 0 }, fails[N_ACTIONS] = { 0 };
	unsigned int seed = time(NULL) ^ getpid();
	const char *only = NULL;
	double end;

	while ((c = getopt(argc, argv, "t:n:s:a:")) != -1) {
		switch (c) {
		case 't': secs = atoi(optarg); break;
		case 'n': min_rounds = atoi(optarg); break;
		case 's': seed = strtoul(optarg, NULL, 0); break;
		case 'a': only = optarg; break;
		default:
			fprintf(stderr, "usage: %s [-t SECONDS] [-n MIN_ROUNDS] [-s SEED] [-a ACTION]\n",
				argv[0]);
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);
	srandom(seed);
	printf("race: seed %u, %d s, at least %d rounds\n", seed, secs,
	       min_rounds);
	end = now() + secs;
	while (rounds < min_rounds || now() < end) {
		for (int i = 0; i < N_ACTIONS; i++) {
			int bad;

			if (only ? strcmp(only, actions[i].name) :
				   actions[i].on_request)
				continue;
			bad = actions[i].fn();
			iters[i]++;
			total++;
			if (bad) {
				fails[i]++;
				printf("race: %s iteration %d: %d failed checks\n",
				       actions[i].name, iters[i], bad);
			}
		}
		rounds++;
	}
	for (int i = 0; i < N_ACTIONS; i++) {
		if (only ? strcmp(only, actions[i].name) : actions[i].on_request)
			continue;
		printf("race: %s iterations=%d failures=%d\n", actions[i].name,
		       iters[i], fails[i]);
		failed += fails[i];
	}
	printf("race: total-iterations=%d rounds=%d frames-written=%lu frames-read=%lu\n",
	       total, rounds, frames_written, frames_read);
	return failed ? 1 : 0;
}
