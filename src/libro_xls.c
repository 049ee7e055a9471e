/* libro_xls.c — the .xls (BIFF, Excel 97–2003) backend of libro.h, through
 * FreeXL: sheet names, and each sheet's cells walked row by row. */
#include "libro_int.h"

#include <fcntl.h>
#include <freexl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What FreeXL gives and what it does not:
 * - It loads a whole sheet when it is selected (it does not stream). That
 *   is fine for .xls: a BIFF8 sheet holds at most 65,536 rows × 256 columns.
 * - It does not expose number formats: a 0.25 shown as "25 %" in Excel comes
 *   as the plain number 0.25 (NUMFMT_GENERAL). The layout recognisers accept
 *   a fraction where a percentage is expected, as the documents also do.
 * - Dates it recognises (by the cell's XF) come as "YYYY-MM-DD" text; we
 *   report them as NUMFMT_FECHA numbers with their 1900-system serial.
 * - Its text is UTF-8 already (it converts from the workbook's code page). */

typedef struct {
    Libro base;
    const void *h;
    int nhojas;
    char **nombres;
    unsigned int filas, fila_sig;
    unsigned short columnas;
    bool activa;
    FilaBuf fb;
} Xls;

static int s_nhojas(const Libro *l) { return ((const Xls *)l)->nhojas; }
static const char *s_hoja_nombre(const Libro *l, int hoja)
{
    return ((const Xls *)l)->nombres[hoja];
}

static bool s_hoja(Libro *l, int hoja, PoaErr *err)
{
    Xls *b = (Xls *)l;
    b->activa = false;
    if (freexl_select_active_worksheet(b->h, (unsigned short)hoja) != FREEXL_OK ||
        freexl_worksheet_dimensions(b->h, &b->filas, &b->columnas) != FREEXL_OK) {
        err_set(err, "%s: no se pudo leer la hoja «%s» (hoja dañada)", l->ruta,
                b->nombres[hoja]);
        return false;
    }
    b->fila_sig = 0;
    b->activa = true;
    return true;
}

static int s_fila(Libro *l, Fila *f, PoaErr *err)
{
    Xls *b = (Xls *)l;
    if (!b->activa) {
        err_set(err, "%s: no se eligió hoja antes de leer filas", l->ruta);
        return -1;
    }
    while (b->fila_sig < b->filas) {
        unsigned int r = b->fila_sig++;
        filabuf_reset(&b->fb);
        for (unsigned short c = 0; c < b->columnas && c < LIBRO_MAX_COLUMNAS; c++) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(b->h, r, c, &v) != FREEXL_OK)
                continue;
            char buf[40];
            double serial;
            switch (v.type) {
            case FREEXL_CELL_INT:
                libro_num_texto(v.value.int_value, buf, sizeof buf);
                filabuf_poner(&b->fb, c, CELDA_NUMERO, NUMFMT_GENERAL, v.value.int_value, buf,
                              strlen(buf));
                break;
            case FREEXL_CELL_DOUBLE:
                libro_num_texto(v.value.double_value, buf, sizeof buf);
                filabuf_poner(&b->fb, c, CELDA_NUMERO, NUMFMT_GENERAL, v.value.double_value,
                              buf, strlen(buf));
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT: {
                const char *t = v.value.text_value ? v.value.text_value : "";
                size_t len = strlen(t);
                if (libro_u8_len(t, len) > LIBRO_MAX_CARACTERES) {
                    char col[16];
                    err_set(err, "%s:%s!%s%u: la celda tiene más de 32.767 caracteres; no se lee",
                            l->ruta, b->nombres[l->hoja_actual],
                            libro_columna_nombre(c + 1, col, sizeof col), r + 1);
                    return -1;
                }
                filabuf_poner(&b->fb, c, CELDA_TEXTO, NUMFMT_GENERAL, 0, t, len);
                break;
            }
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
                if (v.value.text_value && libro_fecha_serial(v.value.text_value, &serial)) {
                    snprintf(buf, sizeof buf, "%.10s", v.value.text_value);
                    filabuf_poner(&b->fb, c, CELDA_NUMERO, NUMFMT_FECHA, serial, buf,
                                  strlen(buf));
                }
                break;
            case FREEXL_CELL_TIME:
                if (v.value.text_value)
                    filabuf_poner(&b->fb, c, CELDA_TEXTO, NUMFMT_GENERAL, 0,
                                  v.value.text_value, strlen(v.value.text_value));
                break;
            default:
                break;
            }
        }
        if (filabuf_cerrar(&b->fb, (int)r + 1, f) > 0)
            return 1;
    }
    return 0;
}

static void s_cerrar(Libro *l)
{
    Xls *b = (Xls *)l;
    if (b->h)
        freexl_close(b->h);
    for (int i = 0; i < b->nhojas; i++)
        free(b->nombres[i]);
    free(b->nombres);
    filabuf_free(&b->fb);
    free(b->base.ruta);
    free(b);
}

static const LibroOps XLS_OPS = {
    .nhojas = s_nhojas,
    .hoja_nombre = s_hoja_nombre,
    .hoja = s_hoja,
    .fila = s_fila,
    .cerrar = s_cerrar,
};

/* FreeXL 1.0.6 reads past its buffers on some damaged files (our fuzzing
 * found one: tests/fuzz/hallazgos/). Before the file is read here, a child
 * process opens it and walks every cell of every sheet; if that child dies
 * (a signal, a sanitizer's abort) or hangs, the file is refused and this
 * process never runs FreeXL on it. The cost is reading an .xls twice (at
 * most 65,536 rows a sheet). */
static bool xls_recorrido_en_hijo(const char *path)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return true;   /* cannot check: read it as before */
    if (pid == 0) {
        int dn = open("/dev/null", O_WRONLY);
        if (dn >= 0)
            dup2(dn, STDERR_FILENO);   /* a sanitizer's report is not for the user */
        alarm(60);
        const void *h = NULL;
        unsigned int n = 0, filas;
        unsigned short cols;
        if (freexl_open(path, &h) == FREEXL_OK &&
            freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &n) == FREEXL_OK)
            for (unsigned int i = 0; i < n && i < 4096; i++) {
                const char *nom;
                freexl_get_worksheet_name(h, (unsigned short)i, &nom);
                if (freexl_select_active_worksheet(h, (unsigned short)i) != FREEXL_OK ||
                    freexl_worksheet_dimensions(h, &filas, &cols) != FREEXL_OK)
                    continue;
                for (unsigned int r = 0; r < filas; r++)
                    for (unsigned short c = 0; c < cols && c < LIBRO_MAX_COLUMNAS; c++) {
                        FreeXL_CellValue v;
                        freexl_get_cell_value(h, r, c, &v);
                    }
            }
        freexl_close(h);
        _exit(0);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

Libro *libro_xls_abrir(const char *path, PoaErr *err)
{
    if (!xls_recorrido_en_hijo(path)) {
        err_set(err, "%s: el libro de Excel 97–2003 está dañado: la biblioteca que lee los "
                "archivos .xls falló al recorrerlo. Ábralo en su hoja de cálculo y guárdelo "
                "de nuevo (mejor como .xlsx)", path);
        return NULL;
    }
    Xls *b = xcalloc(1, sizeof *b);
    b->base.ops = &XLS_OPS;
    b->base.formato = LIBRO_XLS;
    b->base.ruta = xstrdup(path);
    const void *h = NULL;
    int rc = freexl_open(path, &h);
    b->h = h;   /* FreeXL wants freexl_close even after a failed open */
    unsigned int n = 0;
    if (rc != FREEXL_OK || freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &n) != FREEXL_OK) {
        err_set(err, "%s: no es un libro de Excel 97–2003 legible (código de FreeXL %d)", path,
                rc);
        goto fallo;
    }
    unsigned int pw = 0;
    if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &pw) == FREEXL_OK && pw == FREEXL_BIFF_OBFUSCATED) {
        err_set(err, "%s: el libro está protegido con contraseña; no se puede leer", path);
        goto fallo;
    }
    if (n == 0 || n > 4096) {
        err_set(err, "%s: el libro no tiene hojas", path);
        goto fallo;
    }
    b->nombres = xcalloc(n, sizeof *b->nombres);
    for (unsigned int i = 0; i < n; i++) {
        const char *nom = NULL;
        if (freexl_get_worksheet_name(h, (unsigned short)i, &nom) != FREEXL_OK)
            nom = "";
        b->nombres[i] = xstrdup(nom);
        b->nhojas++;
    }
    return &b->base;
fallo:
    s_cerrar(&b->base);
    return NULL;
}
