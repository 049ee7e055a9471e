/* test_store.c — the database file and the flat CSV: schema creation,
 * migration with backup, refusal of foreign and newer files, import of both
 * fixtures with exact counts, idempotent re-import, round trip, and a failed
 * import that leaves the file byte-identical. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "db.h"
#include "plancsv.h"
#include "store.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

TEST(schema_creation)
{
    char *path = t_tmp("nuevo.db");
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_CREATE, NULL, &err);
    CHECK(db != NULL);
    db_close(db);
    CHECK_INT(t_sql_int(path, "PRAGMA user_version"), POA_SCHEMA_VERSION);
    CHECK_INT(t_sql_int(path, "PRAGMA application_id"), POA_APPLICATION_ID);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'actividad'"), 1);
    /* DB_EXISTING refuses a missing file and creates nothing */
    char *missing = t_tmp("no-existe.db");
    CHECK(db_open(missing, DB_EXISTING, NULL, &err) == NULL);
    CHECK_CONTAINS(err.msg, "No existe el archivo");
    CHECK(access(missing, F_OK) != 0);
    free(missing);
    free(path);
}

TEST(migration_from_v1)
{
    char *path = t_tmp("v1.db");
    char *bakdir = t_tmp("respaldos");
    size_t n;
    char *v1 = t_read_file(POA_FIXTURES "/schemas/schema_v1.sql", &n);
    CHECK(v1 != NULL);
    t_sql_exec(path, v1);
    free(v1);
    t_sql_exec(path, "INSERT INTO institucion VALUES (1, 'Caja'); INSERT INTO plan VALUES (1, 1, 2024);"
                   "INSERT INTO unidad VALUES (1, 1, 'UAIP', '', '', 0);");
    CHECK_INT(t_sql_int(path, "PRAGMA user_version"), 1);
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_EXISTING, bakdir, &err);
    CHECK(db != NULL);
    if (!db)
        return;
    const char *bak = db_backup_path(db);
    CHECK(bak != NULL);
    CHECK(bak && strstr(bak, "respaldos/v1.db.20") && strstr(bak, ".migracion-v1.bak") != NULL);
    CHECK_INT(t_sql_int(bak, "PRAGMA user_version"), 1);
    CHECK_INT(t_sql_int(bak, "SELECT count(*) FROM unidad"), 1);
    db_close(db);
    CHECK_INT(t_sql_int(path, "PRAGMA user_version"), POA_SCHEMA_VERSION);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM unidad WHERE nombre = 'UAIP'"), 1);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM pragma_table_info('cambio') WHERE name = 'deshecho'"), 1);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM pragma_table_info('cambio') WHERE name = 'tipo'"), 1);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'meta_objetivo'"), 1);
    free(path);
    free(bakdir);
}

static void check_refused_untouched(const char *path, const char *expect)
{
    size_t n1, n2;
    char *before = t_read_file(path, &n1);
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_EXISTING, NULL, &err);
    CHECK(db == NULL);
    db_close(db);
    CHECK_CONTAINS(err.msg, expect);
    char *after = t_read_file(path, &n2);
    CHECK(before && after && n1 == n2 && memcmp(before, after, n1) == 0);
    free(before);
    free(after);
}

TEST(foreign_and_newer_files)
{
    char *newer = t_tmp("nuevo-futuro.db");
    PoaErr err = {{0}};
    db_close(db_open(newer, DB_CREATE, NULL, &err));
    t_sql_exec(newer, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 99");
    check_refused_untouched(newer, "versión más nueva de poa");

    char *foreign = t_tmp("ajeno.db");
    t_sql_exec(foreign, "CREATE TABLE clientes (id INTEGER PRIMARY KEY, nombre TEXT);"
                      "INSERT INTO clientes VALUES (1, 'x');");
    check_refused_untouched(foreign, "otro programa");

    /* ours by application_id, but with no schema version: refused before
     * anything (journal mode included) is written */
    char *nover = t_tmp("sin-version.db");
    t_sql_exec(nover, "PRAGMA application_id = 1347371313; CREATE TABLE x (a);");
    check_refused_untouched(nover, "esquema desconocido");
    free(nover);

    char *text = t_tmp("texto.db");
    FILE *f = fopen(text, "w");
    fputs("esto no es una base de datos, es un texto cualquiera con bastante contenido "
          "para que SQLite lea la cabecera y la rechace ........................\n", f);
    fclose(f);
    check_refused_untouched(text, "no es una base de datos SQLite");
    free(newer);
    free(foreign);
    free(text);
}

TEST(import_fixtures_counts)
{
    char *path = t_tmp("ars.db");
    ImportStats st;
    Plan *p = t_import(path, ARS, &st);
    CHECK(p != NULL);
    if (!p)
        return;
    CHECK_STR(p->institucion, "ARS SEMMA");
    CHECK_INT(p->anio, 2024);
    CHECK_INT(st.actividades, 172);
    CHECK_INT(st.unidades, 16);
    CHECK_INT(p->nunidades, 16);
    CHECK_INT(t_count_live(p, NODE_ACTIVIDAD), 172);
    CHECK_INT(t_count_live(p, NODE_ENTREGABLE), 71);
    /* the real documents' spellings, merged later on purpose; rows without
     * an eje go under the implicit one, which is not counted (issue 8) */
    CHECK_INT(st.ejes, 10);
    CHECK_INT(st.seguimientos, 0);
    plan_free(p);

    char *cpath = t_tmp("caja.db");
    p = t_import(cpath, CAJA, &st);
    CHECK(p != NULL);
    if (!p)
        return;
    CHECK_INT(st.actividades, 89);
    CHECK_INT(st.unidades, 8);
    CHECK_INT(t_count_live(p, NODE_ACTIVIDAD), 89);
    CHECK_INT(t_count_live(p, NODE_EJE), 0);          /* the Caja's plan has no ejes … */
    CHECK_INT(t_count_live(p, NODE_ENTREGABLE), 0);   /* … and no entregables */
    CHECK_INT(t_count_live(p, NODE_OBJETIVO), 5);
    CHECK_INT(st.seguimientos, 89);
    /* a value in detail: Comercialización AO.6.1 */
    bool found = false;
    for (int i = 0; i < p->nacts; i++) {
        Actividad *a = &p->acts[i];
        Node *n = &p->nodes[a->node];
        if (strcmp(n->codigo, "AO.6.1") == 0 &&
            strcmp(p->unidades[n->unidad].nombre, "Comercialización") == 0) {
            found = true;
            CHECK_DBL(a->meta_anual.valor, 2037, 0);
            CHECK_DBL(a->trim[0].valor, 552, 0);
            CHECK_DBL(a->seg[2].real.valor, 479, 0);
            CHECK_STR(a->seg[2].pct_publicado, "31%");
            CHECK_STR(a->unidad_lider, "Subgerente Comercial");
        }
    }
    CHECK(found);
    plan_free(p);
    free(path);
    free(cpath);
}

TEST(reimport_is_idempotent)
{
    char *path = t_tmp("reimport.db");
    ImportStats st;
    plan_free(t_import(path, CAJA, &st));
    Plan *p = t_import(path, CAJA, &st);
    CHECK(p != NULL);
    if (!p)
        return;
    CHECK_INT(st.actividades, 0);
    CHECK_INT(st.actividades_actualizadas, 0);   /* nothing changed: nothing written */
    CHECK_INT(st.actividades_sin_cambios, 89);
    CHECK_INT(st.unidades + st.objetivos + st.metas + st.entregables, 0);
    CHECK_INT(t_count_live(p, NODE_ACTIVIDAD), 89);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM actividad"), 89);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM seguimiento"), 89);
    plan_free(p);
    free(path);
}

/* Reads a CSV into rows of (header -> value), compared column by column. */
typedef struct {
    char **h;
    int nh;
    char ***rows;
    int nrows;
} Table;

static Table read_table(const char *path)
{
    Table t = {0};
    PoaErr err = {{0}};
    CsvReader *r = csv_open(path, &err);
    CHECK(r != NULL);
    if (!r)
        return t;
    CsvRow row;
    int rc;
    while ((rc = csv_next(r, &row, &err)) == 1) {
        char **copy = calloc((size_t)row.nfields, sizeof *copy);
        for (int i = 0; i < row.nfields; i++) {
            copy[i] = strdup(row.fields[i]);
            csv_unescape_text(copy[i]);
        }
        if (!t.h) {
            t.h = copy;
            t.nh = row.nfields;
        } else {
            t.rows = realloc(t.rows, sizeof *t.rows * (size_t)(t.nrows + 1));
            t.rows[t.nrows++] = copy;
        }
    }
    CHECK_INT(rc, 0);
    csv_close(r);
    return t;
}

static int col(const Table *t, const char *name)
{
    for (int i = 0; i < t->nh; i++)
        if (strcmp(t->h[i], name) == 0)
            return i;
    return -1;
}

static void free_table(Table *t)
{
    for (int r = 0; r < t->nrows; r++) {
        for (int i = 0; i < t->nh; i++)
            free(t->rows[r][i]);
        free(t->rows[r]);
    }
    for (int i = 0; i < t->nh; i++)
        free(t->h[i]);
    free(t->h);
    free(t->rows);
}

static void round_trip(const char *fixture, const char *name)
{
    char *dbp = t_tmp(name);
    char *out = xasprintf("%s.csv", dbp);
    ImportStats st;
    Plan *p = t_import(dbp, fixture, &st);
    CHECK(p != NULL);
    if (!p)
        return;
    CsvExportOpts o = {0};
    PoaErr err = {{0}};
    int rows = 0;
    CHECK(plancsv_export(p, out, &o, &rows, &err));
    plan_free(p);
    Table a = read_table(fixture), b = read_table(out);
    CHECK_INT(b.nrows, a.nrows);
    CHECK_INT(rows, a.nrows);
    int diffs = 0;
    for (int c = 0; c < a.nh; c++) {
        int cb = col(&b, a.h[c]);
        CHECK(cb >= 0);
        if (cb < 0)
            continue;
        for (int r = 0; r < a.nrows && r < b.nrows; r++) {
            if (strcmp(a.rows[r][c], b.rows[r][cb]) != 0 && diffs++ < 5)
                fprintf(stderr, "%s fila %d columna %s: «%s» != «%s»\n", fixture, r + 2,
                        a.h[c], a.rows[r][c], b.rows[r][cb]);
        }
    }
    CHECK_INT(diffs, 0);
    /* and the export imports back to the same plan */
    ImportStats st2;
    Plan *again = t_import(dbp, out, &st2);
    CHECK_INT(st2.actividades, 0);
    CHECK_INT(st2.actividades_actualizadas, 0);
    CHECK_INT(st2.actividades_sin_cambios, a.nrows);
    plan_free(again);
    free_table(&a);
    free_table(&b);
    free(dbp);
    free(out);
}

TEST(round_trip_fixtures)
{
    round_trip(ARS, "rt-ars.db");
    round_trip(CAJA, "rt-caja.db");
}

TEST(failed_import_leaves_file_identical)
{
    char *dbp = t_tmp("intacto.db");
    ImportStats st;
    plan_free(t_import(dbp, CAJA, &st));
    size_t n1, n2;
    char *before = t_read_file(dbp, &n1);
    /* row 3 is valid, row 4 has a bad month: nothing of the file may land */
    char *bad = t_write_text("malo.csv",
        "institucion,anio,unidad,actividad,ene,feb\n"
        "Caja Mutual de los Empleados del Ministerio de Educación,2024,Nueva Unidad,Hacer algo,x,\n"
        "Caja Mutual de los Empleados del Ministerio de Educación,2024,Nueva Unidad,Otra cosa,,xx\n");
    PoaErr err = {{0}};
    Db *db = db_open(dbp, DB_EXISTING, NULL, &err);
    CsvAvisos av = {0};
    CHECK(!plancsv_import(db, bad, &st, NULL, &av, &err));
    CHECK_CONTAINS(err.msg, "malo.csv:3:");
    CHECK_CONTAINS(err.msg, "columna «feb»");
    CHECK_CONTAINS(err.msg, "«xx»");
    db_close(db);
    char *after = t_read_file(dbp, &n2);
    CHECK(n1 == n2 && memcmp(before, after, n1) == 0);
    CHECK_INT(t_sql_int(dbp, "SELECT count(*) FROM unidad WHERE nombre = 'Nueva Unidad'"), 0);
    free(before);
    free(after);
    free(bad);
    free(dbp);
}

static void expect_error(const char *csv, const char *want1, const char *want2)
{
    static int k;
    char name[32];
    snprintf(name, sizeof name, "err%d.csv", ++k);
    char *path = t_write_text(name, csv);
    PoaErr err = {{0}};
    CsvAvisos av = {0};
    Plan *p = plancsv_read(path, &av, &err);
    CHECK(p == NULL);
    plan_free(p);
    CHECK_CONTAINS(err.msg, want1);
    CHECK_CONTAINS(err.msg, want2);
    csv_avisos_free(&av);
    free(path);
}

TEST(import_errors_name_the_place)
{
    expect_error("institucion,anio,unidad\nA,2024,U\n", "falta la columna obligatoria «actividad»", ":1");
    expect_error("institucion,anio,unidad,actividad\nA,20x4,U,Hacer\n", ":2:", "«20x4» no es un año válido");
    expect_error("institucion,anio,unidad,actividad\nA,2024,U,Hacer\nB,2024,U,Hacer\n", ":3:1:", "un solo plan");
    expect_error("institucion,anio,unidad,actividad,meta_anual\nA,2024,U,Hacer,cuatro\n", ":2:16:", "columna «meta_anual»");
    expect_error("institucion,anio,unidad,actividad,real\nA,2024,U,Hacer,3\n", "columna «corte»", "indique el trimestre");
    expect_error("institucion,anio,unidad,actividad,corte,real\nA,2024,U,Hacer,5,3\n", "«5» no es un corte válido", ":2:");
    expect_error("institucion,anio,unidad,actividad,presupuesto\nA,2024,U,Hacer,RD$ 5\n", "columna «presupuesto»", "no es un monto");
    expect_error("institucion,anio,unidad,actividad\nA,2024,,Hacer\n", ":2:", "columna «unidad»: está vacía");
    expect_error("institucion,anio,unidad,actividad,unidad\nA,2024,U,Hacer,U\n", "aparece dos veces", ":1:");
    expect_error("institucion,anio,unidad,actividad\n\"A,2024,U,Hacer\n", ":2:1:", "comillas");
}

TEST(unknown_column_is_a_warning)
{
    char *path = t_write_text("extra.csv", "institucion,anio,unidad,actividad,color\nA,2024,U,Hacer,rojo\n");
    PoaErr err = {{0}};
    CsvAvisos av = {0};
    Plan *p = plancsv_read(path, &av, &err);
    CHECK(p != NULL);
    CHECK_INT(av.n, 1);
    if (av.n)
        CHECK_CONTAINS(av.lineas[0], "columna desconocida «color»");
    csv_avisos_free(&av);
    plan_free(p);
    free(path);
}

TEST(formula_text_round_trip)
{
    char *dbp = t_tmp("formula.db");
    char *in = t_write_text("formula.csv",
        "institucion,anio,unidad,actividad,responsables\n"
        "Inst,2024,U,\"=HYPERLINK(\"\"http://x\"\")\",-Dirección/ +Otra\n");
    ImportStats st;
    Plan *p = t_import(dbp, in, &st);
    CHECK(p != NULL);
    if (!p)
        return;
    CHECK_STR(p->nodes[p->acts[0].node].texto, "=HYPERLINK(\"http://x\")");
    char *out = xasprintf("%s.out.csv", dbp);
    CsvExportOpts o = {0};
    PoaErr err = {{0}};
    CHECK(plancsv_export(p, out, &o, NULL, &err));
    char *text = t_read_file(out, NULL);
    CHECK_CONTAINS(text, "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK_CONTAINS(text, "'-Dirección/ +Otra");
    free(text);
    plan_free(p);
    free(out);
    free(in);
    free(dbp);
}

TEST(presupuesto_nota)
{
    char *m, *n;
    presupuesto_nota_split("$; monto compartido con las actividades siguientes del entregable", &m, &n);
    CHECK_STR(m, "$");
    CHECK_STR(n, "monto compartido con las actividades siguientes del entregable");
    char *j = presupuesto_nota_join(m, n);
    CHECK_STR(j, "$; monto compartido con las actividades siguientes del entregable");
    free(m); free(n); free(j);
    presupuesto_nota_split("RD$", &m, &n);
    CHECK_STR(m, "RD$");
    CHECK_STR(n, "");
    free(m); free(n);
    presupuesto_nota_split("N/A", &m, &n);
    CHECK_STR(m, "");
    CHECK_STR(n, "N/A");
    free(m); free(n);
}

int main(void)
{
    RUN(schema_creation);
    RUN(migration_from_v1);
    RUN(foreign_and_newer_files);
    RUN(import_fixtures_counts);
    RUN(reimport_is_idempotent);
    RUN(round_trip_fixtures);
    RUN(failed_import_leaves_file_identical);
    RUN(import_errors_name_the_place);
    RUN(unknown_column_is_a_warning);
    RUN(formula_text_round_trip);
    RUN(presupuesto_nota);
    return t_finish();
}
