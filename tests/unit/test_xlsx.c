/* test_xlsx.c — the XLSX exporter's core: sheet names (length, forbidden
 * characters, case- and accent-insensitive uniqueness, UTF-8 boundaries),
 * report names, and whole exports of both fixtures: progress reported, the
 * file complete and renamed, errors leaving nothing at the target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "plancsv.h"
#include "store.h"
#include "testlib.h"
#include "u8.h"
#include "xlsx_export.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

static int cp_count(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

TEST(test_sheet_names)
{
    char out[128];
    xlsx_sheet_name("Seguimiento EN-SEP", NULL, 0, out, sizeof out);
    CHECK_STR(out, "Seguimiento EN-SEP");
    xlsx_sheet_name("a[b]c:d*e?f/g\\h", NULL, 0, out, sizeof out);
    CHECK_STR(out, "a-b-c-d-e-f-g-h");
    xlsx_sheet_name("", NULL, 0, out, sizeof out);
    CHECK_STR(out, "Hoja");
    xlsx_sheet_name("'Planificación'", NULL, 0, out, sizeof out);
    CHECK_STR(out, "Planificación");
    /* 31 characters, cut between characters, never inside "ó" */
    xlsx_sheet_name("Departamento de Comunicación y Relaciones Públicas", NULL, 0, out,
                    sizeof out);
    CHECK_INT(cp_count(out), 30);   /* 31 with the trailing space, which goes */
    CHECK(u8_valid(out, strlen(out), NULL));
    CHECK_STR(out, "Departamento de Comunicación y");
    xlsx_sheet_name("ÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁÁ", NULL, 0, out, sizeof out);
    CHECK_INT(cp_count(out), 31);
    CHECK(u8_valid(out, strlen(out), NULL));
    /* unique without regard to case (and accents, to be safe) */
    const char *used[] = {"POA 2024", "Afiliación"};
    xlsx_sheet_name("poa 2024", used, 2, out, sizeof out);
    CHECK_STR(out, "poa 2024 (2)");
    xlsx_sheet_name("AFILIACION", used, 2, out, sizeof out);
    CHECK_STR(out, "AFILIACION (2)");
    const char *used2[] = {"Departamento de Comunicación y", "Departamento de Comunicació (2)"};
    xlsx_sheet_name("Departamento de Comunicación y Relaciones", used2, 2, out, sizeof out);
    CHECK_STR(out, "Departamento de Comunicació (3)");
    CHECK_INT(cp_count(out), 31);
}

TEST(test_informe_names)
{
    XlsxInforme i;
    CHECK(xlsx_informe_parse("poa", &i) && i == XLSX_INFORME_POA);
    CHECK(xlsx_informe_parse("seguimiento", &i) && i == XLSX_INFORME_SEGUIMIENTO);
    CHECK(xlsx_informe_parse("tablero", &i) && i == XLSX_INFORME_TABLERO);
    CHECK(xlsx_informe_parse("todo", &i) && i == XLSX_INFORME_TODO);
    CHECK(!xlsx_informe_parse("Todo", &i));
    CHECK(!xlsx_informe_parse(NULL, &i));
    CHECK_STR(xlsx_informe_name(XLSX_INFORME_SEGUIMIENTO), "seguimiento");
}

typedef struct {
    int llamadas;
    long ultimo, total;
    bool creciente;
} Prog;

static void progreso(void *ctx, long hechas, long total)
{
    Prog *p = ctx;
    if (hechas < p->ultimo)
        p->creciente = false;
    p->llamadas++;
    p->ultimo = hechas;
    p->total = total;
}

static bool is_zip(const char *path)
{
    size_t n = 0;
    char *b = t_read_file(path, &n);
    bool ok = b && n > 4 && memcmp(b, "PK\3\4", 4) == 0;
    free(b);
    return ok;
}

static int files_in(const char *dir)
{
    char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
    FILE *f = popen(cmd, "r");
    int n = -1;
    if (f) {
        if (fscanf(f, "%d", &n) != 1)
            n = -1;
        pclose(f);
    }
    free(cmd);
    return n;
}

TEST(test_export_todo)
{
    Plan *p = t_import_tmp("caja.db", CAJA);
    if (!p)
        return;
    XlsxOpts o;
    xlsx_opts_from_config(&o, NULL);
    char *out = t_tmp("caja.xlsx");
    o.path = out;
    o.informe = XLSX_INFORME_TODO;
    Prog pr = {0, 0, 0, true};
    PoaErr err = {{0}};
    bool ok = xlsx_export(p, &o, progreso, &pr, &err);
    if (!ok)
        fprintf(stderr, "%s\n", err.msg);
    CHECK(ok);
    CHECK(is_zip(out));
    struct stat sb;
    CHECK(stat(out, &sb) == 0 && (sb.st_mode & 0044) == 0044);   /* shareable, not 0600 */
    CHECK(pr.llamadas >= 1 && pr.creciente);
    CHECK_INT(pr.total, 3 * 89);
    CHECK_INT(pr.ultimo, pr.total);

    /* a second export replaces the file; nothing else is left next to it */
    o.informe = XLSX_INFORME_SEGUIMIENTO;
    o.corte = 2;
    CHECK(xlsx_export(p, &o, NULL, NULL, &err));
    char *dir = xstrdup(out);
    *strrchr(dir, '/') = '\0';
    char *cmd = xasprintf("ls '%s' | grep -c tmp- >/dev/null", dir);
    CHECK(system(cmd) != 0);   /* grep finds no temporary file */
    free(cmd);
    free(dir);
    free(out);
    plan_free(p);
}

TEST(test_export_errors)
{
    Plan *p = t_import_tmp("ars.db", ARS);
    if (!p)
        return;
    XlsxOpts o;
    xlsx_opts_from_config(&o, NULL);
    PoaErr err = {{0}};
    char *dir = t_tmp("salida");
    CHECK(mkdir(dir, 0755) == 0);

    /* unknown unit: an error naming it, no file */
    char *out = xasprintf("%s/x.xlsx", dir);
    o.path = out;
    o.unidad = "Departamento Inexistente";
    CHECK(!xlsx_export(p, &o, NULL, NULL, &err));
    CHECK_CONTAINS(err.msg, "«Departamento Inexistente»");
    CHECK_INT(files_in(dir), 0);

    /* a folder that does not exist: error, nothing created */
    o.unidad = "Departamento de Afiliación";
    char *bad = xasprintf("%s/no/x.xlsx", dir);
    o.path = bad;
    err.msg[0] = '\0';
    CHECK(!xlsx_export(p, &o, NULL, NULL, &err));
    CHECK_CONTAINS(err.msg, "No se pudo");
    CHECK_INT(files_in(dir), 0);

    /* an existing file stays as it was when the export fails */
    FILE *f = fopen(out, "w");
    fputs("viejo", f);
    fclose(f);
    if (getuid() != 0) {
        chmod(dir, 0555);
        o.path = out;
        CHECK(!xlsx_export(p, &o, NULL, NULL, &err));
        chmod(dir, 0755);
        size_t n;
        char *b = t_read_file(out, &n);
        CHECK(b && strcmp(b, "viejo") == 0);
        free(b);
        CHECK_INT(files_in(dir), 1);
    }

    /* and the unit export works */
    o.path = out;
    CHECK(xlsx_export(p, &o, NULL, NULL, &err));
    CHECK(is_zip(out));
    free(bad);
    free(out);
    free(dir);
    plan_free(p);
}

int main(void)
{
    RUN(test_sheet_names);
    RUN(test_informe_names);
    RUN(test_export_todo);
    RUN(test_export_errors);
    return t_finish();
}
