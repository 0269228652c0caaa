// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_fuzz: a bounded-time syscall fuzzer for /dev/ppp and N_PPP ttys.
 *
 * Several threads share a table of fd slots.  A slot holds an unattached
 * /dev/ppp fd, a unit fd, a channel fd, or one end of a pty whose slave
 * (sometimes its master too) runs N_PPP.  Each thread loops over random
 * operations until the time is up:
 *
 *   open / close / replace a slot; PPPIOCNEWUNIT, PPPIOCATTACH,
 *   PPPIOCATTCHAN, PPPIOCCONNECT, PPPIOCDISCONN, PPPIOCBRIDGECHAN,
 *   PPPIOCUNBRIDGECHAN with recently seen or random numbers; every
 *   PPPIOC* ioctl and random 't' and fully random ioctl numbers with
 *   random argument bytes, interesting integers, random struct contents
 *   (filters, CCP options, NP modes) or bad pointers (NULL, unmapped,
 *   kernel addresses, a buffer ending at a PROT_NONE page); read and
 *   write of random lengths and contents (LCP, IP, VJ, MP, CCP headers);
 *   raw bytes into a pty master for the async decoder; TIOCSETD,
 *   TCFLSH on ttys; poll; rtnetlink RTM_NEWLINK kind "ppp" with a slot's
 *   fd as IFLA_PPP_DEV_FD and RTM_DELLINK of ppp%d; SIOCGPPPSTATS,
 *   SIOCGPPPCSTATS, SIOCGPPPVER on ppp%d (good and bad buffers); a
 *   thread now and then moves itself into a new network namespace,
 *   leaving its units and channels behind.
 *
 * Every fd is non-blocking, and ttys only get the PPP-related and
 * harmless tty ioctls, so no call can block for long.  Errors are the
 * point and are ignored.  On a tty, random ioctls are limited to the
 * PPPIOC range: random tty ioctls could wait for output forever.
 *
 * usage: ppp_fuzz [-t SECONDS] [-j THREADS] [-s SEED]
 * Prints, at the end, one line per kind of call,
 *   "fuzz: kind=K calls=N ok=M"
 * (K: open pty attach ioctl read write, on /dev/ppp fds; tty tty-ioctl
 * tty-read tty-write, on pty ends; poll rtnl-new rtnl-del sioc netns)
 * where ok counts the calls that succeeded, then the totals
 *   "fuzz: calls=N ok=M opens=N units-created=N channels=N ...
 *    own-pointers=N" (integers drawn as pointers that fell in this
 *   process's own pages and were passed as NULL instead, int_ptr());
 * the scenario checks each kind against a floor, so that a driver that
 * refuses everything cannot pass as fuzzed.  Exit 0 unless the fuzzer
 * itself got stuck (threads not finishing 30 s after the deadline).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <dirent.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/filter.h>
#include <linux/if_link.h>
#include <linux/if_ppp.h>
#include <linux/netlink.h>
#include <linux/ppp-ioctl.h>
#include <linux/ppp_defs.h>
#include <linux/rtnetlink.h>
#include "pppt.h"

enum slot_kind { S_FREE, S_PPP, S_MASTER, S_SLAVE };

struct slot {
	pthread_rwlock_t lock;	/* write-held to close or replace */
	int fd;
	enum slot_kind kind;
};

#define NSLOTS 40
static struct slot slots[NSLOTS];

/* Recently seen unit numbers and channel indexes (racy on purpose). */
static volatile int units[16], chans[16];

/* What a call was, for the per-kind counts. */
enum call_kind {
	K_OPEN, K_PTY, K_ATTACH, K_IOCTL, K_READ, K_WRITE,
	K_TTY, K_TTY_IOCTL, K_TTY_READ, K_TTY_WRITE,
	K_POLL, K_RTNL_NEW, K_RTNL_DEL, K_SIOC, K_NETNS, K_NR
};

/* ioctl, read, write: on /dev/ppp fds; tty-*: on pty ends. */
static const char *const kind_names[K_NR] = {
	"open", "pty", "attach", "ioctl", "read", "write",
	"tty", "tty-ioctl", "tty-read", "tty-write",
	"poll", "rtnl-new", "rtnl-del", "sioc", "netns",
};

static atomic_ulong calls, opens, new_units, new_chans, ok_calls;
static atomic_ulong kind_calls[K_NR], kind_ok[K_NR];
static atomic_int stop;
static atomic_ulong own_ptrs;	/* int_ptr()'s, replaced by NULL */
static long page_size;
static char *guard_end;		/* last 8 bytes before a PROT_NONE page */

static const unsigned long ppp_ioctls[] = {
	PPPIOCGFLAGS, PPPIOCSFLAGS, PPPIOCGASYNCMAP, PPPIOCSASYNCMAP,
	PPPIOCGUNIT, PPPIOCGRASYNCMAP, PPPIOCSRASYNCMAP, PPPIOCGMRU,
	PPPIOCSMRU, PPPIOCSMAXCID, PPPIOCGXASYNCMAP, PPPIOCSXASYNCMAP,
	PPPIOCXFERUNIT, PPPIOCSCOMPRESS, PPPIOCGNPMODE, PPPIOCSNPMODE,
	PPPIOCSPASS, PPPIOCSACTIVE, PPPIOCGDEBUG, PPPIOCSDEBUG,
	PPPIOCGIDLE32, PPPIOCGIDLE64, PPPIOCNEWUNIT, PPPIOCATTACH,
	PPPIOCDETACH, PPPIOCSMRRU, PPPIOCCONNECT, PPPIOCDISCONN,
	PPPIOCATTCHAN, PPPIOCGCHAN, PPPIOCGL2TPSTATS, PPPIOCBRIDGECHAN,
	PPPIOCUNBRIDGECHAN,
};
#define N_PPP_IOCTLS (sizeof(ppp_ioctls) / sizeof(ppp_ioctls[0]))

static const int interesting[] = {
	-1, 0, 1, 2, 3, 4, 7, 15, 16, 255, 256, 1500, 1501, 4096, 65535,
	65536, 0x7fffffff, -2147483647 - 1, 0x10000f, 0xff00ff,
};

struct rng {
	uint64_t s;
};

static uint32_t rnd32(struct rng *r)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return r->s >> 11;
}

static uint32_t rnd(struct rng *r, uint32_t n)
{
	return n ? rnd32(r) % n : 0;
}

static void fill(struct rng *r, void *p, size_t n)
{
	unsigned char *c = p;

	while (n--)
		*c++ = rnd32(r);
}

static int pick_int(struct rng *r)
{
	switch (rnd(r, 5)) {
	case 0:
		return interesting[rnd(r, sizeof(interesting) / sizeof(int))];
	case 1:
		return units[rnd(r, 16)];
	case 2:
		return chans[rnd(r, 16)];
	case 3:
		return rnd(r, 64);
	default:
		return rnd32(r) ^ (rnd32(r) << 21);
	}
}

/*
 * An integer where a pointer belongs, unless that lands in a page of
 * this process (NULL then): a static build (the other arches' test
 * programs sit at 0x400000) or a 32-bit one has its own data within an
 * int's reach, and a kernel write through such a pointer would corrupt
 * the fuzzer's locks and counters instead of testing the driver.
 */
static void *int_ptr(struct rng *r)
{
	uintptr_t p = (uintptr_t)(long)pick_int(r);
	unsigned char vec;

	if (mincore((void *)(p & ~(uintptr_t)(page_size - 1)), 1, &vec) == 0) {
		atomic_fetch_add_explicit(&own_ptrs, 1, memory_order_relaxed);
		return NULL;
	}
	return (void *)p;
}

/* A bad or odd pointer, or NULL when @good should be used. */
static void *bad_ptr(struct rng *r)
{
	switch (rnd(r, 12)) {
	case 0: return NULL;
	case 1: return (void *)1;
	case 2: return (void *)-1L;
	case 3: return (void *)0xffff888000000000UL;	/* kernel */
	case 4: return (void *)0x7ffffffff000UL;
	case 5: return guard_end + rnd(r, 8);		/* runs off a page */
	default: return NULL;
	}
}

static void count(enum call_kind k, long ret)
{
	atomic_fetch_add_explicit(&calls, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&kind_calls[k], 1, memory_order_relaxed);
	if (ret >= 0) {
		atomic_fetch_add_explicit(&ok_calls, 1, memory_order_relaxed);
		atomic_fetch_add_explicit(&kind_ok[k], 1, memory_order_relaxed);
	}
}

/* ---- slots ---- */

static void slot_put(struct slot *s, int fd, enum slot_kind kind)
{
	pthread_rwlock_wrlock(&s->lock);
	if (s->fd >= 0)
		close(s->fd);
	s->fd = fd;
	s->kind = fd >= 0 ? kind : S_FREE;
	pthread_rwlock_unlock(&s->lock);
}

static struct slot *slot_get(struct rng *r)
{
	struct slot *s = &slots[rnd(r, NSLOTS)];

	pthread_rwlock_rdlock(&s->lock);
	return s;
}

static void slot_release(struct slot *s)
{
	pthread_rwlock_unlock(&s->lock);
}

static void note(volatile int *tab, struct rng *r, int v)
{
	tab[rnd(r, 16)] = v;
}

/* ---- operations ---- */

static void op_open(struct rng *r)
{
	int fd = open("/dev/ppp", O_RDWR | O_NONBLOCK | O_CLOEXEC);

	count(K_OPEN, fd);
	atomic_fetch_add(&opens, 1);
	slot_put(&slots[rnd(r, NSLOTS)], fd, S_PPP);
}

static void op_pty(struct rng *r)
{
	int m, s, ld = N_PPP, idx = -1;
	struct termios tio;

	m = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	count(K_PTY, m);
	if (m < 0)
		return;
	if (grantpt(m) || unlockpt(m)) {
		close(m);
		return;
	}
	s = open(ptsname(m), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	count(K_PTY, s);
	if (s < 0) {
		close(m);
		return;
	}
	if (tcgetattr(s, &tio) == 0) {
		cfmakeraw(&tio);
		tcsetattr(s, TCSANOW, &tio);
	}
	count(K_PTY, ioctl(s, TIOCSETD, &ld));
	if (ioctl(s, PPPIOCGCHAN, &idx) == 0) {
		note(chans, r, idx);
		atomic_fetch_add(&new_chans, 1);
	}
	if (rnd(r, 4) == 0) {	/* both ends N_PPP */
		count(K_PTY, ioctl(m, TIOCSETD, &ld));
		if (ioctl(m, PPPIOCGCHAN, &idx) == 0)
			note(chans, r, idx);
	}
	slot_put(&slots[rnd(r, NSLOTS)], m, S_MASTER);
	slot_put(&slots[rnd(r, NSLOTS)], s, S_SLAVE);
}

static void op_close(struct rng *r)
{
	slot_put(&slots[rnd(r, NSLOTS)], -1, S_FREE);
}

/* The attach-type ioctls, with numbers seen recently most of the time. */
static void op_attach(struct rng *r, int fd)
{
	static const unsigned long cmds[] = {
		PPPIOCNEWUNIT, PPPIOCATTACH, PPPIOCATTCHAN, PPPIOCCONNECT,
		PPPIOCDISCONN, PPPIOCBRIDGECHAN, PPPIOCUNBRIDGECHAN,
	};
	unsigned long cmd = cmds[rnd(r, 7)];
	int v;
	long ret;

	switch (cmd) {
	case PPPIOCNEWUNIT:
		v = rnd(r, 3) ? -1 : pick_int(r);
		break;
	case PPPIOCATTACH:
	case PPPIOCCONNECT:
		v = rnd(r, 4) ? units[rnd(r, 16)] : pick_int(r);
		break;
	default:
		v = rnd(r, 4) ? chans[rnd(r, 16)] : pick_int(r);
		break;
	}
	ret = ioctl(fd, cmd, &v);
	count(K_ATTACH, ret);
	if (ret == 0 && cmd == PPPIOCNEWUNIT) {
		note(units, r, v);
		atomic_fetch_add(&new_units, 1);
	}
}

/* Contents for the ioctls that take a structure pointing elsewhere. */
static void *struct_arg(struct rng *r, unsigned long cmd, void *buf,
			void *aux, size_t auxlen)
{
	fill(r, aux, auxlen);
	if (cmd == PPPIOCSPASS || cmd == PPPIOCSACTIVE) {
		struct sock_fprog *p = buf;
		struct sock_filter *f = aux;
		unsigned int n = rnd(r, 3) ? rnd(r, 8) : rnd(r, 5000);

		if (n <= auxlen / sizeof(*f) && rnd(r, 2)) {
			/* mostly sane programs: ld, jeq, ret */
			for (unsigned int i = 0; i < n; i++) {
				f[i].code = (uint16_t[]){ BPF_LD | BPF_H | BPF_ABS,
					BPF_JMP | BPF_JEQ | BPF_K,
					BPF_RET | BPF_K }[rnd(r, 3)];
				f[i].jt = rnd(r, 3);
				f[i].jf = rnd(r, 3);
				f[i].k = rnd(r, 2) ? rnd(r, 8) : rnd32(r);
			}
			if (n)
				f[n - 1].code = BPF_RET | BPF_K;
		}
		p->len = n;
		p->filter = rnd(r, 8) ? f : bad_ptr(r);
		return p;
	}
	if (cmd == PPPIOCSCOMPRESS) {
		struct ppp_option_data *o = buf;
		unsigned char *opt = aux;

		opt[0] = rnd(r, 8) == 0 ? (unsigned char[]){ 18, 21, 24, 26 }[rnd(r, 4)]
				   : rnd32(r);
		opt[1] = rnd(r, 40);
		o->ptr = rnd(r, 8) ? opt : bad_ptr(r);
		o->length = rnd(r, 2) ? rnd(r, 40) : pick_int(r);
		o->transmit = rnd(r, 3);
		return o;
	}
	if (cmd == PPPIOCSNPMODE || cmd == PPPIOCGNPMODE) {
		struct npioctl *n = buf;

		n->protocol = rnd(r, 2) ? (int[]){ PPP_IP, PPP_IPV6, PPP_IPX,
			PPP_AT, 0x0281, 0x0283 }[rnd(r, 6)] : pick_int(r);
		n->mode = rnd(r, 6) - 1;
		return n;
	}
	return NULL;
}

static unsigned long random_cmd(struct rng *r, int tty)
{
	switch (tty ? 0 : rnd(r, 6)) {
	case 1:	/* anything in the 't' space, any size and direction */
		return _IOC(rnd(r, 4), 't', rnd(r, 256), rnd(r, 64));
	case 2: {
		unsigned long c = rnd32(r);

		/* FIONBIO would make a slot blocking */
		return c == FIONBIO ? 0 : c;
	}
	default:
		if (rnd(r, 10) == 0)	/* a PPPIOC number, wrong size */
			return _IOC(_IOC_DIR(ppp_ioctls[0]), 't',
				    rnd(r, 40) + 52, rnd(r, 32));
		return ppp_ioctls[rnd(r, N_PPP_IOCTLS)];
	}
}

static void op_ioctl(struct rng *r, struct slot *s)
{
	int tty = s->kind == S_MASTER || s->kind == S_SLAVE;
	unsigned long cmd = random_cmd(r, tty);
	union {
		int i;
		unsigned char b[256];
		long l[32];
	} buf;
	unsigned char aux[8 * 5000];
	void *arg;
	long ret;

	fill(r, &buf, sizeof(buf));
	if (rnd(r, 2))
		buf.i = pick_int(r);
	arg = struct_arg(r, cmd, &buf, aux, rnd(r, 2) ? 64 : sizeof(aux));
	if (!arg)
		arg = &buf;
	switch (rnd(r, 8)) {
	case 0:
		arg = bad_ptr(r);
		break;
	case 1:	/* an integer where a pointer belongs */
		arg = int_ptr(r);
		break;
	}
	if (cmd == PPPIOCGUNIT || cmd == PPPIOCGCHAN || cmd == PPPIOCNEWUNIT)
		buf.i = rnd(r, 2) ? -1 : buf.i;
	ret = ioctl(s->fd, cmd, arg);
	count(tty ? K_TTY_IOCTL : K_IOCTL, ret);
	if (ret == 0 && arg == &buf && cmd == PPPIOCNEWUNIT)
		note(units, r, buf.i);
	if (ret == 0 && arg == &buf && cmd == PPPIOCGCHAN)
		note(chans, r, buf.i);
}

static void op_tty(struct rng *r, struct slot *s)
{
	int v;

	switch (rnd(r, 5)) {
	case 0:
		v = rnd(r, 3) ? N_PPP : 0;	/* N_TTY or N_PPP */
		count(K_TTY, ioctl(s->fd, TIOCSETD, &v));
		if (v == N_PPP && ioctl(s->fd, PPPIOCGCHAN, &v) == 0)
			note(chans, r, v);
		break;
	case 1:
		count(K_TTY, tcflush(s->fd, rnd(r, 3)));
		break;
	case 2:
		count(K_TTY, ioctl(s->fd, FIONREAD, &v));
		break;
	case 3:
		count(K_TTY, ioctl(s->fd, PPPIOCGUNIT, &v));
		break;
	default: {
		long ret = ioctl(s->fd, PPPIOCGCHAN, &v);

		count(K_TTY, ret);
		/* v is only the channel's index if the call succeeded */
		if (ret == 0)
			note(chans, r, v);
		break;
	}
	}
}

/* Frame-ish write contents: a known protocol, then random bytes. */
static size_t frame(struct rng *r, unsigned char *b, size_t max)
{
	static const uint16_t protos[] = {
		0xc021, 0x8021, 0x0021, 0x002d, 0x002f, 0x003d, 0x00fd,
		0x80fd, 0x00fb, 0x0057, 0xc023, 0xc223, 0x4021,
	};
	size_t n = rnd(r, 4) ? rnd(r, 64) : rnd(r, max);

	if (n > max)
		n = max;
	fill(r, b, n);
	if (n >= 2 && rnd(r, 4)) {
		uint16_t p = protos[rnd(r, sizeof(protos) / 2)];

		b[0] = p >> 8;
		b[1] = p;
		if (p == 0xc021 && n >= 6) {	/* LCP: sane or lying length */
			b[2] = 1 + rnd(r, 14);
			b[4] = 0;
			b[5] = rnd(r, 2) ? n - 2 : rnd32(r);
		}
	}
	return n;
}

/* Async bytes into a pty master: flags, escapes, frames with good FCS. */
static size_t line_bytes(struct rng *r, unsigned char *b, size_t max)
{
	size_t n = 0;

	while (n + 8 < max && rnd(r, 8)) {
		switch (rnd(r, 4)) {
		case 0:
			b[n++] = 0x7e;
			break;
		case 1:
			b[n++] = 0x7d;
			break;
		default:
			b[n++] = rnd32(r);
			break;
		}
	}
	if (rnd(r, 2)) {	/* one whole frame with a good FCS */
		unsigned char f[300];
		size_t len = frame(r, f, sizeof(f) - 2);
		uint16_t fcs = 0xffff;

		for (size_t i = 0; i < len; i++) {
			fcs ^= f[i];
			for (int k = 0; k < 8; k++)
				fcs = (fcs & 1) ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
		}
		fcs = ~fcs;
		f[len++] = fcs;
		f[len++] = fcs >> 8;
		b[n++] = 0x7e;
		for (size_t i = 0; i < len && n + 3 < max; i++) {
			if (f[i] < 0x20 || f[i] == 0x7d || f[i] == 0x7e) {
				b[n++] = 0x7d;
				b[n++] = f[i] ^ 0x20;
			} else {
				b[n++] = f[i];
			}
		}
		b[n++] = 0x7e;
	}
	return n;
}

static void op_rw(struct rng *r, struct slot *s)
{
	static __thread unsigned char buf[70000];
	size_t n;
	long ret;

	if (rnd(r, 2)) {
		n = rnd(r, 3) ? rnd(r, 2000) : rnd(r, sizeof(buf));
		ret = read(s->fd, rnd(r, 10) ? (void *)buf : bad_ptr(r), n);
		count(s->kind == S_PPP ? K_READ : K_TTY_READ, ret);
	} else {
		n = s->kind == S_MASTER && rnd(r, 2) ?
			line_bytes(r, buf, 4096) : frame(r, buf, 5000);
		ret = write(s->fd, rnd(r, 12) ? (void *)buf : bad_ptr(r), n);
		count(s->kind == S_PPP ? K_WRITE : K_TTY_WRITE, ret);
	}
}

static void op_poll(struct rng *r)
{
	struct pollfd p[4];
	struct slot *ss[4];

	for (int i = 0; i < 4; i++) {
		ss[i] = slot_get(r);
		p[i].fd = ss[i]->fd;
		p[i].events = POLLIN | POLLOUT | POLLPRI;
	}
	count(K_POLL, poll(p, 4, 0));
	for (int i = 0; i < 4; i++)
		slot_release(ss[i]);
}

struct nlreq {
	struct nlmsghdr nh;
	struct ifinfomsg ifi;
	char attrs[256];
};

static struct rtattr *put_attr(struct nlreq *q, unsigned short type,
			       const void *data, size_t len)
{
	struct rtattr *a = (void *)((char *)q + NLMSG_ALIGN(q->nh.nlmsg_len));

	a->rta_type = type;
	a->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(a), data, len);
	q->nh.nlmsg_len = NLMSG_ALIGN(q->nh.nlmsg_len) + RTA_ALIGN(a->rta_len);
	return a;
}

static void end_nest(struct nlreq *q, struct rtattr *a)
{
	a->rta_len = (char *)q + q->nh.nlmsg_len - (char *)a;
}

/* RTM_NEWLINK kind "ppp" on @fd, or RTM_DELLINK of a recent ppp%d. */
static void op_rtnl(struct rng *r, int fd)
{
	struct nlreq q;
	struct rtattr *li, *data;
	char name[IFNAMSIZ], buf[512];
	int nl, del = rnd(r, 3) == 0;

	memset(&q, 0, sizeof(q));
	q.nh.nlmsg_len = NLMSG_LENGTH(sizeof(q.ifi));
	q.nh.nlmsg_type = del ? RTM_DELLINK : RTM_NEWLINK;
	q.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK |
			   (del ? 0 : NLM_F_CREATE | NLM_F_EXCL);
	q.ifi.ifi_family = AF_UNSPEC;
	if (del || rnd(r, 2)) {
		snprintf(name, sizeof(name), "ppp%d", del ? units[rnd(r, 16)] :
			 (int)rnd(r, 64) + 1000);
		put_attr(&q, IFLA_IFNAME, name, strlen(name) + 1);
	}
	if (!del) {
		int v = rnd(r, 8) ? fd : pick_int(r);

		li = put_attr(&q, IFLA_LINKINFO, NULL, 0);
		put_attr(&q, IFLA_INFO_KIND, "ppp", 4);
		data = put_attr(&q, IFLA_INFO_DATA, NULL, 0);
		if (rnd(r, 8))
			put_attr(&q, IFLA_PPP_DEV_FD, &v,
				 rnd(r, 8) ? 4 : rnd(r, 4));
		end_nest(&q, data);
		end_nest(&q, li);
	}
	nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (nl < 0)
		return;
	if (send(nl, &q, q.nh.nlmsg_len, 0) > 0) {
		struct pollfd pfd = { .fd = nl, .events = POLLIN };

		if (poll(&pfd, 1, 1000) > 0) {
			ssize_t n = recv(nl, buf, sizeof(buf), MSG_DONTWAIT);
			struct nlmsgerr *e = NLMSG_DATA((struct nlmsghdr *)buf);

			count(del ? K_RTNL_DEL : K_RTNL_NEW, n > 0 && e->error == 0 ? 0 : -1);
		}
	}
	close(nl);
}

/* The netdev ioctls of ppp%d, through a socket. */
static void op_sioc(struct rng *r)
{
	static const unsigned long cmds[] = {
		SIOCGPPPSTATS, SIOCGPPPCSTATS, SIOCGPPPVER,
	};
	union {
		struct ppp_stats st;
		struct ppp_comp_stats cst;
		char ver[32];
	} out;
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (s < 0)
		return;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, IFNAMSIZ, "ppp%d", units[rnd(r, 16)]);
	ifr.ifr_data = rnd(r, 6) ? (void *)&out : bad_ptr(r);
	count(K_SIOC, ioctl(s, cmds[rnd(r, 3)], &ifr));
	close(s);
}

/* What each worker is doing (its draw of 0-99), -1 between calls. */
static atomic_int doing[32];

static void *worker(void *arg)
{
	struct rng r = { .s = (uintptr_t)arg * 0x9e3779b97f4a7c15ULL | 1 };
	int id = (int)(uintptr_t)arg >> 20;

	while (!atomic_load(&stop)) {
		unsigned int what = rnd(&r, 100);
		struct slot *s;

		atomic_store(&doing[id], what);

		if (what < 6) {
			op_open(&r);
		} else if (what < 9) {
			op_pty(&r);
		} else if (what < 13) {
			op_close(&r);
		} else if (what < 15) {
			op_poll(&r);
		} else if (what < 17) {
			op_sioc(&r);
		} else if (what == 17) {
			s = slot_get(&r);
			op_rtnl(&r, s->fd);
			slot_release(s);
		} else if (what == 18 && id == 0 && rnd(&r, 20) == 0) {
			/* leave our units and channels in a netns of their own */
			count(K_NETNS, unshare(CLONE_NEWNET));
		} else {
			s = slot_get(&r);
			if (s->fd < 0) {
				slot_release(s);
				atomic_store(&doing[id], -1);
				continue;
			}
			if (what < 35 && s->kind == S_PPP)
				op_attach(&r, s->fd);
			else if (what < 65 && s->kind == S_PPP)
				op_ioctl(&r, s);
			else if (what < 65)
				rnd(&r, 3) ? op_tty(&r, s) : op_ioctl(&r, s);
			else
				op_rw(&r, s);
			slot_release(s);
		}
		atomic_store(&doing[id], -1);
	}
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Prints /proc/self/task/@tid/@name, each line prefixed. */
static void show_task_file(const char *tid, const char *name)
{
	char path[64], line[256];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/task/%s/%s", tid, name);
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		printf("fuzz:   %s %s: %s%s", tid, name, line,
		       strchr(line, '\n') ? "" : "\n");
	fclose(f);
}

static void *watchdog(void *arg)
{
	double limit = *(double *)arg;
	struct dirent *d;
	DIR *dir;

	while (now() < limit)
		sleep(1);
	printf("fuzz: STUCK: threads did not finish; calls=%lu\n",
	       atomic_load(&calls));
	for (int i = 0; i < 32; i++)
		if (atomic_load(&doing[i]) >= 0)
			printf("fuzz: STUCK: worker %d in draw %d\n", i,
			       atomic_load(&doing[i]));
	/* where in the kernel each thread waits (root: kernel stacks) */
	dir = opendir("/proc/self/task");
	while (dir && (d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		show_task_file(d->d_name, "wchan");
		show_task_file(d->d_name, "stack");
	}
	if (dir)
		closedir(dir);
	fflush(stdout);
	_exit(3);
}

int main(int argc, char **argv)
{
	int secs = 15, nthr = 4, c;
	unsigned long seed = time(NULL) ^ getpid();
	pthread_t th[32], wd;
	double t0, limit;
	char *page;

	while ((c = getopt(argc, argv, "t:j:s:")) != -1) {
		switch (c) {
		case 't': secs = atoi(optarg); break;
		case 'j': nthr = atoi(optarg); break;
		case 's': seed = strtoul(optarg, NULL, 0); break;
		default:
			fprintf(stderr, "usage: %s [-t SECONDS] [-j THREADS] [-s SEED]\n",
				argv[0]);
			return 2;
		}
	}
	if (nthr < 1 || nthr > 32)
		nthr = 4;
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);
	page_size = sysconf(_SC_PAGESIZE);
	page = mmap(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 2;
	mprotect(page + page_size, page_size, PROT_NONE);
	guard_end = page + page_size - 8;
	for (int i = 0; i < NSLOTS; i++) {
		pthread_rwlock_init(&slots[i].lock, NULL);
		slots[i].fd = -1;
	}
	for (int i = 0; i < 16; i++)
		units[i] = chans[i] = i;
	for (int i = 0; i < 32; i++)
		atomic_store(&doing[i], -1);
	printf("fuzz: seed %lu, %d threads, %d s\n", seed, nthr, secs);
	t0 = now();
	for (int i = 0; i < nthr; i++)
		pthread_create(&th[i], NULL, worker,
			       (void *)(uintptr_t)(((seed + i * 7919) & 0xfffff) |
						   (uintptr_t)i << 20));
	while (now() < t0 + secs)
		usleep(200000);
	atomic_store(&stop, 1);
	limit = now() + 30;
	pthread_create(&wd, NULL, watchdog, &limit);
	for (int i = 0; i < nthr; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < NSLOTS; i++)
		slot_put(&slots[i], -1, S_FREE);
	for (int k = 0; k < K_NR; k++)
		printf("fuzz: kind=%s calls=%lu ok=%lu\n", kind_names[k],
		       atomic_load(&kind_calls[k]), atomic_load(&kind_ok[k]));
	printf("fuzz: calls=%lu ok=%lu opens=%lu units-created=%lu channels=%lu threads=%d seconds=%.1f own-pointers=%lu\n",
	       atomic_load(&calls), atomic_load(&ok_calls), atomic_load(&opens),
	       atomic_load(&new_units), atomic_load(&new_chans), nthr,
	       now() - t0, atomic_load(&own_ptrs));
	return 0;
}
