/* libro.c — libro.h's front: recognising a file's format by its content,
 * dispatching to its backend, and the places of cells for messages. The
 * backends' shared helpers are in libro_comun.c. */
#define POA_LIBRO_ZIP
#include "libro_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const unsigned char OLE2_MAGIC[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

/* A zip is a workbook by what it holds, not by its name. */
static Libro *abrir_zip(const char *path, PoaErr *err)
{
    zip_t *z = libro_zip_abrir(path, err);
    if (!z)
        return NULL;
    bool xlsx = zip_name_locate(z, "xl/workbook.xml", 0) >= 0;
    bool ods = zip_name_locate(z, "content.xml", 0) >= 0;
    zip_discard(z);
    if (xlsx)
        return libro_xlsx_abrir(path, err);
    if (ods)
        return libro_ods_abrir(path, err);
    err_set(err, "%s: no es un libro de cálculo: es un archivo comprimido sin hojas "
            "(no tiene xl/workbook.xml ni content.xml)", path);
    return NULL;
}

/* A pipe or a terminal is read once, as CSV: sniffing its first bytes
 * would consume them (a workbook is a zip or OLE2 file, read by seeking). */
static bool es_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool libro_es_libro(const char *path)
{
    if (!es_regular(path))
        return false;
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    unsigned char head[8] = {0};
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    /* the same test as libro_abrir's */
    return (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
            ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) ||
           (n == sizeof head && memcmp(head, OLE2_MAGIC, sizeof head) == 0);
}

Libro *libro_abrir(const char *path, const LibroOpciones *op, PoaErr *err)
{
    if (!es_regular(path) && access(path, F_OK) == 0)
        return libro_csv_abrir(path, op, err);
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(err, "%s: no se pudo abrir: %s", path, err_sistema(errno));
        return NULL;
    }
    unsigned char head[8] = {0};
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
        ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
        return abrir_zip(path, err);
    if (n == sizeof head && memcmp(head, OLE2_MAGIC, sizeof head) == 0)
        return libro_xls_abrir(path, err);
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
char libro_csv_separador(const Libro *l) { return l->sep; }

const char *libro_hoja_nombre(const Libro *l, int hoja)
{
    if (hoja < 0 || hoja >= l->ops->nhojas(l))
        return "";
    return l->ops->hoja_nombre(l, hoja);
}

bool libro_hoja(Libro *l, int hoja, PoaErr *err)
{
    if (hoja < 0 || hoja >= l->ops->nhojas(l)) {
        err_set(err, "%s: no tiene la hoja %d (tiene %d)", l->ruta, hoja + 1,
                l->ops->nhojas(l));
        return false;
    }
    if (!l->ops->hoja(l, hoja, err))
        return false;
    l->hoja_actual = hoja;
    return true;
}

int libro_fila(Libro *l, Fila *f, PoaErr *err)
{
    return l->ops->fila(l, f, err);
}

const char *libro_lugar(const Libro *l, int hoja, const Celda *c, char *buf, size_t n)
{
    if (l->formato == LIBRO_CSV) {
        snprintf(buf, n, "%s:%d:%d", l->ruta, c ? c->linea : 0, c ? c->columna : 0);
        return buf;
    }
    char col[16];
    const char *nombre = libro_hoja_nombre(l, hoja);
    if (!c)
        snprintf(buf, n, "%s:%s", l->ruta, nombre);
    else
        snprintf(buf, n, "%s:%s!%s%d", l->ruta, nombre,
                 libro_columna_nombre(c->columna, col, sizeof col), c->linea);
    return buf;
}
