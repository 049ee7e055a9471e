/* fuzz_libro.c — libFuzzer target for the workbook readers: the bytes are
 * written to a file and read through libro_abrir, every sheet, every row.
 * Build (until the POA_FUZZ CMake option covers it):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -Iinclude \
 *     tests/fuzz/fuzz_libro.c src/libro.c src/libro_comun.c src/libro_xlsx.c src/libro_ods.c \
 *     src/libro_xls.c src/util.c src/u8.c src/sinonimos.c src/formato_*.c \
 *     -lzip -lexpat -lfreexl -lm -o fuzz_libro
 *   ./fuzz_libro -max_len=65536 tests/fuzz/corpus_libro
 * The seed corpus holds small .xlsx and .ods workbooks (stored, not deflated,
 * so mutations reach the XML). Only zip input is fed: .xls goes to FreeXL,
 * whose own parser is not ours to fuzz (an early run found a stack read
 * out of bounds inside FreeXL 1.0.6 on a mutated .xls; see the report). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formatos.h"
#include "libro.h"

static bool contar(void *ctx, const PlanoRegistro *r, PoaErr *err)
{
    (void)ctx, (void)err;
    for (int i = 0; i < PLANO_NCOLS; i++)
        if (r->v[i])
            (void)strlen(r->v[i]);
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4 || data[0] != 'P' || data[1] != 'K')
        return 0;
    static char path[64];
    static const PlanoOpciones op = {.institucion = "Fuzz", .anio = 2024};
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/fuzz_libro_%ld.bin", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    PoaErr err = {{0}};
    Libro *l = libro_abrir(path, NULL, &err);
    if (!l)
        return 0;
    for (int h = 0; h < libro_nhojas(l); h++) {
        (void)libro_hoja_nombre(l, h);
        /* The layout recognisers read the same hostile sheets. */
        const PlanoFormato *fmts[] = {&FORMATO_POA_BLOQUES, &FORMATO_SEGUIMIENTO_TABLA};
        for (int k = 0; k < 2; k++) {
            PlanoAvisos av = {0};
            if (fmts[k]->detect(l, h, &err))
                (void)fmts[k]->read(l, h, &op, contar, NULL, &av, &err);
            plano_avisos_free(&av);
        }
        if (!libro_hoja(l, h, &err))
            continue;
        Fila fila;
        long n = 0;
        while (libro_fila(l, &fila, &err) == 1 && n++ < 100000)
            for (int i = 0; i < fila.nceldas; i++) {
                char buf[128];
                /* Every cell's text must be a valid string. */
                (void)strlen(fila.celdas[i].texto);
                libro_lugar(l, h, &fila.celdas[i], buf, sizeof buf);
            }
    }
    libro_cerrar(l);
    return 0;
}
