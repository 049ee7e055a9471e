/* libro_tmp.c — TEMPORARY stand-in for libro.c (branch «lector»), so this
 * branch builds and its tests run: every file is read as CSV, and the
 * accessors go through the backend table. Delete it when libro.c lands. */
#include <stdio.h>
#include <stdlib.h>

#include "libro_int.h"

Libro *libro_abrir(const char *path, const LibroOpciones *op, PoaErr *err)
{
    return libro_csv_abrir(path, op, err);
}

void libro_cerrar(Libro *l)
{
    if (l)
        l->ops->cerrar(l);
}

LibroFormato libro_formato(const Libro *l) { return l->formato; }
const char *libro_ruta(const Libro *l) { return l->ruta; }
int libro_nhojas(const Libro *l) { return l->ops->nhojas(l); }
const char *libro_hoja_nombre(const Libro *l, int hoja) { return l->ops->hoja_nombre(l, hoja); }
char libro_csv_separador(const Libro *l) { return l->sep; }
bool libro_hoja(Libro *l, int hoja, PoaErr *err) { return l->ops->hoja(l, hoja, err); }
int libro_fila(Libro *l, Fila *f, PoaErr *err) { return l->ops->fila(l, f, err); }

const char *libro_columna_nombre(int columna, char *buf, size_t n)
{
    char tmp[16];
    int i = 0;
    for (int c = columna; c > 0 && i < (int)sizeof tmp; c = (c - 1) / 26)
        tmp[i++] = (char)('A' + (c - 1) % 26);
    size_t j = 0;
    while (i > 0 && j + 1 < n)
        buf[j++] = tmp[--i];
    buf[j] = '\0';
    return buf;
}

const char *libro_lugar(const Libro *l, int hoja, const Celda *c, char *buf, size_t n)
{
    if (l->formato == LIBRO_CSV) {
        snprintf(buf, n, "%s:%d:%d", l->ruta, c->linea, c->columna);
        return buf;
    }
    char col[16];
    snprintf(buf, n, "%s:%s!%s%d", l->ruta, libro_hoja_nombre(l, hoja),
             libro_columna_nombre(c->columna, col, sizeof col), c->linea);
    return buf;
}
