/* proceso.c — running poa from outside: a child process timed from fork to
 * exit with its peak memory (wait4), the fixed environment, and samples. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rendimiento.h"

double ahora(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void morir(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("poa-rendimiento: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

char *fmt_nuevo(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        morir("sin memoria");
    va_end(ap);
    return s;
}

void muestras_add(Muestras *m, double x)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 16;
        m->v = realloc(m->v, sizeof *m->v * (size_t)m->cap);
        if (!m->v)
            morir("sin memoria");
    }
    m->v[m->n++] = x;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The sample at fraction q of the sorted samples (nearest rank). */
static double cuantil(const Muestras *m, double q)
{
    if (m->n == 0)
        return -1;
    double *c = malloc(sizeof *c * (size_t)m->n);
    if (!c)
        morir("sin memoria");
    memcpy(c, m->v, sizeof *c * (size_t)m->n);
    qsort(c, (size_t)m->n, sizeof *c, cmp_double);
    double r;
    if (q == 0.5 && m->n % 2 == 0)
        r = (c[m->n / 2 - 1] + c[m->n / 2]) / 2;
    else {
        int i = (int)(q * m->n + 0.999999) - 1;
        r = c[i < 0 ? 0 : i >= m->n ? m->n - 1 : i];
    }
    free(c);
    return r;
}

double muestras_mediana(const Muestras *m) { return cuantil(m, 0.5); }
double muestras_p95(const Muestras *m) { return cuantil(m, 0.95); }

void muestras_free(Muestras *m)
{
    if (!m)
        return;
    free(m->v);
    *m = (Muestras){0};
}

double proceso_hwm(int pid)
{
    char ruta[64], linea[256];
    snprintf(ruta, sizeof ruta, pid ? "/proc/%d/status" : "/proc/self/status", pid);
    FILE *f = fopen(ruta, "r");
    double kb = -1;
    while (f && fgets(linea, sizeof linea, f))
        if (sscanf(linea, "VmHWM: %lf kB", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb < 0 ? -1 : kb * 1024;
}

void proceso_entorno(const char *base)
{
    char *cfg = fmt_nuevo("%s/config", base), *st = fmt_nuevo("%s/estado", base);
    setenv("LANG", "C.UTF-8", 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("TERM", "xterm-256color", 1);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    setenv("XDG_STATE_HOME", st, 1);
    unsetenv("NO_COLOR");
    unsetenv("POA_GUION");
    unsetenv("POA_GUION_TAMANO");
    unsetenv("POA_USUARIO");
    free(cfg);
    free(st);
}

Proceso proceso_run(const char *dir, char *const argv[], const char *log)
{
    fflush(NULL);
    double t0 = ahora();
    pid_t pid = fork();
    if (pid < 0)
        morir("fork: %s", strerror(errno));
    if (pid == 0) {
        int nul = open("/dev/null", O_RDWR);
        int out = log ? open(log, O_WRONLY | O_CREAT | O_APPEND, 0644) : nul;
        dup2(nul, 0);
        dup2(out < 0 ? nul : out, 1);
        dup2(out < 0 ? nul : out, 2);
        if (dir && chdir(dir) != 0)
            _exit(126);
        execv(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    struct rusage ru;
    while (wait4(pid, &st, 0, &ru) < 0)
        if (errno != EINTR)
            morir("wait4: %s", strerror(errno));
    Proceso p = {.segundos = ahora() - t0, .maxrss = (double)ru.ru_maxrss * 1024.0,
                 .estado = WIFEXITED(st) ? WEXITSTATUS(st) : -1};
    return p;
}
