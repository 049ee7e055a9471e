/* strmap.h — a small hash map from strings to ints (open addressing,
 * FNV-1a), for the linear passes of verificar and unificar: duplicate codes,
 * folded names, same-key children. The map owns copies of its keys. */
#ifndef POA_STRMAP_H
#define POA_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char **keys;     /* NULL = empty slot */
    int *vals;
    size_t cap, n;
} StrMap;

/* The value slot of key, or NULL when absent. */
int *strmap_get(const StrMap *m, const char *key);
/* The value slot of key, inserting it with val when absent (*nuevo says
 * which); an existing value is left as it is. */
int *strmap_put(StrMap *m, const char *key, int val, bool *nuevo);
void strmap_free(StrMap *m);   /* accepts a zeroed map */

#endif
