/* test_cmd_niveles.c — the core of starting and reshaping a plan: which
 * levels a new element may take (cmd_niveles.c) and the implicit level made
 * real; a plan created, renamed and copied to a new year (cmd_plan.c); the
 * units managed (cmd_unidades.c). Each read back from the file; a failure
 * leaves the file as it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_niveles.h"
#include "cmd_plan.h"
#include "cmd_unidades.h"
#include "store.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

TEST(niveles_caja)
{
    TFx f;
    t_fx_open(&f, CAJA, "niveles.db");
    Plan *p = f.p;
    CmdNivel nv[2];
    int obj = t_first_of(p, NODE_OBJETIVO), meta = t_first_of(p, NODE_META);
    int act = t_first_of(p, NODE_ACTIVIDAD);
    /* next to an objetivo of a plan without ejes: objetivo, or an eje over them */
    CHECK_INT(cmd_niveles_posibles(p, obj, false, nv), 2);
    CHECK_INT(nv[0].kind, NODE_OBJETIVO);
    CHECK_INT(nv[1].kind, NODE_EJE);
    CHECK(nv[1].implicito > 0);
    CHECK_INT(nv[1].hijos, 5);
    /* inside a meta: actividad, or an entregable over its actividades */
    CHECK_INT(cmd_niveles_posibles(p, meta, true, nv), 2);
    CHECK_INT(nv[0].kind, NODE_ACTIVIDAD);
    CHECK_INT(nv[1].kind, NODE_ENTREGABLE);
    CHECK_INT(nv[1].hijos, plan_count_actividades(p, meta));
    /* next to an actividad: an actividad only; inside one: nothing */
    CHECK_INT(cmd_niveles_posibles(p, act, false, nv), 1);
    CHECK_INT(nv[0].kind, NODE_ACTIVIDAD);
    CHECK_INT(cmd_niveles_posibles(p, act, true, nv), 0);
    /* the eje names the implicit one: the objetivos under it, in the file too */
    cmd_niveles_posibles(p, obj, false, nv);
    int eje = -1;
    PoaErr err = {{0}};
    CHECK(!cmd_nivel_add(f.db, p, obj, false, &nv[1], -1, "", "   ", "", &eje, &err));
    CHECK_CONTAINS(err.msg, "no puede quedar vacío");
    CHECK(cmd_nivel_add(f.db, p, obj, false, &nv[1], -1, "", " Sostenibilidad ", "", &eje, &err));
    CHECK_STR(p->nodes[eje].texto, "Sostenibilidad");
    CHECK_INT(p->nodes[obj].parent, eje);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM objetivo o JOIN eje e ON e.id = o.eje_id "
                             "WHERE e.nombre = 'Sostenibilidad'"), 5);
    /* now the plan uses ejes: next to an objetivo, only an objetivo */
    CHECK_INT(cmd_niveles_posibles(p, obj, false, nv), 1);
    /* the entregable with its indicador, one transaction and one action */
    cmd_niveles_posibles(p, meta, true, nv);
    int ent = -1, antes = t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio");
    CHECK(cmd_nivel_add(f.db, p, meta, true, &nv[1], -1, "1", "Informes", "% informes", &ent, &err));
    CHECK_INT(t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio"), antes + 1);
    CHECK_STR(p->nodes[ent].indicador, "% informes");
    CHECK_INT(p->nodes[act].parent, ent);
    Plan *q = t_fx_reopen(&f);
    CHECK_INT(t_count_live(q, NODE_EJE), 1);
    CHECK_INT(t_count_live(q, NODE_ENTREGABLE), 1);
    CHECK_INT(t_count_live(q, NODE_ACTIVIDAD), 89);
    plan_free(q);
    t_fx_close(&f);
}

TEST(niveles_plan_vacio)
{
    char *path = t_tmp("vacio.db");
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_CREATE, NULL, &err);
    int64_t id;
    CmdPlanFallo fl;
    CHECK(cmd_plan_crear(db, "Instituto", 2025, "Planificación", &id, &fl, &err));
    Plan *p = store_load(db, id, &err);
    CmdNivel nv[2];
    /* an empty plan: an eje or an objetivo without eje */
    CHECK_INT(cmd_niveles_posibles(p, 0, true, nv), 2);
    CHECK_INT(nv[0].kind, NODE_EJE);
    CHECK_INT(nv[1].kind, NODE_OBJETIVO);
    int obj = -1, meta = -1, x = -1;
    CHECK(cmd_nivel_add(db, p, 0, true, &nv[1], -1, "", "Objetivo uno", "", &obj, &err));
    CHECK(plan_node_implicit(p, p->nodes[obj].parent));
    CHECK(cmd_add(db, p, obj, true, 0, "", "Meta", &meta, &err));
    /* inside a meta of a plan without entregables: entregable or actividad */
    CHECK_INT(cmd_niveles_posibles(p, meta, true, nv), 2);
    CHECK_INT(nv[0].kind, NODE_ENTREGABLE);
    CHECK_INT(nv[1].kind, NODE_ACTIVIDAD);
    CHECK(cmd_nivel_add(db, p, meta, true, &nv[1], -1, "1", "Actividad", "", &x, &err));
    CHECK_INT(p->nodes[x].kind, NODE_ACTIVIDAD);
    CHECK(plan_node_implicit(p, p->nodes[x].parent));
    /* a kind that cannot go there is refused */
    CHECK(!cmd_add_nodo(db, p, 0, true, NODE_META, 0, "", "x", "", NULL, &err));
    CHECK_CONTAINS(err.msg, "No se puede agregar meta operativa dentro de");
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(plan_crear_datos)
{
    char *path = t_tmp("crear.db");
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_CREATE, NULL, &err);
    int64_t id, id2;
    CmdPlanFallo f;
    CHECK(!cmd_plan_crear(db, "  ", 2025, "", &id, &f, &err));
    CHECK_INT(f, CMD_PLAN_DATOS);
    CHECK(!cmd_plan_crear(db, "Caja", 1800, "", &id, &f, &err));
    CHECK_INT(f, CMD_PLAN_DATOS);
    CHECK_CONTAINS(err.msg, "«1800»");
    CHECK(cmd_plan_crear(db, " Caja ", 2025, " Planificación ", &id, &f, &err));
    CHECK(!cmd_plan_crear(db, "Caja", 2025, "", &id2, &f, &err));
    CHECK_INT(f, CMD_PLAN_EXISTE);
    CHECK_STR(err.msg, "ya existe el plan de «Caja» del año 2025 en este archivo");
    CHECK(cmd_plan_crear(db, "Caja", 2026, "", &id2, &f, &err));
    CHECK_INT(t_db_int(db, "SELECT count(*) FROM institucion"), 1);
    Plan *p = store_load(db, id, &err);
    CHECK_STR(p->institucion, "Caja");
    CHECK_INT(p->nunidades, 1);
    CHECK_STR(p->unidades[0].nombre, "Planificación");
    /* its data: another plan's year refused; a new institution name moves it */
    CHECK(!cmd_plan_datos(db, p, "Caja", 2026, &f, &err));
    CHECK_INT(f, CMD_PLAN_EXISTE);
    CHECK_INT(p->anio, 2025);
    CHECK(cmd_plan_datos(db, p, "Caja Mutual", 2027, &f, &err));
    CHECK_INT(t_db_int(db, "SELECT count(*) FROM institucion"), 2);
    CHECK_INT(t_db_int(db, "SELECT anio FROM plan p JOIN institucion i ON i.id = p.institucion_id "
                           "WHERE i.nombre = 'Caja Mutual'"), 2027);
    CHECK_INT(t_db_int(db, "SELECT count(*) FROM cambio WHERE tipo = 'plan'"), 5);
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(nuevo_anio)
{
    TFx f;
    t_fx_open(&f, ARS, "anio.db");
    ImportStats c;
    CmdPlanFallo fl;
    int64_t nuevo = 0;
    char *resp = NULL;
    PoaErr err = {{0}};
    CHECK(cmd_plan_nuevo_anio(f.db, f.id, 2025, false, &c, &nuevo, &resp, &fl, &err));
    CHECK(resp != NULL && strstr(resp, "nuevo-anio") != NULL);
    free(resp);
    CHECK_INT(c.actividades, f.p->nacts);
    CHECK_INT(c.unidades, f.p->nunidades);
    Plan *q = store_load(f.db, nuevo, &err);
    CHECK_INT(q->anio, 2025);
    CHECK_INT(t_count_live(q, NODE_ENTREGABLE), t_count_live(f.p, NODE_ENTREGABLE));
    int segs = 0;
    for (int i = 0; i < q->nacts; i++)
        for (int k = 0; k < POA_TRIMESTRES; k++)
            segs += q->acts[i].seg[k].real.has;
    CHECK_INT(segs, 0);
    plan_free(q);
    /* again: refused, then replaced */
    CHECK(!cmd_plan_nuevo_anio(f.db, f.id, 2025, false, &c, &nuevo, NULL, &fl, &err));
    CHECK_INT(fl, CMD_PLAN_EXISTE);
    CHECK(!cmd_plan_nuevo_anio(f.db, f.id, 2024, false, &c, &nuevo, NULL, &fl, &err));
    CHECK_INT(fl, CMD_PLAN_DATOS);
    CHECK(cmd_plan_nuevo_anio(f.db, f.id, 2025, true, &c, &nuevo, NULL, &fl, &err));
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM plan"), 2);
    t_fx_close(&f);
}

TEST(nuevo_anio_falla)
{
    /* the copy fails half-way (a trigger stands for a full disk): no plan
     * of 2025 is left, not one row of it */
    char *path = t_tmp("falla.db");
    Plan *p = NULL;
    Db *db = t_import_then_sql(path, CAJA, &p,
                               "CREATE TRIGGER lleno BEFORE INSERT ON actividad WHEN "
                               "(SELECT count(*) FROM actividad) >= 120 BEGIN "
                               "SELECT RAISE(ABORT, 'disco lleno'); END;");
    int filas = t_db_int(db, "SELECT (SELECT count(*) FROM actividad) + (SELECT count(*) FROM "
                             "unidad) + (SELECT count(*) FROM meta) + (SELECT count(*) FROM plan)");
    ImportStats c;
    CmdPlanFallo fl;
    PoaErr err = {{0}};
    CHECK(!cmd_plan_nuevo_anio(db, p->id, 2025, false, &c, NULL, NULL, &fl, &err));
    CHECK_INT(fl, CMD_PLAN_FALLO);
    CHECK_CONTAINS(err.msg, "disco lleno");
    CHECK_INT(c.actividades, 0);
    CHECK_INT(t_db_int(db, "SELECT (SELECT count(*) FROM actividad) + (SELECT count(*) FROM "
                           "unidad) + (SELECT count(*) FROM meta) + (SELECT count(*) FROM plan)"),
              filas);
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(unidades)
{
    TFx f;
    t_fx_open(&f, CAJA, "unidades.db");
    Plan *p = f.p;
    PoaErr err = {{0}};
    int u = -1, n = p->nunidades;
    CHECK(!cmd_unidad_add(f.db, p, "UAIP", &u, &err));
    CHECK_STR(err.msg, "Ya hay una unidad «UAIP» en este plan");
    CHECK_INT(p->nunidades, n);
    CHECK(cmd_unidad_add(f.db, p, "Archivo", &u, &err));
    CHECK_INT(u, n);
    CHECK(cmd_unidad_set(f.db, p, u, UNIDAD_MISION, "Custodiar", &err));
    CHECK(cmd_unidad_set(f.db, p, u, UNIDAD_NOMBRE, "Archivo Central", &err));
    CHECK(!cmd_unidad_set(f.db, p, u, UNIDAD_NOMBRE, "", &err));
    CHECK_STR(p->unidades[u].nombre, "Archivo Central");
    int uaip = plan_find_unidad(p, "UAIP");
    CHECK(!cmd_unidad_delete(f.db, p, uaip, &err));
    CHECK_STR(err.msg, "la unidad «UAIP» tiene 1 meta operativa y 7 actividades: muévalas o "
                       "bórrelas antes");
    CHECK(cmd_unidad_move(f.db, p, u, -1, &err));
    CHECK(!cmd_unidad_move(f.db, p, 0, -1, &err));
    Plan *q = t_fx_reopen(&f);
    CHECK_STR(q->unidades[n - 1].nombre, "Archivo Central");
    CHECK_STR(q->unidades[n - 1].mision, "Custodiar");
    CHECK_INT(q->nodes[t_first_of(q, NODE_META)].unidad,
              plan_find_unidad(q, p->unidades[p->nodes[t_first_of(p, NODE_META)].unidad].nombre));
    CHECK(cmd_unidad_delete(f.db, q, n - 1, &err));
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM unidad WHERE nombre = 'Archivo Central'"), 0);
    plan_free(q);
    t_fx_close(&f);
}

int main(void)
{
    RUN(niveles_caja);
    RUN(niveles_plan_vacio);
    RUN(plan_crear_datos);
    RUN(nuevo_anio);
    RUN(nuevo_anio_falla);
    RUN(unidades);
    return t_finish();
}
