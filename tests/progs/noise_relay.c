// SPDX-License-Identifier: GPL-2.0
/*
 * noise_relay: a hostile serial line.  Like `socat pty,link=A pty,link=B`
 * it makes two ptys, links their slaves at A and B (raw mode) and copies
 * bytes between the masters both ways; while injection is on (SIGUSR1
 * toggles it, -n starts with it on) it also writes garbage into one
 * direction, at random moments, mostly between and sometimes inside
 * the frames it relays:
 *
 *   random    1-64 random bytes
 *   escapes   a storm of 0x7d
 *   flags     lone 0x7e flags
 *   abort     the start of a frame ended by 0x7d 0x7e
 *   badfcs    a well-formed IP frame with a wrong FCS
 *   long      a frame with a good FCS but 1.6-5 KB long (above any MRU)
 *   short     frames of 0-3 bytes between two flags, some with good FCS
 *   junk      good FCS, data protocols with random payload (IP, VJ
 *             compressed/uncompressed, IPv6, CCP datagram, unknown)
 *   lcpjunk   good FCS, LCP frames shorter than a header or with an
 *             unknown code (answered by Code-Reject, never renegotiated)
 *
 * The slaves stay open here too, so that reading a master never fails
 * while pppd has not opened its side yet.  Killing the relay closes the
 * masters: both slaves are hung up.
 *
 * badfcs, long and abort can only be tossed by the receiver.  Both
 * ppp_async drivers count a receive error when the next good frame
 * arrives after one or more tossed ones, so a run of garbage between
 * two good frames is one error however many frames it spoiled.  The
 * relay counts such runs: "toss-runs" is the number of times a tossable
 * piece went in and was then followed by a good frame: an intact one (a
 * flag, a non-empty frame and a flag relayed as the sender wrote them,
 * with no garbage in between) or a junk frame.  The receiver's error
 * count can only be higher.
 *
 * Per cause, what a receiver must have counted at least, from the
 * pieces that went in whole: "fcs" bad-FCS frames, "over-mru" long
 * frames, "aborts" aborted frames, "runts" frames of one or two bytes,
 * and "toss-bytes" the bytes of all these (a long one counted as 1500:
 * a receiver stores its MRU, then skips to the flag).  Garbage that
 * lands inside a frame or after a stray 7d spoils more, never less.
 *
 * usage: noise_relay -a LINK_A -b LINK_B [-d ab|ba|both] [-i MS]
 *                    [-s SEED] [-o STATSFILE] [-w PREFIX] [-n]
 *   -d  direction of the garbage: ab = into what B reads (default)
 *   -i  mean interval between injections (default 50 ms)
 *   -o  where the counters go (rewritten on SIGUSR1 and at exit);
 *       one line "injected-bytes=N injections=N random=N ...
 *       toss-runs=N ..."
 *   -w  write every byte each side is given to PREFIX.ab (what B
 *       reads) and PREFIX.ba (what A reads): the wire, for
 *       tests/progs/hdlc_wire
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "pppt.h"

enum kind { K_RANDOM, K_ESCAPES, K_FLAGS, K_ABORT, K_BADFCS, K_LONG,
	    K_SHORT, K_JUNK, K_LCPJUNK, K_NR };
static const char *const kind_name[K_NR] = {
	"random", "escapes", "flags", "abort", "badfcs", "long", "short",
	"junk", "lcpjunk",
};

static volatile sig_atomic_t stop, toggled;
static unsigned long counts[K_NR], injected_bytes, injections;
static unsigned long relayed[2], dropped, toss_runs;
/* Receiver's lower bounds per cause, from garbage that went in whole. */
static unsigned long must_fcs, must_long, must_abort, must_runt, must_bytes;
/* Bytes between the flags of the last piece of garbage, decoded. */
static size_t garbage_body;
static const char *stats_path;
static int inject_on;
static int master[2] = { -1, -1 };	/* the pty masters: A's, B's */
static int wire_fd[2] = { -1, -1 };	/* -w: what each side was given */

/*
 * What one receiving side (indexed by the master written to) has been
 * given since the last garbage: the toss-runs bookkeeping.
 */
struct sink {
	bool tossable;		/* a piece it must toss went in ... */
	bool flagged;		/* ... and a relayed flag came after it */
	size_t body;		/* relayed non-flag bytes since that flag */
};
static struct sink sinks[2];
/* The last piece of garbage is a frame any receiver takes as good. */
static bool garbage_good;

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		toggled = 1;
	else
		stop = 1;
}

static size_t rnd(size_t n)
{
	return n ? (size_t)random() % n : 0;
}

/* Append @n bytes of @p HDLC-escaped (all controls, 0x7d, 0x7e). */
static size_t put_escaped(uint8_t *out, const uint8_t *p, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7d || p[i] == 0x7e) {
			out[o++] = 0x7d;
			out[o++] = p[i] ^ 0x20;
		} else {
			out[o++] = p[i];
		}
	}
	return o;
}

/* A whole frame: flag, escaped body + FCS (spoiled if @bad), flag. */
static size_t put_frame(uint8_t *out, uint8_t *body, size_t n, int bad)
{
	uint16_t fcs = ~fcs16(body, n);
	size_t o = 0;

	if (bad)
		fcs ^= 1 + rnd(0xfffe);
	body[n] = fcs & 0xff;
	body[n + 1] = fcs >> 8;
	out[o++] = 0x7e;
	o += put_escaped(out + o, body, n + 2);
	out[o++] = 0x7e;
	return o;
}

static void fill_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = random();
}

/* Header: FF 03 (or not) then a 2- or 1-byte protocol field. */
static size_t put_header(uint8_t *b, unsigned int proto)
{
	size_t n = 0;

	if (rnd(2)) {
		b[n++] = 0xff;
		b[n++] = 0x03;
	}
	if (proto < 0x100 && (proto & 1) && rnd(2)) {
		b[n++] = proto;
	} else {
		b[n++] = proto >> 8;
		b[n++] = proto;
	}
	return n;
}

/* Build one piece of garbage of a random kind @kp into @out; its length. */
static size_t make_garbage(uint8_t *out, enum kind *kp)
{
	static const unsigned int protos[] = {
		0x0021, 0x002d, 0x002f, 0x0057, 0x00fd, 0x0031, 0x0281,
		0x003d,
	};
	uint8_t body[6000];
	enum kind k = rnd(K_NR);
	size_t n = 0, o = 0, len;

	counts[k]++;
	*kp = k;
	garbage_good = false;
	garbage_body = 0;
	switch (k) {
	case K_RANDOM:
		len = 1 + rnd(64);
		fill_random(out, len);
		return len;
	case K_ESCAPES:
		len = 8 + rnd(249);
		memset(out, 0x7d, len);
		return len;
	case K_FLAGS:
		len = 1 + rnd(32);
		memset(out, 0x7e, len);
		return len;
	case K_ABORT:
		out[o++] = 0x7e;
		n = put_header(body, 0x0021);
		len = rnd(40);
		fill_random(body + n, len);
		garbage_body = n + len;
		o += put_escaped(out + o, body, n + len);
		out[o++] = 0x7d;
		out[o++] = 0x7e;
		return o;
	case K_BADFCS:
		n = put_header(body, 0x0021);
		len = 20 + rnd(180);
		fill_random(body + n, len);
		garbage_body = n + len + 2;
		return put_frame(out, body, n + len, 1);
	case K_LONG:
		n = put_header(body, 0x0021);
		len = 1600 + rnd(3400);
		fill_random(body + n, len);
		garbage_body = n + len + 2;
		return put_frame(out, body, n + len, rnd(4) == 0);
	case K_SHORT:
		len = rnd(4);
		fill_random(body, len);
		if (len == 3 && rnd(2))	/* 1 byte + a good FCS */
			return put_frame(out, body, 1, 0);
		garbage_body = len;
		out[o++] = 0x7e;
		o += put_escaped(out + o, body, len);
		out[o++] = 0x7e;
		return o;
	case K_JUNK:
		n = put_header(body, protos[rnd(sizeof(protos) /
						sizeof(protos[0]))]);
		len = rnd(120);
		fill_random(body + n, len);
		garbage_good = len >= 4;
		return put_frame(out, body, n + len, 0);
	case K_LCPJUNK:
		n = put_header(body, 0xc021);
		if (rnd(2)) {
			len = rnd(4);	/* shorter than an LCP header */
			fill_random(body + n, len);
		} else {		/* unknown code, sane length */
			len = 4 + rnd(30);
			fill_random(body + n, len);
			body[n] = 12 + rnd(200);
			body[n + 2] = len >> 8;
			body[n + 3] = len;
			garbage_good = true;
		}
		return put_frame(out, body, n + len, 0);
	default:
		return 0;
	}
}

static void write_stats(void)
{
	FILE *f;

	if (!stats_path)
		return;
	f = fopen(stats_path, "w");
	if (!f)
		return;
	fprintf(f, "injected-bytes=%lu injections=%lu", injected_bytes,
		injections);
	for (int k = 0; k < K_NR; k++)
		fprintf(f, " %s=%lu", kind_name[k], counts[k]);
	fprintf(f, " toss-runs=%lu relayed-ab=%lu relayed-ba=%lu dropped=%lu injecting=%d",
		toss_runs, relayed[0], relayed[1], dropped, inject_on);
	fprintf(f, " fcs=%lu over-mru=%lu aborts=%lu runts=%lu toss-bytes=%lu\n",
		must_fcs, must_long, must_abort, must_runt, must_bytes);
	fclose(f);
}

static int fd_side(int fd)
{
	return fd == master[1];
}

/*
 * Write all of @n bytes, unless told to stop.  A side nobody reads any
 * more (its pppd is gone) fills up: after 200 ms the rest is dropped,
 * as a real line would.
 */
static int write_all(int fd, const uint8_t *p, size_t n)
{
	int waits = 0;

	while (n && !stop) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			struct pollfd pfd = { .fd = fd, .events = POLLOUT };

			if (errno == EINTR)
				continue;
			if (errno != EAGAIN || ++waits > 20) {
				dropped += n;
				return -1;
			}
			poll(&pfd, 1, 10);
			continue;
		}
		if (wire_fd[fd_side(fd)] >= 0 &&
		    write(wire_fd[fd_side(fd)], p, w) != w)
			wire_fd[fd_side(fd)] = -1;	/* capture incomplete */
		p += w;
		n -= w;
	}
	return n ? -1 : 0;
}

/* Relayed bytes reached side @to intact: look for the end of a frame. */
static void sink_relayed(int to, const uint8_t *p, size_t n)
{
	struct sink *k = &sinks[to];

	for (size_t i = 0; i < n; i++) {
		if (p[i] != 0x7e) {
			k->body++;
			continue;
		}
		if (k->flagged && k->body && k->tossable) {
			toss_runs++;
			k->tossable = false;
		}
		k->flagged = true;
		k->body = 0;
	}
}

/* What the receiver must count for garbage of kind @k that went in whole. */
static void must_count(enum kind k)
{
	switch (k) {
	case K_BADFCS:
		must_fcs++;
		break;
	case K_LONG:
		must_long++;
		garbage_body = 1500;
		break;
	case K_ABORT:
		must_abort++;
		break;
	case K_SHORT:
		if (garbage_body == 0 || garbage_body > 2)
			return;
		must_runt++;
		break;
	default:
		return;
	}
	must_bytes += garbage_body;
}

/*
 * Garbage of kind @k went to side @to (@whole: all of it).  junk with
 * a payload and lcpjunk with a whole header are good frames: they end a
 * run too.
 */
static void sink_garbage(int to, enum kind k, bool whole)
{
	struct sink *s = &sinks[to];

	s->flagged = false;
	s->body = 0;
	if (!whole)
		return;
	must_count(k);
	if (k == K_BADFCS || k == K_LONG || k == K_ABORT) {
		s->tossable = true;
	} else if (s->tossable && garbage_good) {
		toss_runs++;
		s->tossable = false;
	}
}

/* Relay @n bytes to side @to. */
static void relay(int to, const uint8_t *p, size_t n)
{
	if (write_all(master[to], p, n) < 0) {
		sinks[to].flagged = false;	/* it missed some */
		return;
	}
	sink_relayed(to, p, n);
}

/* Inject a piece of garbage into side @to; -1 if told to stop. */
static int inject(int to)
{
	static uint8_t junk[16384];
	enum kind k;
	size_t n = make_garbage(junk, &k);
	int rc = write_all(master[to], junk, n);

	injections++;
	injected_bytes += n;
	sink_garbage(to, k, rc == 0);
	return rc;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* -w PREFIX: open PREFIX.ab and PREFIX.ba; 0 or -1. */
static int open_wire(const char *prefix)
{
	static const char *const dir[2] = { "ba", "ab" };
	char path[4096];

	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s.%s", prefix, dir[i]);
		wire_fd[i] = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (wire_fd[i] < 0)
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *la = NULL, *lb = NULL, *dir = "ab", *wire = NULL;
	int interval = 50, c, s[2], dirs;
	unsigned int seed = time(NULL) ^ getpid();
	static uint8_t buf[65536];
	struct sigaction sa = { .sa_handler = on_signal };
	long next;

	while ((c = getopt(argc, argv, "a:b:d:i:s:o:w:n")) != -1) {
		switch (c) {
		case 'a': la = optarg; break;
		case 'b': lb = optarg; break;
		case 'd': dir = optarg; break;
		case 'i': interval = atoi(optarg); break;
		case 's': seed = strtoul(optarg, NULL, 0); break;
		case 'o': stats_path = optarg; break;
		case 'w': wire = optarg; break;
		case 'n': inject_on = 1; break;
		default:
			fprintf(stderr, "usage: %s -a LINK -b LINK [-d ab|ba|both] [-i MS] [-s SEED] [-o FILE] [-w PREFIX] [-n]\n",
				argv[0]);
			return 1;
		}
	}
	if (!la || !lb || interval < 1)
		return 1;
	dirs = !strcmp(dir, "ba") ? 2 : !strcmp(dir, "both") ? 3 : 1;
	srandom(seed);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	master[0] = pppt_pty_link(la, &s[0]);
	master[1] = pppt_pty_link(lb, &s[1]);
	if (master[0] < 0 || master[1] < 0) {
		perror("noise_relay: pty");
		return 1;
	}
	if (wire && open_wire(wire)) {
		perror("noise_relay: -w");
		return 1;
	}
	fcntl(master[0], F_SETFL, O_NONBLOCK);
	fcntl(master[1], F_SETFL, O_NONBLOCK);
	printf("noise_relay: %s <-> %s, garbage %s every ~%d ms, seed %u\n",
	       la, lb, dir, interval, seed);
	fflush(stdout);
	next = now_ms() + rnd(2 * interval);
	while (!stop) {
		struct pollfd pfd[2] = {
			{ .fd = master[0], .events = POLLIN },
			{ .fd = master[1], .events = POLLIN },
		};
		long t = now_ms(), wait = inject_on ? next - t : 1000;

		if (toggled) {
			toggled = 0;
			inject_on = !inject_on;
			write_stats();
			next = t + rnd(2 * interval);
			continue;
		}
		if (inject_on && wait <= 0) {
			/* garbage goes to the master the receiver reads from */
			int from = dirs == 3 ? (int)rnd(2) : dirs - 1;

			if (inject(from ^ 1) < 0 && stop)
				break;
			next = t + 1 + rnd(2 * interval);
			continue;
		}
		if (poll(pfd, 2, wait < 0 ? 0 : wait) < 0)
			continue;
		for (int i = 0; i < 2; i++) {
			ssize_t n;

			if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(master[i], buf, sizeof(buf));
			if (n <= 0)
				continue;
			relayed[i] += n;
			/*
			 * Now and then the garbage lands inside a frame:
			 * split what we relay and inject in the middle.
			 */
			if (inject_on && (dirs & (1 << i)) && n > 8 &&
			    rnd(8) == 0 && now_ms() >= next) {
				size_t cut = 1 + rnd(n - 1);

				relay(i ^ 1, buf, cut);
				inject(i ^ 1);
				relay(i ^ 1, buf + cut, n - cut);
				next = now_ms() + 1 + rnd(2 * interval);
				continue;
			}
			relay(i ^ 1, buf, n);
		}
	}
	write_stats();
	return 0;
}
