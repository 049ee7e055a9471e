/* libro.h — the outside world's tables as sheets of rows of cells: a CSV
 * file, or a workbook (.xlsx, .ods, .xls). Every importer reads through this
 * one interface, so recognising a layout is written once for every format.
 * Rows are streamed (bounded memory whatever the sheet's size). */
#ifndef POA_LIBRO_H
#define POA_LIBRO_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

typedef enum {
    LIBRO_CSV,
    LIBRO_XLSX,
    LIBRO_ODS,
    LIBRO_XLS,
} LibroFormato;

typedef enum {
    CELDA_VACIA = 0,
    CELDA_TEXTO,     /* texto holds it (a shared or inline string, or CSV text) */
    CELDA_NUMERO,    /* num holds it; formato tells how the sheet shows it */
    CELDA_BOOLEANO,  /* num is 0 or 1 */
    CELDA_ERROR,     /* a formula's error (#DIV/0!): texto holds it */
} CeldaTipo;

typedef enum {
    NUMFMT_GENERAL = 0,
    NUMFMT_PORCENTAJE,   /* 0.25 shown as 25 % */
    NUMFMT_FECHA,        /* a date or date-time serial; texto is "AAAA-MM-DD" */
} NumFormato;

typedef struct {
    CeldaTipo tipo;
    NumFormato formato;
    double num;
    /* Never NULL. Text cells: the text (UTF-8). Numbers: the value as C
     * writes it ("%.15g", '.' decimal), dates "AAAA-MM-DD", booleans
     * "VERDADERO"/"FALSO". Empty cells: "". */
    const char *texto;
    /* Where the cell is for messages: CSV, the physical line and character
     * column where the field starts; workbooks, the sheet's 1-based row and
     * column (cell A1 = 1, 1). */
    int linea, columna;
} Celda;

typedef struct {
    int numero;          /* 1-based: the sheet's row number, or the CSV record's line */
    int nceldas;         /* cells 0 .. nceldas-1 (column A = 0); trailing empties trimmed */
    const Celda *celdas; /* owned by the Libro, valid until the next libro_fila */
} Fila;

typedef struct {
    /* CSV only. NULL = detect: UTF-8 (with or without BOM), else
     * Windows-1252 converted with iconv. Otherwise an iconv charset name. */
    const char *codificacion;
} LibroOpciones;

typedef struct Libro Libro;

/* Opens path, recognising the format by content (zip with
 * xl/workbook.xml = xlsx, zip with content.xml = ods, OLE2 = xls, else CSV),
 * never by the name alone. err = "archivo: no se pudo abrir: …" or
 * "archivo: no es un libro de cálculo ni un CSV legible: …". */
Libro *libro_abrir(const char *path, const LibroOpciones *op, PoaErr *err);
/* Whether path is a workbook (zip or OLE2 by its first bytes) rather than
 * text, without reading the rest: a CSV needs no opening to know. */
bool libro_es_libro(const char *path);
void libro_cerrar(Libro *l);   /* accepts NULL */

LibroFormato libro_formato(const Libro *l);
const char *libro_ruta(const Libro *l);
int libro_nhojas(const Libro *l);              /* CSV: 1 */
const char *libro_hoja_nombre(const Libro *l, int hoja);   /* CSV: the file's base name */
/* The CSV's separator (',' or ';'); 0 for workbooks. */
char libro_csv_separador(const Libro *l);

/* Starts reading sheet hoja (0-based) from its first row; any sheet may be
 * read again. false with err on a damaged sheet. */
bool libro_hoja(Libro *l, int hoja, PoaErr *err);
/* 1: the next non-empty row in *f; 0: end of the sheet; -1: error (err names
 * the place). Merged cells read as their first cell; the others are empty. */
int libro_fila(Libro *l, Fila *f, PoaErr *err);

/* The place of a cell for a message, written into buf:
 * CSV "plantilla.csv:12:18"; workbook "plan.xlsx:Afiliación!P17". */
const char *libro_lugar(const Libro *l, int hoja, const Celda *c, char *buf, size_t n);
/* "A" .. "Z", "AA" …: column (1-based) as a spreadsheet names it. */
const char *libro_columna_nombre(int columna, char *buf, size_t n);

#endif
