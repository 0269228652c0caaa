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
 *   pppbench units N
 *	Create N units (open /dev/ppp + PPPIOCNEWUNIT each, so N ppp%d
 *	devices), then close every fd and wait until every ppp%d is gone
 *	(gone_ns), then until the teardown is over (destroy_ns): the
 *	module's reference count back at its value before the test, and
 *	the CPU quiet (see quiesce()), so work a module defers past
 *	close() or past the device leaving sysfs is charged to it.
 *	Memory per unit from the Slab and Percpu lines of /proc/meminfo.
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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#ifndef N_PPP
#define N_PPP 3
#endif
#define PPPIOCGCHAN		_IOR('t', 55, int)
#define PPPIOCATTCHAN		_IOW('t', 56, int)
#define PPPIOCNEWUNIT		_IOWR('t', 62, int)
#define PPPIOCSASYNCMAP		_IOW('t', 87, int)
#define PPPIOCSRASYNCMAP	_IOW('t', 84, int)
#define PPPIOCSMRU		_IOW('t', 82, int)

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/*
 * CPU time the machine spent not idle, in ns: monotonic time minus the
 * idle and iowait sleep time that /proc/timer_list shows for CPU 0 (the
 * bench VM has one CPU).  Nanosecond resolution, unlike /proc/stat's
 * ticks.  Falls back to /proc/stat (10 ms) when timer_list is missing.
 */
static uint64_t cpu_ns(void)
{
	char line[256];
	uint64_t idle = 0, t = now_ns();
	unsigned long long v;
	int found = 0;
	FILE *f = fopen("/proc/timer_list", "r");

	if (f) {
		while (fgets(line, sizeof(line), f)) {
			if (sscanf(line, " .idle_sleeptime : %llu nsecs", &v) == 1 ||
			    sscanf(line, " .iowait_sleeptime : %llu nsecs", &v) == 1) {
				idle += v;
				found++;
			}
			if (found == 2)
				break;
		}
		fclose(f);
	}
	if (found == 2)
		return t - idle;

	/* /proc/stat: user nice system idle iowait irq softirq steal */
	unsigned long long u, n, s, i, w, q, sq, st;

	f = fopen("/proc/stat", "r");
	if (!f || fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu",
			 &u, &n, &s, &i, &w, &q, &sq, &st) != 8)
		die("/proc/stat");
	fclose(f);
	return (u + n + s + q + sq) * 10000000ull;
}

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

/* The transmit side's view of the master: frames between flags. */
struct tx_scan {
	uint64_t frames;	/* frames ended (good or bad) */
	uint64_t bad;
	uint64_t checked;	/* frames decoded in full */
	size_t cur;		/* wire bytes of the frame in progress */
	uint8_t keep[2 * (1500 + 4) + 2];	/* its bytes, if checked */
};

static void tx_frame_end(struct tx_scan *s, uint8_t (*frames)[1500],
			 size_t size)
{
	uint64_t k = s->frames++;
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

/* ---- the line discipline test ------------------------------------- */

static void set_nonblock(int fd)
{
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

#ifndef N_SYNC_PPP
#define N_SYNC_PPP 14
#endif

/* The pty and channel fd of an ldisc case: slave in @disc, raw. */
static void ldisc_setup(int disc, int *master, int *slave, int *cfd)
{
	struct termios t;
	int chan;

	*master = posix_openpt(O_RDWR | O_NOCTTY);
	if (*master < 0 || grantpt(*master) || unlockpt(*master))
		die("ptmx");
	*slave = open(ptsname(*master), O_RDWR | O_NOCTTY);
	if (*slave < 0)
		die("pts");
	tcgetattr(*slave, &t);
	cfmakeraw(&t);
	tcsetattr(*slave, TCSANOW, &t);
	if (ioctl(*slave, TIOCSETD, &disc) < 0)
		die("TIOCSETD");
	if (ioctl(*slave, PPPIOCGCHAN, &chan) < 0)
		die("PPPIOCGCHAN");
	*cfd = open("/dev/ppp", O_RDWR);
	if (*cfd < 0 || ioctl(*cfd, PPPIOCATTCHAN, &chan) < 0)
		die("PPPIOCATTCHAN");
}

/*
 * What a pty holds for its reader (pty.c sets its buffer limit to 8
 * KiB).  N_SYNC_PPP writes a frame whole or, after a short write, all
 * over again, and the part the pty took stays on the wire as a broken
 * frame: tx keeps no more frames in flight than half of it holds.
 */
#define PTY_ROOM	8192

/* pppbench ldisc tx|rx SIZE sync BYTES (see the top of the file) */
static int ldisc_sync(int tx, size_t size, uint64_t total)
{
	static uint8_t frames[NFRAMES][1502], buf[65536], stream[1502];
	uint64_t nframes = (total + size - 1) / size;
	uint64_t sent = 0, done = 0, lost = 0, bad = 0, checked = 0;
	size_t wlen = size + 2, have = 0;
	int master, slave, cfd, window = 16;

	ldisc_setup(N_SYNC_PPP, &master, &slave, &cfd);
	set_nonblock(master);
	set_nonblock(cfd);
	for (int i = 0; i < NFRAMES; i++) {
		frames[i][0] = 0xff;
		frames[i][1] = 0x03;
		make_frame(frames[i] + 2, size, 0);
	}
	if (!tx)
		window = 1;
	else if ((size_t)window * wlen > PTY_ROOM / 2)
		window = PTY_ROOM / 2 / wlen > 0 ? PTY_ROOM / 2 / wlen : 1;

	uint64_t t0 = now_ns(), c0 = cpu_ns();

	while (done + lost < nframes) {
		while (sent < nframes && sent - done - lost < (uint64_t)window) {
			const uint8_t *f = frames[sent % NFRAMES];
			ssize_t n = tx ? write(cfd, f + 2, size) :
					 write(master, f, wlen);

			if (n != (ssize_t)(tx ? size : wlen))
				die("write");
			sent++;
		}
		struct pollfd p = { .fd = tx ? master : cfd, .events = POLLIN };

		if (poll(&p, 1, 2000) == 0) {
			lost += sent - done - lost;
			continue;
		}
		ssize_t n;

		while ((n = read(tx ? master : cfd, buf, sizeof(buf))) > 0) {
			if (!tx) {
				int ok = n == (ssize_t)size;

				if (ok && done % CHECK_EVERY == 0) {
					ok = !memcmp(buf, frames[done % NFRAMES] + 2, size);
					checked++;
				}
				bad += !ok;
				done++;
				continue;
			}
			/* the wire as a stream of SIZE + 2 byte frames */
			for (ssize_t i = 0; i < n;) {
				size_t k = wlen - have;

				if (k > (size_t)(n - i))
					k = n - i;
				if (done % CHECK_EVERY == 0)
					memcpy(stream + have, buf + i, k);
				have += k;
				i += k;
				if (have < wlen)
					continue;
				if (done % CHECK_EVERY == 0) {
					bad += !!memcmp(stream, frames[done % NFRAMES], wlen);
					checked++;
				}
				have = 0;
				done++;
			}
		}
	}
	uint64_t t1 = now_ns(), c1 = cpu_ns();

	printf("BENCH test=ldisc dir=%s size=%zu mode=sync frames=%llu bytes=%llu lost=%llu bad=%llu checked=%llu wall_ns=%llu cpu_ns=%llu\n",
	       tx ? "tx" : "rx", size, (unsigned long long)done,
	       (unsigned long long)((done - bad) * size), (unsigned long long)lost,
	       (unsigned long long)bad, (unsigned long long)checked,
	       (unsigned long long)(t1 - t0), (unsigned long long)(c1 - c0));
	close(cfd);
	close(slave);
	close(master);
	return 0;
}

static int ldisc(int argc, char **argv)
{
	if (argc != 6)
		return 1;
	if (!strcmp(argv[4], "sync")) {
		size_t size = strtoul(argv[3], NULL, 0);

		if (size < 4 || size > 1500)
			return 1;
		return ldisc_sync(!strcmp(argv[2], "tx"), size,
				  strtoull(argv[5], NULL, 0));
	}
	int tx = !strcmp(argv[2], "tx");
	size_t size = strtoul(argv[3], NULL, 0);
	const char *mode = argv[4];
	uint64_t total = strtoull(argv[5], NULL, 0);
	int worst = !strcmp(mode, "worst"), map0 = !strcmp(mode, "map0");
	uint32_t accm = map0 ? 0 : 0xffffffff;
	uint64_t nframes = (total + size - 1) / size;
	int window = 16;

	if (size < 4 || size > 1500)
		return 1;
	if (window * 2 * (size + 8) > 32768)
		window = 32768 / (2 * (size + 8));

	int master = posix_openpt(O_RDWR | O_NOCTTY);

	if (master < 0 || grantpt(master) || unlockpt(master))
		die("ptmx");
	int slave = open(ptsname(master), O_RDWR | O_NOCTTY);

	if (slave < 0)
		die("pts");
	struct termios t;

	tcgetattr(slave, &t);
	cfmakeraw(&t);
	tcsetattr(slave, TCSANOW, &t);
	int disc = N_PPP, chan;

	if (ioctl(slave, TIOCSETD, &disc) < 0)
		die("TIOCSETD N_PPP");
	if (ioctl(slave, PPPIOCGCHAN, &chan) < 0)
		die("PPPIOCGCHAN");
	int cfd = open("/dev/ppp", O_RDWR);

	if (cfd < 0 || ioctl(cfd, PPPIOCATTCHAN, &chan) < 0)
		die("PPPIOCATTCHAN");
	int v = accm;

	if (ioctl(cfd, PPPIOCSASYNCMAP, &v) < 0 ||
	    ioctl(cfd, PPPIOCSRASYNCMAP, &v) < 0)
		die("PPPIOCSASYNCMAP");
	set_nonblock(master);
	set_nonblock(cfd);

	static uint8_t frames[NFRAMES][1500];
	static uint8_t buf[65536];

	for (int i = 0; i < NFRAMES; i++)
		make_frame(frames[i], size, worst);

	/* Receive: pre-encode the frames back to back. */
	static uint8_t wire[NFRAMES * 3100];
	size_t woff[NFRAMES + 1];

	woff[0] = 0;
	for (int i = 0; i < NFRAMES; i++)
		woff[i + 1] = woff[i] + encode(wire + woff[i], frames[i],
					       size, accm);

	uint64_t sent = 0, done = 0, lost = 0, bad = 0, checked = 0;
	struct tx_scan *scan = calloc(1, sizeof(*scan));
	const uint8_t *pend = NULL;
	size_t pend_len = 0;
	uint64_t t0 = now_ns(), c0 = cpu_ns();

	while (done + lost < nframes) {
		/* fill the window */
		if (tx) {
			while (sent < nframes && sent - done - lost < window) {
				if (write(cfd, frames[sent % NFRAMES], size) != size)
					die("write channel");
				sent++;
			}
		} else {
			/* a batch of whole frames; partial writes resume */
			if (!pend_len && sent < nframes &&
			    sent - done - lost < window) {
				int a = sent % NFRAMES, b = a;
				uint64_t room = window - (sent - done - lost);

				while (b < NFRAMES && b - a < room &&
				       sent + (b - a) < nframes)
					b++;
				pend = wire + woff[a];
				pend_len = woff[b] - woff[a];
				sent += b - a;
			}
			while (pend_len) {
				ssize_t n = write(master, pend, pend_len);

				if (n < 0 && errno == EAGAIN)
					break;
				if (n <= 0)
					die("write master");
				pend += n;
				pend_len -= n;
			}
		}
		/* wait for output */
		struct pollfd p[2] = {
			{ .fd = tx ? master : cfd, .events = POLLIN },
			{ .fd = master, .events = POLLOUT },
		};
		int r = poll(p, pend_len ? 2 : 1, 2000);

		if (r == 0) {	/* nothing for 2 s: count what is missing */
			lost += sent - done - lost;
			continue;
		}
		if (tx) {
			ssize_t n;

			/*
			 * A frame ends at a flag after a non-flag.  memchr()
			 * finds the flags, and only every CHECK_EVERY-th
			 * frame is kept and decoded: checking costs both
			 * module sets the same, so the less it costs, the
			 * more the ratio shows the modules.
			 */
			while ((n = read(master, buf, sizeof(buf))) > 0) {
				const uint8_t *p = buf, *end = buf + n, *f;

				while ((f = memchr(p, 0x7e, end - p))) {
					tx_take(scan, p, f - p);
					if (scan->cur)
						tx_frame_end(scan, frames, size);
					p = f + 1;
				}
				tx_take(scan, p, end - p);
			}
			done = scan->frames;
		} else {
			ssize_t n;

			while ((n = read(cfd, buf, sizeof(buf))) > 0) {
				int ok = n == (ssize_t)size;

				if (ok && done % CHECK_EVERY == 0) {
					ok = !memcmp(buf, frames[done % NFRAMES], size);
					checked++;
				}
				if (!ok && !bad++)
					fprintf(stderr, "pppbench: rx frame %llu is bad (%zd bytes)\n",
						(unsigned long long)done, n);
				done++;
			}
		}
	}
	if (tx) {
		bad = scan->bad;
		checked = scan->checked;
	}
	uint64_t t1 = now_ns(), c1 = cpu_ns();

	printf("BENCH test=ldisc dir=%s size=%zu mode=%s frames=%llu bytes=%llu lost=%llu bad=%llu checked=%llu wall_ns=%llu cpu_ns=%llu\n",
	       argv[2], size, mode, (unsigned long long)done,
	       (unsigned long long)((done - bad) * size), (unsigned long long)lost,
	       (unsigned long long)bad, (unsigned long long)checked,
	       (unsigned long long)(t1 - t0), (unsigned long long)(c1 - c0));
	free(scan);
	close(cfd);
	close(slave);
	close(master);
	return 0;
}

/* ---- units -------------------------------------------------------- */

static long meminfo_kb(const char *key)
{
	char line[256];
	size_t kl = strlen(key);
	long v = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		die("/proc/meminfo");
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, kl) && line[kl] == ':') {
			v = atol(line + kl + 1);
			break;
		}
	fclose(f);
	return v;
}

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
	uint64_t t0 = now_ns(), c0 = cpu_ns();

	for (int i = 0; i < n; i++) {
		fds[i] = open("/dev/ppp", O_RDWR);
		num[i] = -1;
		if (fds[i] < 0 || ioctl(fds[i], PPPIOCNEWUNIT, &num[i]) < 0)
			die("PPPIOCNEWUNIT");
	}
	uint64_t t1 = now_ns(), c1 = cpu_ns();
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
	/* ... and the deferred work done */
	if (!quiesce(&t4, &c4, 60000000000ull)) {
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

int main(int argc, char **argv)
{
	fcs_init();
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 2 && !strcmp(argv[1], "ldisc"))
		return ldisc(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "units"))
		return units(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "cpu")) {
		printf("%llu %llu\n", (unsigned long long)cpu_ns(),
		       (unsigned long long)now_ns());
		return 0;
	}
	fprintf(stderr,
		"usage: pppbench ldisc tx|rx SIZE random|map0|worst|sync BYTES\n"
		"       pppbench units N\n"
		"       pppbench cpu\n");
	return 1;
}
