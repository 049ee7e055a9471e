/* libro_csv.h — what only a CSV opened through libro.h can tell: the
 * conversion its bytes needed. The rest of a CSV is read as any Libro. */
#ifndef POA_LIBRO_CSV_H
#define POA_LIBRO_CSV_H

#include "libro.h"

/* "plan.csv: el archivo no es UTF-8 (…); se leyó como Windows-1252", or NULL
 * (UTF-8, or not a CSV). */
const char *libro_csv_nota(const Libro *l);

#endif
