/* ui_plan.h — the plan screen's two halves (ui_*.c only): its requests and
 * hooks (ui_plan.c, ui_plan_meses.c) and its drawing (ui_plan_draw.c). */
#ifndef POA_UI_PLAN_H
#define POA_UI_PLAN_H

#include "ui_app.h"

/* ui_plan_draw.c */
/* The screen's layout from the terminal's size: tree, grid or extra columns,
 * detail area (App.list_*, det_*, tree_w, grid_x, extra_x). */
void ui_plan_layout(App *a);
void ui_plan_draw(App *a);
void ui_plan_position(const App *a, char *buf, size_t n);
/* The presupuesto totals of every node, rebuilt when the plan was edited
 * (App.plan_gen) or after invalidate (an undo, a reload). */
const struct Presupuestos *ui_plan_presupuestos(App *a);
void ui_plan_presupuestos_invalidate(App *a);

/* ui_plan_meses.c: the cronograma's requests (months, quarters, year, copy
 * and paste); UI_NOT_MINE for any other. */
int ui_plan_meses_request(App *a, UiReq req, int key);

/* ui_plan_marcas.c: marks, copy, cut, paste and duplicate; with rows
 * marked, also delete, move, fields and the cronograma's keys on all of
 * them. UI_NOT_MINE for any other request. */
int ui_plan_marcas_request(App *a, UiReq req, int key);
bool ui_plan_marcada(const App *a, int node);
int ui_plan_marcas_count(const App *a);   /* live marked nodes */
/* Drops the marks (the plan was reloaded: node indices are stale) and
 * frees them with the clipboard when fin. */
void ui_plan_marcas_clear(App *a, bool fin);

/* ui_plan_agregar.c: a (sibling) and A (as_child): the level asked when more
 * than one is possible there, then its texts, through cmd_niveles.c. */
int ui_plan_add(App *a, bool as_child);

/* After an edit of the plan screen: "Guardado" or why not; bumps App.plan_gen. */
int ui_plan_saved(App *a, bool ok, PoaErr *err);

/* ui_plan_ver.c: search (/ n N), go to a code (:), the seguimiento state
 * filter (f), the líder column (L); UI_NOT_MINE for any other. */
int ui_plan_ver_request(App *a, UiReq req, int key);
/* The state filter judged again at App.corte (after the corte or the
 * seguimiento changed). */
void ui_plan_ver_refiltrar(App *a);

#endif
