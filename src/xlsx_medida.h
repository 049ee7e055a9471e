/* xlsx_medida.h — private to src/xlsx_*.c: how wide a text prints in the
 * workbook's font and how many lines it wraps to in a column, measured with
 * FreeType on the font fontconfig gives for Calibri (Carlito, its metric twin). */
#ifndef POA_XLSX_MEDIDA_H
#define POA_XLSX_MEDIDA_H

#include <stdbool.h>
#include <stddef.h>

/* The four faces a report uses, regular to bold italic. */
enum { MD_NORMAL = 0, MD_NEGRITA = 1, MD_CURSIVA = 2 };

typedef struct Medida Medida;

/* Opens the fonts once (the faces of fontconfig's match for "Calibri").
 * Never NULL: without the font the measures are a conservative estimate
 * (medida_real says which) — a little room, never cut text. */
Medida *medida_new(void);
void medida_free(Medida *m);
/* The process's one Medida, opened on first use and kept: the fonts are read
 * once however many reports are written. Not for use from two threads. */
Medida *medida_compartida(void);
/* True when the text is measured on the real font; false on the estimate. */
bool medida_real(const Medida *m);
/* The font file measured (for the one message saying which), or "". */
const char *medida_archivo(const Medida *m);

/* Width in points of the first n bytes of s at pt points in face cara. */
double medida_ancho(Medida *m, const char *s, size_t n, double pt, int cara);
/* Lines s wraps to in a cell whose text area is ancho_pt points wide, as
 * Excel and LibreOffice wrap: at spaces, after a hyphen or a slash, a word
 * longer than the line cut between characters; "\n" always starts a line. */
int medida_lineas(Medida *m, const char *s, double ancho_pt, double pt, int cara);
/* Height in points of one line of the font at pt points. */
double medida_linea_pt(const Medida *m, double pt);

/* A column's width (character units of the default font, Calibri 11) as
 * LibreOffice prints it at 100 % (Excel's pixels are ~6 % narrower; the
 * row heights leave Excel's line spacing), and the usable text width of a
 * cell in it. */
double medida_columna_pt(double ancho);
double medida_texto_pt(double ancho_col_pt);
/* A row's height in points for lineas lines at pt points. */
double medida_alto_fila(const Medida *m, int lineas, double pt);

#endif
