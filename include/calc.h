/* calc.h — pure calculations on the model: quarterly targets, programado
 * acumulado, % ejecución, state and semáforo of an activity at a corte, and
 * roll-ups to entregable/objetivo/eje/unit/institution. No I/O, no curses.
 * Rules (DOMAIN.md) are documented in docs/calculos.md. */
#ifndef POA_CALC_H
#define POA_CALC_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

typedef enum {
    ESTADO_SIN_META = 0,    /* no month, no quarterly target, no meta anual */
    ESTADO_NO_VENCIDA,      /* nothing programmed up to the corte */
    ESTADO_SIN_REPORTE,     /* due, and no real reported */
    ESTADO_REPORTADA,       /* due, and a real reported */
} EstadoSeg;

typedef enum { SEM_NINGUNO = 0, SEM_GRIS, SEM_ROJO, SEM_AMARILLO, SEM_VERDE } Semaforo;

typedef enum { ROLLUP_MEDIA = 0, ROLLUP_PONDERADA } ReglaRollup;

typedef struct {
    double verde;      /* fraction: pct >= verde -> verde (default 0.80) */
    double amarillo;   /* fraction: pct >= amarillo -> amarillo (default 0.60) */
} Umbrales;

typedef struct {
    ReglaRollup regla;
    double tope;       /* fraction each activity is capped at before averaging (default 1.0) */
} ReglaConsolidacion;

/* Where the quarterly targets of an activity come from. */
typedef enum {
    FUENTE_NINGUNA = 0,
    FUENTE_MESES,      /* the monthly cronograma (ARS SEMMA): quarter = sum of its months, x = 1 */
    FUENTE_TRIMESTRES, /* quarterly targets as entered (Caja) */
    FUENTE_ANUAL,      /* only a meta anual: due at the end of the year (Q4) */
} FuenteMeta;

FuenteMeta calc_fuente(const Actividad *a);
/* Target of quarter q (1..4); 0 when the quarter has none. For percentage
 * targets the value is a fraction (25 % -> 0.25). */
double calc_meta_trimestre(const Actividad *a, int q);
/* Meta anual as entered or, when absent, the sum of the quarters. *has is
 * false when the activity has no target at all. */
double calc_meta_anual(const Actividad *a, bool *has);
/* Sum of the quarterly targets 1..corte. */
double calc_programado_acum(const Actividad *a, int corte);
/* True when the activity is planned in month m (1..12): its month cell, or
 * for quarterly plans any month of a quarter with a target. */
bool calc_mes_planificado(const Actividad *a, int m);

typedef struct {
    EstadoSeg estado;
    double programado;   /* programado acumulado at the corte */
    double real;         /* real acumulado (0 when not reported) */
    bool has_pct;        /* false for SIN_META and NO_VENCIDA */
    double pct;          /* exact, not capped: 0.306…, 5.0 */
    Semaforo semaforo;
} ResultadoAct;

/* The activity at corte 1..4 (real from a->seg[corte-1]).
 *   ascendente:  % = real ÷ programado acumulado
 *   descendente: % = programado ÷ real (lower is better; a real of 0 is 100 %)
 * SIN_REPORTE has pct 0 and semáforo rojo; NO_VENCIDA and SIN_META have
 * semáforo gris and no pct. */
void calc_actividad(const Actividad *a, int corte, const Umbrales *u, ResultadoAct *out);

Semaforo calc_semaforo(double pct, const Umbrales *u);
const char *semaforo_name(Semaforo s);    /* "verde", "amarillo", "rojo", "gris", "" */
const char *estado_name(EstadoSeg e);     /* "sin meta", "no vencida", "sin reporte", "reportada" */
/* Whole percent as published: round half away from zero (0.305 -> 31). */
long calc_pct_entero(double pct);

/* A roll-up accumulator: add activities, then read the figure. */
typedef struct {
    double suma;         /* Σ peso × min(pct, tope) over due activities */
    double pesos;        /* Σ peso over due activities */
    int n_total;
    int n_estado[4];     /* by EstadoSeg */
    int n_semaforo[5];   /* by Semaforo */
} Consolidado;

void calc_consolidado_add(Consolidado *c, const Actividad *a, const ResultadoAct *r,
                          const ReglaConsolidacion *regla);
/* false when no activity was due (nothing to average). */
bool calc_consolidado_pct(const Consolidado *c, double *out);
/* The rule in words for footnotes: "Promedio simple del % de ejecución de
 * las actividades vencidas, cada una limitada a 100 %; las no vencidas no
 * cuentan." */
const char *calc_regla_texto(const ReglaConsolidacion *r, char *buf, size_t n);

/* Consolidates every activity under node (see model.h) at corte. */
void calc_consolidar_nodo(Plan *p, int node, int corte, const ReglaConsolidacion *regla,
                          const Umbrales *u, Consolidado *out);

/* The roll-up of a plan at a corte — the one source of every consolidated
 * figure the board shows, the XLSX reports print and verificar lists. One
 * pass over the actividades gives each one's result, and one Consolidado
 * per node that groups actividades (eje, objetivo, meta, entregable), per
 * unit and for the whole plan. */
typedef struct {
    int corte;            /* 1..4 */
    int unidad;           /* only this unit's actividades; -1 = all */
    Umbrales umbrales;
    ReglaConsolidacion regla;
    int nnodos, nunidades, nacts;   /* sizes of the plan it was computed on */
    ResultadoAct *act;    /* by activity index (Plan.acts) */
    bool *contada;        /* by activity index: in the roll-up (live, of the unit) */
    Consolidado *nodo;    /* by node index: every ancestor of an actividad */
    Consolidado *unid;    /* by unit index */
    Consolidado total;
    int ncontadas;        /* actividades in the roll-up */
} Rollup;

Rollup *calc_rollup_new(const Plan *p, int corte, int unidad, const Umbrales *u,
                        const ReglaConsolidacion *regla);
void calc_rollup_free(Rollup *r);   /* accepts NULL */
/* True when r still describes p's shape (no node, unit or activity added
 * since): a caller keeping a Rollup across edits rebuilds it otherwise. */
bool calc_rollup_vigente(const Rollup *r, const Plan *p);
/* What actividad node adds to every group it belongs to, as it is now
 * (nothing if it is not counted). */
void calc_rollup_contribucion(const Rollup *r, const Plan *p, int node, Consolidado *out);
/* After an edit of actividad node: moves its contribution from antes (taken
 * with calc_rollup_contribucion before the edit) to what it is now, through
 * its ancestors, its unit and the total. O(depth), not O(plan). */
void calc_rollup_actualizar(Rollup *r, const Plan *p, int node, const Consolidado *antes);
/* The figure of a Consolidado as the board reads it: false when nothing
 * was due (no %); else *pct and *sem. */
bool calc_rollup_figura(const Rollup *r, const Consolidado *c, double *pct, Semaforo *sem);

/* ---- Additions (calc branch) ---- */

/* Tolerance for comparisons on computed fractions: 0.8 computed as
 * 0.7999999999 is still verde; 0.305 × 100 still rounds to 31. */
#define CALC_EPS 1e-9

Umbrales calc_umbrales_default(void);            /* verde 0.80, amarillo 0.60 */
ReglaConsolidacion calc_regla_default(void);     /* ROLLUP_MEDIA, tope 1.0 */
void calc_consolidado_init(Consolidado *c);      /* all zero */
/* First quarter (1..4) with a non-zero target as calc_meta_trimestre sees
 * it (for a hito, the quarter it falls due); 0 when none. */
int calc_primer_trimestre(const Actividad *a);
/* Short Spanish note for a row without a figure, as the published documents
 * write it: "Programada para el cuarto trimestre" (NO_VENCIDA),
 * "Sin reporte al corte" (SIN_REPORTE), "Sin meta programada" (SIN_META);
 * "" for REPORTADA. */
const char *calc_nota_estado(const Actividad *a, const ResultadoAct *r, char *buf, size_t n);

/* The latest corte (1..4) at which some live actividad reported anything —
 * a real, observaciones, evidencia or a published % — or 0 when none did.
 * The one rule for "the corte with data": exports, verificar and the
 * interface's opening corte (docs/decisiones.md). */
int calc_ultimo_corte_con_datos(const Plan *p);
/* True when some live actividad reported anything at corte 1..4 (the same
 * rule): a report at a corte without it would read every due activity as
 * 0 % rojo (xlsx_export.c writes the POA alone, or the board in gray). */
bool calc_corte_con_datos(const Plan *p, int corte);

#endif
