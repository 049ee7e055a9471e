/* xlsx_int.h — private to src/xlsx_*.c: one export's state (the workbook,
 * its formats, the figures) and the writing helpers of xlsx_writer.c. Kept
 * out of include/ so nothing else sees <xlsxwriter.h>. */
#ifndef POA_XLSX_INT_H
#define POA_XLSX_INT_H

#include <xlsxwriter.h>

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
} Xw;

/* The sheets: xlsx_tablero.c, xlsx_seguimiento.c, xlsx_poa.c. */
void xlsx_tablero(Xw *x);
void xlsx_seguimiento(Xw *x);
void xlsx_poa(Xw *x);

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
void xw_pagina_alto(Xw *x, lxw_worksheet *ws, int r, double pt);
/* Lays out ws (or the pending sheet when ws is NULL) with rows cab1..cab2
 * repeated on every page (-1: none). */
void xw_pagina_cerrar(Xw *x, lxw_worksheet *ws, int cab1, int cab2);
/* dd/mm/yyyy of the export: today, or SOURCE_DATE_EPOCH's day (UTC) when set. */
void xw_fecha_exportacion(char *buf, size_t n);

/* libxlsxwriter's error in Spanish for the common causes (xlsx_export.c). */
const char *xw_lxw_texto(lxw_error e);
#endif
