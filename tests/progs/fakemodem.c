// SPDX-License-Identifier: GPL-2.0
/*
 * fakemodem: a Hayes-style modem on a tty, for dial-up tests.
 *
 *   fakemodem -l TTY [-m ok|busy|noanswer|nocarrier] [-- CMD ARGS...]
 *
 * Answers "AT..." command lines (ended by CR) with OK.  A dial command
 * (ATD...) is answered according to the mode: "CONNECT 115200", after
 * which CMD runs with the tty as its stdin and stdout (typically the
 * answering pppd), or BUSY, NO CARRIER, or nothing at all.  Every line
 * received and sent is logged to stderr, which makes the dialogue
 * readable in the demo.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr,
		"usage: fakemodem -l TTY [-m ok|busy|noanswer|nocarrier] [-- CMD...]\n");
	exit(1);
}

static void say(int fd, const char *s)
{
	char buf[128];
	int n = snprintf(buf, sizeof(buf), "\r\n%s\r\n", s);

	fprintf(stderr, "modem: -> %s\n", s);
	if (write(fd, buf, n) != n)
		perror("fakemodem: write");
}

/* Read one CR-terminated line (without CR); returns -1 at EOF. */
static int read_line(int fd, char *line, size_t size)
{
	size_t len = 0;
	char c;

	for (;;) {
		ssize_t n = read(fd, &c, 1);

		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			return -1;
		}
		if (c == '\r') {
			line[len] = '\0';
			return len;
		}
		if (c == '\n' || len + 1 >= size)
			continue;
		line[len++] = c;
	}
}

int main(int argc, char **argv)
{
	const char *tty = NULL, *mode = "ok";
	char line[256];
	struct termios tio;
	int fd, opt;

	while ((opt = getopt(argc, argv, "l:m:")) != -1) {
		switch (opt) {
		case 'l':
			tty = optarg;
			break;
		case 'm':
			mode = optarg;
			break;
		default:
			usage();
		}
	}
	if (!tty)
		usage();
	fd = open(tty, O_RDWR | O_NOCTTY);
	if (fd < 0) {
		perror(tty);
		return 2;
	}
	if (tcgetattr(fd, &tio) == 0) {
		cfmakeraw(&tio);
		tcsetattr(fd, TCSANOW, &tio);
	}

	while (read_line(fd, line, sizeof(line)) >= 0) {
		if (!line[0])
			continue;
		fprintf(stderr, "modem: <- %s\n", line);
		if (strncasecmp(line, "AT", 2))
			continue;
		if (!strchr(line + 2, 'D') && !strchr(line + 2, 'd')) {
			say(fd, "OK");
			continue;
		}
		if (!strcmp(mode, "busy")) {
			say(fd, "BUSY");
		} else if (!strcmp(mode, "nocarrier")) {
			say(fd, "NO CARRIER");
		} else if (!strcmp(mode, "noanswer")) {
			fprintf(stderr, "modem: (no answer)\n");
		} else {
			say(fd, "CONNECT 115200");
			if (optind < argc) {
				dup2(fd, 0);
				dup2(fd, 1);
				close(fd);
				execvp(argv[optind], argv + optind);
				perror(argv[optind]);
				return 2;
			}
		}
	}
	return 0;
}
