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

/* ---- Shared by the workbook backends (libro_comun.c) ---- */

/* Excel's limit for one cell; a longer text is refused as hostile input. */
#define LIBRO_MAX_CARACTERES 32767
/* Columns A..XFD: a cell beyond is an error, never an allocation. */
#define LIBRO_MAX_COLUMNAS 16384
/* Rows 1..1048576, as Excel and LibreOffice allow. */
#define LIBRO_MAX_FILAS 1048576

/* The row being assembled: cells by column, their texts in one buffer
 * (offsets, so the buffer may grow), pointers fixed when the row is done. */
typedef struct {
    Celda *celdas;
    size_t *off;        /* offset of each cell's text in txt */
    int n, cap;
    StrBuf txt;
} FilaBuf;

void filabuf_reset(FilaBuf *fb);
/* Puts a cell at column col (0-based), filling the gap with empty cells;
 * a later cell at the same column replaces the earlier. Text "" with
 * tipo CELDA_TEXTO is stored as an empty cell. */
void filabuf_poner(FilaBuf *fb, int col, CeldaTipo tipo, NumFormato fmt, double num,
                   const char *texto, size_t len);
/* Trims trailing empties, fixes the text pointers and the places; fills f.
 * Returns the number of cells left (0 = an empty row). */
int filabuf_cerrar(FilaBuf *fb, int numero, Fila *f);
void filabuf_free(FilaBuf *fb);

/* Characters (UTF-8 code points) in s[0..len). */
size_t libro_u8_len(const char *s, size_t len);
/* A date serial as "AAAA-MM-DD" (buf >= 11): 1900 system with Excel's
 * phantom 1900-02-29 (serial 60), or the 1904 system. false if out of range. */
bool libro_serial_fecha(double serial, bool sistema1904, char *buf, size_t n);
/* "AAAA-MM-DD…" -> the 1900-system serial; false if not a date. */
bool libro_fecha_serial(const char *iso, double *serial);
/* A number as libro.h's texto shows it ("%.15g", '.' decimal). */
void libro_num_texto(double v, char *buf, size_t n);
/* The local part of an expat namespace-qualified name ("uri|local"). */
const char *libro_xml_local(const char *name);

#ifdef POA_LIBRO_ZIP
/* Debian's expat is built with DTD support; the header declares the
 * billion-laughs limits only when told so. */
#ifndef XML_DTD
#define XML_DTD 1
#endif
#include <expat.h>
#include <zip.h>

/* A zip entry fed in chunks to an expat push parser that the handlers may
 * suspend (XML_StopParser resumable): one call of xmlflujo_avanzar runs
 * until a handler suspends (1), the document ends (0) or it fails (-1).
 * The parser is hardened: no DTD at all (no entity expansion, no external
 * entities), billion-laughs protection, a cap on the bytes inflated. */
typedef struct {
    zip_file_t *zf;
    XML_Parser p;
    char *buf;
    uint64_t leidos, limite;
    bool fin, suspendido;
    const char *entrada;
    const char *ruta;
    /* Set by a handler that stops the parser for a reason of its own
     * (a cell too long); xmlflujo_avanzar then returns -1 with it. */
    bool fallo;
    PoaErr err_handler;
} XmlFlujo;

/* Opens entry of z and a parser with the given handlers and user data.
 * ud must point to a struct whose first member is the XmlFlujo * (the
 * DOCTYPE refusal reaches the flujo through it). */
bool xmlflujo_abrir(XmlFlujo *x, zip_t *z, const char *ruta, const char *entrada,
                    uint64_t limite, void *ud, XML_StartElementHandler ini,
                    XML_EndElementHandler fin, XML_CharacterDataHandler texto, PoaErr *err);
int xmlflujo_avanzar(XmlFlujo *x, PoaErr *err);
/* Reads the whole entry through the handlers (small entries: workbook.xml,
 * styles.xml, sharedStrings.xml) with x, which the handlers may reach
 * through ud to fail; x is closed on return. false with err; a missing entry is an
 * error unless opcional, in which case it returns true with *existe false. */
bool xmlflujo_leer_todo(XmlFlujo *x, zip_t *z, const char *ruta, const char *entrada, uint64_t limite,
                        bool opcional, bool *existe, void *ud, XML_StartElementHandler ini,
                        XML_EndElementHandler fin, XML_CharacterDataHandler texto,
                        PoaErr *err);
/* A handler's way to fail: records the message and aborts the parse. */
void xmlflujo_fallar(XmlFlujo *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void xmlflujo_cerrar(XmlFlujo *x);   /* accepts a closed or zeroed one */
/* The value of the attribute whose local name is local, or NULL. */
const char *libro_xml_attr(const XML_Char **a, const char *local);
/* Opens the zip at path read-only; err names the file. */
zip_t *libro_zip_abrir(const char *path, PoaErr *err);
#endif

#endif
