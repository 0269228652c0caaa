// SPDX-License-Identifier: GPL-2.0
/*
 * Script parsing: the whole script becomes a list of steps before the
 * line is touched, so that a syntax error anywhere is reported (with its
 * file and line) before a single byte is sent to the modem.
 *
 * Tokens alternate between the expect slot and the send slot, across
 * lines.  A keyword is only recognised in the expect slot and takes the
 * following send-slot token as its argument.  File lines are read the
 * way pppd's chat reads them (at most 1023 bytes at a time, "#" in the
 * first column is a comment, quotes are ' or ", a backslash inside
 * quotes protects the next byte).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chat.h"

#define KW_NONE (-1)

static const struct {
	const char *word;
	enum step_kind kind;
} keywords[] = {
	{ "HANGUP", STEP_HANGUP },
	{ "ABORT", STEP_ABORT },
	{ "CLR_ABORT", STEP_CLR_ABORT },
	{ "REPORT", STEP_REPORT },
	{ "CLR_REPORT", STEP_CLR_REPORT },
	{ "TIMEOUT", STEP_TIMEOUT },
	{ "ECHO", STEP_ECHO },
	{ "SAY", STEP_SAY },
};

/* Parse state, including a dry run of the ABORT/REPORT tables. */
struct parser {
	struct script *sc;
	const struct esc_env *env;
	char *err;
	size_t errlen;
	int line;
	int send_slot;
	int pending;		/* keyword waiting for its argument */
	struct match_set ab, rep;
};

static int perr(struct parser *p, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int perr(struct parser *p, int code, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (p->sc->name)
		n = snprintf(p->err, p->errlen, "%s:%d: ", p->sc->name,
			     p->line);
	else
		n = snprintf(p->err, p->errlen, "argument %d: ", p->line);
	if (n < 0 || (size_t)n >= p->errlen)
		return code;
	va_start(ap, fmt);
	vsnprintf(p->err + n, p->errlen - n, fmt, ap);
	va_end(ap);
	return code;
}

static struct step *step_new(struct parser *p, enum step_kind kind,
			     const char *tok)
{
	struct script *sc = p->sc;
	struct step *st;

	if (sc->n == sc->cap) {
		size_t ncap = sc->cap ? sc->cap * 2 : 16;
		struct step *ns = realloc(sc->steps, ncap * sizeof(*ns));

		if (!ns)
			return NULL;
		sc->steps = ns;
		sc->cap = ncap;
	}
	st = &sc->steps[sc->n];
	memset(st, 0, sizeof(*st));
	st->kind = kind;
	st->line = p->line;
	st->text = strdup(tok);
	if (!st->text)
		return NULL;
	sc->n++;
	return st;
}

/* Split "exp-send-exp..." on dashes not protected by a backslash. */
static int split_alternatives(struct step *st)
{
	char *s = st->text;
	size_t n = 1, i = 0;
	char *p;

	for (p = s; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '-')
			n++;
	}
	st->alt = calloc(n, sizeof(char *));
	if (!st->alt)
		return -1;
	st->alt[i++] = s;
	for (p = s; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '-') {
			*p = '\0';
			st->alt[i++] = p + 1;
		}
	}
	/*
	 * An empty last piece is no alternative at all: "abc-" is "abc",
	 * and an empty token ('') expects nothing.
	 */
	if (st->alt[i - 1][0] == '\0')
		i--;
	st->nalt = i;
	return 0;
}

static int check_expect(struct parser *p, struct step *st)
{
	size_t i;

	for (i = 0; i < st->nalt; i += 2) {
		struct chat_str cs;
		size_t len;

		if (esc_clean(st->alt[i], 0, p->env, &cs))
			return perr(p, CHAT_EXIT_ERROR, "memory error!");
		len = cs.len;
		esc_free(&cs);
		if (len > CHAT_STR_LEN)
			return perr(p, CHAT_EXIT_USAGE,
				    "expect string is too long");
	}
	return 0;
}

static void set_remove(struct match_set *set, const char *s)
{
	int i, j = 0;

	for (i = 0; i < set->n; i++) {
		if (strcmp(set->str[i], s) == 0)
			free(set->str[i]);
		else
			set->str[j++] = set->str[i];
	}
	set->n = j;
}

/* ABORT, CLR_ABORT, REPORT, CLR_REPORT: length and table limits. */
static int check_match_arg(struct parser *p, struct step *st)
{
	static const char *const what[] = {
		[STEP_ABORT] = "ABORT", [STEP_CLR_ABORT] = "CLR_ABORT",
		[STEP_REPORT] = "REPORT", [STEP_CLR_REPORT] = "REPORT",
	};
	int is_abort = st->kind == STEP_ABORT || st->kind == STEP_CLR_ABORT;
	struct match_set *set = is_abort ? &p->ab : &p->rep;
	int adding = st->kind == STEP_ABORT || st->kind == STEP_REPORT;
	struct chat_str cs;

	if (adding && set->n >= CHAT_MAX_ABORTS)
		return perr(p, CHAT_EXIT_ERROR, "Too many %s strings",
			    is_abort ? "ABORT" : "REPORT");
	if (esc_clean(st->text, 0, p->env, &cs))
		return perr(p, CHAT_EXIT_ERROR, "memory error!");
	if (cs.len > strlen(st->text) || cs.len > CHAT_MATCH_MAX) {
		char shown[CHAT_STR_LEN];

		esc_free(&cs);
		vis(shown, sizeof(shown), st->text, strlen(st->text));
		return perr(p, CHAT_EXIT_USAGE,
			    "Illegal or too-long %s string ('%s')",
			    what[st->kind], shown);
	}
	if (adding) {
		set->str[set->n++] = cs.s;
	} else {
		set_remove(set, cs.s);
		esc_free(&cs);
	}
	return 0;
}

/* TIMEOUT n: strict decimal; zero or negative means the default. */
static int check_timeout(struct parser *p, struct step *st)
{
	struct chat_str cs;
	char *end;
	long v;

	if (esc_clean(st->text, 0, p->env, &cs))
		return perr(p, CHAT_EXIT_ERROR, "memory error!");
	errno = 0;
	v = strtol(cs.s, &end, 10);
	if (cs.len == 0 || *end != '\0' || errno || v > 86400 * 365) {
		char shown[CHAT_STR_LEN];

		vis(shown, sizeof(shown), cs.s, cs.len);
		esc_free(&cs);
		return perr(p, CHAT_EXIT_USAGE, "invalid TIMEOUT value '%s'",
			    shown);
	}
	esc_free(&cs);
	st->value = v <= 0 ? CHAT_DEFAULT_TIMEOUT : (int)v;
	return 0;
}

static int add_token(struct parser *p, const char *tok)
{
	struct step *st;
	int send_slot = p->send_slot;

	p->send_slot = !send_slot;
	if (!send_slot) {
		size_t i;

		for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
			if (strcmp(tok, keywords[i].word) == 0) {
				p->pending = keywords[i].kind;
				return 0;
			}
		}
		st = step_new(p, STEP_EXPECT, tok);
		if (!st || split_alternatives(st))
			return perr(p, CHAT_EXIT_ERROR, "memory error!");
		return check_expect(p, st);
	}
	if (p->pending == KW_NONE) {
		st = step_new(p, STEP_SEND, tok);
		return st ? 0 : perr(p, CHAT_EXIT_ERROR, "memory error!");
	}
	st = step_new(p, (enum step_kind)p->pending, tok);
	p->pending = KW_NONE;
	if (!st)
		return perr(p, CHAT_EXIT_ERROR, "memory error!");
	switch (st->kind) {
	case STEP_ABORT:
	case STEP_CLR_ABORT:
	case STEP_REPORT:
	case STEP_CLR_REPORT:
		return check_match_arg(p, st);
	case STEP_TIMEOUT:
		return check_timeout(p, st);
	default:
		return 0;
	}
}

/* Tokenise one line (already NUL-terminated, newline removed). */
static int parse_line(struct parser *p, char *sp)
{
	int rc;

	if (*sp == '#')
		return 0;
	while (*sp) {
		char *arg;

		if (*sp == ' ' || *sp == '\t') {
			sp++;
			continue;
		}
		if (*sp == '"' || *sp == '\'') {
			char quote = *sp++;

			arg = sp;
			while (*sp != quote) {
				if (*sp == '\0')
					return perr(p, CHAT_EXIT_USAGE,
						    "unterminated quote");
				if (*sp++ == '\\' && *sp)
					sp++;
			}
		} else {
			arg = sp;
			while (*sp && *sp != ' ' && *sp != '\t')
				sp++;
		}
		if (*sp)
			*sp++ = '\0';
		rc = add_token(p, arg);
		if (rc)
			return rc;
	}
	return 0;
}

static void parser_init(struct parser *p, struct script *sc,
			const struct esc_env *env, char *err, size_t errlen)
{
	memset(p, 0, sizeof(*p));
	p->sc = sc;
	p->env = env;
	p->err = err;
	p->errlen = errlen;
	p->pending = KW_NONE;
	if (errlen)
		err[0] = '\0';
}

static void parser_done(struct parser *p)
{
	int i;

	for (i = 0; i < p->ab.n; i++)
		free(p->ab.str[i]);
	for (i = 0; i < p->rep.n; i++)
		free(p->rep.str[i]);
}

/**
 * script_parse_mem() - parse a script file's contents
 * @sc:     script to fill; sc->name names the file in errors
 * @buf:    file contents (may contain NUL bytes)
 * @len:    their length
 * @env:    escape settings (for length checks)
 * @err:    receives "file:line: message" on error
 * @errlen: size of @err
 *
 * Return: 0, or the exit code chat should fail with.
 */
int script_parse_mem(struct script *sc, const char *buf, size_t len,
		     const struct esc_env *env, char *err, size_t errlen)
{
	struct parser p;
	char line[CHAT_STR_LEN];
	size_t pos = 0;
	int rc = 0;

	parser_init(&p, sc, env, err, errlen);
	while (pos < len && rc == 0) {
		size_t max = len - pos < CHAT_STR_LEN - 1 ?
			     len - pos : CHAT_STR_LEN - 1;
		const char *nl = memchr(buf + pos, '\n', max);
		size_t n = nl ? (size_t)(nl - (buf + pos)) + 1 : max;
		char *cut;

		memcpy(line, buf + pos, n);
		line[n] = '\0';
		pos += n;
		cut = strchr(line, '\n');
		if (cut)
			*cut = '\0';
		p.line++;
		rc = parse_line(&p, line);
	}
	parser_done(&p);
	return rc;
}

/**
 * script_parse_args() - parse a script given as command-line arguments
 * @sc:     script to fill
 * @argv:   the script's arguments
 * @argc:   how many
 * @env:    escape settings
 * @err:    receives "argument N: message" on error
 * @errlen: size of @err
 *
 * Return: 0, or the exit code chat should fail with.
 */
int script_parse_args(struct script *sc, char **argv, int argc,
		      const struct esc_env *env, char *err, size_t errlen)
{
	struct parser p;
	int i, rc = 0;

	parser_init(&p, sc, env, err, errlen);
	sc->name = NULL;
	for (i = 0; i < argc && rc == 0; i++) {
		p.line = i + 1;
		rc = add_token(&p, argv[i]);
	}
	parser_done(&p);
	return rc;
}

void script_free(struct script *sc)
{
	size_t i;

	for (i = 0; i < sc->n; i++) {
		free(sc->steps[i].text);
		free(sc->steps[i].alt);
	}
	free(sc->steps);
	sc->steps = NULL;
	sc->n = sc->cap = 0;
}
