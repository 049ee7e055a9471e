/* csv.h — RFC 4180 reading and writing of the flat plan CSV. The reader
 * keeps the line and column of every field so errors name the place
 * ("plantilla.csv:12:7"); the writer quotes when needed and keeps text that
 * starts with = + - @ from being read as a formula. */
#ifndef POA_CSV_H
#define POA_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "util.h"

typedef struct CsvReader CsvReader;

typedef struct {
    char **fields;     /* owned by the reader, valid until the next csv_next */
    int *lines;        /* physical line (1-based) where each field starts */
    int *cols;         /* column (1-based, in characters) where each field starts */
    int nfields;
    int line;          /* line where the record starts */
} CsvRow;

/* Reads the whole file. Fails (err names the file) if it cannot be read or
 * is not valid UTF-8 ("plantilla.csv:3:14: el texto no es UTF-8 válido").
 * A UTF-8 BOM is accepted and skipped. Separator: ',' or, when the header
 * line has more ';' than ',' outside quotes, ';'. */
CsvReader *csv_open(const char *path, PoaErr *err);
/* As csv_open (codificacion "UTF-8"), or: NULL = a file that is not valid
 * UTF-8 is converted whole from Windows-1252 (Excel's Spanish CSV) with
 * iconv, and csv_nota says so; another iconv charset name = the file is
 * converted from it. */
CsvReader *csv_open_enc(const char *path, const char *codificacion, PoaErr *err);
/* The warning about the conversion done on open, or NULL. */
const char *csv_nota(const CsvReader *r);
/* Starts again from the first record without reading the file again; false
 * when the reader went too far for that (then open it again). */
bool csv_rewind(CsvReader *r);
char csv_separator(const CsvReader *r);   /* ',' or ';' */
/* 1: a record in *row; 0: end of file; -1: error (unterminated quote,
 * stray quote), err = "archivo:línea:columna: …". Empty lines are skipped. */
int csv_next(CsvReader *r, CsvRow *row, PoaErr *err);
const char *csv_path(const CsvReader *r);
void csv_close(CsvReader *r);   /* accepts NULL */

/* Writes one field (no separator). text = true for text columns: a value
 * starting with = + - @ is written with a leading apostrophe ('=SUM…) so
 * spreadsheets keep it as text. Quotes when the value has , " CR LF or a
 * leading/trailing space. */
void csv_write_field(FILE *f, const char *value, bool text);
/* Undoes the apostrophe of csv_write_field: "'=x" -> "=x" (in place). */
void csv_unescape_text(char *value);

#endif
