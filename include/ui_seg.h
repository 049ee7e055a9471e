/* ui_seg.h — the seguimiento screens of the interface: the form of one
 * actividad at the corte, the table of a unit (ui_seg.c) and the board of
 * roll-ups (ui_tablero.c); closing and reopening the corte. ui_*.c only. */
#ifndef POA_UI_SEG_H
#define POA_UI_SEG_H

#include "calc.h"
#include "ui_app.h"

typedef struct UiSeg UiSeg;

UiSeg *ui_seg_new(App *a);
void ui_seg_free(UiSeg *s);   /* accepts NULL */

/* Draws the current seguimiento view (a->vista != VISTA_PLAN) between the
 * title line and the status line; ui_draw adds status and bar. */
void ui_seg_draw(App *a);
/* " 3/25 " for the right end of the status line. */
void ui_seg_posicion(const App *a, char *buf, size_t n);
/* "Corte 3 JUL-SEP (cerrado)" */
const char *ui_seg_corte_titulo(const App *a, char *buf, size_t n);

/* The semáforo mark that reads without color: "●V" "●A" "●R" "●—" (ASCII
 * "*V" … "*-"), and its color role. */
const char *ui_seg_marca(const App *a, Semaforo s);
int ui_seg_sem_attr(const App *a, Semaforo s);

/* After a change that did not pass through these screens (an undo): the
 * board recomputes at its next draw; with estructura (the tree changed)
 * the unit's table is rebuilt, keeping its selected actividad. */
void ui_seg_refrescar(App *a, bool estructura);

/* ---- ui_tablero.c: roll-ups cached per unit, objetivo and eje ---- */
typedef struct UiTablero UiTablero;
UiTablero *ui_seg_tablero(const App *a);
/* Opens the table of a unit, Esc going back to the board. */
int ui_seg_abrir_tabla(App *a, int unidad);
/* The unit of the seguimiento table (-1 before one is chosen). */
int ui_seg_tabla_unidad(const App *a);
UiTablero *ui_tablero_new(void);
void ui_tablero_free(UiTablero *t);   /* accepts NULL */
/* Forgets every figure: the next draw recomputes them in one pass. */
void ui_tablero_invalidar(UiTablero *t);
/* After an edit of one actividad: antes/despues are its contribution
 * before and after (one calc_consolidado_add each); O(1). */
/* Around an edit of actividad node: its contribution before (antes), then
 * the board's figures moved to what it contributes now (calc_rollup). */
void ui_tablero_antes(App *a, int node, Consolidado *antes);
void ui_tablero_ajustar(App *a, int node, const Consolidado *antes);
void ui_tablero_draw(App *a);
void ui_tablero_posicion(const App *a, char *buf, size_t n);
/* The unit's figure (false when nothing was due). */
bool ui_tablero_unidad(App *a, int unidad, double *pct, Semaforo *sem);
int ui_act_tab_up(App *, int), ui_act_tab_down(App *, int), ui_act_tab_pgup(App *, int),
    ui_act_tab_pgdn(App *, int), ui_act_tab_home(App *, int), ui_act_tab_end(App *, int),
    ui_act_tab_enter(App *, int), ui_act_tab_grupo(App *, int), ui_act_tab_orden(App *, int);

/* ---- handlers named in the key table (ui_keys.c) ---- */
int ui_act_seg_form(App *, int), ui_act_seg_tabla(App *, int), ui_act_seg_tablero(App *, int),
    ui_act_seg_volver(App *, int), ui_act_seg_up(App *, int), ui_act_seg_down(App *, int),
    ui_act_seg_left(App *, int), ui_act_seg_right(App *, int), ui_act_seg_pgup(App *, int),
    ui_act_seg_pgdn(App *, int), ui_act_seg_home(App *, int), ui_act_seg_end(App *, int),
    ui_act_seg_enter(App *, int), ui_act_seg_real(App *, int), ui_act_seg_obs(App *, int),
    ui_act_seg_evid(App *, int), ui_act_seg_digit(App *, int), ui_act_seg_corte(App *, int),
    ui_act_seg_cerrar(App *, int), ui_act_seg_unidad(App *, int);

#endif
