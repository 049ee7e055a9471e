/* testlib.c — counters and reporting for the unit tests. */
#include "testlib.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int t_passed, t_failed;
const char *t_current = "";
static char *tmpdir;

void t_report(bool ok, const char *file, int line, const char *expr, const char *detail)
{
    if (ok) {
        t_passed++;
        return;
    }
    t_failed++;
    fprintf(stderr, "FALLA %s:%d [%s]: %s%s%s\n", file, line, t_current, expr,
            detail ? " — " : "", detail ? detail : "");
}

static void rm_tmpdir(void)
{
    if (tmpdir && !getenv("POA_KEEP_TMP")) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "no se pudo borrar %s\n", tmpdir);
    }
}

char *t_tmp(const char *name)
{
    if (!tmpdir) {
        char tmpl[] = "/tmp/poa-test-XXXXXX";
        char *d = mkdtemp(tmpl);
        if (!d) {
            perror("mkdtemp");
            exit(2);
        }
        tmpdir = strdup(d);
        atexit(rm_tmpdir);
    }
    size_t n = strlen(tmpdir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", tmpdir, name);
    return p;
}

char *t_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

int t_finish(void)
{
    printf("%d passed, %d failed\n", t_passed, t_failed);
    return t_failed ? 1 : 0;
}

__attribute__((constructor)) static void t_init(void) { setlocale(LC_ALL, "C.UTF-8"); }
