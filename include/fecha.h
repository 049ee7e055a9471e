/* fecha.h — calendar dates as the analyst writes them (dd/mm/aaaa, in
 * config.ini) and as the program stores them (AAAA-MM-DD): checking and
 * converting, no clock. */
#ifndef POA_FECHA_H
#define POA_FECHA_H

#include <stdbool.h>

/* "15/10/2024" or "5/1/2024" (day and month of one or two digits, spaces
 * around allowed) → true with iso = "2024-10-15"; false for anything that
 * is not a real date between 1900 and 2200 (31/02/2024 included). */
bool fecha_dma_iso(const char *s, char iso[11]);
/* "2024-10-15" exactly, and a real date. */
bool fecha_iso_valida(const char *s);

#endif
