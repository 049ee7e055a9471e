/* respaldo.c — naming, finding and pruning the backup files of a plan. The
 * name carries the plan's file name, the time and the reason, so a plain
 * listing of the folder sorts them and says what each one is. */
#include "respaldo.h"

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

char *respaldo_dir(const char *plan, const char *carpeta)
{
    if (!str_empty(carpeta))
        return xstrdup(carpeta);
    char *copy = xstrdup(plan);
    char *d = xstrdup(dirname(copy));
    free(copy);
    return d;
}

static char *base_of(const char *plan)
{
    char *copy = xstrdup(plan);
    char *b = xstrdup(basename(copy));
    free(copy);
    return b;
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

bool respaldo_es_de(const char *name, const char *base, char clave[32])
{
    size_t bl = strlen(base), nl = strlen(name);
    if (strncmp(name, base, bl) != 0 || name[bl] != '.' || nl < bl + 4 ||
        strcmp(name + nl - 4, ".bak") != 0)
        return false;
    const char *s = name + bl + 1;
    if (s[0] == 'v') { /* the older migration name: plan.db.v1-YYYYmmdd-HHMMSS.bak */
        const char *d = s + 1;
        while (isdigit((unsigned char)*d))
            d++;
        if (d == s + 1 || *d != '-' || !digits(d + 1, 8) || d[9] != '-' || !digits(d + 10, 6) ||
            strcmp(d + 16, ".bak") != 0)
            return false;
        snprintf(clave, 32, "%.15s", d + 1);
        return true;
    }
    if (!digits(s, 8) || s[8] != '-' || !digits(s + 9, 6))
        return false;
    const char *r = s + 15;
    int seqlen = 0;
    if (r[0] == '_' && digits(r + 1, 2))
        seqlen = 3;
    const char *m = r + seqlen;
    if (*m != '.' || m + 1 >= name + nl - 4)
        return false;
    for (const char *c = m + 1; c < name + nl - 4; c++)
        if (!isalnum((unsigned char)*c) && *c != '-')
            return false;
    snprintf(clave, 32, "%.*s", 15 + seqlen, s);
    return true;
}

typedef struct {
    char *name;
    char clave[32];
} Entrada;

static int por_clave(const void *a, const void *b)
{
    const Entrada *x = a, *y = b;
    int c = strcmp(x->clave, y->clave);
    return c ? c : strcmp(x->name, y->name);
}

/* The plan's backups in dir, oldest first. */
static Entrada *listar(const char *dir, const char *base, int *n)
{
    *n = 0;
    Entrada *v = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    struct dirent *e;
    int cap = 0;
    while ((e = readdir(d)) != NULL) {
        Entrada x;
        if (!respaldo_es_de(e->d_name, base, x.clave))
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            v = xrealloc(v, sizeof *v * (size_t)cap);
        }
        x.name = xstrdup(e->d_name);
        v[(*n)++] = x;
    }
    closedir(d);
    if (*n)
        qsort(v, (size_t)*n, sizeof *v, por_clave);
    return v;
}

static void liberar(Entrada *v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i].name);
    free(v);
}

char *respaldo_nuevo_nombre(const char *plan, const char *carpeta, const char *motivo)
{
    char stamp[16];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char *dir = respaldo_dir(plan, carpeta), *base = base_of(plan);
    int n;
    Entrada *v = listar(dir, base, &n);
    /* the time (and sequence) alone must be new, whatever the reason, so
     * that the names sort in the order the copies were made */
    char clave[32];
    for (int seq = 0; seq < 100; seq++) {
        if (seq)
            snprintf(clave, sizeof clave, "%.15s_%02d", stamp, seq % 100);
        else
            snprintf(clave, sizeof clave, "%s", stamp);
        bool used = false;
        for (int i = 0; i < n && !used; i++)
            used = strcmp(v[i].clave, clave) == 0;
        if (!used)
            break;
    }
    liberar(v, n);
    /* beside the plan: the plan's own path, so "plan.db" gives no "./" */
    char *out = str_empty(carpeta) ? xasprintf("%s.%s.%s.bak", plan, clave, motivo)
                                   : xasprintf("%s/%s.%s.%s.bak", dir, base, clave, motivo);
    free(dir);
    free(base);
    return out;
}

char *respaldo_ultimo(const char *plan, const char *carpeta)
{
    char *dir = respaldo_dir(plan, carpeta), *base = base_of(plan);
    int n;
    Entrada *v = listar(dir, base, &n);
    char *out = n ? xasprintf("%s/%s", dir, v[n - 1].name) : NULL;
    liberar(v, n);
    free(dir);
    free(base);
    return out;
}

int respaldo_podar(const char *plan, const char *carpeta, int conservar)
{
    if (conservar <= 0)
        return 0;
    char *dir = respaldo_dir(plan, carpeta), *base = base_of(plan);
    int n, removed = 0;
    Entrada *v = listar(dir, base, &n);
    for (int i = 0; i < n - conservar; i++) {
        char *p = xasprintf("%s/%s", dir, v[i].name);
        if (unlink(p) == 0)
            removed++;
        free(p);
    }
    liberar(v, n);
    free(dir);
    free(base);
    return removed;
}

/* "<backup>.tmp-XXXXXX" (the copy being written) or its "-journal" (SQLite's,
 * beside it); *tmp_len: the length of the name without "-journal". */
static bool es_temporal(const char *name, const char *base, size_t *tmp_len)
{
    const char *t = strstr(name, ".bak.tmp-");
    if (!t)
        return false;
    size_t keep = (size_t)(t - name) + 4;
    char *bak = xstrndup(name, keep);
    char clave[32];
    bool ours = respaldo_es_de(bak, base, clave);
    free(bak);
    const char *x = t + 9;
    for (int i = 0; ours && i < 6; i++)
        ours = isalnum((unsigned char)x[i]);
    if (!ours || (x[6] != '\0' && strcmp(x + 6, "-journal") != 0))
        return false;
    *tmp_len = keep + 5 + 6;
    return true;
}

int respaldo_limpiar(const char *plan, const char *carpeta)
{
    char *dir = respaldo_dir(plan, carpeta), *base = base_of(plan);
    int removed = 0;
    DIR *d = opendir(dir);
    if (d) {
        int dfd = dirfd(d);
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            size_t tl;
            if (!es_temporal(e->d_name, base, &tl))
                continue;
            /* the copy's own file carries the writer's flock; its journal
             * goes with it */
            char *principal = xstrndup(e->d_name, tl);
            int fd = openat(dfd, principal, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
            bool stale = fd < 0 ? !strcmp(e->d_name + tl, "-journal")
                                : flock(fd, LOCK_EX | LOCK_NB) == 0;
            if (stale && unlinkat(dfd, e->d_name, 0) == 0)
                removed++;
            if (fd >= 0)
                close(fd);
            free(principal);
        }
        closedir(d);
    }
    free(dir);
    free(base);
    return removed;
}
