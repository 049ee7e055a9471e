/* fuzz_csv.c — libFuzzer target: arbitrary bytes as a CSV file through the
 * whole reading side of `poa importar` (encoding detection, the RFC 4180
 * reader, the flat layout and the builder), with no database. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "importar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/poa-fuzz-csv-%ld.csv", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    Importacion imp = {0};
    const char *paths[] = {path};
    PlanoOpciones op = {.institucion = "Fuzz", .anio = 2024};
    importar_leer(&imp, paths, 1, size % 2 ? &op : NULL);
    StrBuf sb = {0};
    importar_errores_texto(&imp, &sb);
    importar_resumen_texto(&imp, 10, &sb);
    sb_free(&sb);
    importar_free(&imp);
    return 0;
}
