/* test_libro.c — the workbook readers behind libro.h: the offices' real
 * documents in .xlsx, .ods and .xls, generated and handmade workbooks for
 * each kind of cell, a 100,000-row sheet in bounded memory, damaged input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "libro.h"
#include "testlib.h"

#define DOCS POA_FIXTURES "/documentos/"

/* A copy of one cell, found by its place. */
typedef struct {
    bool hallada;
    CeldaTipo tipo;
    NumFormato formato;
    double num;
    char texto[512];
} CeldaCopia;

static CeldaCopia celda(Libro *l, int hoja, int fila, int col)
{
    CeldaCopia c = {0};
    PoaErr err = {{0}};
    if (!libro_hoja(l, hoja, &err))
        return c;
    Fila f;
    while (libro_fila(l, &f, &err) == 1) {
        if (f.numero != fila)
            continue;
        c.hallada = true;
        if (col - 1 < f.nceldas) {
            const Celda *x = &f.celdas[col - 1];
            c.tipo = x->tipo;
            c.formato = x->formato;
            c.num = x->num;
            snprintf(c.texto, sizeof c.texto, "%s", x->texto);
        }
        break;
    }
    return c;
}

/* Every non-empty cell of every sheet as text: "hoja!B7 tipo[fmt] texto". */
static char *volcado(Libro *l, bool con_formato)
{
    StrBuf b = {0};
    PoaErr err = {{0}};
    for (int h = 0; h < libro_nhojas(l); h++) {
        sb_appendf(&b, "== %s\n", libro_hoja_nombre(l, h));
        if (!libro_hoja(l, h, &err)) {
            sb_appendf(&b, "ERROR %s\n", err.msg);
            continue;
        }
        Fila f;
        int r;
        while ((r = libro_fila(l, &f, &err)) == 1)
            for (int i = 0; i < f.nceldas; i++) {
                const Celda *c = &f.celdas[i];
                if (c->tipo == CELDA_VACIA)
                    continue;
                char col[8];
                sb_appendf(&b, "%s%d %d", libro_columna_nombre(c->columna, col, sizeof col),
                           c->linea, c->tipo);
                if (con_formato)
                    sb_appendf(&b, "[%d]", c->formato);
                sb_appendf(&b, " %s\n", c->texto);
            }
        if (r < 0)
            sb_appendf(&b, "ERROR %s\n", err.msg);
    }
    return sb_take(&b);
}

static Libro *abrir(const char *path)
{
    PoaErr err = {{0}};
    Libro *l = libro_abrir(path, NULL, &err);
    if (!l)
        printf("  %s\n", err.msg);
    CHECK(l != NULL);
    return l;
}

/* A zip written with libzip from name/content pairs (NULL-terminated). */
static char *zip_hecho(const char *name, const char *const *partes)
{
    char *path = t_tmp(name);
    int code;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
    CHECK(z != NULL);
    for (int i = 0; partes[i]; i += 2) {
        zip_source_t *s = zip_source_buffer(z, partes[i + 1], strlen(partes[i + 1]), 0);
        CHECK(zip_file_add(z, partes[i], s, ZIP_FL_OVERWRITE) >= 0);
    }
    CHECK(zip_close(z) == 0);
    return path;
}

static const char *const CONTENT_TYPES =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"/>";
#define NS_MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define NS_R "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

/* A one-sheet xlsx around sheet XML (and optional styles, workbookPr). */
static char *xlsx_hecho(const char *name, const char *pr, const char *hoja, const char *estilos,
                        const char *textos)
{
    char *wb = xasprintf("<workbook " NS_MAIN " " NS_R ">%s<sheets><sheet name=\"Hoja única\" "
                         "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", pr ? pr : "");
    /* A relative target with "./" and an absolute one are both valid. */
    const char *rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"…/worksheet\" Target=\"./worksheets/../worksheets/"
        "s1.xml\"/></Relationships>";
    char *sheet = xasprintf("<worksheet " NS_MAIN "><sheetData>%s</sheetData></worksheet>", hoja);
    const char *partes[16] = {"[Content_Types].xml", CONTENT_TYPES, "xl/workbook.xml", wb,
                              "xl/_rels/workbook.xml.rels", rels, "xl/worksheets/s1.xml", sheet};
    int n = 8;
    if (estilos) {
        partes[n++] = "xl/styles.xml";
        partes[n++] = estilos;
    }
    if (textos) {
        partes[n++] = "xl/sharedStrings.xml";
        partes[n++] = textos;
    }
    char *path = zip_hecho(name, partes);
    free(wb);
    free(sheet);
    return path;
}

TEST(documentos_nombres_de_hojas)
{
    const char *ext[] = {"xlsx", "ods", "xls"};
    const LibroFormato fmt[] = {LIBRO_XLSX, LIBRO_ODS, LIBRO_XLS};
    for (int i = 0; i < 3; i++) {
        char *p = xasprintf(DOCS "ars-semma-poa-2024.%s", ext[i]);
        Libro *l = abrir(p);
        if (l) {
            CHECK_INT(libro_formato(l), fmt[i]);
            CHECK_INT(libro_nhojas(l), 14);
            CHECK_STR(libro_hoja_nombre(l, 0), "Departamento de Afiliación");
            CHECK_STR(libro_hoja_nombre(l, 2), "Departamento Atención Al usuari");
            CHECK_STR(libro_hoja_nombre(l, 3), "Sección de Delegados");
            CHECK_INT(libro_csv_separador(l), 0);
        }
        libro_cerrar(l);
        free(p);
        p = xasprintf(DOCS "caja-mutual-seguimiento-t3-2024.%s", ext[i]);
        l = abrir(p);
        if (l) {
            CHECK_INT(libro_nhojas(l), 1);
            CHECK_STR(libro_hoja_nombre(l, 0), "Seguimiento T3 2024");
        }
        libro_cerrar(l);
        free(p);
    }
}

TEST(documentos_celdas)
{
    const char *ext[] = {"xlsx", "ods", "xls"};
    for (int i = 0; i < 3; i++) {
        char *p = xasprintf(DOCS "ars-semma-poa-2024.%s", ext[i]);
        Libro *l = abrir(p);
        free(p);
        if (!l)
            continue;
        CeldaCopia c = celda(l, 0, 3, 1);
        CHECK_INT(c.tipo, CELDA_TEXTO);
        CHECK_STR(c.texto, "PLAN OPERATIVO ANUAL 2024");
        c = celda(l, 0, 7, 3);
        CHECK_STR(c.texto, "Área: Departamento de Afiliación.");
        c = celda(l, 0, 13, 15);   /* O13: month 12 of the header */
        CHECK_INT(c.tipo, CELDA_NUMERO);
        CHECK_DBL(c.num, 12, 0);
        CHECK_STR(c.texto, "12");
        /* A15: the entregable merged down over its activities reads empty. */
        c = celda(l, 0, 15, 1);
        CHECK(c.hallada);
        CHECK_INT(c.tipo, CELDA_VACIA);
        CHECK_STR(c.texto, "");
        c = celda(l, 0, 15, 3);
        CHECK_STR(c.texto, "1.2 Gestionar con los directivos del MINERD el cumplimiento de las "
                  "afiliaciones a la ARS.");
        libro_cerrar(l);

        p = xasprintf(DOCS "caja-mutual-seguimiento-t3-2024.%s", ext[i]);
        l = abrir(p);
        free(p);
        if (!l)
            continue;
        c = celda(l, 0, 17, 1);
        CHECK_STR(c.texto, "CÓDIGO");
        c = celda(l, 0, 24, 6);   /* F24: 25 % */
        CHECK_INT(c.tipo, CELDA_NUMERO);
        CHECK_DBL(c.num, 0.25, 1e-12);
        CHECK_STR(c.texto, "0.25");
        /* .xls through FreeXL carries no number formats (libro_xls.c). */
        CHECK_INT(c.formato, i < 2 ? NUMFMT_PORCENTAJE : NUMFMT_GENERAL);
        c = celda(l, 0, 20, 5);   /* E20: meta anual 4 */
        CHECK_INT(c.tipo, CELDA_NUMERO);
        CHECK_INT(c.formato, NUMFMT_GENERAL);
        CHECK_STR(c.texto, "4");
        c = celda(l, 0, 29, 10);  /* J29: a real written as the fraction 0.75, no % */
        CHECK_INT(c.formato, NUMFMT_GENERAL);
        CHECK_STR(c.texto, "0.75");
        libro_cerrar(l);
    }
}

/* The same document saved in three formats reads as the same cells. */
/* What a file is, from its first bytes (a CSV is not opened whole to
 * learn that it is no capture workbook, issue 14). */
TEST(libro_por_sus_primeros_bytes)
{
    const char *ext[] = {"xlsx", "ods", "xls"};
    for (int i = 0; i < 3; i++) {
        char *p = xasprintf(DOCS "ars-semma-poa-2024.%s", ext[i]);
        CHECK(libro_es_libro(p));
        free(p);
    }
    CHECK(!libro_es_libro(POA_FIXTURES "/poa2024_ars_semma.csv"));
    CHECK(!libro_es_libro(POA_FIXTURES "/no-existe.xlsx"));
    char *corto = t_write_tmp("corto.csv", "PK", 2);   /* two bytes are text */
    CHECK(!libro_es_libro(corto));
    free(corto);
}

TEST(documentos_tres_formatos_iguales)
{
    const char *docs[] = {"ars-semma-poa-2024", "caja-mutual-seguimiento-t3-2024"};
    for (int d = 0; d < 2; d++) {
        char *v[3][2];
        const char *ext[] = {"xlsx", "ods", "xls"};
        for (int i = 0; i < 3; i++) {
            char *p = xasprintf(DOCS "%s.%s", docs[d], ext[i]);
            Libro *l = abrir(p);
            v[i][0] = l ? volcado(l, true) : xstrdup("");
            v[i][1] = l ? volcado(l, false) : xstrdup("");
            libro_cerrar(l);
            free(p);
        }
        CHECK(strlen(v[0][0]) > 10000);
        CHECK(strstr(v[0][0], "ERROR") == NULL);
        CHECK_INT(strcmp(v[0][0], v[1][0]), 0);   /* xlsx = ods, formats included */
        CHECK_INT(strcmp(v[0][1], v[2][1]), 0);   /* xlsx = xls, but for the formats */
        for (int i = 0; i < 3; i++)
            free(v[i][0]), free(v[i][1]);
    }
}

TEST(generado_con_libxlsxwriter)
{
    char *path = t_tmp("generado.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Años");
    workbook_add_worksheet(wb, "Segunda");
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0%");
    lxw_format *pct2 = workbook_add_format(wb);
    format_set_num_format(pct2, "0.00\" %\"");   /* a '%' inside quotes: not a percentage */
    lxw_format *fecha = workbook_add_format(wb);
    format_set_num_format(fecha, "dd/mm/yyyy");
    lxw_format *fecha_interna = workbook_add_format(wb);
    format_set_num_format_index(fecha_interna, 14);
    lxw_format *pct_interno = workbook_add_format(wb);
    format_set_num_format_index(pct_interno, 10);
    worksheet_write_string(ws, 0, 0, "Gestión año", NULL);
    worksheet_write_number(ws, 0, 1, 0.25, pct);
    worksheet_write_number(ws, 0, 2, 1500000.5, NULL);
    worksheet_write_number(ws, 0, 3, 0.25, pct2);
    lxw_datetime dt = {.year = 2024, .month = 9, .day = 30};
    worksheet_write_datetime(ws, 1, 0, &dt, fecha);
    worksheet_write_number(ws, 1, 1, 60, fecha_interna);   /* Excel's 1900-02-29 */
    worksheet_write_number(ws, 1, 2, 61, fecha_interna);
    worksheet_write_number(ws, 1, 3, 0.125, pct_interno);
    worksheet_write_boolean(ws, 2, 0, 1, NULL);
    worksheet_write_boolean(ws, 2, 1, 0, NULL);
    worksheet_write_formula_num(ws, 3, 0, "=B1*4", NULL, 1);
    worksheet_write_formula_str(ws, 3, 1, "=A1&\"!\"", NULL, "Gestión año!");
    lxw_format *negrita = workbook_add_format(wb);
    format_set_bold(negrita);
    lxw_rich_string_tuple t1 = {.format = negrita, .string = "Plan "};
    lxw_rich_string_tuple t2 = {.format = NULL, .string = "Operativo"};
    lxw_rich_string_tuple *rico[] = {&t1, &t2, NULL};
    worksheet_write_rich_string(ws, 4, 0, rico, NULL);
    worksheet_merge_range(ws, 5, 0, 5, 2, "Combinada", NULL);
    worksheet_write_string(ws, 9, 4, "lejos", NULL);
    CHECK_INT(workbook_close(wb), LXW_NO_ERROR);

    Libro *l = abrir(path);
    if (l) {
        CHECK_INT(libro_nhojas(l), 2);
        CHECK_STR(libro_hoja_nombre(l, 0), "Años");
        CHECK_STR(libro_hoja_nombre(l, 1), "Segunda");
        CeldaCopia c = celda(l, 0, 1, 1);
        CHECK_INT(c.tipo, CELDA_TEXTO);
        CHECK_STR(c.texto, "Gestión año");
        c = celda(l, 0, 1, 2);
        CHECK_INT(c.formato, NUMFMT_PORCENTAJE);
        CHECK_STR(c.texto, "0.25");
        c = celda(l, 0, 1, 3);
        CHECK_INT(c.formato, NUMFMT_GENERAL);
        CHECK_STR(c.texto, "1500000.5");
        c = celda(l, 0, 1, 4);
        CHECK_INT(c.formato, NUMFMT_GENERAL);
        c = celda(l, 0, 2, 1);
        CHECK_INT(c.tipo, CELDA_NUMERO);
        CHECK_INT(c.formato, NUMFMT_FECHA);
        CHECK_STR(c.texto, "2024-09-30");
        CHECK_DBL(c.num, 45565, 0);
        CHECK_STR(celda(l, 0, 2, 2).texto, "1900-02-29");
        CHECK_STR(celda(l, 0, 2, 3).texto, "1900-03-01");
        CHECK_INT(celda(l, 0, 2, 4).formato, NUMFMT_PORCENTAJE);
        c = celda(l, 0, 3, 1);
        CHECK_INT(c.tipo, CELDA_BOOLEANO);
        CHECK_STR(c.texto, "VERDADERO");
        CHECK_DBL(c.num, 1, 0);
        CHECK_STR(celda(l, 0, 3, 2).texto, "FALSO");
        c = celda(l, 0, 4, 1);
        CHECK_INT(c.tipo, CELDA_NUMERO);
        CHECK_STR(c.texto, "1");
        c = celda(l, 0, 4, 2);
        CHECK_INT(c.tipo, CELDA_TEXTO);
        CHECK_STR(c.texto, "Gestión año!");
        CHECK_STR(celda(l, 0, 5, 1).texto, "Plan Operativo");
        CHECK_STR(celda(l, 0, 6, 1).texto, "Combinada");
        CHECK_INT(celda(l, 0, 6, 2).tipo, CELDA_VACIA);
        c = celda(l, 0, 10, 5);
        CHECK(c.hallada);
        CHECK_STR(c.texto, "lejos");

        char lugar[128];
        Celda e = {.linea = 17, .columna = 16};
        char *esperado = xasprintf("%s:Años!P17", path);
        CHECK_STR(libro_lugar(l, 0, &e, lugar, sizeof lugar), esperado);
        free(esperado);
        char col[8];
        CHECK_STR(libro_columna_nombre(1, col, sizeof col), "A");
        CHECK_STR(libro_columna_nombre(26, col, sizeof col), "Z");
        CHECK_STR(libro_columna_nombre(27, col, sizeof col), "AA");
        CHECK_STR(libro_columna_nombre(16384, col, sizeof col), "XFD");
    }
    libro_cerrar(l);
    free(path);
}


/* What libxlsxwriter does not write: inline strings, errors, the 1904
 * system, cells and rows without "r", custom formats, phonetic runs. */
TEST(xlsx_hecho_a_mano)
{
    const char *estilos =
        "<styleSheet " NS_MAIN "><numFmts count=\"2\"><numFmt numFmtId=\"164\" "
        "formatCode=\"[Red]0.0%;\\-0%\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy&quot;"
        "-&quot;mm\"/></numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"10\"/></cellStyleXfs>"
        "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
        "<xf numFmtId=\"14\"/></cellXfs></styleSheet>";
    const char *textos =
        "<sst " NS_MAIN "><si><t>Área</t></si><si><r><t>Ries</t></r><r><t xml:space=\"preserve\">"
        "go </t></r><rPh><t>リスク</t></rPh></si></sst>";
    const char *hoja =
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Eje o perspectiva: Clientes</t></is></c>"
        "<c t=\"inlineStr\"><is><r><t>Fin</t></r><r><t>anzas</t></r></is></c>"
        "<c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>"
        "<row><c t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c t=\"str\"><f>A2</f><v>texto</v></c>"
        "<c s=\"1\"><v>0.755</v></c><c s=\"2\"><v>45565</v></c><c s=\"3\"><v>0</v></c>"
        "<c s=\"3\"/><c t=\"d\"><v>2024-02-29T00:00:00</v></c></row>"
        "<row r=\"9\"><c r=\"C9\" t=\"inlineStr\"><is><t></t></is></c><c r=\"D9\"><v></v></c></row>"
        "<row r=\"10\"><c r=\"AB10\"><v>-1.5e3</v></c></row>";
    char *path = xlsx_hecho("a_mano.xlsx", "<workbookPr date1904=\"1\"/>", hoja, estilos, textos);
    Libro *l = abrir(path);
    if (l) {
        CHECK_STR(libro_hoja_nombre(l, 0), "Hoja única");
        PoaErr err = {{0}};
        CHECK(libro_hoja(l, 0, &err));
        Fila f;
        CHECK_INT(libro_fila(l, &f, &err), 1);
        CHECK_INT(f.numero, 2);
        CHECK_INT(f.nceldas, 4);
        CHECK_STR(f.celdas[0].texto, "Eje o perspectiva: Clientes");
        CHECK_STR(f.celdas[1].texto, "Finanzas");
        CHECK_INT(f.celdas[1].columna, 2);
        CHECK_INT(f.celdas[1].linea, 2);
        CHECK_STR(f.celdas[2].texto, "Área");
        CHECK_STR(f.celdas[3].texto, "Riesgo ");
        CHECK_INT(libro_fila(l, &f, &err), 1);
        CHECK_INT(f.numero, 3);
        CHECK_INT(f.nceldas, 7);
        CHECK_INT(f.celdas[0].tipo, CELDA_ERROR);
        CHECK_STR(f.celdas[0].texto, "#DIV/0!");
        CHECK_INT(f.celdas[1].tipo, CELDA_TEXTO);
        CHECK_STR(f.celdas[1].texto, "texto");
        CHECK_INT(f.celdas[2].formato, NUMFMT_PORCENTAJE);
        CHECK_STR(f.celdas[2].texto, "0.755");
        CHECK_INT(f.celdas[3].formato, NUMFMT_FECHA);   /* yyyy"-"mm */
        CHECK_STR(f.celdas[3].texto, "2028-10-01");      /* 45565 days after 1904-01-01 */
        CHECK_STR(f.celdas[4].texto, "1904-01-01");
        CHECK_INT(f.celdas[5].tipo, CELDA_VACIA);
        CHECK_INT(f.celdas[6].formato, NUMFMT_FECHA);
        CHECK_STR(f.celdas[6].texto, "2024-02-29");
        /* Row 9 has only empty cells: it is skipped. */
        CHECK_INT(libro_fila(l, &f, &err), 1);
        CHECK_INT(f.numero, 10);
        CHECK_INT(f.nceldas, 28);
        CHECK_STR(f.celdas[27].texto, "-1500");
        CHECK_INT(libro_fila(l, &f, &err), 0);
        /* A sheet may be read again from the start. */
        CHECK(libro_hoja(l, 0, &err));
        CHECK_INT(libro_fila(l, &f, &err), 1);
        CHECK_INT(f.numero, 2);
    }
    libro_cerrar(l);
    free(path);
}

static const char *const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";
#define ODS_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""

static char *ods_hecho(const char *name, const char *tablas)
{
    char *content = xasprintf("<office:document-content " ODS_NS "><office:body>"
                              "<office:spreadsheet>%s</office:spreadsheet></office:body>"
                              "</office:document-content>", tablas);
    const char *partes[] = {"mimetype", ODS_MIME, "content.xml", content, NULL};
    char *path = zip_hecho(name, partes);
    free(content);
    return path;
}

TEST(ods_hecho_a_mano)
{
    const char *tablas =
        "<table:table table:name=\"Afiliación\">"
        "<table:table-column table:number-columns-repeated=\"3\"/>"
        "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell "
        "table:number-columns-repeated=\"16384\"/></table:table-row>"
        "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Área:"
        "<text:s text:c=\"2\"/>Afiliación</text:p><text:p>segunda<text:tab/>línea"
        "<text:line-break/><text:span>fin</text:span> <text:a>enlace</text:a></text:p>"
        "<office:annotation><text:p>comentario</text:p></office:annotation></table:table-cell>"
        "<table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"percentage\" "
        "office:value=\"0.25\"><text:p>25 %</text:p></table:table-cell>"
        "<table:covered-table-cell/>"
        "<table:table-cell table:number-columns-repeated=\"3\" office:value-type=\"string\">"
        "<text:p>x</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"date\" office:date-value=\"2024-09-30T10:00:00\"/>"
        "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"/>"
        "<table:table-cell office:value-type=\"currency\" office:value=\"1500000.5\"/>"
        "<table:table-cell table:number-columns-repeated=\"1000\"/></table:table-row>"
        "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell "
        "office:value-type=\"float\" office:value=\"7\"/></table:table-row>"
        "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell/>"
        "</table:table-row></table:table>"
        "<table:table table:name=\"Otra\"><table:table-row><table:table-cell "
        "office:value-type=\"string\"><text:p>solo</text:p></table:table-cell></table:table-row>"
        "</table:table>";
    char *path = ods_hecho("a_mano.ods", tablas);
    Libro *l = abrir(path);
    if (l) {
        CHECK_INT(libro_formato(l), LIBRO_ODS);
        CHECK_INT(libro_nhojas(l), 2);
        CHECK_STR(libro_hoja_nombre(l, 0), "Afiliación");
        CHECK_STR(libro_hoja_nombre(l, 1), "Otra");
        PoaErr err = {{0}};
        CHECK(libro_hoja(l, 0, &err));
        Fila f;
        CHECK_INT(libro_fila(l, &f, &err), 1);
        CHECK_INT(f.numero, 3);
        CHECK_INT(f.nceldas, 9);
        CHECK_STR(f.celdas[0].texto, "Área:  Afiliación\nsegunda\tlínea\nfin enlace");
        CHECK_INT(f.celdas[1].tipo, CELDA_NUMERO);
        CHECK_INT(f.celdas[1].formato, NUMFMT_PORCENTAJE);
        CHECK_STR(f.celdas[1].texto, "0.25");
        CHECK_INT(f.celdas[2].tipo, CELDA_VACIA);
        CHECK_STR(f.celdas[3].texto, "x");
        CHECK_STR(f.celdas[5].texto, "x");
        CHECK_INT(f.celdas[5].columna, 6);
        CHECK_INT(f.celdas[6].formato, NUMFMT_FECHA);
        CHECK_STR(f.celdas[6].texto, "2024-09-30");
        CHECK_DBL(f.celdas[6].num, 45565, 0);
        CHECK_INT(f.celdas[7].tipo, CELDA_BOOLEANO);
        CHECK_STR(f.celdas[7].texto, "VERDADERO");
        CHECK_STR(f.celdas[8].texto, "1500000.5");
        for (int k = 4; k <= 6; k++) {
            CHECK_INT(libro_fila(l, &f, &err), 1);
            CHECK_INT(f.numero, k);
            CHECK_INT(f.nceldas, 1);
            CHECK_INT(f.celdas[0].linea, k);
            CHECK_STR(f.celdas[0].texto, "7");
        }
        CHECK_INT(libro_fila(l, &f, &err), 0);
        CHECK(libro_hoja(l, 1, &err));
        CHECK_INT(libro_fila(l, &f, &err), 1);
        CHECK_STR(f.celdas[0].texto, "solo");
        CHECK_INT(libro_fila(l, &f, &err), 0);
    }
    libro_cerrar(l);
    free(path);
}

static long rss_pico_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* 100,000 rows of a text (inline: constant_memory writes no shared
 * strings) and 13 numbers. */
static void escribir_grande(const char *path)
{
    lxw_workbook_options op = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(path, &op);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Grande");
    char txt[64];
    for (int r = 0; r < 100000; r++) {
        snprintf(txt, sizeof txt, "Actividad número %d de la unidad", r + 1);
        worksheet_write_string(ws, (lxw_row_t)r, 0, txt, NULL);
        for (int c = 1; c < 14; c++)
            worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, r * 0.5 + c, NULL);
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        _exit(1);
}

/* A 100,000-row sheet streams in bounded memory (peak RSS). */
TEST(xlsx_cien_mil_filas)
{
    char *path = t_tmp("grande.xlsx");
    /* Written by a child process, so this process's peak RSS is only ours. */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        escribir_grande(path);
        _exit(0);
    }
    int st = -1;
    waitpid(pid, &st, 0);
    CHECK_INT(st, 0);
    long antes = rss_pico_kib();
    Libro *l = abrir(path);
    PoaErr err = {{0}};
    long filas = 0, suma_ok = 0;
    if (l && libro_hoja(l, 0, &err)) {
        Fila f;
        int r;
        while ((r = libro_fila(l, &f, &err)) == 1) {
            filas++;
            if (f.nceldas == 14 && f.celdas[13].num == (f.numero - 1) * 0.5 + 13)
                suma_ok++;
        }
        CHECK_INT(r, 0);
    }
    long despues = rss_pico_kib();
    printf("  100000 filas: pico de RSS %ld KiB antes, %ld KiB después (+%ld KiB)\n", antes,
           despues, despues - antes);
    CHECK_INT(filas, 100000);
    CHECK_INT(suma_ok, 100000);
    CHECK(despues - antes < 64 * 1024);
    libro_cerrar(l);
    free(path);
}

static void check_error(const char *path, const char *esperado)
{
    PoaErr err = {{0}};
    Libro *l = libro_abrir(path, NULL, &err);
    if (l) {
        /* Opened: the damage must show when reading. */
        bool fallo = false;
        for (int h = 0; h < libro_nhojas(l) && !fallo; h++) {
            if (!libro_hoja(l, h, &err)) {
                fallo = true;
                break;
            }
            Fila f;
            int r;
            while ((r = libro_fila(l, &f, &err)) == 1)
                ;
            fallo = r < 0;
        }
        CHECK(fallo);
        libro_cerrar(l);
    }
    CHECK_CONTAINS(err.msg, path);
    CHECK_CONTAINS(err.msg, esperado);
}

TEST(entradas_danadas)
{
    /* A truncated zip (half the real xlsx). */
    size_t len;
    char *datos = t_read_file(DOCS "ars-semma-poa-2024.xlsx", &len);
    char *p = t_write_tmp("truncado.xlsx", datos, len / 2);
    check_error(p, "dañado");
    free(p);
    free(datos);
    datos = t_read_file(DOCS "caja-mutual-seguimiento-t3-2024.ods", &len);
    p = t_write_tmp("truncado.ods", datos, len - 100);
    check_error(p, "dañado");
    free(p);
    free(datos);
    datos = t_read_file(DOCS "ars-semma-poa-2024.xls", &len);
    p = t_write_tmp("truncado.xls", datos, len / 3);
    check_error(p, "no es un libro de Excel 97–2003 legible");
    free(p);
    free(datos);

    const char *sin_hojas[] = {"leeme.txt", "hola", NULL};
    p = zip_hecho("sin_hojas.xlsx", sin_hojas);
    check_error(p, "archivo comprimido sin hojas");
    free(p);

    const char *basura[] = {"xl/workbook.xml", "<workbook><sheets><sheet name=", NULL};
    p = zip_hecho("basura.xlsx", basura);
    check_error(p, "xl/workbook.xml no es XML válido (línea 1");
    free(p);

    p = xlsx_hecho("basura_hoja.xlsx", NULL, "<row><c><v>1</v></c></row><row><c>", NULL, NULL);
    check_error(p, "xl/worksheets/s1.xml no es XML válido");
    free(p);

    p = xlsx_hecho("no_numero.xlsx", NULL, "<row r=\"4\"><c r=\"B4\"><v>abc</v></c></row>",
                   NULL, NULL);
    check_error(p, ":Hoja única!B4: «abc» no es un número");
    free(p);

    p = xlsx_hecho("indice.xlsx", NULL, "<row r=\"4\"><c r=\"C4\" t=\"s\"><v>7</v></c></row>",
                   NULL, NULL);
    check_error(p, ":Hoja única!C4: índice de texto compartido no válido");
    free(p);

    StrBuf largo = {0};
    sb_append(&largo, "<row r=\"17\"><c r=\"P17\" t=\"inlineStr\"><is><t>");
    for (int i = 0; i < 32768; i++)
        sb_append(&largo, "ó");
    sb_append(&largo, "</t></is></c></row>");
    p = xlsx_hecho("largo.xlsx", NULL, sb_str(&largo), NULL, NULL);
    check_error(p, ":Hoja única!P17: la celda tiene más de 32.767 caracteres");
    free(p);
    /* 32,767 characters exactly are fine. */
    sb_clear(&largo);
    sb_append(&largo, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
    for (int i = 0; i < 32767; i++)
        sb_append(&largo, "ó");
    sb_append(&largo, "</t></is></c></row>");
    p = xlsx_hecho("justo.xlsx", NULL, sb_str(&largo), NULL, NULL);
    Libro *l = abrir(p);
    if (l)
        CHECK_INT(strlen(celda(l, 0, 1, 1).texto) > 0, 1);
    libro_cerrar(l);
    free(p);
    sb_free(&largo);

    /* Billion laughs: any DOCTYPE is refused before an entity expands. */
    const char *bomba =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
        "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 "
        "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
        "<office:document-content " ODS_NS "><text:p>&lol3;</text:p></office:document-content>";
    const char *partes[] = {"content.xml", bomba, NULL};
    p = zip_hecho("risas.ods", partes);
    check_error(p, "DOCTYPE");
    free(p);

    p = ods_hecho("largo.ods", "<table:table table:name=\"H\"><table:table-row>"
                  "<table:table-cell table:number-columns-repeated=\"2\"/><table:table-cell "
                  "office:value-type=\"float\" office:value=\"x1\"/></table:table-row>"
                  "</table:table>");
    check_error(p, ":H!C1: valor numérico no válido");
    free(p);

    PoaErr err = {{0}};
    CHECK(libro_abrir("/no/existe.xlsx", NULL, &err) == NULL);
    CHECK_CONTAINS(err.msg, "/no/existe.xlsx: no se pudo abrir: no existe");

    /* The .xls on which FreeXL 1.0.6 reads past its buffer (found by our
     * fuzzing): walked in a child process first, refused, and this process
     * never runs FreeXL on it (under AddressSanitizer it would abort here). */
    err = (PoaErr){{0}};
    CHECK(libro_abrir(POA_SOURCE_DIR "/tests/fuzz/hallazgos/freexl-1.0.6-utf16.xls", NULL,
                      &err) == NULL);
    CHECK_CONTAINS(err.msg, "freexl-1.0.6-utf16.xls: ");
    /* the real document still reads */
    Libro *xls = libro_abrir(DOCS "caja-mutual-seguimiento-t3-2024.xls", NULL, &err);
    CHECK(xls != NULL);
    libro_cerrar(xls);
}

int main(void)
{
    RUN(xlsx_cien_mil_filas);   /* first: the peak RSS is then only its own */
    RUN(libro_por_sus_primeros_bytes);
    RUN(documentos_nombres_de_hojas);
    RUN(documentos_celdas);
    RUN(documentos_tres_formatos_iguales);
    RUN(generado_con_libxlsxwriter);
    RUN(xlsx_hecho_a_mano);
    RUN(ods_hecho_a_mano);
    RUN(entradas_danadas);
    return t_finish();
}
