/* captura.h — the capture workbooks of a corte: one per unit out
 * (xlsx_captura.c: what the unit fills, protected and validated, with its
 * hidden identification) and the filled ones back in (captura.c: recognise,
 * check, classify each row, apply one file per transaction). Table captura
 * records each workbook sent and its return (store_captura.c). */
#ifndef POA_CAPTURA_H
#define POA_CAPTURA_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "db.h"
#include "model.h"
#include "util.h"

/* The hidden sheet that identifies a capture workbook, and its first cell. */
#define CAPTURA_HOJA_ID "poa_captura"
#define CAPTURA_MARCA "poa-captura"
/* The sheet the unit fills. */
#define CAPTURA_HOJA "Captura"

typedef struct {
    const char *destino;   /* a folder (every unit), or the file (with unidad) */
    const char *unidad;    /* one unit (exact name); NULL/"" = every unit */
    int corte;             /* 1..4 */
    const Config *cfg;     /* umbrales, papel, [captura] keys; NULL = defaults */
} CapturaExport;

/* "captura-2024-T3-Auditoria-Interna.xlsx": accents folded, anything but
 * letters and digits a '-', at most 80 bytes for the unit. Caller frees. */
char *captura_nombre_archivo(const Plan *p, int unidad, int corte);
/* The activities of unidad a capture asks for, in tree order: every live
 * activity of the unit with a target (due or not yet due at the corte). */
void captura_actividades(Plan *p, int unidad, IntVec *out);

/* The fingerprint of an activity's targets (meta anual, quarters, months,
 * tipo, sentido) as 16 hex digits: the import tells when they changed. */
void captura_huella_metas(const Actividad *a, char out[17]);

/* Writes the workbook(s) (each to a temporary name, renamed when complete)
 * and records each in table captura, one transaction per workbook. Every
 * path written is appended to escritos (may be NULL). A unit without any
 * activity to report gets no workbook (listed in omitidas, may be NULL). */
bool captura_exportar(Db *db, Plan *p, const CapturaExport *o, Lineas *escritos,
                      Lineas *omitidas, PoaErr *err);

/* ---- back in (captura.c) ---- */

/* True when path is a workbook carrying a capture's identification. */
bool captura_es_libro(const char *path);

typedef enum {
    CAP_NUEVO_REAL = 0,
    CAP_REAL_CAMBIADO,
    CAP_TEXTO_CAMBIADO,   /* observaciones, evidencia or causa */
    CAP_SIN_CAMBIOS,
    CAP_NO_VENCIDA,       /* not due at the corte and nothing reported */
    CAP_SIN_REPORTE,      /* due and still without a real */
    CAP_INVALIDO,         /* a value that is not a real (the cell is named) */
    CAP_ELIMINADA,        /* the activity left the plan after the export */
    CAP_FILA_BORRADA,     /* the unit removed the activity's row */
    CAP_CONFLICTO,        /* also edited in poa after the export */
    CAP_SIN_CAUSA,        /* amarillo or rojo without a cause */
    CAP_NCLASES
} CapturaClase;

const char *captura_clase_nombre(CapturaClase c);

typedef struct {
    bool simular;          /* classify only; nothing is written */
    bool forzar;           /* conflicts take the workbook's value */
    int corte;             /* 0 = any; else a workbook of another corte is refused */
    const char *unidad;    /* NULL = any; else a workbook of another unit is refused */
    Umbrales umbrales;
} CapturaImport;

typedef struct {
    char *ruta;
    char *rechazo;         /* why the whole file was refused; NULL = taken */
    char *unidad;          /* the unit and corte it carries ("" when unread) */
    int corte;
    Lineas filas;          /* the table, one line per row (and per extra note) */
    int n[CAP_NCLASES];
    int aplicadas;         /* activities written */
    bool aplicado;         /* committed (never with simular) */
} CapturaResultado;

void captura_resultado_free(CapturaResultado *r);   /* accepts a zeroed one */

/* Reads path, checks it belongs to p (its huella registered in db), its
 * corte is open and matches o; classifies every row into r and, unless
 * o->simular, applies it in one transaction logged as coming from the file
 * (CAMBIO_SEGUIMIENTO rows, so undo reverts the whole file). false only on
 * a failure of the database (err); a refused file is r->rechazo. */
bool captura_importar(Db *db, Plan *p, const char *path, const CapturaImport *o,
                      CapturaResultado *r, PoaErr *err);

/* The table of a result as the command line prints it. */
void captura_resultado_texto(const CapturaResultado *r, StrBuf *out);

#endif
