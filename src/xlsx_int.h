/* xlsx_int.h — private to src/xlsx_*.c: one export's state (the workbook,
 * its formats, the figures) and the writing helpers of xlsx_writer.c. Kept
 * out of include/ so nothing else sees <xlsxwriter.h>. */
#ifndef POA_XLSX_INT_H
#define POA_XLSX_INT_H

#include <xlsxwriter.h>

#include "verificar.h"
#include "xlsx_export.h"


typedef struct {
    lxw_format *titulo, *subtitulo, *cab, *cab_mes, *gris_izq, *texto, *texto_c, *gris, *nota, *nota_b;
    lxw_format *num[4];          /* by xw_clase_num: integer, decimal, whole %, % */
    lxw_format *bloque, *mes_vacio, *mes_x, *trim[4], *anual;
    lxw_format *trim_q[4], *trim_q2[4];  /* quarter target centered across 3 months */
    lxw_format *grupo_obj, *grupo_obj_pct, *grupo_uni, *grupo_uni_pct, *pct, *cuenta;
    lxw_format *total, *total_n, *total_pct;
    lxw_format *cf[5], *ley[5];  /* by Semaforo */
    struct {
        char simbolo[16];
        lxw_format *f;
    } monedas[8];                /* currency formats, made on first use */
    int nmonedas;
    /* the seguimiento's and tablero's own (xlsx_seg_filas.c, made on first use) */
    lxw_format *sg_uni, *sg_uni_pct, *sg_mision, *sg_nota, *sg_pub, *sg_dif, *sg_cf_gris;
} Formatos;

/* One export: the workbook, its formats, and the figures of one pass. */
typedef struct Pagina Pagina;   /* the sheet being written, laid out when complete */
struct Medida;

typedef struct {
    lxw_workbook *wb;
    Formatos f;
    Plan *p;
    const XlsxOpts *o;
    int unidad;                  /* the --unidad filter, -1 = all */
    int corte;                   /* 1..4 */
    lxw_error lxerr;             /* first libxlsxwriter error */
    char *texto_largo;           /* first text over Excel's cell limit: sheet!cell, size */
    XlsxProgress cb;
    void *cb_ctx;
    long hechas, pasos, avisado;  /* progress: done, total, last reported */
    char **hojas;                /* sheet names used so far */
    int nhojas;
    int nmerges;                 /* merged ranges on the current sheet */
    Rollup *roll;                /* every figure: the plan's roll-up at the corte (calc.c) */
    IntVec *metas_uni;           /* by unit: its meta nodes in tree order */
    struct Medida *md;           /* text measured on the printing font (xlsx_medida.c) */
    Pagina *pg;                  /* the current sheet's merges, heights, blocks (xlsx_pagina.c) */

    struct SegFilas *seg;        /* the seguimiento sheet's rows, laid out once (xlsx_seg_filas.c) */

    /* Nothing reported at the corte (calc_corte_con_datos): the roll-up
     * has no % anywhere and the rows read «sin seguimiento registrado». */
    bool sin_seguimiento;
    Hallazgos hallazgos;         /* verificar at the corte (xlsx_observaciones.c) */
    IntVec observaciones;        /* indices into hallazgos.v: the sheet's rows */
    IntVec tablero_unidades;     /* the unit of each tablero row u1..u2 (the chart sorts them) */
    struct {                     /* the summary's own formats (xw_formatos_resumen) */
        lxw_format *aviso, *seccion, *dato, *dato_b, *grande[5], *sem[5], *cambio, *firma,
            *firma_linea, *texto_chico, *gris_chico;
    } fr;
} Xw;

/* The sheets: xlsx_tablero.c, xlsx_seguimiento.c, xlsx_poa.c. */
void xlsx_tablero(Xw *x);
void xlsx_seguimiento(Xw *x);
void xlsx_poa(Xw *x);
/* The executive summary opening the workbook (xlsx_resumen.c), and its
 * formats, made once per workbook after xw_formatos_crear. */
void xlsx_resumen(Xw *x);
void xw_formatos_resumen(Xw *x);
/* The findings of verificar the reports depend on (xlsx_observaciones.c):
 * xw_observaciones_hallar fills x->hallazgos and x->observaciones;
 * xlsx_observaciones writes their sheet (nothing when there are none). */
void xw_observaciones_hallar(Xw *x);
void xlsx_observaciones(Xw *x);
/* The corte a report uses: the requested one, else the latest with data,
 * else the first quarter (xlsx_comun.c). */
int xw_corte_de(const Plan *p, int pedido);
/* What an activity row says where it has no % (xlsx_comun.c):
 * estado_name / calc_nota_estado, or «sin seguimiento registrado» when
 * nothing was reported at the corte. */
const char *xw_estado_texto(const Xw *x, const ResultadoAct *r);
const char *xw_nota_estado(const Xw *x, const Actividad *a, const ResultadoAct *r, char *buf,
                           size_t n);

/* The tablero's columns (xlsx_tablero.c writes them, xlsx_grafico.c points at them). */
enum { TB_NOMBRE, TB_ACTS, TB_REP, TB_SINREP, TB_NOVENC, TB_SINMETA, TB_PCT, TB_SEM, TB_NCOLS };
/* The chart of % by unit over tablero rows u1..u2, anchored at row r (xlsx_grafico.c). */
int xlsx_grafico_unidades(Xw *x, lxw_worksheet *ws, int r, int u1, int u2);

/* Shared by the sheets (xlsx_comun.c). */
extern const char *const XW_ACUM[POA_TRIMESTRES];   /* "EN-MAR" … "EN-DIC" */
void xw_periodo_corte(const Xw *x, char *buf, size_t n);
char *xw_con_codigo(const Node *n, const char *sep);   /* "O.E.3. Administrar…" */
bool xw_act_en_pct(const Actividad *a);
bool xw_nodo_vivo(const Plan *p, int n);

/* The writing helpers (xlsx_writer.c). */
void xw_formatos_crear(Xw *x);
lxw_worksheet *xw_hoja(Xw *x, const char *base);
void xw_imprimir(Xw *x, lxw_worksheet *ws, const char *informe, const char *periodo,
                 int fila_cab1, int fila_cab2);
void xw_chk(Xw *x, lxw_error e);
void xw_str(Xw *x, lxw_worksheet *ws, int r, int c, const char *s, lxw_format *f);
void xw_num(Xw *x, lxw_worksheet *ws, int r, int c, double v, lxw_format *f);
void xw_merge(Xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *s,
              lxw_format *f);
void xw_merge_num(Xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2, double v,
                  lxw_format *f);
void xw_merge_rotulo(Xw *x, lxw_worksheet *ws, int r, int c1, int c2, const char *rotulo,
                     const char *texto, lxw_format *celda);
lxw_format *xw_moneda(Xw *x, const char *moneda);
int xw_lineas(const char *s, double ancho);
void xw_alto(Xw *x, lxw_worksheet *ws, int r, int lineas);
void xw_titulo(Xw *x, lxw_worksheet *ws, int ult, const char *titulo);
int xw_clase_num(double v, bool pct);
void xw_progreso(Xw *x, long pasos);
void xw_semaforo_cf(Xw *x, lxw_worksheet *ws, int col, int r1, int r2);
void xw_semaforo_formula(Xw *x, lxw_worksheet *ws, int r, int c, int col_pct, Semaforo s,
                         lxw_format *f);
/* The hidden columns that make a report import back (xlsx_clave.c): the
 * marker and FORMAT.md's names on the header row, each activity's flat
 * record on its row (the seguimiento columns only with con_seguimiento). */
void xw_clave_cabecera(Xw *x, lxw_worksheet *ws, int r, const char *marca);
void xw_clave_fila(Xw *x, lxw_worksheet *ws, int r, int node, bool con_seguimiento);
void xw_clave_marca(Xw *x, lxw_worksheet *ws, int r, const char *marca);
/* The printed columns read back, by number (0-based), when their titles may
 * be the institution's: mapa is "act=2 resp=15 pres=16" (keys act, resp,
 * pres, lider, real; formato_informe.c reads them). */
#define XW_CLAVE_COLUMNAS "poa:columnas"
void xw_clave_columnas(Xw *x, lxw_worksheet *ws, int r, const char *mapa);
int xw_leyenda(Xw *x, lxw_worksheet *ws, int r, int c_color, int c_texto, int c_fin);
/* Printing (xlsx_pagina.c). Each sheet is laid out when complete: the
 * merges wait until then (a merge cut by a page break is written as two,
 * each with its text), empty body columns are hidden, the scale comes from
 * the widths, row heights from the measured text, page breaks from them. */
#define XW_MARGEN_IZQ 0.4        /* inches, as worksheet_set_margins takes them */
#define XW_MARGEN_DER 0.4
#define XW_MARGEN_SUP 0.7
#define XW_MARGEN_INF 0.6
#define XW_HOLGURA_PT 4.0        /* points a page keeps free: rounding in Excel or LibreOffice */
#define XW_MERGES_MAX 60000      /* libxlsxwriter 1.1.4 counts merges in 16 bits */
/* Rows r1..r2 start on the same page when they fit on one (a block's header
 * with its first rows; the last rows with the notes under them). */
void xw_mantener(Xw *x, lxw_worksheet *ws, int r1, int r2);
void xw_pagina_merge(Xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *s,
                     double v, lxw_format *f);
/* A merged range whose first cell is a formula showing valor (measured as text). */
void xw_pagina_merge_formula(Xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                             const char *formula, const char *valor, lxw_format *f);
void xw_pagina_alto(Xw *x, lxw_worksheet *ws, int r, double pt);
/* Lays out ws (or the pending sheet when ws is NULL) with rows cab1..cab2
 * repeated on every page (-1: none). */
void xw_pagina_cerrar(Xw *x, lxw_worksheet *ws, int cab1, int cab2);
/* dd/mm/yyyy of the export: today, or SOURCE_DATE_EPOCH's day (UTC) when set. */
void xw_fecha_exportacion(char *buf, size_t n);

/* libxlsxwriter's error in Spanish for the common causes (xlsx_export.c). */
const char *xw_lxw_texto(lxw_error e);

/* ---- The seguimiento's layout (xlsx_seg_filas.c), shared with the tablero ---- */

typedef enum {
    SF_UNIDAD, SF_MISION, SF_EJE, SF_OBJETIVO, SF_META, SF_ACTIVIDAD, SF_NOTA, SF_BLANCO
} SegFilaTipo;

typedef struct {
    SegFilaTipo tipo;
    int node;     /* eje, objetivo, meta or actividad; -1 for unit rows */
    int unidad;   /* the unit of the block (-1 in an objetivo block of the objetivo order) */
    int fin;      /* a group row: index of the last row of its block */
    bool con_pct; /* a group row with its consolidated % */
} SegFila;

typedef struct SegFilas {
    SegFila *v;
    int n, cap;
    int r0;              /* sheet row of v[0] */
    int act1, act2;      /* sheet rows of the first and last activity (act2 < act1: none) */
    bool publicado;      /* some activity brought a published % at the corte */
    int col[32];         /* printed column of each SG_* role, -1 absent */
    int ncols;           /* printed columns */
    char *hoja;          /* the seguimiento sheet's name, reserved when the tablero points at it */
} SegFilas;

/* The printed columns' roles. */
enum {
    SG_COD, SG_ACC, SG_LIDER, SG_RESP, SG_META, SG_T1, SG_T2, SG_T3, SG_T4, SG_REAL, SG_PCT,
    SG_PUB, SG_OBS, SG_NROLES
};
/* The hidden helper columns of each activity row (far right, hidden): the
 * group keys and, on a due row, formulas over the printed %: the weight
 * counted, the capped value × weight, the estado and the published
 * difference (a row not due: its estado only). Group rows and the tablero are formulas over these. */
enum { SA_C0 = 100 };
enum { SA_UNIDAD, SA_EJE, SA_OBJETIVO, SA_CONTADO, SA_VALOR, SA_ESTADO, SA_DIF, SA_N };

/* Creates the formats above once per workbook. */
void xw_formatos_seg(Xw *x);
/* Conditional formats on a Semáforo text column: each colour's cells filled. */
void xw_semaforo_cf_texto(Xw *x, lxw_worksheet *ws, int col, int r1, int r2);
/* The rows of the seguimiento sheet (built on first use, kept in x->seg). */
SegFilas *xlsx_seg_filas(Xw *x);
void xlsx_seg_filas_free(SegFilas *s);   /* accepts NULL */
/* Compares two codes by the runs of digits they hold, in turn (O.E.1 <
 * O.E.3 < 6 < O.E.10; O.E.3 < O.E.3.1), then as text; a code without
 * digits after the numbered ones; "" last. */
int xw_codigo_cmp(const char *a, const char *b);
/* Objetivo nodes of eje e (or of every eje when e < 0) with counted
 * activities, in code order (ties in plan order). */
void xw_objetivos_en_orden(Xw *x, int e, IntVec *out);
/* The seguimiento's sheet name: when the tablero is written first and points
 * at it, it reserves the name (xw_hoja would make it unique against sheets
 * made since); xlsx_seguimiento creates the sheet under it. */
const char *xlsx_seg_hoja_reservar(Xw *x);
lxw_worksheet *xlsx_seg_hoja_crear(Xw *x);
/* "'Seguimiento EN-SEP'!$CZ$5:$CZ$93": a helper column over every activity row. */
void xw_seg_rango(Xw *x, int sa, char *buf, size_t n);
/* True when the workbook has the seguimiento sheet beside the tablero. */
bool xlsx_con_seguimiento(const Xw *x);
#endif
