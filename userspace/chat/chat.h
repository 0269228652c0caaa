/* SPDX-License-Identifier: GPL-2.0 */
/*
 * chat - talk a modem into a connection (drop-in for pppd's chat(8)).
 *
 * The program runs in two phases.  First the whole script (command-line
 * arguments or a -f file) is parsed into a list of steps; every syntax
 * error is reported with its file and line before a single byte reaches
 * the modem.  Then the steps run against the line on stdin/stdout.
 *
 * What each file offers:
 *   main.c    options, the order of start-up, chat_exit()
 *   script.c  tokenising a script into steps (no I/O on the line)
 *   escape.c  escape processing of expect/send strings (pure)
 *   run.c     executing steps: keywords, sub-expects, send strings
 *   expect.c  waiting for a string: suffix match on a bounded buffer,
 *             ABORT and REPORT strings
 *   tty.c     the line: termios, poll() with monotonic deadlines,
 *             paced writes, breaks, signals
 *   lock.c    the -l UUCP (HDB) lock file
 *   log.c     syslog/stderr messages, "visible" rendering, -e/-V echo
 */
#ifndef CHAT_H
#define CHAT_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#define CHAT_STR_LEN		1024	/* script line / expect limit */
#define CHAT_MAX_ABORTS		50
#define CHAT_MAX_REPORTS	50
#define CHAT_MATCH_MAX		49	/* longest ABORT/REPORT string */
#define CHAT_DEFAULT_TIMEOUT	45
#define CHAT_REPORT_LEN		256

/* Exit codes, as pppd's chat uses them. */
enum {
	CHAT_EXIT_OK = 0,
	CHAT_EXIT_USAGE = 1,	/* bad args, bad script, send failed */
	CHAT_EXIT_ERROR = 2,	/* I/O error, signal, limits */
	CHAT_EXIT_TIMEOUT = 3,	/* expect timed out (or EOF on the line) */
	CHAT_EXIT_ABORT = 4,	/* + index of the ABORT string */
};

/* Run-time configuration, set by main.c from the options. */
struct chat_cfg {
	int echo;		/* -e, ECHO ON|OFF */
	int use_env;		/* -E */
	int verbose;		/* -v */
	int Verbose;		/* -V */
	int to_stderr;		/* -s */
	int to_syslog;		/* cleared by -S */
	int timeout;		/* -t, TIMEOUT; 0 = none */
	const char *phone1;	/* -T */
	const char *phone2;	/* -U */
	const char *lock_file;	/* -l */
	const char *report_file; /* -r */
	FILE *report_fp;	/* -r file, or stderr */
};

extern struct chat_cfg cfg;

/* escape.c */
struct esc_env {
	int use_env;
	const char *phone1;
	const char *phone2;
};

/*
 * Result of escape processing.  For send strings the bytes are in the
 * encoded form put_string() understands: a backslash introduces one of
 * \\ \d \K \p or an escaped literal byte (possibly NUL).  For expect
 * strings they are plain bytes.
 */
struct chat_str {
	char *s;		/* NUL-terminated, may hold embedded NULs */
	size_t len;
	int quiet;		/* \q seen */
};

int esc_clean(const char *in, int sending, const struct esc_env *env,
	      struct chat_str *out);
void esc_free(struct chat_str *cs);

/* script.c */
enum step_kind {
	STEP_EXPECT,		/* alt[0] expect, alt[1] sub-send, ... */
	STEP_SEND,
	STEP_ABORT,
	STEP_CLR_ABORT,
	STEP_REPORT,
	STEP_CLR_REPORT,
	STEP_TIMEOUT,
	STEP_ECHO,
	STEP_SAY,
	STEP_HANGUP,
};

struct step {
	enum step_kind kind;
	int line;		/* line in -f file, or argument number */
	char *text;		/* the raw token */
	char **alt;		/* STEP_EXPECT: raw alternatives */
	size_t nalt;
	int value;		/* STEP_TIMEOUT: seconds */
};

struct script {
	struct step *steps;
	size_t n, cap;
	const char *name;	/* file name, or NULL for arguments */
};

int script_parse_mem(struct script *sc, const char *buf, size_t len,
		     const struct esc_env *env, char *err, size_t errlen);
int script_parse_args(struct script *sc, char **argv, int argc,
		      const struct esc_env *env, char *err, size_t errlen);
void script_free(struct script *sc);

/* run.c */
void run_script(const struct script *sc);

/* expect.c */
struct match_set {
	char *str[CHAT_MAX_ABORTS];
	unsigned char fired[CHAT_MAX_ABORTS];	/* REPORT seen already */
	int n;
};

extern struct match_set aborts, reports;
extern const char *fail_reason;

int expect_string(const char *raw, const struct esc_env *env,
		  int *exit_code);
void report_gather_tail(void);

/* tty.c */
#define TTY_EOF		(-1)
#define TTY_TIMEOUT	(-2)

void sig_init(void);
void sig_hangup(int on);
void sig_unblock(void);
void sig_block(void);
void sig_check(void);
void tty_setup(void);
int tty_restore(void);
void deadline_set(struct timespec *dl, int seconds);
int deadline_passed(const struct timespec *dl);
int tty_getc(const struct timespec *dl);
int tty_sleep(long ms, const struct timespec *dl);
int tty_putc(int c, const struct timespec *dl);
void tty_break(void);

/* lock.c */
void lock_acquire(const char *path);
void lock_release(void);

/* log.c */
void log_open(void);
void msgf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fatal(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));
size_t vis(char *dst, size_t size, const char *src, size_t n);
void echo_stderr(int c);
void verbose_stderr(int c);

/* main.c */
void chat_exit(int code) __attribute__((noreturn));

#endif /* CHAT_H */
