/* estado.c — the interface's remembered state per plan file and user: where
 * its file lives (XDG), writing it atomically, reading it back leniently
 * (anything missing, damaged or foreign reads as "nothing remembered"). */
#include "estado.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strmap.h"

/* The first line: a file that does not start so is not ours (or is of a
 * format this version does not read) and is ignored. */
#define ESTADO_CABECERA "poa-estado 1"

Estado *estado_new(void)
{
    Estado *e = xcalloc(1, sizeof *e);
    e->unidad = -1;
    e->nodo = -1;
    e->foco = -1;
    return e;
}

void estado_free(Estado *e)
{
    if (!e)
        return;
    free(e->responsable);
    iv_free(&e->abiertos);
    free(e);
}

static uint64_t fnv1a(const char *s, uint64_t h)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

char *estado_ruta(const char *plan_path, int64_t plan_id)
{
    char *real = plan_path ? realpath(plan_path, NULL) : NULL;
    if (!real)
        return NULL;
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    char *dir;
    /* the XDG spec: a relative value is invalid and must be ignored */
    if (!str_empty(xdg) && xdg[0] == '/')
        dir = xasprintf("%s/poa", xdg);
    else if (!str_empty(home))
        dir = xasprintf("%s/.local/state/poa", home);
    else {
        free(real);
        return NULL;
    }
    char id[32];
    snprintf(id, sizeof id, "\n%lld", (long long)plan_id);
    uint64_t h = fnv1a(id, fnv1a(real, 14695981039346656037ull));
    /* the plan's file name first, so that a person can tell the files apart;
     * only letters, digits and ._- of it */
    const char *base = strrchr(real, '/');
    base = base ? base + 1 : real;
    char nombre[48];
    size_t k = 0;
    for (const char *c = base; *c && k + 1 < sizeof nombre; c++)
        nombre[k++] = (strchr("._-", *c) || (*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') ||
                       (*c >= 'A' && *c <= 'Z'))
                          ? *c
                          : '_';
    nombre[k] = '\0';
    char *ruta = xasprintf("%s/%s-%016llx.estado", dir, nombre, (unsigned long long)h);
    free(dir);
    free(real);
    return ruta;
}

/* ---- writing ---- */

static void put_nodo(FILE *f, const Plan *p, int n)
{
    fprintf(f, "%d:%lld", (int)p->nodes[n].kind, (long long)p->nodes[n].id);
}

static bool nodo_valido(const Plan *p, int n)
{
    return n > 0 && n < p->nnodes && !p->nodes[n].deleted;
}

/* mkdir -p for the state folder: only the user may read where they were */
static bool make_dirs(const char *ruta, PoaErr *err)
{
    char *d = xstrdup(ruta);
    char *slash = strrchr(d, '/');
    if (slash)
        *slash = '\0';
    for (char *c = d + 1; *c; c++) {
        if (*c != '/')
            continue;
        *c = '\0';
        if (mkdir(d, 0700) != 0 && errno != EEXIST) {
            err_set(err, "No se pudo crear la carpeta «%s»: %s", d, err_sistema(errno));
            free(d);
            return false;
        }
        *c = '/';
    }
    bool ok = mkdir(d, 0700) == 0 || errno == EEXIST;
    if (!ok)
        err_set(err, "No se pudo crear la carpeta «%s»: %s", d, err_sistema(errno));
    free(d);
    return ok;
}

bool estado_save(const char *ruta, const char *plan_path, const Plan *p, const Estado *e,
                 PoaErr *err)
{
    char *real = realpath(plan_path, NULL);
    if (!real) {
        err_set(err, "No se encontró el plan «%s»: %s", plan_path, err_sistema(errno));
        return false;
    }
    if (!make_dirs(ruta, err)) {
        free(real);
        return false;
    }
    AtomicFile af;
    if (!atomic_open(&af, ruta, err)) {
        free(real);
        return false;
    }
    FILE *f = af.f;
    fprintf(f, "%s\narchivo=%s\nplan=%lld\n", ESTADO_CABECERA, real, (long long)p->id);
    free(real);
    if (e->vista[0])
        fprintf(f, "vista=%s\n", e->vista);
    if (e->corte >= 1 && e->corte <= POA_TRIMESTRES)
        fprintf(f, "corte=%d\n", e->corte);
    if (e->unidad >= 0 && e->unidad < p->nunidades)
        fprintf(f, "unidad=%lld\n", (long long)p->unidades[e->unidad].id);
    if (e->responsable && !strchr(e->responsable, '\n'))
        fprintf(f, "responsable=%s\n", e->responsable);
    if (e->filtro_estado)
        fprintf(f, "filtro_estado=%u\n", e->filtro_estado);
    if (nodo_valido(p, e->nodo)) {
        fputs("nodo=", f);
        put_nodo(f, p, e->nodo);
        fputc('\n', f);
    }
    if (nodo_valido(p, e->foco)) {
        fputs("foco=", f);
        put_nodo(f, p, e->foco);
        fputc('\n', f);
    }
    if (e->pliegues) {
        fputs("abiertos=", f);
        bool first = true;
        for (int i = 0; i < e->abiertos.n; i++) {
            if (!nodo_valido(p, e->abiertos.v[i]))
                continue;
            if (!first)
                fputc(' ', f);
            put_nodo(f, p, e->abiertos.v[i]);
            first = false;
        }
        fputc('\n', f);
    }
    return atomic_commit(&af, err);
}

/* ---- reading ---- */

static bool parse_long(const char *s, long long lo, long long hi, long long *out)
{
    if (!*s)
        return false;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

typedef struct {
    const Plan *p;
    StrMap nodos;   /* "kind:id" -> node index, made on first use */
    bool hecho;
} Indice;

/* The node a "kind:id" names, or -1 (gone, or not a node reference). */
static int nodo_de(Indice *ix, const char *s)
{
    if (!ix->hecho) {
        char k[48];
        for (int i = 1; i < ix->p->nnodes; i++) {
            if (ix->p->nodes[i].deleted)
                continue;
            snprintf(k, sizeof k, "%d:%lld", (int)ix->p->nodes[i].kind, (long long)ix->p->nodes[i].id);
            strmap_put(&ix->nodos, k, i, NULL);
        }
        ix->hecho = true;
    }
    int *v = strmap_get(&ix->nodos, s);
    return v ? *v : -1;
}

static bool es_vista(const char *v)
{
    return strcmp(v, "plan") == 0 || strcmp(v, "formulario") == 0 || strcmp(v, "tabla") == 0 ||
           strcmp(v, "tablero") == 0;
}

/* One "clave=valor" line into t; false: the file is damaged. */
static bool leer_linea(char *line, const char *real, const Plan *p, Indice *ix, Estado *t,
                       bool *archivo_ok, bool *plan_ok)
{
    char *eq = strchr(line, '=');
    if (!eq)
        return false;
    *eq = '\0';
    const char *k = line, *v = eq + 1;
    long long n;
    if (strcmp(k, "archivo") == 0) {
        *archivo_ok = strcmp(v, real) == 0;
    } else if (strcmp(k, "plan") == 0) {
        *plan_ok = parse_long(v, 0, INT64_MAX, &n) && n == p->id;
    } else if (strcmp(k, "vista") == 0) {
        if (!es_vista(v))
            return false;
        snprintf(t->vista, sizeof t->vista, "%s", v);
    } else if (strcmp(k, "corte") == 0) {
        if (!parse_long(v, 1, POA_TRIMESTRES, &n))
            return false;
        t->corte = (int)n;
    } else if (strcmp(k, "unidad") == 0) {
        if (!parse_long(v, 0, INT64_MAX, &n))
            return false;
        t->unidad = plan_find_unidad_id(p, n);   /* -1 when it is gone */
    } else if (strcmp(k, "responsable") == 0) {
        free(t->responsable);
        t->responsable = *v ? xstrdup(v) : NULL;
    } else if (strcmp(k, "filtro_estado") == 0) {
        if (!parse_long(v, 0, 0xffff, &n))
            return false;
        t->filtro_estado = (unsigned)n;
    } else if (strcmp(k, "nodo") == 0) {
        t->nodo = nodo_de(ix, v);
    } else if (strcmp(k, "foco") == 0) {
        t->foco = nodo_de(ix, v);
    } else if (strcmp(k, "abiertos") == 0) {
        t->pliegues = true;
        t->abiertos.n = 0;
        char *s = xstrdup(v), *save = NULL;
        for (char *w = strtok_r(s, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
            int x = nodo_de(ix, w);
            if (x > 0)
                iv_push(&t->abiertos, x);
        }
        free(s);
    }
    /* an unknown key is of a newer poa: skipped, the rest still counts */
    return true;
}

bool estado_load(const char *ruta, const char *plan_path, const Plan *p, Estado *e)
{
    FILE *f = ruta ? fopen(ruta, "r") : NULL;
    char *real = plan_path ? realpath(plan_path, NULL) : NULL;
    if (!f || !real) {
        if (f)
            fclose(f);
        free(real);
        return false;
    }
    Estado *t = estado_new();
    Indice ix = {.p = p};
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    bool ok = true, archivo_ok = false, plan_ok = false, first = true;
    while (ok && (len = getline(&line, &cap, f)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if ((size_t)len != strlen(line)) {
            ok = false;   /* a NUL inside: not text */
        } else if (first) {
            ok = strcmp(line, ESTADO_CABECERA) == 0;
            first = false;
        } else if (*line) {
            ok = leer_linea(line, real, p, &ix, t, &archivo_ok, &plan_ok);
        }
    }
    ok = ok && !first && !ferror(f) && archivo_ok && plan_ok;
    free(line);
    fclose(f);
    free(real);
    strmap_free(&ix.nodos);
    if (ok) {
        /* hand the fields over: e keeps its allocation */
        free(e->responsable);
        iv_free(&e->abiertos);
        *e = *t;
        free(t);
    } else {
        estado_free(t);
    }
    return ok;
}
