/* config_lineas.h — where each section and key of a config.ini is (private
 * to config.c). iniparser gives values but no line numbers, so config.c reads
 * the lines once with iniparser 4.1's rules: sections and keys trimmed and
 * lowercased, ';' and '#' comments, '\' continuations, 1022-byte lines. */
#ifndef POA_CONFIG_LINEAS_H
#define POA_CONFIG_LINEAS_H

#include <stdbool.h>

#include "util.h"

/* iniparser 4.1 reads each line into a 1024-byte buffer and rejects the
 * whole file when one does not fit (1022 bytes + '\n'). */
#define CONFIG_LINEA_MAX 1022

typedef struct {
    char *seccion;   /* lowercased; "" before any section */
    char *clave;     /* lowercased; NULL for a section's own line */
    int linea;       /* a section: its first line; a key: its last (the value iniparser keeps) */
} ConfigLinea;

typedef struct {
    char *seccion, *clave;
    int linea, anterior;   /* a key written again at linea, before at anterior */
} ConfigRepetida;

typedef struct {
    ConfigLinea *v;        /* one per section and per key, in file order */
    int n;
    ConfigRepetida *rep;
    int nrep;
    int error_linea;       /* first line iniparser would reject (0 = none) */
    char *error_texto;
    bool error_larga;      /* rejected for its length rather than its form */
} ConfigLineas;

/* Reads path. A UTF-8 BOM is not part of the first line: then *copia gets a
 * temporary copy without it for iniparser to read (same lines, same numbers;
 * NULL without BOM). False with err only when the file cannot be read. */
bool config_lineas_leer(const char *path, ConfigLineas *m, char **copia, PoaErr *err);
/* The line of seccion's clave, 0 if it is not in the file (m may be NULL). */
int config_lineas_de(const ConfigLineas *m, const char *seccion, const char *clave);
/* Frees m and removes the copy (may be NULL). */
void config_lineas_free(ConfigLineas *m, char *copia);

#endif
