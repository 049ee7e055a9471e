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

/* ui_plan_meses.c: the cronograma's requests (months, quarters, year, copy
 * and paste); UI_NOT_MINE for any other. */
int ui_plan_meses_request(App *a, UiReq req, int key);

/* ui_plan_agregar.c: a (sibling) and A (as_child): the level asked when more
 * than one is possible there, then its texts, through cmd_niveles.c. */
int ui_plan_add(App *a, bool as_child);

/* After an edit of the plan screen: "Guardado" or why not; bumps App.plan_gen. */
int ui_plan_saved(App *a, bool ok, PoaErr *err);

#endif
