// SPDX-License-Identifier: GPL-2.0
/*
 * Escape processing for expect and send strings.
 *
 * The rules follow what pppd's chat does (not only what its manual says):
 * "^C" is handled before backslashes, "$NAME" with -E, "\c" only drops
 * the trailing carriage return when it ends a send string, and send
 * strings keep an encoded form in which a backslash introduces an action
 * (\d \K \p) or an escaped byte, so that NUL and backslash survive.
 */
#include <stdlib.h>
#include <string.h>

#include "chat.h"

struct sbuf {
	char *p;
	size_t len, cap;
	int oom;
};

static void sb_put(struct sbuf *b, char c)
{
	if (b->oom)
		return;
	if (b->len + 2 > b->cap) {
		size_t ncap = b->cap ? b->cap * 2 : 64;
		char *np = realloc(b->p, ncap);

		if (!np) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = ncap;
	}
	b->p[b->len++] = c;
}

static void sb_puts(struct sbuf *b, const char *s)
{
	while (*s)
		sb_put(b, *s++);
}

static int is_octal(char c)
{
	return c >= '0' && c <= '7';
}

static int is_name_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '_';
}

/* "$NAME": append the variable's value (nothing if unset). */
static const char *esc_env_var(struct sbuf *b, const char *s)
{
	const char *start = s;
	char *name;
	const char *val;

	while (is_name_char(*s))
		s++;
	name = strndup(start, s - start);
	if (!name) {
		b->oom = 1;
		return s;
	}
	val = getenv(name);
	free(name);
	if (val)
		sb_puts(b, val);
	return s;
}

/* "\ddd": up to three octal digits, kept modulo 256. */
static const char *esc_octal(struct sbuf *b, const char *s, char first,
			     int sending)
{
	unsigned int v = first & 7;

	if (is_octal(*s)) {
		v = (v << 3) | (*s++ - '0');
		if (is_octal(*s))
			v = (v << 3) | (*s++ - '0');
	}
	v &= 0xff;
	if (v != 0 || sending) {
		if (sending && (v == '\\' || v == 0))
			sb_put(b, '\\');
		sb_put(b, (char)v);
	}
	return s;
}

static void esc_phone(struct sbuf *b, const char *num, char which,
		      int sending)
{
	if (sending && num) {
		sb_puts(b, num);
	} else {
		sb_put(b, '\\');
		sb_put(b, which);
	}
}

/* One backslash sequence; returns the input after it. */
static const char *esc_backslash(struct sbuf *b, const char *s, int sending,
				 const struct esc_env *env, int *add_return,
				 int *quiet)
{
	char c = *s++;

	switch (c) {
	case 'b':
		sb_put(b, '\b');
		break;
	case 'c':
		if (sending && *s == '\0')
			*add_return = 0;
		else
			sb_put(b, 'c');
		break;
	case '\\':
	case 'K':
	case 'p':
	case 'd':
		if (sending)
			sb_put(b, '\\');
		sb_put(b, c);
		break;
	case 'T':
		esc_phone(b, env->phone1, 'T', sending);
		break;
	case 'U':
		esc_phone(b, env->phone2, 'U', sending);
		break;
	case 'q':
		*quiet = 1;
		break;
	case 'r':
		sb_put(b, '\r');
		break;
	case 'n':
		sb_put(b, '\n');
		break;
	case 's':
		sb_put(b, ' ');
		break;
	case 't':
		sb_put(b, '\t');
		break;
	case 'N':
		if (sending) {
			sb_put(b, '\\');
			sb_put(b, '\0');
		} else {
			sb_put(b, 'N');
		}
		break;
	default:
		if (c == '$' && env->use_env) {
			sb_put(b, '$');
			break;
		}
		if (is_octal(c))
			return esc_octal(b, s, c, sending);
		if (sending)
			sb_put(b, '\\');
		sb_put(b, c);
		break;
	}
	return s;
}

/**
 * esc_clean() - process the escapes of one expect or send string
 * @in:      the raw string from the script
 * @sending: nonzero for a send string (adds "\r" unless "\c" ends it)
 * @env:     -E, -T and -U settings
 * @out:     result; free with esc_free()
 *
 * Return: 0, or -1 if memory ran out.
 */
int esc_clean(const char *in, int sending, const struct esc_env *env,
	      struct chat_str *out)
{
	struct sbuf b = { 0 };
	int add_return = sending, quiet = 0;
	const char *s = in;

	while (*s) {
		char c = *s++;

		if (c == '^') {
			c = *s++;
			if (c == '\0') {
				sb_put(&b, '^');
				break;
			}
			c &= 0x1f;
			if (c)
				sb_put(&b, c);
			continue;
		}
		if (c == '$' && env->use_env) {
			s = esc_env_var(&b, s);
			continue;
		}
		if (c != '\\') {
			sb_put(&b, c);
			continue;
		}
		if (*s == '\0') {
			/* a lone trailing backslash is sent as itself */
			if (sending) {
				sb_put(&b, '\\');
				sb_put(&b, '\\');
			}
			break;
		}
		s = esc_backslash(&b, s, sending, env, &add_return, &quiet);
	}
	if (add_return)
		sb_put(&b, '\r');
	sb_put(&b, '\0');
	if (b.oom) {
		free(b.p);
		return -1;
	}
	out->s = b.p;
	out->len = b.len - 1;
	out->quiet = quiet;
	return 0;
}

void esc_free(struct chat_str *cs)
{
	free(cs->s);
	cs->s = NULL;
	cs->len = 0;
}

/**
 * vis() - render bytes the way chat's log messages show them
 * @dst:  output buffer
 * @size: its size (output is always NUL-terminated if size > 0)
 * @src:  bytes to render
 * @n:    how many
 *
 * Control characters become "^X" (tab stays), DEL "^?", bytes with the
 * top bit set get an "M-" prefix.
 *
 * Return: the length of the rendered string.
 */
size_t vis(char *dst, size_t size, const char *src, size_t n)
{
	size_t o = 0;
	size_t i;

	if (size == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];
		char tmp[4];
		size_t k = 0, j;

		if (c >= 0x80) {
			tmp[k++] = 'M';
			tmp[k++] = '-';
			c -= 0x80;
		}
		if ((c < 0x20 && c != '\t') || c == 0x7f) {
			tmp[k++] = '^';
			tmp[k++] = (char)(c ^ 0x40);
		} else {
			tmp[k++] = (char)c;
		}
		for (j = 0; j < k && o + 1 < size; j++)
			dst[o++] = tmp[j];
	}
	dst[o] = '\0';
	return o;
}
