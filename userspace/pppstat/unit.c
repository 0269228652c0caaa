// SPDX-License-Identifier: GPL-2.0
/*
 * A ppp unit's counters, as ethtool -S reads them: the ethtool ioctl
 * (SIOCETHTOOL) on any socket, ETHTOOL_GSSET_INFO for the count,
 * ETHTOOL_GSTRINGS for the names, ETHTOOL_GSTATS for the values.  A ppp
 * unit is an interface whose driver (ETHTOOL_GDRVINFO) is ppp_generic.
 */
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include "pppstat.h"

static int ethtool(int fd, const char *ifname, void *cmd)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	ifr.ifr_data = cmd;
	return ioctl(fd, SIOCETHTOOL, &ifr);
}

/* 1 if @ifname is a unit of ppp_generic (ours), 0 if not, -1 on error. */
int unit_is_ppp(int fd, const char *ifname, char *line, size_t linelen)
{
	struct ethtool_drvinfo info = { .cmd = ETHTOOL_GDRVINFO };

	if (ethtool(fd, ifname, &info) < 0)
		return errno == EOPNOTSUPP ? 0 : -1;
	if (strcmp(info.driver, "ppp_generic"))
		return 0;
	if (line) {
		strncpy(line, info.bus_info, linelen - 1);
		line[linelen - 1] = '\0';
	}
	return 1;
}

static int stats_count(int fd, const char *ifname, size_t *n)
{
	struct {
		struct ethtool_sset_info hdr;
		uint32_t data;
	} sset = { .hdr = { .cmd = ETHTOOL_GSSET_INFO,
			    .sset_mask = 1ULL << ETH_SS_STATS } };

	if (ethtool(fd, ifname, &sset) < 0)
		return -1;
	*n = sset.hdr.sset_mask ? sset.data : 0;
	return 0;
}

static int stats_read(int fd, const char *ifname, struct counters *c)
{
	struct ethtool_gstrings *gs;
	struct ethtool_stats *st;
	int rc = -1;

	gs = calloc(1, sizeof(*gs) + c->n * ETH_GSTRING_LEN);
	st = calloc(1, sizeof(*st) + c->n * sizeof(uint64_t));
	if (!gs || !st)
		goto out;
	gs->cmd = ETHTOOL_GSTRINGS;
	gs->string_set = ETH_SS_STATS;
	gs->len = c->n;
	st->cmd = ETHTOOL_GSTATS;
	st->n_stats = c->n;
	if (ethtool(fd, ifname, gs) < 0 || ethtool(fd, ifname, st) < 0)
		goto out;
	for (size_t i = 0; i < c->n; i++) {
		memcpy(c->names[i], gs->data + i * ETH_GSTRING_LEN,
		       PPPSTAT_NAME_LEN);
		c->names[i][PPPSTAT_NAME_LEN - 1] = '\0';
		c->values[i] = st->data[i];
	}
	rc = 0;
out:
	free(gs);
	free(st);
	return rc;
}

/* The counters of unit @ifname into @u; 0, or -1 with errno set. */
int unit_read(int fd, const char *ifname, struct unit *u)
{
	memset(u, 0, sizeof(*u));
	strncpy(u->ifname, ifname, sizeof(u->ifname) - 1);
	if (unit_is_ppp(fd, ifname, u->line, sizeof(u->line)) != 1) {
		errno = ENODEV;
		return -1;
	}
	if (stats_count(fd, ifname, &u->c.n) < 0)
		return -1;
	u->c.names = calloc(u->c.n ? u->c.n : 1, sizeof(*u->c.names));
	u->c.values = calloc(u->c.n ? u->c.n : 1, sizeof(*u->c.values));
	if (!u->c.names || !u->c.values)
		return -1;
	return stats_read(fd, ifname, &u->c);
}

/* Every ppp unit in this network namespace, by name. */
int units_list(int fd, char (**names)[32], size_t *n)
{
	struct if_nameindex *ifs = if_nameindex(), *p;
	size_t k = 0, cap = 0;

	*names = NULL;
	*n = 0;
	if (!ifs)
		return -1;
	for (p = ifs; p->if_index; p++)
		cap++;
	*names = calloc(cap ? cap : 1, sizeof(**names));
	if (!*names) {
		if_freenameindex(ifs);
		return -1;
	}
	for (p = ifs; p->if_index; p++) {
		if (unit_is_ppp(fd, p->if_name, NULL, 0) != 1)
			continue;
		strncpy((*names)[k], p->if_name, 31);
		k++;
	}
	if_freenameindex(ifs);
	*n = k;
	return 0;
}

void counters_free(struct counters *c)
{
	free(c->names);
	free(c->values);
	memset(c, 0, sizeof(*c));
}

uint64_t counters_get(const struct counters *c, const char *name, int *found)
{
	for (size_t i = 0; i < c->n; i++) {
		if (!strcmp(c->names[i], name)) {
			if (found)
				*found = 1;
			return c->values[i];
		}
	}
	if (found)
		*found = 0;
	return 0;
}
