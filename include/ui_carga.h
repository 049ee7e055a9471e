/* ui_carga.h — opening a large plan in two steps (ui_carga.c, issue 14):
 * the first page on screen at once, the whole plan from a loader thread
 * (carga.h) swapped in between two keys. */
#ifndef POA_UI_CARGA_H
#define POA_UI_CARGA_H

#include <stdbool.h>

#include "ui_app.h"

/* Files of this many actividades open in two steps: below, the whole plan
 * and quick_check take a few ms (~20 ms at 2,000). */
#define UI_CARGA_DESDE 2000
/* Actividades of the first page: a few screens of the tallest terminal. */
#define UI_CARGA_PAGINA 300

/* After the first page is in a->plan (and a->rows built): starts the
 * loader. Without a thread the whole plan is read here. false: it could
 * not be read (the status line says why). */
bool ui_carga_empezar(App *a, const char *path, bool completo);
/* Whether req may run on the first page: movement that stays inside it. */
bool ui_carga_permite(const App *a, UiReq req);
/* Waits for the whole plan (progress in the status line) and puts it in
 * place of the first page, the cursor on the same row. */
void ui_carga_completar(App *a);
/* Between keys: the whole plan in place when it is ready, else the progress. */
void ui_carga_sondear(App *a);
/* A state remembered for this file (ui_estado.c): restoring it needs the
 * whole plan. */
bool ui_carga_recordado(const App *a, const char *path);
void ui_carga_free(App *a);   /* waits for the loader if it still runs */

#endif
