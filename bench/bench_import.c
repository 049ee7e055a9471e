/* bench_import.c — `poa importar` of a generated flat CSV (default 100,000
 * rows) against a bare SQLite bulk insert of the same rows (prepared
 * statements, one transaction, same schema), interleaved, median of 3.
 * Usage: bench_import [ROWS]. Prints the times and the ratio. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "csv.h"
#include "db.h"
#include "importar.h"
#include "plancsv.h"
#include "store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this process: on a machine shared with other builds the wall
 * clock of both sides moves with the load; this moves much less. */
static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double last_cpu;   /* CPU seconds of the last time_import / time_bare */

/* The ARS fixture repeated until rows rows, each copy with its units renamed. */
static void make_csv(const char *src, const char *dst, int rows)
{
    PoaErr err = {{0}};
    CsvReader *r = csv_open(src, &err);
    if (!r) {
        fprintf(stderr, "%s\n", err.msg);
        exit(1);
    }
    FILE *f = fopen(dst, "w");
    CsvRow row;
    char ***data = NULL;
    int n = 0, ncols = 0, unit_col = -1;
    bool header = true;
    while (csv_next(r, &row, &err) == 1) {
        if (header) {
            ncols = row.nfields;
            for (int i = 0; i < ncols; i++) {
                fprintf(f, "%s%s", i ? "," : "", row.fields[i]);
                if (strcmp(row.fields[i], "unidad") == 0)
                    unit_col = i;
            }
            fputc('\n', f);
            header = false;
            continue;
        }
        data = realloc(data, sizeof *data * (size_t)(n + 1));
        data[n] = calloc((size_t)ncols, sizeof **data);
        for (int i = 0; i < ncols && i < row.nfields; i++)
            data[n][i] = strdup(row.fields[i]);
        n++;
    }
    csv_close(r);
    for (int k = 0; k * n < rows; k++)
        for (int j = 0; j < n && k * n + j < rows; j++) {
            for (int i = 0; i < ncols; i++) {
                if (i)
                    fputc(',', f);
                if (i == unit_col) {
                    char name[512];
                    snprintf(name, sizeof name, "%s %d", data[j][i], k + 1);
                    csv_write_field(f, name, true);
                } else {
                    csv_write_field(f, data[j][i] ? data[j][i] : "", true);
                }
            }
            fputc('\n', f);
        }
    fclose(f);
}

/* What `poa importar NEW.db FILE` does, timed from reading the file to the
 * committed database. */
static double time_import(const char *csv, const char *dbp)
{
    unlink(dbp);
    double t = now(), c = cpu();
    Importacion imp = {0};
    PoaErr err = {{0}};
    const char *paths[] = {csv};
    if (!importar_leer(&imp, paths, 1, NULL)) {
        fprintf(stderr, "%s\n", imp.errores.lineas[0]);
        exit(1);
    }
    double t_leer = now() - t;
    Db *db = db_open(dbp, DB_CREATE, NULL, &err);
    double t_abrir = now() - t - t_leer;
    if (!db || !importar_aplicar(&imp, db, false, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        exit(1);
    }
    db_close(db);
    t = now() - t;
    last_cpu = cpu() - c;
    printf("    (leer y validar %.2f s, abrir %.2f s, fusionar y guardar %.2f s)\n", t_leer, t_abrir,
           t - t_leer - t_abrir);
    importar_free(&imp);
    return t;
}

static sqlite3_stmt *prep(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(h));
        exit(1);
    }
    return st;
}

static void bt(sqlite3_stmt *st, int i, const char *s) { sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC); }

static void step(sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_DONE) {
        fprintf(stderr, "bare insert: %s\n", sqlite3_errmsg(sqlite3_db_handle(st)));
        exit(1);
    }
    sqlite3_reset(st);
}

/* The same rows (from the plan already read, so no parsing is timed) into
 * the same schema with prepared statements in one transaction: the floor. */
static double time_bare(Plan *p, const char *dbp)
{
    unlink(dbp);
    PoaErr err = {{0}};
    Db *db = db_open(dbp, DB_CREATE, NULL, &err);   /* the schema, as poa creates it */
    db_close(db);
    double t = now(), c = cpu();
    sqlite3 *h;
    sqlite3_open(dbp, &h);
    sqlite3_exec(h, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=DELETE; BEGIN", 0, 0, 0);
    sqlite3_stmt *si = prep(h, "INSERT INTO institucion (nombre) VALUES (?)");
    sqlite3_stmt *sp = prep(h, "INSERT INTO plan (institucion_id, anio) VALUES (?, ?)");
    sqlite3_stmt *su = prep(h, "INSERT INTO unidad (plan_id, nombre, mision, nota, orden) VALUES (?, ?, ?, ?, ?)");
    sqlite3_stmt *sn[6] = {0};
    sn[NODE_EJE] = prep(h, "INSERT INTO eje (plan_id, nombre, orden) VALUES (?, ?, ?)");
    sn[NODE_OBJETIVO] = prep(h, "INSERT INTO objetivo (eje_id, codigo, texto, orden) VALUES (?, ?, ?, ?)");
    sn[NODE_META] = prep(h, "INSERT INTO meta (objetivo_id, unidad_id, texto, orden) VALUES (?, ?, ?, ?)");
    sn[NODE_ENTREGABLE] = prep(h, "INSERT INTO entregable (meta_id, codigo, texto, indicador, orden) VALUES (?, ?, ?, ?, ?)");
    sn[NODE_ACTIVIDAD] = prep(h,
        "INSERT INTO actividad (entregable_id, codigo, texto, unidad_lider, responsables, presupuesto, "
        "moneda, presupuesto_nota, riesgos, tipo_meta, sentido, peso, meta_anual, meta_anual_pct, orden) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sqlite3_stmt *sm = prep(h, "INSERT INTO mes (actividad_id, mes, marca, cantidad) VALUES (?, ?, ?, ?)");
    bt(si, 1, p->institucion);
    step(si);
    sqlite3_bind_int64(sp, 1, sqlite3_last_insert_rowid(h));
    sqlite3_bind_int(sp, 2, p->anio);
    step(sp);
    int64_t plan = sqlite3_last_insert_rowid(h);
    int64_t *uid = calloc((size_t)p->nunidades, sizeof *uid);
    for (int u = 0; u < p->nunidades; u++) {
        sqlite3_bind_int64(su, 1, plan);
        bt(su, 2, p->unidades[u].nombre);
        bt(su, 3, p->unidades[u].mision);
        bt(su, 4, p->unidades[u].nota);
        sqlite3_bind_int(su, 5, u);
        step(su);
        uid[u] = sqlite3_last_insert_rowid(h);
    }
    int64_t *id = calloc((size_t)p->nnodes, sizeof *id);
    int *orden = calloc((size_t)p->nnodes, sizeof *orden);   /* next orden per parent */
    id[0] = plan;
    for (int i = 1; i < p->nnodes; i++) {
        const Node *n = &p->nodes[i];
        sqlite3_stmt *st = sn[n->kind];
        int k = 1;
        sqlite3_bind_int64(st, k++, id[n->parent]);
        if (n->kind == NODE_META)
            sqlite3_bind_int64(st, k++, uid[n->unidad]);
        if (n->kind != NODE_EJE && n->kind != NODE_META)
            bt(st, k++, n->codigo);
        bt(st, k++, n->texto);
        if (n->kind == NODE_ENTREGABLE)
            bt(st, k++, n->indicador);
        if (n->kind == NODE_ACTIVIDAD) {
            const Actividad *a = &p->acts[n->act];
            bt(st, k++, a->unidad_lider);
            bt(st, k++, a->responsables);
            if (a->has_presupuesto)
                sqlite3_bind_double(st, k++, a->presupuesto);
            else
                sqlite3_bind_null(st, k++);
            bt(st, k++, a->moneda);
            bt(st, k++, a->presupuesto_nota);
            bt(st, k++, a->riesgos);
            bt(st, k++, tipo_meta_name(a->tipo));
            bt(st, k++, sentido_name(a->sentido));
            sqlite3_bind_double(st, k++, a->peso);
            sqlite3_bind_null(st, k++);
            sqlite3_bind_int(st, k++, 0);
        }
        sqlite3_bind_int(st, k, orden[n->parent]++);
        step(st);
        id[i] = sqlite3_last_insert_rowid(h);
        if (n->kind == NODE_ACTIVIDAD)
            for (int m = 0; m < POA_MESES; m++) {
                const MesCell *mc = &p->acts[n->act].mes[m];
                if (mc->kind == CELL_VACIA)
                    continue;
                sqlite3_bind_int64(sm, 1, id[i]);
                sqlite3_bind_int(sm, 2, m + 1);
                bt(sm, 3, mc->kind == CELL_X ? "x" : "n");
                sqlite3_bind_double(sm, 4, mc->valor);
                step(sm);
            }
    }
    sqlite3_exec(h, "COMMIT", 0, 0, 0);
    sqlite3_stmt *all[] = {si, sp, su, sn[1], sn[2], sn[3], sn[4], sn[5], sm};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(all[i]);
    sqlite3_close(h);
    t = now() - t;
    last_cpu = cpu() - c;
    free(uid);
    free(id);
    free(orden);
    return t;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int rows = argc > 1 ? atoi(argv[1]) : 100000;
    char dir[] = "/tmp/poa-bench-import-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char csv[256], dbp[256];
    snprintf(csv, sizeof csv, "%s/plana.csv", dir);
    snprintf(dbp, sizeof dbp, "%s/plan.db", dir);
    make_csv(POA_SOURCE_DIR "/tests/fixtures/poa2024_ars_semma.csv", csv, rows);
    CsvAvisos av = {0};
    PoaErr err = {{0}};
    Plan *p = plancsv_read(csv, &av, &err);
    if (!p) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    printf("plantilla: %d filas, %d unidades, %d nodos\n", p->nacts, p->nunidades, p->nnodes);
    double ti[3], tb[3], ci[3], cb[3];
    for (int i = 0; i < 3; i++) {
        ti[i] = time_import(csv, dbp);
        ci[i] = last_cpu;
        tb[i] = time_bare(p, dbp);
        cb[i] = last_cpu;
        printf("  vuelta %d: importar %.2f s (CPU %.2f s), inserción directa %.2f s (CPU %.2f s)\n",
               i + 1, ti[i], ci[i], tb[i], cb[i]);
    }
    qsort(ti, 3, sizeof *ti, cmp_d);
    qsort(tb, 3, sizeof *tb, cmp_d);
    qsort(ci, 3, sizeof *ci, cmp_d);
    qsort(cb, 3, sizeof *cb, cmp_d);
    printf("mediana: importar %.2f s, inserción directa %.2f s, razón %.2f× (en CPU: %.2f s, "
           "%.2f s, %.2f×)\n", ti[1], tb[1], ti[1] / tb[1], ci[1], cb[1], ci[1] / cb[1]);
    plan_free(p);
    csv_avisos_free(&av);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : 1;
}
