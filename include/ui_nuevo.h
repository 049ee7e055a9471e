/* ui_nuevo.h — starting a plan in the interface (ui_*.c only): the creation
 * dialog shown when the file is missing or holds no plan (ui_nuevo.c), and
 * the plan menu P (data of the plan, switching plans, next year). */
#ifndef POA_UI_NUEVO_H
#define POA_UI_NUEVO_H

#include "sesion.h"
#include "ui_app.h"

/* What the creation dialog asked: caller frees with ui_nuevo_datos_free. */
typedef struct {
    char *institucion;
    int anio;
    char *unidad;       /* "" when none */
} UiNuevoDatos;
void ui_nuevo_datos_free(UiNuevoDatos *d);   /* accepts NULL */

/* Asks institution, year (proposing the current one) and a first unit on a
 * screen of its own; nothing is written. false on Esc (or a quit). The
 * screen must be open; a->redraw is set here (the dialog's background).
 * archivo_nuevo: the file does not exist yet (the text says so). *d holds
 * the values proposed (all NULL the first time); error, when not NULL, is
 * shown under the form (why the last try was refused). */
bool ui_nuevo_dialogo(App *a, const char *path, bool archivo_nuevo, UiNuevoDatos *d,
                      const char *error);

/* After a failed sesion_open(q) that had to choose a plan: true when the
 * file holds none, with *s open on it (lock and file, no plan) for the
 * creation; false with *s closed. */
bool ui_nuevo_sin_planes(const SesionPedido *q, Sesion *s);
/* The creation: the dialog, then the file (DB_CREATE, with the lock) when
 * s has none, the plan in one transaction and its load into s->plan.
 * 1 made, 0 Esc (nothing left behind), -1 failed (err). */
int ui_nuevo_crear(App *a, const SesionPedido *q, Sesion *s, bool archivo_nuevo, PoaErr *err);

/* P: the plan menu. UI_RELOADED when another plan was opened. */
int ui_nuevo_menu(App *a);
/* Reads plan_id of the open file into the App in place of the plan shown
 * (the tree's rows made again, the selection at the top); false with err,
 * the old plan kept. The caller returns UI_RELOADED. Every dialog that
 * changes which plan or what plan is open reads it through here (the plan
 * menu, the units screen, the import dialog). */
bool ui_nuevo_recargar(App *a, int64_t plan_id, PoaErr *err);

#endif
