/* xlsx_export.h — the formatted XLSX reports for the Consejo Directivo: the
 * POA (per unit and objetivo), the seguimiento at a corte and the tablero.
 * Written with libxlsxwriter to a temporary name and renamed when complete.
 * No curses: the TUI shows progress through the callback. Layouts and rules
 * in docs/informes.md; every figure comes from calc.h. */
#ifndef POA_XLSX_EXPORT_H
#define POA_XLSX_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "calc.h"
#include "config.h"
#include "model.h"
#include "util.h"

typedef enum {
    XLSX_INFORME_POA = 0,
    XLSX_INFORME_SEGUIMIENTO,
    XLSX_INFORME_TABLERO,
    XLSX_INFORME_TODO,          /* one workbook: tablero, seguimiento, POA */
} XlsxInforme;

typedef struct {
    const char *path;           /* the .xlsx to write */
    XlsxInforme informe;
    int corte;                  /* 1..4; 0 = latest corte with data, else 1 */
    const char *unidad;         /* only this unit (exact name); NULL/"" = all */
    Umbrales umbrales;
    ReglaConsolidacion regla;
    Papel papel;
    bool horizontal;
    const char *autor;          /* document property; NULL/"" = none */
    int *hojas;                 /* when not NULL, gets the sheets written (the TUI says it) */
} XlsxOpts;

/* Called now and then while writing: hechas of total steps (rows). The
 * TUI puts it in the status bar; may be NULL. */
typedef void (*XlsxProgress)(void *ctx, long hechas, long total);

/* Defaults from config.ini (umbrales, regla, papel, orientación, autor);
 * path, informe, corte and unidad are left for the caller. */
void xlsx_opts_from_config(XlsxOpts *o, const Config *cfg);
/* "poa", "seguimiento", "tablero", "todo" -> informe; false otherwise. */
bool xlsx_informe_parse(const char *s, XlsxInforme *out);
const char *xlsx_informe_name(XlsxInforme i);

/* Writes the report(s). On any error: false, err says why in Spanish and no
 * file is left at o->path (an existing file there is left untouched).
 * An unknown o->unidad is an error naming it. */
bool xlsx_export(Plan *p, const XlsxOpts *o, XlsxProgress cb, void *ctx, PoaErr *err);

/* A valid sheet name from base: at most 31 characters (cut at a UTF-8
 * boundary), none of []:*?/\ (replaced by '-'), no leading/trailing
 * apostrophe, not empty, and different (ignoring case and accents) from
 * the nused names in used — a " (2)", " (3)"… suffix is added when needed.
 * out needs at least 128 bytes. */
void xlsx_sheet_name(const char *base, const char *const *used, int nused, char *out,
                     size_t outsz);

/* ---- Shared by src/xlsx_*.c only (define POA_XLSX_INTERNO) ---- */
#ifdef POA_XLSX_INTERNO
#include <xlsxwriter.h>

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
    XlsxProgress cb;
    void *cb_ctx;
    long hechas, pasos, avisado;  /* progress: done, total, last reported */
    char **hojas;                /* sheet names used so far */
    int nhojas;
    int nmerges;                 /* merged ranges on the current sheet */
    int nacts;                   /* activities in the reports */
    ResultadoAct *res;           /* by activity index (Plan.acts) */
    Consolidado *cons;           /* by node index: eje, objetivo, meta */
    Consolidado *cons_uni;       /* by unit index */
    Consolidado total;
    IntVec *metas_uni;           /* by unit: its meta nodes in tree order */
} Xw;

void xlsx_tablero(Xw *x);
void xlsx_seguimiento(Xw *x);
void xlsx_poa(Xw *x);

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
int xw_leyenda(Xw *x, lxw_worksheet *ws, int r, int c_color, int c_texto, int c_fin);
#endif

#endif
