// SPDX-License-Identifier: GPL-2.0
/*
 * Executing a parsed script: keywords, expect steps with their
 * sub-expect/sub-send alternatives, and send strings.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chat.h"

static struct esc_env run_env;

static void clean_or_die(const char *raw, int sending, struct chat_str *cs)
{
	if (esc_clean(raw, sending, &run_env, cs))
		fatal(CHAT_EXIT_ERROR, "memory error!");
}

static const char *shown(const char *s)
{
	static char buf[CHAT_STR_LEN];

	vis(buf, sizeof(buf), s, strlen(s));
	return buf;
}

static void note_alarm(int *alarmed)
{
	*alarmed = 1;
	if (cfg.verbose)
		msgf("alarm");
}

/* One byte, paced at 10 ms like pppd's chat. Return: 1 ok, 0 failed. */
static int write_char(int c, const struct timespec *dl, int *alarmed)
{
	int r;

	if (*alarmed) {
		if (cfg.verbose)
			msgf(" -- write timed out");
		return 0;
	}
	if (!tty_sleep(10, dl))
		note_alarm(alarmed);
	r = tty_putc(c, *alarmed ? NULL : dl);
	if (r == TTY_TIMEOUT) {
		note_alarm(alarmed);
		if (cfg.verbose)
			msgf(" -- write timed out");
		return 0;
	}
	if (r < 0) {
		if (cfg.verbose)
			msgf(" -- write failed: %m");
		return 0;
	}
	return 1;
}

/*
 * Send one string.  The whole string must be written within the current
 * timeout (pppd's chat arms its alarm per send string too), so "\d"
 * delays count against it.
 */
static int put_string(const char *raw)
{
	struct chat_str cs;
	struct timespec dl, *dlp = NULL;
	int alarmed = 0, ok = 1;
	size_t i = 0;

	clean_or_die(raw, 1, &cs);
	if (cfg.verbose) {
		if (cs.quiet)
			msgf("send (?????\?)");
		else
			msgf("send (%s)", shown(cs.s));
	}
	if (cfg.timeout > 0) {
		deadline_set(&dl, cfg.timeout);
		dlp = &dl;
	}
	while (ok && i < cs.len && cs.s[i]) {
		char c = cs.s[i++];

		if (c != '\\') {
			ok = write_char(c, dlp, &alarmed);
			continue;
		}
		c = i < cs.len ? cs.s[i++] : '\0';
		switch (c) {
		case 'd':
			if (!tty_sleep(1000, alarmed ? NULL : dlp))
				note_alarm(&alarmed);
			break;
		case 'K':
			tty_break();
			break;
		case 'p':
			if (!tty_sleep(10, alarmed ? NULL : dlp))
				note_alarm(&alarmed);
			break;
		default:
			ok = write_char(c, dlp, &alarmed);
			break;
		}
	}
	esc_free(&cs);
	return ok;
}

/* "@file": the send string comes from a file (or FIFO), one trailing
 * newline removed.  Signals are let through while we block on it.
 */
static char *read_at_file(const char *fn)
{
	char *data = malloc(CHAT_STR_LEN);
	size_t n = 0;
	int fd;

	if (!data)
		fatal(CHAT_EXIT_ERROR, "memory error!");
	for (;;) {
		sig_unblock();
		fd = open(fn, O_RDONLY | O_CLOEXEC);
		sig_block();
		if (fd >= 0 || errno != EINTR)
			break;
		sig_check();
	}
	sig_unblock();
	if (fd < 0) {
		sig_block();
		sig_check();
		free(data);
		fatal(CHAT_EXIT_USAGE, "%s -- open failed: %m", fn);
	}
	while (n < CHAT_STR_LEN - 1) {
		ssize_t r = read(fd, data + n, CHAT_STR_LEN - 1 - n);

		if (r < 0 && errno == EINTR) {
			sig_block();
			sig_check();
			sig_unblock();
			continue;
		}
		if (r < 0) {
			sig_block();
			close(fd);
			free(data);
			fatal(CHAT_EXIT_USAGE, "%s -- read error", fn);
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	sig_block();
	close(fd);
	sig_check();
	if (n > 0 && data[n - 1] == '\n')
		n--;
	data[n] = '\0';
	return data;
}

static void do_send(const char *s)
{
	char *file_data = NULL;

	if (s[0] == '@') {
		const char *fn = s + 1;

		while (*fn == ' ' || *fn == '\t')
			fn++;
		if (*fn) {
			file_data = read_at_file(fn);
			s = file_data;
		}
	}
	if (strcmp(s, "EOT") == 0)
		s = "^D\\c";
	else if (strcmp(s, "BREAK") == 0)
		s = "\\K\\c";
	if (!put_string(s)) {
		free(file_data);
		fatal(CHAT_EXIT_USAGE, "Failed");
	}
	free(file_data);
}

/* Try each sub-expect in turn; a sub-send only follows a timeout. */
static void do_expect(const struct step *st)
{
	size_t i = 0;
	int code = 0;

	while (i < st->nalt) {
		const char *want = st->alt[i];
		const char *reply = i + 1 < st->nalt ? st->alt[i + 1] : NULL;

		i += 2;
		if (expect_string(want, &run_env, &code))
			return;
		if (!reply || code != CHAT_EXIT_TIMEOUT)
			goto failed;
		do_send(reply);
	}
	return;
failed:
	if (fail_reason)
		msgf("Failed (%s)", fail_reason);
	else
		msgf("Failed");
	chat_exit(code);
}

static void do_say(const char *raw)
{
	struct chat_str cs;
	size_t n, off = 0;

	clean_or_die(raw, 1, &cs);
	n = strlen(cs.s);
	while (off < n) {
		ssize_t w = write(STDERR_FILENO, cs.s + off, n - off);

		if (w <= 0)
			break;
		off += (size_t)w;
	}
	esc_free(&cs);
}

static void do_add(struct match_set *set, const struct step *st,
		   const char *what, const char *logfmt)
{
	struct chat_str cs;

	if (set->n >= CHAT_MAX_ABORTS)
		fatal(CHAT_EXIT_ERROR, "Too many %s strings", what);
	clean_or_die(st->text, 0, &cs);
	if (cs.len > strlen(st->text) || cs.len > CHAT_MATCH_MAX) {
		esc_free(&cs);
		fatal(CHAT_EXIT_USAGE, "Illegal or too-long %s string ('%s')",
		      what, shown(st->text));
	}
	set->fired[set->n] = 0;
	set->str[set->n++] = cs.s;
	if (cfg.verbose)
		msgf(logfmt, shown(st->text));
}

/*
 * CLR_ABORT / CLR_REPORT: drop every equal string, keeping the order.
 * A REPORT string that has already fired stays (and keeps its slot), as
 * in pppd's chat, which crashes on such a slot where we skip it.
 */
static void do_clear(struct match_set *set, const struct step *st,
		     const char *logfmt)
{
	struct chat_str cs;
	int i, j = 0;

	clean_or_die(st->text, 0, &cs);
	for (i = 0; i < set->n; i++) {
		if (!set->fired[i] && strcmp(set->str[i], cs.s) == 0) {
			free(set->str[i]);
			if (cfg.verbose)
				msgf(logfmt, shown(st->text));
			continue;
		}
		set->fired[j] = set->fired[i];
		set->str[j++] = set->str[i];
	}
	set->n = j;
	esc_free(&cs);
}

static void run_step(const struct step *st)
{
	switch (st->kind) {
	case STEP_EXPECT:
		do_expect(st);
		break;
	case STEP_SEND:
		do_send(st->text);
		break;
	case STEP_ABORT:
		do_add(&aborts, st, "ABORT", "abort on (%s)");
		break;
	case STEP_CLR_ABORT:
		do_clear(&aborts, st, "clear abort on (%s)");
		break;
	case STEP_REPORT:
		do_add(&reports, st, "REPORT", "report (%s)");
		break;
	case STEP_CLR_REPORT:
		do_clear(&reports, st, "clear report (%s)");
		break;
	case STEP_TIMEOUT:
		cfg.timeout = st->value;
		if (cfg.verbose)
			msgf("timeout set to %d seconds", cfg.timeout);
		break;
	case STEP_ECHO:
		cfg.echo = strcmp(st->text, "ON") == 0;
		break;
	case STEP_SAY:
		do_say(st->text);
		break;
	case STEP_HANGUP:
		sig_hangup(strcmp(st->text, "OFF") != 0);
		break;
	}
}

void run_script(const struct script *sc)
{
	size_t i;

	run_env.use_env = cfg.use_env;
	run_env.phone1 = cfg.phone1;
	run_env.phone2 = cfg.phone2;
	for (i = 0; i < sc->n; i++)
		run_step(&sc->steps[i]);
}
