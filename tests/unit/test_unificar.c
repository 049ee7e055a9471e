/* test_unificar.c — merging duplicate ejes and objetivos on the ARS plan:
 * children moved, same-key children merged recursively, nothing lost, the
 * file and the model agree, one logged action, and a failed merge leaves
 * both as they were. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "plancsv.h"
#include "store.h"
#include "testlib.h"
#include "unificar.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"

static int eje(const Plan *p, const char *nombre)
{
    IntVec v = {0};
    int n = unificar_buscar(p, NODE_EJE, nombre, &v);
    int r = n == 1 ? v.v[0] : -1;
    iv_free(&v);
    return r;
}

/* A fingerprint of the tree: parent and kids of every node, deleted flags. */
static char *shape(const Plan *p)
{
    StrBuf b = {0};
    for (int i = 0; i < p->nnodes; i++) {
        sb_appendf(&b, "%d:%d:%d[", i, p->nodes[i].parent, p->nodes[i].deleted);
        for (int k = 0; k < p->nodes[i].kids.n; k++)
            sb_appendf(&b, "%d,", p->nodes[i].kids.v[k]);
        sb_append(&b, "]");
    }
    return sb_take(&b);
}

TEST(buscar)
{
    char *path = t_tmp("buscar.db");
    Plan *p;
    Db *db = t_import_db(path, ARS, &p, NULL, NULL);
    IntVec v = {0};
    CHECK_INT(unificar_buscar(p, NODE_EJE, "Procesos internos", &v), 1);   /* exact wins */
    v.n = 0;
    CHECK_INT(unificar_buscar(p, NODE_EJE, "PROCESOS INTERNOS", &v), 2);   /* folded: both */
    v.n = 0;
    CHECK_INT(unificar_buscar(p, NODE_EJE, "Nada", &v), 0);
    iv_free(&v);
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(merge_ejes)
{
    char *path = t_tmp("merge.db");
    Plan *p;
    Db *db = t_import_db(path, ARS, &p, NULL, NULL);
    int fin = eje(p, "Finanzas"), fo = eje(p, "Financiero"), fa = eje(p, "Financiera");
    CHECK(fin > 0 && fo > 0 && fa > 0);
    int acts = plan_count_actividades(p, fin) + plan_count_actividades(p, fo) +
               plan_count_actividades(p, fa);
    CHECK_INT(acts, 56);
    int total = t_count_live(p, NODE_ACTIVIDAD), objs = t_count_live(p, NODE_OBJETIVO);
    int ejes = t_count_live(p, NODE_EJE);
    int acciones = t_sql_int(path, "SELECT count(DISTINCT accion) FROM cambio");   /* the import's */
    PoaErr err = {{0}};
    UnificarStats st;
    int src[] = {fo, fa};
    CHECK(unificar_nodos(db, p, src, 2, fin, &st, &err));
    CHECK(p->nodes[fo].deleted && p->nodes[fa].deleted);
    CHECK_INT(plan_count_actividades(p, fin), 56);
    CHECK_INT(t_count_live(p, NODE_ACTIVIDAD), total);
    CHECK_INT(t_count_live(p, NODE_EJE), ejes - 2);
    /* the same objetivo text under the three ejes became one */
    CHECK_INT(t_count_live(p, NODE_OBJETIVO), objs - 2);
    CHECK_INT(p->nodes[fin].kids.n, 3);   /* "…siniestralidad." and its two spellings */
    CHECK(st.unificados >= 4);            /* 2 ejes + 2 objetivos (+ same-unit metas) */
    /* the file agrees with the model */
    Plan *q = store_load(db, p->id, &err);
    CHECK(q != NULL);
    CHECK_INT(t_count_live(q, NODE_EJE), ejes - 2);
    CHECK_INT(t_count_live(q, NODE_OBJETIVO), objs - 2);
    CHECK_INT(t_count_live(q, NODE_ACTIVIDAD), total);
    CHECK_INT(plan_count_actividades(q, eje(q, "Finanzas")), 56);
    CHECK_INT(eje(q, "Financiero"), -1);
    plan_free(q);
    /* one action in the change log */
    CHECK_INT(t_sql_int(path, "SELECT count(DISTINCT accion) FROM cambio"), acciones + 1);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM cambio WHERE tabla = 'eje' AND campo = '*'"),
              2);
    CHECK(t_sql_int(path, "SELECT count(*) FROM cambio WHERE campo IN ('eje_id', 'objetivo_id', 'meta_id')") >= 1);
    /* now the suggestions no longer name the Finanzas group */
    UnificarSugerencia *s;
    int n = unificar_sugerencias(p, NODE_EJE, &s);
    CHECK_INT(n, 3);
    free(s);
    /* then the objetivos under it */
    IntVec o = {0}, d = {0};
    CHECK_INT(unificar_buscar(p, NODE_OBJETIVO,
                              "Alcanzar un balance financiero favorable a la institución, "
                              "mediante el fortalecimiento de los controles, la captación y "
                              "fidelización de nuevos afiliados y la reducción de la "
                              "siniestralidad.", &d), 1);
    CHECK_INT(unificar_buscar(p, NODE_OBJETIVO,
                              "Alcanzar un balance financiero favorable a la institución, "
                              "mediante el fortalecimiento de los controles, la captación y "
                              "fidelización de nuevos afiliados y la reducción de la "
                              "siniestralidad", &o), 1);
    CHECK(unificar_nodos(db, p, o.v, 1, d.v[0], &st, &err));
    CHECK_INT(p->nodes[fin].kids.n, 2);
    CHECK_INT(plan_count_actividades(p, fin), 56);
    iv_free(&o);
    iv_free(&d);
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(merge_refusals)
{
    char *path = t_tmp("refus.db");
    Plan *p;
    Db *db = t_import_db(path, ARS, &p, NULL, NULL);
    PoaErr err = {{0}};
    int fin = eje(p, "Finanzas");
    int obj = p->nodes[fin].kids.v[0];
    CHECK(!unificar_nodos(db, p, &fin, 1, fin, NULL, &err));
    CHECK_CONTAINS(err.msg, "ya es el destino");
    CHECK(!unificar_nodos(db, p, &obj, 1, fin, NULL, &err));
    CHECK_CONTAINS(err.msg, "mismo nivel");
    plan_free(p);
    db_close(db);
    free(path);
}

TEST(failed_merge_changes_nothing)
{
    char *path = t_tmp("fallo.db");
    Plan *p;
    /* the change log refuses the deletion row: the merge fails late, after
     * many moves, and everything must come back */
    Db *db = t_import_then_sql(path, ARS, &p,
                               "CREATE TRIGGER no_log BEFORE INSERT ON cambio WHEN NEW.campo = '*' "
                               "AND NEW.tabla = 'eje' BEGIN SELECT RAISE(ABORT, 'bloqueado'); END;");
    PoaErr err = {{0}};
    int fin = eje(p, "Finanzas"), fo = eje(p, "Financiero");
    char *before = shape(p);
    int objs = t_sql_int(path, "SELECT count(*) FROM objetivo");
    int cambios = t_sql_int(path, "SELECT count(*) FROM cambio");
    UnificarStats st;
    CHECK(!unificar_nodos(db, p, &fo, 1, fin, &st, &err));
    CHECK_CONTAINS(err.msg, "No se unificó eje «Financiero» en «Finanzas»");
    char *after = shape(p);
    CHECK_STR(after, before);
    CHECK_INT(st.movidos + st.unificados, 0);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM objetivo"), objs);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM eje WHERE nombre = 'Financiero'"), 1);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM cambio"), cambios);
    free(before);
    free(after);
    plan_free(p);
    db_close(db);
    free(path);
}

int main(void)
{
    RUN(buscar);
    RUN(merge_ejes);
    RUN(merge_refusals);
    RUN(failed_merge_changes_nothing);
    return t_finish();
}
