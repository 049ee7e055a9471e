/* testlib.h — a minimal test harness for the unit tests: CHECK macros that
 * count, report file:line and the values, and a closing line that CTest
 * and CI read ("N passed, N failed"). */
#ifndef POA_TESTLIB_H
#define POA_TESTLIB_H

#include <stdbool.h>
#include <string.h>

extern int t_passed, t_failed;
extern const char *t_current;

void t_report(bool ok, const char *file, int line, const char *expr, const char *detail);
int t_finish(void);   /* prints the closing line; returns the exit code */
/* A fresh path in a private temporary directory: t_tmp("x.db"). Caller frees. */
char *t_tmp(const char *name);
/* Whole-file comparison helpers. */
char *t_read_file(const char *path, size_t *len);

#define TEST(name) static void name(void)
#define RUN(name) do { t_current = #name; name(); } while (0)

#define CHECK(expr) t_report((expr), __FILE__, __LINE__, #expr, NULL)
#define CHECK_INT(a, b) do { long long _a = (long long)(a), _b = (long long)(b); \
    char _d[128]; snprintf(_d, sizeof _d, "%lld != %lld", _a, _b); \
    t_report(_a == _b, __FILE__, __LINE__, #a " == " #b, _d); } while (0)
#define CHECK_DBL(a, b, eps) do { double _a = (a), _b = (b); \
    char _d[128]; snprintf(_d, sizeof _d, "%.10g != %.10g", _a, _b); \
    t_report(fabs(_a - _b) <= (eps), __FILE__, __LINE__, #a " ≈ " #b, _d); } while (0)
#define CHECK_STR(a, b) do { const char *_a = (a), *_b = (b); \
    char _d[600]; snprintf(_d, sizeof _d, "«%.280s» != «%.280s»", _a ? _a : "(null)", _b ? _b : "(null)"); \
    t_report(_a && _b && strcmp(_a, _b) == 0, __FILE__, __LINE__, #a " == " #b, _d); } while (0)
#define CHECK_CONTAINS(hay, needle) do { const char *_h = (hay), *_n = (needle); \
    char _d[700]; snprintf(_d, sizeof _d, "«%.400s» does not contain «%.200s»", _h ? _h : "(null)", _n); \
    t_report(_h && strstr(_h, _n) != NULL, __FILE__, __LINE__, #hay " ∋ " #needle, _d); } while (0)

#endif
