// SPDX-License-Identifier: GPL-2.0
/*
 * Messages: syslog (facility LOCAL2, ident "chat") unless -S, stderr with
 * -s.  Like pppd's chat, informational messages are only logged to syslog
 * with -v, while stderr gets every message once -s is given.  A message
 * is at most 1023 bytes.  Also the -e and -V echo of received bytes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "chat.h"

#define LINE_MAX_LEN 1024

void log_open(void)
{
	if (!cfg.to_syslog)
		return;
	openlog("chat", LOG_PID | LOG_NDELAY, LOG_LOCAL2);
	setlogmask(LOG_UPTO(cfg.verbose ? LOG_INFO : LOG_WARNING));
}

static void vlog(int prio, const char *fmt, va_list ap)
{
	char line[LINE_MAX_LEN];

	vsnprintf(line, sizeof(line), fmt, ap);
	if (cfg.to_syslog)
		syslog(prio, "%s", line);
	if (cfg.to_stderr)
		fprintf(stderr, "%s\n", line);
}

void msgf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_INFO, fmt, ap);
	va_end(ap);
}

void fatal(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_ERR, fmt, ap);
	va_end(ap);
	chat_exit(code);
}

static void write_stderr(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDERR_FILENO, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* One received byte in the echo form: "^X" for every control byte. */
static size_t character(char *buf, int c)
{
	size_t n = 0;

	if (c & 0x80) {
		buf[n++] = 'M';
		buf[n++] = '-';
	}
	c &= 0x7f;
	if (c < 0x20 || c == 0x7f) {
		buf[n++] = '^';
		buf[n++] = (char)(c == 0x7f ? '?' : c + '@');
	} else {
		buf[n++] = (char)c;
	}
	buf[n] = '\0';
	return n;
}

/*
 * -e: echo a received byte to stderr in visible form, dropping "\r".
 * c < 0 ends the echo: a newline is added if a line was left open.
 */
void echo_stderr(int c)
{
	static int need_lf;
	char buf[8];

	if (c == '\r')
		return;
	if (c == '\n' || (c < 0 && need_lf)) {
		write_stderr("\n", 1);
		need_lf = 0;
		return;
	}
	if (c < 0)
		return;
	write_stderr(buf, character(buf, c));
	need_lf = 1;
}

/* -V: show received text on stderr. */
void verbose_stderr(int c)
{
	char buf[8];

	if (c == '\n') {
		fputc('\n', stderr);
	} else if (c != '\r') {
		character(buf, c);
		fputs(buf, stderr);
	}
}
