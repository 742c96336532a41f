/* tests.h: the native test cases, run in order by vrde_test_host.c. */
#ifndef SVP_TESTS_H
#define SVP_TESTS_H

#include "consumer.h"

void test_load_starts_nothing(const char *module_dir);
void test_extpack_main(const char *module_dir);
void test_dirty_region(void);
void test_versions(void);
void test_create_failure(void);
void test_screen_records(void);
void test_pointers(void);
void test_query_info(void);
void test_control_messages(void);
void test_overflow(void);
void test_latency(void);
void test_java_launch(const char *fake_java);

/* Creates a v4 server and connects a consumer that said HELLO. Returns 0 or -1. */
int start_session(struct consumer *c, const char *ring_bytes);
void end_session(struct consumer *c);
void sleep_ms(int ms);
int64_t mono_ms(void);
int64_t mono_us(void);

#endif
