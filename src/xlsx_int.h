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
} Formatos;

/* One export: the workbook, its formats, and the figures of one pass. */
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
int xw_leyenda(Xw *x, lxw_worksheet *ws, int r, int c_color, int c_texto, int c_fin);
/* libxlsxwriter's error in Spanish for the common causes (xlsx_export.c). */
const char *xw_lxw_texto(lxw_error e);
#endif
