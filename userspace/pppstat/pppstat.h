/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pppstat: why a PPP link loses frames, from the counters the kernel
 * modules keep.
 *
 *   unit.c   the counters of a ppp unit (ethtool -S, over SIOCETHTOOL)
 *   chan.c   the per-channel table, /proc/net/ppp_channels
 *   main.c   options, sampling, printing
 */
#ifndef PPPSTAT_H
#define PPPSTAT_H

#include <stdint.h>
#include <stddef.h>

#define PPPSTAT_NAME_LEN	32	/* ETH_GSTRING_LEN */
#define PPPSTAT_DEV_LEN		64

/* Named counters: a unit's, or one channel's. */
struct counters {
	size_t n;
	char (*names)[PPPSTAT_NAME_LEN];
	uint64_t *values;
};

struct unit {
	char ifname[32];
	char line[PPPSTAT_DEV_LEN];	/* ethtool -i bus-info: the tty */
	struct counters c;
};

struct chan {
	int index;
	int unit;
	char dev[PPPSTAT_DEV_LEN];
	char state[16];
	struct counters c;
};

/* unit.c */
int unit_is_ppp(int fd, const char *ifname, char *line, size_t linelen);
int unit_read(int fd, const char *ifname, struct unit *u);
int units_list(int fd, char (**names)[32], size_t *n);

/* chan.c */
int chans_read(const char *path, struct chan **chans, size_t *n);
void chans_free(struct chan *chans, size_t n);

void counters_free(struct counters *c);
uint64_t counters_get(const struct counters *c, const char *name, int *found);

#endif /* PPPSTAT_H */
