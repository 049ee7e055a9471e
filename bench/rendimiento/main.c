/* main.c — poa-rendimiento: generates plans of 1k/10k/100k activities, runs
 * each figure of issue 14 beside its bare-library limit, interleaved, and
 * writes the table of docs/rendimiento.md. See docs/rendimiento.md. */
#define _GNU_SOURCE
#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "rendimiento.h"

static const char AYUDA[] =
    "Uso: poa-rendimiento [--rapido] [--comparar] [--tamanos 1000,10000,100000]\n"
    "                     [--repeticiones N] [--teclas N] [--ediciones N]\n"
    "                     [--dir CARPETA] [--salida ARCHIVO.md|-] [--poa BINARIO]\n"
    "                     [--marca TEXTO] [--silencio MS]\n"
    "\n"
    "Mide poa desde fuera (procesos y una pseudoterminal de 200×60) contra el límite de\n"
    "cada cifra (SQLite y libxlsxwriter solos, la propia terminal), intercalados, y\n"
    "escribe la tabla de docs/rendimiento.md (entre sus marcas).\n"
    "  --rapido        1.000 y 10.000 actividades, una vuelta, la tabla a la salida estándar\n"
    "  --comparar      además XlsxWriter y openpyxl de Python y LibreOffice (python3-xlsxwriter,\n"
    "                  python3-openpyxl, libreoffice-calc-nogui; no instala nada)\n"
    "  --tamanos L     actividades por plan, separadas por comas\n"
    "  --repeticiones  vueltas por cifra (mediana; por omisión 3)\n"
    "  --teclas N      pulsaciones de ↓ y de AvPág por vuelta (por omisión 100)\n"
    "  --ediciones N   ediciones guardadas por tamaño (p95; por omisión 50)\n"
    "  --dir CARPETA   carpeta de trabajo que se conserva (los planes generados se reutilizan)\n"
    "  --salida        el markdown (por omisión docs/rendimiento.md; con --rapido, «-»)\n"
    "  --marca TEXTO   lo que dice que la primera pantalla está completa (por omisión «Tablero»,\n"
    "                  el final de la barra de teclas)\n"
    "  --silencio MS   y después cuántos ms sin salida (por omisión 150; no se cuentan)\n";

typedef struct {
    const char *poa, *fuente, *dir, *python;
    const char *marca;          /* what says the first screen is complete (the bar's end) */
    double silencio;            /* then this long without output, seconds (not counted) */
    int tamanos[8], ntamanos;
    Corrida c;
} Opciones;

static double carga(void)
{
    double l = -1;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%lf", &l) != 1)
            l = -1;
        fclose(f);
    }
    return l;
}

static bool existe(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

static void borrar_con_prefijo(const char *ruta)
{
    char *pat = fmt_nuevo("%s*", ruta);
    glob_t g;
    if (glob(pat, 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++)
            unlink(g.gl_pathv[i]);
        globfree(&g);
    }
    free(pat);
}

/* A step that must work (preparation, not timed): dies with the log's path. */
static void preparar(const Opciones *o, char *const argv[], const char *log)
{
    Proceso p = proceso_run(o->dir, argv, log);
    if (p.estado != 0)
        morir("falló «%s %s» (salida %d); ver %s", argv[0], argv[1] ? argv[1] : "", p.estado,
              log);
}

static void copiar(const char *de, const char *a)
{
    char *argv[] = {"/bin/cp", (char *)de, (char *)a, NULL};
    if (proceso_run(NULL, argv, NULL).estado != 0)
        morir("no se pudo copiar %s en %s", de, a);
}

/* A limit measured in a child of this program (poa-rendimiento --base-…):
 * its rows or its table stay out of this process, which must stay small
 * because every child forked from it starts with its resident pages, and
 * ru_maxrss counts them. The child prints the seconds it timed. */
static double base_hija(const Opciones *o, const char *que, const char *a, const char *b)
{
    char *self = realpath("/proc/self/exe", NULL);
    char *salida = fmt_nuevo("%s/base-salida.txt", o->dir);
    unlink(salida);
    char *argv[] = {self, (char *)que, (char *)a, (char *)b, NULL};
    Proceso p = proceso_run(o->dir, argv, salida);
    double t = -1;
    FILE *f = fopen(salida, "r");
    if (f) {
        if (fscanf(f, "%lf", &t) != 1)
            t = -1;
        fclose(f);
    }
    if (p.estado != 0 || t < 0)
        morir("%s %s %s falló; ver %s", que, a, b, salida);
    free(self);
    free(salida);
    return t;
}

/* Activities whose code is unique in their unit, for `poa seguimiento`. */
static char **actividades_editables(const char *db, int quiero, int *n)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    *n = 0;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        morir("%s: %s", db, sqlite3_errmsg(h));
    const char *sql =
        "SELECT u.nombre, a.codigo FROM actividad a JOIN entregable e ON e.id = a.entregable_id "
        "JOIN meta m ON m.id = e.meta_id JOIN unidad u ON u.id = m.unidad_id "
        "GROUP BY u.id, a.codigo HAVING count(*) = 1 ORDER BY u.id, a.codigo";
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
        morir("%s", sqlite3_errmsg(h));
    char **todas = NULL;
    int total = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        todas = realloc(todas, sizeof *todas * (size_t)(2 * total + 2));
        todas[2 * total] = strdup((const char *)sqlite3_column_text(st, 0));
        todas[2 * total + 1] = strdup((const char *)sqlite3_column_text(st, 1));
        total++;
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    if (total == 0) {
        /* small plans repeat every code in each objetivo of a unit */
        fprintf(stderr, "   ninguna actividad tiene un código único en su unidad: sin ediciones\n");
        return NULL;
    }
    /* spread over the plan: the first, middle and last units alike */
    char **r = malloc(sizeof *r * (size_t)(2 * quiero));
    for (int i = 0; i < quiero; i++) {
        int k = (int)((long)i * total / quiero);
        r[2 * i] = strdup(todas[2 * k]);
        r[2 * i + 1] = strdup(todas[2 * k + 1]);
    }
    for (int i = 0; i < 2 * total; i++)
        free(todas[i]);
    free(todas);
    *n = quiero;
    return r;
}

static void comparar(const Opciones *o, Medidas *m, const char *csv, const char *tabla)
{
    m->cmp_xlsxwriter = m->cmp_openpyxl = m->cmp_libreoffice = -1;
    char *tool = fmt_nuevo("%s/tests/tools/xlsx-tabla", o->fuente);
    const char *libs[] = {"xlsxwriter", "openpyxl"};
    double *dest[] = {&m->cmp_xlsxwriter, &m->cmp_openpyxl};
    for (int i = 0; i < 2; i++) {
        char *out = fmt_nuevo("%s/cmp-%s.xlsx", o->dir, libs[i]);
        char *log = fmt_nuevo("%s/cmp-%s.log", o->dir, libs[i]);
        char *argv[] = {(char *)o->python, tool, "escribir", (char *)libs[i], (char *)tabla, out,
                        NULL};
        Proceso p = proceso_run(o->dir, argv, log);
        if (p.estado == 0)
            *dest[i] = p.segundos;
        else
            snprintf(m->cmp_nota + strlen(m->cmp_nota), sizeof m->cmp_nota - strlen(m->cmp_nota),
                     "%s%s no disponible (python3-%s)", m->cmp_nota[0] ? "; " : "", libs[i],
                     libs[i]);
        unlink(out);
        free(out);
        free(log);
    }
    if (!existe("/usr/bin/soffice")) {
        snprintf(m->cmp_nota + strlen(m->cmp_nota), sizeof m->cmp_nota - strlen(m->cmp_nota),
                 "%sLibreOffice no disponible (libreoffice-calc-nogui)", m->cmp_nota[0] ? "; " : "");
    } else {
        char *perfil = fmt_nuevo("-env:UserInstallation=file://%s/lo-perfil", o->dir);
        char *outdir = fmt_nuevo("%s/lo", o->dir);
        char *log = fmt_nuevo("%s/lo.log", o->dir);
        /* the first start creates the profile: not timed */
        char *prueba = fmt_nuevo("%s/lo-prueba.csv", o->dir);
        FILE *f = fopen(prueba, "w");
        if (f) {
            fputs("a,b\n1,2\n", f);
            fclose(f);
        }
        char *calentar[] = {"/usr/bin/soffice", perfil, "--headless", "--convert-to", "xlsx",
                            "--outdir", outdir, prueba, NULL};
        proceso_run(o->dir, calentar, log);
        free(prueba);
        char *argv[] = {"/usr/bin/soffice", perfil, "--headless", "--convert-to", "xlsx",
                        "--outdir", outdir, (char *)csv, NULL};
        Proceso p = proceso_run(o->dir, argv, log);
        if (p.estado == 0)
            m->cmp_libreoffice = p.segundos;
        free(perfil);
        free(outdir);
        free(log);
    }
    free(tool);
}

/* Adds one vuelta's sessions (poa and the floor) to the figures, if both ran. */
static void sumar_sesiones(Medidas *m, Sesion *s, Sesion *sb, bool ok)
{
    if (ok) {
        muestras_add(&m->primera, s->primera);
        muestras_add(&m->base_primera, sb->primera);
        muestras_add(&m->mem_nav, s->maxrss);
        for (int i = 0; i < s->abajo.n; i++)
            muestras_add(&m->abajo, s->abajo.v[i]);
        for (int i = 0; i < s->avpag.n; i++)
            muestras_add(&m->avpag, s->avpag.v[i]);
        for (int i = 0; i < sb->abajo.n; i++)
            muestras_add(&m->base_abajo, sb->abajo.v[i]);
        for (int i = 0; i < sb->avpag.n; i++)
            muestras_add(&m->base_avpag, sb->avpag.v[i]);
    }
    muestras_free(&s->abajo);
    muestras_free(&s->avpag);
    muestras_free(&sb->abajo);
    muestras_free(&sb->avpag);
}

static void medir_tamano(const Opciones *o, Medidas *m)
{
    int n = m->n;
    char *csv[3], *log = fmt_nuevo("%s/poa-%d.log", o->dir, n);
    char *gen = fmt_nuevo("%s/tests/tools/generar_plan.py", o->fuente);
    for (int k = 0; k < 3; k++) {
        csv[k] = fmt_nuevo("%s/plan-%d-corte%d.csv", o->dir, n, k + 1);
        if (!existe(csv[k])) {
            char num[16], corte[16];
            snprintf(num, sizeof num, "%d", n);
            snprintf(corte, sizeof corte, "%d", k + 1);
            char *argv[] = {(char *)o->python, gen, num, "--corte", corte, "-o", csv[k], NULL};
            preparar(o, argv, log);
        }
    }
    fprintf(stderr, "== %d actividades\n", n);
    char *poa = (char *)o->poa;
    char *uno = fmt_nuevo("%s/uno-%d.db", o->dir, n), *plan = fmt_nuevo("%s/plan-%d.db", o->dir, n);
    char *imp = fmt_nuevo("%s/importado.db", o->dir), *base = fmt_nuevo("%s/base.db", o->dir);
    char *re = fmt_nuevo("%s/reimportado.db", o->dir), *ed = fmt_nuevo("%s/editado.db", o->dir);
    char *seg = fmt_nuevo("%s/seguimiento.xlsx", o->dir), *todo = fmt_nuevo("%s/todo.xlsx", o->dir);
    char *tseg = fmt_nuevo("%s/seguimiento-%d.tsv", o->dir, n);
    char *ttodo = fmt_nuevo("%s/todo-%d.tsv", o->dir, n);
    char *bxlsx = fmt_nuevo("%s/base.xlsx", o->dir);
    /* the plan once with one corte (the bare insert's rows), once with three */
    borrar_con_prefijo(uno);
    borrar_con_prefijo(plan);
    char *i1[] = {poa, "importar", uno, csv[0], NULL};
    preparar(o, i1, log);
    for (int k = 0; k < 3; k++) {
        char *ik[] = {poa, "importar", plan, csv[k], NULL};
        preparar(o, ik, log);
    }
    char *respaldos = fmt_nuevo("%s.", plan);   /* the backups each import made */
    borrar_con_prefijo(respaldos);
    free(respaldos);
    /* the tables the bare libxlsxwriter writes: read from poa's own reports */
    char *tool = fmt_nuevo("%s/tests/tools/xlsx-tabla", o->fuente);
    char *eseg[] = {poa, "exportar", plan, "--xlsx", seg, "--informe", "seguimiento", "--corte",
                    "3", NULL};
    char *etodo[] = {poa, "exportar", plan, "--xlsx", todo, NULL};
    {   /* always afresh: the reports change with poa, the plans do not */
        fprintf(stderr, "   leyendo los informes de poa (xlsx-tabla)…\n");
        preparar(o, eseg, log);
        preparar(o, etodo, log);
        char *l1[] = {(char *)o->python, tool, "leer", seg, tseg, NULL};
        char *l2[] = {(char *)o->python, tool, "leer", todo, ttodo, NULL};
        preparar(o, l1, log);
        preparar(o, l2, log);
    }
    base_sqlite_leer(plan, &m->texto);
    int neds;
    char **eds = actividades_editables(plan, o->c.ediciones, &neds);
    copiar(plan, ed);
    char *ipoa[] = {poa, "importar", imp, csv[0], NULL};
    char *ire[] = {poa, "importar", re, csv[2], NULL};
    char *iver[] = {poa, "verificar", plan, NULL};
    char *iui[] = {poa, plan, NULL};
    char *self = realpath("/proc/self/exe", NULL);
    char *ibase[] = {self, "--pantalla-base", NULL};
    char error[512] = "";
    int hechas = 0;
    for (int r = 0; r < o->c.repeticiones; r++) {
        fprintf(stderr, "   vuelta %d de %d\n", r + 1, o->c.repeticiones);
        /* import into a new file, then the bare insert of the same rows */
        borrar_con_prefijo(imp);
        Proceso p = proceso_run(o->dir, ipoa, log);
        if (p.estado != 0)
            morir("poa importar falló (%d); ver %s", p.estado, log);
        muestras_add(&m->importar, p.segundos);
        muestras_add(&m->base_insert, base_hija(o, "--base-insertar", uno, base));
        /* the same file again into the full plan: nothing changes */
        copiar(plan, re);
        p = proceso_run(o->dir, ire, log);
        if (p.estado != 0)
            morir("poa importar (sin cambios) falló (%d); ver %s", p.estado, log);
        muestras_add(&m->reimportar, p.segundos);
        borrar_con_prefijo(re);
        /* the reports, then the same tables with bare libxlsxwriter */
        p = proceso_run(o->dir, eseg, log);
        if (p.estado != 0)
            morir("poa exportar --informe seguimiento falló; ver %s", log);
        muestras_add(&m->seg, p.segundos);
        muestras_add(&m->base_seg, base_hija(o, "--base-xlsx", tseg, bxlsx));
        p = proceso_run(o->dir, etodo, log);
        if (p.estado != 0)
            morir("poa exportar (todo) falló; ver %s", log);
        muestras_add(&m->todo, p.segundos);
        muestras_add(&m->mem_todo, p.maxrss);
        muestras_add(&m->base_todo, base_hija(o, "--base-xlsx", ttodo, bxlsx));
        /* verificar, then reading every row */
        p = proceso_run(o->dir, iver, log);
        if (p.estado != 0 && p.estado != 1)
            morir("poa verificar falló (%d); ver %s", p.estado, log);
        muestras_add(&m->verificar, p.segundos);
        muestras_add(&m->base_leer, base_sqlite_leer(plan, NULL));
        /* the interface through the pty, then the terminal's floor */
        /* a failed session loses its figures for this vuelta, not the whole run */
        Sesion s = {0}, sb = {0};
        error[0] = '\0';
        bool ui = sesion_run(o->dir, iui, o->marca, "*", o->silencio, 0.04, o->c.teclas, &s,
                             error, sizeof error);
        if (!ui)
            fprintf(stderr, "   aviso: la interfaz: %s; sin sus cifras en esta vuelta\n", error);
        error[0] = '\0';
        if (ui && !sesion_run(o->dir, ibase, "Tablero", NULL, o->silencio, 0.04, o->c.teclas,
                              &sb, error, sizeof error)) {
            fprintf(stderr, "   aviso: la pantalla de referencia: %s\n", error);
            ui = false;
        }
        sumar_sesiones(m, &s, &sb, ui);
        /* this vuelta's share of the edits, each beside a bare update */
        int hasta = (int)((long)neds * (r + 1) / o->c.repeticiones);
        for (; hechas < hasta; hechas++) {
            char real[32];
            snprintf(real, sizeof real, "%d", 1 + hechas % 9);
            char *iedit[] = {poa, "seguimiento", ed, "--corte", "3", "--actividad",
                             eds[2 * hechas + 1], "--unidad", eds[2 * hechas], "--real", real,
                             NULL};
            p = proceso_run(o->dir, iedit, log);
            if (p.estado != 0)
                morir("poa seguimiento falló (%d) en «%s» de «%s»; ver %s", p.estado,
                      eds[2 * hechas + 1], eds[2 * hechas], log);
            muestras_add(&m->editar, p.segundos);
            muestras_add(&m->base_editar, base_sqlite_editar(ed, hechas));
        }
    }
    if (o->c.comparar) {
        fprintf(stderr, "   comparando con Python y LibreOffice…\n");
        comparar(o, m, csv[2], tseg);
    }
    for (int i = 0; i < 2 * neds; i++)
        free(eds[i]);
    free(eds);
    borrar_con_prefijo(imp);
    borrar_con_prefijo(base);
    borrar_con_prefijo(ed);
    unlink(seg);
    unlink(todo);
    unlink(bxlsx);
    free(self);
    free(tool);
    for (int k = 0; k < 3; k++)
        free(csv[k]);
    char *all[] = {log, gen, uno, plan, imp, base, re, ed, seg, todo, tseg, ttodo, bxlsx};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        free(all[i]);
}

/* The command as the report quotes it. */
static char *linea_de_orden(int argc, char **argv)
{
    size_t len = 32;
    for (int i = 1; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *cmd = malloc(len);
    strcpy(cmd, "poa-rendimiento");
    for (int i = 1; i < argc; i++) {
        strcat(cmd, " ");
        strcat(cmd, argv[i]);
    }
    return cmd;
}

static int tamanos(const char *s, int *t, int max)
{
    int n = 0;
    char *copia = strdup(s), *save = NULL;
    for (char *p = strtok_r(copia, ",", &save); p && n < max; p = strtok_r(NULL, ",", &save)) {
        char *fin;
        long v = strtol(p, &fin, 10);
        if (*fin || v < 20 || v > 1000000) {
            fprintf(stderr, "poa-rendimiento: --tamanos: «%s» no es un número de actividades "
                            "entre 20 y 1000000\n", p);
            exit(2);
        }
        t[n++] = (int)v;
    }
    free(copia);
    return n;
}

static int entero(const char *opt, const char *v, int min)
{
    char *fin;
    long n = v ? strtol(v, &fin, 10) : 0;
    if (!v || *fin || n < min || n > 100000) {
        fprintf(stderr, "poa-rendimiento: %s espera un número desde %d, no «%s»\n", opt, min,
                v ? v : "");
        exit(2);
    }
    return (int)n;
}

/* The limits that run in a child: print the seconds, or say why not. */
static int base_main(const char *que, const char *a, const char *b)
{
    double t;
    if (strcmp(que, "--base-insertar") == 0) {
        BaseSqlite *s = base_sqlite_new(a);
        t = base_sqlite_insert(s, b);
        base_sqlite_free(s);
    } else {
        char error[512];
        t = base_xlsx_write(a, b, error, sizeof error);
        if (t < 0) {
            fprintf(stderr, "poa-rendimiento: %s\n", error);
            return 1;
        }
    }
    printf("%.6f\n", t);
    return 0;
}

/* poa-rendimiento --sesion PLAN.db [TECLAS]: only the interface through the
 * pty (figures 4–6), to try the terminal measure on a plan at hand. */
static int sesion_main(const char *plan, int teclas)
{
    char dir[] = "/tmp/poa-rendimiento-sesion-XXXXXX";
    if (!mkdtemp(dir))
        morir("mkdtemp: %s", strerror(errno));
    proceso_entorno(dir);
    char *abs = realpath(plan, NULL);
    if (!abs)
        morir("%s: %s", plan, strerror(errno));
    char *argv[] = {(char *)POA_BINARIO, abs, NULL};
    Sesion s = {0};
    char error[512] = "";
    bool ok = sesion_run(dir, argv, "Tablero", "*", 0.15, 0.04, teclas, &s, error, sizeof error);
    if (ok)
        printf("primera pantalla %.3f s; ↓ mediana %.2f ms p95 %.2f ms (%d); AvPág mediana "
               "%.2f ms p95 %.2f ms (%d); memoria %.1f MiB\n", s.primera,
               muestras_mediana(&s.abajo) * 1000, muestras_p95(&s.abajo) * 1000, s.abajo.n,
               muestras_mediana(&s.avpag) * 1000, muestras_p95(&s.avpag) * 1000, s.avpag.n,
               s.maxrss / (1024.0 * 1024.0));
    else
        fprintf(stderr, "poa-rendimiento: %s\n", error);
    muestras_free(&s.abajo);
    muestras_free(&s.avpag);
    char *rm[] = {"/bin/rm", "-rf", dir, NULL};
    proceso_run(NULL, rm, NULL);
    free(abs);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if ((argc == 3 || argc == 4) && strcmp(argv[1], "--sesion") == 0)
        return sesion_main(argv[2], argc == 4 ? entero("--sesion", argv[3], 1) : 100);
    if (argc == 2 && strcmp(argv[1], "--pantalla-base") == 0)
        return pantalla_base_main();
    if (argc == 4 && (strcmp(argv[1], "--base-insertar") == 0 ||
                      strcmp(argv[1], "--base-xlsx") == 0))
        return base_main(argv[1], argv[2], argv[3]);
    Opciones o = {.poa = POA_BINARIO, .fuente = POA_SOURCE_DIR, .python = "/usr/bin/python3",
                  .marca = "Tablero", .silencio = 0.15,
                  .c = {.repeticiones = 3, .teclas = 100, .ediciones = 50}};
    const char *salida = NULL, *lista = "1000,10000,100000";
    bool rapido = false, rep = false, tec = false, edi = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--rapido") == 0)
            rapido = true;
        else if (strcmp(a, "--comparar") == 0)
            o.c.comparar = true;
        else if (strcmp(a, "--tamanos") == 0 && v)
            lista = argv[++i];
        else if (strcmp(a, "--repeticiones") == 0)
            o.c.repeticiones = entero(a, v, 1), rep = true, i++;
        else if (strcmp(a, "--teclas") == 0)
            o.c.teclas = entero(a, v, 1), tec = true, i++;
        else if (strcmp(a, "--ediciones") == 0)
            o.c.ediciones = entero(a, v, 1), edi = true, i++;
        else if (strcmp(a, "--dir") == 0 && v)
            o.dir = argv[++i];
        else if (strcmp(a, "--salida") == 0 && v)
            salida = argv[++i];
        else if (strcmp(a, "--poa") == 0 && v)
            o.poa = argv[++i];
        else if (strcmp(a, "--marca") == 0 && v)
            o.marca = argv[++i];
        else if (strcmp(a, "--silencio") == 0)
            o.silencio = entero(a, v, 10) / 1000.0, i++;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(AYUDA, stdout);
            return 0;
        } else {
            fprintf(stderr, "poa-rendimiento: opción desconocida o sin valor: «%s»\n\n%s", a,
                    AYUDA);
            return 2;
        }
    }
    if (rapido) {
        if (strcmp(lista, "1000,10000,100000") == 0)
            lista = "1000,10000";
        o.c.repeticiones = rep ? o.c.repeticiones : 1;
        o.c.teclas = tec ? o.c.teclas : 30;
        o.c.ediciones = edi ? o.c.ediciones : 10;
    }
    o.ntamanos = tamanos(lista, o.tamanos, 8);
    o.c.marca = o.marca;
    o.c.silencio = o.silencio;
    if (!salida)
        salida = rapido ? "-" : fmt_nuevo("%s/docs/rendimiento.md", o.fuente);
    if (access(o.poa, X_OK) != 0)
        morir("no se encuentra el binario de poa: %s (--poa)", o.poa);
    char *tmp = NULL;
    if (!o.dir) {
        tmp = strdup("/tmp/poa-rendimiento-XXXXXX");
        if (!mkdtemp(tmp))
            morir("mkdtemp: %s", strerror(errno));
        o.dir = tmp;
    } else if (mkdir(o.dir, 0755) != 0 && errno != EEXIST) {
        morir("%s: %s", o.dir, strerror(errno));
    }
    char *abs = realpath(o.dir, NULL);
    o.dir = abs;
    proceso_entorno(o.dir);
    o.c.cmd = linea_de_orden(argc, argv);
    o.c.carga_antes = carga();
    double t0 = ahora();
    Medidas *m = calloc((size_t)o.ntamanos, sizeof *m);
    for (int i = 0; i < o.ntamanos; i++) {
        m[i].n = o.tamanos[i];
        m[i].cmp_xlsxwriter = m[i].cmp_openpyxl = m[i].cmp_libreoffice = -1;
        medir_tamano(&o, &m[i]);
    }
    o.c.segundos = ahora() - t0;
    o.c.propio = proceso_hwm(0);
    o.c.carga_despues = carga();
    char *bloque = NULL;
    size_t nb = 0;
    FILE *f = open_memstream(&bloque, &nb);
    informe_write(f, &o.c, m, o.ntamanos);
    fclose(f);
    int rc = 0;
    if (strcmp(salida, "-") == 0) {
        fputs(bloque, stdout);
    } else {
        char error[512];
        if (!informe_replace(salida, bloque, error, sizeof error)) {
            fprintf(stderr, "poa-rendimiento: %s\n%s", error, bloque);
            rc = 1;
        } else {
            fprintf(stderr, "escrito %s (%.0f s en total)\n", salida, o.c.segundos);
        }
    }
    free(bloque);
    if (tmp) {
        char *argv_rm[] = {"/bin/rm", "-rf", tmp, NULL};
        proceso_run(NULL, argv_rm, NULL);
    }
    for (int i = 0; i < o.ntamanos; i++) {
        Muestras *all[] = {&m[i].importar, &m[i].base_insert, &m[i].reimportar, &m[i].seg,
                           &m[i].base_seg, &m[i].todo, &m[i].base_todo, &m[i].primera,
                           &m[i].base_primera, &m[i].abajo, &m[i].base_abajo, &m[i].avpag,
                           &m[i].base_avpag, &m[i].mem_nav, &m[i].mem_todo, &m[i].verificar,
                           &m[i].base_leer, &m[i].editar, &m[i].base_editar};
        for (size_t k = 0; k < sizeof all / sizeof *all; k++)
            muestras_free(all[k]);
    }
    free(m);
    free(abs);
    free(tmp);
    free((char *)o.c.cmd);
    return rc;
}
