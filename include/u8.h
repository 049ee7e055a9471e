/* u8.h — UTF-8 text on a terminal: display width (wcwidth), fitting to a
 * number of columns without cutting a character, cursor steps for the line
 * editor, and folding for accent- and case-insensitive search. Needs
 * setlocale(LC_ALL, "") with a UTF-8 locale for wcwidth. No curses. */
#ifndef POA_U8_H
#define POA_U8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (n bytes available); returns bytes used
 * (>= 1). Invalid sequences decode as U+FFFD using 1 byte. */
int u8_decode(const char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (4 bytes max); returns length. */
int u8_encode(uint32_t cp, char out[4]);
bool u8_valid(const char *s, size_t n, size_t *bad_offset);
/* Columns on screen; control and invalid characters count as 1. */
int u8_width(const char *s);
int u8_cp_width(uint32_t cp);
/* Number of bytes of s that fit in cols columns; *used gets their width. */
size_t u8_fit(const char *s, int cols, int *used);
/* Copies s into out fitted to cols columns, ending with "…" when cut, and
 * padded with spaces to exactly cols columns when pad. out gets at most
 * outsz-1 bytes. Returns the width written. */
int u8_fit_copy(const char *s, int cols, bool pad, char *out, size_t outsz);
/* Byte offset of the previous / next character boundary from pos. */
size_t u8_prev(const char *s, size_t pos);
size_t u8_next(const char *s, size_t pos);
/* Word-wraps s to cols columns; calls fn for each line (start, byte length). */
typedef void (*U8LineFn)(const char *line, size_t len, void *ctx);
int u8_wrap(const char *s, int cols, U8LineFn fn, void *ctx);  /* returns line count */
/* Lowercase without accents ("Afiliación" -> "afiliacion", "Ñ" -> "n");
 * caller frees. */
char *u8_fold(const char *s);
/* ASCII spelling for a terminal that is not UTF-8: accents dropped with the
 * case kept ("Gestión" -> "Gestion", "Ñ" -> "N"), «» -> ", … -> . (an abbreviation), box
 * and block characters -> - | + #, anything else -> ?. Caller frees. */
char *u8_ascii(const char *s);
/* Case- and accent-insensitive substring test. */
bool u8_contains_folded(const char *haystack, const char *needle);

#endif
