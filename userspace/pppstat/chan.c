// SPDX-License-Identifier: GPL-2.0
/*
 * The per-channel table of ppp_generic, /proc/net/ppp_channels: a header
 * line "index unit device state NAME...", then one row per channel with
 * as many numbers as there are names.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pppstat.h"

#define MAX_COLS	64

/* Split @line at blanks into at most @max words; returns how many. */
static size_t split(char *line, char **words, size_t max)
{
	size_t n = 0;
	char *save, *w;

	for (w = strtok_r(line, " \t\n", &save); w && n < max;
	     w = strtok_r(NULL, " \t\n", &save))
		words[n++] = w;
	return n;
}

static int parse_int(const char *s, int *v)
{
	char *end;
	long l;

	errno = 0;
	l = strtol(s, &end, 10);
	if (errno || *end || end == s || l < -1 || l > 0x7fffffff)
		return -1;
	*v = (int)l;
	return 0;
}

static int parse_u64(const char *s, uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno || *end || end == s || *s == '-' ? -1 : 0;
}

static int parse_row(char **w, size_t nw, char **names, size_t nnames,
		     struct chan *ch)
{
	if (nw != 4 + nnames || parse_int(w[0], &ch->index) ||
	    parse_int(w[1], &ch->unit))
		return -1;
	snprintf(ch->dev, sizeof(ch->dev), "%s", w[2]);
	snprintf(ch->state, sizeof(ch->state), "%s", w[3]);
	ch->c.n = nnames;
	ch->c.names = calloc(nnames ? nnames : 1, sizeof(*ch->c.names));
	ch->c.values = calloc(nnames ? nnames : 1, sizeof(*ch->c.values));
	if (!ch->c.names || !ch->c.values)
		return -1;
	for (size_t i = 0; i < nnames; i++) {
		snprintf(ch->c.names[i], PPPSTAT_NAME_LEN, "%s", names[i]);
		if (parse_u64(w[4 + i], &ch->c.values[i]))
			return -1;
	}
	return 0;
}

/*
 * Reads the table at @path.  Returns 0 (and *n == 0 with no channels),
 * -1 with errno set when the file cannot be read, -2 when it is not in
 * the expected form.
 */
int chans_read(const char *path, struct chan **chans, size_t *n)
{
	char header[4096], line[4096], *names[MAX_COLS], *w[MAX_COLS + 4];
	size_t nnames, nw, cap = 0;
	FILE *f = fopen(path, "r");
	int rc = 0;

	*chans = NULL;
	*n = 0;
	if (!f)
		return -1;
	if (!fgets(header, sizeof(header), f)) {
		fclose(f);
		return -2;
	}
	nw = split(header, w, MAX_COLS + 4);
	if (nw < 4 || strcmp(w[0], "index") || strcmp(w[3], "state")) {
		fclose(f);
		return -2;
	}
	nnames = nw - 4;
	memcpy(names, w + 4, nnames * sizeof(*names));
	while (fgets(line, sizeof(line), f)) {
		struct chan *ch;

		if (*n == cap) {
			struct chan *more;

			cap = cap ? 2 * cap : 8;
			more = realloc(*chans, cap * sizeof(**chans));
			if (!more) {
				rc = -1;
				break;
			}
			*chans = more;
		}
		ch = &(*chans)[*n];
		memset(ch, 0, sizeof(*ch));
		nw = split(line, w, MAX_COLS + 4);
		(*n)++;
		if (parse_row(w, nw, names, nnames, ch)) {
			rc = -2;
			break;
		}
	}
	fclose(f);
	if (rc) {
		chans_free(*chans, *n);
		*chans = NULL;
		*n = 0;
	}
	return rc;
}

void chans_free(struct chan *chans, size_t n)
{
	for (size_t i = 0; i < n; i++)
		counters_free(&chans[i].c);
	free(chans);
}
