/* test_seguimiento.c — entering reals, observaciones and evidencia at a corte
 * (parsing what the user types, one logged transaction, model changed only
 * after the commit), closing and reopening a corte, and refusals. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "plancsv.h"
#include "seguimiento.h"
#include "store.h"
#include "testlib.h"

#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

static Plan *reload(Db *db, const Plan *p)
{
    PoaErr err = {{0}};
    Plan *q = store_load(db, p->id, &err);
    CHECK(q != NULL);
    return q;
}

TEST(parse_real)
{
    Valor v;
    PoaErr err = {{0}};
    CHECK(seguimiento_parse_real("75%", &v, &err));
    CHECK(v.has && v.pct);
    CHECK_DBL(v.valor, 0.75, 1e-12);
    CHECK(seguimiento_parse_real(" 75 % ", &v, &err));
    CHECK(v.has && v.pct);
    CHECK_DBL(v.valor, 0.75, 1e-12);
    CHECK(seguimiento_parse_real("0.75", &v, &err));
    CHECK(v.has && !v.pct);
    CHECK_DBL(v.valor, 0.75, 1e-12);
    CHECK(seguimiento_parse_real("0,75", &v, &err));
    CHECK_DBL(v.valor, 0.75, 1e-12);
    CHECK(seguimiento_parse_real("479", &v, &err));
    CHECK(v.has && !v.pct);
    CHECK_DBL(v.valor, 479, 1e-12);
    CHECK(seguimiento_parse_real("18,207", &v, &err));
    CHECK_DBL(v.valor, 18207, 1e-12);
    CHECK(seguimiento_parse_real("900.0%", &v, &err));
    CHECK_DBL(v.valor, 9.0, 1e-12);
    CHECK(seguimiento_parse_real("   ", &v, &err));
    CHECK(!v.has);
    CHECK(!seguimiento_parse_real("setenta", &v, &err));
    CHECK_CONTAINS(err.msg, "«setenta»");
    CHECK(!seguimiento_parse_real("-3", &v, &err));
    CHECK_CONTAINS(err.msg, "negativo");
    CHECK(!seguimiento_parse_real("75%%", &v, &err));
}

TEST(edit_logged_and_saved)
{
    char *path = t_tmp("seg.db");
    Plan *p;
    Db *db = t_import_db(path, CAJA, &p, NULL, NULL);
    PoaErr err = {{0}};
    int node = seguimiento_buscar_actividad(p, "AO.6.1", "Comercialización", &err);
    CHECK(node > 0);
    Actividad *a = plan_act(p, node);
    CHECK_DBL(a->seg[2].real.valor, 479, 1e-9);

    SegCambio c = {.set_real = true, .real = {true, false, 500},
                   .observaciones = "Cifra corregida", .evidencia = "Informe 2024-10.pdf"};
    int n = -1;
    CHECK(seguimiento_editar(db, p, node, 3, &c, &n, &err));
    CHECK_INT(n, 3);
    CHECK_DBL(a->seg[2].real.valor, 500, 1e-9);
    CHECK_STR(a->seg[2].observaciones, "Cifra corregida");
    CHECK_STR(a->seg[2].evidencia, "Informe 2024-10.pdf");
    /* one action, three rows, before and after as written */
    char *s = t_sql_text(path, "SELECT count(DISTINCT accion) || '/' || count(*) FROM cambio "
                             "WHERE tabla = 'seguimiento'");
    CHECK_STR(s, "1/3");
    free(s);
    s = t_sql_text(path, "SELECT antes || '>' || despues FROM cambio WHERE campo = 'corte3.real'");
    CHECK_STR(s, "479>500");
    free(s);
    Plan *q = reload(db, p);
    Actividad *qa = plan_act(q, node);
    CHECK_DBL(qa->seg[2].real.valor, 500, 1e-9);
    CHECK_STR(qa->seg[2].evidencia, "Informe 2024-10.pdf");
    plan_free(q);

    /* "75%" kept as written; no change writes nothing */
    CHECK(seguimiento_set_real(db, p, node, 3, "75%", &err));
    CHECK(a->seg[2].real.pct);
    CHECK(seguimiento_editar(db, p, node, 3, &(SegCambio){.set_real = true,
                                                          .real = a->seg[2].real}, &n, &err));
    CHECK_INT(n, 0);
    s = t_sql_text(path, "SELECT count(*) FROM cambio WHERE tabla = 'seguimiento'");
    CHECK_STR(s, "4");
    free(s);
    /* clearing the real */
    CHECK(seguimiento_set_real(db, p, node, 3, "", &err));
    CHECK(!a->seg[2].real.has);
    s = t_sql_text(path, "SELECT coalesce(despues, 'NULL') FROM cambio ORDER BY id DESC LIMIT 1");
    CHECK_STR(s, "NULL");
    free(s);
    /* refusals */
    CHECK(!seguimiento_set_real(db, p, node, 5, "1", &err));
    CHECK_CONTAINS(err.msg, "de 1 a 4");
    CHECK(!seguimiento_set_real(db, p, p->nodes[node].parent, 3, "1", &err));
    CHECK_CONTAINS(err.msg, "actividad");
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(failed_edit_changes_nothing)
{
    char *path = t_tmp("fallo.db");
    Plan *p;
    /* the change log refuses every row: the action must roll back whole */
    Db *db = t_import_then_sql(path, CAJA, &p,
                               "CREATE TRIGGER no_log BEFORE INSERT ON cambio BEGIN "
                               "SELECT RAISE(ABORT, 'registro bloqueado'); END;");
    PoaErr err = {{0}};
    int node = seguimiento_buscar_actividad(p, "AO.6.1", "Comercialización", &err);
    Actividad *a = plan_act(p, node);
    CHECK(!seguimiento_editar(db, p, node, 3,
                              &(SegCambio){.set_real = true, .real = {true, false, 999},
                                           .observaciones = "no debe quedar"},
                              NULL, &err));
    CHECK_CONTAINS(err.msg, "No se guardó el seguimiento de «AO.6.1» (Comercialización)");
    CHECK_DBL(a->seg[2].real.valor, 479, 1e-9);
    CHECK(strstr(a->seg[2].observaciones, "no debe quedar") == NULL);
    Plan *q = reload(db, p);
    CHECK_DBL(plan_act(q, node)->seg[2].real.valor, 479, 1e-9);
    plan_free(q);
    /* the same for closing a corte */
    CHECK(!seguimiento_cerrar_corte(db, p, 3, &err));
    CHECK(!p->cortes[2].cerrado);
    q = reload(db, p);
    CHECK(!q->cortes[2].cerrado);
    plan_free(q);
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(close_and_reopen_corte)
{
    char *path = t_tmp("corte.db");
    Plan *p;
    Db *db = t_import_db(path, CAJA, &p, NULL, NULL);
    PoaErr err = {{0}};
    int node = seguimiento_buscar_actividad(p, "AO.6.1", "Comercialización", &err);
    CHECK(seguimiento_cerrar_corte(db, p, 3, &err));
    CHECK(p->cortes[2].cerrado);
    CHECK_STR(p->cortes[2].cerrado_por, user_name());
    CHECK_INT(strlen(p->cortes[2].cerrado_en), 19);
    /* the refusal names the corte, the date and who closed it */
    char want[256];
    snprintf(want, sizeof want, "El corte 3 está cerrado desde %.10s por %s; reábralo para editar",
             p->cortes[2].cerrado_en, user_name());
    CHECK(!seguimiento_set_real(db, p, node, 3, "600", &err));
    CHECK_STR(err.msg, want);
    CHECK(!seguimiento_set_observaciones(db, p, node, 3, "x", &err));
    CHECK_STR(err.msg, want);
    CHECK_DBL(plan_act(p, node)->seg[2].real.valor, 479, 1e-9);
    /* other cortes stay editable */
    CHECK(seguimiento_set_real(db, p, node, 4, "700", &err));
    /* closed state is in the file */
    Plan *q = reload(db, p);
    CHECK(q->cortes[2].cerrado);
    CHECK_STR(q->cortes[2].cerrado_por, user_name());
    plan_free(q);
    CHECK(!seguimiento_cerrar_corte(db, p, 3, &err));
    CHECK_CONTAINS(err.msg, "ya está cerrado");
    /* reopening needs a reason */
    CHECK(!seguimiento_reabrir_corte(db, p, 3, "  ", &err));
    CHECK_CONTAINS(err.msg, "motivo");
    CHECK(p->cortes[2].cerrado);
    CHECK(!seguimiento_reabrir_corte(db, p, 2, "x", &err));
    CHECK_CONTAINS(err.msg, "no está cerrado");
    CHECK(seguimiento_reabrir_corte(db, p, 3, "Corrección de Comercialización", &err));
    CHECK(!p->cortes[2].cerrado);
    CHECK_STR(p->cortes[2].motivo, "Corrección de Comercialización");
    char *s = t_sql_text(path, "SELECT despues FROM cambio WHERE tabla = 'corte' AND "
                             "campo = 'motivo'");
    CHECK_STR(s, "Corrección de Comercialización");
    free(s);
    s = t_sql_text(path, "SELECT group_concat(antes || '>' || despues, ',') FROM cambio "
                       "WHERE tabla = 'corte' AND campo = 'estado'");
    CHECK_STR(s, "abierto>cerrado,cerrado>abierto");
    free(s);
    q = reload(db, p);
    CHECK(!q->cortes[2].cerrado);
    CHECK_STR(q->cortes[2].motivo, "Corrección de Comercialización");
    plan_free(q);
    CHECK(seguimiento_set_real(db, p, node, 3, "600", &err));
    CHECK_DBL(plan_act(p, node)->seg[2].real.valor, 600, 1e-9);
    /* a closed corte also refuses an import of its seguimiento (store.c) */
    CHECK(seguimiento_cerrar_corte(db, p, 3, &err));
    int64_t id;
    ImportStats st;
    CsvAvisos av = {0};
    CHECK(!plancsv_import(db, CAJA, &st, &id, &av, &err));
    CHECK_CONTAINS(err.msg, "cerrado");
    csv_avisos_free(&av);
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(buscar_actividad)
{
    char *path = t_tmp("buscar.db");
    Plan *p;
    Db *db = t_import_db(path, CAJA, &p, NULL, NULL);
    PoaErr err = {{0}};
    CHECK(seguimiento_buscar_actividad(p, "AO.6.1", NULL, &err) < 0);
    CHECK_CONTAINS(err.msg, "--unidad");
    CHECK(seguimiento_buscar_actividad(p, "AO.9.9", "UAIP", &err) < 0);
    CHECK_CONTAINS(err.msg, "«UAIP» no tiene");
    CHECK(seguimiento_buscar_actividad(p, "AO.6.1", "Nadie", &err) < 0);
    CHECK_CONTAINS(err.msg, "«Nadie»");
    CHECK(seguimiento_buscar_actividad(p, "AO.6.7", "UAIP", &err) > 0);
    plan_free(p);
    db_close(db);
    free(path);
}

/* The interface keeps a plan loaded for hours; another process (the CLI)
 * may close the corte meanwhile. The file decides, not the stale model. */
TEST(corte_closed_by_another_process)
{
    char *path = t_tmp("otro-proceso.db");
    Plan *p;
    Db *db = t_import_db(path, CAJA, &p, NULL, NULL);
    PoaErr err = {{0}};
    Db *other = db_open(path, DB_EXISTING, NULL, &err);
    Plan *q = reload(other, p);
    CHECK(seguimiento_cerrar_corte(other, q, 3, &err));
    plan_free(q);
    db_close(other);
    CHECK(!p->cortes[2].cerrado);   /* the first view has not seen it */
    int node = seguimiento_buscar_actividad(p, "AO.6.1", "Comercialización", &err);
    CHECK(node > 0);
    CHECK(!seguimiento_set_real(db, p, node, 3, "500", &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK(p->cortes[2].cerrado);    /* and now it has */
    CHECK_DBL(plan_act(p, node)->seg[2].real.valor, 479, 0);
    char *real = t_sql_text(path, "SELECT real FROM seguimiento s JOIN actividad a ON a.id = "
                                "s.actividad_id WHERE a.codigo = 'AO.6.1' AND s.corte = 3 "
                                "AND a.texto LIKE 'Realizar la venta del Seguro de Vida%'");
    CHECK_STR(real, "479.0");
    free(real);
    plan_free(p);
    db_close(db);
    free(path);
}

int main(void)
{
    RUN(parse_real);
    RUN(edit_logged_and_saved);
    RUN(failed_edit_changes_nothing);
    RUN(close_and_reopen_corte);
    RUN(buscar_actividad);
    RUN(corte_closed_by_another_process);
    return t_finish();
}
