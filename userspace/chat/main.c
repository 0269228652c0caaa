// SPDX-License-Identifier: GPL-2.0
/*
 * chat - automated conversation with a modem, run by pppd as its connect
 * script with the line on stdin and stdout.
 *
 * Start-up order: options, the whole script parsed (errors exit before
 * anything is sent), the lock file, signals and the terminal, then the
 * script runs.  Every way out goes through chat_exit().
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chat.h"

struct chat_cfg cfg = {
	.to_syslog = 1,
	.timeout = CHAT_DEFAULT_TIMEOUT,
};

static const char *progname = "chat";
static struct script script;

static void usage(void) __attribute__((noreturn));

static void usage(void)
{
	fprintf(stderr,
		"Usage: %s [-e] [-E] [-v] [-V] [-t timeout] [-r report-file]\n"
		"     [-T phone-number] [-U phone-number2] [-l lock-file]\n"
		"     {-f chat-file | chat-script}\n", progname);
	exit(CHAT_EXIT_USAGE);
}

static int parse_timeout(const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno || v < 0 || v > INT_MAX) {
		fprintf(stderr, "%s: invalid timeout '%s'\n", progname, arg);
		usage();
	}
	return (int)v;
}

/* Like pppd's chat, open the report file right away, in append mode. */
static void open_report(const char *path)
{
	if (cfg.report_fp)
		fclose(cfg.report_fp);
	cfg.report_file = path;
	cfg.report_fp = fopen(path, "a");
	if (cfg.report_fp && cfg.verbose)
		fprintf(cfg.report_fp, "Opening \"%s\"...\n", path);
}

static const char *parse_options(int argc, char **argv)
{
	const char *chat_file = NULL;
	int c;

	opterr = 0;
	while ((c = getopt(argc, argv, "+:eEvVsSf:l:t:r:T:U:")) != -1) {
		switch (c) {
		case 'e':
			cfg.echo = 1;
			break;
		case 'E':
			cfg.use_env = 1;
			break;
		case 'v':
			cfg.verbose = 1;
			break;
		case 'V':
			cfg.Verbose = 1;
			break;
		case 's':
			cfg.to_stderr = 1;
			break;
		case 'S':
			cfg.to_syslog = 0;
			break;
		case 'f':
			chat_file = optarg;
			break;
		case 'l':
			cfg.lock_file = optarg;
			break;
		case 't':
			cfg.timeout = parse_timeout(optarg);
			break;
		case 'r':
			open_report(optarg);
			break;
		case 'T':
			cfg.phone1 = optarg;
			break;
		case 'U':
			cfg.phone2 = optarg;
			break;
		default:
			usage();
		}
	}
	if (chat_file && optind < argc)
		usage();
	return chat_file;
}

/* Read a whole -f file (a FIFO works too) into memory. */
static char *slurp(const char *path, size_t *lenp)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	int fd;

	if (!buf)
		fatal(CHAT_EXIT_ERROR, "memory error!");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(buf);
		fatal(CHAT_EXIT_USAGE, "%s -- open failed: %m", path);
	}
	for (;;) {
		ssize_t r;

		if (len == cap) {
			char *nb = realloc(buf, cap * 2);

			if (!nb)
				fatal(CHAT_EXIT_ERROR, "memory error!");
			buf = nb;
			cap *= 2;
		}
		r = read(fd, buf + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			fatal(CHAT_EXIT_USAGE, "%s -- read error: %m", path);
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	*lenp = len;
	return buf;
}

static void load_script(const char *chat_file, int argc, char **argv)
{
	struct esc_env env = {
		.use_env = cfg.use_env,
		.phone1 = cfg.phone1,
		.phone2 = cfg.phone2,
	};
	char err[CHAT_STR_LEN];
	int rc;

	if (chat_file) {
		size_t len;
		char *buf = slurp(chat_file, &len);

		script.name = chat_file;
		rc = script_parse_mem(&script, buf, len, &env, err,
				      sizeof(err));
		free(buf);
	} else {
		rc = script_parse_args(&script, argv, argc, &env, err,
				       sizeof(err));
	}
	if (rc)
		fatal(rc, "%s", err);
}

/**
 * chat_exit() - the only way out
 * @code: exit status
 *
 * Ends the -e echo line, finishes a pending REPORT line, closes the
 * report file, restores the terminal and, on failure, removes the lock
 * file.  A failure while doing this exits at once (as pppd's chat does).
 */
void chat_exit(int code)
{
	static int terminating;

	if (terminating) {
		if (code)
			lock_release();
		exit(code);
	}
	terminating = 1;
	echo_stderr(-1);
	report_gather_tail();
	if (cfg.report_file && cfg.report_fp) {
		if (cfg.verbose)
			fprintf(cfg.report_fp, "Closing \"%s\".\n",
				cfg.report_file);
		fclose(cfg.report_fp);
		cfg.report_fp = NULL;
	}
	if (tty_restore() < 0)
		fatal(CHAT_EXIT_ERROR, "Can't restore terminal parameters: %m");
	if (code)
		lock_release();
	script_free(&script);
	exit(code);
}

int main(int argc, char **argv)
{
	const char *chat_file;

	if (argv[0] && argv[0][0])
		progname = argv[0];
	tzset();
	chat_file = parse_options(argc, argv);
	if (!cfg.report_fp)
		cfg.report_fp = stderr;
	log_open();
	load_script(chat_file, argc - optind, argv + optind);
	sig_init();
	if (cfg.lock_file)
		lock_acquire(cfg.lock_file);
	tty_setup();
	run_script(&script);
	chat_exit(CHAT_EXIT_OK);
}
