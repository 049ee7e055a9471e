/* ui_plan_marcas.c — the plan screen's reshaping: marks on tree rows (Space,
 * M), copy (C), cut (X), paste (V) and duplicate (D) of branches through
 * cmd_rama.c; with rows marked, d, m, E and the cronograma's keys apply to
 * all of them at once (cmd_lote.c), one transaction each. */
#include <stdlib.h>
#include <string.h>

#include "cmd_rama.h"
#include "store.h"
#include "u8.h"
#include "ui_plan.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

/* ---- the marks ---- */

bool ui_plan_marcada(const App *a, int node)
{
    return node > 0 && node < a->nmarcas && a->marcas[node] && node < a->plan->nnodes &&
           !a->plan->nodes[node].deleted;
}

int ui_plan_marcas_count(const App *a)
{
    int n = 0;
    for (int i = 1; i < a->nmarcas; i++)
        n += ui_plan_marcada(a, i);
    return n;
}

void ui_plan_marcas_clear(App *a, bool fin)
{
    if (fin) {
        free(a->marcas);
        a->marcas = NULL;
        a->nmarcas = 0;
        rama_portapapeles_clear(&a->rama);
    } else if (a->marcas) {
        memset(a->marcas, 0, (size_t)a->nmarcas);
    }
}

static void set_marca(App *a, int node, bool on)
{
    if (node >= a->nmarcas) {
        int n = a->plan->nnodes > node + 1 ? a->plan->nnodes : node + 1;
        a->marcas = xrealloc(a->marcas, (size_t)n);
        memset(a->marcas + a->nmarcas, 0, (size_t)(n - a->nmarcas));
        a->nmarcas = n;
    }
    a->marcas[node] = on;
}

static void en_orden(const App *a, int node, IntVec *out)
{
    if (ui_plan_marcada(a, node)) {
        iv_push(out, node);
        return;   /* what it contains goes with it */
    }
    const IntVec *k = &a->plan->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        en_orden(a, k->v[i], out);
}

/* The marked nodes in tree order (those under a marked one left out). */
static void marcadas(const App *a, IntVec *out)
{
    out->n = 0;
    en_orden(a, 0, out);
}

static int on_marcar(App *a)
{
    int n = ui_sel_node(a);
    if (n <= 0) {
        ui_status(a, true, "No hay una fila que marcar");
        return MOVE;
    }
    bool marca = !ui_plan_marcada(a, n);
    set_marca(a, n, marca);
    if (a->lista.sel + 1 < a->rows->nrows)
        a->lista.sel++;
    /* the count is in the bar beside this message (ui_plan_position) */
    ui_status(a, false, marca ? "Fila marcada · M quita todas las marcas" : "Fila desmarcada");
    return MOVE;
}

static int on_desmarcar(App *a)
{
    int c = ui_plan_marcas_count(a);
    ui_plan_marcas_clear(a, false);
    ui_status(a, false, c ? "Sin marcas" : "No había filas marcadas");
    return MOVE;
}

/* ---- copy, cut, paste, duplicate ---- */

/* The marked rows, or else the selected one; false (status says why) when none. */
static bool objetivo_de_accion(App *a, IntVec *v)
{
    marcadas(a, v);
    if (v->n)
        return true;
    int n = ui_sel_node(a);
    if (n <= 0) {
        ui_status(a, true, "No hay un elemento seleccionado");
        return false;
    }
    iv_push(v, n);
    return true;
}

/* "meta operativa «…» (con 3 actividades)" or "5 elementos (con 9 actividades)". */
static char *que(const Plan *p, const int *v, int n)
{
    int acts = 0;
    for (int i = 0; i < n; i++)
        acts += plan_count_actividades(p, v[i]);
    char *what = n == 1 ? cmd_rama_nombre(p, v[0]) : xasprintf("%d elementos", n);
    if (n == 1 && p->nodes[v[0]].kind == NODE_ACTIVIDAD)
        return what;
    char *s = xasprintf("%s (con %d actividad%s)", what, acts, acts == 1 ? "" : "es");
    free(what);
    return s;
}

static int on_copiar(App *a, bool cortar)
{
    IntVec v = {0};
    if (!objetivo_de_accion(a, &v))
        return MOVE;
    rama_portapapeles_set(&a->rama, a->plan, v.v, v.n, cortar);
    char *q = que(a->plan, v.v, v.n);
    ui_status(a, false, cortar ? "Cortado: %s; V lo mueve adonde esté el cursor"
                               : "Copiado: %s; V pega la copia donde esté el cursor", q);
    free(q);
    iv_free(&v);
    return MOVE;
}

/* After the tree changed under a filter, the filter again (one pass). */
static void refiltrar(App *a)
{
    if (a->rows->filtro_unidad < 0 && !a->rows->filtro_resp)
        return;
    char *resp = a->rows->filtro_resp ? xstrdup(a->rows->filtro_resp) : NULL;
    arbol_filas_set_filter(a->rows, a->rows->filtro_unidad, resp);
    free(resp);
}

/* The rows a paste or move changed: masks of the old and new places. */
static void tras_pegar(App *a, const IntVec *antes, const RamaResultado *r)
{
    arbol_filas_sync(a->rows);
    for (int i = 0; i < antes->n; i++)
        if (!a->plan->nodes[antes->v[i]].deleted)
            arbol_filas_mask_update(a->rows, antes->v[i]);
    for (int i = 0; i < r->nodos.n; i++)
        arbol_filas_mask_update(a->rows, r->nodos.v[i]);
    refiltrar(a);
    if (r->nodos.n)
        arbol_filas_select(a->rows, r->nodos.v[0], &a->lista.sel);
}

static void status_pegado(App *a, const char *verbo, const Plan *p, const RamaResultado *r)
{
    char *q = que(p, r->nodos.v, r->nodos.n);
    if (r->codigos)
        ui_status(a, false, "%s: %s; %d código%s ya usado%s, cambiado%s", verbo, q, r->codigos,
                  r->codigos == 1 ? "" : "s", r->codigos == 1 ? "" : "s",
                  r->codigos == 1 ? "" : "s");
    else
        ui_status(a, false, "%s: %s", verbo, q);
    free(q);
}

static int on_pegar(App *a)
{
    if (!a->rama.n) {
        ui_status(a, true, "No hay nada que pegar: copie (C) o corte (X) primero");
        return MOVE;
    }
    PoaErr err = {{0}};
    Plan *src = a->plan, *otro = NULL;
    if (a->rama.plan_id != a->plan->id) {   /* copied in another year of the file */
        otro = store_load(a->db, a->rama.plan_id, &err);
        if (!otro) {
            ui_status(a, true, "No se pudo leer el plan de lo copiado: %s", err.msg);
            return MOVE;
        }
        src = otro;
    }
    int n;
    int *nodes = rama_portapapeles_nodos(&a->rama, src, &n);
    if (!n) {
        ui_status(a, true, "Lo copiado ya no está en el plan");
        free(nodes);
        plan_free(otro);
        return MOVE;
    }
    IntVec antes = {0};   /* the places a cut leaves */
    for (int i = 0; i < n && !otro; i++)
        iv_push(&antes, src->nodes[nodes[i]].parent);
    bool mover = a->rama.cortar && !otro;
    RamaResultado r = {0};
    bool ok = cmd_rama_pegar(a->db, a->plan, src, nodes, n, a->rama.cortar, ui_sel_node(a),
                             a->rows->filtro_unidad, &r, &err);
    int ret = ui_plan_saved(a, ok, &err);
    if (ok) {
        tras_pegar(a, &antes, &r);
        status_pegado(a, mover ? "Movido" : otro ? "Pegado del plan de otro año" : "Pegado",
                      a->plan, &r);
        if (mover)   /* a cut moves once */
            rama_portapapeles_clear(&a->rama);
    }
    rama_resultado_free(&r);
    iv_free(&antes);
    free(nodes);
    plan_free(otro);
    return ret;
}

static int on_duplicar(App *a)
{
    int n = ui_sel_node(a);
    if (n <= 0) {
        ui_status(a, true, "No hay un elemento seleccionado");
        return MOVE;
    }
    PoaErr err = {{0}};
    RamaResultado r = {0};
    bool ok = cmd_rama_duplicar(a->db, a->plan, n, &r, &err);
    int ret = ui_plan_saved(a, ok, &err);
    if (ok) {
        IntVec none = {0};
        tras_pegar(a, &none, &r);
        status_pegado(a, "Duplicado", a->plan, &r);
    }
    rama_resultado_free(&r);
    return ret;
}

/* ---- on the marked rows ---- */

static int borrar_marcadas(App *a, const IntVec *v)
{
    Plan *p = a->plan;
    int acts = 0;
    for (int i = 0; i < v->n; i++)
        acts += plan_count_actividades(p, v->v[i]);
    char q[160], l2[160];
    snprintf(q, sizeof q, "¿Borrar las %d filas marcadas?", v->n);
    snprintf(l2, sizeof l2, "Se borran con todo lo que contienen: %d actividad%s.", acts,
             acts == 1 ? "" : "es");
    if (v->n == 1)
        snprintf(q, sizeof q, "¿Borrar la fila marcada?");
    if (!ui_confirm(a, q, l2)) {
        ui_status(a, false, "No se borró nada");
        return MOVE;
    }
    IntVec padres = {0};
    for (int i = 0; i < v->n; i++)
        iv_push(&padres, p->nodes[v->v[i]].parent);
    PoaErr err = {{0}};
    int borrados = 0;
    bool ok = cmd_lote_borrar(a->db, p, v->v, v->n, &borrados, &err);
    int r = ui_plan_saved(a, ok, &err);
    if (ok) {
        for (int i = 0; i < padres.n; i++)
            arbol_filas_mask_update(a->rows, padres.v[i]);
        ui_plan_marcas_clear(a, false);
        refiltrar(a);
        arbol_filas_rebuild(a->rows);
        if (a->lista.sel >= a->rows->nrows)
            a->lista.sel = a->rows->nrows > 0 ? a->rows->nrows - 1 : 0;
        ui_status(a, false, "Borrado%s: %d fila%s marcada%s (con %d actividad%s)",
                  borrados == 1 ? "" : "s", borrados, borrados == 1 ? "" : "s",
                  borrados == 1 ? "" : "s", acts, acts == 1 ? "" : "es");
    }
    iv_free(&padres);
    return r;
}

/* "Afiliación › Optimizar los procesos…" for the move list. */
static char *lugar(const Plan *p, int node)
{
    const Node *c = &p->nodes[node];
    const char *u = c->unidad >= 0 ? p->unidades[c->unidad].nombre : "";
    char t[80];
    u8_fit_copy(c->texto, 60, false, t, sizeof t);
    if (c->kind == NODE_META)
        return xasprintf("%s%s%s", u, c->texto[0] ? ": " : "", t);
    return xasprintf("%s%s%s%s%s%s", c->codigo, c->codigo[0] ? " " : "", t, u[0] ? " (" : "", u,
                     u[0] ? ")" : "");
}

static int mover_marcadas(App *a, const IntVec *v)
{
    Plan *p = a->plan;
    NodeKind k = p->nodes[v->v[0]].kind;
    for (int i = 1; i < v->n; i++)
        if (p->nodes[v->v[i]].kind != k) {
            ui_status(a, true, "Las filas marcadas son de niveles distintos: marque filas de un "
                      "mismo nivel para moverlas juntas");
            return MOVE;
        }
    IntVec cand = {0};
    for (int i = 1; i < p->nnodes; i++) {
        if (p->nodes[i].deleted)
            continue;
        bool todas = true, alguna = false;
        for (int j = 0; j < v->n && todas; j++) {
            bool ya = cmd_visible_parent(p, v->v[j]) == i;
            todas = ya || cmd_can_move_to(p, v->v[j], i);
            alguna = alguna || !ya;
        }
        if (todas && alguna)
            iv_push(&cand, i);
    }
    if (!cand.n) {
        ui_status(a, true, "No hay otro lugar adonde mover las filas marcadas");
        return MOVE;
    }
    char **items = xmalloc(sizeof(char *) * (size_t)cand.n);
    for (int i = 0; i < cand.n; i++)
        items[i] = lugar(p, cand.v[i]);
    char title[128];
    if (v->n == 1)
        snprintf(title, sizeof title, "Mover la fila marcada a…");
    else
        snprintf(title, sizeof title, "Mover las %d filas marcadas a…", v->n);
    int pick = ui_pick(a, title, items, cand.n, 0);
    for (int i = 0; i < cand.n; i++)
        free(items[i]);
    free(items);
    int r = MOVE;
    if (pick >= 0) {
        IntVec antes = {0};
        for (int i = 0; i < v->n; i++)
            iv_push(&antes, p->nodes[v->v[i]].parent);
        PoaErr err = {{0}};
        bool ok = cmd_lote_mover(a->db, p, v->v, v->n, cand.v[pick], &err);
        r = ui_plan_saved(a, ok, &err);
        if (ok) {
            RamaResultado res = {0};
            for (int i = 0; i < v->n; i++)
                iv_push(&res.nodos, v->v[i]);
            tras_pegar(a, &antes, &res);
            char *l = lugar(p, cand.v[pick]);
            ui_status(a, false, "Movida%s: %d fila%s marcada%s a %s", v->n == 1 ? "" : "s",
                      v->n, v->n == 1 ? "" : "s", v->n == 1 ? "" : "s", l);
            free(l);
            rama_resultado_free(&res);
        }
        iv_free(&antes);
    }
    iv_free(&cand);
    return r;
}

/* E with rows marked: a text field of their actividades, or the unit of
 * their metas. */
static int campos_marcadas(App *a, const IntVec *v)
{
    static const CmdCampo CAMPOS[] = {CAMPO_RESPONSABLES, CAMPO_UNIDAD_LIDER, CAMPO_MONEDA,
                                      CAMPO_PRESUPUESTO_NOTA, CAMPO_RIESGOS};
    enum { NC = sizeof CAMPOS / sizeof CAMPOS[0] };
    Plan *p = a->plan;
    int na;
    int *acts = cmd_lote_actividades(p, v->v, v->n, &na);
    char *items[NC + 1];
    for (int i = 0; i < NC; i++)
        items[i] = xasprintf("%s", cmd_campo_nombre(CAMPOS[i]));
    items[NC] = xstrdup("Unidad (de sus metas operativas)");
    char title[128];
    if (na == 1)
        snprintf(title, sizeof title, "Campo para la actividad marcada");
    else
        snprintf(title, sizeof title, "Campo para las %d actividades marcadas", na);
    int pick = ui_pick(a, title, items, NC + 1, 0);
    for (int i = 0; i <= NC; i++)
        free(items[i]);
    int r = MOVE;
    PoaErr err = {{0}};
    if (pick == NC) {
        int u = ui_pick_unidad(a, "Unidad de sus metas operativas", -1);
        int metas = 0;
        if (u >= 0) {
            bool ok = cmd_lote_unidad(a->db, p, v->v, v->n, u, &metas, &err);
            r = ui_plan_saved(a, ok, &err);
            if (ok) {
                refiltrar(a);
                ui_status(a, false, "Unidad %s: %d meta%s operativa%s cambiada%s",
                          p->unidades[u].nombre, metas, metas == 1 ? "" : "s",
                          metas == 1 ? "" : "s", metas == 1 ? "" : "s");
            }
        }
    } else if (pick >= 0 && na > 0) {
        CmdCampo c = CAMPOS[pick];
        char *init = cmd_campo_valor(p, acts[0], c);
        char prompt[160];
        if (na == 1)
            snprintf(prompt, sizeof prompt, "%s de la actividad marcada:", cmd_campo_nombre(c));
        else
            snprintf(prompt, sizeof prompt, "%s de las %d actividades:", cmd_campo_nombre(c), na);
        char *val;
        int ret;
        if (!ui_edit_value(a, prompt, init, &val, &ret)) {
            free(init);
            free(acts);
            return ret;
        }
        int cambiadas = 0;
        bool ok = cmd_lote_campo(a->db, p, v->v, v->n, c, val, &cambiadas, &err);
        r = ui_plan_saved(a, ok, &err);
        if (ok)
            ui_status(a, false, "%s: %d actividad%s cambiada%s", cmd_campo_nombre(c), cambiadas,
                      cambiadas == 1 ? "" : "es", cambiadas == 1 ? "" : "s");
        refiltrar(a);
        free(val);
        free(init);
    } else if (pick >= 0) {
        ui_status(a, true, "Las filas marcadas no tienen actividades");
    }
    free(acts);
    return r;
}

/* The cronograma's keys with rows marked: the same change in all their
 * actividades. */
static int meses_marcadas(App *a, const IntVec *v, UiReq req, int key)
{
    Plan *p = a->plan;
    int from = a->mes, to = a->mes;
    MesCell c = {CELL_X, 1};
    bool solo_vacios = false;
    const char *que_hizo = POA_MES_CORTO[a->mes];
    char rango[32];
    switch (req) {
    case REQ_MES_MARK: {
        /* as on one row: the selected actividad's cell says mark or empty */
        int n = ui_sel_node(a);
        const Actividad *sa = n > 0 ? plan_act(p, n) : NULL;
        if (sa && sa->mes[a->mes].kind != CELL_VACIA)
            c = (MesCell){CELL_VACIA, 0};
        break;
    }
    case REQ_MES_CLEAR:
        c = (MesCell){CELL_VACIA, 0};
        break;
    case REQ_MES_QTY: {
        char init[2] = {(char)key, 0}, prompt[96];
        snprintf(prompt, sizeof prompt, "Cantidad de %s en las filas marcadas (x, número o vacío):",
                 POA_MES_CORTO[a->mes]);
        char *s;
        int ret;
        if (!ui_edit_value(a, prompt, init, &s, &ret))
            return ret;
        bool ok = mes_cell_parse(s, &c);
        if (!ok)
            ui_status(a, true, "«%s» no es una cantidad: use x, un número mayor o igual que 0, "
                      "o nada", s);
        free(s);
        if (!ok)
            return MOVE;
        break;
    }
    case REQ_TRIM_FILL:
    case REQ_TRIM_CLEAR:
        from = a->mes / 3 * 3;
        to = from + 2;
        solo_vacios = req == REQ_TRIM_FILL;
        if (req == REQ_TRIM_CLEAR)
            c = (MesCell){CELL_VACIA, 0};
        snprintf(rango, sizeof rango, "%s", POA_TRIM_NOMBRE[a->mes / 3]);
        que_hizo = rango;
        break;
    case REQ_ANIO_FILL:
    case REQ_ANIO_CLEAR:
        from = 0;
        to = POA_MESES - 1;
        solo_vacios = req == REQ_ANIO_FILL;
        if (req == REQ_ANIO_CLEAR)
            c = (MesCell){CELL_VACIA, 0};
        que_hizo = "el año";
        break;
    default:
        break;
    }
    PoaErr err = {{0}};
    int na;
    int *acts = cmd_lote_actividades(p, v->v, v->n, &na);
    bool ok;
    int cambiadas = 0;
    if (req == REQ_CRONOGRAMA_PASTE) {
        if (!a->has_clip) {
            ui_status(a, true, "Primero copie un cronograma con c");
            free(acts);
            return MOVE;
        }
        ok = cmd_set_pattern(a->db, p, a->clip, acts, na, &err);
        cambiadas = na;
        que_hizo = "el cronograma copiado";
    } else {
        ok = cmd_lote_meses(a->db, p, v->v, v->n, from, to, c, solo_vacios, &cambiadas, &err);
    }
    ui_plan_saved(a, ok, &err);
    if (ok) {
        for (int i = 0; i < na; i++)
            arbol_filas_mask_update(a->rows, acts[i]);
        ui_status(a, false, "Cronograma (%s): %d actividad%s marcada%s cambiada%s", que_hizo,
                  cambiadas, cambiadas == 1 ? "" : "es", cambiadas == 1 ? "" : "s",
                  cambiadas == 1 ? "" : "s");
    }
    free(acts);
    return MOVE;
}

int ui_plan_marcas_request(App *a, UiReq req, int key)
{
    switch (req) {
    case REQ_MARCAR: return on_marcar(a);
    case REQ_DESMARCAR: return on_desmarcar(a);
    case REQ_COPIAR: return on_copiar(a, false);
    case REQ_CORTAR: return on_copiar(a, true);
    case REQ_PEGAR: return on_pegar(a);
    case REQ_DUPLICAR: return on_duplicar(a);
    case REQ_DELETE: case REQ_MOVE_TO: case REQ_FIELDS:
    case REQ_MES_MARK: case REQ_MES_QTY: case REQ_MES_CLEAR: case REQ_TRIM_FILL:
    case REQ_TRIM_CLEAR: case REQ_ANIO_FILL: case REQ_ANIO_CLEAR: case REQ_CRONOGRAMA_PASTE:
        break;
    default:
        return UI_NOT_MINE;
    }
    IntVec v = {0};
    marcadas(a, &v);
    int r = UI_NOT_MINE;   /* nothing marked: the one-row edit */
    if (v.n) {
        if (req == REQ_DELETE)
            r = borrar_marcadas(a, &v);
        else if (req == REQ_MOVE_TO)
            r = mover_marcadas(a, &v);
        else if (req == REQ_FIELDS)
            r = campos_marcadas(a, &v);
        else
            r = meses_marcadas(a, &v, req, key);
    }
    iv_free(&v);
    return r;
}
