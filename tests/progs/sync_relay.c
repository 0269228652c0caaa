// SPDX-License-Identifier: GPL-2.0
/*
 * sync_relay: a synchronous line between two ptys, for pppd's `sync`
 * mode (N_SYNC_PPP).  Like `socat pty,link=A pty,link=B` it makes two
 * ptys, links their slaves at A and B (raw mode) and copies between the
 * masters; unlike socat it keeps frames apart.
 *
 * On a sync line each tty read is one frame.  A pty keeps no write
 * boundaries: reading a master gives whatever the sender wrote since the
 * last read, often several frames.  The relay finds the frames in what it
 * reads from the lengths they carry (IPv4 and IPv6 headers, the length
 * field of LCP, IPCP, CHAP and the other control protocols; [ff 03] and
 * a one- or two-byte protocol field in front) and writes each to the
 * other master by itself, with a short pause behind it so that the
 * receiving tty hands it to its line discipline alone.  A frame of
 * another protocol (VJ: run pppd with novj) is passed on with all that
 * follows it.
 *
 * SIGUSR1 merges, once, the next two frames of at least 1000 bytes
 * from A to B into one write: what socat does under load, on purpose.
 *
 * usage: sync_relay -a LINK_A -b LINK_B [-g PAUSE_US]
 * Prints "frames=N merged=N" at exit (SIGTERM).
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

#define BIG_FRAME	1000

static volatile sig_atomic_t stop, merge_req;
static unsigned long frames, merged;

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		merge_req = 1;
	else
		stop = 1;
}

static unsigned int be16(const uint8_t *p)
{
	return p[0] << 8 | p[1];
}

/*
 * Length of the frame at @p (@n bytes buffered): 0 if more bytes are
 * needed to tell, @n if it cannot be told.
 */
static size_t frame_len(const uint8_t *p, size_t n)
{
	size_t h = 0, len;
	unsigned int proto;

	if (n >= 2 && p[0] == 0xff && p[1] == 0x03)
		h = 2;
	if (n < h + 2)
		return 0;
	if (p[h] & 1) {
		proto = p[h];
		h += 1;
	} else {
		proto = be16(p + h);
		h += 2;
	}
	if (proto == 0x21) {			/* IPv4: total length */
		if (n < h + 4)
			return 0;
		len = h + be16(p + h + 2);
	} else if (proto == 0x57) {		/* IPv6: payload length */
		if (n < h + 6)
			return 0;
		len = h + 40 + be16(p + h + 4);
	} else if (proto >= 0x8000) {		/* control: code id length */
		if (n < h + 4)
			return 0;
		len = h + be16(p + h + 2);
	} else {
		return n;
	}
	if (len <= h)
		return n;			/* not a frame we know */
	return len > n ? 0 : len;
}

static void put(int fd, const uint8_t *p, size_t n, long pause_us)
{
	struct timespec ts = { 0, pause_us * 1000 };

	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		p += w;
		n -= w;
	}
	frames++;
	if (pause_us)
		nanosleep(&ts, NULL);
}

struct dir {
	int from, to;
	uint8_t buf[1 << 17];
	size_t n;
	int merging;		/* A to B only: 1 = holding nothing, 2 = holding one */
	uint8_t held[1 << 16];
	size_t hn;
};

/* Write out every whole frame in @d->buf; with @flush, the rest too. */
static void drain(struct dir *d, long pause_us, int flush)
{
	size_t off = 0, len;

	while (off < d->n) {
		len = frame_len(d->buf + off, d->n - off);
		if (!len) {
			if (!flush)
				break;
			len = d->n - off;
		}
		if (d->merging && len >= BIG_FRAME && len <= sizeof(d->held)) {
			if (d->merging == 1) {
				memcpy(d->held, d->buf + off, len);
				d->hn = len;
				d->merging = 2;
			} else {
				uint8_t two[2 << 16];

				memcpy(two, d->held, d->hn);
				memcpy(two + d->hn, d->buf + off, len);
				put(d->to, two, d->hn + len, pause_us);
				merged++;
				d->merging = 0;
			}
		} else {
			put(d->to, d->buf + off, len, pause_us);
		}
		off += len;
	}
	memmove(d->buf, d->buf + off, d->n - off);
	d->n -= off;
}

int main(int argc, char **argv)
{
	static struct dir dirs[2];
	const char *la = NULL, *lb = NULL;
	long pause_us = 500;
	struct sigaction sa = { .sa_handler = on_signal };
	int c, s[2], m[2];

	while ((c = getopt(argc, argv, "a:b:g:")) != -1) {
		switch (c) {
		case 'a': la = optarg; break;
		case 'b': lb = optarg; break;
		case 'g': pause_us = atol(optarg); break;
		default:
			fprintf(stderr, "usage: %s -a LINK -b LINK [-g PAUSE_US]\n",
				argv[0]);
			return 1;
		}
	}
	if (!la || !lb || pause_us < 0 || pause_us > 999999)
		return 1;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	m[0] = pppt_pty_link(la, &s[0]);
	m[1] = pppt_pty_link(lb, &s[1]);
	if (m[0] < 0 || m[1] < 0) {
		perror("sync_relay: pty");
		return 1;
	}
	dirs[0].from = m[0], dirs[0].to = m[1];
	dirs[1].from = m[1], dirs[1].to = m[0];
	while (!stop) {
		struct pollfd pfd[2] = {
			{ .fd = m[0], .events = POLLIN },
			{ .fd = m[1], .events = POLLIN },
		};
		int r = poll(pfd, 2, 100);

		if (merge_req) {
			merge_req = 0;
			dirs[0].merging = 1;
		}
		if (r < 0)
			continue;
		for (int i = 0; i < 2; i++) {
			struct dir *d = &dirs[i];
			ssize_t n;

			if (r == 0) {		/* quiet line: pass what is left */
				drain(d, pause_us, 1);
				continue;
			}
			if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(d->from, d->buf + d->n, sizeof(d->buf) - d->n);
			if (n <= 0)
				continue;
			d->n += n;
			drain(d, pause_us, d->n == sizeof(d->buf));
		}
	}
	printf("sync_relay: frames=%lu merged=%lu\n", frames, merged);
	return 0;
}
