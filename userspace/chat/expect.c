// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting for an expect string.
 *
 * Received bytes (parity stripped) go into a bounded buffer; after each
 * byte the REPORT strings, then the expect string, then the ABORT
 * strings are compared with the end of the buffer.  When the buffer
 * fills up only its tail is kept, long enough for the longest string
 * that can still match.  The verbose log shows the received text line
 * by line, as pppd's chat does.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "chat.h"

struct match_set aborts, reports;
const char *fail_reason;

static char report_buf[CHAT_REPORT_LEN];
static size_t report_len;
static int report_gathering;

static void report_start(const char *str)
{
	time_t now = time(NULL);
	struct tm *tm = localtime(&now);
	size_t n = strlen(str);

	report_len = tm ? strftime(report_buf, 20, "%b %d %H:%M:%S ", tm) : 0;
	if (report_len + n >= sizeof(report_buf))
		n = sizeof(report_buf) - 1 - report_len;
	memcpy(report_buf + report_len, str, n);
	report_len += n;
	report_buf[report_len] = '\0';
	report_gathering = 1;
}

static void report_print(void)
{
	report_gathering = 0;
	fprintf(cfg.report_fp, "chat:  %s\n", report_buf);
}

/* A byte after a REPORT match: collect up to the next control byte. */
static void report_add(int c)
{
	if (iscntrl(c)) {
		report_print();
		return;
	}
	if (report_len + 1 < sizeof(report_buf)) {
		report_buf[report_len++] = (char)c;
		report_buf[report_len] = '\0';
	}
}

static void report_scan(const char *buf, size_t n)
{
	int i;

	for (i = 0; i < reports.n; i++) {
		const char *r = reports.str[i];
		size_t rlen;

		if (reports.fired[i])
			continue;
		rlen = strlen(r);
		if (n >= rlen && memcmp(buf + n - rlen, r, rlen) == 0) {
			report_start(r);
			/* each REPORT string fires once */
			reports.fired[i] = 1;
			return;
		}
	}
}

/* At exit: finish a REPORT line, waiting up to a second per byte. */
void report_gather_tail(void)
{
	while (report_gathering && report_len + 1 < sizeof(report_buf)) {
		struct timespec dl;
		int c;

		deadline_set(&dl, 1);
		c = tty_getc(&dl);
		if (c == TTY_TIMEOUT && cfg.verbose)
			msgf("alarm");
		if (c < 0 || iscntrl(c))
			break;
		report_buf[report_len++] = (char)c;
		report_buf[report_len] = '\0';
	}
	if (report_gathering)
		report_print();
}

static void log_text(const char *buf, size_t from, size_t to)
{
	char shown[CHAT_STR_LEN];

	vis(shown, sizeof(shown), buf + from, to - from);
	msgf("%s", shown);
}

/* The buffer and how much of it has been logged (-v). */
struct rx {
	char buf[CHAT_STR_LEN];
	size_t n;
	size_t logged;
};

static void rx_add(struct rx *rx, int c)
{
	if (cfg.echo)
		echo_stderr(c);
	if (cfg.verbose && c == '\n') {
		if (rx->n == rx->logged)
			msgf("%s", "");
		else
			log_text(rx->buf, rx->logged, rx->n);
		rx->logged = rx->n + 1;
	}
	rx->buf[rx->n++] = (char)c;
	if (cfg.verbose && rx->n >= rx->logged + 80) {
		log_text(rx->buf, rx->logged, rx->n);
		rx->logged = rx->n;
	}
	if (cfg.Verbose)
		verbose_stderr(c);
}

static int rx_ends_with(const struct rx *rx, const char *s, size_t len)
{
	return rx->n >= len && memcmp(rx->buf + rx->n - len, s, len) == 0;
}

static void rx_flush_log(struct rx *rx, const char *what)
{
	if (!cfg.verbose)
		return;
	if (rx->n > rx->logged)
		log_text(rx->buf, rx->logged, rx->n);
	msgf("%s", what);
}

/* Keep the tail that may still be part of a match. */
static void rx_slide(struct rx *rx, size_t keep)
{
	size_t base;

	if (rx->n < sizeof(rx->buf))
		return;
	if (rx->logged < rx->n - keep) {
		if (cfg.verbose)
			log_text(rx->buf, rx->logged, rx->n);
		rx->logged = rx->n;
	}
	base = rx->n - keep;
	memmove(rx->buf, rx->buf + base, keep);
	rx->logged -= base;
	rx->n = keep;
}

static int abort_match(const struct rx *rx)
{
	int i;

	for (i = 0; i < aborts.n; i++)
		if (rx_ends_with(rx, aborts.str[i], strlen(aborts.str[i])))
			return i;
	return -1;
}

/**
 * expect_string() - wait for one expect string
 * @raw:       the string as written in the script
 * @env:       escape settings
 * @exit_code: set on failure: 3 timeout or end of file, 4+n ABORT n
 *
 * Return: 1 if the string was received, 0 if not.
 */
int expect_string(const char *raw, const struct esc_env *env, int *exit_code)
{
	static struct rx rx;
	struct chat_str want;
	struct timespec dl, *dlp = NULL;
	size_t keep;

	fail_reason = NULL;
	if (esc_clean(raw, 0, env, &want))
		fatal(CHAT_EXIT_ERROR, "memory error!");
	if (cfg.verbose) {
		char shown[CHAT_STR_LEN];

		vis(shown, sizeof(shown), want.s, want.len);
		msgf("expect (%s)", shown);
	}
	if (want.len > CHAT_STR_LEN) {
		msgf("expect string is too long");
		esc_free(&want);
		*exit_code = CHAT_EXIT_USAGE;
		return 0;
	}
	if (want.len == 0) {
		esc_free(&want);
		if (cfg.verbose)
			msgf("got it");
		return 1;
	}
	keep = (want.len > 50 ? want.len : 50) - 1;
	rx.n = 0;
	rx.logged = 0;
	if (cfg.timeout > 0) {
		deadline_set(&dl, cfg.timeout);
		dlp = &dl;
	}
	for (;;) {
		int c = tty_getc(dlp), ab;

		if (c == TTY_TIMEOUT && cfg.verbose)
			msgf("alarm");
		if (c < 0)
			break;
		rx_add(&rx, c);
		if (!report_gathering)
			report_scan(rx.buf, rx.n);
		else
			report_add(c);
		if (rx_ends_with(&rx, want.s, want.len)) {
			rx_flush_log(&rx, " -- got it\n");
			esc_free(&want);
			return 1;
		}
		ab = abort_match(&rx);
		if (ab >= 0) {
			rx_flush_log(&rx, " -- failed");
			*exit_code = CHAT_EXIT_ABORT + ab;
			fail_reason = aborts.str[ab];
			esc_free(&want);
			return 0;
		}
		rx_slide(&rx, keep);
	}
	esc_free(&want);
	*exit_code = CHAT_EXIT_TIMEOUT;
	return 0;
}
