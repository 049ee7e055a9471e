/* bench_xlsx.c — times the XLSX reports on the ARS SEMMA fixture (16 units,
 * 172 activities) and on a plan 470× larger (the fixture's rows repeated
 * with distinct unit names: ~80,000 activities, 7,520 units), each report
 * alone and all three in one workbook.
 * Usage: bench_xlsx [FIXTURES_DIR] [N] [KEEP.xlsx: keep the large "todo" file] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "plancsv.h"
#include "xlsx_export.h"

static double ahora(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Writes the fixture's rows n times, the unit (third field) suffixed " #k". */
static bool replicar(const char *src, const char *dst, int n)
{
    size_t len = 0;
    FILE *f = fopen(src, "rb");
    if (!f)
        return false;
    StrBuf all = {0};
    char chunk[65536];
    while ((len = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_appendn(&all, chunk, len);
    fclose(f);
    const char *s = sb_str(&all);
    const char *body = strchr(s, '\n') + 1;
    FILE *o = fopen(dst, "wb");
    fwrite(s, 1, (size_t)(body - s), o);
    for (int k = 0; k < n; k++) {
        for (const char *l = body; *l;) {
            const char *c1 = strchr(l, ',');
            const char *c2 = strchr(c1 + 1, ',');
            const char *c3 = strchr(c2 + 1, ',');
            /* a record may span lines (quoted newlines): find its end by quotes */
            const char *e = c3;
            bool q = false;
            for (; *e && (q || *e != '\n'); e++)
                if (*e == '"')
                    q = !q;
            fwrite(l, 1, (size_t)(c3 - l), o);
            if (k > 0)
                fprintf(o, " #%d", k + 1);
            fwrite(c3, 1, (size_t)(e - c3), o);
            fputc('\n', o);
            l = *e ? e + 1 : e;
        }
    }
    fclose(o);
    sb_free(&all);
    return true;
}

static void medir(Plan *p, const char *etiqueta, const char *out)
{
    static const XlsxInforme INF[] = {XLSX_INFORME_POA, XLSX_INFORME_SEGUIMIENTO,
                                      XLSX_INFORME_TABLERO, XLSX_INFORME_TODO};
    for (size_t i = 0; i < POA_ARRAY_LEN(INF); i++) {
        XlsxOpts o;
        xlsx_opts_from_config(&o, NULL);
        o.path = out;
        o.informe = INF[i];
        o.corte = 1;
        PoaErr err = {{0}};
        double t0 = ahora();
        if (!xlsx_export(p, &o, NULL, NULL, &err)) {
            fprintf(stderr, "%s\n", err.msg);
            exit(1);
        }
        double t = ahora() - t0;
        FILE *f = fopen(out, "rb");
        fseek(f, 0, SEEK_END);
        long sz = ftell(f);
        fclose(f);
        printf("%-10s %-12s %8.3f s  %8.1f KB\n", etiqueta, xlsx_informe_name(INF[i]), t,
               sz / 1024.0);
    }
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/fixtures";
    int n = argc > 2 ? atoi(argv[2]) : 470;
    char *src = xasprintf("%s/poa2024_ars_semma.csv", dir);
    char tmpl[] = "/tmp/bench_xlsx-XXXXXX";
    if (!mkdtemp(tmpl))
        return 1;
    char *big = xasprintf("%s/grande.csv", tmpl), *out = xasprintf("%s/out.xlsx", tmpl);
    PoaErr err = {{0}};
    CsvAvisos av = {0};

    Plan *p = plancsv_read(src, &av, &err);
    if (!p) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    printf("ARS SEMMA: %d unidades, %d actividades\n", p->nunidades, p->nacts);
    medir(p, "ARS", out);
    plan_free(p);
    csv_avisos_free(&av);

    if (!replicar(src, big, n))
        return 1;
    double t0 = ahora();
    p = plancsv_read(big, &av, &err);
    if (!p) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    printf("ARS ×%d: %d unidades, %d actividades (leído en %.2f s)\n", n, p->nunidades,
           p->nacts, ahora() - t0);
    medir(p, "ARS×N", out);
    if (argc > 3)
        rename(out, argv[3]);
    plan_free(p);
    csv_avisos_free(&av);
    unlink(big);
    unlink(out);
    rmdir(tmpl);
    free(src);
    free(big);
    free(out);
    return 0;
}
