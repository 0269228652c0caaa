// SPDX-License-Identifier: GPL-2.0
/*
 * pppbench - the benchmark driver that runs inside the bench VM
 * (scripts/qemu/bench-init).  One binary, several measurements:
 *
 *   pppbench ldisc tx|rx SIZE random|map0|worst BYTES
 *	N_PPP line discipline alone.  A pty whose slave end carries N_PPP,
 *	a channel fd (/dev/ppp, PPPIOCATTCHAN) on it, nothing connected.
 *	tx: write SIZE-byte frames (protocol 0x0021 + payload) to the
 *	    channel fd; the master end is drained and the frames counted
 *	    by their closing flags.  Every frame's wire length must fit
 *	    its size (SIZE + 4 bytes unescaped, at most twice that), and
 *	    one frame in CHECK_EVERY is decoded in full: length, FCS, and
 *	    content against the frame written.
 *	rx: write frames pre-encoded here (RFC 1662, our own encoder) into
 *	    the master; read them back from the channel fd.  Every frame's
 *	    length is checked, one in CHECK_EVERY also its content.
 *	Only good frames are credited (bytes=); bad= counts the others,
 *	lost= those that never came.
 *	At most a small window of frames is in flight (the channel's queue
 *	holds 32), so nothing is dropped and nothing queues without bound.
 *	random: random payload, default ACCM (control characters escaped);
 *	map0: random payload, asyncmap 0 both ways; worst: every payload
 *	byte is one that must be escaped (00-1f, 7d, 7e; default ACCM).
 *
 *   pppbench ldisc tx|rx SIZE sync BYTES
 *	The same with N_SYNC_PPP (ppp_synctty) on the slave: no escaping,
 *	no FCS, address/control in front (ACFC is off).  tx: the master's
 *	bytes are counted in frames of SIZE + 2 and one frame in
 *	CHECK_EVERY is compared in full; no more frames in flight than
 *	half a pty's buffer holds (see PTY_ROOM).  rx: a pty keeps no write
 *	boundaries, so one frame is in flight at a time: written to the
 *	master, read back from the channel fd, then the next.
 *
 *   pppbench ldisc tx2p SIZE random|map0|worst|sync BYTES
 *	tx with the writer and the master's reader in two processes, as
 *	an application and a modem are: the same frames, window and
 *	checks; the writer sleeps on a futex while its window is full and
 *	the reader wakes it after each batch it read (see ldisc_tx2p()).
 *	Reported as dir=tx2p.
 *
 *   pppbench units N
 *	Create N units (open /dev/ppp + PPPIOCNEWUNIT each, so N ppp%d
 *	devices), then close every fd and wait until every ppp%d is gone
 *	(gone_ns), then until the teardown is over (destroy_ns): the
 *	module's reference count back at its value before the test, and
 *	the CPU quiet (see quiesce()), so work a module defers past
 *	close() or past the device leaving sysfs is charged to it.
 *	Memory per unit from the Slab and Percpu lines of /proc/meminfo.
 *	With PPPBENCH_PERF_CTL=CTL,ACK (perf record's --control fifos)
 *	perf is enabled around the creation loop only.
 *
 *   pppbench tcp-server PORT WINDOW
 *   pppbench tcp NAME ADDR PORT BYTES WINDOW send|recv [STALL_MS]
 *	A bulk TCP transfer that measures its data phase only.  The
 *	server (in the background, one connection at a time) does what
 *	the client asks: take BYTES and answer with one byte, or send
 *	BYTES.  Both ends ask for WINDOW bytes of socket buffer each way
 *	before connecting (0: the default), as "iperf3 -w" does, and
 *	read and write 2 KiB a call with WINDOW, 128 KiB without
 *	(iperf3's TCP default).  The client's clocks run from the
 *	request it sends up to the answer byte (send) or the last byte
 *	(recv); connection set-up and teardown are outside.  Every
 *	wait is a blocking call: no end spins while the other side is
 *	slow (iperf3 3.12's select() loop does, before and after its
 *	data phase, which over a one-frame-in-flight link was a good
 *	part of the CPU measured).
 *	Reported as test=NAME with kbps, bytes, cpu_ns and wall_ns, and
 *	stalls= (stall_ns=): the gaps of 30 ms or more between two
 *	reads or writes of the client, such as delayed ACKs, retransmit
 *	timeouts and zero-window probes make, and their total length.
 *	With STALL_MS the client gives up once the gaps add up to that
 *	many ms (a blocked call returns by then): it reports stalled=1
 *	and exits with status 4.
 *
 *   pppbench cpu
 *	Print the CPU counter (see cpu_ns()) and the monotonic clock.
 *
 * Output: one line per measurement, "BENCH key=value ...", for the
 * host's parser.  Times are guest nanoseconds: under QEMU's icount
 * (shift=0) one guest nanosecond is one guest instruction, so they
 * measure CPU work.
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
#include <arpa/inet.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../progs/pppt_bench.h"

#ifndef N_PPP
#define N_PPP 3
#endif
#define PPPIOCGCHAN		_IOR('t', 55, int)
#define PPPIOCATTCHAN		_IOW('t', 56, int)
#define PPPIOCNEWUNIT		_IOWR('t', 62, int)
#define PPPIOCSASYNCMAP		_IOW('t', 87, int)
#define PPPIOCSRASYNCMAP	_IOW('t', 84, int)
#define PPPIOCSMRU		_IOW('t', 82, int)

/* ---- RFC 1662 framing, for the receive test ------------------------ */

static uint16_t fcs_tab[256];

static void fcs_init(void)
{
	for (int b = 0; b < 256; b++) {
		uint16_t v = b;

		for (int i = 0; i < 8; i++)
			v = (v & 1) ? (v >> 1) ^ 0x8408 : v >> 1;
		fcs_tab[b] = v;
	}
}

static uint16_t fcs16(uint16_t fcs, const uint8_t *p, size_t n)
{
	while (n--)
		fcs = (fcs >> 8) ^ fcs_tab[(fcs ^ *p++) & 0xff];
	return fcs;
}

static int needs_escape(uint8_t c, uint32_t accm)
{
	return c == 0x7d || c == 0x7e || (c < 0x20 && (accm >> c) & 1);
}

/* Encode ff 03 + data + FCS between flags; returns the wire length. */
static size_t encode(uint8_t *out, const uint8_t *data, size_t len,
		     uint32_t accm)
{
	uint8_t hdr[2] = { 0xff, 0x03 }, tail[2];
	uint16_t fcs = fcs16(fcs16(0xffff, hdr, 2), data, len) ^ 0xffff;
	uint8_t *o = out;
	const uint8_t *parts[3] = { hdr, data, tail };
	size_t lens[3] = { 2, len, 2 };

	tail[0] = fcs & 0xff;
	tail[1] = fcs >> 8;
	*o++ = 0x7e;
	for (int k = 0; k < 3; k++)
		for (size_t i = 0; i < lens[k]; i++) {
			uint8_t c = parts[k][i];

			if (needs_escape(c, accm)) {
				*o++ = 0x7d;
				c ^= 0x20;
			}
			*o++ = c;
		}
	*o++ = 0x7e;
	return o - out;
}

static uint32_t rnd_state = 12345;

static uint8_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 16;
}

/* SIZE bytes: protocol 0x0021, then the payload of the chosen kind. */
static void make_frame(uint8_t *f, size_t size, int worst)
{
	static const uint8_t esc[] = { 0x7d, 0x7e };

	f[0] = 0x00;
	f[1] = 0x21;
	for (size_t i = 2; i < size; i++) {
		uint8_t r = rnd();

		if (worst)
			f[i] = (r % 34) < 32 ? r % 32 : esc[r & 1];
		else
			f[i] = r;
	}
}

/* ---- checking what came out ---------------------------------------- */

#define NFRAMES	64		/* distinct frames, cycled */

#define CHECK_EVERY	8	/* one frame in this many is checked in full */

#define FRAME_MAX	(2 + 1500)	/* sync: ff 03, then the frame */

/*
 * The frames of a case.  Async: the SIZE bytes written to the channel.
 * Sync: ff 03 and those bytes, as the line carries them (the channel
 * is written from frames[i] + 2).
 */
static uint8_t frames[NFRAMES][FRAME_MAX];

/*
 * Decode one frame's wire bytes (between its flags) and compare it with
 * ff 03 + @want: the length, the FCS and the content.  Default ACCM or
 * not, the receiver drops nothing here: the bytes come straight from
 * the encoder.
 */
static int wire_frame_ok(const uint8_t *w, size_t n, const uint8_t *want,
			 size_t size)
{
	static uint8_t dec[1500 + 4];
	size_t len = 0;
	int esc = 0;

	for (size_t i = 0; i < n; i++) {
		uint8_t c = w[i];

		if (c == 0x7d) {
			esc = 1;
			continue;
		}
		if (esc) {
			c ^= 0x20;
			esc = 0;
		}
		if (len == sizeof(dec))
			return 0;
		dec[len++] = c;
	}
	return !esc && len == size + 4 && dec[0] == 0xff && dec[1] == 0x03 &&
	       fcs16(0xffff, dec, len) == 0xf0b8 &&
	       !memcmp(dec + 2, want, size);
}

/*
 * The transmit side's view of the master.  Async: frames between flags.
 * Sync: a stream of SIZE + 2 byte frames (the pty keeps no boundaries).
 */
struct tx_scan {
	int sync;
	size_t size;		/* bytes written to the channel per frame */
	uint64_t frames;	/* frames ended (good or bad) */
	uint64_t bad;
	uint64_t checked;	/* frames decoded in full */
	size_t cur;		/* wire bytes of the frame in progress */
	uint8_t keep[2 * (1500 + 4) + 2];	/* its bytes, if checked */
};

static void tx_frame_end(struct tx_scan *s)
{
	uint64_t k = s->frames++;
	size_t size = s->size;
	int ok = s->cur >= size + 4 && s->cur <= 2 * (size + 4);

	if (ok && k % CHECK_EVERY == 0) {
		ok = wire_frame_ok(s->keep, s->cur, frames[k % NFRAMES], size);
		s->checked++;
	}
	if (!ok) {
		if (!s->bad)
			fprintf(stderr, "pppbench: tx frame %llu is bad (%zu wire bytes)\n",
				(unsigned long long)k, s->cur);
		s->bad++;
	}
	s->cur = 0;
}

/* Wire bytes @p..@p+@n, no flag among them: part of the current frame. */
static void tx_take(struct tx_scan *s, const uint8_t *p, size_t n)
{
	if (s->frames % CHECK_EVERY == 0 && s->cur < sizeof(s->keep))
		memcpy(s->keep + s->cur, p, n < sizeof(s->keep) - s->cur ?
		       n : sizeof(s->keep) - s->cur);
	s->cur += n;
}

/*
 * Async: a frame ends at a flag after a non-flag.  memchr() finds the
 * flags, and only every CHECK_EVERY-th frame is kept and decoded:
 * checking costs both module sets the same, so the less it costs, the
 * more the ratio shows the modules.
 */
static void tx_scan_async(struct tx_scan *s, const uint8_t *buf, size_t n)
{
	const uint8_t *p = buf, *end = buf + n, *f;

	while ((f = memchr(p, 0x7e, end - p))) {
		tx_take(s, p, f - p);
		if (s->cur)
			tx_frame_end(s);
		p = f + 1;
	}
	tx_take(s, p, end - p);
}

/* Sync: the wire as a stream of SIZE + 2 byte frames. */
static void tx_scan_sync(struct tx_scan *s, const uint8_t *buf, size_t n)
{
	size_t wlen = s->size + 2;

	for (size_t i = 0; i < n;) {
		size_t k = wlen - s->cur;

		if (k > n - i)
			k = n - i;
		if (s->frames % CHECK_EVERY == 0)
			memcpy(s->keep + s->cur, buf + i, k);
		s->cur += k;
		i += k;
		if (s->cur < wlen)
			continue;
		if (s->frames % CHECK_EVERY == 0) {
			s->bad += !!memcmp(s->keep, frames[s->frames % NFRAMES], wlen);
			s->checked++;
		}
		s->cur = 0;
		s->frames++;
	}
}

/* Read all the master holds and count it. */
static void tx_drain(int master, struct tx_scan *s)
{
	static uint8_t buf[65536];
	ssize_t n;

	while ((n = read(master, buf, sizeof(buf))) > 0) {
		if (s->sync)
			tx_scan_sync(s, buf, n);
		else
			tx_scan_async(s, buf, n);
	}
}

/* ---- the line discipline test ------------------------------------- */

static void set_nonblock(int fd)
{
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

#ifndef N_SYNC_PPP
#define N_SYNC_PPP 14
#endif

/*
 * What a pty holds for its reader (pty.c sets its buffer limit to 8
 * KiB).  N_SYNC_PPP writes a frame whole or, after a short write, all
 * over again, and the part the pty took stays on the wire as a broken
 * frame: tx keeps no more frames in flight than half of it holds.
 */
#define PTY_ROOM	8192

/* One ldisc case (see the top of the file). */
struct ldisc_case {
	const char *dir;	/* tx, tx2p or rx */
	const char *mode;	/* random, map0, worst or sync */
	int tx;			/* tx or tx2p */
	int sync;
	size_t size;
	uint64_t nframes;
	uint64_t window;	/* frames in flight at most */
	int master, slave, cfd;
};

/* The pty and channel fd of @c: slave in its discipline, raw. */
static void ldisc_setup(struct ldisc_case *c)
{
	int disc = c->sync ? N_SYNC_PPP : N_PPP, chan;
	struct termios t;

	c->master = posix_openpt(O_RDWR | O_NOCTTY);
	if (c->master < 0 || grantpt(c->master) || unlockpt(c->master))
		die("ptmx");
	c->slave = open(ptsname(c->master), O_RDWR | O_NOCTTY);
	if (c->slave < 0)
		die("pts");
	tcgetattr(c->slave, &t);
	cfmakeraw(&t);
	tcsetattr(c->slave, TCSANOW, &t);
	if (ioctl(c->slave, TIOCSETD, &disc) < 0)
		die("TIOCSETD");
	if (ioctl(c->slave, PPPIOCGCHAN, &chan) < 0)
		die("PPPIOCGCHAN");
	c->cfd = open("/dev/ppp", O_RDWR);
	if (c->cfd < 0 || ioctl(c->cfd, PPPIOCATTCHAN, &chan) < 0)
		die("PPPIOCATTCHAN");
	if (!c->sync) {
		int v = strcmp(c->mode, "map0") ? (int)0xffffffff : 0;

		if (ioctl(c->cfd, PPPIOCSASYNCMAP, &v) < 0 ||
		    ioctl(c->cfd, PPPIOCSRASYNCMAP, &v) < 0)
			die("PPPIOCSASYNCMAP");
	}
	set_nonblock(c->master);
	set_nonblock(c->cfd);
}

/* Write frame @k to the channel fd. */
static void tx_write(struct ldisc_case *c, uint64_t k)
{
	const uint8_t *f = frames[k % NFRAMES] + (c->sync ? 2 : 0);

	if (write(c->cfd, f, c->size) != (ssize_t)c->size)
		die("write channel");
}

static void ldisc_report(struct ldisc_case *c, uint64_t done, uint64_t lost,
			 uint64_t bad, uint64_t checked, uint64_t wall,
			 uint64_t cpu)
{
	printf("BENCH test=ldisc dir=%s size=%zu mode=%s frames=%llu bytes=%llu lost=%llu bad=%llu checked=%llu wall_ns=%llu cpu_ns=%llu\n",
	       c->dir, c->size, c->mode, (unsigned long long)done,
	       (unsigned long long)((done - bad) * c->size),
	       (unsigned long long)lost, (unsigned long long)bad,
	       (unsigned long long)checked, (unsigned long long)wall,
	       (unsigned long long)cpu);
}

/* Sync rx: one frame in flight, written to the master, read back. */
static void ldisc_sync_rx(struct ldisc_case *c)
{
	static uint8_t buf[65536];
	uint64_t sent = 0, done = 0, lost = 0, bad = 0, checked = 0;
	size_t wlen = c->size + 2;
	uint64_t t0 = now_ns(), c0 = cpu_ns();

	while (done + lost < c->nframes) {
		if (sent == done + lost && sent < c->nframes) {
			if (write(c->master, frames[sent % NFRAMES], wlen) != (ssize_t)wlen)
				die("write master");
			sent++;
		}
		struct pollfd p = { .fd = c->cfd, .events = POLLIN };

		if (poll(&p, 1, 2000) == 0) {
			lost += sent - done - lost;
			continue;
		}
		ssize_t n;

		while ((n = read(c->cfd, buf, sizeof(buf))) > 0) {
			int ok = n == (ssize_t)c->size;

			if (ok && done % CHECK_EVERY == 0) {
				ok = !memcmp(buf, frames[done % NFRAMES] + 2, c->size);
				checked++;
			}
			bad += !ok;
			done++;
		}
	}
	ldisc_report(c, done, lost, bad, checked, now_ns() - t0, cpu_ns() - c0);
}

/*
 * Async rx: pre-encoded frames (our own encoder) written back to back
 * into the master, a window's worth at a time; read from the channel.
 */
static void ldisc_async_rx(struct ldisc_case *c)
{
	static uint8_t wire[NFRAMES * 3100], buf[65536];
	uint32_t accm = strcmp(c->mode, "map0") ? 0xffffffff : 0;
	uint64_t sent = 0, done = 0, lost = 0, bad = 0, checked = 0;
	const uint8_t *pend = NULL;
	size_t woff[NFRAMES + 1], pend_len = 0;

	woff[0] = 0;
	for (int i = 0; i < NFRAMES; i++)
		woff[i + 1] = woff[i] + encode(wire + woff[i], frames[i],
					       c->size, accm);

	uint64_t t0 = now_ns(), c0 = cpu_ns();

	while (done + lost < c->nframes) {
		/* a batch of whole frames; partial writes resume */
		if (!pend_len && sent < c->nframes &&
		    sent - done - lost < c->window) {
			int a = sent % NFRAMES, b = a;
			uint64_t room = c->window - (sent - done - lost);

			while (b < NFRAMES && (uint64_t)(b - a) < room &&
			       sent + (b - a) < c->nframes)
				b++;
			pend = wire + woff[a];
			pend_len = woff[b] - woff[a];
			sent += b - a;
		}
		while (pend_len) {
			ssize_t n = write(c->master, pend, pend_len);

			if (n < 0 && errno == EAGAIN)
				break;
			if (n <= 0)
				die("write master");
			pend += n;
			pend_len -= n;
		}
		struct pollfd p[2] = {
			{ .fd = c->cfd, .events = POLLIN },
			{ .fd = c->master, .events = POLLOUT },
		};

		if (poll(p, pend_len ? 2 : 1, 2000) == 0) {
			/* nothing for 2 s: count what is missing */
			lost += sent - done - lost;
			continue;
		}
		ssize_t n;

		while ((n = read(c->cfd, buf, sizeof(buf))) > 0) {
			int ok = n == (ssize_t)c->size;

			if (ok && done % CHECK_EVERY == 0) {
				ok = !memcmp(buf, frames[done % NFRAMES], c->size);
				checked++;
			}
			if (!ok && !bad++)
				fprintf(stderr, "pppbench: rx frame %llu is bad (%zd bytes)\n",
					(unsigned long long)done, n);
			done++;
		}
	}
	ldisc_report(c, done, lost, bad, checked, now_ns() - t0, cpu_ns() - c0);
}

/*
 * tx, one process: a window of frames written to the channel fd, then
 * the master drained, in turn.
 */
static void ldisc_tx(struct ldisc_case *c)
{
	struct tx_scan *s = calloc(1, sizeof(*s));
	uint64_t sent = 0, lost = 0;

	if (!s)
		die("calloc");
	s->sync = c->sync;
	s->size = c->size;

	uint64_t t0 = now_ns(), c0 = cpu_ns();

	while (s->frames + lost < c->nframes) {
		while (sent < c->nframes && sent - s->frames - lost < c->window)
			tx_write(c, sent++);

		struct pollfd p = { .fd = c->master, .events = POLLIN };

		if (poll(&p, 1, 2000) == 0) {
			/* nothing for 2 s: count what is missing */
			lost += sent - s->frames - lost;
			continue;
		}
		tx_drain(c->master, s);
	}
	ldisc_report(c, s->frames, lost, s->bad, s->checked, now_ns() - t0,
		     cpu_ns() - c0);
	free(s);
}

/*
 * tx, two processes, as an application and a modem are: the writer
 * (this process) keeps up to a window of frames in flight and sleeps
 * on a futex when it is full; the reader (a child) drains the master,
 * publishes its counts in shared memory after each batch and wakes the
 * writer if it sleeps.  One wake per batch at most, and none while the
 * writer runs: what the pair costs on top of one process is the
 * scheduler's, the same for both module sets.
 */
struct tx2p_shared {
	uint32_t seq;		/* bumped by the reader after each batch */
	uint32_t waiting;	/* the writer sleeps (or is about to) on seq */
	uint32_t stop;		/* the writer has its figures: reader, exit */
	uint32_t ready;		/* the reader runs */
	uint64_t frames, bad, checked;	/* the reader's tx_scan counts */
};

static long futex(uint32_t *word, int op, uint32_t val,
		  const struct timespec *ts)
{
	return syscall(SYS_futex, word, op, val, ts, NULL, 0);
}

static void tx2p_reader(struct ldisc_case *c, struct tx2p_shared *sh)
{
	struct tx_scan *s = calloc(1, sizeof(*s));

	if (!s)
		die("calloc");
	s->sync = c->sync;
	s->size = c->size;
	__atomic_store_n(&sh->ready, 1, __ATOMIC_SEQ_CST);
	futex(&sh->ready, FUTEX_WAKE, 1, NULL);
	while (!__atomic_load_n(&sh->stop, __ATOMIC_ACQUIRE)) {
		struct pollfd p = { .fd = c->master, .events = POLLIN };

		if (poll(&p, 1, 100) <= 0)
			continue;
		tx_drain(c->master, s);
		__atomic_store_n(&sh->frames, s->frames, __ATOMIC_RELAXED);
		__atomic_store_n(&sh->bad, s->bad, __ATOMIC_RELAXED);
		__atomic_store_n(&sh->checked, s->checked, __ATOMIC_RELAXED);
		__atomic_add_fetch(&sh->seq, 1, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&sh->waiting, __ATOMIC_SEQ_CST))
			futex(&sh->seq, FUTEX_WAKE, 1, NULL);
	}
	_exit(0);
}

static void ldisc_tx2p(struct ldisc_case *c)
{
	struct tx2p_shared *sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
				      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	uint64_t sent = 0, done = 0, lost = 0;
	pid_t pid;

	if (sh == MAP_FAILED)
		die("mmap");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid)
		tx2p_reader(c, sh);
	while (!__atomic_load_n(&sh->ready, __ATOMIC_SEQ_CST))
		futex(&sh->ready, FUTEX_WAIT, 0, NULL);

	uint64_t t0 = now_ns(), c0 = cpu_ns();

	while (done + lost < c->nframes) {
		uint32_t seq = __atomic_load_n(&sh->seq, __ATOMIC_ACQUIRE);

		done = __atomic_load_n(&sh->frames, __ATOMIC_RELAXED);
		while (sent < c->nframes && sent - done - lost < c->window)
			tx_write(c, sent++);
		if (done + lost >= c->nframes)
			break;
		/* the window is full (or all is sent): wait for the reader */
		__atomic_store_n(&sh->waiting, 1, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&sh->seq, __ATOMIC_SEQ_CST) == seq) {
			struct timespec ts = { .tv_sec = 2 };

			if (futex(&sh->seq, FUTEX_WAIT, seq, &ts) < 0 &&
			    errno == ETIMEDOUT &&
			    __atomic_load_n(&sh->seq, __ATOMIC_SEQ_CST) == seq)
				lost += sent - done - lost;	/* nothing for 2 s */
		}
		__atomic_store_n(&sh->waiting, 0, __ATOMIC_SEQ_CST);
	}
	uint64_t t1 = now_ns(), c1 = cpu_ns();

	__atomic_store_n(&sh->stop, 1, __ATOMIC_RELEASE);
	if (waitpid(pid, NULL, 0) != pid)
		die("waitpid");
	ldisc_report(c, done, lost, __atomic_load_n(&sh->bad, __ATOMIC_RELAXED),
		     __atomic_load_n(&sh->checked, __ATOMIC_RELAXED), t1 - t0,
		     c1 - c0);
	munmap(sh, sizeof(*sh));
}

/* pppbench ldisc tx|tx2p|rx SIZE random|map0|worst|sync BYTES */
static int ldisc(int argc, char **argv)
{
	struct ldisc_case c = { .window = 16 };

	if (argc != 6)
		return 1;
	c.dir = argv[2];
	c.mode = argv[4];
	c.size = strtoul(argv[3], NULL, 0);
	c.tx = !strcmp(c.dir, "tx") || !strcmp(c.dir, "tx2p");
	c.sync = !strcmp(c.mode, "sync");
	if (c.size < 4 || c.size > 1500 || (!c.tx && strcmp(c.dir, "rx")) ||
	    (!c.sync && strcmp(c.mode, "random") && strcmp(c.mode, "map0") &&
	     strcmp(c.mode, "worst")))
		return 1;
	c.nframes = (strtoull(argv[5], NULL, 0) + c.size - 1) / c.size;

	for (int i = 0; i < NFRAMES; i++) {
		if (c.sync) {
			frames[i][0] = 0xff;
			frames[i][1] = 0x03;
			make_frame(frames[i] + 2, c.size, 0);
		} else {
			make_frame(frames[i], c.size, !strcmp(c.mode, "worst"));
		}
	}
	if (c.sync && !c.tx)
		c.window = 1;
	else if (c.sync && c.window * (c.size + 2) > PTY_ROOM / 2)
		c.window = PTY_ROOM / 2 / (c.size + 2) ? : 1;
	else if (!c.sync && c.window * 2 * (c.size + 8) > 32768)
		c.window = 32768 / (2 * (c.size + 8));

	ldisc_setup(&c);
	if (!strcmp(c.dir, "tx2p"))
		ldisc_tx2p(&c);
	else if (c.tx)
		ldisc_tx(&c);
	else if (c.sync)
		ldisc_sync_rx(&c);
	else
		ldisc_async_rx(&c);
	close(c.cfd);
	close(c.slave);
	close(c.master);
	return 0;
}

/* ---- units -------------------------------------------------------- */

/* /sys/module/ppp_generic/refcnt: every open /dev/ppp holds one. */
static long module_refcnt(void)
{
	long v = -1;
	FILE *f = fopen("/sys/module/ppp_generic/refcnt", "r");

	if (!f || fscanf(f, "%ld", &v) != 1)
		die("/sys/module/ppp_generic/refcnt");
	fclose(f);
	return v;
}

#define QUIET_WINDOW_NS	20000000ull	/* 20 ms */
#define QUIET_BUSY_NS	1000000ull	/* busy less than 1 ms of it */
#define QUIET_WINDOWS	50		/* that many windows in a row: 1 s */

/*
 * Wait until the machine has been quiet for QUIET_WINDOWS windows in a
 * row and return, in *@t and *@c, the clocks at the start of the first
 * of them: then whatever a module deferred (work items, RCU callbacks,
 * timers) has run, and the time up to there is charged to the test.
 * A whole second of quiet, so that work deferred behind a sleep or a
 * timer is not missed; under icount (sleep=off) idle guest time costs
 * no host time.  The polling itself (reading /proc/timer_list about
 * every 20 ms) is well under the threshold.  Returns 0 if the machine never went quiet
 * within @limit_ns.
 */
static int quiesce(uint64_t *t, uint64_t *c, uint64_t limit_ns)
{
	uint64_t t0 = now_ns(), c0 = cpu_ns(), start = t0, qt = t0, qc = c0;
	int quiet = 0;

	while (quiet < QUIET_WINDOWS) {
		usleep(QUIET_WINDOW_NS / 1000);
		uint64_t t1 = now_ns(), c1 = cpu_ns();

		if (c1 - c0 < QUIET_BUSY_NS) {
			if (!quiet++) {
				qt = t0;
				qc = c0;
			}
		} else {
			quiet = 0;
		}
		t0 = t1;
		c0 = c1;
		if (t1 - start > limit_ns)
			return 0;
	}
	*t = qt;
	*c = qc;
	return 1;
}

static int units(int argc, char **argv)
{
	if (argc != 3)
		return 1;
	int n = atoi(argv[2]);
	int *fds = calloc(n, sizeof(int)), *num = calloc(n, sizeof(int));
	struct rlimit rl = { n + 64, n + 64 };

	if (!fds || !num || setrlimit(RLIMIT_NOFILE, &rl))
		die("setup");
	if (access("/sys/class/net/lo", F_OK))
		die("/sys/class/net/lo (sysfs, to see devices go)");
	sync();
	long slab0 = meminfo_kb("Slab"), pcpu0 = meminfo_kb("Percpu");
	long ref0 = module_refcnt();
	char *ctl = getenv("PPPBENCH_PERF_CTL");

	if (ctl)
		perf_open(ctl);
	perf_cmd("enable\n");
	uint64_t t0 = now_ns(), c0 = cpu_ns();

	for (int i = 0; i < n; i++) {
		fds[i] = open("/dev/ppp", O_RDWR);
		num[i] = -1;
		if (fds[i] < 0 || ioctl(fds[i], PPPIOCNEWUNIT, &num[i]) < 0)
			die("PPPIOCNEWUNIT");
	}
	uint64_t t1 = now_ns(), c1 = cpu_ns();

	perf_cmd("disable\n");
	long slab1 = meminfo_kb("Slab"), pcpu1 = meminfo_kb("Percpu");

	for (int i = 0; i < n; i++)
		close(fds[i]);
	uint64_t t2 = now_ns();

	/*
	 * Gone means the device left sysfs, for every unit.  Not
	 * if_nametoindex(): SIOCGIFINDEX on a missing name makes the kernel
	 * run modprobe twice (dev_load(): "netdev-pppN", then "pppN"), and
	 * those execs were most of the CPU this phase measured.
	 */
	for (int i = 0; i < n; i++) {
		char path[64];

		snprintf(path, sizeof(path), "/sys/class/net/ppp%d", num[i]);
		while (!access(path, F_OK))
			usleep(1000);
	}
	uint64_t t3 = now_ns(), t4, c4;

	/* every object released: the module's references back ... */
	while (module_refcnt() != ref0) {
		if (now_ns() - t3 > 60000000000ull) {
			fprintf(stderr, "pppbench: ppp_generic refcnt %ld, was %ld before\n",
				module_refcnt(), ref0);
			return 3;
		}
		usleep(1000);
	}
	/*
	 * ... and the deferred work done.  Not under a profiler
	 * (PPPBENCH_NO_QUIESCE): its sampling keeps the machine busy, and
	 * the polling would fill the profile.
	 */
	if (getenv("PPPBENCH_NO_QUIESCE")) {
		t4 = now_ns();
		c4 = cpu_ns();
	} else if (!quiesce(&t4, &c4, 60000000000ull)) {
		fprintf(stderr, "pppbench: the machine never went quiet after the teardown\n");
		return 3;
	}

	printf("BENCH test=units n=%d create_ns=%llu create_cpu_ns=%llu close_ns=%llu gone_ns=%llu destroy_ns=%llu destroy_cpu_ns=%llu slab_kb=%ld percpu_kb=%ld\n",
	       n, (unsigned long long)(t1 - t0), (unsigned long long)(c1 - c0),
	       (unsigned long long)(t2 - t1), (unsigned long long)(t3 - t1),
	       (unsigned long long)(t4 - t1), (unsigned long long)(c4 - c1),
	       slab1 - slab0, pcpu1 - pcpu0);
	return 0;
}

/* ---- a bulk TCP transfer, its data phase measured ------------------ */

/*
 * Bytes per write() and read().  With socket buffers asked for (WINDOW,
 * about a frame for the pppoe-sync item), TCP_CHUNK_SMALL: each call
 * returns within a few frames' time and a gap of TCP_STALL_NS between
 * two returns is a stall (delayed ACKs are 40 ms, zero-window probes
 * and retransmits 200 ms and more).  With the kernel's own buffers,
 * TCP_CHUNK_BULK, iperf3's default for TCP: a bulk sender's calls, not
 * a system call per frame or two.
 */
#define TCP_CHUNK_SMALL	2048
#define TCP_CHUNK_BULK	131072
static size_t tcp_chunk = TCP_CHUNK_SMALL;
#define TCP_STALL_NS	30000000ull	/* 30 ms */

/* Gaps in a transfer's progress: zero-window probes and the like. */
static struct {
	uint64_t last, n, ns;
	uint64_t limit;		/* give up at this much stall in all (0: never) */
} tcp_stall;

/* A call returned (@n bytes, or -1 with errno): count the gap since the
 * last.  Returns 0 to go on, -1 on an error or end of stream, -2 when
 * the transfer has stalled for tcp_stall.limit in all. */
static int tcp_progress(ssize_t n)
{
	uint64_t t = now_ns();

	if (t - tcp_stall.last >= TCP_STALL_NS) {
		tcp_stall.n++;
		tcp_stall.ns += t - tcp_stall.last;
	}
	tcp_stall.last = t;
	if (tcp_stall.limit && tcp_stall.ns >= tcp_stall.limit)
		return -2;
	if (n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN)))
		return 0;
	return -1;
}

/* Socket buffers of @window bytes each way (0: the kernel's own), and
 * the calls' size that goes with them (tcp_chunk). */
static void tcp_buffers(int fd, int window)
{
	tcp_chunk = window > 0 ? TCP_CHUNK_SMALL : TCP_CHUNK_BULK;
	if (window > 0 &&
	    (setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &window, sizeof(window)) ||
	     setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &window, sizeof(window))))
		die("SO_SNDBUF/SO_RCVBUF");
}

/* Write @len bytes of @buf, all of it; 0, -1 or -2 as tcp_progress(). */
static int tcp_write_all(int fd, const uint8_t *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);
		int err = tcp_progress(n);

		if (err)
			return err;
		if (n > 0) {
			buf += n;
			len -= n;
		}
	}
	return 0;
}

/* Read exactly @len bytes into @buf (NULL: into a scratch buffer). */
static int tcp_read_all(int fd, uint8_t *buf, size_t len)
{
	static uint8_t scratch[TCP_CHUNK_BULK];

	while (len) {
		size_t want = len < tcp_chunk ? len : tcp_chunk;
		ssize_t n = read(fd, buf ? buf : scratch, want);
		int err = tcp_progress(n);

		if (err)
			return err;
		if (n > 0) {
			if (buf)
				buf += n;
			len -= n;
		}
	}
	return 0;
}

/* Send @bytes from @buf (tcp_chunk long at least, sent over and over). */
static int tcp_send_bytes(int fd, const uint8_t *buf, uint64_t bytes)
{
	while (bytes) {
		size_t n = bytes < tcp_chunk ? bytes : tcp_chunk;
		int err = tcp_write_all(fd, buf, n);

		if (err)
			return err;
		bytes -= n;
	}
	return 0;
}

/* TCP_CHUNK_BULK bytes of random data, what a transfer sends over and over. */
static uint8_t *tcp_payload(void)
{
	uint8_t *buf = malloc(TCP_CHUNK_BULK);

	if (!buf)
		die("malloc");
	for (size_t i = 0; i < TCP_CHUNK_BULK; i++)
		buf[i] = (uint8_t)random();
	return buf;
}

/* The request: 'S' (server sends) or 'R' (server receives), then the
 * byte count, big-endian. */
#define TCP_REQ_LEN	9

static int tcp_server(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	uint8_t *buf, req[TCP_REQ_LEN], ack = 'k';
	int one = 1, lfd;

	if (argc != 4)
		return 1;
	sa.sin_port = htons(atoi(argv[2]));
	signal(SIGPIPE, SIG_IGN);	/* a client gone is that connection's end */
	buf = tcp_payload();
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0)
		die("socket");
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	tcp_buffers(lfd, atoi(argv[3]));	/* accepted sockets inherit them */
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 4))
		die("bind/listen");
	for (;;) {
		int fd = accept(lfd, NULL, NULL);
		uint64_t bytes = 0;

		if (fd < 0) {
			if (errno == EINTR)
				continue;
			die("accept");
		}
		if (!tcp_read_all(fd, req, sizeof(req))) {
			for (int i = 1; i < TCP_REQ_LEN; i++)
				bytes = bytes << 8 | req[i];
			if (req[0] == 'R') {
				if (!tcp_read_all(fd, NULL, bytes))
					tcp_write_all(fd, &ack, 1);
			} else if (req[0] == 'S') {
				/* then wait for the client to close */
				if (!tcp_send_bytes(fd, buf, bytes))
					while (read(fd, req, sizeof(req)) > 0)
						;
			}
		}
		close(fd);
	}
}

static int tcp_client(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	uint8_t *buf, req[TCP_REQ_LEN];
	uint64_t bytes, t0, c0, t1, c1;
	int fd, send_dir, err;

	if (argc != 8 && argc != 9)
		return 1;
	if (inet_pton(AF_INET, argv[3], &sa.sin_addr) != 1)
		return 1;
	sa.sin_port = htons(atoi(argv[4]));
	bytes = strtoull(argv[5], NULL, 0);
	send_dir = !strcmp(argv[7], "send");
	if (!send_dir && strcmp(argv[7], "recv"))
		return 1;
	tcp_stall.limit = argc == 9 ? strtoull(argv[8], NULL, 0) * 1000000ull : 0;
	buf = tcp_payload();
	req[0] = send_dir ? 'R' : 'S';
	for (int i = 1; i < TCP_REQ_LEN; i++)
		req[i] = bytes >> (8 * (TCP_REQ_LEN - 1 - i));
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		die("socket");
	tcp_buffers(fd, atoi(argv[6]));
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)))
		die("connect");
	if (tcp_stall.limit) {
		/* a call blocked that long returns, and the stall is seen
		 * (set after connect(), which they would bound too) */
		struct timeval tv = {
			.tv_sec = tcp_stall.limit / 1000000000ull,
			.tv_usec = tcp_stall.limit % 1000000000ull / 1000,
		};

		if (setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) ||
		    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)))
			die("SO_SNDTIMEO/SO_RCVTIMEO");
	}

	t0 = now_ns();
	c0 = cpu_ns();
	tcp_stall.last = t0;
	err = tcp_write_all(fd, req, sizeof(req));
	if (!err && send_dir)
		err = tcp_send_bytes(fd, buf, bytes);
	if (!err)	/* the answer, or the bytes asked for */
		err = tcp_read_all(fd, send_dir ? req : NULL, send_dir ? 1 : bytes);
	t1 = now_ns();
	c1 = cpu_ns();
	if (err == -2) {
		/* a reset, not a FIN behind the unsent data: the server is
		 * free for the next try at once */
		struct linger lg = { .l_onoff = 1, .l_linger = 0 };

		setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	}
	close(fd);
	if (err == -2) {
		printf("BENCH test=%s stalled=1 stalls=%llu stall_ns=%llu\n", argv[2],
		       (unsigned long long)tcp_stall.n, (unsigned long long)tcp_stall.ns);
		return 4;
	}
	if (err) {
		fprintf(stderr, "pppbench: tcp %s: the transfer broke off\n", argv[2]);
		return 3;
	}
	printf("BENCH test=%s kbps=%.1f bytes=%llu sent=%llu cpu_ns=%llu wall_ns=%llu stalls=%llu stall_ns=%llu\n",
	       argv[2], (double)bytes * 8e6 / (double)(t1 - t0),
	       (unsigned long long)bytes, (unsigned long long)bytes,
	       (unsigned long long)(c1 - c0), (unsigned long long)(t1 - t0),
	       (unsigned long long)tcp_stall.n, (unsigned long long)tcp_stall.ns);
	return 0;
}

int main(int argc, char **argv)
{
	fcs_init();
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 2 && !strcmp(argv[1], "ldisc"))
		return ldisc(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "units"))
		return units(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "tcp-server"))
		return tcp_server(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "tcp"))
		return tcp_client(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "cpu")) {
		printf("%llu %llu\n", (unsigned long long)cpu_ns(),
		       (unsigned long long)now_ns());
		return 0;
	}
	fprintf(stderr,
		"usage: pppbench ldisc tx|tx2p|rx SIZE random|map0|worst|sync BYTES\n"
		"       pppbench units N\n"
		"       pppbench tcp-server PORT WINDOW\n"
		"       pppbench tcp NAME ADDR PORT BYTES WINDOW send|recv [STALL_MS]\n"
		"       pppbench cpu\n");
	return 1;
}
