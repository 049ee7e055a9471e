/* xlsx_poa_int.h — private to the POA sheet (xlsx_poa.c lays it out,
 * xlsx_poa_presupuesto.c writes the budget: one currency, totals, notes). */
#ifndef POA_XLSX_POA_INT_H
#define POA_XLSX_POA_INT_H

#include "xlsx_int.h"

/* The printed columns. */
enum { PO_ENT, PO_IND, PO_ACT, PO_MES1, PO_RESP = PO_MES1 + POA_MESES, PO_PRES, PO_NCOLS };

/* A hidden column, left of the flat record (xlsx_clave.c, column 40 on):
 * on each amount's row the number of its currency (1 = the plan's), so
 * every total is a SUMIF over it — currencies never added together, the
 * total rows themselves (blank there) never counted twice. */
#define PO_C_MONEDA 39
#define PO_MONEDAS_MAX 8

/* The three levels that get a total. */
typedef enum { PO_NIVEL_ENT, PO_NIVEL_UNI, PO_NIVEL_INST, PO_NIVELES } PoNivel;

typedef struct {
    int n;                                   /* currencies seen; [0] is the plan's */
    char simbolo[PO_MONEDAS_MAX][16];        /* as printed */
    char codigo[PO_MONEDAS_MAX][8];          /* the currency it names ("DOP"), "" = none */
    double suma[PO_NIVELES][PO_MONEDAS_MAX];
    int cuenta[PO_NIVELES][PO_MONEDAS_MAX];
    lxw_format *monto[PO_MONEDAS_MAX], *total[PO_MONEDAS_MAX], *rotulo;
    struct {
        int moneda, nota;
        lxw_format *f;
    } con_nota[48];                          /* an amount with its footnote's number */
    int ncon_nota;
    char **notas;                            /* the unit's footnotes, (1) first */
    int nnotas;
} PoaPres;

typedef struct {
    Xw *x;
    lxw_worksheet *ws;
    int c0;           /* first printed column (PO_ACT when there are no entregables) */
    int ult;          /* last column */
    bool sin_ent;     /* no entregables: columns A and B hidden */
    bool con_pres;    /* some activity has a budget (amount or note) */
    double w[PO_NCOLS];
    PoaPres pres;
    int cuerpo;       /* the first activity row of the last meta block written */
    int ult_act;      /* the last activity row written */
} Poa;

/* «Plan Operativo Anual del Departamento de Afiliación» (xlsx_poa.c). */
char *xlsx_poa_nombre_plan(const char *unidad);

/* The plan's currency and symbol ([exportar] moneda or the most used),
 * the column's width for the longest amount, the formats. */
void poa_pres_iniciar(Poa *po);
void poa_pres_fin(Poa *po);
/* The budget cell of an activity: the amount in its currency's format
 * with its footnote's number and a comment, or the note that is the whole
 * budget («N/A») as text. */
void poa_pres_celda(Poa *po, int r, const Actividad *a);
/* Amounts counted at nivel since its last total. */
int poa_pres_cuenta(const Poa *po, PoNivel nivel);
/* One total row per currency counted at nivel over rows r1..r-1 («rotulo»
 * in the label; the currency's symbol added when it is not the plan's);
 * resets the level; returns the next row. */
int poa_pres_total(Poa *po, int r, int r1, PoNivel nivel, const char *rotulo);
void poa_pres_olvidar(Poa *po, PoNivel nivel);
/* The unit's footnotes under its block (then forgotten); the next row. */
int poa_pres_notas(Poa *po, int r);

#endif
