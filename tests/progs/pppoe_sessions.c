// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe_sessions N NS_C DEV_C NS_S DEV_S: N kernel-mode PPPoE sessions
 * over one Ethernet link, bound directly (no discovery, no pppd), both
 * ends in this process: a "client" socket per session in netns NS_C on
 * DEV_C and a "server" one in NS_S on DEV_S, session ids 1..N, each with
 * its PPP channel attached to a /dev/ppp channel fd (PPPIOCGCHAN,
 * PPPIOCATTCHAN; no unit, so every frame received is queued on the
 * channel fd).
 *
 *   connect-all       2N connect() + PPPIOCGCHAN + PPPIOCATTCHAN
 *   proc-net-pppoe    N sessions listed in each netns
 *   traffic           ROUNDS frames each way on every session, each
 *                     received whole on its own session only
 *   server-down       DEV_S goes down: every server channel hangs up,
 *                     /proc/net/pppoe of NS_S is empty (ours; in-tree
 *                     lists ended sessions until their socket is
 *                     closed), the socket is dead (connect(sid 0):
 *                     EALREADY)
 *   client-padt       DEV_S up again, one PADT per session sent from
 *                     NS_S on a packet socket: every client channel
 *                     hangs up, /proc/net/pppoe of NS_C is empty (ours)
 *
 * Exit status 0 when every check passed.
 */
#define _GNU_SOURCE
#define PPPT_AREA "sessions"
#include "pppt.h"

#include <poll.h>
#include <sched.h>
#include <arpa/inet.h>
#include <sys/ioctl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/if_pppox.h>
#include <linux/ppp-ioctl.h>

#define MAX_SESSIONS	512
#define ROUNDS		8
#define FRAME_LEN	300

struct side {
	const char *ns, *dev;
	int nsfd;
	unsigned char mac[ETH_ALEN];
	int sock[MAX_SESSIONS];
	int chan[MAX_SESSIONS];
};

static struct side cli, srv;
static int n;
/*
 * Ours (it has /proc/net/pppoe_stats) unlists a session when it ends;
 * the in-tree driver lists it until its socket is closed.
 */
static bool unlists_ended;

static void enter(struct side *s)
{
	if (setns(s->nsfd, CLONE_NEWNET)) {
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

static int if_ioctl(const char *dev, unsigned long req, struct ifreq *ifr)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int rc;

	snprintf(ifr->ifr_name, IFNAMSIZ, "%s", dev);
	rc = ioctl(fd, req, ifr);
	close(fd);
	return rc;
}

static void get_mac(struct side *s)
{
	struct ifreq ifr = {};

	enter(s);
	if (if_ioctl(s->dev, SIOCGIFHWADDR, &ifr)) {
		perror(s->dev);
		exit(2);
	}
	memcpy(s->mac, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
}

static int set_up(struct side *s, bool up)
{
	struct ifreq ifr = {};

	enter(s);
	if (if_ioctl(s->dev, SIOCGIFFLAGS, &ifr))
		return -1;
	if (up)
		ifr.ifr_flags |= IFF_UP;
	else
		ifr.ifr_flags &= ~IFF_UP;
	return if_ioctl(s->dev, SIOCSIFFLAGS, &ifr);
}

/* Session i of side s, to the peer's MAC; 0 or -errno. */
static int bind_one(struct side *s, const unsigned char *peer, int i)
{
	struct sockaddr_pppox sp = {};
	int ppp, idx;

	s->sock[i] = socket(AF_PPPOX, SOCK_STREAM | SOCK_CLOEXEC, PX_PROTO_OE);
	if (s->sock[i] < 0)
		return -errno;
	sp.sa_family = AF_PPPOX;
	sp.sa_protocol = PX_PROTO_OE;
	sp.sa_addr.pppoe.sid = htons(i + 1);
	memcpy(sp.sa_addr.pppoe.remote, peer, ETH_ALEN);
	snprintf(sp.sa_addr.pppoe.dev, IFNAMSIZ, "%s", s->dev);
	if (connect(s->sock[i], (void *)&sp, sizeof(sp)))
		return -errno;
	if (ioctl(s->sock[i], PPPIOCGCHAN, &idx))
		return -errno;
	/* /dev/ppp finds channels in the netns of whoever opens it. */
	ppp = open("/dev/ppp", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (ppp < 0)
		return -errno;
	if (ioctl(ppp, PPPIOCATTCHAN, &idx)) {
		close(ppp);
		return -errno;
	}
	s->chan[i] = ppp;
	return 0;
}

static void connect_all(void)
{
	int i, err = 0, bad = -1;

	for (i = 0; i < n && !err; i++) {
		enter(&srv);
		err = bind_one(&srv, cli.mac, i);
		if (!err) {
			enter(&cli);
			err = bind_one(&cli, srv.mac, i);
		}
		if (err)
			bad = i + 1;
	}
	result("connect-all", !err, "session %d: %s", bad, ename(-err));
	if (err)
		exit(1);
}

/* Sessions listed in /proc/net/pppoe of @s's namespace. */
static int proc_sessions(struct side *s)
{
	enter(s);
	return pppt_pppoe_sessions();
}

static void fill(unsigned char *buf, int i, int r, bool up)
{
	int k;

	buf[0] = 0x00;		/* PPP protocol 0x0021 (IPv4): a data frame */
	buf[1] = 0x21;
	for (k = 2; k < FRAME_LEN; k++)
		buf[k] = (unsigned char)(i * 7 + r * 13 + k + up);
}

static bool recv_frame(int fd, const unsigned char *want)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	unsigned char got[FRAME_LEN + 64];
	ssize_t len;

	if (poll(&p, 1, 3000) != 1)
		return false;
	len = read(fd, got, sizeof(got));
	return len == FRAME_LEN && !memcmp(got, want, FRAME_LEN);
}

/* One direction of one round: every session sends, then every one reads. */
static int one_way(struct side *from, struct side *to, int r, bool up)
{
	unsigned char buf[FRAME_LEN];
	int i, ok = 0;

	for (i = 0; i < n; i++) {
		fill(buf, i, r, up);
		if (write(from->chan[i], buf, FRAME_LEN) != FRAME_LEN)
			fprintf(stderr, "write session %d: %s\n", i + 1, strerror(errno));
	}
	for (i = 0; i < n; i++) {
		fill(buf, i, r, up);
		ok += recv_frame(to->chan[i], buf);
	}
	return ok;
}

static void traffic(void)
{
	int r, ok = 0;

	for (r = 0; r < ROUNDS; r++) {
		ok += one_way(&cli, &srv, r, true);
		ok += one_way(&srv, &cli, r, false);
	}
	result("traffic", ok == 2 * ROUNDS * n, "%d of %d frames arrived whole",
	       ok, 2 * ROUNDS * n);
	printf("FIGURE pppoe-sessions-frames %d\n", ok);
}

/* The channel fd hung up: POLLHUP, or EOF once its queue is read. */
static bool hung_up(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	unsigned char buf[2048];
	int tries;

	for (tries = 0; tries < 100; tries++) {
		if (poll(&p, 1, 100) == 1) {
			if (p.revents & POLLHUP)
				return true;
			if (read(fd, buf, sizeof(buf)) == 0)
				return true;
		}
	}
	return false;
}

static int count_hung_up(struct side *s)
{
	int i, hup = 0;

	for (i = 0; i < n; i++)
		hup += hung_up(s->chan[i]);
	return hup;
}

static void server_down(void)
{
	struct sockaddr_pppox sp = {
		.sa_family = AF_PPPOX, .sa_protocol = PX_PROTO_OE,
	};
	int hup, left, dead = 0, i;

	result("server-if-down", set_up(&srv, false) == 0, "%s", strerror(errno));
	hup = count_hung_up(&srv);
	left = proc_sessions(&srv);
	for (i = 0; i < n; i++)
		dead += connect(srv.sock[i], (void *)&sp, sizeof(sp)) &&
			errno == EALREADY;
	result("server-down", hup == n && (left == 0 || !unlists_ended) && dead == n,
	       "%d of %d channels hung up, %d sessions left, %d sockets dead",
	       hup, n, left, dead);
	left = proc_sessions(&cli);
	result("client-sessions-stay", left == n, "%d of %d", left, n);
}

static int send_padt(int fd, int ifindex, int i)
{
	unsigned char f[ETH_HLEN + 6] = {};
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET, .sll_ifindex = ifindex,
		.sll_halen = ETH_ALEN,
	};

	memcpy(f, cli.mac, ETH_ALEN);
	memcpy(f + ETH_ALEN, srv.mac, ETH_ALEN);
	f[12] = ETH_P_PPP_DISC >> 8;
	f[13] = ETH_P_PPP_DISC & 0xff;
	f[14] = 0x11;		/* version 1, type 1 */
	f[15] = 0xa7;		/* PADT */
	f[16] = (i + 1) >> 8;
	f[17] = (i + 1) & 0xff;
	memcpy(ll.sll_addr, cli.mac, ETH_ALEN);
	return sendto(fd, f, sizeof(f), 0, (struct sockaddr *)&ll, sizeof(ll));
}

static void client_padt(void)
{
	int fd, i, sent = 0, hup, left, ifindex;

	set_up(&srv, true);
	enter(&srv);
	ifindex = if_nametoindex(srv.dev);
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
	/* veth carries frames once both ends are up again. */
	usleep(300000);
	for (i = 0; i < n; i++)
		sent += send_padt(fd, ifindex, i) > 0;
	close(fd);
	hup = count_hung_up(&cli);
	left = proc_sessions(&cli);
	result("client-padt", sent == n && hup == n && (left == 0 || !unlists_ended),
	       "%d PADTs sent, %d of %d channels hung up, %d sessions left",
	       sent, hup, n, left);
}

static void close_all(void)
{
	int i;

	for (i = 0; i < n; i++) {
		close(cli.chan[i]);
		close(cli.sock[i]);
		close(srv.chan[i]);
		close(srv.sock[i]);
	}
}

int main(int argc, char **argv)
{
	int c, s;

	if (argc != 6 || (n = atoi(argv[1])) < 1 || n > MAX_SESSIONS) {
		fprintf(stderr, "usage: %s N NS_CLIENT DEV_CLIENT NS_SERVER DEV_SERVER\n",
			argv[0]);
		return 2;
	}
	cli.ns = argv[2];
	cli.dev = argv[3];
	srv.ns = argv[4];
	srv.dev = argv[5];
	cli.nsfd = open_ns(cli.ns);
	srv.nsfd = open_ns(srv.ns);
	get_mac(&cli);
	get_mac(&srv);
	unlists_ended = access("/proc/net/pppoe_stats", R_OK) == 0;
	if (!unlists_ended)
		printf("in-tree pppoe: ended sessions stay in /proc/net/pppoe until closed\n");
	connect_all();
	c = proc_sessions(&cli);
	s = proc_sessions(&srv);
	result("proc-net-pppoe", c == n && s == n,
	       "%d client and %d server sessions listed, want %d", c, s, n);
	traffic();
	server_down();
	client_padt();
	close_all();
	return failures ? 1 : 0;
}
