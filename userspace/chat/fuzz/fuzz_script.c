// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the script parser and the escape processor.
 *
 * The first byte picks the settings (-E, -T/-U given or not); the rest
 * is parsed as a -f script file, and every token of the parsed script
 * is run through escape processing in both expect and send mode.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chat.h"

struct chat_cfg cfg;

static void check_str(const char *s, int sending, const struct esc_env *env)
{
	struct chat_str cs;
	char shown[64];

	if (esc_clean(s, sending, env, &cs))
		return;
	if (cs.s[cs.len] != '\0')
		abort();
	vis(shown, sizeof(shown), cs.s, cs.len);
	esc_free(&cs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct esc_env env = { 0 };
	struct script sc = { .name = "fuzz" };
	char err[256];
	size_t i, j;

	if (size < 1)
		return 0;
	env.use_env = data[0] & 1;
	env.phone1 = (data[0] & 2) ? "5551212" : NULL;
	env.phone2 = (data[0] & 4) ? "\\d0\\" : NULL;
	script_parse_mem(&sc, (const char *)data + 1, size - 1, &env, err,
			 sizeof(err));
	if (memchr(err, '\0', sizeof(err)) == NULL)
		abort();
	for (i = 0; i < sc.n; i++) {
		const struct step *st = &sc.steps[i];

		check_str(st->text, 0, &env);
		check_str(st->text, 1, &env);
		for (j = 0; j < st->nalt; j++)
			check_str(st->alt[j], j & 1, &env);
	}
	script_free(&sc);
	return 0;
}
