// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe_hostile MODE NS_C DEV_C NS_S DEV_S [ARG]: kernel-mode PPPoE
 * (pppox/pppoe under test) against malformed and hostile input.  A
 * session (id 1) is bound in netns NS_C on DEV_C with its channel on a
 * /dev/ppp fd; a packet socket in NS_S on DEV_S (the peer end of a veth)
 * writes raw Ethernet frames to it.
 *
 * MODE frames: one check per kind of bad frame - each must not reach the
 * channel, and, where the driver keeps /proc/net/pppoe_stats (ours), be
 * counted as it should: short frames, length field past the frame or
 * under 2, version/type not 1/1, session code not 0, compressed PPP
 * protocol, unknown session, wrong source MAC, another station's
 * destination MAC.  A good frame before and after must arrive.
 * MODE fuzz: ARG seconds of random 0x8863/0x8864 frames (any length,
 * any header; only a PADT for session 1 from the peer is left out),
 * then a good frame must still arrive.
 * MODE padt: a storm of ARG PADTs for unknown sessions, then 2000 for
 * session 1: the session ends once, the channel hangs up.
 * MODE unreg: ARG sessions with traffic on all while DEV_C is deleted:
 * every channel hangs up and the deletion does not hang (a device
 * reference left behind would block it).
 * MODE hold: ARG sessions with traffic until their device goes (NS_S,
 * DEV_S are not used: pass "-").
 * MODE relay: PPPOEIOCSFWD from one session to another and back off.
 * MODE race: ARG rounds of connect() on a fresh veth in NS_C while
 * another thread deletes it: no hang, nothing bound to a gone device.
 * MODE counted: the session's channel on a unit of its own; ARG frames
 * each with a length field past the frame, version 2, code PADI and a
 * compressed protocol: ethtool -S on the unit and the channel's row of
 * /proc/net/ppp_channels must show at least ARG rx_bad_length and 3 ARG
 * rx_bad_header; then a PADT ends the session, and the unit's ethtool -S
 * still shows those and rx_padt (our ppp_generic and pppoe only; SKIP
 * otherwise).
 *
 * Exit status 0 when every check passed.
 */
#define _GNU_SOURCE
#define PPPT_AREA "hostile"
#include "pppt.h"

#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <arpa/inet.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/if_pppox.h>
#include <linux/ppp-ioctl.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static const char *ns_c, *dev_c, *ns_s, *dev_s;
static int nsfd_c, nsfd_s;
static unsigned char mac_c[ETH_ALEN], mac_s[ETH_ALEN];
static int raw_fd, raw_ifindex;

static void enter(int nsfd)
{
	if (setns(nsfd, CLONE_NEWNET)) {
		perror("setns");
		exit(2);
	}
}

static int open_ns(const char *name)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(path);
		exit(2);
	}
	return fd;
}

static void get_mac(int nsfd, const char *dev, unsigned char *mac)
{
	struct ifreq ifr = {};
	int fd;

	enter(nsfd);
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", dev);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr)) {
		perror(dev);
		exit(2);
	}
	memcpy(mac, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
	close(fd);
}

/* Session @sid on @dev in the current netns to @peer: channel fd or -errno. */
/* The channel index of the last session bind_session() bound. */
static int last_chan;

static int bind_session(const char *dev, const unsigned char *peer, int sid,
			int *sock)
{
	struct sockaddr_pppox sp = {};
	int ppp, idx;

	*sock = socket(AF_PPPOX, SOCK_STREAM | SOCK_CLOEXEC, PX_PROTO_OE);
	if (*sock < 0)
		return -errno;
	sp.sa_family = AF_PPPOX;
	sp.sa_protocol = PX_PROTO_OE;
	sp.sa_addr.pppoe.sid = htons(sid);
	memcpy(sp.sa_addr.pppoe.remote, peer, ETH_ALEN);
	snprintf(sp.sa_addr.pppoe.dev, IFNAMSIZ, "%s", dev);
	if (connect(*sock, (void *)&sp, sizeof(sp)) ||
	    ioctl(*sock, PPPIOCGCHAN, &idx))
		return -errno;
	last_chan = idx;
	ppp = open("/dev/ppp", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (ppp < 0)
		return -errno;
	if (ioctl(ppp, PPPIOCATTCHAN, &idx)) {
		close(ppp);
		return -errno;
	}
	return ppp;
}

static void raw_open(void)
{
	enter(nsfd_s);
	raw_fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
	raw_ifindex = if_nametoindex(dev_s);
	if (raw_fd < 0 || !raw_ifindex) {
		perror("packet socket");
		exit(2);
	}
}

static void raw_send(const unsigned char *f, size_t len)
{
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET, .sll_ifindex = raw_ifindex,
		.sll_halen = ETH_ALEN,
	};

	memcpy(ll.sll_addr, f, ETH_ALEN);
	if (sendto(raw_fd, f, len, 0, (void *)&ll, sizeof(ll)) < 0 &&
	    errno != EINVAL && errno != EMSGSIZE)
		fprintf(stderr, "sendto %zu: %s\n", len, strerror(errno));
}

/*
 * A session frame: Ethernet (dst, src, 0x8864), ver/type, code, sid,
 * length, then the PPP frame: protocol 0x0021 and a payload of @plen - 2
 * bytes whose first byte is @tag.
 */
static size_t mk_frame(unsigned char *f, const unsigned char *dst,
		       const unsigned char *src, uint16_t type, uint8_t vt,
		       uint8_t code, uint16_t sid, uint16_t lenfield,
		       unsigned int plen, uint8_t tag)
{
	unsigned int k;

	memcpy(f, dst, ETH_ALEN);
	memcpy(f + 6, src, ETH_ALEN);
	f[12] = type >> 8;
	f[13] = type & 0xff;
	f[14] = vt;
	f[15] = code;
	f[16] = sid >> 8;
	f[17] = sid & 0xff;
	f[18] = lenfield >> 8;
	f[19] = lenfield & 0xff;
	if (plen >= 1)
		f[20] = 0x00;
	if (plen >= 2)
		f[21] = 0x21;
	for (k = 2; k < plen; k++)
		f[20 + k] = k == 2 ? tag : (unsigned char)k;
	return 20 + plen;
}

/* Frames queued on the channel fd: returns how many, *tags their tags. */
static int drain(int ppp, unsigned char *tags, int max, int wait_ms)
{
	struct pollfd p = { .fd = ppp, .events = POLLIN };
	unsigned char buf[2048];
	int got = 0;
	ssize_t len;

	while (poll(&p, 1, wait_ms) == 1 && (p.revents & POLLIN)) {
		len = read(ppp, buf, sizeof(buf));
		if (len <= 0)
			break;
		if (got < max)
			tags[got] = len > 2 ? buf[2] : 0;
		got++;
		wait_ms = 50;
	}
	return got;
}

/* /proc/net/pppoe_stats of NS_C: -1 each when the driver has none. */
struct counters {
	long unknown, bad, padt;
};

static bool read_stats(struct counters *c)
{
	char key[64];
	long v;
	FILE *f;

	c->unknown = c->bad = c->padt = -1;
	enter(nsfd_c);
	f = fopen("/proc/net/pppoe_stats", "r");
	if (!f)
		return false;
	while (fscanf(f, "%63s %ld", key, &v) == 2) {
		if (!strcmp(key, "rx_unknown_session"))
			c->unknown = v;
		else if (!strcmp(key, "rx_bad_header"))
			c->bad = v;
		else if (!strcmp(key, "rx_padt"))
			c->padt = v;
	}
	fclose(f);
	return true;
}

static int good_frame(int ppp, uint8_t tag)
{
	unsigned char f[128], tags[4];

	raw_send(f, mk_frame(f, mac_c, mac_s, ETH_P_PPP_SES, 0x11, 0, 1, 40, 40, tag));
	return drain(ppp, tags, 4, 2000) == 1 && tags[0] == tag;
}

enum counter { C_NONE, C_BAD, C_UNKNOWN };

struct bad_case {
	const char *name;
	uint8_t vt, code;
	uint16_t sid, lenfield;
	unsigned int plen;	/* bytes after the PPPoE header */
	bool wrong_src, wrong_dst, pfc;
	enum counter counted;
	bool strict;	/* the in-tree driver passes it up (no check) */
};

static const struct bad_case bad_cases[] = {
	{ "short-0", 0x11, 0, 1, 0, 0, .counted = C_BAD },
	{ "short-1", 0x11, 0, 1, 1, 1, .counted = C_BAD },
	{ "length-past-frame", 0x11, 0, 1, 200, 40, .counted = C_BAD },
	{ "length-max", 0x11, 0, 1, 0xffff, 40, .counted = C_BAD },
	{ "length-0", 0x11, 0, 1, 0, 40, .counted = C_BAD , .strict = true },
	{ "length-1", 0x11, 0, 1, 1, 40, .counted = C_BAD , .strict = true },
	{ "ver-2", 0x21, 0, 1, 40, 40, .counted = C_BAD , .strict = true },
	{ "type-2", 0x12, 0, 1, 40, 40, .counted = C_BAD , .strict = true },
	{ "ver-type-0", 0x00, 0, 1, 40, 40, .counted = C_BAD , .strict = true },
	{ "code-padi", 0x11, 0x09, 1, 40, 40, .counted = C_BAD , .strict = true },
	{ "pfc", 0x11, 0, 1, 40, 40, .pfc = true, .counted = C_BAD },
	{ "unknown-session", 0x11, 0, 2, 40, 40, .counted = C_UNKNOWN },
	{ "session-0", 0x11, 0, 0, 40, 40, .counted = C_UNKNOWN },
	{ "wrong-src-mac", 0x11, 0, 1, 40, 40, .wrong_src = true, .counted = C_UNKNOWN },
	{ "other-dst-mac", 0x11, 0, 1, 40, 40, .wrong_dst = true, .counted = C_NONE },
};

static void one_bad(int ppp, const struct bad_case *bc, bool have_stats)
{
	static const unsigned char other[ETH_ALEN] = { 0x02, 0, 0, 0, 0x42, 0x42 };
	struct counters before, after;
	unsigned char f[2048], tags[8];
	char name[80];
	size_t len;
	int got;

	read_stats(&before);
	len = mk_frame(f, bc->wrong_dst ? other : mac_c,
		       bc->wrong_src ? other : mac_s, ETH_P_PPP_SES, bc->vt,
		       bc->code, bc->sid, bc->lenfield, bc->plen, 0xbb);
	if (bc->pfc)
		f[20] = 0x21;	/* one-byte protocol 0x21, then the payload */
	raw_send(f, len);
	got = drain(ppp, tags, 8, 300);
	snprintf(name, sizeof(name), "drop-%s", bc->name);
	if (bc->strict && !have_stats) {
		/* The in-tree driver checks neither these fields nor a
		 * length field under 2: the frame goes up.  Ours drops it.
		 */
		report(name, "SKIP", "the in-tree pppoe does not check this field (%d frames went up)", got);
		return;
	}
	result(name, got == 0, "%d frames reached the channel", got);
	if (!have_stats)
		return;
	read_stats(&after);
	snprintf(name, sizeof(name), "count-%s", bc->name);
	switch (bc->counted) {
	case C_BAD:
		result(name, after.bad == before.bad + 1 && after.unknown == before.unknown,
		       "bad header %ld -> %ld, unknown %ld -> %ld", before.bad,
		       after.bad, before.unknown, after.unknown);
		break;
	case C_UNKNOWN:
		result(name, after.unknown == before.unknown + 1 && after.bad == before.bad,
		       "unknown %ld -> %ld, bad header %ld -> %ld", before.unknown,
		       after.unknown, before.bad, after.bad);
		break;
	case C_NONE:
		result(name, after.unknown == before.unknown && after.bad == before.bad,
		       "unknown %ld -> %ld, bad header %ld -> %ld", before.unknown,
		       after.unknown, before.bad, after.bad);
		break;
	}
}

static int setup_session(int *sock)
{
	int ppp;

	enter(nsfd_c);
	ppp = bind_session(dev_c, mac_s, 1, sock);
	result("bind-session", ppp >= 0, "%s", ename(-ppp));
	if (ppp < 0)
		exit(1);
	raw_open();
	return ppp;
}

static int mode_frames(void)
{
	struct counters c;
	bool have_stats;
	int sock, ppp;
	size_t i;

	ppp = setup_session(&sock);
	have_stats = read_stats(&c);
	if (!have_stats)
		report("stats", "SKIP", "no /proc/net/pppoe_stats (in-tree pppoe)");
	result("good-frame-before", good_frame(ppp, 0x51), "no good frame");
	for (i = 0; i < ARRAY_SIZE(bad_cases); i++)
		one_bad(ppp, &bad_cases[i], have_stats);
	result("good-frame-after", good_frame(ppp, 0x52), "no good frame");
	return failures ? 1 : 0;
}

static int mode_fuzz(int seconds)
{
	unsigned char f[1600], tags[64];
	struct timespec t0, t;
	long frames = 0;
	int sock, ppp, got = 0;
	unsigned int len, k;

	ppp = setup_session(&sock);
	srand(getpid());
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		len = 14 + rand() % (1514 - 14 + 1);
		if (rand() % 4)
			len = 14 + rand() % 40;	/* mostly short: header cuts */
		for (k = 0; k < len; k++)
			f[k] = rand();
		memcpy(f, rand() % 8 ? mac_c : f + 20, ETH_ALEN);
		memcpy(f + 6, rand() % 2 ? mac_s : f + 26, ETH_ALEN);
		f[12] = 0x88;
		f[13] = rand() % 2 ? 0x64 : 0x63;
		if (len > 14 && rand() % 2)
			f[14] = 0x11;
		if (len > 17 && rand() % 2) {
			f[16] = 0;
			f[17] = 1;
		}
		/* A PADT for our session from the peer would end it. */
		if (f[13] == 0x63 && len > 15 && f[15] == 0xa7)
			f[15] = 0xa6;
		raw_send(f, len);
		frames++;
		if (!(frames % 64))
			got += drain(ppp, tags, 64, 0);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (t.tv_sec - t0.tv_sec < seconds);
	got += drain(ppp, tags, 64, 300);
	printf("FIGURE pppoe-fuzz-frames %ld\n", frames);
	printf("fuzz: %ld frames sent, %d reached the channel\n", frames, got);
	result("fuzz-session-alive", good_frame(ppp, 0x53), "no good frame after %ld random frames", frames);
	return failures ? 1 : 0;
}

static bool hung_up(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	unsigned char buf[2048];

	for (; ms > 0; ms -= 50) {
		if (poll(&p, 1, 50) == 1) {
			if (p.revents & POLLHUP)
				return true;
			if (read(fd, buf, sizeof(buf)) == 0)
				return true;
		}
	}
	return false;
}

static int mode_padt(int storm)
{
	struct counters before, after;
	unsigned char f[64];
	int sock, ppp, i;
	bool have_stats;

	ppp = setup_session(&sock);
	have_stats = read_stats(&before);
	for (i = 0; i < storm; i++)
		raw_send(f, mk_frame(f, mac_c, mac_s, ETH_P_PPP_DISC, 0x11, 0xa7,
				     2 + i % 60000, 0, 0, 0));
	result("padt-unknown-alive", good_frame(ppp, 0x54), "session gone after PADTs for other sessions");
	for (i = 0; i < 2000; i++)
		raw_send(f, mk_frame(f, mac_c, mac_s, ETH_P_PPP_DISC, 0x11, 0xa7,
				     1, 0, 0, 0));
	result("padt-storm-ends-session", hung_up(ppp, 5000), "channel did not hang up");
	if (have_stats) {
		read_stats(&after);
		result("padt-counted", after.padt - before.padt >= storm,
		       "rx_padt %ld -> %ld", before.padt, after.padt);
	}
	close(ppp);
	close(sock);
	return failures ? 1 : 0;
}

/* The value of counter @key in `ethtool -S @ifname` (in NS_C), or -1. */
static long ethtool_stat(const char *ifname, const char *key)
{
	char cmd[64], name[64], line[256];
	long v, val = -1;
	FILE *p;

	enter(nsfd_c);
	snprintf(cmd, sizeof(cmd), "ethtool -S %s 2>/dev/null", ifname);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	while (fgets(line, sizeof(line), p))
		if (sscanf(line, " %63[^:]: %ld", name, &v) == 2 &&
		    !strcmp(name, key))
			val = v;
	pclose(p);
	return val;
}

/* Column @key of channel @index's row of NS_C's /proc/net/ppp_channels. */
static long chan_stat(int index, const char *key, char *dev, size_t devlen)
{
	char line[4096], *w, *save;
	int col = -1, i, idx;
	long val = -1;
	FILE *f;

	enter(nsfd_c);
	f = fopen("/proc/net/ppp_channels", "r");
	if (!f || !fgets(line, sizeof(line), f))
		goto out;
	for (i = 0, w = strtok_r(line, " \n", &save); w;
	     i++, w = strtok_r(NULL, " \n", &save))
		if (!strcmp(w, key))
			col = i;
	while (col >= 0 && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%d", &idx) != 1 || idx != index)
			continue;
		for (i = 0, w = strtok_r(line, " \n", &save); w;
		     i++, w = strtok_r(NULL, " \n", &save)) {
			if (i == 2)
				snprintf(dev, devlen, "%s", w);
			if (i == col)
				val = atol(w);
		}
	}
out:
	if (f)
		fclose(f);
	return val;
}

static int mode_counted(int n)
{
	static const struct { uint8_t vt, code; uint16_t lenfield; bool pfc; } bad[] = {
		{ 0x11, 0, 200, false },	/* length past the frame */
		{ 0x21, 0, 40, false },		/* version 2 */
		{ 0x11, 0x09, 40, false },	/* code PADI */
		{ 0x11, 0, 40, true },		/* compressed protocol */
	};
	long eh, el, ch, cl, ep;
	unsigned char f[128];
	int sock, ppp, unit_fd, unit = -1, i, k;
	char ifname[IFNAMSIZ], dev[64] = "?", want_dev[64];

	enter(nsfd_c);
	if (access("/proc/net/ppp_channels", R_OK) ||
	    access("/proc/net/pppoe_stats", R_OK)) {
		report("session-counters", "SKIP",
		       "per-session counters need our ppp_generic (/proc/net/ppp_channels) and our pppoe (/proc/net/pppoe_stats)");
		return 0;
	}
	ppp = setup_session(&sock);
	enter(nsfd_c);
	unit_fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);
	if (unit_fd < 0 || ioctl(unit_fd, PPPIOCNEWUNIT, &unit) ||
	    ioctl(ppp, PPPIOCCONNECT, &unit)) {
		result("session-on-unit", false, "new unit / connect: %s", strerror(errno));
		return 1;
	}
	for (k = 0; k < n; k++)
		for (i = 0; i < (int)ARRAY_SIZE(bad); i++) {
			size_t len = mk_frame(f, mac_c, mac_s, ETH_P_PPP_SES,
					      bad[i].vt, bad[i].code, 1,
					      bad[i].lenfield, 40, 0xcc);

			if (bad[i].pfc)
				f[20] = 0x21;
			raw_send(f, len);
		}
	usleep(200 * 1000);	/* the veth peer delivers from a softirq */
	snprintf(ifname, sizeof(ifname), "ppp%d", unit);
	eh = ethtool_stat(ifname, "rx_bad_header");
	el = ethtool_stat(ifname, "rx_bad_length");
	ch = chan_stat(last_chan, "rx_bad_header", dev, sizeof(dev));
	cl = chan_stat(last_chan, "rx_bad_length", dev, sizeof(dev));
	printf("counted: %d of each sent; ethtool -S %s: rx_bad_header %ld rx_bad_length %ld; channel %d (%s): %ld %ld\n",
	       n, ifname, eh, el, last_chan, dev, ch, cl);
	result("session-ethtool-bad-header", eh >= 3L * n,
	       "ethtool -S %s: rx_bad_header %ld, want >= %d", ifname, eh, 3 * n);
	result("session-ethtool-bad-length", el >= n,
	       "ethtool -S %s: rx_bad_length %ld, want >= %d", ifname, el, n);
	result("session-chan-bad-header", ch >= 3L * n,
	       "/proc/net/ppp_channels channel %d: rx_bad_header %ld, want >= %d", last_chan, ch, 3 * n);
	result("session-chan-bad-length", cl >= n,
	       "/proc/net/ppp_channels channel %d: rx_bad_length %ld, want >= %d", last_chan, cl, n);
	snprintf(want_dev, sizeof(want_dev), "%s:sid1", dev_c);
	result("session-chan-device", !strcmp(dev, want_dev),
	       "channel %d's device %s, want %s", last_chan, dev, want_dev);

	/* A PADT ends the session; the unit keeps what its channel saw. */
	raw_send(f, mk_frame(f, mac_c, mac_s, ETH_P_PPP_DISC, 0x11, 0xa7, 1,
			     0, 0, 0));
	result("session-padt-hangup", hung_up(ppp, 5000), "channel did not hang up");
	ep = ethtool_stat(ifname, "rx_padt");
	eh = ethtool_stat(ifname, "rx_bad_header");
	printf("counted: after the PADT, ethtool -S %s: rx_padt %ld rx_bad_header %ld\n",
	       ifname, ep, eh);
	result("session-ethtool-padt-kept", ep >= 1 && eh >= 3L * n,
	       "ethtool -S %s once the channel went: rx_padt %ld (want >= 1), rx_bad_header %ld (want >= %d)",
	       ifname, ep, eh, 3 * n);
	close(ppp);
	close(unit_fd);
	close(sock);
	return failures ? 1 : 0;
}

struct writer {
	int *fds, n;
	volatile bool stop;
};

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	unsigned char buf[1000] = { 0x00, 0x21 };
	int i;

	while (!w->stop)
		for (i = 0; i < w->n; i++)
			if (write(w->fds[i], buf, sizeof(buf)) < 0 && errno != EAGAIN)
				usleep(100);
	return NULL;
}

static int mode_unreg(int n)
{
	int socks[64], fds[64], i, hup = 0, rc;
	struct writer w = { .fds = fds };
	struct timespec t0, t;
	pthread_t th;
	char cmd[256];

	if (n > 64)
		n = 64;
	enter(nsfd_c);
	for (i = 0; i < n; i++) {
		fds[i] = bind_session(dev_c, mac_s, 100 + i, &socks[i]);
		if (fds[i] < 0) {
			result("unreg-bind", false, "session %d: %s", i, ename(-fds[i]));
			return 1;
		}
	}
	w.n = n;
	pthread_create(&th, NULL, writer_main, &w);
	usleep(500000);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	snprintf(cmd, sizeof(cmd), "timeout 30 /usr/bin/ip -n %s link del %s", ns_c, dev_c);
	rc = system(cmd);
	clock_gettime(CLOCK_MONOTONIC, &t);
	result("unreg-link-del", rc == 0, "'%s' returned %d after %ld s", cmd, rc,
	       (long)(t.tv_sec - t0.tv_sec));
	for (i = 0; i < n; i++)
		hup += hung_up(fds[i], 3000);
	w.stop = true;
	pthread_join(th, NULL);
	result("unreg-all-hung-up", hup == n, "%d of %d channels hung up", hup, n);
	for (i = 0; i < n; i++) {
		close(fds[i]);
		close(socks[i]);
	}
	return failures ? 1 : 0;
}

/*
 * hold: ARG sessions in NS_C on DEV_C with traffic, "READY" once bound,
 * then wait (up to 30 s) for every channel to hang up: the caller takes
 * the device away meanwhile (deletes the peer's netns) or kills us.
 */
static int mode_hold(int n)
{
	static const unsigned char peer[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
	int socks[64], fds[64], i, hup = 0;
	struct writer w = { .fds = fds };
	pthread_t th;

	if (n > 64)
		n = 64;
	enter(nsfd_c);
	for (i = 0; i < n; i++) {
		fds[i] = bind_session(dev_c, peer, 200 + i, &socks[i]);
		if (fds[i] < 0) {
			result("hold-bind", false, "session %d: %s", i, ename(-fds[i]));
			return 1;
		}
	}
	w.n = n;
	pthread_create(&th, NULL, writer_main, &w);
	printf("READY\n");
	fflush(stdout);
	for (i = 0; i < n; i++)
		hup += hung_up(fds[i], i ? 1000 : 30000);
	w.stop = true;
	pthread_join(th, NULL);
	result("hold-all-hung-up", hup == n, "%d of %d channels hung up", hup, n);
	return failures ? 1 : 0;
}

/* A connected, unbound PX_PROTO_OE socket in the current netns; or -errno. */
static int connect_only(const char *dev, const unsigned char *peer, int sid)
{
	struct sockaddr_pppox sp = {};
	int s;

	s = socket(AF_PPPOX, SOCK_STREAM | SOCK_CLOEXEC, PX_PROTO_OE);
	if (s < 0)
		return -errno;
	sp.sa_family = AF_PPPOX;
	sp.sa_protocol = PX_PROTO_OE;
	sp.sa_addr.pppoe.sid = htons(sid);
	memcpy(sp.sa_addr.pppoe.remote, peer, ETH_ALEN);
	snprintf(sp.sa_addr.pppoe.dev, IFNAMSIZ, "%s", dev);
	if (connect(s, (void *)&sp, sizeof(sp))) {
		close(s);
		return -errno;
	}
	return s;
}

/*
 * relay: in NS_S, session 1 relays (PPPOEIOCSFWD) to session 2, both to
 * NS_C's MAC; in NS_C both are bound to channel fds.  A frame sent on
 * session 1 from NS_C comes back on session 2; after PPPOEIOCDFWD it
 * waits on session 1's socket in NS_S instead.
 */
static int mode_relay(void)
{
	struct sockaddr_pppox to = {
		.sa_family = AF_PPPOX, .sa_protocol = PX_PROTO_OE,
	};
	unsigned char buf[64] = { 0x00, 0x21, 0x77 }, tags[4];
	int s1, s2, c1s, c2s, c1, c2, got;
	struct pollfd p;

	enter(nsfd_s);
	s1 = connect_only(dev_s, mac_c, 1);
	s2 = connect_only(dev_s, mac_c, 2);
	enter(nsfd_c);
	c1 = bind_session(dev_c, mac_s, 1, &c1s);
	c2 = bind_session(dev_c, mac_s, 2, &c2s);
	if (s1 < 0 || s2 < 0 || c1 < 0 || c2 < 0) {
		result("relay-setup", false, "%s %s %s %s", ename(-s1), ename(-s2),
		       ename(-c1), ename(-c2));
		return 1;
	}
	to.sa_addr.pppoe.sid = htons(2);
	memcpy(to.sa_addr.pppoe.remote, mac_c, ETH_ALEN);
	snprintf(to.sa_addr.pppoe.dev, IFNAMSIZ, "%s", dev_s);
	expect("relay-set", ioctl(s1, PPPOEIOCSFWD, &to), 0);
	to.sa_addr.pppoe.sid = htons(3);
	expect("relay-set-unknown-target", ioctl(s2, PPPOEIOCSFWD, &to), EINVAL);
	if (write(c1, buf, sizeof(buf)) != sizeof(buf))
		perror("write");
	got = drain(c2, tags, 4, 2000);
	result("relay-forwards", got == 1 && tags[0] == 0x77,
	       "%d frames came back on session 2", got);
	expect("relay-unset", ioctl(s1, PPPOEIOCDFWD), 0);
	expect("relay-unset-again", ioctl(s1, PPPOEIOCDFWD), EALREADY);
	buf[2] = 0x78;
	if (write(c1, buf, sizeof(buf)) != sizeof(buf))
		perror("write");
	p = (struct pollfd){ .fd = s1, .events = POLLIN };
	got = poll(&p, 1, 2000) == 1 ? recv(s1, tags, sizeof(tags), 0) : -1;
	result("relay-off-queues", got >= 3 && tags[2] == 0x78,
	       "recv on session 1's socket: %d", got);
	close(c1);
	close(c2);
	close(c1s);
	close(c2s);
	close(s1);
	close(s2);
	return failures ? 1 : 0;
}

struct racer {
	int rounds;
	volatile int round;
	int bound;
};

static void *connect_racer(void *arg)
{
	static const unsigned char peer[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
	struct racer *r = arg;
	struct sockaddr_pppox sp = {
		.sa_family = AF_PPPOX, .sa_protocol = PX_PROTO_OE,
	};
	int s, sid = 1;

	enter(nsfd_c);
	memcpy(sp.sa_addr.pppoe.remote, peer, ETH_ALEN);
	snprintf(sp.sa_addr.pppoe.dev, IFNAMSIZ, "vrace0");
	while (r->round < r->rounds) {
		s = socket(AF_PPPOX, SOCK_STREAM | SOCK_CLOEXEC, PX_PROTO_OE);
		sp.sa_addr.pppoe.sid = htons(sid++ % 60000 + 1);
		if (!connect(s, (void *)&sp, sizeof(sp)))
			r->bound++;
		/* Half are closed at once, half after the device has gone. */
		if (sid % 2)
			close(s);
		else {
			usleep(1000);
			close(s);
		}
	}
	return NULL;
}

static int mode_race(int rounds)
{
	struct racer r = { .rounds = rounds };
	char cmd[256];
	pthread_t th;
	int bad = 0;

	enter(nsfd_c);
	pthread_create(&th, NULL, connect_racer, &r);
	for (; r.round < rounds; r.round++) {
		snprintf(cmd, sizeof(cmd),
			 "timeout 30 /usr/bin/ip -n %s link add vrace0 type veth peer name vrace1 && "
			 "timeout 30 /usr/bin/ip -n %s link set vrace0 up && "
			 "timeout 30 /usr/bin/ip -n %s link set vrace1 up", ns_c, ns_c, ns_c);
		bad += system(cmd) != 0;
		usleep(rand() % 20000);
		snprintf(cmd, sizeof(cmd), "timeout 30 /usr/bin/ip -n %s link del vrace0", ns_c);
		bad += system(cmd) != 0;
	}
	pthread_join(th, NULL);
	printf("race: %d rounds, %d connects bound\n", rounds, r.bound);
	result("race-no-hang", bad == 0, "%d ip commands failed or hung", bad);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	int arg;

	if (argc < 6) {
		fprintf(stderr, "usage: %s frames|fuzz|padt|unreg|hold|relay|race|counted NS_C DEV_C NS_S DEV_S [ARG]\n",
			argv[0]);
		return 2;
	}
	ns_c = argv[2];
	dev_c = argv[3];
	ns_s = argv[4];
	dev_s = argv[5];
	arg = argc > 6 ? atoi(argv[6]) : 10;
	nsfd_c = open_ns(ns_c);
	/* hold must not pin NS_S: its caller deletes it. */
	if (!strcmp(argv[1], "hold"))
		return mode_hold(arg);
	nsfd_s = open_ns(ns_s);
	if (strcmp(argv[1], "race")) {
		get_mac(nsfd_c, dev_c, mac_c);
		get_mac(nsfd_s, dev_s, mac_s);
	}
	if (!strcmp(argv[1], "frames"))
		return mode_frames();
	if (!strcmp(argv[1], "fuzz"))
		return mode_fuzz(arg);
	if (!strcmp(argv[1], "padt"))
		return mode_padt(arg);
	if (!strcmp(argv[1], "unreg"))
		return mode_unreg(arg);
	if (!strcmp(argv[1], "race"))
		return mode_race(arg);
	if (!strcmp(argv[1], "relay"))
		return mode_relay();
	if (!strcmp(argv[1], "counted"))
		return mode_counted(arg);
	fprintf(stderr, "unknown mode %s\n", argv[1]);
	return 2;
}
