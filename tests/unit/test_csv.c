/* test_csv.c — CSV reader on the real fixtures and on one small file per rule
 * (with line:column of errors), writer quoting/formula escape, 100k-row timing. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "csv.h"
#include "testlib.h"

/* A string literal to a temporary file, embedded NULs included. */
#define WRITE_TMP(name, lit) t_write_tmp(name, lit, sizeof(lit) - 1)

/* Number of records, or -1 on error (message in err). */
static int count_rows(CsvReader *r, PoaErr *err)
{
    CsvRow row;
    int n = 0, rc;
    while ((rc = csv_next(r, &row, err)) == 1)
        n++;
    return rc < 0 ? -1 : n;
}

TEST(fixture_semma)
{
    PoaErr err = {{0}};
    CsvReader *r = csv_open(POA_FIXTURES "/poa2024_ars_semma.csv", &err);
    CHECK(r != NULL);
    if (!r) {
        fprintf(stderr, "%s\n", err.msg);
        return;
    }
    CHECK_STR(csv_path(r), POA_FIXTURES "/poa2024_ars_semma.csv");
    CsvRow row;
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 39);
    CHECK_STR(row.fields[0], "institucion");
    CHECK_STR(row.fields[38], "nota_unidad");
    CHECK_INT(row.line, 1);

    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 2);
    CHECK_INT(row.nfields, 39);
    CHECK_STR(row.fields[2], "Departamento de Afiliación");
    CHECK_STR(row.fields[6], "Alcanzar un balance financiero favorable a la institución, mediante el "
                             "fortalecimiento de los controles, la captación y fidelización de "
                             "nuevos afiliados y la reducción de la siniestralidad.");
    CHECK_STR(row.fields[12], "Alianza estratégica con el MINERD para captar nuevos afiliados.");
    CHECK_STR(row.fields[14], "Afiliación/ Direccion Ejecutiva");
    CHECK_STR(row.fields[16], "N/A");
    CHECK_STR(row.fields[17], "x");
    CHECK_STR(row.fields[18], "");
    /* "ARS SEMMA,2024," is 15 characters; "Departamento de Afiliación," 27. */
    CHECK_INT(row.cols[0], 1);
    CHECK_INT(row.cols[2], 16);
    CHECK_INT(row.cols[3], 43);
    CHECK_INT(row.lines[38], 2);

    int data = 1, bad_width = 0;
    char last_unit[200] = "";
    int rc;
    while ((rc = csv_next(r, &row, &err)) == 1) {
        data++;
        if (row.nfields != 39)
            bad_width++;
        CHECK_INT(row.line, data + 1);   /* no quoted newlines in this file */
        snprintf(last_unit, sizeof last_unit, "%s", row.fields[2]);
    }
    CHECK_INT(rc, 0);
    CHECK_INT(data, 172);
    CHECK_INT(bad_width, 0);
    CHECK_STR(last_unit, "Sección de Reembolso a Afiliados");
    CHECK_INT(csv_next(r, &row, &err), 0);   /* stays at end */
    csv_close(r);
}

TEST(fixture_caja)
{
    PoaErr err = {{0}};
    CsvReader *r = csv_open(POA_FIXTURES "/seguimiento2024_t3_caja.csv", &err);
    CHECK(r != NULL);
    if (!r)
        return;
    CsvRow row;
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 39);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[0], "Caja Mutual de los Empleados del Ministerio de Educación");
    CHECK_STR(row.fields[2], "Logística y Activos");
    CHECK_STR(row.fields[11], "AO.3.1");
    CHECK_STR(row.fields[37], "Se actualizó el diagnóstico de Oficina Central y Agencias "
                              "Departamentales.");
    int data = 1;
    char real[32] = "", nota[300] = "";
    while (csv_next(r, &row, &err) == 1) {
        data++;
        CHECK_INT(row.nfields, 39);
        snprintf(real, sizeof real, "%s", row.fields[35]);
        snprintf(nota, sizeof nota, "%s", row.fields[38]);
    }
    CHECK_INT(data, 89);
    CHECK_STR(real, "0.75");
    CHECK_STR(nota, "Nota: La acción operativa AO.6.7. será verificado el cumplimiento por el "
                    "Oficial de Gestión Documental y Archivo.");
    csv_close(r);
}

TEST(quoted_newlines_and_columns)
{
    char *p = WRITE_TMP("multi.csv", "a,b,c\n"
                                     "1,\"dos\nlíneas\",3\n"
                                     "uno,\"dós \"\"x\"\"\",tres\n"
                                     "a,\"x\nyy\",b\n"
                                     "fin,,\n");
    PoaErr err = {{0}};
    CsvReader *r = csv_open(p, &err);
    CHECK(r != NULL);
    CsvRow row;
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 2);
    CHECK_STR(row.fields[1], "dos\nlíneas");
    CHECK_INT(row.lines[2], 3);
    CHECK_INT(row.cols[2], 9);   /* after líneas" and the comma */
    CHECK_STR(row.fields[2], "3");

    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 4);   /* the quoted newline moved it down one */
    CHECK_STR(row.fields[1], "dós \"x\"");
    CHECK_INT(row.cols[1], 5);
    CHECK_INT(row.cols[2], 17);

    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 5);
    CHECK_STR(row.fields[1], "x\nyy");
    CHECK_INT(row.lines[2], 6);
    CHECK_INT(row.cols[2], 5);

    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 7);
    CHECK_INT(row.nfields, 3);
    CHECK_STR(row.fields[1], "");
    CHECK_STR(row.fields[2], "");
    CHECK_INT(csv_next(r, &row, &err), 0);
    csv_close(r);
    free(p);
}

TEST(line_ends)
{
    PoaErr err = {{0}};
    CsvRow row;
    /* CRLF, with a CRLF inside a quoted field (stored as '\n'). */
    char *p = WRITE_TMP("crlf.csv", "a,b\r\n1,\"x\r\ny\"\r\n\r\n3,4\r\n");
    CsvReader *r = csv_open(p, &err);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[1], "b");
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[1], "x\ny");
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 5);   /* line 4 was empty */
    CHECK_STR(row.fields[0], "3");
    CHECK_STR(row.fields[1], "4");
    CHECK_INT(csv_next(r, &row, &err), 0);
    csv_close(r);
    free(p);

    /* Bare CR (old Mac exports) and no line end at the very end. */
    p = WRITE_TMP("cr.csv", "a,b\r1,2\r3,4");
    r = csv_open(p, &err);
    CHECK_INT(count_rows(r, &err), 3);
    csv_close(r);
    r = csv_open(p, &err);
    csv_next(r, &row, &err);
    csv_next(r, &row, &err);
    csv_next(r, &row, &err);
    CHECK_INT(row.line, 3);
    CHECK_STR(row.fields[1], "4");
    csv_close(r);
    free(p);

    /* Empty lines anywhere are skipped, but "," is a record. */
    p = WRITE_TMP("blank.csv", "\n\na,b\n\n\n1,2\n,\n\n");
    r = csv_open(p, &err);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 3);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 6);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 2);
    CHECK_INT(csv_next(r, &row, &err), 0);
    csv_close(r);
    free(p);

    p = WRITE_TMP("empty.csv", "");
    r = csv_open(p, &err);
    CHECK(r != NULL);
    CHECK_INT(count_rows(r, &err), 0);
    csv_close(r);
    free(p);
}

TEST(bom_and_separator)
{
    PoaErr err = {{0}};
    CsvRow row;
    char *p = WRITE_TMP("bom.csv", "\xEF\xBB\xBFinstitución,año\nSEMMA,2024\n");
    CsvReader *r = csv_open(p, &err);
    CHECK(r != NULL);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[0], "institución");
    CHECK_INT(row.cols[0], 1);
    CHECK_INT(row.cols[1], 13);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[1], "2024");
    csv_close(r);
    free(p);

    /* Excel in Spanish: ';' with decimal commas, quoted ';' kept. */
    p = WRITE_TMP("semi.csv", "unidad;presupuesto;nota,libre\n"
                              "Afiliación;1500000,50;\"a;b\"\n");
    r = csv_open(p, &err);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 3);
    CHECK_STR(row.fields[2], "nota,libre");
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 3);
    CHECK_STR(row.fields[0], "Afiliación");
    CHECK_STR(row.fields[1], "1500000,50");
    CHECK_STR(row.fields[2], "a;b");
    CHECK_INT(row.cols[1], 12);
    csv_close(r);
    free(p);

    /* ';' inside quotes does not count; a tie stays ','. */
    p = WRITE_TMP("comma.csv", "\"a;b;c\",d;e,f\n1,2;3,4\n");
    r = csv_open(p, &err);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 3);
    CHECK_STR(row.fields[0], "a;b;c");
    CHECK_STR(row.fields[1], "d;e");
    csv_close(r);
    free(p);

    /* More than the initial field capacity. */
    char wide[1200];
    size_t n = 0;
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(wide + n, sizeof wide - n, i ? ",%d" : "%d", i % 10);
    wide[n++] = '\n';
    p = t_write_tmp("wide.csv", wide, n);
    r = csv_open(p, &err);
    CHECK_INT(csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 300);
    CHECK_STR(row.fields[299], "9");
    CHECK_INT(row.cols[299], 599);
    csv_close(r);
    free(p);
}

/* Expects the n-th csv_next to fail with "<path>:<where>: <msg>". */
static void expect_error(const char *name, const char *content, int ok_rows, const char *where)
{
    char *p = t_write_tmp(name, content, strlen(content));
    PoaErr err = {{0}};
    CsvReader *r = csv_open(p, &err);
    CHECK(r != NULL);
    if (!r) {
        free(p);
        return;
    }
    CHECK_INT(count_rows(r, &err), -1);
    char want[1100];
    snprintf(want, sizeof want, "%s:%s", p, where);
    CHECK_STR(err.msg, want);
    /* Asking again repeats the error rather than reading garbage. */
    PoaErr again = {{0}};
    CsvRow row;
    CHECK_INT(csv_next(r, &row, &again), -1);
    CHECK_STR(again.msg, want);
    csv_close(r);
    /* The records before the error were returned. */
    r = csv_open(p, &err);
    int good = 0;
    while (csv_next(r, &row, &err) == 1)
        good++;
    CHECK_INT(good, ok_rows);
    csv_close(r);
    free(p);
}

TEST(errors_with_place)
{
    char buf[512] = "";
    for (int i = 0; i < 11; i++)
        strcat(buf, "x,y\n");
    strcat(buf, "Año,b,\"sin cerrar\nmás texto\n");
    expect_error("plantilla.csv", buf, 11, "12:7: comillas sin cerrar (el campo empieza aquí)");
    expect_error("suelta.csv", "a,b\nxó,ab\"c\n", 1,
                 "2:6: comilla suelta en un campo sin comillas (encierre el campo entre comillas "
                 "y duplique las de adentro: \"\")");
    expect_error("despues.csv", "a,b\n\"ñ\"x,b\n", 1,
                 "2:4: texto después de las comillas de cierre (un campo entre comillas debe "
                 "terminar en la comilla)");
    expect_error("espacio.csv", "a,b\n\"ok\" ,b\n", 1,
                 "2:5: texto después de las comillas de cierre (un campo entre comillas debe "
                 "terminar en la comilla)");
    /* The error names where the quoted field started, not the end of file. */
    expect_error("lejos.csv", "a,b\n1,\"uno\ndos\ntres\n", 1,
                 "2:3: comillas sin cerrar (el campo empieza aquí)");
}

TEST(open_errors)
{
    PoaErr err = {{0}};
    /* Latin-1 "á" (0xE1) on line 4, after a CRLF and a quoted newline. */
    char *p = WRITE_TMP("latin1.csv", "año,b\r\nx,\"mú\nlti\"\nl\xE1nea,2\n");
    CHECK(csv_open(p, &err) == NULL);
    char want[1100];
    snprintf(want, sizeof want, "%s:4:2: el texto no es UTF-8 válido (byte 0xE1)", p);
    CHECK_STR(err.msg, want);
    free(p);

    p = WRITE_TMP("latin1b.csv", "unidad\nAfiliaci\xF3n\n");
    CHECK(csv_open(p, &err) == NULL);
    snprintf(want, sizeof want, "%s:2:9: el texto no es UTF-8 válido (byte 0xF3)", p);
    CHECK_STR(err.msg, want);
    free(p);

    p = WRITE_TMP("utf16.csv", "\xFF\xFE" "a\0,\0b\0");
    CHECK(csv_open(p, &err) == NULL);
    CHECK_CONTAINS(err.msg, "UTF-16");
    free(p);

    p = WRITE_TMP("nul.csv", "a,b\nc\0d\n");
    CHECK(csv_open(p, &err) == NULL);
    CHECK_CONTAINS(err.msg, ":2:2: el archivo contiene un byte nulo");
    free(p);

    CHECK(csv_open("/nonexistent/plantilla.csv", &err) == NULL);
    CHECK_CONTAINS(err.msg, "/nonexistent/plantilla.csv: no se pudo abrir");
    csv_close(NULL);
}

/* What csv_write_field writes for one value. */
static char *written(const char *value, bool text)
{
    FILE *f = tmpfile();
    csv_write_field(f, value, text);
    long n = ftell(f);
    rewind(f);
    char *s = calloc(1, (size_t)n + 1);
    CHECK_INT(fread(s, 1, (size_t)n, f), n);
    fclose(f);
    return s;
}

#define CHECK_WRITTEN(value, text, want) do { char *_w = written(value, text); \
    CHECK_STR(_w, want); free(_w); } while (0)

TEST(writer)
{
    CHECK_WRITTEN("simple", true, "simple");
    CHECK_WRITTEN("Afiliación", true, "Afiliación");
    CHECK_WRITTEN("", true, "");
    CHECK_WRITTEN(NULL, true, "");
    CHECK_WRITTEN("con, coma", true, "\"con, coma\"");
    CHECK_WRITTEN("dice \"hola\"", true, "\"dice \"\"hola\"\"\"");
    CHECK_WRITTEN("dos\nlíneas", true, "\"dos\nlíneas\"");
    CHECK_WRITTEN("a\rb", true, "\"a\rb\"");
    CHECK_WRITTEN(" inicio", true, "\" inicio\"");
    CHECK_WRITTEN("final ", true, "\"final \"");
    CHECK_WRITTEN("a;b", true, "a;b");
    CHECK_WRITTEN("=SUMA(A1)", true, "'=SUMA(A1)");
    CHECK_WRITTEN("=SUMA(A1,B1)", true, "\"'=SUMA(A1,B1)\"");
    CHECK_WRITTEN("+1", true, "'+1");
    CHECK_WRITTEN("-5", true, "'-5");
    CHECK_WRITTEN("-5", false, "-5");
    CHECK_WRITTEN("=1", false, "=1");
    CHECK_WRITTEN("@usuario", true, "'@usuario");
    CHECK_WRITTEN("'=ya", true, "''=ya");
    CHECK_WRITTEN("'hola", true, "'hola");

    char s1[] = "'=SUMA(A1)", s2[] = "'hola", s3[] = "''=x", s4[] = "'", s5[] = "=x",
         s6[] = "'-", s7[] = "";
    csv_unescape_text(s1);
    csv_unescape_text(s2);
    csv_unescape_text(s3);
    csv_unescape_text(s4);
    csv_unescape_text(s5);
    csv_unescape_text(s6);
    csv_unescape_text(s7);
    csv_unescape_text(NULL);
    CHECK_STR(s1, "=SUMA(A1)");
    CHECK_STR(s2, "'hola");
    CHECK_STR(s3, "'=x");
    CHECK_STR(s4, "'");
    CHECK_STR(s5, "=x");
    CHECK_STR(s6, "-");
    CHECK_STR(s7, "");
}

TEST(round_trip)
{
    static const char *values[] = {
        "simple", "con, coma", "dice \"hola\"", "dos\nlíneas", " espacio", "espacio ",
        "=SUMA(A1)", "=SUMA(A1,B1)", "+1", "-5", "@x", "'=ya", "''@doble", "'hola", "",
        "Departamento de Afiliación", "\"", "\"\"", ",", "x\r\ny", "日本語",
    };
    enum { NV = sizeof values / sizeof values[0] };
    char *p = t_tmp("ida_vuelta.csv");
    FILE *f = fopen(p, "wb");
    /* Same values twice per record: once as text, once not. Three records. */
    for (int rec = 0; rec < 3; rec++) {
        for (int i = 0; i < NV; i++) {
            if (i)
                fputc(',', f);
            csv_write_field(f, values[i], true);
            fputc(',', f);
            csv_write_field(f, values[i], false);
        }
        fputs(rec == 1 ? "\r\n" : "\n", f);
    }
    fclose(f);

    PoaErr err = {{0}};
    CsvReader *r = csv_open(p, &err);
    CHECK(r != NULL);
    CsvRow row;
    int recs = 0;
    while (csv_next(r, &row, &err) == 1) {
        recs++;
        CHECK_INT(row.nfields, 2 * NV);
        if (row.nfields != 2 * NV)
            break;
        for (int i = 0; i < NV; i++) {
            csv_unescape_text(row.fields[2 * i]);
            /* CRLF inside a value comes back as '\n' by design. */
            const char *want = strcmp(values[i], "x\r\ny") == 0 ? "x\ny" : values[i];
            CHECK_STR(row.fields[2 * i], want);
            CHECK_STR(row.fields[2 * i + 1], want);
        }
    }
    CHECK_INT(recs, 3);
    csv_close(r);
    free(p);
}

TEST(large_file_100k_rows)
{
    static const char line[] =
        "Departamento de Afiliación,2024,\"Alcanzar un balance, favorable\",x,,x,"
        "1500000.00,\"dice \"\"hola\"\"\",Año,\"dos\nlíneas\",fin\n";
    const int rows = 100000;
    size_t len = (sizeof line - 1) * (size_t)rows;
    char *big = malloc(len);
    for (int i = 0; i < rows; i++)
        memcpy(big + (size_t)i * (sizeof line - 1), line, sizeof line - 1);
    char *p = t_write_tmp("grande.csv", big, len);
    free(big);

    clock_t t0 = clock();
    PoaErr err = {{0}};
    CsvReader *r = csv_open(p, &err);
    CsvRow row;
    int n = 0, fields = 0;
    while (csv_next(r, &row, &err) == 1) {
        n++;
        fields += row.nfields;
    }
    int last_line = row.line;
    csv_close(r);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_INT(n, rows);
    CHECK_INT(fields, rows * 11);
    CHECK_INT(last_line, 2 * rows - 1);
    /* timing is measured, never asserted (bench/ measures speed) */
    printf("100000 filas (%zu bytes) en %.3f s\n", len, secs);
    free(p);
}

int main(void)
{
    RUN(fixture_semma);
    RUN(fixture_caja);
    RUN(quoted_newlines_and_columns);
    RUN(line_ends);
    RUN(bom_and_separator);
    RUN(errors_with_place);
    RUN(open_errors);
    RUN(writer);
    RUN(round_trip);
    RUN(large_file_100k_rows);
    return t_finish();
}
