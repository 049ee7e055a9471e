/* bench_deshacer.c — times undo and redo at size: deleting an eje with
 * ACTS activities (12 months and one seguimiento each) in a plan of TOTAL
 * activities, its undo from the row images, the plan read again, the redo;
 * and the undo of one field at that size (the model path).
 * Usage: bench_deshacer [ACTS [TOTAL]] (default 8000 of 80000). Prints,
 * asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "db.h"
#include "deshacer.h"
#include "store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const PoaErr *err)
{
    fprintf(stderr, "%s\n", err->msg);
    exit(1);
}

int main(int argc, char **argv)
{
    int acts = argc > 1 ? atoi(argv[1]) : 8000;
    int total = argc > 2 ? atoi(argv[2]) : 80000;
    char path[] = "/tmp/bench-deshacer-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 1;
    close(fd);
    unlink(path);
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_CREATE, NULL, &err);
    if (!db)
        die(&err);
    /* eje 1 holds the activities to delete; eje 2 the rest of the plan */
    char *sql = xasprintf(
        "BEGIN;"
        "INSERT INTO institucion VALUES (1, 'Banco');"
        "INSERT INTO plan VALUES (1, 1, 2024);"
        "INSERT INTO unidad (id, plan_id, nombre, orden) VALUES (1, 1, 'Unidad', 0);"
        "INSERT INTO eje VALUES (1, 1, 'Grande', 0), (2, 1, 'Resto', 1);"
        "INSERT INTO objetivo VALUES (1, 1, 'O.1', 'Objetivo uno', 0),"
        "  (2, 2, 'O.2', 'Objetivo dos', 0);"
        "INSERT INTO meta VALUES (1, 1, 1, 'Meta uno', 0), (2, 2, 1, 'Meta dos', 0);"
        "INSERT INTO entregable VALUES (1, 1, 'E.1', 'Entregable uno', '', 0),"
        "  (2, 2, 'E.2', 'Entregable dos', '', 0);"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
        "  INSERT INTO actividad (id, entregable_id, codigo, texto, responsables, orden)"
        "  SELECT i, CASE WHEN i <= %d THEN 1 ELSE 2 END, 'A.' || i, 'Actividad número ' || i,"
        "  'Responsable', i FROM n;"
        "WITH RECURSIVE m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < 12)"
        "  INSERT INTO mes SELECT a.id, m.k, 'x', 1 FROM actividad a, m;"
        "INSERT INTO seguimiento (actividad_id, corte, real, observaciones)"
        "  SELECT id, 1, 1, 'avance' FROM actividad;"
        "COMMIT;",
        total, acts);
    if (!db_exec(db, sql, &err))
        die(&err);
    free(sql);
    Plan *p = store_load(db, 1, &err);
    if (!p)
        die(&err);
    int eje = -1;
    for (int i = 1; i < p->nnodes && eje < 0; i++)
        if (p->nodes[i].kind == NODE_EJE && p->nodes[i].id == 1)
            eje = i;
    printf("plan: %d actividades; eje «Grande»: %d actividades\n", total, acts);
    double t0 = now();
    if (!cmd_delete(db, p, eje, &err))
        die(&err);
    double t1 = now();
    printf("borrar el eje (con imágenes de filas):  %8.1f ms\n", (t1 - t0) * 1e3);
    DeshacerInfo info;
    t0 = now();
    if (!deshacer_ultimo(db, p, &info, &err))
        die(&err);
    t1 = now();
    printf("deshacer el borrado:                    %8.1f ms  (%s)\n", (t1 - t0) * 1e3,
           info.descripcion);
    deshacer_info_free(&info);
    t0 = now();
    Plan *q = store_load(db, 1, &err);
    if (!q)
        die(&err);
    t1 = now();
    printf("volver a leer el plan:                  %8.1f ms\n", (t1 - t0) * 1e3);
    plan_free(p);
    p = q;
    t0 = now();
    if (!rehacer_ultimo(db, p, &info, &err))
        die(&err);
    t1 = now();
    printf("rehacer el borrado:                     %8.1f ms\n", (t1 - t0) * 1e3);
    deshacer_info_free(&info);
    if (!deshacer_ultimo(db, p, &info, &err))
        die(&err);
    deshacer_info_free(&info);
    plan_free(p);
    p = store_load(db, 1, &err);
    if (!p)
        die(&err);
    /* one field of the last activity, then its undo (through the model) */
    int act = -1;
    for (int i = p->nnodes - 1; i > 0 && act < 0; i--)
        if (p->nodes[i].kind == NODE_ACTIVIDAD)
            act = i;
    if (!cmd_set_campo(db, p, act, CAMPO_TEXTO, "Texto cambiado", &err))
        die(&err);
    t0 = now();
    if (!deshacer_ultimo(db, p, &info, &err))
        die(&err);
    t1 = now();
    printf("deshacer un campo:                      %8.2f ms\n", (t1 - t0) * 1e3);
    deshacer_info_free(&info);
    t0 = now();
    if (!rehacer_ultimo(db, p, &info, &err))
        die(&err);
    t1 = now();
    printf("rehacer un campo:                       %8.2f ms\n", (t1 - t0) * 1e3);
    deshacer_info_free(&info);
    plan_free(p);
    db_close(db);
    unlink(path);
    return 0;
}
