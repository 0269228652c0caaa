// SPDX-License-Identifier: GPL-2.0
/*
 * pppstat - why a PPP link loses frames
 *
 * Prints the per-cause counters of each ppp unit (what ethtool -S shows:
 * ppp_generic's drops by cause and the framing counters of the unit's
 * channels) and of each channel (/proc/net/ppp_channels); with -i, every
 * N seconds, what changed since the last sample.  See pppstat.8.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "pppstat.h"

#define CHANNELS_PATH	"/proc/net/ppp_channels"

struct opts {
	int all;		/* -a: counters at zero too */
	int units;		/* show units */
	int chans;		/* show channels */
	const char *path;	/* -f */
	long interval;		/* -i, seconds; 0: once */
	long count;		/* -n; 0: forever */
	char **ifnames;		/* operands */
	int nifnames;
};

struct snapshot {
	struct unit *units;
	size_t nunits;
	struct chan *chans;
	size_t nchans;
	int have_chans;		/* the channel table could be read */
};

static volatile sig_atomic_t stop;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: pppstat [-a] [-u | -c] [-f FILE] [-i SECONDS [-n COUNT]] [INTERFACE...]\n"
		"  -a          show counters at zero too\n"
		"  -u          units only          -c  channels only\n"
		"  -f FILE     channel table from FILE (default " CHANNELS_PATH ")\n"
		"  -i SECONDS  sample every SECONDS and show what changed\n"
		"  -n COUNT    stop after COUNT samples (with -i)\n");
}

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* A whole number in [min, max], or exit 1 naming the bad value. */
static long number(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < min || v > max) {
		fprintf(stderr, "pppstat: %s: bad value '%s' (%ld to %ld)\n",
			opt, s, min, max);
		exit(1);
	}
	return v;
}

static void parse_opts(int argc, char **argv, struct opts *o)
{
	int c;

	memset(o, 0, sizeof(*o));
	o->units = o->chans = 1;
	o->path = CHANNELS_PATH;
	while ((c = getopt(argc, argv, "acf:hi:n:u")) != -1) {
		switch (c) {
		case 'a': o->all = 1; break;
		case 'c': o->units = 0; o->chans = 1; break;
		case 'u': o->chans = 0; o->units = 1; break;
		case 'f': o->path = optarg; break;
		case 'i': o->interval = number("-i", optarg, 1, 86400); break;
		case 'n': o->count = number("-n", optarg, 1, 1000000000); break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); exit(1);
		}
	}
	if (o->count && !o->interval) {
		fprintf(stderr, "pppstat: -n needs -i\n");
		exit(1);
	}
	o->ifnames = argv + optind;
	o->nifnames = argc - optind;
}

static void snapshot_free(struct snapshot *s)
{
	for (size_t i = 0; i < s->nunits; i++)
		counters_free(&s->units[i].c);
	free(s->units);
	chans_free(s->chans, s->nchans);
	memset(s, 0, sizeof(*s));
}

static int want_unit(const struct opts *o, const char *ifname)
{
	if (!o->nifnames)
		return 1;
	for (int i = 0; i < o->nifnames; i++)
		if (!strcmp(o->ifnames[i], ifname))
			return 1;
	return 0;
}

static int take_units(int fd, const struct opts *o, struct snapshot *s)
{
	char (*names)[32];
	size_t n;

	if (units_list(fd, &names, &n) < 0)
		return -1;
	s->units = calloc(n ? n : 1, sizeof(*s->units));
	if (!s->units) {
		free(names);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (!want_unit(o, names[i]))
			continue;
		if (unit_read(fd, names[i], &s->units[s->nunits]) == 0)
			s->nunits++;
		else
			counters_free(&s->units[s->nunits].c);
	}
	free(names);
	return 0;
}

/* Keep the channels of the units asked for (all with no operands). */
static void filter_chans(const struct opts *o, struct snapshot *s)
{
	size_t k = 0;

	if (!o->nifnames)
		return;
	for (size_t i = 0; i < s->nchans; i++) {
		char name[32];

		snprintf(name, sizeof(name), "ppp%d", s->chans[i].unit);
		if (s->chans[i].unit >= 0 && want_unit(o, name))
			s->chans[k++] = s->chans[i];
		else
			counters_free(&s->chans[i].c);
	}
	s->nchans = k;
}

static int take_snapshot(int fd, const struct opts *o, struct snapshot *s)
{
	int rc;

	memset(s, 0, sizeof(*s));
	if (o->units && take_units(fd, o, s) < 0) {
		snapshot_free(s);
		return -1;
	}
	if (!o->chans)
		return 0;
	rc = chans_read(o->path, &s->chans, &s->nchans);
	if (rc == -2) {
		fprintf(stderr, "pppstat: %s: not a ppp channel table\n",
			o->path);
		snapshot_free(s);
		return -2;
	}
	s->have_chans = rc == 0;
	filter_chans(o, s);
	return 0;
}

/* One counter line; with @prev, only changes, with their delta. */
static int show_counters(const struct counters *c, const struct counters *prev,
			 int all)
{
	int shown = 0;

	for (size_t i = 0; i < c->n; i++) {
		uint64_t v = c->values[i];
		int found = 0;

		if (prev) {
			uint64_t old = counters_get(prev, c->names[i], &found);

			if (found && old == v)
				continue;
			printf("  %-28s %12llu  %+lld\n", c->names[i],
			       (unsigned long long)v,
			       (long long)(v - (found ? old : 0)));
			shown++;
			continue;
		}
		if (!v && !all)
			continue;
		printf("  %-28s %12llu\n", c->names[i], (unsigned long long)v);
		shown++;
	}
	return shown;
}

static const struct unit *find_unit(const struct snapshot *s, const char *name)
{
	for (size_t i = 0; s && i < s->nunits; i++)
		if (!strcmp(s->units[i].ifname, name))
			return &s->units[i];
	return NULL;
}

static const struct chan *find_chan(const struct snapshot *s, int index)
{
	for (size_t i = 0; s && i < s->nchans; i++)
		if (s->chans[i].index == index)
			return &s->chans[i];
	return NULL;
}

/* Print @cur; with @prev (a -i sample), only what changed. */
static void show(const struct opts *o, const struct snapshot *cur,
		 const struct snapshot *prev)
{
	for (size_t i = 0; i < cur->nunits; i++) {
		const struct unit *u = &cur->units[i], *p = NULL;

		if (prev)
			p = find_unit(prev, u->ifname);
		if (prev && p && !memcmp(u->c.values, p->c.values,
					 u->c.n * sizeof(*u->c.values)) &&
		    u->c.n == p->c.n)
			continue;
		printf("%s  line %s\n", u->ifname, *u->line ? u->line : "-");
		show_counters(&u->c, p ? &p->c : NULL, o->all);
	}
	for (size_t i = 0; i < cur->nchans; i++) {
		const struct chan *c = &cur->chans[i], *p = NULL;

		if (prev)
			p = find_chan(prev, c->index);
		if (prev && p && c->c.n == p->c.n &&
		    !memcmp(c->c.values, p->c.values,
			    c->c.n * sizeof(*c->c.values)))
			continue;
		printf("channel %d  unit %d  %s  %s\n", c->index, c->unit,
		       c->dev, c->state);
		show_counters(&c->c, p ? &p->c : NULL, o->all);
	}
}

static void stamp(void)
{
	char buf[32];
	time_t t = time(NULL);

	strftime(buf, sizeof(buf), "%H:%M:%S", localtime(&t));
	printf("--- %s\n", buf);
}

int main(int argc, char **argv)
{
	struct snapshot cur, prev;
	struct sigaction sa = { .sa_handler = on_signal };
	struct opts o;
	long n = 0;
	int fd, rc;

	parse_opts(argc, argv, &o);
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		perror("pppstat: socket");
		return 2;
	}
	rc = take_snapshot(fd, &o, &cur);
	if (rc < 0) {
		if (rc == -1)
			perror("pppstat");
		return 2;
	}
	if (!cur.nunits && !cur.have_chans) {
		fprintf(stderr, "pppstat: no ppp unit of ppp_generic here and no %s\n",
			o.path);
		snapshot_free(&cur);
		return 2;
	}
	show(&o, &cur, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	while (o.interval && !stop && (!o.count || ++n < o.count)) {
		fflush(stdout);
		sleep((unsigned int)o.interval);
		if (stop)
			break;
		prev = cur;
		rc = take_snapshot(fd, &o, &cur);
		if (rc < 0) {
			if (rc == -1)
				perror("pppstat");
			snapshot_free(&prev);
			return 2;
		}
		stamp();
		show(&o, &cur, &prev);
		snapshot_free(&prev);
	}
	snapshot_free(&cur);
	close(fd);
	return 0;
}
