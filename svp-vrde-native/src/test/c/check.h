/* check.h: the test host's assertions. A failed CHECK prints file:line and the expression and
 * counts as a failure; the run exits 1 at the end if any failed. */
#ifndef SVP_TEST_CHECK_H
#define SVP_TEST_CHECK_H

#include <stdio.h>

extern int check_failures;

#define CHECK(cond, ...)                                                                 \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            check_failures++;                                                            \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);              \
            fprintf(stderr, __VA_ARGS__);                                                \
            fputc('\n', stderr);                                                         \
        }                                                                                \
    } while (0)

#define CHECK_EQ(a, b) CHECK((long long)(a) == (long long)(b), "%lld != %lld", (long long)(a), (long long)(b))

#endif
