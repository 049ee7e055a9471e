/* test_informes_vuelta.c — poa's own XLSX reports read back: every column a
 * report carries equals the flat export of the same plan, for both
 * fixtures, as written and as LibreOffice saves them again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <xlsxwriter.h>

#include "csv.h"
#include "formatos.h"
#include "plancsv.h"
#include "testlib.h"
#include "xlsx_export.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

typedef struct {
    char *v[PLANO_NCOLS];
} Rec;

typedef struct {
    Rec *r;
    int n, cap;
    PlanoAvisos av;
    int por_formato[3];   /* records from INFORME_POA, _SEGUIMIENTO, _TABLERO */
} Recs;

static Rec *recs_add(Recs *o)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 64;
        o->r = xrealloc(o->r, (size_t)o->cap * sizeof *o->r);
    }
    Rec *r = &o->r[o->n++];
    memset(r, 0, sizeof *r);
    return r;
}

static void recs_free(Recs *o)
{
    for (int k = 0; k < o->n; k++)
        for (int i = 0; i < PLANO_NCOLS; i++)
            free(o->r[k].v[i]);
    free(o->r);
    plano_avisos_free(&o->av);
    memset(o, 0, sizeof *o);
}

static bool recoger(void *ctx, const PlanoRegistro *pr, PoaErr *err)
{
    (void)err;
    Rec *r = recs_add(ctx);
    for (int i = 0; i < PLANO_NCOLS; i++)
        r->v[i] = xstrdup(pr->v[i] ? pr->v[i] : "");
    return true;
}

/* The flat export of p at corte, read back as the flat import reads it
 * (the apostrophe that keeps «=…» from being a formula dropped). */
static void plano_exportado(Plan *p, int corte, Recs *o)
{
    char *path = t_tmp("plano.csv");
    PoaErr err = {{0}};
    CsvExportOpts op = {.corte = corte};
    CHECK(plancsv_export(p, path, &op, NULL, &err));
    CsvReader *r = csv_open(path, &err);
    CHECK(r != NULL);
    CsvRow row;
    int map[64];
    int nh = -1;
    while (r && csv_next(r, &row, &err) == 1) {
        if (nh < 0) {
            nh = row.nfields < 64 ? row.nfields : 64;
            for (int i = 0; i < nh; i++) {
                map[i] = -1;
                for (int k = 0; k < PLANO_NCOLS; k++)
                    if (strcmp(row.fields[i], PLANO_COLS[k]) == 0)
                        map[i] = k;
            }
            continue;
        }
        Rec *x = recs_add(o);
        for (int i = 0; i < PLANO_NCOLS; i++)
            x->v[i] = xstrdup("");
        for (int i = 0; i < nh && i < row.nfields; i++)
            if (map[i] >= 0) {
                const char *s = row.fields[i];
                if (s[0] == '\'' && strchr("=+-@", s[1]))
                    s++;
                free(x->v[map[i]]);
                x->v[map[i]] = xstrdup(s);
            }
    }
    csv_close(r);
    free(path);
}

/* Every sheet through the three report layouts (the first that detects it). */
static bool informe_leer(const char *path, Recs *o)
{
    const PlanoFormato *fmts[] = {&FORMATO_INFORME_POA, &FORMATO_INFORME_SEGUIMIENTO,
                                  &FORMATO_INFORME_TABLERO};
    PoaErr err = {{0}};
    Libro *l = libro_abrir(path, NULL, &err);
    CHECK(l != NULL);
    if (!l) {
        printf("  %s\n", err.msg);
        return false;
    }
    bool ok = true;
    for (int h = 0; h < libro_nhojas(l); h++) {
        int k = 0;
        while (k < 3 && !fmts[k]->detect(l, h, &err))
            k++;
        CHECK(k < 3);
        if (k == 3) {
            printf("  hoja «%s» sin formato\n", libro_hoja_nombre(l, h));
            ok = false;
            continue;
        }
        /* the institutions' layouts leave poa's own sheets to these */
        CHECK(!FORMATO_POA_BLOQUES.detect(l, h, &err));
        CHECK(!FORMATO_SEGUIMIENTO_TABLA.detect(l, h, &err));
        int antes = o->n;
        PlanoOpciones op = {0};
        if (!fmts[k]->read(l, h, &op, recoger, o, &o->av, &err)) {
            printf("  %s\n", err.msg);
            ok = false;
        }
        o->por_formato[k] += o->n - antes;
    }
    libro_cerrar(l);
    return ok;
}

/* Equal as values: "1500000.00" = "1500000", "x" = "X", "25 %" = "25%". */
static bool iguales(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    if (strcasecmp(a, "x") == 0 && strcasecmp(b, "x") == 0)
        return true;
    double x, y;
    bool px, py;
    return num_parse_pct(a, &x, &px) && num_parse_pct(b, &y, &py) && px == py && x == y;
}

static bool es_seguimiento(int c)
{
    return c == PLANO_CORTE || c == PLANO_REAL || c == PLANO_PCT_PUBLICADO ||
           c == PLANO_OBSERVACIONES || c == PLANO_EVIDENCIA;
}

/* Pairs the records by unit, code, text and occurrence (the order of the
 * sheets need not be the flat file's) and counts the unequal values;
 * without seguimiento, its columns must be empty in what was read. */
static int comparar(const Recs *got, const Recs *ref, bool con_seguimiento)
{
    int dif = 0;
    CHECK_INT(got->n, ref->n);
    bool *usado = xcalloc((size_t)got->n + 1, sizeof *usado);
    for (int m = 0; m < ref->n; m++) {
        const Rec *f = &ref->r[m];
        int g = -1;
        for (int q = 0; q < got->n && g < 0; q++)
            if (!usado[q] && strcmp(got->r[q].v[PLANO_UNIDAD], f->v[PLANO_UNIDAD]) == 0 &&
                strcmp(got->r[q].v[PLANO_ACT_COD], f->v[PLANO_ACT_COD]) == 0 &&
                strcmp(got->r[q].v[PLANO_ACTIVIDAD], f->v[PLANO_ACTIVIDAD]) == 0)
                g = q;
        if (g < 0) {
            printf("  FALTA %s %s\n", f->v[PLANO_ACT_COD], f->v[PLANO_ACTIVIDAD]);
            dif++;
            continue;
        }
        usado[g] = true;
        for (int c = 0; c < PLANO_NCOLS; c++) {
            const char *esperado = !con_seguimiento && es_seguimiento(c) ? "" : f->v[c];
            if (!iguales(got->r[g].v[c], esperado)) {
                printf("  %s %s: %s «%.60s» leído, «%.60s» en el plano\n", f->v[PLANO_UNIDAD],
                       f->v[PLANO_ACT_COD], PLANO_COLS[c], got->r[g].v[c], esperado);
                dif++;
            }
        }
    }
    free(usado);
    return dif;
}

static char *exportar(Plan *p, XlsxInforme inf, const char *nombre)
{
    char *path = t_tmp(nombre);
    XlsxOpts o = {0};
    xlsx_opts_from_config(&o, NULL);
    o.path = path;
    o.informe = inf;
    o.corte = 3;
    PoaErr err = {{0}};
    bool ok = xlsx_export(p, &o, NULL, NULL, &err);
    if (!ok)
        printf("  %s\n", err.msg);
    CHECK(ok);
    return path;
}

static bool aviso_hay(const PlanoAvisos *av, const char *fin)
{
    for (int i = 0; i < av->n; i++) {
        size_t a = strlen(av->lineas[i]), b = strlen(fin);
        if (a >= b && strcmp(av->lineas[i] + a - b, fin) == 0)
            return true;
    }
    return false;
}

/* The whole check on one workbook: todo gives one record per actividad
 * (the POA's, with the seguimiento sheet's values) and skips the tablero. */
static void vuelta_comprobar(const char *path, Plan *p, XlsxInforme inf, const char *que)
{
    Recs got = {0}, ref = {0};
    CHECK(informe_leer(path, &got));
    /* todo at a corte without seguimiento (ARS) is the POA alone */
    bool solo_poa = inf == XLSX_INFORME_TODO && !calc_corte_con_datos(p, 3);
    bool con_seg = inf != XLSX_INFORME_POA && !solo_poa;
    plano_exportado(p, con_seg ? 3 : 0, &ref);
    int dif = comparar(&got, &ref, con_seg);
    printf("  %s: %d registros (%d de la hoja POA, %d del seguimiento), %d diferencias\n", que,
           got.n, got.por_formato[0], got.por_formato[1], dif);
    CHECK_INT(dif, 0);
    if (solo_poa) {
        CHECK_INT(got.por_formato[0], ref.n);
        CHECK_INT(got.por_formato[1], 0);
    } else if (inf == XLSX_INFORME_TODO) {
        CHECK_INT(got.por_formato[0], ref.n);
        CHECK_INT(got.por_formato[1], 0);
        CHECK(aviso_hay(&got.av, ":Tablero EN-SEP: hoja de resumen: no trae actividades"));
        CHECK(aviso_hay(&got.av, ":Seguimiento EN-SEP: sus actividades se leyeron con la hoja "
                                 "«POA 2024» del mismo informe (con el seguimiento de esta)"));
    }
    if (getenv("POA_AVISOS"))
        for (int i = 0; i < got.av.n; i++)
            printf("  aviso: %s\n", got.av.lineas[i]);
    recs_free(&got);
    recs_free(&ref);
}

/* The workbook re-saved by LibreOffice as ext into its own folder; NULL
 * (with the reason printed) when soffice is not installed. */
static char *libreoffice_guardar(const char *path, const char *ext)
{
    if (system("command -v soffice >/dev/null 2>&1") != 0) {
        printf("  SALTADA: soffice no está instalado (bash tests/tools/deps.sh --render)\n");
        return NULL;
    }
    char *dir = t_tmp(ext);
    char *perfil = t_tmp("lo-perfil");
    char *cmd = xasprintf("soffice --headless -env:UserInstallation=file://%s --convert-to %s "
                          "--outdir '%s' '%s' >/dev/null 2>&1", perfil, ext, dir, path);
    int rc = system(cmd);
    CHECK_INT(rc, 0);
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char *out = xasprintf("%s/%.*s.%s", dir, (int)(strrchr(base, '.') - base), base, ext);
    free(cmd);
    free(perfil);
    free(dir);
    return out;
}

static void fixture_vuelta(const char *csv, const char *nombre)
{
    char *db = xasprintf("%s.db", nombre);
    Plan *p = t_import_tmp(db, csv);
    const XlsxInforme infs[] = {XLSX_INFORME_TODO, XLSX_INFORME_POA, XLSX_INFORME_SEGUIMIENTO};
    for (int i = 0; i < 3; i++) {
        char *x = xasprintf("%s-%s.xlsx", nombre, xlsx_informe_name(infs[i]));
        char *path = exportar(p, infs[i], x);
        char *que = xasprintf("%s %s", nombre, xlsx_informe_name(infs[i]));
        vuelta_comprobar(path, p, infs[i], que);
        for (int k = 0; infs[i] == XLSX_INFORME_TODO && k < 2; k++) {
            const char *ext = k == 0 ? "xlsx" : "ods";
            char *lo = libreoffice_guardar(path, ext);
            if (!lo)
                break;
            char *q2 = xasprintf("%s (guardado por LibreOffice como .%s)", que, ext);
            vuelta_comprobar(lo, p, infs[i], q2);
            free(q2);
            free(lo);
        }
        free(que);
        free(path);
        free(x);
    }
    plan_free(p);
    free(db);
}

TEST(informe_ars_vuelve_al_plan) { fixture_vuelta(ARS, "ars"); }

TEST(informe_caja_vuelve_al_plan) { fixture_vuelta(CAJA, "caja"); }

/* A POA report as a person may leave it after editing the printed cells:
 * a month marked, the responsables and the budget changed, the activity's
 * text rewritten. The hidden columns (col 40 on) still hold the export. */
TEST(informe_celdas_impresas_mandan)
{
    char *path = t_tmp("editado.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "POA 2024");
    worksheet_write_string(ws, 3, 2, "Actividades", NULL);
    worksheet_write_string(ws, 3, 15, "Responsables", NULL);
    worksheet_write_string(ws, 3, 16, "Presupuesto", NULL);
    worksheet_write_string(ws, 3, 40, "poa:POA", NULL);
    for (int i = 0; i < PLANO_NCOLS; i++)
        worksheet_write_string(ws, 3, (lxw_col_t)(41 + i), PLANO_COLS[i], NULL);
    for (int m = 0; m < 12; m++)
        worksheet_write_string(ws, 5, (lxw_col_t)(3 + m), POA_MES_CORTO[m], NULL);
    worksheet_write_string(ws, 6, 2, "1.1 Alianza con el MINERD", NULL);
    worksheet_write_string(ws, 6, 4, "X", NULL);
    worksheet_write_number(ws, 6, 5, 3, NULL);
    worksheet_write_string(ws, 6, 15, "Afiliación/ TIC", NULL);
    worksheet_write_number(ws, 6, 16, 2500.5, NULL);
    const struct {
        PlanoCol c;
        const char *v;
    } oculto[] = {{PLANO_INSTITUCION, "ARS SEMMA"}, {PLANO_ANIO, "2024"},
                  {PLANO_UNIDAD, "Afiliación"},     {PLANO_ACT_COD, "1.1"},
                  {PLANO_ACTIVIDAD, "Alianza estratégica con el MINERD"},
                  {PLANO_ENE, "x"},                 {PLANO_RESPONSABLES, "Afiliación"},
                  {PLANO_PRESUPUESTO, "1500000.00"}, {PLANO_PRESUPUESTO_NOTA, "RD$"}};
    for (size_t i = 0; i < POA_ARRAY_LEN(oculto); i++)
        worksheet_write_string(ws, 6, (lxw_col_t)(41 + oculto[i].c), oculto[i].v, NULL);
    CHECK_INT(workbook_close(wb), LXW_NO_ERROR);

    Recs got = {0};
    CHECK(informe_leer(path, &got));
    CHECK_INT(got.n, 1);
    if (got.n == 1) {
        const Rec *r = &got.r[0];
        CHECK_STR(r->v[PLANO_ENE], "");
        CHECK_STR(r->v[PLANO_FEB], "X");
        CHECK_STR(r->v[PLANO_MAR], "3");
        CHECK_STR(r->v[PLANO_RESPONSABLES], "Afiliación/ TIC");
        CHECK_STR(r->v[PLANO_PRESUPUESTO], "2500.50");
        CHECK_STR(r->v[PLANO_PRESUPUESTO_NOTA], "RD$");
        CHECK_STR(r->v[PLANO_ACTIVIDAD], "Alianza estratégica con el MINERD");
    }
    char *esperado = xasprintf("%s:POA 2024!C7: la actividad impresa «1.1 Alianza con el MINERD» "
                               "no es la de la clave oculta del informe «1.1 Alianza estratégica "
                               "con el MINERD»; se toma la de la clave", path);
    CHECK_INT(got.av.n, 1);
    if (got.av.n == 1)
        CHECK_STR(got.av.lineas[0], esperado);
    free(esperado);
    recs_free(&got);
    free(path);
}

/* The institution's own column titles ([columnas] poa_*): the reader finds
 * the printed columns by the hidden «poa:columnas» cell, not by the titles;
 * the report and LibreOffice's re-save of it read back whole. */
TEST(informe_titulos_propios_vuelve)
{
    Plan *p = t_import_tmp("titulos.db", ARS);
    char *path = t_tmp("titulos.xlsx");
    XlsxOpts o = {0};
    xlsx_opts_from_config(&o, NULL);
    const char *t[XLSX_POA_NTITULOS] = {"Productos", "Indicadores de producto", "Acciones",
                                        "Calendario", "Encargados", "Costo estimado"};
    memcpy(o.titulo_poa, t, sizeof t);
    o.moneda = "RD$";
    o.path = path;
    o.informe = XLSX_INFORME_POA;
    PoaErr err = {{0}};
    CHECK(xlsx_export(p, &o, NULL, NULL, &err));
    vuelta_comprobar(path, p, XLSX_INFORME_POA, "ars con títulos propios");
    char *lo = libreoffice_guardar(path, "xlsx");
    if (lo)
        vuelta_comprobar(lo, p, XLSX_INFORME_POA, "ars con títulos propios (LibreOffice)");
    free(lo);
    free(path);
    plan_free(p);
}

/* A report whose titles the reader does not know: «poa:columnas» says where
 * the printed budget and responsables are, and they are read from there. */
TEST(informe_columnas_por_numero)
{
    char *path = t_tmp("por_numero.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "POA 2024");
    worksheet_write_string(ws, 3, 2, "Acciones", NULL);
    worksheet_write_string(ws, 3, 15, "Encargados", NULL);
    worksheet_write_string(ws, 3, 16, "Costo", NULL);
    worksheet_write_string(ws, 3, 40, "poa:POA", NULL);
    for (int i = 0; i < PLANO_NCOLS; i++)
        worksheet_write_string(ws, 3, (lxw_col_t)(41 + i), PLANO_COLS[i], NULL);
    worksheet_write_string(ws, 3, (lxw_col_t)(41 + PLANO_NCOLS),
                           "poa:columnas act=2 resp=15 pres=16", NULL);
    for (int m = 0; m < 12; m++)
        worksheet_write_string(ws, 5, (lxw_col_t)(3 + m), POA_MES_CORTO[m], NULL);
    worksheet_write_string(ws, 6, 2, "1.1 Alianza estratégica con el MINERD", NULL);
    worksheet_write_string(ws, 6, 15, "Afiliación/ TIC", NULL);
    worksheet_write_number(ws, 6, 16, 2500.5, NULL);
    const struct {
        PlanoCol c;
        const char *v;
    } oculto[] = {{PLANO_INSTITUCION, "ARS SEMMA"}, {PLANO_ANIO, "2024"},
                  {PLANO_UNIDAD, "Afiliación"},     {PLANO_ACT_COD, "1.1"},
                  {PLANO_ACTIVIDAD, "Alianza estratégica con el MINERD"},
                  {PLANO_PRESUPUESTO_NOTA, "RD$; monto compartido"}};
    for (size_t i = 0; i < POA_ARRAY_LEN(oculto); i++)
        worksheet_write_string(ws, 6, (lxw_col_t)(41 + oculto[i].c), oculto[i].v, NULL);
    CHECK_INT(workbook_close(wb), LXW_NO_ERROR);
    Recs got = {0};
    CHECK(informe_leer(path, &got));
    CHECK_INT(got.n, 1);
    if (got.n == 1) {
        CHECK_STR(got.r[0].v[PLANO_RESPONSABLES], "Afiliación/ TIC");
        CHECK_STR(got.r[0].v[PLANO_PRESUPUESTO], "2500.50");
        CHECK_STR(got.r[0].v[PLANO_PRESUPUESTO_NOTA], "RD$; monto compartido");
    }
    CHECK_INT(got.av.n, 0);
    recs_free(&got);
    free(path);
}

int main(void)
{
    RUN(informe_ars_vuelve_al_plan);
    RUN(informe_caja_vuelve_al_plan);
    RUN(informe_celdas_impresas_mandan);
    RUN(informe_titulos_propios_vuelve);
    RUN(informe_columnas_por_numero);
    return t_finish();
}
