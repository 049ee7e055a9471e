/* ui_seg.h — the layer the three seguimiento screens (form, unit table,
 * board) stand on, ui_*.c only: their shared state (the unit's rows, the
 * roll-up the board and the table's title show), the formats they share, the
 * edit of one field at the corte, and the corte's requests. It calls dialogs
 * and primitives, never a screen. */
#ifndef POA_UI_SEG_H
#define POA_UI_SEG_H

#include "calc.h"
#include "ui_app.h"

typedef struct {
    int node;
    bool objetivo;      /* a header row: the objetivo the next rows belong to */
    int ord;            /* 1-based among the actividad rows; 0 for headers */
} SegFila;

/* The table's columns, in the Caja's layout. */
enum { C_COD, C_ACC, C_LID, C_RESP, C_META, C_T1, C_T2, C_T3, C_T4, C_REAL, C_PCT, C_OBS, NCOL };

/* The form's fields. */
typedef enum { SEG_CAMPO_REAL = 0, SEG_CAMPO_OBS, SEG_CAMPO_EVID, SEG_CAMPO_CAUSA, SEG_NCAMPOS } SegCampo;

typedef struct UiSeg {
    /* one unit's actividades under their objetivo rows, built when the unit
     * is chosen (a walk of that unit's metas, not the plan); the form shows
     * the selected one, the table all */
    int unidad;             /* -1 until one is chosen */
    SegFila *filas;
    int nfilas, capfilas, nacts;
    Lista lista;            /* over filas; objetivo rows are skipped */
    unsigned gen;           /* App.plan_gen when the rows were built */
    /* the table screen's columns: selected, scrolled (col0..last), widths */
    int col, col0, last;
    int w[NCOL];
    SegCampo campo;         /* the form screen's selected field */
    unsigned filtro_estado; /* the table's seguimiento filter (ArbolEstado bits), 0 none */
    /* the roll-up (calc.c) at the corte: the board's figures, the unit's
     * figure in the table's title; adjusted per edit, rebuilt when stale */
    Rollup *roll;
    unsigned roll_gen;      /* App.plan_gen of roll */
    unsigned roll_builds;   /* bumped by each rebuild: the board regroups */
    unsigned roll_cambios;  /* bumped by each rebuild or edit: the board re-sorts */
} UiSeg;

UiSeg *ui_seg_new(void);
void ui_seg_free(UiSeg *s);   /* accepts NULL */

/* ---- formats ---- */
/* "Corte 3 JUL-SEP (cerrado)" */
const char *ui_seg_corte_titulo(const App *a, char *buf, size_t n);
/* The semáforo mark that reads without color: "●V" "●A" "●R" "●—" (ASCII
 * "*V" … "*-"), and its color role. */
const char *ui_seg_marca(const App *a, Semaforo s);
int ui_seg_sem_attr(const App *a, Semaforo s);
/* "EN-SEP": the months a corte accumulates. */
const char *ui_seg_rango_acum(int corte);
/* Text in a single line (observaciones may hold line breaks); caller frees. */
char *ui_seg_una_linea(const char *s);
void ui_seg_put_right(int y, int x, int w, int attr, const char *s);
/* The title line: a read-only session says so first; "Esc: volver" at the right. */
void ui_seg_title(App *a, const char *left);
/* Quarterly target q (0..3), the annual target and "31 %" (or "—") as the
 * report prints them. */
void ui_seg_fmt_meta_q(const Actividad *actividad, int q, char *buf, size_t n);
void ui_seg_fmt_meta_anual(const Actividad *actividad, char *buf, size_t n);
void ui_seg_fmt_pct(const App *a, const ResultadoAct *r, char *buf, size_t n);
const char *ui_seg_unidad_nombre(const App *a, int u);

/* ---- the unit's rows ---- */
/* Builds the rows of unidad, keeping the selected actividad when it is there. */
void ui_seg_filas_build(App *a, int unidad);
/* The rows of unidad (built when it changed or the plan was edited since),
 * on node's row when node is there. */
void ui_seg_filas_open(App *a, int unidad, int node);
/* Points the rows at node's unit (building them when the unit changed or
 * the plan was edited since) and selects node's row. */
void ui_seg_filas_at(App *a, int node);
/* The actividad of the selected row, or -1. */
int ui_seg_fila_node(const App *a);
void ui_seg_position(const App *a, char *buf, size_t n);
/* The list of the rows, ready for the shared movement. */
Lista *ui_seg_filas_list(App *a);
/* The unit of the rows (-1 before one is chosen). */
int ui_seg_unidad(const App *a);
/* A unit from the list (initial selected); -1 when none or cancelled. */

/* ---- edits and the corte ---- */
/* Edits campo of actividad node at the corte (inicial: the editor's text,
 * NULL for the current value), one transaction; the roll-up follows. */
int ui_seg_edit(App *a, int node, SegCampo campo, const char *inicial);
/* CORTE_PICK and CORTE_CLOSE, shared by the three screens; UI_NOT_MINE else. */
int ui_seg_corte_request(App *a, UiReq req);

/* ---- the roll-up ---- */
/* The roll-up at the corte, rebuilt in one pass when stale. */
Rollup *ui_seg_rollup(App *a);
void ui_seg_rollup_invalidate(App *a);
/* The unit's figure (false when nothing was due). */
bool ui_seg_rollup_unidad(App *a, int unidad, double *pct, Semaforo *sem);

#endif
