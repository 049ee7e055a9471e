/* config_claves.h — the table of config.ini's keys (private to config*.c):
 * section, key, type, range, default, the Config field it fills, and the
 * texts of its warnings and documentation. Adding a setting is one row. */
#ifndef POA_CONFIG_CLAVES_H
#define POA_CONFIG_CLAVES_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

typedef enum {
    T_TEXTO,     /* char[] in Config, copied whole or not at all */
    T_RUTA,      /* T_TEXTO with "~/" expanded */
    T_ENTERO,    /* int, plain decimal digits, min..max; "" = vacio if allowed */
    T_PCT,       /* double stored as a fraction; "80", "72.5", "80%" in the file */
    T_OPCION,    /* one word of a list -> int (or bool when size is sizeof(bool)) */
    T_FECHA,     /* char[11]: a date dd/mm/aaaa, stored as dd/mm/aaaa with two-digit
                    day and month; "" = vacio if allowed */
} Tipo;

typedef struct {
    const char *palabra;   /* as matched, lowercased ("si", "sí", "a4") */
    int valor;
    bool mostrar;          /* listed in messages and docs */
    const char *escrita;   /* how docs and messages write it ("A4"); NULL = palabra */
} Opcion;

typedef struct {
    const char *seccion, *clave;
    Tipo tipo;
    size_t off, size;
    const char *defecto;         /* as config.ini writes it ("" = vacío) */
    double min, max;             /* T_ENTERO, T_PCT; min_excl: min itself is refused */
    bool min_excl, vacio_ok;     /* vacio_ok: "" is allowed (T_ENTERO: stores 0) */
    const Opcion *opciones;      /* T_OPCION */
    const char *esperado;        /* "se esperaba …" (generated for T_OPCION when NULL) */
    const char *usado;           /* what a bad value is replaced by */
    const char *valores;         /* the docs' "valores válidos" column */
    const char *ayuda;           /* meaning: docs and the comment in config.ini */
} Clave;

extern const Clave CONFIG_CLAVES[];
extern const size_t CONFIG_NCLAVES;
/* The listed options as a message or the docs write them: «a», «b» u «c»
 * (md: `a`, `b` u `c`). */
void config_opciones_texto(const Opcion *o, bool md, char *buf, size_t n);

/* The closest known section (sec NULL) or key of sec, within 2 edits of
 * word ("verd" -> "verde"); NULL when none is that close. */
const char *config_sugerir(const char *word, const char *sec);

#endif
