/* test_rama.c — copy, cut and paste of branches and the bulk edits of the
 * marked rows, without curses: a copy of each level equals its source in
 * every field, month and target, with new ids and no seguimiento; pastes
 * across units and into another year of the same file; codes on collision;
 * a cut is a move that keeps ids and seguimiento, refused by a closed corte;
 * each is one action, read back from the file, and undone in one step. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_rama.h"
#include "db.h"
#include "deshacer.h"
#include "plancsv.h"
#include "seguimiento.h"
#include "store.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

/* The node of q with the kind and row id of p's node. */
static int same(const Plan *q, const Plan *p, int node)
{
    return rama_find(q, p->nodes[node].kind, p->nodes[node].id);
}

static const char *unidad_de(const Plan *p, int node)
{
    int u = p->nodes[node].unidad;
    return u >= 0 ? p->unidades[u].nombre : "";
}

/* b's node y is a copy of a's node x: same level, texts (the top's code
 * and text may differ), every field, months and targets; a new id; no
 * seguimiento; and the same for every child. */
static const char *copia_de, *copia_a;   /* the top's code, when the copy changed it */

static void check_copia(const Plan *a, int x, const Plan *b, int y, bool top, bool misma_unidad)
{
    const Node *s = &a->nodes[x], *d = &b->nodes[y];
    CHECK_INT(d->kind, s->kind);
    CHECK(d->id != 0 && (a != b || d->id != s->id));
    if (top) {
        copia_de = *s->codigo && strcmp(d->codigo, s->codigo) != 0 ? s->codigo : NULL;
        copia_a = d->codigo;
    } else {
        /* under a top whose code changed (1 → 3), "1.2" follows it as "3.2" */
        size_t dl = copia_de ? strlen(copia_de) : 0;
        char esperado[128];
        if (dl && strncmp(s->codigo, copia_de, dl) == 0 && s->codigo[dl] == '.')
            snprintf(esperado, sizeof esperado, "%s%s", copia_a, s->codigo + dl);
        else
            snprintf(esperado, sizeof esperado, "%s", s->codigo);
        CHECK_STR(d->codigo, esperado);
        CHECK_STR(d->texto, s->texto);
    }
    CHECK_STR(d->indicador, s->indicador);
    if (misma_unidad)
        CHECK_STR(unidad_de(b, y), unidad_de(a, x));
    const Actividad *sa = plan_act((Plan *)a, x), *da = plan_act((Plan *)b, y);
    CHECK((sa == NULL) == (da == NULL));
    if (sa && da) {
        CHECK_STR(da->unidad_lider, sa->unidad_lider);
        CHECK_STR(da->responsables, sa->responsables);
        CHECK_STR(da->moneda, sa->moneda);
        CHECK_STR(da->presupuesto_nota, sa->presupuesto_nota);
        CHECK_STR(da->riesgos, sa->riesgos);
        CHECK_INT(da->has_presupuesto, sa->has_presupuesto);
        CHECK_DBL(da->presupuesto, sa->presupuesto, 1e-9);
        for (int m = 0; m < POA_MESES; m++) {
            CHECK_INT(da->mes[m].kind, sa->mes[m].kind);
            CHECK_DBL(da->mes[m].valor, sa->mes[m].valor, 1e-9);
        }
        for (int q = 0; q < POA_TRIMESTRES; q++) {
            CHECK_INT(da->trim[q].has, sa->trim[q].has);
            CHECK_INT(da->trim[q].pct, sa->trim[q].pct);
            CHECK_DBL(da->trim[q].valor, sa->trim[q].valor, 1e-9);
            CHECK(!da->seg[q].real.has);
            CHECK_STR(da->seg[q].observaciones, "");
            CHECK_STR(da->seg[q].evidencia, "");
        }
        CHECK_INT(da->meta_anual.has, sa->meta_anual.has);
        CHECK_DBL(da->meta_anual.valor, sa->meta_anual.valor, 1e-9);
        CHECK_INT(da->tipo, sa->tipo);
        CHECK_INT(da->sentido, sa->sentido);
        CHECK_DBL(da->peso, sa->peso, 1e-9);
    }
    CHECK_INT(d->kids.n, s->kids.n);
    for (int i = 0; i < s->kids.n && i < d->kids.n; i++)
        check_copia(a, s->kids.v[i], b, d->kids.v[i], false, misma_unidad);
}

/* Gives the first actividad of p a value in every field the CSV leaves empty. */
static void fill_fields(TFx *f, int act)
{
    PoaErr err = {{0}};
    static const struct {
        CmdCampo c;
        const char *v;
    } F[] = {
        {CAMPO_UNIDAD_LIDER, "Dirección Ejecutiva"}, {CAMPO_PRESUPUESTO, "150,000.50"},
        {CAMPO_MONEDA, "RD$"}, {CAMPO_PRESUPUESTO_NOTA, "(viáticos)"}, {CAMPO_RIESGOS, "R33, R44"},
        {CAMPO_META_ANUAL, "12"}, {CAMPO_TIPO, "porcentaje"}, {CAMPO_SENTIDO, "descendente"},
        {CAMPO_PESO, "2"},
    };
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++) {
        bool ok = cmd_set_campo(f->db, f->p, act, F[i].c, F[i].v, &err);
        if (!ok)
            fprintf(stderr, "%s: %s\n", cmd_campo_nombre(F[i].c), err.msg);
        CHECK(ok);
    }
}

TEST(copy_each_level)
{
    TFx f;
    t_fx_open(&f, ARS, "niveles.db");
    PoaErr err = {{0}};
    fill_fields(&f, t_first_of(f.p, NODE_ACTIVIDAD));
    for (int k = NODE_EJE; k <= NODE_ACTIVIDAD; k++) {
        int src = t_first_of(f.p, (NodeKind)k);
        int nodes0 = f.p->nnodes;
        int logs = t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio");
        RamaResultado r = {0};
        bool ok = cmd_rama_duplicar(f.db, f.p, src, &r, &err);
        if (!ok)
            fprintf(stderr, "%s: %s\n", node_kind_name((NodeKind)k), err.msg);
        CHECK(ok);
        CHECK_INT(r.nodos.n, 1);
        if (!ok || r.nodos.n != 1)
            continue;
        int cp = r.nodos.v[0];
        CHECK(cp >= nodes0);
        /* right after its source */
        const IntVec *sib = &f.p->nodes[f.p->nodes[src].parent].kids;
        CHECK_INT(iv_find(sib, cp), iv_find(sib, src) + 1);
        CHECK_INT(r.actividades, plan_count_actividades(f.p, src));
        check_copia(f.p, src, f.p, cp, true, true);
        /* one action in the log, named */
        CHECK_INT(t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio"), logs + 1);
        char *d = t_sql_text(f.path, "SELECT descripcion FROM cambio ORDER BY id DESC LIMIT 1");
        CHECK_CONTAINS(d, "Duplicar ");
        CHECK_CONTAINS(d, node_kind_name((NodeKind)k));
        free(d);
        /* and the same in the file */
        Plan *q = t_fx_reopen(&f);
        int qs = same(q, f.p, src), qc = same(q, f.p, cp);
        CHECK(qs > 0 && qc > 0);
        if (qs > 0 && qc > 0)
            check_copia(q, qs, q, qc, true, true);
        plan_free(q);
        rama_resultado_free(&r);
    }
    /* an eje's name is unique in the plan: the copy says it is one */
    int eje = t_first_of(f.p, NODE_EJE);
    char *want = xasprintf("%s (copia)", f.p->nodes[eje].texto);
    CHECK_STR(f.p->nodes[f.p->nodes[0].kids.v[1]].texto, want);
    free(want);
    /* an actividad's code was taken by its source: the next free one */
    int a1 = t_first_of(f.p, NODE_ACTIVIDAD);
    const IntVec *k = &f.p->nodes[f.p->nodes[a1].parent].kids;
    CHECK_STR(f.p->nodes[a1].codigo, "1.1");
    CHECK_STR(f.p->nodes[k->v[1]].codigo, "1.4");
    t_fx_close(&f);
}

/* A seguimiento at corte 3 stays with its actividad; a copy has none. */
static int act_con_real(Plan *p)
{
    for (int i = 1; i < p->nnodes; i++) {
        Actividad *a = plan_act(p, i);
        if (!p->nodes[i].deleted && a && a->seg[2].real.has)
            return i;
    }
    return -1;
}

TEST(copy_no_seguimiento_cut_keeps_it)
{
    TFx f;
    t_fx_open(&f, CAJA, "seg.db");
    PoaErr err = {{0}};
    int act = act_con_real(f.p);
    CHECK(act > 0);
    int64_t id = f.p->nodes[act].id;
    RamaResultado r = {0};
    CHECK(cmd_rama_duplicar(f.db, f.p, act, &r, &err));
    int cp = r.nodos.v[0];
    char *sql = xasprintf("SELECT count(*) FROM seguimiento WHERE actividad_id = %lld",
                          (long long)f.p->nodes[cp].id);
    CHECK_INT(t_db_int(f.db, sql), 0);
    free(sql);
    CHECK(!plan_act(f.p, cp)->seg[2].real.has);
    rama_resultado_free(&r);
    /* a meta of the Caja has no text: its copy beside it (same unit, same
     * objetivo) reads "(copia)", then "(copia 2)" */
    int m0 = plan_ancestor(f.p, act, NODE_META);
    CHECK_STR(f.p->nodes[m0].texto, "");
    CHECK(cmd_rama_duplicar(f.db, f.p, m0, &r, &err));
    CHECK_STR(f.p->nodes[r.nodos.v[0]].texto, "(copia)");
    rama_resultado_free(&r);
    CHECK(cmd_rama_duplicar(f.db, f.p, m0, &r, &err));
    CHECK_STR(f.p->nodes[r.nodos.v[0]].texto, "(copia 2)");
    rama_resultado_free(&r);
    /* cut and pasted on another unit's meta: moved, same id, seguimiento kept */
    int meta = plan_ancestor(f.p, act, NODE_META), otra = -1;
    for (int i = 1; i < f.p->nnodes && otra < 0; i++)
        if (!f.p->nodes[i].deleted && f.p->nodes[i].kind == NODE_META &&
            f.p->nodes[i].unidad != f.p->nodes[meta].unidad)
            otra = i;
    CHECK(otra > 0);
    CHECK(cmd_rama_pegar(f.db, f.p, f.p, &act, 1, true, otra, -1, &r, &err));
    CHECK(r.movido);
    CHECK_INT(f.p->nodes[act].id, id);
    CHECK_INT(plan_ancestor(f.p, act, NODE_META), otra);
    CHECK_STR(unidad_de(f.p, act), unidad_de(f.p, otra));
    rama_resultado_free(&r);
    Plan *q = t_fx_reopen(&f);
    int qa = rama_find(q, NODE_ACTIVIDAD, id);
    CHECK(qa > 0);
    if (qa > 0) {
        CHECK(plan_act(q, qa)->seg[2].real.has);
        CHECK_INT(q->nodes[plan_ancestor(q, qa, NODE_META)].id, f.p->nodes[otra].id);
    }
    plan_free(q);
    /* one undo puts it back where it was */
    DeshacerInfo info = {0};
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_INT(plan_ancestor(f.p, act, NODE_META), meta);
    deshacer_info_free(&info);
    t_fx_close(&f);
}

TEST(paste_across_units)
{
    TFx f;
    t_fx_open(&f, CAJA, "unidades.db");
    PoaErr err = {{0}};
    int meta = t_first_of(f.p, NODE_META);
    int obj = plan_ancestor(f.p, meta, NODE_OBJETIVO), otro_obj = -1;
    for (int i = 1; i < f.p->nnodes && otro_obj < 0; i++)
        if (!f.p->nodes[i].deleted && f.p->nodes[i].kind == NODE_OBJETIVO && i != obj)
            otro_obj = i;
    CHECK(otro_obj > 0);
    /* under another objetivo it keeps its unit */
    RamaResultado r = {0};
    CHECK(cmd_rama_pegar(f.db, f.p, f.p, &meta, 1, false, otro_obj, -1, &r, &err));
    int cp = r.nodos.v[0];
    CHECK_INT(f.p->nodes[cp].parent, otro_obj);
    CHECK_INT(f.p->nodes[cp].unidad, f.p->nodes[meta].unidad);
    check_copia(f.p, meta, f.p, cp, true, true);
    rama_resultado_free(&r);
    /* with the unit filter showing another unit, the pasted meta is that unit's */
    int u = f.p->nodes[meta].unidad == 0 ? 1 : 0;
    CHECK(cmd_rama_pegar(f.db, f.p, f.p, &meta, 1, false, otro_obj, u, &r, &err));
    cp = r.nodos.v[0];
    CHECK_INT(f.p->nodes[cp].unidad, u);
    int a = t_first_of(f.p, NODE_ACTIVIDAD);
    for (int i = 1; i < f.p->nnodes; i++)
        if (!f.p->nodes[i].deleted && f.p->nodes[i].kind == NODE_ACTIVIDAD &&
            plan_ancestor(f.p, i, NODE_META) == cp)
            a = i;
    CHECK_INT(f.p->nodes[a].unidad, u);
    check_copia(f.p, meta, f.p, cp, true, false);
    rama_resultado_free(&r);
    Plan *q = t_fx_reopen(&f);
    int qc = same(q, f.p, cp);
    CHECK(qc > 0);
    if (qc > 0)
        CHECK_STR(unidad_de(q, qc), f.p->unidades[u].nombre);
    plan_free(q);
    t_fx_close(&f);
}

/* The ARS plan again as year 2025 in the same file, one unit renamed. */
static Plan *otro_anio(TFx *f)
{
    char *text = t_read_file(ARS, NULL);
    StrBuf b = {0};
    for (const char *s = text; *s;) {
        if (strncmp(s, "ARS SEMMA,2024", 14) == 0) {
            sb_append(&b, "ARS SEMMA,2025");
            s += 14;
        } else if (strncmp(s, "Departamento de Afiliación", 27) == 0) {
            sb_append(&b, "Afiliación 2025");
            s += 27;
        } else {
            char c[2] = {*s++, 0};
            sb_append(&b, c);
        }
    }
    char *path = t_write_text("ars2025.csv", sb_str(&b));
    ImportStats st = {0};
    CsvAvisos av = {0};
    PoaErr err = {{0}};
    int64_t id = 0;
    CHECK(plancsv_import(f->db, path, &st, &id, &av, &err));
    csv_avisos_free(&av);
    Plan *q = store_load(f->db, id, &err);
    CHECK(q != NULL);
    sb_free(&b);
    free(path);
    free(text);
    return q;
}

TEST(paste_into_another_year)
{
    TFx f;
    t_fx_open(&f, ARS, "anios.db");
    PoaErr err = {{0}};
    Plan *y25 = otro_anio(&f);
    CHECK_INT(y25->anio, 2025);
    int meta = t_first_of(f.p, NODE_META);   /* Departamento de Afiliación's */
    CHECK_STR(unidad_de(f.p, meta), "Departamento de Afiliación");
    int obj25 = t_first_of(y25, NODE_OBJETIVO);
    int nu = y25->nunidades, metas25 = t_count_live(y25, NODE_META);
    RamaResultado r = {0};
    /* a cut pasted into another year copies: the original stays */
    bool ok = cmd_rama_pegar(f.db, y25, f.p, &meta, 1, true, obj25, -1, &r, &err);
    if (!ok)
        fprintf(stderr, "%s\n", err.msg);
    CHECK(ok);
    CHECK(!r.movido);
    CHECK_INT(t_count_live(y25, NODE_META), metas25 + 1);
    CHECK(!f.p->nodes[meta].deleted);
    int cp = r.nodos.v[0];
    CHECK_INT(y25->nodes[cp].parent, obj25);
    /* its unit was not in 2025: created there, by name */
    CHECK_INT(y25->nunidades, nu + 1);
    CHECK_STR(unidad_de(y25, cp), "Departamento de Afiliación");
    check_copia(f.p, meta, y25, cp, true, true);
    rama_resultado_free(&r);
    /* read back: the 2025 plan holds it, the 2024 plan is as it was */
    Plan *q = store_load(f.db, y25->id, &err);
    int qc = same(q, y25, cp);
    CHECK(qc > 0);
    if (qc > 0)
        check_copia(f.p, meta, q, qc, true, true);
    plan_free(q);
    q = store_load(f.db, f.id, &err);
    CHECK_INT(t_count_live(q, NODE_ACTIVIDAD), t_count_live(f.p, NODE_ACTIVIDAD));
    CHECK_INT(q->nunidades, f.p->nunidades);
    plan_free(q);
    plan_free(y25);
    t_fx_close(&f);
}

TEST(refusals)
{
    TFx f;
    t_fx_open(&f, ARS, "rechazos.db");
    PoaErr err = {{0}};
    int obj = t_first_of(f.p, NODE_OBJETIVO);
    int act = t_first_of(f.p, NODE_ACTIVIDAD);
    int n0 = f.p->nnodes, logs = t_db_int(f.db, "SELECT count(*) FROM cambio");
    /* into its own subtree: neither a copy nor a cut */
    CHECK(!cmd_rama_pegar(f.db, f.p, f.p, &obj, 1, false, act, -1, NULL, &err));
    CHECK_CONTAINS(err.msg, "No se puede pegar objetivo «");
    CHECK_CONTAINS(err.msg, "dentro de sí mismo");
    CHECK(!cmd_rama_pegar(f.db, f.p, f.p, &obj, 1, true, act, -1, NULL, &err));
    CHECK_CONTAINS(err.msg, "dentro de sí mismo");
    /* a level that does not go there */
    int eje = t_first_of(f.p, NODE_EJE);
    CHECK(!cmd_rama_pegar(f.db, f.p, f.p, &act, 1, false, eje, -1, NULL, &err));
    CHECK_STR(err.msg,
              "Una actividad se pega sobre una meta operativa, un entregable o otra actividad");
    CHECK_INT(f.p->nnodes, n0);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio"), logs);
    t_fx_close(&f);
}

TEST(codes_on_collision)
{
    TFx f;
    t_fx_open(&f, ARS, "codigos.db");
    PoaErr err = {{0}};
    int a11 = t_first_of(f.p, NODE_ACTIVIDAD);
    int ent1 = f.p->nodes[a11].parent;
    int a13 = f.p->nodes[ent1].kids.v[2];
    CHECK_STR(f.p->nodes[a13].codigo, "1.3");
    RamaResultado r = {0};
    CHECK(cmd_rama_pegar(f.db, f.p, f.p, &a11, 1, false, a13, -1, &r, &err));
    CHECK_STR(f.p->nodes[r.nodos.v[0]].codigo, "1.4");
    CHECK_INT(r.codigos, 1);
    CHECK_INT(iv_find(&f.p->nodes[ent1].kids, r.nodos.v[0]), 3);
    rama_resultado_free(&r);
    /* in the next entregable 1.1 is free: kept */
    int ent2 = f.p->nodes[f.p->nodes[ent1].parent].kids.v[1];
    CHECK(cmd_rama_pegar(f.db, f.p, f.p, &a11, 1, false, ent2, -1, &r, &err));
    CHECK_STR(f.p->nodes[r.nodos.v[0]].codigo, "1.1");
    CHECK_INT(r.codigos, 0);
    rama_resultado_free(&r);
    /* a cut keeps its id and gets a free code where it lands */
    int a21 = f.p->nodes[ent2].kids.v[0];
    int64_t id = f.p->nodes[a21].id;
    CHECK(cmd_rama_pegar(f.db, f.p, f.p, &a21, 1, true, a13, -1, &r, &err));
    CHECK_INT(f.p->nodes[a21].id, id);
    CHECK_INT(f.p->nodes[a21].parent, ent1);
    CHECK_STR(f.p->nodes[a21].codigo, "2.1");
    rama_resultado_free(&r);
    Plan *q = t_fx_reopen(&f);
    int qa = rama_find(q, NODE_ACTIVIDAD, id);
    CHECK(qa > 0 && q->nodes[qa].parent == same(q, f.p, ent1));
    plan_free(q);
    t_fx_close(&f);
}

TEST(closed_corte_refuses_cut)
{
    TFx f;
    t_fx_open(&f, CAJA, "corte.db");
    PoaErr err = {{0}};
    CHECK(seguimiento_cerrar_corte(f.db, f.p, 3, &err));
    int act = act_con_real(f.p);
    int meta = plan_ancestor(f.p, act, NODE_META), otra = -1;
    for (int i = 1; i < f.p->nnodes && otra < 0; i++)
        if (!f.p->nodes[i].deleted && f.p->nodes[i].kind == NODE_META && i != meta)
            otra = i;
    int logs = t_db_int(f.db, "SELECT count(*) FROM cambio");
    CHECK(!cmd_rama_pegar(f.db, f.p, f.p, &act, 1, true, otra, -1, NULL, &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK_CONTAINS(err.msg, "moverla a otra meta");
    CHECK_INT(plan_ancestor(f.p, act, NODE_META), meta);
    CHECK_INT(t_db_int(f.db, "SELECT count(*) FROM cambio"), logs);
    /* a bulk move and a bulk delete are refused the same way */
    CHECK(!cmd_lote_mover(f.db, f.p, &act, 1, otra, &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    int borrados;
    CHECK(!cmd_lote_borrar(f.db, f.p, &act, 1, &borrados, &err));
    CHECK_CONTAINS(err.msg, "El corte 3 está cerrado");
    CHECK(!f.p->nodes[act].deleted);
    t_fx_close(&f);
}

/* Five actividades of the ARS plan, in tree order. */
static void cinco(const Plan *p, int *v)
{
    int n = 0;
    for (int i = 1; i < p->nnodes && n < 5; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == NODE_ACTIVIDAD)
            v[n++] = i;
}

/* The first two actividades (1.1 and 1.2 of the ARS plan). */
static void cinco_dos(const Plan *p, int *v)
{
    int five[5];
    cinco(p, five);
    v[0] = five[0];
    v[1] = five[1];
}

TEST(bulk_months_fields_unit_one_action)
{
    TFx f;
    t_fx_open(&f, ARS, "lote.db");
    PoaErr err = {{0}};
    int v[5];
    cinco(f.p, v);
    MesCell antes[5][POA_MESES];
    for (int i = 0; i < 5; i++) {
        const Actividad *ac = plan_act(f.p, v[i]);
        CHECK(ac != NULL);
        if (ac)
            memcpy(antes[i], ac->mes, sizeof antes[i]);
    }
    int acc = t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio");
    int n;
    /* the whole year cleared, then April to June marked: two actions */
    CHECK(cmd_lote_meses(f.db, f.p, v, 5, 0, 11, (MesCell){CELL_VACIA, 0}, false, &n, &err));
    CHECK(cmd_lote_meses(f.db, f.p, v, 5, 3, 5, (MesCell){CELL_X, 1}, false, &n, &err));
    CHECK_INT(n, 5);
    CHECK_INT(t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio"), acc + 2);
    Plan *q = t_fx_reopen(&f);
    for (int i = 0; i < 5; i++) {
        const Actividad *a = plan_act(q, same(q, f.p, v[i]));
        for (int m = 0; m < POA_MESES; m++)
            CHECK_INT(a->mes[m].kind, m >= 3 && m <= 5 ? CELL_X : CELL_VACIA);
    }
    plan_free(q);
    /* one undo takes the five back, naming them all */
    DeshacerInfo info = {0};
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_STR(info.descripcion, "Cronograma (abr-jun) de 5 actividades marcadas");
    deshacer_info_free(&info);
    for (int i = 0; i < 5; i++)
        for (int m = 0; m < POA_MESES; m++)
            CHECK_INT(plan_act(f.p, v[i])->mes[m].kind, CELL_VACIA);
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    deshacer_info_free(&info);
    for (int i = 0; i < 5; i++)
        for (int m = 0; m < POA_MESES; m++) {
            CHECK_INT(plan_act(f.p, v[i])->mes[m].kind, antes[i][m].kind);
            CHECK_DBL(plan_act(f.p, v[i])->mes[m].valor, antes[i][m].valor, 1e-9);
        }
    /* responsables for all, one action, one undo */
    CHECK(cmd_lote_campo(f.db, f.p, v, 5, CAMPO_RESPONSABLES, "Planificación/ TIC", &n, &err));
    CHECK_INT(n, 5);
    q = t_fx_reopen(&f);
    for (int i = 0; i < 5; i++)
        CHECK_STR(plan_act(q, same(q, f.p, v[i]))->responsables, "Planificación/ TIC");
    plan_free(q);
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_STR(info.descripcion, "Editar responsables de 5 actividades marcadas");
    deshacer_info_free(&info);
    CHECK_STR(plan_act(f.p, v[0])->responsables, "Afiliación/ Direccion Ejecutiva");
    /* the unit of their metas */
    int u = f.p->nunidades - 1, metas;
    CHECK(cmd_lote_unidad(f.db, f.p, v, 5, u, &metas, &err));
    CHECK(metas >= 1);
    for (int i = 0; i < 5; i++)
        CHECK_INT(f.p->nodes[v[i]].unidad, u);
    q = t_fx_reopen(&f);
    CHECK_STR(unidad_de(q, same(q, f.p, v[0])), f.p->unidades[u].nombre);
    plan_free(q);
    t_fx_close(&f);
}

TEST(bulk_move_and_delete)
{
    TFx f;
    t_fx_open(&f, ARS, "lote2.db");
    PoaErr err = {{0}};
    int v[5];
    cinco(f.p, v);
    int ent_old[5];
    for (int i = 0; i < 5; i++)
        ent_old[i] = f.p->nodes[v[i]].parent;
    /* into another meta's entregable: all five at its end, in their order */
    int dest = -1;
    for (int i = 1; i < f.p->nnodes; i++)
        if (!f.p->nodes[i].deleted && f.p->nodes[i].kind == NODE_ENTREGABLE &&
            plan_ancestor(f.p, i, NODE_META) != plan_ancestor(f.p, v[0], NODE_META))
            dest = i;
    CHECK(dest > 0);
    int n0 = f.p->nodes[dest].kids.n;
    int acc = t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio");
    CHECK(cmd_lote_mover(f.db, f.p, v, 5, dest, &err));
    CHECK_INT(f.p->nodes[dest].kids.n, n0 + 5);
    for (int i = 0; i < 5; i++)
        CHECK_INT(f.p->nodes[dest].kids.v[n0 + i], v[i]);
    CHECK_INT(t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio"), acc + 1);
    /* one undo brings the five back */
    DeshacerInfo info = {0};
    CHECK(deshacer_ultimo(f.db, f.p, &info, &err));
    CHECK_STR(info.descripcion, "Mover 5 elementos (con 5 actividades)");
    deshacer_info_free(&info);
    for (int i = 0; i < 5; i++)
        CHECK_INT(f.p->nodes[v[i]].parent, ent_old[i]);
    /* delete the five, one action */
    int acts = t_count_live(f.p, NODE_ACTIVIDAD), borrados;
    CHECK(cmd_lote_borrar(f.db, f.p, v, 5, &borrados, &err));
    CHECK_INT(borrados, 5);
    CHECK_INT(t_count_live(f.p, NODE_ACTIVIDAD), acts - 5);
    CHECK_INT(t_db_int(f.db, "SELECT count(DISTINCT accion) FROM cambio"), acc + 3);
    Plan *q = t_fx_reopen(&f);
    CHECK_INT(t_count_live(q, NODE_ACTIVIDAD), acts - 5);
    plan_free(q);
    t_fx_close(&f);
}

/* Live nodes per level and the children of each live node: the shape of
 * the tree a failed action must leave as it was. */
static char *forma(const Plan *p)
{
    StrBuf b = {0};
    for (int i = 0; i < p->nnodes; i++) {
        if (p->nodes[i].deleted)
            continue;
        sb_appendf(&b, "%d:", i);
        for (int j = 0; j < p->nodes[i].kids.n; j++)
            sb_appendf(&b, " %d", p->nodes[i].kids.v[j]);
        sb_appendf(&b, " u%d %s\n", p->nodes[i].unidad, p->nodes[i].codigo);
    }
    char *s = xstrdup(sb_str(&b));
    sb_free(&b);
    return s;
}

TEST(failures_change_nothing)
{
    char *path = t_tmp("fallos.db");
    Plan *p;
    /* the file refuses the third actividad of the copy, and the change log
     * the second actividad of a bulk move: both fail late */
    Db *db = t_import_then_sql(
        path, ARS, &p,
        "CREATE TRIGGER no_copia BEFORE INSERT ON actividad WHEN NEW.texto LIKE 'Velar%' "
        "BEGIN SELECT RAISE(ABORT, 'disco lleno simulado'); END;"
        "CREATE TRIGGER no_mover BEFORE INSERT ON cambio WHEN NEW.campo = 'padre_id' AND "
        "(SELECT count(*) FROM cambio WHERE campo = 'padre_id' AND accion = NEW.accion) > 0 "
        "BEGIN SELECT RAISE(ABORT, 'disco lleno simulado'); END;");
    PoaErr err = {{0}};
    char *before = forma(p);
    int acts = t_sql_int(path, "SELECT count(*) FROM actividad");
    int cambios = t_sql_int(path, "SELECT count(*) FROM cambio");
    int meta = t_first_of(p, NODE_META);
    RamaResultado r = {0};
    CHECK(!cmd_rama_duplicar(db, p, meta, &r, &err));
    CHECK_CONTAINS(err.msg, "«1.3 Velar el monitoreo");
    CHECK_INT(r.nodos.n, 0);
    char *after = forma(p);
    CHECK_STR(after, before);
    free(after);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM actividad"), acts);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM cambio"), cambios);
    /* 1.1 and 1.2 to another meta's entregable: 1.2 is refused, 1.1 stays too */
    int v[2];
    cinco_dos(p, v);
    int dest = -1;
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == NODE_ENTREGABLE &&
            plan_ancestor(p, i, NODE_META) != meta)
            dest = i;
    CHECK(!cmd_lote_mover(db, p, v, 2, dest, &err));
    CHECK_CONTAINS(err.msg, "disco lleno simulado");
    after = forma(p);
    CHECK_STR(after, before);
    free(after);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM actividad WHERE entregable_id = "
                              "(SELECT entregable_id FROM actividad WHERE codigo = '1.3' "
                              "ORDER BY id LIMIT 1)"), 3);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM cambio"), cambios);
    free(before);
    plan_free(p);
    db_close(db);
    free(path);
}

int main(void)
{
    RUN(copy_each_level);
    RUN(copy_no_seguimiento_cut_keeps_it);
    RUN(paste_across_units);
    RUN(paste_into_another_year);
    RUN(refusals);
    RUN(codes_on_collision);
    RUN(closed_corte_refuses_cut);
    RUN(bulk_months_fields_unit_one_action);
    RUN(bulk_move_and_delete);
    RUN(failures_change_nothing);
    return t_finish();
}
