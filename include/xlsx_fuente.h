/* xlsx_fuente.h — whether the reports this process wrote measured their
 * text on the printing font (Carlito) or only estimated it, for the CLI and
 * the TUI to say so; the core prints nothing (xlsx_medida.c keeps the flag). */
#ifndef POA_XLSX_FUENTE_H
#define POA_XLSX_FUENTE_H

#include <stdbool.h>
#include <stddef.h>

/* True when a report or capture workbook written by this process measured
 * its text without the font (its row heights are an estimate; the
 * workbook's Comments property says so too): msg gets the one line to show,
 * in Spanish, without a trailing newline. False, and msg untouched, when
 * every report was measured on the font or none was written. */
bool xlsx_fuente_falta(char *msg, size_t n);

#endif
