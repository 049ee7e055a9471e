/* ui_plan_agregar.c — a and A on the plan screen: which level the new
 * element takes (a small picker when the plan allows more than one there:
 * an eje over objetivos that had none, an entregable between a meta and its
 * actividades), its unit, code, text and indicador; cmd_niveles.c adds it. */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "cmd_niveles.h"
#include "ui_plan.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

static bool femenino(NodeKind k) { return k == NODE_META || k == NODE_ACTIVIDAD; }

int ui_plan_add(App *a, bool as_child)
{
    Plan *p = a->plan;
    int ref = ui_sel_node(a);
    if (ref <= 0) {   /* empty plan (or empty filter): a child of the plan */
        ref = 0;
        as_child = true;
    }
    CmdNivel nv[2];
    int nn = cmd_niveles_posibles(p, ref, as_child, nv);
    if (nn == 0) {
        ui_status(a, true, "Una actividad no tiene elementos dentro: use «a» para otra actividad");
        return MOVE;
    }
    int pick = 0;
    if (nn > 1) {
        char b0[200], b1[200];
        char *items[2] = {(char *)cmd_nivel_nombre(p, &nv[0], b0, sizeof b0),
                          (char *)cmd_nivel_nombre(p, &nv[1], b1, sizeof b1)};
        pick = ui_pick(a, "¿Qué agregar?", items, 2, 0);
        if (pick < 0) {
            ui_status(a, false, "No se agregó nada");
            return MOVE;
        }
    }
    const CmdNivel *n = &nv[pick];
    NodeKind kind = n->kind;
    int unidad = -1;
    if (kind == NODE_META) {
        int init = a->rows->filtro_unidad >= 0 ? a->rows->filtro_unidad : p->nodes[ref].unidad;
        unidad = ui_pick_unidad_nueva(a, "Unidad de la nueva meta operativa", init < 0 ? 0 : init);
        if (unidad < 0)
            return MOVE;
    }
    /* the code proposed: after the last shown sibling where it goes */
    bool child = as_child || n->padre >= 0;
    int base = n->padre >= 0 ? n->padre : ref;
    int vparent = child ? base : cmd_visible_parent(p, ref);
    int prev = ref;
    if (child) {
        IntVec kids = {0};
        arbol_filas_kids(p, base, &kids);
        prev = kids.n ? kids.v[kids.n - 1] : 0;
        if (kids.n && p->nodes[prev].kind != kind)
            prev = 0;   /* another level there: this one starts its own numbering */
        iv_free(&kids);
    }
    char *code = n->implicito >= 0 || kind == NODE_EJE ? xstrdup("")
                                                       : cmd_codigo_sugerido(p, prev, vparent, kind);
    char prompt[200], extra[120] = "";
    if (n->implicito >= 0 && n->hijos > 0)
        snprintf(extra, sizeof extra, " (agrupa %s %d %s de aquí)",
                 kind == NODE_EJE ? "los" : "las", n->hijos,
                 kind == NODE_EJE ? "objetivos" : "actividades");
    snprintf(prompt, sizeof prompt, "%s %s%s%s%s — %s%s:", femenino(kind) ? "Nueva" : "Nuevo",
             node_kind_name(kind), code[0] ? " " : "", code, extra,
             "texto",
             kind == NODE_META ? " (puede quedar vacío)" : "");
    char *text, *indicador = NULL;
    if (!ui_edit_line(a, prompt, "", &text)) {
        free(code);
        if (a->quit)
            return UI_QUIT;
        ui_status(a, false, "No se agregó nada");
        return MOVE;
    }
    if (kind == NODE_ENTREGABLE && !ui_edit_line(a, "Indicador del entregable (puede quedar vacío):",
                                                 "", &indicador)) {
        free(code);
        free(text);
        if (a->quit)
            return UI_QUIT;
        ui_status(a, false, "No se agregó nada");
        return MOVE;
    }
    PoaErr err = {{0}};
    int made = -1;
    bool ok = cmd_nivel_add(a->db, p, ref, as_child, n, unidad, code, text, indicador ? indicador : "",
                            &made, &err);
    free(code);
    free(text);
    free(indicador);
    arbol_filas_sync(a->rows);
    if (ok) {
        arbol_filas_rebuild(a->rows);   /* a named implicit level is a row now */
        arbol_filas_mask_update(a->rows, made);
        arbol_filas_select(a->rows, made, &a->lista.sel);
    }
    return ui_plan_saved(a, ok, &err);
}
