/* bench_store.c — times the foundation at plan sizes up to 100× a real one:
 * reading the flat CSV, importing into a new file, loading the plan, a
 * one-cell edit, and exporting. Usage: bench_store [FACTOR] (default 470:
 * the ARS fixture's 172 activities × 470 ≈ 80,000). Prints, asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "csv.h"
#include "db.h"
#include "plancsv.h"
#include "store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes the fixture FACTOR times, each copy with its units renamed. */
static void make_csv(const char *src, const char *dst, int factor)
{
    PoaErr err = {{0}};
    CsvReader *r = csv_open(src, &err);
    if (!r) {
        fprintf(stderr, "%s\n", err.msg);
        exit(1);
    }
    CsvRow row;
    char ***rows = NULL;
    int nrows = 0, ncols = 0, unit_col = -1;
    char **header = NULL;
    while (csv_next(r, &row, &err) == 1) {
        char **copy = calloc((size_t)row.nfields, sizeof *copy);
        for (int i = 0; i < row.nfields; i++)
            copy[i] = strdup(row.fields[i]);
        if (!header) {
            header = copy;
            ncols = row.nfields;
            for (int i = 0; i < ncols; i++)
                if (strcmp(copy[i], "unidad") == 0)
                    unit_col = i;
        } else {
            rows = realloc(rows, sizeof *rows * (size_t)(nrows + 1));
            rows[nrows++] = copy;
        }
    }
    csv_close(r);
    FILE *f = fopen(dst, "w");
    for (int i = 0; i < ncols; i++) {
        if (i)
            fputc(',', f);
        csv_write_field(f, header[i], true);
    }
    fputc('\n', f);
    for (int k = 0; k < factor; k++)
        for (int j = 0; j < nrows; j++) {
            for (int i = 0; i < ncols; i++) {
                if (i)
                    fputc(',', f);
                if (i == unit_col) {
                    char name[512];
                    snprintf(name, sizeof name, "%s %d", rows[j][i], k + 1);
                    csv_write_field(f, name, true);
                } else {
                    csv_write_field(f, rows[j][i], true);
                }
            }
            fputc('\n', f);
        }
    fclose(f);
    printf("plantilla: %d actividades, %d unidades\n", nrows * factor, 16 * factor);
}

int main(int argc, char **argv)
{
    int factor = argc > 1 ? atoi(argv[1]) : 470;
    const char *fixture = argc > 2 ? argv[2] : POA_SOURCE_DIR "/tests/fixtures/poa2024_ars_semma.csv";
    char dir[] = "/tmp/poa-bench-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char csv[256], dbp[256], out[256];
    snprintf(csv, sizeof csv, "%s/grande.csv", dir);
    snprintf(dbp, sizeof dbp, "%s/grande.db", dir);
    snprintf(out, sizeof out, "%s/salida.csv", dir);
    make_csv(fixture, csv, factor);

    PoaErr err = {{0}};
    CsvAvisos av = {0};
    double t = now();
    Plan *in = plancsv_read(csv, &av, &err);
    printf("leer y validar la plantilla: %8.1f ms\n", (now() - t) * 1e3);
    plan_free(in);

    Db *db = db_open(dbp, DB_CREATE, NULL, &err);
    ImportStats st;
    int64_t id;
    t = now();
    if (!plancsv_import(db, csv, &st, &id, &av, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    printf("importar (archivo nuevo):    %8.1f ms (%d actividades)\n", (now() - t) * 1e3,
           st.actividades);
    t = now();
    plancsv_import(db, csv, &st, &id, &av, &err);
    printf("reimportar (todo existe):    %8.1f ms\n", (now() - t) * 1e3);
    db_exec(db, "ANALYZE", &err);

    t = now();
    Plan *p = store_load(db, id, &err);
    printf("cargar el plan:              %8.1f ms (%d nodos)\n", (now() - t) * 1e3, p->nnodes);

    /* one edit as the interface makes it: one cell, one transaction */
    Actividad *a = &p->acts[p->nacts / 2];
    int n = 200;
    t = now();
    for (int i = 0; i < n; i++) {
        Actividad antes = *a;   /* compare-and-set: the copy before the edit */
        a->mes[i % 12].kind = a->mes[i % 12].kind == CELL_X ? CELL_VACIA : CELL_X;
        a->mes[i % 12].valor = a->mes[i % 12].kind == CELL_X;
        db_begin(db, &err);
        store_save_actividad(db, p, a->node, &p->nodes[a->node], &antes, &err);
        store_log(db, db_new_accion(db), p->id, CAMBIO_MESES, "mes", p->nodes[a->node].id, "ene", "", "x",
                  "", &err);
        db_commit(db, &err);
    }
    printf("editar una celda (1 tx):     %8.3f ms por edición\n", (now() - t) * 1e3 / n);

    /* re-reading one activity after a refused edit: by id, whatever the size */
    t = now();
    for (int i = 0; i < n; i++)
        store_reload_node(db, p, a->node, &err);
    printf("releer una actividad:        %8.3f ms\n", (now() - t) * 1e3 / n);

    CsvExportOpts o = {0};
    t = now();
    plancsv_export(p, out, &o, NULL, &err);
    printf("exportar CSV:                %8.1f ms\n", (now() - t) * 1e3);
    plan_free(p);
    db_close(db);
    csv_avisos_free(&av);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return 0;
}
