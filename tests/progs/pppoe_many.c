// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe_many [-b] [-c CTL,ACK] [-m KIB] [-s SIZE] N NS_A DEV_A NS_B DEV_B
 *
 * N kernel-mode PPPoE sessions over one Ethernet link, each a whole PPP
 * link with a ppp%d unit at both ends, bound directly by this process
 * (no discovery, no pppd, no LCP/IPCP): per session and end, as pppd's
 * PPPoE plugin leaves it once the link is up,
 *
 *   socket(AF_PPPOX, SOCK_STREAM, PX_PROTO_OE) + connect(sid, peer MAC,
 *   device), PPPIOCGCHAN, a /dev/ppp channel fd (PPPIOCATTCHAN), a
 *   /dev/ppp unit fd (PPPIOCNEWUNIT), PPPIOCCONNECT, PPPIOCSNPMODE (IP
 *   passes), PPPIOCSMRU, MTU 1492, a point-to-point IPv4 address pair
 *   (rtnetlink), link up.
 *
 * Session i (0-based) has session id i + 1 and the addresses 198.18.x.y
 * (end A) and 198.19.x.y (end B), x.y = i + 1: RFC 2544's benchmarking
 * range 198.18.0.0/15, because the documentation ranges (TEST-NET-1..3)
 * hold 768 addresses and a session needs one per end.  Only inside this
 * program's two network namespaces, which no NIC reaches.
 *
 * Then UDP traffic spread over every session in turn: datagrams of SIZE
 * bytes (default 1400) in batches, A -> B on sessions k..k+W-1, received
 * in B, the same sessions B -> A, received in A, k moving on round the
 * sessions, until KIB KiB (default 4096, at least one datagram per
 * session and way) have been sent each way.  One UDP socket per end;
 * IP_PKTINFO picks the unit a datagram leaves by and tells the unit it
 * came in on, so each is checked to arrive on its own session.  At most
 * a batch is in flight, so nothing is dropped for want of buffer.
 * Then every fd is closed and the program waits for every unit, channel
 * and session to go.
 *
 * Without -b (a check scenario): "RESULT many/<check> PASS|FAIL why".
 *   setup            every session of both ends up (the first failure named)
 *   proc-net-pppoe   N sessions listed in each namespace
 *   traffic          every datagram arrived whole, on its own session
 *   every-session    each session carried datagrams both ways
 *   unit-stats       each unit's SIOCGPPPSTATS counted packets both ways
 *   units-gone       after close: no ppp interface left in either namespace
 *   channels-gone    every channel index gone (PPPIOCATTCHAN: ENXIO)
 *   sessions-gone    /proc/net/pppoe of both namespaces empty
 * With -b (the bench's pppoe-many item), one line:
 *   BENCH test=pppoe-many n=N setup_ns= setup_cpu_ns= slab_kb= percpu_kb=
 *         bytes= sent= cpu_ns= wall_ns= teardown_ns=
 * (setup: both ends of all N sessions, time and non-idle CPU time;
 * memory: the Slab and Percpu lines of /proc/meminfo over the setup;
 * cpu_ns: non-idle CPU time over the traffic; bytes: UDP payload
 * received, both ways; teardown: close until no unit is left).  With N
 * above 1, the slab caches that grew most over the setup, per session,
 * go to stderr.  Times are guest
 * nanoseconds: under the bench VM's icount, instructions.
 *
 * -c CTL,ACK: perf record's --control fifos: "enable" before the traffic
 * and "disable" after it, each waiting for perf's ack, so that a profile
 * started with -D -1 holds the traffic alone (bench-init's manyprof).
 *
 * Only the public ABI: runs on the in-tree pppox/pppoe/ppp_generic as on
 * ours.  Exit status 0 when every check passed (or the bench line was
 * printed), 1 on a failed check, 2 when it could not run.
 */
#define _GNU_SOURCE
#define PPPT_AREA "many"
#include "pppt.h"
#include "pppt_bench.h"

#include <poll.h>
#include <sched.h>
#include <time.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <linux/if_addr.h>
#include <linux/if_ether.h>
#include <linux/if_pppox.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_defs.h>
#include <linux/sockios.h>

#define MAX_SESSIONS	4000
#define BATCH		32		/* datagrams in flight, each way */
#define UNIT_MTU	1492		/* Ethernet's 1500 less PPPoE's 8 */
#define UDP_PORT	9		/* discard */
#define MAX_IFINDEX	(4 * MAX_SESSIONS + 64)

struct end {
	const char *ns, *dev;
	int nsfd;
	unsigned char mac[ETH_ALEN];
	uint32_t base;			/* its addresses: base + i + 1 */
	int *sock, *chan, *unit;	/* fds per session */
	int *chidx, *unum, *ifindex;	/* per session */
	int udp;			/* the traffic socket */
	int ioc;			/* an AF_INET socket for SIOC* */
	int *session_of;		/* ifindex -> session, or -1 */
	unsigned long *rx;		/* datagrams received per session */
};

static struct end ea, eb;
static int n;
static bool bench;
static unsigned long bad_frames, wrong_session;

/* /proc/slabinfo: bytes in active objects per cache */
#define MAX_CACHES	512
struct slabs {
	int cnt;
	char name[MAX_CACHES][64];
	long bytes[MAX_CACHES];
};

static struct slabs slabs0, slabs1;

static void slab_read(struct slabs *sl)
{
	char line[512], name[64];
	long active, total, size;
	FILE *f = fopen("/proc/slabinfo", "r");

	sl->cnt = 0;
	if (!f)
		return;
	while (sl->cnt < MAX_CACHES && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63s %ld %ld %ld", name, &active, &total, &size) != 4)
			continue;
		snprintf(sl->name[sl->cnt], sizeof(sl->name[0]), "%s", name);
		sl->bytes[sl->cnt++] = active * size;
	}
	fclose(f);
}

/*
 * The caches that grew most from @a to @b, per session, on stderr (the
 * bench's console): where a set's memory per session goes.
 */
static void slab_diff(const struct slabs *a, const struct slabs *b)
{
	long grow[MAX_CACHES], best;
	int i, j, k, pick;

	for (i = 0; i < b->cnt; i++) {
		grow[i] = b->bytes[i];
		for (j = 0; j < a->cnt; j++)
			if (!strcmp(a->name[j], b->name[i])) {
				grow[i] -= a->bytes[j];
				break;
			}
	}
	fprintf(stderr, "slab growth per session (bytes, both ends), top caches:\n");
	for (k = 0; k < 16; k++) {
		best = 0;
		pick = -1;
		for (i = 0; i < b->cnt; i++)
			if (grow[i] > best) {
				best = grow[i];
				pick = i;
			}
		if (pick < 0)
			break;
		fprintf(stderr, "  %8ld %s\n", best / n, b->name[pick]);
		grow[pick] = 0;
	}
}

static void enter(struct end *e)
{
	if (setns(e->nsfd, CLONE_NEWNET))
		die("setns");
}

static int open_ns(const char *name)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die(path);
	return fd;
}

static void *table(size_t each)
{
	void *p = calloc(n + 1, each);

	if (!p)
		die("calloc");
	return p;
}

/* Its tables, its MAC, its SIOC* socket; enters the end's namespace. */
static void end_init(struct end *e, uint32_t base)
{
	struct ifreq ifr = {};
	int i;

	e->nsfd = open_ns(e->ns);
	e->base = base;
	e->sock = table(sizeof(int));
	e->chan = table(sizeof(int));
	e->unit = table(sizeof(int));
	e->chidx = table(sizeof(int));
	e->unum = table(sizeof(int));
	e->ifindex = table(sizeof(int));
	e->rx = table(sizeof(long));
	e->session_of = calloc(MAX_IFINDEX, sizeof(int));
	if (!e->session_of)
		die("calloc");
	for (i = 0; i < MAX_IFINDEX; i++)
		e->session_of[i] = -1;
	for (i = 0; i < n; i++)
		e->sock[i] = e->chan[i] = e->unit[i] = -1;
	enter(e);
	e->ioc = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (e->ioc < 0)
		die("socket");
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", e->dev);
	if (ioctl(e->ioc, SIOCGIFHWADDR, &ifr))
		die(e->dev);
	memcpy(e->mac, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
}

static uint32_t addr_of(const struct end *e, int i)
{
	return htonl(e->base + i + 1);
}

/* RTM_NEWADDR: local @local, peer @peer, /32, on @ifindex; 0 or -errno. */
static int add_addr(int nl, int ifindex, uint32_t local, uint32_t peer)
{
	struct {
		struct nlmsghdr nh;
		struct ifaddrmsg ifa;
		char attrs[64];
	} r = {};
	struct rtattr *rta;
	char buf[512];
	int len;

	r.nh.nlmsg_len = NLMSG_LENGTH(sizeof(r.ifa));
	r.nh.nlmsg_type = RTM_NEWADDR;
	r.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
	r.ifa.ifa_family = AF_INET;
	r.ifa.ifa_prefixlen = 32;
	r.ifa.ifa_index = ifindex;
	rta = (void *)((char *)&r + NLMSG_ALIGN(r.nh.nlmsg_len));
	rta->rta_type = IFA_LOCAL;
	rta->rta_len = RTA_LENGTH(4);
	memcpy(RTA_DATA(rta), &local, 4);
	r.nh.nlmsg_len = NLMSG_ALIGN(r.nh.nlmsg_len) + RTA_ALIGN(rta->rta_len);
	rta = (void *)((char *)&r + NLMSG_ALIGN(r.nh.nlmsg_len));
	rta->rta_type = IFA_ADDRESS;
	rta->rta_len = RTA_LENGTH(4);
	memcpy(RTA_DATA(rta), &peer, 4);
	r.nh.nlmsg_len = NLMSG_ALIGN(r.nh.nlmsg_len) + RTA_ALIGN(rta->rta_len);
	if (send(nl, &r, r.nh.nlmsg_len, 0) < 0)
		return -errno;
	len = recv(nl, buf, sizeof(buf), 0);
	if (len < (int)NLMSG_LENGTH(sizeof(struct nlmsgerr)))
		return -EIO;
	return ((struct nlmsgerr *)NLMSG_DATA((struct nlmsghdr *)buf))->error;
}

/* Set @flags in ppp@unit's interface flags, MTU first; 0 or -errno. */
static int unit_if_up(struct end *e, int i)
{
	struct ifreq ifr = {};

	snprintf(ifr.ifr_name, IFNAMSIZ, "ppp%d", e->unum[i]);
	ifr.ifr_mtu = UNIT_MTU;
	if (ioctl(e->ioc, SIOCSIFMTU, &ifr))
		return -errno;
	if (ioctl(e->ioc, SIOCGIFINDEX, &ifr))
		return -errno;
	e->ifindex[i] = ifr.ifr_ifindex;
	if (ifr.ifr_ifindex < MAX_IFINDEX)
		e->session_of[ifr.ifr_ifindex] = i;
	if (ioctl(e->ioc, SIOCGIFFLAGS, &ifr))
		return -errno;
	ifr.ifr_flags |= IFF_UP;
	return ioctl(e->ioc, SIOCSIFFLAGS, &ifr) ? -errno : 0;
}

/*
 * Session i at end @e (in its namespace), to @peer's MAC: the socket,
 * the channel, the unit, connected, addressed and up.  0 or -errno;
 * *@step names the step that failed.
 */
static int session_up(struct end *e, const struct end *peer, int nl, int i,
		      const char **step)
{
	struct sockaddr_pppox sp = {};
	struct npioctl npi = { .protocol = PPP_IP, .mode = NPMODE_PASS };
	int mru = UNIT_MTU, err;

	*step = "socket";
	e->sock[i] = socket(AF_PPPOX, SOCK_STREAM | SOCK_CLOEXEC, PX_PROTO_OE);
	if (e->sock[i] < 0)
		return -errno;
	*step = "connect";
	sp.sa_family = AF_PPPOX;
	sp.sa_protocol = PX_PROTO_OE;
	sp.sa_addr.pppoe.sid = htons(i + 1);
	memcpy(sp.sa_addr.pppoe.remote, peer->mac, ETH_ALEN);
	snprintf(sp.sa_addr.pppoe.dev, IFNAMSIZ, "%s", e->dev);
	if (connect(e->sock[i], (void *)&sp, sizeof(sp)))
		return -errno;
	*step = "PPPIOCGCHAN";
	if (ioctl(e->sock[i], PPPIOCGCHAN, &e->chidx[i]))
		return -errno;
	/* /dev/ppp finds channels and makes units in the opener's netns */
	*step = "PPPIOCATTCHAN";
	e->chan[i] = open("/dev/ppp", O_RDWR | O_CLOEXEC);
	if (e->chan[i] < 0 || ioctl(e->chan[i], PPPIOCATTCHAN, &e->chidx[i]))
		return -errno;
	*step = "PPPIOCNEWUNIT";
	e->unit[i] = open("/dev/ppp", O_RDWR | O_CLOEXEC);
	e->unum[i] = -1;
	if (e->unit[i] < 0 || ioctl(e->unit[i], PPPIOCNEWUNIT, &e->unum[i]))
		return -errno;
	*step = "PPPIOCCONNECT";
	if (ioctl(e->chan[i], PPPIOCCONNECT, &e->unum[i]))
		return -errno;
	*step = "PPPIOCSNPMODE";
	if (ioctl(e->unit[i], PPPIOCSNPMODE, &npi))
		return -errno;
	*step = "PPPIOCSMRU";
	if (ioctl(e->unit[i], PPPIOCSMRU, &mru))
		return -errno;
	*step = "link up";
	err = unit_if_up(e, i);
	if (err)
		return err;
	*step = "RTM_NEWADDR";
	return add_addr(nl, e->ifindex[i], addr_of(e, i), addr_of(peer, i));
}

/* Every session at end @e; false (and a FAIL) at the first that fails. */
static bool end_up(struct end *e, const struct end *peer)
{
	const char *step = "";
	int i, nl, err = 0;

	enter(e);
	nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (nl < 0)
		die("netlink socket");
	for (i = 0; i < n && !err; i++)
		err = session_up(e, peer, nl, i, &step);
	close(nl);
	if (err)
		report("setup", "FAIL", "netns %s session %d: %s: %s", e->ns, i,
		       step, ename(-err));
	return !err;
}

/*
 * Each end keeps a neighbour entry per unit it sends on (a point-to-
 * point device's single one); the table is shared by all namespaces and
 * refuses new entries past gc_thresh3 (1024 by default).  Raised in the
 * initial namespace, where these knobs live, for 2N entries and room.
 */
static void neigh_room(void)
{
	static const char *const knob[] = { "gc_thresh1", "gc_thresh2", "gc_thresh3" };
	char path[128];
	long want = 4L * n + 1024, cur;
	FILE *f;
	int k;

	for (k = 0; k < 3; k++) {
		snprintf(path, sizeof(path), "/proc/sys/net/ipv4/neigh/default/%s", knob[k]);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fscanf(f, "%ld", &cur) != 1)
			cur = 0;
		fclose(f);
		if (cur >= want)
			continue;
		f = fopen(path, "w");
		if (f) {
			fprintf(f, "%ld\n", want);
			fclose(f);
		}
	}
}

/* The end's UDP socket (in its namespace), with IP_PKTINFO on receive. */
static void udp_init(struct end *e)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET, .sin_port = htons(UDP_PORT),
	};
	int on = 1, buf = 4 << 20;

	enter(e);
	e->udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (e->udp < 0 ||
	    setsockopt(e->udp, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on)) ||
	    bind(e->udp, (void *)&sin, sizeof(sin)))
		die("udp socket");
	setsockopt(e->udp, SOL_SOCKET, SO_RCVBUF, &buf, sizeof(buf));
}

/* One datagram from @from on session @i: 0 or -errno. */
static int send_one(struct end *from, const struct end *to, int i,
		    unsigned char *buf, size_t size, uint32_t seq)
{
	char cbuf[CMSG_SPACE(sizeof(struct in_pktinfo))] = {};
	struct sockaddr_in dst = {
		.sin_family = AF_INET, .sin_port = htons(UDP_PORT),
		.sin_addr.s_addr = addr_of(to, i),
	};
	struct iovec iov = { .iov_base = buf, .iov_len = size };
	struct msghdr mh = {
		.msg_name = &dst, .msg_namelen = sizeof(dst),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
	struct in_pktinfo *pi;
	uint32_t word[2] = { i, seq };

	cm->cmsg_level = IPPROTO_IP;
	cm->cmsg_type = IP_PKTINFO;
	cm->cmsg_len = CMSG_LEN(sizeof(*pi));
	pi = (void *)CMSG_DATA(cm);
	pi->ipi_ifindex = from->ifindex[i];
	pi->ipi_spec_dst.s_addr = addr_of(from, i);
	memcpy(buf, word, sizeof(word));
	return sendmsg(from->udp, &mh, 0) == (ssize_t)size ? 0 : -errno;
}

/*
 * Receive up to @want datagrams at @e (3 s without one ends it); the
 * payload bytes of those that arrived whole on the session they name.
 */
static uint64_t recv_some(struct end *e, int want, size_t size)
{
	char cbuf[CMSG_SPACE(sizeof(struct in_pktinfo))];
	unsigned char buf[2048];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct pollfd p = { .fd = e->udp, .events = POLLIN };
	uint64_t bytes = 0;
	struct msghdr mh;
	struct cmsghdr *cm;
	uint32_t word[2];
	ssize_t len;
	int ifindex, s;

	while (want > 0) {
		memset(&mh, 0, sizeof(mh));
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_control = cbuf;
		mh.msg_controllen = sizeof(cbuf);
		len = recvmsg(e->udp, &mh, MSG_DONTWAIT);
		if (len < 0) {
			if (errno != EAGAIN || poll(&p, 1, 3000) != 1)
				break;
			continue;
		}
		want--;
		ifindex = -1;
		for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm))
			if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_PKTINFO)
				ifindex = ((struct in_pktinfo *)CMSG_DATA(cm))->ipi_ifindex;
		if (len != (ssize_t)size) {
			bad_frames++;
			continue;
		}
		memcpy(word, buf, sizeof(word));
		s = ifindex >= 0 && ifindex < MAX_IFINDEX ? e->session_of[ifindex] : -1;
		if (s < 0 || (uint32_t)s != word[0]) {
			wrong_session++;
			continue;
		}
		e->rx[s]++;
		bytes += len;
	}
	return bytes;
}

/* A batch of @cnt sessions from @first, @from -> @to; bytes received. */
static uint64_t batch(struct end *from, struct end *to, int first, int cnt,
		      unsigned char *buf, size_t size, uint32_t seq, int *sent)
{
	int k, ok = 0;

	for (k = 0; k < cnt; k++) {
		int err = send_one(from, to, (first + k) % n, buf, size, seq);

		if (err && !bench)
			fprintf(stderr, "send on session %d: %s\n",
				(first + k) % n, ename(-err));
		ok += !err;
	}
	*sent += ok;
	return recv_some(to, ok, size);
}

struct traffic {
	uint64_t bytes, sent_bytes, cpu_ns, wall_ns;
	int sent;
};

static void traffic(size_t size, uint64_t kib, struct traffic *t)
{
	uint64_t per_way = kib * 1024 / size, done = 0, t0, c0;
	unsigned char *buf = calloc(1, size);
	uint32_t seq = 0;
	int first = 0, cnt;

	if (!buf)
		die("calloc");
	memset(buf, 0x5a, size);
	if (per_way < (uint64_t)n)
		per_way = n;
	memset(t, 0, sizeof(*t));
	t0 = now_ns();
	c0 = cpu_ns();
	while (done < per_way) {
		cnt = per_way - done < BATCH ? per_way - done : BATCH;
		t->bytes += batch(&ea, &eb, first, cnt, buf, size, seq, &t->sent);
		t->bytes += batch(&eb, &ea, first, cnt, buf, size, seq, &t->sent);
		first = (first + cnt) % n;
		done += cnt;
		seq++;
	}
	t->cpu_ns = cpu_ns() - c0;
	t->wall_ns = now_ns() - t0;
	t->sent_bytes = (uint64_t)t->sent * size;
	free(buf);
}

/* Sessions listed in /proc/net/pppoe of @e's namespace. */
static int proc_sessions(struct end *e)
{
	enter(e);
	return pppt_pppoe_sessions();
}

/* ppp%d interfaces in @e's namespace (/proc/net/dev: no modprobe). */
static int ppp_ifaces(struct end *e)
{
	char line[512], name[IFNAMSIZ + 1];
	int cnt = 0;
	FILE *f;

	enter(e);
	f = fopen("/proc/net/dev", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, " %16[^:]:", name) == 1 && !strncmp(name, "ppp", 3))
			cnt++;
	fclose(f);
	return cnt;
}

/* Sessions of @e that received nothing. */
static int silent(const struct end *e)
{
	int i, cnt = 0;

	for (i = 0; i < n; i++)
		cnt += !e->rx[i];
	return cnt;
}

/* Units of @e whose SIOCGPPPSTATS shows no packet in or out. */
static int quiet_units(struct end *e)
{
	struct ppp_stats st;
	struct ifreq ifr;
	int i, cnt = 0;

	for (i = 0; i < n; i++) {
		memset(&ifr, 0, sizeof(ifr));
		memset(&st, 0, sizeof(st));
		snprintf(ifr.ifr_name, IFNAMSIZ, "ppp%d", e->unum[i]);
		ifr.ifr_data = (void *)&st;
		cnt += ioctl(e->ioc, SIOCGPPPSTATS, &ifr) ||
		       !st.p.ppp_ipackets || !st.p.ppp_opackets;
	}
	return cnt;
}

static void close_all(struct end *e)
{
	int i;

	for (i = 0; i < n; i++) {
		close(e->unit[i]);
		close(e->chan[i]);
		close(e->sock[i]);
	}
}

/* Channels of @e still attachable (PPPIOCATTCHAN other than ENXIO). */
static int channels_left(struct end *e)
{
	int i, fd, cnt = 0;

	enter(e);
	for (i = 0; i < n; i++) {
		fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);
		if (fd < 0)
			return -1;
		cnt += !(ioctl(fd, PPPIOCATTCHAN, &e->chidx[i]) && errno == ENXIO);
		close(fd);
	}
	return cnt;
}

/* Wait up to @ms for both namespaces to have no ppp interface. */
static bool units_gone(int ms)
{
	for (; ms > 0; ms -= 10) {
		if (!ppp_ifaces(&ea) && !ppp_ifaces(&eb))
			return true;
		usleep(10000);
	}
	return false;
}

static int usage(const char *me)
{
	fprintf(stderr, "usage: %s [-b] [-c CTL,ACK] [-m KIB] [-s SIZE] N NS_A DEV_A NS_B DEV_B\n", me);
	return 2;
}

static void report_checks(const struct traffic *t, uint64_t want)
{
	int c = proc_sessions(&ea), s = proc_sessions(&eb);

	result("proc-net-pppoe", c == n && s == n,
	       "%d and %d sessions listed, want %d", c, s, n);
	result("traffic", t->bytes == want && !bad_frames && !wrong_session,
	       "%llu of %llu bytes; %lu bad, %lu on the wrong session",
	       (unsigned long long)t->bytes, (unsigned long long)want,
	       bad_frames, wrong_session);
	c = silent(&ea);
	s = silent(&eb);
	result("every-session", !c && !s,
	       "%d sessions received nothing at A, %d at B", c, s);
	enter(&ea);
	c = quiet_units(&ea);
	enter(&eb);
	s = quiet_units(&eb);
	result("unit-stats", !c && !s,
	       "%d units at A and %d at B counted no packet in or out", c, s);
}

int main(int argc, char **argv)
{
	uint64_t kib = 4096, t0, c0, t1, c1, t2;
	long slab0, pcpu0, slab1, pcpu1;
	size_t size = 1400;
	struct traffic t;
	struct rlimit rl;
	int opt, ok;

	while ((opt = getopt(argc, argv, "bc:m:s:")) != -1) {
		switch (opt) {
		case 'b':
			bench = true;
			break;
		case 'c':
			perf_open(optarg);
			break;
		case 'm':
			kib = strtoull(optarg, NULL, 0);
			break;
		case 's':
			size = strtoul(optarg, NULL, 0);
			break;
		default:
			return usage(argv[0]);
		}
	}
	if (argc - optind != 5 || size < 8 || size > UNIT_MTU - 28)
		return usage(argv[0]);
	n = atoi(argv[optind]);
	if (n < 1 || n > MAX_SESSIONS)
		return usage(argv[0]);
	ea.ns = argv[optind + 1];
	ea.dev = argv[optind + 2];
	eb.ns = argv[optind + 3];
	eb.dev = argv[optind + 4];
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* three fds per session and end, and room */
	rl.rlim_cur = rl.rlim_max = 6L * n + 256;
	if (setrlimit(RLIMIT_NOFILE, &rl))
		die("setrlimit");
	neigh_room();
	end_init(&ea, 0xc6120000);	/* 198.18.0.0 */
	end_init(&eb, 0xc6130000);	/* 198.19.0.0 */

	sync();
	if (bench && n > 1)
		slab_read(&slabs0);
	slab0 = meminfo_kb("Slab");
	pcpu0 = meminfo_kb("Percpu");
	t0 = now_ns();
	c0 = cpu_ns();
	ok = end_up(&ea, &eb) && end_up(&eb, &ea);
	t1 = now_ns();
	c1 = cpu_ns();
	slab1 = meminfo_kb("Slab");
	pcpu1 = meminfo_kb("Percpu");
	if (bench && n > 1) {
		slab_read(&slabs1);
		slab_diff(&slabs0, &slabs1);
	}
	if (ok && !bench)
		result("setup", true, NULL);
	if (!ok)
		return 1;

	udp_init(&ea);
	udp_init(&eb);
	perf_cmd("enable\n");
	traffic(size, kib, &t);
	perf_cmd("disable\n");
	if (!bench)
		report_checks(&t, t.sent_bytes ? t.sent_bytes : 1);

	t2 = now_ns();
	close_all(&ea);
	close_all(&eb);
	ok = units_gone(30000);
	if (bench) {
		if (!ok || t.bytes != t.sent_bytes || !t.bytes) {
			fprintf(stderr, "pppoe_many: %s; %llu of %llu bytes\n",
				ok ? "units gone" : "units left after 30 s",
				(unsigned long long)t.bytes,
				(unsigned long long)t.sent_bytes);
			return 1;
		}
		printf("BENCH test=pppoe-many n=%d setup_ns=%llu setup_cpu_ns=%llu slab_kb=%ld percpu_kb=%ld bytes=%llu sent=%llu cpu_ns=%llu wall_ns=%llu teardown_ns=%llu\n",
		       n, (unsigned long long)(t1 - t0),
		       (unsigned long long)(c1 - c0), slab1 - slab0,
		       pcpu1 - pcpu0, (unsigned long long)t.bytes,
		       (unsigned long long)t.sent_bytes,
		       (unsigned long long)t.cpu_ns,
		       (unsigned long long)t.wall_ns,
		       (unsigned long long)(now_ns() - t2));
		return 0;
	}
	result("units-gone", ok, "A has %d, B %d ppp interfaces after 30 s",
	       ppp_ifaces(&ea), ppp_ifaces(&eb));
	{
		int ca = channels_left(&ea), cb = channels_left(&eb);

		result("channels-gone", !ca && !cb,
		       "%d channels at A and %d at B still attachable", ca, cb);
	}
	{
		int sa = proc_sessions(&ea), sb = proc_sessions(&eb);

		result("sessions-gone", !sa && !sb,
		       "%d sessions listed at A and %d at B", sa, sb);
	}
	return failures ? 1 : 0;
}
