/* numero.h — numbers as a person types them in the editor: one value read
 * without knowing a file's convention, with an optional currency symbol. */
#ifndef POA_NUMERO_H
#define POA_NUMERO_H

#include <stdbool.h>
#include <stddef.h>

/* One typed amount or quantity. Both conventions of the importer are read
 * (plano.c: «1,500.50» in a ',' file, «1.500,50» in a ';' file), because a
 * single value tells them apart: with both marks the last one is the
 * decimal and the other separates thousands in groups of three; one mark
 * repeated separates thousands; one mark once is the decimal, except when
 * exactly three digits follow it and a non-zero digit precedes it
 * («1.500» and «1,500» = 1500; «2,5» = 2.5; «0,125» = 0.125). An optional
 * sign; spaces around. False for anything else. */
bool numero_leer(const char *s, double *out);

/* A currency symbol at the start or end of s (RD$, US$, $, €, with or
 * without a space): returns the text without it, written into buf, and the
 * symbol in moneda ("" when there is none). */
const char *numero_quitar_moneda(const char *s, char *buf, size_t n, char *moneda,
                                 size_t moneda_n);

/* The canonical text (num_parse's form: «1500000.5», or «25%» when pct_ok
 * and s ends in %) of what was typed in s, with a currency symbol taken
 * into *moneda when moneda_n > 0 (refused otherwise). False when s is not
 * a number: the caller's own parser then says why. "" stays "". */
bool numero_normalizar(const char *s, bool pct_ok, char *out, size_t n, char *moneda,
                       size_t moneda_n);

#endif
