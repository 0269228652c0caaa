/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host test programs share: CHECK() counts a passed or failed
 * check and prints each failure with where it was and the current test's
 * name (set cur_test as each test starts); main() ends with
 * "N passed, M failed" from the two counters.
 */
#ifndef PPP_HOST_CHECK_H
#define PPP_HOST_CHECK_H

#include <stdio.h>

static unsigned int passed, failed;
static const char *cur_test;

#define CHECK(cond, ...)						\
	do {								\
		if (cond) {						\
			passed++;					\
		} else {						\
			failed++;					\
			printf("FAIL %s:%d [%s] %s: ", __FILE__, __LINE__, \
			       cur_test, #cond);			\
			printf(__VA_ARGS__);				\
			printf("\n");					\
		}							\
	} while (0)

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#endif /* PPP_HOST_CHECK_H */
