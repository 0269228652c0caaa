/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pppt_bench.h: what the programs the bench VM runs share - the exit on a
 * failed call, the clocks they time with, /proc/meminfo's figures and
 * perf record's control fifos:
 * tests/bench/pppbench.c and tests/progs/pppoe_many.c (the pppoe-many
 * item).  Header-only, static inline, as pppt.h.
 *
 * Times are guest nanoseconds: under the bench VM's icount (shift=0) one
 * guest nanosecond is one guest instruction.
 */
#ifndef PPPT_BENCH_H
#define PPPT_BENCH_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* perror(@what), then exit status 2: the program could not run. */
static inline void die(const char *what)
{
	perror(what);
	exit(2);
}

static inline uint64_t now_ns(void)
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
static inline uint64_t cpu_ns(void)
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

/* /proc/meminfo's line @key ("Slab", "Percpu"), in kB; -1 without it. */
static inline long meminfo_kb(const char *key)
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

/* perf record's --control fifos: [0] control, [1] ack; -1 when unused. */
static inline int *perf_fifos(void)
{
	static int fd[2] = { -1, -1 };

	return fd;
}

/* Open perf's control and ack fifos, @arg "CTL,ACK". */
static inline void perf_open(char *arg)
{
	char *ack = strchr(arg, ',');
	int *fd = perf_fifos();

	if (!ack) {
		fprintf(stderr, "perf control wants CTL,ACK\n");
		exit(2);
	}
	*ack++ = 0;
	fd[0] = open(arg, O_WRONLY | O_CLOEXEC);
	fd[1] = open(ack, O_RDONLY | O_CLOEXEC);
	if (fd[0] < 0 || fd[1] < 0)
		die("perf control fifos");
}

/* Send perf @cmd ("enable\n", "disable\n") and wait for its ack;
 * nothing unless perf_open() was called. */
static inline void perf_cmd(const char *cmd)
{
	int *fd = perf_fifos();
	char ack[16];

	if (fd[0] < 0)
		return;
	if (write(fd[0], cmd, strlen(cmd)) < 0 ||
	    read(fd[1], ack, sizeof(ack)) <= 0)
		die("perf control");
}

#endif /* PPPT_BENCH_H */
