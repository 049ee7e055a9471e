/* libro_int.h — what a backend of libro.h provides (private to src/libro*.c):
 * a table of operations, and the common head every backend's struct starts
 * with. libro.c detects the format and calls the backend's constructor. */
#ifndef POA_LIBRO_INT_H
#define POA_LIBRO_INT_H

#include "libro.h"

typedef struct {
    int (*nhojas)(const Libro *l);
    const char *(*hoja_nombre)(const Libro *l, int hoja);
    bool (*hoja)(Libro *l, int hoja, PoaErr *err);
    int (*fila)(Libro *l, Fila *f, PoaErr *err);
    void (*cerrar)(Libro *l);   /* frees the backend's data and l itself */
} LibroOps;

/* Every backend's struct embeds this first: `struct X { Libro base; … }`. */
struct Libro {
    const LibroOps *ops;
    LibroFormato formato;
    char *ruta;
    char sep;          /* CSV separator; 0 for workbooks */
    int hoja_actual;   /* set by libro_hoja */
};

/* Constructors, one per backend (libro_csv.c, libro_xlsx.c, libro_ods.c,
 * libro_xls.c). Each fills base (ops, formato, ruta: a copy of path). */
Libro *libro_csv_abrir(const char *path, const LibroOpciones *op, PoaErr *err);
Libro *libro_xlsx_abrir(const char *path, PoaErr *err);
Libro *libro_ods_abrir(const char *path, PoaErr *err);
Libro *libro_xls_abrir(const char *path, PoaErr *err);

#endif
