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
    XLSX_INFORME_TODO,          /* one workbook: resumen, tablero, seguimiento, POA
                                   (the POA alone when nothing was reported at the corte) */
} XlsxInforme;

/* The POA sheet's column titles ([columnas] poa_*, config_claves.c). */
enum {
    XLSX_POA_T_ENTREGABLES, XLSX_POA_T_INDICADORES, XLSX_POA_T_ACTIVIDADES,
    XLSX_POA_T_CRONOGRAMA, XLSX_POA_T_RESPONSABLES, XLSX_POA_T_PRESUPUESTO, XLSX_POA_NTITULOS
};

/* What an export did, for the caller's messages (XlsxOpts.salida). */
typedef struct {
    int corte;                  /* the corte the figures are at, 1..4 */
    bool sin_seguimiento;       /* nothing registered at that corte (calc_corte_con_datos) */
    bool solo_poa;              /* todo written as the POA alone because of it */
    int observaciones;          /* rows of the sheet «Observaciones de verificación» */
} XlsxSalida;

/* One signature of the summary sheet ([firmas] in config.ini). */
typedef struct {
    const char *nombre, *cargo;   /* NULL/"" = a blank line to sign on */
} XlsxFirma;

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
    const char *moneda;         /* [exportar] moneda: the POA's symbol; NULL/"" = the plan's most used */
    const char *titulo_poa[XLSX_POA_NTITULOS];  /* [columnas] poa_*; NULL/"" = the default */

    AgruparSeg agrupar;         /* seguimiento rows by unit (default) or by objetivo */
    const char *col_seg[COLSEG_N];  /* seguimiento column titles; NULL = the default */

    XlsxFirma firmas[3];        /* Elaborado por, Revisado por, Aprobado por */
    XlsxSalida *salida;         /* when not NULL, gets what the export did */
    const char *archivo_plan;   /* the plan's file, for the commands the verification
                                   findings suggest; NULL = «ARCHIVO.db» */
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

/* The findings of verificar (verificar.c) that change what the report
 * reads — spelling duplicates of ejes and objetivos, empty names, a
 * published % that differs from the computed one, a real in another unit —
 * at the corte the export o would use, one self-contained Spanish line each
 * (the sheet «Observaciones de verificación» lists the same ones). For a
 * POA-only report, the names only. Returns how many. */
int xlsx_observaciones_lineas(Plan *p, const XlsxOpts *o, Lineas *out);

/* A valid sheet name from base: at most 31 characters (cut at a UTF-8
 * boundary), none of []:*?/\ (replaced by '-'), no leading/trailing
 * apostrophe, not empty, and different (ignoring case and accents) from
 * the nused names in used — a " (2)", " (3)"… suffix is added when needed.
 * out needs at least 128 bytes. */
void xlsx_sheet_name(const char *base, const char *const *used, int nused, char *out,
                     size_t outsz);

#endif
