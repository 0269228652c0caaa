// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_stats: print the counters of a PPP interface as key=value lines,
 * for scenarios that compare them before and after some traffic.
 *
 *   ppp_stats IFNAME          every counter, one "key=value" per line
 *   ppp_stats IFNAME KEY...   just the values of KEYs, one per line
 *
 * Keys, from SIOCGPPPSTATS (struct ppp_stats):
 *   ipackets ibytes ierrors opackets obytes oerrors
 *   vj_packets vj_compressed vj_searches vj_misses
 *   vj_uncompressedin vj_compressedin vj_errorin vj_tossed
 * and from SIOCGPPPCSTATS (struct ppp_comp_stats; c_ = compressor,
 * d_ = decompressor):
 *   c_unc_bytes c_unc_packets c_comp_bytes c_comp_packets
 *   c_inc_bytes c_inc_packets c_in_count c_bytes_out
 *   (and the same with d_; the struct's ratio is never filled in)
 * plus "version" (SIOCGPPPVER).
 *
 * Exit status: 0, 1 on a bad key or usage, 2 if an ioctl failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/if_ppp.h>
#include <linux/ppp_defs.h>

#define MAX_KEYS 40

struct kv {
	const char *key;
	unsigned long long val;
};

static struct kv kvs[MAX_KEYS];
static int nkv;

static void add(const char *key, unsigned long long val)
{
	if (nkv < MAX_KEYS)
		kvs[nkv++] = (struct kv){ key, val };
}

static void add_comp(int dec, const struct compstat *c)
{
	static const char *const names[2][8] = {
		{ "c_unc_bytes", "c_unc_packets", "c_comp_bytes",
		  "c_comp_packets", "c_inc_bytes", "c_inc_packets",
		  "c_in_count", "c_bytes_out" },
		{ "d_unc_bytes", "d_unc_packets", "d_comp_bytes",
		  "d_comp_packets", "d_inc_bytes", "d_inc_packets",
		  "d_in_count", "d_bytes_out" },
	};
	const char *const *n = names[dec];

	add(n[0], c->unc_bytes);
	add(n[1], c->unc_packets);
	add(n[2], c->comp_bytes);
	add(n[3], c->comp_packets);
	add(n[4], c->inc_bytes);
	add(n[5], c->inc_packets);
	add(n[6], c->in_count);
	add(n[7], c->bytes_out);
}

int main(int argc, char **argv)
{
	struct ppp_stats st;
	struct ppp_comp_stats cst;
	char version[32] = "";
	struct ifreq ifr;
	int s, i, k;

	if (argc < 2 || strlen(argv[1]) >= IFNAMSIZ) {
		fprintf(stderr, "usage: ppp_stats IFNAME [KEY...]\n");
		return 1;
	}
	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0) {
		perror("socket");
		return 2;
	}

	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, argv[1]);
	memset(&st, 0, sizeof(st));
	ifr.ifr_data = (void *)&st;
	if (ioctl(s, SIOCGPPPSTATS, &ifr) < 0) {
		fprintf(stderr, "ppp_stats: SIOCGPPPSTATS %s: %s\n", argv[1],
			strerror(errno));
		return 2;
	}
	memset(&cst, 0, sizeof(cst));
	ifr.ifr_data = (void *)&cst;
	if (ioctl(s, SIOCGPPPCSTATS, &ifr) < 0) {
		fprintf(stderr, "ppp_stats: SIOCGPPPCSTATS %s: %s\n", argv[1],
			strerror(errno));
		return 2;
	}
	ifr.ifr_data = version;
	if (ioctl(s, SIOCGPPPVER, &ifr) < 0) {
		fprintf(stderr, "ppp_stats: SIOCGPPPVER %s: %s\n", argv[1],
			strerror(errno));
		return 2;
	}
	version[sizeof(version) - 1] = '\0';
	close(s);

	add("ipackets", st.p.ppp_ipackets);
	add("ibytes", st.p.ppp_ibytes);
	add("ierrors", st.p.ppp_ierrors);
	add("opackets", st.p.ppp_opackets);
	add("obytes", st.p.ppp_obytes);
	add("oerrors", st.p.ppp_oerrors);
	add("vj_packets", st.vj.vjs_packets);
	add("vj_compressed", st.vj.vjs_compressed);
	add("vj_searches", st.vj.vjs_searches);
	add("vj_misses", st.vj.vjs_misses);
	add("vj_uncompressedin", st.vj.vjs_uncompressedin);
	add("vj_compressedin", st.vj.vjs_compressedin);
	add("vj_errorin", st.vj.vjs_errorin);
	add("vj_tossed", st.vj.vjs_tossed);
	add_comp(0, &cst.c);
	add_comp(1, &cst.d);

	if (argc == 2) {
		for (i = 0; i < nkv; i++)
			printf("%s=%llu\n", kvs[i].key, kvs[i].val);
		printf("version=%s\n", version);
		return 0;
	}
	for (k = 2; k < argc; k++) {
		if (!strcmp(argv[k], "version")) {
			printf("%s\n", version);
			continue;
		}
		for (i = 0; i < nkv && strcmp(kvs[i].key, argv[k]); i++)
			;
		if (i == nkv) {
			fprintf(stderr, "ppp_stats: unknown key '%s'\n",
				argv[k]);
			return 1;
		}
		printf("%llu\n", kvs[i].val);
	}
	return 0;
}
